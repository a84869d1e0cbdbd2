/* SPDX-License-Identifier: ISC */
/* Fuzz target: neighbour discovery (cs_ndp_parse); the first byte picks
 * the ICMPv6 type (RS, RA, NS, NA). */
#include "fuzz.h"

#include "passive/pkt.h"
#include "core/poison.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct cs_ndp n;

	if (size < 1)
		return 0;
	(void)cs_ndp_parse((uint8_t)(133 + data[0] % 4), data + 1, size - 1,
			   &n);
	return 0;
}
