/* SPDX-License-Identifier: ISC */
/*
 * camsweep switches --file SWITCHES [--db URI] [--scan ID] [--rate N]:
 * where each device is plugged in (cs_audit_switches, docs/switches.md),
 * or, with --list, the placements the inventory holds.
 */
#include "cli/cli.h"
#include "cli/output.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "audit/switches.h"
#include "core/exitcode.h"
#include "core/str.h"
#include "store/store.h"
#include "core/poison.h"

static void
usage(FILE *f)
{
	fputs(
	    "usage: camsweep switches --file SWITCHES [--db URI] [--scan ID]\n"
	    "         [--rate N] [--timeout MS] [--retries N] [--site SITE]\n"
	    "         [--max-edge-macs N] [--max-edge-vlans N] [--dry-run]\n"
	    "         [--ieee-dir DIR] [--data DIR]\n"
	    "       camsweep switches --list [--db URI]\n"
	    "  Reads the switches and routers of SWITCHES (mode 0600: it "
	    "holds their\n"
	    "  SNMP v2c or v3 credentials) with GETBULK requests only, at "
	    "most N a\n"
	    "  second to each (default 10); each must lie in the scope of "
	    "the scan\n"
	    "  (default the latest).  Places every MAC on its edge port "
	    "(switch,\n"
	    "  port, VLAN, PoE, LLDP neighbour) and records it on the "
	    "device with\n"
	    "  that MAC; a MAC no device has becomes one, named by its "
	    "OUI.\n",
	    f);
}

static void
on_device(void *arg, const struct cs_sw_conf *c, int rc, const char *err,
	  const struct cs_sw_snmp_stats *s, const struct cs_sw_dev *d)
{
	(void)arg;
	if (rc != 0) {
		fprintf(stderr, "camsweep switches: ");
		cs_out_term(stderr, err);
		fputc('\n', stderr);
		return;
	}
	printf("%s %s %s: ", c->role == CS_SW_ROUTER ? "router" : "switch",
	       c->name, c->addr);
	cs_out_term(stdout, d->sysname[0] ? d->sysname : "(no sysName)");
	printf(", %zu bindings in %zu requests, %.1f s (%zu ports, %zu "
	       "forwarding entries, %zu VLANs, %zu ARP entries)\n",
	       s->bindings, s->requests, s->seconds, d->nports, d->nfdb,
	       d->nvlans, d->narp);
}

/* One placement; site and device (> 0) only for stored ones. */
static void
print_place(const char *mac, const char *ip, const char *sw, const char *port,
	    int vlan, const char *poe, const char *neigh, const char *site,
	    long long device)
{
	printf("%-17s %-15s ", mac, ip[0] ? ip : "-");
	cs_out_term(stdout, sw);
	printf("%*s ", strlen(sw) < 12 ? (int)(12 - strlen(sw)) : 0, "");
	cs_out_term(stdout, port);
	printf("  vlan %d poe %s", vlan, poe[0] ? poe : "-");
	if (neigh[0] != '\0') {
		printf(" lldp ");
		cs_out_term(stdout, neigh);
	}
	if (site != NULL && site[0] != '\0') {
		printf(" site ");
		cs_out_term(stdout, site);
	}
	if (device > 0)
		printf(" device %lld", device);
	putchar('\n');
}

static int
list_one(void *arg, const struct cs_placement_row *p)
{
	(void)arg;
	print_place(p->mac, p->ip, p->sw, p->port, p->vlan, p->poe,
		    p->neighbour, p->site, (long long)p->device_id);
	if (p->oui[0] != '\0') {
		printf("%17s oui ", "");
		cs_out_term(stdout, p->oui);
		putchar('\n');
	}
	return 0;
}

static int
num_opt(const char *s, long long lo, long long hi, long long *out)
{
	if (cs_str_tonum(s, lo, hi, out) != 0) {
		fprintf(stderr, "camsweep switches: bad number '%s'\n", s);
		return -1;
	}
	return 0;
}

int
cs_cli_switches(int argc, char **argv)
{
	static const struct option opts[] = {
	    {"db", required_argument, NULL, 'd'},
	    {"file", required_argument, NULL, 'f'},
	    {"scan", required_argument, NULL, 's'},
	    {"rate", required_argument, NULL, 'r'},
	    {"timeout", required_argument, NULL, 't'},
	    {"retries", required_argument, NULL, 'R'},
	    {"site", required_argument, NULL, 'S'},
	    {"max-edge-macs", required_argument, NULL, 'm'},
	    {"max-edge-vlans", required_argument, NULL, 'v'},
	    {"dry-run", no_argument, NULL, 'n'},
	    {"list", no_argument, NULL, 'l'},
	    {"ieee-dir", required_argument, NULL, 'I'},
	    {"data", required_argument, NULL, 'D'},
	    {"help", no_argument, NULL, 'h'},
	    {NULL, 0, NULL, 0}};
	const char *db_path = cs_cli_default_db(), *file = NULL, *site = NULL,
		   *ieee = NULL, *data = NULL;
	struct cs_audit_switches a;
	struct cs_sw_file sf = {NULL, 0};
	struct cs_store *st = NULL;
	struct cs_oui *oui = NULL;
	struct cs_fpdb *fpdb = NULL;
	char err[1024], map[4096];
	long long v;
	bool list = false, dry = false;
	int c, ret = EXIT_RUNTIME;

	memset(&a, 0, sizeof(a));
	a.opts = CS_SW_SNMP_DEFAULT;
	a.rules = CS_SW_RULES_DEFAULT;
	optind = 1;
	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (c) {
		case 'd':
			db_path = optarg;
			break;
		case 'f':
			file = optarg;
			break;
		case 's':
			if (cs_cli_parse_id(optarg, &a.scan_id) != 0)
				return EXIT_USAGE;
			break;
		case 'r':
			if (num_opt(optarg, 1, 1000, &v) != 0)
				return EXIT_USAGE;
			a.opts.rate = (double)v;
			break;
		case 't':
			if (num_opt(optarg, 10, 60000, &v) != 0)
				return EXIT_USAGE;
			a.opts.timeout_ms = (unsigned)v;
			break;
		case 'R':
			if (num_opt(optarg, 0, 5, &v) != 0)
				return EXIT_USAGE;
			a.opts.retries = (unsigned)v;
			break;
		case 'S':
			site = optarg;
			break;
		case 'm':
			if (num_opt(optarg, 1, 100000, &v) != 0)
				return EXIT_USAGE;
			a.rules.max_edge_macs = (unsigned)v;
			break;
		case 'v':
			if (num_opt(optarg, 0, 4094, &v) != 0)
				return EXIT_USAGE;
			a.rules.max_edge_vlans = (unsigned)v;
			break;
		case 'n':
			dry = true;
			break;
		case 'l':
			list = true;
			break;
		case 'I':
			ieee = optarg;
			break;
		case 'D':
			data = optarg;
			break;
		default:
			usage(c == 'h' ? stdout : stderr);
			return c == 'h' ? EXIT_OK : EXIT_USAGE;
		}
	}
	if (optind < argc || (!list && file == NULL)) {
		usage(stderr);
		return EXIT_USAGE;
	}
	if (!list && cs_sw_file_load(&sf, file, err, sizeof(err)) != 0) {
		fprintf(stderr, "camsweep switches: ");
		cs_out_term(stderr, err);
		if (err[0] && err[strlen(err) - 1] != '\n')
			fputc('\n', stderr);
		return EXIT_USAGE;
	}
	st = cs_store_open(db_path, err, sizeof(err));
	if (st == NULL) {
		fprintf(stderr, "camsweep switches: %s: %s\n",
			CS_STORE_SHOW(db_path), err);
		goto out;
	}
	if (list) {
		ret = cs_store_each_placement(st, list_one, NULL) == 0
			  ? EXIT_OK
			  : EXIT_RUNTIME;
		goto out;
	}
	if (a.scan_id == 0 && cs_store_latest_scan(st, &a.scan_id) != 0) {
		fputs("camsweep switches: the inventory has no scan; scan the "
		      "switches' network first (its scope says which "
		      "switches may be read)\n",
		      stderr);
		goto out;
	}
	snprintf(map, sizeof(map), "%s/entities/oui-registrants.tsv",
		 cs_cli_data_dir(data));
	oui = cs_oui_load(ieee, map, err, sizeof(err));
	if (oui == NULL)
		fprintf(stderr,
			"camsweep switches: no MAC registry (%s); devices "
			"only the switches know are not named\n",
			err);
	fpdb = cs_cli_load_fpdb(data, err, sizeof(err));
	if (fpdb == NULL)
		fprintf(stderr,
			"camsweep switches: fingerprints: %s; devices only "
			"the switches know keep their OUI name\n",
			err);
	a.fpdb = fpdb;
	a.st = st;
	a.file = &sf;
	a.site = site;
	a.oui = oui;
	a.dry = dry;
	a.now = (int64_t)time(NULL);
	a.on_device = on_device;
	switch (cs_audit_switches_run(&a)) {
	case 0:
		break;
	case CS_ENOTFOUND:
	case CS_ESCOPE:
		fprintf(stderr, "camsweep switches: %s\n", a.err);
		ret = EXIT_USAGE;
		goto out;
	default:
		fprintf(stderr, "camsweep switches: %s\n", a.err);
		goto out;
	}
	for (size_t i = 0; i < a.res.nup; i++) {
		char why[32];
		printf("uplink %s ", a.res.up[i].sw);
		cs_out_term(stdout, a.res.up[i].port);
		printf(" (%s: %u MACs, tagged in %u VLANs)\n",
		       cs_sw_uplink_why(a.res.up[i].why, why, sizeof(why)),
		       a.res.up[i].macs, a.res.up[i].vlans);
	}
	for (size_t i = 0; i < a.res.n; i++) {
		const struct cs_sw_place *p = &a.res.v[i];
		print_place(p->mac_text, p->ip, p->sw, p->port, p->vlan,
			    cs_sw_poe_name(p->poe), p->neigh, NULL, 0);
	}
	printf("%zu placed (%zu on inventory devices, %zu new devices), %zu "
	       "seen only on uplinks; %zu devices read, %zu failed, %zu "
	       "refused (outside the scope of scan %lld)%s\n",
	       a.res.n, a.linked, a.made, a.res.only_uplink, a.read_ok,
	       a.read_failed, a.refused, (long long)a.scan_id,
	       dry ? "; dry run: nothing recorded" : "");
	ret = a.read_failed > 0 || a.refused > 0 ? EXIT_RUNTIME : EXIT_OK;
out:
	cs_audit_switches_free(&a);
	cs_sw_file_free(&sf);
	cs_oui_free(oui);
	cs_fpdb_free(fpdb);
	cs_store_close(st);
	return ret;
}
