/* SPDX-License-Identifier: ISC */
/*
 * camsweep scan: options, scope, then one scan session (audit/scan.h)
 * shown as it goes (cli_scan_show.c).
 */
#include "cli/cli.h"
#include "cli/scan_cmd.h"

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

/* Camera-relevant TCP ports swept by default (protocols.md). */
const char cs_scan_default_ports[] =
    "80,554,8000,37777,34567,8080,443,8443,81,8081,8554,21,22,23,5000,"
    "631,9100";

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

int
cs_cli_scan_args(int argc, char **argv)
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
	    cs_span_make((const uint8_t *)cs_scan_default_ports,
			 strlen(cs_scan_default_ports)),
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
			} else if (!cs_scan_num_opt(nums[k].name, optarg,
						    nums[k].min, nums[k].max,
						    &v)) {
				goto out;
			}
			*nums[k].dst = (unsigned)v;
			continue;
		}
		switch (c) {
		case OPT_EXCLUDE:
			if (cs_scan_add_specs(optarg, &exc, &nexc) != 0)
				goto out;
			break;
		case OPT_EXCLUDE_FILE: {
			char spec[4096];

			snprintf(spec, sizeof(spec), "@%s", optarg);
			if (cs_scan_add_specs(spec, &exc, &nexc) != 0)
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
			if (!cs_scan_num_opt("rate", optarg, 0, 10000000, &v))
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
			if (!cs_scan_num_opt("max-addrs", optarg, 1, 1LL << 32,
					     &v))
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
			cs_cli_scan_usage(stdout);
			rc = EXIT_OK;
			goto out;
		default:
			cs_cli_scan_usage(stderr);
			goto out;
		}
	}
	if (optind >= argc && nil == 0) {
		fputs("camsweep scan: no targets given\n", stderr);
		cs_cli_scan_usage(stderr);
		goto out;
	}
	for (int i = optind; i < argc; i++)
		if (cs_scan_add_target(argv[i], &inc, &ninc, &run, quiet) != 0)
			goto out;
	for (size_t i = 0; i < nil; i++)
		if (cs_scan_add_target_file(il[i], &inc, &ninc, &run, quiet) !=
		    0)
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
	opts_text = cs_scan_options_text(&eo);
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
	run.start_ms = cs_scan_now_ms();
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
	run.s.hooks.host = cs_scan_show_host;
	run.s.hooks.progress = cs_scan_show_progress;
	run.s.hooks.store_error = cs_scan_show_store_error;
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

	cs_scan_progress_line(&run, es.addrs_done, true);
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
			cs_cli_print_scan(run.s.store, run.s.scan_id, json,
					  all);
			cs_store_close(run.s.store);
			run.s.store = NULL;
			cs_cli_spool_retire(spool);
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
		cs_cli_print_scan(run.s.store, run.s.scan_id, json, all);
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
