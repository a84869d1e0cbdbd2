/* SPDX-License-Identifier: ISC */
/*
 * Fuzz target: the regime file parser (policy/regime.c), its inline
 * examples included.  A file that parses must leave a set whose counts
 * stay within their caps, whose strings are NUL-terminated and whose
 * examples expect only obligations of their regime; a file that does not
 * must leave the set as it was.
 */
#include "fuzz.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "policy/regime.h"
#include "core/poison.h"

static void
check_str(const char *s, size_t n)
{
	if (memchr(s, '\0', n) == NULL)
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct cs_regime_set set;
	char err[2048];
	int rc;

	cs_regime_set_init(&set);
	rc = cs_regime_parse(&set, "f.regime", data, size, err, sizeof(err));
	check_str(err, sizeof(err));
	if (rc != 0 && set.n != 0)
		abort();
	for (size_t i = 0; i < set.n; i++) {
		const struct cs_regime *r = &set.r[i];

		if (r->nobl == 0 || r->nobl > CS_REGIME_MAX_OBLIGATIONS ||
		    r->nent > CS_REGIME_MAX_ENTITIES ||
		    r->nex > CS_REGIME_MAX_EXAMPLES)
			abort();
		check_str(r->id, sizeof(r->id));
		if (cs_regime_find(&set, r->id) != r)
			abort();
		for (size_t j = 0; j < r->nex; j++) {
			const struct cs_regime_example *x = &r->ex[j];

			if (x->nexp > CS_REGIME_MAX_EXPECT)
				abort();
			check_str(x->maker, sizeof(x->maker));
			check_str(x->as_of, sizeof(x->as_of));
			for (size_t e = 0; e < x->nexp; e++) {
				bool hit =
				    strcmp(x->exp[e].obl, "confirm-class") == 0;
				for (size_t o = 0; o < r->nobl; o++)
					hit |= strcmp(r->obl[o].id,
						      x->exp[e].obl) == 0;
				if (!hit)
					abort();
			}
		}
	}
	cs_regime_set_free(&set);
	return 0;
}
