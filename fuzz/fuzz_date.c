/* SPDX-License-Identifier: ISC */
/*
 * Fuzz target: the ISO 8601 date parser (core/text.c).  Checks the ranges
 * of what it accepts and that stricter flags accept a subset.
 */
#include "fuzz.h"

#include <stdlib.h>

#include "core/text.h"
#include "core/poison.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct cs_span s = cs_span_make(data, size);
	const unsigned all = CS_DATE_YEAR | CS_DATE_MONTH | CS_DATE_TIME;
	struct cs_date d, e;
	int rc = cs_date_parse(s, all, &d);

	if (rc == 0 &&
	    (d.year < 0 || d.year > 9999 || d.month < 0 || d.month > 12 ||
	     d.day < 0 || d.day > 31 || d.hour > 23 || d.minute > 59 ||
	     d.second > 59 || (d.day > 0 && d.month == 0)))
		abort();
	if (cs_date_parse(s, 0, &e) == 0 && (rc != 0 || e.day == 0))
		abort();
	if (cs_date_parse(s, all | CS_DATE_CALENDAR, &e) == 0 && rc != 0)
		abort();
	return 0;
}
