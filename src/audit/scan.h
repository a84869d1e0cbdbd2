/* SPDX-License-Identifier: ISC */
/*
 * The scan session: one run of the engine recorded as one scan of the
 * inventory.  It opens the scan record (resuming the newest unfinished
 * scan of the same scope, exclusions, ports and options unless told not
 * to), identifies each host the engine finishes (fingerprints, the site
 * an estate maps its address to, the cameras a recorder lists) and
 * records it, checkpoints the sweep so that an interrupted scan resumes
 * where it stopped, asks a sensor's uploader to send the spool every
 * CS_AUDIT_UPLOAD_EVERY_S seconds, drops privileges when the engine is
 * ready, and decides the status the scan ends with.  What is shown while
 * it runs (progress, -oJ, -oX, -v) is the caller's, through the hooks.
 */
#ifndef CS_AUDIT_SCAN_H
#define CS_AUDIT_SCAN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "engine/engine.h"
#include "store/store.h"

struct cs_fpdb;
struct cs_models;
struct cs_estate;
struct cs_uploader;
struct cs_identity;

#define CS_AUDIT_UPLOAD_EVERY_S 5 /* seconds between a sensor's uploads */

struct cs_audit_scan_hooks {
	void *arg;
	/* A host was identified and recorded (r->att valid during the call);
	 * may be NULL. */
	void (*host)(void *arg, const struct cs_host_report *h,
		     const struct cs_host_result *r,
		     const struct cs_identity *id);
	/* The sweep's progress at a checkpoint; may be NULL. */
	void (*progress)(void *arg, uint64_t done);
	/* The first store error of the session (later ones are counted);
	 * may be NULL. */
	void (*store_error)(void *arg, const char *msg);
	/* Privileges could not be dropped or the sandbox entered when the
	 * engine was ready ("privileges: ..."): the scan is ended
	 * "incomplete" and the process exits with EXIT_RUNTIME right after
	 * this call; may be NULL. */
	void (*fatal)(void *arg, const char *msg);
};

struct cs_audit_scan {
	/* In: all borrowed; the caller opens and closes them. */
	struct cs_store *store;
	struct cs_fpdb *fp;
	struct cs_models *models; /* model-number table; may be NULL */
	struct cs_estate *estate; /* sites by address; may be NULL */
	struct cs_uploader *up;   /* a sensor's uploader; may be NULL */
	const char *user;         /* whom to become when started as root */
	bool privileged;          /* sockets opened as root: drop at ready */
	struct cs_audit_scan_hooks hooks;
	/* Out */
	int64_t scan_id;
	int store_err;     /* store errors so far */
	uint64_t hosts_up; /* hosts recorded */
	int64_t last_upload;
};

/*
 * Opens the scan record for info: with resume, the newest unfinished
 * scan of the same scope, exclusions, ports and options is resumed
 * (*resumed set, *watermark the index it stopped at), else a new one is
 * begun (*watermark 0).  Sets s->scan_id.  Returns 0, or -1 (the store's
 * message: cs_store_errmsg).
 */
int cs_audit_scan_open(struct cs_audit_scan *s, const struct cs_scan_info *info,
		       bool resume, uint64_t *watermark, bool *resumed);

/* The engine's callbacks, public for tests: a finished host, a
 * checkpoint. */
void cs_audit_scan_host(struct cs_audit_scan *s,
			const struct cs_host_report *h);
void cs_audit_scan_checkpoint(struct cs_audit_scan *s, uint64_t watermark,
			      uint64_t done);

/* Runs the engine with the session's callbacks.  Returns 0, or -1 when
 * the event loop cannot start. */
int cs_audit_scan_run(struct cs_audit_scan *s, const struct cs_engine_opts *eo,
		      struct cs_engine_stats *es);

/*
 * The status a run ends with: "interrupted" (a signal), "complete" only
 * when every target was tried and every result stored, else
 * "incomplete".
 */
const char *cs_audit_scan_status(const struct cs_audit_scan *s,
				 const struct cs_engine_stats *es);

/* Ends the scan record with status now; a failure counts as a store
 * error (reported through the hook).  Returns 0 or -1. */
int cs_audit_scan_end(struct cs_audit_scan *s, const char *status);

/*
 * After a complete upload, renames the spool aside (to spool.uploaded-T,
 * written to to) so that uploading again cannot add its scans twice.
 * Returns 0, or -1 when it could not be renamed.
 */
int cs_audit_spool_retire(const char *spool, char *to, size_t tosz);

#endif /* CS_AUDIT_SCAN_H */
