/* SPDX-License-Identifier: ISC */
/*
 * Fuzz target: the shared decoders (parse/decode.h), salvage paths
 * included.  An input is "<kind>\n<message>"; without a known kind
 * before the first newline, the first byte picks one (modulo the number
 * of kinds) and the rest is the message.  Every message is also decoded
 * as "http", the kind the scanner's web probes use most.
 */
#include "fuzz.h"

#include <string.h>

#include "core/obs.h"
#include "parse/decode.h"
#include "parse/obskeys.h"
#include "core/poison.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct cs_dec *dec;
	struct cs_obs_list obs;
	const uint8_t *nl;
	const char *kind;
	char name[32];
	size_t skip = 1;

	if (size == 0)
		return 0;
	if (dec == NULL)
		dec = cs_dec_new();
	kind = cs_dec_kind_name(data[0] % cs_dec_kind_count());
	nl = memchr(data, '\n', size < sizeof(name) ? size : sizeof(name));
	if (nl != NULL) {
		memcpy(name, data, (size_t)(nl - data));
		name[nl - data] = '\0';
		if (cs_dec_kind_known(name)) {
			kind = name;
			skip = (size_t)(nl - data) + 1;
		}
	}
	for (int sh = CS_SHAPE_TEXT; sh <= CS_SHAPE_DNSSD; sh++)
		(void)cs_obs_shape_ok((enum cs_obs_shape)sh, data, size);
	cs_obs_list_init(&obs);
	(void)cs_decode(dec, kind, data + skip, size - skip, 80, NULL, &obs);
	(void)cs_decode(dec, "http", data + skip, size - skip, 80, NULL, &obs);
	cs_obs_list_free(&obs);
	return 0;
}
