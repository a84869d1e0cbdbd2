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
#include "engine/privsep.h"

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
#include "core/escape.h"
#include "core/str.h"
#include "fp/fp.h"
#include "oui/oui.h"
#include "passive/capture.h"
#include "passive/passive.h"
#include "store/store.h"
#include "core/poison.h"

enum {
	OPT_READ = 256,
	OPT_IFACE,
	OPT_DB,
	OPT_NODB,
	OPT_DATA,
	OPT_PH,
	OPT_JSON,
	OPT_MAXF,
	OPT_MAXD,
	OPT_IDLE,
	OPT_FILTER,
	OPT_STATS,
	OPT_USER,
};

static volatile sig_atomic_t stop_flag;

static void
on_signal(int sig)
{
	(void)sig;
	stop_flag = 1;
}

struct oui_state {
	char map_path[4096];
	struct cs_oui *db;
	bool tried;
};

/* Reads the registry once; before a privilege drop, or at the first MAC. */
static void
oui_preload(struct oui_state *s)
{
	char err[512];

	if (s->tried)
		return;
	s->tried = true;
	s->db = cs_oui_load(NULL, s->map_path, err, sizeof(err));
}

static int
mac_lookup(void *arg, const uint8_t mac[6], unsigned bits, char *maker,
	   size_t makersz, char *registrant, size_t regsz)
{
	struct oui_state *s = arg;
	struct cs_oui_hit hit;

	oui_preload(s);
	if (s->db == NULL || cs_oui_lookup_prefix(s->db, mac, bits, &hit) != 0)
		return CS_ENOTFOUND;
	cs_strlcpy(maker, hit.maker, makersz);
	cs_strlcpy(registrant, hit.registrant, regsz);
	return 0;
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

static void
json_str(struct cs_buf *b, const char *name, const char *v)
{
	cs_buf_printf(b, ",\"%s\":", name);
	cs_esc_json(b, v, strlen(v));
}

/* One device as a JSON object on its own line (--json). */
static void
json_device(void *arg, const struct cs_passive_dev *d, const char *ip,
	    const char *mac, const struct cs_identity *id, size_t nobs)
{
	struct listen_out *lo = arg;
	struct cs_buf *b = &lo->out;

	if (!lo->json)
		return;
	cs_buf_reset(b);
	cs_buf_printf(b, "{\"ip\":\"%s\"", ip);
	json_str(b, "mac", mac);
	json_str(b, "mac_via", d->has_mac ? d->mac_via : "");
	cs_buf_printf(b, ",\"gateway\":%s", d->gateway ? "true" : "false");
	cs_buf_printf(b,
		      ",\"passive\":true,\"first_seen\":%lld,\"last_seen\":%lld"
		      ",\"packets\":%llu,\"bytes\":%llu",
		      (long long)d->first, (long long)d->last,
		      (unsigned long long)d->packets,
		      (unsigned long long)d->bytes);
	json_str(b, "manufacturer", id->manufacturer);
	json_str(b, "manufacturer_country", id->manufacturer_country);
	json_str(b, "brand", id->brand);
	json_str(b, "model", id->model);
	json_str(b, "firmware", id->firmware);
	json_str(b, "device_class", cs_class_name(id->device_class));
	cs_buf_printf(b,
		      ",\"surveillance\":%s,\"confidence\":%.2f,"
		      "\"observations\":%zu,\"phone_home\":[",
		      cs_identity_surveillance(id) > 0    ? "true"
		      : cs_identity_surveillance(id) == 0 ? "false"
							  : "null",
		      id->confidence, nobs);
	for (size_t i = 0; i < d->nph; i++) {
		const struct cs_passive_ph *e = &d->ph[i];
		char peer[48];

		cs_buf_adds(b, i ? ",{" : "{");
		cs_buf_adds(b, "\"maker\":");
		cs_esc_json(b, e->rule->maker, strlen(e->rule->maker));
		json_str(b, "country", e->rule->country);
		json_str(b, "service", e->rule->service);
		json_str(b, "via", e->via);
		json_str(b, "match", e->match);
		json_str(b, "peer", cs_passive_peerstr(e, peer, sizeof(peer)));
		cs_buf_printf(b,
			      ",\"first_seen\":%lld,\"last_seen\":%lld,"
			      "\"packets\":%llu,\"bytes\":%llu",
			      (long long)e->first, (long long)e->last,
			      (unsigned long long)e->packets,
			      (unsigned long long)e->bytes);
		json_str(b, "severity",
			 cs_severity_name(cs_audit_ph_severity(e)));
		json_str(b, "confidence", cs_ph_conf_name(e->rule->conf));
		json_str(b, "source", e->rule->source);
		cs_buf_adds(b, "}");
	}
	cs_buf_printf(b, "],\"phone_home_dropped\":%zu}\n", d->ph_dropped);
	fwrite(b->p, 1, b->len, stdout);
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

/* What listen_ready does: drop (live capture only) to user (NULL: the
 * default), then enter the sandbox. */
struct listen_priv {
	bool drop;
	const char *user;
};

/*
 * The capture is open: a live capture drops root (it needed it only to
 * open the interface), and every run enters the sandbox, before the
 * first frame is parsed.
 */
static int
listen_ready(void *arg)
{
	const struct listen_priv *lp = arg;
	char err[256];

	if ((lp->drop && cs_priv_drop(lp->user, err, sizeof(err)) != 0) ||
	    cs_priv_sandbox(err, sizeof(err)) != 0) {
		fprintf(stderr, "camsweep listen: privileges: %s\n", err);
		return -1;
	}
	return 0;
}

int
cs_cli_listen(int argc, char **argv)
{
	static const struct option longopts[] = {
	    {"read", required_argument, NULL, OPT_READ},
	    {"interface", required_argument, NULL, OPT_IFACE},
	    {"filter", required_argument, NULL, OPT_FILTER},
	    {"db", required_argument, NULL, OPT_DB},
	    {"no-db", no_argument, NULL, OPT_NODB},
	    {"data", required_argument, NULL, OPT_DATA},
	    {"phonehome", required_argument, NULL, OPT_PH},
	    {"json", no_argument, NULL, OPT_JSON},
	    {"max-flows", required_argument, NULL, OPT_MAXF},
	    {"max-devices", required_argument, NULL, OPT_MAXD},
	    {"idle-timeout", required_argument, NULL, OPT_IDLE},
	    {"stats", no_argument, NULL, OPT_STATS},
	    {"user", required_argument, NULL, OPT_USER},
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
	struct oui_state oui;
	struct cs_ph ph;
	const char *db_path = cs_cli_default_db(), *data = NULL,
		   *ph_path = NULL;
	char phdir[4096], err[512];
	bool nodb = false, stats = false;
	const char *user = NULL;
	struct listen_priv priv;
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
		case OPT_READ:
			co.file = optarg;
			break;
		case OPT_IFACE:
			co.iface = optarg;
			break;
		case OPT_FILTER:
			co.filter = optarg;
			break;
		case OPT_DB:
			db_path = optarg;
			break;
		case OPT_NODB:
			nodb = true;
			break;
		case OPT_DATA:
			data = optarg;
			break;
		case OPT_PH:
			ph_path = optarg;
			break;
		case OPT_JSON:
			lo.json = true;
			break;
		case OPT_STATS:
			stats = true;
			break;
		case OPT_USER:
			user = optarg;
			break;
		case OPT_MAXF:
			if (!num_arg("max-flows", optarg, 4, 1 << 24, &v))
				return EXIT_USAGE;
			po.max_flows = (size_t)v;
			break;
		case OPT_MAXD:
			if (!num_arg("max-devices", optarg, 4, 1 << 20, &v))
				return EXIT_USAGE;
			po.max_devices = (size_t)v;
			break;
		case OPT_IDLE:
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
	cs_passive_set_mac_lookup(p, mac_lookup, &oui);
	co.stop = &stop_flag;
	co.ready = listen_ready;
	priv.drop = co.iface != NULL;
	if (priv.drop) /* the registry is read before root is dropped */
		oui_preload(&oui);
	priv.user = user;
	co.ready_arg = &priv;
	signal(SIGINT, on_signal);
	signal(SIGTERM, on_signal);
	crc = cs_capture_run(p, &co, &cst, err, sizeof(err));
	cs_passive_finish(p);
	cs_passive_get_stats(p, &ps);
	if (crc != 0)
		fprintf(stderr, "camsweep listen: %s\n", err);
	cs_audit_listen_end(&run, stop_flag != 0, (int64_t)time(NULL));
	if (stats || crc != 0)
		fprintf(stderr,
			"listen: %llu frames, %llu bytes, %llu undecoded, "
			"%llu messages decoded, %llu devices (%llu aged, "
			"%llu evicted, peak %zu), %llu phone-home packets, "
			"%llu flows (%llu aged, %llu evicted, peak %zu), "
			"%llu observations dropped, %llu findings, "
			"%llu TCP streams reassembled (%llu given up), "
			"%llu devices known only by MAC, %llu kernel drops\n",
			(unsigned long long)ps.packets,
			(unsigned long long)ps.bytes,
			(unsigned long long)ps.decode_errors,
			(unsigned long long)ps.observations,
			(unsigned long long)ps.devices,
			(unsigned long long)ps.devices_aged,
			(unsigned long long)ps.devices_evicted, ps.devices_peak,
			(unsigned long long)ps.phonehome,
			(unsigned long long)ps.flows,
			(unsigned long long)ps.flows_aged,
			(unsigned long long)ps.flows_evicted, ps.flows_peak,
			(unsigned long long)ps.obs_dropped,
			(unsigned long long)run.findings,
			(unsigned long long)ps.tcp_streams,
			(unsigned long long)ps.tcp_uncut,
			(unsigned long long)run.mac_only,
			(unsigned long long)cst.os_dropped);
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
	cs_oui_free(oui.db);
	cs_ph_free(&ph);
	return rc;
}
