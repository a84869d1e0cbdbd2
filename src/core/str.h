/* SPDX-License-Identifier: ISC */
/*
 * Bounded string and span helpers.  Nothing here assumes NUL termination
 * of its span arguments; all are pure.
 */
#ifndef CS_CORE_STR_H
#define CS_CORE_STR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/cs.h"

/* Trims ASCII space, tab, CR and LF from both ends. */
struct cs_span cs_span_trim(struct cs_span s);
/* True if s equals the NUL-terminated lit, ignoring ASCII case. */
bool cs_span_ieq(struct cs_span s, const char *lit);
/* True if s starts with lit, ignoring ASCII case. */
bool cs_span_istarts(struct cs_span s, const char *lit);
/*
 * Finds needle (n bytes) in hay, ignoring ASCII case when icase is set.
 * Returns the offset, or -1 when absent.
 */
long cs_span_find(struct cs_span hay, const void *needle, size_t n, bool icase);
/* Returns the value of an ASCII hex digit, or -1. */
static inline int
cs_hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/*
 * Finds the n bytes of needle in the hn bytes of hay (exact bytes).
 * Returns a pointer into hay, or NULL.  n == 0 finds hay.
 */
const uint8_t *cs_memmem(const uint8_t *hay, size_t hn, const uint8_t *needle,
			 size_t n);
/*
 * Parses a decimal unsigned integer filling all of s, at most max.
 * Returns 0 or CS_EPROTO / CS_ELIMIT.
 */
int cs_span_u64(struct cs_span s, uint64_t max, uint64_t *out);
/*
 * Parses the NUL-terminated s as a decimal integer in [min, max]
 * (strtonum-style).  Returns 0, or CS_EINVAL.
 */
int cs_str_tonum(const char *s, long long min, long long max, long long *out);
/*
 * Copies s into dst (size dsz, > 0) as a NUL-terminated string, replacing
 * NUL bytes with '?' and truncating to fit.  Returns dst.
 */
char *cs_span_copy(char *dst, size_t dsz, struct cs_span s);
/* strlcpy semantics: always NUL-terminates; returns strlen(src). */
size_t cs_strlcpy(char *dst, const char *src, size_t dsz);
/* Appends printf-formatted text to the string in dst (dsz bytes), cut
 * to fit; dst stays NUL-terminated.  Nothing when dst is already full. */
void cs_strcatf(char *dst, size_t dsz, const char *fmt, ...) CS_PRINTF(3, 4);

/*
 * A 64-bit hash of n bytes at p, chained from h (a seed, or the hash of
 * what came before): a word at a time, for the memos of identify (not a
 * defence against chosen collisions: the memos compare keys in full).
 */
uint64_t cs_hash64(uint64_t h, const void *p, size_t n);

#endif /* CS_CORE_STR_H */
