/* SPDX-License-Identifier: ISC */
/*
 * A growable byte buffer with a hard cap, in the style of curl's dynbuf.
 * Appending past the cap fails with CS_ELIMIT and leaves the buffer as it
 * was, so a hostile peer can never make us hold more than the cap.
 */
#ifndef CS_CORE_BUF_H
#define CS_CORE_BUF_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include "core/cs.h"

struct cs_buf {
	uint8_t *p; /* owned; NULL until the first append */
	size_t len; /* bytes used */
	size_t cap; /* bytes allocated */
	size_t max; /* hard limit on len, set by cs_buf_init */
};

/* Initialises b empty with a limit of max bytes; allocates nothing. */
void cs_buf_init(struct cs_buf *b, size_t max);
/* Frees b's memory and leaves it empty; safe on an initialised, empty b. */
void cs_buf_free(struct cs_buf *b);
/* Empties b, keeping its memory. */
void cs_buf_reset(struct cs_buf *b);
/*
 * Appends n bytes.  Returns 0, CS_ELIMIT if the result would exceed the
 * limit (b unchanged), or CS_ENOMEM.
 */
int cs_buf_add(struct cs_buf *b, const void *p, size_t n);
/*
 * Appends n bytes for the caller to write: returns where they start (the
 * NUL kept after them is written), or NULL with b unchanged when the
 * result would exceed the limit or memory ran out.
 */
uint8_t *cs_buf_space(struct cs_buf *b, size_t n);
/* Appends a NUL-terminated string; as cs_buf_add. */
int cs_buf_adds(struct cs_buf *b, const char *s);
/* Appends formatted text; as cs_buf_add. */
int cs_buf_printf(struct cs_buf *b, const char *fmt, ...) CS_PRINTF(2, 3);
int cs_buf_vprintf(struct cs_buf *b, const char *fmt, va_list ap)
    CS_PRINTF(2, 0);
/*
 * Returns the contents as a NUL-terminated string (a NUL is kept after
 * len, not counted).  Never NULL: an empty buffer gives "".
 */
const char *cs_buf_str(struct cs_buf *b);
/* Removes the first n bytes (n <= len). */
void cs_buf_consume(struct cs_buf *b, size_t n);

#endif /* CS_CORE_BUF_H */
