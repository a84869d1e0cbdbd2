/* SPDX-License-Identifier: ISC */
/* Compiled Hyperscan literal databases kept between runs (fp_hscache.c). */
#ifndef CS_FP_FP_HSCACHE_H
#define CS_FP_FP_HSCACHE_H

#ifdef CS_HAVE_HYPERSCAN
#include <stddef.h>
#include <stdint.h>

#include <hs/hs.h>

/*
 * hs_compile_lit_multi in block mode for this host, through the on-disk
 * cache: *out is the cached database when a valid one is kept for exactly
 * these literals, flags and ids (and this libhs and platform), else a
 * fresh compile, then kept.  Returns 0, or -1 (*out NULL) when the
 * literals do not compile.  Never fails because of the cache.
 */
int cs_hs_compile_lits(const char *const *expr, const unsigned *flags,
		       const unsigned *ids, const size_t *lens, unsigned n,
		       hs_database_t **out);

/*
 * The cache file format, pure and bounded (fuzz/fuzz_hscache.c): a header
 * (magic, key, payload length, a hash of the payload), then what
 * hs_serialize_database wrote.  cs_hscache_decode returns the database of
 * the n bytes at p when every header field checks against key and the
 * bytes, and hs_deserialize_database accepts the payload; else NULL.
 * cs_hscache_encode appends the file for len payload bytes to out;
 * returns 0 or CS_ELIMIT (empty or too large a payload, out full).
 */
struct cs_buf;
hs_database_t *cs_hscache_decode(const uint8_t *p, size_t n,
				 const uint64_t key[2]);
int cs_hscache_encode(const void *payload, size_t len, const uint64_t key[2],
		      struct cs_buf *out);
#endif

#endif /* CS_FP_FP_HSCACHE_H */
