/* SPDX-License-Identifier: ISC */
/*
 * Fuzz target: the IPv4 and IPv6 CIDR parsers (core/addr.c).  Checks
 * that the network has no host bits, the length is at most 32 (128), the
 * exact mode accepts only what the default returns unchanged, and an IPv6
 * network given with its length parses as the bare address would.
 */
#include "fuzz.h"

#include <stdlib.h>
#include <string.h>

#include "core/addr.h"
#include "core/poison.h"

/* True when a (16 bytes) has a bit set from bit plen on. */
static bool
host_bits(const uint8_t a[16], unsigned plen)
{
	for (unsigned bit = plen; bit < 128; bit++)
		if (a[bit / 8] & (0x80u >> (bit % 8)))
			return true;
	return false;
}

static int
cidr6(struct cs_span s)
{
	uint8_t net[16], net2[16];
	unsigned plen, plen2;
	int rc = cs_cidr6_parse(s, CS_CIDR_BARE, net, &plen);
	long slash = -1;

	if (rc != 0 && rc != CS_EINVAL && rc != CS_ELIMIT)
		abort();
	if (rc == 0 && (plen > 128 || host_bits(net, plen)))
		abort();
	if (cs_cidr6_parse(s, CS_CIDR_BARE | CS_CIDR_EXACT, net2, &plen2) ==
		0 &&
	    (rc != 0 || memcmp(net2, net, 16) != 0 || plen2 != plen))
		abort();
	if (cs_cidr6_parse(s, 0, net2, &plen2) == 0 && rc != 0)
		abort();
	for (size_t i = 0; i < s.n; i++)
		if (s.p[i] == '/') {
			slash = (long)i;
			break;
		}
	/* "addr/len" is the bare address, host bits from len on cleared. */
	if (rc == 0 && slash >= 0 &&
	    (cs_cidr6_parse(cs_span_make(s.p, (size_t)slash), CS_CIDR_BARE,
			    net2, &plen2) != 0 ||
	     plen2 != 128))
		abort();
	if (rc == 0 && slash >= 0) {
		for (unsigned bit = plen; bit < 128; bit++)
			net2[bit / 8] &= (uint8_t) ~(0x80u >> (bit % 8));
		if (memcmp(net2, net, 16) != 0)
			abort();
	}
	return 0;
}

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
	return cidr6(s);
}
