/* SPDX-License-Identifier: ISC */
/*
 * Attestation templates filled from the inventory (issue #20): a UK
 * department's return to the Government Security Group (WMS HCWS386), a
 * US contractor's FAR 52.204-24/25/26 representations, and a federal
 * award recipient's 2 CFR 200.216 check.  Plain text; every string from
 * the inventory passes cs_esc_term.  The templates give the figures and
 * leave each choice and signature to the person who signs: camsweep
 * cannot see procurement, sales or award funding.
 */
#include "evidence/evidence.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"
#include "core/escape.h"
#include "core/str.h"
#include "core/poison.h"

#define LIST_MAX 200

struct rows {
	struct cs_finding_row *v;
	size_t n, cap;
	bool *first; /* the first active covered finding of its unit
			(regime, site, address) */
};

static int
collect(void *arg, const struct cs_finding_row *f)
{
	struct rows *r = arg;

	if (r->n == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 256;
		r->v = cs_xrealloc(r->v, r->cap, sizeof(*r->v));
	}
	r->v[r->n++] = *f;
	return 0;
}

static bool
active(const struct cs_finding_row *f)
{
	return strcmp(f->status, "closed") != 0 &&
	       strcmp(f->status, "withdrawn") != 0;
}

static bool
covered(const struct cs_finding_row *f)
{
	return strstr(f->evidence, ". Covered: ") != NULL ||
	       strstr(f->evidence, "; covered: ") != NULL;
}

static void
text(struct cs_buf *b, const char *s)
{
	cs_esc_term(b, s, strlen(s));
}

/* True if regime id is among the assessment's ("id@version,..."). */
static bool
assessed_under(const struct cs_assessment *a, const char *id)
{
	size_t n = strlen(id);

	for (const char *p = a->regimes; (p = strstr(p, id)) != NULL; p++)
		if ((p == a->regimes || p[-1] == ',') && p[n] == '@')
			return true;
	return false;
}

static const struct rows *sort_rows;

static int
unit_cmp(const void *x, const void *y)
{
	const struct cs_finding_row *f = &sort_rows->v[*(const size_t *)x];
	const struct cs_finding_row *g = &sort_rows->v[*(const size_t *)y];
	int c;

	if ((c = strcmp(f->regime, g->regime)) != 0 ||
	    (c = strcmp(f->site, g->site)) != 0 ||
	    (c = strcmp(f->ip, g->ip)) != 0)
		return c;
	return (*(const size_t *)x > *(const size_t *)y) -
	       (*(const size_t *)x < *(const size_t *)y);
}

/* Marks the first active covered finding of each unit (one sort). */
static void
mark_units(struct rows *r)
{
	size_t *ix = cs_xcalloc(r->n + 1, sizeof(*ix)), k = 0;
	const struct cs_finding_row *prev = NULL;

	r->first = cs_xcalloc(r->n + 1, sizeof(*r->first));
	for (size_t i = 0; i < r->n; i++)
		if (active(&r->v[i]) && covered(&r->v[i]))
			ix[k++] = i;
	sort_rows = r;
	if (k > 1)
		qsort(ix, k, sizeof(*ix), unit_cmp);
	for (size_t j = 0; j < k; j++) {
		const struct cs_finding_row *f = &r->v[ix[j]];

		if (prev == NULL || strcmp(prev->regime, f->regime) != 0 ||
		    strcmp(prev->site, f->site) != 0 ||
		    strcmp(prev->ip, f->ip) != 0)
			r->first[ix[j]] = true;
		prev = f;
	}
	free(ix);
}

/* Whether finding i is not the first of its unit under regime. */
static bool
seen_before(const struct rows *r, size_t i, const char *regime)
{
	(void)regime;
	return !r->first[i];
}

static void
header(struct cs_buf *b, const struct cs_assessment *a, int64_t now,
       const char *title)
{
	char t[32], t2[32];

	cs_buf_printf(b, "%s\n", title);
	for (size_t i = strlen(title); i > 0; i--)
		cs_buf_adds(b, "=");
	cs_buf_printf(
	    b, "\nTemplate filled by camsweep from the evidence pack it is "
	       "part of (MANIFEST.sha256,\nsigned in MANIFEST.sig).  Check "
	       "every figure against the pack before signing;\nthe choices "
	       "marked [ ] are the signatory's.\n\n");
	cs_buf_printf(b, "Filled: %s\n", cs_report_time(now, t, sizeof(t)));
	cs_buf_printf(b,
		      "Inventory: scan %lld; assessment #%lld at %s, as of "
		      "%s (regimes %s)\n",
		      (long long)a->scan_id, (long long)a->id,
		      cs_report_time(a->assessed_at, t2, sizeof(t2)), a->as_of,
		      a->regimes);
	cs_buf_printf(b, "Estate file SHA-256: %s\n\n",
		      a->estate_sha256[0] ? a->estate_sha256
					  : "none (--no-estate)");
}

static void
signature(struct cs_buf *b)
{
	cs_buf_adds(b, "\nSigned: ______________________  Name: "
		       "______________________\nRole: "
		       "________________________  Date: "
		       "______________________\n");
}

/*
 * True when the assessment applied regime; otherwise says so in the
 * template, gives no figures and leaves only the signature.
 */
static bool
applied(struct cs_buf *b, const struct cs_assessment *a, const char *regime)
{
	if (assessed_under(a, regime))
		return true;
	cs_buf_printf(b,
		      "This assessment did not apply %s: re-run `camsweep "
		      "assess --regime\n%s --estate FILE` and make a new "
		      "pack.  No figures are given.\n",
		      regime, regime);
	signature(b);
	return false;
}

/* The covered units of regime as a list, at most LIST_MAX lines. */
static size_t
unit_list(struct cs_buf *b, const struct rows *r, const char *regime, bool list)
{
	size_t n = 0;

	for (size_t i = 0; i < r->n; i++) {
		const struct cs_finding_row *f = &r->v[i];

		if (strcmp(f->regime, regime) != 0 || !active(f) ||
		    !covered(f) || seen_before(r, i, regime))
			continue;
		n++;
		if (!list || n > LIST_MAX)
			continue;
		cs_buf_adds(b, "  - ");
		text(b, f->ip);
		cs_buf_adds(b, "  ");
		text(b, f->manufacturer);
		if (f->brand[0] && strcmp(f->brand, f->manufacturer) != 0) {
			cs_buf_adds(b, " (brand ");
			text(b, f->brand);
			cs_buf_adds(b, ")");
		}
		if (f->model[0]) {
			cs_buf_adds(b, " ");
			text(b, f->model);
		}
		cs_buf_adds(b, ", ");
		text(b, f->device_class);
		cs_buf_adds(b, "; site ");
		text(b, f->site_name[0] ? f->site_name
			: f->site[0]    ? f->site
					: "not in the estate");
		cs_buf_adds(b, "\n");
	}
	if (list && n > LIST_MAX)
		cs_buf_printf(b,
			      "  ... and %zu more (inventory/findings.csv)\n",
			      n - LIST_MAX);
	return n;
}

/* Units per maker for regime, as "Maker N, ...". */
static void
by_maker(struct cs_buf *b, const struct rows *r, const char *regime)
{
	char makers[32][64];
	size_t cnt[32] = {0}, nm = 0;

	for (size_t i = 0; i < r->n; i++) {
		const struct cs_finding_row *f = &r->v[i];
		size_t k;

		if (strcmp(f->regime, regime) != 0 || !active(f) ||
		    !covered(f) || seen_before(r, i, regime))
			continue;
		for (k = 0; k < nm; k++)
			if (strcmp(makers[k], f->manufacturer) == 0)
				break;
		if (k == nm && nm < CS_NELEM(makers))
			cs_strlcpy(makers[nm++], f->manufacturer,
				   sizeof(makers[0]));
		if (k < nm)
			cnt[k]++;
	}
	for (size_t k = 0; k < nm; k++) {
		cs_buf_adds(b, k ? ", " : "");
		text(b, makers[k][0] ? makers[k] : "maker unknown");
		cs_buf_printf(b, " %zu", cnt[k]);
	}
	if (nm == 0)
		cs_buf_adds(b, "none");
	cs_buf_adds(b, "\n");
}

static void
uk_return(struct cs_buf *b, const struct cs_assessment *a, const struct rows *r,
	  int64_t now)
{
	const char *R = "uk-gsg-2022";
	char today[32];
	size_t sens = 0, core = 0, overdue = 0, closed = 0, breach = 0,
	       other = 0;

	header(b, a, now,
	       "RETURN TO THE GOVERNMENT SECURITY GROUP: VISUAL SURVEILLANCE "
	       "EQUIPMENT");
	cs_buf_adds(b, "Basis: Written Ministerial Statement HCWS386, "
		       "\"Security Update on Surveillance\nEquipment\", 24 "
		       "November 2022; removal timeline of 29 April 2024 "
		       "(all sensitive\nsites clear no later than April "
		       "2025).\n\n");
	if (!applied(b, a, R))
		return;
	cs_report_time(now, today, sizeof(today));
	today[10] = '\0';
	for (size_t i = 0; i < r->n; i++) {
		const struct cs_finding_row *f = &r->v[i];

		if (strcmp(f->regime, R) != 0)
			continue;
		if (strcmp(f->obligation, "3") == 0 &&
		    strcmp(f->status, "closed") == 0)
			closed++;
		if (!active(f) || !covered(f))
			continue;
		if (strcmp(f->obligation, "3") == 0) {
			sens++;
			if (f->deadline[0] && strcmp(f->deadline, today) < 0 &&
			    (strcmp(f->status, "open") == 0 ||
			     strcmp(f->status, "planned") == 0))
				overdue++;
		}
		core += strcmp(f->obligation, "2") == 0;
		breach += strcmp(f->obligation, "1-breach") == 0;
		other += strcmp(f->obligation, "4") == 0;
	}
	cs_buf_printf(
	    b,
	    "1. Sensitive sites (obligations 1 and 3)\n"
	    "   Covered units still on sensitive sites:          %zu\n"
	    "   of which past the April 2025 deadline, open work: %zu\n"
	    "   Removals verified by a later scan (closed):       %zu\n"
	    "   Units first seen after 24 Nov 2022 (obl. 1):      %zu\n\n"
	    "2. Core networks (obligation 2)\n"
	    "   Covered units on, or reachable from, core networks: %zu\n\n"
	    "3. Other sites (obligation 4)\n"
	    "   Covered units on sites that are not sensitive:     %zu\n"
	    "   Extension of the mitigation to these sites: [ ] decided "
	    "[ ] under review\n\n",
	    sens, overdue, closed, breach, core, other);
	cs_buf_adds(b, "Covered units (all sites):\n");
	unit_list(b, r, R, true);
	cs_buf_adds(b, "\nStatement: [ ] no covered equipment remains on "
		       "sensitive sites\n           [ ] covered equipment "
		       "remains as listed above, with the plan in\n"
		       "               reports/report.html\n");
	signature(b);
}

static void
far(struct cs_buf *b, const struct cs_assessment *a, const struct rows *r,
    int64_t now)
{
	const char *R = "us-ndaa-889";
	size_t n;

	header(b, a, now,
	       "FAR 52.204-24 / 52.204-25 / 52.204-26 REPRESENTATION "
	       "WORKSHEET");
	cs_buf_adds(b, "Basis: John S. McCain NDAA for FY2019, Pub. L. "
		       "115-232, section 889; FAR\n52.204-24 (Oct 2020), "
		       "52.204-25 (Nov 2021), 52.204-26 (Oct 2020).\n\n");
	if (!applied(b, a, R))
		return;
	n = unit_list(b, r, R, false);
	cs_buf_printf(b,
		      "Reasonable inquiry: the inventory above (an active "
		      "scan of the stated scope).\nCovered telecommunications "
		      "or video surveillance equipment found in use: %zu "
		      "unit(s)\nBy maker: ",
		      n);
	by_maker(b, r, R);
	cs_buf_printf(
	    b,
	    "\n52.204-24(d)(1) / 52.204-26(c)(1): the offeror [ ] does [ ] "
	    "does not provide covered\n  equipment or services to the "
	    "Government (not visible to camsweep).\n"
	    "52.204-24(d)(2) / 52.204-26(c)(2): after a reasonable inquiry, "
	    "the offeror\n  [ ] does [ ] does not use covered equipment or "
	    "services.  The inventory found\n  %zu unit(s): %s\n",
	    n,
	    n ? "it DOES use them unless an exception of section 889(a)(2) "
		"applies."
	      : "no covered equipment was found in the scanned scope.");
	if (n) {
		cs_buf_adds(b, "\n52.204-24(e) disclosure: the units found\n");
		unit_list(b, r, R, true);
		cs_buf_adds(
		    b,
		    "\n52.204-25(d): covered equipment found during contract "
		    "performance is to be\nreported to the contracting "
		    "officer within one business day, with the mitigation\n"
		    "within ten business days after that.\n");
	}
	signature(b);
}

static void
cfr(struct cs_buf *b, const struct cs_assessment *a, const struct rows *r,
    int64_t now)
{
	const char *R = "us-ndaa-889";
	size_t n;

	header(b, a, now,
	       "2 CFR 200.216 RECIPIENT WORKSHEET: COVERED TELECOMMUNICATIONS "
	       "AND VIDEO SURVEILLANCE EQUIPMENT");
	cs_buf_adds(b, "Basis: 2 CFR 200.216 (in force 13 August 2020, 85 FR "
		       "49506); costs of covered\nequipment are unallowable "
		       "(2 CFR 200.471).\n\n");
	if (!applied(b, a, R))
		return;
	n = unit_list(b, r, R, false);
	cs_buf_printf(b,
		      "Covered equipment found in the inventory: %zu unit(s)\n"
		      "By maker: ",
		      n);
	by_maker(b, r, R);
	cs_buf_adds(b, "\ncamsweep cannot tell which units federal award "
		       "funds paid for: match the units\nbelow against the "
		       "award's expenditure records.\n\n");
	if (n) {
		cs_buf_adds(b, "Units:\n");
		unit_list(b, r, R, true);
	}
	cs_buf_adds(b, "\n[ ] No federal award funds (including cost share "
		       "and program income) were\n    obligated or expended "
		       "to procure, obtain or renew the units listed.\n"
		       "[ ] Award funds were used for the units marked above; "
		       "the costs are unallowable.\n");
	signature(b);
}

int
cs_ev_attestation(struct cs_store *s, const struct cs_assessment *a,
		  const char *which, int64_t now, struct cs_buf *b)
{
	struct rows r = {0};
	int rc = cs_store_each_finding(s, NULL, collect, &r);

	if (rc == 0) {
		mark_units(&r);
		if (strcmp(which, "uk-gsg-return") == 0)
			uk_return(b, a, &r, now);
		else if (strcmp(which, "far-52.204-24-25-26") == 0)
			far(b, a, &r, now);
		else if (strcmp(which, "2cfr-200.216") == 0)
			cfr(b, a, &r, now);
		else
			rc = CS_EINVAL;
	}
	free(r.v);
	free(r.first);
	return rc;
}
