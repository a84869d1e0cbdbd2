/* SPDX-License-Identifier: ISC */
/*
 * Loading of camsim profiles and mixes with json-c.  A profile may name a
 * parent with "extends"; the child is merged over a copy of the parent
 * (objects merge key by key, everything else is replaced), so white-label
 * profiles restate only what differs from the original maker's firmware.
 * All validation happens here, once, so the server never meets a
 * malformed profile.
 */
#include "camsim_profile.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "core/addr.h"
#include "core/alloc.h"
#include "core/buf.h"
#include "core/str.h"
#include "core/poison.h"

#define MAX_EXTENDS 8  /* depth of "extends" chains */
#define MAX_BODY 65536 /* bytes of one reply template */
#define MAX_LIST 256   /* entries of any list in a profile */

struct ld {
	char *err;
	size_t errsz;
	const char *what; /* profile or mix name, for messages */
};

static int CS_PRINTF(2, 3) fail(struct ld *ld, const char *fmt, ...)
{
	char msg[256];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	snprintf(ld->err, ld->errsz, "%s: %s", ld->what, msg);
	return -1;
}

/* Names are used in file paths: keep them to [a-z0-9_-]. */
static bool
valid_name(const char *s)
{
	size_t n = strlen(s);

	if (n == 0 || n > 64)
		return false;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
		      c == '-' || c == '_'))
			return false;
	}
	return true;
}

static json_object *
read_json(struct ld *ld, const char *dir, const char *sub, const char *name)
{
	char path[4096];
	json_object *o;

	if (!valid_name(name)) {
		fail(ld, "invalid name \"%.64s\"", name);
		return NULL;
	}
	if ((size_t)snprintf(path, sizeof(path), "%s/%s/%s.json", dir, sub,
			     name) >= sizeof(path)) {
		fail(ld, "path too long");
		return NULL;
	}
	o = json_object_from_file(path);
	if (o == NULL) {
		fail(ld, "cannot read %s: %s", path, json_util_get_last_err());
		return NULL;
	}
	if (!json_object_is_type(o, json_type_object)) {
		json_object_put(o);
		fail(ld, "%s: top level is not an object", path);
		return NULL;
	}
	return o;
}

/* Merges src over dst (both objects): objects recurse, others replace. */
static void
merge(json_object *dst, json_object *src)
{
	json_object_object_foreach(src, key, sv)
	{
		json_object *dv;

		if (json_object_object_get_ex(dst, key, &dv) &&
		    json_object_is_type(dv, json_type_object) &&
		    json_object_is_type(sv, json_type_object)) {
			merge(dv, sv);
			continue;
		}
		json_object_object_add(dst, key, json_object_get(sv));
	}
}

/* Reads a profile and applies its "extends" chain; caller puts it. */
static json_object *
read_profile(struct ld *ld, const char *dir, const char *name, int depth)
{
	json_object *o, *ext, *base = NULL;

	if (depth > MAX_EXTENDS) {
		fail(ld, "\"extends\" chain too deep");
		return NULL;
	}
	if ((o = read_json(ld, dir, "profiles", name)) == NULL)
		return NULL;
	if (!json_object_object_get_ex(o, "extends", &ext))
		return o;
	if (!json_object_is_type(ext, json_type_string)) {
		json_object_put(o);
		fail(ld, "\"extends\" must be a string");
		return NULL;
	}
	base = read_profile(ld, dir, json_object_get_string(ext), depth + 1);
	if (base == NULL) {
		json_object_put(o);
		return NULL;
	}
	json_object_object_del(o, "extends");
	json_object_object_del(base, "extends");
	/* Documentation fields describe one file, not its children. */
	json_object_object_del(base, "source");
	json_object_object_del(base, "assumed");
	merge(base, o);
	json_object_put(o);
	return base;
}

static json_object *
member(json_object *o, const char *key)
{
	json_object *v;

	if (o == NULL || !json_object_object_get_ex(o, key, &v))
		return NULL;
	return v;
}

static int
get_str(struct ld *ld, json_object *o, const char *key, bool req, char **out)
{
	json_object *v = member(o, key);

	*out = NULL;
	if (v == NULL) {
		if (req)
			return fail(ld, "missing \"%s\"", key);
		return 0;
	}
	if (!json_object_is_type(v, json_type_string))
		return fail(ld, "\"%s\" must be a string", key);
	*out = cs_xstrdup(json_object_get_string(v));
	return 0;
}

static int
get_strs(struct ld *ld, json_object *o, const char *key, char ***out, size_t *n)
{
	json_object *v = member(o, key);
	size_t len;

	*out = NULL;
	*n = 0;
	if (v == NULL)
		return 0;
	if (!json_object_is_type(v, json_type_array))
		return fail(ld, "\"%s\" must be an array of strings", key);
	len = json_object_array_length(v);
	if (len > MAX_LIST)
		return fail(ld, "\"%s\" has too many entries", key);
	*out = cs_xcalloc(len ? len : 1, sizeof(char *));
	for (size_t i = 0; i < len; i++) {
		json_object *e = json_object_array_get_idx(v, i);
		if (!json_object_is_type(e, json_type_string))
			return fail(ld, "\"%s\" must be an array of strings",
				    key);
		(*out)[i] = cs_xstrdup(json_object_get_string(e));
		(*n)++;
	}
	return 0;
}

static void
free_strs(char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

/*
 * A body is a string, or an array of lines each of which is followed by
 * CRLF in the reply (convenient for SDP, XML and HTML alike).
 */
static int
get_body(struct ld *ld, json_object *o, const char *key, char **out)
{
	json_object *v = member(o, key);
	struct cs_buf b;

	*out = NULL;
	if (v == NULL)
		return 0;
	if (json_object_is_type(v, json_type_string)) {
		if (json_object_get_string_len(v) > MAX_BODY)
			return fail(ld, "\"%s\" too long", key);
		*out = cs_xstrdup(json_object_get_string(v));
		return 0;
	}
	if (!json_object_is_type(v, json_type_array))
		return fail(ld, "\"%s\" must be a string or array", key);
	cs_buf_init(&b, MAX_BODY);
	for (size_t i = 0; i < json_object_array_length(v); i++) {
		json_object *e = json_object_array_get_idx(v, i);
		if (!json_object_is_type(e, json_type_string) ||
		    cs_buf_adds(&b, json_object_get_string(e)) != 0 ||
		    cs_buf_add(&b, "\r\n", 2) != 0) {
			cs_buf_free(&b);
			return fail(ld, "bad or too long \"%s\"", key);
		}
	}
	*out = cs_xstrdup(cs_buf_str(&b));
	cs_buf_free(&b);
	return 0;
}

static int
get_int(struct ld *ld, json_object *o, const char *key, long long min,
	long long max, long long def, long long *out)
{
	json_object *v = member(o, key);

	*out = def;
	if (v == NULL)
		return 0;
	if (!json_object_is_type(v, json_type_int))
		return fail(ld, "\"%s\" must be an integer", key);
	*out = json_object_get_int64(v);
	if (*out < min || *out > max)
		return fail(ld, "\"%s\" out of range", key);
	return 0;
}

static int
get_bool(struct ld *ld, json_object *o, const char *key, bool def, bool *out)
{
	json_object *v = member(o, key);

	*out = def;
	if (v == NULL)
		return 0;
	if (!json_object_is_type(v, json_type_boolean))
		return fail(ld, "\"%s\" must be true or false", key);
	*out = json_object_get_boolean(v);
	return 0;
}

static int
load_resp(struct ld *ld, json_object *o, int defstatus,
	  struct cs_camsim_resp *r)
{
	long long st;

	memset(r, 0, sizeof(*r));
	if (o == NULL || !json_object_is_type(o, json_type_object))
		return fail(ld, "reply must be an object");
	if (get_int(ld, o, "status", 100, 599, defstatus, &st) != 0)
		return -1;
	r->status = (int)st;
	if (get_str(ld, o, "reason", false, &r->reason) != 0 ||
	    get_strs(ld, o, "headers", &r->headers, &r->nheaders) != 0 ||
	    get_body(ld, o, "body", &r->body) != 0 ||
	    get_body(ld, o, "each", &r->each) != 0)
		return -1;
	if (r->each != NULL &&
	    (r->body == NULL || strstr(r->body, "{attached}") == NULL))
		return fail(ld, "\"each\" without {attached} in the body");
	if (r->reason == NULL)
		r->reason = cs_xstrdup(r->status == 200   ? "OK"
				       : r->status == 401 ? "Unauthorized"
				       : r->status == 404 ? "Not Found"
				       : r->status == 400 ? "Bad Request"
				       : r->status == 302 ? "Found"
							  : "Status");
	for (size_t i = 0; i < r->nheaders; i++)
		if (strchr(r->headers[i], ':') == NULL ||
		    strpbrk(r->headers[i], "\r\n") != NULL)
			return fail(ld, "bad header \"%.60s\"", r->headers[i]);
	return 0;
}

static void
free_resp(struct cs_camsim_resp *r)
{
	free(r->reason);
	free_strs(r->headers, r->nheaders);
	free(r->body);
	free(r->each);
}

/* An object of name -> reply, kept in file order. */
static int
load_named(struct ld *ld, json_object *o, struct cs_camsim_named **out,
	   size_t *n)
{
	size_t len, i = 0;

	*out = NULL;
	*n = 0;
	if (o == NULL)
		return 0;
	if (!json_object_is_type(o, json_type_object))
		return fail(ld, "reply table must be an object");
	len = (size_t)json_object_object_length(o);
	if (len > MAX_LIST)
		return fail(ld, "reply table too large");
	*out = cs_xcalloc(len ? len : 1, sizeof(**out));
	json_object_object_foreach(o, key, v)
	{
		(*out)[i].name = cs_xstrdup(key);
		*n = ++i;
		if (load_resp(ld, v, 200, &(*out)[i - 1].resp) != 0)
			return -1;
	}
	return 0;
}

static void
free_named(struct cs_camsim_named *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].name);
		free_resp(&v[i].resp);
	}
	free(v);
}

static int
load_http(struct ld *ld, json_object *o, struct cs_camsim_http *h)
{
	json_object *routes = member(o, "routes"), *onvif = member(o, "onvif");
	json_object *nf = member(o, "not_found");
	size_t i = 0, len;

	if (get_strs(ld, o, "headers", &h->headers, &h->nheaders) != 0)
		return -1;
	if (nf == NULL)
		return fail(ld, "http: missing \"not_found\"");
	if (load_resp(ld, nf, 404, &h->notfound) != 0)
		return -1;
	if (routes != NULL && !json_object_is_type(routes, json_type_object))
		return fail(ld, "http.routes must be an object");
	len = routes ? (size_t)json_object_object_length(routes) : 0;
	if (len > MAX_LIST)
		return fail(ld, "http.routes too large");
	h->routes = cs_xcalloc(len ? len : 1, sizeof(*h->routes));
	if (routes != NULL) {
		json_object_object_foreach(routes, key, v)
		{
			struct cs_camsim_route *r = &h->routes[i];
			char *path = NULL, *prefix = NULL, *auth = NULL;

			h->nroutes = ++i;
			if (!json_object_is_type(v, json_type_object))
				return fail(ld, "route %s: not an object", key);
			if (get_str(ld, v, "method", false, &r->method) != 0 ||
			    get_str(ld, v, "path", false, &path) != 0 ||
			    get_str(ld, v, "prefix", false, &prefix) != 0 ||
			    get_bool(ld, v, "onvif", false, &r->onvif) != 0 ||
			    get_str(ld, v, "auth", false, &auth) != 0 ||
			    get_str(ld, v, "realm", false, &r->realm) != 0) {
				free(path);
				free(prefix);
				free(auth);
				return -1;
			}
			if (auth != NULL) {
				bool ok = strcmp(auth, "digest") == 0;
				free(auth);
				if (!ok) {
					free(path);
					free(prefix);
					return fail(ld,
						    "route %s: auth must be "
						    "\"digest\"",
						    key);
				}
				r->digest = true;
				if (r->realm == NULL ||
				    member(v, "challenge") == NULL) {
					free(path);
					free(prefix);
					return fail(ld,
						    "route %s: digest needs "
						    "realm and challenge",
						    key);
				}
			}
			if ((path == NULL) == (prefix == NULL)) {
				free(path);
				free(prefix);
				return fail(ld,
					    "route %s: need one of path, "
					    "prefix",
					    key);
			}
			r->prefix = prefix != NULL;
			r->path = path ? path : prefix;
			if (r->method == NULL)
				r->method = cs_xstrdup("*");
			if (!r->onvif && load_resp(ld, v, 200, &r->resp) != 0)
				return -1;
			if (r->digest && load_resp(ld, member(v, "challenge"),
						   401, &r->challenge) != 0)
				return -1;
			if (r->onvif && onvif == NULL)
				return fail(ld,
					    "route %s: onvif without "
					    "http.onvif",
					    key);
		}
	}
	if (onvif != NULL) {
		json_object *fault = member(onvif, "fault");
		if (load_named(ld, member(onvif, "operations"), &h->onvif_ops,
			       &h->nonvif_ops) != 0)
			return -1;
		if (fault == NULL)
			return fail(ld, "http.onvif: missing \"fault\"");
		if (load_resp(ld, fault, 400, &h->onvif_fault) != 0)
			return -1;
		if (get_bool(ld, onvif, "device_info_without_auth", false,
			     &h->devinfo_unauth) != 0)
			return -1;
	}
	return 0;
}

static void
free_http(struct cs_camsim_http *h)
{
	free_strs(h->headers, h->nheaders);
	for (size_t i = 0; i < h->nroutes; i++) {
		free(h->routes[i].method);
		free(h->routes[i].path);
		free(h->routes[i].realm);
		free_resp(&h->routes[i].resp);
		free_resp(&h->routes[i].challenge);
	}
	free(h->routes);
	free_resp(&h->notfound);
	free_named(h->onvif_ops, h->nonvif_ops);
	free_resp(&h->onvif_fault);
}

static int
load_rtsp(struct ld *ld, json_object *o, struct cs_camsim_rtsp *r)
{
	json_object *other = member(o, "other");

	if (get_strs(ld, o, "headers", &r->headers, &r->nheaders) != 0 ||
	    load_named(ld, member(o, "methods"), &r->methods, &r->nmethods) !=
		0)
		return -1;
	if (other == NULL)
		return fail(ld, "rtsp: missing \"other\"");
	return load_resp(ld, other, 405, &r->other);
}

static void
free_rtsp(struct cs_camsim_rtsp *r)
{
	free_strs(r->headers, r->nheaders);
	free_named(r->methods, r->nmethods);
	free_resp(&r->other);
}

/* Parses hex digits, ignoring spaces and colons; returns the length. */
static long
parse_hex(const char *s, uint8_t *out, size_t max)
{
	size_t n = 0;
	int hi = -1;

	for (; *s; s++) {
		int v;
		if (*s == ' ' || *s == ':')
			continue;
		if ((v = cs_hexval(*s)) < 0)
			return -1;
		if (hi < 0) {
			hi = v;
			continue;
		}
		if (n == max)
			return -1;
		out[n++] = (uint8_t)(hi << 4 | v);
		hi = -1;
	}
	return hi < 0 ? (long)n : -1;
}

int
cs_camsim_svc_parse(const char *s)
{
	static const char *const names[] = {
	    [CS_CAMSIM_SVC_HTTP] = "http",
	    [CS_CAMSIM_SVC_RTSP] = "rtsp",
	    [CS_CAMSIM_SVC_HIK_SDK] = "hik-sdk",
	    [CS_CAMSIM_SVC_DAHUA_DVRIP] = "dahua-dvrip",
	    [CS_CAMSIM_SVC_XM_DVRIP] = "xm-dvrip",
	    [CS_CAMSIM_SVC_BANNER] = "banner",
	    [CS_CAMSIM_SVC_SILENT] = "silent",
	};

	for (size_t i = 0; i < CS_NELEM(names); i++)
		if (strcmp(s, names[i]) == 0)
			return (int)i;
	return -1;
}

/* The Nmap-visible 16-byte greeting of Hikvision's port 8000 (§4). */
static const uint8_t hik_sdk_greeting[16] = {0, 0, 0, 0x10, 0, 0, 0, 0x1e,
					     0, 0, 0, 0x1e, 0, 0, 0, 0};

static int
load_port(struct ld *ld, json_object *o, struct cs_camsim_port *p)
{
	char *svc = NULL, *hex = NULL, *banner = NULL, *tkey = NULL;
	long long port;
	int k, rc = -1;

	if (!json_object_is_type(o, json_type_object))
		return fail(ld, "ports: entries must be objects");
	if (get_int(ld, o, "port", 1, 65535, 0, &port) != 0 ||
	    get_str(ld, o, "service", true, &svc) != 0 ||
	    get_str(ld, o, "hex", false, &hex) != 0 ||
	    get_str(ld, o, "banner", false, &banner) != 0 ||
	    get_str(ld, o, "login_reply", false, &p->xm_login) != 0 ||
	    get_str(ld, o, "reply", false, &p->xm_other) != 0 ||
	    get_bool(ld, o, "tls", false, &p->tls) != 0 ||
	    get_str(ld, o, "tls_key", false, &tkey) != 0 ||
	    get_bool(ld, o, "tls_expired", false, &p->tls_expired) != 0)
		goto out;
	if (tkey != NULL) {
		if (strcmp(tkey, "rsa-1024") == 0)
			p->tls_rsa_bits = 1024;
		else if (strcmp(tkey, "rsa-2048") == 0)
			p->tls_rsa_bits = 2048;
		else if (strcmp(tkey, "p-256") != 0) {
			fail(ld,
			     "port %lld: tls_key must be p-256, rsa-1024 or "
			     "rsa-2048",
			     port);
			goto out;
		}
	}
	if ((tkey != NULL || p->tls_expired) && !p->tls) {
		fail(ld,
		     "port %lld: tls_key and tls_expired need \"tls\": true",
		     port);
		goto out;
	}
	if (port == 0) {
		fail(ld, "ports: missing \"port\"");
		goto out;
	}
	p->port = (uint16_t)port;
	if ((k = cs_camsim_svc_parse(svc)) < 0) {
		fail(ld, "port %lld: unknown service \"%.32s\"", port, svc);
		goto out;
	}
	p->svc = (enum cs_camsim_svc)k;
	if (hex != NULL) {
		uint8_t tmp[1024];
		long n = parse_hex(hex, tmp, sizeof(tmp));
		if (n < 0) {
			fail(ld, "port %lld: bad \"hex\"", port);
			goto out;
		}
		p->greeting = cs_xmalloc(n ? (size_t)n : 1);
		memcpy(p->greeting, tmp, (size_t)n);
		p->greeting_len = (size_t)n;
	} else if (banner != NULL) {
		p->greeting_len = strlen(banner);
		p->greeting = (uint8_t *)banner;
		p->greeting_tmpl = true;
		banner = NULL;
	} else if (p->svc == CS_CAMSIM_SVC_HIK_SDK) {
		p->greeting = cs_xmalloc(sizeof(hik_sdk_greeting));
		memcpy(p->greeting, hik_sdk_greeting, sizeof(hik_sdk_greeting));
		p->greeting_len = sizeof(hik_sdk_greeting);
	}
	if (p->svc == CS_CAMSIM_SVC_BANNER && p->greeting == NULL) {
		fail(ld, "port %lld: banner service without \"banner\"", port);
		goto out;
	}
	rc = 0;
out:
	free(svc);
	free(hex);
	free(banner);
	free(tkey);
	return rc;
}

static int
load_vars(struct ld *ld, json_object *o, struct cs_camsim_var **out, size_t *n)
{
	size_t i = 0, len;

	*out = NULL;
	*n = 0;
	if (o == NULL)
		return 0;
	if (!json_object_is_type(o, json_type_object))
		return fail(ld, "\"vars\" must be an object");
	len = (size_t)json_object_object_length(o);
	if (len > MAX_LIST)
		return fail(ld, "too many vars");
	*out = cs_xcalloc(len ? len : 1, sizeof(**out));
	json_object_object_foreach(o, key, v)
	{
		if (!json_object_is_type(v, json_type_string))
			return fail(ld, "var %s must be a string", key);
		(*out)[i].name = cs_xstrdup(key);
		(*out)[i].pattern = cs_xstrdup(json_object_get_string(v));
		*n = ++i;
	}
	return 0;
}

static void
free_vars(struct cs_camsim_var *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].name);
		free(v[i].pattern);
	}
	free(v);
}

static int
load_models(struct ld *ld, json_object *a, struct cs_camsim_profile *p)
{
	size_t len;

	if (a == NULL || !json_object_is_type(a, json_type_array) ||
	    (len = json_object_array_length(a)) == 0 || len > MAX_LIST)
		return fail(ld, "\"models\" must be a non-empty array");
	p->models = cs_xcalloc(len, sizeof(*p->models));
	for (size_t i = 0; i < len; i++) {
		json_object *e = json_object_array_get_idx(a, i);
		struct cs_camsim_model *m = &p->models[i];

		p->nmodels = i + 1;
		if (json_object_is_type(e, json_type_string)) {
			m->name = cs_xstrdup(json_object_get_string(e));
			continue;
		}
		if (!json_object_is_type(e, json_type_object))
			return fail(ld, "models: string or object expected");
		if (get_str(ld, e, "name", true, &m->name) != 0 ||
		    get_strs(ld, e, "firmware", &m->firmware, &m->nfirmware) !=
			0 ||
		    load_vars(ld, member(e, "vars"), &m->vars, &m->nvars) != 0)
			return -1;
	}
	return 0;
}

static int
load_oui(struct ld *ld, json_object *o, struct cs_camsim_profile *p)
{
	char **v;
	size_t n;

	if (get_strs(ld, o, "oui", &v, &n) != 0)
		return -1;
	if (n == 0) {
		free_strs(v, n);
		return fail(ld, "\"oui\" must list at least one prefix");
	}
	p->oui = cs_xcalloc(n, sizeof(*p->oui));
	p->noui = n;
	for (size_t i = 0; i < n; i++) {
		if (parse_hex(v[i], p->oui[i], 3) != 3 || strlen(v[i]) != 8) {
			fail(ld, "bad OUI \"%.16s\"", v[i]);
			free_strs(v, n);
			return -1;
		}
	}
	free_strs(v, n);
	return 0;
}

static int
cmp_port(const void *a, const void *b)
{
	const struct cs_camsim_port *x = a, *y = b;

	return (int)x->port - (int)y->port;
}

static const char *const disc_names[] = {
    [CS_CAMSIM_DISC_WSD] = "wsd",
    [CS_CAMSIM_DISC_SADP] = "sadp",
    [CS_CAMSIM_DISC_DHIP] = "dhip",
    [CS_CAMSIM_DISC_SSDP] = "ssdp",
    [CS_CAMSIM_DISC_MDNS] = "mdns",
    [CS_CAMSIM_DISC_XM] = "xm",
    [CS_CAMSIM_DISC_DH5050] = "dh5050",
    [CS_CAMSIM_DISC_BOSCH] = "bosch",
    [CS_CAMSIM_DISC_HANWHA] = "hanwha",
    [CS_CAMSIM_DISC_PANASONIC] = "panasonic",
    [CS_CAMSIM_DISC_SONY] = "sony",
    [CS_CAMSIM_DISC_SONY_SNC] = "sony-snc",
    [CS_CAMSIM_DISC_VIVOTEK] = "vivotek",
    [CS_CAMSIM_DISC_FOSCAM] = "foscam",
    [CS_CAMSIM_DISC_VSTARCAM] = "vstarcam",
    [CS_CAMSIM_DISC_UBNT] = "ubnt",
    [CS_CAMSIM_DISC_GVCP] = "gvcp",
    [CS_CAMSIM_DISC_V360] = "v360",
    [CS_CAMSIM_DISC_NICE] = "nice",
};

int
cs_camsim_disc_parse(const char *s)
{
	for (size_t i = 0; i < CS_NELEM(disc_names); i++)
		if (strcmp(s, disc_names[i]) == 0)
			return (int)i;
	return -1;
}

const char *
cs_camsim_disc_name(enum cs_camsim_disc k)
{
	return (size_t)k < CS_NELEM(disc_names) ? disc_names[k] : "?";
}

/* Parses a dotted quad into host byte order; 0 or -1. */
static int
parse_ipv4(const char *s, uint32_t *out)
{
	return s != NULL &&
		       cs_ipv4_parse(cs_span_make(s, strlen(s)), 0, out) == 0
		   ? 0
		   : -1;
}

static int
load_discovery(struct ld *ld, json_object *o, struct cs_camsim_profile *p)
{
	json_object *att = member(o, "attached"),
		    *cred = member(o, "credentials");
	char **v, *ip = NULL;
	size_t n;
	long long cnt;

	if (get_strs(ld, o, "discovery", &v, &n) != 0)
		return -1;
	for (size_t i = 0; i < n; i++) {
		int k = cs_camsim_disc_parse(v[i]);
		if (k < 0) {
			fail(ld, "unknown discovery protocol \"%.32s\"", v[i]);
			free_strs(v, n);
			return -1;
		}
		p->discovery |= 1u << k;
	}
	free_strs(v, n);
	if (cred != NULL &&
	    (!json_object_is_type(cred, json_type_object) ||
	     get_str(ld, cred, "user", true, &p->user) != 0 ||
	     get_str(ld, cred, "password", true, &p->password) != 0))
		return fail(ld, "\"credentials\" must be {user, password}");
	if (att == NULL)
		return 0;
	if (!json_object_is_type(att, json_type_object) ||
	    get_int(ld, att, "count", 1, 64, 0, &cnt) != 0 ||
	    get_str(ld, att, "first_ip", true, &ip) != 0 ||
	    get_strs(ld, att, "profiles", &p->attached.names,
		     &p->attached.nnames) != 0) {
		free(ip);
		return fail(ld, "\"attached\" must be {count 1..64, first_ip, "
				"profiles}");
	}
	if (cnt == 0 || p->attached.nnames == 0 ||
	    parse_ipv4(ip, &p->attached.first_addr) != 0 ||
	    (p->attached.first_addr & 0xff) + (uint32_t)cnt > 255) {
		free(ip);
		return fail(ld, "bad \"attached\"");
	}
	free(ip);
	p->attached.count = (size_t)cnt;
	return 0;
}

static const char *const classes[] = {"camera", "nvr", "dvr", "encoder",
				      "other"};

static int
build_profile(struct ld *ld, json_object *o, struct cs_camsim_profile *p)
{
	json_object *ports = member(o, "ports"), *http = member(o, "http");
	json_object *rtsp = member(o, "rtsp");
	bool cls_ok = false;
	size_t len;

	if (get_str(ld, o, "brand", true, &p->brand) != 0 ||
	    get_str(ld, o, "manufacturer", true, &p->manufacturer) != 0 ||
	    get_str(ld, o, "device_class", true, &p->device_class) != 0 ||
	    get_bool(ld, o, "surveillance", false, &p->surveillance) != 0 ||
	    get_strs(ld, o, "firmware", &p->firmware, &p->nfirmware) != 0 ||
	    get_str(ld, o, "serial", true, &p->serial_fmt) != 0 ||
	    load_models(ld, member(o, "models"), p) != 0 ||
	    load_oui(ld, o, p) != 0 ||
	    load_vars(ld, member(o, "vars"), &p->vars, &p->nvars) != 0 ||
	    load_discovery(ld, o, p) != 0)
		return -1;
	if (member(o, "surveillance") == NULL)
		return fail(ld, "missing \"surveillance\"");
	for (size_t i = 0; i < CS_NELEM(classes); i++)
		cls_ok |= strcmp(p->device_class, classes[i]) == 0;
	if (!cls_ok)
		return fail(ld, "bad device_class \"%.32s\"", p->device_class);
	for (size_t i = 0; i < p->nmodels; i++)
		if (p->nfirmware == 0 && p->models[i].nfirmware == 0)
			return fail(ld, "model %s has no firmware list",
				    p->models[i].name);
	/* Every TCP port closed is allowed if the device answers discovery. */
	if (ports == NULL || !json_object_is_type(ports, json_type_array) ||
	    ((len = json_object_array_length(ports)) == 0 &&
	     p->discovery == 0) ||
	    len > 64)
		return fail(ld, "\"ports\" must be a non-empty array");
	p->ports = cs_xcalloc(len ? len : 1, sizeof(*p->ports));
	for (size_t i = 0; i < len; i++) {
		p->nports = i + 1;
		if (load_port(ld, json_object_array_get_idx(ports, i),
			      &p->ports[i]) != 0)
			return -1;
	}
	qsort(p->ports, p->nports, sizeof(*p->ports), cmp_port);
	for (size_t i = 0; i < p->nports; i++) {
		if (i > 0 && p->ports[i].port == p->ports[i - 1].port)
			return fail(ld, "port %u listed twice",
				    p->ports[i].port);
		if (p->ports[i].svc == CS_CAMSIM_SVC_HTTP && http == NULL)
			return fail(ld, "http port without \"http\" block");
		if (p->ports[i].svc == CS_CAMSIM_SVC_RTSP && rtsp == NULL)
			return fail(ld, "rtsp port without \"rtsp\" block");
	}
	if (http != NULL) {
		p->has_http = true;
		if (load_http(ld, http, &p->http) != 0)
			return -1;
	}
	if (rtsp != NULL) {
		p->has_rtsp = true;
		if (load_rtsp(ld, rtsp, &p->rtsp) != 0)
			return -1;
	}
	return 0;
}

void
cs_camsim_profile_free(struct cs_camsim_profile *p)
{
	if (p == NULL)
		return;
	free(p->name);
	free(p->brand);
	free(p->manufacturer);
	free(p->device_class);
	for (size_t i = 0; i < p->nmodels; i++) {
		free(p->models[i].name);
		free_strs(p->models[i].firmware, p->models[i].nfirmware);
		free_vars(p->models[i].vars, p->models[i].nvars);
	}
	free(p->models);
	free_strs(p->firmware, p->nfirmware);
	free(p->oui);
	free(p->serial_fmt);
	free_vars(p->vars, p->nvars);
	for (size_t i = 0; i < p->nports; i++) {
		free(p->ports[i].greeting);
		free(p->ports[i].xm_login);
		free(p->ports[i].xm_other);
	}
	free(p->ports);
	free(p->user);
	free(p->password);
	free_strs(p->attached.names, p->attached.nnames);
	free(p->attached.profs);
	free_http(&p->http);
	free_rtsp(&p->rtsp);
	free(p);
}

struct cs_camsim_profile *
cs_camsim_profile_load(const char *dir, const char *name, char *err,
		       size_t errsz)
{
	struct ld ld = {err, errsz, name};
	struct cs_camsim_profile *p;
	json_object *o;

	if ((o = read_profile(&ld, dir, name, 0)) == NULL)
		return NULL;
	p = cs_xcalloc(1, sizeof(*p));
	p->name = cs_xstrdup(name);
	if (build_profile(&ld, o, p) != 0) {
		cs_camsim_profile_free(p);
		p = NULL;
	}
	json_object_put(o);
	return p;
}

void
cs_camsim_set_free(struct cs_camsim_set *s)
{
	if (s == NULL)
		return;
	for (size_t i = 0; i < s->nprofiles; i++)
		cs_camsim_profile_free(s->profiles[i]);
	free(s->profiles);
	free(s->mix);
	free(s);
}

/* Returns the profile of s named name, or NULL. */
static struct cs_camsim_profile *
set_find(const struct cs_camsim_set *s, const char *name)
{
	for (size_t i = 0; i < s->nprofiles; i++)
		if (strcmp(s->profiles[i]->name, name) == 0)
			return s->profiles[i];
	return NULL;
}

static void
set_add(struct cs_camsim_set *s, struct cs_camsim_profile *p)
{
	s->profiles =
	    cs_xrealloc(s->profiles, s->nprofiles + 1, sizeof(*s->profiles));
	s->profiles[s->nprofiles++] = p;
}

/*
 * Loads the profiles named by "attached" lists (once each) and resolves
 * the names.  Attached cameras may not have cameras attached.
 */
static int
resolve_attached(struct cs_camsim_set *s, const char *dir, char *err,
		 size_t errsz)
{
	size_t n = s->nprofiles;

	for (size_t i = 0; i < n; i++) {
		struct cs_camsim_attached *a = &s->profiles[i]->attached;
		struct ld ld = {err, errsz, s->profiles[i]->name};

		if (a->count == 0)
			continue;
		a->profs = cs_xcalloc(a->nnames, sizeof(*a->profs));
		for (size_t j = 0; j < a->nnames; j++) {
			struct cs_camsim_profile *p = set_find(s, a->names[j]);
			if (p == NULL) {
				p = cs_camsim_profile_load(dir, a->names[j],
							   err, errsz);
				if (p == NULL)
					return -1;
				set_add(s, p);
			}
			if (p->attached.count > 0)
				return fail(&ld,
					    "attached profile %s has "
					    "cameras attached",
					    p->name);
			a->profs[j] = p;
		}
	}
	return 0;
}

struct cs_camsim_set *
cs_camsim_set_load_one(const char *dir, const char *name, char *err,
		       size_t errsz)
{
	struct cs_camsim_set *s = cs_xcalloc(1, sizeof(*s));
	struct cs_camsim_profile *p;

	if ((p = cs_camsim_profile_load(dir, name, err, errsz)) == NULL) {
		free(s);
		return NULL;
	}
	set_add(s, p);
	s->mix = cs_xcalloc(1, sizeof(*s->mix));
	s->mix[0].prof = p;
	s->mix[0].weight = 1;
	s->nmix = 1;
	s->total_weight = 1;
	if (resolve_attached(s, dir, err, errsz) != 0) {
		cs_camsim_set_free(s);
		return NULL;
	}
	return s;
}

struct cs_camsim_set *
cs_camsim_set_load(const char *dir, const char *mix, char *err, size_t errsz)
{
	struct ld ld = {err, errsz, mix};
	struct cs_camsim_set *s = NULL;
	json_object *o, *w;
	size_t len, i = 0;

	if ((o = read_json(&ld, dir, "mixes", mix)) == NULL)
		return NULL;
	w = member(o, "weights");
	if (w == NULL || !json_object_is_type(w, json_type_object) ||
	    (len = (size_t)json_object_object_length(w)) == 0 ||
	    len > MAX_LIST) {
		fail(&ld, "\"weights\" must be a non-empty object");
		goto fail;
	}
	s = cs_xcalloc(1, sizeof(*s));
	s->mix = cs_xcalloc(len, sizeof(*s->mix));
	json_object_object_foreach(w, key, v)
	{
		long long wt;
		struct cs_camsim_profile *p;

		(void)v;
		if (get_int(&ld, w, key, 0, 1000000, 0, &wt) != 0)
			goto fail;
		if (wt == 0)
			continue;
		if ((p = cs_camsim_profile_load(dir, key, err, errsz)) == NULL)
			goto fail;
		set_add(s, p);
		s->mix[i].prof = p;
		s->mix[i].weight = (uint32_t)wt;
		s->total_weight += (uint64_t)wt;
		s->nmix = ++i;
	}
	if (s->total_weight == 0) {
		fail(&ld, "all weights are zero");
		goto fail;
	}
	if (resolve_attached(s, dir, err, errsz) != 0)
		goto fail;
	json_object_put(o);
	return s;
fail:
	json_object_put(o);
	cs_camsim_set_free(s);
	return NULL;
}
