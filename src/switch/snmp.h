/* SPDX-License-Identifier: ISC */
/*
 * Reading a switch's or router's tables over SNMP v2c or v3 through
 * Net-SNMP's library (the only file that includes its headers is
 * snmp.c).  Read-only: the only request ever built is GETBULK (RFC 3416
 * §4.2.3), under a request rate cap and a timeout per device; the
 * destination passes the scope's one check (engine/scope.h) first.
 */
#ifndef CS_SWITCH_SNMP_H
#define CS_SWITCH_SNMP_H

#include <stddef.h>
#include <stdint.h>

#include "engine/scope.h"
#include "switch/switch.h"

struct cs_sw_snmp_opts {
	double rate;         /* requests per second to one device (> 0) */
	unsigned timeout_ms; /* per request, before its one retry */
	unsigned retries;    /* retries of a request that timed out */
	unsigned max_reps;   /* GETBULK max-repetitions */
	size_t max_requests; /* requests to one device, at most */
};
#define CS_SW_SNMP_DEFAULT ((struct cs_sw_snmp_opts){10.0, 2000, 1, 20, 20000})

struct cs_sw_snmp_stats {
	size_t requests; /* GETBULK requests sent (retries not counted) */
	size_t bindings; /* variable bindings received */
	double seconds;  /* time spent on the device */
};

/*
 * Walks the subtrees of cs_sw_walk_roots(c->role == CS_SW_ROUTER) on
 * device c and feeds every binding to cs_sw_ingest(d).  Refuses (CS_ESCOPE)
 * a device whose address the scope's check refuses, before anything is
 * sent.  Returns 0, CS_ESCOPE, or CS_EIO (no answer, an authentication
 * failure, an error status) with a message in err that names the device
 * and never a secret; what was read before a failure stays in d.
 */
int cs_sw_snmp_collect(const struct cs_scope *scope, const struct cs_sw_conf *c,
		       const struct cs_sw_snmp_opts *o, struct cs_sw_dev *d,
		       struct cs_sw_snmp_stats *st, char *err, size_t errsz);

#endif /* CS_SWITCH_SNMP_H */
