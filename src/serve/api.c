/* SPDX-License-Identifier: ISC */
/*
 * The JSON API, /api/v1/ (docs/serve.md, docs/openapi.yaml): devices,
 * findings, the plan, scans and diffs, a page at a time
 * ({"items": [...], "next": CURSOR|null}), in the CLI's JSON shapes.
 * Every device string goes out through cs_esc_json (cs_out_json_device,
 * cs_out_json_value).  Scope: on SQLite a condition on the site in each
 * query (cs_serve_scope_sql); on PostgreSQL the row-level security of
 * the user's role, under which the request's queries run.
 */
#include "serve/serve_int.h"

#include <json-c/json.h>

#include <inttypes.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "audit/diff.h"
#include "audit/plan.h"
#include "cli/cli.h"
#include "cli/output.h"
#include "core/alloc.h"
#include "core/escape.h"
#include "core/str.h"
#include "core/text.h"
#include "store/store.h"
#include "core/poison.h"

/* Makes room for one more element at index n of *v (capacity *cap),
 * doubling: a page's rows are appended one by one. */
static void
grow(void *vp, size_t n, size_t *cap, size_t size)
{
	void **v = vp;

	if (n < *cap)
		return;
	*cap = *cap ? *cap * 2 : 16;
	*v = cs_xrealloc(*v, *cap, size);
}

/* Query parameters, numbered as they are added. */
struct qp {
	const char *v[CS_STORE_QUERY_MAX_PARAMS];
	int n;
	char num[4][24];
	int nnum;
};

static int
qp_add(struct qp *q, const char *v)
{
	q->v[q->n++] = v;
	return q->n;
}

static int
qp_i64(struct qp *q, int64_t v)
{
	char *s = q->num[q->nnum++];

	snprintf(s, sizeof(q->num[0]), "%" PRId64, v);
	return qp_add(q, s);
}

/* Appends " AND <scope on col>" to sql, adding the user's name. */
static void
qp_scope(struct qp *q, struct cs_serve_req *rq, const char *col, char *sql,
	 size_t sz)
{
	char clause[2048];

	cs_serve_scope_sql(rq, col, q->v, &q->n, CS_STORE_QUERY_MAX_PARAMS - 4,
			   clause, sizeof(clause));
	cs_strlcpy(sql + strlen(sql), " AND ", sz - strlen(sql));
	cs_strlcpy(sql + strlen(sql), clause, sz - strlen(sql));
}

/* A positive id from a path capture or argument: 0 or CS_EINVAL. */
static int
parse_id(const char *s, int64_t *out)
{
	long long v;

	if (s == NULL || cs_str_tonum(s, 1, INT64_MAX, &v) != 0)
		return CS_EINVAL;
	*out = (int64_t)v;
	return 0;
}

/* ?limit= and ?cursor=: false after answering 400. */
static bool
page_args(struct cs_serve_req *rq, struct cs_serve_resp *rs, const char *kind,
	  unsigned *limit, int64_t *after, bool *have_after)
{
	const char *c = cs_serve_arg(rq, "cursor");

	if (cs_serve_parse_limit(cs_serve_arg(rq, "limit"), limit) != 0) {
		cs_serve_json_error(rs, 400, "limit must be 1 to 500");
		return false;
	}
	*have_after = c != NULL;
	*after = 0;
	if (c != NULL && cs_serve_cursor_parse(kind, c, after) != 0) {
		cs_serve_json_error(rs, 400, "bad cursor");
		return false;
	}
	return true;
}

/* Closes a page: "],"next":..}" with the cursor after last_id when there
 * is more. */
static void
page_end(struct cs_serve_resp *rs, const char *kind, bool more, int64_t last_id)
{
	char cur[65];

	if (more) {
		cs_serve_cursor_make(kind, last_id, cur);
		cs_buf_printf(&rs->body, "],\"next\":\"%s\"}", cur);
	} else {
		cs_buf_adds(&rs->body, "],\"next\":null}");
	}
	cs_serve_json(rs, 200);
}

static int64_t
v_i64(const char *v)
{
	long long x;

	if (v == NULL || cs_str_tonum(v, INT64_MIN, INT64_MAX, &x) != 0)
		return 0;
	return (int64_t)x;
}

static const char *
v_str(const char *v)
{
	return v != NULL ? v : "";
}

/* ---------------------------------------------------------------------- */
/* Devices. */

struct devlite {
	int64_t id, sid, first, last;
	char ip[46], manu[64], country[4], brand[64], model[64], fw[64];
	char cls[16], mac[24], serial[64], site[64];
	int surv; /* 1, 0, -1 for NULL */
	double conf;
};

struct devpage {
	struct devlite *v;
	size_t n, cap;
};

#define DEV_COLS                                                               \
	"d.id, d.ip, d.manufacturer, d.manufacturer_country, d.brand, "        \
	"d.model, d.firmware, d.device_class, d.surveillance, d.confidence, "  \
	"d.mac, d.serial, d.site, d.first_seen, d.last_seen, g.id"
#define DEV_FROM                                                               \
	" FROM device d LEFT JOIN sighting g ON g.device_id = d.id AND "       \
	"g.scan_id = d.last_scan"

static int
dev_row(void *arg, int ncol, const char *const *val)
{
	struct devpage *p = arg;
	struct devlite *d;

	if (ncol != 16)
		return CS_EIO;
	grow(&p->v, p->n, &p->cap, sizeof(*p->v));
	d = &p->v[p->n++];
	memset(d, 0, sizeof(*d));
	d->id = v_i64(val[0]);
	cs_strlcpy(d->ip, v_str(val[1]), sizeof(d->ip));
	cs_strlcpy(d->manu, v_str(val[2]), sizeof(d->manu));
	cs_strlcpy(d->country, v_str(val[3]), sizeof(d->country));
	cs_strlcpy(d->brand, v_str(val[4]), sizeof(d->brand));
	cs_strlcpy(d->model, v_str(val[5]), sizeof(d->model));
	cs_strlcpy(d->fw, v_str(val[6]), sizeof(d->fw));
	cs_strlcpy(d->cls, v_str(val[7]), sizeof(d->cls));
	d->surv = val[8] == NULL ? -1 : v_i64(val[8]) != 0;
	d->conf = val[9] ? strtod(val[9], NULL) : 0;
	cs_strlcpy(d->mac, v_str(val[10]), sizeof(d->mac));
	cs_strlcpy(d->serial, v_str(val[11]), sizeof(d->serial));
	cs_strlcpy(d->site, v_str(val[12]), sizeof(d->site));
	d->first = v_i64(val[13]);
	d->last = v_i64(val[14]);
	d->sid = v_i64(val[15]);
	return 0;
}

/* The page's sightings' ports, evidence and attachments. */
struct devparts {
	struct devpage *pg;
	struct cs_device_row *row; /* the one being filled */
	int64_t sid;
};

/* The ", "-separated sighting ids of the page (integers from the
 * database, so safe in SQL text). */
static void
sid_list(const struct devpage *p, char *buf, size_t sz)
{
	buf[0] = '\0';
	for (size_t i = 0; i < p->n; i++)
		if (p->v[i].sid != 0)
			cs_strcatf(buf, sz, "%s%" PRId64, buf[0] ? ", " : "",
				   p->v[i].sid);
}

struct parts {
	/* flat lists, by sighting */
	struct port_r {
		int64_t sid;
		uint16_t port;
	} * ports;
	size_t nports, cports;
	struct ev_r {
		int64_t sid;
		struct cs_evidence ev;
	} * ev;
	size_t nev, cev;
	struct att_r {
		int64_t sid;
		struct cs_attachment a;
	} * att;
	size_t natt, catt;
	/* the placements of the page's devices only the switches know
	 * (no sighting in any scan), by device */
	struct cs_placement_row *pl;
	size_t npl, cpl;
};

static int
port_row(void *arg, int ncol, const char *const *val)
{
	struct parts *p = arg;

	if (ncol != 2)
		return CS_EIO;
	grow(&p->ports, p->nports, &p->cports, sizeof(*p->ports));
	p->ports[p->nports].sid = v_i64(val[0]);
	p->ports[p->nports].port = (uint16_t)v_i64(val[1]);
	p->nports++;
	return 0;
}

static int
ev_row(void *arg, int ncol, const char *const *val)
{
	struct parts *p = arg;
	struct cs_evidence *e;

	if (ncol != 8)
		return CS_EIO;
	grow(&p->ev, p->nev, &p->cev, sizeof(*p->ev));
	p->ev[p->nev].sid = v_i64(val[0]);
	e = &p->ev[p->nev].ev;
	memset(e, 0, sizeof(*e));
	cs_strlcpy(e->field, v_str(val[1]), sizeof(e->field));
	cs_strlcpy(e->claim, v_str(val[2]), sizeof(e->claim));
	cs_strlcpy(e->value, v_str(val[3]), sizeof(e->value));
	cs_strlcpy(e->rule, v_str(val[4]), sizeof(e->rule));
	cs_strlcpy(e->obs_key, v_str(val[5]), sizeof(e->obs_key));
	e->port = (uint16_t)v_i64(val[6]);
	e->weight = val[7] ? strtod(val[7], NULL) : 0;
	p->nev++;
	return 0;
}

static int
att_row(void *arg, int ncol, const char *const *val)
{
	struct parts *p = arg;
	struct cs_attachment *a;
	enum cs_class c;

	if (ncol != 14)
		return CS_EIO;
	grow(&p->att, p->natt, &p->catt, sizeof(*p->att));
	p->att[p->natt].sid = v_i64(val[0]);
	a = &p->att[p->natt].a;
	memset(a, 0, sizeof(*a));
	a->channel = (unsigned)v_i64(val[1]);
	cs_strlcpy(a->ip, v_str(val[2]), sizeof(a->ip));
	a->port = (uint16_t)v_i64(val[3]);
	cs_strlcpy(a->name, v_str(val[4]), sizeof(a->name));
	cs_strlcpy(a->model, v_str(val[5]), sizeof(a->model));
	cs_strlcpy(a->serial, v_str(val[6]), sizeof(a->serial));
	cs_strlcpy(a->firmware, v_str(val[7]), sizeof(a->firmware));
	cs_strlcpy(a->vendor, v_str(val[8]), sizeof(a->vendor));
	cs_strlcpy(a->mac, v_str(val[9]), sizeof(a->mac));
	cs_strlcpy(a->manufacturer, v_str(val[10]), sizeof(a->manufacturer));
	cs_strlcpy(a->brand, v_str(val[11]), sizeof(a->brand));
	cs_strlcpy(a->id_model, v_str(val[12]), sizeof(a->id_model));
	a->device_class =
	    cs_class_parse(v_str(val[13]), &c) == 0 ? c : CS_CLASS_UNKNOWN;
	p->natt++;
	return 0;
}

/* A placement: device_id, then the columns of struct cs_placement_row. */
static int
pl_row(void *arg, int ncol, const char *const *val)
{
	struct parts *p = arg;
	struct cs_placement_row *r;
	int64_t x;

	if (ncol != 14)
		return CS_EIO;
	grow(&p->pl, p->npl, &p->cpl, sizeof(*p->pl));
	r = &p->pl[p->npl++];
	memset(r, 0, sizeof(*r));
	r->device_id = v_i64(val[0]);
	cs_strlcpy(r->site, v_str(val[1]), sizeof(r->site));
	cs_strlcpy(r->mac, v_str(val[2]), sizeof(r->mac));
	r->scan_id = v_i64(val[3]);
	cs_strlcpy(r->sw, v_str(val[4]), sizeof(r->sw));
	cs_strlcpy(r->sw_addr, v_str(val[5]), sizeof(r->sw_addr));
	cs_strlcpy(r->port, v_str(val[6]), sizeof(r->port));
	x = v_i64(val[7]);
	r->ifindex = x >= 0 && x <= INT32_MAX ? (int32_t)x : 0;
	x = v_i64(val[8]);
	r->vlan = x >= 0 && x <= 4094 ? (int)x : 0;
	cs_strlcpy(r->poe, v_str(val[9]), sizeof(r->poe));
	cs_strlcpy(r->neighbour, v_str(val[10]), sizeof(r->neighbour));
	cs_strlcpy(r->ip, v_str(val[11]), sizeof(r->ip));
	cs_strlcpy(r->oui, v_str(val[12]), sizeof(r->oui));
	r->seen_at = v_i64(val[13]);
	return 0;
}

static void
parts_free(struct parts *p)
{
	free(p->ports);
	free(p->ev);
	free(p->att);
	free(p->pl);
}

/* The placements of the page's devices without a sighting at their last
 * scan that no scan has seen at all: devices only the switches know
 * (docs/switches.md).  The ids are the page's, already in the user's
 * scope; on PostgreSQL the role's policy on placement keeps to it too. */
static int
placed_read(struct cs_store *st, const struct devpage *pg, struct parts *p)
{
	char ids[512 * 22], arr[sizeof(ids) + 2], sql[sizeof(ids) + 512];
	const char *par[1] = {arr};
	bool pgsql = cs_store_is_pg(st);

	ids[0] = '\0';
	for (size_t i = 0; i < pg->n; i++)
		if (pg->v[i].sid == 0)
			cs_strcatf(ids, sizeof(ids), "%s%" PRId64,
				   ids[0] ? ", " : "", pg->v[i].id);
	if (ids[0] == '\0')
		return 0;
	cs_strlcpy(sql,
		   "SELECT p.device_id, p.site, p.mac, p.scan_id, p.switch, "
		   "p.switch_addr, p.port, p.ifindex, p.vlan, p.poe, "
		   "p.neighbour, p.ip, p.oui, p.seen_at FROM placement p "
		   "WHERE p.device_id ",
		   sizeof(sql));
	if (pgsql) {
		snprintf(arr, sizeof(arr), "{%s}", ids);
		cs_strcatf(sql, sizeof(sql), "= ANY ($1::bigint[])");
	} else {
		cs_strcatf(sql, sizeof(sql), "IN (%s)", ids);
	}
	cs_strcatf(sql, sizeof(sql),
		   " AND NOT EXISTS (SELECT 1 FROM sighting g WHERE "
		   "g.device_id = p.device_id) ORDER BY p.device_id");
	return cs_store_query(st, sql, par, pgsql ? 1 : 0, pl_row, p);
}

static int
parts_read(struct cs_store *st, const struct devpage *pg, struct parts *p)
{
	char ids[512 * 22], arr[sizeof(ids) + 2], in[sizeof(ids) + 8];
	char sql[sizeof(ids) + 256];
	const char *par[1] = {arr};
	bool pgsql = cs_store_is_pg(st);
	int rc, np = 0;

	memset(p, 0, sizeof(*p));
	if ((rc = placed_read(st, pg, p)) != 0)
		return rc;
	sid_list(pg, ids, sizeof(ids));
	if (ids[0] == '\0')
		return 0;
	/* PostgreSQL: the ids as one array parameter, so that the text of
	 * each query is the same from page to page (prepared once) */
	if (pgsql) {
		snprintf(arr, sizeof(arr), "{%s}", ids);
		cs_strlcpy(in, "= ANY ($1::bigint[])", sizeof(in));
		np = 1;
	} else {
		snprintf(in, sizeof(in), "IN (%s)", ids);
	}
	/* PostgreSQL keys a sighting's ports by (site, sighting_id, port):
	 * through the sighting, so that the key is used */
	cs_strlcpy(sql,
		   pgsql ? "SELECT p.sighting_id, p.port FROM sighting g JOIN "
			   "sighting_port p ON p.site = g.site AND "
			   "p.sighting_id = g.id WHERE g.id "
			 : "SELECT sighting_id, port FROM sighting_port WHERE "
			   "sighting_id ",
		   sizeof(sql));
	cs_strcatf(sql, sizeof(sql), "%s", in);
	cs_strcatf(sql, sizeof(sql), " ORDER BY 1, 2");
	if ((rc = cs_store_query(st, sql, par, np, port_row, p)) != 0)
		return rc;
	cs_strlcpy(sql,
		   "SELECT sighting_id, field, claim, value, rule, obs_key, "
		   "port, weight FROM evidence WHERE sighting_id ",
		   sizeof(sql));
	cs_strcatf(sql, sizeof(sql), "%s", in);
	cs_strcatf(sql, sizeof(sql), " ORDER BY sighting_id, seq");
	if ((rc = cs_store_query(st, sql, par, np, ev_row, p)) != 0)
		return rc;
	cs_strlcpy(
	    sql,
	    "SELECT sighting_id, channel, ip, port, name, model, serial, "
	    "firmware, vendor, mac, manufacturer, brand, id_model, "
	    "device_class FROM attachment WHERE sighting_id ",
	    sizeof(sql));
	cs_strcatf(sql, sizeof(sql), "%s", in);
	cs_strcatf(sql, sizeof(sql), " ORDER BY sighting_id, channel");
	return cs_store_query(st, sql, par, np, att_row, p);
}

/* Writes device d as the CLI's device object with its "id" first. */
static void
dev_json(struct cs_buf *out, struct cs_buf *tmp, struct cs_device_row *row,
	 const struct devlite *d, const struct parts *p)
{
	struct cs_identity *id = &row->id;
	enum cs_class c;
	size_t i;

	row->device_id = d->id;
	row->sighting_id = d->sid;
	cs_strlcpy(row->ip, d->ip, sizeof(row->ip));
	cs_strlcpy(id->manufacturer, d->manu, sizeof(id->manufacturer));
	cs_strlcpy(id->manufacturer_country, d->country,
		   sizeof(id->manufacturer_country));
	cs_strlcpy(id->brand, d->brand, sizeof(id->brand));
	cs_strlcpy(id->model, d->model, sizeof(id->model));
	cs_strlcpy(id->firmware, d->fw, sizeof(id->firmware));
	id->device_class =
	    cs_class_parse(d->cls, &c) == 0 ? c : CS_CLASS_UNKNOWN;
	id->surveillance = d->surv == 1;
	id->surveillance_known = d->surv >= 0;
	id->surveillance_presumed = false;
	id->confidence = d->conf;
	id->nev = 0;
	id->nev_dropped = 0;
	row->nports = 0;
	row->natt = 0;
	for (i = 0; d->sid != 0 && i < p->nports; i++)
		if (p->ports[i].sid == d->sid &&
		    row->nports < CS_STORE_MAX_PORTS)
			row->ports[row->nports++] = p->ports[i].port;
	for (i = 0; d->sid != 0 && i < p->nev; i++)
		if (p->ev[i].sid == d->sid && id->nev < CS_FP_MAX_EVIDENCE) {
			id->ev[id->nev] = p->ev[i].ev;
			if (strcmp(p->ev[i].ev.rule, CS_FP_PRESUMED_RULE) == 0)
				id->surveillance_presumed = true;
			id->nev++;
		}
	for (i = 0; d->sid != 0 && i < p->natt; i++)
		if (p->att[i].sid == d->sid && row->natt < CS_STORE_MAX_ATTACH)
			row->att[row->natt++] = p->att[i].a;
	cs_strlcpy(row->mac, d->mac, sizeof(row->mac));
	cs_strlcpy(row->serial, d->serial, sizeof(row->serial));
	cs_strlcpy(row->site, d->site, sizeof(row->site));
	row->first_seen = d->first;
	row->last_seen = d->last;
	cs_buf_reset(tmp);
	for (i = 0; d->sid == 0 && i < p->npl; i++)
		if (p->pl[i].device_id == d->id)
			break;
	/* a device only the switches know: its placement, as show --json
	 * writes it */
	if (d->sid == 0 && i < p->npl)
		cs_out_json_placed(tmp, row, &p->pl[i]);
	else
		cs_out_json_device(tmp, row);
	cs_buf_printf(out, "{\"id\":%" PRId64 ",", d->id);
	if (tmp->len > 1)
		cs_buf_add(out, tmp->p + 1, tmp->len - 1);
}

/* One device row per worker thread, kept (it is large: attachments and
 * evidence), freed when the thread ends. */
static pthread_key_t row_key;
static pthread_once_t row_once = PTHREAD_ONCE_INIT;

static void
row_key_init(void)
{
	(void)pthread_key_create(&row_key, free);
}

static struct cs_device_row *
thread_row(void)
{
	struct cs_device_row *r;

	pthread_once(&row_once, row_key_init);
	r = pthread_getspecific(row_key);
	if (r == NULL) {
		r = cs_xcalloc(1, sizeof(*r));
		if (pthread_setspecific(row_key, r) != 0) {
			free(r);
			return NULL;
		}
	}
	return r;
}

/* Reads and writes the devices of sql (DEV_COLS DEV_FROM ...): the first
 * max of them; *n set to how many rows came. */
static int
dev_emit(struct cs_serve_req *rq, struct cs_serve_resp *rs, const char *sql,
	 struct qp *q, size_t max, size_t *n, int64_t *last_id)
{
	struct devpage pg = {0};
	struct parts p;
	struct cs_device_row *row;
	struct cs_buf tmp;
	int rc;

	rc = cs_store_query(rq->store, sql, q->v, q->n, dev_row, &pg);
	if (rc != 0) {
		free(pg.v);
		return rc;
	}
	*n = pg.n;
	if (pg.n > max)
		pg.n = max;
	if ((rc = parts_read(rq->store, &pg, &p)) != 0) {
		parts_free(&p);
		free(pg.v);
		return rc;
	}
	if ((row = thread_row()) == NULL) {
		parts_free(&p);
		free(pg.v);
		return CS_ENOMEM;
	}
	cs_buf_init(&tmp, 1 << 20);
	for (size_t i = 0; i < pg.n; i++) {
		if (i > 0)
			cs_buf_adds(&rs->body, ",");
		dev_json(&rs->body, &tmp, row, &pg.v[i], &p);
		*last_id = pg.v[i].id;
	}
	cs_buf_free(&tmp);
	parts_free(&p);
	free(pg.v);
	return 0;
}

static int
api_devices(struct cs_serve_req *rq, struct cs_serve_resp *rs)
{
	char sql[8192] = "SELECT " DEV_COLS DEV_FROM " WHERE 1=1";
	struct qp q = {0};
	unsigned limit;
	int64_t after, last = 0;
	bool have_after;
	const char *site = cs_serve_arg(rq, "site");
	size_t n;
	int rc;

	if (!page_args(rq, rs, "dev", &limit, &after, &have_after))
		return 0;
	if (have_after)
		cs_strcatf(sql, sizeof(sql), " AND d.id > $%d",
			   qp_i64(&q, after));
	qp_scope(&q, rq, "d.site", sql, sizeof(sql));
	if (site != NULL)
		cs_strcatf(sql, sizeof(sql), " AND d.site = $%d",
			   qp_add(&q, site));
	cs_strcatf(sql, sizeof(sql), " ORDER BY d.id LIMIT %u", limit + 1);
	cs_buf_adds(&rs->body, "{\"items\":[");
	if ((rc = dev_emit(rq, rs, sql, &q, limit, &n, &last)) != 0)
		return rc;
	page_end(rs, "dev", n > limit, last);
	return 0;
}

static int
api_device(struct cs_serve_req *rq, struct cs_serve_resp *rs)
{
	char sql[8192] = "SELECT " DEV_COLS DEV_FROM " WHERE ";
	struct qp q = {0};
	int64_t id, last = 0;
	size_t n;
	int rc;

	if (parse_id(rq->param[0], &id) != 0) {
		cs_serve_json_error(rs, 404, "not found");
		return 0;
	}
	cs_strcatf(sql, sizeof(sql), "d.id = $%d", qp_i64(&q, id));
	qp_scope(&q, rq, "d.site", sql, sizeof(sql));
	if ((rc = dev_emit(rq, rs, sql, &q, 1, &n, &last)) != 0)
		return rc;
	if (n == 0) {
		cs_serve_json_error(rs, 404, "not found");
		return 0;
	}
	cs_serve_json(rs, 200);
	return 0;
}

/* ---------------------------------------------------------------------- */
/* Findings and the plan. */

struct fpage {
	struct cs_serve_resp *rs;
	size_t n, max;
	int64_t last;
	struct cs_finding_row *first; /* the first, when asked */
};

static int
finding_row(void *arg, const struct cs_finding_row *f)
{
	struct fpage *p = arg;
	json_object *o;

	p->n++;
	if (p->n > p->max)
		return 0;
	if (p->first != NULL && p->n == 1)
		*p->first = *f;
	if (p->n > 1)
		cs_buf_adds(&p->rs->body, ",");
	o = cs_cli_finding_json(f);
	cs_out_json_value(&p->rs->body, o);
	json_object_put(o);
	p->last = f->id;
	return 0;
}

#define ACTIVE_SQL "status IN ('open', 'planned', 'done', 'risk-accepted')"

static int
findings_list(struct cs_serve_req *rq, struct cs_serve_resp *rs,
	      const char *kind, bool active)
{
	char tail[8192] = "WHERE 1=1";
	struct qp q = {0};
	struct fpage p = {rs, 0, 0, 0, NULL};
	unsigned limit;
	int64_t after;
	bool have_after;
	const char *status = cs_serve_arg(rq, "status");
	const char *site = cs_serve_arg(rq, "site");
	int rc;

	if (!page_args(rq, rs, kind, &limit, &after, &have_after))
		return 0;
	if (have_after)
		cs_strcatf(tail, sizeof(tail), " AND id > $%d",
			   qp_i64(&q, after));
	qp_scope(&q, rq, "site", tail, sizeof(tail));
	if (active)
		cs_strcatf(tail, sizeof(tail), " AND " ACTIVE_SQL);
	if (status != NULL)
		cs_strcatf(tail, sizeof(tail), " AND status = $%d",
			   qp_add(&q, status));
	if (site != NULL)
		cs_strcatf(tail, sizeof(tail), " AND site = $%d",
			   qp_add(&q, site));
	cs_strcatf(tail, sizeof(tail), " ORDER BY id LIMIT %u", limit + 1);
	p.max = limit;
	cs_buf_adds(&rs->body, "{\"items\":[");
	rc =
	    cs_store_query_findings(rq->store, tail, q.v, q.n, finding_row, &p);
	if (rc != 0)
		return rc;
	page_end(rs, kind, p.n > limit, p.last);
	return 0;
}

static int
api_findings(struct cs_serve_req *rq, struct cs_serve_resp *rs)
{
	return findings_list(rq, rs, "fnd", false);
}

static int
api_plan(struct cs_serve_req *rq, struct cs_serve_resp *rs)
{
	return findings_list(rq, rs, "plan", true);
}

/* Finding rq->param[0] in scope, written to rs->body (and *out): 0 with
 * *found, or CS_E*. */
static int
finding_one(struct cs_serve_req *rq, struct cs_serve_resp *rs,
	    struct cs_finding_row *out, bool *found)
{
	char tail[8192] = "WHERE ";
	struct qp q = {0};
	struct fpage p = {rs, 0, 1, 0, out};
	int64_t id;
	int rc;

	*found = false;
	if (parse_id(rq->param[0], &id) != 0)
		return 0;
	cs_strcatf(tail, sizeof(tail), "id = $%d", qp_i64(&q, id));
	qp_scope(&q, rq, "site", tail, sizeof(tail));
	rc =
	    cs_store_query_findings(rq->store, tail, q.v, q.n, finding_row, &p);
	*found = rc == 0 && p.n == 1;
	return rc;
}

static int
api_finding(struct cs_serve_req *rq, struct cs_serve_resp *rs)
{
	struct cs_finding_row *f = cs_xcalloc(1, sizeof(*f));
	bool found;
	int rc = finding_one(rq, rs, f, &found);

	free(f);
	if (rc != 0)
		return rc;
	if (!found)
		cs_serve_json_error(rs, 404, "not found");
	else
		cs_serve_json(rs, 200);
	return 0;
}

/* PATCH /api/v1/plan/{id}: {"owner", "due", "status", "until", "note"}. */
static int
api_plan_patch(struct cs_serve_req *rq, struct cs_serve_resp *rs)
{
	static const char *const keys[] = {"owner", "due", "status", "until",
					   "note"};
	const char *vals[CS_NELEM(keys)] = {0};
	struct cs_finding_row *before = NULL, *after = NULL;
	struct cs_finding_plan p;
	struct json_tokener *tk;
	json_object *o = NULL, *jo;
	struct cs_buf bj, aj;
	char target[48];
	bool found;
	int rc = 0, n = 0;

	cs_buf_init(&bj, 1 << 20);
	cs_buf_init(&aj, 1 << 20);
	tk = json_tokener_new_ex(8);
	if (tk != NULL)
		o = json_tokener_parse_ex(tk, rq->body, (int)rq->body_len);
	if (o == NULL || tk == NULL ||
	    json_tokener_get_error(tk) != json_tokener_success ||
	    !json_object_is_type(o, json_type_object)) {
		cs_serve_json_error(rs, 400, "the body must be a JSON object");
		goto out;
	}
	json_object_object_foreach(o, k, v)
	{
		size_t i;
		for (i = 0; i < CS_NELEM(keys); i++)
			if (strcmp(k, keys[i]) == 0)
				break;
		if (i == CS_NELEM(keys) ||
		    !json_object_is_type(v, json_type_string) ||
		    json_object_get_string_len(v) > 255) {
			cs_serve_json_error(rs, 400,
					    "only owner, due, status, until "
					    "and note, as strings");
			goto out;
		}
		vals[i] = json_object_get_string(v);
		n++;
	}
	if (n == 0) {
		cs_serve_json_error(rs, 400, "nothing to change");
		goto out;
	}
	before = cs_xcalloc(1, sizeof(*before));
	after = cs_xcalloc(1, sizeof(*after));
	/* in scope, read under the user's role: else 404 */
	if ((rc = finding_one(rq, rs, before, &found)) != 0)
		goto out;
	cs_buf_reset(&rs->body);
	if (!found) {
		cs_serve_json_error(rs, 404, "not found");
		goto out;
	}
	jo = cs_cli_finding_json(before);
	cs_out_json_value(&bj, jo);
	json_object_put(jo);
	if ((rc = cs_serve_elevate(rq)) != 0)
		goto out;
	p.owner = vals[0];
	p.due = vals[1];
	p.status = vals[2];
	p.until = vals[3];
	p.note = vals[4];
	rc = cs_audit_plan_set(rq->store, before->id, &p, (int64_t)time(NULL),
			       after);
	if (rc == CS_EINVAL) {
		rc = 0;
		cs_serve_json_error(rs, 400,
				    "bad status or date (status: open, "
				    "planned, done, risk-accepted with until; "
				    "dates YYYY-MM-DD)");
		goto out;
	}
	if (rc == CS_ENOTFOUND) {
		rc = 0;
		cs_serve_json_error(rs, 404, "not found");
		goto out;
	}
	if (rc != 0)
		goto out;
	jo = cs_cli_finding_json(after);
	cs_out_json_value(&aj, jo);
	json_object_put(jo);
	snprintf(target, sizeof(target), "finding:%" PRId64, before->id);
	if ((rc = cs_serve_audit(rq, "plan.set", target,
				 bj.p ? (const char *)bj.p : "",
				 aj.p ? (const char *)aj.p : "")) != 0)
		goto out;
	cs_buf_add(&rs->body, aj.p, aj.len);
	cs_serve_json(rs, 200);
	rs->etag = false;
out:
	if (o != NULL)
		json_object_put(o);
	if (tk != NULL)
		json_tokener_free(tk);
	free(before);
	free(after);
	cs_buf_free(&bj);
	cs_buf_free(&aj);
	return rc;
}

/* ---------------------------------------------------------------------- */
/* Scans. */

struct spage {
	struct cs_serve_resp *rs;
	size_t n, max;
	int64_t last;
};

static int
scan_row(void *arg, int ncol, const char *const *val)
{
	struct spage *p = arg;
	struct cs_scan_state *st;
	json_object *o;

	if (ncol != 11)
		return CS_EIO;
	p->n++;
	if (p->n > p->max)
		return 0;
	if (p->n > 1)
		cs_buf_adds(&p->rs->body, ",");
	/* the shape of `camsweep scans --json`, by its own writer */
	st = cs_xcalloc(1, sizeof(*st));
	st->started = v_i64(val[1]);
	st->ended = v_i64(val[2]);
	cs_strlcpy(st->status, v_str(val[3]), sizeof(st->status));
	st->total_targets = (uint64_t)v_i64(val[4]);
	st->hosts_done = (uint64_t)v_i64(val[5]);
	cs_strlcpy(st->ports, v_str(val[6]), sizeof(st->ports));
	cs_strlcpy(st->scope, v_str(val[7]), sizeof(st->scope));
	cs_strlcpy(st->exclusions, v_str(val[8]), sizeof(st->exclusions));
	cs_strlcpy(st->vantage, v_str(val[9]), sizeof(st->vantage));
	cs_strlcpy(st->site, v_str(val[10]), sizeof(st->site));
	o = cs_cli_scan_json(v_i64(val[0]), st);
	cs_out_json_value(&p->rs->body, o);
	json_object_put(o);
	free(st);
	p->last = v_i64(val[0]);
	return 0;
}

#define SCAN_SQL                                                               \
	"SELECT id, started, ended, status, total_targets, hosts_done, "       \
	"ports, scope, exclusions, vantage, site FROM scan WHERE "

/* A scan's scope condition: a central scan (site "") shows its record to
 * every user (its devices stay scoped); a site's scan to that site's. */
static void
scan_scope(struct qp *q, struct cs_serve_req *rq, char *sql, size_t sz)
{
	char clause[2048];

	cs_serve_scope_sql(rq, "site", q->v, &q->n,
			   CS_STORE_QUERY_MAX_PARAMS - 4, clause,
			   sizeof(clause));
	cs_strcatf(sql, sz, " AND (site = '' OR %s)", clause);
}

static int
api_scans(struct cs_serve_req *rq, struct cs_serve_resp *rs)
{
	char sql[8192] = SCAN_SQL "1=1";
	struct qp q = {0};
	struct spage p = {rs, 0, 0, 0};
	unsigned limit;
	int64_t after;
	bool have_after;
	int rc;

	if (!page_args(rq, rs, "scan", &limit, &after, &have_after))
		return 0;
	if (have_after)
		cs_strcatf(sql, sizeof(sql), " AND id < $%d",
			   qp_i64(&q, after));
	scan_scope(&q, rq, sql, sizeof(sql));
	cs_strcatf(sql, sizeof(sql), " ORDER BY id DESC LIMIT %u", limit + 1);
	p.max = limit;
	cs_buf_adds(&rs->body, "{\"items\":[");
	if ((rc = cs_store_query(rq->store, sql, q.v, q.n, scan_row, &p)) != 0)
		return rc;
	page_end(rs, "scan", p.n > limit, p.last);
	return 0;
}

/* Whether scan id is visible to rq's user, writing it to rs->body when
 * body. */
static int
scan_one(struct cs_serve_req *rq, struct cs_serve_resp *rs, int64_t id,
	 bool *found)
{
	char sql[8192] = SCAN_SQL;
	struct qp q = {0};
	struct spage p = {rs, 0, 1, 0};
	int rc;

	cs_strcatf(sql, sizeof(sql), "id = $%d", qp_i64(&q, id));
	scan_scope(&q, rq, sql, sizeof(sql));
	rc = cs_store_query(rq->store, sql, q.v, q.n, scan_row, &p);
	*found = rc == 0 && p.n == 1;
	return rc;
}

static int
api_scan(struct cs_serve_req *rq, struct cs_serve_resp *rs)
{
	int64_t id;
	bool found = false;
	int rc;

	if (parse_id(rq->param[0], &id) == 0 &&
	    (rc = scan_one(rq, rs, id, &found)) != 0)
		return rc;
	if (!found)
		cs_serve_json_error(rs, 404, "not found");
	else
		cs_serve_json(rs, 200);
	return 0;
}

/* ---------------------------------------------------------------------- */
/* Diff. */

struct dctx {
	struct cs_serve_req *rq;
	struct cs_buf *b;
	size_t n;
	size_t count[4];
};

static void
diff_change(void *arg, enum cs_audit_change what, const struct cs_audit_dev *a,
	    const struct cs_audit_dev *b, const char *detail)
{
	struct dctx *d = arg;
	const struct cs_audit_dev *x = b != NULL ? b : a;
	json_object *o;

	/* a device outside the user's scope is not there for them */
	if (x == NULL || !cs_serve_site_visible(d->rq, x->site))
		return;
	if (a != NULL && !cs_serve_site_visible(d->rq, a->site))
		return;
	if ((unsigned)what < 4)
		d->count[what]++;
	if (d->n++ > 0)
		cs_buf_adds(d->b, ",");
	/* the shape of `camsweep diff --json`, by its own writer */
	o = cs_cli_diff_json((int)what, a, b, detail);
	cs_out_json_value(d->b, o);
	json_object_put(o);
}

static int
api_diff(struct cs_serve_req *rq, struct cs_serve_resp *rs)
{
	struct cs_audit_diff_result res;
	struct dctx d;
	int64_t from, to;
	bool fa = false, fb = false;
	int rc;

	if (parse_id(cs_serve_arg(rq, "from"), &from) != 0 ||
	    parse_id(cs_serve_arg(rq, "to"), &to) != 0) {
		cs_serve_json_error(rs, 400, "from and to must be scan ids");
		return 0;
	}
	rc = scan_one(rq, rs, from, &fa);
	if (rc == 0)
		rc = scan_one(rq, rs, to, &fb);
	cs_buf_reset(&rs->body);
	if (rc != 0)
		return rc;
	if (!fa || !fb) {
		cs_serve_json_error(rs, 404, "not found");
		return 0;
	}
	/* the diff reads through the store's own calls, which commit: the
	 * scope is applied to each change instead (cs_serve_site_visible) */
	if ((rc = cs_serve_elevate(rq)) != 0)
		return rc;
	memset(&d, 0, sizeof(d));
	d.rq = rq;
	d.b = &rs->body;
	cs_buf_printf(&rs->body,
		      "{\"from\":%" PRId64 ",\"to\":%" PRId64 ",\"changes\":[",
		      from, to);
	rc = cs_audit_diff(rq->store, from, to, diff_change, &d, &res);
	if (rc == CS_ENOTFOUND) {
		cs_serve_json_error(rs, 404, "not found");
		return 0;
	}
	if (rc != 0)
		return rc;
	cs_buf_printf(&rs->body,
		      "],\"counts\":{\"new\":%zu,\"gone\":%zu,\"moved\":%zu,"
		      "\"changed\":%zu}}",
		      d.count[CS_AUDIT_NEW], d.count[CS_AUDIT_GONE],
		      d.count[CS_AUDIT_MOVED], d.count[CS_AUDIT_CHANGED]);
	cs_serve_json(rs, 200);
	return 0;
}

/* ---------------------------------------------------------------------- */
/* Login, logout, who am I. */

static int
api_login(struct cs_serve_req *rq, struct cs_serve_resp *rs)
{
	struct json_tokener *tk = json_tokener_new_ex(4);
	json_object *o = NULL, *u, *pw;
	char token[65], csrf[65];
	int rc = 0;

	if (tk != NULL)
		o = json_tokener_parse_ex(tk, rq->body, (int)rq->body_len);
	if (o == NULL || json_tokener_get_error(tk) != json_tokener_success ||
	    !json_object_is_type(o, json_type_object) ||
	    !json_object_object_get_ex(o, "user", &u) ||
	    !json_object_object_get_ex(o, "password", &pw) ||
	    !json_object_is_type(u, json_type_string) ||
	    !json_object_is_type(pw, json_type_string) ||
	    json_object_get_string_len(u) > 64 ||
	    json_object_get_string_len(pw) > CS_SERVE_PW_MAX) {
		cs_serve_json_error(rs, 400,
				    "the body must be {\"user\": ..., "
				    "\"password\": ...}");
		goto out;
	}
	rc = cs_serve_login(rq, json_object_get_string(u),
			    json_object_get_string(pw), "api", token, csrf);
	if (rc == CS_ELIMIT) {
		rc = 0;
		cs_serve_json_error(rs, 429, "too many failed logins; wait");
		cs_serve_header_add(rs, "Retry-After", "300");
		goto out;
	}
	if (rc == CS_ENOTFOUND) {
		rc = 0;
		cs_serve_json_error(rs, 401, "bad user name or password");
		goto out;
	}
	if (rc != 0)
		goto out;
	cs_buf_printf(&rs->body, "{\"token\":\"%s\",\"expires_in\":%d}", token,
		      CS_SERVE_TOKEN_TTL);
	explicit_bzero(token, sizeof(token));
	cs_serve_json(rs, 200);
	rs->etag = false;
out:
	if (o != NULL)
		json_object_put(o);
	if (tk != NULL)
		json_tokener_free(tk);
	return rc;
}

static int
api_logout(struct cs_serve_req *rq, struct cs_serve_resp *rs)
{
	char tok[129];
	int rc;

	if (cs_serve_bearer(cs_serve_req_header(rq, "Authorization"), tok) != 0)
		return CS_EINVAL;
	rc = cs_serve_logout(rq, tok);
	explicit_bzero(tok, sizeof(tok));
	if (rc != 0 && rc != CS_ENOTFOUND)
		return rc;
	cs_buf_adds(&rs->body, "{\"ok\":true}");
	cs_serve_json(rs, 200);
	rs->etag = false;
	return 0;
}

static int
api_me(struct cs_serve_req *rq, struct cs_serve_resp *rs)
{
	const struct cs_serve_user *u = rq->user;
	char **sites;
	size_t n;

	cs_buf_adds(&rs->body, "{\"user\":");
	cs_esc_json(&rs->body, u->name, strlen(u->name));
	cs_buf_printf(&rs->body,
		      ",\"admin\":%s,\"sites\":", u->admin ? "true" : "false");
	n = cs_serve_req_sites(rq, &sites);
	if (u->admin) {
		cs_buf_adds(&rs->body, "null");
	} else {
		cs_buf_adds(&rs->body, "[");
		for (size_t i = 0; i < n; i++) {
			if (i > 0)
				cs_buf_adds(&rs->body, ",");
			cs_esc_json(&rs->body, sites[i], strlen(sites[i]));
		}
		cs_buf_adds(&rs->body, "]");
	}
	cs_buf_printf(&rs->body, ",\"expires\":%" PRId64 "}", u->expires);
	cs_serve_json(rs, 200);
	return 0;
}

static const struct cs_serve_route api_routes[] = {
    {CS_SERVE_POST, "/api/v1/login", CS_SERVE_PUBLIC, api_login,
     "log in: {user, password} -> {token}", 0},
    {CS_SERVE_POST, "/api/v1/logout", CS_SERVE_API, api_logout,
     "end this token's session", 0},
    {CS_SERVE_GET, "/api/v1/me", CS_SERVE_API, api_me,
     "the caller and its scope", 0},
    {CS_SERVE_GET, "/api/v1/devices", CS_SERVE_API, api_devices,
     "devices in scope, a page at a time", CS_SERVE_CACHE},
    {CS_SERVE_GET, "/api/v1/devices/{id}", CS_SERVE_API, api_device,
     "one device", CS_SERVE_CACHE},
    {CS_SERVE_GET, "/api/v1/findings", CS_SERVE_API, api_findings,
     "findings in scope, a page at a time", CS_SERVE_CACHE},
    {CS_SERVE_GET, "/api/v1/findings/{id}", CS_SERVE_API, api_finding,
     "one finding", CS_SERVE_CACHE},
    {CS_SERVE_GET, "/api/v1/plan", CS_SERVE_API, api_plan,
     "the plan: active findings with owner, due date and status",
     CS_SERVE_CACHE},
    {CS_SERVE_GET, "/api/v1/plan/{id}", CS_SERVE_API, api_finding,
     "one plan item", CS_SERVE_CACHE},
    {CS_SERVE_PATCH, "/api/v1/plan/{id}", CS_SERVE_API, api_plan_patch,
     "change a plan item's owner, due date, status, until or note", 0},
    {CS_SERVE_GET, "/api/v1/scans", CS_SERVE_API, api_scans,
     "scans, newest first", CS_SERVE_CACHE},
    {CS_SERVE_GET, "/api/v1/scans/{id}", CS_SERVE_API, api_scan, "one scan",
     CS_SERVE_CACHE},
    {CS_SERVE_GET, "/api/v1/diff", CS_SERVE_API, api_diff,
     "what changed between two scans (?from=&to=)", CS_SERVE_CACHE},
};

const struct cs_serve_route *
cs_serve_api_routes(size_t *n)
{
	*n = CS_NELEM(api_routes);
	return api_routes;
}
