/* SPDX-License-Identifier: ISC */
/* Devices only the switches know; see placed.h. */
#include "audit/placed.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/obs.h"
#include "core/str.h"
#include "core/poison.h"

void
cs_audit_mac_identity(const struct cs_fpdb *db, const char *mac,
		      const char *maker, const char *registrant,
		      struct cs_identity *out)
{
	struct cs_obs_list l;

	cs_obs_list_init(&l);
	/* as the decoder records a MAC and what the registry says of it
	 * (parse/decode.c, add_mac_bits) */
	(void)cs_obs_adds(&l, "mac", 0, mac);
	if ((maker != NULL && maker[0] != '\0') ||
	    (registrant != NULL && registrant[0] != '\0')) {
		(void)cs_obs_adds(&l, "mac.maker", 0, maker ? maker : "");
		(void)cs_obs_adds(&l, "mac.registrant", 0,
				  registrant ? registrant : "");
	}
	cs_fp_identify(db, &l, out);
	cs_obs_list_free(&l);
}

void
cs_audit_placed_identity(const struct cs_fpdb *db,
			 const struct cs_placed_device *d,
			 struct cs_identity *out)
{
	enum cs_class c;

	if (db != NULL) {
		struct cs_maker_info *mi = calloc(1, sizeof(*mi));
		/* the placement keeps the block's maker when the registry
		 * maps it (audit/switches.c: a maker's canonical name), else
		 * its registrant (which may be a maker's legal name) */
		bool maker = mi != NULL && d->place.oui[0] != '\0' &&
			     cs_fpdb_maker_info(db, d->place.oui, mi) == 0 &&
			     strcmp(mi->name, d->place.oui) == 0;

		free(mi);
		cs_audit_mac_identity(db, d->mac, maker ? d->place.oui : "",
				      maker ? "" : d->place.oui, out);
		return;
	}
	memset(out, 0, sizeof(*out));
	cs_strlcpy(out->manufacturer, d->manufacturer,
		   sizeof(out->manufacturer));
	cs_strlcpy(out->manufacturer_country, d->manufacturer_country,
		   sizeof(out->manufacturer_country));
	cs_strlcpy(out->brand, d->brand, sizeof(out->brand));
	cs_strlcpy(out->model, d->model, sizeof(out->model));
	cs_strlcpy(out->firmware, d->firmware, sizeof(out->firmware));
	out->device_class =
	    cs_class_parse(d->device_class, &c) == 0 ? c : CS_CLASS_UNKNOWN;
	out->surveillance = d->surveillance > 0;
	out->surveillance_known = d->surveillance >= 0;
	out->confidence = d->confidence;
}

void
cs_audit_placed_row(const struct cs_placed_device *d,
		    const struct cs_identity *id, struct cs_device_row *row)
{
	memset(row, 0, sizeof(*row));
	row->device_id = d->device_id;
	cs_strlcpy(row->ip, d->ip, sizeof(row->ip));
	if (id != NULL)
		row->id = *id;
	else
		cs_audit_placed_identity(NULL, d, &row->id);
	row->first_seen = d->first_seen;
	row->last_seen = d->last_seen;
	cs_strlcpy(row->mac, d->mac, sizeof(row->mac));
	cs_strlcpy(row->site, d->site, sizeof(row->site));
}

void
cs_audit_placed_key(const struct cs_placed_device *d, char *out, size_t outsz)
{
	snprintf(out, outsz, "mac:%s", d->mac);
}

bool
cs_audit_key_is_placed(const char *key)
{
	const char *at = strchr(key, '@'), *bar = strchr(key, '|');

	if (strncmp(key, "mac:", 4) == 0)
		return true;
	return at != NULL && (bar == NULL || at < bar) &&
	       strncmp(at + 1, "mac:", 4) == 0;
}
