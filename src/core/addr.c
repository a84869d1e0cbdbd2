/* SPDX-License-Identifier: ISC */
/* Address and port-list parsers (see addr.h). */
#include "core/addr.h"

#include <string.h>
#include <arpa/inet.h>

#include "core/str.h"
#include "core/poison.h"

int
cs_ip_family(const char *s, uint8_t out[16])
{
	uint8_t b[16];

	if (out == NULL)
		out = b;
	if (s == NULL)
		return 0;
	if (inet_pton(AF_INET, s, out) == 1)
		return 4;
	if (inet_pton(AF_INET6, s, out) == 1)
		return 6;
	return 0;
}

int
cs_ipv4_parse(struct cs_span s, unsigned flags, uint32_t *out)
{
	uint32_t a = 0;
	size_t i = 0;

	for (int part = 0; part < 4; part++) {
		size_t st = i;
		unsigned v = 0;

		while (i < s.n && i - st < 3 && s.p[i] >= '0' && s.p[i] <= '9')
			v = v * 10 + (unsigned)(s.p[i++] - '0');
		if (i == st || v > 255)
			return CS_EINVAL;
		if ((flags & CS_IPV4_NO_LEADING_ZERO) && i - st > 1 &&
		    s.p[st] == '0')
			return CS_EINVAL;
		a = a << 8 | v;
		if (part < 3) {
			if (i >= s.n || s.p[i] != '.')
				return CS_EINVAL;
			i++;
		}
	}
	if (i != s.n)
		return CS_EINVAL;
	*out = a;
	return 0;
}

int
cs_cidr4_parse(struct cs_span s, unsigned flags, uint32_t *net, unsigned *plen)
{
	long slash = cs_span_find(s, "/", 1, false);
	uint64_t len = 32;
	uint32_t a;

	if (slash < 0 && !(flags & CS_CIDR_BARE))
		return CS_EINVAL;
	if (slash >= 0) {
		struct cs_span l =
		    cs_span_make(s.p + slash + 1, s.n - (size_t)slash - 1);

		if (l.n > 2 || cs_span_u64(l, 32, &len) != 0)
			return CS_ELIMIT;
		s.n = (size_t)slash;
	}
	if (cs_ipv4_parse(s, flags, &a) != 0)
		return CS_EINVAL;
	if ((flags & CS_CIDR_EXACT) && (a & ~cs_cidr4_mask((unsigned)len)))
		return CS_EINVAL;
	*net = a & cs_cidr4_mask((unsigned)len);
	*plen = (unsigned)len;
	return 0;
}

int
cs_cidr6_parse(struct cs_span s, unsigned flags, uint8_t net[16],
	       unsigned *plen)
{
	long slash = cs_span_find(s, "/", 1, false);
	char text[CS_CIDR6_ADDR_MAX + 1];
	uint8_t a[16];
	uint64_t len = 128;
	unsigned host = 0;

	if (slash < 0 && !(flags & CS_CIDR_BARE))
		return CS_EINVAL;
	if (slash >= 0) {
		struct cs_span l =
		    cs_span_make(s.p + slash + 1, s.n - (size_t)slash - 1);

		if (l.n > 3 || cs_span_u64(l, 128, &len) != 0)
			return CS_ELIMIT;
		s.n = (size_t)slash;
	}
	/* inet_pton reads to a NUL: copy the span, refusing NUL itself. */
	if (s.n == 0 || s.n > CS_CIDR6_ADDR_MAX || memchr(s.p, '\0', s.n))
		return CS_EINVAL;
	memcpy(text, s.p, s.n);
	text[s.n] = '\0';
	if (inet_pton(AF_INET6, text, a) != 1)
		return CS_EINVAL;
	for (unsigned bit = (unsigned)len; bit < 128; bit++) {
		uint8_t m = (uint8_t)(0x80u >> (bit % 8));

		host |= a[bit / 8] & m;
		a[bit / 8] &= (uint8_t)~m;
	}
	if (host != 0 && (flags & CS_CIDR_EXACT))
		return CS_EINVAL;
	memcpy(net, a, 16);
	*plen = (unsigned)len;
	return 0;
}

int
cs_hwaddr_parse(struct cs_span s, unsigned flags, uint8_t mac[6])
{
	uint8_t grp[12];  /* digits per group */
	unsigned val[12]; /* value per group */
	size_t ng = 0, digits = 0;
	uint8_t sep = 0;

	s = cs_span_trim(s);
	if (s.n == 0 || s.n > 17)
		return CS_EINVAL;
	memset(grp, 0, sizeof(grp));
	memset(val, 0, sizeof(val));
	for (size_t i = 0; i < s.n; i++) {
		uint8_t c = s.p[i];
		int v = cs_hexval(c);

		if (v >= 0) {
			if (++digits > 12)
				return CS_EINVAL;
			grp[ng]++;
			val[ng] = (val[ng] << 4 | (unsigned)v) & 0xffff;
			continue;
		}
		if (c != ':' && c != '-' && c != '.' &&
		    !(c == ' ' && (flags & CS_HWADDR_LOOSE)))
			return CS_EINVAL;
		if (sep == 0)
			sep = c;
		/* One kind of separator, never two in a row (::). */
		if (c != sep || grp[ng] == 0 || ng + 1 >= CS_NELEM(grp))
			return CS_EINVAL;
		ng++;
	}
	if (grp[ng] == 0)
		return CS_EINVAL;
	ng++;
	if ((flags & CS_HWADDR_COLON) && sep != ':')
		return CS_EINVAL;
	if (sep == 0) {
		if (digits != 12)
			return CS_EINVAL;
		for (size_t i = 0; i < 6; i++)
			mac[i] = (uint8_t)(cs_hexval(s.p[2 * i]) << 4 |
					   cs_hexval(s.p[2 * i + 1]));
		return 0;
	}
	if (sep == '.') {
		/* Cisco: three groups of four digits. */
		if (ng != 3)
			return CS_EINVAL;
		for (size_t i = 0; i < 3; i++) {
			if (grp[i] != 4)
				return CS_EINVAL;
			mac[2 * i] = (uint8_t)(val[i] >> 8);
			mac[2 * i + 1] = (uint8_t)(val[i] & 0xff);
		}
		return 0;
	}
	/* Six groups of two digits; loose: of one or two after ':'. */
	if (ng != 6)
		return CS_EINVAL;
	for (size_t i = 0; i < 6; i++) {
		if (grp[i] > 2 ||
		    (grp[i] != 2 && !(sep == ':' && (flags & CS_HWADDR_LOOSE) &&
				      !(flags & CS_HWADDR_COLON))))
			return CS_EINVAL;
		mac[i] = (uint8_t)val[i];
	}
	return 0;
}

/* A port 1..65535 of 1 to 5 digits filling all of s. */
static int
port_parse(struct cs_span s, uint16_t *out)
{
	uint64_t v;

	if (s.n == 0 || s.n > 5 || cs_span_u64(s, 65535, &v) != 0 || v == 0)
		return CS_EINVAL;
	*out = (uint16_t)v;
	return 0;
}

int
cs_ports_parse(struct cs_span s, unsigned flags, uint16_t *out, size_t cap)
{
	uint8_t seen[65536 / 8];
	size_t n = 0, i = 0;

	if ((flags & CS_PORTS_TCP_PREFIX) && s.n >= 2 && s.p[0] == 'T' &&
	    s.p[1] == ':') {
		s.p += 2;
		s.n -= 2;
	}
	if (s.n == 0)
		return CS_EINVAL;
	memset(seen, 0, sizeof(seen));
	while (i <= s.n) {
		size_t st = i;
		long dash;
		struct cs_span item;
		uint16_t lo, hi;

		while (i < s.n && s.p[i] != ',')
			i++;
		item = cs_span_make(s.p + st, i - st);
		dash = cs_span_find(item, "-", 1, false);
		if (dash < 0) {
			if (port_parse(item, &lo) != 0)
				return CS_EINVAL;
			hi = lo;
		} else if (port_parse(cs_span_make(item.p, (size_t)dash),
				      &lo) != 0 ||
			   port_parse(cs_span_make(item.p + dash + 1,
						   item.n - (size_t)dash - 1),
				      &hi) != 0 ||
			   hi < lo) {
			return CS_EINVAL;
		}
		for (uint32_t p = lo; p <= hi; p++) {
			if (seen[p / 8] & (1u << (p % 8))) {
				if (flags & CS_PORTS_REPEAT_OK)
					continue;
				return CS_EINVAL;
			}
			if (n >= cap)
				return CS_ELIMIT;
			seen[p / 8] |= (uint8_t)(1u << (p % 8));
			out[n++] = (uint16_t)p;
		}
		i++; /* past the ',' (or the end) */
	}
	return (int)n;
}

void
cs_hwaddr_format(const uint8_t mac[6], char out[18])
{
	static const char hex[] = "0123456789abcdef";

	for (size_t i = 0; i < 6; i++) {
		out[3 * i] = hex[mac[i] >> 4];
		out[3 * i + 1] = hex[mac[i] & 15];
		out[3 * i + 2] = i < 5 ? ':' : '\0';
	}
}
