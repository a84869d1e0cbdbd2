/* SPDX-License-Identifier: ISC */
/*
 * Measures loading the MAC registry (cs_oui_load with the default sources,
 * or DIR, and the registrant map; the best CPU time of 15 loads) and
 * lookups per second on one core (3 M addresses, half of them under a real
 * MA-L prefix read from ieee-data's oui.csv).  Not a test: prints figures
 * (docs/oui.md).  Usage: bench_oui [MAPFILE [DIR]]
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "oui/oui.h"
#include "core/poison.h"

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int
main(int argc, char **argv)
{
	const char *map = argc > 1 ? argv[1] : NULL;
	const char *dir = argc > 2 ? argv[2] : NULL;
	char err[512] = "";
	struct cs_oui *db;
	struct cs_oui_hit h;
	double t0, t1, best = 1e9;
	unsigned long long x = 88172645463325252ull, found = 0;
	long i, n = 3000000;
	int k;
	static unsigned pre[40000];
	size_t npre = 0;

	for (k = 0; k < 15; k++) {
		t0 = now();
		db = cs_oui_load(dir, map, err, sizeof(err));
		t1 = now();
		if (db == NULL) {
			fprintf(stderr, "%s\n", err);
			return 1;
		}
		if (t1 - t0 < best)
			best = t1 - t0;
		if (k < 4)
			cs_oui_free(db);
	}
	printf("assignments %zu, load best of 15 (CPU time): %.3f s\n",
	       cs_oui_count(db), best);
	for (size_t j = 0; j < cs_oui_source_count(db); j++) {
		const struct cs_oui_source *s = cs_oui_source_at(db, j);
		char d[16];

		printf("  %s %s %s (%s) %zu entries, %zu skipped\n", s->path,
		       s->format, cs_oui_date_format(s->date, d, sizeof(d)),
		       s->date_kind, s->entries, s->skipped);
	}
	/* Half the lookups hit a real MA-L prefix read from oui.csv. */
	{
		FILE *f = fopen("/usr/share/ieee-data/oui.csv", "r");
		char line[4096];

		while (f != NULL && npre < 40000 &&
		       fgets(line, sizeof(line), f) != NULL) {
			char hex[7];

			if (strncmp(line, "MA-L,", 5) != 0 ||
			    strlen(line) < 12 || line[11] != ',')
				continue;
			memcpy(hex, line + 5, 6);
			hex[6] = '\0';
			pre[npre++] = (unsigned)strtoul(hex, NULL, 16);
		}
		if (f != NULL)
			fclose(f);
	}
	t0 = now();
	for (i = 0; i < n; i++) {
		uint8_t m[6];

		x ^= x << 13, x ^= x >> 7, x ^= x << 17;
		m[0] = (uint8_t)(x & 0xfc); /* unicast, universal */
		m[1] = (uint8_t)(x >> 8), m[2] = (uint8_t)(x >> 16);
		m[3] = (uint8_t)(x >> 24), m[4] = (uint8_t)(x >> 32);
		m[5] = (uint8_t)(x >> 40);
		if (npre > 0 && (i & 1)) {
			unsigned v = pre[(x >> 20) % npre];

			m[0] = (uint8_t)(v >> 16), m[1] = (uint8_t)(v >> 8);
			m[2] = (uint8_t)v;
		}
		if (cs_oui_lookup(db, m, &h) == 0)
			found++;
	}
	t1 = now();
	printf("lookups: %ld in %.3f s = %.2f M/s (%llu found)\n", n, t1 - t0,
	       (double)n / (t1 - t0) / 1e6, found);
	cs_oui_free(db);
	return 0;
}
