/* SPDX-License-Identifier: ISC */
/*
 * The lookup subcommand: the procurement check.  `camsweep lookup "BRAND
 * MODEL"` says who really makes a product as a buyer types it, with source,
 * confidence and the maker's country (see docs/lookup.md); `--mac` resolves
 * a MAC address against the IEEE registry (docs/oui.md).
 * Exit status: 0 found, 3 not found (or ambiguous), 1 usage, 2 data error.
 */
#include "cli/cli.h"
#include "cli/output.h"

#include <getopt.h>
#include <json-c/json.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit/lookup.h"
#include "core/exitcode.h"
#include "core/buf.h"
#include "core/escape.h"
#include "core/str.h"
#include "fp/fp.h"
#include "oui/models.h"
#include "oui/oui.h"
#include "core/poison.h"

static void
usage(FILE *f)
{
	fputs("usage: camsweep lookup [--json] [--data DIR] \"BRAND MODEL\"\n"
	      "       camsweep lookup [--json] [--ieee-data DIR] --mac MAC\n"
	      "  Says who really makes a product (brand, model or both, as a\n"
	      "  buyer types it), with source, confidence and the maker's\n"
	      "  country; --mac names the IEEE registrant of a MAC address.\n"
	      "  Exit status: 0 found, 3 not found or ambiguous, 1 usage.\n",
	      f);
}

static const char *
status_name(enum cs_lookup_status s)
{
	switch (s) {
	case CS_LOOKUP_MODEL:
		return "model";
	case CS_LOOKUP_BRAND:
		return "brand";
	case CS_LOOKUP_AMBIGUOUS:
		return "ambiguous";
	default:
		return "not-found";
	}
}

static const char *
conf_word(double c)
{
	if (c >= 0.9)
		return "high";
	if (c >= 0.75)
		return "medium-high";
	if (c >= 0.6)
		return "medium";
	if (c >= 0.45)
		return "medium-low";
	return "low";
}

struct json_object *
cs_cli_lookup_jdouble(double v)
{
	char t[32];

	snprintf(t, sizeof(t), "%.2f", v);
	return json_object_new_double_s(v, t);
}

void
cs_cli_lookup_jstr(struct json_object *o, const char *k, const char *v)
{
	json_object_object_add(o, k,
			       v && *v ? json_object_new_string(v) : NULL);
}

/* Prints one terminal-escaped line "label: value" when value is set. */
void
cs_cli_lookup_tline(const char *label, const char *v)
{
	struct cs_buf b;

	if (v == NULL || *v == '\0')
		return;
	cs_buf_init(&b, 4096);
	if (cs_esc_term(&b, v, strlen(v)) == 0)
		printf("%-14s %s\n", label, cs_buf_str(&b));
	cs_buf_free(&b);
}

static int
print_answer(const char *query, struct cs_audit_answer *a, bool json)
{
	struct cs_lookup_result *r = &a->r;
	const char *country = a->have_mi ? a->mi.country : "";
	const char *parent = a->have_mi ? a->mi.parent : "";
	const char *legal =
	    a->have_mi && a->mi.nlegal > 0 ? a->mi.legal[0] : "";

	if (json) {
		struct json_object *o = json_object_new_object();

		cs_cli_lookup_jstr(o, "query", query);
		cs_cli_lookup_jstr(o, "status", status_name(r->status));
		cs_cli_lookup_jstr(o, "brand", r->brand);
		cs_cli_lookup_jstr(o, "model", r->model);
		cs_cli_lookup_jstr(o, "product_line", r->line);
		cs_cli_lookup_jstr(o, "manufacturer", r->maker);
		cs_cli_lookup_jstr(o, "manufacturer_legal_name", legal);
		cs_cli_lookup_jstr(o, "manufacturer_country", country);
		cs_cli_lookup_jstr(o, "manufacturer_parent", parent);
		cs_cli_lookup_jstr(o, "relation", r->relation);
		cs_cli_lookup_jstr(o, "relation_until", r->until);
		json_object_object_add(
		    o, "confidence",
		    r->status == CS_LOOKUP_NONE
			? NULL
			: cs_cli_lookup_jdouble(r->confidence));
		cs_cli_lookup_jstr(o, "source", r->source);
		cs_cli_lookup_jstr(o, "pattern", r->pattern);
		cs_cli_lookup_jstr(o, "note", r->note);
		cs_out_json_puts(stdout, o);
		json_object_put(o);
	} else {
		char made[256], conf[64];

		cs_cli_lookup_tline("query:", query);
		if (r->status == CS_LOOKUP_NONE) {
			puts(
			    "result:        not found: no known brand or model "
			    "number in the query");
			return EXIT_NOTFOUND;
		}
		if (r->status == CS_LOOKUP_AMBIGUOUS) {
			puts("result:        ambiguous");
			cs_cli_lookup_tline("note:", r->note);
			return EXIT_NOTFOUND;
		}
		cs_cli_lookup_tline("brand:", r->brand);
		cs_cli_lookup_tline("model:", r->model);
		cs_cli_lookup_tline("product line:", r->line);
		if (r->maker[0] != '\0') {
			snprintf(made, sizeof(made), "%s%s%s%s", r->maker,
				 country[0] ? " (" : "", country,
				 country[0] ? ")" : "");
			cs_cli_lookup_tline(
			    strcmp(r->relation, "former-owner") == 0
				? "formerly:"
				: "made by:",
			    made);
		} else {
			cs_cli_lookup_tline("made by:", "not established");
		}
		cs_cli_lookup_tline("legal name:", legal);
		cs_cli_lookup_tline("parent:", parent);
		cs_cli_lookup_tline("relation:", r->relation);
		cs_cli_lookup_tline("until:", r->until);
		snprintf(conf, sizeof(conf), "%s (%.2f)",
			 conf_word(r->confidence), r->confidence);
		cs_cli_lookup_tline("confidence:", conf);
		cs_cli_lookup_tline("source:", r->source);
		cs_cli_lookup_tline("note:", r->note);
	}
	return r->status == CS_LOOKUP_MODEL || r->status == CS_LOOKUP_BRAND
		   ? EXIT_FOUND
		   : EXIT_NOTFOUND;
}

int
cs_cli_lookup(int argc, char **argv)
{
	static const struct option opts[] = {
	    {"json", no_argument, NULL, 'j'},
	    {"data", required_argument, NULL, 'd'},
	    {"ieee-data", required_argument, NULL, 'I'},
	    {"mac", required_argument, NULL, 'm'},
	    {"help", no_argument, NULL, 'h'},
	    {NULL, 0, NULL, 0}};
	const char *data = NULL, *ieee = NULL, *mac = NULL;
	bool json = false;
	char query[CS_LOOKUP_MAX_INPUT + 1] = "";
	char path[4096], path2[4096], err[512];
	struct cs_models *models;
	struct cs_fpdb *db;
	struct cs_audit_answer a;
	int c, i, rc;

	optind = 1;
	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (c) {
		case 'j':
			json = true;
			break;
		case 'd':
			data = optarg;
			break;
		case 'I':
			ieee = optarg;
			break;
		case 'm':
			mac = optarg;
			break;
		case 'h':
			usage(stdout);
			return EXIT_FOUND;
		default:
			usage(stderr);
			return EXIT_USAGE;
		}
	}
	if (mac != NULL) {
		if (optind != argc) {
			usage(stderr);
			return EXIT_USAGE;
		}
		return cs_cli_lookup_mac(ieee, data, mac, json);
	}
	for (i = optind; i < argc; i++) {
		size_t l = strlen(query);

		if (l > 0 && l < sizeof(query) - 1)
			query[l++] = ' ';
		cs_strlcpy(query + l, argv[i], sizeof(query) - l);
	}
	if (cs_span_trim(cs_span_make(query, strlen(query))).n == 0) {
		usage(stderr);
		return EXIT_USAGE;
	}
	snprintf(path, sizeof(path), "%s/entities/models.tsv",
		 cs_cli_data_dir(data));
	models = cs_models_load(path, err, sizeof(err));
	if (models == NULL) {
		fprintf(stderr, "camsweep lookup: %s\n", err);
		return EXIT_DATA;
	}
	snprintf(path, sizeof(path), "%s/fingerprints", cs_cli_data_dir(data));
	snprintf(path2, sizeof(path2), "%s/entities", cs_cli_data_dir(data));
	db = cs_fpdb_load(path, path2, err, sizeof(err));
	if (db == NULL)
		fprintf(stderr,
			"camsweep lookup: warning: knowledge base not loaded "
			"(%s); answering from models.tsv only\n",
			err);
	cs_audit_lookup(models, db, query, &a);
	rc = print_answer(query, &a, json);
	cs_fpdb_free(db);
	cs_models_free(models);
	return rc;
}
