/* SPDX-License-Identifier: ISC */
/*
 * camsim protocol responders: HTTP (with ONVIF SOAP dispatch), RTSP,
 * Hikvision port 8000, Dahua DVRIP (37777), Xiongmai DVRIP (34567) and
 * text banners.  Pure functions over the client's bytes; see
 * camsim_proto.h.  Wire facts are from /work/shared/docs/protocols.md
 * (cited as §n).
 */
#include "camsim_proto.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "camsim_auth.h"
#include "camsim_disc.h"
#include "core/str.h"
#include "core/poison.h"

#define MAX_METHOD 16 /* bytes of an HTTP/RTSP method */
#define MAX_NAME 48   /* bytes of a placeholder or SOAP operation name */
#define DVRIP_HDR 32  /* Dahua DVRIP header (§6) */
#define XM_HDR 20     /* Xiongmai header "BB2xII2xHI" (§7) */
#define XM_LOGIN 1000 /* Xiongmai login message ID (§7) */

static uint64_t
mix64(uint64_t z)
{
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
	return z ^ (z >> 31);
}

/* Appends a dynamic value; returns 1 if name is not dynamic. */
static int
expand_dyn(struct cs_buf *out, const char *name, size_t len,
	   const struct cs_camsim_dyn *dyn)
{
	struct tm tm;
	char tmp[64];

#define IS(lit) (len == sizeof(lit) - 1 && memcmp(name, lit, len) == 0)
	if (IS("cseq"))
		return cs_buf_add(out, dyn->cseq.p, dyn->cseq.n);
	if (IS("nonce"))
		return cs_buf_printf(
		    out, "%016llx%016llx",
		    (unsigned long long)mix64(dyn->nonce),
		    (unsigned long long)mix64(dyn->nonce ^ 0x5555));
	if (IS("session"))
		return cs_buf_printf(
		    out, "%llu",
		    (unsigned long long)(mix64(dyn->nonce + 1) >> 34));
	if (IS("random"))
		return cs_buf_printf(
		    out, "%llu",
		    (unsigned long long)(mix64(dyn->nonce + 2) >> 33));
	if (gmtime_r(&dyn->now, &tm) == NULL)
		memset(&tm, 0, sizeof(tm));
	if (IS("date")) {
		strftime(tmp, sizeof(tmp), "%a, %d %b %Y %H:%M:%S GMT", &tm);
		return cs_buf_adds(out, tmp);
	}
	if (IS("iso_time")) {
		strftime(tmp, sizeof(tmp), "%Y-%m-%dT%H:%M:%SZ", &tm);
		return cs_buf_adds(out, tmp);
	}
	if (IS("year"))
		return cs_buf_printf(out, "%d", tm.tm_year + 1900);
	if (IS("month"))
		return cs_buf_printf(out, "%d", tm.tm_mon + 1);
	if (IS("day"))
		return cs_buf_printf(out, "%d", tm.tm_mday);
	if (IS("hour"))
		return cs_buf_printf(out, "%d", tm.tm_hour);
	if (IS("minute"))
		return cs_buf_printf(out, "%d", tm.tm_min);
	if (IS("second"))
		return cs_buf_printf(out, "%d", tm.tm_sec);
#undef IS
	return 1;
}

static bool
is_name_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c == '_';
}

int
cs_camsim_expand(struct cs_buf *out, const char *tmpl,
		 const struct cs_camsim_device *d,
		 const struct cs_camsim_dyn *dyn)
{
	const char *p = tmpl;
	int rc;

	while (*p != '\0') {
		const char *open = strchr(p, '{'), *q, *v;
		size_t len;

		if (open == NULL)
			return cs_buf_adds(out, p);
		if ((rc = cs_buf_add(out, p, (size_t)(open - p))) != 0)
			return rc;
		for (q = open + 1; is_name_char(*q) && q - open <= MAX_NAME;
		     q++)
			;
		len = (size_t)(q - open - 1);
		if (*q != '}' || len == 0) {
			/* Not a placeholder: copy the brace itself. */
			if ((rc = cs_buf_add(out, "{", 1)) != 0)
				return rc;
			p = open + 1;
			continue;
		}
		rc = expand_dyn(out, open + 1, len, dyn);
		if (rc == 1 && len == 12 &&
		    memcmp(open + 1, "digest_nonce", 12) == 0) {
			char nonce[33];
			cs_camsim_nonce(nonce, d->ip, dyn->now, dyn->secret);
			rc = cs_buf_adds(out, nonce);
		}
		if (rc == 1) {
			v = cs_camsim_device_var(d, open + 1, len);
			rc = v != NULL ? cs_buf_adds(out, v)
				       : cs_buf_add(out, open, len + 2);
		}
		if (rc != 0)
			return rc;
		p = q + 1;
	}
	return 0;
}

int
cs_camsim_proto_greet(const struct cs_camsim_device *d,
		      const struct cs_camsim_port *p,
		      const struct cs_camsim_dyn *dyn, struct cs_buf *out)
{
	if (p->greeting == NULL)
		return 0;
	if (p->greeting_tmpl)
		return cs_camsim_expand(out, (const char *)p->greeting, d, dyn);
	return cs_buf_add(out, p->greeting, p->greeting_len);
}

/* A parsed request head: "METHOD TARGET VERSION" plus header lines. */
struct head {
	struct cs_span method, target, version;
	struct cs_span fields; /* header lines after the request line */
	size_t len;            /* bytes of the head, blank line included */
};

/* Returns the head length (through the blank line) or 0 if incomplete. */
static size_t
head_end(struct cs_span in)
{
	for (size_t i = 0; i < in.n; i++) {
		if (in.p[i] != '\n')
			continue;
		if (i + 1 < in.n && in.p[i + 1] == '\n')
			return i + 2;
		if (i + 2 < in.n && in.p[i + 1] == '\r' && in.p[i + 2] == '\n')
			return i + 3;
	}
	return 0;
}

static struct cs_span
next_word(struct cs_span *s)
{
	struct cs_span w = {s->p, 0};

	while (w.n < s->n && s->p[w.n] != ' ')
		w.n++;
	s->p += w.n;
	s->n -= w.n;
	while (s->n > 0 && s->p[0] == ' ') {
		s->p++;
		s->n--;
	}
	return w;
}

static int
parse_head(struct cs_span in, size_t hl, struct head *h)
{
	struct cs_span line = {in.p, 0}, rest;

	while (line.n < hl && in.p[line.n] != '\n')
		line.n++;
	h->fields = cs_span_make(in.p + line.n + 1, hl - line.n - 1);
	h->len = hl;
	rest = cs_span_trim(line);
	h->method = next_word(&rest);
	h->target = next_word(&rest);
	h->version = next_word(&rest);
	if (h->method.n == 0 || h->method.n > MAX_METHOD || h->target.n == 0 ||
	    h->version.n == 0 || rest.n != 0)
		return CS_EPROTO;
	return 0;
}

/* Finds header name (case-insensitive) in h; returns its trimmed value. */
static bool
header(const struct head *h, const char *name, struct cs_span *val)
{
	struct cs_span f = h->fields;
	size_t nl = strlen(name);

	while (f.n > 0) {
		struct cs_span line = {f.p, 0};
		while (line.n < f.n && f.p[line.n] != '\n')
			line.n++;
		if (line.n > nl && f.p[nl] == ':' &&
		    cs_span_istarts(line, name)) {
			*val = cs_span_trim(
			    cs_span_make(line.p + nl + 1, line.n - nl - 1));
			return true;
		}
		f.p += CS_MIN(line.n + 1, f.n);
		f.n -= CS_MIN(line.n + 1, f.n);
	}
	return false;
}

/* Reads Content-Length (0 if absent); CS_ELIMIT if too big. */
static int
content_length(const struct head *h, size_t *cl)
{
	struct cs_span v;
	uint64_t n;

	*cl = 0;
	if (!header(h, "Content-Length", &v))
		return 0;
	if (cs_span_u64(v, CS_CAMSIM_MAX_REQ, &n) != 0)
		return CS_ELIMIT;
	*cl = (size_t)n;
	return h->len + *cl > CS_CAMSIM_MAX_REQ ? CS_ELIMIT : 0;
}

/* True if the "Name: value" lines a and b have the same name. */
static bool
same_name(const char *a, const char *b)
{
	const char *ca = strchr(a, ':'), *cb = strchr(b, ':');

	return ca != NULL && cb != NULL && ca - a == cb - b &&
	       strncasecmp(a, b, (size_t)(ca - a)) == 0;
}

/* Appends the expanded header lines: common ones unless r overrides. */
static int
add_headers(struct cs_buf *out, char *const *common, size_t ncommon,
	    const struct cs_camsim_resp *r, const struct cs_camsim_device *d,
	    const struct cs_camsim_dyn *dyn)
{
	int rc;

	for (size_t i = 0; i < ncommon; i++) {
		bool over = false;
		for (size_t j = 0; j < r->nheaders && !over; j++)
			over = same_name(common[i], r->headers[j]);
		if (over)
			continue;
		if ((rc = cs_camsim_expand(out, common[i], d, dyn)) != 0 ||
		    (rc = cs_buf_add(out, "\r\n", 2)) != 0)
			return rc;
	}
	for (size_t j = 0; j < r->nheaders; j++)
		if ((rc = cs_camsim_expand(out, r->headers[j], d, dyn)) != 0 ||
		    (rc = cs_buf_add(out, "\r\n", 2)) != 0)
			return rc;
	return 0;
}

/*
 * Expands the body of r; "{attached}" in it becomes r->each expanded for
 * each camera behind d (nothing if there is none).
 */
static int
expand_body(struct cs_buf *body, const struct cs_camsim_resp *r,
	    const struct cs_camsim_device *d, const struct cs_camsim_dyn *dyn)
{
	static const char mark[] = "{attached}";
	const char *at;
	struct cs_buf head;
	int rc;

	if (r->body == NULL)
		return 0;
	if (r->each == NULL || (at = strstr(r->body, mark)) == NULL)
		return cs_camsim_expand(body, r->body, d, dyn);
	cs_buf_init(&head, CS_CAMSIM_MAX_REQ);
	rc = cs_buf_add(&head, r->body, (size_t)(at - r->body));
	if (rc == 0)
		rc = cs_camsim_expand(body, cs_buf_str(&head), d, dyn);
	cs_buf_free(&head);
	for (size_t i = 0; rc == 0 && i < d->nattached; i++)
		rc = cs_camsim_expand(body, r->each, &d->attached[i], dyn);
	if (rc == 0)
		rc = cs_camsim_expand(body, at + sizeof(mark) - 1, d, dyn);
	return rc;
}

/*
 * Appends a complete reply: status line, CSeq for RTSP, headers,
 * Content-Length and the body (omitted for HEAD).
 */
static int
reply(struct cs_buf *out, const char *proto, char *const *common,
      size_t ncommon, const struct cs_camsim_resp *r,
      const struct cs_camsim_device *d, const struct cs_camsim_dyn *dyn,
      bool head_only)
{
	struct cs_buf body;
	int rc;

	cs_buf_init(&body, CS_CAMSIM_MAX_REQ * 2);
	if ((rc = expand_body(&body, r, d, dyn)) != 0)
		goto out;
	if ((rc = cs_buf_printf(out, "%s %d %s\r\n", proto, r->status,
				r->reason)) != 0)
		goto out;
	if (dyn->cseq.n > 0 &&
	    (rc = cs_buf_printf(out, "CSeq: %.*s\r\n", (int)dyn->cseq.n,
				(const char *)dyn->cseq.p)) != 0)
		goto out;
	if ((rc = add_headers(out, common, ncommon, r, d, dyn)) != 0)
		goto out;
	if ((body.len > 0 || proto[0] == 'H') &&
	    (rc = cs_buf_printf(out, "Content-Length: %zu\r\n", body.len)) != 0)
		goto out;
	if (proto[0] == 'H' &&
	    (rc = cs_buf_adds(out, "Connection: close\r\n")) != 0)
		goto out;
	if ((rc = cs_buf_add(out, "\r\n", 2)) != 0)
		goto out;
	if (!head_only && body.len > 0)
		rc = cs_buf_add(out, body.p, body.len);
out:
	cs_buf_free(&body);
	return rc;
}

/*
 * Returns the local name of the first element inside the SOAP Body, i.e.
 * the operation (ONVIF Core; §2), or an empty span.  Lenient: any prefix,
 * comments and processing instructions skipped.
 */
static struct cs_span
soap_operation(struct cs_span b)
{
	bool in_body = false;

	for (size_t i = 0; i + 1 < b.n; i++) {
		size_t s, e;
		struct cs_span name;

		if (b.p[i] != '<' || b.p[i + 1] == '/' || b.p[i + 1] == '?' ||
		    b.p[i + 1] == '!')
			continue;
		s = e = i + 1;
		while (e < b.n && b.p[e] != ' ' && b.p[e] != '>' &&
		       b.p[e] != '/' && b.p[e] != '\t' && b.p[e] != '\r' &&
		       b.p[e] != '\n')
			e++;
		for (size_t k = s; k < e; k++)
			if (b.p[k] == ':')
				s = k + 1;
		name = cs_span_make(b.p + s, e - s);
		if (in_body)
			return name.n <= MAX_NAME ? name : CS_SPAN_NULL;
		if (name.n == 4 && memcmp(name.p, "Body", 4) == 0)
			in_body = true;
	}
	return CS_SPAN_NULL;
}

static const struct cs_camsim_resp *
onvif_reply(const struct cs_camsim_http *h, struct cs_span body)
{
	struct cs_span op = soap_operation(body);

	if (op.n == 0)
		return &h->onvif_fault;
	if (!h->devinfo_unauth && cs_span_ieq(op, "GetDeviceInformation"))
		return &h->onvif_fault;
	for (size_t i = 0; i < h->nonvif_ops; i++)
		if (op.n == strlen(h->onvif_ops[i].name) &&
		    memcmp(op.p, h->onvif_ops[i].name, op.n) == 0)
			return &h->onvif_ops[i].resp;
	return &h->onvif_fault;
}

static bool
span_eq(struct cs_span s, const char *lit)
{
	return s.n == strlen(lit) && memcmp(s.p, lit, s.n) == 0;
}

/* Picks the route: an exact path beats the longest matching prefix. */
static const struct cs_camsim_route *
route(const struct cs_camsim_http *h, struct cs_span method,
      struct cs_span target)
{
	const struct cs_camsim_route *best = NULL;
	struct cs_span path = target;
	size_t best_len = 0;
	long q;

	/* Absolute-form targets (RFC 9112 §3.2.2): drop scheme and host. */
	if (cs_span_istarts(target, "http://")) {
		long sl = cs_span_find(cs_span_make(target.p + 7, target.n - 7),
				       "/", 1, false);
		path = sl < 0 ? cs_span_make("/", 1)
			      : cs_span_make(target.p + 7 + sl,
					     target.n - 7 - (size_t)sl);
		target = path;
	}
	if ((q = cs_span_find(target, "?", 1, false)) >= 0)
		path.n = (size_t)q;
	for (size_t i = 0; i < h->nroutes; i++) {
		const struct cs_camsim_route *r = &h->routes[i];
		size_t pl = strlen(r->path);
		bool m =
		    strcmp(r->method, "*") == 0 || span_eq(method, r->method) ||
		    (span_eq(method, "HEAD") && strcmp(r->method, "GET") == 0);

		if (!m)
			continue;
		if (!r->prefix) {
			struct cs_span t = strchr(r->path, '?') ? target : path;
			if (span_eq(t, r->path))
				return r;
		} else if (target.n >= pl &&
			   memcmp(target.p, r->path, pl) == 0 &&
			   (best == NULL || pl > best_len)) {
			best = r;
			best_len = pl;
		}
	}
	return best;
}

/* True if the request carries valid Digest credentials for route r. */
static bool
digest_ok(const struct cs_camsim_device *d, const struct cs_camsim_route *r,
	  const struct head *hd, const struct cs_camsim_dyn *dyn)
{
	struct cs_span auth;
	struct cs_buf realm;
	bool ok;

	if (d->prof->user == NULL || !header(hd, "Authorization", &auth))
		return false;
	cs_buf_init(&realm, 1024);
	ok = cs_camsim_expand(&realm, r->realm, d, dyn) == 0 &&
	     cs_camsim_digest_ok(auth, hd->method, hd->target, d->prof->user,
				 d->prof->password, cs_buf_str(&realm), d->ip,
				 dyn->now, dyn->secret);
	cs_buf_free(&realm);
	return ok;
}

/* The UPnP device description of an SSDP-speaking device (§9). */
static int
upnp_reply(const struct cs_camsim_device *d, const struct cs_camsim_dyn *dyn,
	   struct cs_buf *out, bool head_only)
{
	struct cs_buf body;
	int rc;

	cs_buf_init(&body, CS_CAMSIM_MAX_REQ);
	rc = cs_camsim_disc_upnp_desc(d, dyn, &body);
	if (rc == 0)
		rc = cs_buf_printf(out,
				   "HTTP/1.1 200 OK\r\n"
				   "Content-Type: text/xml; charset=\"utf-8\"\r\n"
				   "Content-Length: %zu\r\n"
				   "Connection: close\r\n\r\n",
				   body.len);
	if (rc == 0 && !head_only)
		rc = cs_buf_add(out, body.p, body.len);
	cs_buf_free(&body);
	return rc;
}

static const char bad_request[] = "HTTP/1.1 400 Bad Request\r\n"
				  "Content-Length: 0\r\n"
				  "Connection: close\r\n\r\n";

static int
http_feed(const struct cs_camsim_device *d, struct cs_span in,
	  struct cs_camsim_dyn *dyn, struct cs_buf *out, size_t *consumed,
	  bool *close)
{
	const struct cs_camsim_http *h = &d->prof->http;
	const struct cs_camsim_route *r;
	const struct cs_camsim_resp *resp;
	struct head hd;
	size_t hl, cl;
	int rc;

	if ((hl = head_end(in)) == 0)
		return in.n >= CS_CAMSIM_MAX_REQ ? CS_ELIMIT : 0;
	*close = true;
	if (parse_head(in, hl, &hd) != 0 ||
	    !cs_span_istarts(hd.version, "HTTP/")) {
		*consumed = in.n;
		return cs_buf_adds(out, bad_request);
	}
	if ((rc = content_length(&hd, &cl)) != 0)
		return rc;
	if (in.n < hl + cl) {
		*close = false;
		return 0;
	}
	*consumed = hl + cl;
	if ((d->prof->discovery & (1u << CS_CAMSIM_DISC_SSDP)) &&
	    (span_eq(hd.method, "GET") || span_eq(hd.method, "HEAD")) &&
	    span_eq(hd.target, CS_CAMSIM_UPNP_PATH))
		return upnp_reply(d, dyn, out, span_eq(hd.method, "HEAD"));
	r = route(h, hd.method, hd.target);
	if (r != NULL && r->digest && !digest_ok(d, r, &hd, dyn))
		resp = &r->challenge;
	else if (r == NULL)
		resp = &h->notfound;
	else if (r->onvif)
		resp = onvif_reply(h, cs_span_make(in.p + hl, cl));
	else
		resp = &r->resp;
	return reply(out, "HTTP/1.1", h->headers, h->nheaders, resp, d, dyn,
		     span_eq(hd.method, "HEAD"));
}

static bool
all_digits(struct cs_span s)
{
	for (size_t i = 0; i < s.n; i++)
		if (s.p[i] < '0' || s.p[i] > '9')
			return false;
	return s.n > 0;
}

static int
rtsp_feed(const struct cs_camsim_device *d, struct cs_span in,
	  struct cs_camsim_dyn *dyn, struct cs_buf *out, size_t *consumed,
	  bool *close)
{
	const struct cs_camsim_rtsp *rt = &d->prof->rtsp;
	const struct cs_camsim_resp *resp = &rt->other;
	struct head hd;
	struct cs_span cseq;
	size_t hl, cl;
	int rc;

	if (in.n > 0 && in.p[0] == '$')
		return CS_EPROTO; /* interleaved data: we never set up */
	if ((hl = head_end(in)) == 0)
		return in.n >= CS_CAMSIM_MAX_REQ ? CS_ELIMIT : 0;
	if (parse_head(in, hl, &hd) != 0)
		return CS_EPROTO;
	if ((rc = content_length(&hd, &cl)) != 0)
		return rc;
	if (in.n < hl + cl)
		return 0;
	*consumed = hl + cl;
	/* Echo CSeq only when it is a plain number (RFC 2326 §12.17). */
	dyn->cseq = CS_SPAN_NULL;
	if (header(&hd, "CSeq", &cseq) && cseq.n <= 10 && all_digits(cseq))
		dyn->cseq = cseq;
	if (!cs_span_istarts(hd.version, "RTSP/"))
		*close = true; /* e.g. HTTP on 554: answer once, then close */
	else
		for (size_t i = 0; i < rt->nmethods; i++)
			if (span_eq(hd.method, rt->methods[i].name))
				resp = &rt->methods[i].resp;
	rc = reply(out, "RTSP/1.0", rt->headers, rt->nheaders, resp, d, dyn,
		   false);
	dyn->cseq = CS_SPAN_NULL;
	return rc;
}

static uint32_t
le32(const uint8_t *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
	       (uint32_t)p[3] << 24;
}

static void
put_le32(uint8_t *p, uint32_t v)
{
	p[0] = (uint8_t)v;
	p[1] = (uint8_t)(v >> 8);
	p[2] = (uint8_t)(v >> 16);
	p[3] = (uint8_t)(v >> 24);
}

/*
 * Dahua DVRIP on 37777 (§6): the client speaks first with 32-byte
 * messages whose bytes 4..7 give the length of what follows (assumed
 * little-endian).  A realm request (a0 01 00 60) is answered with a
 * 32-byte b0 00 00 68 header; anything else is swallowed in silence.
 */
static int
dahua_feed(struct cs_span in, struct cs_buf *out, size_t *consumed)
{
	static const uint8_t realm_req[4] = {0xa0, 0x01, 0x00, 0x60};
	uint8_t rep[DVRIP_HDR] = {0xb0, 0x00, 0x00, 0x68};
	uint32_t ext;

	if (in.n < DVRIP_HDR)
		return 0;
	ext = le32(in.p + 4);
	if (ext > CS_CAMSIM_MAX_REQ - DVRIP_HDR)
		return CS_ELIMIT;
	if (in.n < DVRIP_HDR + ext)
		return 0;
	*consumed = DVRIP_HDR + ext;
	if (memcmp(in.p, realm_req, 4) != 0)
		return 0;
	return cs_buf_add(out, rep, sizeof(rep));
}

static const char xm_login_default[] =
    "{ \"AliveInterval\" : 0, \"ChannelNum\" : 0, \"DeviceType \" : "
    "\"DVR\", \"ExtraChannel\" : 0, \"Ret\" : 205, \"SessionID\" : "
    "\"0x00000000\" }";
static const char xm_other_default[] =
    "{ \"Name\" : \"\", \"Ret\" : 100, \"SessionID\" : \"0x00000000\" }";

/*
 * Xiongmai DVRIP on 34567 (§7): 20-byte little-endian header (0xFF, version,
 * session, sequence, message ID, payload length), JSON payload ending in
 * "\n\0".  A login (1000) gets the profile's login reply, anything else
 * its generic reply, both under message ID + 1 (assumed).
 */
static int
xm_feed(const struct cs_camsim_device *d, const struct cs_camsim_port *p,
	struct cs_span in, const struct cs_camsim_dyn *dyn, struct cs_buf *out,
	size_t *consumed)
{
	uint8_t hdr[XM_HDR] = {0xff, 0x01};
	struct cs_buf pl;
	uint32_t len;
	uint16_t id;
	int rc;

	if (in.n == 0)
		return 0;
	if (in.p[0] != 0xff)
		return CS_EPROTO;
	if (in.n < XM_HDR)
		return 0;
	len = le32(in.p + 16);
	if (len > CS_CAMSIM_MAX_REQ - XM_HDR)
		return CS_ELIMIT;
	if (in.n < XM_HDR + len)
		return 0;
	*consumed = XM_HDR + len;
	id = (uint16_t)(in.p[14] | in.p[15] << 8);
	cs_buf_init(&pl, CS_CAMSIM_MAX_REQ);
	rc = cs_camsim_expand(
	    &pl,
	    id == XM_LOGIN ? (p->xm_login ? p->xm_login : xm_login_default)
			   : (p->xm_other ? p->xm_other : xm_other_default),
	    d, dyn);
	if (rc == 0)
		rc = cs_buf_add(&pl, "\n", 2); /* "\n\0" */
	if (rc == 0) {
		memcpy(hdr + 8, in.p + 8, 4); /* sequence echoed */
		hdr[14] = (uint8_t)(id + 1);
		hdr[15] = (uint8_t)((id + 1) >> 8);
		put_le32(hdr + 16, (uint32_t)pl.len);
		rc = cs_buf_add(out, hdr, sizeof(hdr));
	}
	if (rc == 0)
		rc = cs_buf_add(out, pl.p, pl.len);
	cs_buf_free(&pl);
	return rc;
}

int
cs_camsim_proto_feed(const struct cs_camsim_device *d,
		     const struct cs_camsim_port *p, struct cs_span in,
		     struct cs_camsim_dyn *dyn, struct cs_buf *out,
		     size_t *consumed, bool *close)
{
	*consumed = 0;
	*close = false;
	switch (p->svc) {
	case CS_CAMSIM_SVC_HTTP:
		return http_feed(d, in, dyn, out, consumed, close);
	case CS_CAMSIM_SVC_RTSP:
		return rtsp_feed(d, in, dyn, out, consumed, close);
	case CS_CAMSIM_SVC_DAHUA_DVRIP:
		return dahua_feed(in, out, consumed);
	case CS_CAMSIM_SVC_XM_DVRIP:
		return xm_feed(d, p, in, dyn, out, consumed);
	case CS_CAMSIM_SVC_HIK_SDK:
	case CS_CAMSIM_SVC_BANNER:
	case CS_CAMSIM_SVC_SILENT:
		/* Input is read and dropped, within the read cap. */
		*consumed = in.n;
		return 0;
	}
	return CS_EPROTO;
}
