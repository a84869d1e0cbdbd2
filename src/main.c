/* SPDX-License-Identifier: ISC */
/* camsweep entry point: dispatches to a subcommand. */
#include <sys/stat.h>

#include "cli/cli.h"

int
main(int argc, char **argv)
{
	/* Inventories, spools, reports and logs hold sensitive data: every
	 * file camsweep creates is private to its user (0600, 0700). */
	umask(077);
	return cs_cli_main(argc, argv);
}
