/* SPDX-License-Identifier: ISC */
/* DHIP discovery JSON; see parse_dhip.h. */
#include "parse/parse_dhip.h"

#include <stdio.h>
#include <string.h>

#include <json-c/json.h>

#include "parse/parse_json.h"
#include "parse/parse_vendor.h"
#include "core/poison.h"

static void
get(struct json_object *o, const char *field, char *out)
{
	char path[96];

	snprintf(path, sizeof(path), "params.deviceInfo.%s", field);
	if (cs_json_get_str(o, path, out, CS_DHIP_FIELD) == 0)
		return;
	snprintf(path, sizeof(path), "deviceInfo.%s", field);
	(void)cs_json_get_str(o, path, out, CS_DHIP_FIELD);
}

int
cs_dhip_info_parse(const uint8_t *p, size_t n, struct cs_dhip_info *out)
{
	static const uint8_t magic[8] = {0x20, 0, 0, 0, 'D', 'H', 'I', 'P'};
	struct json_object *o = NULL;
	struct cs_span j = cs_span_make(p, n);
	int rc;

	memset(out, 0, sizeof(*out));
	if (n >= 4 && p[0] == 0x20 && p[1] == 0 && p[2] == 0 && p[3] == 0) {
		struct cs_dhip m;

		if (n >= 8 && memcmp(p, magic, 8) != 0)
			return CS_EPROTO;
		if ((rc = cs_dhip_parse(p, n, &m)) != 0)
			return rc;
		j = m.body;
		out->framed = true;
	}
	out->json = j;
	if ((rc = cs_json_parse(j.p, j.n, &o)) != 0)
		return rc;
	if (o == NULL || !json_object_is_type(o, json_type_object)) {
		json_object_put(o);
		return CS_EPROTO;
	}
	(void)cs_json_get_str(o, "method", out->method, sizeof(out->method));
	if (cs_json_get_str(o, "mac", out->mac, sizeof(out->mac)) != 0 ||
	    out->mac[0] == '\0')
		get(o, "MAC", out->mac);
	get(o, "DeviceType", out->device_type);
	get(o, "DeviceClass", out->device_class);
	get(o, "Vendor", out->vendor);
	get(o, "Manufacturer", out->manufacturer);
	get(o, "Version", out->version);
	get(o, "SerialNo", out->serial);
	get(o, "MachineName", out->machine_name);
	json_object_put(o);
	return 0;
}
