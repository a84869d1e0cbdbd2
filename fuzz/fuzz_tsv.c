/* SPDX-License-Identifier: ISC */
/*
 * Fuzz target: the line iterator and TAB splitter (core/text.c).  Checks
 * that lines hold no LF, are numbered one by one, tile the input, and that
 * the fields of a line never exceed it; and that the bounded iterator
 * (cs_lines_next_max, its max the first byte) returns the same lines,
 * refusing exactly those over max bytes with their CR and LF.
 */
#include "fuzz.h"

#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "core/poison.h"

static void
bounded(const uint8_t *data, size_t size, size_t max)
{
	struct cs_lines a, b;
	struct cs_span la, lb;

	cs_lines_init(&a, data, size);
	cs_lines_init(&b, data, size);
	for (;;) {
		size_t start = a.off, raw;
		bool more = cs_lines_next(&a, &la);
		int r = cs_lines_next_max(&b, max, &lb);

		if (!more) {
			if (r != 0)
				abort();
			return;
		}
		raw = a.off - start + (data[a.off - 1] != '\n' ? 1 : 0);
		if (r != (raw > max ? CS_ELIMIT : 1) || la.p != lb.p ||
		    la.n != lb.n || a.line != b.line || a.off != b.off)
			abort();
	}
}

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
	bounded(data, size, size > 0 ? data[0] : 0);
	return 0;
}
