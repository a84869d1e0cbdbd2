/* SPDX-License-Identifier: ISC */
/*
 * What the five importers (import_nmap.c, import_shodan.c, import_zeek.c,
 * import_runzero.c, import_censys.c) share; private to src/audit.
 *
 * A run (struct cs_imp_run) holds the fingerprints, the evidence decoder,
 * the store and the counts of one import.  cs_imp_init loads the first
 * two; the scan record is begun with cs_imp_scan_begin on an open store;
 * each host is identified and recorded with cs_imp_put; cs_imp_done hands
 * the scan id and host count back to the caller and frees the run.
 *
 * Importers that read all their records before storing any gather them
 * by address in a host table (struct cs_imp_hosts) and end with
 * cs_imp_store_hosts, which opens the store, records the table as one
 * scan and reports the summary.
 *
 * Every diagnostic goes through cs_imp_say to the caller's reporter
 * (struct cs_audit_import): nothing here writes to a stream.
 */
#ifndef CS_AUDIT_IMPORT_CORE_H
#define CS_AUDIT_IMPORT_CORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <zlib.h>

#include "audit/import.h"
#include "core/cs.h"
#include "core/obs.h"

#define CS_IMPORT_VERSION "0.1.0" /* the scan record's version */

struct cs_fpdb;
struct cs_ident_dec;
struct cs_store;

struct cs_imp_run {
	struct cs_audit_import *imp; /* borrowed: paths, lookups, reporter */
	char *opts;                  /* the scan's options JSON (owned) */
	struct cs_fpdb *fp;
	struct cs_ident_dec *dec;
	struct cs_store *store;
	int64_t scan_id;                  /* 0 until begun */
	uint64_t hosts, items, undecoded; /* counts for the summary */
	int store_err;                    /* failed host writes */
};

/* Formats one message (no prefix, no newline) to the caller's reporter,
 * if any. */
void cs_imp_say(const struct cs_audit_import *imp, const char *fmt, ...)
    CS_PRINTF(2, 3);

/* Starts r for imp and loads the fingerprints of imp->data_dir and the
 * decoder with imp's MAC registry.  Returns 0, or -1 (reported). */
int cs_imp_init(struct cs_imp_run *r, struct cs_audit_import *imp);

/* Calls imp->prepare_db and opens the inventory into r->store.  Returns
 * 0, or -1 (reported). */
int cs_imp_open_store(struct cs_imp_run *r);

/*
 * Begins the scan record on r->store: scope "(imported)", vantage
 * "<source> import", options {"source", "file"[, "scanner",
 * "scanner_version", "args"]} (the last three only when scanner is not
 * NULL), started at started.  Sets r->scan_id.  Returns 0, or -1
 * (reported).
 */
int cs_imp_scan_begin(struct cs_imp_run *r, const char *source,
		      const char *file, const char *scanner,
		      const char *version, const char *args, int64_t started);

/*
 * Identifies the host at ip from obs and records it in the scan with its
 * np open ports (sorted) as seen at seen_at.  A store failure is counted
 * in r->store_err (the first one reported).  Returns 0 or -1.
 */
int cs_imp_put(struct cs_imp_run *r, const char *ip, const uint16_t *ports,
	       size_t np, const struct cs_obs_list *obs, int64_t seen_at);

/* Decodes one evidence item into obs, counting it in r->items and, when
 * it cannot be decoded, in r->undecoded. */
void cs_imp_item(struct cs_imp_run *r, struct cs_obs_list *obs,
		 const char *kind, const char *data, size_t len, uint16_t port,
		 const char *service);

/* Hands r's scan id and host count to r->imp and frees r. */
void cs_imp_done(struct cs_imp_run *r);

/* qsort order of uint16_t ports. */
int cs_imp_cmp_port(const void *a, const void *b);

/* ---- hosts gathered by address ---- */

#define CS_IMP_PORTS_MAX 256 /* open ports kept of one host */

struct cs_imp_host {
	char ip[46];
	uint16_t ports[CS_IMP_PORTS_MAX];
	size_t np;
	struct cs_obs_list obs;
};

struct cs_imp_hosts {
	struct cs_imp_host *h;
	size_t n, cap;
	size_t *slot; /* index + 1 into h; 0 empty */
	size_t nslot; /* a power of two, > 2 n */
};

/* The host at ip, added (empty) if new; valid until the next call. */
struct cs_imp_host *cs_imp_host_get(struct cs_imp_hosts *m, const char *ip);
void cs_imp_hosts_free(struct cs_imp_hosts *m);

/* Adds TCP port open on h once ("tcp.open" observed); 0 and ports over
 * CS_IMP_PORTS_MAX are ignored. */
void cs_imp_host_port(struct cs_imp_host *h, uint16_t port);

/* Widens [*first, *last] to hold t (seconds; t <= 0 is ignored). */
void cs_imp_span_time(int64_t t, int64_t *first, int64_t *last);

/*
 * Opens the inventory and records m's hosts as one scan of source read
 * from file, started at first and ended at last (now when 0); bad > 0
 * (lines or records refused) marks it incomplete.  Reports the summary.
 * Returns the exit status (core/exitcode.h).
 */
int cs_imp_store_hosts(struct cs_imp_run *r, struct cs_imp_hosts *m,
		       const char *source, const char *file, int64_t first,
		       int64_t last, uint64_t bad);

/* Opens file ("-": standard input), gzip-compressed or not, for
 * cs_imp_gz_line; NULL when it cannot be (reported). */
gzFile cs_imp_gz_open(const struct cs_audit_import *imp, const char *file);

/* After the last line: true when gz stopped before its end (a read
 * error, reported with zlib's message). */
bool cs_imp_gz_failed(const struct cs_audit_import *imp, gzFile gz,
		      const char *file);

/*
 * Reads the next line of gz into line (a buffer of max + 2 bytes) without
 * its LF and one CR before that; *n gets its length.  Returns 1, 0 at the
 * end of the input, or CS_ELIMIT for a line over max bytes (or holding a
 * NUL byte), whose rest is then skipped.
 */
int cs_imp_gz_line(gzFile gz, char *line, size_t max, size_t *n);

#endif /* CS_AUDIT_IMPORT_CORE_H */
