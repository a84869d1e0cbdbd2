/* SPDX-License-Identifier: ISC */
/*
 * Dahua legacy search, UDP 5050 (discovery-protocols.md §11; protocols.md
 * §6).  Layout from one reverse-engineered implementation (UniversalScanner
 * Dahua1): ASSUMED beyond the first bytes, which protocols.md §6 also
 * gives (request a3 01 00 01, reply b3 00 23 01).
 *
 * Request: 32 bytes, 0x00 = 0xa3.  Reply: section 1 (120 bytes: 0x00 =
 * 0xb3, 0x02 u8 length of section 2, 0x14 u16 LE length of section 3,
 * 0x28 device type (16 bytes NUL-padded), 0x38 IPv4), section 2 (the MAC
 * as 17 characters, then optionally a longer model name that supersedes
 * the device type), section 3 ("Key:Value" lines; SerialNo, and Name and
 * Device as protocols.md §5 quotes them).
 */
#include <string.h>

#include "core/str.h"
#include "parse/parse_vdisc.h"
#include "core/poison.h"

#define SEC1 120

static void
lines(struct cs_vdisc *out, const uint8_t *p, size_t n)
{
	size_t i = 0;

	while (i < n) {
		size_t e = i, c;
		struct cs_span k, v;

		while (e < n && p[e] != '\n')
			e++;
		for (c = i; c < e && p[c] != ':'; c++)
			;
		if (c < e) {
			k = cs_span_trim(cs_span_make(p + i, c - i));
			v = cs_span_make(p + c + 1, e - c - 1);
			if (cs_span_ieq(k, "SerialNo"))
				cs_vd_text(out->serial, sizeof(out->serial),
					   v.p, v.n);
			else if (cs_span_ieq(k, "Device") && !out->model[0])
				cs_vd_text(out->model, sizeof(out->model), v.p,
					   v.n);
			else if (cs_span_ieq(k, "Name"))
				cs_vd_text(out->name, sizeof(out->name), v.p,
					   v.n);
		}
		i = e + 1;
	}
}

int
cs_vd_dh5050_parse(const uint8_t *p, size_t n, struct cs_vdisc *out)
{
	size_t len2, len3, avail;

	memset(out, 0, sizeof(*out));
	if (n < 4)
		return CS_EPROTO;
	out->op = p[0];
	if (p[0] == 0xa3) {
		/* The search request: a3 01 00 01, version 2 at 0x10. */
		if (n != 32 || p[1] != 0x01 || p[3] != 0x01)
			return CS_EPROTO;
		out->msg = (p[0x10] == 0x02) ? CS_VD_INQUIRY : CS_VD_OTHER;
		return 0;
	}
	if (p[0] != 0xb3 || n < 0x14 + 2)
		return CS_EPROTO;
	out->msg = CS_VD_REPLY;
	len2 = p[2];
	len3 = (size_t)(p[0x14] | p[0x15] << 8);
	if (n < SEC1) {
		/* Cut inside section 1: what fits of it. */
		out->truncated = true;
		if (n >= 0x38)
			cs_vd_text(out->model, sizeof(out->model), p + 0x28,
				   16);
		if (n >= 0x3c)
			cs_vd_ipv4(out->ipv4, p + 0x38);
		return 0;
	}
	if (SEC1 + len2 + len3 != n)
		out->truncated = SEC1 + len2 + len3 > n;
	cs_vd_text(out->model, sizeof(out->model), p + 0x28, 16);
	cs_vd_ipv4(out->ipv4, p + 0x38);
	avail = n - SEC1;
	if (len2 > avail)
		len2 = avail;
	if (len2 >= 17)
		cs_vd_mac_text(out, p + SEC1, 17);
	if (len2 > 17) {
		char longer[CS_VD_TEXT];

		cs_vd_text(longer, sizeof(longer), p + SEC1 + 17, len2 - 17);
		if (longer[0])
			cs_strlcpy(out->model, longer, sizeof(out->model));
	}
	avail -= len2;
	if (len3 > avail)
		len3 = avail;
	lines(out, p + SEC1 + len2, len3);
	return 0;
}
