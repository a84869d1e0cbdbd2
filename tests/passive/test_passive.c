/* SPDX-License-Identifier: ISC */
/*
 * Passive listening: the packet decoders (whole and cut at every
 * length), the phone-home list, a scenario capture written with libpcap
 * and read back through cs_capture_run, and bounded memory on a long
 * capture.
 */
#include <malloc.h>
#include <arpa/inet.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "fp/fp.h"
#include "passive/capture.h"
#include "passive/passive.h"
#include "passive/phonehome.h"
#include "passive/pkt.h"
#include "pktgen.h"
#include "core/poison.h"

static const uint8_t mac1[6] = {0x58, 0x50, 0xed, 0, 0, 1};

static const char *
srcdir(void)
{
	const char *s = getenv("CS_SRCDIR");

	return s ? s : CS_SRCDIR;
}

static void
test_pkt_udp_tcp_arp(void **state)
{
	struct pg_frame f;
	struct cs_pkt k;
	uint8_t pl[64];

	(void)state;
	memset(pl, 'x', sizeof(pl));
	pg_l4(&f, mac1, 17, PG_IP(10, 0, 0, 5), 1234, PG_IP(10, 0, 0, 1), 53,
	      pl, 40);
	assert_int_equal(cs_pkt_decode(f.b, f.n, &k), 0);
	assert_int_equal(k.kind, CS_PKT_UDP);
	assert_int_equal(k.src_ip, PG_IP(10, 0, 0, 5));
	assert_int_equal(k.sport, 1234);
	assert_int_equal(k.dport, 53);
	assert_int_equal(k.payload.n, 40);
	assert_memory_equal(k.src_mac, mac1, 6);
	/* Every cut of the frame decodes without reading past it. */
	for (size_t n = 0; n < f.n; n++) {
		uint8_t *c = malloc(n ? n : 1);

		memcpy(c, f.b, n);
		int rc = cs_pkt_decode(c, n, &k);
		assert_true(rc == 0 || rc == CS_ETRUNC);
		if (rc == 0 && k.kind == CS_PKT_UDP)
			assert_true(k.payload.p + k.payload.n <= c + n);
		free(c);
	}
	pg_l4(&f, mac1, 6, PG_IP(10, 0, 0, 5), 80, PG_IP(10, 0, 0, 1), 5000, pl,
	      10);
	assert_int_equal(cs_pkt_decode(f.b, f.n, &k), 0);
	assert_int_equal(k.kind, CS_PKT_TCP);
	assert_int_equal(k.payload.n, 10);
	/* 802.1Q tag in front of IPv4. */
	{
		uint8_t v[PG_MAX];

		memcpy(v, f.b, 12);
		v[12] = 0x81;
		v[13] = 0x00;
		v[14] = 0x00;
		v[15] = 0x2A;
		memcpy(v + 16, f.b + 12, f.n - 12);
		assert_int_equal(cs_pkt_decode(v, f.n + 4, &k), 0);
		assert_int_equal(k.kind, CS_PKT_TCP);
		assert_int_equal(k.vlan, 42);
	}
	/* Bad IHL and bad TCP offset. */
	f.b[14] = 0x44;
	assert_int_equal(cs_pkt_decode(f.b, f.n, &k), CS_EPROTO);
	f.b[14] = 0x45;
	f.b[14 + 20 + 12] = 0x40;
	assert_int_equal(cs_pkt_decode(f.b, f.n, &k), CS_EPROTO);
	pg_arp(&f, mac1, PG_IP(10, 0, 0, 5), PG_IP(10, 0, 0, 1));
	assert_int_equal(cs_pkt_decode(f.b, f.n, &k), 0);
	assert_int_equal(k.kind, CS_PKT_ARP);
	assert_int_equal(k.arp_spa, PG_IP(10, 0, 0, 5));
	assert_memory_equal(k.arp_sha, mac1, 6);
	for (size_t n = 0; n < f.n; n++)
		assert_true(cs_pkt_decode(f.b, n, &k) == CS_ETRUNC ||
			    k.kind == CS_PKT_OTHER);
}

static void
test_dhcp(void **state)
{
	uint8_t pl[PG_MAX];
	struct cs_dhcp m;
	size_t n = pg_dhcp(pl, sizeof(pl), mac1, PG_IP(10, 0, 0, 9),
			   "DahuaTech", "cam-1");

	(void)state;
	assert_int_equal(cs_dhcp_parse(pl, n, &m), 0);
	assert_int_equal(m.op, 1);
	assert_int_equal(m.msg_type, 3);
	assert_int_equal(m.requested, PG_IP(10, 0, 0, 9));
	assert_true(m.has_chaddr);
	assert_memory_equal(m.chaddr, mac1, 6);
	assert_int_equal(m.vendor_class.n, 9);
	assert_memory_equal(m.vendor_class.p, "DahuaTech", 9);
	assert_int_equal(m.hostname.n, 5);
	assert_int_equal(m.nprl, 7);
	for (size_t k = 0; k < n - 1; k++) {
		int rc = cs_dhcp_parse(pl, k, &m);

		/* Cut inside an option: truncated; right after one: fine. */
		assert_true(rc == 0 || rc == CS_ETRUNC);
		if (k < 240)
			assert_int_equal(rc, CS_ETRUNC);
	}
	pl[236] = 0;
	assert_int_equal(cs_dhcp_parse(pl, n, &m), CS_EPROTO);
}

static void
test_dns(void **state)
{
	uint8_t pl[PG_MAX];
	struct cs_dns_q q;
	size_t n = pg_dns(pl, sizeof(pl), "LiteDev.Hik-Connect.com", 0, 0);

	(void)state;
	assert_int_equal(cs_dns_questions(pl, n, &q), 0);
	assert_false(q.response);
	assert_int_equal(q.nname, 1);
	assert_string_equal(q.name[0], "litedev.hik-connect.com");
	for (size_t k = 0; k < n; k++)
		assert_int_equal(cs_dns_questions(pl, k, &q), CS_ETRUNC);
	/* A pointer to itself, and a forward pointer, are refused. */
	{
		uint8_t loop[] = {0, 1, 1, 0,    0,  1, 0, 0, 0,
				  0, 0, 0, 0xC0, 12, 0, 1, 0, 1};
		uint8_t fwd[] = {0, 1, 1, 0,    0,  1, 0, 0, 0,
				 0, 0, 0, 0xC0, 16, 0, 1, 0, 1};

		assert_int_equal(cs_dns_questions(loop, sizeof(loop), &q),
				 CS_EPROTO);
		assert_int_equal(cs_dns_questions(fwd, sizeof(fwd), &q),
				 CS_EPROTO);
	}
	n = pg_dns(pl, sizeof(pl), "a.example", 1, PG_IP(1, 2, 3, 4));
	assert_int_equal(cs_dns_questions(pl, n, &q), 0);
	assert_true(q.response);
}

static void
test_tls(void **state)
{
	uint8_t pl[PG_MAX];
	struct cs_tls t;
	static const uint8_t der[] = {0x30, 0x03, 0x02, 0x01, 0x07};
	size_t n = pg_client_hello(pl, sizeof(pl), "Dev.EZVIZlife.com");

	(void)state;
	assert_int_equal(cs_tls_scan(pl, n, &t), 0);
	assert_true(t.client_hello);
	assert_string_equal(t.sni, "dev.ezvizlife.com");
	for (size_t k = 0; k < n; k++) {
		int rc = cs_tls_scan(pl, k, &t);

		assert_true(rc == 0 || rc == CS_ETRUNC);
	}
	n = pg_server_cert(pl, sizeof(pl), der, sizeof(der));
	assert_int_equal(cs_tls_scan(pl, n, &t), 0);
	assert_true(t.server_hello);
	assert_int_equal(t.cert.n, sizeof(der));
	assert_memory_equal(t.cert.p, der, sizeof(der));
	assert_int_equal(cs_tls_scan(pl, n - 1, &t), 0);
	assert_int_equal(t.cert.n, 0);
	assert_true(t.cert_cut);
	assert_int_equal(cs_tls_scan((const uint8_t *)"GET / HTTP/1.1", 14, &t),
			 CS_EPROTO);
}

static void
test_phonehome(void **state)
{
	struct cs_ph ph = {0};
	char dir[4096], err[512];
	const struct cs_ph_rule *r;
	static const char bad[] = "domain\tx.com\tMaker\n";
	static const uint8_t pppp[] = {0xF1, 0x00, 0x00, 0x00};

	(void)state;
	snprintf(dir, sizeof(dir), "%s/data/phonehome", srcdir());
	assert_int_equal(cs_ph_load(&ph, dir, err, sizeof(err)), 0);
	assert_true(ph.n > 40);
	r = cs_ph_match_name(&ph, "litedev.hik-connect.com");
	assert_non_null(r);
	assert_string_equal(r->maker, "Hikvision");
	assert_string_equal(r->country, "CN");
	assert_null(cs_ph_match_name(&ph, "nothik-connect.com"));
	assert_non_null(cs_ph_match_name(&ph, "hik-connect.com"));
	r = cs_ph_match_name(&ph, "p2p.reolink.com.cn");
	assert_non_null(r);
	assert_string_equal(r->value, "reolink.com.cn");
	/* Bare ports match public destinations only; prefixes anywhere. */
	assert_null(cs_ph_match_flow(&ph, PG_IP(192, 168, 1, 1), 17, 9999,
				     CS_SPAN_NULL));
	assert_non_null(
	    cs_ph_match_flow(&ph, PG_IP(8, 8, 4, 4), 17, 9999, CS_SPAN_NULL));
	r = cs_ph_match_flow(&ph, PG_IP(10, 0, 0, 1), 17, 32100,
			     cs_span_make(pppp, sizeof(pppp)));
	assert_non_null(r);
	assert_int_equal(r->conf, CS_PH_HIGH);
	assert_non_null(
	    cs_ph_match_flow(&ph, PG_IP(52, 5, 124, 127), 6, 1, CS_SPAN_NULL));
	assert_int_equal(cs_ph_add_mem(&ph, "bad", (const uint8_t *)bad,
				       strlen(bad), err, sizeof(err)),
			 CS_EINVAL);
	assert_non_null(strstr(err, "bad:1:"));
	cs_ph_free(&ph);
}

/* IPv6 ranges and bare ports against IPv6 destinations (table-driven). */
static void
test_phonehome6(void **state)
{
	static const char list[] =
	    "cidr\t2001:db8:42::/48\tA\tCN\tcloud\thigh\tt\n"
	    "cidr\t2001:db8:43:8000::/49\tB\tCN\tcloud\thigh\tt\n"
	    "cidr\t10.9.0.0/16\tC\tCN\tcloud\thigh\tt\n"
	    "udp\t9999\tD\tCN\tp2p\tmedium\tt\n"
	    "udp\t32100:f100\tE\tCN\tp2p\thigh\tt\n";
	static const struct {
		const char *dst;
		uint8_t proto;
		uint16_t dport;
		const char *maker; /* NULL: no match */
	} t[] = {
	    {"2001:db8:42::7", 6, 443, "A"},
	    {"2001:db8:42:ffff:ffff:ffff:ffff:ffff", 17, 1, "A"},
	    {"2001:db8:43::1", 6, 443, NULL}, /* below the /49 */
	    {"2001:db8:43:8000::1", 6, 443, "B"},
	    {"2001:db8:43:ffff::1", 6, 443, "B"},
	    {"::ffff:10.9.1.1", 6, 443, "C"}, /* IPv4-mapped */
	    {"2600::1", 17, 9999, "D"},       /* bare port, public */
	    {"fd00::1", 17, 9999, NULL},      /* unique local */
	    {"fe80::1", 17, 9999, NULL},      /* link-local */
	    {"ff02::fb", 17, 9999, NULL},     /* multicast */
	    {"::1", 17, 9999, NULL},          /* loopback */
	    {"::ffff:192.168.1.1", 17, 9999, NULL},
	    {"2600::1", 6, 9999, NULL},   /* wrong protocol */
	    {"fd00::1", 17, 32100, "E"},  /* prefix rules match anywhere */
	    {"ff02::1", 17, 32100, NULL}, /* but not multicast */
	};
	static const uint8_t pppp[] = {0xF1, 0x00, 0x00, 0x00};
	struct cs_ph ph = {0};
	char err[256];

	(void)state;
	assert_int_equal(cs_ph_add_mem(&ph, "t", (const uint8_t *)list,
				       strlen(list), err, sizeof(err)),
			 0);
	for (size_t i = 0; i < CS_NELEM(t); i++) {
		uint8_t a[16];
		const struct cs_ph_rule *r;

		assert_int_equal(inet_pton(AF_INET6, t[i].dst, a), 1);
		r = cs_ph_match_flow6(&ph, a, t[i].proto, t[i].dport,
				      cs_span_make(pppp, sizeof(pppp)));
		if (t[i].maker == NULL) {
			if (r != NULL)
				fail_msg("%s matched %s", t[i].dst, r->maker);
		} else {
			if (r == NULL)
				fail_msg("%s: no match", t[i].dst);
			assert_string_equal(r->maker, t[i].maker);
		}
	}
	/* IPv6 ranges never match IPv4 destinations, nor IPv4 ones IPv6. */
	assert_null(cs_ph_match_flow(&ph, 0x20010db8u, 6, 443, CS_SPAN_NULL));
	/* More ranges than the index lists: every row is still read. */
	{
		struct cs_ph many = {0};
		char row[96];

		for (int i = 0; i < 300; i++) {
			snprintf(row, sizeof(row),
				 "cidr\t2001:db8:%x::/48\tM%d\t-\ts\thigh\tt\n",
				 i, i);
			assert_int_equal(
			    cs_ph_add_mem(&many, "m", (const uint8_t *)row,
					  strlen(row), err, sizeof(err)),
			    0);
		}
		for (int i = 0; i < 300; i += 299) {
			uint8_t a[16] = {
			    0x20,       0x01,    0x0d, 0xb8, (uint8_t)(i >> 8),
			    (uint8_t)i, [15] = 1};
			const struct cs_ph_rule *r =
			    cs_ph_match_flow6(&many, a, 6, 443, CS_SPAN_NULL);

			assert_non_null(r);
			snprintf(row, sizeof(row), "M%d", i);
			assert_string_equal(r->maker, row);
		}
		cs_ph_free(&many);
	}
	/* Bad IPv6 ranges are refused. */
	{
		static const char *const bad[] = {
		    "cidr\t2001:db8::/129\tA\t-\ts\thigh\tt\n",
		    "cidr\t2001:db8:::/32\tA\t-\ts\thigh\tt\n",
		    "cidr\t2001:db8::\tA\t-\ts\thigh\tt\n",
		    "cidr\t2001:db8::/\tA\t-\ts\thigh\tt\n",
		    /* the prefix is 1 to 3 digits (core/addr) */
		    "cidr\t2001:db8::/0064\tA\t-\ts\thigh\tt\n",
		    "cidr\t2001:db8::/+64\tA\t-\ts\thigh\tt\n",
		};
		/* A NUL inside the address (inet_pton alone stops there). */
		static const char nul[] =
		    "cidr\t2001:db8::\0x/64\tA\t-\ts\thigh\tt\n";

		for (size_t i = 0; i < CS_NELEM(bad); i++)
			assert_int_equal(
			    cs_ph_add_mem(&ph, "bad", (const uint8_t *)bad[i],
					  strlen(bad[i]), err, sizeof(err)),
			    CS_EINVAL);
		assert_int_equal(cs_ph_add_mem(&ph, "bad", (const uint8_t *)nul,
					       sizeof(nul) - 1, err,
					       sizeof(err)),
				 CS_EINVAL);
	}
	cs_ph_free(&ph);
}

/* ---- the scenario capture ---- */

#define MAXDEV 16

struct got {
	const struct cs_fpdb *fp;
	int n;
	struct {
		uint32_t ip;
		struct cs_identity id;
		struct cs_passive_ph ph[CS_PASSIVE_PH_MAX];
		size_t nph;
		bool has_tls_subject, has_hostname, has_prl;
		char mac[18];
	} d[MAXDEV];
};

static void
collect(void *arg, const struct cs_passive_dev *d)
{
	struct got *g = arg;

	if (g->n == MAXDEV)
		return;
	g->d[g->n].ip = d->ip;
	cs_fp_identify(g->fp, &d->obs, &g->d[g->n].id);
	memcpy(g->d[g->n].ph, d->ph, sizeof(d->ph));
	g->d[g->n].nph = d->nph;
	g->d[g->n].has_tls_subject =
	    cs_obs_find(&d->obs, "tls.subject", 0) != NULL;
	g->d[g->n].has_hostname =
	    cs_obs_find(&d->obs, "dhcp.hostname", 0) != NULL;
	g->d[g->n].has_prl = cs_obs_find(&d->obs, "dhcp.prl", 0) != NULL;
	if (d->has_mac)
		cs_ident_mac_format(d->mac, g->d[g->n].mac);
	g->n++;
}

static int
find_dev(const struct got *g, uint32_t ip)
{
	for (int i = 0; i < g->n; i++)
		if (g->d[i].ip == ip)
			return i;
	return -1;
}

static const struct cs_passive_ph *
find_ph(const struct got *g, int i, const char *via)
{
	static struct cs_ph_rule none_rule;
	static struct cs_passive_ph none = {.rule = &none_rule};

	for (size_t k = 0; k < g->d[i].nph; k++)
		if (strcmp(g->d[i].ph[k].via, via) == 0)
			return &g->d[i].ph[k];
	return &none; /* fields that fail every check below */
}

static void
test_scenario(void **state)
{
	char path[] = "/tmp/cs-passive-XXXXXX", der[4096], dir[4096],
	     fpdir[4096], entdir[4096], err[512];
	struct cs_ph ph = {0};
	struct got *g = calloc(1, sizeof(*g));
	struct cs_capture_opts co = {0};
	struct cs_passive *p;
	struct cs_fpdb *fp;
	const struct cs_passive_ph *e;
	int fd = mkstemp(path), i;

	(void)state;
	assert_true(fd >= 0);
	close(fd);
	snprintf(der, sizeof(der), "%s/fuzz/corpus/x509/hikvision-dvrnvr.der",
		 srcdir());
	assert_int_equal(pg_scenario(path, der), 0);
	snprintf(dir, sizeof(dir), "%s/data/phonehome", srcdir());
	snprintf(fpdir, sizeof(fpdir), "%s/data/fingerprints", srcdir());
	snprintf(entdir, sizeof(entdir), "%s/data/entities", srcdir());
	assert_int_equal(cs_ph_load(&ph, dir, err, sizeof(err)), 0);
	fp = cs_fpdb_load(fpdir, entdir, err, sizeof(err));
	assert_non_null(fp);
	g->fp = fp;
	p = cs_passive_new(NULL, &ph, collect, g);
	co.file = path;
	assert_int_equal(cs_capture_run(p, &co, NULL, err, sizeof(err)), 0);
	cs_passive_finish(p);
	cs_passive_free(p);
	unlink(path);

	/* Hikvision camera: identity, MAC from ARP, three phone-home
	 * records: the DNS question, the flow to the resolved address
	 * (10 packets, 100+50 bytes of payload each way plus headers) and
	 * the TLS SNI flow (2 packets). */
	i = find_dev(g, PG_IP(127, 114, 1, 10));
	assert_true(i >= 0);
	assert_string_equal(g->d[i].id.manufacturer, "Hikvision");
	assert_string_equal(g->d[i].mac, "58:50:ed:00:00:01");
	e = find_ph(g, i, "dns");
	assert_string_equal(e->match, "litedev.hik-connect.com");
	assert_string_equal(e->rule->maker, "Hikvision");
	assert_int_equal(e->packets, 1);
	e = find_ph(g, i, "addr");
	assert_int_equal(e->peer, PG_IP(127, 114, 250, 7));
	assert_int_equal(e->packets, 10);
	assert_int_equal(e->bytes, 5 * (40 + 100) + 5 * (40 + 50));
	assert_int_equal(e->first, 1700000004);
	assert_int_equal(e->last, 1700000008);
	e = find_ph(g, i, "sni");
	assert_string_equal(e->match, "dev.ezvizlife.com");
	assert_string_equal(e->rule->maker, "EZVIZ");
	assert_int_equal(e->packets, 2);
	/* Dahua camera: DHCP fields, RTSP identity, the DHGET flow. */
	i = find_dev(g, PG_IP(127, 114, 1, 20));
	assert_true(i >= 0);
	assert_string_equal(g->d[i].id.manufacturer, "Dahua");
	assert_true(g->d[i].has_hostname);
	assert_true(g->d[i].has_prl);
	e = find_ph(g, i, "port");
	assert_string_equal(e->rule->maker, "Dahua");
	assert_int_equal(e->packets, 3);
	/* The TLS server's certificate became observations. */
	i = find_dev(g, PG_IP(127, 114, 1, 30));
	assert_true(i >= 0);
	assert_true(g->d[i].has_tls_subject);
	/* The bystander asked for nothing listed: not a device. */
	assert_int_equal(find_dev(g, PG_IP(127, 114, 1, 40)), -1);
	cs_fpdb_free(fp);
	cs_ph_free(&ph);
	free(g);
}

/* A certificate cut across three TCP segments is still read. */
static void
test_tls_split(void **state)
{
	char der_path[4096], fpdir[4096], entdir[4096], err[512];
	static const uint8_t mac[6] = {0x02, 0, 0, 0, 0, 9};
	uint8_t der[4096], rec[8192];
	size_t dern, recn, cut1, cut2;
	struct got *g = calloc(1, sizeof(*g));
	struct pg_frame f;
	struct cs_passive *p;
	struct cs_fpdb *fp;
	FILE *in;
	int i;

	(void)state;
	snprintf(der_path, sizeof(der_path),
		 "%s/fuzz/corpus/x509/hikvision-dvrnvr.der", srcdir());
	assert_non_null(in = fopen(der_path, "rb"));
	dern = fread(der, 1, sizeof(der), in);
	fclose(in);
	recn = pg_server_cert(rec, sizeof(rec), der, dern);
	assert_true(recn > 300);
	cut1 = recn / 3;
	cut2 = 2 * recn / 3;
	snprintf(fpdir, sizeof(fpdir), "%s/data/fingerprints", srcdir());
	snprintf(entdir, sizeof(entdir), "%s/data/entities", srcdir());
	assert_non_null(fp = cs_fpdb_load(fpdir, entdir, err, sizeof(err)));
	g->fp = fp;
	p = cs_passive_new(NULL, NULL, collect, g);
	/* In order, no SYN-ACK seen: followed from the segment that starts
	 * the handshake. */
	pg_tcp(&f, mac, PG_IP(127, 114, 1, 50), 443, PG_IP(127, 114, 0, 99),
	       50010, 7000, 0x18, rec, cut1);
	cs_passive_packet(p, 1700000000, f.b, f.n, f.n);
	/* An unrelated flow in between does not disturb it. */
	pg_l4(&f, mac, 6, PG_IP(127, 114, 1, 51), 80, PG_IP(127, 114, 0, 99),
	      50011, "x", 1);
	cs_passive_packet(p, 1700000000, f.b, f.n, f.n);
	pg_tcp(&f, mac, PG_IP(127, 114, 1, 50), 443, PG_IP(127, 114, 0, 99),
	       50010, 7000 + (uint32_t)cut1, 0x18, rec + cut1, cut2 - cut1);
	cs_passive_packet(p, 1700000001, f.b, f.n, f.n);
	pg_tcp(&f, mac, PG_IP(127, 114, 1, 50), 443, PG_IP(127, 114, 0, 99),
	       50010, 7000 + (uint32_t)cut2, 0x18, rec + cut2, recn - cut2);
	cs_passive_packet(p, 1700000001, f.b, f.n, f.n);
	cs_passive_finish(p);
	cs_passive_free(p);
	i = find_dev(g, PG_IP(127, 114, 1, 50));
	assert_true(i >= 0);
	assert_true(g->d[i].has_tls_subject);
	assert_string_equal(g->d[i].id.manufacturer, "Hikvision");
	cs_fpdb_free(fp);
	free(g);
}

/* ---- bounded memory ---- */

static void
drop(void *arg, const struct cs_passive_dev *d)
{
	(*(uint64_t *)arg)++;
	(void)d;
}

static void
test_bounded(void **state)
{
	static const char list[] =
	    "cidr\t127.114.128.0/17\tTest\tCN\tflows\thigh\ttest\n";
	struct cs_passive_opts o = {
	    .max_flows = 64, .max_devices = 64, .idle_timeout = 60};
	struct cs_passive_stats st;
	struct cs_ph ph = {0};
	struct cs_passive *p;
	struct pg_frame f;
	uint8_t pl[64];
	char err[256];
	uint64_t flushed = 0;
	size_t mid = 0;

	(void)state;
	assert_int_equal(cs_ph_add_mem(&ph, "t", (const uint8_t *)list,
				       strlen(list), err, sizeof(err)),
			 0);
	memset(pl, 0, sizeof(pl));
	p = cs_passive_new(&o, &ph, drop, &flushed);
	/* 400k packets: ARP from ever new addresses, and flows from them
	 * to a listed range with ever new ports. */
	for (uint32_t i = 0; i < 400000; i++) {
		uint32_t host = PG_IP(127, 114, 0, 0) | (i & 0x7FFF);
		uint8_t mac[6] = {
		    2, 0, 0, (uint8_t)(i >> 16), (uint8_t)(i >> 8), (uint8_t)i};

		if (i % 2)
			pg_arp(&f, mac, host, PG_IP(127, 114, 0, 1));
		else
			pg_l4(&f, mac, 17, host, (uint16_t)(1024 + i % 50000),
			      PG_IP(127, 114, 200, 1), 9, pl, sizeof(pl));
		assert_int_equal(
		    cs_passive_packet(p, 1700000000 + i / 1000, f.b, f.n, f.n),
		    0);
		if (i == 100000) {
			struct mallinfo2 mi = mallinfo2();

			mid = mi.uordblks;
		}
	}
	cs_passive_get_stats(p, &st);
	assert_true(st.devices_now <= 64);
	assert_true(st.devices_peak <= 64);
	assert_true(st.flows_peak <= 64);
	assert_true(st.devices_evicted > 0);
	assert_true(st.flows_evicted > 0);
	{
		struct mallinfo2 mi = mallinfo2();

		/* Heap in use at the end is within 256 KiB of 100k packets
		 * in: flat. */
		assert_true(mi.uordblks < mid + (256u << 10));
	}
	cs_passive_finish(p);
	cs_passive_get_stats(p, &st);
	assert_int_equal(st.devices_now, 0);
	assert_int_equal(flushed, st.devices);
	cs_passive_free(p);
	cs_ph_free(&ph);
}

/* Issue #16: vendor discovery replies seen on the wire identify their
 * senders (the layouts of discovery-protocols.md §1, §8, §13, §9); a
 * client's inquiry makes no device. */
static void
test_vdisc(void **state)
{
	static const uint8_t bosch[32] = {
	    0x99, 0x39, 0xa4, 0x27, 0, 0, 0,   1,   0x00, 0x04,
	    0x63, 0x11, 0x22, 0x33, 0, 0, 127, 114, 3,    10};
	static const uint8_t ubnt[] = {
	    1,   0, 0,  24,   0x02, 0, 10,  0x24, 0xa4, 0x3c, 1,    2, 3, 127,
	    114, 3, 11, 0x15, 0,    4, 'U', 'V',  'C',  ' ',  0x0b, 0, 1, 'x'};
	static const uint8_t foscam_inq[27] = {'M', 'O',        '_',
					       'I', [0x0f] = 4, [26] = 1};
	static const uint8_t mac[6] = {2, 0, 0, 0, 3, 1};
	char fpdir[4096], entdir[4096], err[512];
	struct got *g = calloc(1, sizeof(*g));
	struct cs_ph ph = {0};
	struct cs_passive *p;
	struct cs_fpdb *fp;
	struct pg_frame f;
	uint8_t gvcp[256];
	int i;

	(void)state;
	snprintf(fpdir, sizeof(fpdir), "%s/data/fingerprints", srcdir());
	snprintf(entdir, sizeof(entdir), "%s/data/entities", srcdir());
	fp = cs_fpdb_load(fpdir, entdir, err, sizeof(err));
	assert_non_null(fp);
	g->fp = fp;
	memset(gvcp, 0, sizeof(gvcp));
	gvcp[3] = 0x03;
	gvcp[5] = 248;
	memcpy(gvcp + 0x12, "\x00\x30\x53\x01\x02\x03", 6);
	memcpy(gvcp + 0x50, "Basler", 6);
	memcpy(gvcp + 0x70, "acA1920-25gm", 12);
	p = cs_passive_new(NULL, &ph, collect, g);
	pg_l4(&f, mac, 17, PG_IP(127, 114, 3, 10), 1757, PG_IP(127, 114, 3, 2),
	      1758, bosch, sizeof(bosch));
	assert_int_equal(cs_passive_packet(p, 1700000000, f.b, f.n, f.n), 0);
	pg_l4(&f, mac, 17, PG_IP(127, 114, 3, 11), 10001, PG_IP(127, 114, 3, 2),
	      40000, ubnt, sizeof(ubnt));
	assert_int_equal(cs_passive_packet(p, 1700000001, f.b, f.n, f.n), 0);
	pg_l4(&f, mac, 17, PG_IP(127, 114, 3, 12), 3956, PG_IP(127, 114, 3, 2),
	      40001, gvcp, sizeof(gvcp));
	assert_int_equal(cs_passive_packet(p, 1700000002, f.b, f.n, f.n), 0);
	pg_l4(&f, mac, 17, PG_IP(127, 114, 3, 13), 40002,
	      PG_IP(127, 114, 3, 255), 10000, foscam_inq, sizeof(foscam_inq));
	assert_int_equal(cs_passive_packet(p, 1700000003, f.b, f.n, f.n), 0);
	cs_passive_finish(p);
	cs_passive_free(p);
	i = find_dev(g, PG_IP(127, 114, 3, 10));
	assert_true(i >= 0);
	assert_string_equal(g->d[i].id.manufacturer, "Bosch");
	i = find_dev(g, PG_IP(127, 114, 3, 11));
	assert_true(i >= 0);
	assert_string_equal(g->d[i].id.manufacturer, "Ubiquiti");
	assert_int_equal(g->d[i].id.device_class, CS_CLASS_CAMERA);
	i = find_dev(g, PG_IP(127, 114, 3, 12));
	assert_true(i >= 0);
	assert_string_equal(g->d[i].id.manufacturer, "Basler");
	assert_string_equal(g->d[i].id.model, "acA1920-25gm");
	assert_int_equal(find_dev(g, PG_IP(127, 114, 3, 13)), -1);
	cs_fpdb_free(fp);
	free(g);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_pkt_udp_tcp_arp),
	    cmocka_unit_test(test_dhcp),
	    cmocka_unit_test(test_dns),
	    cmocka_unit_test(test_tls),
	    cmocka_unit_test(test_tls_split),
	    cmocka_unit_test(test_phonehome),
	    cmocka_unit_test(test_phonehome6),
	    cmocka_unit_test(test_scenario),
	    cmocka_unit_test(test_bounded),
	    cmocka_unit_test(test_vdisc),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
