/* SPDX-License-Identifier: ISC */
/*
 * camsweep serve: the console's HTTP server (issue #21, docs/serve.md).
 * libmicrohttpd (internal epoll thread pool) answers; a routing table
 * maps a method and a path pattern to a handler; the server authenticates
 * the request (an API token in "Authorization: Bearer", or a page
 * session cookie), gives the handler this thread's store connection (on
 * PostgreSQL inside a transaction under the user's database role, so
 * row-level security limits what it reads to the user's scope) and sends
 * what the handler put in the response, with the security headers every
 * answer carries.
 *
 * A page handler (src/serve/pages*.c) plugs in by listing its routes in
 * cs_serve_pages_routes (below); the API's routes are in api.c.
 */
#ifndef CS_SERVE_SERVE_H
#define CS_SERVE_SERVE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "core/buf.h"

struct cs_store;
struct cs_serve;

/* Limits. */
#define CS_SERVE_MAX_BODY (64u * 1024)  /* request body bytes */
#define CS_SERVE_MAX_RESP (64u << 20)   /* response bytes */
#define CS_SERVE_MAX_PARAMS 4           /* {captures} of one pattern */
#define CS_SERVE_MAX_HEADERS 8          /* extra response headers */
#define CS_SERVE_LIMIT_DEFAULT 50       /* ?limit= when absent */
#define CS_SERVE_LIMIT_MAX 500          /* ?limit= cap */
#define CS_SERVE_TOKEN_TTL (12 * 3600)  /* API token lifetime, s */
#define CS_SERVE_SESSION_TTL (8 * 3600) /* page session lifetime, s */
#define CS_SERVE_COOKIE "cs_session"    /* the page session cookie */

/* The authenticated user of a request. */
struct cs_serve_user {
	char name[64];
	bool admin;    /* unscoped: sees every site */
	char role[80]; /* PostgreSQL role (app_user.pg_role, scoped users) */
	char kind[8];  /* "api" (token) or "page" (cookie session) */
	char csrf[65]; /* the page session's CSRF token (hex), "" for api */
	int64_t expires;
};

/* One request, as a handler sees it.  Everything is valid during the
 * handler's call only. */
struct cs_serve_req {
	const char *method; /* "GET", "POST", "PATCH", ... */
	const char *path;   /* the URL's path, without the query */
	/* the pattern's {captures}, in order, NUL-terminated */
	const char *param[CS_SERVE_MAX_PARAMS];
	size_t nparam;
	const char *body; /* NUL-terminated; "" when none */
	size_t body_len;
	const char *client; /* the peer's address text */
	/* NULL on a public route; else who asked */
	const struct cs_serve_user *user;
	/* this thread's store: on PostgreSQL, for a scoped user, inside a
	 * transaction under user->role until cs_serve_elevate */
	struct cs_store *store;
	struct cs_serve *srv;
	void *conn; /* private: the libmicrohttpd connection */
	bool elevated;
};

/*
 * A streamed body: called with a buffer of max bytes when the client can
 * take more; returns the bytes written (more than 0), or -1 at the end.
 * It runs on a worker thread that also serves other connections, so it
 * must not wait; and 0 ("nothing yet") would make the worker spin.  For
 * server-sent events, answer what is new with a "retry: MS" line and end
 * (-1): the browser's EventSource reconnects after MS milliseconds.  free
 * (may be NULL) is called with arg when the response is done.
 */
typedef ssize_t (*cs_serve_stream_fn)(void *arg, uint64_t pos, char *buf,
				      size_t max);

/* What a handler answers.  status 0 means 200. */
struct cs_serve_resp {
	int status;
	const char *content_type; /* static text; NULL: by the helper used */
	struct cs_buf body;
	/* extra headers, "Name" and value (copied by cs_serve_header_add) */
	char hname[CS_SERVE_MAX_HEADERS][32];
	char hval[CS_SERVE_MAX_HEADERS][512];
	size_t nheaders;
	bool etag;    /* send an ETag of the body, and 304 on a match */
	bool no_body; /* 304 */
	cs_serve_stream_fn stream;
	void *stream_arg;
	void (*stream_free)(void *arg);
	char etag_val[40]; /* private: the server's ETag of the body */
};

/*
 * A handler: fills rs (its body, status and headers) from rq.  Returns 0,
 * or a negative CS_E* for a failure the server answers as 500 (the
 * message goes to the log, not to the client).
 */
typedef int (*cs_serve_handler)(struct cs_serve_req *rq,
				struct cs_serve_resp *rs);

/* Who may call a route. */
enum cs_serve_auth {
	CS_SERVE_PUBLIC, /* anyone (login, static assets) */
	CS_SERVE_API,    /* a Bearer token; 401 JSON without */
	CS_SERVE_PAGE,   /* a session cookie; 303 to /login without */
};

/* Methods, as a bit set. */
#define CS_SERVE_GET 1u
#define CS_SERVE_POST 2u
#define CS_SERVE_PATCH 4u
#define CS_SERVE_PUT 8u
#define CS_SERVE_DELETE 16u
#define CS_SERVE_HEAD 32u /* implied by GET */

/*
 * One route.  pattern is a path whose segments are literal text or
 * "{name}", which matches one non-empty segment (at most 128 bytes) and is
 * handed over in rq->param[] in order; a trailing "/" must match exactly.
 */
struct cs_serve_route {
	unsigned methods;
	const char *pattern;
	enum cs_serve_auth auth;
	cs_serve_handler fn;
	const char *summary; /* one line, for the route list */
	unsigned flags;      /* CS_SERVE_CACHE */
};

/*
 * The GET answers of the route depend only on the user, the path and the
 * query string, and on what the inventory holds: the server may answer
 * a repeat from its cache (SQLite: per worker thread, checked against
 * PRAGMA data_version, emptied by any write through the server; never on
 * PostgreSQL), without calling the handler.  Authentication still runs on
 * every request.
 */
#define CS_SERVE_CACHE 1u

/* The API's routes (api.c) and the pages' (pages.c): n set to the
 * count.  The server tries the API's first, then the pages'. */
const struct cs_serve_route *cs_serve_api_routes(size_t *n);
const struct cs_serve_route *cs_serve_pages_routes(size_t *n);

/* ---------------------------------------------------------------------- */
/* Routing (route.c; pure). */

enum cs_serve_match {
	CS_SERVE_NOROUTE = 0, /* 404 */
	CS_SERVE_MATCH,
	CS_SERVE_BADMETHOD, /* 405: the path matches, not the method */
};

/* The method bit of a method name; 0 if unknown. */
unsigned cs_serve_method_bit(const char *method);

/*
 * Matches path against one pattern, writing the captures into cap
 * (capsz bytes, NUL-separated) and pointers to them into param[]
 * (*nparam set).  True on a match.
 */
bool cs_serve_route_match(const char *pattern, const char *path, char *cap,
			  size_t capsz, const char **param, size_t *nparam);

/*
 * Finds the route for method and path in the table: CS_SERVE_MATCH with
 * *out set, CS_SERVE_BADMETHOD (*allowed set to the methods the path
 * takes) or CS_SERVE_NOROUTE.
 */
enum cs_serve_match
cs_serve_route_find(const struct cs_serve_route *t, size_t n,
		    const char *method, const char *path, char *cap,
		    size_t capsz, const char **param, size_t *nparam,
		    const struct cs_serve_route **out, unsigned *allowed);

/* ---------------------------------------------------------------------- */
/* Pure helpers (util.c). */

/*
 * The page size of "?limit=" text v (NULL: the default): 0 and *out, or
 * CS_EINVAL for anything but 1..CS_SERVE_LIMIT_MAX digits (larger numbers
 * are capped).
 */
int cs_serve_parse_limit(const char *v, unsigned *out);

/*
 * An opaque page cursor: "kind" (a word naming the list, so a cursor of
 * one list is refused by another) and the last id of the page.  make
 * writes at most 64 bytes plus NUL into buf; parse returns 0 with *id,
 * or CS_EINVAL.
 */
void cs_serve_cursor_make(const char *kind, int64_t id, char buf[65]);
int cs_serve_cursor_parse(const char *kind, const char *s, int64_t *id);

/* The strong ETag of n bytes ("\"" + 32 hex digits + "\""), into buf. */
void cs_serve_etag(const void *p, size_t n, char buf[40]);

/* True if an If-None-Match header value matches etag ("*", a list,
 * weak W/ forms compared weakly). */
bool cs_serve_etag_match(const char *if_none_match, const char *etag);

/*
 * The token of an Authorization header value "Bearer TOKEN" (the scheme
 * case-insensitive, one or more spaces, TOKEN of base64url/hex
 * characters, 16 to 128 of them): 0 with the token copied into tok, or
 * CS_EINVAL.
 */
int cs_serve_bearer(const char *hdr, char tok[129]);

/* The cookie's value in a Cookie header, into val (valsz bytes): 0 or
 * CS_ENOTFOUND. */
int cs_serve_cookie_get(const char *hdr, const char *name, char *val,
			size_t valsz);

/*
 * A listen address "ADDR:PORT", "[V6]:PORT" or ":PORT" (loopback): 0 and
 * the address text and port, or CS_EINVAL.  *loopback tells whether the
 * address is in 127.0.0.0/8 or ::1.
 */
int cs_serve_parse_listen(const char *s, char *addr, size_t addrsz,
			  uint16_t *port, bool *loopback);

/* ---------------------------------------------------------------------- */
/* Response helpers (http.c). */

/* True when rq came over HTTPS (serve --cert/--key): cookies then carry
 * Secure. */
bool cs_serve_req_tls(const struct cs_serve_req *rq);

/* Appends a header to rs (at most CS_SERVE_MAX_HEADERS): 0 or CS_ELIMIT. */
int cs_serve_header_add(struct cs_serve_resp *rs, const char *name,
			const char *value);

/* A JSON body: status, "application/json", etag on for a 200 GET.  The
 * handler writes the JSON into rs->body itself (cs_esc_json for every
 * string). */
void cs_serve_json(struct cs_serve_resp *rs, int status);

/* An HTML body (the page writes rs->body, escaping with cs_esc_html). */
void cs_serve_html(struct cs_serve_resp *rs, int status);

/* {"error": msg} with status (404, 400, ...); msg is program text. */
void cs_serve_json_error(struct cs_serve_resp *rs, int status, const char *msg);

/* A 303 redirect to a local path (program text beginning with "/"). */
void cs_serve_redirect(struct cs_serve_resp *rs, const char *path);

/* ---------------------------------------------------------------------- */
/* Requests (http.c). */

/* A query-string argument of rq, or NULL. */
const char *cs_serve_arg(const struct cs_serve_req *rq, const char *key);
/* A request header, or NULL. */
const char *cs_serve_req_header(const struct cs_serve_req *rq,
				const char *name);
/* The sites the request's user may see (none for an admin, who sees
 * all): their count, and the array in *v, owned by rq. */
size_t cs_serve_req_sites(struct cs_serve_req *rq, char ***v);
/* A urlencoded form field of a POST body (decoded, copied into val of
 * valsz bytes): 0 or CS_ENOTFOUND/CS_ELIMIT. */
int cs_serve_form_get(const struct cs_serve_req *rq, const char *key, char *val,
		      size_t valsz);

/*
 * Ends the request's scoped transaction: afterwards rq->store runs as
 * the server's own database user (on SQLite nothing changes).  A handler
 * that writes (a plan change) first reads what it changes through
 * rq->store under the user's scope (404 if not there), then elevates and
 * writes.  0 or CS_EIO.
 */
int cs_serve_elevate(struct cs_serve_req *rq);

/*
 * The scope condition for SQL on the application side: writes into buf a
 * condition on the site column col, "1=1" for an admin and on PostgreSQL
 * (where row-level security applies it); on SQLite the user's sites, as
 * parameters appended to params (numbered from *n + 1, *n updated, at most
 * max in all), or a subquery on the user's name when they do not fit.
 */
void cs_serve_scope_sql(struct cs_serve_req *rq, const char *col,
			const char **params, int *n, int max, char *buf,
			size_t sz);

/* Whether site is in rq's user's scope (a check in C, for one row). */
bool cs_serve_site_visible(struct cs_serve_req *rq, const char *site);

/* ---------------------------------------------------------------------- */
/* Accounts and sessions (auth.c). */

/*
 * Checks user name and password (rate-limited per user and per client
 * address: CS_ELIMIT when over) and opens a session of kind "api" or
 * "page": 0 with the token (64 hex characters, shown once, stored only
 * hashed) and, for a page session, the CSRF token; CS_ENOTFOUND for a bad
 * name or password (the same answer for both), CS_EIO.  Audited.
 */
int cs_serve_login(struct cs_serve_req *rq, const char *user,
		   const char *password, const char *kind, char token[65],
		   char csrf[65]);

/* Ends the session of token (audited): 0 or CS_ENOTFOUND. */
int cs_serve_logout(struct cs_serve_req *rq, const char *token);

/* Constant-time comparison of a submitted CSRF token with the session's. */
bool cs_serve_csrf_ok(const struct cs_serve_req *rq, const char *token);

/*
 * Appends one line to the audit log: who (rq's user, or "-"), the
 * client, action ("plan.set", "login", ...), target ("finding:12") and
 * the JSON texts before and after (may be ""): 0 or CS_EIO.  Every
 * handler that changes something calls it after the change; it also
 * empties the answer caches (CS_SERVE_CACHE) of every thread.
 */
int cs_serve_audit(struct cs_serve_req *rq, const char *action,
		   const char *target, const char *before, const char *after);

/* ---------------------------------------------------------------------- */
/* The server (http.c). */

struct cs_serve_opts {
	const char *db;         /* inventory path or URI */
	const char *addr;       /* listen address text */
	uint16_t port;          /* 0: an ephemeral port */
	const char *cert, *key; /* PEM files for HTTPS; both or neither */
	unsigned threads;       /* worker threads (0: 4) */
	unsigned max_conn;      /* connection limit (0: 1024) */
	unsigned timeout;       /* idle connection timeout, s (0: 30) */
	int cache;              /* answers cached per thread (0: 64; -1:
				   none) */
	const char *port_file;  /* write the bound port here (tests) */
};

/* Runs the server until SIGINT or SIGTERM: 0, or CS_E* after a message
 * on stderr. */
int cs_serve_run(const struct cs_serve_opts *o);

#endif /* CS_SERVE_SERVE_H */
