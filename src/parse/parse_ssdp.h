/* SPDX-License-Identifier: ISC */
/*
 * SSDP (UPnP discovery, UDP 1900) messages: an M-SEARCH response
 * ("HTTP/1.1 200 OK"), a NOTIFY or an M-SEARCH request.  They are
 * HTTP-like heads without a body; this parser reads the start line and
 * the header lines itself because parse_http only knows responses.
 * Pure and bounded; spans point into the caller's input.  The LOCATION
 * URL is only reported, never fetched.
 */
#ifndef CS_PARSE_PARSE_SSDP_H
#define CS_PARSE_PARSE_SSDP_H

#include <stddef.h>
#include <stdint.h>

#include "core/cs.h"
#include "parse/parse_http.h"

#define CS_SSDP_MAX 8192   /* bytes of one message (one datagram) */
#define CS_SSDP_HDR_MAX 40 /* header lines */

enum cs_ssdp_kind {
	CS_SSDP_RESPONSE = 1, /* HTTP/1.x status line */
	CS_SSDP_NOTIFY,       /* NOTIFY * HTTP/1.1 */
	CS_SSDP_MSEARCH,      /* M-SEARCH * HTTP/1.1 */
};

struct cs_ssdp {
	enum cs_ssdp_kind kind;
	int status; /* responses only */
	/* Trimmed header values, or empty spans when absent. */
	struct cs_span server, st, nt, nts, usn, location;
	struct cs_hdr hdr[CS_SSDP_HDR_MAX]; /* all header lines, in order */
	size_t nhdr;
};

/*
 * Parses the message at p (n bytes).  Lines end with CRLF or LF; the
 * head ends at a blank line or at the end of the input (anything after
 * the blank line is ignored).  Header names are matched ignoring ASCII
 * case; the first of a repeated header wins.
 *
 * Returns 0; CS_EPROTO for an unknown start line, a header line without
 * a colon or with an empty name, a CR not followed by LF, or a NUL byte
 * in the head; CS_ELIMIT if n exceeds CS_SSDP_MAX or there are more
 * than CS_SSDP_HDR_MAX header lines.  Fields may be partly filled on
 * error.
 */
int cs_ssdp_parse(const uint8_t *p, size_t n, struct cs_ssdp *out);

#endif /* CS_PARSE_PARSE_SSDP_H */
