/* SPDX-License-Identifier: ISC */
/*
 * Fuzz target: one identify input line through the whole observation
 * decoder (JSON Lines reader, then the decoder of its kind), plus the
 * DHIP JSON parser on the raw input.
 */
#include "fuzz.h"

#include "core/buf.h"
#include "core/obs.h"
#include "ident/ident.h"
#include "parse/parse_dhip.h"
#include "core/poison.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct cs_ident_dec *dec;
	struct cs_dhip_info dh;
	struct cs_ident_line l;
	struct cs_obs_list obs;
	struct cs_buf b;
	char err[256];

	if (dec == NULL)
		dec = cs_ident_dec_new();
	(void)cs_dhip_info_parse(data, size, &dh);
	cs_buf_init(&b, CS_IDENT_LINE_MAX);
	cs_obs_list_init(&obs);
	if (cs_ident_line_parse(data, size, &b, &l, err, sizeof(err)) == 0 &&
	    l.has_data)
		(void)cs_ident_decode(dec, l.kind, l.data.p, l.data.n, l.port,
				      l.service, &obs);
	cs_obs_list_free(&obs);
	cs_buf_free(&b);
	return 0;
}
