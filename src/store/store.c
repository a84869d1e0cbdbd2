/* SPDX-License-Identifier: ISC */
/*
 * Backend-neutral front end of the inventory store: picks the backend
 * from the path's scheme, validates arguments, canonicalises IPs and
 * forwards to the backend's ops.  No SQL here.
 */
#include "store/store.h"

#include <arpa/inet.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/addr.h"
#include "core/alloc.h"
#include "core/str.h"
#include "core/text.h"
#include "store/store_backend.h"
#include "core/poison.h"

void
cs_store_set_err(struct cs_store *s, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(s->errmsg, sizeof(s->errmsg), fmt, ap);
	va_end(ap);
}

static void
set_out_err(char *err, size_t errsz, const char *msg)
{
	if (err != NULL && errsz > 0)
		cs_strlcpy(err, msg, errsz);
}

/* The PostgreSQL backend (store_pg.c); its open op takes the whole URI. */
extern const struct cs_store_ops cs_store_pg_ops;

static const struct cs_store_ops *const backends[] = {
    &cs_store_sqlite_ops,
};

/* True for a "postgresql://" or "postgres://" URI (libpq's schemes). */
static bool
is_pg_uri(const char *path)
{
	return strncmp(path, "postgresql://", 13) == 0 ||
	       strncmp(path, "postgres://", 11) == 0;
}

struct cs_store *
cs_store_open(const char *path, char *err, size_t errsz)
{
	const struct cs_store_ops *ops = NULL;
	const char *target = path;
	struct cs_store *s;
	const char *colon;

	set_out_err(err, errsz, "");
	if (path == NULL || *path == '\0') {
		set_out_err(err, errsz, "no inventory path given");
		return NULL;
	}
	/* A PostgreSQL URI selects that backend, which gets it whole. */
	if (is_pg_uri(path))
		ops = &cs_store_pg_ops;
	/* "scheme:rest" selects a backend; a plain path means SQLite. */
	colon = strchr(path, ':');
	if (ops == NULL && colon != NULL && colon != path &&
	    strcmp(path, ":memory:") != 0) {
		size_t n = (size_t)(colon - path);
		for (size_t i = 0; i < CS_NELEM(backends); i++)
			if (strlen(backends[i]->scheme) == n &&
			    memcmp(backends[i]->scheme, path, n) == 0)
				ops = backends[i];
		if (ops != NULL)
			target = colon + 1;
		else if ((n == 10 && memcmp(path, "postgresql", n) == 0) ||
			 (n == 8 && memcmp(path, "postgres", n) == 0)) {
			set_out_err(err, errsz,
				    "a PostgreSQL inventory is named by a "
				    "postgresql://... URI");
			return NULL;
		}
	}
	if (ops == NULL)
		ops = &cs_store_sqlite_ops;
	if (*target == '\0') {
		set_out_err(err, errsz, "no inventory path given");
		return NULL;
	}
	s = cs_xcalloc(1, sizeof(*s));
	s->ops = ops;
	if (ops->open(s, target, err, errsz) != 0) {
		free(s);
		return NULL;
	}
	return s;
}

void
cs_store_close(struct cs_store *s)
{
	if (s == NULL)
		return;
	s->ops->close(s);
	free(s);
}

int
cs_store_schema_version(struct cs_store *s)
{
	if (s == NULL)
		return CS_EINVAL;
	return s->ops->schema_version(s);
}

int
cs_store_schema_latest(void)
{
	return CS_STORE_SCHEMA_LATEST;
}

const char *
cs_store_errmsg(struct cs_store *s)
{
	return s != NULL ? s->errmsg : "";
}

/* Substitutes "" for NULL strings so that backends see complete info. */
static void
info_fill(struct cs_scan_info *dst, const struct cs_scan_info *src)
{
	*dst = *src;
	if (dst->scope == NULL)
		dst->scope = "";
	if (dst->exclusions == NULL)
		dst->exclusions = "";
	if (dst->ports == NULL)
		dst->ports = "";
	if (dst->options == NULL)
		dst->options = "";
	if (dst->vantage == NULL)
		dst->vantage = "";
	if (dst->version == NULL)
		dst->version = "";
	if (dst->site == NULL)
		dst->site = "";
}

int
cs_store_scan_begin(struct cs_store *s, const struct cs_scan_info *info,
		    int64_t *scan_id)
{
	struct cs_scan_info in;

	if (s == NULL || info == NULL || scan_id == NULL ||
	    info->total_targets > INT64_MAX)
		return CS_EINVAL;
	info_fill(&in, info);
	if (strnlen(in.site, 64) >= 64) {
		cs_store_set_err(s, "scan_begin: site name too long");
		return CS_EINVAL;
	}
	return s->ops->scan_begin(s, &in, scan_id);
}

int
cs_store_scan_find_resumable(struct cs_store *s,
			     const struct cs_scan_info *info, int64_t *scan_id,
			     uint64_t *watermark)
{
	struct cs_scan_info in;

	if (s == NULL || info == NULL || scan_id == NULL || watermark == NULL)
		return CS_EINVAL;
	info_fill(&in, info);
	return s->ops->scan_find_resumable(s, &in, scan_id, watermark);
}

int
cs_store_scan_find(struct cs_store *s, const struct cs_scan_info *info,
		   int64_t *scan_id, char status[16])
{
	struct cs_scan_info in;

	if (s == NULL || info == NULL || scan_id == NULL || status == NULL)
		return CS_EINVAL;
	info_fill(&in, info);
	status[0] = '\0';
	return s->ops->scan_find(s, &in, scan_id, status);
}

int
cs_store_scan_delivered(struct cs_store *s, int64_t scan_id,
			int64_t central_id)
{
	if (s == NULL || central_id == 0)
		return CS_EINVAL;
	return s->ops->scan_delivered(s, scan_id, central_id);
}

int
cs_store_scan_resume(struct cs_store *s, int64_t scan_id, int64_t now)
{
	if (s == NULL)
		return CS_EINVAL;
	return s->ops->scan_resume(s, scan_id, now);
}

/*
 * Parses and canonicalises IP text (bounded, NUL-terminated).  IPv4 goes
 * through core's parser, which with CS_IPV4_NO_LEADING_ZERO accepts what
 * inet_pton does (tests/unit/test_addr.c); IPv6 through inet_pton.
 */
static int
ip_parse(const char *text, struct cs_store_ip *ip)
{
	unsigned char a[16];
	uint32_t v4;

	memset(ip, 0, sizeof(*ip));
	if (text == NULL || strnlen(text, sizeof(ip->text)) >= sizeof(ip->text))
		return CS_EINVAL;
	if (cs_ipv4_parse(cs_span_make(text, strlen(text)),
			  CS_IPV4_NO_LEADING_ZERO, &v4) == 0) {
		ip->v4 = true;
		ip->num = (int64_t)v4;
		snprintf(ip->text, sizeof(ip->text), "%u.%u.%u.%u", v4 >> 24,
			 (v4 >> 16) & 0xffu, (v4 >> 8) & 0xffu, v4 & 0xffu);
		return 0;
	}
	if (inet_pton(AF_INET6, text, a) == 1) {
		if (inet_ntop(AF_INET6, a, ip->text, sizeof(ip->text)) == NULL)
			return CS_EINVAL;
		return 0;
	}
	return CS_EINVAL;
}

/* The family (4, 6; 0: neither) and bytes of an address text of n bytes. */
static int
ip_bytes(const char *t, size_t n, unsigned char out[16])
{
	char buf[64];

	if (n >= sizeof(buf))
		return 0;
	memcpy(buf, t, n);
	buf[n] = '\0';
	if (inet_pton(AF_INET, buf, out) == 1)
		return 4;
	if (inet_pton(AF_INET6, buf, out) == 1)
		return 6;
	return 0;
}

int
cs_store_ip_cmp(const char *a, size_t na, const char *b, size_t nb)
{
	unsigned char x[16], y[16];
	int fa = ip_bytes(a, na, x), fb = ip_bytes(b, nb, y), c;

	if (fa != fb) /* IPv4 first, then IPv6, then anything else */
		return fa == 0 ? 1 : fb == 0 ? -1 : fa - fb;
	if (fa != 0)
		return memcmp(x, y, fa == 4 ? 4 : 16);
	c = memcmp(a, b, na < nb ? na : nb);
	return c != 0 ? c : (na > nb) - (na < nb);
}

void
cs_store_device_key(const char *mac, const char *serial, const char *ip,
		    char *out, size_t outsz)
{
	const char *pfx = "ip:", *v = ip != NULL ? ip : "";

	if (outsz == 0)
		return;
	if (mac != NULL && *mac != '\0') {
		pfx = "mac:";
		v = mac;
	} else if (serial != NULL && *serial != '\0') {
		pfx = "serial:";
		v = serial;
	}
	snprintf(out, outsz, "%s%s", pfx, v);
	if (strcmp(pfx, "mac:") == 0)
		for (char *p = out; *p != '\0'; p++)
			if (*p >= 'A' && *p <= 'Z')
				*p = (char)(*p - 'A' + 'a');
}

/* Copies the first non-empty observation whose key is k or ends in ".k"
 * ("onvif.serial", "upnp.serial", ...). */
static void
obs_suffix(const struct cs_obs_list *l, const char *k, char *out, size_t outsz)
{
	size_t kl = strlen(k);

	out[0] = '\0';
	for (size_t i = 0; l != NULL && i < l->n; i++) {
		const struct cs_obs *o = &l->v[i];
		size_t n = strnlen(o->key, sizeof(o->key));
		if (o->len == 0 || n < kl || memcmp(o->key + n - kl, k, kl) ||
		    (n > kl && o->key[n - kl - 1] != '.'))
			continue;
		cs_span_copy(out, outsz, cs_span_make(o->val, o->len));
		return;
	}
}

/*
 * The device identity of a host (schema v4): its MAC and serial, the key
 * they make, and the keys an earlier device at the same address may have
 * carried before this sighting brought the MAC or serial.
 */
static void
host_ident(const struct cs_host_result *h, struct cs_store_host *sh)
{
	const struct cs_obs *o;

	sh->mac[0] = '\0';
	if (h->mac != NULL && h->mac[0] != '\0')
		cs_strlcpy(sh->mac, h->mac, sizeof(sh->mac));
	else if (h->obs != NULL && (o = cs_obs_find(h->obs, "mac", 0)) != NULL)
		cs_span_copy(sh->mac, sizeof(sh->mac),
			     cs_span_make(o->val, o->len));
	if (h->serial != NULL && h->serial[0] != '\0')
		cs_strlcpy(sh->serial, h->serial, sizeof(sh->serial));
	else
		obs_suffix(h->obs, "serial", sh->serial, sizeof(sh->serial));
	cs_store_device_key(sh->mac, sh->serial, sh->ip.text, sh->key,
			    sizeof(sh->key));
	sh->adopt[0][0] = sh->adopt[1][0] = '\0';
	if (sh->mac[0] != '\0' || sh->serial[0] != '\0')
		cs_store_device_key(NULL, NULL, sh->ip.text, sh->adopt[0],
				    sizeof(sh->adopt[0]));
	if (sh->mac[0] != '\0' && sh->serial[0] != '\0')
		cs_store_device_key(NULL, sh->serial, NULL, sh->adopt[1],
				    sizeof(sh->adopt[1]));
}

int
cs_store_put_host(struct cs_store *s, int64_t scan_id,
		  const struct cs_host_result *h)
{
	static const struct cs_identity unknown; /* all zero: unknown */
	struct cs_store_host sh;
	int rc;

	if (s == NULL || h == NULL || (h->nports > 0 && h->ports == NULL))
		return CS_EINVAL;
	memset(&sh, 0, sizeof(sh));
	if ((rc = ip_parse(h->ip, &sh.ip)) != 0) {
		cs_store_set_err(s, "put_host: invalid IP address");
		return rc;
	}
	sh.ports = h->ports;
	sh.nports = h->nports;
	sh.obs = h->obs;
	sh.id = h->id != NULL ? h->id : &unknown;
	sh.seen_at = h->seen_at;
	sh.att = h->natt ? h->att : NULL;
	sh.natt = h->att ? CS_MIN(h->natt, (size_t)CS_STORE_MAX_ATTACH) : 0;
	if (h->site != NULL && strnlen(h->site, 64) >= 64) {
		cs_store_set_err(s, "put_host: site name too long");
		return CS_EINVAL;
	}
	sh.site = h->site != NULL ? h->site : "";
	host_ident(h, &sh);
	return s->ops->put_host(s, scan_id, &sh);
}

int
cs_store_checkpoint(struct cs_store *s, int64_t scan_id, uint64_t watermark,
		    uint64_t hosts_done)
{
	if (s == NULL || watermark > INT64_MAX || hosts_done > INT64_MAX)
		return CS_EINVAL;
	return s->ops->checkpoint(s, scan_id, (int64_t)watermark,
				  (int64_t)hosts_done);
}

int
cs_store_scan_end(struct cs_store *s, int64_t scan_id, const char *status,
		  int64_t ended)
{
	if (s == NULL || status == NULL ||
	    (strcmp(status, "complete") != 0 &&
	     strcmp(status, "interrupted") != 0 &&
	     strcmp(status, "incomplete") != 0))
		return CS_EINVAL;
	return s->ops->scan_end(s, scan_id, status, ended);
}

int
cs_store_latest_scan(struct cs_store *s, int64_t *scan_id)
{
	if (s == NULL || scan_id == NULL)
		return CS_EINVAL;
	return s->ops->latest_scan(s, scan_id);
}

int
cs_store_scan_get(struct cs_store *s, int64_t scan_id, struct cs_scan_state *st)
{
	if (s == NULL || st == NULL)
		return CS_EINVAL;
	memset(st, 0, sizeof(*st));
	return s->ops->scan_get(s, scan_id, st);
}

int
cs_store_each_device(struct cs_store *s, int64_t scan_id, cs_store_device_cb cb,
		     void *arg)
{
	if (s == NULL || cb == NULL)
		return CS_EINVAL;
	return s->ops->each_device(s, scan_id, CS_DEV_ALL, cb, arg);
}

int
cs_store_each_device_parts(struct cs_store *s, int64_t scan_id, unsigned parts,
			   cs_store_device_cb cb, void *arg)
{
	if (s == NULL || cb == NULL || (parts & ~CS_DEV_ALL) != 0)
		return CS_EINVAL;
	return s->ops->each_device(s, scan_id, parts, cb, arg);
}

int
cs_store_each_observation(struct cs_store *s, int64_t scan_id, const char *ip,
			  cs_store_obs_cb cb, void *arg)
{
	struct cs_store_ip sip;

	if (s == NULL || cb == NULL || ip_parse(ip, &sip) != 0)
		return CS_EINVAL;
	return s->ops->each_observation(s, scan_id, &sip, cb, arg);
}

/* 0 when the list of an observation read is one the backends take. */
static int
sightings_ok(const int64_t *sightings, size_t n)
{
	if ((n > 0 && sightings == NULL) || n > CS_STORE_OBS_OF_MAX)
		return CS_EINVAL;
	for (size_t i = 0; i < n; i++)
		if (sightings[i] <= 0)
			return CS_EINVAL;
	return 0;
}

int
cs_store_each_observation_of(struct cs_store *s, const int64_t *sightings,
			     size_t n, cs_store_obs_of_cb cb, void *arg)
{
	int rc;

	if (s == NULL || cb == NULL)
		return CS_EINVAL;
	if ((rc = sightings_ok(sightings, n)) != 0 || n == 0)
		return rc;
	return s->ops->each_observation_of(s, sightings, n, cb, arg);
}

void
cs_store_poll_ahead(struct cs_store *s)
{
	if (s != NULL && s->ops->poll_ahead != NULL)
		s->ops->poll_ahead(s);
}

int
cs_store_prefetch_observations_of(struct cs_store *s,
				  const int64_t *sightings, size_t n)
{
	int rc;

	if (s == NULL)
		return CS_EINVAL;
	if ((rc = sightings_ok(sightings, n)) != 0 || n == 0 ||
	    s->ops->prefetch_observations_of == NULL)
		return rc;
	return s->ops->prefetch_observations_of(s, sightings, n);
}

int
cs_store_integrity_check(struct cs_store *s, char *err, size_t errsz)
{
	set_out_err(err, errsz, "");
	if (s == NULL)
		return CS_EINVAL;
	return s->ops->integrity_check(s, err, errsz);
}

/* ---------------------------------------------------------------------- */
/* Findings, plan and reach (schema v3). */

static const char *const sev_names[] = {"info", "low", "medium", "high",
					"critical"};

const char *
cs_severity_name(enum cs_severity v)
{
	if ((unsigned)v >= CS_NELEM(sev_names))
		return "info";
	return sev_names[v];
}

int
cs_severity_parse(const char *s, enum cs_severity *out)
{
	if (s == NULL || out == NULL)
		return CS_EINVAL;
	for (size_t i = 0; i < CS_NELEM(sev_names); i++)
		if (cs_span_ieq(cs_span_make(s, strlen(s)), sev_names[i])) {
			*out = (enum cs_severity)i;
			return 0;
		}
	return CS_EINVAL;
}

bool
cs_finding_status_valid(const char *s)
{
	static const char *const w[] = {
	    "open", "planned", "done", "risk-accepted", "closed", "withdrawn"};

	if (s == NULL)
		return false;
	for (size_t i = 0; i < CS_NELEM(w); i++)
		if (strcmp(s, w[i]) == 0)
			return true;
	return false;
}

/* True for "YYYY-MM-DD" with plausible month and day. */
static bool
date_valid(const char *d)
{
	struct cs_date t;

	return d != NULL &&
	       cs_date_parse(cs_span_make(d, strlen(d)), 0, &t) == 0;
}

/* The status a raised finding starts with: the caller's, never closed. */
static const char *
raised_status(const struct cs_finding_row *f)
{
	return cs_finding_status_valid(f->status) &&
		       strcmp(f->status, "closed") != 0 &&
		       strcmp(f->status, "withdrawn") != 0
		   ? f->status
		   : "open";
}

/*
 * Whether a finding names its device well enough: a valid address, or
 * none for a device only the switches know, which then names its device
 * (device_id) and its MAC.  sip is set for an address.
 */
static bool
finding_device_ok(const struct cs_finding_row *f, struct cs_store_ip *sip)
{
	if (f->ip[0] == '\0') {
		memset(sip, 0, sizeof(*sip));
		return f->device_id > 0 && f->mac[0] != '\0';
	}
	return ip_parse(f->ip, sip) == 0;
}

int
cs_store_finding_put(struct cs_store *s, const struct cs_finding_row *f,
		     int64_t *id, bool *reopened)
{
	struct cs_store_ip sip;
	int64_t dummy;
	bool rdummy;

	char key[sizeof(f->key)], status[16] = "";
	int64_t fid = 0, dev;
	bool closed;
	int rc;

	if (id == NULL)
		id = &dummy;
	if (reopened == NULL)
		reopened = &rdummy;
	*reopened = false;
	if (s == NULL || f == NULL || f->key[0] == '\0' ||
	    !finding_device_ok(f, &sip) || f->regime[0] == '\0' ||
	    f->obligation[0] == '\0' || (unsigned)f->severity > CS_SEV_CRITICAL)
		return CS_EINVAL;
	cs_span_copy(key, sizeof(key),
		     cs_span_make(f->key, strnlen(f->key, sizeof(f->key))));
	rc = s->ops->finding_lookup(s, key, &fid, status);
	if (rc != 0 && rc != CS_ENOTFOUND)
		return rc;
	dev = f->device_id != 0 ? f->device_id : s->ops->device_of(s, sip.text);
	if (rc == CS_ENOTFOUND) {
		/* raised: with the caller's plan, but never born closed */
		const char *st = raised_status(f);
		if ((rc = s->ops->finding_write(s, f, 0, st, false, dev, id)) !=
		    0)
			return rc;
		return s->ops->finding_event(s, *id, f->assessed_at,
					     f->last_scan, "raised", f->action);
	}
	/* assessed again: the computed fields follow, the plan stays; a
	 * closed or withdrawn finding whose device is back is reopened; one
	 * that did not change is not written (it keeps its assessed_at) */
	closed = strcmp(status, "closed") == 0 || strcmp(status, "withdrawn") == 0;
	if (!closed) {
		struct cs_finding_row *cur = cs_xmalloc(sizeof(*cur));
		bool same = s->ops->finding_get(s, fid, cur) == 0 &&
			    cur->last_scan >= f->last_scan &&
			    cs_store_finding_same(cur, f, dev);
		free(cur);
		if (same) {
			*id = fid;
			return 0;
		}
	}
	if ((rc = s->ops->finding_write(s, f, fid, NULL, closed, dev, id)) != 0)
		return rc;
	if (!closed)
		return 0;
	*reopened = true;
	return s->ops->finding_event(s, fid, f->assessed_at, f->last_scan,
				     "reopened", status);
}

int
cs_store_finding_put_many(struct cs_store *s, struct cs_finding_row *v,
			  size_t n, bool *reopened)
{
	const char **status;
	bool *flags = reopened;
	int rc = 0;

	if (s == NULL || (n > 0 && v == NULL))
		return CS_EINVAL;
	for (size_t i = 0; i < n; i++) {
		struct cs_store_ip sip;
		const struct cs_finding_row *f = &v[i];
		if (f->key[0] == '\0' || !finding_device_ok(f, &sip) ||
		    f->regime[0] == '\0' || f->obligation[0] == '\0' ||
		    (unsigned)f->severity > CS_SEV_CRITICAL)
			return CS_EINVAL;
	}
	if (n == 0)
		return 0;
	if (flags == NULL)
		flags = cs_xcalloc(n, sizeof(*flags));
	if (s->ops->finding_put_many != NULL) {
		status = cs_xcalloc(n, sizeof(*status));
		for (size_t i = 0; i < n; i++)
			status[i] = raised_status(&v[i]);
		memset(flags, 0, n * sizeof(*flags));
		rc = s->ops->finding_put_many(s, v, status, n, flags);
		free(status);
	} else {
		int64_t *ids = cs_xcalloc(n, sizeof(*ids));
		for (size_t i = 0; i < n && rc == 0; i++)
			rc = cs_store_finding_put(s, &v[i], &ids[i], &flags[i]);
		/* read back once all are written, as the set-based write */
		for (size_t i = 0; i < n && rc == 0; i++)
			rc = cs_store_finding_get(s, ids[i], &v[i]);
		free(ids);
	}
	if (flags != reopened)
		free(flags);
	return rc;
}

int
cs_store_finding_close(struct cs_store *s, int64_t id, const char *status,
		       int64_t scan_id)
{
	struct cs_finding_row *cur;
	int rc;

	if (s == NULL || status == NULL ||
	    (strcmp(status, "closed") != 0 && strcmp(status, "withdrawn") != 0))
		return CS_EINVAL;
	cur = cs_xmalloc(sizeof(*cur));
	rc = cs_store_finding_get(s, id, cur);
	/* closing a closed or withdrawn finding changes nothing */
	if (rc == 0 && strcmp(cur->status, "closed") != 0 &&
	    strcmp(cur->status, "withdrawn") != 0) {
		/* closed: verified by the later scan that no longer saw it */
		rc = s->ops->finding_set_status(
		    s, id, status, strcmp(status, "closed") == 0 ? scan_id : 0);
		if (rc == 0)
			rc = s->ops->finding_event(s, id, 0, scan_id, status,
						   "");
	}
	free(cur);
	return rc;
}

int
cs_store_finding_plan(struct cs_store *s, int64_t id,
		      const struct cs_finding_plan *p, int64_t now)
{
	if (s == NULL || p == NULL)
		return CS_EINVAL;
	if (p->status != NULL && strcmp(p->status, "open") != 0 &&
	    strcmp(p->status, "planned") != 0 &&
	    strcmp(p->status, "done") != 0 &&
	    strcmp(p->status, "risk-accepted") != 0)
		return CS_EINVAL;
	if ((p->due != NULL && *p->due != '\0' && !date_valid(p->due)) ||
	    (p->until != NULL && *p->until != '\0' && !date_valid(p->until)))
		return CS_EINVAL;
	{
		struct cs_finding_row *cur = cs_xmalloc(sizeof(*cur));
		char detail[512];
		int rc = cs_store_finding_get(s, id, cur);
		const char *until;

		if (rc != 0) {
			free(cur);
			return rc;
		}
		/* risk is accepted until a date, given now or before */
		until = p->until != NULL ? p->until : cur->status_until;
		if (p->status != NULL &&
		    strcmp(p->status, "risk-accepted") == 0 &&
		    *until == '\0') {
			free(cur);
			cs_store_set_err(s,
					 "risk-accepted needs an --until date");
			return CS_EINVAL;
		}
		free(cur);
		if ((rc = s->ops->finding_set_plan(s, id, p)) != 0)
			return rc;
		snprintf(detail, sizeof(detail),
			 "owner=%s due=%s status=%s until=%s note=%s",
			 p->owner ? p->owner : "-", p->due ? p->due : "-",
			 p->status ? p->status : "-",
			 p->until ? p->until : "-", p->note ? p->note : "-");
		return s->ops->finding_event(s, id, now, 0, "plan", detail);
	}
}

int
cs_store_finding_get(struct cs_store *s, int64_t id, struct cs_finding_row *out)
{
	if (s == NULL || out == NULL)
		return CS_EINVAL;
	memset(out, 0, sizeof(*out));
	return s->ops->finding_get(s, id, out);
}

int
cs_store_each_finding(struct cs_store *s,
		      const struct cs_finding_filter *filter,
		      cs_store_finding_cb cb, void *arg)
{
	struct cs_finding_filter none = {0};

	if (s == NULL || cb == NULL)
		return CS_EINVAL;
	return s->ops->each_finding(s, filter != NULL ? filter : &none, cb,
				    arg);
}

int
cs_store_reach_put(struct cs_store *s, const char *vantage, const char *ip,
		   const uint16_t *ports, size_t nports, int64_t at)
{
	struct cs_store_ip sip;
	char txt[CS_STORE_MAX_PORTS * 6 + 1];
	size_t off = 0;

	if (s == NULL || vantage == NULL || *vantage == '\0' ||
	    ip_parse(ip, &sip) != 0 || (nports > 0 && ports == NULL))
		return CS_EINVAL;
	txt[0] = '\0';
	for (size_t i = 0; i < nports && i < CS_STORE_MAX_PORTS; i++) {
		int n = snprintf(txt + off, sizeof(txt) - off, "%s%u",
				 i > 0 ? "," : "", (unsigned)ports[i]);
		if (n < 0 || (size_t)n >= sizeof(txt) - off)
			break;
		off += (size_t)n;
	}
	return s->ops->reach_put(s, vantage, &sip, txt, nports > 0, at);
}

int
cs_store_reach_get(struct cs_store *s, const char *ip, char *vantage,
		   size_t vsz, char *ports, size_t psz)
{
	struct cs_store_ip sip;
	char vb[8], pb[8];

	if (s == NULL || ip_parse(ip, &sip) != 0)
		return CS_EINVAL;
	if (vantage == NULL || vsz == 0) {
		vantage = vb;
		vsz = sizeof(vb);
	}
	if (ports == NULL || psz == 0) {
		ports = pb;
		psz = sizeof(pb);
	}
	vantage[0] = ports[0] = '\0';
	return s->ops->reach_get(s, &sip, vantage, vsz, ports, psz);
}

int
cs_store_each_reach(struct cs_store *s, cs_store_reach_cb cb, void *arg)
{
	if (s == NULL || cb == NULL)
		return CS_EINVAL;
	return s->ops->each_reach(s, cb, arg);
}

int
cs_store_prev_scan(struct cs_store *s, int64_t id, int64_t *out)
{
	if (s == NULL || out == NULL)
		return CS_EINVAL;
	return s->ops->scan_near(s, id, true, out);
}

int
cs_store_next_scan(struct cs_store *s, int64_t id, int64_t *out)
{
	if (s == NULL || out == NULL)
		return CS_EINVAL;
	return s->ops->scan_near(s, id, false, out);
}

int
cs_store_first_scan(struct cs_store *s, int64_t *first)
{
	if (s == NULL || first == NULL)
		return CS_EINVAL;
	return s->ops->first_scan(s, first);
}

void
cs_assessment_clear(struct cs_assessment *a)
{
	if (a == NULL)
		return;
	free(a->estate_text);
	free(a->sites);
	free(a->departments);
	free(a->command);
	memset(a, 0, sizeof(*a));
}

int
cs_store_assessment_put(struct cs_store *s, struct cs_assessment *a)
{
	if (s == NULL || a == NULL || a->scan_id <= 0)
		return CS_EINVAL;
	return s->ops->assessment_put(s, a);
}

int
cs_store_assessment_latest(struct cs_store *s, struct cs_assessment *out)
{
	if (s == NULL || out == NULL)
		return CS_EINVAL;
	memset(out, 0, sizeof(*out));
	return s->ops->assessment_latest(s, out);
}

int
cs_store_placement_put(struct cs_store *s, struct cs_placement_row *p,
		       bool make, bool *made)
{
	struct cs_store_ip sip;
	uint8_t mac[6];
	bool m = false;
	int rc;

	if (made != NULL)
		*made = false;
	if (s == NULL || p == NULL || p->sw[0] == '\0' ||
	    cs_hwaddr_parse(cs_span_make(p->mac, strnlen(p->mac,
							 sizeof(p->mac))),
			    0, mac) != 0 ||
	    memchr(p->site, '\0', sizeof(p->site)) == NULL ||
	    memchr(p->ip, '\0', sizeof(p->ip)) == NULL ||
	    (p->ip[0] != '\0' && ip_parse(p->ip, &sip) != 0) ||
	    p->vlan < 0 || p->vlan > 4094)
		return CS_EINVAL;
	cs_hwaddr_format(mac, p->mac);
	if (p->ip[0] != '\0')
		cs_strlcpy(p->ip, sip.text, sizeof(p->ip));
	/* every other string is cut to its field */
	p->sw[sizeof(p->sw) - 1] = p->sw_addr[sizeof(p->sw_addr) - 1] = '\0';
	p->port[sizeof(p->port) - 1] = p->poe[sizeof(p->poe) - 1] = '\0';
	p->neighbour[sizeof(p->neighbour) - 1] = '\0';
	p->oui[sizeof(p->oui) - 1] = '\0';
	rc = s->ops->placement_put(s, p, p->ip[0] ? &sip : NULL, make, &m);
	if (made != NULL)
		*made = m;
	return rc;
}

int
cs_store_each_placement(struct cs_store *s, cs_store_placement_cb cb,
			void *arg)
{
	if (s == NULL || cb == NULL)
		return CS_EINVAL;
	return s->ops->each_placement(s, cb, arg);
}

int
cs_store_admin_init(struct cs_store *s)
{
	if (s == NULL)
		return CS_EINVAL;
	if (s->ops->admin_init == NULL) {
		cs_store_set_err(s, "roles and sensors need a PostgreSQL "
				    "inventory");
		return CS_EINVAL;
	}
	return s->ops->admin_init(s);
}

/* A role name a sensor may have: [a-z][a-z0-9_]{0,62}. */
static bool
sensor_name_valid(const char *n)
{
	size_t len = n != NULL ? strnlen(n, 64) : 0;

	if (len == 0 || len > 63 || n[0] < 'a' || n[0] > 'z')
		return false;
	for (size_t i = 0; i < len; i++)
		if (!((n[i] >= 'a' && n[i] <= 'z') ||
		      (n[i] >= '0' && n[i] <= '9') || n[i] == '_'))
			return false;
	return true;
}

int
cs_store_admin_add_sensor(struct cs_store *s, const char *name,
			  const char *password)
{
	return cs_store_admin_add_sensor_limits(s, name, password, NULL);
}

int
cs_store_admin_add_sensor_limits(struct cs_store *s, const char *name,
				 const char *password,
				 const struct cs_sensor_limits *lim)
{
	struct cs_sensor_limits l = {0};

	if (s == NULL || password == NULL || *password == '\0')
		return CS_EINVAL;
	if (lim != NULL)
		l = *lim;
	if (l.connections < 0 || l.lock_timeout_ms < 0 || l.statement_ms < 0 ||
	    l.idle_in_txn_ms < 0) {
		cs_store_set_err(s, "a sensor limit is a positive number");
		return CS_EINVAL;
	}
	l.connections = l.connections ? l.connections : CS_SENSOR_CONNECTIONS;
	l.lock_timeout_ms =
	    l.lock_timeout_ms ? l.lock_timeout_ms : CS_SENSOR_LOCK_TIMEOUT_MS;
	l.statement_ms =
	    l.statement_ms ? l.statement_ms : CS_SENSOR_STATEMENT_MS;
	l.idle_in_txn_ms =
	    l.idle_in_txn_ms ? l.idle_in_txn_ms : CS_SENSOR_IDLE_IN_TXN_MS;
	if (!sensor_name_valid(name)) {
		cs_store_set_err(s, "a sensor name is [a-z][a-z0-9_]{0,62}");
		return CS_EINVAL;
	}
	if (s->ops->admin_add_sensor == NULL) {
		cs_store_set_err(s, "roles and sensors need a PostgreSQL "
				    "inventory");
		return CS_EINVAL;
	}
	return s->ops->admin_add_sensor(s, name, password, &l);
}

const char *
cs_store_display(const char *path, char *buf, size_t bufsz)
{
	const char *p = path != NULL ? path : "", *rest, *at, *colon;
	size_t o = 0;

	if (bufsz == 0)
		return buf;
#define PUT(c)                                                                 \
	do {                                                                   \
		if (o + 1 < bufsz)                                             \
			buf[o++] = (c);                                        \
	} while (0)
#define PUTS(s)                                                                \
	do {                                                                   \
		for (const char *q_ = (s); *q_ != '\0'; q_++)                  \
			PUT(*q_);                                              \
	} while (0)
	rest = strstr(p, "://");
	if (rest != NULL) {
		rest += 3;
		at = strpbrk(rest, "@/?");
		colon = at != NULL && *at == '@'
			    ? memchr(rest, ':', (size_t)(at - rest))
			    : NULL;
		if (colon != NULL) {
			while (p <= colon)
				PUT(*p++);
			PUTS("***");
			p = at;
		}
	}
	while (*p != '\0') {
		/* "password=" at the start of a parameter */
		if ((p == path || p[-1] == '?' || p[-1] == '&' ||
		     p[-1] == ' ') &&
		    strncmp(p, "password=", 9) == 0) {
			PUTS("password=***");
			p += 9;
			while (*p != '\0' && *p != '&' && *p != ' ')
				p++;
			continue;
		}
		PUT(*p++);
	}
#undef PUT
#undef PUTS
	buf[o] = '\0';
	return buf;
}

bool
cs_store_path_is_uri(const char *path)
{
	return path != NULL && strstr(path, "://") != NULL;
}

#define FC(n)                                                                  \
	{                                                                      \
#n, offsetof(struct cs_finding_row, n),                        \
		    sizeof(((struct cs_finding_row *)0)->n)                    \
	}

static const struct cs_store_col finding_cols[] = {
    FC(ip),           FC(mac),
    FC(manufacturer), FC(manufacturer_country),
    FC(brand),        FC(model),
    FC(firmware),     FC(device_class),
    FC(site),         FC(site_name),
    FC(department),   FC(department_name),
    FC(zone),         FC(sensitivity_reason),
    FC(regime),       FC(regime_version),
    FC(obligation),   FC(action),
    FC(action_text),  FC(deadline),
    FC(citation),     FC(url),
    FC(evidence),     FC(as_of),
};

static const struct cs_store_col plan_cols[] = {
    FC(status), FC(status_until), FC(owner), FC(due), FC(note),
};

#undef FC

const struct cs_store_col *
cs_store_finding_cols(size_t *n)
{
	*n = CS_NELEM(finding_cols);
	return finding_cols;
}

const struct cs_store_col *
cs_store_plan_cols(size_t *n)
{
	*n = CS_NELEM(plan_cols);
	return plan_cols;
}

bool
cs_store_finding_same(const struct cs_finding_row *stored,
		      const struct cs_finding_row *f, int64_t dev)
{
	for (size_t i = 0; i < CS_NELEM(finding_cols); i++) {
		const struct cs_store_col *c = &finding_cols[i];
		if (strncmp((const char *)stored + c->off,
			    (const char *)f + c->off, c->size) != 0)
			return false;
	}
	return stored->device_id == dev &&
	       stored->confidence == f->confidence &&
	       stored->sensitive == f->sensitive &&
	       stored->reach_core == f->reach_core &&
	       stored->severity == f->severity &&
	       stored->first_seen == f->first_seen;
}

void
cs_store_finding_computed_copy(struct cs_finding_row *dst,
			       const struct cs_finding_row *src)
{
	for (size_t i = 0; i < CS_NELEM(finding_cols); i++) {
		const struct cs_store_col *c = &finding_cols[i];
		memcpy((char *)dst + c->off, (const char *)src + c->off,
		       c->size);
	}
	dst->confidence = src->confidence;
	dst->sensitive = src->sensitive;
	dst->reach_core = src->reach_core;
	dst->severity = src->severity;
	dst->first_seen = src->first_seen;
}

void
cs_store_finding_select(char *sql, size_t sz, const char *dev)
{
	sql[0] = '\0';
	cs_store_sql_add(sql, sz, "SELECT id, fkey, ");
	cs_store_sql_add(sql, sz, dev);
	cs_store_sql_add(sql, sz,
			 ", confidence, sensitive, reach_core, severity, "
			 "first_seen, first_scan, last_scan, verified_scan, "
			 "assessed_at");
	for (size_t i = 0; i < CS_NELEM(finding_cols); i++) {
		cs_store_sql_add(sql, sz, ", ");
		cs_store_sql_add(sql, sz, finding_cols[i].name);
	}
	for (size_t i = 0; i < CS_NELEM(plan_cols); i++) {
		cs_store_sql_add(sql, sz, ", ");
		cs_store_sql_add(sql, sz, plan_cols[i].name);
	}
	cs_store_sql_add(sql, sz, " FROM finding");
}

void
cs_store_sql_add(char *buf, size_t bsz, const char *s)
{
	size_t n = strlen(buf);

	if (n < bsz)
		cs_strlcpy(buf + n, s, bsz - n);
}

/* ---------------------------------------------------------------------- */
/* Schema v7: the console's SQL (store.h). */

int
cs_store_query(struct cs_store *s, const char *sql, const char *const *params,
	       int nparams, cs_store_row_cb cb, void *arg)
{
	if (s == NULL || sql == NULL || nparams < 0 ||
	    nparams > CS_STORE_QUERY_MAX_PARAMS ||
	    (nparams > 0 && params == NULL))
		return CS_EINVAL;
	for (int i = 0; i < nparams; i++)
		if (params[i] == NULL)
			return CS_EINVAL;
	return s->ops->query(s, sql, params, nparams, cb, arg);
}

int
cs_store_changes(struct cs_store *s, int64_t *out)
{
	if (s == NULL || out == NULL)
		return CS_EINVAL;
	return s->ops->changes(s, out);
}

bool
cs_store_is_pg(const struct cs_store *s)
{
	return s != NULL && s->ops == &cs_store_pg_ops;
}

/* A text value as an integer (0 for NULL or junk). */
static int64_t
q_i64(const char *v)
{
	long long x;

	if (v == NULL || cs_str_tonum(v, INT64_MIN, INT64_MAX, &x) != 0)
		return 0;
	return (int64_t)x;
}

struct q_findings {
	cs_store_finding_cb cb;
	void *arg;
	struct cs_finding_row row;
};

static int
q_finding_row(void *arg, int ncol, const char *const *val)
{
	struct q_findings *q = arg;
	struct cs_finding_row *f = &q->row;
	int k = 12;

	if (ncol != 12 + (int)CS_NELEM(finding_cols) + (int)CS_NELEM(plan_cols))
		return CS_EIO;
	memset(f, 0, sizeof(*f));
	f->id = q_i64(val[0]);
	cs_strlcpy(f->key, val[1] ? val[1] : "", sizeof(f->key));
	f->device_id = q_i64(val[2]);
	f->confidence = val[3] ? strtod(val[3], NULL) : 0;
	f->sensitive = q_i64(val[4]) != 0;
	f->reach_core = q_i64(val[5]) != 0;
	f->severity = (enum cs_severity)q_i64(val[6]);
	if (f->severity > CS_SEV_CRITICAL)
		f->severity = CS_SEV_INFO;
	f->first_seen = q_i64(val[7]);
	f->first_scan = q_i64(val[8]);
	f->last_scan = q_i64(val[9]);
	f->verified_scan = q_i64(val[10]);
	f->assessed_at = q_i64(val[11]);
	for (size_t i = 0; i < CS_NELEM(finding_cols); i++, k++)
		cs_strlcpy((char *)f + finding_cols[i].off,
			   val[k] ? val[k] : "", finding_cols[i].size);
	for (size_t i = 0; i < CS_NELEM(plan_cols); i++, k++)
		cs_strlcpy((char *)f + plan_cols[i].off, val[k] ? val[k] : "",
			   plan_cols[i].size);
	return q->cb(q->arg, f);
}

int
cs_store_query_findings(struct cs_store *s, const char *tail,
			const char *const *params, int nparams,
			cs_store_finding_cb cb, void *arg)
{
	char sql[12288];
	struct q_findings *q;
	int rc;

	if (s == NULL || tail == NULL || cb == NULL)
		return CS_EINVAL;
	cs_store_finding_select(sql, sizeof(sql),
				cs_store_is_pg(s) ? "coalesce(device_id, 0)"
						  : "device_id");
	cs_store_sql_add(sql, sizeof(sql), " ");
	if (strlen(sql) + strlen(tail) + 1 >= sizeof(sql))
		return CS_EINVAL;
	cs_store_sql_add(sql, sizeof(sql), tail);
	q = cs_xcalloc(1, sizeof(*q));
	q->cb = cb;
	q->arg = arg;
	rc = cs_store_query(s, sql, params, nparams, q_finding_row, q);
	free(q);
	return rc;
}

/* ---- Devices only the switches know (docs/switches.md) ---- */

struct q_placed {
	struct cs_placed_device *v;
	size_t n, cap;
};

/* One row of the placed-only query: the device's columns (0-13), then
 * its placement's (14-26). */
static int
q_placed_row(void *arg, int ncol, const char *const *val)
{
	struct q_placed *q = arg;
	struct cs_placed_device *d;
	struct cs_placement_row *p;
	int64_t x;

	if (ncol != 27)
		return CS_EIO;
	if (q->n == q->cap) {
		q->cap = q->cap ? q->cap * 2 : 16;
		q->v = cs_xrealloc(q->v, q->cap, sizeof(*q->v));
	}
	d = &q->v[q->n++];
	memset(d, 0, sizeof(*d));
#define QS(i, f) cs_strlcpy((f), val[i] ? val[i] : "", sizeof(f))
	d->device_id = q_i64(val[0]);
	QS(1, d->site);
	QS(2, d->ip);
	QS(3, d->mac);
	QS(4, d->manufacturer);
	QS(5, d->manufacturer_country);
	QS(6, d->brand);
	QS(7, d->model);
	QS(8, d->firmware);
	QS(9, d->device_class);
	/* an integer on both backends; NULL: not established */
	d->surveillance = val[10] == NULL ? -1 : q_i64(val[10]) != 0;
	d->confidence = val[11] ? strtod(val[11], NULL) : 0;
	if (!(d->confidence >= 0 && d->confidence <= 1))
		d->confidence = 0;
	d->first_seen = q_i64(val[12]);
	d->last_seen = q_i64(val[13]);
	p = &d->place;
	QS(14, p->site);
	QS(15, p->mac);
	p->scan_id = q_i64(val[16]);
	QS(17, p->sw);
	QS(18, p->sw_addr);
	QS(19, p->port);
	x = q_i64(val[20]);
	p->ifindex = x >= 0 && x <= INT32_MAX ? (int32_t)x : 0;
	x = q_i64(val[21]);
	p->vlan = x >= 0 && x <= 4094 ? (int)x : 0;
	QS(22, p->poe);
	QS(23, p->neighbour);
	QS(24, p->ip);
	QS(25, p->oui);
	p->seen_at = q_i64(val[26]);
	p->device_id = d->device_id;
#undef QS
	return 0;
}

static int
placed_cmp(const void *a, const void *b)
{
	const struct cs_placed_device *x = a, *y = b;
	int c;

	if ((c = strcmp(x->site, y->site)) != 0 ||
	    (c = strcmp(x->mac, y->mac)) != 0)
		return c;
	return (x->device_id > y->device_id) - (x->device_id < y->device_id);
}

int
cs_store_each_placed_only(struct cs_store *s, int64_t scan_id,
			  cs_store_placed_cb cb, void *arg)
{
	static const char sql[] =
	    "SELECT d.id, d.site, d.ip, d.mac, d.manufacturer, "
	    "d.manufacturer_country, d.brand, d.model, d.firmware, "
	    "d.device_class, d.surveillance, d.confidence, d.first_seen, "
	    "d.last_seen, p.site, p.mac, p.scan_id, p.switch, p.switch_addr, "
	    "p.port, p.ifindex, p.vlan, p.poe, p.neighbour, p.ip, p.oui, "
	    "p.seen_at FROM placement p JOIN device d ON d.id = p.device_id "
	    "WHERE p.scan_id = $1 AND NOT EXISTS (SELECT 1 FROM sighting g "
	    "WHERE g.device_id = d.id)";
	struct q_placed q = {0};
	char id[24];
	const char *par[1] = {id};
	int rc;

	if (s == NULL || cb == NULL || scan_id <= 0)
		return CS_EINVAL;
	snprintf(id, sizeof(id), "%lld", (long long)scan_id);
	rc = cs_store_query(s, sql, par, 1, q_placed_row, &q);
	if (rc == 0 && q.n > 1)
		qsort(q.v, q.n, sizeof(*q.v), placed_cmp);
	for (size_t i = 0; rc == 0 && i < q.n; i++)
		rc = cb(arg, &q.v[i]);
	free(q.v);
	return rc;
}

int
cs_store_placed_identity(struct cs_store *s, int64_t device_id,
			 const struct cs_identity *id)
{
	static const char sql[] =
	    "UPDATE device SET manufacturer = $1, manufacturer_country = $2, "
	    "brand = $3, model = $4, firmware = $5, device_class = $6, "
	    "surveillance = CASE $7 WHEN '1' THEN 1 WHEN '0' THEN 0 ELSE "
	    "NULL END, confidence = $8 WHERE id = $9 AND NOT EXISTS (SELECT "
	    "1 FROM sighting g WHERE g.device_id = $9)";
	char conf[32], dev[24];
	int surv;
	const char *par[9];

	if (s == NULL || id == NULL || device_id <= 0)
		return CS_EINVAL;
	surv = cs_identity_surveillance(id);
	snprintf(conf, sizeof(conf), "%.3f",
		 id->confidence >= 0 && id->confidence <= 1 ? id->confidence
							    : 0.0);
	snprintf(dev, sizeof(dev), "%lld", (long long)device_id);
	par[0] = id->manufacturer;
	par[1] = id->manufacturer_country;
	par[2] = id->brand;
	par[3] = id->model;
	par[4] = id->firmware;
	par[5] = cs_class_name(id->device_class);
	/* A presumption from the maker is not a fact the device row could
	 * tell apart from one (it keeps no evidence): not established. */
	par[6] = cs_identity_surveillance_presumed(id) ? ""
		 : surv > 0                            ? "1"
		 : surv == 0                           ? "0"
						       : "";
	par[7] = conf;
	par[8] = dev;
	return cs_store_query(s, sql, par, 9, NULL, NULL);
}
