/* SPDX-License-Identifier: ISC */
/* Fuzz target: DNS / mDNS messages. */
#include "fuzz.h"

#include <stdlib.h>

#include "parse/parse_mdns.h"
#include "core/poison.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct cs_mdns *m = malloc(sizeof(*m));

	if (m == NULL)
		return 0;
	(void)cs_mdns_parse(data, size, m);
	free(m);
	return 0;
}
