/* SPDX-License-Identifier: ISC */
/*
 * camsweep scan --config FILE: a sensor's configuration file as options.
 */
#include "cli/cli.h"
#include "cli/scan_cmd.h"

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/alloc.h"
#include "core/buf.h"
#include "core/exitcode.h"
#include "core/str.h"
#include "core/text.h"
#include "core/poison.h"

/*
 * A sensor's configuration file (scan --config FILE), so that a systemd
 * timer can run `camsweep scan --config /etc/camsweep/site.conf`.  Lines
 * "name = value" give the long option --name with that value, a bare
 * "name" a flag (e.g. "quiet"), "targets = A B ..." the targets; '#'
 * starts a comment.  Options on the command line come after the file's,
 * so they win.  No secrets belong here (the database password is in the
 * libpq password file); a file others may write is refused.  Returns a
 * new argument vector (free with config_free) or NULL after a message.
 */
#define CONFIG_MAX_ARGS 256
#define CONFIG_LINE_MAX 4096 /* bytes of one line, its newline included */
#define CONFIG_FILE_MAX ((size_t)1 << 20)

/* The file at path, opened and checked, into b; false after a message. */
static bool
config_read(const char *path, struct cs_buf *b)
{
	struct stat sb;
	FILE *fp;
	int r;

	if ((fp = fopen(path, "re")) == NULL) {
		fprintf(stderr, "camsweep: %s: %s\n", path, strerror(errno));
		return false;
	}
	if (fstat(fileno(fp), &sb) != 0 || !S_ISREG(sb.st_mode) ||
	    (sb.st_mode & 022) != 0) {
		fprintf(stderr,
			"camsweep: %s: not a regular file writable only by "
			"its owner\n",
			path);
		fclose(fp);
		return false;
	}
	cs_buf_init(b, CONFIG_FILE_MAX);
	r = cs_stream_read(fp, CONFIG_FILE_MAX, b);
	fclose(fp);
	if (r == CS_ELIMIT)
		fprintf(stderr, "camsweep: %s: larger than %zu bytes\n", path,
			CONFIG_FILE_MAX);
	else if (r != 0)
		fprintf(stderr, "camsweep: %s: %s\n", path, strerror(errno));
	if (r != 0)
		cs_buf_free(b);
	return r == 0;
}

char **
cs_cli_config_argv(const char *path, int argc, char **argv, int *nargc)
{
	char line[CONFIG_LINE_MAX + 1], **v;
	struct cs_buf b;
	struct cs_lines lines;
	struct cs_span ln;
	int n = 0, r;

	if (!config_read(path, &b))
		return NULL;
	v = cs_xcalloc(CONFIG_MAX_ARGS + (size_t)argc + 1, sizeof(*v));
	v[n++] = cs_xstrdup(argv[0]);
	cs_lines_init(&lines, b.p, b.len);
	while ((r = cs_lines_next_max(&lines, CONFIG_LINE_MAX, &ln)) != 0) {
		char *k, *val, *eq, *hash, *save = NULL;

		if (r == CS_ELIMIT) {
			/* Refused, never split: its tail would be read as
			 * an option of its own. */
			cs_errf(line, sizeof(line), path, lines.line,
				"line longer than %d bytes", CONFIG_LINE_MAX);
			fprintf(stderr, "camsweep: %s\n", line);
			goto bad;
		}
		cs_span_copy(line, sizeof(line), ln);
		if ((hash = strchr(line, '#')) != NULL)
			*hash = '\0';
		k = line + strspn(line, " \t\r\n");
		if (*k == '\0')
			continue;
		eq = strchr(k, '=');
		val = eq != NULL ? eq + 1 : NULL;
		if (eq != NULL)
			*eq = '\0';
		k[strcspn(k, " \t\r\n")] = '\0';
		if (val != NULL) {
			size_t l;
			val += strspn(val, " \t");
			l = strlen(val);
			while (l > 0 && strchr(" \t\r\n", val[l - 1]) != NULL)
				val[--l] = '\0';
		}
		if (strcmp(k, "config") == 0 || n + 2 >= CONFIG_MAX_ARGS) {
			fprintf(stderr, "camsweep: %s:%u: not allowed here\n",
				path, lines.line);
			goto bad;
		}
		if (strcmp(k, "targets") == 0) {
			if (val == NULL)
				continue;
			for (char *w = strtok_r(val, " \t,", &save);
			     w != NULL && n + 1 < CONFIG_MAX_ARGS;
			     w = strtok_r(NULL, " \t,", &save))
				v[n++] = cs_xstrdup(w);
			continue;
		}
		{
			char opt[80];
			snprintf(opt, sizeof(opt), "--%.70s", k);
			v[n++] = cs_xstrdup(opt);
		}
		if (val != NULL && *val != '\0')
			v[n++] = cs_xstrdup(val);
	}
	cs_buf_free(&b);
	/* then the command line, without --config FILE */
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--config") == 0 && i + 1 < argc) {
			i++;
			continue;
		}
		if (strncmp(argv[i], "--config=", 9) == 0)
			continue;
		v[n++] = cs_xstrdup(argv[i]);
	}
	v[n] = NULL;
	*nargc = n;
	return v;
bad:
	cs_buf_free(&b);
	for (int i = 0; i < n; i++)
		free(v[i]);
	free(v);
	return NULL;
}

void
cs_cli_config_free(char **v)
{
	for (size_t i = 0; v != NULL && v[i] != NULL; i++)
		free(v[i]);
	free(v);
}

int
cs_cli_scan(int argc, char **argv)
{
	const char *cfg = NULL;
	char **v;
	int n, rc;

	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--config") == 0 && i + 1 < argc)
			cfg = argv[i + 1];
		else if (strncmp(argv[i], "--config=", 9) == 0)
			cfg = argv[i] + 9;
		else if (strcmp(argv[i], "--") == 0)
			break;
	}
	if (cfg == NULL)
		return cs_cli_scan_args(argc, argv);
	if ((v = cs_cli_config_argv(cfg, argc, argv, &n)) == NULL)
		return EXIT_USAGE;
	rc = cs_cli_scan_args(n, v);
	cs_cli_config_free(v);
	return rc;
}
