/* SPDX-License-Identifier: ISC */
/*
 * The scan scope: an allow-list of IPv4 and IPv6 ranges minus exclusions.
 * IPv4 targets are written as CIDRs ("127.16.0.0/20"), ranges
 * ("127.0.0.10-127.0.0.20"), nmap's octet ranges ("127.77.0-1.1-254",
 * "127.0.0.10-20", "10.1.*.1", "127.0.0.1,3,5-7"), single addresses, or
 * "@file" (one spec per line, '#' comments); IPv6 targets as addresses
 * ("::1", "fd00:77::10") or CIDRs ("fd00:77::/120").  The scope is
 * normalised into sorted, disjoint intervals, so membership is a binary
 * search and the n-th address is found in O(log n): the IPv4 addresses
 * first, then the IPv6 ones.
 *
 * IPv6 is walked like IPv4, so its part must be small enough to
 * enumerate: more than CS_SCOPE_MAX_ADDRS6 IPv6 addresses (a /64, even a
 * /104) is refused (nmap does not sweep large IPv6 networks either).
 * Link-local addresses (fe80::/10) are never scanned: a connect to one
 * needs an interface, which a target does not name (a zone such as
 * "fe80::1%eth0" is refused by the parser, cs_scope_unscannable6 names
 * the reason for a target without one).  IPv4-mapped addresses
 * (::ffff:0:0/96) are never scanned either: a connect to one reaches
 * IPv4, past the IPv4 scope.
 *
 * One check, no exceptions: every connection and every datagram, from
 * every command, whatever the source of the address (a target, a reply
 * naming another address, a stored row), passes cs_scope_check() (or
 * cs_scope_check_addr() for either family) first.  The built-in
 * exclusions (0.0.0.0/8, 224.0.0.0/4, 240.0.0.0/4 and the limited
 * broadcast address; ::, ::ffff:0:0/96, fe80::/10 and ff00::/8) are
 * compiled in: cs_scope_build() always subtracts them, and
 * data/scope/exclude.conf or --exclude can only add to them.
 */
#ifndef CS_ENGINE_SCOPE_H
#define CS_ENGINE_SCOPE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define CS_SCOPE_MAX_PORTS 1024
#define CS_SCOPE_LINE_MAX 1024 /* bytes of one @file line, newline included */
#define CS_SCOPE_FILE_MAX ((size_t)64 << 20) /* bytes of an @file or -iL */

/* Addresses an IPv6 scope may hold: 65536, a /112. */
#define CS_SCOPE_MAX_ADDRS6 65536u

/*
 * A range of addresses, inclusive: IPv4 in lo..hi (host byte order), or,
 * when v6 is set, IPv6 in lo6..hi6 (network byte order, as inet_pton
 * writes).  A parsed spec of either family is one of these.
 */
struct cs_interval {
	uint32_t lo, hi;
	bool v6;
	uint8_t lo6[16], hi6[16];
};

/* An IPv6 range, inclusive, network byte order. */
struct cs_interval6 {
	uint8_t lo[16], hi[16];
};

/* One address of either family. */
struct cs_addr {
	bool v6;
	uint32_t v4;    /* host order, when !v6 */
	uint8_t a6[16]; /* network order, when v6 */
};

/* Room for any address's text (INET6_ADDRSTRLEN). */
#define CS_ADDR_STRLEN 46

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
	 * The IPv6 part: sorted, disjoint, after exclusion (owned), cum6[i]
	 * the addresses in inc6[0..i).  total = total4 + total6; index
	 * total4 + k is the k-th IPv6 address.
	 */
	struct cs_interval6 *inc6;
	size_t ninc6;
	uint64_t *cum6;
	uint64_t total4, total6;
	/* Built by cs_scope_build_filter: for membership only, never walked
	 * (its counts may saturate at UINT64_MAX). */
	bool filter_only;
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
 * growable array of *n entries, grown by this function only: its
 * capacity is implied by *n).  "@file" specs are read here, with
 * core/text's bounded readers: a line longer than CS_SCOPE_LINE_MAX
 * bytes is an error ("file:line: ..."), never split, and so is a file
 * over CS_SCOPE_FILE_MAX bytes.  Returns 0 or CS_EINVAL with a message
 * in err.
 */
int cs_scope_parse_spec(const char *spec, struct cs_interval **v, size_t *n,
			char *err, size_t errsz);

/*
 * Why an IPv6 target range cannot be scanned at all (it lies wholly in a
 * built-in IPv6 exclusion: link-local, IPv4-mapped, multicast, ::), or
 * NULL (an IPv4 range, or one with something left to scan).  As an
 * exclusion such a range is harmless; as a target it is refused with
 * this reason rather than left out silently.
 */
const char *cs_scope_unscannable6(const struct cs_interval *iv);

/*
 * cs_scope_check for an IPv6 destination (16 bytes, network order): in
 * the IPv6 part and not in the built-in IPv6 exclusions, then the same
 * port rules (print ports, learned URLs only to s->ports).  IPv6 has no
 * broadcast, so no edges.
 */
enum cs_scope_verdict cs_scope_check6(const struct cs_scope *s,
				      const uint8_t ip[16], uint16_t port,
				      enum cs_dest kind);

/* cs_scope_check or cs_scope_check6, by the address's family. */
enum cs_scope_verdict cs_scope_check_addr(const struct cs_scope *s,
					  const struct cs_addr *a,
					  uint16_t port, enum cs_dest kind);

/* True if a (either family) lies inside the scope. */
bool cs_scope_contains_addr(const struct cs_scope *s, const struct cs_addr *a);

/* The idx-th address (0 <= idx < total): IPv4 ones first, then IPv6. */
void cs_scope_nth_addr(const struct cs_scope *s, uint64_t idx,
		       struct cs_addr *out);

/*
 * Parses an address of either family filling all of text: a dotted quad
 * (no leading zeros) or an IPv6 address (no zone).  Returns 0 or
 * CS_EINVAL.
 */
int cs_addr_parse(const char *text, struct cs_addr *out);

/* The canonical text (dotted quad; RFC 5952 for IPv6) into buf
 * (>= CS_ADDR_STRLEN bytes). */
char *cs_addr_str(const struct cs_addr *a, char *buf, size_t sz);

/*
 * The address as a URL or Host header writes it: IPv6 in brackets
 * ("[fd00::1]"), with ":port" unless port is 0.  buf >= 56 bytes.
 */
char *cs_addr_host(const struct cs_addr *a, uint16_t port, char *buf,
		   size_t sz);

/*
 * Builds the scope from inclusion and exclusion intervals of either
 * family (both borrowed): sorts, merges, subtracts and indexes them.
 * Returns 0, CS_ELIMIT when more than CS_SCOPE_MAX_ADDRS6 IPv6 addresses
 * remain (nothing is built), or CS_EINVAL when nothing remains.
 */
int cs_scope_build(struct cs_scope *s, const struct cs_interval *inc,
		   size_t ninc, const struct cs_interval *exc, size_t nexc);

/*
 * cs_scope_build without the IPv6 cap, for a scope that only filters
 * (which stored devices lie inside "fd00::/48"): never to be walked
 * (cs_engine_run refuses it); its counts saturate at UINT64_MAX.
 */
int cs_scope_build_filter(struct cs_scope *s, const struct cs_interval *inc,
			  size_t ninc, const struct cs_interval *exc,
			  size_t nexc);

/* True if ip (host order) lies inside the scope's IPv4 part. */
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

/* Returns the idx-th IPv4 address (0 <= idx < total4) in ascending
 * order. */
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
