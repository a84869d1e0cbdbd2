/* SPDX-License-Identifier: ISC */
/*
 * The console's HTML pages (pages.h).  A page is program text with
 * device strings only in element text (pg_text: cs_esc_html; pg_raw:
 * cs_esc_term, then cs_esc_html).  Every attribute is written by pg_put or
 * pg_putf from program text: class names, numbers, the CSRF token (checked
 * to be hex) and, in the plan form, what a person typed (pg_attr).
 */
#include "serve/pages.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"
#include "core/escape.h"
#include "core/poison.h"

/* A writer: the first error is kept and every later call does nothing. */
struct pg {
	struct cs_buf *b;
	int rc;
};

static void
pg_put(struct pg *w, const char *s)
{
	if (w->rc == 0)
		w->rc = cs_buf_adds(w->b, s);
}

static void CS_PRINTF(2, 3) pg_putf(struct pg *w, const char *fmt, ...)
{
	va_list ap;

	if (w->rc != 0)
		return;
	va_start(ap, fmt);
	w->rc = cs_buf_vprintf(w->b, fmt, ap);
	va_end(ap);
}

/* s (device or person's text) as element text content. */
static void
pg_text(struct pg *w, const char *s)
{
	if (w->rc == 0)
		w->rc = cs_esc_html(w->b, s, strlen(s));
}

/* As pg_text, an em dash for "". */
static void
pg_text_or_dash(struct pg *w, const char *s)
{
	pg_text(w, s[0] ? s : "\xE2\x80\x94");
}

/* n raw bytes a device sent, every one visible, none interpreted. */
static void
pg_raw(struct pg *w, const void *s, size_t n)
{
	struct cs_buf t;

	if (w->rc != 0)
		return;
	cs_buf_init(&t, 8 * n + 64);
	w->rc = cs_esc_term(&t, s, n);
	if (w->rc == 0 && t.len)
		w->rc = cs_esc_html(w->b, t.p, t.len);
	cs_buf_free(&t);
}

/* A person's text inside a double-quoted attribute value: cs_esc_html
 * escapes & < > " ' and replaces controls, so it cannot end the value. */
static void
pg_attr(struct pg *w, const char *s)
{
	pg_text(w, s);
}

/* True if s is a non-empty token of hex digits only. */
static bool
is_hex_token(const char *s)
{
	if (s == NULL || *s == '\0')
		return false;
	for (; *s; s++)
		if (!((*s >= '0' && *s <= '9') || (*s >= 'a' && *s <= 'f') ||
		      (*s >= 'A' && *s <= 'F')))
			return false;
	return true;
}

/* The hidden CSRF field of a form; nothing when the token is not hex. */
static void
pg_csrf(struct pg *w, const struct cs_page_ctx *c)
{
	if (c && is_hex_token(c->csrf))
		pg_putf(w, "<input type=\"hidden\" name=\"csrf\" value=\"%s\">",
			c->csrf);
}

static const char *
tm(int64_t t, char *out, size_t n)
{
	return cs_report_time(t, out, n);
}

/* The document's head; script: load the events client (not on the
 * log-in page, whose /events would only be redirected). */
static void
head(struct pg *w, const char *title, bool script)
{
	pg_put(w, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
		  "<meta charset=\"utf-8\">\n"
		  "<meta http-equiv=\"Content-Security-Policy\" "
		  "content=\"" CS_PAGES_CSP
		  "\">\n<meta name=\"referrer\" content=\"no-referrer\">\n"
		  "<meta name=\"viewport\" content=\"width=device-width, "
		  "initial-scale=1\">\n<title>camsweep: ");
	pg_text(w, title);
	pg_put(w, "</title>\n<link rel=\"icon\" href=\"data:,\">\n"
		  "<link rel=\"stylesheet\" href=\"/static/console.css\">\n");
	if (script)
		pg_put(w,
		       "<script src=\"/static/events.js\" defer></script>\n");
	pg_put(w, "</head>\n<body>\n");
}

int
cs_page_begin(struct cs_buf *b, const struct cs_page_ctx *c, const char *title)
{
	struct pg w = {b, 0};

	head(&w, title, true);
	pg_put(&w, "<nav class=\"top\"><span class=\"brand\">camsweep</span>"
		   "<a href=\"/\">Overview</a><a href=\"/sites\">Sites</a>"
		   "<a href=\"/devices\">Devices</a><a href=\"/findings\">"
		   "Findings</a><a href=\"/scans\">Scans</a>");
	if (c && c->user) {
		pg_put(&w, "<span class=\"who\">");
		pg_text(&w, c->user);
		if (c->scope && c->scope[0]) {
			pg_put(&w, " (");
			pg_text(&w, c->scope);
			pg_put(&w, ")");
		}
		pg_put(&w, "</span><form class=\"logout\" method=\"post\" "
			   "action=\"/logout\">");
		pg_csrf(&w, c);
		pg_put(&w, "<button type=\"submit\">Log out</button></form>");
	}
	pg_put(&w, "</nav>\n<main>\n<h1>");
	pg_text(&w, title);
	pg_put(&w, "</h1>\n<p id=\"live\" class=\"live\" "
		   "aria-live=\"polite\"></p>\n");
	if (c && c->flash && c->flash[0]) {
		pg_put(&w, "<p class=\"flash\">");
		pg_text(&w, c->flash);
		pg_put(&w, "</p>\n");
	}
	return w.rc;
}

int
cs_page_end(struct cs_buf *b)
{
	struct pg w = {b, 0};

	pg_put(&w, "</main>\n<footer><p>This console reveals security "
		   "arrangements; handle what it shows accordingly.</p>"
		   "</footer>\n</body>\n</html>\n");
	return w.rc;
}

int
cs_page_login(struct cs_buf *b, const char *error)
{
	struct pg w = {b, 0};

	head(&w, "log in", false);
	pg_put(&w, "<main class=\"login\">\n<h1>camsweep console</h1>\n");
	if (error && error[0]) {
		pg_put(&w, "<p class=\"flash error\">");
		pg_text(&w, error);
		pg_put(&w, "</p>\n");
	}
	pg_put(&w,
	       "<form method=\"post\" action=\"/login\">\n"
	       "<label>User <input name=\"user\" autocomplete=\"username\" "
	       "required></label>\n<label>Password <input name=\"password\" "
	       "type=\"password\" autocomplete=\"current-password\" "
	       "required></label>\n<button type=\"submit\">Log in</button>\n"
	       "</form>\n</main>\n</body>\n</html>\n");
	return w.rc;
}

int
cs_page_error(struct cs_buf *b, const struct cs_page_ctx *c, int status,
	      const char *msg)
{
	char title[64];
	int rc;

	snprintf(title, sizeof(title), "%d %s", status,
		 status == 404   ? "not found"
		 : status == 403 ? "forbidden"
		 : status == 400 ? "bad request"
				 : "error");
	if ((rc = cs_page_begin(b, c, title)) != 0)
		return rc;
	struct pg w = {b, 0};
	pg_put(&w, "<p>");
	pg_text(&w, msg ? msg : "");
	pg_put(&w, "</p>\n");
	return w.rc ? w.rc : cs_page_end(b);
}

int
cs_page_overview(struct cs_buf *b, const struct cs_page_ctx *c,
		 const struct cs_report *r)
{
	struct pg w = {b, 0};
	int rc;

	if ((rc = cs_page_begin(b, c, "Estate overview")) != 0)
		return rc;
	pg_putf(&w,
		"<p class=\"sub\">Scan <a href=\"/scans\">%lld</a>, the newest "
		"in your scope; <a href=\"/devices\">its devices</a>, the "
		"<a href=\"/findings\">findings and their plan</a>.</p>\n"
		"<section id=\"overview\">\n",
		(long long)cs_report_scan_id(r));
	if (w.rc == 0)
		w.rc = cs_report_write_overview(r, b);
	pg_put(&w, "</section>\n");
	return w.rc ? w.rc : cs_page_end(b);
}

int
cs_page_overview_sites(struct cs_buf *b, const struct cs_page_ctx *c,
		       int64_t scan_id, const char *const *names,
		       struct cs_report *const *r, size_t n)
{
	struct pg w = {b, 0};
	int rc;

	if ((rc = cs_page_begin(b, c, "Estate overview")) != 0)
		return rc;
	pg_putf(
	    &w,
	    "<p class=\"sub\">Scan <a href=\"/scans\">%lld</a>, the newest; "
	    "for each site in your scope, its devices and its findings."
	    "</p>\n",
	    (long long)scan_id);
	if (n == 0)
		pg_put(&w, "<p class=\"note\">No assessment names a site in "
			   "your scope yet.</p>\n");
	for (size_t i = 0; i < n && w.rc == 0; i++) {
		pg_put(&w, "<section class=\"site\"><h2>Site ");
		pg_text(&w, names[i]);
		pg_put(&w, "</h2>\n");
		if (r[i] == NULL)
			pg_put(&w,
			       "<p class=\"note\">No assessment covers this "
			       "site yet.</p>\n");
		else if (w.rc == 0)
			w.rc = cs_report_write_overview(r[i], b);
		pg_put(&w, "</section>\n");
	}
	return w.rc ? w.rc : cs_page_end(b);
}

int
cs_page_overview_empty(struct cs_buf *b, const struct cs_page_ctx *c)
{
	struct pg w = {b, 0};
	int rc;

	if ((rc = cs_page_begin(b, c, "Estate overview")) != 0)
		return rc;
	pg_put(&w, "<p class=\"note\">The inventory holds no scan yet: run "
		   "<code>camsweep scan</code> with this database. New scans "
		   "appear here without a reload.</p>\n");
	return w.rc ? w.rc : cs_page_end(b);
}

static void
ports(struct pg *w, const uint16_t *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		pg_putf(w, "%s%u", i ? " " : "", p[i]);
}

int
cs_page_devices_begin(struct cs_buf *b, const struct cs_page_ctx *c,
		      int64_t scan_id)
{
	struct pg w = {b, 0};
	int rc;

	if ((rc = cs_page_begin(b, c, "Devices")) != 0)
		return rc;
	pg_putf(&w,
		"<p class=\"sub\">Hosts of scan %lld in your scope, by "
		"address, then the devices only its switches know; PRC-made "
		"surveillance devices are shaded.</p>\n"
		"<table id=\"devices\"><thead><tr><th>Device</th><th>Address"
		"</th><th>Class</th><th>Maker</th><th>Country</th><th>Brand"
		"</th><th>Model</th><th>Firmware</th><th class=\"num\">"
		"Confidence</th><th>Open ports</th></tr></thead><tbody>\n",
		(long long)scan_id);
	return w.rc;
}

/* A device row's identity cells, from the end of the address cell to the
 * start of the last: class, maker, country, brand, model, firmware,
 * confidence. */
static void
identity_cells(struct pg *w, const struct cs_identity *id)
{
	pg_putf(w, "</td><td>%s</td><td>", cs_class_name(id->device_class));
	pg_text(w, id->manufacturer);
	pg_put(w, "</td><td>");
	pg_text(w, id->manufacturer_country);
	pg_put(w, "</td><td>");
	pg_text(w, id->brand);
	pg_put(w, "</td><td>");
	pg_text(w, id->model);
	pg_put(w, "</td><td>");
	pg_text(w, id->firmware);
	pg_putf(w, "</td><td class=\"num\">%.2f</td><td>", id->confidence);
}

int
cs_page_devices_row(struct cs_buf *b, const struct cs_device_row *d)
{
	struct pg w = {b, 0};
	const struct cs_identity *id = &d->id;
	bool prc =
	    strcmp(id->manufacturer_country, "CN") == 0 && id->surveillance;

	pg_putf(&w, "<tr%s><td><a href=\"/devices/%lld\">%lld</a></td><td>",
		prc ? " class=\"prc\"" : "", (long long)d->device_id,
		(long long)d->device_id);
	pg_text(&w, d->ip);
	identity_cells(&w, id);
	ports(&w, d->ports, d->nports);
	pg_put(&w, "</td></tr>\n");
	return w.rc;
}

/* Where a switch says p is plugged in, as element text: "switch S port
 * P VLAN V PoE x LLDP n". */
static void
placed_text(struct pg *w, const struct cs_placement_row *p)
{
	pg_put(w, "switch ");
	pg_text(w, p->sw);
	pg_put(w, " port ");
	pg_text(w, p->port);
	if (p->vlan > 0)
		pg_putf(w, " VLAN %d", p->vlan);
	if (p->poe[0]) {
		pg_put(w, " PoE ");
		pg_text(w, p->poe);
	}
	if (p->neighbour[0]) {
		pg_put(w, " LLDP ");
		pg_text(w, p->neighbour);
	}
}

int
cs_page_devices_placed_row(struct cs_buf *b, const struct cs_device_row *d,
			   const struct cs_placement_row *p)
{
	struct pg w = {b, 0};
	const struct cs_identity *id = &d->id;
	bool prc =
	    strcmp(id->manufacturer_country, "CN") == 0 && id->surveillance;

	pg_putf(&w,
		"<tr class=\"placed%s\"><td><a href=\"/devices/%lld\">%lld"
		"</a></td><td>",
		prc ? " prc" : "", (long long)d->device_id,
		(long long)d->device_id);
	/* no address: its MAC names it */
	pg_text(&w, d->ip[0] ? d->ip : d->mac);
	identity_cells(&w, id);
	pg_put(&w, "known only from its ");
	placed_text(&w, p);
	pg_put(&w, "</td></tr>\n");
	return w.rc;
}

/* The line under a capped table. */
static void
more_note(struct pg *w, size_t more, const char *what)
{
	if (more)
		pg_putf(w,
			"<p class=\"note\">%zu more %s not shown: the JSON API "
			"(/api/v1/) pages through them all.</p>\n",
			more, what);
}

int
cs_page_devices_end(struct cs_buf *b, size_t shown, size_t more)
{
	struct pg w = {b, 0};

	pg_putf(&w,
		"</tbody></table>\n<p id=\"device-count\">%zu device(s)."
		"</p>\n",
		shown);
	more_note(&w, more, "device(s)");
	return w.rc ? w.rc : cs_page_end(b);
}

static void
dd(struct pg *w, const char *term, const char *s)
{
	pg_putf(w, "<dt>%s</dt><dd>", term);
	pg_text_or_dash(w, s);
	pg_put(w, "</dd>");
}

/* Index of the observation ev matched among o[0..n), or -1. */
static long
obs_of(const struct cs_obs *o, size_t n, const struct cs_evidence *ev)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(o[i].key, ev->obs_key) == 0 &&
		    (ev->port == 0 || o[i].port == ev->port))
			return (long)i;
	return -1;
}

/* A finding's short line: severity, rule, action, status. */
static void
finding_cells(struct pg *w, const struct cs_finding_row *f)
{
	pg_putf(w, "<td>%s</td><td>", cs_severity_name(f->severity));
	pg_text(w, f->regime);
	pg_put(w, " ");
	pg_text(w, f->obligation);
	pg_put(w, "</td><td>");
	pg_text(w, f->action_text[0] ? f->action_text : f->action);
	pg_put(w, "</td><td>");
	pg_text_or_dash(w, f->deadline);
	pg_put(w, "</td>");
}

/* Where it is plugged in, for a device only the switches know. */
static void
placement_section(struct pg *w, const struct cs_placement_row *p)
{
	char ts[32];

	pg_put(w, "<h2>Where it is plugged in</h2>\n<p id=\"placement\">"
		  "Known only from its ");
	placed_text(w, p);
	pg_put(w, ".</p>\n<dl>");
	dd(w, "Switch", p->sw);
	dd(w, "Switch address", p->sw_addr);
	dd(w, "Port", p->port);
	if (p->vlan > 0)
		pg_putf(w, "<dt>VLAN</dt><dd>%d</dd>", p->vlan);
	else
		dd(w, "VLAN", "");
	dd(w, "PoE", p->poe);
	dd(w, "LLDP neighbour", p->neighbour);
	dd(w, "Address (router's ARP table)", p->ip);
	dd(w, "MAC registrant", p->oui);
	dd(w, "Placed", tm(p->seen_at, ts, sizeof(ts)));
	pg_put(w, "</dl>\n");
}

static int
device_page(struct cs_buf *b, const struct cs_page_ctx *c, int64_t scan_id,
	    const struct cs_device_row *d, const struct cs_placement_row *p,
	    const struct cs_obs *obs, size_t nobs,
	    const struct cs_finding_row *f, size_t nf)
{
	struct pg w = {b, 0};
	const struct cs_identity *id = &d->id;
	char title[64], ts[32];
	int s = cs_identity_surveillance(id), rc;

	snprintf(title, sizeof(title), "Device %lld", (long long)d->device_id);
	if ((rc = cs_page_begin(b, c, title)) != 0)
		return rc;
	if (p != NULL) {
		/* its MAC names it where it has no address */
		pg_put(&w, "<p class=\"sub\">");
		pg_text(&w, d->ip[0] ? d->ip : d->mac);
		pg_putf(&w,
			": a device only the switches know (no scan has seen "
			"it), placed when the switches were read for scan "
			"%lld.</p>\n<dl>",
			(long long)scan_id);
		dd(&w, "Address", d->ip[0] ? d->ip : "none");
	} else {
		pg_putf(&w, "<p class=\"sub\">As scan %lld saw it.</p>\n<dl>",
			(long long)scan_id);
		dd(&w, "Address", d->ip);
	}
	dd(&w, "Maker", id->manufacturer);
	dd(&w, "Maker's country", id->manufacturer_country);
	dd(&w, "Brand (badge)", id->brand);
	dd(&w, "Model", id->model);
	dd(&w, "Firmware", id->firmware);
	dd(&w, "Class", cs_class_name(id->device_class));
	dd(&w, "Surveillance",
	   s > 0    ? (id->surveillance_presumed ? "yes, presumed from maker"
						 : "yes")
	   : s == 0 ? "no"
		    : "not established");
	pg_putf(&w, "<dt>Confidence</dt><dd>%.2f</dd>", id->confidence);
	dd(&w, "MAC", d->mac);
	dd(&w, "Serial", d->serial);
	pg_put(&w, "<dt>Open ports</dt><dd>");
	ports(&w, d->ports, d->nports);
	pg_put(&w, "</dd>");
	dd(&w, "First seen", tm(d->first_seen, ts, sizeof(ts)));
	dd(&w, "Last seen", tm(d->last_seen, ts, sizeof(ts)));
	pg_put(&w, "</dl>\n");
	if (p != NULL)
		placement_section(&w, p);
	pg_put(&w, "<h2>Evidence chain</h2>\n");
	if (p != NULL && !id->nev) {
		pg_put(&w, "<p>Its identity is what its MAC alone says (the "
			   "registry block of its first three bytes), as "
			   "<code>camsweep switches</code> recorded it; its "
			   "placement above is the evidence of where it "
			   "is.</p>\n");
	} else if (id->nev) {
		pg_put(&w, "<table id=\"evidence\"><tr><th>Field</th><th>Claim"
			   "</th><th>Rule</th><th>Observation</th><th "
			   "class=\"num\">Port</th><th class=\"num\">Weight"
			   "</th><th>Observed excerpt</th></tr>\n");
		for (size_t i = 0; i < id->nev; i++) {
			const struct cs_evidence *ev = &id->ev[i];
			long o = obs_of(obs, nobs, ev);

			pg_put(&w, "<tr><td>");
			pg_text(&w, ev->field);
			pg_put(&w, "</td><td>");
			pg_text(&w, ev->claim);
			pg_put(&w, "</td><td><code>");
			pg_text(&w, ev->rule);
			pg_put(&w, "</code></td><td>");
			if (o >= 0)
				pg_putf(&w, "<a href=\"#o%ld\">", o + 1);
			pg_text(&w, ev->obs_key);
			if (o >= 0)
				pg_putf(&w, " [%ld]</a>", o + 1);
			pg_putf(&w,
				"</td><td class=\"num\">%u</td><td "
				"class=\"num\">%.2f</td><td><code>",
				ev->port, ev->weight);
			pg_raw(&w, ev->value, strlen(ev->value));
			pg_put(&w, "</code></td></tr>\n");
		}
		pg_put(&w, "</table>\n");
		if (id->nev_dropped)
			pg_putf(&w,
				"<p>%zu lower-weight evidence item(s) not "
				"kept.</p>\n",
				id->nev_dropped);
	} else {
		pg_put(&w, "<p>No evidence recorded.</p>\n");
	}
	if (d->natt) {
		pg_put(&w, "<h2>Cameras this recorder lists</h2>\n<table><tr>"
			   "<th>Ch.</th><th>Address</th><th>Name</th><th>Maker"
			   "</th><th>Model</th><th>Firmware</th></tr>\n");
		for (size_t i = 0; i < d->natt; i++) {
			const struct cs_attachment *a = &d->att[i];

			pg_putf(&w, "<tr><td>%u</td><td>", a->channel);
			pg_text(&w, a->ip);
			pg_put(&w, "</td><td>");
			pg_text(&w, a->name);
			pg_put(&w, "</td><td>");
			pg_text(&w, a->manufacturer);
			pg_put(&w, "</td><td>");
			pg_text(&w, a->model);
			pg_put(&w, "</td><td>");
			pg_text(&w, a->firmware);
			pg_put(&w, "</td></tr>\n");
		}
		pg_put(&w, "</table>\n");
	}
	pg_put(&w, "<h2>Findings</h2>\n");
	if (nf) {
		pg_put(&w, "<table><tr><th>Finding</th><th>Severity</th><th>"
			   "Rule</th><th>Action</th><th>Deadline</th><th>"
			   "Status</th><th>Owner</th><th>Due</th></tr>\n");
		for (size_t i = 0; i < nf; i++) {
			pg_putf(&w,
				"<tr><td><a href=\"/findings#f%lld\">%lld</a>"
				"</td>",
				(long long)f[i].id, (long long)f[i].id);
			finding_cells(&w, &f[i]);
			pg_put(&w, "<td>");
			pg_text(&w, f[i].status);
			pg_put(&w, "</td><td>");
			pg_text(&w, f[i].owner);
			pg_put(&w, "</td><td>");
			pg_text(&w, f[i].due);
			pg_put(&w, "</td></tr>\n");
		}
		pg_put(&w, "</table>\n");
	} else {
		pg_put(&w, "<p>No finding recorded for this device.</p>\n");
	}
	if (p != NULL && nobs == 0) /* no scan observed it */
		return w.rc ? w.rc : cs_page_end(b);
	pg_putf(&w,
		"<h2>Raw observations</h2>\n<p>%zu observation(s); control "
		"characters and invalid bytes are shown as \\xNN.</p>\n",
		nobs);
	for (size_t i = 0; i < nobs; i++) {
		pg_putf(&w, "<div id=\"o%zu\">[%zu] <code>", i + 1, i + 1);
		pg_text(&w, obs[i].key);
		pg_putf(&w, "</code> port %u, %zu byte(s)<pre>", obs[i].port,
			obs[i].len);
		pg_raw(&w, obs[i].val ? (const void *)obs[i].val : "",
		       CS_MIN(obs[i].len, (size_t)4096));
		pg_put(&w, "</pre></div>\n");
	}
	return w.rc ? w.rc : cs_page_end(b);
}

int
cs_page_device(struct cs_buf *b, const struct cs_page_ctx *c, int64_t scan_id,
	       const struct cs_device_row *d, const struct cs_obs *obs,
	       size_t nobs, const struct cs_finding_row *f, size_t nf)
{
	return device_page(b, c, scan_id, d, NULL, obs, nobs, f, nf);
}

int
cs_page_device_placed(struct cs_buf *b, const struct cs_page_ctx *c,
		      int64_t scan_id, const struct cs_device_row *d,
		      const struct cs_placement_row *p,
		      const struct cs_finding_row *f, size_t nf)
{
	return device_page(b, c, scan_id, d, p, NULL, 0, f, nf);
}

int
cs_page_findings_begin(struct cs_buf *b, const struct cs_page_ctx *c)
{
	struct pg w = {b, 0};
	int rc;

	if ((rc = cs_page_begin(b, c, "Findings and plan")) != 0)
		return rc;
	pg_put(&w, "<p class=\"sub\">Findings in your scope, most severe "
		   "first. Set the owner, due date and status of each; only "
		   "a later assessment closes a finding.</p>\n"
		   "<table id=\"findings\"><thead><tr><th>Finding</th><th>"
		   "Device</th><th>Address</th><th>Site</th><th>Maker</th>"
		   "<th>Model</th><th>Severity</th><th>Rule</th><th>Action"
		   "</th><th>Deadline</th><th>Plan</th></tr></thead><tbody>\n");
	return w.rc;
}

/* The statuses a person may set (store.h: assess sets the others). */
static const char *const plan_states[] = {"open", "planned", "done",
					  "risk-accepted"};

int
cs_page_findings_row(struct cs_buf *b, const struct cs_page_ctx *c,
		     const struct cs_finding_row *f)
{
	struct pg w = {b, 0};
	bool settable = false;
	long long id = (long long)f->id;

	pg_putf(&w, "<tr id=\"f%lld\"><td>%lld</td><td>", id, id);
	if (f->device_id > 0)
		pg_putf(&w, "<a href=\"/devices/%lld\">%lld</a>",
			(long long)f->device_id, (long long)f->device_id);
	pg_put(&w, "</td><td>");
	pg_text(&w, f->ip[0] ? f->ip : f->mac); /* no address: switch-only */
	pg_put(&w, "</td><td>");
	pg_text(&w, f->site_name[0] ? f->site_name : f->site);
	pg_put(&w, "</td><td>");
	pg_text(&w, f->manufacturer);
	pg_put(&w, "</td><td>");
	pg_text(&w, f->model);
	pg_put(&w, "</td>");
	finding_cells(&w, f);
	pg_put(&w, "<td>");
	for (size_t k = 0; k < CS_NELEM(plan_states); k++)
		settable |= strcmp(f->status, plan_states[k]) == 0;
	if (!settable) {
		/* closed or withdrawn: assess decides, no form */
		pg_put(&w, "<span class=\"status\">");
		pg_text(&w, f->status);
		pg_put(&w, "</span>");
		pg_put(&w, "</td></tr>\n");
		return w.rc;
	}
	pg_putf(&w,
		"<form class=\"plan\" id=\"plan-%lld\" method=\"post\" "
		"action=\"/findings/%lld/plan\">",
		id, id);
	pg_csrf(&w, c);
	pg_put(&w, "<label>Owner <input name=\"owner\" maxlength=\"63\" "
		   "value=\"");
	pg_attr(&w, f->owner);
	pg_put(&w, "\"></label> <label>Due <input name=\"due\" type=\"date\" "
		   "value=\"");
	pg_attr(&w, f->due);
	pg_put(&w, "\"></label> <label>Status <select name=\"status\">");
	for (size_t k = 0; k < CS_NELEM(plan_states); k++)
		pg_putf(&w, "<option%s>%s</option>",
			strcmp(f->status, plan_states[k]) == 0 ? " selected"
							       : "",
			plan_states[k]);
	pg_put(&w, "</select></label> <label>Until <input name=\"until\" "
		   "type=\"date\" value=\"");
	pg_attr(&w, f->status_until);
	pg_put(&w, "\"></label> <label>Note <input name=\"note\" "
		   "maxlength=\"255\" value=\"");
	pg_attr(&w, f->note);
	pg_put(&w, "\"></label> <button type=\"submit\">Save</button>"
		   "</form></td></tr>\n");
	return w.rc;
}

int
cs_page_findings_end(struct cs_buf *b, size_t shown, size_t more)
{
	struct pg w = {b, 0};

	pg_putf(
	    &w,
	    "</tbody></table>\n<p id=\"finding-count\">%zu finding(s).</p>\n",
	    shown);
	more_note(&w, more, "finding(s)");
	return w.rc ? w.rc : cs_page_end(b);
}

int
cs_page_sites_add(struct cs_page_site **v, size_t *n,
		  const struct cs_finding_row *f, bool first, const char *today)
{
	struct cs_page_site *s = NULL;
	bool active = strcmp(f->status, "closed") != 0 &&
		      strcmp(f->status, "withdrawn") != 0;

	for (size_t i = 0; i < *n; i++)
		if (strcmp((*v)[i].site, f->site) == 0 &&
		    strcmp((*v)[i].department, f->department) == 0) {
			s = &(*v)[i];
			break;
		}
	if (s == NULL) {
		*v = cs_xrealloc(*v, *n + 1, sizeof(**v));
		s = &(*v)[(*n)++];
		memset(s, 0, sizeof(*s));
		snprintf(s->site, sizeof(s->site), "%s", f->site);
		snprintf(s->site_name, sizeof(s->site_name), "%s",
			 f->site_name);
		snprintf(s->department, sizeof(s->department), "%s",
			 f->department);
		snprintf(s->department_name, sizeof(s->department_name), "%s",
			 f->department_name);
		s->sensitive = f->sensitive;
	}
	s->findings++;
	s->devices += first;
	s->active += active;
	s->overdue += active && f->due[0] && today &&
		      strcmp(f->due, today) < 0 &&
		      strcmp(f->status, "done") != 0 &&
		      strcmp(f->status, "risk-accepted") != 0;
	return 0;
}

static const char *
dept_key(const struct cs_page_site *s)
{
	return s->department_name[0] ? s->department_name : s->department;
}

static const char *
site_key(const struct cs_page_site *s)
{
	return s->site_name[0] ? s->site_name : s->site;
}

static int
site_cmp(const void *a, const void *b)
{
	const struct cs_page_site *x = a, *y = b;
	int c = strcmp(dept_key(x), dept_key(y));

	return c ? c : strcmp(site_key(x), site_key(y));
}

int
cs_page_sites(struct cs_buf *b, const struct cs_page_ctx *c,
	      struct cs_page_site *v, size_t n)
{
	struct pg w = {b, 0};
	int rc;

	if ((rc = cs_page_begin(b, c, "Sites and departments")) != 0)
		return rc;
	if (n == 0) {
		pg_put(&w, "<p class=\"note\">No finding in your scope: sites "
			   "and departments come from the estate of an "
			   "assessment (<code>camsweep assess --estate</code>)."
			   "</p>\n");
		return w.rc ? w.rc : cs_page_end(b);
	}
	if (n > 1)
		qsort(v, n, sizeof(*v), site_cmp);
	pg_put(&w, "<table id=\"sites\"><thead><tr><th>Department</th><th>"
		   "Site</th><th>Sensitive</th><th class=\"num\">Devices with "
		   "findings</th><th class=\"num\">Findings</th><th "
		   "class=\"num\">Active</th><th class=\"num\">Overdue</th>"
		   "</tr></thead><tbody>\n");
	for (size_t i = 0; i < n; i++) {
		const struct cs_page_site *s = &v[i];

		pg_put(&w,
		       s->sensitive ? "<tr class=\"prc\"><td>" : "<tr><td>");
		pg_text_or_dash(&w, dept_key(s));
		pg_put(&w, "</td><td>");
		pg_text(&w, site_key(s)[0] ? site_key(s) : "not in the estate");
		pg_putf(&w,
			"</td><td>%s</td><td class=\"num\">%zu</td><td "
			"class=\"num\">%zu</td><td class=\"num\">%zu</td><td "
			"class=\"num\">%zu</td></tr>\n",
			s->sensitive ? "yes" : "no", s->devices, s->findings,
			s->active, s->overdue);
	}
	pg_put(&w, "</tbody></table>\n");
	return w.rc ? w.rc : cs_page_end(b);
}

int
cs_page_scans_begin(struct cs_buf *b, const struct cs_page_ctx *c)
{
	struct pg w = {b, 0};
	int rc;

	if ((rc = cs_page_begin(b, c, "Scans")) != 0)
		return rc;
	pg_put(&w, "<p class=\"sub\">Newest first; a scan recorded while this "
		   "page is open is added to the table.</p>\n"
		   "<table id=\"scans\"><thead><tr><th>Scan</th><th>Status"
		   "</th><th>Site</th><th>Started (UTC)</th><th>Ended (UTC)"
		   "</th><th class=\"num\">Addresses</th><th class=\"num\">"
		   "Hosts done</th></tr></thead><tbody id=\"scan-rows\">\n");
	return w.rc;
}

int
cs_page_scans_row(struct cs_buf *b, int64_t id, const struct cs_scan_state *st)
{
	struct pg w = {b, 0};
	char a[32], e[32];

	pg_putf(&w, "<tr id=\"scan-%lld\"><td>%lld</td><td>", (long long)id,
		(long long)id);
	pg_text(&w, st->status);
	pg_put(&w, "</td><td>");
	pg_text(&w, st->site);
	pg_putf(&w,
		"</td><td>%s</td><td>%s</td><td class=\"num\">%llu</td><td "
		"class=\"num\">%llu</td></tr>\n",
		tm(st->started, a, sizeof(a)), tm(st->ended, e, sizeof(e)),
		(unsigned long long)st->total_targets,
		(unsigned long long)st->hosts_done);
	return w.rc;
}

static void
scan_select(struct pg *w, const char *name, const int64_t *ids, size_t n,
	    size_t sel)
{
	pg_putf(w, "<select name=\"%s\">", name);
	for (size_t i = 0; i < n; i++)
		pg_putf(w, "<option%s>%lld</option>",
			i == sel ? " selected" : "", (long long)ids[i]);
	pg_put(w, "</select>");
}

int
cs_page_scans_end(struct cs_buf *b, const int64_t *ids, size_t nids)
{
	struct pg w = {b, 0};

	pg_put(&w, "</tbody></table>\n");
	if (nids >= 2) {
		/* ids newest first: the default compares the newest with the
		 * one before it */
		pg_put(&w, "<h2>Compare two scans</h2>\n<form id=\"diff\" "
			   "method=\"get\" action=\"/diff\"><label>From ");
		scan_select(&w, "a", ids, nids, 1);
		pg_put(&w, "</label> <label>to ");
		scan_select(&w, "b", ids, nids, 0);
		pg_put(&w, "</label> <button type=\"submit\">Show changes"
			   "</button></form>\n");
	}
	return w.rc ? w.rc : cs_page_end(b);
}

int
cs_page_diff_begin(struct cs_buf *b, const struct cs_page_ctx *c, int64_t a,
		   int64_t bid)
{
	struct pg w = {b, 0};
	char title[96];
	int rc;

	snprintf(title, sizeof(title), "Changes from scan %lld to scan %lld",
		 (long long)a, (long long)bid);
	if ((rc = cs_page_begin(b, c, title)) != 0)
		return rc;
	pg_put(&w, "<table id=\"changes\"><thead><tr><th>Change</th><th>"
		   "Device</th><th>Address before</th><th>Address after</th>"
		   "<th>Maker</th><th>Model</th><th>What changed</th></tr>"
		   "</thead><tbody>\n");
	return w.rc;
}

int
cs_page_diff_row(struct cs_buf *b, enum cs_audit_change what,
		 const struct cs_audit_dev *da, const struct cs_audit_dev *db,
		 const char *detail)
{
	struct pg w = {b, 0};
	const struct cs_audit_dev *d = db ? db : da;

	if (d == NULL)
		return 0;
	pg_putf(&w, "<tr class=\"%s\"><td>%s</td><td>",
		cs_audit_change_name(what), cs_audit_change_name(what));
	if (d->device_id > 0)
		pg_putf(&w, "<a href=\"/devices/%lld\">%lld</a>",
			(long long)d->device_id, (long long)d->device_id);
	pg_put(&w, "</td><td>");
	pg_text(&w, da ? da->ip : "");
	pg_put(&w, "</td><td>");
	pg_text(&w, db ? db->ip : "");
	pg_put(&w, "</td><td>");
	pg_text(&w, d->id.manufacturer);
	pg_put(&w, "</td><td>");
	pg_text(&w, d->id.model);
	pg_put(&w, "</td><td>");
	pg_raw(&w, detail ? detail : "", detail ? strlen(detail) : 0);
	pg_put(&w, "</td></tr>\n");
	return w.rc;
}

int
cs_page_diff_end(struct cs_buf *b, const struct cs_audit_diff_result *res)
{
	struct pg w = {b, 0};

	pg_putf(&w,
		"</tbody></table>\n<p id=\"diff-counts\">%zu new, %zu gone, "
		"%zu moved, %zu changed; %zu and %zu device(s) outside the "
		"other scan's scope were not compared.</p>\n",
		res->count[CS_AUDIT_NEW], res->count[CS_AUDIT_GONE],
		res->count[CS_AUDIT_MOVED], res->count[CS_AUDIT_CHANGED],
		res->outside_a, res->outside_b);
	return w.rc ? w.rc : cs_page_end(b);
}

static const char console_css[] =
    "nav.top{display:flex;flex-wrap:wrap;gap:14px;align-items:center;"
    "background:#1c1c1c;color:#fff;margin:0 -24px;padding:8px 24px}\n"
    "nav.top a{color:#fff;text-decoration:none}nav.top .brand{"
    "font-weight:bold;letter-spacing:.08em}\n"
    "nav.top .who{margin-left:auto;color:#ccc}form.logout{margin:0}\n"
    ".live:empty{display:none}.live{background:#e7f3e7;border-left:4px "
    "solid #2e7d32;padding:6px 10px}\n"
    ".flash{background:#e9edf4;border-left:4px solid #2f5d8a;padding:6px "
    "10px}.flash.error{background:#fbeceb;border-color:#b3261e}\n"
    "main.login{max-width:360px;margin:80px auto}main.login label{"
    "display:block;margin:8px 0}main.login input{width:100%}\n"
    "form.plan{display:flex;flex-wrap:wrap;gap:4px 8px;margin:0}"
    "form.plan input{width:9em}\n"
    "tr.new td{background:#e7f3e7}tr.gone td{background:#fbeceb}\n";

int
cs_page_css(struct cs_buf *b)
{
	int rc = cs_buf_adds(b, cs_report_css());

	return rc ? rc : cs_buf_adds(b, console_css);
}

/*
 * The events client: on each "scan" event (JSON: numbers and the store's
 * status word) it adds the scan's row to the scans table, if the page has
 * one, and says so in the live line.  Text only through textContent.
 */
static const char events_js[] =
    "'use strict';\n"
    "(function () {\n"
    "  if (!window.EventSource) return;\n"
    "  var es = new EventSource('/events');\n"
    "  var baseline = true;\n"
    "  es.addEventListener('scan', function (e) {\n"
    "    var s;\n"
    "    try { s = JSON.parse(e.data); } catch (x) { return; }\n"
    "    /* ids are decimal strings: PostgreSQL's exceed what a double\n"
    "       holds exactly */\n"
    "    if (!s || typeof s.id !== 'string' || !/^[0-9]+$/.test(s.id))\n"
    "      return;\n"
    "    var first = baseline;\n"
    "    baseline = false;\n"
    "    var cells = [s.id, s.status, s.site, s.started, s.ended,\n"
    "                 s.targets, s.hosts];\n"
    "    var rows = document.getElementById('scan-rows');\n"
    "    var tr = document.getElementById('scan-' + s.id);\n"
    "    var known = tr !== null;\n"
    "    if (rows && !tr) {\n"
    "      tr = document.createElement('tr');\n"
    "      tr.id = 'scan-' + s.id;\n"
    "      rows.insertBefore(tr, rows.firstChild);\n"
    "      first = false;\n"
    "    }\n"
    "    if (tr) {\n"
    "      while (tr.cells.length < cells.length)\n"
    "        tr.appendChild(document.createElement('td'));\n"
    "      cells.forEach(function (v, i) {\n"
    "        tr.cells[i].textContent = v === undefined || v === null ?\n"
    "          '' : String(v);\n"
    "        if (i >= 5) tr.cells[i].className = 'num';\n"
    "      });\n"
    "    }\n"
    "    var live = document.getElementById('live');\n"
    "    if (live && !first)\n"
    "      live.textContent = (known ? 'Scan ' + s.id + ' is now ' :\n"
    "        'New scan ' + s.id + ' recorded (') + String(s.status) +\n"
    "        (known ? '.' : ').');\n"
    "  });\n"
    "})();\n";

const char *
cs_page_events_js(void)
{
	return events_js;
}
