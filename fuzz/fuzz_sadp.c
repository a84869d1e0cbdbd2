/* SPDX-License-Identifier: ISC */
/* Fuzz target: Hikvision SADP XML. */
#include "fuzz.h"

#include <stdlib.h>
#include <string.h>

#include "parse/parse_soap.h"
#include "parse/parse_sadp.h"
#include "core/poison.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct cs_sadp a, b;
	int ra, rb;

	memset(&a, 0, sizeof(a));
	memset(&b, 0, sizeof(b));
	ra = cs_sadp_parse(data, size, &a);
	/* Oracle: the same through expat alone (parse_soap.c's fast path). */
	(void)cs_xml_fast_set(false);
	rb = cs_sadp_parse(data, size, &b);
	(void)cs_xml_fast_set(true);
	if (ra != rb || memcmp(&a, &b, sizeof(a)) != 0)
		abort();
	return 0;
}
