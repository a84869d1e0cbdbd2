/* SPDX-License-Identifier: ISC */
/*
 * GigE Vision Control Protocol discovery, UDP 3956 (discovery-protocols.md
 * §13: Wireshark's AIA-contributed GVCP dissector, PcapPlusPlus's
 * GvcpLayer "based on the GigE Vision Specification version 2.0", Aravis;
 * the AIA specification itself is not public).
 *
 * Command header (8 bytes, BE): key 0x42, flags, u16 command, u16 length,
 * u16 request id.  DISCOVERY_CMD 0x0002 with length 0 is the inquiry;
 * every other command (FORCEIP 0x0004, READREG/WRITEREG 0x0080/0x0082,
 * READMEM/WRITEMEM 0x0084/0x0086, ACTION 0x0100 ...) is "other".
 * Acknowledge header: u16 status, u16 answer, u16 length, u16 ack id; the
 * DISCOVERY_ACK (answer 0x0003, body 248 bytes) carries, from the start
 * of the datagram: 0x0c device mode (bits 30..28 the device class:
 * transmitter, receiver, transceiver, peripheral), 0x12 MAC, 0x2c IPv4,
 * 0x50 manufacturer (32), 0x70 model (32), 0x90 device version (32),
 * 0xe0 serial (16), 0xf0 user-defined name (16), NUL-terminated ASCII.
 */
#include <string.h>

#include "parse/parse_vdisc.h"
#include "core/poison.h"

#define HDR 8
#define BODY 248

int
cs_vd_gvcp_parse(const uint8_t *p, size_t n, struct cs_vdisc *out)
{
	static const char *const classes[] = {"transmitter", "receiver",
					      "transceiver", "peripheral"};
	size_t m;

	memset(out, 0, sizeof(*out));
	if (n < HDR)
		return CS_EPROTO;
	if (p[0] == 0x42) {
		out->op = cs_vd_be16(p + 2);
		out->msg =
		    out->op == 0x0002 && cs_vd_be16(p + 4) == 0 && n == HDR
			? CS_VD_INQUIRY
			: CS_VD_OTHER;
		return 0;
	}
	out->op = cs_vd_be16(p + 2);
	if (out->op != 0x0003)
		return CS_EPROTO; /* another acknowledge, or not GVCP */
	if (cs_vd_be16(p) != 0 || cs_vd_be16(p + 4) != BODY) {
		/* A failed or odd DISCOVERY_ACK. */
		out->msg = CS_VD_OTHER;
		return 0;
	}
	out->msg = CS_VD_REPLY;
	m = n;
	out->truncated = n < HDR + BODY;
	if (m >= 0x10) {
		unsigned cls = (unsigned)(cs_vd_be32(p + 0x0c) >> 28) & 7;

		if (cls < 4)
			memcpy(out->devclass, classes[cls],
			       strlen(classes[cls]) + 1);
	}
	if (m >= 0x18)
		cs_vd_mac(out, p + 0x12);
	if (m >= 0x30)
		cs_vd_ipv4(out->ipv4, p + 0x2c);
	if (m >= 0x70)
		cs_vd_text(out->vendor, sizeof(out->vendor), p + 0x50, 32);
	if (m >= 0x90)
		cs_vd_text(out->model, sizeof(out->model), p + 0x70, 32);
	if (m >= 0xb0)
		cs_vd_text(out->firmware, sizeof(out->firmware), p + 0x90, 32);
	if (m >= 0xf0)
		cs_vd_text(out->serial, sizeof(out->serial), p + 0xe0, 16);
	if (m >= 0x100)
		cs_vd_text(out->name, sizeof(out->name), p + 0xf0, 16);
	return 0;
}
