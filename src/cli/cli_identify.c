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

#include "core/exitcode.h"
#include "core/str.h"
#include "fp/fp.h"
#include "ident/ident.h"
#include "oui/oui.h"
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

static void
usage(FILE *f)
{
	fputs("usage: camsweep identify [--data DIR] [--ieee-data DIR] "
	      "[--no-oui] < observations.jsonl\n"
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
	    {"help", no_argument, NULL, 'h'},
	    {NULL, 0, NULL, 0},
	};
	struct oui_state oui;
	struct cs_ident_opts o;
	struct cs_ident_stats st;
	struct cs_fpdb *db;
	const char *data = NULL;
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
	cs_oui_free(oui.db);
	cs_fpdb_free(db);
	if (rc != 0) {
		fprintf(stderr, "camsweep identify: %s\n", cs_strerror(rc));
		return EXIT_RUNTIME;
	}
	return EXIT_OK;
}
