/* SPDX-License-Identifier: ISC */
/*
 * Where a recorded scan looked: its scope read back from the store, for
 * the use cases that must not judge what a scan did not look for (assess
 * closes findings only inside it, diff compares only inside both).
 */
#ifndef CS_AUDIT_SCOPE_H
#define CS_AUDIT_SCOPE_H

#include <stdbool.h>
#include <stdint.h>

#include "engine/scope.h"
#include "store/store.h"

/*
 * Rebuilds the scope scan_id was given (its targets less its exclusions)
 * into *out.  Returns false (and nothing to free) when it cannot be read
 * back, as for a passive `listen` run or an import, or, with complete,
 * when the scan is not complete (issue #12): only a complete scan looked
 * everywhere it was meant to.  On true the caller frees *out with
 * cs_scope_free.
 */
bool cs_audit_recorded_scope(struct cs_store *st, int64_t scan_id,
			     bool complete, struct cs_scope *out);

/*
 * True if the address text ip (IPv4 or IPv6) lies in sc; also true when
 * ip is not an address at all (left to the caller's other rules).  A
 * scan recorded before IPv6 was scanned has no IPv6 in its scope: an
 * IPv6 device is outside it.
 */
bool cs_audit_scope_has(const struct cs_scope *sc, const char *ip);

#endif /* CS_AUDIT_SCOPE_H */
