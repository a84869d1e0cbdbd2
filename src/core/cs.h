/* SPDX-License-Identifier: ISC */
/*
 * Basic types shared by every layer of camsweep: error codes, byte spans
 * and the labelled defensive-check macros.  This header depends on nothing
 * but the C library.
 */
#ifndef CS_CORE_CS_H
#define CS_CORE_CS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/*
 * Error codes.  Functions return 0 on success or one of these (negative)
 * on failure, in the style of libuv.
 */
enum cs_errno {
	CS_OK = 0,
	CS_EPROTO = -1,    /* input violates the protocol */
	CS_ETRUNC = -2,    /* input ends before a complete unit */
	CS_ELIMIT = -3,    /* a cap (bytes, lines, depth) was reached */
	CS_ENOMEM = -4,    /* allocation failed */
	CS_EINVAL = -5,    /* invalid argument or configuration */
	CS_EIO = -6,       /* I/O or database error */
	CS_ENOTFOUND = -7, /* nothing matched */
	CS_ESCOPE = -8,    /* address outside the permitted scope */
};

/* Returns a static, human-readable name for an error code. */
const char *cs_strerror(int err);

/*
 * A borrowed run of bytes.  It does not own its memory and is not NUL
 * terminated; its lifetime is that of the buffer it points into.
 */
struct cs_span {
	const uint8_t *p;
	size_t n;
};

#define CS_SPAN_NULL ((struct cs_span){NULL, 0})

static inline struct cs_span
cs_span_make(const void *p, size_t n)
{
	struct cs_span s = {(const uint8_t *)p, n};
	return s;
}

/* Length of a fixed array. */
#define CS_NELEM(a) (sizeof(a) / sizeof((a)[0]))

#define CS_MIN(a, b) ((a) < (b) ? (a) : (b))
#define CS_MAX(a, b) ((a) > (b) ? (a) : (b))

/*
 * Labelled defensive checks, as in SQLite.  CS_NEVER(x) marks a condition
 * believed impossible; CS_ALWAYS(x) one believed always true.  Debug and
 * sanitizer builds assert; release builds evaluate and handle it.
 */
#ifdef NDEBUG
#define CS_NEVER(x) (x)
#define CS_ALWAYS(x) (x)
#else
#include <assert.h>
#define CS_NEVER(x) ((x) ? (assert(!(x)), 1) : 0)
#define CS_ALWAYS(x) ((x) ? 1 : (assert(0), 0))
#endif

#define CS_PRINTF(f, a) __attribute__((format(printf, f, a)))

#endif /* CS_CORE_CS_H */
