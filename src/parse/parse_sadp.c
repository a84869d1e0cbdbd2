/* SPDX-License-Identifier: ISC */
/* Hikvision SADP documents; see parse_sadp.h. */
#include "parse/parse_sadp.h"

#include <string.h>

#include "core/str.h"
#include "parse/parse_soap.h"
#include "core/poison.h"

static const char *const names[] = {
    "Uuid",        "Types",     "DeviceType",       "DeviceDescription",
    "DeviceSN",    "MAC",       "IPv4Address",      "SoftwareVersion",
    "DSPVersion",  "OEMInfo",   "DetailOEMCode",    "HttpPort",
    "CommandPort", "Activated", "HCPlatformEnable",
};

int
cs_sadp_parse(const uint8_t *p, size_t n, struct cs_sadp *out)
{
	char txt[CS_NELEM(names)][128];
	struct cs_xml_meta meta;
	char *const dst[] = {
	    out->uuid,
	    out->types,
	    out->device_type,
	    out->description,
	    out->serial,
	    out->mac,
	    out->ipv4,
	    out->software_version,
	    out->dsp_version,
	    out->oem_info,
	    out->detail_oem_code,
	    out->http_port,
	    out->command_port,
	    out->activated,
	    out->hc_platform_enable,
	};
	int rc;

	memset(out, 0, sizeof(*out));
	rc = cs_xml_find_text(p, n, names, CS_NELEM(names), txt, &meta);
	if (rc != 0)
		return rc;
	/* A salvaged fragment may have lost its root (cs_xml_find_text
	 * found at least one field in it). */
	out->salvaged = meta.salvaged;
	if (strcmp(meta.root, "ProbeMatch") == 0 || meta.salvaged)
		out->probe_match = strcmp(meta.root, "Probe") != 0;
	else if (strcmp(meta.root, "Probe") != 0)
		return CS_EPROTO;
	for (size_t i = 0; i < CS_NELEM(names); i++)
		cs_strlcpy(dst[i], txt[i], CS_SADP_FIELD);
	return 0;
}
