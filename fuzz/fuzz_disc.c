/* SPDX-License-Identifier: ISC */
/*
 * Fuzz target: a discovery reply.  The first byte picks the module (in
 * src/disc/modules.def order, modulo their number: wsd, sadp, dhip,
 * ssdp, mdns, xm, then the vendor modules); the rest is the datagram,
 * handled as if it came from 198.18.0.10 (inside the scope
 * 198.18.0.0/24), then a sending round whose every destination must be
 * a group, the broadcast address or in scope.
 * Also feeds the URL parser.
 */
#include "fuzz.h"

#include <stdlib.h>
#include <string.h>

#include "engine/discover.h"
#include "engine/scope.h"
#include "ident/ident.h"
#include "core/poison.h"

static struct cs_scope scope;
static struct cs_ident_dec *dec;

static int
decode(void *arg, const char *kind, const uint8_t *p, size_t n, uint16_t port,
       struct cs_obs_list *obs)
{
	(void)arg;
	return cs_ident_decode(dec, kind, p, n, port, NULL, obs);
}

static int
check_send(void *arg, const struct cs_disc_module *m, uint32_t ip,
	   uint16_t port, const uint8_t *p, size_t n)
{
	(void)arg;
	(void)port;
	(void)p;
	(void)n;
	if (ip != m->group && !cs_scope_contains(&scope, ip))
		abort();
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const struct cs_disc_module *const *mods;
	struct cs_disc_opts o;
	struct cs_disc *d;
	struct cs_obs_list l;
	uint8_t nonce[16] = {0};
	char path[CS_DISC_PATH_MAX], err[128];
	uint32_t ip;
	uint16_t port;
	size_t nm;

	if (dec == NULL) {
		struct cs_interval iv = {.lo = 0xC6120000u, .hi = 0xC61200FFu};

		cs_scope_init(&scope);
		cs_scope_build(&scope, &iv, 1, NULL, 0);
		dec = cs_ident_dec_new();
	}
	(void)cs_disc_url_parse(data, size, &ip, &port, path, sizeof(path));
	if (size < 1)
		return 0;
	mods = cs_disc_modules(&nm);
	memset(&o, 0, sizeof(o));
	o.scope = &scope;
	o.ifname = "";
	o.if_addr = 0xC6120001u;
	o.if_bcast = 0xC61200FFu;
	o.neigh_path = "";
	o.decode = decode;
	o.send = check_send;
	d = cs_disc_new(&o, err, sizeof(err));
	(void)cs_disc_input(d, mods[data[0] % nm], 0xC612000Au, 3702, data + 1,
			    size - 1);
	cs_disc_round(d, nonce, 0);
	cs_obs_list_init(&l);
	(void)cs_disc_merge(d, 0xC612000Au, &l);
	cs_obs_list_free(&l);
	cs_disc_free(d);
	return 0;
}
