/* SPDX-License-Identifier: ISC */
/* Discovery module bosch: Bosch's scan request on UDP 1757, replies on
 * 1758 (docs/modules/disc-bosch.md). */
#include "disc/disc_util.h"
#include "parse/parse_vdisc.h"
#include "core/poison.h"

/* 12 bytes, BE: magic 0x9939a427, a transaction id, 0xff0006de
 * (discovery-protocols.md §1; layout ASSUMED). */
static int
build(struct cs_buf *out, const uint8_t nonce[16], unsigned seq)
{
	uint8_t b[12];

	cs_disc_put_be32(b, 0x9939a427u);
	cs_disc_put_be32(b + 4, (uint32_t)nonce[0] << 24 |
				    (uint32_t)nonce[1] << 16 |
				    (uint32_t)nonce[2] << 8 | (seq & 0xff));
	cs_disc_put_be32(b + 8, 0xff0006deu);
	cs_buf_reset(out);
	return cs_buf_add(out, b, sizeof(b));
}

static bool
is_reply(const uint8_t *p, size_t n)
{
	return cs_vd_is_reply("bosch-disc", p, n);
}

const struct cs_disc_module cs_disc_mod_bosch = {
    .name = "bosch",
    .summary = "Bosch device scan request (UDP 1757, replies on 1758)",
    .kind = "bosch-disc",
    .port = 1757,
    .reply_port = 1758,
    .flags = CS_DISC_BCAST | CS_DISC_LISTEN,
    .build = build,
    .is_reply = is_reply,
    .learn_ip_key = "bosch.addr",
};
