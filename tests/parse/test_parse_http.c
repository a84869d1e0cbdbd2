/* SPDX-License-Identifier: ISC */
/* Table-driven tests of the HTTP/RTSP response parser and its helpers. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/str.h"
#include "parse/parse_http.h"
#include "core/poison.h"

#define L(s) (const uint8_t *)(s), sizeof(s) - 1

static bool
span_is(struct cs_span s, const char *want)
{
	return s.n == strlen(want) && (s.n == 0 || memcmp(s.p, want, s.n) == 0);
}

static void
assert_span(struct cs_span s, const char *want)
{
	if (!span_is(s, want)) {
		print_error("span \"%.*s\" != \"%s\"\n", (int)s.n,
			    s.p ? (const char *)s.p : "", want);
		fail();
	}
}

/* ---- cs_http_parse_response ------------------------------------------ */

struct resp_case {
	const char *name;
	const uint8_t *p;
	size_t n;
	int rc;
	int status;
	const char *proto, *reason, *body;
	bool complete, chunked;
	const char *hname, *hvalue; /* one header to look up */
};

#define HIK_401_BODY                                                           \
	"<html><head><title>Document Error: Unauthorized</title></head>"       \
	"<body><h2>Access Error: 401 -- Unauthorized</h2></body></html>"
#define HIK_REDIR_BODY                                                         \
	"<!DOCTYPE html>\n<html><head><title></title><script>"                 \
	"window.location.href = \"/doc/page/login.asp?_\" + "                  \
	"(new Date()).getTime();</script></head></html>\n"
#define HIK_SDP                                                                \
	"v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=Media Presentation\r\n"          \
	"e=NONE\r\nb=AS:5100\r\nt=0 0\r\n"                                     \
	"a=control:rtsp://127.0.0.1:554/Streaming/Channels/101/\r\n"           \
	"m=video 0 RTP/AVP 96\r\na=rtpmap:96 H264/90000\r\n"                   \
	"a=Media_header:MEDIAINFO=494D4B4801020000040000010000000000000000"    \
	"0000000000000000000000000000000000000000;\r\n"

static const struct resp_case resp_cases[] = {
    {"hikvision 401 digest",
     L("HTTP/1.1 401 Unauthorized\r\n"
       "Date: Sat, 01 Jan 2022 00:00:00 GMT\r\n"
       "Server: App-webs/\r\n"
       "Content-Length: 124\r\n"
       "Content-Type: text/html\r\n"
       "Connection: close\r\n"
       "WWW-Authenticate: Digest qop=\"auth\", realm=\"IP Camera(C2189)\", "
       "nonce=\"4e5749344e7a4d314f5459364e6a45324d7a5a6d\", stale=\"FALSE\"\r\n"
       "\r\n" HIK_401_BODY),
     0, 401, "HTTP/1.1", "Unauthorized", HIK_401_BODY, true, false, "server",
     "App-webs/"},
    {"hikvision redirect page",
     L("HTTP/1.1 200 OK\r\nServer: App-webs/\r\nContent-Type: text/html\r\n"
       "Content-Length: 147\r\n\r\n" HIK_REDIR_BODY),
     0, 200, "HTTP/1.1", "OK", HIK_REDIR_BODY, true, false, "Content-Type",
     "text/html"},
    {"basic realm hikvision",
     L("HTTP/1.0 401 Unauthorized\r\nWWW-Authenticate: Basic "
       "realm=\"hikvision\"\r\nContent-Length: 0\r\n\r\n"),
     0, 401, "HTTP/1.0", "Unauthorized", "", true, false, "www-authenticate",
     "Basic realm=\"hikvision\""},
    {"xiongmai uc-httpd, close-delimited",
     L("HTTP/1.1 200 OK\r\nServer: uc-httpd 1.0.0\r\n\r\n<html><title>"
       "NETSurveillance WEB</title>"),
     0, 200, "HTTP/1.1", "OK", "<html><title>NETSurveillance WEB</title>",
     false, false, "Server", "uc-httpd 1.0.0"},
    {"dahua rtsp 405",
     L("RTSP/1.0 405 Method Not Allowed\r\nCSeq: 1\r\n"
       "Server: Dahua Rtsp Server\r\n\r\n"),
     0, 405, "RTSP/1.0", "Method Not Allowed", "", true, false, "server",
     "Dahua Rtsp Server"},
    {"dahua rtsp 401 basic",
     L("RTSP/1.0 401 Unauthorized\r\nCSeq: 2\r\n"
       "WWW-Authenticate: Basic realm=\"device\"\r\n"
       "Server: Dahua Rtsp Server\r\n\r\nEXTRA"),
     0, 401, "RTSP/1.0", "Unauthorized", "", true, false, "CSeq", "2"},
    {"hikvision rtsp options no server",
     L("RTSP/1.0 200 OK\r\n"
       "Public: OPTIONS, DESCRIBE, SETUP, PLAY, TEARDOWN, PAUSE\r\n\r\n"),
     0, 200, "RTSP/1.0", "OK", "", true, false, "Server", ""},
    {"rtsp describe with sdp",
     L("RTSP/1.0 200 OK\r\nCSeq: 3\r\nContent-Type: application/sdp\r\n"
       "Content-Base: rtsp://127.0.0.1:554/Streaming/Channels/101/\r\n"
       "Content-Length: 289\r\n\r\n" HIK_SDP),
     0, 200, "RTSP/1.0", "OK", HIK_SDP, true, false, "content-base",
     "rtsp://127.0.0.1:554/Streaming/Channels/101/"},
    {"bare LF line ends",
     L("HTTP/1.1 200 OK\nServer: Webs\nContent-Length: 2\n\nhi"), 0, 200,
     "HTTP/1.1", "OK", "hi", true, false, "server", "Webs"},
    {"no reason phrase", L("HTTP/1.1 404\r\nContent-Length: 0\r\n\r\n"), 0, 404,
     "HTTP/1.1", "", "", true, false, NULL, NULL},
    {"chunked complete",
     L("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
       "4\r\nWiki\r\n5;x=y\r\npedia\r\n0\r\nX-T: 1\r\n\r\nNEXT"),
     0, 200, "HTTP/1.1", "OK",
     "4\r\nWiki\r\n5;x=y\r\npedia\r\n0\r\nX-T: 1\r\n\r\n", true, true, NULL,
     NULL},
    {"chunked incomplete",
     L("HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip, chunked\r\n\r\n"
       "4\r\nWi"),
     0, 200, "HTTP/1.1", "OK", "4\r\nWi", false, true, NULL, NULL},
    {"content-length larger than bytes present",
     L("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nabc"), 0, 200, "HTTP/1.1",
     "OK", "abc", false, false, NULL, NULL},
    {"content-length zero",
     L("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\nabc"), 0, 200, "HTTP/1.1",
     "OK", "", true, false, NULL, NULL},
    {"repeated equal content-length",
     L("HTTP/1.1 200 OK\r\nContent-Length: 1\r\nContent-Length: 1\r\n\r\n"
       "ab"),
     0, 200, "HTTP/1.1", "OK", "a", true, false, NULL, NULL},
    {"204 has no body", L("HTTP/1.1 204 No Content\r\n\r\nzz"), 0, 204,
     "HTTP/1.1", "No Content", "", true, false, NULL, NULL},
    {"304 ignores content-length",
     L("HTTP/1.1 304 Not Modified\r\nContent-Length: 50\r\n\r\n"), 0, 304,
     "HTTP/1.1", "Not Modified", "", true, false, NULL, NULL},
    {"100 continue", L("HTTP/1.1 100 Continue\r\n\r\n"), 0, 100, "HTTP/1.1",
     "Continue", "", true, false, NULL, NULL},
    {"obsolete folding",
     L("HTTP/1.1 200 OK\r\nX-A: one\r\n  two\r\nContent-Length: 0\r\n\r\n"), 0,
     200, "HTTP/1.1", "OK", "", true, false, "x-a", "one\r\n  two"},
    {"overlong utf-8 kept as bytes",
     L("HTTP/1.1 200 OK\r\nServer: \xc0\xaf\xe0\x80\xaf\r\n"
       "Content-Length: 0\r\n\r\n"),
     0, 200, "HTTP/1.1", "OK", "", true, false, "Server",
     "\xc0\xaf\xe0\x80\xaf"},
    {"header name with space before colon tolerated",
     L("HTTP/1.1 200 OK\r\nServer : x\r\nContent-Length: 0\r\n\r\n"), 0, 200,
     "HTTP/1.1", "OK", "", true, false, "server", "x"},
    /* Incomplete heads. */
    {"empty", (const uint8_t *)"", 0, CS_ETRUNC, 0, NULL, NULL, NULL, false,
     false, NULL, NULL},
    {"one byte H", L("H"), CS_ETRUNC, 0, NULL, NULL, NULL, false, false, NULL,
     NULL},
    {"one byte R", L("R"), CS_ETRUNC, 0, NULL, NULL, NULL, false, false, NULL,
     NULL},
    {"status line only", L("HTTP/1.1 200 OK\r\n"), CS_ETRUNC, 0, NULL, NULL,
     NULL, false, false, NULL, NULL},
    {"ends in CR", L("HTTP/1.1 200 OK\r\nA: b\r\n\r"), CS_ETRUNC, 0, NULL, NULL,
     NULL, false, false, NULL, NULL},
    /* Garbage. */
    {"one byte X", L("X"), CS_EPROTO, 0, NULL, NULL, NULL, false, false, NULL,
     NULL},
    {"ssh banner", L("SSH-2.0-OpenSSH_9.2\r\n"), CS_EPROTO, 0, NULL, NULL, NULL,
     false, false, NULL, NULL},
    /* Lenient where devices are sloppy: odd lines are skipped, CR and NUL
     * inside a line are data. */
    {"CR without LF kept as data", L("HTTP/1.1 200 OK\rServer: x\r\n\r\n"), 0,
     200, "HTTP/1.1", "OK\rServer: x", "", false, false, NULL, NULL},
    {"embedded NUL in header kept",
     L("HTTP/1.1 200 OK\r\nServer: a\0b\r\nContent-Length: 0\r\n\r\n"), 0, 200,
     "HTTP/1.1", "OK", "", true, false, NULL, NULL},
    {"header without colon skipped",
     L("HTTP/1.1 200 OK\r\nServer\r\nX: 1\r\nContent-Length: 0\r\n\r\n"), 0,
     200, "HTTP/1.1", "OK", "", true, false, "x", "1"},
    {"empty header name skipped",
     L("HTTP/1.1 200 OK\r\n: x\r\nContent-Length: 0\r\n\r\n"), 0, 200,
     "HTTP/1.1", "OK", "", true, false, NULL, NULL},
    {"bad header name skipped",
     L("HTTP/1.1 200 OK\r\nA(b): x\r\nContent-Length: 0\r\n\r\n"), 0, 200,
     "HTTP/1.1", "OK", "", true, false, NULL, NULL},
    {"fold before any header skipped",
     L("HTTP/1.1 200 OK\r\n x\r\nContent-Length: 0\r\n\r\n"), 0, 200,
     "HTTP/1.1", "OK", "", true, false, NULL, NULL},
    {"non-numeric status", L("HTTP/1.1 2x0 OK\r\n\r\n"), CS_EPROTO, 0, NULL,
     NULL, NULL, false, false, NULL, NULL},
    {"status below 100", L("HTTP/1.1 099 Odd\r\n\r\n"), CS_EPROTO, 0, NULL,
     NULL, NULL, false, false, NULL, NULL},
    {"four-digit status", L("HTTP/1.1 2000 OK\r\n\r\n"), CS_EPROTO, 0, NULL,
     NULL, NULL, false, false, NULL, NULL},
    {"missing status", L("HTTP/1.1\r\n\r\n"), CS_EPROTO, 0, NULL, NULL, NULL,
     false, false, NULL, NULL},
    {"short proto", L("HTTP/ 200 OK\r\n\r\n"), CS_EPROTO, 0, NULL, NULL, NULL,
     false, false, NULL, NULL},
    {"bad content-length", L("HTTP/1.1 200 OK\r\nContent-Length: 12a\r\n\r\n"),
     CS_EPROTO, 0, NULL, NULL, NULL, false, false, NULL, NULL},
    {"negative content-length",
     L("HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n"), CS_EPROTO, 0, NULL,
     NULL, NULL, false, false, NULL, NULL},
    {"conflicting content-length",
     L("HTTP/1.1 200 OK\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n"),
     CS_EPROTO, 0, NULL, NULL, NULL, false, false, NULL, NULL},
    {"huge content-length",
     L("HTTP/1.1 200 OK\r\nContent-Length: 99999999999999999999999\r\n\r\n"),
     CS_EPROTO, 0, NULL, NULL, NULL, false, false, NULL, NULL},
};

static void
test_resp_table(void **state)
{
	(void)state;
	for (size_t i = 0; i < CS_NELEM(resp_cases); i++) {
		const struct resp_case *c = &resp_cases[i];
		struct cs_http_resp r;
		int rc = cs_http_parse_response(c->p, c->n, &r);

		print_message("# %s\n", c->name);
		assert_int_equal(rc, c->rc);
		if (rc != 0)
			continue;
		assert_int_equal(r.status, c->status);
		assert_span(r.proto, c->proto);
		assert_span(r.reason, c->reason);
		assert_span(r.body, c->body);
		assert_int_equal(r.complete, c->complete);
		assert_int_equal(r.chunked, c->chunked);
		assert_true(r.head_len <= c->n);
		if (c->hname != NULL)
			assert_span(cs_http_header(&r, c->hname), c->hvalue);
	}
}

/* ---- caps ------------------------------------------------------------- */

/* Builds "HTTP/1.1 200 OK\r\n" + filler headers + "\r\n" of exactly total
 * bytes, with header lines of at most linelen bytes. */
static uint8_t *
make_head(size_t total, size_t linelen, size_t *nhdr)
{
	static const char st[] = "HTTP/1.1 200 OK\r\n";
	uint8_t *b = malloc(total);
	size_t off = sizeof(st) - 1, left;

	assert_non_null(b);
	memcpy(b, st, off);
	*nhdr = 0;
	left = total - off - 2;
	while (left > 0) {
		size_t l = CS_MIN(left, linelen + 2);

		if (left - l > 0 && left - l < 6)
			l = left - 6; /* leave room for a last line */
		assert_true(l >= 6);
		memset(b + off, 'a', l - 2);
		b[off] = 'X';
		b[off + 1] = ':';
		b[off + l - 2] = '\r';
		b[off + l - 1] = '\n';
		off += l;
		left -= l;
		(*nhdr)++;
	}
	b[off] = '\r';
	b[off + 1] = '\n';
	assert_int_equal(off + 2, total);
	return b;
}

static void
test_head_caps(void **state)
{
	struct cs_http_resp r;
	size_t nh;
	uint8_t *b;

	(void)state;
	/* Exactly the head cap: accepted. */
	b = make_head(CS_HTTP_HEAD_MAX, 8000, &nh);
	assert_int_equal(cs_http_parse_response(b, CS_HTTP_HEAD_MAX, &r), 0);
	assert_int_equal(r.head_len, CS_HTTP_HEAD_MAX);
	assert_int_equal(r.nhdr, nh);
	/* One byte short of its end: wait for more. */
	assert_int_equal(cs_http_parse_response(b, CS_HTTP_HEAD_MAX - 1, &r),
			 CS_ETRUNC);
	assert_int_equal(cs_http_want_more(b, CS_HTTP_HEAD_MAX - 1), 1);
	free(b);
	/* Cap plus one: refused, even with more bytes after it. */
	b = make_head(CS_HTTP_HEAD_MAX + 1, 8000, &nh);
	assert_int_equal(cs_http_parse_response(b, CS_HTTP_HEAD_MAX + 1, &r),
			 CS_ELIMIT);
	assert_int_equal(cs_http_want_more(b, CS_HTTP_HEAD_MAX + 1), CS_ELIMIT);
	/* The first CS_HTTP_HEAD_MAX bytes alone cannot complete a head. */
	assert_int_equal(cs_http_parse_response(b, CS_HTTP_HEAD_MAX, &r),
			 CS_ELIMIT);
	free(b);
}

static void
test_line_caps(void **state)
{
	struct cs_http_resp r;
	size_t nh;
	uint8_t *b;

	(void)state;
	/* A header line of exactly CS_HTTP_LINE_MAX bytes. */
	b = make_head(17 + CS_HTTP_LINE_MAX + 2 + 2, CS_HTTP_LINE_MAX, &nh);
	assert_int_equal(nh, 1);
	assert_int_equal(
	    cs_http_parse_response(b, 17 + CS_HTTP_LINE_MAX + 4, &r), 0);
	assert_int_equal(r.hdr[0].value.n, CS_HTTP_LINE_MAX - 2);
	free(b);
	b = make_head(17 + CS_HTTP_LINE_MAX + 3 + 2, CS_HTTP_LINE_MAX + 1, &nh);
	assert_int_equal(nh, 1);
	assert_int_equal(
	    cs_http_parse_response(b, 17 + CS_HTTP_LINE_MAX + 5, &r),
	    CS_ELIMIT);
	/* An unterminated over-long line is refused before its end. */
	assert_int_equal(
	    cs_http_parse_response(b, 17 + CS_HTTP_LINE_MAX + 2, &r),
	    CS_ELIMIT);
	free(b);
}

static void
test_header_count(void **state)
{
	struct cs_http_resp r;
	size_t nh;
	uint8_t *b;

	(void)state;
	/* 100 lines of "X:aa\r\n" (6 bytes) each. */
	b = make_head(17 + 100 * 6 + 2, 4, &nh);
	assert_int_equal(nh, 100);
	assert_int_equal(cs_http_parse_response(b, 17 + 100 * 6 + 2, &r), 0);
	assert_int_equal(r.nhdr, 100);
	free(b);
	b = make_head(17 + 101 * 6 + 2, 4, &nh);
	assert_int_equal(nh, 101);
	assert_int_equal(cs_http_parse_response(b, 17 + 101 * 6 + 2, &r),
			 CS_ELIMIT);
	free(b);
}

/* ---- cs_http_want_more ---------------------------------------------- */

struct more_case {
	const char *name;
	const uint8_t *p;
	size_t n;
	int want;
};

static const struct more_case more_cases[] = {
    {"empty", (const uint8_t *)"", 0, 1},
    {"partial head", L("HTTP/1.1 200 OK\r\nServer: x"), 1},
    {"content-length met", L("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nhi"),
     0},
    {"content-length short",
     L("HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nhi"), 1},
    {"close-delimited", L("HTTP/1.1 200 OK\r\n\r\nbody"), 1},
    {"204", L("HTTP/1.1 204 No Content\r\n\r\n"), 0},
    {"304", L("HTTP/1.1 304 Not Modified\r\n\r\n"), 0},
    {"101", L("HTTP/1.1 101 Switching Protocols\r\n\r\n"), 0},
    {"rtsp without content-length", L("RTSP/1.0 200 OK\r\nCSeq: 1\r\n\r\n"), 0},
    {"rtsp with content-length short",
     L("RTSP/1.0 200 OK\r\nContent-Length: 10\r\n\r\nv=0\r\n"), 1},
    {"chunked done",
     L("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n1\r\na\r\n0\r\n"
       "\r\n"),
     0},
    {"chunked waiting for trailer end",
     L("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n"), 1},
    {"chunked bad framing",
     L("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n"),
     CS_EPROTO},
    {"garbage", L("\x16\x03\x01\x02\x00"), CS_EPROTO},
    {"bad content-length", L("HTTP/1.1 200 OK\r\nContent-Length: x\r\n\r\n"),
     CS_EPROTO},
};

static void
test_want_more(void **state)
{
	(void)state;
	for (size_t i = 0; i < CS_NELEM(more_cases); i++) {
		print_message("# %s\n", more_cases[i].name);
		assert_int_equal(
		    cs_http_want_more(more_cases[i].p, more_cases[i].n),
		    more_cases[i].want);
	}
}

/* ---- cs_http_dechunk ------------------------------------------------- */

struct chunk_case {
	const char *name;
	const uint8_t *p;
	size_t n;
	size_t cap;
	int rc;
	const char *out;
};

static const struct chunk_case chunk_cases[] = {
    {"two chunks", L("4\r\nWiki\r\n5\r\npedia\r\n0\r\n\r\n"), 64, 0,
     "Wikipedia"},
    {"extensions, trailers, bare LF",
     L("4;a=b\nWiki\n5 ; c\r\npedia\r\n0\r\nX-T: 1\r\n\r\n"), 64, 0,
     "Wikipedia"},
    {"upper-case hex", L("A\r\n0123456789\r\n0\r\n\r\n"), 64, 0, "0123456789"},
    {"zero-length body", L("0\r\n\r\n"), 64, 0, ""},
    {"exactly fits", L("4\r\nWiki\r\n0\r\n\r\n"), 4, 0, "Wiki"},
    {"one byte too small", L("4\r\nWiki\r\n0\r\n\r\n"), 3, CS_ELIMIT, ""},
    {"empty", (const uint8_t *)"", 0, 64, CS_ETRUNC, ""},
    {"size line only", L("4\r\n"), 64, CS_ETRUNC, ""},
    {"size larger than data", L("10\r\nabc"), 64, CS_ETRUNC, "abc"},
    {"data without CRLF", L("3\r\nabc"), 64, CS_ETRUNC, "abc"},
    {"data then CR", L("3\r\nabc\r"), 64, CS_ETRUNC, "abc"},
    {"no terminating chunk", L("3\r\nabc\r\n"), 64, CS_ETRUNC, "abc"},
    {"no final blank line", L("0\r\nX: y\r\n"), 64, CS_ETRUNC, ""},
    {"bad hex", L("g\r\nabc\r\n"), 64, CS_EPROTO, ""},
    {"junk after size", L("3x\r\nabc\r\n"), 64, CS_EPROTO, ""},
    {"data not followed by CRLF", L("3\r\nabcd\r\n0\r\n\r\n"), 64, CS_EPROTO,
     "abc"},
    {"CR not followed by LF", L("3\r\nabc\rX0\r\n\r\n"), 64, CS_EPROTO, "abc"},
    {"CR inside size line", L("3\rx\nabc\r\n0\r\n\r\n"), 64, CS_EPROTO, ""},
    {"NUL inside size line", L("3\0\r\nabc\r\n0\r\n\r\n"), 64, CS_EPROTO, ""},
    {"size overflow", L("ffffffffffffffffff\r\nab"), 64, CS_EPROTO, ""},
};

static void
test_dechunk(void **state)
{
	(void)state;
	for (size_t i = 0; i < CS_NELEM(chunk_cases); i++) {
		const struct chunk_case *c = &chunk_cases[i];
		uint8_t *out = malloc(c->cap ? c->cap : 1);
		size_t got = 99;

		print_message("# %s\n", c->name);
		assert_int_equal(cs_http_dechunk(cs_span_make(c->p, c->n), out,
						 c->cap, &got),
				 c->rc);
		assert_span(cs_span_make(out, got), c->out);
		/* Validation mode agrees on the result (no cap). */
		if (c->rc != CS_ELIMIT)
			assert_int_equal(
			    cs_http_dechunk(cs_span_make(c->p, c->n), NULL, 0,
					    &got),
			    c->rc);
		free(out);
	}
}

/* ---- auth ------------------------------------------------------------ */

struct auth_case {
	const char *in, *scheme, *realm;
};

static const struct auth_case auth_cases[] = {
    {"Digest realm=\"IP Camera(C2189)\", nonce=\"abc\", qop=\"auth\"", "Digest",
     "IP Camera(C2189)"},
    {"Basic realm=\"hikvision\"", "Basic", "hikvision"},
    {"Digest realm=\"Hikvision\", nonce=\"x\"", "Digest", "Hikvision"},
    {"Basic realm=\"device\"", "Basic", "device"},
    {"Digest qop=\"auth\", REALM = \"late\" ,nonce=1", "Digest", "late"},
    {"Basic realm=token", "Basic", "token"},
    {"Basic realm=\"a\\\"b\"", "Basic", "a\\\"b"},
    {"Basic realm=\"unterminated", "Basic", ""},
    {"Negotiate abc==", "Negotiate", ""},
    {"  Basic  ", "Basic", ""},
    {"Digest nonce=\"realm=x\"", "Digest", ""},
    {"Digest realm=\"\"", "Digest", ""},
    {"", "", ""},
    {"=\"x\"", "", ""},
    {"Basic realm=", "Basic", ""},
    {"\"Basic\"", "", ""},
};

static void
test_auth(void **state)
{
	(void)state;
	for (size_t i = 0; i < CS_NELEM(auth_cases); i++) {
		struct cs_span in =
		    cs_span_make(auth_cases[i].in, strlen(auth_cases[i].in));

		print_message("# %s\n", auth_cases[i].in);
		assert_span(cs_http_auth_scheme(in), auth_cases[i].scheme);
		assert_span(cs_http_auth_realm(in), auth_cases[i].realm);
	}
}

/* ---- HTML ------------------------------------------------------------ */

struct html_case {
	const char *in, *title, *redirect;
};

static const struct html_case html_cases[] = {
    {HIK_401_BODY, "Document Error: Unauthorized", ""},
    {HIK_REDIR_BODY, "", "/doc/page/login.asp?_"},
    {"<HTML><TITLE>\r\n  NETSurveillance WEB \n</TITLE>", "NETSurveillance WEB",
     ""},
    {"<title lang=\"en\">DVR Components Download</Title>",
     "DVR Components Download", ""},
    {"<titlebar>x</titlebar><title>real</title>", "real", ""},
    {"<title>never closed", "", ""},
    {"<title", "", ""},
    {"", "", ""},
    {"<meta http-equiv=\"refresh\" content=\"0;url=/index.asp\">", "",
     "/index.asp"},
    {"<META HTTP-EQUIV=Refresh CONTENT=\"1; URL='/web/index.html'\">", "",
     "/web/index.html"},
    {"<meta content=\"0; url = http://127.0.0.1/a\" http-equiv=\"refresh\">",
     "", "http://127.0.0.1/a"},
    {"<meta http-equiv=\"refresh\" content=\"30\">"
     "<script>location.replace('/x.html')</script>",
     "", "/x.html"},
    {"<meta charset=utf-8><script>if (location.href == \"a\") "
     "top.location = \"/b\";</script>",
     "", "/b"},
    {"<script>document.location.assign(\"/c\");</script>", "", "/c"},
    {"<script>var location = \"unterminated", "", ""},
    {"<script>window.location.href=\n\"/d\";</script>", "", "/d"},
    {"<meta http-equiv=\"refresh\" content=\"0;url=", "", ""},
    {"<meta http-equiv=\"refresh\"", "", ""},
};

static void
test_html(void **state)
{
	(void)state;
	for (size_t i = 0; i < CS_NELEM(html_cases); i++) {
		struct cs_span in =
		    cs_span_make(html_cases[i].in, strlen(html_cases[i].in));

		print_message("# html case %zu: %.*s\n", i,
			      (int)strcspn(html_cases[i].in, "\r\n"),
			      html_cases[i].in);
		assert_span(cs_html_title(in), html_cases[i].title);
		assert_span(cs_html_meta_refresh_or_location(in),
			    html_cases[i].redirect);
	}
}

static void
test_html_caps(void **state)
{
	size_t n = 7 + 1000 + 8;
	char *b = malloc(n);
	struct cs_span t;

	(void)state;
	memcpy(b, "<title>", 7);
	memset(b + 7, 'x', 1000);
	memcpy(b + 7 + 1000, "</title>", 8);
	t = cs_html_title(cs_span_make(b, n));
	assert_int_equal(t.n, CS_HTML_TITLE_MAX);
	/* The body ends inside the closing tag: no title. */
	t = cs_html_title(cs_span_make(b, n - 2));
	assert_int_equal(t.n, 0);
	/* A NULL, empty body. */
	assert_int_equal(cs_html_title(CS_SPAN_NULL).n, 0);
	assert_int_equal(cs_html_meta_refresh_or_location(CS_SPAN_NULL).n, 0);
	free(b);
}

/* RTSP access of a reply to a request without credentials, by table. */
static void
test_rtsp_access(void **state)
{
	static const struct {
		const char *in;
		int rc, status;
		enum cs_rtsp_access access;
		const char *scheme;
	} t[] = {
	    {"RTSP/1.0 200 OK\r\nCSeq: 2\r\nContent-Type: application/sdp\r\n"
	     "Content-Length: 10\r\n\r\nv=0\r\ns=x\r\n",
	     0, 200, CS_RTSP_OPEN, ""},
	    /* no Content-Length: the SDP after the head still counts */
	    {"RTSP/1.0 200 OK\r\nCSeq: 2\r\n\r\nv=0\r\no=- 1 1 IN IP4 0\r\n", 0,
	     200, CS_RTSP_OPEN, ""},
	    /* OPTIONS answered: no SDP, nothing said about the stream */
	    {"RTSP/1.0 200 OK\r\nCSeq: 1\r\nPublic: DESCRIBE, SETUP\r\n\r\n", 0,
	     200, CS_RTSP_OTHER, ""},
	    {"RTSP/1.0 401 Unauthorized\r\nCSeq: 2\r\nWWW-Authenticate: "
	     "Digest realm=\"x\", nonce=\"1\"\r\n\r\n",
	     0, 401, CS_RTSP_AUTH, "digest"},
	    {"RTSP/1.0 401 Unauthorized\r\nWWW-Authenticate: BASIC "
	     "realm=\"x\"\r\n\r\n",
	     0, 401, CS_RTSP_AUTH, "basic"},
	    /* a 401 without a challenge, and one with a scheme not a token */
	    {"RTSP/1.0 401 Unauthorized\r\nCSeq: 2\r\n\r\n", 0, 401,
	     CS_RTSP_AUTH, ""},
	    {"RTSP/1.0 401 No\r\nWWW-Authenticate: Dig\"est x\r\n\r\n", 0, 401,
	     CS_RTSP_AUTH, "dig"},
	    /* a long scheme is cut to fit */
	    {"RTSP/1.0 401 No\r\nWWW-Authenticate: Abcdefghijklmnopqrstu "
	     "x\r\n\r\n",
	     0, 401, CS_RTSP_AUTH, "abcdefghijklmno"},
	    {"RTSP/1.0 404 Not Found\r\nCSeq: 2\r\n\r\n", 0, 404, CS_RTSP_OTHER,
	     ""},
	    /* 2xx whose body is not SDP */
	    {"RTSP/1.0 200 OK\r\nContent-Length: 4\r\n\r\nabcd", 0, 200,
	     CS_RTSP_OTHER, ""},
	    /* HTTP is not an RTSP reply, even with an SDP-looking body */
	    {"HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nv=0", 0, 200,
	     CS_RTSP_OTHER, ""},
	    {"RTSP/1.0 200 OK\r\nCSeq: 2\r\n", CS_ETRUNC, 0, CS_RTSP_OTHER, ""},
	    {"garbage\r\n\r\n", CS_EPROTO, 0, CS_RTSP_OTHER, ""},
	};
	struct cs_http_resp *r = malloc(sizeof(*r));
	struct cs_rtsp_reply o;

	(void)state;
	assert_non_null(r);
	for (size_t i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		int rc = cs_rtsp_reply((const uint8_t *)t[i].in,
				       strlen(t[i].in), r, &o);
		if (rc != t[i].rc || o.status != t[i].status ||
		    o.access != t[i].access ||
		    strcmp(o.scheme, t[i].scheme) != 0)
			fail_msg("row %zu: rc %d status %d access %s scheme "
				 "'%s'",
				 i, rc, o.status, cs_rtsp_access_name(o.access),
				 o.scheme);
	}
	assert_string_equal(cs_rtsp_access_name(CS_RTSP_OPEN), "open");
	assert_string_equal(cs_rtsp_access_name(CS_RTSP_AUTH), "auth");
	assert_string_equal(cs_rtsp_access_name(CS_RTSP_OTHER), "other");
	free(r);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_resp_table),
	    cmocka_unit_test(test_head_caps),
	    cmocka_unit_test(test_line_caps),
	    cmocka_unit_test(test_header_count),
	    cmocka_unit_test(test_want_more),
	    cmocka_unit_test(test_dechunk),
	    cmocka_unit_test(test_auth),
	    cmocka_unit_test(test_html),
	    cmocka_unit_test(test_html_caps),
	    cmocka_unit_test(test_rtsp_access),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
