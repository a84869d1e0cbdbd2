/* SPDX-License-Identifier: ISC */
/*
 * A checked reader over a byte span.  Errors are sticky: after the first
 * short read every later read fails and returns zeroes, so a parser may
 * read a whole structure and check cs_rd_ok() once at the end.
 */
#ifndef CS_CORE_RD_H
#define CS_CORE_RD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/cs.h"

struct cs_rd {
	const uint8_t *p;
	size_t n;   /* total bytes */
	size_t off; /* next byte to read */
	bool err;   /* sticky: a read went past n */
};

static inline void
cs_rd_init(struct cs_rd *r, const void *p, size_t n)
{
	r->p = (const uint8_t *)p;
	r->n = n;
	r->off = 0;
	r->err = false;
}

static inline bool
cs_rd_ok(const struct cs_rd *r)
{
	return !r->err;
}

static inline size_t
cs_rd_left(const struct cs_rd *r)
{
	return r->err ? 0 : r->n - r->off;
}

uint8_t cs_rd_u8(struct cs_rd *r);
uint16_t cs_rd_be16(struct cs_rd *r);
uint32_t cs_rd_be32(struct cs_rd *r);
uint16_t cs_rd_le16(struct cs_rd *r);
uint32_t cs_rd_le32(struct cs_rd *r);
/* Borrows the next n bytes into *out; fails (sticky) if fewer remain. */
bool cs_rd_bytes(struct cs_rd *r, size_t n, struct cs_span *out);
/* Skips n bytes. */
bool cs_rd_skip(struct cs_rd *r, size_t n);

#endif /* CS_CORE_RD_H */
