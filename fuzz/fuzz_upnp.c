/* SPDX-License-Identifier: ISC */
/* Fuzz target: UPnP device description XML. */
#include "fuzz.h"

#include "parse/parse_upnp.h"
#include "core/poison.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct cs_upnp u;

	(void)cs_upnp_parse(data, size, &u);
	return 0;
}
