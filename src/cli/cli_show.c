/* SPDX-License-Identifier: ISC */
/*
 * camsweep show: the devices of a scan (default the latest) as a table or
 * JSON Lines.
 */
#include "cli/cli.h"
#include "cli/scan_cmd.h"

#include <errno.h>
#include <netdb.h>
#include <arpa/inet.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "audit/placed.h"
#include "audit/scan.h"
#include "oui/models.h"
#include "cli/cli_disc.h"
#include "cli/output.h"
#include "core/addr.h"
#include "core/exitcode.h"
#include "cli/scan_out.h"
#include "core/alloc.h"
#include "core/buf.h"
#include "core/escape.h"
#include "core/str.h"
#include "engine/creds.h"
#include "engine/engine.h"
#include "engine/privsep.h"
#include "engine/scope.h"
#include "fp/fp.h"
#include "policy/estate.h"
#include "probe/probe.h"
#include "store/store.h"
#include "store/upload.h"
#include "core/poison.h"

struct print_ctx {
	bool json;
	bool all;
	int ipw; /* the address column's width (text) */
	size_t shown, surveillance, unknown;
	struct cs_buf b;
};

/* Whether the table or the JSON Lines show r. */
static bool
shown(const struct print_ctx *pc, const struct cs_device_row *r)
{
	return pc->all || cs_identity_surveillance(&r->id) != 0;
}

/* First pass of a table: the address column as wide as the longest
 * address shown. */
static int
width_row(void *arg, const struct cs_device_row *r)
{
	struct print_ctx *pc = arg;

	if (shown(pc, r))
		pc->ipw = cs_out_ip_width(pc->ipw, r->ip);
	return 0;
}

static int
print_row(void *arg, const struct cs_device_row *r)
{
	struct print_ctx *pc = arg;

	int surv = cs_identity_surveillance(&r->id);

	if (surv > 0)
		pc->surveillance++;
	else if (surv < 0)
		pc->unknown++;
	/* Not established (maker-only evidence) is shown too: it may be. */
	if (!shown(pc, r))
		return 0;
	pc->shown++;
	if (pc->json) {
		cs_buf_reset(&pc->b);
		cs_out_json_device(&pc->b, r);
		cs_buf_adds(&pc->b, "\n");
		fwrite(pc->b.p, 1, pc->b.len, stdout);
	} else {
		cs_out_table_row(stdout, r, pc->ipw);
	}
	return 0;
}

/* The devices only the switches know (audit/placed.h), kept to print
 * after the scanned ones. */
struct placed_set {
	struct cs_placed_device *v;
	size_t n, cap;
};

static int
collect_placed(void *arg, const struct cs_placed_device *d)
{
	struct placed_set *ps = arg;

	if (ps->n == ps->cap) {
		ps->cap = ps->cap ? ps->cap * 2 : 16;
		ps->v = cs_xrealloc(ps->v, ps->cap, sizeof(*ps->v));
	}
	ps->v[ps->n++] = *d;
	return 0;
}

/* Prints the devices only the switches know: each identified from its
 * MAC as a scan's MAC-only evidence would be (the rules of the default
 * data directory; without them, as `switches` stored it). */
static void
print_placed(struct print_ctx *pc, const struct placed_set *ps)
{
	struct cs_device_row *row = cs_xcalloc(1, sizeof(*row));
	struct cs_identity *id = cs_xcalloc(1, sizeof(*id));
	char err[512];
	struct cs_fpdb *db = cs_cli_load_fpdb(NULL, err, sizeof(err));

	for (size_t i = 0; i < ps->n; i++) {
		const struct cs_placed_device *d = &ps->v[i];
		int surv;

		cs_audit_placed_identity(db, d, id);
		cs_audit_placed_row(d, id, row);
		surv = cs_identity_surveillance(&row->id);
		if (surv > 0)
			pc->surveillance++;
		else if (surv < 0)
			pc->unknown++;
		if (!shown(pc, row))
			continue;
		pc->shown++;
		if (pc->json) {
			cs_buf_reset(&pc->b);
			cs_out_json_placed(&pc->b, row, &d->place);
			cs_buf_adds(&pc->b, "\n");
			fwrite(pc->b.p, 1, pc->b.len, stdout);
		} else {
			if (row->ip[0] == '\0')
				cs_strlcpy(row->ip, "-", sizeof(row->ip));
			cs_out_table_row(stdout, row, pc->ipw);
			cs_out_placed_line(stdout, &d->place, pc->ipw);
		}
	}
	cs_fpdb_free(db);
	free(id);
	free(row);
}

int
cs_cli_print_scan(struct cs_store *st, int64_t scan_id, bool json, bool all)
{
	struct print_ctx pc = {
	    .json = json, .all = all, .ipw = CS_OUT_IP_WIDTH};
	struct placed_set ps = {0};
	int rc = 0;

	cs_buf_init(&pc.b, 1 << 20);
	rc = cs_store_each_placed_only(st, scan_id, collect_placed, &ps);
	if (!json) {
		if (rc == 0)
			rc = cs_store_each_device(st, scan_id, width_row, &pc);
		for (size_t i = 0; i < ps.n; i++)
			pc.ipw = cs_out_ip_width(pc.ipw, ps.v[i].ip);
		cs_out_table_head(stdout, pc.ipw);
	}
	if (rc == 0)
		rc = cs_store_each_device(st, scan_id, print_row, &pc);
	if (rc == 0 && ps.n > 0)
		print_placed(&pc, &ps);
	free(ps.v);
	cs_buf_free(&pc.b);
	if (!json)
		fprintf(stdout,
			"%zu device(s) shown, %zu surveillance, %zu not "
			"established%s\n",
			pc.shown, pc.surveillance, pc.unknown,
			ps.n > 0 ? "; devices with \"placed:\" are known "
				   "only from the switches"
				 : "");
	fflush(stdout);
	return rc;
}

/* ---- show ---- */

int
cs_cli_show(int argc, char **argv)
{
	static const struct option opts[] = {
	    {"db", required_argument, NULL, OPT_DB},
	    {"scan", required_argument, NULL, 's'},
	    {"json", no_argument, NULL, OPT_JSON},
	    {"all", no_argument, NULL, OPT_ALL},
	    {"help", no_argument, NULL, 'h'},
	    {NULL, 0, NULL, 0},
	};
	const char *db_path = DEFAULT_DB;
	bool json = false, all = false;
	int64_t scan_id = -1;
	struct cs_store *st;
	long long v;
	int c, rc;

	optind = 1;
	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (c) {
		case OPT_DB:
			db_path = optarg;
			break;
		case 's':
			if (!cs_scan_num_opt("scan", optarg, 1, INT64_MAX, &v))
				return EXIT_USAGE;
			scan_id = v;
			break;
		case OPT_JSON:
			json = true;
			break;
		case OPT_ALL:
			all = true;
			break;
		case 'h':
			puts("usage: camsweep show [--db PATH] [--scan ID] "
			     "[--json] [--all]\n"
			     "Prints the devices of a scan (default: the "
			     "latest) from the inventory, without scanning.");
			return EXIT_OK;
		default:
			return EXIT_USAGE;
		}
	}
	if ((st = cs_cli_open_db(db_path)) == NULL)
		return EXIT_RUNTIME;
	if (scan_id < 0 && cs_store_latest_scan(st, &scan_id) != 0) {
		fprintf(stderr, "camsweep: %s: no scans recorded\n",
			CS_STORE_SHOW(db_path));
		cs_store_close(st);
		return EXIT_RUNTIME;
	}
	rc = cs_cli_print_scan(st, scan_id, json, all);
	cs_store_close(st);
	return rc == 0 ? EXIT_OK : EXIT_RUNTIME;
}
