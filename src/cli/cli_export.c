/* SPDX-License-Identifier: ISC */
/*
 * camsweep export syslog|cef|cmdb-csv|cmdb-json: results in the forms
 * other systems take (the lines: out_export.c; notify: cli_notify.c).
 */
#include "cli/cli.h"

#include <errno.h>
#include <getopt.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/out_export.h"
#include "core/buf.h"
#include "core/exitcode.h"
#include "core/str.h"
#include "store/store.h"
#include "core/poison.h"

static void
export_usage(FILE *f)
{
	fputs("usage: camsweep export FORMAT [--db PATH|URI] [--scan ID] "
	      "[--all] [-o FILE]\n"
	      "formats:\n"
	      "  syslog     findings as RFC 5424 messages (facility local0, "
	      "severity from\n"
	      "             the finding's), the finding as a JSON payload\n"
	      "  cef        findings as CEF:0 events (signature "
	      "regime:obligation)\n"
	      "  cmdb-csv   one configuration item per device of a scan "
	      "(default the\n"
	      "             latest): maker, model, firmware, class, site "
	      "(location), owner\n"
	      "  cmdb-json  the same, one JSON object per line (null for "
	      "unknown)\n"
	      "options:\n"
	      "  --all      findings in every status (default: open, "
	      "planned, done and\n"
	      "             risk-accepted)\n",
	      f);
}

int
cs_cli_export(int argc, char **argv)
{
	static const struct option opts[] = {
	    {"db", required_argument, NULL, 'D'},
	    {"scan", required_argument, NULL, 's'},
	    {"all", no_argument, NULL, 'a'},
	    {"output", required_argument, NULL, 'o'},
	    {"help", no_argument, NULL, 'h'},
	    {NULL, 0, NULL, 0},
	};
	const char *db_path = NULL, *out_path = NULL, *fmt;
	struct cs_out_exp x = {0};
	struct cs_finding_filter flt = {.active_only = true};
	struct cs_store *st;
	int64_t scan_id = -1;
	long long v;
	char host[256] = "";
	int c, rc;

	optind = 1;
	while ((c = getopt_long(argc, argv, "ho:", opts, NULL)) != -1) {
		switch (c) {
		case 'D':
			db_path = optarg;
			break;
		case 's':
			if (cs_str_tonum(optarg, 1, INT64_MAX, &v) != 0) {
				fputs("camsweep export: --scan: a scan id\n",
				      stderr);
				return EXIT_USAGE;
			}
			scan_id = v;
			break;
		case 'a':
			flt.active_only = false;
			break;
		case 'o':
			out_path = optarg;
			break;
		case 'h':
			export_usage(stdout);
			return EXIT_OK;
		default:
			export_usage(stderr);
			return EXIT_USAGE;
		}
	}
	if (argc - optind != 1) {
		export_usage(stderr);
		return EXIT_USAGE;
	}
	fmt = argv[optind];
	if (strcmp(fmt, "syslog") && strcmp(fmt, "cef") &&
	    strcmp(fmt, "cmdb-csv") && strcmp(fmt, "cmdb-json")) {
		fprintf(stderr, "camsweep export: unknown format '%s'\n", fmt);
		export_usage(stderr);
		return EXIT_USAGE;
	}
	if (db_path == NULL)
		db_path = cs_cli_default_db();
	if ((st = cs_cli_open_db(db_path)) == NULL)
		return EXIT_RUNTIME;
	x.out = stdout;
	if (out_path != NULL && (x.out = fopen(out_path, "we")) == NULL) {
		fprintf(stderr, "camsweep export: %s: %s\n", out_path,
			strerror(errno));
		cs_store_close(st);
		return EXIT_RUNTIME;
	}
	gethostname(host, sizeof(host) - 1);
	x.host = host[0] ? host : "-";
	x.format = fmt;
	cs_buf_init(&x.b, 1 << 22);
	if (strncmp(fmt, "cmdb", 4) == 0) {
		struct cs_out_ci cc = {.x = &x,
				       .csv = strcmp(fmt, "cmdb-csv") == 0};
		if (scan_id < 0 && cs_store_latest_scan(st, &scan_id) != 0) {
			fprintf(stderr, "camsweep export: %s: no scans\n",
				CS_STORE_SHOW(db_path));
			rc = EXIT_RUNTIME;
			goto done;
		}
		cs_store_each_finding(st, NULL, cs_out_ci_owner, &cc);
		if (cc.csv) {
			for (size_t i = 0; i < CS_OUT_CI_NCOLS; i++)
				fprintf(x.out, "%s%s", i ? "," : "",
					cs_out_ci_cols[i]);
			fputc('\n', x.out);
		}
		/* the hosts of the scan, then the devices only its switches
		 * know (docs/switches.md) */
		rc = cs_store_each_device(st, scan_id, cs_out_ci_device, &cc);
		if (rc == 0)
			rc = cs_store_each_placed_only(st, scan_id,
						       cs_out_ci_placed, &cc);
		rc = rc == 0 ? EXIT_OK : EXIT_RUNTIME;
		free(cc.owners);
	} else {
		rc = cs_store_each_finding(st, &flt, cs_out_export_finding,
					   &x) == 0
			 ? EXIT_OK
			 : EXIT_RUNTIME;
	}
done:
	if (x.out != stdout) {
		if (ferror(x.out) || fclose(x.out) != 0)
			x.failed = true;
	} else if (fflush(stdout) != 0) {
		x.failed = true;
	}
	if (x.failed) {
		fprintf(stderr, "camsweep export: write error\n");
		rc = EXIT_RUNTIME;
	}
	cs_buf_free(&x.b);
	cs_store_close(st);
	return rc;
}

/* ---- notify: new and changed findings to a webhook ---- */
