/* SPDX-License-Identifier: ISC */
/*
 * Packet decoders for `camsweep listen`: link layers (Ethernet II with up
 * to two 802.1Q/802.1ad tags, Linux cooked v1 and v2, raw IP), mirror
 * encapsulations (ERSPAN I/II/III and transparent Ethernet over GRE,
 * VXLAN), ARP, IPv4, IPv6 (extension headers), UDP, TCP and ICMPv6;
 * neighbour discovery; DHCP and DHCPv6; DNS question names; TLS
 * ClientHello SNI and the first certificate of a TLS 1.2 Certificate
 * message.  Every decoder is pure (no I/O, no
 * globals), reads through core/rd.h, never assumes NUL termination and
 * returns spans that borrow the caller's packet bytes.  Each one is
 * fuzzed (fuzz/fuzz_pkt.c, fuzz_link.c, fuzz_ndp.c, fuzz_dhcp.c,
 * fuzz_dhcp6.c, fuzz_dnsq.c, fuzz_tls.c).
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
	CS_PKT_IPV4, /* IP (v4 or v6), other protocol or a later fragment */
	CS_PKT_UDP,
	CS_PKT_TCP,
	CS_PKT_ICMP6,
};

/* Link types of cs_pkt_decode_link (pcap LINKTYPE_ values). */
enum cs_link {
	CS_LINK_ETHER = 1,
	CS_LINK_RAW = 101, /* raw IPv4 or IPv6 */
	CS_LINK_SLL = 113, /* Linux cooked v1 */
	CS_LINK_IPV4 = 228,
	CS_LINK_IPV6 = 229,
	CS_LINK_SLL2 = 276, /* Linux cooked v2 */
};

#define CS_PKT_DECAP_MAX 2 /* nested mirror encapsulations followed */

/* A decoded frame.  Spans borrow the frame passed to cs_pkt_decode. */
struct cs_pkt {
	enum cs_pkt_kind kind;
	uint8_t src_mac[6], dst_mac[6];
	bool has_mac;  /* src_mac is known (not raw IP, cooked dst unknown) */
	uint16_t vlan; /* outer VLAN id, 0 if untagged */
	uint8_t decap; /* mirror encapsulations removed (ERSPAN, VXLAN) */
	/* ARP (Ethernet/IPv4 only) */
	uint16_t arp_op;
	uint8_t arp_sha[6];
	uint32_t arp_spa, arp_tpa; /* host order */
	/* IP: ipver 4 (src_ip/dst_ip, host order) or 6 (src6/dst6) */
	uint8_t ipver;
	uint32_t src_ip, dst_ip;
	uint8_t src6[16], dst6[16];
	uint8_t ttl;     /* IPv4 TTL or IPv6 hop limit */
	uint8_t proto;   /* upper-layer protocol (after IPv6 extensions) */
	uint16_t ip_len; /* IP length from the header (v6: 40 + payload) */
	/* UDP/TCP */
	uint16_t sport, dport;
	uint8_t tcp_flags;
	uint32_t seq; /* TCP sequence number */
	/* ICMPv6: type and code; payload is the message after them and the
	 * checksum */
	uint8_t icmp6_type, icmp6_code;
	struct cs_span payload; /* L4 payload as captured (may be cut) */
};

#define CS_TCP_FIN 0x01
#define CS_TCP_SYN 0x02
#define CS_TCP_RST 0x04
#define CS_TCP_ACK 0x10

#define CS_TCP_PSH 0x08

/*
 * Decodes an Ethernet frame of n captured bytes at p into *out.  Returns
 * 0 (out->kind tells how far it got), CS_ETRUNC if the frame ends inside
 * a header it announces, or CS_EPROTO for an impossible header (IPv4 IHL
 * below 5, TCP data offset below 5, ARP lengths that are not 6/4, more
 * than 8 IPv6 extension headers).  GRE carrying ERSPAN or Ethernet and
 * UDP to port 4789 (VXLAN) are opened and the inner frame decoded in
 * their place (at most CS_PKT_DECAP_MAX deep).
 */
int cs_pkt_decode(const uint8_t *p, size_t n, struct cs_pkt *out);

/* As cs_pkt_decode for a frame of link type link (enum cs_link);
 * CS_EINVAL for a link type not listed. */
int cs_pkt_decode_link(int link, const uint8_t *p, size_t n,
		       struct cs_pkt *out);

/* True if the link type is one cs_pkt_decode_link reads. */
bool cs_pkt_link_ok(int link);

/* What a neighbour discovery message (RFC 4861) tells. */
struct cs_ndp {
	uint8_t type;       /* 133 RS, 134 RA, 135 NS, 136 NA */
	uint8_t target[16]; /* NS/NA target address */
	bool has_target;
	bool router;       /* RA, or NA with the R flag */
	uint8_t lladdr[6]; /* source (RS/RA/NS) or target (NA) link-layer
			      address option */
	bool has_lladdr;
};

/*
 * Parses an ICMPv6 neighbour discovery message: type, and the body after
 * the type, code and checksum (p, n bytes).  Returns 0, CS_ENOTFOUND for
 * an ICMPv6 type that is not neighbour discovery, CS_ETRUNC or CS_EPROTO
 * (an option of length 0).
 */
int cs_ndp_parse(uint8_t type, const uint8_t *p, size_t n, struct cs_ndp *out);

#define CS_DHCP_PRL_MAX 64 /* parameter request list bytes kept */

/* A DHCP (BOOTP) message's fields that identify its client. */
struct cs_dhcp {
	uint8_t op;        /* 1 request, 2 reply */
	uint8_t msg_type;  /* option 53, 0 if absent */
	uint8_t chaddr[6]; /* client hardware address (htype 1 only) */
	bool has_chaddr;
	uint32_t ciaddr;              /* host order */
	uint32_t yiaddr;              /* host order: the address given */
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

#define CS_DHCP6_ORO_MAX 32

/* A DHCPv6 message's fields that identify its client (RFC 8415). */
struct cs_dhcp6 {
	uint8_t msg_type; /* 1 Solicit ... 7 Reply, 11 Information-request */
	uint8_t mac[6];   /* from a DUID-LLT or DUID-LL (Ethernet) */
	bool has_mac;
	uint8_t addr[16]; /* first IAADDR inside IA_NA */
	bool has_addr;
	uint32_t enterprise;            /* option 16 vendor class enterprise */
	struct cs_span vendor_class;    /* its first vendor-class-data string */
	char fqdn[256];                 /* option 39, dotted, "" if none */
	uint16_t oro[CS_DHCP6_ORO_MAX]; /* option 6 */
	size_t noro;
};

/*
 * Parses a DHCPv6 client/server message (UDP payload, n bytes); relay
 * messages (12, 13) give CS_ENOTFOUND.  Returns 0, CS_ETRUNC (an option
 * running past the end) or CS_EPROTO.
 */
int cs_dhcp6_parse(const uint8_t *p, size_t n, struct cs_dhcp6 *out);

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
