/* SPDX-License-Identifier: ISC */
/*
 * Tests of the fingerprint engine: loads data/fingerprints and
 * data/entities from the source tree (CS_SRCDIR), runs every rule's
 * examples, checks the loader's error messages on malformed input and
 * identifies devices built as observation lists.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/obs.h"
#include "fp/fp.h"
#include "core/poison.h"

#include "fpdb_fixture.h"

/* ---------------------------------------------------------------------- */

static void
test_load_counts(void **state)
{
	(void)state;
	assert_true(cs_fpdb_rule_count(db) >= 40);
	assert_true(cs_fpdb_brand_count(db) >= 30);
	assert_true(cs_fpdb_maker_count(db) >= 20);
}

static void
test_examples(void **state)
{
	(void)state;
	assert_int_equal(cs_fpdb_check_examples(db), 0);
}

static void
test_class_names(void **state)
{
	enum cs_class c;

	(void)state;
	assert_string_equal(cs_class_name(CS_CLASS_UNKNOWN), "unknown");
	assert_string_equal(cs_class_name(CS_CLASS_CAMERA), "camera");
	assert_string_equal(cs_class_name(CS_CLASS_NVR), "nvr");
	assert_string_equal(cs_class_name(CS_CLASS_DVR), "dvr");
	assert_string_equal(cs_class_name(CS_CLASS_ENCODER), "encoder");
	assert_string_equal(cs_class_name(CS_CLASS_OTHER), "other");
	assert_string_equal(cs_class_name((enum cs_class)99), "unknown");
	assert_int_equal(cs_class_parse("NVR", &c), 0);
	assert_int_equal(c, CS_CLASS_NVR);
	assert_int_equal(cs_class_parse("Access-Control", &c), 0);
	assert_int_equal(c, CS_CLASS_ACCESS_CONTROL);
	assert_string_equal(cs_class_name(CS_CLASS_VMS_SOFTWARE), "vms-software");
	assert_true(cs_class_is_video(CS_CLASS_DECODER));
	assert_false(cs_class_is_video(CS_CLASS_INTERCOM));
	assert_int_not_equal(cs_class_parse("toaster", &c), 0);
}

static void
test_entity_lookup(void **state)
{
	char brand[64], maker[64], cc[4];

	(void)state;
	assert_int_equal(cs_fpdb_lookup_brand(db, "amcrest", brand,
					      sizeof(brand), maker,
					      sizeof(maker), cc),
			 0);
	assert_string_equal(brand, "Amcrest");
	assert_string_equal(maker, "Dahua");
	assert_string_equal(cc, "CN");
	assert_int_equal(cs_fpdb_lookup_brand(db, "LTS", brand, sizeof(brand),
					      maker, sizeof(maker), cc),
			 0);
	assert_string_equal(maker, "Hikvision");
	assert_int_equal(cs_fpdb_lookup_brand(db, "Axis Communications AB",
					      brand, sizeof(brand), maker,
					      sizeof(maker), cc),
			 0);
	assert_string_equal(maker, "Axis");
	assert_string_equal(cc, "SE");
	assert_int_equal(
	    cs_fpdb_lookup_brand(db, "Hangzhou", NULL, 0, NULL, 0, NULL),
	    CS_ENOTFOUND);
}

/* ---------------------------------------------------------------------- */
/* Loader errors: each bad file must fail with "t.fp:<line>: ...". */

#define OKRULE                                                                 \
	"rule r1\n on http.server\n match ^x\n set class=camera\n"             \
	" weight 0.5\n source test\n example \"x\"\n example! \"y\"\n"

static const struct {
	const char *text;
	unsigned line;
	const char *msg; /* substring of the message */
} bad[] = {
    {"on http.server\n", 1, "outside a rule"},
    {"rule\n", 1, "bad id"},
    {"rule a b\n", 1, "junk after the id"},
    {"rule r\n bogus x\n", 2, "unknown directive"},
    {"rule r\n on\n", 2, "expected an observation key"},
    {"rule r\n on http.server!\n", 2, "bad observation key"},
    {"rule r\n port 0\n", 2, "bad port"},
    {"rule r\n port 70000\n", 2, "bad port"},
    {"rule r\n flags q\n", 2, "unknown flag"},
    {"rule r\n lookup makers\n", 2, "lookup brands"},
    {"rule r\n weight 1.5\n", 2, "weight"},
    {"rule r\n weight abc\n", 2, "weight"},
    {"rule r\n weight 0.5\n weight 0.5\n", 3, "duplicate 'weight'"},
    {"rule r\n set colour=red\n", 2, "unknown field"},
    {"rule r\n set class=toaster\n", 2, "class must be"},
    {"rule r\n set surveillance=maybe\n", 2, "surveillance must be"},
    {"rule r\n set model=$0\n", 2, "'$' must be followed"},
    {"rule r\n set model=\n", 2, "empty value"},
    {"rule r\n set model=\"abc\n", 2, "unterminated"},
    {"rule r\n set model=a@2\n", 2, "@weight"},
    {"rule r\n example abc\n", 2, "quoted string"},
    {"rule r\n example \"abc\n", 2, "unterminated string"},
    {"rule r\n example \"\\q\"\n", 2, "unknown escape"},
    {"rule r\n example \"\\x4\"\n", 2, "\\x escape"},
    {"rule r\n example \"a\" junk\n", 2, "junk after the string"},
    {"rule r\n example! \"a\" => model=x\n", 2, "cannot expect"},
    {"rule r\n match\n", 2, "empty pattern"},
    {"rule r\n match a\n match b\n", 3, "duplicate 'match'"},
    {"rule r\n source\n", 2, "source: empty"},
    {"# c\n\nrule r\n match ^x\n set class=camera\n weight 0.5\n"
     " source s\n example \"x\"\n example! \"y\"\n",
     3, "missing 'on'"},
    {"rule r\n on banner\n set class=camera\n weight 0.5\n source s\n"
     " example \"x\"\n example! \"y\"\n",
     1, "missing 'match' or 'lookup'"},
    {"rule r\n on banner\n match x\n weight 0.5\n source s\n"
     " example \"x\"\n example! \"y\"\n",
     1, "missing 'set'"},
    {"rule r\n on banner\n match x\n set class=camera\n source s\n"
     " example \"x\"\n example! \"y\"\n",
     1, "missing 'weight'"},
    {"rule r\n on banner\n match x\n set class=camera\n weight 0.5\n"
     " example \"x\"\n example! \"y\"\n",
     1, "missing 'source'"},
    {"rule r\n on banner\n match x\n set class=camera\n weight 0.5\n"
     " source s\n example \"x\"\n",
     1, "needs at least one"},
    {"rule r\n on banner\n match (x\n set class=camera\n weight 0.5\n"
     " source s\n example \"x\"\n example! \"y\"\n",
     3, "bad pattern"},
    {"rule r\n on banner\n match x\n set model=$2\n weight 0.5\n"
     " source s\n example \"x\"\n example! \"y\"\n",
     4, "capture group"},
    {OKRULE "rule r1\n on banner\n match x\n set class=camera\n weight 0.5\n"
	    " source s\n example \"x\"\n example! \"y\"\n",
     9, "duplicate rule id"},
    {OKRULE "rule r2\n on banner\n", 9, "missing 'match'"},
};

static void
test_loader_errors(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		char err[256], want[32];
		struct cs_fpdb *d =
		    cs_fpdb_load_mem("t.fp", (const uint8_t *)bad[i].text,
				     strlen(bad[i].text), err, sizeof(err));

		if (d != NULL) {
			cs_fpdb_free(d);
			fail_msg("case %zu loaded but should fail", i);
		}
		snprintf(want, sizeof(want), "t.fp:%u: ", bad[i].line);
		if (strncmp(err, want, strlen(want)) != 0 ||
		    strstr(err, bad[i].msg) == NULL)
			fail_msg("case %zu: got \"%s\", want \"%s...%s\"", i,
				 err, want, bad[i].msg);
	}
}

static void
test_loader_binary(void **state)
{
	static const uint8_t nul[] = "rule r\n on banner\0x\n";
	char err[256], *big;
	struct cs_fpdb *d;

	(void)state;
	d = cs_fpdb_load_mem("t.fp", nul, sizeof(nul) - 1, err, sizeof(err));
	assert_null(d);
	assert_non_null(strstr(err, "t.fp:2: NUL byte"));
	big = malloc(5000);
	assert_non_null(big);
	memset(big, 'a', 5000);
	d = cs_fpdb_load_mem("t.fp", (const uint8_t *)big, 5000, err,
			     sizeof(err));
	assert_null(d);
	assert_non_null(strstr(err, "t.fp:1: line too long"));
	free(big);
	/* A good rule with CRLF line ends and comments loads. */
	static const char crlf[] =
	    "# comment\r\nrule r\r\n on http.server # trailing\r\n"
	    " match ^x(\\d+)\r\n flags i\r\n set model=$1 class=camera@0.3\r\n"
	    " weight 0.5\r\n source s\r\n example \"X12\" => model=12\r\n"
	    " example! \"y\"\r\n";
	d = cs_fpdb_load_mem("t.fp", (const uint8_t *)crlf, strlen(crlf), err,
			     sizeof(err));
	if (d == NULL)
		fail_msg("%s", err);
	assert_int_equal(cs_fpdb_rule_count(d), 1);
	assert_int_equal(cs_fpdb_check_examples(d), 0);
	cs_fpdb_free(d);
	/* Failing examples are counted. */
	static const char wrong[] =
	    "rule r\n on banner\n match ^a(b)\n set model=$1\n weight 0.5\n"
	    " source s\n example \"ab\" => model=c\n example \"zz\"\n"
	    " example! \"ab\"\n";
	d = cs_fpdb_load_mem("t.fp", (const uint8_t *)wrong, strlen(wrong), err,
			     sizeof(err));
	assert_non_null(d);
	assert_int_equal(cs_fpdb_check_examples_to(d, NULL), 3);
	cs_fpdb_free(d);
}

/* ---------------------------------------------------------------------- */
/* Identification scenarios. */

static void
add(struct cs_obs_list *l, const char *key, uint16_t port, const char *v)
{
	assert_int_equal(cs_obs_adds(l, key, port, v), 0);
}

static bool
has_ev(const struct cs_identity *id, const char *field, const char *claim,
       const char *rule_prefix)
{
	for (size_t i = 0; i < id->nev; i++)
		if (strcmp(id->ev[i].field, field) == 0 &&
		    strcmp(id->ev[i].claim, claim) == 0 &&
		    (rule_prefix == NULL || strncmp(id->ev[i].rule, rule_prefix,
						    strlen(rule_prefix)) == 0))
			return true;
	return false;
}

static void
dump(const struct cs_identity *id)
{
	fprintf(stderr,
		"# maker=%s (%s) brand=%s model=%s fw=%s class=%s "
		"surv=%d conf=%.3f\n",
		id->manufacturer, id->manufacturer_country, id->brand,
		id->model, id->firmware, cs_class_name(id->device_class),
		id->surveillance, id->confidence);
	for (size_t i = 0; i < id->nev; i++)
		fprintf(stderr, "#   %s=%s  %s  %s:%u  w=%.2f\n",
			id->ev[i].field, id->ev[i].claim, id->ev[i].rule,
			id->ev[i].obs_key, id->ev[i].port, id->ev[i].weight);
}

static void
test_hikvision_camera(void **state)
{
	struct cs_obs_list l;
	struct cs_identity id;

	(void)state;
	cs_obs_list_init(&l);
	add(&l, "tcp.open", 80, "");
	add(&l, "tcp.open", 554, "");
	add(&l, "tcp.open", 8000, "");
	add(&l, "http.server", 80, "App-webs/");
	add(&l, "http.realm", 80, "IP Camera(C2189)");
	add(&l, "hik.isapi", 80,
	    "401 <?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<userCheck "
	    "xmlns=\"http://www.hikvision.com/ver20/XMLSchema\">"
	    "<statusValue>401</statusValue></userCheck>");
	add(&l, "hik.sdk", 8000, "000000100000001e0000001e00000000");
	add(&l, "onvif.scopes", 80,
	    "onvif://www.onvif.org/type/video_encoder "
	    "onvif://www.onvif.org/Profile/Streaming "
	    "onvif://www.onvif.org/hardware/DS-2CD2385G1-I "
	    "onvif://www.onvif.org/name/HIKVISION%20DS-2CD2385G1-I "
	    "onvif://www.onvif.org/location/city/hangzhou");
	cs_fp_identify(db, &l, &id);
	dump(&id);
	assert_string_equal(id.manufacturer, "Hikvision");
	assert_string_equal(id.manufacturer_country, "CN");
	assert_string_equal(id.brand, "Hikvision");
	assert_string_equal(id.model, "DS-2CD2385G1-I");
	assert_int_equal(id.device_class, CS_CLASS_CAMERA);
	assert_true(id.surveillance);
	assert_true(id.confidence > 0.9);
	assert_true(has_ev(&id, "manufacturer", "Hikvision",
			   "hikvision-isapi-namespace"));
	cs_obs_list_free(&l);
}

static void
test_lts_unit(void **state)
{
	struct cs_obs_list l;
	struct cs_identity id;

	(void)state;
	cs_obs_list_init(&l);
	add(&l, "http.server", 80, "App-webs/");
	add(&l, "http.title", 80, "LTS Platinum Web Client");
	add(&l, "http.realm", 80, "hikvision");
	add(&l, "hik.isapi", 80,
	    "200 <DeviceInfo xmlns=\"http://www.isapi.org/ver20/XMLSchema\">"
	    "<model>CMIP8242WB</model><firmwareVersion>V5.5.800"
	    "</firmwareVersion><deviceType>IPCamera</deviceType>"
	    "</DeviceInfo>");
	cs_fp_identify(db, &l, &id);
	dump(&id);
	assert_string_equal(id.brand, "LTS");
	assert_string_equal(id.manufacturer, "Hikvision");
	assert_string_equal(id.model, "CMIP8242WB");
	assert_string_equal(id.firmware, "V5.5.800");
	assert_int_equal(id.device_class, CS_CLASS_CAMERA);
	assert_true(id.surveillance);
	assert_true(has_ev(&id, "brand", "LTS", "brand-in-http-title"));
	assert_true(has_ev(&id, "manufacturer", "Hikvision",
			   "brand-table:brand-in-http-title"));
	cs_obs_list_free(&l);
}

static void
test_amcrest_unit(void **state)
{
	struct cs_obs_list l;
	struct cs_identity id;

	(void)state;
	cs_obs_list_init(&l);
	add(&l, "http.title", 80, "Amcrest");
	add(&l, "dahua.rpc2", 80,
	    "{ \"error\" : { \"code\" : 268632079, \"message\" : \"Component "
	    "error: login challenge!\" }, \"id\" : 1, \"params\" : { "
	    "\"encryption\" : \"Default\", \"random\" : \"123\", \"realm\" : "
	    "\"Login to AMC0123\" }, \"result\" : false, \"session\" : 7 }");
	add(&l, "dahua.dvrip", 37777, "b00000680000000000000000");
	add(&l, "rtsp.server", 554, "Dahua Rtsp Server");
	add(&l, "rtsp.sdp.session", 554, "Sony RTSP Server");
	add(&l, "rtsp.sdp", 554, "v=0\r\ns=Sony RTSP Server\r\nt=0 0\r\n");
	add(&l, "dahua.cgi", 80, "200 type=IP2M-841B\r\n");
	cs_fp_identify(db, &l, &id);
	dump(&id);
	assert_string_equal(id.manufacturer, "Dahua");
	assert_string_equal(id.brand, "Amcrest");
	assert_string_equal(id.model, "IP2M-841B");
	assert_int_equal(id.device_class, CS_CLASS_CAMERA);
	assert_true(id.surveillance);
	assert_true(id.confidence > 0.9);
	assert_false(has_ev(&id, "manufacturer", "Sony", NULL));
	cs_obs_list_free(&l);
}

static void
test_axis_camera(void **state)
{
	struct cs_obs_list l;
	struct cs_identity id;

	(void)state;
	cs_obs_list_init(&l);
	add(&l, "http.server", 80, "Apache/2.4.54 (Unix)");
	add(&l, "axis.basicdeviceinfo", 80,
	    "{\"apiVersion\":\"1.3\",\"data\":{\"propertyList\":{\"Brand\":"
	    "\"AXIS\",\"BuildDate\":\"Jan 01 2024\",\"ProdFullName\":\"AXIS "
	    "M3045-V Network Camera\",\"ProdNbr\":\"M3045-V\",\"ProdType\":"
	    "\"Network Camera\",\"Version\":\"10.12.114\"}}}");
	add(&l, "onvif.ns", 80,
	    "http://www.w3.org/2003/05/soap-envelope "
	    "http://www.onvif.org/ver10/device/wsdl "
	    "http://www.axis.com/vapix/ws/event1");
	cs_fp_identify(db, &l, &id);
	dump(&id);
	assert_string_equal(id.manufacturer, "Axis");
	assert_string_equal(id.manufacturer_country, "SE");
	assert_string_equal(id.brand, "Axis");
	assert_string_equal(id.model, "M3045-V");
	assert_string_equal(id.firmware, "10.12.114");
	assert_int_equal(id.device_class, CS_CLASS_CAMERA);
	assert_true(id.surveillance);
	assert_true(id.confidence > 0.9);
	cs_obs_list_free(&l);
}

static void
test_printer(void **state)
{
	struct cs_obs_list l;
	struct cs_identity id;

	(void)state;
	cs_obs_list_init(&l);
	add(&l, "tcp.open", 80, "");
	add(&l, "tcp.open", 631, "");
	add(&l, "tcp.open", 9100, "");
	add(&l, "http.server", 80,
	    "HP HTTP Server; HP Color LaserJet MFP M477fdw - CF379A");
	add(&l, "http.title", 80, "HP Color LaserJet MFP M477fdw");
	cs_fp_identify(db, &l, &id);
	dump(&id);
	assert_int_equal(id.device_class, CS_CLASS_PRINTER);
	assert_false(id.surveillance);
	assert_string_equal(id.manufacturer, "HP");
	cs_obs_list_free(&l);

	/* A generic Linux web server: other, no maker, low confidence. */
	cs_obs_list_init(&l);
	add(&l, "http.server", 80, "Apache/2.4.57 (Debian)");
	add(&l, "http.title", 80, "Apache2 Debian Default Page: It works");
	cs_fp_identify(db, &l, &id);
	dump(&id);
	assert_int_equal(id.device_class, CS_CLASS_OTHER);
	assert_false(id.surveillance);
	assert_string_equal(id.manufacturer, "");
	assert_true(id.confidence < 0.5);
	cs_obs_list_free(&l);

	/* An Ubuntu LTS page is not an LTS camera. */
	cs_obs_list_init(&l);
	add(&l, "http.title", 80, "Ubuntu 22.04 LTS - Welcome");
	add(&l, "http.server", 80, "nginx/1.18.0 (Ubuntu)");
	cs_fp_identify(db, &l, &id);
	dump(&id);
	assert_string_equal(id.manufacturer, "");
	assert_string_equal(id.brand, "");
	assert_false(id.surveillance);
	cs_obs_list_free(&l);
}

static void
test_conflict(void **state)
{
	struct cs_obs_list l;
	struct cs_identity id, one;

	(void)state;
	cs_obs_list_init(&l);
	add(&l, "http.server", 80, "App-webs/");
	add(&l, "hik.isapi", 80,
	    "401 <userCheck xmlns=\"http://www.hikvision.com/ver20/XMLSchema\">"
	    "<statusValue>401</statusValue></userCheck>");
	cs_fp_identify(db, &l, &one);
	add(&l, "rtsp.server", 554, "Dahua Rtsp Server");
	add(&l, "dahua.dvrip", 37777, "b0010068");
	cs_fp_identify(db, &l, &id);
	dump(&id);
	assert_true(id.confidence < one.confidence);
	assert_true(id.confidence < 0.6);
	assert_true(has_ev(&id, "manufacturer", "Hikvision", NULL));
	assert_true(has_ev(&id, "manufacturer", "Dahua", NULL));
	cs_obs_list_free(&l);
}

static void
test_no_evidence(void **state)
{
	struct cs_obs_list l;
	struct cs_identity id;

	(void)state;
	cs_obs_list_init(&l);
	cs_fp_identify(db, &l, &id);
	assert_string_equal(id.manufacturer, "");
	assert_string_equal(id.brand, "");
	assert_int_equal(id.device_class, CS_CLASS_UNKNOWN);
	assert_false(id.surveillance);
	assert_true(id.confidence == 0.0);
	assert_int_equal(id.nev, 0);
	add(&l, "tcp.open", 22, "");
	add(&l, "banner", 22, "SSH-2.0-OpenSSH_9.2p1 Debian-2");
	cs_fp_identify(db, &l, &id);
	assert_string_equal(id.manufacturer, "");
	assert_int_equal(id.device_class, CS_CLASS_UNKNOWN);
	assert_false(id.surveillance);
	/* Only weak evidence: no maker is named. */
	add(&l, "tcp.open", 37777, "");
	cs_fp_identify(db, &l, &id);
	dump(&id);
	assert_string_equal(id.manufacturer, "");
	assert_true(id.confidence < 0.2);
	cs_obs_list_free(&l);
	/* A NULL database or list gives an empty identity. */
	cs_fp_identify(NULL, NULL, &id);
	assert_string_equal(id.manufacturer, "");
}

static void
test_onvif_brand_only(void **state)
{
	struct cs_obs_list l;
	struct cs_identity id;

	(void)state;
	cs_obs_list_init(&l);
	add(&l, "onvif.manufacturer", 80, "Amcrest");
	add(&l, "onvif.model", 80, "IP8M-2496EB");
	add(&l, "onvif.firmware", 80, "V2.800.00AC006.0.R");
	cs_fp_identify(db, &l, &id);
	dump(&id);
	assert_string_equal(id.manufacturer, "Dahua");
	assert_string_equal(id.brand, "Amcrest");
	assert_string_equal(id.model, "IP8M-2496EB");
	assert_string_equal(id.firmware, "V2.800.00AC006.0.R");
	assert_true(id.surveillance);
	assert_true(has_ev(&id, "manufacturer", "Dahua", "brand-table:"));
	cs_obs_list_free(&l);

	/* "Shanghai Dahua Scale Factory" is not Dahua. */
	cs_obs_list_init(&l);
	add(&l, "http.title", 80, "Shanghai Dahua Scale Factory");
	cs_fp_identify(db, &l, &id);
	assert_string_equal(id.manufacturer, "");
	assert_string_equal(id.brand, "");
	cs_obs_list_free(&l);
}

static void
test_hostile(void **state)
{
	struct cs_obs_list l;
	struct cs_identity id;
	static const uint8_t nul[] = "App-webs/\0\0\0Dahua Rtsp Server\0";
	char *big = malloc(100 * 1024);
	char *bait = malloc(5000);

	(void)state;
	assert_non_null(big);
	assert_non_null(bait);
	cs_obs_list_init(&l);
	assert_int_equal(cs_obs_add(&l, "http.server", 80, CS_OBS_BINARY, nul,
				    sizeof(nul) - 1),
			 0);
	memset(big, 'A', 100 * 1024);
	memcpy(big + 90 * 1024, "<model>X</model>", 16);
	assert_int_equal(cs_obs_add(&l, "hik.isapi", 80, 0, big, 100 * 1024),
			 0);
	assert_int_equal(cs_obs_add(&l, "http.body", 80, 0, big, 100 * 1024),
			 0);
	/* Backtracking bait for patterns like .*?\btype= and (\S.{0,62}). */
	memset(bait, ' ', 4999);
	bait[4999] = 0;
	memcpy(bait, "200 ", 4);
	add(&l, "dahua.cgi", 80, bait);
	add(&l, "onvif.manufacturer", 80, bait);
	memset(bait, 'a', 4999);
	add(&l, "dahua.rpc2", 80, bait);
	add(&l, "http.title", 80, bait);
	cs_fp_identify(db, &l, &id);
	dump(&id);
	/* The pattern saw the bytes before the NULs (explicit length). */
	assert_true(has_ev(&id, "manufacturer", "Hikvision",
			   "hikvision-server-app-webs"));
	assert_string_equal(id.model, ""); /* beyond the 4 KiB window */
	for (size_t i = 0; i < id.nev; i++)
		assert_true(strlen(id.ev[i].value) < sizeof(id.ev[i].value));
	cs_obs_list_free(&l);

	/* A hostile rule pattern is stopped by the match limit. */
	static const char evil[] =
	    "rule evil\n on http.title\n match ^(a+)+$\n set class=camera\n"
	    " weight 0.5\n source s\n example \"aaaa\"\n example! \"b\"\n";
	char err[256];
	struct cs_fpdb *d = cs_fpdb_load_mem("evil.fp", (const uint8_t *)evil,
					     strlen(evil), err, sizeof(err));

	assert_non_null(d);
	cs_obs_list_init(&l);
	memset(bait, 'a', 4000);
	bait[4000] = '!';
	bait[4001] = 0;
	add(&l, "http.title", 80, bait);
	cs_fp_identify(d, &l, &id);
	assert_int_equal(id.device_class, CS_CLASS_UNKNOWN);
	cs_obs_list_free(&l);
	cs_fpdb_free(d);
	free(big);
	free(bait);
}

static void
test_evidence_cap(void **state)
{
	struct cs_obs_list l;
	struct cs_identity id;

	(void)state;
	cs_obs_list_init(&l);
	for (uint16_t p = 1; p <= 60; p++)
		add(&l, "http.server", p, "App-webs/");
	cs_fp_identify(db, &l, &id);
	assert_int_equal(id.nev, CS_FP_MAX_EVIDENCE);
	assert_true(id.nev_dropped > 0);
	assert_string_equal(id.manufacturer, "Hikvision");
	/* One rule counts once however many ports repeat it. */
	assert_true(id.confidence < 0.75);
	cs_obs_list_free(&l);
}

/*
 * Evidence rows come in field order (as enum fp_field), by weight within
 * a field, highest first, one row per claim and source; fill_evidence
 * takes a shorter path when every row fits (field order at once) than
 * when some are dropped (weight order first): both give this.
 */
static void
check_rows(const struct cs_identity *id)
{
	static const char *const order[] = {"manufacturer", "brand",
					    "model",        "firmware",
					    "class",        "surveillance"};
	size_t prev = 0;

	for (size_t i = 0; i < id->nev; i++) {
		const struct cs_evidence *e = &id->ev[i];
		size_t f = 0;

		while (f < CS_NELEM(order) && strcmp(order[f], e->field) != 0)
			f++;
		assert_true(f < CS_NELEM(order));
		assert_true(f >= prev);
		if (i > 0 && f == prev)
			assert_true(e->weight <= id->ev[i - 1].weight);
		for (size_t j = 0; j < i; j++)
			assert_false(strcmp(id->ev[j].field, e->field) == 0 &&
				     strcmp(id->ev[j].rule, e->rule) == 0 &&
				     strcmp(id->ev[j].claim, e->claim) == 0 &&
				     strcmp(id->ev[j].obs_key, e->obs_key) ==
					 0 &&
				     strcmp(id->ev[j].value, e->value) == 0 &&
				     id->ev[j].port == e->port);
		prev = f;
	}
}

static void
test_evidence_rows(void **state)
{
	static const char *const vals[][2] = {
	    {"http.server", "App-webs/"},
	    {"http.title", "LOREX"},
	    {"rtsp.server", "Dahua Rtsp Server"},
	    {"tls.subject", "CN=www.hikvision.com,O=HIKVISION,C=CN"},
	    {"http.realm", "IP Camera(C2189)"},
	};
	struct cs_obs_list l;
	struct cs_identity id;

	(void)state;
	/* all rows fit; the same observation twice gives its rows once */
	cs_obs_list_init(&l);
	for (size_t i = 0; i < CS_NELEM(vals); i++) {
		add(&l, vals[i][0], 0, vals[i][1]);
		add(&l, vals[i][0], 0, vals[i][1]);
	}
	cs_fp_identify(db, &l, &id);
	assert_int_equal(id.nev_dropped, 0);
	assert_true(id.nev > 5);
	check_rows(&id);
	cs_obs_list_free(&l);
	/* more than fit: on many ports, so the rows differ */
	cs_obs_list_init(&l);
	for (uint16_t p = 1; p <= 30; p++)
		for (size_t i = 0; i < CS_NELEM(vals); i++)
			add(&l, vals[i][0], p, vals[i][1]);
	cs_fp_identify(db, &l, &id);
	assert_int_equal(id.nev, CS_FP_MAX_EVIDENCE);
	assert_true(id.nev_dropped > 0);
	check_rows(&id);
	cs_obs_list_free(&l);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_load_counts),
	    cmocka_unit_test(test_evidence_rows),
	    cmocka_unit_test(test_examples),
	    cmocka_unit_test(test_class_names),
	    cmocka_unit_test(test_entity_lookup),
	    cmocka_unit_test(test_loader_errors),
	    cmocka_unit_test(test_loader_binary),
	    cmocka_unit_test(test_hikvision_camera),
	    cmocka_unit_test(test_lts_unit),
	    cmocka_unit_test(test_amcrest_unit),
	    cmocka_unit_test(test_axis_camera),
	    cmocka_unit_test(test_printer),
	    cmocka_unit_test(test_conflict),
	    cmocka_unit_test(test_no_evidence),
	    cmocka_unit_test(test_onvif_brand_only),
	    cmocka_unit_test(test_hostile),
	    cmocka_unit_test(test_evidence_cap),
	};

	return cmocka_run_group_tests_name("fp", tests, setup, teardown);
}
