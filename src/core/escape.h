/* SPDX-License-Identifier: ISC */
/*
 * Escapers for device-controlled bytes, one per output context.  Every byte
 * a device sent passes through one of these before it is written anywhere.
 * All append to a cs_buf and return 0 or the cs_buf error.
 *
 *   JSON      "..." with \" \\ \uXXXX for controls, U+2028/2029, bidi and
 *             zero-width characters; invalid UTF-8 -> U+FFFD.
 *   CSV       RFC 4180 quoting; a cell starting with = + - @ TAB CR gets a
 *             leading ' so spreadsheets never evaluate it; controls and
 *             invalid UTF-8 replaced.
 *   HTML      & < > " ' escaped; controls, bidi and zero-width characters
 *             and invalid UTF-8 replaced.
 *   terminal  printable ASCII and valid UTF-8 (no C1 controls) kept; every
 *             other byte becomes \xNN, so ESC sequences cannot reach a tty;
 *             bidi controls (U+202A-202E, U+2066-2069, ...), zero-width
 *             characters and U+2028/2029 become \uXXXX, so no string can
 *             reorder or hide what is printed after it.
 */
#ifndef CS_CORE_ESCAPE_H
#define CS_CORE_ESCAPE_H

#include <stddef.h>
#include <stdint.h>

#include "core/buf.h"

/* Appends s as a complete JSON string literal, quotes included. */
int cs_esc_json(struct cs_buf *b, const void *s, size_t n);
/*
 * Writes s as cs_esc_json appends it into w, which has room for 6 n + 2
 * bytes (the longest escape); returns the bytes written.
 */
size_t cs_esc_json_to(uint8_t *w, const void *s, size_t n);
/* Appends s as one CSV field (quoted when needed). */
int cs_esc_csv(struct cs_buf *b, const void *s, size_t n);
/* Appends s as HTML text content. */
int cs_esc_html(struct cs_buf *b, const void *s, size_t n);
/* Appends s made safe for a terminal or log line. */
int cs_esc_term(struct cs_buf *b, const void *s, size_t n);

/*
 * Returns the length of the valid UTF-8 sequence starting at p (at most n
 * bytes), or 0 if it is invalid (overlong, surrogate, > U+10FFFF,
 * truncated).  *cp receives the code point.
 */
size_t cs_utf8_seq(const unsigned char *p, size_t n, unsigned long *cp);

#endif /* CS_CORE_ESCAPE_H */
