/* SPDX-License-Identifier: ISC */
/*
 * `camsweep check [--estate FILE] [--data DIR]`: validates every data file
 * camsweep and camsim read, as `nginx -t` does, with the loaders the
 * commands themselves use, so a file that passes here loads there.  It
 * reads only: no database is opened and nothing is written.
 *
 * Checked, in order: the entity tables and the fingerprint rules (with
 * every rule's inline examples run), models.tsv, the OUI registrant map,
 * the regimes (with every regime's inline examples run), the phone-home
 * endpoints, the scope exclusions, the camsim
 * profiles and mixes, the estates in DIR/estate and each --estate FILE.
 * Prints one "ok" line per check and every error as "file:line: message".
 * The checks are the use case's (audit/check.h); this file prints them.
 * Exit status (core/exitcode.h): 0 all valid, 1 a file is invalid or
 * missing, or a usage error.
 */
#include "cli/cli.h"

#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit/check.h"
#include "core/alloc.h"
#include "core/exitcode.h"
#include "core/poison.h"

/* Prints a loader's message(s), one "file:line: message" a line. */
static void
report_err(const char *what, const char *err)
{
	const char *s = err;

	if (s == NULL || *s == '\0') {
		printf("%s: invalid\n", what);
		return;
	}
	while (*s != '\0') {
		size_t n = strcspn(s, "\n");

		if (n > 0)
			printf("%.*s\n", (int)n, s);
		s += n + (s[n] == '\n');
	}
}

static void
print_result(void *arg, bool ok, const char *what, const char *err,
	     const char *detail)
{
	(void)arg;
	if (ok)
		printf("ok  %s%s%s\n", what, detail ? " " : "",
		       detail ? detail : "");
	else
		report_err(what, err);
}

static void
check_usage(FILE *f)
{
	fputs("usage: camsweep check [--estate FILE]... [--data DIR]\n"
	      "  Validates every data file (fingerprint rules and their "
	      "examples, entity\n"
	      "  tables, regimes and their examples, phone-home endpoints, "
	      "scope\n"
	      "  exclusions, camsim profiles and mixes, estates) and each "
	      "--estate FILE;\n"
	      "  reads only.\n"
	      "  Exit status: 0 all valid, 1 an invalid file or usage "
	      "error.\n",
	      f);
}

int
cs_cli_check(int argc, char **argv)
{
	static const struct option opts[] = {
	    {"estate", required_argument, NULL, 'e'},
	    {"data", required_argument, NULL, 'd'},
	    {"help", no_argument, NULL, 'h'},
	    {NULL, 0, NULL, 0},
	};
	const char *data = NULL;
	char **estates = cs_xcalloc((size_t)argc + 1, sizeof(*estates));
	size_t nest = 0;
	struct cs_audit_check c = {.fn = print_result};
	int ch;

	optind = 1;
	while ((ch = getopt_long(argc, argv, "e:d:h", opts, NULL)) != -1) {
		switch (ch) {
		case 'e':
			estates[nest++] = optarg;
			break;
		case 'd':
			data = optarg;
			break;
		case 'h':
			check_usage(stdout);
			free(estates);
			return EXIT_OK;
		default:
			check_usage(stderr);
			free(estates);
			return EXIT_USAGE;
		}
	}
	if (optind != argc) {
		check_usage(stderr);
		free(estates);
		return EXIT_USAGE;
	}
	data = cs_cli_data_dir(data);
	if (!cs_audit_is_dir(data)) {
		fprintf(stderr, "camsweep: check: %s is not a directory\n",
			data);
		free(estates);
		return EXIT_USAGE;
	}
	cs_audit_check_run(&c, data, estates, nest);
	printf("%u checks: %u ok, %u failed\n", c.ok + c.bad, c.ok, c.bad);
	free(estates);
	return c.bad == 0 ? EXIT_OK : EXIT_USAGE;
}
