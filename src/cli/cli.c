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
cs_cli_dispatch(const char *prog, const struct cs_cli_cmd *tab, int argc,
		char **argv, void (*usage)(FILE *))
{
	if (argc < 2) {
		usage(stderr);
		return EXIT_USAGE;
	}
	for (const struct cs_cli_cmd *c = tab; c->name != NULL; c++)
		if (strcmp(argv[1], c->name) == 0)
			return c->run(argc - 1, argv + 1);
	if (strcmp(argv[1], "help") == 0 || strcmp(argv[1], "--help") == 0 ||
	    strcmp(argv[1], "-h") == 0) {
		usage(stdout);
		return EXIT_OK;
	}
	fprintf(stderr, "camsweep%s%s: unknown command '%s'\n", prog ? " " : "",
		prog ? prog : "", argv[1]);
	usage(stderr);
	return EXIT_USAGE;
}

static int
version(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	puts("camsweep " CS_VERSION);
	printf("data directory: %s\n", cs_cli_data_dir(NULL));
	cs_cli_oui_print_sources(stdout, NULL);
	return EXIT_OK;
}

static const struct cs_cli_cmd commands[] = {
    {"scan", cs_cli_scan},
    {"show", cs_cli_show},
    {"scans", cs_cli_scans},
    {"import", cs_cli_import},
    {"export", cs_cli_export},
    {"notify", cs_cli_notify},
    {"identify", cs_cli_identify},
    {"lookup", cs_cli_lookup},
    {"estate", cs_cli_estate},
    {"assess", cs_cli_assess},
    {"plan", cs_cli_plan},
    {"diff", cs_cli_diff},
    {"reach", cs_cli_reach},
    {"switches", cs_cli_switches},
    {"report", cs_cli_report},
    {"evidence", cs_cli_evidence},
    {"upload", cs_cli_upload},
    {"listen", cs_cli_listen},
    {"oui", cs_cli_oui},
    {"vulns", cs_cli_vulns},
    {"serve", cs_cli_serve},
    {"user", cs_cli_user},
    {"db", cs_cli_db},
    {"check", cs_cli_check},
    {"version", version},
    {"--version", version},
    {"-V", version},
    {NULL, NULL},
};

int
cs_cli_main(int argc, char **argv)
{
	/* help TOPIC: that command's own help. */
	if (argc >= 3 && strcmp(argv[1], "help") == 0 &&
	    strcmp(argv[2], "help") != 0) {
		char *v[4] = {argv[0], argv[2], (char *)(uintptr_t) "--help",
			      NULL};
		return cs_cli_main(3, v);
	}
	return cs_cli_dispatch(NULL, commands, argc, argv, cs_cli_usage);
}
