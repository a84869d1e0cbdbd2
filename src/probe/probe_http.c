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
 *   dahua-magicbox GET /cgi-bin/magicBox.cgi?action=getDeviceType
 *   axis-bdi    POST /axis-cgi/basicdeviceinfo.cgi     Axis VAPIX
 *   axis-param  GET /axis-cgi/param.cgi?action=list&group=Brand,Properties
 *               (only as axis-bdi's follow-up, on Axis evidence: below)
 *   hanwha-sunapi GET /stw-cgi/system.cgi?msubmenu=deviceinfo&action=view
 *   uniview-lapi GET /LAPI/V1.0/System/DeviceInfo      Uniview LAPI
 *   onvif-time  POST /onvif/device_service GetSystemDateAndTime (PRE_AUTH)
 *   onvif-info  POST /onvif/device_service GetDeviceInformation
 *
 * The vendor endpoints run once per host on the web ports below; on any
 * other port where http-root (or the page it redirects to) finds an HTTP
 * server, they are asked one after the other as follow-ups
 * (CS_PROBE_ARG_CHAIN), until one names a model: at most six small
 * requests more per such port.
 *
 * Every reply is decoded by the shared decoder of its kind
 * (parse/decode.h), the same code `camsweep identify` runs on the same
 * bytes.  None sends a password.  The Dahua challenge request carries an empty
 * user name and no password: it is the first half of the web UI's own
 * login and is answered with a challenge, not counted as a failed login.
 */
#include "probe/probe.h"

#include <stdio.h>
#include <string.h>

#include "core/str.h"
#include "parse/parse_http.h"
#include "core/poison.h"

#define HTTP_MAX_INPUT (64 * 1024) /* bytes of one reply kept */

static const uint16_t web_ports[] = {80, 8080, 81, 8081, 5000, 631, 0};
/* The same probes over TLS (the engine does the handshake). */
static const uint16_t https_ports[] = {443, 8443, 0};

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

/* ---- http-root and http-page ---- */

/*
 * Turns a redirect target into a path on the same host and port: a
 * relative path, or an absolute http:// URL (https:// over TLS) naming
 * exactly ctx->host.
 * Anything else (another host, another scheme, odd bytes) is not
 * followed.  Returns true and writes the path into out.
 */
static bool
follow_path(const struct cs_probe_ctx *ctx, struct cs_span loc, char *out,
	    size_t outsz)
{
	size_t hl = strlen(ctx->host);
	const char *scheme = ctx->tls ? "https://" : "http://";
	size_t sl = strlen(scheme);

	if (cs_span_istarts(loc, scheme)) {
		loc.p += sl;
		loc.n -= sl;
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
extern const struct cs_probe cs_probe_rtsp;
extern const struct cs_probe cs_probe_hik_isapi, cs_probe_dahua_rpc2,
    cs_probe_axis_bdi, cs_probe_dahua_magicbox, cs_probe_hanwha_sunapi,
    cs_probe_uniview_lapi, cs_probe_axis_param;

/* The vendor endpoints asked on a web port outside their list, in order
 * (CS_PROBE_ARG_CHAIN). */
static const struct cs_probe *const api_chain[] = {
    &cs_probe_hik_isapi,      &cs_probe_dahua_rpc2,    &cs_probe_axis_bdi,
    &cs_probe_dahua_magicbox, &cs_probe_hanwha_sunapi, &cs_probe_uniview_lapi,
};

/* True when obs[first..] holds key. */
static bool
has_new(const struct cs_probe_ctx *ctx, size_t first, const char *key)
{
	for (size_t i = first; i < ctx->obs->n; i++)
		if (strcmp(ctx->obs->v[i].key, key) == 0)
			return true;
	return false;
}

/*
 * After a web reply (obs[first..] decoded from it) on a port where the
 * vendor endpoint probes do not run, asks the first of them as a
 * follow-up (issue #11: a Hikvision moved to 8090 answers ISAPI there).
 */
static void
chain_start(struct cs_probe_ctx *ctx, size_t first)
{
	if (ctx->next_probe != NULL ||
	    cs_probe_on_port(api_chain[0], ctx->port) ||
	    !has_new(ctx, first, "http.status"))
		return;
	ctx->next_probe = api_chain[0];
	snprintf(ctx->next_arg, sizeof(ctx->next_arg), "%s",
		 CS_PROBE_ARG_CHAIN);
}

static void
root_start(struct cs_probe_ctx *ctx)
{
	request(ctx, "GET", "/", NULL, NULL, NULL);
}

static void
root_finish(struct cs_probe_ctx *ctx, const uint8_t *p, size_t n,
	    enum cs_probe_end why)
{
	size_t first = ctx->obs->n;

	(void)why;
	if (n == 0)
		return;
	/* An RTSP server on a port the scan took for a web one answers
	 * in RTSP: ask it as one (never on the RTSP probe's own ports). */
	if (n >= 7 && memcmp(p, "RTSP/1.", 7) == 0) {
		if (!cs_probe_on_port(&cs_probe_rtsp, ctx->port))
			ctx->next_probe = &cs_probe_rtsp;
		return;
	}
	(void)cs_probe_decode(ctx, "http", p, n);
	for (size_t i = first; i < ctx->obs->n; i++) {
		const struct cs_obs *o = &ctx->obs->v[i];

		if (strcmp(o->key, "http.location") == 0 &&
		    follow_path(ctx, cs_span_make(o->val, o->len),
				ctx->next_arg, sizeof(ctx->next_arg))) {
			ctx->next_probe = &cs_probe_http_page;
			break;
		}
	}
	chain_start(ctx, first);
}

const struct cs_probe cs_probe_http_root = {
    .name = "http-root",
    .summary = "GET / on each web port: Server, realm, title, redirect",
    .flags = CS_PROBE_SAFE | CS_PROBE_REUSE,
    .ports = web_ports,
    .tls_ports = https_ports,
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
	size_t first = ctx->obs->n;

	(void)why;
	if (n > 0) {
		(void)cs_probe_decode(ctx, "http", p, n);
		chain_start(ctx, first);
	}
}

/* Only as http-root's follow-up: queued for every open web port with no
 * page to fetch, it asked for / a second time on each. */
const struct cs_probe cs_probe_http_page = {
    .name = "http-page",
    .summary = "GET of the same-host page the root page redirects to",
    .flags = CS_PROBE_SAFE | CS_PROBE_FOLLOWUP,
    .ports = web_ports,
    .tls_ports = https_ports,
    .max_input = HTTP_MAX_INPUT,
    .start = page_start,
    .on_data = http_on_data,
    .finish = page_finish,
};

/* ---- vendor endpoints: one request, the reply under one key ---- */

/* What an endpoint probe sends, and the decoder kind of its reply. */
struct endpoint {
	const char *method, *path;
	const char *ctype, *body; /* NULL for a GET */
	const char *kind;         /* parse/decode.h kind of the reply */
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
	size_t first = ctx->obs->n;

	(void)why;
	if (n == 0)
		return;
	(void)cs_probe_decode(ctx, ep->kind, p, n);
	/* basicdeviceinfo named no model, but the host looks like an Axis:
	 * its parameter list (axis-param) instead of the rest of a chain,
	 * whose endpoints are other makers'. */
	if (ctx->probe == &cs_probe_axis_bdi &&
	    cs_probe_axis_wanted(ctx->obs)) {
		ctx->next_probe = &cs_probe_axis_param;
		snprintf(ctx->next_arg, sizeof(ctx->next_arg), "%s", "");
		return;
	}
	if (strcmp(ctx->arg, CS_PROBE_ARG_CHAIN) != 0)
		return;
	/* The maker's API answered with a model: the others need not be
	 * asked.  Otherwise the next endpoint of the chain. */
	for (size_t i = first; i < ctx->obs->n; i++) {
		const char *k = ctx->obs->v[i].key;
		size_t kl = strlen(k);

		if (kl > 6 && strcmp(k + kl - 6, ".model") == 0)
			return;
	}
	for (size_t i = 0; i + 1 < CS_NELEM(api_chain); i++)
		if (api_chain[i] == ctx->probe) {
			ctx->next_probe = api_chain[i + 1];
			snprintf(ctx->next_arg, sizeof(ctx->next_arg), "%s",
				 CS_PROBE_ARG_CHAIN);
			return;
		}
}

#define ENDPOINT_PROBE(sym, pname, psummary, ep)                               \
	const struct cs_probe sym = {                                          \
	    .name = pname,                                                     \
	    .summary = psummary,                                               \
	    .flags = CS_PROBE_SAFE | CS_PROBE_ONCE,                            \
	    .ports = web_ports,                                                \
	    .tls_ports = https_ports,                                          \
	    .max_input = HTTP_MAX_INPUT,                                       \
	    .data = &ep,                                                       \
	    .start = endpoint_start,                                           \
	    .on_data = http_on_data,                                           \
	    .finish = endpoint_finish,                                         \
	}

static const struct endpoint ep_isapi = {
    .method = "GET",
    .path = "/ISAPI/System/deviceInfo",
    .kind = "isapi",
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
    .kind = "dahua-rpc2",
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
    .kind = "axis-bdi",
};
ENDPOINT_PROBE(cs_probe_axis_bdi, "axis-bdi",
	       "Axis VAPIX unrestricted basic device information", ep_bdi);

static const struct endpoint ep_magicbox = {
    .method = "GET",
    .path = "/cgi-bin/magicBox.cgi?action=getDeviceType",
    .kind = "dahua-cgi",
};
ENDPOINT_PROBE(cs_probe_dahua_magicbox, "dahua-magicbox",
	       "Dahua magicBox.cgi getDeviceType (answers 401 or type=)",
	       ep_magicbox);

static const struct endpoint ep_sunapi = {
    .method = "GET",
    .path = "/stw-cgi/system.cgi?msubmenu=deviceinfo&action=view",
    .kind = "sunapi",
};
ENDPOINT_PROBE(cs_probe_hanwha_sunapi, "hanwha-sunapi",
	       "Hanwha SUNAPI system.cgi deviceinfo view (read-only GET)",
	       ep_sunapi);

static const struct endpoint ep_lapi = {
    .method = "GET",
    .path = "/LAPI/V1.0/System/DeviceInfo",
    .kind = "lapi",
};
ENDPOINT_PROBE(cs_probe_uniview_lapi, "uniview-lapi",
	       "Uniview LAPI System/DeviceInfo (read-only GET)", ep_lapi);

/* ---- axis-param: the VAPIX parameter list, on Axis evidence only ---- */

/* True if the text of o starts with s (case-insensitive). */
static bool
obs_istarts(const struct cs_obs *o, const char *s)
{
	return cs_span_istarts(cs_span_make(o->val, o->len), s);
}

/* True if the text of o holds s (case-insensitive). */
static bool
obs_has(const struct cs_obs *o, const char *s)
{
	return cs_span_find(cs_span_make(o->val, o->len), s, strlen(s), true) >=
	       0;
}

/*
 * What the scan's earlier replies may show of an Axis product: the
 * digest realm AXIS_<MAC> (or AXIS_WS_<MAC>) of its web server or RTSP
 * server, a Server header of AXIS OS ("Linux/4.9.94-axis5") or one
 * naming AXIS, a page title "AXIS <model> ..." or "Live view - AXIS
 * <model> ...", ONVIF replies declaring
 * the www.axis.com/vapix namespaces, or a Brand of AXIS.
 */
static bool
axis_evidence(const struct cs_obs *o)
{
	const char *k = o->key;

	if (strcmp(k, "http.realm") == 0 || strcmp(k, "rtsp.realm") == 0)
		return obs_istarts(o, "AXIS_");
	if (strcmp(k, "http.server") == 0)
		return obs_istarts(o, "AXIS") || obs_has(o, "-axis");
	if (strcmp(k, "http.title") == 0)
		return obs_istarts(o, "AXIS ") ||
		       (obs_istarts(o, "Live view") && obs_has(o, "AXIS "));
	if (strcmp(k, "onvif.ns") == 0)
		return obs_has(o, "www.axis.com/vapix");
	if (strcmp(k, "axis.brand") == 0)
		return obs_istarts(o, "AXIS");
	return false;
}

bool
cs_probe_axis_wanted(const struct cs_obs_list *obs)
{
	bool axis = false;

	for (size_t i = 0; i < obs->n; i++) {
		/* basicdeviceinfo (or an earlier listing) named the model:
		 * nothing more to ask. */
		if (strcmp(obs->v[i].key, "axis.model") == 0)
			return false;
		if (axis_evidence(&obs->v[i]))
			axis = true;
	}
	return axis;
}

static const struct endpoint ep_param = {
    .method = "GET",
    .path = CS_AXIS_PARAM_PATH,
    .kind = "http",
};

/*
 * Runs only as axis-bdi's follow-up (CS_PROBE_FOLLOWUP), once per host.
 * The reply is decoded as an http reply: a 200 listing is read as
 * root.Brand / root.Properties parameters (kind axis-param inside the
 * http decoder), a 401 gives its realm, exactly as `camsweep identify`
 * reads the same bytes given as kind http.
 */
const struct cs_probe cs_probe_axis_param = {
    .name = "axis-param",
    .summary = "Axis VAPIX param.cgi list of the Brand and Properties groups",
    .flags = CS_PROBE_SAFE | CS_PROBE_ONCE | CS_PROBE_FOLLOWUP,
    .ports = web_ports,
    .tls_ports = https_ports,
    .max_input = HTTP_MAX_INPUT,
    .data = &ep_param,
    .start = endpoint_start,
    .on_data = http_on_data,
    .finish = endpoint_finish,
};

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

/*
 * Records what a SOAP reply says; shared by both ONVIF probes.  A reply
 * that is not SOAP at all (a web server that happens to answer here) is
 * not recorded.
 */
static void
onvif_finish(struct cs_probe_ctx *ctx, const uint8_t *p, size_t n)
{
	struct cs_http_resp r;
	struct cs_obs_list tmp;
	struct cs_obs_list *keep = ctx->obs;

	if (n == 0 || cs_http_parse_response(p, n, &r) != 0 ||
	    (r.status != 200 && r.status != 400 && r.status != 401 &&
	     r.status != 500))
		return;
	cs_obs_list_init(&tmp);
	ctx->obs = &tmp;
	if (cs_probe_decode(ctx, "onvif", p, n) == 0) {
		bool info = false;
		for (size_t i = 0; i < tmp.n; i++) {
			cs_obs_add(keep, tmp.v[i].key, tmp.v[i].port,
				   tmp.v[i].flags, tmp.v[i].val, tmp.v[i].len);
			info |=
			    tmp.v[i].len > 0 &&
			    (strcmp(tmp.v[i].key, "onvif.manufacturer") == 0 ||
			     strcmp(tmp.v[i].key, "onvif.model") == 0 ||
			     strcmp(tmp.v[i].key, "onvif.serial") == 0);
		}
		/* this request carried no credentials (exposure.md 4.5:
		 * GetDeviceInformation is READ_SYSTEM, it should need
		 * them) */
		if (info && r.status == 200 &&
		    strcmp(ctx->probe->data, "GetDeviceInformation") == 0)
			cs_obs_adds(keep, "onvif.access", ctx->port,
				    "200 device information");
	}
	ctx->obs = keep;
	cs_obs_list_free(&tmp);
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
	onvif_finish(ctx, p, n);
}

const struct cs_probe cs_probe_onvif_time = {
    .name = "onvif-time",
    .summary = "ONVIF GetSystemDateAndTime (pre-auth): SOAP namespaces",
    .flags = CS_PROBE_SAFE | CS_PROBE_ONCE,
    .ports = web_ports,
    .tls_ports = https_ports,
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
    .tls_ports = https_ports,
    .max_input = HTTP_MAX_INPUT,
    .data = "GetDeviceInformation",
    .start = onvif_start,
    .on_data = http_on_data,
    .finish = onvif_probe_finish,
};
