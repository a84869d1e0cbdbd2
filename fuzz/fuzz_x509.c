/* SPDX-License-Identifier: ISC */
/* Fuzz target: X.509 certificates, PEM and DER. */
#include "fuzz.h"

#include "parse/parse_x509.h"
#include "core/poison.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct cs_x509 x;

	(void)cs_x509_parse(data, size, &x);
	(void)cs_x509_parse_der(data, size, &x);
	(void)cs_x509_key_name(x.key);
	return 0;
}
