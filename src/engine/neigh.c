/* SPDX-License-Identifier: ISC */
/* The /proc/net/arp parser and reader; see neigh.h. */
#include "engine/neigh.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/cs.h"
#include "core/str.h"
#include "core/poison.h"

#define NFIELDS 6

/* Parses "0x" followed by 1-8 hex digits. */
static int
parse_hex(struct cs_span s, unsigned *out)
{
	unsigned v = 0;

	if (s.n < 3 || s.n > 10 || s.p[0] != '0' || (s.p[1] | 0x20) != 'x')
		return CS_EPROTO;
	for (size_t i = 2; i < s.n; i++) {
		int h = cs_hexval(s.p[i]);

		if (h < 0)
			return CS_EPROTO;
		v = v << 4 | (unsigned)h;
	}
	*out = v;
	return 0;
}

/* Parses a strict dotted quad (no leading '+', 1-3 digits a part). */
static int
parse_ip(struct cs_span s, uint32_t *out)
{
	uint32_t ip = 0;
	size_t i = 0;

	for (int part = 0; part < 4; part++) {
		unsigned v = 0, digits = 0;

		while (i < s.n && s.p[i] >= '0' && s.p[i] <= '9' &&
		       digits < 4) {
			v = v * 10 + (unsigned)(s.p[i] - '0');
			digits++;
			i++;
		}
		if (digits == 0 || digits > 3 || v > 255)
			return CS_EPROTO;
		ip = ip << 8 | v;
		if (part < 3) {
			if (i >= s.n || s.p[i] != '.')
				return CS_EPROTO;
			i++;
		}
	}
	if (i != s.n)
		return CS_EPROTO;
	*out = ip;
	return 0;
}

/* Parses aa:bb:cc:dd:ee:ff exactly. */
static int
parse_mac(struct cs_span s, uint8_t mac[6])
{
	if (s.n != 17)
		return CS_EPROTO;
	for (size_t k = 0; k < 6; k++) {
		int hi = cs_hexval(s.p[k * 3]), lo = cs_hexval(s.p[k * 3 + 1]);

		if (hi < 0 || lo < 0 || (k < 5 && s.p[k * 3 + 2] != ':'))
			return CS_EPROTO;
		mac[k] = (uint8_t)(hi << 4 | lo);
	}
	return 0;
}

int
cs_neigh_parse_line(const uint8_t *p, size_t n, struct cs_neigh *out)
{
	struct cs_span f[NFIELDS];
	size_t nf = 0, i = 0;
	unsigned hw, flags;
	bool zero = true;

	if (n > CS_NEIGH_LINE_MAX)
		return CS_ELIMIT;
	while (i < n) {
		size_t start;

		while (i < n && (p[i] == ' ' || p[i] == '\t' || p[i] == '\r'))
			i++;
		if (i >= n)
			break;
		start = i;
		while (i < n && p[i] != ' ' && p[i] != '\t' && p[i] != '\r')
			i++;
		if (nf >= 1 && cs_span_istarts(f[0], "IP"))
			return CS_ENOTFOUND; /* the header line */
		if (nf >= NFIELDS)
			return CS_EPROTO;
		f[nf].p = p + start;
		f[nf].n = i - start;
		nf++;
	}
	if (nf != NFIELDS)
		return CS_EPROTO;
	memset(out, 0, sizeof(*out));
	if (parse_ip(f[0], &out->ip) != 0 || parse_hex(f[1], &hw) != 0 ||
	    parse_hex(f[2], &flags) != 0 || parse_mac(f[3], out->mac) != 0)
		return CS_EPROTO;
	if (f[5].n >= sizeof(out->dev))
		return CS_ELIMIT;
	cs_span_copy(out->dev, sizeof(out->dev), f[5]);
	for (size_t k = 0; k < 6; k++)
		zero = zero && out->mac[k] == 0;
	if (hw != 1 || !(flags & 0x2) || zero || (out->mac[0] & 1))
		return CS_ENOTFOUND;
	return 0;
}

int
cs_neigh_find(const uint8_t *p, size_t n, const char *dev, uint32_t ip,
	      uint8_t mac[6])
{
	size_t i = 0;

	while (i < n) {
		const uint8_t *nl = memchr(p + i, '\n', n - i);
		size_t len = nl ? (size_t)(nl - (p + i)) : n - i;
		struct cs_neigh e;

		if (cs_neigh_parse_line(p + i, len, &e) == 0 && e.ip == ip &&
		    (dev == NULL || *dev == '\0' || strcmp(dev, e.dev) == 0)) {
			memcpy(mac, e.mac, 6);
			return 0;
		}
		i += len + 1;
	}
	return CS_ENOTFOUND;
}

int
cs_neigh_lookup(const char *path, const char *dev, uint32_t ip, uint8_t mac[6])
{
	FILE *f = fopen(path ? path : "/proc/net/arp", "r");
	uint8_t *buf;
	size_t n;
	int rc;

	if (f == NULL)
		return CS_EIO;
	buf = malloc(CS_NEIGH_FILE_MAX);
	if (buf == NULL) {
		fclose(f);
		return CS_ENOMEM;
	}
	n = fread(buf, 1, CS_NEIGH_FILE_MAX, f);
	fclose(f);
	rc = cs_neigh_find(buf, n, dev, ip, mac);
	free(buf);
	return rc;
}
