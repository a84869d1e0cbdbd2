/* SPDX-License-Identifier: ISC */
/* Discovery module ubnt: the Ubiquiti discovery probe on UDP 10001
 * (docs/modules/disc-ubnt.md). */
#include "disc/disc_util.h"
#include "parse/parse_vdisc.h"
#include "core/poison.h"

/* The 4-byte probes (discovery-protocols.md §8): version 1 command 0 on
 * even rounds, version 2 command 0x08 on odd ones (devices answer one or
 * the other), length 0. */
static int
build(struct cs_buf *out, const uint8_t nonce[16], unsigned seq)
{
	uint8_t b[4] = {0x01, 0x00, 0x00, 0x00};

	(void)nonce;
	if (seq & 1) {
		b[0] = 0x02;
		b[1] = 0x08;
	}
	cs_buf_reset(out);
	return cs_buf_add(out, b, sizeof(b));
}

static bool
is_reply(const uint8_t *p, size_t n)
{
	return cs_vd_is_reply("ubnt-disc", p, n);
}

const struct cs_disc_module cs_disc_mod_ubnt = {
    .name = "ubnt",
    .summary = "Ubiquiti discovery probe, v1 and v2 (UDP 10001)",
    .kind = "ubnt-disc",
    .port = 10001,
    .flags = CS_DISC_BCAST,
    .build = build,
    .is_reply = is_reply,
    .learn_ip_key = "ubnt.addr",
};
