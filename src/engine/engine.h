/* SPDX-License-Identifier: ISC */
/*
 * The scan engine: one libuv event loop that sweeps the scope's addresses
 * over TCP and runs the probe modules on whatever answers.  It owns every
 * socket, timer and buffer; probes only see bytes.  Gentle by default:
 * a global token-bucket rate on new connections, a cap on concurrent
 * connections per host and overall, connect and read timeouts, a time
 * budget per host and a byte cap on every reply.  Before each connection
 * the address is checked against the scope, whatever asked for it.
 *
 * Addresses are visited in a fixed pseudo-random permutation; progress is
 * reported as a watermark (every permutation index below it is finished)
 * so an interrupted scan can resume from it.
 */
#ifndef CS_ENGINE_ENGINE_H
#define CS_ENGINE_ENGINE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/obs.h"
#include "engine/scope.h"

struct cs_creds; /* engine/creds.h */

struct cs_engine_opts {
	const struct cs_scope *scope; /* borrowed for the run */
	const uint16_t *ports;        /* ports swept, in order */
	size_t nports;
	double rate;         /* new connections per second; 0 = no cap */
	unsigned max_conns;  /* concurrent connections overall */
	unsigned host_conns; /* concurrent connections per host */
	unsigned connect_timeout_ms; /* per connection attempt */
	unsigned read_timeout_ms;    /* idle time allowed while reading */
	unsigned host_timeout_ms;    /* total time budget per host */
	unsigned dead_after;         /* give up on a host after this many
					unanswered sweep connects with no
					answer of any kind; 0 = never */
	/*
	 * The packet budget (docs/budget.md): a host that has not answered
	 * yet gets only this many sweep connects (its liveness probes, the
	 * first ports of the list; more where its segment drops packets,
	 * as many as the measured loss calls for), each with a timeout from
	 * its segment's RTT; any SYN-ACK
	 * or RST proves it alive and it gets the whole list.  0 = off (each
	 * port as before, dead_after applies); also off when dead_after is 0.
	 */
	unsigned liveness;
	uint64_t start_index; /* resume: first permutation index */
	uint64_t max_addrs;   /* stop after this many; 0 = all */
	bool progress;        /* draw a progress line on stderr */
	/*
	 * Only connect (camsweep reach): no probe, no discovery fetch, not
	 * a byte sent to any host.
	 */
	bool connect_only;
	/*
	 * The user's credentials file, or NULL (borrowed for the run).  The
	 * engine queues CS_PROBE_CRED probes only for hosts it names and
	 * hands those probes that host's credential.
	 */
	const struct cs_creds *creds;
	/*
	 * Discovery on one interface (engine/discover.h), or NULL.  When
	 * set, the engine starts it on its loop, sweeps only after its
	 * discovery time, merges each finished host's discovery
	 * observations and MAC, queues the UPnP description fetches it
	 * planned, and reports hosts that only discovery found (with no
	 * open port).  Borrowed for the run.
	 */
	struct cs_disc *disc;
};

/* Sensible, gentle defaults. */
void cs_engine_opts_default(struct cs_engine_opts *o);

/* One responsive host, as handed to host_done. Valid during the call. */
struct cs_host_report {
	struct cs_addr addr;   /* the host; when !addr.v6, ip is its address */
	uint32_t ip;           /* its IPv4 address, host order; 0 for IPv6 */
	uint64_t index;        /* permutation index */
	const uint16_t *ports; /* open ports, ascending */
	size_t nports;
	struct cs_obs_list *obs; /* observations; the callee may read only */
};

struct cs_engine_cb {
	void *arg;
	/* A host with at least one open port, or heard from by
	 * discovery, is finished. */
	void (*host_done)(void *arg, const struct cs_host_report *h);
	/*
	 * Called about every 250 ms and at the end: every permutation index
	 * below watermark is finished; done counts finished addresses.
	 */
	void (*checkpoint)(void *arg, uint64_t watermark, uint64_t done);
	/*
	 * Called once everything privileged is open (discovery sockets on
	 * the interface) and before the first byte is read from the
	 * network: the place to drop privileges and enter the sandbox.  May
	 * be NULL.
	 */
	void (*ready)(void *arg);
};

struct cs_engine_stats {
	uint64_t addrs_done;    /* addresses finished */
	uint64_t hosts_up;      /* with at least one open port */
	uint64_t connects;      /* connection attempts */
	uint64_t open_ports;    /* successful sweeps */
	uint64_t out_of_scope;  /* connections refused by the scope check */
	uint64_t hosts_skipped; /* given up as absent (see dead_after) */
	double elapsed_s;       /* wall time of the run */
	bool interrupted;       /* stopped by SIGINT or SIGTERM */
	/*
	 * Resource errors (EMFILE, ENFILE, ENOBUFS, ENOMEM) are never taken
	 * for closed ports: the target is retried later.  targets_failed
	 * counts addresses that still could not be tried completely (left
	 * unfinished, so a resume tries them again); incomplete is set when
	 * the engine gave up altogether.
	 */
	uint64_t resource_errors;
	uint64_t targets_failed;
	bool incomplete;
	uint64_t targets;   /* permutation indexes this run had to cover */
	uint64_t watermark; /* all indexes below are finished */
};

/*
 * Runs a scan to completion (or until SIGINT/SIGTERM).  Returns 0, or a
 * negative CS_E* code when the loop cannot start.  Stats are filled in
 * either way.  Runs its own event loop; blocks until done.
 */
int cs_engine_run(const struct cs_engine_opts *o, const struct cs_engine_cb *cb,
		  struct cs_engine_stats *st);

#endif /* CS_ENGINE_ENGINE_H */
