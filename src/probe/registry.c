/* SPDX-License-Identifier: ISC */
/* The probe registry, expanded from probes.def; see probe.h. */
#include "probe/probe.h"

#include <stdio.h>
#include <string.h>

#include "parse/decode.h"
#include "core/poison.h"

#define CS_PROBE(n) extern const struct cs_probe cs_probe_##n;
#include "probe/probes.def"
#undef CS_PROBE

static const struct cs_probe *const probes[] = {
#define CS_PROBE(n) &cs_probe_##n,
#include "probe/probes.def"
#undef CS_PROBE
};

const struct cs_probe *const *
cs_probe_list(size_t *n)
{
	*n = CS_NELEM(probes);
	return probes;
}

const struct cs_probe *
cs_probe_find(const char *name)
{
	for (size_t i = 0; i < CS_NELEM(probes); i++)
		if (strcmp(probes[i]->name, name) == 0)
			return probes[i];
	return NULL;
}

static bool
in_ports(const uint16_t *ports, uint16_t port)
{
	for (const uint16_t *q = ports; q && *q; q++)
		if (*q == port)
			return true;
	return false;
}

bool
cs_probe_on_port(const struct cs_probe *p, uint16_t port)
{
	return in_ports(p->ports, port) || in_ports(p->tls_ports, port);
}

bool
cs_probe_tls_on_port(const struct cs_probe *p, uint16_t port)
{
	return in_ports(p->tls_ports, port);
}

void
cs_probe_malformed(struct cs_probe_ctx *ctx, const char *probe,
		   const uint8_t *p, size_t n)
{
	char key[CS_OBS_MAX_KEY];

	snprintf(key, sizeof(key), "%s.malformed", probe);
	cs_obs_add(ctx->obs, key, ctx->port, CS_OBS_MALFORMED | CS_OBS_BINARY,
		   p, n);
}

void
cs_probe_hex(struct cs_probe_ctx *ctx, const char *key, const uint8_t *p,
	     size_t n)
{
	static const char hex[] = "0123456789abcdef";
	char out[129];
	size_t k = 0;

	if (n > 64)
		n = 64;
	for (size_t i = 0; i < n; i++) {
		out[k++] = hex[p[i] >> 4];
		out[k++] = hex[p[i] & 15];
	}
	out[k] = '\0';
	cs_obs_add(ctx->obs, key, ctx->port, 0, out, k);
}

static cs_dec_mac_fn mac_fn;
static void *mac_arg;

void
cs_probe_set_mac_lookup(cs_dec_mac_fn fn, void *arg)
{
	mac_fn = fn;
	mac_arg = arg;
}

int
cs_probe_decode(struct cs_probe_ctx *ctx, const char *kind, const uint8_t *p,
		size_t n)
{
	struct cs_dec *d = cs_dec_new();

	cs_dec_set_mac_lookup(d, mac_fn, mac_arg);
	int rc = cs_decode(d, kind, p, n, ctx->port, NULL, ctx->obs);

	cs_dec_free(d);
	return rc;
}
