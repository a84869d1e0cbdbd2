/* SPDX-License-Identifier: ISC */
/*
 * The oui subcommand (docs/oui.md): `camsweep oui update FILE...` imports
 * IEEE CSV files the user downloaded (oui.csv, mam.csv, oui36.csv, iab.csv,
 * cid.csv) into the user's registry directory, validated first and
 * installed atomically; `camsweep oui sources` lists the registry files a
 * run reads, with their dates.  Also the registry lines of --version and
 * of reports.
 * Exit status: 0 done, 1 usage, 2 refused or unreadable.
 */
#include "cli/cli.h"

#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "core/exitcode.h"
#include "core/buf.h"
#include "core/escape.h"
#include "oui/oui.h"
#include "report/report.h"
#include "core/poison.h"

static void
usage(FILE *f)
{
	fputs("usage: camsweep oui update [--force] [--dir DIR] FILE...\n"
	      "       camsweep oui sources [--ieee-data DIR]\n"
	      "  update   installs IEEE CSV files downloaded from "
	      "standards-oui.ieee.org\n"
	      "           (oui.csv, mam.csv, oui36.csv, iab.csv, cid.csv; "
	      "the kind is read\n"
	      "           from the file) into DIR, by default "
	      "$XDG_DATA_HOME/camsweep/oui\n"
	      "           or ~/.local/share/camsweep/oui; every file is "
	      "checked before any\n"
	      "           is replaced; --force accepts a file with fewer "
	      "than half the\n"
	      "           records of the one it replaces\n"
	      "  sources  lists the registry files identify and scan read, "
	      "with their dates\n",
	      f);
}

void
cs_cli_oui_print_sources(FILE *f, const char *ieee_dir)
{
	char err[512];
	struct cs_oui *db = cs_oui_load(ieee_dir, NULL, err, sizeof(err));
	size_t i;

	fputs("MAC registry files (date: file mtime, or the newest "
	      "Last-Modified in the file):\n",
	      f);
	if (db == NULL) {
		fprintf(f, "  none loaded: %s\n", err);
		return;
	}
	for (i = 0; i < cs_oui_source_count(db); i++) {
		const struct cs_oui_source *s = cs_oui_source_at(db, i);
		char d[16];
		struct cs_buf p;

		cs_buf_init(&p, 4096);
		cs_esc_term(&p, s->path, strlen(s->path));
		fprintf(f, "  %s  %s (%s)  %zu assignments\n", cs_buf_str(&p),
			cs_oui_date_format(s->date, d, sizeof(d)), s->date_kind,
			s->entries);
		cs_buf_free(&p);
	}
	fprintf(f, "  %zu assignments after resolution\n", cs_oui_count(db));
	cs_oui_free(db);
}

static int
cmd_update(int argc, char **argv)
{
	static const struct option longopts[] = {
	    {"force", no_argument, NULL, 'f'},
	    {"dir", required_argument, NULL, 'D'},
	    {"help", no_argument, NULL, 'h'},
	    {NULL, 0, NULL, 0},
	};
	char dir[4096], err[1024] = "";
	const char *dest = NULL;
	bool force = false;
	struct cs_buf log;
	int c, r;

	optind = 1;
	while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		switch (c) {
		case 'f':
			force = true;
			break;
		case 'D':
			dest = optarg;
			break;
		case 'h':
			usage(stdout);
			return EXIT_OK;
		default:
			usage(stderr);
			return EXIT_USAGE;
		}
	}
	if (optind >= argc) {
		usage(stderr);
		return EXIT_USAGE;
	}
	if (dest == NULL) {
		if (cs_oui_user_dir(dir, sizeof(dir)) != 0) {
			fputs("camsweep oui update: neither XDG_DATA_HOME nor "
			      "HOME is set; give --dir\n",
			      stderr);
			return EXIT_USAGE;
		}
		dest = dir;
	}
	cs_buf_init(&log, 1 << 16);
	r = cs_oui_import((const char *const *)argv + optind,
			  (size_t)(argc - optind), dest, force, &log, err,
			  sizeof(err));
	fputs(cs_buf_str(&log), stdout);
	if (r < 0)
		fprintf(stderr, "camsweep oui update: %s%s\n", err,
			log.len == 0 ? "; nothing was installed" : "");
	cs_buf_free(&log);
	if (r < 0)
		return r == CS_EINVAL ? EXIT_USAGE : EXIT_DATA;
	return EXIT_OK;
}

static int
cmd_sources(int argc, char **argv)
{
	const char *dir = NULL;

	if (argc == 3 && strcmp(argv[1], "--ieee-data") == 0)
		dir = argv[2];
	else if (argc == 2 && (strcmp(argv[1], "--help") == 0 ||
			       strcmp(argv[1], "-h") == 0)) {
		usage(stdout);
		return EXIT_OK;
	} else if (argc != 1) {
		usage(stderr);
		return EXIT_USAGE;
	}
	cs_cli_oui_print_sources(stdout, dir);
	return EXIT_OK;
}

int
cs_cli_oui(int argc, char **argv)
{
	static const struct cs_cli_cmd cmds[] = {
	    {"update", cmd_update}, {"sources", cmd_sources}, {NULL, NULL}};

	return cs_cli_dispatch("oui", cmds, argc, argv, usage);
}

/*
 * Loads this host's MAC registry files (*oui, free with cs_oui_free) and
 * fills reg[0..n) with their paths, dates (kept in dates) and sizes, as
 * reports and evidence packs state them; see cli.h.
 */
size_t
cs_cli_oui_registry(struct cs_oui **oui, struct cs_report_registry *reg,
		    char (*dates)[16])
{
	char err[512];
	size_t n = 0;

	*oui = cs_oui_load(NULL, NULL, err, sizeof(err));
	for (size_t i = 0;
	     *oui && i < cs_oui_source_count(*oui) && i < CS_OUI_MAX_SOURCES;
	     i++) {
		const struct cs_oui_source *src = cs_oui_source_at(*oui, i);

		reg[i].file = src->path;
		reg[i].date =
		    cs_oui_date_format(src->date, dates[i], sizeof(dates[i]));
		reg[i].date_from = src->date_kind;
		reg[i].assignments = src->entries;
		n = i + 1;
	}
	return n;
}
