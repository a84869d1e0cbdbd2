/* SPDX-License-Identifier: ISC */
/*
 * MD5 (written from RFC 1321) and the server side of HTTP Digest
 * authentication (RFC 7616 §3.4.1, MD5, qop=auth).  See camsim_auth.h.
 */
#include "camsim_auth.h"

#include <stdio.h>
#include <string.h>

#include "core/str.h"
#include "core/poison.h"

#define NONCE_TTL 600   /* seconds a nonce stays valid */
#define PARAM_MAX 256   /* bytes of one Authorization parameter */

struct md5 {
	uint32_t h[4];
	uint64_t len; /* bytes so far */
	uint8_t blk[64];
	size_t used;
};

/* Per-round shift amounts and the sine-derived constants (RFC 1321 §3.4). */
static const uint8_t md5_s[64] = {
    7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22,
    5, 9,  14, 20, 5, 9,  14, 20, 5, 9,  14, 20, 5, 9,  14, 20,
    4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23,
    6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21};
static const uint32_t md5_k[64] = {
    0xd76aa478, 0xe8c7b756, 0x242070db, 0xc1bdceee, 0xf57c0faf, 0x4787c62a,
    0xa8304613, 0xfd469501, 0x698098d8, 0x8b44f7af, 0xffff5bb1, 0x895cd7be,
    0x6b901122, 0xfd987193, 0xa679438e, 0x49b40821, 0xf61e2562, 0xc040b340,
    0x265e5a51, 0xe9b6c7aa, 0xd62f105d, 0x02441453, 0xd8a1e681, 0xe7d3fbc8,
    0x21e1cde6, 0xc33707d6, 0xf4d50d87, 0x455a14ed, 0xa9e3e905, 0xfcefa3f8,
    0x676f02d9, 0x8d2a4c8a, 0xfffa3942, 0x8771f681, 0x6d9d6122, 0xfde5380c,
    0xa4beea44, 0x4bdecfa9, 0xf6bb4b60, 0xbebfbc70, 0x289b7ec6, 0xeaa127fa,
    0xd4ef3085, 0x04881d05, 0xd9d4d039, 0xe6db99e5, 0x1fa27cf8, 0xc4ac5665,
    0xf4292244, 0x432aff97, 0xab9423a7, 0xfc93a039, 0x655b59c3, 0x8f0ccc92,
    0xffeff47d, 0x85845dd1, 0x6fa87e4f, 0xfe2ce6e0, 0xa3014314, 0x4e0811a1,
    0xf7537e82, 0xbd3af235, 0x2ad7d2bb, 0xeb86d391};

static uint32_t
rol(uint32_t x, unsigned c)
{
	return x << c | x >> (32 - c);
}

static void
md5_block(struct md5 *m, const uint8_t *b)
{
	uint32_t w[16], a = m->h[0], bb = m->h[1], c = m->h[2], d = m->h[3];

	for (int i = 0; i < 16; i++)
		w[i] = (uint32_t)b[4 * i] | (uint32_t)b[4 * i + 1] << 8 |
		       (uint32_t)b[4 * i + 2] << 16 |
		       (uint32_t)b[4 * i + 3] << 24;
	for (unsigned i = 0; i < 64; i++) {
		uint32_t f, t;
		unsigned g;

		if (i < 16) {
			f = (bb & c) | (~bb & d);
			g = i;
		} else if (i < 32) {
			f = (d & bb) | (~d & c);
			g = (5 * i + 1) % 16;
		} else if (i < 48) {
			f = bb ^ c ^ d;
			g = (3 * i + 5) % 16;
		} else {
			f = c ^ (bb | ~d);
			g = (7 * i) % 16;
		}
		t = d;
		d = c;
		c = bb;
		bb = bb + rol(a + f + md5_k[i] + w[g], md5_s[i]);
		a = t;
	}
	m->h[0] += a;
	m->h[1] += bb;
	m->h[2] += c;
	m->h[3] += d;
}

static void
md5_init(struct md5 *m)
{
	m->h[0] = 0x67452301;
	m->h[1] = 0xefcdab89;
	m->h[2] = 0x98badcfe;
	m->h[3] = 0x10325476;
	m->len = 0;
	m->used = 0;
}

static void
md5_add(struct md5 *m, const void *p, size_t n)
{
	const uint8_t *s = p;

	m->len += n;
	while (n > 0) {
		size_t k = CS_MIN(n, 64 - m->used);
		memcpy(m->blk + m->used, s, k);
		m->used += k;
		s += k;
		n -= k;
		if (m->used == 64) {
			md5_block(m, m->blk);
			m->used = 0;
		}
	}
}

static void
md5_end(struct md5 *m, uint8_t out[16])
{
	uint64_t bits = m->len * 8;
	uint8_t pad = 0x80, zero = 0, lenb[8];

	md5_add(m, &pad, 1);
	while (m->used != 56)
		md5_add(m, &zero, 1);
	for (int i = 0; i < 8; i++)
		lenb[i] = (uint8_t)(bits >> (8 * i));
	md5_add(m, lenb, 8);
	for (int i = 0; i < 4; i++)
		for (int j = 0; j < 4; j++)
			out[4 * i + j] = (uint8_t)(m->h[i] >> (8 * j));
}

void
cs_camsim_md5(const void *p, size_t n, uint8_t out[16])
{
	struct md5 m;

	md5_init(&m);
	md5_add(&m, p, n);
	md5_end(&m, out);
}

static void
hex(char *out, const uint8_t *p, size_t n)
{
	static const char x[] = "0123456789abcdef";

	for (size_t i = 0; i < n; i++) {
		out[2 * i] = x[p[i] >> 4];
		out[2 * i + 1] = x[p[i] & 15];
	}
	out[2 * n] = '\0';
}

/* MD5 over the pieces joined with ':' as 32 lower-case hex digits. */
static void
md5_hex_join(char out[33], const struct cs_span *v, size_t n)
{
	struct md5 m;
	uint8_t d[16];

	md5_init(&m);
	for (size_t i = 0; i < n; i++) {
		if (i > 0)
			md5_add(&m, ":", 1);
		md5_add(&m, v[i].p, v[i].n);
	}
	md5_end(&m, d);
	hex(out, d, 16);
}

static struct cs_span
cstr(const char *s)
{
	return cs_span_make(s, strlen(s));
}

void
cs_camsim_nonce(char out[33], const char *ip, time_t now, uint64_t secret)
{
	char t[9], sec[17], h[33];
	struct cs_span v[3];

	snprintf(t, sizeof(t), "%08lx", (unsigned long)now & 0xffffffffUL);
	snprintf(sec, sizeof(sec), "%016llx", (unsigned long long)secret);
	v[0] = cstr(ip);
	v[1] = cstr(t);
	v[2] = cstr(sec);
	md5_hex_join(h, v, 3);
	memcpy(out, t, 8);
	memcpy(out + 8, h, 24);
	out[32] = '\0';
}

/*
 * Finds parameter name in a Digest credentials list ("Digest a=b,
 * c=\"d\"").  Quoted values may not contain quotes or backslashes (none
 * of the parameters checked here needs them).  Returns false if absent.
 */
static bool
param(struct cs_span s, const char *name, struct cs_span *val)
{
	size_t nl = strlen(name), i = 0;

	while (i < s.n) {
		size_t ks, ke, vs, ve;

		while (i < s.n && (s.p[i] == ' ' || s.p[i] == ',' ||
				   s.p[i] == '\t'))
			i++;
		ks = i;
		while (i < s.n && s.p[i] != '=' && s.p[i] != ',' &&
		       s.p[i] != ' ')
			i++;
		ke = i;
		if (i >= s.n || s.p[i] != '=') {
			continue;
		}
		i++;
		if (i < s.n && s.p[i] == '"') {
			vs = ++i;
			while (i < s.n && s.p[i] != '"')
				i++;
			if (i >= s.n)
				return false;
			ve = i++;
		} else {
			vs = i;
			while (i < s.n && s.p[i] != ',' && s.p[i] != ' ')
				i++;
			ve = i;
		}
		if (ke - ks == nl &&
		    cs_span_istarts(cs_span_make(s.p + ks, ke - ks), name)) {
			*val = cs_span_make(s.p + vs, ve - vs);
			return val->n <= PARAM_MAX &&
			       memchr(val->p, '\\', val->n) == NULL;
		}
	}
	return false;
}

static bool
span_is(struct cs_span a, const char *s)
{
	return a.n == strlen(s) && memcmp(a.p, s, a.n) == 0;
}

bool
cs_camsim_digest_ok(struct cs_span auth, struct cs_span method,
		    struct cs_span uri, const char *user,
		    const char *password, const char *realm, const char *ip,
		    time_t now, uint64_t secret)
{
	struct cs_span u, r, nonce, duri, resp, qop, nc, cnonce, alg;
	struct cs_span v[6];
	char ha1[33], ha2[33], want[33], fresh[33], t[9];
	long long issued;

	if (!cs_span_istarts(auth, "Digest "))
		return false;
	auth = cs_span_make(auth.p + 7, auth.n - 7);
	if (!param(auth, "username", &u) || !param(auth, "realm", &r) ||
	    !param(auth, "nonce", &nonce) || !param(auth, "uri", &duri) ||
	    !param(auth, "response", &resp))
		return false;
	if (param(auth, "algorithm", &alg) && !cs_span_ieq(alg, "MD5"))
		return false;
	if (!span_is(u, user) || !span_is(r, realm) || nonce.n != 32 ||
	    duri.n != uri.n || memcmp(duri.p, uri.p, uri.n) != 0 ||
	    resp.n != 32)
		return false;
	/* The nonce must be ours and fresh. */
	memcpy(t, nonce.p, 8);
	t[8] = '\0';
	for (int i = 0; i < 8; i++)
		if (!((t[i] >= '0' && t[i] <= '9') || (t[i] >= 'a' && t[i] <= 'f')))
			return false;
	issued = 0;
	for (int i = 0; i < 8; i++)
		issued = issued * 16 + (t[i] <= '9' ? t[i] - '0' : t[i] - 'a' + 10);
	if ((long long)((unsigned long)now & 0xffffffffUL) - issued < 0 ||
	    (long long)((unsigned long)now & 0xffffffffUL) - issued > NONCE_TTL)
		return false;
	cs_camsim_nonce(fresh, ip, (time_t)issued, secret);
	if (memcmp(fresh, nonce.p, 32) != 0)
		return false;
	v[0] = cstr(user);
	v[1] = cstr(realm);
	v[2] = cstr(password);
	md5_hex_join(ha1, v, 3);
	v[0] = method;
	v[1] = uri;
	md5_hex_join(ha2, v, 2);
	v[0] = cs_span_make(ha1, 32);
	v[1] = nonce;
	if (param(auth, "qop", &qop)) {
		if (!span_is(qop, "auth") || !param(auth, "nc", &nc) ||
		    !param(auth, "cnonce", &cnonce))
			return false;
		v[2] = nc;
		v[3] = cnonce;
		v[4] = qop;
		v[5] = cs_span_make(ha2, 32);
		md5_hex_join(want, v, 6);
	} else {
		v[2] = cs_span_make(ha2, 32);
		md5_hex_join(want, v, 3);
	}
	for (size_t i = 0; i < 32; i++) {
		char c = (char)resp.p[i];
		if (c >= 'A' && c <= 'F')
			c = (char)(c - 'A' + 'a');
		if (c != want[i])
			return false;
	}
	return true;
}
