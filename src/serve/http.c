/* SPDX-License-Identifier: ISC */
/*
 * The HTTP server (serve.h): libmicrohttpd with an internal epoll thread
 * pool, one store connection per worker thread, authentication, the
 * scoped transaction on PostgreSQL, and the headers every answer
 * carries.
 */
#include "serve/serve.h"

#include <microhttpd.h>

#include <arpa/inet.h>
#include <errno.h>
#include <inttypes.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>

#include "core/alloc.h"
#include "core/cs.h"
#include "core/escape.h"
#include "core/str.h"
#include "core/text.h"
#include "evidence/digest.h"
#include "serve/serve_int.h"
#include "store/store.h"
#include "core/poison.h"

/* The policy of every answer: nothing loads from elsewhere, no inline
 * script, no framing.  A page may send its own (it must keep
 * frame-ancestors 'none'). */
#define CSP_HTML                                                               \
	"default-src 'none'; img-src 'self' data:; style-src 'self'; "         \
	"script-src 'self'; connect-src 'self'; form-action 'self'; "          \
	"base-uri 'none'; frame-ancestors 'none'"
#define CSP_OTHER "default-src 'none'; frame-ancestors 'none'"

struct cs_serve {
	const struct cs_serve_opts *o;
	bool tls;
	struct MHD_Daemon *d;
	pthread_mutex_t lock; /* guards stores */
	struct cs_store **stores;
	size_t nstores;
};

/* Per request: the body read so far. */
struct reqstate {
	struct cs_buf body;
	bool too_big;
};

static _Thread_local struct cs_store *t_store;

bool
cs_serve_req_tls(const struct cs_serve_req *rq)
{
	return rq->srv != NULL && rq->srv->tls;
}

/* ---------------------------------------------------------------------- */
/* The answer cache (CS_SERVE_CACHE): per worker thread.  An answer is
 * kept with the store's change number (cs_store_changes: SQLite's PRAGMA
 * data_version, PostgreSQL's change notifications, each moving when any
 * other connection commits a change) and the process's write generation
 * (which moves on every change made through the server), read before the
 * answer is computed, and is served again only while both are the same.
 * The key holds the user: an answer is only ever served to the user (and
 * so the scope) it was computed for. */

#define RC_MAX_BODY (256u * 1024)

struct rc_ent {
	char *key; /* user, path and query, length-prefixed */
	uint8_t *body;
	size_t len;
	const char *ctype;
	char etag[40];
	int64_t dv;
	uint64_t gen, used;
};

struct rcache {
	struct rc_ent *e;
	size_t n;
	uint64_t tick;
};

static _Atomic uint64_t write_gen = 1;
static pthread_key_t rc_key;
static pthread_once_t rc_once = PTHREAD_ONCE_INIT;

static void
rc_free(void *p)
{
	struct rcache *c = p;

	for (size_t i = 0; c != NULL && i < c->n; i++) {
		free(c->e[i].key);
		free(c->e[i].body);
	}
	if (c != NULL)
		free(c->e);
	free(c);
}

static void
rc_key_init(void)
{
	(void)pthread_key_create(&rc_key, rc_free);
}

void
cs_serve_cache_bump(void)
{
	atomic_fetch_add(&write_gen, 1);
}

static struct rcache *
rc_get(size_t n)
{
	struct rcache *c;

	pthread_once(&rc_once, rc_key_init);
	c = pthread_getspecific(rc_key);
	if (c == NULL) {
		c = cs_xcalloc(1, sizeof(*c));
		c->e = cs_xcalloc(n, sizeof(*c->e));
		c->n = n;
		if (pthread_setspecific(rc_key, c) != 0) {
			rc_free(c);
			return NULL;
		}
	}
	return c;
}

static enum MHD_Result
key_arg(void *cls, enum MHD_ValueKind kind, const char *k, const char *v)
{
	struct cs_buf *b = cls;

	(void)kind;
	if (v == NULL)
		v = "";
	cs_buf_printf(b, "%zu:%s=%zu:%s;", strlen(k), k, strlen(v), v);
	return MHD_YES;
}

/* The cache key of the request: 0, or -1 (too long: not cached). */
static int
rc_key_of(struct MHD_Connection *c, const char *user, const char *url,
	  struct cs_buf *b)
{
	cs_buf_printf(b, "%s\n%zu:%s?", user, strlen(url), url);
	MHD_get_connection_values(c, MHD_GET_ARGUMENT_KIND, key_arg, b);
	return cs_buf_add(b, "", 1) == 0 ? 0 : -1;
}

void
cs_serve_log(const char *fmt, ...)
{
	char line[1024];
	struct cs_buf b;
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	cs_buf_init(&b, 4096);
	cs_esc_term(&b, line, strlen(line));
	fprintf(stderr, "camsweep serve: %.*s\n", (int)b.len,
		b.p ? (const char *)b.p : "");
	cs_buf_free(&b);
}

/* This thread's store, opened on first use. */
static struct cs_store *
thread_store(struct cs_serve *srv)
{
	char err[256];

	if (t_store != NULL)
		return t_store;
	t_store = cs_store_open(srv->o->db, err, sizeof(err));
	if (t_store == NULL) {
		cs_serve_log("%s: %s", CS_STORE_SHOW(srv->o->db), err);
		return NULL;
	}
	pthread_mutex_lock(&srv->lock);
	srv->stores =
	    cs_xrealloc(srv->stores, srv->nstores + 1, sizeof(*srv->stores));
	srv->stores[srv->nstores++] = t_store;
	pthread_mutex_unlock(&srv->lock);
	return t_store;
}

/* Drops this thread's store after a database failure (reopened by the
 * next request). */
static void
thread_store_drop(struct cs_serve *srv)
{
	if (t_store == NULL)
		return;
	pthread_mutex_lock(&srv->lock);
	for (size_t i = 0; i < srv->nstores; i++)
		if (srv->stores[i] == t_store) {
			srv->stores[i] = srv->stores[--srv->nstores];
			break;
		}
	pthread_mutex_unlock(&srv->lock);
	cs_store_close(t_store);
	t_store = NULL;
}

int
cs_serve_header_add(struct cs_serve_resp *rs, const char *name,
		    const char *value)
{
	if (rs->nheaders >= CS_SERVE_MAX_HEADERS ||
	    strlen(name) >= sizeof(rs->hname[0]) ||
	    strlen(value) >= sizeof(rs->hval[0]))
		return CS_ELIMIT;
	/* no header splitting, whatever the caller passes */
	if (strpbrk(name, "\r\n:") != NULL || strpbrk(value, "\r\n") != NULL)
		return CS_EINVAL;
	cs_strlcpy(rs->hname[rs->nheaders], name, sizeof(rs->hname[0]));
	cs_strlcpy(rs->hval[rs->nheaders], value, sizeof(rs->hval[0]));
	rs->nheaders++;
	return 0;
}

void
cs_serve_json(struct cs_serve_resp *rs, int status)
{
	rs->status = status;
	rs->content_type = "application/json";
	rs->etag = status == 200;
}

void
cs_serve_html(struct cs_serve_resp *rs, int status)
{
	rs->status = status;
	rs->content_type = "text/html; charset=utf-8";
}

void
cs_serve_json_error(struct cs_serve_resp *rs, int status, const char *msg)
{
	cs_buf_reset(&rs->body);
	cs_buf_adds(&rs->body, "{\"error\":");
	cs_esc_json(&rs->body, msg, strlen(msg));
	cs_buf_adds(&rs->body, "}");
	rs->status = status;
	rs->content_type = "application/json";
	rs->etag = false;
}

void
cs_serve_redirect(struct cs_serve_resp *rs, const char *path)
{
	cs_buf_reset(&rs->body);
	rs->status = 303;
	rs->content_type = "text/plain; charset=utf-8";
	if (path == NULL || path[0] != '/' || path[1] == '/' || path[1] == '\\')
		path = "/";
	cs_serve_header_add(rs, "Location", path);
}

const char *
cs_serve_arg(const struct cs_serve_req *rq, const char *key)
{
	return MHD_lookup_connection_value(rq->conn, MHD_GET_ARGUMENT_KIND,
					   key);
}

const char *
cs_serve_req_header(const struct cs_serve_req *rq, const char *name)
{
	return MHD_lookup_connection_value(rq->conn, MHD_HEADER_KIND, name);
}

int
cs_serve_form_get(const struct cs_serve_req *rq, const char *key, char *val,
		  size_t valsz)
{
	const char *p = rq->body;
	size_t kl = strlen(key);

	while (p != NULL && *p != '\0') {
		size_t n = strcspn(p, "&");

		if (n > kl && strncmp(p, key, kl) == 0 && p[kl] == '=') {
			size_t vl = n - kl - 1;
			if (vl >= valsz)
				return CS_ELIMIT;
			memcpy(val, p + kl + 1, vl);
			val[vl] = '\0';
			for (size_t i = 0; i < vl; i++)
				if (val[i] == '+')
					val[i] = ' ';
			MHD_http_unescape(val);
			return 0;
		}
		p += n;
		if (*p == '&')
			p++;
	}
	return CS_ENOTFOUND;
}

int
cs_serve_elevate(struct cs_serve_req *rq)
{
	if (rq->elevated)
		return 0;
	rq->elevated = true;
	if (!cs_store_is_pg(rq->store) || rq->user == NULL || rq->user->admin)
		return 0;
	return cs_store_query(rq->store, "COMMIT", NULL, 0, NULL, NULL);
}

/* The request's private state beyond struct cs_serve_req. */
struct reqx {
	struct cs_serve_req rq;
	struct cs_serve_user user;
	char **sites; /* a scoped user's sites, for cs_serve_site_visible */
	size_t nsites;
	bool sites_loaded;
	bool txn; /* the scoped transaction is open */
};

/* The application's scope: the sites of the user's scope and of the
 * findings of its departments. */
#define SCOPE_SITES_SQL                                                        \
	"SELECT value FROM user_scope WHERE user_name = $%d AND kind = "       \
	"'site' UNION SELECT f.site FROM finding f WHERE f.department IN "     \
	"(SELECT value FROM user_scope WHERE user_name = $%d AND kind = "      \
	"'department')"

void
cs_serve_scope_sql(struct cs_serve_req *rq, const char *col,
		   const char **params, int *n, int max, char *buf, size_t sz)
{
	char **sites;
	size_t ns = cs_serve_req_sites(rq, &sites), len;

	if (rq->user == NULL || rq->user->admin ||
	    (cs_store_is_pg(rq->store) && !rq->elevated)) {
		cs_strlcpy(buf, "1=1", sz);
		return;
	}
	if (ns == 0) {
		cs_strlcpy(buf, "0=1", sz);
		return;
	}
	/* "+col": SQLite then walks the rows in the order asked (by id)
	 * and tests the site, instead of reading every row of the sites
	 * to sort them */
	if (!cs_store_is_pg(rq->store) && *n + (int)ns <= max &&
	    ns * 6 + strlen(col) + 16 < sz) {
		snprintf(buf, sz, "+%s IN (", col);
		for (size_t i = 0; i < ns; i++) {
			params[(*n)++] = sites[i];
			len = strlen(buf);
			snprintf(buf + len, sz - len, "%s$%d", i ? ", " : "",
				 *n);
		}
		cs_strlcpy(buf + strlen(buf), ")", sz - strlen(buf));
		return;
	}
	if (*n + 1 > max) {
		cs_strlcpy(buf, "0=1", sz);
		return;
	}
	params[(*n)++] = rq->user->name;
	snprintf(buf, sz, "%s IN (" SCOPE_SITES_SQL ")", col, *n, *n);
}

struct sitelist {
	char **v;
	size_t n;
};

static int
site_row(void *arg, int ncol, const char *const *val)
{
	struct sitelist *l = arg;

	if (ncol < 1 || val[0] == NULL || l->n >= 65536)
		return 0;
	l->v = cs_xrealloc(l->v, l->n + 1, sizeof(*l->v));
	l->v[l->n++] = cs_xstrdup(val[0]);
	return 0;
}

int
cs_serve_user_sites(struct cs_store *st, const char *user, char ***v, size_t *n)
{
	struct sitelist l = {0};
	char sql[512];
	const char *p[1] = {user};
	int rc;

	snprintf(sql, sizeof(sql), SCOPE_SITES_SQL, 1, 1);
	rc = cs_store_query(st, sql, p, 1, site_row, &l);
	*v = l.v;
	*n = l.n;
	return rc;
}

/* Loads a scoped user's sites on first use (SQLite: only a request that
 * runs a handler needs them); a failure leaves none (nothing visible). */
static void
sites_load(struct reqx *x)
{
	if (x->sites_loaded || x->rq.user == NULL || x->rq.user->admin)
		return;
	x->sites_loaded = true;
	if (cs_serve_user_sites(x->rq.store, x->user.name, &x->sites,
				&x->nsites) != 0) {
		cs_serve_log("scope of %s: %s", x->user.name,
			     cs_store_errmsg(x->rq.store));
		for (size_t i = 0; i < x->nsites; i++)
			free(x->sites[i]);
		free(x->sites);
		x->sites = NULL;
		x->nsites = 0;
	}
}

bool
cs_serve_site_visible(struct cs_serve_req *rq, const char *site)
{
	struct reqx *x = (struct reqx *)rq;

	if (rq->user == NULL)
		return false;
	if (rq->user->admin)
		return true;
	sites_load(x);
	for (size_t i = 0; i < x->nsites; i++)
		if (strcmp(x->sites[i], site) == 0)
			return true;
	return false;
}

size_t
cs_serve_req_sites(struct cs_serve_req *rq, char ***v)
{
	struct reqx *x = (struct reqx *)rq;

	sites_load(x);
	*v = x->sites;
	return x->nsites;
}

/* Looks up the session of token (kind "api" or "page") into u: 0,
 * CS_ENOTFOUND or CS_EIO. */
static int
session_row(void *arg, int ncol, const char *const *val)
{
	struct cs_serve_user *u = arg;
	long long x;

	if (ncol != 6 || val[0] == NULL)
		return CS_EIO;
	cs_strlcpy(u->name, val[0], sizeof(u->name));
	cs_strlcpy(u->kind, val[1] ? val[1] : "", sizeof(u->kind));
	u->expires = cs_str_tonum(val[2] ? val[2] : "", 0, INT64_MAX, &x) == 0
			 ? (int64_t)x
			 : 0;
	cs_strlcpy(u->csrf, val[3] ? val[3] : "", sizeof(u->csrf));
	u->admin = val[4] != NULL && strcmp(val[4], "1") == 0;
	cs_strlcpy(u->role, val[5] ? val[5] : "", sizeof(u->role));
	return 1;
}

int
cs_serve_session_find(struct cs_store *st, const char *token, const char *kind,
		      struct cs_serve_user *u)
{
	char hash[CS_SHA256_HEX], now[24];
	const char *p[3];
	int rc;

	cs_ev_sha256_hex(token, strlen(token), hash);
	snprintf(now, sizeof(now), "%lld", (long long)time(NULL));
	p[0] = hash;
	p[1] = now;
	p[2] = kind;
	memset(u, 0, sizeof(*u));
	rc = cs_store_query(
	    st,
	    "SELECT s.user_name, s.kind, s.expires, s.csrf, "
	    "u.admin, u.pg_role FROM session s JOIN app_user u ON "
	    "u.name = s.user_name WHERE s.token_hash = $1 AND "
	    "s.expires > $2 AND s.kind = $3",
	    p, 3, session_row, u);
	if (rc == 1)
		return 0;
	return rc == 0 ? CS_ENOTFOUND : rc;
}

/* Authenticates rq for route auth a: 0, or CS_ENOTFOUND (no or a bad
 * credential), CS_EIO. */
static int
authenticate(struct reqx *x, enum cs_serve_auth a)
{
	char tok[129];
	const char *h;
	int rc;

	if (a == CS_SERVE_API) {
		h = cs_serve_req_header(&x->rq, MHD_HTTP_HEADER_AUTHORIZATION);
		if (cs_serve_bearer(h, tok) != 0)
			return CS_ENOTFOUND;
		rc = cs_serve_session_find(x->rq.store, tok, "api", &x->user);
	} else {
		h = cs_serve_req_header(&x->rq, MHD_HTTP_HEADER_COOKIE);
		if (cs_serve_cookie_get(h, CS_SERVE_COOKIE, tok, sizeof(tok)) !=
		    0)
			return CS_ENOTFOUND;
		rc = cs_serve_session_find(x->rq.store, tok, "page", &x->user);
	}
	if (rc != 0)
		return rc;
	x->rq.user = &x->user;
	return 0;
}

/* Opens the scoped transaction (PostgreSQL, scoped user). */
static int
scope_begin(struct reqx *x)
{
	char sql[128];

	if (!cs_store_is_pg(x->rq.store) || x->rq.user == NULL ||
	    x->rq.user->admin)
		return 0;
	/* before the role is taken, which may not read the accounts (not
	 * for an answer the cache gives: it needs no sites) */
	sites_load(x);
	/* the role name is cs_u_, the inventory's tag and a user name of
	 * [a-z0-9_.-] only; a scoped user without one reads nothing */
	if (strncmp(x->user.role, "cs_u_", 5) != 0)
		return CS_EINVAL;
	for (const char *p = x->user.role; *p != '\0'; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
		      *p == '_' || *p == '.' || *p == '-'))
			return CS_EINVAL;
	if (cs_store_query(x->rq.store, "BEGIN", NULL, 0, NULL, NULL) != 0)
		return CS_EIO;
	x->txn = true;
	snprintf(sql, sizeof(sql), "SET LOCAL ROLE \"%s\"", x->user.role);
	return cs_store_query(x->rq.store, sql, NULL, 0, NULL, NULL);
}

static void
scope_end(struct reqx *x, bool ok)
{
	if (!x->txn || x->rq.elevated)
		return;
	if (cs_store_query(x->rq.store, ok ? "COMMIT" : "ROLLBACK", NULL, 0,
			   NULL, NULL) != 0)
		cs_store_query(x->rq.store, "ROLLBACK", NULL, 0, NULL, NULL);
}

static void
reqx_free(struct reqx *x)
{
	for (size_t i = 0; i < x->nsites; i++)
		free(x->sites[i]);
	free(x->sites);
}

static bool
is_api_path(const char *url)
{
	return strncmp(url, "/api/", 5) == 0;
}

static void
not_found(struct cs_serve_resp *rs, const char *url)
{
	if (is_api_path(url)) {
		cs_serve_json_error(rs, 404, "not found");
		return;
	}
	cs_buf_reset(&rs->body);
	cs_buf_adds(&rs->body, "<!DOCTYPE html><html><head><meta "
			       "charset=\"utf-8\"><title>Not found</title>"
			       "</head><body><h1>Not found</h1></body></html>");
	cs_serve_html(rs, 404);
}

static void
methods_text(unsigned m, char *buf, size_t sz)
{
	static const char *const names[] = {"GET", "POST",   "PATCH",
					    "PUT", "DELETE", "HEAD"};

	buf[0] = '\0';
	if (m & CS_SERVE_GET)
		m |= CS_SERVE_HEAD;
	for (size_t i = 0; i < CS_NELEM(names); i++)
		if (m & (1u << i)) {
			if (buf[0] != '\0')
				cs_strlcpy(buf + strlen(buf), ", ",
					   sz - strlen(buf));
			cs_strlcpy(buf + strlen(buf), names[i],
				   sz - strlen(buf));
		}
}

static ssize_t
stream_cb(void *cls, uint64_t pos, char *buf, size_t max)
{
	struct cs_serve_resp *rs = cls;
	ssize_t n = rs->stream(rs->stream_arg, pos, buf, max);

	return n < 0 ? MHD_CONTENT_READER_END_OF_STREAM : n;
}

static void
stream_free(void *cls)
{
	struct cs_serve_resp *rs = cls;

	if (rs->stream_free != NULL)
		rs->stream_free(rs->stream_arg);
	cs_buf_free(&rs->body);
	free(rs);
}

/* Sends rs, with the headers every answer carries. */
static enum MHD_Result
send_resp(struct cs_serve *srv, struct MHD_Connection *c, const char *method,
	  struct cs_serve_resp *rs, bool authed)
{
	struct MHD_Response *r;
	char etag[40];
	bool csp = false, cc = false;
	int status = rs->status ? rs->status : 200;
	enum MHD_Result ret;

	if (rs->etag && status == 200 && rs->stream == NULL &&
	    (strcmp(method, "GET") == 0 || strcmp(method, "HEAD") == 0)) {
		const char *inm;
		if (rs->etag_val[0] != '\0')
			memcpy(etag, rs->etag_val, sizeof(etag));
		else
			cs_serve_etag(rs->body.p ? rs->body.p
						 : (const uint8_t *)"",
				      rs->body.len, etag);
		inm = MHD_lookup_connection_value(
		    c, MHD_HEADER_KIND, MHD_HTTP_HEADER_IF_NONE_MATCH);
		if (cs_serve_etag_match(inm, etag)) {
			status = 304;
			cs_buf_reset(&rs->body);
		}
	} else {
		etag[0] = '\0';
	}
	if (rs->stream != NULL) {
		r = MHD_create_response_from_callback(
		    MHD_SIZE_UNKNOWN, 4096, stream_cb, rs, stream_free);
	} else {
		static char empty[1];
		r = MHD_create_response_from_buffer(
		    rs->body.len, rs->body.len ? (void *)rs->body.p : empty,
		    rs->body.len ? MHD_RESPMEM_MUST_FREE
				 : MHD_RESPMEM_PERSISTENT);
		if (r != NULL && rs->body.len)
			rs->body.p = NULL; /* MHD frees it */
	}
	if (r == NULL)
		return MHD_NO;
	for (size_t i = 0; i < rs->nheaders; i++) {
		if (strcasecmp(rs->hname[i], "Content-Security-Policy") == 0)
			csp = true;
		if (strcasecmp(rs->hname[i], "Cache-Control") == 0)
			cc = true;
		MHD_add_response_header(r, rs->hname[i], rs->hval[i]);
	}
	if (status != 304 || rs->content_type == NULL)
		MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_TYPE,
					rs->content_type
					    ? rs->content_type
					    : "text/plain; charset=utf-8");
	if (!csp)
		MHD_add_response_header(
		    r, "Content-Security-Policy",
		    rs->content_type &&
			    strncmp(rs->content_type, "text/html", 9) == 0
			? CSP_HTML
			: CSP_OTHER);
	MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
	MHD_add_response_header(r, "X-Frame-Options", "DENY");
	MHD_add_response_header(r, "Referrer-Policy", "no-referrer");
	MHD_add_response_header(r, "Cross-Origin-Opener-Policy", "same-origin");
	if (!cc)
		MHD_add_response_header(r, MHD_HTTP_HEADER_CACHE_CONTROL,
					authed ? "private, no-cache"
					       : "no-store");
	if (etag[0] != '\0')
		MHD_add_response_header(r, MHD_HTTP_HEADER_ETAG, etag);
	if (srv->tls)
		MHD_add_response_header(r, "Strict-Transport-Security",
					"max-age=31536000");
	ret = MHD_queue_response(c, (unsigned)status, r);
	MHD_destroy_response(r);
	return ret;
}

static void
client_text(struct MHD_Connection *c, char *buf, size_t sz)
{
	const union MHD_ConnectionInfo *ci =
	    MHD_get_connection_info(c, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
	const struct sockaddr *sa = ci ? ci->client_addr : NULL;

	cs_strlcpy(buf, "-", sz);
	if (sa == NULL)
		return;
	if (sa->sa_family == AF_INET)
		inet_ntop(
		    AF_INET,
		    &((const struct sockaddr_in *)(const void *)sa)->sin_addr,
		    buf, (socklen_t)sz);
	else if (sa->sa_family == AF_INET6)
		inet_ntop(
		    AF_INET6,
		    &((const struct sockaddr_in6 *)(const void *)sa)->sin6_addr,
		    buf, (socklen_t)sz);
}

/* The cache's view of one request. */
struct rc_ctx {
	struct cs_buf key; /* empty: not to be cached */
	int64_t dv;
	uint64_t gen;
};

static size_t
rc_entries(const struct cs_serve *srv)
{
	return srv->o->cache < 0 ? 0
	       : srv->o->cache   ? (size_t)srv->o->cache
				 : 64;
}

static bool
cacheable(const struct cs_serve *srv, const struct reqx *x,
	  const struct cs_serve_route *route, const char *method)
{
	return (route->flags & CS_SERVE_CACHE) && rc_entries(srv) > 0 &&
	       x->rq.user != NULL &&
	       (strcmp(method, "GET") == 0 || strcmp(method, "HEAD") == 0);
}

/* Serves the request from the cache: 0 (rs filled), or CS_ENOTFOUND
 * with ck set up for rc_store (its key empty when not to be cached). */
static int
rc_lookup(struct cs_serve *srv, struct reqx *x, struct MHD_Connection *c,
	  const char *url, struct cs_serve_resp *rs, struct rc_ctx *ck)
{
	struct rcache *rc = rc_get(rc_entries(srv));

	ck->gen = atomic_load(&write_gen);
	if (rc == NULL || cs_store_changes(x->rq.store, &ck->dv) != 0 ||
	    rc_key_of(c, x->user.name, url, &ck->key) != 0) {
		cs_buf_reset(&ck->key);
		return CS_ENOTFOUND;
	}
	for (size_t i = 0; i < rc->n; i++) {
		struct rc_ent *e = &rc->e[i];
		if (e->key == NULL ||
		    strcmp(e->key, (const char *)ck->key.p) != 0)
			continue;
		if (e->dv != ck->dv || e->gen != ck->gen)
			return CS_ENOTFOUND; /* stale: rc_store replaces it */
		e->used = ++rc->tick;
		cs_buf_reset(&rs->body);
		if (cs_buf_add(&rs->body, e->body, e->len) != 0)
			return CS_ENOTFOUND;
		rs->status = 200;
		rs->content_type = e->ctype;
		rs->etag = true;
		memcpy(rs->etag_val, e->etag, sizeof(rs->etag_val));
		cs_buf_reset(&ck->key);
		return 0;
	}
	return CS_ENOTFOUND;
}

static void
rc_store(struct cs_serve *srv, struct rc_ctx *ck, struct cs_serve_resp *rs)
{
	struct rcache *rc = rc_get(rc_entries(srv));
	struct rc_ent *old;

	if (rc == NULL || (rs->status != 0 && rs->status != 200) || !rs->etag ||
	    rs->stream != NULL || rs->nheaders > 0 ||
	    rs->body.len > RC_MAX_BODY)
		return;
	cs_serve_etag(rs->body.p ? rs->body.p : (const uint8_t *)"",
		      rs->body.len, rs->etag_val);
	old = &rc->e[0];
	for (size_t i = 0; i < rc->n; i++) {
		struct rc_ent *e = &rc->e[i];
		if (e->key != NULL &&
		    strcmp(e->key, (const char *)ck->key.p) == 0) {
			old = e;
			break;
		}
		if (e->used < old->used)
			old = e;
	}
	free(old->key);
	free(old->body);
	old->key = cs_xstrdup((const char *)ck->key.p);
	old->len = rs->body.len;
	old->body = cs_xmalloc(old->len ? old->len : 1);
	if (old->len)
		memcpy(old->body, rs->body.p, old->len);
	old->ctype = rs->content_type;
	memcpy(old->etag, rs->etag_val, sizeof(old->etag));
	old->dv = ck->dv;
	old->gen = ck->gen;
	old->used = ++rc->tick;
}

/* One complete request. */
static enum MHD_Result
dispatch(struct cs_serve *srv, struct MHD_Connection *c, const char *url,
	 const char *method, struct reqstate *st)
{
	const struct cs_serve_route *api, *pages, *route = NULL;
	size_t napi, npages;
	char cap[4 * 130], client[64], allow[64];
	struct reqx x;
	struct cs_serve_resp *rs;
	enum cs_serve_match m;
	unsigned allowed = 0, al2 = 0;
	enum MHD_Result ret;
	bool authed = false;
	struct rc_ctx ck;
	int rc;

	memset(&x, 0, sizeof(x));
	memset(&ck, 0, sizeof(ck));
	cs_buf_init(&ck.key, 8192);
	rs = cs_xcalloc(1, sizeof(*rs));
	cs_buf_init(&rs->body, CS_SERVE_MAX_RESP);
	api = cs_serve_api_routes(&napi);
	pages = cs_serve_pages_routes(&npages);
	m = cs_serve_route_find(api, napi, method, url, cap, sizeof(cap),
				x.rq.param, &x.rq.nparam, &route, &allowed);
	if (m != CS_SERVE_MATCH && pages != NULL) {
		enum cs_serve_match m2 = cs_serve_route_find(
		    pages, npages, method, url, cap, sizeof(cap), x.rq.param,
		    &x.rq.nparam, &route, &al2);
		if (m2 == CS_SERVE_MATCH || m == CS_SERVE_NOROUTE)
			m = m2;
		allowed |= al2;
	}
	if (m == CS_SERVE_NOROUTE) {
		not_found(rs, url);
		goto send;
	}
	if (m == CS_SERVE_BADMETHOD) {
		methods_text(allowed, allow, sizeof(allow));
		if (is_api_path(url))
			cs_serve_json_error(rs, 405, "method not allowed");
		else
			rs->status = 405;
		cs_serve_header_add(rs, "Allow", allow);
		goto send;
	}
	if (st->too_big) {
		if (is_api_path(url))
			cs_serve_json_error(rs, 413, "request body too large");
		else
			rs->status = 413;
		goto send;
	}
	client_text(c, client, sizeof(client));
	x.rq.method = method;
	x.rq.path = url;
	x.rq.body = st->body.len ? (const char *)st->body.p : "";
	x.rq.body_len = st->body.len;
	x.rq.client = client;
	x.rq.srv = srv;
	x.rq.conn = c;
	x.rq.store = thread_store(srv);
	if (x.rq.store == NULL) {
		cs_serve_json_error(rs, 503, "inventory unavailable");
		goto send;
	}
	if (route->auth != CS_SERVE_PUBLIC) {
		rc = authenticate(&x, route->auth);
		if (rc == CS_EIO) {
			cs_serve_log("authenticate: %s",
				     cs_store_errmsg(x.rq.store));
			thread_store_drop(srv);
			cs_serve_json_error(rs, 500, "internal error");
			goto send;
		}
		if (rc != 0) {
			if (route->auth == CS_SERVE_API) {
				cs_serve_json_error(rs, 401,
						    "authentication required");
				cs_serve_header_add(
				    rs, "WWW-Authenticate",
				    "Bearer realm=\"camsweep\"");
			} else {
				cs_serve_redirect(rs, "/login");
			}
			goto send;
		}
		authed = true;
		/* before the scoped transaction: PostgreSQL delivers change
		 * notifications only outside one */
		if (cacheable(srv, &x, route, method) &&
		    rc_lookup(srv, &x, c, url, rs, &ck) == 0)
			goto send;
		if (scope_begin(&x) != 0) {
			cs_serve_log("scope: %s", cs_store_errmsg(x.rq.store));
			scope_end(&x, false);
			thread_store_drop(srv);
			cs_serve_json_error(rs, 500, "internal error");
			goto send;
		}
	}
	rc = route->fn(&x.rq, rs);
	scope_end(&x, rc == 0);
	if (rc == 0 && ck.key.len > 0)
		rc_store(srv, &ck, rs);
	if (rc != 0) {
		cs_serve_log("%s %s: %s (%s)", method, url, cs_strerror(rc),
			     x.rq.store ? cs_store_errmsg(x.rq.store) : "");
		if (rc == CS_EIO)
			thread_store_drop(srv);
		if (rs->stream != NULL && rs->stream_free != NULL)
			rs->stream_free(rs->stream_arg);
		rs->stream = NULL;
		rs->nheaders = 0;
		cs_serve_json_error(rs, 500, "internal error");
	}
send:
	cs_buf_free(&ck.key);
	reqx_free(&x);
	ret = send_resp(srv, c, method, rs, authed);
	if (rs->stream == NULL) {
		cs_buf_free(&rs->body);
		free(rs);
	} else if (ret != MHD_YES) {
		/* MHD did not take it: stream_free was not called */
	}
	return ret;
}

static enum MHD_Result
on_request(void *cls, struct MHD_Connection *c, const char *url,
	   const char *method, const char *version, const char *upload,
	   size_t *upload_size, void **con_cls)
{
	struct cs_serve *srv = cls;
	struct reqstate *st = *con_cls;

	(void)version;
	if (st == NULL) {
		st = cs_xcalloc(1, sizeof(*st));
		cs_buf_init(&st->body, CS_SERVE_MAX_BODY);
		*con_cls = st;
		return MHD_YES;
	}
	if (*upload_size != 0) {
		if (!st->too_big &&
		    cs_buf_add(&st->body, upload, *upload_size) != 0)
			st->too_big = true;
		*upload_size = 0;
		return MHD_YES;
	}
	if (st->body.len > 0 && cs_buf_add(&st->body, "", 1) == 0)
		st->body.len--; /* NUL-terminated, not counted */
	else if (st->body.len > 0)
		st->too_big = true;
	return dispatch(srv, c, url, method, st);
}

static void
on_completed(void *cls, struct MHD_Connection *c, void **con_cls,
	     enum MHD_RequestTerminationCode toe)
{
	struct reqstate *st = *con_cls;

	(void)cls;
	(void)c;
	(void)toe;
	if (st == NULL)
		return;
	cs_buf_free(&st->body);
	free(st);
	*con_cls = NULL;
}

static void mhd_log(void *cls, const char *fmt, va_list ap) CS_PRINTF(2, 0);

static void
mhd_log(void *cls, const char *fmt, va_list ap)
{
	char line[512];

	(void)cls;
	vsnprintf(line, sizeof(line), fmt, ap);
	line[strcspn(line, "\n")] = '\0';
	cs_serve_log("%s", line);
}

static char *
read_pem(const char *path)
{
	struct cs_buf b;

	cs_buf_init(&b, 1 << 20);
	if (cs_file_read(path, 1 << 20, &b, NULL) != 0 ||
	    cs_buf_add(&b, "", 1) != 0) {
		cs_buf_free(&b);
		return NULL;
	}
	return (char *)b.p;
}

int
cs_serve_run(const struct cs_serve_opts *o)
{
	struct cs_serve srv;
	struct sockaddr_in sa4;
	struct sockaddr_in6 sa6;
	const struct sockaddr *sa;
	unsigned flags =
	    MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL | MHD_USE_ERROR_LOG;
	char *cert = NULL, *key = NULL;
	sigset_t set;
	int sig, rc = 0;
	struct cs_store *probe;
	char err[256];

	memset(&srv, 0, sizeof(srv));
	srv.o = o;
	pthread_mutex_init(&srv.lock, NULL);
	if (cs_ev_init() != 0) {
		fprintf(stderr, "camsweep serve: crypto init failed\n");
		return CS_EIO;
	}
	/* the inventory must open (and be migrated) before we listen */
	probe = cs_store_open(o->db, err, sizeof(err));
	if (probe == NULL) {
		fprintf(stderr, "camsweep serve: %s: %s\n",
			CS_STORE_SHOW(o->db), err);
		return CS_EIO;
	}
	cs_store_close(probe);
	memset(&sa4, 0, sizeof(sa4));
	memset(&sa6, 0, sizeof(sa6));
	if (inet_pton(AF_INET, o->addr, &sa4.sin_addr) == 1) {
		sa4.sin_family = AF_INET;
		sa4.sin_port = htons(o->port);
		sa = (const struct sockaddr *)&sa4;
	} else if (inet_pton(AF_INET6, o->addr, &sa6.sin6_addr) == 1) {
		sa6.sin6_family = AF_INET6;
		sa6.sin6_port = htons(o->port);
		sa = (const struct sockaddr *)&sa6;
		flags |= MHD_USE_IPv6;
	} else {
		fprintf(stderr, "camsweep serve: bad address %s\n", o->addr);
		return CS_EINVAL;
	}
	if (o->cert != NULL) {
		cert = read_pem(o->cert);
		key = read_pem(o->key);
		if (cert == NULL || key == NULL) {
			fprintf(stderr,
				"camsweep serve: cannot read the certificate "
				"or key file\n");
			free(cert);
			free(key);
			return CS_EIO;
		}
		flags |= MHD_USE_TLS;
		srv.tls = true;
	}
	/* the workers inherit the mask: only this thread takes signals */
	sigemptyset(&set);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGTERM);
	pthread_sigmask(SIG_BLOCK, &set, NULL);
	signal(SIGPIPE, SIG_IGN);
	/* the certificate and key, when serving HTTPS (an empty list when
	 * not) */
	struct MHD_OptionItem tls_opts[] = {
	    {MHD_OPTION_HTTPS_MEM_CERT, 0, (void *)cert},
	    {MHD_OPTION_HTTPS_MEM_KEY, 0, (void *)key},
	    {MHD_OPTION_END, 0, NULL},
	};
	srv.d = MHD_start_daemon(
	    flags, o->port, NULL, NULL, on_request, &srv,
	    MHD_OPTION_EXTERNAL_LOGGER, mhd_log, &srv, MHD_OPTION_SOCK_ADDR, sa,
	    MHD_OPTION_THREAD_POOL_SIZE, o->threads ? o->threads : 4u,
	    MHD_OPTION_CONNECTION_LIMIT, o->max_conn ? o->max_conn : 1024u,
	    MHD_OPTION_CONNECTION_TIMEOUT, o->timeout ? o->timeout : 30u,
	    MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)32 * 1024,
	    MHD_OPTION_NOTIFY_COMPLETED, on_completed, &srv, MHD_OPTION_ARRAY,
	    srv.tls ? tls_opts : &tls_opts[2], MHD_OPTION_END);
	if (srv.d == NULL) {
		fprintf(stderr, "camsweep serve: cannot listen on %s port %u\n",
			o->addr, (unsigned)o->port);
		rc = CS_EIO;
		goto out;
	}
	{
		const union MHD_DaemonInfo *di =
		    MHD_get_daemon_info(srv.d, MHD_DAEMON_INFO_BIND_PORT);
		unsigned port = di ? di->port : o->port;
		fprintf(stderr, "camsweep serve: listening on %s%s%s:%u (%s)\n",
			sa->sa_family == AF_INET6 ? "[" : "", o->addr,
			sa->sa_family == AF_INET6 ? "]" : "", port,
			srv.tls ? "https" : "http");
		if (o->port_file != NULL) {
			FILE *f = fopen(o->port_file, "w");
			if (f != NULL) {
				fprintf(f, "%u\n", port);
				fclose(f);
			}
		}
	}
	for (;;) {
		if (sigwait(&set, &sig) == 0 &&
		    (sig == SIGINT || sig == SIGTERM))
			break;
	}
	fprintf(stderr, "camsweep serve: stopping\n");
	MHD_stop_daemon(srv.d);
out:
	for (size_t i = 0; i < srv.nstores; i++)
		cs_store_close(srv.stores[i]);
	free(srv.stores);
	free(cert);
	if (key != NULL) {
		explicit_bzero(key, strlen(key));
		free(key);
	}
	pthread_mutex_destroy(&srv.lock);
	return rc;
}
