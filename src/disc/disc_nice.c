/* SPDX-License-Identifier: ISC */
/* Discovery module nice: the NICE Vision search on UDP 2007
 * (docs/modules/disc-nice.md). */
#include <string.h>

#include "disc/disc_util.h"
#include "parse/parse_vdisc.h"
#include "core/poison.h"

#define NICE_PORT 2007

/* 14 bytes (discovery-protocols.md §10; ASSUMED): "NICE", a BE
 * transaction id, 01 08 00 00, two zero bytes, the BE port replies are
 * to go to.  The inquiry is sent from 2007 and names 2007, where the
 * module listens, so the field and the source port agree. */
static int
build(struct cs_buf *out, const uint8_t nonce[16], unsigned seq)
{
	uint8_t b[14] = {'N', 'I', 'C', 'E', 0, 0, 0x01, 0x08};

	(void)nonce;
	cs_disc_put_be16(b + 4, (uint16_t)(seq + 1));
	cs_disc_put_be16(b + 12, NICE_PORT);
	cs_buf_reset(out);
	return cs_buf_add(out, b, sizeof(b));
}

static bool
is_reply(const uint8_t *p, size_t n)
{
	return cs_vd_is_reply("nice-disc", p, n);
}

const struct cs_disc_module cs_disc_mod_nice = {
    .name = "nice",
    .summary = "NICE Vision search (UDP 2007)",
    .kind = "nice-disc",
    .port = NICE_PORT,
    .reply_port = NICE_PORT,
    .flags = CS_DISC_BCAST | CS_DISC_LISTEN | CS_DISC_FROM_REPLY_PORT,
    .build = build,
    .is_reply = is_reply,
    .learn_ip_key = "nice.addr",
};
