/* SPDX-License-Identifier: ISC */
/* Fuzz target: SSDP NOTIFY / M-SEARCH messages and responses. */
#include "fuzz.h"

#include "parse/parse_ssdp.h"
#include "core/poison.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct cs_ssdp s;

	(void)cs_ssdp_parse(data, size, &s);
	return 0;
}
