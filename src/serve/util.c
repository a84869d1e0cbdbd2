/* SPDX-License-Identifier: ISC */
/* The server's pure helpers (serve.h): page size, cursors, ETags, the
 * Bearer token, cookies and the listen address. */
#include "serve/serve.h"

#include <arpa/inet.h>
#include <openssl/evp.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "core/cs.h"
#include "core/str.h"
#include "core/poison.h"

int
cs_serve_parse_limit(const char *v, unsigned *out)
{
	unsigned long n = 0;
	size_t len;

	if (v == NULL) {
		*out = CS_SERVE_LIMIT_DEFAULT;
		return 0;
	}
	len = strlen(v);
	if (len == 0 || len > 9)
		return CS_EINVAL;
	for (size_t i = 0; i < len; i++) {
		if (v[i] < '0' || v[i] > '9')
			return CS_EINVAL;
		n = n * 10 + (unsigned long)(v[i] - '0');
	}
	if (n == 0)
		return CS_EINVAL;
	*out = n > CS_SERVE_LIMIT_MAX ? CS_SERVE_LIMIT_MAX : (unsigned)n;
	return 0;
}

static const char hexd[] = "0123456789abcdef";

void
cs_serve_cursor_make(const char *kind, int64_t id, char buf[65])
{
	char plain[33];
	size_t n;

	n = (size_t)snprintf(plain, sizeof(plain), "c1.%.8s.%" PRId64, kind,
			     id);
	if (n >= sizeof(plain))
		n = sizeof(plain) - 1;
	for (size_t i = 0; i < n; i++) {
		buf[2 * i] = hexd[(unsigned char)plain[i] >> 4];
		buf[2 * i + 1] = hexd[(unsigned char)plain[i] & 15];
	}
	buf[2 * n] = '\0';
}

int
cs_serve_cursor_parse(const char *kind, const char *s, int64_t *id)
{
	char plain[33], want[16];
	size_t n = s != NULL ? strlen(s) : 0, k;
	long long v;

	if (n == 0 || n % 2 != 0 || n / 2 >= sizeof(plain))
		return CS_EINVAL;
	for (size_t i = 0; i < n / 2; i++) {
		int hi = cs_hexval(s[2 * i]), lo = cs_hexval(s[2 * i + 1]);
		if (hi < 0 || lo < 0 || (s[2 * i] >= 'A' && s[2 * i] <= 'F') ||
		    (s[2 * i + 1] >= 'A' && s[2 * i + 1] <= 'F'))
			return CS_EINVAL;
		plain[i] = (char)(hi << 4 | lo);
	}
	plain[n / 2] = '\0';
	k = (size_t)snprintf(want, sizeof(want), "c1.%.8s.", kind);
	if (k >= sizeof(want) || strncmp(plain, want, k) != 0 ||
	    plain[k] == '\0' || strlen(plain) != n / 2)
		return CS_EINVAL;
	for (const char *p = plain + k; *p != '\0'; p++)
		if ((*p < '0' || *p > '9') && !(p == plain + k && *p == '-'))
			return CS_EINVAL;
	if (cs_str_tonum(plain + k, INT64_MIN, INT64_MAX, &v) != 0)
		return CS_EINVAL;
	*id = (int64_t)v;
	return 0;
}

void
cs_serve_etag(const void *p, size_t n, char buf[40])
{
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned int mdlen = 0;

	/* OpenSSL's SHA-256 (SHA extensions where the CPU has them): every
	 * answer of the API is hashed */
	if (EVP_Digest(p, n, md, &mdlen, EVP_sha256(), NULL) != 1 || mdlen < 16)
		memset(md, 0, sizeof(md));
	buf[0] = '"';
	for (size_t i = 0; i < 16; i++) {
		buf[1 + 2 * i] = hexd[md[i] >> 4];
		buf[2 + 2 * i] = hexd[md[i] & 15];
	}
	buf[33] = '"';
	buf[34] = '\0';
}

bool
cs_serve_etag_match(const char *inm, const char *etag)
{
	const char *p = inm;
	const char *et = etag;
	size_t elen;

	if (inm == NULL || etag == NULL)
		return false;
	if (strncmp(et, "W/", 2) == 0)
		et += 2;
	elen = strlen(et);
	while (*p != '\0') {
		const char *start;
		size_t n;

		while (*p == ' ' || *p == '\t' || *p == ',')
			p++;
		if (*p == '\0')
			break;
		start = p;
		n = strcspn(p, ",");
		p += n;
		while (n > 0 && (start[n - 1] == ' ' || start[n - 1] == '\t'))
			n--;
		if (n == 1 && start[0] == '*')
			return true;
		if (n > 2 && strncmp(start, "W/", 2) == 0) {
			start += 2;
			n -= 2;
		}
		if (n == elen && memcmp(start, et, n) == 0)
			return true;
	}
	return false;
}

static bool
tok_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c == '-' || c == '_';
}

int
cs_serve_bearer(const char *h, char tok[129])
{
	size_t n;

	if (h == NULL || strncasecmp(h, "Bearer", 6) != 0 ||
	    (h[6] != ' ' && h[6] != '\t'))
		return CS_EINVAL;
	h += 6;
	while (*h == ' ' || *h == '\t')
		h++;
	for (n = 0; tok_char(h[n]); n++)
		if (n >= 128)
			return CS_EINVAL;
	if (n < 16 || n > 128)
		return CS_EINVAL;
	for (size_t i = n; h[i] != '\0'; i++)
		if (h[i] != ' ' && h[i] != '\t')
			return CS_EINVAL;
	memcpy(tok, h, n);
	tok[n] = '\0';
	return 0;
}

int
cs_serve_cookie_get(const char *h, const char *name, char *val, size_t valsz)
{
	size_t nl = strlen(name);

	if (h == NULL || valsz == 0)
		return CS_ENOTFOUND;
	while (*h != '\0') {
		size_t n;

		while (*h == ' ' || *h == ';')
			h++;
		n = strcspn(h, ";");
		if (n > nl && strncmp(h, name, nl) == 0 && h[nl] == '=') {
			size_t vl = n - nl - 1;
			if (vl >= valsz)
				return CS_ELIMIT;
			memcpy(val, h + nl + 1, vl);
			val[vl] = '\0';
			return 0;
		}
		h += n;
	}
	return CS_ENOTFOUND;
}

int
cs_serve_parse_listen(const char *s, char *addr, size_t addrsz, uint16_t *port,
		      bool *loopback)
{
	const char *colon;
	char host[64];
	size_t hn;
	long long p;
	struct in_addr a4;
	struct in6_addr a6;

	if (s == NULL)
		return CS_EINVAL;
	if (s[0] == '[') {
		const char *end = strchr(s, ']');
		if (end == NULL || end[1] != ':')
			return CS_EINVAL;
		hn = (size_t)(end - s - 1);
		if (hn == 0 || hn >= sizeof(host))
			return CS_EINVAL;
		memcpy(host, s + 1, hn);
		host[hn] = '\0';
		colon = end + 1;
		if (inet_pton(AF_INET6, host, &a6) != 1)
			return CS_EINVAL;
		*loopback = IN6_IS_ADDR_LOOPBACK(&a6);
	} else {
		colon = strrchr(s, ':');
		if (colon == NULL)
			return CS_EINVAL;
		hn = (size_t)(colon - s);
		if (hn >= sizeof(host))
			return CS_EINVAL;
		memcpy(host, s, hn);
		host[hn] = '\0';
		if (hn == 0)
			cs_strlcpy(host, "127.0.0.1", sizeof(host));
		if (inet_pton(AF_INET, host, &a4) != 1)
			return CS_EINVAL;
		*loopback = (ntohl(a4.s_addr) >> 24) == 127;
	}
	if (cs_str_tonum(colon + 1, 0, 65535, &p) != 0)
		return CS_EINVAL;
	if (cs_strlcpy(addr, host, addrsz) >= addrsz)
		return CS_EINVAL;
	*port = (uint16_t)p;
	return 0;
}
