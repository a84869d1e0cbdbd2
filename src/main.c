/* SPDX-License-Identifier: ISC */
/* camsweep entry point: dispatches to a subcommand. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "cli/cli.h"
#include "engine/privsep.h"

int
main(int argc, char **argv)
{
	int rc;

	/* Inventories, spools, reports and logs hold sensitive data: every
	 * file camsweep creates is private to its user (0600, 0700). */
	umask(077);
	/* No core dump of a process that held passwords or device data. */
	cs_priv_harden();
	rc = cs_cli_main(argc, argv);
	/* Output that did not reach its destination (a full disk, a closed
	 * pipe, /dev/full) is an error, whatever the command: a report or
	 * a listing cut short must not look like a success. */
	errno = 0;
	if (fflush(stdout) != 0 || ferror(stdout) || fclose(stdout) != 0) {
		fprintf(stderr,
			"camsweep: write error on standard output%s%s\n",
			errno ? ": " : "", errno ? strerror(errno) : "");
		if (rc == 0)
			rc = 2;
	}
	return rc;
}
