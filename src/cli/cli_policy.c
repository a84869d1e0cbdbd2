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

#include "audit/assess.h"
#include "audit/diff.h"
#include "audit/plan.h"
#include "audit/reach.h"
#include "audit/scope.h"
#include "core/addr.h"
#include "core/alloc.h"
#include "core/exitcode.h"
#include "core/buf.h"
#include "core/escape.h"
#include "core/str.h"
#include "engine/engine.h"
#include "engine/scope.h"
#include "fp/fp.h"
#include "policy/estate.h"
#include "evidence/digest.h"
#include "policy/eval.h"
#include "policy/lex.h"
#include "policy/regime.h"
#include "store/store.h"
#include "core/poison.h"

/* Short names for this file; the values are core/exitcode.h's. */
enum {
	X_OK = EXIT_OK,
	X_USAGE = EXIT_USAGE,
	X_RUNTIME = EXIT_RUNTIME,
	X_FINDINGS = EXIT_FINDINGS,
};

#define DEFAULT_DB cs_cli_default_db()

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

	if (cs_cli_wants_help(argc, argv)) {
		estate_usage(stdout);
		return X_OK;
	}
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

/* ---------------------------------------------------------------------- */
/* assess */

static void
assess_usage(FILE *f)
{
	fputs("usage: camsweep assess [--db FILE] --estate FILE|--no-estate "
	      "[--regime LIST]\n"
	      "         [--regime-file FILE]... [--as-of YYYY-MM-DD] [--scan "
	      "ID]\n"
	      "         [--json] [--fail-on SEVERITY] [--dry-run] [--data "
	      "DIR]\n"
	      "  Evaluates the stored devices of a scan (default: the "
	      "latest)\n"
	      "  against the chosen regimes (default uk-gsg-2022; see\n"
	      "  data/policy/) without rescanning, records the findings and\n"
	      "  closes those of devices the scan no longer sees.  Without\n"
	      "  --estate nothing can say which site is sensitive or which\n"
	      "  network is core: that is an error unless --no-estate says\n"
	      "  to judge the makers only.  --as-of\n"
	      "  evaluates as of a date and records nothing (as --dry-run).\n"
	      "  Exit status: 0 nothing at or above --fail-on (default "
	      "high),\n"
	      "  4 findings at or above it, 1 usage/configuration error, 2\n"
	      "  runtime error.\n",
	      f);
}

static void
on_reopened(void *arg, const struct cs_finding_row *f)
{
	if (!*(const bool *)arg)
		printf("reopened #%lld: %s is seen again\n", (long long)f->id,
		       f->ip);
}

static void
on_closed(void *arg, const struct cs_finding_row *f, const char *how,
	  bool present)
{
	if (!*(const bool *)arg)
		printf("%s #%lld: %s %s\n", how, (long long)f->id, f->ip,
		       present ? "(rule no longer applies)"
			       : "no longer seen by this scan");
}

int
cs_cli_assess(int argc, char **argv)
{
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
	    {"no-estate", no_argument, NULL, 'N'},
	    {"help", no_argument, NULL, 'h'},
	    {NULL, 0, NULL, 0}};
	const char *db_path = DEFAULT_DB, *estate_path = NULL,
		   *regimes = "uk-gsg-2022", *data = NULL;
	char *files[16];
	size_t nfiles = 0, nsel = 0;
	bool json = false, dry = false, no_estate = false;
	enum cs_severity fail_on = CS_SEV_HIGH;
	struct cs_audit_assess run;
	uint8_t *estate_text = NULL;
	size_t estate_len = 0;
	int64_t scan_id = 0;
	struct cs_eval_ctx ctx;
	struct cs_regime_set all;
	const struct cs_regime **sel = NULL;
	struct cs_store *st = NULL;
	struct cs_fpdb *fpdb = NULL;
	struct cs_estate *estate = NULL;
	char err[8192], dir[4096], fpdir[4096], entdir[4096];
	int c, ret = X_RUNTIME, fails = 0;

	memset(&ctx, 0, sizeof(ctx));
	memset(&run, 0, sizeof(run));
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
		case 'N':
			no_estate = true;
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
	if (estate_path != NULL && no_estate) {
		fputs("camsweep assess: --estate and --no-estate together\n",
		      stderr);
		return X_USAGE;
	}
	if (estate_path == NULL && !no_estate) {
		/* Without the estate every device would be "unmapped":
		 * nothing says which site is sensitive or which network is
		 * core, so the obligations that turn on them cannot be
		 * judged.  Say so rather than report "medium" everywhere. */
		fputs("camsweep assess: no --estate: without an estate file "
		      "camsweep cannot judge\n"
		      "  which devices are on sensitive sites, which sit on "
		      "or are reachable\n"
		      "  from core networks, or which department and site "
		      "each belongs to:\n"
		      "  every device would be \"unmapped\" and the "
		      "obligations that depend on\n"
		      "  those facts (cease deployment, remove and replace "
		      "by the deadline,\n"
		      "  disconnect from core) would not be raised.  Give "
		      "--estate FILE\n"
		      "  (docs/estate.md), or --no-estate to assess the "
		      "makers only.\n",
		      stderr);
		return X_USAGE;
	}
	if (ctx.as_of[0] == '\0')
		cs_policy_today(ctx.as_of);
	ctx.now = (int64_t)time(NULL);
	snprintf(dir, sizeof(dir), "%s/policy", cs_cli_data_dir(data));
	cs_regime_set_free(&all);
	if (cs_audit_load_regimes(dir, regimes, files, nfiles, &all, &sel,
				  &nsel, err, sizeof(err)) != 0) {
		fprintf(stderr, "camsweep: %s", err);
		ret = X_USAGE;
		goto out;
	}
	if (estate_path != NULL) {
		/* Read once: the same bytes are parsed, hashed and recorded
		 * with the assessment. */
		estate_text =
		    cs_policy_read_file(estate_path, CS_ESTATE_MAX_BYTES,
					&estate_len, err, sizeof(err));
		if (estate_text != NULL)
			estate = cs_estate_parse(estate_path, estate_text,
						 estate_len, err, sizeof(err));
		if (estate == NULL) {
			fputs(err, stderr);
			if (estate_text == NULL)
				fputs("\n", stderr);
			ret = X_USAGE;
			goto out;
		}
	} else if (!json) {
		fputs("camsweep assess: --no-estate: makers only; sites, "
		      "sensitivity and core\n  networks not judged (every "
		      "device unmapped)\n",
		      stderr);
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
	ctx.db = fpdb;
	ctx.estate = estate;
	run.st = st;
	run.scan_id = scan_id;
	run.ctx = &ctx;
	run.sel = sel;
	run.nsel = nsel;
	run.dry = dry;
	run.estate_path = estate_path;
	run.estate_text = estate_text;
	run.estate_len = estate_len;
	run.data_dir = cs_cli_data_dir(data);
	run.tool_version = cs_cli_version();
	run.argc = argc;
	run.argv = argv;
	run.on_reopened = on_reopened;
	run.on_closed = on_closed;
	run.arg = &json;
	switch (cs_audit_assess_run(&run)) {
	case 0:
		break;
	case CS_ENOTFOUND:
		fprintf(stderr, "camsweep assess: %s\n", run.err);
		ret = X_USAGE;
		goto out;
	default:
		if (run.err[0])
			fprintf(stderr, "camsweep assess: %s\n", run.err);
		goto out;
	}
	for (size_t i = 0; i < run.nrows; i++) {
		finding_print(&run.rows[i], json);
		fails += cs_audit_finding_fails(&run.rows[i], fail_on,
						ctx.as_of);
	}
	if (!json)
		fprintf(stderr,
			"camsweep assess: scan %lld, %zu devices, %zu findings "
			"as of %s (%d at or above %s)%s",
			(long long)scan_id, run.ndevices, run.nrows, ctx.as_of,
			fails, cs_severity_name(fail_on),
			dry ? ", not recorded" : "");
	if (!json && !dry)
		fprintf(stderr, "; assessment #%lld",
			(long long)run.assessment_id);
	if (!json)
		fputs("\n", stderr);
	ret = fails > 0 ? X_FINDINGS : X_OK;
out:
	cs_audit_assess_free(&run);
	free(estate_text);
	cs_store_close(st);
	cs_fpdb_free(fpdb);
	cs_estate_free(estate);
	cs_regime_set_free(&all);
	free(sel);
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
		if (cs_cli_wants_help(argc, argv)) {
			plan_usage(stdout);
			return X_OK;
		}
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
		struct cs_finding_row f;
		rc = cs_audit_plan_set(st, id, &p, (int64_t)time(NULL), &f);
		if (rc == 0) {
			if (f.id != 0)
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
	rc = cs_audit_plan_list(st, &flt, all, plan_print, &pl);
	if (rc != 0)
		fprintf(stderr, "camsweep plan: %s\n", cs_store_errmsg(st));
	else if (!pl.json)
		fprintf(stderr, "camsweep plan: %zu findings\n", pl.n);
	cs_store_close(st);
	return rc == 0 ? X_OK : X_RUNTIME;
}

/* ---------------------------------------------------------------------- */
/* diff */

static void
diff_line(void *arg, enum cs_audit_change change,
	  const struct cs_audit_dev *a, const struct cs_audit_dev *b,
	  const char *detail)
{
	const struct cs_audit_dev *x = b != NULL ? b : a;
	const char *what = cs_audit_change_name(change);
	bool json = *(const bool *)arg;

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
	struct cs_audit_diff_result res;
	int64_t sa, sb;
	bool json = false;
	struct cs_store *st;
	char err[512];
	int c, rc;

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
			    "scans, within the\n  addresses both scans "
			    "covered (the rest is counted, not compared).\n",
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
	rc = cs_audit_diff(st, sa, sb, diff_line, &json, &res);
	if (rc != 0) {
		if (rc == CS_ENOTFOUND)
			fputs("camsweep diff: no such scan\n", stderr);
		else
			fprintf(stderr, "camsweep diff: %s\n",
				cs_store_errmsg(st));
		cs_store_close(st);
		return rc == CS_ENOTFOUND ? X_USAGE : X_RUNTIME;
	}
	cs_store_close(st);
	fprintf(stderr,
		"camsweep diff: scan %lld -> %lld: %zu new, %zu gone, "
		"%zu moved, %zu changed\n",
		(long long)sa, (long long)sb, res.count[CS_AUDIT_NEW],
		res.count[CS_AUDIT_GONE], res.count[CS_AUDIT_MOVED],
		res.count[CS_AUDIT_CHANGED]);
	/* Say what was compared. */
	if (res.have_a && res.have_b)
		fprintf(stderr,
			"camsweep diff: compared only the addresses both "
			"scans covered; not compared: %zu device(s) of scan "
			"%lld outside scan %lld's scope, %zu of scan %lld "
			"outside scan %lld's\n",
			res.outside_b, (long long)sa, (long long)sb,
			res.outside_a, (long long)sb, (long long)sa);
	else
		fprintf(stderr,
			"camsweep diff: the scope of scan %lld cannot be "
			"read back (a passive run or no recorded scope): "
			"compared every device, so \"new\" and \"gone\" "
			"may only mean \"not looked for\"\n",
			(long long)(res.have_a ? sb : sa));
	return X_OK;
}

/* ---------------------------------------------------------------------- */
/* reach */

static void
reach_line(void *arg, const char *ip, bool answered)
{
	printf("%-15s %s from %s\n", ip,
	       answered ? "answers" : "does not answer",
	       *(const char *const *)arg);
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
	struct cs_interval *inc = NULL, *exc = NULL;
	size_t ninc = 0, nexc = 0;
	struct cs_scope targets;
	struct cs_audit_reach_result res;
	struct cs_store *st = NULL;
	int64_t scan_id = 0;
	char err[512];
	int c, ret = X_RUNTIME;

	cs_scope_init(&targets);
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
	if (cs_audit_reach(st, scan_id, &targets, exc, nexc, vantage,
			   reach_line, &vantage, &res, err,
			   sizeof(err)) != 0) {
		if (err[0])
			fprintf(stderr, "camsweep reach: %s\n", err);
		goto out;
	}
	if (res.ndev == 0)
		fputs("camsweep reach: no stored surveillance device in the "
		      "targets\n",
		      stderr);
	else
		fprintf(stderr,
			"camsweep reach: %zu of %zu surveillance devices "
			"answer from %s\n",
			res.nup, res.ndev, vantage);
	ret = X_OK;
out:
	cs_store_close(st);
	cs_scope_free(&targets);
	free(exc);
	return ret;
}
