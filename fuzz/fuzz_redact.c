/* SPDX-License-Identifier: ISC */
/*
 * Fuzz target: secret removal (core/redact.c) on arbitrary bytes.  Checks
 * its invariants: the result is bounded, and redacting twice changes
 * nothing more than once (no secret survives a pass).
 */
#include "fuzz.h"

#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/redact.h"
#include "core/poison.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct cs_buf a, b;
	int n;

	cs_buf_init(&a, 16 * size + 64);
	cs_buf_init(&b, 16 * size + 64);
	n = cs_redact(&a, data, size);
	if (n < 0 || a.len > size + 10 * (size_t)n)
		abort();
	if (cs_redact(&b, a.p ? a.p : (const uint8_t *)"", a.len) < 0 ||
	    b.len != a.len || (a.len && memcmp(a.p, b.p, a.len) != 0))
		abort();
	cs_buf_free(&a);
	cs_buf_free(&b);
	return 0;
}
