/* SPDX-License-Identifier: ISC */
/* Fuzz target: one Shodan banner line (camsweep import shodan). */
#include "fuzz.h"

#include "parse/parse_shodan.h"
#include "core/poison.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct cs_shodan_rec r;
	char err[128];

	(void)cs_shodan_parse(data, size, &r, err, sizeof(err));
	return 0;
}
