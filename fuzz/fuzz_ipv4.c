/* SPDX-License-Identifier: ISC */
/*
 * Fuzz target: the IPv4 dotted-quad parser (core/addr.c).  Checks that an
 * accepted address prints back to a quad the parser reads as the same
 * value, and that the strict mode accepts no more than the default.
 */
#include "fuzz.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/addr.h"
#include "core/poison.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct cs_span s = cs_span_make(data, size);
	uint32_t a, b;
	char txt[16];
	int rc = cs_ipv4_parse(s, 0, &a);

	if (cs_ipv4_parse(s, CS_IPV4_NO_LEADING_ZERO, &b) == 0 &&
	    (rc != 0 || a != b))
		abort();
	if (rc != 0)
		return 0;
	if (size < 7 || size > 15)
		abort();
	snprintf(txt, sizeof(txt), "%u.%u.%u.%u", a >> 24, (a >> 16) & 255,
		 (a >> 8) & 255, a & 255);
	if (cs_ipv4_parse(cs_span_make(txt, strlen(txt)),
			  CS_IPV4_NO_LEADING_ZERO, &b) != 0 ||
	    a != b)
		abort();
	return 0;
}
