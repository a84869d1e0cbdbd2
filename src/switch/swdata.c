/* SPDX-License-Identifier: ISC */
/*
 * A switch's or router's tables from the variable bindings it returned:
 * pure and bounded (device input).  The OIDs are those of the MIB
 * modules named in switch.h: IF-MIB (RFC 2863), BRIDGE-MIB (RFC 4188),
 * Q-BRIDGE-MIB (RFC 4363), LLDP-MIB (IEEE 802.1AB-2005),
 * POWER-ETHERNET-MIB (RFC 3621) and IP-MIB (RFC 4293).
 */
#include "switch/switch.h"

#include <arpa/inet.h>
#include <stdlib.h>
#include <string.h>

#include "core/addr.h"
#include "core/alloc.h"
#include "core/cs.h"
#include "core/poison.h"

/* The columns read, as OID prefixes (each ends just before the index). */
#define MIB2 1, 3, 6, 1, 2, 1
static const uint32_t o_sysdescr[] = {MIB2, 1, 1};
static const uint32_t o_sysname[] = {MIB2, 1, 5};
static const uint32_t o_ifdescr[] = {MIB2, 2, 2, 1, 2};
static const uint32_t o_ifoper[] = {MIB2, 2, 2, 1, 8};
static const uint32_t o_ifname[] = {MIB2, 31, 1, 1, 1, 1};
static const uint32_t o_baseif[] = {MIB2, 17, 1, 4, 1, 2};
static const uint32_t o_dfdbport[] = {MIB2, 17, 4, 3, 1, 2};
static const uint32_t o_dfdbstat[] = {MIB2, 17, 4, 3, 1, 3};
static const uint32_t o_qfdbport[] = {MIB2, 17, 7, 1, 2, 2, 1, 2};
static const uint32_t o_qfdbstat[] = {MIB2, 17, 7, 1, 2, 2, 1, 3};
static const uint32_t o_qfdbid[] = {MIB2, 17, 7, 1, 4, 2, 1, 3};
static const uint32_t o_qcuregress[] = {MIB2, 17, 7, 1, 4, 2, 1, 4};
static const uint32_t o_qcuruntag[] = {MIB2, 17, 7, 1, 4, 2, 1, 5};
static const uint32_t o_qstname[] = {MIB2, 17, 7, 1, 4, 3, 1, 1};
static const uint32_t o_qstegress[] = {MIB2, 17, 7, 1, 4, 3, 1, 2};
static const uint32_t o_qstuntag[] = {MIB2, 17, 7, 1, 4, 3, 1, 4};
static const uint32_t o_qpvid[] = {MIB2, 17, 7, 1, 4, 5, 1, 1};
#define LLDP_REM 1, 0, 8802, 1, 1, 2, 1, 4, 1, 1
static const uint32_t o_lchassis[] = {LLDP_REM, 5};
static const uint32_t o_lportid[] = {LLDP_REM, 7};
static const uint32_t o_lportdesc[] = {LLDP_REM, 8};
static const uint32_t o_lsysname[] = {LLDP_REM, 9};
static const uint32_t o_lcaps[] = {LLDP_REM, 12};
static const uint32_t o_pethdet[] = {MIB2, 105, 1, 1, 1, 6};
static const uint32_t o_arp4[] = {MIB2, 4, 22, 1, 2};
static const uint32_t o_arpphys[] = {MIB2, 4, 35, 1, 4};

#define ROOT(a) a, CS_NELEM(a)
static const uint32_t *const sw_roots[] = {
    o_sysdescr,  o_sysname,   o_ifdescr,   o_ifoper,   o_ifname, o_baseif,
    o_dfdbport,  o_dfdbstat,  o_qfdbport,  o_qfdbstat, o_qfdbid, o_qcuregress,
    o_qcuruntag, o_qstname,   o_qstegress, o_qstuntag, o_qpvid,  o_lchassis,
    o_lportid,   o_lportdesc, o_lsysname,  o_lcaps,    o_pethdet};
static const size_t sw_lens[] = {
    CS_NELEM(o_sysdescr),  CS_NELEM(o_sysname),   CS_NELEM(o_ifdescr),
    CS_NELEM(o_ifoper),    CS_NELEM(o_ifname),    CS_NELEM(o_baseif),
    CS_NELEM(o_dfdbport),  CS_NELEM(o_dfdbstat),  CS_NELEM(o_qfdbport),
    CS_NELEM(o_qfdbstat),  CS_NELEM(o_qfdbid),    CS_NELEM(o_qcuregress),
    CS_NELEM(o_qcuruntag), CS_NELEM(o_qstname),   CS_NELEM(o_qstegress),
    CS_NELEM(o_qstuntag),  CS_NELEM(o_qpvid),     CS_NELEM(o_lchassis),
    CS_NELEM(o_lportid),   CS_NELEM(o_lportdesc), CS_NELEM(o_lsysname),
    CS_NELEM(o_lcaps),     CS_NELEM(o_pethdet)};
static const uint32_t *const rt_roots[] = {o_sysdescr, o_sysname, o_arp4,
					   o_arpphys};
static const size_t rt_lens[] = {CS_NELEM(o_sysdescr), CS_NELEM(o_sysname),
				 CS_NELEM(o_arp4), CS_NELEM(o_arpphys)};
_Static_assert(CS_NELEM(sw_roots) == CS_NELEM(sw_lens), "roots");
_Static_assert(CS_NELEM(rt_roots) == CS_NELEM(rt_lens), "roots");

size_t
cs_sw_walk_roots(bool for_router, const uint32_t *const **oids,
		 const size_t **lens)
{
	if (for_router) {
		*oids = rt_roots;
		*lens = rt_lens;
		return CS_NELEM(rt_roots);
	}
	*oids = sw_roots;
	*lens = sw_lens;
	return CS_NELEM(sw_roots);
}

static const char *const poe_names[] = {
    "", "disabled", "searching", "delivering", "fault", "test", "other-fault"};

const char *
cs_sw_poe_name(enum cs_sw_poe p)
{
	return (size_t)p < CS_NELEM(poe_names) ? poe_names[p] : "";
}

void
cs_sw_dev_init(struct cs_sw_dev *d)
{
	memset(d, 0, sizeof(*d));
}

void
cs_sw_dev_free(struct cs_sw_dev *d)
{
	free(d->ifs);
	free(d->ports);
	free(d->fdb);
	free(d->vlans);
	free(d->arp);
	free(d->fid);
	free(d->fvlan);
	memset(d, 0, sizeof(*d));
}

/* If vb's OID starts with prefix p (n sub-identifiers), sets *idx to the
 * index part and returns its length; else returns -1. */
static long
under(const struct cs_sw_vb *vb, const uint32_t *p, size_t n,
      const uint32_t **idx)
{
	if (vb->oidlen < n || memcmp(vb->oid, p, n * sizeof(*p)) != 0)
		return -1;
	*idx = vb->oid + n;
	return (long)(vb->oidlen - n);
}
#define UNDER(vb, a, idx) under((vb), (a), CS_NELEM(a), (idx))

/* A device-supplied string, cut to fit, with anything but printable
 * ASCII replaced by '?': it is written to the inventory and terminals
 * (each output escapes it again). */
static void
text_copy(char *dst, size_t dsz, const uint8_t *p, size_t n)
{
	size_t i;

	if (dsz == 0)
		return;
	for (i = 0; i < n && i + 1 < dsz; i++)
		dst[i] = (p[i] >= 0x20 && p[i] < 0x7f) ? (char)p[i] : '?';
	dst[i] = '\0';
	/* trailing blanks and NULs some agents pad with */
	while (i > 0 && (dst[i - 1] == ' ' || dst[i - 1] == '?') &&
	       (i > n || p[i - 1] == ' ' || p[i - 1] == '\0'))
		dst[--i] = '\0';
}

static bool
idx_i32(const uint32_t *idx, long n, int32_t *out)
{
	if (n != 1 || idx[0] == 0 || idx[0] > INT32_MAX)
		return false;
	*out = (int32_t)idx[0];
	return true;
}

static bool
idx_mac(const uint32_t *idx, uint8_t mac[6])
{
	for (int i = 0; i < 6; i++) {
		if (idx[i] > 255)
			return false;
		mac[i] = (uint8_t)idx[i];
	}
	return true;
}

/* Room for one more element of an array of n grown by doubling (its
 * capacity is the power of two at or above n). */
static void *
grow2(void *v, size_t n, size_t elem)
{
	if (n != 0 && (n & (n - 1)) != 0)
		return v;
	return cs_xrealloc(v, n ? n * 2 : 1, elem);
}

static struct cs_sw_if *
get_if(struct cs_sw_dev *d, int32_t ifindex)
{
	for (size_t i = d->nifs; i-- > 0;)
		if (d->ifs[i].ifindex == ifindex)
			return &d->ifs[i];
	if (d->nifs >= CS_SW_MAX_IFS)
		return NULL;
	d->ifs = grow2(d->ifs, d->nifs, sizeof(*d->ifs));
	memset(&d->ifs[d->nifs], 0, sizeof(*d->ifs));
	d->ifs[d->nifs].ifindex = ifindex;
	return &d->ifs[d->nifs++];
}

static struct cs_sw_bport *
get_port(struct cs_sw_dev *d, int32_t port)
{
	if (port <= 0 || port > CS_SW_MAX_PORTS)
		return NULL;
	for (size_t i = d->nports; i-- > 0;)
		if (d->ports[i].port == port)
			return &d->ports[i];
	d->ports = grow2(d->ports, d->nports, sizeof(*d->ports));
	memset(&d->ports[d->nports], 0, sizeof(*d->ports));
	d->ports[d->nports].port = port;
	return &d->ports[d->nports++];
}

static struct cs_sw_vlan *
get_vlan(struct cs_sw_dev *d, uint32_t id)
{
	if (id == 0 || id > 4094)
		return NULL;
	for (size_t i = d->nvlans; i-- > 0;)
		if (d->vlans[i].id == id)
			return &d->vlans[i];
	if (d->nvlans >= CS_SW_MAX_VLANS)
		return NULL;
	d->vlans = grow2(d->vlans, d->nvlans, sizeof(*d->vlans));
	memset(&d->vlans[d->nvlans], 0, sizeof(*d->vlans));
	d->vlans[d->nvlans].id = (uint16_t)id;
	return &d->vlans[d->nvlans++];
}

static void
add_fdb(struct cs_sw_dev *d, const uint8_t mac[6], int32_t port, uint32_t fid,
	bool q, bool self)
{
	if (d->nfdb >= CS_SW_MAX_FDB) {
		d->dropped++;
		return;
	}
	d->fdb = grow2(d->fdb, d->nfdb, sizeof(*d->fdb));
	memcpy(d->fdb[d->nfdb].mac, mac, 6);
	d->fdb[d->nfdb].port = port;
	d->fdb[d->nfdb].fid = fid;
	d->fdb[d->nfdb].q = q;
	d->fdb[d->nfdb].self = self;
	d->nfdb++;
}

static void
add_arp(struct cs_sw_dev *d, const uint8_t mac[6], int fam, const uint8_t *a)
{
	if (d->narp >= CS_SW_MAX_ARP) {
		d->dropped++;
		return;
	}
	d->arp = grow2(d->arp, d->narp, sizeof(*d->arp));
	memcpy(d->arp[d->narp].mac, mac, 6);
	inet_ntop(fam == 4 ? AF_INET : AF_INET6, a, d->arp[d->narp].ip,
		  sizeof(d->arp[d->narp].ip));
	d->narp++;
}

static void
port_list(uint8_t *dst, const struct cs_sw_vb *vb)
{
	memset(dst, 0, CS_SW_MAX_PORTS / 8);
	memcpy(dst, vb->bytes, CS_MIN(vb->len, (size_t)CS_SW_MAX_PORTS / 8));
}

/* The system group and IF-MIB. */
static bool
ingest_if(struct cs_sw_dev *d, const struct cs_sw_vb *vb)
{
	const uint32_t *idx;
	long n;
	int32_t i32;
	struct cs_sw_if *f;

	if ((n = UNDER(vb, o_sysdescr, &idx)) >= 0 ||
	    (n = UNDER(vb, o_sysname, &idx)) >= 0) {
		bool name = vb->oid[7] == 5;
		if (n != 1 || idx[0] != 0 || vb->type != CS_SW_V_OCTETS)
			return false;
		if (name)
			text_copy(d->sysname, sizeof(d->sysname), vb->bytes,
				  vb->len);
		else
			text_copy(d->sysdescr, sizeof(d->sysdescr), vb->bytes,
				  vb->len);
		return true;
	}
	if ((n = UNDER(vb, o_ifdescr, &idx)) >= 0 ||
	    (n = UNDER(vb, o_ifname, &idx)) >= 0) {
		bool xname = vb->oidlen > 7 && vb->oid[6] == 31;
		if (!idx_i32(idx, n, &i32) || vb->type != CS_SW_V_OCTETS ||
		    (f = get_if(d, i32)) == NULL)
			return false;
		/* A non-empty ifName wins over ifDescr, in either order. */
		if (xname ? vb->len > 0 : !f->xname) {
			text_copy(f->name, sizeof(f->name), vb->bytes, vb->len);
			f->xname = xname;
		}
		return true;
	}
	if ((n = UNDER(vb, o_ifoper, &idx)) >= 0) {
		if (!idx_i32(idx, n, &i32) || vb->type != CS_SW_V_INT ||
		    (f = get_if(d, i32)) == NULL)
			return false;
		f->oper = vb->ival >= 1 && vb->ival <= 7 ? (int)vb->ival : 0;
		return true;
	}
	return false;
}

/* BRIDGE-MIB and Q-BRIDGE-MIB. */
static bool
ingest_bridge(struct cs_sw_dev *d, const struct cs_sw_vb *vb)
{
	const uint32_t *idx;
	long n;
	int32_t i32;
	uint8_t mac[6];
	struct cs_sw_bport *p;
	struct cs_sw_vlan *v;

	if ((n = UNDER(vb, o_baseif, &idx)) >= 0) {
		if (!idx_i32(idx, n, &i32) || vb->type != CS_SW_V_INT ||
		    vb->ival < 0 || vb->ival > INT32_MAX ||
		    (p = get_port(d, i32)) == NULL)
			return false;
		p->ifindex = (int32_t)vb->ival;
		return true;
	}
	if ((n = UNDER(vb, o_dfdbport, &idx)) >= 0) {
		if (n != 6 || !idx_mac(idx, mac) || vb->type != CS_SW_V_INT ||
		    vb->ival <= 0 || vb->ival > CS_SW_MAX_PORTS)
			return false;
		add_fdb(d, mac, (int32_t)vb->ival, 0, false, false);
		return true;
	}
	if ((n = UNDER(vb, o_qfdbport, &idx)) >= 0) {
		if (n != 7 || !idx_mac(idx + 1, mac) ||
		    vb->type != CS_SW_V_INT || vb->ival <= 0 ||
		    vb->ival > CS_SW_MAX_PORTS)
			return false;
		add_fdb(d, mac, (int32_t)vb->ival, idx[0], true, false);
		return true;
	}
	if ((n = UNDER(vb, o_dfdbstat, &idx)) >= 0 ||
	    (n = UNDER(vb, o_qfdbstat, &idx)) >= 0) {
		bool q = n == 7;
		/* self(4), mgmt(5): the switch's own address */
		if ((n != 6 && n != 7) || !idx_mac(idx + (q ? 1 : 0), mac) ||
		    vb->type != CS_SW_V_INT)
			return false;
		if (vb->ival == 4 || vb->ival == 5)
			add_fdb(d, mac, 0, q ? idx[0] : 0, q, true);
		return true;
	}
	if ((n = UNDER(vb, o_qfdbid, &idx)) >= 0) {
		if (n != 2 || idx[1] == 0 || idx[1] > 4094 ||
		    vb->type != CS_SW_V_INT || vb->ival < 0 ||
		    vb->ival > UINT32_MAX || d->nfid >= CS_SW_MAX_VLANS)
			return false;
		d->fid = grow2(d->fid, d->nfid, sizeof(*d->fid));
		d->fvlan = grow2(d->fvlan, d->nfid, sizeof(*d->fvlan));
		d->fid[d->nfid] = (uint32_t)vb->ival;
		d->fvlan[d->nfid++] = (uint16_t)idx[1];
		return true;
	}
	if ((n = UNDER(vb, o_qcuregress, &idx)) >= 0 ||
	    (n = UNDER(vb, o_qcuruntag, &idx)) >= 0) {
		bool eg = vb->oid[CS_NELEM(o_qcuregress) - 1] == 4;
		if (n != 2 || vb->type != CS_SW_V_OCTETS ||
		    (v = get_vlan(d, idx[1])) == NULL)
			return false;
		v->current = true;
		port_list(eg ? v->egress : v->untagged, vb);
		if (eg)
			v->have_egress = true;
		else
			v->have_untagged = true;
		return true;
	}
	if ((n = UNDER(vb, o_qstname, &idx)) >= 0) {
		if (n != 1 || vb->type != CS_SW_V_OCTETS ||
		    (v = get_vlan(d, idx[0])) == NULL)
			return false;
		text_copy(v->name, sizeof(v->name), vb->bytes, vb->len);
		return true;
	}
	if ((n = UNDER(vb, o_qstegress, &idx)) >= 0 ||
	    (n = UNDER(vb, o_qstuntag, &idx)) >= 0) {
		bool eg = vb->oid[CS_NELEM(o_qstegress) - 1] == 2;
		if (n != 1 || vb->type != CS_SW_V_OCTETS ||
		    (v = get_vlan(d, idx[0])) == NULL)
			return false;
		/* The current table, when the switch has one, wins. */
		if (!v->current) {
			port_list(eg ? v->egress : v->untagged, vb);
			if (eg)
				v->have_egress = true;
			else
				v->have_untagged = true;
		}
		return true;
	}
	if ((n = UNDER(vb, o_qpvid, &idx)) >= 0) {
		if (!idx_i32(idx, n, &i32) || vb->type != CS_SW_V_INT ||
		    vb->ival <= 0 || vb->ival > 4094 ||
		    (p = get_port(d, i32)) == NULL)
			return false;
		p->pvid = (uint16_t)vb->ival;
		return true;
	}
	return false;
}

/* LLDP-MIB lldpRemTable (index timeMark.localPortNum.remIndex) and
 * POWER-ETHERNET-MIB (index group.port). */
static bool
ingest_lldp_poe(struct cs_sw_dev *d, const struct cs_sw_vb *vb)
{
	const uint32_t *idx;
	long n;
	struct cs_sw_bport *p;
	uint32_t col;

	if (vb->oidlen > CS_NELEM(o_lchassis) &&
	    (n = under(vb, o_lchassis, CS_NELEM(o_lchassis) - 1, &idx)) > 0) {
		col = idx[0];
		idx++;
		n--;
		if (n != 3 || idx[1] > INT32_MAX ||
		    (p = get_port(d, (int32_t)idx[1])) == NULL)
			return false;
		if (col == 12) { /* lldpRemSysCapEnabled, BITS */
			if (vb->type != CS_SW_V_OCTETS || vb->len < 1)
				return false;
			/* bridge(2) or router(4), and not telephone(5):
			 * an IP phone's PC port makes it a bridge too */
			if ((vb->bytes[0] & 0x28) != 0 &&
			    (vb->bytes[0] & 0x04) == 0)
				p->neigh_bridge = true;
			return true;
		}
		if (vb->type != CS_SW_V_OCTETS)
			return false;
		if (col == 5) { /* lldpRemChassisId */
			p->nneigh++;
			if (p->neigh[0] == '\0') {
				if (vb->len == 6) {
					char m[18];
					cs_hwaddr_format(vb->bytes, m);
					memcpy(p->neigh, m, sizeof(m));
				} else
					text_copy(p->neigh, sizeof(p->neigh),
						  vb->bytes, vb->len);
			}
			return true;
		}
		if (col == 9) { /* lldpRemSysName wins */
			if (vb->len > 0)
				text_copy(p->neigh, sizeof(p->neigh), vb->bytes,
					  vb->len);
			return true;
		}
		if (col == 7 || col == 8) {
			if (col == 7 || p->neigh_port[0] == '\0')
				text_copy(p->neigh_port, sizeof(p->neigh_port),
					  vb->bytes, vb->len);
			return true;
		}
		return false;
	}
	if ((n = UNDER(vb, o_pethdet, &idx)) >= 0) {
		/* Group 1 only: the port index of another group (a stack
		 * member) is not a bridge port number of this table. */
		if (n != 2 || idx[0] != 1 || idx[1] == 0 ||
		    idx[1] > INT32_MAX || vb->type != CS_SW_V_INT ||
		    vb->ival < 1 || vb->ival > 6 ||
		    (p = get_port(d, (int32_t)idx[1])) == NULL)
			return false;
		p->poe = (enum cs_sw_poe)vb->ival;
		return true;
	}
	return false;
}

/* IP-MIB: ipNetToMediaPhysAddress (ifIndex.a.b.c.d) and
 * ipNetToPhysicalPhysAddress (ifIndex.type.len.address). */
static bool
ingest_arp(struct cs_sw_dev *d, const struct cs_sw_vb *vb)
{
	const uint32_t *idx;
	long n;
	uint8_t a[16];

	if (vb->type != CS_SW_V_OCTETS)
		return false;
	if ((n = UNDER(vb, o_arp4, &idx)) >= 0) {
		if (n != 5 || vb->len != 6)
			return false;
		for (int i = 0; i < 4; i++) {
			if (idx[1 + i] > 255)
				return false;
			a[i] = (uint8_t)idx[1 + i];
		}
		add_arp(d, vb->bytes, 4, a);
		return true;
	}
	if ((n = UNDER(vb, o_arpphys, &idx)) >= 0) {
		uint32_t type, len;
		if (n < 3 || vb->len != 6)
			return false;
		type = idx[1];
		len = idx[2];
		if (!((type == 1 && len == 4) || (type == 2 && len == 16)) ||
		    (size_t)n != 3 + len)
			return false;
		for (uint32_t i = 0; i < len; i++) {
			if (idx[3 + i] > 255)
				return false;
			a[i] = (uint8_t)idx[3 + i];
		}
		add_arp(d, vb->bytes, type == 1 ? 4 : 6, a);
		return true;
	}
	return false;
}

void
cs_sw_ingest(struct cs_sw_dev *d, const struct cs_sw_vb *vb)
{
	if (vb->oidlen == 0 || vb->oidlen > CS_SW_MAX_OID ||
	    (vb->type == CS_SW_V_OCTETS && vb->bytes == NULL && vb->len > 0) ||
	    !(ingest_if(d, vb) || ingest_bridge(d, vb) ||
	      ingest_lldp_poe(d, vb) || ingest_arp(d, vb)))
		d->dropped++;
}
