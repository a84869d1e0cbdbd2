/* SPDX-License-Identifier: ISC */
/*
 * The scan command's discovery wiring: builds the discovery state of
 * engine/discover.h for an interface, with src/ident's decoders as its
 * decode hook and the OUI registry (loaded on the first MAC address) as
 * the decoders' MAC resolver, and prints what discovery found.
 */
#ifndef CS_CLI_CLI_DISC_H
#define CS_CLI_CLI_DISC_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "engine/scope.h"

struct cs_cli_disc;

/*
 * Returns the wiring for discovery on interface ifname for ms
 * milliseconds within scope (borrowed; must outlive the result), using
 * data (the data directory) for the registrant map; NULL with a message
 * in err when the interface has no IPv4 address.  Free with
 * cs_cli_disc_free.
 */
struct cs_cli_disc *cs_cli_disc_new(const char *ifname, unsigned ms,
				    const struct cs_scope *scope,
				    const char *data, char *err, size_t errsz);
/* The discovery state to put in cs_engine_opts.disc (borrowed). */
struct cs_disc *cs_cli_disc_state(struct cs_cli_disc *c);
/* Prints one summary line of what discovery found to f. */
void cs_cli_disc_summary(const struct cs_cli_disc *c, FILE *f);
/* Frees c; NULL is a no-op. */
void cs_cli_disc_free(struct cs_cli_disc *c);

/*
 * The MAC registry of a scan (every registry on the machine and
 * data/entities/oui-registrants.tsv), loaded on the first lookup.  Used
 * by discovery and, through cs_probe_set_mac_lookup, by the TCP probes,
 * so that a MAC address in a reply (an ISAPI macAddress, a realm) is
 * resolved on the scan path as `camsweep identify` resolves it.
 */
struct cs_cli_oui;
struct cs_cli_oui *cs_cli_oui_new(const char *data);
/* Reads the registry now instead of at the first lookup (before a
 * privilege drop); idempotent, warns once on failure. */
void cs_cli_oui_preload(struct cs_cli_oui *o);
/* A cs_dec_mac_fn over a struct cs_cli_oui (arg). */
int cs_cli_oui_lookup(void *arg, const uint8_t mac[6], unsigned bits,
		      char *maker, size_t makersz, char *registrant,
		      size_t regsz);
void cs_cli_oui_free(struct cs_cli_oui *o);

#endif /* CS_CLI_CLI_DISC_H */
