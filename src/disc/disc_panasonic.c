/* SPDX-License-Identifier: ISC */
/* Discovery module panasonic: the Panasonic / i-PRO Easy IP Setup
 * search, UDP 10670 from 10669 (docs/modules/disc-panasonic.md). */
#include <string.h>

#include "disc/disc_util.h"
#include "parse/parse_vdisc.h"
#include "core/poison.h"

/*
 * The search (command 0x000d) as both public implementations build it
 * (discovery-protocols.md §3): 0x0001, data length 0, the command, a
 * zero target MAC, the sender's MAC and IPv4 (left zero here: the build
 * does not know them; replies go to port 10669 all the same), step 0,
 * the 24-byte constant block (a 9-byte signature, 00 00 02 01 with the
 * 0x02 at 0x23 that recorders need, zeros), no tags, the end marker
 * 0xffff and the checksum (16-bit sum of the bytes before it plus 1, as
 * Easy_IP computes it).
 */
static int
build(struct cs_buf *out, const uint8_t nonce[16], unsigned seq)
{
	static const uint8_t sig[13] = {0x20, 0x11, 0x1e, 0x11, 0x23,
					0x1f, 0x1e, 0x19, 0x13, 0x00,
					0x00, 0x02, 0x01};
	uint8_t b[52];
	unsigned sum = 1;

	(void)nonce;
	(void)seq;
	memset(b, 0, sizeof(b));
	cs_disc_put_be16(b, 0x0001);
	cs_disc_put_be16(b + 4, 0x000d);
	memcpy(b + 0x18, sig, sizeof(sig));
	b[0x30] = b[0x31] = 0xff;
	for (size_t i = 0; i < 0x32; i++)
		sum += b[i];
	cs_disc_put_be16(b + 0x32, (uint16_t)sum);
	cs_buf_reset(out);
	return cs_buf_add(out, b, sizeof(b));
}

static bool
is_reply(const uint8_t *p, size_t n)
{
	return cs_vd_is_reply("panasonic-disc", p, n);
}

const struct cs_disc_module cs_disc_mod_panasonic = {
    .name = "panasonic",
    .summary = "Panasonic / i-PRO Easy IP Setup search (UDP 10670 from "
	       "10669)",
    .kind = "panasonic-disc",
    .port = 10670,
    .reply_port = 10669,
    .flags = CS_DISC_BCAST | CS_DISC_LISTEN | CS_DISC_FROM_REPLY_PORT,
    .build = build,
    .is_reply = is_reply,
    .learn_ip_key = "panasonic.addr",
};
