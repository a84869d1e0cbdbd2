/* SPDX-License-Identifier: ISC */
/*
 * The console's pages (src/serve/pages.c) fed the hostile camsim fleet's
 * strings (data/camsim/profiles/hostile-strings.json, tests/report): every
 * one must come out as escaped element text, never inside a tag (an
 * attribute, a URL), never as a script; raw bytes show as \xNN; the CSRF
 * field is written only for a hex token; the overview embeds the report's
 * counts and SVG charts.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/alloc.h"
#include "core/buf.h"
#include "core/escape.h"
#include "core/obs.h"
#include "core/str.h"
#include "serve/pages.h"
#include "core/poison.h"

#define T0 1714550400 /* 2024-05-01T08:00:00Z */

/* The hostile profile's strings, as camsim sends them. */
static const char h_realm[] =
    "<script>document.title='PWNED-REALM';var m=document.createElement("
    "'div');m.id='pwned-marker';document.documentElement.appendChild(m)"
    "</script>";
static const char h_title[] =
    "<img src=x onerror=\"var m=document.createElement('div');m.id='pwned-"
    "marker';document.body.appendChild(m);document.title='PWNED-TITLE'\"> "
    "\x1b[2J\x1b]0;PWNED-TERM\x07 =HYPERLINK(\"http://x.invalid\",\"y\")";
static const char h_brand[] =
    "<a href=\"javascript:document.title='PWNED-JS'\">HIKVISION</a>";
static const char h_server[] =
    "App-webs/ <script>document.title='PWNED-SERVER'</script> "
    "\x1b[31mRED\xff\xfe\xc3\x28\x1b[0m @cmd";
static const char h_model[] =
    "+SUM(1;2) <img src=x onerror=\"document.title='PWNED-IMG'\">";
/* A person's text that tries to leave an attribute value (the plan form
 * shows it in value="..."; a device's text never goes there). */
static const char h_owner[] = "\"><script>evil('OWNER')</script><b x=\"";

/* Text that must never appear inside a tag (between < and >). */
static const char *const markers[] = {"PWNED",     "javascript", "onerror",
				      "HYPERLINK", "pwned",      "alert("};

/*
 * Walks the HTML: no marker inside any tag, no <script other than the
 * page's own client, no control byte but \n, valid UTF-8 throughout.
 */
static void
assert_inert(const char *html)
{
	const char *p = html;
	size_t n = strlen(html);

	for (size_t i = 0; i < n;) {
		unsigned long cp;
		size_t k =
		    cs_utf8_seq((const unsigned char *)html + i, n - i, &cp);

		assert_true(k > 0);
		if (k == 1)
			assert_true(html[i] == '\n' ||
				    ((unsigned char)html[i] >= 0x20 &&
				     html[i] != 0x7f));
		i += k;
	}
	while ((p = strchr(p, '<')) != NULL) {
		const char *e = strchr(p, '>');
		char tag[4096];
		size_t len;

		assert_non_null(e);
		len = (size_t)(e - p) + 1;
		assert_true(len < sizeof(tag));
		memcpy(tag, p, len);
		tag[len] = '\0';
		for (size_t m = 0; m < CS_NELEM(markers); m++)
			if (strstr(tag, markers[m]) != NULL)
				fail_msg("marker %s inside a tag: %s",
					 markers[m], tag);
		if (strncmp(tag, "<script", 7) == 0)
			assert_string_equal(
			    tag, "<script src=\"/static/events.js\" defer>");
		/* no attribute value may hold an unescaped quote or angle
		 * bracket: a tag has an even number of double quotes */
		{
			size_t q = 0;
			for (const char *t = tag; *t; t++)
				q += *t == '"';
			assert_true(q % 2 == 0);
		}
		p = e + 1;
	}
}

static void
ev(struct cs_identity *id, const char *field, const char *claim,
   const char *rule, const char *key, uint16_t port, const char *value)
{
	struct cs_evidence *e = &id->ev[id->nev++];

	cs_strlcpy(e->field, field, sizeof(e->field));
	cs_strlcpy(e->claim, claim, sizeof(e->claim));
	cs_strlcpy(e->rule, rule, sizeof(e->rule));
	cs_strlcpy(e->obs_key, key, sizeof(e->obs_key));
	e->port = port;
	e->weight = 0.8;
	cs_strlcpy(e->value, value, sizeof(e->value));
}

static void
hostile_row(struct cs_device_row *d)
{
	memset(d, 0, sizeof(*d));
	d->device_id = 42;
	cs_strlcpy(d->ip, "127.0.0.10", sizeof(d->ip));
	d->ports[0] = 80;
	d->ports[1] = 554;
	d->nports = 2;
	cs_strlcpy(d->id.manufacturer, "Hikvision", sizeof(d->id.manufacturer));
	cs_strlcpy(d->id.manufacturer_country, "CN",
		   sizeof(d->id.manufacturer_country));
	cs_strlcpy(d->id.brand, h_brand, sizeof(d->id.brand));
	cs_strlcpy(d->id.model, h_model, sizeof(d->id.model));
	cs_strlcpy(d->id.firmware, h_server, sizeof(d->id.firmware));
	d->id.device_class = CS_CLASS_CAMERA;
	d->id.surveillance = d->id.surveillance_known = true;
	d->id.confidence = 0.97;
	cs_strlcpy(d->mac, "<b>mac</b>", sizeof(d->mac));
	cs_strlcpy(d->serial, h_realm, sizeof(d->serial));
	ev(&d->id, "manufacturer", "Hikvision", "hik-server", "http.server", 80,
	   h_server);
	ev(&d->id, "model", h_model, "onvif-model", "onvif.model", 80, h_model);
	ev(&d->id, "brand", h_brand, "<rule\">", "http.title", 80, h_title);
	d->natt = 1;
	d->att[0].channel = 1;
	cs_strlcpy(d->att[0].name, h_title, sizeof(d->att[0].name));
	cs_strlcpy(d->att[0].model, h_realm, sizeof(d->att[0].model));
	d->first_seen = T0;
	d->last_seen = T0 + 60;
}

static void
hostile_finding(struct cs_finding_row *f)
{
	memset(f, 0, sizeof(*f));
	f->id = 7;
	f->device_id = 42;
	cs_strlcpy(f->ip, "127.0.0.10", sizeof(f->ip));
	cs_strlcpy(f->manufacturer, h_brand, sizeof(f->manufacturer));
	cs_strlcpy(f->model, h_model, sizeof(f->model));
	cs_strlcpy(f->site, "sa", sizeof(f->site));
	cs_strlcpy(f->site_name, "<i>Site A</i>", sizeof(f->site_name));
	cs_strlcpy(f->department, "ho", sizeof(f->department));
	cs_strlcpy(f->department_name, "Home Office",
		   sizeof(f->department_name));
	cs_strlcpy(f->regime, "uk-gsg-2022", sizeof(f->regime));
	cs_strlcpy(f->obligation, "3", sizeof(f->obligation));
	f->severity = CS_SEV_CRITICAL;
	cs_strlcpy(f->action_text, "Remove and replace",
		   sizeof(f->action_text));
	cs_strlcpy(f->status, "planned", sizeof(f->status));
	cs_strlcpy(f->owner, h_owner, sizeof(f->owner));
	cs_strlcpy(f->due, "2025-01-31", sizeof(f->due));
	cs_strlcpy(f->note, "x\" onfocus=\"evil(1)", sizeof(f->note));
	f->sensitive = true;
}

static const struct cs_page_ctx ctx = {
    .user = "<img src=x onerror=alert(1)>",
    .csrf = "0123456789abcdef0123456789abcdef",
    .scope = "site sa",
};

static void
test_device_list(void **state)
{
	struct cs_buf b;
	struct cs_device_row *d = calloc(1, sizeof(*d));
	const char *s;

	(void)state;
	assert_non_null(d);
	hostile_row(d);
	cs_buf_init(&b, 1 << 20);
	assert_int_equal(cs_page_devices_begin(&b, &ctx, 3), 0);
	assert_int_equal(cs_page_devices_row(&b, d), 0);
	assert_int_equal(cs_page_devices_end(&b, 1, 0), 0);
	s = cs_buf_str(&b);
	assert_inert(s);
	/* the device's link is its numeric id; its strings are text */
	assert_non_null(strstr(s, "<a href=\"/devices/42\">42</a>"));
	assert_non_null(strstr(
	    s, "&lt;a href=&quot;javascript:document.title=&#39;PWNED-JS"));
	assert_non_null(strstr(s, "+SUM(1;2) &lt;img src=x onerror="));
	/* the user's name is escaped too */
	assert_non_null(
	    strstr(s, "&lt;img src=x onerror=alert(1)&gt; (site sa)"));
	assert_non_null(strstr(s, "class=\"prc\""));
	cs_buf_free(&b);
	free(d);
}

static void
test_device_page(void **state)
{
	struct cs_buf b;
	struct cs_device_row *d = calloc(1, sizeof(*d));
	struct cs_finding_row *f = calloc(1, sizeof(*f));
	struct cs_obs_list l;
	const char *s;

	(void)state;
	assert_non_null(d);
	assert_non_null(f);
	hostile_row(d);
	hostile_finding(f);
	cs_obs_list_init(&l);
	cs_obs_adds(&l, "http.server", 80, h_server);
	cs_obs_adds(&l, "http.title", 80, h_title);
	cs_obs_adds(&l, "<key onload=x>", 0, h_realm);
	assert_int_equal(l.n, 3);
	cs_buf_init(&b, 1 << 20);
	assert_int_equal(cs_page_device(&b, &ctx, 3, d, l.v, l.n, f, 1), 0);
	s = cs_buf_str(&b);
	assert_inert(s);
	assert_non_null(strstr(s, "<title>camsweep: Device 42</title>"));
	/* ESC and invalid bytes visible as \xNN, angle brackets as text */
	assert_non_null(strstr(s, "\\x1b[31mRED\\xff\\xfe\\xc3(\\x1b[0m"));
	assert_non_null(
	    strstr(s, "&lt;script&gt;document.title=&#39;PWNED-SERVER&#39;"));
	assert_non_null(strstr(s, "\\x1b[2J\\x1b]0;PWNED-TERM\\x07"));
	/* the evidence links to the observation by position only */
	assert_non_null(strstr(s, "<a href=\"#o1\">http.server [1]</a>"));
	assert_non_null(strstr(s, "&lt;key onload=x&gt;"));
	assert_non_null(strstr(s, "<a href=\"/findings#f7\">7</a>"));
	assert_null(strstr(s, "\x1b"));
	assert_null(strstr(s, "\xff"));
	cs_buf_free(&b);
	cs_obs_list_free(&l);
	free(d);
	free(f);
}

/* A device only the switches know, its switch's strings hostile. */
static void
hostile_placed(struct cs_device_row *d, struct cs_placement_row *p)
{
	hostile_row(d);
	d->ip[0] = '\0';
	d->nports = 0;
	d->natt = 0;
	d->id.nev = 0;
	d->id.device_class = CS_CLASS_UNKNOWN;
	d->id.surveillance = d->id.surveillance_known = false;
	cs_strlcpy(d->mac, "c0:56:e3:5a:00:05", sizeof(d->mac));
	memset(p, 0, sizeof(*p));
	cs_strlcpy(p->mac, d->mac, sizeof(p->mac));
	cs_strlcpy(p->sw, "edge-sw1", sizeof(p->sw));
	cs_strlcpy(p->port, "Gi1/0/5<script>x()</script>\"&", sizeof(p->port));
	p->vlan = 10;
	cs_strlcpy(p->poe, "delivering", sizeof(p->poe));
	cs_strlcpy(p->neighbour, h_model, sizeof(p->neighbour));
	cs_strlcpy(p->oui, h_brand, sizeof(p->oui));
	p->seen_at = T0;
	p->device_id = d->device_id;
}

static void
test_device_placed(void **state)
{
	struct cs_buf b;
	struct cs_device_row *d = calloc(1, sizeof(*d));
	struct cs_finding_row *f = calloc(1, sizeof(*f));
	struct cs_placement_row p;
	const char *s;

	(void)state;
	assert_non_null(d);
	assert_non_null(f);
	hostile_placed(d, &p);
	hostile_finding(f);
	f->ip[0] = '\0';
	/* the list: named by its MAC, its port where the ports would be */
	cs_buf_init(&b, 1 << 20);
	assert_int_equal(cs_page_devices_begin(&b, &ctx, 3), 0);
	assert_int_equal(cs_page_devices_placed_row(&b, d, &p), 0);
	assert_int_equal(cs_page_devices_end(&b, 1, 0), 0);
	s = cs_buf_str(&b);
	assert_inert(s);
	assert_null(strstr(s, "<script>x()"));
	assert_non_null(strstr(s, "<a href=\"/devices/42\">42</a></td><td>"
				  "c0:56:e3:5a:00:05</td>"));
	assert_non_null(
	    strstr(s, "known only from its switch edge-sw1 port "
		      "Gi1/0/5&lt;script&gt;x()&lt;/script&gt;&quot;&amp; "
		      "VLAN 10 PoE delivering LLDP +SUM(1;2) &lt;img"));
	/* an address from a router's ARP table names it instead */
	cs_buf_reset(&b);
	cs_strlcpy(d->ip, "127.0.0.11", sizeof(d->ip));
	assert_int_equal(cs_page_devices_placed_row(&b, d, &p), 0);
	assert_non_null(strstr(cs_buf_str(&b), "<td>127.0.0.11</td>"));
	d->ip[0] = '\0';
	/* its page: the placement as the evidence of where it is */
	cs_buf_reset(&b);
	assert_int_equal(cs_page_device_placed(&b, &ctx, 3, d, &p, f, 1), 0);
	s = cs_buf_str(&b);
	assert_inert(s);
	assert_null(strstr(s, "<script>x()"));
	assert_null(strstr(s, "Raw observations"));
	assert_non_null(strstr(s, "<title>camsweep: Device 42</title>"));
	assert_non_null(strstr(s, "<p class=\"sub\">c0:56:e3:5a:00:05: a "
				  "device only the switches know"));
	assert_non_null(strstr(s, "<dt>Address</dt><dd>none</dd>"));
	assert_non_null(strstr(s, "<h2>Where it is plugged in</h2>"));
	assert_non_null(strstr(s, "<dt>Switch</dt><dd>edge-sw1</dd>"));
	assert_non_null(strstr(s, "<dt>Port</dt><dd>Gi1/0/5&lt;script&gt;"));
	assert_non_null(strstr(s, "<dt>VLAN</dt><dd>10</dd>"));
	assert_non_null(strstr(s, "<dt>PoE</dt><dd>delivering</dd>"));
	assert_non_null(strstr(s, "<dt>MAC registrant</dt><dd>&lt;a href="));
	assert_non_null(strstr(s, "<a href=\"/findings#f7\">7</a>"));
	cs_buf_free(&b);
	free(d);
	free(f);
}

static void
test_findings(void **state)
{
	struct cs_buf b;
	struct cs_finding_row *f = calloc(1, sizeof(*f));
	struct cs_page_ctx bad = ctx;
	const char *s;

	(void)state;
	assert_non_null(f);
	hostile_finding(f);
	cs_buf_init(&b, 1 << 20);
	assert_int_equal(cs_page_findings_begin(&b, &ctx), 0);
	assert_int_equal(cs_page_findings_row(&b, &ctx, f), 0);
	assert_int_equal(cs_page_findings_end(&b, 1, 3), 0);
	s = cs_buf_str(&b);
	assert_inert(s);
	assert_non_null(strstr(s,
			       "<form class=\"plan\" id=\"plan-7\" "
			       "method=\"post\" action=\"/findings/7/"
			       "plan\"><input type=\"hidden\" name=\"csrf\" "
			       "value=\"0123456789abcdef0123456789abcdef\">"));
	/* the owner and note stay inside their value="..." */
	assert_non_null(strstr(s,
			       "name=\"owner\" maxlength=\"63\" value=\""
			       "&quot;&gt;&lt;script&gt;evil(&#39;OWNER&#39;)"
			       "&lt;/script&gt;&lt;b x=&quot;\""));
	assert_non_null(strstr(s, "value=\"x&quot; onfocus=&quot;evil(1)\""));
	assert_non_null(strstr(s, "<option selected>planned</option>"));
	assert_non_null(strstr(s, "<a href=\"/devices/42\">42</a>"));
	assert_non_null(strstr(s, "3 more finding(s) not shown"));
	cs_buf_free(&b);

	/* a token that is not hex is never written; nor is a form for a
	 * closed finding */
	bad.csrf = "\"><script>x</script>";
	cs_buf_init(&b, 1 << 20);
	assert_int_equal(cs_page_findings_row(&b, &bad, f), 0);
	s = cs_buf_str(&b);
	assert_null(strstr(s, "name=\"csrf\""));
	assert_null(strstr(s, "<script"));
	cs_buf_reset(&b);
	cs_strlcpy(f->status, "closed", sizeof(f->status));
	assert_int_equal(cs_page_findings_row(&b, &ctx, f), 0);
	assert_null(strstr(cs_buf_str(&b), "<form"));
	cs_buf_free(&b);
	free(f);
}

static void
test_sites(void **state)
{
	struct cs_page_site *v = NULL;
	struct cs_finding_row *f = calloc(1, sizeof(*f));
	size_t n = 0;
	struct cs_buf b;
	const char *s;

	(void)state;
	assert_non_null(f);
	hostile_finding(f);
	cs_strlcpy(f->status, "open", sizeof(f->status));
	cs_strlcpy(f->site_name, h_realm, sizeof(f->site_name));
	assert_int_equal(cs_page_sites_add(&v, &n, f, true, "2025-06-01"), 0);
	f->id = 8;
	cs_strlcpy(f->status, "closed", sizeof(f->status));
	assert_int_equal(cs_page_sites_add(&v, &n, f, false, "2025-06-01"), 0);
	cs_strlcpy(f->site, "sb", sizeof(f->site));
	cs_strlcpy(f->site_name, "Site B", sizeof(f->site_name));
	f->sensitive = false;
	assert_int_equal(cs_page_sites_add(&v, &n, f, true, "2025-06-01"), 0);
	assert_int_equal(n, 2);
	assert_int_equal(v[0].findings, 2);
	assert_int_equal(v[0].devices, 1);
	assert_int_equal(v[0].active, 1);
	assert_int_equal(v[0].overdue, 1); /* open, due 2025-01-31 */
	assert_int_equal(v[1].active, 0);
	cs_buf_init(&b, 1 << 20);
	assert_int_equal(cs_page_sites(&b, &ctx, v, n), 0);
	s = cs_buf_str(&b);
	assert_inert(s);
	assert_non_null(strstr(s, "&lt;script&gt;document.title=&#39;PWNED-"
				  "REALM&#39;"));
	cs_buf_free(&b);
	free(v);
	free(f);
}

static void
test_scans_and_diff(void **state)
{
	struct cs_scan_state *st = calloc(1, sizeof(*st));
	struct cs_audit_dev *a = calloc(1, sizeof(*a)),
			    *c = calloc(1, sizeof(*c));
	struct cs_audit_diff_result res = {.count = {1, 0, 0, 1}};
	int64_t ids[] = {9, 4, 2};
	struct cs_buf b;
	const char *s;

	(void)state;
	assert_true(st && a && c);
	cs_strlcpy(st->status, "complete", sizeof(st->status));
	cs_strlcpy(st->site, "<b>lab</b>", sizeof(st->site));
	st->started = T0;
	st->ended = T0 + 60;
	st->total_targets = 256;
	st->hosts_done = 256;
	cs_buf_init(&b, 1 << 20);
	assert_int_equal(cs_page_scans_begin(&b, &ctx), 0);
	assert_int_equal(cs_page_scans_row(&b, 9, st), 0);
	assert_int_equal(cs_page_scans_end(&b, ids, 3), 0);
	s = cs_buf_str(&b);
	assert_inert(s);
	assert_non_null(strstr(s,
			       "<tbody id=\"scan-rows\">\n<tr id=\"scan-9\">"
			       "<td>9</td><td>complete</td><td>&lt;b&gt;"
			       "lab&lt;/b&gt;</td><td>2024-05-01T08:00:00Z"));
	/* the diff form: b is the newest, a the one before */
	assert_non_null(strstr(s, "<select name=\"a\"><option>9</option>"
				  "<option selected>4</option>"));
	assert_non_null(strstr(s, "<select name=\"b\"><option selected>9"
				  "</option>"));
	cs_buf_reset(&b);

	cs_strlcpy(a->ip, "127.0.0.10", sizeof(a->ip));
	a->device_id = 42;
	cs_strlcpy(a->id.manufacturer, h_brand, sizeof(a->id.manufacturer));
	cs_strlcpy(a->id.model, h_model, sizeof(a->id.model));
	*c = *a;
	cs_strlcpy(c->id.model, h_realm, sizeof(c->id.model));
	assert_int_equal(cs_page_diff_begin(&b, &ctx, 4, 9), 0);
	assert_int_equal(cs_page_diff_row(&b, CS_AUDIT_NEW, NULL, a, ""), 0);
	assert_int_equal(cs_page_diff_row(&b, CS_AUDIT_CHANGED, a, c, h_server),
			 0);
	assert_int_equal(cs_page_diff_end(&b, &res), 0);
	s = cs_buf_str(&b);
	assert_inert(s);
	assert_non_null(strstr(s, "<title>camsweep: Changes from scan 4 to "
				  "scan 9</title>"));
	assert_non_null(strstr(s, "<tr class=\"changed\"><td>changed</td><td>"
				  "<a href=\"/devices/42\">42</a>"));
	assert_non_null(strstr(s, "1 new, 0 gone, 0 moved, 1 changed"));
	cs_buf_free(&b);
	free(st);
	free(a);
	free(c);
}

/* The overview embeds the report's cards and charts over a store that
 * holds a hostile device. */
static void
test_overview(void **state)
{
	char err[256];
	struct cs_store *st = cs_store_open(":memory:", err, sizeof(err));
	struct cs_scan_info info = {.scope = "127.0.0.0/24",
				    .ports = "80",
				    .options = "{}",
				    .vantage = "t",
				    .version = "0.1.0",
				    .total_targets = 256,
				    .started = T0};
	struct cs_identity *id = calloc(1, sizeof(*id));
	struct cs_obs_list l;
	struct cs_host_result h = {0};
	uint16_t p[] = {80};
	struct cs_report_opts o = {.now = T0 + 100};
	struct cs_report *r = NULL;
	int64_t scan;
	struct cs_buf b;
	const char *s;

	(void)state;
	assert_non_null(st);
	assert_non_null(id);
	assert_int_equal(cs_store_scan_begin(st, &info, &scan), 0);
	cs_obs_list_init(&l);
	cs_obs_adds(&l, "http.server", 80, h_server);
	cs_strlcpy(id->manufacturer, h_realm, sizeof(id->manufacturer));
	cs_strlcpy(id->manufacturer_country, "CN",
		   sizeof(id->manufacturer_country));
	cs_strlcpy(id->model, h_model, sizeof(id->model));
	id->device_class = CS_CLASS_CAMERA;
	id->surveillance = id->surveillance_known = true;
	id->confidence = 0.9;
	h.ip = "127.0.0.10";
	h.ports = p;
	h.nports = 1;
	h.obs = &l;
	h.id = id;
	h.seen_at = T0 + 1;
	assert_int_equal(cs_store_put_host(st, scan, &h), 0);
	assert_int_equal(cs_store_scan_end(st, scan, "complete", T0 + 60), 0);
	cs_obs_list_free(&l);
	assert_int_equal(cs_report_load(st, &o, &r, err, sizeof(err)), 0);
	cs_buf_init(&b, 1 << 22);
	assert_int_equal(cs_page_overview(&b, &ctx, r), 0);
	s = cs_buf_str(&b);
	assert_inert(s);
	assert_non_null(strstr(s, "<div class=\"n\">1</div><div class=\"l\">"
				  "surveillance devices"));
	assert_non_null(strstr(s, "<svg xmlns=\"http://www.w3.org/2000/svg\""));
	/* the maker's name, cut to the chart's 30 bytes, is SVG text */
	assert_non_null(strstr(s, "text-anchor=\"end\">&lt;script&gt;"));
	cs_buf_free(&b);
	cs_report_free(r);
	cs_store_close(st);
	free(id);
}

/* A store with one device at site sa and one at sb, a finding for each,
 * for the handlers. */
static struct cs_store *
two_sites(int64_t *scan, int64_t *dev_a, int64_t *dev_b, int64_t *fnd_b)
{
	char err[256];
	struct cs_store *st = cs_store_open(":memory:", err, sizeof(err));
	struct cs_scan_info info = {.scope = "127.0.0.0/24",
				    .ports = "80",
				    .options = "{}",
				    .vantage = "t",
				    .version = "0.1.0",
				    .total_targets = 256,
				    .started = T0};
	struct cs_identity *id = calloc(1, sizeof(*id));
	struct cs_finding_row *f = calloc(1, sizeof(*f));
	const char *sites[] = {"sa", "sb"},
		   *ips[] = {"127.0.0.10", "127.0.0.200"};
	uint16_t p[] = {80};

	assert_non_null(st);
	assert_true(id && f);
	assert_int_equal(cs_store_scan_begin(st, &info, scan), 0);
	cs_strlcpy(id->manufacturer, "Hikvision", sizeof(id->manufacturer));
	cs_strlcpy(id->manufacturer_country, "CN",
		   sizeof(id->manufacturer_country));
	cs_strlcpy(id->model, h_model, sizeof(id->model));
	id->device_class = CS_CLASS_CAMERA;
	id->surveillance = id->surveillance_known = true;
	for (int i = 0; i < 2; i++) {
		struct cs_host_result h = {.ip = ips[i],
					   .ports = p,
					   .nports = 1,
					   .id = id,
					   .seen_at = T0 + 1,
					   .site = sites[i]};
		assert_int_equal(cs_store_put_host(st, *scan, &h), 0);
	}
	assert_int_equal(cs_store_scan_end(st, *scan, "complete", T0 + 60), 0);
	*dev_a = *dev_b = 0;
	for (int i = 0; i < 2; i++) {
		int64_t fid;

		hostile_finding(f);
		f->id = 0;
		f->device_id = 0;
		snprintf(f->key, sizeof(f->key), "%s@%s|uk-gsg-2022|3",
			 sites[i], ips[i]);
		cs_strlcpy(f->ip, ips[i], sizeof(f->ip));
		cs_strlcpy(f->site, sites[i], sizeof(f->site));
		cs_strlcpy(f->department, i ? "dsit" : "ho",
			   sizeof(f->department));
		cs_strlcpy(f->status, "open", sizeof(f->status));
		f->owner[0] = f->due[0] = f->note[0] = '\0';
		f->first_scan = f->last_scan = *scan;
		assert_int_equal(cs_store_finding_put(st, f, &fid, NULL), 0);
		if (i)
			*fnd_b = fid;
	}
	free(id);
	free(f);
	return st;
}

static bool
only_sa(void *arg, const char *site)
{
	(void)arg;
	return strcmp(site, "sa") == 0;
}

struct ids {
	int64_t a, b;
};

static int
on_dev_ids(void *arg, const struct cs_device_row *d)
{
	struct ids *x = arg;

	if (strcmp(d->site, "sa") == 0)
		x->a = d->device_id;
	else
		x->b = d->device_id;
	return 0;
}

static void
test_handlers_scope(void **state)
{
	int64_t scan, da, db, fb;
	struct cs_store *st = two_sites(&scan, &da, &db, &fb);
	const char *only_a[] = {"sa"}, *dept_b[] = {"dsit"};
	struct cs_pages_scope all = {.all = true};
	struct cs_pages_scope sa = {.sites = only_a, .nsites = 1};
	struct cs_pages_scope dsit = {.departments = dept_b, .ndepartments = 1};
	struct cs_pages_req q = {.st = st, .ctx = &ctx, .now = T0 + 100};
	struct cs_finding_plan plan = {
	    .owner = "Ann", .due = "2025-03-01", .status = "planned"};
	struct cs_finding_row *f = calloc(1, sizeof(*f));
	struct ids x = {0, 0};
	struct cs_buf b;
	const char *s;

	(void)state;
	assert_non_null(f);
	assert_int_equal(cs_store_each_device(st, scan, on_dev_ids, &x), 0);
	assert_true(x.a > 0 && x.b > 0 && x.a != x.b);
	cs_buf_init(&b, 1 << 22);

	/* everyone's view */
	q.scope = &all;
	assert_int_equal(cs_pages_devices(&q, &b), 200);
	assert_inert(cs_buf_str(&b));
	assert_non_null(strstr(cs_buf_str(&b), "2 device(s)."));
	cs_buf_reset(&b);
	assert_int_equal(cs_pages_device(&q, x.b, &b), 200);
	assert_inert(cs_buf_str(&b));
	cs_buf_reset(&b);
	assert_int_equal(cs_pages_device(&q, 999999, &b), 404);
	cs_buf_reset(&b);

	/* site sa only: sb's device and finding do not exist for it */
	q.scope = &sa;
	assert_int_equal(cs_pages_devices(&q, &b), 200);
	s = cs_buf_str(&b);
	assert_non_null(strstr(s, "1 device(s)."));
	assert_null(strstr(s, "127.0.0.200"));
	cs_buf_reset(&b);
	assert_int_equal(cs_pages_device(&q, x.a, &b), 200);
	cs_buf_reset(&b);
	assert_int_equal(cs_pages_device(&q, x.b, &b), 404);
	assert_null(strstr(cs_buf_str(&b), "127.0.0.200"));
	cs_buf_reset(&b);
	assert_int_equal(cs_pages_findings(&q, 0, &b), 200);
	assert_non_null(strstr(cs_buf_str(&b), "1 finding(s)."));
	cs_buf_reset(&b);
	assert_int_equal(cs_pages_plan_post(&q, fb, &plan, &b), 404);
	assert_int_equal(cs_store_finding_get(st, fb, f), 0);
	assert_string_equal(f->owner, "");
	cs_buf_reset(&b);
	assert_int_equal(cs_pages_sites(&q, &b), 200);
	assert_null(strstr(cs_buf_str(&b), "dsit"));
	cs_buf_reset(&b);

	/* department dsit: sb's device through its findings' department */
	q.scope = &dsit;
	assert_int_equal(cs_pages_device(&q, x.b, &b), 200);
	cs_buf_reset(&b);
	assert_int_equal(cs_pages_device(&q, x.a, &b), 404);
	cs_buf_reset(&b);
	assert_int_equal(cs_pages_plan_post(&q, fb, &plan, &b), 303);
	assert_string_equal(q.loc, "/findings?saved=2#f2");
	assert_int_equal(cs_store_finding_get(st, fb, f), 0);
	assert_string_equal(f->owner, "Ann");
	assert_string_equal(f->status, "planned");
	cs_buf_reset(&b);
	plan.status = "closed"; /* only assess closes */
	assert_int_equal(cs_pages_plan_post(&q, fb, &plan, &b), 400);
	cs_buf_reset(&b);
	assert_int_equal(cs_pages_findings(&q, fb, &b), 200);
	assert_non_null(strstr(cs_buf_str(&b), "The plan of finding 2 was "
					       "saved."));
	cs_buf_reset(&b);

	q.scope = &all;
	assert_int_equal(cs_pages_sites(&q, &b), 200);
	/* two sites, each one device with one active finding */
	s = cs_buf_str(&b);
	{
		const char *row =
		    "<td>yes</td><td class=\"num\">1</td><td "
		    "class=\"num\">1</td><td class=\"num\">1</td>";
		const char *p1 = strstr(s, row);

		assert_non_null(p1);
		assert_non_null(strstr(p1 + 1, row));
	}
	cs_buf_reset(&b);
	assert_int_equal(cs_pages_scans(&q, &b), 200);
	assert_non_null(strstr(cs_buf_str(&b), "<tr id=\"scan-1\">"));
	cs_buf_reset(&b);
	assert_int_equal(cs_pages_overview(&q, &b), 200);
	assert_non_null(strstr(cs_buf_str(&b), "<div class=\"n\">2</div>"
					       "<div class=\"l\">hosts"));
	cs_buf_reset(&b);
	assert_int_equal(cs_pages_diff(&q, scan, scan, &b), 200);
	assert_non_null(strstr(cs_buf_str(&b), "0 new, 0 gone"));
	cs_buf_reset(&b);
	assert_int_equal(cs_pages_diff(&q, scan, 77, &b), 404);
	cs_buf_reset(&b);
	assert_int_equal(cs_pages_scan_event(st, &all, scan, &b), 0);
	assert_non_null(strstr(cs_buf_str(&b),
			       "event: scan\ndata: {\"id\":\"1\","
			       "\"status\":\"complete\""));
	cs_buf_reset(&b);
	/* events: the newest as the baseline, then only newer ones */
	assert_int_equal(cs_pages_events(&q, NULL, 1500, &b), 0);
	assert_non_null(strstr(cs_buf_str(&b), "retry: 1500\n\nid: 1:complete\n"
					       "event: "
					       "scan\ndata: {\"id\":\"1\","));
	cs_buf_reset(&b);
	assert_int_equal(cs_pages_events(&q, "1:complete", 1500, &b), 0);
	assert_string_equal(cs_buf_str(&b), "retry: 1500\n\n");
	cs_buf_reset(&b);
	/* the status it was announced with has changed: again */
	assert_int_equal(cs_pages_events(&q, "1:running", 1500, &b), 0);
	assert_non_null(strstr(cs_buf_str(&b), "id: 1:complete\nevent: scan"));
	cs_buf_reset(&b);
	/* a Last-Event-ID that is not ours: the newest scan, as at first */
	assert_int_equal(cs_pages_events(&q, "1:<x>", 1500, &b), 0);
	assert_non_null(strstr(cs_buf_str(&b), "id: 1:complete\n"));
	cs_buf_reset(&b);

	/* the server's own test of a site, and the overview by site */
	{
		struct cs_assessment a;
		struct cs_pages_scope vis = {.visible = only_sa};

		memset(&a, 0, sizeof(a));
		a.scan_id = scan;
		a.assessed_at = T0 + 90;
		cs_strlcpy(a.as_of, "2024-05-01", sizeof(a.as_of));
		a.sites = cs_xstrdup("sa,sb");
		a.departments = cs_xstrdup("ho,dsit");
		assert_int_equal(cs_store_assessment_put(st, &a), 0);
		cs_assessment_clear(&a);
		q.scope = &vis;
		assert_int_equal(cs_pages_device(&q, x.b, &b), 404);
		cs_buf_reset(&b);
		assert_int_equal(cs_pages_device(&q, x.a, &b), 200);
		cs_buf_reset(&b);
		assert_int_equal(cs_pages_overview(&q, &b), 200);
		s = cs_buf_str(&b);
		assert_inert(s);
		assert_non_null(strstr(s, "<h2>Site sa</h2>"));
		assert_null(strstr(s, "Site sb"));
		assert_non_null(strstr(s, "<div class=\"n\">1</div><div "
					  "class=\"l\">hosts"));
		cs_buf_reset(&b);
		q.scope = &all; /* vis ends with this block */
	}
	{
		/* a second scan: one more device at sb; only a user who
		 * sees sb is told of it */
		struct cs_scan_info info = {.scope = "127.0.0.0/24",
					    .ports = "80",
					    .options = "{}",
					    .vantage = "t",
					    .version = "0.1.0",
					    .total_targets = 256,
					    .started = T0 + 3600};
		const char *ips[] = {"127.0.0.10", "127.0.0.200",
				     "127.0.0.201"};
		const char *sites[] = {"sa", "sb", "sb"};
		uint16_t p[] = {80};
		int64_t s2;

		assert_int_equal(cs_store_scan_begin(st, &info, &s2), 0);
		for (int i = 0; i < 3; i++) {
			struct cs_host_result h = {.ip = ips[i],
						   .ports = p,
						   .nports = 1,
						   .seen_at = T0 + 3601,
						   .site = sites[i]};
			assert_int_equal(cs_store_put_host(st, s2, &h), 0);
		}
		assert_int_equal(
		    cs_store_scan_end(st, s2, "complete", T0 + 3660), 0);
		assert_int_equal(cs_pages_diff(&q, scan, s2, &b), 200);
		assert_non_null(strstr(cs_buf_str(&b), "1 new, 0 gone"));
		assert_non_null(strstr(cs_buf_str(&b), "127.0.0.201"));
		cs_buf_reset(&b);
		q.scope = &sa;
		assert_int_equal(cs_pages_diff(&q, scan, s2, &b), 200);
		assert_non_null(strstr(cs_buf_str(&b), "0 new, 0 gone"));
		assert_null(strstr(cs_buf_str(&b), "127.0.0.201"));
		cs_buf_reset(&b);
		/* the events: the new scan after the first */
		assert_int_equal(cs_pages_events(&q, "1:complete", 1500, &b),
				 0);
		assert_non_null(strstr(cs_buf_str(&b), "id: 2:complete\n"));
		assert_null(strstr(cs_buf_str(&b), "id: 1:"));
		cs_buf_reset(&b);
		q.scope = &all;
	}
	cs_buf_free(&b);
	cs_store_close(st);
	free(f);
}

static void
test_login_css_js(void **state)
{
	struct cs_buf b;
	const char *s;

	(void)state;
	cs_buf_init(&b, 1 << 20);
	assert_int_equal(cs_page_login(&b, "Wrong user or password."), 0);
	s = cs_buf_str(&b);
	assert_inert(s);
	assert_non_null(strstr(s, "<form method=\"post\" action=\"/login\">"));
	/* no events client before log-in: /events would be redirected */
	assert_null(strstr(s, "<script"));
	assert_non_null(strstr(s, "content=\"" CS_PAGES_CSP "\""));
	cs_buf_reset(&b);
	assert_int_equal(cs_page_css(&b), 0);
	assert_non_null(strstr(cs_buf_str(&b), ".card .n{"));
	assert_non_null(strstr(cs_buf_str(&b), "nav.top{"));
	/* the client writes text only */
	assert_null(strstr(cs_page_events_js(), "innerHTML"));
	assert_non_null(strstr(cs_page_events_js(), "textContent"));
	cs_buf_free(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_device_list),
	    cmocka_unit_test(test_device_page),
	    cmocka_unit_test(test_device_placed),
	    cmocka_unit_test(test_findings),
	    cmocka_unit_test(test_sites),
	    cmocka_unit_test(test_scans_and_diff),
	    cmocka_unit_test(test_overview),
	    cmocka_unit_test(test_login_css_js),
	    cmocka_unit_test(test_handlers_scope),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
