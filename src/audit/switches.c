/* SPDX-License-Identifier: ISC */
/* `camsweep switches`; see switches.h. */
#include "audit/switches.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit/placed.h"
#include "audit/scope.h"
#include "core/alloc.h"
#include "core/str.h"
#include "core/poison.h"

void
cs_audit_switches_free(struct cs_audit_switches *a)
{
	cs_sw_result_free(&a->res);
}

int
cs_audit_switches_run(struct cs_audit_switches *a)
{
	struct cs_scope scope;
	struct cs_scan_state ss;
	struct cs_sw_dev *devs;
	struct cs_sw_input *in;
	struct cs_identity *id;
	size_t nin = 0;
	int ret = 0;

	memset(&a->res, 0, sizeof(a->res));
	a->read_ok = a->read_failed = a->refused = a->linked = a->made = 0;
	a->err[0] = '\0';
	if (cs_store_scan_get(a->st, a->scan_id, &ss) != 0) {
		snprintf(a->err, sizeof(a->err), "no scan %lld",
			 (long long)a->scan_id);
		return CS_ENOTFOUND;
	}
	/* The scope the scan was given: every device must lie in it. */
	if (!cs_audit_recorded_scope(a->st, a->scan_id, false, &scope)) {
		snprintf(a->err, sizeof(a->err),
			 "scan %lld has no scope to read back (an import or "
			 "a listen run): name a scan of the switches' network",
			 (long long)a->scan_id);
		return CS_ENOTFOUND;
	}
	devs = cs_xcalloc(a->file->n ? a->file->n : 1, sizeof(*devs));
	in = cs_xcalloc(a->file->n ? a->file->n : 1, sizeof(*in));
	for (size_t i = 0; i < a->file->n; i++) {
		const struct cs_sw_conf *c = &a->file->v[i];
		struct cs_sw_snmp_stats stt;
		char err[512] = "";
		int rc;

		cs_sw_dev_init(&devs[i]);
		rc = cs_sw_snmp_collect(&scope, c, &a->opts, &devs[i], &stt,
					err, sizeof(err));
		if (rc == CS_ESCOPE)
			a->refused++;
		else if (rc != 0)
			a->read_failed++;
		else
			a->read_ok++;
		if (a->on_device != NULL)
			a->on_device(a->arg, c, rc, err, &stt, &devs[i]);
		/* A device that failed half-way is not placed from: its
		 * tables may lack the uplinks that would exclude a port. */
		if (rc != 0)
			continue;
		in[nin].name = c->name;
		in[nin].addr = c->addr;
		in[nin].dev = &devs[i];
		in[nin].router = c->role == CS_SW_ROUTER;
		nin++;
	}
	cs_scope_free(&scope);
	cs_sw_place(in, nin, &a->rules, &a->res);
	if (a->refused == a->file->n && a->file->n > 0) {
		snprintf(a->err, sizeof(a->err),
			 "every device is outside the scope of scan %lld",
			 (long long)a->scan_id);
		ret = CS_ESCOPE;
	}
	id = cs_xcalloc(1, sizeof(*id));
	for (size_t i = 0; i < a->res.n && ret == 0 && !a->dry; i++) {
		const struct cs_sw_place *pl = &a->res.v[i];
		struct cs_placement_row p;
		struct cs_oui_hit h;
		bool made = false;

		memset(&p, 0, sizeof(p));
		cs_strlcpy(p.site, a->site != NULL ? a->site : ss.site,
			   sizeof(p.site));
		cs_strlcpy(p.mac, pl->mac_text, sizeof(p.mac));
		cs_strlcpy(p.sw, pl->sw, sizeof(p.sw));
		cs_strlcpy(p.sw_addr, pl->sw_addr, sizeof(p.sw_addr));
		cs_strlcpy(p.port, pl->port, sizeof(p.port));
		p.ifindex = pl->ifindex;
		p.vlan = pl->vlan;
		cs_strlcpy(p.poe, cs_sw_poe_name(pl->poe), sizeof(p.poe));
		cs_strlcpy(p.neighbour, pl->neigh, sizeof(p.neighbour));
		cs_strlcpy(p.ip, pl->ip, sizeof(p.ip));
		memset(&h, 0, sizeof(h));
		if (a->oui != NULL &&
		    (cs_oui_lookup(a->oui, pl->mac, &h) == 0 ||
		     h.registrant[0] != '\0'))
			cs_strlcpy(p.oui, h.maker[0] ? h.maker : h.registrant,
				   sizeof(p.oui));
		p.seen_at = a->now;
		p.scan_id = a->scan_id;
		if (cs_store_placement_put(a->st, &p, true, &made) != 0) {
			snprintf(a->err, sizeof(a->err), "%s",
				 cs_store_errmsg(a->st));
			ret = CS_EIO;
			break;
		}
		/* A device no scan has seen is what its MAC says, as a
		 * scanned device's MAC-only evidence would make it. */
		if (a->fpdb != NULL && p.device_id > 0) {
			cs_audit_mac_identity(a->fpdb, p.mac, h.maker,
					      h.registrant, id);
			if (cs_store_placed_identity(a->st, p.device_id, id) !=
			    0) {
				snprintf(a->err, sizeof(a->err), "%s",
					 cs_store_errmsg(a->st));
				ret = CS_EIO;
				break;
			}
		}
		if (made)
			a->made++;
		else if (p.device_id > 0)
			a->linked++;
	}
	free(id);
	for (size_t i = 0; i < a->file->n; i++)
		cs_sw_dev_free(&devs[i]);
	free(devs);
	free(in);
	return ret;
}
