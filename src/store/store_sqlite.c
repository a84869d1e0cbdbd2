/* SPDX-License-Identifier: ISC */
/*
 * SQLite backend of the inventory store.  All SQL of this backend lives in
 * this file: the migrations (one script per schema version) and the
 * statements, which are prepared once, cached, and only ever given data
 * through bound parameters with explicit lengths.
 *
 * Batching: put_host runs inside one long "BEGIN IMMEDIATE" transaction
 * that it opens on demand; each host is wrapped in a savepoint so a failed
 * host leaves the batch intact.  checkpoint, scan_end, scan_begin and
 * close commit.  See docs/internals/store.md.
 */
#include "store/store_backend.h"

#include <inttypes.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "core/alloc.h"
#include "core/str.h"
#include "core/poison.h"

/* PRAGMA application_id of a camsweep inventory: "CSWP". */
#define CS_SQLITE_APP_ID 0x43535750

/*
 * Migrations: entry i brings the schema from version i to i + 1.  Never
 * edit a released entry; append a new one and bump CS_STORE_SCHEMA_LATEST.
 */
struct migration {
	const char *name;
	const char *sql;
};

/* The migrations, src/store/sql/sqlite/NNNN_name.sql, embedded by
 * src/store/sql/embed.py. */
#include "migrations_sqlite.h"
#define migrations sq_migrations

_Static_assert(CS_NELEM(migrations) == CS_STORE_SCHEMA_LATEST,
	       "one migration per schema version");

/* The cached statements. */
enum {
	ST_BEGIN,
	ST_COMMIT,
	ST_ROLLBACK,
	ST_SAVEPOINT,
	ST_RELEASE,
	ST_ROLLBACK_TO,
	ST_SCAN_INSERT,
	ST_SCAN_FIND,
	ST_SCAN_RESUME,
	ST_SCAN_CHECKPOINT,
	ST_SCAN_END,
	ST_SCAN_LATEST,
	ST_SCAN_GET,
	ST_SIGHTING_DELETE,
	ST_DEVICE_UPSERT,
	ST_SIGHTING_INSERT,
	ST_PORT_INSERT,
	ST_OBS_INSERT,
	ST_EV_INSERT,
	ST_EACH_SIGHTING,
	ST_EACH_PORT,
	ST_EACH_EV,
	ST_EACH_OBS,
	ST_EACH_OBS_OF,
	ST_ATT_INSERT,
	ST_EACH_ATT,
	ST_SCAN_SITE,
	ST_DEVICE_ADOPT,
	ST_DEVICE_KEEP,
	ST_SCAN_DELIVERED,
	ST_SCAN_OLDER,
	ST_SCAN_NEWER,
	ST_SCAN_FIND_ANY,
	ST_COUNT
};

/* Identity columns, in the order bind_identity binds them. */
#define ID_COLS                                                                \
	"manufacturer, manufacturer_country, brand, model, firmware, "         \
	"device_class, surveillance, confidence"

/* "col = CASE WHEN newer THEN excluded.col ELSE col END" for the upsert. */
#define NEWER "excluded.last_seen >= device.last_seen"
#define TAKE(c) c " = CASE WHEN " NEWER " THEN excluded." c " ELSE " c " END"

/* clang-format off */
static const char *const sql_text[ST_COUNT] = {
	[ST_BEGIN] = "BEGIN IMMEDIATE",
	[ST_COMMIT] = "COMMIT",
	[ST_ROLLBACK] = "ROLLBACK",
	[ST_SAVEPOINT] = "SAVEPOINT cs_host",
	[ST_RELEASE] = "RELEASE cs_host",
	[ST_ROLLBACK_TO] = "ROLLBACK TO cs_host",
	[ST_SCAN_INSERT] =
	    "INSERT INTO scan (scope, exclusions, ports, options, vantage, "
	    "version, status, started, total_targets, site) "
	    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'running', ?7, ?8, ?9)",
	[ST_SCAN_FIND] = "SELECT id, watermark FROM scan "
			 "WHERE status IN ('running', 'interrupted', 'incomplete') "
			 "AND scope = ?1 AND exclusions = ?2 AND ports = ?3 "
			 "AND options = ?4 ORDER BY started DESC, id DESC "
			 "LIMIT 1",
	[ST_SCAN_RESUME] = "UPDATE scan SET status = 'running', ended = NULL, "
			   "resume_count = resume_count + 1, resumed_at = ?2 "
			   "WHERE id = ?1 AND status <> 'complete'",
	[ST_SCAN_CHECKPOINT] = "UPDATE scan SET watermark = ?2, "
			       "hosts_done = ?3 WHERE id = ?1",
	[ST_SCAN_END] = "UPDATE scan SET status = ?2, ended = ?3 WHERE id = ?1",
	[ST_SCAN_LATEST] = "SELECT id FROM scan ORDER BY id DESC LIMIT 1",
	[ST_SCAN_GET] = "SELECT status, started, ended, total_targets, "
			"watermark, hosts_done, resume_count, scope, "
			"exclusions, ports, vantage, site, delivered "
			"FROM scan WHERE id = ?1",
	[ST_SCAN_SITE] = "SELECT site FROM scan WHERE id = ?1",
	[ST_SCAN_FIND_ANY] = "SELECT id, status FROM scan "
			     "WHERE scope = ?1 AND exclusions = ?2 "
			     "AND ports = ?3 AND options = ?4 "
			     "ORDER BY started DESC, id DESC LIMIT 1",
	[ST_SCAN_OLDER] = "SELECT id FROM scan WHERE id < ?1 "
			  "ORDER BY id DESC LIMIT 1",
	[ST_SCAN_NEWER] = "SELECT id FROM scan WHERE id > ?1 "
			  "ORDER BY id LIMIT 1",
	[ST_SCAN_DELIVERED] = "UPDATE scan SET delivered = ?2 WHERE id = ?1",
	/* A device seen at this address before its MAC or serial was
	 * known takes the new key (unless a device already has it). */
	[ST_DEVICE_ADOPT] =
	    "UPDATE device SET dkey = ?1 WHERE id = (SELECT id FROM device "
	    "WHERE site = ?2 AND dkey IN (?3, ?4) ORDER BY dkey = ?4 DESC "
	    "LIMIT 1) AND NOT EXISTS (SELECT 1 FROM device "
	    "WHERE site = ?2 AND dkey = ?1)",
	/* A sighting without MAC or serial of the maker of the device last
	 * seen at its address, if that device has one of them: the same
	 * device, seen without it (its probe timed out). */
	[ST_DEVICE_KEEP] =
	    "SELECT dkey FROM (SELECT dkey, manufacturer FROM device "
	    "WHERE site = ?1 AND ip = ?2 ORDER BY last_seen DESC, id DESC "
	    "LIMIT 1) WHERE dkey NOT LIKE 'ip:%' AND manufacturer = ?3",
	[ST_SIGHTING_DELETE] =
	    "DELETE FROM sighting WHERE scan_id = ?1 AND ip = ?2",
	[ST_DEVICE_UPSERT] =
	    "INSERT INTO device (" ID_COLS ", ip, ip_num, first_scan, "
	    "last_scan, first_seen, last_seen, mac, site, dkey, serial) "
	    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11, "
	    "?12, ?12, ?13, ?14, ?15, ?16) "
	    "ON CONFLICT (site, dkey) DO UPDATE SET "
	    "mac = CASE WHEN excluded.mac <> '' AND " NEWER
	    " THEN excluded.mac ELSE mac END, "
	    "serial = CASE WHEN excluded.serial <> '' AND " NEWER
	    " THEN excluded.serial ELSE serial END, "
	    TAKE("ip") ", " TAKE("manufacturer") ", " TAKE("manufacturer_country") ", "
	    TAKE("brand") ", " TAKE("model") ", " TAKE("firmware") ", "
	    TAKE("device_class") ", " TAKE("surveillance") ", "
	    TAKE("confidence") ", " TAKE("ip_num") ", " TAKE("last_scan") ", "
	    "first_scan = CASE WHEN excluded.first_seen < device.first_seen "
	    "THEN excluded.first_scan ELSE first_scan END, "
	    "first_seen = min(first_seen, excluded.first_seen), "
	    "last_seen = max(last_seen, excluded.last_seen) "
	    "RETURNING id",
	[ST_SIGHTING_INSERT] =
	    "INSERT INTO sighting (" ID_COLS ", ip, ip_num, scan_id, "
	    "device_id, seen_at, obs_dropped, ev_dropped, mac) "
	    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, "
	    "?13, ?14, ?15, ?16)",
	[ST_PORT_INSERT] = "INSERT OR IGNORE INTO sighting_port "
			   "(sighting_id, port) VALUES (?1, ?2)",
	[ST_OBS_INSERT] = "INSERT INTO observation (sighting_id, seq, key, "
			  "port, flags, value) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
	[ST_EV_INSERT] = "INSERT INTO evidence (sighting_id, seq, field, "
			 "value, rule, obs_key, port, weight, observation_id, "
			 "claim) "
			 "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
	[ST_EACH_SIGHTING] =
	    "SELECT s.id, s.device_id, s.ip, s.manufacturer, "
	    "s.manufacturer_country, s.brand, s.model, s.firmware, "
	    "s.device_class, s.surveillance, s.confidence, d.first_seen, "
	    "d.last_seen, s.ev_dropped, s.mac, d.site, d.serial "
	    "FROM sighting s JOIN device d ON d.id = s.device_id "
	    "WHERE s.scan_id = ?1 "
	    "ORDER BY s.ip_num IS NULL, s.ip_num, s.ip COLLATE csip",
	[ST_EACH_PORT] = "SELECT port FROM sighting_port WHERE sighting_id = ?1 "
			 "ORDER BY port LIMIT 64",
	[ST_EACH_EV] = "SELECT field, value, rule, obs_key, port, weight, "
		       "claim "
		       "FROM evidence WHERE sighting_id = ?1 ORDER BY seq "
		       "LIMIT 48",
	[ST_EACH_OBS] = "SELECT o.key, o.port, o.flags, o.value "
			"FROM observation o JOIN sighting s "
			"ON s.id = o.sighting_id "
			"WHERE s.scan_id = ?1 AND s.ip = ?2 ORDER BY o.seq",
	[ST_EACH_OBS_OF] = "SELECT key, port, flags, value FROM observation "
			   "WHERE sighting_id = ?1 ORDER BY seq",
	[ST_ATT_INSERT] = "INSERT INTO attachment (sighting_id, channel, ip, "
			  "port, name, model, serial, firmware, vendor, mac, "
			  "manufacturer, brand, id_model, device_class) "
			  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, "
			  "?11, ?12, ?13, ?14)",
	[ST_EACH_ATT] = "SELECT channel, ip, port, name, model, serial, "
			"firmware, vendor, mac, manufacturer, brand, "
			"id_model, device_class FROM attachment "
			"WHERE sighting_id = ?1 ORDER BY channel, id "
			"LIMIT 128",
};

/* clang-format on */

_Static_assert(CS_STORE_MAX_PORTS == 64 && CS_FP_MAX_EVIDENCE == 48 &&
		   CS_STORE_MAX_ATTACH == 128,
	       "LIMIT clauses above follow the row caps");

struct sq {
	sqlite3 *db;
	sqlite3_stmt *st[ST_COUNT];
	int version;
	uint8_t obsbuf[CS_OBS_MAX_VALUE + 1]; /* scratch for each_observation */
	int64_t obs_id[CS_OBS_MAX_COUNT];     /* scratch for put_host */
	int64_t site_scan;                    /* scan whose site is cached */
	char site[64];                        /* ... that site */
	/* cs_store_query's statements, by their text (the console runs
	 * the same few over and over): the least recently used goes */
	struct sq_cached {
		char *sql;
		sqlite3_stmt *st;
		uint64_t used;
	} qcache[32];
	uint64_t qtick;
};

static struct sq *
sq_of(struct cs_store *s)
{
	return s->priv;
}

/* Records the connection's error message and returns CS_EIO. */
static int
db_err(struct cs_store *s, const char *what)
{
	struct sq *q = sq_of(s);

	cs_store_set_err(s, "%s: %s", what, sqlite3_errmsg(q->db));
	return CS_EIO;
}

/* Returns the cached statement id, preparing it on first use. */
static sqlite3_stmt *
st_get(struct cs_store *s, int id)
{
	struct sq *q = sq_of(s);

	if (q->st[id] == NULL &&
	    sqlite3_prepare_v3(q->db, sql_text[id], -1,
			       SQLITE_PREPARE_PERSISTENT, &q->st[id],
			       NULL) != SQLITE_OK) {
		db_err(s, "prepare");
		q->st[id] = NULL;
	}
	return q->st[id];
}

static void
st_done(sqlite3_stmt *st)
{
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
}

/* Runs a statement without parameters or results (BEGIN, COMMIT, ...). */
static int
st_exec(struct cs_store *s, int id, const char *what)
{
	sqlite3_stmt *st = st_get(s, id);
	int rc;

	if (st == NULL)
		return CS_EIO;
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		return db_err(s, what);
	return 0;
}

static bool
in_txn(struct cs_store *s)
{
	return !sqlite3_get_autocommit(sq_of(s)->db);
}

/* Begins the batch transaction unless one is open. */
static int
batch_begin(struct cs_store *s)
{
	if (in_txn(s))
		return 0;
	return st_exec(s, ST_BEGIN, "begin");
}

/* Commits the batch if one is open; rolls back if the commit fails. */
static int
batch_commit(struct cs_store *s)
{
	int rc;

	if (!in_txn(s))
		return 0;
	rc = st_exec(s, ST_COMMIT, "commit");
	if (rc != 0 && in_txn(s))
		st_exec(s, ST_ROLLBACK, "rollback");
	return rc;
}

/* Binds a NUL-terminated string; NULL binds "". */
static int
bind_str(sqlite3_stmt *st, int i, const char *v)
{
	if (v == NULL)
		v = "";
	return sqlite3_bind_text(st, i, v, (int)strlen(v), SQLITE_STATIC);
}

/* Binds a fixed char array, stopping at its first NUL or its end. */
static int
bind_fixed(sqlite3_stmt *st, int i, const char *v, size_t size)
{
	return sqlite3_bind_text(st, i, v, (int)strnlen(v, size),
				 SQLITE_STATIC);
}

#define BIND_FIXED(st, i, arr) bind_fixed((st), (i), (arr), sizeof(arr))

/* Binds the identity columns as ?first .. ?first+7 (order of ID_COLS). */
static int
bind_identity(sqlite3_stmt *st, int first, const struct cs_identity *id)
{
	const char *cls = cs_class_name(id->device_class);
	int rc = 0;

	rc |= BIND_FIXED(st, first, id->manufacturer);
	rc |= BIND_FIXED(st, first + 1, id->manufacturer_country);
	rc |= BIND_FIXED(st, first + 2, id->brand);
	rc |= BIND_FIXED(st, first + 3, id->model);
	rc |= BIND_FIXED(st, first + 4, id->firmware);
	rc |= bind_str(st, first + 5, cls);
	if (id->surveillance_known)
		rc |= sqlite3_bind_int(st, first + 6, id->surveillance ? 1 : 0);
	else
		rc |= sqlite3_bind_null(st, first + 6);
	rc |= sqlite3_bind_double(st, first + 7, id->confidence);
	return rc;
}

/* Copies a text/blob column into a fixed array, NUL-terminated. */
static void
col_copy(sqlite3_stmt *st, int i, char *dst, size_t dsz)
{
	const void *p = sqlite3_column_blob(st, i);
	int n = sqlite3_column_bytes(st, i);

	if (p == NULL || n <= 0) {
		dst[0] = '\0';
		return;
	}
	cs_span_copy(dst, dsz, cs_span_make(p, (size_t)n));
}

/* Reads an int column clamped to [lo, hi]. */
static int64_t
col_clamp(sqlite3_stmt *st, int i, int64_t lo, int64_t hi)
{
	int64_t v = sqlite3_column_int64(st, i);

	return v < lo ? lo : v > hi ? hi : v;
}

/* Reads one integer from a PRAGMA (no data is ever interpolated). */
static int
pragma_int(sqlite3 *db, const char *sql, int64_t *out)
{
	sqlite3_stmt *st;
	int rc;

	*out = 0;
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		return CS_EIO;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*out = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : CS_EIO;
}

static void
open_err(sqlite3 *db, char *err, size_t errsz, const char *what)
{
	if (err != NULL && errsz > 0)
		snprintf(err, errsz, "%s: %s", what,
			 db != NULL ? sqlite3_errmsg(db) : "out of memory");
}

/* Applies every migration above the current version, one txn each. */
static int
migrate(sqlite3 *db, char *err, size_t errsz)
{
	for (;;) {
		int64_t v;
		char sql[96];
		char *msg = NULL;
		sqlite3_stmt *st;

		if (sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL) !=
		    SQLITE_OK) {
			open_err(db, err, errsz, "migrate: begin");
			return CS_EIO;
		}
		/* Re-read inside the lock: another process may have won. */
		if (pragma_int(db, "PRAGMA user_version", &v) != 0)
			goto fail;
		if (v >= CS_STORE_SCHEMA_LATEST) {
			sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
			return 0;
		}
		if (sqlite3_exec(db, migrations[v].sql, NULL, NULL, &msg) !=
		    SQLITE_OK) {
			if (err != NULL && errsz > 0)
				snprintf(err, errsz, "migration %s: %s",
					 migrations[v].name,
					 msg != NULL ? msg : "failed");
			sqlite3_free(msg);
			sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
			return CS_EIO;
		}
		/* Integers only: a PRAGMA cannot take bound parameters. */
		snprintf(sql, sizeof(sql),
			 "PRAGMA application_id = %d; PRAGMA user_version = %d",
			 CS_SQLITE_APP_ID, (int)v + 1);
		if (sqlite3_exec(db, sql, NULL, NULL, NULL) != SQLITE_OK)
			goto fail;
		if (sqlite3_prepare_v2(
			db,
			"INSERT INTO migration_log (version, name, applied_at) "
			"VALUES (?1, ?2, CAST(strftime('%s', 'now') AS "
			"INTEGER))",
			-1, &st, NULL) != SQLITE_OK)
			goto fail;
		sqlite3_bind_int64(st, 1, v + 1);
		bind_str(st, 2, migrations[v].name);
		if (sqlite3_step(st) != SQLITE_DONE) {
			sqlite3_finalize(st);
			goto fail;
		}
		sqlite3_finalize(st);
		if (sqlite3_exec(db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
			goto fail;
		continue;
	fail:
		open_err(db, err, errsz, "migrate");
		sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
		return CS_EIO;
	}
}

static int
ip_collate(void *arg, int na, const void *a, int nb, const void *b)
{
	(void)arg;
	return cs_store_ip_cmp(a, (size_t)na, b, (size_t)nb);
}

static int
sq_open(struct cs_store *s, const char *target, char *err, size_t errsz)
{
	struct sq *q;
	sqlite3 *db = NULL;
	int64_t ver, app, ntables, fk;
	int rc;

	rc = sqlite3_open_v2(target, &db,
			     SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE |
				 SQLITE_OPEN_NOMUTEX,
			     NULL);
	if (rc != SQLITE_OK) {
		open_err(db, err, errsz, "cannot open inventory");
		sqlite3_close(db);
		return CS_EIO;
	}
	sqlite3_extended_result_codes(db, 1);
	sqlite3_busy_timeout(db, 5000);
	/* IPv6 devices (ip_num NULL) in numeric order too (issue #19). */
	sqlite3_create_collation(db, "csip", SQLITE_UTF8, NULL, ip_collate);
	/* The file is data, not code: no triggers/views from it run with
	 * privileges, and the schema cannot be edited behind our back. */
	sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
	sqlite3_db_config(db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);

	if (pragma_int(db, "PRAGMA user_version", &ver) != 0 ||
	    pragma_int(db, "PRAGMA application_id", &app) != 0 ||
	    pragma_int(db, "SELECT count(*) FROM sqlite_master", &ntables) !=
		0) {
		open_err(db, err, errsz, "cannot read inventory");
		goto fail;
	}
	if (ver > CS_STORE_SCHEMA_LATEST) {
		if (err != NULL && errsz > 0)
			snprintf(err, errsz,
				 "inventory schema version %" PRId64
				 " is newer than this camsweep supports (%d); "
				 "upgrade camsweep",
				 ver, CS_STORE_SCHEMA_LATEST);
		goto fail;
	}
	if ((ver == 0 && ntables > 0) || (ver > 0 && app != CS_SQLITE_APP_ID)) {
		if (err != NULL && errsz > 0)
			snprintf(err, errsz, "%s is not a camsweep inventory",
				 target);
		goto fail;
	}
	if (sqlite3_exec(db, "PRAGMA journal_mode = WAL", NULL, NULL, NULL) !=
		SQLITE_OK ||
	    sqlite3_exec(db, "PRAGMA synchronous = NORMAL", NULL, NULL, NULL) !=
		SQLITE_OK) {
		open_err(db, err, errsz, "cannot configure inventory");
		goto fail;
	}
	/* Migrations rebuild tables, so they run with foreign keys off (the
	 * connection's default); they are on for everything else. */
	if (migrate(db, err, errsz) != 0)
		goto fail;
	if (sqlite3_exec(db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL) !=
	    SQLITE_OK) {
		open_err(db, err, errsz, "cannot configure inventory");
		goto fail;
	}
	if (pragma_int(db, "PRAGMA foreign_keys", &fk) != 0 || fk != 1) {
		open_err(db, err, errsz, "foreign keys unavailable");
		goto fail;
	}
	if (pragma_int(db, "PRAGMA user_version", &ver) != 0) {
		open_err(db, err, errsz, "cannot read inventory");
		goto fail;
	}
	q = cs_xcalloc(1, sizeof(*q));
	q->db = db;
	q->version = (int)ver;
	s->priv = q;
	return 0;
fail:
	sqlite3_close(db);
	return CS_EIO;
}

static void
sq_close(struct cs_store *s)
{
	struct sq *q = sq_of(s);

	if (q == NULL)
		return;
	batch_commit(s);
	for (size_t i = 0; i < ST_COUNT; i++)
		sqlite3_finalize(q->st[i]);
	for (size_t i = 0; i < CS_NELEM(q->qcache); i++) {
		sqlite3_finalize(q->qcache[i].st);
		free(q->qcache[i].sql);
	}
	sqlite3_close(q->db);
	free(q);
	s->priv = NULL;
}

static int
sq_schema_version(struct cs_store *s)
{
	return sq_of(s)->version;
}

static int
sq_scan_begin(struct cs_store *s, const struct cs_scan_info *in,
	      int64_t *scan_id)
{
	sqlite3_stmt *st;
	int rc;

	if ((rc = batch_commit(s)) != 0)
		return rc;
	if ((st = st_get(s, ST_SCAN_INSERT)) == NULL)
		return CS_EIO;
	bind_str(st, 1, in->scope);
	bind_str(st, 2, in->exclusions);
	bind_str(st, 3, in->ports);
	bind_str(st, 4, in->options);
	bind_str(st, 5, in->vantage);
	bind_str(st, 6, in->version);
	sqlite3_bind_int64(st, 7, in->started);
	sqlite3_bind_int64(st, 8, (int64_t)in->total_targets);
	bind_str(st, 9, in->site);
	rc = sqlite3_step(st);
	st_done(st);
	if (rc != SQLITE_DONE)
		return db_err(s, "scan_begin");
	*scan_id = sqlite3_last_insert_rowid(sq_of(s)->db);
	return 0;
}

static int
sq_scan_find_resumable(struct cs_store *s, const struct cs_scan_info *in,
		       int64_t *scan_id, uint64_t *watermark)
{
	sqlite3_stmt *st = st_get(s, ST_SCAN_FIND);
	int rc;

	if (st == NULL)
		return CS_EIO;
	bind_str(st, 1, in->scope);
	bind_str(st, 2, in->exclusions);
	bind_str(st, 3, in->ports);
	bind_str(st, 4, in->options);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*scan_id = sqlite3_column_int64(st, 0);
		*watermark = (uint64_t)col_clamp(st, 1, 0, INT64_MAX);
	}
	st_done(st);
	if (rc == SQLITE_ROW)
		return 0;
	if (rc == SQLITE_DONE)
		return CS_ENOTFOUND;
	return db_err(s, "scan_find_resumable");
}

/* Runs a one-row UPDATE; CS_ENOTFOUND if it changed nothing. */
static int
update_one(struct cs_store *s, sqlite3_stmt *st, const char *what)
{
	int rc = sqlite3_step(st);

	st_done(st);
	if (rc != SQLITE_DONE)
		return db_err(s, what);
	return sqlite3_changes(sq_of(s)->db) > 0 ? 0 : CS_ENOTFOUND;
}

static int
sq_scan_find(struct cs_store *s, const struct cs_scan_info *in,
	     int64_t *scan_id, char status[16])
{
	sqlite3_stmt *st = st_get(s, ST_SCAN_FIND_ANY);
	int rc;

	if (st == NULL)
		return CS_EIO;
	bind_str(st, 1, in->scope);
	bind_str(st, 2, in->exclusions);
	bind_str(st, 3, in->ports);
	bind_str(st, 4, in->options);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*scan_id = sqlite3_column_int64(st, 0);
		col_copy(st, 1, status, 16);
	}
	st_done(st);
	if (rc == SQLITE_ROW)
		return 0;
	return rc == SQLITE_DONE ? CS_ENOTFOUND : db_err(s, "scan_find");
}

static int
sq_scan_near(struct cs_store *s, int64_t id, bool older, int64_t *out)
{
	sqlite3_stmt *st = st_get(s, older ? ST_SCAN_OLDER : ST_SCAN_NEWER);
	int rc;

	if (st == NULL)
		return CS_EIO;
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*out = sqlite3_column_int64(st, 0);
	st_done(st);
	if (rc == SQLITE_ROW)
		return 0;
	return rc == SQLITE_DONE ? CS_ENOTFOUND : db_err(s, "scan_near");
}

/* Commits the batch, then runs the one-row update stmt on (a, b). */
static int
update_scan2(struct cs_store *s, int stmt, int64_t a, int64_t b,
	     const char *what)
{
	sqlite3_stmt *st;
	int rc;

	if ((rc = batch_commit(s)) != 0)
		return rc;
	if ((st = st_get(s, stmt)) == NULL)
		return CS_EIO;
	sqlite3_bind_int64(st, 1, a);
	sqlite3_bind_int64(st, 2, b);
	return update_one(s, st, what);
}

static int
sq_scan_delivered(struct cs_store *s, int64_t scan_id, int64_t central_id)
{
	return update_scan2(s, ST_SCAN_DELIVERED, scan_id, central_id,
			    "scan_delivered");
}

static int
sq_scan_resume(struct cs_store *s, int64_t scan_id, int64_t now)
{
	return update_scan2(s, ST_SCAN_RESUME, scan_id, now, "scan_resume");
}

/* Finds the index of the observation that evidence ev points to. */
static long
obs_match(const struct cs_obs_list *l, size_t n, const struct cs_evidence *ev)
{
	size_t klen = strnlen(ev->obs_key, sizeof(ev->obs_key));

	if (l == NULL || klen == 0)
		return -1;
	for (size_t i = 0; i < n; i++) {
		const struct cs_obs *o = &l->v[i];
		if (strnlen(o->key, sizeof(o->key)) == klen &&
		    memcmp(o->key, ev->obs_key, klen) == 0 &&
		    (ev->port == 0 || ev->port == o->port))
			return (long)i;
	}
	return -1;
}

/* The site of a device of scan_id: the host's own, else the scan's.
 * CS_EINVAL when the scan does not exist. */
static int
host_site(struct cs_store *s, int64_t scan_id, const struct cs_store_host *h,
	  char *out, size_t outsz)
{
	struct sq *q = sq_of(s);
	sqlite3_stmt *st;
	int rc;

	if (h->site[0] != '\0') {
		cs_strlcpy(out, h->site, outsz);
		return 0;
	}
	if (q->site_scan != scan_id || scan_id == 0) {
		if ((st = st_get(s, ST_SCAN_SITE)) == NULL)
			return CS_EIO;
		sqlite3_bind_int64(st, 1, scan_id);
		rc = sqlite3_step(st);
		if (rc == SQLITE_ROW)
			col_copy(st, 0, q->site, sizeof(q->site));
		st_done(st);
		if (rc == SQLITE_DONE) {
			cs_store_set_err(s, "put_host: no scan %" PRId64,
					 scan_id);
			return CS_EINVAL;
		}
		if (rc != SQLITE_ROW)
			return db_err(s, "put_host: scan");
		q->site_scan = scan_id;
	}
	cs_strlcpy(out, q->site, outsz);
	return 0;
}

/* Writes the cameras attached behind a recorder's sighting (schema v2). */
static int
put_attachments(struct cs_store *s, int64_t sighting_id,
		const struct cs_store_host *h)
{
	sqlite3_stmt *st;
	int rc;

	if (h->natt == 0)
		return 0;
	if ((st = st_get(s, ST_ATT_INSERT)) == NULL)
		return CS_EIO;
	for (size_t i = 0; i < h->natt && i < CS_STORE_MAX_ATTACH; i++) {
		const struct cs_attachment *a = &h->att[i];

		sqlite3_bind_int64(st, 1, sighting_id);
		sqlite3_bind_int64(st, 2, a->channel);
		BIND_FIXED(st, 3, a->ip);
		sqlite3_bind_int(st, 4, a->port);
		BIND_FIXED(st, 5, a->name);
		BIND_FIXED(st, 6, a->model);
		BIND_FIXED(st, 7, a->serial);
		BIND_FIXED(st, 8, a->firmware);
		BIND_FIXED(st, 9, a->vendor);
		BIND_FIXED(st, 10, a->mac);
		BIND_FIXED(st, 11, a->manufacturer);
		BIND_FIXED(st, 12, a->brand);
		BIND_FIXED(st, 13, a->id_model);
		bind_str(st, 14, cs_class_name(a->device_class));
		rc = sqlite3_step(st);
		st_done(st);
		if (rc != SQLITE_DONE)
			return db_err(s, "put_host: attachment");
	}
	return 0;
}

/* The body of put_host, inside its savepoint. */
static int
put_host_rows(struct cs_store *s, int64_t scan_id,
	      const struct cs_store_host *h)
{
	struct sq *q = sq_of(s);
	const struct cs_identity *id = h->id;
	const char *mac = h->mac;
	char site[64], key[sizeof(h->key)];
	size_t nobs = 0, dropped = 0, nev;
	int64_t device_id, sighting_id;
	sqlite3_stmt *st;
	int rc;

	if (h->obs != NULL) {
		nobs = h->obs->n;
		dropped = h->obs->dropped;
		if (nobs > CS_OBS_MAX_COUNT) {
			dropped += nobs - CS_OBS_MAX_COUNT;
			nobs = CS_OBS_MAX_COUNT;
		}
	}
	nev = id->nev;
	if (CS_NEVER(nev > CS_FP_MAX_EVIDENCE))
		nev = CS_FP_MAX_EVIDENCE;
	if ((rc = host_site(s, scan_id, h, site, sizeof(site))) != 0)
		return rc;

	/* Idempotence: drop this scan's earlier rows for the host. */
	if ((st = st_get(s, ST_SIGHTING_DELETE)) == NULL)
		return CS_EIO;
	sqlite3_bind_int64(st, 1, scan_id);
	bind_str(st, 2, h->ip.text);
	rc = sqlite3_step(st);
	st_done(st);
	if (rc != SQLITE_DONE)
		return db_err(s, "put_host: delete");

	cs_strlcpy(key, h->key, sizeof(key));
	if (h->mac[0] == '\0' && h->serial[0] == '\0' &&
	    id->manufacturer[0] != '\0') {
		if ((st = st_get(s, ST_DEVICE_KEEP)) == NULL)
			return CS_EIO;
		bind_str(st, 1, site);
		bind_str(st, 2, h->ip.text);
		bind_str(st, 3, id->manufacturer);
		rc = sqlite3_step(st);
		if (rc == SQLITE_ROW)
			cs_strlcpy(key,
				   (const char *)sqlite3_column_text(st, 0),
				   sizeof(key));
		st_done(st);
		if (rc != SQLITE_ROW && rc != SQLITE_DONE)
			return db_err(s, "put_host: keep");
	}
	if (h->adopt[0][0] != '\0') {
		if ((st = st_get(s, ST_DEVICE_ADOPT)) == NULL)
			return CS_EIO;
		bind_str(st, 1, h->key);
		bind_str(st, 2, site);
		bind_str(st, 3, h->adopt[0]);
		bind_str(st, 4, h->adopt[1][0] ? h->adopt[1] : h->adopt[0]);
		rc = sqlite3_step(st);
		st_done(st);
		if (rc != SQLITE_DONE)
			return db_err(s, "put_host: adopt");
	}
	if ((st = st_get(s, ST_DEVICE_UPSERT)) == NULL)
		return CS_EIO;
	bind_identity(st, 1, id);
	bind_str(st, 9, h->ip.text);
	if (h->ip.v4)
		sqlite3_bind_int64(st, 10, h->ip.num);
	else
		sqlite3_bind_null(st, 10);
	sqlite3_bind_int64(st, 11, scan_id);
	sqlite3_bind_int64(st, 12, h->seen_at);
	bind_str(st, 13, mac);
	bind_str(st, 14, site);
	bind_str(st, 15, key);
	bind_str(st, 16, h->serial);
	rc = sqlite3_step(st);
	device_id = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	if (rc == SQLITE_ROW)
		rc = sqlite3_step(st);
	st_done(st);
	if (rc != SQLITE_DONE)
		goto fail_ref;

	if ((st = st_get(s, ST_SIGHTING_INSERT)) == NULL)
		return CS_EIO;
	bind_identity(st, 1, id);
	bind_str(st, 9, h->ip.text);
	if (h->ip.v4)
		sqlite3_bind_int64(st, 10, h->ip.num);
	else
		sqlite3_bind_null(st, 10);
	sqlite3_bind_int64(st, 11, scan_id);
	sqlite3_bind_int64(st, 12, device_id);
	sqlite3_bind_int64(st, 13, h->seen_at);
	sqlite3_bind_int64(st, 14, (int64_t)dropped);
	sqlite3_bind_int64(st, 15,
			   (int64_t)CS_MIN(id->nev_dropped + (id->nev - nev),
					   (size_t)INT64_MAX));
	bind_str(st, 16, mac);
	rc = sqlite3_step(st);
	st_done(st);
	if (rc != SQLITE_DONE)
		goto fail_ref;
	sighting_id = sqlite3_last_insert_rowid(q->db);
	if ((rc = put_attachments(s, sighting_id, h)) != 0)
		return rc;

	if ((st = st_get(s, ST_PORT_INSERT)) == NULL)
		return CS_EIO;
	for (size_t i = 0; i < h->nports; i++) {
		sqlite3_bind_int64(st, 1, sighting_id);
		sqlite3_bind_int(st, 2, h->ports[i]);
		rc = sqlite3_step(st);
		st_done(st);
		if (rc != SQLITE_DONE)
			return db_err(s, "put_host: port");
	}

	if (nobs > 0 && (st = st_get(s, ST_OBS_INSERT)) == NULL)
		return CS_EIO;
	for (size_t i = 0; i < nobs; i++) {
		const struct cs_obs *o = &h->obs->v[i];
		size_t klen = strnlen(o->key, sizeof(o->key));
		size_t vlen = o->len;
		unsigned flags = o->flags;

		if (vlen > CS_OBS_MAX_VALUE) {
			vlen = CS_OBS_MAX_VALUE;
			flags |= CS_OBS_TRUNCATED;
		}
		sqlite3_bind_int64(st, 1, sighting_id);
		sqlite3_bind_int64(st, 2, (int64_t)i);
		sqlite3_bind_text(st, 3, o->key, (int)klen, SQLITE_STATIC);
		sqlite3_bind_int(st, 4, o->port);
		sqlite3_bind_int64(st, 5, flags);
		/* A NULL pointer would bind SQL NULL, not an empty blob. */
		if (vlen == 0 || o->val == NULL)
			sqlite3_bind_zeroblob(st, 6, 0);
		else
			sqlite3_bind_blob(st, 6, o->val, (int)vlen,
					  SQLITE_STATIC);
		rc = sqlite3_step(st);
		st_done(st);
		if (rc != SQLITE_DONE)
			return db_err(s, "put_host: observation");
		q->obs_id[i] = sqlite3_last_insert_rowid(q->db);
	}

	if (nev > 0 && (st = st_get(s, ST_EV_INSERT)) == NULL)
		return CS_EIO;
	for (size_t i = 0; i < nev; i++) {
		const struct cs_evidence *ev = &id->ev[i];
		long j = obs_match(h->obs, nobs, ev);

		sqlite3_bind_int64(st, 1, sighting_id);
		sqlite3_bind_int64(st, 2, (int64_t)i);
		BIND_FIXED(st, 3, ev->field);
		BIND_FIXED(st, 4, ev->value);
		BIND_FIXED(st, 5, ev->rule);
		BIND_FIXED(st, 6, ev->obs_key);
		sqlite3_bind_int(st, 7, ev->port);
		sqlite3_bind_double(st, 8, ev->weight);
		BIND_FIXED(st, 10, ev->claim);
		if (j >= 0)
			sqlite3_bind_int64(st, 9, q->obs_id[j]);
		else
			sqlite3_bind_null(st, 9);
		rc = sqlite3_step(st);
		st_done(st);
		if (rc != SQLITE_DONE)
			return db_err(s, "put_host: evidence");
	}
	return 0;

fail_ref:
	if ((sqlite3_extended_errcode(q->db) & 0xff) == SQLITE_CONSTRAINT) {
		cs_store_set_err(s, "put_host: no scan %" PRId64 ": %s",
				 scan_id, sqlite3_errmsg(q->db));
		return CS_EINVAL;
	}
	return db_err(s, "put_host");
}

static int
sq_put_host(struct cs_store *s, int64_t scan_id, const struct cs_store_host *h)
{
	int rc;

	if ((rc = batch_begin(s)) != 0)
		return rc;
	if ((rc = st_exec(s, ST_SAVEPOINT, "savepoint")) != 0)
		return rc;
	rc = put_host_rows(s, scan_id, h);
	if (rc != 0) {
		char keep[sizeof(s->errmsg)];

		cs_strlcpy(keep, s->errmsg, sizeof(keep));
		st_exec(s, ST_ROLLBACK_TO, "rollback to");
		st_exec(s, ST_RELEASE, "release");
		cs_strlcpy(s->errmsg, keep, sizeof(s->errmsg));
		return rc;
	}
	return st_exec(s, ST_RELEASE, "release");
}

static int
sq_checkpoint(struct cs_store *s, int64_t scan_id, int64_t watermark,
	      int64_t hosts_done)
{
	sqlite3_stmt *st;
	int rc, rc2;

	if ((rc = batch_begin(s)) != 0)
		return rc;
	if ((st = st_get(s, ST_SCAN_CHECKPOINT)) == NULL)
		return CS_EIO;
	sqlite3_bind_int64(st, 1, scan_id);
	sqlite3_bind_int64(st, 2, watermark);
	sqlite3_bind_int64(st, 3, hosts_done);
	rc = update_one(s, st, "checkpoint");
	rc2 = batch_commit(s);
	return rc2 != 0 ? rc2 : rc;
}

static int
sq_scan_end(struct cs_store *s, int64_t scan_id, const char *status,
	    int64_t ended)
{
	sqlite3_stmt *st;
	int rc, rc2;

	if ((rc = batch_begin(s)) != 0)
		return rc;
	if ((st = st_get(s, ST_SCAN_END)) == NULL)
		return CS_EIO;
	sqlite3_bind_int64(st, 1, scan_id);
	bind_str(st, 2, status);
	sqlite3_bind_int64(st, 3, ended);
	rc = update_one(s, st, "scan_end");
	rc2 = batch_commit(s);
	return rc2 != 0 ? rc2 : rc;
}

static int
sq_latest_scan(struct cs_store *s, int64_t *scan_id)
{
	sqlite3_stmt *st = st_get(s, ST_SCAN_LATEST);
	int rc;

	if (st == NULL)
		return CS_EIO;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*scan_id = sqlite3_column_int64(st, 0);
	st_done(st);
	if (rc == SQLITE_ROW)
		return 0;
	return rc == SQLITE_DONE ? CS_ENOTFOUND : db_err(s, "latest_scan");
}

static int
sq_scan_get(struct cs_store *s, int64_t scan_id, struct cs_scan_state *ss)
{
	sqlite3_stmt *st = st_get(s, ST_SCAN_GET);
	int rc;

	if (st == NULL)
		return CS_EIO;
	sqlite3_bind_int64(st, 1, scan_id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		col_copy(st, 0, ss->status, sizeof(ss->status));
		ss->started = sqlite3_column_int64(st, 1);
		ss->ended = sqlite3_column_int64(st, 2);
		ss->total_targets = (uint64_t)col_clamp(st, 3, 0, INT64_MAX);
		ss->watermark = (uint64_t)col_clamp(st, 4, 0, INT64_MAX);
		ss->hosts_done = (uint64_t)col_clamp(st, 5, 0, INT64_MAX);
		ss->resume_count = (unsigned)col_clamp(st, 6, 0, UINT32_MAX);
		col_copy(st, 7, ss->scope, sizeof(ss->scope));
		col_copy(st, 8, ss->exclusions, sizeof(ss->exclusions));
		col_copy(st, 9, ss->ports, sizeof(ss->ports));
		col_copy(st, 10, ss->vantage, sizeof(ss->vantage));
		col_copy(st, 11, ss->site, sizeof(ss->site));
		ss->delivered = sqlite3_column_int64(st, 12);
	}
	st_done(st);
	if (rc == SQLITE_ROW)
		return 0;
	return rc == SQLITE_DONE ? CS_ENOTFOUND : db_err(s, "scan_get");
}

/* Fills row's ports and evidence for sighting sid. */
static int
read_children(struct cs_store *s, int64_t sid, struct cs_device_row *row)
{
	sqlite3_stmt *st;
	int rc;

	if ((st = st_get(s, ST_EACH_PORT)) == NULL)
		return CS_EIO;
	sqlite3_bind_int64(st, 1, sid);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW &&
	       row->nports < CS_NELEM(row->ports))
		row->ports[row->nports++] =
		    (uint16_t)col_clamp(st, 0, 0, UINT16_MAX);
	st_done(st);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		return db_err(s, "each_device: ports");

	if ((st = st_get(s, ST_EACH_EV)) == NULL)
		return CS_EIO;
	sqlite3_bind_int64(st, 1, sid);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW &&
	       row->id.nev < CS_FP_MAX_EVIDENCE) {
		struct cs_evidence *ev = &row->id.ev[row->id.nev++];
		col_copy(st, 0, ev->field, sizeof(ev->field));
		col_copy(st, 1, ev->value, sizeof(ev->value));
		col_copy(st, 2, ev->rule, sizeof(ev->rule));
		col_copy(st, 3, ev->obs_key, sizeof(ev->obs_key));
		ev->port = (uint16_t)col_clamp(st, 4, 0, UINT16_MAX);
		ev->weight = sqlite3_column_double(st, 5);
		col_copy(st, 6, ev->claim, sizeof(ev->claim));
	}
	st_done(st);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		return db_err(s, "each_device: evidence");

	if ((st = st_get(s, ST_EACH_ATT)) == NULL)
		return CS_EIO;
	sqlite3_bind_int64(st, 1, sid);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW &&
	       row->natt < CS_STORE_MAX_ATTACH) {
		struct cs_attachment *a = &row->att[row->natt++];
		char cls[16];

		a->channel = (unsigned)col_clamp(st, 0, 0, 1000000);
		col_copy(st, 1, a->ip, sizeof(a->ip));
		a->port = (uint16_t)col_clamp(st, 2, 0, UINT16_MAX);
		col_copy(st, 3, a->name, sizeof(a->name));
		col_copy(st, 4, a->model, sizeof(a->model));
		col_copy(st, 5, a->serial, sizeof(a->serial));
		col_copy(st, 6, a->firmware, sizeof(a->firmware));
		col_copy(st, 7, a->vendor, sizeof(a->vendor));
		col_copy(st, 8, a->mac, sizeof(a->mac));
		col_copy(st, 9, a->manufacturer, sizeof(a->manufacturer));
		col_copy(st, 10, a->brand, sizeof(a->brand));
		col_copy(st, 11, a->id_model, sizeof(a->id_model));
		col_copy(st, 12, cls, sizeof(cls));
		if (cs_class_parse(cls, &a->device_class) != 0)
			a->device_class = CS_CLASS_UNKNOWN;
	}
	st_done(st);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		return db_err(s, "each_device: attachments");
	return 0;
}

static int
sq_each_device(struct cs_store *s, int64_t scan_id, unsigned parts,
	       cs_store_device_cb cb, void *arg)
{
	struct cs_device_row *row;
	sqlite3_stmt *st = st_get(s, ST_EACH_SIGHTING);
	int rc, ret = 0;

	/* every part whatever is asked (store.h allows more): a device's
	 * children are an index lookup each here */
	(void)parts;
	if (st == NULL)
		return CS_EIO;
	row = cs_xmalloc(sizeof(*row));
	sqlite3_bind_int64(st, 1, scan_id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		char cls[16];
		int64_t sid = sqlite3_column_int64(st, 0);

		memset(row, 0, sizeof(*row));
		row->sighting_id = sid;
		row->device_id = sqlite3_column_int64(st, 1);
		col_copy(st, 2, row->ip, sizeof(row->ip));
		col_copy(st, 3, row->id.manufacturer,
			 sizeof(row->id.manufacturer));
		col_copy(st, 4, row->id.manufacturer_country,
			 sizeof(row->id.manufacturer_country));
		col_copy(st, 5, row->id.brand, sizeof(row->id.brand));
		col_copy(st, 6, row->id.model, sizeof(row->id.model));
		col_copy(st, 7, row->id.firmware, sizeof(row->id.firmware));
		col_copy(st, 8, cls, sizeof(cls));
		if (cs_class_parse(cls, &row->id.device_class) != 0)
			row->id.device_class = CS_CLASS_UNKNOWN;
		row->id.surveillance_known =
		    sqlite3_column_type(st, 9) != SQLITE_NULL;
		row->id.surveillance = sqlite3_column_int(st, 9) != 0;
		row->id.confidence = sqlite3_column_double(st, 10);
		row->first_seen = sqlite3_column_int64(st, 11);
		row->last_seen = sqlite3_column_int64(st, 12);
		row->id.nev_dropped =
		    (size_t)col_clamp(st, 13, 0, (int64_t)SIZE_MAX / 2);
		col_copy(st, 14, row->mac, sizeof(row->mac));
		col_copy(st, 15, row->site, sizeof(row->site));
		col_copy(st, 16, row->serial, sizeof(row->serial));
		if ((ret = read_children(s, sid, row)) != 0)
			break;
		if ((ret = cb(arg, row)) != 0)
			break;
	}
	if (ret == 0 && rc != SQLITE_DONE)
		ret = db_err(s, "each_device");
	st_done(st);
	free(row);
	return ret;
}

/* Calls cb for each row of st, an observation read (key, port, flags,
 * value); returns cb's non-zero value, 0 or CS_EIO. */
static int
obs_rows(struct cs_store *s, sqlite3_stmt *st, cs_store_obs_of_cb cb,
	 void *arg, size_t i)
{
	struct sq *q = sq_of(s);
	int rc, ret = 0;

	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct cs_obs o;
		const void *v = sqlite3_column_blob(st, 3);
		int vn = sqlite3_column_bytes(st, 3);

		memset(&o, 0, sizeof(o));
		col_copy(st, 0, o.key, sizeof(o.key));
		o.port = (uint16_t)col_clamp(st, 1, 0, UINT16_MAX);
		o.flags = (unsigned)col_clamp(st, 2, 0, UINT32_MAX);
		o.len = vn > 0 ? (size_t)vn : 0;
		if (o.len > CS_OBS_MAX_VALUE) {
			o.len = CS_OBS_MAX_VALUE;
			o.flags |= CS_OBS_TRUNCATED;
		}
		if (o.len > 0 && v != NULL)
			memcpy(q->obsbuf, v, o.len);
		else
			o.len = 0;
		q->obsbuf[o.len] = 0;
		o.val = q->obsbuf;
		if ((ret = cb(arg, i, &o)) != 0)
			break;
	}
	if (ret == 0 && rc != SQLITE_DONE)
		ret = db_err(s, "each_observation");
	st_done(st);
	return ret;
}

/* each_observation's callback through obs_rows' */
struct obs_one {
	cs_store_obs_cb cb;
	void *arg;
};

static int
obs_one(void *arg, size_t i, const struct cs_obs *o)
{
	const struct obs_one *x = arg;

	(void)i;
	return x->cb(x->arg, o);
}

static int
sq_each_observation(struct cs_store *s, int64_t scan_id,
		    const struct cs_store_ip *ip, cs_store_obs_cb cb, void *arg)
{
	sqlite3_stmt *st = st_get(s, ST_EACH_OBS);
	struct obs_one x = {cb, arg};

	if (st == NULL)
		return CS_EIO;
	sqlite3_bind_int64(st, 1, scan_id);
	bind_str(st, 2, ip->text);
	return obs_rows(s, st, obs_one, &x, 0);
}

/* One indexed read per sighting: nothing to gain from one statement. */
static int
sq_each_observation_of(struct cs_store *s, const int64_t *sightings, size_t n,
		       cs_store_obs_of_cb cb, void *arg)
{
	int ret = 0;

	for (size_t i = 0; i < n && ret == 0; i++) {
		sqlite3_stmt *st = st_get(s, ST_EACH_OBS_OF);
		if (st == NULL)
			return CS_EIO;
		sqlite3_bind_int64(st, 1, sightings[i]);
		ret = obs_rows(s, st, cb, arg, i);
	}
	return ret;
}

static int
sq_integrity_check(struct cs_store *s, char *err, size_t errsz)
{
	sqlite3_stmt *st;
	sqlite3 *db = sq_of(s)->db;
	int rc, ret = 0;

	if (sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &st, NULL) !=
	    SQLITE_OK)
		return db_err(s, "integrity_check");
	rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		ret = db_err(s, "integrity_check");
	} else if (sqlite3_column_bytes(st, 0) != 2 ||
		   memcmp(sqlite3_column_blob(st, 0), "ok", 2) != 0) {
		if (err != NULL && errsz > 0)
			col_copy(st, 0, err, errsz);
		ret = CS_EIO;
	}
	sqlite3_finalize(st);
	if (ret != 0)
		return ret;

	if (sqlite3_prepare_v2(db, "PRAGMA foreign_key_check", -1, &st, NULL) !=
	    SQLITE_OK)
		return db_err(s, "foreign_key_check");
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		char table[64];
		col_copy(st, 0, table, sizeof(table));
		if (err != NULL && errsz > 0)
			snprintf(
			    err, errsz,
			    "foreign key violation in table %s, row %" PRId64,
			    table, (int64_t)sqlite3_column_int64(st, 1));
		ret = CS_EIO;
	} else if (rc != SQLITE_DONE) {
		ret = db_err(s, "foreign_key_check");
	}
	sqlite3_finalize(st);
	return ret;
}

/* ---------------------------------------------------------------------- */
/* Schema v3: findings, their plan and history, and reach records.  These
 * run outside the scan batch: any open batch is committed first. */

/* The finding's text columns are listed once, in store.c
 * (cs_store_finding_cols, cs_store_plan_cols). */

/* "SELECT id, fkey, device_id, ints..., <fcols>, <pcols> FROM finding" */
static void
finding_select(char *sql, size_t sz)
{
	cs_store_finding_select(sql, sz, "device_id");
}

/* Reads one row of finding_select's statement into *f. */
static void
finding_read(sqlite3_stmt *st, struct cs_finding_row *f)
{
	size_t nfcols;
	const struct cs_store_col *fcols = cs_store_finding_cols(&nfcols);
	size_t npcols;
	const struct cs_store_col *pcols = cs_store_plan_cols(&npcols);
	int c = 12;

	memset(f, 0, sizeof(*f));
	f->id = sqlite3_column_int64(st, 0);
	col_copy(st, 1, f->key, sizeof(f->key));
	f->device_id = sqlite3_column_int64(st, 2);
	f->confidence = sqlite3_column_double(st, 3);
	f->sensitive = sqlite3_column_int(st, 4) != 0;
	f->reach_core = sqlite3_column_int(st, 5) != 0;
	f->severity = (enum cs_severity)col_clamp(st, 6, 0, CS_SEV_CRITICAL);
	f->first_seen = sqlite3_column_int64(st, 7);
	f->first_scan = sqlite3_column_int64(st, 8);
	f->last_scan = sqlite3_column_int64(st, 9);
	f->verified_scan = sqlite3_column_int64(st, 10);
	f->assessed_at = sqlite3_column_int64(st, 11);
	for (size_t i = 0; i < nfcols; i++, c++)
		col_copy(st, c, (char *)f + fcols[i].off, fcols[i].size);
	for (size_t i = 0; i < npcols; i++, c++)
		col_copy(st, c, (char *)f + pcols[i].off, pcols[i].size);
}

/* Prepares an ad-hoc statement (text built from constants only). */
static sqlite3_stmt *
adhoc(struct cs_store *s, const char *sql)
{
	sqlite3_stmt *st = NULL;

	if (sqlite3_prepare_v2(sq_of(s)->db, sql, -1, &st, NULL) != SQLITE_OK) {
		db_err(s, "prepare");
		return NULL;
	}
	return st;
}

/* Records one history event of a finding. */
static int
sq_finding_event(struct cs_store *s, int64_t fid, int64_t at, int64_t scan_id,
	      const char *what, const char *detail)
{
	sqlite3_stmt *st = adhoc(
	    s, "INSERT INTO finding_event (finding_id, at, scan_id, what, "
	       "detail) VALUES (?1, ?2, ?3, ?4, ?5)");
	int rc;

	if (st == NULL)
		return CS_EIO;
	sqlite3_bind_int64(st, 1, fid);
	sqlite3_bind_int64(st, 2, at);
	sqlite3_bind_int64(st, 3, scan_id);
	bind_str(st, 4, what);
	bind_str(st, 5, detail);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : db_err(s, "finding_event");
}

/* Device id of ip, or 0 if the device row does not exist. */
static int64_t
sq_device_of(struct cs_store *s, const char *ip)
{
	sqlite3_stmt *st = adhoc(s, "SELECT id FROM device WHERE ip = ?1 "
				    "ORDER BY last_seen DESC, id DESC LIMIT 1");
	int64_t id = 0;

	if (st == NULL)
		return 0;
	bind_str(st, 1, ip);
	if (sqlite3_step(st) == SQLITE_ROW)
		id = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return id;
}

static int
sq_finding_lookup(struct cs_store *s, const char *key, int64_t *id,
		  char status[16])
{
	sqlite3_stmt *st;
	int rc;

	if (batch_commit(s) != 0)
		return CS_EIO;
	if ((st = adhoc(s, "SELECT id, status FROM finding WHERE fkey = ?1")) ==
	    NULL)
		return CS_EIO;
	bind_str(st, 1, key);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*id = sqlite3_column_int64(st, 0);
		col_copy(st, 1, status, 16);
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_ROW)
		return 0;
	return rc == SQLITE_DONE ? CS_ENOTFOUND : db_err(s, "finding_put");
}

static int
sq_finding_write(struct cs_store *s, const struct cs_finding_row *f, int64_t fid,
		 const char *status, bool reopen, int64_t dev, int64_t *id)
{
	size_t nfcols;
	const struct cs_store_col *fcols = cs_store_finding_cols(&nfcols);
	char sql[2048];
	sqlite3_stmt *st;
	int c;

	if (batch_commit(s) != 0)
		return CS_EIO;
	/* Computed columns: ?1..?N text, then the numbers. */
	sql[0] = '\0';
	if (fid == 0) {
		cs_store_sql_add(sql, sizeof(sql), "INSERT INTO finding (fkey");
		for (size_t i = 0; i < nfcols; i++) {
			cs_store_sql_add(sql, sizeof(sql), ", ");
			cs_store_sql_add(sql, sizeof(sql), fcols[i].name);
		}
		cs_store_sql_add(
		    sql, sizeof(sql),
		    ", device_id, confidence, sensitive, reach_core, "
		    "severity, first_seen, last_scan, assessed_at, "
		    "first_scan, status, status_until, owner, due, note) "
		    "VALUES (?100");
		for (size_t i = 0; i < nfcols; i++) {
			char p[32];
			snprintf(p, sizeof(p), ", ?%zu", i + 1);
			cs_store_sql_add(sql, sizeof(sql), p);
		}
		cs_store_sql_add(
		    sql, sizeof(sql),
		    ", ?101, ?102, ?103, ?104, ?105, ?106, ?107, ?108, "
		    "?107, ?110, ?111, ?112, ?113, ?114)");
	} else {
		cs_store_sql_add(sql, sizeof(sql), "UPDATE finding SET ");
		for (size_t i = 0; i < nfcols; i++) {
			char p[48];
			snprintf(p, sizeof(p), "%s%s = ?%zu", i > 0 ? ", " : "",
				 fcols[i].name, i + 1);
			cs_store_sql_add(sql, sizeof(sql), p);
		}
		cs_store_sql_add(
		    sql, sizeof(sql),
		    ", device_id = ?101, confidence = ?102, "
		    "sensitive = ?103, reach_core = ?104, severity = ?105, "
		    "first_seen = ?106, last_scan = max(last_scan, ?107), "
		    "assessed_at = ?108, "
		    "status = CASE WHEN ?115 THEN 'open' ELSE status END, "
		    "verified_scan = CASE WHEN ?115 THEN 0 "
		    "ELSE verified_scan END WHERE id = ?109");
	}
	st = adhoc(s, sql);
	if (st == NULL)
		return CS_EIO;
	for (size_t i = 0; i < nfcols; i++)
		bind_fixed(st, (int)i + 1, (const char *)f + fcols[i].off,
			   fcols[i].size);
	if (fid == 0) {
		BIND_FIXED(st, 100, f->key);
		bind_str(st, 110, status);
		BIND_FIXED(st, 111, f->status_until);
		BIND_FIXED(st, 112, f->owner);
		BIND_FIXED(st, 113, f->due);
		BIND_FIXED(st, 114, f->note);
	} else {
		sqlite3_bind_int64(st, 109, fid);
		sqlite3_bind_int(st, 115, reopen ? 1 : 0);
	}
	if (dev != 0)
		sqlite3_bind_int64(st, 101, dev);
	else
		sqlite3_bind_null(st, 101);
	sqlite3_bind_double(st, 102, f->confidence);
	sqlite3_bind_int(st, 103, f->sensitive ? 1 : 0);
	sqlite3_bind_int(st, 104, f->reach_core ? 1 : 0);
	sqlite3_bind_int(st, 105, (int)f->severity);
	sqlite3_bind_int64(st, 106, f->first_seen);
	sqlite3_bind_int64(st, 107, f->last_scan);
	sqlite3_bind_int64(st, 108, f->assessed_at);
	c = sqlite3_step(st);
	sqlite3_finalize(st);
	if (c != SQLITE_DONE)
		return db_err(s, "finding_put");
	*id = fid != 0 ? fid : sqlite3_last_insert_rowid(sq_of(s)->db);
	return 0;
}

static int sq_finding_get(struct cs_store *s, int64_t id,
			  struct cs_finding_row *out);

static int
sq_finding_set_status(struct cs_store *s, int64_t id, const char *status,
		      int64_t verified)
{
	sqlite3_stmt *st;
	int rc;

	if (batch_commit(s) != 0)
		return CS_EIO;
	st = adhoc(s, "UPDATE finding SET status = ?2, verified_scan = ?3 "
		      "WHERE id = ?1");
	if (st == NULL)
		return CS_EIO;
	sqlite3_bind_int64(st, 1, id);
	bind_str(st, 2, status);
	sqlite3_bind_int64(st, 3, verified);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return db_err(s, "finding_close");
	return sqlite3_changes(sq_of(s)->db) > 0 ? 0 : CS_ENOTFOUND;
}

static int
sq_finding_set_plan(struct cs_store *s, int64_t id,
		    const struct cs_finding_plan *p)
{
	sqlite3_stmt *st;
	int rc;

	if (batch_commit(s) != 0)
		return CS_EIO;
	st = adhoc(s, "UPDATE finding SET owner = coalesce(?2, owner), "
		      "due = coalesce(?3, due), status = coalesce(?4, status), "
		      "status_until = coalesce(?5, status_until), "
		      "note = coalesce(?6, note) WHERE id = ?1");
	if (st == NULL)
		return CS_EIO;
	sqlite3_bind_int64(st, 1, id);
	if (p->owner != NULL)
		bind_str(st, 2, p->owner);
	if (p->due != NULL)
		bind_str(st, 3, p->due);
	if (p->status != NULL)
		bind_str(st, 4, p->status);
	if (p->until != NULL)
		bind_str(st, 5, p->until);
	if (p->note != NULL)
		bind_str(st, 6, p->note);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return db_err(s, "finding_plan");
	return sqlite3_changes(sq_of(s)->db) > 0 ? 0 : CS_ENOTFOUND;
}

static int
sq_finding_get(struct cs_store *s, int64_t id, struct cs_finding_row *out)
{
	char sql[2048];
	sqlite3_stmt *st;
	int rc;

	finding_select(sql, sizeof(sql));
	cs_store_sql_add(sql, sizeof(sql), " WHERE id = ?1");
	st = adhoc(s, sql);
	if (st == NULL)
		return CS_EIO;
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		finding_read(st, out);
	sqlite3_finalize(st);
	if (rc == SQLITE_ROW)
		return 0;
	return rc == SQLITE_DONE ? CS_ENOTFOUND : db_err(s, "finding_get");
}

static int
sq_each_finding(struct cs_store *s, const struct cs_finding_filter *flt,
		cs_store_finding_cb cb, void *arg)
{
	struct cs_finding_row *f;
	char sql[2048];
	sqlite3_stmt *st;
	int rc, ret = 0;

	if (flt->ids_only)
		cs_strlcpy(sql, "SELECT id, last_scan FROM finding",
			   sizeof(sql));
	else
		finding_select(sql, sizeof(sql));
	cs_store_sql_add(
	    sql, sizeof(sql),
	    " WHERE severity >= ?1 AND (?2 IS NULL OR regime = ?2) "
	    "AND (?3 IS NULL OR site = ?3) AND (?4 IS NULL OR status = ?4) "
	    "AND (?5 = 0 OR status IN ('open', 'planned', 'done', "
	    "'risk-accepted'))");
	if (!flt->any_order)
		cs_store_sql_add(sql, sizeof(sql),
				 " ORDER BY severity DESC, site, ip COLLATE csip, "
				 "regime, obligation, id");
	st = adhoc(s, sql);
	if (st == NULL)
		return CS_EIO;
	sqlite3_bind_int(st, 1, (int)flt->min_severity);
	if (flt->regime != NULL)
		bind_str(st, 2, flt->regime);
	if (flt->site != NULL)
		bind_str(st, 3, flt->site);
	if (flt->status != NULL)
		bind_str(st, 4, flt->status);
	sqlite3_bind_int(st, 5, flt->active_only ? 1 : 0);
	f = cs_xcalloc(1, sizeof(*f));
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (flt->ids_only) {
			f->id = sqlite3_column_int64(st, 0);
			f->last_scan = sqlite3_column_int64(st, 1);
		} else {
			finding_read(st, f);
		}
		ret = cb(arg, f);
		if (ret != 0)
			break;
	}
	if (ret == 0 && rc != SQLITE_DONE)
		ret = db_err(s, "each_finding");
	sqlite3_finalize(st);
	free(f);
	return ret;
}

static int
sq_reach_put(struct cs_store *s, const char *vantage,
	     const struct cs_store_ip *ip, const char *ports, bool reachable,
	     int64_t at)
{
	sqlite3_stmt *st;
	int rc;

	if (batch_commit(s) != 0)
		return CS_EIO;
	st = adhoc(s, "INSERT OR REPLACE INTO reach (vantage, ip, ports, "
		      "reachable, checked_at) VALUES (?1, ?2, ?3, ?4, ?5)");
	if (st == NULL)
		return CS_EIO;
	bind_str(st, 1, vantage);
	bind_str(st, 2, ip->text);
	bind_str(st, 3, ports);
	sqlite3_bind_int(st, 4, reachable ? 1 : 0);
	sqlite3_bind_int64(st, 5, at);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : db_err(s, "reach_put");
}

static int
sq_reach_get(struct cs_store *s, const struct cs_store_ip *ip, char *vantage,
	     size_t vsz, char *ports, size_t psz)
{
	sqlite3_stmt *st;
	int rc;

	st = adhoc(s, "SELECT vantage, ports FROM reach WHERE ip = ?1 "
		      "AND reachable = 1 ORDER BY checked_at DESC, vantage "
		      "LIMIT 1");
	if (st == NULL)
		return CS_EIO;
	bind_str(st, 1, ip->text);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		col_copy(st, 0, vantage, vsz);
		col_copy(st, 1, ports, psz);
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_ROW)
		return 1;
	return rc == SQLITE_DONE ? 0 : db_err(s, "reach_get");
}

static int
sq_each_reach(struct cs_store *s, cs_store_reach_cb cb, void *arg)
{
	sqlite3_stmt *st;
	int rc, ret = 0;

	/* per address, the record sq_reach_get picks */
	st = adhoc(s, "SELECT ip, vantage, ports FROM (SELECT ip, vantage, "
		      "ports, row_number() OVER (PARTITION BY ip ORDER BY "
		      "checked_at DESC, vantage) AS n FROM reach "
		      "WHERE reachable = 1) WHERE n = 1");
	if (st == NULL)
		return CS_EIO;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *ip = (const char *)sqlite3_column_text(st, 0);
		const char *v = (const char *)sqlite3_column_text(st, 1);
		const char *p = (const char *)sqlite3_column_text(st, 2);
		if ((ret = cb(arg, ip ? ip : "", v ? v : "", p ? p : "")) != 0)
			break;
	}
	if (ret == 0 && rc != SQLITE_DONE)
		ret = db_err(s, "each_reach");
	sqlite3_finalize(st);
	return ret;
}

static int
sq_first_scan(struct cs_store *s, int64_t *first)
{
	sqlite3_stmt *st = adhoc(s, "SELECT min(id) FROM scan");
	int rc;

	if (st == NULL)
		return CS_EIO;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL) {
		*first = sqlite3_column_int64(st, 0);
		sqlite3_finalize(st);
		return 0;
	}
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? CS_ENOTFOUND : db_err(s, "first_scan");
}

/* Schema v7: placements. */
static int
sq_placement_put(struct cs_store *s, struct cs_placement_row *p,
		 const struct cs_store_ip *ip, bool make, bool *made)
{
	sqlite3_stmt *st;
	char key[40];
	int rc;

	*made = false;
	p->device_id = 0;
	if (batch_commit(s) != 0 || batch_begin(s) != 0)
		return CS_EIO;
	snprintf(key, sizeof(key), "mac:%s", p->mac);
	st = adhoc(s, "SELECT id FROM device WHERE site = ?1 AND dkey = ?2");
	if (st == NULL)
		goto fail;
	BIND_FIXED(st, 1, p->site);
	bind_str(st, 2, key);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		p->device_id = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		db_err(s, "placement_put");
		goto fail;
	}
	/* A device seen at the ARP address without a MAC takes it, as a
	 * sighting that brings its MAC would (ST_DEVICE_ADOPT). */
	if (p->device_id == 0 && ip != NULL) {
		st = adhoc(s, "UPDATE device SET mac = ?1, dkey = ?2 WHERE id = "
			      "(SELECT id FROM device WHERE site = ?3 AND ip = "
			      "?4 AND mac = '' ORDER BY last_seen DESC, id DESC "
			      "LIMIT 1) RETURNING id");
		if (st == NULL)
			goto fail;
		BIND_FIXED(st, 1, p->mac);
		bind_str(st, 2, key);
		BIND_FIXED(st, 3, p->site);
		bind_str(st, 4, ip->text);
		rc = sqlite3_step(st);
		if (rc == SQLITE_ROW)
			p->device_id = sqlite3_column_int64(st, 0);
		sqlite3_finalize(st);
		if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
			db_err(s, "placement_put adopt");
			goto fail;
		}
	}
	if (p->device_id == 0 && make) {
		st = adhoc(s, "INSERT INTO device (site, dkey, ip, ip_num, "
			      "manufacturer, device_class, first_scan, "
			      "last_scan, first_seen, last_seen, mac) VALUES "
			      "(?1, ?2, ?3, ?4, ?5, 'unknown', ?6, ?6, ?7, ?7, "
			      "?8) RETURNING id");
		if (st == NULL)
			goto fail;
		BIND_FIXED(st, 1, p->site);
		bind_str(st, 2, key);
		BIND_FIXED(st, 3, p->ip);
		if (ip != NULL && ip->v4)
			sqlite3_bind_int64(st, 4, ip->num);
		else
			sqlite3_bind_null(st, 4);
		BIND_FIXED(st, 5, p->oui);
		sqlite3_bind_int64(st, 6, p->scan_id);
		sqlite3_bind_int64(st, 7, p->seen_at);
		BIND_FIXED(st, 8, p->mac);
		rc = sqlite3_step(st);
		if (rc == SQLITE_ROW)
			p->device_id = sqlite3_column_int64(st, 0);
		sqlite3_finalize(st);
		if (rc != SQLITE_ROW) {
			db_err(s, "placement_put device");
			goto fail;
		}
		*made = true;
	}
	st = adhoc(s, "INSERT OR REPLACE INTO placement (site, mac, "
		      "device_id, scan_id, switch, switch_addr, port, ifindex, "
		      "vlan, poe, neighbour, ip, oui, seen_at) VALUES (?1, ?2, "
		      "?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)");
	if (st == NULL)
		goto fail;
	BIND_FIXED(st, 1, p->site);
	BIND_FIXED(st, 2, p->mac);
	if (p->device_id > 0)
		sqlite3_bind_int64(st, 3, p->device_id);
	else
		sqlite3_bind_null(st, 3);
	sqlite3_bind_int64(st, 4, p->scan_id);
	BIND_FIXED(st, 5, p->sw);
	BIND_FIXED(st, 6, p->sw_addr);
	BIND_FIXED(st, 7, p->port);
	sqlite3_bind_int(st, 8, p->ifindex);
	sqlite3_bind_int(st, 9, p->vlan);
	BIND_FIXED(st, 10, p->poe);
	BIND_FIXED(st, 11, p->neighbour);
	BIND_FIXED(st, 12, p->ip);
	BIND_FIXED(st, 13, p->oui);
	sqlite3_bind_int64(st, 14, p->seen_at);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		db_err(s, "placement_put");
		goto fail;
	}
	return batch_commit(s) == 0 ? 0 : CS_EIO;
fail:
	if (in_txn(s))
		st_exec(s, ST_ROLLBACK, "rollback");
	*made = false;
	return CS_EIO;
}

static int
sq_each_placement(struct cs_store *s, cs_store_placement_cb cb, void *arg)
{
	struct cs_placement_row p;
	sqlite3_stmt *st;
	int rc, ret = 0;

	if (batch_commit(s) != 0)
		return CS_EIO;
	st = adhoc(s, "SELECT site, mac, coalesce(device_id, 0), scan_id, "
		      "switch, switch_addr, port, ifindex, vlan, poe, "
		      "neighbour, ip, oui, seen_at FROM placement "
		      "ORDER BY site, mac");
	if (st == NULL)
		return CS_EIO;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		memset(&p, 0, sizeof(p));
		col_copy(st, 0, p.site, sizeof(p.site));
		col_copy(st, 1, p.mac, sizeof(p.mac));
		p.device_id = sqlite3_column_int64(st, 2);
		p.scan_id = sqlite3_column_int64(st, 3);
		col_copy(st, 4, p.sw, sizeof(p.sw));
		col_copy(st, 5, p.sw_addr, sizeof(p.sw_addr));
		col_copy(st, 6, p.port, sizeof(p.port));
		p.ifindex = (int32_t)col_clamp(st, 7, 0, INT32_MAX);
		p.vlan = (int)col_clamp(st, 8, 0, 4094);
		col_copy(st, 9, p.poe, sizeof(p.poe));
		col_copy(st, 10, p.neighbour, sizeof(p.neighbour));
		col_copy(st, 11, p.ip, sizeof(p.ip));
		col_copy(st, 12, p.oui, sizeof(p.oui));
		p.seen_at = sqlite3_column_int64(st, 13);
		if ((ret = cb(arg, &p)) != 0)
			break;
	}
	if (ret == 0 && rc != SQLITE_DONE && rc != SQLITE_ROW)
		ret = db_err(s, "each_placement");
	sqlite3_finalize(st);
	return ret;
}

/* Schema v6: assessments. */
static int
sq_assessment_put(struct cs_store *s, struct cs_assessment *a)
{
	sqlite3_stmt *st;
	int rc;

	if (batch_commit(s) != 0)
		return CS_EIO;
	st = adhoc(s, "INSERT INTO assessment (scan_id, assessed_at, as_of, "
		      "regimes, estate_file, estate_sha256, estate_text, "
		      "sites, departments, data_version, tool_version, "
		      "command, findings) VALUES (?1, ?2, ?3, ?4, ?5, ?6, "
		      "?7, ?8, ?9, ?10, ?11, ?12, ?13)");
	if (st == NULL)
		return CS_EIO;
	sqlite3_bind_int64(st, 1, a->scan_id);
	sqlite3_bind_int64(st, 2, a->assessed_at);
	BIND_FIXED(st, 3, a->as_of);
	BIND_FIXED(st, 4, a->regimes);
	BIND_FIXED(st, 5, a->estate_file);
	BIND_FIXED(st, 6, a->estate_sha256);
	bind_str(st, 7, a->estate_text);
	bind_str(st, 8, a->sites);
	bind_str(st, 9, a->departments);
	BIND_FIXED(st, 10, a->data_version);
	BIND_FIXED(st, 11, a->tool_version);
	bind_str(st, 12, a->command);
	sqlite3_bind_int64(st, 13, a->findings);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return db_err(s, "assessment_put");
	a->id = sqlite3_last_insert_rowid(sq_of(s)->db);
	return 0;
}

/* A text column as a new string ("" when NULL). */
static char *
col_dup(sqlite3_stmt *st, int i)
{
	const void *p = sqlite3_column_blob(st, i);
	int n = sqlite3_column_bytes(st, i);

	return cs_xstrndup(p ? p : "", p && n > 0 ? (size_t)n : 0);
}

static int
sq_assessment_latest(struct cs_store *s, struct cs_assessment *a)
{
	sqlite3_stmt *st;
	int rc;

	st = adhoc(s, "SELECT id, scan_id, assessed_at, as_of, regimes, "
		      "estate_file, estate_sha256, estate_text, sites, "
		      "departments, data_version, tool_version, command, "
		      "findings FROM assessment ORDER BY assessed_at DESC, "
		      "id DESC LIMIT 1");
	if (st == NULL)
		return CS_EIO;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		a->id = sqlite3_column_int64(st, 0);
		a->scan_id = sqlite3_column_int64(st, 1);
		a->assessed_at = sqlite3_column_int64(st, 2);
		col_copy(st, 3, a->as_of, sizeof(a->as_of));
		col_copy(st, 4, a->regimes, sizeof(a->regimes));
		col_copy(st, 5, a->estate_file, sizeof(a->estate_file));
		col_copy(st, 6, a->estate_sha256, sizeof(a->estate_sha256));
		a->estate_text = col_dup(st, 7);
		a->sites = col_dup(st, 8);
		a->departments = col_dup(st, 9);
		col_copy(st, 10, a->data_version, sizeof(a->data_version));
		col_copy(st, 11, a->tool_version, sizeof(a->tool_version));
		a->command = col_dup(st, 12);
		a->findings = sqlite3_column_int64(st, 13);
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_ROW)
		return 0;
	return rc == SQLITE_DONE ? CS_ENOTFOUND
				 : db_err(s, "assessment_latest");
}

/* The statement of sql from the cache, prepared (and cached) on a miss;
 * *cached false when it was not cached (the caller finalizes it). */
static sqlite3_stmt *
sq_query_stmt(struct cs_store *s, const char *sql, bool *cached)
{
	struct sq *q = sq_of(s);
	struct sq_cached *old = &q->qcache[0];
	sqlite3_stmt *st;

	for (size_t i = 0; i < CS_NELEM(q->qcache); i++) {
		struct sq_cached *c = &q->qcache[i];
		if (c->sql != NULL && strcmp(c->sql, sql) == 0) {
			c->used = ++q->qtick;
			*cached = true;
			return c->st;
		}
		if (c->used < old->used)
			old = c;
	}
	if (sqlite3_prepare_v3(q->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &st,
			       NULL) != SQLITE_OK) {
		db_err(s, "query");
		return NULL;
	}
	/* only statements that read are kept (BEGIN, writes: once) */
	*cached = sqlite3_stmt_readonly(st) && strlen(sql) < 16384;
	if (*cached) {
		sqlite3_finalize(old->st);
		free(old->sql);
		old->sql = cs_xstrdup(sql);
		old->st = st;
		old->used = ++q->qtick;
	}
	return st;
}

/* The console's SQL (store.h, cs_store_query). */
static int
sq_query(struct cs_store *s, const char *sql, const char *const *params,
	 int nparams, cs_store_row_cb cb, void *arg)
{
	const char *val[64];
	sqlite3_stmt *st;
	bool cached;
	int rc, ncol, ret = 0;

	if ((st = sq_query_stmt(s, sql, &cached)) == NULL)
		return CS_EIO;
	if (sqlite3_bind_parameter_count(st) != nparams) {
		cs_store_set_err(s, "query: %d parameters, %d given",
				 sqlite3_bind_parameter_count(st), nparams);
		ret = CS_EINVAL;
		goto out;
	}
	for (int i = 0; i < nparams; i++)
		if (sqlite3_bind_text(st, i + 1, params[i], -1,
				      SQLITE_STATIC) != SQLITE_OK) {
			ret = db_err(s, "query: bind");
			goto out;
		}
	ncol = sqlite3_column_count(st);
	if (ncol > (int)CS_NELEM(val)) {
		cs_store_set_err(s, "query: %d columns", ncol);
		ret = CS_EINVAL;
		goto out;
	}
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (cb == NULL)
			continue;
		for (int i = 0; i < ncol; i++)
			val[i] = (const char *)sqlite3_column_text(st, i);
		if ((ret = cb(arg, ncol, val)) != 0)
			break;
	}
	if (ret == 0 && rc != SQLITE_DONE)
		ret = db_err(s, "query");
out:
	if (cached) {
		sqlite3_reset(st);
		sqlite3_clear_bindings(st);
	} else {
		sqlite3_finalize(st);
	}
	return ret;
}

static int
i64_row(void *arg, int ncol, const char *const *val)
{
	long long v;

	if (ncol != 1 || val[0] == NULL ||
	    cs_str_tonum(val[0], INT64_MIN, INT64_MAX, &v) != 0)
		return CS_EIO;
	*(int64_t *)arg = (int64_t)v;
	return 0;
}

/* PRAGMA data_version (kept prepared by sq_query): moves when another
 * connection commits. */
static int
sq_changes(struct cs_store *s, int64_t *out)
{
	return sq_query(s, "PRAGMA data_version", NULL, 0, i64_row, out);
}

const struct cs_store_ops cs_store_sqlite_ops = {
    .scheme = "sqlite",
    .open = sq_open,
    .close = sq_close,
    .schema_version = sq_schema_version,
    .scan_begin = sq_scan_begin,
    .scan_find_resumable = sq_scan_find_resumable,
    .scan_resume = sq_scan_resume,
    .scan_delivered = sq_scan_delivered,
    .scan_find = sq_scan_find,
    .put_host = sq_put_host,
    .checkpoint = sq_checkpoint,
    .scan_end = sq_scan_end,
    .latest_scan = sq_latest_scan,
    .scan_get = sq_scan_get,
    .each_device = sq_each_device,
    .each_observation = sq_each_observation,
    .each_observation_of = sq_each_observation_of,
    .integrity_check = sq_integrity_check,
    .finding_lookup = sq_finding_lookup,
    .finding_write = sq_finding_write,
    .finding_set_status = sq_finding_set_status,
    .finding_set_plan = sq_finding_set_plan,
    .finding_event = sq_finding_event,
    .device_of = sq_device_of,
    .finding_get = sq_finding_get,
    .each_finding = sq_each_finding,
    .reach_put = sq_reach_put,
    .reach_get = sq_reach_get,
    .each_reach = sq_each_reach,
    .first_scan = sq_first_scan,
    .scan_near = sq_scan_near,
    .assessment_put = sq_assessment_put,
    .assessment_latest = sq_assessment_latest,
    .placement_put = sq_placement_put,
    .each_placement = sq_each_placement,
    .query = sq_query,
    .changes = sq_changes,
};
