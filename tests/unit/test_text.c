/* SPDX-License-Identifier: ISC */
/* Table-driven tests of core/text.c: files, lines, TSV, CSV and dates. */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "core/text.h"

static struct cs_span
S(const char *s) {
	return cs_span_make(s, strlen(s));
}

static bool
span_is(struct cs_span s, const char *lit)
{
	return s.n == strlen(lit) && memcmp(s.p, lit, s.n) == 0;
}

static void
test_file_read(void **state)
{
	char path[] = "/tmp/cs_text_XXXXXX";
	int fd = mkstemp(path);
	struct cs_buf b;
	int64_t mt = -1;

	(void)state;
	assert_true(fd >= 0);
	assert_int_equal(write(fd, "0123456789", 10), 10);
	close(fd);
	static const struct {
		size_t max;
		int rc;
		size_t len;
	} t[] = {
	    {10, 0, 10}, {11, 0, 10}, {9, CS_ELIMIT, 9}, {0, CS_ELIMIT, 0}};
	for (size_t i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		cs_buf_init(&b, t[i].max);
		if (cs_file_read(path, t[i].max, &b, &mt) != t[i].rc ||
		    b.len != t[i].len)
			fail_msg("max %zu: got len %zu", t[i].max, b.len);
		if (b.len > 0 && memcmp(b.p, "0123456789", b.len) != 0)
			fail_msg("max %zu: wrong bytes", t[i].max);
		cs_buf_free(&b);
	}
	assert_true(mt > 0);
	unlink(path);
	cs_buf_init(&b, 10);
	errno = 0;
	assert_int_equal(cs_file_read(path, 10, &b, NULL), CS_EIO);
	assert_int_equal(errno, ENOENT);
	assert_int_equal(b.len, 0);
}

static void
test_errf(void **state)
{
	char e[32];

	(void)state;
	assert_int_equal(cs_errf(e, sizeof(e), "a.tsv", 7, "bad %s", "x"),
			 CS_EINVAL);
	assert_string_equal(e, "a.tsv:7: bad x");
	cs_errf(e, sizeof(e), "a.tsv", 0, "too large");
	assert_string_equal(e, "a.tsv: too large");
	cs_errf(e, 8, "a.tsv", 7, "truncated message");
	assert_string_equal(e, "a.tsv:7");
	assert_int_equal(cs_errf(NULL, 0, "x", 1, "y"), CS_EINVAL);
}

static void
test_lines(void **state)
{
	static const struct {
		const char *in;
		const char *want[4]; /* NULL after the last line */
	} t[] = {
	    {"", {NULL}},
	    {"\n", {"", NULL}},
	    {"a", {"a", NULL}},
	    {"a\nb\n", {"a", "b", NULL}},
	    {"a\r\nb\r\n\r\n", {"a", "b", "", NULL}},
	    {"a\r\r\nb", {"a\r", "b", NULL}},
	    {"\n\nx", {"", "", "x", NULL}},
	};

	(void)state;
	for (size_t i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		struct cs_lines l;
		struct cs_span ln;
		size_t k = 0;

		cs_lines_init(&l, t[i].in, strlen(t[i].in));
		while (cs_lines_next(&l, &ln)) {
			if (k >= 4 || t[i].want[k] == NULL)
				fail_msg("case %zu: extra line", i);
			if (!span_is(ln, t[i].want[k]))
				fail_msg("case %zu line %zu differs", i, k);
			k++;
			assert_int_equal(l.line, k);
		}
		if (k < 4 && t[i].want[k] != NULL)
			fail_msg("case %zu: %zu lines only", i, k);
	}
}

/*
 * cs_lines_next_max: a line of more than max bytes with its CR and LF (a
 * last line without LF counted with one) is CS_ELIMIT at its number, as
 * fgets into max + 1 bytes would have cut it; the lines before it are
 * returned.  The rows mark each line 'y' (returned) or 'E' (refused;
 * reading stops there).
 */
static void
test_lines_max(void **state)
{
	static const struct {
		const char *in;
		size_t max;
		const char *want; /* one letter a line read */
	} t[] = {
	    {"", 4, ""},
	    {"abc\n", 4, "y"},              /* 4 bytes with its LF */
	    {"abcd\n", 4, "E"},             /* 5 */
	    {"abc", 4, "y"},                /* last line, no LF: 3 + 1 */
	    {"abcd", 4, "E"},               /* 4 + 1 */
	    {"ab\r\n", 4, "y"},             /* the CR counts */
	    {"abc\r\n", 4, "E"},            /* 5 with CR and LF */
	    {"a\nb\nlong!\nc\n", 4, "yyE"}, /* refused at line 3 */
	    {"\n\n", 1, "yy"},
	};

	(void)state;
	for (size_t i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		struct cs_lines l;
		struct cs_span ln;
		size_t k = 0;
		int r;

		cs_lines_init(&l, t[i].in, strlen(t[i].in));
		while ((r = cs_lines_next_max(&l, t[i].max, &ln)) != 0) {
			if (t[i].want[k] == '\0')
				fail_msg("case %zu: extra line", i);
			if ((t[i].want[k] == 'E') != (r == CS_ELIMIT))
				fail_msg("case %zu line %zu: got %d", i, k + 1,
					 r);
			k++;
			assert_int_equal(l.line, k);
			if (r == CS_ELIMIT)
				break;
		}
		if (k != strlen(t[i].want))
			fail_msg("case %zu: %zu lines, want %zu", i, k,
				 strlen(t[i].want));
	}
}

static void
test_tsv(void **state)
{
	struct cs_span f[3];

	(void)state;
	assert_int_equal(cs_tsv_split(S(""), f, 3, false), 1);
	assert_true(span_is(f[0], ""));
	assert_int_equal(cs_tsv_split(S("a\tb"), f, 3, false), 2);
	assert_true(span_is(f[1], "b"));
	assert_int_equal(cs_tsv_split(S(" a \t b\t"), f, 3, true), 3);
	assert_true(span_is(f[0], "a") && span_is(f[1], "b"));
	assert_true(span_is(f[2], ""));
	assert_int_equal(cs_tsv_split(S(" a \tb"), f, 3, false), 2);
	assert_true(span_is(f[0], " a "));
	assert_int_equal(cs_tsv_split(S("1\t2\t3\t4"), f, 3, false), 4);
	assert_true(span_is(f[2], "3"));
	assert_int_equal(cs_tsv_split(S("\t\t"), f, 3, false), 3);
}

static void
test_csv(void **state)
{
	static const struct {
		const char *in;
		int rc; /* of the first record */
		size_t nfield;
		const char *f0, *flast;
		unsigned line;   /* where the record starts */
		const char *err; /* substring of the message */
	} t[] = {
	    {"a,b,c\n", 1, 3, "a", "c", 1, NULL},
	    {"\xef\xbb\xbf"
	     "id,x\r\n",
	     1, 2, "id", "x", 1, NULL},
	    {"\n\r\nq\n", 1, 1, "q", "q", 3, NULL},
	    {"\"a,b\",\"say \"\"hi\"\"\"\n", 1, 2, "a,b", "say \"hi\"", 1,
	     NULL},
	    {"\"two\nlines\",x\n", 1, 2, "two\nlines", "x", 1, NULL},
	    {"a,,\n", 1, 3, "a", "", 1, NULL},
	    {"", 0, 0, NULL, NULL, 1, NULL},
	    {"\"open\n", CS_ETRUNC, 0, NULL, NULL, 1, "unterminated"},
	    {"\"a\"b\n", CS_EPROTO, 0, NULL, NULL, 1, "after a closing"},
	    {"ab\"c\n", CS_EPROTO, 0, NULL, NULL, 1, "stray quote"},
	};
	struct cs_csv *c = malloc(sizeof(*c));

	(void)state;
	assert_non_null(c);
	for (size_t i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		char err[128] = "";
		int rc;

		cs_csv_init(c, S(t[i].in));
		rc = cs_csv_next(c, err, sizeof(err));
		if (rc != t[i].rc)
			fail_msg("case %zu: rc %d (%s)", i, rc, err);
		if (rc == 1 &&
		    (c->nfield != t[i].nfield ||
		     strcmp(c->field[0], t[i].f0) != 0 ||
		     strcmp(c->field[c->nfield - 1], t[i].flast) != 0 ||
		     c->line != t[i].line))
			fail_msg("case %zu: wrong record", i);
		if (t[i].err != NULL && strstr(err, t[i].err) == NULL)
			fail_msg("case %zu: message '%s'", i, err);
	}
	/* A NUL byte cannot cut a field short. */
	cs_csv_init(c, cs_span_make("ab\0cd,\"e\0\"\n", 11));
	assert_int_equal(cs_csv_next(c, NULL, 0), 1);
	assert_string_equal(c->field[0], "ab?cd");
	assert_string_equal(c->field[1], "e?");
	/* Records in order with their starting lines, then the end. */
	cs_csv_init(c, S("a\n\"b\nc\"\nd"));
	assert_int_equal(cs_csv_next(c, NULL, 0), 1);
	assert_int_equal(cs_csv_next(c, NULL, 0), 1);
	assert_string_equal(c->field[0], "b\nc");
	assert_int_equal(cs_csv_next(c, NULL, 0), 1);
	assert_string_equal(c->field[0], "d");
	assert_int_equal(c->line, 4);
	assert_int_equal(cs_csv_next(c, NULL, 0), 0);
	free(c);
}

static void
test_csv_limits(void **state)
{
	struct cs_csv *c = malloc(sizeof(*c));
	char *in = malloc(CS_CSV_MAX_FIELD + 8);
	char err[128];

	(void)state;
	assert_non_null(c);
	assert_non_null(in);
	memset(in, 'x', CS_CSV_MAX_FIELD);
	in[CS_CSV_MAX_FIELD] = '\0';
	cs_csv_init(c, S(in));
	assert_int_equal(cs_csv_next(c, err, sizeof(err)), CS_ELIMIT);
	assert_non_null(strstr(err, "longer than"));
	memset(in, ',', CS_CSV_MAX_FIELDS);
	in[CS_CSV_MAX_FIELDS] = '\0';
	cs_csv_init(c, S(in));
	assert_int_equal(cs_csv_next(c, err, sizeof(err)), CS_ELIMIT);
	assert_non_null(strstr(err, "fields"));
	in[CS_CSV_MAX_FIELDS - 1] = '\0'; /* exactly the maximum */
	cs_csv_init(c, S(in));
	assert_int_equal(cs_csv_next(c, err, sizeof(err)), 1);
	assert_int_equal(c->nfield, CS_CSV_MAX_FIELDS);
	free(in);
	free(c);
}

static void
test_date(void **state)
{
	static const struct {
		const char *in;
		unsigned flags;
		int rc;
		int y, m, d, hh;
	} t[] = {
	    {"2024-02-29", 0, 0, 2024, 2, 29, -1},
	    {"2023-02-31", 0, 0, 2023, 2, 31, -1}, /* day 1-31 only */
	    {"2023-02-29", CS_DATE_CALENDAR, CS_EINVAL, 0, 0, 0, 0},
	    {"2024-02-29", CS_DATE_CALENDAR, 0, 2024, 2, 29, -1},
	    {"1900-02-29", CS_DATE_CALENDAR, CS_EINVAL, 0, 0, 0, 0},
	    {"2000-02-29", CS_DATE_CALENDAR, 0, 2000, 2, 29, -1},
	    {"2024-04-31", CS_DATE_CALENDAR, CS_EINVAL, 0, 0, 0, 0},
	    {"2024-13-01", 0, CS_EINVAL, 0, 0, 0, 0},
	    {"2024-00-01", 0, CS_EINVAL, 0, 0, 0, 0},
	    {"2024-01-00", 0, CS_EINVAL, 0, 0, 0, 0},
	    {"2024-01-32", 0, CS_EINVAL, 0, 0, 0, 0},
	    {"2024", 0, CS_EINVAL, 0, 0, 0, 0},
	    {"2024", CS_DATE_YEAR, 0, 2024, 0, 0, -1},
	    {"2024-07", 0, CS_EINVAL, 0, 0, 0, 0},
	    {"2024-07", CS_DATE_MONTH, 0, 2024, 7, 0, -1},
	    {"2024-7", CS_DATE_MONTH, CS_EINVAL, 0, 0, 0, 0},
	    {"2024/07/01", 0, CS_EINVAL, 0, 0, 0, 0},
	    {"2024-07-01T12:30:05Z", 0, CS_EINVAL, 0, 0, 0, 0},
	    {"2024-07-01T12:30:05Z", CS_DATE_TIME, 0, 2024, 7, 1, 12},
	    {"2024-07-01T24:00:00Z", CS_DATE_TIME, CS_EINVAL, 0, 0, 0, 0},
	    {"2024-07-01T12:60:00Z", CS_DATE_TIME, CS_EINVAL, 0, 0, 0, 0},
	    {"2024-07-01 12:30:05Z", CS_DATE_TIME, CS_EINVAL, 0, 0, 0, 0},
	    {"2024-07-01T12:30:05+", CS_DATE_TIME, CS_EINVAL, 0, 0, 0, 0},
	    {"+024-07-01", 0, CS_EINVAL, 0, 0, 0, 0},
	    {"", CS_DATE_YEAR | CS_DATE_MONTH, CS_EINVAL, 0, 0, 0, 0},
	};

	(void)state;
	for (size_t i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		struct cs_date d;
		int rc = cs_date_parse(S(t[i].in), t[i].flags, &d);

		if (rc != t[i].rc)
			fail_msg("'%s' flags %u: rc %d", t[i].in, t[i].flags,
				 rc);
		if (rc == 0 && (d.year != t[i].y || d.month != t[i].m ||
				d.day != t[i].d || d.hour != t[i].hh))
			fail_msg("'%s': got %d-%d-%d %d", t[i].in, d.year,
				 d.month, d.day, d.hour);
	}
}

/* cs_date_format: the one ISO 8601 writer, and what it writes parses
 * back with cs_date_parse. */
static void
test_date_format(void **state)
{
	static const struct {
		int64_t t;
		unsigned flags;
		size_t sz;
		int rc;
		const char *want;
	} t[] = {
	    {1, 0, 32, 0, "1970-01-01"},
	    {1, CS_DATE_TIME, 32, 0, "1970-01-01T00:00:01Z"},
	    {1700000000, CS_DATE_TIME, 32, 0, "2023-11-14T22:13:20Z"},
	    {1700000000, 0, 32, 0, "2023-11-14"},
	    {951782400, 0, 32, 0, "2000-02-29"},
	    {951868799, CS_DATE_TIME, 32, 0, "2000-02-29T23:59:59Z"},
	    {253402300799, CS_DATE_TIME, 32, 0, "9999-12-31T23:59:59Z"},
	    {253402300800, 0, 32, CS_EINVAL, ""}, /* a fifth year digit */
	    {0, 0, 32, CS_EINVAL, ""},            /* no date */
	    {-86400, CS_DATE_TIME, 32, CS_EINVAL, ""},
	    {1700000000, 0, 11, 0, "2023-11-14"},
	    {1700000000, 0, 10, CS_EINVAL, ""},
	    {1700000000, CS_DATE_TIME, 21, 0, "2023-11-14T22:13:20Z"},
	    {1700000000, CS_DATE_TIME, 20, CS_EINVAL, ""},
	    {INT64_MAX, CS_DATE_TIME, 32, CS_EINVAL, ""},
	};

	(void)state;
	for (size_t i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		char buf[32];
		struct cs_date d;
		int rc;

		memset(buf, 'x', sizeof(buf));
		rc = cs_date_format(t[i].t, t[i].flags, buf, t[i].sz);
		if (rc != t[i].rc || strcmp(buf, t[i].want) != 0)
			fail_msg("%lld flags %u sz %zu: rc %d '%s'",
				 (long long)t[i].t, t[i].flags, t[i].sz, rc,
				 buf);
		if (rc == 0 &&
		    cs_date_parse(S(buf), t[i].flags | CS_DATE_CALENDAR, &d) !=
			0)
			fail_msg("'%s' does not parse back", buf);
	}
	/* sz 0: nothing written. */
	assert_int_equal(cs_date_format(1, 0, NULL, 0), CS_EINVAL);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_file_read),
	    cmocka_unit_test(test_errf),
	    cmocka_unit_test(test_lines),
	    cmocka_unit_test(test_lines_max),
	    cmocka_unit_test(test_tsv),
	    cmocka_unit_test(test_csv),
	    cmocka_unit_test(test_csv_limits),
	    cmocka_unit_test(test_date),
	    cmocka_unit_test(test_date_format),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
