/* SPDX-License-Identifier: ISC */
/*
 * Switch placement (issue #22), table-driven: the switches file, the
 * tables decoded from SNMP bindings (cs_sw_ingest) and the placement of
 * MACs on edge ports (cs_sw_place).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/cs.h"
#include "switch/switch.h"

/* ---------------------------------------------------------------------- */
/* The switches file. */

static const struct {
	const char *text;
	int rc;
	const char *err; /* a substring of the message, when rc != 0 */
	size_t n;
	int version;
	uint16_t port;
	const char *addr;
} files[] = {
    {"switch sw1 10.0.0.2 version=2c community=public\n", 0, NULL, 1, 2, 161,
     "10.0.0.2"},
    {"# c\n\n  router gw 10.0.0.1 port=1161 version=3 user=u auth=sha "
     "auth-pass=12345678 priv=aes priv-pass=abcdefgh\r\n",
     0, NULL, 1, 3, 1161, "10.0.0.1"},
    {"switch s6 fd00::0:2 version=3 user=u\n", 0, NULL, 1, 3, 161, "fd00::2"},
    {"switch a 10.0.0.2 version=2c community=x\nswitch b 10.0.0.3 "
     "version=2c community=y\n",
     0, NULL, 2, 2, 161, "10.0.0.2"},
    {"", CS_EINVAL, "names no switch", 0, 0, 0, NULL},
    {"hub h 10.0.0.2 version=2c community=x\n", CS_EINVAL, "unknown keyword", 0,
     0, 0, NULL},
    {"switch sw1 10.0.0.256 version=2c community=x\n", CS_EINVAL,
     "IPv4 or IPv6 literal", 0, 0, 0, NULL},
    {"switch sw1 010.0.0.2 version=2c community=x\n", CS_EINVAL,
     "IPv4 or IPv6 literal", 0, 0, 0, NULL},
    {"switch sw/1 10.0.0.2 version=2c community=x\n", CS_EINVAL,
     "expected switch NAME", 0, 0, 0, NULL},
    {"switch sw1 10.0.0.2 community=x\n", CS_EINVAL, "needs version", 0, 0, 0,
     NULL},
    {"switch sw1 10.0.0.2 version=1 community=x\n", CS_EINVAL,
     "SNMPv1 is not used", 0, 0, 0, NULL},
    {"switch sw1 10.0.0.2 version=2c\n", CS_EINVAL, "community= only", 0, 0, 0,
     NULL},
    {"switch sw1 10.0.0.2 version=3 community=x user=u\n", CS_EINVAL,
     "not community", 0, 0, 0, NULL},
    {"switch sw1 10.0.0.2 version=3 user=u auth=sha\n", CS_EINVAL,
     "auth= goes with auth-pass=", 0, 0, 0, NULL},
    {"switch sw1 10.0.0.2 version=3 user=u auth=sha auth-pass=short\n",
     CS_EINVAL, "auth-pass: 8 to", 0, 0, 0, NULL},
    {"switch sw1 10.0.0.2 version=3 user=u priv=aes priv-pass=abcdefgh\n",
     CS_EINVAL, "priv= needs auth=", 0, 0, 0, NULL},
    {"switch sw1 10.0.0.2 version=2c community=x port=0\n", CS_EINVAL,
     "port: 1 to 65535", 0, 0, 0, NULL},
    {"switch sw1 10.0.0.2 version=2c community=x colour=red\n", CS_EINVAL,
     "unknown key 'colour'", 0, 0, 0, NULL},
    {"switch sw1 10.0.0.2 version=2c community=x\nswitch sw1 10.0.0.3 "
     "version=2c community=y\n",
     CS_EINVAL, "already named on line 1", 0, 0, 0, NULL},
};

static void
test_file(void **state)
{
	(void)state;
	for (size_t i = 0; i < CS_NELEM(files); i++) {
		struct cs_sw_file f;
		char err[512];
		int rc =
		    cs_sw_file_parse(&f, "t", (const uint8_t *)files[i].text,
				     strlen(files[i].text), err, sizeof(err));

		if (rc != files[i].rc)
			fail_msg("case %zu: rc %d, want %d (%s)", i, rc,
				 files[i].rc, err);
		if (rc != 0) {
			assert_non_null(strstr(err, files[i].err));
			assert_int_equal(f.n, 0);
			continue;
		}
		assert_int_equal(f.n, files[i].n);
		assert_int_equal(f.v[0].version, files[i].version);
		assert_int_equal(f.v[0].port, files[i].port);
		assert_string_equal(f.v[0].addr, files[i].addr);
		cs_sw_file_free(&f);
	}
}

/* A secret is never quoted in a message, whatever is wrong with it. */
static void
test_file_secrets(void **state)
{
	static const char *const bad[] = {
	    "switch a 10.0.0.2 version=2c community=S3cretComm extra\n",
	    "switch a 10.0.0.2 version=3 user=u auth=sha "
	    "auth-pass=S3cretComm priv=rot13 priv-pass=S3cretComm\n",
	    "switch a 10.0.0.2 version=3 user=u auth=sha "
	    "auth-pass=S3cretComm\x01\n",
	};
	(void)state;
	for (size_t i = 0; i < CS_NELEM(bad); i++) {
		struct cs_sw_file f;
		char err[512];

		assert_int_equal(
		    cs_sw_file_parse(&f, "t", (const uint8_t *)bad[i],
				     strlen(bad[i]), err, sizeof(err)),
		    CS_EINVAL);
		assert_null(strstr(err, "S3cret"));
	}
}

/* ---------------------------------------------------------------------- */
/* Bindings. */

#define MIB2 1, 3, 6, 1, 2, 1
#define MAXO 32

struct vbt {
	uint32_t oid[MAXO];
	enum cs_sw_vtype type;
	int64_t ival;
	const char *bytes; /* NULL: none */
	size_t len;
};

static void
feed(struct cs_sw_dev *d, const struct vbt *t, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		struct cs_sw_vb vb;
		size_t len = 0;

		while (len < MAXO && t[i].oid[len] != UINT32_MAX)
			len++;
		memset(&vb, 0, sizeof(vb));
		vb.oid = t[i].oid;
		vb.oidlen = len;
		vb.type = t[i].type;
		vb.ival = t[i].ival;
		vb.bytes = (const uint8_t *)t[i].bytes;
		vb.len = t[i].len;
		cs_sw_ingest(d, &vb);
	}
}

#define E UINT32_MAX
#define INT(v) CS_SW_V_INT, (v), NULL, 0
#define OCT(s, n) CS_SW_V_OCTETS, 0, (s), (n)

/* Each row: a binding, and what it must leave (or be dropped). */
static const struct vbt ingest_ok[] = {
    {{MIB2, 1, 5, 0, E}, OCT("sw\x01name ", 8)},
    {{MIB2, 2, 2, 1, 2, 7, E}, OCT("GigabitEthernet0/7", 18)},
    {{MIB2, 31, 1, 1, 1, 1, 7, E}, OCT("Gi0/7", 5)},
    {{MIB2, 2, 2, 1, 2, 7, E}, OCT("ifDescr again", 13)},
    {{MIB2, 17, 1, 4, 1, 2, 3, E}, INT(7)},
    {{MIB2, 17, 7, 1, 4, 5, 1, 1, 3, E}, INT(20)},
    {{MIB2, 17, 7, 1, 2, 2, 1, 2, 100, 0, 17, 34, 51, 68, 85, E}, INT(3)},
    {{MIB2, 17, 4, 3, 1, 2, 0, 17, 34, 51, 68, 86, E}, INT(3)},
    {{MIB2, 17, 7, 1, 2, 2, 1, 3, 100, 2, 0, 0, 0, 0, 1, E}, INT(4)},
    {{MIB2, 17, 7, 1, 4, 2, 1, 3, 0, 20, E}, INT(100)},
    {{MIB2, 17, 7, 1, 4, 2, 1, 4, 0, 20, E}, OCT("\x20", 1)},
    {{MIB2, 17, 7, 1, 4, 3, 1, 2, 20, E}, OCT("\xff", 1)},
    {{MIB2, 105, 1, 1, 1, 6, 1, 3, E}, INT(3)},
    {{1, 0, 8802, 1, 1, 2, 1, 4, 1, 1, 9, 0, 3, 1, E}, OCT("cam-1", 5)},
    {{1, 0, 8802, 1, 1, 2, 1, 4, 1, 1, 12, 0, 3, 1, E}, OCT("\x01\x00", 2)},
    {{MIB2, 4, 22, 1, 2, 2, 10, 0, 0, 5, E},
     OCT("\x00\x11\x22\x33\x44\x55", 6)},
    {{MIB2, 4, 35, 1, 4, 2, 2, 16, 253, 0, 0, 0, 0,
      0,    0, 0,  0, 0, 0, 0, 0,  0,   0, 5, E},
     OCT("\x00\x11\x22\x33\x44\x55", 6)},
};

static const struct vbt ingest_bad[] = {
    {{MIB2, 1, 5, 1, E}, OCT("x", 1)},                      /* not .0 */
    {{MIB2, 2, 2, 1, 2, 7, E}, INT(1)},                     /* wrong type */
    {{MIB2, 17, 1, 4, 1, 2, 0, E}, INT(7)},                 /* port 0 */
    {{MIB2, 17, 1, 4, 1, 2, 9999, E}, INT(7)},              /* port > cap */
    {{MIB2, 17, 4, 3, 1, 2, 0, 17, 34, 51, 68, E}, INT(3)}, /* 5 octets */
    {{MIB2, 17, 4, 3, 1, 2, 0, 17, 34, 51, 68, 300, E}, INT(3)},
    {{MIB2, 17, 7, 1, 4, 5, 1, 1, 3, E}, INT(4095)}, /* bad PVID */
    {{MIB2, 17, 7, 1, 4, 2, 1, 4, 0, 4095, E}, OCT("\xff", 1)},
    {{MIB2, 105, 1, 1, 1, 6, 1, 3, E}, INT(9)}, /* no such state */
    {{MIB2, 4, 22, 1, 2, 2, 10, 0, 0, E}, OCT("\x00\x11\x22\x33\x44\x55", 6)},
    {{MIB2, 4, 35, 1, 4, 2, 1, 16, 10, 0, 0, 5, E},
     OCT("\x00\x11\x22\x33\x44\x55", 6)}, /* len 16, 4 given */
    {{MIB2, 4, 22, 1, 2, 2, 10, 0, 0, 5, E}, OCT("\x00\x11", 2)},
    {{1, 3, 6, 1, 4, 1, 9, E}, INT(1)}, /* not read */
};

static void
test_ingest(void **state)
{
	struct cs_sw_dev d;

	(void)state;
	cs_sw_dev_init(&d);
	feed(&d, ingest_ok, CS_NELEM(ingest_ok));
	assert_int_equal(d.dropped, 0);
	assert_string_equal(d.sysname, "sw?name");
	assert_int_equal(d.nifs, 1);
	assert_string_equal(d.ifs[0].name, "Gi0/7"); /* ifName wins */
	assert_int_equal(d.nports, 1);
	assert_int_equal(d.ports[0].port, 3);
	assert_int_equal(d.ports[0].ifindex, 7);
	assert_int_equal(d.ports[0].pvid, 20);
	assert_int_equal(d.ports[0].poe, CS_POE_DELIVERING);
	assert_string_equal(d.ports[0].neigh, "cam-1");
	assert_false(d.ports[0].neigh_bridge);
	assert_int_equal(d.nfdb, 3);
	assert_true(d.fdb[0].q && d.fdb[0].fid == 100 && d.fdb[0].port == 3);
	assert_true(!d.fdb[1].q && d.fdb[1].port == 3);
	assert_true(d.fdb[2].self);
	assert_int_equal(d.nfid, 1);
	assert_int_equal(d.fvlan[0], 20);
	assert_int_equal(d.nvlans, 1);
	/* the current table wins over the static one */
	assert_int_equal(d.vlans[0].egress[0], 0x20);
	assert_int_equal(d.narp, 2);
	assert_string_equal(d.arp[0].ip, "10.0.0.5");
	assert_string_equal(d.arp[1].ip, "fd00::5");
	cs_sw_dev_free(&d);

	/* Tables grow: 3000 forwarding entries, 300 ports, every VLAN id;
	 * past the caps a binding is dropped, not kept. */
	cs_sw_dev_init(&d);
	for (uint32_t i = 0; i < 3000; i++) {
		struct vbt b = {{MIB2, 17, 4, 3, 1, 2, 0, 17, 34, i >> 16,
				 (i >> 8) & 255, i & 255, E},
				INT(1 + (int64_t)(i % 300))};
		feed(&d, &b, 1);
	}
	for (uint32_t v = 1; v <= 4096; v++) {
		struct vbt b = {{MIB2, 17, 7, 1, 4, 3, 1, 1, v, E},
				OCT("n", 1)};
		feed(&d, &b, 1);
	}
	assert_int_equal(d.nfdb, 3000);
	assert_int_equal(d.fdb[2999].mac[5], 2999 & 255);
	assert_int_equal(d.fdb[2999].port, 1 + 2999 % 300);
	assert_int_equal(d.nvlans, 4094);
	assert_int_equal(d.vlans[4093].id, 4094);
	assert_int_equal(d.dropped, 2); /* VLANs 4095 and 4096 */
	cs_sw_dev_free(&d);

	for (size_t i = 0; i < CS_NELEM(ingest_bad); i++) {
		cs_sw_dev_init(&d);
		feed(&d, &ingest_bad[i], 1);
		if (d.dropped != 1)
			fail_msg("bad binding %zu was not dropped", i);
		cs_sw_dev_free(&d);
	}
}

/* ---------------------------------------------------------------------- */
/* Placement. */

/* A switch described compactly: ports (port = ifindex, name "pN"),
 * their LLDP bridge flag, and learned (MAC last octet, port, VLAN). */
struct swdesc {
	const char *name;
	int nports;
	int bridge_port; /* an LLDP neighbour that is a bridge, 0 none */
	int trunk_port;  /* tagged in VLANs 10, 20, 30, 0 none */
	struct {
		int mac, port, vlan;
	} fdb[24];
};

static void
build(struct cs_sw_dev *d, const struct swdesc *s)
{
	cs_sw_dev_init(d);
	d->nports = (size_t)s->nports;
	d->ports = calloc(d->nports, sizeof(*d->ports));
	d->nifs = (size_t)s->nports;
	d->ifs = calloc(d->nifs, sizeof(*d->ifs));
	for (int i = 0; i < s->nports; i++) {
		d->ports[i].port = i + 1;
		d->ports[i].ifindex = i + 1;
		d->ports[i].pvid = 20;
		d->ports[i].poe = CS_POE_DELIVERING;
		d->ports[i].neigh_bridge = i + 1 == s->bridge_port;
		d->ifs[i].ifindex = i + 1;
		snprintf(d->ifs[i].name, sizeof(d->ifs[i].name), "p%d", i + 1);
	}
	if (s->trunk_port) {
		d->nvlans = 3;
		d->vlans = calloc(3, sizeof(*d->vlans));
		for (int v = 0; v < 3; v++) {
			int p = s->trunk_port - 1;
			d->vlans[v].id = (uint16_t)(10 * (v + 1));
			d->vlans[v].have_egress = d->vlans[v].have_untagged =
			    true;
			d->vlans[v].egress[p / 8] |=
			    (uint8_t)(0x80u >> (p % 8));
		}
	}
	d->fdb = calloc(24, sizeof(*d->fdb));
	for (int i = 0; i < 24 && s->fdb[i].mac; i++) {
		struct cs_sw_fdb *f = &d->fdb[d->nfdb++];
		f->mac[0] = 0x00;
		f->mac[1] = 0x11;
		f->mac[5] = (uint8_t)s->fdb[i].mac;
		f->port = s->fdb[i].port;
		f->q = true;
		f->fid = (uint32_t)s->fdb[i].vlan;
	}
}

static const struct {
	const char *what;
	struct swdesc sw[2];
	size_t nsw;
	unsigned max_macs;
	/* expected: MAC last octet -> (switch index, port, vlan); 0 ends */
	struct {
		int mac, sw, port, vlan;
	} want[8];
	size_t only_uplink;
} scenes[] = {
    {"one edge port each",
     {{"a", 4, 0, 0, {{1, 1, 20}, {2, 2, 10}, {0, 0, 0}}}},
     1,
     8,
     {{1, 0, 1, 20}, {2, 0, 2, 10}},
     0},
    {"an LLDP bridge makes an uplink",
     {{"a", 4, 4, 0, {{1, 1, 20}, {2, 4, 20}, {0, 0, 0}}}},
     1,
     8,
     {{1, 0, 1, 20}},
     1},
    {"a trunk tagged in three VLANs is not an edge port",
     {{"a", 4, 0, 3, {{1, 3, 10}, {2, 2, 20}, {0, 0, 0}}}},
     1,
     8,
     {{2, 0, 2, 20}},
     1},
    {"a port with more MACs than the cap is an uplink",
     {{"a",
       4,
       0,
       0,
       {{1, 1, 20}, {2, 2, 20}, {3, 2, 20}, {4, 2, 20}, {0, 0, 0}}}},
     1,
     2,
     {{1, 0, 1, 20}},
     3},
    {"a MAC behind the core switch's downlink is placed on the edge",
     {{"core", 4, 2, 0, {{1, 2, 20}, {9, 3, 10}, {0, 0, 0}}},
      {"edge", 4, 4, 0, {{1, 1, 20}, {9, 4, 10}, {0, 0, 0}}}},
     2,
     8,
     {{1, 1, 1, 20}, {9, 0, 3, 10}},
     0},
    {"a MAC on two edge ports: the first switch named",
     {{"a", 2, 0, 0, {{5, 1, 20}, {0, 0, 0}}},
      {"b", 2, 0, 0, {{5, 2, 30}, {0, 0, 0}}}},
     2,
     8,
     {{5, 0, 1, 20}},
     0},
};

static void
test_place(void **state)
{
	(void)state;
	for (size_t k = 0; k < CS_NELEM(scenes); k++) {
		struct cs_sw_dev d[2];
		struct cs_sw_input in[2];
		struct cs_sw_rules rules = CS_SW_RULES_DEFAULT;
		struct cs_sw_result r;
		size_t nwant = 0;

		for (size_t s = 0; s < scenes[k].nsw; s++) {
			build(&d[s], &scenes[k].sw[s]);
			in[s].name = scenes[k].sw[s].name;
			in[s].addr = "10.0.0.1";
			in[s].dev = &d[s];
			in[s].router = false;
		}
		rules.max_edge_macs = scenes[k].max_macs;
		cs_sw_place(in, scenes[k].nsw, &rules, &r);
		while (nwant < 8 && scenes[k].want[nwant].mac)
			nwant++;
		if (r.n != nwant || r.only_uplink != scenes[k].only_uplink)
			fail_msg(
			    "%s: %zu placed (want %zu), %zu only on uplinks "
			    "(want %zu)",
			    scenes[k].what, r.n, nwant, r.only_uplink,
			    scenes[k].only_uplink);
		for (size_t i = 0; i < nwant; i++) {
			char port[16];
			const struct cs_sw_place *p = &r.v[i];

			snprintf(port, sizeof(port), "p%d",
				 scenes[k].want[i].port);
			if (p->mac[5] != scenes[k].want[i].mac ||
			    strcmp(p->sw,
				   scenes[k].sw[scenes[k].want[i].sw].name) !=
				0 ||
			    strcmp(p->port, port) != 0 ||
			    p->vlan != scenes[k].want[i].vlan)
				fail_msg("%s: placement %zu is %s %s VLAN %u",
					 scenes[k].what, i, p->sw, p->port,
					 p->vlan);
			assert_int_equal(p->poe, CS_POE_DELIVERING);
		}
		cs_sw_result_free(&r);
		for (size_t s = 0; s < scenes[k].nsw; s++)
			cs_sw_dev_free(&d[s]);
	}
}

/* The switch's own address, group addresses and ARP names. */
static void
test_place_self_arp(void **state)
{
	static const struct swdesc one = {
	    "a", 2, 0, 0, {{1, 1, 20}, {7, 2, 20}, {0, 0, 0}}};
	struct cs_sw_dev d, rt;
	struct cs_sw_input in[2];
	struct cs_sw_result r;

	(void)state;
	build(&d, &one);
	/* MAC ...07, learned on p2, is the switch's own (status self) */
	d.fdb[d.nfdb] = d.fdb[1];
	d.fdb[d.nfdb].self = true;
	d.fdb[d.nfdb++].port = 0;
	/* a group address is never placed */
	d.fdb[d.nfdb] = d.fdb[0];
	d.fdb[d.nfdb++].mac[0] = 0x01;
	cs_sw_dev_init(&rt);
	rt.narp = 1;
	rt.arp = calloc(1, sizeof(*rt.arp));
	memcpy(rt.arp[0].mac, d.fdb[0].mac, 6);
	strcpy(rt.arp[0].ip, "10.9.0.1");
	in[0] = (struct cs_sw_input){"a", "10.0.0.1", &d, false};
	in[1] = (struct cs_sw_input){"gw", "10.0.0.254", &rt, true};
	cs_sw_place(in, 2, NULL, &r);
	assert_int_equal(r.n, 1);
	assert_string_equal(r.v[0].ip, "10.9.0.1");
	assert_string_equal(r.v[0].mac_text, "00:11:00:00:00:01");
	cs_sw_result_free(&r);
	cs_sw_dev_free(&d);
	cs_sw_dev_free(&rt);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_file),
	    cmocka_unit_test(test_file_secrets),
	    cmocka_unit_test(test_ingest),
	    cmocka_unit_test(test_place),
	    cmocka_unit_test(test_place_self_arp),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
