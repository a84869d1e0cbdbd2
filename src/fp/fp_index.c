/* SPDX-License-Identifier: ISC */
/*
 * Rules indexed by observation key.  Identification used to try every
 * rule's `on` list against every observation, so its cost grew with the
 * whole rule base; with the index it grows only with the rules that read
 * the observation's key (issue #11: many more long-tail rules, same
 * speed).  Built once at load time; read-only afterwards, so a loaded
 * database stays shareable between threads.
 */
#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"
#include "core/cs.h"
#include "core/str.h"
#include "fp/fp_int.h"

static int
kidx_cmp(const void *a, const void *b)
{
	const struct fp_keyidx *x = a, *y = b;

	return strncmp(x->key, y->key, CS_OBS_MAX_KEY);
}

void
cs_fp_index_free(struct cs_fpdb *db)
{
	/* the prefilter was compiled from the rules being re-indexed */
	cs_fp_pre_free(db);
	for (size_t i = 0; i < db->nkidx; i++)
		free(db->kidx[i].rule);
	free(db->kidx);
	db->kidx = NULL;
	db->nkidx = 0;
}

/* The entry for key, appending a new one when absent (unsorted phase). */
static struct fp_keyidx *
entry(struct cs_fpdb *db, const char *key, size_t *cap)
{
	struct fp_keyidx *e;

	for (size_t i = 0; i < db->nkidx; i++)
		if (strncmp(db->kidx[i].key, key, CS_OBS_MAX_KEY) == 0)
			return &db->kidx[i];
	if (db->nkidx == *cap) {
		*cap = *cap ? *cap * 2 : 32;
		db->kidx = cs_xrealloc(db->kidx, *cap, sizeof(*db->kidx));
	}
	e = &db->kidx[db->nkidx++];
	memset(e, 0, sizeof(*e));
	cs_strlcpy(e->key, key, sizeof(e->key));
	return e;
}

void
cs_fp_index_build(struct cs_fpdb *db)
{
	size_t cap = 0;

	cs_fp_index_free(db);
	for (size_t r = 0; r < db->nrules; r++) {
		const struct fp_rule *rule = &db->rules[r];

		for (size_t k = 0; k < rule->nkeys; k++) {
			struct fp_keyidx *e = entry(db, rule->keys[k], &cap);

			/* a key listed twice in one rule counts once */
			if (e->n > 0 && e->rule[e->n - 1] == r)
				continue;
			e->rule =
			    cs_xrealloc(e->rule, e->n + 1, sizeof(*e->rule));
			e->rule[e->n++] = r;
		}
	}
	if (db->nkidx > 1)
		qsort(db->kidx, db->nkidx, sizeof(*db->kidx), kidx_cmp);
}

const struct fp_keyidx *
cs_fp_index_find(const struct cs_fpdb *db, const char *key)
{
	size_t lo = 0, hi = db->nkidx;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strncmp(db->kidx[mid].key, key, CS_OBS_MAX_KEY);

		if (c == 0)
			return &db->kidx[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}
