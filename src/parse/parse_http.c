/* SPDX-License-Identifier: ISC */
/* HTTP/RTSP response heads, chunked bodies, auth and HTML helpers. */
#include "parse/parse_http.h"

#include <string.h>

#include "core/str.h"
#include "core/poison.h"

static struct cs_span
span_between(const uint8_t *a, const uint8_t *b)
{
	return cs_span_make(a, (size_t)(b - a));
}

static bool
is_ws(uint8_t c)
{
	return c == ' ' || c == '\t';
}

static bool
is_tchar(uint8_t c)
{
	if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
	    (c >= 'A' && c <= 'Z'))
		return true;
	return c != 0 && strchr("!#$%&'*+-.^_`|~", c) != NULL;
}

/* Whitespace inside HTML and scripts, where line breaks count too. */
static bool
is_lws(uint8_t c)
{
	return is_ws(c) || c == '\r' || c == '\n';
}

/*
 * Takes the next line of b starting at *off, without its LF or CRLF.
 * A CR or NUL inside the line is kept as data (embedded devices send
 * both); a line longer than
 * CS_HTTP_LINE_MAX is CS_ELIMIT; no LF yet is CS_ETRUNC.
 */
static int
next_line(struct cs_span b, size_t *off, struct cs_span *line)
{
	size_t i, end;

	for (i = *off; i < b.n && b.p[i] != '\n'; i++) {
		if (i - *off > CS_HTTP_LINE_MAX)
			return CS_ELIMIT;
	}
	if (i >= b.n)
		return CS_ETRUNC;
	end = i;
	if (end > *off && b.p[end - 1] == '\r')
		end--;
	if (end - *off > CS_HTTP_LINE_MAX)
		return CS_ELIMIT;
	*line = cs_span_make(b.p + *off, end - *off);
	*off = i + 1;
	return 0;
}

static int
parse_status(struct cs_span l, struct cs_http_resp *out)
{
	size_t i = 0;
	uint64_t v;

	while (i < l.n && l.p[i] != ' ')
		i++;
	out->proto = cs_span_make(l.p, i);
	if (i < 6 || i > 16 ||
	    (!cs_span_istarts(out->proto, "HTTP/") &&
	     !cs_span_istarts(out->proto, "RTSP/")))
		return CS_EPROTO;
	while (i < l.n && l.p[i] == ' ')
		i++;
	if (l.n - i < 3 ||
	    cs_span_u64(cs_span_make(l.p + i, 3), 999, &v) != 0 || v < 100)
		return CS_EPROTO;
	out->status = (int)v;
	i += 3;
	if (i < l.n && !is_ws(l.p[i]))
		return CS_EPROTO;
	out->reason = cs_span_trim(cs_span_make(l.p + i, l.n - i));
	return 0;
}

static int
parse_field(struct cs_span l, struct cs_http_resp *out)
{
	const uint8_t *colon;
	struct cs_span name;

	if (is_ws(l.p[0])) {
		/* Obsolete folding: extend the previous value. */
		struct cs_hdr *h;

		if (out->nhdr == 0) {
			out->bad_lines++;
			return 0;
		}
		h = &out->hdr[out->nhdr - 1];
		h->value = cs_span_trim(
		    span_between(h->value.n ? h->value.p : l.p, l.p + l.n));
		return 0;
	}
	if (out->nhdr >= CS_HTTP_HDR_MAX)
		return CS_ELIMIT;
	/* Embedded devices send odd lines; a line that is not a field is
	 * skipped and counted rather than costing the whole head (RFC 9112
	 * section 2.2 leaves recovery to the recipient). */
	colon = memchr(l.p, ':', l.n);
	if (colon == NULL) {
		out->bad_lines++;
		return 0;
	}
	name = cs_span_trim(span_between(l.p, colon));
	for (size_t i = 0; i < name.n; i++)
		if (!is_tchar(name.p[i]))
			name.n = 0;
	if (name.n == 0) {
		out->bad_lines++;
		return 0;
	}
	out->hdr[out->nhdr].name = name;
	out->hdr[out->nhdr].value =
	    cs_span_trim(span_between(colon + 1, l.p + l.n));
	out->nhdr++;
	return 0;
}

static int
parse_head(const uint8_t *p, size_t n, struct cs_http_resp *out)
{
	struct cs_span b = cs_span_make(p, CS_MIN(n, CS_HTTP_HEAD_MAX));
	size_t off = 0, k = CS_MIN(n, 5);
	bool first = true;

	if (memcmp(p, "HTTP/", k) != 0 && memcmp(p, "RTSP/", k) != 0)
		return CS_EPROTO;
	for (;;) {
		struct cs_span l;
		int rc = next_line(b, &off, &l);

		if (rc == CS_ETRUNC && n >= CS_HTTP_HEAD_MAX)
			return CS_ELIMIT;
		if (rc != 0)
			return rc;
		if (first) {
			if ((rc = parse_status(l, out)) != 0)
				return rc;
			first = false;
			continue;
		}
		if (l.n == 0)
			break;
		if ((rc = parse_field(l, out)) != 0)
			return rc;
	}
	out->head_len = off;
	return 0;
}

/*
 * Walks a chunked body.  With out != NULL copies the data.  *used is
 * set to the bytes of b consumed when the whole body was seen.
 */
static int
chunk_walk(struct cs_span b, uint8_t *out, size_t outcap, size_t *outlen,
	   size_t *used)
{
	size_t off = 0;

	*outlen = 0;
	for (;;) {
		struct cs_span l;
		size_t i = 0, sz = 0, avail;
		int rc;

		if ((rc = next_line(b, &off, &l)) != 0)
			return rc == CS_ELIMIT ? CS_EPROTO : rc;
		for (; i < l.n && cs_hexval(l.p[i]) >= 0; i++) {
			if (sz > (SIZE_MAX >> 8))
				return CS_EPROTO;
			sz = sz << 4 | (size_t)cs_hexval(l.p[i]);
		}
		if (i == 0)
			return CS_EPROTO;
		while (i < l.n && is_ws(l.p[i]))
			i++;
		if (i < l.n && l.p[i] != ';')
			return CS_EPROTO;
		if (sz == 0)
			break;
		avail = b.n - off;
		if (out != NULL && outcap - *outlen < CS_MIN(sz, avail))
			return CS_ELIMIT;
		if (out != NULL)
			memcpy(out + *outlen, b.p + off, CS_MIN(sz, avail));
		*outlen += CS_MIN(sz, avail);
		if (sz >= avail)
			return CS_ETRUNC;
		off += sz;
		if (b.p[off] == '\r') {
			if (++off == b.n)
				return CS_ETRUNC;
		}
		if (b.p[off] != '\n')
			return CS_EPROTO;
		off++;
	}
	/* Trailer section, ended by an empty line. */
	for (;;) {
		struct cs_span l;
		int rc;

		if ((rc = next_line(b, &off, &l)) != 0)
			return rc == CS_ELIMIT ? CS_EPROTO : rc;
		if (l.n == 0)
			break;
	}
	*used = off;
	return 0;
}

static int
frame_body(const uint8_t *p, size_t n, struct cs_http_resp *out, int *chunk_rc)
{
	struct cs_span rest =
	    cs_span_make(p + out->head_len, n - out->head_len);
	bool rtsp = cs_span_istarts(out->proto, "RTSP/");
	bool have_cl = false;
	uint64_t cl = 0;

	*chunk_rc = 0;
	for (size_t i = 0; i < out->nhdr; i++) {
		const struct cs_hdr *h = &out->hdr[i];

		if (cs_span_ieq(h->name, "Content-Length")) {
			uint64_t v;

			if (cs_span_u64(h->value, SIZE_MAX, &v) != 0 ||
			    (have_cl && v != cl))
				return CS_EPROTO;
			cl = v;
			have_cl = true;
		} else if (cs_span_ieq(h->name, "Transfer-Encoding")) {
			struct cs_span v = h->value;
			const uint8_t *c = v.p;

			for (size_t j = 0; j < v.n; j++)
				if (v.p[j] == ',')
					c = v.p + j + 1;
			v = cs_span_trim(span_between(c, v.p + v.n));
			out->chunked = cs_span_ieq(v, "chunked");
		}
	}
	if (!rtsp &&
	    (out->status < 200 || out->status == 204 || out->status == 304)) {
		out->body = cs_span_make(rest.p, 0);
		out->complete = true;
	} else if (out->chunked && !rtsp) {
		size_t used = 0, got;

		*chunk_rc = chunk_walk(rest, NULL, 0, &got, &used);
		out->complete = *chunk_rc == 0;
		out->body = out->complete ? cs_span_make(rest.p, used) : rest;
	} else if (have_cl) {
		out->complete = rest.n >= cl;
		out->body = cs_span_make(rest.p, out->complete ? cl : rest.n);
	} else if (rtsp) {
		out->body = cs_span_make(rest.p, 0);
		out->complete = true;
	} else {
		out->body = rest;
		out->complete = false;
	}
	return 0;
}

int
cs_http_parse_response(const uint8_t *p, size_t n, struct cs_http_resp *out)
{
	int rc, chunk_rc;

	memset(out, 0, sizeof(*out));
	if (n == 0)
		return CS_ETRUNC;
	if ((rc = parse_head(p, n, out)) != 0)
		return rc;
	return frame_body(p, n, out, &chunk_rc);
}

int
cs_http_want_more(const uint8_t *p, size_t n)
{
	struct cs_http_resp r;
	int rc, chunk_rc;

	memset(&r, 0, sizeof(r));
	if (n == 0)
		return 1;
	rc = parse_head(p, n, &r);
	if (rc == CS_ETRUNC)
		return 1;
	if (rc == 0)
		rc = frame_body(p, n, &r, &chunk_rc);
	if (rc != 0)
		return rc;
	if (r.complete)
		return 0;
	if (r.chunked && chunk_rc != CS_ETRUNC)
		return chunk_rc;
	return 1;
}

struct cs_span
cs_http_header(const struct cs_http_resp *r, const char *name)
{
	for (size_t i = 0; i < r->nhdr && i < CS_NELEM(r->hdr); i++)
		if (cs_span_ieq(r->hdr[i].name, name))
			return r->hdr[i].value;
	return CS_SPAN_NULL;
}

int
cs_http_dechunk(struct cs_span body, uint8_t *out, size_t outcap,
		size_t *outlen)
{
	size_t used = 0;

	return chunk_walk(body, out, outcap, outlen, &used);
}

struct cs_span
cs_http_auth_scheme(struct cs_span v)
{
	size_t i = 0;

	v = cs_span_trim(v);
	while (i < v.n && is_tchar(v.p[i]))
		i++;
	return cs_span_make(v.p, i);
}

struct cs_span
cs_http_auth_realm(struct cs_span v)
{
	size_t i = 0;

	while (i < v.n) {
		struct cs_span name, val;
		size_t s;

		while (i < v.n && (is_lws(v.p[i]) || v.p[i] == ','))
			i++;
		s = i;
		while (i < v.n && is_tchar(v.p[i]))
			i++;
		name = cs_span_make(v.p + s, i - s);
		if (name.n == 0) {
			i++; /* skip a stray byte */
			continue;
		}
		while (i < v.n && is_lws(v.p[i]))
			i++;
		if (i >= v.n || v.p[i] != '=')
			continue; /* a scheme or token68 */
		i++;
		while (i < v.n && is_lws(v.p[i]))
			i++;
		if (i < v.n && v.p[i] == '"') {
			s = ++i;
			while (i < v.n && v.p[i] != '"') {
				if (v.p[i] == '\\' && i + 1 < v.n)
					i++;
				i++;
			}
			if (i >= v.n)
				return CS_SPAN_NULL;
			val = cs_span_make(v.p + s, i - s);
			i++;
		} else {
			s = i;
			while (i < v.n && v.p[i] != ',' && !is_lws(v.p[i]))
				i++;
			val = cs_span_make(v.p + s, i - s);
		}
		if (cs_span_ieq(name, "realm"))
			return val;
	}
	return CS_SPAN_NULL;
}

/* The part of s from off on; never offsets a NULL pointer. */
static struct cs_span
span_from(struct cs_span s, size_t off)
{
	if (off >= s.n) {
		if (s.n > 0)
			s.p += s.n;
		s.n = 0;
		return s;
	}
	return cs_span_make(s.p + off, s.n - off);
}

struct cs_span
cs_html_title(struct cs_span body)
{
	size_t off = 0;

	for (;;) {
		struct cs_span rest = span_from(body, off);
		long at = cs_span_find(rest, "<title", 6, true);
		size_t i;
		long end;
		struct cs_span t;

		if (at < 0)
			return CS_SPAN_NULL;
		i = (size_t)at + 6;
		off += i;
		if (i < rest.n && rest.p[i] != '>' && rest.p[i] != '/' &&
		    !is_lws(rest.p[i]))
			continue; /* e.g. <titlebar> */
		while (i < rest.n && rest.p[i] != '>')
			i++;
		if (i >= rest.n)
			return CS_SPAN_NULL;
		rest = span_from(rest, i + 1);
		end = cs_span_find(rest, "</title", 7, true);
		if (end < 0)
			return CS_SPAN_NULL;
		t = cs_span_trim(cs_span_make(rest.p, (size_t)end));
		if (t.n > CS_HTML_TITLE_MAX)
			t.n = CS_HTML_TITLE_MAX;
		return t;
	}
}

/* Reads a URL starting at s (after "url=" or a quote), bounded. */
static struct cs_span
url_at(struct cs_span s, uint8_t quote)
{
	size_t i = 0;

	while (i < s.n && s.p[i] != quote && s.p[i] != '>' && s.p[i] != '\r' &&
	       s.p[i] != '\n' &&
	       (quote != 0 ||
		(s.p[i] != '"' && s.p[i] != '\'' && !is_lws(s.p[i]))))
		i++;
	if (quote != 0 && (i >= s.n || s.p[i] != quote))
		return CS_SPAN_NULL;
	s = cs_span_trim(cs_span_make(s.p, i));
	if (s.n > CS_HTML_URL_MAX)
		s.n = CS_HTML_URL_MAX;
	return s;
}

static struct cs_span
meta_refresh(struct cs_span body)
{
	size_t off = 0;

	for (;;) {
		struct cs_span rest = span_from(body, off), tag, u;
		long at = cs_span_find(rest, "<meta", 5, true), gt, r;
		size_t i;

		if (at < 0)
			return CS_SPAN_NULL;
		rest = span_from(rest, (size_t)at);
		off += (size_t)at + 5;
		gt = cs_span_find(rest, ">", 1, false);
		if (gt < 0)
			return CS_SPAN_NULL;
		tag = cs_span_make(rest.p, (size_t)gt);
		if (cs_span_find(tag, "refresh", 7, true) < 0)
			continue;
		r = cs_span_find(tag, "url", 3, true);
		if (r < 0)
			continue;
		u = span_from(tag, (size_t)r + 3);
		for (i = 0; i < u.n && is_lws(u.p[i]); i++)
			;
		if (i >= u.n || u.p[i] != '=')
			continue;
		for (i++; i < u.n && is_lws(u.p[i]); i++)
			;
		if (i < u.n && (u.p[i] == '\'' || u.p[i] == '"'))
			i++; /* url='...' inside content="..." */
		u = url_at(span_from(u, i), 0);
		if (u.n > 0)
			return u;
	}
}

static struct cs_span
js_location(struct cs_span body)
{
	static const char *const tails[] = {".href", ".replace(", ".assign(",
					    ""};
	size_t off = 0;

	for (;;) {
		struct cs_span rest = span_from(body, off), u;
		long at = cs_span_find(rest, "location", 8, false);
		size_t i, t;

		if (at < 0)
			return CS_SPAN_NULL;
		off += (size_t)at + 8;
		rest = span_from(rest, (size_t)at + 8);
		for (t = 0; t < CS_NELEM(tails); t++)
			if (cs_span_istarts(rest, tails[t]))
				break;
		i = strlen(tails[t]);
		while (i < rest.n && is_lws(rest.p[i]))
			i++;
		if (t == 0 || t == 3) {
			if (i + 1 >= rest.n || rest.p[i] != '=' ||
			    rest.p[i + 1] == '=')
				continue;
			i++;
			while (i < rest.n && is_lws(rest.p[i]))
				i++;
		}
		if (i >= rest.n || (rest.p[i] != '"' && rest.p[i] != '\''))
			continue;
		u = url_at(span_from(rest, i + 1), rest.p[i]);
		if (u.n > 0)
			return u;
	}
}

struct cs_span
cs_html_meta_refresh_or_location(struct cs_span body)
{
	struct cs_span u = meta_refresh(body);

	return u.n ? u : js_location(body);
}

/* ---- RTSP access ---- */

const char *
cs_rtsp_access_name(enum cs_rtsp_access a)
{
	switch (a) {
	case CS_RTSP_OPEN:
		return "open";
	case CS_RTSP_AUTH:
		return "auth";
	case CS_RTSP_OTHER:
		break;
	}
	return "other";
}

void
cs_rtsp_reply_of(const struct cs_http_resp *r, struct cs_span body,
		 struct cs_rtsp_reply *out)
{
	struct cs_span sch;
	size_t k = 0;

	memset(out, 0, sizeof(*out));
	out->status = r->status;
	if (r->proto.n < 5 || memcmp(r->proto.p, "RTSP/", 5) != 0)
		return;
	if (r->status >= 200 && r->status < 300) {
		struct cs_span b = cs_span_trim(body);
		if (b.n >= 2 && b.p[0] == 'v' && b.p[1] == '=')
			out->access = CS_RTSP_OPEN;
		return;
	}
	if (r->status != 401)
		return;
	out->access = CS_RTSP_AUTH;
	sch = cs_http_auth_scheme(cs_http_header(r, "www-authenticate"));
	for (size_t i = 0; i < sch.n; i++) {
		unsigned char c = sch.p[i];
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		      (c >= '0' && c <= '9') || c == '-' || c == '_')) {
			k = 0;
			break;
		}
		if (k + 1 < sizeof(out->scheme))
			out->scheme[k++] =
			    (char)(c >= 'A' && c <= 'Z' ? c | 0x20 : c);
	}
	out->scheme[k] = '\0';
}

int
cs_rtsp_reply(const uint8_t *p, size_t n, struct cs_http_resp *scratch,
	      struct cs_rtsp_reply *out)
{
	struct cs_span body;
	int rc;

	memset(out, 0, sizeof(*out));
	rc = cs_http_parse_response(p, n, scratch);
	if (rc != 0)
		return rc;
	body = scratch->body;
	if (body.n == 0 && scratch->head_len < n)
		body =
		    cs_span_make(p + scratch->head_len, n - scratch->head_len);
	cs_rtsp_reply_of(scratch, body, out);
	return 0;
}
