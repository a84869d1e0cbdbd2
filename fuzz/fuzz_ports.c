/* SPDX-License-Identifier: ISC */
/*
 * Fuzz target: the port-list parser (core/addr.c).  Checks the count
 * against the cap, that every port is 1-65535 and named once, that a
 * smaller cap never yields more ports, and that nmap's forms
 * (CS_PORTS_REPEAT_OK, CS_PORTS_TCP_PREFIX) accept all the strict form
 * does, with the same ports, and still name each port once.
 */
#include "fuzz.h"

#include <stdlib.h>
#include <string.h>

#include "core/addr.h"
#include "core/poison.h"

static uint16_t out[65535], loose[65535];
static uint8_t seen[65536];

static void
once(const uint16_t *v, int n)
{
	memset(seen, 0, sizeof(seen));
	for (int i = 0; i < n; i++) {
		if (v[i] == 0 || seen[v[i]])
			abort();
		seen[v[i]] = 1;
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const unsigned nmap = CS_PORTS_REPEAT_OK | CS_PORTS_TCP_PREFIX;
	struct cs_span s = cs_span_make(data, size);
	int n = cs_ports_parse(s, 0, out, CS_NELEM(out)), m;
	int l = cs_ports_parse(s, nmap, loose, CS_NELEM(loose));

	if (n == 0 || n > (int)CS_NELEM(out) || l == 0 ||
	    l > (int)CS_NELEM(loose))
		abort();
	if (l > 0)
		once(loose, l);
	if (n < 0)
		return 0;
	if (l != n || memcmp(out, loose, (size_t)n * sizeof(out[0])) != 0)
		abort();
	once(out, n);
	m = cs_ports_parse(s, 0, out, 8);
	if ((n <= 8 && m != n) || (n > 8 && m != CS_ELIMIT))
		abort();
	return 0;
}
