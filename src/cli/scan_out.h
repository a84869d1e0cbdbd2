/* SPDX-License-Identifier: ISC */
/*
 * nmap's conventions for `camsweep scan`: time values with units, port
 * lists written compactly (parsed by core/addr.h), and the nmap XML
 * output (-oX) written as each host completes, in the schema of nmap's
 * nmap.dtd (xmloutputversion 1.05), so that nmap's stylesheet and nmap XML
 * readers take camsweep's results.
 */
#ifndef CS_CLI_SCAN_OUT_H
#define CS_CLI_SCAN_OUT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <time.h>

#include "fp/fp.h"

/*
 * A duration: "500ms", "30s", "2m", "1h", or a bare number of
 * milliseconds (camsweep's unit before units existed).  The result, in
 * milliseconds, must lie in [min_ms, max_ms].  Returns 0 or CS_EINVAL.
 */
int cs_cli_parse_ms(const char *s, long long min_ms, long long max_ms,
		    long long *out);

/* Writes ports as nmap's compact list ("80,554,8000-8001") into buf. */
void cs_cli_ports_text(const uint16_t *ports, size_t n, char *buf, size_t sz);

struct cs_xml_out;

/*
 * Creates path ("-": standard output) and writes the document's head: <nmaprun> with the command
 * line, <scaninfo> (a TCP connect scan of ports), verbosity and debugging
 * levels.  Returns NULL with a message in err.
 */
struct cs_xml_out *cs_xml_open(const char *path, const char *version, int argc,
			       char **argv, const uint16_t *ports,
			       size_t nports, int verbose, int debug,
			       time_t start, char *err, size_t errsz);

/* One host that answered; hostname (the name it was given as) may be NULL. */
struct cs_xml_host {
	const char *ip;
	const char *hostname;
	const char *mac; /* NULL if unknown */
	const uint16_t *ports;
	size_t nports;
	const struct cs_identity *id;
	time_t start, end;
};
void cs_xml_host(struct cs_xml_out *x, const struct cs_xml_host *h);

/*
 * Writes <runstats> and closes the file.  Returns 0, or -1 if any write
 * failed (then the file is incomplete).
 */
int cs_xml_close(struct cs_xml_out *x, uint64_t up, uint64_t total,
		 double elapsed, bool success, const char *errmsg);

#endif /* CS_CLI_SCAN_OUT_H */
