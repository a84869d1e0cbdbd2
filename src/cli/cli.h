/* SPDX-License-Identifier: ISC */
/*
 * The command-line front end: subcommand dispatch (cs_cli_main) and each
 * subcommand's entry point.  A subcommand parses its arguments, calls one
 * use case of the application layer (src/audit: the scan session with a
 * sensor's periodic upload, assess and reconcile, plan, diff, reach, the
 * listen session, cameras behind recorders, import, notify, check,
 * lookup) or the store's upload, and prints the result and whatever the
 * use case reports through its hooks.  Exit statuses come from
 * core/exitcode.h.
 */
#ifndef CS_CLI_CLI_H
#define CS_CLI_CLI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* Runs camsweep with the given arguments; returns the process exit code. */
int cs_cli_main(int argc, char **argv);

/*
 * The data directory: opt if given, else $CAMSWEEP_DATA, else the
 * source tree's data/ (a build-tree default).  Never NULL.
 */
const char *cs_cli_data_dir(const char *opt);

/* The program's version, "0.1.0". */
const char *cs_cli_version(void);

/*
 * The default inventory: $XDG_DATA_HOME/camsweep/camsweep.db (else
 * ~/.local/share/camsweep/camsweep.db; ./camsweep.db when there is no
 * home).  Creates nothing: a command that writes the inventory calls
 * cs_cli_prepare_db, which creates the default's directory 0700 and the
 * file 0600 (and leaves any other path alone).
 */
#define CS_DEFAULT_DB_NAME "camsweep.db"
#define CS_DEFAULT_DB_TEXT "$XDG_DATA_HOME/camsweep/camsweep.db"
const char *cs_cli_default_db(void);
void cs_cli_prepare_db(const char *path);

/*
 * Opens an existing inventory for a command that reads it (a file must
 * be readable; a URI is tried), printing "camsweep: DB: reason" to
 * stderr on failure (NULL).
 */
struct cs_store; /* store/store.h */
struct cs_store *cs_cli_open_db(const char *db_path);

/*
 * True if an argument before "--" asks for help ("--help" or "-h"), so
 * that every level (e.g. `estate check --help`) answers it.
 */
bool cs_cli_wants_help(int argc, char **argv);

/* Parses a positive row id (a scan or finding number): 0 or CS_EINVAL. */
int cs_cli_parse_id(const char *s, int64_t *out);

struct cs_fpdb; /* fp/fp.h */
/*
 * Loads the rules and entity tables of the data directory (data as for
 * cs_cli_data_dir): NULL with the message in err on failure.
 */
struct cs_fpdb *cs_cli_load_fpdb(const char *data, char *err, size_t errsz);

struct cs_interval; /* engine/scope.h */

/*
 * Appends the exclusions of data/scope/exclude.conf (if the file exists)
 * to *v.  The built-in exclusions need no file: cs_scope_build always
 * applies them.  Returns 0, or -1 after printing the error.
 */
int cs_cli_data_excl(const char *data, struct cs_interval **v, size_t *n);

/*
 * Subcommands; argv[0] is the command.  scan, show and upload live in
 * cli.c; the others in cli_<name>.c.
 */
int cs_cli_identify(int argc, char **argv);
int cs_cli_scans(int argc, char **argv);  /* the inventory's scans */
int cs_cli_import(int argc, char **argv); /* import nmap FILE.xml */
/* Findings and devices for other systems: syslog, CEF, CMDB, webhook. */
int cs_cli_export(int argc, char **argv);
int cs_cli_notify(int argc, char **argv);

struct cs_finding_row;
struct json_object;
/* A finding as the JSON object `assess --json` prints (a new object). */
struct json_object *cs_cli_finding_json(const struct cs_finding_row *f);
int cs_cli_lookup(int argc, char **argv);
/* Its parts (cli_lookup.c, cli_lookup_mac.c): --mac, and the output
 * helpers they share (a JSON number with two decimals; a string member,
 * null when empty; a terminal-escaped "label: value" line when set). */
struct json_object;
int cs_cli_lookup_mac(const char *ieee_dir, const char *data, const char *mac_s,
		      bool json);
struct json_object *cs_cli_lookup_jdouble(double v);
void cs_cli_lookup_jstr(struct json_object *o, const char *k, const char *v);
void cs_cli_lookup_tline(const char *label, const char *v);
int cs_cli_estate(int argc, char **argv); /* estate check|import-csv */
int cs_cli_assess(int argc, char **argv);
int cs_cli_plan(int argc, char **argv);
int cs_cli_diff(int argc, char **argv);
int cs_cli_reach(int argc, char **argv);
int cs_cli_report(int argc, char **argv);
/* A scan as `scans --json` writes it (cli_scans.c), and one change as
 * `diff --json` does (cli_diff.c; change: enum cs_audit_change, a or b
 * NULL as the diff's callback gives them): new objects, which the console's
 * API writes too. */
struct cs_scan_state;
struct cs_audit_dev;
struct json_object *cs_cli_scan_json(int64_t id,
				     const struct cs_scan_state *st);
struct json_object *cs_cli_diff_json(int change, const struct cs_audit_dev *a,
				     const struct cs_audit_dev *b,
				     const char *detail);
/* The console (cli_serve.c) and its accounts (cli_user.c; issue #21). */
int cs_cli_serve(int argc, char **argv);
int cs_cli_user(int argc, char **argv);
/*
 * Streams one document of r to path (stdout when NULL) as it is written,
 * never holding it whole in memory (out_report.c); 0 or -1 after a
 * message.
 */
struct cs_report;
int cs_cli_report_stream(struct cs_report *r,
			 int part /* enum cs_report_part */, const char *path);
/* Signed evidence packs: evidence keygen|pack|verify (cli_evidence.c). */
int cs_cli_evidence(int argc, char **argv);
/* Its parts (cli_evidence.c, cli_evidence_verify.c). */
#define CS_CLI_MAX_PACK ((size_t)2 << 30) /* the largest pack read */
void cs_cli_evidence_usage(FILE *f);
int cs_cli_evidence_verify(int argc, char **argv);

/* Passive identification and phone-home detection (docs/listen.md). */
int cs_cli_listen(int argc, char **argv);
/* The MAC registry: oui update|sources (docs/oui.md). */
int cs_cli_oui(int argc, char **argv);
/* vulns list|match: the vulnerability table (docs/vulns.md §6). */
int cs_cli_vulns(int argc, char **argv);

/*
 * Prints the MAC registry files a run reads (ieee_dir NULL: the default
 * set), with their dates and how each was dated, to f.
 */
void cs_cli_oui_print_sources(FILE *f, const char *ieee_dir);
/*
 * Loads this host's MAC registry files into *oui (free with cs_oui_free;
 * NULL when none loads) and fills reg[0..n) (CS_OUI_MAX_SOURCES entries)
 * with their paths, dates (kept in dates) and sizes, as reports and
 * evidence packs state them.  Returns n.
 */
struct cs_oui;
struct cs_report_registry;
size_t cs_cli_oui_registry(struct cs_oui **oui, struct cs_report_registry *reg,
			   char (*dates)[16]);
/* Central PostgreSQL inventory: db init | add-sensor (cli_db.c). */
int cs_cli_db(int argc, char **argv);
/* camsweep check: validates the data files and estates (cli_check.c). */
int cs_cli_check(int argc, char **argv);

#endif /* CS_CLI_CLI_H */
