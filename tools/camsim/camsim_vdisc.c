/* SPDX-License-Identifier: ISC */
/* Vendor discovery responders of camsim; see camsim_vdisc.h.  Section
 * numbers (§n) refer to /work/shared/docs/discovery-protocols.md. */
#include "camsim_vdisc.h"

#include <stdio.h>
#include <string.h>

#include "core/str.h"
#include "core/poison.h"

#define MAXR 600

struct rep {
	uint8_t b[MAXR];
	size_t n;
};

static void
put(struct rep *r, size_t off, const void *p, size_t n)
{
	if (off >= MAXR)
		return;
	if (n > MAXR - off)
		n = MAXR - off;
	memcpy(r->b + off, p, n);
	if (off + n > r->n)
		r->n = off + n;
}

/* Text into a fixed field of width w (NUL-padded, cut to w - 1). */
static void
field(struct rep *r, size_t off, const char *s, size_t w)
{
	size_t n = strlen(s);

	put(r, off, s, n < w ? n : w - 1);
	if (off + w > r->n)
		r->n = off + w;
}

static void
be16(struct rep *r, size_t off, unsigned v)
{
	uint8_t b[2] = {(uint8_t)(v >> 8), (uint8_t)v};

	put(r, off, b, 2);
}

static void
be32(struct rep *r, size_t off, uint32_t v)
{
	uint8_t b[4] = {(uint8_t)(v >> 24), (uint8_t)(v >> 16),
			(uint8_t)(v >> 8), (uint8_t)v};

	put(r, off, b, 4);
}

static const char *
var(const struct cs_camsim_device *d, const char *name, const char *def)
{
	const char *v = cs_camsim_device_var(d, name, strlen(name));

	return v != NULL ? v : def;
}

static const char *
adv_ip(const struct cs_camsim_device *d)
{
	return var(d, "adv_ip", d->ip);
}

static const char *
dname(const struct cs_camsim_device *d)
{
	return var(d, "disc_name", d->model->name);
}

/* Up to four dot-separated decimal numbers of s into v (missing or
 * out-of-range ones 0). */
static void
nums4(const char *s, uint8_t v[4])
{
	memset(v, 0, 4);
	for (int i = 0; i < 4 && *s; i++) {
		unsigned x = 0;
		int digits = 0;

		while (*s >= '0' && *s <= '9' && digits < 4) {
			x = x * 10 + (unsigned)(*s++ - '0');
			digits++;
		}
		v[i] = x <= 255 ? (uint8_t)x : 0;
		while (*s && *s != '.')
			s++;
		if (*s == '.')
			s++;
	}
}

static void
ip_bytes(const char *s, uint8_t a[4])
{
	nums4(s, a);
}

static void
mac_bytes(const struct cs_camsim_device *d, uint8_t m[6])
{
	memset(m, 0, 6);
	for (size_t i = 0; i < 6 && d->mac_hex[2 * i + 1]; i++)
		m[i] = (uint8_t)(cs_hexval(d->mac_hex[2 * i]) << 4 |
				 cs_hexval(d->mac_hex[2 * i + 1]));
}

static bool
span_is(struct cs_span in, const void *p, size_t n)
{
	return in.n == n && memcmp(in.p, p, n) == 0;
}

/* §11: section 1 (120 bytes), MAC + model, "Key:Value" lines. */
static void
dh5050(const struct cs_camsim_device *d, struct cs_span in, struct rep *r)
{
	char s2[96], s3[256];
	uint8_t ip[4];
	size_t n2, n3;

	if (in.n != 32 || in.p[0] != 0xa3 || in.p[1] != 0x01 || in.p[3] != 0x01)
		return;
	n2 = (size_t)snprintf(s2, sizeof(s2), "%s%s", d->mac, d->model->name);
	n3 = (size_t)snprintf(s3, sizeof(s3),
			      "Name:%s\r\nSerialNo:%s\r\nIPv6Addr:::/64\r\n",
			      dname(d), d->serial);
	if (n2 >= sizeof(s2))
		n2 = sizeof(s2) - 1;
	if (n3 >= sizeof(s3))
		n3 = sizeof(s3) - 1;
	r->b[0] = 0xb3;
	r->b[2] = (uint8_t)n2;
	r->b[3] = 0x01;
	r->b[4] = 0x58;
	r->b[0x10] = 0x02;
	r->b[0x14] = (uint8_t)n3;
	r->b[0x15] = (uint8_t)(n3 >> 8);
	field(r, 0x28, "IPC", 16);
	ip_bytes(adv_ip(d), ip);
	put(r, 0x38, ip, 4);
	r->n = 120;
	put(r, 120, s2, n2);
	put(r, 120 + n2, s3, n3);
}

/* §1: the XML form (friendlyName, unitIPAddress, physAddress,
 * serialNumber); profile var bosch_binary=1 gives the 32-byte form. */
static void
bosch(const struct cs_camsim_device *d, struct cs_span in, struct rep *r)
{
	static const uint8_t magic[4] = {0x99, 0x39, 0xa4, 0x27},
			     req[4] = {0xff, 0x00, 0x06, 0xde};
	char x[512];
	int n;

	if (in.n != 12 || memcmp(in.p, magic, 4) != 0 ||
	    memcmp(in.p + 8, req, 4) != 0)
		return;
	if (strcmp(var(d, "bosch_binary", "0"), "1") == 0) {
		uint8_t m[6], ip[4];

		put(r, 0, in.p, 8); /* magic and the transaction id */
		mac_bytes(d, m);
		put(r, 8, m, 6);
		ip_bytes(adv_ip(d), ip);
		put(r, 16, ip, 4);
		r->n = 32;
		return;
	}
	n = snprintf(x, sizeof(x),
		     "<?xml version=\"1.0\" encoding=\"UTF-8\"?><unit>"
		     "<friendlyName>%s</friendlyName><unitIPAddress>%s"
		     "</unitIPAddress><physAddress>%s</physAddress>"
		     "<serialNumber>%s</serialNumber></unit>",
		     d->model->name, adv_ip(d), d->mac, d->serial);
	if (n > 0)
		put(r, 0, x, (size_t)n < sizeof(x) ? (size_t)n : sizeof(x) - 1);
}

/* §2: 262 bytes, type 0x0b, ASCII fields. */
static void
hanwha(const struct cs_camsim_device *d, struct cs_span in, struct rep *r)
{
	char url[64];

	if (in.n != 262 || in.p[0] != 0x01)
		return;
	r->b[0] = 0x0b;
	field(r, 0x13, d->mac_up, 18);
	field(r, 0x25, adv_ip(d), 16);
	field(r, 0x35, "255.255.255.0", 16);
	field(r, 0x6d, d->model->name, 10);
	snprintf(url, sizeof(url), "http://%s", adv_ip(d));
	field(r, 0x85, url, 39);
	r->n = 262;
}

static size_t
ptlv(struct rep *r, size_t off, unsigned tag, const void *v, size_t n)
{
	be16(r, off, tag);
	be16(r, off + 2, (unsigned)n);
	put(r, off + 4, v, n);
	return off + 4 + n;
}

/* §3: header with the device MAC at 0x06, records from 0x30, 0xffff, a
 * checksum.  The reply's command code is not in the sources: 0x000d is
 * echoed (ASSUMED). */
static void
panasonic(const struct cs_camsim_device *d, struct cs_span in, struct rep *r)
{
	static const uint8_t zero[6];
	uint8_t m[6], ip[4];
	size_t o = 0x30;
	unsigned sum = 1;

	if (in.n < 0x30 || in.p[0] != 0 || in.p[1] != 1 || in.p[4] != 0 ||
	    in.p[5] != 0x0d || memcmp(in.p + 6, zero, 6) != 0)
		return;
	be16(r, 0, 0x0001);
	be16(r, 4, 0x000d);
	mac_bytes(d, m);
	put(r, 6, m, 6);
	put(r, 0x0c, m, 6);
	ip_bytes(adv_ip(d), ip);
	put(r, 0x12, ip, 4);
	r->b[0x25] = 0x02;
	o = ptlv(r, o, 0x20, ip, 4);
	o = ptlv(r, o, 0xa7, dname(d), strlen(dname(d)));
	o = ptlv(r, o, 0xa8, d->model->name, strlen(d->model->name));
	o = ptlv(r, o, 0xa9, d->firmware, strlen(d->firmware));
	o = ptlv(r, o, 0xd1, d->serial, strlen(d->serial));
	be16(r, 2, (unsigned)(o - 0x30));
	be16(r, o, 0xffff);
	for (size_t i = 0; i < o + 2 && i < MAXR; i++)
		sum += r->b[i];
	be16(r, o + 2, sum & 0xffff);
}

static void
unit(struct rep *r, const char *k, const char *v)
{
	char u[160];
	int n = snprintf(u, sizeof(u), "%s:%s", k, v);

	if (n > 0)
		put(r, r->n, u,
		    (size_t)n < sizeof(u) ? (size_t)n : sizeof(u) - 1);
	put(r, r->n, "\xff", 1);
}

/* §4: STX, units, ETX. */
static void
sony(const struct cs_camsim_device *d, struct cs_span in, struct rep *r,
     bool snc)
{
	static const char net[] = "\x02"
				  "ENQ:network\xff\x03",
			  all[] = "\x02"
				  "ENQ:allinfo\xff\x03";
	char mac[18];

	if (!span_is(in, snc ? all : net, sizeof(net) - 1))
		return;
	cs_strlcpy(mac, snc ? d->mac : d->mac_dash, sizeof(mac));
	r->b[0] = 0x02;
	r->n = 1;
	unit(r, snc ? "mac" : "MAC", mac);
	unit(r, snc ? "model" : "MODEL", d->model->name);
	if (snc) {
		unit(r, "serial", d->serial);
		unit(r, "ipadr", adv_ip(d));
	} else {
		unit(r, "SOFTVERSION", d->firmware);
		unit(r, "IPADR", adv_ip(d));
		unit(r, "MASK", "255.255.255.0");
		unit(r, "NAME", "CAM1");
		unit(r, "WRITE", "off");
	}
	put(r, r->n, "\x03", 1);
}

/* §5: the 5-byte header echoed, then 1+1-byte records. */
static void
vivotek(const struct cs_camsim_device *d, struct cs_span in, struct rep *r)
{
	static const uint8_t magic[4] = {0x4a, 0x5d, 0x8f, 0x1c};
	uint8_t m[6], ip[4], h[2];
	const char *s;

	if (in.n != 5 || memcmp(in.p + 1, magic, 4) != 0)
		return;
	put(r, 0, in.p, 5);
	mac_bytes(d, m);
	ip_bytes(adv_ip(d), ip);
	put(r, r->n, (const uint8_t[2]){0x02, 6}, 2);
	put(r, r->n, m, 6);
	put(r, r->n, (const uint8_t[2]){0x03, 4}, 2);
	put(r, r->n, ip, 4);
	put(r, r->n, (const uint8_t[2]){0x04, 0x01}, 2);
	s = d->model->name;
	h[0] = 0x09;
	h[1] = (uint8_t)(strlen(s) < 64 ? strlen(s) : 64);
	put(r, r->n, h, 2);
	put(r, r->n, s, h[1]);
	s = dname(d);
	h[0] = 0x01;
	h[1] = (uint8_t)(strlen(s) < 64 ? strlen(s) : 64);
	put(r, r->n, h, 2);
	put(r, r->n, s, h[1]);
}

/* The four numbers of a dotted version (missing ones 0). */
static void
ver4(const char *s, uint8_t v[4])
{
	nums4(s, v);
}

/* §6: Search_Resp, 88 bytes. */
static void
foscam(const struct cs_camsim_device *d, struct cs_span in, struct rep *r)
{
	uint8_t ip[4], v[4];

	if (in.n < 23 || memcmp(in.p, "MO_I", 4) != 0 || in.p[4] != 0 ||
	    in.p[5] != 0)
		return;
	put(r, 0, "MO_I", 4);
	r->b[4] = 1;
	r->b[0x0f] = 88 - 23;
	field(r, 0x17, d->mac_hexup, 13);
	field(r, 0x24, dname(d), 21);
	ip_bytes(adv_ip(d), ip);
	put(r, 0x39, ip, 4);
	put(r, 0x3d, (const uint8_t[4]){255, 255, 255, 0}, 4);
	ver4(d->firmware, v);
	put(r, 0x4d, v, 4);
	put(r, 0x51, (const uint8_t[4]){2, 0, 10, 3}, 4);
	be16(r, 0x55, 80);
	r->n = 88;
}

/* §7: "DH" 01 08 and fixed fields, 0x100 bytes. */
static void
vstarcam(const struct cs_camsim_device *d, struct cs_span in, struct rep *r)
{
	uint8_t m[6];

	if (!span_is(in, "DH\x01\x01", 4))
		return;
	put(r, 0, "DH\x01\x08", 4);
	field(r, 0x04, adv_ip(d), 16);
	field(r, 0x14, "255.255.255.0", 16);
	mac_bytes(d, m);
	put(r, 0x54, m, 6);
	be16(r, 0x5a, 81);
	field(r, 0x5c, d->serial, 32);
	field(r, 0x7c, d->model->name, 32);
	field(r, 0xcc, d->firmware, 32);
	r->n = 0x100;
}

static void
utlv(struct rep *r, unsigned type, const void *v, size_t n)
{
	uint8_t h[3] = {(uint8_t)type, (uint8_t)(n >> 8), (uint8_t)n};

	put(r, r->n, h, 3);
	put(r, r->n, v, n);
}

/* §8: a v1 reply to the v1 probe, a v2 reply (command 0x06) to v2. */
static void
ubnt(const struct cs_camsim_device *d, struct cs_span in, struct rep *r)
{
	bool v2;
	uint8_t mi[10];

	if (span_is(in, "\x01\x00\x00\x00", 4))
		v2 = false;
	else if (span_is(in, "\x02\x08\x00\x00", 4))
		v2 = true;
	else
		return;
	r->b[0] = v2 ? 2 : 1;
	r->b[1] = v2 ? 0x06 : 0x00;
	r->n = 4;
	mac_bytes(d, mi);
	ip_bytes(adv_ip(d), mi + 6);
	utlv(r, 0x02, mi, 10);
	utlv(r, 0x0b, dname(d), strlen(dname(d)));
	utlv(r, v2 ? 0x15 : 0x14, d->model->name, strlen(d->model->name));
	utlv(r, v2 ? 0x16 : 0x03, d->firmware, strlen(d->firmware));
	be16(r, 2, (unsigned)(r->n - 4));
}

/* §13: DISCOVERY_ACK, ack id = the request id. */
static void
gvcp(const struct cs_camsim_device *d, struct cs_span in, struct rep *r)
{
	uint8_t m[6], ip[4];

	if (in.n != 8 || in.p[0] != 0x42 || in.p[2] != 0 || in.p[3] != 2)
		return;
	be16(r, 2, 0x0003);
	be16(r, 4, 248);
	put(r, 6, in.p + 6, 2);
	be16(r, 8, 2);
	be32(r, 0x0c, 0x80000000u);
	mac_bytes(d, m);
	put(r, 0x12, m, 6);
	ip_bytes(adv_ip(d), ip);
	put(r, 0x2c, ip, 4);
	field(r, 0x50, var(d, "gvcp_manufacturer", d->prof->brand), 32);
	field(r, 0x70, d->model->name, 32);
	field(r, 0x90, d->firmware, 32);
	field(r, 0xe0, d->serial, 16);
	field(r, 0xf0, dname(d), 16);
	r->n = 256;
}

/* §9: one KEY=value line. */
static void
v360(const struct cs_camsim_device *d, struct cs_span in, struct rep *r)
{
	char t[256];
	int n;

	if (in.n < 8 || memcmp(in.p, "DISCOVER", 8) != 0)
		return;
	n = snprintf(t, sizeof(t), "TYPE='%s' KEY=\"%s\"\r\n", d->model->name,
		     d->serial);
	if (n > 0)
		put(r, 0, t, (size_t)n < sizeof(t) ? (size_t)n : sizeof(t) - 1);
}

/* §10: 90 bytes, the transaction id echoed. */
static void
nice(const struct cs_camsim_device *d, struct cs_span in, struct rep *r)
{
	uint8_t m[6], ip[4], v[4];

	if (in.n != 14 || memcmp(in.p, "NICE", 4) != 0)
		return;
	put(r, 0, in.p, 6);
	mac_bytes(d, m);
	put(r, 0x0a, m, 6);
	ip_bytes(adv_ip(d), ip);
	put(r, 0x10, ip, 4);
	ver4(d->firmware, v);
	for (int i = 0; i < 4; i++)
		be16(r, 0x1e + 2 * (size_t)i, v[i]);
	field(r, 0x4a, d->model->name, 22);
	r->n = 90;
}

int
cs_camsim_vdisc_answer(const struct cs_camsim_device *d, enum cs_camsim_disc k,
		       struct cs_span in, struct cs_buf *out)
{
	struct rep r;

	memset(&r, 0, sizeof(r));
	switch (k) {
	case CS_CAMSIM_DISC_DH5050:
		dh5050(d, in, &r);
		break;
	case CS_CAMSIM_DISC_BOSCH:
		bosch(d, in, &r);
		break;
	case CS_CAMSIM_DISC_HANWHA:
		hanwha(d, in, &r);
		break;
	case CS_CAMSIM_DISC_PANASONIC:
		panasonic(d, in, &r);
		break;
	case CS_CAMSIM_DISC_SONY:
		sony(d, in, &r, false);
		break;
	case CS_CAMSIM_DISC_SONY_SNC:
		sony(d, in, &r, true);
		break;
	case CS_CAMSIM_DISC_VIVOTEK:
		vivotek(d, in, &r);
		break;
	case CS_CAMSIM_DISC_FOSCAM:
		foscam(d, in, &r);
		break;
	case CS_CAMSIM_DISC_VSTARCAM:
		vstarcam(d, in, &r);
		break;
	case CS_CAMSIM_DISC_UBNT:
		ubnt(d, in, &r);
		break;
	case CS_CAMSIM_DISC_GVCP:
		gvcp(d, in, &r);
		break;
	case CS_CAMSIM_DISC_V360:
		v360(d, in, &r);
		break;
	case CS_CAMSIM_DISC_NICE:
		nice(d, in, &r);
		break;
	default:
		return 0;
	}
	return r.n ? cs_buf_add(out, r.b, r.n) : 0;
}
