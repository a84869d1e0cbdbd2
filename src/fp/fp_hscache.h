/* SPDX-License-Identifier: ISC */
/* Compiled Hyperscan literal databases kept between runs (fp_hscache.c). */
#ifndef CS_FP_FP_HSCACHE_H
#define CS_FP_FP_HSCACHE_H

#ifdef CS_HAVE_HYPERSCAN
#include <stddef.h>

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
#endif

#endif /* CS_FP_FP_HSCACHE_H */
