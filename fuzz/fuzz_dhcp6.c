/* SPDX-License-Identifier: ISC */
/* Fuzz target: DHCPv6 messages (cs_dhcp6_parse). */
#include "fuzz.h"

#include "passive/pkt.h"
#include "core/poison.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct cs_dhcp6 m;

	(void)cs_dhcp6_parse(data, size, &m);
	return 0;
}
