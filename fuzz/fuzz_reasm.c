/* SPDX-License-Identifier: ISC */
/*
 * Fuzz target: TCP reassembly input.  The first byte picks the server
 * port (its low two bits: 80, 34567 Xiongmai DVRIP, 37777 Dahua DVRIP,
 * 21 FTP) and the IP version (bit 0x80: IPv6); then comes a series of
 * segments of one flow, each written as flags (1 byte), sequence offset
 * (2, big endian), length (1) and that many payload bytes; they are sent
 * from 127.0.0.2:PORT to 127.0.0.3 (IPv6: fd00::2 to 2001:db8::3) with
 * sequence 4000000000 + offset (so that the sequence space wraps) through
 * a fresh listener whose endpoint list names both destinations' ranges
 * and TCP port 40000, so the phone-home flow table sees the flow too.
 */
#include "fuzz.h"

#include <string.h>

#include "passive/passive.h"
#include "passive/phonehome.h"
#include "core/poison.h"

static void
sink(void *arg, const struct cs_passive_dev *d)
{
	(void)arg;
	(void)d;
}

/* Ethernet + IPv6 + TCP from fd00::2:80 to 2001:db8::3:40000. */
static const uint8_t hdr6[74] = {
    0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x02, 0, 0,  0,    0, 1, 0x86,
    0xdd, 0x60, 0,    0,    0,    0,    20,   6, 64, 0xfd, 0, 0, 0,
    0,    0,    0,    0,    0,    0,    0,    0, 0,  0,    0, 2, 0x20,
    0x01, 0x0d, 0xb8, 0,    0,    0,    0,    0, 0,  0,    0, 0, 0,
    0,    3,    0,    80,   0x9c, 0x40, 0,    0, 0,  0,    0, 0, 0,
    0,    0x50, 0x18, 0xff, 0xff, 0,    0,    0, 0};

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const uint8_t hdr[54] = {
	    0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x02, 0, 0,   0,    0,
	    1,    0x08, 0,    0x45, 0,    0,    0,    0, 1,   0x40, 0,
	    64,   6,    0,    0,    127,  0,    0,    2, 127, 0,    0,
	    3,    0,    80,   0x9c, 0x40, 0,    0,    0, 0,   0,    0,
	    0,    0,    0x50, 0x18, 0xff, 0xff, 0,    0, 0,   0};
	static const char list[] = "cidr\t127.0.0.0/8\tM\t-\ts\thigh\tt\n"
				   "cidr\t2001:db8::/32\tM\t-\ts\thigh\tt\n"
				   "tcp\t40000\tM\t-\ts\tlow\tt\n";
	static struct cs_ph ph;
	static int loaded;
	struct cs_passive *p;
	static const uint16_t ports[] = {80, 34567, 37777, 21};
	uint8_t f[74 + 255];
	size_t off = 1, hl;
	uint16_t port;
	bool v6;

	if (!loaded) {
		char err[128];

		if (cs_ph_add_mem(&ph, "fuzz", (const uint8_t *)list,
				  sizeof(list) - 1, err, sizeof(err)) != 0)
			__builtin_trap();
		loaded = 1;
	}
	if (size < 1)
		return 0;
	p = cs_passive_new(
	    &(struct cs_passive_opts){.max_flows = 4, .max_devices = 4}, &ph,
	    sink, NULL);
	port = ports[data[0] % 4];
	v6 = (data[0] & 0x80) != 0;
	hl = v6 ? sizeof(hdr6) : sizeof(hdr);

	while (off + 4 <= size) {
		uint8_t flags = data[off], n = data[off + 3];
		uint32_t seq = 4000000000u +
			       ((uint32_t)data[off + 1] << 8 | data[off + 2]);
		uint8_t *t = f + hl - 20; /* the TCP header */

		off += 4;
		if (n > size - off)
			n = (uint8_t)(size - off);
		if (v6) {
			memcpy(f, hdr6, sizeof(hdr6));
			f[18] = (uint8_t)((20 + n) >> 8);
			f[19] = (uint8_t)(20 + n);
		} else {
			memcpy(f, hdr, sizeof(hdr));
			f[16] = (uint8_t)((40 + n) >> 8);
			f[17] = (uint8_t)(40 + n);
		}
		t[0] = (uint8_t)(port >> 8);
		t[1] = (uint8_t)port;
		t[4] = (uint8_t)(seq >> 24);
		t[5] = (uint8_t)(seq >> 16);
		t[6] = (uint8_t)(seq >> 8);
		t[7] = (uint8_t)seq;
		t[13] = flags;
		memcpy(f + hl, data + off, n);
		off += n;
		(void)cs_passive_packet(p, 1700000000, f, hl + n, hl + n);
	}
	cs_passive_finish(p);
	cs_passive_free(p);
	return 0;
}
