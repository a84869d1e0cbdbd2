/* SPDX-License-Identifier: ISC */
/*
 * camsweep notify --url URL: the findings new or changed since the last
 * delivery, POSTed as one JSON document.  Which findings, and the state
 * that advances only on a 2xx answer, are the use case's (audit/notify.h);
 * this file parses the options, writes the document and reports.
 */
#include "cli/cli.h"

#include <errno.h>
#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <json-c/json.h>

#include "audit/notify.h"
#include "cli/output.h"
#include "cli/scan_out.h"
#include "core/buf.h"
#include "core/exitcode.h"
#include "core/text.h"
#include "store/store.h"
#include "core/poison.h"

/* The document being written, and what posting it needs. */
struct doc {
	json_object *added, *changed;
	struct cs_buf body;
	const char *url;
	unsigned timeout_ms;
};

static void
add_finding(void *arg, const struct cs_finding_row *f, const char *prev)
{
	struct doc *d = arg;
	json_object *e;

	if (prev == NULL) {
		json_object_array_add(d->added, cs_cli_finding_json(f));
		return;
	}
	e = json_object_new_object();
	json_object_object_add(e, "previous_status",
			       json_object_new_string(prev));
	json_object_object_add(e, "finding", cs_cli_finding_json(f));
	json_object_array_add(d->changed, e);
}

static int
post(void *arg, char *err, size_t errsz)
{
	struct doc *d = arg;

	return cs_audit_http_post(d->url, (const char *)d->body.p, d->body.len,
				  d->timeout_ms, err, errsz);
}

static void
notify_usage(FILE *f)
{
	fputs("usage: camsweep notify --url http://HOST[:PORT]/PATH [--db "
	      "PATH|URI]\n"
	      "         [--state FILE] [--timeout TIME]\n"
	      "POSTs the findings that are new, or whose status changed, "
	      "since the last\n"
	      "successful notify as one JSON document {\"version\", "
	      "\"generated\", \"new\",\n"
	      "\"changed\"}; nothing is sent when nothing changed.  What was "
	      "sent is kept in\n"
	      "the state file (default: the inventory's path + .notify, "
	      "0600).\n"
	      "Exit status: 0 sent (or nothing to send), 1 usage, 2 not "
	      "delivered.\n",
	      f);
}

int
cs_cli_notify(int argc, char **argv)
{
	static const struct option opts[] = {
	    {"url", required_argument, NULL, 'u'},
	    {"db", required_argument, NULL, 'D'},
	    {"state", required_argument, NULL, 'S'},
	    {"timeout", required_argument, NULL, 't'},
	    {"help", no_argument, NULL, 'h'},
	    {NULL, 0, NULL, 0},
	};
	const char *url = NULL, *db_path = NULL, *state = NULL;
	char state_buf[4200], err[512], when[32];
	struct cs_audit_notify *n;
	struct doc d = {0};
	struct cs_store *st;
	size_t added = 0, changed = 0;
	long long timeout_ms = 10000;
	json_object *doc;
	int ch, rc = EXIT_RUNTIME, status;

	optind = 1;
	while ((ch = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (ch) {
		case 'u':
			url = optarg;
			break;
		case 'D':
			db_path = optarg;
			break;
		case 'S':
			state = optarg;
			break;
		case 't':
			if (cs_cli_parse_ms(optarg, 100, 600000, &timeout_ms) !=
			    0) {
				fputs("camsweep notify: --timeout: a time "
				      "(500ms, 10s; a bare number is ms)\n",
				      stderr);
				return EXIT_USAGE;
			}
			break;
		case 'h':
			notify_usage(stdout);
			return EXIT_OK;
		default:
			notify_usage(stderr);
			return EXIT_USAGE;
		}
	}
	if (url == NULL || optind != argc) {
		notify_usage(stderr);
		return EXIT_USAGE;
	}
	if (db_path == NULL)
		db_path = cs_cli_default_db();
	if (state == NULL) {
		if (cs_store_path_is_uri(db_path)) {
			fputs("camsweep notify: --state FILE is needed with a "
			      "database URI\n",
			      stderr);
			return EXIT_USAGE;
		}
		snprintf(state_buf, sizeof(state_buf), "%s.notify", db_path);
		state = state_buf;
	}
	if ((n = cs_audit_notify_new(state)) == NULL) {
		fprintf(stderr, "camsweep notify: %s: %s\n", state,
			strerror(errno));
		return EXIT_RUNTIME;
	}
	if ((st = cs_cli_open_db(db_path)) == NULL) {
		cs_audit_notify_free(n);
		return EXIT_RUNTIME;
	}
	d.added = json_object_new_array();
	d.changed = json_object_new_array();
	cs_buf_init(&d.body, 64u << 20);
	if (cs_audit_notify_select(n, st, add_finding, &d, &added, &changed) !=
	    0) {
		fprintf(stderr, "camsweep notify: cannot read the findings\n");
		goto out;
	}
	if (added == 0 && changed == 0) {
		fprintf(stderr, "camsweep notify: nothing new or changed\n");
		rc = EXIT_OK;
		goto out;
	}
	doc = json_object_new_object();
	cs_date_format((int64_t)time(NULL), CS_DATE_TIME, when, sizeof(when));
	json_object_object_add(doc, "version", json_object_new_int(1));
	json_object_object_add(doc, "source",
			       json_object_new_string("camsweep"));
	json_object_object_add(doc, "generated", json_object_new_string(when));
	json_object_object_add(doc, "new", json_object_get(d.added));
	json_object_object_add(doc, "changed", json_object_get(d.changed));
	cs_out_json_value(&d.body, doc);
	json_object_put(doc);
	d.url = url;
	d.timeout_ms = (unsigned)timeout_ms;
	switch (
	    cs_audit_notify_deliver(n, post, &d, &status, err, sizeof(err))) {
	case CS_NOT_DELIVERED:
		if (status < 0)
			fprintf(stderr, "camsweep notify: %s\n", err);
		else
			fprintf(stderr,
				"camsweep notify: the receiver answered %d; "
				"not delivered\n",
				status);
		goto out;
	case CS_STATE_UNWRITTEN:
		fprintf(stderr,
			"camsweep notify: delivered, but %s could not be "
			"written: the next run sends these again\n",
			state);
		goto out;
	case CS_DELIVERED:
		break;
	}
	fprintf(stderr, "camsweep notify: %zu new, %zu changed, sent (%d)\n",
		added, changed, status);
	rc = EXIT_OK;
out:
	cs_buf_free(&d.body);
	json_object_put(d.added);
	json_object_put(d.changed);
	cs_audit_notify_free(n);
	cs_store_close(st);
	return rc;
}
