/* SPDX-License-Identifier: ISC */
/* Discovery module vstarcam: the Vstarcam search on UDP 8600
 * (docs/modules/disc-vstarcam.md). */
#include "disc/disc_util.h"
#include "parse/parse_vdisc.h"
#include "core/poison.h"

/* "DH" 0x01 0x01 (discovery-protocols.md §7; layout ASSUMED). */
static int
build(struct cs_buf *out, const uint8_t nonce[16], unsigned seq)
{
	static const uint8_t b[4] = {'D', 'H', 0x01, 0x01};

	(void)nonce;
	(void)seq;
	cs_buf_reset(out);
	return cs_buf_add(out, b, sizeof(b));
}

static bool
is_reply(const uint8_t *p, size_t n)
{
	return cs_vd_is_reply("vstarcam-disc", p, n);
}

const struct cs_disc_module cs_disc_mod_vstarcam = {
    .name = "vstarcam",
    .summary = "Vstarcam search (UDP 8600)",
    .kind = "vstarcam-disc",
    .port = 8600,
    .flags = CS_DISC_BCAST | CS_DISC_LISTEN,
    .build = build,
    .is_reply = is_reply,
    .learn_ip_key = "vstarcam.addr",
};
