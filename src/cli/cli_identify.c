/* SPDX-License-Identifier: ISC */
/* The identify subcommand (not yet implemented). */
#include "cli/cli.h"

#include <stdio.h>

int
cs_cli_identify(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	fputs("camsweep identify: not implemented yet\n", stderr);
	return 2;
}
