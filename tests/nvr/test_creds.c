/* SPDX-License-Identifier: ISC */
/*
 * The credentials file: format, lookups, errors with line numbers, and
 * the permission checks (mode, owner, file type, symbolic links).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "engine/creds.h"
#include "core/poison.h"

#define IP(a, b, c, d)                                                         \
	((uint32_t)(a) << 24 | (uint32_t)(b) << 16 | (uint32_t)(c) << 8 |      \
	 (uint32_t)(d))

static const char good[] =
    "# recorders of site A\n"
    "\n"
    "127.111.0.10 digest admin  pass word with spaces  \n"
    "127.111.0.0/24\tdigest\toperator\tx:y\n"
    "127.111.1.5-9 basic viewer b\n";

static void
test_parse_lookup(void **state)
{
	struct cs_creds c;
	char err[256];
	const struct cs_cred *k;

	(void)state;
	cs_creds_init(&c);
	assert_int_equal(cs_creds_parse(&c, "t", (const uint8_t *)good,
					strlen(good), err, sizeof(err)),
			 0);
	assert_int_equal(c.n, 3);
	k = cs_creds_lookup(&c, IP(127, 111, 0, 10));
	assert_non_null(k);
	assert_string_equal(k->user, "admin");
	assert_string_equal(k->pass, "pass word with spaces");
	assert_int_equal(k->scheme, CS_CRED_DIGEST);
	k = cs_creds_lookup(&c, IP(127, 111, 0, 11)); /* first match wins */
	assert_string_equal(k->user, "operator");
	assert_string_equal(k->pass, "x:y");
	k = cs_creds_lookup(&c, IP(127, 111, 1, 7));
	assert_int_equal(k->scheme, CS_CRED_BASIC);
	/* no line names these: no credential at all */
	assert_null(cs_creds_lookup(&c, IP(127, 111, 1, 10)));
	assert_null(cs_creds_lookup(&c, IP(127, 0, 0, 1)));
	assert_null(cs_creds_lookup(NULL, IP(127, 0, 0, 1)));
	cs_creds_free(&c);
	assert_int_equal(c.n, 0);
}

/* Issue #19: IPv6 scopes, looked up by family; an IPv6 line never
 * matches an IPv4 address (its IPv4 fields are zero) nor the reverse. */
static void
test_ipv6(void **state)
{
	static const char text[] = "fd00:77::10 digest admin pw\n"
				   "fd00:77::/120 basic viewer v\n"
				   "127.111.0.10 digest op o\n";
	static const struct {
		const char *ip, *user; /* NULL: no credential */
	} cases[] = {
	    {"fd00:77::10", "admin"},
	    {"fd00:77::5", "viewer"},
	    {"FD00:77::FF", "viewer"},
	    {"fd00:77::100", NULL},
	    {"::1", NULL},
	    {"127.111.0.10", "op"},
	    {"0.0.0.0", NULL},
	    {"127.111.0.11", NULL},
	};
	struct cs_creds c;
	char err[256];

	(void)state;
	cs_creds_init(&c);
	assert_int_equal(cs_creds_parse(&c, "t", (const uint8_t *)text,
					strlen(text), err, sizeof(err)),
			 0);
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct cs_addr a;
		const struct cs_cred *k;

		assert_int_equal(cs_addr_parse(cases[i].ip, &a), 0);
		k = cs_creds_lookup_addr(&c, &a);
		if ((k == NULL) != (cases[i].user == NULL) ||
		    (k != NULL && strcmp(k->user, cases[i].user) != 0))
			fail_msg("%s: %s, want %s", cases[i].ip,
				 k ? k->user : "none",
				 cases[i].user ? cases[i].user : "none");
	}
	assert_null(cs_creds_lookup(&c, 0));
	cs_creds_free(&c);
}

struct bad {
	const char *in;
	const char *msg; /* expected prefix of the error */
};

static const struct bad bads[] = {
    {"127.0.0.1 digest admin\n", "t:1: expected"},
    {"# c\n\n127.0.0.1 md5 admin pw\n", "t:3: scheme"},
    {"127.0.0.300 digest a b\n", "t:1: bad scope"},
    {"@/etc/passwd digest a b\n", "t:1: @file"},
    {"127.0.0.1 digest a:b pw\n", "t:1: bad user"},
    {"127.0.0.1 digest a p\001w\n", "t:1: bad password"},
    {"127.0.0.1 digest a b\n127.0.0.2\n", "t:2: expected"},
};

static void
test_errors(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(bads) / sizeof(bads[0]); i++) {
		struct cs_creds c;
		char err[256] = "";

		cs_creds_init(&c);
		assert_int_equal(
		    cs_creds_parse(&c, "t", (const uint8_t *)bads[i].in,
				   strlen(bads[i].in), err, sizeof(err)),
		    CS_EINVAL);
		if (strncmp(err, bads[i].msg, strlen(bads[i].msg)) != 0)
			fail_msg("case %zu: got '%s', want '%s...'", i, err,
				 bads[i].msg);
		assert_int_equal(c.n, 0);
		/* messages never carry the password */
		assert_null(strstr(err, "p\001w"));
	}
}

static char dir[] = "/tmp/cs_creds_XXXXXX";

static void
write_file(const char *path, const char *text, mode_t mode)
{
	FILE *f;

	unlink(path);
	f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
	assert_int_equal(chmod(path, mode), 0);
}

static void
test_permissions(void **state)
{
	struct cs_creds c;
	char path[128], link[128], err[512];

	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/creds", dir);
	snprintf(link, sizeof(link), "%s/link", dir);
	cs_creds_init(&c);

	write_file(path, "127.0.0.1 digest admin pw\n", 0600);
	assert_int_equal(cs_creds_load(&c, path, err, sizeof(err)), 0);
	assert_int_equal(c.n, 1);
	cs_creds_free(&c);

	write_file(path, "127.0.0.1 digest admin pw\n", 0400);
	assert_int_equal(cs_creds_load(&c, path, err, sizeof(err)), 0);
	cs_creds_free(&c);
	chmod(path, 0600);

	write_file(path, "127.0.0.1 digest admin pw\n", 0644);
	assert_int_equal(cs_creds_load(&c, path, err, sizeof(err)), CS_EINVAL);
	assert_non_null(strstr(err, "0644"));
	assert_int_equal(c.n, 0);

	write_file(path, "127.0.0.1 digest admin pw\n", 0640);
	assert_int_equal(cs_creds_load(&c, path, err, sizeof(err)), CS_EINVAL);
	write_file(path, "127.0.0.1 digest admin pw\n", 0602);
	assert_int_equal(cs_creds_load(&c, path, err, sizeof(err)), CS_EINVAL);

	/* a symbolic link is refused even to a good file */
	write_file(path, "127.0.0.1 digest admin pw\n", 0600);
	unlink(link);
	assert_int_equal(symlink(path, link), 0);
	assert_int_equal(cs_creds_load(&c, link, err, sizeof(err)), CS_EINVAL);
	assert_non_null(strstr(err, "symbolic link"));

	/* a directory is not a regular file */
	assert_int_equal(cs_creds_load(&c, dir, err, sizeof(err)), CS_EINVAL);

	/* missing file */
	snprintf(link, sizeof(link), "%s/nope", dir);
	assert_int_equal(cs_creds_load(&c, link, err, sizeof(err)), CS_EINVAL);

	/* another owner (only testable as root) */
	if (geteuid() == 0) {
		assert_int_equal(chown(path, 65534, 65534), 0);
		assert_int_equal(cs_creds_load(&c, path, err, sizeof(err)),
				 CS_EINVAL);
		assert_non_null(strstr(err, "owned by uid 65534"));
	} else {
		print_message("# not root: other-owner case not exercised\n");
	}

	/* a format error names the line */
	write_file(path, "# x\n127.0.0.1 digest admin\n", 0600);
	assert_int_equal(cs_creds_load(&c, path, err, sizeof(err)), CS_EINVAL);
	assert_non_null(strstr(err, ":2: "));

	unlink(path);
	snprintf(link, sizeof(link), "%s/link", dir);
	unlink(link);
	rmdir(dir);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_parse_lookup),
	    cmocka_unit_test(test_ipv6),
	    cmocka_unit_test(test_errors),
	    cmocka_unit_test(test_permissions),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
