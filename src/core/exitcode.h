/* SPDX-License-Identifier: ISC */
/*
 * The exit statuses of every camsweep command, in one table; camsweep(1)
 * documents it (EXIT STATUS) and each command's page says which it uses.
 * A value means the same thing in every command that returns it.
 */
#ifndef CS_CORE_EXITCODE_H
#define CS_CORE_EXITCODE_H

enum cs_exit {
	EXIT_OK = 0,      /* done; found (lookup); valid (estate, check) */
	EXIT_USAGE = 1,   /* usage or configuration error; an invalid input
			     file (estate, check) */
	EXIT_RUNTIME = 2, /* runtime error: I/O, database, a data file that
			     cannot be read, a scan left incomplete */
	/* 3: the answer to a question the command was asked is "no", not
	 * an error.  lookup: not found or ambiguous; evidence verify: the
	 * pack differs from what was signed. */
	EXIT_NOTFOUND = 3,
	EXIT_DIFFERS = 3,
	/* 4: a result a script should act on, never an error.  assess:
	 * findings at or above --fail-on; scan on a sensor: the scan is
	 * complete but waits in the spool, not yet delivered; vulns match:
	 * an affected or product hit. */
	EXIT_FINDINGS = 4,
	EXIT_BUFFERED = 4,
	EXIT_INTERRUPTED = 130, /* stopped by SIGINT or SIGTERM (resumable) */
};

/* Names the older per-command tables used for the same values. */
#define EXIT_FOUND EXIT_OK
#define EXIT_DATA EXIT_RUNTIME

#endif /* CS_CORE_EXITCODE_H */
