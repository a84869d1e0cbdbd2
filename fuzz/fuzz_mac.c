/* SPDX-License-Identifier: ISC */
/*
 * Fuzz target: the Ethernet address parser (core/addr.c).  Checks that
 * each mode accepts a subset of the looser one with the same bytes, and
 * that an accepted address prints back (cs_hwaddr_format) to a form every
 * mode reads.
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
	uint8_t loose[6], strict[6], colon[6], back[6];
	int rl = cs_hwaddr_parse(s, CS_HWADDR_LOOSE, loose);
	int rs = cs_hwaddr_parse(s, 0, strict);
	int rc = cs_hwaddr_parse(s, CS_HWADDR_COLON, colon);
	char txt[18];

	if ((rs == 0 && (rl != 0 || memcmp(loose, strict, 6) != 0)) ||
	    (rc == 0 && (rs != 0 || memcmp(colon, strict, 6) != 0)))
		abort();
	if (rl != 0)
		return 0;
	cs_hwaddr_format(loose, txt);
	if (strlen(txt) != 17)
		abort();
	if (cs_hwaddr_parse(cs_span_make(txt, 17), CS_HWADDR_COLON, back) !=
		0 ||
	    memcmp(back, loose, 6) != 0)
		abort();
	return 0;
}
