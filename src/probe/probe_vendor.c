/* SPDX-License-Identifier: ISC */
/*
 * Vendor TCP services (protocols.md sections 4, 6 and 7):
 *
 *   hik-sdk      tcp/8000   Hikvision SDK port: reads the 16-byte reply
 *                           the service sends unprompted; sends nothing.
 *   dahua-dvrip  tcp/37777  Dahua binary protocol: one realm request (the
 *                           first step of a login, carrying no user name
 *                           or password); the reply starts with 0xB0.
 *   xm-dvrip     tcp/34567  Xiongmai "Sofia" DVRIP: one SystemInfo query
 *                           without a session; even a refusal comes back
 *                           in DVRIP framing with a JSON "Ret" code.
 *   banner       tcp/21,22,23  reads what FTP, SSH and telnet servers
 *                           say first; sends nothing.  Also on any port
 *                           no probe claims, where silence gets the
 *                           http-root probe next.
 *
 * Replies are decoded by the shared decoders of parse/decode.h (kinds
 * hik-sdk, dvrip and banner), as `camsweep identify` decodes them.
 */
#include "probe/probe.h"

#include <stdio.h>
#include <string.h>

#include "parse/parse_vendor.h"
#include "core/poison.h"

/* ---- hik-sdk ---- */

static const uint16_t hik_ports[] = {8000, 0};

static void
nothing(struct cs_probe_ctx *ctx)
{
	(void)ctx;
}

static enum cs_step
hik_on_data(struct cs_probe_ctx *ctx, const uint8_t *p, size_t n)
{
	(void)ctx;
	(void)p;
	return n >= 16 ? CS_STEP_DONE : CS_STEP_MORE;
}

extern const struct cs_probe cs_probe_http_root;

/*
 * The SDK service speaks first; a port 8000 that stays silent until the
 * read timeout is another service, most often a web interface (an HTTP
 * server waits for its request): it gets the http-root probe next.
 */
static void
hik_finish(struct cs_probe_ctx *ctx, const uint8_t *p, size_t n,
	   enum cs_probe_end why)
{
	if (n > 0)
		(void)cs_probe_decode(ctx, "hik-sdk", p, n);
	else if (why == CS_END_TIMEOUT)
		ctx->next_probe = &cs_probe_http_root;
}

const struct cs_probe cs_probe_hik_sdk = {
    .name = "hik-sdk",
    .summary = "Hikvision SDK port greeting (reads only)",
    .flags = CS_PROBE_SAFE | CS_PROBE_GREETING | CS_PROBE_REUSE,
    .ports = hik_ports,
    .max_input = 256,
    .start = nothing,
    .on_data = hik_on_data,
    .finish = hik_finish,
};

/* ---- dahua-dvrip ---- */

static const uint16_t dahua_ports[] = {37777, 0};

static void
dh_start(struct cs_probe_ctx *ctx)
{
	uint8_t req[32];
	size_t n = cs_dh_dvrip_realm_request(req);

	cs_buf_add(ctx->out, req, n);
}

static enum cs_step
dh_on_data(struct cs_probe_ctx *ctx, const uint8_t *p, size_t n)
{
	(void)ctx;
	(void)p;
	return n >= 32 ? CS_STEP_DONE : CS_STEP_MORE;
}

static void
dh_finish(struct cs_probe_ctx *ctx, const uint8_t *p, size_t n,
	  enum cs_probe_end why)
{
	(void)why;
	if (n > 0)
		(void)cs_probe_decode(ctx, "dvrip", p, n);
}

const struct cs_probe cs_probe_dahua_dvrip = {
    .name = "dahua-dvrip",
    .summary = "Dahua binary protocol realm request (no credentials)",
    .flags = CS_PROBE_SAFE | CS_PROBE_REUSE,
    .ports = dahua_ports,
    .max_input = 4096,
    .start = dh_start,
    .on_data = dh_on_data,
    .finish = dh_finish,
};

/* ---- xm-dvrip ---- */

#define XM_MSG_SYSINFO 1020 /* SystemInfo query */

static const uint16_t xm_ports[] = {34567, 0};

static void
xm_start(struct cs_probe_ctx *ctx)
{
	uint8_t msg[256];
	size_t n = cs_xm_build(
	    msg, sizeof(msg), XM_MSG_SYSINFO, 0, 0,
	    "{\"Name\":\"SystemInfo\",\"SessionID\":\"0x00000000\"}");

	cs_buf_add(ctx->out, msg, n);
}

static enum cs_step
xm_on_data(struct cs_probe_ctx *ctx, const uint8_t *p, size_t n)
{
	struct cs_xm_msg m;
	int rc = cs_xm_parse(p, n, &m);

	(void)ctx;
	return rc == CS_ETRUNC ? CS_STEP_MORE : CS_STEP_DONE;
}

static void
xm_finish(struct cs_probe_ctx *ctx, const uint8_t *p, size_t n,
	  enum cs_probe_end why)
{
	(void)why;
	if (n > 0)
		(void)cs_probe_decode(ctx, "dvrip", p, n);
}

const struct cs_probe cs_probe_xm_dvrip = {
    .name = "xm-dvrip",
    .summary = "Xiongmai DVRIP SystemInfo query without a session",
    .flags = CS_PROBE_SAFE | CS_PROBE_REUSE,
    .ports = xm_ports,
    .max_input = 64 * 1024 + 20,
    .start = xm_start,
    .on_data = xm_on_data,
    .finish = xm_finish,
};

/* ---- banner ---- */

static const uint16_t banner_ports[] = {21, 22, 23, 0};

/*
 * A banner is complete at its first line end, or at a prompt (": " at the
 * end, as telnet's "login: ").
 */
static enum cs_step
banner_on_data(struct cs_probe_ctx *ctx, const uint8_t *p, size_t n)
{
	(void)ctx;
	for (size_t i = 0; i < n; i++)
		if (p[i] == '\n')
			return CS_STEP_DONE;
	if (n >= 2 && p[n - 2] == ':' && p[n - 1] == ' ')
		return CS_STEP_DONE;
	return CS_STEP_MORE;
}

/*
 * On a port no other probe claims (ctx->arg CS_PROBE_ARG_ANY), a service
 * that says nothing until the read timeout is asked as a web server.
 */
static void
banner_finish(struct cs_probe_ctx *ctx, const uint8_t *p, size_t n,
	      enum cs_probe_end why)
{
	if (n > 0)
		(void)cs_probe_decode(ctx, "banner", p, n);
	else if (why == CS_END_TIMEOUT && ctx->arg != NULL &&
		 strcmp(ctx->arg, CS_PROBE_ARG_ANY) == 0)
		ctx->next_probe = &cs_probe_http_root;
}

const struct cs_probe cs_probe_banner = {
    .name = "banner",
    .summary = "FTP, SSH and telnet greetings (reads only)",
    .flags = CS_PROBE_SAFE | CS_PROBE_GREETING | CS_PROBE_REUSE,
    .ports = banner_ports,
    .max_input = 1024,
    .start = nothing,
    .on_data = banner_on_data,
    .finish = banner_finish,
};
