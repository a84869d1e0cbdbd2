/* SPDX-License-Identifier: ISC */
/*
 * The lookup use case (audit/lookup.h): the model table's answer, then
 * the brand's relation and the maker's details from the knowledge base.
 * `camsweep lookup` (cli/cli_lookup.c) prints it.
 */
#include "audit/lookup.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "core/cs.h"
#include "core/str.h"
#include "core/poison.h"

static int
resolve_brand(void *ctx, const char *name, char *brand, size_t brandsz,
	      char *maker, size_t makersz)
{
	const struct cs_fpdb *db = ctx;

	if (db == NULL)
		return CS_ENOTFOUND;
	return cs_fpdb_lookup_brand(db, name, brand, brandsz, maker, makersz,
				    NULL);
}

static void
enrich(const struct cs_fpdb *db, struct cs_audit_answer *a)
{
	struct cs_lookup_result *r = &a->r;

	if (db == NULL)
		return;
	if (r->status == CS_LOOKUP_BRAND && r->brand[0] != '\0' &&
	    cs_fpdb_brand_info(db, r->brand, r->model, &a->bi) == 0) {
		a->have_bi = true;
		if (a->bi.maker[0] != '\0')
			cs_strlcpy(r->maker, a->bi.maker, sizeof(r->maker));
		cs_strlcpy(r->relation, a->bi.relation, sizeof(r->relation));
		cs_strlcpy(r->line, a->bi.line, sizeof(r->line));
		cs_strlcpy(r->until, a->bi.to, sizeof(r->until));
		cs_strlcpy(r->source, a->bi.source, sizeof(r->source));
		r->confidence = a->bi.confidence;
		if (a->bi.to[0] != '\0' && r->note[0] == '\0')
			snprintf(r->note, sizeof(r->note),
				 "relation with %s %s%s to %s; model era not "
				 "established",
				 a->bi.maker, a->bi.from[0] ? "from " : "",
				 a->bi.from, a->bi.to);
	}
	if (r->maker[0] != '\0' &&
	    cs_fpdb_maker_info(db, r->maker, &a->mi) == 0)
		a->have_mi = true;
}

enum cs_lookup_status
cs_audit_lookup(const struct cs_models *models, const struct cs_fpdb *db,
		const char *query, struct cs_audit_answer *a)
{
	memset(a, 0, sizeof(*a));
	cs_lookup_query(models, query, resolve_brand, (void *)(uintptr_t)db,
			&a->r);
	enrich(db, a);
	return a->r.status;
}
