/* SPDX-License-Identifier: ISC */
/*
 * camsweep: subcommand dispatch and the version.  Each subcommand lives in
 * its own file (cli_*.c); the use cases they call are in src/audit.
 */
#include "cli/cli.h"
#include "cli/scan_cmd.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli_disc.h"
#include "core/exitcode.h"
#include "core/poison.h"

const char *
cs_cli_version(void)
{
	return CS_VERSION;
}

int
cs_cli_main(int argc, char **argv)
{
	if (argc < 2) {
		cs_cli_usage(stderr);
		return EXIT_USAGE;
	}
	if (strcmp(argv[1], "scan") == 0)
		return cs_cli_scan(argc - 1, argv + 1);
	if (strcmp(argv[1], "show") == 0)
		return cs_cli_show(argc - 1, argv + 1);
	if (strcmp(argv[1], "scans") == 0)
		return cs_cli_scans(argc - 1, argv + 1);
	if (strcmp(argv[1], "import") == 0)
		return cs_cli_import(argc - 1, argv + 1);
	if (strcmp(argv[1], "export") == 0)
		return cs_cli_export(argc - 1, argv + 1);
	if (strcmp(argv[1], "notify") == 0)
		return cs_cli_notify(argc - 1, argv + 1);
	if (strcmp(argv[1], "identify") == 0)
		return cs_cli_identify(argc - 1, argv + 1);
	if (strcmp(argv[1], "lookup") == 0)
		return cs_cli_lookup(argc - 1, argv + 1);
	if (strcmp(argv[1], "estate") == 0)
		return cs_cli_estate(argc - 1, argv + 1);
	if (strcmp(argv[1], "assess") == 0)
		return cs_cli_assess(argc - 1, argv + 1);
	if (strcmp(argv[1], "plan") == 0)
		return cs_cli_plan(argc - 1, argv + 1);
	if (strcmp(argv[1], "diff") == 0)
		return cs_cli_diff(argc - 1, argv + 1);
	if (strcmp(argv[1], "reach") == 0)
		return cs_cli_reach(argc - 1, argv + 1);
	if (strcmp(argv[1], "report") == 0)
		return cs_cli_report(argc - 1, argv + 1);
	if (strcmp(argv[1], "evidence") == 0)
		return cs_cli_evidence(argc - 1, argv + 1);
	if (strcmp(argv[1], "upload") == 0)
		return cs_cli_upload(argc - 1, argv + 1);
	if (strcmp(argv[1], "listen") == 0)
		return cs_cli_listen(argc - 1, argv + 1);
	if (strcmp(argv[1], "oui") == 0)
		return cs_cli_oui(argc - 1, argv + 1);
	if (strcmp(argv[1], "vulns") == 0)
		return cs_cli_vulns(argc - 1, argv + 1);
	if (strcmp(argv[1], "serve") == 0)
		return cs_cli_serve(argc - 1, argv + 1);
	if (strcmp(argv[1], "user") == 0)
		return cs_cli_user(argc - 1, argv + 1);
	if (strcmp(argv[1], "db") == 0)
		return cs_cli_db(argc - 1, argv + 1);
	if (strcmp(argv[1], "check") == 0)
		return cs_cli_check(argc - 1, argv + 1);
	if (strcmp(argv[1], "version") == 0 ||
	    strcmp(argv[1], "--version") == 0 || strcmp(argv[1], "-V") == 0) {
		puts("camsweep " CS_VERSION);
		printf("data directory: %s\n", cs_cli_data_dir(NULL));
		cs_cli_oui_print_sources(stdout, NULL);
		return EXIT_OK;
	}
	/* help TOPIC: that command's own help. */
	if (strcmp(argv[1], "help") == 0 && argc >= 3 &&
	    strcmp(argv[2], "help") != 0) {
		char *v[4] = {argv[0], argv[2], (char *)(uintptr_t) "--help",
			      NULL};
		return cs_cli_main(3, v);
	}
	if (strcmp(argv[1], "help") == 0 || strcmp(argv[1], "--help") == 0 ||
	    strcmp(argv[1], "-h") == 0) {
		cs_cli_usage(stdout);
		return EXIT_OK;
	}
	fprintf(stderr, "camsweep: unknown command '%s'\n", argv[1]);
	cs_cli_usage(stderr);
	return EXIT_USAGE;
}
