/* SPDX-License-Identifier: ISC */
/*
 * The import use case (audit/import.h): nmap, Shodan, runZero, Censys and
 * Zeek records into one scan of the inventory each, every host identified
 * from the evidence it carries (parse_nmapxml.h, parse_shodan.h, ...).
 * `camsweep import` (cli/cli_import.c) parses its options and calls one.
 */
#include "audit/import.h"

#include <errno.h>
#include <getopt.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <arpa/inet.h>

#include <zlib.h>

#include "core/alloc.h"
#include "core/exitcode.h"
#include "core/buf.h"
#include "core/escape.h"
#include "core/obs.h"
#include "core/str.h"
#include "fp/fp.h"
#include "ident/ident.h"
#include "core/text.h"
#include "parse/parse_censys.h"
#include "parse/parse_nmapxml.h"
#include "parse/parse_runzero.h"
#include "parse/parse_shodan.h"
#include "parse/parse_zeek.h"
#include "store/store.h"
#include "core/poison.h"

#define CS_IMPORT_VERSION "0.1.0"

struct import_run {
	const char *file, *db_show;
	struct cs_nmapxml *px; /* for the run's attributes */
	char *opts;
	struct cs_fpdb *fp;
	struct cs_ident_dec *dec;
	struct cs_store *store;
	int64_t scan_id, seen_at;
	uint64_t hosts, skipped, items, undecoded;
	int store_err;
	bool begun, begin_failed;
};

static char *options_json(const char *source, const char *file,
			  const struct cs_nmap_run *run);
struct sh_map;
static int store_hosts(struct import_run *r, struct sh_map *map,
		       struct cs_audit_import *imp, const char *source,
		       const char *file, int64_t first, int64_t last,
		       uint64_t bad);

/*
 * Opens the scan record once the run's attributes are known: at the
 * first host (<nmaprun> comes before any) or at the end of a file with
 * none.  Its start is the tool's own.
 */
static int
begin_scan(struct import_run *r)
{
	const struct cs_nmap_run *run = cs_nmapxml_run(r->px);
	struct cs_scan_info info;

	if (r->begun)
		return r->begin_failed ? -1 : 0;
	r->begun = true;
	r->opts = options_json("nmap", r->file, run);
	memset(&info, 0, sizeof(info));
	info.scope = "(imported)";
	info.exclusions = "";
	info.ports = "";
	info.options = r->opts;
	info.vantage = "nmap import";
	info.version = CS_IMPORT_VERSION;
	info.started = run->start > 0 ? run->start : (int64_t)time(NULL);
	r->seen_at = info.started;
	if (cs_store_scan_begin(r->store, &info, &r->scan_id) != 0) {
		fprintf(stderr, "camsweep import: %s: %s\n", r->db_show,
			cs_store_errmsg(r->store));
		r->begin_failed = true;
		return -1;
	}
	return 0;
}

static int
cmp_port(const void *a, const void *b)
{
	return (int)*(const uint16_t *)a - (int)*(const uint16_t *)b;
}

static int
on_nmap_host(void *arg, const struct cs_nmap_host *h)
{
	struct import_run *r = arg;
	struct cs_obs_list obs;
	struct cs_identity id;
	struct cs_host_result hr;
	uint16_t ports[CS_NMAP_PORTS_MAX];
	size_t np = 0;

	if (begin_scan(r) != 0)
		return CS_EIO;
	if (!h->up || h->ip[0] == '\0') {
		r->skipped++;
		return 0;
	}
	cs_obs_list_init(&obs);
	for (size_t i = 0; i < h->nports; i++) {
		bool dup = false;
		for (size_t k = 0; k < np; k++)
			dup |= ports[k] == h->ports[i];
		if (!dup)
			ports[np++] = h->ports[i];
	}
	qsort(ports, np, sizeof(ports[0]), cmp_port);
	for (size_t i = 0; i < np; i++)
		cs_obs_add(&obs, "tcp.open", ports[i], 0, "", 0);
	for (size_t i = 0; i < h->nitems; i++) {
		const struct cs_nmap_item *it = &h->item[i];
		r->items++;
		if (cs_ident_decode(r->dec, it->kind, (const uint8_t *)it->data,
				    it->len, it->port, it->service, &obs) != 0)
			r->undecoded++;
	}
	cs_fp_identify(r->fp, &obs, &id);
	memset(&hr, 0, sizeof(hr));
	hr.ip = h->ip;
	hr.ports = ports;
	hr.nports = np;
	hr.obs = &obs;
	hr.id = &id;
	hr.seen_at = r->seen_at;
	if (cs_store_put_host(r->store, r->scan_id, &hr) != 0 &&
	    r->store_err++ == 0)
		fprintf(stderr, "camsweep import: store: %s\n",
			cs_store_errmsg(r->store));
	r->hosts++;
	cs_obs_list_free(&obs);
	return 0;
}

/* Appends ,"key":"value" (value JSON-escaped) to b. */
static void
opt_add(struct cs_buf *b, const char *key, const char *val)
{
	if (b->len > 1)
		cs_buf_adds(b, ",");
	cs_esc_json(b, key, strlen(key));
	cs_buf_adds(b, ":");
	cs_esc_json(b, val, strlen(val));
}

/* The scan's options: {"source", "file"[, "scanner", "scanner_version",
 * "args"]}, compact, in that order. */
static char *
options_json(const char *source, const char *file,
	     const struct cs_nmap_run *run)
{
	struct cs_buf b;
	char *s;

	cs_buf_init(&b, 1 << 16);
	cs_buf_adds(&b, "{");
	opt_add(&b, "source", source);
	opt_add(&b, "file", file);
	if (run != NULL && run->seen) {
		opt_add(&b, "scanner", run->scanner);
		opt_add(&b, "scanner_version", run->version);
		opt_add(&b, "args", run->args);
	}
	cs_buf_adds(&b, "}");
	cs_buf_add(&b, "", 1);
	s = cs_xstrdup(b.p ? (const char *)b.p : "{}");
	cs_buf_free(&b);
	return s;
}

int
cs_audit_import_nmap(struct cs_audit_import *imp, const char *file)
{
	struct import_run r = {0};
	struct cs_nmapxml *px = NULL;
	char fpdir[4096], entdir[4096], err[512] = "";
	char *buf = NULL;
	FILE *f = NULL;
	int rc = EXIT_RUNTIME, prc = 0;
	const size_t chunk = 1 << 16;

	f = strcmp(file, "-") == 0 ? stdin : fopen(file, "re");
	if (f == NULL) {
		fprintf(stderr, "camsweep import: %s: %s\n", file,
			strerror(errno));
		return EXIT_RUNTIME;
	}
	snprintf(fpdir, sizeof(fpdir), "%s/fingerprints", imp->data_dir);
	snprintf(entdir, sizeof(entdir), "%s/entities", imp->data_dir);
	if ((r.fp = cs_fpdb_load(fpdir, entdir, err, sizeof(err))) == NULL) {
		fprintf(stderr, "camsweep import: fingerprints: %s\n", err);
		goto out;
	}
	r.dec = cs_ident_dec_new();
	cs_ident_dec_set_mac_lookup(r.dec, imp->mac_lookup, imp->mac_arg);
	if (imp->prepare_db != NULL)
		imp->prepare_db(imp->db_path);
	if ((r.store = cs_store_open(imp->db_path, err, sizeof(err))) == NULL) {
		fprintf(stderr, "camsweep import: %s: %s\n",
			CS_STORE_SHOW(imp->db_path), err);
		goto out;
	}
	px = cs_nmapxml_new(on_nmap_host, &r);
	if (px == NULL) {
		fputs("camsweep import: out of memory\n", stderr);
		goto out;
	}
	buf = cs_xmalloc(chunk);
	r.file = file;
	r.db_show = CS_STORE_SHOW(imp->db_path);
	r.px = px;
	for (;;) {
		size_t n = fread(buf, 1, chunk, f);
		bool last = n < chunk;

		prc = cs_nmapxml_feed(px, (const uint8_t *)buf, n, last, err,
				      sizeof(err));
		if (prc != 0 || last)
			break;
	}
	if (prc == 0 && begin_scan(&r) != 0)
		prc = CS_EIO;
	if (r.begin_failed)
		goto out;
	if (ferror(f)) {
		fprintf(stderr, "camsweep import: %s: read error\n", file);
		prc = CS_EIO;
	}
	if (prc != 0)
		fprintf(stderr, "camsweep import: %s: %s\n", file, err);
	if (!r.begun) /* no scan record: nothing was read */
		goto out;
	cs_store_scan_end(
	    r.store, r.scan_id,
	    prc == 0 && r.store_err == 0 ? "complete" : "incomplete",
	    cs_nmapxml_run(px)->finished > 0 ? cs_nmapxml_run(px)->finished
					     : (int64_t)time(NULL));
	fprintf(stderr,
		"camsweep import: scan %lld from %s (nmap%s%s): %llu hosts "
		"imported, %llu down or without an address skipped, %llu "
		"evidence items (%llu not decodable)\n",
		(long long)r.scan_id, file,
		cs_nmapxml_run(px)->version[0] ? " " : "",
		cs_nmapxml_run(px)->version, (unsigned long long)r.hosts,
		(unsigned long long)r.skipped, (unsigned long long)r.items,
		(unsigned long long)r.undecoded);
	rc = prc == 0 && r.store_err == 0 ? EXIT_OK : EXIT_RUNTIME;
out:
	imp->scan_id = r.scan_id;
	imp->hosts = r.hosts;
	if (f != NULL && f != stdin)
		fclose(f);
	free(buf);
	free(r.opts);
	cs_nmapxml_free(px);
	cs_store_close(r.store);
	cs_ident_dec_free(r.dec);
	cs_fpdb_free(r.fp);
	return rc;
}

/* ---- shodan: banners grouped by address ---- */

#define SH_PORTS_MAX 256

struct sh_host {
	char ip[46];
	uint16_t ports[SH_PORTS_MAX];
	size_t np;
	struct cs_obs_list obs;
};

struct sh_map {
	struct sh_host *h;
	size_t n, cap;
	size_t *slot; /* index + 1 into h; 0 empty */
	size_t nslot; /* a power of two, > 2 n */
};

static uint64_t
fnv1a(const char *s)
{
	uint64_t x = 1469598103934665603ull;

	for (; *s; s++)
		x = (x ^ (uint8_t)*s) * 1099511628211ull;
	return x;
}

static void
sh_rehash(struct sh_map *m)
{
	size_t ns = m->nslot ? m->nslot * 2 : 1024;

	free(m->slot);
	m->slot = cs_xcalloc(ns, sizeof(*m->slot));
	m->nslot = ns;
	for (size_t i = 0; i < m->n; i++) {
		size_t k = (size_t)fnv1a(m->h[i].ip) & (ns - 1);
		while (m->slot[k])
			k = (k + 1) & (ns - 1);
		m->slot[k] = i + 1;
	}
}

static struct sh_host *
sh_get(struct sh_map *m, const char *ip)
{
	size_t k;

	if (2 * (m->n + 1) >= m->nslot)
		sh_rehash(m);
	k = (size_t)fnv1a(ip) & (m->nslot - 1);
	while (m->slot[k]) {
		if (strcmp(m->h[m->slot[k] - 1].ip, ip) == 0)
			return &m->h[m->slot[k] - 1];
		k = (k + 1) & (m->nslot - 1);
	}
	if (m->n == m->cap) {
		m->cap = m->cap ? 2 * m->cap : 256;
		m->h = cs_xrealloc(m->h, m->cap, sizeof(*m->h));
	}
	memset(&m->h[m->n], 0, sizeof(m->h[0]));
	cs_strlcpy(m->h[m->n].ip, ip, sizeof(m->h[0].ip));
	cs_obs_list_init(&m->h[m->n].obs);
	m->slot[k] = ++m->n;
	return &m->h[m->n - 1];
}

static void
sh_free(struct sh_map *m)
{
	for (size_t i = 0; i < m->n; i++)
		cs_obs_list_free(&m->h[i].obs);
	free(m->h);
	free(m->slot);
}

int
cs_audit_import_shodan(struct cs_audit_import *imp, const char *file)
{
	struct import_run r = {0};
	struct sh_map map = {0};
	struct cs_shodan_rec *rec = cs_xcalloc(1, sizeof(*rec));
	char fpdir[4096], entdir[4096], err[512] = "";
	char *line = cs_xmalloc(CS_SHODAN_LINE_MAX + 2);
	uint64_t lines = 0, bad = 0;
	int64_t first = 0, last = 0;
	gzFile gz;
	int rc = EXIT_RUNTIME;

	gz = strcmp(file, "-") == 0 ? gzdopen(0, "rb") : gzopen(file, "rb");
	if (gz == NULL) {
		fprintf(stderr, "camsweep import: %s: %s\n", file,
			strerror(errno));
		free(rec);
		free(line);
		return EXIT_RUNTIME;
	}
	snprintf(fpdir, sizeof(fpdir), "%s/fingerprints", imp->data_dir);
	snprintf(entdir, sizeof(entdir), "%s/entities", imp->data_dir);
	if ((r.fp = cs_fpdb_load(fpdir, entdir, err, sizeof(err))) == NULL) {
		fprintf(stderr, "camsweep import: fingerprints: %s\n", err);
		goto out;
	}
	r.dec = cs_ident_dec_new();
	cs_ident_dec_set_mac_lookup(r.dec, imp->mac_lookup, imp->mac_arg);
	while (gzgets(gz, line, (int)CS_SHODAN_LINE_MAX + 2) != NULL) {
		size_t n = strlen(line);
		struct sh_host *h;

		lines++;
		if (n > 0 && line[n - 1] == '\n')
			line[--n] = '\0';
		else if (!gzeof(gz)) { /* over the cap: skip the rest */
			int ch;
			while ((ch = gzgetc(gz)) != -1 && ch != '\n')
				;
			fprintf(stderr,
				"camsweep import: %s:%llu: line over %u "
				"bytes\n",
				file, (unsigned long long)lines,
				CS_SHODAN_LINE_MAX);
			bad++;
			continue;
		}
		if (n > 0 && line[n - 1] == '\r')
			line[--n] = '\0';
		if (n == 0)
			continue;
		if (cs_shodan_parse((const uint8_t *)line, n, rec, err,
				    sizeof(err)) != 0) {
			if (bad++ < 10)
				fprintf(stderr,
					"camsweep import: %s:%llu: %s\n", file,
					(unsigned long long)lines, err);
			continue;
		}
		h = sh_get(&map, rec->ip);
		if (rec->tcp && rec->port != 0) {
			bool dup = false;
			for (size_t i = 0; i < h->np; i++)
				dup |= h->ports[i] == rec->port;
			if (!dup && h->np < SH_PORTS_MAX) {
				h->ports[h->np++] = rec->port;
				cs_obs_add(&h->obs, "tcp.open", rec->port, 0,
					   "", 0);
			}
		}
		for (size_t i = 0; i < rec->nitems; i++) {
			r.items++;
			if (cs_ident_decode(r.dec, rec->item[i].kind,
					    (const uint8_t *)rec->item[i].data,
					    rec->item[i].len,
					    rec->tcp ? rec->port : 0,
					    rec->item[i].service, &h->obs) != 0)
				r.undecoded++;
		}
		if (rec->ts > 0 && (first == 0 || rec->ts < first))
			first = rec->ts;
		if (rec->ts > last)
			last = rec->ts;
	}
	if (!gzeof(gz)) {
		int e;
		fprintf(stderr, "camsweep import: %s: read error: %s\n", file,
			gzerror(gz, &e));
		bad++;
	}
	fprintf(stderr,
		"camsweep import: %s (shodan): %llu lines, %llu "
		"malformed\n",
		file, (unsigned long long)lines, (unsigned long long)bad);
	rc = store_hosts(&r, &map, imp, "shodan", file, first, last, bad);
out:
	imp->scan_id = r.scan_id;
	imp->hosts = r.hosts;
	gzclose(gz);
	free(line);
	free(rec);
	free(r.opts);
	sh_free(&map);
	cs_store_close(r.store);
	cs_ident_dec_free(r.dec);
	cs_fpdb_free(r.fp);
	return rc;
}

/* ---- runzero and censys: hosts gathered, then stored ---- */

/*
 * Opens the inventory and records map's hosts as one scan whose vantage
 * is "<source> import" and whose options name the source and file;
 * bad > 0 (lines or records refused) marks it incomplete.  Returns the
 * exit status.
 */
static int
store_hosts(struct import_run *r, struct sh_map *map,
	    struct cs_audit_import *imp, const char *source, const char *file,
	    int64_t first, int64_t last, uint64_t bad)
{
	struct cs_scan_info info;
	char err[512] = "", vantage[64];

	if (imp->prepare_db != NULL)
		imp->prepare_db(imp->db_path);
	if ((r->store = cs_store_open(imp->db_path, err, sizeof(err))) ==
	    NULL) {
		fprintf(stderr, "camsweep import: %s: %s\n",
			CS_STORE_SHOW(imp->db_path), err);
		return EXIT_RUNTIME;
	}
	r->opts = options_json(source, file, NULL);
	snprintf(vantage, sizeof(vantage), "%s import", source);
	memset(&info, 0, sizeof(info));
	info.scope = "(imported)";
	info.exclusions = "";
	info.ports = "";
	info.options = r->opts;
	info.vantage = vantage;
	info.version = CS_IMPORT_VERSION;
	info.started = first > 0 ? first : (int64_t)time(NULL);
	if (cs_store_scan_begin(r->store, &info, &r->scan_id) != 0) {
		fprintf(stderr, "camsweep import: %s: %s\n",
			CS_STORE_SHOW(imp->db_path), cs_store_errmsg(r->store));
		return EXIT_RUNTIME;
	}
	for (size_t i = 0; i < map->n; i++) {
		struct sh_host *h = &map->h[i];
		struct cs_identity id;
		struct cs_host_result hr;

		qsort(h->ports, h->np, sizeof(h->ports[0]), cmp_port);
		cs_fp_identify(r->fp, &h->obs, &id);
		memset(&hr, 0, sizeof(hr));
		hr.ip = h->ip;
		hr.ports = h->ports;
		hr.nports = h->np;
		hr.obs = &h->obs;
		hr.id = &id;
		hr.seen_at = info.started;
		if (cs_store_put_host(r->store, r->scan_id, &hr) != 0 &&
		    r->store_err++ == 0)
			fprintf(stderr, "camsweep import: store: %s\n",
				cs_store_errmsg(r->store));
		else
			r->hosts++;
	}
	cs_store_scan_end(r->store, r->scan_id,
			  bad == 0 && r->store_err == 0 ? "complete"
							: "incomplete",
			  last > 0 ? last : (int64_t)time(NULL));
	fprintf(stderr,
		"camsweep import: scan %lld from %s (%s): %llu refused; %llu "
		"hosts imported, %llu evidence items (%llu not decodable)\n",
		(long long)r->scan_id, file, source, (unsigned long long)bad,
		(unsigned long long)r->hosts, (unsigned long long)r->items,
		(unsigned long long)r->undecoded);
	return bad == 0 && r->store_err == 0 ? EXIT_OK : EXIT_RUNTIME;
}

/* Loads the fingerprints and the decoder with its MAC registry. */
static int
load_ident(struct import_run *r, const struct cs_audit_import *imp)
{
	char fpdir[4096], entdir[4096], err[512] = "";

	snprintf(fpdir, sizeof(fpdir), "%s/fingerprints", imp->data_dir);
	snprintf(entdir, sizeof(entdir), "%s/entities", imp->data_dir);
	if ((r->fp = cs_fpdb_load(fpdir, entdir, err, sizeof(err))) == NULL) {
		fprintf(stderr, "camsweep import: fingerprints: %s\n", err);
		return -1;
	}
	r->dec = cs_ident_dec_new();
	cs_ident_dec_set_mac_lookup(r->dec, imp->mac_lookup, imp->mac_arg);
	return 0;
}

static void
host_port(struct sh_host *h, uint16_t port)
{
	for (size_t i = 0; i < h->np; i++)
		if (h->ports[i] == port)
			return;
	if (port != 0 && h->np < SH_PORTS_MAX) {
		h->ports[h->np++] = port;
		cs_obs_add(&h->obs, "tcp.open", port, 0, "", 0);
	}
}

static void
host_item(struct import_run *r, struct sh_host *h, const char *kind,
	  const char *data, size_t len, uint16_t port, const char *service)
{
	r->items++;
	if (cs_ident_decode(r->dec, kind, (const uint8_t *)data, len, port,
			    service, &h->obs) != 0)
		r->undecoded++;
}

static void
span_time(int64_t t, int64_t *first, int64_t *last)
{
	if (t > 0 && (*first == 0 || t < *first))
		*first = t;
	if (t > *last)
		*last = t;
}

struct rz_run {
	struct import_run *r;
	struct sh_map map;
	int64_t first, last;
	uint64_t records, bad;
};

static void
rz_asset(struct rz_run *z, const struct cs_runzero_asset *a)
{
	struct sh_host *h = sh_get(&z->map, a->ip);

	for (size_t i = 0; i < a->nports; i++)
		host_port(h, a->ports[i]);
	for (size_t i = 0; i < a->nmacs; i++)
		host_item(z->r, h, "mac", a->macs[i], strlen(a->macs[i]), 0,
			  "");
	span_time(a->first_seen, &z->first, &z->last);
	span_time(a->last_seen, &z->first, &z->last);
}

/* Reads all of file (gzip or not, '-' standard input), at most max. */
static int
slurp(const char *file, size_t max, struct cs_buf *b)
{
	gzFile gz =
	    strcmp(file, "-") == 0 ? gzdopen(0, "rb") : gzopen(file, "rb");
	char chunk[1 << 16];
	int n, e;

	if (gz == NULL) {
		fprintf(stderr, "camsweep import: %s: %s\n", file,
			strerror(errno));
		return -1;
	}
	cs_buf_init(b, max);
	while ((n = gzread(gz, chunk, sizeof(chunk))) > 0)
		if (cs_buf_add(b, chunk, (size_t)n) != 0) {
			fprintf(stderr, "camsweep import: %s: over %zu bytes\n",
				file, max);
			gzclose(gz);
			return -1;
		}
	if (n < 0) {
		fprintf(stderr, "camsweep import: %s: read error: %s\n", file,
			gzerror(gz, &e));
		gzclose(gz);
		return -1;
	}
	gzclose(gz);
	return 0;
}

#define RZ_FILE_MAX ((size_t)1 << 30) /* a runZero export read whole */

int
cs_audit_import_runzero(struct cs_audit_import *imp, const char *file)
{
	struct import_run r = {0};
	struct rz_run z = {.r = &r};
	struct cs_runzero_asset *a = cs_xcalloc(1, sizeof(*a));
	struct cs_buf b = {0};
	char err[512] = "";
	size_t i = 0;
	int rc = EXIT_RUNTIME;

	if (slurp(file, RZ_FILE_MAX, &b) != 0 || load_ident(&r, imp) != 0)
		goto out;
	while (i < b.len && strchr(" \t\r\n", b.p[i]) != NULL)
		i++;
	if (i < b.len && b.p[i] == '{') { /* JSON Lines */
		struct cs_lines l;
		struct cs_span line;

		cs_lines_init(&l, b.p, b.len);
		while (cs_lines_next(&l, &line)) {
			if (cs_span_trim(line).n == 0)
				continue;
			z.records++;
			if (cs_runzero_json(line.p, line.n, a, err,
					    sizeof(err)) != 0) {
				if (z.bad++ < 10)
					fprintf(stderr,
						"camsweep import: %s:%u: %s\n",
						file, l.line, err);
				continue;
			}
			rz_asset(&z, a);
		}
	} else { /* CSV: the header row names the fields */
		struct cs_csv *c = cs_xmalloc(sizeof(*c));
		const char *f[CS_CSV_MAX_FIELDS];
		struct cs_runzero_cols cols;
		bool head = true;
		int k;

		cs_csv_init(c, cs_span_make(b.p, b.len));
		while ((k = cs_csv_next(c, err, sizeof(err))) == 1) {
			for (size_t j = 0; j < c->nfield; j++)
				f[j] = c->field[j];
			if (head) {
				head = false;
				if (cs_runzero_csv_header(&cols, f, c->nfield,
							  err,
							  sizeof(err)) == 0)
					continue;
				k = CS_EPROTO;
				break;
			}
			z.records++;
			if (cs_runzero_csv_row(&cols, f, c->nfield, a, err,
					       sizeof(err)) != 0) {
				if (z.bad++ < 10)
					fprintf(stderr,
						"camsweep import: %s:%u: %s\n",
						file, c->line, err);
				continue;
			}
			rz_asset(&z, a);
		}
		free(c);
		if (k < 0 || head) {
			fprintf(stderr, "camsweep import: %s: %s\n", file,
				head ? "empty: no CSV header" : err);
			z.bad++;
			if (z.records == 0)
				goto out;
		}
	}
	rc = store_hosts(&r, &z.map, imp, "runzero", file, z.first, z.last,
			 z.bad);
out:
	imp->scan_id = r.scan_id;
	imp->hosts = r.hosts;
	cs_buf_free(&b);
	free(a);
	free(r.opts);
	sh_free(&z.map);
	cs_store_close(r.store);
	cs_ident_dec_free(r.dec);
	cs_fpdb_free(r.fp);
	return rc;
}

struct cz_run {
	struct import_run *r;
	struct sh_map map;
	int64_t first, last;
	uint64_t hosts, dropped;
};

static void
cz_host(void *arg, const struct cs_censys_host *c)
{
	struct cz_run *z = arg;
	struct sh_host *h = sh_get(&z->map, c->ip);

	z->hosts++;
	z->dropped += c->dropped;
	for (size_t i = 0; i < c->nports; i++)
		host_port(h, c->ports[i]);
	for (size_t i = 0; i < c->nitems; i++)
		host_item(z->r, h, c->item[i].kind, c->item[i].data,
			  c->item[i].len, c->item[i].port, c->item[i].service);
	span_time(c->ts, &z->first, &z->last);
}

int
cs_audit_import_censys(struct cs_audit_import *imp, const char *file)
{
	struct import_run r = {0};
	struct cz_run z = {.r = &r};
	struct cs_censys_host *h = cs_xcalloc(1, sizeof(*h));
	char *line = cs_xmalloc(CS_CENSYS_LINE_MAX + 2);
	char err[512] = "";
	uint64_t lines = 0, bad = 0;
	gzFile gz;
	int rc = EXIT_RUNTIME, e;

	gz = strcmp(file, "-") == 0 ? gzdopen(0, "rb") : gzopen(file, "rb");
	if (gz == NULL) {
		fprintf(stderr, "camsweep import: %s: %s\n", file,
			strerror(errno));
		goto out;
	}
	if (load_ident(&r, imp) != 0)
		goto out;
	while (gzgets(gz, line, (int)CS_CENSYS_LINE_MAX + 2) != NULL) {
		size_t n = strlen(line);

		lines++;
		if (n > 0 && line[n - 1] == '\n') {
			line[--n] = '\0';
		} else if (!gzeof(gz)) { /* over the cap: skip the rest */
			int ch;
			while ((ch = gzgetc(gz)) != -1 && ch != '\n')
				;
			fprintf(stderr,
				"camsweep import: %s:%llu: line over %u "
				"bytes\n",
				file, (unsigned long long)lines,
				CS_CENSYS_LINE_MAX);
			bad++;
			continue;
		}
		if (n > 0 && line[n - 1] == '\r')
			line[--n] = '\0';
		if (cs_span_trim(cs_span_make(line, n)).n == 0)
			continue;
		if (cs_censys_parse((const uint8_t *)line, n, h, cz_host, &z,
				    err, sizeof(err)) < 0 &&
		    bad++ < 10)
			fprintf(stderr, "camsweep import: %s:%llu: %s\n", file,
				(unsigned long long)lines, err);
	}
	if (!gzeof(gz)) {
		fprintf(stderr, "camsweep import: %s: read error: %s\n", file,
			gzerror(gz, &e));
		bad++;
	}
	if (z.dropped > 0)
		fprintf(stderr,
			"camsweep import: %s: %llu services or items over the "
			"caps of a host dropped\n",
			file, (unsigned long long)z.dropped);
	rc = store_hosts(&r, &z.map, imp, "censys", file, z.first, z.last, bad);
out:
	imp->scan_id = r.scan_id;
	imp->hosts = r.hosts;
	if (gz != NULL)
		gzclose(gz);
	free(line);
	free(h);
	free(r.opts);
	sh_free(&z.map);
	cs_store_close(r.store);
	cs_ident_dec_free(r.dec);
	cs_fpdb_free(r.fp);
	return rc;
}

/* ---- zeek: a directory of logs ---- */

/* A certificate of x509.log, by fingerprint (Zeek 6) or file id. */
struct zk_cert {
	char key[80];
	char subject[512], issuer[512];
};

/* A reference from ssl.log to the first certificate of its chain. */
struct zk_ref {
	char ip[46];
	uint16_t port;
	char key[80];
};

struct zk_run {
	struct import_run *r;
	struct sh_map map;
	struct zk_cert *cert;
	size_t ncert;
	struct zk_ref *ref;
	size_t nref;
	int64_t first, last;
	unsigned long long rows[8], bad;
};

static const char *const zk_logs[] = {
    "conn", "http", "ssl", "x509", "dhcp", "dns", "software", "known_services"};

static bool
valid_ip(const char *s)
{
	unsigned char b[16];

	return s != NULL && (inet_pton(AF_INET, s, b) == 1 ||
			     inet_pton(AF_INET6, s, b) == 1);
}

static uint16_t
port_of(const char *s)
{
	long long v;

	return s != NULL && cs_str_tonum(s, 1, 65535, &v) == 0 ? (uint16_t)v
							       : 0;
}

static void
zk_port(struct zk_run *z, const char *ip, uint16_t port)
{
	struct sh_host *h;

	if (!valid_ip(ip) || port == 0)
		return;
	h = sh_get(&z->map, ip);
	for (size_t i = 0; i < h->np; i++)
		if (h->ports[i] == port)
			return;
	if (h->np < SH_PORTS_MAX) {
		h->ports[h->np++] = port;
		cs_obs_add(&h->obs, "tcp.open", port, 0, "", 0);
	}
}

static void
zk_item(struct zk_run *z, const char *ip, uint16_t port, const char *kind,
	const char *val)
{
	struct sh_host *h;

	if (!valid_ip(ip) || val == NULL || *val == '\0')
		return;
	h = sh_get(&z->map, ip);
	z->r->items++;
	if (cs_ident_decode(z->r->dec, kind, (const uint8_t *)val, strlen(val),
			    port, "", &h->obs) != 0)
		z->r->undecoded++;
}

/* Zeek's ts: epoch seconds ("1700000000.123") or ISO 8601. */
static int64_t
zk_ts(const char *s)
{
	long long v;
	char sec[24];
	size_t n;

	if (s == NULL)
		return 0;
	n = strspn(s, "0123456789");
	if (n > 0 && n < sizeof(sec) && (s[n] == '.' || s[n] == '\0')) {
		memcpy(sec, s, n);
		sec[n] = '\0';
		return cs_str_tonum(sec, 0, INT64_MAX, &v) == 0 ? v : 0;
	}
	return 0;
}

static void
zk_row(struct zk_run *z, size_t log, const struct cs_zeek_row *row)
{
	const char *rh = cs_zeek_get(row, "id.resp_h"), *v;
	uint16_t rp = port_of(cs_zeek_get(row, "id.resp_p"));
	int64_t ts = zk_ts(cs_zeek_get(row, "ts"));

	z->rows[log]++;
	if (ts > 0 && (z->first == 0 || ts < z->first))
		z->first = ts;
	if (ts > z->last)
		z->last = ts;
	switch (log) {
	case 0: /* conn: an established TCP connection to a local host */
		if ((v = cs_zeek_get(row, "proto")) == NULL ||
		    strcmp(v, "tcp") != 0)
			return;
		v = cs_zeek_get(row, "conn_state");
		if (v == NULL ||
		    (strcmp(v, "SF") && strcmp(v, "S1") && strcmp(v, "S2") &&
		     strcmp(v, "S3") && strcmp(v, "RSTO") && strcmp(v, "RSTR")))
			return;
		if ((v = cs_zeek_get(row, "local_resp")) != NULL &&
		    strcmp(v, "F") == 0)
			return;
		zk_port(z, rh, rp);
		return;
	case 1: /* http: an answer; a logged Server header */
		if (cs_zeek_get(row, "status_code") != NULL)
			zk_port(z, rh, rp);
		zk_item(z, rh, rp, "http.server", cs_zeek_get(row, "server"));
		return;
	case 2: /* ssl */
		if ((v = cs_zeek_get(row, "established")) != NULL &&
		    strcmp(v, "T") == 0)
			zk_port(z, rh, rp);
		zk_item(z, rh, rp, "tls.subject", cs_zeek_get(row, "subject"));
		zk_item(z, rh, rp, "tls.issuer", cs_zeek_get(row, "issuer"));
		if ((v = cs_zeek_get(row, "cert_chain_fps")) == NULL)
			v = cs_zeek_get(row, "cert_chain_fuids");
		if (v != NULL && *v && valid_ip(rh)) {
			z->ref =
			    cs_xrealloc(z->ref, z->nref + 1, sizeof(*z->ref));
			cs_strlcpy(z->ref[z->nref].ip, rh,
				   sizeof(z->ref[0].ip));
			z->ref[z->nref].port = rp;
			cs_strlcpy(z->ref[z->nref].key, v,
				   strcspn(v, ",") + 1 < sizeof(z->ref[0].key)
				       ? strcspn(v, ",") + 1
				       : sizeof(z->ref[0].key));
			z->nref++;
		}
		return;
	case 3: /* x509 */
		if ((v = cs_zeek_get(row, "fingerprint")) == NULL)
			v = cs_zeek_get(row, "id");
		if (v == NULL)
			return;
		z->cert = cs_xrealloc(z->cert, z->ncert + 1, sizeof(*z->cert));
		cs_strlcpy(z->cert[z->ncert].key, v, sizeof(z->cert[0].key));
		cs_strlcpy(z->cert[z->ncert].subject,
			   (v = cs_zeek_get(row, "certificate.subject")) ? v
									 : "",
			   sizeof(z->cert[0].subject));
		cs_strlcpy(z->cert[z->ncert].issuer,
			   (v = cs_zeek_get(row, "certificate.issuer")) ? v
									: "",
			   sizeof(z->cert[0].issuer));
		z->ncert++;
		return;
	case 4: /* dhcp: the MAC of the address it was given */
		if ((v = cs_zeek_get(row, "assigned_addr")) == NULL)
			v = cs_zeek_get(row, "client_addr");
		zk_item(z, v, 0, "mac", cs_zeek_get(row, "mac"));
		return;
	case 6: /* software: a server's banner as Zeek recorded it */
		if ((v = cs_zeek_get(row, "software_type")) != NULL &&
		    strcmp(v, "HTTP::SERVER") == 0)
			zk_item(z, cs_zeek_get(row, "host"),
				port_of(cs_zeek_get(row, "host_p")),
				"http.server",
				cs_zeek_get(row, "unparsed_version"));
		return;
	case 7: /* known_services */
		if ((v = cs_zeek_get(row, "port_proto")) != NULL &&
		    strcmp(v, "tcp") == 0)
			zk_port(z, cs_zeek_get(row, "host"),
				port_of(cs_zeek_get(row, "port_num")));
		return;
	default: /* dns: counted; phone-home is `listen`'s */
		return;
	}
}

/* Reads DIR/NAME.log, .log.gz, .json or .json.gz if present. */
static int
zk_read(struct zk_run *z, const char *dir, size_t log, char *line)
{
	static const char *const suf[] = {".log", ".log.gz", ".json",
					  ".json.gz"};
	char path[4096], err[256];
	int found = 0;

	for (size_t s = 0; s < CS_NELEM(suf); s++) {
		struct cs_zeek zr;
		static struct cs_zeek_row row;
		unsigned long long lineno = 0;
		gzFile gz;

		snprintf(path, sizeof(path), "%s/%s%s", dir, zk_logs[log],
			 suf[s]);
		if (access(path, R_OK) != 0 ||
		    (gz = gzopen(path, "rb")) == NULL)
			continue;
		found++;
		cs_zeek_init(&zr);
		while (gzgets(gz, line, (int)CS_ZEEK_LINE_MAX + 2) != NULL) {
			size_t n = strlen(line);
			int rc;

			lineno++;
			if (n > 0 && line[n - 1] != '\n' && !gzeof(gz)) {
				int ch;
				while ((ch = gzgetc(gz)) != -1 && ch != '\n')
					;
				rc = CS_ELIMIT;
				snprintf(err, sizeof(err), "line over %u bytes",
					 CS_ZEEK_LINE_MAX);
			} else {
				rc = cs_zeek_line(&zr, line, n, &row, err,
						  sizeof(err));
			}
			if (rc == 1)
				zk_row(z, log, &row);
			else if (rc < 0 && z->bad++ < 10)
				fprintf(stderr,
					"camsweep import: %s:%llu: %s\n", path,
					lineno, err);
		}
		if (!gzeof(gz)) {
			fprintf(stderr, "camsweep import: %s: read error\n",
				path);
			z->bad++;
		}
		gzclose(gz);
		cs_zeek_free(&zr);
	}
	return found;
}

int
cs_audit_import_zeek(struct cs_audit_import *imp, const char *dir)
{
	struct import_run r = {0};
	struct zk_run z = {.r = &r};
	char fpdir[4096], entdir[4096], err[512] = "";
	char *line = cs_xmalloc(CS_ZEEK_LINE_MAX + 2);
	int files = 0, rc = EXIT_RUNTIME;

	snprintf(fpdir, sizeof(fpdir), "%s/fingerprints", imp->data_dir);
	snprintf(entdir, sizeof(entdir), "%s/entities", imp->data_dir);
	if ((r.fp = cs_fpdb_load(fpdir, entdir, err, sizeof(err))) == NULL) {
		fprintf(stderr, "camsweep import: fingerprints: %s\n", err);
		goto out;
	}
	r.dec = cs_ident_dec_new();
	cs_ident_dec_set_mac_lookup(r.dec, imp->mac_lookup, imp->mac_arg);
	for (size_t i = 0; i < CS_NELEM(zk_logs); i++)
		files += zk_read(&z, dir, i, line);
	if (files == 0) {
		fprintf(stderr,
			"camsweep import: %s: no Zeek logs (conn, http, ssl, "
			"x509, dhcp, dns, software, known_services; .log or "
			".json, gzip or not)\n",
			dir);
		goto out;
	}
	/* ssl.log's certificates, from x509.log */
	for (size_t i = 0; i < z.nref; i++)
		for (size_t k = 0; k < z.ncert; k++)
			if (strcmp(z.ref[i].key, z.cert[k].key) == 0) {
				zk_item(&z, z.ref[i].ip, z.ref[i].port,
					"tls.subject", z.cert[k].subject);
				zk_item(&z, z.ref[i].ip, z.ref[i].port,
					"tls.issuer", z.cert[k].issuer);
				break;
			}
	fprintf(stderr,
		"camsweep import: %s (zeek): rows conn %llu, http %llu, ssl "
		"%llu, x509 %llu, dhcp %llu, dns %llu, software %llu, "
		"known_services %llu; %llu malformed\n",
		dir, z.rows[0], z.rows[1], z.rows[2], z.rows[3], z.rows[4],
		z.rows[5], z.rows[6], z.rows[7], z.bad);
	rc = store_hosts(&r, &z.map, imp, "zeek", dir, z.first, z.last, z.bad);
out:
	imp->scan_id = r.scan_id;
	imp->hosts = r.hosts;
	free(line);
	free(r.opts);
	free(z.cert);
	free(z.ref);
	sh_free(&z.map);
	cs_store_close(r.store);
	cs_ident_dec_free(r.dec);
	cs_fpdb_free(r.fp);
	return rc;
}
