/* SPDX-License-Identifier: ISC */
/* Fuzz target: SOAP envelopes and generic small XML documents. */
#include "fuzz.h"

#include <stdlib.h>

#include "parse/parse_soap.h"
#include "core/poison.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const names[] = {"statusValue", "model",
					    "DeviceDescription", "Envelope"};
	struct cs_soap *s = malloc(sizeof(*s));
	char out[4][128];
	struct cs_xml_meta meta;

	if (s == NULL)
		return 0;
	(void)cs_soap_parse(data, size, s);
	(void)cs_xml_find_text(data, size, names, 4, out, &meta);
	free(s);
	return 0;
}
