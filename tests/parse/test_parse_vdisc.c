/* SPDX-License-Identifier: ISC */
/*
 * The vendor discovery parsers (parse/parse_vdisc.h), table-driven.  Each
 * datagram is built field by field from the layout its row cites
 * (/work/shared/docs/discovery-protocols.md section, and the source that
 * section names); rows then cut or alter it.  Values in the examples are
 * invented (no captured packet is reproduced).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "core/obs.h"
#include "parse/decode.h"
#include "parse/parse_vdisc.h"

#define MAXD 600

struct dg {
	uint8_t b[MAXD];
	size_t n;
};

static void
put(struct dg *d, size_t off, const void *p, size_t n)
{
	memcpy(d->b + off, p, n);
	if (off + n > d->n)
		d->n = off + n;
}

static void
puts_(struct dg *d, size_t off, const char *s)
{
	put(d, off, s, strlen(s));
}

static void
be16(struct dg *d, size_t off, unsigned v)
{
	uint8_t b[2] = {(uint8_t)(v >> 8), (uint8_t)v};

	put(d, off, b, 2);
}

static void
be32(struct dg *d, size_t off, uint32_t v)
{
	uint8_t b[4] = {(uint8_t)(v >> 24), (uint8_t)(v >> 16),
			(uint8_t)(v >> 8), (uint8_t)v};

	put(d, off, b, 4);
}

static const uint8_t MAC[6] = {0x00, 0x07, 0x5f, 0x12, 0x34, 0x56};
static const uint8_t IP[4] = {198, 18, 0, 20};

/* ---- builders, one per layout ---- */

/* §11 (UniversalScanner Dahua1): 120-byte section 1, MAC (+ model),
 * "Key:Value" lines. */
static void
b_dh5050(struct dg *d)
{
	static const char s2[] = "3c:ef:8c:01:02:03IPC-HFW1230S";
	static const char s3[] = "Name:cam1\r\nSerialNo:4A0123456789\r\n"
				 "IPv6Addr:fe80::1/64\r\n";

	d->b[0] = 0xb3;
	d->b[2] = (uint8_t)(sizeof(s2) - 1);
	d->b[3] = 0x01;
	d->b[4] = 0x58;
	d->b[0x10] = 0x02;
	d->b[0x14] = (uint8_t)(sizeof(s3) - 1);
	puts_(d, 0x28, "IPC");
	put(d, 0x38, IP, 4);
	d->n = 120;
	puts_(d, 120, s2);
	puts_(d, 120 + sizeof(s2) - 1, s3);
}

/* §1 (UniversalScanner Bosch): the 32-byte binary reply. */
static void
b_bosch_bin(struct dg *d)
{
	be32(d, 0, 0x9939a427u);
	be32(d, 4, 0x01020304u);
	put(d, 8, MAC, 6);
	put(d, 16, IP, 4);
	d->n = 32;
}

/* §1: the XML reply form. */
static void
b_bosch_xml(struct dg *d)
{
	puts_(d, 0,
	      "<?xml version=\"1.0\"?><device><friendlyName>DINION IP 5000"
	      "</friendlyName><unitIPAddress>198.18.0.20</unitIPAddress>"
	      "<physAddress>00-07-5f-12-34-56</physAddress><serialNumber>"
	      "044123456789</serialNumber></device>");
}

/* §2 (UniversalScanner Hanwha): 262 bytes, type 0x0b. */
static void
b_hanwha(struct dg *d)
{
	d->b[0] = 0x0b;
	puts_(d, 0x13, "00:09:18:AB:CD:EF");
	puts_(d, 0x25, "198.18.0.20");
	puts_(d, 0x35, "255.255.255.0");
	puts_(d, 0x6d, "XNV-6080R");
	puts_(d, 0x85, "http://198.18.0.20");
	d->n = 262;
}

/* §3 (UniversalScanner Panasonic, Easy_IP): header, records from 0x30. */
static size_t
tlv(struct dg *d, size_t off, unsigned tag, const void *v, size_t n)
{
	be16(d, off, tag);
	be16(d, off + 2, (unsigned)n);
	put(d, off + 4, v, n);
	return off + 4 + n;
}

static void
b_panasonic(struct dg *d)
{
	size_t o = 0x30;

	be16(d, 0, 0x0001);
	be16(d, 4, 0x000d);
	put(d, 6, MAC, 6);
	o = tlv(d, o, 0x20, IP, 4);
	o = tlv(d, o, 0xa7, "Lobby\0\0\0", 8);
	o = tlv(d, o, 0xa8, "WV-S2131L", 9);
	o = tlv(d, o, 0xa9, "2.40", 4);
	o = tlv(d, o, 0xd1, "XBA01234", 8);
	be16(d, o, 0xffff);
	be16(d, o + 2, 0x1234);
}

static void
b_panasonic_nvr(struct dg *d)
{
	size_t o = 0x30;
	uint8_t ch[2] = {0, 16};

	be16(d, 0, 0x0001);
	be16(d, 4, 0x000d);
	put(d, 6, MAC, 6);
	o = tlv(d, o, 0xa8, "NX400", 5);
	o = tlv(d, o, 0xc0, ch, 2);
	be16(d, o, 0xffff);
}

/* §4 (Sony SRG technical manuals): STX, units ended by 0xff, ETX. */
static void
sony_frame(struct dg *d, const char *const *units)
{
	size_t o = 1;

	d->b[0] = 0x02;
	for (; *units; units++) {
		puts_(d, o, *units);
		o += strlen(*units);
		d->b[o++] = 0xff;
	}
	d->b[o++] = 0x03;
	d->n = o;
}

static void
b_sony(struct dg *d)
{
	static const char *const u[] = {"MAC:08-00-46-12-34-56",
					"MODEL:SRG-300SE",
					"SOFTVERSION:2.10",
					"IPADR:198.18.0.20",
					"MASK:255.255.255.0",
					"NAME:CAM1",
					"WRITE:on",
					NULL};

	sony_frame(d, u);
}

static void
b_sony_snc(struct dg *d)
{
	static const char *const u[] = {"model:SNC-EM602R", "serial:1234567",
					"mac:08:00:46:ab:cd:ef",
					"ipadr:198.18.0.20", NULL};

	sony_frame(d, u);
}

static void
b_sony_set(struct dg *d)
{
	static const char *const u[] = {
	    "MAC:08-00-46-12-34-56", "IPADR:198.18.0.99", "MASK:255.255.255.0",
	    "NAME:CAM1", NULL};

	sony_frame(d, u);
}

static void
b_sony_enq(struct dg *d)
{
	static const char *const u[] = {"ENQ:network", NULL};

	sony_frame(d, u);
}

/* §5 (UniversalScanner Vivotek): counter, magic, 1+1 byte records. */
static void
b_vivotek(struct dg *d)
{
	size_t o = 5;

	d->b[0] = 7;
	be32(d, 1, 0x4a5d8f1cu);
	d->b[o++] = 0x04; /* a value in the length byte */
	d->b[o++] = 0x01;
	d->b[o++] = 0x02;
	d->b[o++] = 6;
	put(d, o, (const uint8_t[6]){0x00, 0x02, 0xd1, 0x11, 0x22, 0x33}, 6);
	o += 6;
	d->b[o++] = 0x03;
	d->b[o++] = 4;
	put(d, o, IP, 4);
	o += 4;
	d->b[o++] = 0x09;
	d->b[o++] = 7;
	puts_(d, o, "IB9368H");
	o += 7;
	d->b[o++] = 0x01;
	d->b[o++] = 12;
	puts_(d, o, "Parking lot1");
}

/* §6 (Foscam search protocol text): 88-byte Search_Resp. */
static void
b_foscam(struct dg *d)
{
	puts_(d, 0, "MO_I");
	d->b[4] = 1;
	d->b[0x0f] = 88 - 23;
	puts_(d, 0x17, "00626E4A1B2C");
	puts_(d, 0x24, "FI8918W");
	put(d, 0x39, IP, 4);
	put(d, 0x4d, (const uint8_t[4]){11, 37, 2, 49}, 4);
	put(d, 0x51, (const uint8_t[4]){2, 0, 10, 3}, 4);
	be16(d, 0x55, 80);
	d->n = 88;
}

/* The same, obfuscated as UniversalScanner Foscam.cs undoes it. */
static void
b_foscam_xor(struct dg *d)
{
	static const uint8_t key[8] = {0x5a, 0x13, 0x77, 0x01,
				       0xc3, 0x99, 0x20, 0x0f};

	b_foscam(d);
	d->b[6] = 1;
	put(d, 7, key, 8);
	for (size_t i = 23; i < d->n; i++)
		d->b[i] ^= key[(i - 23) % 8];
}

static void
b_foscam_init(struct dg *d)
{
	puts_(d, 0, "MO_I");
	d->b[4] = 2; /* Init_Req: sets the address, carries credentials */
	d->n = 23 + 65;
}

/* §7 (UniversalScanner Vstarcam): "DH" 01 08, fixed fields. */
static void
b_vstarcam(struct dg *d)
{
	puts_(d, 0, "DH\x01\x08");
	puts_(d, 0x04, "198.18.0.20");
	puts_(d, 0x14, "255.255.255.0");
	put(d, 0x54, (const uint8_t[6]){0x48, 0x02, 0x2a, 0x01, 0x02, 0x03}, 6);
	puts_(d, 0x5c, "VSTC123456ABCDE");
	puts_(d, 0x7c, "C7824WIP");
	puts_(d, 0xcc, "48.2.64.36");
	d->n = 0x100;
}

/* §8 (Wireshark UBDP, Nmap): version, command, length, TLVs. */
static size_t
utlv(struct dg *d, size_t off, unsigned type, const void *v, size_t n)
{
	d->b[off] = (uint8_t)type;
	be16(d, off + 1, (unsigned)n);
	put(d, off + 3, v, n);
	return off + 3 + n;
}

static void
b_ubnt(struct dg *d)
{
	uint8_t mi[10] = {0x24, 0xa4, 0x3c, 0x01, 0x02, 0x03, 198, 18, 0, 20};
	size_t o = 4;

	d->b[0] = 1;
	d->b[1] = 0;
	o = utlv(d, o, 0x02, mi, 10);
	o = utlv(d, o, 0x03, "UVC.S2L.v4.23.8.67.0eca0f3.200511.1233", 38);
	o = utlv(d, o, 0x0b, "garage-cam", 10);
	o = utlv(d, o, 0x0c, "UVC-G3", 6);
	o = utlv(d, o, 0x14, "UVC G3", 6);
	be16(d, 2, (unsigned)(o - 4));
}

static void
b_ubnt_v2(struct dg *d)
{
	size_t o = 4;

	d->b[0] = 2;
	d->b[1] = 0x06;
	o = utlv(d, o, 0x01, (const uint8_t[6]){0x24, 0xa4, 0x3c, 9, 8, 7}, 6);
	o = utlv(d, o, 0x15, "UVC-G4-PRO", 10);
	o = utlv(d, o, 0x16, "4.51.20", 7);
	be16(d, 2, (unsigned)(o - 4));
}

static void
b_ubnt_probe(struct dg *d)
{
	put(d, 0, (const uint8_t[4]){0x02, 0x08, 0x00, 0x00}, 4);
}

/* §13 (GVCP dissector, PcapPlusPlus): an 8-byte ack header and the
 * 248-byte DISCOVERY_ACK body. */
static void
b_gvcp(struct dg *d)
{
	be16(d, 0, 0);
	be16(d, 2, 0x0003);
	be16(d, 4, 248);
	be16(d, 6, 1);
	be16(d, 8, 2);
	be16(d, 10, 0);
	be32(d, 0x0c, 0x80000000u); /* big-endian, class transmitter */
	put(d, 0x12, (const uint8_t[6]){0x00, 0x30, 0x53, 0x1a, 0x2b, 0x3c}, 6);
	put(d, 0x2c, IP, 4);
	puts_(d, 0x50, "Basler");
	puts_(d, 0x70, "acA1920-25gm");
	puts_(d, 0x90, "106755-20");
	puts_(d, 0xe0, "22334455");
	puts_(d, 0xf0, "line3");
	d->n = 256;
}

static void
b_gvcp_forceip(struct dg *d)
{
	d->b[0] = 0x42;
	d->b[1] = 0x01;
	be16(d, 2, 0x0004);
	be16(d, 4, 56);
	be16(d, 6, 9);
	d->n = 8 + 56;
}

/* §9 (UniversalScanner 360Vision): one KEY=value line. */
static void
b_v360(struct dg *d)
{
	puts_(d, 0, "TYPE='Predator' KEY=\"0A1B2C3D\" VER=1\r\n");
}

/* §10 (UniversalScanner NiceVision): 90 bytes. */
static void
b_nice(struct dg *d)
{
	puts_(d, 0, "NICE");
	be16(d, 4, 7);
	put(d, 0x0a, (const uint8_t[6]){0x00, 0x0d, 0x8b, 0x01, 0x02, 0x03}, 6);
	put(d, 0x10, IP, 4);
	be16(d, 0x1e, 5);
	be16(d, 0x20, 3);
	be16(d, 0x22, 0);
	be16(d, 0x24, 12);
	puts_(d, 0x4a, "NiceVision VT-1");
	d->n = 90;
}

/* ---- the table ---- */

struct row {
	const char *what;
	const char *kind;
	void (*build)(struct dg *);
	size_t cut; /* keep only this many bytes (0: all) */
	int rc;     /* 0 or CS_EPROTO */
	enum cs_vd_msg msg;
	bool truncated;
	const char *mac, *ip, *model, *firmware, *name, *serial, *cls, *vendor;
};

static void
b_none(struct dg *d)
{
	(void)d;
}

#define R(w, k, b, cut, msg, tr, mac, ip, mo, fw, nm, se, cl, ve)              \
	{                                                                      \
		w, k, b, cut, 0, msg, tr, mac, ip, mo, fw, nm, se, cl, ve      \
	}
#define BAD(w, k, b, cut)                                                      \
	{                                                                      \
		w, k, b, cut, CS_EPROTO, 0, false, "", "", "", "", "", "", "", \
		    ""                                                         \
	}

static const struct row rows[] = {
    R("dh5050 reply, 3 sections", "dh5050", b_dh5050, 0, CS_VD_REPLY, false,
      "3c:ef:8c:01:02:03", "198.18.0.20", "IPC-HFW1230S", "", "cam1",
      "4A0123456789", "", ""),
    R("dh5050 reply cut in section 3", "dh5050", b_dh5050, 150, CS_VD_REPLY,
      true, "3c:ef:8c:01:02:03", "198.18.0.20", "IPC-HFW1230S", "", "", "", "",
      ""),
    R("dh5050 reply cut in section 1", "dh5050", b_dh5050, 64, CS_VD_REPLY,
      true, "", "198.18.0.20", "IPC", "", "", "", "", ""),
    BAD("dh5050: 3 bytes", "dh5050", b_dh5050, 3),
    R("bosch binary reply", "bosch-disc", b_bosch_bin, 0, CS_VD_REPLY, false,
      "00:07:5f:12:34:56", "198.18.0.20", "", "", "", "", "", ""),
    R("bosch binary reply cut: other", "bosch-disc", b_bosch_bin, 20,
      CS_VD_OTHER, false, "", "", "", "", "", "", "", ""),
    R("bosch XML reply", "bosch-disc", b_bosch_xml, 0, CS_VD_REPLY, false,
      "00:07:5f:12:34:56", "198.18.0.20", "DINION IP 5000", "", "",
      "044123456789", "", ""),
    BAD("bosch: XML without its elements", "bosch-disc", b_v360, 0),
    R("hanwha reply", "hanwha-disc", b_hanwha, 0, CS_VD_REPLY, false,
      "00:09:18:ab:cd:ef", "198.18.0.20", "XNV-6080R", "", "", "", "", ""),
    R("hanwha reply cut after the address", "hanwha-disc", b_hanwha, 0x40,
      CS_VD_REPLY, true, "00:09:18:ab:cd:ef", "198.18.0.20", "", "", "", "", "",
      ""),
    BAD("hanwha reply cut in the MAC", "hanwha-disc", b_hanwha, 0x18),
    R("panasonic camera reply", "panasonic-disc", b_panasonic, 0, CS_VD_REPLY,
      false, "00:07:5f:12:34:56", "198.18.0.20", "WV-S2131L", "2.40", "Lobby",
      "XBA01234", "", ""),
    R("panasonic recorder reply", "panasonic-disc", b_panasonic_nvr, 0,
      CS_VD_REPLY, false, "00:07:5f:12:34:56", "", "NX400", "", "", "",
      "recorder", ""),
    R("panasonic reply cut in a record", "panasonic-disc", b_panasonic, 0x50,
      CS_VD_REPLY, true, "00:07:5f:12:34:56", "198.18.0.20", "", "", "Lobby",
      "", "", ""),
    BAD("panasonic: short header", "panasonic-disc", b_panasonic, 0x20),
    R("sony SRG inquiry reply", "sony-disc", b_sony, 0, CS_VD_REPLY, false,
      "08:00:46:12:34:56", "198.18.0.20", "SRG-300SE", "2.10", "CAM1", "", "",
      ""),
    R("sony SNC allinfo reply", "sony-snc-disc", b_sony_snc, 0, CS_VD_REPLY,
      false, "08:00:46:ab:cd:ef", "198.18.0.20", "SNC-EM602R", "", "",
      "1234567", "", ""),
    R("sony network setting: other", "sony-disc", b_sony_set, 0, CS_VD_OTHER,
      false, "", "", "", "", "", "", "", ""),
    R("sony ENQ: inquiry", "sony-disc", b_sony_enq, 0, CS_VD_INQUIRY, false, "",
      "", "", "", "", "", "", ""),
    BAD("sony: no STX", "sony-disc", b_v360, 0),
    R("vivotek reply", "vivotek-disc", b_vivotek, 0, CS_VD_REPLY, false,
      "00:02:d1:11:22:33", "198.18.0.20", "IB9368H", "", "Parking lot1", "", "",
      ""),
    R("vivotek reply cut in the long name", "vivotek-disc", b_vivotek, 33,
      CS_VD_REPLY, true, "00:02:d1:11:22:33", "198.18.0.20", "IB9368H", "", "",
      "", "", ""),
    R("vivotek header alone: inquiry", "vivotek-disc", b_vivotek, 5,
      CS_VD_INQUIRY, false, "", "", "", "", "", "", "", ""),
    BAD("vivotek: a foscam datagram", "vivotek-disc", b_foscam, 0),
    R("foscam Search_Resp", "foscam-disc", b_foscam, 0, CS_VD_REPLY, false, "",
      "198.18.0.20", "", "11.37.2.49", "FI8918W", "00626E4A1B2C", "", ""),
    R("foscam Search_Resp obfuscated", "foscam-disc", b_foscam_xor, 0,
      CS_VD_REPLY, false, "", "198.18.0.20", "", "11.37.2.49", "FI8918W",
      "00626E4A1B2C", "", ""),
    R("foscam Search_Resp cut", "foscam-disc", b_foscam, 0x40, CS_VD_REPLY,
      true, "", "198.18.0.20", "", "", "FI8918W", "00626E4A1B2C", "", ""),
    R("foscam Init_Req: other", "foscam-disc", b_foscam_init, 0, CS_VD_OTHER,
      false, "", "", "", "", "", "", "", ""),
    BAD("foscam: a vivotek datagram", "foscam-disc", b_vivotek, 0),
    R("vstarcam reply", "vstarcam-disc", b_vstarcam, 0, CS_VD_REPLY, false,
      "48:02:2a:01:02:03", "198.18.0.20", "C7824WIP", "48.2.64.36", "",
      "VSTC123456ABCDE", "", ""),
    R("vstarcam reply cut", "vstarcam-disc", b_vstarcam, 0x80, CS_VD_REPLY,
      true, "48:02:2a:01:02:03", "198.18.0.20", "", "", "", "VSTC123456ABCDE",
      "", ""),
    R("ubnt v1 reply", "ubnt-disc", b_ubnt, 0, CS_VD_REPLY, false,
      "24:a4:3c:01:02:03", "198.18.0.20", "UVC G3",
      "UVC.S2L.v4.23.8.67.0eca0f3.200511.1233", "garage-cam", "", "UVC-G3", ""),
    R("ubnt v2 reply", "ubnt-disc", b_ubnt_v2, 0, CS_VD_REPLY, false,
      "24:a4:3c:09:08:07", "", "UVC-G4-PRO", "4.51.20", "", "", "", ""),
    R("ubnt reply cut in a record", "ubnt-disc", b_ubnt, 40, CS_VD_REPLY, true,
      "24:a4:3c:01:02:03", "198.18.0.20", "", "", "", "", "", ""),
    BAD("ubnt reply header alone", "ubnt-disc", b_ubnt, 4),
    R("ubnt v2 probe: inquiry", "ubnt-disc", b_ubnt_probe, 0, CS_VD_INQUIRY,
      false, "", "", "", "", "", "", "", ""),
    R("gvcp DISCOVERY_ACK", "gvcp", b_gvcp, 0, CS_VD_REPLY, false,
      "00:30:53:1a:2b:3c", "198.18.0.20", "acA1920-25gm", "106755-20", "line3",
      "22334455", "transmitter", "Basler"),
    R("gvcp DISCOVERY_ACK cut", "gvcp", b_gvcp, 0x80, CS_VD_REPLY, true,
      "00:30:53:1a:2b:3c", "198.18.0.20", "", "", "", "", "transmitter",
      "Basler"),
    R("gvcp FORCEIP: other", "gvcp", b_gvcp_forceip, 0, CS_VD_OTHER, false, "",
      "", "", "", "", "", "", ""),
    BAD("gvcp: 4 bytes", "gvcp", b_gvcp, 4),
    R("v360 reply", "v360-disc", b_v360, 0, CS_VD_REPLY, false, "", "",
      "Predator", "", "", "0A1B2C3D", "", ""),
    R("v360 reply cut in a quote", "v360-disc", b_v360, 10, CS_VD_REPLY, true,
      "", "", "Pred", "", "", "", "", ""),
    BAD("v360: no known key", "v360-disc", b_none, 0),
    R("nice reply", "nice-disc", b_nice, 0, CS_VD_REPLY, false,
      "00:0d:8b:01:02:03", "198.18.0.20", "NiceVision VT-1", "5.3.0.12", "", "",
      "", ""),
    R("nice reply cut in the name", "nice-disc", b_nice, 0x50, CS_VD_REPLY,
      true, "00:0d:8b:01:02:03", "198.18.0.20", "NiceVi", "5.3.0.12", "", "",
      "", ""),
};

static void
mac_text(const struct cs_vdisc *v, char out[18])
{
	if (!v->has_mac) {
		out[0] = '\0';
		return;
	}
	snprintf(out, 18, "%02x:%02x:%02x:%02x:%02x:%02x", v->mac[0], v->mac[1],
		 v->mac[2], v->mac[3], v->mac[4], v->mac[5]);
}

static void
test_rows(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		const struct row *r = &rows[i];
		const struct cs_vd_proto *p = cs_vd_find(r->kind);
		struct dg d;
		struct cs_vdisc v;
		char mac[18];
		int rc;

		memset(&d, 0, sizeof(d));
		r->build(&d);
		if (r->cut && r->cut < d.n)
			d.n = r->cut;
		assert_non_null(p);
		rc = p->parse(d.b, d.n, &v);
		if (rc != r->rc)
			fail_msg("%s: rc %d, want %d", r->what, rc, r->rc);
		if (rc != 0)
			continue;
		if (v.msg != r->msg || v.truncated != r->truncated)
			fail_msg("%s: msg %d truncated %d", r->what, v.msg,
				 v.truncated);
		mac_text(&v, mac);
#define EQ(a, b)                                                               \
	if (strcmp(a, b) != 0)                                                 \
	fail_msg("%s: %s \"%s\", want \"%s\"", r->what, #b, a, b)
		EQ(mac, r->mac);
		EQ(v.ipv4, r->ip);
		EQ(v.model, r->model);
		EQ(v.firmware, r->firmware);
		EQ(v.name, r->name);
		EQ(v.serial, r->serial);
		EQ(v.devclass, r->cls);
		EQ(v.vendor, r->vendor);
#undef EQ
	}
}

/* Every prefix of every example, and every example with each byte
 * flipped, parses without reading outside its bytes (ASan) and says
 * nothing inconsistent. */
static void
test_cuts(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		const struct cs_vd_proto *p = cs_vd_find(rows[i].kind);
		struct dg d;
		struct cs_vdisc v;

		memset(&d, 0, sizeof(d));
		rows[i].build(&d);
		for (size_t n = 0; n <= d.n; n++) {
			uint8_t copy[MAXD];

			memcpy(copy, d.b, n);
			if (p->parse(n ? copy : NULL, n, &v) == 0)
				assert_true(v.msg >= CS_VD_REPLY &&
					    v.msg <= CS_VD_OTHER);
		}
		for (size_t k = 0; k < d.n; k++) {
			uint8_t copy[MAXD];

			memcpy(copy, d.b, d.n);
			copy[k] ^= 0xa5;
			(void)p->parse(copy, d.n, &v);
		}
	}
}

static void
test_table(void **state)
{
	size_t n;
	const struct cs_vd_proto *t = cs_vd_protos(&n);

	(void)state;
	assert_true(n >= 12);
	for (size_t i = 0; i < n; i++) {
		assert_ptr_equal(cs_vd_find(t[i].kind), &t[i]);
		assert_true(t[i].port > 0);
	}
	assert_null(cs_vd_find("wsd"));
	assert_false(cs_vd_is_reply("nope", (const uint8_t *)"x", 1));
}

/* Kind "vdisc": the protocol is told from the port and the bytes; every
 * whole reply of the table is read as its own protocol's, with the port
 * and without it. */
static void
test_guess(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		const struct row *r = &rows[i];
		const struct cs_vd_proto *p = cs_vd_find(r->kind), *g;
		struct dg d;

		if (r->rc != 0 || r->msg != CS_VD_REPLY || r->cut)
			continue;
		memset(&d, 0, sizeof(d));
		r->build(&d);
		g = cs_vd_guess(d.b, d.n, p->port);
		if (g == NULL || strcmp(g->prefix, p->prefix) != 0)
			fail_msg("%s: guessed %s with its port", r->what,
				 g ? g->kind : "nothing");
		g = cs_vd_guess(d.b, d.n, 0);
		if (g == NULL || strcmp(g->prefix, p->prefix) != 0)
			fail_msg("%s: guessed %s without a port", r->what,
				 g ? g->kind : "nothing");
	}
	assert_null(cs_vd_guess((const uint8_t *)"hello", 5, 0));
	/* module names are kinds too */
	assert_ptr_equal(cs_vd_find("bosch"), cs_vd_find("bosch-disc"));
	assert_ptr_equal(cs_vd_find("sony-snc"), cs_vd_find("sony-snc-disc"));
}

/* Arecont over mDNS (discovery-protocols.md §12): a PTR answer for
 * _arec._tcp.local naming "<model>-AV<6 hex>" gives the model and the MAC
 * with Arecont's OUI 00:1a:07. */
static void
test_arecont_mdns(void **state)
{
	static const char svc[] = "\x05_arec\x04_tcp\x05local";
	static const char inst[] = "\x11" "AV2155DN-AV1A2B3C";
	uint8_t m[256];
	size_t n = 0;
	struct cs_dec *d = cs_dec_new();
	struct cs_obs_list obs;
	const struct cs_obs *o;

	(void)state;
	memcpy(m, "\x00\x00\x84\x00\x00\x00\x00\x01\x00\x00\x00\x00", 12);
	n = 12;
	memcpy(m + n, svc, sizeof(svc)); /* with its root label */
	n += sizeof(svc);
	memcpy(m + n, "\x00\x0c\x00\x01\x00\x00\x00\x78", 8);
	n += 8;
	m[n++] = 0;
	m[n++] = (uint8_t)(sizeof(inst) - 1 + 2);
	memcpy(m + n, inst, sizeof(inst) - 1);
	n += sizeof(inst) - 1;
	m[n++] = 0xc0; /* pointer to the service name at 12 */
	m[n++] = 12;
	cs_obs_list_init(&obs);
	assert_int_equal(cs_decode(d, "mdns", m, n, 5353, NULL, &obs), 0);
	o = cs_obs_find(&obs, "arecont.model", 0);
	assert_non_null(o);
	assert_int_equal(o->len, 8);
	assert_memory_equal(o->val, "AV2155DN", 8);
	o = cs_obs_find(&obs, "mac", 0);
	assert_non_null(o);
	assert_int_equal(o->len, 17);
	assert_memory_equal(o->val, "00:1a:07:1a:2b:3c", 17);
	cs_obs_list_free(&obs);
	cs_dec_free(d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_rows),
	    cmocka_unit_test(test_cuts),
	    cmocka_unit_test(test_table),
	    cmocka_unit_test(test_arecont_mdns),
	    cmocka_unit_test(test_guess),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
