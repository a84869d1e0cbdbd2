/* SPDX-License-Identifier: ISC */
/*
 * Issue #18 parts 1 and 2: firmware version forms (parsing and ordering,
 * table-driven, unparseable input included), the .vuln loader (a row
 * without a source is refused, malformed rows give file:line messages),
 * the shipped data/vulns table (every example a test, the 20 KEV camera
 * entries present with their dates and sources), and matching through the
 * firmware lineage: a white label on its OEM's firmware inherits the OEM's
 * flaws (inferred), a rebadged unit on the badge owner's own firmware does
 * not.
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

/* ---- parsing ------------------------------------------------------- */

static const struct {
	const char *in, *hint;
	enum cs_fw_scheme scheme;
	uint32_t date;
	unsigned nnum;
	uint32_t n0, n1, n2;
	const char *canon; /* NULL: not checked */
} parse_cases[] = {
    /* Hikvision: web/ISAPI, SADP run together, NVR capital B, EZVIZ */
    {"V5.5.800 build 210628", NULL, CS_FW_HIKVISION, 20210628, 3, 5, 5, 800,
     "V5.5.800"},
    {"V5.6.2build 190701", NULL, CS_FW_HIKVISION, 20190701, 3, 5, 6, 2, NULL},
    {"V4.30.210 Build201224", NULL, CS_FW_HIKVISION, 20201224, 3, 4, 30, 210,
     NULL},
    {"5.2.3 build 220725", NULL, CS_FW_HIKVISION, 20220725, 3, 5, 2, 3, NULL},
    {"IPC_G3_EN_STD_5.5.160_210416", NULL, CS_FW_HIKVISION, 20210416, 3, 5, 5,
     160, NULL},
    {"V5.5.800", "Hikvision", CS_FW_HIKVISION, 0, 3, 5, 5, 800, NULL},
    {"V5.5.800 build 211399", NULL, CS_FW_NONE, 0, 0, 0, 0, 0, NULL},
    /* Dahua: discovery, web UI build date, CGI build:, image names,
     * the Amcrest customer code */
    {"2.800.0000000.13.R", NULL, CS_FW_DAHUA, 0, 3, 2, 800, 13,
     "2.800.0000000.13.R"},
    {"V3.140.0000000.4.R, Build Date: 2023-11-22", NULL, CS_FW_DAHUA, 20231122,
     3, 3, 140, 4, NULL},
    {"3.140.0000000.10.R,build:2024-01-16", NULL, CS_FW_DAHUA, 20240116, 3, 3,
     140, 10, NULL},
    {"2.800.0000016.0.R build:2021-06-28", NULL, CS_FW_DAHUA, 20210628, 3, 2,
     800, 0, NULL},
    {"2.623.00AC004.0.R.200316", NULL, CS_FW_DAHUA, 20200316, 3, 2, 623, 0,
     NULL},
    {"2.420.AC00.18.R.20200217", NULL, CS_FW_DAHUA, 20200217, 3, 2, 420, 18,
     NULL},
    {"DH_IPC-HX1X2X-Themis_EngSpnFrn_N_V2.400.0000.30.R.20160803", NULL,
     CS_FW_DAHUA, 20160803, 3, 2, 400, 30, "2.400.0000.30.R"},
    {"FLIR_IPC-HX1X2X-Themis-VMS_Eng_NP_Stream3_V2.622.0000000.31.R.180813",
     NULL, CS_FW_DAHUA, 20180813, 3, 2, 622, 31, NULL},
    /* Axis only when hinted; plain dotted otherwise */
    {"10.12.206", "Axis", CS_FW_AXIS, 0, 3, 10, 12, 206, "10.12.206"},
    {"9.80.3.12", "Axis", CS_FW_AXIS, 0, 4, 9, 80, 3, NULL},
    {"10.12.206", NULL, CS_FW_DOTTED, 0, 3, 10, 12, 206, NULL},
    /* Uniview (D field YYMM; last part YYMMDD) */
    {"IPC_G6103-B0009P30D1803", NULL, CS_FW_UNIVIEW, 20180301, 2, 9, 30, 0,
     NULL},
    {"DIPC-B1216.4.11.210315", NULL, CS_FW_UNIVIEW, 20210315, 4, 1216, 4, 11,
     NULL},
    /* Hanwha, Xiongmai, Reolink, AVTECH, Vivotek, TP-Link */
    {"2.10.02_20220401_R441", NULL, CS_FW_HANWHA, 20220401, 3, 2, 10, 2, NULL},
    {"V5.00.R02.000059A8.10010.040400.0020000", NULL, CS_FW_XIONGMAI, 0, 3, 5,
     0, 2, NULL},
    {"v3.0.0.136_20121102", NULL, CS_FW_REOLINK, 20201211, 4, 3, 0, 0,
     "v3.0.0.136_20121102"},
    {"1.0.227", "Reolink", CS_FW_REOLINK, 0, 3, 1, 0, 227, NULL},
    {"FullImg-1023-1007-1011-1009", NULL, CS_FW_AVTECH, 0, 0, 0, 0, 0,
     "1023-1007-1011-1009"},
    {"1133-1039-1013-1025-0a-0000", NULL, CS_FW_AVTECH, 0, 0, 0, 0, 0, NULL},
    {"IB9381-VVTK-0102a", NULL, CS_FW_VIVOTEK, 0, 1, 102, 0, 0, NULL},
    {"3.1.0_Build_250820_Rel.57668n", NULL, CS_FW_TPLINK, 20250820, 3, 3, 1, 0,
     NULL},
    /* plain dotted: semver, a trailing word, a hyphenated build */
    {"6.3.40", NULL, CS_FW_DOTTED, 0, 3, 6, 3, 40, NULL},
    {"1.06.01 Hotfix", NULL, CS_FW_DOTTED, 0, 3, 1, 6, 1, NULL},
    {"3.1.0.71-11", "Digiever", CS_FW_DOTTED, 0, 5, 3, 1, 0, NULL},
    /* unparseable: no claim may rest on these */
    {"", NULL, CS_FW_NONE, 0, 0, 0, 0, 0, NULL},
    {"   ", NULL, CS_FW_NONE, 0, 0, 0, 0, 0, NULL},
    {"unknown", NULL, CS_FW_NONE, 0, 0, 0, 0, 0, NULL},
    {"ppstrong-c51-tuya2_laxihub-2.9.7.20201028", NULL, CS_FW_NONE, 0, 0, 0, 0,
     0, NULL},
    {"V5.5.800 build 210628 extra", NULL, CS_FW_NONE, 0, 0, 0, 0, 0, NULL},
    {"1.2.3.4.5.6.7", NULL, CS_FW_NONE, 0, 0, 0, 0, 0, NULL},
    {"99999999999.1", NULL, CS_FW_NONE, 0, 0, 0, 0, 0, NULL},
};

static void
test_parse(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(parse_cases) / sizeof(parse_cases[0]);
	     i++) {
		struct cs_fwver v;
		const char *in = parse_cases[i].in;
		int r = cs_fwver_parse((const uint8_t *)in, strlen(in),
				       parse_cases[i].hint, &v);

		if (v.scheme != parse_cases[i].scheme)
			fail_msg("\"%s\": scheme %s, want %s", in,
				 cs_fw_scheme_name(v.scheme),
				 cs_fw_scheme_name(parse_cases[i].scheme));
		assert_int_equal(
		    r, parse_cases[i].scheme == CS_FW_NONE ? CS_EPROTO : 0);
		if (v.date != parse_cases[i].date)
			fail_msg("\"%s\": date %u, want %u", in, v.date,
				 parse_cases[i].date);
		if (v.nnum != parse_cases[i].nnum)
			fail_msg("\"%s\": %u numbers, want %u", in, v.nnum,
				 parse_cases[i].nnum);
		if (v.nnum >= 3 && (v.num[0] != parse_cases[i].n0 ||
				    v.num[1] != parse_cases[i].n1 ||
				    v.num[2] != parse_cases[i].n2))
			fail_msg("\"%s\": numbers %u.%u.%u", in, v.num[0],
				 v.num[1], v.num[2]);
		if (parse_cases[i].canon != NULL)
			assert_string_equal(v.canon, parse_cases[i].canon);
	}
}

/* A too long input does not parse (bounded), nor one with a NUL. */
static void
test_parse_bounds(void **state)
{
	char big[CS_FWVER_MAX_INPUT + 2];
	struct cs_fwver v;
	static const uint8_t nul[] = {'1', '.', '2', 0, '3'};

	(void)state;
	memset(big, '1', sizeof(big));
	big[1] = '.';
	assert_int_equal(
	    cs_fwver_parse((const uint8_t *)big, sizeof(big), NULL, &v),
	    CS_EPROTO);
	assert_int_equal(cs_fwver_parse(nul, sizeof(nul), NULL, &v), CS_EPROTO);
	assert_int_equal(cs_fwver_parse((const uint8_t *)"6.3.40", 6, NULL, &v),
			 0);
	assert_string_equal(cs_fw_scheme_lineage(CS_FW_HIKVISION), "Hikvision");
	assert_null(cs_fw_scheme_lineage(CS_FW_DOTTED));
}

/* ---- ordering ------------------------------------------------------ */

#define X 9 /* not comparable */

static const struct {
	const char *a, *b, *hint;
	int want; /* -1, 0, 1 or X */
} order_cases[] = {
    /* Hikvision: the build date decides, whatever the version says */
    {"V5.5.160 build 210416", "V5.5.800 build 210628", NULL, -1},
    {"V5.7.23 build 251220", "V5.7.23 build 260320", NULL, -1},
    {"V5.5.800 build 210628", "V5.5.800 build 210628", NULL, 0},
    {"V5.6.2build 190701", "V5.6.2 build 190701", NULL, 0},
    {"V5.5.800", "V5.5.800 build 210628", "Hikvision", X},
    {"IPC_G3_EN_STD_5.5.160_210416", "V5.5.800 build 210628", NULL, -1},
    /* Dahua: dates, not the OEM-coded version fields */
    {"2.800.00AC000.0.R.200330", "V2.800.00AC000.0.R, Build Date: 2020-04-02",
     NULL, -1},
    {"2.800.0000000.13.R", "2.800.0000000.6.R.200314", NULL, X},
    /* Axis: numerically within a track only */
    {"10.12.206", "10.12.240", "Axis", -1},
    {"9.80.3.12", "9.80.3.9", "Axis", 1},
    {"11.11.109", "10.12.240", "Axis", X},
    /* dotted: numerically, missing parts are zeros, words must agree */
    {"6.3.34", "6.3.40", NULL, -1},
    {"6.3.40", "6.3.40.0", NULL, 0},
    {"1.10", "1.9", NULL, 1},
    {"1.06.01", "1.06.01 Hotfix", NULL, X},
    {"1.05.05", "1.06.01 Hotfix", NULL, -1},
    /* Reolink numbers; Vivotek within a model */
    {"v2.0.0.1389_18081408", "1.0.227", "Reolink", 1},
    {"IB9381-VVTK-0102a", "IB9381-VVTK-0102b", NULL, -1},
    {"IB9381-VVTK-0102a", "FD8169-VVTK-0103a", NULL, X},
    /* no documented order: only identical strings compare */
    {"FullImg-1023-1007-1011-1009", "1023-1007-1011-1009", NULL, 0},
    {"1011-1005-1008-1002", "1023-1007-1011-1009", NULL, X},
    {"IPC_G6103-B0009P30D1803", "IPC_G6103-B0011P05D1812", NULL, X},
    {"V5.00.R02.000059A8.10010.040400.0020000",
     "V5.00.R02.000529B2.10010.040600.0020000", NULL, X},
    /* different schemes never compare */
    {"V5.5.800 build 210628", "2.800.0000016.0.R.210628", NULL, X},
    {"6.3.40", "V5.5.800 build 210628", NULL, X},
};

static void
test_order(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(order_cases) / sizeof(order_cases[0]);
	     i++) {
		struct cs_fwver a, b;
		int c = 0, r;
		const char *sa = order_cases[i].a, *sb = order_cases[i].b;

		assert_int_equal(cs_fwver_parse((const uint8_t *)sa, strlen(sa),
						order_cases[i].hint, &a),
				 0);
		assert_int_equal(cs_fwver_parse((const uint8_t *)sb, strlen(sb),
						order_cases[i].hint, &b),
				 0);
		r = cs_fwver_cmp(&a, &b, &c);
		if (order_cases[i].want == X) {
			if (r != CS_EINVAL)
				fail_msg("%s vs %s: compared (%d), want not "
					 "comparable",
					 sa, sb, c);
			continue;
		}
		if (r != 0 || c != order_cases[i].want)
			fail_msg("%s vs %s: r=%d c=%d, want %d", sa, sb, r, c,
				 order_cases[i].want);
		/* antisymmetric */
		assert_int_equal(cs_fwver_cmp(&b, &a, &c), 0);
		assert_int_equal(c, -order_cases[i].want);
	}
}

static void
test_in_line(void **state)
{
	struct cs_fwver v;
	const char *s = "2.800.00AC000.0.R.200330";

	(void)state;
	assert_int_equal(
	    cs_fwver_parse((const uint8_t *)s, strlen(s), NULL, &v), 0);
	assert_true(cs_fwver_in_line(&v, "2.800"));
	assert_true(cs_fwver_in_line(&v, "2"));
	assert_false(cs_fwver_in_line(&v, "2.810"));
	assert_false(cs_fwver_in_line(&v, "2.800.0.1"));
	assert_false(cs_fwver_in_line(&v, "x"));
}

/* ---- the loader ---------------------------------------------------- */

#define SRC "source s https://example.org/advisory\n"
#define HEAD SRC "vuln CVE-2099-0001\n  title T\n  cvss 9.8 src=s\n"
#define AFF "  affects lineage=Acme models=AC-1 versions=all conf=high src=s\n"
#define EXA "  example maker=Acme model=AC-1 => product\n"

static const struct {
	const char *text;
	const char *err; /* NULL: loads; else a substring of the message */
} load_cases[] = {
    {HEAD AFF EXA, NULL},
    /* every fact names its source: a row without one is refused */
    {HEAD "  affects lineage=Acme models=AC-1 versions=all conf=high\n" EXA,
     "t.vuln:5: affects: missing src="},
    {SRC "vuln CVE-2099-0001\n  title T\n  cvss 9.8\n" AFF EXA,
     "t.vuln:4: cvss: missing src="},
    {HEAD "  kev added=2024-01-01 due=2024-01-22 action=update\n" AFF EXA,
     "t.vuln:5: kev: missing src="},
    {HEAD "  affects lineage=Acme models=AC-1 versions=all conf=high "
	  "src=nope\n" EXA,
     "t.vuln:5: src: unknown source tag \"nope\""},
    {"source s ftp://example.org/x\n", "t.vuln:1: source s: want an http(s)"},
    {"source s https://a\nsource s https://b\n", "t.vuln:2: source: tag"},
    /* malformed rows, with their line */
    {HEAD "  affects lineage=Acme models=AC-1 conf=high src=s\n" EXA,
     "t.vuln:5: affects: want exactly one of"},
    {HEAD "  affects lineage=Acme models=AC-1 versions=all from=1 "
	  "conf=high src=s\n" EXA,
     "t.vuln:5: affects: want exactly one of"},
    {HEAD "  affects lineage=Acme models=AC-1 versions=some conf=high "
	  "src=s\n" EXA,
     "t.vuln:5: versions: want all or unknown"},
    {HEAD "  affects lineage=Acme models=AC-1 before=garbage conf=high "
	  "src=s\n" EXA,
     "t.vuln:5: before: the version does not parse"},
    {HEAD "  affects lineage=Acme models=AC-1 from=2.0 to=1.0 conf=high "
	  "src=s\n" EXA,
     "t.vuln:5: affects: an empty range"},
    {HEAD "  affects lineage=Avtech models=AV from=1011-1005-1008-1002 "
	  "conf=high src=s\n" EXA,
     "t.vuln:5: affects: a range over versions without a documented order"},
    {HEAD "  affects lineage=Acme models=AC-1 built-before=2021-02-30 "
	  "conf=high src=s\n" EXA,
     "t.vuln:5: built-before: want a date"},
    {HEAD "  affects lineage=Acme models=AC-1 versions=all conf=sure "
	  "src=s\n" EXA,
     "t.vuln:5: affects: conf: want high, medium or low"},
    {HEAD "  affects lineage=Acme models=AC-1 versions=all conf=high "
	  "src=s colour=red\n" EXA,
     "t.vuln:5: affects: unknown key \"colour\""},
    {HEAD "  affects lineage=Acme models=\"AC-1 versions=all\n" EXA,
     "t.vuln:5: models: unterminated quote"},
    {HEAD "  affects models=AC-1 versions=all conf=high src=s\n" EXA,
     "t.vuln:5: affects: missing lineage="},
    {HEAD "  kev added=2024-02-01 due=2024-01-22 action=update src=s\n" AFF EXA,
     "t.vuln:5: kev: due date before the date added"},
    {HEAD "  kev added=2024-01-01 due=2024-01-22 action=patch src=s\n" AFF EXA,
     "t.vuln:5: kev: action: want"},
    {SRC "vuln CVE-2099-0001\n  title T\n  cvss 11.0 src=s\n",
     "t.vuln:4: cvss: want a score"},
    {SRC "vuln CVE-99-1\n", "t.vuln:2: vuln: \"CVE-99-1\" is not a CVE id"},
    {SRC "  title T\n", "t.vuln:2: title: outside a vuln block"},
    {HEAD AFF EXA "  frobnicate x\n", "t.vuln:7: unknown directive"},
    {HEAD AFF EXA "vuln CVE-2099-0001\n", "t.vuln:7: vuln: CVE-2099-0001 "
					  "given twice"},
    {HEAD AFF "  example maker=Acme model=AC-1 => maybe\n",
     "t.vuln:6: example: verdict: want"},
    {HEAD AFF "  example maker=Acme model=AC-1\n", "t.vuln:6: example: want"},
    /* a block is checked whole: its errors name the vuln line */
    {HEAD AFF, "t.vuln:2: CVE-2099-0001: no example"},
    {HEAD EXA, "t.vuln:2: CVE-2099-0001: no affects rule"},
    {SRC "vuln CVE-2099-0001\n  title T\n" AFF EXA,
     "t.vuln:2: CVE-2099-0001: missing cvss"},
    {"source s https://a\n\x01\n", "t.vuln:2: unknown directive"},
};

static void
test_load(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(load_cases) / sizeof(load_cases[0]);
	     i++) {
		char err[512] = "";
		const char *t = load_cases[i].text;
		struct cs_vulndb *db = cs_vulndb_load_mem(
		    "t.vuln", (const uint8_t *)t, strlen(t), err, sizeof(err));

		if (load_cases[i].err == NULL) {
			if (db == NULL)
				fail_msg("case %zu: %s", i, err);
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

/* The sources a fact resolves to are the URLs of its tags. */
static void
test_sources_resolved(void **state)
{
	const char *t = "source a https://a.example/1\n"
			"vuln CVE-2099-0002\n  title T\n"
			"  source b https://b.example/2\n"
			"  cvss 5.0 src=a,b\n"
			"  affects lineage=Acme models=* versions=unknown "
			"conf=low src=b\n" EXA;
	char err[256];
	struct cs_vulndb *db = cs_vulndb_load_mem("t.vuln", (const uint8_t *)t,
						  strlen(t), err, sizeof(err));
	const struct cs_vuln *v;

	(void)state;
	assert_non_null(db);
	v = cs_vulndb_get(db, 0);
	assert_string_equal(v->cvss_sources,
			    "https://a.example/1 https://b.example/2");
	assert_string_equal(v->rules[0].sources, "https://b.example/2");
	assert_false(v->kev);
	assert_true(v->cvss > 4.95 && v->cvss < 5.05);
	cs_vulndb_free(db);
}

/* A wrong example fails the check, naming its line. */
static void
test_example_fails(void **state)
{
	const char *t =
	    HEAD AFF "  example maker=Acme model=AC-1 => affected\n";
	char err[512] = "";
	struct cs_vulndb *db = cs_vulndb_load_mem("t.vuln", (const uint8_t *)t,
						  strlen(t), err, sizeof(err));

	(void)state;
	assert_non_null(db);
	assert_int_equal(cs_vulndb_check_examples(db, err, sizeof(err)), 1);
	assert_non_null(strstr(err, "t.vuln:6: CVE-2099-0001 example: want "
				    "affected, got product"));
	cs_vulndb_free(db);
}

/* ---- the shipped table --------------------------------------------- */

static void
test_shipped_examples(void **state)
{
	struct cs_vulndb *db = shipped();
	char err[1024] = "";
	size_t nex = 0;

	(void)state;
	for (size_t i = 0; i < cs_vulndb_count(db); i++)
		nex += cs_vulndb_get(db, i)->nexamples;
	assert_true(nex >= 60);
	if (cs_vulndb_check_examples(db, err, sizeof(err)) != 0)
		fail_msg("%s", err);
	cs_vulndb_free(db);
}

/* The 20 KEV camera/NVR entries of the issue, with their dates. */
static const struct {
	const char *id, *added, *due;
} kev20[] = {
    {"CVE-2021-36260", "2022-01-10", "2022-01-24"},
    {"CVE-2017-7921", "2026-03-05", "2026-03-26"},
    {"CVE-2021-33044", "2024-08-21", "2024-09-11"},
    {"CVE-2021-33045", "2024-08-21", "2024-09-11"},
    {"CVE-2019-20085", "2021-11-03", "2022-05-03"},
    {"CVE-2020-5735", "2021-11-03", "2022-05-03"},
    {"CVE-2023-47565", "2023-12-21", "2024-01-11"},
    {"CVE-2018-14933", "2024-12-18", "2025-01-08"},
    {"CVE-2022-23227", "2024-12-18", "2025-01-08"},
    {"CVE-2019-11001", "2024-12-18", "2025-01-08"},
    {"CVE-2021-40407", "2024-12-18", "2025-01-08"},
    {"CVE-2024-6047", "2025-05-07", "2025-05-28"},
    {"CVE-2024-11120", "2025-05-07", "2025-05-28"},
    {"CVE-2025-1316", "2025-03-19", "2025-04-09"},
    {"CVE-2024-8956", "2024-11-04", "2024-11-25"},
    {"CVE-2024-8957", "2024-11-04", "2024-11-25"},
    {"CVE-2023-52163", "2025-12-22", "2026-01-12"},
    {"CVE-2016-11021", "2022-03-25", "2022-04-15"},
    {"CVE-2020-25078", "2025-08-05", "2025-08-26"},
    {"CVE-2020-25079", "2025-08-05", "2025-08-26"},
};

static const struct cs_vuln *
find(const struct cs_vulndb *db, const char *id)
{
	for (size_t i = 0; i < cs_vulndb_count(db); i++)
		if (strcmp(cs_vulndb_get(db, i)->id, id) == 0)
			return cs_vulndb_get(db, i);
	return NULL;
}

static void
test_shipped_kev(void **state)
{
	struct cs_vulndb *db = shipped();
	const struct cs_vuln *v;

	(void)state;
	for (size_t i = 0; i < sizeof(kev20) / sizeof(kev20[0]); i++) {
		v = find(db, kev20[i].id);
		if (v == NULL)
			fail_msg("%s missing", kev20[i].id);
		assert_true(v->kev);
		assert_string_equal(v->kev_added, kev20[i].added);
		assert_string_equal(v->kev_due, kev20[i].due);
		assert_true(strncmp(v->kev_sources, "https://", 8) == 0);
	}
	/* AVTECH AVM1203: exploited, not in KEV */
	v = find(db, "CVE-2024-7029");
	assert_non_null(v);
	assert_false(v->kev);
	/* every fact names a source URL */
	for (size_t i = 0; i < cs_vulndb_count(db); i++) {
		v = cs_vulndb_get(db, i);
		assert_true(strncmp(v->cvss_sources, "http", 4) == 0);
		for (size_t k = 0; k < v->nrules; k++)
			assert_true(strncmp(v->rules[k].sources, "http", 4) ==
				    0);
	}
	cs_vulndb_free(db);
}

/* ---- matching through the lineage ---------------------------------- */

static const struct {
	const char *maker, *brand, *model, *firmware, *lineage;
	const char *cve;
	enum cs_vuln_verdict want;
	bool inferred;
} match_cases[] = {
    /* Hikvision's own unit: by build date */
    {"Hikvision", "Hikvision", "DS-2CD2346G2-I", "V5.5.160 build 210416", NULL,
     "CVE-2021-36260", CS_VULN_AFFECTED, false},
    {"Hikvision", "Hikvision", "DS-2CD2346G2-I", "V5.5.800 build 210628", NULL,
     "CVE-2021-36260", CS_VULN_NONE, false},
    /* a firmware that does not parse claims nothing: unknown */
    {"Hikvision", "Hikvision", "DS-2CD2346G2-I", "firmware?", NULL,
     "CVE-2021-36260", CS_VULN_UNKNOWN, false},
    {"Hikvision", "Hikvision", "DS-2CD2346G2-I", "", NULL, "CVE-2021-36260",
     CS_VULN_UNKNOWN, false},
    /* white labels on Hikvision firmware inherit, inferred: the lineage
     * given, or read from the firmware's form */
    {"Hikvision", "LTS", "CMIP3042W-28M", "V5.5.0 build 200101", "Hikvision",
     "CVE-2021-36260", CS_VULN_AFFECTED, true},
    {"Hikvision", "Annke", "I91BN", "V5.5.0 build 200101", NULL,
     "CVE-2021-36260", CS_VULN_AFFECTED, true},
    {"Hikvision", "LTS", "CMIP3042W-28M", "V5.3.0 build 151001", NULL,
     "CVE-2017-7921", CS_VULN_AFFECTED, true},
    /* ... but not when fixed; its badge model names no family, so where
     * the families' thresholds disagree (cameras 210625, thermal 210702)
     * nothing is claimed */
    {"Hikvision", "LTS", "CMIP3042W-28M", "V5.5.800 build 210705", NULL,
     "CVE-2021-36260", CS_VULN_NONE, false},
    {"Hikvision", "LTS", "CMIP3042W-28M", "V5.5.800 build 210628", NULL,
     "CVE-2021-36260", CS_VULN_UNKNOWN, true},
    {"Hikvision", "LTS", "CMIP3042W-28M", "V5.4.1 build 160525", NULL,
     "CVE-2017-7921", CS_VULN_UNKNOWN, true},
    /* a rebadged unit on the badge owner's own firmware does not */
    {"Hikvision", "Honeywell", "H4W4PER3", "V5.5.0 build 200101", "Honeywell",
     "CVE-2021-36260", CS_VULN_NONE, false},
    {"Hikvision", "Honeywell", "H4W4PER3", "1.2.3", NULL, "CVE-2021-36260",
     CS_VULN_NONE, false},
    /* the Hikvision NVR ranges */
    {"Hikvision", "HiLook", "NVR-104MH-C", "V4.30.210 Build201224", NULL,
     "CVE-2021-36260", CS_VULN_AFFECTED, false},
    {"Hikvision", "HiLook", "NVR-104MH-C", "V4.31.100 Build210601", NULL,
     "CVE-2021-36260", CS_VULN_NONE, false},
    /* Dahua: an Amcrest unit on Dahua firmware inherits 33044 (its model
     * reading is itself inferred); Amcrest's own CVE is direct */
    {"Dahua", "Amcrest", "IP2M-841",
     "V2.800.00AC000.0.R, Build Date: "
     "2019-11-20",
     NULL, "CVE-2020-5735", CS_VULN_AFFECTED, false},
    {"Dahua", "Amcrest", "IP2M-841",
     "V2.800.00AC000.0.R, Build Date: "
     "2019-11-20",
     NULL, "CVE-2021-33044", CS_VULN_AFFECTED, true},
    /* Lorex after Dahua on its own firmware: no Dahua flaw */
    {"Dahua", "Lorex", "LNB8921", "1.0.5", "Lorex", "CVE-2021-33044",
     CS_VULN_NONE, false},
    /* lineage named and different from the rule's, whatever the maker */
    {"Dahua", "Dahua", "IPC-HDW5442TM-AS", "V5.5.0 build 200101", NULL,
     "CVE-2021-33044", CS_VULN_NONE, false},
    /* no version range in the source: affected by product */
    {"TVT", "TVT", "NVMS-1000", "", NULL, "CVE-2019-20085", CS_VULN_PRODUCT,
     false},
    /* exact-only sources: other versions unknown, not cleared */
    {"Reolink", "Reolink", "RLC-410W", "v3.0.0.2356_23062000", NULL,
     "CVE-2021-40407", CS_VULN_UNKNOWN, false},
    /* the model does not belong to the rule */
    {"Edimax", "Edimax", "IC-3140W", "1.0", NULL, "CVE-2025-1316", CS_VULN_NONE,
     false},
    /* a maker's own unit whose model is unknown: unknown, not affected */
    {"Hikvision", "Hikvision", "", "V5.5.160 build 210416", NULL,
     "CVE-2021-36260", CS_VULN_UNKNOWN, false},
};

static void
test_match(void **state)
{
	struct cs_vulndb *db = shipped();
	struct cs_vuln_hit hits[64];

	(void)state;
	for (size_t i = 0; i < sizeof(match_cases) / sizeof(match_cases[0]);
	     i++) {
		struct cs_vuln_unit u = {
		    match_cases[i].maker, match_cases[i].brand,
		    match_cases[i].model, match_cases[i].firmware,
		    match_cases[i].lineage};
		size_t nh = cs_vuln_match(db, &u, hits, 64);
		enum cs_vuln_verdict got = CS_VULN_NONE;
		bool inf = false;
		const char *why = "";

		assert_true(nh <= 64);
		for (size_t j = 0; j < nh; j++)
			if (strcmp(hits[j].vuln->id, match_cases[i].cve) == 0) {
				got = hits[j].verdict;
				inf = hits[j].inferred;
				why = hits[j].why;
				assert_non_null(hits[j].rule);
				assert_true(hits[j].rule->sources[0] != '\0');
			}
		if (got != match_cases[i].want ||
		    (got != CS_VULN_NONE && inf != match_cases[i].inferred))
			fail_msg("case %zu (%s %s %s): got %s%s, want %s%s: %s",
				 i, match_cases[i].brand, match_cases[i].model,
				 match_cases[i].cve, cs_vuln_verdict_name(got),
				 inf ? " inferred" : "",
				 cs_vuln_verdict_name(match_cases[i].want),
				 match_cases[i].inferred ? " inferred" : "",
				 why);
	}
	cs_vulndb_free(db);
}

/* The why names the range, the rule and the inheritance. */
static void
test_match_why(void **state)
{
	struct cs_vulndb *db = shipped();
	struct cs_vuln_hit hits[64];
	struct cs_vuln_unit u = {"Hikvision", "LTS", "CMIP3042W-28M",
				 "V5.3.0 build 151001", NULL};
	size_t nh = cs_vuln_match(db, &u, hits, 64);
	bool seen = false;

	(void)state;
	for (size_t j = 0; j < nh; j++) {
		if (strcmp(hits[j].vuln->id, "CVE-2017-7921") != 0)
			continue;
		seen = true;
		assert_non_null(
		    strstr(hits[j].why, "version in range from V5."));
		assert_non_null(strstr(hits[j].why, "inherited by a badge"));
		assert_non_null(strstr(hits[j].why, "LTS"));
		assert_string_equal(hits[j].lineage, "Hikvision");
	}
	assert_true(seen);
	/* max bounds what is written, not what is counted */
	assert_true(cs_vuln_match(db, &u, hits, 0) == nh);
	cs_vulndb_free(db);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_parse),
	    cmocka_unit_test(test_parse_bounds),
	    cmocka_unit_test(test_order),
	    cmocka_unit_test(test_in_line),
	    cmocka_unit_test(test_load),
	    cmocka_unit_test(test_sources_resolved),
	    cmocka_unit_test(test_example_fails),
	    cmocka_unit_test(test_shipped_examples),
	    cmocka_unit_test(test_shipped_kev),
	    cmocka_unit_test(test_match),
	    cmocka_unit_test(test_match_why),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
