/* SPDX-License-Identifier: ISC */
/*
 * nmap's XML output (nmap.dtd, xmloutputversion 1.05), read as evidence
 * for `camsweep import nmap`.  A streaming expat parser: the document is
 * fed in pieces and each <host> is handed to a callback when it closes,
 * so memory stays bounded whatever the file's size.  Locked down as
 * parse_soap.h: a DOCTYPE is accepted only without an internal subset
 * (nmap writes "<!DOCTYPE nmaprun>"), entity declarations are refused,
 * parameter entities never parsed, nesting and attributes capped.
 *
 * From each host: its IPv4 (or IPv6) address, MAC address, first host
 * name, the open TCP ports with their service names, and evidence items
 * in `camsweep identify`'s kinds (docs/identify.md), cut to
 * CS_NMAP_ITEM_MAX bytes:
 *   http-title           -> http.title (the "title" elem, else the output,
 *                           unless nmap says there is none)
 *   http-server-header   -> http.server (each line)
 *   http-headers         -> http (the header lines as a header block)
 *   banner               -> banner (with the port's service name)
 *   ssl-cert             -> tls.subject, tls.issuer (RFC 4514 from the
 *                           subject/issuer tables)
 *   snmp-sysdescr        -> snmp-sysdescr
 *   <address addrtype="mac"> -> mac
 * nmap's own service names and product guesses are not evidence here:
 * camsweep identifies from what the device sent, not from another
 * tool's conclusions.
 */
#ifndef CS_PARSE_PARSE_NMAPXML_H
#define CS_PARSE_PARSE_NMAPXML_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/cs.h"

#define CS_NMAP_ITEM_MAX 8192 /* bytes of one evidence item */
#define CS_NMAP_ITEMS_MAX 64  /* evidence items kept per host */
#define CS_NMAP_PORTS_MAX 256 /* open ports kept per host */
#define CS_NMAP_DEPTH_MAX 32  /* element nesting */
#define CS_NMAP_ATTR_MAX 64   /* attributes per element */

struct cs_nmap_item {
	char kind[24];    /* an identify kind, e.g. "http.title" */
	char service[32]; /* the port's service name, "" if none */
	uint16_t port;    /* 0 for host-level items (mac) */
	size_t len;
	char data[CS_NMAP_ITEM_MAX]; /* NUL-terminated, len bytes */
};

struct cs_nmap_host {
	char ip[46];        /* "" if the host had no IP address */
	char mac[24];       /* "" if none */
	char hostname[256]; /* the first <hostname>, "" if none */
	bool up;            /* <status state="up"> (or no status at all) */
	uint16_t ports[CS_NMAP_PORTS_MAX]; /* open TCP ports, in order */
	size_t nports;
	struct cs_nmap_item item[CS_NMAP_ITEMS_MAX];
	size_t nitems;
	size_t dropped; /* items or ports over the caps */
};

/* The run's attributes, valid once the <nmaprun> element was seen. */
struct cs_nmap_run {
	char scanner[32]; /* "nmap" (or another writer of the format) */
	char version[32];
	char args[1024];
	int64_t start;    /* unix seconds, 0 if absent */
	int64_t finished; /* <runstats><finished time>, 0 until seen */
	bool seen;
};

/* Called for each closed <host>; non-zero stops the parse with it. */
typedef int (*cs_nmap_host_fn)(void *arg, const struct cs_nmap_host *h);

struct cs_nmapxml;

/* A new parser (NULL if expat cannot allocate). */
struct cs_nmapxml *cs_nmapxml_new(cs_nmap_host_fn fn, void *arg);
/*
 * Feeds n bytes; final marks the last piece.  Returns 0, the callback's
 * non-zero value, CS_EPROTO (malformed XML, a root other than nmaprun, a
 * DOCTYPE with an internal subset, an entity declaration), CS_ELIMIT
 * (nesting or attributes over the caps) or CS_ENOMEM, with a message
 * naming the line in err.  After an error, further feeds fail.
 */
int cs_nmapxml_feed(struct cs_nmapxml *p, const uint8_t *buf, size_t n,
		    bool final, char *err, size_t errsz);
/* The run's attributes (zeroed until <nmaprun> is seen). */
const struct cs_nmap_run *cs_nmapxml_run(const struct cs_nmapxml *p);
void cs_nmapxml_free(struct cs_nmapxml *p);

#endif /* CS_PARSE_PARSE_NMAPXML_H */
