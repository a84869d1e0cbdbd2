/* SPDX-License-Identifier: ISC */
/* The lookup subcommand (not yet implemented). */
#include "cli/cli.h"

#include <stdio.h>

int
cs_cli_lookup(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	fputs("camsweep lookup: not implemented yet\n", stderr);
	return 2;
}
