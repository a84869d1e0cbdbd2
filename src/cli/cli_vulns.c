/* SPDX-License-Identifier: ISC */
/*
 * The vulns subcommand (docs/vulns.md §6): `camsweep vulns list` prints
 * the loaded vulnerability table one fact per line with its sources, so
 * that a user can audit it; `camsweep vulns match` matches one unit
 * (maker, brand, model, firmware, lineage) against it and prints each hit
 * with its verdict, rule and sources.  Every string from a data file or
 * the command line passes the terminal escaper.
 * Exit status: 0 done (match: no affected or product hit), 1 usage, 2 the
 * table does not load, 4 match: an affected or product hit.
 */
#include "cli/cli.h"

#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/buf.h"
#include "core/escape.h"
#include "core/exitcode.h"
#include "core/text.h"
#include "vuln/vuln.h"
#include "core/poison.h"

static void
usage(FILE *f)
{
	fputs("usage: camsweep vulns list [--data DIR]\n"
	      "       camsweep vulns match --maker M [--brand B] [--model X]\n"
	      "                            [--firmware F] [--lineage L] "
	      "[--as-of DATE]\n"
	      "                            [--data DIR]\n"
	      "  list   the vulnerability and end-of-support tables "
	      "(DIR/vulns/*.vuln),\n"
	      "         one fact per line with the URLs of its sources\n"
	      "  match  the vulnerabilities one unit matches, its end of "
	      "support and\n"
	      "         firmware age on DATE (YYYY-MM-DD, default today, "
	      "UTC): M its true\n"
	      "         maker, B its badge, L the maker whose firmware it "
	      "runs (read from\n"
	      "         F's form when not given); exit 4 when a hit is "
	      "affected or by\n"
	      "         product, or the unit is past end of support\n",
	      f);
}

/* Writes s escaped for a terminal. */
static void
put(const char *s)
{
	struct cs_buf b;

	cs_buf_init(&b, 1 << 16);
	cs_esc_term(&b, s, strlen(s));
	fputs(cs_buf_str(&b), stdout);
	cs_buf_free(&b);
}

static void
putkv(const char *k, const char *v)
{
	if (v == NULL || v[0] == '\0')
		return;
	printf(" %s=", k);
	put(v);
}

/* A YYYY-MM-DD calendar date as YYYYMMDD, or 0. */
static uint32_t
parse_as_of(const char *s)
{
	struct cs_date d;

	if (cs_date_parse((struct cs_span){(const uint8_t *)s, strlen(s)},
			  CS_DATE_CALENDAR, &d) != 0 ||
	    d.year < 1900)
		return 0;
	return (uint32_t)(d.year * 10000 + d.month * 100 + d.day);
}

/* Today in UTC as YYYYMMDD, or 0. */
static uint32_t
today(void)
{
	char buf[16];

	if (cs_date_format((int64_t)time(NULL), 0, buf, sizeof(buf)) != 0)
		return 0;
	return parse_as_of(buf);
}

static struct cs_vulndb *
load(const char *data)
{
	char dir[4096], err[1024] = "";
	struct cs_vulndb *db;

	snprintf(dir, sizeof(dir), "%s/vulns", cs_cli_data_dir(data));
	db = cs_vulndb_load(dir, err, sizeof(err));
	if (db == NULL) {
		fputs("camsweep vulns: ", stderr);
		fputs(err, stderr);
		fputc('\n', stderr);
	}
	return db;
}

static void
print_rule(const struct cs_vuln *v, const struct cs_vuln_rule *ru)
{
	char d[16];

	fputs("  affects ", stdout);
	put(v->file);
	printf(":%u:", ru->line_no);
	putkv("lineage", ru->lineage);
	putkv("brands", ru->brands);
	putkv("models", ru->models);
	putkv("line", ru->line);
	switch (ru->cond) {
	case CS_VULN_ALL:
		fputs(" versions=all", stdout);
		break;
	case CS_VULN_NORANGE:
		fputs(" versions=unknown", stdout);
		break;
	case CS_VULN_EXACT:
		putkv("exact", ru->exact);
		break;
	case CS_VULN_BUILT:
		if (ru->built_from != 0) {
			snprintf(d, sizeof(d), "%04u-%02u-%02u",
				 (unsigned)ru->built_from / 10000,
				 (unsigned)ru->built_from / 100 % 100,
				 (unsigned)ru->built_from % 100);
			putkv("built-from", d);
		}
		if (ru->built_before != 0) {
			snprintf(d, sizeof(d), "%04u-%02u-%02u",
				 (unsigned)ru->built_before / 10000,
				 (unsigned)ru->built_before / 100 % 100,
				 (unsigned)ru->built_before % 100);
			putkv("built-before", d);
		}
		break;
	case CS_VULN_RANGE:
		putkv("from", ru->from);
		putkv("to", ru->to);
		putkv("before", ru->before);
		break;
	}
	putkv("fixed", ru->fixed);
	putkv("conf", ru->conf);
	if (ru->inferred)
		fputs(" inferred", stdout);
	putkv("note", ru->note);
	fputs("\n    source ", stdout);
	put(ru->sources);
	fputc('\n', stdout);
}

static int
cmd_list(int argc, char **argv)
{
	static const struct option longopts[] = {
	    {"data", required_argument, NULL, 'd'},
	    {"help", no_argument, NULL, 'h'},
	    {NULL, 0, NULL, 0},
	};
	const char *data = NULL;
	struct cs_vulndb *db;
	int c;

	optind = 1;
	while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		if (c == 'd')
			data = optarg;
		else {
			usage(c == 'h' ? stdout : stderr);
			return c == 'h' ? EXIT_OK : EXIT_USAGE;
		}
	}
	if (optind != argc) {
		usage(stderr);
		return EXIT_USAGE;
	}
	if ((db = load(data)) == NULL)
		return EXIT_RUNTIME;
	for (size_t i = 0; i < cs_vulndb_count(db); i++) {
		const struct cs_vuln *v = cs_vulndb_get(db, i);

		put(v->id);
		printf("  cvss %.1f", v->cvss);
		if (v->cvss_version[0])
			printf(" (%s)", v->cvss_version);
		if (v->kev) {
			fputs("  kev added ", stdout);
			put(v->kev_added);
			fputs(" due ", stdout);
			put(v->kev_due);
			fputs(" action ", stdout);
			put(v->kev_action);
		} else {
			fputs("  not in kev", stdout);
		}
		fputs("\n  title ", stdout);
		put(v->title);
		if (v->product[0]) {
			fputs("\n  product ", stdout);
			put(v->product);
		}
		fputs("\n  cvss source ", stdout);
		put(v->cvss_sources);
		if (v->cvss_note[0]) {
			fputs(" (", stdout);
			put(v->cvss_note);
			fputc(')', stdout);
		}
		if (v->kev) {
			fputs("\n  kev source ", stdout);
			put(v->kev_sources);
		}
		fputc('\n', stdout);
		for (size_t k = 0; k < v->nrules; k++)
			print_rule(v, &v->rules[k]);
	}
	for (size_t i = 0; i < cs_vulndb_eos_count(db); i++) {
		const struct cs_eos *e = cs_vulndb_eos_get(db, i);

		fputs("eos ", stdout);
		put(e->file);
		printf(":%u:", e->line_no);
		putkv("maker", e->maker);
		putkv("models", e->models);
		putkv("ended", e->ended);
		putkv("stated", e->stated);
		putkv("conf", e->conf);
		putkv("note", e->note);
		fputs("\n  source ", stdout);
		put(e->sources);
		fputc('\n', stdout);
	}
	printf("%zu vulnerabilities, %zu end-of-support rows\n",
	       cs_vulndb_count(db), cs_vulndb_eos_count(db));
	cs_vulndb_free(db);
	return EXIT_OK;
}

static int
cmd_match(int argc, char **argv)
{
	static const struct option longopts[] = {
	    {"maker", required_argument, NULL, 'm'},
	    {"brand", required_argument, NULL, 'b'},
	    {"model", required_argument, NULL, 'x'},
	    {"firmware", required_argument, NULL, 'f'},
	    {"lineage", required_argument, NULL, 'l'},
	    {"as-of", required_argument, NULL, 'a'},
	    {"data", required_argument, NULL, 'd'},
	    {"help", no_argument, NULL, 'h'},
	    {NULL, 0, NULL, 0},
	};
	struct cs_vuln_unit u = {NULL, NULL, NULL, NULL, NULL};
	const char *data = NULL;
	struct cs_vulndb *db;
	struct cs_vuln_hit *hits;
	struct cs_eos_verdict ev;
	uint32_t as_of = 0;
	size_t nh;
	int c, rc = EXIT_OK;

	optind = 1;
	while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		switch (c) {
		case 'm':
			u.maker = optarg;
			break;
		case 'b':
			u.brand = optarg;
			break;
		case 'x':
			u.model = optarg;
			break;
		case 'f':
			u.firmware = optarg;
			break;
		case 'l':
			u.lineage = optarg;
			break;
		case 'a':
			if ((as_of = parse_as_of(optarg)) == 0) {
				fputs("camsweep vulns: --as-of: want a date "
				      "YYYY-MM-DD\n",
				      stderr);
				return EXIT_USAGE;
			}
			break;
		case 'd':
			data = optarg;
			break;
		case 'h':
			usage(stdout);
			return EXIT_OK;
		default:
			usage(stderr);
			return EXIT_USAGE;
		}
	}
	if (optind != argc || u.maker == NULL || u.maker[0] == '\0') {
		usage(stderr);
		return EXIT_USAGE;
	}
	if (as_of == 0 && (as_of = today()) == 0) {
		fputs("camsweep vulns: cannot read today's date\n", stderr);
		return EXIT_RUNTIME;
	}
	if ((db = load(data)) == NULL)
		return EXIT_RUNTIME;
	hits = calloc(cs_vulndb_count(db) + 1, sizeof(*hits));
	if (hits == NULL) {
		cs_vulndb_free(db);
		fputs("camsweep vulns: out of memory\n", stderr);
		return EXIT_RUNTIME;
	}
	nh = cs_vuln_match(db, &u, hits, cs_vulndb_count(db));
	for (size_t i = 0; i < nh; i++) {
		const struct cs_vuln_hit *h = &hits[i];

		put(h->vuln->id);
		printf("  %s%s  cvss %.1f", cs_vuln_verdict_name(h->verdict),
		       h->inferred ? " (inferred)" : "", h->vuln->cvss);
		if (h->vuln->kev) {
			fputs("  kev due ", stdout);
			put(h->vuln->kev_due);
		}
		fputs("\n  why ", stdout);
		put(h->why);
		fputs("\n  rule ", stdout);
		put(h->vuln->file);
		printf(":%u  source ", h->rule->line_no);
		put(h->rule->sources);
		fputc('\n', stdout);
		if (h->verdict >= CS_VULN_PRODUCT)
			rc = EXIT_FINDINGS;
	}
	if (nh == 0)
		fputs("no known vulnerability matches\n", stdout);
	if (cs_eos_assess(db, &u, as_of, &ev) == 0) {
		printf("support on %04u-%02u-%02u  %s",
		       (unsigned)(as_of / 10000), (unsigned)(as_of / 100 % 100),
		       (unsigned)(as_of % 100),
		       ev.row == NULL ? "no end-of-support row"
		       : ev.past      ? "decommission (past end of support)"
				      : "not yet past end of support");
		if (ev.dated)
			printf("  firmware age %lld days%s",
			       (long long)ev.age_days,
			       ev.age_inferred ? " (inferred)" : "");
		else
			fputs("  firmware age unknown", stdout);
		fputs("\n  why ", stdout);
		put(ev.why);
		if (ev.row != NULL) {
			fputs("\n  row ", stdout);
			put(ev.row->file);
			printf(":%u  source ", ev.row->line_no);
			put(ev.row->sources);
		}
		fputc('\n', stdout);
		if (ev.past)
			rc = EXIT_FINDINGS;
	}
	free(hits);
	cs_vulndb_free(db);
	return rc;
}

int
cs_cli_vulns(int argc, char **argv)
{
	static const struct cs_cli_cmd cmds[] = {
	    {"list", cmd_list}, {"match", cmd_match}, {NULL, NULL}};

	return cs_cli_dispatch("vulns", cmds, argc, argv, usage);
}
