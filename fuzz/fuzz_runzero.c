/* SPDX-License-Identifier: ISC */
/*
 * Fuzz target: a runZero asset (camsweep import runzero): the input as
 * one JSON Lines asset, and as a CSV export read by core's RFC 4180
 * reader, its first record the header.  Checks the caps of what comes
 * out.
 */
#include "fuzz.h"

#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "parse/parse_runzero.h"
#include "core/poison.h"

static void
check(const struct cs_runzero_asset *a)
{
	if (a->ip[0] == '\0' || a->nports > CS_RUNZERO_PORTS_MAX ||
	    a->nmacs > CS_RUNZERO_MACS_MAX ||
	    memchr(a->name, '\0', sizeof(a->name)) == NULL)
		abort();
	for (size_t i = 0; i < a->nports; i++)
		if (a->ports[i] == 0)
			abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct cs_runzero_asset a;
	static struct cs_csv c;
	const char *f[CS_CSV_MAX_FIELDS];
	struct cs_runzero_cols cols;
	char err[128];
	bool head = true;

	if (cs_runzero_json(data, size, &a, err, sizeof(err)) == 0)
		check(&a);
	cs_csv_init(&c, cs_span_make(data, size));
	while (cs_csv_next(&c, err, sizeof(err)) == 1) {
		for (size_t i = 0; i < c.nfield; i++)
			f[i] = c.field[i];
		if (head) {
			if (cs_runzero_csv_header(&cols, f, c.nfield, err,
						  sizeof(err)) != 0)
				break;
			head = false;
		} else if (cs_runzero_csv_row(&cols, f, c.nfield, &a, err,
					      sizeof(err)) == 0) {
			check(&a);
		}
	}
	return 0;
}
