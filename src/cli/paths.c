/* SPDX-License-Identifier: ISC */
/*
 * Where camsweep finds its data and keeps its inventory.
 *
 * Data: --data, else $CAMSWEEP_DATA, else the installed data directory
 * found relative to the running binary (PREFIX/bin/camsweep ->
 * PREFIX/share/camsweep, so a package, a /usr/local install and a
 * DESTDIR staging tree all work without knowing their prefix at build
 * time), else the source tree's data/ (the build tree's default).
 *
 * Inventory: --db, else $XDG_DATA_HOME/camsweep/camsweep.db (by default
 * ~/.local/share/camsweep/camsweep.db), the directory created 0700.
 */
#include "cli/cli.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/str.h"
#include "fp/fp.h"
#include "store/store.h"
#include "core/poison.h"

#ifndef CS_SRCDIR
#define CS_SRCDIR "."
#endif
#ifndef CS_BINDIR_REL
#define CS_BINDIR_REL "bin"
#endif
#ifndef CS_DATADIR_REL
#define CS_DATADIR_REL "share"
#endif

static bool
is_dir(const char *p)
{
	struct stat sb;

	return stat(p, &sb) == 0 && S_ISDIR(sb.st_mode);
}

/*
 * The installed data directory if the running binary sits in
 * PREFIX/CS_BINDIR_REL and PREFIX/CS_DATADIR_REL/camsweep holds the
 * fingerprints; else NULL.
 */
static const char *
installed_data_dir(void)
{
	static char out[PATH_MAX];
	static int done;
	char exe[PATH_MAX], probe[PATH_MAX + 32];
	const char *bin = CS_BINDIR_REL;
	size_t n, bl = strlen(bin);
	ssize_t r;
	char *slash;

	if (done)
		return out[0] ? out : NULL;
	done = 1;
	r = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	if (r <= 0)
		return NULL;
	exe[r] = '\0';
	if ((slash = strrchr(exe, '/')) == NULL)
		return NULL;
	*slash = '\0'; /* the binary's directory */
	n = strlen(exe);
	if (bin[0] == '/' || n <= bl || exe[n - bl - 1] != '/' ||
	    strcmp(exe + n - bl, bin) != 0)
		return NULL;
	exe[n - bl - 1] = '\0'; /* the prefix */
	if ((size_t)snprintf(out, sizeof(out), "%s/%s/camsweep",
			     exe[0] ? exe : "",
			     CS_DATADIR_REL) >= sizeof(out)) {
		out[0] = '\0';
		return NULL;
	}
	snprintf(probe, sizeof(probe), "%s/fingerprints", out);
	if (!is_dir(probe)) {
		out[0] = '\0';
		return NULL;
	}
	return out;
}

bool
cs_cli_wants_help(int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--") == 0)
			break;
		if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0)
			return true;
	}
	return false;
}

const char *
cs_cli_data_dir(const char *opt)
{
	const char *env = getenv("CAMSWEEP_DATA"), *inst;

	if (opt)
		return opt;
	if (env && *env)
		return env;
	if ((inst = installed_data_dir()) != NULL)
		return inst;
	return CS_SRCDIR "/data";
}

int
cs_cli_parse_id(const char *s, int64_t *out)
{
	long long v;

	if (cs_str_tonum(s, 1, INT64_MAX, &v) != 0)
		return CS_EINVAL;
	*out = (int64_t)v;
	return 0;
}

struct cs_fpdb *
cs_cli_load_fpdb(const char *data, char *err, size_t errsz)
{
	char fpdir[4096], entdir[4096];

	snprintf(fpdir, sizeof(fpdir), "%s/fingerprints",
		 cs_cli_data_dir(data));
	snprintf(entdir, sizeof(entdir), "%s/entities", cs_cli_data_dir(data));
	return cs_fpdb_load(fpdir, entdir, err, errsz);
}

/* mkdir -p with mode for the directories it creates. */
static int
mkdirs(char *path, mode_t mode)
{
	for (char *p = path + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(path, mode) != 0 && errno != EEXIST) {
			*p = '/';
			return -1;
		}
		*p = '/';
	}
	return mkdir(path, mode) != 0 && errno != EEXIST ? -1 : 0;
}

const char *
cs_cli_default_db(void)
{
	static char path[PATH_MAX + 32];
	const char *xdg = getenv("XDG_DATA_HOME"), *home = getenv("HOME");

	if (path[0])
		return path;
	/* XDG: a relative XDG_DATA_HOME is invalid and ignored. */
	if (xdg && xdg[0] == '/')
		snprintf(path, sizeof(path), "%s/camsweep/%s", xdg,
			 CS_DEFAULT_DB_NAME);
	else if (home && home[0] == '/')
		snprintf(path, sizeof(path), "%s/.local/share/camsweep/%s",
			 home, CS_DEFAULT_DB_NAME);
	else
		cs_strlcpy(path, CS_DEFAULT_DB_NAME, sizeof(path));
	return path;
}

void
cs_cli_prepare_db(const char *path)
{
	char dir[PATH_MAX + 32], *slash;
	int fd;

	if (strcmp(path, cs_cli_default_db()) != 0)
		return;
	cs_strlcpy(dir, path, sizeof(dir));
	if ((slash = strrchr(dir, '/')) != NULL && slash != dir) {
		*slash = '\0';
		if (mkdirs(dir, 0700) != 0)
			return; /* opening the store reports it */
	}
	/* Private from its first byte, whatever the umask. */
	fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (fd >= 0)
		close(fd);
}

struct cs_store *
cs_cli_open_db(const char *db_path)
{
	char err[512];
	struct cs_store *st;

	if (!cs_store_path_is_uri(db_path) && access(db_path, R_OK) != 0) {
		fprintf(stderr, "camsweep: %s: %s\n", CS_STORE_SHOW(db_path),
			strerror(errno));
		return NULL;
	}
	if ((st = cs_store_open(db_path, err, sizeof(err))) == NULL)
		fprintf(stderr, "camsweep: %s: %s\n", CS_STORE_SHOW(db_path),
			err);
	return st;
}
