/* SPDX-License-Identifier: ISC */
/* Allocation helpers that die on exhaustion; see alloc.h. */
#include "core/alloc.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/poison.h"

void
cs_fatal(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	fputs("camsweep: fatal: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
	abort();
}

void *
cs_xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (p == NULL)
		cs_fatal("out of memory (%zu bytes)", n);
	return p;
}

void *
cs_xcalloc(size_t nmemb, size_t size)
{
	void *p = calloc(nmemb ? nmemb : 1, size ? size : 1);

	if (p == NULL)
		cs_fatal("out of memory (%zu x %zu bytes)", nmemb, size);
	return p;
}

void *
cs_xrealloc(void *p, size_t nmemb, size_t size)
{
	size_t n;

	if (__builtin_mul_overflow(nmemb, size, &n))
		cs_fatal("allocation size overflow");
	p = realloc(p, n ? n : 1);
	if (p == NULL)
		cs_fatal("out of memory (%zu bytes)", n);
	return p;
}

char *
cs_xstrndup(const void *src, size_t n)
{
	char *s = cs_xmalloc(n + 1);

	if (n)
		memcpy(s, src, n);
	s[n] = '\0';
	return s;
}

char *
cs_xstrdup(const char *s)
{
	return cs_xstrndup(s, strlen(s));
}
