/* SPDX-License-Identifier: ISC */
/*
 * The console's HTML pages (issue #21): pure renderers from the store's
 * rows into a cs_buf, with no I/O of their own, so that their escaping is
 * tested without a server (tests/serve/test_pages.c).
 *
 * Safety, as in the report: every device-supplied string is written as
 * element text content through cs_esc_html (raw observation bytes through
 * cs_esc_term first, so controls and invalid bytes show as \xNN), never
 * into an attribute, a URL, a style or a script.  Attributes hold program
 * text only: class names, the store's numeric ids in URLs
 * (/devices/42, /findings/7/plan, /diff?a=1&b=2), the session's CSRF
 * token (hex) and plan fields a person typed (escaped for the attribute).
 * The pages load nothing but /static/console.css and /static/events.js
 * (same origin) and carry a Content-Security-Policy that allows only those.
 */
#ifndef CS_SERVE_PAGES_H
#define CS_SERVE_PAGES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "audit/diff.h"
#include "core/buf.h"
#include "core/obs.h"
#include "report/report.h"
#include "store/store.h"

/* The policy of every page (sent as a header too; the meta copy guards a
 * page saved to disk). */
#define CS_PAGES_CSP                                                           \
	"default-src 'none'; script-src 'self'; style-src 'self'; "            \
	"img-src 'self' data:; connect-src 'self'; form-action 'self'; "       \
	"base-uri 'none'"

/* Who is looking: the page's header and its forms. */
struct cs_page_ctx {
	const char *user;  /* account name; escaped (NULL: not logged in) */
	const char *csrf;  /* the session's CSRF token, [0-9a-f] only; a
			      token with any other byte is not written */
	const char *scope; /* "all", or the sites/departments the user is
			      limited to, shown as text; may be NULL */
	const char *flash; /* program text shown once after a redirect, or
			      NULL */
};

/* Opens a page (doctype, head, the navigation bar naming the user and
 * the log-out form) titled title (program text, escaped anyway). */
int cs_page_begin(struct cs_buf *b, const struct cs_page_ctx *c,
		  const char *title);
/* Closes a page opened by cs_page_begin. */
int cs_page_end(struct cs_buf *b);

/* The log-in page; error is program text or NULL. */
int cs_page_login(struct cs_buf *b, const char *error);

/* A whole error page ("Not found" and the like); msg is program text. */
int cs_page_error(struct cs_buf *b, const struct cs_page_ctx *c, int status,
		  const char *msg);

/* The estate overview: the report's counts and charts of r (its scope is
 * the one r was loaded with). */
int cs_page_overview(struct cs_buf *b, const struct cs_page_ctx *c,
		     const struct cs_report *r);
/* The overview of a user limited to some sites: one section per site
 * (names[i], the report r[i] loaded for that site; NULL when no
 * assessment covers it). */
int cs_page_overview_sites(struct cs_buf *b, const struct cs_page_ctx *c,
			   int64_t scan_id, const char *const *names,
			   struct cs_report *const *r, size_t n);
/* The overview when the inventory holds no scan yet. */
int cs_page_overview_empty(struct cs_buf *b, const struct cs_page_ctx *c);

/* Devices of one scan: begin, one row per device, end. */
int cs_page_devices_begin(struct cs_buf *b, const struct cs_page_ctx *c,
			  int64_t scan_id);
int cs_page_devices_row(struct cs_buf *b, const struct cs_device_row *d);
/* A device only the switches know (docs/switches.md): its address, else
 * its MAC, and where it is plugged in instead of its open ports. */
int cs_page_devices_placed_row(struct cs_buf *b, const struct cs_device_row *d,
			       const struct cs_placement_row *p);
/* shown rows were written; more matched but were left out (a cap). */
int cs_page_devices_end(struct cs_buf *b, size_t shown, size_t more);

/*
 * One device as scan scan_id saw it: its identity, the evidence chain
 * (each field's claim, the rule, the observation it matched and the bytes
 * observed), its findings (nf, may be 0) and its raw observations.
 */
int cs_page_device(struct cs_buf *b, const struct cs_page_ctx *c,
		   int64_t scan_id, const struct cs_device_row *d,
		   const struct cs_obs *obs, size_t nobs,
		   const struct cs_finding_row *f, size_t nf);

/*
 * A device only the switches know, placed by p when the switches were
 * read for scan scan_id: its stored identity (from its MAC), its
 * placement (switch, port, VLAN, PoE, LLDP neighbour) as the evidence of
 * where it is, and its findings (nf, may be 0).
 */
int cs_page_device_placed(struct cs_buf *b, const struct cs_page_ctx *c,
			  int64_t scan_id, const struct cs_device_row *d,
			  const struct cs_placement_row *p,
			  const struct cs_finding_row *f, size_t nf);

/* Findings with their plan, each with a form (owner, due date, status,
 * until, note) posting to /findings/ID/plan with the CSRF token. */
int cs_page_findings_begin(struct cs_buf *b, const struct cs_page_ctx *c);
int cs_page_findings_row(struct cs_buf *b, const struct cs_page_ctx *c,
			 const struct cs_finding_row *f);
int cs_page_findings_end(struct cs_buf *b, size_t shown, size_t more);

/* One site or department line of the sites page, rolled up from the
 * findings. */
struct cs_page_site {
	char department[64], department_name[128];
	char site[64], site_name[128];
	bool sensitive;
	size_t devices;  /* distinct device addresses with findings */
	size_t findings; /* all findings */
	size_t active;   /* open, planned, done, risk-accepted */
	size_t overdue;  /* active with a due date before today */
};

/*
 * Adds finding f to the roll-up v (n lines, grown as needed; the caller
 * frees *v).  first: f is the first finding of its address at its site
 * (counts a device).  today is YYYY-MM-DD.
 */
int cs_page_sites_add(struct cs_page_site **v, size_t *n,
		      const struct cs_finding_row *f, bool first,
		      const char *today);
/* The sites page: departments and their sites, ordered by name. */
int cs_page_sites(struct cs_buf *b, const struct cs_page_ctx *c,
		  struct cs_page_site *v, size_t n);

/* Scans: begin, one row per scan (newest first), end with the form that
 * asks for a diff between any two of the ids listed (ids, nids). */
int cs_page_scans_begin(struct cs_buf *b, const struct cs_page_ctx *c);
int cs_page_scans_row(struct cs_buf *b, int64_t id,
		      const struct cs_scan_state *st);
int cs_page_scans_end(struct cs_buf *b, const int64_t *ids, size_t nids);

/* What changed from scan a to scan b: begin, one row per change (as
 * cs_audit_diff reports it), end with the counts. */
int cs_page_diff_begin(struct cs_buf *b, const struct cs_page_ctx *c, int64_t a,
		       int64_t bid);
int cs_page_diff_row(struct cs_buf *b, enum cs_audit_change what,
		     const struct cs_audit_dev *da,
		     const struct cs_audit_dev *db, const char *detail);
int cs_page_diff_end(struct cs_buf *b, const struct cs_audit_diff_result *res);

/* The console's style sheet (/static/console.css): the report's, and the
 * console's own. */
int cs_page_css(struct cs_buf *b);
/* The server-sent events client (/static/events.js): shows each new scan
 * the /events stream announces, without a reload. */
const char *cs_page_events_js(void);

/*
 * The pages' handlers: each reads the store for one request, within the
 * user's scope, renders into out and returns the HTTP status (200; 303
 * after a plan change, with the location in loc; 400, 404 or 500 with an
 * error page).  They know nothing of HTTP beyond that, so the server
 * (src/serve/) calls them from its routes.
 */

/* What a user may see: every site, or the listed sites and the sites of
 * the listed departments (a device's site is the store's, set by a
 * sensor or by `scan --estate`; a site's department is the estate's, as
 * the findings record it). */
struct cs_pages_scope {
	bool all;
	const char *const *sites;
	size_t nsites;
	const char *const *departments;
	size_t ndepartments;
	/* Or the server's own test (set: the lists are not used): whether
	 * a site is visible to the user (serve.h, cs_serve_site_visible,
	 * which counts the sites of the user's departments). */
	bool (*visible)(void *arg, const char *site);
	void *arg;
};

struct cs_pages_req {
	struct cs_store *st;
	const struct cs_page_ctx *ctx;
	const struct cs_pages_scope *scope; /* NULL: everything */
	int64_t now;                        /* unix seconds */
	char loc[128];                      /* out: where a 303 points */
	/* Optional, for a write: called after the scoped read has found
	 * the row in scope and before the write (the server leaves the
	 * user's database role there); non-zero stops the write. */
	int (*elevate)(void *arg);
	/* Optional: told of each plan change, before and after (the audit
	 * log). */
	void (*changed)(void *arg, const struct cs_finding_row *before,
			const struct cs_finding_row *after);
	void *arg; /* of elevate and changed */
};

/* True if a device or finding of site (with department dept, "" when not
 * known) is in scope sc. */
bool cs_pages_in_scope(const struct cs_pages_scope *sc, const char *site,
		       const char *dept);

int cs_pages_overview(struct cs_pages_req *q, struct cs_buf *out);
int cs_pages_sites(struct cs_pages_req *q, struct cs_buf *out);
int cs_pages_devices(struct cs_pages_req *q, struct cs_buf *out);
int cs_pages_device(struct cs_pages_req *q, int64_t device_id,
		    struct cs_buf *out);
/* saved: a finding id whose plan was just saved (0: none), said once. */
int cs_pages_findings(struct cs_pages_req *q, int64_t saved,
		      struct cs_buf *out);
/* POST /findings/ID/plan: applies p (NULL fields unchanged; "" owner,
 * due or note clear them) when the finding is in scope; 303 to the
 * findings page, or an error page. */
int cs_pages_plan_post(struct cs_pages_req *q, int64_t finding_id,
		       const struct cs_finding_plan *p, struct cs_buf *out);
int cs_pages_scans(struct cs_pages_req *q, struct cs_buf *out);
int cs_pages_diff(struct cs_pages_req *q, int64_t a, int64_t b,
		  struct cs_buf *out);

/*
 * The /events answer: "retry: MS", then the "scan" event of each scan in
 * scope newer than the one last (the browser's Last-Event-ID, NULL when
 * none) names, and of that one again if its status changed.  An event's
 * id is "ID:STATUS", so the browser's reconnection, after retry_ms, asks
 * for what came or changed since: that is how a new scan reaches an open
 * page without a reload.  Without last: the newest scan only.  Returns 0
 * or a store or cs_buf error.
 */
int cs_pages_events(struct cs_pages_req *q, const char *last, unsigned retry_ms,
		    struct cs_buf *out);

/*
 * Appends the server-sent event announcing scan id (its status and site
 * as JSON strings, the id as a decimal string too: PostgreSQL's ids
 * exceed what a JavaScript number holds exactly; times and counts):
 * "event: scan\ndata: {...}\n\n".
 * Returns 0, CS_ENOTFOUND (no such scan, or a site's scan outside sc) or
 * a store or cs_buf error.
 */
int cs_pages_scan_event(struct cs_store *st, const struct cs_pages_scope *sc,
			int64_t id, struct cs_buf *out);

#endif /* CS_SERVE_PAGES_H */
