/* SPDX-License-Identifier: ISC */
/*
 * camsweep evidence verify [--pub KEYFILE.pub] PACK.tar: every file of a
 * pack against its signed manifest (src/evidence/, docs/evidence.md).
 */
#include "cli/cli.h"

#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/buf.h"
#include "core/escape.h"
#include "core/exitcode.h"
#include "evidence/evidence.h"
#include "policy/estate.h"
#include "core/poison.h"

static void
on_problem(void *arg, const char *file, const char *what)
{
	struct cs_buf b;

	(void)arg;
	cs_buf_init(&b, 4096);
	cs_esc_term(&b, file, strlen(file));
	printf("FAILED %s: %s\n", cs_buf_str(&b), what);
	cs_buf_free(&b);
}

int
cs_cli_evidence_verify(int argc, char **argv)
{
	static const struct option opts[] = {
	    {"pub", required_argument, NULL, 'p'},
	    {"help", no_argument, NULL, 'h'},
	    {NULL, 0, NULL, 0}};
	const char *pub = NULL;
	uint8_t pk[CS_EV_PK_BYTES], *p;
	char err[1024], key_hex[65];
	size_t n, nfiles = 0;
	int c, bad;

	optind = 1;
	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		if (c == 'p') {
			pub = optarg;
		} else {
			cs_cli_evidence_usage(c == 'h' ? stdout : stderr);
			return c == 'h' ? EXIT_OK : EXIT_USAGE;
		}
	}
	if (argc - optind != 1) {
		cs_cli_evidence_usage(stderr);
		return EXIT_USAGE;
	}
	if (pub && cs_ev_load_public(pub, pk, err, sizeof(err)) != 0) {
		fprintf(stderr, "camsweep evidence verify: %s\n", err);
		return EXIT_USAGE;
	}
	p = cs_policy_read_file(argv[optind], CS_CLI_MAX_PACK, &n, err,
				sizeof(err));
	if (p == NULL) {
		fprintf(stderr, "camsweep evidence verify: %s\n", err);
		return EXIT_RUNTIME;
	}
	bad = cs_ev_verify(p, n, pub ? pk : NULL, on_problem, NULL, key_hex,
			   &nfiles);
	free(p);
	if (bad) {
		printf("camsweep evidence verify: %d problem(s): the pack is "
		       "not as it was signed\n",
		       bad);
		return EXIT_DIFFERS;
	}
	printf("OK: %zu files match the signed manifest; signed by key %s%s\n",
	       nfiles, key_hex,
	       pub ? " (the trusted key given)"
		   : " (not checked against a trusted key: compare it with "
		     "the signer's KEYFILE.pub, or give --pub)");
	return EXIT_OK;
}
