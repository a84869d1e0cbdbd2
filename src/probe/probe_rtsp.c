/* SPDX-License-Identifier: ISC */
/*
 * RTSP probe (RFC 2326): OPTIONS, then DESCRIBE on the same connection.
 * OPTIONS gives the Server and Public headers; DESCRIBE gives either the
 * authentication challenge (realm) or, on devices that allow anonymous
 * viewing, the SDP session description whose s= line and attributes are
 * vendor-specific (protocols.md section 8).  The request URI is the full
 * rtsp:// URL: some Dahua servers answer "OPTIONS /" with 405.  Each
 * reply is decoded by the shared "rtsp" decoder (parse/decode.h).
 */
#include "probe/probe.h"

#include <stdio.h>
#include <string.h>

#include "parse/parse_http.h"
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

/*
 * Records one RTSP reply with the shared "rtsp" decoder (as `camsweep
 * identify` would); returns false if it is not an RTSP response (the
 * decoder then recorded it as malformed).
 */
static bool
record(struct cs_probe_ctx *ctx, const uint8_t *p, size_t n)
{
	return cs_probe_decode(ctx, "rtsp", p, n) == 0;
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
