/* SPDX-License-Identifier: ISC */
/*
 * Fuzz target: the frame decoder (Ethernet, 802.1Q, ARP, IPv4, UDP, TCP)
 * and the whole passive dispatch behind it (DHCP, DNS, TLS, discovery,
 * HTTP/RTSP decoding, phone-home matching, the bounded tables).
 */
#include "fuzz.h"

#include <string.h>

#include "passive/passive.h"
#include "passive/pkt.h"
#include "core/poison.h"

static const char list[] =
    "domain\thik-connect.com\tHikvision\tCN\tcloud\thigh\tfuzz\n"
    "cidr\t1.2.3.0/24\tTest\t-\tflows\tlow\tfuzz\n"
    "udp\t32100:f1\tPPPP\t-\tp2p\thigh\tfuzz\n";

static void
sink(void *arg, const struct cs_passive_dev *d)
{
	(void)arg;
	(void)d;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct cs_ph ph;
	static struct cs_passive *p;
	struct cs_pkt k;
	char err[128];

	if (p == NULL) {
		(void)cs_ph_add_mem(&ph, "fuzz", (const uint8_t *)list,
				    strlen(list), err, sizeof(err));
		p = cs_passive_new(&(struct cs_passive_opts){.max_flows = 16,
							     .max_devices = 16},
				   &ph, sink, NULL);
	}
	(void)cs_pkt_decode(data, size, &k);
	(void)cs_passive_packet(p, 1700000000, data, size, size);
	return 0;
}
