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
/* Ethernet + IPv4 + TCP with a sequence number and flags. */
void pg_tcp(struct pg_frame *f, const uint8_t smac[6], uint32_t src,
	    uint16_t sport, uint32_t dst, uint16_t dport, uint32_t seq,
	    uint8_t flags, const void *payload, size_t n);
/* Ethernet + IPv6 around an upper-layer message l4 (proto). */
void pg_ip6(struct pg_frame *f, const uint8_t smac[6], uint8_t proto,
	    const uint8_t src[16], const uint8_t dst[16], const void *l4,
	    size_t n);
/* Ethernet + IPv6 + TCP with a sequence number and flags. */
void pg_tcp6(struct pg_frame *f, const uint8_t smac[6], const uint8_t src[16],
	     uint16_t sport, const uint8_t dst[16], uint16_t dport,
	     uint32_t seq, uint8_t flags, const void *payload, size_t n);
/* Ethernet + IPv6 + UDP. */
void pg_udp6(struct pg_frame *f, const uint8_t smac[6], const uint8_t src[16],
	     uint16_t sport, const uint8_t dst[16], uint16_t dport,
	     const void *payload, size_t n);
/* An unsolicited neighbour advertisement of target by smac. */
void pg_na(struct pg_frame *f, const uint8_t smac[6], const uint8_t target[16],
	   int router);
/* DHCP DISCOVER (type 1, no address), REQUEST (3, yiaddr requested) or
 * a server's ACK (5, yiaddr given to mac). */
size_t pg_dhcp_msg(uint8_t *out, size_t cap, int type, const uint8_t mac[6],
		   uint32_t yiaddr, const char *vendor, const char *host);
/* mDNS response: PTR service -> instance.service. */
size_t pg_mdns_ptr(uint8_t *out, size_t cap, const char *service,
		   const char *instance);
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
/* Writes an Ethernet frame as link type link (DLT_EN10MB, or rewritten
 * as DLT_LINUX_SLL / DLT_LINUX_SLL2 with the source MAC as address). */
void pg_dump_link(pcap_dumper_t *d, int link, int64_t ts,
		  const struct pg_frame *f);

/*
 * Writes the scenario capture to path (see tests/passive/README in
 * docs/listen.md): a Hikvision camera 127.114.1.10, a Dahua camera
 * 127.114.1.20, a TLS device 127.114.1.30 (certificate read from
 * der_path, may be NULL) and a bystander 127.114.1.40.  Returns 0 or -1.
 */
int pg_scenario(const char *path, const char *der_path);

/*
 * Writes the link-layer identity capture (issue #15) as link type link
 * (DLT_EN10MB, DLT_LINUX_SLL or DLT_LINUX_SLL2): a gateway 127.114.2.1
 * (02:aa:aa:aa:aa:01) forwarding for 20 hosts of 127.115.0.0/24; a unit
 * known only by DHCP and a DNS question for a Dahua P2P name
 * (127.114.2.20, 02:11:22:33:44:20); a unit whose HTTP header and TLS
 * certificate (from der_path, may be NULL) arrive split and reordered
 * (127.114.2.30); a host seen only by its frames (127.114.2.40); a host
 * behind a second router whose frame has TTL 63 (127.116.5.5); an
 * IPv6-only Axis camera announcing itself over mDNS
 * (fe80::11:22ff:fe33:4460); an IPv6 camera answering WS-Discovery
 * (fe80::11:22ff:fe33:4470).  Returns 0 or -1.
 */
int pg_identity(const char *path, int link, const char *der_path);

#endif /* CS_TESTS_PKTGEN_H */
