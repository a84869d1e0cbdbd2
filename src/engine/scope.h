/* SPDX-License-Identifier: ISC */
/*
 * The scan scope: an allow-list of IPv4 ranges minus exclusions.  Targets
 * are written as CIDRs ("127.16.0.0/20"), ranges ("127.0.0.10-127.0.0.20"
 * or "127.0.0.10-20"), single addresses, or "@file" (one spec per line,
 * '#' comments).  The scope is normalised into sorted, disjoint intervals,
 * so membership is a binary search and the n-th address is found in
 * O(log n); the engine asks cs_scope_contains() before every connection,
 * whatever the source of the address.
 */
#ifndef CS_ENGINE_SCOPE_H
#define CS_ENGINE_SCOPE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct cs_interval {
	uint32_t lo, hi; /* inclusive, host byte order */
};

struct cs_scope {
	struct cs_interval *inc; /* owned; sorted, disjoint, after exclusion */
	size_t ninc;
	uint64_t *cum;   /* owned; cum[i] = addresses in inc[0..i) */
	uint64_t total;  /* addresses in scope */
	char *text;      /* owned canonical text of the inclusions */
	char *excl_text; /* owned canonical text of the exclusions */
};

/* Initialises an empty scope. */
void cs_scope_init(struct cs_scope *s);
void cs_scope_free(struct cs_scope *s);

/*
 * Parses one target spec (see above) into intervals appended to *v (a
 * growable array of *n entries).  "@file" specs are read here.  Returns 0
 * or CS_EINVAL with a message in err.
 */
int cs_scope_parse_spec(const char *spec, struct cs_interval **v, size_t *n,
			char *err, size_t errsz);

/*
 * Builds the scope from inclusion and exclusion intervals (both borrowed):
 * sorts, merges, subtracts and indexes them.  Returns 0 or CS_EINVAL
 * when nothing remains.
 */
int cs_scope_build(struct cs_scope *s, const struct cs_interval *inc,
		   size_t ninc, const struct cs_interval *exc, size_t nexc);

/* True if ip (host order) lies inside the scope. */
bool cs_scope_contains(const struct cs_scope *s, uint32_t ip);

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
