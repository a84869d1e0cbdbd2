/* SPDX-License-Identifier: ISC */
/* Discovery module dhip: Dahua DHIP (docs/modules/disc-dhip.md). */
#include <string.h>

#include "disc/disc_util.h"
#include "core/poison.h"

/* Dahua DHIP DHDiscover.search (protocols.md §5): the 32-byte header
 * (little-endian) and the JSON body. */
static int
build_dhip(struct cs_buf *out, const uint8_t nonce[16], unsigned seq)
{
	static const char body[] =
	    "{\"method\":\"DHDiscover.search\",\"params\":{\"mac\":\"\","
	    "\"uni\":1}}\n";
	uint8_t h[32];

	(void)nonce;
	memset(h, 0, sizeof(h));
	cs_disc_put_le32(h, 0x20);
	memcpy(h + 4, "DHIP", 4);
	cs_disc_put_le32(h + 12, seq + 1);
	cs_disc_put_le32(h + 16, (uint32_t)(sizeof(body) - 1));
	cs_disc_put_le32(h + 24, (uint32_t)(sizeof(body) - 1));
	cs_buf_reset(out);
	if (cs_buf_add(out, h, sizeof(h)) != 0)
		return CS_ELIMIT;
	return cs_buf_add(out, body, sizeof(body) - 1);
}

static bool
dhip_reply(const uint8_t *p, size_t n)
{
	return !cs_disc_has(p, n, "DHDiscover.search") &&
	       cs_disc_has(p, n, "{");
}

const struct cs_disc_module cs_disc_mod_dhip = {
    .name = "dhip",
    .summary = "Dahua DHIP DHDiscover.search",
    .kind = "dhip",
    .group = CS_DISC_IP4(239, 255, 255, 251),
    .port = 37810,
    .flags = CS_DISC_MCAST | CS_DISC_LISTEN,
    .build = build_dhip,
    .is_reply = dhip_reply,
    .learn_after = "\"IPAddress\"",
    .learn_json = true,
    .learn_source = "dhip.ipaddress",
};
