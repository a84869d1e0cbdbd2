/* SPDX-License-Identifier: ISC */
/*
 * camsweep evidence keygen | pack | verify: signed evidence packs of an
 * assessment (src/evidence/, docs/evidence.md).
 */
#include "cli/cli.h"

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "core/buf.h"
#include "core/exitcode.h"
#include "core/escape.h"
#include "core/text.h"
#include "core/str.h"
#include "evidence/evidence.h"
#include "oui/oui.h"
#include "policy/estate.h"
#include "report/report.h"
#include "store/store.h"
#include "core/poison.h"

/* Exit statuses (core/exitcode.h): 0 done (intact), 1 usage, 2 runtime
 * error, 3 a pack that differs from what was signed. */

void
cs_cli_evidence_usage(FILE *f)
{
	fputs("usage: camsweep evidence keygen KEYFILE\n"
	      "       camsweep evidence pack --key KEYFILE -o PACK.tar [--db "
	      "PATH] [--data DIR]\n"
	      "                              [--marking TEXT] [--now TIME]\n"
	      "       camsweep evidence verify [--pub KEYFILE.pub] PACK.tar\n"
	      "  keygen: a new Ed25519 key pair: KEYFILE (secret, 0600; keep "
	      "it yourself)\n"
	      "    and KEYFILE.pub (give it to whoever verifies).\n"
	      "  pack: one tar archive of the newest assessment: the reports "
	      "(full and\n"
	      "    board paper), the inventory (JSON, CSV), the data files "
	      "and versions,\n"
	      "    the estate file, the command lines, filled attestation "
	      "templates, and\n"
	      "    MANIFEST.sha256 (sha256sum format) signed in "
	      "MANIFEST.sig.\n"
	      "  verify: checks every file against the manifest, the "
	      "signature (against\n"
	      "    --pub when given) and the archive itself; names each file "
	      "that differs.\n"
	      "    Exit 0 intact, 3 anything differs, 1 usage, 2 "
	      "runtime error.\n",
	      f);
}

/* Writes b to path, created 0600 (a pack is as sensitive as its
 * reports); 0 or -1 after a message. */
static int
write_file(const char *path, const struct cs_buf *b)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);

	if (fd < 0 || fchmod(fd, 0600) != 0) {
		fprintf(stderr, "camsweep evidence: %s: %s\n", path,
			strerror(errno));
		if (fd >= 0)
			close(fd);
		return -1;
	}
	if (cs_write_all(fd, b->p, b->len) != 0) {
		fprintf(stderr, "camsweep evidence: %s: write failed\n", path);
		close(fd);
		return -1;
	}
	if (close(fd) != 0) {
		fprintf(stderr, "camsweep evidence: %s: write failed\n", path);
		return -1;
	}
	return 0;
}

static int
cmd_pack(int argc, char **argv)
{
	static const struct option opts[] = {
	    {"db", required_argument, NULL, 'd'},
	    {"key", required_argument, NULL, 'k'},
	    {"output", required_argument, NULL, 'o'},
	    {"data", required_argument, NULL, 'D'},
	    {"marking", required_argument, NULL, 'm'},
	    {"now", required_argument, NULL, 'n'},
	    {"help", no_argument, NULL, 'h'},
	    {NULL, 0, NULL, 0}};
	const char *db = NULL, *key = NULL, *out = NULL, *data = NULL, *env;
	struct cs_ev_pack_opts o = {0};
	struct cs_report_registry reg[CS_OUI_MAX_SOURCES];
	char regdate[CS_OUI_MAX_SOURCES][16], err[1024];
	uint8_t sk[CS_EV_SK_BYTES];
	struct cs_oui *oui = NULL;
	struct cs_store *st;
	struct cs_buf tar, cmd;
	bool have_now = false;
	int c, rc;

	optind = 1;
	while ((c = getopt_long(argc, argv, "o:h", opts, NULL)) != -1) {
		switch (c) {
		case 'd':
			db = optarg;
			break;
		case 'k':
			key = optarg;
			break;
		case 'o':
			out = optarg;
			break;
		case 'D':
			data = optarg;
			break;
		case 'm':
			o.marking = optarg;
			break;
		case 'n':
			if (cs_report_parse_time(optarg, &o.now) != 0) {
				fputs("camsweep evidence pack: --now: unix "
				      "seconds or a date\n",
				      stderr);
				return EXIT_USAGE;
			}
			have_now = true;
			break;
		case 'h':
			cs_cli_evidence_usage(stdout);
			return EXIT_OK;
		default:
			cs_cli_evidence_usage(stderr);
			return EXIT_USAGE;
		}
	}
	if (key == NULL || out == NULL || optind != argc) {
		fputs("camsweep evidence pack: --key and -o are required\n",
		      stderr);
		cs_cli_evidence_usage(stderr);
		return EXIT_USAGE;
	}
	if (db == NULL)
		db = cs_cli_default_db();
	if (!have_now) {
		env = getenv("SOURCE_DATE_EPOCH");
		if (env == NULL || !*env ||
		    cs_report_parse_time(env, &o.now) != 0)
			o.now = (int64_t)time(NULL);
	}
	if (cs_ev_load_secret(key, sk, err, sizeof(err)) != 0) {
		fprintf(stderr, "camsweep evidence pack: %s\n", err);
		return EXIT_USAGE;
	}
	if ((st = cs_cli_open_db(db)) == NULL)
		return EXIT_RUNTIME;
	o.nregistry = cs_cli_oui_registry(&oui, reg, regdate);
	o.registry = o.nregistry ? reg : NULL;
	o.data_dir = cs_cli_data_dir(data);
	o.tool_version = cs_cli_version();
	o.sk = sk;
	/* The command line as given (no secret in it: the key is a path). */
	cs_buf_init(&cmd, 1 << 16);
	cs_buf_adds(&cmd, "camsweep evidence");
	for (int i = 0; i < argc; i++)
		cs_buf_printf(&cmd, " %s", argv[i]);
	o.command = cs_buf_str(&cmd);
	cs_buf_init(&tar, CS_CLI_MAX_PACK);
	err[0] = '\0';
	rc = cs_ev_pack(st, &o, &tar, err, sizeof(err));
	if (rc != 0) {
		fprintf(stderr, "camsweep evidence pack: %s\n", err);
		rc = rc == CS_EIO ? EXIT_RUNTIME : EXIT_USAGE;
	} else if (write_file(out, &tar) != 0) {
		rc = EXIT_RUNTIME;
	} else {
		fprintf(stderr,
			"camsweep evidence pack: %s: %zu bytes, signed\n", out,
			tar.len);
	}
	memset(sk, 0, sizeof(sk));
	cs_buf_free(&tar);
	cs_buf_free(&cmd);
	cs_store_close(st);
	cs_oui_free(oui);
	return rc;
}

static int
cmd_keygen(int argc, char **argv)
{
	char err[1024];

	if (cs_cli_wants_help(argc, argv)) {
		puts("usage: camsweep evidence keygen KEYFILE");
		return EXIT_OK;
	}
	if (argc != 2 || argv[1][0] == '-') {
		fputs("usage: camsweep evidence keygen KEYFILE\n", stderr);
		return EXIT_USAGE;
	}
	if (cs_ev_keygen(argv[1], err, sizeof(err)) != 0) {
		fprintf(stderr, "camsweep evidence keygen: %s\n", err);
		return EXIT_RUNTIME;
	}
	fprintf(stderr,
		"camsweep evidence keygen: secret key %s (0600: keep it "
		"yourself), public key %s.pub\n",
		argv[1], argv[1]);
	return EXIT_OK;
}

int
cs_cli_evidence(int argc, char **argv)
{
	static const struct cs_cli_cmd cmds[] = {
	    {"keygen", cmd_keygen},
	    {"pack", cmd_pack},
	    {"verify", cs_cli_evidence_verify},
	    {NULL, NULL}};

	return cs_cli_dispatch("evidence", cmds, argc, argv,
			       cs_cli_evidence_usage);
}
