/* SPDX-License-Identifier: ISC */
/* camsweep entry point: dispatches to a subcommand. */
#include <sys/stat.h>

#include "cli/cli.h"
#include "engine/privsep.h"

int
main(int argc, char **argv)
{
	/* Inventories, spools, reports and logs hold sensitive data: every
	 * file camsweep creates is private to its user (0600, 0700). */
	umask(077);
	/* No core dump of a process that held passwords or device data. */
	cs_priv_harden();
	return cs_cli_main(argc, argv);
}
