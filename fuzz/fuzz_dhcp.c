/* SPDX-License-Identifier: ISC */
/* Fuzz target: the DHCP request decoder of passive listening. */
#include "fuzz.h"

#include "passive/pkt.h"
#include "core/poison.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct cs_dhcp m;

	(void)cs_dhcp_parse(data, size, &m);
	return 0;
}
