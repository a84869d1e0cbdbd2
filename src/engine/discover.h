/* SPDX-License-Identifier: ISC */
/*
 * Discovery: the link-local protocols cameras and recorders answer
 * without any TCP port open (ONVIF WS-Discovery, Hikvision SADP, Dahua
 * DHIP, SSDP, mDNS/DNS-SD, the Xiongmai search, and the vendor searches
 * of parse/parse_vdisc.h).  Each protocol is a small module descriptor in
 * its own file under src/disc, listed in disc/modules.def (name, group
 * address or broadcast and port, the inquiry datagram it sends, the
 * observation kind its replies decode as, what a reply teaches);
 * docs/modules/disc-<name>.md describes each one.
 *
 * The state (struct cs_disc) is split in two:
 *
 *  - a pure core, driven with datagrams (cs_disc_input) and asked what to
 *    send (cs_disc_round): it attributes each reply to its sender,
 *    decodes it through a hook (camsweep wires src/ident's
 *    cs_ident_decode), records the addresses a reply names (XAddrs,
 *    LOCATION, SADP IPv4Address, DHIP IPAddress) as `learned.addr`
 *    observations on the sender, and plans follow-ups (a unicast probe,
 *    a UPnP description fetch) only for addresses inside the scope.
 *    Every datagram leaves through one function that refuses any unicast
 *    destination outside the scope; tests replace the send hook;
 *
 *  - a libuv layer (cs_disc_uv_start/stop) used by the engine: UDP
 *    handles on the chosen interface only (IP_MULTICAST_IF, TTL 1,
 *    SO_BINDTODEVICE when permitted), listening on the groups for
 *    unsolicited Hello/NOTIFY/announcements while the sweep runs.
 *
 * The engine merges a host's discovery observations into its record
 * when the host is finished (cs_disc_merge) and reports hosts that only
 * discovery found.
 */
#ifndef CS_ENGINE_DISCOVER_H
#define CS_ENGINE_DISCOVER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/buf.h"
#include "core/cs.h"
#include "core/obs.h"
#include "engine/scope.h"

#define CS_DISC_DGRAM_MAX 8192  /* bytes of a datagram decoded */
#define CS_DISC_MAX_HOSTS 4096  /* hosts (senders and learned) tracked */
#define CS_DISC_MAX_FETCH 4     /* UPnP descriptions fetched per host */
#define CS_DISC_MAX_FOLLOW 256  /* unicast follow-up probes per run */
#define CS_DISC_PATH_MAX 128    /* bytes of a fetch path, with NUL */
/* Bounded trust: one sender may make the table track at most this many
 * other addresses, and learned addresses never take the last
 * CS_DISC_RESERVE_HEARD slots, which are kept for hosts that answer; a
 * sender's record keeps at most CS_DISC_MAX_SRC_OBS observations. */
#define CS_DISC_MAX_LEARN_PER_SRC 8
#define CS_DISC_RESERVE_HEARD (CS_DISC_MAX_HOSTS / 2)
#define CS_DISC_MAX_SRC_OBS 64

enum cs_disc_flag {
	CS_DISC_MCAST = 1 << 0, /* probe goes to the group address */
	CS_DISC_BCAST = 1 << 1, /* probe goes to the interface broadcast */
	CS_DISC_LISTEN = 1 << 2, /* join the group on its port and listen
				    for unsolicited announcements */
	CS_DISC_FROM_REPLY_PORT = 1 << 3, /* send the broadcast inquiry from
					     reply_port */
};

struct cs_disc_module {
	const char *name;    /* unique, [a-z0-9-]+; docs/modules/disc-NAME.md */
	const char *summary; /* one line */
	const char *kind;    /* observation kind of replies (cs_ident_decode) */
	uint32_t group;      /* multicast group (host order), 0 if none */
	uint16_t port;       /* UDP port of the group and of devices */
	unsigned flags;      /* enum cs_disc_flag */
	/*
	 * Writes the probe datagram into out (reset first).  nonce (16
	 * bytes) makes message identifiers unique; seq numbers repeats.
	 * Returns 0 or a cs_buf error.
	 */
	int (*build)(struct cs_buf *out, const uint8_t nonce[16], unsigned seq);
	/*
	 * True if the datagram (p, n bytes) is an answer or announcement
	 * worth decoding, false for requests (other clients' probes).
	 */
	bool (*is_reply)(const uint8_t *p, size_t n);
	/*
	 * What cs_disc_learn reads from a reply (each optional): learn_key,
	 * an observation key whose space-separated URLs name addresses
	 * (learn_path: their paths are fetched, as a UPnP LOCATION); and
	 * learn_after, a literal after which the raw datagram carries a
	 * dotted quad (as element text, or as a JSON string value when
	 * learn_json), recorded with the source learn_source.
	 */
	const char *learn_key;
	bool learn_path;
	const char *learn_after;
	bool learn_json;
	const char *learn_source;
	/* An observation key whose values are dotted quads the reply names
	 * (a vendor protocol's device address), learned under that key. */
	const char *learn_ip_key;
	/* An observation key of ONVIF scopes whose MAC scope is the host's
	 * `mac` (NULL: none). */
	const char *mac_scope_key;
	/*
	 * A fixed UDP port the protocol's devices answer to (0: none, the
	 * replies come to the sender's port).  With CS_DISC_LISTEN it is
	 * listened on instead of port; with CS_DISC_FROM_REPLY_PORT the
	 * broadcast inquiry is sent from it.
	 */
	uint16_t reply_port;
};

/* Returns the discovery modules (count in *n). */
const struct cs_disc_module *const *cs_disc_modules(size_t *n);
/* Returns the module named name, or NULL. */
const struct cs_disc_module *cs_disc_module_find(const char *name);

/*
 * Decodes one message of kind (p, n bytes, borrowed) received on UDP
 * port and appends observations to obs; returns 0 or a negative CS_E*
 * code (as cs_ident_decode).
 */
typedef int (*cs_disc_decode_fn)(void *arg, const char *kind,
				 const uint8_t *p, size_t n, uint16_t port,
				 struct cs_obs_list *obs);
/*
 * Sends datagram p (n bytes) to ip:port (host order) on behalf of module
 * m.  Returns 0 or a negative code.  Only called for a group, the
 * broadcast address or an in-scope address.
 */
typedef int (*cs_disc_send_fn)(void *arg, const struct cs_disc_module *m,
			       uint32_t ip, uint16_t port, const uint8_t *p,
			       size_t n);

struct cs_disc_opts {
	const struct cs_scope *scope; /* borrowed; must outlive the state */
	const char *ifname;      /* interface (copied); "" in unit tests */
	uint32_t if_addr;        /* its IPv4 address (host order); 0: look up */
	uint32_t if_bcast;       /* its broadcast address; 0: look up */
	unsigned time_ms;        /* discovery phase before the sweep */
	const char *neigh_path;  /* NULL: /proc/net/arp; "": no MAC lookup */
	cs_disc_decode_fn decode; /* required */
	cs_disc_send_fn send;     /* NULL: the libuv layer's sender */
	void *arg;                /* given to decode and send */
};

struct cs_disc_stats {
	uint64_t sent;          /* datagrams sent */
	uint64_t refused;       /* sends refused by the scope check */
	uint64_t received;      /* datagrams received and accepted */
	uint64_t ignored;       /* requests, own datagrams, empty */
	uint64_t oversize;      /* datagrams over CS_DISC_DGRAM_MAX */
	uint64_t malformed;     /* replies that did not decode */
	uint64_t foreign;       /* replies from outside the scope */
	uint64_t learned;       /* addresses learned from payloads */
	uint64_t learned_out;   /* ... of which outside the scope */
	uint64_t learned_refused; /* ... in scope but refused (edge, port,
				     print port, per-sender limit) */
	uint64_t table_full;    /* replies dropped: the table was full */
	uint64_t flooded;       /* replies dropped: the sender's record full */
	uint64_t hosts;         /* in-scope senders */
	uint64_t macs;          /* MAC addresses from the neighbour table */
};

struct cs_disc;

/*
 * Returns a new discovery state (aborts on OOM); NULL with a message in
 * err when the interface has no IPv4 address.  Free with cs_disc_free.
 */
struct cs_disc *cs_disc_new(const struct cs_disc_opts *o, char *err,
			    size_t errsz);
/* Frees d (NULL is a no-op); the libuv layer must be stopped first. */
void cs_disc_free(struct cs_disc *d);

/* The configured discovery phase in milliseconds. */
unsigned cs_disc_time_ms(const struct cs_disc *d);
/* Counters so far (borrowed, valid until cs_disc_free). */
const struct cs_disc_stats *cs_disc_stats(const struct cs_disc *d);

/*
 * One sending round: every module's probe to its group (or broadcast),
 * then unicast follow-ups to learned in-scope addresses not yet heard
 * from.  All sends go through the scope check.  seq numbers the round.
 */
void cs_disc_round(struct cs_disc *d, const uint8_t nonce[16], unsigned seq);

/*
 * Handles one datagram received for module m from src_ip:src_port
 * (host order); p (n bytes) is borrowed for the call.  Returns 0 when
 * it was recorded, CS_ESCOPE when the sender is outside the scope
 * (counted, not recorded, never answered), CS_ELIMIT for an oversize
 * datagram (recorded as `disc.oversize` on the sender), CS_ENOTFOUND
 * when ignored (a request, our own datagram, the table full).
 */
int cs_disc_input(struct cs_disc *d, const struct cs_disc_module *m,
		  uint32_t src_ip, uint16_t src_port, const uint8_t *p,
		  size_t n);

/* A UPnP description to fetch over TCP, from an in-scope LOCATION. */
struct cs_disc_fetch {
	uint16_t port;
	char path[CS_DISC_PATH_MAX];
};

/*
 * Copies up to cap fetches planned for ip (always inside the scope) into
 * out and returns their number.
 */
size_t cs_disc_fetches(const struct cs_disc *d, uint32_t ip,
		       struct cs_disc_fetch *out, size_t cap);

/* True if discovery holds anything about ip (heard from or learned). */
bool cs_disc_known(const struct cs_disc *d, uint32_t ip);

/*
 * Completes a finished host's record obs: its MAC address from the
 * neighbour table (decoded as kind "mac", so the OUI resolver adds
 * mac.maker/mac.registrant) unless one is already known, the host's
 * discovery observations, and any fetched UPnP description (`upnp.raw`)
 * decoded as kind upnp.  Marks the host merged.  Returns true if
 * discovery heard from the host (it must then be reported even with no
 * open port).
 */
bool cs_disc_merge(struct cs_disc *d, uint32_t ip, struct cs_obs_list *obs);

/*
 * For an IPv6 host the sweep finished (discovery itself is IPv4): its MAC
 * from the kernel's IPv6 neighbour table (NDP, over netlink) on the
 * discovery interface, decoded into obs as "mac" unless obs has one.
 * Nothing when MAC lookups are off (neigh_path "").
 */
void cs_disc_merge6(struct cs_disc *d, const uint8_t ip[16],
		    struct cs_obs_list *obs);

/*
 * Writes up to cap in-scope hosts that discovery heard from but that
 * were not merged yet (e.g. outside a --max-addrs window, or heard after
 * their sweep finished) into ips; returns their number.
 */
size_t cs_disc_pending(const struct cs_disc *d, uint32_t *ips, size_t cap);

/*
 * Finds the addresses a reply's observations name (wsd.xaddrs,
 * ssdp.location, a vendor reply's <prefix>.addr) and the raw datagram
 * carries (SADP <IPv4Address>, DHIP "IPAddress"), as the module's learn_*
 * fields say, calling fn for each with the source key.  Pure and
 * bounded; exposed for tests and the fuzz target.
 */
void cs_disc_learn(const struct cs_disc_module *m, const uint8_t *p, size_t n,
		   const struct cs_obs_list *obs,
		   void (*fn)(void *arg, uint32_t ip, uint16_t port,
			      const char *path, const char *source),
		   void *arg);

/*
 * Parses an http:// or https:// URL (p, n bytes) whose host is a dotted
 * quad.  Fills ip (host order), port (default 80/443) and path (NUL-
 * terminated, "/" if none; CS_ELIMIT if it does not fit in pathsz).
 * Returns 0, CS_ENOTFOUND for a host name or IPv6 literal, CS_EPROTO.
 */
int cs_disc_url_parse(const uint8_t *p, size_t n, uint32_t *ip,
		      uint16_t *port, char *path, size_t pathsz);

/* The TCP probe the engine runs for a cs_disc_fetch (GET path). */
extern const struct cs_probe cs_disc_upnp_probe;

/*
 * Starts the libuv layer on loop (a uv_loop_t *): opens the UDP handles
 * on the interface and sends the first round; further rounds follow at
 * a third and two thirds of the discovery time.  Returns 0, or CS_EIO
 * with a message in err when no handle could be opened.
 */
int cs_disc_uv_start(struct cs_disc *d, void *loop, char *err, size_t errsz);
/* Closes the handles (idempotent); the loop then runs their close. */
void cs_disc_uv_stop(struct cs_disc *d);

#endif /* CS_ENGINE_DISCOVER_H */
