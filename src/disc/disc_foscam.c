/* SPDX-License-Identifier: ISC */
/* Discovery module foscam: the Foscam / Wansview MO_I Search_Req on UDP
 * 10000 (docs/modules/disc-foscam.md). */
#include <string.h>

#include "disc/disc_util.h"
#include "parse/parse_vdisc.h"
#include "core/poison.h"

/* Search_Req (discovery-protocols.md §6, vendor text): "MO_I", opcode 0
 * (LE), reserved, text length 4 (LE) at 0x0f, reserved, text 00 00 00 01:
 * 27 bytes. */
static int
build(struct cs_buf *out, const uint8_t nonce[16], unsigned seq)
{
	uint8_t b[27];

	(void)nonce;
	(void)seq;
	memset(b, 0, sizeof(b));
	memcpy(b, "MO_I", 4);
	cs_disc_put_le32(b + 0x0f, 4);
	b[26] = 0x01;
	cs_buf_reset(out);
	return cs_buf_add(out, b, sizeof(b));
}

static bool
is_reply(const uint8_t *p, size_t n)
{
	return cs_vd_is_reply("foscam-disc", p, n);
}

const struct cs_disc_module cs_disc_mod_foscam = {
    .name = "foscam",
    .summary = "Foscam / Wansview MO_I Search_Req (UDP 10000)",
    .kind = "foscam-disc",
    .port = 10000,
    .flags = CS_DISC_BCAST | CS_DISC_LISTEN,
    .build = build,
    .is_reply = is_reply,
    .learn_ip_key = "foscam.addr",
};
