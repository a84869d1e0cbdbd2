/* SPDX-License-Identifier: ISC */
/*
 * The long tail of makers (issue #11, §6):
 *  (a) at least 142 surveillance makers (makers.tsv cctv not no) are the
 *      manufacturer claim of at least one rule that is not a brand-table
 *      lookup, with enough weight to name the maker on its own (>= 0.4,
 *      the combination threshold of docs/fingerprints.md §5);
 *  (b) every maker column of every entity table (oui-registrants, brands,
 *      oem, ownership, models) names a makers.tsv row that exists (its
 *      name, a legal name or an alias, whole value, case ignored);
 *  (c) every maker has an ISO 3166 alpha-2 country or '-' with a reason.
 * The entity files are read here directly, independently of the loader,
 * so a row the loader tolerates is still checked.
 */
#include <ctype.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/obs.h"
#include "core/str.h"
#include "fp/fp.h"
#include "fp/fp_int.h"
#include "core/poison.h"

#define MAX_ROWS 2048
#define MAX_COLS 16

#include "fpdb_fixture.h"

/* One entity file, split into rows of columns (comments skipped). */
struct table {
	char *buf;
	char *col[MAX_ROWS][MAX_COLS];
	int ncol[MAX_ROWS];
	unsigned lineno[MAX_ROWS];
	int nrows;
};

static struct table *
table_read(const char *name)
{
	char path[4096];
	struct table *t = calloc(1, sizeof(*t));
	FILE *f;
	long sz;
	char *s;
	unsigned ln = 0;

	assert_non_null(t);
	snprintf(path, sizeof(path), "%s/data/entities/%s", srcdir(), name);
	f = fopen(path, "rb");
	assert_non_null(f);
	assert_int_equal(fseek(f, 0, SEEK_END), 0);
	sz = ftell(f);
	assert_true(sz > 0 && sz < (1L << 22));
	rewind(f);
	t->buf = malloc((size_t)sz + 1);
	assert_non_null(t->buf);
	assert_int_equal(fread(t->buf, 1, (size_t)sz, f), (size_t)sz);
	t->buf[sz] = 0;
	fclose(f);
	for (s = t->buf; s != NULL && *s != 0;) {
		char *nl = strchr(s, '\n'), *c = s;
		int n = 0;

		ln++;
		if (nl != NULL)
			*nl = 0;
		c[strcspn(c, "\r")] = 0;
		if (*c != 0 && *c != '#') {
			assert_true(t->nrows < MAX_ROWS);
			while (n < MAX_COLS) {
				char *tab = strchr(c, '\t');

				t->col[t->nrows][n++] = c;
				if (tab == NULL)
					break;
				*tab = 0;
				c = tab + 1;
			}
			t->ncol[t->nrows] = n;
			t->lineno[t->nrows] = ln;
			t->nrows++;
		}
		s = nl != NULL ? nl + 1 : NULL;
	}
	return t;
}

static void
table_free(struct table *t)
{
	free(t->buf);
	free(t);
}

static bool
ieq(const char *a, const char *b)
{
	while (*a && *b &&
	       tolower((unsigned char)*a) == tolower((unsigned char)*b))
		a++, b++;
	return *a == 0 && *b == 0;
}

/* Is s one of the '|'-separated values in list (whole value, case
 * ignored)? */
static bool
in_list(const char *list, const char *s)
{
	size_t n = strlen(s);

	while (*list) {
		const char *bar = strchr(list, '|');
		size_t m = bar ? (size_t)(bar - list) : strlen(list);

		if (m == n) {
			size_t i = 0;

			while (i < n && tolower((unsigned char)list[i]) ==
					    tolower((unsigned char)s[i]))
				i++;
			if (i == n)
				return true;
		}
		if (bar == NULL)
			break;
		list = bar + 1;
	}
	return false;
}

/* Index of the makers.tsv row that name refers to, or -1. */
static int
maker_row(const struct table *mk, const char *name)
{
	for (int i = 0; i < mk->nrows; i++)
		if (ieq(mk->col[i][0], name))
			return i;
	for (int i = 0; i < mk->nrows; i++)
		if (in_list(mk->col[i][1], name) ||
		    (mk->ncol[i] > 5 && in_list(mk->col[i][5], name)))
			return i;
	return -1;
}

/* A brands.tsv brand (by name) that maps to an existing maker row. */
static bool
brand_ok(const struct table *br, const struct table *mk, const char *name)
{
	for (int i = 0; i < br->nrows; i++)
		if (ieq(br->col[i][0], name))
			return maker_row(mk, br->col[i][1]) >= 0;
	return false;
}

/* (b) Every maker column of every entity table resolves. */
static void
test_references_resolve(void **state)
{
	static const struct {
		const char *file;
		int col;      /* the maker column */
		bool brand;   /* a brands.tsv brand is accepted too */
		bool dash_ok; /* '-' = not established / none */
	} refs[] = {
	    {"brands.tsv", 1, false, false},
	    {"oem.tsv", 3, false, false},
	    {"oui-registrants.tsv", 1, false, true},
	    {"models.tsv", 2, false, true},
	    /* ownership: the owned entity is a maker, a company row or a
	     * brand; the owner is a maker or company row */
	    {"ownership.tsv", 0, true, false},
	    {"ownership.tsv", 1, false, false},
	};
	struct table *mk = table_read("makers.tsv");
	struct table *br = table_read("brands.tsv");
	int bad = 0, checked = 0;

	(void)state;
	assert_true(mk->nrows > 100);
	for (size_t r = 0; r < sizeof(refs) / sizeof(refs[0]); r++) {
		struct table *t = table_read(refs[r].file);

		for (int i = 0; i < t->nrows; i++) {
			const char *v;

			if (t->ncol[i] <= refs[r].col) {
				fprintf(stderr, "# %s:%u: too few columns\n",
					refs[r].file, t->lineno[i]);
				bad++;
				continue;
			}
			v = t->col[i][refs[r].col];
			checked++;
			if (refs[r].dash_ok && strcmp(v, "-") == 0)
				continue;
			if (maker_row(mk, v) >= 0)
				continue;
			if (refs[r].brand && brand_ok(br, mk, v))
				continue;
			fprintf(stderr,
				"# %s:%u: '%s' names no makers.tsv row\n",
				refs[r].file, t->lineno[i], v);
			bad++;
		}
		table_free(t);
	}
	fprintf(stderr, "# %d maker references checked\n", checked);
	assert_true(checked > 300);
	assert_int_equal(bad, 0);
	table_free(br);
	table_free(mk);
}

/* The check itself: a dangling reference is caught. */
static void
test_references_catch_dangling(void **state)
{
	struct table *mk = table_read("makers.tsv");
	struct table *br = table_read("brands.tsv");

	(void)state;
	assert_true(maker_row(mk, "Hikvision") >= 0);
	assert_true(maker_row(mk, "hangzhou hikvision digital technology "
				  "co., ltd.") >= 0);
	assert_int_equal(maker_row(mk, "Hikvision Digital"), -1);
	assert_int_equal(maker_row(mk, "Costar"), -1);
	assert_int_equal(maker_row(mk, "No Such Maker Co."), -1);
	assert_true(brand_ok(br, mk, "Lorex"));
	assert_false(brand_ok(br, mk, "No Such Brand"));
	table_free(br);
	table_free(mk);
}

/* (c) Country of incorporation: ISO 3166 alpha-2 (upper case), or '-'
 * with the reason stated in the legal-name or source column. */
static void
test_maker_countries(void **state)
{
	struct table *mk = table_read("makers.tsv");
	int bad = 0, dash = 0;

	(void)state;
	for (int i = 0; i < mk->nrows; i++) {
		const char *c = mk->col[i][2];

		if (mk->ncol[i] != 8) {
			fprintf(stderr, "# makers.tsv:%u: want 8 columns\n",
				mk->lineno[i]);
			bad++;
			continue;
		}
		if (strcmp(c, "-") == 0) {
			const char *why[] = {"not established", "no country",
					     "country unknown", "country not"};
			bool ok = false;

			for (size_t w = 0; w < sizeof(why) / sizeof(why[0]);
			     w++)
				ok |= strstr(mk->col[i][1], why[w]) != NULL ||
				      strstr(mk->col[i][7], why[w]) != NULL;
			dash++;
			if (!ok) {
				fprintf(stderr,
					"# makers.tsv:%u: %s: country '-' "
					"without a reason\n",
					mk->lineno[i], mk->col[i][0]);
				bad++;
			}
			continue;
		}
		if (!(strlen(c) == 2 && isupper((unsigned char)c[0]) &&
		      isupper((unsigned char)c[1]))) {
			fprintf(stderr,
				"# makers.tsv:%u: %s: bad country '%s'\n",
				mk->lineno[i], mk->col[i][0], c);
			bad++;
		}
	}
	fprintf(stderr,
		"# %d makers, %d without a country (each with a "
		"reason)\n",
		mk->nrows, dash);
	assert_int_equal(bad, 0);
	table_free(mk);
}

/* Canonical maker a rule's literal manufacturer value resolves to; false
 * when the value is a capture template or names no maker. */
static bool
rule_maker(const char *tmpl, struct cs_maker_info *mi)
{
	if (strchr(tmpl, '$') != NULL)
		return false;
	return cs_fpdb_maker_info(db, tmpl, mi) == 0;
}

/* (a) Surveillance makers named by specific (non-table) rule evidence. */
static void
test_surveillance_makers_by_rule(void **state)
{
	static char seen[FP_MAX_BRANDS][64];
	size_t nseen = 0, nrules = 0;

	(void)state;
	for (size_t i = 0; i < db->nrules; i++) {
		const struct fp_rule *r = &db->rules[i];

		if (r->lookup) /* brand-table lookup: not specific evidence */
			continue;
		for (size_t k = 0; k < r->nsets; k++) {
			const struct fp_set *st = &r->sets[k];
			double w = st->weight < 0 ? r->weight : st->weight;
			struct cs_maker_info mi;
			bool dup = false;

			if (st->field != FP_F_MANUFACTURER || w < 0.4)
				continue;
			if (!rule_maker(st->tmpl, &mi) || !mi.cctv)
				continue;
			nrules++;
			for (size_t j = 0; j < nseen && !dup; j++)
				dup = strcmp(seen[j], mi.name) == 0;
			if (!dup && nseen < FP_MAX_BRANDS)
				cs_strlcpy(seen[nseen++], mi.name,
					   sizeof(seen[0]));
		}
	}
	fprintf(stderr,
		"# %zu surveillance makers named by %zu specific rule "
		"claims\n",
		nseen, nrules);
	if (getenv("CS_LIST_MAKERS") != NULL)
		for (size_t j = 0; j < nseen; j++)
			fprintf(stderr, "#   %s\n", seen[j]);
	assert_true(nseen >= 142);
}

/* The maker a rule's own literal manufacturer claim names, or "". */
static const char *
claimed_maker(const struct fp_rule *r, struct cs_maker_info *mi)
{
	for (size_t k = 0; k < r->nsets; k++)
		if (r->sets[k].field == FP_F_MANUFACTURER &&
		    rule_maker(r->sets[k].tmpl, mi))
			return mi->name;
	return "";
}

static bool
share_key(const struct fp_rule *a, const struct fp_rule *b)
{
	for (size_t i = 0; i < a->nkeys; i++)
		for (size_t j = 0; j < b->nkeys; j++)
			if (strcmp(a->keys[i], b->keys[j]) == 0)
				return true;
	return false;
}

/*
 * Near misses across files: no long-tail rule may fire on an example
 * (positive or negative) of a rule in another file that reads the same
 * key, unless both name the same maker.  The other files' examples are
 * real-looking values of other makers' devices and decoys, so a hit
 * here is a false attribution waiting to happen.
 */
static void
test_longtail_rules_spare_other_examples(void **state)
{
	pcre2_match_data *md = pcre2_match_data_create(10, NULL);
	pcre2_match_context *mc = cs_fp_mcontext_new();
	size_t nlong = 0, checked = 0, bad = 0;

	(void)state;
	assert_non_null(md);
	assert_non_null(mc);
	for (size_t i = 0; i < db->nrules; i++) {
		const struct fp_rule *r = &db->rules[i];
		struct cs_maker_info mr;
		const char *rm;

		if (strncmp(r->file, "longtail-", 9) != 0)
			continue;
		nlong++;
		rm = claimed_maker(r, &mr);
		for (size_t j = 0; j < db->nrules; j++) {
			const struct fp_rule *q = &db->rules[j];
			struct cs_maker_info mq;

			if (strncmp(q->file, "longtail-", 9) == 0 ||
			    !share_key(r, q))
				continue;
			for (size_t e = 0; e < q->nex; e++) {
				struct fp_assign as[FP_MAX_ASSIGN];
				bool hit = false, lim = false;

				checked++;
				(void)cs_fp_rule_apply(
				    db, r, q->ex[e].p, q->ex[e].n, md, mc, as,
				    FP_MAX_ASSIGN, &hit, &lim);
				if (!hit)
					continue;
				/* Same maker: not a false attribution, even on
				   a near miss of the other rule (a Bosch camera
				   is a near miss of the Bosch panel rule). */
				if (*rm != 0 &&
				    strcmp(rm, claimed_maker(q, &mq)) == 0)
					continue;
				fprintf(stderr,
					"# %s (%s) fires on %s:%u example of "
					"%s\n",
					r->id, r->file, q->file, q->ex[e].line,
					q->id);
				bad++;
			}
		}
	}
	fprintf(stderr,
		"# %zu long-tail rules against %zu examples of other "
		"files\n",
		nlong, checked);
	pcre2_match_context_free(mc);
	pcre2_match_data_free(md);
	assert_true(nlong >= 70);
	assert_true(checked > 1000);
	assert_int_equal(bad, 0);
}

/* Identify through the key index: a rule is found under each key it
 * reads (also a key listed twice), ports still filter, unknown keys find
 * nothing, and cs_fpdb_add_mem re-indexes. */
static const char *
maker_of(const struct cs_fpdb *d, const char *key, uint16_t port,
	 const char *val, struct cs_identity *id)
{
	struct cs_obs_list l;

	cs_obs_list_init(&l);
	assert_int_equal(cs_obs_adds(&l, key, port, val), 0);
	cs_fp_identify(d, &l, id);
	cs_obs_list_free(&l);
	return id->manufacturer;
}

static void
test_key_index(void **state)
{
	static const char rules[] =
	    "rule a\n on http.title rtsp.server http.title\n match ^alpha\n set "
	    "manufacturer=Acme\n"
	    " weight 0.9\n source t\n example \"alpha\"\n example! \"beta\"\n"
	    "rule b\n on rtsp.server\n port 81\n match ^beta\n set manufacturer=Bco\n"
	    " weight 0.9\n source t\n example \"beta\"\n example! \"alpha\"\n";
	static const char more[] =
	    "rule c\n on sip.server\n match ^gamma\n set manufacturer=Cco\n"
	    " weight 0.9\n source t\n example \"gamma\"\n example! \"alpha\"\n";
	struct cs_identity *id = calloc(1, sizeof(*id));
	char err[256];
	struct cs_fpdb *d =
	    cs_fpdb_load_mem("t.fp", (const uint8_t *)rules, sizeof(rules) - 1,
			     err, sizeof(err));

	(void)state;
	assert_non_null(id);
	assert_non_null(d);
	assert_string_equal(maker_of(d, "http.title", 80, "alpha", id), "Acme");
	assert_string_equal(maker_of(d, "rtsp.server", 80, "alpha", id), "Acme");
	assert_string_equal(maker_of(d, "rtsp.server", 81, "beta", id), "Bco");
	assert_string_equal(maker_of(d, "rtsp.server", 80, "beta", id), "");
	assert_string_equal(maker_of(d, "http.title", 81, "beta", id), "");
	assert_string_equal(maker_of(d, "sip.server", 80, "gamma", id), "");
	assert_string_equal(maker_of(d, "k.on", 80, "alpha", id), "");
	assert_int_equal(cs_fpdb_add_mem(d, "u.fp", (const uint8_t *)more,
					 sizeof(more) - 1, err, sizeof(err)),
			 0);
	assert_string_equal(maker_of(d, "sip.server", 80, "gamma", id), "Cco");
	assert_string_equal(maker_of(d, "http.title", 80, "alpha", id), "Acme");
	cs_fpdb_free(d);
	free(id);
}

/* The maker a brand resolves to for a model, "" when the brand is unknown. */
static const char *
line_maker(const char *brand, const char *model, struct cs_brand_info *bi)
{
	memset(bi, 0, sizeof(*bi));
	if (cs_fpdb_brand_info(db, brand, model, bi) != 0)
		return "";
	return bi->maker;
}

/*
 * Round 2 of the long tail: the product-line relations added to oem.tsv
 * (Swann and Lorex DVRs on Ray Sharp firmware per the 2013 Rapid7
 * analysis, Swann's Baichuan-firmware NVRs, Foscam's FI98 line on
 * Shenzhen Reecam's OUI, KGuard and Revo America) and the class-only or
 * intercom evidence of longtail-prc2.fp and longtail-banners.fp, as
 * identify applies them.
 */
static void
test_round2_relations_and_classes(void **state)
{
	struct cs_brand_info bi, rel[16];
	struct cs_identity *id = calloc(1, sizeof(*id));
	size_t n;
	bool lorex_rs = false;

	(void)state;
	assert_non_null(id);
	assert_string_equal(line_maker("Swann", "DVR16-4200", &bi), "Raysharp");
	assert_non_null(strstr(bi.line, "Ray Sharp"));
	assert_string_equal(line_maker("Swann", "NVR-7400", &bi), "Reolink");
	assert_string_equal(line_maker("Swann", "SWDVK-845804WL", &bi),
			    "Raysharp");
	assert_string_equal(line_maker("Foscam", "FI9803P", &bi), "ReeCam");
	assert_string_equal(line_maker("Foscam", "C1", &bi), "Foscam");
	assert_string_equal(line_maker("KGuard", NULL, &bi), "Raysharp");
	assert_string_equal(line_maker("Revo America", NULL, &bi), "IDIS");
	n = cs_fpdb_brand_relations(db, "Lorex", rel, 16);
	for (size_t i = 0; i < n && i < 16; i++)
		if (strcmp(rel[i].maker, "Raysharp") == 0 &&
		    strcmp(rel[i].to, "2018") == 0)
			lorex_rs = true;
	assert_true(lorex_rs);

	/* A Dahua door station's SIP agent: an intercom, not a camera. */
	assert_string_equal(
	    maker_of(db, "sip.server", 5060, "Dahua UAC/3.0", id), "Dahua");
	assert_int_equal(id->device_class, CS_CLASS_INTERCOM);
	assert_false(id->surveillance);
	/* The shared Hi3510 firmware realm: a camera, but no maker named. */
	assert_string_equal(maker_of(db, "http.realm", 80, "hi3510", id), "");
	assert_int_equal(id->device_class, CS_CLASS_CAMERA);
	assert_true(id->surveillance);
	/* Meari's ppstrong firmware inside a Tuya-sold camera. */
	assert_string_equal(
	    maker_of(db, "onvif.firmware", 80,
		     "ppstrong-c51-tuya2_laxihub-2.9.7.20201028", id),
	    "Meari");
	assert_int_equal(id->device_class, CS_CLASS_CAMERA);
	/* Bare "Costar" names nobody; a CohuHD model names Costar. */
	assert_string_equal(maker_of(db, "onvif.model", 80, "Costar 3960", id),
			    "");
	assert_string_equal(
	    maker_of(db, "onvif.model", 80, "Cohu iVIEW 3950", id),
	    "Costar Technologies");
	free(id);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_references_catch_dangling),
	    cmocka_unit_test(test_references_resolve),
	    cmocka_unit_test(test_maker_countries),
	    cmocka_unit_test(test_surveillance_makers_by_rule),
	    cmocka_unit_test(test_longtail_rules_spare_other_examples),
	    cmocka_unit_test(test_key_index),
	    cmocka_unit_test(test_round2_relations_and_classes),
	};

	cmocka_set_message_output(CM_OUTPUT_TAP);
	return cmocka_run_group_tests(tests, setup, teardown);
}
