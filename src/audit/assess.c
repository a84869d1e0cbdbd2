/* SPDX-License-Identifier: ISC */
/* Assessment and reconciliation of findings; see assess.h. */
#include "audit/assess.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit/exposure.h"
#include "audit/placed.h"
#include "audit/scope.h"
#include "core/alloc.h"
#include "core/str.h"
#include "evidence/digest.h"
#include "core/poison.h"

int
cs_audit_load_regimes(const char *dir, const char *list, char *const *files,
		      size_t nfiles, struct cs_regime_set *all,
		      const struct cs_regime ***sel, size_t *nsel, char *err,
		      size_t errsz)
{
	char buf[1024];
	char *save = buf;
	size_t first_extra;

	cs_regime_set_init(all);
	*sel = NULL;
	*nsel = 0;
	if (cs_regime_load_dir(all, dir, err, errsz) != 0)
		return CS_EINVAL;
	first_extra = all->n;
	for (size_t i = 0; i < nfiles; i++)
		if (cs_regime_load_file(all, files[i], err, errsz) != 0)
			return CS_EINVAL;
	*sel = cs_xcalloc(all->n + 1, sizeof(**sel));
	cs_strlcpy(buf, list, sizeof(buf));
	while (save != NULL && *save != '\0') {
		char *comma = strchr(save, ',');
		const struct cs_regime *r;
		if (comma != NULL)
			*comma = '\0';
		r = cs_regime_find(all, save);
		if (r == NULL) {
			size_t l;
			snprintf(err, errsz,
				 "unknown regime '%s' (known:", save);
			for (size_t i = 0; i < all->n; i++) {
				l = strlen(err);
				snprintf(err + l, errsz - l, " %s",
					 all->r[i].id);
			}
			l = strlen(err);
			snprintf(err + l, errsz - l, ")\n");
			return CS_EINVAL;
		}
		(*sel)[(*nsel)++] = r;
		save = comma != NULL ? comma + 1 : NULL;
	}
	/* Regimes from extra files always apply. */
	for (size_t i = first_extra; i < all->n; i++) {
		bool have = false;
		for (size_t j = 0; j < *nsel; j++)
			have |= (*sel)[j] == &all->r[i];
		if (!have)
			(*sel)[(*nsel)++] = &all->r[i];
	}
	return 0;
}

struct cs_estate *
cs_audit_estate_read(const char *path, uint8_t **text, size_t *len, char *err,
		     size_t errsz)
{
	*text = cs_policy_read_file(path, CS_ESTATE_MAX_BYTES, len, err, errsz);
	if (*text == NULL) {
		size_t l = strlen(err);
		snprintf(err + l, errsz - l, "\n");
		return NULL;
	}
	return cs_estate_parse(path, *text, *len, err, errsz);
}

bool
cs_audit_finding_fails(const struct cs_finding_row *f, enum cs_severity fail_on,
		       const char *as_of)
{
	if (f->severity < fail_on)
		return false;
	if (strcmp(f->status, "closed") == 0 ||
	    strcmp(f->status, "withdrawn") == 0)
		return false;
	if (strcmp(f->status, "risk-accepted") == 0)
		return f->status_until[0] != '\0' &&
		       strcmp(f->status_until, as_of) < 0;
	return true;
}

struct frows {
	struct cs_finding_row *v;
	size_t n, cap;
};

static int
collect_finding(void *arg, const struct cs_finding_row *f)
{
	struct frows *r = arg;

	if (r->n == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 64;
		r->v = cs_xrealloc(r->v, r->cap, sizeof(*r->v));
	}
	r->v[r->n++] = *f;
	return 0;
}

/* The latest reachable record of an address (cs_store_each_reach). */
struct reach_rec {
	char ip[46];
	char vantage[64];
};

struct reach_set {
	struct reach_rec *v;
	size_t n, cap;
};

static int
collect_reach(void *arg, const char *ip, const char *vantage, const char *ports)
{
	struct reach_set *r = arg;

	(void)ports;
	if (r->n == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 256;
		r->v = cs_xrealloc(r->v, r->cap, sizeof(*r->v));
	}
	cs_strlcpy(r->v[r->n].ip, ip, sizeof(r->v[0].ip));
	cs_strlcpy(r->v[r->n].vantage, vantage, sizeof(r->v[0].vantage));
	r->n++;
	return 0;
}

static int
reach_cmp(const void *a, const void *b)
{
	return strcmp(((const struct reach_rec *)a)->ip,
		      ((const struct reach_rec *)b)->ip);
}

/* The placements (cs_store_each_placement), by site then MAC. */
struct place_set {
	struct cs_placement_row *v;
	size_t n, cap;
};

static int
collect_place(void *arg, const struct cs_placement_row *p)
{
	struct place_set *r = arg;

	if (r->n == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 64;
		r->v = cs_xrealloc(r->v, r->cap, sizeof(*r->v));
	}
	r->v[r->n++] = *p;
	return 0;
}

/* By device (placements without one last, never looked up). */
static int
place_cmp(const void *a, const void *b)
{
	const struct cs_placement_row *x = a, *y = b;

	return (x->device_id > y->device_id) - (x->device_id < y->device_id);
}

static int
str46_cmp(const void *a, const void *b)
{
	return strcmp((const char *)a, (const char *)b);
}

static int
i64_cmp(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return (x > y) - (x < y);
}

/* The active findings the close step must look at: not raised or
 * updated by this run, and not from a later scan. */
struct unraised {
	struct frows *keep;
	const int64_t *cur; /* sorted ids of this run's findings */
	size_t ncur;
	int64_t scan_id;
};

static int
collect_unraised(void *arg, const struct cs_finding_row *f)
{
	const struct unraised *u = arg;

	if (f->last_scan > u->scan_id ||
	    (u->ncur > 0 && bsearch(&f->id, u->cur, u->ncur, sizeof(*u->cur),
				    i64_cmp) != NULL))
		return 0;
	return collect_finding(u->keep, f);
}

/* The order of cs_store_each_finding: severity (highest first), site,
 * address, regime, obligation (byte-wise), id. */
static int
finding_order_cmp(const void *a, const void *b)
{
	const struct cs_finding_row *x = a, *y = b;
	int c;

	if (x->severity != y->severity)
		return x->severity > y->severity ? -1 : 1;
	if ((c = strcmp(x->site, y->site)) != 0 ||
	    (c = strcmp(x->ip, y->ip)) != 0 ||
	    (c = strcmp(x->regime, y->regime)) != 0 ||
	    (c = strcmp(x->obligation, y->obligation)) != 0)
		return c;
	return x->id < y->id ? -1 : x->id > y->id;
}

/*
 * One assessment pass over the scan's devices: each is evaluated as it
 * is read (the reach records were read beforehand in one query), and
 * only its address is kept, for the closing step.
 */
/* The posture items of one sighting, packed (cs_exposure_pack). */
struct posture_rec {
	int64_t sid;
	char *packed; /* NULL: none */
};

struct posture_set {
	struct posture_rec *v;
	size_t n, cap;
	uint16_t (*ports)[CS_STORE_MAX_PORTS]; /* by v index, while read */
	size_t *nports;
};

static int
posture_rec_cmp(const void *a, const void *b)
{
	int64_t x = ((const struct posture_rec *)a)->sid,
		y = ((const struct posture_rec *)b)->sid;

	return (x > y) - (x < y);
}

static int
collect_sighting(void *arg, const struct cs_device_row *row)
{
	struct posture_set *p = arg;

	if (row->sighting_id <= 0)
		return 0;
	if (p->n == p->cap) {
		p->cap = p->cap ? p->cap * 2 : 1024;
		p->v = cs_xrealloc(p->v, p->cap, sizeof(*p->v));
		p->ports = cs_xrealloc(p->ports, p->cap, sizeof(*p->ports));
		p->nports = cs_xrealloc(p->nports, p->cap, sizeof(*p->nports));
	}
	p->v[p->n].sid = row->sighting_id;
	p->v[p->n].packed = NULL;
	p->nports[p->n] =
	    row->nports < CS_STORE_MAX_PORTS ? row->nports : CS_STORE_MAX_PORTS;
	memcpy(p->ports[p->n], row->ports,
	       p->nports[p->n] * sizeof(row->ports[0]));
	p->n++;
	return 0;
}

/* The observations of one chunk of sightings, by index in the chunk. */
struct obs_chunk {
	struct cs_obs_list *l;
};

static int
collect_obs(void *arg, size_t i, const struct cs_obs *o)
{
	struct obs_chunk *c = arg;

	(void)cs_obs_add_copy(&c->l[i], o);
	return 0;
}

/*
 * Reads the posture of every device of the scan (its ports, then its
 * observations in chunks) into *p, sorted by sighting id.  Returns 0 or
 * CS_EIO.
 */
static int
read_posture(struct cs_store *st, int64_t scan_id, const char *as_of,
	     struct posture_set *p)
{
	struct cs_exposure *e = cs_xcalloc(1, sizeof(*e));
	int64_t *ids = cs_xcalloc(CS_STORE_OBS_OF_MAX, sizeof(*ids));
	struct obs_chunk c;
	int ret = 0;

	c.l = cs_xcalloc(CS_STORE_OBS_OF_MAX, sizeof(*c.l));
	if (cs_store_each_device_parts(st, scan_id, CS_DEV_PORTS,
				       collect_sighting, p) != 0)
		ret = CS_EIO;
	for (size_t at = 0; ret == 0 && at < p->n; at += CS_STORE_OBS_OF_MAX) {
		size_t k = p->n - at < CS_STORE_OBS_OF_MAX
			       ? p->n - at
			       : CS_STORE_OBS_OF_MAX;
		for (size_t i = 0; i < k; i++) {
			ids[i] = p->v[at + i].sid;
			cs_obs_list_init(&c.l[i]);
		}
		if (cs_store_each_observation_of(st, ids, k, collect_obs, &c) !=
		    0)
			ret = CS_EIO;
		for (size_t i = 0; i < k; i++) {
			e->n = 0;
			if (ret == 0) {
				cs_exposure_posture(
				    c.l[i].v, c.l[i].n, p->ports[at + i],
				    p->nports[at + i], as_of, e);
				p->v[at + i].packed = cs_exposure_pack(e);
			}
			cs_obs_list_free(&c.l[i]);
		}
	}
	if (p->n > 1)
		qsort(p->v, p->n, sizeof(*p->v), posture_rec_cmp);
	free(p->ports);
	free(p->nports);
	p->ports = NULL;
	p->nports = NULL;
	free(c.l);
	free(ids);
	free(e);
	return ret;
}

static void
posture_free(struct posture_set *p)
{
	for (size_t i = 0; i < p->n; i++)
		free(p->v[i].packed);
	free(p->v);
	free(p->ports);
	free(p->nports);
	memset(p, 0, sizeof(*p));
}

struct assess_walk {
	const struct cs_eval_ctx *ctx;
	const struct cs_vulndb *vulns;
	const struct posture_set *posture; /* NULL: no exposure regime */
	struct cs_exposure *exp;           /* scratch */
	const struct cs_regime *const *sel;
	size_t nsel;
	const struct reach_set *reach; /* sorted by ip */
	const struct place_set *place; /* sorted by device */
	struct frows *rows;            /* findings raised */
	char (*ips)[46];               /* the devices' addresses */
	size_t n, cap;
	int64_t scan_id, first, baseline_end;
};

static int
assess_dev(void *arg, const struct cs_device_row *row)
{
	struct assess_walk *w = arg;
	struct cs_eval_device ed;
	struct reach_rec key, *rr;

	if (w->n == w->cap) {
		w->cap = w->cap ? w->cap * 2 : 1024;
		w->ips = cs_xrealloc(w->ips, w->cap, sizeof(*w->ips));
	}
	cs_strlcpy(w->ips[w->n++], row->ip, sizeof(w->ips[0]));
	memset(&key, 0, sizeof(key));
	cs_strlcpy(key.ip, row->ip, sizeof(key.ip));
	rr = w->reach->n ? bsearch(&key, w->reach->v, w->reach->n,
				   sizeof(*w->reach->v), reach_cmp)
			 : NULL;
	memset(&ed, 0, sizeof(ed));
	ed.ip = row->ip;
	ed.site = row->site;
	ed.device_id = row->device_id;
	ed.mac = row->mac;
	ed.id = &row->id;
	ed.first_seen = row->first_seen;
	ed.new_since_baseline =
	    w->scan_id != w->first && row->first_seen > w->baseline_end;
	ed.reach_core = rr != NULL;
	ed.reach_vantage = rr != NULL ? rr->vantage : "";
	ed.scan_id = w->scan_id;
	if (w->posture != NULL) {
		struct posture_rec pk = {row->sighting_id, NULL}, *pr;
		pr = w->posture->n ? bsearch(&pk, w->posture->v, w->posture->n,
					     sizeof(pk), posture_rec_cmp)
				   : NULL;
		w->exp->n = 0;
		cs_exposure_vulns(w->vulns, &row->id, w->ctx->as_of, w->exp);
		if (pr != NULL)
			cs_exposure_unpack(pr->packed, w->exp);
		ed.exposure = w->exp;
	}
	if (w->place->n > 0 && row->device_id > 0) {
		struct cs_placement_row pk; /* only device_id read */

		memset(&pk, 0, sizeof(pk));
		pk.device_id = row->device_id;
		ed.place = bsearch(&pk, w->place->v, w->place->n,
				   sizeof(*w->place->v), place_cmp);
	}
	for (size_t r = 0; r < w->nsel; r++)
		if (cs_policy_eval_device(w->ctx, w->sel[r], &ed,
					  collect_finding, w->rows) < 0)
			return -1;
	return 0;
}

/*
 * One device only the switches know (audit/placed.h): identified from
 * its MAC as a scanned device's MAC-only evidence would be, evaluated
 * with its placement, its findings keyed by MAC.
 */
struct placed_walk {
	struct assess_walk *w;
	struct cs_identity *id; /* scratch */
	size_t n;
};

static int
assess_placed(void *arg, const struct cs_placed_device *d)
{
	struct placed_walk *pw = arg;
	struct assess_walk *w = pw->w;
	struct cs_eval_device ed;
	struct reach_rec key, *rr = NULL;
	char dkey[32];

	pw->n++;
	cs_audit_placed_identity(w->ctx->db, d, pw->id);
	cs_audit_placed_key(d, dkey, sizeof(dkey));
	if (d->ip[0] != '\0' && w->reach->n > 0) {
		memset(&key, 0, sizeof(key));
		cs_strlcpy(key.ip, d->ip, sizeof(key.ip));
		rr = bsearch(&key, w->reach->v, w->reach->n,
			     sizeof(*w->reach->v), reach_cmp);
	}
	memset(&ed, 0, sizeof(ed));
	ed.ip = d->ip;
	ed.key = dkey;
	ed.site = d->site;
	ed.device_id = d->device_id;
	ed.mac = d->mac;
	ed.id = pw->id;
	ed.first_seen = d->first_seen;
	ed.new_since_baseline =
	    w->scan_id != w->first && d->first_seen > w->baseline_end;
	ed.reach_core = rr != NULL;
	ed.reach_vantage = rr != NULL ? rr->vantage : "";
	ed.scan_id = w->scan_id;
	ed.place = &d->place;
	if (w->exp != NULL) {
		/* no observations: only what the identity itself shows */
		w->exp->n = 0;
		cs_exposure_vulns(w->vulns, pw->id, w->ctx->as_of, w->exp);
		ed.exposure = w->exp;
	}
	for (size_t r = 0; r < w->nsel; r++)
		if (cs_policy_eval_device(w->ctx, w->sel[r], &ed,
					  collect_finding, w->rows) < 0)
			return -1;
	return 0;
}

/* Appends s to a growing comma- or space-separated list. */
static void
list_add(char **list, size_t *len, const char *sep, const char *s)
{
	size_t n = strlen(s), l = strlen(sep);

	*list = cs_xrealloc(*list, *len + l + n + 1, 1);
	if (*len > 0) {
		memcpy(*list + *len, sep, l);
		*len += l;
	}
	memcpy(*list + *len, s, n + 1);
	*len += n;
}

/*
 * Records what an assessment used: the scan, the time, the regimes and
 * their versions, the estate file (its path, SHA-256 and text, its site
 * and department ids), a digest of the rule and entity data, the program
 * version and the command line.  Returns 0 or the store's error.
 */
static int
record_assessment(const struct cs_audit_assess *in, struct cs_assessment *a)
{
	const struct cs_eval_ctx *ctx = in->ctx;
	const struct cs_estate *e = ctx->estate;
	size_t l = 0, ls = 0, ld = 0, lc = 0;

	cs_assessment_clear(a);
	a->scan_id = in->scan_id;
	a->assessed_at = ctx->now;
	a->findings = (int64_t)in->nrows;
	cs_strlcpy(a->as_of, ctx->as_of, sizeof(a->as_of));
	for (size_t i = 0; i < in->nsel; i++) {
		char one[80];
		snprintf(one, sizeof(one), "%s%s@%s", l ? "," : "",
			 in->sel[i]->id, in->sel[i]->version);
		if (l + strlen(one) < sizeof(a->regimes)) {
			cs_strlcpy(a->regimes + l, one, sizeof(a->regimes) - l);
			l += strlen(one);
		}
	}
	a->sites = cs_xstrdup("");
	a->departments = cs_xstrdup("");
	a->command = cs_xstrdup("");
	if (in->estate_path != NULL) {
		cs_strlcpy(a->estate_file, in->estate_path,
			   sizeof(a->estate_file));
		cs_ev_sha256_hex(in->estate_text, in->estate_len,
				 a->estate_sha256);
		a->estate_text = cs_xstrndup(in->estate_text, in->estate_len);
		for (size_t i = 0; e != NULL && i < e->nsite; i++)
			list_add(&a->sites, &ls, ",", e->site[i].id);
		for (size_t i = 0; e != NULL && i < e->ndept; i++)
			list_add(&a->departments, &ld, ",", e->dept[i].id);
	} else {
		a->estate_text = cs_xstrdup("");
	}
	cs_ev_data_digest(in->data_dir, a->data_version,
			  sizeof(a->data_version));
	cs_strlcpy(a->tool_version, in->tool_version, sizeof(a->tool_version));
	list_add(&a->command, &lc, " ", "camsweep");
	for (int i = 0; i < in->argc; i++)
		list_add(&a->command, &lc, " ", in->argv[i]);
	return cs_store_assessment_put(in->st, a);
}

static void
set_err(struct cs_audit_assess *a, const char *msg)
{
	cs_strlcpy(a->err, msg, sizeof(a->err));
}

/* At most this many findings not raised again are read one by one. */
#define UNRAISED_GET_MAX 2000

/*
 * Closes the active findings of the selected regimes that this run did
 * not raise again, only where the scan looked (see assess.h).  ips are the
 * scan's device addresses, sorted.  Returns 0 or CS_EIO.
 */
static int
reconcile(struct cs_audit_assess *a, const char (*ips)[46], size_t nips,
	  const int64_t *placed, size_t nplaced)
{
	struct cs_scope looked; /* what the assessed scan covered */
	bool have_scope;
	int64_t *cur_ids;
	struct frows old = {0};
	int ret = 0;

	/* A device outside the scan's scope was not seen because it was
	 * not looked for. */
	have_scope = cs_audit_recorded_scope(a->st, a->scan_id, true, &looked);
	/* the findings this run raised, by id, to look up in O(log n) */
	cur_ids = cs_xcalloc(a->nrows + 1, sizeof(*cur_ids));
	for (size_t i = 0; i < a->nrows; i++)
		cur_ids[i] = a->rows[i].id;
	if (a->nrows > 1)
		qsort(cur_ids, a->nrows, sizeof(*cur_ids), i64_cmp);
	for (size_t r = 0; r < a->nsel && ret == 0; r++) {
		struct cs_finding_filter flt = {0};
		struct unraised u = {&old, cur_ids, a->nrows, a->scan_id};
		flt.regime = a->sel[r]->id;
		flt.active_only = true;
		/* read the ids unsorted, keep only the few not raised again,
		 * read those whole (or all whole again when they are many:
		 * one query rather than a lookup each), then close them in
		 * the store's order */
		flt.any_order = true;
		flt.ids_only = true;
		old.n = 0;
		if (cs_store_each_finding(a->st, &flt, collect_unraised, &u) !=
		    0) {
			ret = CS_EIO;
			break;
		}
		if (old.n > UNRAISED_GET_MAX) {
			flt.ids_only = false;
			old.n = 0;
			if (cs_store_each_finding(a->st, &flt, collect_unraised,
						  &u) != 0) {
				ret = CS_EIO;
				break;
			}
		} else {
			for (size_t i = 0; i < old.n && ret == 0; i++)
				if (cs_store_finding_get(a->st, old.v[i].id,
							 &old.v[i]) != 0)
					ret = CS_EIO;
			if (ret != 0)
				break;
		}
		if (old.n > 1)
			qsort(old.v, old.n, sizeof(*old.v), finding_order_cmp);
		for (size_t i = 0; i < old.n; i++) {
			const struct cs_finding_row *f = &old.v[i];
			bool current, present;
			const char *how;
			char ipk[46];
			current = a->nrows > 0 &&
				  bsearch(&f->id, cur_ids, a->nrows,
					  sizeof(*cur_ids), i64_cmp) != NULL;
			if (current || f->last_scan > a->scan_id)
				continue;
			if (cs_audit_key_is_placed(f->key)) {
				/* A device only the switches knew: looked for
				 * only when switches were read for this scan;
				 * still placed, it is there. */
				if (nplaced == 0)
					continue;
				present =
				    f->device_id > 0 &&
				    bsearch(&f->device_id, placed, nplaced,
					    sizeof(*placed), i64_cmp) != NULL;
			} else {
				if (!have_scope ||
				    !cs_audit_scope_has(&looked, f->ip))
					continue;
				cs_strlcpy(ipk, f->ip, sizeof(ipk));
				present = nips > 0 &&
					  bsearch(ipk, ips, nips, sizeof(*ips),
						  str46_cmp) != NULL;
			}
			how = present ? "withdrawn" : "closed";
			if (cs_store_finding_close(a->st, f->id, how,
						   a->scan_id) != 0) {
				ret = CS_EIO;
				break;
			}
			if (a->on_closed != NULL)
				a->on_closed(a->arg, f, how, present);
		}
	}
	if (have_scope)
		cs_scope_free(&looked);
	free(cur_ids);
	free(old.v);
	return ret;
}

int
cs_audit_assess_run(struct cs_audit_assess *a)
{
	struct assess_walk walk;
	struct reach_set reach = {0};
	struct place_set place = {0};
	struct frows rows = {0};
	struct cs_assessment rec;
	struct cs_scan_state ss;
	struct posture_set posture = {0};
	bool need_exposure = false, need_posture = false;
	int64_t first = 0, baseline_end = 0;
	int64_t *placed_ids = NULL;
	size_t nplaced_ids = 0, cap_placed = 0;
	int ret = CS_EIO;

	memset(&rec, 0, sizeof(rec));
	memset(&walk, 0, sizeof(walk));
	a->rows = NULL;
	a->nrows = a->ndevices = a->nplaced = 0;
	a->assessment_id = 0;
	a->err[0] = '\0';
	if (cs_store_scan_get(a->st, a->scan_id, &ss) != 0) {
		snprintf(a->err, sizeof(a->err), "no scan %lld",
			 (long long)a->scan_id);
		return CS_ENOTFOUND;
	}
	if (cs_store_first_scan(a->st, &first) == 0 &&
	    cs_store_scan_get(a->st, first, &ss) == 0)
		baseline_end = ss.ended > 0 ? ss.ended : ss.started;
	if (cs_store_each_reach(a->st, collect_reach, &reach) != 0) {
		set_err(a, cs_store_errmsg(a->st));
		goto out;
	}
	if (reach.n > 1)
		qsort(reach.v, reach.n, sizeof(*reach.v), reach_cmp);
	if (cs_store_each_placement(a->st, collect_place, &place) != 0) {
		set_err(a, cs_store_errmsg(a->st));
		goto out;
	}
	if (place.n > 1)
		qsort(place.v, place.n, sizeof(*place.v), place_cmp);
	walk.place = &place;
	/* Posture signals need every device's observations: read them only
	 * when a chosen obligation names one (kev and eos need the
	 * identity alone). */
	for (size_t r = 0; r < a->nsel; r++) {
		const struct cs_regime *g = a->sel[r];
		if (g->test != CS_TEST_EXPOSURE)
			continue;
		need_exposure = true;
		for (size_t o = 0; o < g->nobl; o++)
			need_posture |= strcmp(g->obl[o].signal, "kev") != 0 &&
					strcmp(g->obl[o].signal, "eos") != 0;
	}
	if (need_exposure) {
		if (need_posture &&
		    read_posture(a->st, a->scan_id, a->ctx->as_of, &posture) !=
			0) {
			set_err(a, cs_store_errmsg(a->st));
			goto out;
		}
		walk.posture = &posture;
		walk.vulns = a->vulns;
		walk.exp = cs_xcalloc(1, sizeof(*walk.exp));
	}
	walk.ctx = a->ctx;
	walk.sel = a->sel;
	walk.nsel = a->nsel;
	walk.reach = &reach;
	walk.rows = &rows;
	walk.scan_id = a->scan_id;
	walk.first = first;
	walk.baseline_end = baseline_end;
	if (cs_store_each_device_parts(a->st, a->scan_id, 0, assess_dev,
				       &walk) != 0) {
		set_err(a, *cs_store_errmsg(a->st) ? cs_store_errmsg(a->st)
						   : "evaluation failed");
		goto out;
	}
	{
		struct placed_walk pw = {&walk, NULL, 0};
		int rc;

		pw.id = cs_xcalloc(1, sizeof(*pw.id));
		rc = cs_store_each_placed_only(a->st, a->scan_id, assess_placed,
					       &pw);
		free(pw.id);
		if (rc != 0) {
			set_err(a, *cs_store_errmsg(a->st)
				       ? cs_store_errmsg(a->st)
				       : "evaluation failed");
			goto out;
		}
		a->nplaced = pw.n;
	}
	/* the devices placed by switches read for this scan */
	for (size_t i = 0; i < place.n; i++)
		if (place.v[i].scan_id == a->scan_id &&
		    place.v[i].device_id > 0) {
			if (nplaced_ids == cap_placed) {
				cap_placed = cap_placed ? cap_placed * 2 : 64;
				placed_ids = cs_xrealloc(placed_ids, cap_placed,
							 sizeof(*placed_ids));
			}
			placed_ids[nplaced_ids++] = place.v[i].device_id;
		}
	if (nplaced_ids > 1)
		qsort(placed_ids, nplaced_ids, sizeof(*placed_ids), i64_cmp);
	a->rows = rows.v;
	a->nrows = rows.n;
	a->ndevices = walk.n + a->nplaced;
	rows.v = NULL;
	if (walk.n > 1)
		qsort(walk.ips, walk.n, sizeof(*walk.ips), str46_cmp);
	if (!a->dry) {
		/* Record; keep each finding's stable id and plan. */
		bool *reopened = cs_xcalloc(a->nrows + 1, sizeof(*reopened));
		if (cs_store_finding_put_many(a->st, a->rows, a->nrows,
					      reopened) != 0) {
			set_err(a, cs_store_errmsg(a->st));
			free(reopened);
			goto out;
		}
		for (size_t i = 0; i < a->nrows; i++)
			if (reopened[i] && a->on_reopened != NULL)
				a->on_reopened(a->arg, &a->rows[i]);
		free(reopened);
		if (record_assessment(a, &rec) != 0) {
			set_err(a, cs_store_errmsg(a->st));
			goto out;
		}
		a->assessment_id = rec.id;
		if (reconcile(a, (const char(*)[46])walk.ips, walk.n,
			      placed_ids, nplaced_ids) != 0)
			goto out;
	}
	ret = 0;
out:
	cs_assessment_clear(&rec);
	posture_free(&posture);
	free(walk.exp);
	free(walk.ips);
	free(placed_ids);
	free(reach.v);
	free(place.v);
	free(rows.v);
	return ret;
}

void
cs_audit_assess_free(struct cs_audit_assess *a)
{
	free(a->rows);
	a->rows = NULL;
	a->nrows = 0;
}
