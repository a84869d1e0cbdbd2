/* SPDX-License-Identifier: ISC */
/*
 * camsweep serve: the console and its API over an inventory (issue #21,
 * docs/serve.md).  Listens on loopback unless told otherwise: another
 * address needs --allow-remote and HTTPS (--cert and --key).
 */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "core/exitcode.h"
#include "core/str.h"
#include "serve/serve.h"
#include "core/poison.h"

static void
serve_usage(FILE *f)
{
	fputs(
	    "usage: camsweep serve [--db FILE|URI] [--listen ADDR:PORT]\n"
	    "                      [--cert FILE --key FILE] [--allow-remote]\n"
	    "                      [--threads N] [--max-connections N]\n"
	    "                      [--timeout SECONDS] [--port-file FILE]\n"
	    "  Serves the console and the JSON API (/api/v1/) over the\n"
	    "  inventory; accounts come from `camsweep user add`.\n"
	    "  --listen         address and port (default 127.0.0.1:8080;\n"
	    "                   port 0 picks a free one)\n"
	    "  --cert, --key    PEM files: HTTPS\n"
	    "  --allow-remote   listen on an address other than loopback\n"
	    "                   (needs --cert and --key)\n"
	    "  --threads        worker threads (default 4)\n"
	    "  --max-connections  connection limit (default 1024)\n"
	    "  --timeout        idle connection timeout, s (default 30)\n"
	    "  --port-file      write the port listened on to FILE\n",
	    f);
}

static int
num_opt(const char *s, long long max, unsigned *out)
{
	long long v;

	if (cs_str_tonum(s, 1, max, &v) != 0)
		return -1;
	*out = (unsigned)v;
	return 0;
}

int
cs_cli_serve(int argc, char **argv)
{
	static const struct option opts[] = {
	    {"db", required_argument, NULL, 'd'},
	    {"listen", required_argument, NULL, 'l'},
	    {"cert", required_argument, NULL, 'c'},
	    {"key", required_argument, NULL, 'k'},
	    {"allow-remote", no_argument, NULL, 'R'},
	    {"threads", required_argument, NULL, 't'},
	    {"max-connections", required_argument, NULL, 'm'},
	    {"timeout", required_argument, NULL, 'T'},
	    {"port-file", required_argument, NULL, 'p'},
	    {"cache", required_argument, NULL, 'C'},
	    {"help", no_argument, NULL, 'h'},
	    {NULL, 0, NULL, 0},
	};
	struct cs_serve_opts o = {0};
	const char *listen = "127.0.0.1:8080";
	char addr[64];
	bool remote = false, loopback = false;
	int c;

	o.db = cs_cli_default_db();
	optind = 1;
	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (c) {
		case 'd':
			o.db = optarg;
			break;
		case 'l':
			listen = optarg;
			break;
		case 'c':
			o.cert = optarg;
			break;
		case 'k':
			o.key = optarg;
			break;
		case 'R':
			remote = true;
			break;
		case 't':
			if (num_opt(optarg, 256, &o.threads) != 0)
				goto bad;
			break;
		case 'm':
			if (num_opt(optarg, 100000, &o.max_conn) != 0)
				goto bad;
			break;
		case 'T':
			if (num_opt(optarg, 3600, &o.timeout) != 0)
				goto bad;
			break;
		case 'p':
			o.port_file = optarg;
			break;
		case 'C': {
			long long v;
			if (cs_str_tonum(optarg, 0, 4096, &v) != 0)
				goto bad;
			o.cache = v == 0 ? -1 : (int)v;
			break;
		}
		case 'h':
			serve_usage(stdout);
			return EXIT_OK;
		default:
			goto bad;
		}
	}
	if (optind != argc)
		goto bad;
	if (cs_serve_parse_listen(listen, addr, sizeof(addr), &o.port,
				  &loopback) != 0) {
		fprintf(stderr,
			"camsweep serve: --listen wants ADDR:PORT or "
			"[V6ADDR]:PORT, got %s\n",
			listen);
		return EXIT_USAGE;
	}
	if ((o.cert == NULL) != (o.key == NULL)) {
		fputs("camsweep serve: --cert and --key go together\n", stderr);
		return EXIT_USAGE;
	}
	if (!loopback && !remote) {
		fprintf(
		    stderr,
		    "camsweep serve: %s is not a loopback address; listening "
		    "beyond this machine needs --allow-remote (and HTTPS)\n",
		    addr);
		return EXIT_USAGE;
	}
	if (!loopback && o.cert == NULL) {
		fputs("camsweep serve: --allow-remote needs --cert and --key: "
		      "passwords and tokens never cross a network in clear\n",
		      stderr);
		return EXIT_USAGE;
	}
	o.addr = addr;
	return cs_serve_run(&o) == 0 ? EXIT_OK : EXIT_RUNTIME;
bad:
	serve_usage(stderr);
	return EXIT_USAGE;
}
