/* SPDX-License-Identifier: ISC */
/* Pure, bounded packet decoders for passive listening; see pkt.h. */
#include "passive/pkt.h"

#include <string.h>

#include "core/rd.h"
#include "core/poison.h"

#define ETH_IPV4 0x0800
#define ETH_ARP 0x0806
#define ETH_VLAN 0x8100
#define ETH_QINQ 0x88A8

static int
decode_arp(struct cs_rd *r, struct cs_pkt *out)
{
	uint16_t htype = cs_rd_be16(r), ptype = cs_rd_be16(r);
	uint8_t hlen = cs_rd_u8(r), plen = cs_rd_u8(r);
	struct cs_span sha, tha;

	out->arp_op = cs_rd_be16(r);
	if (!cs_rd_ok(r))
		return CS_ETRUNC;
	if (htype != 1 || ptype != ETH_IPV4 || hlen != 6 || plen != 4)
		return CS_EPROTO;
	cs_rd_bytes(r, 6, &sha);
	out->arp_spa = cs_rd_be32(r);
	cs_rd_bytes(r, 6, &tha);
	out->arp_tpa = cs_rd_be32(r);
	if (!cs_rd_ok(r))
		return CS_ETRUNC;
	memcpy(out->arp_sha, sha.p, 6);
	out->kind = CS_PKT_ARP;
	return 0;
}

static int
decode_l4(struct cs_rd *r, struct cs_pkt *out)
{
	struct cs_span rest;

	if (out->proto == 17) {
		uint16_t ulen;

		out->sport = cs_rd_be16(r);
		out->dport = cs_rd_be16(r);
		ulen = cs_rd_be16(r);
		cs_rd_skip(r, 2);
		if (!cs_rd_ok(r))
			return CS_ETRUNC;
		cs_rd_bytes(r, cs_rd_left(r), &rest);
		/* The UDP length bounds the payload (trailing Ethernet
		 * padding is not data). */
		if (ulen >= 8 && (size_t)(ulen - 8) < rest.n)
			rest.n = (size_t)(ulen - 8);
		out->payload = rest;
		out->kind = CS_PKT_UDP;
		return 0;
	}
	if (out->proto == 6) {
		uint8_t off;

		out->sport = cs_rd_be16(r);
		out->dport = cs_rd_be16(r);
		cs_rd_skip(r, 8); /* seq, ack */
		off = (uint8_t)(cs_rd_u8(r) >> 4);
		out->tcp_flags = cs_rd_u8(r);
		cs_rd_skip(r, 6); /* window, checksum, urgent */
		if (!cs_rd_ok(r))
			return CS_ETRUNC;
		if (off < 5)
			return CS_EPROTO;
		if (!cs_rd_skip(r, (size_t)(off - 5) * 4))
			return CS_ETRUNC;
		cs_rd_bytes(r, cs_rd_left(r), &rest);
		out->payload = rest;
		out->kind = CS_PKT_TCP;
		return 0;
	}
	return 0;
}

static int
decode_ipv4(const uint8_t *p, size_t n, struct cs_pkt *out)
{
	struct cs_rd r;
	uint8_t vihl;
	uint16_t total, frag;
	size_t hl;

	cs_rd_init(&r, p, n);
	vihl = cs_rd_u8(&r);
	cs_rd_skip(&r, 1);
	total = cs_rd_be16(&r);
	cs_rd_skip(&r, 2);
	frag = cs_rd_be16(&r);
	cs_rd_skip(&r, 1);
	out->proto = cs_rd_u8(&r);
	cs_rd_skip(&r, 2);
	out->src_ip = cs_rd_be32(&r);
	out->dst_ip = cs_rd_be32(&r);
	if (!cs_rd_ok(&r))
		return CS_ETRUNC;
	hl = (size_t)(vihl & 0x0F) * 4;
	if ((vihl >> 4) != 4 || hl < 20 || total < hl)
		return CS_EPROTO;
	out->kind = CS_PKT_IPV4;
	/* Snap-length cut frames keep what was captured; padding beyond
	 * the IP total length is dropped. */
	if (total < n)
		n = total;
	out->ip_len = total;
	if (hl > n)
		return CS_ETRUNC;
	if ((frag & 0x1FFF) != 0)
		return 0; /* a later fragment: no L4 header */
	cs_rd_init(&r, p + hl, n - hl);
	return decode_l4(&r, out);
}

int
cs_pkt_decode(const uint8_t *p, size_t n, struct cs_pkt *out)
{
	struct cs_rd r;
	struct cs_span dst, src;
	uint16_t type;
	int tags = 0;

	memset(out, 0, sizeof(*out));
	cs_rd_init(&r, p, n);
	cs_rd_bytes(&r, 6, &dst);
	cs_rd_bytes(&r, 6, &src);
	type = cs_rd_be16(&r);
	if (!cs_rd_ok(&r))
		return CS_ETRUNC;
	memcpy(out->dst_mac, dst.p, 6);
	memcpy(out->src_mac, src.p, 6);
	while ((type == ETH_VLAN || type == ETH_QINQ) && tags < 2) {
		uint16_t tci = cs_rd_be16(&r);

		type = cs_rd_be16(&r);
		if (!cs_rd_ok(&r))
			return CS_ETRUNC;
		if (tags++ == 0)
			out->vlan = tci & 0x0FFF;
	}
	if (type == ETH_ARP)
		return decode_arp(&r, out);
	if (type == ETH_IPV4)
		return decode_ipv4(p + r.off, n - r.off, out);
	return 0;
}

/* ---- DHCP ---- */

int
cs_dhcp_parse(const uint8_t *p, size_t n, struct cs_dhcp *out)
{
	struct cs_rd r;
	uint8_t htype, hlen;
	struct cs_span ch;

	memset(out, 0, sizeof(*out));
	cs_rd_init(&r, p, n);
	out->op = cs_rd_u8(&r);
	htype = cs_rd_u8(&r);
	hlen = cs_rd_u8(&r);
	cs_rd_skip(&r, 1 + 4 + 2 + 2); /* hops, xid, secs, flags */
	out->ciaddr = cs_rd_be32(&r);
	cs_rd_skip(&r, 12); /* yiaddr, siaddr, giaddr */
	cs_rd_bytes(&r, 16, &ch);
	cs_rd_skip(&r, 64 + 128); /* sname, file */
	if (cs_rd_be32(&r) != 0x63825363u && cs_rd_ok(&r))
		return CS_EPROTO;
	if (!cs_rd_ok(&r))
		return CS_ETRUNC;
	if (htype == 1 && hlen == 6) {
		memcpy(out->chaddr, ch.p, 6);
		out->has_chaddr = true;
	}
	while (cs_rd_left(&r) > 0) {
		uint8_t code = cs_rd_u8(&r), len;
		struct cs_span v;

		if (code == 0)
			continue; /* pad */
		if (code == 255)
			break;
		len = cs_rd_u8(&r);
		if (!cs_rd_bytes(&r, len, &v))
			return CS_ETRUNC;
		switch (code) {
		case 53:
			if (len >= 1)
				out->msg_type = v.p[0];
			break;
		case 50:
			if (len == 4)
				out->requested = (uint32_t)v.p[0] << 24 |
						 (uint32_t)v.p[1] << 16 |
						 (uint32_t)v.p[2] << 8 | v.p[3];
			break;
		case 60:
			out->vendor_class = v;
			break;
		case 12:
			out->hostname = v;
			break;
		case 55:
			out->nprl = CS_MIN(v.n, sizeof(out->prl));
			memcpy(out->prl, v.p, out->nprl);
			break;
		default:
			break;
		}
	}
	return 0;
}

/* ---- DNS question names ---- */

static int
dns_name(const uint8_t *msg, size_t n, size_t *off, char *dst, size_t dsz)
{
	size_t pos = *off, k = 0, wire = 0, end = 0;
	int hops = 0;
	bool jumped = false;

	for (;;) {
		uint8_t len;

		if (pos >= n)
			return CS_ETRUNC;
		len = msg[pos];
		if ((len & 0xC0) == 0xC0) {
			size_t to;

			if (pos + 1 >= n)
				return CS_ETRUNC;
			to = (size_t)(len & 0x3F) << 8 | msg[pos + 1];
			if (to >= pos || ++hops > 16)
				return CS_EPROTO;
			if (!jumped)
				end = pos + 2;
			jumped = true;
			pos = to;
			continue;
		}
		if ((len & 0xC0) != 0)
			return CS_EPROTO;
		pos++;
		if (len == 0)
			break;
		if (pos + len > n)
			return CS_ETRUNC;
		wire += (size_t)len + 1;
		if (wire > 255)
			return CS_EPROTO;
		if (k > 0 && k + 1 < dsz)
			dst[k++] = '.';
		for (size_t i = 0; i < len && k + 1 < dsz; i++) {
			uint8_t c = msg[pos + i];

			if (c >= 'A' && c <= 'Z')
				c = (uint8_t)(c + 32);
			else if (!((c >= 'a' && c <= 'z') ||
				   (c >= '0' && c <= '9') || c == '-' ||
				   c == '_'))
				c = '?';
			dst[k++] = (char)c;
		}
		pos += len;
	}
	dst[k] = '\0';
	*off = jumped ? end : pos;
	return 0;
}

int
cs_dns_questions(const uint8_t *p, size_t n, struct cs_dns_q *out)
{
	struct cs_rd r;
	uint16_t flags;
	size_t off = 12;

	memset(out, 0, sizeof(*out));
	cs_rd_init(&r, p, n);
	cs_rd_skip(&r, 2);
	flags = cs_rd_be16(&r);
	out->qdcount = cs_rd_be16(&r);
	cs_rd_skip(&r, 6);
	if (!cs_rd_ok(&r))
		return CS_ETRUNC;
	out->response = (flags & 0x8000) != 0;
	for (uint16_t i = 0; i < out->qdcount && out->nname < CS_DNS_QMAX;
	     i++) {
		int rc = dns_name(p, n, &off, out->name[out->nname],
				  sizeof(out->name[0]));

		if (rc != 0)
			return rc;
		if (off + 4 > n)
			return CS_ETRUNC;
		off += 4; /* type, class */
		out->nname++;
	}
	return 0;
}

/* ---- TLS ---- */

static void
tls_client_hello(const uint8_t *p, size_t n, struct cs_tls *out)
{
	struct cs_rd r;
	struct cs_span ext;

	out->client_hello = true;
	cs_rd_init(&r, p, n);
	cs_rd_skip(&r, 2 + 32);         /* version, random */
	cs_rd_skip(&r, cs_rd_u8(&r));   /* session id */
	cs_rd_skip(&r, cs_rd_be16(&r)); /* cipher suites */
	cs_rd_skip(&r, cs_rd_u8(&r));   /* compression */
	if (!cs_rd_bytes(&r, cs_rd_be16(&r), &ext))
		return;
	cs_rd_init(&r, ext.p, ext.n);
	while (cs_rd_left(&r) >= 4) {
		uint16_t type = cs_rd_be16(&r), len = cs_rd_be16(&r);
		struct cs_span v, name;
		struct cs_rd e;

		if (!cs_rd_bytes(&r, len, &v))
			return;
		if (type != 0)
			continue;
		cs_rd_init(&e, v.p, v.n);
		cs_rd_skip(&e, 2); /* list length */
		while (cs_rd_left(&e) >= 3) {
			uint8_t nt = cs_rd_u8(&e);

			if (!cs_rd_bytes(&e, cs_rd_be16(&e), &name))
				return;
			if (nt != 0)
				continue;
			size_t k = 0;
			for (size_t i = 0;
			     i < name.n && k + 1 < sizeof(out->sni); i++) {
				uint8_t c = name.p[i];

				if (c >= 'A' && c <= 'Z')
					c = (uint8_t)(c + 32);
				else if (c < 0x21 || c > 0x7E)
					c = '?';
				out->sni[k++] = (char)c;
			}
			out->sni[k] = '\0';
			return;
		}
		return;
	}
}

static void
tls_certificate(const uint8_t *p, size_t n, bool cut, struct cs_tls *out)
{
	struct cs_rd r;
	uint32_t total, len;

	cs_rd_init(&r, p, n);
	total = (uint32_t)cs_rd_u8(&r) << 16;
	total |= cs_rd_be16(&r);
	len = (uint32_t)cs_rd_u8(&r) << 16;
	len |= cs_rd_be16(&r);
	if (!cs_rd_ok(&r) || total < 3 || len == 0) {
		out->cert_cut = cut;
		return;
	}
	if (!cs_rd_bytes(&r, len, &out->cert)) {
		out->cert = CS_SPAN_NULL;
		out->cert_cut = true;
	}
}

int
cs_tls_scan(const uint8_t *p, size_t n, struct cs_tls *out)
{
	struct cs_rd r;
	bool any = false;

	memset(out, 0, sizeof(*out));
	cs_rd_init(&r, p, n);
	/* Records: type 22 (handshake), version 3.x, length.  Handshake
	 * messages may span records; only messages inside one record of
	 * this segment are decoded. */
	while (cs_rd_left(&r) >= 5) {
		uint8_t type = cs_rd_u8(&r), major = cs_rd_u8(&r);
		struct cs_span rec;
		struct cs_rd h;
		uint16_t rlen;

		cs_rd_skip(&r, 1);
		rlen = cs_rd_be16(&r);
		if (type != 22 || major != 3 || rlen == 0)
			return any ? 0 : CS_EPROTO;
		any = true;
		if (!cs_rd_bytes(&r, rlen, &rec)) {
			/* Cut record: decode what arrived. */
			rec.p = p + r.off;
			rec.n = n - r.off;
			r.err = true;
		}
		cs_rd_init(&h, rec.p, rec.n);
		while (cs_rd_left(&h) >= 4) {
			uint8_t ht = cs_rd_u8(&h);
			uint32_t hl = (uint32_t)cs_rd_u8(&h) << 16;
			struct cs_span body;
			bool cut = false;

			hl |= cs_rd_be16(&h);
			if (!cs_rd_bytes(&h, hl, &body)) {
				body.p = rec.p + h.off;
				body.n = rec.n - h.off;
				cut = true;
				h.err = true;
			}
			if (ht == 1 && !cut)
				tls_client_hello(body.p, body.n, out);
			else if (ht == 2)
				out->server_hello = true;
			else if (ht == 11 && out->cert.n == 0)
				tls_certificate(body.p, body.n, cut, out);
		}
	}
	if (!any)
		return n < 5 ? CS_ETRUNC : CS_EPROTO;
	return 0;
}
