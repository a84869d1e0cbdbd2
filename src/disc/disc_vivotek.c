/* SPDX-License-Identifier: ISC */
/* Discovery module vivotek: the Vivotek search on UDP 10000
 * (docs/modules/disc-vivotek.md). */
#include "disc/disc_util.h"
#include "parse/parse_vdisc.h"
#include "core/poison.h"

/* 5 bytes: a session counter, then the BE magic 0x4a5d8f1c
 * (discovery-protocols.md §5; layout ASSUMED). */
static int
build(struct cs_buf *out, const uint8_t nonce[16], unsigned seq)
{
	uint8_t b[5];

	(void)nonce;
	b[0] = (uint8_t)(seq + 1);
	cs_disc_put_be32(b + 1, 0x4a5d8f1cu);
	cs_buf_reset(out);
	return cs_buf_add(out, b, sizeof(b));
}

static bool
is_reply(const uint8_t *p, size_t n)
{
	return cs_vd_is_reply("vivotek-disc", p, n);
}

const struct cs_disc_module cs_disc_mod_vivotek = {
    .name = "vivotek",
    .summary = "Vivotek search (UDP 10000)",
    .kind = "vivotek-disc",
    .port = 10000,
    .flags = CS_DISC_BCAST,
    .build = build,
    .is_reply = is_reply,
    .learn_ip_key = "vivotek.addr",
};
