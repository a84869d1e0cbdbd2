/* SPDX-License-Identifier: ISC */
/*
 * Feeding a listener from libpcap: a capture file (pcap or pcapng, plain
 * or gzip-compressed) or a live interface.  Only this file of src/passive
 * includes pcap.h.
 */
#ifndef CS_PASSIVE_CAPTURE_H
#define CS_PASSIVE_CAPTURE_H

#include <signal.h>
#include <stdint.h>

#include "passive/passive.h"

struct cs_capture_opts {
	const char *file;   /* capture file, or NULL */
	const char *iface;  /* live interface (when file is NULL) */
	const char *filter; /* BPF filter text for live capture, may be NULL */
	int snaplen;        /* 0: 65535 */
	/* Set (by a signal handler) to stop a live capture; may be NULL. */
	volatile sig_atomic_t *stop;
	/*
	 * Called once the capture is open and filtered, before the first
	 * frame is read (privilege drop, sandbox; docs/privsep.md).  A
	 * nonzero return ends the run with CS_EIO.  May be NULL.
	 */
	int (*ready)(void *arg);
	void *ready_arg;
};

struct cs_capture_stats {
	uint64_t frames;     /* frames read */
	uint64_t os_dropped; /* live: dropped by the kernel (pcap_stats) */
};

/*
 * Reads frames from the file or interface and passes each to
 * cs_passive_packet until the end of the file, *o->stop, or an error.
 * Does not call cs_passive_finish.  Link types: Ethernet, Linux cooked
 * v1 and v2, raw IP (told to the listener with cs_passive_set_link); a
 * file may be pcap or pcapng, either one gzip-compressed.  Returns 0, or CS_EIO / CS_EINVAL with a message in err
 * (errsz bytes).  st may be NULL.
 */
int cs_capture_run(struct cs_passive *p, const struct cs_capture_opts *o,
		   struct cs_capture_stats *st, char *err, size_t errsz);

#endif /* CS_PASSIVE_CAPTURE_H */
