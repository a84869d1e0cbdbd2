/* SPDX-License-Identifier: ISC */
/*
 * camsweep scan: options (cli_scan_opts.c), scope (cli_scan_scope.c),
 * preparation (cli_scan_prep.c), then one scan session (audit/scan.h)
 * shown as it goes (cli_scan_show.c) and reported here.
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

/* The scan session's fatal error (audit/scan.h), to stderr. */
static void
scan_fatal(void *arg, const char *msg)
{
	(void)arg;
	fprintf(stderr, "camsweep: %s\n", msg);
}

void
cs_scan_finish(struct scan_cmd *sc)
{
	sc->s.hooks.arg = &sc->out;
	sc->s.hooks.host = cs_scan_show_host;
	sc->s.hooks.progress = cs_scan_show_progress;
	sc->s.hooks.store_error = cs_scan_show_store_error;
	sc->s.hooks.fatal = scan_fatal;
	if (cs_audit_scan_run(&sc->s, &sc->opt.eo, &sc->es) != 0) {
		fputs("camsweep: cannot start the event loop\n", stderr);
		cs_store_scan_end(sc->s.store, sc->s.scan_id, "incomplete",
				  (int64_t)time(NULL));
		return;
	}
	/* Complete only when every target was tried and every result
	 * stored; anything less is recorded as such, with the counts. */
	const char *status = cs_audit_scan_status(&sc->s, &sc->es);
	bool complete = strcmp(status, "complete") == 0;

	cs_scan_progress_line(&sc->out, sc->es.addrs_done, true);
	if (sc->out.ox != NULL) {
		int xrc =
		    cs_xml_close(sc->out.ox, sc->s.hosts_up, sc->es.addrs_done,
				 sc->es.elapsed_s, complete, status);
		sc->out.ox = NULL;
		if (xrc != 0) {
			fprintf(stderr, "camsweep: -oX %s: write failed\n",
				sc->out.ox_path);
			sc->out.out_failed = true;
		}
	}
	if (sc->out.oj != NULL) {
		if (ferror(sc->out.oj) || sc->out.out_failed ||
		    (sc->out.oj == stdout ? fflush(stdout)
					  : fclose(sc->out.oj)) != 0) {
			fprintf(stderr, "camsweep: -oJ %s: write failed\n",
				sc->out.oj_path);
			sc->out.out_failed = true;
		}
		sc->out.oj = NULL;
	}

	cs_audit_scan_end(&sc->s, status);
	if (strcmp(status, "incomplete") == 0)
		fprintf(stderr,
			"camsweep: scan %lld incomplete: %llu of %llu "
			"addresses tried, %llu could not be tried (%llu "
			"resource errors), %d store errors; run it again to "
			"finish it\n",
			(long long)sc->s.scan_id,
			(unsigned long long)sc->es.watermark,
			(unsigned long long)sc->es.targets,
			(unsigned long long)sc->es.targets_failed,
			(unsigned long long)sc->es.resource_errors,
			sc->s.store_err);
	if (sc->s.up != NULL) {
		/* The last upload, after the scan's end was committed. */
		int urc = cs_uploader_finish(sc->s.up, NULL, sc->err,
					     sizeof(sc->err));
		sc->s.up = NULL;
		if (urc == 0 && !sc->es.interrupted) {
			cs_cli_print_scan(sc->s.store, sc->s.scan_id,
					  sc->out.json, sc->out.all);
			cs_store_close(sc->s.store);
			sc->s.store = NULL;
			cs_cli_spool_retire(sc->opt.spool);
			sc->rc = complete ? EXIT_OK : EXIT_RUNTIME;
			return;
		}
		if (urc != 0)
			sc->buffered = true;
	}
	if (!sc->out.quiet)
		fprintf(stderr,
			"camsweep: scan %lld %s: %llu addresses in %.1f s "
			"(%.0f/s), %llu hosts up, %llu connections, %llu "
			"silent hosts given up\n",
			(long long)sc->s.scan_id, status,
			(unsigned long long)sc->es.addrs_done, sc->es.elapsed_s,
			sc->es.elapsed_s > 0
			    ? (double)sc->es.addrs_done / sc->es.elapsed_s
			    : 0.0,
			(unsigned long long)sc->es.hosts_up,
			(unsigned long long)sc->es.connects,
			(unsigned long long)sc->es.hosts_skipped);
	if (sc->disc && !sc->out.quiet)
		cs_cli_disc_summary(sc->disc, stderr);
	/* -oJ - or -oX - own standard output: no table after them. */
	if ((!sc->out.quiet || sc->out.json) && !sc->out.to_stdout)
		cs_cli_print_scan(sc->s.store, sc->s.scan_id, sc->out.json,
				  sc->out.all);
	sc->rc = sc->es.interrupted                ? EXIT_INTERRUPTED
		 : !complete || sc->out.out_failed ? EXIT_RUNTIME
		 : sc->buffered                    ? EXIT_BUFFERED
						   : EXIT_OK;
	if (sc->buffered)
		fprintf(stderr,
			"camsweep: results buffered in %s, not delivered; "
			"the next run or 'camsweep upload' sends them "
			"(exit %d)\n",
			sc->opt.spool, EXIT_BUFFERED);
}

void
cs_scan_cleanup(struct scan_cmd *sc)
{
	if (sc->s.up != NULL)
		cs_uploader_finish(sc->s.up, NULL, NULL, 0);
	if (sc->out.oj != NULL && sc->out.oj != stdout)
		fclose(sc->out.oj);
	cs_xml_close(sc->out.ox, sc->s.hosts_up, 0, 0, false, "not run");
	free(sc->out.names);
	free(sc->opt.il);
	free(sc->args);
	cs_creds_free(&sc->creds); /* wipes the passwords */
	cs_cli_disc_free(sc->disc);
	cs_probe_set_mac_lookup(NULL, NULL);
	cs_cli_oui_free(sc->probe_oui);
	free(sc->opts_text);
	free(sc->opt.inc);
	free(sc->opt.exc);
	cs_scope_free(&sc->scope);
	cs_store_close(sc->s.store);
	cs_fpdb_free(sc->s.fp);
	cs_models_free(sc->s.models);
	cs_estate_free(sc->s.estate);
}

int
cs_cli_scan_args(int argc, char **argv)
{
	struct scan_cmd *sc = cs_xcalloc(1, sizeof(*sc));
	int rc;

	sc->argc = argc;
	sc->argv = argv;
	sc->out.s = &sc->s; /* what the output shows of the session */
	sc->rc = EXIT_USAGE;
	sc->opt.db_path = DEFAULT_DB;
	sc->opt.spool = DEFAULT_SPOOL;
	sc->opt.resume = true;
	sc->opt.disc_ms = 3000;
	if (cs_scan_parse(sc) == 0 && cs_scan_scope(sc) == 0 &&
	    cs_scan_prepare(sc) == 0)
		cs_scan_finish(sc);
	cs_scan_cleanup(sc);
	rc = sc->rc;
	free(sc);
	return rc;
}
