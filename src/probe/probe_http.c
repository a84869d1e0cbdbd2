/* SPDX-License-Identifier: ISC */
/*
 * HTTP probes: the root page on every web port, and, once per host, the
 * vendor endpoints that answer without credentials or that refuse in a
 * vendor-specific way (RFC 9110 requests, Connection: close):
 *
 *   http-root   GET /                                  any web server
 *   http-page   GET of the page the root redirects to (same host and
 *               port only, one hop), where login pages carry branding
 *   hik-isapi   GET /ISAPI/System/deviceInfo           Hikvision ISAPI
 *   dahua-rpc2  POST /RPC2_Login, empty login challenge Dahua JSON-RPC
 *   axis-bdi    POST /axis-cgi/basicdeviceinfo.cgi     Axis VAPIX
 *   onvif-time  POST /onvif/device_service GetSystemDateAndTime (PRE_AUTH)
 *   onvif-info  POST /onvif/device_service GetDeviceInformation
 *
 * None sends a password.  The Dahua challenge request carries an empty
 * user name and no password: it is the first half of the web UI's own
 * login and is answered with a challenge, not counted as a failed login.
 */
#include "probe/probe.h"

#include <stdio.h>
#include <string.h>

#include "core/str.h"
#include "parse/parse_http.h"
#include "parse/parse_soap.h"
#include "core/poison.h"

#define HTTP_MAX_INPUT (64 * 1024) /* bytes of one reply kept */
#define HTTP_BODY_OBS 4096         /* bytes of a body recorded */

static const uint16_t web_ports[] = {80, 8080, 81, 8081, 5000, 631, 0};

static const char user_agent[] = "camsweep/0.1 (surveillance estate audit)";

static void
request(struct cs_probe_ctx *ctx, const char *method, const char *path,
	const char *ctype, const char *extra_hdr, const char *body)
{
	size_t blen = body ? strlen(body) : 0;

	cs_buf_printf(ctx->out,
		      "%s %s HTTP/1.1\r\nHost: %s\r\nUser-Agent: %s\r\n"
		      "Accept: */*\r\nConnection: close\r\n",
		      method, path, ctx->host, user_agent);
	if (ctype)
		cs_buf_printf(ctx->out,
			      "Content-Type: %s\r\nContent-Length: %zu\r\n",
			      ctype, blen);
	if (extra_hdr)
		cs_buf_adds(ctx->out, extra_hdr);
	cs_buf_adds(ctx->out, "\r\n");
	if (body)
		cs_buf_add(ctx->out, body, blen);
}

static enum cs_step
http_on_data(struct cs_probe_ctx *ctx, const uint8_t *p, size_t n)
{
	int more = cs_http_want_more(p, n);

	(void)ctx;
	return more == 1 ? CS_STEP_MORE : CS_STEP_DONE;
}

/*
 * Parses a reply into r and its (dechunked) body into bodybuf.  Records a
 * malformed observation and returns false if it does not parse.
 */
static bool
parse_reply(struct cs_probe_ctx *ctx, const char *probe, const uint8_t *p,
	    size_t n, struct cs_http_resp *r, uint8_t *bodybuf, size_t bodycap,
	    struct cs_span *body)
{
	size_t blen;

	if (n == 0)
		return false;
	if (cs_http_parse_response(p, n, r) != 0) {
		cs_probe_malformed(ctx, probe, p, n);
		return false;
	}
	*body = r->body;
	if (r->chunked &&
	    cs_http_dechunk(r->body, bodybuf, bodycap, &blen) == 0)
		*body = cs_span_make(bodybuf, blen);
	return true;
}

static void
obs_span(struct cs_probe_ctx *ctx, const char *key, struct cs_span s)
{
	if (s.n)
		cs_obs_add(ctx->obs, key, ctx->port, 0, s.p, s.n);
}

static void
obs_status(struct cs_probe_ctx *ctx, const char *key, int status,
	   struct cs_span body)
{
	char buf[HTTP_BODY_OBS + 8];
	int k = snprintf(buf, sizeof(buf), "%d ", status);
	size_t n = CS_MIN(body.n, sizeof(buf) - (size_t)k);

	memcpy(buf + k, body.p, n);
	cs_obs_add(ctx->obs, key, ctx->port, 0, buf, (size_t)k + n);
}

/* ---- http-root and http-page ---- */

/*
 * Turns a redirect target into a path on the same host and port: a
 * relative path, or an absolute http:// URL naming exactly ctx->host.
 * Anything else (another host, another scheme, odd bytes) is not
 * followed.  Returns true and writes the path into out.
 */
static bool
follow_path(const struct cs_probe_ctx *ctx, struct cs_span loc, char *out,
	    size_t outsz)
{
	size_t hl = strlen(ctx->host);

	if (cs_span_istarts(loc, "http://")) {
		loc.p += 7;
		loc.n -= 7;
		if (loc.n < hl || memcmp(loc.p, ctx->host, hl) != 0)
			return false;
		loc.p += hl;
		loc.n -= hl;
	}
	if (loc.n == 0 || loc.n >= outsz || loc.p[0] != '/' ||
	    (loc.n == 1 && loc.p[0] == '/') || (loc.n > 1 && loc.p[1] == '/'))
		return false;
	for (size_t i = 0; i < loc.n; i++)
		if (loc.p[i] <= 0x20 || loc.p[i] >= 0x7F)
			return false;
	memcpy(out, loc.p, loc.n);
	out[loc.n] = '\0';
	return true;
}

extern const struct cs_probe cs_probe_http_page;

static void
root_start(struct cs_probe_ctx *ctx)
{
	request(ctx, "GET", "/", NULL, NULL, NULL);
}

static void
root_finish(struct cs_probe_ctx *ctx, const uint8_t *p, size_t n,
	    enum cs_probe_end why)
{
	uint8_t bodybuf[HTTP_MAX_INPUT];
	struct cs_http_resp r;
	struct cs_span body, v, loc;
	char st[8];

	(void)why;
	if (!parse_reply(ctx, "http", p, n, &r, bodybuf, sizeof(bodybuf),
			 &body))
		return;
	snprintf(st, sizeof(st), "%d", r.status);
	cs_obs_adds(ctx->obs, "http.status", ctx->port, st);
	obs_span(ctx, "http.server", cs_http_header(&r, "server"));
	v = cs_http_header(&r, "www-authenticate");
	obs_span(ctx, "http.www-authenticate", v);
	if (v.n)
		obs_span(ctx, "http.realm", cs_http_auth_realm(v));
	obs_span(ctx, "http.title", cs_html_title(body));
	loc = cs_http_header(&r, "location");
	if (loc.n == 0)
		loc = cs_html_meta_refresh_or_location(body);
	obs_span(ctx, "http.location", loc);
	if (body.n)
		cs_obs_add(ctx->obs, "http.body", ctx->port, 0, body.p,
			   CS_MIN(body.n, HTTP_BODY_OBS));
	if (loc.n &&
	    follow_path(ctx, loc, ctx->next_arg, sizeof(ctx->next_arg)))
		ctx->next_probe = &cs_probe_http_page;
}

const struct cs_probe cs_probe_http_root = {
    .name = "http-root",
    .summary = "GET / on each web port: Server, realm, title, redirect",
    .flags = CS_PROBE_SAFE | CS_PROBE_REUSE,
    .ports = web_ports,
    .max_input = HTTP_MAX_INPUT,
    .start = root_start,
    .on_data = http_on_data,
    .finish = root_finish,
};

static void
page_start(struct cs_probe_ctx *ctx)
{
	request(ctx, "GET", ctx->arg[0] ? ctx->arg : "/", NULL, NULL, NULL);
}

static void
page_finish(struct cs_probe_ctx *ctx, const uint8_t *p, size_t n,
	    enum cs_probe_end why)
{
	uint8_t bodybuf[HTTP_MAX_INPUT];
	struct cs_http_resp r;
	struct cs_span body;

	(void)why;
	if (!parse_reply(ctx, "http-page", p, n, &r, bodybuf, sizeof(bodybuf),
			 &body) ||
	    r.status != 200)
		return;
	obs_span(ctx, "http.title", cs_html_title(body));
	if (body.n)
		cs_obs_add(ctx->obs, "http.body", ctx->port, 0, body.p,
			   CS_MIN(body.n, HTTP_BODY_OBS));
}

const struct cs_probe cs_probe_http_page = {
    .name = "http-page",
    .summary = "GET of the same-host page the root page redirects to",
    .flags = CS_PROBE_SAFE,
    .ports = web_ports,
    .max_input = HTTP_MAX_INPUT,
    .start = page_start,
    .on_data = http_on_data,
    .finish = page_finish,
};

/* ---- vendor endpoints: one request, the reply under one key ---- */

/* What an endpoint probe sends and records (its probe's .data). */
struct endpoint {
	const char *method, *path;
	const char *ctype, *body; /* NULL for a GET */
	const char *key;          /* observation key of the reply */
	bool any_status;          /* record "<status> <body>" whatever the
				     status (a 401 or 404 is evidence too);
				     otherwise the body of a 200 only */
};

static void
endpoint_start(struct cs_probe_ctx *ctx)
{
	const struct endpoint *ep = ctx->probe->data;

	request(ctx, ep->method, ep->path, ep->ctype, NULL, ep->body);
}

static void
endpoint_finish(struct cs_probe_ctx *ctx, const uint8_t *p, size_t n,
		enum cs_probe_end why)
{
	const struct endpoint *ep = ctx->probe->data;
	uint8_t bodybuf[HTTP_MAX_INPUT];
	struct cs_http_resp r;
	struct cs_span body;

	(void)why;
	if (!parse_reply(ctx, ctx->probe->name, p, n, &r, bodybuf,
			 sizeof(bodybuf), &body))
		return;
	if (ep->any_status)
		obs_status(ctx, ep->key, r.status, body);
	else if (r.status == 200 && body.n)
		cs_obs_add(ctx->obs, ep->key, ctx->port, 0, body.p, body.n);
	if (r.status == 401) {
		struct cs_span v = cs_http_header(&r, "www-authenticate");

		if (v.n)
			obs_span(ctx, "http.realm", cs_http_auth_realm(v));
	}
}

#define ENDPOINT_PROBE(sym, pname, psummary, ep)                               \
	const struct cs_probe sym = {                                          \
	    .name = pname,                                                     \
	    .summary = psummary,                                               \
	    .flags = CS_PROBE_SAFE | CS_PROBE_ONCE,                            \
	    .ports = web_ports,                                                \
	    .max_input = HTTP_MAX_INPUT,                                       \
	    .data = &ep,                                                       \
	    .start = endpoint_start,                                           \
	    .on_data = http_on_data,                                           \
	    .finish = endpoint_finish,                                         \
	}

static const struct endpoint ep_isapi = {
    .method = "GET",
    .path = "/ISAPI/System/deviceInfo",
    .key = "hik.isapi",
    .any_status = true,
};
ENDPOINT_PROBE(cs_probe_hik_isapi, "hik-isapi",
	       "Hikvision ISAPI device information (answers 401 or data)",
	       ep_isapi);

static const struct endpoint ep_rpc2 = {
    .method = "POST",
    .path = "/RPC2_Login",
    .ctype = "application/json",
    .body = "{\"method\":\"global.login\",\"params\":{\"userName\":\"\","
	    "\"password\":\"\",\"clientType\":\"Web3.0\"},\"id\":1}",
    .key = "dahua.rpc2",
};
ENDPOINT_PROBE(cs_probe_dahua_rpc2, "dahua-rpc2",
	       "Dahua JSON-RPC login challenge (empty user, no password)",
	       ep_rpc2);

static const struct endpoint ep_bdi = {
    .method = "POST",
    .path = "/axis-cgi/basicdeviceinfo.cgi",
    .ctype = "application/json",
    .body = "{\"apiVersion\":\"1.0\",\"method\":"
	    "\"getAllUnrestrictedProperties\"}",
    .key = "axis.basicdeviceinfo",
};
ENDPOINT_PROBE(cs_probe_axis_bdi, "axis-bdi",
	       "Axis VAPIX unrestricted basic device information", ep_bdi);

/* ---- ONVIF device service (SOAP 1.2 over HTTP, ONVIF Core 5.x) ---- */

static void
onvif_request(struct cs_probe_ctx *ctx, const char *op)
{
	char body[512], ctype[200];

	snprintf(
	    body, sizeof(body),
	    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
	    "<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\">"
	    "<s:Body><%s xmlns=\"http://www.onvif.org/ver10/device/wsdl\"/>"
	    "</s:Body></s:Envelope>",
	    op);
	snprintf(ctype, sizeof(ctype),
		 "application/soap+xml; charset=utf-8; "
		 "action=\"http://www.onvif.org/ver10/device/wsdl/%s\"",
		 op);
	request(ctx, "POST", "/onvif/device_service", ctype, NULL, body);
}

/* Records what a SOAP reply says; shared by both ONVIF probes. */
static void
onvif_finish(struct cs_probe_ctx *ctx, const char *probe, const uint8_t *p,
	     size_t n)
{
	uint8_t bodybuf[HTTP_MAX_INPUT];
	struct cs_soap soap;
	struct cs_http_resp r;
	struct cs_span body;
	char ns[32 * 130];
	size_t k = 0;

	if (!parse_reply(ctx, probe, p, n, &r, bodybuf, sizeof(bodybuf), &body))
		return;
	if (body.n == 0 || (r.status != 200 && r.status != 400 &&
			    r.status != 401 && r.status != 500))
		return;
	if (cs_soap_parse(body.p, body.n, &soap) != 0) {
		/* Not SOAP: a web server that happens to answer here. */
		return;
	}
	ns[0] = '\0';
	for (size_t i = 0; i < soap.nns && k + 130 < sizeof(ns); i++)
		k += (size_t)snprintf(ns + k, sizeof(ns) - k, "%s%s",
				      i ? " " : "", soap.ns[i]);
	if (k)
		cs_obs_add(ctx->obs, "onvif.ns", ctx->port, 0, ns, k);
	if (soap.fault) {
		cs_obs_adds(ctx->obs, "onvif.fault", ctx->port,
			    soap.fault_subcode[0] ? soap.fault_subcode
						  : soap.fault_code);
		return;
	}
	if (soap.manufacturer[0])
		cs_obs_adds(ctx->obs, "onvif.manufacturer", ctx->port,
			    soap.manufacturer);
	if (soap.model[0])
		cs_obs_adds(ctx->obs, "onvif.model", ctx->port, soap.model);
	if (soap.firmware[0])
		cs_obs_adds(ctx->obs, "onvif.firmware", ctx->port,
			    soap.firmware);
	if (soap.serial[0])
		cs_obs_adds(ctx->obs, "onvif.serial", ctx->port, soap.serial);
	if (soap.hardware_id[0])
		cs_obs_adds(ctx->obs, "onvif.hardware", ctx->port,
			    soap.hardware_id);
	if (soap.scopes[0])
		cs_obs_adds(ctx->obs, "onvif.scopes", ctx->port, soap.scopes);
}

/* The ONVIF operation a probe sends is its .data. */
static void
onvif_start(struct cs_probe_ctx *ctx)
{
	onvif_request(ctx, ctx->probe->data);
}

static void
onvif_probe_finish(struct cs_probe_ctx *ctx, const uint8_t *p, size_t n,
		   enum cs_probe_end why)
{
	(void)why;
	onvif_finish(ctx, ctx->probe->name, p, n);
}

const struct cs_probe cs_probe_onvif_time = {
    .name = "onvif-time",
    .summary = "ONVIF GetSystemDateAndTime (pre-auth): SOAP namespaces",
    .flags = CS_PROBE_SAFE | CS_PROBE_ONCE,
    .ports = web_ports,
    .max_input = HTTP_MAX_INPUT,
    .data = "GetSystemDateAndTime",
    .start = onvif_start,
    .on_data = http_on_data,
    .finish = onvif_probe_finish,
};

const struct cs_probe cs_probe_onvif_info = {
    .name = "onvif-info",
    .summary = "ONVIF GetDeviceInformation without credentials",
    .flags = CS_PROBE_SAFE | CS_PROBE_ONCE,
    .ports = web_ports,
    .max_input = HTTP_MAX_INPUT,
    .data = "GetDeviceInformation",
    .start = onvif_start,
    .on_data = http_on_data,
    .finish = onvif_probe_finish,
};
