/* SPDX-License-Identifier: ISC */
/* Table-driven tests of the SDP parser. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "parse/parse_sdp.h"
#include "core/poison.h"

#define L(s) (const uint8_t *)(s), sizeof(s) - 1

static void
assert_span(struct cs_span s, const char *want)
{
	if (s.n != strlen(want) || (s.n && memcmp(s.p, want, s.n) != 0)) {
		print_error("span \"%.*s\" != \"%s\"\n", (int)s.n,
			    s.p ? (const char *)s.p : "", want);
		fail();
	}
}

struct sdp_case {
	const char *name;
	const uint8_t *p;
	size_t n;
	int rc;
	const char *session, *info, *attr0, *media0;
	size_t nattr, nmedia;
};

static const struct sdp_case cases[] = {
    {"hikvision",
     L("v=0\r\no=- 1109162014219182 1109162014219192 IN IP4 127.0.0.1\r\n"
       "s=Media Presentation\r\ne=NONE\r\nb=AS:5100\r\nt=0 0\r\n"
       "a=control:rtsp://127.0.0.1:554/Streaming/Channels/101/\r\n"
       "m=video 0 RTP/AVP 96\r\nc=IN IP4 0.0.0.0\r\nb=AS:5000\r\n"
       "a=recvonly\r\na=x-dimensions:1920,1080\r\n"
       "a=control:rtsp://127.0.0.1:554/Streaming/Channels/101/trackID=1\r\n"
       "a=rtpmap:96 H264/90000\r\n"
       "a=Media_header:MEDIAINFO=494D4B48010200000400000100000000000000000000"
       "000000000000000000000000000000000000;\r\n"
       "a=appversion:1.0\r\n"),
     0, "Media Presentation", "",
     "control:rtsp://127.0.0.1:554/Streaming/Channels/101/",
     "video 0 RTP/AVP 96", 7, 1},
    {"dahua-style, LF only, info line",
     L("v=0\no=- 2251938202 2251938202 IN IP4 0.0.0.0\ns=Media Server\n"
       "i=main\nc=IN IP4 0.0.0.0\nt=0 0\na=control:*\na=range:npt=now-\n"
       "m=video 0 RTP/AVP 96\na=control:trackID=0\n"
       "m=audio 0 RTP/AVP 8\na=control:trackID=1"),
     0, "Media Server", "main", "control:*", "video 0 RTP/AVP 96", 4, 2},
    {"hik media server name", L("v=0\r\ns=HIK Media Server V3.1.3\r\n"), 0,
     "HIK Media Server V3.1.3", "", "", "", 0, 0},
    {"uniview",
     L("v=0\r\ns=VCP IPC Realtime stream\r\na=DecoderTag:h3c-v3\r\n"), 0,
     "VCP IPC Realtime stream", "", "DecoderTag:h3c-v3", "", 1, 0},
    {"empty lines skipped", L("\r\nv=0\r\n\r\ns=x\r\n\r\n"), 0, "x", "", "", "",
     0, 0},
    {"overlong utf-8 kept", L("v=0\r\ns=\xc0\xaf\xe0\x80\xaf\r\n"), 0,
     "\xc0\xaf\xe0\x80\xaf", "", "", "", 0, 0},
    {"empty value", L("v=0\r\ns=\r\na=\r\n"), 0, "", "", "", "", 1, 0},
    {"last line CR only at end", L("v=0\r\ns=x\r"), 0, "x", "", "", "", 0, 0},
    {"unknown letters ignored", L("v=0\r\nz=1\r\nk=clear:x\r\n"), 0, "", "", "",
     "", 0, 0},
    {"empty", (const uint8_t *)"", 0, CS_EPROTO, NULL, NULL, NULL, NULL, 0, 0},
    {"one byte", L("v"), CS_EPROTO, NULL, NULL, NULL, NULL, 0, 0},
    {"only blank lines", L("\r\n\n"), CS_EPROTO, NULL, NULL, NULL, NULL, 0, 0},
    {"first line not v=", L("s=x\r\nv=0\r\n"), CS_EPROTO, NULL, NULL, NULL,
     NULL, 0, 0},
    {"no equals", L("v=0\r\nsession\r\n"), CS_EPROTO, NULL, NULL, NULL, NULL, 0,
     0},
    {"upper-case type", L("v=0\r\nS=x\r\n"), CS_EPROTO, NULL, NULL, NULL, NULL,
     0, 0},
    {"CR without LF", L("v=0\rs=x\r\n"), CS_EPROTO, NULL, NULL, NULL, NULL, 0,
     0},
    {"embedded NUL", L("v=0\r\ns=a\0b\r\n"), CS_EPROTO, NULL, NULL, NULL, NULL,
     0, 0},
    {"rtsp head instead of sdp", L("RTSP/1.0 200 OK\r\n"), CS_EPROTO, NULL,
     NULL, NULL, NULL, 0, 0},
};

static void
test_table(void **state)
{
	(void)state;
	for (size_t i = 0; i < CS_NELEM(cases); i++) {
		const struct sdp_case *c = &cases[i];
		struct cs_sdp s;

		print_message("# %s\n", c->name);
		assert_int_equal(cs_sdp_parse(c->p, c->n, &s), c->rc);
		if (c->rc != 0)
			continue;
		assert_span(s.version, "0");
		assert_span(s.session, c->session);
		assert_span(s.info, c->info);
		assert_int_equal(s.nattr, c->nattr);
		assert_int_equal(s.nmedia, c->nmedia);
		if (s.nattr > 0)
			assert_span(s.attr[0], c->attr0);
		if (s.nmedia > 0)
			assert_span(s.media[0], c->media0);
	}
}

/* Fills a description of exactly n bytes: v=0, then "a=xxx" lines. */
static uint8_t *
make_sdp(size_t n, size_t *nlines)
{
	uint8_t *b = malloc(n);
	size_t off = 5;

	assert_non_null(b);
	memcpy(b, "v=0\r\n", 5);
	*nlines = 0;
	while (off < n) {
		size_t l = CS_MIN(n - off, 200);

		if (n - off - l > 0 && n - off - l < 5)
			l -= 5;
		memset(b + off, 'x', l);
		b[off] = 'k';
		b[off + 1] = '=';
		b[off + l - 2] = '\r';
		b[off + l - 1] = '\n';
		off += l;
		(*nlines)++;
	}
	return b;
}

static void
test_caps(void **state)
{
	struct cs_sdp s;
	size_t nl;
	uint8_t *b;
	char buf[2048];
	size_t off = 0;

	(void)state;
	b = make_sdp(CS_SDP_MAX, &nl);
	assert_int_equal(cs_sdp_parse(b, CS_SDP_MAX, &s), 0);
	free(b);
	b = make_sdp(CS_SDP_MAX + 1, &nl);
	assert_int_equal(cs_sdp_parse(b, CS_SDP_MAX + 1, &s), CS_ELIMIT);
	free(b);

	/* 64 attributes fit, 65 do not (but the first 64 are kept). */
	off = (size_t)snprintf(buf, sizeof(buf), "v=0\r\ns=cap\r\n");
	for (int i = 0; i < 64; i++)
		off += (size_t)snprintf(buf + off, sizeof(buf) - off,
					"a=%d\r\n", i);
	assert_int_equal(cs_sdp_parse((const uint8_t *)buf, off, &s), 0);
	assert_int_equal(s.nattr, 64);
	off += (size_t)snprintf(buf + off, sizeof(buf) - off, "a=64\r\n");
	assert_int_equal(cs_sdp_parse((const uint8_t *)buf, off, &s),
			 CS_ELIMIT);
	assert_int_equal(s.nattr, 64);
	assert_span(s.session, "cap");

	off = (size_t)snprintf(buf, sizeof(buf), "v=0\r\n");
	for (int i = 0; i < 16; i++)
		off += (size_t)snprintf(buf + off, sizeof(buf) - off,
					"m=video %d RTP/AVP 96\r\n", i);
	assert_int_equal(cs_sdp_parse((const uint8_t *)buf, off, &s), 0);
	assert_int_equal(s.nmedia, 16);
	off += (size_t)snprintf(buf + off, sizeof(buf) - off, "m=x\r\n");
	assert_int_equal(cs_sdp_parse((const uint8_t *)buf, off, &s),
			 CS_ELIMIT);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_table),
	    cmocka_unit_test(test_caps),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
