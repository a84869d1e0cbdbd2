/* SPDX-License-Identifier: ISC */
/*
 * The inventory store: scans (status running, complete, incomplete or
 * interrupted, with their resume watermark and, for a sensor's spool,
 * their delivery), per-scan host sightings with their ports and raw
 * observations, devices with their identity, evidence and MAC
 * attachments (cameras behind recorders), findings with their
 * remediation plan and history (assess, plan), reach records (reach)
 * and, since schema v6, one record per assess run (cs_assessment).  The
 * interface is backend-neutral: SQLite (store_sqlite.c) and PostgreSQL
 * (store_pg.c, which also sets up sensor roles: cs_store_admin_*) behind
 * the same calls, through the operations table of store_backend.h.  The
 * schema (version CS_STORE_SCHEMA_LATEST, one migration file per version
 * and backend under src/store/sql/) is documented in
 * docs/internals/store.md.
 *
 * Sites (schema v4): every scan and every device belongs to a site (a
 * sensor's name, or the site the estate file maps an address to; "" when
 * none).  A device is keyed within its site, so the same private address
 * at two sites is two devices, and within a site it keeps its identity
 * across address changes by its MAC, else its serial number, else its
 * address (cs_store_device_key).
 *
 * Threading: a struct cs_store is a single connection and must be used
 * from one thread at a time.  Do not share it across fork().
 *
 * Writes made by cs_store_put_host are batched in one transaction that
 * is begun on demand and committed by cs_store_checkpoint,
 * cs_store_scan_end, cs_store_scan_begin or cs_store_close; the other
 * writes (scan status, findings, plans, reach records) commit at once,
 * as each function's comment says.  A process killed at any moment
 * leaves the database as of the last commit.
 *
 * All functions return 0 on success or a negative enum cs_errno; database
 * failures are CS_EIO, and cs_store_errmsg() then describes the last one.
 */
#ifndef CS_STORE_STORE_H
#define CS_STORE_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/cs.h"
#include "core/obs.h"
#include "fp/fp.h"

struct cs_store; /* opaque */

/* True if path names a database server (a URI such as postgresql://...),
 * not an SQLite file. */
bool cs_store_path_is_uri(const char *path);

/*
 * Copies path into buf (bufsz bytes, cut to fit) for a message, with any
 * password it holds (user:PASSWORD@ in a URI, password=... as a
 * parameter) replaced by "***".  Returns buf.  Every message that names
 * an inventory goes through it (CS_STORE_SHOW).
 */
const char *cs_store_display(const char *path, char *buf, size_t bufsz);
#define CS_STORE_SHOW(p) cs_store_display((p), (char[512]){0}, 512)

/*
 * Opens (creating if needed) the inventory at path and migrates it to the
 * latest schema version.  path is a file name (":memory:" works, for
 * tests) or "sqlite:" followed by a file name, or a "postgresql://" (or
 * "postgres://") URI handed to libpq, which selects the PostgreSQL
 * backend (schema_version table; docs/internals/store.md).  For SQLite:
 * WAL journal, synchronous=NORMAL, foreign keys on, busy timeout 5 s; the
 * version is PRAGMA user_version.  Returns a new store that the caller
 * frees with cs_store_close, or NULL with a NUL-terminated message in err
 * (errsz bytes, may be 0) on failure: unreadable file or unreachable
 * server, a database that is not a camsweep inventory, or a schema newer
 * than this program knows.
 */
struct cs_store *cs_store_open(const char *path, char *err, size_t errsz);

/*
 * Commits any open batch and closes s; a NULL s is ignored.  s is invalid
 * afterwards.
 */
void cs_store_close(struct cs_store *s);

/* Returns the schema version of the open database (> 0), or a CS_E*. */
int cs_store_schema_version(struct cs_store *s);

/* Returns the latest schema version this program knows. */
int cs_store_schema_latest(void);

/*
 * Returns a description of the last database error on s (static storage
 * owned by s, valid until the next call on s); "" if there was none.
 */
const char *cs_store_errmsg(struct cs_store *s);

/* The parameters of one scan.  All strings are NUL-terminated, borrowed. */
struct cs_scan_info {
	const char *scope;      /* canonical text of the targets */
	const char *exclusions; /* canonical text, "" if none (NULL = "") */
	const char *ports;      /* e.g. "80,554,8000" */
	const char *options;    /* JSON text of the other options */
	const char *vantage;    /* host name the scan ran from */
	const char *version;    /* camsweep version */
	int64_t started;        /* unix seconds */
	uint64_t total_targets; /* addresses in scope */
	const char *site;       /* schema v4: the scan's site (a sensor's name);
				   NULL = "" (none).  On a PostgreSQL sensor role
				   it must be the role's name. */
};

/*
 * Commits any open batch, then records a new scan with status 'running'
 * (committed at once) and sets *scan_id.  NULL strings in info are stored
 * as "".  Returns 0, CS_EINVAL or CS_EIO.
 */
int cs_store_scan_begin(struct cs_store *s, const struct cs_scan_info *info,
			int64_t *scan_id);

/*
 * Finds the newest scan with status 'running', 'interrupted' or
 * 'incomplete' whose
 * scope, exclusions, ports and options all equal info's (byte for byte).
 * Returns 0 and sets *scan_id and *watermark (see cs_store_checkpoint),
 * CS_ENOTFOUND if there is none, or CS_EIO.
 */
int cs_store_scan_find_resumable(struct cs_store *s,
				 const struct cs_scan_info *info,
				 int64_t *scan_id, uint64_t *watermark);

/*
 * Finds the newest scan, whatever its status, whose scope, exclusions,
 * ports and options all equal info's.  Returns 0 and sets *scan_id and
 * status (16 bytes: "running", "interrupted", "incomplete" or
 * "complete"),
 * CS_ENOTFOUND or CS_EIO.
 */
int cs_store_scan_find(struct cs_store *s, const struct cs_scan_info *info,
		       int64_t *scan_id, char status[16]);

/*
 * Records the delivery of scan_id (of a sensor's spool) to the central
 * inventory; committed at once.  v > 0: delivered complete as central
 * scan v (cs_store_upload then skips it); v < 0: a delivery under way,
 * with the token -v that names its central copy, kept across attempts.
 * Returns 0, CS_EINVAL (v == 0), CS_ENOTFOUND or CS_EIO.
 */
int cs_store_scan_delivered(struct cs_store *s, int64_t scan_id,
			    int64_t central_id);

/*
 * Marks a resumable scan as running again, adding one to its resume count
 * and recording now as the resume time; committed at once.  Returns 0,
 * CS_ENOTFOUND if scan_id does not exist or is complete, or CS_EIO.
 */
int cs_store_scan_resume(struct cs_store *s, int64_t scan_id, int64_t now);

/*
 * One camera a recorder reports behind it (schema v2, table attachment):
 * what the recorder says, plus the identity camsweep derives from that.
 * Strings are NUL-terminated, "" when unknown.  Never holds credentials.
 */
struct cs_attachment {
	unsigned channel; /* the recorder's channel number */
	char ip[64];      /* as the recorder wrote it */
	uint16_t port;
	char name[64], model[64], serial[64], firmware[64];
	char vendor[32]; /* the recorder's protocol/vendor label */
	char mac[24];
	/* identity of the camera, from the strings above */
	char manufacturer[64], brand[64], id_model[64];
	enum cs_class device_class;
};

#define CS_STORE_MAX_ATTACH 128 /* attachments kept per sighting */

/* One responsive host.  Everything is borrowed for the call. */
struct cs_host_result {
	const char *ip;        /* dotted quad (IPv6 text accepted) */
	const uint16_t *ports; /* open TCP ports, ascending */
	size_t nports;
	const struct cs_obs_list
	    *obs; /* what the probes observed; may be NULL */
	const struct cs_identity *id; /* identification; NULL = unknown */
	int64_t seen_at;              /* unix seconds */
	/* Schema v2; zero/NULL when unknown or none. */
	const char *mac; /* "aa:bb:..."; NULL: the obs "mac", if any */
	const struct cs_attachment *att; /* cameras behind this recorder */
	size_t natt;                     /* at most CS_STORE_MAX_ATTACH kept */
	/* Schema v4; NULL/"" when unknown. */
	const char *site;   /* the device's site; NULL: the scan's site */
	const char *serial; /* NULL: the first "*.serial" observation */
};

/*
 * Records one responsive host of scan_id inside the current batch
 * transaction (begun on demand).  Idempotent per (scan, ip): writing the
 * same host again in the same scan replaces that scan's earlier rows for
 * it.  The device (keyed within its site by MAC, else serial, else IP;
 * see cs_store_device_key) records its latest address, first/last seen
 * and the latest identity; a device first keyed by its address (or
 * serial) is kept, not duplicated, when a later sighting at that address
 * brings its MAC (or serial).  The sighting holds the ports, the identity as of
 * this scan, every observation's raw bytes (at most CS_OBS_MAX_COUNT of them,
 * each at most CS_OBS_MAX_VALUE bytes; the excess is counted, not kept)
 * and the evidence, linked to the observation with the same key and port.
 * On failure nothing of this host is kept and the batch stays usable.
 * Returns 0, CS_EINVAL (bad IP, unknown scan) or CS_EIO.
 */
int cs_store_put_host(struct cs_store *s, int64_t scan_id,
		      const struct cs_host_result *h);

/*
 * Records progress and commits the batch: every target index < watermark
 * is finished and hosts_done counts them.  The rows written since the
 * previous checkpoint and the new watermark are committed in one
 * transaction.  Returns 0, CS_ENOTFOUND (no such scan) or CS_EIO.
 */
int cs_store_checkpoint(struct cs_store *s, int64_t scan_id, uint64_t watermark,
			uint64_t hosts_done);

/*
 * Sets the final status, "complete", "interrupted" or "incomplete" (not
 * every target tried or not every result stored), and the end time,
 * and commits that together with the open batch.  Returns 0, CS_EINVAL
 * (other status), CS_ENOTFOUND or CS_EIO.
 */
int cs_store_scan_end(struct cs_store *s, int64_t scan_id, const char *status,
		      int64_t ended);

/* Sets *scan_id to the newest scan's id.  Returns 0, CS_ENOTFOUND, CS_EIO. */
int cs_store_latest_scan(struct cs_store *s, int64_t *scan_id);

/* Progress and state of one scan, as read back by cs_store_scan_get. */
struct cs_scan_state {
	char
	    status[16]; /* "running", "interrupted", "incomplete", "complete" */
	int64_t started, ended; /* ended is 0 while unfinished */
	uint64_t total_targets, watermark, hosts_done;
	unsigned resume_count;
	char scope[4096];      /* canonical targets, cut to fit */
	char exclusions[4096]; /* canonical exclusions, cut to fit */
	char ports[512];       /* ports swept */
	char vantage[256];     /* host the scan ran from */
	char site[64];         /* schema v4: the scan's site, "" if none */
	int64_t delivered;     /* schema v4: central scan id, 0 if not */
};

/* Reads the state of scan_id into *st.  Returns 0, CS_ENOTFOUND, CS_EIO. */
int cs_store_scan_get(struct cs_store *s, int64_t scan_id,
		      struct cs_scan_state *st);

#define CS_STORE_MAX_PORTS 64

/* One host of one scan, as read back by cs_store_each_device. */
struct cs_device_row {
	int64_t device_id; /* the same device keeps its id when it moves */
	char ip[46];
	uint16_t ports[CS_STORE_MAX_PORTS]; /* ascending; first 64 only */
	size_t nports;
	struct cs_identity id; /* identity as of this scan, with evidence */
	int64_t first_seen, last_seen; /* unix seconds, over all scans */
	char mac[24];                  /* "" if unknown (schema v2) */
	struct cs_attachment att[CS_STORE_MAX_ATTACH]; /* by channel */
	size_t natt;
	char site[64];   /* schema v4: the device's site, "" if none */
	char serial[64]; /* the device's serial number, "" if unknown */
	/* the store's id of this sighting (the device in this scan), > 0:
	 * what cs_store_each_observation_of reads the observations by */
	int64_t sighting_id;
};

/*
 * Callback for cs_store_each_device.  row is valid only during the call.
 * Return 0 to continue, non-zero to stop.  It must not call cs_store_*
 * functions on the same store.
 */
typedef int (*cs_store_device_cb)(void *arg, const struct cs_device_row *row);

/*
 * Calls cb for each host seen in scan_id (including the open batch's
 * rows), ordered by numeric IP (IPv4 before IPv6).  Stops early and
 * returns cb's value if non-zero; otherwise returns 0 or CS_EIO.
 */
int cs_store_each_device(struct cs_store *s, int64_t scan_id,
			 cs_store_device_cb cb, void *arg);

/*
 * The parts of a device row besides its sighting, device and identity
 * columns, for cs_store_each_device_parts.
 */
#define CS_DEV_PORTS 1u    /* ports, nports */
#define CS_DEV_EVIDENCE 2u /* id.ev, id.nev */
#define CS_DEV_ATTACH 4u   /* att, natt */
#define CS_DEV_ALL (CS_DEV_PORTS | CS_DEV_EVIDENCE | CS_DEV_ATTACH)

/*
 * As cs_store_each_device, reading only the parts named (a backend may
 * fill more).  Without CS_DEV_EVIDENCE a row's identity still tells
 * whether surveillance is presumed from the maker:
 * cs_identity_surveillance_presumed(&row->id) is what it is with the
 * evidence (id.surveillance_presumed is set from the stored evidence).
 * assess reads no ports, evidence or attachments: at a million devices
 * they are most of what each_device reads.
 */
int cs_store_each_device_parts(struct cs_store *s, int64_t scan_id,
			       unsigned parts, cs_store_device_cb cb,
			       void *arg);

/*
 * Callback for cs_store_each_observation: one stored observation of a
 * host; o->val is NUL-terminated after o->len bytes and valid only during
 * the call.  Return 0 to continue.
 */
typedef int (*cs_store_obs_cb)(void *arg, const struct cs_obs *o);

/*
 * Calls cb for each observation stored for ip in scan_id, in the order
 * they were put.  Returns cb's non-zero value, 0, CS_EINVAL or CS_EIO;
 * 0 with no calls if the host was not seen.
 */
int cs_store_each_observation(struct cs_store *s, int64_t scan_id,
			      const char *ip, cs_store_obs_cb cb, void *arg);

/*
 * Callback for cs_store_each_observation_of: observation o of the i-th
 * sighting of the list; as for cs_store_obs_cb.  Return 0 to continue.
 */
typedef int (*cs_store_obs_of_cb)(void *arg, size_t i, const struct cs_obs *o);

/*
 * Calls cb for each observation of each of the n sightings sightings[i]
 * (cs_device_row.sighting_id values of cs_store_each_device): by i, each
 * sighting's in the order put, in one query on PostgreSQL (a report reads
 * a whole estate in chunks).  A sighting the store does not hold (or the
 * connection may not see) has none.  n is at most CS_STORE_OBS_OF_MAX.
 * Returns cb's non-zero value, 0, CS_EINVAL (an id <= 0, n too large) or
 * CS_EIO.
 */
#define CS_STORE_OBS_OF_MAX 4096
int cs_store_each_observation_of(struct cs_store *s, const int64_t *sightings,
				 size_t n, cs_store_obs_of_cb cb, void *arg);

/*
 * Starts reading the observations of sightings ahead, so that the
 * database works on them while the caller works on something else.
 * Several reads may be sent ahead (PostgreSQL keeps up to four in flight
 * and runs them back to back); cs_store_each_observation_of takes them
 * in the order sent, each with the same list.  Any other call on s,
 * including a read of another list, first discards the reads not taken.
 * A hint: returns 0 when the backend reads nothing ahead (SQLite), has
 * enough in flight or could not send it (the later read reports the
 * error), CS_EINVAL for an id <= 0 or n too large, CS_EIO when pending
 * rows could not be flushed.
 */
int cs_store_prefetch_observations_of(struct cs_store *s,
				      const int64_t *sightings, size_t n);

/*
 * Lets a read sent ahead make progress while the caller works: takes in
 * what the database has sent of it so far, without waiting (the server
 * stops producing once the connection's buffers are full).  Call it now
 * and then between cs_store_prefetch_observations_of and the read that
 * takes the rows.  A no-op without a read ahead or on SQLite.
 */
void cs_store_poll_ahead(struct cs_store *s);

/*
 * Runs the backend's integrity check (PRAGMA integrity_check plus
 * foreign_key_check for SQLite).  Returns 0 if it reports no problem, or
 * CS_EIO with the first problem in err (errsz bytes, may be 0).
 */
int cs_store_integrity_check(struct cs_store *s, char *err, size_t errsz);

/* ---------------------------------------------------------------------- */
/* Findings and the remediation plan (schema v3).  `camsweep assess`
 * writes them (src/policy/ computes them); `plan` updates the plan fields;
 * `report` reads them with cs_store_each_finding.  See docs/policy.md. */

/* Severity of a finding, most urgent first in the enum's reverse order. */
enum cs_severity {
	CS_SEV_INFO = 0,
	CS_SEV_LOW,
	CS_SEV_MEDIUM,
	CS_SEV_HIGH,
	CS_SEV_CRITICAL
};

/*
 * Returns the static name of a severity: "info", "low", "medium", "high"
 * or "critical" ("info" for an out-of-range value).
 */
const char *cs_severity_name(enum cs_severity v);

/*
 * Parses a severity name (ASCII case ignored) from the NUL-terminated s.
 * Returns 0 and sets *out, or CS_EINVAL.
 */
int cs_severity_parse(const char *s, enum cs_severity *out);

/*
 * Plan status words of a finding (struct cs_finding_row.status):
 *   "open"            raised, nothing planned yet
 *   "planned"         an owner and a due date are set
 *   "done"            the owner says it is done; NOT closed until a later
 *                     scan no longer sees the device where it was
 *   "risk-accepted"   kept on purpose until status_until (YYYY-MM-DD)
 *   "closed"          verified: a later scan (verified_scan) no longer saw
 *                     the device at that address
 *   "withdrawn"       the device is still there but the rule no longer
 *                     applies (changed rule, entity data or estate)
 * cs_finding_status_valid tells whether s is one of these words.
 */
bool cs_finding_status_valid(const char *s);

/*
 * One finding: a device, an obligation of a regime that applies to it,
 * and its remediation plan.  All strings NUL-terminated, "" when unknown.
 * Dates are "YYYY-MM-DD"; times are unix seconds.
 */
struct cs_finding_row {
	int64_t id;    /* stable across assess runs; 0 before first put */
	char key[192]; /* "ip|regime|obligation": what makes it the same;
			  "mac:MAC|regime|obligation" for a device only
			  the switches know (either may be prefixed by
			  "site@") */
	/* the device and where it is */
	char ip[46];       /* "" only for a device only the switches know with
			      no address: then device_id and mac name it */
	int64_t device_id; /* 0 if the device row is gone */
	char mac[24];
	char manufacturer[64], manufacturer_country[4], brand[64], model[64];
	char firmware[64];
	char device_class[16]; /* cs_class_name() word */
	double confidence;     /* of the identity, in [0, 1] */
	char site[64], site_name[128];
	char department[64], department_name[128];
	char zone[16];  /* "core", "cctv", "other", "" = unmapped */
	bool sensitive; /* site is sensitive */
	char sensitivity_reason[64]; /* e.g. "secret,ministers" */
	bool reach_core;             /* answered from a core-network vantage */
	/* the rule */
	char regime[48];         /* e.g. "uk-gsg-2022" */
	char regime_version[16]; /* e.g. "1" */
	char obligation[32];     /* e.g. "3" or "part-b" */
	enum cs_severity severity;
	char action[32];       /* "cease-deployment", "remove-replace",
				  "disconnect", "review", "deployed-in-breach",
				  "identify" */
	char action_text[160]; /* one line for humans */
	char deadline[11];     /* rule deadline, "" if none */
	char citation[256];
	char url[256];
	char evidence[1024]; /* why: identity, confidence, ownership chain */
	char as_of[11];      /* evaluation date */
	/* the plan */
	char status[16];       /* see cs_finding_status_valid */
	char status_until[11]; /* risk-accepted until, "" otherwise */
	char owner[64];
	char due[11];
	char note[256];
	/* history */
	int64_t first_seen;    /* when the device was first seen at ip */
	int64_t first_scan;    /* scan of the first assess that raised it */
	int64_t last_scan;     /* latest scan that still showed it */
	int64_t verified_scan; /* scan that verified it closed; 0 if not */
	int64_t assessed_at;   /* the assess that last raised, reopened or
				  changed it (one that finds it unchanged
				  writes nothing) */
};

/*
 * Writes one finding computed by an assessment of scan f->last_scan:
 * inserts it, or updates the computed fields of the finding with the
 * same key while keeping its plan (owner, due, note, status).  A finding
 * that was "closed" or "withdrawn" is reopened ("open", verified_scan 0)
 * because the device is back.  A finding whose computed fields
 * (cs_store_finding_same) and device are unchanged and whose last_scan is
 * not older is not written at all: it keeps its assessed_at, so that
 * re-assessing a large estate rewrites only what changed.  The plan
 * fields of f are used only on insert.  Sets *id (may be NULL) and
 * *reopened (may be NULL).  Commits.
 * Returns 0, CS_EINVAL or CS_EIO.
 */
int cs_store_finding_put(struct cs_store *s, const struct cs_finding_row *f,
			 int64_t *id, bool *reopened);

/*
 * Writes the n findings of one assessment as cs_store_finding_put would,
 * one after another (a key given twice: the later row's computed fields
 * win), then reads each back into v[i] as cs_store_finding_get would
 * (its id, plan and status as stored).  reopened (may be NULL) gets one
 * flag per row.  PostgreSQL does it set-based in one transaction, a few
 * statements whatever n is; SQLite row by row.  Returns 0, CS_EINVAL
 * (a row that cs_store_finding_put refuses; nothing is written) or
 * CS_EIO.
 */
int cs_store_finding_put_many(struct cs_store *s, struct cs_finding_row *v,
			      size_t n, bool *reopened);

/*
 * Closes finding id: status "closed" with verified_scan = scan_id (the
 * later scan that no longer saw the device there), or "withdrawn" (scan_id
 * is then the scan that was assessed).  status is one of those two words.
 * Returns 0, CS_EINVAL, CS_ENOTFOUND or CS_EIO.
 */
int cs_store_finding_close(struct cs_store *s, int64_t id, const char *status,
			   int64_t scan_id);

/*
 * Changes to the plan of one finding; NULL fields stay as they are.
 * status must be "open", "planned", "done" or "risk-accepted" ("closed"
 * and "withdrawn" are set by assess only); "risk-accepted" needs an until
 * date (here or already stored).  Dates are YYYY-MM-DD.
 */
struct cs_finding_plan {
	const char *owner, *due, *status, *until, *note;
};

/*
 * Applies p to finding id at time now and records the change in the
 * finding's history.  Returns 0, CS_EINVAL (bad status or date),
 * CS_ENOTFOUND or CS_EIO.
 */
int cs_store_finding_plan(struct cs_store *s, int64_t id,
			  const struct cs_finding_plan *p, int64_t now);

/* Reads finding id into *out.  Returns 0, CS_ENOTFOUND or CS_EIO. */
int cs_store_finding_get(struct cs_store *s, int64_t id,
			 struct cs_finding_row *out);

/*
 * Which findings cs_store_each_finding returns; zero/NULL fields do not
 * filter.  A zeroed struct (or a NULL filter) returns every finding.
 */
struct cs_finding_filter {
	enum cs_severity min_severity; /* at or above */
	const char *regime;            /* exact regime id */
	const char *site;              /* exact site id */
	const char *status;            /* exact status word */
	bool active_only; /* open, planned, done and risk-accepted only */
	bool any_order;   /* in no particular order (no sort: cheaper for a
			     caller that orders only the few it keeps) */
	bool ids_only;    /* only id and last_scan filled, the rest zero
			     (the close step of assess reads every active
			     finding to find the few this run did not raise:
			     at 600,000 findings the whole rows were ~600 MB) */
};

/*
 * Callback for cs_store_each_finding; f is valid only during the call.
 * Return 0 to continue, non-zero to stop.  Must not call cs_store_*
 * functions on the same store.
 */
typedef int (*cs_store_finding_cb)(void *arg, const struct cs_finding_row *f);

/*
 * Calls cb for each finding matching filter (may be NULL), by severity
 * (critical first), then site, IP, regime and obligation (byte-wise),
 * then id -- unless filter->any_order.  Returns cb's non-zero value, 0,
 * or CS_EIO.
 */
int cs_store_each_finding(struct cs_store *s,
			  const struct cs_finding_filter *filter,
			  cs_store_finding_cb cb, void *arg);

/*
 * Records what `camsweep reach` saw from vantage (a name for the host it
 * ran on) for ip at time at: the open ports answered (may be 0 of them:
 * not reachable).  Replaces the earlier record for (vantage, ip).
 * Commits.  Returns 0, CS_EINVAL or CS_EIO.
 */
int cs_store_reach_put(struct cs_store *s, const char *vantage, const char *ip,
		       const uint16_t *ports, size_t nports, int64_t at);

/*
 * Tells whether ip answered from any vantage point in its latest record.
 * Returns 1 (and copies the vantage name into vantage, vsz bytes, and
 * the ports as text "80,554" into ports, psz bytes; both may be NULL),
 * 0 when not reachable or never checked, or CS_EINVAL / CS_EIO.
 */
int cs_store_reach_get(struct cs_store *s, const char *ip, char *vantage,
		       size_t vsz, char *ports, size_t psz);

/*
 * Callback for cs_store_each_reach: one address that answered, with the
 * vantage and ports of its latest reachable record (NUL-terminated,
 * valid only during the call).  Return 0 to continue.  Must not call
 * cs_store_* functions on the same store.
 */
typedef int (*cs_store_reach_cb)(void *arg, const char *ip, const char *vantage,
				 const char *ports);

/*
 * Calls cb once for every address that cs_store_reach_get would report
 * reachable, with what it would copy out, in no particular order: one
 * query for an assessment of the whole estate instead of one per device.
 * Returns cb's non-zero value, 0, or CS_EIO.
 */
int cs_store_each_reach(struct cs_store *s, cs_store_reach_cb cb, void *arg);

/*
 * The identity key of a device within its site: "mac:" and the MAC in
 * lower case when mac is non-empty, else "serial:" and the serial when
 * serial is non-empty, else "ip:" and the canonical address text.  Writes
 * it NUL-terminated into out (outsz bytes, cut to fit).
 */
void cs_store_device_key(const char *mac, const char *serial, const char *ip,
			 char *out, size_t outsz);

/*
 * PostgreSQL administration, run as the inventory's owner (an SQLite
 * store returns CS_EINVAL).  cs_store_admin_init sets up the sealed
 * sites: the group role camsweep_sensor, its column privileges (never
 * the id columns) and one row-security policy per table that keeps every
 * sensor to the rows of its own site (site = its role name); idempotent.
 * cs_store_admin_add_sensor creates (or updates) the login role name
 * ([a-z][a-z0-9_]{0,62}) with password, a member of camsweep_sensor,
 * with the limits below.
 * Returns 0, CS_EINVAL or CS_EIO.  See docs/sensors.md.
 */
int cs_store_admin_init(struct cs_store *s);

/*
 * What a sensor's role may hold of the server, set on the role by
 * cs_store_admin_add_sensor (a 0 field: the default in brackets).  A
 * stuck or hostile sensor can then neither take every connection nor
 * hold a lock or a transaction open against the other sites' work.
 */
struct cs_sensor_limits {
	int connections;     /* CONNECTION LIMIT [4] */
	int lock_timeout_ms; /* lock_timeout [10 000] */
	int statement_ms;    /* statement_timeout [300 000] */
	int idle_in_txn_ms;  /* idle_in_transaction_session_timeout
				[900 000] */
};
#define CS_SENSOR_CONNECTIONS 4
#define CS_SENSOR_LOCK_TIMEOUT_MS 10000
#define CS_SENSOR_STATEMENT_MS 300000
#define CS_SENSOR_IDLE_IN_TXN_MS 900000

/* As cs_store_admin_add_sensor_limits with the default limits. */
int cs_store_admin_add_sensor(struct cs_store *s, const char *name,
			      const char *password);
/* lim NULL: the defaults; a negative field is CS_EINVAL. */
int cs_store_admin_add_sensor_limits(struct cs_store *s, const char *name,
				     const char *password,
				     const struct cs_sensor_limits *lim);

/*
 * Sets *out to the scan before id (older: the newest with a smaller id)
 * or after it (the oldest with a larger id).  Scan ids grow with time on
 * both backends but are not consecutive (on PostgreSQL they are
 * time-based), so walk the scans with these, never by id - 1.  Returns 0,
 * CS_ENOTFOUND or CS_EIO.
 */
int cs_store_prev_scan(struct cs_store *s, int64_t id, int64_t *out);
int cs_store_next_scan(struct cs_store *s, int64_t id, int64_t *out);

/*
 * Sets *first to the id of the oldest scan (the inventory's baseline).
 * Returns 0, CS_ENOTFOUND or CS_EIO.
 */
int cs_store_first_scan(struct cs_store *s, int64_t *first);

/*
 * Schema v6: one recorded assessment (camsweep assess).  The strings are
 * program text, except the estate file's text and ids, which the user
 * wrote; fixed arrays are NUL-terminated, the pointers are owned by the
 * struct (NULL reads as "") and freed by cs_assessment_clear.
 */
struct cs_assessment {
	int64_t id;             /* set by cs_store_assessment_put */
	int64_t scan_id;        /* the scan assessed */
	int64_t assessed_at;    /* unix seconds */
	int64_t findings;       /* findings raised */
	char as_of[11];         /* YYYY-MM-DD */
	char regimes[512];      /* "id@version,..." */
	char estate_file[512];  /* path as given; "" with --no-estate */
	char estate_sha256[65]; /* lower-case hex; "" with --no-estate */
	char data_version[160]; /* digest of the rule and entity data */
	char tool_version[32];
	char *estate_text; /* the estate file as read */
	char *sites;       /* site ids of the estate, comma-separated */
	char *departments; /* department ids, comma-separated */
	char *command;     /* the command line, words separated by spaces */
};

/* Frees the owned strings of a (not a itself) and zeroes it. */
void cs_assessment_clear(struct cs_assessment *a);

/* Records a; sets a->id.  Returns 0, CS_EINVAL or CS_EIO. */
int cs_store_assessment_put(struct cs_store *s, struct cs_assessment *a);

/*
 * Reads the newest recorded assessment into *out (cleared first; free
 * with cs_assessment_clear).  Returns 0, CS_ENOTFOUND or CS_EIO.
 */
int cs_store_assessment_latest(struct cs_store *s, struct cs_assessment *out);

/*
 * Schema v7 (issue #22): where a device is plugged in, as `camsweep
 * switches` read it.  One row per MAC within its site; strings are
 * NUL-terminated, "" when unknown; the switch's strings (port, neighbour)
 * are what the switch returned, printable ASCII only (anything else
 * became '?'), escaped by each output.
 */
struct cs_placement_row {
	char site[64];
	char mac[24]; /* "aa:bb:cc:dd:ee:ff", lower case */
	char sw[64];  /* the switch's name in the switches file */
	char sw_addr[46];
	char port[64]; /* ifName, else ifDescr, else "port N" */
	int32_t ifindex;
	int vlan;           /* 0 unknown */
	char poe[16];       /* "delivering", "searching", ..., "" none */
	char neighbour[64]; /* the LLDP neighbour on the port */
	char ip[46];        /* from a router's ARP table, "" none */
	char oui[128];      /* the MAC's registrant, "" unknown */
	int64_t seen_at;
	int64_t scan_id;   /* the scan whose scope the switches were in */
	int64_t device_id; /* the inventory's device with this MAC, 0 none */
};

/*
 * Records p (replacing the earlier placement of its MAC in its site) and
 * links it to the device keyed by its MAC in its site, else to the
 * device last seen at p->ip in its site without a MAC, which takes the
 * MAC (as a sighting bringing it would re-key it).  With make and no
 * such device, first makes one (the switch alone knew it): address p->ip
 * (may be ""), maker p->oui, class unknown, first and last seen
 * p->seen_at in scan p->scan_id; *made (may be NULL) says so.  Sets
 * p->device_id.  Commits.  Returns 0, CS_EINVAL or CS_EIO.
 */
int cs_store_placement_put(struct cs_store *s, struct cs_placement_row *p,
			   bool make, bool *made);

/* Callback for cs_store_each_placement; p valid during the call only. */
typedef int (*cs_store_placement_cb)(void *arg,
				     const struct cs_placement_row *p);

/*
 * Calls cb for every placement, by site then MAC.  Returns cb's non-zero
 * value, 0 or CS_EIO.
 */
int cs_store_each_placement(struct cs_store *s, cs_store_placement_cb cb,
			    void *arg);

/*
 * A device only the switches know: linked from a placement of a scan
 * (placement.scan_id) and never seen by a scan itself (no sighting in
 * any scan), such as a camera on a PoE port with no answering address.
 * Its identity columns are what `camsweep switches` derived from the
 * MAC (audit/placed.h); strings are NUL-terminated, "" when unknown.
 */
struct cs_placed_device {
	int64_t device_id;
	char site[64]; /* the device's site */
	char ip[46];   /* the device's address ("" none: the usual case) */
	char mac[24];
	char manufacturer[64], manufacturer_country[4], brand[64];
	char model[64], firmware[64];
	char device_class[16]; /* cs_class_name() word */
	int surveillance;      /* 1, 0, -1 not established */
	double confidence;
	int64_t first_seen, last_seen;
	struct cs_placement_row place; /* its placement */
};

/* Callback for cs_store_each_placed_only; d valid during the call only.
 * It must not call cs_store_* functions on the same store. */
typedef int (*cs_store_placed_cb)(void *arg, const struct cs_placed_device *d);

/*
 * Calls cb for every device only the switches know in scan_id (see
 * struct cs_placed_device), by site then MAC (byte-wise).  Returns cb's
 * non-zero value, 0, CS_EINVAL or CS_EIO.
 */
int cs_store_each_placed_only(struct cs_store *s, int64_t scan_id,
			      cs_store_placed_cb cb, void *arg);

/*
 * Sets the identity columns (maker, country, brand, model, firmware,
 * class, surveillance, confidence) of device_id to id's, but only while
 * no scan has seen that device (no sighting): a device only the switches
 * know, identified from its MAC.  A device a scan saw keeps the identity
 * its sightings gave it.  Commits.  Returns 0, CS_EINVAL or CS_EIO.
 */
int cs_store_placed_identity(struct cs_store *s, int64_t device_id,
			     const struct cs_identity *id);

/* ---------------------------------------------------------------------- */
/* Schema v8: SQL for the console (src/serve, docs/serve.md), which keeps
 * its users, sessions and audit log in the inventory and reads devices,
 * findings and scans a page at a time under the caller's scope. */

/*
 * One result row: ncol text values, val[i] NULL for SQL NULL; valid only
 * during the call.  Return 0 to continue, non-zero to stop.  It must not
 * call cs_store_* functions on the same store.
 */
typedef int (*cs_store_row_cb)(void *arg, int ncol, const char *const *val);

/*
 * Runs one statement of sql, written in the dialect both backends share,
 * with text parameters $1..$n (each first used in that order; SQLite
 * binds them by position), calling cb for each row (cb may be NULL).
 * Runs inside the transaction the caller opened with "BEGIN" through
 * this call, if any, committing no batch of its own.  sql must be
 * program text: every value comes in params.  Returns cb's non-zero
 * value, 0, CS_EINVAL (nparams > 256) or CS_EIO (cs_store_errmsg says
 * why).
 */
#define CS_STORE_QUERY_MAX_PARAMS 256
int cs_store_query(struct cs_store *s, const char *sql,
		   const char *const *params, int nparams, cs_store_row_cb cb,
		   void *arg);

/*
 * A number that moves whenever another connection (or process) has
 * committed a change to the inventory since this connection last asked:
 * an answer computed after reading it stays right while it stays the
 * same.  Call it outside any transaction.  SQLite: PRAGMA data_version.
 * PostgreSQL: the first call LISTENs on the channel the triggers of
 * schema v11 notify; each call then makes one round trip, after which
 * every change committed before the call began has been notified.
 * Returns 0 or CS_EIO.
 */
int cs_store_changes(struct cs_store *s, int64_t *out);

/* True for the PostgreSQL backend (row-level security and roles). */
bool cs_store_is_pg(const struct cs_store *s);

/*
 * Calls cb for each finding of "SELECT <the finding columns> FROM finding
 * <tail>", tail being program text (a WHERE clause with $n parameters,
 * ORDER BY, LIMIT), as cs_store_query runs it.  Returns as
 * cs_store_query.
 */
int cs_store_query_findings(struct cs_store *s, const char *tail,
			    const char *const *params, int nparams,
			    cs_store_finding_cb cb, void *arg);

#endif /* CS_STORE_STORE_H */
