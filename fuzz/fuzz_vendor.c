/* SPDX-License-Identifier: ISC */
/* Fuzz target: binary vendor framings (Hikvision, Dahua, Xiongmai). */
#include "fuzz.h"

#include "parse/parse_vendor.h"
#include "core/poison.h"

static volatile size_t sink; /* keeps the reads from being optimised out */

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct cs_hik_sdk h;
	struct cs_dh_dvrip d;
	struct cs_xm_msg x;
	struct cs_dhip p;
	size_t sum = 0;

	(void)cs_hik_sdk_parse(data, size, &h);
	if (cs_dh_dvrip_parse(data, size, &d) == 0)
		for (size_t i = 0; i < d.payload.n; i++)
			sum += d.payload.p[i];
	if (cs_xm_parse(data, size, &x) == 0 && x.payload.n > 0)
		sum += x.payload.p[x.payload.n - 1];
	if (cs_dhip_parse(data, size, &p) == 0 && p.body.n > 0)
		sum += p.body.p[p.body.n - 1];
	sink = sum;
	return 0;
}
