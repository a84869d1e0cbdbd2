/* SPDX-License-Identifier: ISC */
/*
 * Unit tests of the application layer (src/audit): the use cases called
 * directly, not through argv, each test on its own SQLite inventory in a
 * fresh directory under $TMPDIR (or /tmp).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "audit/diff.h"
#include "audit/scope.h"
#include "core/cs.h"
#include "core/str.h"
#include "store/store.h"
#include "core/poison.h"

struct fixture {
	char dir[256];
	char path[300];
	struct cs_store *st;
};

static int
setup(void **state)
{
	struct fixture *f = calloc(1, sizeof(*f));
	const char *tmp = getenv("TMPDIR");
	char err[256];

	if (f == NULL)
		return -1;
	if (tmp == NULL || *tmp == '\0')
		tmp = "/tmp";
	snprintf(f->dir, sizeof(f->dir), "%s/cs-audit-XXXXXX", tmp);
	if (mkdtemp(f->dir) == NULL) {
		free(f);
		return -1;
	}
	snprintf(f->path, sizeof(f->path), "%s/camsweep.db", f->dir);
	f->st = cs_store_open(f->path, err, sizeof(err));
	if (f->st == NULL) {
		fprintf(stderr, "# cs_store_open: %s\n", err);
		rmdir(f->dir);
		free(f);
		return -1;
	}
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;
	static const char *const sfx[] = {"", "-wal", "-shm", "-journal"};
	char p[320];

	cs_store_close(f->st);
	for (size_t i = 0; i < CS_NELEM(sfx); i++) {
		snprintf(p, sizeof(p), "%s%s", f->path, sfx[i]);
		unlink(p);
	}
	rmdir(f->dir);
	free(f);
	return 0;
}

/* One device of a test scan: address, MAC and maker. */
struct tdev {
	const char *ip, *mac, *maker;
};

/* Records a scan of scope with the given devices; status as given. */
static int64_t
scan(struct cs_store *st, const char *scope, const char *status,
     int64_t started, const struct tdev *d, size_t n)
{
	static const uint16_t ports[] = {80, 554};
	struct cs_scan_info in = {
	    .scope = scope,
	    .exclusions = "",
	    .ports = "80,554",
	    .options = "{}",
	    .vantage = "testhost",
	    .version = "0.1.0",
	    .started = started,
	    .total_targets = 256,
	};
	int64_t id = 0;

	assert_int_equal(cs_store_scan_begin(st, &in, &id), 0);
	for (size_t i = 0; i < n; i++) {
		struct cs_identity ident;
		struct cs_host_result h;

		memset(&ident, 0, sizeof(ident));
		cs_strlcpy(ident.manufacturer, d[i].maker,
			   sizeof(ident.manufacturer));
		cs_strlcpy(ident.brand, d[i].maker, sizeof(ident.brand));
		ident.device_class = CS_CLASS_CAMERA;
		ident.confidence = 0.9;
		memset(&h, 0, sizeof(h));
		h.ip = d[i].ip;
		h.ports = ports;
		h.nports = CS_NELEM(ports);
		h.id = &ident;
		h.seen_at = started + 1;
		h.mac = d[i].mac;
		assert_int_equal(cs_store_put_host(st, id, &h), 0);
	}
	assert_int_equal(cs_store_checkpoint(st, id, 256, 256), 0);
	assert_int_equal(cs_store_scan_end(st, id, status, started + 60), 0);
	return id;
}

/* ---------------------------------------------------------------------- */
/* diff */

struct seen {
	char line[16][128];
	size_t n;
};

static void
on_change(void *arg, enum cs_audit_change what, const struct cs_audit_dev *a,
	  const struct cs_audit_dev *b, const char *detail)
{
	struct seen *s = arg;

	assert_true(s->n < CS_NELEM(s->line));
	snprintf(s->line[s->n++], sizeof(s->line[0]), "%s %s %s %s",
		 cs_audit_change_name(what), a != NULL ? a->ip : "-",
		 b != NULL ? b->ip : "-", detail);
}

/* The same MAC at a new address is one device that moved, not a gone
 * one and a new one. */
static void
test_diff_moved_by_mac(void **state)
{
	struct fixture *f = *state;
	const struct tdev a[] = {{"10.0.0.5", "00:11:22:33:44:55", "Hikvision"},
				 {"10.0.0.6", "00:11:22:33:44:66", "Axis"}};
	const struct tdev b[] = {{"10.0.0.9", "00:11:22:33:44:55", "Hikvision"},
				 {"10.0.0.6", "00:11:22:33:44:66", "Axis"}};
	struct cs_audit_diff_result res;
	struct seen s = {0};
	int64_t sa, sb;

	sa = scan(f->st, "10.0.0.0/24", "complete", 1700000000, a, 2);
	sb = scan(f->st, "10.0.0.0/24", "complete", 1700001000, b, 2);
	assert_int_equal(cs_audit_diff(f->st, sa, sb, on_change, &s, &res), 0);
	assert_int_equal(s.n, 1);
	assert_string_equal(s.line[0],
			    "moved 10.0.0.5 10.0.0.9 moved from 10.0.0.5");
	assert_int_equal(res.count[CS_AUDIT_MOVED], 1);
	assert_int_equal(res.count[CS_AUDIT_NEW], 0);
	assert_int_equal(res.count[CS_AUDIT_GONE], 0);
	assert_int_equal(res.count[CS_AUDIT_CHANGED], 0);
	assert_true(res.have_a && res.have_b);
}

/* A device outside the other scan's scope was not looked for there: it
 * is counted, neither new nor gone; inside both scopes it is. */
static void
test_diff_common_scope_only(void **state)
{
	struct fixture *f = *state;
	const struct tdev a[] = {
	    {"10.0.0.5", "00:11:22:33:44:55", "Hikvision"},
	    {"10.0.0.6", "00:11:22:33:44:66", "Axis"},     /* gone */
	    {"10.0.0.200", "00:11:22:33:44:77", "Dahua"}, /* outside b */
	};
	const struct tdev b[] = {
	    {"10.0.0.5", "00:11:22:33:44:55", "Hikvision"},
	    {"10.0.1.7", "00:11:22:33:44:88", "Bosch"},   /* outside a */
	    {"10.0.0.7", "00:11:22:33:44:99", "Hanwha"}, /* new */
	};
	struct cs_audit_diff_result res;
	struct seen s = {0};
	int64_t sa, sb;

	sa = scan(f->st, "10.0.0.0/24", "complete", 1700000000, a, 3);
	sb = scan(f->st, "10.0.0.0/25,10.0.1.0/24", "incomplete", 1700001000,
		  b, 3);
	assert_int_equal(cs_audit_diff(f->st, sa, sb, on_change, &s, &res), 0);
	assert_int_equal(s.n, 2);
	assert_string_equal(s.line[0], "new - 10.0.0.7 ");
	assert_string_equal(s.line[1], "gone 10.0.0.6 - ");
	assert_int_equal(res.outside_a, 1);
	assert_int_equal(res.outside_b, 1);
	assert_int_equal(res.count[CS_AUDIT_NEW], 1);
	assert_int_equal(res.count[CS_AUDIT_GONE], 1);
}

/* A firmware or identity change at the same device is "changed". */
static void
test_diff_changed_identity(void **state)
{
	struct fixture *f = *state;
	const struct tdev a[] = {{"10.0.0.5", "00:11:22:33:44:55", "Hikvision"}};
	const struct tdev b[] = {{"10.0.0.5", "00:11:22:33:44:55", "Ezviz"}};
	struct cs_audit_diff_result res;
	struct seen s = {0};
	int64_t sa, sb;

	sa = scan(f->st, "10.0.0.0/24", "complete", 1700000000, a, 1);
	sb = scan(f->st, "10.0.0.0/24", "complete", 1700001000, b, 1);
	assert_int_equal(cs_audit_diff(f->st, sa, sb, on_change, &s, &res), 0);
	assert_int_equal(s.n, 1);
	assert_string_equal(s.line[0], "changed 10.0.0.5 10.0.0.5 identity "
				       "Hikvision/Hikvision/ -> Ezviz/Ezviz/; ");
}

static void
test_diff_no_such_scan(void **state)
{
	struct fixture *f = *state;
	struct cs_audit_diff_result res;
	int64_t sa;

	sa = scan(f->st, "10.0.0.0/24", "complete", 1700000000, NULL, 0);
	assert_int_equal(cs_audit_diff(f->st, sa, sa + 7, NULL, NULL, &res),
			 CS_ENOTFOUND);
}

/* ---------------------------------------------------------------------- */
/* recorded scope */

static void
test_recorded_scope(void **state)
{
	struct fixture *f = *state;
	struct cs_scope sc;
	int64_t done, cut;

	done = scan(f->st, "10.0.0.0/24", "complete", 1700000000, NULL, 0);
	cut = scan(f->st, "10.0.0.0/24", "interrupted", 1700001000, NULL, 0);
	assert_true(cs_audit_recorded_scope(f->st, done, true, &sc));
	assert_true(cs_audit_scope_has(&sc, "10.0.0.77"));
	assert_false(cs_audit_scope_has(&sc, "10.0.1.1"));
	assert_true(cs_audit_scope_has(&sc, "fe80::1")); /* not IPv4 */
	cs_scope_free(&sc);
	/* An interrupted scan did not look everywhere: not for assess. */
	assert_false(cs_audit_recorded_scope(f->st, cut, true, &sc));
	assert_true(cs_audit_recorded_scope(f->st, cut, false, &sc));
	cs_scope_free(&sc);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_diff_moved_by_mac, setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(test_diff_common_scope_only, setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(test_diff_changed_identity, setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(test_diff_no_such_scan, setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(test_recorded_scope, setup,
					    teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
