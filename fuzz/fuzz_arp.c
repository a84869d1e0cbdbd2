/* SPDX-License-Identifier: ISC */
/* Fuzz target: the kernel neighbour table (/proc/net/arp) parser. */
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
	return 0;
}
