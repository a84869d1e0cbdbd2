/* SPDX-License-Identifier: ISC */
/*
 * The phone-home endpoint list (the .tsv files of data/phonehome): cloud, P2P
 * and update endpoints per maker, as domains, address ranges and UDP/TCP
 * destination ports (optionally with a payload prefix), each with its
 * source and confidence.  Loading reads files; matching is pure.
 */
#ifndef CS_PASSIVE_PHONEHOME_H
#define CS_PASSIVE_PHONEHOME_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/cs.h"

enum cs_ph_kind { CS_PH_DOMAIN = 1, CS_PH_CIDR, CS_PH_UDP, CS_PH_TCP };

enum cs_ph_conf { CS_PH_LOW = 0, CS_PH_MEDIUM, CS_PH_HIGH };

#define CS_PH_MAGIC_MAX 8
#define CS_PH_RULES_MAX 4096

/* One row of the list.  Strings are NUL-terminated. */
struct cs_ph_rule {
	enum cs_ph_kind kind;
	char value[128];    /* the domain (lower case), or the text as given */
	uint8_t fam;        /* CIDR: 4 or 6 */
	uint32_t net, mask; /* IPv4 CIDR, host order */
	uint8_t net6[16];   /* IPv6 CIDR: the prefix (bits past plen 0) */
	uint8_t plen;       /* and its length */
	uint16_t port;      /* UDP/TCP destination port */
	uint8_t magic[CS_PH_MAGIC_MAX];
	size_t nmagic; /* payload prefix bytes; 0 = port alone */
	char maker[48];
	char country[4]; /* "" when the list gives "-" */
	char service[128];
	enum cs_ph_conf conf;
	char source[256];
};

struct cs_ph {
	struct cs_ph_rule *v; /* owned */
	size_t n, cap;
	/* Index for cs_ph_match_flow: a bit per destination port some rule
	 * names (owned; NULL if none), and the CIDR rows' indexes (if there
	 * are more than fit, cidr_over: every row is scanned). */
	uint8_t *ports;
	uint16_t cidr[256];
	size_t ncidr;
	bool cidr_over;
};

/* Returns "low", "medium" or "high". */
const char *cs_ph_conf_name(enum cs_ph_conf c);

/*
 * Parses one TSV document (p, n bytes, borrowed; name for messages) and
 * appends its rows to ph (which starts zeroed).  '#' lines and blank
 * lines are skipped.  Returns 0, or CS_EINVAL with "name:line: message"
 * in err (errsz bytes) for a bad row (ph keeps the rows before it), or
 * CS_ELIMIT past CS_PH_RULES_MAX rows.
 */
int cs_ph_add_mem(struct cs_ph *ph, const char *name, const uint8_t *p,
		  size_t n, char *err, size_t errsz);

/*
 * Loads path: a .tsv file, or a directory whose *.tsv files are read in
 * name order.  Returns 0 or a CS_E* with a message in err.
 */
int cs_ph_load(struct cs_ph *ph, const char *path, char *err, size_t errsz);

/* Frees the rules; ph is empty and reusable afterwards. */
void cs_ph_free(struct cs_ph *ph);

/*
 * Returns the rule matching the NUL-terminated name (lower case: the name
 * equals a domain rule's value or ends in "." + value; the longest value
 * wins), or NULL.
 */
const struct cs_ph_rule *cs_ph_match_name(const struct cs_ph *ph,
					  const char *name);

/*
 * Returns the rule matching a packet to dst (host order) on proto (6 or
 * 17) and dport with payload (may be empty): a CIDR containing dst, or a
 * port rule whose payload prefix matches.  Port rules without a prefix
 * only match public destinations (not private, loopback, link-local,
 * multicast or broadcast), because the bare ports are common.  NULL if
 * none.
 */
const struct cs_ph_rule *cs_ph_match_flow(const struct cs_ph *ph, uint32_t dst,
					  uint8_t proto, uint16_t dport,
					  struct cs_span payload);

/*
 * As cs_ph_match_flow for an IPv6 destination: an IPv6 CIDR containing
 * it, or a port rule (bare ports only to public destinations: not
 * unspecified, loopback, link-local, unique local or multicast).  An
 * IPv4-mapped address (::ffff:a.b.c.d) is matched as its IPv4 address.
 */
const struct cs_ph_rule *cs_ph_match_flow6(const struct cs_ph *ph,
					   const uint8_t dst[16], uint8_t proto,
					   uint16_t dport,
					   struct cs_span payload);

/* True for private, loopback, link-local, multicast and broadcast. */
bool cs_ph_addr_local(uint32_t a);

/* True for unspecified, loopback, link-local, unique local and multicast
 * IPv6 addresses, and IPv4-mapped ones cs_ph_addr_local calls local. */
bool cs_ph_addr6_local(const uint8_t a[16]);

#endif /* CS_PASSIVE_PHONEHOME_H */
