/* SPDX-License-Identifier: ISC */
/* Pure, bounded packet decoders for passive listening; see pkt.h. */
#include "passive/pkt.h"

#include <string.h>

#include "core/dnsname.h"
#include "core/rd.h"
#include "core/poison.h"

#define ETH_IPV4 0x0800
#define ETH_ARP 0x0806
#define ETH_IPV6 0x86DD
#define ETH_VLAN 0x8100
#define ETH_QINQ 0x88A8
#define ETH_TEB 0x6558     /* transparent Ethernet bridging (GRE) */
#define ETH_ERSPAN2 0x88BE /* ERSPAN type I (no sequence) and II */
#define ETH_ERSPAN3 0x22EB
#define VXLAN_PORT 4789

static int decode_ether(const uint8_t *p, size_t n, struct cs_pkt *out,
			int depth);
static int decode_ethertype(uint16_t type, const uint8_t *p, size_t n,
			    struct cs_pkt *out, int depth);

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

/*
 * Opens a mirror encapsulation: the inner frame replaces what was decoded
 * so far (the outer headers describe the mirror, not the devices).
 */
static int
decap(uint16_t type, const uint8_t *p, size_t n, struct cs_pkt *out, int depth)
{
	uint8_t d = out->decap;

	if (depth >= CS_PKT_DECAP_MAX)
		return 0; /* leave it as the outer packet */
	memset(out, 0, sizeof(*out));
	out->decap = (uint8_t)(d + 1);
	if (type == ETH_IPV4 || type == ETH_IPV6)
		return decode_ethertype(type, p, n, out, depth + 1);
	return decode_ether(p, n, out, depth + 1);
}

static int
decode_gre(const uint8_t *p, size_t n, struct cs_pkt *out, int depth)
{
	struct cs_rd r;
	uint16_t flags, type;
	size_t skip = 0;

	cs_rd_init(&r, p, n);
	flags = cs_rd_be16(&r);
	type = cs_rd_be16(&r);
	if (!cs_rd_ok(&r))
		return CS_ETRUNC;
	if ((flags & 7) != 0)
		return 0; /* GRE version 1 (PPTP): not a mirror */
	skip += (flags & 0x8000) ? 4 : 0; /* checksum + reserved */
	skip += (flags & 0x2000) ? 4 : 0; /* key */
	skip += (flags & 0x1000) ? 4 : 0; /* sequence */
	if (!cs_rd_skip(&r, skip))
		return CS_ETRUNC;
	switch (type) {
	case ETH_ERSPAN2:
		/* Type II carries an 8-byte header and sets the sequence
		 * bit; type I has neither. */
		if ((flags & 0x1000) && !cs_rd_skip(&r, 8))
			return CS_ETRUNC;
		break;
	case ETH_ERSPAN3: {
		struct cs_span h;

		if (!cs_rd_bytes(&r, 12, &h))
			return CS_ETRUNC;
		if ((h.p[11] & 1) && !cs_rd_skip(&r, 8)) /* O: subheader */
			return CS_ETRUNC;
		break;
	}
	case ETH_TEB:
	case ETH_IPV4:
	case ETH_IPV6:
		break;
	default:
		return 0;
	}
	return decap(type, p + r.off, n - r.off, out, depth);
}

static int
decode_l4(struct cs_rd *r, struct cs_pkt *out, int depth)
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
		if (out->dport == VXLAN_PORT && rest.n >= 8 &&
		    (rest.p[0] & 0x08))
			return decap(0, rest.p + 8, rest.n - 8, out, depth);
		return 0;
	}
	if (out->proto == 6) {
		uint8_t off;

		out->sport = cs_rd_be16(r);
		out->dport = cs_rd_be16(r);
		out->seq = cs_rd_be32(r);
		cs_rd_skip(r, 4); /* ack */
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
	if (out->proto == 58 && out->ipver == 6) {
		out->icmp6_type = cs_rd_u8(r);
		out->icmp6_code = cs_rd_u8(r);
		cs_rd_skip(r, 2);
		if (!cs_rd_ok(r))
			return CS_ETRUNC;
		cs_rd_bytes(r, cs_rd_left(r), &rest);
		out->payload = rest;
		out->kind = CS_PKT_ICMP6;
		return 0;
	}
	if (out->proto == 47) {
		cs_rd_bytes(r, cs_rd_left(r), &rest);
		return decode_gre(rest.p, rest.n, out, depth);
	}
	return 0;
}

static int
decode_ipv4(const uint8_t *p, size_t n, struct cs_pkt *out, int depth)
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
	out->ttl = cs_rd_u8(&r);
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
	out->ipver = 4;
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
	return decode_l4(&r, out, depth);
}

static int
decode_ipv6(const uint8_t *p, size_t n, struct cs_pkt *out, int depth)
{
	struct cs_rd r;
	struct cs_span s, d;
	uint32_t vtf;
	uint16_t plen;
	uint8_t next;

	cs_rd_init(&r, p, n);
	vtf = cs_rd_be32(&r);
	plen = cs_rd_be16(&r);
	next = cs_rd_u8(&r);
	out->ttl = cs_rd_u8(&r);
	cs_rd_bytes(&r, 16, &s);
	cs_rd_bytes(&r, 16, &d);
	if (!cs_rd_ok(&r))
		return CS_ETRUNC;
	if ((vtf >> 28) != 6)
		return CS_EPROTO;
	memcpy(out->src6, s.p, 16);
	memcpy(out->dst6, d.p, 16);
	out->kind = CS_PKT_IPV4;
	out->ipver = 6;
	out->ip_len = (uint16_t)CS_MIN(40u + plen, 0xFFFFu);
	/* Padding beyond the payload length is not data (jumbograms,
	 * plen 0, keep what was captured). */
	if (plen != 0 && (size_t)plen + 40 < n)
		r.n = (size_t)plen + 40;
	for (int i = 0;; i++) {
		uint8_t h, l;

		if (next != 0 && next != 43 && next != 44 && next != 60 &&
		    next != 51)
			break;
		if (i == 8)
			return CS_EPROTO;
		h = cs_rd_u8(&r);
		l = cs_rd_u8(&r);
		if (!cs_rd_ok(&r))
			return CS_ETRUNC;
		if (next == 44) {
			uint16_t fo = cs_rd_be16(&r);

			cs_rd_skip(&r, 4);
			if (!cs_rd_ok(&r))
				return CS_ETRUNC;
			if ((fo & 0xFFF8) != 0) {
				out->proto = h;
				return 0; /* a later fragment */
			}
		} else if (!cs_rd_skip(&r, next == 51 ? (size_t)l * 4 + 6
						      : (size_t)l * 8 + 6)) {
			return CS_ETRUNC;
		}
		next = h;
	}
	out->proto = next;
	{
		struct cs_rd l4;

		cs_rd_init(&l4, r.p + r.off, r.n - r.off);
		return decode_l4(&l4, out, depth);
	}
}

static int
decode_ethertype(uint16_t type, const uint8_t *p, size_t n, struct cs_pkt *out,
		 int depth)
{
	if (type == ETH_ARP) {
		struct cs_rd r;

		cs_rd_init(&r, p, n);
		return decode_arp(&r, out);
	}
	if (type == ETH_IPV4)
		return decode_ipv4(p, n, out, depth);
	if (type == ETH_IPV6)
		return decode_ipv6(p, n, out, depth);
	return 0;
}

static int
decode_ether(const uint8_t *p, size_t n, struct cs_pkt *out, int depth)
{
	struct cs_rd r;
	struct cs_span dst, src;
	uint16_t type;
	int tags = 0;

	cs_rd_init(&r, p, n);
	cs_rd_bytes(&r, 6, &dst);
	cs_rd_bytes(&r, 6, &src);
	type = cs_rd_be16(&r);
	if (!cs_rd_ok(&r))
		return CS_ETRUNC;
	memcpy(out->dst_mac, dst.p, 6);
	memcpy(out->src_mac, src.p, 6);
	out->has_mac = true;
	while ((type == ETH_VLAN || type == ETH_QINQ) && tags < 2) {
		uint16_t tci = cs_rd_be16(&r);

		type = cs_rd_be16(&r);
		if (!cs_rd_ok(&r))
			return CS_ETRUNC;
		if (tags++ == 0)
			out->vlan = tci & 0x0FFF;
	}
	return decode_ethertype(type, p + r.off, n - r.off, out, depth);
}

int
cs_pkt_decode(const uint8_t *p, size_t n, struct cs_pkt *out)
{
	memset(out, 0, sizeof(*out));
	return decode_ether(p, n, out, 0);
}

bool
cs_pkt_link_ok(int link)
{
	return link == CS_LINK_ETHER || link == CS_LINK_RAW ||
	       link == CS_LINK_SLL || link == CS_LINK_SLL2 ||
	       link == CS_LINK_IPV4 || link == CS_LINK_IPV6;
}

/* The sender's address of a cooked header, when it is an Ethernet one. */
static void
cooked_addr(uint16_t hatype, uint8_t alen, const uint8_t *a, struct cs_pkt *out)
{
	if ((hatype == 1 || hatype == 772) && alen == 6) {
		memcpy(out->src_mac, a, 6);
		out->has_mac = hatype == 1;
	}
}

int
cs_pkt_decode_link(int link, const uint8_t *p, size_t n, struct cs_pkt *out)
{
	struct cs_rd r;
	struct cs_span a;
	uint16_t type, hatype;
	uint8_t alen;

	memset(out, 0, sizeof(*out));
	cs_rd_init(&r, p, n);
	switch (link) {
	case CS_LINK_ETHER:
		return decode_ether(p, n, out, 0);
	case CS_LINK_SLL: /* type, ARPHRD, addr len, addr[8], protocol */
		cs_rd_skip(&r, 2);
		hatype = cs_rd_be16(&r);
		alen = (uint8_t)cs_rd_be16(&r); /* > 8: not an address we use */
		cs_rd_bytes(&r, 8, &a);
		type = cs_rd_be16(&r);
		break;
	case CS_LINK_SLL2: /* protocol, reserved, ifindex, ARPHRD, type,
			      addr len, addr[8] */
		type = cs_rd_be16(&r);
		cs_rd_skip(&r, 2 + 4);
		hatype = cs_rd_be16(&r);
		cs_rd_skip(&r, 1);
		alen = cs_rd_u8(&r);
		cs_rd_bytes(&r, 8, &a);
		break;
	case CS_LINK_RAW:
	case CS_LINK_IPV4:
	case CS_LINK_IPV6:
		if (n < 1)
			return CS_ETRUNC;
		if ((p[0] >> 4) == 4)
			return decode_ipv4(p, n, out, 0);
		if ((p[0] >> 4) == 6)
			return decode_ipv6(p, n, out, 0);
		return CS_EPROTO;
	default:
		return CS_EINVAL;
	}
	if (!cs_rd_ok(&r))
		return CS_ETRUNC;
	cooked_addr(hatype, alen, a.p, out);
	if (type == ETH_TEB) /* a cooked header around an Ethernet frame */
		return decode_ether(p + r.off, n - r.off, out, 1);
	return decode_ethertype(type, p + r.off, n - r.off, out, 0);
}

/* ---- neighbour discovery ---- */

int
cs_ndp_parse(uint8_t type, const uint8_t *p, size_t n, struct cs_ndp *out)
{
	struct cs_rd r;
	struct cs_span t;
	uint8_t want;

	memset(out, 0, sizeof(*out));
	out->type = type;
	cs_rd_init(&r, p, n);
	switch (type) {
	case 133: /* RS: reserved */
		cs_rd_skip(&r, 4);
		want = 1;
		break;
	case 134: /* RA: hop limit, flags, lifetime, reachable, retrans */
		cs_rd_skip(&r, 12);
		out->router = true;
		want = 1;
		break;
	case 135: /* NS: reserved, target */
		cs_rd_skip(&r, 4);
		if (cs_rd_bytes(&r, 16, &t)) {
			memcpy(out->target, t.p, 16);
			out->has_target = true;
		}
		want = 1;
		break;
	case 136: /* NA: flags, target */
		out->router = (cs_rd_u8(&r) & 0x80) != 0;
		cs_rd_skip(&r, 3);
		if (cs_rd_bytes(&r, 16, &t)) {
			memcpy(out->target, t.p, 16);
			out->has_target = true;
		}
		want = 2;
		break;
	default:
		return CS_ENOTFOUND;
	}
	if (!cs_rd_ok(&r))
		return CS_ETRUNC;
	while (cs_rd_left(&r) >= 2) {
		uint8_t ot = cs_rd_u8(&r), ol = cs_rd_u8(&r);
		struct cs_span v;

		if (ol == 0)
			return CS_EPROTO;
		if (!cs_rd_bytes(&r, (size_t)ol * 8 - 2, &v))
			return CS_ETRUNC;
		if (ot == want && v.n >= 6 && !out->has_lladdr) {
			memcpy(out->lladdr, v.p, 6);
			out->has_lladdr = true;
		}
	}
	return cs_rd_left(&r) == 0 ? 0 : CS_ETRUNC;
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
	out->yiaddr = cs_rd_be32(&r);
	cs_rd_skip(&r, 8); /* siaddr, giaddr */
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
	uint8_t wire[CS_DNS_NAME_MAX];
	size_t k = 0;
	int rc = cs_dns_name_read(msg, n, off, 16, wire);

	if (rc != 0)
		return rc;
	for (size_t w = 0; wire[w] != 0; w += 1 + (size_t)wire[w]) {
		if (k > 0 && k + 1 < dsz)
			dst[k++] = '.';
		for (size_t i = 0; i < wire[w] && k + 1 < dsz; i++) {
			uint8_t c = wire[w + 1 + i];

			if (c >= 'A' && c <= 'Z')
				c = (uint8_t)(c + 32);
			else if (!((c >= 'a' && c <= 'z') ||
				   (c >= '0' && c <= '9') || c == '-' ||
				   c == '_'))
				c = '?';
			dst[k++] = (char)c;
		}
	}
	dst[k] = '\0';
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

/* ---- DHCPv6 ---- */

static void
dhcp6_duid(struct cs_span v, struct cs_dhcp6 *out)
{
	struct cs_rd r;
	uint16_t type, hw;

	cs_rd_init(&r, v.p, v.n);
	type = cs_rd_be16(&r);
	hw = cs_rd_be16(&r);
	if (type == 1)
		cs_rd_skip(&r, 4); /* DUID-LLT time */
	if (!cs_rd_ok(&r) || (type != 1 && type != 3) || hw != 1 ||
	    cs_rd_left(&r) != 6)
		return;
	memcpy(out->mac, v.p + r.off, 6);
	out->has_mac = true;
}

static void
dhcp6_ia_na(struct cs_span v, struct cs_dhcp6 *out)
{
	struct cs_rd r;

	cs_rd_init(&r, v.p, v.n);
	cs_rd_skip(&r, 12); /* IAID, T1, T2 */
	while (cs_rd_left(&r) >= 4 && !out->has_addr) {
		uint16_t code = cs_rd_be16(&r), len = cs_rd_be16(&r);
		struct cs_span o;

		if (!cs_rd_bytes(&r, len, &o))
			return;
		if (code == 5 && o.n >= 16) { /* IAADDR */
			memcpy(out->addr, o.p, 16);
			out->has_addr = true;
		}
	}
}

int
cs_dhcp6_parse(const uint8_t *p, size_t n, struct cs_dhcp6 *out)
{
	struct cs_rd r;

	memset(out, 0, sizeof(*out));
	cs_rd_init(&r, p, n);
	out->msg_type = cs_rd_u8(&r);
	cs_rd_skip(&r, 3); /* transaction id */
	if (!cs_rd_ok(&r))
		return CS_ETRUNC;
	if (out->msg_type == 0)
		return CS_EPROTO;
	if (out->msg_type == 12 || out->msg_type == 13)
		return CS_ENOTFOUND;
	while (cs_rd_left(&r) > 0) {
		uint16_t code = cs_rd_be16(&r), len = cs_rd_be16(&r);
		struct cs_span v;

		if (!cs_rd_ok(&r) || !cs_rd_bytes(&r, len, &v))
			return CS_ETRUNC;
		switch (code) {
		case 1: /* client identifier */
			dhcp6_duid(v, out);
			break;
		case 3: /* IA_NA */
			dhcp6_ia_na(v, out);
			break;
		case 6: /* option request */
			for (size_t i = 0;
			     i + 1 < v.n && out->noro < CS_DHCP6_ORO_MAX;
			     i += 2)
				out->oro[out->noro++] =
				    (uint16_t)(v.p[i] << 8 | v.p[i + 1]);
			break;
		case 16: /* vendor class: enterprise, then (len, data)* */
			if (v.n >= 6) {
				size_t l = (size_t)v.p[4] << 8 | v.p[5];

				out->enterprise = (uint32_t)v.p[0] << 24 |
						  (uint32_t)v.p[1] << 16 |
						  (uint32_t)v.p[2] << 8 |
						  v.p[3];
				if (6 + l <= v.n)
					out->vendor_class =
					    cs_span_make(v.p + 6, l);
			}
			break;
		case 39: /* client FQDN: flags, then a DNS name */
			if (v.n >= 2) {
				size_t off = 1;

				if (dns_name(v.p, v.n, &off, out->fqdn,
					     sizeof(out->fqdn)) != 0)
					out->fqdn[0] = '\0';
			}
			break;
		default:
			break;
		}
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
