/* SPDX-License-Identifier: ISC */
/* DNS / mDNS messages; see parse_mdns.h. */
#include "parse/parse_mdns.h"

#include <stddef.h>
#include <string.h>

#include "core/dnsname.h"
#include "core/rd.h"
#include "core/poison.h"

/* Appends one byte to a text name, leaving room for the NUL. */
static void
put(char *dst, size_t dsz, size_t *k, char c)
{
	if (*k + 1 < dsz)
		dst[(*k)++] = c;
}

/*
 * Reads the (possibly compressed) name starting at *off in the whole
 * message msg/n, writes it as text into dst and advances *off past the
 * name's bytes in place (a pointer counts as two bytes).
 */
static int
read_name(const uint8_t *msg, size_t n, size_t *off, char *dst, size_t dsz)
{
	uint8_t wire[CS_DNS_NAME_MAX];
	size_t k = 0;
	int rc = cs_dns_name_read(msg, n, off, CS_MDNS_HOPS_MAX, wire);

	if (rc != 0)
		return rc;
	for (size_t w = 0; wire[w] != 0; w += 1 + (size_t)wire[w]) {
		if (k > 0)
			put(dst, dsz, &k, '.');
		for (size_t i = 0; i < wire[w]; i++) {
			uint8_t c = wire[w + 1 + i];

			if (c == '.' || c == '\\') {
				put(dst, dsz, &k, '\\');
				put(dst, dsz, &k, (char)c);
			} else if (c < 0x20 || c == 0x7F) {
				put(dst, dsz, &k, '?');
			} else {
				put(dst, dsz, &k, (char)c);
			}
		}
	}
	if (dsz)
		dst[CS_MIN(k, dsz - 1)] = '\0';
	return 0;
}

static void
txt_text(struct cs_span d, char *dst, size_t dsz)
{
	size_t off = 0, k = 0;

	while (off < d.n) {
		size_t len = d.p[off++];

		if (len > d.n - off)
			len =
			    d.n - off; /* malformed tail: keep what is there */
		if (len == 0)
			continue;
		if (k > 0)
			put(dst, dsz, &k, ' ');
		for (size_t i = 0; i < len; i++) {
			uint8_t c = d.p[off + i];

			put(dst, dsz, &k,
			    (c < 0x20 || c == 0x7F) ? '?' : (char)c);
		}
		off += len;
	}
	dst[k] = '\0';
}

static int
read_rr(const uint8_t *p, size_t n, size_t *off, struct cs_mdns *out,
	bool *limit)
{
	struct cs_mdns_rr tmp, *rr;
	struct cs_rd r;
	struct cs_span d;
	size_t rdoff;
	uint16_t rdlen;
	int rc;

	rr = out->nrr < CS_MDNS_RR_MAX ? &out->rr[out->nrr] : &tmp;
	memset(rr, 0, sizeof(*rr));
	if ((rc = read_name(p, n, off, rr->name, sizeof(rr->name))) != 0)
		return rc;
	cs_rd_init(&r, p, n);
	r.off = *off;
	rr->type = cs_rd_be16(&r);
	rr->rclass = cs_rd_be16(&r) & 0x7FFF;
	rr->ttl = cs_rd_be32(&r);
	rdlen = cs_rd_be16(&r);
	rdoff = r.off;
	if (!cs_rd_bytes(&r, rdlen, &d))
		return CS_ETRUNC;
	*off = r.off;
	switch (rr->type) {
	case CS_DNS_A:
	case CS_DNS_AAAA:
		if (d.n != (rr->type == CS_DNS_A ? 4u : 16u))
			return CS_EPROTO;
		memcpy(rr->addr, d.p, d.n);
		rr->addrlen = d.n;
		break;
	case CS_DNS_PTR: {
		size_t o = rdoff;

		/* The name must lie within the record data. */
		if ((rc = read_name(p, rdoff + d.n, &o, rr->target,
				    sizeof(rr->target))) != 0)
			return rc == CS_ETRUNC ? CS_EPROTO : rc;
		if (o != rdoff + d.n)
			return CS_EPROTO;
		break;
	}
	case CS_DNS_SRV: {
		struct cs_rd s;
		size_t o;

		cs_rd_init(&s, d.p, d.n);
		rr->priority = cs_rd_be16(&s);
		rr->weight = cs_rd_be16(&s);
		rr->port = cs_rd_be16(&s);
		if (!cs_rd_ok(&s))
			return CS_EPROTO;
		o = rdoff + 6;
		if ((rc = read_name(p, rdoff + d.n, &o, rr->target,
				    sizeof(rr->target))) != 0)
			return rc == CS_ETRUNC ? CS_EPROTO : rc;
		if (o != rdoff + d.n)
			return CS_EPROTO;
		break;
	}
	case CS_DNS_TXT:
		txt_text(d, rr->txt, sizeof(rr->txt));
		break;
	default:
		out->nother++;
		return 0;
	}
	if (rr == &tmp)
		*limit = true;
	else
		out->nrr++;
	return 0;
}

int
cs_mdns_parse(const uint8_t *p, size_t n, struct cs_mdns *out)
{
	struct cs_rd r;
	size_t off, total;
	bool limit = false;
	int rc;

	/* The header and counts only: each record is cleared as it is read
	 * (the whole struct is some 80 KB, more than most messages cost). */
	memset(out, 0, offsetof(struct cs_mdns, rr));
	out->nrr = 0;
	out->nother = 0;
	if (n > CS_MDNS_MAX)
		return CS_ELIMIT;
	cs_rd_init(&r, p, n);
	out->id = cs_rd_be16(&r);
	out->flags = cs_rd_be16(&r);
	out->qdcount = cs_rd_be16(&r);
	out->ancount = cs_rd_be16(&r);
	out->nscount = cs_rd_be16(&r);
	out->arcount = cs_rd_be16(&r);
	if (!cs_rd_ok(&r))
		return CS_ETRUNC;
	out->response = (out->flags & 0x8000) != 0;
	off = r.off;
	for (unsigned i = 0; i < out->qdcount; i++) {
		char name[CS_MDNS_NAME_MAX];

		if ((rc = read_name(p, n, &off, name, sizeof(name))) != 0)
			return rc;
		if (n - off < 4)
			return CS_ETRUNC;
		off += 4;
	}
	total = (size_t)out->ancount + out->nscount + out->arcount;
	for (size_t i = 0; i < total; i++)
		if ((rc = read_rr(p, n, &off, out, &limit)) != 0)
			return rc;
	return limit ? CS_ELIMIT : 0;
}
