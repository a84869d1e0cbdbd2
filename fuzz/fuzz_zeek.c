/* SPDX-License-Identifier: ISC */
/* Fuzz target: Zeek log lines (camsweep import zeek), one reader per input. */
#include "fuzz.h"

#include <string.h>

#include "parse/parse_zeek.h"
#include "core/poison.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct cs_zeek_row row;
	struct cs_zeek z;
	const char *p = (const char *)data, *end = p + size;
	char err[128];

	cs_zeek_init(&z);
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);

		(void)cs_zeek_line(&z, p, n, &row, err, sizeof(err));
		p += n + 1;
	}
	cs_zeek_free(&z);
	return 0;
}
