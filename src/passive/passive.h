/* SPDX-License-Identifier: ISC */
/*
 * Passive identification (`camsweep listen`): frames go in one at a time
 * (cs_passive_packet), devices come out through a flush callback when
 * they are aged out, evicted for room, or at the end (cs_passive_finish).
 *
 * A device is one IPv4 or IPv6 address, or a MAC address before it has
 * one (a DHCP DISCOVER).  Its MAC comes from ARP, neighbour discovery,
 * DHCP/DHCPv6 (requests and the server's ACK/Reply) or, failing those,
 * the source address of its frames unless that MAC is a router's (seen
 * with many addresses, or sending router advertisements).  It collects
 * observations from ARP, DHCP and DHCPv6 requests, discovery datagrams
 * (WS-Discovery, SADP, DHIP, SSDP NOTIFY/replies, mDNS answers), HTTP and
 * RTSP response headers, TLS 1.2 certificates and vendor service greetings
 * it sends over TCP (IPv4 or IPv6, reassembled within caps); and phone-home
 * records: DNS questions, TLS SNI and flows from it (IPv4 or IPv6) that match
 * the endpoint list (passive/phonehome.h), with first/last time and volume.
 * Tables have fixed capacity: devices and flows are kept in LRU order and aged
 * out after an idle time measured in packet time; every drop is counted in
 * struct cs_passive_stats.
 *
 * Not thread-safe; one struct cs_passive per thread.
 */
#ifndef CS_PASSIVE_PASSIVE_H
#define CS_PASSIVE_PASSIVE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/cs.h"
#include "core/obs.h"
#include "ident/ident.h"
#include "passive/phonehome.h"
#include "passive/pkt.h"

#define CS_PASSIVE_PH_MAX 16   /* phone-home destinations per device */
#define CS_PASSIVE_DONE_MAX 32 /* (kind, port) pairs decoded per device */
#define CS_PASSIVE_OBS_MAX 96  /* observations kept per device */

struct cs_passive_opts {
	size_t max_flows;      /* 0: 65536 */
	size_t max_devices;    /* 0: 4096 */
	uint32_t idle_timeout; /* seconds of packet time; 0: 900 */
	size_t held_max;       /* observation bytes held; 0: 64 MiB */
};

/* One phone-home destination of a device. */
struct cs_passive_ph {
	const struct cs_ph_rule *rule; /* borrowed from the endpoint list */
	char via[8];                   /* "dns", "sni", "addr" or "port" */
	char match[CS_DNS_QNAME_MAX];  /* the name, or the address/port */
	uint32_t peer;                 /* remote IPv4, 0 if none (DNS) */
	uint8_t peer6[16];             /* remote IPv6 when peer6_set */
	bool peer6_set;
	int64_t first, last;     /* unix seconds (packet time) */
	uint64_t packets, bytes; /* both directions, IP bytes */
};

/* A device as handed to the flush callback; everything is borrowed. */
struct cs_passive_dev {
	uint8_t family;   /* 4, 6, or 0 for a device known only by its MAC */
	uint8_t addr[16]; /* IPv6, or IPv4 in the first 4 bytes (network
			     order), or the MAC in the first 6 */
	uint32_t ip;      /* IPv4, host order; 0 otherwise */
	uint8_t mac[6];
	bool has_mac;
	/* How the MAC was bound: "arp", "dhcp", "dhcp6", "ndp" (from the
	 * protocol's own fields) or "frame" (the source address of the
	 * device's frames, kept only if that MAC was not seen with many
	 * addresses, which makes it a router's) */
	char mac_via[8];
	bool gateway;        /* its MAC routes for other addresses (or sent an
				IPv6 router advertisement) */
	int64_t first, last; /* unix seconds */
	uint64_t packets, bytes; /* sent by the device */
	struct cs_obs_list obs;
	struct cs_passive_ph ph[CS_PASSIVE_PH_MAX];
	size_t nph;
	size_t ph_dropped; /* destinations beyond CS_PASSIVE_PH_MAX */
	bool evicted;      /* flushed for room, not idleness or the end */
};

struct cs_passive_stats {
	uint64_t packets, bytes;  /* frames seen, captured bytes */
	uint64_t decode_errors;   /* frames that did not decode */
	uint64_t observations;    /* decoded messages */
	uint64_t phonehome;       /* packets counted as phone-home */
	uint64_t devices;         /* devices created */
	uint64_t devices_aged;    /* flushed for idleness */
	uint64_t devices_evicted; /* flushed early for room */
	uint64_t flows;           /* flows created */
	uint64_t flows_aged, flows_evicted;
	uint64_t obs_dropped; /* observations refused (per-device cap) */
	uint64_t tcp_streams; /* TCP streams followed for reassembly */
	uint64_t tcp_uncut;   /* of those, given up before the decoder had
				 what it needed (caps, FIN/RST, slot reuse) */
	size_t devices_peak, flows_peak, held_peak; /* high-water marks */
	size_t devices_now, flows_now, held_now;
};

/*
 * Called for each device leaving the table; d is valid only during the
 * call.
 */
typedef void (*cs_passive_flush_fn)(void *arg, const struct cs_passive_dev *d);

struct cs_passive;

/*
 * Returns a new listener (aborts on OOM).  o may be NULL (defaults); ph
 * (the endpoint list) is borrowed and must outlive the listener; fn is
 * called for each device flushed.  Free with cs_passive_free.
 */
struct cs_passive *cs_passive_new(const struct cs_passive_opts *o,
				  const struct cs_ph *ph,
				  cs_passive_flush_fn fn, void *arg);

/* Sets the MAC registry lookup used for `mac` observations. */
void cs_passive_set_mac_lookup(struct cs_passive *p, cs_ident_mac_fn fn,
			       void *arg);

/* Sets the link type (enum cs_link) of the frames; CS_LINK_ETHER unless
 * told otherwise. */
void cs_passive_set_link(struct cs_passive *p, int link);

/*
 * Processes one frame (Ethernet unless cs_passive_set_link said else): caplen
 * captured bytes at frame (borrowed for the call), wirelen its length on the
 * wire, ts its time (unix seconds).  Returns 0, or the decoder's error for a
 * frame that did not decode (counted; the listener goes on).
 */
int cs_passive_packet(struct cs_passive *p, int64_t ts, const uint8_t *frame,
		      size_t caplen, size_t wirelen);

/* Flushes every device still held (oldest first). */
void cs_passive_finish(struct cs_passive *p);

/* Copies the counters into *st. */
void cs_passive_get_stats(const struct cs_passive *p,
			  struct cs_passive_stats *st);

/* Frees p without flushing; NULL is a no-op. */
void cs_passive_free(struct cs_passive *p);

/* Writes a as dotted quad into buf (at least 16 bytes); returns buf. */
char *cs_passive_ipstr(uint32_t a, char *buf, size_t bufsz);

/* Writes e's remote address as text (dotted quad or IPv6, "" if none)
 * into buf (at least 46 bytes); returns buf. */
char *cs_passive_peerstr(const struct cs_passive_ph *e, char *buf,
			 size_t bufsz);

/* Writes d's address as text (dotted quad or IPv6, "" for a device
 * known only by its MAC) into buf (at least 46 bytes); returns buf. */
char *cs_passive_addrstr(const struct cs_passive_dev *d, char *buf,
			 size_t bufsz);

#endif /* CS_PASSIVE_PASSIVE_H */
