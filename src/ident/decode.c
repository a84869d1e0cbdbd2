/* SPDX-License-Identifier: ISC */
/* identify's names for the shared decoders of parse/decode.h. */
#include "ident/ident.h"

#include <stdlib.h>

#include "core/addr.h"
#include "core/alloc.h"
#include "core/poison.h"

struct cs_ident_dec {
	struct cs_dec *d;
};

struct cs_ident_dec *
cs_ident_dec_new(void)
{
	struct cs_ident_dec *w = cs_xcalloc(1, sizeof(*w));

	w->d = cs_dec_new();
	return w;
}

void
cs_ident_dec_free(struct cs_ident_dec *w)
{
	if (w == NULL)
		return;
	cs_dec_free(w->d);
	free(w);
}

void
cs_ident_dec_set_mac_lookup(struct cs_ident_dec *w, cs_ident_mac_fn fn,
			    void *arg)
{
	cs_dec_set_mac_lookup(w->d, fn, arg);
}

bool
cs_ident_kind_known(const char *kind)
{
	return cs_dec_kind_known(kind);
}

bool
cs_ident_kind_binary(const char *kind)
{
	return cs_dec_kind_binary(kind);
}

int
cs_ident_decode(struct cs_ident_dec *w, const char *kind, const uint8_t *p,
		size_t n, uint16_t port, const char *service,
		struct cs_obs_list *obs)
{
	return cs_decode(w->d, kind, p, n, port, service, obs);
}

bool
cs_ident_dec_read_list(const struct cs_ident_dec *w)
{
	return cs_dec_read_list(w->d);
}

int
cs_ident_mac_parse(const uint8_t *p, size_t n, uint8_t mac[6])
{
	return cs_dec_mac_parse(p, n, mac);
}

void
cs_ident_mac_format(const uint8_t mac[6], char out[18])
{
	cs_hwaddr_format(mac, out);
}
