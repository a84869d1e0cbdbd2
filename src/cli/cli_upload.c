/* SPDX-License-Identifier: ISC */
/*
 * camsweep upload: a sensor's spool into the central database.
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

/* ---- upload ---- */

int
cs_cli_upload(int argc, char **argv)
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
		cs_cli_config_free(cv);
		if ((cv = cs_cli_config_argv(cfg, 1, argv, &nc)) == NULL)
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
			cs_cli_config_free(cv);
			return EXIT_OK;
		default:
			cs_cli_config_free(cv);
			return EXIT_USAGE;
		}
	}
	if (uri == NULL || !cs_store_path_is_uri(uri)) {
		fputs("camsweep upload: --db postgresql://... is required\n",
		      stderr);
		cs_cli_config_free(cv);
		return EXIT_USAGE;
	}
	if (access(spool, R_OK) != 0) {
		fprintf(stderr, "camsweep: %s: %s\n", spool, strerror(errno));
		cs_cli_config_free(cv);
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
	cs_cli_spool_retire(spool);
	rc = EXIT_OK;
out:
	cs_store_close(sp);
	cs_store_close(central);
	cs_cli_config_free(cv);
	return rc;
}
