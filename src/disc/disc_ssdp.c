/* SPDX-License-Identifier: ISC */
/* Discovery module ssdp: SSDP/UPnP (docs/modules/disc-ssdp.md). */
#include <string.h>

#include "disc/disc_util.h"
#include "core/poison.h"

/* SSDP M-SEARCH for everything (protocols.md §9). */
static int
build_ssdp(struct cs_buf *out, const uint8_t nonce[16], unsigned seq)
{
	(void)nonce;
	(void)seq;
	cs_buf_reset(out);
	return cs_buf_adds(out, "M-SEARCH * HTTP/1.1\r\n"
				"Host: 239.255.255.250:1900\r\n"
				"Man: \"ssdp:discover\"\r\n"
				"MX: 2\r\n"
				"ST: ssdp:all\r\n\r\n");
}

static bool
ssdp_reply(const uint8_t *p, size_t n)
{
	return !(n >= 8 && memcmp(p, "M-SEARCH", 8) == 0);
}

const struct cs_disc_module cs_disc_mod_ssdp = {
    .name = "ssdp",
    .summary = "SSDP M-SEARCH ssdp:all, then the UPnP description from "
	       "LOCATION",
    .kind = "ssdp",
    .group = CS_DISC_IP4(239, 255, 255, 250),
    .port = 1900,
    .flags = CS_DISC_MCAST | CS_DISC_LISTEN,
    .build = build_ssdp,
    .is_reply = ssdp_reply,
    .learn_key = "ssdp.location",
    .learn_path = true,
};
