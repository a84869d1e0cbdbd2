/* SPDX-License-Identifier: ISC */
/* Fuzz target: the phone-home endpoint list (TSV) and name, IPv4 and IPv6
 * flow matching (the destination also taken from the input's first 16
 * bytes). */
#include "fuzz.h"

#include <string.h>

#include "passive/phonehome.h"
#include "core/poison.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct cs_ph ph = {0};
	char err[256];

	(void)cs_ph_add_mem(&ph, "fuzz", data, size, err, sizeof(err));
	(void)cs_ph_match_name(&ph, "a.b.hik-connect.com");
	(void)cs_ph_match_flow(&ph, 0x01020304u, 17, 32100,
			       cs_span_make(data, size));
	{
		static const uint8_t fixed[16] = {0x20, 0x01, 0x0d,
						  0xb8, [15] = 7};
		uint8_t a[16] = {0};

		memcpy(a, data, size < 16 ? size : 16);
		(void)cs_ph_match_flow6(&ph, fixed, 6, 443,
					cs_span_make(data, size));
		(void)cs_ph_match_flow6(&ph, a, 17, 32100,
					cs_span_make(data, size));
		(void)cs_ph_addr6_local(a);
	}
	cs_ph_free(&ph);
	return 0;
}
