/* SPDX-License-Identifier: ISC */
/*
 * The listen subcommand: passive identification and phone-home detection
 * from a capture file (--read, pcap or pcapng) or a live interface
 * (--interface).  Wires src/passive to the fingerprint database, the OUI
 * registry and the inventory; see docs/listen.md.
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

struct listen_run {
	struct cs_fpdb *fp;
	struct cs_fpctx *fpctx; /* identification's memory, reused */
	struct cs_store *store; /* NULL: --no-db */
	int64_t scan_id;
	bool json;
	struct cs_buf out;
	uint64_t flushed, findings, mac_only;
	int store_err;
};

static void
store_error(struct listen_run *run)
{
	if (run->store_err++ == 0)
		fprintf(stderr, "camsweep listen: store: %s\n",
			cs_store_errmsg(run->store));
}

/* Earlier observations of the same address in this run (a device that
 * was aged out and came back), so a rewrite keeps them. */
struct merge {
	struct cs_obs_list *obs;
};

static int
merge_obs(void *arg, const struct cs_obs *o)
{
	struct merge *m = arg;

	if (strcmp(o->key, "seen.passive") == 0)
		return 0;
	for (size_t i = 0; i < m->obs->n; i++) {
		const struct cs_obs *e = &m->obs->v[i];

		if (e->port == o->port && e->len == o->len &&
		    strcmp(e->key, o->key) == 0 &&
		    memcmp(e->val, o->val, o->len) == 0)
			return 0;
	}
	(void)cs_obs_add(m->obs, o->key, o->port, o->flags, o->val, o->len);
	return 0;
}

static enum cs_severity
ph_severity(const struct cs_passive_ph *e)
{
	enum cs_severity v =
	    strcmp(e->rule->country, "CN") == 0 ? CS_SEV_HIGH : CS_SEV_MEDIUM;

	if (e->rule->conf == CS_PH_LOW)
		v = (enum cs_severity)(v - 1);
	return v;
}

static void
ph_text(const struct cs_passive_ph *e, char *buf, size_t sz)
{
	char peer[48];

	snprintf(buf, sz,
		 "maker=%s; country=%s; service=%s; via=%s; match=%s; "
		 "peer=%s; first=%lld; last=%lld; packets=%llu; bytes=%llu; "
		 "confidence=%s; source=%s",
		 e->rule->maker, e->rule->country[0] ? e->rule->country : "-",
		 e->rule->service, e->via, e->match,
		 cs_passive_peerstr(e, peer, sizeof(peer))[0] ? peer : "-",
		 (long long)e->first, (long long)e->last,
		 (unsigned long long)e->packets, (unsigned long long)e->bytes,
		 cs_ph_conf_name(e->rule->conf), e->rule->source);
}

static void
put_finding(struct listen_run *run, const struct cs_passive_dev *d,
	    const char *ip, const char *mac, const struct cs_identity *id)
{
	struct cs_finding_row f;
	enum cs_severity sev = CS_SEV_INFO;
	size_t off = 0;
	time_t now = time(NULL);
	struct tm tm;

	memset(&f, 0, sizeof(f));
	snprintf(f.key, sizeof(f.key), "%s|phone-home|data-egress", ip);
	cs_strlcpy(f.ip, ip, sizeof(f.ip));
	cs_strlcpy(f.mac, mac, sizeof(f.mac));
	cs_strlcpy(f.manufacturer, id->manufacturer, sizeof(f.manufacturer));
	cs_strlcpy(f.manufacturer_country, id->manufacturer_country,
		   sizeof(f.manufacturer_country));
	cs_strlcpy(f.brand, id->brand, sizeof(f.brand));
	cs_strlcpy(f.model, id->model, sizeof(f.model));
	cs_strlcpy(f.firmware, id->firmware, sizeof(f.firmware));
	cs_strlcpy(f.device_class, cs_class_name(id->device_class),
		   sizeof(f.device_class));
	f.confidence = id->confidence;
	cs_strlcpy(f.regime, "phone-home", sizeof(f.regime));
	cs_strlcpy(f.regime_version, "1", sizeof(f.regime_version));
	cs_strlcpy(f.obligation, "data-egress", sizeof(f.obligation));
	cs_strlcpy(f.action, "review", sizeof(f.action));
	snprintf(f.action_text, sizeof(f.action_text),
		 "contacts %s cloud/P2P/update services: block its egress "
		 "or disable the feature",
		 d->ph[0].rule->maker);
	off = cs_strlcpy(f.citation, "data/phonehome: ", sizeof(f.citation));
	cs_strlcpy(f.citation + off, d->ph[0].rule->source,
		   sizeof(f.citation) - off);
	off = 0;
	for (size_t i = 0; i < d->nph; i++) {
		char t[1400];
		int w;

		if (ph_severity(&d->ph[i]) > sev)
			sev = ph_severity(&d->ph[i]);
		ph_text(&d->ph[i], t, sizeof(t));
		w = snprintf(f.evidence + off, sizeof(f.evidence) - off, "%s%s",
			     i ? " | " : "", t);
		if (w < 0 || (size_t)w >= sizeof(f.evidence) - off)
			break;
		off += (size_t)w;
	}
	f.severity = sev;
	gmtime_r(&now, &tm);
	strftime(f.as_of, sizeof(f.as_of), "%Y-%m-%d", &tm);
	cs_strlcpy(f.status, "open", sizeof(f.status));
	f.first_seen = d->first;
	f.first_scan = f.last_scan = run->scan_id;
	f.assessed_at = (int64_t)now;
	if (cs_store_finding_put(run->store, &f, NULL, NULL) != 0)
		store_error(run);
	else
		run->findings++;
}

static void
json_str(struct cs_buf *b, const char *name, const char *v)
{
	cs_buf_printf(b, ",\"%s\":", name);
	cs_esc_json(b, v, strlen(v));
}

static void
json_device(struct listen_run *run, const struct cs_passive_dev *d,
	    const char *ip, const char *mac, const struct cs_identity *id,
	    size_t nobs)
{
	struct cs_buf *b = &run->out;

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
		json_str(b, "severity", cs_severity_name(ph_severity(e)));
		json_str(b, "confidence", cs_ph_conf_name(e->rule->conf));
		json_str(b, "source", e->rule->source);
		cs_buf_adds(b, "}");
	}
	cs_buf_printf(b, "],\"phone_home_dropped\":%zu}\n", d->ph_dropped);
	fwrite(b->p, 1, b->len, stdout);
}

/* Collects the TCP ports the device answered from (HTTP, RTSP, TLS). */
static size_t
seen_ports(const struct cs_obs_list *obs, uint16_t *ports, size_t cap)
{
	size_t n = 0;

	for (size_t i = 0; i < obs->n; i++) {
		const struct cs_obs *o = &obs->v[i];
		size_t j;

		if (o->port == 0 || !(strncmp(o->key, "http.", 5) == 0 ||
				      strncmp(o->key, "rtsp.", 5) == 0 ||
				      strncmp(o->key, "tls.", 4) == 0))
			continue;
		for (j = 0; j < n && ports[j] < o->port; j++)
			;
		if ((j < n && ports[j] == o->port) || n == cap)
			continue;
		memmove(ports + j + 1, ports + j, (n - j) * sizeof(*ports));
		ports[j] = o->port;
		n++;
	}
	return n;
}

static void
on_flush(void *arg, const struct cs_passive_dev *d)
{
	struct listen_run *run = arg;
	struct cs_obs_list obs;
	struct cs_identity id;
	struct cs_host_result r;
	uint16_t ports[CS_STORE_MAX_PORTS];
	char ip[48], mac[18] = "", seen[96];

	memset(&r, 0, sizeof(r));
	cs_passive_addrstr(d, ip, sizeof(ip));
	if (d->has_mac)
		cs_ident_mac_format(d->mac, mac);
	cs_obs_list_init(&obs);
	for (size_t i = 0; i < d->obs.n; i++)
		(void)cs_obs_add(&obs, d->obs.v[i].key, d->obs.v[i].port,
				 d->obs.v[i].flags, d->obs.v[i].val,
				 d->obs.v[i].len);
	for (size_t i = 0; i < d->nph; i++) {
		char t[1400];

		ph_text(&d->ph[i], t, sizeof(t));
		(void)cs_obs_adds(&obs, "phonehome", 0, t);
	}
	if (run->store != NULL && ip[0]) {
		struct merge m = {&obs};

		(void)cs_store_each_observation(run->store, run->scan_id, ip,
						merge_obs, &m);
	}
	snprintf(seen, sizeof(seen), "first=%lld; last=%lld",
		 (long long)d->first, (long long)d->last);
	(void)cs_obs_adds(&obs, "seen.passive", 0, seen);
	cs_fp_identify_ctx(run->fpctx, &obs, &id);
	if (run->store != NULL && ip[0] == '\0') {
		/* Known only by its MAC: the inventory is keyed by address,
		 * so such a device is reported (JSON, counters) only. */
		run->mac_only++;
	} else if (run->store != NULL) {
		memset(&r, 0, sizeof(r));
		r.ip = ip;
		r.ports = ports;
		r.nports = seen_ports(&obs, ports, CS_NELEM(ports));
		r.obs = &obs;
		r.id = &id;
		r.seen_at = d->last;
		r.mac = mac[0] ? mac : NULL;
		if (cs_store_put_host(run->store, run->scan_id, &r) != 0)
			store_error(run);
		if (d->nph > 0)
			put_finding(run, d, ip, mac, &id);
		if (++run->flushed % 256 == 0 &&
		    cs_store_checkpoint(run->store, run->scan_id, 0,
					run->flushed) != 0)
			store_error(run);
	} else {
		run->flushed++;
	}
	if (run->json)
		json_device(run, d, ip, mac, &id, obs.n);
	cs_obs_list_free(&obs);
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
	struct listen_run run;
	struct oui_state oui;
	struct cs_ph ph;
	const char *db_path = cs_cli_default_db(), *data = NULL,
		   *ph_path = NULL;
	char fpdir[4096], entdir[4096], phdir[4096], err[512];
	bool nodb = false, stats = false;
	const char *user = NULL;
	struct listen_priv priv;
	long long v;
	int c, rc = EXIT_RUNTIME, crc;

	memset(&co, 0, sizeof(co));
	memset(&po, 0, sizeof(po));
	memset(&run, 0, sizeof(run));
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
			run.json = true;
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
	snprintf(fpdir, sizeof(fpdir), "%s/fingerprints",
		 cs_cli_data_dir(data));
	snprintf(entdir, sizeof(entdir), "%s/entities", cs_cli_data_dir(data));
	snprintf(phdir, sizeof(phdir), "%s/phonehome", cs_cli_data_dir(data));
	snprintf(oui.map_path, sizeof(oui.map_path),
		 "%s/entities/oui-registrants.tsv", cs_cli_data_dir(data));
	if (cs_ph_load(&ph, ph_path ? ph_path : phdir, err, sizeof(err)) != 0) {
		fprintf(stderr, "camsweep listen: phone-home list: %s\n", err);
		goto out;
	}
	run.fp = cs_fpdb_load(fpdir, entdir, err, sizeof(err));
	if (run.fp == NULL) {
		fprintf(stderr, "camsweep listen: fingerprints: %s\n", err);
		goto out;
	}
	(void)cs_fpdb_prefilter_auto(run.fp); /* src/fp/fp_pre.c */
	if ((run.fpctx = cs_fpctx_new(run.fp)) == NULL) {
		fprintf(stderr, "camsweep listen: out of memory\n");
		goto out;
	}
	if (!nodb) {
		struct cs_scan_info info;
		char host[256] = "", scope[4200], opts[256];

		cs_cli_prepare_db(db_path);
		run.store = cs_store_open(db_path, err, sizeof(err));
		if (run.store == NULL) {
			fprintf(stderr, "camsweep listen: %s: %s\n",
				CS_STORE_SHOW(db_path), err);
			goto out;
		}
		gethostname(host, sizeof(host) - 1);
		snprintf(scope, sizeof(scope), "listen:%s:%s",
			 co.file ? "file" : "interface",
			 co.file ? co.file : co.iface);
		snprintf(opts, sizeof(opts),
			 "{\"mode\":\"passive\",\"max_flows\":%zu,"
			 "\"max_devices\":%zu,\"idle_timeout\":%u}",
			 po.max_flows, po.max_devices, po.idle_timeout);
		memset(&info, 0, sizeof(info));
		info.scope = scope;
		info.exclusions = "";
		info.ports = "";
		info.options = opts;
		info.vantage = host;
		info.version = "0.1.0";
		info.started = (int64_t)time(NULL);
		if (cs_store_scan_begin(run.store, &info, &run.scan_id) != 0) {
			fprintf(stderr, "camsweep listen: %s: %s\n",
				CS_STORE_SHOW(db_path),
				cs_store_errmsg(run.store));
			goto out;
		}
	}
	cs_buf_init(&run.out, 1u << 20);
	setvbuf(stdout, NULL, _IOFBF, 1 << 16);
	p = cs_passive_new(&po, &ph, on_flush, &run);
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
	if (run.store != NULL)
		cs_store_scan_end(run.store, run.scan_id,
				  stop_flag ? "interrupted" : "complete",
				  (int64_t)time(NULL));
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
		rc = run.store_err ? EXIT_RUNTIME : EXIT_OK;
out:
	cs_passive_free(p);
	cs_buf_free(&run.out);
	cs_store_close(run.store);
	cs_fpctx_free(run.fpctx);
	cs_fpdb_free(run.fp);
	cs_oui_free(oui.db);
	cs_ph_free(&ph);
	return rc;
}
