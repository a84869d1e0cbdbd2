/* SPDX-License-Identifier: ISC */
/* Fuzz target: SOAP envelopes and generic small XML documents. */
#include "fuzz.h"

#include <stdlib.h>
#include <string.h>

#include "parse/parse_soap.h"
#include "core/poison.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const names[] = {"statusValue", "model",
					    "DeviceDescription", "Envelope"};
	struct cs_soap *s = malloc(sizeof(*s)), *e = malloc(sizeof(*e));
	char out[4][128], eout[4][128];
	struct cs_xml_meta meta, emeta;
	int rc, erc, frc, efrc;

	if (s == NULL || e == NULL) {
		free(s);
		free(e);
		return 0;
	}
	memset(out, 0, sizeof(out));
	memset(eout, 0, sizeof(eout));
	rc = cs_soap_parse(data, size, s);
	frc = cs_xml_find_text(data, size, names, 4, out, &meta);
	/* Oracle: expat alone gives the same, byte for byte (the fast path
	 * of parse_soap.c reads only what it can match expat on). */
	(void)cs_xml_fast_set(false);
	erc = cs_soap_parse(data, size, e);
	efrc = cs_xml_find_text(data, size, names, 4, eout, &emeta);
	(void)cs_xml_fast_set(true);
	if (rc != erc || memcmp(s, e, sizeof(*s)) != 0 || frc != efrc ||
	    memcmp(out, eout, sizeof(out)) != 0 ||
	    memcmp(&meta, &emeta, sizeof(meta)) != 0)
		abort();
	free(s);
	free(e);
	return 0;
}
