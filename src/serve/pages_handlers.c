/* SPDX-License-Identifier: ISC */
/*
 * The pages' handlers (pages.h): one request's reads of the store, within
 * the user's scope, rendered by pages.c.  A device, finding or change
 * outside the scope is treated as absent: not listed, and 404 when asked
 * for by id, the same answer as for an id that does not exist.
 */
#include "serve/pages.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit/placed.h"
#include "audit/plan.h"
#include "core/alloc.h"
#include "core/escape.h"
#include "core/str.h"
#include "core/poison.h"

#define MAX_SCANS_LISTED 500
#define MAX_DEVICE_ROWS 5000  /* rows of the devices page */
#define MAX_FINDING_ROWS 2000 /* rows (each a form) of the findings page */

static bool
in_list(const char *const *v, size_t n, const char *s)
{
	for (size_t i = 0; i < n; i++)
		if (v[i] && strcmp(v[i], s) == 0)
			return true;
	return false;
}

bool
cs_pages_in_scope(const struct cs_pages_scope *sc, const char *site,
		  const char *dept)
{
	if (sc == NULL || sc->all)
		return true;
	if (sc->visible != NULL)
		return sc->visible(sc->arg, site ? site : "");
	if (site && site[0] && in_list(sc->sites, sc->nsites, site))
		return true;
	return dept && dept[0] &&
	       in_list(sc->departments, sc->ndepartments, dept);
}

/* The sites of the findings with their departments, for a scope by
 * department: a device's row names only its site. */
struct site_map {
	struct {
		char site[64], dept[64];
	} * v;
	size_t n;
};

static int
on_site_pair(void *arg, const struct cs_finding_row *f)
{
	struct site_map *m = arg;

	for (size_t i = 0; i < m->n; i++)
		if (strcmp(m->v[i].site, f->site) == 0)
			return 0;
	m->v = cs_xrealloc(m->v, m->n + 1, sizeof(*m->v));
	cs_strlcpy(m->v[m->n].site, f->site, sizeof(m->v[m->n].site));
	cs_strlcpy(m->v[m->n].dept, f->department, sizeof(m->v[m->n].dept));
	m->n++;
	return 0;
}

/* What a request may see, ready for rows that name a site only. */
struct scope {
	const struct cs_pages_scope *sc;
	struct site_map map;
};

static int
scope_open(struct scope *s, struct cs_pages_req *q)
{
	struct cs_finding_filter all = {.any_order = true};

	memset(s, 0, sizeof(*s));
	s->sc = q->scope;
	if (s->sc == NULL || s->sc->all || s->sc->visible != NULL ||
	    s->sc->ndepartments == 0)
		return 0;
	return cs_store_each_finding(q->st, &all, on_site_pair, &s->map);
}

static void
scope_close(struct scope *s)
{
	free(s->map.v);
	s->map.v = NULL;
}

static bool
scope_site(const struct scope *s, const char *site)
{
	const char *dept = "";

	if (s->sc == NULL || s->sc->all)
		return true;
	for (size_t i = 0; i < s->map.n; i++)
		if (strcmp(s->map.v[i].site, site) == 0)
			dept = s->map.v[i].dept;
	return cs_pages_in_scope(s->sc, site, dept);
}

static int
fail(struct cs_pages_req *q, struct cs_buf *out, int status, const char *msg)
{
	cs_buf_reset(out);
	cs_page_error(out, q->ctx, status, msg);
	return status;
}

static int
not_found(struct cs_pages_req *q, struct cs_buf *out)
{
	return fail(q, out, 404, "No such page, or not in your scope.");
}

static int
store_error(struct cs_pages_req *q, struct cs_buf *out)
{
	return fail(q, out, 500, "The inventory could not be read.");
}

/* The newest scan; 0 when there is none. */
static int
latest(struct cs_pages_req *q, int64_t *id)
{
	int rc = cs_store_latest_scan(q->st, id);

	if (rc == CS_ENOTFOUND) {
		*id = 0;
		return 0;
	}
	return rc;
}

/* The sites of q's scope: the user's list, else those of the newest
 * assessment's estate in scope (at most max), as new strings in v. */
static size_t
scope_sites(struct cs_pages_req *q, char **v, size_t max)
{
	struct cs_assessment a;
	size_t n = 0;

	if (q->scope->nsites > 0) {
		for (size_t i = 0; i < q->scope->nsites && n < max; i++)
			if (q->scope->sites[i] && q->scope->sites[i][0])
				v[n++] = cs_xstrdup(q->scope->sites[i]);
		return n;
	}
	memset(&a, 0, sizeof(a));
	if (cs_store_assessment_latest(q->st, &a) != 0 || a.sites == NULL) {
		cs_assessment_clear(&a);
		return 0;
	}
	for (char *p = a.sites, *e; p && *p && n < max; p = e ? e + 1 : NULL) {
		e = strchr(p, ',');
		if (e)
			*e = '\0';
		if (*p && cs_pages_in_scope(q->scope, p, ""))
			v[n++] = cs_xstrdup(p);
	}
	cs_assessment_clear(&a);
	return n;
}

#define MAX_OVERVIEW_SITES 16

int
cs_pages_overview(struct cs_pages_req *q, struct cs_buf *out)
{
	struct cs_report_opts o = {0};
	struct cs_report *r[MAX_OVERVIEW_SITES] = {0};
	char *names[MAX_OVERVIEW_SITES];
	char err[512];
	size_t n, k = 0;
	int64_t scan;
	int rc = 0, status;

	if (latest(q, &scan) != 0)
		return store_error(q, out);
	if (scan == 0)
		return cs_page_overview_empty(out, q->ctx) ? 500 : 200;
	o.scan_id = scan;
	o.now = q->now;
	o.allow_stale = true;
	if (q->scope == NULL || q->scope->all) {
		rc = cs_report_load(q->st, &o, &r[0], err, sizeof(err));
		if (rc != 0)
			return store_error(q, out);
		rc = cs_page_overview(out, q->ctx, r[0]);
		cs_report_free(r[0]);
		return rc ? 500 : 200;
	}
	/* A limited user: each site in scope, as the report filtered to
	 * that site shows it (its devices and its findings). */
	n = scope_sites(q, names, MAX_OVERVIEW_SITES);
	o.no_record = true; /* the estate names every site: not theirs */
	for (; k < n && rc == 0; k++) {
		o.site = o.device_site = names[k];
		rc = cs_report_load(q->st, &o, &r[k], err, sizeof(err));
		if (rc == CS_EINVAL) /* not in the assessment's estate */
			rc = 0, r[k] = NULL;
	}
	if (rc == 0)
		status =
		    cs_page_overview_sites(out, q->ctx, scan,
					   (const char *const *)names, r, n)
			? 500
			: 200;
	else
		status = store_error(q, out);
	for (size_t i = 0; i < n; i++) {
		cs_report_free(r[i]);
		free(names[i]);
	}
	return status;
}

struct dev_list {
	struct scope *sc;
	struct cs_buf *out;
	size_t shown, more;
	int rc;
};

static int
on_dev_list(void *arg, const struct cs_device_row *d)
{
	struct dev_list *l = arg;

	if (!scope_site(l->sc, d->site))
		return 0;
	if (l->shown >= MAX_DEVICE_ROWS) {
		l->more++;
		return 0;
	}
	l->shown++;
	return (l->rc = cs_page_devices_row(l->out, d));
}

/* A device only the switches know, after the hosts: by its MAC where it
 * has no address, with its placement (docs/switches.md). */
static int
on_placed_list(void *arg, const struct cs_placed_device *d)
{
	struct dev_list *l = arg;
	struct cs_device_row *row;

	if (!scope_site(l->sc, d->site))
		return 0;
	if (l->shown >= MAX_DEVICE_ROWS) {
		l->more++;
		return 0;
	}
	l->shown++;
	row = cs_xcalloc(1, sizeof(*row));
	cs_audit_placed_row(d, NULL, row); /* the stored identity */
	l->rc = cs_page_devices_placed_row(l->out, row, &d->place);
	free(row);
	return l->rc;
}

int
cs_pages_devices(struct cs_pages_req *q, struct cs_buf *out)
{
	struct scope sc;
	struct dev_list l = {&sc, out, 0, 0, 0};
	int64_t scan;
	int rc;

	if (latest(q, &scan) != 0 || scope_open(&sc, q) != 0)
		return store_error(q, out);
	cs_page_devices_begin(out, q->ctx, scan);
	rc = scan ? cs_store_each_device_parts(q->st, scan, CS_DEV_PORTS,
					       on_dev_list, &l)
		  : 0;
	if (rc == 0 && scan)
		rc = cs_store_each_placed_only(q->st, scan, on_placed_list, &l);
	scope_close(&sc);
	if (rc != 0 && l.rc == 0)
		return store_error(q, out);
	return cs_page_devices_end(out, l.shown, l.more) || l.rc ? 500 : 200;
}

struct dev_find {
	int64_t id;
	struct cs_device_row *row; /* filled when found */
	bool found;
	struct cs_placement_row place; /* a device only the switches know */
	bool placed;
};

static int
max_row(void *arg, int ncol, const char *const *val)
{
	long long v;

	if (ncol == 1 && val[0] != NULL &&
	    cs_str_tonum(val[0], 0, INT64_MAX, &v) == 0)
		*(int64_t *)arg = (int64_t)v;
	return 0;
}

/* The newest scan with a sighting of device id, else the newest its
 * placement was recorded for (a device only the switches know); 0 when
 * there is none in the user's reach (on PostgreSQL the role's policies
 * apply).  One lookup by the device's id instead of walking scans. */
static int
device_scan(struct cs_pages_req *q, int64_t id, int64_t *scan)
{
	char idt[24];
	const char *p[1] = {idt};

	snprintf(idt, sizeof(idt), "%lld", (long long)id);
	*scan = 0;
	if (cs_store_query(q->st,
			   "SELECT max(scan_id) FROM sighting WHERE "
			   "device_id = $1",
			   p, 1, max_row, scan) != 0)
		return CS_EIO;
	if (*scan == 0 && cs_store_query(q->st,
					 "SELECT max(scan_id) FROM placement "
					 "WHERE device_id = $1",
					 p, 1, max_row, scan) != 0)
		return CS_EIO;
	return 0;
}

static int
on_placed_find(void *arg, const struct cs_placed_device *d)
{
	struct dev_find *f = arg;

	if (d->device_id != f->id)
		return 0;
	cs_audit_placed_row(d, NULL, f->row); /* the stored identity */
	f->place = d->place;
	f->found = f->placed = true;
	return 1;
}

static int
on_dev_find(void *arg, const struct cs_device_row *d)
{
	struct dev_find *f = arg;

	if (d->device_id != f->id)
		return 0;
	memcpy(f->row, d, sizeof(*d));
	f->found = true;
	return 1;
}

static int
on_obs(void *arg, const struct cs_obs *o)
{
	struct cs_obs_list *l = arg;

	cs_obs_add(l, o->key, o->port, o->flags, o->val, o->len);
	return 0;
}

struct fnd_list {
	struct cs_finding_row *v;
	size_t n;
	int64_t device_id;
	const char *ip, *site;
};

static int
on_dev_finding(void *arg, const struct cs_finding_row *f)
{
	struct fnd_list *l = arg;

	if (f->device_id != l->device_id &&
	    !(f->device_id == 0 && l->ip[0] && strcmp(f->ip, l->ip) == 0 &&
	      strcmp(f->site, l->site) == 0))
		return 0;
	if (l->n >= 256)
		return 0;
	l->v = cs_xrealloc(l->v, l->n + 1, sizeof(*l->v));
	l->v[l->n++] = *f;
	return 0;
}

int
cs_pages_device(struct cs_pages_req *q, int64_t device_id, struct cs_buf *out)
{
	struct cs_device_row *row = cs_xcalloc(1, sizeof(*row));
	struct dev_find f = {.id = device_id, .row = row};
	struct cs_obs_list obs;
	struct fnd_list fl = {0};
	struct cs_finding_filter flt = {0};
	struct scope sc;
	int64_t scan;
	int rc = 0, status;

	if (device_id <= 0) {
		free(row);
		return not_found(q, out);
	}
	if (device_scan(q, device_id, &scan) != 0) {
		free(row);
		return store_error(q, out);
	}
	if (scan > 0) {
		rc = cs_store_each_device(q->st, scan, on_dev_find, &f);
		/* else one only the switches know, placed for that scan */
		if (rc >= 0 && !f.found)
			rc = cs_store_each_placed_only(q->st, scan,
						       on_placed_find, &f);
	}
	if (rc < 0) {
		free(row);
		return store_error(q, out);
	}
	if (!f.found || scope_open(&sc, q) != 0) {
		free(row);
		return not_found(q, out);
	}
	if (!scope_site(&sc, row->site)) {
		scope_close(&sc);
		free(row);
		return not_found(q, out);
	}
	scope_close(&sc);
	cs_obs_list_init(&obs);
	fl.device_id = device_id;
	fl.ip = row->ip;
	fl.site = row->site;
	if ((!f.placed && cs_store_each_observation(q->st, scan, row->ip,
						    on_obs, &obs) < 0) ||
	    cs_store_each_finding(q->st, &flt, on_dev_finding, &fl) < 0) {
		status = store_error(q, out);
	} else if (f.placed) {
		status = cs_page_device_placed(out, q->ctx, scan, row, &f.place,
					       fl.v, fl.n)
			     ? 500
			     : 200;
	} else {
		status = cs_page_device(out, q->ctx, scan, row, obs.v, obs.n,
					fl.v, fl.n)
			     ? 500
			     : 200;
	}
	cs_obs_list_free(&obs);
	free(fl.v);
	free(row);
	return status;
}

struct fnd_page {
	struct cs_pages_req *q;
	struct cs_buf *out;
	size_t shown, more;
	int rc;
};

static int
on_finding_row(void *arg, const struct cs_finding_row *f)
{
	struct fnd_page *p = arg;

	if (!cs_pages_in_scope(p->q->scope, f->site, f->department))
		return 0;
	if (p->shown >= MAX_FINDING_ROWS) {
		p->more++;
		return 0;
	}
	p->shown++;
	return (p->rc = cs_page_findings_row(p->out, p->q->ctx, f));
}

int
cs_pages_findings(struct cs_pages_req *q, int64_t saved, struct cs_buf *out)
{
	struct cs_finding_filter flt = {0};
	struct fnd_page p = {q, out, 0, 0, 0};
	struct cs_page_ctx c = *q->ctx;
	char flash[96];
	int rc;

	if (saved > 0) {
		snprintf(flash, sizeof(flash),
			 "The plan of finding %lld was "
			 "saved.",
			 (long long)saved);
		c.flash = flash;
	}
	cs_page_findings_begin(out, &c);
	rc = cs_audit_plan_list(q->st, &flt, true, on_finding_row, &p);
	if (rc != 0 && p.rc == 0)
		return store_error(q, out);
	return cs_page_findings_end(out, p.shown, p.more) || p.rc ? 500 : 200;
}

int
cs_pages_plan_post(struct cs_pages_req *q, int64_t finding_id,
		   const struct cs_finding_plan *p, struct cs_buf *out)
{
	struct cs_finding_row *f = cs_xcalloc(1, sizeof(*f)), *after;
	int rc = finding_id > 0 ? cs_store_finding_get(q->st, finding_id, f)
				: CS_ENOTFOUND;

	if (rc == CS_ENOTFOUND ||
	    (rc == 0 && !cs_pages_in_scope(q->scope, f->site, f->department))) {
		free(f);
		return not_found(q, out);
	}
	if (rc != 0) {
		free(f);
		return store_error(q, out);
	}
	if (q->elevate != NULL && q->elevate(q->arg) != 0) {
		free(f);
		return store_error(q, out);
	}
	after = cs_xcalloc(1, sizeof(*after));
	rc = cs_audit_plan_set(q->st, finding_id, p, q->now, after);
	if (rc == 0 && q->changed != NULL && after->id > 0)
		q->changed(q->arg, f, after);
	free(f);
	free(after);
	if (rc == CS_EINVAL)
		return fail(q, out, 400,
			    "Not saved: the status must be open, planned, "
			    "done or risk-accepted, dates YYYY-MM-DD, and "
			    "risk-accepted needs an until date.");
	if (rc == CS_ENOTFOUND)
		return not_found(q, out);
	if (rc != 0)
		return store_error(q, out);
	snprintf(q->loc, sizeof(q->loc), "/findings?saved=%lld#f%lld",
		 (long long)finding_id, (long long)finding_id);
	cs_buf_reset(out);
	return 303;
}

/* The sites page's roll-up: findings counted as they come, devices (one
 * per site and address) counted after by sorting their keys. */
struct site_roll {
	struct cs_pages_req *q;
	struct cs_page_site *v;
	size_t n;
	char today[11];
	char (*key)[192]; /* "site US dept US ip" */
	size_t nkey, capkey;
};

static int
on_site_row(void *arg, const struct cs_finding_row *f)
{
	struct site_roll *s = arg;

	if (!cs_pages_in_scope(s->q->scope, f->site, f->department))
		return 0;
	if (s->nkey == s->capkey) {
		s->capkey = s->capkey ? 2 * s->capkey : 256;
		s->key = cs_xrealloc(s->key, s->capkey, sizeof(*s->key));
	}
	snprintf(s->key[s->nkey++], sizeof(*s->key), "%s\x1f%s\x1f%s", f->site,
		 f->department, f->ip[0] ? f->ip : f->mac);
	return cs_page_sites_add(&s->v, &s->n, f, false, s->today);
}

static int
key_cmp(const void *a, const void *b)
{
	return strcmp(a, b);
}

/* Counts each distinct key once, at its site's line. */
static void
count_devices(struct site_roll *s)
{
	if (s->nkey > 1)
		qsort(s->key, s->nkey, sizeof(*s->key), key_cmp);
	for (size_t i = 0; i < s->nkey; i++) {
		char site[64], dept[64];
		const char *k = s->key[i], *e1, *e2;

		if (i > 0 && strcmp(s->key[i - 1], k) == 0)
			continue;
		if ((e1 = strchr(k, '\x1f')) == NULL ||
		    (e2 = strchr(e1 + 1, '\x1f')) == NULL)
			continue;
		snprintf(site, sizeof(site), "%.*s", (int)(e1 - k), k);
		snprintf(dept, sizeof(dept), "%.*s", (int)(e2 - e1 - 1),
			 e1 + 1);
		for (size_t j = 0; j < s->n; j++)
			if (strcmp(s->v[j].site, site) == 0 &&
			    strcmp(s->v[j].department, dept) == 0) {
				s->v[j].devices++;
				break;
			}
	}
}

int
cs_pages_sites(struct cs_pages_req *q, struct cs_buf *out)
{
	struct site_roll s = {.q = q};
	struct cs_finding_filter flt = {.any_order = true};
	char ts[32];
	int rc;

	cs_report_time(q->now, ts, sizeof(ts));
	memcpy(s.today, ts, 10);
	s.today[10] = '\0';
	rc = cs_store_each_finding(q->st, &flt, on_site_row, &s);
	if (rc == 0)
		count_devices(&s);
	free(s.key);
	if (rc != 0) {
		free(s.v);
		return store_error(q, out);
	}
	rc = cs_page_sites(out, q->ctx, s.v, s.n);
	free(s.v);
	return rc ? 500 : 200;
}

int
cs_pages_scans(struct cs_pages_req *q, struct cs_buf *out)
{
	struct cs_scan_state *st = cs_xcalloc(1, sizeof(*st));
	int64_t *ids = cs_xcalloc(MAX_SCANS_LISTED, sizeof(*ids));
	size_t n = 0;
	int64_t id;
	int status = 200;

	if (latest(q, &id) != 0) {
		free(st);
		free(ids);
		return store_error(q, out);
	}
	cs_page_scans_begin(out, q->ctx);
	while (id > 0 && n < MAX_SCANS_LISTED) {
		if (cs_store_scan_get(q->st, id, st) != 0) {
			status = 500;
			break;
		}
		/* a scan run for one site (a sensor's) is that site's; a
		 * central scan ("" site) is listed to everyone */
		if (st->site[0] == '\0' ||
		    cs_pages_in_scope(q->scope, st->site, "")) {
			ids[n++] = id;
			cs_page_scans_row(out, id, st);
		}
		if (cs_store_prev_scan(q->st, id, &id) != 0)
			id = 0;
	}
	if (status == 200 && cs_page_scans_end(out, ids, n) != 0)
		status = 500;
	free(st);
	free(ids);
	return status == 200 ? 200 : store_error(q, out);
}

struct diff_page {
	struct scope *sc;
	struct cs_buf *out;
	struct cs_audit_diff_result shown;
	int rc;
};

static void
on_change(void *arg, enum cs_audit_change what, const struct cs_audit_dev *a,
	  const struct cs_audit_dev *b, const char *detail)
{
	struct diff_page *p = arg;

	if ((a && !scope_site(p->sc, a->site)) ||
	    (b && !scope_site(p->sc, b->site)))
		return;
	p->shown.count[what]++;
	if (p->rc == 0)
		p->rc = cs_page_diff_row(p->out, what, a, b, detail);
}

int
cs_pages_diff(struct cs_pages_req *q, int64_t a, int64_t b, struct cs_buf *out)
{
	struct scope sc;
	struct diff_page p = {&sc, out, {{0}, 0, 0, false, false}, 0};
	struct cs_audit_diff_result res;
	int rc;

	if (a <= 0 || b <= 0)
		return not_found(q, out);
	if (scope_open(&sc, q) != 0)
		return store_error(q, out);
	cs_page_diff_begin(out, q->ctx, a, b);
	rc = cs_audit_diff(q->st, a, b, on_change, &p, &res);
	scope_close(&sc);
	if (rc == CS_ENOTFOUND)
		return not_found(q, out);
	if (rc != 0)
		return store_error(q, out);
	/* the counts of what this user may see; the not-compared counts
	 * only for a user who sees everything */
	if (q->scope && !q->scope->all)
		p.shown.outside_a = p.shown.outside_b = 0;
	else {
		p.shown.outside_a = res.outside_a;
		p.shown.outside_b = res.outside_b;
	}
	return cs_page_diff_end(out, &p.shown) || p.rc ? 500 : 200;
}

int
cs_pages_scan_event(struct cs_store *st, const struct cs_pages_scope *sc,
		    int64_t id, struct cs_buf *out)
{
	struct cs_scan_state *s = cs_xcalloc(1, sizeof(*s));
	char a[32], e[32];
	int rc = cs_store_scan_get(st, id, s);

	/* as the scans page lists them */
	if (rc == 0 && s->site[0] && !cs_pages_in_scope(sc, s->site, ""))
		rc = CS_ENOTFOUND;
	if (rc == 0) {
		/* the status is a store word; escaped for JSON all the same */
		rc = cs_buf_printf(out,
				   "event: scan\ndata: {\"id\":\"%lld\","
				   "\"status\":",
				   (long long)id);
		if (rc == 0)
			rc = cs_esc_json(out, s->status, strlen(s->status));
		if (rc == 0)
			rc = cs_buf_adds(out, ",\"site\":");
		if (rc == 0)
			rc = cs_esc_json(out, s->site, strlen(s->site));
		if (rc == 0)
			rc = cs_buf_printf(
			    out,
			    ",\"started\":\"%s\",\"ended\":\"%s\","
			    "\"targets\":%llu,\"hosts\":%llu}\n\n",
			    cs_report_time(s->started, a, sizeof(a)),
			    cs_report_time(s->ended, e, sizeof(e)),
			    (unsigned long long)s->total_targets,
			    (unsigned long long)s->hosts_done);
	}
	free(s);
	return rc;
}

#define MAX_EVENTS 20 /* scans announced in one answer */

/* A Last-Event-ID this server sent: "ID" or "ID:STATUS" (a store word
 * of letters).  0 with *id and status ("" when none), or CS_EINVAL. */
static int
parse_last(const char *s, int64_t *id, char status[16])
{
	const char *colon;
	char num[24];
	long long v;
	size_t n;

	status[0] = '\0';
	if (s == NULL)
		return CS_EINVAL;
	colon = strchr(s, ':');
	n = colon ? (size_t)(colon - s) : strlen(s);
	if (n == 0 || n >= sizeof(num))
		return CS_EINVAL;
	memcpy(num, s, n);
	num[n] = '\0';
	if (cs_str_tonum(num, 1, INT64_MAX, &v) != 0)
		return CS_EINVAL;
	*id = (int64_t)v;
	if (colon) {
		const char *t = colon + 1;
		size_t k = strlen(t);

		if (k == 0 || k >= 16 ||
		    strspn(t, "abcdefghijklmnopqrstuvwxyz") != k)
			return CS_EINVAL;
		memcpy(status, t, k + 1);
	}
	return 0;
}

/* Appends the event of scan id, its event id "ID:STATUS"; CS_ENOTFOUND
 * (out unchanged) when it is not to be shown. */
static int
one_event(struct cs_pages_req *q, int64_t id, struct cs_buf *out)
{
	struct cs_scan_state *st = cs_xcalloc(1, sizeof(*st));
	struct cs_buf ev;
	int rc = cs_store_scan_get(q->st, id, st);
	size_t k = strlen(st->status);
	/* the status in the id only when it is a word (it always is) */
	bool word =
	    k > 0 && strspn(st->status, "abcdefghijklmnopqrstuvwxyz") == k;

	cs_buf_init(&ev, 8192);
	if (rc == 0)
		rc = cs_buf_printf(&ev, "id: %lld%s%s\n", (long long)id,
				   word ? ":" : "", word ? st->status : "");
	if (rc == 0)
		rc = cs_pages_scan_event(q->st, q->scope, id, &ev);
	if (rc == 0)
		rc = cs_buf_add(out, ev.p, ev.len);
	cs_buf_free(&ev);
	free(st);
	return rc;
}

int
cs_pages_events(struct cs_pages_req *q, const char *last, unsigned retry_ms,
		struct cs_buf *out)
{
	int64_t ids[MAX_EVENTS], id, after = 0;
	char seen[16];
	size_t n = 0;
	int rc;

	if (parse_last(last, &after, seen) != 0)
		after = 0;
	if ((rc = cs_buf_printf(out, "retry: %u\n\n", retry_ms)) != 0)
		return rc;
	if ((rc = latest(q, &id)) != 0)
		return rc;
	/* the last scan announced, again if its status changed since */
	if (after > 0 && seen[0]) {
		struct cs_scan_state *st = cs_xcalloc(1, sizeof(*st));

		rc = cs_store_scan_get(q->st, after, st);
		if (rc == 0 && strcmp(st->status, seen) != 0)
			rc = one_event(q, after, out);
		free(st);
		if (rc != 0 && rc != CS_ENOTFOUND)
			return rc;
	}
	/* newest first, down to after (or just the newest) */
	while (id > 0 && id > after && n < MAX_EVENTS) {
		ids[n++] = id;
		if (after <= 0 || cs_store_prev_scan(q->st, id, &id) != 0)
			break;
	}
	for (size_t i = n; i-- > 0;) {
		rc = one_event(q, ids[i], out);
		if (rc != 0 && rc != CS_ENOTFOUND)
			return rc;
	}
	return 0;
}
