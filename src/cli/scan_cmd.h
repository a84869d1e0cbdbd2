/* SPDX-License-Identifier: ISC */
/*
 * What the files of `camsweep scan`, `show` and `upload` share (private
 * to src/cli): a scan's options (struct scan_opts, what the session of
 * audit/scan.h and the engine are given) apart from its output (struct
 * scan_output, what cli_scan_show.c and -oJ/-oX need), the option
 * numbers, and the helpers each file exports to the others.
 */
#ifndef CS_CLI_SCAN_CMD_H
#define CS_CLI_SCAN_CMD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <time.h>

#include "audit/scan.h"
#include "cli/cli_disc.h"
#include "cli/scan_out.h"
#include "engine/creds.h"
#include "engine/engine.h"
#include "engine/scope.h"
#include "store/store.h"

#define CS_VERSION "0.1.0"
#define DEFAULT_DB cs_cli_default_db()
#define DEFAULT_SPOOL "camsweep-spool.db" /* a sensor's local buffer */
#define DEFAULT_MAX_ADDRS 65536           /* a /16; more needs --allow-large */

/* Camera-relevant TCP ports swept by default (protocols.md). */
extern const char cs_scan_default_ports[];

/*
 * The output part of a scan: its output options and what is shown and
 * written as it goes (cli_scan_show.c, -oJ and -oX through scan_out.h),
 * apart from the scan options (struct scan_opts) and the session.
 */
struct scan_output {
	bool json, all, quiet;
	bool to_stdout;      /* -oJ - or -oX - */
	const char *oj_path; /* -oJ: JSON Lines, one line per host */
	const char *ox_path; /* -oX: nmap XML */
	FILE *oj;            /* nmap's conventions (scan_out.h) */
	struct cs_xml_out *ox;
	bool out_failed; /* a write to -oJ or -oX failed */
	int verbose;     /* -v count; -d adds 2 */
	bool progress;   /* the progress line on a TTY */
	bool progress_shown;
	long long stats_ms; /* --stats-every; 0: none */
	int64_t last_stats_ms;
	uint64_t total;
	int64_t start_ms;
	time_t start_wall;
	struct target_name *names; /* targets given as host names */
	size_t nnames;
	const struct cs_audit_scan *s; /* the session, for its counts */
};

/* A target given as a host name, resolved once at the start. */
struct target_name {
	struct cs_addr addr;
	char name[256];
};

enum {
	OPT_EXCLUDE = 256,
	OPT_EXCLUDE_FILE,
	OPT_PORTS,
	OPT_RATE,
	OPT_MAX_CONNS,
	OPT_HOST_CONNS,
	OPT_CONNECT_TIMEOUT,
	OPT_READ_TIMEOUT,
	OPT_HOST_TIMEOUT,
	OPT_DEAD_AFTER,
	OPT_BUDGET,
	OPT_DB,
	OPT_DATA,
	OPT_JSON,
	OPT_ALL,
	OPT_NO_RESUME,
	OPT_ALLOW_LARGE,
	OPT_CREDENTIALS,
	OPT_MAX_ADDRS,
	OPT_SENSOR,
	OPT_SPOOL,
	OPT_ESTATE,
	OPT_INTERFACE,
	OPT_DISCOVER_TIME,
	OPT_USER,
	OPT_IL,
	OPT_OX,
	OPT_OJ,
	OPT_STATS_EVERY,
};

/*
 * The scan options: what the session (audit/scan.h) and the engine are
 * given, from the parse (cli_scan_opts.c) through the scope
 * (cli_scan_scope.c) and the preparation (cli_scan_prep.c).
 */
struct scan_opts {
	struct cs_engine_opts eo;
	struct cs_interval *inc, *exc;
	size_t ninc, nexc, nports;
	uint16_t ports[CS_SCOPE_MAX_PORTS];
	const char **il; /* -iL files */
	size_t nil;
	const char *db_path, *data, *sensor, *spool, *estate_path;
	bool resume, large;
	const char *ifname;     /* --interface: discovery */
	unsigned disc_ms;       /* --discover-time */
	const char *creds_path; /* --credentials */
};

/*
 * One `camsweep scan` command: its options and outputs, its scope and
 * the session, from the parse through the run (cli_scan.c).
 * cs_scan_cleanup frees it whatever step stopped.
 */
struct scan_cmd {
	int argc;
	char **argv, **orig_argv; /* argv: as parsed; orig_argv: as typed */
	char **args; /* argv with nmap's -iL, -oX, -oJ as long options */
	int rc;      /* the exit status so far */
	struct scan_opts opt;
	struct scan_output out;
	struct cs_audit_scan s; /* the session (audit/scan.h) */
	/* Sensor mode: the scan is written to a local spool (s.store) and
	 * uploaded to the central database whenever it answers. */
	const char *central_uri; /* NULL unless --sensor */
	const char *spool_path;
	struct cs_engine_stats es;
	int debug;
	char ports_text[4096], host[256], err[512], *opts_text;
	bool buffered;
	struct cs_scope scope;
	struct cs_scan_info info;
	uint64_t watermark;
	bool resumed;
	struct cs_cli_disc *disc;
	struct cs_cli_oui *probe_oui; /* MAC registry of the probes */
	struct cs_creds creds;
};

/* Each returns 0, or -1 with sc->rc the exit status (after a message). */
int cs_scan_parse(struct scan_cmd *sc);
int cs_scan_scope(struct scan_cmd *sc);
int cs_scan_prepare(struct scan_cmd *sc);
/* Runs the session and reports; sets sc->rc. */
void cs_scan_finish(struct scan_cmd *sc);
void cs_scan_cleanup(struct scan_cmd *sc);

/* cli_scan_show.c: what the session's hooks show as the scan goes. */
int64_t cs_scan_now_ms(void);
void cs_scan_show_host(void *arg, const struct cs_host_report *h,
		       const struct cs_host_result *r,
		       const struct cs_identity *id);
void cs_scan_show_store_error(void *arg, const char *msg);
void cs_scan_show_progress(void *arg, uint64_t done);
void cs_scan_progress_line(struct scan_output *out, uint64_t done, bool final);
/* After a complete upload the spool is set aside (audit/scan.h). */
void cs_cli_spool_retire(const char *spool);

/* cli_show.c: a scan's devices as a table or JSON Lines. */
int cs_cli_print_scan(struct cs_store *st, int64_t scan_id, bool json,
		      bool all);
int cs_cli_show(int argc, char **argv);

/* cli_scan_targets.c: targets, -iL files and the options text
 * (cs_scan_scope, above, is cli_scan_scope.c). */
bool cs_scan_num_opt(const char *name, const char *v, long long min,
		     long long max, long long *out);
int cs_scan_add_specs(const char *arg, struct cs_interval **v, size_t *n);
int cs_scan_add_target(const char *arg, struct cs_interval **v, size_t *n,
		       struct scan_output *out, bool quiet);
int cs_scan_add_target_file(const char *path, struct cs_interval **v, size_t *n,
			    struct scan_output *out, bool quiet);
char *cs_scan_options_text(const struct cs_engine_opts *o);

/* cli_config.c: scan --config FILE, and the scan command's entry. */
char **cs_cli_config_argv(const char *path, int argc, char **argv, int *nargc);
void cs_cli_config_free(char **v);
int cs_cli_scan(int argc, char **argv);

/* cli_usage.c */
void cs_cli_scan_usage(FILE *f);
void cs_cli_usage(FILE *f);

/* cli_scan.c: the scan command once its arguments are known. */
int cs_cli_scan_args(int argc, char **argv);

/* cli_upload.c */
int cs_cli_upload(int argc, char **argv);

#endif /* CS_CLI_SCAN_CMD_H */
