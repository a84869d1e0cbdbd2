/* SPDX-License-Identifier: ISC */
/*
 * Fuzz target: the link-layer decoders (Ethernet, Linux cooked v1/v2,
 * raw IP; ERSPAN, GRE and VXLAN inside; IPv6 extension headers) and the
 * passive dispatch behind them (NDP, DHCPv6, IPv6 discovery, MAC
 * binding, reassembly).  The first byte picks the link type.
 */
#include "fuzz.h"

#include <string.h>

#include "passive/passive.h"
#include "passive/pkt.h"
#include "core/poison.h"

static void
sink(void *arg, const struct cs_passive_dev *d)
{
	(void)arg;
	(void)d;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const int links[] = {CS_LINK_ETHER, CS_LINK_SLL,  CS_LINK_SLL2,
				    CS_LINK_RAW,   CS_LINK_IPV4, CS_LINK_IPV6};
	static struct cs_passive *p;
	struct cs_pkt k;
	int link;

	if (size < 1)
		return 0;
	if (p == NULL)
		p = cs_passive_new(&(struct cs_passive_opts){.max_flows = 16,
							     .max_devices = 16},
				   NULL, sink, NULL);
	link = links[data[0] % 6];
	(void)cs_pkt_decode_link(link, data + 1, size - 1, &k);
	cs_passive_set_link(p, link);
	(void)cs_passive_packet(p, 1700000000, data + 1, size - 1, size - 1);
	return 0;
}
