/* SPDX-License-Identifier: ISC */
/* Tests of the bounded JSON wrapper. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <json-c/json.h>

#include "parse/parse_json.h"
#include "core/poison.h"

#define L(s) (const uint8_t *)(s), sizeof(s) - 1

static const char axis[] =
    "{\"apiVersion\":\"1.3\",\"data\":{\"propertyList\":{\"Brand\":\"AXIS\","
    "\"BuildDate\":\"Nov 07 2022 11:21\",\"HardwareID\":\"932.1\","
    "\"ProdFullName\":\"AXIS M3106-L Mk II Network Camera\","
    "\"ProdNbr\":\"M3106-L Mk II\",\"ProdShortName\":\"AXIS M3106-L Mk II\","
    "\"ProdType\":\"Network Camera\",\"ProdVariant\":\"\","
    "\"SerialNumber\":\"ACCC8E000000\",\"Version\":\"10.12.114\","
    "\"WebURL\":\"http://www.axis.com\"}},\"method\":"
    "\"getAllUnrestrictedProperties\"}\n";

static const char dahua_login[] =
    "{ \"error\" : { \"code\" : 268632079, \"message\" : "
    "\"Component error: login challenge!\" }, \"id\" : 1, \"params\" : { "
    "\"authorization\" : \"1a2b3c\", \"encryption\" : \"Default\", "
    "\"mac\" : \"3CEF8C000000\", \"random\" : \"123456789\", "
    "\"realm\" : \"Login to 7J0000000000000\" }, \"result\" : false, "
    "\"session\" : \"a1b2c3d4\" }\n";

static const char dhip_reply[] =
    "{\"mac\":\"3c:ef:8c:00:00:00\",\"method\":\"client.notifyDevInfo\","
    "\"params\":{\"deviceInfo\":{\"DeviceClass\":\"IPC\",\"DeviceType\":"
    "\"IPC-HDW1431T1-S4\",\"HttpPort\":80,\"IPv4Address\":{\"DhcpEnable\":"
    "false,\"IPAddress\":\"127.0.0.2\"},\"Port\":37777,\"Vendor\":"
    "\"Private\",\"Version\":\"2.800.0000000.13.R\",\"Ratio\":1.5,"
    "\"Channels\":[\"a\",{\"b\":\"c\"}],\"Null\":null}}}\n\0";

struct get_case {
	const char *doc, *path, *want;
	int rc;
};

static const struct get_case get_cases[] = {
    {axis, "data.propertyList.ProdNbr", "M3106-L Mk II", 0},
    {axis, "data.propertyList.Brand", "AXIS", 0},
    {axis, "data.propertyList.ProdVariant", "", 0},
    {axis, "data.propertyList", "", CS_ENOTFOUND},
    {axis, "data.propertyList.Nope", "", CS_ENOTFOUND},
    {axis, "apiVersion.x", "", CS_ENOTFOUND},
    {axis, "", "", CS_ENOTFOUND},
    {axis, "data..Brand", "", CS_ENOTFOUND},
    {dahua_login, "params.realm", "Login to 7J0000000000000", 0},
    {dahua_login, "params.random", "123456789", 0},
    {dahua_login, "error.code", "268632079", 0},
    {dahua_login, "result", "false", 0},
    {dahua_login, "session", "a1b2c3d4", 0},
    {dhip_reply, "params.deviceInfo.DeviceType", "IPC-HDW1431T1-S4", 0},
    {dhip_reply, "params.deviceInfo.Port", "37777", 0},
    {dhip_reply, "params.deviceInfo.IPv4Address.DhcpEnable", "false", 0},
    {dhip_reply, "params.deviceInfo.Ratio", "1.5", 0},
    {dhip_reply, "params.deviceInfo.Channels.0", "a", 0},
    {dhip_reply, "params.deviceInfo.Channels.1.b", "c", 0},
    {dhip_reply, "params.deviceInfo.Channels.2", "", CS_ENOTFOUND},
    {dhip_reply, "params.deviceInfo.Channels.-1", "", CS_ENOTFOUND},
    {dhip_reply, "params.deviceInfo.Channels.x", "", CS_ENOTFOUND},
    {dhip_reply, "params.deviceInfo.Null", "", CS_ENOTFOUND},
};

static void
test_get(void **state)
{
	(void)state;
	for (size_t i = 0; i < CS_NELEM(get_cases); i++) {
		const struct get_case *c = &get_cases[i];
		struct json_object *o;
		char out[64];
		size_t n = strlen(c->doc);

		print_message("# %s\n", c->path);
		assert_int_equal(cs_json_parse((const uint8_t *)c->doc, n, &o),
				 0);
		assert_int_equal(cs_json_get_str(o, c->path, out, sizeof(out)),
				 c->rc);
		assert_string_equal(out, c->want);
		json_object_put(o);
	}
}

static void
test_get_edges(void **state)
{
	struct json_object *o;
	char out[8];

	(void)state;
	/* Truncation and NUL replacement. */
	assert_int_equal(
	    cs_json_parse(L("{\"a\":\"0123456789\",\"b\":\"x\\u0000y\"}"), &o),
	    0);
	assert_int_equal(cs_json_get_str(o, "a", out, sizeof(out)), 0);
	assert_string_equal(out, "0123456");
	assert_int_equal(cs_json_get_str(o, "b", out, sizeof(out)), 0);
	assert_string_equal(out, "x?y");
	assert_int_equal(cs_json_get_str(o, "a", out, 1), 0);
	assert_string_equal(out, "");
	assert_int_equal(cs_json_get_str(o, "a", out, 0), CS_ENOTFOUND);
	assert_int_equal(cs_json_get_str(NULL, "a", out, sizeof(out)),
			 CS_ENOTFOUND);
	assert_int_equal(cs_json_get_str(o, NULL, out, sizeof(out)),
			 CS_ENOTFOUND);
	json_object_put(o);
	/* A top-level scalar: the empty path does not address it. */
	assert_int_equal(cs_json_parse(L("42"), &o), 0);
	assert_int_equal(json_object_get_int(o), 42);
	json_object_put(o);
}

struct parse_case {
	const char *name;
	const uint8_t *p;
	size_t n;
	int rc;
};

static const struct parse_case parse_cases[] = {
    {"axis", L(axis), 0},
    {"dahua login challenge", L(dahua_login), 0},
    {"dhip reply with NUL after", L(dhip_reply), 0},
    {"number", L("12"), 0},
    {"string", L("\"x\""), 0},
    {"whitespace around", L(" \r\n\t{}\r\n\t "), 0},
    {"overlong utf-8 kept", L("{\"a\":\"\xc0\xaf\"}"), 0},
    {"CR alone is whitespace", L("{\"a\":\r1}"), 0},
    {"empty", (const uint8_t *)"", 0, CS_ETRUNC},
    {"one byte", L("{"), CS_ETRUNC},
    {"unterminated string", L("{\"a\":\"b"), CS_ETRUNC},
    {"only whitespace", L("  "), CS_ETRUNC},
    {"trailing garbage", L("{} x"), CS_EPROTO},
    {"two documents", L("{}{}"), CS_EPROTO},
    {"NUL then garbage", L("{}\0x"), CS_EPROTO},
    {"embedded NUL in object", L("{\"a\"\0:1}"), CS_EPROTO},
    {"bad token", L("{\"a\":tru}"), CS_EPROTO},
    {"html", L("<html>"), CS_EPROTO},
    {"lone comma", L(","), CS_EPROTO},
};

static void
test_parse(void **state)
{
	(void)state;
	for (size_t i = 0; i < CS_NELEM(parse_cases); i++) {
		struct json_object *o = (struct json_object *)1;
		int rc = cs_json_parse(parse_cases[i].p, parse_cases[i].n, &o);

		print_message("# %s\n", parse_cases[i].name);
		assert_int_equal(rc, parse_cases[i].rc);
		if (rc != 0)
			assert_null(o);
		json_object_put(o == (struct json_object *)1 ? NULL : o);
	}
}

static void
test_caps(void **state)
{
	char buf[128];
	size_t n = 0;
	uint8_t *big;
	struct json_object *o;

	(void)state;
	/* Depth 16 fits, 17 does not. */
	for (int i = 0; i < 16; i++)
		buf[n++] = '[';
	for (int i = 0; i < 16; i++)
		buf[n++] = ']';
	assert_int_equal(cs_json_parse((const uint8_t *)buf, n, &o), 0);
	json_object_put(o);
	n = 0;
	for (int i = 0; i < 17; i++)
		buf[n++] = '[';
	for (int i = 0; i < 17; i++)
		buf[n++] = ']';
	assert_int_equal(cs_json_parse((const uint8_t *)buf, n, &o), CS_ELIMIT);
	assert_null(o);
	/* Exactly the byte cap, then one more. */
	big = malloc(CS_JSON_MAX + 1);
	assert_non_null(big);
	memset(big, ' ', CS_JSON_MAX + 1);
	big[0] = '"';
	memset(big + 1, 'x', CS_JSON_MAX - 2);
	big[CS_JSON_MAX - 1] = '"';
	assert_int_equal(cs_json_parse(big, CS_JSON_MAX, &o), 0);
	assert_int_equal(json_object_get_string_len(o), CS_JSON_MAX - 2);
	json_object_put(o);
	assert_int_equal(cs_json_parse(big, CS_JSON_MAX + 1, &o), CS_ELIMIT);
	assert_null(o);
	free(big);
}

/* The salvage scanner (issue #11 §3): sloppy, cut or unframed JSON. */
struct scan_case {
	const char *doc, *key, *want; /* want NULL: not found */
};

static const struct scan_case scan_cases[] = {
    {axis, "ProdNbr", "M3106-L Mk II"},
    {axis, "Version", "10.12.114"}, /* not apiVersion */
    {dahua_login, "realm", "Login to 7J0000000000000"},
    {dahua_login, "code", "268632079"},
    {dhip_reply, "DeviceType", "IPC-HDW1431T1-S4"},
    {dhip_reply, "Null", NULL},
    {"{'DeviceType':'NVR4104HS-P-4KS2','x':1}", "DeviceType",
     "NVR4104HS-P-4KS2"},
    {"{DeviceClass: \"XVR\", Version: '4.001',}", "DeviceClass", "XVR"},
    {"{DeviceClass: \"XVR\", Version: '4.001',}", "Version", "4.001"},
    {"{\n  \"Brand\" : \"AXIS\",\n  \"ProdNbr\" : \"P3245-LVE\",\n}", "ProdNbr",
     "P3245-LVE"},
    {"\x20\0\0\0DHIP\x01garbage{\"DeviceType\":\"IPC-X\"}\x00\x00",
     "DeviceType", "IPC-X"},
    /* a string cut by the end does not count; a complete one before does */
    {"{\"DeviceType\":\"IPC-HFW\",\"SerialNo\":\"6J0", "DeviceType", "IPC-HFW"},
    {"{\"DeviceType\":\"IPC-HFW\",\"SerialNo\":\"6J0", "SerialNo", NULL},
    {"{\"n\":12", "n", NULL}, /* a bare value at the end may be cut */
    /* a value that looks like a key is not one */
    {"{\"a\":\"Model\",\"Model\":\"M1\"}", "Model", "M1"},
    {"{\"a\":\"DeviceType:\",\"b\":2}", "DeviceType", NULL},
    /* nested object skipped, later scalar found */
    {"{\"type\":{\"x\":1},\"y\":{\"type\":\"VTO\"}}", "type", "VTO"},
    {"{\"s\":\"a\\\"b\\u0041\\u00e9\"}", "s", "a\"bA?"},
    {"", "x", NULL},
    {"{\"x\"", "x", NULL},
    /* a Python 2 repr (an integration's log): u'' and b'' prefixes on
     * values are not part of them; a bare word u is still a value */
    {"{u'params': {u'type': u'IPC-D2B20-ZS'}, u'result': True}", "type",
     "IPC-D2B20-ZS"},
    {"{u'params': {u'Vendor': b\"EZIP\"}}", "Vendor", "EZIP"},
    {"{u'result': True, u'id': 6}", "result", "True"},
    {"{'a': u, 'b': 'x'}", "a", "u"},
    {"{'a': u'cut", "a", NULL},
};

static void
test_scan(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(scan_cases) / sizeof(scan_cases[0]);
	     i++) {
		const struct scan_case *c = &scan_cases[i];
		size_t n = strlen(c->doc);
		char out[64];
		int rc;

		if (c->doc == dhip_reply)
			n = sizeof(dhip_reply) - 1;
		if (strncmp(c->doc, "\x20\0", 2) == 0)
			n = 4 + 4 + 8 + 22 + 2; /* header, junk, JSON, NULs */
		rc = cs_json_scan((const uint8_t *)c->doc, n, c->key, out,
				  sizeof(out));
		if (c->want == NULL) {
			assert_int_equal(rc, CS_ENOTFOUND);
			assert_string_equal(out, "");
		} else {
			assert_int_equal(rc, 0);
			assert_string_equal(out, c->want);
		}
	}
	/* cut to fit the output */
	{
		char small[4];

		assert_int_equal(cs_json_scan(L("{\"k\":\"abcdef\"}"), "k",
					      small, sizeof(small)),
				 0);
		assert_string_equal(small, "abc");
	}
	assert_true(cs_json_valid(L("{\"a\":1}")));
	assert_false(cs_json_valid(L("{a:1}")));
}

/* cs_json_line_object and the member getters the JSON Lines parsers
 * (Shodan, runZero, Censys) share. */
static void
test_line_object(void **state)
{
	static const struct {
		const char *in;
		size_t max;
		int depth, rc;
		const char *err;
	} t[] = {
	    {"{\"ip\":\"192.0.2.1\"}", 64, 4, 0, ""},
	    {"{\"ip\":\"192.0.2.1\"}  ", 64, 4, 0, ""},
	    {"[1,2]", 64, 4, CS_EPROTO, "not a JSON object on one line"},
	    {"\"s\"", 64, 4, CS_EPROTO, "not a JSON object on one line"},
	    {"null", 64, 4, CS_EPROTO, "not a JSON object on one line"},
	    {"{\"a\":", 64, 4, CS_EPROTO, "not a JSON object on one line"},
	    {"{} {}", 64, 4, CS_EPROTO, "not a JSON object on one line"},
	    {"", 64, 4, CS_EPROTO, "not a JSON object on one line"},
	    {"{\"a\":\"0123456789\"}", 10, 4, CS_ELIMIT,
	     "over the size or nesting caps"},
	    {"{\"a\":{\"b\":{\"c\":1}}}", 64, 2, CS_ELIMIT,
	     "over the size or nesting caps"},
	};

	(void)state;
	for (size_t i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		struct json_object *o = (struct json_object *)&o;
		char err[64] = "";
		int rc = cs_json_line_object((const uint8_t *)t[i].in,
					     strlen(t[i].in), t[i].max,
					     t[i].depth, &o, err, sizeof(err));

		if (rc != t[i].rc || strcmp(err, t[i].err) != 0 ||
		    (rc == 0) != (o != NULL))
			fail_msg("'%s': rc %d err '%s'", t[i].in, rc, err);
		json_object_put(o);
	}
}

static void
test_member(void **state)
{
	struct json_object *o, *arr;
	char err[64];
	size_t len = 0;

	(void)state;
	assert_int_equal(cs_json_line_object(L("{\"s\":\"ab\\u0000c\",\"n\":7,"
					       "\"o\":{\"k\":\"v\"},\"a\":[]}"),
					     256, 4, &o, err, sizeof(err)),
			 0);
	assert_string_equal(cs_json_member_str(o, "s", &len), "ab");
	assert_int_equal(len, 4); /* the length counts past a NUL */
	assert_null(cs_json_member_str(o, "n", NULL)); /* not a string */
	assert_non_null(cs_json_member(o, "n"));
	assert_null(cs_json_member(o, "missing"));
	assert_string_equal(
	    cs_json_member_str(cs_json_member(o, "o"), "k", NULL), "v");
	arr = cs_json_member(o, "a");
	assert_non_null(arr);
	assert_null(cs_json_member(arr, "k")); /* not an object */
	assert_null(cs_json_member(NULL, "k"));
	assert_null(cs_json_member_str(NULL, "k", &len));
	json_object_put(o);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_scan),
	    cmocka_unit_test(test_get),
	    cmocka_unit_test(test_get_edges),
	    cmocka_unit_test(test_parse),
	    cmocka_unit_test(test_caps),
	    cmocka_unit_test(test_line_object),
	    cmocka_unit_test(test_member),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
