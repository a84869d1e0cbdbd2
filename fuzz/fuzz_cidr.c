/* SPDX-License-Identifier: ISC */
/*
 * Fuzz target: the IPv4 CIDR parser (core/addr.c).  Checks that the
 * network has no host bits, the length is at most 32, and the exact mode
 * accepts only what the default returns unchanged.
 */
#include "fuzz.h"

#include <stdlib.h>

#include "core/addr.h"
#include "core/poison.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct cs_span s = cs_span_make(data, size);
	uint32_t net, net2;
	unsigned plen, plen2;
	int rc = cs_cidr4_parse(s, CS_CIDR_BARE, &net, &plen);

	if (rc == 0 && (plen > 32 || (net & ~cs_cidr4_mask(plen)) != 0))
		abort();
	if (cs_cidr4_parse(s, CS_CIDR_BARE | CS_CIDR_EXACT, &net2, &plen2) ==
		0 &&
	    (rc != 0 || net2 != net || plen2 != plen))
		abort();
	if (cs_cidr4_parse(s, 0, &net2, &plen2) == 0 && rc != 0)
		abort();
	return 0;
}
