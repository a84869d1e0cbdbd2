/* SPDX-License-Identifier: ISC */
/* The vendor discovery protocol table and shared helpers; see
 * parse_vdisc.h. */
#include "parse/parse_vdisc.h"

#include <stdio.h>
#include <string.h>

#include "core/str.h"
#include "parse/decode.h"
#include "core/poison.h"

static const struct cs_vd_proto protos[] = {
    {"dh5050", "dh5050", "dh5050", 5050, 0, cs_vd_dh5050_parse},
    {"bosch-disc", "bosch", "bosch", 1757, 1758, cs_vd_bosch_parse},
    {"hanwha-disc", "hanwha", "hanwha", 7701, 7711, cs_vd_hanwha_parse},
    {"panasonic-disc", "panasonic", "panasonic", 10670, 10669,
     cs_vd_panasonic_parse},
    {"sony-disc", "sony", "sony", 52380, 52380, cs_vd_sony_parse},
    {"sony-snc-disc", "sony", "sony-snc", 2380, 0, cs_vd_sony_parse},
    {"vivotek-disc", "vivotek", "vivotek", 10000, 0, cs_vd_vivotek_parse},
    {"foscam-disc", "foscam", "foscam", 10000, 0, cs_vd_foscam_parse},
    {"vstarcam-disc", "vstarcam", "vstarcam", 8600, 0, cs_vd_vstarcam_parse},
    {"ubnt-disc", "ubnt", "ubnt", 10001, 0, cs_vd_ubnt_parse},
    {"gvcp", "gvcp", "gvcp", 3956, 0, cs_vd_gvcp_parse},
    {"v360-disc", "v360", "v360", 3600, 0, cs_vd_v360_parse},
    {"nice-disc", "nice", "nice", 2007, 0, cs_vd_nice_parse},
};

const struct cs_vd_proto *
cs_vd_protos(size_t *n)
{
	*n = CS_NELEM(protos);
	return protos;
}

const struct cs_vd_proto *
cs_vd_find(const char *kind)
{
	for (size_t i = 0; i < CS_NELEM(protos); i++)
		if (strcmp(protos[i].kind, kind) == 0 ||
		    strcmp(protos[i].alias, kind) == 0)
			return &protos[i];
	return NULL;
}

const struct cs_vd_proto *
cs_vd_guess(const uint8_t *p, size_t n, uint16_t port)
{
	struct cs_vdisc r;

	for (int pass = 0; pass < 2; pass++)
		for (size_t i = 0; i < CS_NELEM(protos); i++) {
			bool on = port && (protos[i].port == port ||
					   protos[i].reply_port == port);

			if (on == (pass == 0) &&
			    protos[i].parse(p, n, &r) == 0 &&
			    r.msg == CS_VD_REPLY)
				return &protos[i];
		}
	return NULL;
}

bool
cs_vd_is_reply(const char *kind, const uint8_t *p, size_t n)
{
	const struct cs_vd_proto *v = cs_vd_find(kind);
	struct cs_vdisc r;

	return v != NULL && v->parse(p, n, &r) == 0 && r.msg == CS_VD_REPLY;
}

void
cs_vd_text(char *dst, size_t dsz, const uint8_t *p, size_t n)
{
	const uint8_t *z = memchr(p, 0, n);
	size_t k = 0;
	struct cs_span s;

	if (z != NULL)
		n = (size_t)(z - p);
	s = cs_span_trim(cs_span_make(p, n));
	for (size_t i = 0; i < s.n && k + 1 < dsz; i++)
		dst[k++] =
		    (s.p[i] >= 0x20 && s.p[i] < 0x7f) ? (char)s.p[i] : '?';
	if (dsz)
		dst[k] = '\0';
}

void
cs_vd_ipv4(char dst[16], const uint8_t *p)
{
	if ((p[0] | p[1] | p[2] | p[3]) == 0) {
		dst[0] = '\0';
		return;
	}
	snprintf(dst, 16, "%u.%u.%u.%u", p[0], p[1], p[2], p[3]);
}

void
cs_vd_mac(struct cs_vdisc *out, const uint8_t *p)
{
	static const uint8_t zero[6],
	    ones[6] = {0xff, 0xff, 0xff, 0xff, 0xff, 0xff};

	if (memcmp(p, zero, 6) == 0 || memcmp(p, ones, 6) == 0)
		return;
	memcpy(out->mac, p, 6);
	out->has_mac = true;
}

void
cs_vd_mac_text(struct cs_vdisc *out, const uint8_t *p, size_t n)
{
	uint8_t mac[6];
	const uint8_t *z = memchr(p, 0, n);

	if (z != NULL)
		n = (size_t)(z - p);
	if (cs_dec_mac_parse(p, n, mac) == 0)
		cs_vd_mac(out, mac);
}

uint16_t
cs_vd_be16(const uint8_t *p)
{
	return (uint16_t)(p[0] << 8 | p[1]);
}

uint32_t
cs_vd_be32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	       (uint32_t)p[2] << 8 | p[3];
}
