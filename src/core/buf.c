/* SPDX-License-Identifier: ISC */
/* Capped growable byte buffer; see buf.h. */
#include "core/buf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/poison.h"

void
cs_buf_init(struct cs_buf *b, size_t max)
{
	b->p = NULL;
	b->len = 0;
	b->cap = 0;
	b->max = max;
}

void
cs_buf_free(struct cs_buf *b)
{
	free(b->p);
	b->p = NULL;
	b->len = 0;
	b->cap = 0;
}

void
cs_buf_reset(struct cs_buf *b)
{
	b->len = 0;
}

/* Makes room for need more bytes plus a trailing NUL. */
static int
reserve(struct cs_buf *b, size_t need)
{
	size_t want, ncap;
	uint8_t *np;

	if (__builtin_add_overflow(b->len, need, &want) || want > b->max)
		return CS_ELIMIT;
	want++; /* the NUL kept after the data */
	if (want <= b->cap)
		return 0;
	ncap = b->cap ? b->cap : 64;
	while (ncap < want) {
		if (__builtin_mul_overflow(ncap, 2, &ncap))
			return CS_ELIMIT;
	}
	if (ncap > b->max + 1)
		ncap = b->max + 1;
	np = realloc(b->p, ncap);
	if (np == NULL)
		return CS_ENOMEM;
	b->p = np;
	b->cap = ncap;
	return 0;
}

int
cs_buf_add(struct cs_buf *b, const void *p, size_t n)
{
	int rc;

	if (n == 0)
		return 0;
	if ((rc = reserve(b, n)) != 0)
		return rc;
	memcpy(b->p + b->len, p, n);
	b->len += n;
	b->p[b->len] = 0;
	return 0;
}

uint8_t *
cs_buf_space(struct cs_buf *b, size_t n)
{
	uint8_t *w;

	if (reserve(b, n) != 0)
		return NULL;
	w = b->p + b->len;
	b->len += n;
	b->p[b->len] = 0;
	return w;
}

int
cs_buf_adds(struct cs_buf *b, const char *s)
{
	return cs_buf_add(b, s, strlen(s));
}

int
cs_buf_vprintf(struct cs_buf *b, const char *fmt, va_list ap)
{
	va_list ap2;
	int n, rc;

	va_copy(ap2, ap);
	n = vsnprintf(NULL, 0, fmt, ap2);
	va_end(ap2);
	if (n < 0)
		return CS_EINVAL;
	if ((rc = reserve(b, (size_t)n)) != 0)
		return rc;
	vsnprintf((char *)b->p + b->len, (size_t)n + 1, fmt, ap);
	b->len += (size_t)n;
	return 0;
}

int
cs_buf_printf(struct cs_buf *b, const char *fmt, ...)
{
	va_list ap;
	int rc;

	va_start(ap, fmt);
	rc = cs_buf_vprintf(b, fmt, ap);
	va_end(ap);
	return rc;
}

const char *
cs_buf_str(struct cs_buf *b)
{
	if (b->p == NULL)
		return "";
	return (const char *)b->p;
}

void
cs_buf_consume(struct cs_buf *b, size_t n)
{
	if (CS_NEVER(n > b->len))
		n = b->len;
	memmove(b->p, b->p + n, b->len - n);
	b->len -= n;
	if (b->p)
		b->p[b->len] = 0;
}
