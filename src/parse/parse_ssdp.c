/* SPDX-License-Identifier: ISC */
/* SSDP messages; see parse_ssdp.h. */
#include "parse/parse_ssdp.h"

#include <string.h>

#include "core/str.h"
#include "core/poison.h"

/*
 * Splits off the next line at *off: returns 1 and the line without its
 * end, 0 at the end of input, or CS_EPROTO for a CR without LF or a NUL.
 */
static int
next_line(const uint8_t *p, size_t n, size_t *off, struct cs_span *line)
{
	size_t s = *off, i = *off;

	if (i >= n)
		return 0;
	while (i < n && p[i] != '\n') {
		if (p[i] == '\0')
			return CS_EPROTO;
		if (p[i] == '\r' && (i + 1 >= n || p[i + 1] != '\n'))
			return CS_EPROTO;
		i++;
	}
	*line = cs_span_make(p + s, i - s);
	if (line->n && line->p[line->n - 1] == '\r')
		line->n--;
	*off = i < n ? i + 1 : n;
	return 1;
}

static int
start_line(struct cs_span l, struct cs_ssdp *out)
{
	if (cs_span_istarts(l, "HTTP/1.")) {
		uint64_t st;

		if (l.n < 12 || l.p[8] != ' ' ||
		    cs_span_u64(cs_span_make(l.p + 9, 3), 999, &st) != 0 ||
		    st < 100 || (l.n > 12 && l.p[12] != ' '))
			return CS_EPROTO;
		out->kind = CS_SSDP_RESPONSE;
		out->status = (int)st;
		return 0;
	}
	if (cs_span_istarts(l, "NOTIFY ")) {
		out->kind = CS_SSDP_NOTIFY;
	} else if (cs_span_istarts(l, "M-SEARCH ")) {
		out->kind = CS_SSDP_MSEARCH;
	} else {
		return CS_EPROTO;
	}
	if (cs_span_find(l, " HTTP/1.", 8, true) < 0)
		return CS_EPROTO;
	return 0;
}

int
cs_ssdp_parse(const uint8_t *p, size_t n, struct cs_ssdp *out)
{
	static const struct {
		const char *name;
		size_t off;
	} known[] = {
	    {"server", offsetof(struct cs_ssdp, server)},
	    {"st", offsetof(struct cs_ssdp, st)},
	    {"nt", offsetof(struct cs_ssdp, nt)},
	    {"nts", offsetof(struct cs_ssdp, nts)},
	    {"usn", offsetof(struct cs_ssdp, usn)},
	    {"location", offsetof(struct cs_ssdp, location)},
	};
	struct cs_span line;
	size_t off = 0;
	int rc;

	memset(out, 0, sizeof(*out));
	if (n > CS_SSDP_MAX)
		return CS_ELIMIT;
	rc = next_line(p, n, &off, &line);
	if (rc <= 0)
		return CS_EPROTO;
	if ((rc = start_line(line, out)) != 0)
		return rc;
	while ((rc = next_line(p, n, &off, &line)) == 1) {
		struct cs_span name, value;
		const uint8_t *colon;

		if (line.n == 0)
			break; /* end of head */
		colon = memchr(line.p, ':', line.n);
		if (colon == NULL)
			return CS_EPROTO;
		name = cs_span_trim(
		    cs_span_make(line.p, (size_t)(colon - line.p)));
		value = cs_span_trim(cs_span_make(
		    colon + 1, line.n - (size_t)(colon - line.p) - 1));
		if (name.n == 0)
			return CS_EPROTO;
		if (out->nhdr >= CS_SSDP_HDR_MAX)
			return CS_ELIMIT;
		out->hdr[out->nhdr].name = name;
		out->hdr[out->nhdr].value = value;
		out->nhdr++;
		for (size_t i = 0; i < CS_NELEM(known); i++) {
			struct cs_span *f =
			    (struct cs_span *)((char *)out + known[i].off);

			if (f->p == NULL && cs_span_ieq(name, known[i].name))
				*f = value;
		}
	}
	return rc < 0 ? rc : 0;
}
