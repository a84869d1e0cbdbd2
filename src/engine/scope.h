/* SPDX-License-Identifier: ISC */
/*
 * The scan scope: an allow-list of IPv4 ranges minus exclusions, and of
 * IPv6 ranges (cs_scope_add6: checked, never walked, since the sweep and
 * the probes take IPv4 addresses only).  IPv4 targets
 * are written as CIDRs ("127.16.0.0/20"), ranges ("127.0.0.10-127.0.0.20"),
 * nmap's octet ranges ("127.77.0-1.1-254", "127.0.0.10-20", "10.1.*.1",
 * "127.0.0.1,3,5-7"), single addresses, or "@file" (one spec per line,
 * '#' comments).  The scope is normalised into sorted, disjoint intervals,
 * so membership is a binary search and the n-th address is found in
 * O(log n).
 *
 * One check, no exceptions: every connection and every datagram, from
 * every command, whatever the source of the address (a target, a reply
 * naming another address, a stored row), passes cs_scope_check() first.
 * The built-in exclusions (0.0.0.0/8, 224.0.0.0/4, 240.0.0.0/4 and the
 * limited broadcast address) are compiled in: cs_scope_build() always
 * subtracts them, and data/scope/exclude.conf or --exclude can only add
 * to them.
 */
#ifndef CS_ENGINE_SCOPE_H
#define CS_ENGINE_SCOPE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define CS_SCOPE_MAX_PORTS 1024
#define CS_SCOPE_LINE_MAX 1024 /* bytes of one @file line, newline included */

struct cs_interval {
	uint32_t lo, hi; /* inclusive, host byte order */
};

/* An IPv6 range, inclusive, network byte order (as inet_pton writes). */
struct cs_interval6 {
	uint8_t lo[16], hi[16];
};

struct cs_scope {
	struct cs_interval *inc; /* owned; sorted, disjoint, after exclusion */
	size_t ninc;
	uint64_t *cum;   /* owned; cum[i] = addresses in inc[0..i) */
	uint64_t total;  /* addresses in scope */
	char *text;      /* owned canonical text of the inclusions */
	char *excl_text; /* owned canonical text of the exclusions */
	/*
	 * Network and broadcast addresses of the subnets given as CIDRs (and
	 * of the discovery interface): never the destination of a unicast
	 * follow-up.  Owned, unsorted.
	 */
	uint32_t *edges;
	size_t nedges;
	/* The TCP ports the scan was told to probe (cs_scope_set_ports);
	 * learned URLs may name only these. */
	uint16_t ports[CS_SCOPE_MAX_PORTS];
	size_t nports;
	/*
	 * IPv6 inclusions (cs_scope_add6): checked by cs_scope_check6 but not
	 * counted in total nor walked by cs_scope_nth, since the sweep and
	 * the probes take IPv4 addresses only.  Owned.
	 */
	struct cs_interval6 *inc6;
	size_t ninc6;
};

/* What a destination is for; see cs_scope_check(). */
enum cs_dest {
	CS_DEST_CONNECT, /* a TCP connect that sends nothing (sweep, reach) */
	CS_DEST_PROBE,   /* a probe's request to a target's open port */
	CS_DEST_UNICAST, /* a unicast datagram prompted by a reply */
	CS_DEST_LEARNED, /* a URL a device named (UPnP LOCATION, XAddrs) */
};

/* Why cs_scope_check() refused a destination (0: allowed). */
enum cs_scope_verdict {
	CS_SCOPE_OK = 0,
	CS_SCOPE_OUTSIDE, /* not in the scope (or excluded, or built-in) */
	CS_SCOPE_EDGE,    /* a network or broadcast address */
	CS_SCOPE_PORT,    /* a port the scan was not told to probe */
	CS_SCOPE_PRINT,   /* a raw print port: connect only, never data */
};

/* Initialises an empty scope. */
void cs_scope_init(struct cs_scope *s);
void cs_scope_free(struct cs_scope *s);

/*
 * Parses one target spec (see above) into intervals appended to *v (a
 * growable array of *n entries).  "@file" specs are read here; a line
 * longer than CS_SCOPE_LINE_MAX bytes is an error ("file:line: ..."),
 * never split.  Returns 0 or CS_EINVAL with a message in err.
 */
int cs_scope_parse_spec(const char *spec, struct cs_interval **v, size_t *n,
			char *err, size_t errsz);

/*
 * Parses an IPv6 target: an address ("::1", "2001:db8::5") or a CIDR
 * ("2001:db8::/64", length 0-128, no host bits set) and appends its range
 * to *v (a growable array of *n entries).  Returns 0, CS_ENOTFOUND when
 * spec has no ':' (not IPv6: try cs_scope_parse_spec), or CS_EINVAL with
 * a message in err.
 */
int cs_scope_parse_spec6(const char *spec, struct cs_interval6 **v, size_t *n,
			 char *err, size_t errsz);

/*
 * Adds IPv6 inclusions (borrowed) to a built scope (cs_scope_build frees
 * them, so call it after).  Returns the number of ranges kept: those
 * that lie wholly inside the built-in IPv6 exclusions (the unspecified
 * address ::, multicast ff00::/8) are dropped.
 */
size_t cs_scope_add6(struct cs_scope *s, const struct cs_interval6 *v,
		     size_t n);

/*
 * cs_scope_check for an IPv6 destination (16 bytes, network order): in
 * an IPv6 inclusion and not in the built-in IPv6 exclusions, then the
 * same port rules (print ports, learned URLs only to s->ports).  IPv6
 * has no broadcast, so no edges.
 */
enum cs_scope_verdict cs_scope_check6(const struct cs_scope *s,
				      const uint8_t ip[16], uint16_t port,
				      enum cs_dest kind);

/*
 * Builds the scope from inclusion and exclusion intervals (both borrowed):
 * sorts, merges, subtracts and indexes them.  Returns 0 or CS_EINVAL
 * when nothing remains.
 */
int cs_scope_build(struct cs_scope *s, const struct cs_interval *inc,
		   size_t ninc, const struct cs_interval *exc, size_t nexc);

/* True if ip (host order) lies inside the scope. */
bool cs_scope_contains(const struct cs_scope *s, uint32_t ip);

/* Sets the ports the scan was told to probe (at most CS_SCOPE_MAX_PORTS). */
void cs_scope_set_ports(struct cs_scope *s, const uint16_t *ports, size_t n);

/*
 * Records the network and broadcast addresses of the subnet addr/mask
 * (host order; ignored for /31 and /32) as edges.
 */
void cs_scope_add_subnet(struct cs_scope *s, uint32_t addr, uint32_t mask);

/*
 * The one check before any packet leaves: ip (host order) must lie in
 * the scope; a unicast follow-up or a learned URL must not go to an edge
 * (network or broadcast address); a learned URL only to a port in
 * s->ports; nothing but a bare connect ever goes to a raw print port.
 * Returns CS_SCOPE_OK or the reason for refusing.
 */
enum cs_scope_verdict cs_scope_check(const struct cs_scope *s, uint32_t ip,
				     uint16_t port, enum cs_dest kind);

/* A short phrase for a verdict ("outside the scope", ...). */
const char *cs_scope_verdict_str(enum cs_scope_verdict v);

/*
 * True for the raw print ports (515 LPD, 9100-9103 JetDirect): camsweep
 * may connect to them in a sweep but never sends them a byte.
 */
bool cs_port_is_print(uint16_t port);

/* The compiled-in exclusions (count in *n). */
const struct cs_interval *cs_scope_builtin_excl(size_t *n);

/* Returns the idx-th address (0 <= idx < total) in ascending order. */
uint32_t cs_scope_nth(const struct cs_scope *s, uint64_t idx);

/*
 * A deterministic permutation of [0, total): cs_perm_at(p, i) for i in
 * [0, total) visits every index once, spreading consecutive probes over
 * the scope as ZMap does, so no subnet sees a burst.
 */
struct cs_perm {
	uint64_t n, mult, add;
};
void cs_perm_init(struct cs_perm *p, uint64_t n);
uint64_t cs_perm_at(const struct cs_perm *p, uint64_t i);

/* Formats ip (host order) as a dotted quad into buf (>= 16 bytes). */
char *cs_ip_str(uint32_t ip, char *buf, size_t sz);

#endif /* CS_ENGINE_SCOPE_H */
