/* SPDX-License-Identifier: ISC */
/*
 * camsweep estate check | import-csv: an estate description checked and
 * summarised, or converted from spreadsheet exports (docs/estate.md).
 */
#include "cli/cli.h"
#include "cli/output.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/exitcode.h"
#include "policy/estate.h"
#include "policy/lex.h"
#include "core/poison.h"

static void
estate_usage(FILE *f)
{
	fputs("usage: camsweep estate check FILE\n"
	      "       camsweep estate import-csv SITES.csv NETWORKS.csv\n"
	      "  check: parses an estate description, prints a summary or\n"
	      "  file:line: errors; exit 0 valid, 1 invalid.\n"
	      "  import-csv: converts spreadsheet exports (docs/estate.md)\n"
	      "  to an estate description on stdout.\n",
	      f);
}

int
cs_cli_estate(int argc, char **argv)
{
	char err[8192];

	if (cs_cli_wants_help(argc, argv)) {
		estate_usage(stdout);
		return EXIT_OK;
	}
	if (argc >= 3 && strcmp(argv[1], "check") == 0) {
		struct cs_estate *e = cs_estate_load(argv[2], err, sizeof(err));
		size_t sens = 0, zones[4] = {0};
		if (e == NULL) {
			fputs(err, stderr);
			if (err[0] && err[strlen(err) - 1] != '\n')
				fputc('\n', stderr);
			return EXIT_USAGE;
		}
		for (size_t i = 0; i < e->nsite; i++)
			sens += e->site[i].sensitive;
		for (size_t i = 0; i < e->nnet; i++)
			zones[e->net[i].zone]++;
		printf("%s: %zu departments, %zu sites (%zu sensitive), %zu "
		       "networks (%zu core, %zu cctv, %zu other)\n",
		       argv[2], e->ndept, e->nsite, sens, e->nnet,
		       zones[CS_ZONE_CORE], zones[CS_ZONE_CCTV],
		       zones[CS_ZONE_OTHER]);
		for (size_t i = 0; i < e->nsite; i++) {
			const struct cs_estate_site *s = &e->site[i];
			printf("  site %s (%s) dept %s: %s%s%s\n", s->id,
			       s->name, s->dept,
			       s->sensitive ? "sensitive" : "not sensitive",
			       s->sensitive ? ", " : "", s->reason);
		}
		for (size_t i = 0; i < e->nvlan; i++)
			printf("  vlan %u%s%s: zone %s\n", e->vlan[i].id,
			       e->vlan[i].site[0] ? " site " : "",
			       e->vlan[i].site,
			       cs_estate_zone_name(e->vlan[i].zone));
		for (size_t i = 0; i < e->nsw; i++)
			printf("  switch %s%s%s: zone %s\n", e->sw[i].name,
			       e->sw[i].site[0] ? " site " : "", e->sw[i].site,
			       cs_estate_zone_name(e->sw[i].zone));
		cs_estate_free(e);
		return EXIT_OK;
	}
	if (argc >= 4 && strcmp(argv[1], "import-csv") == 0) {
		size_t ns, nn;
		uint8_t *ps, *pn;
		struct cs_buf out;
		int rc;
		ps = cs_policy_read_file(argv[2], CS_ESTATE_MAX_BYTES, &ns, err,
					 sizeof(err));
		if (ps == NULL) {
			fprintf(stderr, "camsweep estate: %s\n", err);
			return EXIT_USAGE;
		}
		pn = cs_policy_read_file(argv[3], CS_ESTATE_MAX_BYTES, &nn, err,
					 sizeof(err));
		if (pn == NULL) {
			free(ps);
			fprintf(stderr, "camsweep estate: %s\n", err);
			return EXIT_USAGE;
		}
		cs_buf_init(&out, CS_ESTATE_MAX_BYTES);
		rc = cs_estate_import_csv(ps, ns, pn, nn, &out, err,
					  sizeof(err));
		free(ps);
		free(pn);
		if (rc != 0) {
			fprintf(stderr, "camsweep estate import-csv: %s\n",
				err);
			cs_buf_free(&out);
			return EXIT_USAGE;
		}
		fwrite(out.p, 1, out.len, stdout);
		cs_buf_free(&out);
		return EXIT_OK;
	}
	estate_usage(argc >= 2 && strcmp(argv[1], "--help") == 0 ? stdout
								 : stderr);
	return argc >= 2 && strcmp(argv[1], "--help") == 0 ? EXIT_OK
							   : EXIT_USAGE;
}
