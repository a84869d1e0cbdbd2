/* SPDX-License-Identifier: ISC */
/*
 * The HTML writer: one self-contained document (inline CSS, inline SVG,
 * no script, nothing fetched), with a Content-Security-Policy that
 * forbids scripts as defence in depth.  Device text is only ever written
 * as element text content through cs_esc_html (raw observation bytes
 * through cs_esc_term first, so invalid bytes show as \xNN); attributes,
 * links and styles hold program text only.
 */
#include "report/report.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/alloc.h"
#include "core/obs.h"
#include "core/redact.h"
#include "report/report_impl.h"
#include "core/poison.h"

#define COLOUR_PRC "#b3261e"
#define COLOUR_OTHER "#2f5d8a"
#define LABEL_MAX 30 /* bytes of a chart label */

static const char css[] =
    "body{font:14px/1.45 -apple-system,'Segoe UI',Helvetica,Arial,"
    "sans-serif;color:#1c1c1c;margin:0 auto;max-width:1200px;"
    "padding:0 24px 40px}\n"
    ".marking{background:#1c1c1c;color:#fff;text-align:center;"
    "font-weight:bold;letter-spacing:.1em;padding:4px;margin:0 -24px}\n"
    "h1{font-size:26px;margin:18px 0 4px}h2{font-size:20px;"
    "border-bottom:2px solid #2f5d8a;padding-bottom:3px;margin-top:32px}\n"
    "h3{font-size:16px;margin:22px 0 6px}\n"
    ".sub{color:#555;margin:0 0 12px}\n"
    "nav ol{columns:3;margin:8px 0;padding-left:20px}\n"
    ".cards{display:flex;flex-wrap:wrap;gap:12px;margin:12px 0}\n"
    ".card{border:1px solid #ccd;border-radius:6px;padding:10px 14px;"
    "min-width:150px;background:#f7f8fb}\n"
    ".card .n{font-size:28px;font-weight:bold}.card.prc .n{color:#b3261e}\n"
    ".card .l{color:#444;font-size:12px;text-transform:uppercase;"
    "letter-spacing:.04em}\n"
    "table{border-collapse:collapse;margin:8px 0 14px;font-size:13px}\n"
    "th,td{border:1px solid #ccd;padding:3px 7px;text-align:left;"
    "vertical-align:top}\n"
    "th{background:#e9edf4}td.num,th.num{text-align:right}\n"
    "tr.prc td{background:#fbeceb}\n"
    ".tag{display:inline-block;border-radius:3px;padding:0 5px;"
    "font-size:11px;font-weight:bold}\n"
    ".tag.prc{background:#b3261e;color:#fff}.tag.no{background:#dfe6ee}\n"
    ".note{background:#fff8e1;border-left:4px solid #e0a800;"
    "padding:6px 10px}\n"
    "figure{display:inline-block;margin:8px 18px 8px 0;vertical-align:top}"
    "\nfigcaption{font-weight:bold;margin-bottom:4px}\n"
    "svg text{font:12px sans-serif;fill:#1c1c1c}\n"
    "article{border-top:1px solid #ccd;margin-top:14px}\n"
    "pre{background:#f4f4f4;border:1px solid #ddd;padding:6px;"
    "white-space:pre-wrap;word-break:break-all;font-size:12px;margin:2px 0"
    " 8px;max-height:none}\n"
    "dl{display:grid;grid-template-columns:max-content auto;gap:2px 14px;"
    "margin:6px 0}dt{font-weight:bold}dd{margin:0}\n"
    "code{font-size:12px}\n"
    "footer{margin-top:32px;color:#555;font-size:12px}\n"
    ".prov{color:#444;font-size:11px;margin:0 0 8px}\n"
    "tr.overdue td,tr.overdue th{background:#fbeceb}\n"
    ".small{font-size:11px;color:#444}\n"
    "table.board{width:100%}ul.board{margin:4px 0}\n"
    ".stale{background:#b3261e;color:#fff;font-weight:bold;padding:6px "
    "10px}\n"
    "@media print{body{max-width:none;padding:0;font-size:11px}"
    "nav{display:none}a{color:inherit;text-decoration:none}"
    "h2{break-after:avoid}article,figure,tr{break-inside:avoid}"
    ".marking{margin:0;-webkit-print-color-adjust:exact;"
    "print-color-adjust:exact}"
    "tr.prc td,.tag,.card{-webkit-print-color-adjust:exact;"
    "print-color-adjust:exact}"
    "pre{max-height:none;overflow:visible}"
    "body{font-size:9.5px;line-height:1.3}h1{font-size:17px;margin:0 0 2px}"
    "h2{font-size:13px;margin:8px 0 3px}h3{font-size:11px;margin:7px 0 "
    "3px}.sub,.prov{margin:0 0 3px}.prov{font-size:8px}"
    "table{font-size:8.5px;margin:3px 0 5px}th,td{padding:1px 4px}"
    ".cards{gap:6px;margin:4px 0}.card{padding:3px 8px;min-width:0}"
    ".card .n{font-size:16px}.card .l{font-size:8px}"
    "section.annex{break-before:page}.tag{font-size:7.5px;padding:0 3px}"
    ".small,footer{font-size:8px}footer{margin-top:8px}"
    "tr.overdue td,tr.overdue th{-webkit-print-color-adjust:exact;"
    "print-color-adjust:exact}"
    "figure svg{max-width:100%;height:auto}}\n";

/* Writes at most LABEL_MAX bytes of s, cut at a UTF-8 boundary. */
static void
label(struct rp_w *w, const char *s)
{
	size_t n = strlen(s);

	if (n > LABEL_MAX) {
		n = LABEL_MAX - 1;
		while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
			n--;
		cs_report_put_html_n(w, s, n);
		cs_report_put(w, "\xE2\x80\xA6"); /* ellipsis */
		return;
	}
	cs_report_put_html_n(w, s, n);
}

/*
 * A horizontal bar chart of v[0..n) (at most 20 bars).  With prc, bars of
 * PRC-made lines are coloured and the "PRC-made / other" legend drawn; a
 * chart whose bars are not makers (sensitivity, zone, scans) has neither.
 */
static void
bar_chart(struct rp_w *w, const char *title, const struct rp_count *v, size_t n,
	  bool prc)
{
	size_t max = 1, rows = CS_MIN(n, (size_t)20);
	unsigned h = 30 + 24 * (unsigned)rows;

	for (size_t i = 0; i < rows; i++)
		max = CS_MAX(max, v[i].n);
	cs_report_put(w, "<figure><figcaption>");
	cs_report_put(w, title);
	cs_report_putf(
	    w,
	    "</figcaption>\n<svg xmlns=\"http://www.w3.org/2000/svg\""
	    " width=\"520\" height=\"%u\" viewBox=\"0 0 520 %u\" "
	    "role=\"img\">\n",
	    h, h);
	if (rows == 0)
		cs_report_put(w, "<text x=\"4\" y=\"20\">No surveillance "
				 "devices.</text>\n");
	for (size_t i = 0; i < rows; i++) {
		unsigned y = 6 + 24 * (unsigned)i;
		unsigned bw = (unsigned)(300.0 * (double)v[i].n / (double)max);

		cs_report_putf(w,
			       "<text x=\"186\" y=\"%u\" "
			       "text-anchor=\"end\">",
			       y + 15);
		label(w, v[i].name);
		cs_report_putf(w,
			       "</text><rect x=\"192\" y=\"%u\" width=\"%u\" "
			       "height=\"18\" fill=\"%s\"/><text x=\"%u\" "
			       "y=\"%u\">%zu</text>\n",
			       y, bw ? bw : 1,
			       prc && v[i].prc ? COLOUR_PRC : COLOUR_OTHER,
			       196 + bw, y + 14, v[i].n);
	}
	if (rows && prc)
		cs_report_putf(
		    w,
		    "<rect x=\"192\" y=\"%u\" width=\"10\" "
		    "height=\"10\" fill=\"%s\"/><text x=\"206\" "
		    "y=\"%u\">PRC-made</text><rect x=\"290\" y=\"%u\" "
		    "width=\"10\" height=\"10\" fill=\"%s\"/><text "
		    "x=\"304\" y=\"%u\">other</text>\n",
		    h - 18, COLOUR_PRC, h - 9, h - 18, COLOUR_OTHER, h - 9);
	cs_report_put(w, "</svg></figure>\n");
}

/* Surveillance and PRC-made devices per scan (oldest first). */
static void
history_chart(struct rp_w *w, const struct cs_report *r)
{
	size_t n = r->nhist, max = 1;
	unsigned gw = 40, width = 60 + gw * (unsigned)n, h = 220;
	char ts[32];

	for (size_t i = 0; i < n; i++)
		max = CS_MAX(max, r->hist[i].surveillance);
	cs_report_putf(
	    w,
	    "<figure><figcaption>Surveillance devices per scan"
	    "</figcaption>\n<svg xmlns=\"http://www.w3.org/2000/svg\""
	    " width=\"%u\" height=\"%u\" viewBox=\"0 0 %u %u\" "
	    "role=\"img\">\n<line x1=\"40\" y1=\"170\" x2=\"%u\" "
	    "y2=\"170\" stroke=\"#888\"/>\n",
	    width, h, width, h, width - 10);
	for (size_t i = 0; i < n; i++) {
		const struct rp_scan *s = &r->hist[i];
		unsigned x = 46 + gw * (unsigned)i;
		unsigned hs =
		    (unsigned)(150.0 * (double)s->surveillance / (double)max);
		unsigned hp = (unsigned)(150.0 * (double)s->prc / (double)max);

		cs_report_putf(
		    w,
		    "<rect x=\"%u\" y=\"%u\" width=\"14\" height=\"%u\""
		    " fill=\"%s\"/><rect x=\"%u\" y=\"%u\" "
		    "width=\"14\" height=\"%u\" fill=\"%s\"/>"
		    "<text x=\"%u\" y=\"%u\">%zu</text>"
		    "<text x=\"%u\" y=\"186\">#%lld</text>",
		    x, 170 - hs, hs, COLOUR_OTHER, x + 15, 170 - hp, hp,
		    COLOUR_PRC, x, 166 - hs, s->surveillance, x,
		    (long long)s->id);
		cs_report_time(s->st.started, ts, sizeof(ts));
		ts[10] = '\0';
		cs_report_putf(w,
			       "<text x=\"%u\" y=\"200\" font-size=\"9\">%s"
			       "</text>\n",
			       x - 6, ts + 5);
	}
	cs_report_putf(w,
		       "<rect x=\"40\" y=\"206\" width=\"10\" height=\"10\" "
		       "fill=\"%s\"/><text x=\"54\" y=\"215\">surveillance"
		       "</text><rect x=\"150\" y=\"206\" width=\"10\" "
		       "height=\"10\" fill=\"%s\"/><text x=\"164\" y=\"215\">"
		       "PRC-made</text>\n</svg></figure>\n",
		       COLOUR_OTHER, COLOUR_PRC);
}

static void
card(struct rp_w *w, const char *cls, size_t n, const char *what)
{
	cs_report_putf(w,
		       "<div class=\"card%s\"><div class=\"n\">%zu</div>"
		       "<div class=\"l\">%s</div></div>\n",
		       cls, n, what);
}

/* Adds one to the line named name of v (n lines), creating it. */
static void
count_in(struct rp_count **v, size_t *n, const char *name, bool prc)
{
	for (size_t i = 0; i < *n; i++)
		if (strcmp((*v)[i].name, name) == 0) {
			(*v)[i].n++;
			return;
		}
	*v = cs_xrealloc(*v, *n + 1, sizeof(**v));
	memset(&(*v)[*n], 0, sizeof(**v));
	snprintf((*v)[*n].name, sizeof((*v)[*n].name), "%s", name);
	(*v)[*n].n = 1;
	(*v)[*n].prc = prc;
	(*n)++;
}

/* For qsort of finding indices: by IP, then index. */
static const struct cs_report *fnd_sort_r;

static int
fnd_ip_cmp(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;
	int c = strcmp(fnd_sort_r->fnd[x].ip, fnd_sort_r->fnd[y].ip);

	return c != 0 ? c : (x > y) - (x < y);
}

/*
 * first[i] is true if finding i is the first of r's findings for its IP
 * (one sort, not a scan of the earlier findings for each: an estate has
 * hundreds of thousands).  The caller frees the array.
 */
static bool *
first_for_ip(const struct cs_report *r)
{
	size_t *ix = cs_xcalloc(r->nfnd + 1, sizeof(*ix));
	bool *first = cs_xcalloc(r->nfnd + 1, sizeof(*first));

	for (size_t i = 0; i < r->nfnd; i++)
		ix[i] = i;
	fnd_sort_r = r;
	if (r->nfnd > 1)
		qsort(ix, r->nfnd, sizeof(*ix), fnd_ip_cmp);
	for (size_t k = 0; k < r->nfnd; k++)
		first[ix[k]] = k == 0 || strcmp(r->fnd[ix[k - 1]].ip,
						r->fnd[ix[k]].ip) != 0;
	free(ix);
	return first;
}

static bool
active(const struct cs_finding_row *f)
{
	return strcmp(f->status, "closed") != 0 &&
	       strcmp(f->status, "withdrawn") != 0;
}

static int
cmp_name(const void *a, const void *b)
{
	return strcmp(((const struct rp_count *)a)->name,
		      ((const struct rp_count *)b)->name);
}

/* Findings per department, site and obligation, with plan states. */
static void
findings_summary(struct rp_w *w, const struct cs_report *r)
{
	static const char *const states[] = {
	    "open", "planned", "done", "risk-accepted", "closed", "withdrawn"};
	struct rp_count *g = NULL;
	size_t ng = 0, sens = 0, nact = 0;
	bool *first = first_for_ip(r);

	for (size_t i = 0; i < r->nfnd; i++) {
		const struct cs_finding_row *f = &r->fnd[i];
		char key[128 * 4];

		/* Unit separator: never in the estate's names.  Names, not
		 * ids: the department's and site's names, the rule's. */
		snprintf(key, sizeof(key), "%s\x1f%s\x1f%s\x1f%s",
			 f->department_name[0] ? f->department_name
					       : f->department,
			 f->site_name[0] ? f->site_name
			 : f->site[0]    ? f->site
					 : "not in the estate",
			 cs_report_regime_label(f->regime), f->obligation);
		count_in(&g, &ng, key, f->sensitive);
		if (f->sensitive && first[i])
			sens++;
		if (active(f))
			nact++;
	}
	free(first);
	cs_report_putf(w,
		       "<p>%zu finding(s) recorded, %zu still active; %zu "
		       "device(s) with findings are on sensitive sites.</p>\n",
		       r->nfnd, nact, sens);
	if (ng)
		qsort(g, ng, sizeof(*g), cmp_name);
	cs_report_put(w, "<h3>Covered devices by department and site against "
			 "each obligation</h3>\n<table><tr><th>Department</th>"
			 "<th>Site</th><th>Regime</th><th>Obligation</th>"
			 "<th class=\"num\">Findings</th></tr>\n");
	for (size_t i = 0; i < ng; i++) {
		const char *p = g[i].name;

		cs_report_put(w, g[i].prc ? "<tr class=\"prc\">" : "<tr>");
		for (int k = 0; k < 4; k++) {
			const char *e = strchr(p, '\x1f');
			size_t n = e ? (size_t)(e - p) : strlen(p);

			cs_report_put(w, "<td>");
			cs_report_put_html_n(w, p, n);
			cs_report_put(w, "</td>");
			p += n + (e != NULL);
		}
		cs_report_putf(w, "<td class=\"num\">%zu</td></tr>\n", g[i].n);
	}
	cs_report_put(w, "</table>\n<p>Shaded rows are on sensitive sites."
			 "</p>\n<h3>Remediation plan progress</h3>\n<table>"
			 "<tr>");
	for (size_t k = 0; k < CS_NELEM(states); k++)
		cs_report_putf(w, "<th class=\"num\">%s</th>", states[k]);
	cs_report_put(w, "</tr><tr>");
	for (size_t k = 0; k < CS_NELEM(states); k++) {
		size_t n = 0;

		for (size_t i = 0; i < r->nfnd; i++)
			n += strcmp(r->fnd[i].status, states[k]) == 0;
		cs_report_putf(w, "<td class=\"num\">%zu</td>", n);
	}
	cs_report_put(w, "</tr></table>\n");
	free(g);
}

/* Findings open at each scan of the history (raised, not yet closed). */
static void
findings_chart(struct rp_w *w, const struct cs_report *r)
{
	struct rp_count *v = cs_xcalloc(r->nhist ? r->nhist : 1, sizeof(*v));

	for (size_t i = 0; i < r->nhist; i++) {
		int64_t id = r->hist[i].id;

		snprintf(v[i].name, sizeof(v[i].name), "scan %lld",
			 (long long)id);
		v[i].prc = true;
		for (size_t j = 0; j < r->nfnd; j++) {
			const struct cs_finding_row *f = &r->fnd[j];

			if (strcmp(f->status, "withdrawn") == 0)
				continue;
			if (f->first_scan <= id &&
			    (f->verified_scan == 0 || f->verified_scan > id))
				v[i].n++;
		}
	}
	bar_chart(w, "Findings open after each scan", v, r->nhist, false);
	free(v);
}

static void
findings_charts(struct rp_w *w, const struct cs_report *r)
{
	struct rp_count *sens = NULL, *zone = NULL;
	size_t ns = 0, nz = 0;
	bool *first = first_for_ip(r);

	for (size_t i = 0; i < r->nfnd; i++) {
		const struct cs_finding_row *f = &r->fnd[i];

		if (!first[i])
			continue;
		count_in(&sens, &ns,
			 f->sensitive ? "sensitive site" : "other site",
			 f->sensitive);
		count_in(&zone, &nz, f->zone[0] ? f->zone : "(unmapped)",
			 strcmp(f->zone, "core") == 0);
	}
	bar_chart(w, "Devices with findings by site sensitivity", sens, ns,
		  false);
	bar_chart(w, "Devices with findings by network zone", zone, nz, false);
	if (r->nhist > 1)
		findings_chart(w, r);
	free(sens);
	free(zone);
	free(first);
}

/* Two findings name the same rule. */
static bool
same_rule(const struct cs_finding_row *x, const struct cs_finding_row *y)
{
	return strcmp(x->regime, y->regime) == 0 &&
	       strcmp(x->obligation, y->obligation) == 0;
}

/* Findings (pointers into one array) by rule, then by position. */
static int
rule_order_cmp(const void *a, const void *b)
{
	const struct cs_finding_row *x = *(
					const struct cs_finding_row *const *)a,
				    *y = *(
					const struct cs_finding_row *const *)b;
	int c;

	if ((c = strcmp(x->regime, y->regime)) != 0 ||
	    (c = strcmp(x->obligation, y->obligation)) != 0)
		return c;
	return (x > y) - (x < y);
}

/*
 * Each distinct rule applied, with its citation (printed, not linked), in
 * the order the findings first name it.  Sorting pointers keeps this
 * O(n log n): a million findings name a few dozen rules.
 */
static void
rules_applied(struct rp_w *w, const struct cs_report *r)
{
	const struct cs_finding_row **ix = cs_xcalloc(r->nfnd + 1, sizeof(*ix));
	bool *first = cs_xcalloc(r->nfnd + 1, sizeof(*first));

	for (size_t i = 0; i < r->nfnd; i++)
		ix[i] = &r->fnd[i];
	if (r->nfnd > 1)
		qsort(ix, r->nfnd, sizeof(*ix), rule_order_cmp);
	for (size_t k = 0; k < r->nfnd; k++)
		first[ix[k] - r->fnd] = k == 0 || !same_rule(ix[k - 1], ix[k]);
	free(ix);
	cs_report_put(w, "<section id=\"rules\"><h2>Rules applied</h2>\n"
			 "<table><tr><th>Regime</th><th>Version</th>"
			 "<th>Obligation</th><th>Citation</th><th>Source</th>"
			 "</tr>\n");
	for (size_t i = 0; i < r->nfnd; i++) {
		const struct cs_finding_row *f = &r->fnd[i];

		if (!first[i])
			continue;
		const char *c[] = {f->regime, f->regime_version, f->obligation,
				   f->citation, f->url};
		cs_report_put(w, "<tr>");
		for (size_t k = 0; k < CS_NELEM(c); k++) {
			cs_report_put(w, "<td>");
			cs_report_put_html(w, c[k]);
			cs_report_put(w, "</td>");
		}
		cs_report_put(w, "</tr>\n");
	}
	cs_report_put(w, "</table>\n</section>\n");
	free(first);
}

/* The counts of the inventory as cards (the report's annex and the
 * console's overview). */
static void
cards(struct rp_w *w, const struct cs_report *r)
{
	cs_report_put(w, "<div class=\"cards\">\n");
	card(w, "", r->ndev, "hosts responding");
	card(w, "", r->nsurv, "surveillance devices");
	card(w, " prc", r->nprc, "PRC-made surveillance devices");
	if (r->nunk > 0)
		card(w, r->nprc_unk ? " prc" : "", r->nprc_unk,
		     "PRC-made, class to confirm (maker-only evidence)");
	card(w, "", r->nmakers, "makers");
	card(w, "", r->natt, "cameras behind recorders");
	cs_report_put(w, "</div>\n");
}

static void
summary(struct rp_w *w, const struct cs_report *r)
{
	cs_report_put(w, "<section id=\"inventory\" class=\"annex\"><h2>"
			 "Annex: inventory</h2>\n");
	cards(w, r);
	cs_report_putf(w,
		       "<p>%zu of %zu surveillance devices found by scan %lld "
		       "were made by companies incorporated in the People's "
		       "Republic of China (%.0f%%).</p>\n",
		       r->nprc, r->nsurv, (long long)r->scan.id,
		       r->nsurv ? 100.0 * (double)r->nprc / (double)r->nsurv
				: 0.0);
	if (r->assessed)
		findings_summary(w, r);
	else
		cs_report_put(
		    w, "<p class=\"note\">No assessment recorded: "
		       "obligations, sites, zones, departments and the "
		       "remediation plan appear here once the estate has "
		       "been described and <code>camsweep assess</code> has "
		       "run.</p>\n");
	cs_report_put(w, "<h3>Surveillance devices by maker</h3>\n<table>"
			 "<tr><th>Maker</th><th>Country</th><th>PRC-made</th>"
			 "<th class=\"num\">Devices</th><th class=\"num\">"
			 "Share</th></tr>\n");
	for (size_t i = 0; i < r->nmakers; i++) {
		const struct rp_count *c = &r->makers[i];

		cs_report_put(w,
			      c->prc ? "<tr class=\"prc\"><td>" : "<tr><td>");
		cs_report_put_html(w, c->name);
		cs_report_put(w, "</td><td>");
		cs_report_put_html(w, c->country);
		cs_report_putf(w,
			       "</td><td>%s</td><td class=\"num\">%zu</td>"
			       "<td class=\"num\">%.0f%%</td></tr>\n",
			       c->prc ? "<span class=\"tag prc\">yes</span>"
				      : "<span class=\"tag no\">no</span>",
			       c->n, 100.0 * (double)c->n / (double)r->nsurv);
	}
	cs_report_putf(w,
		       "<tr><th>Total</th><th></th><th></th><th class=\"num\">"
		       "%zu</th><th></th></tr></table>\n",
		       r->nsurv);
	cs_report_put(w, "<h3>Surveillance devices by maker's country</h3>\n"
			 "<table><tr><th>Country</th><th class=\"num\">"
			 "Devices</th></tr>\n");
	for (size_t i = 0; i < r->ncountries; i++) {
		cs_report_put(w, r->countries[i].prc ? "<tr class=\"prc\"><td>"
						     : "<tr><td>");
		cs_report_put_html(w, r->countries[i].name);
		cs_report_putf(w, "</td><td class=\"num\">%zu</td></tr>\n",
			       r->countries[i].n);
	}
	cs_report_put(w, "</table>\n</section>\n");
}

/* A finding of a test=exposure regime (kev, posture; docs/posture.md):
 * only their obligations carry these actions. */
static bool
exposure_finding(const struct cs_finding_row *f)
{
	return strcmp(f->action, "patch-or-remove") == 0 ||
	       strcmp(f->action, "decommission") == 0 ||
	       strcmp(f->action, "harden") == 0;
}

/*
 * The exposure section: the known-exploited flaws found (one line per
 * CVE or end of support: devices, KEV due date, source) and the posture
 * signals (devices each), with a chart of devices by flaw or signal.
 * Active findings only.  Device-supplied text is escaped.
 */
static void
exposure(struct rp_w *w, const struct cs_report *r)
{
	struct rp_count *v = NULL;
	size_t nv = 0, nkev = 0, nf = 0;

	for (size_t i = 0; i < r->nfnd; i++) {
		const struct cs_finding_row *f = &r->fnd[i];
		if (!exposure_finding(f) || !active(f))
			continue;
		nf++;
		nkev += strcmp(f->action, "patch-or-remove") == 0;
		count_in(&v, &nv, f->obligation,
			 strcmp(f->action, "harden") != 0);
	}
	cs_report_put(w, "<section id=\"exposure\"><h2>Exposure: "
			 "known-exploited flaws and security posture</h2>\n");
	if (nf == 0) {
		cs_report_put(w, "<p>No exposure finding is active. Run "
				 "<code>camsweep assess --regime "
				 "kev,posture</code> to check the firmware "
				 "against the known-exploited flaws and the "
				 "units' posture.</p>\n</section>\n");
		free(v);
		return;
	}
	cs_report_putf(w,
		       "<p>%zu active exposure finding(s), %zu of them "
		       "known-exploited flaws (CISA KEV, BOD 22-01 due dates) "
		       "or end of support. Units are matched through their "
		       "firmware lineage: a white-labelled unit inherits its "
		       "OEM's flaws (marked inferred).</p>\n",
		       nf, nkev);
	cs_report_put(w, "<table><tr><th>Severity</th><th>Device</th>"
			 "<th>Maker / brand</th><th>Flaw or signal</th>"
			 "<th>Due</th><th>Evidence</th><th>Source</th></tr>\n");
	for (size_t i = 0; i < r->nfnd; i++) {
		const struct cs_finding_row *f = &r->fnd[i];
		if (!exposure_finding(f) || !active(f))
			continue;
		cs_report_put(w, f->sensitive ? "<tr class=\"prc\"><td>"
					      : "<tr><td>");
		cs_report_put_html(w, cs_severity_name(f->severity));
		cs_report_put(w, "</td><td>");
		cs_report_put_html(w, rp_where(f));
		cs_report_put(w, "</td><td>");
		cs_report_put_html(w, f->manufacturer);
		if (f->brand[0] && strcmp(f->brand, f->manufacturer) != 0) {
			cs_report_put(w, " / ");
			cs_report_put_html(w, f->brand);
		}
		cs_report_put(w, "</td><td>");
		cs_report_put_html(w, f->obligation);
		cs_report_put(w, "</td><td>");
		cs_report_put_html(w, f->deadline);
		cs_report_put(w, "</td><td>");
		cs_report_put_html(w, f->evidence);
		cs_report_put(w, "</td><td>");
		cs_report_put_html(w, f->url);
		cs_report_put(w, "</td></tr>\n");
	}
	cs_report_put(w, "</table>\n<p>Shaded rows are on sensitive sites; "
			 "the most severe (exploitable units on sensitive "
			 "sites and core networks) come first.</p>\n");
	bar_chart(w, "Exposure findings by flaw and posture signal", v, nv,
		  false);
	cs_report_put(w, "</section>\n");
	free(v);
}

/* The charts (inline SVG figures), in the report and on the console. */
static void
chart_figures(struct rp_w *w, const struct cs_report *r)
{
	struct rp_count cls[CS_NELEM(r->classes)];
	size_t n = 0;

	for (size_t c = 0; c < CS_NELEM(r->classes); c++)
		if (r->classes[c].n)
			cls[n++] = r->classes[c];
	bar_chart(w, "Surveillance devices by maker", r->makers, r->nmakers,
		  true);
	bar_chart(w, "Surveillance devices by maker's country", r->countries,
		  r->ncountries, true);
	bar_chart(w, "All hosts by device class", cls, n, false);
	if (r->nhist > 1)
		history_chart(w, r);
	if (r->assessed)
		findings_charts(w, r);
	else
		cs_report_put(w, "<p>Charts by site sensitivity and by zone, "
				 "and findings over time, need an assessment "
				 "(none recorded).</p>\n");
}

static void
charts(struct rp_w *w, const struct cs_report *r)
{
	cs_report_put(w, "<section id=\"charts\"><h2>Annex: charts</h2>\n");
	chart_figures(w, r);
	cs_report_put(w, "</section>\n");
}

static void
ports_text(struct rp_w *w, const struct rp_dev *d)
{
	for (size_t i = 0; i < d->nports; i++)
		cs_report_putf(w, "%s%u", i ? " " : "", d->ports[i]);
}

static void
device_table(struct rp_w *w, const struct cs_report *r)
{
	cs_report_put(w, "<section id=\"devices\"><h2>Annex: all devices</h2>\n"
			 "<p>Every host that answered, ordered by address. "
			 "Surveillance devices made in the PRC are shaded.</p>"
			 "\n<table><tr><th>#</th><th>Address</th><th>Class</th>"
			 "<th>Maker</th><th>Country</th><th>Brand</th>"
			 "<th>Model</th><th>Firmware</th><th class=\"num\">"
			 "Confidence</th><th>Open ports</th></tr>\n");
	for (size_t i = 0; i < r->ndev; i++) {
		const struct rp_dev *d = &r->dev[i];

		cs_report_putf(
		    w, "<tr%s><td><a href=\"#d%zu\">%zu</a></td><td>",
		    d->prc && d->id.surveillance ? " class=\"prc\"" : "", i + 1,
		    i + 1);
		cs_report_put_html(w, d->ip);
		cs_report_putf(w, "</td><td>%s</td><td>",
			       cs_class_name(d->id.device_class));
		cs_report_put_html(w, d->id.manufacturer);
		cs_report_put(w, "</td><td>");
		cs_report_put_html(w, d->id.manufacturer_country);
		cs_report_put(w, "</td><td>");
		cs_report_put_html(w, d->id.brand);
		cs_report_put(w, "</td><td>");
		cs_report_put_html(w, d->id.model);
		cs_report_put(w, "</td><td>");
		cs_report_put_html(w, d->id.firmware);
		cs_report_putf(w, "</td><td class=\"num\">%.2f</td><td>",
			       d->id.confidence);
		ports_text(w, d);
		cs_report_put(w, "</td></tr>\n");
	}
	cs_report_put(w, "</table>\n</section>\n");
}

/* The devices only the switches know, each with where it is plugged
 * in: every string the switch sent (port, LLDP name) HTML-escaped. */
static void
placed_table(struct rp_w *w, const struct cs_report *r)
{
	if (r->npdev == 0)
		return;
	cs_report_putf(
	    w,
	    "<section id=\"placed\"><h2>Annex: devices only the switches "
	    "know</h2>\n<p>%zu MAC address(es) that <code>camsweep "
	    "switches</code> found on edge ports and no scan saw answer: "
	    "identified from the MAC's registry block alone (class not "
	    "established unless the maker makes nothing else), placed by "
	    "the switch's forwarding table. Not counted among the hosts "
	    "above. Surveillance devices made in the PRC are shaded.</p>\n"
	    "<table><tr><th>MAC</th><th>Address</th><th>Maker</th>"
	    "<th>Country</th><th>Class</th><th>Surveillance</th>"
	    "<th>Switch</th><th>Port</th><th class=\"num\">VLAN</th>"
	    "<th>PoE</th><th>LLDP neighbour</th></tr>\n",
	    r->npdev);
	for (size_t i = 0; i < r->npdev; i++) {
		const struct rp_dev *d = &r->pdev[i];
		const struct cs_placement_row *p = d->place;
		int s = rp_surveillance(&d->id);

		cs_report_put(w, d->prc && s != 0 ? "<tr class=\"prc\"><td>"
						  : "<tr><td>");
		cs_report_put_html(w, d->mac);
		cs_report_put(w, "</td><td>");
		cs_report_put_html(w, d->ip[0] ? d->ip : "none");
		cs_report_put(w, "</td><td>");
		cs_report_put_html(w, d->id.manufacturer);
		cs_report_put(w, "</td><td>");
		cs_report_put_html(w, d->id.manufacturer_country);
		cs_report_putf(w, "</td><td>%s</td><td>%s</td><td>",
			       cs_class_name(d->id.device_class),
			       s > 0    ? "yes"
			       : s == 0 ? "no"
					: "not established");
		cs_report_put_html(w, p->sw);
		cs_report_put(w, "</td><td>");
		cs_report_put_html(w, p->port);
		cs_report_put(w, "</td><td class=\"num\">");
		if (p->vlan > 0)
			cs_report_putf(w, "%d", p->vlan);
		cs_report_put(w, "</td><td>");
		cs_report_put_html(w, p->poe);
		cs_report_put(w, "</td><td>");
		cs_report_put_html(w, p->neighbour);
		cs_report_put(w, "</td></tr>\n");
	}
	cs_report_put(w, "</table>\n</section>\n");
}

/* Devices per query of their observations. */
#define DETAIL_CHUNK 1024

/*
 * The observations of one chunk of devices, copied out of the store's
 * callback: every value's shown bytes in one buffer, reused from chunk to
 * chunk (a million devices' 50 million values are not 50 million
 * allocations).  Device i's are v[first[i]] to v[first[i + 1] - 1].
 */
struct chunk_obs {
	struct cs_buf bytes; /* the values, each NUL-terminated */
	struct cs_buf red;   /* scratch: a value redacted */
	struct cs_obs *v;    /* val set by chunk_done */
	size_t *off;         /* offset of v[k]'s value in bytes */
	size_t n, cap;
	size_t first[DETAIL_CHUNK + 1];
	size_t dev;  /* devices whose first[] is set */
	size_t keep; /* bytes kept of a value: what the report shows */
};

static void
chunk_start(struct chunk_obs *c, size_t keep)
{
	cs_buf_reset(&c->bytes);
	c->n = c->dev = 0;
	c->keep = keep;
}

/* The store's callback: rows come by device position, each device's in
 * order (store.h); a row out of that order is not shown. */
static int
on_obs(void *arg, size_t i, const struct cs_obs *o)
{
	struct chunk_obs *c = arg;
	const void *val = o->val;
	size_t len = o->len, keep;
	struct cs_obs *x;
	int rc;

	if (i >= DETAIL_CHUNK || i + 1 < c->dev)
		return 0;
	while (c->dev <= i)
		c->first[c->dev++] = c->n;
	if (c->n - c->first[i] >= CS_OBS_MAX_COUNT)
		return 0;
	if (c->n == c->cap) {
		c->cap = c->cap ? c->cap * 2 : 4096;
		c->v = cs_xrealloc(c->v, c->cap, sizeof(*c->v));
		c->off = cs_xrealloc(c->off, c->cap, sizeof(*c->off));
	}
	/* values were redacted when first added; a database that another
	 * writer filled is read the same careful way */
	if (len > 0 && cs_redact_needed(val, len)) {
		cs_buf_reset(&c->red);
		if (cs_redact(&c->red, val, len) < 0)
			cs_buf_reset(&c->red);
		val = c->red.p ? (const void *)c->red.p : "";
		len = c->red.len;
	}
	keep = CS_MIN(len, c->keep);
	x = &c->v[c->n];
	c->off[c->n] = c->bytes.len;
	if ((rc = cs_buf_add(&c->bytes, val, keep)) != 0 ||
	    (rc = cs_buf_add(&c->bytes, "", 1)) != 0)
		return rc;
	memcpy(x->key, o->key, sizeof(x->key));
	x->key[sizeof(x->key) - 1] = '\0';
	x->port = o->port;
	x->flags = o->flags;
	x->len = len; /* the report says how much it does not show */
	c->n++;
	return 0;
}

/* Points the values into the buffer, which no longer moves, and closes
 * the devices [dev, n) that had no row. */
static void
chunk_done(struct chunk_obs *c, size_t n)
{
	for (size_t k = 0; k < c->n; k++)
		c->v[k].val = c->bytes.p + c->off[k];
	while (c->dev <= n)
		c->first[c->dev++] = c->n;
}

/* Index of the observation evidence ev refers to among v[0..n), or -1. */
static long
obs_of(const struct cs_obs *v, size_t n, const struct cs_evidence *ev)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(v[i].key, ev->obs_key) == 0 &&
		    (ev->port == 0 || v[i].port == ev->port))
			return (long)i;
	return -1;
}

static void
dd_text(struct rp_w *w, const char *term, const char *s)
{
	cs_report_putf(w, "<dt>%s</dt><dd>", term);
	cs_report_put_html(w, s[0] ? s : "\xE2\x80\x94");
	cs_report_put(w, "</dd>");
}

static void
device_detail(struct rp_w *w, const struct cs_report *r, size_t idx,
	      const struct cs_obs *ov, size_t on)
{
	const struct rp_dev *d = &r->dev[idx];
	const struct rp_ident *id = &d->id;
	char ts[32];
	cs_report_putf(w, "<article id=\"d%zu\"><h3>%zu. ", idx + 1, idx + 1);
	cs_report_put_html(w, d->ip);
	cs_report_put(w, " \xE2\x80\x94 ");
	cs_report_put_html(w, id->manufacturer[0] ? id->manufacturer
						  : "unidentified");
	cs_report_put(w, " ");
	cs_report_put_html(w, id->model);
	if (d->prc && id->surveillance)
		cs_report_put(w, " <span class=\"tag prc\">PRC-made</span>");
	cs_report_put(w, "</h3>\n<dl>");
	dd_text(w, "Maker", id->manufacturer);
	dd_text(w, "Maker's country", id->manufacturer_country);
	dd_text(w, "Brand (badge)", id->brand);
	dd_text(w, "Model", id->model);
	dd_text(w, "Firmware", id->firmware);
	dd_text(w, "Class", cs_class_name(id->device_class));
	dd_text(w, "Surveillance",
		rp_surveillance(id) > 0
		    ? (id->presumed ? "yes, presumed from maker (it makes "
				      "mostly video-surveillance equipment; "
				      "confirm class)"
				    : "yes")
		: rp_surveillance(id) == 0 ? "no"
					   : "not established (maker only; "
					     "confirm what it is)");
	cs_report_putf(w, "<dt>Confidence</dt><dd>%.2f</dd>", id->confidence);
	dd_text(w, "MAC", d->mac);
	cs_report_put(w, "<dt>Open ports</dt><dd>");
	ports_text(w, d);
	cs_report_put(w, "</dd>");
	dd_text(w, "First seen", cs_report_time(d->first_seen, ts, sizeof(ts)));
	dd_text(w, "Last seen", cs_report_time(d->last_seen, ts, sizeof(ts)));
	cs_report_put(w, "</dl>\n");
	if (id->nev) {
		cs_report_put(w, "<table><tr><th>Field</th><th>Claim</th>"
				 "<th>Rule</th><th>Observation</th>"
				 "<th class=\"num\">Port</th><th class=\"num\">"
				 "Weight</th><th>Observed excerpt</th></tr>\n");
		for (size_t i = 0; i < id->nev; i++) {
			const struct cs_evidence *ev = &id->ev[i];
			long o = obs_of(ov, on, ev);

			cs_report_put(w, "<tr><td>");
			cs_report_put_html(w, ev->field);
			cs_report_put(w, "</td><td>");
			cs_report_put_html(w, ev->claim);
			cs_report_put(w, "</td><td><code>");
			cs_report_put_html(w, ev->rule);
			cs_report_put(w, "</code></td><td>");
			if (o >= 0)
				cs_report_putf(w, "<a href=\"#d%zu-o%ld\">",
					       idx + 1, o + 1);
			cs_report_put_html(w, ev->obs_key);
			if (o >= 0)
				cs_report_putf(w, " [%ld]</a>", o + 1);
			cs_report_putf(w,
				       "</td><td class=\"num\">%u</td><td "
				       "class=\"num\">%.2f</td><td><code>",
				       ev->port, ev->weight);
			cs_report_put_raw_html(w, ev->value, strlen(ev->value));
			cs_report_put(w, "</code></td></tr>\n");
		}
		cs_report_put(w, "</table>\n");
		if (id->nev_dropped)
			cs_report_putf(w,
				       "<p>%zu lower-weight evidence item(s) "
				       "not kept.</p>\n",
				       id->nev_dropped);
	} else {
		cs_report_put(w, "<p>No evidence recorded.</p>\n");
	}
	if (d->natt) {
		cs_report_put(w, "<p>Cameras this recorder lists:</p><table>"
				 "<tr><th>Ch.</th><th>Address</th><th>Name</th>"
				 "<th>Maker</th><th>Brand</th><th>Model</th>"
				 "<th>Firmware</th><th>Serial</th></tr>\n");
		for (size_t i = 0; i < d->natt; i++) {
			const struct cs_attachment *a = &d->att[i];

			cs_report_putf(w, "<tr><td>%u</td><td>", a->channel);
			cs_report_put_html(w, a->ip);
			cs_report_put(w, "</td><td>");
			cs_report_put_html(w, a->name);
			cs_report_put(w, "</td><td>");
			cs_report_put_html(w, a->manufacturer);
			cs_report_put(w, "</td><td>");
			cs_report_put_html(w, a->brand);
			cs_report_put(w, "</td><td>");
			cs_report_put_html(w, a->model);
			cs_report_put(w, "</td><td>");
			cs_report_put_html(w, a->firmware);
			cs_report_put(w, "</td><td>");
			cs_report_put_html(w, a->serial);
			cs_report_put(w, "</td></tr>\n");
		}
		cs_report_put(w, "</table>\n");
	}
	if (on) {
		cs_report_putf(w,
			       "<details open><summary>%zu raw observation(s)"
			       " (control characters and invalid bytes "
			       "shown as \\xNN)</summary>\n",
			       on);
		for (size_t i = 0; i < on; i++) {
			const struct cs_obs *o = &ov[i];
			size_t n = CS_MIN(o->len, r->o.max_obs_bytes);

			/* put_u, not putf: a million devices' worth */
			cs_report_put(w, "<div id=\"d");
			cs_report_put_u(w, idx + 1);
			cs_report_put(w, "-o");
			cs_report_put_u(w, i + 1);
			cs_report_put(w, "\">[");
			cs_report_put_u(w, i + 1);
			cs_report_put(w, "] <code>");
			cs_report_put_html(w, o->key);
			cs_report_put(w, "</code> port ");
			cs_report_put_u(w, o->port);
			cs_report_put(w, ", ");
			cs_report_put_u(w, o->len);
			cs_report_put(w, " byte(s)");
			if (o->flags & CS_OBS_TRUNCATED)
				cs_report_put(w, ", truncated by the scanner");
			if (o->flags & CS_OBS_MALFORMED)
				cs_report_put(w, ", malformed");
			if (o->flags & CS_OBS_BINARY)
				cs_report_put(w, ", binary");
			cs_report_put(w, "</div><pre>");
			cs_report_put_raw_html(w, o->val, n);
			if (n < o->len)
				cs_report_putf(
				    w, "\n\xE2\x80\xA6 %zu more byte(s)",
				    o->len - n);
			cs_report_put(w, "</pre>\n");
		}
		cs_report_put(w, "</details>\n");
	}
	cs_report_put(w, "</article>\n");
}

/* The sightings of devices [from, from + n). */
static void
chunk_ids(const struct cs_report *r, size_t from, size_t n, int64_t *ids)
{
	for (size_t i = 0; i < n; i++)
		ids[i] = r->dev[from + i].sighting_id;
}

/* Chunks whose observation reads are kept in flight ahead of the one
 * read: the database starts the next the moment it finishes one. */
#define DETAIL_AHEAD 2

/* Sends the read of the k-th chunk of devices ahead (none past the end). */
static int
chunk_ask(const struct cs_report *r, size_t k)
{
	int64_t ids[DETAIL_CHUNK];
	size_t from = k * DETAIL_CHUNK;

	if (from >= r->ndev)
		return 0;
	chunk_ids(r, from, CS_MIN(DETAIL_CHUNK, r->ndev - from), ids);
	return cs_store_prefetch_observations_of(
	    r->store, ids, CS_MIN(DETAIL_CHUNK, r->ndev - from));
}

/* Fills c with the observations of the k-th chunk of devices, then sends
 * the read of the chunk DETAIL_AHEAD after it. */
static int
chunk_fill(const struct cs_report *r, struct chunk_obs *c, size_t k)
{
	int64_t ids[DETAIL_CHUNK];
	size_t from = k * DETAIL_CHUNK,
	       n = CS_MIN(DETAIL_CHUNK, r->ndev - from);
	int rc;

	chunk_start(c, r->o.max_obs_bytes);
	chunk_ids(r, from, n, ids);
	rc = cs_store_each_observation_of(r->store, ids, n, on_obs, c);
	chunk_done(c, n);
	if (rc == 0)
		rc = chunk_ask(r, k + DETAIL_AHEAD);
	return rc < 0 ? rc : 0;
}

/* Writes the details of the k-th chunk of devices from c; poll: take in
 * the read sent ahead now and then (when no reader thread does). */
static void
chunk_write(struct rp_w *w, const struct cs_report *r,
	    const struct chunk_obs *c, size_t k, bool poll)
{
	size_t from = k * DETAIL_CHUNK,
	       n = CS_MIN(DETAIL_CHUNK, r->ndev - from);

	for (size_t i = 0; i < n && w->rc == 0; i++) {
		if (poll && i % 32 == 0)
			cs_store_poll_ahead(r->store);
		device_detail(w, r, from + i, c->v + c->first[i],
			      c->first[i + 1] - c->first[i]);
	}
}

/*
 * The details section reads and writes at once: a reader thread fills up
 * to DETAIL_SLOTS chunks ahead (the store's reads, the parsing of their
 * rows and the copies) while this thread writes the HTML of the oldest
 * (about half the client's work each, at a million devices), and the
 * database produces the chunk after them.  The store is used by the
 * reader alone while it runs.
 */
#define DETAIL_SLOTS 3

struct detail_pipe {
	const struct cs_report *r;
	struct chunk_obs *slot[DETAIL_SLOTS];
	size_t nchunks;
	pthread_mutex_t mu;
	pthread_cond_t cv;
	size_t filled, written; /* chunks */
	int rc;                 /* the reader's result, once done */
	bool done;              /* the reader stopped */
	bool quit;              /* the writer stopped: the reader stops too */
};

static void *
detail_reader(void *arg)
{
	struct detail_pipe *p = arg;
	int rc = 0;

	for (size_t k = 0; k < p->nchunks && rc == 0; k++) {
		bool quit;

		pthread_mutex_lock(&p->mu);
		while (!p->quit && k >= p->written + DETAIL_SLOTS) {
			struct timespec t;

			/* while every slot waits to be written, keep the
			 * read sent ahead flowing every 2 ms */
			clock_gettime(CLOCK_REALTIME, &t);
			t.tv_nsec += 2000000;
			if (t.tv_nsec >= 1000000000) {
				t.tv_sec++;
				t.tv_nsec -= 1000000000;
			}
			pthread_cond_timedwait(&p->cv, &p->mu, &t);
			pthread_mutex_unlock(&p->mu);
			cs_store_poll_ahead(p->r->store);
			pthread_mutex_lock(&p->mu);
		}
		quit = p->quit;
		pthread_mutex_unlock(&p->mu);
		if (quit)
			break;
		rc = chunk_fill(p->r, p->slot[k % DETAIL_SLOTS], k);
		pthread_mutex_lock(&p->mu);
		if (rc == 0)
			p->filled = k + 1;
		pthread_cond_broadcast(&p->cv);
		pthread_mutex_unlock(&p->mu);
	}
	pthread_mutex_lock(&p->mu);
	p->rc = rc;
	p->done = true;
	pthread_cond_broadcast(&p->cv);
	pthread_mutex_unlock(&p->mu);
	return NULL;
}

/* The writer's side: each chunk as the reader fills it. */
static void
detail_pipe_write(struct rp_w *w, struct detail_pipe *p)
{
	for (size_t k = 0; k < p->nchunks && w->rc == 0; k++) {
		bool have;

		pthread_mutex_lock(&p->mu);
		while (p->filled <= k && !p->done)
			pthread_cond_wait(&p->cv, &p->mu);
		have = p->filled > k;
		pthread_mutex_unlock(&p->mu);
		if (!have)
			break; /* the reader failed: its rc says why */
		chunk_write(w, p->r, p->slot[k % DETAIL_SLOTS], k, false);
		pthread_mutex_lock(&p->mu);
		p->written = k + 1;
		pthread_cond_broadcast(&p->cv);
		pthread_mutex_unlock(&p->mu);
	}
}

/* The details of every device: with a reader thread, or (when none can
 * be started) reading and writing in turn. */
static int
details(struct rp_w *w, const struct cs_report *r)
{
	struct detail_pipe p = {.r = r};
	pthread_t t;
	int rc = 0;

	p.nchunks = (r->ndev + DETAIL_CHUNK - 1) / DETAIL_CHUNK;
	for (size_t i = 0; i < DETAIL_SLOTS; i++) {
		struct chunk_obs *c = cs_xcalloc(1, sizeof(*c));

		/* a chunk's shown bytes: 1,024 devices of at most 256
		 * values each */
		cs_buf_init(&c->bytes, (size_t)DETAIL_CHUNK * CS_OBS_MAX_COUNT *
					   (CS_OBS_MAX_VALUE + 1));
		cs_buf_init(&c->red, 2 * CS_OBS_MAX_VALUE + 64);
		p.slot[i] = c;
	}
	pthread_mutex_init(&p.mu, NULL);
	pthread_cond_init(&p.cv, NULL);
	for (size_t k = 0; k < DETAIL_AHEAD && rc == 0; k++)
		rc = chunk_ask(r, k);
	/* on an error nothing was read yet: straight to the frees */
	if (rc == 0 && p.nchunks > 1 &&
	    pthread_create(&t, NULL, detail_reader, &p) == 0) {
		detail_pipe_write(w, &p);
		pthread_mutex_lock(&p.mu);
		p.quit = true;
		pthread_cond_broadcast(&p.cv);
		pthread_mutex_unlock(&p.mu);
		pthread_join(t, NULL);
		rc = p.rc;
	} else if (rc == 0) {
		for (size_t k = 0; k < p.nchunks && w->rc == 0 && rc == 0;
		     k++) {
			rc = chunk_fill(r, p.slot[0], k);
			if (rc == 0)
				chunk_write(w, r, p.slot[0], k, true);
		}
	}
	pthread_cond_destroy(&p.cv);
	pthread_mutex_destroy(&p.mu);
	for (size_t i = 0; i < DETAIL_SLOTS; i++) {
		cs_buf_free(&p.slot[i]->bytes);
		cs_buf_free(&p.slot[i]->red);
		free(p.slot[i]->v);
		free(p.slot[i]->off);
		free(p.slot[i]);
	}
	return rc;
}

static void
scans(struct rp_w *w, const struct cs_report *r)
{
	char a[32], b[32];

	cs_report_put(w, "<section id=\"scans\"><h2>Scan scope and history</h2>"
			 "\n<p>The report is built from the inventory, without "
			 "scanning again. Scans up to the reported one:</p>\n"
			 "<table><tr><th>Scan</th><th>Status</th>"
			 "<th>Started (UTC)</th><th>Ended (UTC)</th>"
			 "<th class=\"num\">Addresses in scope</th>"
			 "<th class=\"num\">Finished</th><th class=\"num\">"
			 "Resumed</th><th class=\"num\">Hosts</th>"
			 "<th class=\"num\">Surveillance</th><th class=\"num\">"
			 "PRC-made</th></tr>\n");
	for (size_t i = r->nhist; i-- > 0;) {
		const struct rp_scan *s = &r->hist[i];

		cs_report_putf(w, "<tr><td>%lld</td><td>", (long long)s->id);
		cs_report_put_html(w, s->st.status);
		cs_report_putf(w,
			       "</td><td>%s</td><td>%s</td><td class=\"num\">"
			       "%llu</td><td class=\"num\">%llu</td>"
			       "<td class=\"num\">%u</td><td class=\"num\">%zu"
			       "</td><td class=\"num\">%zu</td><td "
			       "class=\"num\">%zu</td></tr>\n",
			       cs_report_time(s->st.started, a, sizeof(a)),
			       cs_report_time(s->st.ended, b, sizeof(b)),
			       (unsigned long long)s->st.total_targets,
			       (unsigned long long)s->st.hosts_done,
			       s->st.resume_count, s->hosts, s->surveillance,
			       s->prc);
	}
	cs_report_put(w, "</table>\n<table><tr><th>Scan</th><th>Scope</th>"
			 "<th>Exclusions</th><th>Ports</th><th>Ran from</th>"
			 "</tr>\n");
	for (size_t i = r->nhist; i-- > 0;) {
		const struct rp_scan *s = &r->hist[i];

		cs_report_putf(w, "<tr><td>%lld</td><td>", (long long)s->id);
		cs_report_put_html(w, s->st.scope);
		cs_report_put(w, "</td><td>");
		cs_report_put_html(w, s->st.exclusions[0] ? s->st.exclusions
							  : "none");
		cs_report_put(w, "</td><td>");
		cs_report_put_html(w, s->st.ports);
		cs_report_put(w, "</td><td>");
		cs_report_put_html(w, s->st.vantage);
		cs_report_put(w, "</td></tr>\n");
	}
	cs_report_put(w, "</table>\n");
	if (r->o.nregistry > 0) {
		cs_report_put(w,
			      "<p>MAC registry files on the reporting host "
			      "when this report was generated (camsweep "
			      "resolves a MAC by the most specific, then the "
			      "most recent assignment in them):</p>\n<table>"
			      "<tr><th>File</th><th>Date</th><th>Dated by"
			      "</th><th class=\"num\">Assignments</th>"
			      "</tr>\n");
		for (size_t i = 0; i < r->o.nregistry; i++) {
			const struct cs_report_registry *g = &r->o.registry[i];

			cs_report_put(w, "<tr><td>");
			cs_report_put_html(w, g->file);
			cs_report_put(w, "</td><td>");
			cs_report_put_html(w, g->date);
			cs_report_put(w, "</td><td>");
			cs_report_put_html(w, g->date_from);
			cs_report_putf(w,
				       "</td><td class=\"num\">%zu</td></tr>\n",
				       g->assignments);
		}
		cs_report_put(w, "</table>\n");
	}
	cs_report_put(w, "</section>\n");
}

/*
 * Appends s to a CSS string literal keeping only characters that cannot
 * end or escape it (letters, digits, space and . , : ; - _ @ / # ( ) +):
 * what goes into the print page margins is program text (versions,
 * hashes, dates, ids), and anything else is dropped, never interpreted.
 */
static void
css_str(struct rp_w *w, const char *s)
{
	char out[512];
	size_t k = 0;

	for (; *s && k + 1 < sizeof(out); s++) {
		unsigned char c = (unsigned char)*s;
		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || strchr(" .,:;-_@/#()+", c))
			out[k++] = (char)c;
	}
	out[k] = '\0';
	cs_report_put(w, out);
}

/* The registry line: the newest MAC registry date, or "". */
static const char *
registry_date(const struct cs_report *r)
{
	const char *best = "";

	for (size_t i = 0; i < r->o.nregistry; i++) {
		const char *d = r->o.registry[i].date;
		if (d && d[0] >= '0' && d[0] <= '9' && strcmp(d, best) > 0)
			best = d;
	}
	return best;
}

/*
 * What the report was made from, in one line: the tool, the data, the
 * MAC registry, the estate file and the assessment.  Program text only
 * (hashes, versions, dates, ids); the estate path is the user's and is
 * written only in the HTML body, escaped.
 */
static void
provenance(const struct cs_report *r, char *out, size_t outsz)
{
	const struct cs_assessment *a = &r->asmt;
	char t[32] = "", sha[20] = "";
	const char *reg = registry_date(r);

	if (r->asmt_time > 0)
		cs_report_time(r->asmt_time, t, sizeof(t));
	if (r->have_rec && a->estate_sha256[0])
		snprintf(sha, sizeof(sha), "%.16s", a->estate_sha256);
	snprintf(out, outsz,
		 "camsweep %s; data %s; MAC registry %s; estate %s; scan "
		 "%lld; assessment %s%s",
		 r->o.tool_version                   ? r->o.tool_version
		 : r->have_rec && a->tool_version[0] ? a->tool_version
						     : "(version not given)",
		 r->have_rec && a->data_version[0] ? a->data_version
						   : "not recorded",
		 reg[0] ? reg : "not stated",
		 sha[0]        ? sha
		 : r->have_rec ? "none (--no-estate)"
			       : "not recorded",
		 (long long)r->scan.id,
		 !r->assessed ? "none"
		 : t[0]       ? t
			      : "time not recorded",
		 r->stale ? " of another scan: STALE" : "");
}

/* @page rules: A4, the marking at the top of every printed page, the
 * provenance and the page number at the bottom. */
static void
page_css(struct rp_w *w, const struct cs_report *r)
{
	char prov[600];

	provenance(r, prov, sizeof(prov));
	cs_report_put(w, "@page{size:A4;margin:14mm 11mm 15mm;"
			 "@top-center{content:\"");
	css_str(w, r->marking);
	cs_report_put(w, "\";font:bold 9px sans-serif}"
			 "@bottom-left{content:\"");
	css_str(w, prov);
	cs_report_put(w, "\";font:7px sans-serif;color:#444}"
			 "@bottom-right{content:\"page \" counter(page) "
			 "\" of \" counter(pages);font:8px sans-serif}}\n");
}

/* The provenance block at the top of the document (screen and print). */
static void
provenance_html(struct rp_w *w, const struct cs_report *r)
{
	const struct cs_assessment *a = &r->asmt;
	char t[32] = "", prov[600];

	if (r->stale)
		cs_report_putf(
		    w,
		    "<p class=\"stale\">STALE: the findings below were "
		    "assessed on scan %lld, not on scan %lld that this "
		    "report shows (--allow-stale). Re-run <code>camsweep "
		    "assess --scan %lld</code> before relying on them.</p>\n",
		    (long long)r->asmt_scan, (long long)r->scan.id,
		    (long long)r->scan.id);
	provenance(r, prov, sizeof(prov));
	cs_report_put(w, "<p class=\"prov\">Made from: ");
	cs_report_put_html(w, prov);
	if (r->have_rec && a->estate_file[0]) {
		cs_report_put(w, ". Estate file ");
		cs_report_put_html(w, a->estate_file);
		cs_report_put(w, ", SHA-256 ");
		cs_report_put_html(w, a->estate_sha256);
	}
	if (r->have_rec) {
		cs_report_putf(w, ". Assessment #%lld of scan %lld as of ",
			       (long long)a->id, (long long)a->scan_id);
		cs_report_put_html(w, a->as_of);
		cs_report_put(w, " (regimes ");
		cs_report_put_html(w, a->regimes);
		cs_report_put(w, ")");
	} else if (r->assessed) {
		cs_report_putf(w,
			       ". Findings of scan %lld, assessed %s "
			       "(no assessment record: assessed before "
			       "schema 6)",
			       (long long)r->asmt_scan,
			       r->asmt_time > 0
				   ? cs_report_time(r->asmt_time, t, sizeof(t))
				   : "at a time not recorded");
	}
	cs_report_put(w, ".</p>\n");
}

int
cs_report_write_html(const struct cs_report *r, struct cs_buf *b)
{
	struct rp_w w = {b, 0, r->sink};
	char gen[32], st[32];
	int rc = 0;

	cs_report_time(r->o.now, gen, sizeof(gen));
	cs_report_time(r->scan.st.started, st, sizeof(st));
	cs_report_put(&w, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
			  "<meta charset=\"utf-8\">\n"
			  "<meta http-equiv=\"Content-Security-Policy\" "
			  "content=\"default-src 'none'; style-src "
			  "'unsafe-inline'; img-src data:\">\n"
			  "<meta name=\"referrer\" content=\"no-referrer\">\n"
			  "<meta name=\"viewport\" content=\"width=device-"
			  "width, initial-scale=1\">\n");
	cs_report_putf(&w, "<title>camsweep report: scan %lld</title>\n",
		       (long long)r->scan.id);
	cs_report_put(&w, "<style>\n");
	cs_report_put(&w, css);
	page_css(&w, r);
	cs_report_put(&w, "</style>\n</head>\n<body>\n<div class=\"marking\">");
	cs_report_put_html(&w, r->marking);
	cs_report_put(&w, "</div>\n<header><h1>Video-surveillance equipment "
			  "report</h1>\n");
	cs_report_putf(&w,
		       "<p class=\"sub\">Scan %lld (%s), started %s. Report "
		       "generated %s by camsweep.</p>\n",
		       (long long)r->scan.id, r->scan.st.status, st,
		       gen[0] ? gen : "(time not given)");
	provenance_html(&w, r);
	cs_report_put(&w, "</header>\n");
	if (r->o.summary) {
		/* The board paper alone: two A4 pages. */
		cs_report_board(&w, r);
		goto footer;
	}
	cs_report_put(&w, "<nav><ol><li><a href=\"#summary\">Executive "
			  "summary</a></li><li><a href=\"#inventory\">"
			  "Inventory</a></li><li><a href=\"#charts\">Charts</a>"
			  "</li>");
	if (r->assessed)
		cs_report_put(&w, "<li><a href=\"#exposure\">Exposure</a>"
				  "</li><li><a href=\"#sites\">Findings by site"
				  "</a></li>");
	cs_report_put(&w, "<li><a href=\"#devices\">Devices</a></li>");
	if (r->npdev > 0)
		cs_report_put(&w, "<li><a href=\"#placed\">Devices only the "
				  "switches know</a></li>");
	cs_report_put(&w, "<li>"
			  "<a href=\"#detail\">Devices in detail: evidence"
			  "</a></li><li><a href=\"#rules\">Rules applied</a>"
			  "</li><li><a href=\"#scans\">Scan scope and history"
			  "</a></li></ol></nav>\n");
	cs_report_board(&w, r);
	summary(&w, r);
	if (r->assessed)
		exposure(&w, r);
	charts(&w, r);
	if (r->assessed)
		cs_report_unit_tables(&w, r);
	device_table(&w, r);
	placed_table(&w, r);
	cs_report_put(&w, "<section id=\"detail\"><h2>Devices in detail: "
			  "evidence</h2>\n<p>Each identity field with the "
			  "rule that asserted it, the observation it matched "
			  "and the raw bytes the device sent.</p>\n");
	rc = details(&w, r);
	cs_report_put(&w, "</section>\n");
	if (r->assessed)
		rules_applied(&w, r);
	else
		cs_report_put(
		    &w, "<section id=\"rules\"><h2>Rules applied"
			"</h2>\n<p>No assessment recorded, so no rule has "
			"been applied to these devices yet. Run <code>"
			"camsweep assess</code> to record findings against "
			"the UK WMS HCWS386 (24 Nov 2022) and US NDAA FY2019 "
			"\xC2\xA7"
			"889 rules.</p>\n</section>\n");
	scans(&w, r);
footer:
	cs_report_put(&w, "<footer><p>");
	cs_report_put_html(&w, r->marking);
	cs_report_put(&w, ". This report reveals security arrangements; "
			  "handle and store it accordingly and do not "
			  "publish it.</p></footer>\n</body>\n</html>\n");
	return w.rc ? w.rc : rc;
}

int
cs_report_write_overview(const struct cs_report *r, struct cs_buf *b)
{
	struct rp_w w = {b, 0, NULL};

	cards(&w, r);
	chart_figures(&w, r);
	return w.rc;
}

int64_t
cs_report_scan_id(const struct cs_report *r)
{
	return r->scan.id;
}

const char *
cs_report_css(void)
{
	return css;
}
