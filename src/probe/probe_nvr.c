/* SPDX-License-Identifier: ISC */
/*
 * Credentialed channel listings of recorders (cloud-and-nvr.md Part 2):
 *
 *   hik-channels    GET /ISAPI/ContentMgmt/InputProxy/channels
 *   dahua-channels  GET
 * /cgi-bin/configManager.cgi?action=getConfig&name=RemoteDevice
 *
 * Both run once per host, on the first open web port, and only on hosts
 * for which the user's credentials file names a credential (the engine
 * checks CS_PROBE_CRED).  The first request carries no credentials.  Only
 * if the endpoint answers 401 with a challenge of the scheme the file
 * gives for the host (Digest; Basic only for "basic" lines) is the request
 * repeated, once, with credentials: on the same connection when the
 * server keeps it open, else on one new connection carrying the
 * challenge in the job argument.  A 401 to that request is recorded and
 * never retried (lockout policies: protocols.md sections 4 and 6).
 *
 * Observations: nvr.channel (one compact JSON object per camera, see
 * cs_nvr_channel_json), nvr.channels ("<n> <endpoint>"), nvr.auth (why
 * nothing was listed).  No request, header or password is recorded.
 */
#include "probe/probe.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"
#include "core/str.h"
#include "parse/parse_digest.h"
#include "parse/parse_http.h"
#include "parse/parse_nvr.h"
#include "probe/http_auth.h"
#include "core/poison.h"

#define NVR_MAX_INPUT (CS_NVR_INPUT_MAX + 16384)

static const uint16_t nvr_ports[] = {80, 8080, 81, 8081, 0};

static const char user_agent[] = "camsweep/0.1 (surveillance estate audit)";

struct nvr_ep {
	const char *path;
	const char *tag; /* short name in observations */
	int (*parse)(const uint8_t *p, size_t n, struct cs_nvr_channels *out);
};

/* Writes the GET request, with an Authorization header when auth is set. */
static void
nvr_request(struct cs_probe_ctx *ctx, const struct nvr_ep *ep,
	    const struct cs_buf *auth)
{
	cs_buf_printf(ctx->out,
		      "GET %s HTTP/1.1\r\nHost: %s\r\nUser-Agent: %s\r\n"
		      "Accept: */*\r\nConnection: %s\r\n",
		      ep->path, ctx->host, user_agent,
		      auth ? "close" : "keep-alive");
	if (auth)
		cs_buf_add(ctx->out, auth->p, auth->len);
	cs_buf_adds(ctx->out, "\r\n");
}

/* True if the job carries a challenge from an earlier connection. */
static bool
is_followup(const struct cs_probe_ctx *ctx)
{
	return ctx->arg[0] == 'D' || ctx->arg[0] == 'B';
}

/*
 * Builds the Authorization header for the 401 reply r into auth.
 * Returns 0, or CS_ENOTFOUND when the reply offers no challenge of the
 * credential's scheme, or CS_EINVAL for a Digest variant not supported.
 */
static int
auth_for(const struct cs_probe_ctx *ctx, const struct nvr_ep *ep,
	 const struct cs_http_resp *r, struct cs_buf *auth,
	 struct cs_digest_chal *chal)
{
	struct cs_span v;
	int rc;

	if (ctx->cred == NULL)
		return CS_ENOTFOUND;
	/* Every WWW-Authenticate field is considered, first match wins. */
	for (size_t i = 0; i < r->nhdr; i++) {
		if (!cs_span_ieq(r->hdr[i].name, "www-authenticate"))
			continue;
		v = r->hdr[i].value;
		if (ctx->cred->scheme == CS_CRED_BASIC) {
			if (cs_digest_offers_basic(v.p, v.n))
				return cs_http_auth_basic(auth, ctx->cred);
			continue;
		}
		rc = cs_digest_parse_challenge(v.p, v.n, chal);
		if (rc == CS_ENOTFOUND)
			continue;
		if (rc != 0)
			return CS_EINVAL;
		return cs_http_auth_digest(auth, chal, ctx->cred, "GET",
					   ep->path, NULL);
	}
	return CS_ENOTFOUND;
}

/*
 * Packs a Digest challenge into a job argument: "D<a><q><o>|realm|nonce|
 * opaque".  Returns false if it does not fit or a value holds '|'.
 */
static bool
pack_chal(const struct cs_digest_chal *c, char *out, size_t outsz)
{
	int k;

	if (strchr(c->realm, '|') || strchr(c->nonce, '|') ||
	    strchr(c->opaque, '|'))
		return false;
	k = snprintf(out, outsz, "D%c%c%c|%s|%s|%s",
		     c->alg == CS_DIGEST_SHA256 ? 's' : 'm',
		     c->qop_given ? '1' : '0', c->has_opaque ? '1' : '0',
		     c->realm, c->nonce, c->opaque);
	return k > 0 && (size_t)k < outsz;
}

static bool
unpack_chal(const char *arg, struct cs_digest_chal *c)
{
	const char *r, *nn, *o;

	memset(c, 0, sizeof(*c));
	if (strlen(arg) < 5 || arg[0] != 'D' || arg[4] != '|')
		return false;
	c->alg = arg[1] == 's' ? CS_DIGEST_SHA256 : CS_DIGEST_MD5;
	c->qop_given = c->qop_auth = arg[2] == '1';
	c->has_opaque = arg[3] == '1';
	r = arg + 5;
	if ((nn = strchr(r, '|')) == NULL || (o = strchr(nn + 1, '|')) == NULL)
		return false;
	if ((size_t)(nn - r) >= sizeof(c->realm) ||
	    (size_t)(o - nn - 1) >= sizeof(c->nonce))
		return false;
	memcpy(c->realm, r, (size_t)(nn - r));
	memcpy(c->nonce, nn + 1, (size_t)(o - nn - 1));
	cs_strlcpy(c->opaque, o + 1, sizeof(c->opaque));
	return true;
}

static void
note(struct cs_probe_ctx *ctx, const struct nvr_ep *ep, const char *what)
{
	char buf[160];

	snprintf(buf, sizeof(buf), "%s: %s", ep->tag, what);
	cs_obs_adds(ctx->obs, "nvr.auth", ctx->port, buf);
}

static void
nvr_start(struct cs_probe_ctx *ctx)
{
	const struct nvr_ep *ep = ctx->probe->data;
	struct cs_digest_chal chal;
	struct cs_buf auth;
	int rc = CS_EINVAL;

	if (!is_followup(ctx) || ctx->cred == NULL) {
		nvr_request(ctx, ep, NULL);
		return;
	}
	cs_buf_init(&auth, 4096);
	if (ctx->arg[0] == 'B')
		rc = cs_http_auth_basic(&auth, ctx->cred);
	else if (unpack_chal(ctx->arg, &chal))
		rc = cs_http_auth_digest(&auth, &chal, ctx->cred, "GET",
					 ep->path, NULL);
	nvr_request(ctx, ep, rc == 0 ? &auth : NULL);
	if (auth.p)
		explicit_bzero(auth.p, auth.cap);
	cs_buf_free(&auth);
}

static enum cs_step
nvr_on_data(struct cs_probe_ctx *ctx, const uint8_t *p, size_t n)
{
	const struct nvr_ep *ep = ctx->probe->data;
	struct cs_http_resp *r;
	struct cs_digest_chal chal;
	struct cs_buf auth;
	enum cs_step step = CS_STEP_DONE;
	int more = cs_http_want_more(p, n);

	if (more == 1)
		return CS_STEP_MORE;
	if (more < 0 || ctx->step > 0 || is_followup(ctx) || !ctx->cred)
		return CS_STEP_DONE;
	r = cs_xmalloc(sizeof(*r));
	cs_buf_init(&auth, 4096);
	if (cs_http_parse_response(p, n, r) == 0 && r->status == 401 &&
	    !cs_span_ieq(cs_http_header(r, "connection"), "close") &&
	    auth_for(ctx, ep, r, &auth, &chal) == 0) {
		/* The one attempt with credentials, on this connection. */
		nvr_request(ctx, ep, &auth);
		step = CS_STEP_SEND;
	}
	if (auth.p)
		explicit_bzero(auth.p, auth.cap);
	cs_buf_free(&auth);
	free(r);
	return step;
}

/* Records the channels of a 200 reply's body. */
static void
record_list(struct cs_probe_ctx *ctx, const struct nvr_ep *ep,
	    struct cs_span body)
{
	struct cs_nvr_channels *ch = cs_xmalloc(sizeof(*ch));
	struct cs_buf js;
	char sum[64];
	int rc = ep->parse(body.p, body.n, ch);

	if (rc != 0 && !(rc == CS_ELIMIT && ch->n > 0)) {
		cs_probe_malformed(ctx, ctx->probe->name, body.p, body.n);
		free(ch);
		return;
	}
	cs_buf_init(&js, 4096);
	for (size_t i = 0; i < ch->n; i++) {
		cs_buf_reset(&js);
		if (cs_nvr_channel_json(&js, &ch->ch[i]) == 0)
			cs_obs_add(ctx->obs, "nvr.channel", ctx->port, 0, js.p,
				   js.len);
	}
	snprintf(sum, sizeof(sum), "%zu %s", ch->n + ch->dropped, ep->tag);
	cs_obs_adds(ctx->obs, "nvr.channels", ctx->port, sum);
	cs_buf_free(&js);
	free(ch);
}

static void
nvr_finish(struct cs_probe_ctx *ctx, const uint8_t *p, size_t n,
	   enum cs_probe_end why)
{
	const struct nvr_ep *ep = ctx->probe->data;
	bool authed = ctx->step > 0 || is_followup(ctx);
	struct cs_http_resp *r;
	struct cs_span body;
	uint8_t *bodybuf = NULL;
	char buf[64];

	(void)why;
	if (n == 0)
		return;
	r = cs_xmalloc(sizeof(*r));
	if (cs_http_parse_response(p, n, r) != 0) {
		cs_probe_malformed(ctx, ctx->probe->name, p, n);
		free(r);
		return;
	}
	body = r->body;
	if (r->chunked) {
		size_t blen = 0;

		bodybuf = cs_xmalloc(NVR_MAX_INPUT);
		if (cs_http_dechunk(r->body, bodybuf, NVR_MAX_INPUT, &blen) ==
		    0)
			body = cs_span_make(bodybuf, blen);
	}
	if (r->status == 200) {
		record_list(ctx, ep, body);
	} else if (r->status == 401 && authed) {
		note(ctx, ep, "credentials refused (401); not retried");
	} else if (r->status == 401 && ctx->cred) {
		/* The server closed after its challenge: one new connection
		 * carries the single attempt. */
		struct cs_digest_chal chal;
		struct cs_buf auth;
		int rc;

		cs_buf_init(&auth, 4096);
		rc = auth_for(ctx, ep, r, &auth, &chal);
		if (auth.p)
			explicit_bzero(auth.p, auth.cap);
		cs_buf_free(&auth);
		if (rc == 0 && ctx->cred->scheme == CS_CRED_BASIC) {
			ctx->next_probe = ctx->probe;
			cs_strlcpy(ctx->next_arg, "B", sizeof(ctx->next_arg));
		} else if (rc == 0 && pack_chal(&chal, ctx->next_arg,
						sizeof(ctx->next_arg))) {
			ctx->next_probe = ctx->probe;
		} else if (rc == 0) {
			note(ctx, ep, "challenge too long to carry over");
		} else {
			note(ctx, ep,
			     rc == CS_ENOTFOUND
				 ? "no challenge of the configured scheme"
				 : "unsupported Digest challenge");
		}
	} else if (r->status != 401) {
		snprintf(buf, sizeof(buf), "%s: HTTP %d", ep->tag, r->status);
		cs_obs_adds(ctx->obs, "nvr.listing", ctx->port, buf);
	}
	free(bodybuf);
	free(r);
}

static const struct nvr_ep ep_hik = {
    .path = "/ISAPI/ContentMgmt/InputProxy/channels",
    .tag = "hik-isapi",
    .parse = cs_nvr_parse_isapi_channels,
};

static const struct nvr_ep ep_dahua = {
    .path = "/cgi-bin/configManager.cgi?action=getConfig&name=RemoteDevice",
    .tag = "dahua-cgi",
    .parse = cs_nvr_parse_dahua_remote,
};

const struct cs_probe cs_probe_hik_channels = {
    .name = "hik-channels",
    .summary = "Hikvision recorder IP-camera channels (user's credential)",
    .flags = CS_PROBE_CRED | CS_PROBE_ONCE,
    .ports = nvr_ports,
    .max_input = NVR_MAX_INPUT,
    .data = &ep_hik,
    .start = nvr_start,
    .on_data = nvr_on_data,
    .finish = nvr_finish,
};

const struct cs_probe cs_probe_dahua_channels = {
    .name = "dahua-channels",
    .summary = "Dahua recorder remote devices (user's credential)",
    .flags = CS_PROBE_CRED | CS_PROBE_ONCE,
    .ports = nvr_ports,
    .max_input = NVR_MAX_INPUT,
    .data = &ep_dahua,
    .start = nvr_start,
    .on_data = nvr_on_data,
    .finish = nvr_finish,
};
