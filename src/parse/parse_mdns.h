/* SPDX-License-Identifier: ISC */
/*
 * DNS messages as multicast DNS (RFC 6762) and DNS-SD (RFC 6763) use
 * them: header, questions (skipped) and the answer, authority and
 * additional records, of which PTR, SRV, TXT, A and AAAA are decoded.
 * Names are decompressed by core/dnsname.h with loop protection: a
 * compression pointer must point strictly before the pointer itself, at
 * most CS_MDNS_HOPS_MAX pointers are followed per name, and a name may
 * not exceed 255 wire bytes.  Pure and bounded; results are copied into the
 * caller's struct (which is large: allocate it on the heap).
 */
#ifndef CS_PARSE_PARSE_MDNS_H
#define CS_PARSE_PARSE_MDNS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/cs.h"

#define CS_MDNS_MAX 9000     /* bytes of one message (RFC 6762 §17) */
#define CS_MDNS_RR_MAX 64    /* resource records kept */
#define CS_MDNS_NAME_MAX 384 /* bytes of one name as text, with NUL */
#define CS_MDNS_TXT_MAX 512  /* bytes of one TXT record as text, with NUL */
#define CS_MDNS_HOPS_MAX 32  /* compression pointers followed per name */

enum cs_dns_type {
	CS_DNS_A = 1,
	CS_DNS_PTR = 12,
	CS_DNS_TXT = 16,
	CS_DNS_AAAA = 28,
	CS_DNS_SRV = 33,
};

/*
 * One resource record.  Names are dotted text without the final dot;
 * a '.' or '\' inside a label is written "\." or "\\", and bytes below
 * 0x20, 0x7F and NUL become '?'.  Other bytes (UTF-8) are kept as is.
 */
struct cs_mdns_rr {
	char name[CS_MDNS_NAME_MAX]; /* owner name */
	uint16_t type;
	uint16_t rclass; /* class without the cache-flush bit */
	uint32_t ttl;
	/* PTR target or SRV target; "" for other types. */
	char target[CS_MDNS_NAME_MAX];
	uint16_t priority, weight, port; /* SRV only */
	/* TXT: the character strings joined by one space (control bytes
	 * become '?'); cut to fit. */
	char txt[CS_MDNS_TXT_MAX];
	uint8_t addr[16]; /* A (4 bytes) or AAAA (16 bytes) */
	size_t addrlen;
};

struct cs_mdns {
	uint16_t id, flags;
	bool response; /* QR bit */
	uint16_t qdcount, ancount, nscount, arcount;
	/* decoded records, in order; those past nrr are unspecified */
	struct cs_mdns_rr rr[CS_MDNS_RR_MAX];
	size_t nrr;
	size_t nother; /* records of other types, skipped */
};

/*
 * Parses the DNS message at p (n bytes).  Records of types other than
 * the five above are skipped (counted in nother).
 *
 * Returns 0; CS_ETRUNC if the message ends inside the header, a name or
 * a record; CS_EPROTO for a reserved label type, a compression pointer
 * that does not point backwards, too many pointers, a name longer than
 * 255 bytes, or an A/AAAA/SRV/PTR record whose data length does not
 * fit its type; CS_ELIMIT if n exceeds CS_MDNS_MAX or the message holds
 * more than CS_MDNS_RR_MAX decodable records (out then holds the first
 * CS_MDNS_RR_MAX).  Fields may be partly filled on error.
 */
int cs_mdns_parse(const uint8_t *p, size_t n, struct cs_mdns *out);

#endif /* CS_PARSE_PARSE_MDNS_H */
