/* SPDX-License-Identifier: ISC */
/*
 * camsweep reach --vantage NAME TARGET...: the targets and exclusions
 * of a scan, then cs_audit_reach (src/audit/reach.h), one line per device.
 */
#include "cli/cli.h"
#include "cli/output.h"

#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

#include "audit/reach.h"
#include "core/alloc.h"
#include "core/str.h"
#include "core/exitcode.h"
#include "engine/scope.h"
#include "store/store.h"
#include "core/poison.h"

/* The lines, kept until the last so that the address column can be as
 * wide as the longest address (cs_audit_reach reports after probing). */
struct reach_out {
	const char *vantage;
	struct {
		char ip[46];
		bool answered;
	} * v;
	size_t n, cap;
	int ipw;
};

static void
reach_line(void *arg, const char *ip, bool answered)
{
	struct reach_out *o = arg;

	if (o->n == o->cap) {
		o->cap = o->cap ? o->cap * 2 : 64;
		o->v = cs_xrealloc(o->v, o->cap, sizeof(*o->v));
	}
	cs_strlcpy(o->v[o->n].ip, ip, sizeof(o->v[o->n].ip));
	o->v[o->n].answered = answered;
	o->ipw = cs_out_ip_width(o->ipw, o->v[o->n].ip);
	o->n++;
}

static void
reach_print(struct reach_out *o)
{
	for (size_t i = 0; i < o->n; i++)
		printf("%-*s %s from %s\n", o->ipw, o->v[i].ip,
		       o->v[i].answered ? "answers" : "does not answer",
		       o->vantage);
	free(o->v);
	o->v = NULL;
	o->n = o->cap = 0;
}

int
cs_cli_reach(int argc, char **argv)
{
	static const struct option opts[] = {
	    {"db", required_argument, NULL, 'd'},
	    {"vantage", required_argument, NULL, 'v'},
	    {"scan", required_argument, NULL, 's'},
	    {"exclude", required_argument, NULL, 'x'},
	    {"exclude-file", required_argument, NULL, 'X'},
	    {"data", required_argument, NULL, 'D'},
	    {"help", no_argument, NULL, 'h'},
	    {NULL, 0, NULL, 0}};
	const char *db_path = cs_cli_default_db(), *vantage = NULL,
		   *data = NULL;
	struct cs_interval *inc = NULL, *exc = NULL;
	size_t ninc = 0, nexc = 0;
	struct cs_scope targets;
	struct cs_audit_reach_result res;
	struct reach_out ro = {.ipw = CS_OUT_IP_WIDTH};
	struct cs_store *st = NULL;
	int64_t scan_id = 0;
	char err[512];
	int c, ret = EXIT_RUNTIME;

	cs_scope_init(&targets);
	optind = 1;
	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		if (c == 'd')
			db_path = optarg;
		else if (c == 'v')
			vantage = optarg;
		else if (c == 's' && cs_cli_parse_id(optarg, &scan_id) == 0)
			;
		else if (c == 'x' || c == 'X') {
			char spec[4096];

			snprintf(spec, sizeof(spec), "%s%s",
				 c == 'X' ? "@" : "", optarg);
			if (cs_scope_parse_spec(spec, &exc, &nexc, err,
						sizeof(err)) != 0) {
				fprintf(stderr, "camsweep reach: %s\n", err);
				free(exc);
				return EXIT_USAGE;
			}
		} else if (c == 'D')
			data = optarg;
		else {
			fputs(
			    "usage: camsweep reach --vantage NAME [--db FILE] "
			    "[--scan ID] [--exclude SPEC]\n"
			    "       [--exclude-file FILE] [--data DIR] "
			    "TARGET...\n"
			    "  Run from a host on the core network: checks "
			    "which stored\n"
			    "  surveillance devices inside TARGET answer "
			    "from here and\n"
			    "  records it; assess then raises them as "
			    "reachable from core.\n",
			    c == 'h' ? stdout : stderr);
			return c == 'h' ? EXIT_OK : EXIT_USAGE;
		}
	}
	if (vantage == NULL || *vantage == '\0' || optind >= argc) {
		fputs("camsweep reach: --vantage NAME and at least one TARGET "
		      "are needed\n",
		      stderr);
		free(exc);
		return EXIT_USAGE;
	}
	for (int i = optind; i < argc; i++)
		if (cs_scope_parse_spec(argv[i], &inc, &ninc, err,
					sizeof(err)) != 0) {
			fprintf(stderr, "camsweep reach: %s\n", err);
			free(inc);
			free(exc);
			return EXIT_USAGE;
		}
	/* The same exclusions as a scan: compiled-in, the data file's and
	 * the user's; a stored row never widens them. */
	if (cs_cli_data_excl(data, &exc, &nexc) != 0 ||
	    cs_scope_build_filter(&targets, inc, ninc, exc, nexc) != 0) {
		fputs("camsweep reach: empty target scope\n", stderr);
		free(inc);
		free(exc);
		return EXIT_USAGE;
	}
	free(inc);
	st = cs_store_open(db_path, err, sizeof(err));
	if (st == NULL) {
		fprintf(stderr, "camsweep reach: %s: %s\n",
			CS_STORE_SHOW(db_path), err);
		goto out;
	}
	if (scan_id == 0 && cs_store_latest_scan(st, &scan_id) != 0) {
		fputs("camsweep reach: no scan recorded\n", stderr);
		goto out;
	}
	ro.vantage = vantage;
	c = cs_audit_reach(st, scan_id, &targets, exc, nexc, vantage,
			   reach_line, &ro, &res, err, sizeof(err));
	reach_print(&ro);
	if (c != 0) {
		if (err[0])
			fprintf(stderr, "camsweep reach: %s\n", err);
		goto out;
	}
	if (res.ndev == 0)
		fputs("camsweep reach: no stored surveillance device in the "
		      "targets\n",
		      stderr);
	else
		fprintf(stderr,
			"camsweep reach: %zu of %zu surveillance devices "
			"answer from %s\n",
			res.nup, res.ndev, vantage);
	ret = EXIT_OK;
out:
	cs_store_close(st);
	cs_scope_free(&targets);
	free(exc);
	return ret;
}
