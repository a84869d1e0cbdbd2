/* SPDX-License-Identifier: ISC */
/*
 * Probe modules.  A probe is one safe exchange with one TCP port of one
 * host: what to send, how to tell that the reply is complete, and how to
 * turn the reply into observations.  Probes do no I/O of their own: the
 * engine owns sockets, timers and buffers, hands each probe the bytes
 * received so far (capped at max_input) and sends what the probe asks.
 * Every probe is listed once in probes.def; tests/probe checks the
 * registry's invariants.
 *
 * Safety: every probe here is "safe": it sends requests a browser or a
 * vendor's own discovery tool sends without credentials, writes nothing
 * to the device and never tries a password -- except the CS_PROBE_CRED
 * probes, which send the one credential the user's credentials file names
 * for that host, once per endpoint, and only in answer to a challenge.
 */
#ifndef CS_PROBE_PROBE_H
#define CS_PROBE_PROBE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/buf.h"
#include "core/obs.h"
#include "parse/decode.h"

struct cs_cred; /* probe/http_auth.h */

enum cs_probe_flag {
	CS_PROBE_SAFE = 1 << 0,     /* no credentials, no state change */
	CS_PROBE_ONCE = 1 << 1,     /* run on one port per host only */
	CS_PROBE_GREETING = 1 << 2, /* sends nothing; reads what the
				       peer says first */
	CS_PROBE_REUSE = 1 << 3,    /* may run on the sweep's connection */
	CS_PROBE_CRED = 1 << 4,     /* uses the credential the user gave for
				       this host (ctx->cred); the engine
				       queues it only for hosts that have
				       one.  Never CS_PROBE_SAFE. */
	CS_PROBE_FOLLOWUP = 1 << 5, /* never queued for an open port: runs
				       only as the follow-up (next_probe)
				       another probe's finish asks for; with
				       CS_PROBE_ONCE the engine runs it at
				       most once per host however many
				       probes ask */
};

/* Why the engine ended an exchange. */
enum cs_probe_end {
	CS_END_COMPLETE, /* the probe said the reply is complete */
	CS_END_EOF,      /* the peer closed the connection */
	CS_END_TIMEOUT,  /* the read timeout passed */
	CS_END_LIMIT,    /* max_input bytes were received */
	CS_END_ERROR,    /* a socket error */
};

/* What a probe's on_data callback asks of the engine. */
enum cs_step {
	CS_STEP_MORE, /* reply incomplete: keep reading */
	CS_STEP_DONE, /* reply complete: call finish, then close */
	CS_STEP_SEND, /* reply complete and handled: send ctx->out next,
			 then read a new reply (multi-step exchanges) */
};

/*
 * The context the engine gives a probe.  It is owned by the engine and
 * valid only during a callback.
 */
struct cs_probe_ctx {
	uint32_t ip;                  /* peer, host byte order; 0 for IPv6 */
	bool v6;                      /* the peer is an IPv6 address */
	uint16_t port;                /* peer TCP port */
	char host[64];                /* "ip", "ip:port", "[ip6]" or
					 "[ip6]:port", for Host headers and
					 URLs */
	struct cs_buf *out;           /* bytes to send; the engine drains it */
	struct cs_obs_list *obs;      /* where observations go */
	unsigned step;                /* 0 for the first reply; the engine
					 increments it after each CS_STEP_SEND */
	const struct cs_probe *probe; /* the probe being run */
	const char *arg;              /* the job's argument ("" if none) */
	bool tls; /* the exchange runs over TLS (the probe's tls_ports) */
	/*
	 * The credential the user supplied for this host (see
	 * engine/creds.h), or NULL.  Only CS_PROBE_CRED probes may use it;
	 * its password must never reach an observation.
	 */
	const struct cs_cred *cred;
	/*
	 * Set by finish to ask for one follow-up exchange with the same
	 * host and port (e.g. the page a redirect names): the engine queues
	 * next_probe with next_arg as its argument.
	 */
	const struct cs_probe *next_probe;
	char next_arg[128];
};

struct cs_probe {
	const char *name;      /* unique, [a-z0-9-]+ */
	const char *summary;   /* one line, for docs and --list-probes */
	unsigned flags;        /* enum cs_probe_flag */
	const uint16_t *ports; /* ports it runs on, 0-terminated */
	size_t max_input;      /* bytes buffered per reply, at most */
	const void *data;      /* the module's constant data, or NULL */
	/* Writes the first request into ctx->out (nothing for GREETING). */
	void (*start)(struct cs_probe_ctx *ctx);
	/* Looks at all n bytes received so far for this reply. */
	enum cs_step (*on_data)(struct cs_probe_ctx *ctx, const uint8_t *p,
				size_t n);
	/*
	 * Turns the final reply (possibly partial: see why) into
	 * observations.  Malformed input is recorded, never fatal.
	 */
	void (*finish)(struct cs_probe_ctx *ctx, const uint8_t *p, size_t n,
		       enum cs_probe_end why);
	/*
	 * Ports it runs on over TLS, 0-terminated, or NULL.  The engine does
	 * the handshake (verification off, no SNI to a bare IP, no client
	 * certificate), records the peer certificate as the tls-cert decoder
	 * does, and the probe sees only the plaintext.
	 */
	const uint16_t *tls_ports;
};

/*
 * The argument the engine gives the banner probe on a port no probe
 * claims: a silent service there gets the http-root probe next, and an
 * RTSP answer to that the rtsp probe.
 */
#define CS_PROBE_ARG_ANY "any-port"

/*
 * The argument of a vendor endpoint probe (hik-isapi, dahua-rpc2,
 * axis-bdi, dahua-magicbox, hanwha-sunapi, uniview-lapi) run as a
 * follow-up on a web port outside their own list (a web interface moved
 * to 8090): http-root (or the page its redirect names) found an HTTP
 * server there, and the endpoints are asked one after the other, each
 * the follow-up of the one before, until one answers with a model or
 * one gets no reply.
 */
#define CS_PROBE_ARG_CHAIN "vendor-chain"

/*
 * The axis-param probe's request path: VAPIX Parameter management
 * (developer.axis.com/vapix/network-video/parameter-management):
 * GET /axis-cgi/param.cgi?action=list&group=<group>[,<group>...], a
 * read-only listing ("root" may be left out of group names); Brand
 * holds Brand, ProdFullName, ProdNbr, ProdShortName, ProdType,
 * Properties the firmware version and capability flags.
 */
#define CS_AXIS_PARAM_PATH                                                     \
	"/axis-cgi/param.cgi?action=list&group=Brand,Properties"

/*
 * True if a host's observations so far point to an Axis product (an
 * AXIS_ digest realm, an AXIS OS Server header, an "AXIS ..." title, the
 * VAPIX ONVIF namespaces, Brand AXIS) and none names its model yet:
 * axis-bdi then asks axis-param as its follow-up.
 */
bool cs_probe_axis_wanted(const struct cs_obs_list *obs);

/* Returns the registered probes (count in *n), in probes.def order. */
const struct cs_probe *const *cs_probe_list(size_t *n);
/* Returns the probe named name, or NULL. */
const struct cs_probe *cs_probe_find(const char *name);
/* True if probe p runs on port (in the clear or over TLS). */
bool cs_probe_on_port(const struct cs_probe *p, uint16_t port);
/* True if probe p runs over TLS on port. */
bool cs_probe_tls_on_port(const struct cs_probe *p, uint16_t port);

/*
 * Records a reply that could not be parsed: the raw bytes (capped) under
 * key "<probe>.malformed" with CS_OBS_MALFORMED.
 */
void cs_probe_malformed(struct cs_probe_ctx *ctx, const char *probe,
			const uint8_t *p, size_t n);
/*
 * Decodes a reply with the shared decoder of its kind (parse/decode.h)
 * into ctx->obs, exactly as `camsweep identify` decodes the same bytes
 * given as that kind.  Returns cs_decode's result.
 */
int cs_probe_decode(struct cs_probe_ctx *ctx, const char *kind,
		    const uint8_t *p, size_t n);
/*
 * Sets the MAC registry lookup every cs_probe_decode uses (the scan sets
 * the registry `camsweep identify` uses; NULL fn: none, the default), so
 * a MAC address in a reply gives mac.maker on both paths.  Not thread
 * safe: set it before the engine runs.
 */
void cs_probe_set_mac_lookup(cs_dec_mac_fn fn, void *arg);
/* Records bytes as lower-case hex under key (at most 64 input bytes). */
void cs_probe_hex(struct cs_probe_ctx *ctx, const char *key, const uint8_t *p,
		  size_t n);

#endif /* CS_PROBE_PROBE_H */
