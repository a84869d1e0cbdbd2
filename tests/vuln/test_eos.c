/* SPDX-License-Identifier: ISC */
/*
 * Issue #18 part 3: end of support as cited data (the eos lines of the
 * .vuln files: a row without a source is refused, malformed rows give
 * file:line messages, the date a unit is past support is computed from
 * the period written), the firmware age from the build date each maker's
 * form carries (unknown without one), and the verdict over the shipped
 * table: decommission when past support, whatever the maker, with the row
 * and its source.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "vuln/fwver.h"
#include "vuln/vuln.h"
#include "shipped.h"
#include "core/poison.h"

#define SRC "source s https://example.org/eol\n"
#define ROW "eos maker=Acme models=AC-1 "

/* ---- the loader ---------------------------------------------------- */

static const struct {
	const char *text;
	const char *err; /* NULL: loads */
	uint32_t since;  /* when it loads */
} load_cases[] = {
    {SRC ROW "ended=2019 conf=medium src=s\n", NULL, 20200101},
    {SRC ROW "ended=2019-03 conf=high src=s\n", NULL, 20190401},
    {SRC ROW "ended=2019-12 conf=high src=s\n", NULL, 20200101},
    {SRC ROW "ended=2019-03-05 conf=high src=s\n", NULL, 20190305},
    {SRC ROW "ended=unknown stated=2022-03-25 conf=high src=s\n", NULL,
     20220325},
    {SRC ROW "ended=unknown conf=low src=s\n", NULL, 0},
    /* a source's statement earlier than the period written wins */
    {SRC ROW "ended=2019 stated=2018-06-01 conf=high src=s\n", NULL, 20180601},
    {SRC ROW "ended=2018-02 stated=2019-01-01 conf=high src=s\n", NULL,
     20180301},
    {SRC ROW "ended=2019 conf=high note=\"around 2019\" src=s\n", NULL,
     20200101},
    /* every row names its source: a row without one is refused */
    {SRC ROW "ended=2019 conf=medium\n", "t.vuln:2: eos: missing src=", 0},
    {SRC ROW "ended=2019 conf=medium src=nope\n",
     "t.vuln:2: src: unknown source tag \"nope\"", 0},
    {ROW "ended=2019 conf=medium src=s\n",
     "t.vuln:1: src: unknown source tag \"s\"", 0},
    /* malformed rows, with their line */
    {SRC ROW "conf=medium src=s\n", "t.vuln:2: eos: missing ended=", 0},
    {SRC ROW "ended=soon conf=medium src=s\n",
     "t.vuln:2: eos: ended: want YYYY", 0},
    {SRC ROW "ended=2019-02-30 conf=medium src=s\n",
     "t.vuln:2: eos: ended: want YYYY", 0},
    {SRC ROW "ended=2019 stated=2019 conf=medium src=s\n",
     "t.vuln:2: eos: stated: want a date YYYY-MM-DD", 0},
    {SRC ROW "ended=2019 conf=sure src=s\n",
     "t.vuln:2: eos: conf: want high, medium or low", 0},
    {SRC ROW "ended=2019 conf=high src=s colour=red\n",
     "t.vuln:2: eos: unknown key \"colour\"", 0},
    {SRC "eos models=AC-1 ended=2019 conf=high src=s\n",
     "t.vuln:2: eos: missing maker=", 0},
    {SRC "eos maker=Acme ended=2019 conf=high src=s\n",
     "t.vuln:2: eos: missing models=", 0},
    {SRC ROW "ended=\"2019 conf=high src=s\n",
     "t.vuln:2: ended: unterminated quote", 0},
    {SRC "vuln CVE-2099-0001\n  title T\n  cvss 9.8 src=s\n"
	 "  affects lineage=Acme models=AC-1 versions=all conf=high src=s\n"
	 "  " ROW "ended=2019 conf=high src=s\n",
     "t.vuln:6: eos: inside a vuln block", 0},
};

static void
test_eos_load(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(load_cases) / sizeof(load_cases[0]);
	     i++) {
		char err[512] = "";
		const char *t = load_cases[i].text;
		struct cs_vulndb *db = cs_vulndb_load_mem(
		    "t.vuln", (const uint8_t *)t, strlen(t), err, sizeof(err));

		if (load_cases[i].err == NULL) {
			const struct cs_eos *e;

			if (db == NULL)
				fail_msg("case %zu: %s", i, err);
			assert_int_equal(cs_vulndb_eos_count(db), 1);
			e = cs_vulndb_eos_get(db, 0);
			if (e->since != load_cases[i].since)
				fail_msg("case %zu: since %u, want %u", i,
					 (unsigned)e->since,
					 (unsigned)load_cases[i].since);
			assert_string_equal(e->sources,
					    "https://example.org/eol");
			assert_int_equal(e->line_no, 2);
			assert_null(cs_vulndb_eos_get(db, 1));
			cs_vulndb_free(db);
			continue;
		}
		if (db != NULL)
			fail_msg("case %zu loaded, want \"%s\"", i,
				 load_cases[i].err);
		if (strstr(err, load_cases[i].err) == NULL)
			fail_msg("case %zu: \"%s\", want \"%s\"", i, err,
				 load_cases[i].err);
	}
}

/* ---- firmware age -------------------------------------------------- */

static const struct {
	const char *fw, *hint;
	uint32_t as_of;
	int rc;
	int64_t days;
	bool inferred;
} age_cases[] = {
    {"V5.5.800 build 210628", "Hikvision", 20261207, 0, 1988, false},
    {"V5.5.800 build 210628", NULL, 20210628, 0, 0, false},
    {"V5.5.800 build 210628", NULL, 20210629, 0, 1, false},
    {"V5.6.2build 190701", NULL, 20200701, 0, 366, false}, /* 2020 leap */
    {"V4.30.210 Build201224", NULL, 20210101, 0, 8, false},
    {"IPC_G3_EN_STD_5.5.160_210416", NULL, 20220416, 0, 365, false},
    {"5.2.3 build 220725", "Hikvision", 20220726, 0, 1, false},
    {"V5.5.800 build 200228", NULL, 20200301, 0, 2, false},
    {"V5.5.800 build 190228", NULL, 20190301, 0, 1, false},
    {"2.800.0000016.0.R, Build Date: 2021-06-28", "Dahua", 20220628, 0, 365,
     false},
    {"2.800.0000000.6.R.200314", NULL, 20200315, 0, 1, false},
    {"3.140.0000000.10.R,build:2024-01-16", "Dahua", 20240216, 0, 31, false},
    /* Hanwha: the layout itself is an inference (exposure.md §2.5) */
    {"2.10.02_20220401_R441", "Hanwha", 20230401, 0, 365, true},
    {"3.1.0_Build_250820_Rel.57668n", NULL, 20250920, 0, 31, false},
    /* dates read by inference (Reolink YYMMDDNN, Uniview last part) */
    {"v3.0.0.136_20121102", "Reolink", 20201212, 0, 1, true},
    {"DIPC-B1216.4.11.210315", "Uniview", 20210415, 0, 31, true},
    /* no build date: the age is unknown */
    {"6.3.40", NULL, 20260101, CS_ENOTFOUND, 0, false},
    {"10.12.206", "Axis", 20260101, CS_ENOTFOUND, 0, false},
    {"FullImg-1023-1007-1011-1009", "Avtech", 20260101, CS_ENOTFOUND, 0, false},
    {"V5.5.800", "Hikvision", 20260101, CS_ENOTFOUND, 0, false},
    {"not a version at all", NULL, 20260101, CS_ENOTFOUND, 0, false},
    /* a build after the date, a build or a date off the calendar */
    {"V5.5.800 build 210628", NULL, 20210627, CS_EINVAL, 0, false},
    {"V5.5.800 build 210231", NULL, 20260101, CS_EINVAL, 0, false},
    {"V5.5.800 build 210628", NULL, 20230229, CS_EINVAL, 0, false},
    {"V5.5.800 build 210628", NULL, 0, CS_EINVAL, 0, false},
};

static void
test_age(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(age_cases) / sizeof(age_cases[0]); i++) {
		struct cs_fwver v;
		int64_t days = -1;
		int rc;

		(void)cs_fwver_parse((const uint8_t *)age_cases[i].fw,
				     strlen(age_cases[i].fw), age_cases[i].hint,
				     &v);
		rc = cs_fwver_age(&v, age_cases[i].as_of, &days);
		if (rc != age_cases[i].rc || days != age_cases[i].days)
			fail_msg("case %zu (%s): rc %d days %lld, want %d %lld",
				 i, age_cases[i].fw, rc, (long long)days,
				 age_cases[i].rc, (long long)age_cases[i].days);
		if (rc == 0 && v.date_inferred != age_cases[i].inferred)
			fail_msg("case %zu (%s): inferred %d", i,
				 age_cases[i].fw, v.date_inferred);
	}
}

static void
test_ymd(void **state)
{
	(void)state;
	assert_true(cs_ymd_ok(20240229));
	assert_true(cs_ymd_ok(20000229));
	assert_false(cs_ymd_ok(19000229));
	assert_false(cs_ymd_ok(20230229));
	assert_false(cs_ymd_ok(20230431));
	assert_false(cs_ymd_ok(20231300));
	assert_false(cs_ymd_ok(0));
	assert_int_equal(cs_ymd_days(19700101), 0);
	assert_int_equal(cs_ymd_days(19691231), -1);
	assert_int_equal(cs_ymd_days(20000301) - cs_ymd_days(20000228), 2);
	assert_int_equal(cs_ymd_days(21000301) - cs_ymd_days(21000228), 1);
}

/* ---- the verdict over the shipped table ---------------------------- */

static const struct {
	const char *maker, *brand, *model, *firmware;
	uint32_t as_of;
	const char *row; /* the row's maker, NULL: no row */
	bool past;
	int64_t age; /* -1 unknown */
} assess_cases[] = {
    {"Avtech", NULL, "AVM1203", "FullImg-1023-1007-1011-1009", 20261207,
     "Avtech", true, -1},
    /* ended "around 2019": past from the first day after the year */
    {"Avtech", NULL, "AVM1203", NULL, 20191231, "Avtech", false, -1},
    {"Avtech", NULL, "AVM1203", NULL, 20200101, "Avtech", true, -1},
    /* the badge matches too; the row's maker decides, not the policy */
    {"Acme", "AVTECH", "AVM1203", NULL, 20261207, "Avtech", true, -1},
    {"Hikvision", NULL, "AVM1203", NULL, 20261207, NULL, false, -1},
    {"Avtech", NULL, "AVC787", NULL, 20261207, NULL, false, -1},
    {"D-Link", NULL, "DCS-930L", "2.16.01", 20220324, "D-Link", false, -1},
    {"D-Link", NULL, "DCS-930L", "2.16.01", 20220325, "D-Link", true, -1},
    {"Nuuo", NULL, "NVRmini2", "3.11.0", 20241218, "Nuuo", true, -1},
    {"Nuuo", NULL, "NVRsolo", NULL, 20241217, "Nuuo", false, -1},
    /* in both GeoVision lists: the earlier statement wins */
    {"GeoVision", NULL, "GVLX 4 V2", NULL, 20240801, "GeoVision", true, -1},
    {"GeoVision", NULL, "GV-VS12", NULL, 20240801, "GeoVision", false, -1},
    {"GeoVision", NULL, "GV-VS12", NULL, 20241115, "GeoVision", true, -1},
    {"Digiever", NULL, "DS-2105 Pro", "3.1.0.71-11", 20250203, "Digiever", true,
     -1},
    /* no date in any source: past at any date */
    {"Edimax", NULL, "IC-7100", NULL, 20000101, "Edimax", true, -1},
    {"PTZOptics", NULL, "PT20X-NDI-G2", "6.2.0", 20240101, "PTZOptics", true,
     -1},
    {"PTZOptics", NULL, "PT30X-NDI", "6.3.40", 20260101, NULL, false, -1},
    /* no row, but the firmware's age */
    {"Hikvision", NULL, "DS-2CD2142FWD-IS", "V5.5.800 build 210628", 20261207,
     NULL, false, 1988},
    {"Dahua", NULL, "IPC-HFW2228M", "2.800.0000016.0.R, Build Date: 2021-06-28",
     20220628, NULL, false, 365},
    {"Hikvision", NULL, NULL, "V5.5.800 build 210628", 20210627, NULL, false,
     -1},
    {NULL, NULL, NULL, NULL, 20261207, NULL, false, -1},
};

static void
test_assess(void **state)
{
	struct cs_vulndb *db = shipped();

	(void)state;
	assert_true(cs_vulndb_eos_count(db) >= 8);
	for (size_t i = 0; i < sizeof(assess_cases) / sizeof(assess_cases[0]);
	     i++) {
		struct cs_vuln_unit u = {
		    assess_cases[i].maker, assess_cases[i].brand,
		    assess_cases[i].model, assess_cases[i].firmware, NULL};
		struct cs_eos_verdict v;

		assert_int_equal(
		    cs_eos_assess(db, &u, assess_cases[i].as_of, &v), 0);
		if ((v.row == NULL) != (assess_cases[i].row == NULL) ||
		    (v.row != NULL &&
		     strcmp(v.row->maker, assess_cases[i].row) != 0))
			fail_msg("case %zu: row %s, want %s: %s", i,
				 v.row ? v.row->maker : "none",
				 assess_cases[i].row ? assess_cases[i].row
						     : "none",
				 v.why);
		if (v.past != assess_cases[i].past)
			fail_msg("case %zu: past %d: %s", i, v.past, v.why);
		if (v.dated != (assess_cases[i].age >= 0) ||
		    (v.dated && v.age_days != assess_cases[i].age))
			fail_msg("case %zu: age %lld (dated %d): %s", i,
				 (long long)v.age_days, v.dated, v.why);
		/* the why names the row and the age, or says none */
		if (v.row != NULL && (strstr(v.why, v.row->file) == NULL ||
				      strncmp(v.row->sources, "http", 4) != 0))
			fail_msg("case %zu: why %s", i, v.why);
		if (v.row == NULL &&
		    strstr(v.why, "no end-of-support row") == NULL)
			fail_msg("case %zu: why %s", i, v.why);
		if (strstr(v.why, v.dated ? "days old" : "unknown") == NULL)
			fail_msg("case %zu: why %s", i, v.why);
	}
	{
		struct cs_vuln_unit u = {"Avtech", NULL, "AVM1203", NULL, NULL};
		struct cs_eos_verdict v;

		assert_int_equal(cs_eos_assess(db, &u, 20230229, &v),
				 CS_EINVAL);
		assert_null(v.row);
		assert_false(v.past);
	}
	cs_vulndb_free(db);
}

/* Every shipped row names a source URL and a confidence. */
static void
test_shipped_sources(void **state)
{
	struct cs_vulndb *db = shipped();

	(void)state;
	for (size_t i = 0; i < cs_vulndb_eos_count(db); i++) {
		const struct cs_eos *e = cs_vulndb_eos_get(db, i);

		if (strncmp(e->sources, "https://", 8) != 0)
			fail_msg("%s:%u: no source", e->file, e->line_no);
		assert_true(e->conf[0] != '\0' && e->maker[0] != '\0' &&
			    e->models[0] != '\0' && e->ended[0] != '\0');
	}
	cs_vulndb_free(db);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_eos_load),
	    cmocka_unit_test(test_age),
	    cmocka_unit_test(test_ymd),
	    cmocka_unit_test(test_assess),
	    cmocka_unit_test(test_shipped_sources),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
