/* SPDX-License-Identifier: ISC */
/*
 * PostgreSQL backend of the inventory store (libpq).  All SQL of this
 * backend lives here: the migrations, mirroring store_sqlite.c's schema
 * in PostgreSQL's dialect, and the statements, which are prepared once
 * per connection and only ever given data as out-of-line parameters.
 *
 * Batching follows the SQLite backend: put_host runs inside one long
 * transaction begun on demand, each host inside "SAVEPOINT cs_host";
 * checkpoint, scan_end, scan_begin and close commit.
 *
 * Text from devices: PostgreSQL TEXT cannot hold invalid UTF-8 in a UTF8
 * database, so text parameters that are not valid UTF-8 are stored with
 * each invalid byte replaced by '?'.  Observation values are BYTEA and
 * byte-exact.  See docs/internals/store.md.
 */
#include "store/store_backend.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libpq-fe.h>

#include "core/alloc.h"
#include "core/str.h"
#include "core/poison.h"

struct migration {
	const char *name;
	const char *sql;
};

/* clang-format off */
static const struct migration migrations[] = {
    {"0001_initial",
	"CREATE TABLE scan ("
	"  id            BIGSERIAL PRIMARY KEY,"
	"  scope         TEXT NOT NULL,"
	"  exclusions    TEXT NOT NULL DEFAULT '',"
	"  ports         TEXT NOT NULL DEFAULT '',"
	"  options       TEXT NOT NULL DEFAULT '',"
	"  vantage       TEXT NOT NULL DEFAULT '',"
	"  version       TEXT NOT NULL DEFAULT '',"
	"  status        TEXT NOT NULL DEFAULT 'running'"
	"    CHECK (status IN ('running', 'interrupted', 'complete')),"
	"  started       BIGINT NOT NULL,"
	"  ended         BIGINT,"
	"  total_targets BIGINT NOT NULL DEFAULT 0,"
	"  watermark     BIGINT NOT NULL DEFAULT 0,"
	"  hosts_done    BIGINT NOT NULL DEFAULT 0,"
	"  resume_count  BIGINT NOT NULL DEFAULT 0,"
	"  resumed_at    BIGINT);"
	"CREATE INDEX scan_resumable ON scan (scope, status);"

	"CREATE TABLE device ("
	"  id                   BIGSERIAL PRIMARY KEY,"
	"  ip                   TEXT NOT NULL UNIQUE,"
	"  ip_num               BIGINT,"
	"  manufacturer         TEXT NOT NULL DEFAULT '',"
	"  manufacturer_country TEXT NOT NULL DEFAULT '',"
	"  brand                TEXT NOT NULL DEFAULT '',"
	"  model                TEXT NOT NULL DEFAULT '',"
	"  firmware             TEXT NOT NULL DEFAULT '',"
	"  device_class         TEXT NOT NULL DEFAULT 'unknown',"
	"  surveillance         INTEGER NOT NULL DEFAULT 0,"
	"  confidence           DOUBLE PRECISION NOT NULL DEFAULT 0,"
	"  first_scan           BIGINT NOT NULL REFERENCES scan (id),"
	"  last_scan            BIGINT NOT NULL REFERENCES scan (id),"
	"  first_seen           BIGINT NOT NULL,"
	"  last_seen            BIGINT NOT NULL);"
	"CREATE INDEX device_first_scan ON device (first_scan);"
	"CREATE INDEX device_last_scan ON device (last_scan);"

	"CREATE TABLE sighting ("
	"  id                   BIGSERIAL PRIMARY KEY,"
	"  scan_id              BIGINT NOT NULL"
	"    REFERENCES scan (id) ON DELETE CASCADE,"
	"  device_id            BIGINT NOT NULL"
	"    REFERENCES device (id) ON DELETE CASCADE,"
	"  ip                   TEXT NOT NULL,"
	"  ip_num               BIGINT,"
	"  seen_at              BIGINT NOT NULL,"
	"  manufacturer         TEXT NOT NULL DEFAULT '',"
	"  manufacturer_country TEXT NOT NULL DEFAULT '',"
	"  brand                TEXT NOT NULL DEFAULT '',"
	"  model                TEXT NOT NULL DEFAULT '',"
	"  firmware             TEXT NOT NULL DEFAULT '',"
	"  device_class         TEXT NOT NULL DEFAULT 'unknown',"
	"  surveillance         INTEGER NOT NULL DEFAULT 0,"
	"  confidence           DOUBLE PRECISION NOT NULL DEFAULT 0,"
	"  obs_dropped          BIGINT NOT NULL DEFAULT 0,"
	"  ev_dropped           BIGINT NOT NULL DEFAULT 0,"
	"  UNIQUE (scan_id, ip));"
	"CREATE INDEX sighting_order ON sighting (scan_id, ip_num);"
	"CREATE INDEX sighting_device ON sighting (device_id);"

	"CREATE TABLE sighting_port ("
	"  sighting_id BIGINT NOT NULL"
	"    REFERENCES sighting (id) ON DELETE CASCADE,"
	"  port        INTEGER NOT NULL CHECK (port BETWEEN 0 AND 65535),"
	"  PRIMARY KEY (sighting_id, port));"

	"CREATE TABLE observation ("
	"  id          BIGSERIAL PRIMARY KEY,"
	"  sighting_id BIGINT NOT NULL"
	"    REFERENCES sighting (id) ON DELETE CASCADE,"
	"  seq         INTEGER NOT NULL,"
	"  key         TEXT NOT NULL,"
	"  port        INTEGER NOT NULL DEFAULT 0,"
	"  flags       BIGINT NOT NULL DEFAULT 0,"
	"  value       BYTEA NOT NULL CHECK (length(value) <= 4096));"
	"CREATE INDEX observation_sighting ON observation (sighting_id, seq);"

	"CREATE TABLE evidence ("
	"  id             BIGSERIAL PRIMARY KEY,"
	"  sighting_id    BIGINT NOT NULL"
	"    REFERENCES sighting (id) ON DELETE CASCADE,"
	"  seq            INTEGER NOT NULL,"
	"  field          TEXT NOT NULL,"
	"  claim          TEXT NOT NULL,"
	"  value          TEXT NOT NULL,"
	"  rule           TEXT NOT NULL,"
	"  obs_key        TEXT NOT NULL,"
	"  port           INTEGER NOT NULL DEFAULT 0,"
	"  weight         DOUBLE PRECISION NOT NULL DEFAULT 0,"
	"  observation_id BIGINT"
	"    REFERENCES observation (id) ON DELETE SET NULL);"
	"CREATE INDEX evidence_sighting ON evidence (sighting_id, seq);"
	"CREATE INDEX evidence_observation ON evidence (observation_id);"},

    {"0002_mac_attachment",
	"ALTER TABLE device ADD COLUMN mac TEXT NOT NULL DEFAULT '';"
	"ALTER TABLE sighting ADD COLUMN mac TEXT NOT NULL DEFAULT '';"
	"CREATE TABLE attachment ("
	"  id           BIGSERIAL PRIMARY KEY,"
	"  sighting_id  BIGINT NOT NULL"
	"    REFERENCES sighting (id) ON DELETE CASCADE,"
	"  channel      BIGINT NOT NULL DEFAULT 0,"
	"  ip           TEXT NOT NULL DEFAULT '',"
	"  port         INTEGER NOT NULL DEFAULT 0"
	"    CHECK (port BETWEEN 0 AND 65535),"
	"  name         TEXT NOT NULL DEFAULT '',"
	"  model        TEXT NOT NULL DEFAULT '',"
	"  serial       TEXT NOT NULL DEFAULT '',"
	"  firmware     TEXT NOT NULL DEFAULT '',"
	"  vendor       TEXT NOT NULL DEFAULT '',"
	"  mac          TEXT NOT NULL DEFAULT '',"
	"  manufacturer TEXT NOT NULL DEFAULT '',"
	"  brand        TEXT NOT NULL DEFAULT '',"
	"  id_model     TEXT NOT NULL DEFAULT '',"
	"  device_class TEXT NOT NULL DEFAULT 'unknown');"
	"CREATE INDEX attachment_sighting ON attachment (sighting_id, channel);"},

    {"0003_finding_plan_reach",
	"CREATE TABLE finding ("
	"  id                   BIGSERIAL PRIMARY KEY,"
	"  fkey                 TEXT NOT NULL UNIQUE,"
	"  ip                   TEXT NOT NULL,"
	"  device_id            BIGINT"
	"    REFERENCES device (id) ON DELETE SET NULL,"
	"  mac                  TEXT NOT NULL DEFAULT '',"
	"  manufacturer         TEXT NOT NULL DEFAULT '',"
	"  manufacturer_country TEXT NOT NULL DEFAULT '',"
	"  brand                TEXT NOT NULL DEFAULT '',"
	"  model                TEXT NOT NULL DEFAULT '',"
	"  firmware             TEXT NOT NULL DEFAULT '',"
	"  device_class         TEXT NOT NULL DEFAULT 'unknown',"
	"  confidence           DOUBLE PRECISION NOT NULL DEFAULT 0,"
	"  site                 TEXT NOT NULL DEFAULT '',"
	"  site_name            TEXT NOT NULL DEFAULT '',"
	"  department           TEXT NOT NULL DEFAULT '',"
	"  department_name      TEXT NOT NULL DEFAULT '',"
	"  zone                 TEXT NOT NULL DEFAULT '',"
	"  sensitive            INTEGER NOT NULL DEFAULT 0,"
	"  sensitivity_reason   TEXT NOT NULL DEFAULT '',"
	"  reach_core           INTEGER NOT NULL DEFAULT 0,"
	"  regime               TEXT NOT NULL,"
	"  regime_version       TEXT NOT NULL DEFAULT '',"
	"  obligation           TEXT NOT NULL,"
	"  severity             INTEGER NOT NULL DEFAULT 0"
	"    CHECK (severity BETWEEN 0 AND 4),"
	"  action               TEXT NOT NULL DEFAULT '',"
	"  action_text          TEXT NOT NULL DEFAULT '',"
	"  deadline             TEXT NOT NULL DEFAULT '',"
	"  citation             TEXT NOT NULL DEFAULT '',"
	"  url                  TEXT NOT NULL DEFAULT '',"
	"  evidence             TEXT NOT NULL DEFAULT '',"
	"  as_of                TEXT NOT NULL DEFAULT '',"
	"  status               TEXT NOT NULL DEFAULT 'open'"
	"    CHECK (status IN ('open', 'planned', 'done', 'risk-accepted',"
	"                      'closed', 'withdrawn')),"
	"  status_until         TEXT NOT NULL DEFAULT '',"
	"  owner                TEXT NOT NULL DEFAULT '',"
	"  due                  TEXT NOT NULL DEFAULT '',"
	"  note                 TEXT NOT NULL DEFAULT '',"
	"  first_seen           BIGINT NOT NULL DEFAULT 0,"
	"  first_scan           BIGINT NOT NULL DEFAULT 0,"
	"  last_scan            BIGINT NOT NULL DEFAULT 0,"
	"  verified_scan        BIGINT NOT NULL DEFAULT 0,"
	"  assessed_at          BIGINT NOT NULL DEFAULT 0);"
	"CREATE INDEX finding_order ON finding (severity, site, ip);"
	"CREATE INDEX finding_device ON finding (device_id);"

	"CREATE TABLE finding_event ("
	"  id         BIGSERIAL PRIMARY KEY,"
	"  finding_id BIGINT NOT NULL"
	"    REFERENCES finding (id) ON DELETE CASCADE,"
	"  at         BIGINT NOT NULL,"
	"  scan_id    BIGINT NOT NULL DEFAULT 0,"
	"  what       TEXT NOT NULL,"
	"  detail     TEXT NOT NULL DEFAULT '');"
	"CREATE INDEX finding_event_finding ON finding_event (finding_id, id);"

	"CREATE TABLE reach ("
	"  vantage    TEXT NOT NULL,"
	"  ip         TEXT NOT NULL,"
	"  ports      TEXT NOT NULL DEFAULT '',"
	"  reachable  INTEGER NOT NULL DEFAULT 0,"
	"  checked_at BIGINT NOT NULL,"
	"  PRIMARY KEY (vantage, ip));"
	"CREATE INDEX reach_ip ON reach (ip);"},

    /* Issue #12: 'incomplete' scans (see store_sqlite.c). */
    {"0004_scan_incomplete",
	"ALTER TABLE scan DROP CONSTRAINT IF EXISTS scan_status_check;"
	"ALTER TABLE scan ADD CONSTRAINT scan_status_check CHECK (status IN"
	"  ('running', 'interrupted', 'complete', 'incomplete'));"},
};
/* clang-format on */

_Static_assert(CS_NELEM(migrations) == CS_STORE_SCHEMA_LATEST,
	       "one PostgreSQL migration per schema version");

enum {
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
	ST_ATT_INSERT,
	ST_EACH_ATT,
	ST_SAVEPOINT,
	ST_RELEASE,
	ST_COUNT
};

#define ID_COLS                                                                \
	"manufacturer, manufacturer_country, brand, model, firmware, "         \
	"device_class, surveillance, confidence"
#define NEWER "excluded.last_seen >= device.last_seen"
#define TAKE(c)                                                                \
	c " = CASE WHEN " NEWER " THEN excluded." c " ELSE device." c " END"

/* clang-format off */
static const char *const sql_text[ST_COUNT] = {
	[ST_SCAN_INSERT] =
	    "INSERT INTO scan (scope, exclusions, ports, options, vantage, "
	    "version, status, started, total_targets) "
	    "VALUES ($1, $2, $3, $4, $5, $6, 'running', $7, $8) RETURNING id",
	[ST_SCAN_FIND] = "SELECT id, watermark FROM scan "
			 "WHERE status IN ('running', 'interrupted', 'incomplete') "
			 "AND scope = $1 AND exclusions = $2 AND ports = $3 "
			 "AND options = $4 ORDER BY started DESC, id DESC "
			 "LIMIT 1",
	[ST_SCAN_RESUME] = "UPDATE scan SET status = 'running', ended = NULL, "
			   "resume_count = resume_count + 1, resumed_at = $2 "
			   "WHERE id = $1 AND status <> 'complete'",
	[ST_SCAN_CHECKPOINT] = "UPDATE scan SET watermark = $2, "
			       "hosts_done = $3 WHERE id = $1",
	[ST_SCAN_END] = "UPDATE scan SET status = $2, ended = $3 WHERE id = $1",
	[ST_SCAN_LATEST] = "SELECT id FROM scan ORDER BY id DESC LIMIT 1",
	[ST_SCAN_GET] = "SELECT status, started, coalesce(ended, 0), "
			"total_targets, watermark, hosts_done, resume_count, "
			"scope, exclusions, ports, vantage "
			"FROM scan WHERE id = $1",
	[ST_SIGHTING_DELETE] =
	    "DELETE FROM sighting WHERE scan_id = $1 AND ip = $2",
	[ST_DEVICE_UPSERT] =
	    "INSERT INTO device (" ID_COLS ", ip, ip_num, first_scan, "
	    "last_scan, first_seen, last_seen, mac) "
	    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11, "
	    "$12, $12, $13) "
	    "ON CONFLICT (ip) DO UPDATE SET "
	    "mac = CASE WHEN excluded.mac <> '' AND " NEWER
	    " THEN excluded.mac ELSE device.mac END, "
	    TAKE("manufacturer") ", " TAKE("manufacturer_country") ", "
	    TAKE("brand") ", " TAKE("model") ", " TAKE("firmware") ", "
	    TAKE("device_class") ", " TAKE("surveillance") ", "
	    TAKE("confidence") ", " TAKE("ip_num") ", " TAKE("last_scan") ", "
	    "first_scan = CASE WHEN excluded.first_seen < device.first_seen "
	    "THEN excluded.first_scan ELSE device.first_scan END, "
	    "first_seen = least(device.first_seen, excluded.first_seen), "
	    "last_seen = greatest(device.last_seen, excluded.last_seen) "
	    "RETURNING id",
	[ST_SIGHTING_INSERT] =
	    "INSERT INTO sighting (" ID_COLS ", ip, ip_num, scan_id, "
	    "device_id, seen_at, obs_dropped, ev_dropped, mac) "
	    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, "
	    "$13, $14, $15, $16) RETURNING id",
	[ST_PORT_INSERT] = "INSERT INTO sighting_port (sighting_id, port) "
			   "VALUES ($1, $2) ON CONFLICT DO NOTHING",
	[ST_OBS_INSERT] = "INSERT INTO observation (sighting_id, seq, key, "
			  "port, flags, value) VALUES ($1, $2, $3, $4, $5, $6)",
	/* The observation link: the first observation of the sighting with
	 * the same key and, for a non-zero port, the same port. */
	[ST_EV_INSERT] = "INSERT INTO evidence (sighting_id, seq, field, "
			 "value, rule, obs_key, port, weight, observation_id, "
			 "claim) "
			 "VALUES ($1, $2, $3, $4, $5, $6::text, $7::integer, "
			 "$8, (SELECT o.id FROM observation o "
			 "WHERE o.sighting_id = $1 AND $6::text <> '' "
			 "AND o.key = $6::text "
			 "AND ($7::integer = 0 OR o.port = $7::integer) "
			 "ORDER BY o.seq LIMIT 1), $9)",
	[ST_SAVEPOINT] = "SAVEPOINT cs_host",
	[ST_RELEASE] = "RELEASE SAVEPOINT cs_host",
	[ST_EACH_SIGHTING] =
	    "SELECT s.id, s.device_id, s.ip, s.manufacturer, "
	    "s.manufacturer_country, s.brand, s.model, s.firmware, "
	    "s.device_class, s.surveillance, s.confidence, d.first_seen, "
	    "d.last_seen, s.ev_dropped, s.mac "
	    "FROM sighting s JOIN device d ON d.id = s.device_id "
	    "WHERE s.scan_id = $1 "
	    "ORDER BY s.ip_num IS NULL, s.ip_num, s.ip COLLATE \"C\"",
	[ST_EACH_PORT] = "SELECT port FROM sighting_port WHERE sighting_id = $1 "
			 "ORDER BY port LIMIT 64",
	[ST_EACH_EV] = "SELECT field, value, rule, obs_key, port, weight, "
		       "claim "
		       "FROM evidence WHERE sighting_id = $1 ORDER BY seq "
		       "LIMIT 48",
	[ST_EACH_OBS] = "SELECT o.key, o.port, o.flags, o.value "
			"FROM observation o JOIN sighting s "
			"ON s.id = o.sighting_id "
			"WHERE s.scan_id = $1 AND s.ip = $2 ORDER BY o.seq",
	[ST_ATT_INSERT] = "INSERT INTO attachment (sighting_id, channel, ip, "
			  "port, name, model, serial, firmware, vendor, mac, "
			  "manufacturer, brand, id_model, device_class) "
			  "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, "
			  "$11, $12, $13, $14)",
	[ST_EACH_ATT] = "SELECT channel, ip, port, name, model, serial, "
			"firmware, vendor, mac, manufacturer, brand, "
			"id_model, device_class FROM attachment "
			"WHERE sighting_id = $1 ORDER BY channel, id "
			"LIMIT 128",
};
/* clang-format on */

_Static_assert(CS_STORE_MAX_PORTS == 64 && CS_FP_MAX_EVIDENCE == 48 &&
		   CS_STORE_MAX_ATTACH == 128,
	       "LIMIT clauses above follow the row caps");

struct pg {
	PGconn *conn;
	bool prepared[ST_COUNT];
	int version;
	uint8_t obsbuf[CS_OBS_MAX_VALUE + 1];
	/* pipeline state (put_host) */
	int npiped;
	int pipe_rc;
	char pipe_err[200];
};

static struct pg *
pg_of(struct cs_store *s)
{
	return s->priv;
}

/* ---------------------------------------------------------------------- */
/* Parameters: text in binary format with explicit lengths (so fixed
 * arrays need no NUL), numbers as decimal text, BYTEA as raw bytes. */

#define PGP_MAX 32

struct pgp {
	int n;
	const char *v[PGP_MAX];
	int len[PGP_MAX];
	int fmt[PGP_MAX];
	char num[PGP_MAX][32];
	char *own[PGP_MAX]; /* sanitised copies, freed by pgp_free */
};

/* Length of the valid UTF-8 sequence at p (n bytes left), or 0. */
static size_t
utf8_seq(const uint8_t *p, size_t n)
{
	size_t need;
	uint32_t cp;

	if (p[0] < 0x80)
		return p[0] != 0 ? 1 : 0;
	if ((p[0] & 0xe0) == 0xc0) {
		need = 2;
		cp = p[0] & 0x1fu;
	} else if ((p[0] & 0xf0) == 0xe0) {
		need = 3;
		cp = p[0] & 0x0fu;
	} else if ((p[0] & 0xf8) == 0xf0) {
		need = 4;
		cp = p[0] & 0x07u;
	} else {
		return 0;
	}
	if (need > n)
		return 0;
	for (size_t i = 1; i < need; i++) {
		if ((p[i] & 0xc0) != 0x80)
			return 0;
		cp = (cp << 6) | (p[i] & 0x3fu);
	}
	if ((need == 2 && cp < 0x80) || (need == 3 && cp < 0x800) ||
	    (need == 4 && (cp < 0x10000 || cp > 0x10ffff)) ||
	    (cp >= 0xd800 && cp <= 0xdfff))
		return 0;
	return need;
}

static void
pgp_free(struct pgp *p)
{
	for (int i = 0; i < p->n; i++)
		free(p->own[i]);
	p->n = 0;
}

static int
pgp_slot(struct pgp *p)
{
	if (CS_NEVER(p->n >= PGP_MAX))
		return PGP_MAX - 1;
	p->own[p->n] = NULL;
	return p->n++;
}

/* Adds n bytes of text; invalid UTF-8 and NUL bytes become '?'. */
static void
pgp_textn(struct pgp *p, const char *s, size_t n)
{
	int i = pgp_slot(p);
	const uint8_t *u = (const uint8_t *)s;
	size_t k = 0;
	bool clean = true;

	if (n > INT32_MAX)
		n = INT32_MAX;
	while (k < n) {
		size_t m = utf8_seq(u + k, n - k);
		if (m == 0) {
			clean = false;
			break;
		}
		k += m;
	}
	if (!clean) {
		char *c = cs_xmalloc(n + 1);
		k = 0;
		while (k < n) {
			size_t m = utf8_seq(u + k, n - k);
			if (m == 0) {
				c[k++] = '?';
				continue;
			}
			memcpy(c + k, u + k, m);
			k += m;
		}
		p->own[i] = c;
		s = c;
	}
	p->v[i] = n > 0 ? s : "";
	p->len[i] = (int)n;
	p->fmt[i] = 1;
}

static void
pgp_str(struct pgp *p, const char *s)
{
	if (s == NULL)
		s = "";
	pgp_textn(p, s, strlen(s));
}

#define PGP_FIXED(p, arr) pgp_textn((p), (arr), strnlen((arr), sizeof(arr)))

static void
pgp_null(struct pgp *p)
{
	int i = pgp_slot(p);

	p->v[i] = NULL;
	p->len[i] = 0;
	p->fmt[i] = 0;
}

static void
pgp_i64(struct pgp *p, int64_t v)
{
	int i = pgp_slot(p);

	snprintf(p->num[i], sizeof(p->num[i]), "%" PRId64, v);
	p->v[i] = p->num[i];
	p->len[i] = 0;
	p->fmt[i] = 0;
}

static void
pgp_dbl(struct pgp *p, double v)
{
	int i = pgp_slot(p);

	snprintf(p->num[i], sizeof(p->num[i]), "%.17g", v);
	p->v[i] = p->num[i];
	p->len[i] = 0;
	p->fmt[i] = 0;
}

static void
pgp_bytes(struct pgp *p, const void *b, size_t n)
{
	int i = pgp_slot(p);

	p->v[i] = n > 0 && b != NULL ? b : "";
	p->len[i] = n > 0 && b != NULL ? (int)n : 0;
	p->fmt[i] = 1;
}

/* ---------------------------------------------------------------------- */

/* Records the error of res (or of the connection) and returns CS_EIO. */
static int
db_err(struct cs_store *s, const char *what, const PGresult *res)
{
	const char *m = res != NULL ? PQresultErrorMessage(res) : "";

	if (m == NULL || *m == '\0')
		m = PQerrorMessage(pg_of(s)->conn);
	cs_store_set_err(s, "%s: %s", what, m);
	/* libpq messages end in a newline. */
	size_t n = strlen(s->errmsg);
	if (n > 0 && s->errmsg[n - 1] == '\n')
		s->errmsg[n - 1] = '\0';
	return CS_EIO;
}

/* SQLSTATE of res, "" if none. */
static const char *
res_state(const PGresult *res)
{
	const char *st = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : NULL;

	return st != NULL ? st : "";
}

static bool res_ok(const PGresult *res);
static int st_prepare(struct cs_store *s, int id);
static int64_t fld_int(const PGresult *res, int row, int col, int64_t lo,
		       int64_t hi);
#define FLD_I64(res, r, c) fld_int((res), (r), (c), INT64_MIN, INT64_MAX)

/* Runs prepared statement id; returns the result (caller PQclear) or NULL
 * after recording the error. */
static PGresult *
st_run(struct cs_store *s, int id, struct pgp *p, const char *what)
{
	struct pg *q = pg_of(s);
	char name[16];
	PGresult *res;
	ExecStatusType t;

	snprintf(name, sizeof(name), "cs%d", id);
	if (st_prepare(s, id) != 0) {
		pgp_free(p);
		return NULL;
	}
	res = PQexecPrepared(q->conn, name, p->n, p->v, p->len, p->fmt, 0);
	pgp_free(p);
	t = PQresultStatus(res);
	if (t != PGRES_COMMAND_OK && t != PGRES_TUPLES_OK) {
		db_err(s, what, res);
		return res; /* caller inspects SQLSTATE, then clears */
	}
	return res;
}

/* Prepares statement id unless done (outside pipeline mode only). */
static int
st_prepare(struct cs_store *s, int id)
{
	struct pg *q = pg_of(s);
	char name[16];
	PGresult *res;

	if (q->prepared[id])
		return 0;
	snprintf(name, sizeof(name), "cs%d", id);
	res = PQprepare(q->conn, name, sql_text[id], 0, NULL);
	if (PQresultStatus(res) != PGRES_COMMAND_OK) {
		db_err(s, "prepare", res);
		PQclear(res);
		return CS_EIO;
	}
	PQclear(res);
	q->prepared[id] = true;
	return 0;
}

/*
 * Pipelining (libpq >= 14): put_host sends its statements without
 * waiting for each answer, then reads them all after one sync.  pipe_send
 * queues a prepared statement; pipe_end syncs and collects, returning 0,
 * CS_EINVAL (a foreign key refused: no such scan) or CS_EIO, with the
 * RETURNING id of statement number want (0-based, -1: none) in *out.
 */
static int
pipe_begin(struct cs_store *s)
{
	struct pg *q = pg_of(s);

	q->npiped = 0;
	q->pipe_rc = 0;
	q->pipe_err[0] = '\0';
	if (PQenterPipelineMode(q->conn) != 1) {
		db_err(s, "pipeline", NULL);
		return CS_EIO;
	}
	return 0;
}

static void
pipe_send(struct cs_store *s, int id, struct pgp *p)
{
	struct pg *q = pg_of(s);
	char name[16];

	snprintf(name, sizeof(name), "cs%d", id);
	if (q->pipe_rc == 0 && CS_ALWAYS(q->prepared[id]) &&
	    PQsendQueryPrepared(q->conn, name, p->n, p->v, p->len, p->fmt, 0) ==
		1)
		q->npiped++;
	else if (q->pipe_rc == 0) {
		q->pipe_rc = CS_EIO;
		cs_strlcpy(q->pipe_err, PQerrorMessage(q->conn),
			   sizeof(q->pipe_err));
	}
	pgp_free(p);
}

static int
pipe_end(struct cs_store *s, const char *what, int want, int64_t *out)
{
	struct pg *q = pg_of(s);
	int rc = q->pipe_rc;
	bool synced = PQpipelineSync(q->conn) == 1;
	PGresult *res;

	if (!synced && rc == 0) {
		rc = CS_EIO;
		cs_strlcpy(q->pipe_err, PQerrorMessage(q->conn),
			   sizeof(q->pipe_err));
	}
	for (int i = 0; i < q->npiped; i++) {
		res = PQgetResult(q->conn);
		if (res == NULL)
			break; /* connection lost */
		if (!res_ok(res) && rc == 0) {
			rc = strcmp(res_state(res), "23503") == 0 ? CS_EINVAL
								  : CS_EIO;
			cs_strlcpy(q->pipe_err, PQresultErrorMessage(res),
				   sizeof(q->pipe_err));
		} else if (i == want && res_ok(res) && PQntuples(res) == 1) {
			*out = FLD_I64(res, 0, 0);
		}
		PQclear(res);
		/* each query's results end with a NULL */
		while ((res = PQgetResult(q->conn)) != NULL)
			PQclear(res);
	}
	/* the sync point */
	while (synced && (res = PQgetResult(q->conn)) != NULL) {
		ExecStatusType t = PQresultStatus(res);
		PQclear(res);
		if (t == PGRES_PIPELINE_SYNC)
			break;
	}
	if (PQexitPipelineMode(q->conn) != 1 && rc == 0) {
		rc = CS_EIO;
		cs_strlcpy(q->pipe_err, PQerrorMessage(q->conn),
			   sizeof(q->pipe_err));
	}
	if (rc != 0) {
		size_t n = strlen(q->pipe_err);
		if (n > 0 && q->pipe_err[n - 1] == '\n')
			q->pipe_err[n - 1] = '\0';
		cs_store_set_err(s, "%s: %s", what, q->pipe_err);
	}
	q->npiped = 0;
	return rc;
}

static bool
res_ok(const PGresult *res)
{
	ExecStatusType t = PQresultStatus(res);

	return res != NULL && (t == PGRES_COMMAND_OK || t == PGRES_TUPLES_OK);
}

/* Runs SQL text built from constants only, with parameters p (may be
 * NULL). */
static PGresult *
adhoc(struct cs_store *s, const char *sql, struct pgp *p, const char *what)
{
	PGresult *res;

	if (p != NULL) {
		res = PQexecParams(pg_of(s)->conn, sql, p->n, NULL, p->v,
				   p->len, p->fmt, 0);
		pgp_free(p);
	} else {
		res = PQexec(pg_of(s)->conn, sql);
	}
	if (!res_ok(res))
		db_err(s, what, res);
	return res;
}

/* Runs a command without results; 0 or CS_EIO. */
static int
exec_cmd(struct cs_store *s, const char *sql, const char *what)
{
	PGresult *res = adhoc(s, sql, NULL, what);
	int rc = res_ok(res) ? 0 : CS_EIO;

	PQclear(res);
	return rc;
}

static bool
in_txn(struct cs_store *s)
{
	return PQtransactionStatus(pg_of(s)->conn) != PQTRANS_IDLE;
}

static int
batch_begin(struct cs_store *s)
{
	if (in_txn(s))
		return 0;
	return exec_cmd(s, "BEGIN", "begin");
}

static int
batch_commit(struct cs_store *s)
{
	PGTransactionStatusType t = PQtransactionStatus(pg_of(s)->conn);
	int rc;

	if (t == PQTRANS_IDLE)
		return 0;
	if (t == PQTRANS_INERROR || t == PQTRANS_UNKNOWN) {
		if (t == PQTRANS_INERROR)
			exec_cmd(s, "ROLLBACK", "rollback");
		cs_store_set_err(s, "commit: transaction failed");
		return CS_EIO;
	}
	rc = exec_cmd(s, "COMMIT", "commit");
	if (rc != 0 && in_txn(s))
		exec_cmd(s, "ROLLBACK", "rollback");
	return rc;
}

/* Copies a result field into a fixed array, NUL-terminated. */
static void
fld_copy(const PGresult *res, int row, int col, char *dst, size_t dsz)
{
	if (PQgetisnull(res, row, col)) {
		dst[0] = '\0';
		return;
	}
	cs_span_copy(dst, dsz,
		     cs_span_make(PQgetvalue(res, row, col),
				  (size_t)PQgetlength(res, row, col)));
}

/* Reads an integer field clamped to [lo, hi]; 0 when NULL or bad. */
static int64_t
fld_int(const PGresult *res, int row, int col, int64_t lo, int64_t hi)
{
	char buf[32];
	long long v;

	fld_copy(res, row, col, buf, sizeof(buf));
	if (cs_str_tonum(buf, INT64_MIN, INT64_MAX, &v) != 0)
		return lo > 0 ? lo : (hi < 0 ? hi : 0);
	return v < lo ? lo : v > hi ? hi : v;
}

static double
fld_dbl(const PGresult *res, int row, int col)
{
	char buf[64];
	char *end;
	double d;

	fld_copy(res, row, col, buf, sizeof(buf));
	d = strtod(buf, &end);
	return end != buf ? d : 0.0;
}

/* Decodes a BYTEA field (text result, hex format) into dst (cap bytes).
 * Returns the decoded length; sets *trunc when cut. */
static size_t
fld_bytea(const PGresult *res, int row, int col, uint8_t *dst, size_t cap,
	  bool *trunc)
{
	const char *v = PQgetvalue(res, row, col);
	size_t n = (size_t)PQgetlength(res, row, col), out = 0;

	*trunc = false;
	if (n < 2 || v[0] != '\\' || v[1] != 'x')
		return 0;
	for (size_t i = 2; i + 1 < n; i += 2) {
		int hi = cs_hexval((unsigned char)v[i]);
		int lo = cs_hexval((unsigned char)v[i + 1]);
		if (hi < 0 || lo < 0)
			break;
		if (out >= cap) {
			*trunc = true;
			break;
		}
		dst[out++] = (uint8_t)(hi << 4 | lo);
	}
	return out;
}

/* ---------------------------------------------------------------------- */

static void
open_err(char *err, size_t errsz, const char *what, const char *msg)
{
	size_t n;

	if (err == NULL || errsz == 0)
		return;
	snprintf(err, errsz, "%s: %s", what, msg != NULL ? msg : "");
	n = strlen(err);
	if (n > 0 && err[n - 1] == '\n')
		err[n - 1] = '\0';
}

/* Reads the schema version: 0 when the table does not exist. */
static int
read_version(PGconn *c, int64_t *ver, char *err, size_t errsz)
{
	PGresult *res;
	long long v = 0;

	res = PQexec(c, "SELECT to_regclass('schema_version') IS NOT NULL");
	if (PQresultStatus(res) != PGRES_TUPLES_OK) {
		open_err(err, errsz, "cannot read inventory",
			 PQresultErrorMessage(res));
		PQclear(res);
		return CS_EIO;
	}
	if (strcmp(PQgetvalue(res, 0, 0), "t") != 0) {
		PQclear(res);
		*ver = 0;
		return 0;
	}
	PQclear(res);
	res = PQexec(c, "SELECT coalesce(max(version), 0) FROM schema_version");
	if (PQresultStatus(res) != PGRES_TUPLES_OK ||
	    cs_str_tonum(PQgetvalue(res, 0, 0), 0, 1000000, &v) != 0) {
		open_err(err, errsz, "cannot read schema version",
			 PQresultErrorMessage(res));
		PQclear(res);
		return CS_EIO;
	}
	PQclear(res);
	*ver = v;
	return 0;
}

/* One command on c; 0 or CS_EIO with err set. */
static int
cexec(PGconn *c, const char *sql, char *err, size_t errsz, const char *what)
{
	PGresult *res = PQexec(c, sql);
	ExecStatusType t = PQresultStatus(res);

	if (t != PGRES_COMMAND_OK && t != PGRES_TUPLES_OK) {
		open_err(err, errsz, what, PQresultErrorMessage(res));
		PQclear(res);
		return CS_EIO;
	}
	PQclear(res);
	return 0;
}

/* Applies each missing migration in its own transaction, serialised
 * between processes by an advisory lock taken inside it. */
static int
migrate(PGconn *c, char *err, size_t errsz)
{
	for (;;) {
		int64_t v;
		char vbuf[24];
		const char *pv[2];
		PGresult *res;

		if (cexec(c, "BEGIN", err, errsz, "migrate: begin") != 0)
			return CS_EIO;
		/* Up to date: nothing to lock or create (a sensor role may
		 * not create tables). */
		if (read_version(c, &v, err, errsz) != 0)
			goto fail;
		if (v >= CS_STORE_SCHEMA_LATEST)
			return cexec(c, "COMMIT", err, errsz,
				     "migrate: commit");
		/* "CSWP" as the advisory lock key. */
		if (cexec(c, "SELECT pg_advisory_xact_lock(1129535312)", err,
			  errsz, "migrate: lock") != 0 ||
		    cexec(c,
			  "CREATE TABLE IF NOT EXISTS schema_version ("
			  "  version    INTEGER PRIMARY KEY,"
			  "  name       TEXT NOT NULL,"
			  "  applied_at BIGINT NOT NULL)",
			  err, errsz, "migrate: schema_version") != 0 ||
		    read_version(c, &v, err, errsz) != 0)
			goto fail;
		if (v >= CS_STORE_SCHEMA_LATEST)
			return cexec(c, "COMMIT", err, errsz,
				     "migrate: commit");
		if (cexec(c, migrations[v].sql, err, errsz,
			  migrations[v].name) != 0)
			goto fail;
		snprintf(vbuf, sizeof(vbuf), "%d", (int)v + 1);
		pv[0] = vbuf;
		pv[1] = migrations[v].name;
		res = PQexecParams(
		    c,
		    "INSERT INTO schema_version (version, name, applied_at) "
		    "VALUES ($1::integer, $2::text, "
		    "extract(epoch FROM now())::bigint)",
		    2, NULL, pv, NULL, NULL, 0);
		if (PQresultStatus(res) != PGRES_COMMAND_OK) {
			open_err(err, errsz, "migrate: log",
				 PQresultErrorMessage(res));
			PQclear(res);
			goto fail;
		}
		PQclear(res);
		if (cexec(c, "COMMIT", err, errsz, "migrate: commit") != 0)
			goto fail;
		continue;
	fail:
		PQclear(PQexec(c, "ROLLBACK"));
		return CS_EIO;
	}
}

static int
pg_open(struct cs_store *s, const char *target, char *err, size_t errsz)
{
	PGconn *c;
	struct pg *q;
	int64_t ver;

	/* store.c passes the whole URI: libpq parses it. */
	c = PQconnectdb(target);
	if (c == NULL || PQstatus(c) != CONNECTION_OK) {
		open_err(err, errsz, "cannot connect to inventory",
			 c != NULL ? PQerrorMessage(c) : "out of memory");
		PQfinish(c);
		return CS_EIO;
	}
	if (cexec(c,
		  "SET client_min_messages = warning; "
		  "SET client_encoding = 'UTF8'",
		  err, errsz, "cannot configure inventory") != 0)
		goto fail;
	if (read_version(c, &ver, err, errsz) != 0)
		goto fail;
	if (ver > CS_STORE_SCHEMA_LATEST) {
		if (err != NULL && errsz > 0)
			snprintf(err, errsz,
				 "inventory schema version %" PRId64
				 " is newer than this camsweep supports (%d); "
				 "upgrade camsweep",
				 ver, CS_STORE_SCHEMA_LATEST);
		goto fail;
	}
	if (migrate(c, err, errsz) != 0 || read_version(c, &ver, err, errsz))
		goto fail;
	q = cs_xcalloc(1, sizeof(*q));
	q->conn = c;
	q->version = (int)ver;
	s->priv = q;
	/* Every statement is prepared up front: pipelines cannot. */
	for (int i = 0; i < ST_COUNT; i++)
		if (st_prepare(s, i) != 0) {
			open_err(err, errsz, "cannot prepare statements",
				 s->errmsg);
			free(q);
			s->priv = NULL;
			goto fail;
		}
	return 0;
fail:
	PQfinish(c);
	return CS_EIO;
}

static void
pg_close(struct cs_store *s)
{
	struct pg *q = pg_of(s);

	if (q == NULL)
		return;
	batch_commit(s);
	PQfinish(q->conn);
	free(q);
	s->priv = NULL;
}

static int
pg_schema_version(struct cs_store *s)
{
	return pg_of(s)->version;
}

static int
pg_scan_begin(struct cs_store *s, const struct cs_scan_info *in,
	      int64_t *scan_id)
{
	struct pgp p = {0};
	PGresult *res;
	int rc;

	if ((rc = batch_commit(s)) != 0)
		return rc;
	pgp_str(&p, in->scope);
	pgp_str(&p, in->exclusions);
	pgp_str(&p, in->ports);
	pgp_str(&p, in->options);
	pgp_str(&p, in->vantage);
	pgp_str(&p, in->version);
	pgp_i64(&p, in->started);
	pgp_i64(&p, (int64_t)in->total_targets);
	res = st_run(s, ST_SCAN_INSERT, &p, "scan_begin");
	rc = res_ok(res) && PQntuples(res) == 1 ? 0 : CS_EIO;
	if (rc == 0)
		*scan_id = FLD_I64(res, 0, 0);
	PQclear(res);
	return rc;
}

static int
pg_scan_find_resumable(struct cs_store *s, const struct cs_scan_info *in,
		       int64_t *scan_id, uint64_t *watermark)
{
	struct pgp p = {0};
	PGresult *res;
	int rc;

	pgp_str(&p, in->scope);
	pgp_str(&p, in->exclusions);
	pgp_str(&p, in->ports);
	pgp_str(&p, in->options);
	res = st_run(s, ST_SCAN_FIND, &p, "scan_find_resumable");
	if (!res_ok(res))
		rc = CS_EIO;
	else if (PQntuples(res) == 0)
		rc = CS_ENOTFOUND;
	else {
		*scan_id = FLD_I64(res, 0, 0);
		*watermark = (uint64_t)fld_int(res, 0, 1, 0, INT64_MAX);
		rc = 0;
	}
	PQclear(res);
	return rc;
}

/* Runs a one-row UPDATE; CS_ENOTFOUND if it changed nothing. */
static int
update_one(struct cs_store *s, int id, struct pgp *p, const char *what)
{
	PGresult *res = st_run(s, id, p, what);
	int rc;

	if (!res_ok(res))
		rc = CS_EIO;
	else
		rc = strcmp(PQcmdTuples(res), "0") == 0 ? CS_ENOTFOUND : 0;
	PQclear(res);
	return rc;
}

static int
pg_scan_resume(struct cs_store *s, int64_t scan_id, int64_t now)
{
	struct pgp p = {0};
	int rc;

	if ((rc = batch_commit(s)) != 0)
		return rc;
	pgp_i64(&p, scan_id);
	pgp_i64(&p, now);
	return update_one(s, ST_SCAN_RESUME, &p, "scan_resume");
}

static void
host_mac(const struct cs_store_host *h, char *out, size_t outsz)
{
	const struct cs_obs *o;

	out[0] = '\0';
	if (h->mac && h->mac[0])
		cs_strlcpy(out, h->mac, outsz);
	else if (h->obs && (o = cs_obs_find(h->obs, "mac", 0)) != NULL)
		cs_span_copy(out, outsz, cs_span_make(o->val, o->len));
}

static void
pgp_identity(struct pgp *p, const struct cs_identity *id)
{
	PGP_FIXED(p, id->manufacturer);
	PGP_FIXED(p, id->manufacturer_country);
	PGP_FIXED(p, id->brand);
	PGP_FIXED(p, id->model);
	PGP_FIXED(p, id->firmware);
	pgp_str(p, cs_class_name(id->device_class));
	pgp_i64(p, id->surveillance ? 1 : 0);
	pgp_dbl(p, id->confidence);
}

/* Runs an INSERT ... RETURNING id; sets *out. */
static int
run_id(struct cs_store *s, int id, struct pgp *p, const char *what,
       int64_t *out)
{
	PGresult *res = st_run(s, id, p, what);
	int rc;

	if (res_ok(res) && PQntuples(res) == 1) {
		*out = FLD_I64(res, 0, 0);
		rc = 0;
	} else if (strcmp(res_state(res), "23503") == 0) {
		/* foreign_key_violation: the scan does not exist */
		rc = CS_EINVAL;
	} else {
		if (res_ok(res))
			cs_store_set_err(s, "%s: no row returned", what);
		rc = CS_EIO;
	}
	PQclear(res);
	return rc;
}

/*
 * The rows of one host, in three round trips: [savepoint, delete the
 * scan's earlier sighting, upsert the device], [the sighting], then
 * [attachments, ports, observations, evidence, release].
 */
static int
put_host_rows(struct cs_store *s, int64_t scan_id,
	      const struct cs_store_host *h)
{
	const struct cs_identity *id = h->id;
	struct pgp p = {0};
	char mac[24];
	size_t nobs = 0, dropped = 0, nev;
	int64_t device_id = 0, sighting_id;
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
	host_mac(h, mac, sizeof(mac));

	if ((rc = pipe_begin(s)) != 0)
		return rc;
	pipe_send(s, ST_SAVEPOINT, &p);
	pgp_i64(&p, scan_id);
	pgp_str(&p, h->ip.text);
	pipe_send(s, ST_SIGHTING_DELETE, &p);
	pgp_identity(&p, id);
	pgp_str(&p, h->ip.text);
	if (h->ip.v4)
		pgp_i64(&p, h->ip.num);
	else
		pgp_null(&p);
	pgp_i64(&p, scan_id);
	pgp_i64(&p, h->seen_at);
	pgp_str(&p, mac);
	pipe_send(s, ST_DEVICE_UPSERT, &p);
	if ((rc = pipe_end(s, "put_host: device", 2, &device_id)) != 0)
		return rc;
	if (device_id == 0) {
		cs_store_set_err(s, "put_host: device: no id returned");
		return CS_EIO;
	}

	pgp_identity(&p, id);
	pgp_str(&p, h->ip.text);
	if (h->ip.v4)
		pgp_i64(&p, h->ip.num);
	else
		pgp_null(&p);
	pgp_i64(&p, scan_id);
	pgp_i64(&p, device_id);
	pgp_i64(&p, h->seen_at);
	pgp_i64(&p, (int64_t)CS_MIN(dropped, (size_t)INT64_MAX));
	pgp_i64(&p, (int64_t)CS_MIN(id->nev_dropped + (id->nev - nev),
				    (size_t)INT64_MAX));
	pgp_str(&p, mac);
	if ((rc = run_id(s, ST_SIGHTING_INSERT, &p, "put_host: sighting",
			 &sighting_id)) != 0)
		return rc;

	if ((rc = pipe_begin(s)) != 0)
		return rc;
	for (size_t i = 0; i < h->natt && i < CS_STORE_MAX_ATTACH; i++) {
		const struct cs_attachment *a = &h->att[i];

		pgp_i64(&p, sighting_id);
		pgp_i64(&p, a->channel);
		PGP_FIXED(&p, a->ip);
		pgp_i64(&p, a->port);
		PGP_FIXED(&p, a->name);
		PGP_FIXED(&p, a->model);
		PGP_FIXED(&p, a->serial);
		PGP_FIXED(&p, a->firmware);
		PGP_FIXED(&p, a->vendor);
		PGP_FIXED(&p, a->mac);
		PGP_FIXED(&p, a->manufacturer);
		PGP_FIXED(&p, a->brand);
		PGP_FIXED(&p, a->id_model);
		pgp_str(&p, cs_class_name(a->device_class));
		pipe_send(s, ST_ATT_INSERT, &p);
	}
	for (size_t i = 0; i < h->nports; i++) {
		pgp_i64(&p, sighting_id);
		pgp_i64(&p, h->ports[i]);
		pipe_send(s, ST_PORT_INSERT, &p);
	}
	for (size_t i = 0; i < nobs; i++) {
		const struct cs_obs *o = &h->obs->v[i];
		size_t vlen = o->len;
		unsigned flags = o->flags;

		if (vlen > CS_OBS_MAX_VALUE) {
			vlen = CS_OBS_MAX_VALUE;
			flags |= CS_OBS_TRUNCATED;
		}
		pgp_i64(&p, sighting_id);
		pgp_i64(&p, (int64_t)i);
		PGP_FIXED(&p, o->key);
		pgp_i64(&p, o->port);
		pgp_i64(&p, flags);
		pgp_bytes(&p, o->val, vlen);
		pipe_send(s, ST_OBS_INSERT, &p);
	}
	for (size_t i = 0; i < nev; i++) {
		const struct cs_evidence *ev = &id->ev[i];

		pgp_i64(&p, sighting_id);
		pgp_i64(&p, (int64_t)i);
		PGP_FIXED(&p, ev->field);
		PGP_FIXED(&p, ev->value);
		PGP_FIXED(&p, ev->rule);
		PGP_FIXED(&p, ev->obs_key);
		pgp_i64(&p, ev->port);
		pgp_dbl(&p, ev->weight);
		PGP_FIXED(&p, ev->claim);
		pipe_send(s, ST_EV_INSERT, &p);
	}
	pipe_send(s, ST_RELEASE, &p);
	return pipe_end(s, "put_host", -1, NULL);
}

static int
pg_put_host(struct cs_store *s, int64_t scan_id, const struct cs_store_host *h)
{
	int rc;

	if ((rc = batch_begin(s)) != 0)
		return rc;
	rc = put_host_rows(s, scan_id, h);
	if (rc != 0 && PQstatus(pg_of(s)->conn) == CONNECTION_OK) {
		char keep[sizeof(s->errmsg)];

		cs_strlcpy(keep, s->errmsg, sizeof(keep));
		if (exec_cmd(s, "ROLLBACK TO SAVEPOINT cs_host",
			     "rollback to") == 0)
			exec_cmd(s, "RELEASE SAVEPOINT cs_host", "release");
		cs_strlcpy(s->errmsg, keep, sizeof(s->errmsg));
	}
	return rc;
}

static int
pg_checkpoint(struct cs_store *s, int64_t scan_id, int64_t watermark,
	      int64_t hosts_done)
{
	struct pgp p = {0};
	int rc, rc2;

	if ((rc = batch_begin(s)) != 0)
		return rc;
	pgp_i64(&p, scan_id);
	pgp_i64(&p, watermark);
	pgp_i64(&p, hosts_done);
	rc = update_one(s, ST_SCAN_CHECKPOINT, &p, "checkpoint");
	rc2 = batch_commit(s);
	return rc2 != 0 ? rc2 : rc;
}

static int
pg_scan_end(struct cs_store *s, int64_t scan_id, const char *status,
	    int64_t ended)
{
	struct pgp p = {0};
	int rc, rc2;

	if ((rc = batch_begin(s)) != 0)
		return rc;
	pgp_i64(&p, scan_id);
	pgp_str(&p, status);
	pgp_i64(&p, ended);
	rc = update_one(s, ST_SCAN_END, &p, "scan_end");
	rc2 = batch_commit(s);
	return rc2 != 0 ? rc2 : rc;
}

static int
pg_latest_scan(struct cs_store *s, int64_t *scan_id)
{
	struct pgp p = {0};
	PGresult *res = st_run(s, ST_SCAN_LATEST, &p, "latest_scan");
	int rc;

	if (!res_ok(res))
		rc = CS_EIO;
	else if (PQntuples(res) == 0)
		rc = CS_ENOTFOUND;
	else {
		*scan_id = FLD_I64(res, 0, 0);
		rc = 0;
	}
	PQclear(res);
	return rc;
}

static int
pg_scan_get(struct cs_store *s, int64_t scan_id, struct cs_scan_state *ss)
{
	struct pgp p = {0};
	PGresult *res;
	int rc;

	pgp_i64(&p, scan_id);
	res = st_run(s, ST_SCAN_GET, &p, "scan_get");
	if (!res_ok(res))
		rc = CS_EIO;
	else if (PQntuples(res) == 0)
		rc = CS_ENOTFOUND;
	else {
		fld_copy(res, 0, 0, ss->status, sizeof(ss->status));
		ss->started = FLD_I64(res, 0, 1);
		ss->ended = FLD_I64(res, 0, 2);
		ss->total_targets = (uint64_t)fld_int(res, 0, 3, 0, INT64_MAX);
		ss->watermark = (uint64_t)fld_int(res, 0, 4, 0, INT64_MAX);
		ss->hosts_done = (uint64_t)fld_int(res, 0, 5, 0, INT64_MAX);
		ss->resume_count = (unsigned)fld_int(res, 0, 6, 0, UINT32_MAX);
		fld_copy(res, 0, 7, ss->scope, sizeof(ss->scope));
		fld_copy(res, 0, 8, ss->exclusions, sizeof(ss->exclusions));
		fld_copy(res, 0, 9, ss->ports, sizeof(ss->ports));
		fld_copy(res, 0, 10, ss->vantage, sizeof(ss->vantage));
		rc = 0;
	}
	PQclear(res);
	return rc;
}

static int
read_children(struct cs_store *s, int64_t sid, struct cs_device_row *row)
{
	struct pgp p = {0};
	PGresult *res;
	int n;

	pgp_i64(&p, sid);
	res = st_run(s, ST_EACH_PORT, &p, "each_device: ports");
	if (!res_ok(res)) {
		PQclear(res);
		return CS_EIO;
	}
	n = PQntuples(res);
	for (int r = 0; r < n && row->nports < CS_NELEM(row->ports); r++)
		row->ports[row->nports++] =
		    (uint16_t)fld_int(res, r, 0, 0, UINT16_MAX);
	PQclear(res);

	pgp_i64(&p, sid);
	res = st_run(s, ST_EACH_EV, &p, "each_device: evidence");
	if (!res_ok(res)) {
		PQclear(res);
		return CS_EIO;
	}
	n = PQntuples(res);
	for (int r = 0; r < n && row->id.nev < CS_FP_MAX_EVIDENCE; r++) {
		struct cs_evidence *ev = &row->id.ev[row->id.nev++];
		fld_copy(res, r, 0, ev->field, sizeof(ev->field));
		fld_copy(res, r, 1, ev->value, sizeof(ev->value));
		fld_copy(res, r, 2, ev->rule, sizeof(ev->rule));
		fld_copy(res, r, 3, ev->obs_key, sizeof(ev->obs_key));
		ev->port = (uint16_t)fld_int(res, r, 4, 0, UINT16_MAX);
		ev->weight = fld_dbl(res, r, 5);
		fld_copy(res, r, 6, ev->claim, sizeof(ev->claim));
	}
	PQclear(res);

	pgp_i64(&p, sid);
	res = st_run(s, ST_EACH_ATT, &p, "each_device: attachments");
	if (!res_ok(res)) {
		PQclear(res);
		return CS_EIO;
	}
	n = PQntuples(res);
	for (int r = 0; r < n && row->natt < CS_STORE_MAX_ATTACH; r++) {
		struct cs_attachment *a = &row->att[row->natt++];
		char cls[16];

		a->channel = (unsigned)fld_int(res, r, 0, 0, 1000000);
		fld_copy(res, r, 1, a->ip, sizeof(a->ip));
		a->port = (uint16_t)fld_int(res, r, 2, 0, UINT16_MAX);
		fld_copy(res, r, 3, a->name, sizeof(a->name));
		fld_copy(res, r, 4, a->model, sizeof(a->model));
		fld_copy(res, r, 5, a->serial, sizeof(a->serial));
		fld_copy(res, r, 6, a->firmware, sizeof(a->firmware));
		fld_copy(res, r, 7, a->vendor, sizeof(a->vendor));
		fld_copy(res, r, 8, a->mac, sizeof(a->mac));
		fld_copy(res, r, 9, a->manufacturer, sizeof(a->manufacturer));
		fld_copy(res, r, 10, a->brand, sizeof(a->brand));
		fld_copy(res, r, 11, a->id_model, sizeof(a->id_model));
		fld_copy(res, r, 12, cls, sizeof(cls));
		if (cs_class_parse(cls, &a->device_class) != 0)
			a->device_class = CS_CLASS_UNKNOWN;
	}
	PQclear(res);
	return 0;
}

static int
pg_each_device(struct cs_store *s, int64_t scan_id, cs_store_device_cb cb,
	       void *arg)
{
	struct cs_device_row *row;
	struct pgp p = {0};
	PGresult *res;
	int n, ret = 0;

	pgp_i64(&p, scan_id);
	res = st_run(s, ST_EACH_SIGHTING, &p, "each_device");
	if (!res_ok(res)) {
		PQclear(res);
		return CS_EIO;
	}
	row = cs_xmalloc(sizeof(*row));
	n = PQntuples(res);
	for (int r = 0; r < n; r++) {
		char cls[16];
		int64_t sid = FLD_I64(res, r, 0);

		memset(row, 0, sizeof(*row));
		row->device_id = FLD_I64(res, r, 1);
		fld_copy(res, r, 2, row->ip, sizeof(row->ip));
		fld_copy(res, r, 3, row->id.manufacturer,
			 sizeof(row->id.manufacturer));
		fld_copy(res, r, 4, row->id.manufacturer_country,
			 sizeof(row->id.manufacturer_country));
		fld_copy(res, r, 5, row->id.brand, sizeof(row->id.brand));
		fld_copy(res, r, 6, row->id.model, sizeof(row->id.model));
		fld_copy(res, r, 7, row->id.firmware, sizeof(row->id.firmware));
		fld_copy(res, r, 8, cls, sizeof(cls));
		if (cs_class_parse(cls, &row->id.device_class) != 0)
			row->id.device_class = CS_CLASS_UNKNOWN;
		row->id.surveillance = fld_int(res, r, 9, 0, 1) != 0;
		row->id.confidence = fld_dbl(res, r, 10);
		row->first_seen = FLD_I64(res, r, 11);
		row->last_seen = FLD_I64(res, r, 12);
		row->id.nev_dropped =
		    (size_t)fld_int(res, r, 13, 0, (int64_t)SIZE_MAX / 2);
		fld_copy(res, r, 14, row->mac, sizeof(row->mac));
		if ((ret = read_children(s, sid, row)) != 0)
			break;
		if ((ret = cb(arg, row)) != 0)
			break;
	}
	PQclear(res);
	free(row);
	return ret;
}

static int
pg_each_observation(struct cs_store *s, int64_t scan_id,
		    const struct cs_store_ip *ip, cs_store_obs_cb cb, void *arg)
{
	struct pg *q = pg_of(s);
	struct pgp p = {0};
	PGresult *res;
	int n, ret = 0;

	pgp_i64(&p, scan_id);
	pgp_str(&p, ip->text);
	res = st_run(s, ST_EACH_OBS, &p, "each_observation");
	if (!res_ok(res)) {
		PQclear(res);
		return CS_EIO;
	}
	n = PQntuples(res);
	for (int r = 0; r < n; r++) {
		struct cs_obs o;
		bool trunc;

		memset(&o, 0, sizeof(o));
		fld_copy(res, r, 0, o.key, sizeof(o.key));
		o.port = (uint16_t)fld_int(res, r, 1, 0, UINT16_MAX);
		o.flags = (unsigned)fld_int(res, r, 2, 0, UINT32_MAX);
		o.len =
		    fld_bytea(res, r, 3, q->obsbuf, CS_OBS_MAX_VALUE, &trunc);
		if (trunc)
			o.flags |= CS_OBS_TRUNCATED;
		q->obsbuf[o.len] = 0;
		o.val = q->obsbuf;
		if ((ret = cb(arg, &o)) != 0)
			break;
	}
	PQclear(res);
	return ret;
}

/* Referential checks: PostgreSQL enforces the foreign keys itself, so
 * this looks for rows the constraints cannot express. */
static int
pg_integrity_check(struct cs_store *s, char *err, size_t errsz)
{
	static const char *const checks[] = {
	    "SELECT 'device without sighting ' || d.ip FROM device d "
	    "WHERE NOT EXISTS (SELECT 1 FROM sighting s "
	    "WHERE s.device_id = d.id) AND NOT EXISTS (SELECT 1 FROM finding f "
	    "WHERE f.device_id = d.id) LIMIT 1",
	    "SELECT 'scan ' || id || ' watermark beyond its targets' "
	    "FROM scan WHERE watermark > total_targets AND total_targets > 0 "
	    "LIMIT 1",
	};
	int ret = 0;

	if (batch_commit(s) != 0)
		return CS_EIO;
	for (size_t i = 0; i < CS_NELEM(checks) && ret == 0; i++) {
		PGresult *res = adhoc(s, checks[i], NULL, "integrity_check");
		if (!res_ok(res))
			ret = CS_EIO;
		else if (PQntuples(res) > 0) {
			if (err != NULL && errsz > 0)
				fld_copy(res, 0, 0, err, errsz);
			ret = CS_EIO;
		}
		PQclear(res);
	}
	return ret;
}

/* ---------------------------------------------------------------------- */
/* Schema v3: findings, plan, reach. */

/* The finding's text columns are listed once, in store.c
 * (cs_store_finding_cols, cs_store_plan_cols). */

static void
finding_select(char *sql, size_t sz)
{
	size_t nfcols;
	const struct cs_store_col *fcols = cs_store_finding_cols(&nfcols);
	size_t npcols;
	const struct cs_store_col *pcols = cs_store_plan_cols(&npcols);
	sql[0] = '\0';
	cs_store_sql_add(
	    sql, sz,
	    "SELECT id, fkey, coalesce(device_id, 0), confidence, "
	    "sensitive, reach_core, severity, first_seen, first_scan, "
	    "last_scan, verified_scan, assessed_at");
	for (size_t i = 0; i < nfcols; i++) {
		cs_store_sql_add(sql, sz, ", ");
		cs_store_sql_add(sql, sz, fcols[i].name);
	}
	for (size_t i = 0; i < npcols; i++) {
		cs_store_sql_add(sql, sz, ", ");
		cs_store_sql_add(sql, sz, pcols[i].name);
	}
	cs_store_sql_add(sql, sz, " FROM finding");
}

static void
finding_read(const PGresult *res, int r, struct cs_finding_row *f)
{
	size_t nfcols;
	const struct cs_store_col *fcols = cs_store_finding_cols(&nfcols);
	size_t npcols;
	const struct cs_store_col *pcols = cs_store_plan_cols(&npcols);
	int c = 12;

	memset(f, 0, sizeof(*f));
	f->id = FLD_I64(res, r, 0);
	fld_copy(res, r, 1, f->key, sizeof(f->key));
	f->device_id = FLD_I64(res, r, 2);
	f->confidence = fld_dbl(res, r, 3);
	f->sensitive = FLD_I64(res, r, 4) != 0;
	f->reach_core = FLD_I64(res, r, 5) != 0;
	f->severity = (enum cs_severity)fld_int(res, r, 6, 0, CS_SEV_CRITICAL);
	f->first_seen = FLD_I64(res, r, 7);
	f->first_scan = FLD_I64(res, r, 8);
	f->last_scan = FLD_I64(res, r, 9);
	f->verified_scan = FLD_I64(res, r, 10);
	f->assessed_at = FLD_I64(res, r, 11);
	for (size_t i = 0; i < nfcols; i++, c++)
		fld_copy(res, r, c, (char *)f + fcols[i].off, fcols[i].size);
	for (size_t i = 0; i < npcols; i++, c++)
		fld_copy(res, r, c, (char *)f + pcols[i].off, pcols[i].size);
}

static int
finding_event(struct cs_store *s, int64_t fid, int64_t at, int64_t scan_id,
	      const char *what, const char *detail)
{
	struct pgp p = {0};
	PGresult *res;
	int rc;

	pgp_i64(&p, fid);
	pgp_i64(&p, at);
	pgp_i64(&p, scan_id);
	pgp_str(&p, what);
	pgp_str(&p, detail);
	res = adhoc(s,
		    "INSERT INTO finding_event (finding_id, at, scan_id, what, "
		    "detail) VALUES ($1, $2, $3, $4, $5)",
		    &p, "finding_event");
	rc = res_ok(res) ? 0 : CS_EIO;
	PQclear(res);
	return rc;
}

static int64_t
device_of(struct cs_store *s, const char *ip)
{
	struct pgp p = {0};
	PGresult *res;
	int64_t id = 0;

	pgp_str(&p, ip);
	res = adhoc(s, "SELECT id FROM device WHERE ip = $1", &p, "device");
	if (res_ok(res) && PQntuples(res) > 0)
		id = FLD_I64(res, 0, 0);
	PQclear(res);
	return id;
}

static int pg_finding_get(struct cs_store *s, int64_t id,
			  struct cs_finding_row *out);

static int
pg_finding_put(struct cs_store *s, const struct cs_finding_row *f, int64_t *id,
	       bool *reopened)
{
	size_t nfcols;
	const struct cs_store_col *fcols = cs_store_finding_cols(&nfcols);
	char sql[2048];
	struct pgp p = {0};
	PGresult *res;
	int64_t fid = 0, dev;
	char status[16] = "";
	size_t nf = nfcols;
	int rc;

	*reopened = false;
	if (batch_commit(s) != 0)
		return CS_EIO;
	PGP_FIXED(&p, f->key);
	res = adhoc(s, "SELECT id, status FROM finding WHERE fkey = $1", &p,
		    "finding_put");
	if (!res_ok(res)) {
		PQclear(res);
		return CS_EIO;
	}
	if (PQntuples(res) > 0) {
		fid = FLD_I64(res, 0, 0);
		fld_copy(res, 0, 1, status, sizeof(status));
	}
	PQclear(res);
	dev = f->device_id != 0 ? f->device_id : device_of(s, f->ip);

	/* $1..$nf the text columns, then numbers from $nf+1. */
	sql[0] = '\0';
	if (fid == 0) {
		cs_store_sql_add(sql, sizeof(sql), "INSERT INTO finding (");
		for (size_t i = 0; i < nf; i++) {
			cs_store_sql_add(sql, sizeof(sql), fcols[i].name);
			cs_store_sql_add(sql, sizeof(sql), ", ");
		}
		cs_store_sql_add(
		    sql, sizeof(sql),
		    "device_id, confidence, sensitive, reach_core, "
		    "severity, first_seen, last_scan, assessed_at, "
		    "first_scan, fkey, status, status_until, owner, due, "
		    "note) VALUES (");
		for (size_t i = 0; i < nf + 15; i++) {
			char ph[32];
			/* first_scan repeats last_scan's parameter */
			size_t k = i < nf + 8    ? i + 1
				   : i == nf + 8 ? nf + 7
						 : i;
			snprintf(ph, sizeof(ph), "%s$%zu", i > 0 ? ", " : "",
				 k);
			cs_store_sql_add(sql, sizeof(sql), ph);
		}
		cs_store_sql_add(sql, sizeof(sql), ") RETURNING id");
	} else {
		cs_store_sql_add(sql, sizeof(sql), "UPDATE finding SET ");
		for (size_t i = 0; i < nf; i++) {
			char ph[48];
			snprintf(ph, sizeof(ph), "%s = $%zu, ", fcols[i].name,
				 i + 1);
			cs_store_sql_add(sql, sizeof(sql), ph);
		}
		char tail[640];
		snprintf(
		    tail, sizeof(tail),
		    "device_id = $%zu, confidence = $%zu, "
		    "sensitive = $%zu, reach_core = $%zu, severity = $%zu, "
		    "first_seen = $%zu, last_scan = greatest(last_scan, "
		    "$%zu), assessed_at = $%zu, "
		    "status = CASE WHEN status IN ('closed', 'withdrawn') "
		    "THEN 'open' ELSE status END, "
		    "verified_scan = CASE WHEN status IN ('closed', "
		    "'withdrawn') THEN 0 ELSE verified_scan END "
		    "WHERE id = $%zu RETURNING id",
		    nf + 1, nf + 2, nf + 3, nf + 4, nf + 5, nf + 6, nf + 7,
		    nf + 8, nf + 9);
		cs_store_sql_add(sql, sizeof(sql), tail);
	}
	for (size_t i = 0; i < nf; i++)
		pgp_textn(
		    &p, (const char *)f + fcols[i].off,
		    strnlen((const char *)f + fcols[i].off, fcols[i].size));
	if (dev != 0)
		pgp_i64(&p, dev);
	else
		pgp_null(&p);
	pgp_dbl(&p, f->confidence);
	pgp_i64(&p, f->sensitive ? 1 : 0);
	pgp_i64(&p, f->reach_core ? 1 : 0);
	pgp_i64(&p, (int)f->severity);
	pgp_i64(&p, f->first_seen);
	pgp_i64(&p, f->last_scan);
	pgp_i64(&p, f->assessed_at);
	if (fid == 0) {
		/* $nf+9 is unused by the INSERT's first_scan (reuses $nf+7) */
		PGP_FIXED(&p, f->key);
		pgp_str(&p, cs_finding_status_valid(f->status) &&
				    strcmp(f->status, "closed") != 0 &&
				    strcmp(f->status, "withdrawn") != 0
				? f->status
				: "open");
		PGP_FIXED(&p, f->status_until);
		PGP_FIXED(&p, f->owner);
		PGP_FIXED(&p, f->due);
		PGP_FIXED(&p, f->note);
	} else {
		pgp_i64(&p, fid);
	}
	res = adhoc(s, sql, &p, "finding_put");
	if (!res_ok(res) || PQntuples(res) != 1) {
		PQclear(res);
		return CS_EIO;
	}
	if (fid == 0) {
		fid = FLD_I64(res, 0, 0);
		PQclear(res);
		rc = finding_event(s, fid, f->assessed_at, f->last_scan,
				   "raised", f->action);
	} else if (strcmp(status, "closed") == 0 ||
		   strcmp(status, "withdrawn") == 0) {
		PQclear(res);
		*reopened = true;
		rc = finding_event(s, fid, f->assessed_at, f->last_scan,
				   "reopened", status);
	} else {
		PQclear(res);
		rc = 0;
	}
	*id = fid;
	return rc;
}

static int
pg_finding_close(struct cs_store *s, int64_t id, const char *status,
		 int64_t scan_id)
{
	struct pgp p = {0};
	PGresult *res;
	bool changed;

	if (batch_commit(s) != 0)
		return CS_EIO;
	pgp_i64(&p, id);
	pgp_str(&p, status);
	pgp_i64(&p, scan_id);
	res = adhoc(s,
		    "UPDATE finding SET status = $2::text, verified_scan = "
		    "CASE WHEN $2::text = 'closed' THEN $3::bigint ELSE 0 END "
		    "WHERE id = $1 AND status NOT IN ('closed', 'withdrawn')",
		    &p, "finding_close");
	if (!res_ok(res)) {
		PQclear(res);
		return CS_EIO;
	}
	changed = strcmp(PQcmdTuples(res), "0") != 0;
	PQclear(res);
	if (!changed) {
		struct cs_finding_row *tmp = cs_xmalloc(sizeof(*tmp));
		int rc = pg_finding_get(s, id, tmp);
		free(tmp);
		return rc;
	}
	return finding_event(s, id, 0, scan_id, status, "");
}

/* Adds a nullable text parameter. */
static void
pgp_opt(struct pgp *p, const char *v)
{
	if (v != NULL)
		pgp_str(p, v);
	else
		pgp_null(p);
}

static int
pg_finding_plan(struct cs_store *s, int64_t id,
		const struct cs_finding_plan *pl, int64_t now)
{
	struct cs_finding_row *cur;
	char detail[512];
	struct pgp p = {0};
	PGresult *res;
	const char *until;
	int rc;

	if (batch_commit(s) != 0)
		return CS_EIO;
	cur = cs_xmalloc(sizeof(*cur));
	rc = pg_finding_get(s, id, cur);
	if (rc != 0) {
		free(cur);
		return rc;
	}
	until = pl->until != NULL ? pl->until : cur->status_until;
	if (pl->status != NULL && strcmp(pl->status, "risk-accepted") == 0 &&
	    *until == '\0') {
		free(cur);
		cs_store_set_err(s, "risk-accepted needs an --until date");
		return CS_EINVAL;
	}
	free(cur);
	pgp_i64(&p, id);
	pgp_opt(&p, pl->owner);
	pgp_opt(&p, pl->due);
	pgp_opt(&p, pl->status);
	pgp_opt(&p, pl->until);
	pgp_opt(&p, pl->note);
	res = adhoc(s,
		    "UPDATE finding SET owner = coalesce($2::text, owner), "
		    "due = coalesce($3::text, due), "
		    "status = coalesce($4::text, status), "
		    "status_until = coalesce($5::text, status_until), "
		    "note = coalesce($6::text, note) WHERE id = $1",
		    &p, "finding_plan");
	rc = res_ok(res) ? 0 : CS_EIO;
	PQclear(res);
	if (rc != 0)
		return rc;
	snprintf(detail, sizeof(detail),
		 "owner=%s due=%s status=%s until=%s note=%s",
		 pl->owner ? pl->owner : "-", pl->due ? pl->due : "-",
		 pl->status ? pl->status : "-", pl->until ? pl->until : "-",
		 pl->note ? pl->note : "-");
	return finding_event(s, id, now, 0, "plan", detail);
}

static int
pg_finding_get(struct cs_store *s, int64_t id, struct cs_finding_row *out)
{
	char sql[2048];
	struct pgp p = {0};
	PGresult *res;
	int rc;

	finding_select(sql, sizeof(sql));
	cs_store_sql_add(sql, sizeof(sql), " WHERE id = $1");
	pgp_i64(&p, id);
	res = adhoc(s, sql, &p, "finding_get");
	if (!res_ok(res))
		rc = CS_EIO;
	else if (PQntuples(res) == 0)
		rc = CS_ENOTFOUND;
	else {
		finding_read(res, 0, out);
		rc = 0;
	}
	PQclear(res);
	return rc;
}

static int
pg_each_finding(struct cs_store *s, const struct cs_finding_filter *flt,
		cs_store_finding_cb cb, void *arg)
{
	struct cs_finding_row *f;
	char sql[2048];
	struct pgp p = {0};
	PGresult *res;
	int n, ret = 0;

	finding_select(sql, sizeof(sql));
	cs_store_sql_add(
	    sql, sizeof(sql),
	    " WHERE severity >= $1::integer "
	    "AND ($2::text IS NULL OR regime = $2::text) "
	    "AND ($3::text IS NULL OR site = $3::text) "
	    "AND ($4::text IS NULL OR status = $4::text) "
	    "AND ($5::integer = 0 OR status IN ('open', 'planned', 'done', "
	    "'risk-accepted')) "
	    "ORDER BY severity DESC, site COLLATE \"C\", ip COLLATE \"C\", "
	    "regime COLLATE \"C\", obligation COLLATE \"C\", id");
	pgp_i64(&p, (int)flt->min_severity);
	pgp_opt(&p, flt->regime);
	pgp_opt(&p, flt->site);
	pgp_opt(&p, flt->status);
	pgp_i64(&p, flt->active_only ? 1 : 0);
	res = adhoc(s, sql, &p, "each_finding");
	if (!res_ok(res)) {
		PQclear(res);
		return CS_EIO;
	}
	f = cs_xmalloc(sizeof(*f));
	n = PQntuples(res);
	for (int r = 0; r < n; r++) {
		finding_read(res, r, f);
		if ((ret = cb(arg, f)) != 0)
			break;
	}
	free(f);
	PQclear(res);
	return ret;
}

static int
pg_reach_put(struct cs_store *s, const char *vantage,
	     const struct cs_store_ip *ip, const char *ports, bool reachable,
	     int64_t at)
{
	struct pgp p = {0};
	PGresult *res;
	int rc;

	if (batch_commit(s) != 0)
		return CS_EIO;
	pgp_str(&p, vantage);
	pgp_str(&p, ip->text);
	pgp_str(&p, ports);
	pgp_i64(&p, reachable ? 1 : 0);
	pgp_i64(&p, at);
	res = adhoc(s,
		    "INSERT INTO reach (vantage, ip, ports, reachable, "
		    "checked_at) VALUES ($1, $2, $3, $4, $5) "
		    "ON CONFLICT (vantage, ip) DO UPDATE SET "
		    "ports = excluded.ports, reachable = excluded.reachable, "
		    "checked_at = excluded.checked_at",
		    &p, "reach_put");
	rc = res_ok(res) ? 0 : CS_EIO;
	PQclear(res);
	return rc;
}

static int
pg_reach_get(struct cs_store *s, const struct cs_store_ip *ip, char *vantage,
	     size_t vsz, char *ports, size_t psz)
{
	struct pgp p = {0};
	PGresult *res;
	int rc;

	pgp_str(&p, ip->text);
	res = adhoc(s,
		    "SELECT vantage, ports FROM reach WHERE ip = $1 "
		    "AND reachable = 1 ORDER BY checked_at DESC, "
		    "vantage COLLATE \"C\" LIMIT 1",
		    &p, "reach_get");
	if (!res_ok(res))
		rc = CS_EIO;
	else if (PQntuples(res) == 0)
		rc = 0;
	else {
		fld_copy(res, 0, 0, vantage, vsz);
		fld_copy(res, 0, 1, ports, psz);
		rc = 1;
	}
	PQclear(res);
	return rc;
}

static int
pg_first_scan(struct cs_store *s, int64_t *first)
{
	PGresult *res =
	    adhoc(s, "SELECT min(id) FROM scan", NULL, "first_scan");
	int rc;

	if (!res_ok(res))
		rc = CS_EIO;
	else if (PQntuples(res) == 0 || PQgetisnull(res, 0, 0))
		rc = CS_ENOTFOUND;
	else {
		*first = FLD_I64(res, 0, 0);
		rc = 0;
	}
	PQclear(res);
	return rc;
}

const struct cs_store_ops cs_store_pg_ops = {
    .scheme = "postgresql",
    .open = pg_open,
    .close = pg_close,
    .schema_version = pg_schema_version,
    .scan_begin = pg_scan_begin,
    .scan_find_resumable = pg_scan_find_resumable,
    .scan_resume = pg_scan_resume,
    .put_host = pg_put_host,
    .checkpoint = pg_checkpoint,
    .scan_end = pg_scan_end,
    .latest_scan = pg_latest_scan,
    .scan_get = pg_scan_get,
    .each_device = pg_each_device,
    .each_observation = pg_each_observation,
    .integrity_check = pg_integrity_check,
    .finding_put = pg_finding_put,
    .finding_close = pg_finding_close,
    .finding_plan = pg_finding_plan,
    .finding_get = pg_finding_get,
    .each_finding = pg_each_finding,
    .reach_put = pg_reach_put,
    .reach_get = pg_reach_get,
    .first_scan = pg_first_scan,
};
