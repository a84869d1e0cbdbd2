/* SPDX-License-Identifier: ISC */
/*
 * Placement: every MAC the switches learned, on its edge port (pure; see
 * switch.h).  A forwarding table holds a MAC on every port it crosses,
 * the uplinks included; only the port it is plugged into is an edge port.
 */
#include "switch/switch.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/addr.h"
#include "core/alloc.h"
#include "core/cs.h"
#include "core/str.h"
#include "core/poison.h"

/* One learned (MAC, switch, port, VLAN). */
struct cand {
	uint8_t mac[6];
	size_t sw;   /* index of the switch in the input */
	size_t pidx; /* index of the port in the switch's ports, or SIZE_MAX */
	int32_t port;
	uint16_t vlan;
	bool pvid_match; /* the entry's VLAN is the port's PVID */
};

static int
mac_cmp(const void *a, const void *b)
{
	return memcmp(a, b, 6);
}

static int
cand_cmp(const void *a, const void *b)
{
	const struct cand *x = a, *y = b;
	int c = memcmp(x->mac, y->mac, 6);

	if (c != 0)
		return c;
	if (x->sw != y->sw)
		return x->sw < y->sw ? -1 : 1;
	if (x->pvid_match != y->pvid_match)
		return x->pvid_match ? -1 : 1;
	if (x->vlan != y->vlan)
		return x->vlan < y->vlan ? -1 : 1;
	return x->port < y->port ? -1 : x->port > y->port;
}

/* Sorts by port then MAC, to count the MACs of each port. */
static int
pm_cmp(const void *a, const void *b)
{
	const struct cand *x = a, *y = b;

	if (x->port != y->port)
		return x->port < y->port ? -1 : 1;
	return memcmp(x->mac, y->mac, 6);
}

/* pmap[port] = index + 1 of the port in d->ports (0: not listed). */
static const struct cs_sw_bport *
find_port(const struct cs_sw_dev *d, const uint16_t *pmap, int32_t port,
	  size_t *pidx)
{
	*pidx = SIZE_MAX;
	if (port <= 0 || port > CS_SW_MAX_PORTS || pmap[port] == 0)
		return NULL;
	*pidx = pmap[port] - 1u;
	return &d->ports[*pidx];
}

static const struct cs_sw_if *
find_if(const struct cs_sw_dev *d, int32_t ifindex)
{
	if (ifindex <= 0)
		return NULL;
	for (size_t i = 0; i < d->nifs; i++)
		if (d->ifs[i].ifindex == ifindex)
			return &d->ifs[i];
	return NULL;
}

static uint16_t
fdb_vlan(const struct cs_sw_dev *d, const struct cs_sw_fdb *f,
	 const struct cs_sw_bport *p)
{
	if (!f->q)
		return p != NULL ? p->pvid : 0;
	for (size_t i = 0; i < d->nfid; i++)
		if (d->fid[i] == f->fid)
			return d->fvlan[i];
	/* Without dot1qVlanFdbId, the common independent-learning case:
	 * the filtering database id is the VLAN id. */
	return f->fid >= 1 && f->fid <= 4094 ? (uint16_t)f->fid : 0;
}

static bool
bit(const uint8_t *list, int32_t port)
{
	if (port <= 0 || port > CS_SW_MAX_PORTS)
		return false;
	return (list[(port - 1) / 8] & (0x80u >> ((port - 1) % 8))) != 0;
}

/* VLANs port is tagged in: egress and not untagged. */
static unsigned
tagged_vlans(const struct cs_sw_dev *d, int32_t port)
{
	unsigned n = 0;

	for (size_t i = 0; i < d->nvlans; i++) {
		const struct cs_sw_vlan *v = &d->vlans[i];
		if (v->have_egress && bit(v->egress, port) &&
		    !(v->have_untagged && bit(v->untagged, port)))
			n++;
	}
	return n;
}

char *
cs_sw_uplink_why(unsigned why, char *buf, size_t sz)
{
	snprintf(buf, sz, "%s%s%s%s%s", (why & CS_UPLINK_LLDP) ? "lldp" : "",
		 (why & CS_UPLINK_LLDP) && (why & ~CS_UPLINK_LLDP) ? "," : "",
		 (why & CS_UPLINK_MACS) ? "macs" : "",
		 (why & CS_UPLINK_MACS) && (why & CS_UPLINK_VLANS) ? "," : "",
		 (why & CS_UPLINK_VLANS) ? "vlans" : "");
	return buf;
}

static void
port_name(const struct cs_sw_dev *d, int32_t port, int32_t ifindex, char *out,
	  size_t sz)
{
	const struct cs_sw_if *f = find_if(d, ifindex);

	if (f != NULL && f->name[0] != '\0')
		cs_strlcpy(out, f->name, sz);
	else
		snprintf(out, sz, "port %d", (int)port);
}

/* The uplink reasons of every port of switch s, indexed like its ports;
 * macs[i] the MACs it carries.  Appends the uplinks to out. */
static void
judge_ports(const struct cs_sw_input *s, const struct cand *pm, size_t npm,
	    const struct cs_sw_rules *rules, unsigned *why, unsigned *macs,
	    struct cs_sw_result *out, size_t *upcap)
{
	const struct cs_sw_dev *d = s->dev;

	/* pm is sorted by port then MAC: one pass counts them. */
	for (size_t j = 0; j < npm; j++)
		if (pm[j].pidx != SIZE_MAX &&
		    (j == 0 || pm[j - 1].port != pm[j].port ||
		     memcmp(pm[j - 1].mac, pm[j].mac, 6) != 0))
			macs[pm[j].pidx]++;
	for (size_t i = 0; i < d->nports; i++) {
		const struct cs_sw_bport *p = &d->ports[i];
		unsigned m = macs[i], tv = tagged_vlans(d, p->port);

		why[i] = 0;
		if (p->neigh_bridge)
			why[i] |= CS_UPLINK_LLDP;
		if (m > rules->max_edge_macs)
			why[i] |= CS_UPLINK_MACS;
		if (tv > rules->max_edge_vlans)
			why[i] |= CS_UPLINK_VLANS;
		if (why[i] == 0)
			continue;
		if (out->nup == *upcap) {
			*upcap = *upcap ? *upcap * 2 : 16;
			out->up =
			    cs_xrealloc(out->up, *upcap, sizeof(*out->up));
		}
		struct cs_sw_uplink *u = &out->up[out->nup++];
		memset(u, 0, sizeof(*u));
		cs_strlcpy(u->sw, s->name, sizeof(u->sw));
		port_name(d, p->port, p->ifindex, u->port, sizeof(u->port));
		u->why = why[i];
		u->macs = m;
		u->vlans = tv;
	}
}

/* The address of mac in the routers' ARP entries (IPv4 first). */
static const char *
arp_lookup(const struct cs_sw_input *in, size_t n, const uint8_t mac[6])
{
	const char *v6 = NULL;

	for (size_t i = 0; i < n; i++) {
		const struct cs_sw_dev *d = in[i].dev;
		for (size_t j = 0; j < d->narp; j++)
			if (memcmp(d->arp[j].mac, mac, 6) == 0) {
				if (strchr(d->arp[j].ip, ':') == NULL)
					return d->arp[j].ip;
				if (v6 == NULL)
					v6 = d->arp[j].ip;
			}
	}
	return v6;
}

void
cs_sw_place(const struct cs_sw_input *in, size_t n,
	    const struct cs_sw_rules *rules, struct cs_sw_result *out)
{
	struct cs_sw_rules def = CS_SW_RULES_DEFAULT;
	struct cand *c = NULL;
	uint8_t(*self)[6] = NULL;
	unsigned **why, **macs;
	size_t nc = 0, ccap = 0, nself = 0, scap = 0, upcap = 0, pcap = 0;

	memset(out, 0, sizeof(*out));
	if (rules == NULL)
		rules = &def;
	why = cs_xcalloc(n ? n : 1, sizeof(*why));
	macs = cs_xcalloc(n ? n : 1, sizeof(*macs));
	for (size_t s = 0; s < n; s++) {
		const struct cs_sw_dev *d = in[s].dev;
		size_t first = nc;
		uint16_t *pmap;

		if (in[s].router)
			continue;
		pmap = cs_xcalloc(CS_SW_MAX_PORTS + 1, sizeof(*pmap));
		for (size_t i = 0; i < d->nports && i < CS_SW_MAX_PORTS; i++)
			if (d->ports[i].port > 0 &&
			    d->ports[i].port <= CS_SW_MAX_PORTS &&
			    pmap[d->ports[i].port] == 0)
				pmap[d->ports[i].port] = (uint16_t)(i + 1);
		for (size_t i = 0; i < d->nfdb; i++) {
			const struct cs_sw_fdb *f = &d->fdb[i];
			const struct cs_sw_bport *p;
			size_t pidx;

			if (f->self) {
				if (nself == scap) {
					scap = scap ? scap * 2 : 16;
					self = cs_xrealloc(self, scap, 6);
				}
				memcpy(self[nself++], f->mac, 6);
				continue;
			}
			/* group addresses are never a device's */
			if (f->mac[0] & 1)
				continue;
			p = find_port(d, pmap, f->port, &pidx);
			if (nc == ccap) {
				ccap = ccap ? ccap * 2 : 256;
				c = cs_xrealloc(c, ccap, sizeof(*c));
			}
			memset(&c[nc], 0, sizeof(c[nc]));
			memcpy(c[nc].mac, f->mac, 6);
			c[nc].sw = s;
			c[nc].pidx = pidx;
			c[nc].port = f->port;
			c[nc].vlan = fdb_vlan(d, f, p);
			c[nc].pvid_match =
			    p != NULL && p->pvid != 0 && p->pvid == c[nc].vlan;
			nc++;
		}
		free(pmap);
		/* this switch's candidates, by port then MAC */
		if (nc > first)
			qsort(c + first, nc - first, sizeof(*c), pm_cmp);
		why[s] =
		    cs_xcalloc(d->nports ? d->nports : 1, sizeof(unsigned));
		macs[s] =
		    cs_xcalloc(d->nports ? d->nports : 1, sizeof(unsigned));
		/* c is still NULL when no switch so far had a candidate */
		judge_ports(&in[s], nc > first ? c + first : NULL, nc - first,
			    rules, why[s], macs[s], out, &upcap);
	}
	if (nself > 1)
		qsort(self, nself, 6, mac_cmp);
	if (nc > 1)
		qsort(c, nc, sizeof(*c), cand_cmp);
	for (size_t i = 0; i < nc;) {
		size_t j = i, pick = SIZE_MAX;

		while (j < nc && memcmp(c[j].mac, c[i].mac, 6) == 0) {
			if (pick == SIZE_MAX && c[j].pidx != SIZE_MAX &&
			    why[c[j].sw][c[j].pidx] == 0)
				pick = j;
			/* a port the switch never listed (no
			 * dot1dBasePortIfIndex row) is judged an edge port
			 * only if nothing else is known */
			j++;
		}
		if (pick == SIZE_MAX) {
			for (size_t k = i; k < j && pick == SIZE_MAX; k++)
				if (c[k].pidx == SIZE_MAX)
					pick = k;
		}
		if (nself > 0 && bsearch(c[i].mac, self, nself, 6, mac_cmp)) {
			i = j;
			continue;
		}
		if (pick == SIZE_MAX) {
			out->only_uplink++;
			i = j;
			continue;
		}
		const struct cand *k = &c[pick];
		const struct cs_sw_dev *d = in[k->sw].dev;
		const struct cs_sw_bport *p =
		    k->pidx != SIZE_MAX ? &d->ports[k->pidx] : NULL;
		const char *ip;
		struct cs_sw_place *pl;

		if (out->n == pcap) {
			pcap = pcap ? pcap * 2 : 64;
			out->v = cs_xrealloc(out->v, pcap, sizeof(*out->v));
		}
		pl = &out->v[out->n++];
		memset(pl, 0, sizeof(*pl));
		memcpy(pl->mac, k->mac, 6);
		cs_hwaddr_format(k->mac, pl->mac_text);
		cs_strlcpy(pl->sw, in[k->sw].name, sizeof(pl->sw));
		cs_strlcpy(pl->sw_addr, in[k->sw].addr, sizeof(pl->sw_addr));
		port_name(d, k->port, p ? p->ifindex : 0, pl->port,
			  sizeof(pl->port));
		pl->ifindex = p ? p->ifindex : 0;
		pl->vlan = k->vlan;
		pl->poe = p ? p->poe : CS_POE_NONE;
		if (p != NULL)
			cs_strlcpy(pl->neigh, p->neigh, sizeof(pl->neigh));
		pl->port_macs = p ? macs[k->sw][k->pidx] : 0;
		ip = arp_lookup(in, n, k->mac);
		if (ip != NULL)
			cs_strlcpy(pl->ip, ip, sizeof(pl->ip));
		i = j;
	}
	for (size_t s = 0; s < n; s++) {
		free(why[s]);
		free(macs[s]);
	}
	free(why);
	free(macs);
	free(self);
	free(c);
}

void
cs_sw_result_free(struct cs_sw_result *r)
{
	free(r->v);
	free(r->up);
	memset(r, 0, sizeof(*r));
}
