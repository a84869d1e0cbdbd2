/* SPDX-License-Identifier: ISC */
/*
 * A runZero asset export (JSON Lines or CSV, gzip or not;
 * parse/parse_runzero.h) into one scan (audit/import.h): the file read
 * whole, its assets gathered by address, then stored.
 */
#include "audit/import.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include <zlib.h>

#include "audit/import_core.h"
#include "core/alloc.h"
#include "core/buf.h"
#include "core/exitcode.h"
#include "core/str.h"
#include "core/text.h"
#include "parse/parse_runzero.h"
#include "core/poison.h"

#define RZ_FILE_MAX ((size_t)1 << 30) /* a runZero export read whole */

struct rz_run {
	struct cs_imp_run r;
	struct cs_imp_hosts map;
	int64_t first, last;
	uint64_t records, bad;
};

static void
rz_asset(struct rz_run *z, const struct cs_runzero_asset *a)
{
	struct cs_imp_host *h = cs_imp_host_get(&z->map, a->ip);

	for (size_t i = 0; i < a->nports; i++)
		cs_imp_host_port(h, a->ports[i]);
	for (size_t i = 0; i < a->nmacs; i++)
		cs_imp_item(&z->r, &h->obs, "mac", a->macs[i],
			    strlen(a->macs[i]), 0, "");
	cs_imp_span_time(a->first_seen, &z->first, &z->last);
	cs_imp_span_time(a->last_seen, &z->first, &z->last);
}

/* Reads all of file (gzip or not, '-' standard input), at most max. */
static int
slurp(const struct cs_audit_import *imp, const char *file, size_t max,
      struct cs_buf *b)
{
	gzFile gz = cs_imp_gz_open(imp, file);
	char chunk[1 << 16];
	int n, e;

	if (gz == NULL)
		return -1;
	cs_buf_init(b, max);
	while ((n = gzread(gz, chunk, sizeof(chunk))) > 0)
		if (cs_buf_add(b, chunk, (size_t)n) != 0) {
			cs_imp_say(imp, "%s: over %zu bytes", file, max);
			gzclose(gz);
			return -1;
		}
	if (n < 0) {
		cs_imp_say(imp, "%s: read error: %s", file, gzerror(gz, &e));
		gzclose(gz);
		return -1;
	}
	gzclose(gz);
	return 0;
}

/* JSON Lines: one asset a line. */
static void
rz_jsonl(struct rz_run *z, const char *file, const struct cs_buf *b,
	 struct cs_runzero_asset *a)
{
	struct cs_lines l;
	struct cs_span line;
	char err[512] = "";

	cs_lines_init(&l, b->p, b->len);
	while (cs_lines_next(&l, &line)) {
		if (cs_span_trim(line).n == 0)
			continue;
		z->records++;
		if (cs_runzero_json(line.p, line.n, a, err, sizeof(err)) != 0) {
			if (z->bad++ < 10)
				cs_imp_say(z->r.imp, "%s:%u: %s", file, l.line,
					   err);
			continue;
		}
		rz_asset(z, a);
	}
}

/* CSV: the header row names the fields.  Returns -1 when nothing could
 * be read (no header, or an error before the first record). */
static int
rz_csv(struct rz_run *z, const char *file, const struct cs_buf *b,
       struct cs_runzero_asset *a)
{
	struct cs_csv *c = cs_xmalloc(sizeof(*c));
	const char *f[CS_CSV_MAX_FIELDS];
	struct cs_runzero_cols cols;
	char err[512] = "";
	bool head = true;
	int k;

	cs_csv_init(c, cs_span_make(b->p, b->len));
	while ((k = cs_csv_next(c, err, sizeof(err))) == 1) {
		for (size_t j = 0; j < c->nfield; j++)
			f[j] = c->field[j];
		if (head) {
			head = false;
			if (cs_runzero_csv_header(&cols, f, c->nfield, err,
						  sizeof(err)) == 0)
				continue;
			k = CS_EPROTO;
			break;
		}
		z->records++;
		if (cs_runzero_csv_row(&cols, f, c->nfield, a, err,
				       sizeof(err)) != 0) {
			if (z->bad++ < 10)
				cs_imp_say(z->r.imp, "%s:%u: %s", file, c->line,
					   err);
			continue;
		}
		rz_asset(z, a);
	}
	free(c);
	if (k < 0 || head) {
		cs_imp_say(z->r.imp, "%s: %s", file,
			   head ? "empty: no CSV header" : err);
		z->bad++;
		if (z->records == 0)
			return -1;
	}
	return 0;
}

int
cs_audit_import_runzero(struct cs_audit_import *imp, const char *file)
{
	struct rz_run z = {0};
	struct cs_runzero_asset *a = cs_xcalloc(1, sizeof(*a));
	struct cs_buf b = {0};
	size_t i = 0;
	int rc = EXIT_RUNTIME;

	if (slurp(imp, file, RZ_FILE_MAX, &b) != 0 ||
	    cs_imp_init(&z.r, imp) != 0)
		goto out;
	while (i < b.len && strchr(" \t\r\n", b.p[i]) != NULL)
		i++;
	if (i < b.len && b.p[i] == '{')
		rz_jsonl(&z, file, &b, a);
	else if (rz_csv(&z, file, &b, a) != 0)
		goto out;
	rc = cs_imp_store_hosts(&z.r, &z.map, "runzero", file, z.first, z.last,
				z.bad);
out:
	cs_buf_free(&b);
	free(a);
	cs_imp_hosts_free(&z.map);
	cs_imp_done(&z.r);
	return rc;
}
