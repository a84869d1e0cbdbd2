/* SPDX-License-Identifier: ISC */
/*
 * Rendering inventory rows for people (a terminal table) and for tools
 * (JSON Lines).  Every device-supplied string passes the escaper for its
 * output: cs_esc_term for the table, cs_esc_json for JSON.
 */
#ifndef CS_CLI_OUTPUT_H
#define CS_CLI_OUTPUT_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "core/buf.h"
#include "store/store.h"

/*
 * The width of an address column of 15 (the longest dotted quad), widened
 * to the longest of the addresses a table shows: fold every address in
 * with w = cs_out_ip_width(w, ip), starting from CS_OUT_IP_WIDTH.  A table
 * of IPv4 addresses keeps 15 columns; an IPv6 address widens it (to at
 * most INET6_ADDRSTRLEN - 1 = 45).
 */
#define CS_OUT_IP_WIDTH 15
int cs_out_ip_width(int w, const char *ip);

/* Prints the table heading, the address column ipw wide. */
void cs_out_table_head(FILE *f, int ipw);
/* Prints one device as a table row, the address column ipw wide. */
void cs_out_table_row(FILE *f, const struct cs_device_row *r, int ipw);
/* Where a finding's device is, for a text column: its address, else its
 * MAC (a device only the switches know), else "-". */
const char *cs_out_finding_where(const struct cs_finding_row *f);
/*
 * Appends one device as a single-line JSON object (no newline) with keys
 * ip, ports, manufacturer, manufacturer_country, brand, model, firmware,
 * device_class, surveillance, confidence, evidence, mac, serial, site,
 * first_seen, last_seen (ISO 8601 UTC) and, for recorders, attached: the
 * shape docs/schema/device.v1.json describes (null for unknown).
 */
int cs_out_json_device(struct cs_buf *b, const struct cs_device_row *r);
/*
 * A device only the switches know (audit/placed.h): as
 * cs_out_json_device, with "known_from":"switch" and its "placement"
 * (switch, switch_address, port, vlan, poe, neighbour, arp_ip, oui,
 * seen_at), every switch-supplied string JSON-escaped.
 */
int cs_out_json_placed(struct cs_buf *b, const struct cs_device_row *r,
		       const struct cs_placement_row *p);
/* The line under such a device's table row: where the switch placed it,
 * terminal-escaped. */
void cs_out_placed_line(FILE *f, const struct cs_placement_row *p, int ipw);

/* yes, no or unknown, as id's surveillance is true, false or not
 * established (output.c; the table and the JSON writer both use it). */
const char *cs_out_surv_word(const struct cs_identity *id, const char *yes,
			     const char *no, const char *unknown);

struct json_object;
/*
 * The one JSON writer: appends o (built with json-c) as compact JSON to b,
 * every string and key through cs_esc_json (so DEL, C1 controls, invalid
 * UTF-8, U+2028/2029 and bidi controls never pass raw, unlike json-c's
 * own writer).  Returns 0 or the cs_buf error.
 */
int cs_out_json_value(struct cs_buf *b, struct json_object *o);
/* Writes o and a newline to f through cs_out_json_value. */
void cs_out_json_puts(FILE *f, struct json_object *o);

/* Writes device-supplied text s to f through cs_esc_term. */
void cs_out_term(FILE *f, const char *s);

/*
 * Prints one finding to stdout: a JSON object on one line (json), else
 * two or three lines of text, device strings escaped, the address
 * column ipw wide (cs_out_ip_width; out_finding.c).
 */
struct cs_finding_row;
void cs_out_finding(const struct cs_finding_row *f, bool json, int ipw);

/*
 * What assess's reconciliation did, one line on stdout each, unless
 * *(bool *)arg (JSON output): a finding reopened, closed or withdrawn.
 */
void cs_out_reopened(void *arg, const struct cs_finding_row *f);
void cs_out_closed(void *arg, const struct cs_finding_row *f, const char *how,
		   bool present);

/*
 * listen's output (out_listen.c): one device as a JSON object and a
 * newline written to f, built in b (reset first); the run's counters as
 * one line.
 */
struct cs_passive_dev;
struct cs_passive_stats;
struct cs_capture_stats;
void cs_out_listen_device(struct cs_buf *b, FILE *f,
			  const struct cs_passive_dev *d, const char *ip,
			  const char *mac, const struct cs_identity *id,
			  size_t nobs);
void cs_out_listen_stats(FILE *f, const struct cs_passive_stats *ps,
			 const struct cs_capture_stats *cst, uint64_t findings,
			 uint64_t mac_only);

#endif /* CS_CLI_OUTPUT_H */
