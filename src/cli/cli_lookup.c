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

static int
resolve_brand(void *ctx, const char *name, char *brand, size_t brandsz,
	      char *maker, size_t makersz)
{
	const struct cs_fpdb *db = ctx;

	if (db == NULL)
		return CS_ENOTFOUND;
	return cs_fpdb_lookup_brand(db, name, brand, brandsz, maker, makersz,
				    NULL);
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

static struct json_object *
jdouble(double v)
{
	char t[32];

	snprintf(t, sizeof(t), "%.2f", v);
	return json_object_new_double_s(v, t);
}

static void
jstr(struct json_object *o, const char *k, const char *v)
{
	json_object_object_add(o, k,
			       v && *v ? json_object_new_string(v) : NULL);
}

/* Prints one terminal-escaped line "label: value" when value is set. */
static void
tline(const char *label, const char *v)
{
	struct cs_buf b;

	if (v == NULL || *v == '\0')
		return;
	cs_buf_init(&b, 4096);
	if (cs_esc_term(&b, v, strlen(v)) == 0)
		printf("%-14s %s\n", label, cs_buf_str(&b));
	cs_buf_free(&b);
}

struct answer {
	struct cs_lookup_result r;
	struct cs_maker_info mi;
	bool have_mi;
	struct cs_brand_info bi;
	bool have_bi;
};

static void
enrich(const struct cs_fpdb *db, struct answer *a)
{
	struct cs_lookup_result *r = &a->r;

	if (db == NULL)
		return;
	if (r->status == CS_LOOKUP_BRAND && r->brand[0] != '\0' &&
	    cs_fpdb_brand_info(db, r->brand, r->model, &a->bi) == 0) {
		a->have_bi = true;
		if (a->bi.maker[0] != '\0')
			cs_strlcpy(r->maker, a->bi.maker, sizeof(r->maker));
		cs_strlcpy(r->relation, a->bi.relation, sizeof(r->relation));
		cs_strlcpy(r->line, a->bi.line, sizeof(r->line));
		cs_strlcpy(r->until, a->bi.to, sizeof(r->until));
		cs_strlcpy(r->source, a->bi.source, sizeof(r->source));
		r->confidence = a->bi.confidence;
		if (a->bi.to[0] != '\0' && r->note[0] == '\0')
			snprintf(r->note, sizeof(r->note),
				 "relation with %s %s%s to %s; model era not "
				 "established",
				 a->bi.maker, a->bi.from[0] ? "from " : "",
				 a->bi.from, a->bi.to);
	}
	if (r->maker[0] != '\0' &&
	    cs_fpdb_maker_info(db, r->maker, &a->mi) == 0)
		a->have_mi = true;
}

static int
print_answer(const char *query, struct answer *a, bool json)
{
	struct cs_lookup_result *r = &a->r;
	const char *country = a->have_mi ? a->mi.country : "";
	const char *parent = a->have_mi ? a->mi.parent : "";
	const char *legal =
	    a->have_mi && a->mi.nlegal > 0 ? a->mi.legal[0] : "";

	if (json) {
		struct json_object *o = json_object_new_object();

		jstr(o, "query", query);
		jstr(o, "status", status_name(r->status));
		jstr(o, "brand", r->brand);
		jstr(o, "model", r->model);
		jstr(o, "product_line", r->line);
		jstr(o, "manufacturer", r->maker);
		jstr(o, "manufacturer_legal_name", legal);
		jstr(o, "manufacturer_country", country);
		jstr(o, "manufacturer_parent", parent);
		jstr(o, "relation", r->relation);
		jstr(o, "relation_until", r->until);
		json_object_object_add(o, "confidence",
				       r->status == CS_LOOKUP_NONE
					   ? NULL
					   : jdouble(r->confidence));
		jstr(o, "source", r->source);
		jstr(o, "pattern", r->pattern);
		jstr(o, "note", r->note);
		cs_out_json_puts(stdout, o);
		json_object_put(o);
	} else {
		char made[256], conf[64];

		tline("query:", query);
		if (r->status == CS_LOOKUP_NONE) {
			puts(
			    "result:        not found: no known brand or model "
			    "number in the query");
			return EXIT_NOTFOUND;
		}
		if (r->status == CS_LOOKUP_AMBIGUOUS) {
			puts("result:        ambiguous");
			tline("note:", r->note);
			return EXIT_NOTFOUND;
		}
		tline("brand:", r->brand);
		tline("model:", r->model);
		tline("product line:", r->line);
		if (r->maker[0] != '\0') {
			snprintf(made, sizeof(made), "%s%s%s%s", r->maker,
				 country[0] ? " (" : "", country,
				 country[0] ? ")" : "");
			tline(strcmp(r->relation, "former-owner") == 0
				  ? "formerly:"
				  : "made by:",
			      made);
		} else {
			tline("made by:", "not established");
		}
		tline("legal name:", legal);
		tline("parent:", parent);
		tline("relation:", r->relation);
		tline("until:", r->until);
		snprintf(conf, sizeof(conf), "%s (%.2f)",
			 conf_word(r->confidence), r->confidence);
		tline("confidence:", conf);
		tline("source:", r->source);
		tline("note:", r->note);
	}
	return r->status == CS_LOOKUP_MODEL || r->status == CS_LOOKUP_BRAND
		   ? EXIT_FOUND
		   : EXIT_NOTFOUND;
}

static int
lookup_mac(const char *ieee_dir, const char *data, const char *mac_s, bool json)
{
	uint8_t mac[6];
	char map_path[4096], err[512], macf[18];
	struct cs_oui *db;
	struct cs_oui_hit h;
	int r;

	if (cs_mac_parse(mac_s, mac) != 0) {
		fprintf(stderr, "camsweep lookup: not a MAC address\n");
		return EXIT_USAGE;
	}
	snprintf(map_path, sizeof(map_path), "%s/entities/oui-registrants.tsv",
		 cs_cli_data_dir(data));
	db = cs_oui_load(ieee_dir, map_path, err, sizeof(err));
	if (db == NULL) {
		fprintf(stderr, "camsweep lookup: %s\n", err);
		return EXIT_DATA;
	}
	r = cs_oui_lookup(db, mac, &h);
	cs_mac_format(mac, macf, sizeof(macf));
	if (json) {
		struct json_object *o = json_object_new_object();

		jstr(o, "mac", macf);
		json_object_object_add(
		    o, "locally_administered",
		    json_object_new_boolean((h.flags & CS_MAC_LOCAL) != 0));
		json_object_object_add(
		    o, "multicast",
		    json_object_new_boolean((h.flags & CS_MAC_MULTICAST) != 0));
		jstr(o, "registry", h.registry);
		jstr(o, "prefix", h.prefix);
		json_object_object_add(
		    o, "prefix_bits",
		    h.prefix_bits ? json_object_new_int((int)h.prefix_bits)
				  : NULL);
		jstr(o, "registrant", h.registrant);
		jstr(o, "manufacturer", h.maker);
		jstr(o, "brand", h.brand);
		jstr(o, "role", h.role);
		jstr(o, "manufacturer_country", h.country);
		json_object_object_add(
		    o, "confidence", h.role[0] ? jdouble(h.confidence) : NULL);
		jstr(o, "source", h.source);
		if (r == 0) {
			const struct cs_oui_source *s =
			    cs_oui_source_at(db, h.source_index);
			char d[16];

			jstr(o, "registry_file", h.file);
			jstr(o, "registry_date",
			     cs_oui_date_format(s->date, d, sizeof(d)));
			jstr(o, "registry_date_from", s->date_kind);
		}
		cs_out_json_puts(stdout, o);
		json_object_put(o);
	} else {
		char pfx[40];

		tline("mac:", macf);
		if (h.flags & CS_MAC_LOCAL)
			puts("registrant:    none: locally administered "
			     "(random or assigned) address");
		else if (h.flags & CS_MAC_MULTICAST)
			puts("registrant:    none: multicast/group address");
		else if (r != 0)
			puts("registrant:    none: no assignment in the "
			     "registry");
		if (r == 0) {
			snprintf(pfx, sizeof(pfx), "%s/%u (%s)", h.prefix,
				 h.prefix_bits, h.registry);
			tline("assignment:", pfx);
			{
				const struct cs_oui_source *s =
				    cs_oui_source_at(db, h.source_index);
				char d[16], line[400];

				snprintf(line, sizeof(line), "%s (%s, %s)",
					 h.file,
					 cs_oui_date_format(s->date, d,
							    sizeof(d)),
					 s->date_kind);
				tline("registry:", line);
			}
			tline("registrant:", h.registrant);
			if (h.role[0] == '\0')
				puts("maker:         not mapped (registrant "
				     "not in oui-registrants.tsv)");
			else if (strcmp(h.role, "unrelated") == 0)
				puts("maker:         none: registry trap, "
				     "unrelated to the camera maker its name "
				     "resembles");
			tline("maker:", h.maker);
			tline("brand:", h.brand);
			tline("role:", h.role);
			tline("country:", h.country);
			tline("source:", h.source);
		}
	}
	cs_oui_free(db);
	return r == 0 ? EXIT_FOUND : EXIT_NOTFOUND;
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
	struct answer a;
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
		return lookup_mac(ieee, data, mac, json);
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
	memset(&a, 0, sizeof(a));
	cs_lookup_query(models, query, resolve_brand, db, &a.r);
	enrich(db, &a);
	rc = print_answer(query, &a, json);
	cs_fpdb_free(db);
	cs_models_free(models);
	return rc;
}
