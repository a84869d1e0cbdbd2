/* SPDX-License-Identifier: ISC */
/* DHIP discovery JSON; see parse_dhip.h. */
#include "parse/parse_dhip.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include <json-c/json.h>

#include "core/str.h"
#include "parse/parse_json.h"
#include "parse/parse_vendor.h"
#include "core/poison.h"

/*
 * The fast path (issue #17): a DHIP reply is some 500 bytes of plain
 * JSON, and json-c's tree of it cost twenty times reading it.  fj_read
 * reads the fields of cs_dhip_info_parse in one pass over a document in
 * a strict subset of JSON where json-c is known to give the same: RFC
 * 8259's grammar with ASCII strings without escapes or control bytes,
 * numbers without exponents and of at most 18 digits, at most FJ_DEPTH
 * levels, blanks only after the object, no key read twice in an object
 * read; a field's value is a string, true, false or an integer
 * (json_object_get_string gives its text as written then; "-0" is
 * not), else it is absent.  Anything else (escapes, comments, single
 * quotes, NaN, a cut document...) returns false and json-c reads it.
 */
#define FJ_DEPTH 8

enum fj_ctx { FJ_OTHER, FJ_TOP, FJ_PARAMS, FJ_DI }; /* FJ_DI: a deviceInfo */

enum {
	FJ_METHOD,
	FJ_MAC,
	FJ_F_MAC, /* the fields of a deviceInfo, in fj_fields' order */
	FJ_F_COUNT = FJ_F_MAC + 8,
};

static const char *const fj_fields[8] = {
    "MAC",          "DeviceType", "DeviceClass", "Vendor",
    "Manufacturer", "Version",    "SerialNo",    "MachineName",
};

struct fj {
	const uint8_t *p;
	size_t n, i;
	/* the values: [0] params.deviceInfo's, [1] the top-level
	 * deviceInfo's (FJ_METHOD and FJ_MAC in [0] only) */
	struct cs_span v[2][FJ_F_COUNT];
	bool seen[2][FJ_F_COUNT];
	bool params, di[2];
};

static bool
fj_key(struct cs_span k, const char *s)
{
	return k.n == strlen(s) && memcmp(k.p, s, k.n) == 0;
}

static void
fj_ws(struct fj *x)
{
	while (x->i < x->n && (x->p[x->i] == ' ' || x->p[x->i] == '\t' ||
			       x->p[x->i] == '\r' || x->p[x->i] == '\n'))
		x->i++;
}

/* A string (escape-free ASCII) at x->i; its bytes in *s. */
static bool
fj_string(struct fj *x, struct cs_span *s)
{
	size_t b;

	if (x->i >= x->n || x->p[x->i] != '"')
		return false;
	b = ++x->i;
	while (x->i < x->n && x->p[x->i] != '"') {
		uint8_t c = x->p[x->i];

		if (c < 0x20 || c >= 0x7f || c == '\\')
			return false;
		x->i++;
	}
	if (x->i >= x->n)
		return false;
	*s = cs_span_make(x->p + b, x->i - b);
	x->i++;
	return true;
}

/* A number at x->i; *plain: an integer json-c prints as written. */
static bool
fj_number(struct fj *x, bool *plain)
{
	size_t b = x->i, d;

	if (x->i < x->n && x->p[x->i] == '-')
		x->i++;
	d = x->i;
	if (x->i >= x->n || x->p[x->i] < '0' || x->p[x->i] > '9')
		return false;
	if (x->p[x->i] == '0')
		x->i++;
	else
		while (x->i < x->n && x->p[x->i] >= '0' && x->p[x->i] <= '9')
			x->i++;
	if (x->i - d > 18)
		return false;
	*plain = !(x->i - b == 2 && x->p[b] == '-' && x->p[d] == '0');
	if (x->i < x->n && x->p[x->i] == '.') {
		size_t f = ++x->i;

		while (x->i < x->n && x->p[x->i] >= '0' && x->p[x->i] <= '9')
			x->i++;
		if (x->i == f || x->i - f > 18)
			return false;
		*plain = false;
	}
	if (x->i < x->n && (x->p[x->i] == 'e' || x->p[x->i] == 'E'))
		return false;
	return true;
}

/* What a value is to cs_json_get_str. */
enum fj_kind {
	FJ_ABSENT, /* null, an object or an array: not found */
	FJ_TEXT,   /* a string, true, false or an integer: its text */
	FJ_UNSURE, /* a number json-c may print otherwise */
};

static bool fj_value(struct fj *x, enum fj_ctx ctx, int depth,
		     struct cs_span *v, enum fj_kind *kind);

/* An object at x->i (its '{'), read as ctx. */
static bool
fj_object(struct fj *x, enum fj_ctx ctx, int depth, int which)
{
	if (depth > FJ_DEPTH)
		return false;
	x->i++;
	fj_ws(x);
	if (x->i < x->n && x->p[x->i] == '}') {
		x->i++;
		return true;
	}
	for (;;) {
		struct cs_span k, v;
		enum fj_ctx sub = FJ_OTHER;
		int slot = -1, w = which;
		enum fj_kind kind;

		if (!fj_string(x, &k))
			return false;
		fj_ws(x);
		if (x->i >= x->n || x->p[x->i] != ':')
			return false;
		x->i++;
		fj_ws(x);
		if (ctx == FJ_TOP) {
			if (fj_key(k, "method"))
				slot = FJ_METHOD;
			else if (fj_key(k, "mac"))
				slot = FJ_MAC;
			else if (fj_key(k, "params"))
				sub = FJ_PARAMS;
			else if (fj_key(k, "deviceInfo"))
				sub = FJ_DI;
			w = sub == FJ_DI ? 1 : 0;
		} else if (ctx == FJ_PARAMS && fj_key(k, "deviceInfo")) {
			sub = FJ_DI;
			w = 0;
		} else if (ctx == FJ_DI) {
			for (int f = 0; f < 8 && slot < 0; f++)
				if (fj_key(k, fj_fields[f]))
					slot = FJ_F_MAC + f;
		}
		if (sub == FJ_PARAMS) {
			if (x->params)
				return false; /* read twice */
			x->params = true;
		} else if (sub == FJ_DI) {
			if (x->di[w])
				return false;
			x->di[w] = true;
		} else if (slot >= 0) {
			if (x->seen[w][slot])
				return false;
			x->seen[w][slot] = true;
		}
		if (x->i < x->n && x->p[x->i] == '{') {
			if (!fj_object(x, sub, depth + 1, w))
				return false;
		} else {
			if (!fj_value(x, FJ_OTHER, depth, &v, &kind))
				return false;
			if (slot >= 0 && kind == FJ_UNSURE)
				return false;
			if (slot >= 0 && kind == FJ_TEXT)
				x->v[w][slot] = v;
		}
		fj_ws(x);
		if (x->i < x->n && x->p[x->i] == ',') {
			x->i++;
			fj_ws(x);
			continue;
		}
		if (x->i < x->n && x->p[x->i] == '}') {
			x->i++;
			return true;
		}
		return false;
	}
}

/* An array at x->i (its '['). */
static bool
fj_array(struct fj *x, int depth)
{
	struct cs_span v;
	enum fj_kind kind;

	if (depth > FJ_DEPTH)
		return false;
	x->i++;
	fj_ws(x);
	if (x->i < x->n && x->p[x->i] == ']') {
		x->i++;
		return true;
	}
	for (;;) {
		if (!fj_value(x, FJ_OTHER, depth, &v, &kind))
			return false;
		fj_ws(x);
		if (x->i < x->n && x->p[x->i] == ',') {
			x->i++;
			fj_ws(x);
			continue;
		}
		if (x->i < x->n && x->p[x->i] == ']') {
			x->i++;
			return true;
		}
		return false;
	}
}

/* A value at x->i; *v gets its text and *kind what it is. */
static bool
fj_value(struct fj *x, enum fj_ctx ctx, int depth, struct cs_span *v,
	 enum fj_kind *kind)
{
	static const char *const lits[] = {"true", "false", "null"};
	size_t b = x->i;
	bool plain;

	*kind = FJ_ABSENT;
	if (x->i >= x->n)
		return false;
	switch (x->p[x->i]) {
	case '{':
		return fj_object(x, ctx, depth + 1, 0);
	case '[':
		return fj_array(x, depth + 1);
	case '"':
		*kind = FJ_TEXT;
		return fj_string(x, v);
	default:
		break;
	}
	for (size_t l = 0; l < CS_NELEM(lits); l++) {
		size_t k = strlen(lits[l]);

		if (x->n - x->i >= k && memcmp(x->p + x->i, lits[l], k) == 0) {
			x->i += k;
			*v = cs_span_make(x->p + b, k);
			*kind = l < 2 ? FJ_TEXT : FJ_ABSENT;
			return true;
		}
	}
	if (!fj_number(x, &plain))
		return false;
	*kind = plain ? FJ_TEXT : FJ_UNSURE;
	*v = cs_span_make(x->p + b, x->i - b);
	return true;
}

/* Fills out's fields from the JSON at p (n bytes); false if it is not in
 * the subset (out untouched). */
static bool
fj_read(const uint8_t *p, size_t n, struct cs_dhip_info *out)
{
	struct fj x;
	char *dst[8];

	if (n > CS_JSON_MAX)
		return false;
	memset(&x, 0, sizeof(x));
	x.p = p;
	x.n = n;
	fj_ws(&x);
	if (x.i >= n || p[x.i] != '{' || !fj_object(&x, FJ_TOP, 1, 0))
		return false;
	fj_ws(&x);
	if (x.i != n)
		return false;
	/* as cs_json_get_str and get() would read them */
	cs_span_copy(out->method, sizeof(out->method), x.v[0][FJ_METHOD]);
	dst[0] = out->mac;
	dst[1] = out->device_type;
	dst[2] = out->device_class;
	dst[3] = out->vendor;
	dst[4] = out->manufacturer;
	dst[5] = out->version;
	dst[6] = out->serial;
	dst[7] = out->machine_name;
	for (int f = 0; f < 8; f++) {
		int s = FJ_F_MAC + f;
		struct cs_span v = x.v[0][s].p != NULL ? x.v[0][s] : x.v[1][s];

		if (f == 0 && x.v[0][FJ_MAC].n > 0)
			v = x.v[0][FJ_MAC];
		cs_span_copy(dst[f], CS_DHIP_FIELD, v);
	}
	return true;
}

/* Whether fj_read may read documents (cs_dhip_fast_set). */
static _Thread_local bool fj_off;
static _Thread_local unsigned long fj_reads;

unsigned long
cs_dhip_fast_count(void)
{
	return fj_reads;
}

bool
cs_dhip_fast_set(bool on)
{
	bool was = !fj_off;

	fj_off = !on;
	return was;
}

static void
get(struct json_object *o, const char *field, char *out)
{
	char path[96];

	snprintf(path, sizeof(path), "params.deviceInfo.%s", field);
	if (cs_json_get_str(o, path, out, CS_DHIP_FIELD) == 0)
		return;
	snprintf(path, sizeof(path), "deviceInfo.%s", field);
	(void)cs_json_get_str(o, path, out, CS_DHIP_FIELD);
}

int
cs_dhip_info_parse(const uint8_t *p, size_t n, struct cs_dhip_info *out)
{
	static const uint8_t magic[8] = {0x20, 0, 0, 0, 'D', 'H', 'I', 'P'};
	struct json_object *o = NULL;
	struct cs_span j = cs_span_make(p, n);
	int rc;

	memset(out, 0, sizeof(*out));
	if (n >= 4 && p[0] == 0x20 && p[1] == 0 && p[2] == 0 && p[3] == 0) {
		struct cs_dhip m;

		if (n >= 8 && memcmp(p, magic, 8) != 0)
			return CS_EPROTO;
		if ((rc = cs_dhip_parse(p, n, &m)) != 0)
			return rc;
		j = m.body;
		out->framed = true;
	}
	out->json = j;
	if (!fj_off && fj_read(j.p, j.n, out)) {
		fj_reads++;
		return 0;
	}
	if ((rc = cs_json_parse(j.p, j.n, &o)) != 0)
		return rc;
	if (o == NULL || !json_object_is_type(o, json_type_object)) {
		json_object_put(o);
		return CS_EPROTO;
	}
	(void)cs_json_get_str(o, "method", out->method, sizeof(out->method));
	if (cs_json_get_str(o, "mac", out->mac, sizeof(out->mac)) != 0 ||
	    out->mac[0] == '\0')
		get(o, "MAC", out->mac);
	get(o, "DeviceType", out->device_type);
	get(o, "DeviceClass", out->device_class);
	get(o, "Vendor", out->vendor);
	get(o, "Manufacturer", out->manufacturer);
	get(o, "Version", out->version);
	get(o, "SerialNo", out->serial);
	get(o, "MachineName", out->machine_name);
	json_object_put(o);
	return 0;
}
