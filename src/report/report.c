/* SPDX-License-Identifier: ISC */
/* Loading a report's data from the inventory; see report.h. */
#include "report/report.h"

#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/alloc.h"
#include "core/str.h"
#include "core/text.h"
#include "report/report_impl.h"
#include "core/poison.h"

#define DEFAULT_MARKING "OFFICIAL-SENSITIVE"

static void set_err(char *err, size_t errsz, const char *fmt, ...)
    CS_PRINTF(3, 4);

static void
set_err(char *err, size_t errsz, const char *fmt, ...)
{
	va_list ap;

	if (err == NULL || errsz == 0)
		return;
	va_start(ap, fmt);
	vsnprintf(err, errsz, fmt, ap);
	va_end(ap);
}

int
cs_report_format_parse(const char *s, enum cs_report_format *out)
{
	if (s == NULL)
		return CS_EINVAL;
	if (strcmp(s, "html") == 0)
		*out = CS_REPORT_HTML;
	else if (strcmp(s, "csv") == 0)
		*out = CS_REPORT_CSV;
	else if (strcmp(s, "json") == 0)
		*out = CS_REPORT_JSON;
	else
		return CS_EINVAL;
	return 0;
}

int
cs_report_parse_date(const char *s, int64_t *out)
{
	struct cs_date d;

	if (s == NULL || (strlen(s) != 10 && strlen(s) != 20) ||
	    cs_date_parse(cs_span_make(s, strlen(s)),
			  CS_DATE_TIME | CS_DATE_CALENDAR, &d) != 0 ||
	    d.year < 1970)
		return CS_EINVAL;
	if (d.hour < 0) { /* a date alone means its last second */
		d.hour = 23;
		d.minute = 59;
		d.second = 59;
	}
	*out = (int64_t)(cs_date_days(d.year, d.month, d.day) * 86400 +
			 d.hour * 3600 + d.minute * 60 + d.second);
	return 0;
}

int
cs_report_parse_time(const char *s, int64_t *out)
{
	long long v;

	if (s != NULL && cs_str_tonum(s, 1, 253402300799LL, &v) == 0) {
		*out = v;
		return 0;
	}
	return cs_report_parse_date(s, out);
}

const char *
cs_report_time(int64_t t, char *out, size_t outsz)
{
	cs_date_format(t, CS_DATE_TIME, out, outsz);
	return out;
}

bool
cs_report_is_prc(const char *country)
{
	return strcmp(country, "CN") == 0;
}

struct load_ctx {
	struct cs_report *r;
	bool keep; /* copy rows (the reported scan) or only count */
	struct rp_scan *count;
};

/* True when two evidence items say the same thing about the same bytes. */
static bool
same_evidence(const struct cs_evidence *a, const struct cs_evidence *b)
{
	return a->port == b->port && a->weight == b->weight &&
	       strcmp(a->field, b->field) == 0 &&
	       strcmp(a->claim, b->claim) == 0 &&
	       strcmp(a->rule, b->rule) == 0 &&
	       strcmp(a->obs_key, b->obs_key) == 0 &&
	       strcmp(a->value, b->value) == 0;
}

/* The identity's names (each cut to its field). */
static void
ident_names(struct rp_ident *id, const char *maker, const char *country,
	    const char *brand, const char *model, const char *firmware)
{
	cs_strlcpy(id->manufacturer, maker, sizeof(id->manufacturer));
	cs_strlcpy(id->manufacturer_country, country,
		   sizeof(id->manufacturer_country));
	cs_strlcpy(id->brand, brand, sizeof(id->brand));
	cs_strlcpy(id->model, model, sizeof(id->model));
	cs_strlcpy(id->firmware, firmware, sizeof(id->firmware));
}

static int
on_device(void *arg, const struct cs_device_row *row)
{
	struct load_ctx *lc = arg;
	struct cs_report *r = lc->r;
	bool prc = cs_report_is_prc(row->id.manufacturer_country);
	struct rp_dev *d;

	if (r->o.device_site && strcmp(row->site, r->o.device_site) != 0)
		return 0;
	lc->count->hosts++;
	if (row->id.surveillance) {
		lc->count->surveillance++;
		if (prc)
			lc->count->prc++;
	}
	if (!lc->keep)
		return 0;
	if (r->ndev == r->capdev) {
		r->capdev = r->capdev ? r->capdev * 2 : 64;
		r->dev = cs_xrealloc(r->dev, r->capdev, sizeof(*r->dev));
	}
	d = &r->dev[r->ndev++];
	memset(d, 0, sizeof(*d));
	d->device_id = row->device_id;
	d->sighting_id = row->sighting_id;
	cs_strlcpy(d->ip, row->ip, sizeof(d->ip));
	d->nports = CS_MIN(row->nports, CS_NELEM(d->ports));
	memcpy(d->ports, row->ports, d->nports * sizeof(d->ports[0]));
	ident_names(&d->id, row->id.manufacturer, row->id.manufacturer_country,
		    row->id.brand, row->id.model, row->id.firmware);
	d->id.device_class = row->id.device_class;
	d->id.surveillance = row->id.surveillance;
	d->id.surveillance_known = row->id.surveillance_known;
	d->id.presumed = cs_identity_surveillance_presumed(&row->id);
	d->id.confidence = row->id.confidence;
	d->id.nev_dropped = row->id.nev_dropped;
	{
		/* The same evidence twice (two probes fetching the same page
		 * give the same observation, and the rule matches both) is
		 * shown once: identical rows say nothing more. */
		size_t n = CS_MIN(row->id.nev, (size_t)CS_FP_MAX_EVIDENCE);

		if (n)
			d->id.ev = cs_xcalloc(n, sizeof(*d->id.ev));
		for (size_t i = 0; i < n; i++) {
			const struct cs_evidence *e = &row->id.ev[i];
			bool dup = false;

			for (size_t j = 0; j < d->id.nev && !dup; j++)
				dup = same_evidence(&d->id.ev[j], e);
			if (!dup)
				d->id.ev[d->id.nev++] = *e;
		}
	}
	d->first_seen = row->first_seen;
	d->last_seen = row->last_seen;
	cs_strlcpy(d->mac, row->mac, sizeof(d->mac));
	d->natt = CS_MIN(row->natt, (size_t)CS_STORE_MAX_ATTACH);
	if (d->natt) {
		d->att = cs_xcalloc(d->natt, sizeof(*d->att));
		memcpy(d->att, row->att, d->natt * sizeof(*d->att));
	}
	d->prc = prc;
	return 0;
}

/* A device only the switches know: its identity as `camsweep switches`
 * derived it from its MAC and stored it (no evidence but the placement). */

static int
on_placed(void *arg, const struct cs_placed_device *pd)
{
	struct cs_report *r = arg;
	struct rp_dev *d;
	enum cs_class c;

	if (r->o.device_site && strcmp(pd->site, r->o.device_site) != 0)
		return 0;
	r->pdev = cs_xrealloc(r->pdev, r->npdev + 1, sizeof(*r->pdev));
	d = &r->pdev[r->npdev++];
	memset(d, 0, sizeof(*d));
	d->device_id = pd->device_id;
	cs_strlcpy(d->ip, pd->ip, sizeof(d->ip));
	cs_strlcpy(d->mac, pd->mac, sizeof(d->mac));
	if (r->o.placed_identity != NULL) {
		struct cs_identity *id = cs_xcalloc(1, sizeof(*id));
		size_t n;

		r->o.placed_identity(r->o.placed_arg, pd, id);
		ident_names(&d->id, id->manufacturer, id->manufacturer_country,
			    id->brand, id->model, id->firmware);
		d->id.device_class = id->device_class;
		d->id.surveillance = id->surveillance;
		d->id.surveillance_known = id->surveillance_known;
		d->id.presumed = cs_identity_surveillance_presumed(id);
		d->id.confidence = id->confidence;
		n = CS_MIN(id->nev, (size_t)CS_FP_MAX_EVIDENCE);
		if (n) {
			d->id.ev = cs_xcalloc(n, sizeof(*d->id.ev));
			memcpy(d->id.ev, id->ev, n * sizeof(*d->id.ev));
		}
		d->id.nev = n;
		d->id.nev_dropped = id->nev_dropped;
		free(id);
	} else {
		ident_names(&d->id, pd->manufacturer, pd->manufacturer_country,
			    pd->brand, pd->model, pd->firmware);
		d->id.device_class = cs_class_parse(pd->device_class, &c) == 0
					 ? c
					 : CS_CLASS_UNKNOWN;
		d->id.surveillance = pd->surveillance > 0;
		d->id.surveillance_known = pd->surveillance >= 0;
		d->id.confidence = pd->confidence;
	}
	d->first_seen = pd->first_seen;
	d->last_seen = pd->last_seen;
	d->prc = cs_report_is_prc(d->id.manufacturer_country);
	d->place = cs_xcalloc(1, sizeof(*d->place));
	*d->place = pd->place;
	return 0;
}

/* Adds one to the roll-up line named name (created on first use). */
static void
tally(struct rp_count **v, size_t *n, const char *name, const char *country,
      bool prc)
{
	for (size_t i = 0; i < *n; i++)
		if (strcmp((*v)[i].name, name) == 0) {
			(*v)[i].n++;
			return;
		}
	*v = cs_xrealloc(*v, *n + 1, sizeof(**v));
	memset(&(*v)[*n], 0, sizeof(**v));
	cs_strlcpy((*v)[*n].name, name, sizeof((*v)[*n].name));
	cs_strlcpy((*v)[*n].country, country, sizeof((*v)[*n].country));
	(*v)[*n].n = 1;
	(*v)[*n].prc = prc;
	(*n)++;
}

/* Largest count first, then by name (bytewise), for stable output. */
static int
cmp_count(const void *a, const void *b)
{
	const struct rp_count *x = a, *y = b;

	if (x->n != y->n)
		return x->n > y->n ? -1 : 1;
	return strcmp(x->name, y->name);
}

static void
rollups(struct cs_report *r)
{
	for (size_t c = 0; c < CS_NELEM(r->classes); c++)
		cs_strlcpy(r->classes[c].name, cs_class_name((enum cs_class)c),
			   sizeof(r->classes[c].name));
	for (size_t i = 0; i < r->ndev; i++) {
		const struct rp_dev *d = &r->dev[i];
		size_t c = (size_t)d->id.device_class;

		if (c < CS_NELEM(r->classes))
			r->classes[c].n++;
		r->natt += d->natt;
		if (rp_surveillance(&d->id) < 0) {
			r->nunk++;
			if (d->prc)
				r->nprc_unk++;
		}
		if (!d->id.surveillance)
			continue;
		r->nsurv++;
		if (d->prc)
			r->nprc++;
		tally(&r->makers, &r->nmakers,
		      d->id.manufacturer[0] ? d->id.manufacturer : "(unknown)",
		      d->id.manufacturer_country, d->prc);
		tally(&r->countries, &r->ncountries,
		      d->id.manufacturer_country[0] ? d->id.manufacturer_country
						    : "??",
		      d->id.manufacturer_country, d->prc);
	}
	if (r->nmakers)
		qsort(r->makers, r->nmakers, sizeof(*r->makers), cmp_count);
	if (r->ncountries)
		qsort(r->countries, r->ncountries, sizeof(*r->countries),
		      cmp_count);
}

/* Reads the history: up to RP_MAX_HISTORY scans up to the reported one. */
static int
load_history(struct cs_store *s, struct cs_report *r)
{
	struct rp_scan *v = cs_xcalloc(RP_MAX_HISTORY, sizeof(*v));
	size_t n = 0;
	int rc = 0;

	/* scan ids are not consecutive: walk them with cs_store_prev_scan */
	for (int64_t id = r->scan.id; n < RP_MAX_HISTORY;) {
		struct load_ctx lc = {.r = r, .keep = false};

		if (id == r->scan.id) {
			v[n++] = r->scan;
		} else {
			v[n].id = id;
			if ((rc = cs_store_scan_get(s, id, &v[n].st)) != 0)
				break;
			lc.count = &v[n];
			/* counts only: no ports, evidence or attachments */
			if ((rc = cs_store_each_device_parts(
				 s, id, 0, on_device, &lc)) != 0)
				break;
			n++;
		}
		rc = cs_store_prev_scan(s, id, &id);
		if (rc == CS_ENOTFOUND) {
			rc = 0;
			break;
		}
		if (rc != 0)
			break;
	}
	/* Oldest first. */
	for (size_t i = 0; i < n / 2; i++) {
		struct rp_scan t = v[i];

		v[i] = v[n - 1 - i];
		v[n - 1 - i] = t;
	}
	r->hist = v;
	r->nhist = n;
	return rc;
}

struct fnd_ctx {
	struct cs_report *r;
	const char *department;
};

static int
on_finding(void *arg, const struct cs_finding_row *f)
{
	struct fnd_ctx *fc = arg;
	struct cs_report *r = fc->r;

	r->assessed = true;
	if (f->last_scan > r->asmt_scan ||
	    (f->last_scan == r->asmt_scan && f->assessed_at > r->asmt_time)) {
		r->asmt_scan = f->last_scan;
		r->asmt_time = f->assessed_at;
	}
	if (fc->department && strcmp(f->department, fc->department) == 0)
		r->dept_seen = true;
	if (r->o.site && *r->o.site && strcmp(f->site, r->o.site) == 0)
		r->site_seen = true;
	if (fc->department && strcmp(f->department, fc->department) != 0)
		return 0;
	if (r->o.site && *r->o.site && strcmp(f->site, r->o.site) != 0)
		return 0;
	if (r->nfnd == r->capfnd) {
		r->capfnd = r->capfnd ? r->capfnd * 2 : 64;
		r->fnd = cs_xrealloc(r->fnd, r->capfnd, sizeof(*r->fnd));
	}
	r->fnd[r->nfnd++] = *f;
	return 0;
}

static int
ip_cmp(const void *a, const void *b)
{
	return strcmp((const char *)a, (const char *)b);
}

/* Keeps only the devices that a (filtered) finding names (their
 * addresses sorted once, then looked up: an estate has a million). */
static void
filter_devices(struct cs_report *r)
{
	char(*ips)[sizeof(r->fnd[0].ip)] =
	    cs_xcalloc(r->nfnd + 1, sizeof(*ips));
	size_t k = 0;

	for (size_t j = 0; j < r->nfnd; j++)
		cs_strlcpy(ips[j], r->fnd[j].ip, sizeof(ips[j]));
	if (r->nfnd > 1)
		qsort(ips, r->nfnd, sizeof(*ips), ip_cmp);
	for (size_t i = 0; i < r->ndev; i++) {
		char key[sizeof(ips[0])];
		bool keep;

		cs_strlcpy(key, r->dev[i].ip, sizeof(key));
		keep = r->nfnd > 0 &&
		       bsearch(key, ips, r->nfnd, sizeof(*ips), ip_cmp) != NULL;
		if (keep) {
			r->dev[k++] = r->dev[i];
		} else {
			free(r->dev[i].att);
			free(r->dev[i].id.ev);
		}
	}
	r->ndev = k;
	free(ips);
}

/*
 * True when id is one of the comma-separated ids of list (the recorded
 * assessment's estate), or, without a record, when a finding names it.
 */
static bool
known_id(const struct cs_report *r, const char *list, bool seen, const char *id)
{
	size_t n = strlen(id);

	(void)r;
	if (list == NULL)
		return seen;
	for (const char *p = list; *p;) {
		const char *e = strchr(p, ',');
		size_t l = e ? (size_t)(e - p) : strlen(p);

		if (l == n && memcmp(p, id, n) == 0)
			return true;
		if (e == NULL)
			break;
		p = e + 1;
	}
	return false;
}

/* Picks the newest scan started at or before as_of. */
static int
pick_scan(struct cs_store *s, int64_t as_of, int64_t *scan_id)
{
	int64_t id;
	int rc = cs_store_latest_scan(s, &id);

	if (rc != 0 || as_of <= 0) {
		*scan_id = id;
		return rc;
	}
	/* scan ids are not consecutive: walk them with cs_store_prev_scan */
	for (;;) {
		struct cs_scan_state st;

		if ((rc = cs_store_scan_get(s, id, &st)) != 0)
			return rc;
		if (st.started <= as_of) {
			*scan_id = id;
			return 0;
		}
		if ((rc = cs_store_prev_scan(s, id, &id)) != 0)
			return rc;
	}
}

/*
 * The findings read, on a thread of its own when the caller gave a second
 * connection.  It fills a report of its own (fnd and the flags on_finding
 * sets), merged into the loaded one after the join, so the two threads
 * never write the same memory.
 */
struct fnd_job {
	struct cs_store *s;
	struct cs_report part; /* o, and what on_finding fills */
	const char *department;
	int rc;
	char err[256];
};

static void *
fnd_run(void *arg)
{
	struct fnd_job *j = arg;
	struct fnd_ctx fc = {&j->part, j->department};

	j->rc = cs_store_each_finding(j->s, NULL, on_finding, &fc);
	if (j->rc != 0)
		cs_strlcpy(j->err, cs_store_errmsg(j->s), sizeof(j->err));
	return NULL;
}

/* Moves what the findings read found into r. */
static void
fnd_merge(struct cs_report *r, struct fnd_job *j)
{
	r->fnd = j->part.fnd;
	r->nfnd = j->part.nfnd;
	r->capfnd = j->part.capfnd;
	r->assessed = j->part.assessed;
	r->asmt_scan = j->part.asmt_scan;
	r->asmt_time = j->part.asmt_time;
	r->dept_seen = j->part.dept_seen;
	r->site_seen = j->part.site_seen;
	j->part.fnd = NULL;
}

int
cs_report_load(struct cs_store *s, const struct cs_report_opts *o,
	       struct cs_report **out, char *err, size_t errsz)
{
	struct cs_report *r;
	struct load_ctx lc;
	int rc;

	*out = NULL;
	if (s == NULL || o == NULL)
		return CS_EINVAL;
	r = cs_xcalloc(1, sizeof(*r));
	r->store = s;
	r->o = *o;
	if (r->o.max_obs_bytes == 0)
		r->o.max_obs_bytes = 1024;
	cs_strlcpy(r->marking,
		   o->marking && *o->marking ? o->marking : DEFAULT_MARKING,
		   sizeof(r->marking));
	r->scan.id = o->scan_id;
	if (r->scan.id <= 0 &&
	    (rc = pick_scan(s, o->as_of, &r->scan.id)) != 0) {
		set_err(err, errsz, "%s",
			rc == CS_ENOTFOUND
			    ? "no scan recorded (as of that date)"
			    : cs_store_errmsg(s));
		goto fail;
	}
	if ((rc = cs_store_scan_get(s, r->scan.id, &r->scan.st)) != 0) {
		set_err(err, errsz, "scan %lld: %s", (long long)r->scan.id,
			rc == CS_ENOTFOUND ? "no such scan"
					   : cs_store_errmsg(s));
		goto fail;
	}
	lc.r = r;
	lc.keep = true;
	lc.count = &r->scan;
	{
		struct fnd_job *j = cs_xcalloc(1, sizeof(*j));
		pthread_t t;
		bool thread;

		j->s = o->findings_store ? o->findings_store : s;
		j->part.o = r->o;
		j->department =
		    o->department && *o->department ? o->department : NULL;
		thread = o->findings_store != NULL &&
			 pthread_create(&t, NULL, fnd_run, j) == 0;
		if ((rc = cs_store_each_device(s, r->scan.id, on_device,
					       &lc)) != 0 ||
		    /* (the console's limited users on PostgreSQL read the
		     * placements of their sites since schema v10) */
		    (rc = cs_store_each_placed_only(s, r->scan.id, on_placed,
						    r)) != 0 ||
		    (rc = load_history(s, r)) != 0)
			set_err(err, errsz, "%s", cs_store_errmsg(s));
		if (thread)
			pthread_join(t, NULL);
		else if (rc == 0)
			fnd_run(j);
		if (rc == 0 && (rc = j->rc) != 0)
			set_err(err, errsz, "%s", j->err);
		fnd_merge(r, j);
		free(j);
		if (rc != 0)
			goto fail;
	}
	rc = o->no_record ? CS_ENOTFOUND
			  : cs_store_assessment_latest(s, &r->asmt);
	if (rc == 0) {
		/* An assessment that raised nothing is still one. */
		r->assessed = r->have_rec = true;
		r->asmt_scan = r->asmt.scan_id;
		r->asmt_time = r->asmt.assessed_at;
	} else if (rc != CS_ENOTFOUND) {
		set_err(err, errsz, "%s", cs_store_errmsg(s));
		goto fail;
	}
	rc = 0;
	if (r->assessed) {
		if (r->asmt_scan != r->scan.id) {
			char t[32];

			if (!o->allow_stale) {
				set_err(err, errsz,
					"the findings were assessed on scan "
					"%lld (%s), not on scan %lld that "
					"this report shows: showing them side "
					"by side would mix two states of the "
					"estate.  Assess scan %lld first "
					"(camsweep assess --scan %lld), "
					"report scan %lld (--scan %lld), or "
					"pass --allow-stale to mark every page "
					"stale",
					(long long)r->asmt_scan,
					r->asmt_time > 0
					    ? cs_report_time(r->asmt_time, t,
							     sizeof(t))
					    : "time not recorded",
					(long long)r->scan.id,
					(long long)r->scan.id,
					(long long)r->scan.id,
					(long long)r->asmt_scan,
					(long long)r->asmt_scan);
				rc = CS_REPORT_ESTALE;
				goto fail;
			}
			r->stale = true;
		}
	}
	if ((o->department && *o->department) || (o->site && *o->site)) {
		/* Sites and departments come from an assessment (issue #5). */
		if (!r->assessed) {
			set_err(err, errsz,
				"--department and --site need an assessment "
				"(camsweep estate, camsweep assess); none is "
				"recorded");
			rc = CS_EINVAL;
			goto fail;
		}
		if (o->site && *o->site &&
		    !known_id(r, r->have_rec ? r->asmt.sites : NULL,
			      r->site_seen, o->site)) {
			set_err(err, errsz,
				"unknown site '%s': not in the estate of "
				"the assessment (sites: %s)",
				o->site,
				r->have_rec && r->asmt.sites && *r->asmt.sites
				    ? r->asmt.sites
				    : "none recorded");
			rc = CS_EINVAL;
			goto fail;
		}
		if (o->department && *o->department &&
		    !known_id(r, r->have_rec ? r->asmt.departments : NULL,
			      r->dept_seen, o->department)) {
			set_err(err, errsz,
				"unknown department '%s': not in the estate "
				"of the assessment (departments: %s)",
				o->department,
				r->have_rec && r->asmt.departments &&
					*r->asmt.departments
				    ? r->asmt.departments
				    : "none recorded");
			rc = CS_EINVAL;
			goto fail;
		}
		if (!o->device_site)
			filter_devices(r);
	}
	rollups(r);
	*out = r;
	return 0;
fail:
	cs_report_free(r);
	return rc;
}

void
cs_report_free(struct cs_report *r)
{
	if (r == NULL)
		return;
	for (size_t i = 0; i < r->ndev; i++) {
		free(r->dev[i].att);
		free(r->dev[i].id.ev);
	}
	free(r->dev);
	for (size_t i = 0; i < r->npdev; i++) {
		free(r->pdev[i].place);
		free(r->pdev[i].id.ev);
	}
	free(r->pdev);
	free(r->hist);
	free(r->makers);
	free(r->countries);
	free(r->fnd);
	cs_assessment_clear(&r->asmt);
	free(r);
}

size_t
cs_report_device_count(const struct cs_report *r)
{
	return r ? r->ndev : 0;
}
