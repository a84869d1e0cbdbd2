/* SPDX-License-Identifier: ISC */
/*
 * RTSP probe (RFC 2326): OPTIONS, then DESCRIBE on the same connection.
 * OPTIONS gives the Server and Public headers; DESCRIBE gives either the
 * authentication challenge (realm) or, on devices that allow anonymous
 * viewing, the SDP session description whose s= line and attributes are
 * vendor-specific (protocols.md section 8).  The request URI is the full
 * rtsp:// URL: some Dahua servers answer "OPTIONS /" with 405.
 */
#include "probe/probe.h"

#include <stdio.h>
#include <string.h>

#include "parse/parse_http.h"
#include "parse/parse_sdp.h"
#include "core/poison.h"

#define RTSP_MAX_INPUT (32 * 1024)

static const uint16_t rtsp_ports[] = {554, 8554, 0};

static void
rtsp_request(struct cs_probe_ctx *ctx, const char *method, int cseq)
{
	cs_buf_printf(ctx->out,
		      "%s rtsp://%s/ RTSP/1.0\r\nCSeq: %d\r\n"
		      "User-Agent: camsweep/0.1\r\n%s\r\n",
		      method, ctx->host, cseq,
		      strcmp(method, "DESCRIBE") == 0
			  ? "Accept: application/sdp\r\n"
			  : "");
}

static void
rtsp_start(struct cs_probe_ctx *ctx)
{
	rtsp_request(ctx, "OPTIONS", 1);
}

static void
obs_span(struct cs_probe_ctx *ctx, const char *key, struct cs_span s)
{
	if (s.n)
		cs_obs_add(ctx->obs, key, ctx->port, 0, s.p, s.n);
}

/* Records one RTSP reply; returns false if it did not parse. */
static bool
record(struct cs_probe_ctx *ctx, const uint8_t *p, size_t n)
{
	struct cs_http_resp r;
	struct cs_span v;
	struct cs_sdp sdp;

	if (cs_http_parse_response(p, n, &r) != 0) {
		cs_probe_malformed(ctx, "rtsp", p, n);
		return false;
	}
	if (r.proto.n < 5 || memcmp(r.proto.p, "RTSP/", 5) != 0) {
		/* Something else (often HTTP) listens here. */
		cs_probe_malformed(ctx, "rtsp", p, n);
		return false;
	}
	if (ctx->step == 0) {
		obs_span(ctx, "rtsp.server", cs_http_header(&r, "server"));
		obs_span(ctx, "rtsp.public", cs_http_header(&r, "public"));
		return true;
	}
	if (!cs_obs_find(ctx->obs, "rtsp.server", ctx->port))
		obs_span(ctx, "rtsp.server", cs_http_header(&r, "server"));
	v = cs_http_header(&r, "www-authenticate");
	obs_span(ctx, "rtsp.www-authenticate", v);
	if (v.n)
		obs_span(ctx, "rtsp.realm", cs_http_auth_realm(v));
	if (r.status == 200 && r.body.n) {
		obs_span(ctx, "rtsp.sdp", r.body);
		if (cs_sdp_parse(r.body.p, r.body.n, &sdp) == 0)
			obs_span(ctx, "rtsp.sdp.session", sdp.session);
	}
	return true;
}

static enum cs_step
rtsp_on_data(struct cs_probe_ctx *ctx, const uint8_t *p, size_t n)
{
	if (cs_http_want_more(p, n) == 1)
		return CS_STEP_MORE;
	if (ctx->step == 0 && record(ctx, p, n)) {
		rtsp_request(ctx, "DESCRIBE", 2);
		return CS_STEP_SEND;
	}
	return CS_STEP_DONE;
}

static void
rtsp_finish(struct cs_probe_ctx *ctx, const uint8_t *p, size_t n,
	    enum cs_probe_end why)
{
	if (n == 0)
		return;
	/* Step 0 replies were recorded in on_data unless cut short. */
	if (ctx->step > 0 || why != CS_END_COMPLETE)
		record(ctx, p, n);
}

const struct cs_probe cs_probe_rtsp = {
    .name = "rtsp",
    .summary = "RTSP OPTIONS and DESCRIBE: server, realm, SDP session",
    .flags = CS_PROBE_SAFE | CS_PROBE_REUSE,
    .ports = rtsp_ports,
    .max_input = RTSP_MAX_INPUT,
    .start = rtsp_start,
    .on_data = rtsp_on_data,
    .finish = rtsp_finish,
};
