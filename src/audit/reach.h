/* SPDX-License-Identifier: ISC */
/*
 * Reach: from a host on a core network, which stored surveillance devices
 * answer?  Only TCP connections are made (the engine's connect-only mode:
 * no probe, not a byte sent), to the ports each device was seen with, and
 * each answer is recorded under the vantage's name for assess to raise
 * the device as reachable from core.
 */
#ifndef CS_AUDIT_REACH_H
#define CS_AUDIT_REACH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "engine/scope.h"
#include "store/store.h"

/* Called once per device checked, after its answer is recorded. */
typedef void (*cs_audit_reach_cb)(void *arg, const char *ip, bool answered);

struct cs_audit_reach_result {
	size_t ndev; /* surveillance devices (or not yet established) checked */
	size_t nup;  /* of which answered */
};

/*
 * Checks the devices of scan_id whose identity is surveillance (or not
 * established) and whose address lies in targets, never connecting to an
 * address of exc (the same exclusions a scan applies), on their stored
 * ports (80 and 554 when none is stored).  Records each result under
 * vantage and calls cb.  res->ndev == 0 means nothing was checked.
 * Returns 0, CS_EIO (store error: cs_store_errmsg), or CS_EINVAL when the
 * event loop cannot start (err says so); err is "" when the store gave no
 * message.
 */
int cs_audit_reach(struct cs_store *st, int64_t scan_id,
		   const struct cs_scope *targets,
		   const struct cs_interval *exc, size_t nexc,
		   const char *vantage, cs_audit_reach_cb cb, void *arg,
		   struct cs_audit_reach_result *res, char *err, size_t errsz);

#endif /* CS_AUDIT_REACH_H */
