/* SPDX-License-Identifier: ISC */
/*
 * Review: what changed between two recorded scans.  A device is matched
 * by its device id (schema v4: kept within its site across address
 * changes, keyed by MAC, else serial, else address), and compared only
 * where both scans looked: a device outside the other scan's recorded
 * scope was not looked for there, so it is neither new nor gone, only
 * counted.
 */
#ifndef CS_AUDIT_DIFF_H
#define CS_AUDIT_DIFF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "fp/fp.h"
#include "store/store.h"

/* One device of a scan, as diff compares it. */
struct cs_audit_dev {
	char ip[46];
	char mac[24];
	struct cs_identity id;
	int64_t first_seen;
	int64_t device_id; /* the same device keeps it when it moves */
	char site[64];
};

enum cs_audit_change {
	CS_AUDIT_NEW,
	CS_AUDIT_GONE,
	CS_AUDIT_MOVED,
	CS_AUDIT_CHANGED,
};

/* "new", "gone", "moved" or "changed". */
const char *cs_audit_change_name(enum cs_audit_change c);

/*
 * One change: a is the device in the first scan (NULL for new), b in the
 * second (NULL for gone); detail says what changed ("" if nothing more),
 * in device-supplied text the caller escapes.  Valid during the call.
 */
typedef void (*cs_audit_diff_cb)(void *arg, enum cs_audit_change what,
				 const struct cs_audit_dev *a,
				 const struct cs_audit_dev *b,
				 const char *detail);

struct cs_audit_diff_result {
	size_t count[4];     /* by enum cs_audit_change */
	size_t outside_a;    /* devices of b outside a's scope, not compared */
	size_t outside_b;    /* devices of a outside b's scope, not compared */
	bool have_a, have_b; /* each scan's scope could be read back */
};

/*
 * Compares scan sa with scan sb, calling cb for each change: first the
 * devices of sb (moved, new, changed) in address order, then those of sa
 * that are gone.  Returns 0, CS_ENOTFOUND (either scan does not exist) or
 * CS_EIO (cs_store_errmsg says why).
 */
int cs_audit_diff(struct cs_store *st, int64_t sa, int64_t sb,
		  cs_audit_diff_cb cb, void *arg,
		  struct cs_audit_diff_result *res);

#endif /* CS_AUDIT_DIFF_H */
