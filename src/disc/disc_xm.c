/* SPDX-License-Identifier: ISC */
/* Discovery module xm: the Xiongmai search (docs/modules/disc-xm.md). */
#include "disc/disc_util.h"
#include "core/poison.h"

#define XM_SEARCH 1530 /* ASSUMED, see docs/modules/disc-xm.md */

/* Xiongmai search: the 20-byte DVRIP header of protocols.md §7 (0xFF,
 * version, session, sequence, message id, payload length) with an empty
 * payload.  The UDP port and message ids are not in the facts sheet. */
static int
build_xm(struct cs_buf *out, const uint8_t nonce[16], unsigned seq)
{
	uint8_t h[20] = {0xff, 0x01};

	(void)nonce;
	cs_disc_put_le32(h + 8, seq);
	h[14] = (uint8_t)(XM_SEARCH & 0xff);
	h[15] = (uint8_t)(XM_SEARCH >> 8);
	cs_buf_reset(out);
	return cs_buf_add(out, h, sizeof(h));
}

static bool
xm_reply(const uint8_t *p, size_t n)
{
	return n > 20 && p[0] == 0xff && (p[14] | p[15] << 8) == XM_SEARCH + 1;
}

const struct cs_disc_module cs_disc_mod_xm = {
    .name = "xm",
    .summary = "Xiongmai (NETSurveillance) search broadcast",
    .kind = "dvrip",
    .port = 34569,
    .flags = CS_DISC_BCAST | CS_DISC_LISTEN,
    .build = build_xm,
    .is_reply = xm_reply,
};
