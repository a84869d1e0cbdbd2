/* SPDX-License-Identifier: ISC */
/*
 * Test packet builder for tests/passive and bench/bench_listen.sh: real
 * Ethernet/IPv4/UDP/TCP header layouts (checksums left zero), ARP, DHCP,
 * DNS and TLS messages, and the scenario capture the tests check.
 */
#ifndef CS_TESTS_PKTGEN_H
#define CS_TESTS_PKTGEN_H

#include <pcap/pcap.h>
#include <stddef.h>
#include <stdint.h>

#define PG_MAX 4096

struct pg_frame {
	uint8_t b[PG_MAX];
	size_t n;
};

/* Host-order IPv4 from four octets. */
#define PG_IP(a, b, c, d)                                                      \
	((uint32_t)(a) << 24 | (uint32_t)(b) << 16 | (uint32_t)(c) << 8 |      \
	 (uint32_t)(d))

/* Builds Ethernet + IPv4 + UDP (proto 17) or TCP (6) around payload. */
void pg_l4(struct pg_frame *f, const uint8_t smac[6], uint8_t proto,
	   uint32_t src, uint16_t sport, uint32_t dst, uint16_t dport,
	   const void *payload, size_t n);
/* An ARP reply from sha/spa. */
void pg_arp(struct pg_frame *f, const uint8_t sha[6], uint32_t spa,
	    uint32_t tpa);
/* DHCP REQUEST payload (option 50 requested, 60 vendor, 12 host, 55). */
size_t pg_dhcp(uint8_t *out, size_t cap, const uint8_t mac[6],
	       uint32_t requested, const char *vendor, const char *host);
/* DNS query (response != 0: with one A answer addr) for name. */
size_t pg_dns(uint8_t *out, size_t cap, const char *name, int response,
	      uint32_t addr);
/* TLS ClientHello record with server_name sni. */
size_t pg_client_hello(uint8_t *out, size_t cap, const char *sni);
/* TLS ServerHello + Certificate (one DER cert) in one record. */
size_t pg_server_cert(uint8_t *out, size_t cap, const uint8_t *der,
		      size_t dern);

/* Writes one frame to d with time ts (seconds). */
void pg_dump(pcap_dumper_t *d, int64_t ts, const struct pg_frame *f);

/*
 * Writes the scenario capture to path (see tests/passive/README in
 * docs/listen.md): a Hikvision camera 127.114.1.10, a Dahua camera
 * 127.114.1.20, a TLS device 127.114.1.30 (certificate read from
 * der_path, may be NULL) and a bystander 127.114.1.40.  Returns 0 or -1.
 */
int pg_scenario(const char *path, const char *der_path);

#endif /* CS_TESTS_PKTGEN_H */
