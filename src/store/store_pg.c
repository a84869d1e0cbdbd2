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
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libpq-fe.h>

#include "core/alloc.h"
#include "core/buf.h"
#include "core/str.h"
#include "core/poison.h"
#include "core/rd.h"

struct migration {
	const char *name;
	const char *sql;
};

/* The migrations, src/store/sql/pg/NNNN_name.sql, embedded by
 * src/store/sql/embed.py. */
#include "migrations_pg.h"
#define migrations pg_migrations

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
	ST_EACH_SIGHTING,
	ST_EACH_OBS,
	ST_SCAN_SITE,
	ST_SCAN_DELIVERED,
	ST_SCAN_OLDER,
	ST_SCAN_NEWER,
	ST_SCAN_FIND_ANY,
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
	    "version, status, started, total_targets, site) "
	    "VALUES ($1, $2, $3, $4, $5, $6, 'running', $7, $8, $9) "
	    "RETURNING id",
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
			"scope, exclusions, ports, vantage, site, delivered "
			"FROM scan WHERE id = $1",
	[ST_SCAN_SITE] = "SELECT site FROM scan WHERE id = $1",
	[ST_SCAN_FIND_ANY] = "SELECT id, status FROM scan "
			     "WHERE scope = $1 AND exclusions = $2 "
			     "AND ports = $3 AND options = $4 "
			     "ORDER BY started DESC, id DESC LIMIT 1",
	[ST_SCAN_OLDER] = "SELECT id FROM scan WHERE id < $1 "
			  "ORDER BY id DESC LIMIT 1",
	[ST_SCAN_NEWER] = "SELECT id FROM scan WHERE id > $1 "
			  "ORDER BY id LIMIT 1",
	[ST_SCAN_DELIVERED] = "UPDATE scan SET delivered = $2 WHERE id = $1",
	[ST_EACH_SIGHTING] =
	    "SELECT s.id, s.device_id, s.ip, s.manufacturer, "
	    "s.manufacturer_country, s.brand, s.model, s.firmware, "
	    "s.device_class, s.surveillance, s.confidence, d.first_seen, "
	    "d.last_seen, s.ev_dropped, s.mac, d.site, d.serial, s.ip_num, "
	    "s.ip "
	    "FROM sighting s JOIN device d ON d.id = s.device_id "
	    "AND d.site = s.device_site "
	    "WHERE s.scan_id = $1 "
	    "ORDER BY s.ip_num IS NULL, s.ip_num, s.ip::inet",

	[ST_EACH_OBS] = "SELECT o.key, o.port, o.flags, o.value "
			"FROM observation o JOIN sighting s "
			"ON s.id = o.sighting_id "
			"WHERE s.site = (SELECT site FROM scan WHERE id = $1) "
			"AND s.scan_id = $1 AND s.ip = $2 ORDER BY o.seq",

};
/* clang-format on */

_Static_assert(CS_STORE_MAX_PORTS == 64 && CS_FP_MAX_EVIDENCE == 48 &&
		   CS_STORE_MAX_ATTACH == 128,
	       "LIMIT clauses above follow the row caps");

/* Observation reads a connection keeps in flight at most. */
#define OBS_AHEAD 4

struct pg {
	PGconn *conn;
	bool prepared[ST_COUNT];
	int version;
	uint8_t obsbuf[CS_OBS_MAX_VALUE + 1];
	int64_t site_scan; /* the scan whose site is cached */
	char site[64];     /* ... that site */
	/* bulk writing: rows staged for COPY, per table (bulk_stage) */
	struct cs_buf bulk[5];
	struct staged {
		char ip[46], key[128], dsite[64];
	} staged[512];
	size_t nstaged;
	bool bulk_ready; /* the session's staging tables exist */
	/* observation reads sent ahead (prefetch_observations_of) and not
	 * yet collected, oldest first: their lists of sighting ids; sent in
	 * pipeline mode (ahead_pipe), so the server runs them back to back */
	char *ahead[OBS_AHEAD];
	int nahead;
	bool ahead_pipe;
	/* cs_store_query's SELECTs prepared on this connection, by their
	 * text, the least recently used deallocated */
	struct pg_cached {
		char *sql;
		char name[24];
		uint64_t used;
	} qcache[32];
	uint64_t qtick, qnames;
	/* cs_store_changes: LISTENing, and the notifications seen */
	bool listening;
	int64_t changes;
};

static struct pg *
pg_of(struct cs_store *s)
{
	return s->priv;
}

/*
 * Ends pipeline mode on c: a sync, every result up to its own, then the
 * exit.  False when the connection is lost or will not leave the mode.
 */
static bool
pipe_close(PGconn *c)
{
	PGresult *res;
	bool ended = false;

	if (PQpipelineSync(c) != 1)
		return false;
	/* up to the sync's result.  A NULL ends each command's results, and
	 * every command has at least one, so two NULLs in a row mean libpq
	 * expects nothing more: the sync was lost with the connection (the
	 * server ended it while FETCHes were in flight; libpq may still
	 * report CONNECTION_OK then, and would answer NULL forever) */
	for (;;) {
		if ((res = PQgetResult(c)) == NULL) {
			if (ended || PQstatus(c) != CONNECTION_OK)
				return false;
			ended = true;
			continue;
		}
		ended = false;
		if (PQresultStatus(res) == PGRES_PIPELINE_SYNC) {
			PQclear(res);
			return PQexitPipelineMode(c) == 1;
		}
		PQclear(res);
	}
}

/*
 * Discards the results of observation reads sent ahead and never
 * collected, so the connection can take the next command.  Every path
 * that sends a command calls it first.
 */
static void
settle(struct pg *q)
{
	PGresult *res;

	if (q->nahead == 0 && !q->ahead_pipe)
		return;
	for (int i = 0; i < q->nahead; i++) {
		while ((res = PQgetResult(q->conn)) != NULL)
			PQclear(res);
		free(q->ahead[i]);
		q->ahead[i] = NULL;
	}
	q->nahead = 0;
	if (q->ahead_pipe)
		(void)pipe_close(q->conn);
	q->ahead_pipe = false;
}

/* The connection's transaction status, with no read left pending (one
 * pending reads as "active"). */
static PGTransactionStatusType
txn_status(struct cs_store *s)
{
	settle(pg_of(s));
	return PQtransactionStatus(pg_of(s)->conn);
}

/* ---------------------------------------------------------------------- */
/* Parameters: text in binary format with explicit lengths (so fixed
 * arrays need no NUL), numbers as decimal text, BYTEA as raw bytes. */

#define PGP_MAX 64 /* finding_put binds 24 text columns and 15 more */

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
	settle(q);
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
	settle(q);
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

	settle(pg_of(s));
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

static int bulk_flush(struct cs_store *s);

static bool
in_txn(struct cs_store *s)
{
	return txn_status(s) != PQTRANS_IDLE;
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
	PGTransactionStatusType t;
	int rc;

	/* the staged hosts first (bulk writing, below) */
	if (pg_of(s)->nstaged > 0 && bulk_flush(s) != 0) {
		char keep[sizeof(s->errmsg)];
		cs_strlcpy(keep, s->errmsg, sizeof(keep));
		exec_cmd(s, "ROLLBACK", "rollback");
		cs_strlcpy(s->errmsg, keep, sizeof(s->errmsg));
		return CS_EIO;
	}
	t = txn_status(s);
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

/* True when every host of a connection is this machine: a Unix socket
 * directory, localhost, or a loopback address. */
static bool
host_local(const char *hosts)
{
	char one[256];
	const char *p = hosts;

	if (hosts == NULL || *hosts == '\0')
		return true; /* libpq's default: the Unix socket */
	while (*p != '\0') {
		size_t n = strcspn(p, ",");
		cs_span_copy(one, sizeof(one), cs_span_make(p, n));
		if (!(one[0] == '/' || one[0] == '@' ||
		      strcmp(one, "localhost") == 0 ||
		      strncmp(one, "127.", 4) == 0 || strcmp(one, "::1") == 0 ||
		      strcmp(one, "[::1]") == 0))
			return false;
		p += n;
		if (*p == ',')
			p++;
	}
	return true;
}

/*
 * What camsweep demands of a connection string before connecting
 * (docs/sensors.md):
 *  - no password inside it: argv and URIs show in ps, shell history and
 *    logs; secrets come from libpq's password file (PGPASSFILE,
 *    ~/.pgpass) or service file.  The message never repeats the URI.
 *  - TLS with certificate and host-name checks for a server that is not
 *    on this machine: *add_ssl is set to add sslmode=verify-full unless
 *    the user chose an sslmode (in the URI, a service file or
 *    PGSSLMODE), which is then theirs to lower.
 */
int
cs_store_pg_conn_policy(const char *target, bool *add_ssl, bool *add_timeout,
			char *err, size_t errsz)
{
	char *msg = NULL;
	PQconninfoOption *opts = PQconninfoParse(target, &msg);
	const char *host = NULL, *hostaddr = NULL;
	bool pw = false, ssl = false, service = false;

	*add_timeout = getenv("PGCONNECT_TIMEOUT") == NULL;

	*add_ssl = false;
	if (opts == NULL) {
		/* libpq's parse errors do not echo the value of a field. */
		open_err(err, errsz, "bad inventory URI",
			 msg != NULL ? msg : "out of memory");
		PQfreemem(msg);
		return CS_EIO;
	}
	for (PQconninfoOption *o = opts; o->keyword != NULL; o++) {
		if (o->val == NULL || *o->val == '\0')
			continue;
		if (strcmp(o->keyword, "password") == 0)
			pw = true;
		else if (strcmp(o->keyword, "sslmode") == 0)
			ssl = true;
		else if (strcmp(o->keyword, "service") == 0)
			service = true;
		else if (strcmp(o->keyword, "host") == 0)
			host = o->val;
		else if (strcmp(o->keyword, "hostaddr") == 0)
			hostaddr = o->val;
		else if (strcmp(o->keyword, "connect_timeout") == 0)
			*add_timeout = false;
	}
	if (pw) {
		PQconninfoFree(opts);
		open_err(
		    err, errsz, "inventory URI refused",
		    "it holds a password, which would show in ps and logs; "
		    "put it in a libpq password file (PGPASSFILE or "
		    "~/.pgpass) or service file instead");
		return CS_EINVAL;
	}
	if (getenv("PGSSLMODE") != NULL || getenv("PGSERVICE") != NULL)
		ssl = true;
	*add_ssl =
	    !ssl && !service &&
	    !(host_local(host) && (hostaddr == NULL || host_local(hostaddr)));
	PQconninfoFree(opts);
	return 0;
}

static int
pg_open(struct cs_store *s, const char *target, char *err, size_t errsz)
{
	PGconn *c;
	struct pg *q;
	int64_t ver;
	bool add_ssl, add_timeout;

	/* store.c passes the whole URI: libpq parses it. */
	if (cs_store_pg_conn_policy(target, &add_ssl, &add_timeout, err,
				    errsz) != 0)
		return CS_EIO;
	{
		const char *kw[4] = {"dbname"}, *val[4] = {target};
		int k = 1;
		if (add_ssl) {
			kw[k] = "sslmode";
			val[k++] = "verify-full";
		}
		/* a server that accepts and never answers must not hold a
		 * sensor's last upload for ever */
		if (add_timeout) {
			kw[k] = "connect_timeout";
			val[k++] = "10";
		}
		c = PQconnectdbParams(kw, val, 1);
	}
	if (c == NULL || PQstatus(c) != CONNECTION_OK) {
		open_err(err, errsz, "cannot connect to inventory",
			 c != NULL ? PQerrorMessage(c) : "out of memory");
		PQfinish(c);
		return CS_EIO;
	}
	if (cexec(c,
		  "SET client_min_messages = warning; "
		  "SET client_encoding = 'UTF8'; "
		  /* short statements: compiling them costs more than
		   * it saves (it took 100 ms a flush) */
		  "SET jit = off",
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
	for (size_t i = 0; i < CS_NELEM(q->bulk); i++)
		cs_buf_init(&q->bulk[i], (size_t)1 << 30);
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
	settle(q);
	batch_commit(s);
	PQfinish(q->conn);
	for (size_t i = 0; i < CS_NELEM(q->qcache); i++)
		free(q->qcache[i].sql);
	for (size_t i = 0; i < CS_NELEM(q->bulk); i++)
		cs_buf_free(&q->bulk[i]);
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
	pgp_str(&p, in->site);
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

/* Reads "id, status" from the first row of res and clears it: 0,
 * CS_ENOTFOUND (no row) or CS_EIO. */
static int
id_status(PGresult *res, int64_t *id, char status[16])
{
	int rc;

	if (!res_ok(res))
		rc = CS_EIO;
	else if (PQntuples(res) == 0)
		rc = CS_ENOTFOUND;
	else {
		*id = FLD_I64(res, 0, 0);
		fld_copy(res, 0, 1, status, 16);
		rc = 0;
	}
	PQclear(res);
	return rc;
}

static int
pg_scan_find(struct cs_store *s, const struct cs_scan_info *in,
	     int64_t *scan_id, char status[16])
{
	struct pgp p = {0};
	PGresult *res;

	pgp_str(&p, in->scope);
	pgp_str(&p, in->exclusions);
	pgp_str(&p, in->ports);
	pgp_str(&p, in->options);
	res = st_run(s, ST_SCAN_FIND_ANY, &p, "scan_find");
	return id_status(res, scan_id, status);
}

static int
pg_scan_near(struct cs_store *s, int64_t id, bool older, int64_t *out)
{
	struct pgp p = {0};
	PGresult *res;
	int rc;

	pgp_i64(&p, id);
	res = st_run(s, older ? ST_SCAN_OLDER : ST_SCAN_NEWER, &p, "scan_near");
	if (!res_ok(res))
		rc = CS_EIO;
	else if (PQntuples(res) == 0)
		rc = CS_ENOTFOUND;
	else {
		*out = FLD_I64(res, 0, 0);
		rc = 0;
	}
	PQclear(res);
	return rc;
}

/* Commits the batch, then runs the one-row update id on (a, b). */
static int
update_scan2(struct cs_store *s, int id, int64_t a, int64_t b, const char *what)
{
	struct pgp p = {0};
	int rc;

	if ((rc = batch_commit(s)) != 0)
		return rc;
	pgp_i64(&p, a);
	pgp_i64(&p, b);
	return update_one(s, id, &p, what);
}

static int
pg_scan_delivered(struct cs_store *s, int64_t scan_id, int64_t central_id)
{
	return update_scan2(s, ST_SCAN_DELIVERED, scan_id, central_id,
			    "scan_delivered");
}

static int
pg_scan_resume(struct cs_store *s, int64_t scan_id, int64_t now)
{
	return update_scan2(s, ST_SCAN_RESUME, scan_id, now, "scan_resume");
}

/* The site of scan_id (cached): CS_EINVAL when the scan does not exist
 * or, for a sensor role, belongs to another site (row security hides
 * it: the two cases are indistinguishable). */
static int
scan_site(struct cs_store *s, int64_t scan_id)
{
	struct pg *q = pg_of(s);
	struct pgp p = {0};
	PGresult *res;
	int rc;

	if (q->site_scan == scan_id && scan_id != 0)
		return 0;
	pgp_i64(&p, scan_id);
	res = st_run(s, ST_SCAN_SITE, &p, "put_host: scan");
	if (!res_ok(res))
		rc = CS_EIO;
	else if (PQntuples(res) == 0) {
		cs_store_set_err(s, "put_host: no scan %" PRId64, scan_id);
		rc = CS_EINVAL;
	} else {
		fld_copy(res, 0, 0, q->site, sizeof(q->site));
		q->site_scan = scan_id;
		rc = 0;
	}
	PQclear(res);
	return rc;
}

/* Runs an INSERT ... RETURNING id; sets *out. */
/*
 * Bulk writing (issue #13: estate-scale ingest).  put_host does not talk
 * to the server: it appends the host's rows, in COPY text format, to
 * client-side buffers (one per table), numbered by a host sequence.  A
 * flush -- at checkpoint, scan_end, close, before any read, and every
 * BULK_HOSTS hosts -- copies them into session-local temporary tables
 * (COPY works there; row security forbids COPY into the shared tables)
 * and moves them into the inventory with one set-based statement per
 * table, under the sensor's row policies like any INSERT:
 *   delete this scan's earlier sightings of the same addresses; re-key
 *   devices first seen by address; upsert the devices (same rules as one
 *   at a time: identity from the newest sighting); insert the sightings
 *   (their ids come back through RETURNING); then attachments, ports,
 *   observations and evidence (linked to the first observation of the
 *   sighting with its key and, when non-zero, port).
 * Two hosts of one flush never share an address or a device key: such a
 * host flushes the batch before it is staged.  A failed flush loses the
 * uncommitted batch (as a dropped connection does) and reports CS_EIO.
 */
#define BULK_HOSTS 512
#define BULK_BYTES ((size_t)32 << 20) /* flush beyond this per table */

/* clang-format off */
static const char bulk_tables_sql[] =
    "CREATE TEMP TABLE IF NOT EXISTS cs_h ("
    "  hseq INTEGER, scan_id BIGINT, site TEXT, dsite TEXT, ip TEXT,"
    "  ip_num BIGINT, seen_at BIGINT, mac TEXT, serial TEXT, dkey TEXT,"
    "  adopt0 TEXT, adopt1 TEXT, manufacturer TEXT,"
    "  manufacturer_country TEXT, brand TEXT, model TEXT, firmware TEXT,"
    "  device_class TEXT, surveillance INTEGER,"
    "  confidence DOUBLE PRECISION, obs_dropped BIGINT, ev_dropped BIGINT,"
    "  device_id BIGINT, sighting_id BIGINT);"
    "CREATE TEMP TABLE IF NOT EXISTS cs_p (hseq INTEGER, port INTEGER);"
    "CREATE TEMP TABLE IF NOT EXISTS cs_o (hseq INTEGER, seq INTEGER,"
    "  key TEXT, port INTEGER, flags BIGINT, value BYTEA);"
    "CREATE TEMP TABLE IF NOT EXISTS cs_e (hseq INTEGER, seq INTEGER,"
    "  field TEXT, value TEXT, rule TEXT, obs_key TEXT, port INTEGER,"
    "  weight DOUBLE PRECISION, claim TEXT);"
    "CREATE TEMP TABLE IF NOT EXISTS cs_a (hseq INTEGER, channel BIGINT,"
    "  ip TEXT, port INTEGER, name TEXT, model TEXT, serial TEXT,"
    "  firmware TEXT, vendor TEXT, mac TEXT, manufacturer TEXT, brand TEXT,"
    "  id_model TEXT, device_class TEXT)";

#define BULK_ID "manufacturer, manufacturer_country, brand, model, " \
	"firmware, device_class, surveillance, confidence"

static const char bulk_move_sql[] =
    /* row counts for the planner: index lookups, not scans of the
     * growing inventory tables */
    "ANALYZE cs_h;"
    "DELETE FROM sighting g USING cs_h h WHERE g.site = h.site"
    "  AND g.scan_id = h.scan_id AND g.ip = h.ip;"
    /* a host without MAC or serial, of the maker of the device last
     * seen at its address, is that device if it has one of them (seen
     * without it: its probe timed out), unless another host of the
     * batch has that key */
    "UPDATE cs_h h SET dkey = x.dkey FROM (SELECT DISTINCT ON (h1.hseq)"
    "  h1.hseq, d.dkey, d.manufacturer FROM cs_h h1 JOIN device d"
    "  ON d.site = h1.dsite AND d.ip = h1.ip WHERE h1.mac = ''"
    "  AND h1.serial = '' AND h1.manufacturer <> ''"
    "  ORDER BY h1.hseq, d.last_seen DESC, d.id DESC) x"
    "  WHERE h.hseq = x.hseq AND x.dkey NOT LIKE 'ip:%'"
    "  AND x.manufacturer = h.manufacturer AND NOT EXISTS (SELECT 1"
    "  FROM cs_h h2 WHERE h2.dsite = h.dsite AND h2.dkey = x.dkey);"
    "UPDATE device d SET dkey = x.dkey FROM (SELECT DISTINCT ON (h.hseq)"
    "  h.dkey, d0.id FROM cs_h h JOIN device d0 ON d0.site = h.dsite"
    "  AND d0.dkey IN (h.adopt0, h.adopt1) WHERE h.adopt0 <> ''"
    "  AND NOT EXISTS (SELECT 1 FROM device d2 WHERE d2.site = h.dsite"
    "  AND d2.dkey = h.dkey) ORDER BY h.hseq, d0.dkey = h.adopt1 DESC) x"
    "  WHERE d.id = x.id;"
    "INSERT INTO device (" BULK_ID ", ip, ip_num, first_scan, last_scan,"
    "  first_seen, last_seen, mac, site, dkey, serial)"
    "  SELECT " BULK_ID ", ip, ip_num, scan_id, scan_id, seen_at, seen_at,"
    "  mac, dsite, dkey, serial FROM cs_h ORDER BY hseq "
    "ON CONFLICT (site, dkey) DO UPDATE SET "
    "mac = CASE WHEN excluded.mac <> '' AND " NEWER
    " THEN excluded.mac ELSE device.mac END, "
    "serial = CASE WHEN excluded.serial <> '' AND " NEWER
    " THEN excluded.serial ELSE device.serial END, "
    TAKE("ip") ", " TAKE("manufacturer") ", "
    TAKE("manufacturer_country") ", " TAKE("brand") ", " TAKE("model") ", "
    TAKE("firmware") ", " TAKE("device_class") ", " TAKE("surveillance") ", "
    TAKE("confidence") ", " TAKE("ip_num") ", " TAKE("last_scan") ", "
    "first_scan = CASE WHEN excluded.first_seen < device.first_seen "
    "THEN excluded.first_scan ELSE device.first_scan END, "
    "first_seen = least(device.first_seen, excluded.first_seen), "
    "last_seen = greatest(device.last_seen, excluded.last_seen);"
    "UPDATE cs_h h SET device_id = d.id FROM device d"
    "  WHERE d.site = h.dsite AND d.dkey = h.dkey;"
    "WITH ins AS (INSERT INTO sighting (" BULK_ID ", ip, ip_num, scan_id,"
    "  device_id, seen_at, obs_dropped, ev_dropped, mac, site, device_site)"
    "  SELECT " BULK_ID ", ip, ip_num, scan_id, device_id, seen_at,"
    "  obs_dropped, ev_dropped, mac, site, dsite FROM cs_h ORDER BY hseq"
    "  RETURNING id, scan_id, ip)"
    "  UPDATE cs_h h SET sighting_id = ins.id FROM ins"
    "  WHERE ins.scan_id = h.scan_id AND ins.ip = h.ip";

static const char bulk_move2_sql[] =
    "INSERT INTO attachment (sighting_id, channel, ip, port, name, model,"
    "  serial, firmware, vendor, mac, manufacturer, brand, id_model,"
    "  device_class, site) SELECT h.sighting_id, a.channel, a.ip, a.port,"
    "  a.name, a.model, a.serial, a.firmware, a.vendor, a.mac,"
    "  a.manufacturer, a.brand, a.id_model, a.device_class, h.site"
    "  FROM cs_a a JOIN cs_h h ON h.hseq = a.hseq;"
    "INSERT INTO sighting_port (sighting_id, port, site)"
    "  SELECT DISTINCT h.sighting_id, p.port, h.site"
    "  FROM cs_p p JOIN cs_h h ON h.hseq = p.hseq;"
    "INSERT INTO observation (sighting_id, seq, key, port, flags, value,"
    "  site) SELECT h.sighting_id, o.seq, o.key, o.port, o.flags, o.value,"
    "  h.site FROM cs_o o JOIN cs_h h ON h.hseq = o.hseq;"
    "INSERT INTO evidence (sighting_id, seq, field, value, rule, obs_key,"
    "  port, weight, claim, site, observation_id)"
    "  SELECT h.sighting_id, e.seq, e.field, e.value, e.rule, e.obs_key,"
    "  e.port, e.weight, e.claim, h.site, (SELECT o.id FROM observation o"
    "  WHERE o.site = h.site AND o.sighting_id = h.sighting_id"
    "  AND e.obs_key <> '' AND o.key = e.obs_key"
    "  AND (e.port = 0 OR o.port = e.port) ORDER BY o.seq LIMIT 1)"
    "  FROM cs_e e JOIN cs_h h ON h.hseq = e.hseq;"
    /* DELETE, not TRUNCATE: a truncation makes new files for each
     * table at every flush, which cost more than the whole insert */
    "DELETE FROM cs_h; DELETE FROM cs_p; DELETE FROM cs_o;"
    "DELETE FROM cs_e; DELETE FROM cs_a";
/* clang-format on */

enum { BT_H, BT_P, BT_O, BT_E, BT_A, BT_COUNT };
static const char *const bulk_copy[BT_COUNT] = {
    "COPY cs_h FROM STDIN", "COPY cs_p FROM STDIN", "COPY cs_o FROM STDIN",
    "COPY cs_e FROM STDIN", "COPY cs_a FROM STDIN"};

/* Set when an append to a staging buffer failed (out of memory). */
static _Thread_local bool bulk_oom;

static void
badd(struct cs_buf *b, const void *p, size_t n)
{
	if (cs_buf_add(b, p, n) != 0)
		bulk_oom = true;
}

static void CS_PRINTF(2, 3) bprintf(struct cs_buf *b, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	if (cs_buf_vprintf(b, fmt, ap) != 0)
		bulk_oom = true;
	va_end(ap);
}

/* Appends n bytes of text as one COPY field: invalid UTF-8 and NUL bytes
 * become '?' (as for parameters), backslash, tab, newline and CR are
 * escaped. */
static void
copy_text(struct cs_buf *b, const char *s, size_t n)
{
	const uint8_t *u = (const uint8_t *)s;
	size_t k = 0;

	while (k < n) {
		size_t m, run = k;
		/* a run of plain ASCII (most text) is added at once */
		while (run < n && u[run] > 0 && u[run] < 0x80 &&
		       u[run] != '\\' && u[run] != '\t' && u[run] != '\n' &&
		       u[run] != '\r')
			run++;
		if (run > k) {
			badd(b, u + k, run - k);
			k = run;
			continue;
		}
		m = utf8_seq(u + k, n - k);
		if (m == 0) {
			badd(b, "?", 1);
			k++;
			continue;
		}
		if (m == 1 && (u[k] == '\\' || u[k] == '\t' || u[k] == '\n' ||
			       u[k] == '\r')) {
			static const char esc[][3] = {"\\\\", "\\t", "\\n",
						      "\\r"};
			int i = u[k] == '\\'   ? 0
				: u[k] == '\t' ? 1
				: u[k] == '\n' ? 2
					       : 3;
			badd(b, esc[i], 2);
		} else {
			badd(b, u + k, m);
		}
		k += m;
	}
}

#define COPY_FIXED(b, arr) copy_text((b), (arr), strnlen((arr), sizeof(arr)))

static void
copy_str(struct cs_buf *b, const char *s)
{
	copy_text(b, s != NULL ? s : "", s != NULL ? strlen(s) : 0);
}

/* A BYTEA field: \\x and hex (the backslash escaped for COPY). */
static void
copy_bytea(struct cs_buf *b, const uint8_t *v, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	char pair[2];

	badd(b, "\\\\x", 3);
	for (size_t i = 0; i < n; i++) {
		pair[0] = hex[v[i] >> 4];
		pair[1] = hex[v[i] & 15];
		badd(b, pair, 2);
	}
}

static void
copy_sep(struct cs_buf *b)
{
	badd(b, "\t", 1);
}

static void
copy_end(struct cs_buf *b)
{
	badd(b, "\n", 1);
}

static void
copy_i64(struct cs_buf *b, int64_t v)
{
	bprintf(b, "%" PRId64, v);
}

/* Is ip or key already staged in this flush? */
static bool
bulk_dup(const struct pg *q, const char *ip, const char *dsite, const char *key)
{
	for (size_t i = 0; i < q->nstaged; i++)
		if (strcmp(q->staged[i].ip, ip) == 0 ||
		    (strcmp(q->staged[i].key, key) == 0 &&
		     strcmp(q->staged[i].dsite, dsite) == 0))
			return true;
	return false;
}

static int bulk_flush(struct cs_store *s);

static int
bulk_stage(struct cs_store *s, int64_t scan_id, const struct cs_store_host *h)
{
	struct pg *q = pg_of(s);
	const struct cs_identity *id = h->id;
	const char *dsite = h->site[0] != '\0' ? h->site : q->site;
	struct cs_buf *b;
	size_t nobs = 0, dropped = 0, nev;
	int hseq, rc;

	size_t keep[BT_COUNT];
	bool big = false;

	for (int t = 0; t < BT_COUNT; t++)
		big = big || q->bulk[t].len > BULK_BYTES;
	if (big || bulk_dup(q, h->ip.text, dsite, h->key) ||
	    q->nstaged >= BULK_HOSTS) {
		if ((rc = bulk_flush(s)) != 0)
			return rc;
	}
	for (int t = 0; t < BT_COUNT; t++)
		keep[t] = q->bulk[t].len;
	bulk_oom = false;
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
	hseq = (int)q->nstaged;
	{
		struct staged *st = &q->staged[q->nstaged++];
		cs_strlcpy(st->ip, h->ip.text, sizeof(st->ip));
		cs_strlcpy(st->key, h->key, sizeof(st->key));
		cs_strlcpy(st->dsite, dsite, sizeof(st->dsite));
	}

	b = &q->bulk[BT_H];
	copy_i64(b, hseq);
	copy_sep(b);
	copy_i64(b, scan_id);
	copy_sep(b);
	copy_str(b, q->site);
	copy_sep(b);
	copy_str(b, dsite);
	copy_sep(b);
	copy_str(b, h->ip.text);
	copy_sep(b);
	if (h->ip.v4)
		copy_i64(b, h->ip.num);
	else
		badd(b, "\\N", 2);
	copy_sep(b);
	copy_i64(b, h->seen_at);
	copy_sep(b);
	copy_str(b, h->mac);
	copy_sep(b);
	copy_str(b, h->serial);
	copy_sep(b);
	copy_str(b, h->key);
	copy_sep(b);
	copy_str(b, h->adopt[0]);
	copy_sep(b);
	copy_str(b, h->adopt[1][0] ? h->adopt[1] : h->adopt[0]);
	copy_sep(b);
	COPY_FIXED(b, id->manufacturer);
	copy_sep(b);
	COPY_FIXED(b, id->manufacturer_country);
	copy_sep(b);
	COPY_FIXED(b, id->brand);
	copy_sep(b);
	COPY_FIXED(b, id->model);
	copy_sep(b);
	COPY_FIXED(b, id->firmware);
	copy_sep(b);
	copy_str(b, cs_class_name(id->device_class));
	copy_sep(b);
	if (id->surveillance_known)
		copy_i64(b, id->surveillance ? 1 : 0);
	else
		badd(b, "\\N", 2);
	copy_sep(b);
	bprintf(b, "%.17g", id->confidence);
	copy_sep(b);
	copy_i64(b, (int64_t)CS_MIN(dropped, (size_t)INT64_MAX));
	copy_sep(b);
	copy_i64(b, (int64_t)CS_MIN(id->nev_dropped + (id->nev - nev),
				    (size_t)INT64_MAX));
	copy_sep(b);
	badd(b, "\\N\t\\N", 5);
	copy_end(b);

	b = &q->bulk[BT_P];
	for (size_t i = 0; i < h->nports; i++)
		bprintf(b, "%d\t%u\n", hseq, (unsigned)h->ports[i]);

	b = &q->bulk[BT_O];
	for (size_t i = 0; i < nobs; i++) {
		const struct cs_obs *o = &h->obs->v[i];
		size_t vlen = o->len;
		unsigned flags = o->flags;

		if (vlen > CS_OBS_MAX_VALUE) {
			vlen = CS_OBS_MAX_VALUE;
			flags |= CS_OBS_TRUNCATED;
		}
		bprintf(b, "%d\t%zu\t", hseq, i);
		COPY_FIXED(b, o->key);
		bprintf(b, "\t%u\t%u\t", (unsigned)o->port, flags);
		copy_bytea(b, o->val, o->val != NULL ? vlen : 0);
		copy_end(b);
	}

	b = &q->bulk[BT_E];
	for (size_t i = 0; i < nev; i++) {
		const struct cs_evidence *ev = &id->ev[i];

		bprintf(b, "%d\t%zu\t", hseq, i);
		COPY_FIXED(b, ev->field);
		copy_sep(b);
		COPY_FIXED(b, ev->value);
		copy_sep(b);
		COPY_FIXED(b, ev->rule);
		copy_sep(b);
		COPY_FIXED(b, ev->obs_key);
		bprintf(b, "\t%u\t%.17g\t", (unsigned)ev->port, ev->weight);
		COPY_FIXED(b, ev->claim);
		copy_end(b);
	}

	b = &q->bulk[BT_A];
	for (size_t i = 0; i < h->natt && i < CS_STORE_MAX_ATTACH; i++) {
		const struct cs_attachment *a = &h->att[i];

		bprintf(b, "%d\t%u\t", hseq, a->channel);
		COPY_FIXED(b, a->ip);
		bprintf(b, "\t%u\t", (unsigned)a->port);
		COPY_FIXED(b, a->name);
		copy_sep(b);
		COPY_FIXED(b, a->model);
		copy_sep(b);
		COPY_FIXED(b, a->serial);
		copy_sep(b);
		COPY_FIXED(b, a->firmware);
		copy_sep(b);
		COPY_FIXED(b, a->vendor);
		copy_sep(b);
		COPY_FIXED(b, a->mac);
		copy_sep(b);
		COPY_FIXED(b, a->manufacturer);
		copy_sep(b);
		COPY_FIXED(b, a->brand);
		copy_sep(b);
		COPY_FIXED(b, a->id_model);
		copy_sep(b);
		copy_str(b, cs_class_name(a->device_class));
		copy_end(b);
	}
	if (bulk_oom) { /* take the half-staged host back out */
		for (int t = 0; t < BT_COUNT; t++)
			q->bulk[t].len = keep[t];
		q->nstaged--;
		cs_store_set_err(s, "put_host: out of memory");
		return CS_EIO;
	}
	return 0;
}

/* Sends one staged table with COPY; 0 or CS_EIO. */
static int
bulk_copy_one(struct cs_store *s, int t)
{
	struct pg *q = pg_of(s);
	PGresult *res;
	int rc = 0;

	if (q->bulk[t].len == 0)
		return 0;
	settle(q);
	res = PQexec(q->conn, bulk_copy[t]);
	if (PQresultStatus(res) != PGRES_COPY_IN) {
		db_err(s, "put_host: copy", res);
		PQclear(res);
		return CS_EIO;
	}
	PQclear(res);
	if (PQputCopyData(q->conn, (const char *)q->bulk[t].p,
			  (int)q->bulk[t].len) != 1)
		rc = CS_EIO;
	if (PQputCopyEnd(q->conn, rc == 0 ? NULL : "client failed") != 1)
		rc = CS_EIO;
	while ((res = PQgetResult(q->conn)) != NULL) {
		if (PQresultStatus(res) != PGRES_COMMAND_OK && rc == 0)
			rc = db_err(s, "put_host: copy", res);
		PQclear(res);
	}
	if (rc != 0 && s->errmsg[0] == '\0')
		db_err(s, "put_host: copy", NULL);
	return rc;
}

/* Moves everything staged into the inventory (inside the batch). */
static int
bulk_flush(struct cs_store *s)
{
	struct pg *q = pg_of(s);
	int rc = 0;

	if (q->nstaged == 0)
		return 0;
	if (!q->bulk_ready) {
		if (exec_cmd(s, bulk_tables_sql, "put_host: staging") != 0)
			rc = CS_EIO;
		else
			q->bulk_ready = true;
	}
	for (int t = 0; t < BT_COUNT && rc == 0; t++)
		rc = bulk_copy_one(s, t);
	if (rc == 0)
		rc = exec_cmd(s, bulk_move_sql, "put_host");
	if (rc == 0)
		rc = exec_cmd(s, bulk_move2_sql, "put_host");
	if (rc != 0)
		q->bulk_ready = false; /* rolled back with the batch */
	for (int t = 0; t < BT_COUNT; t++)
		cs_buf_reset(&q->bulk[t]);
	q->nstaged = 0;
	return rc;
}

static int
pg_put_host(struct cs_store *s, int64_t scan_id, const struct cs_store_host *h)
{
	int rc;

	if ((rc = batch_begin(s)) != 0 || (rc = scan_site(s, scan_id)) != 0)
		return rc;
	return bulk_stage(s, scan_id, h);
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
		fld_copy(res, 0, 11, ss->site, sizeof(ss->site));
		ss->delivered = FLD_I64(res, 0, 12);
		rc = 0;
	}
	PQclear(res);
	return rc;
}

/*
 * each_device reads a scan's sightings through a cursor, EACH_BATCH at a
 * time, and their ports, evidence and attachments through one more
 * cursor each, ordered the same way (the scan's sightings by address,
 * then the child's own order), merged as they come.  The server joins
 * and sorts each child table once (a hash join and a sort, or index
 * lookups for a small scan: the planner's choice) instead of looking up
 * every sighting's children one by one, which for a million scattered
 * sightings cost a random read each.
 */
#define EACH_BATCH 2000
#define KID_BATCH 4000

/* The scan's sightings in the order each_device returns them. */
#define EACH_ORDER "s.ip_num IS NULL, s.ip_num, s.ip::inet"

/* One cursor: its current fetched rows and position, and the next batch
 * (asked for ahead, maybe already here). */
struct kcur {
	const char *name;
	int batch; /* rows a FETCH asks for */
	PGresult *res;
	int pos, n;
	bool done;       /* no batch after res */
	bool asked;      /* the next batch's FETCH is sent */
	PGresult *ahead; /* the next batch, received before it was needed */
};

/*
 * each_device's cursors read in pipeline mode: every batch's FETCH is sent
 * as soon as the batch before it arrives, so the server produces the next
 * rows (or sorts, at a cursor's first FETCH) while the caller works on
 * these, instead of each side waiting on the other FETCH by FETCH.  The
 * results come back in the order sent; one that arrives while the caller
 * waits for another cursor's is kept in its cursor's ahead slot.
 */
struct fetcher {
	struct cs_store *s; /* its error message set at the first failure */
	PGconn *conn;
	struct kcur *c[4];
	int fifo[8]; /* cursor index of each FETCH in flight, oldest first */
	int head, len;
	bool failed;
};

/* Sends cursor k's next FETCH; false when it could not be sent. */
static bool
fetch_ask(struct fetcher *f, int k)
{
	struct kcur *c = f->c[k];
	char sql[64];

	if (c->asked || c->done)
		return true;
	snprintf(sql, sizeof(sql), "FETCH %d FROM %s", c->batch, c->name);
	if (CS_NEVER(f->len == (int)CS_NELEM(f->fifo)) ||
	    PQsendQueryParams(f->conn, sql, 0, NULL, NULL, NULL, NULL, 0) !=
		1 ||
	    PQsendFlushRequest(f->conn) != 1 || PQflush(f->conn) != 0) {
		if (!f->failed)
			db_err(f->s, "each_device", NULL);
		f->failed = true;
		return false;
	}
	f->fifo[(f->head + f->len++) % (int)CS_NELEM(f->fifo)] = k;
	c->asked = true;
	return true;
}

/* Receives the oldest FETCH in flight into its cursor's ahead slot. */
static bool
fetch_recv(struct fetcher *f)
{
	int k = f->fifo[f->head];
	PGresult *res = PQgetResult(f->conn), *end;

	f->head = (f->head + 1) % (int)CS_NELEM(f->fifo);
	f->len--;
	/* each command's results end with a NULL */
	while ((end = PQgetResult(f->conn)) != NULL)
		PQclear(end);
	f->c[k]->ahead = res;
	if (!res_ok(res)) {
		if (!f->failed)
			db_err(f->s, "each_device", res);
		f->failed = true;
	}
	return !f->failed;
}

/*
 * Makes cursor k's next batch its current one and asks for the one after
 * it; false at the cursor's end or on an error (f->failed).
 */
static bool
fetch_next(struct fetcher *f, int k)
{
	struct kcur *c = f->c[k];

	if (c->done || f->failed)
		return false;
	if (!fetch_ask(f, k))
		return false;
	while (c->ahead == NULL)
		if (f->len == 0 || !fetch_recv(f))
			return false;
	PQclear(c->res);
	c->res = c->ahead;
	c->ahead = NULL;
	c->asked = false;
	c->pos = 0;
	c->n = PQntuples(c->res);
	c->done = c->n < c->batch;
	if (!fetch_ask(f, k))
		return false;
	return c->n > 0;
}

/* Takes in what is still in flight, ends pipeline mode; false when the
 * connection could not be brought back to normal. */
static bool
fetch_end(struct fetcher *f)
{
	bool ok;

	while (f->len > 0)
		(void)fetch_recv(f);
	ok = pipe_close(f->conn);
	for (int k = 0; k < 4; k++)
		if (f->c[k] != NULL) {
			PQclear(f->c[k]->ahead);
			f->c[k]->ahead = NULL;
		}
	return ok;
}

/* Columns 0-2 of every child row: sighting id, ip_num (NULL for IPv6),
 * ip.  $1 is replaced by the scan id (a number). */
static const char *const kid_sql[3] = {
    "DECLARE cs_kp NO SCROLL CURSOR FOR SELECT p.sighting_id, s.ip_num, "
    "s.ip, p.port FROM sighting s JOIN sighting_port p ON p.site = s.site "
    "AND p.sighting_id = s.id WHERE s.scan_id = $1 ORDER BY " EACH_ORDER
    ", p.port",
    "DECLARE cs_ke NO SCROLL CURSOR FOR SELECT e.sighting_id, s.ip_num, "
    "s.ip, e.field, e.value, e.rule, e.obs_key, e.port, e.weight, e.claim "
    "FROM sighting s JOIN evidence e ON e.sighting_id = s.id WHERE "
    "s.scan_id = $1 ORDER BY " EACH_ORDER ", e.seq",
    "DECLARE cs_ka NO SCROLL CURSOR FOR SELECT c.sighting_id, s.ip_num, "
    "s.ip, c.channel, c.ip, c.port, c.name, c.model, c.serial, c.firmware, "
    "c.vendor, c.mac, c.manufacturer, c.brand, c.id_model, c.device_class "
    "FROM sighting s JOIN attachment c ON c.sighting_id = s.id WHERE "
    "s.scan_id = $1 ORDER BY " EACH_ORDER ", c.channel, c.id",
};
static const char *const kid_name[3] = {"cs_kp", "cs_ke", "cs_ka"};

/*
 * Makes child cursor kid's current row available; false at its end.
 * *rc becomes CS_EIO when a fetch fails.
 */
static bool
kid_row(struct fetcher *f, int kid, int *rc)
{
	struct kcur *k = f->c[kid];

	if (k->pos < k->n)
		return true;
	if (*rc != 0)
		return false;
	if (!fetch_next(f, kid)) {
		if (f->failed)
			*rc = CS_EIO;
		return false;
	}
	return true;
}

/*
 * Orders two sightings of one scan as EACH_ORDER does: IPv4 (ip_num set)
 * by number first, then the rest (IPv6) as inet orders them, numerically.
 */
static int
order_cmp(const PGresult *a, int ra, int ca, const PGresult *b, int rb, int cb)
{
	bool na = PQgetisnull(a, ra, ca), nb = PQgetisnull(b, rb, cb);
	int c;

	if (na != nb)
		return na ? 1 : -1;
	if (!na) {
		int64_t x = FLD_I64(a, ra, ca), y = FLD_I64(b, rb, cb);
		if (x != y)
			return x < y ? -1 : 1;
	}
	c = cs_store_ip_cmp(
	    PQgetvalue(a, ra, ca + 1), (size_t)PQgetlength(a, ra, ca + 1),
	    PQgetvalue(b, rb, cb + 1), (size_t)PQgetlength(b, rb, cb + 1));
	return c < 0 ? -1 : c > 0;
}

/*
 * Advances k to the children of the sighting in row r of res (its id
 * sid, its order key in columns 17-18) and returns true when k's current
 * row is one of them.  A child of a sighting the main cursor left out
 * (none should exist) is skipped.
 */
static bool
kid_of(struct fetcher *f, int kid, const PGresult *res, int r, int64_t sid,
       int *rc)
{
	struct kcur *k = f->c[kid];

	while (kid_row(f, kid, rc)) {
		if (FLD_I64(k->res, k->pos, 0) == sid)
			return true;
		if (order_cmp(k->res, k->pos, 1, res, r, 17) > 0)
			return false;
		k->pos++;
	}
	return false;
}

static void
fill_children(struct fetcher *f, const PGresult *res, int r, int64_t sid,
	      struct cs_device_row *row, int *rc)
{
	struct kcur *k = f->c[0];

	for (; kid_of(f, 0, res, r, sid, rc); k->pos++)
		if (row->nports < CS_NELEM(row->ports))
			row->ports[row->nports++] =
			    (uint16_t)fld_int(k->res, k->pos, 3, 0, UINT16_MAX);
	k = f->c[1];
	for (; kid_of(f, 1, res, r, sid, rc); k->pos++) {
		struct cs_evidence *ev;
		int x = k->pos;
		if (row->id.nev >= CS_FP_MAX_EVIDENCE)
			continue;
		ev = &row->id.ev[row->id.nev++];
		fld_copy(k->res, x, 3, ev->field, sizeof(ev->field));
		fld_copy(k->res, x, 4, ev->value, sizeof(ev->value));
		fld_copy(k->res, x, 5, ev->rule, sizeof(ev->rule));
		fld_copy(k->res, x, 6, ev->obs_key, sizeof(ev->obs_key));
		ev->port = (uint16_t)fld_int(k->res, x, 7, 0, UINT16_MAX);
		ev->weight = fld_dbl(k->res, x, 8);
		fld_copy(k->res, x, 9, ev->claim, sizeof(ev->claim));
	}
	k = f->c[2];
	for (; kid_of(f, 2, res, r, sid, rc); k->pos++) {
		struct cs_attachment *a;
		char cls[16];
		int x = k->pos;
		if (row->natt >= CS_STORE_MAX_ATTACH)
			continue;
		a = &row->att[row->natt++];
		a->channel = (unsigned)fld_int(k->res, x, 3, 0, 1000000);
		fld_copy(k->res, x, 4, a->ip, sizeof(a->ip));
		a->port = (uint16_t)fld_int(k->res, x, 5, 0, UINT16_MAX);
		fld_copy(k->res, x, 6, a->name, sizeof(a->name));
		fld_copy(k->res, x, 7, a->model, sizeof(a->model));
		fld_copy(k->res, x, 8, a->serial, sizeof(a->serial));
		fld_copy(k->res, x, 9, a->firmware, sizeof(a->firmware));
		fld_copy(k->res, x, 10, a->vendor, sizeof(a->vendor));
		fld_copy(k->res, x, 11, a->mac, sizeof(a->mac));
		fld_copy(k->res, x, 12, a->manufacturer,
			 sizeof(a->manufacturer));
		fld_copy(k->res, x, 13, a->brand, sizeof(a->brand));
		fld_copy(k->res, x, 14, a->id_model, sizeof(a->id_model));
		fld_copy(k->res, x, 15, cls, sizeof(cls));
		if (cs_class_parse(cls, &a->device_class) != 0)
			a->device_class = CS_CLASS_UNKNOWN;
	}
}

/* Calls cb for the rows of one fetched batch. */
static int
each_batch(struct fetcher *f, PGresult *res, unsigned parts,
	   struct cs_device_row *row, cs_store_device_cb cb, void *arg)
{
	int n = PQntuples(res), ret = 0;

	for (int r = 0; r < n && ret == 0; r++) {
		char cls[16];
		int64_t sid = FLD_I64(res, r, 0);

		memset(row, 0, sizeof(*row));
		row->sighting_id = sid;
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
		row->id.surveillance_known = !PQgetisnull(res, r, 9);
		row->id.surveillance = fld_int(res, r, 9, 0, 1) != 0;
		row->id.confidence = fld_dbl(res, r, 10);
		row->first_seen = FLD_I64(res, r, 11);
		row->last_seen = FLD_I64(res, r, 12);
		row->id.nev_dropped =
		    (size_t)fld_int(res, r, 13, 0, (int64_t)SIZE_MAX / 2);
		fld_copy(res, r, 14, row->mac, sizeof(row->mac));
		fld_copy(res, r, 15, row->site, sizeof(row->site));
		fld_copy(res, r, 16, row->serial, sizeof(row->serial));
		/* without the evidence, what cs_identity_surveillance_presumed
		 * would find in it (column 19: a presumed-rule line) */
		if (!(parts & CS_DEV_EVIDENCE))
			row->id.surveillance_presumed =
			    PQgetvalue(res, r, 19)[0] == 't' &&
			    row->id.surveillance &&
			    row->id.device_class == CS_CLASS_UNKNOWN;
		fill_children(f, res, r, sid, row, &ret);
		if (ret == 0)
			ret = cb(arg, row);
	}
	return ret;
}

/* The parts of a row each child cursor reads (kid_sql's order). */
static const unsigned kid_part[3] = {CS_DEV_PORTS, CS_DEV_EVIDENCE,
				     CS_DEV_ATTACH};

/* Column 19 of the sightings when the evidence is not read: whether one
 * of its lines is the presumed-surveillance rule's (a hashed subplan:
 * one pass over the evidence, not a lookup per sighting). */
static const char each_presumed_col[] =
    ", s.id IN (SELECT sighting_id FROM evidence WHERE rule = "
    "'" CS_FP_PRESUMED_RULE "')";

static int
pg_each_device(struct cs_store *s, int64_t scan_id, unsigned parts,
	       cs_store_device_cb cb, void *arg)
{
	const char *q = sql_text[ST_EACH_SIGHTING], *dollar = strstr(q, "$1");
	const char *from = strstr(q, " FROM sighting s ");
	struct kcur kc[4] = {{0}}, *m = &kc[3];
	struct fetcher f = {0};
	char closing[96] = "CLOSE cs_each";
	struct cs_device_row *row;
	char *sql;
	size_t n;
	bool own;
	int ret = 0;

	/* the open batch's rows too */
	if (bulk_flush(s) != 0 ||
	    CS_NEVER(dollar == NULL || from == NULL || from > dollar))
		return CS_EIO;
	/* the cursor's query: the statement with the scan id (a number) */
	n = strlen(q) + 1024;
	sql = cs_xmalloc(n);
	own = !in_txn(s);
	/* the children's sorts of a large scan in memory where they fit */
	ret = own && exec_cmd(s, "BEGIN", "each_device") != 0 ? CS_EIO : 0;
	if (ret == 0 &&
	    exec_cmd(s, "SET LOCAL work_mem = '64MB'", "each_device") != 0)
		ret = CS_EIO;
	snprintf(sql, n,
		 "DECLARE cs_each NO SCROLL CURSOR FOR %.*s%s%.*s%" PRId64 "%s",
		 (int)(from - q), q,
		 parts & CS_DEV_EVIDENCE ? "" : each_presumed_col,
		 (int)(dollar - from), from, scan_id, dollar + 2);
	if (ret == 0 && exec_cmd(s, sql, "each_device") != 0)
		ret = CS_EIO;
	for (int k = 0; k < 3 && ret == 0; k++) {
		const char *kq = kid_sql[k], *d = strstr(kq, "$1");
		if (CS_NEVER(d == NULL || strlen(kq) + 64 > n)) {
			ret = CS_EIO;
			break;
		}
		snprintf(sql, n, "%.*s%" PRId64 "%s", (int)(d - kq), kq,
			 scan_id, d + 2);
		kc[k].name = kid_name[k];
		kc[k].batch = KID_BATCH;
		if (!(parts & kid_part[k])) {
			kc[k].done = true; /* not read: no rows */
			continue;
		}
		if (exec_cmd(s, sql, "each_device") != 0)
			ret = CS_EIO;
		cs_store_sql_add(closing, sizeof(closing), "; CLOSE ");
		cs_store_sql_add(closing, sizeof(closing), kid_name[k]);
	}
	free(sql);
	if (ret == 0 && PQenterPipelineMode(pg_of(s)->conn) != 1)
		ret = db_err(s, "each_device: pipeline", NULL);
	if (ret != 0) {
		if (own && in_txn(s))
			exec_cmd(s, "ROLLBACK", "rollback");
		return CS_EIO;
	}
	m->name = "cs_each";
	m->batch = EACH_BATCH;
	f.s = s;
	f.conn = pg_of(s)->conn;
	for (int k = 0; k < 4; k++)
		f.c[k] = &kc[k];
	/* every cursor's first batch asked for at once: the server sorts
	 * the children while the first sightings are read */
	for (int k = 3; k >= 0; k--)
		(void)fetch_ask(&f, k);
	row = cs_xmalloc(sizeof(*row));
	while (ret == 0 && fetch_next(&f, 3))
		ret = each_batch(&f, m->res, parts, row, cb, arg);
	if (ret == 0 && f.failed)
		ret = CS_EIO;
	free(row);
	for (int k = 0; k < 4; k++)
		PQclear(kc[k].res);
	if (!fetch_end(&f)) {
		/* the connection is gone or stuck in the pipeline: nothing
		 * more can be sent on it, and the first error stands */
		if (!f.failed)
			db_err(s, "each_device: pipeline", NULL);
		return CS_EIO;
	}
	if (txn_status(s) == PQTRANS_INTRANS)
		exec_cmd(s, closing, "each_device");
	if (own) {
		if (txn_status(s) == PQTRANS_INTRANS)
			exec_cmd(s, "COMMIT", "each_device");
		else
			exec_cmd(s, "ROLLBACK", "rollback");
	}
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

	/* the open batch's rows too */
	if (bulk_flush(s) != 0)
		return CS_EIO;
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

/*
 * The observations of a list of sightings ($1, an array literal of their
 * ids), with their position in the list and seq: one index lookup of
 * observation (sighting_id, seq) per sighting.  Read in binary (obs_row):
 * the 50 million values of a large estate are neither hex-encoded by the
 * server nor decoded here, and the numbers are not printed and parsed
 * back.  No ORDER BY: the plan (a nested loop over the list and that
 * index) yields them in order, and obs_order sorts only when it did not;
 * a server-side sort cost a quarter of the query.  (By address, as
 * before, the query also looked every address up in sighting, and on a
 * 100 000-device estate the planner hashed all the scan's sightings for
 * each chunk instead: 60% of the query.)
 */
static const char obs_of_sql[] =
    "SELECT u.i::int8, o.key, o.port::int4, o.flags::int8, o.value, "
    "o.seq::int8 "
    "FROM unnest($1::int8[]) WITH ORDINALITY AS u (sid, i) "
    "JOIN observation o ON o.sighting_id = u.sid";

/* A binary integer field of 4 or 8 bytes (network order); false for a
 * NULL or any other size. */
static bool
bin_int(const PGresult *res, int row, int col, int64_t *out)
{
	struct cs_rd r;
	int n = PQgetlength(res, row, col);

	if (PQgetisnull(res, row, col) || (n != 4 && n != 8))
		return false;
	cs_rd_init(&r, PQgetvalue(res, row, col), (size_t)n);
	if (n == 4) {
		*out = (int32_t)cs_rd_be32(&r);
	} else {
		uint64_t hi = cs_rd_be32(&r);
		*out = (int64_t)(hi << 32 | cs_rd_be32(&r));
	}
	return cs_rd_ok(&r);
}

/*
 * One row of obs_of_sql's binary result into *o (its value in buf, cap
 * bytes plus a NUL) and its 1-based list position into *i.  False for a
 * row of the wrong shape, which the caller skips.
 */
static bool
obs_row(const PGresult *res, int r, uint8_t *buf, size_t cap, int64_t *i,
	struct cs_obs *o)
{
	int64_t port, flags;
	size_t n;

	memset(o, 0, sizeof(*o));
	if (!bin_int(res, r, 0, i) || !bin_int(res, r, 2, &port) ||
	    !bin_int(res, r, 3, &flags) || port < 0 || port > UINT16_MAX ||
	    flags < 0 || flags > UINT32_MAX || PQgetisnull(res, r, 1) ||
	    PQgetisnull(res, r, 4))
		return false;
	/* a binary text field is the text's bytes; libpq adds the NUL */
	cs_strlcpy(o->key, PQgetvalue(res, r, 1), sizeof(o->key));
	o->port = (uint16_t)port;
	o->flags = (unsigned)flags;
	n = (size_t)PQgetlength(res, r, 4);
	if (n > cap) {
		n = cap;
		o->flags |= CS_OBS_TRUNCATED;
	}
	memcpy(buf, PQgetvalue(res, r, 4), n);
	buf[n] = 0;
	o->val = buf;
	o->len = n;
	return true;
}

/* A row of an observation read by (list position, seq), for obs_order. */
struct obs_pos {
	int64_t i, seq;
	int row;
};

static int
obs_pos_cmp(const void *a, const void *b)
{
	const struct obs_pos *x = a, *y = b;

	if (x->i != y->i)
		return x->i < y->i ? -1 : 1;
	if (x->seq != y->seq)
		return x->seq < y->seq ? -1 : 1;
	return (x->row > y->row) - (x->row < y->row);
}

/*
 * The order to deliver the nr rows of an observation read in: by list
 * position, then seq.  NULL when the rows already run so (the usual
 * case); else an array of row numbers the caller frees.  A row whose
 * position or seq does not read counts as position 0 (obs_row skips it).
 */
static int *
obs_order(const PGresult *res, int nr)
{
	struct obs_pos *v;
	int *ord;
	int64_t pi = INT64_MIN, ps = INT64_MIN;
	int r;

	for (r = 0; r < nr; r++) {
		int64_t i, seq;
		if (!bin_int(res, r, 0, &i) || !bin_int(res, r, 5, &seq))
			break;
		if (i < pi || (i == pi && seq < ps))
			break;
		pi = i;
		ps = seq;
	}
	if (r == nr)
		return NULL;
	v = cs_xcalloc((size_t)nr, sizeof(*v));
	for (r = 0; r < nr; r++) {
		v[r].row = r;
		if (!bin_int(res, r, 0, &v[r].i) ||
		    !bin_int(res, r, 5, &v[r].seq))
			v[r].i = v[r].seq = 0;
	}
	qsort(v, (size_t)nr, sizeof(*v), obs_pos_cmp);
	ord = cs_xcalloc((size_t)nr, sizeof(*ord));
	for (r = 0; r < nr; r++)
		ord[r] = v[r].row;
	free(v);
	return ord;
}

/*
 * The key of one observation read: the array literal of the n sighting
 * ids, which is also its parameter.  The caller frees it.
 */
static char *
obs_of_key(const int64_t *sightings, size_t n)
{
	struct cs_buf b;
	char *key;

	cs_buf_init(&b, n * 21 + 3);
	cs_buf_add(&b, "{", 1);
	for (size_t i = 0; i < n; i++)
		cs_buf_printf(&b, "%s%" PRId64, i ? "," : "", sightings[i]);
	cs_buf_add(&b, "}", 1);
	key = cs_xstrdup(cs_buf_str(&b));
	cs_buf_free(&b);
	return key;
}

/* Sends the read of key's observations (binary results) without waiting
 * for it; 0, or CS_EIO when it could not be sent. */
static int
obs_of_send(struct cs_store *s, const char *key)
{
	return PQsendQueryParams(pg_of(s)->conn, obs_of_sql, 1, NULL, &key,
				 NULL, NULL, 1) == 1
		   ? 0
		   : CS_EIO;
}

/* The first result of the command sent last (in pipeline mode: of the
 * oldest in flight), with the rest of its results drained. */
static PGresult *
first_result(PGconn *c)
{
	PGresult *res = PQgetResult(c), *more;

	while ((more = PQgetResult(c)) != NULL)
		PQclear(more);
	return res;
}

/*
 * Sends the observation read of sightings ahead, so the server runs it while
 * the caller works (poll_ahead keeps the socket drained meanwhile).  Up
 * to OBS_AHEAD reads go out in pipeline mode, so the server starts the
 * next the moment it finishes one instead of waiting for the caller to
 * collect it and ask again; pg_each_observation_of collects them in the
 * order sent, and any other command discards them first (settle).
 */
static int
pg_prefetch_observations_of(struct cs_store *s, const int64_t *sightings,
			    size_t n)
{
	struct pg *q = pg_of(s);
	char *key;

	if (q->nahead == OBS_AHEAD)
		return 0; /* a hint: enough is in flight */
	if (q->nahead == 0) {
		settle(q);
		if (bulk_flush(s) != 0)
			return CS_EIO;
	}
	if (!q->ahead_pipe) {
		if (PQenterPipelineMode(q->conn) != 1)
			return 0; /* the read itself will run and report it */
		q->ahead_pipe = true;
	}
	key = obs_of_key(sightings, n);
	if (obs_of_send(s, key) != 0 || PQsendFlushRequest(q->conn) != 1 ||
	    PQflush(q->conn) != 0) {
		free(key); /* the read itself will run and report it */
		settle(q);
		return 0;
	}
	q->ahead[q->nahead++] = key;
	return 0;
}

/* Takes in what has arrived of the reads sent ahead, without waiting:
 * libpq reads the socket only when asked, and a full socket would hold
 * the server up while the caller works.  An error shows at the collect. */
static void
pg_poll_ahead(struct cs_store *s)
{
	struct pg *q = pg_of(s);

	if (q->nahead > 0)
		(void)PQconsumeInput(q->conn);
}

static int
pg_each_observation_of(struct cs_store *s, const int64_t *sightings, size_t n,
		       cs_store_obs_of_cb cb, void *arg)
{
	struct pg *q = pg_of(s);
	PGresult *res;
	char *key = obs_of_key(sightings, n);
	int nr, ret = 0, *ord;

	if (q->nahead > 0 && strcmp(q->ahead[0], key) == 0) {
		/* the oldest read sent ahead: its results, up to the NULL
		 * that ends them (the next reads' stay queued) */
		res = first_result(q->conn);
		free(q->ahead[0]);
		memmove(q->ahead, q->ahead + 1,
			(size_t)(q->nahead - 1) * sizeof(q->ahead[0]));
		q->ahead[--q->nahead] = NULL;
	} else {
		settle(q);
		if (bulk_flush(s) != 0) {
			free(key);
			return CS_EIO;
		}
		if (obs_of_send(s, key) != 0) {
			free(key);
			return db_err(s, "each_observation", NULL);
		}
		res = first_result(q->conn);
	}
	free(key);
	if (!res_ok(res)) {
		db_err(s, "each_observation", res);
		PQclear(res);
		return CS_EIO;
	}
	nr = PQntuples(res);
	ord = obs_order(res, nr);
	for (int k = 0; k < nr && ret == 0; k++) {
		struct cs_obs o;
		int64_t i;

		if (!obs_row(res, ord != NULL ? ord[k] : k, q->obsbuf,
			     CS_OBS_MAX_VALUE, &i, &o) ||
		    i < 1 || (size_t)i > n)
			continue;
		ret = cb(arg, (size_t)(i - 1), &o);
	}
	free(ord);
	PQclear(res);
	return ret;
}

/* Referential checks: PostgreSQL enforces the foreign keys itself, so
 * this looks for rows the constraints cannot express. */
static int
pg_integrity_check(struct cs_store *s, char *err, size_t errsz)
{
	static const char *const checks[] = {
	    /* a device only the switches know has a placement instead */
	    "SELECT 'device without sighting ' || d.ip FROM device d "
	    "WHERE NOT EXISTS (SELECT 1 FROM sighting s "
	    "WHERE s.device_id = d.id) AND NOT EXISTS (SELECT 1 FROM finding f "
	    "WHERE f.device_id = d.id) AND NOT EXISTS (SELECT 1 FROM "
	    "placement p WHERE p.device_id = d.id) LIMIT 1",
	    "SELECT 'scan ' || id || ' watermark beyond its targets' "
	    "FROM scan WHERE watermark > total_targets AND total_targets > 0 "
	    "LIMIT 1",
	    /* the rows under a sighting are tied to it by triggers, not by
	     * foreign keys (migration 0004) */
	    "SELECT 'observation without its sighting' FROM observation o "
	    "WHERE NOT EXISTS (SELECT 1 FROM sighting g WHERE g.id = "
	    "o.sighting_id AND g.site = o.site) LIMIT 1",
	    "SELECT 'evidence without its sighting' FROM evidence e "
	    "WHERE NOT EXISTS (SELECT 1 FROM sighting g WHERE g.id = "
	    "e.sighting_id AND g.site = e.site) LIMIT 1",
	    "SELECT 'port without its sighting' FROM sighting_port p "
	    "WHERE NOT EXISTS (SELECT 1 FROM sighting g WHERE g.id = "
	    "p.sighting_id AND g.site = p.site) LIMIT 1",
	    "SELECT 'attachment without its sighting' FROM attachment a "
	    "WHERE NOT EXISTS (SELECT 1 FROM sighting g WHERE g.id = "
	    "a.sighting_id AND g.site = a.site) LIMIT 1",
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
	cs_store_finding_select(sql, sz, "coalesce(device_id, 0)");
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
pg_finding_event(struct cs_store *s, int64_t fid, int64_t at, int64_t scan_id,
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
pg_device_of(struct cs_store *s, const char *ip)
{
	struct pgp p = {0};
	PGresult *res;
	int64_t id = 0;

	pgp_str(&p, ip);
	res = adhoc(s,
		    "SELECT id FROM device WHERE ip = $1 "
		    "ORDER BY last_seen DESC, id DESC LIMIT 1",
		    &p, "device");
	if (res_ok(res) && PQntuples(res) > 0)
		id = FLD_I64(res, 0, 0);
	PQclear(res);
	return id;
}

static int pg_finding_get(struct cs_store *s, int64_t id,
			  struct cs_finding_row *out);

static int
pg_finding_lookup(struct cs_store *s, const char *key, int64_t *id,
		  char status[16])
{
	struct pgp p = {0};
	PGresult *res;

	if (batch_commit(s) != 0)
		return CS_EIO;
	pgp_str(&p, key);
	res = adhoc(s, "SELECT id, status FROM finding WHERE fkey = $1", &p,
		    "finding_put");
	return id_status(res, id, status);
}

static int
pg_finding_write(struct cs_store *s, const struct cs_finding_row *f,
		 int64_t fid, const char *status, bool reopen, int64_t dev,
		 int64_t *id)
{
	size_t nfcols;
	const struct cs_store_col *fcols = cs_store_finding_cols(&nfcols);
	char sql[2048];
	struct pgp p = {0};
	PGresult *res;
	size_t nf = nfcols;

	if (batch_commit(s) != 0)
		return CS_EIO;
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
		    "status = CASE WHEN $%zu::integer = 1 THEN 'open' "
		    "ELSE status END, "
		    "verified_scan = CASE WHEN $%zu::integer = 1 THEN 0 "
		    "ELSE verified_scan END "
		    "WHERE id = $%zu RETURNING id",
		    nf + 1, nf + 2, nf + 3, nf + 4, nf + 5, nf + 6, nf + 7,
		    nf + 8, nf + 10, nf + 10, nf + 9);
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
		pgp_str(&p, status);
		PGP_FIXED(&p, f->status_until);
		PGP_FIXED(&p, f->owner);
		PGP_FIXED(&p, f->due);
		PGP_FIXED(&p, f->note);
	} else {
		pgp_i64(&p, fid);
		pgp_i64(&p, reopen ? 1 : 0);
	}
	res = adhoc(s, sql, &p, "finding_put");
	if (!res_ok(res) || PQntuples(res) != 1) {
		PQclear(res);
		return CS_EIO;
	}
	*id = FLD_I64(res, 0, 0);
	PQclear(res);
	return 0;
}

/* Runs a COPY ... FROM STDIN of the rows in b; 0 or CS_EIO. */
static int
copy_rows(struct cs_store *s, const char *sql, const struct cs_buf *b,
	  const char *what)
{
	struct pg *q = pg_of(s);
	PGresult *res;
	int rc = 0;

	settle(q);
	res = PQexec(q->conn, sql);
	if (PQresultStatus(res) != PGRES_COPY_IN) {
		db_err(s, what, res);
		PQclear(res);
		return CS_EIO;
	}
	PQclear(res);
	if (b->len > 0 &&
	    PQputCopyData(q->conn, (const char *)b->p, (int)b->len) != 1)
		rc = CS_EIO;
	if (PQputCopyEnd(q->conn, rc == 0 ? NULL : "client failed") != 1)
		rc = CS_EIO;
	while ((res = PQgetResult(q->conn)) != NULL) {
		if (PQresultStatus(res) != PGRES_COMMAND_OK && rc == 0)
			rc = db_err(s, what, res);
		PQclear(res);
	}
	if (rc != 0 && s->errmsg[0] == '\0')
		db_err(s, what, NULL);
	return rc;
}

/* Replaces, in place, each byte of s that is not valid UTF-8 with '?',
 * as every text parameter and COPY field is sent (pgp_textn, copy_text),
 * so the row equals what the server stores. */
static void
text_as_stored(char *s, size_t size)
{
	uint8_t *u = (uint8_t *)s;
	size_t n = strnlen(s, size);

	for (size_t k = 0; k < n;) {
		size_t m = u[k] < 0x80 ? 1 : utf8_seq(u + k, n - k);
		if (m == 0)
			u[k++] = '?';
		else
			k += m;
	}
}

/*
 * The findings of one assessment, set-based, in one transaction: COPY
 * into a session table (cs_f); note the keys that are new or closed
 * (cs_n, usually few); one UPDATE of the known findings whose computed
 * fields changed or that are reopened -- an unchanged finding is not
 * written at all, so it keeps its assessed_at (store.h); one INSERT of
 * the new ones and one of their events; then a read back of what only the
 * server knows (ids, plan, scans, assessed_at), the rest of each row
 * being what was sent.  The effect is that of cs_store_finding_put for
 * each row in order (a key given twice keeps the later row's computed
 * fields).
 */
static int
pg_finding_put_many(struct cs_store *s, struct cs_finding_row *v,
		    const char *const *status, size_t n, bool *reopened)
{
	size_t nf, np;
	const struct cs_store_col *fc = cs_store_finding_cols(&nf);
	const struct cs_store_col *pc = cs_store_plan_cols(&np);
	static const char nums[] =
	    "device_id, confidence, sensitive, reach_core, severity, "
	    "first_seen, last_scan, assessed_at";
	static const char plan[] = "status, status_until, owner, due, note";
	/* the last row of each key, with its device as pg_device_of finds
	 * it when the caller gave none; without a key given twice (the usual
	 * case) every row, unsorted */
	static const char last_of_key[] =
	    "(SELECT DISTINCT ON (fkey) c.*, coalesce(c.device_id, (SELECT "
	    "d.id FROM device d WHERE d.ip = c.ip ORDER BY d.last_seen DESC, "
	    "d.id DESC LIMIT 1)) AS dev FROM cs_f c ORDER BY fkey, seq DESC) t";
	static const char every_row[] =
	    "(SELECT c.*, coalesce(c.device_id, (SELECT d.id FROM device d "
	    "WHERE d.ip = c.ip ORDER BY d.last_seen DESC, d.id DESC LIMIT 1)) "
	    "AS dev FROM cs_f c) t";
	static const char first_of_key[] =
	    "(SELECT DISTINCT ON (fkey) * FROM cs_f ORDER BY fkey, seq) t";
	const char *t_last = last_of_key, *t_first = first_of_key;
	int64_t dups = 1, nnew = 1;
	char cols[1024] = "", sel[1024] = "", set[2048] = "", fcmp[1024] = "";
	char tcmp[1024] = "", pl[256] = "", sql[8192];
	struct cs_buf b;
	PGresult *res;
	int rc = 0, nr;

	if (batch_commit(s) != 0)
		return CS_EIO;
	for (size_t i = 0; i < nf; i++) {
		char one[96];
		cs_store_sql_add(cols, sizeof(cols), fc[i].name);
		cs_store_sql_add(cols, sizeof(cols), ", ");
		cs_store_sql_add(sel, sizeof(sel), fc[i].name);
		cs_store_sql_add(sel, sizeof(sel), ", ");
		snprintf(one, sizeof(one), "%s = t.%s, ", fc[i].name,
			 fc[i].name);
		cs_store_sql_add(set, sizeof(set), one);
		snprintf(one, sizeof(one), "f.%s, ", fc[i].name);
		cs_store_sql_add(fcmp, sizeof(fcmp), one);
		snprintf(one, sizeof(one), "t.%s, ", fc[i].name);
		cs_store_sql_add(tcmp, sizeof(tcmp), one);
	}
	cs_store_sql_add(cols, sizeof(cols), nums);
	/* as nums, with the device found for a row that gave none */
	cs_store_sql_add(sel, sizeof(sel),
			 "dev, confidence, sensitive, reach_core, severity, "
			 "first_seen, last_scan, assessed_at");
	for (size_t i = 0; i < np; i++) {
		cs_store_sql_add(pl, sizeof(pl), ", f.");
		cs_store_sql_add(pl, sizeof(pl), pc[i].name);
	}
	/* the computed fields, as cs_store_finding_same compares them */
	cs_store_sql_add(fcmp, sizeof(fcmp),
			 "f.device_id, f.confidence, f.sensitive, "
			 "f.reach_core, f.severity, f.first_seen");
	cs_store_sql_add(tcmp, sizeof(tcmp),
			 "t.dev, t.confidence, t.sensitive, t.reach_core, "
			 "t.severity, t.first_seen");
	snprintf(sql, sizeof(sql),
		 "CREATE TEMP TABLE IF NOT EXISTS cs_f (seq bigint, fkey text, "
		 "id bigint, old_status text, confidence double precision, "
		 "device_id bigint, sensitive integer, reach_core integer, "
		 "severity integer, first_seen bigint, last_scan bigint, "
		 "assessed_at bigint, status text, status_until text, "
		 "owner text, due text, note text");
	for (size_t i = 0; i < nf; i++) {
		cs_store_sql_add(sql, sizeof(sql), ", ");
		cs_store_sql_add(sql, sizeof(sql), fc[i].name);
		cs_store_sql_add(sql, sizeof(sql), " text");
	}
	cs_store_sql_add(sql, sizeof(sql),
			 "); TRUNCATE cs_f; CREATE TEMP TABLE IF NOT EXISTS "
			 "cs_n (fkey text, old_status text); TRUNCATE cs_n");
	if (exec_cmd(s, sql, "finding_put: table") != 0)
		return CS_EIO;
	cs_buf_init(&b, (sizeof(*v) * 2 + 256) * (n + 1));
	for (size_t r = 0; r < n; r++) {
		const struct cs_finding_row *f = &v[r];
		copy_i64(&b, (int64_t)r);
		copy_sep(&b);
		COPY_FIXED(&b, f->key);
		for (size_t i = 0; i < nf; i++) {
			const char *c = (const char *)f + fc[i].off;
			copy_sep(&b);
			copy_text(&b, c, strnlen(c, fc[i].size));
		}
		copy_sep(&b);
		if (f->device_id != 0)
			copy_i64(&b, f->device_id);
		else
			badd(&b, "\\N", 2);
		bprintf(&b,
			"\t%.17g\t%d\t%d\t%d\t%" PRId64 "\t%" PRId64
			"\t%" PRId64 "\t",
			f->confidence, f->sensitive ? 1 : 0,
			f->reach_core ? 1 : 0, (int)f->severity, f->first_seen,
			f->last_scan, f->assessed_at);
		copy_str(&b, status[r]);
		copy_sep(&b);
		COPY_FIXED(&b, f->status_until);
		copy_sep(&b);
		COPY_FIXED(&b, f->owner);
		copy_sep(&b);
		COPY_FIXED(&b, f->due);
		copy_sep(&b);
		COPY_FIXED(&b, f->note);
		copy_end(&b);
	}
	snprintf(sql, sizeof(sql), "COPY cs_f (seq, fkey, %s, %s) FROM STDIN",
		 cols, plan);
	if (exec_cmd(s, "BEGIN", "finding_put") != 0 ||
	    copy_rows(s, sql, &b, "finding_put: copy") != 0)
		rc = CS_EIO;
	cs_buf_free(&b);
	/* the keys that are new (old_status NULL) or closed */
	if (rc == 0)
		rc = exec_cmd(s,
			      "INSERT INTO cs_n SELECT DISTINCT c.fkey, "
			      "f.status FROM cs_f c LEFT JOIN finding f ON "
			      "f.fkey = c.fkey WHERE f.id IS NULL OR f.status "
			      "IN ('closed', 'withdrawn'); ANALYZE cs_f; "
			      "ANALYZE cs_n; SET LOCAL work_mem = '256MB'",
			      "finding_put: match");
	/* keys given twice, and keys to raise or reopen */
	if (rc == 0) {
		res = adhoc(s,
			    "SELECT count(*) - count(DISTINCT fkey), (SELECT "
			    "count(*) FROM cs_n) FROM cs_f",
			    NULL, "finding_put: count");
		if (!res_ok(res) || PQntuples(res) != 1)
			rc = CS_EIO;
		else {
			dups = FLD_I64(res, 0, 0);
			nnew = FLD_I64(res, 0, 1);
		}
		PQclear(res);
		if (dups == 0) {
			t_last = every_row;
			t_first = "cs_f t";
		}
	}
	/* assessed again: the computed fields follow, the plan stays; a
	 * closed or withdrawn finding is reopened; an unchanged one is left
	 * alone */
	if (rc == 0) {
		snprintf(sql, sizeof(sql),
			 "UPDATE finding f SET %s device_id = t.dev, "
			 "confidence = t.confidence, sensitive = t.sensitive, "
			 "reach_core = t.reach_core, severity = t.severity, "
			 "first_seen = t.first_seen, "
			 "last_scan = greatest(f.last_scan, t.last_scan), "
			 "assessed_at = t.assessed_at, status = CASE WHEN "
			 "f.status IN ('closed', 'withdrawn') THEN 'open' "
			 "ELSE f.status END, verified_scan = CASE WHEN "
			 "f.status IN ('closed', 'withdrawn') THEN 0 ELSE "
			 "f.verified_scan END FROM %s WHERE f.fkey = t.fkey "
			 "AND (f.status IN ('closed', 'withdrawn') OR "
			 "t.last_scan > f.last_scan OR (%s) IS DISTINCT FROM "
			 "(%s))",
			 set, t_last, fcmp, tcmp);
		rc = exec_cmd(s, sql, "finding_put: update");
	}
	/* raised, without a key given twice (the usual case): the new ids
	 * are drawn in the order given from the sorted row numbers alone
	 * (a subquery with ORDER BY is not flattened, so nextval runs in
	 * its order), then the rows are inserted with them unsorted -- not
	 * a sort of every wide row, which spilled 560 MB to disk at 600,000
	 * findings; then the events as below */
	if (rc == 0 && nnew > 0 && dups == 0) {
		snprintf(sql, sizeof(sql),
			 "CREATE TEMP TABLE IF NOT EXISTS cs_k (seq bigint, "
			 "id bigint); TRUNCATE cs_k; "
			 "INSERT INTO cs_k SELECT seq, nextval("
			 "pg_get_serial_sequence('finding', 'id')) FROM "
			 "(SELECT c.seq FROM cs_f c JOIN cs_n n ON n.fkey = "
			 "c.fkey AND n.old_status IS NULL ORDER BY c.seq) o; "
			 "ANALYZE cs_k; "
			 "INSERT INTO finding (id, %s, first_scan, fkey, %s) "
			 "SELECT k.id, %s, last_scan, t.fkey, %s FROM %s JOIN "
			 "cs_k k ON k.seq = t.seq; "
			 "INSERT INTO finding_event (finding_id, at, scan_id, "
			 "what, detail) SELECT f.id, t.assessed_at, "
			 "t.last_scan, CASE WHEN n.old_status IS NULL THEN "
			 "'raised' ELSE 'reopened' END, coalesce(n.old_status, "
			 "t.action) FROM cs_f t JOIN cs_n n ON n.fkey = t.fkey "
			 "JOIN finding f ON f.fkey = t.fkey ORDER BY t.seq",
			 cols, plan, sel, plan, t_last);
		rc = exec_cmd(s, sql, "finding_put: insert");
	} else if (rc == 0 && nnew > 0) {
		/* raised: with the caller's plan (never born closed), then
		 * the events of the raised and the reopened, in the order
		 * given */
		snprintf(sql, sizeof(sql),
			 "INSERT INTO finding (%s, first_scan, fkey, %s) "
			 "SELECT %s, last_scan, t.fkey, %s FROM %s JOIN cs_n "
			 "n ON n.fkey = t.fkey AND n.old_status IS NULL ORDER "
			 "BY seq; "
			 "INSERT INTO finding_event (finding_id, at, scan_id, "
			 "what, detail) SELECT f.id, t.assessed_at, "
			 "t.last_scan, CASE WHEN n.old_status IS NULL THEN "
			 "'raised' ELSE 'reopened' END, coalesce(n.old_status, "
			 "t.action) FROM %s JOIN cs_n n ON n.fkey = t.fkey "
			 "JOIN finding f ON f.fkey = t.fkey ORDER BY t.seq",
			 cols, plan, sel, plan, t_last, t_first);
		rc = exec_cmd(s, sql, "finding_put: insert");
	}
	if (rc == 0)
		rc = exec_cmd(s, "COMMIT", "finding_put");
	if (rc != 0) {
		char keep[sizeof(s->errmsg)];
		cs_strlcpy(keep, s->errmsg, sizeof(keep));
		if (in_txn(s))
			exec_cmd(s, "ROLLBACK", "rollback");
		cs_strlcpy(s->errmsg, keep, sizeof(s->errmsg));
		return CS_EIO;
	}
	/* what only the server knows of each row; the rest is as sent (a
	 * row's key is given once unless dups: its own row is its last) */
	snprintf(sql, sizeof(sql),
		 "SELECT t.seq, %s, f.id, "
		 "coalesce(f.device_id, 0), f.first_scan, f.last_scan, "
		 "f.verified_scan, f.assessed_at, coalesce(n.old_status, '')"
		 "%s FROM cs_f t JOIN finding f ON f.fkey = t.fkey LEFT JOIN "
		 "cs_n n ON n.fkey = t.fkey ORDER BY t.seq",
		 dups == 0 ? "t.seq" : "max(t.seq) OVER (PARTITION BY t.fkey)",
		 pl);
	res = adhoc(s, sql, NULL, "finding_put: read back");
	if (!res_ok(res)) {
		PQclear(res);
		return CS_EIO;
	}
	nr = PQntuples(res);
	for (size_t r = 0; r < n; r++) {
		struct cs_finding_row *f = &v[r];
		text_as_stored(f->key, sizeof(f->key));
		for (size_t i = 0; i < nf; i++)
			text_as_stored((char *)f + fc[i].off, fc[i].size);
	}
	for (int r = 0; r < nr; r++) {
		int64_t k = FLD_I64(res, r, 0), last = FLD_I64(res, r, 1);
		const char *old = PQgetvalue(res, r, 8);
		struct cs_finding_row *f;
		if (k < 0 || (size_t)k >= n || last < k || (size_t)last >= n)
			continue;
		f = &v[k];
		/* an earlier row of a key holds the later row's fields */
		if (last != k)
			cs_store_finding_computed_copy(f, &v[last]);
		f->id = FLD_I64(res, r, 2);
		f->device_id = FLD_I64(res, r, 3);
		f->first_scan = FLD_I64(res, r, 4);
		f->last_scan = FLD_I64(res, r, 5);
		f->verified_scan = FLD_I64(res, r, 6);
		f->assessed_at = FLD_I64(res, r, 7);
		for (size_t i = 0; i < np; i++)
			fld_copy(res, r, 9 + (int)i, (char *)f + pc[i].off,
				 pc[i].size);
		reopened[k] =
		    strcmp(old, "closed") == 0 || strcmp(old, "withdrawn") == 0;
	}
	PQclear(res);
	if ((size_t)nr != n) {
		cs_store_set_err(s, "finding_put: %d of %zu findings read back",
				 nr, n);
		return CS_EIO;
	}
	return 0;
}

static int
pg_finding_set_status(struct cs_store *s, int64_t id, const char *status,
		      int64_t verified)
{
	struct pgp p = {0};
	PGresult *res;
	int rc;

	if (batch_commit(s) != 0)
		return CS_EIO;
	pgp_i64(&p, id);
	pgp_str(&p, status);
	pgp_i64(&p, verified);
	res = adhoc(s,
		    "UPDATE finding SET status = $2, verified_scan = $3 "
		    "WHERE id = $1",
		    &p, "finding_close");
	if (!res_ok(res))
		rc = CS_EIO;
	else
		rc = strcmp(PQcmdTuples(res), "0") == 0 ? CS_ENOTFOUND : 0;
	PQclear(res);
	return rc;
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
pg_finding_set_plan(struct cs_store *s, int64_t id,
		    const struct cs_finding_plan *pl)
{
	struct pgp p = {0};
	PGresult *res;
	int rc;

	if (batch_commit(s) != 0)
		return CS_EIO;
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
	if (!res_ok(res))
		rc = CS_EIO;
	else
		rc = strcmp(PQcmdTuples(res), "0") == 0 ? CS_ENOTFOUND : 0;
	PQclear(res);
	return rc;
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

	if (flt->ids_only)
		cs_strlcpy(sql, "SELECT id, last_scan FROM finding",
			   sizeof(sql));
	else
		finding_select(sql, sizeof(sql));
	cs_store_sql_add(
	    sql, sizeof(sql),
	    " WHERE severity >= $1::integer "
	    "AND ($2::text IS NULL OR regime = $2::text) "
	    "AND ($3::text IS NULL OR site = $3::text) "
	    "AND ($4::text IS NULL OR status = $4::text) "
	    "AND ($5::integer = 0 OR status IN ('open', 'planned', 'done', "
	    "'risk-accepted'))");
	/* a finding of a device only the switches know may have no
	 * address (ip ""): after the addresses, as SQLite's csip orders it */
	if (!flt->any_order)
		cs_store_sql_add(sql, sizeof(sql),
				 " ORDER BY severity DESC, site COLLATE \"C\", "
				 "nullif(ip, '')::inet, regime COLLATE \"C\", "
				 "obligation COLLATE \"C\", id");
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
	f = cs_xcalloc(1, sizeof(*f));
	n = PQntuples(res);
	for (int r = 0; r < n; r++) {
		if (flt->ids_only) {
			f->id = FLD_I64(res, r, 0);
			f->last_scan = FLD_I64(res, r, 1);
		} else {
			finding_read(res, r, f);
		}
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

/* Schema v7: placements. */
static int
pg_placement_put(struct cs_store *s, struct cs_placement_row *p,
		 const struct cs_store_ip *ip, bool make, bool *made)
{
	struct pgp q = {0};
	PGresult *res;
	char key[40];

	*made = false;
	p->device_id = 0;
	if (batch_commit(s) != 0 || batch_begin(s) != 0)
		return CS_EIO;
	snprintf(key, sizeof(key), "mac:%s", p->mac);
	PGP_FIXED(&q, p->site);
	pgp_str(&q, key);
	res = adhoc(s, "SELECT id FROM device WHERE site = $1 AND dkey = $2",
		    &q, "placement_put");
	if (!res_ok(res))
		goto fail;
	if (PQntuples(res) > 0)
		p->device_id = fld_int(res, 0, 0, 0, INT64_MAX);
	PQclear(res);
	res = NULL;
	/* A device seen at the ARP address without a MAC takes it, as a
	 * sighting that brings its MAC would. */
	if (p->device_id == 0 && ip != NULL) {
		PGP_FIXED(&q, p->mac);
		pgp_str(&q, key);
		PGP_FIXED(&q, p->site);
		pgp_str(&q, ip->text);
		res =
		    adhoc(s,
			  "UPDATE device SET mac = $1, dkey = $2 WHERE id = "
			  "(SELECT id FROM device WHERE site = $3 AND ip = $4 "
			  "AND mac = '' ORDER BY last_seen DESC, id DESC "
			  "LIMIT 1) RETURNING id",
			  &q, "placement_put adopt");
		if (!res_ok(res))
			goto fail;
		if (PQntuples(res) > 0)
			p->device_id = fld_int(res, 0, 0, 0, INT64_MAX);
		PQclear(res);
		res = NULL;
	}
	if (p->device_id == 0 && make) {
		PGP_FIXED(&q, p->site);
		pgp_str(&q, key);
		PGP_FIXED(&q, p->ip);
		if (ip != NULL && ip->v4)
			pgp_i64(&q, ip->num);
		else
			pgp_null(&q);
		PGP_FIXED(&q, p->oui);
		pgp_i64(&q, p->scan_id);
		pgp_i64(&q, p->seen_at);
		PGP_FIXED(&q, p->mac);
		res = adhoc(s,
			    "INSERT INTO device (site, dkey, ip, ip_num, "
			    "manufacturer, device_class, first_scan, "
			    "last_scan, first_seen, last_seen, mac) VALUES "
			    "($1, $2, $3, $4, $5, 'unknown', $6, $6, $7, $7, "
			    "$8) RETURNING id",
			    &q, "placement_put device");
		if (!res_ok(res) || PQntuples(res) != 1)
			goto fail;
		p->device_id = fld_int(res, 0, 0, 0, INT64_MAX);
		PQclear(res);
		res = NULL;
		*made = true;
	}
	PGP_FIXED(&q, p->site);
	PGP_FIXED(&q, p->mac);
	if (p->device_id > 0)
		pgp_i64(&q, p->device_id);
	else
		pgp_null(&q);
	pgp_i64(&q, p->scan_id);
	PGP_FIXED(&q, p->sw);
	PGP_FIXED(&q, p->sw_addr);
	PGP_FIXED(&q, p->port);
	pgp_i64(&q, p->ifindex);
	pgp_i64(&q, p->vlan);
	PGP_FIXED(&q, p->poe);
	PGP_FIXED(&q, p->neighbour);
	PGP_FIXED(&q, p->ip);
	PGP_FIXED(&q, p->oui);
	pgp_i64(&q, p->seen_at);
	res =
	    adhoc(s,
		  "INSERT INTO placement (site, mac, device_id, scan_id, "
		  "switch, switch_addr, port, ifindex, vlan, poe, neighbour, "
		  "ip, oui, seen_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, "
		  "$9, $10, $11, $12, $13, $14) ON CONFLICT (site, mac) DO "
		  "UPDATE SET device_id = excluded.device_id, scan_id = "
		  "excluded.scan_id, switch = excluded.switch, switch_addr = "
		  "excluded.switch_addr, port = excluded.port, ifindex = "
		  "excluded.ifindex, vlan = excluded.vlan, poe = excluded.poe, "
		  "neighbour = excluded.neighbour, ip = excluded.ip, oui = "
		  "excluded.oui, seen_at = excluded.seen_at",
		  &q, "placement_put");
	if (!res_ok(res))
		goto fail;
	PQclear(res);
	return batch_commit(s) == 0 ? 0 : CS_EIO;
fail:
	PQclear(res);
	pgp_free(&q);
	if (in_txn(s))
		exec_cmd(s, "ROLLBACK", "rollback");
	*made = false;
	return CS_EIO;
}

static int
pg_each_placement(struct cs_store *s, cs_store_placement_cb cb, void *arg)
{
	struct cs_placement_row p;
	PGresult *res;
	int n, ret = 0;

	if (batch_commit(s) != 0)
		return CS_EIO;
	res = adhoc(s,
		    "SELECT site, mac, coalesce(device_id, 0), scan_id, "
		    "switch, switch_addr, port, ifindex, vlan, poe, neighbour, "
		    "ip, oui, seen_at FROM placement ORDER BY site COLLATE "
		    "\"C\", mac COLLATE \"C\"",
		    NULL, "each_placement");
	if (!res_ok(res)) {
		PQclear(res);
		return CS_EIO;
	}
	n = PQntuples(res);
	for (int r = 0; r < n && ret == 0; r++) {
		memset(&p, 0, sizeof(p));
		fld_copy(res, r, 0, p.site, sizeof(p.site));
		fld_copy(res, r, 1, p.mac, sizeof(p.mac));
		p.device_id = fld_int(res, r, 2, 0, INT64_MAX);
		p.scan_id = fld_int(res, r, 3, 0, INT64_MAX);
		fld_copy(res, r, 4, p.sw, sizeof(p.sw));
		fld_copy(res, r, 5, p.sw_addr, sizeof(p.sw_addr));
		fld_copy(res, r, 6, p.port, sizeof(p.port));
		p.ifindex = (int32_t)fld_int(res, r, 7, 0, INT32_MAX);
		p.vlan = (int)fld_int(res, r, 8, 0, 4094);
		fld_copy(res, r, 9, p.poe, sizeof(p.poe));
		fld_copy(res, r, 10, p.neighbour, sizeof(p.neighbour));
		fld_copy(res, r, 11, p.ip, sizeof(p.ip));
		fld_copy(res, r, 12, p.oui, sizeof(p.oui));
		p.seen_at = fld_int(res, r, 13, INT64_MIN, INT64_MAX);
		ret = cb(arg, &p);
	}
	PQclear(res);
	return ret;
}

static int
pg_each_reach(struct cs_store *s, cs_store_reach_cb cb, void *arg)
{
	PGresult *res;
	int n, ret = 0;

	/* per address, the record pg_reach_get picks */
	res = adhoc(s,
		    "SELECT DISTINCT ON (ip) ip, vantage, ports FROM reach "
		    "WHERE reachable = 1 ORDER BY ip, checked_at DESC, "
		    "vantage COLLATE \"C\"",
		    NULL, "each_reach");
	if (!res_ok(res)) {
		PQclear(res);
		return CS_EIO;
	}
	n = PQntuples(res);
	for (int r = 0; r < n && ret == 0; r++)
		ret = cb(arg, PQgetvalue(res, r, 0), PQgetvalue(res, r, 1),
			 PQgetvalue(res, r, 2));
	PQclear(res);
	return ret;
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

/* Schema v6: assessments. */
static int
pg_assessment_put(struct cs_store *s, struct cs_assessment *a)
{
	struct pgp p = {0};
	PGresult *res;
	int rc;

	if (batch_commit(s) != 0)
		return CS_EIO;
	pgp_i64(&p, a->scan_id);
	pgp_i64(&p, a->assessed_at);
	PGP_FIXED(&p, a->as_of);
	PGP_FIXED(&p, a->regimes);
	PGP_FIXED(&p, a->estate_file);
	PGP_FIXED(&p, a->estate_sha256);
	pgp_str(&p, a->estate_text);
	pgp_str(&p, a->sites);
	pgp_str(&p, a->departments);
	PGP_FIXED(&p, a->data_version);
	PGP_FIXED(&p, a->tool_version);
	pgp_str(&p, a->command);
	pgp_i64(&p, a->findings);
	res = adhoc(s,
		    "INSERT INTO assessment (scan_id, assessed_at, as_of, "
		    "regimes, estate_file, estate_sha256, estate_text, sites, "
		    "departments, data_version, tool_version, command, "
		    "findings) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, "
		    "$10, $11, $12, $13) RETURNING id",
		    &p, "assessment_put");
	rc = res_ok(res) && PQntuples(res) == 1 ? 0 : CS_EIO;
	if (rc == 0)
		a->id = FLD_I64(res, 0, 0);
	PQclear(res);
	return rc;
}

/* A result field as a new string ("" when NULL). */
static char *
fld_dup(const PGresult *res, int row, int col)
{
	if (PQgetisnull(res, row, col))
		return cs_xstrdup("");
	return cs_xstrndup(PQgetvalue(res, row, col),
			   (size_t)PQgetlength(res, row, col));
}

static int
pg_assessment_latest(struct cs_store *s, struct cs_assessment *a)
{
	PGresult *res = adhoc(
	    s,
	    "SELECT id, scan_id, assessed_at, as_of, regimes, estate_file, "
	    "estate_sha256, estate_text, sites, departments, data_version, "
	    "tool_version, command, findings FROM assessment ORDER BY "
	    "assessed_at DESC, id DESC LIMIT 1",
	    NULL, "assessment_latest");
	int rc;

	if (!res_ok(res))
		rc = CS_EIO;
	else if (PQntuples(res) == 0)
		rc = CS_ENOTFOUND;
	else {
		a->id = FLD_I64(res, 0, 0);
		a->scan_id = FLD_I64(res, 0, 1);
		a->assessed_at = FLD_I64(res, 0, 2);
		fld_copy(res, 0, 3, a->as_of, sizeof(a->as_of));
		fld_copy(res, 0, 4, a->regimes, sizeof(a->regimes));
		fld_copy(res, 0, 5, a->estate_file, sizeof(a->estate_file));
		fld_copy(res, 0, 6, a->estate_sha256, sizeof(a->estate_sha256));
		a->estate_text = fld_dup(res, 0, 7);
		a->sites = fld_dup(res, 0, 8);
		a->departments = fld_dup(res, 0, 9);
		fld_copy(res, 0, 10, a->data_version, sizeof(a->data_version));
		fld_copy(res, 0, 11, a->tool_version, sizeof(a->tool_version));
		a->command = fld_dup(res, 0, 12);
		a->findings = FLD_I64(res, 0, 13);
		rc = 0;
	}
	PQclear(res);
	return rc;
}

/* ---------------------------------------------------------------------- */
/* Administration: sealed sites (docs/sensors.md). */

/*
 * The sensor side of the inventory.  Every sensor-writable table gets one
 * policy keeping a sensor to rows whose site is its login name
 * (session_user: SET ROLE to the group cannot change it), and column
 * privileges that leave out id (ids come from cs_random_id/cs_time_id,
 * never chosen by a sensor).  Every unique key and reference of these
 * tables is within a site (migration 0004), so nothing a sensor inserts
 * can collide with, point at or reveal another site's rows.  No
 * sequences, no findings, no reach records.
 */
static const char admin_init_sql[] =
    "DO $$\n"
    "DECLARE t text; cols text; sch text := current_schema();\n"
    "BEGIN\n"
    "  IF NOT EXISTS (SELECT 1 FROM pg_roles\n"
    "                 WHERE rolname = 'camsweep_sensor') THEN\n"
    "    CREATE ROLE camsweep_sensor NOLOGIN;\n"
    "  END IF;\n"
    "  EXECUTE format('GRANT USAGE ON SCHEMA %I TO camsweep_sensor', sch);\n"
    "  EXECUTE format('REVOKE ALL ON ALL SEQUENCES IN SCHEMA %I '\n"
    "                 'FROM camsweep_sensor', sch);\n"
    "  EXECUTE format('REVOKE ALL ON ALL TABLES IN SCHEMA %I '\n"
    "                 'FROM camsweep_sensor', sch);\n"
    "  GRANT SELECT ON schema_version TO camsweep_sensor;\n"
    "  FOREACH t IN ARRAY ARRAY['scan', 'device', 'sighting',\n"
    "      'sighting_port', 'observation', 'evidence', 'attachment',\n"
    "      'placement'] LOOP\n"
    "    SELECT string_agg(quote_ident(column_name::text), ', ') INTO cols\n"
    "      FROM information_schema.columns WHERE table_schema = sch\n"
    "      AND table_name = t AND column_name NOT IN ('id', 'sensor');\n"
    "    EXECUTE format('GRANT SELECT, DELETE ON %I TO camsweep_sensor', t);\n"
    "    EXECUTE format('GRANT INSERT (%s) ON %I TO camsweep_sensor',\n"
    "                   cols, t);\n"
    "    IF t IN ('scan', 'device', 'placement') THEN\n"
    "      EXECUTE format('GRANT UPDATE (%s) ON %I TO camsweep_sensor',\n"
    "                     cols, t);\n"
    "    END IF;\n"
    "    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);\n"
    "    EXECUTE format('DROP POLICY IF EXISTS cs_sensor_own ON %I', t);\n"
    "    EXECUTE format('DROP POLICY IF EXISTS cs_site ON %I', t);\n"
    "    IF t = 'sighting' THEN\n"
    "      EXECUTE 'CREATE POLICY cs_site ON sighting TO camsweep_sensor '\n"
    "        'USING (site = session_user AND device_site = session_user) '\n"
    "        'WITH CHECK (site = session_user '\n"
    "        'AND device_site = session_user)';\n"
    "    ELSE\n"
    "      EXECUTE format('CREATE POLICY cs_site ON %I TO camsweep_sensor '\n"
    "        'USING (site = session_user) '\n"
    "        'WITH CHECK (site = session_user)', t);\n"
    "    END IF;\n"
    "  END LOOP;\n"
    "END\n"
    "$$";

static int
pg_admin_init(struct cs_store *s)
{
	int rc;

	if ((rc = batch_commit(s)) != 0)
		return rc;
	if (exec_cmd(s, "BEGIN", "db init") != 0)
		return CS_EIO;
	if (exec_cmd(s, admin_init_sql, "db init") != 0) {
		exec_cmd(s, "ROLLBACK", "rollback");
		return CS_EIO;
	}
	return exec_cmd(s, "COMMIT", "db init");
}

static int
pg_admin_add_sensor(struct cs_store *s, const char *name, const char *password,
		    const struct cs_sensor_limits *lim)
{
	PGconn *c = pg_of(s)->conn;
	struct pgp p = {0};
	PGresult *res;
	char *hash, *lit, *ident, *sql;
	size_t n;
	int rc;
	bool exists, member;

	if ((rc = batch_commit(s)) != 0)
		return rc;
	pgp_str(&p, name);
	res =
	    adhoc(s,
		  "SELECT r.oid IS NOT NULL, coalesce(pg_has_role(r.oid, "
		  "'camsweep_sensor', 'MEMBER'), false) FROM (SELECT $1::text "
		  "AS n) x LEFT JOIN pg_roles r ON r.rolname = x.n",
		  &p, "add-sensor");
	if (!res_ok(res) || PQntuples(res) != 1) {
		PQclear(res);
		return CS_EIO;
	}
	exists = strcmp(PQgetvalue(res, 0, 0), "t") == 0;
	member = strcmp(PQgetvalue(res, 0, 1), "t") == 0;
	PQclear(res);
	if (exists && !member) {
		cs_store_set_err(s,
				 "add-sensor: role %s exists and is not a "
				 "sensor; choose another name",
				 name);
		return CS_EINVAL;
	}
	/* The password goes to the server hashed (SCRAM), never in clear. */
	hash = PQencryptPasswordConn(c, password, name, NULL);
	if (hash == NULL)
		return db_err(s, "add-sensor: password", NULL);
	lit = PQescapeLiteral(c, hash, strlen(hash));
	ident = PQescapeIdentifier(c, name, strlen(name));
	PQfreemem(hash);
	if (lit == NULL || ident == NULL) {
		PQfreemem(lit);
		PQfreemem(ident);
		return db_err(s, "add-sensor", NULL);
	}
	/* the limits are numbers the front end checked; the settings take
	 * effect at the role's next login */
	n = strlen(lit) + 6 * strlen(ident) + 512;
	sql = cs_xmalloc(n);
	snprintf(sql, n,
		 "%s ROLE %s LOGIN CONNECTION LIMIT %d PASSWORD %s; "
		 "GRANT camsweep_sensor TO %s; "
		 "ALTER ROLE %s SET lock_timeout = %d; "
		 "ALTER ROLE %s SET statement_timeout = %d; "
		 "ALTER ROLE %s SET idle_in_transaction_session_timeout = %d",
		 exists ? "ALTER" : "CREATE", ident, lim->connections, lit,
		 ident, ident, lim->lock_timeout_ms, ident, lim->statement_ms,
		 ident, lim->idle_in_txn_ms);
	PQfreemem(lit);
	PQfreemem(ident);
	rc = exec_cmd(s, sql, "add-sensor");
	/* The statement held a password hash: wipe it. */
	memset(sql, 0, n);
	free(sql);
	return rc;
}

/* The name of the prepared statement of sql, preparing it on a miss; NULL
 * (not to be cached: run it unnamed) for anything but a SELECT. */
static const char *
pg_query_stmt(struct cs_store *s, const char *sql, int nparams, int *rc)
{
	struct pg *q = pg_of(s);
	struct pg_cached *old = &q->qcache[0];
	PGresult *res;

	*rc = 0;
	if (strncmp(sql, "SELECT ", 7) != 0 || strlen(sql) >= 16384)
		return NULL;
	for (size_t i = 0; i < CS_NELEM(q->qcache); i++) {
		struct pg_cached *c = &q->qcache[i];
		if (c->sql != NULL && strcmp(c->sql, sql) == 0) {
			c->used = ++q->qtick;
			return c->name;
		}
		if (c->used < old->used)
			old = c;
	}
	if (old->sql != NULL) {
		char dealloc[48];
		snprintf(dealloc, sizeof(dealloc), "DEALLOCATE %s", old->name);
		PQclear(PQexec(q->conn, dealloc));
		free(old->sql);
		old->sql = NULL;
	}
	snprintf(old->name, sizeof(old->name), "csq%llu",
		 (unsigned long long)++q->qnames);
	res = PQprepare(q->conn, old->name, sql, nparams, NULL);
	if (!res_ok(res)) {
		*rc = db_err(s, "query: prepare", res);
		PQclear(res);
		return NULL;
	}
	PQclear(res);
	old->sql = cs_xstrdup(sql);
	old->used = ++q->qtick;
	return old->name;
}

/* The console's SQL (store.h, cs_store_query): text parameters, text
 * results, inside whatever transaction the caller opened. */
static int
pg_query(struct cs_store *s, const char *sql, const char *const *params,
	 int nparams, cs_store_row_cb cb, void *arg)
{
	const char *val[64];
	const char *name;
	PGresult *res;
	int ncol, nrow, ret = 0;

	settle(pg_of(s));
	if (pg_of(s)->nstaged > 0 && bulk_flush(s) != 0)
		return CS_EIO;
	name = pg_query_stmt(s, sql, nparams, &ret);
	if (ret != 0)
		return ret;
	if (name != NULL)
		res = PQexecPrepared(pg_of(s)->conn, name, nparams, params,
				     NULL, NULL, 0);
	else
		res = PQexecParams(pg_of(s)->conn, sql, nparams, NULL, params,
				   NULL, NULL, 0);
	if (!res_ok(res)) {
		ret = db_err(s, "query", res);
		PQclear(res);
		return ret;
	}
	ncol = PQnfields(res);
	nrow = PQntuples(res);
	if (ncol > (int)CS_NELEM(val)) {
		PQclear(res);
		cs_store_set_err(s, "query: %d columns", ncol);
		return CS_EINVAL;
	}
	for (int r = 0; cb != NULL && r < nrow && ret == 0; r++) {
		for (int i = 0; i < ncol; i++)
			val[i] = PQgetisnull(res, r, i) ? NULL
							: PQgetvalue(res, r, i);
		ret = cb(arg, ncol, val);
	}
	PQclear(res);
	return ret;
}

/*
 * The notifications of schema v11's triggers (channel camsweep_change,
 * sent when a transaction that changed the inventory commits).  The
 * first call LISTENs.  Each call makes one round trip outside any
 * transaction: a backend sends the notifications it was signalled
 * before it says it is ready for the next query, so every change
 * committed before this call began has arrived when it returns.
 */
static int
pg_changes(struct cs_store *s, int64_t *out)
{
	struct pg *q = pg_of(s);
	PGnotify *n;
	PGresult *res;
	ExecStatusType want;

	settle(q);
	if (PQtransactionStatus(q->conn) != PQTRANS_IDLE) {
		cs_store_set_err(s, "changes: inside a transaction");
		return CS_EIO;
	}
	want = q->listening ? PGRES_EMPTY_QUERY : PGRES_COMMAND_OK;
	res = PQexec(q->conn, q->listening ? "" : "LISTEN camsweep_change");
	if (PQresultStatus(res) != want) {
		int rc = db_err(s, "changes", res);
		PQclear(res);
		return rc;
	}
	PQclear(res);
	q->listening = true;
	while ((n = PQnotifies(q->conn)) != NULL) {
		q->changes++;
		PQfreemem(n);
	}
	*out = q->changes;
	return 0;
}

const struct cs_store_ops cs_store_pg_ops = {
    .scheme = "postgresql",
    .open = pg_open,
    .close = pg_close,
    .schema_version = pg_schema_version,
    .scan_begin = pg_scan_begin,
    .scan_find_resumable = pg_scan_find_resumable,
    .scan_resume = pg_scan_resume,
    .scan_delivered = pg_scan_delivered,
    .scan_find = pg_scan_find,
    .put_host = pg_put_host,
    .checkpoint = pg_checkpoint,
    .scan_end = pg_scan_end,
    .latest_scan = pg_latest_scan,
    .scan_get = pg_scan_get,
    .each_device = pg_each_device,
    .each_observation = pg_each_observation,
    .integrity_check = pg_integrity_check,
    .finding_lookup = pg_finding_lookup,
    .finding_write = pg_finding_write,
    .finding_set_status = pg_finding_set_status,
    .finding_set_plan = pg_finding_set_plan,
    .finding_event = pg_finding_event,
    .device_of = pg_device_of,
    .finding_get = pg_finding_get,
    .each_finding = pg_each_finding,
    .reach_put = pg_reach_put,
    .reach_get = pg_reach_get,
    .each_reach = pg_each_reach,
    .each_observation_of = pg_each_observation_of,
    .prefetch_observations_of = pg_prefetch_observations_of,
    .poll_ahead = pg_poll_ahead,
    .finding_put_many = pg_finding_put_many,
    .first_scan = pg_first_scan,
    .scan_near = pg_scan_near,
    .assessment_put = pg_assessment_put,
    .assessment_latest = pg_assessment_latest,
    .placement_put = pg_placement_put,
    .each_placement = pg_each_placement,
    .admin_init = pg_admin_init,
    .query = pg_query,
    .changes = pg_changes,
    .admin_add_sensor = pg_admin_add_sensor,
};
