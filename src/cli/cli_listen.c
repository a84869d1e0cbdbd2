/* SPDX-License-Identifier: ISC */
/*
 * The listen subcommand: passive identification and phone-home detection
 * from a capture file (--read, pcap or pcapng) or a live interface
 * (--interface).  Opens the capture, the rules, the OUI registry and the
 * inventory, hands each flushed device to src/audit/listen.h (which
 * identifies it, records it and applies the phone-home regime) and
 * prints it; see docs/listen.md.
 */
#include "cli/cli.h"
#include "cli/output.h"

#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "audit/listen.h"
#include "core/exitcode.h"
#include "core/buf.h"
#include "core/str.h"
#include "fp/fp.h"
#include "passive/capture.h"
#include "passive/passive.h"
#include "store/store.h"
#include "core/poison.h"

static volatile sig_atomic_t stop_flag;

static void
on_signal(int sig)
{
	(void)sig;
	stop_flag = 1;
}

/* What the CLI adds to the session: its output. */
struct listen_out {
	bool json;
	struct cs_buf out;
};

static void
store_error(void *arg, const char *msg)
{
	(void)arg;
	fprintf(stderr, "camsweep listen: store: %s\n", msg);
}

/* One device as a JSON object on its own line (--json). */
static void
json_device(void *arg, const struct cs_passive_dev *d, const char *ip,
	    const char *mac, const struct cs_identity *id, size_t nobs)
{
	struct listen_out *lo = arg;

	if (lo->json)
		cs_out_listen_device(&lo->out, stdout, d, ip, mac, id, nobs);
}

static void
usage(FILE *f)
{
	fputs(
	    "usage: camsweep listen (--read FILE | --interface IF) [options]\n"
	    "  --read FILE          a capture file (pcap or pcapng, may be "
	    "gzip-compressed;\n"
	    "                       Ethernet, Linux cooked v1/v2, raw IP)\n"
	    "  --interface IF       listen live on IF (needs capture "
	    "rights)\n"
	    "  --filter BPF         capture filter for --interface\n"
	    "  --db PATH            inventory database "
	    "(default " CS_DEFAULT_DB_TEXT ")\n"
	    "  --no-db              do not write the inventory\n"
	    "  --data DIR           fingerprint and entity data directory\n"
	    "  --phonehome PATH     endpoint list, file or directory "
	    "(default DATA/phonehome)\n"
	    "  --json               one JSON object per device on stdout\n"
	    "  --max-flows N        phone-home flows tracked (default "
	    "65536)\n"
	    "  --max-devices N      devices held at once (default 4096)\n"
	    "  --idle-timeout S     age out after S idle seconds of packet "
	    "time (default 900)\n"
	    "  --stats              print counters to stderr\n"
	    "  --user USER          started as root: become USER once the "
	    "capture is open\n"
	    "                       (default camsweep, else nobody)\n",
	    f);
}

static bool
num_arg(const char *name, const char *v, long long min, long long max,
	long long *out)
{
	if (cs_str_tonum(v, min, max, out) != 0) {
		fprintf(stderr, "camsweep listen: --%s: bad value '%s'\n", name,
			v);
		return false;
	}
	return true;
}

int
cs_cli_listen(int argc, char **argv)
{
	static const struct option longopts[] = {
	    {"read", required_argument, NULL, 'r'},
	    {"interface", required_argument, NULL, 'i'},
	    {"filter", required_argument, NULL, 'f'},
	    {"db", required_argument, NULL, 'd'},
	    {"no-db", no_argument, NULL, 'N'},
	    {"data", required_argument, NULL, 'D'},
	    {"phonehome", required_argument, NULL, 'P'},
	    {"json", no_argument, NULL, 'j'},
	    {"max-flows", required_argument, NULL, 'F'},
	    {"max-devices", required_argument, NULL, 'M'},
	    {"idle-timeout", required_argument, NULL, 'I'},
	    {"stats", no_argument, NULL, 's'},
	    {"user", required_argument, NULL, 'u'},
	    {"help", no_argument, NULL, 'h'},
	    {NULL, 0, NULL, 0},
	};
	struct cs_capture_opts co;
	struct cs_capture_stats cst;
	struct cs_passive_opts po;
	struct cs_passive_stats ps;
	struct cs_passive *p = NULL;
	struct cs_audit_listen run;
	struct listen_out lo;
	struct cs_fpdb *fp = NULL;
	struct cs_audit_oui oui;
	struct cs_ph ph;
	const char *db_path = cs_cli_default_db(), *data = NULL,
		   *ph_path = NULL;
	char phdir[4096], err[512];
	bool nodb = false, stats = false;
	const char *user = NULL;
	struct cs_audit_listen_priv priv;
	long long v;
	int c, rc = EXIT_RUNTIME, crc;

	memset(&co, 0, sizeof(co));
	memset(&po, 0, sizeof(po));
	memset(&run, 0, sizeof(run));
	memset(&lo, 0, sizeof(lo));
	run.on_store_error = store_error;
	run.on_device = json_device;
	run.arg = &lo;
	memset(&oui, 0, sizeof(oui));
	memset(&ph, 0, sizeof(ph));
	optind = 1;
	while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		switch (c) {
		case 'r':
			co.file = optarg;
			break;
		case 'i':
			co.iface = optarg;
			break;
		case 'f':
			co.filter = optarg;
			break;
		case 'd':
			db_path = optarg;
			break;
		case 'N':
			nodb = true;
			break;
		case 'D':
			data = optarg;
			break;
		case 'P':
			ph_path = optarg;
			break;
		case 'j':
			lo.json = true;
			break;
		case 's':
			stats = true;
			break;
		case 'u':
			user = optarg;
			break;
		case 'F':
			if (!num_arg("max-flows", optarg, 4, 1 << 24, &v))
				return EXIT_USAGE;
			po.max_flows = (size_t)v;
			break;
		case 'M':
			if (!num_arg("max-devices", optarg, 4, 1 << 20, &v))
				return EXIT_USAGE;
			po.max_devices = (size_t)v;
			break;
		case 'I':
			if (!num_arg("idle-timeout", optarg, 1, 86400 * 30, &v))
				return EXIT_USAGE;
			po.idle_timeout = (uint32_t)v;
			break;
		case 'h':
			usage(stdout);
			return EXIT_OK;
		default:
			usage(stderr);
			return EXIT_USAGE;
		}
	}
	if (optind != argc || (co.file == NULL) == (co.iface == NULL)) {
		fputs("camsweep listen: give exactly one of --read and "
		      "--interface\n",
		      stderr);
		usage(stderr);
		return EXIT_USAGE;
	}
	snprintf(phdir, sizeof(phdir), "%s/phonehome", cs_cli_data_dir(data));
	snprintf(oui.map_path, sizeof(oui.map_path),
		 "%s/entities/oui-registrants.tsv", cs_cli_data_dir(data));
	if (cs_ph_load(&ph, ph_path ? ph_path : phdir, err, sizeof(err)) != 0) {
		fprintf(stderr, "camsweep listen: phone-home list: %s\n", err);
		goto out;
	}
	fp = cs_cli_load_fpdb(data, err, sizeof(err));
	if (fp == NULL) {
		fprintf(stderr, "camsweep listen: fingerprints: %s\n", err);
		goto out;
	}
	(void)cs_fpdb_prefilter_auto(fp); /* src/fp/fp_pre.c */
	if ((run.fpctx = cs_fpctx_new(fp)) == NULL) {
		fprintf(stderr, "camsweep listen: out of memory\n");
		goto out;
	}
	if (!nodb) {
		char host[256] = "";

		cs_cli_prepare_db(db_path);
		run.store = cs_store_open(db_path, err, sizeof(err));
		if (run.store == NULL) {
			fprintf(stderr, "camsweep listen: %s: %s\n",
				CS_STORE_SHOW(db_path), err);
			goto out;
		}
		gethostname(host, sizeof(host) - 1);
		if (cs_audit_listen_begin(&run, co.file ? "file" : "interface",
					  co.file ? co.file : co.iface, &po,
					  host, (int64_t)time(NULL)) != 0) {
			fprintf(stderr, "camsweep listen: %s: %s\n",
				CS_STORE_SHOW(db_path),
				cs_store_errmsg(run.store));
			goto out;
		}
	}
	cs_buf_init(&lo.out, 1u << 20);
	setvbuf(stdout, NULL, _IOFBF, 1 << 16);
	p = cs_passive_new(&po, &ph, cs_audit_listen_device, &run);
	cs_passive_set_mac_lookup(p, cs_audit_mac_lookup, &oui);
	co.stop = &stop_flag;
	memset(&priv, 0, sizeof(priv));
	co.ready = cs_audit_listen_ready;
	priv.drop = co.iface != NULL;
	if (priv.drop) /* the registry is read before root is dropped */
		cs_audit_oui_preload(&oui);
	priv.user = user;
	co.ready_arg = &priv;
	signal(SIGINT, on_signal);
	signal(SIGTERM, on_signal);
	crc = cs_capture_run(p, &co, &cst, err, sizeof(err));
	cs_passive_finish(p);
	cs_passive_get_stats(p, &ps);
	if (priv.err[0])
		fprintf(stderr, "camsweep listen: privileges: %s\n", priv.err);
	if (crc != 0)
		fprintf(stderr, "camsweep listen: %s\n", err);
	cs_audit_listen_end(&run, stop_flag != 0, (int64_t)time(NULL));
	if (stats || crc != 0)
		cs_out_listen_stats(stderr, &ps, &cst, run.findings,
				    run.mac_only);
	fflush(stdout);
	if (crc != 0)
		rc = EXIT_RUNTIME;
	else if (stop_flag && co.file != NULL)
		rc = EXIT_INTERRUPTED;
	else
		rc = run.store_errors ? EXIT_RUNTIME : EXIT_OK;
out:
	cs_passive_free(p);
	cs_buf_free(&lo.out);
	cs_store_close(run.store);
	cs_fpctx_free(run.fpctx);
	cs_fpdb_free(fp);
	cs_audit_oui_free(&oui);
	cs_ph_free(&ph);
	return rc;
}
