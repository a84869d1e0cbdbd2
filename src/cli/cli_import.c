/* SPDX-License-Identifier: ISC */
/*
 * camsweep import nmap|shodan|zeek|runzero|censys FILE: another tool's
 * evidence into the inventory as one scan (the use case: audit/import.h).
 */
#include "cli/cli.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "audit/import.h"
#include "cli/cli_disc.h"
#include "core/exitcode.h"
#include "core/poison.h"

static void
usage(FILE *f)
{
	fputs("usage: camsweep import nmap|shodan|zeek|runzero|censys FILE|DIR "
	      "[--db PATH|URI]\n"
	      "                       [--data DIR]\n"
	      "Reads another tool's results into the inventory as one scan "
	      "whose source\n"
	      "is that tool; each host is identified from the evidence the "
	      "file holds\n"
	      "(script output, banners, certificates, MAC addresses) and "
	      "can be shown,\n"
	      "assessed and reported like a scanned one.\n"
	      "sources:\n"
	      "  nmap FILE.xml   nmap's XML output (-oX), '-' for standard "
	      "input\n"
	      "  shodan FILE     Shodan banners, JSON Lines (a Shodan download "
	      "or API\n"
	      "                  results), gzip-compressed or not\n"
	      "  zeek DIR        Zeek logs in DIR, TSV or JSON, gzip or not:"
	      " conn, http,\n"
	      "                  ssl and x509, dhcp, dns, software, "
	      "known_services\n"
	      "  runzero FILE    a runZero asset export: JSON Lines "
	      "(assets.jsonl) or CSV\n"
	      "                  (assets.csv), gzip or not; addresses, MACs, "
	      "TCP ports\n"
	      "  censys FILE     Censys hosts, JSON Lines: one host a line, or "
	      "one search\n"
	      "                  answer page a line (result.hits), gzip or "
	      "not\n",
	      f);
}

/* The use case's diagnostics and summary, to stderr. */
static void
report(void *arg, const char *msg)
{
	(void)arg;
	fprintf(stderr, "camsweep import: %s\n", msg);
}

int
cs_cli_import(int argc, char **argv)
{
	static const struct option opts[] = {
	    {"db", required_argument, NULL, 'D'},
	    {"data", required_argument, NULL, 'd'},
	    {"help", no_argument, NULL, 'h'},
	    {NULL, 0, NULL, 0},
	};
	const char *db_path = NULL, *data = NULL, *src, *file;
	struct cs_audit_import imp = {0};
	struct cs_cli_oui *oui;
	int c, rc;

	optind = 1;
	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (c) {
		case 'D':
			db_path = optarg;
			break;
		case 'd':
			data = optarg;
			break;
		case 'h':
			usage(stdout);
			return EXIT_OK;
		default:
			usage(stderr);
			return EXIT_USAGE;
		}
	}
	if (argc - optind != 2 || (strcmp(argv[optind], "nmap") != 0 &&
				   strcmp(argv[optind], "shodan") != 0 &&
				   strcmp(argv[optind], "zeek") != 0 &&
				   strcmp(argv[optind], "runzero") != 0 &&
				   strcmp(argv[optind], "censys") != 0)) {
		usage(stderr);
		return EXIT_USAGE;
	}
	if (db_path == NULL)
		db_path = cs_cli_default_db();
	oui = cs_cli_oui_new(data);
	imp.db_path = db_path;
	imp.data_dir = cs_cli_data_dir(data);
	imp.mac_lookup = cs_cli_oui_lookup;
	imp.mac_arg = oui;
	imp.prepare_db = cs_cli_prepare_db;
	imp.report = report;
	src = argv[optind];
	file = argv[optind + 1];
	if (strcmp(src, "shodan") == 0)
		rc = cs_audit_import_shodan(&imp, file);
	else if (strcmp(src, "zeek") == 0)
		rc = cs_audit_import_zeek(&imp, file);
	else if (strcmp(src, "runzero") == 0)
		rc = cs_audit_import_runzero(&imp, file);
	else if (strcmp(src, "censys") == 0)
		rc = cs_audit_import_censys(&imp, file);
	else
		rc = cs_audit_import_nmap(&imp, file);
	cs_cli_oui_free(oui);
	return rc;
}
