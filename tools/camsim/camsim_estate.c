/* SPDX-License-Identifier: ISC */
/*
 * Address selection, per-device values and the ground-truth manifest of a
 * camsim estate.  See camsim_estate.h.
 */
#include "camsim_estate.h"

#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "core/alloc.h"
#include "core/cs.h"
#include "core/str.h"
#include "core/poison.h"

#define LOOPBACK_NET 0x7f000000u /* 127.0.0.0/8 */
#define LOOPBACK_ONE 0x7f000001u /* 127.0.0.1, left to real services */

int
cs_camsim_cidr_parse(const char *s, struct cs_camsim_cidr *out)
{
	char buf[32];
	char *slash, *dot, *p;
	uint32_t addr = 0;
	long long v;
	uint32_t mask;

	if (cs_strlcpy(buf, s, sizeof(buf)) >= sizeof(buf))
		return CS_EINVAL;
	if ((slash = strchr(buf, '/')) == NULL)
		return CS_EINVAL;
	*slash = '\0';
	if (cs_str_tonum(slash + 1, 0, 32, &v) != 0)
		return CS_EINVAL;
	out->len = (unsigned)v;
	p = buf;
	for (int i = 0; i < 4; i++) {
		dot = strchr(p, '.');
		if ((i < 3) != (dot != NULL))
			return CS_EINVAL;
		if (dot != NULL)
			*dot = '\0';
		if (cs_str_tonum(p, 0, 255, &v) != 0 || p[0] == '+' ||
		    p[0] == '-')
			return CS_EINVAL;
		addr = addr << 8 | (uint32_t)v;
		if (dot != NULL)
			p = dot + 1;
	}
	mask = out->len == 0 ? 0 : 0xffffffffu << (32 - out->len);
	if ((addr & 0xff000000u) != LOOPBACK_NET || out->len < 8)
		return CS_ESCOPE;
	if (out->len > 30 || (addr & ~mask) != 0)
		return CS_EINVAL;
	out->net = addr;
	return 0;
}

static bool
has_one(const struct cs_camsim_cidr *c)
{
	uint32_t mask = 0xffffffffu << (32 - c->len);

	return (LOOPBACK_ONE & mask) == c->net && LOOPBACK_ONE != c->net &&
	       LOOPBACK_ONE != (c->net | ~mask);
}

uint64_t
cs_camsim_cidr_usable(const struct cs_camsim_cidr *c)
{
	uint64_t hosts = ((uint64_t)1 << (32 - c->len)) - 2;

	return hosts - (has_one(c) ? 1 : 0);
}

/* Maps an index in [0, usable) to an address, skipping 127.0.0.1. */
static uint32_t
index_addr(const struct cs_camsim_cidr *c, uint32_t i)
{
	uint32_t a = c->net + 1 + i;

	if (has_one(c) && a >= LOOPBACK_ONE)
		a++;
	return a;
}

uint64_t
cs_camsim_rand(uint64_t *st)
{
	uint64_t z = (*st += 0x9e3779b97f4a7c15ull);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
	return z ^ (z >> 31);
}

/* Uniform in [0, n), n > 0; the modulo bias is irrelevant here. */
static uint64_t
below(uint64_t *st, uint64_t n)
{
	return cs_camsim_rand(st) % n;
}

const char *
cs_camsim_device_var(const struct cs_camsim_device *d, const char *name,
		     size_t len)
{
	static const struct {
		const char *name;
		size_t off;
	} fixed[] = {
	    {"ip", offsetof(struct cs_camsim_device, ip)},
	    {"serial", offsetof(struct cs_camsim_device, serial)},
	    {"mac", offsetof(struct cs_camsim_device, mac)},
	    {"MAC", offsetof(struct cs_camsim_device, mac_up)},
	    {"mac_dash", offsetof(struct cs_camsim_device, mac_dash)},
	    {"mac_hex", offsetof(struct cs_camsim_device, mac_hex)},
	    {"MAC_HEX", offsetof(struct cs_camsim_device, mac_hexup)},
	    {"uuid", offsetof(struct cs_camsim_device, uuid)},
	    {"channel", offsetof(struct cs_camsim_device, channel)},
	    {"channel0", offsetof(struct cs_camsim_device, channel0)},
	};
	struct cs_span n = cs_span_make(name, len);
	size_t nm;

#define IS(lit) (len == sizeof(lit) - 1 && memcmp(name, lit, len) == 0)
	if (IS("model"))
		return d->model ? d->model->name : NULL;
	if (IS("firmware"))
		return d->firmware;
	if (IS("brand"))
		return d->prof ? d->prof->brand : NULL;
	if (IS("manufacturer"))
		return d->prof ? d->prof->manufacturer : NULL;
#undef IS
	for (size_t i = 0; i < CS_NELEM(fixed); i++)
		if (strlen(fixed[i].name) == len &&
		    memcmp(fixed[i].name, name, len) == 0)
			return (const char *)d + fixed[i].off;
	if (d->vals == NULL || d->model == NULL || d->prof == NULL)
		return NULL;
	nm = d->model->nvars;
	for (size_t i = 0; i < d->nvals; i++) {
		const char *vn = i < nm ? d->model->vars[i].name
					: d->prof->vars[i - nm].name;
		if (d->vals[i] != NULL && strlen(vn) == n.n &&
		    memcmp(vn, name, len) == 0)
			return d->vals[i];
	}
	return NULL;
}

void
cs_camsim_gen_pattern(char *out, size_t outsz, const char *pattern,
		      uint64_t *st, const struct cs_camsim_device *d)
{
	static const char hexu[] = "0123456789ABCDEF";
	static const char hexl[] = "0123456789abcdef";
	size_t o = strlen(out);

	for (const char *p = pattern; *p && o + 1 < outsz; p++) {
		char c = *p;
		const char *end, *v;

		switch (c) {
		case '#':
			c = (char)('0' + below(st, 10));
			break;
		case '@':
			c = (char)('A' + below(st, 26));
			break;
		case '*':
			c = hexu[below(st, 16)];
			break;
		case '%':
			c = hexl[below(st, 16)];
			break;
		case '\\':
			if (p[1] != '\0')
				c = *++p;
			break;
		case '{':
			end = strchr(p, '}');
			if (end == NULL)
				break;
			v = cs_camsim_device_var(d, p + 1,
						 (size_t)(end - p - 1));
			if (v == NULL)
				break;
			o += cs_strlcpy(out + o, v, outsz - o);
			if (o >= outsz)
				o = outsz - 1;
			p = end;
			continue;
		default:
			break;
		}
		out[o++] = c;
	}
	out[o] = '\0';
}

static int
cmp_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return x < y ? -1 : x > y;
}

/* Picks n distinct offsets of [0, usable) into v (n entries). */
static void
pick_offsets(uint32_t *v, size_t n, uint64_t usable, uint64_t *st)
{
	if ((uint64_t)n * 2 <= usable) {
		/* Sparse: rejection sampling with an open-addressed set. */
		size_t cap = 16, got = 0;
		uint32_t *set;

		while (cap < n * 2)
			cap *= 2;
		set = cs_xmalloc(cap * sizeof(*set));
		memset(set, 0xff, cap * sizeof(*set)); /* 0xffffffff: empty */
		while (got < n) {
			uint32_t x = (uint32_t)below(st, usable);
			size_t h = (size_t)(x * 2654435761u) & (cap - 1);

			while (set[h] != 0xffffffffu && set[h] != x)
				h = (h + 1) & (cap - 1);
			if (set[h] == x)
				continue;
			set[h] = x;
			v[got++] = x;
		}
		free(set);
		return;
	}
	/* Dense (usable < 2n): partial Fisher-Yates over all offsets. */
	uint32_t *all = cs_xmalloc((size_t)usable * sizeof(*all));
	for (uint32_t i = 0; i < usable; i++)
		all[i] = i;
	for (size_t i = 0; i < n; i++) {
		size_t j = i + (size_t)below(st, usable - i);
		uint32_t t = all[i];
		all[i] = all[j];
		all[j] = t;
		v[i] = all[i];
	}
	free(all);
}

static const struct cs_camsim_profile *
pick_profile(const struct cs_camsim_set *set, uint64_t *st)
{
	uint64_t r = below(st, set->total_weight);

	for (size_t i = 0; i < set->nmix; i++) {
		if (r < set->mix[i].weight)
			return set->mix[i].prof;
		r -= set->mix[i].weight;
	}
	return set->mix[set->nmix - 1].prof;
}

static void
set_addr(struct cs_camsim_device *d, uint32_t a)
{
	d->addr = a;
	snprintf(d->ip, sizeof(d->ip), "%u.%u.%u.%u", a >> 24,
		 (a >> 16) & 255, (a >> 8) & 255, a & 255);
}

static void make_device_of(struct cs_camsim_device *d,
			   const struct cs_camsim_profile *p, uint64_t *st,
			   uint64_t seed);

static void
make_device(struct cs_camsim_device *d, const struct cs_camsim_set *set,
	    uint64_t seed)
{
	uint64_t st = seed ^ ((uint64_t)d->addr * 0x9e3779b97f4a7c15ull);

	cs_camsim_rand(&st);
	make_device_of(d, pick_profile(set, &st), &st, seed);
}

/* The cameras behind recorder d, on channels 1..count. */
static void
make_attached(struct cs_camsim_device *d, uint64_t seed)
{
	const struct cs_camsim_attached *a = &d->prof->attached;

	if (a->count == 0 || a->profs == NULL)
		return;
	d->attached = cs_xcalloc(a->count, sizeof(*d->attached));
	d->nattached = a->count;
	for (size_t i = 0; i < a->count; i++) {
		struct cs_camsim_device *c = &d->attached[i];
		uint64_t st = seed ^ ((uint64_t)d->addr * 0x9e3779b97f4a7c15ull) ^
			      ((uint64_t)(i + 1) << 40);

		set_addr(c, a->first_addr + (uint32_t)i);
		snprintf(c->channel, sizeof(c->channel), "%zu", i + 1);
		snprintf(c->channel0, sizeof(c->channel0), "%zu", i);
		cs_camsim_rand(&st);
		make_device_of(c, a->profs[i % a->nnames], &st, seed);
	}
}

static void
make_device_of(struct cs_camsim_device *d, const struct cs_camsim_profile *p,
	       uint64_t *stp, uint64_t seed)
{
	const struct cs_camsim_model *m;
	uint64_t st = *stp;
	const uint8_t *oui;
	uint8_t mac[6];
	uint64_t u1, u2;

	d->prof = p;
	d->model = m = &p->models[below(&st, p->nmodels)];
	d->firmware = m->nfirmware ? m->firmware[below(&st, m->nfirmware)]
				   : p->firmware[below(&st, p->nfirmware)];
	oui = p->oui[below(&st, p->noui)];
	memcpy(mac, oui, 3);
	u1 = cs_camsim_rand(&st);
	mac[3] = (uint8_t)u1;
	mac[4] = (uint8_t)(u1 >> 8);
	mac[5] = (uint8_t)(u1 >> 16);
	snprintf(d->mac, sizeof(d->mac), "%02x:%02x:%02x:%02x:%02x:%02x",
		 mac[0], mac[1], mac[2], mac[3], mac[4], mac[5]);
	snprintf(d->mac_up, sizeof(d->mac_up), "%02X:%02X:%02X:%02X:%02X:%02X",
		 mac[0], mac[1], mac[2], mac[3], mac[4], mac[5]);
	snprintf(d->mac_dash, sizeof(d->mac_dash),
		 "%02x-%02x-%02x-%02x-%02x-%02x", mac[0], mac[1], mac[2],
		 mac[3], mac[4], mac[5]);
	snprintf(d->mac_hex, sizeof(d->mac_hex), "%02x%02x%02x%02x%02x%02x",
		 mac[0], mac[1], mac[2], mac[3], mac[4], mac[5]);
	snprintf(d->mac_hexup, sizeof(d->mac_hexup), "%02X%02X%02X%02X%02X%02X",
		 mac[0], mac[1], mac[2], mac[3], mac[4], mac[5]);
	u1 = cs_camsim_rand(&st);
	u2 = cs_camsim_rand(&st);
	snprintf(d->uuid, sizeof(d->uuid), "%08x-%04x-4%03x-%04x-%012llx",
		 (unsigned)(u1 >> 32), (unsigned)(u1 >> 16) & 0xffff,
		 (unsigned)u1 & 0xfff,
		 (unsigned)(0x8000 | ((u2 >> 48) & 0x3fff)),
		 (unsigned long long)(u2 & 0xffffffffffffull));
	d->serial[0] = '\0';
	cs_camsim_gen_pattern(d->serial, sizeof(d->serial), p->serial_fmt, &st,
			      d);
	d->nvals = m->nvars + p->nvars;
	d->vals = cs_xcalloc(d->nvals ? d->nvals : 1, sizeof(char *));
	for (size_t i = 0; i < d->nvals; i++) {
		const char *pat = i < m->nvars ? m->vars[i].pattern
					       : p->vars[i - m->nvars].pattern;
		char v[512] = "";

		cs_camsim_gen_pattern(v, sizeof(v), pat, &st, d);
		d->vals[i] = cs_xstrdup(v);
	}
	*stp = st;
	make_attached(d, seed);
}

int
cs_camsim_device_build(const struct cs_camsim_set *set, uint32_t addr,
		       uint64_t seed, struct cs_camsim_device **out)
{
	struct cs_camsim_device *d = cs_xcalloc(1, sizeof(*d));

	set_addr(d, addr);
	make_device(d, set, seed);
	*out = d;
	return 0;
}

int
cs_camsim_estate_build(const struct cs_camsim_set *set,
		       const struct cs_camsim_cidr *c, size_t n, uint64_t seed,
		       struct cs_camsim_device **out)
{
	uint64_t usable = cs_camsim_cidr_usable(c);
	uint64_t st = seed;
	struct cs_camsim_device *d;
	uint32_t *off;

	*out = NULL;
	if (n == 0 || n > usable || n > CS_CAMSIM_MAX_DEVICES)
		return CS_EINVAL;
	off = cs_xcalloc(n, sizeof(*off));
	pick_offsets(off, n, usable, &st);
	for (size_t i = 0; i < n; i++)
		off[i] = index_addr(c, off[i]);
	qsort(off, n, sizeof(*off), cmp_u32);
	d = cs_xcalloc(n, sizeof(*d));
	for (size_t i = 0; i < n; i++) {
		set_addr(&d[i], off[i]);
		make_device(&d[i], set, seed);
	}
	free(off);
	*out = d;
	return 0;
}

void
cs_camsim_estate_free(struct cs_camsim_device *d, size_t n)
{
	if (d == NULL)
		return;
	for (size_t i = 0; i < n; i++) {
		for (size_t j = 0; j < d[i].nvals; j++)
			free(d[i].vals[j]);
		free(d[i].vals);
		cs_camsim_estate_free(d[i].attached, d[i].nattached);
	}
	free(d);
}

/* Keys added with discovery (issue #4): discovery, credentials, attached. */
static void
add_new_keys(json_object *o, const struct cs_camsim_device *d)
{
	const struct cs_camsim_profile *p = d->prof;
	json_object *disc = json_object_new_array();

	for (int k = 0; k < CS_CAMSIM_DISC_COUNT; k++)
		if (p->discovery & (1u << k))
			json_object_array_add(
			    disc, json_object_new_string(cs_camsim_disc_name(
				      (enum cs_camsim_disc)k)));
	json_object_object_add(o, "discovery", disc);
	if (p->user != NULL) {
		json_object *c = json_object_new_object();
		json_object_object_add(c, "user",
				       json_object_new_string(p->user));
		json_object_object_add(c, "password",
				       json_object_new_string(p->password));
		json_object_object_add(o, "credentials", c);
	}
	if (d->nattached > 0) {
		json_object *a = json_object_new_array();
		for (size_t i = 0; i < d->nattached; i++) {
			const struct cs_camsim_device *c = &d->attached[i];
			json_object *e = json_object_new_object();

			json_object_object_add(
			    e, "channel", json_object_new_int((int)i + 1));
			json_object_object_add(e, "ip",
					       json_object_new_string(c->ip));
			json_object_object_add(
			    e, "brand", json_object_new_string(c->prof->brand));
			json_object_object_add(
			    e, "manufacturer",
			    json_object_new_string(c->prof->manufacturer));
			json_object_object_add(
			    e, "model", json_object_new_string(c->model->name));
			json_object_object_add(
			    e, "firmware", json_object_new_string(c->firmware));
			json_object_object_add(
			    e, "serial", json_object_new_string(c->serial));
			json_object_object_add(e, "mac",
					       json_object_new_string(c->mac));
			json_object_array_add(a, e);
		}
		json_object_object_add(o, "attached", a);
	}
}

int
cs_camsim_manifest_write(FILE *f, const struct cs_camsim_device *d, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		const struct cs_camsim_profile *p = d[i].prof;
		json_object *o = json_object_new_object();
		json_object *ports = json_object_new_array();
		const char *s;

		for (size_t j = 0; j < p->nports; j++)
			json_object_array_add(
			    ports, json_object_new_int(p->ports[j].port));
		json_object_object_add(o, "ip",
				       json_object_new_string(d[i].ip));
		json_object_object_add(o, "ports", ports);
		json_object_object_add(o, "profile",
				       json_object_new_string(p->name));
		json_object_object_add(o, "brand",
				       json_object_new_string(p->brand));
		json_object_object_add(o, "manufacturer",
				       json_object_new_string(p->manufacturer));
		json_object_object_add(
		    o, "model", json_object_new_string(d[i].model->name));
		json_object_object_add(o, "firmware",
				       json_object_new_string(d[i].firmware));
		json_object_object_add(o, "device_class",
				       json_object_new_string(p->device_class));
		json_object_object_add(
		    o, "surveillance",
		    json_object_new_boolean(p->surveillance));
		json_object_object_add(o, "mac",
				       json_object_new_string(d[i].mac));
		json_object_object_add(o, "serial",
				       json_object_new_string(d[i].serial));
		add_new_keys(o, &d[i]);
		s = json_object_to_json_string_ext(
		    o, JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE);
		if (fputs(s, f) == EOF || fputc('\n', f) == EOF) {
			json_object_put(o);
			return CS_EIO;
		}
		json_object_put(o);
	}
	return fflush(f) == 0 && !ferror(f) ? 0 : CS_EIO;
}
