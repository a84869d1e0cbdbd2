/* SPDX-License-Identifier: ISC */
/*
 * Devices only the switches know (docs/switches.md, "Devices only the
 * switch knows"): a MAC `camsweep switches` placed on an edge port that
 * no scan has seen.  Its identity is what its MAC alone says, derived by
 * the same rules as a scanned device's MAC-only evidence (the
 * observations "mac", "mac.maker" and "mac.registrant" through
 * cs_fp_identify), so assess treats it as it treats a scanned device
 * with that identity: a maker that makes more than video surveillance
 * leaves the class unknown and surveillance not established (issue #11),
 * and a covered maker then raises the confirm-class finding, never a
 * stronger one.  Its findings are keyed by MAC (cs_audit_placed_key),
 * not by an address it may not have.
 */
#ifndef CS_AUDIT_PLACED_H
#define CS_AUDIT_PLACED_H

#include <stdbool.h>
#include <stddef.h>

#include "fp/fp.h"
#include "store/store.h"

/*
 * The identity MAC-only evidence gives: mac (text), the maker its
 * registry block maps to and the block's registrant (either may be "" or
 * NULL), identified by db's rules.  Fills *out.
 */
void cs_audit_mac_identity(const struct cs_fpdb *db, const char *mac,
			   const char *maker, const char *registrant,
			   struct cs_identity *out);

/*
 * The identity of a device only the switches know: from its MAC and its
 * placement's OUI name (a maker db knows, else the registrant) when db
 * is not NULL; else the identity columns stored with the device (no
 * evidence).  Fills *out.
 */
void cs_audit_placed_identity(const struct cs_fpdb *db,
			      const struct cs_placed_device *d,
			      struct cs_identity *out);

/*
 * Fills *row (zeroed first: no ports, no attachments, sighting_id 0) as a
 * device row of d with identity id (NULL: the stored columns).
 */
void cs_audit_placed_row(const struct cs_placed_device *d,
			 const struct cs_identity *id,
			 struct cs_device_row *row);

/* The device part of a finding key for d: "mac:" and its MAC. */
void cs_audit_placed_key(const struct cs_placed_device *d, char *out,
			 size_t outsz);

/* True for a finding key whose device part is a MAC ("mac:..." or
 * "site@mac:..."): a finding of a device only the switches know. */
bool cs_audit_key_is_placed(const char *key);

#endif /* CS_AUDIT_PLACED_H */
