/* SPDX-License-Identifier: ISC */
/*
 * The scope of `camsweep scan`: its targets (cli_scan_targets.c) less the
 * exclusions (--exclude, --excludefile and the data directory's
 * scope/exclude.conf), with the checks made before anything is sent.
 */
#include "cli/cli.h"
#include "cli/scan_cmd.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "core/addr.h"
#include "engine/scope.h"
#include "core/poison.h"

int
cs_cli_data_excl(const char *data, struct cs_interval **v, size_t *n)
{
	char spec[4096];

	snprintf(spec, sizeof(spec), "@%s/scope/exclude.conf",
		 cs_cli_data_dir(data));
	if (access(spec + 1, R_OK) != 0)
		return 0;
	return cs_scan_add_specs(spec, v, n);
}

/*
 * The targets and exclusions into sc->scope, with its checks: no more
 * than CS_SCOPE_MAX_ADDRS6 IPv6 addresses, host names that the exclusions
 * remove refused, more than DEFAULT_MAX_ADDRS only with --allow-large.  Returns
 * 0, or -1 after a message.
 */
int
cs_scan_scope(struct scan_cmd *sc)
{
	if (optind >= sc->argc && sc->opt.nil == 0) {
		fputs("camsweep scan: no targets given\n", stderr);
		cs_cli_scan_usage(stderr);
		return -1;
	}
	for (int i = optind; i < sc->argc; i++)
		if (cs_scan_add_target(sc->argv[i], &sc->opt.inc, &sc->opt.ninc,
				       &sc->out, sc->out.quiet) != 0)
			return -1;
	for (size_t i = 0; i < sc->opt.nil; i++)
		if (cs_scan_add_target_file(sc->opt.il[i], &sc->opt.inc,
					    &sc->opt.ninc, &sc->out,
					    sc->out.quiet) != 0)
			return -1;
	/* The data file's exclusions add to the compiled-in ones. */
	if (cs_cli_data_excl(sc->opt.data, &sc->opt.exc, &sc->opt.nexc) != 0)
		return -1;
	switch (cs_scope_build(&sc->scope, sc->opt.inc, sc->opt.ninc,
			       sc->opt.exc, sc->opt.nexc)) {
	case 0:
		break;
	case CS_ELIMIT:
		fprintf(stderr,
			"camsweep scan: more than %u IPv6 addresses in scope "
			"(a /112): too many to enumerate; give smaller IPv6 "
			"ranges (a /64 is never swept)\n",
			CS_SCOPE_MAX_ADDRS6);
		return -1;
	default:
		fputs("camsweep scan: nothing left in scope after "
		      "exclusions\n",
		      stderr);
		return -1;
	}
	sc->out.to_stdout =
	    (sc->out.oj_path != NULL && strcmp(sc->out.oj_path, "-") == 0) ||
	    (sc->out.ox_path != NULL && strcmp(sc->out.ox_path, "-") == 0);
	if (sc->out.oj_path != NULL && sc->out.ox_path != NULL &&
	    strcmp(sc->out.oj_path, "-") == 0 &&
	    strcmp(sc->out.ox_path, "-") == 0) {
		fputs("camsweep scan: -oJ - and -oX - cannot share standard "
		      "output\n",
		      stderr);
		return -1;
	}
	/* A host name is resolved once; an address it resolves to that the
	 * exclusions remove is refused, never scanned. */
	for (size_t i = 0; i < sc->out.nnames; i++)
		if (!cs_scope_contains_addr(&sc->scope,
					    &sc->out.names[i].addr)) {
			char ip[CS_ADDR_STRLEN];
			fprintf(stderr,
				"camsweep: %s (%s) is outside the scope "
				"(excluded); refused\n",
				sc->out.names[i].name,
				cs_addr_str(&sc->out.names[i].addr, ip,
					    sizeof(ip)));
		}
	/* Learned URLs may name only the ports the scan was told to probe. */
	cs_scope_set_ports(&sc->scope, sc->opt.ports, sc->opt.nports);
	if (sc->scope.total > DEFAULT_MAX_ADDRS && !sc->opt.large) {
		fprintf(stderr,
			"camsweep scan: %llu addresses in scope; more than %d "
			"needs --allow-large\n",
			(unsigned long long)sc->scope.total, DEFAULT_MAX_ADDRS);
		return -1;
	}
	return 0;
}
