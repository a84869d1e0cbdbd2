/* SPDX-License-Identifier: ISC */
/*
 * camsweep scan, before the sweep: credentials, discovery, the data
 * files, the estate, a sensor's spool and uploader, the inventory, the
 * scan record (new or resumed), -oJ and -oX, and the descriptors.
 */
#include "cli/cli.h"
#include "cli/scan_cmd.h"

#include <errno.h>
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

int
cs_scan_prepare(struct scan_cmd *sc)
{
	/* Credentials for recorders' channel lists (docs/credentials.md). */
	if (sc->opt.creds_path) {
		if (cs_creds_load(&sc->creds, sc->opt.creds_path, sc->err,
				  sizeof(sc->err)) != 0) {
			fprintf(stderr, "camsweep: --credentials: %s\n",
				sc->err);
			return -1;
		}
		sc->opt.eo.creds = &sc->creds;
	}
	/* Discovery on one interface, before and during the sweep. */
	if (sc->opt.ifname &&
	    (sc->disc = cs_cli_disc_new(sc->opt.ifname, sc->opt.disc_ms,
					&sc->scope, sc->opt.data, sc->err,
					sizeof(sc->err))) == NULL) {
		fprintf(stderr, "camsweep: --interface: %s\n", sc->err);
		return -1;
	}
	sc->opt.eo.disc = sc->disc ? cs_cli_disc_state(sc->disc) : NULL;
	sc->s.privileged = sc->opt.ifname != NULL;
	/* MAC addresses in replies resolve as in `camsweep identify`. */
	sc->probe_oui = cs_cli_oui_new(sc->opt.data);
	cs_probe_set_mac_lookup(cs_cli_oui_lookup, sc->probe_oui);
	if (sc->s.privileged) /* read it before root is dropped */
		cs_cli_oui_preload(sc->probe_oui);
	raise_nofile();

	sc->rc = EXIT_RUNTIME;
	{
		char fpdir[4096], entdir[4096];

		snprintf(fpdir, sizeof(fpdir), "%s/fingerprints",
			 cs_cli_data_dir(sc->opt.data));
		snprintf(entdir, sizeof(entdir), "%s/entities",
			 cs_cli_data_dir(sc->opt.data));
		sc->s.fp =
		    cs_fpdb_load(fpdir, entdir, sc->err, sizeof(sc->err));
		/* Optional: names the makers of recorders' cameras by model. */
		snprintf(entdir, sizeof(entdir), "%s/entities/models.tsv",
			 cs_cli_data_dir(sc->opt.data));
		sc->s.models = cs_models_load(entdir, sc->err, sizeof(sc->err));
	}
	if (sc->s.fp == NULL) {
		fprintf(stderr, "camsweep: fingerprints: %s\n", sc->err);
		return -1;
	}
	if (sc->opt.estate_path != NULL && sc->opt.sensor != NULL) {
		fputs("camsweep scan: a sensor's devices belong to its own "
		      "site; --estate is for scans from the centre\n",
		      stderr);
		sc->rc = EXIT_USAGE;
		return -1;
	}
	if (sc->opt.estate_path != NULL &&
	    (sc->s.estate = cs_estate_load(sc->opt.estate_path, sc->err,
					   sizeof(sc->err))) == NULL) {
		size_t n = strlen(sc->err);
		if (n > 0 && sc->err[n - 1] == '\n')
			sc->err[n - 1] = '\0';
		fprintf(stderr, "camsweep: estate: %s\n", sc->err);
		sc->rc = EXIT_USAGE;
		return -1;
	}
	if (sc->opt.sensor != NULL) {
		/* Sensor mode: everything goes to the local spool first. */
		if (!cs_store_path_is_uri(sc->opt.db_path)) {
			fputs("camsweep scan: --sensor needs --db "
			      "postgresql://...\n",
			      stderr);
			sc->rc = EXIT_USAGE;
			return -1;
		}
		sc->central_uri = sc->opt.db_path;
		sc->spool_path = sc->opt.spool;
		sc->opt.db_path = sc->opt.spool;
	}
	cs_cli_prepare_db(sc->opt.db_path);
	private_file(sc->opt.db_path);
	sc->s.store = cs_store_open(sc->opt.db_path, sc->err, sizeof(sc->err));
	if (sc->s.store == NULL) {
		fprintf(stderr, "camsweep: %s: %s\n",
			CS_STORE_SHOW(sc->opt.db_path), sc->err);
		return -1;
	}
	if (sc->central_uri != NULL &&
	    (sc->s.up = cs_uploader_start(sc->opt.spool, sc->central_uri,
					  sc->err, sizeof(sc->err))) == NULL) {
		fprintf(stderr, "camsweep: %s: %s\n", sc->opt.spool, sc->err);
		return -1;
	}
	if (sc->opt.nports <= 64) /* as before ranges: the list as given */
		for (size_t i = 0, k = 0; i < sc->opt.nports; i++)
			k += (size_t)snprintf(
			    sc->ports_text + k, sizeof(sc->ports_text) - k,
			    "%s%u", i ? "," : "", sc->opt.ports[i]);
	else
		cs_cli_ports_text(sc->opt.ports, sc->opt.nports, sc->ports_text,
				  sizeof(sc->ports_text));
	gethostname(sc->host, sizeof(sc->host) - 1);
	sc->opts_text = cs_scan_options_text(&sc->opt.eo);
	memset(&sc->info, 0, sizeof(sc->info));
	sc->info.scope = sc->scope.text;
	sc->info.exclusions = sc->scope.excl_text;
	sc->info.ports = sc->ports_text;
	sc->info.options = sc->opts_text;
	sc->info.vantage = sc->opt.sensor ? sc->opt.sensor : sc->host;
	sc->info.site =
	    sc->opt.sensor; /* a sensor scans its own site (schema v4) */
	sc->info.version = CS_VERSION;
	sc->info.started = (int64_t)time(NULL);
	sc->info.total_targets = sc->scope.total;
	if (cs_audit_scan_open(&sc->s, &sc->info, sc->opt.resume,
			       &sc->watermark, &sc->resumed) != 0) {
		fprintf(stderr, "camsweep: %s: %s\n",
			CS_STORE_SHOW(sc->opt.db_path),
			cs_store_errmsg(sc->s.store));
		return -1;
	}
	if (sc->resumed)
		fprintf(stderr,
			"camsweep: resuming scan %lld at %llu of %llu "
			"addresses\n",
			(long long)sc->s.scan_id,
			(unsigned long long)sc->watermark,
			(unsigned long long)sc->scope.total);
	sc->opt.eo.scope = &sc->scope;
	sc->opt.eo.ports = sc->opt.ports;
	sc->opt.eo.nports = sc->opt.nports;
	sc->opt.eo.start_index = sc->watermark;
	/* Progress is drawn here (progress_line), with share and ETA. */
	sc->opt.eo.progress = false;
	sc->out.progress = !sc->out.quiet && isatty(STDERR_FILENO);
	sc->out.total = sc->scope.total > sc->watermark
			    ? sc->scope.total - sc->watermark
			    : 0;
	sc->out.start_ms = cs_scan_now_ms();
	sc->out.last_stats_ms = sc->out.start_ms;
	sc->out.start_wall = time(NULL);
	if (sc->debug > 0)
		fprintf(stderr,
			"camsweep: scope %s; excluded %s; %llu addresses; "
			"ports %s; options %s\n",
			sc->scope.text, sc->scope.excl_text,
			(unsigned long long)sc->scope.total, sc->ports_text,
			sc->opts_text);
	/* -oJ and -oX: written as each host completes. */
	if (sc->out.oj_path != NULL && strcmp(sc->out.oj_path, "-") == 0)
		sc->out.oj = stdout;
	else if (sc->out.oj_path != NULL &&
		 (sc->out.oj = fopen(sc->out.oj_path, "we")) == NULL) {
		fprintf(stderr, "camsweep: -oJ %s: %s\n", sc->out.oj_path,
			strerror(errno));
		cs_store_scan_end(sc->s.store, sc->s.scan_id, "incomplete",
				  (int64_t)time(NULL));
		return -1;
	}
	if (sc->out.ox_path != NULL &&
	    (sc->out.ox = cs_xml_open(
		 sc->out.ox_path, CS_VERSION, sc->argc - 1, sc->orig_argv + 1,
		 sc->opt.ports, sc->opt.nports, sc->out.verbose - sc->debug,
		 sc->debug, sc->out.start_wall, sc->err, sizeof(sc->err))) ==
		NULL) {
		fprintf(stderr, "camsweep: -oX %s\n", sc->err);
		cs_store_scan_end(sc->s.store, sc->s.scan_id, "incomplete",
				  (int64_t)time(NULL));
		return -1;
	}
	/* Descriptors: the sweep gets what is left after a reserve, so that
	 * the inventory and the loop never run short. */
	{
		unsigned lim = nofile_limit(), used = fds_in_use();
		unsigned reserve =
		    FD_RESERVE + (sc->disc ? FD_RESERVE_DISC : 0);

		if (used + reserve >= lim) {
			fprintf(stderr,
				"camsweep: too few file descriptors: limit %u, "
				"%u in use, %u kept in reserve (raise ulimit "
				"-n)\n",
				lim, used, reserve);
			cs_store_scan_end(sc->s.store, sc->s.scan_id,
					  "incomplete", (int64_t)time(NULL));
			return -1;
		}
		if (sc->opt.eo.max_conns > lim - used - reserve)
			sc->opt.eo.max_conns = lim - used - reserve;
	}

	return 0;
}
