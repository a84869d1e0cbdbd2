/* SPDX-License-Identifier: ISC */
/*
 * camsweep assess: options, data loading and output around
 * cs_audit_assess_run (src/audit/assess.h holds the evaluation and the
 * reconciliation).  Exit status: 0 no finding at or above --fail-on, 4
 * findings at or above it, 1 usage or configuration error, 2 runtime
 * error (core/exitcode.h).
 */
#include "cli/cli.h"
#include "cli/output.h"

#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "audit/assess.h"
#include "core/cs.h"
#include "core/exitcode.h"
#include "core/str.h"
#include "fp/fp.h"
#include "policy/estate.h"
#include "policy/eval.h"
#include "policy/lex.h"
#include "policy/regime.h"
#include "vuln/vuln.h"
#include "store/store.h"
#include "core/poison.h"

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
	const char *db_path = cs_cli_default_db(), *estate_path = NULL,
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
	struct cs_vulndb *vulns = NULL;
	const struct cs_regime **sel = NULL;
	struct cs_store *st = NULL;
	struct cs_fpdb *fpdb = NULL;
	struct cs_estate *estate = NULL;
	char err[8192], dir[4096];
	int c, ret = EXIT_RUNTIME, fails = 0, ipw = CS_OUT_IP_WIDTH;

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
				return EXIT_USAGE;
			}
			files[nfiles++] = optarg;
			break;
		case 'a':
			if (!cs_policy_date_valid(optarg)) {
				fputs("camsweep assess: --as-of wants "
				      "YYYY-MM-DD\n",
				      stderr);
				return EXIT_USAGE;
			}
			cs_strlcpy(ctx.as_of, optarg, sizeof(ctx.as_of));
			dry = true;
			break;
		case 's':
			if (cs_cli_parse_id(optarg, &scan_id) != 0) {
				fputs("camsweep assess: bad --scan\n", stderr);
				return EXIT_USAGE;
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
				return EXIT_USAGE;
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
			return EXIT_OK;
		default:
			assess_usage(stderr);
			return EXIT_USAGE;
		}
	}
	if (optind != argc) {
		assess_usage(stderr);
		return EXIT_USAGE;
	}
	if (estate_path != NULL && no_estate) {
		fputs("camsweep assess: --estate and --no-estate together\n",
		      stderr);
		return EXIT_USAGE;
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
		return EXIT_USAGE;
	}
	if (ctx.as_of[0] == '\0')
		cs_policy_today(ctx.as_of);
	ctx.now = (int64_t)time(NULL);
	snprintf(dir, sizeof(dir), "%s/policy", cs_cli_data_dir(data));
	cs_regime_set_free(&all);
	if (cs_audit_load_regimes(dir, regimes, files, nfiles, &all, &sel,
				  &nsel, err, sizeof(err)) != 0) {
		fprintf(stderr, "camsweep: %s", err);
		ret = EXIT_USAGE;
		goto out;
	}
	if (estate_path != NULL) {
		estate = cs_audit_estate_read(estate_path, &estate_text,
					      &estate_len, err, sizeof(err));
		if (estate == NULL) {
			fputs(err, stderr);
			ret = EXIT_USAGE;
			goto out;
		}
	} else if (!json) {
		fputs("camsweep assess: --no-estate: makers only; sites, "
		      "sensitivity and core\n  networks not judged (every "
		      "device unmapped)\n",
		      stderr);
	}
	fpdb = cs_cli_load_fpdb(data, err, sizeof(err));
	if (fpdb == NULL) {
		fprintf(stderr, "camsweep assess: %s\n", err);
		ret = EXIT_USAGE;
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
	for (size_t i = 0; i < nsel; i++)
		if (sel[i]->test == CS_TEST_EXPOSURE && vulns == NULL) {
			snprintf(dir, sizeof(dir), "%s/vulns",
				 cs_cli_data_dir(data));
			vulns = cs_vulndb_load(dir, err, sizeof(err));
			if (vulns == NULL) {
				fprintf(stderr, "camsweep assess: %s\n", err);
				ret = EXIT_USAGE;
				goto out;
			}
		}
	ctx.db = fpdb;
	ctx.estate = estate;
	run.st = st;
	run.vulns = vulns;
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
	run.on_reopened = cs_out_reopened;
	run.on_closed = cs_out_closed;
	run.arg = &json;
	switch (cs_audit_assess_run(&run)) {
	case 0:
		break;
	case CS_ENOTFOUND:
		fprintf(stderr, "camsweep assess: %s\n", run.err);
		ret = EXIT_USAGE;
		goto out;
	default:
		if (run.err[0])
			fprintf(stderr, "camsweep assess: %s\n", run.err);
		goto out;
	}
	for (size_t i = 0; i < run.nrows; i++)
		ipw = cs_out_ip_width(ipw, cs_out_finding_where(&run.rows[i]));
	for (size_t i = 0; i < run.nrows; i++) {
		cs_out_finding(&run.rows[i], json, ipw);
		fails +=
		    cs_audit_finding_fails(&run.rows[i], fail_on, ctx.as_of);
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
	ret = fails > 0 ? EXIT_FINDINGS : EXIT_OK;
out:
	cs_vulndb_free(vulns);
	cs_audit_assess_free(&run);
	free(estate_text);
	cs_store_close(st);
	cs_fpdb_free(fpdb);
	cs_estate_free(estate);
	cs_regime_set_free(&all);
	free(sel);
	return ret;
}
