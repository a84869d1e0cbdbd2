/* SPDX-License-Identifier: ISC */
/*
 * Two-tier allocation, as in Redis.  cs_x* abort on exhaustion and are for
 * small, internally sized objects only.  Any size that derives from network
 * input must be checked against a cap and allocated with plain malloc (or a
 * capped cs_buf), handling NULL.
 */
#ifndef CS_CORE_ALLOC_H
#define CS_CORE_ALLOC_H

#include <stddef.h>

void *cs_xmalloc(size_t n);
void *cs_xcalloc(size_t nmemb, size_t size);
void *cs_xrealloc(void *p, size_t nmemb, size_t size);
/* Returns a heap copy of the NUL-terminated s; caller frees. */
char *cs_xstrdup(const char *s);
/* Returns a heap, NUL-terminated copy of n bytes at p; caller frees. */
char *cs_xstrndup(const void *p, size_t n);

/* Aborts the program with a message: for broken invariants only. */
void cs_fatal(const char *fmt, ...)
    __attribute__((noreturn, format(printf, 1, 2)));

#endif /* CS_CORE_ALLOC_H */
