/* SPDX-License-Identifier: ISC */
/*
 * camsweep user add|list|del: the console's accounts (docs/serve.md).
 * A password is read from a file (or standard input with "-"), never
 * from the command line, and never printed.
 */
#include <getopt.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "cli/output.h"
#include "core/alloc.h"
#include "core/exitcode.h"
#include "core/text.h"
#include "serve/serve_int.h"
#include "serve/users.h"
#include "store/store.h"
#include "core/poison.h"

static void
user_usage(FILE *f)
{
	fputs("usage: camsweep user add NAME [--db FILE|URI] --password-file "
	      "FILE\n"
	      "                      [--site S]... [--department D]... "
	      "[--admin]\n"
	      "       camsweep user list [--db FILE|URI]\n"
	      "       camsweep user del NAME [--db FILE|URI]\n"
	      "  The console's accounts (camsweep serve).  A user sees the\n"
	      "  devices and findings of its sites and departments only;\n"
	      "  --admin sees every site.  --password-file - reads standard\n"
	      "  input; the file holds the password on one line.\n",
	      f);
}

/* "cli:LOGIN", the actor of a change made from the command line. */
static void
actor(char *buf, size_t sz)
{
	const struct passwd *pw = getpwuid(getuid());

	snprintf(buf, sz, "cli:%s", pw != NULL ? pw->pw_name : "?");
}

static int
list_one(void *arg, const struct cs_user_info *u)
{
	char t[32];

	(void)arg;
	cs_date_format(u->created, CS_DATE_TIME, t, sizeof(t));
	cs_out_term(stdout, u->name);
	printf("  %s  %s  ", u->admin ? "admin" : "scoped", t);
	cs_out_term(stdout, u->scope[0] ? u->scope : "-");
	fputs("\n", stdout);
	return 0;
}

int
cs_cli_user(int argc, char **argv)
{
	static const struct option opts[] = {
	    {"db", required_argument, NULL, 'd'},
	    {"password-file", required_argument, NULL, 'p'},
	    {"site", required_argument, NULL, 's'},
	    {"department", required_argument, NULL, 'D'},
	    {"admin", no_argument, NULL, 'a'},
	    {"help", no_argument, NULL, 'h'},
	    {NULL, 0, NULL, 0},
	};
	const char *db = cs_cli_default_db(), *pwfile = NULL, *verb;
	const char **sites = NULL, **depts = NULL;
	size_t nsites = 0, ndepts = 0;
	struct cs_user_spec u = {0};
	struct cs_store *st = NULL;
	char pw[CS_SERVE_PW_MAX + 1], err[512], who[96];
	int c, rc = EXIT_USAGE;

	if (argc < 2 || cs_cli_wants_help(argc, argv)) {
		user_usage(argc < 2 ? stderr : stdout);
		return argc < 2 ? EXIT_USAGE : EXIT_OK;
	}
	verb = argv[1];
	optind = 2;
	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (c) {
		case 'd':
			db = optarg;
			break;
		case 'p':
			pwfile = optarg;
			break;
		case 's':
			sites = cs_xrealloc(sites, nsites + 1, sizeof(*sites));
			sites[nsites++] = optarg;
			break;
		case 'D':
			depts = cs_xrealloc(depts, ndepts + 1, sizeof(*depts));
			depts[ndepts++] = optarg;
			break;
		case 'a':
			u.admin = true;
			break;
		default:
			user_usage(stderr);
			goto out;
		}
	}
	actor(who, sizeof(who));
	if (strcmp(verb, "list") == 0) {
		if (optind != argc || pwfile || nsites || ndepts || u.admin) {
			user_usage(stderr);
			goto out;
		}
		if ((st = cs_cli_open_db(db)) == NULL) {
			rc = EXIT_RUNTIME;
			goto out;
		}
		rc = cs_users_each(st, list_one, NULL) == 0 ? EXIT_OK
							    : EXIT_RUNTIME;
		if (rc != EXIT_OK)
			fprintf(stderr, "camsweep user list: %s\n",
				cs_store_errmsg(st));
		goto out;
	}
	if (strcmp(verb, "del") == 0) {
		if (optind != argc - 1 || pwfile || nsites || ndepts ||
		    u.admin) {
			user_usage(stderr);
			goto out;
		}
		if ((st = cs_cli_open_db(db)) == NULL) {
			rc = EXIT_RUNTIME;
			goto out;
		}
		rc = cs_users_del(st, argv[optind], who, err, sizeof(err));
		if (rc != 0)
			fprintf(stderr, "camsweep user del: %s\n", err);
		rc = rc == 0              ? EXIT_OK
		     : rc == CS_ENOTFOUND ? EXIT_NOTFOUND
		     : rc == CS_EINVAL    ? EXIT_USAGE
					  : EXIT_RUNTIME;
		goto out;
	}
	if (strcmp(verb, "add") != 0 || optind != argc - 1) {
		user_usage(stderr);
		goto out;
	}
	if (pwfile == NULL) {
		fputs("camsweep user add: --password-file FILE is required "
		      "(a password never goes on the command line)\n",
		      stderr);
		goto out;
	}
	if (cs_serve_password_read(pwfile, pw, sizeof(pw), err, sizeof(err)) !=
	    0) {
		fprintf(stderr, "camsweep user add: %s: %s\n", pwfile, err);
		goto out;
	}
	if (!cs_store_path_is_uri(db))
		cs_cli_prepare_db(db);
	st = cs_store_open(db, err, sizeof(err));
	if (st == NULL) {
		fprintf(stderr, "camsweep user add: %s: %s\n",
			CS_STORE_SHOW(db), err);
		explicit_bzero(pw, sizeof(pw));
		rc = EXIT_RUNTIME;
		goto out;
	}
	u.name = argv[optind];
	u.sites = sites;
	u.nsites = nsites;
	u.depts = depts;
	u.ndepts = ndepts;
	rc = cs_users_add(st, &u, pw, who, err, sizeof(err));
	explicit_bzero(pw, sizeof(pw));
	if (rc != 0)
		fprintf(stderr, "camsweep user add: %s\n", err);
	else
		fprintf(stderr, "camsweep user add: added %s\n", u.name);
	rc = rc == 0 ? EXIT_OK : rc == CS_EINVAL ? EXIT_USAGE : EXIT_RUNTIME;
out:
	cs_store_close(st);
	free(sites);
	free(depts);
	return rc;
}
