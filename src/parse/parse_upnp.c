/* SPDX-License-Identifier: ISC */
/* UPnP device descriptions; see parse_upnp.h. */
#include "parse/parse_upnp.h"

#include <string.h>

#include "core/str.h"
#include "parse/parse_soap.h"
#include "core/poison.h"

static const char *const names[] = {
    "deviceType",       "friendlyName", "manufacturer",    "manufacturerURL",
    "modelDescription", "modelName",    "modelNumber",     "modelURL",
    "serialNumber",     "UDN",          "presentationURL",
};

int
cs_upnp_parse(const uint8_t *p, size_t n, struct cs_upnp *out)
{
	char txt[CS_NELEM(names)][128];
	struct cs_xml_meta meta;
	char *const dst[] = {
	    out->device_type,
	    out->friendly_name,
	    out->manufacturer,
	    out->manufacturer_url,
	    out->model_description,
	    out->model_name,
	    out->model_number,
	    out->model_url,
	    out->serial,
	    out->udn,
	    out->presentation_url,
	};
	int rc;

	memset(out, 0, sizeof(*out));
	rc = cs_xml_find_text(p, n, names, CS_NELEM(names), txt, &meta);
	if (rc != 0)
		return rc;
	/* A salvaged fragment may have lost its root. */
	out->salvaged = meta.salvaged;
	if (strcmp(meta.root, "root") != 0 && !meta.salvaged)
		return CS_EPROTO;
	for (size_t i = 0; i < CS_NELEM(names); i++)
		cs_strlcpy(dst[i], txt[i], CS_UPNP_FIELD);
	return 0;
}
