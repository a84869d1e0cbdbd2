/* SPDX-License-Identifier: ISC */
/*
 * Subcommand dispatch and the scan and show commands.  This file wires
 * the layers together: scope and engine (discover), fingerprints
 * (identify) and the store (inventory).  It holds no protocol logic.
 */
#include "cli/cli.h"

#include <errno.h>
#include <netdb.h>
#include <arpa/inet.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "audit/scan.h"
#include "oui/models.h"
#include "cli/cli_disc.h"
#include "cli/output.h"
#include "core/addr.h"
#include "core/exitcode.h"
#include "cli/scan_out.h"
#include "core/alloc.h"
#include "core/buf.h"
#include "core/escape.h"
#include "core/str.h"
#include "engine/creds.h"
#include "engine/engine.h"
#include "engine/privsep.h"
#include "engine/scope.h"
#include "fp/fp.h"
#include "policy/estate.h"
#include "probe/probe.h"
#include "store/store.h"
#include "store/upload.h"
#include "core/poison.h"

#define CS_VERSION "0.1.0"
#define DEFAULT_DB cs_cli_default_db()
#define DEFAULT_SPOOL "camsweep-spool.db" /* a sensor's local buffer */
#define DEFAULT_MAX_ADDRS 65536           /* a /16; more needs --allow-large */

/* Camera-relevant TCP ports swept by default (protocols.md). */
static const char default_ports[] =
    "80,554,8000,37777,34567,8080,443,8443,81,8081,8554,21,22,23,5000,"
    "631,9100";

const char *
cs_cli_version(void)
{
	return CS_VERSION;
}

static void
raise_nofile(void)
{
	struct rlimit rl;

	if (getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur < rl.rlim_max) {
		rl.rlim_cur = rl.rlim_max;
		setrlimit(RLIMIT_NOFILE, &rl);
	}
}

/* Descriptors open now (0 if /proc is not mounted). */
static unsigned
fds_in_use(void)
{
	DIR *d = opendir("/proc/self/fd");
	struct dirent *de;
	unsigned n = 0;

	if (d == NULL)
		return 0;
	while ((de = readdir(d)) != NULL)
		if (de->d_name[0] != '.')
			n++;
	closedir(d);
	return n > 0 ? n - 1 : 0; /* not the directory's own */
}

/*
 * Descriptors kept free for everything but the sweep's connections: the
 * event loop's own, the inventory's journal and WAL files, the sensor's
 * upload, and discovery's sockets (three per module) when asked for.
 */
#define FD_RESERVE 8
#define FD_RESERVE_DISC 20

static unsigned
nofile_limit(void)
{
	struct rlimit rl;

	if (getrlimit(RLIMIT_NOFILE, &rl) != 0 || rl.rlim_cur > 1u << 20)
		return 1u << 20;
	return (unsigned)rl.rlim_cur;
}

/*
 * Creates path 0600 if it does not exist yet (an SQLite inventory or a
 * spool), so that it is private from its first byte whatever the umask;
 * a URI is left alone.
 */
static void
private_file(const char *path)
{
	int fd;

	if (cs_store_path_is_uri(path))
		return;
	fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (fd >= 0)
		close(fd);
}

/* ---- scan ---- */

struct scan_run {
	struct cs_audit_scan s; /* the session (audit/scan.h) */
	/* IPv6 targets: in the scope check, not swept (IPv4 probes only) */
	struct cs_interval6 *inc6;
	size_t ninc6;
	/* Sensor mode: the scan is written to a local spool (run.s.store) and
	 * uploaded to the central database whenever it answers. */
	const char *central_uri; /* NULL unless --sensor */
	const char *spool_path;
	/* nmap's conventions (scan_out.h) */
	FILE *oj; /* -oJ: JSON Lines, one line per host */
	const char *oj_path;
	struct cs_xml_out *ox; /* -oX: nmap XML */
	bool out_failed;       /* a write to -oJ or -oX failed */
	int verbose;           /* -v count; -d adds 2 */
	bool progress;         /* the progress line on a TTY */
	bool progress_shown;
	long long stats_ms; /* --stats-every; 0: none */
	int64_t last_stats_ms;
	uint64_t total;
	int64_t start_ms;
	time_t start_wall;
	struct target_name *names; /* targets given as host names */
	size_t nnames;
};

/* A target given as a host name, resolved once at the start. */
struct target_name {
	uint32_t ip;
	char name[256];
};

static int64_t
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static const char *
target_name_of(const struct scan_run *run, uint32_t ip)
{
	for (size_t i = 0; i < run->nnames; i++)
		if (run->names[i].ip == ip)
			return run->names[i].name;
	return NULL;
}

/* -oJ: the host as `show --json` prints it, as soon as it completes. */
static void
write_oj(struct scan_run *run, const struct cs_host_result *r)
{
	struct cs_device_row *row = cs_xcalloc(1, sizeof(*row));
	const struct cs_obs *mac = cs_obs_find(r->obs, "mac", 0);
	struct cs_buf b;

	cs_strlcpy(row->ip, r->ip, sizeof(row->ip));
	row->nports =
	    r->nports < CS_STORE_MAX_PORTS ? r->nports : CS_STORE_MAX_PORTS;
	memcpy(row->ports, r->ports, row->nports * sizeof(row->ports[0]));
	row->id = *r->id;
	row->first_seen = row->last_seen = r->seen_at;
	if (mac != NULL)
		cs_span_copy(row->mac, sizeof(row->mac),
			     (struct cs_span){mac->val, mac->len});
	row->natt = r->natt;
	memcpy(row->att, r->att, r->natt * sizeof(row->att[0]));
	if (r->site)
		cs_strlcpy(row->site, r->site, sizeof(row->site));
	cs_buf_init(&b, 1 << 22);
	if (cs_out_json_device(&b, row) != 0 || cs_buf_adds(&b, "\n") != 0 ||
	    fwrite(b.p, 1, b.len, run->oj) != b.len || fflush(run->oj) != 0)
		run->out_failed = true;
	cs_buf_free(&b);
	free(row);
}

/* -v: one line per host as it completes. */
static void
verbose_host(const struct cs_host_result *r, const struct cs_identity *id)
{
	char ports[512];
	struct cs_buf b;

	cs_cli_ports_text(r->ports, r->nports, ports, sizeof(ports));
	cs_buf_init(&b, 4096);
	cs_buf_printf(&b, "camsweep: %s up, ports %s: ", r->ip, ports);
	if (id->manufacturer[0])
		cs_esc_term(&b, id->manufacturer, strlen(id->manufacturer));
	else
		cs_buf_adds(&b, "maker unknown");
	if (id->model[0]) {
		cs_buf_adds(&b, " ");
		cs_esc_term(&b, id->model, strlen(id->model));
	}
	cs_buf_printf(&b, ", %s (%.3f)\n", cs_class_name(id->device_class),
		      id->confidence);
	fwrite(b.p, 1, b.len, stderr);
	cs_buf_free(&b);
}

/* The session's hooks: what is shown as the scan goes. */
static void
show_host(void *arg, const struct cs_host_report *h,
	  const struct cs_host_result *r, const struct cs_identity *id)
{
	struct scan_run *run = arg;

	if (run->oj != NULL)
		write_oj(run, r);
	if (run->ox != NULL) {
		const struct cs_obs *mac = cs_obs_find(h->obs, "mac", 0);
		char macs[24] = "";
		struct cs_xml_host xh = {.ip = r->ip,
					 .hostname = target_name_of(run, h->ip),
					 .ports = h->ports,
					 .nports = h->nports,
					 .id = id,
					 .start = run->start_wall,
					 .end = time(NULL)};
		if (mac != NULL)
			xh.mac =
			    cs_span_copy(macs, sizeof(macs),
					 (struct cs_span){mac->val, mac->len});
		cs_xml_host(run->ox, &xh);
	}
	if (run->verbose > 0) {
		if (run->progress_shown)
			fputs("\r\033[K", stderr);
		verbose_host(r, id);
	}
}

static void
show_store_error(void *arg, const char *msg)
{
	(void)arg;
	fprintf(stderr, "camsweep: store: %s\n", msg);
}

/*
 * Progress: on a TTY a line redrawn every tick with the share done and
 * the time left at the rate so far; with --stats-every a plain line at
 * that interval, TTY or not (nmap's --stats-every).
 */
static void
progress_line(struct scan_run *run, uint64_t done, bool final)
{
	int64_t now = now_ms(), el = now - run->start_ms;
	bool stats = run->stats_ms > 0 &&
		     (final || now - run->last_stats_ms >= run->stats_ms);
	double pct =
	    run->total ? 100.0 * (double)done / (double)run->total : 100.0;
	char eta[32] = "--:--:--";

	if (!run->progress && !stats)
		return;
	if (done > 0 && done < run->total && el > 0) {
		long long left =
		    (long long)((double)el / (double)done *
				(double)(run->total - done) / 1000.0);
		snprintf(eta, sizeof(eta), "%lld:%02lld:%02lld", left / 3600,
			 left / 60 % 60, left % 60);
	} else if (done >= run->total) {
		snprintf(eta, sizeof(eta), "0:00:00");
	}
	if (stats) {
		run->last_stats_ms = now;
		fprintf(stderr,
			"%sStats: %.1fs elapsed; %llu/%llu addresses (%.2f%%) "
			"done, %llu hosts up; ETC in %s\n",
			run->progress_shown ? "\r\033[K" : "",
			(double)el / 1000.0, (unsigned long long)done,
			(unsigned long long)run->total, pct,
			(unsigned long long)run->s.hosts_up, eta);
		run->progress_shown = false;
		if (final)
			return;
	}
	if (run->progress) {
		fprintf(stderr,
			"\r%llu/%llu addresses (%.1f%%)  %llu hosts up  "
			"%.0f addr/s  ETA %s \033[K",
			(unsigned long long)done,
			(unsigned long long)run->total, pct,
			(unsigned long long)run->s.hosts_up,
			el > 0 ? (double)done * 1000.0 / (double)el : 0.0, eta);
		run->progress_shown = true;
		if (final) {
			fputc('\n', stderr);
			run->progress_shown = false;
		}
	}
}

/* After a complete upload the spool is set aside (audit/scan.h). */
static void
spool_retire(const char *spool)
{
	char to[4200];

	if (cs_audit_spool_retire(spool, to, sizeof(to)) == 0)
		fprintf(stderr, "camsweep: uploaded; spool kept as %s\n", to);
}

static void
show_progress(void *arg, uint64_t done)
{
	progress_line(arg, done, false);
}

struct print_ctx {
	bool json;
	bool all;
	size_t shown, surveillance, unknown;
	struct cs_buf b;
};

static int
print_row(void *arg, const struct cs_device_row *r)
{
	struct print_ctx *pc = arg;

	int surv = cs_identity_surveillance(&r->id);

	if (surv > 0)
		pc->surveillance++;
	else if (surv < 0)
		pc->unknown++;
	/* Not established (maker-only evidence) is shown too: it may be. */
	if (!pc->all && surv == 0)
		return 0;
	pc->shown++;
	if (pc->json) {
		cs_buf_reset(&pc->b);
		cs_out_json_device(&pc->b, r);
		cs_buf_adds(&pc->b, "\n");
		fwrite(pc->b.p, 1, pc->b.len, stdout);
	} else {
		cs_out_table_row(stdout, r);
	}
	return 0;
}

static int
print_scan(struct cs_store *st, int64_t scan_id, bool json, bool all)
{
	struct print_ctx pc = {.json = json, .all = all};
	int rc;

	cs_buf_init(&pc.b, 1 << 20);
	if (!json)
		cs_out_table_head(stdout);
	rc = cs_store_each_device(st, scan_id, print_row, &pc);
	cs_buf_free(&pc.b);
	if (!json)
		fprintf(stdout,
			"%zu device(s) shown, %zu surveillance, %zu not "
			"established\n",
			pc.shown, pc.surveillance, pc.unknown);
	fflush(stdout);
	return rc;
}

static void
scan_usage(FILE *f)
{
	fprintf(
	    f,
	    "usage: camsweep scan [options] TARGET...\n"
	    "  TARGET is a CIDR (127.16.0.0/20), a range (127.0.0.1-127.0.0.9),"
	    "\n"
	    "  an octet range as nmap writes it (127.77.0-1.1-254, 10.1.*.1,\n"
	    "  127.0.0.1,3,5-7), an address, a host name (resolved once, at the"
	    "\n"
	    "  start), or @FILE (one per line).  Times take units: 500ms, 30s,"
	    " 2m\n"
	    "  (a bare number is milliseconds).\n"
	    "options:\n"
	    "  -iL FILE              read targets from FILE ('-': standard "
	    "input)\n"
	    "  --exclude SPEC        exclude addresses (repeatable)\n"
	    "  --exclude-file FILE   exclude the addresses listed in FILE\n"
	    "  --excludefile FILE    the same, as nmap spells it\n"
	    "  -p, --ports LIST      TCP ports and ranges to sweep "
	    "(80,554,8000-8001;\n"
	    "                        default %s)\n"
	    "  -oJ FILE              JSON Lines, one device per line as each "
	    "host completes\n"
	    "  -oX FILE              nmap XML (nmap.dtd, xmloutputversion "
	    "1.05)\n"
	    "                        ('-' for either: standard output, "
	    "without the table)\n"
	    "  -v, --verbose         a line per host as it completes "
	    "(repeatable)\n"
	    "  -d, --debug           the scope, exclusions and options too\n"
	    "  --stats-every TIME    a status line every TIME, TTY or not\n"
	    "  --rate N              new connections per second (default "
	    "1000; 0 = no cap)\n"
	    "  --max-conns N         concurrent connections (default 512)\n"
	    "  --host-conns N        concurrent connections per host (default"
	    " 2, max 4)\n"
	    "  --connect-timeout T   per connection attempt (default 1500ms)\n"
	    "  --read-timeout T      idle time while reading (default 3s)\n"
	    "  --host-timeout T      time budget per host (default 30s)\n"
	    "  --dead-after N        stop sweeping a host after N unanswered "
	    "connects with\n"
	    "                        no SYN-ACK or RST at all (default 3; 0 = "
	    "never)\n"
	    "  --db PATH|URI         inventory: an SQLite file (default %s)"
	    " or\n"
	    "                        postgresql://... (the central database)\n"
	    "  --sensor NAME         run as a site sensor: write to the spool,"
	    " upload to\n"
	    "                        --db whenever it answers\n"
	    "  --spool PATH          a sensor's local buffer (default "
	    "./camsweep-spool.db)\n"
	    "  --estate FILE         record each device at the site the estate "
	    "maps its\n"
	    "                        address to (two sites may reuse a range)\n"
	    "  --config FILE         options from a sensor configuration "
	    "file (name = value\n"
	    "                        lines; see docs/sensors.md)\n"
	    "  --data DIR            fingerprint and entity data directory\n"
	    "  --json                one JSON object per device on stdout, "
	    "at the end,\n"
	    "                        read back from the inventory (-oJ - "
	    "streams)\n"
	    "  --all                 list non-surveillance hosts too\n"
	    "  --no-resume           start afresh even if an identical scan"
	    " was interrupted\n"
	    "  --allow-large         allow more than %d addresses\n"
	    "  --max-addrs N         stop after N addresses (testing)\n"
	    "  --credentials FILE    read recorders' camera lists with these "
	    "credentials\n"
	    "                        (mode 0600; see docs/credentials.md)\n"
	    "  --interface IF        discover devices on the link of IF first"
	    " (WS-Discovery,\n"
	    "                        SADP, DHIP, SSDP, mDNS) and record MAC "
	    "addresses\n"
	    "  --discover-time T     discovery phase before the sweep (default"
	    " 3s)\n"
	    "  --user USER           started as root: become USER once the "
	    "sockets are open\n"
	    "                        (default camsweep, else nobody)\n"
	    "  -q, --quiet           no progress line, no table\n",
	    default_ports, CS_DEFAULT_DB_TEXT, DEFAULT_MAX_ADDRS);
}

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

static const struct option scan_opts[] = {
    {"exclude", required_argument, NULL, OPT_EXCLUDE},
    {"exclude-file", required_argument, NULL, OPT_EXCLUDE_FILE},
    {"excludefile", required_argument, NULL, OPT_EXCLUDE_FILE},
    {"iL", required_argument, NULL, OPT_IL},
    {"oX", required_argument, NULL, OPT_OX},
    {"oJ", required_argument, NULL, OPT_OJ},
    {"stats-every", required_argument, NULL, OPT_STATS_EVERY},
    {"verbose", no_argument, NULL, 'v'},
    {"debug", no_argument, NULL, 'd'},
    {"ports", required_argument, NULL, OPT_PORTS},
    {"rate", required_argument, NULL, OPT_RATE},
    {"max-conns", required_argument, NULL, OPT_MAX_CONNS},
    {"host-conns", required_argument, NULL, OPT_HOST_CONNS},
    {"connect-timeout", required_argument, NULL, OPT_CONNECT_TIMEOUT},
    {"read-timeout", required_argument, NULL, OPT_READ_TIMEOUT},
    {"host-timeout", required_argument, NULL, OPT_HOST_TIMEOUT},
    {"dead-after", required_argument, NULL, OPT_DEAD_AFTER},
    {"db", required_argument, NULL, OPT_DB},
    {"data", required_argument, NULL, OPT_DATA},
    {"json", no_argument, NULL, OPT_JSON},
    {"all", no_argument, NULL, OPT_ALL},
    {"no-resume", no_argument, NULL, OPT_NO_RESUME},
    {"allow-large", no_argument, NULL, OPT_ALLOW_LARGE},
    {"credentials", required_argument, NULL, OPT_CREDENTIALS},
    {"max-addrs", required_argument, NULL, OPT_MAX_ADDRS},
    {"sensor", required_argument, NULL, OPT_SENSOR},
    {"spool", required_argument, NULL, OPT_SPOOL},
    {"estate", required_argument, NULL, OPT_ESTATE},
    {"interface", required_argument, NULL, OPT_INTERFACE},
    {"discover-time", required_argument, NULL, OPT_DISCOVER_TIME},
    {"user", required_argument, NULL, OPT_USER},
    {"quiet", no_argument, NULL, 'q'},
    {"help", no_argument, NULL, 'h'},
    {NULL, 0, NULL, 0},
};

/* Parses a numeric option or reports it; returns false on error. */
static bool
num_opt(const char *name, const char *v, long long min, long long max,
	long long *out)
{
	if (cs_str_tonum(v, min, max, out) == 0)
		return true;
	fprintf(stderr, "camsweep: --%s: expected a number in [%lld, %lld]\n",
		name, min, max);
	return false;
}

static int
add_specs(const char *arg, struct cs_interval **v, size_t *n)
{
	char err[512];

	if (cs_scope_parse_spec(arg, v, n, err, sizeof(err)) != 0) {
		fprintf(stderr, "camsweep: %s\n", err);
		return -1;
	}
	return 0;
}

/* True if s could be a DNS host name (letters, digits, '-', '.'). */
static bool
hostname_like(const char *s)
{
	size_t n = strlen(s);

	if (n == 0 || n > 253 ||
	    strspn(s, "abcdefghijklmnopqrstuvwxyz"
		      "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
		      "0123456789-.") != n)
		return false;
	for (const char *p = s; *p; p++)
		if ((*p < '0' || *p > '9') && *p != '.')
			return true; /* not all digits and dots */
	return false;
}

/*
 * One target: an address, CIDR, range, octet range or @file (scope.c),
 * or a host name, resolved here, once, to its first IPv4 address (as nmap
 * does) and remembered so that outputs can show it.  An IPv6 address
 * or CIDR goes into the scope's IPv6 part (checked, not swept).
 * Returns 0, or -1 after a message.
 */
static int
add_target(const char *arg, struct cs_interval **v, size_t *n,
	   struct scan_run *run, bool quiet)
{
	char err[512];
	struct addrinfo hints = {.ai_family = AF_INET,
				 .ai_socktype = SOCK_STREAM};
	struct addrinfo *res = NULL;
	struct in_addr a;
	char ip[16];
	int rc;

	if (cs_scope_parse_spec(arg, v, n, err, sizeof(err)) == 0)
		return 0;
	if ((rc = cs_scope_parse_spec6(arg, &run->inc6, &run->ninc6, err,
				       sizeof(err))) != CS_ENOTFOUND) {
		if (rc != 0)
			fprintf(stderr, "camsweep: %s\n", err);
		return rc == 0 ? 0 : -1;
	}
	if (!hostname_like(arg)) {
		fprintf(stderr, "camsweep: %s\n", err);
		return -1;
	}
	if ((rc = getaddrinfo(arg, NULL, &hints, &res)) != 0 || res == NULL) {
		fprintf(stderr, "camsweep: %s: cannot resolve: %s\n", arg,
			gai_strerror(rc));
		return -1;
	}
	a = ((struct sockaddr_in *)(void *)res->ai_addr)->sin_addr;
	freeaddrinfo(res);
	run->names =
	    cs_xrealloc(run->names, run->nnames + 1, sizeof(*run->names));
	run->names[run->nnames].ip = ntohl(a.s_addr);
	cs_strlcpy(run->names[run->nnames].name, arg,
		   sizeof(run->names[0].name));
	run->nnames++;
	cs_ip_str(ntohl(a.s_addr), ip, sizeof(ip));
	if (!quiet)
		fprintf(stderr, "camsweep: %s resolved to %s\n", arg, ip);
	return add_specs(ip, v, n);
}

/*
 * -iL FILE ("-" is standard input): targets separated by blanks or
 * newlines, '#' to the end of a line a comment, as nmap reads them.
 */
static int
add_target_file(const char *path, struct cs_interval **v, size_t *n,
		struct scan_run *run, bool quiet)
{
	FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "re");
	char line[CS_SCOPE_LINE_MAX + 1];
	int lineno = 0, rc = 0;

	if (f == NULL) {
		fprintf(stderr, "camsweep: -iL %s: %s\n", path,
			strerror(errno));
		return -1;
	}
	while (rc == 0 && fgets(line, sizeof(line), f) != NULL) {
		char *save = NULL, *hash;

		lineno++;
		if (strchr(line, '\n') == NULL && !feof(f)) {
			fprintf(stderr,
				"camsweep: -iL %s:%d: line longer than %d "
				"bytes\n",
				path, lineno, CS_SCOPE_LINE_MAX);
			rc = -1;
			break;
		}
		if ((hash = strchr(line, '#')) != NULL)
			*hash = '\0';
		for (char *w = strtok_r(line, " \t\r\n", &save);
		     w != NULL && rc == 0; w = strtok_r(NULL, " \t\r\n", &save))
			if (w[0] == '@' ||
			    add_target(w, v, n, run, quiet) != 0) {
				if (w[0] == '@')
					fprintf(stderr,
						"camsweep: -iL %s:%d: @file "
						"not allowed here\n",
						path, lineno);
				rc = -1;
			}
	}
	if (f != stdin)
		fclose(f);
	return rc;
}

int
cs_cli_data_excl(const char *data, struct cs_interval **v, size_t *n)
{
	char spec[4096];

	snprintf(spec, sizeof(spec), "@%s/scope/exclude.conf",
		 cs_cli_data_dir(data));
	if (access(spec + 1, R_OK) != 0)
		return 0;
	return add_specs(spec, v, n);
}

/* Builds the scan's options text, which identifies a resumable scan. */
static char *
options_text(const struct cs_engine_opts *o)
{
	char buf[512];

	snprintf(buf, sizeof(buf),
		 "{\"rate\":%.0f,\"max_conns\":%u,\"host_conns\":%u,"
		 "\"connect_timeout_ms\":%u,\"read_timeout_ms\":%u,"
		 "\"host_timeout_ms\":%u,\"dead_after\":%u}",
		 o->rate, o->max_conns, o->host_conns, o->connect_timeout_ms,
		 o->read_timeout_ms, o->host_timeout_ms, o->dead_after);
	return cs_xstrdup(buf);
}

/*
 * A sensor's configuration file (scan --config FILE), so that a systemd
 * timer can run `camsweep scan --config /etc/camsweep/site.conf`.  Lines
 * "name = value" give the long option --name with that value, a bare
 * "name" a flag (e.g. "quiet"), "targets = A B ..." the targets; '#'
 * starts a comment.  Options on the command line come after the file's,
 * so they win.  No secrets belong here (the database password is in the
 * libpq password file); a file others may write is refused.  Returns a
 * new argument vector (free with config_free) or NULL after a message.
 */
#define CONFIG_MAX_ARGS 256

static char **
config_argv(const char *path, int argc, char **argv, int *nargc)
{
	char line[4096], **v;
	struct stat sb;
	FILE *fp;
	int n = 0, lineno = 0;

	if ((fp = fopen(path, "re")) == NULL) {
		fprintf(stderr, "camsweep: %s: %s\n", path, strerror(errno));
		return NULL;
	}
	if (fstat(fileno(fp), &sb) != 0 || !S_ISREG(sb.st_mode) ||
	    (sb.st_mode & 022) != 0) {
		fprintf(stderr,
			"camsweep: %s: not a regular file writable only by "
			"its owner\n",
			path);
		fclose(fp);
		return NULL;
	}
	v = cs_xcalloc(CONFIG_MAX_ARGS + (size_t)argc + 1, sizeof(*v));
	v[n++] = cs_xstrdup(argv[0]);
	while (fgets(line, sizeof(line), fp) != NULL) {
		char *k, *val, *eq, *hash, *save = NULL;

		lineno++;
		if ((hash = strchr(line, '#')) != NULL)
			*hash = '\0';
		k = line + strspn(line, " \t\r\n");
		if (*k == '\0')
			continue;
		eq = strchr(k, '=');
		val = eq != NULL ? eq + 1 : NULL;
		if (eq != NULL)
			*eq = '\0';
		k[strcspn(k, " \t\r\n")] = '\0';
		if (val != NULL) {
			size_t l;
			val += strspn(val, " \t");
			l = strlen(val);
			while (l > 0 && strchr(" \t\r\n", val[l - 1]) != NULL)
				val[--l] = '\0';
		}
		if (strcmp(k, "config") == 0 || n + 2 >= CONFIG_MAX_ARGS) {
			fprintf(stderr, "camsweep: %s:%d: not allowed here\n",
				path, lineno);
			goto bad;
		}
		if (strcmp(k, "targets") == 0) {
			if (val == NULL)
				continue;
			for (char *w = strtok_r(val, " \t,", &save);
			     w != NULL && n + 1 < CONFIG_MAX_ARGS;
			     w = strtok_r(NULL, " \t,", &save))
				v[n++] = cs_xstrdup(w);
			continue;
		}
		{
			char opt[80];
			snprintf(opt, sizeof(opt), "--%.70s", k);
			v[n++] = cs_xstrdup(opt);
		}
		if (val != NULL && *val != '\0')
			v[n++] = cs_xstrdup(val);
	}
	fclose(fp);
	/* then the command line, without --config FILE */
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--config") == 0 && i + 1 < argc) {
			i++;
			continue;
		}
		if (strncmp(argv[i], "--config=", 9) == 0)
			continue;
		v[n++] = cs_xstrdup(argv[i]);
	}
	v[n] = NULL;
	*nargc = n;
	return v;
bad:
	fclose(fp);
	for (int i = 0; i < n; i++)
		free(v[i]);
	free(v);
	return NULL;
}

static void
config_free(char **v)
{
	for (size_t i = 0; v != NULL && v[i] != NULL; i++)
		free(v[i]);
	free(v);
}

static int cmd_scan_args(int argc, char **argv);

static int
cmd_scan(int argc, char **argv)
{
	const char *cfg = NULL;
	char **v;
	int n, rc;

	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--config") == 0 && i + 1 < argc)
			cfg = argv[i + 1];
		else if (strncmp(argv[i], "--config=", 9) == 0)
			cfg = argv[i] + 9;
		else if (strcmp(argv[i], "--") == 0)
			break;
	}
	if (cfg == NULL)
		return cmd_scan_args(argc, argv);
	if ((v = config_argv(cfg, argc, argv, &n)) == NULL)
		return EXIT_USAGE;
	rc = cmd_scan_args(n, v);
	config_free(v);
	return rc;
}

static int
cmd_scan_args(int argc, char **argv)
{
	struct cs_engine_opts eo;
	struct cs_engine_stats es;
	struct cs_interval *inc = NULL, *exc = NULL;
	size_t ninc = 0, nexc = 0, nports = 0;
	uint16_t ports[CS_SCOPE_MAX_PORTS];
	const char *ox_path = NULL, **il = NULL;
	bool to_stdout = false; /* -oJ - or -oX - */
	size_t nil = 0;
	int debug = 0;
	char **args = NULL; /* argv with nmap's -iL, -oX, -oJ as long options */
	const char *db_path = DEFAULT_DB, *data = NULL, *sensor = NULL,
		   *spool = DEFAULT_SPOOL, *estate_path = NULL;
	char ports_text[4096] = "", host[256] = "", err[512], *opts_text = NULL;
	bool json = false, all = false, quiet = false, resume = true,
	     large = false, buffered = false;
	struct cs_scope scope;
	struct scan_run run = {0};
	struct cs_scan_info info;
	uint64_t watermark = 0;
	bool resumed = false;
	const char *ifname = NULL; /* --interface: discovery */
	unsigned disc_ms = 3000;   /* --discover-time */
	struct cs_cli_disc *disc = NULL;
	struct cs_cli_oui *probe_oui = NULL; /* MAC registry of the probes */
	const char *creds_path = NULL;       /* --credentials */
	struct cs_creds creds;
	int c, prc, rc = EXIT_USAGE;
	long long v;

	cs_engine_opts_default(&eo);
	cs_scope_init(&scope);
	cs_creds_init(&creds);
	nports = (size_t)cs_ports_parse(
	    cs_span_make((const uint8_t *)default_ports, strlen(default_ports)),
	    0, ports, CS_NELEM(ports));
	/* nmap's two-letter single-dash options become long options. */
	args = cs_xcalloc((size_t)argc + 1, sizeof(*args));
	for (int i = 0, opts_end = 0; i < argc; i++) {
		static const char *const two[][2] = {
		    {"-iL", "--iL"}, {"-oX", "--oX"}, {"-oJ", "--oJ"}};
		args[i] = argv[i];
		if (opts_end || (opts_end = strcmp(argv[i], "--") == 0))
			continue; /* targets after "--" stay as they are */
		for (size_t k = 0; k < CS_NELEM(two); k++)
			if (strcmp(argv[i], two[k][0]) == 0)
				args[i] = (char *)(uintptr_t)two[k][1];
	}
	char **orig_argv = argv; /* as typed, for -oX's args */
	argv = args;
	optind = 1;
	/* The unsigned numeric options: option, name, bounds, destination. */
	const struct {
		int opt;
		const char *name;
		long long min, max;
		unsigned *dst;
		bool time; /* a duration: 500ms, 30s, 2m, 1h; bare = ms */
	} nums[] = {
	    {OPT_MAX_CONNS, "max-conns", 1, 65536, &eo.max_conns, false},
	    {OPT_HOST_CONNS, "host-conns", 1, 4, &eo.host_conns, false},
	    {OPT_CONNECT_TIMEOUT, "connect-timeout", 10, 60000,
	     &eo.connect_timeout_ms, true},
	    {OPT_READ_TIMEOUT, "read-timeout", 10, 60000, &eo.read_timeout_ms,
	     true},
	    {OPT_HOST_TIMEOUT, "host-timeout", 100, 3600000,
	     &eo.host_timeout_ms, true},
	    {OPT_DEAD_AFTER, "dead-after", 0, 1000, &eo.dead_after, false},
	    {OPT_DISCOVER_TIME, "discover-time", 100, 600000, &disc_ms, true},
	};
	while ((c = getopt_long(argc, argv, "qhvdp:", scan_opts, NULL)) != -1) {
		size_t k = 0;

		while (k < CS_NELEM(nums) && nums[k].opt != c)
			k++;
		if (k < CS_NELEM(nums)) {
			if (nums[k].time) {
				if (cs_cli_parse_ms(optarg, nums[k].min,
						    nums[k].max, &v) != 0) {
					fprintf(stderr,
						"camsweep: --%s: expected a "
						"time in [%lldms, %llds] "
						"(500ms, 30s, 2m; a bare "
						"number is ms)\n",
						nums[k].name, nums[k].min,
						nums[k].max / 1000);
					goto out;
				}
			} else if (!num_opt(nums[k].name, optarg, nums[k].min,
					    nums[k].max, &v)) {
				goto out;
			}
			*nums[k].dst = (unsigned)v;
			continue;
		}
		switch (c) {
		case OPT_EXCLUDE:
			if (add_specs(optarg, &exc, &nexc) != 0)
				goto out;
			break;
		case OPT_EXCLUDE_FILE: {
			char spec[4096];

			snprintf(spec, sizeof(spec), "@%s", optarg);
			if (add_specs(spec, &exc, &nexc) != 0)
				goto out;
			break;
		}
		case 'p':
		case OPT_PORTS:
			if ((prc = cs_ports_parse(
				 cs_span_make((const uint8_t *)optarg,
					      strlen(optarg)),
				 CS_PORTS_REPEAT_OK | CS_PORTS_TCP_PREFIX,
				 ports, CS_NELEM(ports))) <= 0) {
				fprintf(stderr,
					"camsweep: -p/--ports: expected ports "
					"1-65535 and ranges, comma-separated "
					"(80,554,8000-8001), at most %d\n",
					CS_SCOPE_MAX_PORTS);
				goto out;
			}
			nports = (size_t)prc;
			break;
		case OPT_IL:
			il = cs_xrealloc(il, nil + 1, sizeof(*il));
			il[nil++] = optarg;
			break;
		case OPT_OX:
			ox_path = optarg;
			break;
		case OPT_OJ:
			run.oj_path = optarg;
			break;
		case OPT_STATS_EVERY:
			if (cs_cli_parse_ms(optarg, 100, 86400000, &v) != 0) {
				fputs("camsweep: --stats-every: expected a "
				      "time (500ms, 30s, 2m)\n",
				      stderr);
				goto out;
			}
			run.stats_ms = v;
			break;
		case 'v':
			run.verbose++;
			break;
		case 'd':
			debug++;
			run.verbose++;
			break;
		case OPT_RATE:
			if (!num_opt("rate", optarg, 0, 10000000, &v))
				goto out;
			eo.rate = (double)v;
			break;
		case OPT_DB:
			db_path = optarg;
			break;
		case OPT_DATA:
			data = optarg;
			break;
		case OPT_JSON:
			json = true;
			break;
		case OPT_ALL:
			all = true;
			break;
		case OPT_NO_RESUME:
			resume = false;
			break;
		case OPT_ALLOW_LARGE:
			large = true;
			break;
		case OPT_CREDENTIALS:
			creds_path = optarg;
			break;
		case OPT_SENSOR:
			sensor = optarg;
			break;
		case OPT_SPOOL:
			spool = optarg;
			break;
		case OPT_ESTATE:
			estate_path = optarg;
			break;
		case OPT_MAX_ADDRS:
			if (!num_opt("max-addrs", optarg, 1, 1LL << 32, &v))
				goto out;
			eo.max_addrs = (uint64_t)v;
			break;
		case OPT_INTERFACE:
			ifname = optarg;
			break;
		case OPT_USER:
			run.s.user = optarg;
			break;
		case 'q':
			quiet = true;
			break;
		case 'h':
			scan_usage(stdout);
			rc = EXIT_OK;
			goto out;
		default:
			scan_usage(stderr);
			goto out;
		}
	}
	if (optind >= argc && nil == 0) {
		fputs("camsweep scan: no targets given\n", stderr);
		scan_usage(stderr);
		goto out;
	}
	for (int i = optind; i < argc; i++)
		if (add_target(argv[i], &inc, &ninc, &run, quiet) != 0)
			goto out;
	for (size_t i = 0; i < nil; i++)
		if (add_target_file(il[i], &inc, &ninc, &run, quiet) != 0)
			goto out;
	/* The data file's exclusions add to the compiled-in ones. */
	if (cs_cli_data_excl(data, &exc, &nexc) != 0)
		goto out;
	if (cs_scope_build(&scope, inc, ninc, exc, nexc) != 0) {
		fputs(ninc == 0 && run.ninc6 > 0
			  ? "camsweep scan: IPv6 targets only: they are in "
			    "the scope check, but the sweep and the probes "
			    "take IPv4 addresses only (not scanned)\n"
			  : "camsweep scan: nothing left in scope after "
			    "exclusions\n",
		      stderr);
		goto out;
	}
	if (run.ninc6 > 0) {
		cs_scope_add6(&scope, run.inc6, run.ninc6);
		fprintf(stderr,
			"camsweep scan: %zu IPv6 target(s) in the scope check "
			"but not scanned: the sweep and the probes take IPv4 "
			"addresses only\n",
			run.ninc6);
	}
	to_stdout = (run.oj_path != NULL && strcmp(run.oj_path, "-") == 0) ||
		    (ox_path != NULL && strcmp(ox_path, "-") == 0);
	if (run.oj_path != NULL && ox_path != NULL &&
	    strcmp(run.oj_path, "-") == 0 && strcmp(ox_path, "-") == 0) {
		fputs("camsweep scan: -oJ - and -oX - cannot share standard "
		      "output\n",
		      stderr);
		goto out;
	}
	/* A host name is resolved once; an address it resolves to that the
	 * exclusions remove is refused, never scanned. */
	for (size_t i = 0; i < run.nnames; i++)
		if (!cs_scope_contains(&scope, run.names[i].ip)) {
			char ip[16];
			fprintf(stderr,
				"camsweep: %s (%s) is outside the scope "
				"(excluded); refused\n",
				run.names[i].name,
				cs_ip_str(run.names[i].ip, ip, sizeof(ip)));
		}
	/* Learned URLs may name only the ports the scan was told to probe. */
	cs_scope_set_ports(&scope, ports, nports);
	if (scope.total > DEFAULT_MAX_ADDRS && !large) {
		fprintf(stderr,
			"camsweep scan: %llu addresses in scope; more than %d "
			"needs --allow-large\n",
			(unsigned long long)scope.total, DEFAULT_MAX_ADDRS);
		goto out;
	}
	/* Credentials for recorders' channel lists (docs/credentials.md). */
	if (creds_path) {
		if (cs_creds_load(&creds, creds_path, err, sizeof(err)) != 0) {
			fprintf(stderr, "camsweep: --credentials: %s\n", err);
			goto out;
		}
		eo.creds = &creds;
	}
	/* Discovery on one interface, before and during the sweep. */
	if (ifname && (disc = cs_cli_disc_new(ifname, disc_ms, &scope, data,
					      err, sizeof(err))) == NULL) {
		fprintf(stderr, "camsweep: --interface: %s\n", err);
		goto out;
	}
	eo.disc = disc ? cs_cli_disc_state(disc) : NULL;
	run.s.privileged = ifname != NULL;
	/* MAC addresses in replies resolve as in `camsweep identify`. */
	probe_oui = cs_cli_oui_new(data);
	cs_probe_set_mac_lookup(cs_cli_oui_lookup, probe_oui);
	if (run.s.privileged) /* read it before root is dropped */
		cs_cli_oui_preload(probe_oui);
	raise_nofile();

	rc = EXIT_RUNTIME;
	{
		char fpdir[4096], entdir[4096];

		snprintf(fpdir, sizeof(fpdir), "%s/fingerprints",
			 cs_cli_data_dir(data));
		snprintf(entdir, sizeof(entdir), "%s/entities",
			 cs_cli_data_dir(data));
		run.s.fp = cs_fpdb_load(fpdir, entdir, err, sizeof(err));
		/* Optional: names the makers of recorders' cameras by model. */
		snprintf(entdir, sizeof(entdir), "%s/entities/models.tsv",
			 cs_cli_data_dir(data));
		run.s.models = cs_models_load(entdir, err, sizeof(err));
	}
	if (run.s.fp == NULL) {
		fprintf(stderr, "camsweep: fingerprints: %s\n", err);
		goto out;
	}
	if (estate_path != NULL && sensor != NULL) {
		fputs("camsweep scan: a sensor's devices belong to its own "
		      "site; --estate is for scans from the centre\n",
		      stderr);
		rc = EXIT_USAGE;
		goto out;
	}
	if (estate_path != NULL &&
	    (run.s.estate = cs_estate_load(estate_path, err, sizeof(err))) ==
		NULL) {
		size_t n = strlen(err);
		if (n > 0 && err[n - 1] == '\n')
			err[n - 1] = '\0';
		fprintf(stderr, "camsweep: estate: %s\n", err);
		rc = EXIT_USAGE;
		goto out;
	}
	if (sensor != NULL) {
		/* Sensor mode: everything goes to the local spool first. */
		if (!cs_store_path_is_uri(db_path)) {
			fputs("camsweep scan: --sensor needs --db "
			      "postgresql://...\n",
			      stderr);
			rc = EXIT_USAGE;
			goto out;
		}
		run.central_uri = db_path;
		run.spool_path = spool;
		db_path = spool;
	}
	cs_cli_prepare_db(db_path);
	private_file(db_path);
	run.s.store = cs_store_open(db_path, err, sizeof(err));
	if (run.s.store == NULL) {
		fprintf(stderr, "camsweep: %s: %s\n", CS_STORE_SHOW(db_path),
			err);
		goto out;
	}
	if (run.central_uri != NULL &&
	    (run.s.up = cs_uploader_start(spool, run.central_uri, err,
					  sizeof(err))) == NULL) {
		fprintf(stderr, "camsweep: %s: %s\n", spool, err);
		goto out;
	}
	if (nports <= 64) /* as before ranges: the list as given */
		for (size_t i = 0, k = 0; i < nports; i++)
			k += (size_t)snprintf(ports_text + k,
					      sizeof(ports_text) - k, "%s%u",
					      i ? "," : "", ports[i]);
	else
		cs_cli_ports_text(ports, nports, ports_text,
				  sizeof(ports_text));
	gethostname(host, sizeof(host) - 1);
	opts_text = options_text(&eo);
	memset(&info, 0, sizeof(info));
	info.scope = scope.text;
	info.exclusions = scope.excl_text;
	info.ports = ports_text;
	info.options = opts_text;
	info.vantage = sensor ? sensor : host;
	info.site = sensor; /* a sensor scans its own site (schema v4) */
	info.version = CS_VERSION;
	info.started = (int64_t)time(NULL);
	info.total_targets = scope.total;
	if (cs_audit_scan_open(&run.s, &info, resume, &watermark, &resumed) !=
	    0) {
		fprintf(stderr, "camsweep: %s: %s\n", CS_STORE_SHOW(db_path),
			cs_store_errmsg(run.s.store));
		goto out;
	}
	if (resumed)
		fprintf(stderr,
			"camsweep: resuming scan %lld at %llu of %llu "
			"addresses\n",
			(long long)run.s.scan_id, (unsigned long long)watermark,
			(unsigned long long)scope.total);
	eo.scope = &scope;
	eo.ports = ports;
	eo.nports = nports;
	eo.start_index = watermark;
	/* Progress is drawn here (progress_line), with share and ETA. */
	eo.progress = false;
	run.progress = !quiet && isatty(STDERR_FILENO);
	run.total = scope.total > watermark ? scope.total - watermark : 0;
	run.start_ms = now_ms();
	run.last_stats_ms = run.start_ms;
	run.start_wall = time(NULL);
	if (debug > 0)
		fprintf(stderr,
			"camsweep: scope %s; excluded %s; %llu addresses; "
			"ports %s; options %s\n",
			scope.text, scope.excl_text,
			(unsigned long long)scope.total, ports_text, opts_text);
	/* -oJ and -oX: written as each host completes. */
	if (run.oj_path != NULL && strcmp(run.oj_path, "-") == 0)
		run.oj = stdout;
	else if (run.oj_path != NULL &&
		 (run.oj = fopen(run.oj_path, "we")) == NULL) {
		fprintf(stderr, "camsweep: -oJ %s: %s\n", run.oj_path,
			strerror(errno));
		cs_store_scan_end(run.s.store, run.s.scan_id, "incomplete",
				  (int64_t)time(NULL));
		goto out;
	}
	if (ox_path != NULL &&
	    (run.ox = cs_xml_open(ox_path, CS_VERSION, argc - 1, orig_argv + 1,
				  ports, nports, run.verbose - debug, debug,
				  run.start_wall, err, sizeof(err))) == NULL) {
		fprintf(stderr, "camsweep: -oX %s\n", err);
		cs_store_scan_end(run.s.store, run.s.scan_id, "incomplete",
				  (int64_t)time(NULL));
		goto out;
	}
	/* Descriptors: the sweep gets what is left after a reserve, so that
	 * the inventory and the loop never run short. */
	{
		unsigned lim = nofile_limit(), used = fds_in_use();
		unsigned reserve = FD_RESERVE + (disc ? FD_RESERVE_DISC : 0);

		if (used + reserve >= lim) {
			fprintf(stderr,
				"camsweep: too few file descriptors: limit %u, "
				"%u in use, %u kept in reserve (raise ulimit "
				"-n)\n",
				lim, used, reserve);
			cs_store_scan_end(run.s.store, run.s.scan_id,
					  "incomplete", (int64_t)time(NULL));
			goto out;
		}
		if (eo.max_conns > lim - used - reserve)
			eo.max_conns = lim - used - reserve;
	}

	run.s.hooks.arg = &run;
	run.s.hooks.host = show_host;
	run.s.hooks.progress = show_progress;
	run.s.hooks.store_error = show_store_error;
	if (cs_audit_scan_run(&run.s, &eo, &es) != 0) {
		fputs("camsweep: cannot start the event loop\n", stderr);
		cs_store_scan_end(run.s.store, run.s.scan_id, "incomplete",
				  (int64_t)time(NULL));
		goto out;
	}
	/* Complete only when every target was tried and every result
	 * stored; anything less is recorded as such, with the counts. */
	const char *status = cs_audit_scan_status(&run.s, &es);
	bool complete = strcmp(status, "complete") == 0;

	progress_line(&run, es.addrs_done, true);
	if (run.ox != NULL) {
		int xrc = cs_xml_close(run.ox, run.s.hosts_up, es.addrs_done,
				       es.elapsed_s, complete, status);
		run.ox = NULL;
		if (xrc != 0) {
			fprintf(stderr, "camsweep: -oX %s: write failed\n",
				ox_path);
			run.out_failed = true;
		}
	}
	if (run.oj != NULL) {
		if (ferror(run.oj) || run.out_failed ||
		    (run.oj == stdout ? fflush(stdout) : fclose(run.oj)) != 0) {
			fprintf(stderr, "camsweep: -oJ %s: write failed\n",
				run.oj_path);
			run.out_failed = true;
		}
		run.oj = NULL;
	}

	cs_audit_scan_end(&run.s, status);
	if (strcmp(status, "incomplete") == 0)
		fprintf(
		    stderr,
		    "camsweep: scan %lld incomplete: %llu of %llu "
		    "addresses tried, %llu could not be tried (%llu "
		    "resource errors), %d store errors; run it again to "
		    "finish it\n",
		    (long long)run.s.scan_id, (unsigned long long)es.watermark,
		    (unsigned long long)es.targets,
		    (unsigned long long)es.targets_failed,
		    (unsigned long long)es.resource_errors, run.s.store_err);
	if (run.s.up != NULL) {
		/* The last upload, after the scan's end was committed. */
		int urc = cs_uploader_finish(run.s.up, NULL, err, sizeof(err));
		run.s.up = NULL;
		if (urc == 0 && !es.interrupted) {
			print_scan(run.s.store, run.s.scan_id, json, all);
			cs_store_close(run.s.store);
			run.s.store = NULL;
			spool_retire(spool);
			rc = complete ? EXIT_OK : EXIT_RUNTIME;
			goto out;
		}
		if (urc != 0)
			buffered = true;
	}
	if (!quiet)
		fprintf(stderr,
			"camsweep: scan %lld %s: %llu addresses in %.1f s "
			"(%.0f/s), %llu hosts up, %llu connections, %llu "
			"silent hosts given up\n",
			(long long)run.s.scan_id, status,
			(unsigned long long)es.addrs_done, es.elapsed_s,
			es.elapsed_s > 0 ? (double)es.addrs_done / es.elapsed_s
					 : 0.0,
			(unsigned long long)es.hosts_up,
			(unsigned long long)es.connects,
			(unsigned long long)es.hosts_skipped);
	if (disc && !quiet)
		cs_cli_disc_summary(disc, stderr);
	/* -oJ - or -oX - own standard output: no table after them. */
	if ((!quiet || json) && !to_stdout)
		print_scan(run.s.store, run.s.scan_id, json, all);
	rc = es.interrupted                ? EXIT_INTERRUPTED
	     : !complete || run.out_failed ? EXIT_RUNTIME
	     : buffered                    ? EXIT_BUFFERED
					   : EXIT_OK;
	if (buffered)
		fprintf(stderr,
			"camsweep: results buffered in %s, not delivered; "
			"the next run or 'camsweep upload' sends them "
			"(exit %d)\n",
			spool, EXIT_BUFFERED);
out:
	if (run.s.up != NULL)
		cs_uploader_finish(run.s.up, NULL, NULL, 0);
	if (run.oj != NULL && run.oj != stdout)
		fclose(run.oj);
	cs_xml_close(run.ox, run.s.hosts_up, 0, 0, false, "not run");
	free(run.names);
	free(run.inc6);
	free(il);
	free(args);
	cs_creds_free(&creds); /* wipes the passwords */
	cs_cli_disc_free(disc);
	cs_probe_set_mac_lookup(NULL, NULL);
	cs_cli_oui_free(probe_oui);
	free(opts_text);
	free(inc);
	free(exc);
	cs_scope_free(&scope);
	cs_store_close(run.s.store);
	cs_fpdb_free(run.s.fp);
	cs_models_free(run.s.models);
	cs_estate_free(run.s.estate);
	return rc;
}

/* ---- show ---- */

static int
cmd_show(int argc, char **argv)
{
	static const struct option opts[] = {
	    {"db", required_argument, NULL, OPT_DB},
	    {"scan", required_argument, NULL, 's'},
	    {"json", no_argument, NULL, OPT_JSON},
	    {"all", no_argument, NULL, OPT_ALL},
	    {"help", no_argument, NULL, 'h'},
	    {NULL, 0, NULL, 0},
	};
	const char *db_path = DEFAULT_DB;
	bool json = false, all = false;
	int64_t scan_id = -1;
	struct cs_store *st;
	char err[512];
	long long v;
	int c, rc;

	optind = 1;
	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (c) {
		case OPT_DB:
			db_path = optarg;
			break;
		case 's':
			if (!num_opt("scan", optarg, 1, INT64_MAX, &v))
				return EXIT_USAGE;
			scan_id = v;
			break;
		case OPT_JSON:
			json = true;
			break;
		case OPT_ALL:
			all = true;
			break;
		case 'h':
			puts("usage: camsweep show [--db PATH] [--scan ID] "
			     "[--json] [--all]\n"
			     "Prints the devices of a scan (default: the "
			     "latest) from the inventory, without scanning.");
			return EXIT_OK;
		default:
			return EXIT_USAGE;
		}
	}
	if (!cs_store_path_is_uri(db_path) && access(db_path, R_OK) != 0) {
		fprintf(stderr, "camsweep: %s: %s\n", CS_STORE_SHOW(db_path),
			strerror(errno));
		return EXIT_RUNTIME;
	}
	if ((st = cs_store_open(db_path, err, sizeof(err))) == NULL) {
		fprintf(stderr, "camsweep: %s: %s\n", CS_STORE_SHOW(db_path),
			err);
		return EXIT_RUNTIME;
	}
	if (scan_id < 0 && cs_store_latest_scan(st, &scan_id) != 0) {
		fprintf(stderr, "camsweep: %s: no scans recorded\n",
			CS_STORE_SHOW(db_path));
		cs_store_close(st);
		return EXIT_RUNTIME;
	}
	rc = print_scan(st, scan_id, json, all);
	cs_store_close(st);
	return rc == 0 ? EXIT_OK : EXIT_RUNTIME;
}

/* ---- upload ---- */

static int
cmd_upload(int argc, char **argv)
{
	static const struct option opts[] = {
	    {"db", required_argument, NULL, OPT_DB},
	    {"spool", required_argument, NULL, OPT_SPOOL},
	    {"config", required_argument, NULL, 'c'},
	    {"help", no_argument, NULL, 'h'},
	    {NULL, 0, NULL, 0},
	};
	const char *uri = NULL, *spool = DEFAULT_SPOOL;
	struct cs_store *sp = NULL, *central = NULL;
	struct cs_upload_stats us;
	char err[512], **cv = NULL;
	int c, nc, rc = EXIT_RUNTIME;

	/* --config FILE: the sensor's own file, as scan reads it; upload
	 * takes its db and spool and leaves the scan's settings */
	for (int i = 1; i < argc; i++) {
		const char *cfg = NULL;
		if (strcmp(argv[i], "--config") == 0 && i + 1 < argc)
			cfg = argv[i + 1];
		else if (strncmp(argv[i], "--config=", 9) == 0)
			cfg = argv[i] + 9;
		if (cfg == NULL)
			continue;
		config_free(cv);
		if ((cv = config_argv(cfg, 1, argv, &nc)) == NULL)
			return EXIT_USAGE;
		for (int k = 1; k + 1 < nc; k++)
			if (strcmp(cv[k], "--db") == 0)
				uri = cv[++k];
			else if (strcmp(cv[k], "--spool") == 0)
				spool = cv[++k];
	}
	optind = 1;
	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (c) {
		case 'c':
			break; /* read above; the command line wins */
		case OPT_DB:
			uri = optarg;
			break;
		case OPT_SPOOL:
			spool = optarg;
			break;
		case 'h':
			puts("usage: camsweep upload --db postgresql://... "
			     "[--spool PATH] [--config FILE]\n"
			     "Copies a sensor's spool to the central database "
			     "and, when complete,\nrenames the spool aside.  "
			     "--config reads db and spool from the sensor's\n"
			     "configuration file (as scan --config); options "
			     "given here win.");
			config_free(cv);
			return EXIT_OK;
		default:
			config_free(cv);
			return EXIT_USAGE;
		}
	}
	if (uri == NULL || !cs_store_path_is_uri(uri)) {
		fputs("camsweep upload: --db postgresql://... is required\n",
		      stderr);
		config_free(cv);
		return EXIT_USAGE;
	}
	if (access(spool, R_OK) != 0) {
		fprintf(stderr, "camsweep: %s: %s\n", spool, strerror(errno));
		config_free(cv);
		return EXIT_RUNTIME;
	}
	if ((sp = cs_store_open(spool, err, sizeof(err))) == NULL ||
	    (central = cs_store_open(uri, err, sizeof(err))) == NULL) {
		fprintf(stderr, "camsweep upload: %s\n", err);
		goto out;
	}
	if (cs_store_upload(sp, central, &us, err, sizeof(err)) != 0) {
		fprintf(stderr, "camsweep upload: %s (run it again later)\n",
			err);
		goto out;
	}
	printf("uploaded %llu scan(s), %llu host(s), %llu observation(s)\n",
	       (unsigned long long)us.scans, (unsigned long long)us.hosts,
	       (unsigned long long)us.obs);
	cs_store_close(sp);
	sp = NULL;
	spool_retire(spool);
	rc = EXIT_OK;
out:
	cs_store_close(sp);
	cs_store_close(central);
	config_free(cv);
	return rc;
}

static void
usage(FILE *f)
{
	fputs(
	    "usage: camsweep COMMAND [options]\n"
	    "commands:\n"
	    "  scan TARGET...   sweep addresses, identify devices, record "
	    "them\n"
	    "  scans            list the scans in the inventory\n"
	    "  show             print a recorded scan from the inventory\n"
	    "  import nmap FILE another tool's results as a scan (nmap XML)\n"
	    "  identify         identify devices from observations (JSON "
	    "Lines on stdin)\n"
	    "  lookup TEXT      who makes a product, typed as a buyer would\n"
	    "  estate           check or import the estate description\n"
	    "  assess           findings of the applicable rules\n"
	    "  plan             the remediation plan: list and update\n"
	    "  diff             what changed between two scans\n"
	    "  reach            which devices answer from this vantage point\n"
	    "  report           HTML, CSV or JSON report from the inventory\n"
	    "  evidence         signed evidence packs: keygen, pack, verify\n"
	    "  export FORMAT    findings as syslog (RFC 5424) or CEF; devices "
	    "as CMDB\n"
	    "                   configuration items (cmdb-csv, cmdb-json)\n"
	    "  notify --url URL POST new and changed findings as JSON\n"
	    "  listen           identify devices from captured traffic\n"
	    "  upload           send a sensor's spool to the central database\n"
	    "  oui              the MAC registry: import IEEE files, list "
	    "sources\n"
	    "  db               set up the central database and its sensors\n"
	    "  check            validate the data files and estates\n"
	    "  version          print the version\n"
	    "Run 'camsweep COMMAND --help' for a command's options.\n",
	    f);
}

int
cs_cli_main(int argc, char **argv)
{
	if (argc < 2) {
		usage(stderr);
		return EXIT_USAGE;
	}
	if (strcmp(argv[1], "scan") == 0)
		return cmd_scan(argc - 1, argv + 1);
	if (strcmp(argv[1], "show") == 0)
		return cmd_show(argc - 1, argv + 1);
	if (strcmp(argv[1], "scans") == 0)
		return cs_cli_scans(argc - 1, argv + 1);
	if (strcmp(argv[1], "import") == 0)
		return cs_cli_import(argc - 1, argv + 1);
	if (strcmp(argv[1], "export") == 0)
		return cs_cli_export(argc - 1, argv + 1);
	if (strcmp(argv[1], "notify") == 0)
		return cs_cli_notify(argc - 1, argv + 1);
	if (strcmp(argv[1], "identify") == 0)
		return cs_cli_identify(argc - 1, argv + 1);
	if (strcmp(argv[1], "lookup") == 0)
		return cs_cli_lookup(argc - 1, argv + 1);
	if (strcmp(argv[1], "estate") == 0)
		return cs_cli_estate(argc - 1, argv + 1);
	if (strcmp(argv[1], "assess") == 0)
		return cs_cli_assess(argc - 1, argv + 1);
	if (strcmp(argv[1], "plan") == 0)
		return cs_cli_plan(argc - 1, argv + 1);
	if (strcmp(argv[1], "diff") == 0)
		return cs_cli_diff(argc - 1, argv + 1);
	if (strcmp(argv[1], "reach") == 0)
		return cs_cli_reach(argc - 1, argv + 1);
	if (strcmp(argv[1], "report") == 0)
		return cs_cli_report(argc - 1, argv + 1);
	if (strcmp(argv[1], "evidence") == 0)
		return cs_cli_evidence(argc - 1, argv + 1);
	if (strcmp(argv[1], "upload") == 0)
		return cmd_upload(argc - 1, argv + 1);
	if (strcmp(argv[1], "listen") == 0)
		return cs_cli_listen(argc - 1, argv + 1);
	if (strcmp(argv[1], "oui") == 0)
		return cs_cli_oui(argc - 1, argv + 1);
	if (strcmp(argv[1], "db") == 0)
		return cs_cli_db(argc - 1, argv + 1);
	if (strcmp(argv[1], "check") == 0)
		return cs_cli_check(argc - 1, argv + 1);
	if (strcmp(argv[1], "version") == 0 ||
	    strcmp(argv[1], "--version") == 0 || strcmp(argv[1], "-V") == 0) {
		puts("camsweep " CS_VERSION);
		printf("data directory: %s\n", cs_cli_data_dir(NULL));
		cs_cli_oui_print_sources(stdout, NULL);
		return EXIT_OK;
	}
	/* help TOPIC: that command's own help. */
	if (strcmp(argv[1], "help") == 0 && argc >= 3 &&
	    strcmp(argv[2], "help") != 0) {
		char *v[4] = {argv[0], argv[2], (char *)(uintptr_t) "--help",
			      NULL};
		return cs_cli_main(3, v);
	}
	if (strcmp(argv[1], "help") == 0 || strcmp(argv[1], "--help") == 0 ||
	    strcmp(argv[1], "-h") == 0) {
		usage(stdout);
		return EXIT_OK;
	}
	fprintf(stderr, "camsweep: unknown command '%s'\n", argv[1]);
	usage(stderr);
	return EXIT_USAGE;
}
