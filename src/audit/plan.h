/* SPDX-License-Identifier: ISC */
/*
 * Act: the plan of each finding (owner, due date, status, risk acceptance
 * until a date, a note), changed by people and recorded with its history.
 * Only assess closes or withdraws a finding: a plan cannot.
 */
#ifndef CS_AUDIT_PLAN_H
#define CS_AUDIT_PLAN_H

#include <stdbool.h>
#include <stdint.h>

#include "store/store.h"

/*
 * Applies p to finding id at time now and, on success, reads the finding
 * back into *out (out->id is 0 if it could not be read).  Returns 0,
 * CS_EINVAL (bad status or date; "risk-accepted" needs an until date),
 * CS_ENOTFOUND or CS_EIO.
 */
int cs_audit_plan_set(struct cs_store *st, int64_t id,
		      const struct cs_finding_plan *p, int64_t now,
		      struct cs_finding_row *out);

/*
 * Calls cb for each finding flt selects, the active ones only unless all
 * (closed and withdrawn included).  Returns 0, cb's value or CS_EIO.
 */
int cs_audit_plan_list(struct cs_store *st, const struct cs_finding_filter *flt,
		       bool all, cs_store_finding_cb cb, void *arg);

#endif /* CS_AUDIT_PLAN_H */
