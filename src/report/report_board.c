/* SPDX-License-Identifier: ISC */
/*
 * The board paper (issue #20): what a department hands its board, in at
 * most two A4 pages when printed.  Headline counts; what each obligation
 * requires and by when, overdue first; covered units by site sensitivity
 * and network zone; progress since the previous review; the top risks.
 * The full report opens with it and keeps the annexes after it.
 *
 * A "unit" is one device at one site: its findings grouped, so that each
 * device is one row with its obligations.  Units sort by site name, then
 * by numeric address.  Device text is element content only, through
 * cs_report_put_html.
 */
#include "report/report.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/addr.h"
#include "core/alloc.h"
#include "report/report_impl.h"
#include "core/poison.h"

#define TOP_RISKS 8
#define TOP_SITES 8

int
cs_report_ip_cmp(const char *a, const char *b)
{
	uint8_t x[16], y[16];
	int fa = cs_ip_family(a, x), fb = cs_ip_family(b, y);
	int c;

	if (fa != fb) /* IPv4 first, then IPv6, then anything else */
		return fa == 0 ? 1 : fb == 0 ? -1 : fa - fb;
	if (fa == 0)
		return strcmp(a, b);
	c = memcmp(x, y, fa == 4 ? 4 : 16);
	return c;
}

void
cs_report_today(const struct cs_report *r, char out[11])
{
	char t[32];

	cs_report_time(r->o.now, t, sizeof(t));
	t[10] = '\0';
	memcpy(out, t, 11);
}

bool
cs_report_f_active(const struct cs_finding_row *f)
{
	return strcmp(f->status, "closed") != 0 &&
	       strcmp(f->status, "withdrawn") != 0;
}

bool
cs_report_f_overdue(const struct cs_finding_row *f, const char *today)
{
	/* Work not yet done past its deadline ("done" awaits the scan that
	 * verifies it; a risk accepted is a decision, shown as such). */
	return f->deadline[0] && today[0] && strcmp(f->deadline, today) < 0 &&
	       (strcmp(f->status, "open") == 0 ||
		strcmp(f->status, "planned") == 0);
}

bool
cs_report_f_covered(const struct cs_finding_row *f)
{
	/* The evaluator writes "Covered: " for equipment the regime's test
	 * covers ("; covered: " before issue #20). */
	return strstr(f->evidence, ". Covered: ") != NULL ||
	       strstr(f->evidence, "; covered: ") != NULL;
}

const char *
cs_report_regime_label(const char *id)
{
	static const struct {
		const char *id, *label;
	} t[] = {
	    {"uk-gsg-2022", "UK WMS HCWS386"},
	    {"us-ndaa-889", "US NDAA \xC2\xA7"
			    "889"},
	    {"us-fcc-covered", "FCC Covered List"},
	    {"au-2023", "Australia 2023"},
	    {"ca-2025-hikvision", "Canada 2025"},
	    {"core-no-surveillance", "Local rule (core)"},
	};

	for (size_t i = 0; i < CS_NELEM(t); i++)
		if (strcmp(t[i].id, id) == 0)
			return t[i].label;
	return id;
}

/* ---------------------------------------------------------------------- */
/* Units: one device at one site with its findings. */

static const struct cs_report *unit_sort_r;

static const char *
site_key(const struct cs_finding_row *f)
{
	return f->site_name[0] ? f->site_name : f->site;
}

static int
fnd_unit_cmp(const void *a, const void *b)
{
	const struct cs_finding_row *x = &unit_sort_r->fnd[*(const size_t *)a];
	const struct cs_finding_row *y = &unit_sort_r->fnd[*(const size_t *)b];
	int c;

	if ((c = strcmp(site_key(x), site_key(y))) != 0 ||
	    (c = strcmp(x->site, y->site)) != 0 ||
	    (c = cs_report_ip_cmp(rp_where(x), rp_where(y))) != 0 ||
	    (c = strcmp(rp_where(x), rp_where(y))) != 0 ||
	    (c = strcmp(x->regime, y->regime)) != 0 ||
	    (c = strcmp(x->obligation, y->obligation)) != 0)
		return c;
	return (*(const size_t *)a > *(const size_t *)b) -
	       (*(const size_t *)a < *(const size_t *)b);
}

void
cs_report_units(const struct cs_report *r, struct rp_units *u)
{
	char today[11];

	memset(u, 0, sizeof(*u));
	cs_report_today(r, today);
	u->ix = cs_xcalloc(r->nfnd + 1, sizeof(*u->ix));
	u->v = cs_xcalloc(r->nfnd + 1, sizeof(*u->v));
	for (size_t i = 0; i < r->nfnd; i++)
		u->ix[i] = i;
	unit_sort_r = r;
	if (r->nfnd > 1)
		qsort(u->ix, r->nfnd, sizeof(*u->ix), fnd_unit_cmp);
	for (size_t k = 0; k < r->nfnd; k++) {
		const struct cs_finding_row *f = &r->fnd[u->ix[k]];
		struct rp_unit *x;

		if (u->n == 0 ||
		    strcmp(f->site, u->v[u->n - 1].f0->site) != 0 ||
		    strcmp(rp_where(f), rp_where(u->v[u->n - 1].f0)) != 0) {
			x = &u->v[u->n++];
			x->f0 = f;
			x->first = k;
			x->sev = -1;
		}
		x = &u->v[u->n - 1];
		x->nf++;
		x->sensitive |= f->sensitive;
		x->core |= strcmp(f->zone, "core") == 0 || f->reach_core;
		if (!cs_report_f_active(f))
			continue;
		x->active = true;
		x->covered |= cs_report_f_covered(f);
		x->overdue |= cs_report_f_overdue(f, today);
		if ((int)f->severity > x->sev)
			x->sev = (int)f->severity;
	}
}

void
cs_report_units_free(struct rp_units *u)
{
	free(u->ix);
	free(u->v);
	memset(u, 0, sizeof(*u));
}

/* "UK WMS HCWS386 3 (overdue), US NDAA §889 part-b" for unit x. */
static void
unit_obligations(struct rp_w *w, const struct cs_report *r,
		 const struct rp_units *u, const struct rp_unit *x, bool text)
{
	char today[11];
	bool any = false;

	cs_report_today(r, today);
	for (size_t k = x->first; k < x->first + x->nf; k++) {
		const struct cs_finding_row *f = &r->fnd[u->ix[k]];

		if (!cs_report_f_active(f))
			continue;
		cs_report_put(w, any ? (text ? "<br>" : ", ") : "");
		any = true;
		cs_report_put_html(w, cs_report_regime_label(f->regime));
		cs_report_put(w, " ");
		cs_report_put_html(w, f->obligation);
		if (text) {
			cs_report_put(w, ": ");
			cs_report_put_html(w, f->action_text[0] ? f->action_text
								: f->action);
		}
		if (f->deadline[0]) {
			cs_report_put(w, " (by ");
			cs_report_put_html(w, f->deadline);
			cs_report_put(w, ")");
		}
		if (cs_report_f_overdue(f, today))
			cs_report_put(w, " <span class=\"tag prc\">overdue"
					 "</span>");
		if (strcmp(f->status, "open") != 0) {
			cs_report_put(w, " [");
			cs_report_put_html(w, f->status);
			if (f->owner[0]) {
				cs_report_put(w, ", ");
				cs_report_put_html(w, f->owner);
			}
			if (f->due[0]) {
				cs_report_put(w, ", due ");
				cs_report_put_html(w, f->due);
			}
			cs_report_put(w, "]");
		}
	}
	if (!any)
		cs_report_put(w, "none active (closed or withdrawn)");
}

/* Maker (brand) model of a unit, as one cell. */
static void
unit_identity(struct rp_w *w, const struct cs_finding_row *f)
{
	cs_report_put_html(w, f->manufacturer[0] ? f->manufacturer
						 : "maker unknown");
	if (f->brand[0] && strcmp(f->brand, f->manufacturer) != 0) {
		cs_report_put(w, " (");
		cs_report_put_html(w, f->brand);
		cs_report_put(w, ")");
	}
	if (f->model[0]) {
		cs_report_put(w, " ");
		cs_report_put_html(w, f->model);
	}
	cs_report_put(w, ", ");
	cs_report_put_html(w, f->device_class);
}

static void
put_site_name(struct rp_w *w, const struct cs_finding_row *f)
{
	if (f->site[0] == '\0') {
		cs_report_put(w, "not in the estate");
		return;
	}
	cs_report_put_html(w, f->site_name[0] ? f->site_name : f->site);
}

/* ---------------------------------------------------------------------- */
/* The obligations: what each requires, by when, overdue first. */

struct obl {
	const struct cs_finding_row *f; /* first finding of it */
	size_t units, sensitive, open, planned, done, accepted, overdue;
	int sev;
};

static int
obl_cmp(const void *a, const void *b)
{
	const struct obl *x = a, *y = b;
	int c;

	if ((x->overdue > 0) != (y->overdue > 0))
		return x->overdue > 0 ? -1 : 1;
	if ((x->f->deadline[0] != 0) != (y->f->deadline[0] != 0))
		return x->f->deadline[0] ? -1 : 1;
	if ((c = strcmp(x->f->deadline, y->f->deadline)) != 0)
		return c;
	if (x->sev != y->sev)
		return y->sev - x->sev;
	if ((c = strcmp(x->f->regime, y->f->regime)) != 0)
		return c;
	return strcmp(x->f->obligation, y->f->obligation);
}

/* Days from day a to day b (YYYY-MM-DD each); 0 if either is bad. */
static long
days_between(const char *a, const char *b)
{
	int64_t x, y;

	if (cs_report_parse_date(a, &x) != 0 ||
	    cs_report_parse_date(b, &y) != 0)
		return 0;
	return (long)((y - x) / 86400);
}

static void
obligations(struct rp_w *w, const struct cs_report *r)
{
	struct obl *v = cs_xcalloc(r->nfnd + 1, sizeof(*v));
	size_t n = 0;
	char today[11];

	cs_report_today(r, today);
	for (size_t i = 0; i < r->nfnd; i++) {
		const struct cs_finding_row *f = &r->fnd[i];
		struct obl *o = NULL;

		if (!cs_report_f_active(f))
			continue;
		for (size_t j = 0; j < n && o == NULL; j++)
			if (strcmp(v[j].f->regime, f->regime) == 0 &&
			    strcmp(v[j].f->obligation, f->obligation) == 0)
				o = &v[j];
		if (o == NULL) {
			o = &v[n++];
			o->f = f;
			o->sev = -1;
		}
		o->units++;
		o->sensitive += f->sensitive;
		o->open += strcmp(f->status, "open") == 0;
		o->planned += strcmp(f->status, "planned") == 0;
		o->done += strcmp(f->status, "done") == 0;
		o->accepted += strcmp(f->status, "risk-accepted") == 0;
		o->overdue += cs_report_f_overdue(f, today);
		if ((int)f->severity > o->sev)
			o->sev = (int)f->severity;
	}
	if (n > 1)
		qsort(v, n, sizeof(*v), obl_cmp);
	cs_report_put(w, "<h3>What each obligation requires, and by when"
			 "</h3>\n");
	if (n == 0) {
		cs_report_put(w, "<p>No active obligation.</p>\n");
		free(v);
		return;
	}
	cs_report_put(w, "<table class=\"board\"><tr><th>Rule</th><th>What "
			 "it requires</th><th>By</th><th class=\"num\">Units"
			 "</th><th class=\"num\">On sensitive sites</th><th>"
			 "Plan: open / planned / done / risk accepted</th>"
			 "<th>Worst</th></tr>\n");
	for (size_t i = 0; i < n; i++) {
		const struct obl *o = &v[i];

		cs_report_put(w, o->overdue ? "<tr class=\"overdue\"><td>"
					    : "<tr><td>");
		cs_report_put_html(w, cs_report_regime_label(o->f->regime));
		cs_report_put(w, " ");
		cs_report_put_html(w, o->f->obligation);
		cs_report_put(w, "</td><td>");
		cs_report_put_html(w, o->f->action_text[0] ? o->f->action_text
							   : o->f->action);
		cs_report_put(w, "</td><td>");
		if (o->f->deadline[0]) {
			cs_report_put_html(w, o->f->deadline);
			if (o->overdue)
				cs_report_putf(
				    w,
				    " <span class=\"tag prc\">overdue %ld "
				    "days</span>",
				    days_between(o->f->deadline, today));
		} else {
			cs_report_put(w, "in force (no date)");
		}
		cs_report_putf(w,
			       "</td><td class=\"num\">%zu</td><td "
			       "class=\"num\">%zu</td><td>%zu / %zu / %zu / "
			       "%zu</td><td>%s</td></tr>\n",
			       o->units, o->sensitive, o->open, o->planned,
			       o->done, o->accepted,
			       cs_severity_name((enum cs_severity)o->sev));
	}
	cs_report_put(w, "</table>\n");
	free(v);
}

/* ---------------------------------------------------------------------- */
/* Covered units by sensitivity and zone, and the sites most affected. */

static int
zone_col(const struct cs_finding_row *f)
{
	if (strcmp(f->zone, "core") == 0)
		return 0;
	if (strcmp(f->zone, "cctv") == 0)
		return 1;
	if (f->zone[0])
		return 2;
	return 3;
}

struct site_row {
	const struct cs_finding_row *f;
	size_t covered, overdue;
};

static int
site_row_cmp(const void *a, const void *b)
{
	const struct site_row *x = a, *y = b;

	if (x->f->sensitive != y->f->sensitive)
		return x->f->sensitive ? -1 : 1;
	if (x->overdue != y->overdue)
		return x->overdue > y->overdue ? -1 : 1;
	if (x->covered != y->covered)
		return x->covered > y->covered ? -1 : 1;
	return strcmp(site_key(x->f), site_key(y->f));
}

static void
by_sensitivity(struct rp_w *w, const struct cs_report *r,
	       const struct rp_units *u)
{
	static const char *const zones[] = {"core", "cctv", "other",
					    "not mapped"};
	static const char *const rows[] = {"Sensitive sites", "Other sites",
					   "Not in the estate"};
	size_t m[3][5] = {{0}}, ns = 0;
	struct site_row *sites = cs_xcalloc(u->n + 1, sizeof(*sites));

	for (size_t i = 0; i < u->n; i++) {
		const struct rp_unit *x = &u->v[i];
		int row = x->f0->site[0] == '\0' ? 2 : x->sensitive ? 0 : 1;

		if (!x->covered)
			continue;
		m[row][zone_col(x->f0)]++;
		m[row][4]++;
		if (ns == 0 || strcmp(sites[ns - 1].f->site, x->f0->site) != 0)
			sites[ns++].f = x->f0;
		sites[ns - 1].covered++;
		sites[ns - 1].overdue += x->overdue;
	}
	cs_report_put(w, "<h3>Covered units by site sensitivity and network "
			 "zone</h3>\n<table class=\"board\"><tr><th></th>");
	for (size_t k = 0; k < CS_NELEM(zones); k++)
		cs_report_putf(w, "<th class=\"num\">%s</th>", zones[k]);
	cs_report_put(w, "<th class=\"num\">Total</th></tr>\n");
	for (size_t i = 0; i < CS_NELEM(rows); i++) {
		cs_report_putf(w, "<tr%s><th>%s</th>",
			       i == 0 && m[0][4] ? " class=\"overdue\"" : "",
			       rows[i]);
		for (size_t k = 0; k < 5; k++)
			cs_report_putf(w, "<td class=\"num\">%zu</td>",
				       m[i][k]);
		cs_report_put(w, "</tr>\n");
	}
	cs_report_put(w, "</table>\n<p class=\"small\">A covered unit is a "
			 "device whose maker the rule's test covers (the "
			 "maker, or a parent, is PRC-incorporated or a listed "
			 "entity) and whose class the rule covers.</p>\n");
	if (ns > 1)
		qsort(sites, ns, sizeof(*sites), site_row_cmp);
	if (ns > 0) {
		cs_report_put(w, "<table class=\"board\"><tr><th>Site</th>"
				 "<th>Department</th><th>Sensitive</th><th "
				 "class=\"num\">Covered units</th><th "
				 "class=\"num\">Overdue</th></tr>\n");
		for (size_t i = 0; i < CS_MIN(ns, (size_t)TOP_SITES); i++) {
			const struct cs_finding_row *f = sites[i].f;

			cs_report_put(w, sites[i].overdue
					     ? "<tr class=\"overdue\"><td>"
					     : "<tr><td>");
			put_site_name(w, f);
			cs_report_put(w, "</td><td>");
			cs_report_put_html(w, f->department_name[0]
						  ? f->department_name
						  : f->department);
			cs_report_put(w, "</td><td>");
			if (f->sensitive) {
				cs_report_put(w, "yes (");
				cs_report_put_html(w, f->sensitivity_reason);
				cs_report_put(w, ")");
			} else {
				cs_report_put(w, "no");
			}
			cs_report_putf(w,
				       "</td><td class=\"num\">%zu</td><td "
				       "class=\"num\">%zu</td></tr>\n",
				       sites[i].covered, sites[i].overdue);
		}
		if (ns > TOP_SITES)
			cs_report_putf(w,
				       "<tr><td colspan=\"5\">and %zu more "
				       "site(s): see the annex</td></tr>\n",
				       ns - TOP_SITES);
		cs_report_put(w, "</table>\n");
	}
	free(sites);
}

/* ---------------------------------------------------------------------- */
/* Progress since the previous review (the previous scan). */

static void
progress(struct rp_w *w, const struct cs_report *r)
{
	const struct rp_scan *prev = NULL;
	size_t closed = 0, raised = 0, open_then = 0, open_now = 0;
	size_t states[4] = {0};
	char t[32];

	cs_report_put(w, "<h3>Progress since the previous review</h3>\n");
	for (size_t i = r->nhist; i-- > 0;)
		if (r->hist[i].id < r->asmt_scan) {
			prev = &r->hist[i];
			break;
		}
	for (size_t i = 0; i < r->nfnd; i++) {
		const struct cs_finding_row *f = &r->fnd[i];

		if (strcmp(f->status, "withdrawn") == 0)
			continue;
		if (cs_report_f_active(f))
			open_now++;
		states[0] += strcmp(f->status, "open") == 0;
		states[1] += strcmp(f->status, "planned") == 0;
		states[2] += strcmp(f->status, "done") == 0;
		states[3] += strcmp(f->status, "risk-accepted") == 0;
		if (prev == NULL)
			continue;
		if (f->first_scan <= prev->id &&
		    (f->verified_scan == 0 || f->verified_scan > prev->id))
			open_then++;
		if (strcmp(f->status, "closed") == 0 &&
		    f->verified_scan > prev->id)
			closed++;
		if (f->first_scan > prev->id && cs_report_f_active(f))
			raised++;
	}
	cs_report_put(w, "<ul class=\"board\">");
	if (prev == NULL) {
		cs_report_putf(w,
			       "<li>This is the first review: scan %lld is "
			       "the baseline.</li>",
			       (long long)r->asmt_scan);
	} else {
		cs_report_putf(w,
			       "<li>Previous review: scan %lld of %s. Active "
			       "findings then %zu, now %zu.</li>"
			       "<li>%zu finding(s) closed since, each verified "
			       "by a later scan that no longer saw the device"
			       "; %zu newly raised.</li>"
			       "<li>PRC-made surveillance devices seen: %zu "
			       "then, %zu now.</li>",
			       (long long)prev->id,
			       cs_report_time(prev->st.started, t, sizeof(t)),
			       open_then, open_now, closed, raised, prev->prc,
			       r->scan.prc);
	}
	cs_report_putf(w,
		       "<li>Plan now: %zu open, %zu planned, %zu done "
		       "(awaiting a verifying scan), %zu risk accepted."
		       "</li></ul>\n",
		       states[0], states[1], states[2], states[3]);
}

/* ---------------------------------------------------------------------- */
/* The top risks: overdue first, then severity, sensitivity, core. */

static const struct rp_units *risk_sort_u;

static int
risk_cmp(const void *a, const void *b)
{
	const struct rp_unit *x = &risk_sort_u->v[*(const size_t *)a];
	const struct rp_unit *y = &risk_sort_u->v[*(const size_t *)b];

	if (x->overdue != y->overdue)
		return x->overdue ? -1 : 1;
	if (x->sev != y->sev)
		return y->sev - x->sev;
	if (x->sensitive != y->sensitive)
		return x->sensitive ? -1 : 1;
	if (x->core != y->core)
		return x->core ? -1 : 1;
	return (*(const size_t *)a > *(const size_t *)b) -
	       (*(const size_t *)a < *(const size_t *)b);
}

static void
top_risks(struct rp_w *w, const struct cs_report *r, const struct rp_units *u)
{
	size_t *ix = cs_xcalloc(u->n + 1, sizeof(*ix)), n = 0;

	for (size_t i = 0; i < u->n; i++)
		if (u->v[i].active && u->v[i].sev >= (int)CS_SEV_HIGH)
			ix[n++] = i;
	risk_sort_u = u;
	if (n > 1)
		qsort(ix, n, sizeof(*ix), risk_cmp);
	cs_report_putf(w, "<h3>Top risks</h3>\n");
	if (n == 0) {
		cs_report_put(w, "<p>No active finding of high or critical "
				 "severity.</p>\n");
		free(ix);
		return;
	}
	cs_report_put(w, "<table class=\"board\"><tr><th>Site</th><th>"
			 "Address</th><th>Device</th><th>Zone</th><th>"
			 "Severity</th><th>Obligations</th></tr>\n");
	for (size_t i = 0; i < CS_MIN(n, (size_t)TOP_RISKS); i++) {
		const struct rp_unit *x = &u->v[ix[i]];

		cs_report_put(w, x->overdue ? "<tr class=\"overdue\"><td>"
					    : "<tr><td>");
		put_site_name(w, x->f0);
		if (x->sensitive)
			cs_report_put(w, " (sensitive)");
		cs_report_put(w, "</td><td>");
		cs_report_put_html(w, rp_where(x->f0));
		cs_report_put(w, "</td><td>");
		unit_identity(w, x->f0);
		cs_report_put(w, "</td><td>");
		cs_report_put_html(w,
				   x->f0->zone[0] ? x->f0->zone : "not mapped");
		if (x->f0->reach_core)
			cs_report_put(w, ", reachable from core");
		cs_report_putf(w, "</td><td>%s</td><td>",
			       cs_severity_name((enum cs_severity)x->sev));
		unit_obligations(w, r, u, x, false);
		cs_report_put(w, "</td></tr>\n");
	}
	cs_report_put(w, "</table>\n");
	if (n > TOP_RISKS)
		cs_report_putf(w,
			       "<p class=\"small\">%zu more unit(s) of high "
			       "or critical severity: see the annex.</p>\n",
			       n - TOP_RISKS);
	free(ix);
}

/* ---------------------------------------------------------------------- */

static void
headline(struct rp_w *w, const struct cs_report *r, const struct rp_units *u)
{
	size_t cov = 0, cov_sens = 0, overdue = 0, sites = 0, active = 0;
	const char *last_site = NULL;
	char today[11];

	cs_report_today(r, today);
	for (size_t i = 0; i < u->n; i++) {
		const struct rp_unit *x = &u->v[i];

		active += x->active;
		if (!x->covered)
			continue;
		cov++;
		cov_sens += x->sensitive;
		overdue += x->overdue;
		if (last_site == NULL || strcmp(last_site, x->f0->site) != 0)
			sites++;
		last_site = x->f0->site;
	}
	cs_report_put(w, "<div class=\"cards\">\n");
	cs_report_putf(w,
		       "<div class=\"card\"><div class=\"n\">%zu</div><div "
		       "class=\"l\">surveillance devices</div></div>\n",
		       r->nsurv);
	cs_report_putf(w,
		       "<div class=\"card prc\"><div class=\"n\">%zu</div>"
		       "<div class=\"l\">covered units (%zu sites)</div>"
		       "</div>\n",
		       cov, sites);
	cs_report_putf(w,
		       "<div class=\"card prc\"><div class=\"n\">%zu</div>"
		       "<div class=\"l\">covered on sensitive sites</div>"
		       "</div>\n",
		       cov_sens);
	cs_report_putf(w,
		       "<div class=\"card prc\"><div class=\"n\">%zu</div>"
		       "<div class=\"l\">units overdue</div></div>\n",
		       overdue);
	cs_report_putf(w,
		       "<div class=\"card\"><div class=\"n\">%zu</div><div "
		       "class=\"l\">units with active findings</div></div>\n"
		       "</div>\n",
		       active);
	cs_report_putf(w,
		       "<p><b>%zu covered surveillance unit(s) at %zu site(s); "
		       "%zu on sensitive sites. ",
		       cov, sites, cov_sens);
	if (overdue)
		cs_report_putf(w,
			       "%zu unit(s) are past a deadline that has "
			       "passed (as of %s): they are listed first "
			       "below.",
			       overdue, today);
	else
		cs_report_putf(w,
			       "No deadline has passed for open work (as "
			       "of %s).",
			       today);
	cs_report_put(w, "</b></p>\n");
}

void
cs_report_board(struct rp_w *w, const struct cs_report *r)
{
	struct rp_units u;

	cs_report_put(w, "<section id=\"summary\" class=\"board\"><h2>"
			 "Executive summary</h2>\n");
	if (!r->assessed) {
		cs_report_putf(
		    w,
		    "<div class=\"cards\"><div class=\"card\"><div "
		    "class=\"n\">%zu</div><div class=\"l\">surveillance "
		    "devices</div></div><div class=\"card prc\"><div "
		    "class=\"n\">%zu</div><div class=\"l\">PRC-made</div>"
		    "</div></div>\n<p class=\"note\">No assessment recorded: "
		    "obligations, deadlines, sites and zones appear here once "
		    "the estate has been described and <code>camsweep "
		    "assess</code> has run.</p>\n</section>\n",
		    r->nsurv, r->nprc);
		return;
	}
	cs_report_units(r, &u);
	headline(w, r, &u);
	obligations(w, r);
	by_sensitivity(w, r, &u);
	progress(w, r);
	top_risks(w, r, &u);
	cs_report_put(w, "</section>\n");
	cs_report_units_free(&u);
}

/* One row per device at each site, with its obligations (the annex). */
void
cs_report_unit_tables(struct rp_w *w, const struct cs_report *r)
{
	struct rp_units u;

	cs_report_units(r, &u);
	cs_report_put(w, "<section id=\"sites\" class=\"annex\"><h2>Annex: "
			 "devices with findings, by site</h2>\n<p>One row per "
			 "device, ordered by address, with every obligation "
			 "that applies to it. Shaded rows have an overdue "
			 "obligation.</p>\n");
	if (u.n == 0)
		cs_report_put(w, "<p>No findings match.</p>\n");
	for (size_t i = 0; i < u.n; i++) {
		const struct rp_unit *x = &u.v[i];
		const struct cs_finding_row *f = x->f0;

		if (i == 0 || strcmp(u.v[i - 1].f0->site, f->site) != 0) {
			if (i > 0)
				cs_report_put(w, "</table>\n");
			cs_report_put(w, "<h3>");
			put_site_name(w, f);
			if (f->department_name[0] || f->department[0]) {
				cs_report_put(w, " \xE2\x80\x94 ");
				cs_report_put_html(w, f->department_name[0]
							  ? f->department_name
							  : f->department);
			}
			if (f->sensitive) {
				cs_report_put(w, " <span class=\"tag prc\">"
						 "sensitive</span> <small>");
				cs_report_put_html(w, f->sensitivity_reason);
				cs_report_put(w, "</small>");
			}
			cs_report_put(w, "</h3>\n<table><tr><th>Address</th>"
					 "<th>Device</th><th>Zone</th><th>"
					 "Severity</th><th>Obligations and plan"
					 "</th></tr>\n");
		}
		cs_report_put(w, x->overdue ? "<tr class=\"overdue\"><td>"
					    : "<tr><td>");
		cs_report_put_html(w, rp_where(f));
		cs_report_put(w, "</td><td>");
		unit_identity(w, f);
		cs_report_put(w, "</td><td>");
		cs_report_put_html(w, f->zone[0] ? f->zone : "not mapped");
		if (f->reach_core)
			cs_report_put(w, ", reachable from core");
		cs_report_putf(w, "</td><td>%s</td><td>",
			       x->sev >= 0
				   ? cs_severity_name((enum cs_severity)x->sev)
				   : "none active");
		unit_obligations(w, r, &u, x, true);
		cs_report_put(w, "</td></tr>\n");
	}
	if (u.n)
		cs_report_put(w, "</table>\n");
	cs_report_put(w, "</section>\n");
	cs_report_units_free(&u);
}
