/* SPDX-License-Identifier: ISC */
/*
 * The identify subcommand: JSON Lines of observations on stdin, one
 * identity per line on stdout (see docs/identify.md).  This file only
 * wires options, the fingerprint database and the OUI registry to
 * cs_ident_run.
 */
#include "cli/cli.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/addr.h"
#include "core/exitcode.h"
#include "core/str.h"
#include "fp/fp.h"
#include "ident/ident.h"
#include "oui/oui.h"
#include "store/store.h"
#include "core/poison.h"

/* The OUI registry, loaded on the first MAC address seen. */
struct oui_state {
	const char *ieee_dir; /* NULL: the default */
	char map_path[4096];
	struct cs_oui *db;
	bool tried, disabled;
};

static int
mac_lookup(void *arg, const uint8_t mac[6], unsigned bits, char *maker,
	   size_t makersz, char *registrant, size_t regsz)
{
	struct oui_state *s = arg;
	struct cs_oui_hit hit;
	char err[512];

	if (s->disabled)
		return CS_ENOTFOUND;
	if (!s->tried) {
		s->tried = true;
		s->db = cs_oui_load(s->ieee_dir, s->map_path, err, sizeof(err));
		if (s->db == NULL)
			fprintf(stderr,
				"camsweep identify: MAC registry not loaded "
				"(%s); MAC addresses are reported without "
				"their registrant\n",
				err);
	}
	if (s->db == NULL || cs_oui_lookup_prefix(s->db, mac, bits, &hit) != 0)
		return CS_ENOTFOUND;
	cs_strlcpy(maker, hit.maker, makersz);
	cs_strlcpy(registrant, hit.registrant, regsz);
	return 0;
}

/*
 * identify --db: each identity whose id or device value is an IP address
 * becomes a host of one scan record (vantage "identify"), with the ports
 * its observations came from; others are counted, not stored.
 */
struct id_store {
	struct cs_store *st;
	int64_t scan_id, now;
	unsigned long long stored, skipped;
	int err;
};

static int
cmp_u16(const void *a, const void *b)
{
	return (int)*(const uint16_t *)a - (int)*(const uint16_t *)b;
}

static void
store_identity(void *arg, const struct cs_ident_val *v,
	       const struct cs_obs_list *obs, const struct cs_identity *id)
{
	struct id_store *s = arg;
	struct cs_host_result hr;
	char ip[64];
	uint16_t ports[64];
	size_t np = 0;

	if (v->type != CS_IDENT_STRING || v->len >= sizeof(ip) ||
	    memchr(v->s, '\0', v->len) != NULL) {
		s->skipped++;
		return;
	}
	memcpy(ip, v->s, v->len);
	ip[v->len] = '\0';
	if (cs_ip_family(ip, NULL) == 0) {
		s->skipped++;
		return;
	}
	for (size_t i = 0; i < obs->n; i++) {
		bool dup = obs->v[i].port == 0;
		for (size_t k = 0; k < np && !dup; k++)
			dup = ports[k] == obs->v[i].port;
		if (!dup && np < CS_NELEM(ports))
			ports[np++] = obs->v[i].port;
	}
	qsort(ports, np, sizeof(ports[0]), cmp_u16);
	memset(&hr, 0, sizeof(hr));
	hr.ip = ip;
	hr.ports = ports;
	hr.nports = np;
	hr.obs = obs;
	hr.id = id;
	hr.seen_at = s->now;
	if (cs_store_put_host(s->st, s->scan_id, &hr) != 0) {
		if (s->err++ == 0)
			fprintf(stderr, "camsweep identify: store: %s\n",
				cs_store_errmsg(s->st));
		return;
	}
	s->stored++;
}

static void
usage(FILE *f)
{
	fputs("usage: camsweep identify [--data DIR] [--ieee-data DIR] "
	      "[--no-oui] [--db PATH|URI] < observations.jsonl\n"
	      "  --db: record the identities whose id or device is an IP "
	      "address as\n"
	      "  one scan (vantage \"identify\"), shown and assessed like "
	      "any scan\n"
	      "  reads one observation per line as JSON "
	      "{\"id\",\"kind\",\"data\"|\"data_hex\",\"device\",\"port\","
	      "\"service\"}\n"
	      "  and writes one identity per line; see docs/identify.md\n",
	      f);
}

int
cs_cli_identify(int argc, char **argv)
{
	static const struct option longopts[] = {
	    {"data", required_argument, NULL, 'd'},
	    {"ieee-data", required_argument, NULL, 'I'},
	    {"no-oui", no_argument, NULL, 'N'},
	    {"stats", no_argument, NULL, 's'},
	    {"db", required_argument, NULL, 'D'},
	    {"help", no_argument, NULL, 'h'},
	    {NULL, 0, NULL, 0},
	};
	struct oui_state oui;
	struct cs_ident_opts o;
	struct cs_ident_stats st;
	struct cs_fpdb *db;
	const char *data = NULL, *db_path = NULL;
	struct id_store ids = {0};
	char fpdir[4096], entdir[4096], err[512];
	bool stats = false;
	int c, rc;

	memset(&oui, 0, sizeof(oui));
	optind = 1;
	while ((c = getopt_long(argc, argv, "d:h", longopts, NULL)) != -1) {
		switch (c) {
		case 'd':
			data = optarg;
			break;
		case 'D':
			db_path = optarg;
			break;
		case 'I':
			oui.ieee_dir = optarg;
			break;
		case 'N':
			oui.disabled = true;
			break;
		case 's':
			stats = true;
			break;
		case 'h':
			usage(stdout);
			return EXIT_OK;
		default:
			usage(stderr);
			return EXIT_USAGE;
		}
	}
	if (optind != argc) {
		usage(stderr);
		return EXIT_USAGE;
	}
	snprintf(fpdir, sizeof(fpdir), "%s/fingerprints",
		 cs_cli_data_dir(data));
	snprintf(entdir, sizeof(entdir), "%s/entities", cs_cli_data_dir(data));
	snprintf(oui.map_path, sizeof(oui.map_path),
		 "%s/entities/oui-registrants.tsv", cs_cli_data_dir(data));
	db = cs_fpdb_load(fpdir, entdir, err, sizeof(err));
	if (db == NULL) {
		fprintf(stderr, "camsweep identify: fingerprints: %s\n", err);
		return EXIT_RUNTIME;
	}
	/* Hyperscan names the rules that can match each value (fp_pre.c);
	 * CAMSWEEP_FP_ENGINE=pcre2 runs every rule of the key instead. */
	(void)cs_fpdb_prefilter_auto(db);
	memset(&o, 0, sizeof(o));
	o.mac_fn = mac_lookup;
	o.mac_arg = &oui;
	/* CAMSWEEP_IDENT_MEMO=off decodes every message anew (the benches
	 * measure both; src/ident/memo.h) */
	o.no_memo = getenv("CAMSWEEP_IDENT_MEMO") != NULL &&
		    strcmp(getenv("CAMSWEEP_IDENT_MEMO"), "off") == 0;
	if (db_path != NULL) {
		struct cs_scan_info info;

		cs_cli_prepare_db(db_path);
		if ((ids.st = cs_store_open(db_path, err, sizeof(err))) ==
		    NULL) {
			fprintf(stderr, "camsweep identify: %s: %s\n",
				CS_STORE_SHOW(db_path), err);
			cs_fpdb_free(db);
			return EXIT_RUNTIME;
		}
		memset(&info, 0, sizeof(info));
		info.scope = "(identified)";
		info.exclusions = "";
		info.ports = "";
		info.options = "{\"source\":\"identify\"}";
		info.vantage = "identify";
		info.version = "0.1.0";
		info.started = ids.now = (int64_t)time(NULL);
		if (cs_store_scan_begin(ids.st, &info, &ids.scan_id) != 0) {
			fprintf(stderr, "camsweep identify: %s: %s\n",
				CS_STORE_SHOW(db_path),
				cs_store_errmsg(ids.st));
			cs_store_close(ids.st);
			cs_fpdb_free(db);
			return EXIT_RUNTIME;
		}
		o.on_identity = store_identity;
		o.on_identity_arg = &ids;
	}
	setvbuf(stdout, NULL, _IOFBF, 1 << 16);
	rc = cs_ident_run(db, stdin, stdout, stderr, &o, &st);
	if (stats)
		fprintf(stderr,
			"identify: %llu lines, %llu errors, %llu malformed, "
			"%llu identities, %llu early flushes\n",
			(unsigned long long)st.lines,
			(unsigned long long)st.errors,
			(unsigned long long)st.malformed,
			(unsigned long long)st.identities,
			(unsigned long long)st.early_flush);
	if (stats)
		fprintf(stderr,
			"identify: memo: %llu of %llu messages found, "
			"%llu of %llu observations found, %llu of %llu "
			"identities found\n",
			(unsigned long long)st.memo_hits,
			(unsigned long long)st.memo_lookups,
			(unsigned long long)st.obs_hits,
			(unsigned long long)st.obs_lookups,
			(unsigned long long)st.id_hits,
			(unsigned long long)st.id_lookups);
	if (ids.st != NULL) {
		cs_store_scan_end(ids.st, ids.scan_id,
				  rc == 0 && ids.err == 0 ? "complete"
							  : "incomplete",
				  (int64_t)time(NULL));
		fprintf(stderr,
			"camsweep identify: scan %lld: %llu identities "
			"recorded, %llu without an IP address as id or device "
			"not recorded\n",
			(long long)ids.scan_id, ids.stored, ids.skipped);
		cs_store_close(ids.st);
		if (ids.err != 0 && rc == 0)
			rc = CS_EIO;
	}
	cs_oui_free(oui.db);
	cs_fpdb_free(db);
	if (rc != 0) {
		fprintf(stderr, "camsweep identify: %s\n", cs_strerror(rc));
		return EXIT_RUNTIME;
	}
	return EXIT_OK;
}
