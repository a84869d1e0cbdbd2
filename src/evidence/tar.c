/* SPDX-License-Identifier: ISC */
/* ustar writer and bounded reader for evidence packs; see tar.h. */
#include "evidence/tar.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"
#include "core/str.h"
#include "core/poison.h"

#define BLOCK 512

/* Header field offsets and sizes (POSIX ustar). */
#define H_NAME 0
#define H_MODE 100
#define H_UID 108
#define H_GID 116
#define H_SIZE 124
#define H_MTIME 136
#define H_CHKSUM 148
#define H_TYPE 156
#define H_MAGIC 257
#define H_VERSION 263
#define H_PREFIX 345

bool
cs_tar_name_ok(const char *name)
{
	size_t n = strlen(name);
	const char *p = name;

	if (n == 0 || n > CS_TAR_NAME_MAX || name[0] == '/' ||
	    name[n - 1] == '/')
		return false;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)name[i];
		/* Printable ASCII only: names are the program's. */
		if (c < 0x21 || c > 0x7e || c == '\\')
			return false;
	}
	while (p != NULL) {
		const char *e = strchr(p, '/');
		size_t l = e ? (size_t)(e - p) : strlen(p);

		if (l == 0 || (l == 1 && p[0] == '.') ||
		    (l == 2 && p[0] == '.' && p[1] == '.'))
			return false;
		p = e ? e + 1 : NULL;
	}
	return true;
}

/* Writes v as n-1 octal digits and a NUL. */
static void
octal(uint8_t *dst, size_t n, uint64_t v)
{
	char tmp[32];

	snprintf(tmp, sizeof(tmp), "%0*llo", (int)(n - 1),
		 (unsigned long long)v);
	memcpy(dst, tmp, n - 1);
	dst[n - 1] = '\0';
}

static unsigned
checksum(const uint8_t *h)
{
	unsigned sum = 0;

	for (size_t i = 0; i < BLOCK; i++)
		sum += (i >= H_CHKSUM && i < H_CHKSUM + 8) ? ' ' : h[i];
	return sum;
}

int
cs_tar_add(struct cs_buf *b, const char *name, const void *p, size_t n,
	   int64_t mtime)
{
	uint8_t h[BLOCK];
	static const uint8_t zero[BLOCK];
	int rc;

	if (!cs_tar_name_ok(name) || (uint64_t)n >= (1ull << 33))
		return CS_EINVAL;
	memset(h, 0, sizeof(h));
	memcpy(h + H_NAME, name, strlen(name));
	octal(h + H_MODE, 8, 0600);
	octal(h + H_UID, 8, 0);
	octal(h + H_GID, 8, 0);
	octal(h + H_SIZE, 12, n);
	octal(h + H_MTIME, 12, mtime > 0 ? (uint64_t)mtime : 0);
	h[H_TYPE] = '0';
	memcpy(h + H_MAGIC, "ustar", 6);
	memcpy(h + H_VERSION, "00", 2);
	{
		char tmp[8];
		snprintf(tmp, sizeof(tmp), "%06o", checksum(h));
		memcpy(h + H_CHKSUM, tmp, 6);
		h[H_CHKSUM + 6] = '\0';
		h[H_CHKSUM + 7] = ' ';
	}
	if ((rc = cs_buf_add(b, h, sizeof(h))) != 0 ||
	    (n && (rc = cs_buf_add(b, p, n)) != 0))
		return rc;
	if (n % BLOCK)
		rc = cs_buf_add(b, zero, BLOCK - n % BLOCK);
	return rc;
}

int
cs_tar_finish(struct cs_buf *b)
{
	static const uint8_t zero[2 * BLOCK];

	return cs_buf_add(b, zero, sizeof(zero));
}

/* Parses an octal field of n bytes (digits, then NUL or space). */
static bool
parse_octal(const uint8_t *f, size_t n, uint64_t *out)
{
	size_t i = 0;
	uint64_t v = 0;

	while (i < n && f[i] == ' ')
		i++;
	if (i == n || f[i] < '0' || f[i] > '7')
		return false;
	for (; i < n && f[i] >= '0' && f[i] <= '7'; i++) {
		if (v >> 60)
			return false;
		v = v * 8 + (uint64_t)(f[i] - '0');
	}
	for (; i < n; i++)
		if (f[i] != '\0' && f[i] != ' ')
			return false;
	*out = v;
	return true;
}

static bool
all_zero(const uint8_t *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (p[i])
			return false;
	return true;
}

int
cs_tar_read(const uint8_t *p, size_t n, struct cs_tar *t, char *err,
	    size_t errsz)
{
	size_t off = 0, cap = 0;

	t->v = NULL;
	t->n = 0;
	if (n % BLOCK) {
		snprintf(err, errsz,
			 "archive: %zu bytes, not whole 512-byte "
			 "blocks",
			 n);
		return CS_EINVAL;
	}
	while (off + BLOCK <= n) {
		const uint8_t *h = p + off;
		uint64_t size, sum;
		struct cs_tar_entry *e;
		char name[CS_TAR_NAME_MAX + 2];
		size_t padded;

		if (all_zero(h, BLOCK)) {
			/* The end: two zero blocks and nothing after. */
			if (off + 2 * BLOCK > n ||
			    !all_zero(p + off, n - off)) {
				snprintf(err, errsz,
					 "archive: data after the end blocks "
					 "(offset %zu)",
					 off);
				return CS_EINVAL;
			}
			return 0;
		}
		memcpy(name, h + H_NAME, 100);
		name[100] = '\0';
		cs_strlcpy(name, name, sizeof(name));
		if (!parse_octal(h + H_CHKSUM, 8, &sum) || sum != checksum(h)) {
			snprintf(err, errsz,
				 "archive: header of entry %zu (at offset %zu, "
				 "after %s) fails its checksum",
				 t->n + 1, off,
				 t->n ? t->v[t->n - 1].name : "the start");
			return CS_EINVAL;
		}
		if (memchr(h + H_NAME, '\0', 100) == NULL ||
		    !cs_tar_name_ok(name) || h[H_PREFIX] != '\0' ||
		    memcmp(h + H_MAGIC, "ustar", 6) != 0) {
			snprintf(err, errsz,
				 "archive: entry %zu (offset %zu): not a plain "
				 "relative ustar name",
				 t->n + 1, off);
			return CS_EINVAL;
		}
		if (h[H_TYPE] != '0' && h[H_TYPE] != '\0') {
			snprintf(err, errsz, "%s: not a regular file", name);
			return CS_EINVAL;
		}
		if (!parse_octal(h + H_SIZE, 12, &size) ||
		    size > n - off - BLOCK) {
			snprintf(err, errsz, "%s: size past the archive's end",
				 name);
			return CS_EINVAL;
		}
		padded = (size_t)((size + BLOCK - 1) / BLOCK * BLOCK);
		if (padded > n - off - BLOCK ||
		    !all_zero(p + off + BLOCK + size, padded - size)) {
			snprintf(err, errsz,
				 "%s: the padding after the file was changed",
				 name);
			return CS_EINVAL;
		}
		if (t->n >= CS_TAR_MAX_ENTRIES) {
			snprintf(err, errsz, "archive: more than %d entries",
				 CS_TAR_MAX_ENTRIES);
			return CS_EINVAL;
		}
		if (cs_tar_find(t, name) != NULL) {
			snprintf(err, errsz, "%s: twice in the archive", name);
			return CS_EINVAL;
		}
		if (t->n == cap) {
			cap = cap ? cap * 2 : 32;
			t->v = cs_xrealloc(t->v, cap, sizeof(*t->v));
		}
		e = &t->v[t->n++];
		cs_strlcpy(e->name, name, sizeof(e->name));
		e->off = off + BLOCK;
		e->len = (size_t)size;
		off += BLOCK + padded;
	}
	snprintf(err, errsz, "archive: no end blocks (truncated)");
	return CS_EINVAL;
}

void
cs_tar_free(struct cs_tar *t)
{
	free(t->v);
	t->v = NULL;
	t->n = 0;
}

const struct cs_tar_entry *
cs_tar_find(const struct cs_tar *t, const char *name)
{
	for (size_t i = 0; i < t->n; i++)
		if (strcmp(t->v[i].name, name) == 0)
			return &t->v[i];
	return NULL;
}
