/* SPDX-License-Identifier: ISC */
/*
 * The cctv=mostly presumption (docs/fingerprints.md §5, step 8): maker-only
 * evidence of a maker whose products are mostly video-surveillance
 * equipment gives surveillance true as a presumption (class unknown, one
 * evidence line "maker:mostly-video"); any class evidence wins over it;
 * makers with cctv=yes still give "not established".
 *
 * Loads data/fingerprints and data/entities from the source tree, and a
 * copy of data/entities with one maker's cctv column changed (Hikvision
 * set to mostly to exercise the engine on its evidence; a bad value for
 * the loader).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "core/obs.h"
#include "fp/fp.h"

#include "fpdb_fixture.h"

/*
 * Loads data/ with the cctv column of maker's makers.tsv row replaced by
 * cctv, from a copy of data/entities in a temporary directory.  Returns
 * the database or NULL (err filled).
 */
static struct cs_fpdb *
load_with(const char *maker, const char *cctv, char *err, size_t errsz)
{
	static const char *const others[] = {"brands.tsv", "models.tsv",
					     "oem.tsv", "oui-registrants.tsv",
					     "ownership.tsv"};
	char dir[] = "/tmp/cs_mostly_XXXXXX", fpd[4096], src[4096], dst[4096],
	     line[8192];
	struct cs_fpdb *d;
	FILE *in, *out;
	size_t ml = strlen(maker);
	int hits = 0;

	assert_non_null(mkdtemp(dir));
	for (size_t i = 0; i < sizeof(others) / sizeof(others[0]); i++) {
		snprintf(src, sizeof(src), "%s/data/entities/%s", srcdir(),
			 others[i]);
		snprintf(dst, sizeof(dst), "%s/%s", dir, others[i]);
		if (access(src, R_OK) == 0)
			assert_int_equal(symlink(src, dst), 0);
	}
	snprintf(src, sizeof(src), "%s/data/entities/makers.tsv", srcdir());
	snprintf(dst, sizeof(dst), "%s/makers.tsv", dir);
	in = fopen(src, "r");
	out = fopen(dst, "w");
	assert_non_null(in);
	assert_non_null(out);
	while (fgets(line, sizeof(line), in) != NULL) {
		char *c = line;
		int tab = 0;

		/* Columns: name, legal, country, cctv, ... */
		if (strncmp(line, maker, ml) == 0 && line[ml] == '\t') {
			while (*c != '\0' && tab < 3)
				if (*c++ == '\t')
					tab++;
			if (tab == 3) {
				char *end = strchr(c, '\t');

				assert_non_null(end);
				fprintf(out, "%.*s%s%s", (int)(c - line), line,
					cctv, end);
				hits++;
				continue;
			}
		}
		fputs(line, out);
	}
	fclose(in);
	assert_int_equal(fclose(out), 0);
	assert_int_equal(hits, 1);
	snprintf(fpd, sizeof(fpd), "%s/data/fingerprints", srcdir());
	d = cs_fpdb_load(fpd, dir, err, errsz);
	for (size_t i = 0; i < sizeof(others) / sizeof(others[0]); i++) {
		snprintf(dst, sizeof(dst), "%s/%s", dir, others[i]);
		unlink(dst);
	}
	snprintf(dst, sizeof(dst), "%s/makers.tsv", dir);
	unlink(dst);
	rmdir(dir);
	return d;
}

struct obs {
	const char *key;
	uint16_t port;
	const char *val;
};

#define MAX_OBS 6

static void
ident(const struct cs_fpdb *d, const struct obs *o, struct cs_identity *id)
{
	struct cs_obs_list l;

	cs_obs_list_init(&l);
	for (size_t i = 0; i < MAX_OBS && o[i].key != NULL; i++)
		assert_int_equal(cs_obs_adds(&l, o[i].key, o[i].port, o[i].val),
				 0);
	cs_fp_identify(d, &l, id);
	cs_obs_list_free(&l);
}

/* The presumption's evidence line, or NULL. */
static const struct cs_evidence *
presumption(const struct cs_identity *id)
{
	for (size_t i = 0; i < id->nev; i++)
		if (strcmp(id->ev[i].rule, "maker:mostly-video") == 0)
			return &id->ev[i];
	return NULL;
}

/* maker, surveillance presumed, class unknown, one evidence line. */
static void
assert_presumed(const struct cs_identity *id, const char *maker)
{
	const struct cs_evidence *e = presumption(id);

	assert_string_equal(id->manufacturer, maker);
	assert_int_equal(id->device_class, CS_CLASS_UNKNOWN);
	assert_int_equal(cs_identity_surveillance(id), 1);
	assert_true(id->surveillance_presumed);
	assert_true(cs_identity_surveillance_presumed(id));
	assert_non_null(e);
	assert_string_equal(e->field, "surveillance");
	assert_string_equal(e->claim, "yes (presumed)");
	assert_non_null(strstr(e->value, maker));
	assert_non_null(strstr(e->value, "mostly video"));
	/* A presumption weighs less than the evidence it rests on. */
	assert_true(e->weight > 0 && e->weight <= 0.5);
	assert_true(id->confidence > 0 && id->confidence < 0.9);
}

/* Not presumed: no flag, no evidence line. */
static void
assert_not_presumed(const struct cs_identity *id)
{
	assert_false(id->surveillance_presumed);
	assert_false(cs_identity_surveillance_presumed(id));
	assert_null(presumption(id));
}

static const struct obs dahua_mac[] = {
    {"mac", 0, "3c:ef:8c:00:00:01"},
    {"mac.maker", 0, "Dahua"},
    {"mac.registrant", 0, "Zhejiang Dahua Technology Co., Ltd."},
    {NULL, 0, NULL}};

static const struct obs hik_mac[] = {
    {"mac", 0, "58:50:ed:00:00:01"},
    {"mac.maker", 0, "Hikvision"},
    {"mac.registrant", 0, "Hangzhou Hikvision Digital Technology Co.,Ltd."},
    {NULL, 0, NULL}};

/* A Dahua MAC registration alone. */
static void
test_dahua_mac_only(void **state)
{
	struct cs_identity id;

	(void)state;
	ident(db, dahua_mac, &id);
	assert_presumed(&id, "Dahua");
}

/* A Dahua device's self-signed certificate (its subject names only the
 * company: O=Dahua, the unit's address as CN) and nothing else. */
static void
test_dahua_cert_only(void **state)
{
	static const struct obs o[] = {
	    {"tls.subject", 443,
	     "CN=192.168.1.108,OU=IPC,O=Dahua,L=HangZhou,ST=ZheJiang,C=CN"},
	    {"tls.issuer", 443,
	     "CN=192.168.1.108,OU=IPC,O=Dahua,L=HangZhou,ST=ZheJiang,C=CN"},
	    {NULL, 0, NULL}};
	struct cs_identity id;

	(void)state;
	ident(db, o, &id);
	assert_presumed(&id, "Dahua");
}

/* A VTO door station (DHIP DeviceType, Dahua MAC): intercom, not
 * surveillance, nothing presumed. */
static void
test_dahua_vto(void **state)
{
	static const struct obs o[] = {
	    {"dhip.raw", 37810,
	     "{\"method\":\"client.notifyDevInfo\",\"params\":{\"deviceInfo\":"
	     "{\"DeviceClass\":\"VTO\",\"DeviceType\":\"VTO2202F-P\"}}}"},
	    {"dhip.class", 37810, "VTO"},
	    {"dhip.model", 37810, "VTO2202F-P"},
	    {"mac", 0, "3c:ef:8c:00:00:01"},
	    {"mac.maker", 0, "Dahua"},
	    {NULL, 0, NULL}};
	struct cs_identity id;

	(void)state;
	ident(db, o, &id);
	assert_string_equal(id.manufacturer, "Dahua");
	assert_int_equal(id.device_class, CS_CLASS_INTERCOM);
	assert_int_equal(cs_identity_surveillance(&id), 0);
	assert_not_presumed(&id);
}

/* A Dahua camera model with the MAC: camera, surveillance observed. */
static void
test_dahua_camera_observed(void **state)
{
	static const struct obs o[] = {{"dahua.model", 80, "IPC-HDW1431T1-S4"},
				       {"mac", 0, "3c:ef:8c:00:00:01"},
				       {"mac.maker", 0, "Dahua"},
				       {NULL, 0, NULL}};
	struct cs_identity id;

	(void)state;
	ident(db, o, &id);
	assert_int_equal(id.device_class, CS_CLASS_CAMERA);
	assert_int_equal(cs_identity_surveillance(&id), 1);
	assert_not_presumed(&id);
}

/* cctv=yes makers: maker-only evidence is still "not established". */
static void
test_yes_makers_unchanged(void **state)
{
	static const struct obs huawei[] = {
	    {"mac", 0, "00:e0:fc:12:34:56"},
	    {"mac.maker", 0, "Huawei"},
	    {"mac.registrant", 0, "HUAWEI TECHNOLOGIES CO.,LTD"},
	    {NULL, 0, NULL}};
	static const struct obs tplink[] = {
	    {"mac", 0, "50:c7:bf:00:00:01"},
	    {"mac.maker", 0, "TP-Link"},
	    {"mac.registrant", 0, "TP-LINK TECHNOLOGIES CO.,LTD."},
	    {NULL, 0, NULL}};
	static const struct obs hik_sysdescr[] = {
	    {"snmp.sysdescr", 161, "Hikvision company products"},
	    {NULL, 0, NULL}};
	struct cs_identity id;

	(void)state;
	ident(db, huawei, &id);
	assert_string_equal(id.manufacturer, "Huawei");
	assert_int_equal(cs_identity_surveillance(&id), -1);
	assert_not_presumed(&id);
	ident(db, tplink, &id);
	assert_string_equal(id.manufacturer, "TP-Link");
	assert_int_equal(cs_identity_surveillance(&id), -1);
	assert_not_presumed(&id);
	/* Hikvision is cctv=yes in data/entities (see its source column). */
	ident(db, hik_mac, &id);
	assert_string_equal(id.manufacturer, "Hikvision");
	assert_int_equal(cs_identity_surveillance(&id), -1);
	assert_not_presumed(&id);
	ident(db, hik_sysdescr, &id);
	assert_string_equal(id.manufacturer, "Hikvision");
	assert_int_equal(cs_identity_surveillance(&id), -1);
	assert_not_presumed(&id);
}

/* The engine on a Hikvision row set to mostly: a bare MAC is presumed, a
 * DS-3E switch model with the same MAC is a switch, not surveillance. */
static void
test_hikvision_as_mostly(void **state)
{
	static const struct obs sw[] = {
	    /* DS-3E0510P-E PoE switch (Hikvision switch datasheet), SADP. */
	    {"sadp.model", 37020, "DS-3E0510P-E"},
	    {"mac", 0, "58:50:ed:00:00:01"},
	    {"mac.maker", 0, "Hikvision"},
	    {NULL, 0, NULL}};
	struct cs_identity id;
	char err[512] = "";
	struct cs_fpdb *h = load_with("Hikvision", "mostly", err, sizeof(err));

	(void)state;
	if (h == NULL)
		fprintf(stderr, "# %s\n", err);
	assert_non_null(h);
	ident(h, hik_mac, &id);
	assert_presumed(&id, "Hikvision");
	ident(h, sw, &id);
	assert_string_equal(id.manufacturer, "Hikvision");
	assert_int_equal(id.device_class, CS_CLASS_SWITCH);
	assert_int_equal(cs_identity_surveillance(&id), 0);
	assert_not_presumed(&id);
	cs_fpdb_free(h);
}

/* The loader accepts yes, no, mostly and only, and nothing else. */
static void
test_loader_values(void **state)
{
	static const char *const bad[] = {"maybe", "Mostly", "", "most"};
	char err[512];

	(void)state;
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		struct cs_fpdb *d;

		err[0] = '\0';
		d = load_with("Tiandy", bad[i], err, sizeof(err));
		assert_null(d);
		assert_non_null(strstr(err, "makers.tsv"));
		assert_non_null(strstr(err, "cctv column"));
	}
	for (size_t i = 0; i < 4; i++) {
		static const char *const good[] = {"yes", "no", "mostly",
						   "only"};
		struct cs_fpdb *d =
		    load_with("Tiandy", good[i], err, sizeof(err));

		assert_non_null(d);
		cs_fpdb_free(d);
	}
}

/* An identity read back from a store keeps the evidence, not the flag:
 * the evidence line alone still says it was presumed. */
static void
test_presumed_from_evidence(void **state)
{
	struct cs_identity id;

	(void)state;
	ident(db, dahua_mac, &id);
	id.surveillance_presumed = false;
	assert_true(cs_identity_surveillance_presumed(&id));
	/* With a class established it is not a presumption. */
	id.device_class = CS_CLASS_CAMERA;
	assert_false(cs_identity_surveillance_presumed(&id));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_dahua_mac_only),
	    cmocka_unit_test(test_dahua_cert_only),
	    cmocka_unit_test(test_dahua_vto),
	    cmocka_unit_test(test_dahua_camera_observed),
	    cmocka_unit_test(test_yes_makers_unchanged),
	    cmocka_unit_test(test_hikvision_as_mostly),
	    cmocka_unit_test(test_loader_values),
	    cmocka_unit_test(test_presumed_from_evidence),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
