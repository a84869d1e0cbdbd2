/* SPDX-License-Identifier: ISC */
/*
 * The report subcommand: an HTML, CSV or JSON report of one scan, built
 * from the inventory without scanning (src/report/, docs/report.md).
 * Exit status (core/exitcode.h): 0 written; 1 usage error, an unknown
 * filter or a report that would mix an assessment with another scan;
 * 2 runtime error (database, output).
 */
#include "cli/cli.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "audit/placed.h"
#include "core/exitcode.h"
#include "core/str.h"
#include "oui/oui.h"
#include "report/report.h"
#include "store/store.h"
#include "core/poison.h"

#define DEFAULT_DB cs_cli_default_db()

enum {
	OPT_FORMAT = 256,
	OPT_AS_OF,
	OPT_DEPARTMENT,
	OPT_SITE,
	OPT_SCAN,
	OPT_DB,
	OPT_NOW,
	OPT_MARKING,
	OPT_ALLOW_STALE,
	OPT_SUMMARY,
};

static void
report_usage(FILE *f)
{
	fputs("usage: camsweep report --format html|csv|json [options]\n"
	      "Writes a report of one scan from the inventory, without "
	      "scanning.\n"
	      "options:\n"
	      "  --format FMT        html (one self-contained page), csv or "
	      "json\n"
	      "  -o, --output FILE   write to FILE (default: standard "
	      "output); for csv,\n"
	      "                      FILE-devices.csv and FILE-findings.csv "
	      "(a trailing\n"
	      "                      .csv is dropped from FILE first)\n"
	      "  --scan ID           report this scan (default: the newest)\n"
	      "  --as-of DATE        the newest scan started by DATE "
	      "(YYYY-MM-DD, end of\n"
	      "                      that day UTC, or YYYY-MM-DDTHH:MM:SSZ)\n"
	      "  --department D      only department D (needs an "
	      "assessment; an id\n"
	      "                      its estate does not have is an error)\n"
	      "  --site S            only site S (likewise)\n"
	      "  --allow-stale       show findings assessed on another scan "
	      "than the one\n"
	      "                      reported, marked stale (otherwise an "
	      "error)\n"
	      "  --summary           html: the two-page board paper only\n"
	      "  --db PATH           inventory database "
	      "(default " CS_DEFAULT_DB_TEXT ")\n"
	      "  --marking TEXT      protective marking (default "
	      "OFFICIAL-SENSITIVE)\n"
	      "  --now TIME          generation time written in the report "
	      "(unix seconds\n"
	      "                      or a date as for --as-of; default: "
	      "$SOURCE_DATE_EPOCH,\n"
	      "                      else the clock)\n"
	      "Without -o, csv writes the devices file then, after a blank "
	      "line, the\nfindings file to standard output.\n",
	      f);
}

/* Renders and writes; returns an exit code. */
static int
render(struct cs_report *r, enum cs_report_format fmt, const char *out)
{
	char base[4096], p1[4200], p2[4200];
	size_t n;

	if (fmt == CS_REPORT_HTML)
		return cs_cli_report_stream(r, CS_REPORT_PART_HTML, out) == 0
			   ? EXIT_OK
			   : EXIT_RUNTIME;
	if (fmt == CS_REPORT_JSON)
		return cs_cli_report_stream(r, CS_REPORT_PART_JSON, out) == 0
			   ? EXIT_OK
			   : EXIT_RUNTIME;
	if (out == NULL)
		return cs_cli_report_stream(r, CS_REPORT_PART_CSV_DEVICES,
					    NULL) == 0 &&
			       fputs("\n", stdout) >= 0 &&
			       cs_cli_report_stream(
				   r, CS_REPORT_PART_CSV_FINDINGS, NULL) == 0
			   ? EXIT_OK
			   : EXIT_RUNTIME;
	n = cs_strlcpy(base, out, sizeof(base));
	if (n >= sizeof(base)) {
		fputs("camsweep report: -o: name too long\n", stderr);
		return EXIT_RUNTIME;
	}
	if (n > 4 && strcmp(base + n - 4, ".csv") == 0)
		base[n - 4] = '\0';
	snprintf(p1, sizeof(p1), "%s-devices.csv", base);
	snprintf(p2, sizeof(p2), "%s-findings.csv", base);
	return cs_cli_report_stream(r, CS_REPORT_PART_CSV_DEVICES, p1) == 0 &&
		       cs_cli_report_stream(r, CS_REPORT_PART_CSV_FINDINGS,
					    p2) == 0
		   ? EXIT_OK
		   : EXIT_RUNTIME;
}

/* The rules a device only the switches know is identified by, loaded
 * on its first call (a report without one loads nothing). */
struct placed_id {
	struct cs_fpdb *db;
	bool tried;
};

static void
placed_identity(void *arg, const struct cs_placed_device *d,
		struct cs_identity *out)
{
	struct placed_id *p = arg;
	char err[512];

	if (!p->tried) {
		p->tried = true;
		p->db = cs_cli_load_fpdb(NULL, err, sizeof(err));
	}
	cs_audit_placed_identity(p->db, d, out);
}

int
cs_cli_report(int argc, char **argv)
{
	static const struct option opts[] = {
	    {"format", required_argument, NULL, OPT_FORMAT},
	    {"output", required_argument, NULL, 'o'},
	    {"as-of", required_argument, NULL, OPT_AS_OF},
	    {"department", required_argument, NULL, OPT_DEPARTMENT},
	    {"site", required_argument, NULL, OPT_SITE},
	    {"scan", required_argument, NULL, OPT_SCAN},
	    {"db", required_argument, NULL, OPT_DB},
	    {"now", required_argument, NULL, OPT_NOW},
	    {"marking", required_argument, NULL, OPT_MARKING},
	    {"allow-stale", no_argument, NULL, OPT_ALLOW_STALE},
	    {"summary", no_argument, NULL, OPT_SUMMARY},
	    {"help", no_argument, NULL, 'h'},
	    {NULL, 0, NULL, 0},
	};
	struct cs_report_opts o = {0};
	struct placed_id pid = {NULL, false};
	struct cs_report_registry reg[CS_OUI_MAX_SOURCES];
	char regdate[CS_OUI_MAX_SOURCES][16];
	struct cs_oui *oui = NULL;
	enum cs_report_format fmt = CS_REPORT_HTML;
	bool have_fmt = false, have_now = false;
	const char *db_path = DEFAULT_DB, *out = NULL, *env;
	struct cs_report *r = NULL;
	struct cs_store *st;
	char err[512];
	long long v;
	int c, rc;

	optind = 1;
	while ((c = getopt_long(argc, argv, "o:h", opts, NULL)) != -1) {
		switch (c) {
		case OPT_FORMAT:
			if (cs_report_format_parse(optarg, &fmt) != 0) {
				fputs("camsweep report: --format: html, csv "
				      "or json\n",
				      stderr);
				return EXIT_USAGE;
			}
			have_fmt = true;
			break;
		case 'o':
			out = optarg;
			break;
		case OPT_AS_OF:
			if (cs_report_parse_date(optarg, &o.as_of) != 0) {
				fputs("camsweep report: --as-of: expected "
				      "YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ\n",
				      stderr);
				return EXIT_USAGE;
			}
			break;
		case OPT_DEPARTMENT:
			o.department = optarg;
			break;
		case OPT_SITE:
			o.site = optarg;
			break;
		case OPT_SCAN:
			if (cs_str_tonum(optarg, 1, INT64_MAX, &v) != 0) {
				fputs("camsweep report: --scan: expected a "
				      "scan id\n",
				      stderr);
				return EXIT_USAGE;
			}
			o.scan_id = v;
			break;
		case OPT_DB:
			db_path = optarg;
			break;
		case OPT_NOW:
			if (cs_report_parse_time(optarg, &o.now) != 0) {
				fputs("camsweep report: --now: expected unix "
				      "seconds or a date\n",
				      stderr);
				return EXIT_USAGE;
			}
			have_now = true;
			break;
		case OPT_MARKING:
			o.marking = optarg;
			break;
		case OPT_ALLOW_STALE:
			o.allow_stale = true;
			break;
		case OPT_SUMMARY:
			o.summary = true;
			break;
		case 'h':
			report_usage(stdout);
			return EXIT_OK;
		default:
			report_usage(stderr);
			return EXIT_USAGE;
		}
	}
	if (o.summary && have_fmt && fmt != CS_REPORT_HTML) {
		fputs("camsweep report: --summary is the html board paper\n",
		      stderr);
		return EXIT_USAGE;
	}
	if (!have_fmt || optind < argc) {
		fputs(have_fmt ? "camsweep report: unexpected argument\n"
			       : "camsweep report: --format is required\n",
		      stderr);
		report_usage(stderr);
		return EXIT_USAGE;
	}
	o.tool_version = cs_cli_version();
	if (!have_now) {
		env = getenv("SOURCE_DATE_EPOCH");
		if (env && *env) {
			if (cs_report_parse_time(env, &o.now) != 0) {
				fputs("camsweep report: SOURCE_DATE_EPOCH: "
				      "expected unix seconds\n",
				      stderr);
				return EXIT_USAGE;
			}
		} else {
			o.now = (int64_t)time(NULL);
		}
	}
	if ((st = cs_cli_open_db(db_path)) == NULL)
		return EXIT_RUNTIME;
	/* A server's inventory: the findings on a second connection, read
	 * while the devices load (a local file reads fast enough alone).
	 * Without one (a connection limit) they are read after. */
	if (cs_store_path_is_uri(db_path))
		o.findings_store = cs_store_open(db_path, err, sizeof(err));
	/* The MAC registry files of this host, stated in the report. */
	o.nregistry = cs_cli_oui_registry(&oui, reg, regdate);
	o.registry = o.nregistry ? reg : NULL;
	o.placed_identity = placed_identity;
	o.placed_arg = &pid;
	rc = cs_report_load(st, &o, &r, err, sizeof(err));
	cs_fpdb_free(pid.db);
	if (rc != 0) {
		fprintf(stderr, "camsweep report: %s\n", err);
		cs_store_close(o.findings_store);
		cs_store_close(st);
		cs_oui_free(oui);
		/* A mismatch or an unknown filter is the caller's to fix. */
		return rc == CS_EINVAL || rc == CS_REPORT_ESTALE ? EXIT_USAGE
								 : EXIT_RUNTIME;
	}
	cs_store_close(o.findings_store);
	rc = render(r, fmt, out);
	cs_report_free(r);
	cs_store_close(st);
	cs_oui_free(oui);
	return rc;
}
