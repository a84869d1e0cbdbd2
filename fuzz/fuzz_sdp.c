/* SPDX-License-Identifier: ISC */
/* Fuzz target: SDP session descriptions. */
#include "fuzz.h"

#include "parse/parse_sdp.h"
#include "core/poison.h"

static volatile size_t sink; /* keeps the reads from being optimised out */

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct cs_sdp s;
	size_t sum = 0;

	if (cs_sdp_parse(data, size, &s) == 0 || s.nattr > 0) {
		/* Touch every span so ASan checks its bounds. */
		for (size_t i = 0; i < s.nattr; i++)
			for (size_t j = 0; j < s.attr[i].n; j++)
				sum += s.attr[i].p[j];
		for (size_t j = 0; j < s.session.n; j++)
			sum += s.session.p[j];
	}
	sink = sum;
	return 0;
}
