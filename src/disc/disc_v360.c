/* SPDX-License-Identifier: ISC */
/* Discovery module v360: the 360 Vision Technology search on UDP 3600
 * (docs/modules/disc-v360.md). */
#include "disc/disc_util.h"
#include "parse/parse_vdisc.h"
#include "core/poison.h"

/* "DISCOVER" and a line feed (discovery-protocols.md §9; ASSUMED). */
static int
build(struct cs_buf *out, const uint8_t nonce[16], unsigned seq)
{
	(void)nonce;
	(void)seq;
	cs_buf_reset(out);
	return cs_buf_adds(out, "DISCOVER\n");
}

static bool
is_reply(const uint8_t *p, size_t n)
{
	return cs_vd_is_reply("v360-disc", p, n);
}

const struct cs_disc_module cs_disc_mod_v360 = {
    .name = "v360",
    .summary = "360 Vision Technology search (UDP 3600)",
    .kind = "v360-disc",
    .port = 3600,
    .flags = CS_DISC_BCAST | CS_DISC_LISTEN,
    .build = build,
    .is_reply = is_reply,
};
