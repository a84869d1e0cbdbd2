/* SPDX-License-Identifier: ISC */
/* The report subcommand (not yet built). */
#include "cli/cli.h"

#include <stdio.h>

int
cs_cli_report(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	fputs("camsweep report: not implemented yet\n", stderr);
	return 2;
}
