/* SPDX-License-Identifier: ISC */
/*
 * Fuzz target: the DNS name decoder (core/dnsname.c), from every offset of
 * the input.  Checks that an accepted name is well formed in wire form
 * (labels of at most 63 bytes ending with the root within 255 octets) and
 * that the offset after it lies inside the message.
 */
#include "fuzz.h"

#include <stdlib.h>

#include "core/dnsname.h"
#include "core/poison.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	uint8_t wire[CS_DNS_NAME_MAX];

	for (size_t start = 0; start < size && start < 64; start++) {
		size_t off = start, w = 0;

		if (cs_dns_name_read(data, size, &off, 16, wire) != 0) {
			if (off != start)
				abort();
			continue;
		}
		if (off <= start || off > size)
			abort();
		while (wire[w] != 0) {
			if (wire[w] > 63)
				abort();
			w += 1 + (size_t)wire[w];
			if (w >= CS_DNS_NAME_MAX)
				abort();
		}
	}
	return 0;
}
