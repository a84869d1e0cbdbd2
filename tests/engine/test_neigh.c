/* SPDX-License-Identifier: ISC */
/* The /proc/net/arp parser, table-driven. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

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

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_lines),
	    cmocka_unit_test(test_long_line),
	    cmocka_unit_test(test_find),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
