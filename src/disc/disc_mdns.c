/* SPDX-License-Identifier: ISC */
/* Discovery module mdns: mDNS/DNS-SD (docs/modules/disc-mdns.md). */
#include <string.h>

#include "disc/disc_util.h"
#include "core/poison.h"

/* DNS-SD service types asked for (protocols.md §10, §11). */
static const char *const mdns_services[] = {
    "_axis-video._tcp.local",
    "_arec._tcp.local",
    "_rtsp._tcp.local",
    "_http._tcp.local",
};

/* One mDNS query with a PTR question per service type, the QU bit set
 * so that responders may answer us directly. */
static int
build_mdns(struct cs_buf *out, const uint8_t nonce[16], unsigned seq)
{
	uint8_t h[12] = {0};
	int rc;

	(void)nonce;
	(void)seq;
	h[5] = (uint8_t)CS_NELEM(mdns_services);
	cs_buf_reset(out);
	rc = cs_buf_add(out, h, sizeof(h));
	for (size_t i = 0; rc == 0 && i < CS_NELEM(mdns_services); i++) {
		const char *s = mdns_services[i];
		static const uint8_t tail[] = {0, 0, 12, 0x80, 1};

		while (rc == 0 && *s) {
			size_t len = strcspn(s, ".");
			uint8_t l = (uint8_t)len;

			rc = cs_buf_add(out, &l, 1);
			if (rc == 0)
				rc = cs_buf_add(out, s, len);
			s += len;
			if (*s == '.')
				s++;
		}
		if (rc == 0)
			rc = cs_buf_add(out, tail, sizeof(tail));
	}
	return rc;
}

static bool
mdns_reply(const uint8_t *p, size_t n)
{
	/* A response (QR bit) with at least one answer or additional. */
	return n >= 12 && (p[2] & 0x80) &&
	       (p[6] | p[7] | p[8] | p[9] | p[10] | p[11]) != 0;
}

const struct cs_disc_module cs_disc_mod_mdns = {
    .name = "mdns",
    .summary = "mDNS/DNS-SD PTR queries for camera service types",
    .kind = "mdns",
    .group = CS_DISC_IP4(224, 0, 0, 251),
    .port = 5353,
    .flags = CS_DISC_MCAST | CS_DISC_LISTEN,
    .build = build_mdns,
    .is_reply = mdns_reply,
};
