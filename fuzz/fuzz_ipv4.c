/* SPDX-License-Identifier: ISC */
/*
 * Fuzz target: the IPv4 dotted-quad parser (core/addr.c).  Checks that an
 * accepted address prints back to a quad the parser reads as the same
 * value, that the strict mode accepts no more than the default, and that
 * cs_ip_family calls a string IPv4 exactly when the strict mode accepts
 * it.
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
	int strict = cs_ipv4_parse(s, CS_IPV4_NO_LEADING_ZERO, &b);
	char *z;

	if (strict == 0 && (rc != 0 || a != b))
		abort();
	if (memchr(data, '\0', size) == NULL && (z = malloc(size + 1))) {
		uint8_t net[16];
		int fam;

		memcpy(z, data, size);
		z[size] = '\0';
		fam = cs_ip_family(z, net);
		free(z);
		if ((fam == 4) != (strict == 0) ||
		    (fam == 4 && ((uint32_t)net[0] << 24 | net[1] << 16 |
				  net[2] << 8 | net[3]) != b))
			abort();
	}
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
