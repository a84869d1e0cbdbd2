/* SPDX-License-Identifier: ISC */
/*
 * Shodan banners (the JSON objects of a Shodan download or the search
 * API, one per line; Shodan's "Banner Specification"), read as evidence
 * for `camsweep import shodan`.  One line is parsed at a time with
 * json-c under a nesting cap; from it:
 *   ip_str (or the integer ip), port, transport, _shodan.module,
 *   timestamp, the first hostname;
 *   data           -> http (an HTTP response head), rtsp (an RTSP
 *                     response) or banner (anything else, with the
 *                     module as its service)
 *   http.title     -> http.title
 *   http.server    -> http.server (only when data is not an HTTP head,
 *                     which carries the same header)
 *   ssl.cert.subject, ssl.cert.issuer -> tls.subject, tls.issuer
 *                     (RFC 4514 from the name objects)
 * Shodan's own product, version and cpe guesses are not evidence here.
 */
#ifndef CS_PARSE_PARSE_SHODAN_H
#define CS_PARSE_PARSE_SHODAN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/cs.h"

#define CS_SHODAN_LINE_MAX (4u << 20) /* bytes of one banner */
#define CS_SHODAN_DEPTH 32            /* JSON nesting */
#define CS_SHODAN_ITEMS_MAX 8         /* evidence items per banner */
#define CS_SHODAN_ITEM_MAX 8192       /* bytes of one item */

struct cs_shodan_item {
	char kind[24];    /* an identify kind */
	char service[32]; /* the module, for a banner */
	size_t len;
	char data[CS_SHODAN_ITEM_MAX]; /* NUL-terminated, len bytes */
};

struct cs_shodan_rec {
	char ip[46];
	uint16_t port; /* 0 if absent */
	bool tcp;      /* transport "tcp" (or absent) */
	char module[32];
	char hostname[256];
	int64_t ts; /* unix seconds of "timestamp" (UTC), 0 if absent */
	struct cs_shodan_item item[CS_SHODAN_ITEMS_MAX];
	size_t nitems;
};

/*
 * Parses one banner (p, n bytes, no newline).  Returns 0; CS_EPROTO (not
 * a JSON object, bad syntax, no usable ip_str or ip) or CS_ELIMIT (over
 * CS_SHODAN_LINE_MAX bytes or CS_SHODAN_DEPTH deep), with a message in
 * err; CS_ENOMEM.
 */
int cs_shodan_parse(const uint8_t *p, size_t n, struct cs_shodan_rec *out,
		    char *err, size_t errsz);

#endif /* CS_PARSE_PARSE_SHODAN_H */
