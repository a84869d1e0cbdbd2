/* SPDX-License-Identifier: ISC */
/*
 * 360 Vision Technology discovery, UDP 3600 (discovery-protocols.md §9).
 * Layout from one reverse-engineered implementation (UniversalScanner
 * 360Vision.cs): ASSUMED.
 *
 * Inquiry: "DISCOVER" and a line feed.  Reply: one text line of
 * space-separated KEY=value pairs, values maybe in '...' or "..."; TYPE
 * (the product, taken as model) and KEY (a unique identifier, taken as
 * serial) are known.  No MAC or firmware key is known.
 */
#include <string.h>

#include "core/str.h"
#include "parse/parse_vdisc.h"
#include "core/poison.h"

#define MAX_PAIRS 32

int
cs_vd_v360_parse(const uint8_t *p, size_t n, struct cs_vdisc *out)
{
	size_t i = 0;
	unsigned pairs = 0;
	bool known = false;

	memset(out, 0, sizeof(*out));
	if (n >= 8 && memcmp(p, "DISCOVER", 8) == 0) {
		struct cs_span rest = cs_span_trim(cs_span_make(p + 8, n - 8));

		out->msg = rest.n == 0 ? CS_VD_INQUIRY : CS_VD_OTHER;
		return 0;
	}
	while (i < n && p[i] != '\n' && pairs < MAX_PAIRS) {
		size_t ks, ke, vs, ve;
		uint8_t q = 0;
		struct cs_span k;

		while (i < n && (p[i] == ' ' || p[i] == '\t' || p[i] == '\r'))
			i++;
		ks = i;
		while (i < n && p[i] != '=' && p[i] != ' ' && p[i] != '\n')
			i++;
		ke = i;
		if (i >= n || p[i] != '=' || ke == ks) {
			if (i < n && p[i] != '\n')
				i++;
			continue;
		}
		i++;
		if (i < n && (p[i] == '\'' || p[i] == '"'))
			q = p[i++];
		vs = i;
		while (i < n && p[i] != '\n' && p[i] != '\r' &&
		       (q ? p[i] != q : p[i] != ' '))
			i++;
		ve = i;
		if (q && i < n && p[i] == q)
			i++;
		else if (q)
			out->truncated = true; /* the quote never closed */
		pairs++;
		k = cs_span_make(p + ks, ke - ks);
		if (cs_span_ieq(k, "TYPE")) {
			cs_vd_text(out->model, sizeof(out->model), p + vs,
				   ve - vs);
			known = true;
		} else if (cs_span_ieq(k, "KEY")) {
			cs_vd_text(out->serial, sizeof(out->serial), p + vs,
				   ve - vs);
			known = true;
		}
	}
	if (!known)
		return CS_EPROTO;
	out->msg = CS_VD_REPLY;
	return 0;
}
