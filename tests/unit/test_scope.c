/* SPDX-License-Identifier: ISC */
/* The scope: spec parsing, exclusion arithmetic, lookup and the
 * permutation that orders a sweep. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <arpa/inet.h>

#include <cmocka.h>

#include "core/cs.h"
#include "engine/scope.h"

static uint32_t
ip(const char *s)
{
	struct cs_interval *v = NULL;
	size_t n = 0;
	char err[128];
	uint32_t r;

	assert_int_equal(cs_scope_parse_spec(s, &v, &n, err, sizeof(err)), 0);
	r = v[0].lo;
	free(v);
	return r;
}

struct spec_case {
	const char *spec;
	int rc;
	const char *lo, *hi;
};

static const struct spec_case spec_cases[] = {
    {"127.16.0.0/20", 0, "127.16.0.0", "127.16.15.255"},
    {"127.0.0.5", 0, "127.0.0.5", "127.0.0.5"},
    {"127.0.0.10-127.0.1.2", 0, "127.0.0.10", "127.0.1.2"},
    {"127.0.0.10-20", 0, "127.0.0.10", "127.0.0.20"},
    {"127.0.0.0/32", 0, "127.0.0.0", "127.0.0.0"},
    {"127.0.0.1/24", -5, NULL, NULL},  /* host bits set */
    {"127.0.0.20-10", -5, NULL, NULL}, /* backwards */
    {"127.0.0.0/33", -5, NULL, NULL},
    /* core/addr.h's forms: inet_pton's dotted quad, a 1-2 digit length */
    {"127.0.0.0/8", 0, "127.0.0.0", "127.255.255.255"},
    {"0.0.0.0/0", 0, "0.0.0.0", "255.255.255.255"},
    {"127.0.0.010", -5, NULL, NULL}, /* leading zero */
    {"127.0.0.0/", -5, NULL, NULL},
    {"127.0.0.0/+8", -5, NULL, NULL},
    {"127.0.0.0/ 8", -5, NULL, NULL},
    {"127.0.0.0/008", -5, NULL, NULL},
    {"/8", -5, NULL, NULL},
    {"127.0.0.1/32/1", -5, NULL, NULL},
    {"127.0.0", -5, NULL, NULL},
    {"", -5, NULL, NULL},
    {"example.com", -5, NULL, NULL},
    {"127.0.0.1-256", -5, NULL, NULL},
    {"@/nonexistent/file", -5, NULL, NULL},
    /* nmap's octet ranges that make one interval */
    {"127.0.0.*", 0, "127.0.0.0", "127.0.0.255"},
    {"127.0.0.-5", 0, "127.0.0.0", "127.0.0.5"},
    {"127.0.0.250-", 0, "127.0.0.250", "127.0.0.255"},
    {"127.0.0.7,8", 0, NULL, NULL}, /* two intervals: see below */
    {"127.0.0.1,", -5, NULL, NULL},
    {"127.0.0.,1", -5, NULL, NULL},
    {"127.0.0.1-2-3", -5, NULL, NULL},
    {"127.0.0.x", -5, NULL, NULL},
    {"127.0-1.0", -5, NULL, NULL},
    {"127.0.0.0-1.1", -5, NULL, NULL}, /* five octets */
    {"127.0.300-301.1", -5, NULL, NULL},
    {"*.*.*.*", -5, NULL, NULL}, /* 2^24 ranges: too many */
};

static void
test_parse_specs(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(spec_cases) / sizeof(spec_cases[0]);
	     i++) {
		const struct spec_case *c = &spec_cases[i];
		struct cs_interval *v = NULL;
		size_t n = 0;
		char err[256] = "";
		int rc = cs_scope_parse_spec(c->spec, &v, &n, err, sizeof(err));

		assert_int_equal(rc, c->rc);
		if (rc == 0) {
			if (c->lo != NULL) {
				assert_int_equal(n, 1);
				assert_int_equal(v[0].lo, ip(c->lo));
				assert_int_equal(v[0].hi, ip(c->hi));
			}
		} else {
			assert_true(strlen(err) > 0);
		}
		free(v);
	}
}

static void build(struct cs_scope *s, const char *const *inc, size_t ni,
		  const char *const *exc, size_t ne);

/* Octet ranges that make several intervals, in order. */
static void
test_octet_ranges(void **state)
{
	static const struct {
		const char *spec;
		size_t n;
		const char *iv[8]; /* lo, hi of the first intervals */
	} cases[] = {
	    {"127.77.0-1.1-254",
	     2,
	     {"127.77.0.1", "127.77.0.254", "127.77.1.1", "127.77.1.254"}},
	    {"127.0.0.1,3,5-6",
	     3,
	     {"127.0.0.1", "127.0.0.1", "127.0.0.3", "127.0.0.3"}},
	    {"127.1-2.3,5.9",
	     4,
	     {"127.1.3.9", "127.1.3.9", "127.1.5.9", "127.1.5.9"}},
	    {"10.*.*.1",
	     65536,
	     {"10.0.0.1", "10.0.0.1", "10.0.1.1", "10.0.1.1"}},
	};
	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct cs_interval *v = NULL;
		size_t n = 0;
		char err[256] = "";

		assert_int_equal(cs_scope_parse_spec(cases[i].spec, &v, &n, err,
						     sizeof(err)),
				 0);
		assert_int_equal(n, cases[i].n);
		for (size_t k = 0; k < 2; k++) {
			assert_int_equal(v[k].lo, ip(cases[i].iv[2 * k]));
			assert_int_equal(v[k].hi, ip(cases[i].iv[2 * k + 1]));
		}
		free(v);
	}
	/* The acceptance line's targets: 2 x 254 addresses in scope. */
	{
		static const char *const inc[] = {"127.77.0-1.1-254"};
		struct cs_scope s;

		build(&s, inc, 1, NULL, 0);
		assert_int_equal(s.total, 508);
		assert_true(cs_scope_contains(&s, ip("127.77.1.254")));
		assert_false(cs_scope_contains(&s, ip("127.77.1.255")));
		assert_false(cs_scope_contains(&s, ip("127.77.0.0")));
		cs_scope_free(&s);
	}
}

static void
build(struct cs_scope *s, const char *const *inc, size_t ni,
      const char *const *exc, size_t ne)
{
	struct cs_interval *vi = NULL, *ve = NULL;
	size_t n1 = 0, n2 = 0;
	char err[128];

	for (size_t i = 0; i < ni; i++)
		assert_int_equal(
		    cs_scope_parse_spec(inc[i], &vi, &n1, err, sizeof(err)), 0);
	for (size_t i = 0; i < ne; i++)
		assert_int_equal(
		    cs_scope_parse_spec(exc[i], &ve, &n2, err, sizeof(err)), 0);
	cs_scope_init(s);
	cs_scope_build(s, vi, n1, ve, n2);
	free(vi);
	free(ve);
}

static void
test_exclusions(void **state)
{
	static const char *const inc[] = {"127.1.0.0/24", "127.1.0.128/25",
					  "127.2.0.0-127.2.0.9"};
	static const char *const exc[] = {"127.1.0.0", "127.1.0.10-19",
					  "127.1.0.255", "127.2.0.9",
					  "10.0.0.0/8"};
	struct cs_scope s;

	(void)state;
	build(&s, inc, 3, exc, 5);
	/* 256 - 1 - 10 - 1 = 244, plus 10 - 1 = 9. */
	assert_int_equal(s.total, 253);
	assert_false(cs_scope_contains(&s, ip("127.1.0.0")));
	assert_true(cs_scope_contains(&s, ip("127.1.0.1")));
	assert_false(cs_scope_contains(&s, ip("127.1.0.15")));
	assert_true(cs_scope_contains(&s, ip("127.1.0.20")));
	assert_false(cs_scope_contains(&s, ip("127.1.0.255")));
	assert_true(cs_scope_contains(&s, ip("127.2.0.8")));
	assert_false(cs_scope_contains(&s, ip("127.2.0.9")));
	assert_false(cs_scope_contains(&s, ip("10.0.0.1")));
	assert_false(cs_scope_contains(&s, ip("127.0.0.1")));
	assert_int_equal(cs_scope_nth(&s, 0), ip("127.1.0.1"));
	assert_int_equal(cs_scope_nth(&s, 9), ip("127.1.0.20"));
	assert_int_equal(cs_scope_nth(&s, 252), ip("127.2.0.8"));
	assert_string_equal(s.text, "127.1.0.0/24,127.2.0.0-127.2.0.9");
	cs_scope_free(&s);

	/* Everything excluded is an error, not an empty scan. */
	static const char *const one[] = {"127.3.0.1"};
	cs_scope_init(&s);
	build(&s, one, 1, one, 1);
	assert_int_equal(s.total, 0);
	cs_scope_free(&s);
}

static void
test_scope_file(void **state)
{
	char path[] = "/tmp/cs-scope-XXXXXX";
	int fd = mkstemp(path);
	FILE *f;
	struct cs_interval *v = NULL;
	size_t n = 0;
	char err[256];

	(void)state;
	assert_true(fd >= 0);
	f = fdopen(fd, "w");
	fputs("# cameras\n127.5.0.0/30\n\n  127.5.1.1  # one\n", f);
	fclose(f);
	char spec[64];
	snprintf(spec, sizeof(spec), "@%s", path);
	assert_int_equal(cs_scope_parse_spec(spec, &v, &n, err, sizeof(err)),
			 0);
	assert_int_equal(n, 2);
	free(v);
	v = NULL;
	n = 0;
	f = fopen(path, "w");
	fputs("127.5.0.0/30\nbogus\n", f);
	fclose(f);
	assert_int_equal(cs_scope_parse_spec(spec, &v, &n, err, sizeof(err)),
			 -5);
	assert_non_null(strstr(err, ":2:"));
	free(v);
	unlink(path);
}

/* Issue #12: a line longer than the limit is refused with file:line, not
 * split (its tail used to become a target of its own). */
static void
test_scope_file_long_line(void **state)
{
	char path[] = "/tmp/cs-scope-XXXXXX";
	int fd = mkstemp(path);
	FILE *f;
	struct cs_interval *v = NULL;
	size_t n = 0;
	char err[512], spec[64];

	(void)state;
	assert_true(fd >= 0);
	f = fdopen(fd, "w");
	/* A comment of 264 bytes whose address starts at byte 256: a 256-byte
	 * line buffer used to cut it there and read the address. */
	fputs("127.5.0.1\n# ", f);
	for (int i = 0; i < 253; i++)
		fputc('x', f);
	fputs(" 127.5.0.9\n", f);
	fputs("127.5.0.2\n", f);
	fclose(f);
	snprintf(spec, sizeof(spec), "@%s", path);
	/* under the limit: the address stays part of the comment */
	assert_int_equal(cs_scope_parse_spec(spec, &v, &n, err, sizeof(err)),
			 0);
	assert_int_equal(n, 2);
	for (size_t i = 0; i < n; i++)
		assert_true(v[i].lo != ip("127.5.0.9"));
	free(v);
	v = NULL;
	n = 0;
	f = fopen(path, "w");
	fputs("127.5.0.1\n# ", f);
	for (int i = 0; i < CS_SCOPE_LINE_MAX + 10; i++)
		fputc('x', f);
	fputs(" 127.5.0.9\n", f);
	fclose(f);
	assert_int_equal(cs_scope_parse_spec(spec, &v, &n, err, sizeof(err)),
			 -5);
	assert_non_null(strstr(err, ":2: line longer than"));
	for (size_t i = 0; i < n; i++)
		assert_true(v[i].lo != ip("127.5.0.9"));
	free(v);
	unlink(path);
}

/* Writes n bytes of text to path. */
static void
write_file(const char *path, const void *text, size_t n)
{
	FILE *f = fopen(path, "wb");

	assert_non_null(f);
	assert_int_equal(fwrite(text, 1, n, f), n);
	assert_int_equal(fclose(f), 0);
}

/* A line of len bytes: "127.5.0.1 #" and x up to len, then end. */
static size_t
long_line(char *buf, size_t len, const char *end)
{
	size_t k = strlen(end);

	memset(buf, 'x', len);
	memcpy(buf, "127.5.0.1 #", 11);
	memcpy(buf + len - k, end, k);
	return len;
}

/*
 * @file lines are read by core/text's bounded line reader: NUL bytes
 * neither end a line nor cut its tail off unseen, the limit counts CR and
 * LF as fgets into CS_SCOPE_LINE_MAX + 1 bytes did, and a file that
 * cannot be read is an error, not an empty list.
 */
static void
test_scope_file_reader(void **state)
{
	static const struct {
		const char *text;
		size_t n;         /* bytes of text; 0: strlen */
		int rc;           /* want */
		size_t count;     /* intervals when rc == 0 */
		const char *what; /* in err when rc != 0 */
	} t[] = {
	    /* a NUL in the last line used to end it: 127.5.0.9 unseen */
	    {"127.5.0.1\n127.5.0.2\0 127.5.0.9", 30, -5, 0,
	     ":2: 127.5.0.2? 127.5.0.9: not an"},
	    /* a NUL mid-line used to read as a line over the limit */
	    {"127.5.0.1\0\n127.5.0.2\n", 21, -5, 0, ":1: 127.5.0.1?: not an"},
	    /* a NUL in a comment is part of the comment */
	    {"127.5.0.1 # a\0b\n127.5.0.2\n", 26, 0, 2, NULL},
	    {"127.5.0.1\r\n\r\n  127.5.0.2 \t\r\r\n", 0, 0, 2, NULL},
	    {"127.5.0.1\n127.5.0.2", 0, 0, 2, NULL}, /* no final LF */
	    {"", 0, 0, 0, NULL},
	    {"127.5.0.1\n@other\n", 0, -5, 0, ":2: nested @file"},
	    {"127.5.0.1\n\r127.5.0.2\n", 0, -5, 0, ":2: \r127.5.0.2"},
	};
	char path[] = "/tmp/cs-scope-XXXXXX", dir[] = "/tmp/cs-scope-d-XXXXXX";
	char spec[64], err[512], buf[CS_SCOPE_LINE_MAX + 16];
	struct cs_interval *v = NULL;
	size_t n = 0;
	int fd = mkstemp(path);

	(void)state;
	assert_true(fd >= 0);
	close(fd);
	snprintf(spec, sizeof(spec), "@%s", path);
	for (size_t i = 0; i < CS_NELEM(t); i++) {
		int rc;

		write_file(path, t[i].text,
			   t[i].n ? t[i].n : strlen(t[i].text));
		err[0] = '\0';
		rc = cs_scope_parse_spec(spec, &v, &n, err, sizeof(err));
		if (rc != t[i].rc || (rc == 0 && n != t[i].count) ||
		    (rc != 0 && strstr(err, t[i].what) == NULL))
			fail_msg("row %zu: rc %d, %zu intervals, '%s'", i, rc,
				 n, err);
		free(v);
		v = NULL;
		n = 0;
	}
	/* The limit: CS_SCOPE_LINE_MAX bytes with the LF (or CR LF; a last
	 * line without LF counted with one) is read, one more is not. */
	{
		static const struct {
			size_t len;
			const char *end;
			int rc;
		} b[] = {
		    {CS_SCOPE_LINE_MAX, "\n", 0},
		    {CS_SCOPE_LINE_MAX + 1, "\n", -5},
		    {CS_SCOPE_LINE_MAX, "\r\n", 0},
		    {CS_SCOPE_LINE_MAX + 1, "\r\n", -5},
		    {CS_SCOPE_LINE_MAX - 1, "x", 0},
		    {CS_SCOPE_LINE_MAX, "x", -5},
		};

		for (size_t i = 0; i < CS_NELEM(b); i++) {
			int rc;

			write_file(path, buf,
				   long_line(buf, b[i].len, b[i].end));
			rc =
			    cs_scope_parse_spec(spec, &v, &n, err, sizeof(err));
			if (rc != b[i].rc || (rc == 0 && n != 1) ||
			    (rc != 0 &&
			     strstr(err, ":1: line longer than 1024") == NULL))
				fail_msg("bound %zu: rc %d, '%s'", i, rc, err);
			free(v);
			v = NULL;
			n = 0;
		}
	}
	unlink(path);
	/* A directory opens but cannot be read: it used to be an empty
	 * list. */
	assert_non_null(mkdtemp(dir));
	snprintf(spec, sizeof(spec), "@%s", dir);
	assert_int_equal(cs_scope_parse_spec(spec, &v, &n, err, sizeof(err)),
			 -5);
	assert_non_null(strstr(err, "cannot open"));
	assert_int_equal(n, 0);
	free(v);
	rmdir(dir);
}

/* Issue #12: the built-in exclusions hold whatever the inputs. */
static void
test_builtin_exclusions(void **state)
{
	static const char *const inc[] = {"0.0.0.0", "224.0.0.1",
					  "255.255.255.255", "240.0.0.7",
					  "127.9.0.1"};
	struct cs_scope s;

	(void)state;
	build(&s, inc, 5, NULL, 0);
	assert_int_equal(s.total, 1);
	assert_true(cs_scope_contains(&s, ip("127.9.0.1")));
	assert_false(cs_scope_contains(&s, ip("0.0.0.0")));
	assert_false(cs_scope_contains(&s, ip("224.0.0.1")));
	assert_false(cs_scope_contains(&s, ip("255.255.255.255")));
	assert_false(cs_scope_contains(&s, ip("240.0.0.7")));
	cs_scope_free(&s);

	/* Only built-in addresses: nothing left. */
	cs_scope_init(&s);
	build(&s, inc, 4, NULL, 0);
	assert_int_equal(s.total, 0);
	cs_scope_free(&s);
}

/* Issue #12: the one check, verdict by verdict. */
static void
test_check(void **state)
{
	static const char *const inc[] = {"127.6.0.0/24", "127.7.0.5"};
	static const char *const exc[] = {"127.6.0.50"};
	static const uint16_t ports[] = {80, 554, 9100};
	struct cs_scope s;

	(void)state;
	build(&s, inc, 2, exc, 1);
	cs_scope_set_ports(&s, ports, 3);
	assert_int_equal(
	    cs_scope_check(&s, ip("127.6.0.10"), 80, CS_DEST_PROBE),
	    CS_SCOPE_OK);
	assert_int_equal(
	    cs_scope_check(&s, ip("127.6.0.50"), 80, CS_DEST_CONNECT),
	    CS_SCOPE_OUTSIDE);
	assert_int_equal(
	    cs_scope_check(&s, ip("127.8.0.1"), 80, CS_DEST_CONNECT),
	    CS_SCOPE_OUTSIDE);
	/* print ports: connect only */
	assert_int_equal(
	    cs_scope_check(&s, ip("127.6.0.10"), 9100, CS_DEST_CONNECT),
	    CS_SCOPE_OK);
	assert_int_equal(
	    cs_scope_check(&s, ip("127.6.0.10"), 9100, CS_DEST_PROBE),
	    CS_SCOPE_PRINT);
	assert_int_equal(
	    cs_scope_check(&s, ip("127.6.0.10"), 9100, CS_DEST_LEARNED),
	    CS_SCOPE_PRINT);
	/* learned URLs: only ports the scan probes */
	assert_int_equal(
	    cs_scope_check(&s, ip("127.6.0.10"), 554, CS_DEST_LEARNED),
	    CS_SCOPE_OK);
	assert_int_equal(
	    cs_scope_check(&s, ip("127.6.0.10"), 49152, CS_DEST_LEARNED),
	    CS_SCOPE_PORT);
	/* network and broadcast addresses of the /24: no follow-up */
	assert_int_equal(
	    cs_scope_check(&s, ip("127.6.0.255"), 3702, CS_DEST_UNICAST),
	    CS_SCOPE_EDGE);
	assert_int_equal(
	    cs_scope_check(&s, ip("127.6.0.0"), 80, CS_DEST_LEARNED),
	    CS_SCOPE_EDGE);
	assert_int_equal(
	    cs_scope_check(&s, ip("127.6.0.255"), 80, CS_DEST_CONNECT),
	    CS_SCOPE_OK);
	assert_int_equal(
	    cs_scope_check(&s, ip("127.7.0.5"), 3702, CS_DEST_UNICAST),
	    CS_SCOPE_OK);
	assert_true(cs_port_is_print(9100) && cs_port_is_print(515) &&
		    !cs_port_is_print(80));
	cs_scope_free(&s);
}

static void
test_permutation(void **state)
{
	static const uint64_t sizes[] = {1, 2, 3, 10, 256, 4096, 65536, 99991};

	(void)state;
	for (size_t k = 0; k < sizeof(sizes) / sizeof(sizes[0]); k++) {
		uint64_t n = sizes[k];
		uint8_t *seen = calloc(n, 1);
		struct cs_perm p;

		cs_perm_init(&p, n);
		for (uint64_t i = 0; i < n; i++) {
			uint64_t j = cs_perm_at(&p, i);

			assert_true(j < n);
			assert_int_equal(seen[j], 0);
			seen[j] = 1;
		}
		free(seen);
	}
}

/* IPv6 targets (issue #19): parsed into ranges of the same list as
 * IPv4, refused where they cannot be scanned, walked after IPv4. */
static void
test_scope6_parse(void **state)
{
	static const struct {
		const char *spec;
		int rc;
		const char *lo, *hi, *why; /* why: a phrase of the refusal */
	} specs[] = {
	    {"::1", 0, "::1", "::1", NULL},
	    {"fd00:77::10", 0, "fd00:77::10", "fd00:77::10", NULL},
	    {"fd00:77::/120", 0, "fd00:77::", "fd00:77::ff", NULL},
	    {"2001:db8::/64", 0, "2001:db8::", "2001:db8::ffff:ffff:ffff:ffff",
	     NULL},
	    {"2001:db8::5/128", 0, "2001:db8::5", "2001:db8::5", NULL},
	    {"FD00:0077:0000::0010", 0, "fd00:77::10", "fd00:77::10", NULL},
	    {"::/0", 0, "::", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", NULL},
	    {"fd00::1/64", -5, NULL, NULL, "host bits"},
	    {"2001:db8::/129", -5, NULL, NULL, "not an IPv6"},
	    {"2001:db8::/", -5, NULL, NULL, "not an IPv6"},
	    {"2001:db8::/+64", -5, NULL, NULL, "not an IPv6"},
	    {"2001:db8::/0064", -5, NULL, NULL, "not an IPv6"},
	    {"2001:db8:::1", -5, NULL, NULL, "not an IPv6"},
	    {"::1-::5", -5, NULL, NULL, "not an IPv6"},
	    {"[::1]", -5, NULL, NULL, "not an IPv6"},
	    {"fe80::1%veth0", -5, NULL, NULL, "zone"},
	    /* parsed (harmless as exclusions), unscannable as targets */
	    {"fe80::1", 0, "fe80::1", "fe80::1", "link-local"},
	    {"fe80::/64", 0, "fe80::", "fe80::ffff:ffff:ffff:ffff",
	     "link-local"},
	    {"::ffff:127.0.0.1", 0, "::ffff:127.0.0.1", "::ffff:127.0.0.1",
	     "IPv4-mapped"},
	    {"::ffff:0:0/96", 0, "::ffff:0:0", "::ffff:255.255.255.255",
	     "IPv4-mapped"},
	    {"ff02::/16", 0,
	     "ff02::", "ff02:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "multicast"},
	};
	char err[256];

	(void)state;
	for (size_t i = 0; i < sizeof(specs) / sizeof(specs[0]); i++) {
		struct cs_interval *v = NULL;
		size_t n = 0;
		uint8_t lo[16], hi[16];
		int rc;

		err[0] = '\0';
		rc = cs_scope_parse_spec(specs[i].spec, &v, &n, err,
					 sizeof(err));
		if (rc != specs[i].rc)
			fail_msg("%s: rc %d, want %d (%s)", specs[i].spec, rc,
				 specs[i].rc, err);
		if (rc != 0) {
			assert_int_equal(n, 0);
			if (strstr(err, specs[i].why) == NULL)
				fail_msg("%s: message '%s' lacks '%s'",
					 specs[i].spec, err, specs[i].why);
			continue;
		}
		assert_int_equal(n, 1);
		assert_true(v[0].v6);
		assert_int_equal(inet_pton(AF_INET6, specs[i].lo, lo), 1);
		assert_int_equal(inet_pton(AF_INET6, specs[i].hi, hi), 1);
		assert_memory_equal(v[0].lo6, lo, 16);
		assert_memory_equal(v[0].hi6, hi, 16);
		/* why on success: the reason it is not a scannable target */
		if (specs[i].why != NULL) {
			const char *u = cs_scope_unscannable6(&v[0]);

			if (u == NULL || strstr(u, specs[i].why) == NULL)
				fail_msg("%s: unscannable reason '%s'",
					 specs[i].spec, u ? u : "(none)");
		} else {
			assert_null(cs_scope_unscannable6(&v[0]));
		}
		free(v);
	}
}

/* Builds a scope of mixed specs; returns cs_scope_build's result. */
static int
build_mixed(struct cs_scope *s, const char *const *inc, size_t ni,
	    const char *const *exc, size_t ne)
{
	struct cs_interval *vi = NULL, *ve = NULL;
	size_t n1 = 0, n2 = 0;
	char err[256];
	int rc;

	for (size_t i = 0; i < ni; i++)
		assert_int_equal(
		    cs_scope_parse_spec(inc[i], &vi, &n1, err, sizeof(err)), 0);
	for (size_t i = 0; i < ne; i++)
		assert_int_equal(
		    cs_scope_parse_spec(exc[i], &ve, &n2, err, sizeof(err)), 0);
	cs_scope_init(s);
	rc = cs_scope_build(s, vi, n1, ve, n2);
	free(vi);
	free(ve);
	return rc;
}

static struct cs_addr
addr(const char *text)
{
	struct cs_addr a;

	assert_int_equal(cs_addr_parse(text, &a), 0);
	return a;
}

/* The scope check and the walk over a mixed IPv4 + IPv6 scope. */
static void
test_scope6_check(void **state)
{
	static const char *const inc[] = {"127.0.0.1", "fd00:77::/120", "::1",
					  "2001:db8::8/126"};
	static const char *const exc[] = {"fd00:77::80/121", "2001:db8::9"};
	static const struct {
		const char *ip;
		uint16_t port;
		enum cs_dest kind;
		enum cs_scope_verdict want;
	} checks[] = {
	    {"::1", 80, CS_DEST_CONNECT, CS_SCOPE_OK},
	    {"::2", 80, CS_DEST_CONNECT, CS_SCOPE_OUTSIDE},
	    {"127.0.0.1", 80, CS_DEST_CONNECT, CS_SCOPE_OK},
	    {"fd00:77::10", 554, CS_DEST_PROBE, CS_SCOPE_OK},
	    {"fd00:77::7f", 554, CS_DEST_PROBE, CS_SCOPE_OK},
	    {"fd00:77::80", 80, CS_DEST_CONNECT, CS_SCOPE_OUTSIDE}, /* excl */
	    {"fd00:77::ff", 80, CS_DEST_CONNECT, CS_SCOPE_OUTSIDE}, /* excl */
	    {"fd00:77::100", 80, CS_DEST_CONNECT, CS_SCOPE_OUTSIDE},
	    {"fd00:77:0:1::10", 80, CS_DEST_CONNECT, CS_SCOPE_OUTSIDE},
	    {"2001:db8::8", 80, CS_DEST_CONNECT, CS_SCOPE_OK},
	    {"2001:db8::9", 80, CS_DEST_CONNECT, CS_SCOPE_OUTSIDE},
	    {"2001:db8::b", 80, CS_DEST_CONNECT, CS_SCOPE_OK},
	    {"fd00:77::10", 9100, CS_DEST_PROBE, CS_SCOPE_PRINT},
	    {"fd00:77::10", 9100, CS_DEST_CONNECT, CS_SCOPE_OK},
	    {"fd00:77::10", 80, CS_DEST_LEARNED, CS_SCOPE_OK},
	    {"fd00:77::10", 81, CS_DEST_LEARNED, CS_SCOPE_PORT},
	    {"ff02::1", 80, CS_DEST_UNICAST, CS_SCOPE_OUTSIDE},
	    {"::", 80, CS_DEST_CONNECT, CS_SCOPE_OUTSIDE},
	    {"::ffff:127.0.0.1", 80, CS_DEST_CONNECT, CS_SCOPE_OUTSIDE},
	    {"fe80::1", 80, CS_DEST_CONNECT, CS_SCOPE_OUTSIDE},
	};
	static const uint16_t ports[] = {80, 554};
	struct cs_scope s;
	char t[CS_ADDR_STRLEN];

	(void)state;
	assert_int_equal(build_mixed(&s, inc, 4, exc, 2), 0);
	cs_scope_set_ports(&s, ports, 2);
	/* 1 IPv4; 128 + 1 + 3 IPv6 */
	assert_int_equal(s.total4, 1);
	assert_int_equal(s.total6, 132);
	assert_int_equal(s.total, 133);
	for (size_t i = 0; i < sizeof(checks) / sizeof(checks[0]); i++) {
		struct cs_addr a = addr(checks[i].ip);
		enum cs_scope_verdict v =
		    cs_scope_check_addr(&s, &a, checks[i].port, checks[i].kind);

		if (v != checks[i].want)
			fail_msg("%s port %u: verdict %d, want %d",
				 checks[i].ip, checks[i].port, (int)v,
				 (int)checks[i].want);
	}
	/* The walk: IPv4 first, then IPv6 in numeric order; every address
	 * it yields passes the check; ascending, so each is yielded once. */
	for (uint64_t i = 0; i < s.total; i++) {
		struct cs_addr a, b;

		cs_scope_nth_addr(&s, i, &a);
		assert_int_equal(a.v6, i >= 1);
		assert_int_equal(
		    cs_scope_check_addr(&s, &a, 80, CS_DEST_CONNECT),
		    CS_SCOPE_OK);
		if (i + 1 < s.total && i >= 1) {
			cs_scope_nth_addr(&s, i + 1, &b);
			assert_true(memcmp(a.a6, b.a6, 16) < 0);
		}
	}
	{
		struct cs_addr a;

		cs_scope_nth_addr(&s, 1, &a);
		assert_string_equal(cs_addr_str(&a, t, sizeof(t)), "::1");
		cs_scope_nth_addr(&s, 2, &a);
		assert_string_equal(cs_addr_str(&a, t, sizeof(t)),
				    "2001:db8::8");
		cs_scope_nth_addr(&s, s.total - 1, &a);
		assert_string_equal(cs_addr_str(&a, t, sizeof(t)),
				    "fd00:77::7f");
		assert_string_equal(cs_addr_host(&a, 8080, t, sizeof(t)),
				    "[fd00:77::7f]:8080");
		assert_string_equal(cs_addr_host(&a, 0, t, sizeof(t)),
				    "[fd00:77::7f]");
	}
	/* The texts of the scope (as the store keeps them) read back into
	 * the same scope. */
	assert_string_equal(s.text,
			    "127.0.0.1,::1,2001:db8::8/126,fd00:77::/120");
	assert_non_null(strstr(s.excl_text, "2001:db8::9,fd00:77::80/121"));
	{
		struct cs_interval *v[2] = {NULL, NULL};
		size_t n[2] = {0, 0};
		char err[256], *save = NULL;
		char *txt[2] = {strdup(s.text), strdup(s.excl_text)};
		struct cs_scope r;

		for (int k = 0; k < 2; k++)
			for (char *p = strtok_r(txt[k], ",", &save); p;
			     p = strtok_r(NULL, ",", &save))
				assert_int_equal(
				    cs_scope_parse_spec(p, &v[k], &n[k], err,
							sizeof(err)),
				    0);
		cs_scope_init(&r);
		assert_int_equal(cs_scope_build(&r, v[0], n[0], v[1], n[1]), 0);
		assert_int_equal(r.total, s.total);
		cs_scope_free(&r);
		for (int k = 0; k < 2; k++) {
			free(v[k]);
			free(txt[k]);
		}
	}
	cs_scope_free(&s);
}

/* Too large to enumerate: refused (CS_ELIMIT), whatever else is given;
 * the cap counts what is left after exclusions. */
static void
test_scope6_limit(void **state)
{
	static const struct {
		const char *inc, *exc;
		int rc;
		uint64_t total;
	} cases[] = {
	    {"2001:db8::/64", NULL, -3, 0},
	    {"::/0", NULL, -3, 0},
	    {"2001:db8::/111", NULL, -3, 0},
	    {"2001:db8::/112", NULL, 0, 65536},
	    {"2001:db8::/111", "2001:db8::1:0/112", 0, 65536},
	    {"ff02::/16", NULL, -5, 0}, /* only multicast: nothing left */
	    {"::", NULL, -5, 0},
	};

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct cs_scope s;
		const char *ex[1] = {cases[i].exc};
		int rc =
		    build_mixed(&s, &cases[i].inc, 1, ex, cases[i].exc ? 1 : 0);

		if (rc != cases[i].rc)
			fail_msg("%s: rc %d, want %d", cases[i].inc, rc,
				 cases[i].rc);
		if (rc == 0)
			assert_int_equal(s.total, cases[i].total);
		cs_scope_free(&s);
	}
}

/* A filter scope (camsweep reach's targets) takes any IPv6 size and is
 * marked so that the engine never walks it. */
static void
test_scope6_filter(void **state)
{
	struct cs_interval *v = NULL;
	struct cs_scope s;
	struct cs_addr a;
	size_t n = 0;
	char err[256];

	(void)state;
	assert_int_equal(cs_scope_parse_spec("::/0", &v, &n, err, sizeof(err)),
			 0);
	assert_int_equal(
	    cs_scope_parse_spec("127.0.0.0/8", &v, &n, err, sizeof(err)), 0);
	cs_scope_init(&s);
	assert_int_equal(cs_scope_build(&s, v, n, NULL, 0), CS_ELIMIT);
	cs_scope_free(&s);
	assert_int_equal(cs_scope_build_filter(&s, v, n, NULL, 0), 0);
	assert_true(s.filter_only);
	assert_int_equal(s.total6, UINT64_MAX);
	assert_int_equal(s.total, UINT64_MAX);
	a = addr("fd00:77::1");
	assert_true(cs_scope_contains_addr(&s, &a));
	a = addr("127.1.2.3");
	assert_true(cs_scope_contains_addr(&s, &a));
	a = addr("ff02::1"); /* the built-in exclusions still apply */
	assert_false(cs_scope_contains_addr(&s, &a));
	a = addr("::ffff:127.1.2.3");
	assert_false(cs_scope_contains_addr(&s, &a));
	cs_scope_free(&s);
	free(v);
}

/* cs_addr_parse: either family, canonical text back. */
static void
test_addr_text(void **state)
{
	static const struct {
		const char *in, *out;
	} cases[] = {
	    {"127.0.0.1", "127.0.0.1"},
	    {"::1", "::1"},
	    {"FD00:0:0:0:0:0:0:10", "fd00::10"},
	    {"2001:db8:0:0:1:0:0:1", "2001:db8::1:0:0:1"},
	    {"127.000.0.1", NULL},
	    {"fe80::1%eth0", NULL},
	    {"[::1]", NULL},
	    {"", NULL},
	};
	char t[CS_ADDR_STRLEN];

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct cs_addr a;
		int rc = cs_addr_parse(cases[i].in, &a);

		if (cases[i].out == NULL) {
			assert_int_not_equal(rc, 0);
			continue;
		}
		assert_int_equal(rc, 0);
		assert_string_equal(cs_addr_str(&a, t, sizeof(t)),
				    cases[i].out);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_parse_specs),
	    cmocka_unit_test(test_octet_ranges),
	    cmocka_unit_test(test_exclusions),
	    cmocka_unit_test(test_scope_file),
	    cmocka_unit_test(test_permutation),
	    cmocka_unit_test(test_scope_file_long_line),
	    cmocka_unit_test(test_scope_file_reader),
	    cmocka_unit_test(test_builtin_exclusions),
	    cmocka_unit_test(test_check),
	    cmocka_unit_test(test_scope6_parse),
	    cmocka_unit_test(test_scope6_check),
	    cmocka_unit_test(test_scope6_limit),
	    cmocka_unit_test(test_scope6_filter),
	    cmocka_unit_test(test_addr_text),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
