/* SPDX-License-Identifier: ISC */
/*
 * Fuzz target: one identify input line through the whole observation
 * decoder (JSON Lines reader, then the decoder of its kind), plus the
 * DHIP JSON parser on the raw input.
 */
#include "fuzz.h"

#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/obs.h"
#include "ident/ident.h"
#include "parse/parse_dhip.h"
#include "core/poison.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct cs_ident_dec *dec;
	struct cs_dhip_info dh, dj;
	int rh, rj;
	struct cs_ident_line l;
	struct cs_obs_list obs;
	struct cs_buf b;
	char err[256];

	if (dec == NULL)
		dec = cs_ident_dec_new();
	rh = cs_dhip_info_parse(data, size, &dh);
	/* Oracle: json-c alone gives the same (parse_dhip.c's fast path). */
	(void)cs_dhip_fast_set(false);
	rj = cs_dhip_info_parse(data, size, &dj);
	(void)cs_dhip_fast_set(true);
	if (rh != rj || memcmp(&dh, &dj, sizeof(dh)) != 0)
		abort();
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
