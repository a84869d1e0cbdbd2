/* SPDX-License-Identifier: ISC */
/*
 * Vivotek discovery, UDP 10000 (discovery-protocols.md §5).  Layout from
 * one reverse-engineered implementation (UniversalScanner Vivotek.cs):
 * ASSUMED.
 *
 * Header (5 bytes): a session counter, then the BE magic 0x4a5d8f1c.  The
 * inquiry is the header alone.  A reply adds records of a 1-byte type and
 * a 1-byte length: 0x01 long name, 0x02 MAC (6), 0x03 IPv4 (4), 0x09
 * short name (the model); type 0x04 carries a single value byte in its
 * length position and no value.  No firmware field is known.  UDP 10000
 * is shared with Foscam (its datagrams start "MO_I").
 */
#include <string.h>

#include "parse/parse_vdisc.h"
#include "core/poison.h"

#define MAGIC 0x4a5d8f1cu
#define MAX_TLV 64

int
cs_vd_vivotek_parse(const uint8_t *p, size_t n, struct cs_vdisc *out)
{
	size_t off = 5;
	unsigned seen = 0;

	memset(out, 0, sizeof(*out));
	if (n < 5 || cs_vd_be32(p + 1) != MAGIC)
		return CS_EPROTO;
	if (n == 5) {
		out->msg = CS_VD_INQUIRY;
		return 0;
	}
	out->msg = CS_VD_REPLY;
	for (unsigned k = 0; k < MAX_TLV && off + 2 <= n; k++) {
		uint8_t type = p[off];
		size_t len = p[off + 1];
		const uint8_t *v = p + off + 2;

		if (type == 0x00)
			break; /* invalid */
		if (type == 0x04) {
			off += 2; /* value in the length byte */
			continue;
		}
		if (len > n - off - 2) {
			out->truncated = true;
			break;
		}
		seen++;
		if (type == 0x01)
			cs_vd_text(out->name, sizeof(out->name), v, len);
		else if (type == 0x02 && len == 6)
			cs_vd_mac(out, v);
		else if (type == 0x03 && len == 4)
			cs_vd_ipv4(out->ipv4, v);
		else if (type == 0x09)
			cs_vd_text(out->model, sizeof(out->model), v, len);
		off += 2 + len;
	}
	if (seen == 0)
		out->truncated = true;
	return 0;
}
