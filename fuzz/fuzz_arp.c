/* SPDX-License-Identifier: ISC */
/* Fuzz target: the kernel neighbour table parsers: /proc/net/arp and
 * the IPv6 netlink dump (the same bytes fed to both). */
#include "fuzz.h"

#include "engine/neigh.h"
#include "core/poison.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct cs_neigh e;
	uint8_t mac[6];

	(void)cs_neigh_parse_line(data, size, &e);
	(void)cs_neigh_find(data, size, "veth0", 0xC612000Bu, mac);
	(void)cs_neigh_find(data, size, NULL, 0xC612000Bu, mac);
	{
		static const uint8_t ip6[16] = {0xfd, 0, 0, 0x78, [15] = 0x10};
		bool done;

		(void)cs_neigh6_find(data, size, 0, ip6, mac, &done);
		(void)cs_neigh6_find(data, size, 3, ip6, mac, &done);
	}
	return 0;
}
