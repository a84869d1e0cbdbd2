/* SPDX-License-Identifier: ISC */
/*
 * camsweep db: set up the central PostgreSQL inventory and its sensors
 * without psql (issue #13; docs/sensors.md).
 *
 *   camsweep db init --db URI
 *       creates or migrates the schema and sets up the sealed sites (the
 *       group role camsweep_sensor, its privileges and row policies).
 *   camsweep db add-sensor NAME --db URI [--password-file PATH]
 *       creates (or re-keys) the login role NAME with a generated
 *       password, written only to PATH (mode 0600, never printed) as a
 *       libpq password-file line for this server, ready for PGPASSFILE;
 *       the role gets a connection limit and lock, statement and
 *       idle-in-transaction timeouts (options below, struct
 *       cs_sensor_limits).
 *
 * URI is the owner's connection; secrets for it come from libpq's
 * password or service file (a password inside the URI is refused).
 */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <unistd.h>

#include <libpq-fe.h>

#include "cli/cli.h"
#include "core/exitcode.h"
#include "core/str.h"
#include "store/store.h"
#include "core/poison.h"

static void
db_usage(FILE *f)
{
	fputs(
	    "usage: camsweep db init --db postgresql://OWNER@HOST/DB\n"
	    "       camsweep db add-sensor NAME --db postgresql://OWNER@HOST/DB"
	    " [--password-file PATH]\n"
	    "         [--connection-limit N] [--lock-timeout MS]"
	    " [--statement-timeout MS]\n"
	    "         [--idle-timeout MS]\n"
	    "init creates the schema and the sensor group with its row "
	    "policies;\n"
	    "add-sensor creates the login role NAME ([a-z][a-z0-9_]*) with a "
	    "generated\n"
	    "password written to PATH (default ./NAME.pgpass, mode 0600) as "
	    "a libpq\n"
	    "password-file line; give it to the sensor as PGPASSFILE.  The "
	    "role may hold\n"
	    "N connections (default 4); its lock waits, statements and idle "
	    "open\n"
	    "transactions end after 10 000, 300 000 and 900 000 ms unless "
	    "given.\n",
	    f);
}

/* A pgpass field: ':' and '\' escaped with '\'. */
static void
pgpass_field(FILE *fp, const char *v)
{
	for (; v != NULL && *v != '\0'; v++) {
		if (*v == ':' || *v == '\\')
			fputc('\\', fp);
		fputc(*v, fp);
	}
}

/* A password of 32 characters from [A-Za-z0-9._] (192 random bits). */
static int
gen_password(char out[33])
{
	static const char abc[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmn"
				  "opqrstuvwxyz0123456789._";
	unsigned char r[32];
	size_t got = 0;

	while (got < sizeof(r)) {
		ssize_t n = getrandom(r + got, sizeof(r) - got, 0);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return -1;
		got += (size_t)n;
	}
	for (size_t i = 0; i < sizeof(r); i++)
		out[i] = abc[r[i] & 63];
	out[32] = '\0';
	memset(r, 0, sizeof(r));
	return 0;
}

/* Writes the password-file line for the server of uri to path (new file,
 * 0600).  Returns 0 or -1 with a message printed. */
static int
write_pgpass(const char *path, const char *uri, const char *name,
	     const char *pw)
{
	PQconninfoOption *opts = PQconninfoParse(uri, NULL);
	const char *host = "*", *port = "*", *db = "*";
	FILE *fp;
	int fd, ok;

	for (PQconninfoOption *o = opts; o != NULL && o->keyword != NULL; o++) {
		if (o->val == NULL || *o->val == '\0')
			continue;
		if (strcmp(o->keyword, "host") == 0)
			host = o->val;
		else if (strcmp(o->keyword, "port") == 0)
			port = o->val;
		else if (strcmp(o->keyword, "dbname") == 0)
			db = o->val;
	}
	fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW,
		  0600);
	if (fd < 0) {
		fprintf(stderr, "camsweep db add-sensor: %s: %s\n", path,
			strerror(errno));
		PQconninfoFree(opts);
		return -1;
	}
	if ((fp = fdopen(fd, "w")) == NULL) {
		close(fd);
		PQconninfoFree(opts);
		return -1;
	}
	pgpass_field(fp, host);
	fputc(':', fp);
	pgpass_field(fp, port);
	fputc(':', fp);
	pgpass_field(fp, db);
	fputc(':', fp);
	pgpass_field(fp, name);
	fputc(':', fp);
	pgpass_field(fp, pw);
	fputc('\n', fp);
	ok = fflush(fp) == 0 && fsync(fd) == 0;
	ok = fclose(fp) == 0 && ok;
	PQconninfoFree(opts);
	if (!ok) {
		fprintf(stderr, "camsweep db add-sensor: %s: write failed\n",
			path);
		unlink(path);
		return -1;
	}
	return 0;
}

int
cs_cli_db(int argc, char **argv)
{
	static const struct option opts[] = {
	    {"db", required_argument, NULL, 'd'},
	    {"password-file", required_argument, NULL, 'p'},
	    {"connection-limit", required_argument, NULL, 'c'},
	    {"lock-timeout", required_argument, NULL, 'l'},
	    {"statement-timeout", required_argument, NULL, 's'},
	    {"idle-timeout", required_argument, NULL, 'i'},
	    {"help", no_argument, NULL, 'h'},
	    {NULL, 0, NULL, 0},
	};
	const char *uri = NULL, *pwfile = NULL, *verb, *name = NULL;
	char err[512], defpath[96], pw[33];
	struct cs_sensor_limits lim = {0};
	struct cs_store *s;
	long long v;
	int c, rc;

	if (argc < 2 || strcmp(argv[1], "--help") == 0 ||
	    strcmp(argv[1], "-h") == 0) {
		db_usage(argc < 2 ? stderr : stdout);
		return argc < 2 ? EXIT_USAGE : EXIT_OK;
	}
	verb = argv[1];
	optind = 2;
	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		if (c == 'd')
			uri = optarg;
		else if (c == 'p')
			pwfile = optarg;
		else if (c == 'c' || c == 'l' || c == 's' || c == 'i') {
			/* at most a day, so the role settings fit an int */
			if (cs_str_tonum(optarg, 1,
					 c == 'c' ? 10000 : 86400000LL,
					 &v) != 0) {
				fprintf(stderr,
					"camsweep db: bad number '%s'\n",
					optarg);
				return EXIT_USAGE;
			}
			if (c == 'c')
				lim.connections = (int)v;
			else if (c == 'l')
				lim.lock_timeout_ms = (int)v;
			else if (c == 's')
				lim.statement_ms = (int)v;
			else
				lim.idle_in_txn_ms = (int)v;
		} else {
			db_usage(c == 'h' ? stdout : stderr);
			return c == 'h' ? EXIT_OK : EXIT_USAGE;
		}
	}
	if (strcmp(verb, "add-sensor") == 0) {
		if (argc - optind != 1) {
			db_usage(stderr);
			return EXIT_USAGE;
		}
		name = argv[optind];
	} else if (strcmp(verb, "init") != 0 || argc != optind) {
		db_usage(stderr);
		return EXIT_USAGE;
	}
	if (uri == NULL || !cs_store_path_is_uri(uri)) {
		fputs("camsweep db: --db postgresql://... (the owner) is "
		      "required\n",
		      stderr);
		return EXIT_USAGE;
	}
	if ((s = cs_store_open(uri, err, sizeof(err))) == NULL) {
		fprintf(stderr, "camsweep db: %s\n", err);
		return EXIT_RUNTIME;
	}
	if (name == NULL) {
		rc = cs_store_admin_init(s);
		if (rc != 0)
			fprintf(stderr, "camsweep db init: %s\n",
				cs_store_errmsg(s));
		else
			fprintf(stderr,
				"camsweep db init: schema version %d, sensor "
				"group and site policies ready\n",
				cs_store_schema_version(s));
		cs_store_close(s);
		return rc == 0           ? EXIT_OK
		       : rc == CS_EINVAL ? EXIT_USAGE
					 : EXIT_RUNTIME;
	}
	if (pwfile == NULL) {
		snprintf(defpath, sizeof(defpath), "%.63s.pgpass", name);
		pwfile = defpath;
	}
	if (gen_password(pw) != 0) {
		fputs("camsweep db add-sensor: no randomness\n", stderr);
		cs_store_close(s);
		return EXIT_RUNTIME;
	}
	/* The file first (O_EXCL): a role is never left with a password
	 * nobody has. */
	if (write_pgpass(pwfile, uri, name, pw) != 0) {
		memset(pw, 0, sizeof(pw));
		cs_store_close(s);
		return EXIT_RUNTIME;
	}
	rc = cs_store_admin_add_sensor_limits(s, name, pw, &lim);
	memset(pw, 0, sizeof(pw));
	if (rc != 0) {
		fprintf(stderr, "camsweep db add-sensor: %s\n",
			cs_store_errmsg(s));
		unlink(pwfile);
	} else {
		fprintf(stderr,
			"camsweep db add-sensor: sensor %s ready; its password "
			"is in %s (mode 0600)\n",
			name, pwfile);
	}
	cs_store_close(s);
	return rc == 0 ? EXIT_OK : rc == CS_EINVAL ? EXIT_USAGE : EXIT_RUNTIME;
}
