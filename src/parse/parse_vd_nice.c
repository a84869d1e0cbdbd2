/* SPDX-License-Identifier: ISC */
/*
 * NICE Vision discovery, UDP 2007 (discovery-protocols.md §10).  Layout
 * from one reverse-engineered implementation (UniversalScanner
 * NiceVision.cs): ASSUMED, the request's length and the byte order of the
 * version words included.
 *
 * Request (14 bytes): "NICE", u16 BE transaction id, 01 08 00 00, 2 zero
 * bytes, u16 BE reply port.  Reply (90 bytes): "NICE", the transaction id,
 * 4 unknown, 0x0a MAC (6), 0x10 IPv4, 0x14 mask, 0x18 gateway, 2 unknown,
 * 0x1e four u16 version words (read BE, as the rest), 0x4a device name
 * (22 bytes, taken as model).
 */
#include <stdio.h>
#include <string.h>

#include "parse/parse_vdisc.h"
#include "core/poison.h"

#define REQ 14
#define RESP 90

int
cs_vd_nice_parse(const uint8_t *p, size_t n, struct cs_vdisc *out)
{
	static const uint8_t req_const[4] = {0x01, 0x08, 0x00, 0x00};

	memset(out, 0, sizeof(*out));
	if (n < 6 || memcmp(p, "NICE", 4) != 0)
		return CS_EPROTO;
	if (n <= 16) {
		out->msg = n == REQ && memcmp(p + 6, req_const, 4) == 0
			       ? CS_VD_INQUIRY
			       : CS_VD_OTHER;
		return 0;
	}
	out->msg = CS_VD_REPLY;
	out->truncated = n < RESP;
	if (n >= 0x10)
		cs_vd_mac(out, p + 0x0a);
	if (n >= 0x14)
		cs_vd_ipv4(out->ipv4, p + 0x10);
	if (n >= 0x26)
		snprintf(out->firmware, sizeof(out->firmware), "%u.%u.%u.%u",
			 cs_vd_be16(p + 0x1e), cs_vd_be16(p + 0x20),
			 cs_vd_be16(p + 0x22), cs_vd_be16(p + 0x24));
	if (n > 0x4a)
		cs_vd_text(out->model, sizeof(out->model), p + 0x4a,
			   n - 0x4a < 22 ? n - 0x4a : 22);
	return 0;
}
