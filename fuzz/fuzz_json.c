/* SPDX-License-Identifier: ISC */
/* Fuzz target: bounded JSON parsing and dotted-path lookups. */
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
	struct json_object *o;
	char out[64];

	if (cs_json_parse(data, size, &o) != 0)
		return 0;
	for (size_t i = 0; i < CS_NELEM(paths); i++)
		(void)cs_json_get_str(o, paths[i], out, sizeof(out));
	json_object_put(o);
	return 0;
}
