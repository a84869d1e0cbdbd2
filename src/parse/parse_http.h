/* SPDX-License-Identifier: ISC */
/*
 * HTTP/1.x and RTSP/1.0 response parsing, shared by both protocols, plus
 * small helpers over header values and HTML bodies.  Everything here is
 * pure and bounded: no I/O, no globals, no allocation.  Every span
 * returned points into the caller's input and lives as long as it does.
 */
#ifndef CS_PARSE_PARSE_HTTP_H
#define CS_PARSE_PARSE_HTTP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/cs.h"

#define CS_HTTP_HEAD_MAX 16384 /* bytes of head incl. the blank line */
#define CS_HTTP_LINE_MAX 8192  /* bytes of one head line, without EOL */
#define CS_HTTP_HDR_MAX 100    /* header lines */
#define CS_HTML_TITLE_MAX 256  /* bytes of title text returned */
#define CS_HTML_URL_MAX 2048   /* bytes of redirect target returned */

/* One header field; both spans point into the input, value is trimmed. */
struct cs_hdr {
	struct cs_span name, value;
};

struct cs_http_resp {
	int status;            /* 100..999 */
	struct cs_span proto;  /* "HTTP/1.1" or "RTSP/1.0" */
	struct cs_span reason; /* may be empty */
	struct cs_hdr hdr[CS_HTTP_HDR_MAX];
	size_t nhdr;
	size_t head_len;     /* bytes up to and including the blank line */
	struct cs_span body; /* see cs_http_parse_response */
	bool chunked;        /* Transfer-Encoding: chunked */
	/*
	 * The whole body is present: per Content-Length, per the chunked
	 * terminator, or because the response has no body by definition
	 * (1xx, 204, 304, RTSP without Content-Length).  False for a
	 * body delimited by connection close.
	 */
	bool complete;
	size_t bad_lines; /* lines of the head that were not fields (skipped) */
};

/*
 * Parses the response head at p (n bytes; need not be NUL-terminated)
 * whose status line starts with "HTTP/" or "RTSP/".  Lines may end with
 * CRLF or a bare LF; a CR not followed by LF and a NUL byte inside a line
 * are kept as data (embedded devices send both).  A line that is not a
 * field (no colon, or a name that is not an RFC 9110 token, or folding
 * before any field) is skipped and counted in out->bad_lines; a bad
 * status line or Content-Length is a protocol error.  Obsolete line
 * folding extends the previous header's value span (which then contains
 * the line break).
 *
 * out->body is the bytes after the head: at most Content-Length bytes
 * when that header is given; for chunked coding, up to and including the
 * terminating chunk and trailers when present (else all remaining bytes;
 * decode with cs_http_dechunk); empty for 1xx/204/304 and for RTSP
 * without Content-Length; otherwise everything after the head.
 *
 * Returns 0; CS_ETRUNC if the head is not complete yet (more bytes may
 * fix it); CS_EPROTO on garbage; CS_ELIMIT if the head exceeds
 * CS_HTTP_HEAD_MAX bytes, a line CS_HTTP_LINE_MAX bytes or the header
 * count CS_HTTP_HDR_MAX.  On error *out holds no useful data.
 */
int cs_http_parse_response(const uint8_t *p, size_t n,
			   struct cs_http_resp *out);

/*
 * For a streaming reader holding the first n bytes of a response:
 * returns 1 if more bytes are needed (head incomplete, body shorter than
 * Content-Length, chunked terminator not seen, or a body delimited by
 * connection close), 0 if the response is complete, or a negative CS_E*
 * code if it can never become valid (including bad chunked framing).
 */
int cs_http_want_more(const uint8_t *p, size_t n);

/*
 * Returns the trimmed value of the first header named name (ASCII case
 * ignored), or an empty span (p may be NULL) when absent.  The span points
 * into the buffer r was parsed from.
 */
struct cs_span cs_http_header(const struct cs_http_resp *r, const char *name);

/*
 * Decodes a chunked body into out (outcap bytes); with out == NULL only
 * checks the framing.  *outlen is always set to the bytes decoded so far. Chunk
 * extensions and trailers are skipped; bare LF is accepted.  Returns 0 when the
 * terminating chunk and trailer section were seen, CS_ETRUNC if body ends
 * first, CS_EPROTO on bad framing, CS_ELIMIT if the data does not fit in
 * outcap.
 */
int cs_http_dechunk(struct cs_span body, uint8_t *out, size_t outcap,
		    size_t *outlen);

/*
 * Returns the auth scheme (e.g. "Basic", "Digest") that starts a
 * WWW-Authenticate value, or an empty span.  Points into the argument.
 */
struct cs_span cs_http_auth_scheme(struct cs_span www_authenticate);

/*
 * Returns the value of the first realm parameter of a WWW-Authenticate
 * value, without the quotes of a quoted string (backslash escapes are
 * left as they are), or an empty span if there is none or its quoted
 * string is unterminated.  Points into the argument.
 */
struct cs_span cs_http_auth_realm(struct cs_span www_authenticate);

/*
 * Returns the trimmed text between the first <title ...> and the next
 * </title> (ASCII case ignored), cut to CS_HTML_TITLE_MAX bytes, or an
 * empty span if either tag is missing.  Entities are not decoded.
 */
struct cs_span cs_html_title(struct cs_span body);

/*
 * Returns the redirect target of a small HTML page: the url= part of a
 * <meta http-equiv="refresh" content="N;url=..."> tag, else the first
 * quoted string assigned to (or passed to) a JavaScript location
 * (location = "...", location.href = '...', location.replace("...")).
 * Cut to CS_HTML_URL_MAX bytes; empty span if none.  Points into body.
 */
struct cs_span cs_html_meta_refresh_or_location(struct cs_span body);

/*
 * What an RTSP reply says about access to the stream (docs/posture.md):
 * camsweep sends no RTSP credentials, so a DESCRIBE answered 2xx with an
 * SDP body is a stream open to anyone, and a 401 is protected by the
 * scheme its challenge names.
 */
enum cs_rtsp_access {
	CS_RTSP_OTHER = 0, /* any other reply (OPTIONS 200, 404, 5xx...) */
	CS_RTSP_OPEN,      /* 2xx with an SDP body (v= first) */
	CS_RTSP_AUTH,      /* 401 */
};

struct cs_rtsp_reply {
	int status; /* 100..999 */
	enum cs_rtsp_access access;
	char scheme[16]; /* 401: the challenge's scheme, lower case
			    ("basic", "digest"), "" when none or not
			    a token; cut to fit */
};

/*
 * Reads the reply r (a parsed RTSP response; body its body, which an
 * RTSP reply without Content-Length may carry after the head) into out.
 * Pure.  An HTTP response is CS_RTSP_OTHER.
 */
void cs_rtsp_reply_of(const struct cs_http_resp *r, struct cs_span body,
		      struct cs_rtsp_reply *out);

/*
 * Parses the RTSP reply at p (n bytes) with scratch and reads it as
 * cs_rtsp_reply_of, the bytes after the head standing for the body when
 * Content-Length is absent.  Returns 0, or the error of
 * cs_http_parse_response (out is then zero).
 */
int cs_rtsp_reply(const uint8_t *p, size_t n, struct cs_http_resp *scratch,
		  struct cs_rtsp_reply *out);

/* "open", "auth" or "other". */
const char *cs_rtsp_access_name(enum cs_rtsp_access a);

#endif /* CS_PARSE_PARSE_HTTP_H */
