/* SPDX-License-Identifier: ISC */
/* Reachability from a core vantage; see reach.h. */
#include "audit/reach.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/addr.h"
#include "core/alloc.h"
#include "core/cs.h"
#include "core/str.h"
#include "engine/engine.h"
#include "core/poison.h"

struct reach_run {
	struct cs_addr *ip; /* IPv4 or IPv6 */
	uint16_t (*ports)[CS_STORE_MAX_PORTS];
	size_t *nports;
	bool *answered;
	uint16_t (*open)[CS_STORE_MAX_PORTS];
	size_t *nopen;
	size_t n;
};

static void
reach_host(void *arg, const struct cs_host_report *h)
{
	struct reach_run *r = arg;

	for (size_t i = 0; i < r->n; i++)
		if (r->ip[i].v6 == h->addr.v6 &&
		    (h->addr.v6 ? memcmp(r->ip[i].a6, h->addr.a6, 16) == 0
				: r->ip[i].v4 == h->ip)) {
			r->answered[i] = h->nports > 0;
			r->nopen[i] = 0;
			for (size_t k = 0;
			     k < h->nports && k < CS_STORE_MAX_PORTS; k++)
				r->open[i][r->nopen[i]++] = h->ports[k];
		}
}

static void
reach_ckpt(void *arg, uint64_t wm, uint64_t done)
{
	(void)arg;
	(void)wm;
	(void)done;
}

struct rdev {
	struct reach_run *r;
	const struct cs_scope *targets;
	size_t cap;
};

static int
reach_collect(void *arg, const struct cs_device_row *row)
{
	struct rdev *d = arg;
	struct reach_run *r = d->r;
	struct cs_addr a;
	size_t k = 0;

	/* Surveillance devices, and those not established (they may be). */
	if (cs_identity_surveillance(&row->id) == 0)
		return 0;
	/* IPv4 or IPv6 (the store gives canonical text). */
	if (cs_addr_parse(row->ip, &a) != 0 ||
	    !cs_scope_contains_addr(d->targets, &a))
		return 0;
	if (r->n == d->cap) {
		d->cap = d->cap ? d->cap * 2 : 32;
		r->ip = cs_xrealloc(r->ip, d->cap, sizeof(*r->ip));
		r->ports = cs_xrealloc(r->ports, d->cap, sizeof(*r->ports));
		r->nports = cs_xrealloc(r->nports, d->cap, sizeof(*r->nports));
		r->answered =
		    cs_xrealloc(r->answered, d->cap, sizeof(*r->answered));
		r->open = cs_xrealloc(r->open, d->cap, sizeof(*r->open));
		r->nopen = cs_xrealloc(r->nopen, d->cap, sizeof(*r->nopen));
	}
	r->ip[r->n] = a;
	for (k = 0; k < row->nports && k < CS_STORE_MAX_PORTS; k++)
		r->ports[r->n][k] = row->ports[k];
	r->nports[r->n] = k;
	r->answered[r->n] = false;
	r->nopen[r->n] = 0;
	r->n++;
	return 0;
}

static int
u16cmp(const void *a, const void *b)
{
	return (int)*(const uint16_t *)a - (int)*(const uint16_t *)b;
}

int
cs_audit_reach(struct cs_store *st, int64_t scan_id,
	       const struct cs_scope *targets, const struct cs_interval *exc,
	       size_t nexc, const char *vantage, cs_audit_reach_cb cb,
	       void *arg, struct cs_audit_reach_result *res, char *err,
	       size_t errsz)
{
	struct cs_interval *devs_iv = NULL;
	struct cs_scope scope;
	struct reach_run r;
	struct rdev rd;
	uint16_t ports[CS_STORE_MAX_PORTS * 4];
	size_t nports = 0;
	int ret = CS_EIO;

	memset(&r, 0, sizeof(r));
	memset(res, 0, sizeof(*res));
	cs_scope_init(&scope);
	err[0] = '\0';
	rd.r = &r;
	rd.targets = targets;
	rd.cap = 0;
	if (cs_store_each_device(st, scan_id, reach_collect, &rd) != 0)
		goto out;
	if (r.n == 0) {
		ret = 0;
		goto out;
	}
	devs_iv = cs_xcalloc(r.n, sizeof(*devs_iv));
	for (size_t i = 0; i < r.n; i++) {
		if (r.ip[i].v6) {
			devs_iv[i].v6 = true;
			memcpy(devs_iv[i].lo6, r.ip[i].a6, 16);
			memcpy(devs_iv[i].hi6, r.ip[i].a6, 16);
		} else {
			devs_iv[i].lo = devs_iv[i].hi = r.ip[i].v4;
		}
		for (size_t k = 0; k < r.nports[i]; k++) {
			bool have = false;
			for (size_t j = 0; j < nports && !have; j++)
				have = ports[j] == r.ports[i][k];
			if (!have && nports < CS_NELEM(ports))
				ports[nports++] = r.ports[i][k];
		}
	}
	if (nports == 0) {
		ports[nports++] = 80;
		ports[nports++] = 554;
	}
	qsort(ports, nports, sizeof(ports[0]), u16cmp);
	if (cs_scope_build(&scope, devs_iv, r.n, exc, nexc) != 0)
		goto out;
	cs_scope_set_ports(&scope, ports, nports);
	{
		struct cs_engine_opts eo;
		struct cs_engine_stats es;
		struct cs_engine_cb ecb = {.arg = &r,
					   .host_done = reach_host,
					   .checkpoint = reach_ckpt};
		cs_engine_opts_default(&eo);
		eo.scope = &scope;
		eo.ports = ports;
		eo.nports = nports;
		/* reach only connects: no probe, not a byte sent. */
		eo.connect_only = true;
		if (cs_engine_run(&eo, &ecb, &es) != 0) {
			snprintf(err, errsz, "cannot start the event loop");
			ret = CS_EINVAL;
			goto out;
		}
	}
	for (size_t i = 0; i < r.n; i++) {
		char ip[CS_ADDR_STRLEN];
		cs_addr_str(&r.ip[i], ip, sizeof(ip));
		if (cs_store_reach_put(st, vantage, ip, r.open[i],
				       r.answered[i] ? r.nopen[i] : 0,
				       (int64_t)time(NULL)) != 0) {
			snprintf(err, errsz, "%s", cs_store_errmsg(st));
			goto out;
		}
		res->ndev++;
		res->nup += r.answered[i];
		if (cb != NULL)
			cb(arg, ip, r.answered[i]);
	}
	ret = 0;
out:
	cs_scope_free(&scope);
	free(devs_iv);
	free(r.ip);
	free(r.ports);
	free(r.nports);
	free(r.answered);
	free(r.open);
	free(r.nopen);
	return ret;
}
