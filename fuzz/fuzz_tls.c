/* SPDX-License-Identifier: ISC */
/* Fuzz target: the TLS ClientHello SNI / Certificate scanner. */
#include "fuzz.h"

#include "passive/pkt.h"
#include "core/poison.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct cs_tls t;

	if (cs_tls_scan(data, size, &t) == 0 && t.cert.n > 0 &&
	    (t.cert.p < data || t.cert.p + t.cert.n > data + size))
		__builtin_trap();
	return 0;
}
