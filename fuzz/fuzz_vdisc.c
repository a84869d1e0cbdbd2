/* SPDX-License-Identifier: ISC */
/*
 * Fuzz target: the vendor discovery parsers (parse/parse_vdisc.h) and
 * their decoder.  The first byte picks the protocol (modulo the table);
 * the rest is the datagram, parsed and then decoded as that kind.
 */
#include "fuzz.h"

#include <stdlib.h>
#include <string.h>

#include "core/obs.h"
#include "parse/decode.h"
#include "parse/parse_vdisc.h"
#include "core/poison.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct cs_dec *dec;
	const struct cs_vd_proto *t;
	struct cs_obs_list obs;
	struct cs_vdisc v;
	size_t n;

	if (size == 0)
		return 0;
	if (dec == NULL)
		dec = cs_dec_new();
	t = &cs_vd_protos(&n)[data[0] % n];
	if (t->parse(data + 1, size - 1, &v) == 0 &&
	    (v.msg < CS_VD_REPLY || v.msg > CS_VD_OTHER ||
	     memchr(v.model, '\0', sizeof(v.model)) == NULL ||
	     memchr(v.ipv4, '\0', sizeof(v.ipv4)) == NULL))
		abort();
	cs_obs_list_init(&obs);
	(void)cs_decode(dec, t->kind, data + 1, size - 1, t->port, NULL, &obs);
	cs_obs_list_free(&obs);
	return 0;
}
