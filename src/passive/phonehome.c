/* SPDX-License-Identifier: ISC */
/* Phone-home endpoint list: TSV loading and matching; see phonehome.h. */
#include "passive/phonehome.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/addr.h"
#include "core/alloc.h"
#include "core/str.h"
#include "core/text.h"
#include "core/poison.h"

const char *
cs_ph_conf_name(enum cs_ph_conf c)
{
	return c == CS_PH_HIGH ? "high" : c == CS_PH_MEDIUM ? "medium" : "low";
}

static int
parse_value(struct cs_ph_rule *r, struct cs_span v)
{
	uint64_t num;
	unsigned plen;
	long sep;

	switch (r->kind) {
	case CS_PH_DOMAIN:
		if (v.n == 0 || v.n >= sizeof(r->value))
			return CS_EINVAL;
		for (size_t i = 0; i < v.n; i++) {
			uint8_t c = v.p[i];

			if (c >= 'A' && c <= 'Z')
				c = (uint8_t)(c + 32);
			r->value[i] = (char)c;
		}
		r->value[v.n] = '\0';
		return 0;
	case CS_PH_CIDR:
		sep = cs_span_find(v, "/", 1, false);
		if (sep < 0)
			return CS_EINVAL;
		if (cs_span_find(cs_span_make(v.p, (size_t)sep), ":", 1,
				 false) >= 0) {
			/* An IPv6 range "addr/len", host bits cleared. */
			if (cs_cidr6_parse(v, 0, r->net6, &plen) != 0)
				return CS_EINVAL;
			r->fam = 6;
			r->plen = (uint8_t)plen;
			break;
		}
		if (cs_cidr4_parse(v, 0, &r->net, &plen) != 0)
			return CS_EINVAL;
		r->fam = 4;
		r->mask = cs_cidr4_mask(plen);
		break;
	case CS_PH_UDP:
	case CS_PH_TCP:
		sep = cs_span_find(v, ":", 1, false);
		if (cs_span_u64(cs_span_make(v.p, sep < 0 ? v.n : (size_t)sep),
				65535, &num) != 0 ||
		    num == 0)
			return CS_EINVAL;
		r->port = (uint16_t)num;
		if (sep >= 0) {
			struct cs_span h =
			    cs_span_make(v.p + sep + 1, v.n - (size_t)sep - 1);

			if (h.n == 0 || h.n % 2 || h.n / 2 > CS_PH_MAGIC_MAX)
				return CS_EINVAL;
			for (size_t i = 0; i < h.n; i += 2) {
				int hi = cs_hexval(h.p[i]),
				    lo = cs_hexval(h.p[i + 1]);

				if (hi < 0 || lo < 0)
					return CS_EINVAL;
				r->magic[r->nmagic++] = (uint8_t)(hi << 4 | lo);
			}
		}
		break;
	}
	cs_span_copy(r->value, sizeof(r->value), v);
	return 0;
}

static int
parse_row(struct cs_ph_rule *r, struct cs_span line)
{
	struct cs_span f[7];
	size_t nf = cs_tsv_split(line, f, CS_NELEM(f), true);

	/* Columns after the seventh are ignored. */
	if (nf < CS_NELEM(f))
		return CS_EINVAL;
	memset(r, 0, sizeof(*r));
	if (cs_span_ieq(f[0], "domain"))
		r->kind = CS_PH_DOMAIN;
	else if (cs_span_ieq(f[0], "cidr"))
		r->kind = CS_PH_CIDR;
	else if (cs_span_ieq(f[0], "udp"))
		r->kind = CS_PH_UDP;
	else if (cs_span_ieq(f[0], "tcp"))
		r->kind = CS_PH_TCP;
	else
		return CS_EINVAL;
	if (parse_value(r, f[1]) != 0 || f[2].n == 0 || f[6].n == 0)
		return CS_EINVAL;
	cs_span_copy(r->maker, sizeof(r->maker), f[2]);
	if (!cs_span_ieq(f[3], "-")) {
		if (f[3].n != 2)
			return CS_EINVAL;
		cs_span_copy(r->country, sizeof(r->country), f[3]);
	}
	cs_span_copy(r->service, sizeof(r->service), f[4]);
	if (cs_span_ieq(f[5], "high"))
		r->conf = CS_PH_HIGH;
	else if (cs_span_ieq(f[5], "medium"))
		r->conf = CS_PH_MEDIUM;
	else if (cs_span_ieq(f[5], "low"))
		r->conf = CS_PH_LOW;
	else
		return CS_EINVAL;
	cs_span_copy(r->source, sizeof(r->source), f[6]);
	return 0;
}

/* Adds rule i to the index match_flow reads first: its port to the
 * port map, or it to the list of ranges. */
static void
index_rule(struct cs_ph *ph, size_t i)
{
	const struct cs_ph_rule *r = &ph->v[i];

	if (r->kind == CS_PH_UDP || r->kind == CS_PH_TCP) {
		if (ph->ports == NULL)
			ph->ports = cs_xcalloc(65536 / 8, 1);
		ph->ports[r->port >> 3] |= (uint8_t)(1u << (r->port & 7));
	} else if (r->kind == CS_PH_CIDR && ph->ncidr < CS_NELEM(ph->cidr)) {
		ph->cidr[ph->ncidr++] = (uint16_t)i;
	} else if (r->kind == CS_PH_CIDR) {
		ph->cidr_over = true;
	}
}

int
cs_ph_add_mem(struct cs_ph *ph, const char *name, const uint8_t *p, size_t n,
	      char *err, size_t errsz)
{
	struct cs_lines lines;
	struct cs_span line;

	cs_lines_init(&lines, p, n);
	while (cs_lines_next(&lines, &line)) {
		size_t lineno = lines.line;

		if (cs_span_trim(line).n == 0 || line.p[0] == '#')
			continue;
		if (ph->n == CS_PH_RULES_MAX) {
			snprintf(err, errsz, "%s:%zu: more than %d rows", name,
				 lineno, CS_PH_RULES_MAX);
			return CS_ELIMIT;
		}
		if (ph->n == ph->cap) {
			ph->cap = ph->cap ? ph->cap * 2 : 64;
			ph->v = cs_xrealloc(ph->v, ph->cap, sizeof(*ph->v));
		}
		if (parse_row(&ph->v[ph->n], line) != 0) {
			snprintf(
			    err, errsz,
			    "%s:%zu: bad row (want 7 tab-separated fields: "
			    "kind value maker country service confidence "
			    "source)",
			    name, lineno);
			return CS_EINVAL;
		}
		index_rule(ph, ph->n);
		ph->n++;
	}
	return 0;
}

static int
load_file(struct cs_ph *ph, const char *path, char *err, size_t errsz)
{
	struct cs_buf b;
	int rc;

	cs_buf_init(&b, 1u << 20);
	rc = cs_file_read(path, 1u << 20, &b, NULL);
	if (rc == CS_ELIMIT)
		snprintf(err, errsz, "%s: larger than 1 MiB", path);
	else if (rc != 0)
		snprintf(err, errsz, "%s: cannot open", path);
	else
		rc = cs_ph_add_mem(ph, path, b.p ? b.p : (const uint8_t *)"",
				   b.len, err, errsz);
	cs_buf_free(&b);
	return rc;
}

static int
name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int
cs_ph_load(struct cs_ph *ph, const char *path, char *err, size_t errsz)
{
	struct stat sb;
	struct dirent *de;
	char *names[256];
	size_t nn = 0;
	DIR *d;
	int rc = 0;

	if (stat(path, &sb) != 0) {
		snprintf(err, errsz, "%s: not found", path);
		return CS_EIO;
	}
	if (!S_ISDIR(sb.st_mode))
		return load_file(ph, path, err, errsz);
	d = opendir(path);
	if (d == NULL) {
		snprintf(err, errsz, "%s: cannot open", path);
		return CS_EIO;
	}
	while ((de = readdir(d)) != NULL && nn < CS_NELEM(names)) {
		size_t l = strlen(de->d_name);

		if (l > 4 && strcmp(de->d_name + l - 4, ".tsv") == 0)
			names[nn++] = cs_xstrdup(de->d_name);
	}
	closedir(d);
	qsort(names, nn, sizeof(names[0]), name_cmp);
	for (size_t i = 0; i < nn; i++) {
		char full[4096];

		snprintf(full, sizeof(full), "%s/%s", path, names[i]);
		if (rc == 0)
			rc = load_file(ph, full, err, errsz);
		free(names[i]);
	}
	return rc;
}

void
cs_ph_free(struct cs_ph *ph)
{
	free(ph->v);
	free(ph->ports);
	memset(ph, 0, sizeof(*ph));
}

const struct cs_ph_rule *
cs_ph_match_name(const struct cs_ph *ph, const char *name)
{
	const struct cs_ph_rule *best = NULL;
	size_t nl = strlen(name), bestl = 0;

	for (size_t i = 0; i < ph->n; i++) {
		const struct cs_ph_rule *r = &ph->v[i];
		size_t vl;

		if (r->kind != CS_PH_DOMAIN)
			continue;
		vl = strlen(r->value);
		if (vl > nl || vl <= bestl ||
		    memcmp(name + nl - vl, r->value, vl) != 0)
			continue;
		if (vl < nl && name[nl - vl - 1] != '.')
			continue;
		best = r;
		bestl = vl;
	}
	return best;
}

bool
cs_ph_addr_local(uint32_t a)
{
	return (a >> 24) == 10 || (a >> 24) == 127 || (a >> 24) == 0 ||
	       (a & 0xFFF00000u) == 0xAC100000u ||
	       (a & 0xFFFF0000u) == 0xC0A80000u ||
	       (a & 0xFFFF0000u) == 0xA9FE0000u || (a >> 28) == 0xE ||
	       a == 0xFFFFFFFFu;
}

bool
cs_ph_addr6_local(const uint8_t a[16])
{
	static const uint8_t mapped[12] = {[10] = 0xFF, [11] = 0xFF};
	bool unspec_or_loop = true;

	if (memcmp(a, mapped, 12) == 0)
		return cs_ph_addr_local((uint32_t)a[12] << 24 |
					(uint32_t)a[13] << 16 |
					(uint32_t)a[14] << 8 | a[15]);
	for (size_t i = 0; i < 15 && unspec_or_loop; i++)
		unspec_or_loop = a[i] == 0;
	return (unspec_or_loop && a[15] <= 1) || a[0] == 0xFF || /* multicast */
	       (a[0] & 0xFE) == 0xFC ||                 /* unique local */
	       (a[0] == 0xFE && (a[1] & 0xC0) == 0x80); /* link-local */
}

/* True if the IPv6 address a lies in r's range. */
static bool
in_cidr6(const struct cs_ph_rule *r, const uint8_t a[16])
{
	size_t full = r->plen / 8u, rest = r->plen % 8u;

	if (memcmp(a, r->net6, full) != 0)
		return false;
	return rest == 0 ||
	       (a[full] & (uint8_t)(0xFFu << (8 - rest))) == r->net6[full];
}

/*
 * The rule matching a packet to dst (fam 4: v4, host order; fam 6: v6)
 * on proto and dport with payload; local and mcast say whether dst is
 * local (cs_ph_addr_local) or multicast/broadcast.
 */
static const struct cs_ph_rule *
match_flow(const struct cs_ph *ph, int fam, uint32_t v4, const uint8_t *v6,
	   uint8_t proto, uint16_t dport, struct cs_span payload, bool local,
	   bool mcast)
{
	/* No rule for the port: only a range can match, and the ranges are
	 * listed apart (the same answer as the scan below, for less). */
	if ((ph->ports == NULL ||
	     !(ph->ports[dport >> 3] & (1u << (dport & 7)))) &&
	    !ph->cidr_over) {
		for (size_t i = 0; i < ph->ncidr; i++) {
			const struct cs_ph_rule *r = &ph->v[ph->cidr[i]];

			if (r->fam == fam &&
			    (fam == 4 ? (v4 & r->mask) == r->net
				      : in_cidr6(r, v6)))
				return r;
		}
		return NULL;
	}
	for (size_t i = 0; i < ph->n; i++) {
		const struct cs_ph_rule *r = &ph->v[i];

		switch (r->kind) {
		case CS_PH_CIDR:
			if (r->fam != fam)
				break;
			if (fam == 4 ? (v4 & r->mask) == r->net
				     : in_cidr6(r, v6))
				return r;
			break;
		case CS_PH_UDP:
		case CS_PH_TCP:
			if (r->port != dport ||
			    proto != (r->kind == CS_PH_UDP ? 17 : 6))
				break;
			if (r->nmagic == 0) {
				if (!local)
					return r;
			} else if (!mcast && payload.n >= r->nmagic &&
				   memcmp(payload.p, r->magic, r->nmagic) ==
				       0) {
				return r;
			}
			break;
		default:
			break;
		}
	}
	return NULL;
}

const struct cs_ph_rule *
cs_ph_match_flow(const struct cs_ph *ph, uint32_t dst, uint8_t proto,
		 uint16_t dport, struct cs_span payload)
{
	return match_flow(ph, 4, dst, NULL, proto, dport, payload,
			  cs_ph_addr_local(dst),
			  (dst >> 28) == 0xE || dst == 0xFFFFFFFFu);
}

const struct cs_ph_rule *
cs_ph_match_flow6(const struct cs_ph *ph, const uint8_t dst[16], uint8_t proto,
		  uint16_t dport, struct cs_span payload)
{
	static const uint8_t mapped[12] = {[10] = 0xFF, [11] = 0xFF};

	if (memcmp(dst, mapped, 12) == 0)
		return cs_ph_match_flow(ph,
					(uint32_t)dst[12] << 24 |
					    (uint32_t)dst[13] << 16 |
					    (uint32_t)dst[14] << 8 | dst[15],
					proto, dport, payload);
	return match_flow(ph, 6, 0, dst, proto, dport, payload,
			  cs_ph_addr6_local(dst), dst[0] == 0xFF);
}
