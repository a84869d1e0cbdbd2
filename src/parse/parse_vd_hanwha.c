/* SPDX-License-Identifier: ISC */
/*
 * Hanwha Vision / Samsung Techwin discovery, UDP 7701 -> replies to 7711
 * (discovery-protocols.md §2).  Layout from one reverse-engineered
 * implementation (UniversalScanner Hanwha.cs): ASSUMED.
 *
 * 262-byte datagrams.  Byte 0 is the packet type: 0x01 request (all
 * other bytes zero), 0x0b reply.  Reply fields, NUL-padded ASCII: 0x13
 * MAC (18), 0x25 IPv4 (16), 0x35 netmask, 0x45 gateway, 0x6d device type
 * / model (10, long names cut), 0x85 URL (39).  No firmware field known.
 * Any other type (the IP Installer's set-IP message has an unknown code)
 * is "other".
 */
#include <string.h>

#include "parse/parse_vdisc.h"
#include "core/poison.h"

#define LEN 262

int
cs_vd_hanwha_parse(const uint8_t *p, size_t n, struct cs_vdisc *out)
{
	memset(out, 0, sizeof(*out));
	if (n == 0 || n > LEN)
		return CS_EPROTO;
	out->op = p[0];
	if (p[0] == 0x01) {
		for (size_t i = 1; i < n; i++)
			if (p[i] != 0)
				return CS_EPROTO;
		out->msg = n == LEN ? CS_VD_INQUIRY : CS_VD_OTHER;
		return 0;
	}
	if (p[0] != 0x0b) {
		/* Another packet type of the same fixed size. */
		if (n != LEN)
			return CS_EPROTO;
		out->msg = CS_VD_OTHER;
		return 0;
	}
	if (n < 0x13 + 17)
		return CS_EPROTO;
	out->msg = CS_VD_REPLY;
	out->truncated = n < LEN;
	cs_vd_mac_text(out, p + 0x13, n - 0x13 < 18 ? n - 0x13 : 18);
	/* A cut reply must show its MAC to count as one; a whole one
	 * counts without (an unset or odd MAC text). */
	if (!out->has_mac && n != LEN)
		return CS_EPROTO;
	if (n >= 0x25 + 16)
		cs_vd_text(out->ipv4, sizeof(out->ipv4), p + 0x25, 16);
	if (n >= 0x6d + 10)
		cs_vd_text(out->model, sizeof(out->model), p + 0x6d, 10);
	return 0;
}
