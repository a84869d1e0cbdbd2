/* SPDX-License-Identifier: ISC */
/*
 * Fuzz target: TCP reassembly input.  The first byte picks the server
 * port (80, 34567 Xiongmai DVRIP, 37777 Dahua DVRIP, 21 FTP); then comes
 * a series of segments of one flow, each written as flags (1 byte),
 * sequence offset (2, big endian), length (1) and that many payload
 * bytes; they are sent from 127.0.0.2:PORT with sequence 4000000000 +
 * offset (so that the sequence space wraps) through a fresh listener.
 */
#include "fuzz.h"

#include <string.h>

#include "passive/passive.h"
#include "core/poison.h"

static void
sink(void *arg, const struct cs_passive_dev *d)
{
	(void)arg;
	(void)d;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const uint8_t hdr[54] = {
	    0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x02, 0, 0,   0,    0,
	    1,    0x08, 0,    0x45, 0,    0,    0,    0, 1,   0x40, 0,
	    64,   6,    0,    0,    127,  0,    0,    2, 127, 0,    0,
	    3,    0,    80,   0x9c, 0x40, 0,    0,    0, 0,   0,    0,
	    0,    0,    0x50, 0x18, 0xff, 0xff, 0,    0, 0,   0};
	struct cs_passive *p = cs_passive_new(
	    &(struct cs_passive_opts){.max_flows = 4, .max_devices = 4}, NULL,
	    sink, NULL);
	static const uint16_t ports[] = {80, 34567, 37777, 21};
	uint8_t f[54 + 255];
	size_t off = 1;
	uint16_t port;

	if (size < 1) {
		cs_passive_free(p);
		return 0;
	}
	port = ports[data[0] % 4];

	while (off + 4 <= size) {
		uint8_t flags = data[off], n = data[off + 3];
		uint32_t seq = 4000000000u +
			       ((uint32_t)data[off + 1] << 8 | data[off + 2]);

		off += 4;
		if (n > size - off)
			n = (uint8_t)(size - off);
		memcpy(f, hdr, sizeof(hdr));
		f[34] = (uint8_t)(port >> 8);
		f[35] = (uint8_t)port;
		f[16] = (uint8_t)((40 + n) >> 8);
		f[17] = (uint8_t)(40 + n);
		f[38] = (uint8_t)(seq >> 24);
		f[39] = (uint8_t)(seq >> 16);
		f[40] = (uint8_t)(seq >> 8);
		f[41] = (uint8_t)seq;
		f[47] = flags;
		memcpy(f + 54, data + off, n);
		off += n;
		(void)cs_passive_packet(p, 1700000000, f, 54 + n, 54 + n);
	}
	cs_passive_finish(p);
	cs_passive_free(p);
	return 0;
}
