/* SPDX-License-Identifier: ISC */
/*
 * Passive listening, issue #15: link types and mirror encapsulations,
 * IPv6, neighbour discovery and DHCPv6 (table-driven, cut at every
 * length), bounded TCP reassembly (order, overlaps, caps), and the
 * link-layer identity capture written with libpcap as Ethernet, Linux
 * cooked v2 and gzip, which must all give the same devices.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>
#include <zlib.h>

#include <cmocka.h>

#include "core/str.h"
#include "fp/fp.h"
#include "passive/capture.h"
#include "passive/passive.h"
#include "passive/pkt.h"
#include "pktgen.h"
#include "core/poison.h"

static const uint8_t inner_mac[6] = {0x02, 0x33, 0, 0, 0, 7};
static const uint8_t outer_mac6[6] = {0x02, 0x66, 0, 0, 0, 1};
static const uint8_t a6[16] = {0xfd, 0, [14] = 0x12, 0x34};
static const uint8_t b6[16] = {0xfd, 0, [15] = 1};

static const char *
srcdir(void)
{
	const char *s = getenv("CS_SRCDIR");

	return s ? s : CS_SRCDIR;
}

/* Wraps payload in Ethernet (outer_mac) + IPv4 with protocol proto. */
static size_t
outer_ip(uint8_t *out, uint8_t proto, const uint8_t *pl, size_t n)
{
	static const uint8_t hdr[34] = {
	    0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x02, 0x44, 0, 0, 0,  9,
	    0x08, 0x00, 0x45, 0,    0,    0,    0,    1,    0, 0, 64, 0,
	    0,    0,    127,  1,    1,    1,    127,  1,    1, 2};

	memcpy(out, hdr, 34);
	out[16] = (uint8_t)((20 + n) >> 8);
	out[17] = (uint8_t)(20 + n);
	out[23] = proto;
	memcpy(out + 34, pl, n);
	return 34 + n;
}

/* The variants of one inner frame (Ethernet, IPv4/UDP from inner_mac). */
enum variant {
	V_ETHER,
	V_QINQ,
	V_SLL,
	V_SLL2,
	V_RAW4,
	V_RAW6,
	V_V6_HBH,
	V_ERSPAN1,
	V_ERSPAN2,
	V_ERSPAN3,
	V_GRE_TEB,
	V_VXLAN,
};

static size_t
build(enum variant v, const struct pg_frame *in, const struct pg_frame *in6,
      uint8_t *out)
{
	uint8_t t[PG_MAX + 64];
	size_t n;

	switch (v) {
	case V_ETHER:
		memcpy(out, in->b, in->n);
		return in->n;
	case V_QINQ:
		memcpy(out, in->b, 12);
		memcpy(out + 12, "\x88\xa8\x00\x05\x81\x00\x00\x2a", 8);
		memcpy(out + 20, in->b + 12, in->n - 12);
		return in->n + 8;
	case V_SLL: /* type, ARPHRD, len, addr[8], protocol */
		memcpy(out, "\x00\x00\x00\x01\x00\x06", 6);
		memcpy(out + 6, in->b + 6, 6);
		memset(out + 12, 0, 2);
		memcpy(out + 14, in->b + 12, 2);
		memcpy(out + 16, in->b + 14, in->n - 14);
		return in->n + 2;
	case V_SLL2: /* protocol, res, ifindex, ARPHRD, type, len, addr */
		memcpy(out, in->b + 12, 2);
		memcpy(out + 2, "\x00\x00\x00\x00\x00\x03\x00\x01\x04\x06", 10);
		memcpy(out + 12, in->b + 6, 6);
		memset(out + 18, 0, 2);
		memcpy(out + 20, in->b + 14, in->n - 14);
		return in->n + 6;
	case V_RAW4:
		memcpy(out, in->b + 14, in->n - 14);
		return in->n - 14;
	case V_RAW6:
		memcpy(out, in6->b + 14, in6->n - 14);
		return in6->n - 14;
	case V_V6_HBH: /* a hop-by-hop header (8 bytes) before UDP */
		memcpy(out, in6->b, 14 + 40);
		out[14 + 6] = 0;                          /* next: HBH */
		out[14 + 5] = (uint8_t)(out[14 + 5] + 8); /* length */
		memcpy(out + 54, "\x11\x00\x01\x04\x00\x00\x00\x00", 8);
		memcpy(out + 62, in6->b + 54, in6->n - 54);
		return in6->n + 8;
	case V_ERSPAN1: /* GRE without sequence, 0x88BE, no header */
		memcpy(t, "\x00\x00\x88\xbe", 4);
		memcpy(t + 4, in->b, in->n);
		return outer_ip(out, 47, t, 4 + in->n);
	case V_ERSPAN2: /* GRE with sequence, 0x88BE, 8-byte header */
		memcpy(t, "\x10\x00\x88\xbe\x00\x00\x00\x07", 8);
		memcpy(t + 8, "\x10\x05\x00\x01\x00\x00\x00\x00", 8);
		memcpy(t + 16, in->b, in->n);
		return outer_ip(out, 47, t, 16 + in->n);
	case V_ERSPAN3: /* 0x22EB, 12-byte header with the O bit set, then
			   the 8-byte platform subheader */
		memcpy(t, "\x10\x00\x22\xeb\x00\x00\x00\x07", 8);
		memset(t + 8, 0, 12);
		t[8] = 0x20;
		t[19] = 0x01;
		memset(t + 20, 0xEE, 8);
		memcpy(t + 28, in->b, in->n);
		return outer_ip(out, 47, t, 28 + in->n);
	case V_GRE_TEB:
		memcpy(t, "\x20\x00\x65\x58\x00\x00\x00\x2a", 8); /* key */
		memcpy(t + 8, in->b, in->n);
		return outer_ip(out, 47, t, 8 + in->n);
	case V_VXLAN:
		/* UDP 4789, VXLAN header with the I flag */
		memcpy(t, "\xc0\x00\x12\xb5", 4);
		n = 8 + 8 + in->n;
		t[4] = (uint8_t)(n >> 8);
		t[5] = (uint8_t)n;
		memcpy(t + 6, "\x00\x00\x08\x00\x00\x00\x00\x01\x00\x00", 10);
		memcpy(t + 16, in->b, in->n);
		return outer_ip(out, 17, t, n);
	}
	return 0;
}

static void
test_links(void **state)
{
	static const struct {
		enum variant v;
		int link;
		uint8_t ipver, decap;
		bool has_mac;
		uint16_t vlan;
	} t[] = {
	    {V_ETHER, CS_LINK_ETHER, 4, 0, true, 0},
	    {V_QINQ, CS_LINK_ETHER, 4, 0, true, 5},
	    {V_SLL, CS_LINK_SLL, 4, 0, true, 0},
	    {V_SLL2, CS_LINK_SLL2, 4, 0, true, 0},
	    {V_RAW4, CS_LINK_RAW, 4, 0, false, 0},
	    {V_RAW6, CS_LINK_RAW, 6, 0, false, 0},
	    {V_V6_HBH, CS_LINK_ETHER, 6, 0, true, 0},
	    {V_ERSPAN1, CS_LINK_ETHER, 4, 1, true, 0},
	    {V_ERSPAN2, CS_LINK_ETHER, 4, 1, true, 0},
	    {V_ERSPAN3, CS_LINK_ETHER, 4, 1, true, 0},
	    {V_GRE_TEB, CS_LINK_ETHER, 4, 1, true, 0},
	    {V_VXLAN, CS_LINK_ETHER, 4, 1, true, 0},
	};
	struct pg_frame in, in6;
	uint8_t buf[PG_MAX + 128];
	struct cs_pkt k;

	(void)state;
	pg_l4(&in, inner_mac, 17, PG_IP(127, 114, 9, 9), 5353,
	      PG_IP(224, 0, 0, 251), 5353, "hello", 5);
	pg_udp6(&in6, inner_mac, a6, 5353, b6, 5353, "hello", 5);
	for (size_t i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		size_t n = build(t[i].v, &in, &in6, buf);

		assert_true(n > 0);
		assert_int_equal(cs_pkt_decode_link(t[i].link, buf, n, &k), 0);
		if (k.kind != CS_PKT_UDP)
			fail_msg("variant %zu: kind %d", i, (int)k.kind);
		assert_int_equal(k.ipver, t[i].ipver);
		assert_int_equal(k.decap, t[i].decap);
		assert_int_equal(k.has_mac, t[i].has_mac);
		assert_int_equal(k.vlan, t[i].vlan);
		assert_int_equal(k.dport, 5353);
		assert_int_equal(k.payload.n, 5);
		assert_memory_equal(k.payload.p, "hello", 5);
		if (t[i].has_mac)
			assert_memory_equal(k.src_mac, inner_mac, 6);
		if (t[i].ipver == 4)
			assert_int_equal(k.src_ip, PG_IP(127, 114, 9, 9));
		else
			assert_memory_equal(k.src6, a6, 16);
		/* Every cut decodes without reading past it. */
		for (size_t c = 0; c < n; c++) {
			uint8_t *p = malloc(c ? c : 1);
			int rc;

			memcpy(p, buf, c);
			rc = cs_pkt_decode_link(t[i].link, p, c, &k);
			assert_true(rc == 0 || rc == CS_ETRUNC ||
				    rc == CS_EPROTO);
			if (rc == 0 && k.payload.n > 0)
				assert_true(k.payload.p >= p &&
					    k.payload.p + k.payload.n <= p + c);
			free(p);
		}
	}
	assert_true(cs_pkt_link_ok(CS_LINK_SLL2));
	assert_false(cs_pkt_link_ok(105));
	assert_int_equal(cs_pkt_decode_link(105, buf, 20, &k), CS_EINVAL);
	/* IPv6 with nine extension headers is refused. */
	{
		uint8_t v[14 + 40 + 9 * 8 + 8];

		memcpy(v, in6.b, 14 + 40);
		v[14 + 6] = 60;
		v[14 + 4] = 0;
		v[14 + 5] = 9 * 8 + 8;
		for (int j = 0; j < 9; j++) {
			memset(v + 54 + j * 8, 0, 8);
			v[54 + j * 8] = j == 8 ? 17 : 60;
		}
		memset(v + 54 + 72, 0, 8);
		assert_int_equal(cs_pkt_decode(v, sizeof(v), &k), CS_EPROTO);
	}
}

static void
test_ndp(void **state)
{
	static const uint8_t mac[6] = {0x02, 1, 2, 3, 4, 5};
	static const struct {
		uint8_t type;
		const char *body;
		size_t n;
		int rc;
		bool has_target, router, has_ll;
	} t[] = {
	    /* NA, router + override, target, target LL option */
	    {136,
	     "\xa0\x00\x00\x00\xfd\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00"
	     "\x00\x00\x00\x00\x01\x02\x01\x02\x01\x02\x03\x04\x05",
	     28, 0, true, true, true},
	    /* NS from DAD: target, no option */
	    {135,
	     "\x00\x00\x00\x00\xfd\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00"
	     "\x00\x00\x00\x00\x01",
	     20, 0, true, false, false},
	    /* RS with a source LL option */
	    {133, "\x00\x00\x00\x00\x01\x01\x02\x01\x02\x03\x04\x05", 12, 0,
	     false, false, true},
	    /* RA: 12 bytes, then a source LL option */
	    {134,
	     "\x40\x00\x07\x08\x00\x00\x00\x00\x00\x00\x00\x00\x01\x01\x02"
	     "\x01\x02\x03\x04\x05",
	     20, 0, false, true, true},
	    /* an option of length 0 */
	    {133, "\x00\x00\x00\x00\x01\x00\x00\x00\x00\x00\x00\x00", 12,
	     CS_EPROTO, false, false, false},
	    /* an option running past the end */
	    {133, "\x00\x00\x00\x00\x01\x02\x02\x01\x02\x03", 10, CS_ETRUNC,
	     false, false, false},
	    /* echo request: not neighbour discovery */
	    {128, "\x00\x01\x00\x01", 4, CS_ENOTFOUND, false, false, false},
	};
	struct cs_ndp n;

	(void)state;
	for (size_t i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		assert_int_equal(cs_ndp_parse(t[i].type,
					      (const uint8_t *)t[i].body,
					      t[i].n, &n),
				 t[i].rc);
		if (t[i].rc != 0)
			continue;
		assert_int_equal(n.has_target, t[i].has_target);
		assert_int_equal(n.router, t[i].router);
		assert_int_equal(n.has_lladdr, t[i].has_ll);
		if (t[i].has_ll)
			assert_memory_equal(n.lladdr, mac, 6);
		for (size_t c = 0; c < t[i].n; c++) {
			uint8_t *p = malloc(c ? c : 1);

			memcpy(p, t[i].body, c);
			(void)cs_ndp_parse(t[i].type, p, c, &n);
			free(p);
		}
	}
}

static void
test_dhcp6(void **state)
{
	/* Solicit: client id DUID-LLT (Ethernet), IA_NA with an IAADDR,
	 * ORO 23,24, vendor class (enterprise 12345, "acme-cam"), FQDN
	 * "cam7.example". */
	static const uint8_t sol[] =
	    "\x01\x00\x00\x01"
	    "\x00\x01\x00\x0e\x00\x01\x00\x01\x11\x22\x33\x44\x02\x01\x02\x03"
	    "\x04\x05"
	    "\x00\x03\x00\x28\x00\x00\x00\x01\x00\x00\x00\x00\x00\x00\x00\x00"
	    "\x00\x05\x00\x18\xfd\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00"
	    "\x00\x00\x00\x99\x00\x00\x00\x00\x00\x00\x00\x00"
	    "\x00\x06\x00\x04\x00\x17\x00\x18"
	    "\x00\x10\x00\x0e\x00\x00\x30\x39\x00\x08"
	    "acme-cam"
	    "\x00\x27\x00\x0f\x00\x04"
	    "cam7\x07"
	    "example\x00";
	static const uint8_t relay[] = "\x0c\x00\x00\x00";
	static const uint8_t bad[] = "\x03\x00\x00\x01\x00\x01\x00\x20\x00";
	static const uint8_t mac[6] = {0x02, 1, 2, 3, 4, 5};
	struct cs_dhcp6 m;

	(void)state;
	assert_int_equal(cs_dhcp6_parse(sol, sizeof(sol) - 1, &m), 0);
	assert_int_equal(m.msg_type, 1);
	assert_true(m.has_mac);
	assert_memory_equal(m.mac, mac, 6);
	assert_true(m.has_addr);
	assert_int_equal(m.addr[0], 0xfd);
	assert_int_equal(m.addr[15], 0x99);
	assert_int_equal(m.noro, 2);
	assert_int_equal(m.oro[1], 24);
	assert_int_equal(m.enterprise, 12345);
	assert_int_equal(m.vendor_class.n, 8);
	assert_memory_equal(m.vendor_class.p, "acme-cam", 8);
	assert_string_equal(m.fqdn, "cam7.example");
	assert_int_equal(cs_dhcp6_parse(relay, 4, &m), CS_ENOTFOUND);
	assert_int_equal(cs_dhcp6_parse(bad, sizeof(bad) - 1, &m), CS_ETRUNC);
	assert_int_equal(cs_dhcp6_parse(sol, 3, &m), CS_ETRUNC);
	for (size_t c = 0; c < sizeof(sol) - 1; c++) {
		uint8_t *p = malloc(c ? c : 1);
		int rc;

		memcpy(p, sol, c);
		rc = cs_dhcp6_parse(p, c, &m);
		assert_true(rc == 0 || rc == CS_ETRUNC);
		free(p);
	}
}

/* ---- reassembly through the listener ---- */

#define MAXDEV 64

struct dev_seen {
	char addr[48], mac[18], via[8];
	bool gateway;
	struct cs_identity id;
	bool http_server, tls_subject, hostname, ph_maker, wsd;
};

struct got {
	struct cs_fpdb *fp;
	int n;
	struct dev_seen d[MAXDEV];
};

static void
collect(void *arg, const struct cs_passive_dev *d)
{
	struct got *g = arg;
	struct dev_seen *s;

	if (g->n == MAXDEV)
		return;
	s = &g->d[g->n++];
	memset(s, 0, sizeof(*s));
	cs_passive_addrstr(d, s->addr, sizeof(s->addr));
	if (d->has_mac) {
		cs_ident_mac_format(d->mac, s->mac);
		cs_strlcpy(s->via, d->mac_via, sizeof(s->via));
	}
	s->gateway = d->gateway;
	if (g->fp != NULL)
		cs_fp_identify(g->fp, &d->obs, &s->id);
	s->http_server = cs_obs_find(&d->obs, "http.server", 0) != NULL;
	s->tls_subject = cs_obs_find(&d->obs, "tls.subject", 0) != NULL;
	s->hostname = cs_obs_find(&d->obs, "dhcp.hostname", 0) != NULL;
	s->ph_maker = cs_obs_find(&d->obs, "phonehome.maker", 0) != NULL;
	s->wsd = cs_obs_find(&d->obs, "wsd.types", 0) != NULL;
}

static const struct dev_seen *
find(const struct got *g, const char *addr)
{
	for (int i = 0; i < g->n; i++)
		if (strcmp(g->d[i].addr, addr) == 0)
			return &g->d[i];
	return NULL;
}

/* The device at addr; fails the test if there is none. */
static const struct dev_seen *
must(const struct got *g, const char *addr)
{
	const struct dev_seen *s = find(g, addr);

	if (s == NULL) {
		fail_msg("no device %s", addr);
		abort();
	}
	return s;
}

static void
feed(struct cs_passive *p, uint32_t seq, uint8_t flags, const char *s, size_t n)
{
	struct pg_frame f;

	pg_tcp(&f, inner_mac, PG_IP(127, 114, 9, 1), 80, PG_IP(127, 114, 9, 2),
	       40000, seq, flags, s, n);
	assert_int_equal(cs_passive_packet(p, 1700000000, f.b, f.n, f.n), 0);
}

static void
test_reassembly(void **state)
{
	static const char hdr[] = "HTTP/1.1 200 OK\r\nServer: Reasm-Test/1\r\n"
				  "Content-Length: 0\r\n\r\n";
	const size_t n = strlen(hdr);
	struct cs_passive_stats st;
	struct got *g = calloc(1, sizeof(*g));
	struct cs_passive *p;
	const struct dev_seen *s;

	(void)state;
	/* Reordered, overlapping, a retransmission with other bytes: the
	 * first copy of each byte wins. */
	p = cs_passive_new(NULL, NULL, collect, g);
	feed(p, 99, CS_TCP_SYN | CS_TCP_ACK, "", 0);
	feed(p, 100 + 30, 0x18, hdr + 30, n - 30);
	feed(p, 100 + 30, 0x18,
	     "XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX", n - 30);
	feed(p, 100 + 10, 0x18, hdr + 10, 25); /* overlaps the next */
	feed(p, 100, 0x18, hdr, 12);
	cs_passive_get_stats(p, &st);
	assert_int_equal(st.tcp_streams, 1);
	assert_int_equal(st.tcp_uncut, 0);
	cs_passive_finish(p);
	cs_passive_free(p);
	s = must(g, "127.114.9.1");
	assert_true(s->http_server);

	/* Last-wins would have read the X's: check the value. */
	g->n = 0;
	p = cs_passive_new(NULL, NULL, collect, g);
	feed(p, 99, CS_TCP_SYN | CS_TCP_ACK, "", 0);
	feed(p, 100 + 20, 0x18, hdr + 20, n - 20);
	feed(p, 100 + 20, 0x18, "Server: XXXXXXXXXXXXX", 21);
	feed(p, 100, 0x18, hdr, 20);
	cs_passive_finish(p);
	cs_passive_free(p);
	s = must(g, "127.114.9.1");
	assert_true(s->http_server);

	/* A flow whose first bytes are not a response decoders read is
	 * not followed, however its segments come. */
	g->n = 0;
	p = cs_passive_new(NULL, NULL, collect, g);
	feed(p, 99, CS_TCP_SYN | CS_TCP_ACK, "", 0);
	feed(p, 100, 0x18, "\x80\x60 video video video", 20);
	for (uint32_t i = 0; i < 1000; i++)
		feed(p, 120 + i * 20, 0x18, "rtp rtp rtp rtp rtp ", 20);
	cs_passive_get_stats(p, &st);
	assert_int_equal(st.tcp_streams, 0);
	cs_passive_finish(p);
	cs_passive_free(p);

	/* The rest of a header that never comes (the capture ends): what
	 * arrived is read at the end. */
	g->n = 0;
	p = cs_passive_new(NULL, NULL, collect, g);
	feed(p, 99, CS_TCP_SYN | CS_TCP_ACK, "", 0);
	feed(p, 100, 0x18, hdr, 40);
	cs_passive_get_stats(p, &st);
	assert_int_equal(st.tcp_streams, 1);
	cs_passive_finish(p);
	cs_passive_free(p);
	assert_true(must(g, "127.114.9.1")->http_server);

	/* A retransmitted SYN-ACK does not restart a followed flow. */
	g->n = 0;
	p = cs_passive_new(NULL, NULL, collect, g);
	feed(p, 99, CS_TCP_SYN | CS_TCP_ACK, "", 0);
	feed(p, 100 + 20, 0x18, hdr + 20, n - 20);
	feed(p, 99, CS_TCP_SYN | CS_TCP_ACK, "", 0);
	feed(p, 100, 0x18, hdr, 20);
	cs_passive_get_stats(p, &st);
	assert_int_equal(st.tcp_uncut, 0);
	assert_int_equal(st.observations, 1); /* decoded before the end */
	cs_passive_finish(p);
	cs_passive_free(p);
	assert_true(must(g, "127.114.9.1")->http_server);

	/* A segment cut by the snap length: no later segment fills the
	 * gap, so the flow is read at once. */
	g->n = 0;
	p = cs_passive_new(NULL, NULL, collect, g);
	{
		struct pg_frame f;

		pg_tcp(&f, inner_mac, PG_IP(127, 114, 9, 1), 80,
		       PG_IP(127, 114, 9, 2), 40000, 100, 0x18, hdr, n);
		assert_int_equal(
		    cs_passive_packet(p, 1700000000, f.b, f.n - 20, f.n), 0);
	}
	cs_passive_get_stats(p, &st);
	assert_int_equal(st.tcp_streams, 1);
	assert_int_equal(st.observations, 1); /* read at once */
	cs_passive_finish(p);
	cs_passive_free(p);
	assert_true(must(g, "127.114.9.1")->http_server);

	/* A header that never ends is given up at the cap, and counted. */
	g->n = 0;
	p = cs_passive_new(NULL, NULL, collect, g);
	feed(p, 99, CS_TCP_SYN | CS_TCP_ACK, "", 0);
	feed(p, 100, 0x18, "HTTP/1.1 200 OK\r\n", 17);
	for (uint32_t i = 0; i < 200; i++) {
		char line[200];

		memset(line, 'a', sizeof(line));
		line[198] = '\r';
		line[199] = '\n';
		feed(p, 117 + i * 200, 0x18, line, 200);
	}
	cs_passive_get_stats(p, &st);
	assert_int_equal(st.tcp_streams, 1);
	assert_int_equal(st.tcp_uncut, 0); /* read at the cap, not lost */
	cs_passive_finish(p);
	cs_passive_free(p);
	free(g);
}

/* The listener's IPv4 flow hash (src/passive/passive.c), to build two
 * flows that share it. */
static uint32_t
h32(uint32_t x)
{
	x ^= x >> 16;
	x *= 0x7feb352dU;
	x ^= x >> 15;
	x *= 0x846ca68bU;
	x ^= x >> 16;
	return x;
}

/* Reassembly is keyed by the flow's endpoints, not by its hash: a
 * second flow built to hash the same (another device, to the same
 * client) cannot put its bytes into the followed flow. */
static void
test_reassembly_keyed(void **state)
{
	static const char hdr[] = "HTTP/1.1 200 OK\r\nServer: Reasm-Test/1\r\n"
				  "Content-Length: 0\r\n\r\n";
	const size_t n = strlen(hdr);
	const uint32_t a1 = PG_IP(127, 114, 9, 1), b = PG_IP(127, 114, 9, 2);
	const uint32_t a2 =
	    a1 ^ h32(b ^ (80u << 16 | 40000)) ^ h32(b ^ (80u << 16 | 40001));
	struct got *g = calloc(1, sizeof(*g));
	struct cs_passive *p;
	struct pg_frame f;

	(void)state;
	assert_true(a2 != a1);
	p = cs_passive_new(NULL, NULL, collect, g);
	feed(p, 99, CS_TCP_SYN | CS_TCP_ACK, "", 0);
	feed(p, 100 + 20, 0x18, hdr + 20, n - 20);
	pg_tcp(&f, outer_mac6, a2, 80, b, 40001, 100, 0x18,
	       "HTTP/1.1 200 OK\r\nXer", 20);
	assert_int_equal(cs_passive_packet(p, 1700000000, f.b, f.n, f.n), 0);
	feed(p, 100, 0x18, hdr, 20);
	cs_passive_finish(p);
	cs_passive_free(p);
	assert_true(must(g, "127.114.9.1")->http_server);
	free(g);
}

static int ph_seen;

static void
ph_collect(void *arg, const struct cs_passive_dev *d)
{
	(void)arg;
	for (size_t i = 0; i < d->nph; i++)
		if (d->family == 6 && strcmp(d->ph[i].via, "sni") == 0 &&
		    strcmp(d->ph[i].match, "dev.ezvizlife.com") == 0 &&
		    cs_obs_find(&d->obs, "phonehome.maker", 0) != NULL)
			ph_seen++;
}

/* A ClientHello over IPv6 naming a listed endpoint is a phone-home
 * record of the IPv6 device, with its maker as evidence. */
static void
test_v6_phonehome(void **state)
{
	static const char list[] =
	    "domain\tezvizlife.com\tEZVIZ\tCN\tcloud\thigh\ttest\n";
	struct cs_ph ph = {0};
	struct cs_passive *p;
	struct pg_frame f;
	uint8_t l4[PG_MAX], *t = l4;
	char err[128];
	size_t n;

	(void)state;
	assert_int_equal(cs_ph_add_mem(&ph, "t", (const uint8_t *)list,
				       strlen(list), err, sizeof(err)),
			 0);
	memset(t, 0, 20);
	t[0] = 0xa0; /* sport 41000 */
	t[1] = 0x28;
	t[2] = 0x01; /* dport 443 */
	t[3] = 0xbb;
	t[12] = 0x50;
	t[13] = 0x18;
	n = pg_client_hello(l4 + 20, sizeof(l4) - 20, "Dev.EzvizLife.com");
	pg_ip6(&f, inner_mac, 6, a6, b6, l4, 20 + n);
	ph_seen = 0;
	p = cs_passive_new(NULL, &ph, ph_collect, NULL);
	assert_int_equal(cs_passive_packet(p, 1700000000, f.b, f.n, f.n), 0);
	cs_passive_finish(p);
	cs_passive_free(p);
	cs_ph_free(&ph);
	assert_int_equal(ph_seen, 1);
}

static struct cs_passive_ph v6ph;
static int v6ph_n;

static void
v6ph_collect(void *arg, const struct cs_passive_dev *d)
{
	(void)arg;
	for (size_t i = 0; i < d->nph; i++)
		if (d->family == 6 && strcmp(d->ph[i].via, "addr") == 0) {
			v6ph = d->ph[i];
			v6ph_n++;
		}
}

/* An AAAA answer for a listed name, then a flow over IPv6 to that
 * address: both directions are counted for the device. */
static void
test_v6_resolved(void **state)
{
	static const char list[] =
	    "domain\thik-connect.com\tHikvision\tCN\tcloud\thigh\ttest\n";
	static const uint8_t cloud[16] = {0x20, 0x01, 0x0d, 0xb8, [15] = 7};
	static const uint8_t dns6[16] = {0xfd, 0, [15] = 0x53};
	struct cs_ph ph = {0};
	struct cs_passive *p;
	struct pg_frame f;
	uint8_t m[512], l4[64];
	char err[128];
	size_t n;

	(void)state;
	assert_int_equal(cs_ph_add_mem(&ph, "t", (const uint8_t *)list,
				       strlen(list), err, sizeof(err)),
			 0);
	p = cs_passive_new(NULL, &ph, v6ph_collect, NULL);
	/* The question, then the answer: rewrite pg_dns's A record as an
	 * AAAA one (type 28, 16 bytes). */
	n = pg_dns(m, sizeof(m), "a.hik-connect.com", 0, 0);
	pg_udp6(&f, inner_mac, a6, 40000, dns6, 53, m, n);
	assert_int_equal(cs_passive_packet(p, 1700000000, f.b, f.n, f.n), 0);
	n = pg_dns(m, sizeof(m), "a.hik-connect.com", 1, 0);
	m[n - 14 + 1] = 28; /* type: after the 2-byte name pointer */
	m[n - 6 + 1] = 16;  /* rdlength */
	memcpy(m + n - 4, cloud, 16);
	n += 12;
	pg_udp6(&f, outer_mac6, dns6, 53, a6, 40000, m, n);
	assert_int_equal(cs_passive_packet(p, 1700000000, f.b, f.n, f.n), 0);
	memset(l4, 0, sizeof(l4));
	l4[0] = 0xa0;
	l4[3] = 0xbb; /* to port 443 */
	l4[12] = 0x50;
	l4[13] = 0x10;
	for (int i = 0; i < 3; i++) {
		pg_ip6(&f, inner_mac, 6, a6, cloud, l4, 40);
		assert_int_equal(
		    cs_passive_packet(p, 1700000001, f.b, f.n, f.n), 0);
		/* The reply: the same ports the other way round. */
		l4[0] = 0x00;
		l4[1] = 0xbb;
		l4[2] = 0xa0;
		l4[3] = 0x00;
		pg_ip6(&f, outer_mac6, 6, cloud, a6, l4, 40);
		l4[0] = 0xa0;
		l4[1] = 0x00;
		l4[2] = 0x00;
		l4[3] = 0xbb;
		assert_int_equal(
		    cs_passive_packet(p, 1700000001, f.b, f.n, f.n), 0);
	}
	v6ph_n = 0;
	cs_passive_finish(p);
	cs_passive_free(p);
	cs_ph_free(&ph);
	assert_int_equal(v6ph_n, 1);
	assert_string_equal(v6ph.match, "a.hik-connect.com");
	assert_int_equal(v6ph.packets, 6);
}

/* A DHCP DISCOVER alone: the device is its MAC, with what it sent. */
static void
test_mac_only(void **state)
{
	static const uint8_t mac[6] = {0x02, 0x77, 0, 0, 0, 1};
	struct got *g = calloc(1, sizeof(*g));
	struct cs_passive *p;
	const struct dev_seen *s;
	struct pg_frame f;
	uint8_t m[512];
	size_t n;

	(void)state;
	p = cs_passive_new(NULL, NULL, collect, g);
	n = pg_dhcp_msg(m, sizeof(m), 1, mac, 0, "udhcp 1.31.1", "lonely");
	pg_l4(&f, mac, 17, 0, 68, PG_IP(255, 255, 255, 255), 67, m, n);
	assert_int_equal(cs_passive_packet(p, 1700000000, f.b, f.n, f.n), 0);
	cs_passive_finish(p);
	cs_passive_free(p);
	assert_int_equal(g->n, 1);
	s = must(g, "");
	assert_string_equal(s->mac, "02:77:00:00:00:01");
	assert_string_equal(s->via, "dhcp");
	assert_true(s->hostname);
	free(g);
}

static int vendor_hits;

static void
vendor_collect(void *arg, const struct cs_passive_dev *d)
{
	const char *want = arg;

	if (cs_obs_find(&d->obs, want, 0) != NULL)
		vendor_hits++;
}

static void
feedp(struct cs_passive *p, uint16_t sport, uint32_t seq, uint8_t flags,
      const void *s, size_t n)
{
	struct pg_frame f;

	pg_tcp(&f, inner_mac, PG_IP(127, 114, 9, 1), sport,
	       PG_IP(127, 114, 9, 2), 40001, seq, flags, s, n);
	assert_int_equal(cs_passive_packet(p, 1700000000, f.b, f.n, f.n), 0);
}

/* Vendor TCP services on their ports: a Xiongmai DVRIP reply, a Dahua
 * DVRIP header and an FTP greeting, each split over two segments sent
 * in reverse order after the SYN-ACK, are reassembled and decoded; the
 * same bytes from another port are not decoded as DVRIP. */
static void
test_vendor_streams(void **state)
{
	static const char json[] = "{ \"Name\" : \"SystemInfo\", "
				   "\"SoftWareVersion\" : \"V4.02.R11\" }\n";
	uint8_t xm[256], dh[32];
	static const char ftp[] = "220 test FTP server ready\r\n";
	static const struct {
		uint16_t port;
		const char *key;
		int hits;
	} t[] = {
	    {34567, "xm.dvrip", 1},
	    {37777, "dahua.dvrip", 1},
	    {21, "banner", 1},
	    {8081, "xm.dvrip", 0},
	};
	const uint8_t *msg[] = {xm, dh, (const uint8_t *)ftp, xm};
	size_t len[4];
	size_t jl = strlen(json);

	(void)state;
	memset(xm, 0, 20);
	xm[0] = 0xFF;
	xm[1] = 0x01;
	xm[14] = 0xE9; /* message 1001 (little endian) */
	xm[15] = 0x03;
	xm[16] = (uint8_t)jl;
	memcpy(xm + 20, json, jl);
	memset(dh, 0, sizeof(dh));
	dh[0] = 0xB0;
	dh[3] = 0x68;
	len[0] = len[3] = 20 + jl;
	len[1] = sizeof(dh);
	len[2] = strlen(ftp);
	for (size_t i = 0; i < 4; i++) {
		struct cs_passive *p;
		size_t cut = len[i] / 2;

		vendor_hits = 0;
		p = cs_passive_new(NULL, NULL, vendor_collect,
				   (void *)(uintptr_t)t[i].key);
		feedp(p, t[i].port, 499, 0x12, "", 0); /* SYN-ACK */
		feedp(p, t[i].port, 500 + (uint32_t)cut, 0x18, msg[i] + cut,
		      len[i] - cut);
		feedp(p, t[i].port, 500, 0x18, msg[i], cut);
		cs_passive_finish(p);
		cs_passive_free(p);
		if (vendor_hits != t[i].hits)
			fail_msg("port %u: %d", t[i].port, vendor_hits);
	}
}

/* ---- the identity capture ---- */

static void
run_capture(const char *path, struct got *g)
{
	char dir[4096], err[512];
	struct cs_ph ph = {0};
	struct cs_capture_opts co = {0};
	struct cs_passive *p;

	snprintf(dir, sizeof(dir), "%s/data/phonehome", srcdir());
	assert_int_equal(cs_ph_load(&ph, dir, err, sizeof(err)), 0);
	g->n = 0;
	p = cs_passive_new(NULL, &ph, collect, g);
	co.file = path;
	if (cs_capture_run(p, &co, NULL, err, sizeof(err)) != 0)
		fail_msg("%s", err);
	cs_passive_finish(p);
	cs_passive_free(p);
	cs_ph_free(&ph);
}

static void
check_identity(const struct got *g)
{
	const struct dev_seen *s;

	/* Known only by DHCP and a DNS question for a Dahua P2P name:
	 * named, with the MAC the DHCP exchange gave. */
	s = must(g, "127.114.2.20");
	assert_string_equal(s->mac, "02:11:22:33:44:20");
	assert_string_equal(s->via, "dhcp");
	assert_true(s->hostname); /* from the DISCOVER, merged in */
	assert_true(s->ph_maker);
	assert_string_equal(s->id.manufacturer, "Dahua");
	/* The MAC-only device of the DISCOVER was merged, not left. */
	assert_null(find(g, ""));
	/* HTTP header and certificate split and reordered: read, named. */
	s = must(g, "127.114.2.30");
	assert_true(s->http_server);
	assert_true(s->tls_subject);
	assert_string_equal(s->id.manufacturer, "Hikvision");
	assert_string_equal(s->mac, "02:11:22:33:44:30");
	assert_string_equal(s->via, "frame");
	/* Known by its frames: its own MAC. */
	s = must(g, "127.114.2.40");
	assert_string_equal(s->mac, "02:11:22:33:44:40");
	/* The IPv6-only camera. */
	s = must(g, "fe80::11:22ff:fe33:4460");
	assert_string_equal(s->mac, "02:11:22:33:44:60");
	assert_string_equal(s->via, "ndp");
	assert_string_equal(s->id.manufacturer, "Axis");
	/* An IPv6 camera's WS-Discovery answer; its MAC from its frames. */
	s = must(g, "fe80::11:22ff:fe33:4470");
	assert_true(s->wsd);
	assert_string_equal(s->id.manufacturer, "Hikvision");
	assert_string_equal(s->mac, "02:11:22:33:44:70");
	/* The gateway is itself, by ARP, and flagged; the 20 hosts it
	 * forwards for do not get its MAC. */
	s = must(g, "127.114.2.1");
	assert_string_equal(s->mac, "02:aa:aa:aa:aa:01");
	assert_true(s->gateway);
	/* A routed frame (TTL 63) does not give its MAC either. */
	s = must(g, "127.116.5.5");
	assert_string_equal(s->mac, "");
	for (int i = 1; i <= 20; i++) {
		char a[32];

		snprintf(a, sizeof(a), "127.115.0.%d", i);
		s = must(g, a);
		assert_string_equal(s->mac, "");
	}
}

/* Same devices, same identities, in any order. */
static void
check_same(const struct got *a, const struct got *b)
{
	assert_int_equal(a->n, b->n);
	for (int i = 0; i < a->n; i++) {
		const struct dev_seen *s = must(b, a->d[i].addr);

		assert_string_equal(s->mac, a->d[i].mac);
		assert_string_equal(s->id.manufacturer,
				    a->d[i].id.manufacturer);
		assert_string_equal(s->id.model, a->d[i].id.model);
		assert_int_equal(s->id.device_class, a->d[i].id.device_class);
	}
}

static void
gzip_file(const char *from, const char *to)
{
	FILE *in = fopen(from, "rb");
	gzFile out = gzopen(to, "wb");
	char buf[4096];
	size_t n;

	assert_non_null(in);
	assert_non_null(out);
	while ((n = fread(buf, 1, sizeof(buf), in)) > 0)
		assert_int_equal(gzwrite(out, buf, (unsigned)n), (int)n);
	fclose(in);
	assert_int_equal(gzclose(out), Z_OK);
}

static void
test_identity(void **state)
{
	char eth[] = "/tmp/cs-ident-XXXXXX", sll2[] = "/tmp/cs-ident2-XXXXXX",
	     gz[] = "/tmp/cs-ident3-XXXXXX", der[4096], fpdir[4096],
	     entdir[4096], err[512];
	struct got *a = calloc(1, sizeof(*a)), *b = calloc(1, sizeof(*b));
	struct cs_fpdb *fp;

	(void)state;
	close(mkstemp(eth));
	close(mkstemp(sll2));
	close(mkstemp(gz));
	snprintf(der, sizeof(der), "%s/fuzz/corpus/x509/hikvision-dvrnvr.der",
		 srcdir());
	snprintf(fpdir, sizeof(fpdir), "%s/data/fingerprints", srcdir());
	snprintf(entdir, sizeof(entdir), "%s/data/entities", srcdir());
	assert_non_null(fp = cs_fpdb_load(fpdir, entdir, err, sizeof(err)));
	a->fp = b->fp = fp;
	assert_int_equal(pg_identity(eth, DLT_EN10MB, der), 0);
	assert_int_equal(pg_identity(sll2, DLT_LINUX_SLL2, der), 0);
	run_capture(eth, a);
	check_identity(a);
	run_capture(sll2, b);
	check_identity(b);
	check_same(a, b);
	/* The same, gzip-compressed. */
	gzip_file(sll2, gz);
	run_capture(gz, b);
	check_same(a, b);
	unlink(eth);
	unlink(sll2);
	unlink(gz);
	cs_fpdb_free(fp);
	free(a);
	free(b);
}

/* ---- TCP over IPv6 ---- */

/* Writes segments of s (n bytes, stream starting at seq) from src:sport
 * to dst:dport over IPv6: the SYN-ACK, the last part, a retransmission
 * of it with other bytes, the first part, the middle. */
static void
reordered6(pcap_dumper_t *d, int64_t t, const uint8_t mac[6],
	   const uint8_t src[16], uint16_t sport, const uint8_t dst[16],
	   uint16_t dport, uint32_t seq, const uint8_t *s, size_t n,
	   size_t cut1, size_t cut2)
{
	struct pg_frame f;
	uint8_t junk[PG_MAX];

	pg_tcp6(&f, mac, src, sport, dst, dport, seq - 1, 0x12, "", 0);
	pg_dump(d, t, &f);
	pg_tcp6(&f, mac, src, sport, dst, dport, seq + (uint32_t)cut2, 0x18,
		s + cut2, n - cut2);
	pg_dump(d, t, &f);
	memset(junk, 'Z', sizeof(junk));
	pg_tcp6(&f, mac, src, sport, dst, dport, seq + (uint32_t)cut2, 0x18,
		junk, n - cut2);
	pg_dump(d, t, &f);
	pg_tcp6(&f, mac, src, sport, dst, dport, seq, 0x18, s, cut1);
	pg_dump(d, t + 1, &f);
	pg_tcp6(&f, mac, src, sport, dst, dport, seq + (uint32_t)cut1, 0x18,
		s + cut1, cut2 - cut1);
	pg_dump(d, t + 1, &f);
}

static const uint8_t cam6[16] = {0xfd, 0x00, 0x11, 0x4, [15] = 0x30};
static const uint8_t cli6[16] = {0xfd, 0x00, 0x11, 0x4, [15] = 0x99};
static const uint8_t cloud6[16] = {0x20, 0x01, 0x0d,       0xb8,
				   0x00, 0x42, [15] = 0x07};
static const uint8_t cam6_mac[6] = {0x02, 0x11, 0x22, 0x33, 0x46, 0x30};

/*
 * Writes an IPv6 capture with libpcap: an IPv6-only camera (cam6) whose
 * HTTP response header and TLS certificate each arrive split over three
 * reordered segments with a differing retransmission, which then opens
 * flows to a listed IPv6 range (cloud6, TCP 443) and a listed bare port
 * (TCP 6500 on another public IPv6 address).
 */
static void
write_v6_capture(const char *path, const char *der_path)
{
	static const char http[] = "HTTP/1.1 401 Unauthorized\r\n"
				   "Server: App-webs/\r\n"
				   "WWW-Authenticate: Digest realm=\"x\"\r\n"
				   "Content-Length: 0\r\n\r\n";
	static const uint8_t other6[16] = {0x20, 0x01, 0x0d,
					   0xb8, 0x99, [15] = 0x01};
	pcap_t *dead = pcap_open_dead(DLT_EN10MB, 65535);
	pcap_dumper_t *d;
	struct pg_frame f;
	uint8_t der[3000], rec[PG_MAX];
	size_t dern, n;
	FILE *fp;
	int64_t t = 1700200000;

	assert_non_null(dead);
	assert_non_null(d = pcap_dump_open(dead, path));
	assert_non_null(fp = fopen(der_path, "rb"));
	dern = fread(der, 1, sizeof(der), fp);
	fclose(fp);
	assert_true(dern > 0);
	reordered6(d, t, cam6_mac, cam6, 80, cli6, 52000, 5000,
		   (const uint8_t *)http, strlen(http), 20, 40);
	n = pg_server_cert(rec, sizeof(rec), der, dern);
	reordered6(d, t + 2, cam6_mac, cam6, 443, cli6, 52001, 90000, rec, n,
		   n / 3, 2 * n / 3);
	/* Phone-home: three packets each way to the listed range, one out
	 * to the listed port. */
	for (int i = 0; i < 3; i++) {
		pg_tcp6(&f, cam6_mac, cam6, 41000, cloud6, 443, 7000, 0x10, "",
			0);
		pg_dump(d, t + 4 + i, &f);
		pg_tcp6(&f, outer_mac6, cloud6, 443, cam6, 41000, 9000, 0x10,
			"", 0);
		pg_dump(d, t + 4 + i, &f);
	}
	pg_tcp6(&f, cam6_mac, cam6, 41001, other6, 6500, 1, 0x02, "", 0);
	pg_dump(d, t + 8, &f);
	pcap_dump_close(d);
	pcap_close(dead);
}

static struct cs_passive_ph v6f[4];
static int v6f_n;

static void
v6f_collect(void *arg, const struct cs_passive_dev *d)
{
	char a[48];

	collect(arg, d);
	cs_passive_addrstr(d, a, sizeof(a));
	if (strcmp(a, "fd00:1104::30") != 0)
		return;
	for (size_t i = 0; i < d->nph && v6f_n < 4; i++)
		v6f[v6f_n++] = d->ph[i];
}

/* IPv6 flows are reassembled and decoded as IPv4 ones are, and
 * phone-home rules naming an IPv6 range or a bare port match them. */
static void
test_v6_tcp(void **state)
{
	static const char list[] =
	    "cidr\t2001:db8:42::/48\tHikvision\tCN\tcloud\tmedium\ttest\n"
	    "tcp\t6500\tHikvision\tCN\tCAS\tmedium\ttest\n";
	char cap[] = "/tmp/cs-v6tcp-XXXXXX", der[4096], fpdir[4096],
	     entdir[4096], err[512];
	struct got *g = calloc(1, sizeof(*g));
	struct cs_ph ph = {0};
	struct cs_capture_opts co = {0};
	struct cs_passive_stats st;
	struct cs_passive *p;
	const struct dev_seen *s;
	bool range = false, port = false;

	(void)state;
	close(mkstemp(cap));
	snprintf(der, sizeof(der), "%s/fuzz/corpus/x509/hikvision-dvrnvr.der",
		 srcdir());
	snprintf(fpdir, sizeof(fpdir), "%s/data/fingerprints", srcdir());
	snprintf(entdir, sizeof(entdir), "%s/data/entities", srcdir());
	assert_non_null(g->fp = cs_fpdb_load(fpdir, entdir, err, sizeof(err)));
	assert_int_equal(cs_ph_add_mem(&ph, "t", (const uint8_t *)list,
				       strlen(list), err, sizeof(err)),
			 0);
	write_v6_capture(cap, der);
	v6f_n = 0;
	p = cs_passive_new(NULL, &ph, v6f_collect, g);
	co.file = cap;
	if (cs_capture_run(p, &co, NULL, err, sizeof(err)) != 0)
		fail_msg("%s", err);
	cs_passive_get_stats(p, &st);
	assert_int_equal(st.tcp_uncut, 0);
	cs_passive_finish(p);
	cs_passive_free(p);
	s = must(g, "fd00:1104::30");
	assert_true(s->http_server);
	assert_true(s->tls_subject);
	assert_string_equal(s->id.manufacturer, "Hikvision");
	assert_string_equal(s->mac, "02:11:22:33:46:30");
	assert_true(s->ph_maker);
	/* The listed peers are not devices of their own. */
	assert_null(find(g, "2001:db8:42::7"));
	for (int i = 0; i < v6f_n; i++) {
		char peer[48];

		cs_passive_peerstr(&v6f[i], peer, sizeof(peer));
		if (strcmp(v6f[i].via, "addr") == 0 &&
		    strcmp(v6f[i].match, "tcp/443") == 0) {
			assert_string_equal(peer, "2001:db8:42::7");
			assert_int_equal(v6f[i].packets, 6); /* both ways */
			range = true;
		}
		if (strcmp(v6f[i].via, "port") == 0 &&
		    strcmp(v6f[i].match, "tcp/6500") == 0) {
			assert_string_equal(peer, "2001:db8:9900::1");
			assert_int_equal(v6f[i].packets, 1);
			port = true;
		}
	}
	assert_int_equal(v6f_n, 2);
	assert_true(range);
	assert_true(port);
	unlink(cap);
	cs_ph_free(&ph);
	cs_fpdb_free(g->fp);
	free(g);
}

/* ---- flat memory ---- */

static long
maxrss_kb(void)
{
	struct rusage ru;

	getrusage(RUSAGE_SELF, &ru);
	return ru.ru_maxrss;
}

static void
count(void *arg, const struct cs_passive_dev *d)
{
	(*(uint64_t *)arg)++;
	(void)d;
}

/*
 * 10 million packets from 100,000 hosts (CS_MEM_PACKETS overrides the
 * count): ARP, DHCP, DNS questions for a listed name (phone-home), HTTP
 * responses split over two segments after a SYN-ACK (reassembly), bulk
 * TCP and IPv6 neighbour advertisements.  The peak resident set after
 * the first million packets and at the end differ by less than 8 MiB.
 */
static void
test_memory_flat(void **state)
{
	static const char list[] =
	    "domain\thik-connect.com\tHikvision\tCN\tcloud\thigh\ttest\n";
	static const char hdr[] = "HTTP/1.1 200 OK\r\nServer: Mem/1\r\n\r\n";
	const char *env = getenv("CS_MEM_PACKETS");
	uint64_t total = env ? strtoull(env, NULL, 10) : 10000000u;
	struct cs_passive_stats st;
	struct cs_ph ph = {0};
	struct cs_passive *p;
	struct pg_frame t[7];
	uint8_t pl[512], mac[6] = {0x02, 0x55, 0, 0, 0, 0};
	uint8_t v6[16] = {0xfd, 0x00, [8] = 1};
	uint64_t flushed = 0;
	long at1m = 0, end;
	char err[128];
	size_t n;

	(void)state;
	assert_int_equal(cs_ph_add_mem(&ph, "t", (const uint8_t *)list,
				       strlen(list), err, sizeof(err)),
			 0);
	p = cs_passive_new(NULL, &ph, count, &flushed);
	/* Templates; the host's address and MAC are patched in. */
	pg_arp(&t[0], mac, PG_IP(127, 116, 0, 1), PG_IP(127, 116, 0, 254));
	n = pg_dhcp(pl, sizeof(pl), mac, PG_IP(127, 116, 0, 1), "udhcp", "h");
	pg_l4(&t[1], mac, 17, PG_IP(127, 116, 0, 1), 68,
	      PG_IP(127, 116, 0, 254), 67, pl, n);
	n = pg_dns(pl, sizeof(pl), "a.hik-connect.com", 0, 0);
	pg_l4(&t[2], mac, 17, PG_IP(127, 116, 0, 1), 40000,
	      PG_IP(127, 116, 0, 254), 53, pl, n);
	pg_tcp(&t[3], mac, PG_IP(127, 116, 0, 1), 80, PG_IP(127, 116, 0, 254),
	       50000, 99, 0x12, "", 0);
	pg_tcp(&t[4], mac, PG_IP(127, 116, 0, 1), 80, PG_IP(127, 116, 0, 254),
	       50000, 100 + 10, 0x18, hdr + 10, strlen(hdr) - 10);
	pg_tcp(&t[5], mac, PG_IP(127, 116, 0, 1), 80, PG_IP(127, 116, 0, 254),
	       50000, 100, 0x18, hdr, 10);
	memset(pl, 0x42, sizeof(pl));
	pg_tcp(&t[6], mac, PG_IP(127, 116, 0, 1), 8000, PG_IP(127, 116, 0, 254),
	       50001, 5, 0x18, pl, sizeof(pl));
	for (uint64_t i = 0; i < total; i++) {
		uint32_t h = (uint32_t)(i % 100000), k = (uint32_t)(i / 100000);
		uint32_t ip = PG_IP(127, 116, 0, 0) + h;
		struct pg_frame *f;
		struct pg_frame nd;

		if (k % 8 == 7) {
			v6[12] = (uint8_t)(h >> 24);
			v6[13] = (uint8_t)(h >> 16);
			v6[14] = (uint8_t)(h >> 8);
			v6[15] = (uint8_t)h;
			mac[3] = (uint8_t)(h >> 16);
			mac[4] = (uint8_t)(h >> 8);
			mac[5] = (uint8_t)h;
			pg_na(&nd, mac, v6, 0);
			f = &nd;
		} else {
			f = &t[k % 7];
			f->b[9] = (uint8_t)(h >> 16);
			f->b[10] = (uint8_t)(h >> 8);
			f->b[11] = (uint8_t)h;
			if (k % 7 == 0) {
				f->b[22 + 5] = (uint8_t)(h >> 16);
				f->b[22 + 6] = (uint8_t)(h >> 8);
				f->b[22 + 7] = (uint8_t)h;
				f->b[28] = (uint8_t)(ip >> 24);
				f->b[29] = (uint8_t)(ip >> 16);
				f->b[30] = (uint8_t)(ip >> 8);
				f->b[31] = (uint8_t)ip;
			} else {
				f->b[26] = (uint8_t)(ip >> 24);
				f->b[27] = (uint8_t)(ip >> 16);
				f->b[28] = (uint8_t)(ip >> 8);
				f->b[29] = (uint8_t)ip;
			}
		}
		(void)cs_passive_packet(p, 1700000000 + (int64_t)(i / 20000),
					f->b, f->n, f->n);
		if (i == 1000000)
			at1m = maxrss_kb();
	}
	end = maxrss_kb();
	cs_passive_get_stats(p, &st);
	print_message("# memory: %llu packets, %llu devices created, peak %zu "
		      "held; %llu streams reassembled; max RSS %ld KiB at 1M, "
		      "%ld KiB at the end\n",
		      (unsigned long long)st.packets,
		      (unsigned long long)st.devices, st.devices_peak,
		      (unsigned long long)st.tcp_streams, at1m, end);
	assert_true(st.devices_peak <= 4096);
	if (total > 1000000) {
		assert_true(st.devices >= 100000);
		assert_true(st.tcp_streams > 0);
		assert_true(end - at1m < 8 * 1024);
	}
	cs_passive_finish(p);
	cs_passive_free(p);
	cs_ph_free(&ph);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_links),
	    cmocka_unit_test(test_ndp),
	    cmocka_unit_test(test_dhcp6),
	    cmocka_unit_test(test_reassembly),
	    cmocka_unit_test(test_reassembly_keyed),
	    cmocka_unit_test(test_v6_phonehome),
	    cmocka_unit_test(test_v6_resolved),
	    cmocka_unit_test(test_v6_tcp),
	    cmocka_unit_test(test_mac_only),
	    cmocka_unit_test(test_vendor_streams),
	    cmocka_unit_test(test_identity),
	    cmocka_unit_test(test_memory_flat),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
