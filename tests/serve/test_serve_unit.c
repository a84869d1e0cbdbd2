/* SPDX-License-Identifier: ISC */
/* Table-driven tests of the server's pure parts (src/serve: route.c,
 * util.c, the password file of auth.c) and of docs/openapi.yaml against
 * the routing table. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "core/buf.h"
#include "core/cs.h"
#include "core/text.h"
#include "serve/serve.h"
#include "serve/serve_int.h"

static int
dummy(struct cs_serve_req *rq, struct cs_serve_resp *rs)
{
	(void)rq;
	(void)rs;
	return 0;
}

static const struct cs_serve_route table[] = {
    {CS_SERVE_GET, "/api/v1/devices", CS_SERVE_API, dummy, "a", 0},
    {CS_SERVE_GET, "/api/v1/devices/{id}", CS_SERVE_API, dummy, "b", 0},
    {CS_SERVE_GET, "/api/v1/plan/{id}", CS_SERVE_API, dummy, "c", 0},
    {CS_SERVE_PATCH, "/api/v1/plan/{id}", CS_SERVE_API, dummy, "d", 0},
    {CS_SERVE_POST, "/api/v1/login", CS_SERVE_PUBLIC, dummy, "e", 0},
    {CS_SERVE_GET, "/a/{x}/b/{y}", CS_SERVE_PAGE, dummy, "f", 0},
    {CS_SERVE_GET, "/", CS_SERVE_PAGE, dummy, "g", 0},
};

static void
test_route_find(void **state)
{
	static const struct {
		const char *method, *path;
		enum cs_serve_match want;
		int idx; /* the route's index, or the Allow bits for 405 */
		const char *p0, *p1;
	} t[] = {
	    {"GET", "/api/v1/devices", CS_SERVE_MATCH, 0, NULL, NULL},
	    {"HEAD", "/api/v1/devices", CS_SERVE_MATCH, 0, NULL, NULL},
	    {"GET", "/api/v1/devices/", CS_SERVE_NOROUTE, 0, NULL, NULL},
	    {"GET", "/api/v1/devices/42", CS_SERVE_MATCH, 1, "42", NULL},
	    {"GET", "/api/v1/devices/42/x", CS_SERVE_NOROUTE, 0, NULL, NULL},
	    {"GET", "/api/v1/device", CS_SERVE_NOROUTE, 0, NULL, NULL},
	    {"GET", "/api/v1/devicesX", CS_SERVE_NOROUTE, 0, NULL, NULL},
	    {"POST", "/api/v1/devices", CS_SERVE_BADMETHOD, CS_SERVE_GET, NULL,
	     NULL},
	    {"PATCH", "/api/v1/plan/7", CS_SERVE_MATCH, 3, "7", NULL},
	    {"GET", "/api/v1/plan/7", CS_SERVE_MATCH, 2, "7", NULL},
	    {"DELETE", "/api/v1/plan/7", CS_SERVE_BADMETHOD,
	     CS_SERVE_GET | CS_SERVE_PATCH, NULL, NULL},
	    {"BREW", "/api/v1/plan/7", CS_SERVE_BADMETHOD,
	     CS_SERVE_GET | CS_SERVE_PATCH, NULL, NULL},
	    {"GET", "/api/v1/login", CS_SERVE_BADMETHOD, CS_SERVE_POST, NULL,
	     NULL},
	    {"GET", "/a/1/b/2", CS_SERVE_MATCH, 5, "1", "2"},
	    {"GET", "/a//b/2", CS_SERVE_NOROUTE, 0, NULL, NULL},
	    {"GET", "/", CS_SERVE_MATCH, 6, NULL, NULL},
	    {"GET", "", CS_SERVE_NOROUTE, 0, NULL, NULL},
	    {"GET", "api/v1/devices", CS_SERVE_NOROUTE, 0, NULL, NULL},
	};
	char cap[600];
	const char *param[CS_SERVE_MAX_PARAMS];
	size_t np;
	const struct cs_serve_route *r;
	unsigned allowed;

	(void)state;
	for (size_t i = 0; i < CS_NELEM(t); i++) {
		enum cs_serve_match m = cs_serve_route_find(
		    table, CS_NELEM(table), t[i].method, t[i].path, cap,
		    sizeof(cap), param, &np, &r, &allowed);
		if (m != t[i].want)
			fail_msg("%s %s: %d, want %d", t[i].method, t[i].path,
				 m, t[i].want);
		if (m == CS_SERVE_MATCH) {
			assert_ptr_equal(r, &table[t[i].idx]);
			assert_int_equal(np,
					 (t[i].p0 != NULL) + (t[i].p1 != NULL));
			if (t[i].p0)
				assert_string_equal(param[0], t[i].p0);
			if (t[i].p1)
				assert_string_equal(param[1], t[i].p1);
		} else if (m == CS_SERVE_BADMETHOD) {
			assert_int_equal(allowed, (unsigned)t[i].idx);
		}
	}
}

static void
test_route_long_segment(void **state)
{
	char path[300], cap[600];
	const char *param[CS_SERVE_MAX_PARAMS];
	size_t np;

	(void)state;
	memcpy(path, "/api/v1/devices/", 16);
	memset(path + 16, '9', 128);
	path[16 + 128] = '\0';
	assert_true(cs_serve_route_match("/api/v1/devices/{id}", path, cap,
					 sizeof(cap), param, &np));
	assert_int_equal(strlen(param[0]), 128);
	memset(path + 16, '9', 129);
	path[16 + 129] = '\0';
	assert_false(cs_serve_route_match("/api/v1/devices/{id}", path, cap,
					  sizeof(cap), param, &np));
	/* captures must fit the caller's buffer */
	assert_false(
	    cs_serve_route_match("/a/{x}", "/a/12345", cap, 4, param, &np));
}

static void
test_limit(void **state)
{
	static const struct {
		const char *in;
		int rc;
		unsigned want;
	} t[] = {
	    {NULL, 0, CS_SERVE_LIMIT_DEFAULT},
	    {"1", 0, 1},
	    {"50", 0, 50},
	    {"500", 0, 500},
	    {"501", 0, 500},
	    {"999999999", 0, 500},
	    {"9999999999", CS_EINVAL, 0},
	    {"0", CS_EINVAL, 0},
	    {"", CS_EINVAL, 0},
	    {"-1", CS_EINVAL, 0},
	    {"+5", CS_EINVAL, 0},
	    {"5 ", CS_EINVAL, 0},
	    {"1e3", CS_EINVAL, 0},
	    {"0x10", CS_EINVAL, 0},
	};
	unsigned v;

	(void)state;
	for (size_t i = 0; i < CS_NELEM(t); i++) {
		v = 12345;
		int rc = cs_serve_parse_limit(t[i].in, &v);
		if (rc != t[i].rc)
			fail_msg("limit %s: %d", t[i].in ? t[i].in : "NULL",
				 rc);
		if (rc == 0)
			assert_int_equal(v, t[i].want);
	}
}

static void
test_cursor(void **state)
{
	static const int64_t ids[] = {1, 42, 9223372036854775807LL,
				      4611686018427387904LL, -7};
	char c[65], d[65];
	int64_t id;

	(void)state;
	for (size_t i = 0; i < CS_NELEM(ids); i++) {
		cs_serve_cursor_make("dev", ids[i], c);
		assert_true(strlen(c) <= 64);
		assert_int_equal(cs_serve_cursor_parse("dev", c, &id), 0);
		assert_true(id == ids[i]);
		/* a cursor of one list is refused by another */
		assert_int_equal(cs_serve_cursor_parse("fnd", c, &id),
				 CS_EINVAL);
		assert_int_equal(cs_serve_cursor_parse("de", c, &id),
				 CS_EINVAL);
		/* any change of a hex digit breaks it or names another id */
		memcpy(d, c, sizeof(d));
		d[0] = d[0] == 'f' ? 'e' : 'f';
		assert_int_equal(cs_serve_cursor_parse("dev", d, &id),
				 CS_EINVAL);
	}
	static const char *const bad[] = {
	    "",
	    "0",
	    "zz",
	    "6331",                 /* "c1" */
	    "63312e6465762e",       /* "c1.dev." */
	    "63312e6465762e3132",   /* "c1.dev.12" upper-cased below */
	    "63312e6465762e31327a", /* "c1.dev.12z" */
	    "63312e6465762e3939393939393939393939393939393939393939",
	    NULL};
	for (size_t i = 0; bad[i] != NULL; i++) {
		char u[80];
		snprintf(u, sizeof(u), "%s", bad[i]);
		if (i == 5) {
			/* the same cursor with capitals is not ours */
			assert_int_equal(cs_serve_cursor_parse("dev", u, &id),
					 0);
			assert_true(id == 12);
			u[1] = 'F';
			u[0] = '6';
		}
		assert_int_equal(cs_serve_cursor_parse("dev", u, &id),
				 CS_EINVAL);
	}
	assert_int_equal(cs_serve_cursor_parse("dev", NULL, &id), CS_EINVAL);
}

static void
test_etag(void **state)
{
	char a[40], b[40];

	(void)state;
	cs_serve_etag("hello", 5, a);
	cs_serve_etag("hellp", 5, b);
	assert_int_equal(strlen(a), 34);
	assert_true(a[0] == '"' && a[33] == '"');
	assert_string_not_equal(a, b);
	cs_serve_etag("hello", 5, b);
	assert_string_equal(a, b);
	/* the SHA-256 of "hello", first 32 hex digits */
	assert_string_equal(a, "\"2cf24dba5fb0a30e26e83b2ac5b9e29e\"");

	static const struct {
		const char *inm, *etag;
		bool want;
	} t[] = {
	    {"\"abc\"", "\"abc\"", true},
	    {"W/\"abc\"", "\"abc\"", true},
	    {"\"abc\"", "W/\"abc\"", true},
	    {"\"x\", \"abc\"", "\"abc\"", true},
	    {"\"x\",\"abc\" ", "\"abc\"", true},
	    {"*", "\"abc\"", true},
	    {"\"abcd\"", "\"abc\"", false},
	    {"\"ab\"", "\"abc\"", false},
	    {"abc", "\"abc\"", false},
	    {"", "\"abc\"", false},
	    {" , ,", "\"abc\"", false},
	    {NULL, "\"abc\"", false},
	};
	for (size_t i = 0; i < CS_NELEM(t); i++)
		if (cs_serve_etag_match(t[i].inm, t[i].etag) != t[i].want)
			fail_msg("If-None-Match %s vs %s",
				 t[i].inm ? t[i].inm : "NULL", t[i].etag);
}

static void
test_bearer(void **state)
{
	static const struct {
		const char *in;
		int rc;
		const char *want;
	} t[] = {
	    {"Bearer 0123456789abcdef0123", 0, "0123456789abcdef0123"},
	    {"bearer 0123456789abcdef", 0, "0123456789abcdef"},
	    {"BEARER   0123456789abcdef  ", 0, "0123456789abcdef"},
	    {"Bearer\t0123456789abcdef", 0, "0123456789abcdef"},
	    {"Bearer 0123456789abcde", CS_EINVAL, NULL}, /* 15 */
	    {"Bearer 0123456789abcdef 1", CS_EINVAL, NULL},
	    {"Bearer 0123456789abc=ef", CS_EINVAL, NULL},
	    {"Bearer0123456789abcdef", CS_EINVAL, NULL},
	    {"Basic 0123456789abcdef", CS_EINVAL, NULL},
	    {"Bearer ", CS_EINVAL, NULL},
	    {"", CS_EINVAL, NULL},
	    {NULL, CS_EINVAL, NULL},
	    {"Bearer 0123456789abcdef\r\nX: y", CS_EINVAL, NULL},
	};
	char tok[129], big[300];

	(void)state;
	for (size_t i = 0; i < CS_NELEM(t); i++) {
		int rc = cs_serve_bearer(t[i].in, tok);
		if (rc != t[i].rc)
			fail_msg("bearer %s: %d", t[i].in ? t[i].in : "NULL",
				 rc);
		if (rc == 0)
			assert_string_equal(tok, t[i].want);
	}
	memcpy(big, "Bearer ", 7);
	memset(big + 7, 'a', 128);
	big[7 + 128] = '\0';
	assert_int_equal(cs_serve_bearer(big, tok), 0);
	big[7 + 128] = 'a';
	big[7 + 129] = '\0';
	assert_int_equal(cs_serve_bearer(big, tok), CS_EINVAL);
}

static void
test_cookie(void **state)
{
	char v[16];

	(void)state;
	assert_int_equal(cs_serve_cookie_get("a=1; cs_session=xyz; b=2",
					     "cs_session", v, sizeof(v)),
			 0);
	assert_string_equal(v, "xyz");
	assert_int_equal(
	    cs_serve_cookie_get("cs_session=abc", "cs_session", v, sizeof(v)),
	    0);
	assert_string_equal(v, "abc");
	assert_int_equal(
	    cs_serve_cookie_get("xcs_session=abc", "cs_session", v, sizeof(v)),
	    CS_ENOTFOUND);
	assert_int_equal(
	    cs_serve_cookie_get("cs_sessionx=abc", "cs_session", v, sizeof(v)),
	    CS_ENOTFOUND);
	assert_int_equal(cs_serve_cookie_get("cs_session=0123456789abcdef",
					     "cs_session", v, sizeof(v)),
			 CS_ELIMIT);
	assert_int_equal(cs_serve_cookie_get(NULL, "cs_session", v, sizeof(v)),
			 CS_ENOTFOUND);
}

static void
test_listen(void **state)
{
	static const struct {
		const char *in;
		int rc;
		const char *addr;
		unsigned port;
		bool loop;
	} t[] = {
	    {"127.0.0.1:8080", 0, "127.0.0.1", 8080, true},
	    {"127.9.8.7:0", 0, "127.9.8.7", 0, true},
	    {":8080", 0, "127.0.0.1", 8080, true},
	    {"[::1]:443", 0, "::1", 443, true},
	    {"0.0.0.0:80", 0, "0.0.0.0", 80, false},
	    {"10.1.2.3:80", 0, "10.1.2.3", 80, false},
	    {"[::]:80", 0, "::", 80, false},
	    {"128.0.0.1:80", 0, "128.0.0.1", 80, false},
	    {"127.0.0.1", CS_EINVAL, NULL, 0, false},
	    {"127.0.0.1:65536", CS_EINVAL, NULL, 0, false},
	    {"127.0.0.1:-1", CS_EINVAL, NULL, 0, false},
	    {"localhost:80", CS_EINVAL, NULL, 0, false},
	    {"::1:80", CS_EINVAL, NULL, 0, false},
	    {"[::1]80", CS_EINVAL, NULL, 0, false},
	    {"", CS_EINVAL, NULL, 0, false},
	};
	char addr[64];
	uint16_t port;
	bool loop;

	(void)state;
	for (size_t i = 0; i < CS_NELEM(t); i++) {
		int rc = cs_serve_parse_listen(t[i].in, addr, sizeof(addr),
					       &port, &loop);
		if (rc != t[i].rc)
			fail_msg("listen %s: %d", t[i].in, rc);
		if (rc != 0)
			continue;
		assert_string_equal(addr, t[i].addr);
		assert_int_equal(port, t[i].port);
		if (loop != t[i].loop)
			fail_msg("listen %s: loopback %d", t[i].in, loop);
	}
}

static void
test_password_file(void **state)
{
	static const struct {
		const char *content;
		size_t len;
		int rc;
		const char *want;
	} t[] = {
	    {"secret\n", 7, 0, "secret"},
	    {"secret", 6, 0, "secret"},
	    {"secret\r\n", 8, 0, "secret"},
	    {"with space \n", 12, 0, "with space "},
	    {"\n", 1, CS_EINVAL, NULL},
	    {"", 0, CS_EINVAL, NULL},
	    {"one\ntwo\n", 8, CS_EINVAL, NULL},
	    {"one\n\n", 5, CS_EINVAL, NULL},
	    {"a\0b\n", 4, CS_EINVAL, NULL},
	    {"a\rb\n", 4, CS_EINVAL, NULL},
	};
	char path[] = "/tmp/cs-serve-pw-XXXXXX";
	char pw[CS_SERVE_PW_MAX + 1], err[128];
	int fd = mkstemp(path);
	char *big;

	(void)state;
	assert_true(fd >= 0);
	close(fd);
	for (size_t i = 0; i < CS_NELEM(t); i++) {
		FILE *f = fopen(path, "wb");
		assert_non_null(f);
		assert_int_equal(fwrite(t[i].content, 1, t[i].len, f),
				 t[i].len);
		fclose(f);
		int rc = cs_serve_password_read(path, pw, sizeof(pw), err,
						sizeof(err));
		if (rc != t[i].rc)
			fail_msg("password file %zu: %d (%s)", i, rc, err);
		if (rc == 0)
			assert_string_equal(pw, t[i].want);
	}
	/* the longest password, and one byte more */
	big = malloc(CS_SERVE_PW_MAX + 2);
	assert_non_null(big);
	memset(big, 'x', CS_SERVE_PW_MAX + 1);
	for (size_t n = CS_SERVE_PW_MAX; n <= CS_SERVE_PW_MAX + 1; n++) {
		FILE *f = fopen(path, "wb");
		assert_non_null(f);
		fwrite(big, 1, n, f);
		fputc('\n', f);
		fclose(f);
		int rc = cs_serve_password_read(path, pw, sizeof(pw), err,
						sizeof(err));
		assert_int_equal(rc, n == CS_SERVE_PW_MAX ? 0 : CS_EINVAL);
	}
	free(big);
	unlink(path);
	assert_int_equal(cs_serve_password_read("/nonexistent/cs-pw", pw,
						sizeof(pw), err, sizeof(err)),
			 CS_EIO);
}

static void
test_names(void **state)
{
	(void)state;
	assert_true(cs_serve_user_name_ok("alice"));
	assert_true(cs_serve_user_name_ok("a.b-c_9"));
	assert_true(cs_serve_user_name_ok("0ops"));
	assert_false(cs_serve_user_name_ok(""));
	assert_false(cs_serve_user_name_ok("Alice"));
	assert_false(cs_serve_user_name_ok("-x"));
	assert_false(cs_serve_user_name_ok("a b"));
	assert_false(cs_serve_user_name_ok("a\"b"));
	assert_false(
	    cs_serve_user_name_ok("abcdefghijabcdefghijabcdefghijabc"));
	assert_true(cs_serve_scope_id_ok("site-01"));
	assert_false(cs_serve_scope_id_ok("a b"));
	assert_false(cs_serve_scope_id_ok(""));
	assert_false(cs_serve_scope_id_ok("a\nb"));
}

static void
test_password_hash(void **state)
{
	char a[256], b[256];

	(void)state;
	assert_int_equal(cs_serve_password_hash("pw one", a, sizeof(a)), 0);
	assert_int_equal(cs_serve_password_hash("pw one", b, sizeof(b)), 0);
	assert_true(strncmp(a, "$argon2id$v=19$m=65536,t=3,p=1$", 31) == 0);
	assert_string_not_equal(a, b); /* a salt of its own */
	assert_null(strstr(a, "pw one"));
	assert_true(cs_serve_password_ok(a, "pw one"));
	assert_true(cs_serve_password_ok(b, "pw one"));
	assert_false(cs_serve_password_ok(a, "pw onE"));
	assert_false(cs_serve_password_ok(a, ""));
	assert_false(
	    cs_serve_password_ok("$argon2i$v=19$m=8,t=1,p=1$x$y", "pw one"));
	assert_false(cs_serve_password_ok("", "pw one"));
}

static void
test_rate(void **state)
{
	int64_t now = 1000000;

	(void)state;
	for (int i = 0; i < CS_SERVE_RATE_USER; i++) {
		assert_true(cs_serve_rate_ok("eve", "127.0.0.9", now));
		cs_serve_rate_note("eve", "127.0.0.9", false, now);
	}
	assert_false(cs_serve_rate_ok("eve", "127.0.0.9", now));
	assert_false(cs_serve_rate_ok("eve", "127.0.0.10", now + 10));
	/* another name from another address is not held up */
	assert_true(cs_serve_rate_ok("bob", "127.0.0.10", now));
	/* the window passes */
	assert_true(
	    cs_serve_rate_ok("eve", "127.0.0.10", now + CS_SERVE_RATE_WINDOW));
	/* per address: many names from one address */
	for (int i = 0; i < CS_SERVE_RATE_CLIENT; i++) {
		char u[16];
		snprintf(u, sizeof(u), "u%d", i);
		cs_serve_rate_note(u, "127.0.0.11", false, now);
	}
	assert_false(cs_serve_rate_ok("fresh", "127.0.0.11", now));
	assert_true(cs_serve_rate_ok("fresh", "127.0.0.12", now));
}

/* Every route of the API's table is a path with its method in
 * docs/openapi.yaml, and every path there is a route. */
static void
test_openapi(void **state)
{
	const char *src = getenv("CS_SRCDIR");
	char path[1024], key[160];
	struct cs_buf b;
	const struct cs_serve_route *r;
	size_t n, npaths = 0;
	const char *text, *p;

	(void)state;
	if (src == NULL)
		src = CS_SRCDIR;
	snprintf(path, sizeof(path), "%s/docs/openapi.yaml", src);
	cs_buf_init(&b, 1 << 22);
	assert_int_equal(cs_file_read(path, 1 << 22, &b, NULL), 0);
	assert_int_equal(cs_buf_add(&b, "", 1), 0);
	text = (const char *)b.p;
	r = cs_serve_api_routes(&n);
	assert_true(n >= 10);
	for (size_t i = 0; i < n; i++) {
		static const char *const m[] = {"get", "post",   "patch",
						"put", "delete", "head"};
		const char *blk, *end;

		/* "  /api/v1/x:" at the start of a line, under paths: */
		snprintf(key, sizeof(key), "\n  %s:\n", r[i].pattern);
		blk = strstr(text, key);
		if (blk == NULL)
			fail_msg("%s is not in docs/openapi.yaml",
				 r[i].pattern);
		blk += strlen(key);
		/* its block ends at the next line indented by two */
		for (end = blk; *end != '\0'; end++)
			if (end[0] == '\n' && end[1] == ' ' && end[2] == ' ' &&
			    end[3] != ' ')
				break;
		for (size_t k = 0; k < CS_NELEM(m); k++) {
			char mk[32];
			const char *f;
			if (!(r[i].methods & (1u << k)))
				continue;
			snprintf(mk, sizeof(mk), "\n    %s:", m[k]);
			f = strstr(blk - 1, mk);
			if (f == NULL || f >= end)
				fail_msg("%s %s is not in docs/openapi.yaml",
					 m[k], r[i].pattern);
		}
	}
	/* and no path documented that the server does not have */
	p = strstr(text, "\npaths:\n");
	assert_non_null(p);
	for (p = strstr(p, "\n  /"); p != NULL; p = strstr(p + 1, "\n  /")) {
		size_t len = strcspn(p + 3, ":\n");
		bool found = false;
		for (size_t i = 0; i < n; i++)
			if (strlen(r[i].pattern) == len &&
			    strncmp(r[i].pattern, p + 3, len) == 0)
				found = true;
		if (!found)
			fail_msg("docs/openapi.yaml documents %.*s, which is "
				 "not a route",
				 (int)len, p + 3);
		npaths++;
	}
	assert_true(npaths >= 10);
	cs_buf_free(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_route_find),
	    cmocka_unit_test(test_route_long_segment),
	    cmocka_unit_test(test_limit),
	    cmocka_unit_test(test_cursor),
	    cmocka_unit_test(test_etag),
	    cmocka_unit_test(test_bearer),
	    cmocka_unit_test(test_cookie),
	    cmocka_unit_test(test_listen),
	    cmocka_unit_test(test_password_file),
	    cmocka_unit_test(test_names),
	    cmocka_unit_test(test_password_hash),
	    cmocka_unit_test(test_rate),
	    cmocka_unit_test(test_openapi),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
