/* SPDX-License-Identifier: ISC */
/*
 * camsweep scans: the scans the inventory holds, oldest first: id, start
 * and end (ISO 8601 UTC), status, addresses in scope and done, ports,
 * vantage point and targets.  A table, or JSON Lines with --json.
 */
#include "cli/cli.h"

#include <errno.h>
#include <getopt.h>
#include <stdbool.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <json-c/json.h>

#include "cli/output.h"
#include "core/buf.h"
#include "core/escape.h"
#include "core/exitcode.h"
#include "core/text.h"
#include "store/store.h"
#include "core/poison.h"

static json_object *
str_or_null(const char *s)
{
	return s && s[0] ? json_object_new_string(s) : NULL;
}

json_object *
cs_cli_scan_json(int64_t id, const struct cs_scan_state *st)
{
	json_object *o = json_object_new_object();
	char t[32];

	json_object_object_add(o, "id", json_object_new_int64(id));
	cs_date_format(st->started, CS_DATE_TIME, t, sizeof(t));
	json_object_object_add(o, "started", str_or_null(t));
	cs_date_format(st->ended, CS_DATE_TIME, t, sizeof(t));
	json_object_object_add(o, "ended", str_or_null(t));
	json_object_object_add(o, "status", str_or_null(st->status));
	json_object_object_add(
	    o, "addresses", json_object_new_int64((int64_t)st->total_targets));
	json_object_object_add(o, "addresses_done",
			       json_object_new_int64((int64_t)st->hosts_done));
	json_object_object_add(o, "ports", str_or_null(st->ports));
	json_object_object_add(o, "targets", str_or_null(st->scope));
	json_object_object_add(o, "exclusions", str_or_null(st->exclusions));
	json_object_object_add(o, "vantage", str_or_null(st->vantage));
	json_object_object_add(o, "site", str_or_null(st->site));
	return o;
}

static void
scan_row(FILE *f, int64_t id, const struct cs_scan_state *st)
{
	char a[32], b[32];
	struct cs_buf buf;

	cs_date_format(st->started, CS_DATE_TIME, a, sizeof(a));
	cs_date_format(st->ended, CS_DATE_TIME, b, sizeof(b));
	cs_buf_init(&buf, 16384);
	cs_buf_printf(&buf, "%6lld  %-20s  %-20s  %-11s  %9llu  %9llu  ",
		      (long long)id, a[0] ? a : "-", b[0] ? b : "-", st->status,
		      (unsigned long long)st->total_targets,
		      (unsigned long long)st->hosts_done);
	cs_esc_term(&buf, st->vantage, strlen(st->vantage));
	cs_buf_adds(&buf, "  ");
	cs_esc_term(&buf, st->scope, strlen(st->scope));
	cs_buf_adds(&buf, "\n");
	fwrite(buf.p, 1, buf.len, f);
	cs_buf_free(&buf);
}

int
cs_cli_scans(int argc, char **argv)
{
	static const struct option opts[] = {
	    {"db", required_argument, NULL, 'D'},
	    {"json", no_argument, NULL, 'j'},
	    {"help", no_argument, NULL, 'h'},
	    {NULL, 0, NULL, 0},
	};
	const char *db_path = NULL;
	bool json = false;
	struct cs_store *st;
	int64_t id;
	int c, rc;

	optind = 1;
	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (c) {
		case 'D':
			db_path = optarg;
			break;
		case 'j':
			json = true;
			break;
		case 'h':
			puts("usage: camsweep scans [--db PATH|URI] [--json]\n"
			     "Lists the scans in the inventory "
			     "(default " CS_DEFAULT_DB_TEXT "), oldest first:\n"
			     "id, start and end (UTC), status, addresses "
			     "in scope and done, vantage, targets.");
			return EXIT_OK;
		default:
			fputs("usage: camsweep scans [--db PATH|URI] "
			      "[--json]\n",
			      stderr);
			return EXIT_USAGE;
		}
	}
	if (optind < argc) {
		fprintf(stderr, "camsweep scans: unexpected '%s'\n",
			argv[optind]);
		return EXIT_USAGE;
	}
	if (db_path == NULL)
		db_path = cs_cli_default_db();
	if ((st = cs_cli_open_db(db_path)) == NULL)
		return EXIT_RUNTIME;
	rc = cs_store_first_scan(st, &id);
	if (rc == 0 && !json)
		printf("%6s  %-20s  %-20s  %-11s  %9s  %9s  %s  %s\n", "ID",
		       "STARTED", "ENDED", "STATUS", "ADDRESSES", "DONE",
		       "VANTAGE", "TARGETS");
	while (rc == 0) {
		struct cs_scan_state s;

		if ((rc = cs_store_scan_get(st, id, &s)) != 0)
			break;
		if (json) {
			json_object *o = cs_cli_scan_json(id, &s);
			cs_out_json_puts(stdout, o);
			json_object_put(o);
		} else {
			scan_row(stdout, id, &s);
		}
		rc = cs_store_next_scan(st, id, &id);
	}
	cs_store_close(st);
	if (rc != CS_ENOTFOUND) {
		fprintf(stderr, "camsweep: %s: cannot read the scans\n",
			CS_STORE_SHOW(db_path));
		return EXIT_RUNTIME;
	}
	if (fflush(stdout) != 0 || ferror(stdout)) {
		fprintf(stderr, "camsweep scans: write error: %s\n",
			strerror(errno));
		return EXIT_RUNTIME;
	}
	return EXIT_OK;
}
