/* SPDX-License-Identifier: ISC */
/*
 * SDP (RFC 4566) session descriptions, as returned by RTSP DESCRIBE.
 * Pure and bounded; all spans point into the caller's input.
 */
#ifndef CS_PARSE_PARSE_SDP_H
#define CS_PARSE_PARSE_SDP_H

#include <stddef.h>
#include <stdint.h>

#include "core/cs.h"

#define CS_SDP_MAX 16384    /* bytes of one description */
#define CS_SDP_ATTR_MAX 64  /* a= lines kept */
#define CS_SDP_MEDIA_MAX 16 /* m= lines kept */

struct cs_sdp {
	struct cs_span version; /* v= */
	struct cs_span origin;  /* o= */
	struct cs_span session; /* s= */
	struct cs_span info;    /* first i= (session or media level) */
	struct cs_span attr[CS_SDP_ATTR_MAX]; /* text after "a=", in order */
	size_t nattr;
	struct cs_span media[CS_SDP_MEDIA_MAX]; /* text after "m=" */
	size_t nmedia;
};

/*
 * Parses the description at p (n bytes, not NUL-terminated).  Lines are
 * "x=value" with x a lower-case letter, ended by CRLF or LF (the last
 * line may lack an end); empty lines are skipped; the first line must be
 * v=.  Values are not trimmed.
 *
 * Returns 0; CS_EPROTO for an empty description, a line not of the form
 * above, a CR not followed by LF or a NUL byte; CS_ELIMIT if n exceeds
 * CS_SDP_MAX or there are more a= or m= lines than fit (out then holds
 * what was parsed before the cap was hit).
 */
int cs_sdp_parse(const uint8_t *p, size_t n, struct cs_sdp *out);

#endif /* CS_PARSE_PARSE_SDP_H */
