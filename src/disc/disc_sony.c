/* SPDX-License-Identifier: ISC */
/* Discovery modules sony and sony-snc: Sony's network setup inquiry,
 * ENQ:network on UDP 52380 (SRG/BRC, documented) and ENQ:allinfo on UDP
 * 2380 (SNC, assumed) (docs/modules/disc-sony.md). */
#include <string.h>

#include "disc/disc_util.h"
#include "parse/parse_vdisc.h"
#include "core/poison.h"

/* STX, one unit ended by 0xff, ETX (discovery-protocols.md §4). */
static int
frame(struct cs_buf *out, const char *unit)
{
	static const uint8_t stx = 0x02, tail[2] = {0xff, 0x03};
	int rc;

	cs_buf_reset(out);
	rc = cs_buf_add(out, &stx, 1);
	if (rc == 0)
		rc = cs_buf_add(out, unit, strlen(unit));
	if (rc == 0)
		rc = cs_buf_add(out, tail, sizeof(tail));
	return rc;
}

static int
build_network(struct cs_buf *out, const uint8_t nonce[16], unsigned seq)
{
	(void)nonce;
	(void)seq;
	return frame(out, "ENQ:network");
}

static int
build_allinfo(struct cs_buf *out, const uint8_t nonce[16], unsigned seq)
{
	(void)nonce;
	(void)seq;
	return frame(out, "ENQ:allinfo");
}

static bool
is_reply(const uint8_t *p, size_t n)
{
	return cs_vd_is_reply("sony-disc", p, n);
}

const struct cs_disc_module cs_disc_mod_sony = {
    .name = "sony",
    .summary = "Sony network setup inquiry ENQ:network (UDP 52380)",
    .kind = "sony-disc",
    .port = 52380,
    .reply_port = 52380,
    .flags = CS_DISC_BCAST | CS_DISC_LISTEN,
    .build = build_network,
    .is_reply = is_reply,
    .learn_ip_key = "sony.addr",
};

const struct cs_disc_module cs_disc_mod_sony_snc = {
    .name = "sony-snc",
    .summary = "Sony SNC inquiry ENQ:allinfo (UDP 2380)",
    .kind = "sony-snc-disc",
    .port = 2380,
    .flags = CS_DISC_BCAST,
    .build = build_allinfo,
    .is_reply = is_reply,
    .learn_ip_key = "sony.addr",
};
