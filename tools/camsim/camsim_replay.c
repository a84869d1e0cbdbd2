/* SPDX-License-Identifier: ISC */
/*
 * camsim replay mode: recorded replies served as live loopback hosts.
 * See camsim_replay.h and docs/camsim.md ("Replay").
 */
#include "camsim_replay.h"

#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "core/alloc.h"
#include "core/escape.h"
#include "core/str.h"
#include "core/poison.h"

#define LINE_MAX_BYTES (1024 * 1024) /* as identify's CS_IDENT_LINE_MAX */
#define REQ_MAX (60 * 1024)          /* a request head plus body */

/* Framing notes written to the manifest. */
static const char fr_recorded[] = "recorded";
static const char fr_status[] = "added status line";
static const char fr_head[] = "added minimal head";
static const char fr_xm[] = "added DVRIP header";

/* Skip reasons. */
static const char sk_field[] =
    "a single field or registry value, not a reply a host sends";
static const char sk_udp[] =
    "UDP discovery: camsim answers discovery only in --device-ip "
    "(network namespace) mode; the scan hears it only with --interface";
static const char sk_upnp[] =
    "fetched by the scan only from an SSDP LOCATION (--interface)";
static const char sk_tls[] =
    "TLS certificate: recorded without its private key, so camsim cannot "
    "present it (its TLS ports present camsim's own)";
static const char sk_sip[] = "SIP: the scan has no SIP probe";
static const char sk_noport[] = "no port recorded and no usual port known";
static const char sk_conflict[] =
    "port already serves another protocol for this unit";
static const char sk_full[] = "no free port left for another reply of this "
			      "route in the unit";
static const char sk_unknown[] = "kind camsim cannot serve";
static const char sk_vendor[] = "vendor-api reply of no recognised API";

/* Web ports the scan's HTTP probes run on (src/probe/probe_http.c). */
static const uint16_t web_ports[] = {80, 8080, 81, 8081, 5000};
static const uint16_t rtsp_ports[] = {554, 8554};

/* ---- small helpers ---- */

static bool
has(const uint8_t *p, size_t n, const char *lit)
{
	return cs_span_find(cs_span_make(p, n), lit, strlen(lit), true) >= 0;
}

static bool
starts(const uint8_t *p, size_t n, const char *lit)
{
	return cs_span_istarts(cs_span_make(p, n), lit);
}

/* Offset just past the first blank line (CRLFCRLF or LFLF), or 0. */
static size_t
head_end(const uint8_t *p, size_t n)
{
	for (size_t i = 0; i + 1 < n; i++) {
		if (p[i] == '\n' && p[i + 1] == '\n')
			return i + 2;
		if (i + 3 < n && memcmp(p + i, "\r\n\r\n", 4) == 0)
			return i + 4;
	}
	return 0;
}

/* True if the first line of p looks like an HTTP header ("Name: v"). */
static bool
header_first(const uint8_t *p, size_t n)
{
	size_t i = 0;

	while (i < n &&
	       ((p[i] >= 'A' && p[i] <= 'Z') || (p[i] >= 'a' && p[i] <= 'z') ||
		(p[i] >= '0' && p[i] <= '9') || p[i] == '-'))
		i++;
	return i > 0 && i < n && p[i] == ':';
}

static uint8_t *
concat(const char *a, const uint8_t *b, size_t bn, size_t *outn)
{
	size_t an = strlen(a);
	uint8_t *o = cs_xmalloc(an + bn + 1);

	memcpy(o, a, an);
	if (bn)
		memcpy(o + an, b, bn);
	o[an + bn] = 0;
	*outn = an + bn;
	return o;
}

/* ---- what each identify kind becomes ---- */

struct kindinfo {
	const char *kind;
	enum cs_rp_proto proto;
	uint16_t port;     /* usual port, 0 = from the service or none */
	const char *route; /* HTTP path prefix the scan's probe requests */
	const char *skip;  /* not served: why */
};

static const struct kindinfo kinds[] = {
    {"http", CS_RP_HTTP, 80, "/", NULL},
    {"isapi", CS_RP_HTTP, 80, "/ISAPI/System/deviceInfo", NULL},
    {"dahua-cgi", CS_RP_HTTP, 80, "/cgi-bin/magicBox.cgi", NULL},
    {"dahua-rpc2", CS_RP_HTTP, 80, "/RPC2", NULL},
    {"axis-bdi", CS_RP_HTTP, 80, "/axis-cgi/basicdeviceinfo.cgi", NULL},
    {"axis-param", CS_RP_HTTP, 80, "/axis-cgi/param.cgi", NULL},
    {"sunapi", CS_RP_HTTP, 80, "/stw-cgi/system.cgi", NULL},
    {"lapi", CS_RP_HTTP, 80, "/LAPI/V1.0/System/DeviceInfo", NULL},
    {"reolink", CS_RP_HTTP, 80, "/cgi-bin/api.cgi", NULL},
    {"onvif", CS_RP_HTTP, 80, "/onvif/device_service", NULL},
    {"vendor-api", CS_RP_HTTP, 80, NULL, NULL},
    {"rtsp", CS_RP_RTSP, 554, NULL, NULL},
    {"banner", CS_RP_GREET, 0, NULL, NULL},
    {"hik-sdk", CS_RP_GREET, 8000, NULL, NULL},
    {"dvrip", CS_RP_XM, 0, NULL, NULL},
    {"upnp", CS_RP_HTTP, 0, NULL, sk_upnp},
    {"wsd", CS_RP_HTTP, 0, NULL, sk_udp},
    {"ssdp", CS_RP_HTTP, 0, NULL, sk_udp},
    {"sadp", CS_RP_HTTP, 0, NULL, sk_udp},
    {"dhip", CS_RP_HTTP, 0, NULL, sk_udp},
    {"mdns", CS_RP_HTTP, 0, NULL, sk_udp},
    {"tplink", CS_RP_HTTP, 0, NULL, sk_udp},
    {"tls-cert", CS_RP_HTTP, 0, NULL, sk_tls},
    {"sip", CS_RP_HTTP, 0, NULL, sk_sip},
};

/* The banner services with a usual port. */
static const struct {
	const char *service;
	uint16_t port;
} banner_ports[] = {
    {"ftp", 21},
    {"ssh", 22},
    {"telnet", 23},
    {"smtp", 25},
};

/* Which API a vendor-api reply is, by its markers; NULL if none. */
static const char *
vendor_route(const uint8_t *p, size_t n)
{
	if (has(p, n, "<DeviceInfo") || has(p, n, "userCheck") ||
	    has(p, n, "std-cgi.com") || has(p, n, "isapi.org"))
		return "/ISAPI/System/deviceInfo";
	if (has(p, n, "propertyList") || has(p, n, "ProdNbr"))
		return "/axis-cgi/basicdeviceinfo.cgi";
	if (has(p, n, "root.Brand."))
		return "/axis-cgi/param.cgi";
	if (has(p, n, "\"result\"") &&
	    (has(p, n, "\"session\"") || has(p, n, "\"params\"")))
		return "/RPC2";
	if (has(p, n, "\"DeviceModel\"") || has(p, n, "\"Response\""))
		return "/LAPI/V1.0/System/DeviceInfo";
	if (has(p, n, "\"cmd\"") && has(p, n, "DevInfo"))
		return "/cgi-bin/api.cgi";
	if (has(p, n, "ConnectedDeviceType") || has(p, n, "FirmwareVersion="))
		return "/stw-cgi/system.cgi";
	if (has(p, n, "deviceType=") || has(p, n, "type=") ||
	    has(p, n, "version="))
		return "/cgi-bin/magicBox.cgi";
	return NULL;
}

/*
 * The ONVIF operation a recorded SOAP reply answers: the first element
 * inside Body, without its prefix and "Response"; a Fault answers
 * GetDeviceInformation (the operation devices refuse without
 * credentials).  Written into op (size opsz).
 */
static void
onvif_op(const uint8_t *p, size_t n, char *op, size_t opsz)
{
	long b = cs_span_find(cs_span_make(p, n), "Body", 4, false);
	size_t i, s, k = 0;

	cs_strlcpy(op, "GetDeviceInformation", opsz);
	if (b < 0)
		return;
	for (i = (size_t)b; i < n && p[i] != '>'; i++)
		;
	for (; i < n && p[i] != '<'; i++)
		;
	if (i + 1 >= n || p[i + 1] == '/')
		return;
	s = ++i;
	while (i < n && p[i] != '>' && p[i] != ' ' && p[i] != '/' &&
	       p[i] != '\t' && p[i] != '\r' && p[i] != '\n') {
		if (p[i] == ':')
			s = i + 1;
		i++;
	}
	if (i - s >= opsz || i == s)
		return;
	if (i - s == 5 && memcmp(p + s, "Fault", 5) == 0)
		return;
	memcpy(op, p + s, i - s);
	k = i - s;
	if (k > 8 && memcmp(op + k - 8, "Response", 8) == 0)
		k -= 8;
	op[k] = '\0';
}

/* ---- loading ---- */

static void
add_skip(struct cs_rp_unit *u, const char *id, const char *kind,
	 const char *why)
{
	struct cs_rp_skip *s;

	u->skips = cs_xrealloc(u->skips, u->nskips + 1, sizeof(*u->skips));
	s = &u->skips[u->nskips++];
	s->id = cs_xstrdup(id);
	s->kind = cs_xstrdup(kind);
	s->reason = why;
}

static struct cs_rp_port *
find_port(struct cs_rp_unit *u, uint16_t port)
{
	for (size_t i = 0; i < u->nports; i++)
		if (u->ports[i].port == port)
			return &u->ports[i];
	return NULL;
}

/* True if port pt already answers route (HTTP) or method (RTSP). */
static bool
route_taken(const struct cs_rp_port *pt, const char *route, const char *op)
{
	for (size_t i = 0; i < pt->nreplies; i++) {
		const struct cs_rp_reply *r = &pt->replies[i];

		if (r->route && route && strcmp(r->route, route) == 0 &&
		    ((r->onvif_op == NULL && op == NULL) ||
		     (r->onvif_op && op && strcmp(r->onvif_op, op) == 0)))
			return true;
		if (pt->proto != CS_RP_HTTP && pt->proto != CS_RP_RTSP)
			return true; /* one reply per greeting/DVRIP port */
	}
	return false;
}

/*
 * Chooses the port for a reply: the wanted one when free for it, else,
 * when the line named no port or the wanted port is taken by the same
 * route, the next of alts.  NULL with *why set when none fits.
 */
static struct cs_rp_port *
place(struct cs_rp_unit *u, enum cs_rp_proto proto, uint16_t want,
      const uint16_t *alts, size_t nalts, const char *route, const char *op,
      const char **why)
{
	struct cs_rp_port *pt = find_port(u, want);

	if (pt == NULL || (pt->proto == proto && !route_taken(pt, route, op)))
		goto use;
	*why = pt->proto == proto ? sk_full : sk_conflict;
	for (size_t i = 0; i < nalts; i++) {
		pt = find_port(u, alts[i]);
		want = alts[i];
		if (pt == NULL ||
		    (pt->proto == proto && !route_taken(pt, route, op)))
			goto use;
	}
	return NULL;
use:
	if (pt == NULL) {
		u->ports =
		    cs_xrealloc(u->ports, u->nports + 1, sizeof(*u->ports));
		pt = &u->ports[u->nports++];
		memset(pt, 0, sizeof(*pt));
		pt->port = want;
		pt->proto = proto;
		/* HTTPS where the scan's HTTP probes expect it. */
		pt->tls = proto == CS_RP_HTTP && (want == 443 || want == 8443);
	}
	return pt;
}

/* The bytes of an HTTP reply as sent: a head is added to a bare body. */
static uint8_t *
http_bytes(const uint8_t *p, size_t n, size_t *outn, const char **framing)
{
	if (starts(p, n, "HTTP/")) {
		*framing = fr_recorded;
		return concat("", p, n, outn);
	}
	if (header_first(p, n) && head_end(p, n) > 0) {
		*framing = fr_status;
		return concat("HTTP/1.1 200 OK\r\n", p, n, outn);
	}
	*framing = fr_head;
	return concat("HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n", p, n,
		      outn);
}

/* RTSP: a reply with SDP, or a challenge, answers DESCRIBE; else OPTIONS. */
static const char *
rtsp_method(const uint8_t *p, size_t n)
{
	if (!starts(p, n, "RTSP/"))
		return "DESCRIBE"; /* SDP alone */
	if (has(p, n, "\nv=0") || has(p, n, "application/sdp") ||
	    (n > 12 && memcmp(p + 8, " 401", 4) == 0))
		return "DESCRIBE";
	return "OPTIONS";
}

static uint8_t *
rtsp_bytes(const uint8_t *p, size_t n, size_t *outn, const char **framing)
{
	if (starts(p, n, "RTSP/")) {
		*framing = fr_recorded;
		return concat("", p, n, outn);
	}
	/* a head without its status line (a client's log of the headers
	 * and body): the status line only, as for HTTP */
	if (header_first(p, n) && head_end(p, n) > 0) {
		*framing = fr_status;
		return concat("RTSP/1.0 200 OK\r\n", p, n, outn);
	}
	/* SDP alone: a head with the length of what was recorded. */
	{
		char head[160];

		snprintf(head, sizeof(head),
			 "RTSP/1.0 200 OK\r\nCSeq: 0\r\nContent-Type: "
			 "application/sdp\r\nContent-Length: %zu\r\n\r\n",
			 n);
		*framing = fr_head;
		return concat(head, p, n, outn);
	}
}

static uint8_t *
xm_bytes(const uint8_t *p, size_t n, size_t *outn, const char **framing)
{
	uint8_t *o;
	uint32_t len = (uint32_t)n;

	if (n > 0 && p[0] == 0xFF) {
		*framing = fr_recorded;
		return concat("", p, n, outn);
	}
	/* A bare JSON payload: the 20-byte header of a SystemInfo reply
	 * (message 1021 answers 1020) carrying exactly the recorded bytes. */
	o = cs_xcalloc(1, 20 + n + 1);
	o[0] = 0xFF;
	o[1] = 0x01;
	o[14] = 1021 & 0xFF;
	o[15] = 1021 >> 8;
	o[16] = (uint8_t)len;
	o[17] = (uint8_t)(len >> 8);
	o[18] = (uint8_t)(len >> 16);
	o[19] = (uint8_t)(len >> 24);
	memcpy(o + 20, p, n);
	*outn = 20 + n;
	*framing = fr_xm;
	return o;
}

/*
 * identify takes a data string of a binary kind whose code points are all
 * below 256 as one byte per code point; does the same in place.
 */
static void
latin1_in_place(uint8_t *p, size_t *n)
{
	size_t i = 0, k = 0;

	while (i < *n) {
		unsigned long cp;
		size_t l = cs_utf8_seq(p + i, *n - i, &cp);

		if (l == 0 || cp > 0xFF)
			return; /* not all below 256: UTF-8 as it is */
		i += l;
	}
	for (i = 0; i < *n;) {
		unsigned long cp;
		size_t l = cs_utf8_seq(p + i, *n - i, &cp);

		p[k++] = (uint8_t)cp;
		i += l;
	}
	*n = k;
}

static void
add_line(struct cs_rp_unit *u, const char *id, const char *kind, uint8_t *data,
	 size_t n, uint16_t port, const char *service)
{
	const struct kindinfo *ki = NULL;
	struct cs_rp_port *pt;
	struct cs_rp_reply *r;
	const char *why = NULL, *route = NULL, *method = NULL;
	const uint16_t *alts = NULL;
	size_t nalts = 0;
	uint16_t want;
	enum cs_rp_proto proto;
	char op[64] = "";

	u->nlines++;
	for (size_t i = 0; i < CS_NELEM(kinds); i++)
		if (strcmp(kinds[i].kind, kind) == 0)
			ki = &kinds[i];
	if (ki == NULL) {
		add_skip(u, id, kind,
			 (strchr(kind, '.') || strcmp(kind, "mac") == 0 ||
			  strcmp(kind, "snmp-sysdescr") == 0 ||
			  strcmp(kind, "dhcp-vendor-class") == 0)
			     ? sk_field
			     : sk_unknown);
		return;
	}
	if (ki->skip) {
		add_skip(u, id, kind, ki->skip);
		return;
	}
	proto = ki->proto;
	want = port ? port : ki->port;
	route = ki->route;
	if (strcmp(kind, "vendor-api") == 0 &&
	    (route = vendor_route(data, n)) == NULL) {
		add_skip(u, id, kind, sk_vendor);
		return;
	}
	if (strcmp(kind, "banner") == 0 && want == 0)
		for (size_t i = 0; i < CS_NELEM(banner_ports); i++)
			if (service &&
			    strcmp(service, banner_ports[i].service) == 0)
				want = banner_ports[i].port;
	if (strcmp(kind, "dvrip") == 0) {
		latin1_in_place(data, &n);
		if (n > 0 && data[0] >= 0x80 && data[0] != 0xFF)
			proto = CS_RP_DHIP;
		if (want == 0)
			want = proto == CS_RP_DHIP ? 37777 : 34567;
	}
	if (want == 0) {
		add_skip(u, id, kind, sk_noport);
		return;
	}
	if (strcmp(kind, "onvif") == 0)
		onvif_op(data, n, op, sizeof(op));
	if (proto == CS_RP_HTTP) {
		alts = web_ports;
		nalts = CS_NELEM(web_ports);
	} else if (proto == CS_RP_RTSP) {
		method = rtsp_method(data, n);
		route = method;
		alts = rtsp_ports;
		nalts = CS_NELEM(rtsp_ports);
	}
	pt = place(u, proto, want, alts, nalts, route, op[0] ? op : NULL, &why);
	if (pt == NULL) {
		add_skip(u, id, kind, why);
		return;
	}
	pt->replies =
	    cs_xrealloc(pt->replies, pt->nreplies + 1, sizeof(*pt->replies));
	r = &pt->replies[pt->nreplies++];
	memset(r, 0, sizeof(*r));
	r->id = cs_xstrdup(id);
	r->kind = cs_xstrdup(kind);
	r->route = route ? cs_xstrdup(route) : NULL;
	r->onvif_op = op[0] ? cs_xstrdup(op) : NULL;
	r->recorded_port = port;
	switch (proto) {
	case CS_RP_HTTP:
		r->data = http_bytes(data, n, &r->n, &r->framing);
		break;
	case CS_RP_RTSP:
		r->data = rtsp_bytes(data, n, &r->n, &r->framing);
		r->close_after = strcmp(method, "DESCRIBE") == 0;
		break;
	case CS_RP_XM:
		r->data = xm_bytes(data, n, &r->n, &r->framing);
		break;
	case CS_RP_GREET:
	case CS_RP_DHIP:
		r->data = concat("", data, n, &r->n);
		r->framing = fr_recorded;
		break;
	}
}

/* Hex digits to bytes (spaces and ':' between bytes allowed). */
static uint8_t *
unhex(const char *s, size_t *outn)
{
	size_t l = strlen(s), k = 0;
	uint8_t *o = cs_xmalloc(l / 2 + 1);
	int hi = -1;

	for (size_t i = 0; i < l; i++) {
		int v = cs_hexval((unsigned char)s[i]);

		if (v < 0) {
			if ((s[i] == ' ' || s[i] == ':') && hi < 0)
				continue;
			free(o);
			return NULL;
		}
		if (hi < 0) {
			hi = v;
		} else {
			o[k++] = (uint8_t)(hi << 4 | v);
			hi = -1;
		}
	}
	if (hi >= 0) {
		free(o);
		return NULL;
	}
	*outn = k;
	return o;
}

/* A member as text: a string, or a number written as JSON writes it. */
static const char *
member_text(struct json_object *o, const char *name)
{
	struct json_object *v;

	if (!json_object_object_get_ex(o, name, &v) || v == NULL)
		return NULL;
	if (json_object_is_type(v, json_type_string) ||
	    json_object_is_type(v, json_type_int) ||
	    json_object_is_type(v, json_type_double))
		return json_object_get_string(v);
	return NULL;
}

static struct cs_rp_unit *
find_unit(struct cs_rp_set *set, const char *key)
{
	/* Lines of one device are usually adjacent: look from the end. */
	for (size_t i = set->nunits; i-- > 0;)
		if (strcmp(set->units[i].key, key) == 0)
			return &set->units[i];
	return NULL;
}

static int
load_line(struct cs_rp_set *set, const char *line, size_t len, size_t max_units)
{
	struct json_tokener *tok = json_tokener_new();
	struct json_object *o = json_tokener_parse_ex(tok, line, (int)len);
	const char *kind, *id, *dev, *port_s, *service, *text;
	struct json_object *dv;
	struct cs_rp_unit *u;
	char key[512], idbuf[32];
	uint8_t *data = NULL;
	size_t n = 0;
	long long port = 0;
	int rc = 0;

	json_tokener_free(tok);
	if (o == NULL || !json_object_is_type(o, json_type_object) ||
	    (kind = member_text(o, "kind")) == NULL) {
		set->bad_lines++;
		goto out;
	}
	if ((text = member_text(o, "data")) != NULL) {
		json_object_object_get_ex(o, "data", &dv);
		n = (size_t)json_object_get_string_len(dv);
		data = cs_xmalloc(n + 1);
		memcpy(data, text, n);
	} else if ((text = member_text(o, "data_hex")) == NULL ||
		   (data = unhex(text, &n)) == NULL) {
		set->bad_lines++;
		goto out;
	}
	if ((port_s = member_text(o, "port")) != NULL &&
	    cs_str_tonum(port_s, 1, 65535, &port) != 0)
		port = 0;
	service = member_text(o, "service");
	snprintf(idbuf, sizeof(idbuf), "line%zu", set->lines);
	id = member_text(o, "id");
	if (id == NULL)
		id = idbuf;
	dev = member_text(o, "device");
	snprintf(key, sizeof(key), "%s:%s", dev ? "dev" : "id", dev ? dev : id);
	u = dev ? find_unit(set, key) : NULL;
	if (u == NULL) {
		if (set->nunits >= max_units) {
			rc = CS_ELIMIT;
			goto out;
		}
		set->units = cs_xrealloc(set->units, set->nunits + 1,
					 sizeof(*set->units));
		u = &set->units[set->nunits++];
		memset(u, 0, sizeof(*u));
		u->key = cs_xstrdup(key);
	}
	add_line(u, id, kind, data, n, (uint16_t)port, service);
out:
	free(data);
	json_object_put(o);
	return rc;
}

int
cs_rp_load(FILE *f, size_t max_units, struct cs_rp_set *set)
{
	char *line = NULL;
	size_t cap = 0;
	ssize_t len;
	int rc = 0;

	memset(set, 0, sizeof(*set));
	while ((len = getline(&line, &cap, f)) > 0) {
		struct cs_span t =
		    cs_span_trim(cs_span_make(line, (size_t)len));

		if (t.n == 0)
			continue;
		set->lines++;
		if ((size_t)len > LINE_MAX_BYTES) {
			set->bad_lines++;
			continue;
		}
		if ((rc = load_line(set, line, (size_t)len, max_units)) != 0)
			break;
	}
	free(line);
	return rc;
}

void
cs_rp_set_free(struct cs_rp_set *set)
{
	for (size_t i = 0; i < set->nunits; i++) {
		struct cs_rp_unit *u = &set->units[i];

		for (size_t j = 0; j < u->nports; j++) {
			for (size_t k = 0; k < u->ports[j].nreplies; k++) {
				struct cs_rp_reply *r = &u->ports[j].replies[k];

				free(r->id);
				free(r->kind);
				free(r->route);
				free(r->onvif_op);
				free(r->data);
			}
			free(u->ports[j].replies);
		}
		for (size_t j = 0; j < u->nskips; j++) {
			free(u->skips[j].id);
			free(u->skips[j].kind);
		}
		free(u->ports);
		free(u->skips);
		free(u->key);
	}
	free(set->units);
	memset(set, 0, sizeof(*set));
}

/* ---- manifest and summary ---- */

static void
json_str(struct cs_buf *b, const char *s)
{
	if (s == NULL)
		cs_buf_adds(b, "null");
	else
		cs_esc_json(b, s, strlen(s));
}

int
cs_rp_manifest_write(FILE *f, const struct cs_rp_set *set)
{
	struct cs_buf b;
	int rc = 0;

	cs_buf_init(&b, 16 * 1024 * 1024);
	for (size_t i = 0; i < set->nunits && rc == 0; i++) {
		const struct cs_rp_unit *u = &set->units[i];
		bool first = true;

		cs_buf_reset(&b);
		cs_buf_adds(&b, "{\"unit\":");
		json_str(&b, u->key);
		cs_buf_adds(&b, ",\"ip\":");
		json_str(&b, u->ip[0] ? u->ip : NULL);
		cs_buf_printf(&b, ",\"lines\":%zu,\"served\":[", u->nlines);
		for (size_t j = 0; j < u->nports; j++)
			for (size_t k = 0; k < u->ports[j].nreplies; k++) {
				const struct cs_rp_reply *r =
				    &u->ports[j].replies[k];

				cs_buf_adds(&b,
					    first ? "{\"id\":" : ",{\"id\":");
				first = false;
				json_str(&b, r->id);
				cs_buf_adds(&b, ",\"kind\":");
				json_str(&b, r->kind);
				cs_buf_printf(&b, ",\"port\":%u",
					      u->ports[j].port);
				if (r->recorded_port)
					cs_buf_printf(&b,
						      ",\"recorded_port\":%u",
						      r->recorded_port);
				else
					cs_buf_adds(&b,
						    ",\"recorded_port\":null");
				cs_buf_adds(&b, ",\"route\":");
				json_str(&b, r->route);
				if (r->onvif_op) {
					cs_buf_adds(&b, ",\"onvif_op\":");
					json_str(&b, r->onvif_op);
				}
				cs_buf_adds(&b, ",\"framing\":");
				json_str(&b, r->framing);
				cs_buf_adds(&b, u->ports[j].tls
						    ? ",\"tls\":true}"
						    : ",\"tls\":false}");
			}
		cs_buf_adds(&b, "],\"skipped\":[");
		for (size_t j = 0; j < u->nskips; j++) {
			cs_buf_adds(&b, j ? ",{\"id\":" : "{\"id\":");
			json_str(&b, u->skips[j].id);
			cs_buf_adds(&b, ",\"kind\":");
			json_str(&b, u->skips[j].kind);
			cs_buf_adds(&b, ",\"reason\":");
			json_str(&b, u->skips[j].reason);
			cs_buf_adds(&b, "}");
		}
		cs_buf_adds(&b, "]}\n");
		if (fwrite(b.p, 1, b.len, f) != b.len)
			rc = -1;
	}
	cs_buf_free(&b);
	return rc;
}

void
cs_rp_summary(FILE *f, const struct cs_rp_set *set)
{
	size_t served = 0, skipped = 0, hosts = 0;
	/* kinds and reasons: small tables, linear search */
	struct {
		const char *kind, *reason;
		size_t n;
	} t[64];
	size_t nt = 0;

	for (size_t i = 0; i < set->nunits; i++) {
		const struct cs_rp_unit *u = &set->units[i];

		hosts += u->ip[0] != '\0';
		for (size_t j = 0; j < u->nports; j++)
			served += u->ports[j].nreplies;
		for (size_t j = 0; j < u->nskips; j++) {
			size_t k;

			skipped++;
			for (k = 0; k < nt; k++)
				if (strcmp(t[k].kind, u->skips[j].kind) == 0 &&
				    t[k].reason == u->skips[j].reason)
					break;
			if (k == nt && nt < CS_NELEM(t)) {
				t[nt].kind = u->skips[j].kind;
				t[nt].reason = u->skips[j].reason;
				t[nt++].n = 0;
			}
			if (k < nt)
				t[k].n++;
		}
	}
	fprintf(f,
		"camsim: replay: %zu lines (%zu unreadable), %zu units, %zu "
		"served on %zu hosts, %zu lines served, %zu skipped\n",
		set->lines, set->bad_lines, set->nunits, hosts, hosts, served,
		skipped);
	for (size_t k = 0; k < nt; k++)
		fprintf(f, "camsim: replay: skipped %zu %s: %s\n", t[k].n,
			t[k].kind, t[k].reason);
}

/* ---- responders ---- */

void
cs_rp_greet(const struct cs_rp_port *pt, struct cs_buf *out, bool *close)
{
	*close = false;
	if (pt->proto != CS_RP_GREET || pt->nreplies == 0)
		return;
	cs_buf_add(out, pt->replies[0].data, pt->replies[0].n);
	/* A banner is all such a service says until it is answered; the
	 * close ends a probe waiting for a line end that never comes. */
	*close = true;
}

/* Value of header name (with the colon) in a request head, or empty. */
static struct cs_span
req_header(struct cs_span head, const char *name)
{
	size_t nl = strlen(name);

	for (size_t i = 0; i + nl < head.n; i++) {
		if ((i == 0 || head.p[i - 1] == '\n') &&
		    cs_span_istarts(cs_span_make(head.p + i, head.n - i),
				    name)) {
			size_t s = i + nl, e = s;

			while (e < head.n && head.p[e] != '\r' &&
			       head.p[e] != '\n')
				e++;
			return cs_span_trim(cs_span_make(head.p + s, e - s));
		}
	}
	return CS_SPAN_NULL;
}

/* Splits a request line into method and target (path without query). */
static void
req_line(struct cs_span head, struct cs_span *method, struct cs_span *path)
{
	size_t i = 0, s;

	while (i < head.n && head.p[i] != ' ')
		i++;
	*method = cs_span_make(head.p, i);
	s = ++i;
	while (i < head.n && head.p[i] != ' ' && head.p[i] != '\r' &&
	       head.p[i] != '\n')
		i++;
	*path = s <= head.n ? cs_span_make(head.p + s, i - s) : CS_SPAN_NULL;
	if (cs_span_istarts(*path, "http://") ||
	    cs_span_istarts(*path, "rtsp://")) {
		size_t k = 7;

		while (k < path->n && path->p[k] != '/')
			k++;
		*path = cs_span_make(path->p + k, path->n - k);
	}
}

static const struct cs_rp_reply *
http_route(const struct cs_rp_port *pt, struct cs_span path,
	   struct cs_span body)
{
	size_t q = 0;

	while (q < path.n && path.p[q] != '?')
		q++;
	path.n = q;
	for (size_t i = 0; i < pt->nreplies; i++) {
		const struct cs_rp_reply *r = &pt->replies[i];
		size_t rl = strlen(r->route);

		if (strcmp(r->route, "/") == 0) {
			if (path.n != 1 || path.p[0] != '/')
				continue;
		} else if (path.n < rl || memcmp(path.p, r->route, rl) != 0) {
			continue;
		}
		if (r->onvif_op && cs_span_find(body, r->onvif_op,
						strlen(r->onvif_op), false) < 0)
			continue;
		return r;
	}
	return NULL;
}

static const char not_found[] =
    "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";

static int
feed_http(const struct cs_rp_port *pt, struct cs_span in, struct cs_buf *out,
	  size_t *used, bool *close)
{
	size_t he = head_end(in.p, in.n);
	struct cs_span head, method, path, cl;
	uint64_t blen = 0;
	const struct cs_rp_reply *r;

	if (he == 0)
		return in.n > REQ_MAX ? CS_EPROTO : 0;
	head = cs_span_make(in.p, he);
	cl = req_header(head, "Content-Length:");
	if (cl.n && cs_span_u64(cl, REQ_MAX, &blen) != 0)
		return CS_EPROTO;
	if (in.n - he < blen)
		return 0;
	req_line(head, &method, &path);
	r = http_route(pt, path, cs_span_make(in.p + he, (size_t)blen));
	if (r != NULL && !cs_span_ieq(method, "HEAD"))
		cs_buf_add(out, r->data, r->n);
	else
		cs_buf_adds(out, not_found);
	*used = he + (size_t)blen;
	*close = true; /* one reply per connection */
	return 0;
}

/* Appends an RTSP reply with its CSeq line's value replaced by cseq. */
static void
rtsp_put(struct cs_buf *out, const struct cs_rp_reply *r, struct cs_span cseq)
{
	size_t he = head_end(r->data, r->n);
	struct cs_span head = cs_span_make(r->data, he ? he : r->n);

	for (size_t i = 0; i + 5 < head.n; i++) {
		if (head.p[i] == '\n' &&
		    cs_span_istarts(
			cs_span_make(head.p + i + 1, head.n - i - 1),
			"CSeq:")) {
			size_t s = i + 6, e = s;

			while (s < head.n && head.p[s] == ' ')
				s++;
			e = s;
			while (e < head.n && head.p[e] != '\r' &&
			       head.p[e] != '\n')
				e++;
			cs_buf_add(out, r->data, s);
			cs_buf_add(out, cseq.p, cseq.n);
			cs_buf_add(out, r->data + e, r->n - e);
			return;
		}
	}
	cs_buf_add(out, r->data, r->n); /* no CSeq recorded: as recorded */
}

static int
feed_rtsp(const struct cs_rp_port *pt, struct cs_span in, struct cs_buf *out,
	  size_t *used, bool *close)
{
	size_t he = head_end(in.p, in.n);
	struct cs_span head, method, path, cseq, cl;
	uint64_t blen = 0, v;
	const struct cs_rp_reply *r = NULL;

	if (he == 0)
		return in.n > REQ_MAX ? CS_EPROTO : 0;
	head = cs_span_make(in.p, he);
	cl = req_header(head, "Content-Length:");
	if (cl.n && cs_span_u64(cl, REQ_MAX, &blen) != 0)
		return CS_EPROTO;
	if (in.n - he < blen)
		return 0;
	*used = he + (size_t)blen;
	req_line(head, &method, &path);
	cseq = req_header(head, "CSeq:");
	if (cs_span_u64(cseq, 0xFFFFFFFFu, &v) != 0)
		cseq = cs_span_make("0", 1); /* only a numeric CSeq is echoed */
	for (size_t i = 0; i < pt->nreplies && r == NULL; i++)
		if (cs_span_ieq(method, pt->replies[i].route))
			r = &pt->replies[i];
	if (r != NULL) {
		rtsp_put(out, r, cseq);
		*close = r->close_after;
		return 0;
	}
	/* A method nothing was recorded for: an anonymous minimal reply. */
	cs_buf_printf(out, "RTSP/1.0 %s\r\nCSeq: ",
		      cs_span_ieq(method, "OPTIONS") ? "200 OK"
						     : "404 Not Found");
	cs_buf_add(out, cseq.p, cseq.n);
	cs_buf_adds(out, "\r\n\r\n");
	*close = !cs_span_ieq(method, "OPTIONS");
	return 0;
}

int
cs_rp_feed(const struct cs_rp_port *pt, struct cs_span in, struct cs_buf *out,
	   size_t *used, bool *close)
{
	*used = 0;
	*close = false;
	switch (pt->proto) {
	case CS_RP_HTTP:
		return feed_http(pt, in, out, used, close);
	case CS_RP_RTSP:
		return feed_rtsp(pt, in, out, used, close);
	case CS_RP_DHIP:
		if (in.n < 32)
			return 0;
		*used = in.n;
		break;
	case CS_RP_XM: {
		uint64_t len;

		if (in.n < 20)
			return 0;
		if (in.p[0] != 0xFF)
			return CS_EPROTO;
		len = (uint64_t)in.p[16] | (uint64_t)in.p[17] << 8 |
		      (uint64_t)in.p[18] << 16 | (uint64_t)in.p[19] << 24;
		if (len > REQ_MAX)
			return CS_EPROTO;
		if (in.n - 20 < len)
			return 0;
		*used = 20 + (size_t)len;
		break;
	}
	case CS_RP_GREET:
		*used = in.n; /* whatever the client says goes unanswered */
		return 0;
	}
	if (pt->nreplies > 0)
		cs_buf_add(out, pt->replies[0].data, pt->replies[0].n);
	*close = true;
	return 0;
}
