/* SPDX-License-Identifier: ISC */
/*
 * A device's exposure (issue #18, parts 4 and 5; docs/posture.md): the
 * known-exploited flaws its firmware carries (the KEV rows of data/vulns
 * matched through its lineage), whether it is past end of support, and
 * the posture facts its own replies showed, observed without touching:
 * never activated, maker cloud on, an RTSP stream open to anyone, ONVIF
 * device information given without credentials, HTTP Basic offered in
 * the clear, telnet or FTP open, no HTTPS, a
 * self-signed, expired or weak certificate.  Pure: reads its arguments
 * only.  The test=exposure regimes (kev, posture) turn it into findings.
 */
#ifndef CS_AUDIT_EXPOSURE_H
#define CS_AUDIT_EXPOSURE_H

#include <stddef.h>
#include <stdint.h>

#include "core/obs.h"
#include "fp/fp.h"
#include "policy/eval.h"
#include "vuln/vuln.h"

/*
 * The posture facts of one device from its observations (obs, n of them)
 * and open ports (ports, nports), as of the date as_of (YYYY-MM-DD: a
 * certificate past its notAfter is expired).  Appends one item per
 * signal shown to out (up to CS_EXPOSURE_MAX).  Device strings quoted in
 * the evidence are cut and kept as text (the report writers escape them
 * for their output).
 */
void cs_exposure_posture(const struct cs_obs *obs, size_t n,
			 const uint16_t *ports, size_t nports,
			 const char *as_of, struct cs_exposure *out);

/*
 * The KEV flaws (verdict affected or product) and the end of support of
 * a device with identity id as of as_of (YYYY-MM-DD), from db: appended
 * to out as items "kev" (one per CVE, with the BOD 22-01 due date and
 * the rule's source) and "eos".
 */
void cs_exposure_vulns(const struct cs_vulndb *db, const struct cs_identity *id,
		       const char *as_of, struct cs_exposure *out);

/*
 * Writes the items of e as lines "signal\tid\tdeadline\turl\tevidence\n"
 * (a compact form to keep per device between two passes; tabs and line
 * ends in fields become blanks) into a new string (free()); NULL when e
 * has no item.
 */
char *cs_exposure_pack(const struct cs_exposure *e);
/* Appends the items packed by cs_exposure_pack to out. */
void cs_exposure_unpack(const char *s, struct cs_exposure *out);

#endif /* CS_AUDIT_EXPOSURE_H */
