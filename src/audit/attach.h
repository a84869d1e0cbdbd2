/* SPDX-License-Identifier: ISC */
/*
 * Cameras behind a recorder (the application layer, used by the scan
 * session): turns the recorder's nvr.channel observations
 * (see docs/modules/hik-channels.md) into store attachments, each with an
 * identity derived from what the recorder says about the camera.
 */
#ifndef CS_AUDIT_ATTACH_H
#define CS_AUDIT_ATTACH_H

#include <stddef.h>

#include "core/obs.h"
#include "fp/fp.h"
#include "oui/models.h"
#include "store/store.h"

/*
 * Fills out[0..cap) from the nvr.channel observations of obs (borrowed),
 * identifying each camera with cs_fp_identify over a small observation
 * list built from its vendor and model strings (fp may be NULL: no
 * identity).  Observations that do not parse are skipped.  Returns the
 * number of attachments written.
 */
size_t cs_audit_attachments(const struct cs_fpdb *fp,
			    const struct cs_models *models,
			    const struct cs_obs_list *obs,
			    struct cs_attachment *out, size_t cap);

#endif /* CS_AUDIT_ATTACH_H */
