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
#include <arpa/inet.h>
#include <sys/stat.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <cmocka.h>

#include "audit/assess.h"
#include "audit/attach.h"
#include "audit/check.h"
#include "audit/diff.h"
#include "audit/exposure.h"
#include "audit/import.h"
#include "audit/listen.h"
#include "audit/lookup.h"
#include "audit/notify.h"
#include "audit/placed.h"
#include "audit/plan.h"
#include "audit/reach.h"
#include "audit/scan.h"
#include "audit/scope.h"
#include "core/buf.h"
#include "core/cs.h"
#include "core/exitcode.h"
#include "core/obs.h"
#include "parse/parse_nvr.h"
#include "core/str.h"
#include "core/text.h"
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

/* The open ports every device of a test scan is stored with. */
static uint16_t ports[2] = {80, 554};
static size_t nports = 2;

/* One device of a test scan: address, MAC and maker. */
struct tdev {
	const char *ip, *mac, *maker;
};

/* Records a scan of scope with the given devices; status as given. */
static int64_t
scan(struct cs_store *st, const char *scope, const char *status,
     int64_t started, const struct tdev *d, size_t n)
{
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
		cs_strlcpy(ident.manufacturer_country, "CN",
			   sizeof(ident.manufacturer_country));
		ident.surveillance = true;
		ident.surveillance_known = true;
		ident.device_class = CS_CLASS_CAMERA;
		ident.confidence = 0.9;
		memset(&h, 0, sizeof(h));
		h.ip = d[i].ip;
		h.ports = ports;
		h.nports = nports;
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
	    {"10.0.0.6", "00:11:22:33:44:66", "Axis"},    /* gone */
	    {"10.0.0.200", "00:11:22:33:44:77", "Dahua"}, /* outside b */
	};
	const struct tdev b[] = {
	    {"10.0.0.5", "00:11:22:33:44:55", "Hikvision"},
	    {"10.0.1.7", "00:11:22:33:44:88", "Bosch"},  /* outside a */
	    {"10.0.0.7", "00:11:22:33:44:99", "Hanwha"}, /* new */
	};
	struct cs_audit_diff_result res;
	struct seen s = {0};
	int64_t sa, sb;

	sa = scan(f->st, "10.0.0.0/24", "complete", 1700000000, a, 3);
	sb = scan(f->st, "10.0.0.0/25,10.0.1.0/24", "incomplete", 1700001000, b,
		  3);
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
	const struct tdev a[] = {
	    {"10.0.0.5", "00:11:22:33:44:55", "Hikvision"}};
	const struct tdev b[] = {{"10.0.0.5", "00:11:22:33:44:55", "Ezviz"}};
	struct cs_audit_diff_result res;
	struct seen s = {0};
	int64_t sa, sb;

	sa = scan(f->st, "10.0.0.0/24", "complete", 1700000000, a, 1);
	sb = scan(f->st, "10.0.0.0/24", "complete", 1700001000, b, 1);
	assert_int_equal(cs_audit_diff(f->st, sa, sb, on_change, &s, &res), 0);
	assert_int_equal(s.n, 1);
	assert_string_equal(s.line[0],
			    "changed 10.0.0.5 10.0.0.5 identity "
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
	/* No IPv6 in its scope: an IPv6 device is outside it. */
	assert_false(cs_audit_scope_has(&sc, "fd00:77::5"));
	assert_true(cs_audit_scope_has(&sc, "not-an-address"));
	cs_scope_free(&sc);
	/* A scan of IPv4 and IPv6 (issue #19): both parts read back. */
	done = scan(f->st, "10.0.0.0/24,fd00:77::/120", "complete", 1700002000,
		    NULL, 0);
	assert_true(cs_audit_recorded_scope(f->st, done, true, &sc));
	assert_true(cs_audit_scope_has(&sc, "10.0.0.77"));
	assert_true(cs_audit_scope_has(&sc, "fd00:77::5"));
	assert_true(cs_audit_scope_has(&sc, "FD00:77::FF"));
	assert_false(cs_audit_scope_has(&sc, "fd00:77::1:5"));
	assert_false(cs_audit_scope_has(&sc, "::1"));
	cs_scope_free(&sc);
	/* An interrupted scan did not look everywhere: not for assess. */
	assert_false(cs_audit_recorded_scope(f->st, cut, true, &sc));
	assert_true(cs_audit_recorded_scope(f->st, cut, false, &sc));
	cs_scope_free(&sc);
}

/* ---------------------------------------------------------------------- */
/* assess and reconcile */

static const char ban_regime[] =
    "regime t-ban version=1 effective=2020-01-01 test=entities "
    "citation=\"Test list\"\n"
    "entity \"Hikvision\" since=2020-01-01\n"
    "obligation ban action=remove-replace when=covered\n";

struct assess_env {
	struct cs_fpdb *db;
	struct cs_regime_set set;
	const struct cs_regime *sel[1];
	struct cs_eval_ctx ctx;
	char closed[8][80];
	size_t nclosed, nreopened;
};

static void
env_init(struct assess_env *e)
{
	char err[1024], fp[4096], ent[4096];
	const char *src = getenv("CS_SRCDIR");

	memset(e, 0, sizeof(*e));
	snprintf(fp, sizeof(fp), "%s/data/fingerprints", src ? src : CS_SRCDIR);
	snprintf(ent, sizeof(ent), "%s/data/entities", src ? src : CS_SRCDIR);
	e->db = cs_fpdb_load(fp, ent, err, sizeof(err));
	assert_non_null(e->db);
	cs_regime_set_init(&e->set);
	assert_int_equal(cs_regime_parse(&e->set, "t.regime",
					 (const uint8_t *)ban_regime,
					 strlen(ban_regime), err, sizeof(err)),
			 0);
	e->sel[0] = &e->set.r[0];
	e->ctx.db = e->db;
	e->ctx.estate = NULL; /* makers only */
	cs_strlcpy(e->ctx.as_of, "2025-06-01", sizeof(e->ctx.as_of));
	e->ctx.now = 1750000000;
}

static void
env_free(struct assess_env *e)
{
	cs_regime_set_free(&e->set);
	cs_fpdb_free(e->db);
}

static void
on_closed(void *arg, const struct cs_finding_row *f, const char *how,
	  bool present)
{
	struct assess_env *e = arg;

	assert_true(e->nclosed < CS_NELEM(e->closed));
	assert_true(present == (strcmp(how, "withdrawn") == 0));
	snprintf(e->closed[e->nclosed++], sizeof(e->closed[0]), "%s %s", how,
		 f->ip[0] ? f->ip : f->mac);
}

static void
on_reopened(void *arg, const struct cs_finding_row *f)
{
	(void)f;
	((struct assess_env *)arg)->nreopened++;
}

/* Assesses scan_id (dry or not); returns the number of findings raised. */
static size_t
assess(struct cs_store *st, struct assess_env *e, int64_t scan_id, bool dry)
{
	struct cs_audit_assess a;
	size_t n;

	memset(&a, 0, sizeof(a));
	a.st = st;
	a.scan_id = scan_id;
	a.ctx = &e->ctx;
	a.sel = e->sel;
	a.nsel = 1;
	a.dry = dry;
	a.data_dir = getenv("CS_SRCDIR") ? getenv("CS_SRCDIR") : CS_SRCDIR;
	a.tool_version = "0.1.0";
	a.on_closed = on_closed;
	a.on_reopened = on_reopened;
	a.arg = e;
	if (cs_audit_assess_run(&a) != 0)
		fail_msg("assess scan %lld: %s", (long long)scan_id, a.err);
	assert_true(dry ? a.assessment_id == 0 : a.assessment_id > 0);
	n = a.nrows;
	cs_audit_assess_free(&a);
	return n;
}

struct active {
	char ip[8][46];
	size_t n;
};

static int
collect_active(void *arg, const struct cs_finding_row *f)
{
	struct active *a = arg;

	assert_true(a->n < CS_NELEM(a->ip));
	cs_strlcpy(a->ip[a->n++], f->ip, sizeof(a->ip[0]));
	return 0;
}

static int
keep_first(void *arg, const struct cs_finding_row *f)
{
	*(struct cs_finding_row *)arg = *f;
	return 1;
}

static size_t
active_findings(struct cs_store *st, struct active *a)
{
	struct cs_finding_filter flt = {0};

	memset(a, 0, sizeof(*a));
	flt.active_only = true;
	assert_int_equal(cs_store_each_finding(st, &flt, collect_active, a), 0);
	return a->n;
}

/*
 * A finding is closed only where the scan looked: not by an incomplete
 * scan, not outside the scope of a complete one; inside it, "closed" when
 * the device is gone and "withdrawn" when it is seen but the rule no
 * longer applies.
 */
static void
test_assess_closes_only_where_looked(void **state)
{
	struct fixture *f = *state;
	const struct tdev s1[] = {
	    {"10.0.0.5", "00:11:22:33:44:55", "Hikvision"},
	    {"10.0.0.6", "00:11:22:33:44:66", "Hikvision"},
	    {"10.0.0.200", "00:11:22:33:44:77", "Hikvision"},
	};
	const struct tdev s3[] = {
	    {"10.0.0.5", "00:11:22:33:44:55", "Axis"},
	};
	struct assess_env e;
	struct active act;
	int64_t a, b, c;

	env_init(&e);
	a = scan(f->st, "10.0.0.0/24", "complete", 1700000000, s1, 3);
	assert_int_equal(assess(f->st, &e, a, false), 3);
	assert_int_equal(active_findings(f->st, &act), 3);

	/* An interrupted scan that saw nothing closes nothing. */
	b = scan(f->st, "10.0.0.0/24", "interrupted", 1700001000, NULL, 0);
	assert_int_equal(assess(f->st, &e, b, false), 0);
	assert_int_equal(e.nclosed, 0);
	assert_int_equal(active_findings(f->st, &act), 3);

	/* A complete scan of the lower half: .6 is gone, .5 is no longer
	 * covered, .200 was not looked for and stays open. */
	c = scan(f->st, "10.0.0.0/25", "complete", 1700002000, s3, 1);
	assert_int_equal(assess(f->st, &e, c, false), 0);
	assert_int_equal(e.nclosed, 2);
	assert_string_equal(e.closed[0], "withdrawn 10.0.0.5");
	assert_string_equal(e.closed[1], "closed 10.0.0.6");
	assert_int_equal(active_findings(f->st, &act), 1);
	assert_string_equal(act.ip[0], "10.0.0.200");
	env_free(&e);
}

/* A placement of mac in scan scan_id on VLAN vlan of edge-sw1, making the
 * device only the switch knows (as `camsweep switches` does). */
static int64_t
place(struct cs_store *st, const struct cs_fpdb *db, int64_t scan_id,
      const char *mac, int vlan)
{
	struct cs_placement_row p;
	struct cs_identity *id = calloc(1, sizeof(*id));
	bool made = false;

	assert_non_null(id);
	memset(&p, 0, sizeof(p));
	cs_strlcpy(p.mac, mac, sizeof(p.mac));
	cs_strlcpy(p.sw, "edge-sw1", sizeof(p.sw));
	cs_strlcpy(p.port, "Gi1/0/4", sizeof(p.port));
	cs_strlcpy(p.poe, "delivering", sizeof(p.poe));
	cs_strlcpy(p.oui, "Hikvision", sizeof(p.oui));
	p.vlan = vlan;
	p.scan_id = scan_id;
	p.seen_at = 1700000100;
	assert_int_equal(cs_store_placement_put(st, &p, true, &made), 0);
	cs_audit_mac_identity(db, mac, "Hikvision",
			      "Hangzhou Hikvision Digital Technology Co.,Ltd.",
			      id);
	assert_int_equal(cs_store_placed_identity(st, p.device_id, id), 0);
	free(id);
	return p.device_id;
}

struct fnd_set {
	struct cs_finding_row v[16];
	size_t n;
};

static int
collect_fnd(void *arg, const struct cs_finding_row *f)
{
	struct fnd_set *s = arg;

	assert_true(s->n < CS_NELEM(s->v));
	s->v[s->n++] = *f;
	return 0;
}

/*
 * A device only the switches know (docs/switches.md) is assessed as a
 * scanned device with the same identity (its MAC alone) and zone: the
 * same action and severity under the UK regime; its findings are keyed
 * by MAC, kept while no switch is read for a later scan, closed when a
 * later scan's switches no longer place it.
 */
static void
test_assess_placed(void **state)
{
	static const char estate[] = "department \"T\" id=t\n"
				     "site \"HQ\" id=hq dept=t sensitive=no\n"
				     "network 10.0.0.0/24 site=hq zone=core\n"
				     "vlan 10 zone=core\n";
	static const char mac_scanned[] = "c0:56:e3:00:00:01";
	struct fixture *f = *state;
	struct assess_env e;
	struct cs_regime_set all;
	const struct cs_regime **sel;
	struct cs_identity *id = calloc(1, sizeof(*id));
	struct cs_host_result h;
	struct cs_scan_info in = {.scope = "10.0.0.0/24",
				  .exclusions = "",
				  .ports = "80",
				  .options = "{}",
				  .vantage = "t",
				  .version = "0.1.0",
				  .started = 1700000000,
				  .total_targets = 256};
	struct fnd_set fs;
	struct cs_finding_filter flt = {0};
	struct cs_finding_row *fa = calloc(2, sizeof(*fa)), *fx = fa + 1;
	struct cs_estate *est;
	size_t seen = 0;
	char err[1024], dir[4096];
	const char *src = getenv("CS_SRCDIR");
	int64_t s1, s2, dx;
	size_t nsel;

	env_init(&e);
	assert_non_null(id);
	snprintf(dir, sizeof(dir), "%s/data/policy", src ? src : CS_SRCDIR);
	assert_int_equal(cs_audit_load_regimes(dir, "uk-gsg-2022", NULL, 0,
					       &all, &sel, &nsel, err,
					       sizeof(err)),
			 0);
	e.sel[0] = sel[0];
	est = cs_estate_parse("t.estate", (const uint8_t *)estate,
			      strlen(estate), err, sizeof(err));
	assert_non_null(est);
	e.ctx.estate = est;
	/* s1: a scanned device whose evidence is its MAC alone (in the core
	 * range), and a MAC only the switch knows on core VLAN 10 */
	assert_int_equal(cs_store_scan_begin(f->st, &in, &s1), 0);
	cs_audit_mac_identity(e.db, mac_scanned, "Hikvision",
			      "Hangzhou Hikvision Digital Technology Co.,Ltd.",
			      id);
	assert_string_equal(id->manufacturer, "Hikvision");
	assert_int_equal(id->device_class, CS_CLASS_UNKNOWN);
	assert_int_equal(cs_identity_surveillance(id), -1);
	memset(&h, 0, sizeof(h));
	h.ip = "10.0.0.5";
	h.id = id;
	h.mac = mac_scanned;
	h.seen_at = 1700000001;
	assert_int_equal(cs_store_put_host(f->st, s1, &h), 0);
	assert_int_equal(cs_store_scan_end(f->st, s1, "complete", 1700000060),
			 0);
	dx = place(f->st, e.db, s1, "c0:56:e3:5a:00:05", 10);
	assert_true(dx > 0);
	assert_int_equal(assess(f->st, &e, s1, false), 2);
	fs.n = 0;
	assert_int_equal(cs_store_each_finding(f->st, &flt, collect_fnd, &fs),
			 0);
	assert_int_equal(fs.n, 2);
	assert_non_null(fa);
	for (size_t i = 0; i < fs.n; i++) {
		seen |= fs.v[i].ip[0] != '\0' ? 1u : 2u;
		*(fs.v[i].ip[0] != '\0' ? fa : fx) = fs.v[i];
	}
	assert_int_equal(seen, 3);
	/* the same treatment: confirm the class, same severity, zone core */
	assert_string_equal(fa->action, "confirm-class");
	assert_string_equal(fx->action, "confirm-class");
	assert_int_equal(fx->severity, fa->severity);
	assert_string_equal(fa->zone, "core");
	assert_string_equal(fx->zone, "core");
	assert_string_equal(fx->manufacturer, fa->manufacturer);
	assert_string_equal(fx->device_class, fa->device_class);
	assert_true(fx->confidence == fa->confidence);
	/* keyed by MAC, naming the device and its MAC */
	assert_string_equal(fx->key,
			    "mac:c0:56:e3:5a:00:05|uk-gsg-2022|confirm-class");
	assert_int_equal(fx->device_id, dx);
	assert_string_equal(fx->mac, "c0:56:e3:5a:00:05");
	assert_non_null(strstr(fx->evidence, "plugged into switch edge-sw1 "
					     "port Gi1/0/4 VLAN 10 (PoE "
					     "delivering), zone core by VLAN"));
	assert_true(cs_audit_key_is_placed(fx->key));
	assert_true(cs_audit_key_is_placed("hq@mac:c0:56:e3:5a:00:05|r|o"));
	assert_false(cs_audit_key_is_placed(fa->key));
	assert_false(cs_audit_key_is_placed("fd00::1|r|o"));

	/* s2 with no switch read: the MAC's finding was not looked for */
	s2 = scan(f->st, "10.0.0.0/24", "complete", 1700001000, NULL, 0);
	e.nclosed = 0;
	assert_int_equal(assess(f->st, &e, s2, false), 0);
	assert_int_equal(e.nclosed, 1); /* the scanned device is gone */
	assert_string_equal(e.closed[0], "closed 10.0.0.5");
	/* switches read for s2 place another MAC only: the first is gone */
	(void)place(f->st, e.db, s2, "c0:56:e3:5a:00:06", 10);
	e.nclosed = 0;
	assert_int_equal(assess(f->st, &e, s2, false), 1);
	assert_int_equal(e.nclosed, 1);
	assert_string_equal(e.closed[0], "closed c0:56:e3:5a:00:05");
	fs.n = 0;
	flt.active_only = true;
	assert_int_equal(cs_store_each_finding(f->st, &flt, collect_fnd, &fs),
			 0);
	assert_int_equal(fs.n, 1);
	assert_string_equal(fs.v[0].mac, "c0:56:e3:5a:00:06");
	cs_estate_free(est);
	free(fa);
	free(sel);
	cs_regime_set_free(&all);
	free(id);
	env_free(&e);
}

/* A dry run evaluates and records nothing; seen again, a closed finding
 * is reopened. */
static void
test_assess_dry_and_reopen(void **state)
{
	struct fixture *f = *state;
	const struct tdev s1[] = {
	    {"10.0.0.5", "00:11:22:33:44:55", "Hikvision"},
	};
	struct assess_env e;
	struct active act;
	int64_t a, b, c;

	env_init(&e);
	a = scan(f->st, "10.0.0.0/24", "complete", 1700000000, s1, 1);
	assert_int_equal(assess(f->st, &e, a, true), 1);
	assert_int_equal(active_findings(f->st, &act), 0);
	assert_int_equal(assess(f->st, &e, a, false), 1);
	b = scan(f->st, "10.0.0.0/24", "complete", 1700001000, NULL, 0);
	assert_int_equal(assess(f->st, &e, b, false), 0);
	assert_int_equal(e.nclosed, 1);
	assert_int_equal(active_findings(f->st, &act), 0);
	c = scan(f->st, "10.0.0.0/24", "complete", 1700002000, s1, 1);
	assert_int_equal(assess(f->st, &e, c, false), 1);
	assert_int_equal(e.nreopened, 1);
	assert_int_equal(active_findings(f->st, &act), 1);
	env_free(&e);
}

static void
test_assess_no_such_scan(void **state)
{
	struct fixture *f = *state;
	struct assess_env e;
	struct cs_audit_assess a;

	env_init(&e);
	memset(&a, 0, sizeof(a));
	a.st = f->st;
	a.scan_id = 42;
	a.ctx = &e.ctx;
	a.sel = e.sel;
	a.nsel = 1;
	assert_int_equal(cs_audit_assess_run(&a), CS_ENOTFOUND);
	assert_string_equal(a.err, "no scan 42");
	cs_audit_assess_free(&a);
	env_free(&e);
}

static void
test_load_regimes(void **state)
{
	struct cs_regime_set all;
	const struct cs_regime **sel;
	size_t nsel;
	char err[1024], dir[4096];
	const char *src = getenv("CS_SRCDIR");

	(void)state;
	snprintf(dir, sizeof(dir), "%s/data/policy", src ? src : CS_SRCDIR);
	assert_int_equal(cs_audit_load_regimes(dir, "uk-gsg-2022,us-ndaa-889",
					       NULL, 0, &all, &sel, &nsel, err,
					       sizeof(err)),
			 0);
	assert_int_equal(nsel, 2);
	assert_string_equal(sel[0]->id, "uk-gsg-2022");
	assert_string_equal(sel[1]->id, "us-ndaa-889");
	free(sel);
	cs_regime_set_free(&all);
	assert_int_equal(cs_audit_load_regimes(dir, "nope", NULL, 0, &all, &sel,
					       &nsel, err, sizeof(err)),
			 CS_EINVAL);
	assert_non_null(strstr(err, "unknown regime 'nope' (known: "));
	assert_non_null(strstr(err, " uk-gsg-2022"));
	free(sel);
	cs_regime_set_free(&all);
}

static void
test_finding_fails(void **state)
{
	struct cs_finding_row f;

	(void)state;
	memset(&f, 0, sizeof(f));
	f.severity = CS_SEV_HIGH;
	cs_strlcpy(f.status, "open", sizeof(f.status));
	assert_true(cs_audit_finding_fails(&f, CS_SEV_HIGH, "2025-01-01"));
	assert_false(cs_audit_finding_fails(&f, CS_SEV_CRITICAL, "2025-01-01"));
	cs_strlcpy(f.status, "closed", sizeof(f.status));
	assert_false(cs_audit_finding_fails(&f, CS_SEV_HIGH, "2025-01-01"));
	cs_strlcpy(f.status, "risk-accepted", sizeof(f.status));
	cs_strlcpy(f.status_until, "2025-03-01", sizeof(f.status_until));
	assert_false(cs_audit_finding_fails(&f, CS_SEV_HIGH, "2025-01-01"));
	assert_true(cs_audit_finding_fails(&f, CS_SEV_HIGH, "2025-04-01"));
}

/* ---------------------------------------------------------------------- */
/* reach (loopback only) */

static void
on_reach(void *arg, const char *ip, bool answered)
{
	struct seen *s = arg;

	assert_true(s->n < CS_NELEM(s->line));
	snprintf(s->line[s->n++], sizeof(s->line[0]), "%s %s", ip,
		 answered ? "answers" : "silent");
}

static int
count_reach(void *arg, const char *ip, const char *vantage, const char *p)
{
	(void)p;
	assert_string_equal(vantage, "core-ws");
	assert_string_equal(ip, "127.0.0.1");
	(*(int *)arg)++;
	return 0;
}

/* A device whose stored port accepts a connection from here answers and
 * is recorded as reachable; one whose port refuses does not. */
static void
test_reach_loopback(void **state)
{
	struct fixture *f = *state;
	const struct tdev d[] = {
	    {"127.0.0.1", "00:11:22:33:44:55", "Hikvision"},
	    {"127.0.0.2", "00:11:22:33:44:66", "Hikvision"},
	};
	struct sockaddr_in sa;
	socklen_t sl = sizeof(sa);
	struct cs_audit_reach_result res;
	struct cs_interval *inc = NULL;
	size_t ninc = 0;
	struct cs_scope targets;
	struct seen s = {0};
	char err[256];
	int fd, nreach = 0;
	int64_t id;

	/* A listener on 127.0.0.1 only: 127.0.0.2 on the same port refuses. */
	fd = socket(AF_INET, SOCK_STREAM, 0);
	assert_true(fd >= 0);
	memset(&sa, 0, sizeof(sa));
	sa.sin_family = AF_INET;
	sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	assert_int_equal(bind(fd, (struct sockaddr *)&sa, sizeof(sa)), 0);
	assert_int_equal(listen(fd, 8), 0);
	assert_int_equal(getsockname(fd, (struct sockaddr *)&sa, &sl), 0);
	ports[0] = ntohs(sa.sin_port);
	nports = 1;
	id = scan(f->st, "127.0.0.0/30", "complete", 1700000000, d, 2);
	ports[0] = 80;
	nports = 2;
	assert_int_equal(
	    cs_scope_parse_spec("127.0.0.0/30", &inc, &ninc, err, sizeof(err)),
	    0);
	cs_scope_init(&targets);
	assert_int_equal(cs_scope_build(&targets, inc, ninc, NULL, 0), 0);
	assert_int_equal(cs_audit_reach(f->st, id, &targets, NULL, 0, "core-ws",
					on_reach, &s, &res, err, sizeof(err)),
			 0);
	close(fd);
	assert_int_equal(res.ndev, 2);
	assert_int_equal(res.nup, 1);
	assert_int_equal(s.n, 2);
	assert_string_equal(s.line[0], "127.0.0.1 answers");
	assert_string_equal(s.line[1], "127.0.0.2 silent");
	assert_int_equal(cs_store_each_reach(f->st, count_reach, &nreach), 0);
	assert_int_equal(nreach, 1);
	cs_scope_free(&targets);
	free(inc);
}

/* A plan is recorded and read back; a risk acceptance needs a date, and
 * the plan cannot close a finding (only assess can). */
static void
test_plan_set(void **state)
{
	struct fixture *f = *state;
	const struct tdev s1[] = {
	    {"10.0.0.5", "00:11:22:33:44:55", "Hikvision"},
	};
	struct cs_finding_plan p = {0};
	struct cs_finding_row row;
	struct assess_env e;
	struct active act;
	int64_t a, fid;

	env_init(&e);
	a = scan(f->st, "10.0.0.0/24", "complete", 1700000000, s1, 1);
	assert_int_equal(assess(f->st, &e, a, false), 1);
	{
		struct cs_finding_filter flt = {0};
		memset(&act, 0, sizeof(act));
		assert_int_equal(cs_audit_plan_list(f->st, &flt, false,
						    collect_active, &act),
				 0);
		assert_int_equal(act.n, 1);
	}
	/* the finding's id, through the store */
	{
		struct cs_finding_filter flt = {0};
		struct cs_finding_row *got = calloc(1, sizeof(*got));
		assert_non_null(got);
		flt.active_only = true;
		/* keep_first stops the walk at once: its value comes back */
		assert_int_equal(
		    cs_store_each_finding(f->st, &flt, keep_first, got), 1);
		fid = got->id;
		free(got);
	}
	assert_true(fid > 0);
	p.owner = "facilities";
	p.due = "2025-09-30";
	p.status = "planned";
	assert_int_equal(cs_audit_plan_set(f->st, fid, &p, 1750000000, &row),
			 0);
	assert_int_equal(row.id, fid);
	assert_string_equal(row.owner, "facilities");
	assert_string_equal(row.status, "planned");
	memset(&p, 0, sizeof(p));
	p.status = "risk-accepted";
	assert_int_equal(cs_audit_plan_set(f->st, fid, &p, 1750000000, &row),
			 CS_EINVAL);
	p.status = "closed";
	assert_int_equal(cs_audit_plan_set(f->st, fid, &p, 1750000000, &row),
			 CS_EINVAL);
	p.status = "planned";
	assert_int_equal(
	    cs_audit_plan_set(f->st, fid + 99, &p, 1750000000, &row),
	    CS_ENOTFOUND);
	assert_int_equal(active_findings(f->st, &act), 1);
	env_free(&e);
}

/* ---------------------------------------------------------------------- */
/* cameras behind a recorder */

static void
add_channel(struct cs_obs_list *l, unsigned ch, const char *ip,
	    const char *vendor, const char *model)
{
	struct cs_nvr_channel c;
	struct cs_buf b;

	memset(&c, 0, sizeof(c));
	c.channel = ch;
	cs_strlcpy(c.ip, ip, sizeof(c.ip));
	c.port = 8000;
	cs_strlcpy(c.vendor, vendor, sizeof(c.vendor));
	cs_strlcpy(c.model, model, sizeof(c.model));
	cs_strlcpy(c.serial, "SN123", sizeof(c.serial));
	cs_buf_init(&b, 4096);
	assert_int_equal(cs_nvr_channel_json(&b, &c), 0);
	assert_int_equal(cs_obs_add(l, "nvr.channel", 0, 0, b.p, b.len), 0);
	cs_buf_free(&b);
}

/* Each nvr.channel observation becomes one attachment with the
 * recorder's fields; other and malformed observations are skipped; the
 * camera's maker comes from the recorder's vendor string unless that
 * names a protocol; cap bounds the output. */
static void
test_attachments(void **state)
{
	struct assess_env e;
	struct cs_obs_list l;
	struct cs_attachment out[4];
	size_t n;

	(void)state;
	env_init(&e);
	cs_obs_list_init(&l);
	cs_obs_adds(&l, "http.server", 80, "App-webs/");
	add_channel(&l, 1, "192.168.254.2", "HIKVISION", "DS-2CD2143G0-I");
	cs_obs_adds(&l, "nvr.channel", 0, "not json");
	add_channel(&l, 2, "192.168.254.3", "ONVIF", "");
	add_channel(&l, 3, "192.168.254.4", "Private", "");
	n = cs_audit_attachments(e.db, NULL, &l, out, CS_NELEM(out));
	assert_int_equal(n, 3);
	assert_int_equal(out[0].channel, 1);
	assert_string_equal(out[0].ip, "192.168.254.2");
	assert_int_equal(out[0].port, 8000);
	assert_string_equal(out[0].serial, "SN123");
	assert_string_equal(out[0].vendor, "HIKVISION");
	assert_string_equal(out[0].manufacturer, "Hikvision");
	/* "ONVIF" names a protocol: no maker is made up from it. */
	assert_int_equal(out[1].channel, 2);
	assert_string_equal(out[1].manufacturer, "");
	assert_string_equal(out[2].manufacturer, "");
	/* Without rules nothing is identified; the cap holds. */
	n = cs_audit_attachments(NULL, NULL, &l, out, 2);
	assert_int_equal(n, 2);
	assert_string_equal(out[0].manufacturer, "");
	assert_int_equal(cs_audit_attachments(e.db, NULL, NULL, out, 4), 0);
	cs_obs_list_free(&l);
	env_free(&e);
}

/* ---------------------------------------------------------------------- */
/* the phone-home regime of listen */

/*
 * Severity: high for a maker based in China, else medium, one lower for
 * a low-confidence endpoint; the finding takes the highest over the
 * device's destinations and lists each in its evidence.
 */
static void
test_phonehome_finding(void **state)
{
	struct cs_ph_rule cn, us;
	struct cs_passive_dev *d = calloc(1, sizeof(*d));
	struct cs_finding_row *f = calloc(1, sizeof(*f));
	struct cs_identity id;

	(void)state;
	assert_non_null(d);
	assert_non_null(f);
	memset(&cn, 0, sizeof(cn));
	memset(&us, 0, sizeof(us));
	cs_strlcpy(cn.maker, "Hikvision", sizeof(cn.maker));
	cs_strlcpy(cn.country, "CN", sizeof(cn.country));
	cs_strlcpy(cn.service, "Hik-Connect", sizeof(cn.service));
	cs_strlcpy(cn.source, "vendor doc", sizeof(cn.source));
	cn.conf = CS_PH_LOW;
	cs_strlcpy(us.maker, "Example", sizeof(us.maker));
	cs_strlcpy(us.country, "US", sizeof(us.country));
	cs_strlcpy(us.service, "cloud", sizeof(us.service));
	cs_strlcpy(us.source, "us doc", sizeof(us.source));
	us.conf = CS_PH_HIGH;
	d->ph[0].rule = &cn;
	cs_strlcpy(d->ph[0].via, "dns", sizeof(d->ph[0].via));
	cs_strlcpy(d->ph[0].match, "a.example.cn", sizeof(d->ph[0].match));
	d->ph[1].rule = &us;
	cs_strlcpy(d->ph[1].via, "sni", sizeof(d->ph[1].via));
	cs_strlcpy(d->ph[1].match, "b.example.com", sizeof(d->ph[1].match));
	d->first = 1700000000;

	assert_int_equal(cs_audit_ph_severity(&d->ph[0]), CS_SEV_MEDIUM);
	assert_int_equal(cs_audit_ph_severity(&d->ph[1]), CS_SEV_MEDIUM);
	cn.conf = CS_PH_MEDIUM;
	assert_int_equal(cs_audit_ph_severity(&d->ph[0]), CS_SEV_HIGH);

	memset(&id, 0, sizeof(id));
	cs_strlcpy(id.manufacturer, "Hikvision", sizeof(id.manufacturer));
	d->nph = 2;
	cs_audit_ph_finding(d, "10.0.0.5", "00:11:22:33:44:55", &id, 7,
			    1750000000, f);
	assert_string_equal(f->key, "10.0.0.5|phone-home|data-egress");
	assert_string_equal(f->regime, "phone-home");
	assert_string_equal(f->obligation, "data-egress");
	assert_string_equal(f->action, "review");
	assert_int_equal(f->severity, CS_SEV_HIGH);
	assert_string_equal(f->citation, "data/phonehome: vendor doc");
	assert_string_equal(f->as_of, "2025-06-15");
	assert_string_equal(f->status, "open");
	assert_int_equal(f->first_scan, 7);
	assert_non_null(strstr(f->evidence, "maker=Hikvision; country=CN"));
	assert_non_null(strstr(f->evidence, " | maker=Example; country=US"));
	free(d);
	free(f);
}

/* Writes text to dir/name; returns the path in path. */
static void
write_in(const char *dir, const char *name, const char *text, char *path,
	 size_t sz)
{
	FILE *fo;

	snprintf(path, sz, "%s/%s", dir, name);
	fo = fopen(path, "w");
	assert_non_null(fo);
	assert_int_equal(fputs(text, fo) >= 0, 1);
	assert_int_equal(fclose(fo), 0);
}

/*
 * Import (audit/import.h) called directly: a tiny nmap XML file becomes
 * one scan whose vantage names its source, with nmap's own times and the
 * one host that was up; a file that is not nmap XML records nothing.
 */
static void
test_import_nmap(void **state)
{
	struct fixture *f = *state;
	static const char xml[] =
	    "<?xml version=\"1.0\"?>\n"
	    "<nmaprun scanner=\"nmap\" args=\"nmap -oX - 192.0.2.0/30\" "
	    "start=\"1700000000\" version=\"7.93\">\n"
	    "<host><status state=\"up\"/>"
	    "<address addr=\"192.0.2.1\" addrtype=\"ipv4\"/><ports>"
	    "<port protocol=\"tcp\" portid=\"80\"><state state=\"open\"/>"
	    "</port></ports></host>\n"
	    "<host><status state=\"down\"/>"
	    "<address addr=\"192.0.2.2\" addrtype=\"ipv4\"/></host>\n"
	    "<runstats><finished time=\"1700000010\"/></runstats>"
	    "</nmaprun>\n";
	struct cs_audit_import imp = {0};
	struct cs_scan_state ss;
	char file[400], data[4096];
	const char *src = getenv("CS_SRCDIR");
	int64_t latest = 0, first = 0;

	snprintf(data, sizeof(data), "%s/data", src ? src : CS_SRCDIR);
	write_in(f->dir, "n.xml", xml, file, sizeof(file));
	imp.db_path = f->path;
	imp.data_dir = data;
	assert_int_equal(cs_audit_import_nmap(&imp, file), EXIT_OK);
	unlink(file);
	assert_true(imp.scan_id > 0);
	assert_int_equal(imp.hosts, 1);
	assert_int_equal(cs_store_latest_scan(f->st, &latest), 0);
	assert_int_equal(latest, imp.scan_id);
	assert_int_equal(cs_store_scan_get(f->st, imp.scan_id, &ss), 0);
	assert_string_equal(ss.vantage, "nmap import");
	assert_string_equal(ss.status, "complete");
	assert_int_equal(ss.started, 1700000000);
	assert_int_equal(ss.ended, 1700000010);

	/* Not XML: an error, and no second scan. */
	memset(&imp, 0, sizeof(imp));
	imp.db_path = f->path;
	imp.data_dir = data;
	write_in(f->dir, "bad.xml", "not xml at all <", file, sizeof(file));
	assert_int_equal(cs_audit_import_nmap(&imp, file), EXIT_RUNTIME);
	unlink(file);
	assert_int_equal(imp.scan_id, 0);
	assert_int_equal(cs_store_latest_scan(f->st, &first), 0);
	assert_int_equal(first, latest);
}

/* A standard stream (fd 1 or 2) pointed at a new file while a use case
 * runs, to see that it writes nothing there. */
struct quiet {
	int fd, saved;
	FILE *f;
	char path[400];
};

static void
quiet_begin(struct quiet *q, const char *dir, int fd)
{
	q->fd = fd;
	snprintf(q->path, sizeof(q->path), "%s/fd%d.txt", dir, fd);
	fflush(fd == 1 ? stdout : stderr);
	q->saved = dup(fd);
	assert_true(q->saved >= 0);
	q->f = fopen(q->path, "w");
	assert_non_null(q->f);
	assert_int_equal(dup2(fileno(q->f), fd), fd);
}

/* Puts the stream back; returns the bytes written to it meanwhile. */
static long
quiet_end(struct quiet *q)
{
	long n;

	fflush(q->fd == 1 ? stdout : stderr);
	assert_int_equal(dup2(q->saved, q->fd), q->fd);
	close(q->saved);
	fseek(q->f, 0, SEEK_END);
	n = ftell(q->f);
	fclose(q->f);
	unlink(q->path);
	return n;
}

/* The import reporter's messages, one a line. */
static void
collect(void *arg, const char *msg)
{
	struct cs_buf *b = arg;

	assert_null(strchr(msg, '\n'));
	cs_buf_adds(b, msg);
	cs_buf_adds(b, "\n");
}

/*
 * Import's diagnostics go to the caller's reporter and nowhere else: a
 * Shodan file with one malformed line between two banners reports that
 * line by number, the count and the summary through the reporter, writes
 * nothing to stderr, keeps the two hosts and marks the scan incomplete.
 */
static void
test_import_report(void **state)
{
	struct fixture *f = *state;
	static const char jl[] =
	    "{\"ip_str\": \"198.51.100.7\", \"port\": 80, \"transport\": "
	    "\"tcp\", \"timestamp\": \"2024-03-01T10:00:00.000000\", \"data\": "
	    "\"HTTP/1.1 200 OK\\r\\nServer: App-webs/\\r\\n\\r\\n\"}\n"
	    "{\"ip_str\": \"198.51.100.7\", \n"
	    "{\"ip_str\": \"198.51.100.9\", \"port\": 23, \"transport\": "
	    "\"tcp\", \"timestamp\": \"2024-03-01T10:05:00.000000\", \"data\": "
	    "\"login: \"}\n";
	struct cs_audit_import imp = {0};
	struct cs_scan_state ss;
	struct cs_buf got;
	char file[400], data[4096], want[512];
	const char *src = getenv("CS_SRCDIR");
	struct quiet q;
	int rc;
	long errlen;

	snprintf(data, sizeof(data), "%s/data", src ? src : CS_SRCDIR);
	write_in(f->dir, "b.jsonl", jl, file, sizeof(file));
	cs_buf_init(&got, 1 << 16);
	imp.db_path = f->path;
	imp.data_dir = data;
	imp.report = collect;
	imp.report_arg = &got;
	quiet_begin(&q, f->dir, 2);
	rc = cs_audit_import_shodan(&imp, file);
	errlen = quiet_end(&q);
	unlink(file);
	cs_buf_add(&got, "", 1);
	assert_int_equal(rc, EXIT_RUNTIME);
	assert_int_equal(errlen, 0);
	snprintf(want, sizeof(want), "%s:2: ", file);
	assert_non_null(strstr((const char *)got.p, want));
	snprintf(want, sizeof(want), "%s (shodan): 3 lines, 1 malformed\n",
		 file);
	assert_non_null(strstr((const char *)got.p, want));
	snprintf(want, sizeof(want),
		 "scan %lld from %s (shodan): 1 refused; 2 hosts imported",
		 (long long)imp.scan_id, file);
	assert_non_null(strstr((const char *)got.p, want));
	assert_int_equal(imp.hosts, 2);
	assert_int_equal(cs_store_scan_get(f->st, imp.scan_id, &ss), 0);
	assert_string_equal(ss.vantage, "shodan import");
	assert_string_equal(ss.status, "incomplete");
	cs_buf_free(&got);
}

/* What the notify test's callback saw and its stub sender answers. */
struct nstub {
	size_t nnew, nchanged, calls;
	char prev[16];
	int answer; /* the HTTP status the stub "receiver" returns */
};

static void
nstub_add(void *arg, const struct cs_finding_row *f, const char *prev)
{
	struct nstub *s = arg;

	assert_true(f->id > 0);
	if (prev == NULL) {
		s->nnew++;
	} else {
		s->nchanged++;
		cs_strlcpy(s->prev, prev, sizeof(s->prev));
	}
}

static int
nstub_send(void *arg, char *err, size_t errsz)
{
	struct nstub *s = arg;

	s->calls++;
	if (s->answer < 0)
		snprintf(err, errsz, "cannot connect");
	return s->answer;
}

/* One notify run on st with state file path: selects, then (if anything
 * is new or changed) delivers with the stub answering answer. */
static enum cs_audit_delivery
notify_once(struct cs_store *st, const char *path, struct nstub *s, int answer)
{
	struct cs_audit_notify *n = cs_audit_notify_new(path);
	enum cs_audit_delivery d = CS_NOT_DELIVERED;
	size_t added = 0, changed = 0;
	char err[256];
	int status = 0;

	assert_non_null(n);
	memset(s, 0, sizeof(*s));
	s->answer = answer;
	assert_int_equal(
	    cs_audit_notify_select(n, st, nstub_add, s, &added, &changed), 0);
	assert_int_equal(added, s->nnew);
	assert_int_equal(changed, s->nchanged);
	if (added + changed > 0) {
		d = cs_audit_notify_deliver(n, nstub_send, s, &status, err,
					    sizeof(err));
		assert_int_equal(status, answer);
		assert_int_equal(s->calls, 1);
	}
	cs_audit_notify_free(n);
	return d;
}

/*
 * Notify (audit/notify.h) with a stub sender: the delivery state advances
 * only after a 2xx answer; a refused (500) or failed delivery leaves the
 * same findings to send next time; a status change is sent as changed,
 * with the status last delivered; a state file that cannot be written
 * after a 2xx is reported as such.
 */
static void
test_notify_state(void **state)
{
	struct fixture *f = *state;
	const struct tdev s1[] = {
	    {"10.0.0.5", "00:11:22:33:44:55", "Hikvision"},
	    {"10.0.0.6", "00:11:22:33:44:66", "Hikvision"},
	};
	const struct tdev s2[] = {
	    {"10.0.0.5", "00:11:22:33:44:55", "Hikvision"},
	};
	struct assess_env e;
	struct nstub s;
	char path[400], bad[400];

	snprintf(path, sizeof(path), "%s/camsweep.db.notify", f->dir);
	snprintf(bad, sizeof(bad), "%s/no-such-dir/n.notify", f->dir);
	env_init(&e);
	assert_int_equal(
	    assess(f->st, &e,
		   scan(f->st, "10.0.0.0/24", "complete", 1700000000, s1, 2),
		   false),
	    2);

	assert_int_equal(notify_once(f->st, path, &s, 500), CS_NOT_DELIVERED);
	assert_int_equal(s.nnew, 2);
	assert_int_not_equal(access(path, F_OK), 0);
	assert_int_equal(notify_once(f->st, path, &s, -1), CS_NOT_DELIVERED);
	assert_int_equal(s.nnew, 2);
	assert_int_not_equal(access(path, F_OK), 0);
	assert_int_equal(notify_once(f->st, path, &s, 204), CS_DELIVERED);
	assert_int_equal(s.nnew, 2);
	assert_int_equal(access(path, F_OK), 0);
	/* Delivered: nothing new, nothing sent. */
	notify_once(f->st, path, &s, 200);
	assert_int_equal(s.nnew + s.nchanged + s.calls, 0);

	/* .6 is gone: its finding changes status, sent as changed. */
	assert_int_equal(
	    assess(f->st, &e,
		   scan(f->st, "10.0.0.0/24", "complete", 1700001000, s2, 1),
		   false),
	    1);
	assert_int_equal(notify_once(f->st, path, &s, 404), CS_NOT_DELIVERED);
	assert_int_equal(s.nnew, 0);
	assert_int_equal(s.nchanged, 1);
	assert_string_equal(s.prev, "open");
	assert_int_equal(notify_once(f->st, path, &s, 200), CS_DELIVERED);
	notify_once(f->st, path, &s, 200);
	assert_int_equal(s.nnew + s.nchanged + s.calls, 0);

	/* A state file that cannot be written after a 2xx. */
	assert_int_equal(notify_once(f->st, bad, &s, 200), CS_STATE_UNWRITTEN);
	assert_int_equal(s.nnew, 2);
	unlink(path);
	env_free(&e);
}

/* What the scan session's hooks saw. */
struct shook {
	size_t hosts, progress, errors;
	uint64_t done;
	char maker[64];
};

static void
shook_host(void *arg, const struct cs_host_report *h,
	   const struct cs_host_result *r, const struct cs_identity *id)
{
	struct shook *k = arg;

	assert_int_equal(h->nports, r->nports);
	assert_string_equal(r->ip, "127.0.0.5");
	cs_strlcpy(k->maker, id->manufacturer, sizeof(k->maker));
	k->hosts++;
}

static void
shook_progress(void *arg, uint64_t done)
{
	struct shook *k = arg;

	k->progress++;
	k->done = done;
}

static void
shook_error(void *arg, const char *msg)
{
	(void)msg;
	((struct shook *)arg)->errors++;
}

static int
count_device(void *arg, const struct cs_device_row *r)
{
	(void)r;
	(*(size_t *)arg)++;
	return 0;
}

/*
 * The scan session (audit/scan.h) without the engine: a finished host is
 * identified and recorded and shown through the hook; a checkpoint
 * records the watermark; an interrupted scan of the same scope and
 * options is resumed where it stopped, unless resume is off; the status
 * is "complete" only when every target was tried and stored.
 */
static void
test_scan_session(void **state)
{
	struct fixture *f = *state;
	struct assess_env e;
	struct cs_audit_scan s;
	struct shook k = {0};
	struct cs_scan_info in = {
	    .scope = "127.0.0.0/29",
	    .exclusions = "",
	    .ports = "80",
	    .options = "{}",
	    .vantage = "testhost",
	    .version = "0.1.0",
	    .started = 1700000000,
	    .total_targets = 8,
	};
	struct cs_obs_list obs;
	const uint16_t port80[] = {80};
	struct cs_host_report h = {
	    .ip = 0x7f000005, .ports = port80, .nports = 1};
	struct cs_engine_stats es;
	uint64_t wm = 99;
	bool resumed = true;
	int64_t first;
	size_t ndev = 0;
	struct cs_scan_state ss;

	env_init(&e);
	memset(&s, 0, sizeof(s));
	s.store = f->st;
	s.fp = e.db;
	s.hooks.arg = &k;
	s.hooks.host = shook_host;
	s.hooks.progress = shook_progress;
	s.hooks.store_error = shook_error;
	assert_int_equal(cs_audit_scan_open(&s, &in, true, &wm, &resumed), 0);
	assert_false(resumed);
	assert_int_equal(wm, 0);
	assert_true(s.scan_id > 0);
	first = s.scan_id;

	cs_obs_list_init(&obs);
	assert_int_equal(cs_obs_adds(&obs, "http.server", 80, "App-webs/"), 0);
	h.obs = &obs;
	cs_audit_scan_host(&s, &h);
	cs_obs_list_free(&obs);
	assert_int_equal(k.hosts, 1);
	assert_int_equal(s.hosts_up, 1);
	cs_audit_scan_checkpoint(&s, 5, 5);
	assert_int_equal(k.progress, 1);
	assert_int_equal(k.done, 5);
	assert_int_equal(k.errors, 0);
	assert_int_equal(
	    cs_store_each_device(f->st, first, count_device, &ndev), 0);
	assert_int_equal(ndev, 1);

	/* Interrupted by a signal: resumed at its watermark next time. */
	memset(&es, 0, sizeof(es));
	es.interrupted = true;
	es.targets = 8;
	es.watermark = 5;
	assert_string_equal(cs_audit_scan_status(&s, &es), "interrupted");
	assert_int_equal(cs_audit_scan_end(&s, "interrupted"), 0);
	memset(&s, 0, sizeof(s));
	s.store = f->st;
	s.fp = e.db;
	in.started = 1700000100;
	assert_int_equal(cs_audit_scan_open(&s, &in, true, &wm, &resumed), 0);
	assert_true(resumed);
	assert_int_equal(s.scan_id, first);
	assert_int_equal(wm, 5);
	assert_int_equal(cs_store_scan_get(f->st, first, &ss), 0);
	assert_int_equal(ss.resume_count, 1);

	/* Every target tried: complete; one untried: incomplete. */
	es.interrupted = false;
	es.watermark = 8;
	assert_string_equal(cs_audit_scan_status(&s, &es), "complete");
	es.targets_failed = 1;
	assert_string_equal(cs_audit_scan_status(&s, &es), "incomplete");
	assert_int_equal(cs_audit_scan_end(&s, "complete"), 0);

	/* Without resume a new scan is begun. */
	memset(&s, 0, sizeof(s));
	s.store = f->st;
	s.fp = e.db;
	assert_int_equal(cs_audit_scan_open(&s, &in, false, &wm, &resumed), 0);
	assert_false(resumed);
	assert_true(s.scan_id > first);
	assert_int_equal(cs_audit_scan_end(&s, "complete"), 0);
	env_free(&e);
}

/* What the check test's callback saw. */
struct crec {
	size_t calls;
	char bad_what[400], bad_err[512];
};

static void
crec_fn(void *arg, bool ok, const char *what, const char *err,
	const char *detail)
{
	struct crec *r = arg;

	(void)detail;
	r->calls++;
	if (!ok) {
		cs_strlcpy(r->bad_what, what, sizeof(r->bad_what));
		cs_strlcpy(r->bad_err, err ? err : "", sizeof(r->bad_err));
	}
}

/*
 * Check (audit/check.h) called directly: the shipped data directory is
 * valid throughout; an estate file with a line that means nothing fails
 * with a "file:line:" message naming it, and only it.
 */
static void
test_check_data(void **state)
{
	struct fixture *f = *state;
	struct cs_audit_check c = {.fn = crec_fn};
	struct crec r = {0};
	char data[4096], path[400];
	char *estates[1];
	const char *src = getenv("CS_SRCDIR");

	snprintf(data, sizeof(data), "%s/data", src ? src : CS_SRCDIR);
	c.arg = &r;
	cs_audit_check_run(&c, data, NULL, 0);
	assert_int_equal(c.bad, 0);
	assert_true(c.ok >= 8);
	assert_int_equal(r.calls, c.ok);

	write_in(f->dir, "bad.estate", "this is not an estate line\n", path,
		 sizeof(path));
	estates[0] = path;
	memset(&c, 0, sizeof(c));
	memset(&r, 0, sizeof(r));
	c.fn = crec_fn;
	c.arg = &r;
	cs_audit_check_run(&c, data, estates, 1);
	unlink(path);
	assert_int_equal(c.bad, 1);
	assert_string_equal(r.bad_what, path);
	assert_non_null(strstr(r.bad_err, "bad.estate:1:"));
}

/*
 * Check's example runs report through the callback, not a stream: a data
 * directory whose uk-gsg-2022 regime gains an example the evaluator
 * contradicts fails "regime examples" with that example's file:line in
 * the messages and the count last, and nothing is written to stdout.
 */
static void
test_check_examples(void **state)
{
	struct fixture *f = *state;
	static const char *const dirs[] = {
	    "camsim",    "entities", "estate", "fingerprints",
	    "phonehome", "scope",    "vulns"};
	static const char *const regimes[] = {"au-2023", "ca-2025-hikvision",
					      "local-core-no-surveillance",
					      "us-fcc-covered", "us-ndaa-889"};
	struct cs_audit_check c = {.fn = crec_fn};
	struct crec r = {0};
	struct cs_buf b;
	char data[4096], from[4400], to[4400], want[4500];
	const char *src = getenv("CS_SRCDIR");
	unsigned lines = 1;
	struct quiet q;
	FILE *uk;
	long outlen;

	snprintf(data, sizeof(data), "%s/data", src ? src : CS_SRCDIR);
	for (size_t i = 0; i < CS_NELEM(dirs); i++) {
		snprintf(from, sizeof(from), "%s/%s", data, dirs[i]);
		snprintf(to, sizeof(to), "%s/%s", f->dir, dirs[i]);
		assert_int_equal(symlink(from, to), 0);
	}
	snprintf(to, sizeof(to), "%s/policy", f->dir);
	assert_int_equal(mkdir(to, 0700), 0);
	for (size_t i = 0; i < CS_NELEM(regimes); i++) {
		snprintf(from, sizeof(from), "%s/policy/%s.regime", data,
			 regimes[i]);
		snprintf(to, sizeof(to), "%s/policy/%s.regime", f->dir,
			 regimes[i]);
		assert_int_equal(symlink(from, to), 0);
	}
	snprintf(from, sizeof(from), "%s/policy/uk-gsg-2022.regime", data);
	snprintf(to, sizeof(to), "%s/policy/uk-gsg-2022.regime", f->dir);
	cs_buf_init(&b, 1 << 22);
	assert_int_equal(cs_file_read(from, 1 << 22, &b, NULL), 0);
	for (size_t i = 0; i < b.len; i++)
		lines += b.p[i] == '\n';
	uk = fopen(to, "w");
	assert_non_null(uk);
	assert_int_equal(fwrite(b.p, 1, b.len, uk), b.len);
	/* Obligation 2 is for covered equipment only; Axis is not covered. */
	fputs("example maker=Axis class=camera site=sensitive zone=core "
	      "expect=2:high\n",
	      uk);
	assert_int_equal(fclose(uk), 0);
	cs_buf_free(&b);

	c.arg = &r;
	quiet_begin(&q, f->dir, 1);
	cs_audit_check_run(&c, f->dir, NULL, 0);
	outlen = quiet_end(&q);
	for (size_t i = 0; i < CS_NELEM(dirs); i++) {
		snprintf(to, sizeof(to), "%s/%s", f->dir, dirs[i]);
		unlink(to);
	}
	for (size_t i = 0; i < CS_NELEM(regimes); i++) {
		snprintf(to, sizeof(to), "%s/policy/%s.regime", f->dir,
			 regimes[i]);
		unlink(to);
	}
	snprintf(to, sizeof(to), "%s/policy/uk-gsg-2022.regime", f->dir);
	unlink(to);
	snprintf(to, sizeof(to), "%s/policy", f->dir);
	rmdir(to);
	assert_int_equal(outlen, 0);
	assert_int_equal(c.bad, 1);
	assert_string_equal(r.bad_what, "regime examples");
	snprintf(want, sizeof(want), "uk-gsg-2022.regime:%u:", lines);
	assert_non_null(strstr(r.bad_err, want));
	assert_non_null(strstr(r.bad_err, "\nregime examples: 1 failing"));
}

/*
 * Lookup (audit/lookup.h) called directly on the shipped tables: a model
 * number names its maker with the maker's country; a brand alone takes
 * the brand's relation from the entity tables; nonsense is not found.
 */
static void
test_lookup_answer(void **state)
{
	struct cs_models *models;
	struct assess_env e;
	struct cs_audit_answer a;
	char path[4096], err[512];
	const char *src = getenv("CS_SRCDIR");

	(void)state;
	snprintf(path, sizeof(path), "%s/data/entities/models.tsv",
		 src ? src : CS_SRCDIR);
	models = cs_models_load(path, err, sizeof(err));
	assert_non_null(models);
	env_init(&e);
	assert_int_equal(
	    cs_audit_lookup(models, e.db, "Hikvision DS-2CD2043G2-I", &a),
	    CS_LOOKUP_MODEL);
	assert_string_equal(a.r.maker, "Hikvision");
	assert_true(a.have_mi);
	assert_string_equal(a.mi.country, "CN");
	assert_int_equal(cs_audit_lookup(models, e.db, "Honeywell", &a),
			 CS_LOOKUP_BRAND);
	assert_true(a.have_bi);
	assert_string_equal(a.r.relation, "own");
	assert_true(a.have_mi);
	assert_string_equal(a.mi.country, "US");
	assert_int_equal(cs_audit_lookup(models, e.db, "zzqx 12", &a),
			 CS_LOOKUP_NONE);
	assert_false(a.have_mi);
	env_free(&e);
	cs_models_free(models);
}

/* ---- exposure: posture from observations, table-driven ---- */

struct ob {
	const char *key;
	uint16_t port;
	const char *val;
};

/* The signals of e, sorted into a comma-separated list. */
static void
signals_of(const struct cs_exposure *e, char *out, size_t osz)
{
	const char *v[CS_EXPOSURE_MAX];
	size_t n = 0;

	for (size_t i = 0; i < e->n; i++)
		v[n++] = e->v[i].signal;
	for (size_t i = 1; i < n; i++)
		for (size_t j = i; j > 0 && strcmp(v[j - 1], v[j]) > 0; j--) {
			const char *t = v[j];
			v[j] = v[j - 1];
			v[j - 1] = t;
		}
	out[0] = '\0';
	for (size_t i = 0; i < n; i++) {
		size_t l = strlen(out);
		snprintf(out + l, osz - l, "%s%s", i ? "," : "", v[i]);
	}
}

static void
test_exposure_posture(void **state)
{
	static const struct {
		const char *what;
		struct ob obs[6];
		uint16_t ports[4];
		const char *want;
	} t[] = {
	    {"nothing", {{NULL, 0, NULL}}, {0}, ""},
	    {"SADP never activated, Hik-Connect on",
	     {{"sadp.activated", 0, "false"},
	      {"sadp.hc-platform", 0, "true"},
	      {NULL, 0, NULL}},
	     {0},
	     "cloud,unactivated"},
	    {"SADP activated, Hik-Connect off (misspelt)",
	     {{"sadp.activated", 0, "true"},
	      {"sadp.hc-platform", 0, "flase"},
	      {NULL, 0, NULL}},
	     {0},
	     ""},
	    {"phone-home seen",
	     {{"phonehome.maker", 0, "Hikvision"}, {NULL, 0, NULL}},
	     {0},
	     "cloud"},
	    {"RTSP open, web over plain HTTP only",
	     {{"rtsp.access", 554, "200 open"},
	      {"http.status", 80, "200"},
	      {NULL, 0, NULL}},
	     {80, 554},
	     "no-https,rtsp-open"},
	    {"ONVIF device information without credentials",
	     {{"onvif.access", 80, "200 device information"},
	      {"onvif.model", 80, "DS-2CD2143G2-I"},
	      {NULL, 0, NULL}},
	     {80},
	     "onvif-open"},
	    {"ONVIF identity from anywhere else (a capture): not a signal",
	     {{"onvif.model", 80, "DS-2CD2143G2-I"},
	      {"onvif.manufacturer", 80, "HIKVISION"},
	      {NULL, 0, NULL}},
	     {0},
	     ""},
	    {"RTSP challenged: not open",
	     {{"rtsp.access", 554, "401 auth digest"}, {NULL, 0, NULL}},
	     {554},
	     ""},
	    {"RTSP Basic is cleartext",
	     {{"rtsp.access", 554, "401 auth basic"}, {NULL, 0, NULL}},
	     {554},
	     "basic-cleartext"},
	    {"HTTP Basic on plain HTTP; HTTPS present",
	     {{"http.www-authenticate", 80, "Basic realm=\"x\""},
	      {"http.status", 80, "401"},
	      {"tls.subject", 443, "CN=x"},
	      {NULL, 0, NULL}},
	     {80, 443},
	     "basic-cleartext"},
	    {"HTTP Basic over TLS only: not cleartext",
	     {{"http.www-authenticate", 443, "Basic realm=\"x\""},
	      {"tls.subject", 443, "CN=x"},
	      {NULL, 0, NULL}},
	     {443},
	     ""},
	    {"Digest on plain HTTP, 443 open without a certificate read",
	     {{"http.www-authenticate", 80, "Digest realm=\"x\""},
	      {"http.status", 80, "401"},
	      {NULL, 0, NULL}},
	     {80, 443},
	     ""},
	    {"telnet and FTP open", {{NULL, 0, NULL}}, {21, 23}, "ftp,telnet"},
	    {"certificate self-signed, expired, RSA 1024",
	     {{"tls.subject", 443, "CN=x"},
	      {"tls.self-issued", 443, "yes"},
	      {"tls.not-after", 443, "2026-11-30"},
	      {"tls.key", 443, "rsa 1024"},
	      {NULL, 0, NULL}},
	     {443},
	     "cert-expired,cert-self-signed,cert-weak-key"},
	    {"certificate valid on the date, RSA 2048, EC 256",
	     {{"tls.not-after", 443, "2026-12-01"},
	      {"tls.key", 443, "rsa 2048"},
	      {"tls.key", 8443, "ec 256"},
	      {NULL, 0, NULL}},
	     {443, 8443},
	     ""},
	    {"a key of no size read is not weak",
	     {{"tls.key", 443, "rsa x"}, {NULL, 0, NULL}},
	     {443},
	     ""},
	};
	struct cs_exposure *e = calloc(1, sizeof(*e)),
			   *u = calloc(1, sizeof(*u));
	char got[256];

	(void)state;
	assert_non_null(e);
	assert_non_null(u);
	for (size_t i = 0; i < CS_NELEM(t); i++) {
		struct cs_obs_list l;
		size_t np = 0;
		char *packed;

		cs_obs_list_init(&l);
		for (size_t k = 0; t[i].obs[k].key != NULL; k++)
			assert_int_equal(cs_obs_adds(&l, t[i].obs[k].key,
						     t[i].obs[k].port,
						     t[i].obs[k].val),
					 0);
		while (np < 4 && t[i].ports[np] != 0)
			np++;
		e->n = 0;
		cs_exposure_posture(l.v, l.n, t[i].ports, np, "2026-12-01", e);
		signals_of(e, got, sizeof(got));
		if (strcmp(got, t[i].want) != 0)
			fail_msg("%s: got '%s', want '%s'", t[i].what, got,
				 t[i].want);
		/* the packed form reads back the same */
		packed = cs_exposure_pack(e);
		u->n = 0;
		cs_exposure_unpack(packed, u);
		assert_int_equal(u->n, e->n);
		for (size_t k = 0; k < e->n; k++) {
			assert_string_equal(u->v[k].signal, e->v[k].signal);
			assert_string_equal(u->v[k].evidence, e->v[k].evidence);
		}
		free(packed);
		cs_obs_list_free(&l);
	}
	free(e);
	free(u);
}

/* KEV items through the lineage: vulnerable, white-labelled, fixed. */
static void
test_exposure_vulns(void **state)
{
	static const struct {
		const char *maker, *brand, *model, *fw, *want;
		bool inferred;
	} t[] = {
	    {"Hikvision", "Hikvision", "DS-2CD2143G2-I", "V5.5.0 build 200101",
	     "CVE-2021-36260", false},
	    {"Hikvision", "LTS", "CMIP3042W-28M", "V5.5.82 build 190909",
	     "CVE-2021-36260", true},
	    {"Hikvision", "Hikvision", "DS-2CD2143G2-I", "V5.7.12 build 221213",
	     "", false},
	    {"Axis", "AXIS", "P1455-LE", "11.11.73", "", false},
	};
	const char *src = getenv("CS_SRCDIR");
	char dir[1024], err[512];
	struct cs_vulndb *db;
	struct cs_exposure *e = calloc(1, sizeof(*e));

	(void)state;
	assert_non_null(e);
	snprintf(dir, sizeof(dir), "%s/data/vulns", src ? src : CS_SRCDIR);
	db = cs_vulndb_load(dir, err, sizeof(err));
	if (db == NULL)
		fail_msg("%s", err);
	for (size_t i = 0; i < CS_NELEM(t); i++) {
		struct cs_identity id;
		char got[256] = "";

		memset(&id, 0, sizeof(id));
		cs_strlcpy(id.manufacturer, t[i].maker,
			   sizeof(id.manufacturer));
		cs_strlcpy(id.brand, t[i].brand, sizeof(id.brand));
		cs_strlcpy(id.model, t[i].model, sizeof(id.model));
		cs_strlcpy(id.firmware, t[i].fw, sizeof(id.firmware));
		e->n = 0;
		cs_exposure_vulns(db, &id, "2026-12-01", e);
		for (size_t k = 0; k < e->n; k++) {
			size_t l = strlen(got);
			assert_string_equal(e->v[k].signal, "kev");
			snprintf(got + l, sizeof(got) - l, "%s%s", l ? "," : "",
				 e->v[k].id);
			assert_string_equal(e->v[k].deadline, "2022-01-24");
			assert_true(strncmp(e->v[k].url, "https://", 8) == 0);
			assert_non_null(strstr(e->v[k].evidence, "rule "));
			assert_true((strstr(e->v[k].evidence, "(inferred)") !=
				     NULL) == t[i].inferred);
		}
		if (strcmp(got, t[i].want) != 0)
			fail_msg("%s %s %s: got '%s', want '%s'", t[i].brand,
				 t[i].model, t[i].fw, got, t[i].want);
	}
	/* no table: nothing */
	e->n = 0;
	cs_exposure_vulns(NULL, NULL, "2026-12-01", e);
	assert_int_equal(e->n, 0);
	cs_vulndb_free(db);
	free(e);
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
	    cmocka_unit_test_setup_teardown(
		test_assess_closes_only_where_looked, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_assess_placed, setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(test_assess_dry_and_reopen, setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(test_assess_no_such_scan, setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(test_reach_loopback, setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(test_plan_set, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_import_nmap, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_import_report, setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(test_notify_state, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_scan_session, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_check_data, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_check_examples, setup,
					    teardown),
	    cmocka_unit_test(test_lookup_answer),
	    cmocka_unit_test(test_attachments),
	    cmocka_unit_test(test_phonehome_finding),
	    cmocka_unit_test(test_load_regimes),
	    cmocka_unit_test(test_finding_fails),
	    cmocka_unit_test(test_exposure_posture),
	    cmocka_unit_test(test_exposure_vulns),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
