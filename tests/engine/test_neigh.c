/* SPDX-License-Identifier: ISC */
/* The /proc/net/arp parser, table-driven. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include <linux/neighbour.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <sys/socket.h>

#include "core/cs.h"
#include "engine/neigh.h"
#include "core/poison.h"

static const struct {
	const char *line;
	int rc;
	uint32_t ip;
	uint8_t mac[6];
	const char *dev;
} cases[] = {
    {"198.18.0.11      0x1         0x2         58:50:ed:1f:e3:85     *"
     "        veth0",
     0, 0xC612000B, {0x58, 0x50, 0xed, 0x1f, 0xe3, 0x85}, "veth0"},
    {"10.0.0.1 0x1 0x6 3C:EF:8C:00:00:01 * eth0", 0, 0x0A000001,
     {0x3c, 0xef, 0x8c, 0, 0, 1}, "eth0"},
    {"IP address       HW type     Flags       HW address            Mask"
     "     Device",
     CS_ENOTFOUND, 0, {0}, ""},
    /* incomplete: flags 0x0, zero MAC */
    {"198.18.0.12 0x1 0x0 00:00:00:00:00:00 * veth0", CS_ENOTFOUND, 0, {0},
     ""},
    /* complete flag but all-zero address */
    {"198.18.0.12 0x1 0x2 00:00:00:00:00:00 * veth0", CS_ENOTFOUND, 0, {0},
     ""},
    /* not Ethernet */
    {"198.18.0.12 0x20 0x2 58:50:ed:1f:e3:85 * ib0", CS_ENOTFOUND, 0, {0},
     ""},
    /* multicast MAC */
    {"198.18.0.12 0x1 0x2 01:00:5e:00:00:fb * veth0", CS_ENOTFOUND, 0, {0},
     ""},
    {"198.18.0.256 0x1 0x2 58:50:ed:1f:e3:85 * veth0", CS_EPROTO, 0, {0},
     ""},
    {"198.18.0 0x1 0x2 58:50:ed:1f:e3:85 * veth0", CS_EPROTO, 0, {0}, ""},
    {"198.18.0.1 1 0x2 58:50:ed:1f:e3:85 * veth0", CS_EPROTO, 0, {0}, ""},
    {"198.18.0.1 0x1 0x2 58:50:ed:1f:e3 * veth0", CS_EPROTO, 0, {0}, ""},
    {"198.18.0.1 0x1 0x2 58-50-ed-1f-e3-85 * veth0", CS_EPROTO, 0, {0}, ""},
    {"198.18.0.1 0x1 0x2 58:50:ed:1f:e3:85 *", CS_EPROTO, 0, {0}, ""},
    {"198.18.0.1 0x1 0x2 58:50:ed:1f:e3:85 * veth0 extra", CS_EPROTO, 0,
     {0}, ""},
    {"198.18.0.1 0x1 0x2 58:50:ed:1f:e3:85 * averyveryverylongname",
     CS_ELIMIT, 0, {0}, ""},
    {"", CS_EPROTO, 0, {0}, ""},
    {"0x1", CS_EPROTO, 0, {0}, ""},
};

static void
test_lines(void **state)
{
	(void)state;
	for (size_t i = 0; i < CS_NELEM(cases); i++) {
		struct cs_neigh e;
		int rc = cs_neigh_parse_line((const uint8_t *)cases[i].line,
					     strlen(cases[i].line), &e);

		if (rc != cases[i].rc)
			fail_msg("case %zu (%s): rc %d, want %d", i,
				 cases[i].line, rc, cases[i].rc);
		if (rc != 0)
			continue;
		assert_int_equal(e.ip, cases[i].ip);
		assert_memory_equal(e.mac, cases[i].mac, 6);
		assert_string_equal(e.dev, cases[i].dev);
	}
}

static void
test_long_line(void **state)
{
	uint8_t line[CS_NEIGH_LINE_MAX + 1];
	struct cs_neigh e;

	(void)state;
	memset(line, ' ', sizeof(line));
	assert_int_equal(cs_neigh_parse_line(line, sizeof(line), &e),
			 CS_ELIMIT);
}

static void
test_find(void **state)
{
	static const char table[] =
	    "IP address       HW type     Flags       HW address            "
	    "Mask     Device\n"
	    "198.18.0.11      0x1         0x2         58:50:ed:1f:e3:85     * "
	    "       veth0\n"
	    "garbage line\n"
	    "198.18.0.12      0x1         0x0         00:00:00:00:00:00     * "
	    "       veth0\n"
	    "198.18.0.13      0x1         0x2         3c:ef:8c:00:00:13     * "
	    "       other0\n"
	    "198.18.0.14      0x1         0x2         9c:8e:cd:00:00:14     * "
	    "       veth0"; /* no final newline */
	const uint8_t *p = (const uint8_t *)table;
	size_t n = sizeof(table) - 1;
	uint8_t mac[6];

	(void)state;
	assert_int_equal(cs_neigh_find(p, n, "veth0", 0xC612000B, mac), 0);
	assert_int_equal(mac[5], 0x85);
	assert_int_equal(cs_neigh_find(p, n, "veth0", 0xC612000C, mac),
			 CS_ENOTFOUND);
	/* on another interface: only when no interface is asked for */
	assert_int_equal(cs_neigh_find(p, n, "veth0", 0xC612000D, mac),
			 CS_ENOTFOUND);
	assert_int_equal(cs_neigh_find(p, n, NULL, 0xC612000D, mac), 0);
	assert_int_equal(cs_neigh_find(p, n, "veth0", 0xC612000E, mac), 0);
	assert_int_equal(mac[0], 0x9c);
	assert_int_equal(cs_neigh_find(p, 0, NULL, 0xC612000E, mac),
			 CS_ENOTFOUND);
	assert_int_equal(cs_neigh_lookup("/nonexistent/arp", NULL, 1, mac),
			 CS_EIO);
}

/* ---- IPv6: netlink neighbour dumps, built here message by message ---- */

struct nlb {
	uint8_t b[1024];
	size_t n;
};

/* Appends an attribute of len bytes (padded to 4). */
static void
attr(uint8_t *p, size_t *off, unsigned short type, const void *v, size_t len)
{
	struct rtattr a = {.rta_len = (unsigned short)(sizeof(a) + len),
			   .rta_type = type};

	memcpy(p + *off, &a, sizeof(a));
	memcpy(p + *off + sizeof(a), v, len);
	*off += RTA_ALIGN(sizeof(a) + len);
}

/* Appends one RTM_NEWNEIGH message; dst/ll NULL: left out. */
static void
neigh_msg(struct nlb *m, unsigned char family, int ifindex,
	  unsigned short state, const uint8_t *dst, size_t dstlen,
	  const uint8_t *ll, size_t lllen)
{
	struct nlmsghdr h = {.nlmsg_type = RTM_NEWNEIGH,
			     .nlmsg_flags = NLM_F_MULTI};
	struct ndmsg nd = {
	    .ndm_family = family, .ndm_ifindex = ifindex, .ndm_state = state};
	size_t off = NLMSG_HDRLEN;
	uint8_t *p = m->b + m->n;

	memcpy(p + off, &nd, sizeof(nd));
	off += NLMSG_ALIGN(sizeof(nd));
	if (dst)
		attr(p, &off, NDA_DST, dst, dstlen);
	if (ll)
		attr(p, &off, NDA_LLADDR, ll, lllen);
	h.nlmsg_len = (unsigned)off;
	memcpy(p, &h, sizeof(h));
	m->n += NLMSG_ALIGN(off);
}

static void
done_msg(struct nlb *m)
{
	struct nlmsghdr h = {.nlmsg_len = NLMSG_HDRLEN + 4,
			     .nlmsg_type = NLMSG_DONE};

	memset(m->b + m->n, 0, NLMSG_HDRLEN + 4);
	memcpy(m->b + m->n, &h, sizeof(h));
	m->n += NLMSG_HDRLEN + 4;
}

static const uint8_t ip_a[16] = {0xfd, 0, 0, 0x78, [15] = 0x10};
static const uint8_t ip_b[16] = {0xfd, 0, 0, 0x78, [15] = 0x11};
static const uint8_t mac_a[6] = {0x3c, 0xef, 0x8c, 1, 2, 3};
static const uint8_t mac_zero[6] = {0};
static const uint8_t mac_mcast[6] = {0x33, 0x33, 0, 0, 0, 1};

static void
test_neigh6(void **state)
{
	static const struct {
		const char *what;
		unsigned char family;
		int ifindex;
		unsigned short nud;
		const uint8_t *dst;
		size_t dstlen;
		const uint8_t *ll;
		size_t lllen;
		int want_if; /* the ifindex asked for */
		int rc;
	} cases6[] = {
	    {"reachable", 10, 3, NUD_REACHABLE, ip_a, 16, mac_a, 6, 3, 0},
	    {"stale, any interface", 10, 3, NUD_STALE, ip_a, 16, mac_a, 6, 0,
	     0},
	    {"permanent", 10, 3, NUD_PERMANENT, ip_a, 16, mac_a, 6, 3, 0},
	    {"other interface", 10, 4, NUD_REACHABLE, ip_a, 16, mac_a, 6, 3,
	     CS_ENOTFOUND},
	    {"other address", 10, 3, NUD_REACHABLE, ip_b, 16, mac_a, 6, 3,
	     CS_ENOTFOUND},
	    {"incomplete", 10, 3, NUD_INCOMPLETE, ip_a, 16, mac_a, 6, 3,
	     CS_ENOTFOUND},
	    {"failed", 10, 3, NUD_FAILED, ip_a, 16, mac_a, 6, 3, CS_ENOTFOUND},
	    {"IPv4 family", 2, 3, NUD_REACHABLE, ip_a, 16, mac_a, 6, 3,
	     CS_ENOTFOUND},
	    {"no link-layer address", 10, 3, NUD_REACHABLE, ip_a, 16, NULL, 0,
	     3, CS_ENOTFOUND},
	    {"no destination", 10, 3, NUD_REACHABLE, NULL, 0, mac_a, 6, 3,
	     CS_ENOTFOUND},
	    {"short destination", 10, 3, NUD_REACHABLE, ip_a, 4, mac_a, 6, 3,
	     CS_ENOTFOUND},
	    {"8-byte link address", 10, 3, NUD_REACHABLE, ip_a, 16, ip_a, 8, 3,
	     CS_ENOTFOUND},
	    {"zero MAC", 10, 3, NUD_REACHABLE, ip_a, 16, mac_zero, 6, 3,
	     CS_ENOTFOUND},
	    {"multicast MAC", 10, 3, NUD_REACHABLE, ip_a, 16, mac_mcast, 6, 3,
	     CS_ENOTFOUND},
	};

	(void)state;
	for (size_t i = 0; i < CS_NELEM(cases6); i++) {
		struct nlb m = {.n = 0};
		uint8_t mac[6];
		bool done;
		int rc;

		/* another entry first, the case, then the dump's end */
		neigh_msg(&m, 10, 3, NUD_REACHABLE, ip_b, 16, mac_a, 6);
		neigh_msg(&m, cases6[i].family, cases6[i].ifindex,
			  cases6[i].nud, cases6[i].dst, cases6[i].dstlen,
			  cases6[i].ll, cases6[i].lllen);
		done_msg(&m);
		rc = cs_neigh6_find(m.b, m.n, cases6[i].want_if, ip_a, mac,
				    &done);
		if (rc != cases6[i].rc)
			fail_msg("%s: rc %d, want %d", cases6[i].what, rc,
				 cases6[i].rc);
		if (rc == 0)
			assert_memory_equal(mac, mac_a, 6);
		else
			assert_true(done);
	}
}

/* Truncated and corrupt dumps end the parse, never read past the end. */
static void
test_neigh6_bounds(void **state)
{
	struct nlb m = {.n = 0};
	uint8_t mac[6];
	bool done;

	(void)state;
	neigh_msg(&m, 10, 3, NUD_REACHABLE, ip_a, 16, mac_a, 6);
	assert_int_equal(cs_neigh6_find(m.b, m.n, 3, ip_a, mac, &done), 0);
	assert_false(done);
	for (size_t n = 0; n < m.n; n++) {
		/* every prefix: not found (the message is cut), no overread */
		uint8_t *cut = malloc(n ? n : 1);

		memcpy(cut, m.b, n);
		assert_int_equal(cs_neigh6_find(cut, n, 3, ip_a, mac, &done),
				 CS_ENOTFOUND);
		free(cut);
	}
	/* a length field below the header, or past the buffer */
	{
		struct nlmsghdr h;

		memcpy(&h, m.b, sizeof(h));
		h.nlmsg_len = 4;
		memcpy(m.b, &h, sizeof(h));
		assert_int_equal(cs_neigh6_find(m.b, m.n, 3, ip_a, mac, &done),
				 CS_ENOTFOUND);
		h.nlmsg_len = (unsigned)m.n + 4;
		memcpy(m.b, &h, sizeof(h));
		assert_int_equal(cs_neigh6_find(m.b, m.n, 3, ip_a, mac, &done),
				 CS_ENOTFOUND);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_lines),
	    cmocka_unit_test(test_long_line),
	    cmocka_unit_test(test_find),
	    cmocka_unit_test(test_neigh6),
	    cmocka_unit_test(test_neigh6_bounds),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
