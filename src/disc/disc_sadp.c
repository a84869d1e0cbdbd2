/* SPDX-License-Identifier: ISC */
/* Discovery module sadp: Hikvision SADP (docs/modules/disc-sadp.md). */
#include "disc/disc_util.h"
#include "core/poison.h"

/* Hikvision SADP inquiry (protocols.md §3). */
static int
build_sadp(struct cs_buf *out, const uint8_t nonce[16], unsigned seq)
{
	char id[37];

	cs_disc_uuid_text(nonce, seq, true, id);
	cs_buf_reset(out);
	return cs_buf_printf(out,
			     "<?xml version=\"1.0\" encoding=\"utf-8\"?>"
			     "<Probe><Uuid>%s</Uuid><Types>inquiry</Types>"
			     "</Probe>",
			     id);
}

static bool
sadp_reply(const uint8_t *p, size_t n)
{
	return cs_disc_has(p, n, "<ProbeMatch");
}

const struct cs_disc_module cs_disc_mod_sadp = {
    .name = "sadp",
    .summary = "Hikvision SADP inquiry",
    .kind = "sadp",
    .group = CS_DISC_IP4(239, 255, 255, 250),
    .port = 37020,
    .flags = CS_DISC_MCAST | CS_DISC_LISTEN,
    .build = build_sadp,
    .is_reply = sadp_reply,
    .learn_after = "<IPv4Address>",
    .learn_source = "sadp.ipv4",
};
