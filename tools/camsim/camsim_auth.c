/* SPDX-License-Identifier: ISC */
/*
 * The server side of HTTP Digest authentication (RFC 7616 §3.4.1, MD5,
 * qop=auth), with libmd's MD5 as the client side uses.  See camsim_auth.h.
 */
#include "camsim_auth.h"

#include <md5.h>
#include <stdio.h>
#include <string.h>

#include "core/str.h"
#include "core/poison.h"

#define NONCE_TTL 600   /* seconds a nonce stays valid */
#define PARAM_MAX 256   /* bytes of one Authorization parameter */

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
	MD5_CTX m;
	uint8_t d[16];

	MD5Init(&m);
	for (size_t i = 0; i < n; i++) {
		if (i > 0)
			MD5Update(&m, (const uint8_t *)":", 1);
		MD5Update(&m, v[i].p, v[i].n);
	}
	MD5Final(d, &m);
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
