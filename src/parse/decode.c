/* SPDX-License-Identifier: ISC */
/* Raw messages to observations; see decode.h and docs/identify.md. */
#include "parse/decode.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/addr.h"
#include "core/alloc.h"
#include "core/str.h"
#include "parse/parse_dhip.h"
#include "parse/parse_http.h"
#include "parse/parse_json.h"
#include "parse/parse_mdns.h"
#include "parse/parse_sadp.h"
#include "parse/parse_sdp.h"
#include "parse/parse_soap.h"
#include "parse/parse_ssdp.h"
#include "parse/parse_upnp.h"
#include "parse/parse_vdisc.h"
#include "parse/parse_vendor.h"
#include "parse/parse_x509.h"
#include "core/poison.h"

#define BODY_OBS 4096 /* bytes of a body kept, as the http-root probe */

struct cs_dec {
	cs_dec_mac_fn mac_fn;
	void *mac_arg;
	bool read_list; /* the last cs_decode looked at the list's entries */
	struct cs_http_resp http;
	struct cs_soap soap;
	struct cs_mdns mdns;
	struct cs_ssdp ssdp;
	struct cs_sdp sdp;
	struct cs_x509 x509;
	struct cs_sadp sadp;
	struct cs_upnp upnp;
	struct cs_dhip_info dhip;
	struct cs_vdisc vd;
	uint8_t head[CS_HTTP_HEAD_MAX + 4]; /* a head completed by us */
	uint8_t synth[CS_HTTP_HEAD_MAX];    /* a status line put before a
					       bare header block */
	uint8_t body[65536];                /* dechunked body */
	char text[8192];                    /* formatting */
};

/* The context a decoder runs in. */
struct dctx {
	struct cs_dec *d;
	struct cs_obs_list *obs;
	const char *kind;
	uint16_t port;
	const char *service;
	const uint8_t *p;
	size_t n;
	unsigned flags; /* added to every observation (CS_OBS_SALVAGED) */
	bool quiet;     /* a nested decode: failure records nothing */
	bool no_status; /* the status line was made up: do not record it */
};

struct cs_dec *
cs_dec_new(void)
{
	return cs_xcalloc(1, sizeof(struct cs_dec));
}

void
cs_dec_free(struct cs_dec *d)
{
	free(d);
}

void
cs_dec_set_mac_lookup(struct cs_dec *d, cs_dec_mac_fn fn, void *arg)
{
	d->mac_fn = fn;
	d->mac_arg = arg;
}

/* ---- helpers ---- */

static void
add(struct dctx *c, const char *key, const void *p, size_t n)
{
	if (n)
		cs_obs_add(c->obs, key, c->port, c->flags, p, n);
}

static void
adds(struct dctx *c, const char *key, const char *s)
{
	add(c, key, s, strlen(s));
}

static void
add_span(struct dctx *c, const char *key, struct cs_span s)
{
	add(c, key, s.p, s.n);
}

static int
malformed(struct dctx *c)
{
	char key[CS_OBS_MAX_KEY];

	if (c->quiet)
		return CS_EPROTO;
	snprintf(key, sizeof(key), "%s.malformed", c->kind);
	cs_obs_add(c->obs, key, c->port, CS_OBS_MALFORMED | CS_OBS_BINARY, c->p,
		   c->n);
	return CS_EPROTO;
}

int
cs_dec_mac_parse(const uint8_t *p, size_t n, uint8_t mac[6])
{
	return cs_hwaddr_parse(cs_span_make(p, n), CS_HWADDR_LOOSE, mac) == 0
		   ? 0
		   : CS_EPROTO;
}

/*
 * A registry prefix as registries and tools print it: 90:02:A9,
 * 90-02-A9, 9002A9, 90:02:A9:1 (a 28-bit block), 90:02:A9:12:3, with or
 * without a mask (90:02:A9:10:00:00/28, 9002A9/24).  Separators (one
 * kind, ':' or '-') fall between pairs of digits; the last group may
 * be one digit.  6 to 11 digits, or a mask of 24 to 44 bits (a multiple
 * of 4) that the digits cover; digits after the mask are dropped.
 */
int
cs_dec_mac_prefix_parse(const uint8_t *p, size_t n, uint8_t mac[6],
			unsigned *bits)
{
	struct cs_span s = cs_span_trim(cs_span_make(p, n));
	uint8_t hex[12];
	size_t k = 0, run = 0, mask = 0;
	uint8_t sep = 0;
	long slash = cs_span_find(s, "/", 1, false);

	if (slash >= 0) {
		long long m;
		char num[4];
		struct cs_span ms =
		    cs_span_make(s.p + slash + 1, s.n - (size_t)slash - 1);

		if (ms.n == 0 || ms.n > 2)
			return CS_EPROTO;
		memcpy(num, ms.p, ms.n);
		num[ms.n] = '\0';
		for (size_t i = 0; i < ms.n; i++)
			if (num[i] < '0' || num[i] > '9')
				return CS_EPROTO;
		if (cs_str_tonum(num, 24, 48, &m) != 0 || m % 4 != 0)
			return CS_EPROTO;
		mask = (size_t)m;
		s.n = (size_t)slash;
	}
	for (size_t i = 0; i < s.n; i++) {
		uint8_t c = s.p[i];

		if (cs_hexval(c) >= 0) {
			if (k >= 12)
				return CS_EPROTO;
			hex[k++] = c;
			run++;
			continue;
		}
		if (c != ':' && c != '-')
			return CS_EPROTO;
		if (sep == 0)
			sep = c;
		if (c != sep || run != 2)
			return CS_EPROTO;
		run = 0;
	}
	if (sep && (run == 0 || run > 2))
		return CS_EPROTO;
	if (mask == 0) {
		if (k < 6 || k > 11)
			return CS_EPROTO;
		mask = 4 * k;
	} else if (4 * k < mask || (mask == 48 && k != 12)) {
		return CS_EPROTO;
	}
	memset(mac, 0, 6);
	for (size_t i = 0; i < mask / 4; i++)
		mac[i / 2] |= (uint8_t)(cs_hexval(hex[i]) << (i % 2 ? 0 : 4));
	*bits = (unsigned)mask;
	return 0;
}

/* Writes a prefix of bits bits as "90:02:a9", "90:02:a9:1" ... */
static void
mac_prefix_format(const uint8_t mac[6], unsigned bits, char out[18])
{
	static const char hx[] = "0123456789abcdef";
	size_t k = 0;

	for (unsigned i = 0; i < bits / 4; i++) {
		if (i && i % 2 == 0)
			out[k++] = ':';
		out[k++] = hx[i % 2 ? mac[i / 2] & 15 : mac[i / 2] >> 4];
	}
	out[k] = '\0';
}

/* Records a MAC address or prefix and what the resolver says of it. */
static void
add_mac_bits(struct dctx *c, const uint8_t mac[6], unsigned bits)
{
	char txt[18], maker[128], reg[256];

	if (bits >= 48)
		cs_hwaddr_format(mac, txt);
	else
		mac_prefix_format(mac, bits, txt);
	adds(c, "mac", txt);
	maker[0] = reg[0] = '\0';
	if (c->d->mac_fn != NULL &&
	    c->d->mac_fn(c->d->mac_arg, mac, bits, maker, sizeof(maker), reg,
			 sizeof(reg)) == 0) {
		maker[sizeof(maker) - 1] = '\0';
		reg[sizeof(reg) - 1] = '\0';
		adds(c, "mac.maker", maker);
		adds(c, "mac.registrant", reg);
	}
}

/* Records a MAC address (and what the resolver says of it). */
static bool
add_mac(struct dctx *c, const uint8_t *p, size_t n)
{
	uint8_t mac[6];

	if (cs_dec_mac_parse(p, n, mac) != 0)
		return false;
	add_mac_bits(c, mac, 48);
	return true;
}

static bool
is_alnum(uint8_t ch)
{
	return (ch >= '0' && ch <= '9') || (ch >= 'A' && ch <= 'Z') ||
	       (ch >= 'a' && ch <= 'z');
}

/*
 * A MAC address some firmwares put in a realm, a name or a serial: the
 * whole value MAC-shaped, or a 12-hex-digit run (ACCC8E0C1234) or an
 * aa:bb:cc:dd:ee:ff / aa-bb-... run standing alone (bounded by
 * characters that are not letters or digits: AXIS_ACCC8E0C1234,
 * IPCAM-0012345678AB).  Records the first one found (supporting
 * evidence: see mac-oui-maker); a longer hex run, or one glued to
 * letters, is not a MAC.  Only the first 256 bytes are searched.
 * Seen in: Axis realms (ngraziano/SharpRTSP RtspClientExample:
 * Digest realm="AXIS_WS_ACCC8E3A0A8F"; realm="AXIS_ACCC8EB3494E" in
 * client test fixtures), Axis mDNS instances "<model> - <MAC>"
 * (protocols.md §10), ISAPI <macAddress> (protocols.md §4).  A Dahua
 * "Login to 4K01FD2PAJ6E3FF" realm (scottlamb/retina issue #62) is a
 * serial, not a MAC, and stays one.
 */
static void
add_mac_in(struct dctx *c, struct cs_span v)
{
	size_t n = CS_MIN(v.n, 256);

	for (size_t i = 0; i < n; i++) {
		size_t j = i;

		if (i > 0 && (is_alnum(v.p[i - 1]) || v.p[i - 1] == ':' ||
			      v.p[i - 1] == '-'))
			continue;
		while (j < n &&
		       (is_alnum(v.p[j]) || v.p[j] == ':' || v.p[j] == '-') &&
		       j - i < 18)
			j++;
		if (j < n &&
		    (is_alnum(v.p[j]) || v.p[j] == ':' || v.p[j] == '-'))
			continue; /* a longer token */
		if ((j - i == 12 || j - i == 17) && add_mac(c, v.p + i, j - i))
			return;
	}
}

/* Records a realm, and a MAC address the firmware put in it. */
static void
add_realm(struct dctx *c, const char *key, struct cs_span realm)
{
	add_span(c, key, realm);
	add_mac_in(c, realm);
}

/*
 * Parses an HTTP or RTSP response.  A head that lacks its final blank
 * line (many tools store the head alone) is completed.  Sets *body to
 * the (dechunked) body.
 */
static int
parse_resp(struct dctx *c, struct cs_span *body)
{
	struct cs_dec *d = c->d;
	int rc = cs_http_parse_response(c->p, c->n, &d->http);
	size_t blen;

	if (rc == CS_ETRUNC && c->n <= CS_HTTP_HEAD_MAX &&
	    cs_span_find(cs_span_make(c->p, c->n), "\n\r\n", 3, false) < 0 &&
	    cs_span_find(cs_span_make(c->p, c->n), "\n\n", 2, false) < 0) {
		size_t k = c->n;

		memcpy(d->head, c->p, k);
		while (k > 0 &&
		       (d->head[k - 1] == '\n' || d->head[k - 1] == '\r'))
			k--;
		memcpy(d->head + k, "\r\n\r\n", 4);
		rc = cs_http_parse_response(d->head, k + 4, &d->http);
	}
	if (rc != 0)
		return rc;
	*body = d->http.body;
	if (d->http.chunked) {
		rc = cs_http_dechunk(d->http.body, d->body, sizeof(d->body),
				     &blen);
		/* A body cut inside its chunks keeps the chunks it has. */
		if (rc == CS_ETRUNC && blen > 0)
			c->flags |= CS_OBS_SALVAGED;
		if (rc == 0 || (rc == CS_ETRUNC && blen > 0))
			*body = cs_span_make(d->body, blen);
	}
	return 0;
}

static bool
is_proto(const struct cs_http_resp *r, const char *proto)
{
	return r->proto.n >= 5 && memcmp(r->proto.p, proto, 5) == 0;
}

/* If the message is an HTTP response, replaces it by its body. */
static void
unwrap_http(struct dctx *c)
{
	struct cs_span body;

	if (c->n < 5 || memcmp(c->p, "HTTP/", 5) != 0)
		return;
	if (parse_resp(c, &body) != 0)
		return;
	add_span(c, "http.server", cs_http_header(&c->d->http, "server"));
	c->p = body.p;
	c->n = body.n;
}

/* ---- vendor device-information APIs (issue #11 §5) ---- */

/* The first '{' of p, or NULL: JSON behind stray or framing bytes. */
static const uint8_t *
json_start(const uint8_t *p, size_t n)
{
	return memchr(p, '{', n);
}

/* The first '{' or '[' of p, or NULL (an answer may be a JSON array). */
static const uint8_t *
json_text_start(const uint8_t *p, size_t n)
{
	const uint8_t *o = memchr(p, '{', n);
	const uint8_t *a = memchr(p, '[', o ? (size_t)(o - p) : n);

	return a ? a : o;
}

/*
 * A vendor API answer: an HTTP response, or its body alone (then
 * *status is 0).  Records the head's Server and, for a 401, the realm.
 * Returns false (nothing recorded) if it starts as HTTP but the head
 * does not parse.
 */
static bool
api_unwrap(struct dctx *c, int *status, struct cs_span *body)
{
	struct cs_span v;

	*status = 0;
	*body = cs_span_make(c->p, c->n);
	if (c->n < 5 || memcmp(c->p, "HTTP/", 5) != 0)
		return true;
	if (parse_resp(c, body) != 0 || !is_proto(&c->d->http, "HTTP/"))
		return false;
	*status = c->d->http.status;
	add_span(c, "http.server", cs_http_header(&c->d->http, "server"));
	v = cs_http_header(&c->d->http, "www-authenticate");
	if (*status == 401 && v.n)
		add_realm(c, "http.realm", cs_http_auth_realm(v));
	return true;
}

/* Records "<status> <body>" (status 200 if unknown) under key. */
static void
add_status_body(struct dctx *c, const char *key, int status,
		struct cs_span body)
{
	char *t = c->d->text;
	int k = snprintf(t, sizeof(c->d->text), "%d ", status ? status : 200);
	size_t m = CS_MIN(body.n, sizeof(c->d->text) - (size_t)k);

	memcpy(t + k, body.p, m);
	add(c, key, t, (size_t)k + m);
}

/* One field of an API answer: its name in the reply, our key. */
struct api_field {
	const char *name, *key;
};

/*
 * Fields of JSON text from j (jn bytes; cs_json_scan reads member lists
 * cut at either end).
 */
static bool
api_json_at(struct dctx *c, const uint8_t *j, size_t jn,
	    const struct api_field *f, size_t nf)
{
	char v[256];
	bool any = false;

	for (size_t i = 0; i < nf; i++) {
		if (cs_json_scan(j, jn, f[i].name, v, sizeof(v)) == 0 &&
		    cs_span_trim(cs_span_make(v, strlen(v))).n) {
			add_span(c, f[i].key,
				 cs_span_trim(cs_span_make(v, strlen(v))));
			any = true;
		}
	}
	return any;
}

/* Fields of a JSON answer (json-c's verdict decides "salvaged"). */
static bool
api_json(struct dctx *c, struct cs_span body, const struct api_field *f,
	 size_t nf)
{
	const uint8_t *j = json_text_start(body.p, body.n);
	size_t jn;

	if (j == NULL)
		return false;
	jn = body.n - (size_t)(j - body.p);
	if (!cs_json_valid(j, jn) || j != body.p)
		c->flags |= CS_OBS_SALVAGED;
	return api_json_at(c, j, jn, f, nf);
}

/*
 * Fields of a key=value answer (one pair a line, CRLF or LF; names
 * compared ignoring ASCII case; the first line of each name wins).
 */
static bool
api_kv(struct dctx *c, struct cs_span body, const struct api_field *f,
       size_t nf)
{
	bool any = false, seen[16] = {false};
	size_t off = 0;

	nf = CS_MIN(nf, CS_NELEM(seen));
	while (off < body.n) {
		const uint8_t *nl = memchr(body.p + off, '\n', body.n - off);
		size_t e = nl ? (size_t)(nl - body.p) : body.n;
		struct cs_span line = cs_span_make(body.p + off, e - off);
		long eqi = cs_span_find(line, "=", 1, false);

		off = e + 1;
		if (eqi <= 0)
			continue;
		for (size_t i = 0; i < nf; i++) {
			struct cs_span name =
			    cs_span_trim(cs_span_make(line.p, (size_t)eqi));
			struct cs_span val = cs_span_trim(cs_span_make(
			    line.p + eqi + 1, line.n - (size_t)eqi - 1));

			if (seen[i] || !cs_span_ieq(name, f[i].name) ||
			    val.n == 0)
				continue;
			seen[i] = true;
			add_span(c, f[i].key, val);
			any = true;
		}
	}
	return any;
}

/* Records the value of the first JSON member named name if MAC-shaped. */
static void
json_mac(struct dctx *c, struct cs_span body, const char *name)
{
	char *t = c->d->text;

	if (cs_json_scan(body.p, body.n, name, t, 64) == 0 && t[0])
		(void)add_mac(c, (const uint8_t *)t, strlen(t));
}

/*
 * The DeviceInfo object as JSON: ISAPI's own ?format=json answer, or an
 * integration's log of the parsed XML (a Python dict repr with '@xmlns'
 * and single quotes).  Read only if it has a model member and deviceID
 * or deviceName beside it (DeviceInfo members, ISAPI developer guide
 * §System/deviceInfo); salvaged.
 */
static bool
isapi_json(struct dctx *c, struct cs_span body)
{
	static const struct api_field f[] = {
	    {"model", "isapi.model"},
	    {"firmwareVersion", "isapi.firmware"},
	    {"deviceType", "isapi.device-type"},
	    {"manufacturer", "isapi.manufacturer"},
	};
	char *t = c->d->text;

	if (json_start(body.p, body.n) == NULL ||
	    cs_json_scan(body.p, body.n, "model", t, 128) != 0 || !t[0] ||
	    (cs_json_scan(body.p, body.n, "deviceID", t, 128) != 0 &&
	     cs_json_scan(body.p, body.n, "deviceName", t, 128) != 0))
		return false;
	c->flags |= CS_OBS_SALVAGED;
	if (!api_json_at(c, body.p, body.n, f, CS_NELEM(f)))
		return false;
	json_mac(c, body, "macAddress");
	return true;
}

/* Hikvision ISAPI GET /ISAPI/System/deviceInfo (protocols.md §4). */
static int
dec_isapi(struct dctx *c)
{
	static const char *const names[] = {"model",       "firmwareVersion",
					    "deviceType",  "manufacturer",
					    "statusValue", "macAddress"};
	static const char *const keys[] = {"isapi.model", "isapi.firmware",
					   "isapi.device-type",
					   "isapi.manufacturer"};
	char out[6][128];
	struct cs_xml_meta meta;
	struct cs_span body;
	int status;
	long long sv;

	if (!api_unwrap(c, &status, &body))
		return malformed(c);
	if (body.n == 0 && status == 0)
		return malformed(c);
	if (body.n == 0 || cs_xml_find_text(body.p, body.n, names,
					    CS_NELEM(names), out, &meta) != 0) {
		if (body.n != 0 && isapi_json(c, body)) {
			add_status_body(c, "hik.isapi", status, body);
			return 0;
		}
		/* Not XML (an HTML error page, nothing): the status is
		 * still the answer. */
		if (status == 0)
			return malformed(c);
		add_status_body(c, "hik.isapi", status, body);
		return 0;
	}
	if (meta.salvaged)
		c->flags |= CS_OBS_SALVAGED;
	if (status == 0 && cs_str_tonum(out[4], 100, 599, &sv) == 0)
		status = (int)sv;
	add_status_body(c, "hik.isapi", status, body);
	for (size_t i = 0; i < CS_NELEM(keys); i++)
		adds(c, keys[i], out[i]);
	/* DeviceInfo <macAddress> (ISAPI): supporting evidence. */
	if (out[5][0])
		(void)add_mac(c, (const uint8_t *)out[5], strlen(out[5]));
	return 0;
}

/*
 * The device class values Dahua uses (DHIP DeviceClass, RPC2
 * magicBox.getDeviceClass): short upper-case words, never a model.
 */
static bool
dahua_class_word(const char *v)
{
	size_t n = strlen(v);

	if (n == 0 || n > 6)
		return false;
	for (size_t i = 0; i < n; i++)
		if (!((v[i] >= 'A' && v[i] <= 'Z') ||
		      (v[i] >= '0' && v[i] <= '9')))
			return false;
	return strchr(v, '-') == NULL;
}

/* Dahua (and OEM) /cgi-bin/magicBox.cgi answers: key=value lines. */
static int
dec_dahua_cgi(struct dctx *c)
{
	static const struct api_field f[] = {
	    {"type", "dahua.model"},
	    {"deviceType", "dahua.model"},
	    {"version", "dahua.firmware"},
	    {"class", "dahua.device-class"},
	    {"deviceClass", "dahua.device-class"},
	    {"updateSerial", "dahua.update-serial"},
	};
	struct cs_span body;
	int status;

	if (!api_unwrap(c, &status, &body))
		return malformed(c);
	if (status == 0 &&
	    (body.n == 0 || cs_span_find(body, "=", 1, false) < 0))
		return malformed(c);
	add_status_body(c, "dahua.cgi", status, body);
	if (status == 0 || status == 200)
		(void)api_kv(c, body, f, CS_NELEM(f));
	return 0;
}

/* Dahua JSON-RPC (/RPC2_Login, /RPC2): challenge or magicBox replies. */
/* True if h holds name as a quoted JSON member name ("name" or 'name'). */
static bool
has_member(struct cs_span h, const char *name)
{
	char q[2][40];
	size_t n = strlen(name);

	if (n + 2 > sizeof(q[0]))
		return false;
	for (size_t k = 0; k < 2; k++) {
		q[k][0] = k ? '\'' : '"';
		memcpy(q[k] + 1, name, n);
		q[k][n + 1] = q[k][0];
	}
	return cs_span_find(h, q[0], n + 2, false) >= 0 ||
	       cs_span_find(h, q[1], n + 2, false) >= 0;
}

/*
 * A Dahua RPC2 answer without its opening brace (a log excerpt): its
 * login challenge's realm member ("realm":"Login to <serial>"), or the
 * JSON-RPC envelope of RPC2 (id, params, result and session members
 * together; Dahua HTTP API V2.76 RPC2 chapter, rroller/dahua rpc2.py).
 */
static bool
rpc2_fragment(struct cs_span b)
{
	struct cs_span h = cs_span_make(b.p, CS_MIN(b.n, 2048));

	if (has_member(h, "realm") &&
	    (cs_span_find(h, "\"Login to ", 10, false) >= 0 ||
	     cs_span_find(h, "'Login to ", 10, false) >= 0))
		return true;
	return has_member(h, "params") && has_member(h, "result") &&
	       has_member(h, "session") && has_member(h, "id");
}

static int
dec_dahua_rpc2(struct dctx *c)
{
	struct cs_span body;
	int status;
	char *t = c->d->text;
	const uint8_t *j;
	size_t jn;

	if (!api_unwrap(c, &status, &body))
		return malformed(c);
	if ((j = json_start(body.p, body.n)) == NULL) {
		if (status != 0)
			return 0;
		if (!rpc2_fragment(body))
			return malformed(c);
		j = body.p; /* members cut from their document */
	}
	jn = body.n - (size_t)(j - body.p);
	if (!cs_json_valid(j, jn) || j != body.p)
		c->flags |= CS_OBS_SALVAGED;
	if (status == 0 || status == 200)
		add(c, "dahua.rpc2", j, jn);
	if (cs_json_scan(j, jn, "realm", t, 128) == 0)
		adds(c, "dahua.realm", t);
	/* magicBox.getDeviceType / getDeviceClass answer params.type. */
	if (cs_json_scan(j, jn, "type", t, 128) == 0 && t[0])
		adds(c,
		     dahua_class_word(t) ? "dahua.device-class" : "dahua.model",
		     t);
	if (cs_json_scan(j, jn, "deviceType", t, 128) == 0 && t[0])
		adds(c, "dahua.model", t);
	if (cs_json_scan(j, jn, "Version", t, 128) == 0 && t[0])
		adds(c, "dahua.firmware", t);
	else if (cs_json_scan(j, jn, "version", t, 128) == 0 && t[0])
		adds(c, "dahua.firmware", t);
	return 0;
}

/* Axis VAPIX basicdeviceinfo.cgi getAllUnrestrictedProperties. */
static int
dec_axis_bdi(struct dctx *c)
{
	static const struct api_field f[] = {
	    {"ProdNbr", "axis.model"},        {"ProdType", "axis.device-type"},
	    {"Version", "axis.firmware"},     {"Brand", "axis.brand"},
	    {"ProdFullName", "axis.product"},
	};
	struct cs_span body;
	const uint8_t *j;
	int status;

	if (!api_unwrap(c, &status, &body))
		return malformed(c);
	if ((j = json_start(body.p, body.n)) == NULL) {
		if (status == 0)
			return malformed(c);
		return 0;
	}
	if (status == 0 || status == 200)
		add(c, "axis.basicdeviceinfo", j,
		    body.n - (size_t)(j - body.p));
	(void)api_json(c, body, f, CS_NELEM(f));
	return 0;
}

/* Hanwha SUNAPI system.cgi?msubmenu=deviceinfo&action=view. */
static int
dec_sunapi(struct dctx *c)
{
	static const struct api_field f[] = {
	    {"Model", "sunapi.model"},
	    {"DeviceType", "sunapi.device-type"},
	    {"FirmwareVersion", "sunapi.firmware"},
	};
	struct cs_span body;
	int status;

	if (!api_unwrap(c, &status, &body))
		return malformed(c);
	if (status == 0 &&
	    (body.n == 0 || (cs_span_find(body, "=", 1, false) < 0 &&
			     json_start(body.p, body.n) == NULL)))
		return malformed(c);
	add_status_body(c, "sunapi.deviceinfo", status, body);
	if (status != 0 && status != 200)
		return 0;
	if (json_start(body.p, body.n) != NULL)
		(void)api_json(c, body, f, CS_NELEM(f));
	else
		(void)api_kv(c, body, f, CS_NELEM(f));
	return 0;
}

/* Uniview LAPI GET /LAPI/V1.0/System/DeviceInfo (JSON). */
static int
dec_lapi(struct dctx *c)
{
	static const struct api_field f[] = {
	    {"DeviceModel", "lapi.model"},
	    {"DeviceType", "lapi.device-type"},
	    {"FirmwareVersion", "lapi.firmware"},
	    {"Manufacturer", "lapi.manufacturer"},
	};
	struct cs_span body;
	int status;

	if (!api_unwrap(c, &status, &body))
		return malformed(c);
	if (status == 0 && json_start(body.p, body.n) == NULL)
		return malformed(c);
	add_status_body(c, "lapi.deviceinfo", status, body);
	if (status == 0 || status == 200)
		(void)api_json(c, body, f, CS_NELEM(f));
	return 0;
}

/*
 * TP-Link Tapo/Kasa local API and UDP 20002 discovery answers (JSON;
 * python-kasa's fixtures): device_type (SMART.IPCAMERA,
 * SMART.TAPODOORBELL, SMART.TAPOHUB ...), device_model, firmware_version
 * or sw_version, manufacturer_name, mac.  The 16-byte binary header of
 * a discovery datagram, if present, is skipped (the JSON starts at its
 * first '{').
 */
static int
dec_tplink(struct dctx *c)
{
	static const struct api_field f[] = {
	    {"device_type", "tplink.device-type"},
	    {"device_model", "tplink.model"},
	    {"firmware_version", "tplink.firmware"},
	    {"sw_version", "tplink.firmware"},
	    {"manufacturer_name", "tplink.manufacturer"},
	};
	/* The local API's get_device_info answer names them "type",
	 * "model" and "fw_ver" (python-kasa's tests/fixtures/smart). */
	static const struct api_field g[] = {
	    {"model", "tplink.model"},
	    {"fw_ver", "tplink.firmware"},
	};
	struct cs_span body;
	int status;
	size_t mark = c->obs->n;
	char *t = c->d->text;
	bool any;

	if (!api_unwrap(c, &status, &body))
		return malformed(c);
	if (json_start(body.p, body.n) == NULL)
		return mark == c->obs->n ? malformed(c) : 0;
	any = api_json(c, body, f, CS_NELEM(f));
	if (!any && cs_json_scan(body.p, body.n, "type", t, 64) == 0 &&
	    (strncmp(t, "SMART.", 6) == 0 || strncmp(t, "IOT.", 4) == 0)) {
		adds(c, "tplink.device-type", t);
		(void)api_json(c, body, g, CS_NELEM(g));
		any = true;
	}
	if (!any)
		return mark == c->obs->n ? malformed(c) : 0;
	json_mac(c, body, "mac");
	return 0;
}

/*
 * A piece of Reolink's DevInfo object without the document around it
 * (a log excerpt, a capture cut short, an integration's Python dict
 * repr): two of the member names that object has together (firmVer,
 * hardVer, pakSuffix, buildDay, exactType, cfgVer, frameworkVer;
 * Reolink's HTTP API user guide, GetDevInfo), each quoted with " or '.
 */
static bool
reolink_fragment(struct cs_span b)
{
	static const char *const names[] = {
	    "firmVer",   "hardVer", "pakSuffix",    "buildDay",
	    "exactType", "cfgVer",  "frameworkVer",
	};
	struct cs_span h = cs_span_make(b.p, CS_MIN(b.n, 2048));
	unsigned hits = 0;

	for (size_t i = 0; i < CS_NELEM(names) && hits < 2; i++) {
		char q[2][16];
		size_t n = strlen(names[i]);

		for (size_t k = 0; k < 2; k++) {
			q[k][0] = k ? '\'' : '"';
			memcpy(q[k] + 1, names[i], n);
			q[k][n + 1] = q[k][0];
		}
		if (cs_span_find(h, q[0], n + 2, false) >= 0 ||
		    cs_span_find(h, q[1], n + 2, false) >= 0)
			hits++;
	}
	return hits >= 2;
}

/*
 * Reolink's /cgi-bin/api.cgi GetDevInfo answer (JSON array of
 * {"cmd":"GetDevInfo","value":{"DevInfo":{...}}}; Reolink's HTTP API
 * guide): model, firmVer, buildDay, exactType or type (IPC, NVR,
 * WIFI_NVR, HOMEHUB ...).
 */
static int
dec_reolink(struct dctx *c)
{
	static const struct api_field f[] = {
	    {"model", "reolink.model"},
	    {"firmVer", "reolink.firmware"},
	    {"buildDay", "reolink.build"},
	};
	struct cs_span body, lead;
	int status;
	char *t = c->d->text;
	size_t mark = c->obs->n;
	bool frag;

	if (!api_unwrap(c, &status, &body))
		return malformed(c);
	frag = reolink_fragment(body);
	if (json_start(body.p, body.n) == NULL && !frag)
		return mark == c->obs->n ? malformed(c) : 0;
	{
		bool any;

		/* A member list cut from its document (a log excerpt that
		 * starts inside DevInfo) is read from its first byte, not
		 * from a later '{'. */
		lead = cs_span_trim(body);
		if (frag &&
		    (lead.n == 0 || (lead.p[0] != '{' && lead.p[0] != '['))) {
			c->flags |= CS_OBS_SALVAGED;
			any = api_json_at(c, body.p, body.n, f, CS_NELEM(f));
		} else {
			any = api_json(c, body, f, CS_NELEM(f));
		}

		if (cs_json_scan(body.p, body.n, "exactType", t, 64) == 0 &&
		    t[0]) {
			adds(c, "reolink.device-type", t);
			any = true;
		} else if (cs_json_scan(body.p, body.n, "type", t, 64) == 0 &&
			   t[0]) {
			adds(c, "reolink.device-type", t);
			any = true;
		}
		if (!any)
			return mark == c->obs->n ? malformed(c) : 0;
	}
	return 0;
}

/*
 * The same parameters in the sectioned layout of a saved Axis parameter
 * list ("[Brand]" then 'ProdNbr = "P5534"' lines; astroflux's
 * armoire/axis/paramlist.cgi, firmware 5.40): the [Brand] group's
 * Brand, ProdNbr, ProdType, ProdFullName and [Properties.Firmware]
 * Version.  Values lose their double quotes.  Returns true if any was
 * read.
 */
static bool
axis_ini(struct dctx *c, struct cs_span body)
{
	static const struct {
		const char *group, *name, *key;
	} f[] = {
	    {"Brand", "Brand", "axis.brand"},
	    {"Brand", "ProdNbr", "axis.model"},
	    {"Brand", "ProdType", "axis.device-type"},
	    {"Brand", "ProdFullName", "axis.product"},
	    {"Properties.Firmware", "Version", "axis.firmware"},
	};
	struct cs_span group = cs_span_make("", 0);
	bool seen[CS_NELEM(f)] = {false}, any = false;
	size_t off = 0;

	while (off < body.n) {
		const uint8_t *nl = memchr(body.p + off, '\n', body.n - off);
		size_t e = nl ? (size_t)(nl - body.p) : body.n;
		struct cs_span line =
		    cs_span_trim(cs_span_make(body.p + off, e - off));
		long eq;

		off = e + 1;
		if (line.n >= 3 && line.p[0] == '[' &&
		    line.p[line.n - 1] == ']') {
			group = cs_span_make(line.p + 1, line.n - 2);
			continue;
		}
		if ((eq = cs_span_find(line, "=", 1, false)) <= 0)
			continue;
		for (size_t i = 0; i < CS_NELEM(f); i++) {
			struct cs_span name =
			    cs_span_trim(cs_span_make(line.p, (size_t)eq));
			struct cs_span val = cs_span_trim(cs_span_make(
			    line.p + eq + 1, line.n - (size_t)eq - 1));

			if (seen[i] || !cs_span_ieq(group, f[i].group) ||
			    !cs_span_ieq(name, f[i].name))
				continue;
			if (val.n >= 2 && val.p[0] == '"' &&
			    val.p[val.n - 1] == '"')
				val = cs_span_make(val.p + 1, val.n - 2);
			if (val.n == 0)
				continue;
			seen[i] = true;
			add_span(c, f[i].key, val);
			any = true;
		}
	}
	return any;
}

/*
 * The sectioned layout's [Brand] group: its header with ProdNbr anywhere,
 * or followed at once by one of the group's parameter lines (a listing
 * cut before ProdNbr: Brand = "AXIS" then ProdFullName ...).
 */
static bool
axis_ini_brand(struct cs_span h)
{
	long at = cs_span_find(h, "[Brand]", 7, false);
	struct cs_span rest;

	if (at < 0)
		return false;
	if (cs_span_find(h, "ProdNbr", 7, false) >= 0)
		return true;
	rest = cs_span_trim(cs_span_make(h.p + at + 7, h.n - (size_t)at - 7));
	return (cs_span_istarts(rest, "Brand") ||
		cs_span_istarts(rest, "Prod")) &&
	       cs_span_find(rest, "=", 1, false) > 0;
}

/*
 * Axis VAPIX param.cgi?action=list listings (root.Brand.Brand=AXIS,
 * root.Brand.ProdNbr, root.Brand.ProdType, root.Brand.ProdFullName,
 * root.Properties.Firmware.Version): the same keys as basicdeviceinfo.
 */
static int
dec_axis_param(struct dctx *c)
{
	static const struct api_field f[] = {
	    {"root.Brand.Brand", "axis.brand"},
	    {"root.Brand.ProdNbr", "axis.model"},
	    {"root.Brand.ProdType", "axis.device-type"},
	    {"root.Brand.ProdFullName", "axis.product"},
	    {"root.Brand.ProdShortName", "axis.product"},
	    {"root.Properties.Firmware.Version", "axis.firmware"},
	};
	struct cs_span body;
	int status;

	if (!api_unwrap(c, &status, &body))
		return malformed(c);
	if (status != 0 && status != 200)
		return 0;
	if (!api_kv(c, body, f, CS_NELEM(f)) && !axis_ini(c, body)) {
		if (status == 0)
			return malformed(c);
		/* A 200 listing of other groups only (root.Network,
		 * root.Image ...): its body, as an http reply's, for the
		 * rules that read VAPIX's layout. */
		add(c, "http.body", body.p, CS_MIN(body.n, BODY_OBS));
	}
	return 0;
}

/* True if b starts (after blanks) with the text s. */
static bool
starts_with(struct cs_span b, const char *s)
{
	return cs_span_istarts(cs_span_trim(b), s);
}

/*
 * A magicBox getDeviceType answer alone: one line "type=<model>" whose
 * model has the shape of a Dahua one (an upper-case letter first, a
 * dash inside, letters, digits and dashes only), nothing else.
 */
static bool
magicbox_type_line(struct cs_span b)
{
	struct cs_span t = cs_span_trim(b);
	bool dash = false;

	if (t.n < 8 || t.n > 80 || !cs_span_istarts(t, "type=") ||
	    t.p[5] < 'A' || t.p[5] > 'Z')
		return false;
	for (size_t i = 5; i < t.n; i++) {
		if (t.p[i] == '-')
			dash = true;
		else if (!is_alnum(t.p[i]))
			return false;
	}
	return dash;
}

/*
 * Which vendor API an HTTP body (or a bare reply) is, from markers no
 * ordinary page carries; NULL if none.
 */
static int (*api_sniff(struct cs_span b))(struct dctx *)
{
	struct cs_span h = cs_span_make(b.p, CS_MIN(b.n, 2048));

	if ((cs_span_find(h, "<DeviceInfo", 11, false) >= 0 ||
	     cs_span_find(h, "<userCheck", 10, false) >= 0) &&
	    (cs_span_find(h, "/XMLSchema", 10, false) >= 0 ||
	     cs_span_find(h, "<deviceType>", 12, false) >= 0 ||
	     cs_span_find(h, "<firmwareVersion>", 17, false) >= 0))
		return dec_isapi;
	/* Any ISAPI document (EventNotificationAlert, DeviceCap,
	 * ResponseStatus, hddList ...) carries an ISAPI namespace; an event
	 * alert is told by its root even without one. */
	if (cs_span_find(h, "hikvision.com/ver", 17, false) >= 0 ||
	    cs_span_find(h, "isapi.org/ver", 13, false) >= 0 ||
	    cs_span_find(h, "<EventNotificationAlert", 23, false) >= 0)
		return dec_isapi;
	/* A DeviceInfo fragment without its root or namespace: elements
	 * only ISAPI's DeviceInfo has (protocols.md §4), or its lower-case
	 * model and firmwareVersion together (ONVIF's are capitalised). */
	if (cs_span_find(h, "<firmwareReleasedDate>", 22, false) >= 0 ||
	    cs_span_find(h, "<encoderReleasedDate>", 21, false) >= 0 ||
	    cs_span_find(h, "<telecontrolID>", 15, false) >= 0 ||
	    (cs_span_find(h, "<model>", 7, false) >= 0 &&
	     cs_span_find(h, "<firmwareVersion>", 17, false) >= 0))
		return dec_isapi;
	if (cs_span_find(h, "root.Brand.", 11, false) >= 0 ||
	    cs_span_find(h, "root.Properties.Firmware", 24, false) >= 0)
		return dec_axis_param;
	if (axis_ini_brand(h) && json_start(h.p, h.n) == NULL)
		return dec_axis_param;
	/* basicdeviceinfo JSON, also cut before its Brand member. */
	if (cs_span_find(h, "ProdNbr", 7, false) >= 0 &&
	    (cs_span_find(h, "Brand", 5, false) >= 0 ||
	     (has_member(h, "ProdNbr") && has_member(h, "ProdType") &&
	      json_start(h.p, h.n) != NULL)))
		return dec_axis_bdi;
	if ((cs_span_find(h, "\"device_type\"", 13, false) >= 0 ||
	     cs_span_find(h, "\"fw_ver\"", 8, false) >= 0) &&
	    cs_span_find(h, "\"SMART.", 7, false) >= 0)
		return dec_tplink;
	if ((cs_span_find(h, "DevInfo", 7, false) >= 0 &&
	     (cs_span_find(h, "firmVer", 7, false) >= 0 ||
	      cs_span_find(h, "exactType", 9, false) >= 0)) ||
	    reolink_fragment(h))
		return dec_reolink;
	/* magicBox key=value answers given as a plain body. */
	if (cs_span_find(h, "updateSerial=", 13, false) >= 0 ||
	    starts_with(h, "deviceType=") || magicbox_type_line(h) ||
	    (starts_with(h, "appAutoStart=") &&
	     cs_span_find(h, "deviceType=", 11, false) >= 0) ||
	    (starts_with(h, "version=") &&
	     cs_span_find(h, ",build:", 7, false) >= 0))
		return dec_dahua_cgi;
	if (cs_span_find(h, "DeviceModel", 11, false) >= 0 &&
	    cs_span_find(h, "ResponseURL", 11, false) >= 0)
		return dec_lapi;
	if (cs_span_find(h, "Login to ", 9, false) >= 0 &&
	    cs_span_find(h, "realm", 5, false) >= 0 &&
	    json_start(h.p, h.n) != NULL)
		return dec_dahua_rpc2;
	if (rpc2_fragment(h))
		return dec_dahua_rpc2;
	return NULL;
}

/* Any vendor API answer: the kind is told by its markers. */
static int
dec_vendor_api(struct dctx *c)
{
	struct cs_span b = cs_span_make(c->p, c->n);
	int (*fn)(struct dctx *) = api_sniff(b);

	if (fn == NULL)
		return malformed(c);
	return fn(c);
}

/* ---- decoders, one per kind ---- */

/*
 * A web reply whose body is a vendor API answer (a capture of GET
 * /ISAPI/System/deviceInfo given as kind "http"), a SOAP reply or a
 * UPnP description also gives that decoder's observations; a body that
 * then does not parse adds nothing (the http observations stand).
 */
static int dec_wsd(struct dctx *c);
static int dec_onvif(struct dctx *c);
static int dec_upnp(struct dctx *c);

/*
 * The decoder of a structured body an HTTP capture may carry besides a
 * vendor API answer: a SOAP (ONVIF) reply, a WS-Discovery message, a
 * UPnP description.  NULL if none.
 */
static int (*body_sniff(struct cs_span b))(struct dctx *)
{
	struct cs_span h = cs_span_make(b.p, CS_MIN(b.n, 2048));
	int (*fn)(struct dctx *) = api_sniff(b);

	if (fn != NULL)
		return fn;
	if (cs_span_find(h, "ProbeMatch", 10, false) >= 0 &&
	    cs_span_find(h, "Scopes", 6, false) >= 0)
		return dec_wsd;
	if (cs_span_find(h, "GetDeviceInformationResponse", 28, false) >= 0 ||
	    (cs_span_find(h, "Envelope", 8, false) >= 0 &&
	     cs_span_find(h, "www.onvif.org/ver", 17, false) >= 0))
		return dec_onvif;
	if (cs_span_find(h, "urn:schemas-upnp-org:device-1-0", 31, false) >= 0)
		return dec_upnp;
	return NULL;
}

static void
api_body(struct dctx *c, struct cs_span body)
{
	int (*fn)(struct dctx *) = body_sniff(body);
	struct dctx sub = *c;

	if (fn == NULL)
		return;
	sub.p = body.p;
	sub.n = body.n;
	sub.quiet = true;
	(void)fn(&sub);
}

/*
 * Salvage for a reply that does not start with its protocol name: stray
 * bytes (a stream dump, a log prefix) before "HTTP/1." or "RTSP/1." in
 * the first 512 bytes are skipped.  Returns true if it moved c.
 */
static bool
skip_to_proto(struct dctx *c, const char *proto)
{
	struct cs_span h = cs_span_make(c->p, CS_MIN(c->n, 512));
	long k;

	if (c->n >= 5 && memcmp(c->p, proto, 5) == 0)
		return false;
	k = cs_span_find(h, proto, strlen(proto), false);
	if (k <= 0)
		return false;
	c->p += k;
	c->n -= (size_t)k;
	c->flags |= CS_OBS_SALVAGED;
	return true;
}

/*
 * True if b is text a person could read as a reply body: no NUL or other
 * control byte but tab, CR and LF (bytes >= 0x80 pass: UTF-8 or a legacy
 * code page), and at least two bytes that are not blank.  A vendor API
 * answered in plain key=value lines (magicBox "class=NVR", AVTECH
 * "Product.Type=DVR", Vivotek "system_info_modelname='IP7160'") has no
 * markup and no JSON, but is a body all the same.
 */
static bool
text_body(struct cs_span b)
{
	size_t vis = 0;

	for (size_t i = 0; i < b.n; i++) {
		uint8_t ch = b.p[i];

		if (ch < 0x20 && ch != '\t' && ch != '\r' && ch != '\n')
			return false;
		if (ch == 0x7f)
			return false;
		if (ch > ' ')
			vis++;
	}
	return vis >= 2;
}

/* True if p starts with a "Name: value" header line. */
static bool
header_block(const uint8_t *p, size_t n)
{
	size_t i = 0;

	while (i < n && i < 64 &&
	       ((p[i] >= 'A' && p[i] <= 'Z') || (p[i] >= 'a' && p[i] <= 'z') ||
		(p[i] >= '0' && p[i] <= '9') || p[i] == '-' || p[i] == '_'))
		i++;
	return i > 0 && i + 1 < n && p[i] == ':' &&
	       (p[i + 1] == ' ' || p[i + 1] == '\t');
}

/* One observation "Name: value" under key for each header line of r. */
static void
add_headers(struct dctx *c, const char *key, const struct cs_http_resp *r)
{
	for (size_t i = 0; i < r->nhdr; i++) {
		size_t k = CS_MIN(r->hdr[i].name.n, sizeof(c->d->text) - 3);
		size_t m =
		    CS_MIN(r->hdr[i].value.n, sizeof(c->d->text) - 2 - k);

		memcpy(c->d->text, r->hdr[i].name.p, k);
		memcpy(c->d->text + k, ": ", 2);
		memcpy(c->d->text + k + 2, r->hdr[i].value.p, m);
		add(c, key, c->d->text, k + 2 + m);
	}
}

static int
dec_http(struct dctx *c)
{
	struct cs_http_resp *r = &c->d->http;
	struct cs_span body, v, loc;
	char st[8];

	if (!skip_to_proto(c, "HTTP/1.") &&
	    (c->n < 5 || memcmp(c->p, "HTTP/", 5) != 0)) {
		struct cs_span b = cs_span_make(c->p, c->n);
		static const char line[] = "HTTP/1.1 200 OK\r\n";

		if (header_block(c->p, c->n) &&
		    c->n + sizeof(line) <= sizeof(c->d->synth)) {
			/* Headers without their status line (a log, another
			 * tool's export): read them, record no status. */
			memcpy(c->d->synth, line, sizeof(line) - 1);
			memcpy(c->d->synth + sizeof(line) - 1, c->p, c->n);
			c->p = c->d->synth;
			c->n += sizeof(line) - 1;
			c->flags |= CS_OBS_SALVAGED;
			c->no_status = true;
		} else {
			/* A body without its head: keep what a page says,
			 * or what an API answer gives.  Markup, JSON or a
			 * known API answer; the scan keeps the same body
			 * from a host that sends it with its head.  Other
			 * readable text (a key=value answer) is kept too,
			 * marked salvaged: its head was lost. */
			struct cs_span t = cs_span_trim(b);

			if (c->n == 0)
				return malformed(c);
			if (memchr(c->p, '<', c->n) == NULL &&
			    body_sniff(b) == NULL &&
			    (t.n < 2 || (t.p[0] != '{' && t.p[0] != '['))) {
				if (!text_body(b))
					return malformed(c);
				c->flags |= CS_OBS_SALVAGED;
			}
			add_span(c, "http.title", cs_html_title(b));
			add_span(c, "http.location",
				 cs_html_meta_refresh_or_location(b));
			add(c, "http.body", c->p, CS_MIN(c->n, BODY_OBS));
			api_body(c, b);
			return 0;
		}
	}
	if (parse_resp(c, &body) != 0 || !is_proto(r, "HTTP/"))
		return malformed(c);
	snprintf(st, sizeof(st), "%d", r->status);
	if (!c->no_status)
		adds(c, "http.status", st);
	add_span(c, "http.server", cs_http_header(r, "server"));
	v = cs_http_header(r, "www-authenticate");
	add_span(c, "http.www-authenticate", v);
	if (v.n)
		add_realm(c, "http.realm", cs_http_auth_realm(v));
	add_span(c, "http.title", cs_html_title(body));
	loc = cs_http_header(r, "location");
	if (loc.n == 0)
		loc = cs_html_meta_refresh_or_location(body);
	add_span(c, "http.location", loc);
	add(c, "http.body", body.p, CS_MIN(body.n, BODY_OBS));
	add_headers(c, "http.header", r);
	api_body(c, body);
	return 0;
}

static int
dec_rtsp(struct dctx *c)
{
	struct cs_http_resp *r = &c->d->http;
	struct cs_span body, v;
	struct cs_span t = cs_span_trim(cs_span_make(c->p, c->n));

	if (t.n >= 4 && memcmp(t.p, "v=0", 3) == 0 &&
	    (t.p[3] == '\r' || t.p[3] == '\n')) {
		/* A DESCRIBE reply's SDP without its head. */
		c->flags |= CS_OBS_SALVAGED;
		add_span(c, "rtsp.sdp", t);
		if (cs_sdp_parse(t.p, t.n, &c->d->sdp) == 0 ||
		    c->d->sdp.session.n)
			add_span(c, "rtsp.sdp.session", c->d->sdp.session);
		return 0;
	}
	if (!skip_to_proto(c, "RTSP/1.") &&
	    (c->n < 5 || memcmp(c->p, "RTSP/", 5) != 0) &&
	    header_block(c->p, c->n)) {
		/* Header lines without their status line (a log, another
		 * tool's export): read them, marked salvaged. */
		static const char line[] = "RTSP/1.0 200 OK\r\n";
		size_t k = sizeof(line) - 1;

		if (c->n + k > sizeof(c->d->synth))
			return malformed(c);
		memcpy(c->d->synth, line, k);
		memcpy(c->d->synth + k, c->p, c->n);
		c->p = c->d->synth;
		c->n += k;
		c->flags |= CS_OBS_SALVAGED;
	}
	if (parse_resp(c, &body) != 0 || !is_proto(r, "RTSP/"))
		return malformed(c);
	add_span(c, "rtsp.server", cs_http_header(r, "server"));
	add_span(c, "rtsp.public", cs_http_header(r, "public"));
	/* The URL of the stream (DESCRIBE): its path may be the firmware's. */
	v = cs_http_header(r, "content-base");
	add_span(c, "rtsp.content-base",
		 v.n ? v : cs_http_header(r, "content-location"));
	v = cs_http_header(r, "www-authenticate");
	add_span(c, "rtsp.www-authenticate", v);
	if (v.n)
		add_realm(c, "rtsp.realm", cs_http_auth_realm(v));
	/* Every header line: a reply without Server or realm still has
	 * its stack's headers and their layout (a Date format, extension
	 * headers) for the rules to read. */
	add_headers(c, "rtsp.header", r);
	/* RTSP without Content-Length has no body by the rules; a stored
	 * DESCRIBE reply may still carry its SDP after the head. */
	if (body.n == 0 && r->head_len < c->n && c->p == r->proto.p)
		body = cs_span_make(c->p + r->head_len, c->n - r->head_len);
	/* Stream access (camsweep sends no RTSP credentials): "200 open"
	 * for an SDP answered to anyone, "401 auth digest" for a challenge. */
	{
		struct cs_rtsp_reply rr;
		char a[48];
		cs_rtsp_reply_of(r, body, &rr);
		if (rr.access != CS_RTSP_OTHER) {
			snprintf(a, sizeof(a), "%03d %s%s%s", rr.status,
				 cs_rtsp_access_name(rr.access),
				 rr.scheme[0] ? " " : "", rr.scheme);
			adds(c, "rtsp.access", a);
		}
	}
	if (body.n >= 2 && body.p[0] == 'v' && body.p[1] == '=') {
		add(c, "rtsp.sdp", body.p, body.n);
		if (cs_sdp_parse(body.p, body.n, &c->d->sdp) == 0 ||
		    c->d->sdp.session.n)
			add_span(c, "rtsp.sdp.session", c->d->sdp.session);
	}
	return 0;
}

/*
 * GB/T 28181 (the PRC national standard for networked video surveillance,
 * signalled over SIP): a 20-digit device code of coding rule A (centre 8,
 * industry 2, type 3 -- digits 11 to 13 -- network 1, serial 6).
 */
static bool
gb_code(struct cs_span v)
{
	if (v.n != 20)
		return false;
	for (size_t i = 0; i < v.n; i++)
		if (v.p[i] < '0' || v.p[i] > '9')
			return false;
	return true;
}

/*
 * Its MANSCDP body (Application/MANSCDP+xml: a DeviceInfo or Catalog
 * answer, a Keepalive): the device's own DeviceID (the first one, before
 * any Catalog item's) and, from a DeviceInfo answer or a fragment without
 * its CmdType, its Manufacturer, Model, Firmware and DeviceType (a
 * Catalog's are its channels', a recorder's cameras).  Returns whether
 * it read any.
 */
static bool
gb_body(struct dctx *c, const uint8_t *p, size_t n)
{
	static const char *const names[] = {"Manufacturer", "Model",
					    "Firmware",     "DeviceType",
					    "DeviceID",     "CmdType"};
	static const char *const keys[] = {"gb.manufacturer", "gb.model",
					   "gb.firmware", "gb.device-type",
					   "gb.device-id"};
	char out[CS_NELEM(names)][128];
	struct cs_xml_meta meta;
	struct cs_span s = cs_span_make(p, n);
	bool any = false, cmd = cs_span_find(s, "<CmdType", 8, false) >= 0;

	/* A MANSCDP document names its CmdType; a fragment cut from one
	 * (a log line, a comment) still carries the device's own code. */
	if ((!cmd && cs_span_find(s, "<DeviceID>", 10, false) < 0) ||
	    cs_xml_find_text(p, n, names, CS_NELEM(names), out, &meta) != 0)
		return false;
	if (!cmd &&
	    !gb_code(cs_span_make((const uint8_t *)out[4], strlen(out[4]))))
		return false;
	for (size_t i = 0; i < CS_NELEM(keys); i++) {
		if (out[i][0] == 0 ||
		    (i == 4 && !gb_code(cs_span_make((const uint8_t *)out[i],
						     strlen(out[i])))) ||
		    (i < 4 && cmd && strcmp(out[5], "DeviceInfo") != 0))
			continue;
		adds(c, keys[i], out[i]);
		any = true;
	}
	if (any && meta.salvaged)
		c->flags |= CS_OBS_SALVAGED;
	return any;
}

/* The user part of a From URI when it is a GB/T 28181 device code. */
static bool
gb_from(struct dctx *c, struct cs_span v)
{
	long at = cs_span_find(v, "sip:", 4, true);
	size_t b, e;

	if (at < 0)
		return false;
	b = (size_t)at + 4;
	for (e = b; e < v.n && v.p[e] != '@' && v.p[e] != '>'; e++)
		;
	if (e >= v.n || v.p[e] != '@' || !gb_code(cs_span_make(v.p + b, e - b)))
		return false;
	add(c, "gb.device-id", v.p + b, e - b);
	return true;
}

/*
 * SIP: the Server or User-Agent header (compact forms have none), and the
 * GB/T 28181 device code and MANSCDP answer a video device sends; a
 * MANSCDP body given without its SIP head is read too, marked salvaged.
 */
static int
dec_sip(struct dctx *c)
{
	struct cs_span s = cs_span_make(c->p, c->n);
	bool found = false, bare = false, reply;
	struct cs_span from = cs_span_make(NULL, 0);
	size_t off = 0;

	reply = cs_span_istarts(s, "SIP/2.0");
	if (!reply && cs_span_find(s, " SIP/2.0", 8, true) < 0) {
		/* Header lines without their start line (a log, another
		 * tool's export): read them, marked salvaged. */
		if (!header_block(c->p, c->n)) {
			if (gb_body(c, c->p, c->n)) {
				c->flags |= CS_OBS_SALVAGED;
				return 0;
			}
			return malformed(c);
		}
		bare = true;
		c->flags |= CS_OBS_SALVAGED;
	}
	while (off < c->n) {
		const uint8_t *nl = memchr(c->p + off, '\n', c->n - off);
		size_t e = nl ? (size_t)(nl - c->p) : c->n;
		struct cs_span line = cs_span_make(c->p + off, e - off);

		off = e + 1;
		line = cs_span_trim(line);
		if (line.n == 0)
			break;
		if (cs_span_istarts(line, "server:") ||
		    cs_span_istarts(line, "user-agent:")) {
			size_t k =
			    line.p[0] == 's' || line.p[0] == 'S' ? 7 : 11;

			add_span(
			    c, "sip.server",
			    cs_span_trim(cs_span_make(line.p + k, line.n - k)));
			found = true;
		} else if (cs_span_istarts(line, "from:")) {
			from = cs_span_make(line.p + 5, line.n - 5);
		}
	}
	/* The rest after the blank line is the body. */
	if (off < c->n && gb_body(c, c->p + off, c->n - off))
		found = true;
	/* A request's From is its sender: a device's own code (a reply's
	 * From is the side that asked). */
	else if (!reply && from.n && gb_from(c, from))
		found = true;
	if (bare && !found) {
		c->flags &= ~(unsigned)CS_OBS_SALVAGED;
		return malformed(c);
	}
	return 0;
}

static void
add_ns(struct dctx *c, const struct cs_soap *s)
{
	size_t k = 0;

	for (size_t i = 0; i < s->nns && k + 130 < sizeof(c->d->text); i++)
		k += (size_t)snprintf(c->d->text + k, sizeof(c->d->text) - k,
				      "%s%s", i ? " " : "", s->ns[i]);
	add(c, "onvif.ns", c->d->text, k);
}

/*
 * The text of a Scopes element given alone, as discovery tools print it
 * (a log line, a table cell): blank-separated URIs, at least one of
 * them an ONVIF scope (onvif://www.onvif.org/...), nothing else (a word
 * that is no URI is taken as the rest of the URI before it).  Copies
 * them, single-spaced, into c->d->text (at most 2047 bytes, as a parsed
 * Scopes element) and returns their length, or 0 if b is not that.
 */
static size_t
bare_scopes(struct dctx *c, struct cs_span b)
{
	char *t = c->d->text;
	size_t k = 0, off = 0;
	bool onvif = false;

	b = cs_span_trim(b);
	if (b.n == 0 || b.n >= sizeof(c->d->soap.scopes))
		return 0;
	while (off < b.n) {
		size_t e = off;
		struct cs_span u;

		while (e < b.n && b.p[e] > ' ')
			e++;
		u = cs_span_make(b.p + off, e - off);
		for (size_t i = 0; i < u.n; i++)
			if (u.p[i] >= 0x7f || u.p[i] == '<' || u.p[i] == '>' ||
			    u.p[i] == '"')
				return 0;
		/* A word without "://" after a URI is the rest of a value
		 * with a blank in it, as devices print their location
		 * ("onvif://www.onvif.org/location/Hong Kong"). */
		if (cs_span_find(u, "://", 3, false) <= 0 && k == 0)
			return 0;
		if (cs_span_istarts(u, "onvif://www.onvif.org/"))
			onvif = true;
		if (k > 0)
			t[k++] = ' ';
		memcpy(t + k, u.p, u.n);
		k += u.n;
		off = e;
		while (off < b.n && (b.p[off] == ' ' || b.p[off] == '\t' ||
				     b.p[off] == '\r' || b.p[off] == '\n'))
			off++;
		if (off < b.n && b.p[off] < ' ')
			return 0;
	}
	return onvif ? k : 0;
}

static int
dec_wsd(struct dctx *c)
{
	struct cs_soap *s = &c->d->soap;

	unwrap_http(c);
	if (cs_soap_parse(c->p, c->n, s) != 0) {
		size_t k = bare_scopes(c, cs_span_make(c->p, c->n));

		if (k == 0)
			return malformed(c);
		/* A Scopes text without its ProbeMatch: salvaged. */
		c->flags |= CS_OBS_SALVAGED;
		add(c, "wsd.scopes", c->d->text, k);
		add(c, "onvif.scopes", c->d->text, k);
		return 0;
	}
	if (s->salvaged)
		c->flags |= CS_OBS_SALVAGED;
	adds(c, "wsd.scopes", s->scopes);
	adds(c, "onvif.scopes", s->scopes);
	adds(c, "wsd.types", s->types);
	adds(c, "wsd.xaddrs", s->xaddrs);
	add_ns(c, s);
	return 0;
}

static int
dec_onvif(struct dctx *c)
{
	struct cs_soap *s = &c->d->soap;

	unwrap_http(c);
	if (cs_soap_parse(c->p, c->n, s) != 0)
		return malformed(c);
	if (s->salvaged)
		c->flags |= CS_OBS_SALVAGED;
	add_ns(c, s);
	if (s->fault) {
		adds(c, "onvif.fault",
		     s->fault_subcode[0] ? s->fault_subcode : s->fault_code);
		return 0;
	}
	adds(c, "onvif.manufacturer", s->manufacturer);
	adds(c, "onvif.model", s->model);
	adds(c, "onvif.firmware", s->firmware);
	adds(c, "onvif.serial", s->serial);
	add_mac_in(c, cs_span_make(s->serial, strlen(s->serial)));
	adds(c, "onvif.hardware", s->hardware_id);
	adds(c, "onvif.scopes", s->scopes);
	adds(c, "onvif.xaddr", s->xaddrs);
	return 0;
}

static bool
meaningful(const char *s)
{
	return s[0] && strcmp(s, "N/A") != 0 && strcmp(s, "0") != 0;
}

static int
dec_sadp(struct dctx *c)
{
	struct cs_sadp *s = &c->d->sadp;

	if (cs_sadp_parse(c->p, c->n, s) != 0)
		return malformed(c);
	if (s->salvaged)
		c->flags |= CS_OBS_SALVAGED;
	add(c, "sadp.raw", c->p, c->n);
	adds(c, "sadp.model", s->description);
	adds(c, "sadp.firmware", s->software_version);
	adds(c, "sadp.type", s->device_type);
	adds(c, "sadp.activated", s->activated);
	adds(c, "sadp.hc-platform", s->hc_platform_enable);
	if (meaningful(s->oem_info))
		adds(c, "sadp.oem", s->oem_info);
	else if (meaningful(s->detail_oem_code))
		adds(c, "sadp.oem", s->detail_oem_code);
	if (s->mac[0])
		add_mac(c, (const uint8_t *)s->mac, strlen(s->mac));
	return 0;
}

/* Adds key=value unless the same pair is already in the list. */
static void
add_unique_early(struct dctx *c, const char *key, const char *v)
{
	size_t n = strlen(v);

	c->d->read_list = true;
	for (size_t i = 0; i < c->obs->n; i++) {
		const struct cs_obs *o = &c->obs->v[i];

		if (o->len == n && memcmp(o->val, v, n) == 0 &&
		    strcmp(o->key, key) == 0)
			return;
	}
	adds(c, key, v);
}

static void add_hex(struct dctx *c, const char *key, const uint8_t *p,
		    size_t n);

/*
 * True if the JSON text p names a member "name" (the quoted name, blanks,
 * then ':'), wherever it is; looked for in the first 4 KiB.
 */
static bool
json_member(const uint8_t *p, size_t n, const char *name)
{
	struct cs_span h = cs_span_make(p, CS_MIN(n, 4096));
	size_t k = strlen(name);
	long at = 0;

	while (at >= 0 && (size_t)at < h.n) {
		struct cs_span rest = cs_span_make(h.p + at, h.n - (size_t)at);
		long q = cs_span_find(rest, "\"", 1, false);
		size_t i;

		if (q < 0)
			return false;
		i = (size_t)at + (size_t)q + 1;
		if (i + k + 1 <= h.n && memcmp(h.p + i, name, k) == 0 &&
		    h.p[i + k] == '"') {
			i += k + 1;
			while (i < h.n && (h.p[i] == ' ' || h.p[i] == '\t' ||
					   h.p[i] == '\r' || h.p[i] == '\n'))
				i++;
			if (i < h.n && h.p[i] == ':')
				return true;
		}
		at = (long)((size_t)at + (size_t)q + 1);
	}
	return false;
}

static int
dec_dhip(struct dctx *c)
{
	struct cs_dhip_info *h = &c->d->dhip;
	const uint8_t *j;
	size_t jn;
	char *t = c->d->text;
	static const struct {
		const char *name, *key;
	} f[] = {
	    {"DeviceType", "dhip.model"}, {"DeviceClass", "dhip.class"},
	    {"Vendor", "dhip.vendor"},    {"Manufacturer", "dhip.vendor"},
	    {"Version", "dhip.firmware"},
	};
	bool any = false;

	if (cs_dhip_info_parse(c->p, c->n, h) == 0) {
		add_span(c, "dhip.raw", h->json);
		adds(c, "dhip.model", h->device_type);
		adds(c, "dhip.class", h->device_class);
		adds(c, "dhip.vendor", h->vendor);
		if (strcmp(h->manufacturer, h->vendor) != 0)
			adds(c, "dhip.vendor", h->manufacturer);
		adds(c, "dhip.firmware", h->version);
		if (h->mac[0])
			add_mac(c, (const uint8_t *)h->mac, strlen(h->mac));
		return 0;
	}
	/* Salvage: the JSON without (or behind a cut or wrong) framing,
	 * or with a slip json-c refuses. */
	if ((j = json_start(c->p, c->n)) == NULL) {
		/* The 32-byte header alone (a capture's snap length, an
		 * empty body): its magic is still Dahua's (protocols.md §5). */
		static const uint8_t magic[8] = {0x20, 0,   0,   0,
						 'D',  'H', 'I', 'P'};

		if (c->n < 8 || memcmp(c->p, magic, 8) != 0)
			return malformed(c);
		c->flags |= CS_OBS_SALVAGED;
		add_hex(c, "dhip.header", c->p, CS_MIN(c->n, 32));
		return 0;
	}
	jn = c->n - (size_t)(j - c->p);
	c->flags |= CS_OBS_SALVAGED;
	for (size_t i = 0; i < CS_NELEM(f); i++) {
		if (cs_json_scan(j, jn, f[i].name, t, 128) == 0 && t[0]) {
			if (!any)
				add(c, "dhip.raw", j, jn);
			any = true;
			add_unique_early(c, f[i].key, t);
		}
	}
	if (!any) {
		/* A JSON-RPC message of DHIP (protocols.md §5: "method",
		 * "params", "result" with "id"/"session") without any of
		 * those fields, cut (a listService answer in a log): its
		 * text is still the device's, kept for the rules. */
		if (json_member(j, jn, "id") &&
		    (json_member(j, jn, "params") ||
		     json_member(j, jn, "result") ||
		     json_member(j, jn, "method"))) {
			add(c, "dhip.raw", j, jn);
			return 0;
		}
		c->flags &= ~(unsigned)CS_OBS_SALVAGED;
		return malformed(c);
	}
	if ((cs_json_scan(j, jn, "mac", t, 128) == 0 && t[0]) ||
	    (cs_json_scan(j, jn, "MAC", t, 128) == 0 && t[0]))
		add_mac(c, (const uint8_t *)t, strlen(t));
	return 0;
}

static void
add_hex(struct dctx *c, const char *key, const uint8_t *p, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	char out[65];
	size_t k = 0;

	n = CS_MIN(n, 32);
	for (size_t i = 0; i < n; i++) {
		out[k++] = hex[p[i] >> 4];
		out[k++] = hex[p[i] & 15];
	}
	add(c, key, out, k);
}

/*
 * The fields of a Xiongmai DVRIP JSON payload (protocols.md §7), read by
 * the salvage scanner so that sloppy or cut payloads still give them.
 */
static void
xm_fields(struct dctx *c, struct cs_span pl)
{
	static const struct {
		const char *name, *key;
	} f[] = {
	    {"DeviceModel", "xm.model"},
	    {"HardWare", "xm.model"},
	    {"SoftWareVersion", "xm.firmware"},
	};
	char *t = c->d->text;

	for (size_t i = 0; i < CS_NELEM(f); i++)
		if (cs_json_scan(pl.p, pl.n, f[i].name, t, 128) == 0 && t[0])
			add_unique_early(c, f[i].key, t);
}

static int
dec_dvrip(struct dctx *c)
{
	if (c->n > 0 && c->p[0] == 0xFF) {
		struct cs_xm_msg m;
		int rc = cs_xm_parse(c->p, c->n, &m);

		if (rc == CS_ETRUNC && c->n > CS_XM_HDR) {
			/* Cut inside the payload: keep what came. */
			struct cs_span pl =
			    cs_span_make(c->p + CS_XM_HDR, c->n - CS_XM_HDR);

			c->flags |= CS_OBS_SALVAGED;
			add_span(c, "xm.dvrip", pl);
			add_span(c, "dvrip.raw", pl);
			xm_fields(c, pl);
			return 0;
		}
		if (rc != 0)
			return malformed(c);
		add_span(c, "xm.dvrip", m.payload);
		add_span(c, "dvrip.raw", m.payload);
		xm_fields(c, m.payload);
		return 0;
	}
	if (c->n > 0 && c->p[0] >= 0x80) {
		struct cs_dh_dvrip m;
		int rc = cs_dh_dvrip_parse(c->p, c->n, &m);

		if (rc == CS_ETRUNC && c->n >= 4 &&
		    (c->p[0] == 0xB0 || c->p[0] == 0xB1 || c->p[0] == 0xB3)) {
			/* A reply header cut short (a capture's snap length):
			 * its type bytes are still the documented ones
			 * (protocols.md §6: b0 00 00 68, b0 01 00 68, b3 00
			 * 23 01). */
			c->flags |= CS_OBS_SALVAGED;
			add_hex(c, "dahua.dvrip", c->p, c->n);
			return 0;
		}
		if (rc != 0)
			return malformed(c);
		add_hex(c, "dahua.dvrip", c->p, c->n);
		/* JSON over DVRIP (f6 00 00 68, protocols.md §6): the same
		 * JSON-RPC answers as /RPC2. */
		if (c->n > CS_DH_DVRIP_HDR &&
		    json_start(c->p + CS_DH_DVRIP_HDR,
			       c->n - CS_DH_DVRIP_HDR)) {
			struct dctx sub = *c;

			sub.p = c->p + CS_DH_DVRIP_HDR;
			sub.n = c->n - CS_DH_DVRIP_HDR;
			sub.quiet = true;
			(void)dec_dahua_rpc2(&sub);
		}
		return 0;
	}
	{
		/* Salvage: the JSON payload without its framing. */
		struct cs_span s = cs_span_trim(cs_span_make(c->p, c->n));

		while (s.n > 0 && s.p[s.n - 1] == '\0')
			s.n--;
		if (s.n > 1 && s.p[0] == '{') {
			c->flags |= CS_OBS_SALVAGED;
			add_span(c, "xm.dvrip", s);
			add_span(c, "dvrip.raw", s);
			xm_fields(c, s);
			return 0;
		}
	}
	return malformed(c);
}

static int
dec_ssdp(struct dctx *c)
{
	struct cs_ssdp *s = &c->d->ssdp;

	if (cs_ssdp_parse(c->p, c->n, s) != 0) {
		/* Header lines without their start line (a log, another
		 * tool's export): read them as a response's, salvaged. */
		static const char line[] = "HTTP/1.1 200 OK\r\n";
		size_t k = sizeof(line) - 1;

		if (!header_block(c->p, c->n) || c->n + k > sizeof(c->d->synth))
			return malformed(c);
		memcpy(c->d->synth, line, k);
		memcpy(c->d->synth + k, c->p, c->n);
		if (cs_ssdp_parse(c->d->synth, c->n + k, s) != 0 ||
		    (s->server.n == 0 && s->st.n == 0 && s->nt.n == 0 &&
		     s->usn.n == 0 && s->location.n == 0))
			return malformed(c);
		c->flags |= CS_OBS_SALVAGED;
	}
	add_span(c, "ssdp.server", s->server);
	add_span(c, "ssdp.st", s->st.n ? s->st : s->nt);
	add_span(c, "ssdp.usn", s->usn);
	add_span(c, "ssdp.location", s->location);
	return 0;
}

static int
dec_upnp(struct dctx *c)
{
	struct cs_upnp *u = &c->d->upnp;

	unwrap_http(c);
	if (cs_upnp_parse(c->p, c->n, u) != 0)
		return malformed(c);
	if (u->salvaged)
		c->flags |= CS_OBS_SALVAGED;
	adds(c, "upnp.manufacturer", u->manufacturer);
	adds(c, "upnp.model", u->model_name);
	adds(c, "upnp.model-number", u->model_number);
	adds(c, "upnp.friendly-name", u->friendly_name);
	add_mac_in(c, cs_span_make(u->friendly_name, strlen(u->friendly_name)));
	adds(c, "upnp.manufacturer-url", u->manufacturer_url);
	adds(c, "upnp.model-description", u->model_description);
	adds(c, "upnp.serial", u->serial);
	add_mac_in(c, cs_span_make(u->serial, strlen(u->serial)));
	adds(c, "upnp.device-type", u->device_type);
	return 0;
}

/* Adds key=value unless the same pair is already in the list. */
static void
add_unique(struct dctx *c, const char *key, const char *v)
{
	size_t n = strlen(v);

	if (n == 0)
		return;
	c->d->read_list = true;
	for (size_t i = 0; i < c->obs->n; i++) {
		const struct cs_obs *o = &c->obs->v[i];

		if (o->len == n && memcmp(o->val, v, n) == 0 &&
		    strcmp(o->key, key) == 0)
			return;
	}
	adds(c, key, v);
}

/* True if name ends with "._tcp.local" / "._udp.local" (or no .local). */
static bool
is_service_type(const char *name)
{
	const char *t = strstr(name, "._tcp");

	if (t == NULL)
		t = strstr(name, "._udp");
	return t != NULL && name[0] == '_' &&
	       (t[5] == '\0' || strcmp(t + 5, ".local") == 0);
}

/* Splits "Instance Name._svc._tcp.local" at the first unescaped dot. */
static size_t
first_label_len(const char *name)
{
	size_t i = 0;

	while (name[i] && name[i] != '.') {
		if (name[i] == '\\' && name[i + 1])
			i++;
		i++;
	}
	return i;
}

/*
 * An Arecont Vision instance (discovery-protocols.md §12, one
 * reverse-engineered implementation: ASSUMED): "<model>-<id>", split at
 * the first '-'; an id "AV" + 6 hex digits is the MAC with Arecont's OUI
 * 00:1A:07 (IEEE) written as "AV".  Gives `arecont.model` and `mac`.
 */
static void
arecont_instance(struct dctx *c, const char *inst)
{
	const char *dash = strchr(inst, '-');
	struct cs_span model, id;
	char mac[13];

	if (dash == NULL)
		return;
	model = cs_span_trim(cs_span_make(inst, (size_t)(dash - inst)));
	id = cs_span_trim(cs_span_make(dash + 1, strlen(dash + 1)));
	add_span(c, "arecont.model", model);
	if (id.n == 8 && (id.p[0] == 'A' || id.p[0] == 'a') &&
	    (id.p[1] == 'V' || id.p[1] == 'v')) {
		memcpy(mac, "001A07", 6);
		memcpy(mac + 6, id.p + 2, 6);
		add_mac(c, (const uint8_t *)mac, 12);
	}
}

static int
dec_mdns(struct dctx *c)
{
	struct cs_mdns *m = &c->d->mdns;
	int rc = cs_mdns_parse(c->p, c->n, m);
	char *t = c->d->text;

	if (rc != 0 && !(rc == CS_ELIMIT && m->nrr > 0))
		return malformed(c);
	for (size_t i = 0; i < m->nrr; i++) {
		const struct cs_mdns_rr *r = &m->rr[i];

		switch (r->type) {
		case CS_DNS_PTR:
			if (strcmp(r->name, "_services._dns-sd._udp.local") ==
			    0) {
				add_unique(c, "mdns.service", r->target);
			} else if (strstr(r->name, ".in-addr.arpa") ||
				   strstr(r->name, ".ip6.arpa")) {
				add_unique(c, "mdns.hostname", r->target);
			} else if (is_service_type(r->name) ||
				   strstr(r->name, "._sub.")) {
				const char *svc = strstr(r->name, "._sub.");

				svc = svc ? svc + 6 : r->name;
				add_unique(c, "mdns.service", svc);
				size_t k = first_label_len(r->target);
				snprintf(t, sizeof(c->d->text), "%.*s", (int)k,
					 r->target);
				add_unique(c, "mdns.instance", t);
				add_mac_in(c, cs_span_make(t, strlen(t)));
				if (strncmp(svc, "_arec._tcp", 10) == 0)
					arecont_instance(c, t);
			}
			break;
		case CS_DNS_SRV: {
			size_t k = first_label_len(r->name);

			if (r->name[k] == '.' &&
			    is_service_type(r->name + k + 1))
				add_unique(c, "mdns.service", r->name + k + 1);
			snprintf(t, sizeof(c->d->text), "%.*s", (int)k,
				 r->name);
			add_unique(c, "mdns.instance", t);
			add_mac_in(c, cs_span_make(t, strlen(t)));
			if (strncmp(r->name + k, "._arec._tcp", 11) == 0)
				arecont_instance(c, t);
			add_unique(c, "mdns.hostname", r->target);
			break;
		}
		case CS_DNS_TXT:
			add_unique(c, "mdns.txt", r->txt);
			break;
		case CS_DNS_A:
		case CS_DNS_AAAA:
			add_unique(c, "mdns.hostname", r->name);
			break;
		default:
			break;
		}
	}
	return 0;
}

static int
dec_tls_cert(struct dctx *c)
{
	struct cs_x509 *x = &c->d->x509;

	if (cs_x509_parse(c->p, c->n, x) != 0)
		return malformed(c);
	adds(c, "tls.subject", x->subject);
	adds(c, "tls.issuer", x->issuer);
	adds(c, "tls.not-before", x->not_before);
	adds(c, "tls.not-after", x->not_after);
	if (x->key != CS_X509_KEY_NONE) {
		char k[32];
		snprintf(k, sizeof(k), "%s %u", cs_x509_key_name(x->key),
			 x->key_bits);
		adds(c, "tls.key", k);
	}
	if (x->self_issued)
		adds(c, "tls.self-issued", "yes");
	return 0;
}

/*
 * A banner as it is shown: telnet option negotiation (RFC 854 IAC
 * sequences), CR, LF and NUL bytes removed; at most 512 bytes kept.
 */
static size_t
clean_banner(const uint8_t *p, size_t n, uint8_t *out, size_t cap)
{
	size_t k = 0;

	for (size_t i = 0; i < n && k < cap; i++) {
		if (p[i] == 0xFF) { /* IAC */
			if (i + 1 < n && p[i + 1] >= 0xFB && p[i + 1] <= 0xFE)
				i += 2; /* WILL/WONT/DO/DONT option */
			else
				i += 1;
			continue;
		}
		if (p[i] == '\r' || p[i] == '\n' || p[i] == 0)
			continue;
		out[k++] = p[i];
	}
	return k;
}

static int
dec_banner(struct dctx *c)
{
	add(c, "banner", c->d->body, clean_banner(c->p, c->n, c->d->body, 512));
	if (c->service && c->service[0])
		adds(c, "banner.service", c->service);
	return 0;
}

/* Hikvision's port-8000 greeting (protocols.md §4): its 16 bytes in hex. */
static int
dec_hik_sdk(struct dctx *c)
{
	struct cs_hik_sdk h;

	if (cs_hik_sdk_parse(c->p, c->n, &h) != 0)
		return malformed(c);
	add_hex(c, "hik.sdk", c->p, CS_MIN(c->n, CS_HIK_SDK_LEN));
	return 0;
}

/* A MAC address, or a registry prefix given alone (90:02:A9:1/28). */
static int
dec_mac(struct dctx *c)
{
	uint8_t mac[6];
	unsigned bits;

	if (add_mac(c, c->p, c->n))
		return 0;
	if (cs_dec_mac_prefix_parse(c->p, c->n, mac, &bits) != 0)
		return malformed(c);
	add_mac_bits(c, mac, bits);
	return 0;
}

/* The single-field kinds: the value is recorded under the kind. */
static int
dec_field(struct dctx *c)
{
	add(c, c->kind, c->p, c->n);
	return 0;
}

static int
dec_wwwauth(struct dctx *c)
{
	struct cs_span v = cs_span_trim(cs_span_make(c->p, c->n));

	add_span(c, "http.www-authenticate", v);
	add_realm(c, "http.realm", cs_http_auth_realm(v));
	return 0;
}

static int
dec_as(struct dctx *c, const char *key)
{
	add(c, key, c->p, c->n);
	return 0;
}

/*
 * AXIS OS devices' sysDescr: "; AXIS <product>; <product type>;
 * <firmware>; <build date>; <hardware id>; <n>" (captures of an AXIS
 * Q1656 Box Camera and an I8116-E Network Video Intercom in LibreNMS's
 * tests/snmpsim axiscam_box.snmprec and axiscam_i8116-e.snmprec).  The
 * product type is basicdeviceinfo's ProdType and the firmware its
 * Version, so they are recorded under the same keys: the device type
 * is class evidence the protocol defines, read by the rules of
 * axis.device-type.  Needs the leading "; AXIS " and at least the
 * three fields; a field is at most 63 bytes.
 */
static void
axis_sysdescr(struct dctx *c)
{
	static const char *const keys[] = {"axis.model", "axis.device-type",
					   "axis.firmware"};
	struct cs_span s = cs_span_trim(cs_span_make(c->p, c->n));
	struct cs_span f[3];
	size_t off = 2, nf = 0;

	if (s.n < 8 || !cs_span_istarts(s, "; AXIS "))
		return;
	while (nf < 3 && off < s.n) {
		long e = cs_span_find(cs_span_make(s.p + off, s.n - off), ";",
				      1, false);
		size_t end = e < 0 ? s.n : off + (size_t)e;

		f[nf] = cs_span_trim(cs_span_make(s.p + off, end - off));
		if (f[nf].n == 0 || f[nf].n > 63)
			return;
		nf++;
		off = end + 1;
	}
	/* "AXIS Q1656" -> "Q1656", as ProdNbr; a bare "AXIS" names no
	 * product (the first field may be that after trimming) */
	if (nf < 3 || f[0].n <= 5 || !cs_span_istarts(f[0], "AXIS "))
		return;
	f[0].p += 5;
	f[0].n -= 5;
	f[0] = cs_span_trim(f[0]);
	for (size_t i = 0; i < nf; i++)
		add_span(c, keys[i], f[i]);
	adds(c, "axis.brand", "AXIS");
}

static int
dec_snmp(struct dctx *c)
{
	(void)dec_as(c, "snmp.sysdescr");
	axis_sysdescr(c);
	return 0;
}

/*
 * sysObjectID.0 (RFC 3418 SNMPv2-MIB: the vendor's authoritative
 * identification of the kind of entity, an OID that is normally under
 * the vendor's IANA Private Enterprise Number, 1.3.6.1.4.1.<PEN>), as
 * tools print it or as the value's BER encoding (X.690 8.19):
 *   1.3.6.1.4.1.39165.1.1 and .1.3.6.1.4.1.39165.1.1 (numeric, -On);
 *   iso.3.6.1.4.1.39165.1.1 (Net-SNMP without MIBs);
 *   SNMPv2-SMI::enterprises.39165.1.1 and enterprises.39165.1.1
 *   (Net-SNMP with the standard MIBs only);
 *   a whole snmpget line: "SNMPv2-MIB::sysObjectID.0 = OID: <one of
 *   those>" (the part after "OID:" is read);
 *   BER: tag 0x06, a short or long-form length the input holds, and the
 *   content's base-128 arcs (the first byte 40 * arc1 + arc2).
 * Recorded as snmp.sysobjectid in dotted decimal without the leading
 * dot.  At most 128 arcs (RFC 2578 7.1.3), each below 2^32; a symbolic
 * name of a vendor MIB (HIK-...-MIB::...) cannot be resolved without the
 * MIB and is malformed, as is anything else.
 */
#define OID_MAX_ARCS 128

static int
oid_add(char *out, size_t osz, size_t *len, uint64_t arc)
{
	int k = snprintf(out + *len, osz - *len, "%s%llu", *len ? "." : "",
			 (unsigned long long)arc);

	if (k < 0 || (size_t)k >= osz - *len)
		return CS_ELIMIT;
	*len += (size_t)k;
	return 0;
}

static int
oid_from_ber(const uint8_t *p, size_t n, char *out, size_t osz)
{
	size_t off = 2, clen = p[1], len = 0, arcs = 0;
	uint64_t v = 0;
	unsigned bits = 0;

	if (p[1] & 0x80) { /* long form: 1 or 2 length bytes */
		size_t nb = p[1] & 0x7f;

		if (nb < 1 || nb > 2 || n < 2 + nb)
			return CS_EPROTO;
		clen = 0;
		for (size_t i = 0; i < nb; i++)
			clen = clen << 8 | p[2 + i];
		off = 2 + nb;
	}
	if (clen == 0 || clen > n - off)
		return CS_EPROTO;
	for (size_t i = off; i < off + clen; i++) {
		if (bits == 0 && p[i] == 0x80)
			return CS_EPROTO; /* X.690 8.19.2: no leading 0x80 */
		v = v << 7 | (p[i] & 0x7f);
		bits += 7;
		if (v > UINT32_MAX || bits > 35)
			return CS_EPROTO;
		if (p[i] & 0x80)
			continue;
		if (arcs == 0) { /* the first subidentifier holds two arcs */
			uint64_t a = v < 80 ? v / 40 : 2;

			if (oid_add(out, osz, &len, a) != 0 ||
			    oid_add(out, osz, &len, v - a * 40) != 0)
				return CS_EPROTO;
			arcs = 2;
		} else if (++arcs > OID_MAX_ARCS ||
			   oid_add(out, osz, &len, v) != 0) {
			return CS_EPROTO;
		}
		v = 0;
		bits = 0;
	}
	return bits == 0 && arcs >= 2 ? 0 : CS_EPROTO;
}

static int
oid_from_text(struct cs_span s, char *out, size_t osz)
{
	static const struct {
		const char *prefix, *arcs;
	} names[] = {
	    {"SNMPv2-SMI::enterprises.", "1.3.6.1.4.1"},
	    {"enterprises.", "1.3.6.1.4.1"},
	    {"iso.", "1"},
	    {".", ""},
	};
	long at = cs_span_find(s, "OID:", 4, false);
	size_t len = 0, arcs = 0, i = 0;

	if (at >= 0) /* snmpget's "name = OID: value" */
		s = cs_span_make(s.p + at + 4, s.n - (size_t)at - 4);
	s = cs_span_trim(s);
	if (s.n >= 2 && s.p[0] == '"' && s.p[s.n - 1] == '"')
		s = cs_span_make(s.p + 1, s.n - 2);
	for (size_t k = 0; k < CS_NELEM(names); k++) {
		size_t pn = strlen(names[k].prefix);

		if (s.n > pn && memcmp(s.p, names[k].prefix, pn) == 0) {
			cs_strlcpy(out, names[k].arcs, osz);
			len = strlen(out);
			arcs = len ? (len + 1) / 2 : 0; /* one-digit arcs */
			s = cs_span_make(s.p + pn, s.n - pn);
			break;
		}
	}
	while (i <= s.n) {
		size_t j = i;
		uint64_t v;

		while (j < s.n && s.p[j] != '.')
			j++;
		if (cs_span_u64(cs_span_make(s.p + i, j - i), UINT32_MAX, &v) !=
			0 ||
		    ++arcs > OID_MAX_ARCS || oid_add(out, osz, &len, v) != 0)
			return CS_EPROTO;
		i = j + 1;
	}
	return arcs >= 2 ? 0 : CS_EPROTO;
}

static int
dec_snmp_oid(struct dctx *c)
{
	char oid[OID_MAX_ARCS * 11 + 1];
	int rc;

	oid[0] = '\0';
	if (c->n >= 3 && c->p[0] == 0x06)
		rc = oid_from_ber(c->p, c->n, oid, sizeof(oid));
	else
		rc = oid_from_text(cs_span_make(c->p, c->n), oid, sizeof(oid));
	if (rc != 0)
		return malformed(c);
	adds(c, "snmp.sysobjectid", oid);
	return 0;
}

static int
dec_dhcp(struct dctx *c)
{
	return dec_as(c, "dhcp.vendor");
}

/*
 * A DN as other tools print it: RFC 4514 ("CN=a,O=b") is kept;
 * OpenSSL's "/C=CN/O=b/CN=a" is reversed into RFC 4514 order, and
 * "C = CN, O = b" loses the blanks around '=' and after ','.
 */
static int
dec_dn(struct dctx *c)
{
	struct cs_span s = cs_span_trim(cs_span_make(c->p, c->n));
	char *t = c->d->text;
	size_t k = 0, cap = sizeof(c->d->text);

	if (s.n == 0)
		return 0;
	if (s.p[0] == '/' && s.n < cap) {
		size_t end = s.n;

		/* Walk the components from the last one back. */
		for (size_t i = s.n; i-- > 0;) {
			if (s.p[i] != '/')
				continue;
			if (end > i + 1) {
				if (k)
					t[k++] = ',';
				memcpy(t + k, s.p + i + 1, end - i - 1);
				k += end - i - 1;
			}
			end = i;
		}
		add(c, c->kind, t, k);
		return 0;
	}
	for (size_t i = 0; i < s.n && k < cap; i++) {
		uint8_t ch = s.p[i];

		if (ch == ' ' && ((k && (t[k - 1] == '=' || t[k - 1] == ',')) ||
				  (i + 1 < s.n && s.p[i + 1] == '=')))
			continue;
		t[k++] = (char)ch;
	}
	add(c, c->kind, t, k);
	return 0;
}

/* Adds "<prefix>.<field>" = v (non-empty). */
static void
add_vd(struct dctx *c, const char *prefix, const char *field, const char *v)
{
	char key[CS_OBS_MAX_KEY];

	if (!v[0])
		return;
	snprintf(key, sizeof(key), "%s.%s", prefix, field);
	adds(c, key, v);
}

/*
 * A vendor discovery datagram (parse/parse_vdisc.h): a reply gives
 * <prefix>.reply (a one-line summary of what it carries), .model,
 * .firmware, .name, .serial, .class, .addr (the address it names),
 * gvcp.manufacturer and `mac`; the inquiry or any other message of the
 * protocol gives <prefix>.message only.  A reply cut short is SALVAGED.
 */
static int
dec_vdisc(struct dctx *c)
{
	const struct cs_vd_proto *v = strcmp(c->kind, "vdisc") == 0
					  ? cs_vd_guess(c->p, c->n, c->port)
					  : cs_vd_find(c->kind);
	struct cs_vdisc *r = &c->d->vd;
	char *t = c->d->text;
	char mac[18] = "";

	if (v == NULL || v->parse(c->p, c->n, r) != 0)
		return malformed(c);
	if (r->msg != CS_VD_REPLY) {
		snprintf(t, sizeof(c->d->text), "%s op=0x%04x",
			 r->msg == CS_VD_INQUIRY ? "inquiry" : "other", r->op);
		add_vd(c, v->prefix, "message", t);
		return 0;
	}
	if (r->truncated)
		c->flags |= CS_OBS_SALVAGED;
	if (r->has_mac)
		cs_hwaddr_format(r->mac, mac);
	snprintf(t, sizeof(c->d->text),
		 "%s reply; mac=%s; addr=%s; vendor=%s; model=%s; "
		 "firmware=%s; name=%s; serial=%s; class=%s",
		 v->kind, mac, r->ipv4, r->vendor, r->model, r->firmware,
		 r->name, r->serial, r->devclass);
	add_vd(c, v->prefix, "reply", t);
	add_vd(c, v->prefix, "model", r->model);
	add_vd(c, v->prefix, "firmware", r->firmware);
	add_vd(c, v->prefix, "name", r->name);
	add_vd(c, v->prefix, "serial", r->serial);
	add_vd(c, v->prefix, "class", r->devclass);
	add_vd(c, v->prefix, "addr", r->ipv4);
	add_vd(c, v->prefix, "manufacturer", r->vendor);
	if (r->has_mac)
		add_mac_bits(c, r->mac, 48);
	return 0;
}

static const struct {
	const char *kind;
	int (*fn)(struct dctx *);
	bool binary;
} kinds[] = {
    {"http", dec_http, false},
    {"rtsp", dec_rtsp, false},
    {"sip", dec_sip, false},
    {"wsd", dec_wsd, false},
    {"onvif", dec_onvif, false},
    {"sadp", dec_sadp, false},
    {"dhip", dec_dhip, true},
    {"dvrip", dec_dvrip, true},
    {"hik-sdk", dec_hik_sdk, true},
    {"ssdp", dec_ssdp, false},
    {"upnp", dec_upnp, false},
    {"mdns", dec_mdns, true},
    {"dh5050", dec_vdisc, true},
    {"bosch-disc", dec_vdisc, true},
    {"hanwha-disc", dec_vdisc, true},
    {"panasonic-disc", dec_vdisc, true},
    {"sony-disc", dec_vdisc, true},
    {"sony-snc-disc", dec_vdisc, true},
    {"vivotek-disc", dec_vdisc, true},
    {"foscam-disc", dec_vdisc, true},
    {"vstarcam-disc", dec_vdisc, true},
    {"ubnt-disc", dec_vdisc, true},
    {"gvcp", dec_vdisc, true},
    {"v360-disc", dec_vdisc, true},
    {"nice-disc", dec_vdisc, true},
    /* the same, by discovery module name, and "vdisc": any of them,
       told apart by the port and the bytes */
    {"bosch", dec_vdisc, true},
    {"hanwha", dec_vdisc, true},
    {"panasonic", dec_vdisc, true},
    {"sony", dec_vdisc, true},
    {"sony-snc", dec_vdisc, true},
    {"vivotek", dec_vdisc, true},
    {"foscam", dec_vdisc, true},
    {"vstarcam", dec_vdisc, true},
    {"ubnt", dec_vdisc, true},
    {"v360", dec_vdisc, true},
    {"nice", dec_vdisc, true},
    {"vdisc", dec_vdisc, true},
    {"tls-cert", dec_tls_cert, true},
    {"banner", dec_banner, false},
    {"snmp-sysdescr", dec_snmp, false},
    {"snmp-sysobjectid", dec_snmp_oid, false},
    {"dhcp-vendor-class", dec_dhcp, false},
    {"mac", dec_mac, false},
    {"isapi", dec_isapi, false},
    {"dahua-cgi", dec_dahua_cgi, false},
    {"dahua-rpc2", dec_dahua_rpc2, false},
    {"axis-bdi", dec_axis_bdi, false},
    {"sunapi", dec_sunapi, false},
    {"lapi", dec_lapi, false},
    {"tplink", dec_tplink, false},
    {"reolink", dec_reolink, false},
    {"axis-param", dec_axis_param, false},
    {"vendor-api", dec_vendor_api, false},
    {"http.server", dec_field, false},
    {"http.www-authenticate", dec_wwwauth, false},
    {"http.title", dec_field, false},
    {"http.favicon-md5", dec_field, false},
    {"rtsp.server", dec_field, false},
    {"tls.subject", dec_dn, false},
    {"tls.issuer", dec_dn, false},
};

static int
find_kind(const char *kind)
{
	/* the first byte first: every input line looks its kind up */
	for (size_t i = 0; i < CS_NELEM(kinds); i++)
		if (kinds[i].kind[0] == kind[0] &&
		    strcmp(kinds[i].kind, kind) == 0)
			return (int)i;
	return -1;
}

bool
cs_dec_kind_known(const char *kind)
{
	return find_kind(kind) >= 0;
}

const char *
cs_dec_kind_name(size_t i)
{
	return i < CS_NELEM(kinds) ? kinds[i].kind : NULL;
}

size_t
cs_dec_kind_count(void)
{
	return CS_NELEM(kinds);
}

bool
cs_dec_kind_binary(const char *kind)
{
	int i = find_kind(kind);

	return i >= 0 && kinds[i].binary;
}

int
cs_decode(struct cs_dec *d, const char *kind, const uint8_t *p, size_t n,
	  uint16_t port, const char *service, struct cs_obs_list *obs)
{
	struct dctx c = {d, obs, kind, port, service, p, n, 0, false, false};
	int i = find_kind(kind);

	d->read_list = false;
	if (i < 0)
		return CS_ENOTFOUND;
	if (p == NULL)
		c.p = (const uint8_t *)"";
	return kinds[i].fn(&c);
}

bool
cs_dec_read_list(const struct cs_dec *d)
{
	return d->read_list;
}
