/* SPDX-License-Identifier: ISC */
/* Discovery module hanwha: the Hanwha/Samsung search on UDP 7701,
 * replies on 7711 (docs/modules/disc-hanwha.md). */
#include <string.h>

#include "disc/disc_util.h"
#include "parse/parse_vdisc.h"
#include "core/poison.h"

/* 262 bytes, all zero but the packet type 0x01 (request)
 * (discovery-protocols.md §2; layout ASSUMED). */
static int
build(struct cs_buf *out, const uint8_t nonce[16], unsigned seq)
{
	uint8_t b[262];

	(void)nonce;
	(void)seq;
	memset(b, 0, sizeof(b));
	b[0] = 0x01;
	cs_buf_reset(out);
	return cs_buf_add(out, b, sizeof(b));
}

static bool
is_reply(const uint8_t *p, size_t n)
{
	return cs_vd_is_reply("hanwha-disc", p, n);
}

const struct cs_disc_module cs_disc_mod_hanwha = {
    .name = "hanwha",
    .summary = "Hanwha Vision / Samsung Techwin search (UDP 7701, replies "
	       "on 7711)",
    .kind = "hanwha-disc",
    .port = 7701,
    .reply_port = 7711,
    .flags = CS_DISC_BCAST | CS_DISC_LISTEN,
    .build = build,
    .is_reply = is_reply,
    .learn_ip_key = "hanwha.addr",
};
