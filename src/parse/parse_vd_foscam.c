/* SPDX-License-Identifier: ISC */
/*
 * Foscam / Wansview "MO_I" search, UDP 10000 (discovery-protocols.md §6):
 * the vendor's "IP Camera Search Protocol" text, reproduced in
 * paulgfrey/WebCamFinder, and the Foscam SDK "Ipcamera device search
 * protocol" cited by jimboca/ISYHelperPolyglot (documented).
 *
 * Header (23 bytes): "MO_I", u16 LE operation code, u8 reserved, 8
 * reserved, u32 LE text length, u32 reserved, then the text.  Opcode 0
 * Search_Req (the inquiry), 1 Search_Resp (88 bytes: 0x17 camera ID (13),
 * 0x24 camera name (21), 0x39 IPv4 (BE), 0x3d mask, 0x41 gateway, 0x45
 * DNS, 0x49 reserved, 0x4d system firmware a.b.c.d, 0x51 web UI version,
 * 0x55 HTTP port), 2 Init_Req (sets IP, mask, gateway, DNS, port; carries
 * credentials) and 3 Init_Resp are "other".  A reply whose byte 0x06 is
 * not zero is XOR-ed after the header with the 8 bytes at 0x07
 * (UniversalScanner Foscam.cs only: ASSUMED).  No MAC in the reply.
 */
#include <stdio.h>
#include <string.h>

#include "parse/parse_vdisc.h"
#include "core/poison.h"

#define HDR 23
#define RESP 88

int
cs_vd_foscam_parse(const uint8_t *p, size_t n, struct cs_vdisc *out)
{
	uint8_t b[RESP];
	size_t m;

	memset(out, 0, sizeof(*out));
	if (n < 6 || memcmp(p, "MO_I", 4) != 0)
		return CS_EPROTO;
	out->op = (unsigned)(p[4] | p[5] << 8);
	if (out->op == 0) {
		out->msg = CS_VD_INQUIRY;
		return 0;
	}
	if (out->op != 1) {
		out->msg = CS_VD_OTHER;
		return 0;
	}
	out->msg = CS_VD_REPLY;
	m = n < RESP ? n : RESP;
	out->truncated = n < RESP;
	memcpy(b, p, m);
	if (m > HDR && b[6] != 0)
		for (size_t i = HDR; i < m; i++)
			b[i] ^= b[7 + (i - HDR) % 8];
	if (m >= 0x17 + 13)
		cs_vd_text(out->serial, sizeof(out->serial), b + 0x17, 13);
	if (m >= 0x24 + 21)
		cs_vd_text(out->name, sizeof(out->name), b + 0x24, 21);
	if (m >= 0x39 + 4)
		cs_vd_ipv4(out->ipv4, b + 0x39);
	if (m >= 0x4d + 4)
		snprintf(out->firmware, sizeof(out->firmware), "%u.%u.%u.%u",
			 b[0x4d], b[0x4e], b[0x4f], b[0x50]);
	return 0;
}
