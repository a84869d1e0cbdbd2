/* SPDX-License-Identifier: ISC */
/*
 * The pages' routes (serve.h's cs_serve_pages_routes): HTTP in and out
 * around pages_handlers.c.  Forms post back with the session's CSRF token
 * (403 without it) and are answered with a redirect (POST-redirect-GET);
 * the log-in form sets the session cookie (HttpOnly, SameSite=Strict).
 */
#include "serve/pages.h"
#include "serve/serve.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/escape.h"
#include "core/str.h"
#include "core/poison.h"

#define EVENTS_RETRY_MS 2000 /* the browser asks again after this */

static void
csp(struct cs_serve_resp *rs)
{
	cs_serve_header_add(rs, "Content-Security-Policy",
			    CS_PAGES_CSP "; frame-ancestors 'none'");
}

static int
page_answer(struct cs_serve_resp *rs, int status)
{
	cs_serve_html(rs, status);
	csp(rs);
	return 0;
}

static bool
site_visible(void *arg, const char *site)
{
	return cs_serve_site_visible(arg, site);
}

static int
elevate(void *arg)
{
	return cs_serve_elevate(arg);
}

/* A finding's plan as JSON, for the audit log. */
static void
plan_json(struct cs_buf *b, const struct cs_finding_row *f)
{
	const char *k[] = {"owner", "due", "status", "until", "note"};
	const char *v[] = {f->owner, f->due, f->status, f->status_until,
			   f->note};

	cs_buf_adds(b, "{");
	for (size_t i = 0; i < CS_NELEM(k); i++) {
		cs_buf_printf(b, "%s\"%s\":", i ? "," : "", k[i]);
		cs_esc_json(b, v[i], strlen(v[i]));
	}
	cs_buf_adds(b, "}");
}

static void
changed(void *arg, const struct cs_finding_row *before,
	const struct cs_finding_row *after)
{
	struct cs_buf a, z;
	char target[48];

	cs_buf_init(&a, 4096);
	cs_buf_init(&z, 4096);
	plan_json(&a, before);
	plan_json(&z, after);
	snprintf(target, sizeof(target), "finding:%lld", (long long)after->id);
	cs_serve_audit(arg, "plan.set", target, cs_buf_str(&a), cs_buf_str(&z));
	cs_buf_free(&a);
	cs_buf_free(&z);
}

/* The request's page context and scope, for the handlers. */
struct page_env {
	struct cs_page_ctx ctx;
	struct cs_pages_scope scope;
	struct cs_pages_req q;
	char label[256]; /* the scope, as the header shows it */
};

static void
env_init(struct page_env *e, struct cs_serve_req *rq)
{
	const struct cs_serve_user *u = rq->user;

	memset(e, 0, sizeof(*e));
	e->ctx.user = u ? u->name : NULL;
	e->ctx.csrf = u ? u->csrf : NULL;
	e->scope.all = u == NULL || u->admin;
	if (!e->scope.all) {
		/* the user's sites (its departments' included), as the
		 * server loaded them for this request */
		char **v;
		size_t n = cs_serve_req_sites(rq, &v);

		e->scope.sites = (const char *const *)v;
		e->scope.nsites = n;
		cs_strlcpy(e->label, n ? "sites " : "no site",
			   sizeof(e->label));
		for (size_t i = 0; i < n; i++) {
			size_t len = strlen(e->label);

			snprintf(e->label + len, sizeof(e->label) - len, "%s%s",
				 i ? ", " : "", v[i]);
		}
		e->ctx.scope = e->label;
	} else {
		e->ctx.scope = "all sites";
	}
	e->scope.visible = site_visible;
	e->scope.arg = rq;
	e->q.st = rq->store;
	e->q.ctx = &e->ctx;
	e->q.scope = &e->scope;
	e->q.now = (int64_t)time(NULL);
	e->q.elevate = elevate;
	e->q.changed = changed;
	e->q.arg = rq;
}

/* The store's numeric id in a path segment; 0 if it is not one. */
static int64_t
path_id(const struct cs_serve_req *rq, size_t i)
{
	long long v;

	if (i >= rq->nparam ||
	    cs_str_tonum(rq->param[i], 1, INT64_MAX, &v) != 0)
		return 0;
	return (int64_t)v;
}

static int64_t
arg_id(const struct cs_serve_req *rq, const char *key)
{
	const char *s = cs_serve_arg(rq, key);
	long long v;

	if (s == NULL || cs_str_tonum(s, 1, INT64_MAX, &v) != 0)
		return 0;
	return (int64_t)v;
}

/* A POST from a page must carry the session's CSRF token. */
static bool
csrf_ok(struct cs_serve_req *rq)
{
	char tok[129];

	return cs_serve_form_get(rq, "csrf", tok, sizeof(tok)) == 0 &&
	       cs_serve_csrf_ok(rq, tok);
}

static int
forbidden(struct cs_serve_req *rq, struct cs_serve_resp *rs)
{
	struct page_env e;

	env_init(&e, rq);
	cs_page_error(&rs->body, &e.ctx, 403,
		      "The form was out of date (no valid CSRF token): "
		      "reload the page and try again.");
	return page_answer(rs, 403);
}

static int
h_overview(struct cs_serve_req *rq, struct cs_serve_resp *rs)
{
	struct page_env e;

	env_init(&e, rq);
	return page_answer(rs, cs_pages_overview(&e.q, &rs->body));
}

static int
h_sites(struct cs_serve_req *rq, struct cs_serve_resp *rs)
{
	struct page_env e;

	env_init(&e, rq);
	return page_answer(rs, cs_pages_sites(&e.q, &rs->body));
}

static int
h_devices(struct cs_serve_req *rq, struct cs_serve_resp *rs)
{
	struct page_env e;

	env_init(&e, rq);
	return page_answer(rs, cs_pages_devices(&e.q, &rs->body));
}

static int
h_device(struct cs_serve_req *rq, struct cs_serve_resp *rs)
{
	struct page_env e;

	env_init(&e, rq);
	return page_answer(rs,
			   cs_pages_device(&e.q, path_id(rq, 0), &rs->body));
}

static int
h_findings(struct cs_serve_req *rq, struct cs_serve_resp *rs)
{
	struct page_env e;

	env_init(&e, rq);
	return page_answer(
	    rs, cs_pages_findings(&e.q, arg_id(rq, "saved"), &rs->body));
}

static int
h_plan(struct cs_serve_req *rq, struct cs_serve_resp *rs)
{
	struct page_env e;
	char owner[64], due[16], status[16], until[16], note[256];
	struct cs_finding_plan p = {0};
	int status_code;

	if (!csrf_ok(rq))
		return forbidden(rq, rs);
	env_init(&e, rq);
	/* a field not sent is left as it is; "" owner or note clears it,
	 * "" dates and status leave them */
	if (cs_serve_form_get(rq, "owner", owner, sizeof(owner)) == 0)
		p.owner = owner;
	if (cs_serve_form_get(rq, "note", note, sizeof(note)) == 0)
		p.note = note;
	if (cs_serve_form_get(rq, "due", due, sizeof(due)) == 0 && due[0])
		p.due = due;
	if (cs_serve_form_get(rq, "until", until, sizeof(until)) == 0 &&
	    until[0])
		p.until = until;
	if (cs_serve_form_get(rq, "status", status, sizeof(status)) == 0 &&
	    status[0])
		p.status = status;
	status_code = cs_pages_plan_post(&e.q, path_id(rq, 0), &p, &rs->body);
	if (status_code == 303) {
		cs_serve_redirect(rs, e.q.loc);
		return 0;
	}
	return page_answer(rs, status_code);
}

static int
h_scans(struct cs_serve_req *rq, struct cs_serve_resp *rs)
{
	struct page_env e;

	env_init(&e, rq);
	return page_answer(rs, cs_pages_scans(&e.q, &rs->body));
}

static int
h_diff(struct cs_serve_req *rq, struct cs_serve_resp *rs)
{
	struct page_env e;

	env_init(&e, rq);
	return page_answer(rs, cs_pages_diff(&e.q, arg_id(rq, "a"),
					     arg_id(rq, "b"), &rs->body));
}

static int
h_events(struct cs_serve_req *rq, struct cs_serve_resp *rs)
{
	struct page_env e;
	int rc;

	env_init(&e, rq);
	rc = cs_pages_events(&e.q, cs_serve_req_header(rq, "Last-Event-ID"),
			     EVENTS_RETRY_MS, &rs->body);
	if (rc != 0)
		return rc;
	rs->status = 200;
	rs->content_type = "text/event-stream; charset=utf-8";
	cs_serve_header_add(rs, "Cache-Control", "no-store");
	csp(rs);
	return 0;
}

static int
h_login_form(struct cs_serve_req *rq, struct cs_serve_resp *rs)
{
	(void)rq;
	cs_page_login(&rs->body, NULL);
	return page_answer(rs, 200);
}

static int
h_login(struct cs_serve_req *rq, struct cs_serve_resp *rs)
{
	char user[128], pw[1024], token[65], csrf[65], cookie[160];
	int rc;

	if (cs_serve_form_get(rq, "user", user, sizeof(user)) != 0 ||
	    cs_serve_form_get(rq, "password", pw, sizeof(pw)) != 0) {
		cs_page_login(&rs->body, "Give a user name and a password.");
		return page_answer(rs, 400);
	}
	rc = cs_serve_login(rq, user, pw, "page", token, csrf);
	explicit_bzero(pw, sizeof(pw));
	if (rc == CS_ELIMIT) {
		cs_page_login(&rs->body, "Too many failed log-ins: wait a "
					 "few minutes.");
		return page_answer(rs, 429);
	}
	if (rc != 0) {
		cs_page_login(&rs->body, "Wrong user name or password.");
		return page_answer(rs, rc == CS_ENOTFOUND ? 401 : 500);
	}
	snprintf(cookie, sizeof(cookie),
		 CS_SERVE_COOKIE "=%s; Path=/; HttpOnly; SameSite=Strict; "
				 "Max-Age=%d%s",
		 token, CS_SERVE_SESSION_TTL,
		 cs_serve_req_tls(rq) ? "; Secure" : "");
	explicit_bzero(token, sizeof(token));
	cs_serve_redirect(rs, "/");
	cs_serve_header_add(rs, "Set-Cookie", cookie);
	explicit_bzero(cookie, sizeof(cookie));
	return 0;
}

static int
h_logout(struct cs_serve_req *rq, struct cs_serve_resp *rs)
{
	char tok[129];

	if (!csrf_ok(rq))
		return forbidden(rq, rs);
	if (cs_serve_cookie_get(cs_serve_req_header(rq, "Cookie"),
				CS_SERVE_COOKIE, tok, sizeof(tok)) == 0)
		cs_serve_logout(rq, tok);
	explicit_bzero(tok, sizeof(tok));
	cs_serve_redirect(rs, "/login");
	cs_serve_header_add(rs, "Set-Cookie",
			    cs_serve_req_tls(rq)
				? CS_SERVE_COOKIE "=; Path=/; HttpOnly; "
						  "SameSite=Strict; Max-Age=0; "
						  "Secure"
				: CS_SERVE_COOKIE "=; Path=/; HttpOnly; "
						  "SameSite=Strict; Max-Age=0");
	return 0;
}

static int
h_css(struct cs_serve_req *rq, struct cs_serve_resp *rs)
{
	(void)rq;
	cs_page_css(&rs->body);
	rs->status = 200;
	rs->content_type = "text/css; charset=utf-8";
	rs->etag = true;
	return 0;
}

static int
h_js(struct cs_serve_req *rq, struct cs_serve_resp *rs)
{
	(void)rq;
	cs_buf_adds(&rs->body, cs_page_events_js());
	rs->status = 200;
	rs->content_type = "text/javascript; charset=utf-8";
	rs->etag = true;
	return 0;
}

/* No page is cached by the server (flags 0): a page holds its session's
 * CSRF token, the day's overdue counts, and /events answers by the
 * Last-Event-ID header. */
static const struct cs_serve_route routes[] = {
    {CS_SERVE_GET, "/login", CS_SERVE_PUBLIC, h_login_form, "log-in page", 0},
    {CS_SERVE_POST, "/login", CS_SERVE_PUBLIC, h_login, "log in (form)", 0},
    {CS_SERVE_GET, "/static/console.css", CS_SERVE_PUBLIC, h_css, "style sheet",
     0},
    {CS_SERVE_GET, "/static/events.js", CS_SERVE_PUBLIC, h_js,
     "server-sent events client", 0},
    {CS_SERVE_POST, "/logout", CS_SERVE_PAGE, h_logout, "log out (form)", 0},
    {CS_SERVE_GET, "/", CS_SERVE_PAGE, h_overview, "estate overview", 0},
    {CS_SERVE_GET, "/sites", CS_SERVE_PAGE, h_sites, "sites and departments",
     0},
    {CS_SERVE_GET, "/devices", CS_SERVE_PAGE, h_devices, "devices", 0},
    {CS_SERVE_GET, "/devices/{id}", CS_SERVE_PAGE, h_device,
     "one device and its evidence", 0},
    {CS_SERVE_GET, "/findings", CS_SERVE_PAGE, h_findings, "findings and plan",
     0},
    {CS_SERVE_POST, "/findings/{id}/plan", CS_SERVE_PAGE, h_plan,
     "change a finding's plan (form)", 0},
    {CS_SERVE_GET, "/scans", CS_SERVE_PAGE, h_scans, "scans", 0},
    {CS_SERVE_GET, "/diff", CS_SERVE_PAGE, h_diff, "changes between two scans",
     0},
    {CS_SERVE_GET, "/events", CS_SERVE_PAGE, h_events,
     "new scans (server-sent events)", 0},
};

const struct cs_serve_route *
cs_serve_pages_routes(size_t *n)
{
	*n = CS_NELEM(routes);
	return routes;
}
