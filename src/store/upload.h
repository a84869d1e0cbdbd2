/* SPDX-License-Identifier: ISC */
/*
 * Store-and-forward for sensors: a sensor writes its scans into a local
 * SQLite spool (which never depends on the network) and uploads them to
 * the central inventory (PostgreSQL) whenever that is reachable.  Uses
 * only the public store interface, so it works between any two backends.
 * See docs/sensors.md.
 */
#ifndef CS_STORE_UPLOAD_H
#define CS_STORE_UPLOAD_H

#include <stddef.h>
#include <stdint.h>

#include "store/store.h"

/* What one cs_store_upload call copied. */
struct cs_upload_stats {
	uint64_t scans; /* scans copied (new or continued) */
	uint64_t hosts; /* hosts put */
	uint64_t obs;   /* observations put */
	uint64_t skipped; /* scans delivered by an earlier upload */
};

/*
 * Copies every scan of spool into central, oldest first: the scan's
 * parameters, status, progress and end time, and each host with its
 * ports, identity, evidence, MAC, attachments and observations.  Each
 * spool scan maps to one central scan whose options are
 * "spool:<vantage>:<started>:<spool scan id>": an upload cut off half-way
 * (server gone) is continued, not duplicated, by the next call, because
 * put_host is idempotent per (scan, ip) and that central scan stays
 * 'running' until its last host is in.  A complete scan, once delivered,
 * is marked in the spool (cs_store_scan_delivered) and skipped by later
 * uploads, so uploading a spool again never duplicates.
 * After a complete upload the caller may remove (or rename) the spool.  Both
 * stores stay owned by the caller.  stats may be NULL.  Returns 0; CS_EIO with
 * a message in err (errsz bytes, may be 0) when either store fails, in which
 * case central keeps what was committed and the call can simply be repeated.
 */
int cs_store_upload(struct cs_store *spool, struct cs_store *central,
		    struct cs_upload_stats *stats, char *err, size_t errsz);

/*
 * A background uploader: a worker thread with its own spool connection
 * and its own central connection, so that a scan's event loop never
 * waits for the central database (connects, slow links, outages).
 *
 * cs_uploader_start opens the spool (spool_path, an SQLite file the
 * caller writes through its own store) and starts the thread; NULL with
 * err set on failure.  cs_uploader_kick asks for an upload of what the
 * spool has committed and returns at once (ignored while one runs).
 * cs_uploader_finish makes a last upload after everything the caller
 * committed, stops the thread and frees u; it returns 0 when the spool's
 * scans are all delivered (stats of that last upload in *st, may be
 * NULL), else CS_EIO with the reason in err.  The first failure of a run
 * is reported once on stderr ("buffering in ..."), and a later success
 * says the database is back.  central_uri is never printed.
 */
struct cs_uploader;

struct cs_uploader *cs_uploader_start(const char *spool_path,
				      const char *central_uri, char *err,
				      size_t errsz);
void cs_uploader_kick(struct cs_uploader *u);
int cs_uploader_finish(struct cs_uploader *u, struct cs_upload_stats *st,
		       char *err, size_t errsz);

#endif /* CS_STORE_UPLOAD_H */
