/* SPDX-License-Identifier: ISC */
/* The scan command's discovery wiring; see cli_disc.h. */
#include "cli/cli_disc.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "audit/listen.h"
#include "cli/cli.h"
#include "core/alloc.h"
#include "core/str.h"
#include "engine/discover.h"
#include "ident/ident.h"
#include "core/poison.h"

/* The MAC registry, loaded on the first MAC address looked up (the
 * session's: audit/listen.h), warning once when it cannot be. */
struct cs_cli_oui {
	struct cs_audit_oui a;
};

struct cs_cli_disc {
	struct cs_disc *disc;
	struct cs_ident_dec *dec;
	char ifname[32];
	struct cs_cli_oui *oui;
};

static void
oui_warn(void *arg, const char *err)
{
	(void)arg;
	fprintf(stderr,
		"camsweep: MAC registry not loaded (%s); MAC "
		"addresses are recorded without their registrant\n",
		err);
}

struct cs_cli_oui *
cs_cli_oui_new(const char *data)
{
	struct cs_cli_oui *o = cs_xcalloc(1, sizeof(*o));

	snprintf(o->a.map_path, sizeof(o->a.map_path),
		 "%s/entities/oui-registrants.tsv", cs_cli_data_dir(data));
	o->a.warn = oui_warn;
	return o;
}

void
cs_cli_oui_free(struct cs_cli_oui *o)
{
	if (o == NULL)
		return;
	cs_audit_oui_free(&o->a);
	free(o);
}

void
cs_cli_oui_preload(struct cs_cli_oui *o)
{
	if (o != NULL)
		cs_audit_oui_preload(&o->a);
}

int
cs_cli_oui_lookup(void *arg, const uint8_t mac[6], unsigned bits, char *maker,
		  size_t makersz, char *registrant, size_t regsz)
{
	struct cs_cli_oui *o = arg;

	return cs_audit_mac_lookup(&o->a, mac, bits, maker, makersz, registrant,
				   regsz);
}

static int
decode(void *arg, const char *kind, const uint8_t *p, size_t n, uint16_t port,
       struct cs_obs_list *obs)
{
	struct cs_cli_disc *c = arg;

	return cs_ident_decode(c->dec, kind, p, n, port, NULL, obs);
}

struct cs_cli_disc *
cs_cli_disc_new(const char *ifname, unsigned ms, const struct cs_scope *scope,
		const char *data, char *err, size_t errsz)
{
	struct cs_cli_disc *c = cs_xcalloc(1, sizeof(*c));
	struct cs_disc_opts o;

	cs_strlcpy(c->ifname, ifname, sizeof(c->ifname));
	c->oui = cs_cli_oui_new(data);
	/* Discovery runs on an interface, so the scan drops root before the
	 * first reply: read the registry (the user's imports may be the
	 * invoking user's alone) while the files can still be opened. */
	cs_cli_oui_preload(c->oui);
	c->dec = cs_ident_dec_new();
	cs_ident_dec_set_mac_lookup(c->dec, cs_cli_oui_lookup, c->oui);
	memset(&o, 0, sizeof(o));
	o.scope = scope;
	o.ifname = ifname;
	o.time_ms = ms;
	o.neigh_path = getenv("CAMSWEEP_NEIGH"); /* tests only */
	o.decode = decode;
	o.arg = c;
	if ((c->disc = cs_disc_new(&o, err, errsz)) == NULL) {
		cs_cli_disc_free(c);
		return NULL;
	}
	return c;
}

struct cs_disc *
cs_cli_disc_state(struct cs_cli_disc *c)
{
	return c->disc;
}

void
cs_cli_disc_summary(const struct cs_cli_disc *c, FILE *f)
{
	const struct cs_disc_stats *s = cs_disc_stats(c->disc);

	fprintf(f,
		"camsweep: discovery on %s: %llu replies from %llu hosts in "
		"scope, %llu MAC addresses; %llu replies from outside the "
		"scope ignored; %llu addresses learned (not contacted: %llu "
		"outside the scope, %llu refused as an edge, a port not "
		"probed or over a sender's limit); %llu sends refused by the "
		"scope check; %llu "
		"replies dropped, table full; %llu from senders over their "
		"limit\n",
		c->ifname, (unsigned long long)s->received,
		(unsigned long long)s->hosts, (unsigned long long)s->macs,
		(unsigned long long)s->foreign, (unsigned long long)s->learned,
		(unsigned long long)s->learned_out,
		(unsigned long long)s->learned_refused,
		(unsigned long long)s->refused,
		(unsigned long long)s->table_full,
		(unsigned long long)s->flooded);
}

void
cs_cli_disc_free(struct cs_cli_disc *c)
{
	if (c == NULL)
		return;
	cs_disc_free(c->disc);
	cs_ident_dec_free(c->dec);
	cs_cli_oui_free(c->oui);
	free(c);
}
