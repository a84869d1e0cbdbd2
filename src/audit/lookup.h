/* SPDX-License-Identifier: ISC */
/*
 * The lookup use case, the procurement check: who really makes a product
 * as a buyer types it ("BRAND MODEL", a model, a brand).  The model table
 * answers first (oui/models.h, brands resolved through the knowledge
 * base); a brand answer then takes the brand's relation (own, OEM,
 * former owner, with its dates and source) from the entity tables, and
 * the maker's legal name, country and parent are added.
 */
#ifndef CS_AUDIT_LOOKUP_H
#define CS_AUDIT_LOOKUP_H

#include <stdbool.h>

#include "fp/fp.h"
#include "oui/models.h"

struct cs_audit_answer {
	struct cs_lookup_result r;
	struct cs_maker_info mi; /* valid when have_mi */
	bool have_mi;
	struct cs_brand_info bi; /* valid when have_bi */
	bool have_bi;
};

/* Answers query into *a (cleared first).  db may be NULL (the model table
 * alone answers).  Returns a->r.status. */
enum cs_lookup_status cs_audit_lookup(const struct cs_models *models,
				      const struct cs_fpdb *db,
				      const char *query,
				      struct cs_audit_answer *a);

#endif /* CS_AUDIT_LOOKUP_H */
