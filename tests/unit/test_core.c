/* SPDX-License-Identifier: ISC */
/* Table-driven tests of core/: capped buffers, the reader, spans and the
 * escapers every device string passes through. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "core/buf.h"
#include "core/escape.h"
#include "core/redact.h"
#include "core/obs.h"
#include "core/rd.h"
#include "core/str.h"

static void
test_buf_cap(void **state)
{
	struct cs_buf b;

	(void)state;
	cs_buf_init(&b, 8);
	assert_int_equal(cs_buf_add(&b, "12345678", 8), 0);
	assert_int_equal(cs_buf_add(&b, "9", 1), CS_ELIMIT);
	assert_int_equal(b.len, 8);
	assert_string_equal(cs_buf_str(&b), "12345678");
	cs_buf_consume(&b, 3);
	assert_string_equal(cs_buf_str(&b), "45678");
	assert_int_equal(cs_buf_printf(&b, "%d", 1234), CS_ELIMIT);
	assert_int_equal(cs_buf_printf(&b, "%d", 123), 0);
	assert_string_equal(cs_buf_str(&b), "45678123");
	cs_buf_free(&b);
	assert_string_equal(cs_buf_str(&b), "");
	/* space for the caller to write: within the cap, NUL kept */
	cs_buf_init(&b, 8);
	uint8_t *w = cs_buf_space(&b, 5);
	assert_non_null(w);
	memcpy(w, "abcde", 5);
	assert_string_equal(cs_buf_str(&b), "abcde");
	assert_null(cs_buf_space(&b, 4));
	assert_int_equal(b.len, 5);
	assert_non_null(cs_buf_space(&b, 3));
	assert_int_equal(b.len, 8);
	assert_int_equal(b.p[8], 0);
	cs_buf_free(&b);
}

static void
test_rd_sticky(void **state)
{
	static const uint8_t d[] = {0x00, 0x10, 0x20, 0x00, 0x00, 0x00, 0x01};
	struct cs_rd r;
	struct cs_span s;

	(void)state;
	cs_rd_init(&r, d, sizeof(d));
	assert_int_equal(cs_rd_be16(&r), 0x0010);
	assert_int_equal(cs_rd_le32(&r), 0x20);
	assert_true(cs_rd_ok(&r));
	assert_int_equal(cs_rd_left(&r), 1);
	assert_int_equal(cs_rd_be16(&r), 0); /* short read */
	assert_false(cs_rd_ok(&r));
	assert_int_equal(cs_rd_u8(&r), 0); /* sticky even if 1 byte left */
	assert_false(cs_rd_bytes(&r, 0, &s));
	cs_rd_init(&r, d, 0);
	assert_false(cs_rd_skip(&r, 1));
}

static void
test_span_helpers(void **state)
{
	uint64_t v;
	long long ll;
	char out[4];

	(void)state;
	struct cs_span t = cs_span_trim(cs_span_make(" \t x y\r\n", 8));
	assert_int_equal(t.n, 3);
	assert_true(cs_span_ieq(cs_span_make("SeRvEr", 6), "server"));
	assert_false(cs_span_ieq(cs_span_make("Serve", 5), "server"));
	assert_true(cs_span_istarts(cs_span_make("RTSP/1.0", 8), "rtsp/"));
	assert_int_equal(
	    cs_span_find(cs_span_make("ab\0Dahua", 8), "dahua", 5, true), 3);
	assert_ptr_equal(
	    cs_memmem((const uint8_t *)"xxabcab", 7, (const uint8_t *)"ab", 2),
	    (const uint8_t *)"xxabcab" + 2);
	assert_null(
	    cs_memmem((const uint8_t *)"abab", 4, (const uint8_t *)"abc", 3));
	assert_null(
	    cs_memmem((const uint8_t *)"ab", 2, (const uint8_t *)"abc", 3));
	assert_non_null(
	    cs_memmem((const uint8_t *)"a\0bc", 4, (const uint8_t *)"\0b", 2));
	assert_int_equal(cs_span_find(cs_span_make("ab", 2), "abc", 3, false),
			 -1);
	/* case kept: the first occurrence, as a byte-by-byte search */
	{
		static const struct {
			const char *hay, *nd;
			long at;
		} f[] = {
		    {"----x-----END", "-----END", 5},
		    {"-----END-----END", "-----END", 0},
		    {"abc", "c", 2},
		    {"abc", "abc", 0},
		    {"abc", "abd", -1},
		    {"aab", "ab", 1},
		    {"Dahua", "dahua", -1},
		    {"", "a", -1},
		};

		for (size_t i = 0; i < sizeof(f) / sizeof(f[0]); i++)
			assert_int_equal(
			    cs_span_find(
				cs_span_make(f[i].hay, strlen(f[i].hay)),
				f[i].nd, strlen(f[i].nd), false),
			    f[i].at);
		assert_int_equal(
		    cs_span_find(cs_span_make("a\0b\0c", 5), "\0c", 2, false),
		    3);
	}
	assert_int_equal(cs_span_u64(cs_span_make("65535", 5), 65535, &v), 0);
	assert_int_equal(v, 65535);
	assert_int_equal(cs_span_u64(cs_span_make("65536", 5), 65535, &v),
			 CS_ELIMIT);
	assert_int_equal(cs_span_u64(cs_span_make("99999999999999999999", 20),
				     UINT64_MAX, &v),
			 CS_ELIMIT);
	assert_int_equal(cs_span_u64(cs_span_make("1a", 2), 100, &v),
			 CS_EPROTO);
	assert_int_equal(cs_span_u64(cs_span_make("", 0), 100, &v), CS_EPROTO);
	assert_int_equal(cs_str_tonum("12", 0, 20, &ll), 0);
	assert_int_equal(cs_str_tonum("12x", 0, 20, &ll), CS_EINVAL);
	assert_int_equal(cs_str_tonum("21", 0, 20, &ll), CS_EINVAL);
	assert_string_equal(
	    cs_span_copy(out, sizeof(out), cs_span_make("a\0bcdef", 7)), "a?b");
	/* every NUL, first and last too, and none past the cut */
	assert_string_equal(
	    cs_span_copy(out, sizeof(out), cs_span_make("\0\0b\0", 4)), "??b");
	assert_string_equal(
	    cs_span_copy(out, sizeof(out), cs_span_make("\0b\0", 3)), "?b?");
	assert_string_equal(cs_span_copy(out, sizeof(out), cs_span_make("", 0)),
			    "");
}

struct esc_case {
	const char *in;
	size_t n;
	const char *json, *csv, *html, *term;
};

static const struct esc_case esc_cases[] = {
    {"plain", 5, "\"plain\"", "\"plain\"", "plain", "plain"},
    {"<script>alert(1)</script>", 25, "\"<script>alert(1)</script>\"",
     "\"<script>alert(1)</script>\"", "&lt;script&gt;alert(1)&lt;/script&gt;",
     "<script>alert(1)</script>"},
    {"=HYPERLINK(\"x\")", 15, "\"=HYPERLINK(\\\"x\\\")\"",
     "\"'=HYPERLINK(\"\"x\"\")\"", "=HYPERLINK(&quot;x&quot;)",
     "=HYPERLINK(\"x\")"},
    {"+1", 2, "\"+1\"", "\"'+1\"", "+1", "+1"},
    {"@SUM", 4, "\"@SUM\"", "\"'@SUM\"", "@SUM", "@SUM"},
    {"-2", 2, "\"-2\"", "\"'-2\"", "-2", "-2"},
    {"\x1b[31mred", 8, "\"\\u001b[31mred\"", "\"\xEF\xBF\xBD[31mred\"",
     "\xEF\xBF\xBD[31mred", "\\x1b[31mred"},
    {"bad\xff\xfe", 5, "\"bad\\ufffd\\ufffd\"",
     "\"bad\xEF\xBF\xBD\xEF\xBF\xBD\"", "bad\xEF\xBF\xBD\xEF\xBF\xBD",
     "bad\\xff\\xfe"},
    {"\xc0\xaf", 2, "\"\\ufffd\\ufffd\"", "\"\xEF\xBF\xBD\xEF\xBF\xBD\"",
     "\xEF\xBF\xBD\xEF\xBF\xBD", "\\xc0\\xaf"}, /* overlong '/' */
    {"caf\xc3\xa9", 5, "\"caf\xc3\xa9\"", "\"caf\xc3\xa9\"", "caf\xc3\xa9",
     "caf\xc3\xa9"},
    {"a\0b", 3, "\"a\\u0000b\"",
     "\"a\xEF\xBF\xBD"
     "b\"",
     "a\xEF\xBF\xBD"
     "b",
     "a\\x00b"},
    {"\xc2\x9b"
     "2J",
     4, "\"\\u009b2J\"",
     "\"\xEF\xBF\xBD"
     "2J\"",
     "\xEF\xBF\xBD"
     "2J",
     "\\xc2\\x9b2J"}, /* C1 CSI */
    {"it's \\", 6, "\"it's \\\\\"", "\"it's \\\"", "it&#39;s \\", "it's \\\\"},
    /* Issue #12: a right-to-left override, an isolate, a zero-width
     * space, U+2028 and DEL: shown, never obeyed. */
    {"a\xe2\x80\xae"
     "b",
     5, "\"a\\u202eb\"",
     "\"a\xEF\xBF\xBD"
     "b\"",
     "a\xEF\xBF\xBD"
     "b",
     "a\\u202eb"},
    {"\xe2\x81\xa6x\xe2\x81\xa9", 7, "\"\\u2066x\\u2069\"",
     "\"\xEF\xBF\xBDx\xEF\xBF\xBD\"", "\xEF\xBF\xBDx\xEF\xBF\xBD",
     "\\u2066x\\u2069"},
    {"z\xe2\x80\x8b\xe2\x80\xa8\x7f", 8, "\"z\\u200b\\u2028\\u007f\"",
     "\"z\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\"",
     "z\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD", "z\\u200b\\u2028\\x7f"},
};

/* Issue #12: known secret fields are removed, other text is kept. */
static const struct {
	const char *in, *want;
} redact_cases[] = {
    {"plain text", "plain text"},
    {"{\"password\":\"s3cret\",\"user\":\"a\"}",
     "{\"password\":\"[redacted]\",\"user\":\"a\"}"},
    {"<userName>a</userName><Password>hunter2</Password>",
     "<userName>a</userName><Password>[redacted]</Password>"},
    {"/login?user=a&pwd=abc123&x=1", "/login?user=a&pwd=[redacted]&x=1"},
    {"GET / HTTP/1.1\r\nAuthorization: Digest username=\"a\", "
     "response=\"0f\"\r\nHost: x\r\n",
     "GET / HTTP/1.1\r\nAuthorization: [redacted]\r\nHost: x\r\n"},
    {"\"token\": \"abc\\\"def\"", "\"token\": \"[redacted]\""},
    {"<PasswordResetAbility>true</PasswordResetAbility>",
     "<PasswordResetAbility>true</PasswordResetAbility>"},
    {"passive bypass=1 password=", "passive bypass=1 password="},
    /* every key, in either case (redact.c's first-letter table) */
    {"passwd=a\r\nPASSPHRASE=b\r\nSecret=c",
     "passwd=[redacted]\r\nPASSPHRASE=[redacted]\r\nSecret=[redacted]"},
    {"apikey=a\r\nAPI_KEY=b\r\nAccess_Key=c",
     "apikey=[redacted]\r\nAPI_KEY=[redacted]\r\nAccess_Key=[redacted]"},
    {"PrivateKey=a\r\nprivate_key=b\r\nTOKEN=c",
     "PrivateKey=[redacted]\r\nprivate_key=[redacted]\r\nTOKEN=[redacted]"},
    {"Cookie: a=b; c=d\r\nX: y", "Cookie: [redacted]\r\nX: y"},
    /* Over-redaction: a value (not a header's) ends at its format's
     * delimiter, whatever the length of its key (passwd, secret and
     * apikey have the length of "cookie" and were cut to the line end). */
    {"passwd=a&user=admin", "passwd=[redacted]&user=admin"},
    {"GET /cgi?secret=s3&channel=1 HTTP/1.1",
     "GET /cgi?secret=[redacted]&channel=1 HTTP/1.1"},
    {"{\"apikey\":12345,\"model\":\"DS-2CD\"}",
     "{\"apikey\":[redacted],\"model\":\"DS-2CD\"}"},
    {"secret: abc model: X", "secret: [redacted] model: X"},
    {"passwd=abc; path=/", "passwd=[redacted]; path=/"},
    {"Secret=abc\tnext", "Secret=[redacted]\tnext"},
    {"<x apikey=k1 user=\"u\"/>", "<x apikey=[redacted] user=\"u\"/>"},
    {"passwd=p1\"rest", "passwd=[redacted]\"rest"},
    /* Under-redaction: a quoted value, an element or a header goes whole,
     * delimiters inside it included; so does a value at the end. */
    {"passwd=\"a b&c;d\" user=u", "passwd=\"[redacted]\" user=u"},
    {"passwd:'p w'", "passwd:'[redacted]'"},
    {"{\"secret\": \"x\\\"y z\"}", "{\"secret\": \"[redacted]\"}"},
    {"<Secret>a b;c&d</Secret>", "<Secret>[redacted]</Secret>"},
    {"<ns:apikey>k 1</ns:apikey>", "<ns:apikey>[redacted]</ns:apikey>"},
    {"Authorization: Basic YWRtaW46 cGFzcw==\r\nX: y",
     "Authorization: [redacted]\r\nX: y"},
    {"cookie: sid=1; token=2", "cookie: [redacted]"},
    {"APIKEY = k1", "APIKEY = [redacted]"},
    {"secret=abc", "secret=[redacted]"},
    {"a=1&PWD=x&passwd=y&secret=z",
     "a=1&PWD=[redacted]&passwd=[redacted]&secret=[redacted]"},
};

static void
test_redact(void **state)
{
	(void)state;
	for (size_t i = 0; i < CS_NELEM(redact_cases); i++) {
		struct cs_buf b;
		struct cs_obs_list l;

		cs_buf_init(&b, 1 << 16);
		assert_true(cs_redact(&b, redact_cases[i].in,
				      strlen(redact_cases[i].in)) >= 0);
		assert_string_equal(cs_buf_str(&b), redact_cases[i].want);
		cs_buf_free(&b);
		/* and every observation goes through it */
		cs_obs_list_init(&l);
		assert_int_equal(cs_obs_adds(&l, "k", 0, redact_cases[i].in),
				 0);
		assert_string_equal((const char *)l.v[0].val,
				    redact_cases[i].want);
		cs_obs_list_free(&l);
	}
}

static void
check_esc(int (*fn)(struct cs_buf *, const void *, size_t), const char *in,
	  size_t n, const char *want)
{
	struct cs_buf b;

	cs_buf_init(&b, 1 << 16);
	assert_int_equal(fn(&b, in, n), 0);
	assert_string_equal(cs_buf_str(&b), want);
	cs_buf_free(&b);
}

static void
test_escapers(void **state)
{
	(void)state;
	for (size_t i = 0; i < CS_NELEM(esc_cases); i++) {
		const struct esc_case *c = &esc_cases[i];

		check_esc(cs_esc_json, c->in, c->n, c->json);
		check_esc(cs_esc_csv, c->in, c->n, c->csv);
		check_esc(cs_esc_html, c->in, c->n, c->html);
		check_esc(cs_esc_term, c->in, c->n, c->term);
	}
}

/*
 * The JSON escaper reads plain bytes eight at a time: each byte it does
 * not copy as it is, at each place of a line longer than a few words,
 * is found and escaped there, and the rest copied.
 */
static void
test_esc_json_words(void **state)
{
	static const struct {
		const char *b; /* the byte(s) put in */
		size_t n;
		const char *want; /* as escaped */
	} t[] = {
	    {"\"", 1, "\\\""},
	    {"\\", 1, "\\\\"},
	    {"\n", 1, "\\n"},
	    {"\x01", 1, "\\u0001"},
	    {"\x1f", 1, "\\u001f"},
	    {"\x7f", 1, "\\u007f"},
	    {"\xc3\xa9", 2, "\xc3\xa9"},
	    {"\xff", 1, "\\ufffd"},
	    {"\0", 1, "\\u0000"},
	    {" ", 1, " "},
	    {"~", 1, "~"},
	};
	const char plain[] = "abcdefghijklmnopqrstuvwxyz0123456789ABCD";

	(void)state;
	for (size_t i = 0; i < CS_NELEM(t); i++)
		for (size_t at = 0; at <= 33; at++) {
			char in[64], want[96];
			size_t k = 0, w = 0;

			memcpy(in, plain, at);
			k = at;
			memcpy(in + k, t[i].b, t[i].n);
			k += t[i].n;
			memcpy(in + k, plain + at, 6);
			k += 6;
			want[w++] = '"';
			memcpy(want + w, plain, at);
			w += at;
			memcpy(want + w, t[i].want, strlen(t[i].want));
			w += strlen(t[i].want);
			memcpy(want + w, plain + at, 6);
			w += 6;
			want[w++] = '"';
			want[w] = '\0';
			check_esc(cs_esc_json, in, k, want);
		}
	/* a buffer whose cap holds the result but not the room for the
	 * longest escape of every byte: the same result; one byte less:
	 * refused */
	{
		static const char in[] = "a\"b\\c\nd\x01"
					 "e\xc3\xa9"
					 "f\xff";
		static const char want[] = "\"a\\\"b\\\\c\\nd\\u0001e\xc3\xa9"
					   "f\\ufffd\"";
		size_t n = sizeof(in) - 1, wn = sizeof(want) - 1;

		assert_true(wn < 6 * n + 2);
		for (size_t cap = wn - 3; cap <= 6 * n + 3; cap++) {
			struct cs_buf b;
			int rc;

			cs_buf_init(&b, cap);
			rc = cs_esc_json(&b, in, n);
			if (cap < wn) {
				assert_int_equal(rc, CS_ELIMIT);
			} else {
				assert_int_equal(rc, 0);
				assert_int_equal(b.len, wn);
				assert_memory_equal(b.p, want, wn);
			}
			cs_buf_free(&b);
		}
	}
}

static void
test_utf8_seq(void **state)
{
	unsigned long cp;

	(void)state;
	assert_int_equal(
	    cs_utf8_seq((const unsigned char *)"\xe2\x82\xac", 3, &cp), 3);
	assert_int_equal(cp, 0x20AC);
	/* Truncated, surrogate, beyond U+10FFFF, overlong 3-byte. */
	assert_int_equal(cs_utf8_seq((const unsigned char *)"\xe2\x82", 2, &cp),
			 0);
	assert_int_equal(
	    cs_utf8_seq((const unsigned char *)"\xed\xa0\x80", 3, &cp), 0);
	assert_int_equal(
	    cs_utf8_seq((const unsigned char *)"\xf4\x90\x80\x80", 4, &cp), 0);
	assert_int_equal(
	    cs_utf8_seq((const unsigned char *)"\xe0\x80\xaf", 3, &cp), 0);
}

static void
test_obs_caps(void **state)
{
	struct cs_obs_list l;
	static uint8_t big[CS_OBS_MAX_VALUE + 100];

	(void)state;
	cs_obs_list_init(&l);
	assert_int_equal(cs_obs_add(&l, "http.body", 80, 0, big, sizeof(big)),
			 0);
	assert_int_equal(l.v[0].len, CS_OBS_MAX_VALUE);
	assert_true(l.v[0].flags & CS_OBS_TRUNCATED);
	assert_int_equal(cs_obs_adds(&l, "", 80, "x"), CS_EINVAL);
	for (int i = 1; i < CS_OBS_MAX_COUNT; i++)
		assert_int_equal(cs_obs_adds(&l, "k", 1, "v"), 0);
	assert_int_equal(cs_obs_adds(&l, "k", 1, "v"), CS_ELIMIT);
	assert_int_equal(l.dropped, 1);
	assert_non_null(cs_obs_find(&l, "http.body", 80));
	assert_null(cs_obs_find(&l, "http.body", 81));
	cs_obs_list_free(&l);
}

/* A probe's observations that repeat one the list already has (same key,
 * port and bytes) are dropped; the others keep their order. */
static void
test_obs_dedup(void **state)
{
	struct cs_obs_list l;

	(void)state;
	cs_obs_list_init(&l);
	assert_int_equal(cs_obs_adds(&l, "http.server", 80, "App-webs/"), 0);
	assert_int_equal(cs_obs_adds(&l, "http.status", 80, "200"), 0);
	/* The next reply of the same server: */
	assert_int_equal(cs_obs_adds(&l, "http.server", 80, "App-webs/"), 0);
	assert_int_equal(cs_obs_adds(&l, "http.status", 80, "401"), 0);
	assert_int_equal(cs_obs_adds(&l, "http.server", 8080, "App-webs/"), 0);
	assert_int_equal(cs_obs_adds(&l, "http.status", 80, "401"), 0);
	assert_int_equal(cs_obs_add(&l, "http.body", 80, 0, "", 0), 0);
	assert_int_equal(cs_obs_add(&l, "http.body", 80, 0, "", 0), 0);
	assert_int_equal(cs_obs_dedup_from(&l, 2), 3);
	assert_int_equal(l.n, 5);
	assert_string_equal(l.v[2].key, "http.status");
	assert_string_equal((const char *)l.v[2].val, "401");
	assert_int_equal(l.v[3].port, 8080);
	assert_string_equal(l.v[4].key, "http.body");
	/* Entries before `from` are never touched. */
	assert_int_equal(cs_obs_adds(&l, "x", 1, "a"), 0);
	assert_int_equal(cs_obs_adds(&l, "x", 1, "a"), 0);
	assert_int_equal(cs_obs_dedup_from(&l, 7), 0);
	assert_int_equal(l.n, 7);
	cs_obs_list_free(&l);
}

/* The i-th test value of test_obs_pool: n bytes of a pattern of i. */
static size_t
pool_val(size_t i, uint8_t *v)
{
	static const size_t sizes[] = {0,   1,   7,   8,    9,    63,  300,
				       511, 512, 513, 2047, 4096, 5000};
	size_t n = sizes[i % (sizeof(sizes) / sizeof(sizes[0]))];

	for (size_t k = 0; k < n; k++)
		v[k] = (uint8_t)('a' + (i * 7 + k) % 26);
	return n;
}

/*
 * A pooled list (cs_obs_list_pool, identify's) holds what a plain one
 * holds: every value intact after many more were added (blocks filled,
 * grown, a value larger than a block), copied to a plain list, cleared
 * and filled again, deduplicated, freed (ASan in CI: no overlap, no
 * leak, no value freed by itself).
 */
static void
test_obs_pool(void **state)
{
	struct cs_obs_list p, q;
	static uint8_t v[CS_OBS_MAX_VALUE + 1000];

	(void)state;
	cs_obs_list_init(&p);
	cs_obs_list_pool(&p);
	assert_true(p.pooled);
	cs_obs_list_init(&q);
	for (int round = 0; round < 3; round++) {
		for (size_t i = 0; i < 200; i++) {
			size_t n = pool_val(i + (size_t)round, v);

			assert_int_equal(cs_obs_add(&p, "k", 1, 0, v, n), 0);
		}
		for (size_t i = 0; i < 200; i++) {
			size_t n = pool_val(i + (size_t)round, v);

			if (n > CS_OBS_MAX_VALUE)
				n = CS_OBS_MAX_VALUE;
			assert_int_equal(p.v[i].len, n);
			assert_memory_equal(p.v[i].val, v, n);
			assert_int_equal(p.v[i].val[n], 0);
			assert_int_equal(cs_obs_add_copy(&q, &p.v[i]), 0);
			assert_memory_equal(q.v[q.n - 1].val, v, n);
		}
		cs_obs_list_clear(&p);
		assert_int_equal(p.n, 0);
		assert_true(p.pooled); /* still pooled */
		cs_obs_list_clear(&q);
	}
	/* dedup drops repeats of a pooled list without freeing them */
	assert_int_equal(cs_obs_adds(&p, "http.status", 80, "200"), 0);
	assert_int_equal(cs_obs_adds(&p, "http.status", 80, "200"), 0);
	assert_int_equal(cs_obs_adds(&p, "http.status", 80, "401"), 0);
	assert_int_equal(cs_obs_dedup_from(&p, 1), 1);
	assert_int_equal(p.n, 2);
	assert_string_equal((const char *)p.v[1].val, "401");
	cs_obs_list_free(&p);
	assert_false(p.pooled);
	cs_obs_list_free(&q);
}

/* cs_strcatf appends within the buffer, cuts to fit, and leaves a full
 * buffer as it is. */
static void
test_strcatf(void **state)
{
	static const struct {
		const char *start;
		size_t size;
		int arg;
		const char *want;
	} t[] = {
	    {"", 16, 7, "id=7"},        {"a ", 16, 42, "a id=42"},
	    {"abc", 6, 12345, "abcid"}, {"abcde", 6, 1, "abcde"},
	    {"abcd", 6, 1, "abcdi"},
	};
	char buf[16];

	(void)state;
	for (size_t i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		memset(buf, 'x', sizeof(buf));
		strcpy(buf, t[i].start);
		cs_strcatf(buf, t[i].size, "id=%d", t[i].arg);
		assert_string_equal(buf, t[i].want);
		assert_true(strlen(buf) < t[i].size);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_buf_cap),
	    cmocka_unit_test(test_rd_sticky),
	    cmocka_unit_test(test_span_helpers),
	    cmocka_unit_test(test_strcatf),
	    cmocka_unit_test(test_escapers),
	    cmocka_unit_test(test_esc_json_words),
	    cmocka_unit_test(test_redact),
	    cmocka_unit_test(test_utf8_seq),
	    cmocka_unit_test(test_obs_caps),
	    cmocka_unit_test(test_obs_dedup),
	    cmocka_unit_test(test_obs_pool),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
