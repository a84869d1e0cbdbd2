/* SPDX-License-Identifier: ISC */
/* runZero asset exports as evidence; see parse_runzero.h. */
#include "parse/parse_runzero.h"

#include <stdio.h>
#include <string.h>

#include <json-c/json.h>

#include "core/addr.h"
#include "core/str.h"
#include "parse/parse_json.h"
#include "core/poison.h"

/* Each list item: a string (JSON) or a separated piece (CSV). */
static void
add_address(struct cs_runzero_asset *a, const char *s, size_t n)
{
	char ip[46];

	if (a->ip[0] != '\0' || n == 0 || n >= sizeof(ip))
		return;
	memcpy(ip, s, n);
	ip[n] = '\0';
	if (cs_ip_family(ip, NULL) != 0)
		memcpy(a->ip, ip, n + 1);
}

static void
add_mac(struct cs_runzero_asset *a, const char *s, size_t n)
{
	uint8_t m[6];
	char txt[18];

	if (a->nmacs >= CS_RUNZERO_MACS_MAX ||
	    cs_hwaddr_parse(cs_span_make(s, n), 0, m) != 0)
		return;
	cs_hwaddr_format(m, txt);
	for (size_t i = 0; i < a->nmacs; i++)
		if (strcmp(a->macs[i], txt) == 0)
			return;
	memcpy(a->macs[a->nmacs++], txt, sizeof(txt));
}

static void
add_port(struct cs_runzero_asset *a, const char *s, size_t n)
{
	uint64_t v;

	if (n == 0 || n > 5 ||
	    cs_span_u64(cs_span_make(s, n), 65535, &v) != 0 || v == 0 ||
	    a->nports >= CS_RUNZERO_PORTS_MAX)
		return;
	for (size_t i = 0; i < a->nports; i++)
		if (a->ports[i] == v)
			return;
	a->ports[a->nports++] = (uint16_t)v;
}

static void
add_name(struct cs_runzero_asset *a, const char *s, size_t n)
{
	if (a->name[0] == '\0' && n > 0 && n < sizeof(a->name)) {
		memcpy(a->name, s, n);
		a->name[n] = '\0';
	}
}

typedef void (*item_fn)(struct cs_runzero_asset *, const char *, size_t);

/* A JSON array of strings (numbers too, for ports), item by item. */
static void
json_list(json_object *v, struct cs_runzero_asset *a, item_fn fn)
{
	if (v == NULL || !json_object_is_type(v, json_type_array))
		return;
	for (size_t i = 0; i < json_object_array_length(v); i++) {
		json_object *e = json_object_array_get_idx(v, i);
		if (json_object_is_type(e, json_type_string) ||
		    json_object_is_type(e, json_type_int))
			fn(a, json_object_get_string(e),
			   strlen(json_object_get_string(e)));
	}
}

/* A CSV list field: items separated by tabs, spaces, commas, ';'. */
static void
csv_list(const char *s, struct cs_runzero_asset *a, item_fn fn)
{
	static const char sep[] = "\t ,;\r\n";

	while (s != NULL && *s) {
		size_t k = strcspn(s, sep);
		if (k > 0)
			fn(a, s, k);
		s += k;
		s += strspn(s, sep);
	}
}

static int64_t
json_secs(json_object *v)
{
	int64_t t;

	if (v == NULL || !json_object_is_type(v, json_type_int))
		return 0;
	t = json_object_get_int64(v);
	return t > 0 && t < (int64_t)1 << 40 ? t : 0;
}

static int64_t
csv_secs(const char *s)
{
	uint64_t v;

	if (s == NULL ||
	    cs_span_u64(cs_span_make(s, strlen(s)), (uint64_t)1 << 40, &v) != 0)
		return 0;
	return (int64_t)v;
}

int
cs_runzero_json(const uint8_t *p, size_t n, struct cs_runzero_asset *out,
		char *err, size_t errsz)
{
	json_object *o = NULL, *v;
	int rc;

	memset(out, 0, sizeof(*out));
	if ((rc = cs_json_line_object(p, n, CS_RUNZERO_LINE_MAX,
				      CS_RUNZERO_DEPTH, &o, err, errsz)) != 0)
		return rc;
	if (json_object_object_get_ex(o, "addresses", &v))
		json_list(v, out, add_address);
	if (out->ip[0] == '\0') {
		snprintf(err, errsz, "no IP address in addresses");
		json_object_put(o);
		return CS_EPROTO;
	}
	if (json_object_object_get_ex(o, "macs", &v))
		json_list(v, out, add_mac);
	if (json_object_object_get_ex(o, "service_ports_tcp", &v))
		json_list(v, out, add_port);
	if (json_object_object_get_ex(o, "names", &v))
		json_list(v, out, add_name);
	if (json_object_object_get_ex(o, "first_seen", &v))
		out->first_seen = json_secs(v);
	if (json_object_object_get_ex(o, "last_seen", &v))
		out->last_seen = json_secs(v);
	json_object_put(o);
	return 0;
}

int
cs_runzero_csv_header(struct cs_runzero_cols *c, const char *const *f,
		      size_t nf, char *err, size_t errsz)
{
	static const char *const names[] = {"addresses",         "macs",
					    "service_ports_tcp", "names",
					    "first_seen",        "last_seen"};
	int *col[] = {&c->addresses, &c->macs,       &c->ports,
		      &c->names,     &c->first_seen, &c->last_seen};

	for (size_t k = 0; k < CS_NELEM(col); k++)
		*col[k] = -1;
	for (size_t i = 0; i < nf && i < 0x7fffffff; i++)
		for (size_t k = 0; k < CS_NELEM(names); k++)
			if (*col[k] < 0 && strcmp(f[i], names[k]) == 0)
				*col[k] = (int)i;
	if (c->addresses < 0) {
		snprintf(err, errsz, "no \"addresses\" column in the header");
		return CS_EPROTO;
	}
	return 0;
}

static const char *
field(const char *const *f, size_t nf, int col)
{
	return col >= 0 && (size_t)col < nf ? f[col] : NULL;
}

int
cs_runzero_csv_row(const struct cs_runzero_cols *c, const char *const *f,
		   size_t nf, struct cs_runzero_asset *out, char *err,
		   size_t errsz)
{
	memset(out, 0, sizeof(*out));
	csv_list(field(f, nf, c->addresses), out, add_address);
	if (out->ip[0] == '\0') {
		snprintf(err, errsz, "no IP address in addresses");
		return CS_EPROTO;
	}
	csv_list(field(f, nf, c->macs), out, add_mac);
	csv_list(field(f, nf, c->ports), out, add_port);
	csv_list(field(f, nf, c->names), out, add_name);
	out->first_seen = csv_secs(field(f, nf, c->first_seen));
	out->last_seen = csv_secs(field(f, nf, c->last_seen));
	return 0;
}
