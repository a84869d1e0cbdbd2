/* SPDX-License-Identifier: ISC */
/*
 * Censys hosts (JSON Lines, gzip or not: one host a line or one search
 * answer page a line; parse/parse_censys.h) into one scan
 * (audit/import.h): hosts gathered by address, then stored.
 */
#include "audit/import.h"

#include <stdlib.h>
#include <string.h>

#include <zlib.h>

#include "audit/import_core.h"
#include "core/alloc.h"
#include "core/exitcode.h"
#include "core/str.h"
#include "parse/parse_censys.h"
#include "core/poison.h"

struct cz_run {
	struct cs_imp_run r;
	struct cs_imp_hosts map;
	int64_t first, last;
	uint64_t hosts, dropped;
};

static void
cz_host(void *arg, const struct cs_censys_host *c)
{
	struct cz_run *z = arg;
	struct cs_imp_host *h = cs_imp_host_get(&z->map, c->ip);

	z->hosts++;
	z->dropped += c->dropped;
	for (size_t i = 0; i < c->nports; i++)
		cs_imp_host_port(h, c->ports[i]);
	for (size_t i = 0; i < c->nitems; i++)
		cs_imp_item(&z->r, &h->obs, c->item[i].kind, c->item[i].data,
			    c->item[i].len, c->item[i].port,
			    c->item[i].service);
	cs_imp_span_time(c->ts, &z->first, &z->last);
}

int
cs_audit_import_censys(struct cs_audit_import *imp, const char *file)
{
	struct cz_run z = {0};
	struct cs_censys_host *h = cs_xcalloc(1, sizeof(*h));
	char *line = cs_xmalloc(CS_CENSYS_LINE_MAX + 2);
	char err[512] = "";
	uint64_t lines = 0, bad = 0;
	size_t n;
	gzFile gz;
	int rc = EXIT_RUNTIME, k;

	if ((gz = cs_imp_gz_open(imp, file)) == NULL) {
		goto out;
	}
	if (cs_imp_init(&z.r, imp) != 0)
		goto out;
	while ((k = cs_imp_gz_line(gz, line, CS_CENSYS_LINE_MAX, &n)) != 0) {
		lines++;
		if (k < 0) {
			cs_imp_say(imp, "%s:%llu: line over %u bytes", file,
				   (unsigned long long)lines,
				   CS_CENSYS_LINE_MAX);
			bad++;
			continue;
		}
		if (cs_span_trim(cs_span_make(line, n)).n == 0)
			continue;
		if (cs_censys_parse((const uint8_t *)line, n, h, cz_host, &z,
				    err, sizeof(err)) < 0 &&
		    bad++ < 10)
			cs_imp_say(imp, "%s:%llu: %s", file,
				   (unsigned long long)lines, err);
	}
	if (cs_imp_gz_failed(imp, gz, file))
		bad++;
	if (z.dropped > 0)
		cs_imp_say(imp,
			   "%s: %llu services or items over the caps of a "
			   "host dropped",
			   file, (unsigned long long)z.dropped);
	rc = cs_imp_store_hosts(&z.r, &z.map, "censys", file, z.first, z.last,
				bad);
out:
	if (gz != NULL)
		gzclose(gz);
	free(line);
	free(h);
	cs_imp_hosts_free(&z.map);
	cs_imp_done(&z.r);
	return rc;
}
