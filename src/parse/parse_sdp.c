/* SPDX-License-Identifier: ISC */
/* SDP session descriptions; see parse_sdp.h. */
#include "parse/parse_sdp.h"

#include <string.h>

#include "core/poison.h"

static int
sdp_line(struct cs_sdp *out, uint8_t type, struct cs_span v, bool first)
{
	if (first && type != 'v')
		return CS_EPROTO;
	switch (type) {
	case 'v':
		if (out->version.p == NULL)
			out->version = v;
		break;
	case 'o':
		if (out->origin.p == NULL)
			out->origin = v;
		break;
	case 's':
		if (out->session.p == NULL)
			out->session = v;
		break;
	case 'i':
		if (out->info.p == NULL)
			out->info = v;
		break;
	case 'a':
		if (out->nattr >= CS_NELEM(out->attr))
			return CS_ELIMIT;
		out->attr[out->nattr++] = v;
		break;
	case 'm':
		if (out->nmedia >= CS_NELEM(out->media))
			return CS_ELIMIT;
		out->media[out->nmedia++] = v;
		break;
	default:
		break;
	}
	return 0;
}

int
cs_sdp_parse(const uint8_t *p, size_t n, struct cs_sdp *out)
{
	size_t off = 0;
	bool first = true;

	memset(out, 0, sizeof(*out));
	if (n > CS_SDP_MAX)
		return CS_ELIMIT;
	while (off < n) {
		size_t s = off, e;
		int rc;

		while (off < n && p[off] != '\n') {
			if (p[off] == '\0')
				return CS_EPROTO;
			if (p[off] == '\r' && off + 1 < n && p[off + 1] != '\n')
				return CS_EPROTO;
			off++;
		}
		e = off;
		if (off < n)
			off++; /* the LF */
		if (e > s && p[e - 1] == '\r')
			e--;
		if (e == s)
			continue;
		if (e - s < 2 || p[s] < 'a' || p[s] > 'z' || p[s + 1] != '=')
			return CS_EPROTO;
		rc = sdp_line(out, p[s], cs_span_make(p + s + 2, e - s - 2),
			      first);
		if (rc != 0)
			return rc;
		first = false;
	}
	return first ? CS_EPROTO : 0;
}
