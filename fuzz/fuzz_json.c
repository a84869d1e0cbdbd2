/* SPDX-License-Identifier: ISC */
/*
 * Fuzz target: bounded JSON parsing and dotted-path lookups, and the
 * salvage scanner on the same bytes (whether json-c accepts them or not).
 */
#include "fuzz.h"

#include <json-c/json.h>

#include "parse/parse_json.h"
#include "core/poison.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const paths[] = {"params.deviceInfo.DeviceType",
					    "data.propertyList.ProdNbr",
					    "params.realm",
					    "result",
					    "0.a.1",
					    "Ret"};
	static const char *const keys[] = {"DeviceType", "ProdNbr", "realm",
					   "type",       "Version", "a"};
	struct json_object *o;
	char out[64];

	for (size_t i = 0; i < CS_NELEM(keys); i++)
		(void)cs_json_scan(data, size, keys[i], out, sizeof(out));
	(void)cs_json_valid(data, size);
	if (cs_json_parse(data, size, &o) != 0)
		return 0;
	for (size_t i = 0; i < CS_NELEM(paths); i++)
		(void)cs_json_get_str(o, paths[i], out, sizeof(out));
	json_object_put(o);
	return 0;
}
