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
};

/*
 * Copies every scan of spool into central, oldest first: the scan's
 * parameters, status, progress and end time, and each host with its
 * ports, identity, evidence, MAC, attachments and observations.  Each
 * spool scan maps to one central scan whose options are
 * "spool:<vantage>:<started>:<spool scan id>": an upload cut off half-way
 * (server gone) is continued, not duplicated, by the next call, because
 * put_host is idempotent per (scan, ip) and that central scan stays
 * 'running' until its last host is in.  After a complete upload the
 * caller removes (or renames) the spool; uploading the same spool again
 * would add its completed scans a second time.  Both stores stay owned by
 * the caller.  stats may be NULL.  Returns 0; CS_EIO with a message in
 * err (errsz bytes, may be 0) when either store fails, in which case
 * central keeps what was committed and the call can simply be repeated.
 */
int cs_store_upload(struct cs_store *spool, struct cs_store *central,
		    struct cs_upload_stats *stats, char *err, size_t errsz);

#endif /* CS_STORE_UPLOAD_H */
