/* SPDX-License-Identifier: ISC */
/*
 * camsweep diff SCAN_A SCAN_B: prints what cs_audit_diff finds
 * (src/audit/diff.h), as text or JSON Lines, and what was not compared.
 */
#include "cli/cli.h"
#include "cli/output.h"

#include <getopt.h>
#include <json-c/json.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "audit/diff.h"
#include "core/exitcode.h"
#include "store/store.h"
#include "core/poison.h"

struct dout {
	bool json;
	int ipw; /* the address column's width (text) */
};

/* First pass of the text: the address column as wide as the longest. */
static void
diff_width(void *arg, enum cs_audit_change change, const struct cs_audit_dev *a,
	   const struct cs_audit_dev *b, const char *detail)
{
	struct dout *d = arg;

	(void)change;
	(void)detail;
	d->ipw = cs_out_ip_width(d->ipw, (b != NULL ? b : a)->ip);
}

json_object *
cs_cli_diff_json(int change, const struct cs_audit_dev *a,
		 const struct cs_audit_dev *b, const char *detail)
{
	const struct cs_audit_dev *x = b != NULL ? b : a;
	json_object *o = json_object_new_object();

	json_object_object_add(o, "change",
			       json_object_new_string(cs_audit_change_name(
				   (enum cs_audit_change)change)));
	json_object_object_add(o, "ip", json_object_new_string(x->ip));
	if (a != NULL && b != NULL && strcmp(a->ip, b->ip) != 0)
		json_object_object_add(o, "from_ip",
				       json_object_new_string(a->ip));
	json_object_object_add(o, "mac", json_object_new_string(x->mac));
	json_object_object_add(o, "site", json_object_new_string(x->site));
	json_object_object_add(o, "manufacturer",
			       json_object_new_string(x->id.manufacturer));
	json_object_object_add(o, "brand", json_object_new_string(x->id.brand));
	json_object_object_add(o, "model", json_object_new_string(x->id.model));
	json_object_object_add(o, "firmware",
			       json_object_new_string(x->id.firmware));
	json_object_object_add(o, "detail", json_object_new_string(detail));
	return o;
}

static void
diff_line(void *arg, enum cs_audit_change change, const struct cs_audit_dev *a,
	  const struct cs_audit_dev *b, const char *detail)
{
	const struct cs_audit_dev *x = b != NULL ? b : a;
	const char *what = cs_audit_change_name(change);
	const struct dout *d = arg;

	if (d->json) {
		json_object *o = cs_cli_diff_json(change, a, b, detail);
		cs_out_json_puts(stdout, o);
		json_object_put(o);
		return;
	}
	printf("%-8s %-*s ", what, d->ipw, x->ip);
	cs_out_term(stdout, x->id.manufacturer[0] ? x->id.manufacturer : "-");
	fputs(" ", stdout);
	cs_out_term(stdout, x->id.model[0] ? x->id.model : "-");
	if (detail[0]) {
		fputs("  ", stdout);
		cs_out_term(stdout, detail);
	}
	fputs("\n", stdout);
}

int
cs_cli_diff(int argc, char **argv)
{
	static const struct option opts[] = {
	    {"db", required_argument, NULL, 'd'},
	    {"json", no_argument, NULL, 'j'},
	    {"help", no_argument, NULL, 'h'},
	    {NULL, 0, NULL, 0}};
	const char *db_path = cs_cli_default_db();
	struct cs_audit_diff_result res;
	int64_t sa, sb;
	struct dout d = {false, CS_OUT_IP_WIDTH};
	struct cs_store *st;
	char err[512];
	int c, rc;

	optind = 1;
	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		if (c == 'd')
			db_path = optarg;
		else if (c == 'j')
			d.json = true;
		else {
			fputs(
			    "usage: camsweep diff [--db FILE] [--json] SCAN_A "
			    "SCAN_B\n"
			    "  new, gone, moved (the same device, by MAC or "
			    "serial within its\n  site, at a new address) "
			    "and changed\n"
			    "  (firmware, identity) devices between two "
			    "scans, within the\n  addresses both scans "
			    "covered (the rest is counted, not compared).\n",
			    c == 'h' ? stdout : stderr);
			return c == 'h' ? EXIT_OK : EXIT_USAGE;
		}
	}
	if (argc - optind != 2 || cs_cli_parse_id(argv[optind], &sa) != 0 ||
	    cs_cli_parse_id(argv[optind + 1], &sb) != 0) {
		fputs("usage: camsweep diff [--db FILE] [--json] SCAN_A "
		      "SCAN_B\n",
		      stderr);
		return EXIT_USAGE;
	}
	st = cs_store_open(db_path, err, sizeof(err));
	if (st == NULL) {
		fprintf(stderr, "camsweep diff: %s: %s\n",
			CS_STORE_SHOW(db_path), err);
		return EXIT_RUNTIME;
	}
	/* Text: a first pass sizes the address column (diff only reads). */
	rc = d.json ? 0 : cs_audit_diff(st, sa, sb, diff_width, &d, &res);
	if (rc == 0)
		rc = cs_audit_diff(st, sa, sb, diff_line, &d, &res);
	if (rc != 0) {
		if (rc == CS_ENOTFOUND)
			fputs("camsweep diff: no such scan\n", stderr);
		else
			fprintf(stderr, "camsweep diff: %s\n",
				cs_store_errmsg(st));
		cs_store_close(st);
		return rc == CS_ENOTFOUND ? EXIT_USAGE : EXIT_RUNTIME;
	}
	cs_store_close(st);
	fprintf(stderr,
		"camsweep diff: scan %lld -> %lld: %zu new, %zu gone, "
		"%zu moved, %zu changed\n",
		(long long)sa, (long long)sb, res.count[CS_AUDIT_NEW],
		res.count[CS_AUDIT_GONE], res.count[CS_AUDIT_MOVED],
		res.count[CS_AUDIT_CHANGED]);
	/* Say what was compared. */
	if (res.have_a && res.have_b)
		fprintf(stderr,
			"camsweep diff: compared only the addresses both "
			"scans covered; not compared: %zu device(s) of scan "
			"%lld outside scan %lld's scope, %zu of scan %lld "
			"outside scan %lld's\n",
			res.outside_b, (long long)sa, (long long)sb,
			res.outside_a, (long long)sb, (long long)sa);
	else
		fprintf(stderr,
			"camsweep diff: the scope of scan %lld cannot be "
			"read back (a passive run or no recorded scope): "
			"compared every device, so \"new\" and \"gone\" "
			"may only mean \"not looked for\"\n",
			(long long)(res.have_a ? sb : sa));
	return EXIT_OK;
}
