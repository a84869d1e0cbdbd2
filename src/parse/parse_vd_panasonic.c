/* SPDX-License-Identifier: ISC */
/*
 * Panasonic / i-PRO "Easy IP Setup", UDP 10670 from 10669 -> replies to
 * 10669 (discovery-protocols.md §3; multi-source: UniversalScanner
 * Panasonic.cs and Rickardjd/Easy_IP, a clone built from captures of the
 * vendor tool).
 *
 * Header (BE): 0x00 u16 0x0001; 0x02 u16 data length; 0x04 u16 command;
 * 0x06 target MAC (the device's own MAC in replies); 0x0c sender MAC;
 * 0x12 sender IPv4; 0x16 u16 step; 0x18 a 24-byte constant block; then,
 * from 0x30, records of u16 tag, u16 length, value up to the end marker
 * 0xffff, then a 2-byte checksum.  Commands: 0x000d search (the inquiry:
 * zero target MAC); 0x0002 network configuration and 0x0004 commit
 * (never sent).  The reply's own command code is in neither source, so a
 * reply is told by what it carries: the device MAC at 0x06 and records.
 * Tags read: 0x20 IPv4, 0xa7 device name, 0xa8 model, 0xa9 firmware,
 * 0xd1 serial, 0xc0 channel count (recorders only, Easy_IP).
 */
#include <string.h>

#include "parse/parse_vdisc.h"
#include "core/poison.h"

#define TLV_AT 0x30
#define MAX_TLV 64

int
cs_vd_panasonic_parse(const uint8_t *p, size_t n, struct cs_vdisc *out)
{
	static const uint8_t zero[6];
	size_t off = TLV_AT;
	unsigned seen = 0;
	bool recorder = false;

	memset(out, 0, sizeof(*out));
	if (n < TLV_AT || cs_vd_be16(p) != 0x0001)
		return CS_EPROTO;
	out->op = cs_vd_be16(p + 4);
	if (out->op == 0x0002 || out->op == 0x0004) {
		out->msg = CS_VD_OTHER; /* configure / commit */
		return 0;
	}
	if (memcmp(p + 6, zero, 6) == 0) {
		/* Addressed to no device: a search, if it says so. */
		out->msg = out->op == 0x000d ? CS_VD_INQUIRY : CS_VD_OTHER;
		return 0;
	}
	out->msg = CS_VD_REPLY;
	cs_vd_mac(out, p + 6);
	for (unsigned k = 0; k < MAX_TLV && off + 4 <= n; k++) {
		unsigned tag = cs_vd_be16(p + off);
		size_t len;

		if (tag == 0xffff)
			break;
		len = cs_vd_be16(p + off + 2);
		if (len > n - off - 4) {
			out->truncated = true;
			break;
		}
		const uint8_t *v = p + off + 4;

		seen++;
		switch (tag) {
		case 0x20:
			if (len == 4)
				cs_vd_ipv4(out->ipv4, v);
			break;
		case 0xa7:
			cs_vd_text(out->name, sizeof(out->name), v, len);
			break;
		case 0xa8:
			cs_vd_text(out->model, sizeof(out->model), v, len);
			break;
		case 0xa9:
			cs_vd_text(out->firmware, sizeof(out->firmware), v,
				   len);
			break;
		case 0xd1:
			cs_vd_text(out->serial, sizeof(out->serial), v, len);
			break;
		case 0xc0:
			recorder = true;
			break;
		default:
			break;
		}
		off += 4 + len;
	}
	if (seen == 0 && out->op == 0x000d) {
		/* A search addressed to one device (a unicast re-ask). */
		out->msg = CS_VD_OTHER;
		return 0;
	}
	if (recorder)
		memcpy(out->devclass, "recorder", sizeof("recorder"));
	return 0;
}
