/* SPDX-License-Identifier: ISC */
/* Fuzz target: the phone-home endpoint list (TSV) and name matching. */
#include "fuzz.h"

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
	cs_ph_free(&ph);
	return 0;
}
