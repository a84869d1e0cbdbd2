/* SPDX-License-Identifier: ISC */
/*
 * The one parser of each address form camsweep reads from files, the
 * command line and device answers: IPv4 dotted quads, IPv4 and IPv6 CIDR
 * blocks,
 * Ethernet (MAC) addresses and TCP/UDP port lists; the one check of an
 * address literal of either family; the one MAC address writer.  The
 * parsers are pure and bounded: they read only the n bytes of their span
 * (no NUL needed), allocate nothing, and either fill every output or
 * return an error and leave the outputs unspecified; addresses come back
 * in host byte order.  cs_ip_family alone takes a NUL-terminated string
 * and answers in network order, as inet_pton does.
 */
#ifndef CS_CORE_ADDR_H
#define CS_CORE_ADDR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/cs.h"

/* cs_ipv4_parse flags. */
enum {
	/* Refuse a part with a leading zero ("010"), as inet_pton does. */
	CS_IPV4_NO_LEADING_ZERO = 1u << 0,
};

/*
 * Parses a dotted quad filling all of s: four parts of 1 to 3 decimal
 * digits, each at most 255, joined by '.'; nothing else (no sign, space,
 * or shortened form).  Returns 0 or CS_EINVAL.
 */
int cs_ipv4_parse(struct cs_span s, unsigned flags, uint32_t *out);

/*
 * The family of the NUL-terminated address literal s as inet_pton reads
 * it: 4 (a dotted quad, no leading zeros: what cs_ipv4_parse accepts
 * with CS_IPV4_NO_LEADING_ZERO), 6 (an IPv6 literal), or 0 (neither, or
 * s NULL).  out (may be NULL) gets the address in network order, 4 or 16
 * bytes.  The one "is this an address?" check of records read from other
 * tools and of the command line.
 */
int cs_ip_family(const char *s, uint8_t out[16]);

/* cs_cidr4_parse flags (cs_ipv4_parse's apply to the address too). */
enum {
	/* An address without "/len" is a /32. */
	CS_CIDR_BARE = 1u << 8,
	/* Refuse host bits set below the prefix ("10.0.0.1/8"). */
	CS_CIDR_EXACT = 1u << 9,
};

/*
 * Parses "a.b.c.d/len" (len 0 to 32, 1 or 2 digits) filling all of s.
 * *net gets the address with the host bits cleared, *plen the length.
 * Returns 0; CS_ELIMIT when the text after the first '/' is not a length
 * 0 to 32 (checked first, so a caller can name the prefix); or CS_EINVAL
 * (no '/' without CS_CIDR_BARE, not an address, host bits with
 * CS_CIDR_EXACT).
 */
int cs_cidr4_parse(struct cs_span s, unsigned flags, uint32_t *net,
		   unsigned *plen);

/*
 * Parses "IPV6/len" (len 0 to 128, 1 to 3 digits) filling all of s, the
 * IPv6 counterpart of cs_cidr4_parse with the same flags (CS_CIDR_BARE:
 * an address alone is a /128; CS_CIDR_EXACT: refuse host bits set).  The
 * address is what inet_pton(AF_INET6) reads ("::ffff:192.0.2.1" too), at
 * most CS_CIDR6_ADDR_MAX bytes, with no zone ("%eth0"), NUL or space.
 * net gets the address in network order with the host bits cleared,
 * *plen the length.  Returns 0; CS_ELIMIT when the text after the first
 * '/' is not a length 0 to 128 (checked first, so a caller can name the
 * prefix); or CS_EINVAL (no '/' without CS_CIDR_BARE, not an address,
 * host bits with CS_CIDR_EXACT).
 */
#define CS_CIDR6_ADDR_MAX 45 /* INET6_ADDRSTRLEN - 1 */
int cs_cidr6_parse(struct cs_span s, unsigned flags, uint8_t net[16],
		   unsigned *plen);

/* The netmask of a prefix length 0..32 (more counts as 32), host order. */
static inline uint32_t
cs_cidr4_mask(unsigned plen)
{
	/* A 64-bit shift: no shift by 32 of a 32-bit value for /0. */
	return (uint32_t)(0xFFFFFFFF00000000ull >> (plen > 32 ? 32 : plen));
}

/* cs_hwaddr_parse flags. */
enum {
	/*
	 * Also accept the forms device answers use: groups of one or two
	 * digits after ':' (Net-SNMP prints 3c:ef:8c:8:4e:1e) and a space
	 * as separator (an SNMP Hex-STRING, two digits a group).
	 */
	CS_HWADDR_LOOSE = 1u << 0,
	/* Only six groups of two digits joined by ':' (the kernel's form). */
	CS_HWADDR_COLON = 1u << 1,
};

/*
 * Parses an Ethernet address after trimming ASCII white space from both
 * ends of s: six groups of two hex digits joined by ':' or '-' (one kind),
 * three groups of four joined by '.' (Cisco), or twelve bare digits.
 * Returns 0 or CS_EINVAL.
 */
int cs_hwaddr_parse(struct cs_span s, unsigned flags, uint8_t mac[6]);

/* The one MAC writer: mac as "aa:bb:cc:dd:ee:ff" (lower case, the form
 * CS_HWADDR_COLON reads back), NUL-terminated, into out. */
void cs_hwaddr_format(const uint8_t mac[6], char out[18]);

/* cs_ports_parse flags. */
enum {
	/*
	 * A port named again (80,80; 79-81,80) is kept once, at its first
	 * place, as nmap does, instead of an error.
	 */
	CS_PORTS_REPEAT_OK = 1u << 0,
	/* A leading "T:" (nmap's TCP qualifier: T:80,443) is skipped. */
	CS_PORTS_TCP_PREFIX = 1u << 1,
};

/*
 * Parses a port list: items joined by ',', each a port "N" or a range
 * "N-M" (N <= M), every port 1 to 65535, no spaces and no empty item.
 * Writes the ports in the order given, ranges expanded, to out (at most
 * cap); a port named twice is an error unless CS_PORTS_REPEAT_OK.
 * Returns the count (> 0), or CS_EINVAL (syntax, zero, repeat) or
 * CS_ELIMIT (more than cap ports).
 */
int cs_ports_parse(struct cs_span s, unsigned flags, uint16_t *out, size_t cap);

#endif /* CS_CORE_ADDR_H */
