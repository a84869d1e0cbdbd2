/* SPDX-License-Identifier: ISC */
/*
 * Report writers: golden files for JSON and CSV (tests/report/golden/,
 * regenerated with CS_UPDATE_GOLDEN=1), escaping of hostile device
 * strings in every format, dates, and the no-assessment case.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <sqlite3.h>
#include <unistd.h>

#include "core/buf.h"
#include "core/obs.h"
#include "core/str.h"
#include "report/report.h"
#include "store/store.h"
#include "core/poison.h"

#define T0 1714550400 /* 2024-05-01T08:00:00Z */

/* Device-controlled strings as a hostile fleet would send them. */
static const char hostile_model[] = "<script>document.title='PWNED'</script>";
static const char hostile_brand[] = "=HYPERLINK(\"http://x\",\"y\")";
static const char hostile_fw[] = "\x1b[31mred\x1b]0;title\x07 \xff\xfe bad";
static const char hostile_server[] =
    "<img src=x onerror=\"document.body.id='pwned'\"> "
    "<a href=\"javascript:alert(1)\">x</a>\r\n+cmd|' /C calc'!A0";

static void
ev(struct cs_identity *id, const char *field, const char *claim,
   const char *rule, const char *key, uint16_t port, double w,
   const char *value)
{
	struct cs_evidence *e = &id->ev[id->nev++];

	cs_strlcpy(e->field, field, sizeof(e->field));
	cs_strlcpy(e->claim, claim, sizeof(e->claim));
	cs_strlcpy(e->rule, rule, sizeof(e->rule));
	cs_strlcpy(e->obs_key, key, sizeof(e->obs_key));
	e->port = port;
	e->weight = w;
	cs_strlcpy(e->value, value, sizeof(e->value));
}

static void
put(struct cs_store *s, int64_t scan, const char *ip, int64_t at,
    bool hostile)
{
	struct cs_obs_list l;
	struct cs_identity id;
	uint16_t ports[] = {80, 554, 8000};
	struct cs_host_result h = {0};

	cs_obs_list_init(&l);
	memset(&id, 0, sizeof(id));
	if (hostile) {
		cs_obs_adds(&l, "http.server", 80, hostile_server);
		cs_obs_adds(&l, "onvif.model", 80, hostile_model);
		cs_obs_add(&l, "http.title", 80, CS_OBS_MALFORMED, hostile_fw,
			   sizeof(hostile_fw) - 1);
		cs_strlcpy(id.manufacturer, "Hikvision",
			   sizeof(id.manufacturer));
		cs_strlcpy(id.manufacturer_country, "CN",
			   sizeof(id.manufacturer_country));
		cs_strlcpy(id.brand, hostile_brand, sizeof(id.brand));
		cs_strlcpy(id.model, hostile_model, sizeof(id.model));
		cs_strlcpy(id.firmware, hostile_fw, sizeof(id.firmware));
		id.device_class = CS_CLASS_CAMERA;
		id.surveillance = true;
		id.surveillance_known = true;
		id.confidence = 0.97;
		ev(&id, "manufacturer", "Hikvision", "hik-server",
		   "http.server", 80, 0.9, hostile_server);
		ev(&id, "model", hostile_model, "onvif-model", "onvif.model",
		   80, 0.8, hostile_model);
	} else {
		cs_obs_adds(&l, "http.server", 80, "AXIS");
		cs_strlcpy(id.manufacturer, "Axis", sizeof(id.manufacturer));
		cs_strlcpy(id.manufacturer_country, "SE",
			   sizeof(id.manufacturer_country));
		cs_strlcpy(id.brand, "Axis", sizeof(id.brand));
		cs_strlcpy(id.model, "P3245-V", sizeof(id.model));
		id.device_class = CS_CLASS_CAMERA;
		id.surveillance = true;
		id.surveillance_known = true;
		id.confidence = 0.9;
		ev(&id, "manufacturer", "Axis", "axis-server", "http.server",
		   80, 0.7, "AXIS");
		/* Two probes fetched the same page: the same evidence twice,
		 * which the report shows once (issue #20; the golden JSON has
		 * one row). */
		ev(&id, "manufacturer", "Axis", "axis-server", "http.server",
		   80, 0.7, "AXIS");
	}
	h.ip = ip;
	h.ports = ports;
	h.nports = CS_NELEM(ports);
	h.obs = &l;
	h.id = &id;
	h.seen_at = at;
	assert_int_equal(cs_store_put_host(s, scan, &h), 0);
	cs_obs_list_free(&l);
}

static struct cs_store *
make_store_at(const char *path, bool findings)
{
	char err[256];
	struct cs_store *s = cs_store_open(path, err, sizeof(err));
	struct cs_scan_info info = {
	    .scope = "127.0.0.0/24", .exclusions = "127.0.0.1",
	    .ports = "80,554", .options = "{}", .vantage = "<b>host</b>",
	    .version = "0.1.0", .total_targets = 256};
	int64_t s1, s2;

	assert_non_null(s);
	info.started = T0;
	assert_int_equal(cs_store_scan_begin(s, &info, &s1), 0);
	put(s, s1, "127.0.0.10", T0 + 1, true);
	assert_int_equal(cs_store_scan_end(s, s1, "complete", T0 + 60), 0);
	info.started = T0 + 86400;
	assert_int_equal(cs_store_scan_begin(s, &info, &s2), 0);
	put(s, s2, "127.0.0.9", T0 + 86401, false);
	put(s, s2, "127.0.0.10", T0 + 86402, true);
	assert_int_equal(cs_store_scan_end(s, s2, "complete", T0 + 86460),
			 0);
	if (findings) {
		struct cs_finding_row f;

		memset(&f, 0, sizeof(f));
		cs_strlcpy(f.key, "127.0.0.10|uk-gsg-2022|3", sizeof(f.key));
		cs_strlcpy(f.ip, "127.0.0.10", sizeof(f.ip));
		cs_strlcpy(f.manufacturer, "Hikvision", sizeof(f.manufacturer));
		cs_strlcpy(f.manufacturer_country, "CN",
			   sizeof(f.manufacturer_country));
		cs_strlcpy(f.brand, hostile_brand, sizeof(f.brand));
		cs_strlcpy(f.model, hostile_model, sizeof(f.model));
		cs_strlcpy(f.device_class, "camera", sizeof(f.device_class));
		cs_strlcpy(f.site, "LON1", sizeof(f.site));
		cs_strlcpy(f.site_name, "London HQ", sizeof(f.site_name));
		cs_strlcpy(f.department, "CO", sizeof(f.department));
		cs_strlcpy(f.department_name, "Cabinet Office",
			   sizeof(f.department_name));
		cs_strlcpy(f.zone, "core", sizeof(f.zone));
		f.sensitive = true;
		cs_strlcpy(f.sensitivity_reason, "ministers",
			   sizeof(f.sensitivity_reason));
		cs_strlcpy(f.regime, "uk-gsg-2022", sizeof(f.regime));
		cs_strlcpy(f.regime_version, "1", sizeof(f.regime_version));
		cs_strlcpy(f.obligation, "3", sizeof(f.obligation));
		f.severity = CS_SEV_CRITICAL;
		cs_strlcpy(f.action, "remove-replace", sizeof(f.action));
		cs_strlcpy(f.action_text, "Remove and replace",
			   sizeof(f.action_text));
		cs_strlcpy(f.deadline, "2025-04-30", sizeof(f.deadline));
		cs_strlcpy(f.citation, "WMS HCWS386, 24 Nov 2022",
			   sizeof(f.citation));
		cs_strlcpy(f.url, "https://example.invalid/wms", sizeof(f.url));
		cs_strlcpy(f.as_of, "2024-05-02", sizeof(f.as_of));
		cs_strlcpy(f.status, "open", sizeof(f.status));
		f.first_seen = T0 + 1;
		f.first_scan = s1;
		f.last_scan = s2;
		f.assessed_at = T0 + 90000;
		f.confidence = 0.97;
		assert_int_equal(cs_store_finding_put(s, &f, NULL, NULL), 0);
	}
	return s;
}

static struct cs_store *
make_store(bool findings)
{
	return make_store_at(":memory:", findings);
}

static struct cs_report *
load(struct cs_store *s)
{
	struct cs_report_opts o = {0};
	struct cs_report *r = NULL;
	char err[256];

	o.now = T0 + 100000;
	assert_int_equal(cs_report_load(s, &o, &r, err, sizeof(err)), 0);
	return r;
}

/* Compares b with golden file name, or rewrites it under CS_UPDATE_GOLDEN. */
static void
golden(const char *name, const struct cs_buf *b)
{
	const char *src = getenv("CS_SRCDIR");
	char path[4096];
	FILE *f;
	char *want;
	long n;

	snprintf(path, sizeof(path), "%s/tests/report/golden/%s",
		 src ? src : ".", name);
	if (getenv("CS_UPDATE_GOLDEN")) {
		f = fopen(path, "wb");
		assert_non_null(f);
		assert_int_equal(fwrite(b->p, 1, b->len, f), b->len);
		fclose(f);
		return;
	}
	f = fopen(path, "rb");
	if (f == NULL)
		fail_msg("missing golden file %s", path);
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	rewind(f);
	want = malloc((size_t)n + 1);
	assert_non_null(want);
	assert_int_equal(fread(want, 1, (size_t)n, f), (size_t)n);
	fclose(f);
	if ((size_t)n != b->len || memcmp(want, b->p, b->len) != 0)
		fail_msg("%s differs from the golden file (rerun with "
			 "CS_UPDATE_GOLDEN=1 after checking the change)",
			 name);
	free(want);
}

static void
test_golden(void **state)
{
	struct cs_store *s = make_store(true);
	struct cs_report *r = load(s);
	struct cs_buf b;

	(void)state;
	cs_buf_init(&b, 1 << 24);
	assert_int_equal(cs_report_write_json(r, &b), 0);
	golden("report.json", &b);
	cs_buf_reset(&b);
	assert_int_equal(cs_report_write_csv_devices(r, &b), 0);
	golden("devices.csv", &b);
	cs_buf_reset(&b);
	assert_int_equal(cs_report_write_csv_findings(r, &b), 0);
	golden("findings.csv", &b);
	cs_buf_free(&b);
	cs_report_free(r);
	cs_store_close(s);
}

/* Every CSV cell: no formula start, no control byte, valid quoting. */
static void
check_csv(const struct cs_buf *b)
{
	const char *p = (const char *)b->p, *end = p + b->len;

	while (p < end) {
		/* p is at a cell start */
		if (*p == '"') {
			assert_false(p[1] == '=' || p[1] == '+' ||
				     p[1] == '-' || p[1] == '@');
			p++;
			for (;;) {
				assert_true(p < end);
				if (*p == '"' && p + 1 < end && p[1] == '"') {
					p += 2;
				} else if (*p == '"') {
					p++;
					break;
				} else {
					assert_true((unsigned char)*p >= 0x20);
					p++;
				}
			}
		} else {
			assert_false(*p == '=' || *p == '+' || *p == '-' ||
				     *p == '@');
			while (p < end && *p != ',' && *p != '\r') {
				assert_true((unsigned char)*p >= 0x20);
				p++;
			}
		}
		if (p < end && *p == ',')
			p++;
		else if (p + 1 < end && p[0] == '\r' && p[1] == '\n')
			p += 2;
		else
			assert_true(p == end);
	}
}

/*
 * A device only the switches know (docs/switches.md): listed apart from
 * the hosts in every format, with its placement, every switch-supplied
 * string (port name, LLDP neighbour) escaped for where it lands; its
 * MAC-keyed finding names it by MAC where the address is empty.
 */
static void
test_placed(void **state)
{
	static const char port[] = "Gi1/0/4<script>alert(1)</script>\"&";
	static const char neigh[] = "=cmd|' /C calc'!A0<img src=x>";
	struct cs_store *s = make_store(true);
	struct cs_placement_row p;
	struct cs_identity id;
	struct cs_finding_row f;
	struct cs_report *r;
	struct cs_buf b;
	int64_t scan = 0;
	bool made = false;
	const char *t;

	(void)state;
	assert_int_equal(cs_store_latest_scan(s, &scan), 0);
	memset(&p, 0, sizeof(p));
	cs_strlcpy(p.mac, "c0:56:e3:5a:00:04", sizeof(p.mac));
	cs_strlcpy(p.sw, "edge-sw1", sizeof(p.sw));
	cs_strlcpy(p.sw_addr, "127.0.0.2", sizeof(p.sw_addr));
	cs_strlcpy(p.port, port, sizeof(p.port));
	cs_strlcpy(p.neighbour, neigh, sizeof(p.neighbour));
	cs_strlcpy(p.poe, "delivering", sizeof(p.poe));
	cs_strlcpy(p.oui, "Hikvision", sizeof(p.oui));
	p.vlan = 10;
	p.scan_id = scan;
	p.seen_at = T0 + 86500;
	assert_int_equal(cs_store_placement_put(s, &p, true, &made), 0);
	assert_true(made);
	memset(&id, 0, sizeof(id));
	cs_strlcpy(id.manufacturer, "Hikvision", sizeof(id.manufacturer));
	cs_strlcpy(id.manufacturer_country, "CN",
		   sizeof(id.manufacturer_country));
	cs_strlcpy(id.brand, "Hikvision", sizeof(id.brand));
	id.confidence = 0.4;
	if (cs_store_placed_identity(s, p.device_id, &id) != 0)
		fail_msg("%s", cs_store_errmsg(s));
	memset(&f, 0, sizeof(f));
	cs_strlcpy(f.key, "mac:c0:56:e3:5a:00:04|uk-gsg-2022|confirm-class",
		   sizeof(f.key));
	cs_strlcpy(f.mac, p.mac, sizeof(f.mac));
	cs_strlcpy(f.manufacturer, "Hikvision", sizeof(f.manufacturer));
	cs_strlcpy(f.manufacturer_country, "CN",
		   sizeof(f.manufacturer_country));
	cs_strlcpy(f.device_class, "unknown", sizeof(f.device_class));
	cs_strlcpy(f.zone, "core", sizeof(f.zone));
	cs_strlcpy(f.regime, "uk-gsg-2022", sizeof(f.regime));
	cs_strlcpy(f.obligation, "confirm-class", sizeof(f.obligation));
	cs_strlcpy(f.action, "confirm-class", sizeof(f.action));
	cs_strlcpy(f.status, "open", sizeof(f.status));
	cs_strlcpy(f.evidence, port, sizeof(f.evidence));
	f.device_id = p.device_id;
	f.severity = CS_SEV_MEDIUM;
	f.last_scan = scan;
	f.assessed_at = T0 + 90000;
	assert_int_equal(cs_store_finding_put(s, &f, NULL, NULL), 0);
	r = load(s);
	/* not a host that answered */
	assert_int_equal(cs_report_device_count(r), 2);
	cs_buf_init(&b, 1 << 24);
	assert_int_equal(cs_report_write_json(r, &b), 0);
	t = cs_buf_str(&b);
	assert_non_null(strstr(t, "\"placed_devices\": [\n    {\"ip\":\"\","
				  "\"mac\":\"c0:56:e3:5a:00:04\""));
	assert_non_null(strstr(t, "\"known_from\":\"switch\",\"placement\":"
				  "{\"switch\":\"edge-sw1\""));
	assert_non_null(strstr(t, "\"port\":\"Gi1/0/4<script>alert(1)"
				  "</script>\\\"&\""));
	assert_non_null(strstr(t, "\"vlan\":10,\"poe\":\"delivering\""));
	cs_buf_reset(&b);
	assert_int_equal(cs_report_write_csv_devices(r, &b), 0);
	check_csv(&b);
	t = cs_buf_str(&b);
	assert_non_null(strstr(t, "\"c0:56:e3:5a:00:04\""));
	assert_non_null(strstr(t, ",switch,\"edge-sw1\",\"Gi1/0/4<script>"));
	assert_non_null(strstr(t, ",10,\"delivering\",\"'=cmd|"));
	cs_buf_reset(&b);
	assert_int_equal(cs_report_write_html(r, &b), 0);
	t = cs_buf_str(&b);
	assert_null(strstr(t, "<script"));
	assert_null(strstr(t, "<img"));
	assert_non_null(strstr(t, "Devices only the switches know"));
	assert_non_null(strstr(t, "<td>Gi1/0/4&lt;script&gt;alert(1)"));
	assert_non_null(strstr(t, "<td>c0:56:e3:5a:00:04</td><td>none</td>"
				  "<td>Hikvision</td><td>CN</td><td>unknown"
				  "</td><td>not established</td><td>edge-sw1"));
	/* the finding's device named by its MAC in the findings tables */
	assert_non_null(strstr(t, "<tr><td>c0:56:e3:5a:00:04</td><td>"));
	cs_buf_free(&b);
	cs_report_free(r);
	cs_store_close(s);
}

static void
test_hostile(void **state)
{
	struct cs_store *s = make_store(true);
	struct cs_report *r = load(s);
	struct cs_buf b;
	const char *html;

	(void)state;
	cs_buf_init(&b, 1 << 24);
	assert_int_equal(cs_report_write_html(r, &b), 0);
	html = cs_buf_str(&b);
	assert_null(strstr(html, "<script"));
	assert_null(strstr(html, "<img"));
	assert_null(strstr(html, "href=\"javascript"));
	assert_null(strstr(html, "\x1b"));
	assert_non_null(strstr(html, "&lt;script&gt;document.title="));
	assert_non_null(strstr(html, "\\xff\\xfe"));
	assert_non_null(strstr(html, "default-src 'none'"));
	/* Findings sections are present. */
	assert_non_null(strstr(html, "Findings by site"));
	assert_non_null(strstr(html, "WMS HCWS386, 24 Nov 2022"));
	cs_buf_reset(&b);
	assert_int_equal(cs_report_write_csv_devices(r, &b), 0);
	check_csv(&b);
	assert_non_null(strstr(cs_buf_str(&b), "\"'=HYPERLINK"));
	cs_buf_reset(&b);
	assert_int_equal(cs_report_write_csv_findings(r, &b), 0);
	check_csv(&b);
	cs_buf_reset(&b);
	assert_int_equal(cs_report_write_json(r, &b), 0);
	assert_null(strstr(cs_buf_str(&b), "\x1b"));
	assert_non_null(strstr(cs_buf_str(&b), "\\u001b[31m"));
	cs_buf_free(&b);
	cs_report_free(r);
	cs_store_close(s);
}

/*
 * The devices-in-detail section reads the observations a chunk at a time
 * by sighting: each device shows its own (a device without any between
 * two with some), a long value is cut at max_obs_bytes with the rest
 * counted, and a secret that reached the database by another writer
 * (here a plain INSERT) is redacted on the way out.
 */
static void
test_detail_observations(void **state)
{
	char path[] = "/tmp/cs-report-test-XXXXXX", err[256];
	int fd = mkstemp(path);
	struct cs_scan_info info = {.scope = "127.0.0.0/24",
				    .ports = "80",
				    .options = "{}",
				    .version = "0.1.0",
				    .started = T0,
				    .total_targets = 256};
	struct cs_report_opts o = {0};
	struct cs_report *r = NULL;
	struct cs_store *s;
	struct cs_buf b;
	char *longv = calloc(1, 3001);
	const char *html, *d1, *d2, *d3;
	sqlite3 *db;
	int64_t scan;

	(void)state;
	assert_true(fd >= 0 && longv != NULL);
	close(fd);
	memset(longv, 'x', 3000);
	s = cs_store_open(path, err, sizeof(err));
	assert_non_null(s);
	assert_int_equal(cs_store_scan_begin(s, &info, &scan), 0);
	for (int k = 1; k <= 3; k++) {
		struct cs_obs_list l;
		struct cs_identity id = {0};
		char ip[32];
		struct cs_host_result h = {.ip = ip, .seen_at = T0 + k};

		snprintf(ip, sizeof(ip), "127.0.0.%d", k);
		cs_obs_list_init(&l);
		if (k == 1)
			cs_obs_adds(&l, "http.title", 80, longv);
		if (k == 3)
			cs_obs_adds(&l, "http.server", 80, "third-server");
		h.obs = &l;
		h.id = &id;
		assert_int_equal(cs_store_put_host(s, scan, &h), 0);
		cs_obs_list_free(&l);
	}
	assert_int_equal(cs_store_scan_end(s, scan, "complete", T0 + 9), 0);
	cs_store_close(s);
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(
	    sqlite3_exec(db,
			 "INSERT INTO observation (sighting_id, seq, key, port, "
			 "flags, value) SELECT id, 99, 'http.header', 80, 0, "
			 "CAST('Authorization: Basic c2VjcmV0' AS BLOB) FROM "
			 "sighting WHERE ip = '127.0.0.3'",
			 NULL, NULL, NULL),
	    SQLITE_OK);
	assert_int_equal(sqlite3_changes(db), 1);
	sqlite3_close(db);

	s = cs_store_open(path, err, sizeof(err));
	assert_non_null(s);
	o.now = T0 + 100;
	o.max_obs_bytes = 100;
	assert_int_equal(cs_report_load(s, &o, &r, err, sizeof(err)), 0);
	cs_buf_init(&b, 1 << 24);
	assert_int_equal(cs_report_write_html(r, &b), 0);
	html = cs_buf_str(&b);
	d1 = strstr(html, "<article id=\"d1\">");
	d2 = strstr(html, "<article id=\"d2\">");
	d3 = strstr(html, "<article id=\"d3\">");
	assert_true(d1 != NULL && d2 > d1 && d3 > d2);
	/* device 1: its long title, cut at 100 bytes with 2,900 counted */
	assert_true(strstr(d1, "id=\"d1-o1\"") < d2);
	assert_true(strstr(d1, "2900 more byte(s)") < d2);
	assert_null(strstr(html, "id=\"d1-o2\""));
	/* device 2: none */
	assert_null(strstr(html, "id=\"d2-o1\""));
	/* device 3: its two, in order, the inserted secret redacted */
	assert_true(strstr(d3, "id=\"d3-o1\"") != NULL);
	assert_true(strstr(d3, "third-server") < strstr(d3, "id=\"d3-o2\""));
	assert_null(strstr(html, "c2VjcmV0"));
	assert_non_null(strstr(d3, "[redacted]"));
	cs_buf_free(&b);
	cs_report_free(r);
	cs_store_close(s);
	free(longv);
	unlink(path);
}

/*
 * Many chunks of devices (the details are read by a thread, three chunks
 * ahead of the writer): every device's article holds its own
 * observations, in order, and the last device is written.
 */
static void
test_detail_chunks(void **state)
{
	char err[256];
	struct cs_store *s = cs_store_open(":memory:", err, sizeof(err));
	struct cs_scan_info info = {.scope = "127.0.0.0/16",
				    .ports = "80",
				    .options = "{}",
				    .version = "0.1.0",
				    .started = T0,
				    .total_targets = 65536};
	struct cs_report_opts o = {0};
	struct cs_report *r = NULL;
	struct cs_buf b;
	const char *html, *p;
	int64_t scan;
	const int ndev = 4000;

	(void)state;
	assert_non_null(s);
	assert_int_equal(cs_store_scan_begin(s, &info, &scan), 0);
	for (int k = 0; k < ndev; k++) {
		struct cs_obs_list l;
		struct cs_identity id = {0};
		char ip[32], v[48];
		struct cs_host_result h = {.ip = ip, .seen_at = T0 + 1};

		snprintf(ip, sizeof(ip), "127.0.%d.%d", k / 250, k % 250 + 1);
		cs_obs_list_init(&l);
		snprintf(v, sizeof(v), "first-of-%s", ip);
		cs_obs_adds(&l, "http.server", 80, v);
		snprintf(v, sizeof(v), "second-of-%s", ip);
		cs_obs_adds(&l, "http.title", 80, v);
		h.obs = &l;
		h.id = &id;
		assert_int_equal(cs_store_put_host(s, scan, &h), 0);
		cs_obs_list_free(&l);
	}
	assert_int_equal(cs_store_scan_end(s, scan, "complete", T0 + 9), 0);
	o.now = T0 + 100;
	assert_int_equal(cs_report_load(s, &o, &r, err, sizeof(err)), 0);
	cs_buf_init(&b, 1 << 26);
	assert_int_equal(cs_report_write_html(r, &b), 0);
	html = cs_buf_str(&b);
	p = html;
	for (int k = 0; k < ndev; k++) {
		char art[32], ip[32], a[64], z[64];
		const char *next;

		/* devices are in address order: 127.0.0.1 ... */
		snprintf(ip, sizeof(ip), "127.0.%d.%d", k / 250, k % 250 + 1);
		snprintf(art, sizeof(art), "<article id=\"d%d\">", k + 1);
		snprintf(a, sizeof(a), "first-of-%s<", ip);
		snprintf(z, sizeof(z), "second-of-%s<", ip);
		p = strstr(p, art);
		assert_non_null(p);
		snprintf(art, sizeof(art), "<article id=\"d%d\">", k + 2);
		next = strstr(p, art);
		if (next == NULL)
			next = p + strlen(p);
		assert_true(strstr(p, a) != NULL && strstr(p, a) < next);
		assert_true(strstr(p, z) != NULL && strstr(p, z) < next);
		assert_true(strstr(p, a) < strstr(p, z));
	}
	cs_buf_free(&b);
	cs_report_free(r);
	cs_store_close(s);
}

/*
 * The findings read on a second connection (a thread) while the devices
 * load gives the report the one connection gives: the same JSON, with and
 * without the department and site filters that on_finding applies.
 */
static void
test_findings_thread(void **state)
{
	char path[] = "/tmp/cs-report-test-XXXXXX", err[256];
	int fd = mkstemp(path);
	struct cs_store *s, *s2;
	const char *dept[] = {NULL, "CO", "CO"}, *site[] = {NULL, NULL, "LON1"};

	(void)state;
	assert_true(fd >= 0);
	close(fd);
	s = make_store_at(path, true);
	s2 = cs_store_open(path, err, sizeof(err));
	assert_non_null(s2);
	for (size_t k = 0; k < CS_NELEM(dept); k++) {
		struct cs_report_opts o = {0};
		struct cs_report *r1 = NULL, *r2 = NULL;
		struct cs_buf b1, b2;

		o.now = T0 + 100000;
		o.department = dept[k];
		o.site = site[k];
		assert_int_equal(cs_report_load(s, &o, &r1, err, sizeof(err)),
				 0);
		o.findings_store = s2;
		assert_int_equal(cs_report_load(s, &o, &r2, err, sizeof(err)),
				 0);
		cs_buf_init(&b1, 1 << 24);
		cs_buf_init(&b2, 1 << 24);
		assert_int_equal(cs_report_write_json(r1, &b1), 0);
		assert_int_equal(cs_report_write_json(r2, &b2), 0);
		assert_string_equal(cs_buf_str(&b1), cs_buf_str(&b2));
		assert_non_null(strstr(cs_buf_str(&b2), "\"obligation\":\"3\""));
		cs_buf_free(&b1);
		cs_buf_free(&b2);
		cs_report_free(r1);
		cs_report_free(r2);
	}
	/* an unknown site is still refused with the findings read aside */
	{
		struct cs_report_opts o = {0};
		struct cs_report *r = NULL;

		o.now = T0 + 100000;
		o.site = "NOPE";
		o.findings_store = s2;
		assert_int_equal(cs_report_load(s, &o, &r, err, sizeof(err)),
				 CS_EINVAL);
		assert_null(r);
	}
	cs_store_close(s2);
	cs_store_close(s);
	unlink(path);
}

static void
test_no_assessment(void **state)
{
	struct cs_store *s = make_store(false);
	struct cs_report *r = load(s);
	struct cs_report_opts o = {0};
	struct cs_report *r2 = NULL;
	struct cs_buf b;
	char err[256];

	(void)state;
	cs_buf_init(&b, 1 << 24);
	assert_int_equal(cs_report_write_json(r, &b), 0);
	assert_non_null(strstr(cs_buf_str(&b), "\"findings\": null"));
	cs_buf_reset(&b);
	assert_int_equal(cs_report_write_html(r, &b), 0);
	assert_non_null(strstr(cs_buf_str(&b), "No assessment recorded"));
	cs_buf_reset(&b);
	assert_int_equal(cs_report_write_csv_findings(r, &b), 0);
	/* Only the header line. */
	assert_ptr_equal(strchr(cs_buf_str(&b), '\n') + 1,
			 cs_buf_str(&b) + b.len);
	/* A site filter needs an assessment. */
	o.site = "LON1";
	assert_int_equal(cs_report_load(s, &o, &r2, err, sizeof(err)),
			 CS_EINVAL);
	assert_null(r2);
	/* As of a day before the second scan: the first one. */
	o.site = NULL;
	assert_int_equal(cs_report_parse_date("2024-05-01", &o.as_of), 0);
	assert_int_equal(cs_report_load(s, &o, &r2, err, sizeof(err)), 0);
	assert_int_equal(cs_report_device_count(r2), 1);
	cs_report_free(r2);
	cs_buf_free(&b);
	cs_report_free(r);
	cs_store_close(s);
}

/*
 * Surveillance presumed from the maker (makers.tsv cctv=mostly: a Dahua MAC
 * alone, class unknown) is shown as presumed in every format, after the
 * store's round trip (which keeps the evidence line, not the flag).
 */
static void
test_presumed(void **state)
{
	char err[256];
	struct cs_store *s = cs_store_open(":memory:", err, sizeof(err));
	struct cs_scan_info info = {.scope = "127.0.0.0/24",
				    .exclusions = "",
				    .ports = "80",
				    .options = "{}",
				    .vantage = "host",
				    .version = "0.1.0",
				    .started = T0,
				    .total_targets = 256};
	struct cs_obs_list l;
	struct cs_identity id;
	struct cs_host_result h = {0};
	uint16_t ports[] = {80};
	struct cs_report *r;
	struct cs_buf b;
	int64_t scan;

	(void)state;
	assert_non_null(s);
	info.started = T0;
	assert_int_equal(cs_store_scan_begin(s, &info, &scan), 0);
	cs_obs_list_init(&l);
	cs_obs_adds(&l, "mac.maker", 0, "Dahua");
	memset(&id, 0, sizeof(id));
	cs_strlcpy(id.manufacturer, "Dahua", sizeof(id.manufacturer));
	cs_strlcpy(id.manufacturer_country, "CN",
		   sizeof(id.manufacturer_country));
	id.device_class = CS_CLASS_UNKNOWN;
	id.surveillance = id.surveillance_known = true;
	id.surveillance_presumed = true;
	id.confidence = 0.4;
	ev(&id, "manufacturer", "Dahua", "mac-oui-maker", "mac.maker", 0, 0.4,
	   "Dahua");
	ev(&id, "surveillance", "yes (presumed)", "maker:mostly-video", "", 0,
	   0.5, "Dahua mostly video: annual report (SZSE 002236)");
	h.ip = "127.0.0.11";
	h.ports = ports;
	h.nports = CS_NELEM(ports);
	h.obs = &l;
	h.id = &id;
	h.seen_at = T0 + 1;
	assert_int_equal(cs_store_put_host(s, scan, &h), 0);
	cs_obs_list_free(&l);
	assert_int_equal(cs_store_scan_end(s, scan, "complete", T0 + 60), 0);
	r = load(s);
	cs_buf_init(&b, 1 << 24);
	assert_int_equal(cs_report_write_json(r, &b), 0);
	assert_non_null(
	    strstr(cs_buf_str(&b), "\"surveillance_basis\":\"presumed\""));
	cs_buf_reset(&b);
	assert_int_equal(cs_report_write_csv_devices(r, &b), 0);
	assert_non_null(strstr(cs_buf_str(&b), ",yes (presumed from maker),"));
	cs_buf_reset(&b);
	assert_int_equal(cs_report_write_html(r, &b), 0);
	assert_non_null(strstr(cs_buf_str(&b), "yes, presumed from maker"));
	/* The evidence line itself is printed with the rest. */
	assert_non_null(strstr(cs_buf_str(&b), "maker:mostly-video"));
	cs_buf_free(&b);
	cs_report_free(r);
	cs_store_close(s);
}

/*
 * Issue #20: a report refuses to show the newest scan beside findings
 * assessed on an older one (it showed 32 hosts next to 121 findings),
 * unless told; --site/--department that the assessment does not know are
 * errors (a typo rendered an empty report and exited 0).
 */
static void
test_stale_and_filters(void **state)
{
	struct cs_store *s = make_store(true);
	struct cs_report_opts o = {0};
	struct cs_report *r = NULL;
	struct cs_finding_row f;
	struct cs_assessment a;
	struct cs_buf b;
	int64_t s1, s2;
	char err[512], sites[] = "LON1,MAN2", depts[] = "CO";

	(void)state;
	assert_int_equal(cs_store_first_scan(s, &s1), 0);
	assert_int_equal(cs_store_latest_scan(s, &s2), 0);
	o.now = T0 + 100000;
	/* Findings of the newest scan: fine, and the report names it. */
	assert_int_equal(cs_report_load(s, &o, &r, err, sizeof(err)), 0);
	cs_report_free(r);
	/* A typo in --site or --department is an error, not an empty
	 * report. */
	o.site = "LON";
	assert_int_equal(cs_report_load(s, &o, &r, err, sizeof(err)),
			 CS_EINVAL);
	assert_non_null(strstr(err, "unknown site 'LON'"));
	o.site = "LON1";
	assert_int_equal(cs_report_load(s, &o, &r, err, sizeof(err)), 0);
	cs_report_free(r);
	o.site = NULL;
	o.department = "C0";
	assert_int_equal(cs_report_load(s, &o, &r, err, sizeof(err)),
			 CS_EINVAL);
	assert_non_null(strstr(err, "unknown department 'C0'"));
	o.department = NULL;
	/* The assessment of the older scan, and the report of the newest:
	 * refused, naming both scans. */
	assert_int_equal(cs_store_finding_get(s, 1, &f), 0);
	memset(&a, 0, sizeof(a));
	a.scan_id = s1;
	a.assessed_at = T0 + 200;
	cs_strlcpy(a.as_of, "2024-05-01", sizeof(a.as_of));
	cs_strlcpy(a.estate_sha256, "ab", sizeof(a.estate_sha256));
	a.sites = sites;
	a.departments = depts;
	assert_int_equal(cs_store_assessment_put(s, &a), 0);
	assert_int_equal(cs_report_load(s, &o, &r, err, sizeof(err)),
			 CS_REPORT_ESTALE);
	assert_null(r);
	assert_non_null(strstr(err, "assessed on scan"));
	/* --scan of the assessed scan: fine. */
	o.scan_id = s1;
	assert_int_equal(cs_report_load(s, &o, &r, err, sizeof(err)), 0);
	cs_report_free(r);
	/* A site of the recorded estate with no finding is known; one it
	 * does not have is not. */
	o.site = "MAN2";
	assert_int_equal(cs_report_load(s, &o, &r, err, sizeof(err)), 0);
	assert_int_equal(cs_report_device_count(r), 0);
	cs_report_free(r);
	o.site = "MAN3";
	assert_int_equal(cs_report_load(s, &o, &r, err, sizeof(err)),
			 CS_EINVAL);
	assert_non_null(strstr(err, "LON1,MAN2"));
	o.site = NULL;
	/* Told: the newest scan with the older findings, marked stale. */
	o.scan_id = 0;
	o.allow_stale = true;
	assert_int_equal(cs_report_load(s, &o, &r, err, sizeof(err)), 0);
	cs_buf_init(&b, 1 << 24);
	assert_int_equal(cs_report_write_json(r, &b), 0);
	assert_non_null(strstr(cs_buf_str(&b), "\"stale\": true"));
	cs_buf_reset(&b);
	assert_int_equal(cs_report_write_html(r, &b), 0);
	assert_non_null(strstr(cs_buf_str(&b), "STALE"));
	cs_buf_free(&b);
	cs_report_free(r);
	cs_store_close(s);
}

/* Counts the occurrences of needle in hay. */
static size_t
count_of(const char *hay, const char *needle)
{
	size_t n = 0;

	for (const char *p = hay; (p = strstr(p, needle)) != NULL; p++)
		n++;
	return n;
}

/*
 * Issue #20: the board paper and the full report's annex.  Deadlines that
 * have passed are overdue and come first; one row per device with its
 * obligations; addresses in numeric order (127.0.0.9 before 127.0.0.10);
 * names, not ids; the PRC legend only on the maker charts; the
 * provenance (version, data, registry, estate hash, assessment time) in
 * the print margins of every page.
 */
static void
test_board(void **state)
{
	struct cs_store *s = make_store(true);
	struct cs_report_opts o = {0};
	struct cs_report *r = NULL;
	struct cs_finding_row f;
	struct cs_assessment a;
	struct cs_buf b;
	const char *html, *annex, *p, *q;
	int64_t s2;
	char err[512], sites[] = "LON1", depts[] = "CO";

	(void)state;
	assert_int_equal(cs_store_latest_scan(s, &s2), 0);
	/* A second obligation for .10, and a finding for .9 at the same
	 * site. */
	assert_int_equal(cs_store_finding_get(s, 1, &f), 0);
	cs_strlcpy(f.key, "127.0.0.10|uk-gsg-2022|1", sizeof(f.key));
	cs_strlcpy(f.obligation, "1", sizeof(f.obligation));
	cs_strlcpy(f.action_text, "cease deployment", sizeof(f.action_text));
	f.deadline[0] = '\0';
	cs_strlcpy(f.evidence, "Identity: Hikvision (CN) camera. Covered: x.",
		   sizeof(f.evidence));
	assert_int_equal(cs_store_finding_put(s, &f, NULL, NULL), 0);
	cs_strlcpy(f.key, "127.0.0.9|uk-gsg-2022|1", sizeof(f.key));
	cs_strlcpy(f.ip, "127.0.0.9", sizeof(f.ip));
	assert_int_equal(cs_store_finding_put(s, &f, NULL, NULL), 0);
	memset(&a, 0, sizeof(a));
	a.scan_id = s2;
	a.assessed_at = T0 + 90000;
	cs_strlcpy(a.estate_sha256,
		   "0123456789abcdef0123456789abcdef0123456789abcdef0123456789"
		   "abcdef",
		   sizeof(a.estate_sha256));
	cs_strlcpy(a.estate_file, "estate.txt", sizeof(a.estate_file));
	cs_strlcpy(a.data_version, "sha256:feedfacecafebeef",
		   sizeof(a.data_version));
	a.sites = sites;
	a.departments = depts;
	assert_int_equal(cs_store_assessment_put(s, &a), 0);

	/* As of 1 June 2025 the 30 April 2025 deadline has passed. */
	assert_int_equal(cs_report_parse_date("2025-06-01", &o.now), 0);
	o.tool_version = "9.9.9";
	o.summary = true;
	assert_int_equal(cs_report_load(s, &o, &r, err, sizeof(err)), 0);
	cs_buf_init(&b, 1 << 24);
	assert_int_equal(cs_report_write_html(r, &b), 0);
	html = cs_buf_str(&b);
	assert_non_null(strstr(html, "What each obligation requires"));
	assert_non_null(strstr(html, "overdue 32 days"));
	/* Overdue first: obligation 3 (deadline passed) before 1. */
	p = strstr(html, "UK WMS HCWS386 3</td>");
	q = strstr(html, "UK WMS HCWS386 1</td>");
	assert_non_null(p);
	assert_non_null(q);
	assert_true(p < q);
	/* Provenance in the print margins, and the A4 page. */
	assert_non_null(strstr(html, "@page{size:A4"));
	assert_non_null(strstr(html, "camsweep 9.9.9; data "
				     "sha256:feedfacecafebeef; "));
	assert_non_null(strstr(html, "estate 0123456789abcdef; scan 2; "
				     "assessment 2024-05-02T09:00:00Z"));
	/* Names, not ids. */
	assert_non_null(strstr(html, "London HQ"));
	assert_non_null(strstr(html, "Cabinet Office"));
	/* The summary is the board paper only: no annex. */
	assert_null(strstr(html, "Annex"));
	cs_report_free(r);

	/* The full report: the annex has one row per device, in numeric
	 * order, with both obligations of .10 in it. */
	o.summary = false;
	assert_int_equal(cs_report_load(s, &o, &r, err, sizeof(err)), 0);
	cs_buf_reset(&b);
	assert_int_equal(cs_report_write_html(r, &b), 0);
	html = cs_buf_str(&b);
	annex = strstr(html, "Annex: devices with findings, by site");
	assert_non_null(annex);
	/* ... up to the end of that section */
	{
		static char sect[1 << 16];
		const char *e = strstr(annex, "</section>");
		assert_non_null(e);
		assert_true((size_t)(e - annex) < sizeof(sect));
		memcpy(sect, annex, (size_t)(e - annex));
		sect[e - annex] = '\0';
		annex = sect;
	}
	p = strstr(annex, "<td>127.0.0.9</td>");
	q = strstr(annex, "<td>127.0.0.10</td>");
	assert_non_null(p);
	assert_non_null(q);
	assert_true(p < q);
	assert_int_equal(count_of(annex, "<td>127.0.0.10</td>"), 1);
	p = strstr(q, "</tr>");
	assert_non_null(p);
	assert_true(strstr(q, "UK WMS HCWS386 1") < p);
	assert_true(strstr(q, "UK WMS HCWS386 3") < p);
	/* The PRC legend on the maker charts, not on sensitivity or zone. */
	p = strstr(html, "Devices with findings by site sensitivity");
	assert_non_null(p);
	q = strstr(p, "</section>");
	assert_non_null(q);
	assert_true(strstr(p, "PRC-made</text>") == NULL ||
		    strstr(p, "PRC-made</text>") > q);
	assert_non_null(strstr(html, "PRC-made</text>"));
	cs_buf_free(&b);
	cs_report_free(r);
	cs_store_close(s);
}

/* cs_report_parse_time: --now as epoch seconds or a date. */
static void
test_parse_time(void **state)
{
	static const struct {
		const char *in;
		int rc;
		int64_t want;
	} t[] = {
	    {"1", 0, 1},
	    {"1714550400", 0, 1714550400},
	    {"253402300799", 0, 253402300799},
	    {"253402300800", CS_EINVAL, 0},
	    {"0", CS_EINVAL, 0},
	    {"-5", CS_EINVAL, 0},
	    {"1970-01-01", 0, 86399},
	    {"2024-05-01T08:00:00Z", 0, T0},
	    {"2023-02-29", CS_EINVAL, 0},
	    {"12abc", CS_EINVAL, 0},
	    {"", CS_EINVAL, 0},
	};

	(void)state;
	for (size_t i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		int64_t v = -1;
		int rc = cs_report_parse_time(t[i].in, &v);

		if (rc != t[i].rc || (rc == 0 && v != t[i].want))
			fail_msg("'%s': rc %d value %lld", t[i].in, rc,
				 (long long)v);
	}
	assert_int_equal(cs_report_parse_time(NULL, &(int64_t){0}),
			 CS_EINVAL);
}

static void
test_dates(void **state)
{
	int64_t t;
	enum cs_report_format f;

	(void)state;
	assert_int_equal(cs_report_parse_date("1970-01-01", &t), 0);
	assert_int_equal(t, 86399);
	assert_int_equal(cs_report_parse_date("2024-05-01T08:00:00Z", &t), 0);
	assert_int_equal(t, T0);
	assert_int_equal(cs_report_parse_date("2023-02-29", &t), CS_EINVAL);
	assert_int_equal(cs_report_parse_date("2024-02-29", &t), 0);
	assert_int_equal(cs_report_parse_date("2024-13-01", &t), CS_EINVAL);
	assert_int_equal(cs_report_parse_date("2024-05-1", &t), CS_EINVAL);
	assert_int_equal(cs_report_parse_date("", &t), CS_EINVAL);
	assert_int_equal(cs_report_format_parse("csv", &f), 0);
	assert_int_equal(f, CS_REPORT_CSV);
	assert_int_equal(cs_report_format_parse("pdf", &f), CS_EINVAL);
}

/* The MAC registry files are stated in JSON and HTML, escaped; only when
 * given. */
static void
test_registry(void **state)
{
	static const struct cs_report_registry reg[] = {
	    {"/usr/share/ieee-data/oui.csv", "2022-08-27", "mtime", 32530},
	    {"/home/u/<b>\"x\"</b>/oui.csv", "2025-06-01", "mtime", 2},
	    {"/usr/share/wireshark/manuf", "2024-08-25", "in-file", 52417},
	};
	struct cs_store *s = make_store(false);
	struct cs_report_opts o = {0};
	struct cs_report *r = NULL;
	struct cs_buf b;
	char err[256];

	(void)state;
	o.now = T0 + 100000;
	assert_int_equal(cs_report_load(s, &o, &r, err, sizeof(err)), 0);
	cs_buf_init(&b, CS_REPORT_MAX_OUTPUT);
	assert_int_equal(cs_report_write_json(r, &b), 0);
	assert_null(strstr(cs_buf_str(&b), "mac_registry"));
	cs_buf_reset(&b);
	assert_int_equal(cs_report_write_html(r, &b), 0);
	assert_null(strstr(cs_buf_str(&b), "MAC registry files"));
	cs_report_free(r);

	o.registry = reg;
	o.nregistry = 3;
	assert_int_equal(cs_report_load(s, &o, &r, err, sizeof(err)), 0);
	cs_buf_reset(&b);
	assert_int_equal(cs_report_write_json(r, &b), 0);
	assert_non_null(
	    strstr(cs_buf_str(&b),
		   "\"mac_registry\": [\n    {\"file\":\"/usr/share/ieee-data/"
		   "oui.csv\",\"date\":\"2022-08-27\",\"date_from\":\"mtime\","
		   "\"assignments\":32530}"));
	assert_non_null(strstr(cs_buf_str(&b), "\"date_from\":\"in-file\""));
	assert_non_null(strstr(cs_buf_str(&b), "<b>\\\"x\\\"</b>"));
	cs_buf_reset(&b);
	assert_int_equal(cs_report_write_html(r, &b), 0);
	assert_non_null(strstr(cs_buf_str(&b), "MAC registry files"));
	assert_non_null(strstr(cs_buf_str(&b),
			       "<td>/usr/share/wireshark/manuf</td><td>"
			       "2024-08-25</td><td>in-file</td>"));
	assert_null(strstr(cs_buf_str(&b), "<b>\""));
	assert_non_null(strstr(cs_buf_str(&b), "&lt;b&gt;"));
	cs_buf_free(&b);
	cs_report_free(r);
	cs_store_close(s);
}

/* A sink that collects the chunks it is given, or refuses after some. */
struct chunks {
	struct cs_buf all;
	size_t calls, biggest, fail_after;
};

static int
collect(void *arg, const void *p, size_t n)
{
	struct chunks *c = arg;

	assert_true(n > 0);
	if (c->fail_after && c->calls == c->fail_after)
		return -1;
	c->calls++;
	c->biggest = CS_MAX(c->biggest, n);
	return cs_buf_add(&c->all, p, n);
}

/* A streamed document is the in-memory one byte for byte, delivered in
 * chunks about the sink's size; a refusing sink stops the writer. */
static void
test_stream(void **state)
{
	static const enum cs_report_part parts[] = {
	    CS_REPORT_PART_HTML, CS_REPORT_PART_JSON,
	    CS_REPORT_PART_CSV_DEVICES, CS_REPORT_PART_CSV_FINDINGS};
	struct cs_store *s = make_store(true);
	struct cs_report *r = load(s);
	struct cs_buf b;

	(void)state;
	cs_buf_init(&b, CS_REPORT_MAX_OUTPUT);
	for (size_t i = 0; i < CS_NELEM(parts); i++) {
		struct chunks c = {0};
		struct cs_report_sink k = {collect, &c, 256};
		int rc;

		cs_buf_reset(&b);
		switch (parts[i]) {
		case CS_REPORT_PART_HTML:
			rc = cs_report_write_html(r, &b);
			break;
		case CS_REPORT_PART_JSON:
			rc = cs_report_write_json(r, &b);
			break;
		case CS_REPORT_PART_CSV_DEVICES:
			rc = cs_report_write_csv_devices(r, &b);
			break;
		default:
			rc = cs_report_write_csv_findings(r, &b);
			break;
		}
		assert_int_equal(rc, 0);
		cs_buf_init(&c.all, CS_REPORT_MAX_OUTPUT);
		assert_int_equal(cs_report_stream(r, parts[i], &k), 0);
		assert_int_equal(c.all.len, b.len);
		assert_memory_equal(c.all.p, b.p, b.len);
		/* Several chunks, none far beyond the chunk size (the
		 * biggest piece of these documents is the CSS). */
		assert_true(c.calls >= b.len / 4096);
		assert_true(c.biggest < 256 + 8192);
		cs_buf_free(&c.all);

		/* The sink refuses its third chunk: CS_EIO, nothing more. */
		memset(&c, 0, sizeof(c));
		cs_buf_init(&c.all, CS_REPORT_MAX_OUTPUT);
		c.fail_after = 2;
		if (b.len > 3 * 256 + 8192) {
			assert_int_equal(cs_report_stream(r, parts[i], &k),
					 CS_EIO);
			assert_int_equal(c.calls, 2);
		}
		cs_buf_free(&c.all);
	}
	assert_int_equal(cs_report_stream(r, CS_REPORT_PART_JSON, NULL),
			 CS_EINVAL);
	cs_buf_free(&b);
	cs_report_free(r);
	cs_store_close(s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_registry),
	    cmocka_unit_test(test_parse_time),
	    cmocka_unit_test(test_golden),
	    cmocka_unit_test(test_hostile),
	    cmocka_unit_test(test_placed),
	    cmocka_unit_test(test_no_assessment),
	    cmocka_unit_test(test_presumed),
	    cmocka_unit_test(test_stale_and_filters),
	    cmocka_unit_test(test_board),
	    cmocka_unit_test(test_dates),
	    cmocka_unit_test(test_stream),
	    cmocka_unit_test(test_detail_observations),
	    cmocka_unit_test(test_findings_thread),
	    cmocka_unit_test(test_detail_chunks),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
