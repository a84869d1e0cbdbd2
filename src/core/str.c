/* SPDX-License-Identifier: ISC */
/* Bounded span helpers; see str.h. */
#include "core/str.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/poison.h"

static inline uint8_t
lower(uint8_t c)
{
	return (c >= 'A' && c <= 'Z') ? (uint8_t)(c + 32) : c;
}

static inline bool
isws(uint8_t c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

struct cs_span
cs_span_trim(struct cs_span s)
{
	while (s.n && isws(s.p[0])) {
		s.p++;
		s.n--;
	}
	while (s.n && isws(s.p[s.n - 1]))
		s.n--;
	return s;
}

bool
cs_span_ieq(struct cs_span s, const char *lit)
{
	size_t n = strlen(lit);

	if (n != s.n)
		return false;
	for (size_t i = 0; i < n; i++)
		if (lower(s.p[i]) != lower((uint8_t)lit[i]))
			return false;
	return true;
}

bool
cs_span_istarts(struct cs_span s, const char *lit)
{
	size_t n = strlen(lit);

	if (n > s.n)
		return false;
	for (size_t i = 0; i < n; i++)
		if (lower(s.p[i]) != lower((uint8_t)lit[i]))
			return false;
	return true;
}

long
cs_span_find(struct cs_span hay, const void *needle, size_t n, bool icase)
{
	const uint8_t *nd = needle;

	if (n == 0)
		return 0;
	if (n > hay.n)
		return -1;
	if (!icase) {
		/* by memchr of the first byte (a PEM block's END line, a
		 * body's marker: kilobytes scanned a byte at a time) */
		const uint8_t *f = cs_memmem(hay.p, hay.n, nd, n);

		return f != NULL ? (long)(f - hay.p) : -1;
	}
	for (size_t i = 0; i + n <= hay.n; i++) {
		size_t j = 0;

		if (icase) {
			while (j < n && lower(hay.p[i + j]) == lower(nd[j]))
				j++;
		} else {
			while (j < n && hay.p[i + j] == nd[j])
				j++;
		}
		if (j == n)
			return (long)i;
	}
	return -1;
}

const uint8_t *
cs_memmem(const uint8_t *hay, size_t hn, const uint8_t *needle, size_t n)
{
	const uint8_t *p = hay, *end;

	if (n == 0)
		return hay;
	if (n > hn)
		return NULL;
	end = hay + (hn - n) + 1; /* one past the last possible start */
	while (p < end) {
		p = memchr(p, needle[0], (size_t)(end - p));
		if (p == NULL)
			return NULL;
		if (memcmp(p, needle, n) == 0)
			return p;
		p++;
	}
	return NULL;
}

int
cs_span_u64(struct cs_span s, uint64_t max, uint64_t *out)
{
	uint64_t v = 0;

	if (s.n == 0 || s.n > 20)
		return CS_EPROTO;
	for (size_t i = 0; i < s.n; i++) {
		if (s.p[i] < '0' || s.p[i] > '9')
			return CS_EPROTO;
		if (__builtin_mul_overflow(v, 10, &v) ||
		    __builtin_add_overflow(v, (uint64_t)(s.p[i] - '0'), &v))
			return CS_ELIMIT;
	}
	if (v > max)
		return CS_ELIMIT;
	*out = v;
	return 0;
}

int
cs_str_tonum(const char *s, long long min, long long max, long long *out)
{
	char *end;
	long long v;

	if (s == NULL || *s == '\0')
		return CS_EINVAL;
	errno = 0;
	v = strtoll(s, &end, 10);
	if (errno != 0 || *end != '\0' || v < min || v > max)
		return CS_EINVAL;
	*out = v;
	return 0;
}

char *
cs_span_copy(char *dst, size_t dsz, struct cs_span s)
{
	size_t n = s.n < dsz - 1 ? s.n : dsz - 1;

	if (n)
		memcpy(dst, s.p, n);
	for (size_t i = 0; i < n;) {
		const char *z = memchr(dst + i, '\0', n - i);

		if (z == NULL)
			break;
		i = (size_t)(z - dst);
		dst[i++] = '?';
	}
	dst[n] = '\0';
	return dst;
}

size_t
cs_strlcpy(char *dst, const char *src, size_t dsz)
{
	size_t n = strlen(src);

	if (dsz) {
		size_t c = n < dsz - 1 ? n : dsz - 1;
		memcpy(dst, src, c);
		dst[c] = '\0';
	}
	return n;
}

void
cs_strcatf(char *dst, size_t dsz, const char *fmt, ...)
{
	size_t n = strnlen(dst, dsz);
	va_list ap;

	if (n + 1 >= dsz)
		return;
	va_start(ap, fmt);
	vsnprintf(dst + n, dsz - n, fmt, ap);
	va_end(ap);
}

static inline uint64_t
hash_mix(uint64_t h, uint64_t v)
{
	h ^= v;
	h *= 0x9E3779B97F4A7C15ull;
	return h ^ (h >> 31);
}

uint64_t
cs_hash64(uint64_t h, const void *p, size_t n)
{
	const uint8_t *s = p;
	uint64_t w[4], a, b, c, d;

	h = hash_mix(h, n);
	if (n >= 32) {
		/* four independent lanes: a multiply's latency per 32 bytes,
		 * not per 8 */
		a = h ^ 0x243F6A8885A308D3ull;
		b = h ^ 0x13198A2E03707344ull;
		c = h ^ 0xA4093822299F31D0ull;
		d = h ^ 0x082EFA98EC4E6C89ull;
		for (; n >= 32; s += 32, n -= 32) {
			memcpy(w, s, 32);
			a = (a ^ w[0]) * 0x9E3779B97F4A7C15ull;
			b = (b ^ w[1]) * 0xC2B2AE3D27D4EB4Full;
			c = (c ^ w[2]) * 0x165667B19E3779F9ull;
			d = (d ^ w[3]) * 0xD6E8FEB86659FD93ull;
			a ^= a >> 29;
			b ^= b >> 29;
			c ^= c >> 29;
			d ^= d >> 29;
		}
		h = hash_mix(hash_mix(hash_mix(hash_mix(h, a), b), c), d);
	}
	for (; n >= 8; s += 8, n -= 8) {
		memcpy(w, s, 8);
		h = hash_mix(h, w[0]);
	}
	/* the last bytes in whole loads (bytes stored one by one and read
	 * back as a word stall the load); with n mixed in first, these
	 * words tell apart every tail of one length */
	if (n >= 4) {
		uint32_t x, y;

		memcpy(&x, s, 4);
		memcpy(&y, s + n - 4, 4);
		h = hash_mix(h, x | (uint64_t)y << 32);
	} else if (n > 0) {
		h = hash_mix(h, s[0] | (uint64_t)s[n / 2] << 8 |
				    (uint64_t)s[n - 1] << 16);
	}
	return h;
}
