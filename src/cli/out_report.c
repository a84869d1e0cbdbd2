/* SPDX-License-Identifier: ISC */
/*
 * A report document written to its file (0600, emptied after a failure)
 * or to standard output, streamed as it is rendered (cli_report.c).
 */
#include "cli/cli.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/cs.h"
#include "report/report.h"
#include "core/poison.h"

/* Opens path for a report (stdout when NULL); NULL after a message. */
static FILE *
open_out(const char *path)
{
	FILE *f = stdout;
	int fd;

	/* The report is OFFICIAL-SENSITIVE: 0600, and an existing file is
	 * narrowed to 0600 before it is written. */
	if (path) {
		fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
		if (fd >= 0 && fchmod(fd, 0600) != 0) {
			close(fd);
			fd = -1;
		}
		f = fd >= 0 ? fdopen(fd, "wb") : NULL;
		if (f == NULL && fd >= 0)
			close(fd);
	}
	if (f == NULL)
		fprintf(stderr, "camsweep: %s: %s\n", path, strerror(errno));
	return f;
}

static int
file_write(void *arg, const void *p, size_t n)
{
	return fwrite(p, 1, n, arg) == n ? 0 : -1;
}

/*
 * Streams one document of r to path (stdout when NULL) as it is written,
 * never holding it whole in memory.  A file left by a failure is emptied,
 * so no truncated report looks complete.  0 or -1 after a message.
 */
int
cs_cli_report_stream(struct cs_report *r, int part, const char *path)
{
	FILE *f = open_out(path);
	struct cs_report_sink k = {file_write, f, 0};
	int rc, bad;

	if (f == NULL)
		return -1;
	rc = cs_report_stream(r, (enum cs_report_part)part, &k);
	bad = ferror(f);
	if (rc == 0)
		bad = (path ? fclose(f) : fflush(f)) != 0 || bad;
	else if (path) {
		if (fflush(f) != 0 || ftruncate(fileno(f), 0) != 0)
			bad = 1;
		fclose(f);
	}
	if (bad)
		fprintf(stderr, "camsweep: %s: write failed\n",
			path ? path : "stdout");
	else if (rc != 0)
		fprintf(stderr, "camsweep report: %s\n", cs_strerror(rc));
	return rc == 0 && !bad ? 0 : -1;
}
