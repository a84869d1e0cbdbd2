/* SPDX-License-Identifier: ISC */
/*
 * Fuzz target: the RFC 4180 CSV reader (core/text.c).  Reads every record
 * of the input; checks that it ends, that fields fit their caps and that
 * record lines never go backwards.
 */
#include "fuzz.h"

#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "core/poison.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct cs_csv c;
	char err[128];
	unsigned last = 0;
	size_t records = 0;
	int rc;

	cs_csv_init(&c, cs_span_make(data, size));
	while ((rc = cs_csv_next(&c, err, sizeof(err))) == 1) {
		if (c.nfield == 0 || c.nfield > CS_CSV_MAX_FIELDS ||
		    c.line < last || ++records > size)
			abort();
		for (size_t i = 0; i < c.nfield; i++)
			if (strnlen(c.field[i], CS_CSV_MAX_FIELD) >=
			    CS_CSV_MAX_FIELD)
				abort();
		last = c.line;
	}
	if (rc != 0 && rc != CS_ETRUNC && rc != CS_EPROTO && rc != CS_ELIMIT)
		abort();
	return 0;
}
