/* SPDX-License-Identifier: ISC */
/*
 * Censys host records, read a line at a time for `camsweep import
 * censys`.  A line is one host object of the Search 2.0 API (the members
 * of the host data definitions, docs.censys.com "Service Information":
 * ip, services[] with port, transport_protocol, service_name,
 * extended_service_name, banner, and the per-protocol members), or one
 * page of a host search answer ({"code":200,"status":"OK","result":
 * {"hits":[host, ...]}}) whose hits are the hosts.  From each host:
 *   ip, last_updated_at (ISO 8601 UTC)
 *   services[].port with transport_protocol TCP -> an open TCP port
 *   services[].banner -> http (an HTTP response head), rtsp (an RTSP
 *                        response) or banner (service_name, lower case,
 *                        as its service)
 *   services[].http.response.html_title -> http.title
 *   services[].tls.certificates.leaf_data.subject_dn, .issuer_dn
 *                     -> tls.subject, tls.issuer
 * Censys's own software and label guesses are not evidence here.  Pure
 * and bounded: json-c under a nesting cap, a line of at most
 * CS_CENSYS_LINE_MAX bytes, at most CS_CENSYS_ITEMS_MAX items and
 * CS_CENSYS_PORTS_MAX ports a host (more are dropped and counted).
 */
#ifndef CS_PARSE_PARSE_CENSYS_H
#define CS_PARSE_PARSE_CENSYS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/cs.h"

#define CS_CENSYS_LINE_MAX (16u << 20) /* bytes of one line */
#define CS_CENSYS_DEPTH 48             /* JSON nesting */
#define CS_CENSYS_PORTS_MAX 256
#define CS_CENSYS_ITEMS_MAX 64
#define CS_CENSYS_ITEM_MAX 8192 /* bytes of one item */

struct cs_censys_item {
	char kind[24];    /* an identify kind */
	char service[32]; /* service_name in lower case, for a banner */
	uint16_t port;    /* 0 if none */
	size_t len;
	char data[CS_CENSYS_ITEM_MAX]; /* NUL-terminated, len bytes */
};

struct cs_censys_host {
	char ip[46];
	int64_t ts; /* unix seconds of last_updated_at, 0 if absent */
	uint16_t ports[CS_CENSYS_PORTS_MAX];
	size_t nports;
	struct cs_censys_item item[CS_CENSYS_ITEMS_MAX];
	size_t nitems;
	size_t dropped; /* items or ports over the caps */
};

/* Called for each host of a line; h is valid only during the call. */
typedef void (*cs_censys_cb)(void *arg, const struct cs_censys_host *h);

/*
 * Parses one line (p, n bytes, no newline) into hosts, calling cb for
 * each with h (caller's scratch, reused).  Returns the number of hosts
 * (a host without a usable ip is skipped and not counted); CS_EPROTO
 * (not a JSON object, bad syntax, neither a host nor a search answer) or
 * CS_ELIMIT (over CS_CENSYS_LINE_MAX bytes or CS_CENSYS_DEPTH deep), with
 * a message in err; CS_ENOMEM.
 */
int cs_censys_parse(const uint8_t *p, size_t n, struct cs_censys_host *h,
		    cs_censys_cb cb, void *arg, char *err, size_t errsz);

#endif /* CS_PARSE_PARSE_CENSYS_H */
