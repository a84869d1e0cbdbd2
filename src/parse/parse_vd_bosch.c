/* SPDX-License-Identifier: ISC */
/*
 * Bosch discovery, UDP 1757 -> replies to 1758 (discovery-protocols.md
 * §1).  Layout from one reverse-engineered implementation
 * (UniversalScanner Bosch.cs): ASSUMED.  Bosch's RCP+ reference names the
 * mechanism ("Autodetecting Devices") but its text was not read.
 *
 * Request (12 bytes, BE): magic 0x9939a427, transaction id, 0xff0006de.
 * Binary reply (exactly 32 bytes): magic, transaction id, MAC (6), 2
 * unknown, IPv4, netmask, gateway, 4 unknown.  XML reply (any other
 * length, no magic): elements friendlyName (device type), unitIPAddress,
 * physAddress (MAC), serialNumber.  Firmware is in neither.
 */
#include <string.h>

#include "parse/parse_soap.h"
#include "parse/parse_vdisc.h"
#include "core/poison.h"

#define MAGIC 0x9939a427u
#define REQ 0xff0006deu

int
cs_vd_bosch_parse(const uint8_t *p, size_t n, struct cs_vdisc *out)
{
	static const char *const names[] = {"friendlyName", "unitIPAddress",
					    "physAddress", "serialNumber"};
	char txt[4][128];
	struct cs_xml_meta meta;

	memset(out, 0, sizeof(*out));
	if (n >= 4 && cs_vd_be32(p) == MAGIC) {
		if (n == 12) {
			out->op = cs_vd_be32(p + 8);
			out->msg = out->op == REQ ? CS_VD_INQUIRY : CS_VD_OTHER;
			return 0;
		}
		if (n != 32) {
			out->msg = CS_VD_OTHER;
			return 0;
		}
		out->msg = CS_VD_REPLY;
		cs_vd_mac(out, p + 8);
		cs_vd_ipv4(out->ipv4, p + 16);
		return 0;
	}
	/* The XML form: recognised by its elements. */
	if (n == 0 || memchr(p, '<', n) == NULL ||
	    cs_xml_find_text(p, n, names, 4, txt, &meta) != 0)
		return CS_EPROTO;
	if (!txt[0][0] && !txt[2][0])
		return CS_EPROTO;
	out->msg = CS_VD_REPLY;
	cs_vd_text(out->model, sizeof(out->model), (const uint8_t *)txt[0],
		   strlen(txt[0]));
	cs_vd_text(out->ipv4, sizeof(out->ipv4), (const uint8_t *)txt[1],
		   strlen(txt[1]));
	cs_vd_mac_text(out, (const uint8_t *)txt[2], strlen(txt[2]));
	cs_vd_text(out->serial, sizeof(out->serial), (const uint8_t *)txt[3],
		   strlen(txt[3]));
	return 0;
}
