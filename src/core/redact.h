/* SPDX-License-Identifier: ISC */
/*
 * Secret removal: the values of known secret fields (passwords, tokens,
 * keys, Authorization headers) are replaced by "[redacted]" wherever a
 * device's reply carries them, before anything is stored or printed.
 * Recognised forms, keys matched case-insensitively at a word start:
 *
 *   JSON        "password": "v"     "Password":"v"    "secret":1234
 *   XML         <password>v</password>   <ns:Password>v<   password="v"
 *   query/form  pwd=v&...   password=v;   secret=v next-word
 *   header      Authorization: Digest ...   Cookie: a=b; c=d
 *
 * A quoted value ends at its closing quote (\" escapes it), an element's
 * at the next '<', a header's (Authorization, Cookie) at the end of its
 * line, and any other value at the first delimiter of the forms above:
 * '&', ';', ',', a quote, '<', '}', a space, a tab, CR or LF.  Only the
 * value goes: the rest of the line is kept.
 *
 * cs_obs_add applies it to every text observation, so no decoder can
 * forget it.  Pure and bounded: the output is at most as long as the
 * input plus 10 bytes per secret replaced.
 */
#ifndef CS_CORE_REDACT_H
#define CS_CORE_REDACT_H

#include <stddef.h>

#include "core/buf.h"

/*
 * Appends s (n bytes) to out with every secret value replaced.  Returns
 * the number of values replaced, or a negative cs_buf error.
 */
int cs_redact(struct cs_buf *out, const void *s, size_t n);

/* True if s (n bytes) holds a value cs_redact would replace. */
int cs_redact_needed(const void *s, size_t n);

#endif /* CS_CORE_REDACT_H */
