/* SPDX-License-Identifier: ISC */
/*
 * Estate, assessment, plan, diff and reach subcommands (issue #5; see
 * docs/policy.md and docs/estate.md).
 *
 * Exit status of assess: 0 no finding at or above --fail-on, 4 findings
 * at or above it, 1 usage or configuration error, 2 runtime error.
 */
#include "cli/cli.h"
#include "cli/output.h"

#include <getopt.h>
#include <json-c/json.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/alloc.h"
#include "core/buf.h"
#include "core/escape.h"
#include "core/str.h"
#include "engine/engine.h"
#include "engine/scope.h"
#include "fp/fp.h"
#include "policy/estate.h"
#include "policy/eval.h"
#include "policy/lex.h"
#include "policy/regime.h"
#include "store/store.h"
#include "core/poison.h"

enum { X_OK = 0, X_USAGE = 1, X_RUNTIME = 2, X_FINDINGS = 4 };

#define DEFAULT_DB "camsweep.db"

/* Prints device-supplied text with terminal escaping. */
static void
put_term(FILE *f, const char *s)
{
	struct cs_buf b;

	cs_buf_init(&b, 1 << 16);
	cs_esc_term(&b, s, strlen(s));
	fputs(cs_buf_str(&b), f);
	cs_buf_free(&b);
}

static int
parse_id(const char *s, int64_t *out)
{
	long long v;

	if (cs_str_tonum(s, 1, INT64_MAX, &v) != 0)
		return CS_EINVAL;
	*out = (int64_t)v;
	return 0;
}

/* ---------------------------------------------------------------------- */
/* estate check | import-csv */

static void
estate_usage(FILE *f)
{
	fputs("usage: camsweep estate check FILE\n"
	      "       camsweep estate import-csv SITES.csv NETWORKS.csv\n"
	      "  check: parses an estate description, prints a summary or\n"
	      "  file:line: errors; exit 0 valid, 1 invalid.\n"
	      "  import-csv: converts spreadsheet exports (docs/estate.md)\n"
	      "  to an estate description on stdout.\n",
	      f);
}

int
cs_cli_estate(int argc, char **argv)
{
	char err[8192];

	if (argc >= 3 && strcmp(argv[1], "check") == 0) {
		struct cs_estate *e = cs_estate_load(argv[2], err, sizeof(err));
		size_t sens = 0, zones[4] = {0};
		if (e == NULL) {
			fputs(err, stderr);
			if (err[0] && err[strlen(err) - 1] != '\n')
				fputc('\n', stderr);
			return X_USAGE;
		}
		for (size_t i = 0; i < e->nsite; i++)
			sens += e->site[i].sensitive;
		for (size_t i = 0; i < e->nnet; i++)
			zones[e->net[i].zone]++;
		printf("%s: %zu departments, %zu sites (%zu sensitive), %zu "
		       "networks (%zu core, %zu cctv, %zu other)\n",
		       argv[2], e->ndept, e->nsite, sens, e->nnet,
		       zones[CS_ZONE_CORE], zones[CS_ZONE_CCTV],
		       zones[CS_ZONE_OTHER]);
		for (size_t i = 0; i < e->nsite; i++) {
			const struct cs_estate_site *s = &e->site[i];
			printf("  site %s (%s) dept %s: %s%s%s\n", s->id,
			       s->name, s->dept,
			       s->sensitive ? "sensitive" : "not sensitive",
			       s->sensitive ? ", " : "", s->reason);
		}
		cs_estate_free(e);
		return X_OK;
	}
	if (argc >= 4 && strcmp(argv[1], "import-csv") == 0) {
		size_t ns, nn;
		uint8_t *ps, *pn;
		struct cs_buf out;
		int rc;
		ps = cs_policy_read_file(argv[2], CS_ESTATE_MAX_BYTES, &ns, err,
					 sizeof(err));
		if (ps == NULL) {
			fprintf(stderr, "camsweep estate: %s\n", err);
			return X_USAGE;
		}
		pn = cs_policy_read_file(argv[3], CS_ESTATE_MAX_BYTES, &nn, err,
					 sizeof(err));
		if (pn == NULL) {
			free(ps);
			fprintf(stderr, "camsweep estate: %s\n", err);
			return X_USAGE;
		}
		cs_buf_init(&out, CS_ESTATE_MAX_BYTES);
		rc = cs_estate_import_csv(ps, ns, pn, nn, &out, err,
					  sizeof(err));
		free(ps);
		free(pn);
		if (rc != 0) {
			fprintf(stderr, "camsweep estate import-csv: %s\n",
				err);
			cs_buf_free(&out);
			return X_USAGE;
		}
		fwrite(out.p, 1, out.len, stdout);
		cs_buf_free(&out);
		return X_OK;
	}
	estate_usage(argc >= 2 && strcmp(argv[1], "--help") == 0 ? stdout
								 : stderr);
	return argc >= 2 && strcmp(argv[1], "--help") == 0 ? X_OK : X_USAGE;
}

/* ---------------------------------------------------------------------- */
/* Shared: a finding as JSON or as text. */

static json_object *
finding_json(const struct cs_finding_row *f)
{
	json_object *o = json_object_new_object();

#define S(k, v) json_object_object_add(o, k, json_object_new_string(v))
#define I(k, v) json_object_object_add(o, k, json_object_new_int64(v))
	I("id", f->id);
	S("ip", f->ip);
	S("mac", f->mac);
	S("manufacturer", f->manufacturer);
	S("manufacturer_country", f->manufacturer_country);
	S("brand", f->brand);
	S("model", f->model);
	S("firmware", f->firmware);
	S("device_class", f->device_class);
	json_object_object_add(o, "confidence",
			       json_object_new_double(f->confidence));
	S("site", f->site);
	S("site_name", f->site_name);
	S("department", f->department);
	S("zone", f->zone);
	json_object_object_add(o, "sensitive",
			       json_object_new_boolean(f->sensitive));
	S("sensitivity_reason", f->sensitivity_reason);
	json_object_object_add(o, "reach_core",
			       json_object_new_boolean(f->reach_core));
	S("regime", f->regime);
	S("regime_version", f->regime_version);
	S("obligation", f->obligation);
	S("severity", cs_severity_name(f->severity));
	S("action", f->action);
	S("action_text", f->action_text);
	S("deadline", f->deadline);
	S("citation", f->citation);
	S("url", f->url);
	S("evidence", f->evidence);
	S("as_of", f->as_of);
	S("status", f->status);
	S("status_until", f->status_until);
	S("owner", f->owner);
	S("due", f->due);
	S("note", f->note);
	I("first_seen", f->first_seen);
	I("first_scan", f->first_scan);
	I("last_scan", f->last_scan);
	I("verified_scan", f->verified_scan);
#undef S
#undef I
	return o;
}

static void
finding_print(const struct cs_finding_row *f, bool json)
{
	if (json) {
		json_object *o = finding_json(f);
		cs_out_json_puts(stdout, o);
		json_object_put(o);
		return;
	}
	printf("#%-4lld %-8s %-15s %-10s %-5s ", (long long)f->id,
	       cs_severity_name(f->severity), f->ip, f->site[0] ? f->site : "-",
	       f->zone[0] ? f->zone : "-");
	put_term(stdout, f->manufacturer[0] ? f->manufacturer : "unknown");
	if (f->brand[0] && strcmp(f->brand, f->manufacturer) != 0) {
		fputs("/", stdout);
		put_term(stdout, f->brand);
	}
	printf("  %s/%s %s%s%s [%s%s%s]\n", f->regime, f->obligation, f->action,
	       f->deadline[0] ? " by " : "", f->deadline, f->status,
	       f->owner[0] ? " " : "", f->owner);
	fputs("      why: ", stdout);
	put_term(stdout, f->evidence);
	printf("\n      cite: %s%s%s\n", f->citation, f->url[0] ? " <" : "",
	       f->url);
	if (f->url[0])
		fputs("", stdout);
}

/* True if a finding should fail a run at fail_on as of as_of. */
static bool
counts(const struct cs_finding_row *f, enum cs_severity fail_on,
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

/* ---------------------------------------------------------------------- */
/* assess */

struct dev {
	char ip[46];
	char mac[24];
	struct cs_identity id;
	int64_t first_seen;
	int64_t device_id; /* the same device keeps it when it moves */
	char site[64];
};

struct devs {
	struct dev *v;
	size_t n, cap;
};

static int
collect_dev(void *arg, const struct cs_device_row *row)
{
	struct devs *d = arg;
	struct dev *x;

	if (d->n == d->cap) {
		d->cap = d->cap ? d->cap * 2 : 64;
		d->v = cs_xrealloc(d->v, d->cap, sizeof(*d->v));
	}
	x = &d->v[d->n++];
	cs_strlcpy(x->ip, row->ip, sizeof(x->ip));
	cs_strlcpy(x->mac, row->mac, sizeof(x->mac));
	x->id = row->id;
	x->first_seen = row->first_seen;
	x->device_id = row->device_id;
	cs_strlcpy(x->site, row->site, sizeof(x->site));
	return 0;
}

struct frows {
	struct cs_finding_row *v;
	size_t n, cap;
};

static int collect_finding(void *arg, const struct cs_finding_row *f);
static int i64_cmp(const void *a, const void *b);

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

static void
assess_usage(FILE *f)
{
	fputs("usage: camsweep assess [--db FILE] [--estate FILE] [--regime "
	      "LIST]\n"
	      "         [--regime-file FILE]... [--as-of YYYY-MM-DD] [--scan "
	      "ID]\n"
	      "         [--json] [--fail-on SEVERITY] [--dry-run] [--data "
	      "DIR]\n"
	      "  Evaluates the stored devices of a scan (default: the "
	      "latest)\n"
	      "  against the chosen regimes (default uk-gsg-2022; see\n"
	      "  data/policy/) without rescanning, records the findings and\n"
	      "  closes those of devices the scan no longer sees.  --as-of\n"
	      "  evaluates as of a date and records nothing (as --dry-run).\n"
	      "  Exit status: 0 nothing at or above --fail-on (default "
	      "high),\n"
	      "  4 findings at or above it, 1 usage/configuration error, 2\n"
	      "  runtime error.\n",
	      f);
}

/* Loads the data-dir regimes and the extra files; selects the list. */
static int
load_regimes(const char *data, const char *list, char **files, size_t nfiles,
	     struct cs_regime_set *all, const struct cs_regime ***sel,
	     size_t *nsel)
{
	char dir[4096], err[4096];
	size_t first_extra;

	cs_regime_set_init(all);
	snprintf(dir, sizeof(dir), "%s/policy", cs_cli_data_dir(data));
	if (cs_regime_load_dir(all, dir, err, sizeof(err)) != 0) {
		fprintf(stderr, "camsweep: %s", err);
		return X_USAGE;
	}
	first_extra = all->n;
	for (size_t i = 0; i < nfiles; i++)
		if (cs_regime_load_file(all, files[i], err, sizeof(err)) != 0) {
			fprintf(stderr, "camsweep: %s", err);
			return X_USAGE;
		}
	*sel = cs_xcalloc(all->n + 1, sizeof(**sel));
	*nsel = 0;
	{
		char buf[1024];
		char *save = buf;
		cs_strlcpy(buf, list, sizeof(buf));
		while (save != NULL && *save != '\0') {
			char *comma = strchr(save, ',');
			const struct cs_regime *r;
			if (comma != NULL)
				*comma = '\0';
			r = cs_regime_find(all, save);
			if (r == NULL) {
				fprintf(stderr,
					"camsweep: unknown regime '%s' (known:",
					save);
				for (size_t i = 0; i < all->n; i++)
					fprintf(stderr, " %s", all->r[i].id);
				fputs(")\n", stderr);
				return X_USAGE;
			}
			(*sel)[(*nsel)++] = r;
			save = comma != NULL ? comma + 1 : NULL;
		}
	}
	/* Regimes from --regime-file always apply. */
	for (size_t i = first_extra; i < all->n; i++) {
		bool have = false;
		for (size_t j = 0; j < *nsel; j++)
			have |= (*sel)[j] == &all->r[i];
		if (!have)
			(*sel)[(*nsel)++] = &all->r[i];
	}
	return X_OK;
}

struct sink {
	struct frows *rows;
};

static int
eval_cb(void *arg, const struct cs_finding_row *f)
{
	return collect_finding(arg, f);
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
collect_reach(void *arg, const char *ip, const char *vantage,
	      const char *ports)
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

/*
 * One assessment pass over the scan's devices: each is evaluated as it
 * is read (the reach records were read beforehand in one query), and
 * only its address is kept, for the closing step.
 */
struct assess_walk {
	struct cs_eval_ctx *ctx;
	const struct cs_regime **sel;
	size_t nsel;
	const struct reach_set *reach; /* sorted by ip */
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
	for (size_t r = 0; r < w->nsel; r++)
		if (cs_policy_eval_device(w->ctx, w->sel[r], &ed, eval_cb,
					  w->rows) < 0)
			return -1;
	return 0;
}

/* Appends the comma-separated specs of text as intervals. */
static bool
add_scope_specs(const char *text, struct cs_interval **v, size_t *n)
{
	char buf[4096], *save = NULL, err[256];

	if (strlen(text) >= sizeof(buf))
		return false;
	cs_strlcpy(buf, text, sizeof(buf));
	for (char *p = strtok_r(buf, ",", &save); p;
	     p = strtok_r(NULL, ",", &save))
		if (cs_scope_parse_spec(p, v, n, err, sizeof(err)) != 0)
			return false;
	return true;
}

/*
 * Rebuilds the scope a recorded scan covered.  Returns false (and
 * nothing to free) when it cannot be read back, as for a passive
 * `listen` run, or when the scan is not complete (issue #12); callers then close nothing, since a removal can only be
 * verified by a scan known to have looked where the device was.
 */
static bool
scan_scope(struct cs_store *st, int64_t scan_id, struct cs_scope *out)
{
	struct cs_scan_state ss;
	struct cs_interval *inc = NULL, *exc = NULL;
	size_t ninc = 0, nexc = 0;
	bool ok;

	cs_scope_init(out);
	/* Only a complete scan looked everywhere it was meant to: an
	 * incomplete or interrupted one verifies no removal. */
	ok = cs_store_scan_get(st, scan_id, &ss) == 0 && ss.scope[0] &&
	     strcmp(ss.status, "complete") == 0 &&
	     add_scope_specs(ss.scope, &inc, &ninc) &&
	     add_scope_specs(ss.exclusions, &exc, &nexc) &&
	     cs_scope_build(out, inc, ninc, exc, nexc) == 0;
	free(inc);
	free(exc);
	if (!ok)
		cs_scope_free(out);
	return ok;
}

static bool
scope_has(const struct cs_scope *sc, const char *ip)
{
	struct cs_interval *v = NULL;
	size_t n = 0;
	char err[128];
	bool in;

	if (cs_scope_parse_spec(ip, &v, &n, err, sizeof(err)) != 0 || n != 1)
		return true; /* not an IPv4 address: leave it to the caller */
	in = cs_scope_contains(sc, v[0].lo);
	free(v);
	return in;
}

int
cs_cli_assess(int argc, char **argv)
{
	struct cs_scope looked; /* what the assessed scan covered */
	bool have_scope = false;
	static const struct option opts[] = {
	    {"db", required_argument, NULL, 'd'},
	    {"estate", required_argument, NULL, 'e'},
	    {"regime", required_argument, NULL, 'r'},
	    {"regime-file", required_argument, NULL, 'R'},
	    {"as-of", required_argument, NULL, 'a'},
	    {"scan", required_argument, NULL, 's'},
	    {"json", no_argument, NULL, 'j'},
	    {"fail-on", required_argument, NULL, 'f'},
	    {"dry-run", no_argument, NULL, 'n'},
	    {"data", required_argument, NULL, 'D'},
	    {"help", no_argument, NULL, 'h'},
	    {NULL, 0, NULL, 0}};
	const char *db_path = DEFAULT_DB, *estate_path = NULL,
		   *regimes = "uk-gsg-2022", *data = NULL;
	char *files[16];
	size_t nfiles = 0, nsel = 0;
	bool json = false, dry = false;
	enum cs_severity fail_on = CS_SEV_HIGH;
	int64_t scan_id = 0, first = 0, baseline_end = 0;
	struct cs_eval_ctx ctx;
	struct cs_regime_set all;
	const struct cs_regime **sel = NULL;
	struct cs_store *st = NULL;
	struct cs_fpdb *fpdb = NULL;
	struct cs_estate *estate = NULL;
	struct assess_walk walk = {0};
	struct reach_set reach = {0};
	int64_t *cur_ids = NULL;
	struct frows rows = {0}, old = {0};
	char err[8192], fpdir[4096], entdir[4096];
	int c, ret = X_RUNTIME, fails = 0;

	memset(&ctx, 0, sizeof(ctx));
	cs_regime_set_init(&all);
	optind = 1;
	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (c) {
		case 'd':
			db_path = optarg;
			break;
		case 'e':
			estate_path = optarg;
			break;
		case 'r':
			regimes = optarg;
			break;
		case 'R':
			if (nfiles >= CS_NELEM(files)) {
				fputs("camsweep assess: too many "
				      "--regime-file\n",
				      stderr);
				return X_USAGE;
			}
			files[nfiles++] = optarg;
			break;
		case 'a':
			if (!cs_policy_date_valid(optarg)) {
				fputs("camsweep assess: --as-of wants "
				      "YYYY-MM-DD\n",
				      stderr);
				return X_USAGE;
			}
			cs_strlcpy(ctx.as_of, optarg, sizeof(ctx.as_of));
			dry = true;
			break;
		case 's':
			if (parse_id(optarg, &scan_id) != 0) {
				fputs("camsweep assess: bad --scan\n", stderr);
				return X_USAGE;
			}
			break;
		case 'j':
			json = true;
			break;
		case 'f':
			if (cs_severity_parse(optarg, &fail_on) != 0) {
				fputs("camsweep assess: --fail-on wants info, "
				      "low, medium, high or critical\n",
				      stderr);
				return X_USAGE;
			}
			break;
		case 'n':
			dry = true;
			break;
		case 'D':
			data = optarg;
			break;
		case 'h':
			assess_usage(stdout);
			return X_OK;
		default:
			assess_usage(stderr);
			return X_USAGE;
		}
	}
	if (optind != argc) {
		assess_usage(stderr);
		return X_USAGE;
	}
	if (ctx.as_of[0] == '\0')
		cs_policy_today(ctx.as_of);
	ctx.now = (int64_t)time(NULL);
	if (load_regimes(data, regimes, files, nfiles, &all, &sel, &nsel) !=
	    X_OK) {
		ret = X_USAGE;
		goto out;
	}
	if (estate_path != NULL) {
		estate = cs_estate_load(estate_path, err, sizeof(err));
		if (estate == NULL) {
			fputs(err, stderr);
			ret = X_USAGE;
			goto out;
		}
	}
	snprintf(fpdir, sizeof(fpdir), "%s/fingerprints",
		 cs_cli_data_dir(data));
	snprintf(entdir, sizeof(entdir), "%s/entities", cs_cli_data_dir(data));
	fpdb = cs_fpdb_load(fpdir, entdir, err, sizeof(err));
	if (fpdb == NULL) {
		fprintf(stderr, "camsweep assess: %s\n", err);
		ret = X_USAGE;
		goto out;
	}
	st = cs_store_open(db_path, err, sizeof(err));
	if (st == NULL) {
		fprintf(stderr, "camsweep assess: %s: %s\n",
			CS_STORE_SHOW(db_path), err);
		goto out;
	}
	if (scan_id == 0 && cs_store_latest_scan(st, &scan_id) != 0) {
		fprintf(stderr, "camsweep assess: %s: no scan recorded\n",
			db_path);
		goto out;
	}
	{
		struct cs_scan_state ss;
		if (cs_store_scan_get(st, scan_id, &ss) != 0) {
			fprintf(stderr, "camsweep assess: no scan %lld\n",
				(long long)scan_id);
			ret = X_USAGE;
			goto out;
		}
		if (cs_store_first_scan(st, &first) == 0 &&
		    cs_store_scan_get(st, first, &ss) == 0)
			baseline_end = ss.ended > 0 ? ss.ended : ss.started;
	}
	ctx.db = fpdb;
	ctx.estate = estate;
	if (cs_store_each_reach(st, collect_reach, &reach) != 0) {
		fprintf(stderr, "camsweep assess: %s\n", cs_store_errmsg(st));
		goto out;
	}
	if (reach.n > 1)
		qsort(reach.v, reach.n, sizeof(*reach.v), reach_cmp);
	memset(&walk, 0, sizeof(walk));
	walk.ctx = &ctx;
	walk.sel = sel;
	walk.nsel = nsel;
	walk.reach = &reach;
	walk.rows = &rows;
	walk.scan_id = scan_id;
	walk.first = first;
	walk.baseline_end = baseline_end;
	if (cs_store_each_device(st, scan_id, assess_dev, &walk) != 0) {
		fprintf(stderr, "camsweep assess: %s\n",
			*cs_store_errmsg(st) ? cs_store_errmsg(st)
					     : "evaluation failed");
		goto out;
	}
	if (walk.n > 1)
		qsort(walk.ips, walk.n, sizeof(*walk.ips), str46_cmp);
	if (!dry) {
		/* Record; keep each finding's stable id and plan. */
		bool *reopened = cs_xcalloc(rows.n + 1, sizeof(*reopened));
		if (cs_store_finding_put_many(st, rows.v, rows.n, reopened) !=
		    0) {
			fprintf(stderr, "camsweep assess: %s\n",
				cs_store_errmsg(st));
			free(reopened);
			goto out;
		}
		for (size_t i = 0; i < rows.n; i++)
			if (reopened[i] && !json)
				printf("reopened #%lld: %s is seen again\n",
				       (long long)rows.v[i].id, rows.v[i].ip);
		free(reopened);
		/* Close what this scan no longer shows, but only where it
		 * looked: a device outside the scan's scope was not seen
		 * because it was not looked for. */
		have_scope = scan_scope(st, scan_id, &looked);
		/* the findings this run raised, by id, to look up in O(log n) */
		cur_ids = cs_xcalloc(rows.n + 1, sizeof(*cur_ids));
		for (size_t i = 0; i < rows.n; i++)
			cur_ids[i] = rows.v[i].id;
		if (rows.n > 1)
			qsort(cur_ids, rows.n, sizeof(*cur_ids), i64_cmp);

		for (size_t r = 0; r < nsel; r++) {
			struct cs_finding_filter flt = {0};
			struct unraised u = {&old, cur_ids, rows.n, scan_id};
			flt.regime = sel[r]->id;
			flt.active_only = true;
			/* read unsorted, keep only the few not raised again,
			 * then close them in the store's order */
			flt.any_order = true;
			old.n = 0;
			if (cs_store_each_finding(st, &flt, collect_unraised,
						  &u) != 0)
				goto out;
			if (old.n > 1)
				qsort(old.v, old.n, sizeof(*old.v),
				      finding_order_cmp);
			for (size_t i = 0; i < old.n; i++) {
				bool current, present;
				const char *how;
				char ipk[46];
				current = rows.n > 0 &&
					  bsearch(&old.v[i].id, cur_ids, rows.n,
						  sizeof(*cur_ids),
						  i64_cmp) != NULL;
				if (current || old.v[i].last_scan > scan_id ||
				    !have_scope ||
				    !scope_has(&looked, old.v[i].ip))
					continue;
				cs_strlcpy(ipk, old.v[i].ip, sizeof(ipk));
				present = walk.n > 0 &&
					  bsearch(ipk, walk.ips, walk.n,
						  sizeof(*walk.ips),
						  str46_cmp) != NULL;
				how = present ? "withdrawn" : "closed";
				if (cs_store_finding_close(st, old.v[i].id, how,
							   scan_id) != 0)
					goto out;
				if (!json)
					printf("%s #%lld: %s %s\n", how,
					       (long long)old.v[i].id,
					       old.v[i].ip,
					       present ? "(rule no longer "
							 "applies)"
						       : "no longer seen by "
							 "this scan");
			}
		}
	}
	for (size_t i = 0; i < rows.n; i++) {
		finding_print(&rows.v[i], json);
		fails += counts(&rows.v[i], fail_on, ctx.as_of);
	}
	if (!json)
		fprintf(stderr,
			"camsweep assess: scan %lld, %zu devices, %zu findings "
			"as of %s (%d at or above %s)%s\n",
			(long long)scan_id, walk.n, rows.n, ctx.as_of, fails,
			cs_severity_name(fail_on), dry ? ", not recorded" : "");
	ret = fails > 0 ? X_FINDINGS : X_OK;
out:
	if (have_scope)
		cs_scope_free(&looked);
	cs_store_close(st);
	cs_fpdb_free(fpdb);
	cs_estate_free(estate);
	cs_regime_set_free(&all);
	free(sel);
	free(walk.ips);
	free(reach.v);
	free(cur_ids);
	free(rows.v);
	free(old.v);
	return ret;
}

/* ---------------------------------------------------------------------- */
/* plan */

static void
plan_usage(FILE *f)
{
	fputs("usage: camsweep plan [list] [--db FILE] [--all] [--json]\n"
	      "         [--regime ID] [--site ID] [--min-severity S]\n"
	      "       camsweep plan set ID [--db FILE] [--owner X] [--due "
	      "DATE]\n"
	      "         [--status open|planned|done|risk-accepted] [--until "
	      "DATE]\n"
	      "         [--note TEXT]\n"
	      "  A finding is closed only when a later scan no longer sees "
	      "the\n"
	      "  device where it was (camsweep assess records that).\n",
	      f);
}

struct plist {
	bool json;
	size_t n;
};

static int
plan_print(void *arg, const struct cs_finding_row *f)
{
	struct plist *p = arg;

	p->n++;
	if (p->json) {
		finding_print(f, true);
		return 0;
	}
	printf("#%-4lld %-8s %-13s %-15s %-10s %-16s due %-10s owner %s%s%s\n",
	       (long long)f->id, cs_severity_name(f->severity), f->status,
	       f->ip, f->site[0] ? f->site : "-", f->action,
	       f->due[0] ? f->due : (f->deadline[0] ? f->deadline : "-"),
	       f->owner[0] ? f->owner : "-",
	       f->status_until[0] ? " until " : "", f->status_until);
	if (f->verified_scan > 0)
		printf("      verified closed by scan %lld\n",
		       (long long)f->verified_scan);
	return 0;
}

int
cs_cli_plan(int argc, char **argv)
{
	static const struct option opts[] = {
	    {"db", required_argument, NULL, 'd'},
	    {"all", no_argument, NULL, 'A'},
	    {"json", no_argument, NULL, 'j'},
	    {"regime", required_argument, NULL, 'r'},
	    {"site", required_argument, NULL, 'S'},
	    {"min-severity", required_argument, NULL, 'm'},
	    {"owner", required_argument, NULL, 'o'},
	    {"due", required_argument, NULL, 'u'},
	    {"status", required_argument, NULL, 's'},
	    {"until", required_argument, NULL, 't'},
	    {"note", required_argument, NULL, 'N'},
	    {"help", no_argument, NULL, 'h'},
	    {NULL, 0, NULL, 0}};
	const char *db_path = DEFAULT_DB;
	struct cs_finding_filter flt = {0};
	struct cs_finding_plan p = {0};
	struct plist pl = {false, 0};
	bool all = false, set = false;
	int64_t id = 0;
	struct cs_store *st;
	char err[512];
	int c, rc, sub = 1;

	if (argc >= 2 && strcmp(argv[1], "set") == 0) {
		set = true;
		sub = 2;
	} else if (argc >= 2 && strcmp(argv[1], "list") == 0) {
		sub = 2;
	}
	if (set) {
		if (argc < 3 || parse_id(argv[2], &id) != 0) {
			plan_usage(stderr);
			return X_USAGE;
		}
		sub = 3;
	}
	optind = sub;
	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (c) {
		case 'd':
			db_path = optarg;
			break;
		case 'A':
			all = true;
			break;
		case 'j':
			pl.json = true;
			break;
		case 'r':
			flt.regime = optarg;
			break;
		case 'S':
			flt.site = optarg;
			break;
		case 'm':
			if (cs_severity_parse(optarg, &flt.min_severity) != 0) {
				plan_usage(stderr);
				return X_USAGE;
			}
			break;
		case 'o':
			p.owner = optarg;
			break;
		case 'u':
			p.due = optarg;
			break;
		case 's':
			p.status = optarg;
			break;
		case 't':
			p.until = optarg;
			break;
		case 'N':
			p.note = optarg;
			break;
		case 'h':
			plan_usage(stdout);
			return X_OK;
		default:
			plan_usage(stderr);
			return X_USAGE;
		}
	}
	if (optind != argc) {
		plan_usage(stderr);
		return X_USAGE;
	}
	st = cs_store_open(db_path, err, sizeof(err));
	if (st == NULL) {
		fprintf(stderr, "camsweep plan: %s: %s\n",
			CS_STORE_SHOW(db_path), err);
		return X_RUNTIME;
	}
	if (set) {
		rc = cs_store_finding_plan(st, id, &p, (int64_t)time(NULL));
		if (rc == 0) {
			struct cs_finding_row f;
			if (cs_store_finding_get(st, id, &f) == 0)
				plan_print(&pl, &f);
		} else {
			fprintf(stderr, "camsweep plan: finding %lld: %s\n",
				(long long)id,
				rc == CS_ENOTFOUND ? "no such finding"
				: rc == CS_EINVAL
				    ? (*cs_store_errmsg(st)
					   ? cs_store_errmsg(st)
					   : "bad status or date "
					     "(YYYY-MM-DD; risk-accepted "
					     "needs --until)")
				    : cs_store_errmsg(st));
		}
		cs_store_close(st);
		return rc == 0 ? X_OK : rc == CS_EIO ? X_RUNTIME : X_USAGE;
	}
	flt.active_only = !all;
	rc = cs_store_each_finding(st, &flt, plan_print, &pl);
	if (rc != 0)
		fprintf(stderr, "camsweep plan: %s\n", cs_store_errmsg(st));
	else if (!pl.json)
		fprintf(stderr, "camsweep plan: %zu findings\n", pl.n);
	cs_store_close(st);
	return rc == 0 ? X_OK : X_RUNTIME;
}

/* ---------------------------------------------------------------------- */
/* diff */

/* The device with the same identity (schema v4: device id, kept across
 * address changes within its site); NULL if none. */
static const struct dev *
dev_by_id(const struct devs *d, int64_t device_id)
{
	if (device_id == 0)
		return NULL;
	for (size_t i = 0; i < d->n; i++)
		if (d->v[i].device_id == device_id)
			return &d->v[i];
	return NULL;
}

static void
diff_line(bool json, const char *what, const struct dev *a, const struct dev *b,
	  const char *detail)
{
	const struct dev *x = b != NULL ? b : a;

	if (json) {
		json_object *o = json_object_new_object();
		json_object_object_add(o, "change",
				       json_object_new_string(what));
		json_object_object_add(o, "ip", json_object_new_string(x->ip));
		if (a != NULL && b != NULL && strcmp(a->ip, b->ip) != 0)
			json_object_object_add(o, "from_ip",
					       json_object_new_string(a->ip));
		json_object_object_add(o, "mac",
				       json_object_new_string(x->mac));
		json_object_object_add(o, "site",
				       json_object_new_string(x->site));
		json_object_object_add(
		    o, "manufacturer",
		    json_object_new_string(x->id.manufacturer));
		json_object_object_add(o, "brand",
				       json_object_new_string(x->id.brand));
		json_object_object_add(o, "model",
				       json_object_new_string(x->id.model));
		json_object_object_add(o, "firmware",
				       json_object_new_string(x->id.firmware));
		json_object_object_add(o, "detail",
				       json_object_new_string(detail));
		cs_out_json_puts(stdout, o);
		json_object_put(o);
		return;
	}
	printf("%-8s %-15s ", what, x->ip);
	put_term(stdout, x->id.manufacturer[0] ? x->id.manufacturer : "-");
	fputs(" ", stdout);
	put_term(stdout, x->id.model[0] ? x->id.model : "-");
	if (detail[0]) {
		fputs("  ", stdout);
		put_term(stdout, detail);
	}
	fputs("\n", stdout);
}

int
cs_cli_diff(int argc, char **argv)
{
	static const struct option opts[] = {
	    {"db", required_argument, NULL, 'd'},
	    {"json", no_argument, NULL, 'j'},
	    {"help", no_argument, NULL, 'h'},
	    {NULL, 0, NULL, 0}};
	const char *db_path = DEFAULT_DB;
	struct devs a = {0}, b = {0};
	int64_t sa, sb;
	bool json = false;
	struct cs_store *st;
	char err[512];
	size_t counts_[4] = {0};
	int c, ret = X_RUNTIME;

	optind = 1;
	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		if (c == 'd')
			db_path = optarg;
		else if (c == 'j')
			json = true;
		else {
			fputs(
			    "usage: camsweep diff [--db FILE] [--json] SCAN_A "
			    "SCAN_B\n"
			    "  new, gone, moved (the same device, by MAC or "
			    "serial within its\n  site, at a new address) "
			    "and changed\n"
			    "  (firmware, identity) devices between two "
			    "scans.\n",
			    c == 'h' ? stdout : stderr);
			return c == 'h' ? X_OK : X_USAGE;
		}
	}
	if (argc - optind != 2 || parse_id(argv[optind], &sa) != 0 ||
	    parse_id(argv[optind + 1], &sb) != 0) {
		fputs("usage: camsweep diff [--db FILE] [--json] SCAN_A "
		      "SCAN_B\n",
		      stderr);
		return X_USAGE;
	}
	st = cs_store_open(db_path, err, sizeof(err));
	if (st == NULL) {
		fprintf(stderr, "camsweep diff: %s: %s\n",
			CS_STORE_SHOW(db_path), err);
		return X_RUNTIME;
	}
	{
		struct cs_scan_state ss;
		if (cs_store_scan_get(st, sa, &ss) != 0 ||
		    cs_store_scan_get(st, sb, &ss) != 0) {
			fputs("camsweep diff: no such scan\n", stderr);
			ret = X_USAGE;
			goto out;
		}
	}
	if (cs_store_each_device(st, sa, collect_dev, &a) != 0 ||
	    cs_store_each_device(st, sb, collect_dev, &b) != 0) {
		fprintf(stderr, "camsweep diff: %s\n", cs_store_errmsg(st));
		goto out;
	}
	for (size_t i = 0; i < b.n; i++) {
		const struct dev *y = &b.v[i];
		const struct dev *x = dev_by_id(&a, y->device_id);
		char d[512] = "";
		if (x != NULL && strcmp(x->ip, y->ip) != 0) {
			snprintf(d, sizeof(d), "moved from %s", x->ip);
			diff_line(json, "moved", x, y, d);
			counts_[2]++;
			continue;
		}
		if (x == NULL) {
			diff_line(json, "new", NULL, y, "");
			counts_[0]++;
			continue;
		}
		if (strcmp(x->id.firmware, y->id.firmware) != 0)
			snprintf(d, sizeof(d), "firmware %s -> %s; ",
				 x->id.firmware, y->id.firmware);
		if (strcmp(x->id.manufacturer, y->id.manufacturer) != 0 ||
		    strcmp(x->id.brand, y->id.brand) != 0 ||
		    strcmp(x->id.model, y->id.model) != 0 ||
		    x->id.device_class != y->id.device_class) {
			size_t l = strlen(d);
			snprintf(d + l, sizeof(d) - l,
				 "identity %s/%s/%s -> %s/%s/%s; ",
				 x->id.manufacturer, x->id.brand, x->id.model,
				 y->id.manufacturer, y->id.brand, y->id.model);
		}
		if (x->mac[0] && y->mac[0] && strcmp(x->mac, y->mac) != 0) {
			size_t l = strlen(d);
			snprintf(d + l, sizeof(d) - l, "mac %s -> %s; ", x->mac,
				 y->mac);
		}
		if (d[0]) {
			diff_line(json, "changed", x, y, d);
			counts_[3]++;
		}
	}
	for (size_t i = 0; i < a.n; i++) {
		const struct dev *x = &a.v[i];
		if (dev_by_id(&b, x->device_id) != NULL)
			continue;
		diff_line(json, "gone", x, NULL, "");
		counts_[1]++;
	}
	if (!json)
		fprintf(stderr,
			"camsweep diff: scan %lld -> %lld: %zu new, %zu gone, "
			"%zu moved, %zu changed\n",
			(long long)sa, (long long)sb, counts_[0], counts_[1],
			counts_[2], counts_[3]);
	ret = X_OK;
out:
	free(a.v);
	free(b.v);
	cs_store_close(st);
	return ret;
}

/* ---------------------------------------------------------------------- */
/* reach */

struct reach_run {
	uint32_t *ip;
	uint16_t (*ports)[CS_STORE_MAX_PORTS];
	size_t *nports;
	bool *answered;
	uint16_t (*open)[CS_STORE_MAX_PORTS];
	size_t *nopen;
	size_t n;
};

static void
reach_host(void *arg, const struct cs_host_report *h)
{
	struct reach_run *r = arg;

	for (size_t i = 0; i < r->n; i++)
		if (r->ip[i] == h->ip) {
			r->answered[i] = h->nports > 0;
			r->nopen[i] = 0;
			for (size_t k = 0;
			     k < h->nports && k < CS_STORE_MAX_PORTS; k++)
				r->open[i][r->nopen[i]++] = h->ports[k];
		}
}

static void
reach_ckpt(void *arg, uint64_t wm, uint64_t done)
{
	(void)arg;
	(void)wm;
	(void)done;
}

struct rdev {
	struct reach_run *r;
	const struct cs_scope *targets;
	size_t cap;
};

static int
reach_collect(void *arg, const struct cs_device_row *row)
{
	struct rdev *d = arg;
	struct reach_run *r = d->r;
	struct in_addr_like {
		uint32_t v;
	} a = {0};
	unsigned o[4];
	size_t k = 0;
	const char *p = row->ip;

	/* Surveillance devices, and those not established (they may be). */
	if (cs_identity_surveillance(&row->id) == 0)
		return 0;
	/* Dotted quad to host order (the store gives canonical text). */
	for (int i = 0; i < 4; i++) {
		uint64_t v;
		size_t j = 0;
		while (p[j] >= '0' && p[j] <= '9')
			j++;
		if (j == 0 || cs_span_u64(cs_span_make(p, j), 255, &v) != 0)
			return 0;
		o[i] = (unsigned)v;
		p += j;
		if (i < 3 && *p++ != '.')
			return 0;
	}
	if (*p != '\0')
		return 0;
	a.v = (uint32_t)o[0] << 24 | (uint32_t)o[1] << 16 |
	      (uint32_t)o[2] << 8 | o[3];
	if (!cs_scope_contains(d->targets, a.v))
		return 0;
	if (r->n == d->cap) {
		d->cap = d->cap ? d->cap * 2 : 32;
		r->ip = cs_xrealloc(r->ip, d->cap, sizeof(*r->ip));
		r->ports = cs_xrealloc(r->ports, d->cap, sizeof(*r->ports));
		r->nports = cs_xrealloc(r->nports, d->cap, sizeof(*r->nports));
		r->answered =
		    cs_xrealloc(r->answered, d->cap, sizeof(*r->answered));
		r->open = cs_xrealloc(r->open, d->cap, sizeof(*r->open));
		r->nopen = cs_xrealloc(r->nopen, d->cap, sizeof(*r->nopen));
	}
	r->ip[r->n] = a.v;
	for (k = 0; k < row->nports && k < CS_STORE_MAX_PORTS; k++)
		r->ports[r->n][k] = row->ports[k];
	r->nports[r->n] = k;
	r->answered[r->n] = false;
	r->nopen[r->n] = 0;
	r->n++;
	return 0;
}

static int
u16cmp(const void *a, const void *b)
{
	return (int)*(const uint16_t *)a - (int)*(const uint16_t *)b;
}

int
cs_cli_reach(int argc, char **argv)
{
	static const struct option opts[] = {
	    {"db", required_argument, NULL, 'd'},
	    {"vantage", required_argument, NULL, 'v'},
	    {"scan", required_argument, NULL, 's'},
	    {"exclude", required_argument, NULL, 'x'},
	    {"exclude-file", required_argument, NULL, 'X'},
	    {"data", required_argument, NULL, 'D'},
	    {"help", no_argument, NULL, 'h'},
	    {NULL, 0, NULL, 0}};
	const char *db_path = DEFAULT_DB, *vantage = NULL, *data = NULL;
	struct cs_interval *inc = NULL, *devs_iv = NULL, *exc = NULL;
	size_t ninc = 0, nup = 0, nexc = 0;
	struct cs_scope targets, scope;
	struct reach_run r;
	struct rdev rd;
	struct cs_store *st = NULL;
	int64_t scan_id = 0;
	uint16_t ports[CS_STORE_MAX_PORTS * 4];
	size_t nports = 0;
	char err[512];
	int c, ret = X_RUNTIME;

	memset(&r, 0, sizeof(r));
	cs_scope_init(&targets);
	cs_scope_init(&scope);
	optind = 1;
	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		if (c == 'd')
			db_path = optarg;
		else if (c == 'v')
			vantage = optarg;
		else if (c == 's' && parse_id(optarg, &scan_id) == 0)
			;
		else if (c == 'x' || c == 'X') {
			char spec[4096];

			snprintf(spec, sizeof(spec), "%s%s",
				 c == 'X' ? "@" : "", optarg);
			if (cs_scope_parse_spec(spec, &exc, &nexc, err,
						sizeof(err)) != 0) {
				fprintf(stderr, "camsweep reach: %s\n", err);
				free(exc);
				return X_USAGE;
			}
		} else if (c == 'D')
			data = optarg;
		else {
			fputs(
			    "usage: camsweep reach --vantage NAME [--db FILE] "
			    "[--scan ID] [--exclude SPEC]\n"
			    "       [--exclude-file FILE] [--data DIR] "
			    "TARGET...\n"
			    "  Run from a host on the core network: checks "
			    "which stored\n"
			    "  surveillance devices inside TARGET answer "
			    "from here and\n"
			    "  records it; assess then raises them as "
			    "reachable from core.\n",
			    c == 'h' ? stdout : stderr);
			return c == 'h' ? X_OK : X_USAGE;
		}
	}
	if (vantage == NULL || *vantage == '\0' || optind >= argc) {
		fputs("camsweep reach: --vantage NAME and at least one TARGET "
		      "are needed\n",
		      stderr);
		free(exc);
		return X_USAGE;
	}
	for (int i = optind; i < argc; i++)
		if (cs_scope_parse_spec(argv[i], &inc, &ninc, err,
					sizeof(err)) != 0) {
			fprintf(stderr, "camsweep reach: %s\n", err);
			free(inc);
			free(exc);
			return X_USAGE;
		}
	/* The same exclusions as a scan: compiled-in, the data file's and
	 * the user's; a stored row never widens them. */
	if (cs_cli_data_excl(data, &exc, &nexc) != 0 ||
	    cs_scope_build(&targets, inc, ninc, exc, nexc) != 0) {
		fputs("camsweep reach: empty target scope\n", stderr);
		free(inc);
		free(exc);
		return X_USAGE;
	}
	free(inc);
	st = cs_store_open(db_path, err, sizeof(err));
	if (st == NULL) {
		fprintf(stderr, "camsweep reach: %s: %s\n",
			CS_STORE_SHOW(db_path), err);
		goto out;
	}
	if (scan_id == 0 && cs_store_latest_scan(st, &scan_id) != 0) {
		fputs("camsweep reach: no scan recorded\n", stderr);
		goto out;
	}
	rd.r = &r;
	rd.targets = &targets;
	rd.cap = 0;
	if (cs_store_each_device(st, scan_id, reach_collect, &rd) != 0)
		goto out;
	if (r.n == 0) {
		fputs("camsweep reach: no stored surveillance device in the "
		      "targets\n",
		      stderr);
		ret = X_OK;
		goto out;
	}
	devs_iv = cs_xcalloc(r.n, sizeof(*devs_iv));
	for (size_t i = 0; i < r.n; i++) {
		devs_iv[i].lo = devs_iv[i].hi = r.ip[i];
		for (size_t k = 0; k < r.nports[i]; k++) {
			bool have = false;
			for (size_t j = 0; j < nports && !have; j++)
				have = ports[j] == r.ports[i][k];
			if (!have && nports < CS_NELEM(ports))
				ports[nports++] = r.ports[i][k];
		}
	}
	if (nports == 0) {
		ports[nports++] = 80;
		ports[nports++] = 554;
	}
	qsort(ports, nports, sizeof(ports[0]), u16cmp);
	if (cs_scope_build(&scope, devs_iv, r.n, exc, nexc) != 0)
		goto out;
	cs_scope_set_ports(&scope, ports, nports);
	{
		struct cs_engine_opts eo;
		struct cs_engine_stats es;
		struct cs_engine_cb cb = {.arg = &r,
					  .host_done = reach_host,
					  .checkpoint = reach_ckpt};
		cs_engine_opts_default(&eo);
		eo.scope = &scope;
		eo.ports = ports;
		eo.nports = nports;
		/* reach only connects: no probe, not a byte sent. */
		eo.connect_only = true;
		if (cs_engine_run(&eo, &cb, &es) != 0) {
			fputs("camsweep reach: cannot start the event loop\n",
			      stderr);
			goto out;
		}
	}
	for (size_t i = 0; i < r.n; i++) {
		char ip[16];
		cs_ip_str(r.ip[i], ip, sizeof(ip));
		if (cs_store_reach_put(st, vantage, ip, r.open[i],
				       r.answered[i] ? r.nopen[i] : 0,
				       (int64_t)time(NULL)) != 0) {
			fprintf(stderr, "camsweep reach: %s\n",
				cs_store_errmsg(st));
			goto out;
		}
		nup += r.answered[i];
		printf("%-15s %s from %s\n", ip,
		       r.answered[i] ? "answers" : "does not answer", vantage);
	}
	fprintf(stderr,
		"camsweep reach: %zu of %zu surveillance devices answer from "
		"%s\n",
		nup, r.n, vantage);
	ret = X_OK;
out:
	cs_store_close(st);
	cs_scope_free(&targets);
	cs_scope_free(&scope);
	free(devs_iv);
	free(exc);
	free(r.ip);
	free(r.ports);
	free(r.nports);
	free(r.answered);
	free(r.open);
	free(r.nopen);
	return ret;
}
