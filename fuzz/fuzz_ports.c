/* SPDX-License-Identifier: ISC */
/*
 * Fuzz target: the port-list parser (core/addr.c).  Checks the count
 * against the cap, that every port is 1-65535 and named once, and that a
 * smaller cap never yields more ports.
 */
#include "fuzz.h"

#include <stdlib.h>
#include <string.h>

#include "core/addr.h"
#include "core/poison.h"

static uint16_t out[65535];
static uint8_t seen[65536];

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct cs_span s = cs_span_make(data, size);
	int n = cs_ports_parse(s, out, CS_NELEM(out)), m;

	if (n == 0 || n > (int)CS_NELEM(out))
		abort();
	if (n < 0)
		return 0;
	memset(seen, 0, sizeof(seen));
	for (int i = 0; i < n; i++) {
		if (out[i] == 0 || seen[out[i]])
			abort();
		seen[out[i]] = 1;
	}
	m = cs_ports_parse(s, out, 8);
	if ((n <= 8 && m != n) || (n > 8 && m != CS_ELIMIT))
		abort();
	return 0;
}
