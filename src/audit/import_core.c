/* SPDX-License-Identifier: ISC */
/*
 * What the importers share (audit/import_core.h): the run, the scan
 * record, a host's identification and recording, the host table and the
 * bounded gzip line reader.
 */
#include "audit/import_core.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/alloc.h"
#include "core/buf.h"
#include "core/escape.h"
#include "core/exitcode.h"
#include "core/str.h"
#include "fp/fp.h"
#include "ident/ident.h"
#include "store/store.h"
#include "core/poison.h"

void
cs_imp_say(const struct cs_audit_import *imp, const char *fmt, ...)
{
	char small[512], *msg = small;
	va_list ap;
	int n;

	if (imp->report == NULL)
		return;
	va_start(ap, fmt);
	n = vsnprintf(small, sizeof(small), fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	if ((size_t)n >= sizeof(small)) { /* a long path: no cut */
		msg = cs_xmalloc((size_t)n + 1);
		va_start(ap, fmt);
		vsnprintf(msg, (size_t)n + 1, fmt, ap);
		va_end(ap);
	}
	imp->report(imp->report_arg, msg);
	if (msg != small)
		free(msg);
}

int
cs_imp_init(struct cs_imp_run *r, struct cs_audit_import *imp)
{
	char fpdir[4096], entdir[4096], err[512] = "";

	memset(r, 0, sizeof(*r));
	r->imp = imp;
	snprintf(fpdir, sizeof(fpdir), "%s/fingerprints", imp->data_dir);
	snprintf(entdir, sizeof(entdir), "%s/entities", imp->data_dir);
	if ((r->fp = cs_fpdb_load(fpdir, entdir, err, sizeof(err))) == NULL) {
		cs_imp_say(imp, "fingerprints: %s", err);
		return -1;
	}
	r->dec = cs_ident_dec_new();
	cs_ident_dec_set_mac_lookup(r->dec, imp->mac_lookup, imp->mac_arg);
	return 0;
}

int
cs_imp_open_store(struct cs_imp_run *r)
{
	char err[512] = "";

	if (r->imp->prepare_db != NULL)
		r->imp->prepare_db(r->imp->db_path);
	r->store = cs_store_open(r->imp->db_path, err, sizeof(err));
	if (r->store == NULL) {
		cs_imp_say(r->imp, "%s: %s", CS_STORE_SHOW(r->imp->db_path),
			   err);
		return -1;
	}
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

int
cs_imp_scan_begin(struct cs_imp_run *r, const char *source, const char *file,
		  const char *scanner, const char *version, const char *args,
		  int64_t started)
{
	struct cs_scan_info info;
	struct cs_buf b;
	char vantage[64];

	cs_buf_init(&b, 1 << 16);
	cs_buf_adds(&b, "{");
	opt_add(&b, "source", source);
	opt_add(&b, "file", file);
	if (scanner != NULL) {
		opt_add(&b, "scanner", scanner);
		opt_add(&b, "scanner_version", version);
		opt_add(&b, "args", args);
	}
	cs_buf_adds(&b, "}");
	cs_buf_add(&b, "", 1);
	free(r->opts);
	r->opts = cs_xstrdup(b.p ? (const char *)b.p : "{}");
	cs_buf_free(&b);
	snprintf(vantage, sizeof(vantage), "%s import", source);
	memset(&info, 0, sizeof(info));
	info.scope = "(imported)";
	info.exclusions = "";
	info.ports = "";
	info.options = r->opts;
	info.vantage = vantage;
	info.version = CS_IMPORT_VERSION;
	info.started = started;
	if (cs_store_scan_begin(r->store, &info, &r->scan_id) != 0) {
		cs_imp_say(r->imp, "%s: %s", CS_STORE_SHOW(r->imp->db_path),
			   cs_store_errmsg(r->store));
		return -1;
	}
	return 0;
}

int
cs_imp_put(struct cs_imp_run *r, const char *ip, const uint16_t *ports,
	   size_t np, const struct cs_obs_list *obs, int64_t seen_at)
{
	struct cs_identity id;
	struct cs_host_result hr;

	cs_fp_identify(r->fp, obs, &id);
	memset(&hr, 0, sizeof(hr));
	hr.ip = ip;
	hr.ports = ports;
	hr.nports = np;
	hr.obs = obs;
	hr.id = &id;
	hr.seen_at = seen_at;
	if (cs_store_put_host(r->store, r->scan_id, &hr) == 0)
		return 0;
	if (r->store_err++ == 0)
		cs_imp_say(r->imp, "store: %s", cs_store_errmsg(r->store));
	return -1;
}

void
cs_imp_item(struct cs_imp_run *r, struct cs_obs_list *obs, const char *kind,
	    const char *data, size_t len, uint16_t port, const char *service)
{
	r->items++;
	if (cs_ident_decode(r->dec, kind, (const uint8_t *)data, len, port,
			    service, obs) != 0)
		r->undecoded++;
}

void
cs_imp_done(struct cs_imp_run *r)
{
	if (r->imp != NULL) {
		r->imp->scan_id = r->scan_id;
		r->imp->hosts = r->hosts;
	}
	free(r->opts);
	cs_store_close(r->store);
	cs_ident_dec_free(r->dec);
	cs_fpdb_free(r->fp);
	memset(r, 0, sizeof(*r));
}

int
cs_imp_cmp_port(const void *a, const void *b)
{
	return (int)*(const uint16_t *)a - (int)*(const uint16_t *)b;
}

/* ---- hosts gathered by address ---- */

static uint64_t
fnv1a(const char *s)
{
	uint64_t x = 1469598103934665603ull;

	for (; *s; s++)
		x = (x ^ (uint8_t)*s) * 1099511628211ull;
	return x;
}

static void
rehash(struct cs_imp_hosts *m)
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

struct cs_imp_host *
cs_imp_host_get(struct cs_imp_hosts *m, const char *ip)
{
	size_t k;

	if (2 * (m->n + 1) >= m->nslot)
		rehash(m);
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

void
cs_imp_hosts_free(struct cs_imp_hosts *m)
{
	for (size_t i = 0; i < m->n; i++)
		cs_obs_list_free(&m->h[i].obs);
	free(m->h);
	free(m->slot);
	memset(m, 0, sizeof(*m));
}

void
cs_imp_host_port(struct cs_imp_host *h, uint16_t port)
{
	for (size_t i = 0; i < h->np; i++)
		if (h->ports[i] == port)
			return;
	if (port != 0 && h->np < CS_IMP_PORTS_MAX) {
		h->ports[h->np++] = port;
		cs_obs_add(&h->obs, "tcp.open", port, 0, "", 0);
	}
}

void
cs_imp_span_time(int64_t t, int64_t *first, int64_t *last)
{
	if (t > 0 && (*first == 0 || t < *first))
		*first = t;
	if (t > *last)
		*last = t;
}

int
cs_imp_store_hosts(struct cs_imp_run *r, struct cs_imp_hosts *m,
		   const char *source, const char *file, int64_t first,
		   int64_t last, uint64_t bad)
{
	int64_t started = first > 0 ? first : (int64_t)time(NULL);

	if (cs_imp_open_store(r) != 0 ||
	    cs_imp_scan_begin(r, source, file, NULL, NULL, NULL, started) != 0)
		return EXIT_RUNTIME;
	for (size_t i = 0; i < m->n; i++) {
		struct cs_imp_host *h = &m->h[i];

		qsort(h->ports, h->np, sizeof(h->ports[0]), cs_imp_cmp_port);
		if (cs_imp_put(r, h->ip, h->ports, h->np, &h->obs, started) ==
		    0)
			r->hosts++;
	}
	cs_store_scan_end(r->store, r->scan_id,
			  bad == 0 && r->store_err == 0 ? "complete"
							: "incomplete",
			  last > 0 ? last : (int64_t)time(NULL));
	cs_imp_say(r->imp,
		   "scan %lld from %s (%s): %llu refused; %llu hosts "
		   "imported, %llu evidence items (%llu not decodable)",
		   (long long)r->scan_id, file, source, (unsigned long long)bad,
		   (unsigned long long)r->hosts, (unsigned long long)r->items,
		   (unsigned long long)r->undecoded);
	return bad == 0 && r->store_err == 0 ? EXIT_OK : EXIT_RUNTIME;
}

gzFile
cs_imp_gz_open(const struct cs_audit_import *imp, const char *file)
{
	gzFile gz =
	    strcmp(file, "-") == 0 ? gzdopen(0, "rb") : gzopen(file, "rb");

	if (gz == NULL)
		cs_imp_say(imp, "%s: %s", file, strerror(errno));
	return gz;
}

bool
cs_imp_gz_failed(const struct cs_audit_import *imp, gzFile gz, const char *file)
{
	int e;

	if (gzeof(gz))
		return false;
	cs_imp_say(imp, "%s: read error: %s", file, gzerror(gz, &e));
	return true;
}

int
cs_imp_gz_line(gzFile gz, char *line, size_t max, size_t *np)
{
	size_t n;

	if (gzgets(gz, line, (int)max + 2) == NULL)
		return 0;
	n = strlen(line);
	if (n > 0 && line[n - 1] == '\n') {
		line[--n] = '\0';
	} else if (!gzeof(gz)) { /* over the cap: skip the rest */
		int ch;
		while ((ch = gzgetc(gz)) != -1 && ch != '\n')
			;
		return CS_ELIMIT;
	}
	if (n > 0 && line[n - 1] == '\r')
		line[--n] = '\0';
	*np = n;
	return 1;
}
