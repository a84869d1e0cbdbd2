/* SPDX-License-Identifier: ISC */
/*
 * Packet decoders for `camsweep listen`: Ethernet II (with up to two
 * 802.1Q/802.1ad tags), ARP, IPv4, UDP and TCP; DHCP requests; DNS
 * question names; TLS ClientHello SNI and the first certificate of a
 * TLS 1.2 Certificate message.  Every decoder is pure (no I/O, no
 * globals), reads through core/rd.h, never assumes NUL termination and
 * returns spans that borrow the caller's packet bytes.  Each one is
 * fuzzed (fuzz/fuzz_pkt.c, fuzz_dhcp.c, fuzz_dns.c, fuzz_tls.c).
 */
#ifndef CS_PASSIVE_PKT_H
#define CS_PASSIVE_PKT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/cs.h"

enum cs_pkt_kind {
	CS_PKT_OTHER = 0, /* not decoded further (IPv6, LLDP, ...) */
	CS_PKT_ARP,
	CS_PKT_IPV4, /* IPv4, other protocol or a later fragment */
	CS_PKT_UDP,
	CS_PKT_TCP,
};

/* A decoded frame.  Spans borrow the frame passed to cs_pkt_decode. */
struct cs_pkt {
	enum cs_pkt_kind kind;
	uint8_t src_mac[6], dst_mac[6];
	uint16_t vlan; /* outer VLAN id, 0 if untagged */
	/* ARP (Ethernet/IPv4 only) */
	uint16_t arp_op;
	uint8_t arp_sha[6];
	uint32_t arp_spa, arp_tpa; /* host order */
	/* IPv4 (host order) */
	uint32_t src_ip, dst_ip;
	uint8_t proto;
	uint16_t ip_len; /* total length from the header, capped to the frame */
	/* UDP/TCP */
	uint16_t sport, dport;
	uint8_t tcp_flags;
	struct cs_span payload; /* L4 payload as captured (may be cut) */
};

#define CS_TCP_FIN 0x01
#define CS_TCP_SYN 0x02
#define CS_TCP_RST 0x04
#define CS_TCP_ACK 0x10

/*
 * Decodes an Ethernet frame of n captured bytes at p into *out.  Returns
 * 0 (out->kind tells how far it got), CS_ETRUNC if the frame ends inside
 * a header it announces, or CS_EPROTO for an impossible header (IPv4 IHL
 * below 5, TCP data offset below 5, ARP lengths that are not 6/4).
 */
int cs_pkt_decode(const uint8_t *p, size_t n, struct cs_pkt *out);

#define CS_DHCP_PRL_MAX 64 /* parameter request list bytes kept */

/* A DHCP (BOOTP) message's fields that identify its client. */
struct cs_dhcp {
	uint8_t op;        /* 1 request, 2 reply */
	uint8_t msg_type;  /* option 53, 0 if absent */
	uint8_t chaddr[6]; /* client hardware address (htype 1 only) */
	bool has_chaddr;
	uint32_t ciaddr;              /* host order */
	uint32_t requested;           /* option 50, 0 if absent */
	struct cs_span vendor_class;  /* option 60 */
	struct cs_span hostname;      /* option 12 */
	uint8_t prl[CS_DHCP_PRL_MAX]; /* option 55 */
	size_t nprl;
};

/*
 * Parses a DHCP message (UDP payload, n bytes).  Options end at the END
 * option or the end of the data; option overload (52) is not followed.
 * Returns 0, CS_ETRUNC (shorter than the fixed part plus magic cookie,
 * or an option running past the end) or CS_EPROTO (bad cookie).
 */
int cs_dhcp_parse(const uint8_t *p, size_t n, struct cs_dhcp *out);

#define CS_DNS_QNAME_MAX 256 /* bytes of one question name as text + NUL */
#define CS_DNS_QMAX 4        /* questions decoded per message */

/* The question names of a DNS message. */
struct cs_dns_q {
	bool response; /* QR bit */
	uint16_t qdcount;
	char name[CS_DNS_QMAX][CS_DNS_QNAME_MAX]; /* lower case, no final dot */
	size_t nname;
};

/*
 * Parses the header and up to CS_DNS_QMAX question names of a DNS
 * message (p, n bytes).  Names are lower-cased ASCII; bytes that are not
 * letters, digits, '-' or '_' become '?'.  Compression pointers must
 * point backwards and at most 16 are followed per name.  Returns 0,
 * CS_ETRUNC or CS_EPROTO.
 */
int cs_dns_questions(const uint8_t *p, size_t n, struct cs_dns_q *out);

/* What a TLS segment shows. */
struct cs_tls {
	bool client_hello;
	char sni[CS_DNS_QNAME_MAX]; /* server_name, lower case; "" if none */
	bool server_hello;
	struct cs_span
	    cert;      /* first certificate (DER), whole; n == 0 if none */
	bool cert_cut; /* a certificate began but was cut off */
};

/*
 * Scans the TLS records in one TCP payload (p, n bytes) for handshake
 * messages: a ClientHello's server_name extension and a Certificate
 * message's first certificate (TLS 1.2 and earlier; TLS 1.3 encrypts
 * it).  Records or messages running past the end are not reassembled.
 * Returns 0 if at least one handshake record header was valid,
 * CS_EPROTO if p does not start with a TLS handshake record, or
 * CS_ETRUNC if it ends inside the first record header.
 */
int cs_tls_scan(const uint8_t *p, size_t n, struct cs_tls *out);

#endif /* CS_PASSIVE_PKT_H */
