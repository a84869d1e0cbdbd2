/* SPDX-License-Identifier: ISC */
/*
 * Fuzz target: the line iterator and TAB splitter (core/text.c).  Checks
 * that lines hold no LF, are numbered one by one, tile the input, and that
 * the fields of a line never exceed it.
 */
#include "fuzz.h"

#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "core/poison.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct cs_lines l;
	struct cs_span ln, f[8];
	size_t covered = 0;

	cs_lines_init(&l, data, size);
	while (cs_lines_next(&l, &ln)) {
		size_t nf, total = 0;

		if (memchr(ln.p, '\n', ln.n) != NULL || ln.p != data + covered)
			abort();
		covered = l.off;
		nf = cs_tsv_split(ln, f, CS_NELEM(f), l.line % 2 == 0);
		if (nf == 0 || nf > CS_NELEM(f) + 1)
			abort();
		for (size_t i = 0; i < nf && i < CS_NELEM(f); i++) {
			if (f[i].p < ln.p || f[i].p + f[i].n > ln.p + ln.n)
				abort();
			total += f[i].n;
		}
		if (total > ln.n)
			abort();
	}
	if (covered != size)
		abort();
	return 0;
}
