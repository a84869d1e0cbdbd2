/* SPDX-License-Identifier: ISC */
/*
 * The procurement check: buyer inputs -> expected brand, true maker and
 * country, including the traps ("Costar" alone is ambiguous, "Hangzhou" is
 * nothing, "Ubuntu LTS server" is not LTS, a post-2022 Lorex says the Dahua
 * relation ended).  Also the model-table format and pattern matcher.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "fp/fp.h"
#include "oui/models.h"
#include "core/poison.h"

static struct cs_models *models;
static struct cs_fpdb *fpdb;

static int
resolve(void *ctx, const char *name, char *brand, size_t bsz, char *maker,
	size_t msz)
{
	return cs_fpdb_lookup_brand(ctx, name, brand, bsz, maker, msz, NULL);
}

static int
setup(void **state)
{
	const char *src = getenv("CS_SRCDIR");
	char p[4096], q[4096], err[512] = "";

	(void)state;
	if (src == NULL)
		src = ".";
	snprintf(p, sizeof(p), "%s/data/entities/models.tsv", src);
	models = cs_models_load(p, err, sizeof(err));
	if (models == NULL) {
		fprintf(stderr, "%s\n", err);
		return -1;
	}
	snprintf(p, sizeof(p), "%s/data/fingerprints", src);
	snprintf(q, sizeof(q), "%s/data/entities", src);
	fpdb = cs_fpdb_load(p, q, err, sizeof(err));
	if (fpdb == NULL)
		fprintf(stderr, "# fpdb not loaded (%s)\n", err);
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	cs_models_free(models);
	cs_fpdb_free(fpdb);
	return 0;
}

static void
test_patterns(void **state)
{
	(void)state;
	assert_true(cs_models_pattern_match("DS-2CD", "ds-2cd2385g1-i") > 0);
	assert_int_equal(cs_models_pattern_match("DS-2CD", "DS-2C"), 0);
	assert_true(cs_models_pattern_match("LNB#", "LNB4421") > 0);
	assert_int_equal(cs_models_pattern_match("LNB#", "LNBX"), 0);
	assert_true(cs_models_pattern_match("IPC-@###H", "IPC-B140H") > 0);
	assert_int_equal(cs_models_pattern_match("IPC-@###H", "IPC-HDW1431"),
			 0);
	assert_true(cs_models_pattern_match("C#$", "C6") > 0);
	assert_int_equal(cs_models_pattern_match("C#$", "C6N"), 0);
	assert_true(cs_models_pattern_match("*C-H#A", "2.0C-H5A-B1") > 0);
	assert_true(cs_models_pattern_match("?#", "x1") > 0);
}

static void
test_table_format(void **state)
{
	static const char *const bad[] = {
	    "DS-\tHikvision\tHikvision\tline\tno\town\t-\thigh\n",
	    "DS-\tHikvision\tHikvision\tline\tmaybe\town\t-\thigh\ts\n",
	    "DS-\tHikvision\tHikvision\tline\tno\tfriend\t-\thigh\ts\n",
	    "DS-\tHikvision\tHikvision\tline\tno\town\t-\tsure\ts\n",
	    "DS-\tHikvision\tHikvision\tline\tno\town\t-\thigh\t-\n",
	};
	size_t i;
	char err[256];
	struct cs_models *m;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		err[0] = '\0';
		m = cs_models_load_mem("t", (const uint8_t *)bad[i],
				       strlen(bad[i]), err, sizeof(err));
		assert_null(m);
		assert_true(strncmp(err, "t:1:", 4) == 0);
	}
	/* Every row of the shipped table has a source. */
	for (i = 0; i < cs_models_count(models); i++) {
		const struct cs_model_row *r = cs_models_row(models, i);

		if (r->source[0] == '\0')
			fail_msg("models.tsv:%u: no source", r->line_no);
	}
	assert_true(cs_models_count(models) > 150);
}

struct want {
	const char *in;
	enum cs_lookup_status st;
	const char *brand, *maker, *country, *until;
};

static const struct want cases[] = {
    {"LTS CMIP3042W-28M", CS_LOOKUP_MODEL, "LTS", "Hikvision", "CN", ""},
    {"Amcrest IP4M-1041B", CS_LOOKUP_MODEL, "Amcrest", "Dahua", "CN", ""},
    {"hikvision ds-2cd2385g1-i", CS_LOOKUP_MODEL, "Hikvision", "Hikvision",
     "CN", ""},
    {"Lorex LNB4421", CS_LOOKUP_MODEL, "Lorex", "Dahua", "CN", ""},
    {"Honeywell HEPZ302W0", CS_LOOKUP_MODEL, "Honeywell", "Hikvision", "CN",
     ""},
    {"EZVIZ C6N", CS_LOOKUP_MODEL, "EZVIZ", "Hikvision", "CN", ""},
    {"Axis M3045-V", CS_LOOKUP_MODEL, "Axis", "Axis", "SE", ""},
    {"Annke C800", CS_LOOKUP_MODEL, "Annke", "Hikvision", "CN", ""},
    {"just a model: DS-7608NI-K2", CS_LOOKUP_MODEL, "Hikvision", "Hikvision",
     "CN", ""},
    {"DS-7608NI-K2", CS_LOOKUP_MODEL, "Hikvision", "Hikvision", "CN", ""},
    {"IPC-HDW1431T1-S4", CS_LOOKUP_MODEL, "Dahua", "Dahua", "CN", ""},
    {"Loryta IPC-T5442TM-AS", CS_LOOKUP_MODEL, "Loryta", "Dahua", "CN", ""},
    {"EmpireTech IPC-T5442TM-AS", CS_LOOKUP_MODEL, "EmpireTech", "Dahua", "CN",
     ""},
    {"HiLook IPC-B140H", CS_LOOKUP_MODEL, "HiLook", "Hikvision", "CN", ""},
    {"IPC-B140H", CS_LOOKUP_MODEL, "HiLook", "Hikvision", "CN", ""},
    {"Uniview IPC2122LB-SF28-A", CS_LOOKUP_MODEL, "Uniview", "Uniview", "CN",
     ""},
    {"Hanwha XNV-6080R", CS_LOOKUP_MODEL, "Hanwha Vision", "Hanwha Vision",
     "KR", ""},
    {"Bosch NDE-3502-AL", CS_LOOKUP_MODEL, "Bosch", "Bosch", "DE", ""},
    {"Reolink RLC-810A", CS_LOOKUP_MODEL, "Reolink", "Reolink", NULL, ""},
    {"Imou IPC-A22EP", CS_LOOKUP_MODEL, "Imou", "Dahua", "CN", ""},
    {"Milesight MS-C2963-PB", CS_LOOKUP_MODEL, "Milesight", "Milesight", "CN",
     ""},
    {"Lorex N4K4-84BB", CS_LOOKUP_MODEL, "Lorex", "Dahua", "CN", "2022-11-24"},
    {"Lorex", CS_LOOKUP_BRAND, "Lorex", "Dahua", "CN", NULL},
    {"LTS", CS_LOOKUP_BRAND, "LTS", "Hikvision", "CN", NULL},
    {"Costar", CS_LOOKUP_AMBIGUOUS, NULL, "", NULL, NULL},
    {"Hangzhou", CS_LOOKUP_NONE, "", "", NULL, NULL},
    {"Ubuntu LTS server", CS_LOOKUP_NONE, "", "", NULL, NULL},
    {"ubuntu 22.04 LTS", CS_LOOKUP_NONE, "", "", NULL, NULL},
    {"", CS_LOOKUP_NONE, "", "", NULL, NULL},
};

static void
test_queries(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const struct want *w = &cases[i];
		struct cs_lookup_result r;

		cs_lookup_query(models, w->in, fpdb ? resolve : NULL, fpdb, &r);
		if (r.status != w->st)
			fail_msg("'%s': status %d, want %d", w->in, r.status,
				 w->st);
		if (w->brand != NULL && strcmp(r.brand, w->brand) != 0)
			fail_msg("'%s': brand '%s', want '%s'", w->in, r.brand,
				 w->brand);
		if (w->maker != NULL && strcmp(r.maker, w->maker) != 0)
			fail_msg("'%s': maker '%s', want '%s'", w->in, r.maker,
				 w->maker);
		if (w->until != NULL && strcmp(r.until, w->until) != 0)
			fail_msg("'%s': until '%s', want '%s'", w->in, r.until,
				 w->until);
		if (w->until != NULL && w->until[0] != '\0' &&
		    strstr(r.note, w->until) == NULL)
			fail_msg("'%s': note '%s' lacks the date", w->in,
				 r.note);
		if (w->st != CS_LOOKUP_NONE && r.source[0] == '\0' &&
		    w->st != CS_LOOKUP_BRAND)
			fail_msg("'%s': no source", w->in);
		if (w->country != NULL && fpdb != NULL && r.maker[0] != '\0') {
			struct cs_maker_info mi;

			if (cs_fpdb_maker_info(fpdb, r.maker, &mi) != 0 ||
			    strcmp(mi.country, w->country) != 0)
				fail_msg("'%s': country of %s not %s", w->in,
					 r.maker, w->country);
		}
	}
	/* A brand/model conflict is reported, with reduced confidence. */
	{
		struct cs_lookup_result r;

		cs_lookup_query(models, "Axis DS-2CD2385G1-I",
				fpdb ? resolve : NULL, fpdb, &r);
		assert_string_equal(r.maker, "Hikvision");
		assert_non_null(strstr(r.note, "conflict"));
		assert_true(r.confidence < 0.5);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_patterns),
	    cmocka_unit_test(test_table_format),
	    cmocka_unit_test(test_queries),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
