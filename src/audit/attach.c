/* SPDX-License-Identifier: ISC */
/* Cameras behind a recorder; see attach.h. */
#include "audit/attach.h"

#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"
#include "core/str.h"
#include "parse/parse_nvr.h"
#include "core/poison.h"

/* Labels that name a protocol, not a maker. */
static bool
generic_vendor(const char *v)
{
	static const char *const g[] = {"",     "ONVIF",   "Private",
					"RTSP", "General", "Other"};

	for (size_t i = 0; i < CS_NELEM(g); i++)
		if (cs_span_ieq(cs_span_make(v, strlen(v)), g[i]))
			return true;
	return false;
}

/*
 * Falls back on the model-number table (data/entities/models.tsv) when the
 * recorder's vendor field is generic ("Private", "ONVIF"): the model a
 * recorder reports for a channel names its maker through the numbering
 * scheme (IP4M-1041B: Amcrest, made by Dahua).
 */
struct resolver {
	const struct cs_fpdb *db;
};

static int
resolve_brand(void *ctx, const char *name, char *brand, size_t brandsz,
	      char *maker, size_t makersz)
{
	const struct cs_fpdb *db = ((const struct resolver *)ctx)->db;

	if (db == NULL)
		return CS_ENOTFOUND;
	return cs_fpdb_lookup_brand(db, name, brand, brandsz, maker, makersz,
				    NULL);
}

static void
identify_by_model(const struct cs_fpdb *fp, const struct cs_models *models,
		  const struct cs_nvr_channel *c, struct cs_attachment *a)
{
	struct cs_lookup_result r;
	struct resolver rs = {fp};

	if (models == NULL || c->model[0] == '\0' || a->manufacturer[0])
		return;
	if (cs_lookup_query(models, c->model, resolve_brand, &rs, &r) !=
		CS_LOOKUP_MODEL ||
	    r.maker[0] == '\0')
		return;
	cs_strlcpy(a->manufacturer, r.maker, sizeof(a->manufacturer));
	cs_strlcpy(a->brand, r.brand[0] ? r.brand : r.maker, sizeof(a->brand));
	if (a->id_model[0] == '\0')
		cs_strlcpy(a->id_model, c->model, sizeof(a->id_model));
	if (a->device_class == CS_CLASS_UNKNOWN)
		a->device_class = CS_CLASS_CAMERA;
}

static void
identify(const struct cs_fpdb *fp, const struct cs_nvr_channel *c,
	 struct cs_attachment *a)
{
	struct cs_obs_list l;
	struct cs_identity *id;

	if (fp == NULL)
		return;
	cs_obs_list_init(&l);
	if (!generic_vendor(c->vendor))
		cs_obs_adds(&l, "onvif.manufacturer", 0, c->vendor);
	if (c->model[0])
		cs_obs_adds(&l, "onvif.model", 0, c->model);
	if (l.n == 0) {
		cs_obs_list_free(&l);
		return;
	}
	id = cs_xmalloc(sizeof(*id));
	cs_fp_identify(fp, &l, id);
	cs_strlcpy(a->manufacturer, id->manufacturer, sizeof(a->manufacturer));
	cs_strlcpy(a->brand, id->brand, sizeof(a->brand));
	cs_strlcpy(a->id_model, id->model, sizeof(a->id_model));
	a->device_class = id->device_class;
	free(id);
	cs_obs_list_free(&l);
}

size_t
cs_audit_attachments(const struct cs_fpdb *fp, const struct cs_models *models,
		     const struct cs_obs_list *obs, struct cs_attachment *out,
		     size_t cap)
{
	size_t n = 0;

	if (obs == NULL)
		return 0;
	for (size_t i = 0; i < obs->n && n < cap; i++) {
		const struct cs_obs *o = &obs->v[i];
		struct cs_nvr_channel c;
		struct cs_attachment *a;

		if (strcmp(o->key, "nvr.channel") != 0 ||
		    cs_nvr_channel_from_json(o->val, o->len, &c) != 0)
			continue;
		a = &out[n++];
		memset(a, 0, sizeof(*a));
		a->channel = c.channel;
		cs_strlcpy(a->ip, c.ip, sizeof(a->ip));
		a->port = c.port;
		cs_strlcpy(a->name, c.name, sizeof(a->name));
		cs_strlcpy(a->model, c.model, sizeof(a->model));
		cs_strlcpy(a->serial, c.serial, sizeof(a->serial));
		cs_strlcpy(a->firmware, c.firmware, sizeof(a->firmware));
		cs_strlcpy(a->vendor, c.vendor, sizeof(a->vendor));
		cs_strlcpy(a->mac, c.mac, sizeof(a->mac));
		identify(fp, &c, a);
		identify_by_model(fp, models, &c, a);
	}
	return n;
}
