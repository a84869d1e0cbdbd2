/* SPDX-License-Identifier: ISC */
/*
 * Writes test captures with libpcap:
 *   gen_capture scenario OUT.pcap [CERT.der]   the scenario of pktgen.h
 *   gen_capture bench OUT.pcap MB              a mixed capture of MB MiB
 *   gen_capture bench-small OUT.pcap MB        the same with small packets
 *   gen_capture identity OUT ether|sll|sll2 [DER]  the issue #15 capture
 *   gen_capture seeds DIR                      fuzz seeds (frames, DHCP,
 *                                              DNS and TLS payloads)
 */
#include "pktgen.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/str.h"
#include "core/poison.h"

/* small: bulk segments are bare 60-byte frames (ACK-sized) and the UDP
 * datagrams 20 bytes, for the packet rate on small packets. */
static int
bench(const char *path, long long mb, bool small)
{
	static const char *names[] = {
	    "www.example.com",  "litedev.hik-connect.com",
	    "ntp.example.org",  "p2p3.reolink.com",
	    "mail.example.net", "pub-cfg.secu100.net"};
	static const char http[] = "HTTP/1.1 200 OK\r\nServer: App-webs/\r\n"
				   "Content-Type: text/html\r\n\r\n<html>";
	pcap_t *dead = pcap_open_dead(DLT_EN10MB, 65535);
	pcap_dumper_t *d = dead ? pcap_dump_open(dead, path) : NULL;
	struct pg_frame *fr;
	uint8_t pl[PG_MAX], mac[6] = {0x02, 0, 0, 0, 0, 0};
	unsigned long long want = (unsigned long long)mb << 20, done = 0;
	const size_t nfr = 4096;
	int64_t t = 1700000000;

	if (d == NULL)
		return 1;
	fr = calloc(nfr, sizeof(*fr));
	if (fr == NULL)
		return 1;
	memset(pl, 0x42, sizeof(pl));
	for (size_t i = 0; i < nfr; i++) {
		uint32_t host = PG_IP(10, 1, (i >> 8) & 255, i & 255);
		uint32_t peer = PG_IP(93, 184, (i >> 4) & 255, 34);
		size_t n;

		mac[5] = (uint8_t)i;
		switch (i % 16) {
		case 0:
			n = pg_dns(pl, sizeof(pl), names[i / 16 % 6], 0, 0);
			pg_l4(&fr[i], mac, 17, host, 40000, PG_IP(10, 0, 0, 1),
			      53, pl, n);
			memset(pl, 0x42, sizeof(pl));
			break;
		case 1:
			n = pg_client_hello(pl, sizeof(pl), names[i / 16 % 6]);
			pg_l4(&fr[i], mac, 6, host, 41000, peer, 443, pl, n);
			memset(pl, 0x42, sizeof(pl));
			break;
		case 2:
			pg_l4(&fr[i], mac, 6, host, 80, peer, 50000, http,
			      strlen(http));
			break;
		case 3:
			pg_l4(&fr[i], mac, 17, host, 5000, peer, 5000, pl,
			      small ? 20 : 160);
			break;
		default:
			pg_l4(&fr[i], mac, 6, peer, 443, host, 41000, pl,
			      small ? 6 : 1400);
			break;
		}
	}
	for (size_t i = 0; done < want; i++) {
		pg_dump(d, t + (int64_t)(i / 20000), &fr[i % nfr]);
		done += fr[i % nfr].n + 16;
	}
	pcap_dump_close(d);
	pcap_close(dead);
	free(fr);
	return 0;
}

static void
put(const char *dir, const char *name, const void *p, size_t n)
{
	char path[4096];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	f = fopen(path, "wb");
	if (f != NULL) {
		fwrite(p, 1, n, f);
		fclose(f);
	}
}

static int
seeds(const char *dir)
{
	uint8_t pl[PG_MAX], mac[6] = {0x58, 0x50, 0xed, 0, 0, 1};
	struct pg_frame f;
	size_t n;

	n = pg_dhcp(pl, sizeof(pl), mac, PG_IP(10, 0, 0, 5), "DahuaTech",
		    "cam");
	put(dir, "dhcp-request", pl, n);
	n = pg_dns(pl, sizeof(pl), "litedev.hik-connect.com", 0, 0);
	put(dir, "dns-query", pl, n);
	pg_l4(&f, mac, 17, PG_IP(10, 0, 0, 5), 40000, PG_IP(10, 0, 0, 1), 53,
	      pl, n);
	put(dir, "frame-dns", f.b, f.n);
	n = pg_dns(pl, sizeof(pl), "p2p.reolink.com", 1, PG_IP(1, 2, 3, 4));
	put(dir, "dns-answer", pl, n);
	n = pg_client_hello(pl, sizeof(pl), "dev.ezvizlife.com");
	put(dir, "tls-client-hello", pl, n);
	pg_l4(&f, mac, 6, PG_IP(10, 0, 0, 5), 41000, PG_IP(1, 2, 3, 4), 443, pl,
	      n);
	put(dir, "frame-tls", f.b, f.n);
	{
		static const uint8_t fake[] = {0x30, 0x03, 0x02, 0x01, 0x01};

		n = pg_server_cert(pl, sizeof(pl), fake, sizeof(fake));
		put(dir, "tls-server-cert", pl, n);
	}
	pg_arp(&f, mac, PG_IP(10, 0, 0, 5), PG_IP(10, 0, 0, 1));
	put(dir, "frame-arp", f.b, f.n);
	return 0;
}

int
main(int argc, char **argv)
{
	long long mb;

	if (argc >= 4 && strcmp(argv[1], "identity") == 0)
		return pg_identity(argv[2],
				   strcmp(argv[3], "sll2") == 0 ? DLT_LINUX_SLL2
				   : strcmp(argv[3], "sll") == 0 ? DLT_LINUX_SLL
								 : DLT_EN10MB,
				   argc > 4 ? argv[4] : NULL)
			   ? 1
			   : 0;
	if (argc >= 3 && strcmp(argv[1], "scenario") == 0)
		return pg_scenario(argv[2], argc > 3 ? argv[3] : NULL) ? 1 : 0;
	if (argc == 4 && strcmp(argv[1], "bench") == 0 &&
	    cs_str_tonum(argv[3], 1, 1 << 20, &mb) == 0)
		return bench(argv[2], mb, false);
	if (argc == 4 && strcmp(argv[1], "bench-small") == 0 &&
	    cs_str_tonum(argv[3], 1, 1 << 20, &mb) == 0)
		return bench(argv[2], mb, true);
	if (argc == 3 && strcmp(argv[1], "seeds") == 0)
		return seeds(argv[2]);
	fputs("usage: gen_capture scenario OUT [DER] | bench[-small] OUT MB | "
	      "identity OUT ether|sll|sll2 [DER] | "
	      "seeds DIR\n",
	      stderr);
	return 2;
}
