/* SPDX-License-Identifier: ISC */
/* camsweep entry point: dispatches to a subcommand. */
#include "cli/cli.h"

int
main(int argc, char **argv)
{
	return cs_cli_main(argc, argv);
}
