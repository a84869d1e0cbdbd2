/* SPDX-License-Identifier: ISC */
/*
 * Ubiquiti discovery, UDP 10001 (discovery-protocols.md §8; multi-source:
 * Wireshark's UBDP dissector, Nmap's ubiquiti-discovery, two scripts).
 *
 * Header: u8 version (1 or 2), u8 command, u16 BE length of what follows.
 * Inquiries: version 1 command 0, or version 2 command 0x08, length 0.
 * Replies: version 1 command 0 or version 2 command 0x06, 0x09 or 0x0b,
 * with records of u8 type, u16 BE length, value: 0x01/0x05/0x13 MAC (6),
 * 0x02 MAC + IPv4 (10), 0x04 IPv4, 0x03 full firmware string, 0x0b
 * hostname, 0x0c product code, 0x14 model (v1), 0x15 model (v2), 0x16
 * firmware (v2).  Anything else is "other" (records 0x06-0x09 belong to
 * an authenticated exchange whose purpose is not documented).
 */
#include <string.h>

#include "parse/parse_vdisc.h"
#include "core/poison.h"

#define MAX_TLV 64

int
cs_vd_ubnt_parse(const uint8_t *p, size_t n, struct cs_vdisc *out)
{
	size_t off = 4, len;
	unsigned seen = 0;
	char fw_full[CS_VD_TEXT] = "";

	memset(out, 0, sizeof(*out));
	if (n < 4 || (p[0] != 1 && p[0] != 2))
		return CS_EPROTO;
	out->op = (unsigned)p[0] << 8 | p[1];
	len = cs_vd_be16(p + 2);
	if (len == 0 && n == 4) {
		out->msg = (p[0] == 1 && p[1] == 0) || (p[0] == 2 && p[1] == 8)
			       ? CS_VD_INQUIRY
			       : CS_VD_OTHER;
		return 0;
	}
	if (!((p[0] == 1 && p[1] == 0) ||
	      (p[0] == 2 && (p[1] == 6 || p[1] == 9 || p[1] == 0x0b)))) {
		out->msg = CS_VD_OTHER;
		return 0;
	}
	if (len + 4 < n)
		n = len + 4; /* bytes after the records: not read */
	else if (len + 4 > n)
		out->truncated = true;
	out->msg = CS_VD_REPLY;
	for (unsigned k = 0; k < MAX_TLV && off + 3 <= n; k++) {
		uint8_t type = p[off];
		size_t l = cs_vd_be16(p + off + 1);
		const uint8_t *v = p + off + 3;

		if (l > n - off - 3) {
			out->truncated = true;
			break;
		}
		seen++;
		switch (type) {
		case 0x01:
		case 0x05:
		case 0x13:
			if (l == 6 && !out->has_mac)
				cs_vd_mac(out, v);
			break;
		case 0x02:
			if (l == 10) {
				if (!out->has_mac)
					cs_vd_mac(out, v);
				if (!out->ipv4[0])
					cs_vd_ipv4(out->ipv4, v + 6);
			}
			break;
		case 0x04:
			if (l == 4 && !out->ipv4[0])
				cs_vd_ipv4(out->ipv4, v);
			break;
		case 0x03:
			cs_vd_text(fw_full, sizeof(fw_full), v, l);
			break;
		case 0x0b:
			cs_vd_text(out->name, sizeof(out->name), v, l);
			break;
		case 0x0c:
			cs_vd_text(out->devclass, sizeof(out->devclass), v, l);
			break;
		case 0x14:
			if (!out->model[0])
				cs_vd_text(out->model, sizeof(out->model), v,
					   l);
			break;
		case 0x15:
			cs_vd_text(out->model, sizeof(out->model), v, l);
			break;
		case 0x16:
			cs_vd_text(out->firmware, sizeof(out->firmware), v, l);
			break;
		default:
			break;
		}
		off += 3 + l;
	}
	if (!out->firmware[0])
		memcpy(out->firmware, fw_full, sizeof(fw_full));
	if (seen == 0)
		return CS_EPROTO;
	return 0;
}
