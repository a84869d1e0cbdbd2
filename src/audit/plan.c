/* SPDX-License-Identifier: ISC */
/* The plan of findings; see plan.h. */
#include "audit/plan.h"

#include <string.h>

#include "core/poison.h"

int
cs_audit_plan_set(struct cs_store *st, int64_t id,
		  const struct cs_finding_plan *p, int64_t now,
		  struct cs_finding_row *out)
{
	int rc;

	memset(out, 0, sizeof(*out));
	rc = cs_store_finding_plan(st, id, p, now);
	if (rc == 0 && cs_store_finding_get(st, id, out) != 0)
		memset(out, 0, sizeof(*out));
	return rc;
}

int
cs_audit_plan_list(struct cs_store *st, const struct cs_finding_filter *flt,
		   bool all, cs_store_finding_cb cb, void *arg)
{
	struct cs_finding_filter f = *flt;

	f.active_only = !all;
	return cs_store_each_finding(st, &f, cb, arg);
}
