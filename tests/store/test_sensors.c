/* SPDX-License-Identifier: ISC */
/*
 * Sensors on a central PostgreSQL inventory ($CS_PG_URI, an admin role;
 * scripts/pg.sh starts a server; exit 77 = skipped without one).
 *
 *  1. Eight sensor roles (cs_store_admin_init/add_sensor, as `camsweep db
 *     init` and `db add-sensor` do) write at once, each its
 *     own simulated site 127.115.N.0/24 with a checkpoint every 16 hosts;
 *     the central inventory then holds exactly their union (no loss, no
 *     duplicate), and a sensor can neither read nor change nor delete
 *     another sensor's rows, nor forge a scan in another's name.
 *  2. Store-and-forward: a sensor writes into its local SQLite spool and
 *     uploads at each checkpoint; the database is cut off mid-scan (the
 *     role loses LOGIN and its connections are terminated), uploads fail
 *     while the spool keeps growing, and once the role is back the next
 *     upload brings the scan complete, exactly once.
 *
 * Usage: test_sensors [hosts_per_sensor [hosts_per_checkpoint]]
 * (defaults 64 and 16; the engine checkpoints every 250 ms, i.e. every
 * few hundred hosts of a fast sensor, and an upload once per scan).
 * Prints the
 * observations written per second by the 8 concurrent sensors
 * (bench/bench_pg.sh runs it bigger).
 */
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <libpq-fe.h>

#include "core/obs.h"
#include "core/str.h"
#include "store/store.h"
#include "store/upload.h"
#include "core/poison.h"

#define NSENSORS 8
#define NOBS 10

static char admin_uri[1024];
static char sensor_uri[NSENSORS][1024];
static char sensor_name[NSENSORS][64];
static char schema[64];
static int every = 16; /* hosts per checkpoint */
static int failures;

#define CHECK(cond, ...)                                                       \
	do {                                                                   \
		if (!(cond)) {                                                 \
			fprintf(stderr, "FAIL %s:%d: ", __FILE__, __LINE__);   \
			fprintf(stderr, __VA_ARGS__);                          \
			fprintf(stderr, "\n");                                 \
			failures++;                                            \
		}                                                              \
	} while (0)

/* snprintf that tolerates truncation (all buffers here are ample). */
static void __attribute__((format(printf, 3, 4)))
fmt(char *dst, size_t sz, const char *f, ...)
{
	va_list ap;

	va_start(ap, f);
	vsnprintf(dst, sz, f, ap);
	va_end(ap);
}

static double
now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Runs sql on uri; returns the first field as a number, or -1 on error
 * (and -2 for a permission or row-security refusal). */
static long long
q1(const char *uri, const char *sql)
{
	PGconn *c = PQconnectdb(uri);
	PGresult *r;
	long long n = -1;

	if (PQstatus(c) != CONNECTION_OK) {
		fprintf(stderr, "# connect: %s", PQerrorMessage(c));
		PQfinish(c);
		return -1;
	}
	r = PQexec(c, sql);
	if (PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) > 0) {
		if (cs_str_tonum(PQgetvalue(r, 0, 0), -1, INT64_MAX, &n) != 0)
			n = -1;
	} else if (PQresultStatus(r) == PGRES_COMMAND_OK) {
		if (cs_str_tonum(PQcmdTuples(r), 0, INT64_MAX, &n) != 0)
			n = 0;
	} else {
		const char *st = PQresultErrorField(r, PG_DIAG_SQLSTATE);
		/* 42501 insufficient_privilege (also RLS WITH CHECK) */
		n = st != NULL && strcmp(st, "42501") == 0 ? -2 : -1;
	}
	PQclear(r);
	PQfinish(c);
	return n;
}

/* Puts one simulated camera of a site. */
static int
put_cam(struct cs_store *s, int64_t scan, const char *ip, int64_t when)
{
	static const uint16_t ports[] = {80, 554, 8000};
	struct cs_obs_list l;
	struct cs_identity id;
	char key[32], val[160];
	int rc;

	cs_obs_list_init(&l);
	for (int i = 0; i < NOBS; i++) {
		snprintf(key, sizeof(key), "http.header.%d", i);
		snprintf(val, sizeof(val),
			 "Server: App-webs/ value %d of %s; "
			 "WWW-Authenticate: Digest realm=\"DS-2CD2042WD\"",
			 i, ip);
		cs_obs_adds(&l, key, 80, val);
	}
	memset(&id, 0, sizeof(id));
	cs_strlcpy(id.manufacturer, "Hikvision", sizeof(id.manufacturer));
	cs_strlcpy(id.manufacturer_country, "CN",
		   sizeof(id.manufacturer_country));
	cs_strlcpy(id.brand, "LTS", sizeof(id.brand));
	cs_strlcpy(id.model, "DS-2CD2042WD", sizeof(id.model));
	id.device_class = CS_CLASS_CAMERA;
	id.surveillance = true;
	id.surveillance_known = true;
	id.confidence = 0.9;
	for (int i = 0; i < 4; i++) {
		struct cs_evidence *ev = &id.ev[id.nev++];
		cs_strlcpy(ev->field, "manufacturer", sizeof(ev->field));
		cs_strlcpy(ev->value, "App-webs/", sizeof(ev->value));
		cs_strlcpy(ev->rule, "http-server", sizeof(ev->rule));
		snprintf(ev->obs_key, sizeof(ev->obs_key), "http.header.%d", i);
		ev->port = 80;
		ev->weight = 0.5;
	}
	struct cs_host_result h = {.ip = ip,
				   .ports = ports,
				   .nports = CS_NELEM(ports),
				   .obs = &l,
				   .id = &id,
				   .seen_at = when};
	rc = cs_store_put_host(s, scan, &h);
	cs_obs_list_free(&l);
	return rc;
}

static struct cs_scan_info
site_info(int k, char *scope, size_t ssz)
{
	snprintf(scope, ssz, "127.115.%d.0/24", k);
	struct cs_scan_info in = {.scope = scope,
				  .exclusions = "",
				  .ports = "80,554,8000",
				  .options = "{}",
				  .vantage = sensor_name[k],
				  .version = "test",
				  .started = 1700000000 + k,
				  .total_targets = 1u << 20,
				  .site = sensor_name[k]};
	return in;
}

/* A sensor process: one scan of its site straight into PostgreSQL. */
static int
sensor_run(int k, int hosts)
{
	char err[256], scope[32], ip[32];
	struct cs_scan_info in = site_info(k, scope, sizeof(scope));
	struct cs_store *s = cs_store_open(sensor_uri[k], err, sizeof(err));
	int64_t scan;

	if (s == NULL) {
		fprintf(stderr, "sensor %d: %s\n", k, err);
		return 10;
	}
	if (cs_store_scan_begin(s, &in, &scan) != 0)
		return 11;
	for (int i = 0; i < hosts; i++) {
		/* beyond 256 hosts (benchmarks), the site grows by /24s
		 * 127.115.(k + 8j).0 */
		snprintf(ip, sizeof(ip), "127.115.%d.%d", k + 8 * (i / 256),
			 i % 256);
		if (put_cam(s, scan, ip, 1700000100 + i) != 0) {
			fprintf(stderr, "sensor %d: %s\n", k,
				cs_store_errmsg(s));
			return 12;
		}
		if ((i + 1) % every == 0 &&
		    cs_store_checkpoint(s, scan, (uint64_t)i + 1,
					(uint64_t)i + 1) != 0)
			return 13;
	}
	if (cs_store_checkpoint(s, scan, (uint64_t)hosts, (uint64_t)hosts) !=
		0 ||
	    cs_store_scan_end(s, scan, "complete", 1700009999) != 0)
		return 14;
	cs_store_close(s);
	return 0;
}

static void
test_eight_sensors(int hosts)
{
	pid_t pids[NSENSORS];
	char sql[512];
	double t0, t1;
	long long uniq = hosts;

	t0 = now_s();
	fflush(NULL);
	for (int k = 0; k < NSENSORS; k++) {
		pids[k] = fork();
		if (pids[k] == 0)
			_exit(sensor_run(k, hosts));
		CHECK(pids[k] > 0, "fork");
	}
	for (int k = 0; k < NSENSORS; k++) {
		int st = 0;
		waitpid(pids[k], &st, 0);
		CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0,
		      "sensor %d exit %d", k, WEXITSTATUS(st));
	}
	t1 = now_s();
	printf("# 8 sensors: %d hosts each, a checkpoint every %d, %lld "
	       "observations in %.2f s = %.0f observations/s (%.0f hosts/s)\n",
	       hosts, every, (long long)NSENSORS * hosts * NOBS, t1 - t0,
	       NSENSORS * hosts * NOBS / (t1 - t0),
	       NSENSORS * hosts / (t1 - t0));

	/* The union, exactly. */
	CHECK(q1(admin_uri, "SELECT count(*) FROM scan") == NSENSORS, "scans");
	CHECK(q1(admin_uri, "SELECT count(DISTINCT site) FROM scan") ==
		  NSENSORS,
	      "sensors");
	CHECK(q1(admin_uri, "SELECT count(*) FROM scan WHERE status = "
			    "'complete'") == NSENSORS,
	      "complete");
	CHECK(q1(admin_uri, "SELECT count(*) FROM sighting") == NSENSORS * uniq,
	      "sightings %lld", q1(admin_uri, "SELECT count(*) FROM sighting"));
	CHECK(q1(admin_uri, "SELECT count(DISTINCT ip) FROM sighting") ==
		  NSENSORS * uniq,
	      "distinct ips");
	CHECK(q1(admin_uri, "SELECT count(*) FROM device") == NSENSORS * uniq,
	      "devices");
	CHECK(q1(admin_uri, "SELECT count(*) FROM observation") ==
		  NSENSORS * uniq * NOBS,
	      "observations");
	CHECK(q1(admin_uri, "SELECT count(*) FROM evidence WHERE "
			    "observation_id IS NULL") == 0,
	      "evidence links");
	/* Each site's rows carry its own sensor. */
	CHECK(q1(admin_uri,
		 "SELECT count(*) FROM sighting s JOIN scan c ON c.id = "
		 "s.scan_id WHERE split_part(s.ip, '.', 3)::int % 8 <> "
		 "right(c.site, 1)::int") == 0,
	      "site/sensor mismatch");

	/* Isolation: sensor 0 against sensor 1's rows. */
	const char *a = sensor_uri[0];
	CHECK(q1(a, "SELECT count(*) FROM scan") == 1, "A sees 1 scan");
	CHECK(q1(a, "SELECT count(*) FROM sighting") == uniq, "A sightings");
	CHECK(q1(a, "SELECT count(*) FROM sighting WHERE ip LIKE "
		    "'127.115.1.%'") == 0,
	      "A reads B's sightings");
	CHECK(q1(a, "SELECT count(*) FROM observation") == uniq * NOBS,
	      "A observations");
	CHECK(q1(a, "SELECT count(*) FROM device WHERE ip LIKE "
		    "'127.115.1.%'") == 0,
	      "A reads B's devices");
	snprintf(sql, sizeof(sql),
		 "UPDATE scan SET status = 'interrupted' WHERE site = '%s'",
		 sensor_name[1]);
	CHECK(q1(a, sql) == 0, "A updates B's scan");
	CHECK(q1(a, "UPDATE device SET manufacturer = 'x' WHERE ip LIKE "
		    "'127.115.1.%'") == 0,
	      "A updates B's devices");
	CHECK(q1(a, "DELETE FROM sighting WHERE ip LIKE '127.115.1.%'") == 0,
	      "A deletes B's sightings");
	CHECK(q1(a, "DELETE FROM observation WHERE sighting_id NOT IN "
		    "(SELECT id FROM sighting)") == 0,
	      "A deletes unseen observations");
	snprintf(sql, sizeof(sql),
		 "INSERT INTO scan (scope, started, site) VALUES ('x', 0, "
		 "'%s')",
		 sensor_name[1]);
	CHECK(q1(a, sql) == -2, "A forges a scan as B");
	CHECK(q1(a, "SELECT count(*) FROM finding") == -2, "A reads findings");
	CHECK(q1(a, "DROP TABLE observation") < 0, "A drops a table");
	snprintf(sql, sizeof(sql),
		 "SELECT count(*) FROM scan WHERE status = 'complete' AND "
		 "site = '%s'",
		 sensor_name[1]);
	CHECK(q1(admin_uri, sql) == 1, "B's scan intact");
	CHECK(q1(admin_uri, "SELECT count(*) FROM sighting") == NSENSORS * uniq,
	      "union intact");

	/* Through the store interface too: A's newest scan is its own. */
	{
		char err[256];
		struct cs_store *s = cs_store_open(a, err, sizeof(err));
		struct cs_scan_state *ss = calloc(1, sizeof(*ss));
		int64_t id = 0;
		CHECK(s != NULL, "open as A: %s", err);
		if (s != NULL && ss != NULL) {
			CHECK(cs_store_latest_scan(s, &id) == 0, "latest");
			CHECK(cs_store_scan_get(s, id, ss) == 0, "get");
			CHECK(strcmp(ss->scope, "127.115.0.0/24") == 0,
			      "A's scan is %s", ss->scope);
		}
		free(ss);
		cs_store_close(s);
	}
}

/* The outcome of one statement: "ok" or "SQLSTATE: message | detail",
 * with every digit replaced by '#' so that two probes that differ only
 * in the number they name compare equal when they reveal nothing. */
static void
outcome(const char *uri, const char *sql, char *out, size_t osz)
{
	PGconn *c = PQconnectdb(uri);
	PGresult *r;

	if (PQstatus(c) != CONNECTION_OK) {
		fmt(out, osz, "connect: %s", PQerrorMessage(c));
		PQfinish(c);
		return;
	}
	r = PQexec(c, sql);
	if (PQresultStatus(r) == PGRES_COMMAND_OK ||
	    PQresultStatus(r) == PGRES_TUPLES_OK) {
		fmt(out, osz, "ok %s", PQcmdTuples(r));
	} else {
		const char *st = PQresultErrorField(r, PG_DIAG_SQLSTATE);
		const char *m = PQresultErrorField(r, PG_DIAG_MESSAGE_PRIMARY);
		const char *d = PQresultErrorField(r, PG_DIAG_MESSAGE_DETAIL);
		fmt(out, osz, "%s: %s | %s", st ? st : "?", m ? m : "",
		    d ? d : "");
	}
	/* the number-free SQLSTATE stays; digits after it are masked */
	for (char *p = strchr(out, ' ') ? strchr(out, ' ') : out; *p; p++)
		if (*p >= '0' && *p <= '9')
			*p = '#';
	PQclear(r);
	PQfinish(c);
}

/* Opens sensor k's store and begins a scan of its site; NULL on failure. */
static struct cs_store *
sensor_scan(int k, int64_t started, int64_t *scan)
{
	char err[256], scope[32];
	struct cs_scan_info in = site_info(k, scope, sizeof(scope));
	struct cs_store *s = cs_store_open(sensor_uri[k], err, sizeof(err));

	in.started = started;
	if (s == NULL || cs_store_scan_begin(s, &in, scan) != 0) {
		CHECK(0, "sensor %d scan: %s", k, s ? cs_store_errmsg(s) : err);
		cs_store_close(s);
		return NULL;
	}
	return s;
}

/*
 * Sealed sites: the attacks of issue #13, each made by sensor A (site 0)
 * against sensor B (site 1), with all the knowledge an attacker could
 * have (B's ids, read here as the owner).  Each must fail without
 * revealing anything (a probe of something B holds and of something
 * nobody holds give the same outcome), and B's work must go on.
 */
static void
test_sealed_sites(int hosts)
{
	const char *A = sensor_uri[0], *B = sensor_uri[1];
	const char *bname = sensor_name[1];
	char sql[1024], held[512], free_[512], ip[32];
	struct cs_store *s;
	int64_t scan, bscan, bsighting, bdev;

	/* 1. Probing which addresses B holds through a duplicate key: A
	 * records a host at an address B holds, exactly as at a free one. */
	if ((s = sensor_scan(0, 1700500000, &scan)) == NULL)
		return;
	CHECK(put_cam(s, scan, "127.115.1.5", 1700500001) == 0,
	      "A records 127.115.1.5 (B holds it): %s", cs_store_errmsg(s));
	CHECK(put_cam(s, scan, "127.115.1.250", 1700500002) == 0,
	      "A records a free address: %s", cs_store_errmsg(s));
	/* 2. ... and claims B's free addresses first. */
	for (int i = 0; i < 12; i++) {
		snprintf(ip, sizeof(ip), "127.115.1.%d", 200 + i);
		CHECK(put_cam(s, scan, ip, 1700500010 + i) == 0,
		      "A claims %s: %s", ip, cs_store_errmsg(s));
	}
	CHECK(cs_store_scan_end(s, scan, "complete", 1700500100) == 0,
	      "A's scan ends");
	cs_store_close(s);
	fmt(sql, sizeof(sql),
	    "SELECT count(*) FROM device WHERE site = '%s' AND ip = "
	    "'127.115.1.5' AND last_seen < 1700500000",
	    bname);
	CHECK(q1(admin_uri, sql) == 1, "B's device at 127.115.1.5 untouched");
	CHECK(q1(admin_uri, "SELECT count(*) FROM device WHERE ip = "
			    "'127.115.1.5'") == 2,
	      "two devices at 127.115.1.5, one per site");
	/* The same probes in SQL: a row in B's name is refused alike for a
	 * held and a free address; in A's own name both simply work. */
	fmt(sql, sizeof(sql),
	    "INSERT INTO device (site, dkey, ip, first_scan, last_scan, "
	    "first_seen, last_seen) VALUES ('%s', 'ip:127.115.1.6', "
	    "'127.115.1.6', 0, 0, 0, 0) ON CONFLICT (site, dkey) DO UPDATE "
	    "SET ip = excluded.ip",
	    bname);
	outcome(A, sql, held, sizeof(held));
	fmt(sql, sizeof(sql),
	    "INSERT INTO device (site, dkey, ip, first_scan, last_scan, "
	    "first_seen, last_seen) VALUES ('%s', 'ip:127.115.1.251', "
	    "'127.115.1.251', 0, 0, 0, 0) ON CONFLICT (site, dkey) DO "
	    "UPDATE SET ip = excluded.ip",
	    bname);
	outcome(A, sql, free_, sizeof(free_));
	CHECK(strcmp(held, free_) == 0 && strncmp(held, "ok", 2) != 0,
	      "device in B's name: held '%s' vs free '%s'", held, free_);
	outcome(A,
		"INSERT INTO device (site, dkey, ip, first_scan, last_scan, "
		"first_seen, last_seen) VALUES (session_user, "
		"'ip:127.115.1.6', '127.115.1.6', 0, 0, 0, 0)",
		held, sizeof(held));
	outcome(A,
		"INSERT INTO device (site, dkey, ip, first_scan, last_scan, "
		"first_seen, last_seen) VALUES (session_user, "
		"'ip:127.115.1.252', '127.115.1.252', 0, 0, 0, 0)",
		free_, sizeof(free_));
	CHECK(strcmp(held, free_) == 0 && strcmp(held, "ok #") == 0,
	      "device in A's name: held '%s' vs free '%s'", held, free_);
	/* A sensor never chooses an id. */
	outcome(A, "INSERT INTO scan (id, scope, started) VALUES (1, 'x', 0)",
		held, sizeof(held));
	CHECK(strncmp(held, "42501", 5) == 0, "A picks a scan id: %s", held);
	/* Schema v7 placements: a sensor writes its own site's only, and
	 * names only a device of its own site. */
	fmt(sql, sizeof(sql),
	    "INSERT INTO placement (site, mac, switch, seen_at) VALUES "
	    "('%s', '00:00:5e:00:53:01', 'sw', 0)",
	    bname);
	outcome(A, sql, held, sizeof(held));
	CHECK(strncmp(held, "42501", 5) == 0, "placement in B's name: %s",
	      held);
	outcome(A,
		"INSERT INTO placement (site, mac, switch, seen_at) VALUES "
		"(session_user, '00:00:5e:00:53:01', 'sw', 0) ON CONFLICT "
		"(site, mac) DO UPDATE SET port = 'p1'",
		held, sizeof(held));
	CHECK(strcmp(held, "ok #") == 0, "placement in A's name: %s", held);
	fmt(sql, sizeof(sql), "SELECT min(id) FROM device WHERE site = '%s'",
	    bname);
	bdev = q1(admin_uri, sql); /* a device of B's */
	CHECK(bdev > 0, "B has a device");
	fmt(sql, sizeof(sql),
	    "INSERT INTO placement (site, mac, switch, seen_at, device_id) "
	    "SELECT session_user, '00:00:5e:00:53:02', 'sw', 0, %lld",
	    (long long)bdev);
	outcome(A, sql, held, sizeof(held));
	CHECK(strncmp(held, "23503", 5) == 0,
	      "A's placement naming another site's device: %s", held);
	CHECK(q1(A, "SELECT count(*) FROM placement") == 1,
	      "A sees its own placement only");

	/* B rescans the addresses A claimed: every host is stored. */
	if ((s = sensor_scan(1, 1700600000, &bscan)) == NULL)
		return;
	for (int i = 0; i < 12; i++) {
		snprintf(ip, sizeof(ip), "127.115.1.%d", 200 + i);
		CHECK(put_cam(s, bscan, ip, 1700600010 + i) == 0,
		      "B stores %s: %s", ip, cs_store_errmsg(s));
	}
	CHECK(cs_store_checkpoint(s, bscan, 12, 12) == 0 &&
		  cs_store_scan_end(s, bscan, "complete", 1700600100) == 0,
	      "B's rescan completes");
	cs_store_close(s);
	fmt(sql, sizeof(sql),
	    "SELECT count(*) FROM sighting WHERE scan_id = "
	    "%lld",
	    (long long)bscan);
	CHECK(q1(admin_uri, sql) == 12, "B's rescan holds all 12 hosts (%lld)",
	      q1(admin_uri, sql));

	/* 3. Referencing B's scan (and sighting) so that B cannot delete
	 * it: refused exactly as for ids nobody holds, and nothing stops
	 * B's delete. */
	fmt(sql, sizeof(sql),
	    "SELECT id FROM sighting WHERE scan_id = %lld ORDER BY id LIMIT 1",
	    (long long)bscan);
	bsighting = q1(admin_uri, sql);
	CHECK(bsighting > 0, "B's sighting id");
	fmt(sql, sizeof(sql),
	    "INSERT INTO sighting (site, device_site, scan_id, device_id, "
	    "ip, seen_at) SELECT session_user, session_user, %lld, id, "
	    "'127.115.0.99', 0 FROM device LIMIT 1",
	    (long long)bscan);
	outcome(A, sql, held, sizeof(held));
	fmt(sql, sizeof(sql),
	    "INSERT INTO sighting (site, device_site, scan_id, device_id, "
	    "ip, seen_at) SELECT session_user, session_user, %lld, id, "
	    "'127.115.0.99', 0 FROM device LIMIT 1",
	    (long long)(bscan ^ 0x5a5a5a));
	outcome(A, sql, free_, sizeof(free_));
	CHECK(strcmp(held, free_) == 0 && strncmp(held, "23503", 5) == 0,
	      "sighting on B's scan: held '%s' vs free '%s'", held, free_);
	fmt(sql, sizeof(sql),
	    "INSERT INTO observation (site, sighting_id, seq, key, value) "
	    "VALUES (session_user, %lld, 0, 'k', '\\x00')",
	    (long long)bsighting);
	outcome(A, sql, held, sizeof(held));
	fmt(sql, sizeof(sql),
	    "INSERT INTO observation (site, sighting_id, seq, key, value) "
	    "VALUES (session_user, %lld, 0, 'k', '\\x00')",
	    (long long)(bsighting ^ 0x5a5a5a));
	outcome(A, sql, free_, sizeof(free_));
	CHECK(strcmp(held, free_) == 0 && strncmp(held, "23503", 5) == 0,
	      "observation on B's sighting: held '%s' vs free '%s'", held,
	      free_);
	fmt(sql, sizeof(sql),
	    "INSERT INTO sighting_port (site, sighting_id, port) VALUES "
	    "(session_user, %lld, 80)",
	    (long long)bsighting);
	outcome(A, sql, held, sizeof(held));
	CHECK(strncmp(held, "23503", 5) == 0, "port on B's sighting: %s", held);
	/* A device of A's naming B's scan as its first: no reference. */
	fmt(sql, sizeof(sql),
	    "INSERT INTO device (site, dkey, ip, first_scan, last_scan, "
	    "first_seen, last_seen) VALUES (session_user, 'ip:127.115.0.98', "
	    "'127.115.0.98', %lld, %lld, 0, 0)",
	    (long long)bscan, (long long)bscan);
	outcome(A, sql, held, sizeof(held));
	fmt(sql, sizeof(sql), "DELETE FROM scan WHERE id = %lld",
	    (long long)bscan);
	CHECK(q1(B, sql) == 1, "B deletes its own scan");
	fmt(sql, sizeof(sql),
	    "SELECT count(*) FROM sighting WHERE scan_id = "
	    "%lld",
	    (long long)bscan);
	CHECK(q1(admin_uri, sql) == 0, "B's scan gone with its sightings");
	CHECK(
	    q1(admin_uri,
	       "SELECT (SELECT count(*) FROM observation o WHERE NOT EXISTS "
	       "(SELECT 1 FROM sighting g WHERE g.id = o.sighting_id AND "
	       "g.site = o.site)) + (SELECT count(*) FROM evidence e WHERE NOT "
	       "EXISTS (SELECT 1 FROM sighting g WHERE g.id = e.sighting_id "
	       "AND g.site = e.site)) + (SELECT count(*) FROM sighting_port p "
	       "WHERE NOT EXISTS (SELECT 1 FROM sighting g WHERE g.id = "
	       "p.sighting_id AND g.site = p.site))") == 0,
	    "the deleted sightings' rows went with them");

	/* 4. Estate-wide sequences: none a sensor can use; the tables it
	 * writes draw ids from no sequence at all. */
	CHECK(q1(A, "SELECT count(*) FROM pg_class c WHERE c.relkind = 'S' "
		    "AND c.relnamespace = current_schema()::regnamespace AND "
		    "(has_sequence_privilege(c.oid, 'USAGE') OR "
		    "has_sequence_privilege(c.oid, 'SELECT') OR "
		    "has_sequence_privilege(c.oid, 'UPDATE'))") == 0,
	      "A may use a sequence");
	outcome(A, "SELECT nextval('finding_id_seq')", held, sizeof(held));
	CHECK(strncmp(held, "42501", 5) == 0, "nextval as A: %s", held);
	CHECK(q1(admin_uri,
		 "SELECT count(*) FROM pg_attrdef d JOIN pg_class c ON c.oid = "
		 "d.adrelid WHERE c.relnamespace = current_schema()::"
		 "regnamespace AND c.relname IN ('scan', 'device', 'sighting', "
		 "'sighting_port', 'observation', 'evidence', 'attachment', "
		 "'placement') AND pg_get_expr(d.adbin, d.adrelid) LIKE "
		 "'%nextval%'") == 0,
	      "a sensor table draws ids from a sequence");
	/* Every unique key of those tables is within a site or led by the
	 * id, which no sensor may write (and which is unique by itself). */
	CHECK(q1(admin_uri,
		 "SELECT count(*) FROM pg_index i JOIN pg_class c ON c.oid = "
		 "i.indrelid JOIN pg_attribute a ON a.attrelid = i.indrelid "
		 "AND a.attnum = i.indkey[0] WHERE i.indisunique AND "
		 "c.relnamespace = current_schema()::regnamespace AND "
		 "c.relname IN ('scan', 'device', 'sighting', 'sighting_port', "
		 "'observation', 'evidence', 'attachment', 'placement') AND "
		 "a.attname NOT "
		 "IN ('site', 'id')") == 0,
	      "a unique key not led by site or id");
	fmt(sql, sizeof(sql),
	    "SELECT count(*) FROM unnest(ARRAY['scan', 'device', 'sighting', "
	    "'observation', 'evidence', 'attachment', 'placement']) t "
	    "WHERE has_column_privilege('%s', t, 'id', 'INSERT') OR "
	    "has_column_privilege('%s', t, 'id', 'UPDATE')",
	    sensor_name[0], sensor_name[0]);
	CHECK(q1(admin_uri, sql) == 0, "a sensor may write an id");
	/* SET ROLE to the group does not open a shared site. */
	outcome(A,
		"SET ROLE camsweep_sensor; INSERT INTO scan (scope, started, "
		"site) VALUES ('x', 0, 'camsweep_sensor')",
		held, sizeof(held));
	CHECK(strncmp(held, "42501", 5) == 0, "A as the group: %s", held);

	/* B's first scan is whole. */
	fmt(sql, sizeof(sql),
	    "SELECT count(*) FROM sighting g JOIN scan s ON s.id = g.scan_id "
	    "AND s.site = g.site WHERE s.site = '%s' AND s.status = "
	    "'complete'",
	    bname);
	CHECK(q1(admin_uri, sql) == hosts, "B's first scan intact (%lld)",
	      q1(admin_uri, sql));
}

/* Sets the LOGIN of sensor k and, when cutting, ends its sessions. */
static void
cut(int k, bool off)
{
	char sql[256];

	snprintf(sql, sizeof(sql), "ALTER ROLE %s %s", sensor_name[k],
		 off ? "NOLOGIN" : "LOGIN");
	CHECK(q1(admin_uri, sql) >= 0, "alter role");
	if (off) {
		snprintf(sql, sizeof(sql),
			 "SELECT count(pg_terminate_backend(pid)) FROM "
			 "pg_stat_activity WHERE usename = '%s'",
			 sensor_name[k]);
		CHECK(q1(admin_uri, sql) >= 0, "terminate");
	}
}

/* Tries an upload of the spool; returns 0 when it went through. */
static int
try_upload(struct cs_store *spool, int k, uint64_t *hosts)
{
	char err[256];
	struct cs_upload_stats st;
	struct cs_store *central =
	    cs_store_open(sensor_uri[k], err, sizeof(err));
	int rc;

	if (central == NULL)
		return CS_EIO;
	rc = cs_store_upload(spool, central, &st, err, sizeof(err));
	if (rc != 0)
		fprintf(stderr, "# upload failed (expected while cut): %s\n",
			err);
	*hosts = st.hosts;
	cs_store_close(central);
	return rc;
}

static void
test_spool_cutoff(void)
{
	const int k = 2, total = 96;
	char spool_path[300], err[256], scope[32], ip[32], sql[512];
	struct cs_scan_info in;
	struct cs_store *spool;
	int64_t scan;
	uint64_t up = 0;
	int fails = 0, oks = 0;
	const char *tmp = getenv("TMPDIR");

	snprintf(spool_path, sizeof(spool_path), "%s/cs-spool-%ld.db",
		 tmp && *tmp ? tmp : "/tmp", (long)getpid());
	unlink(spool_path);
	/* A second scan of site 2, from the spool this time. */
	in = site_info(k, scope, sizeof(scope));
	in.started += 1000;
	spool = cs_store_open(spool_path, err, sizeof(err));
	CHECK(spool != NULL, "spool: %s", err);
	if (spool == NULL)
		return;
	CHECK(cs_store_scan_begin(spool, &in, &scan) == 0, "spool scan");
	for (int i = 0; i < total; i++) {
		snprintf(ip, sizeof(ip), "127.115.%d.%d", k, 100 + i);
		CHECK(put_cam(spool, scan, ip, 1700100000 + i) == 0, "put");
		if ((i + 1) % 16 != 0)
			continue;
		CHECK(cs_store_checkpoint(spool, scan, (uint64_t)i + 1,
					  (uint64_t)i + 1) == 0,
		      "checkpoint");
		if (i + 1 == 32)
			cut(k, true); /* the database goes away mid-scan */
		if (i + 1 == 80)
			cut(k, false); /* and comes back */
		if (try_upload(spool, k, &up) == 0)
			oks++;
		else
			fails++;
	}
	CHECK(cs_store_scan_end(spool, scan, "complete", 1700200000) == 0,
	      "end");
	CHECK(try_upload(spool, k, &up) == 0, "final upload");
	CHECK(up == (uint64_t)total, "uploaded %llu hosts",
	      (unsigned long long)up);
	CHECK(fails == 3, "uploads refused while cut: %d", fails);
	CHECK(oks == 3, "uploads done while up: %d", oks);
	cs_store_close(spool);
	unlink(spool_path);
	{
		char p[320];
		snprintf(p, sizeof(p), "%s-wal", spool_path);
		unlink(p);
		snprintf(p, sizeof(p), "%s-shm", spool_path);
		unlink(p);
	}

	/* Central: exactly one scan from the spool, complete, all hosts. */
	snprintf(sql, sizeof(sql),
		 "SELECT count(*) FROM scan WHERE site = '%s' AND options "
		 "LIKE 'spool:%%' AND status = 'complete' AND watermark = %d",
		 sensor_name[k], total);
	CHECK(q1(admin_uri, sql) == 1, "one complete spooled scan");
	snprintf(sql, sizeof(sql),
		 "SELECT count(*) FROM sighting s JOIN scan c ON c.id = "
		 "s.scan_id WHERE c.options LIKE 'spool:%%' AND c.site = "
		 "'%s'",
		 sensor_name[k]);
	CHECK(q1(admin_uri, sql) == total, "spooled sightings %lld",
	      q1(admin_uri, sql));
	snprintf(sql, sizeof(sql),
		 "SELECT count(*) FROM observation o JOIN sighting s ON s.id "
		 "= o.sighting_id JOIN scan c ON c.id = s.scan_id WHERE "
		 "c.options LIKE 'spool:%%' AND c.site = '%s'",
		 sensor_name[k]);
	CHECK(q1(admin_uri, sql) == total * NOBS, "spooled observations");
	CHECK(q1(admin_uri,
		 "SELECT count(*) FROM (SELECT scan_id, ip FROM "
		 "sighting GROUP BY 1, 2 HAVING count(*) > 1) d") == 0,
	      "duplicates");
}

static int
admin_exec(const char *sql)
{
	PGconn *c = PQconnectdb(admin_uri);
	PGresult *r;
	int ok = 0;

	if (PQstatus(c) == CONNECTION_OK) {
		r = PQexec(c, sql);
		ok = PQresultStatus(r) == PGRES_COMMAND_OK ||
		     PQresultStatus(r) == PGRES_TUPLES_OK;
		if (!ok)
			fprintf(stderr, "# %.60s...: %s", sql,
				PQresultErrorMessage(r));
		PQclear(r);
	}
	PQfinish(c);
	return ok ? 0 : -1;
}

int
main(int argc, char **argv)
{
	const char *uri = getenv("CS_PG_URI");
	const char *sep;
	char sql[512], err[256];
	struct cs_store *s;
	long long hosts = 64;

	if (uri == NULL || *uri == '\0' || PQping(uri) != PQPING_OK) {
		const char *ci = getenv("CI");
		if (ci != NULL && *ci != '\0') { /* CI: a skip is a failure */
			fprintf(stderr,
				"CI: no PostgreSQL server (CS_PG_URI)\n");
			return 1;
		}
		printf("1..0 # SKIP no PostgreSQL server (CS_PG_URI)\n");
		return 77;
	}
	long long ev = 16;
	if ((argc > 1 && cs_str_tonum(argv[1], 1, 7936, &hosts) != 0) ||
	    (argc > 2 && cs_str_tonum(argv[2], 1, 100000, &ev) != 0)) {
		fprintf(stderr, "usage: test_sensors [hosts_per_sensor "
				"[hosts_per_checkpoint]]\n");
		return 2;
	}
	every = (int)ev;
	sep = strchr(uri, '?') ? "&" : "?";
	snprintf(schema, sizeof(schema), "cs_sensors_%ld", (long)getpid());
	snprintf(admin_uri, sizeof(admin_uri),
		 "%s%soptions=-csearch_path%%3D%s", uri, sep, schema);
	for (int k = 0; k < NSENSORS; k++) {
		snprintf(sensor_name[k], sizeof(sensor_name[k]), "cs_s%ld_%d",
			 (long)getpid(), k);
		fmt(sensor_uri[k], sizeof(sensor_uri[k]), "%s&user=%s",
		    admin_uri, sensor_name[k]);
	}
	snprintf(sql, sizeof(sql),
		 "SET client_min_messages = warning; "
		 "DROP SCHEMA IF EXISTS %s CASCADE; CREATE SCHEMA %s",
		 schema, schema);
	if (admin_exec(sql) != 0)
		return 1;
	/* The admin creates the schema by opening the inventory once. */
	if ((s = cs_store_open(admin_uri, err, sizeof(err))) == NULL) {
		fprintf(stderr, "open: %s\n", err);
		return 1;
	}
	/* As `camsweep db init` and `camsweep db add-sensor` do. */
	CHECK(cs_store_admin_init(s) == 0, "db init: %s", cs_store_errmsg(s));
	for (int k = 0; k < NSENSORS && failures == 0; k++)
		CHECK(cs_store_admin_add_sensor(s, sensor_name[k],
						"test-only") == 0,
		      "add-sensor %s: %s", sensor_name[k], cs_store_errmsg(s));
	cs_store_close(s);

	if (failures == 0)
		test_eight_sensors((int)hosts);
	if (failures == 0)
		test_sealed_sites((int)hosts);
	if (failures == 0)
		test_spool_cutoff();

	/* Clean up: schema and roles. */
	snprintf(sql, sizeof(sql),
		 "SET client_min_messages = warning; "
		 "DROP SCHEMA IF EXISTS %s CASCADE",
		 schema);
	admin_exec(sql);
	for (int k = 0; k < NSENSORS; k++) {
		fmt(sql, sizeof(sql), "DROP ROLE IF EXISTS %s", sensor_name[k]);
		admin_exec(sql);
	}
	printf("%s\n", failures == 0 ? "sensors: ok" : "sensors: FAILED");
	return failures == 0 ? 0 : 1;
}
