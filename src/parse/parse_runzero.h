/* SPDX-License-Identifier: ISC */
/*
 * runZero asset exports, read one asset at a time for `camsweep import
 * runzero`.  The formats are those of runZero's Export API
 * (runZeroInc/runzero-api, openapi.yaml: /export/org/assets.jsonl and
 * /export/org/assets.csv, the Asset schema): JSON Lines, one Asset object
 * a line, or CSV whose header row names the same fields.  From an asset:
 *   addresses      -> the host's address (the first that is an IPv4 or
 *                     IPv6 address)
 *   macs           -> mac evidence (the registry names the registrant)
 *   service_ports_tcp -> open TCP ports (strings, "80")
 *   names          -> the first name
 *   first_seen, last_seen -> unix seconds
 * runZero's own conclusions (os, hw, type, the services' attribute maps,
 * whose keys the API leaves undocumented) are not evidence here.  In CSV,
 * a list field holds its items separated by tabs, spaces, commas or
 * semicolons.  Pure and bounded: json-c under a nesting cap for a line of
 * at most CS_RUNZERO_LINE_MAX bytes; a CSV record is the fields core's
 * RFC 4180 reader gave (core/text.h).
 */
#ifndef CS_PARSE_PARSE_RUNZERO_H
#define CS_PARSE_PARSE_RUNZERO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/cs.h"

#define CS_RUNZERO_LINE_MAX (4u << 20) /* bytes of one JSON asset */
#define CS_RUNZERO_DEPTH 32            /* JSON nesting */
#define CS_RUNZERO_PORTS_MAX 256       /* TCP ports kept per asset */
#define CS_RUNZERO_MACS_MAX 8          /* MAC addresses kept per asset */

struct cs_runzero_asset {
	char ip[46];
	uint16_t ports[CS_RUNZERO_PORTS_MAX]; /* as listed, no repeats */
	size_t nports;
	char macs[CS_RUNZERO_MACS_MAX][18]; /* "aa:bb:cc:dd:ee:ff" */
	size_t nmacs;
	char name[256];                /* "" if none */
	int64_t first_seen, last_seen; /* 0 if absent */
};

/*
 * Parses one JSON Lines asset (p, n bytes, no newline).  Returns 0;
 * CS_EPROTO (not a JSON object, bad syntax, no usable address) or
 * CS_ELIMIT (over CS_RUNZERO_LINE_MAX bytes or CS_RUNZERO_DEPTH deep),
 * with a message in err; CS_ENOMEM.
 */
int cs_runzero_json(const uint8_t *p, size_t n, struct cs_runzero_asset *out,
		    char *err, size_t errsz);

/* The columns of a CSV export, from its header row (-1: absent). */
struct cs_runzero_cols {
	int addresses, macs, ports, names, first_seen, last_seen;
};

/*
 * Reads the header row (nf fields of f, NUL-terminated).  Returns 0, or
 * CS_EPROTO when there is no "addresses" column, with a message in err.
 */
int cs_runzero_csv_header(struct cs_runzero_cols *c, const char *const *f,
			  size_t nf, char *err, size_t errsz);

/*
 * Parses one CSV record (nf fields of f) by the columns of its header.
 * Returns 0, or CS_EPROTO (no usable address) with a message in err.
 */
int cs_runzero_csv_row(const struct cs_runzero_cols *c, const char *const *f,
		       size_t nf, struct cs_runzero_asset *out, char *err,
		       size_t errsz);

#endif /* CS_PARSE_PARSE_RUNZERO_H */
