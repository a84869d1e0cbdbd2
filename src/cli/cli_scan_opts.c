/* SPDX-License-Identifier: ISC */
/*
 * The options of camsweep scan (the usage text: cli_usage.c).
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
    {"budget", required_argument, NULL, OPT_BUDGET},
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

/*
 * The options of `camsweep scan` into sc (nmap's -iL, -oX and -oJ first
 * become long options).  Returns 0, or -1 with sc->rc the exit status
 * (after --help or a message).
 */
int
cs_scan_parse(struct scan_cmd *sc)
{
	int c, prc;
	long long v;

	cs_engine_opts_default(&sc->opt.eo);
	cs_scope_init(&sc->scope);
	cs_creds_init(&sc->creds);
	sc->opt.nports = (size_t)cs_ports_parse(
	    cs_span_make((const uint8_t *)cs_scan_default_ports,
			 strlen(cs_scan_default_ports)),
	    0, sc->opt.ports, CS_NELEM(sc->opt.ports));
	/* nmap's two-letter single-dash options become long options. */
	sc->args = cs_xcalloc((size_t)sc->argc + 1, sizeof(*sc->args));
	for (int i = 0, opts_end = 0; i < sc->argc; i++) {
		static const char *const two[][2] = {
		    {"-iL", "--iL"}, {"-oX", "--oX"}, {"-oJ", "--oJ"}};
		sc->args[i] = sc->argv[i];
		if (opts_end || (opts_end = strcmp(sc->argv[i], "--") == 0))
			continue; /* targets after "--" stay as they are */
		for (size_t k = 0; k < CS_NELEM(two); k++)
			if (strcmp(sc->argv[i], two[k][0]) == 0)
				sc->args[i] = (char *)(uintptr_t)two[k][1];
	}
	sc->orig_argv = sc->argv; /* as typed, for -oX's args */
	sc->argv = sc->args;
	optind = 1;
	/* The unsigned numeric options: option, name, bounds, destination. */
	const struct {
		int opt;
		const char *name;
		long long min, max;
		unsigned *dst;
		bool time; /* a duration: 500ms, 30s, 2m, 1h; bare = ms */
	} nums[] = {
	    {OPT_MAX_CONNS, "max-conns", 1, 65536, &sc->opt.eo.max_conns,
	     false},
	    {OPT_HOST_CONNS, "host-conns", 1, 4, &sc->opt.eo.host_conns, false},
	    {OPT_CONNECT_TIMEOUT, "connect-timeout", 10, 60000,
	     &sc->opt.eo.connect_timeout_ms, true},
	    {OPT_READ_TIMEOUT, "read-timeout", 10, 60000,
	     &sc->opt.eo.read_timeout_ms, true},
	    {OPT_HOST_TIMEOUT, "host-timeout", 100, 3600000,
	     &sc->opt.eo.host_timeout_ms, true},
	    {OPT_DEAD_AFTER, "dead-after", 0, 1000, &sc->opt.eo.dead_after,
	     false},
	    {OPT_DISCOVER_TIME, "discover-time", 100, 600000, &sc->opt.disc_ms,
	     true},
	};
	while ((c = getopt_long(sc->argc, sc->argv, "qhvdp:", scan_opts,
				NULL)) != -1) {
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
					return -1;
				}
			} else if (!cs_scan_num_opt(nums[k].name, optarg,
						    nums[k].min, nums[k].max,
						    &v)) {
				return -1;
			}
			*nums[k].dst = (unsigned)v;
			continue;
		}
		switch (c) {
		case OPT_EXCLUDE:
			if (cs_scan_add_specs(optarg, &sc->opt.exc,
					      &sc->opt.nexc) != 0)
				return -1;
			break;
		case OPT_EXCLUDE_FILE: {
			char spec[4096];

			snprintf(spec, sizeof(spec), "@%s", optarg);
			if (cs_scan_add_specs(spec, &sc->opt.exc,
					      &sc->opt.nexc) != 0)
				return -1;
			break;
		}
		case OPT_BUDGET:
			/* the packet budget (docs/budget.md): one liveness
			 * probe per silent address, or every port */
			if (strcmp(optarg, "auto") == 0) {
				sc->opt.eo.liveness = 1;
			} else if (strcmp(optarg, "off") == 0) {
				sc->opt.eo.liveness = 0;
			} else {
				fputs("camsweep: --budget: expected auto or "
				      "off\n",
				      stderr);
				return -1;
			}
			break;
		case 'p':
		case OPT_PORTS:
			if ((prc = cs_ports_parse(
				 cs_span_make((const uint8_t *)optarg,
					      strlen(optarg)),
				 CS_PORTS_REPEAT_OK | CS_PORTS_TCP_PREFIX,
				 sc->opt.ports, CS_NELEM(sc->opt.ports))) <=
			    0) {
				fprintf(stderr,
					"camsweep: -p/--ports: expected ports "
					"1-65535 and ranges, comma-separated "
					"(80,554,8000-8001), at most %d\n",
					CS_SCOPE_MAX_PORTS);
				return -1;
			}
			sc->opt.nports = (size_t)prc;
			break;
		case OPT_IL:
			sc->opt.il = cs_xrealloc(sc->opt.il, sc->opt.nil + 1,
						 sizeof(*sc->opt.il));
			sc->opt.il[sc->opt.nil++] = optarg;
			break;
		case OPT_OX:
			sc->out.ox_path = optarg;
			break;
		case OPT_OJ:
			sc->out.oj_path = optarg;
			break;
		case OPT_STATS_EVERY:
			if (cs_cli_parse_ms(optarg, 100, 86400000, &v) != 0) {
				fputs("camsweep: --stats-every: expected a "
				      "time (500ms, 30s, 2m)\n",
				      stderr);
				return -1;
			}
			sc->out.stats_ms = v;
			break;
		case 'v':
			sc->out.verbose++;
			break;
		case 'd':
			sc->debug++;
			sc->out.verbose++;
			break;
		case OPT_RATE:
			if (!cs_scan_num_opt("rate", optarg, 0, 10000000, &v))
				return -1;
			sc->opt.eo.rate = (double)v;
			break;
		case OPT_DB:
			sc->opt.db_path = optarg;
			break;
		case OPT_DATA:
			sc->opt.data = optarg;
			break;
		case OPT_JSON:
			sc->out.json = true;
			break;
		case OPT_ALL:
			sc->out.all = true;
			break;
		case OPT_NO_RESUME:
			sc->opt.resume = false;
			break;
		case OPT_ALLOW_LARGE:
			sc->opt.large = true;
			break;
		case OPT_CREDENTIALS:
			sc->opt.creds_path = optarg;
			break;
		case OPT_SENSOR:
			sc->opt.sensor = optarg;
			break;
		case OPT_SPOOL:
			sc->opt.spool = optarg;
			break;
		case OPT_ESTATE:
			sc->opt.estate_path = optarg;
			break;
		case OPT_MAX_ADDRS:
			if (!cs_scan_num_opt("max-addrs", optarg, 1, 1LL << 32,
					     &v))
				return -1;
			sc->opt.eo.max_addrs = (uint64_t)v;
			break;
		case OPT_INTERFACE:
			sc->opt.ifname = optarg;
			break;
		case OPT_USER:
			sc->s.user = optarg;
			break;
		case 'q':
			sc->out.quiet = true;
			break;
		case 'h':
			cs_cli_scan_usage(stdout);
			sc->rc = EXIT_OK;
			return -1;
		default:
			cs_cli_scan_usage(stderr);
			return -1;
		}
	}
	return 0;
}
