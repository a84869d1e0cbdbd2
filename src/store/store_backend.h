/* SPDX-License-Identifier: ISC */
/*
 * Private interface between the backend-neutral front end (store.c) and
 * the storage backends (store_sqlite.c, store_pg.c).  Nothing
 * outside src/store/ includes this header.
 *
 * store.c validates every argument (non-NULL pointers, status words, IP
 * text, integer ranges) before calling an op, so the ops may rely on
 * them.  Ops report database failures as CS_EIO after describing them
 * with cs_store_set_err.
 */
#ifndef CS_STORE_STORE_BACKEND_H
#define CS_STORE_STORE_BACKEND_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "store/store.h"

/* Schema versions known to this program (one migration per version). */
#define CS_STORE_SCHEMA_LATEST 11

/* An IP address as the store keys and orders it. */
struct cs_store_ip {
	char text[46]; /* canonical text (inet_ntop) */
	bool v4;       /* true for IPv4 */
	int64_t num;   /* IPv4 as a host-order integer; 0 for IPv6 */
};

/*
 * Orders two stored address texts as a scan's devices are listed: IPv4
 * before IPv6, each numerically, then anything else byte-wise.  The
 * SQLite backend registers it as the collation "csip"; the PostgreSQL
 * backend sorts by ip::inet, which agrees, and merges its cursors by it.
 */
int cs_store_ip_cmp(const char *a, size_t na, const char *b, size_t nb);

/* A host about to be written, after validation by store.c. */
struct cs_store_host {
	struct cs_store_ip ip;
	const uint16_t *ports;
	size_t nports;
	const struct cs_obs_list *obs; /* NULL: none */
	const struct cs_identity *id;  /* never NULL (store.c substitutes) */
	int64_t seen_at;
	const struct cs_attachment *att; /* NULL if natt == 0 */
	size_t natt;
	/* Schema v4, resolved by store.c. */
	const char *site; /* "": the scan's site */
	char mac[24];     /* the caller's, else the "mac" observation, or "" */
	char serial[64];  /* the caller's, else a "*.serial" observation */
	char key[128];    /* cs_store_device_key of mac, serial, ip */
	/* Keys a device seen earlier at this address may have had before
	 * this sighting brought its MAC or serial ("" if none): such a
	 * device is re-keyed to key instead of a new one being made. */
	char adopt[2][128];
};

struct cs_store_ops {
	const char *scheme; /* "sqlite", "postgresql" */
	/* Opens target (the path or URI without the scheme), migrating. */
	int (*open)(struct cs_store *s, const char *target, char *err,
		    size_t errsz);
	/* Commits any open batch and frees the backend state. */
	void (*close)(struct cs_store *s);
	int (*schema_version)(struct cs_store *s);
	int (*scan_begin)(struct cs_store *s, const struct cs_scan_info *info,
			  int64_t *scan_id);
	int (*scan_find_resumable)(struct cs_store *s,
				   const struct cs_scan_info *info,
				   int64_t *scan_id, uint64_t *watermark);
	int (*scan_resume)(struct cs_store *s, int64_t scan_id, int64_t now);
	int (*scan_delivered)(struct cs_store *s, int64_t scan_id,
			      int64_t central_id);
	int (*scan_find)(struct cs_store *s, const struct cs_scan_info *info,
			 int64_t *scan_id, char status[16]);
	int (*put_host)(struct cs_store *s, int64_t scan_id,
			const struct cs_store_host *h);
	int (*checkpoint)(struct cs_store *s, int64_t scan_id,
			  int64_t watermark, int64_t hosts_done);
	int (*scan_end)(struct cs_store *s, int64_t scan_id, const char *status,
			int64_t ended);
	int (*latest_scan)(struct cs_store *s, int64_t *scan_id);
	int (*scan_get)(struct cs_store *s, int64_t scan_id,
			struct cs_scan_state *st);
	/* parts: CS_DEV_* (cs_store_each_device_parts) */
	int (*each_device)(struct cs_store *s, int64_t scan_id, unsigned parts,
			   cs_store_device_cb cb, void *arg);
	int (*each_observation)(struct cs_store *s, int64_t scan_id,
				const struct cs_store_ip *ip,
				cs_store_obs_cb cb, void *arg);
	int (*integrity_check)(struct cs_store *s, char *err, size_t errsz);
	/* Schema v3: findings, plan and reach (see store.h). */
	/* The finding state machine is in store.c; these are its
	 * primitives.  lookup: id and status of the finding with key
	 * (CS_ENOTFOUND if none).  write: insert f with status (fid 0), or
	 * update the computed columns of fid, reopening it (status "open",
	 * verified_scan 0) when reopen; sets *id.  set_status: status and
	 * verified_scan of id.  set_plan: the non-NULL plan fields of id.
	 * event: one line of a finding's history.  device_of: the device
	 * last seen at ip (0: none). */
	int (*finding_lookup)(struct cs_store *s, const char *key,
			      int64_t *id, char status[16]);
	int (*finding_write)(struct cs_store *s, const struct cs_finding_row *f,
			     int64_t fid, const char *status, bool reopen,
			     int64_t dev, int64_t *id);
	int (*finding_set_status)(struct cs_store *s, int64_t id,
				  const char *status, int64_t verified);
	int (*finding_set_plan)(struct cs_store *s, int64_t id,
				const struct cs_finding_plan *p);
	int (*finding_event)(struct cs_store *s, int64_t id, int64_t at,
			     int64_t scan_id, const char *what,
			     const char *detail);
	int64_t (*device_of)(struct cs_store *s, const char *ip);
	int (*finding_get)(struct cs_store *s, int64_t id,
			   struct cs_finding_row *out);
	int (*each_finding)(struct cs_store *s,
			    const struct cs_finding_filter *filter,
			    cs_store_finding_cb cb, void *arg);
	int (*reach_put)(struct cs_store *s, const char *vantage,
			 const struct cs_store_ip *ip, const char *ports,
			 bool reachable, int64_t at);
	int (*reach_get)(struct cs_store *s, const struct cs_store_ip *ip,
			 char *vantage, size_t vsz, char *ports, size_t psz);
	/* optional: NULL runs finding_put and finding_get per row */
	int (*finding_put_many)(struct cs_store *s, struct cs_finding_row *v,
				const char *const *status, size_t n,
				bool *reopened);
	/* ids checked (> 0, n <= CS_STORE_OBS_OF_MAX, n > 0) */
	int (*each_observation_of)(struct cs_store *s, const int64_t *sightings,
				   size_t n, cs_store_obs_of_cb cb, void *arg);
	/* optional: NULL reads nothing ahead; sends the read of
	 * each_observation_of(sightings) so that call collects it */
	int (*prefetch_observations_of)(struct cs_store *s,
					const int64_t *sightings, size_t n);
	/* optional: takes in what has arrived of a read sent ahead */
	void (*poll_ahead)(struct cs_store *s);
	int (*each_reach)(struct cs_store *s, cs_store_reach_cb cb,
			  void *arg);
	int (*first_scan)(struct cs_store *s, int64_t *first);
	/* Schema v6: assessments (store.h). */
	int (*assessment_put)(struct cs_store *s, struct cs_assessment *a);
	int (*assessment_latest)(struct cs_store *s, struct cs_assessment *a);
	/* Schema v7: placements (store.h); p->mac lower case and p->ip
	 * canonical, checked; ip NULL when p->ip is "". */
	int (*placement_put)(struct cs_store *s, struct cs_placement_row *p,
			     const struct cs_store_ip *ip, bool make,
			     bool *made);
	int (*each_placement)(struct cs_store *s, cs_store_placement_cb cb,
			      void *arg);
	/* The scan next to id: older (smaller id) or newer. */
	int (*scan_near)(struct cs_store *s, int64_t id, bool older,
			 int64_t *out);
	/* One statement of SQL text with text parameters $1..$n (numbered
	 * in order of first use), each row to cb (NULL: rows ignored);
	 * runs inside whatever transaction is open, committing no batch. */
	int (*query)(struct cs_store *s, const char *sql,
		     const char *const *params, int nparams,
		     cs_store_row_cb cb, void *arg);
	/* A number that moves whenever another connection has committed a
	 * change to the inventory since the last call; outside any
	 * transaction (SQLite: PRAGMA data_version; PostgreSQL: the
	 * notifications of schema v11's triggers, after one round trip). */
	int (*changes)(struct cs_store *s, int64_t *out);
	/* PostgreSQL administration (NULL for SQLite). */
	int (*admin_init)(struct cs_store *s);
	int (*admin_add_sensor)(struct cs_store *s, const char *name,
				const char *password,
				const struct cs_sensor_limits *lim);
};

/* The store handle shared by front end and backend. */
struct cs_store {
	const struct cs_store_ops *ops;
	void *priv;       /* backend state, owned by the backend */
	char errmsg[256]; /* last error, "" if none */
};

/*
 * store_pg.c's rules for a connection string, before connecting: a
 * password inside it is refused (CS_EINVAL, err says why without the
 * string); *add_ssl tells whether sslmode=verify-full is added (a server
 * not on this machine, and no sslmode chosen by the user), *add_timeout
 * whether connect_timeout=10 is (none chosen).  0 or CS_E*.
 */
int cs_store_pg_conn_policy(const char *target, bool *add_ssl,
			    bool *add_timeout, char *err, size_t errsz);

extern const struct cs_store_ops cs_store_sqlite_ops;
extern const struct cs_store_ops cs_store_pg_ops;

/*
 * A text column of struct cs_finding_row: its SQL name, offset and size.
 * Both backends read and write the finding table through these lists, so
 * a new text field is added once, in store.c.
 */
struct cs_store_col {
	const char *name;
	size_t off, size;
};

/* The finding's identity and rule columns (count in *n). */
const struct cs_store_col *cs_store_finding_cols(size_t *n);
/* The finding's plan columns (count in *n). */
const struct cs_store_col *cs_store_plan_cols(size_t *n);

/*
 * The computed fields of a finding (an assessment's output: the text
 * columns above and confidence, sensitive, reach_core, severity,
 * first_seen; not the ids, scans, plan or assessed_at).
 * cs_store_finding_same is true when stored already holds those of f
 * with device dev (then re-assessing it writes nothing);
 * cs_store_finding_computed_copy copies them from src to dst.
 */
bool cs_store_finding_same(const struct cs_finding_row *stored,
			   const struct cs_finding_row *f, int64_t dev);
void cs_store_finding_computed_copy(struct cs_finding_row *dst,
				    const struct cs_finding_row *src);

/*
 * Writes into sql (sz bytes) the one SELECT of a finding row both
 * backends read: id, fkey, dev (the dialect's expression of device_id),
 * confidence, sensitive, reach_core, severity, first_seen, first_scan,
 * last_scan, verified_scan, assessed_at, then the finding columns and the
 * plan columns in list order, FROM finding.
 */
void cs_store_finding_select(char *sql, size_t sz, const char *dev);

/* Appends s to the NUL-terminated SQL text in buf (bsz bytes), cut to fit. */
void cs_store_sql_add(char *buf, size_t bsz, const char *s);

/* Formats the last error of s into s->errmsg. */
void cs_store_set_err(struct cs_store *s, const char *fmt, ...) CS_PRINTF(2, 3);

#endif /* CS_STORE_STORE_BACKEND_H */
