/* SPDX-License-Identifier: ISC */
/*
 * `camsweep switches` (issue #22): read the switches and routers of a
 * switches file over SNMP (only those inside the scope of a recorded
 * scan: the scope's one check, engine/scope.h), place every MAC on its
 * edge port (switch/place.c) and record the placements in the inventory,
 * each linked to the device with that MAC in its site; a MAC no device
 * has becomes one, identified by its OUI.
 */
#ifndef CS_AUDIT_SWITCHES_H
#define CS_AUDIT_SWITCHES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "fp/fp.h"
#include "oui/oui.h"
#include "store/store.h"
#include "switch/snmp.h"
#include "switch/switch.h"

struct cs_audit_switches {
	/* inputs, borrowed */
	struct cs_store *st;
	int64_t scan_id; /* whose recorded scope the devices must lie in */
	const struct cs_sw_file *file;
	struct cs_sw_snmp_opts opts;
	struct cs_sw_rules rules;
	const char *site;         /* of the placements; NULL: the scan's */
	const struct cs_oui *oui; /* NULL: no OUI names */
	/* the rules that identify a device no scan has seen from its MAC
	 * (audit/placed.h); NULL: it keeps the OUI name alone */
	const struct cs_fpdb *fpdb;
	bool dry;    /* read and place, record nothing */
	int64_t now; /* unix seconds, the placements' time */
	/* each device read (rc 0) or not (rc < 0, err says why, never a
	 * secret); may be NULL */
	void (*on_device)(void *arg, const struct cs_sw_conf *c, int rc,
			  const char *err, const struct cs_sw_snmp_stats *s,
			  const struct cs_sw_dev *d);
	void *arg;
	/* outputs */
	struct cs_sw_result res;              /* placements, uplinks */
	size_t read_ok, read_failed, refused; /* devices */
	size_t linked, made; /* placements linked to a device / made */
	char err[512];
};

/*
 * Runs a.  Returns 0 (some devices may have failed: read_failed,
 * refused), CS_ENOTFOUND (no such scan, or its scope cannot be read
 * back), CS_EIO (a->err says why) or CS_ESCOPE (every device refused).
 */
int cs_audit_switches_run(struct cs_audit_switches *a);

void cs_audit_switches_free(struct cs_audit_switches *a);

#endif /* CS_AUDIT_SWITCHES_H */
