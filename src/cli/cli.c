/* SPDX-License-Identifier: ISC */
/* Subcommand dispatch (placeholder until the scan command lands). */
#include "cli/cli.h"

#include <stdio.h>

int
cs_cli_main(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	fputs("camsweep: not yet built\n", stderr);
	return 1;
}
