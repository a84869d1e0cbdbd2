/* SPDX-License-Identifier: ISC */
/* Discovery module dh5050: the legacy Dahua search on UDP 5050
 * (docs/modules/disc-dh5050.md). */
#include <string.h>

#include "disc/disc_util.h"
#include "parse/parse_vdisc.h"
#include "core/poison.h"

/* 32 bytes: a3 01 00 01, protocol version 2 at 0x10, zeros
 * (discovery-protocols.md §11; protocols.md §6). */
static int
build(struct cs_buf *out, const uint8_t nonce[16], unsigned seq)
{
	uint8_t b[32] = {0xa3, 0x01, 0x00, 0x01};

	(void)nonce;
	(void)seq;
	b[0x10] = 0x02;
	cs_buf_reset(out);
	return cs_buf_add(out, b, sizeof(b));
}

static bool
is_reply(const uint8_t *p, size_t n)
{
	return cs_vd_is_reply("dh5050", p, n);
}

const struct cs_disc_module cs_disc_mod_dh5050 = {
    .name = "dh5050",
    .summary = "Dahua legacy search broadcast (UDP 5050)",
    .kind = "dh5050",
    .port = 5050,
    .flags = CS_DISC_BCAST | CS_DISC_LISTEN,
    .build = build,
    .is_reply = is_reply,
    .learn_ip_key = "dh5050.addr",
};
