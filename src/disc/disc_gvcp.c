/* SPDX-License-Identifier: ISC */
/* Discovery module gvcp: the GigE Vision DISCOVERY_CMD on UDP 3956
 * (docs/modules/disc-gvcp.md). */
#include "disc/disc_util.h"
#include "parse/parse_vdisc.h"
#include "core/poison.h"

/* 8 bytes, BE (discovery-protocols.md §13): key 0x42, flags 0x11
 * (acknowledge required, broadcast acknowledge allowed), command 0x0002,
 * length 0, a non-zero request id. */
static int
build(struct cs_buf *out, const uint8_t nonce[16], unsigned seq)
{
	uint8_t b[8] = {0x42, 0x11, 0x00, 0x02, 0x00, 0x00};

	(void)nonce;
	cs_disc_put_be16(b + 6, (uint16_t)(seq + 1));
	cs_buf_reset(out);
	return cs_buf_add(out, b, sizeof(b));
}

static bool
is_reply(const uint8_t *p, size_t n)
{
	return cs_vd_is_reply("gvcp", p, n);
}

const struct cs_disc_module cs_disc_mod_gvcp = {
    .name = "gvcp",
    .summary = "GigE Vision GVCP DISCOVERY_CMD (UDP 3956)",
    .kind = "gvcp",
    .port = 3956,
    .flags = CS_DISC_BCAST,
    .build = build,
    .is_reply = is_reply,
    .learn_ip_key = "gvcp.addr",
};
