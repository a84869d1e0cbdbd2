/* SPDX-License-Identifier: ISC */
/*
 * Shodan banners (JSON Lines, gzip or not; parse/parse_shodan.h) into one
 * scan (audit/import.h): banners grouped by address, then stored.
 */
#include "audit/import.h"

#include <stdlib.h>
#include <string.h>

#include <zlib.h>

#include "audit/import_core.h"
#include "core/alloc.h"
#include "core/exitcode.h"
#include "parse/parse_shodan.h"
#include "core/poison.h"

int
cs_audit_import_shodan(struct cs_audit_import *imp, const char *file)
{
	struct cs_imp_run r = {0};
	struct cs_imp_hosts map = {0};
	struct cs_shodan_rec *rec = cs_xcalloc(1, sizeof(*rec));
	char err[512] = "";
	char *line = cs_xmalloc(CS_SHODAN_LINE_MAX + 2);
	uint64_t lines = 0, bad = 0;
	int64_t first = 0, last = 0;
	size_t n;
	gzFile gz;
	int rc = EXIT_RUNTIME, k;

	if ((gz = cs_imp_gz_open(imp, file)) == NULL) {
		free(rec);
		free(line);
		return EXIT_RUNTIME;
	}
	if (cs_imp_init(&r, imp) != 0)
		goto out;
	while ((k = cs_imp_gz_line(gz, line, CS_SHODAN_LINE_MAX, &n)) != 0) {
		struct cs_imp_host *h;

		lines++;
		if (k < 0) {
			cs_imp_say(imp, "%s:%llu: line over %u bytes", file,
				   (unsigned long long)lines,
				   CS_SHODAN_LINE_MAX);
			bad++;
			continue;
		}
		if (n == 0)
			continue;
		if (cs_shodan_parse((const uint8_t *)line, n, rec, err,
				    sizeof(err)) != 0) {
			if (bad++ < 10)
				cs_imp_say(imp, "%s:%llu: %s", file,
					   (unsigned long long)lines, err);
			continue;
		}
		h = cs_imp_host_get(&map, rec->ip);
		if (rec->tcp)
			cs_imp_host_port(h, rec->port);
		for (size_t i = 0; i < rec->nitems; i++)
			cs_imp_item(&r, &h->obs, rec->item[i].kind,
				    rec->item[i].data, rec->item[i].len,
				    rec->tcp ? rec->port : 0,
				    rec->item[i].service);
		cs_imp_span_time(rec->ts, &first, &last);
	}
	if (cs_imp_gz_failed(imp, gz, file))
		bad++;
	cs_imp_say(imp, "%s (shodan): %llu lines, %llu malformed", file,
		   (unsigned long long)lines, (unsigned long long)bad);
	rc = cs_imp_store_hosts(&r, &map, "shodan", file, first, last, bad);
out:
	gzclose(gz);
	free(line);
	free(rec);
	cs_imp_hosts_free(&map);
	cs_imp_done(&r);
	return rc;
}
