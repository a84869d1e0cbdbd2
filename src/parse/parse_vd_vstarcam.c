/* SPDX-License-Identifier: ISC */
/*
 * Vstarcam search, UDP 8600 (discovery-protocols.md §7).  Layout from one
 * reverse-engineered implementation (UniversalScanner Vstarcam.cs):
 * ASSUMED; the 6-byte binary MAC at 0x54 is the facts sheet's reading of
 * overlapping declarations, unverified.  ("DH" has nothing to do with
 * Dahua.)
 *
 * Inquiry: "DH" 0x01 0x01.  Reply (>= 0x100 bytes): "DH" 0x01 0x08, 0x04
 * IPv4 ASCII (16), 0x14 mask, 0x24 gateway, 0x34 DNS1, 0x44 DNS2, 0x54
 * MAC (6), 0x5a port, 0x5c device ID / P2P UID (32), 0x7c name (32, the
 * model), 0xcc firmware (32).  Other "DH" 0x01 types are "other".
 */
#include <string.h>

#include "parse/parse_vdisc.h"
#include "core/poison.h"

#define FULL 0x100

int
cs_vd_vstarcam_parse(const uint8_t *p, size_t n, struct cs_vdisc *out)
{
	memset(out, 0, sizeof(*out));
	if (n < 4 || p[0] != 'D' || p[1] != 'H' || p[2] != 0x01)
		return CS_EPROTO;
	out->op = p[3];
	if (p[3] == 0x01) {
		out->msg = n == 4 ? CS_VD_INQUIRY : CS_VD_OTHER;
		return 0;
	}
	if (p[3] != 0x08) {
		out->msg = CS_VD_OTHER;
		return 0;
	}
	out->msg = CS_VD_REPLY;
	out->truncated = n < FULL;
	if (n >= 0x04 + 16)
		cs_vd_text(out->ipv4, sizeof(out->ipv4), p + 0x04, 16);
	if (n >= 0x54 + 6)
		cs_vd_mac(out, p + 0x54);
	if (n >= 0x5c + 32)
		cs_vd_text(out->serial, sizeof(out->serial), p + 0x5c, 32);
	if (n >= 0x7c + 32)
		cs_vd_text(out->model, sizeof(out->model), p + 0x7c, 32);
	if (n >= 0xcc + 32)
		cs_vd_text(out->firmware, sizeof(out->firmware), p + 0xcc, 32);
	return 0;
}
