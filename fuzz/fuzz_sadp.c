/* SPDX-License-Identifier: ISC */
/* Fuzz target: Hikvision SADP XML. */
#include "fuzz.h"

#include "parse/parse_sadp.h"
#include "core/poison.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct cs_sadp s;

	(void)cs_sadp_parse(data, size, &s);
	return 0;
}
