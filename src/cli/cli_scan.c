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
	sc->run.s.hooks.arg = &sc->run;
	sc->run.s.hooks.host = cs_scan_show_host;
	sc->run.s.hooks.progress = cs_scan_show_progress;
	sc->run.s.hooks.store_error = cs_scan_show_store_error;
	sc->run.s.hooks.fatal = scan_fatal;
	if (cs_audit_scan_run(&sc->run.s, &sc->eo, &sc->es) != 0) {
		fputs("camsweep: cannot start the event loop\n", stderr);
		cs_store_scan_end(sc->run.s.store, sc->run.s.scan_id,
				  "incomplete", (int64_t)time(NULL));
		return;
	}
	/* Complete only when every target was tried and every result
	 * stored; anything less is recorded as such, with the counts. */
	const char *status = cs_audit_scan_status(&sc->run.s, &sc->es);
	bool complete = strcmp(status, "complete") == 0;

	cs_scan_progress_line(&sc->run, sc->es.addrs_done, true);
	if (sc->run.ox != NULL) {
		int xrc = cs_xml_close(sc->run.ox, sc->run.s.hosts_up,
				       sc->es.addrs_done, sc->es.elapsed_s,
				       complete, status);
		sc->run.ox = NULL;
		if (xrc != 0) {
			fprintf(stderr, "camsweep: -oX %s: write failed\n",
				sc->ox_path);
			sc->run.out_failed = true;
		}
	}
	if (sc->run.oj != NULL) {
		if (ferror(sc->run.oj) || sc->run.out_failed ||
		    (sc->run.oj == stdout ? fflush(stdout)
					  : fclose(sc->run.oj)) != 0) {
			fprintf(stderr, "camsweep: -oJ %s: write failed\n",
				sc->run.oj_path);
			sc->run.out_failed = true;
		}
		sc->run.oj = NULL;
	}

	cs_audit_scan_end(&sc->run.s, status);
	if (strcmp(status, "incomplete") == 0)
		fprintf(stderr,
			"camsweep: scan %lld incomplete: %llu of %llu "
			"addresses tried, %llu could not be tried (%llu "
			"resource errors), %d store errors; run it again to "
			"finish it\n",
			(long long)sc->run.s.scan_id,
			(unsigned long long)sc->es.watermark,
			(unsigned long long)sc->es.targets,
			(unsigned long long)sc->es.targets_failed,
			(unsigned long long)sc->es.resource_errors,
			sc->run.s.store_err);
	if (sc->run.s.up != NULL) {
		/* The last upload, after the scan's end was committed. */
		int urc = cs_uploader_finish(sc->run.s.up, NULL, sc->err,
					     sizeof(sc->err));
		sc->run.s.up = NULL;
		if (urc == 0 && !sc->es.interrupted) {
			cs_cli_print_scan(sc->run.s.store, sc->run.s.scan_id,
					  sc->json, sc->all);
			cs_store_close(sc->run.s.store);
			sc->run.s.store = NULL;
			cs_cli_spool_retire(sc->spool);
			sc->rc = complete ? EXIT_OK : EXIT_RUNTIME;
			return;
		}
		if (urc != 0)
			sc->buffered = true;
	}
	if (!sc->quiet)
		fprintf(stderr,
			"camsweep: scan %lld %s: %llu addresses in %.1f s "
			"(%.0f/s), %llu hosts up, %llu connections, %llu "
			"silent hosts given up\n",
			(long long)sc->run.s.scan_id, status,
			(unsigned long long)sc->es.addrs_done, sc->es.elapsed_s,
			sc->es.elapsed_s > 0
			    ? (double)sc->es.addrs_done / sc->es.elapsed_s
			    : 0.0,
			(unsigned long long)sc->es.hosts_up,
			(unsigned long long)sc->es.connects,
			(unsigned long long)sc->es.hosts_skipped);
	if (sc->disc && !sc->quiet)
		cs_cli_disc_summary(sc->disc, stderr);
	/* -oJ - or -oX - own standard output: no table after them. */
	if ((!sc->quiet || sc->json) && !sc->to_stdout)
		cs_cli_print_scan(sc->run.s.store, sc->run.s.scan_id, sc->json,
				  sc->all);
	sc->rc = sc->es.interrupted                ? EXIT_INTERRUPTED
		 : !complete || sc->run.out_failed ? EXIT_RUNTIME
		 : sc->buffered                    ? EXIT_BUFFERED
						   : EXIT_OK;
	if (sc->buffered)
		fprintf(stderr,
			"camsweep: results buffered in %s, not delivered; "
			"the next run or 'camsweep upload' sends them "
			"(exit %d)\n",
			sc->spool, EXIT_BUFFERED);
}

void
cs_scan_cleanup(struct scan_cmd *sc)
{
	if (sc->run.s.up != NULL)
		cs_uploader_finish(sc->run.s.up, NULL, NULL, 0);
	if (sc->run.oj != NULL && sc->run.oj != stdout)
		fclose(sc->run.oj);
	cs_xml_close(sc->run.ox, sc->run.s.hosts_up, 0, 0, false, "not run");
	free(sc->run.names);
	free(sc->il);
	free(sc->args);
	cs_creds_free(&sc->creds); /* wipes the passwords */
	cs_cli_disc_free(sc->disc);
	cs_probe_set_mac_lookup(NULL, NULL);
	cs_cli_oui_free(sc->probe_oui);
	free(sc->opts_text);
	free(sc->inc);
	free(sc->exc);
	cs_scope_free(&sc->scope);
	cs_store_close(sc->run.s.store);
	cs_fpdb_free(sc->run.s.fp);
	cs_models_free(sc->run.s.models);
	cs_estate_free(sc->run.s.estate);
}

int
cs_cli_scan_args(int argc, char **argv)
{
	struct scan_cmd *sc = cs_xcalloc(1, sizeof(*sc));
	int rc;

	sc->argc = argc;
	sc->argv = argv;
	sc->rc = EXIT_USAGE;
	sc->db_path = DEFAULT_DB;
	sc->spool = DEFAULT_SPOOL;
	sc->resume = true;
	sc->disc_ms = 3000;
	if (cs_scan_parse(sc) == 0 && cs_scan_scope(sc) == 0 &&
	    cs_scan_prepare(sc) == 0)
		cs_scan_finish(sc);
	cs_scan_cleanup(sc);
	rc = sc->rc;
	free(sc);
	return rc;
}
