/* SPDX-License-Identifier: ISC */
/* Test packet builder; see pktgen.h. */
#include "pktgen.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/poison.h"

static const uint8_t bcast[6] = {0xff, 0xff, 0xff, 0xff, 0xff, 0xff};

static uint8_t *
be16(uint8_t *p, unsigned v)
{
	p[0] = (uint8_t)(v >> 8);
	p[1] = (uint8_t)v;
	return p + 2;
}

static uint8_t *
be32(uint8_t *p, uint32_t v)
{
	p = be16(p, v >> 16);
	return be16(p, v & 0xFFFF);
}

static uint8_t *
eth(uint8_t *p, const uint8_t dst[6], const uint8_t src[6], unsigned type)
{
	memcpy(p, dst, 6);
	memcpy(p + 6, src, 6);
	return be16(p + 12, type);
}

void
pg_tcp(struct pg_frame *f, const uint8_t smac[6], uint32_t src, uint16_t sport,
       uint32_t dst, uint16_t dport, uint32_t seq, uint8_t flags,
       const void *payload, size_t n)
{
	uint8_t *p = eth(f->b, bcast, smac, 0x0800);

	if (n > PG_MAX - 14 - 20 - 20)
		n = PG_MAX - 14 - 20 - 20;
	*p++ = 0x45;
	*p++ = 0;
	p = be16(p, (unsigned)(20 + 20 + n));
	p = be16(p, 1);
	p = be16(p, 0x4000);
	*p++ = 64;
	*p++ = 6;
	p = be16(p, 0);
	p = be32(p, src);
	p = be32(p, dst);
	p = be16(p, sport);
	p = be16(p, dport);
	p = be32(p, seq);
	p = be32(p, 2000);
	*p++ = 0x50;
	*p++ = flags;
	p = be16(p, 65535);
	p = be32(p, 0);
	memcpy(p, payload, n);
	f->n = (size_t)(p - f->b) + n;
}

void
pg_l4(struct pg_frame *f, const uint8_t smac[6], uint8_t proto, uint32_t src,
      uint16_t sport, uint32_t dst, uint16_t dport, const void *payload,
      size_t n)
{
	uint8_t *p;

	if (proto == 6) {
		pg_tcp(f, smac, src, sport, dst, dport, 1000, 0x18, payload, n);
		return;
	}
	p = eth(f->b, bcast, smac, 0x0800);
	if (n > PG_MAX - 14 - 20 - 8)
		n = PG_MAX - 14 - 20 - 8;
	*p++ = 0x45;
	*p++ = 0;
	p = be16(p, (unsigned)(20 + 8 + n));
	p = be16(p, 1);
	p = be16(p, 0x4000);
	*p++ = 64;
	*p++ = proto;
	p = be16(p, 0);
	p = be32(p, src);
	p = be32(p, dst);
	p = be16(p, sport);
	p = be16(p, dport);
	p = be16(p, (unsigned)(8 + n));
	p = be16(p, 0);
	memcpy(p, payload, n);
	f->n = (size_t)(p - f->b) + n;
}

void
pg_ip6(struct pg_frame *f, const uint8_t smac[6], uint8_t proto,
       const uint8_t src[16], const uint8_t dst[16], const void *l4, size_t n)
{
	uint8_t *p = eth(f->b, bcast, smac, 0x86DD);

	if (n > PG_MAX - 14 - 40)
		n = PG_MAX - 14 - 40;
	p = be32(p, 0x60000000u);
	p = be16(p, (unsigned)n);
	*p++ = proto;
	*p++ = 255;
	memcpy(p, src, 16);
	memcpy(p + 16, dst, 16);
	p += 32;
	memcpy(p, l4, n);
	f->n = (size_t)(p - f->b) + n;
}

void
pg_tcp6(struct pg_frame *f, const uint8_t smac[6], const uint8_t src[16],
	uint16_t sport, const uint8_t dst[16], uint16_t dport, uint32_t seq,
	uint8_t flags, const void *payload, size_t n)
{
	uint8_t l4[PG_MAX], *p = l4;

	if (n > PG_MAX - 14 - 40 - 20)
		n = PG_MAX - 14 - 40 - 20;
	p = be16(p, sport);
	p = be16(p, dport);
	p = be32(p, seq);
	p = be32(p, 2000);
	*p++ = 0x50;
	*p++ = flags;
	p = be16(p, 65535);
	p = be32(p, 0);
	memcpy(p, payload, n);
	pg_ip6(f, smac, 6, src, dst, l4, 20 + n);
}

void
pg_udp6(struct pg_frame *f, const uint8_t smac[6], const uint8_t src[16],
	uint16_t sport, const uint8_t dst[16], uint16_t dport,
	const void *payload, size_t n)
{
	uint8_t l4[PG_MAX], *p = l4;

	if (n > PG_MAX - 14 - 40 - 8)
		n = PG_MAX - 14 - 40 - 8;
	p = be16(p, sport);
	p = be16(p, dport);
	p = be16(p, (unsigned)(8 + n));
	p = be16(p, 0);
	memcpy(p, payload, n);
	pg_ip6(f, smac, 17, src, dst, l4, 8 + n);
}

void
pg_na(struct pg_frame *f, const uint8_t smac[6], const uint8_t target[16],
      int router)
{
	static const uint8_t allnodes[16] = {0xff, 2, [15] = 1};
	uint8_t l4[32 + 8], *p = l4;

	*p++ = 136;
	*p++ = 0;
	p = be16(p, 0);
	*p++ = (uint8_t)(0x20 | (router ? 0x80 : 0)); /* override */
	*p++ = 0;
	*p++ = 0;
	*p++ = 0;
	memcpy(p, target, 16);
	p += 16;
	*p++ = 2; /* target link-layer address */
	*p++ = 1;
	memcpy(p, smac, 6);
	p += 6;
	pg_ip6(f, smac, 58, target, allnodes, l4, (size_t)(p - l4));
}

void
pg_arp(struct pg_frame *f, const uint8_t sha[6], uint32_t spa, uint32_t tpa)
{
	uint8_t *p = eth(f->b, bcast, sha, 0x0806);

	p = be16(p, 1);
	p = be16(p, 0x0800);
	*p++ = 6;
	*p++ = 4;
	p = be16(p, 2);
	memcpy(p, sha, 6);
	p = be32(p + 6, spa);
	memset(p, 0, 6);
	p = be32(p + 6, tpa);
	f->n = (size_t)(p - f->b);
}

size_t
pg_dhcp(uint8_t *out, size_t cap, const uint8_t mac[6], uint32_t requested,
	const char *vendor, const char *host)
{
	static const uint8_t prl[] = {1, 3, 6, 12, 15, 28, 42};
	uint8_t *p = out;
	size_t vl = strlen(vendor), hl = strlen(host);

	if (cap < 240 + 3 + 6 + 2 + vl + 2 + hl + 2 + sizeof(prl) + 1)
		return 0;
	memset(out, 0, 240);
	p[0] = 1;
	p[1] = 1;
	p[2] = 6;
	memcpy(p + 28, mac, 6);
	be32(p + 236, 0x63825363u);
	p += 240;
	*p++ = 53;
	*p++ = 1;
	*p++ = 3;
	*p++ = 50;
	*p++ = 4;
	p = be32(p, requested);
	*p++ = 60;
	*p++ = (uint8_t)vl;
	memcpy(p, vendor, vl);
	p += vl;
	*p++ = 12;
	*p++ = (uint8_t)hl;
	memcpy(p, host, hl);
	p += hl;
	*p++ = 55;
	*p++ = sizeof(prl);
	memcpy(p, prl, sizeof(prl));
	p += sizeof(prl);
	*p++ = 255;
	return (size_t)(p - out);
}

size_t
pg_dhcp_msg(uint8_t *out, size_t cap, int type, const uint8_t mac[6],
	    uint32_t yiaddr, const char *vendor, const char *host)
{
	size_t n;

	if (type == 3)
		return pg_dhcp(out, cap, mac, yiaddr, vendor, host);
	if (type == 1) { /* DISCOVER: no requested address */
		n = pg_dhcp(out, cap, mac, 0, vendor, host);
		if (n == 0)
			return 0;
		out[240 + 2] = 1;
		/* drop option 50 (6 bytes after the 3 of option 53) */
		memmove(out + 243, out + 249, n - 249);
		return n - 6;
	}
	/* ACK from a server */
	if (cap < 240 + 4)
		return 0;
	memset(out, 0, 240);
	out[0] = 2;
	out[1] = 1;
	out[2] = 6;
	be32(out + 16, yiaddr);
	memcpy(out + 28, mac, 6);
	be32(out + 236, 0x63825363u);
	out[240] = 53;
	out[241] = 1;
	out[242] = 5;
	out[243] = 255;
	return 244;
}

static uint8_t *
qname(uint8_t *p, const char *name)
{
	while (*name) {
		const char *dot = strchr(name, '.');
		size_t l = dot ? (size_t)(dot - name) : strlen(name);

		*p++ = (uint8_t)l;
		memcpy(p, name, l);
		p += l;
		name += l;
		if (*name == '.')
			name++;
	}
	*p++ = 0;
	return p;
}

size_t
pg_dns(uint8_t *out, size_t cap, const char *name, int response, uint32_t addr)
{
	uint8_t *p = out;

	if (cap < 12 + strlen(name) + 2 + 4 + 16)
		return 0;
	p = be16(p, 0x1234);
	p = be16(p, response ? 0x8180 : 0x0100);
	p = be16(p, 1);
	p = be16(p, response ? 1 : 0);
	p = be32(p, 0);
	p = qname(p, name);
	p = be16(p, 1);
	p = be16(p, 1);
	if (response) {
		p = be16(p, 0xC00C);
		p = be16(p, 1);
		p = be16(p, 1);
		p = be32(p, 300);
		p = be16(p, 4);
		p = be32(p, addr);
	}
	return (size_t)(p - out);
}

size_t
pg_mdns_ptr(uint8_t *out, size_t cap, const char *service, const char *instance)
{
	uint8_t *p = out, *rd;
	char full[512];

	snprintf(full, sizeof(full), "%s.%s", instance, service);
	if (cap < 12 + 2 * strlen(full) + 32)
		return 0;
	p = be16(p, 0);
	p = be16(p, 0x8400); /* response, authoritative */
	p = be16(p, 0);
	p = be16(p, 1);
	p = be32(p, 0);
	p = qname(p, service);
	p = be16(p, 12); /* PTR */
	p = be16(p, 1);
	p = be32(p, 4500);
	rd = p;
	p += 2;
	p = qname(p, full);
	be16(rd, (unsigned)(p - rd - 2));
	return (size_t)(p - out);
}

size_t
pg_client_hello(uint8_t *out, size_t cap, const char *sni)
{
	size_t sl = strlen(sni);
	size_t ext = 9 + sl, body = 2 + 32 + 1 + 4 + 2 + 2 + ext;
	uint8_t *p = out;

	if (cap < 5 + 4 + body)
		return 0;
	*p++ = 22;
	p = be16(p, 0x0301);
	p = be16(p, (unsigned)(4 + body));
	*p++ = 1;
	*p++ = 0;
	p = be16(p, (unsigned)body);
	p = be16(p, 0x0303);
	memset(p, 0xAB, 32);
	p += 32;
	*p++ = 0; /* session id */
	p = be16(p, 2);
	p = be16(p, 0xC02F);
	*p++ = 1;
	*p++ = 0;
	p = be16(p, (unsigned)ext);
	p = be16(p, 0); /* server_name */
	p = be16(p, (unsigned)(5 + sl));
	p = be16(p, (unsigned)(3 + sl));
	*p++ = 0;
	p = be16(p, (unsigned)sl);
	memcpy(p, sni, sl);
	p += sl;
	return (size_t)(p - out);
}

size_t
pg_server_cert(uint8_t *out, size_t cap, const uint8_t *der, size_t dern)
{
	size_t sh = 2 + 32 + 1 + 2 + 1, cert = 3 + 3 + dern;
	size_t rec = 4 + sh + 4 + cert;
	uint8_t *p = out;

	if (cap < 5 + rec)
		return 0;
	*p++ = 22;
	p = be16(p, 0x0303);
	p = be16(p, (unsigned)rec);
	*p++ = 2;
	*p++ = 0;
	p = be16(p, (unsigned)sh);
	p = be16(p, 0x0303);
	memset(p, 0xCD, 32);
	p += 32;
	*p++ = 0;
	p = be16(p, 0xC02F);
	*p++ = 0;
	*p++ = 11;
	*p++ = (uint8_t)(cert >> 16);
	p = be16(p, (unsigned)(cert & 0xFFFF));
	*p++ = (uint8_t)((cert - 3) >> 16);
	p = be16(p, (unsigned)((cert - 3) & 0xFFFF));
	*p++ = (uint8_t)(dern >> 16);
	p = be16(p, (unsigned)(dern & 0xFFFF));
	memcpy(p, der, dern);
	p += dern;
	return (size_t)(p - out);
}

void
pg_dump(pcap_dumper_t *d, int64_t ts, const struct pg_frame *f)
{
	struct pcap_pkthdr h;

	memset(&h, 0, sizeof(h));
	h.ts.tv_sec = (time_t)ts;
	h.caplen = h.len = (bpf_u_int32)f->n;
	pcap_dump((u_char *)d, &h, f->b);
}

void
pg_dump_link(pcap_dumper_t *d, int link, int64_t ts, const struct pg_frame *f)
{
	struct pg_frame c;
	uint8_t *p = c.b;

	if (link != DLT_LINUX_SLL2 && link != DLT_LINUX_SLL) {
		pg_dump(d, ts, f);
		return;
	}
	if (link == DLT_LINUX_SLL2) {
		/* protocol, reserved, ifindex, ARPHRD_ETHER, packet type
		 * (0: to us), address length, address[8] */
		p = be16(p, (unsigned)(f->b[12] << 8 | f->b[13]));
		p = be16(p, 0);
		p = be32(p, 2);
		p = be16(p, 1);
		*p++ = 0;
		*p++ = 6;
	} else {
		p = be16(p, 0);
		p = be16(p, 1);
		p = be16(p, 6);
	}
	memcpy(p, f->b + 6, 6);
	memset(p + 6, 0, 2);
	p += 8;
	if (link == DLT_LINUX_SLL)
		p = be16(p, (unsigned)(f->b[12] << 8 | f->b[13]));
	memcpy(p, f->b + 14, f->n - 14);
	c.n = (size_t)(p - c.b) + f->n - 14;
	pg_dump(d, ts, &c);
}

static const char http_hik[] = "HTTP/1.1 401 Unauthorized\r\n"
			       "Server: App-webs/\r\n"
			       "Content-Length: 0\r\n\r\n";
static const char rtsp_dahua[] = "RTSP/1.0 200 OK\r\nCSeq: 1\r\n"
				 "Server: Dahua Rtsp Server\r\n"
				 "Public: OPTIONS, DESCRIBE, SETUP\r\n\r\n";
static const char sadp_match[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" ?><ProbeMatch>"
    "<Uuid>5B7E0F5C-2B6A-4C5E-9D1F-0A1B2C3D4E5F</Uuid>"
    "<Types>inquiry</Types><DeviceType>141945</DeviceType>"
    "<DeviceDescription>DS-2CD2385G1-I</DeviceDescription>"
    "<DeviceSN>DS-2CD2385G1-I20200414AAWRE00000001</DeviceSN>"
    "<MAC>58-50-ed-00-00-01</MAC><IPv4Address>127.114.1.10</IPv4Address>"
    "<SoftwareVersion>V5.6.2build 190701</SoftwareVersion>"
    "</ProbeMatch>";

int
pg_scenario(const char *path, const char *der_path)
{
	static const uint8_t hik_mac[6] = {0x58, 0x50, 0xed, 0, 0, 1};
	static const uint8_t dh_mac[6] = {0x3c, 0xef, 0x8c, 0, 0, 2};
	static const uint8_t tls_mac[6] = {0x02, 0, 0, 0, 0, 3};
	static const uint8_t oth_mac[6] = {0x02, 0, 0, 0, 0, 4};
	const uint32_t hik = PG_IP(127, 114, 1, 10),
		       dh = PG_IP(127, 114, 1, 20),
		       tls = PG_IP(127, 114, 1, 30),
		       oth = PG_IP(127, 114, 1, 40),
		       dns = PG_IP(127, 114, 0, 1),
		       cloud = PG_IP(127, 114, 250, 7),
		       ez = PG_IP(127, 114, 250, 8),
		       p2p = PG_IP(127, 114, 250, 9);
	pcap_t *dead = pcap_open_dead(DLT_EN10MB, 65535);
	pcap_dumper_t *d;
	struct pg_frame f;
	uint8_t pl[PG_MAX], der[3000];
	size_t n, dern = 0;
	int64_t t = 1700000000;

	if (dead == NULL)
		return -1;
	d = pcap_dump_open(dead, path);
	if (d == NULL) {
		pcap_close(dead);
		return -1;
	}
	if (der_path != NULL) {
		FILE *fp = fopen(der_path, "rb");

		if (fp != NULL) {
			dern = fread(der, 1, sizeof(der), fp);
			fclose(fp);
		}
	}
	/* Hikvision camera: ARP, SADP, HTTP, DNS to its cloud, a flow to
	 * the resolved address, a TLS ClientHello to EZVIZ. */
	pg_arp(&f, hik_mac, hik, dns);
	pg_dump(d, t, &f);
	pg_l4(&f, hik_mac, 17, hik, 37020, PG_IP(239, 255, 255, 250), 37020,
	      sadp_match, strlen(sadp_match));
	pg_dump(d, t + 1, &f);
	pg_l4(&f, hik_mac, 6, hik, 80, PG_IP(127, 114, 0, 99), 50000, http_hik,
	      strlen(http_hik));
	pg_dump(d, t + 2, &f);
	n = pg_dns(pl, sizeof(pl), "litedev.hik-connect.com", 0, 0);
	pg_l4(&f, hik_mac, 17, hik, 40000, dns, 53, pl, n);
	pg_dump(d, t + 3, &f);
	n = pg_dns(pl, sizeof(pl), "litedev.hik-connect.com", 1, cloud);
	pg_l4(&f, oth_mac, 17, dns, 53, hik, 40000, pl, n);
	pg_dump(d, t + 3, &f);
	memset(pl, 0x5A, 100);
	for (int i = 0; i < 5; i++) {
		pg_l4(&f, hik_mac, 6, hik, 41000, cloud, 443, pl, 100);
		pg_dump(d, t + 4 + i, &f);
		pg_l4(&f, oth_mac, 6, cloud, 443, hik, 41000, pl, 50);
		pg_dump(d, t + 4 + i, &f);
	}
	n = pg_client_hello(pl, sizeof(pl), "Dev.EzvizLife.com");
	pg_l4(&f, hik_mac, 6, hik, 42000, ez, 8555, pl, n);
	pg_dump(d, t + 10, &f);
	memset(pl, 0x11, 200);
	pg_l4(&f, oth_mac, 6, ez, 8555, hik, 42000, pl, 200);
	pg_dump(d, t + 11, &f);
	/* Dahua camera: DHCP request, RTSP reply, a DHGET to a P2P server. */
	n = pg_dhcp(pl, sizeof(pl), dh_mac, dh, "DahuaTech", "IPC-HFW2431S");
	pg_l4(&f, dh_mac, 17, 0, 68, PG_IP(255, 255, 255, 255), 67, pl, n);
	pg_dump(d, t + 20, &f);
	pg_l4(&f, dh_mac, 6, dh, 554, PG_IP(127, 114, 0, 99), 50001, rtsp_dahua,
	      strlen(rtsp_dahua));
	pg_dump(d, t + 21, &f);
	{
		static const char dhget[] = "DHGET /probe/p2psrv HTTP/1.1\r\n"
					    "CSeq: 1\r\n\r\n";

		for (int i = 0; i < 3; i++) {
			pg_l4(&f, dh_mac, 17, dh, 43000, p2p, 8800, dhget,
			      strlen(dhget));
			pg_dump(d, t + 22 + i, &f);
		}
	}
	/* A TLS server with a Hikvision certificate. */
	if (dern > 0) {
		n = pg_server_cert(pl, sizeof(pl), der, dern);
		pg_l4(&f, tls_mac, 6, tls, 443, PG_IP(127, 114, 0, 99), 50002,
		      pl, n);
		pg_dump(d, t + 30, &f);
	}
	/* A bystander asking for an unlisted name. */
	n = pg_dns(pl, sizeof(pl), "www.example.com", 0, 0);
	pg_l4(&f, oth_mac, 17, oth, 40001, dns, 53, pl, n);
	pg_dump(d, t + 40, &f);
	pcap_dump_close(d);
	pcap_close(dead);
	return 0;
}

/* Splits the stream s (n bytes, first byte at sequence seq) at cut1 and
 * cut2 and writes the three segments in the order 3, 1, 2, with a
 * retransmission of segment 3 whose bytes differ in between (the first
 * copy wins). */
static void
reordered(pcap_dumper_t *d, int link, int64_t t, const uint8_t mac[6],
	  uint32_t src, uint16_t sport, uint32_t dst, uint16_t dport,
	  uint32_t seq, const uint8_t *s, size_t n, size_t cut1, size_t cut2)
{
	struct pg_frame f;
	uint8_t junk[PG_MAX];

	pg_tcp(&f, mac, src, sport, dst, dport, seq - 1, 0x12, "", 0);
	pg_dump_link(d, link, t, &f); /* SYN-ACK */
	pg_tcp(&f, mac, src, sport, dst, dport, seq + (uint32_t)cut2, 0x18,
	       s + cut2, n - cut2);
	pg_dump_link(d, link, t, &f);
	memset(junk, 'Z', sizeof(junk));
	pg_tcp(&f, mac, src, sport, dst, dport, seq + (uint32_t)cut2, 0x18,
	       junk, n - cut2);
	pg_dump_link(d, link, t, &f);
	pg_tcp(&f, mac, src, sport, dst, dport, seq, 0x18, s, cut1);
	pg_dump_link(d, link, t + 1, &f);
	pg_tcp(&f, mac, src, sport, dst, dport, seq + (uint32_t)cut1, 0x18,
	       s + cut1, cut2 - cut1);
	pg_dump_link(d, link, t + 1, &f);
}

int
pg_identity(const char *path, int link, const char *der_path)
{
	static const uint8_t dh_mac[6] = {0x02, 0x11, 0x22, 0x33, 0x44, 0x20};
	static const uint8_t web_mac[6] = {0x02, 0x11, 0x22, 0x33, 0x44, 0x30};
	static const uint8_t v6_mac[6] = {0x02, 0x11, 0x22, 0x33, 0x44, 0x60};
	static const uint8_t fr_mac[6] = {0x02, 0x11, 0x22, 0x33, 0x44, 0x40};
	static const uint8_t gw_mac[6] = {0x02, 0xaa, 0xaa, 0xaa, 0xaa, 0x01};
	static const uint8_t v6_addr[16] = {0xfe, 0x80, [8] = 0x00, 0x11, 0x22,
					    0xff, 0xfe, 0x33,       0x44, 0x60};
	static const uint8_t mdns6[16] = {0xff, 0x02, [15] = 0xfb};
	static const char http[] = "HTTP/1.1 401 Unauthorized\r\n"
				   "Server: App-webs/\r\n"
				   "WWW-Authenticate: Digest realm=\"x\"\r\n"
				   "Content-Length: 0\r\n\r\n";
	static const char nginx[] = "HTTP/1.1 200 OK\r\nServer: nginx\r\n\r\n";
	const uint32_t dh = PG_IP(127, 114, 2, 20),
		       web = PG_IP(127, 114, 2, 30),
		       fr = PG_IP(127, 114, 2, 40), gw = PG_IP(127, 114, 2, 1),
		       cl = PG_IP(127, 114, 2, 99), dns = PG_IP(127, 114, 2, 1);
	pcap_t *dead = pcap_open_dead(link, 65535);
	pcap_dumper_t *d;
	struct pg_frame f;
	uint8_t pl[PG_MAX], der[3000], rec[PG_MAX];
	size_t n, dern = 0;
	int64_t t = 1700100000;
	FILE *fp;

	if (dead == NULL)
		return -1;
	if ((d = pcap_dump_open(dead, path)) == NULL) {
		pcap_close(dead);
		return -1;
	}
	if (der_path != NULL && (fp = fopen(der_path, "rb")) != NULL) {
		dern = fread(der, 1, sizeof(der), fp);
		fclose(fp);
	}
	/* The gateway: ARP for its own address, then it forwards replies
	 * from 20 hosts off the segment. */
	pg_arp(&f, gw_mac, gw, cl);
	pg_dump_link(d, link, t, &f);
	for (uint32_t i = 0; i < 20; i++) {
		pg_l4(&f, gw_mac, 6, PG_IP(127, 115, 0, 1 + i), 80, cl, 51000,
		      nginx, strlen(nginx));
		pg_dump_link(d, link, t + 1, &f);
	}
	/* A second router forwarding for one host: a single address, but
	 * the TTL (63) shows the frame was routed. */
	{
		static const uint8_t r2_mac[6] = {0x02, 0xbb, 0xbb,
						  0xbb, 0xbb, 0x02};

		pg_l4(&f, r2_mac, 6, PG_IP(127, 116, 5, 5), 80, cl, 51001,
		      nginx, strlen(nginx));
		f.b[14 + 8] = 63;
		pg_dump_link(d, link, t + 1, &f);
	}
	/* A unit known only by DHCP (DISCOVER, the server's ACK, REQUEST)
	 * and a DNS question for its maker's P2P name. */
	n = pg_dhcp_msg(pl, sizeof(pl), 1, dh_mac, 0, "udhcp 1.31.1", "cam01");
	pg_l4(&f, dh_mac, 17, 0, 68, PG_IP(255, 255, 255, 255), 67, pl, n);
	pg_dump_link(d, link, t + 2, &f);
	n = pg_dhcp_msg(pl, sizeof(pl), 5, dh_mac, dh, "", "");
	pg_l4(&f, gw_mac, 17, gw, 67, PG_IP(255, 255, 255, 255), 68, pl, n);
	pg_dump_link(d, link, t + 3, &f);
	n = pg_dns(pl, sizeof(pl), "p2p.easy4ipcloud.com", 0, 0);
	pg_l4(&f, dh_mac, 17, dh, 40000, dns, 53, pl, n);
	pg_dump_link(d, link, t + 4, &f);
	/* A web/TLS unit: its HTTP header and its certificate each split in
	 * three segments, written out of order. */
	reordered(d, link, t + 5, web_mac, web, 80, cl, 52000, 5000,
		  (const uint8_t *)http, strlen(http), 20, 40);
	if (dern > 0) {
		n = pg_server_cert(rec, sizeof(rec), der, dern);
		reordered(d, link, t + 7, web_mac, web, 443, cl, 52001, 90000,
			  rec, n, n / 3, 2 * n / 3);
	}
	/* A host known by its frames alone: its MAC is the frames' one. */
	pg_l4(&f, fr_mac, 6, fr, 80, cl, 53000, nginx, strlen(nginx));
	pg_dump_link(d, link, t + 9, &f);
	/* An IPv6-only camera: neighbour advertisement, mDNS answer. */
	pg_na(&f, v6_mac, v6_addr, 0);
	pg_dump_link(d, link, t + 10, &f);
	n = pg_mdns_ptr(pl, sizeof(pl), "_axis-video._tcp.local",
			"AXIS M3045-V - ACCC8E000060");
	pg_udp6(&f, v6_mac, v6_addr, 5353, mdns6, 5353, pl, n);
	pg_dump_link(d, link, t + 11, &f);
	/* An IPv6 camera answering a WS-Discovery probe (UDP 3702). */
	{
		static const uint8_t w_mac[6] = {0x02, 0x11, 0x22,
						 0x33, 0x44, 0x70};
		static const uint8_t w_addr[16] = {0xfe, 0x80, [8] = 0x00, 0x11,
						   0x22, 0xff, 0xfe,       0x33,
						   0x44, 0x70};
		static const char pm[] =
		    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
		    "<env:Envelope xmlns:env=\"http://www.w3.org/2003/05/"
		    "soap-envelope\" xmlns:d=\"http://schemas.xmlsoap.org/ws/"
		    "2005/04/discovery\"><env:Body><d:ProbeMatches>"
		    "<d:ProbeMatch><d:Types>dn:NetworkVideoTransmitter"
		    "</d:Types><d:Scopes>onvif://www.onvif.org/hardware/"
		    "DS-2CD2385G1-I onvif://www.onvif.org/name/HIKVISION"
		    "</d:Scopes><d:XAddrs>http://[fe80::11:22ff:fe33:4470]/"
		    "onvif/device_service</d:XAddrs></d:ProbeMatch>"
		    "</d:ProbeMatches></env:Body></env:Envelope>";

		pg_udp6(&f, w_mac, w_addr, 3702, v6_addr, 3702, pm, strlen(pm));
		pg_dump_link(d, link, t + 12, &f);
	}
	pcap_dump_close(d);
	pcap_close(dead);
	return 0;
}
