/* SPDX-License-Identifier: ISC */
/*
 * Fuzz target: what a switch or router returns over SNMP
 * (switch/swdata.c cs_sw_ingest, device input) and the placement over it
 * (switch/place.c).  The input is a data file of tests/switches/data
 * ("OID TYPE VALUE" lines: the seeds are those files), each line one
 * binding.  Checks: the caps hold, every string is terminated, each
 * placement is a unicast MAC, once, in MAC order, on a listed switch,
 * with a VLAN of at most 4094, and never on a port judged an uplink.
 */
#include "fuzz.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/str.h"
#include "core/text.h"
#include "switch/switch.h"
#include "core/poison.h"

static int
hexv(int c)
{
	return c >= '0' && c <= '9'   ? c - '0'
	       : c >= 'a' && c <= 'f' ? c - 'a' + 10
	       : c >= 'A' && c <= 'F' ? c - 'A' + 10
				      : -1;
}

/* One line to a binding; false to skip it. */
static bool
line_vb(struct cs_span l, uint32_t *oid, struct cs_sw_vb *vb, uint8_t *val)
{
	size_t i = 0, n = 0;
	char word[16];

	memset(vb, 0, sizeof(*vb));
	while (i < l.n && l.p[i] == '.')
		i++;
	while (i < l.n && n < CS_SW_MAX_OID + 1) {
		uint64_t v = 0;
		size_t d = 0;
		while (i < l.n && l.p[i] >= '0' && l.p[i] <= '9' && d < 11) {
			v = v * 10 + (uint64_t)(l.p[i++] - '0');
			d++;
		}
		if (d == 0)
			return false;
		oid[n++] = (uint32_t)v;
		if (i < l.n && l.p[i] == '.')
			i++;
		else
			break;
	}
	vb->oid = oid;
	vb->oidlen = n;
	while (i < l.n && l.p[i] == ' ')
		i++;
	n = 0;
	while (i < l.n && l.p[i] != ' ' && n + 1 < sizeof(word))
		word[n++] = (char)l.p[i++];
	word[n] = '\0';
	if (i < l.n)
		i++;
	if (strcmp(word, "integer") == 0 || strcmp(word, "gauge") == 0) {
		long long v = 0;
		char num[24];
		cs_span_copy(num, sizeof(num), cs_span_make(l.p + i, l.n - i));
		if (cs_str_tonum(num, INT32_MIN, UINT32_MAX, &v) != 0)
			v = 0;
		vb->type = CS_SW_V_INT;
		vb->ival = v;
	} else if (strcmp(word, "hex") == 0) {
		size_t m = 0;
		int hi = -1;
		for (; i < l.n && m < CS_SW_MAX_VAL; i++) {
			int h = hexv(l.p[i]);
			if (h < 0)
				continue;
			if (hi < 0)
				hi = h;
			else {
				val[m++] = (uint8_t)(hi << 4 | h);
				hi = -1;
			}
		}
		vb->type = CS_SW_V_OCTETS;
		vb->bytes = val;
		vb->len = m;
	} else if (strcmp(word, "string") == 0) {
		size_t m = CS_MIN(l.n - i, (size_t)CS_SW_MAX_VAL);
		memcpy(val, l.p + i, m);
		vb->type = CS_SW_V_OCTETS;
		vb->bytes = val;
		vb->len = m;
	} else
		vb->type = CS_SW_V_OTHER;
	return true;
}

static void
check_str(const char *s, size_t sz)
{
	if (memchr(s, '\0', sz) == NULL)
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static uint32_t oid[CS_SW_MAX_OID + 1];
	static uint8_t val[CS_SW_MAX_VAL];
	struct cs_sw_dev d;
	struct cs_sw_input in[2];
	struct cs_sw_result r;
	struct cs_lines ls;
	struct cs_span l;

	if (size > (1u << 20))
		return 0;
	cs_sw_dev_init(&d);
	cs_lines_init(&ls, data, size);
	while (cs_lines_next(&ls, &l)) {
		struct cs_sw_vb vb;
		if (l.n > 0 && l.p[0] != '#' && line_vb(l, oid, &vb, val))
			cs_sw_ingest(&d, &vb);
	}
	check_str(d.sysname, sizeof(d.sysname));
	check_str(d.sysdescr, sizeof(d.sysdescr));
	if (d.nports > CS_SW_MAX_PORTS || d.nifs > CS_SW_MAX_IFS ||
	    d.nfdb > CS_SW_MAX_FDB || d.narp > CS_SW_MAX_ARP ||
	    d.nvlans > CS_SW_MAX_VLANS)
		abort();
	for (size_t i = 0; i < d.nports; i++) {
		check_str(d.ports[i].neigh, sizeof(d.ports[i].neigh));
		check_str(d.ports[i].neigh_port, sizeof(d.ports[i].neigh_port));
		if (d.ports[i].port < 1 || d.ports[i].port > CS_SW_MAX_PORTS)
			abort();
	}
	for (size_t i = 0; i < d.nifs; i++)
		check_str(d.ifs[i].name, sizeof(d.ifs[i].name));
	in[0] = (struct cs_sw_input){"sw", "10.0.0.1", &d, false};
	in[1] = (struct cs_sw_input){"gw", "10.0.0.2", &d, true};
	cs_sw_place(in, 2, NULL, &r);
	for (size_t i = 0; i < r.n; i++) {
		const struct cs_sw_place *p = &r.v[i];
		check_str(p->port, sizeof(p->port));
		check_str(p->neigh, sizeof(p->neigh));
		check_str(p->ip, sizeof(p->ip));
		if ((p->mac[0] & 1) != 0 || p->vlan > 4094 ||
		    strcmp(p->sw, "sw") != 0 ||
		    (i > 0 && memcmp(r.v[i - 1].mac, p->mac, 6) >= 0))
			abort();
	}
	/* no placement on an uplink (compared by port name when names are
	 * unique on this switch: one interface of that name, and no two
	 * bridge ports on one interface, which a malformed table may claim
	 * and placement, by bridge port, rightly keeps apart) */
	for (size_t u = 0; u < r.nup; u++) {
		size_t same = 0;
		for (size_t i = 0; i < d.nifs; i++) {
			if (strcmp(d.ifs[i].name, r.up[u].port) != 0)
				continue;
			same++;
			for (size_t j = 0; j < d.nports; j++)
				same += d.ports[j].ifindex == d.ifs[i].ifindex;
			same--; /* the uplink's own bridge port */
		}
		for (size_t i = 0; i < r.n && same <= 1; i++)
			if (strcmp(r.v[i].port, r.up[u].port) == 0 &&
			    strncmp(r.up[u].port, "port ", 5) != 0)
				abort();
	}
	cs_sw_result_free(&r);
	cs_sw_dev_free(&d);
	return 0;
}
