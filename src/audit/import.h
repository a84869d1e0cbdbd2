/* SPDX-License-Identifier: ISC */
/*
 * The import use case: another tool's records (nmap XML, Shodan banners,
 * Zeek logs, runZero assets, Censys hosts) into the inventory as one scan
 * whose vantage names its source ("nmap import") and whose options hold
 * {"source", "file"[, "scanner", "scanner_version", "args"]}.  Each host
 * is identified from the evidence the records carry exactly as `camsweep
 * identify` would, then shown, assessed, diffed and reported like any
 * scanned host.  Nothing is printed: diagnostics ("FILE:LINE: message",
 * at most ten refused records a file) and the one-line summary go to the
 * caller's reporter, which decides what is shown.
 *
 * One file a source (import_nmap.c, import_shodan.c, import_zeek.c,
 * import_runzero.c, import_censys.c) over the shared machinery of
 * audit/import_core.h.
 */
#ifndef CS_AUDIT_IMPORT_H
#define CS_AUDIT_IMPORT_H

#include <stdint.h>

#include "ident/ident.h"

struct cs_audit_import {
	/* In: all borrowed. */
	const char *db_path;        /* the inventory: a file or a URI */
	const char *data_dir;       /* holds fingerprints/ and entities/ */
	cs_ident_mac_fn mac_lookup; /* the MAC registry; may be NULL */
	void *mac_arg;
	/* Called with db_path just before the store is opened; may be
	 * NULL (the CLI creates its default inventory 0600 there). */
	void (*prepare_db)(const char *db_path);
	/* Each diagnostic and the summary, one line without a prefix or a
	 * newline ("scan 3 from f.xml (nmap 7.94): 2 hosts imported, ...");
	 * may be NULL (silent).  `camsweep import` prints them to stderr
	 * after "camsweep import: ". */
	void (*report)(void *arg, const char *msg);
	void *report_arg;
	/* Out: the scan recorded (0: none) and the hosts it holds. */
	int64_t scan_id;
	uint64_t hosts;
};

/*
 * Each reads file ("-": standard input, nmap only; a directory of logs for
 * zeek) and records one scan.  Returns an exit status (core/exitcode.h):
 * EXIT_OK, or EXIT_RUNTIME when the file cannot be read, a record is
 * refused (the scan is then recorded "incomplete") or the store fails.
 */
int cs_audit_import_nmap(struct cs_audit_import *imp, const char *file);
int cs_audit_import_shodan(struct cs_audit_import *imp, const char *file);
int cs_audit_import_runzero(struct cs_audit_import *imp, const char *file);
int cs_audit_import_censys(struct cs_audit_import *imp, const char *file);
int cs_audit_import_zeek(struct cs_audit_import *imp, const char *dir);

#endif /* CS_AUDIT_IMPORT_H */
