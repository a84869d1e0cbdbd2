/* SPDX-License-Identifier: ISC */
/* The /proc/net/arp parser and reader; see neigh.h. */
#include "engine/neigh.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/addr.h"
#include "core/cs.h"
#include "core/str.h"
#include "core/text.h"
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
	if (cs_ipv4_parse(f[0], 0, &out->ip) != 0 ||
	    parse_hex(f[1], &hw) != 0 || parse_hex(f[2], &flags) != 0 ||
	    cs_hwaddr_parse(f[3], CS_HWADDR_COLON, out->mac) != 0)
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
	struct cs_buf b;
	int rc;

	cs_buf_init(&b, CS_NEIGH_FILE_MAX);
	rc = cs_file_read(path ? path : "/proc/net/arp", CS_NEIGH_FILE_MAX, &b,
			  NULL);
	/* A table longer than the cap is looked up in its first part. */
	if (rc == 0 || rc == CS_ELIMIT)
		rc = cs_neigh_find(b.p ? b.p : (const uint8_t *)"", b.len, dev,
				   ip, mac);
	cs_buf_free(&b);
	return rc;
}
