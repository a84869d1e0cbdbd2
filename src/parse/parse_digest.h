/* SPDX-License-Identifier: ISC */
/*
 * HTTP authentication challenges (RFC 9110 section 11.6.1, RFC 7616):
 * finds the Digest challenge in a WWW-Authenticate value and copies its
 * parameters.  Pure and bounded: no I/O, no allocation, no globals; the
 * input need not be NUL-terminated.  Parameter values are copied,
 * unescaped (quoted-pair) and NUL-terminated into fixed fields; a value
 * longer than its field is an error, never silently cut, because a cut
 * nonce or realm would produce a wrong response.
 */
#ifndef CS_PARSE_PARSE_DIGEST_H
#define CS_PARSE_PARSE_DIGEST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/cs.h"

#define CS_DIGEST_VALUE_MAX 256  /* bytes of one parameter value, incl. NUL */
#define CS_DIGEST_PARAMS_MAX 32  /* parameters per challenge */
#define CS_DIGEST_INPUT_MAX 8192 /* bytes of one header value */

enum cs_digest_alg {
	CS_DIGEST_MD5 = 0,     /* "MD5" or no algorithm parameter */
	CS_DIGEST_SHA256 = 1,  /* "SHA-256" */
	CS_DIGEST_UNKNOWN = 2, /* anything else ("-sess" variants too) */
};

struct cs_digest_chal {
	char realm[CS_DIGEST_VALUE_MAX];
	char nonce[CS_DIGEST_VALUE_MAX];
	char opaque[CS_DIGEST_VALUE_MAX]; /* "" if absent */
	bool has_opaque;
	enum cs_digest_alg alg;
	bool qop_auth;  /* qop list contains "auth" */
	bool qop_given; /* a qop parameter was present at all */
	bool stale;     /* stale=true */
	bool userhash;  /* userhash=true (RFC 7616 3.4.4) */
};

/*
 * Parses the WWW-Authenticate field value v (n bytes), which may hold
 * several comma-separated challenges, and fills *out from the first
 * challenge whose scheme is Digest and whose algorithm this module knows
 * (MD5 or SHA-256); with none known, from the first Digest challenge
 * (then out->alg is CS_DIGEST_UNKNOWN).
 *
 * Returns 0; CS_ENOTFOUND if there is no Digest challenge; CS_EPROTO for
 * a malformed parameter list or a Digest challenge without realm or
 * nonce; CS_ELIMIT if n exceeds CS_DIGEST_INPUT_MAX, a challenge has more
 * than CS_DIGEST_PARAMS_MAX parameters or a realm, nonce or opaque value
 * does not fit its field.  *out is zeroed first and holds no useful data
 * on error.
 */
int cs_digest_parse_challenge(const uint8_t *v, size_t n,
			      struct cs_digest_chal *out);

/*
 * True if the WWW-Authenticate value v (n bytes) offers the Basic scheme
 * in any of its challenges.
 */
bool cs_digest_offers_basic(const uint8_t *v, size_t n);

#endif /* CS_PARSE_PARSE_DIGEST_H */
