/* SPDX-License-Identifier: ISC */
/*
 * Knowledge-base tests: every entity row carries a source and a
 * confidence, maker/brand/ownership queries, registry and brand traps,
 * and identification scenarios where evidence disagrees.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "core/obs.h"
#include "fp/fp.h"
#include "core/poison.h"

#include "fpdb_fixture.h"

/* Every non-comment row of each entity file: right column count, a known
 * confidence word and a non-empty source (the last column). */
static void
test_every_row_has_source(void **state)
{
	static const struct {
		const char *file;
		int ncols, confcol;
	} files[] = {{"makers.tsv", 8, 6},
		     {"brands.tsv", 7, 5},
		     {"oem.tsv", 8, 6},
		     {"ownership.tsv", 7, 5}};
	static const char *const confs[] = {"high", "medium-high", "medium",
					    "medium-low", "low"};

	(void)state;
	for (size_t f = 0; f < sizeof(files) / sizeof(files[0]); f++) {
		char path[4096], line[8192];
		FILE *fp;
		int rows = 0;

		snprintf(path, sizeof(path), "%s/data/entities/%s", srcdir(),
			 files[f].file);
		fp = fopen(path, "r");
		assert_non_null(fp);
		while (fgets(line, sizeof(line), fp) != NULL) {
			char *col[16], *s = line;
			int n = 0;
			bool ok = false;

			line[strcspn(line, "\r\n")] = 0;
			if (line[0] == 0 || line[0] == '#')
				continue;
			while (n < 16) {
				char *t = strchr(s, '\t');

				col[n++] = s;
				if (t == NULL)
					break;
				*t = 0;
				s = t + 1;
			}
			if (n != files[f].ncols)
				fprintf(stderr, "# %s: bad row: %s\n",
					files[f].file, line);
			assert_int_equal(n, files[f].ncols);
			for (size_t c = 0; c < 5; c++)
				ok |= strcmp(col[files[f].confcol], confs[c]) ==
				      0;
			assert_true(ok);
			assert_true(strlen(col[n - 1]) > 3);
			assert_string_not_equal(col[n - 1], "-");
			rows++;
		}
		fclose(fp);
		assert_true(rows > 5);
	}
	assert_true(cs_fpdb_maker_count(db) >= 60);
	assert_true(cs_fpdb_brand_count(db) >= 80);
}

static void
write_file(const char *dir, const char *name, const char *text)
{
	char path[4096];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

/* The loader refuses a row without a source. */
static void
test_loader_requires_source(void **state)
{
	char dir[] = "/tmp/cs-kb-XXXXXX", err[256];
	struct cs_fpdb *d;

	(void)state;
	assert_non_null(mkdtemp(dir));
	write_file(dir, "makers.tsv",
		   "Acme\tAcme Ltd\tUS\tyes\t-\t-\thigh\t-\n");
	write_file(dir, "brands.tsv", "");
	d = cs_fpdb_load(NULL, dir, err, sizeof(err));
	assert_null(d);
	assert_non_null(strstr(err, "makers.tsv:1:"));
	assert_non_null(strstr(err, "source"));
	write_file(dir, "makers.tsv",
		   "Acme\tAcme Ltd\tUS\tyes\t-\t-\thigh\tfield knowledge\n");
	write_file(dir, "brands.tsv",
		   "Acme\tAcme\town\tAcme\t-\thigh\n");
	d = cs_fpdb_load(NULL, dir, err, sizeof(err));
	assert_null(d);
	assert_non_null(strstr(err, "brands.tsv:1:"));
	write_file(dir, "brands.tsv",
		   "Acme\tAcme\town\tAcme\t-\thigh\tfield knowledge\n");
	write_file(dir, "ownership.tsv",
		   "Acme\tBigCo\tacquired-by\t2020-13\t-\thigh\tx y z\n");
	d = cs_fpdb_load(NULL, dir, err, sizeof(err));
	assert_null(d);
	assert_non_null(strstr(err, "ownership.tsv:1:"));
	write_file(dir, "ownership.tsv",
		   "Acme\tBigCo\tacquired-by\t2020-12\t-\thigh\tx y z\n");
	d = cs_fpdb_load(NULL, dir, err, sizeof(err));
	assert_non_null(d);
	cs_fpdb_free(d);
	for (size_t i = 0; i < 3; i++) {
		static const char *const n[] = {"makers.tsv", "brands.tsv",
						"ownership.tsv"};
		char path[4096];

		snprintf(path, sizeof(path), "%s/%s", dir, n[i]);
		unlink(path);
	}
	rmdir(dir);
}

static void
test_maker_info(void **state)
{
	struct cs_maker_info mi;
	bool cetc = false;

	(void)state;
	assert_int_equal(cs_fpdb_maker_info(db, "hikvision", &mi), 0);
	assert_string_equal(mi.name, "Hikvision");
	assert_string_equal(mi.country, "CN");
	assert_string_equal(mi.legal[0],
			    "Hangzhou Hikvision Digital Technology Co., Ltd.");
	assert_non_null(strstr(mi.parent, "CETHIK"));
	for (size_t i = 0; i < mi.nown; i++)
		if (mi.own[i].depth == 1 && strstr(mi.own[i].owner, "CETC"))
			cetc = true;
	assert_true(cetc);
	assert_true(mi.source[0] != 0);
	/* Legal names resolve too. */
	assert_int_equal(cs_fpdb_maker_info(
			     db, "Zhejiang Dahua Vision Technology Co., Ltd.", &mi),
			 0);
	assert_string_equal(mi.name, "Dahua");
	assert_int_equal(cs_fpdb_maker_info(db, "Avigilon", &mi), 0);
	assert_string_equal(mi.country, "CA");
	assert_string_equal(mi.parent, "Motorola Solutions");
	assert_int_equal(cs_fpdb_maker_info(db, "March Networks", &mi), 0);
	assert_string_equal(mi.parent, "Infinova");
	assert_string_equal(mi.own[0].owner_country, "CN");
	assert_int_equal(cs_fpdb_maker_info(db, "Hangzhou", &mi),
			 CS_ENOTFOUND);
	assert_int_equal(cs_fpdb_maker_info(db, "Costar", &mi), CS_ENOTFOUND);
}

static void
test_ownership_dates(void **state)
{
	struct cs_ownership o[8];
	size_t n;
	bool dahua = false, sky = false;

	(void)state;
	n = cs_fpdb_ownership(db, "Lorex", o, 8);
	for (size_t i = 0; i < n; i++) {
		if (strcmp(o[i].owner, "Dahua") == 0 &&
		    strcmp(o[i].from, "2018") == 0 &&
		    strcmp(o[i].to, "2022-11-24") == 0)
			dahua = true;
		if (strcmp(o[i].owner, "Skywatch") == 0 &&
		    strcmp(o[i].from, "2022-11-24") == 0 && o[i].to[0] == 0)
			sky = true;
	}
	assert_true(dahua && sky);
	n = cs_fpdb_ownership(db, "Imou", o, 8);
	assert_true(n >= 2);
	n = cs_fpdb_ownership(db, "Dahua Technology USA", o, 8);
	assert_true(n >= 2);
}

static void
test_brand_info(void **state)
{
	struct cs_brand_info bi, all[CS_FP_MAX_RELATIONS];

	(void)state;
	assert_int_equal(cs_fpdb_brand_info(db, "LTS", NULL, &bi), 0);
	assert_string_equal(bi.maker, "Hikvision");
	assert_string_equal(bi.relation, "white-label");
	assert_string_equal(bi.maker_country, "CN");
	assert_true(bi.source[0] != 0);
	/* Honeywell: model-level. */
	assert_int_equal(cs_fpdb_brand_info(db, "honeywell", "HRGX161", &bi),
			 0);
	assert_string_equal(bi.maker, "Hikvision");
	assert_string_equal(bi.confidence_name, "medium");
	assert_int_equal(cs_fpdb_brand_info(db, "Honeywell", "", &bi), 0);
	assert_string_equal(bi.maker, "Honeywell");
	/* Lorex Dahua-era line carries its dates. */
	assert_int_equal(cs_fpdb_brand_info(db, "Lorex", "LNB4163", &bi), 0);
	assert_string_equal(bi.maker, "Dahua");
	assert_string_equal(bi.to, "2022-11-24");
	assert_int_equal(cs_fpdb_brand_info(db, "EZVIZ", NULL, &bi), 0);
	assert_string_equal(bi.relation, "subsidiary");
	assert_int_equal(cs_fpdb_brand_info(db, "Hikmicro", NULL, &bi), 0);
	assert_string_equal(bi.confidence_name, "low");
	assert_true(cs_fpdb_brand_relations(db, "Amcrest", all,
					    CS_FP_MAX_RELATIONS) >= 2);
	assert_int_equal(cs_fpdb_brand_info(db, "Costar", NULL, &bi),
			 CS_ENOTFOUND);
	assert_int_equal(cs_fpdb_brand_info(db, "Costar Technologies", NULL,
					    &bi),
			 0);
	assert_string_equal(bi.maker_country, "US");
}

static void
test_brand_traps(void **state)
{
	static const char *const none[] = {
	    "Ubuntu 22.04 LTS",
	    "Hangzhou",
	    "Hangzhou Someone Electronics Co., Ltd.",
	    "Shanghai Dahua Scale Factory",
	    "Costar Group Co., Ltd.",
	    "Hyesung Techwin",
	    "Shenzhen Techwinsemi Technology Co., Ltd",
	    "Kedah Electronics Engineering",
	    "Opelcomm",
	    "Pelcombe",
	    "ADB TTV",
	    "Betty TV",
	    "Hikari Denki",
	    "lts release notes",
	};
	char b[4][64];

	(void)state;
	for (size_t i = 0; i < sizeof(none) / sizeof(none[0]); i++) {
		size_t n = cs_fpdb_find_brands(db, none[i], b, 4);

		if (n != 0)
			fprintf(stderr, "# trap '%s' matched %s\n", none[i],
				b[0]);
		assert_int_equal(n, 0);
	}
	assert_int_equal(cs_fpdb_find_brands(db, "LTS CMIP7422W-28M", b, 4),
			 1);
	assert_string_equal(b[0], "LTS");
	assert_int_equal(cs_fpdb_find_brands(db, "Costar Technologies", b, 4),
			 1);
	assert_string_equal(b[0], "Costar Technologies");
	assert_int_equal(cs_fpdb_find_brands(db, "Pelco Sarix", b, 4), 1);
	assert_int_equal(cs_fpdb_find_brands(db, "Samsung Techwin SNB-6004",
					     b, 4),
			 1);
	assert_string_equal(b[0], "Samsung Techwin");
}

static void
add(struct cs_obs_list *l, const char *key, uint16_t port, const char *v)
{
	assert_int_equal(cs_obs_adds(l, key, port, v), 0);
}

static bool
has_ev(const struct cs_identity *id, const char *field, const char *claim)
{
	for (size_t i = 0; i < id->nev; i++)
		if (strcmp(id->ev[i].field, field) == 0 &&
		    strcmp(id->ev[i].claim, claim) == 0)
			return true;
	return false;
}

static void
ident(const char *const *kv, size_t n, struct cs_identity *id)
{
	struct cs_obs_list l;

	cs_obs_list_init(&l);
	for (size_t i = 0; i + 1 < n; i += 2)
		add(&l, kv[i], 0, kv[i + 1]);
	cs_fp_identify(db, &l, id);
	cs_obs_list_free(&l);
}

/* A Dahua build string behind a "Lorex" page: Dahua inside, Lorex badge. */
static void
test_lorex_dahua(void **state)
{
	static const char *const kv[] = {
	    "http.title", "LOREX",
	    "dhip.firmware", "2.800.0000000.13.R",
	    "dhip.raw", "{\"method\":\"client.notifyDevInfo\",\"params\":{\"deviceInfo\":{\"DeviceClass\":\"IPC\"}}}",
	    "dhip.model", "LNB4163B",
	    "dhip.vendor", "General",
	};
	struct cs_identity id;

	(void)state;
	ident(kv, sizeof(kv) / sizeof(kv[0]), &id);
	assert_string_equal(id.manufacturer, "Dahua");
	assert_string_equal(id.brand, "Lorex");
	assert_string_equal(id.manufacturer_country, "CN");
	assert_string_equal(id.firmware, "2.800.0000000.13.R");
	assert_true(id.surveillance);
}

/* A Wi-Fi module OUI never outweighs protocol evidence, and stays visible. */
static void
test_module_oui(void **state)
{
	static const char *const kv[] = {
	    "mac.maker", "Espressif",
	    "mac.registrant", "Espressif Inc.",
	    "sadp.model", "DS-2CD2385G1-I",
	    "sadp.firmware", "V5.6.2build 190701",
	};
	static const char *const only[] = {"mac.maker", "AzureWave"};
	struct cs_identity id;

	(void)state;
	ident(kv, sizeof(kv) / sizeof(kv[0]), &id);
	assert_string_equal(id.manufacturer, "Hikvision");
	assert_string_equal(id.model, "DS-2CD2385G1-I");
	assert_true(id.confidence > 0.7);
	assert_true(has_ev(&id, "manufacturer", "Espressif"));
	ident(only, 2, &id);
	assert_string_equal(id.manufacturer, "");
}

/* A camera maker's OUI alone is a hint only; registrant traps name nobody. */
static void
test_oui_alone_and_traps(void **state)
{
	static const char *const hik[] = {"mac.maker", "Hikvision"};
	static const char *const trap[] = {
	    "mac.registrant", "Shanghai Dahua Scale Factory",
	    "http.title", "Shanghai Dahua Scale Factory",
	    "banner", "220 Hyesung Techwin FTP",
	    "snmp.sysdescr", "Kedah Electronics switch",
	    "upnp.manufacturer", "Costar Group Co., Ltd.",
	};
	struct cs_identity id;

	(void)state;
	ident(hik, 2, &id);
	assert_string_equal(id.manufacturer, "Hikvision");
	assert_true(id.confidence <= 0.45);
	ident(trap, sizeof(trap) / sizeof(trap[0]), &id);
	assert_string_equal(id.manufacturer, "");
	assert_false(id.surveillance);
}

/* Honeywell badge over Hikvision firmware keeps the Honeywell brand. */
static void
test_honeywell_oem(void **state)
{
	static const char *const kv[] = {
	    "hik.isapi", "200 <DeviceInfo xmlns=\"http://www.hikvision.com/ver20/XMLSchema\"><model>HRGX161</model></DeviceInfo>",
	    "http.title", "Honeywell",
	};
	struct cs_identity id;

	(void)state;
	ident(kv, sizeof(kv) / sizeof(kv[0]), &id);
	assert_string_equal(id.manufacturer, "Hikvision");
	assert_string_equal(id.brand, "Honeywell");
}

/* Discovery-only identities: EZVIZ via SADP, Amcrest via DHIP, Axis via
 * mDNS + DHCP, an UPnP Hanwha description. */
static void
test_discovery(void **state)
{
	static const char *const ez[] = {"sadp.model", "CS-C6TC-32WFR"};
	static const char *const am[] = {"dhip.vendor", "Amcrest",
					 "dhip.model", "IP8M-2496EB"};
	static const char *const ax[] = {
	    "mdns.service", "_axis-video._tcp.local",
	    "mdns.instance", "AXIS M5014 - ACCC8E3C0419",
	    "dhcp.vendor", "AXIS,Network Camera,P3343,5.20.3"};
	static const char *const hw[] = {
	    "upnp.manufacturer", "Hanwha Techwin",
	    "upnp.model", "XNV-6080R",
	    "upnp.model-description", "Network Camera"};
	struct cs_identity id;

	(void)state;
	ident(ez, 2, &id);
	assert_string_equal(id.manufacturer, "Hikvision");
	assert_string_equal(id.brand, "EZVIZ");
	ident(am, 4, &id);
	assert_string_equal(id.manufacturer, "Dahua");
	assert_string_equal(id.brand, "Amcrest");
	ident(ax, 6, &id);
	assert_string_equal(id.manufacturer, "Axis");
	assert_string_equal(id.manufacturer_country, "SE");
	assert_int_equal(id.device_class, CS_CLASS_CAMERA);
	ident(hw, 6, &id);
	assert_string_equal(id.manufacturer, "Hanwha Vision");
	assert_string_equal(id.manufacturer_country, "KR");
	assert_string_equal(id.model, "XNV-6080R");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_every_row_has_source),
	    cmocka_unit_test(test_loader_requires_source),
	    cmocka_unit_test(test_maker_info),
	    cmocka_unit_test(test_ownership_dates),
	    cmocka_unit_test(test_brand_info),
	    cmocka_unit_test(test_brand_traps),
	    cmocka_unit_test(test_lorex_dahua),
	    cmocka_unit_test(test_module_oui),
	    cmocka_unit_test(test_oui_alone_and_traps),
	    cmocka_unit_test(test_honeywell_oem),
	    cmocka_unit_test(test_discovery),
	};

	return cmocka_run_group_tests_name("kb", tests, setup, teardown);
}
