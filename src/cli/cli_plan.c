/* SPDX-License-Identifier: ISC */
/*
 * camsweep plan [list] | plan set ID: the plan of findings, through
 * src/audit/plan.h.
 */
#include "cli/cli.h"
#include "cli/output.h"

#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "audit/plan.h"
#include "core/exitcode.h"
#include "policy/lex.h"
#include "store/store.h"
#include "core/poison.h"

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
	int ipw; /* the address column's width (text) */
};

/* First pass of the text: the address column as wide as the longest. */
static int
plan_width(void *arg, const struct cs_finding_row *f)
{
	struct plist *p = arg;

	p->ipw = cs_out_ip_width(p->ipw, cs_out_finding_where(f));
	return 0;
}

static int
plan_print(void *arg, const struct cs_finding_row *f)
{
	struct plist *p = arg;

	p->n++;
	if (p->json) {
		cs_out_finding(f, true, p->ipw);
		return 0;
	}
	printf("#%-4lld %-8s %-13s %-*s %-10s %-16s due %-10s owner %s%s%s\n",
	       (long long)f->id, cs_severity_name(f->severity), f->status,
	       p->ipw, cs_out_finding_where(f), f->site[0] ? f->site : "-",
	       f->action,
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
	const char *db_path = cs_cli_default_db();
	struct cs_finding_filter flt = {0};
	struct cs_finding_plan p = {0};
	struct plist pl = {false, 0, CS_OUT_IP_WIDTH};
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
			return EXIT_OK;
		}
		if (argc < 3 || cs_cli_parse_id(argv[2], &id) != 0) {
			plan_usage(stderr);
			return EXIT_USAGE;
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
				return EXIT_USAGE;
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
			return EXIT_OK;
		default:
			plan_usage(stderr);
			return EXIT_USAGE;
		}
	}
	if (optind != argc) {
		plan_usage(stderr);
		return EXIT_USAGE;
	}
	st = cs_store_open(db_path, err, sizeof(err));
	if (st == NULL) {
		fprintf(stderr, "camsweep plan: %s: %s\n",
			CS_STORE_SHOW(db_path), err);
		return EXIT_RUNTIME;
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
		return rc == 0        ? EXIT_OK
		       : rc == CS_EIO ? EXIT_RUNTIME
				      : EXIT_USAGE;
	}
	/* Text: a first pass sizes the address column. */
	rc = pl.json ? 0 : cs_audit_plan_list(st, &flt, all, plan_width, &pl);
	if (rc == 0)
		rc = cs_audit_plan_list(st, &flt, all, plan_print, &pl);
	if (rc != 0)
		fprintf(stderr, "camsweep plan: %s\n", cs_store_errmsg(st));
	else if (!pl.json)
		fprintf(stderr, "camsweep plan: %zu findings\n", pl.n);
	cs_store_close(st);
	return rc == 0 ? EXIT_OK : EXIT_RUNTIME;
}
