/* SPDX-License-Identifier: ISC */
/*
 * runZero asset exports (parse_runzero.h): a table of JSON Lines assets
 * written after runZero's Export API Asset schema (runZeroInc/runzero-api
 * openapi.yaml: addresses, macs, names, service_ports_tcp, first_seen,
 * last_seen, and conclusions that are ignored), a table of CSV records
 * under a header of the same field names, and refusals.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "core/text.h"
#include "parse/parse_runzero.h"

/* ip|ports,|macs,|name|first|last */
static void
render(const struct cs_runzero_asset *a, char *out, size_t sz)
{
	size_t n = (size_t)snprintf(out, sz, "%s|", a->ip);

	for (size_t i = 0; i < a->nports && n < sz; i++)
		n += (size_t)snprintf(out + n, sz - n, "%u,", a->ports[i]);
	n += (size_t)snprintf(out + n, sz - n, "|");
	for (size_t i = 0; i < a->nmacs && n < sz; i++)
		n += (size_t)snprintf(out + n, sz - n, "%s,", a->macs[i]);
	snprintf(out + n, sz - n, "|%s|%lld|%lld", a->name,
		 (long long)a->first_seen, (long long)a->last_seen);
}

static const struct {
	const char *name, *line;
	int rc;
	const char *want;
} json_cases[] = {
    {"full asset",
     "{\"id\":\"e77602e0-3fb8-4734-aef9-fbc6fdcb0fa8\",\"alive\":true,"
     "\"addresses\":[\"192.0.2.20\",\"192.0.2.99\"],\"addresses_extra\":"
     "[\"10.0.0.1\"],\"macs\":[\"C0:56:E3:11:22:33\",\"c0-56-e3-11-22-33\","
     "\"44:19:b6:00:00:01\"],\"mac_vendors\":[\"Hikvision\"],\"names\":"
     "[\"CAM-LOBBY\",\"cam\"],\"service_ports_tcp\":[\"80\",\"554\",\"80\","
     "\"0\",\"99999\",\"x\"],\"service_ports_udp\":[\"37020\"],\"first_seen\":"
     "1700000000,\"last_seen\":1700003600,\"type\":\"IP Camera\",\"hw\":"
     "\"ignored\",\"os\":\"ignored\",\"services\":{\"192.0.2.20/tcp/80\":"
     "{\"http.title\":\"ignored\"}}}",
     0,
     "192.0.2.20|80,554,|c0:56:e3:11:22:33,44:19:b6:00:00:01,|CAM-LOBBY|"
     "1700000000|1700003600"},
    {"IPv6 first when the IPv4 is not an address",
     "{\"addresses\":[\"999.0.0.1\",\"2001:db8::20\"],\"service_ports_tcp\":"
     "[443]}  ",
     0, "2001:db8::20|443,|||0|0"},
    {"only the id", "{\"id\":\"x\"}", -1, NULL},
    {"addresses empty", "{\"addresses\":[]}", -1, NULL},
    {"addresses not a list", "{\"addresses\":\"192.0.2.1\"}", -1, NULL},
    {"an array (assets.json)", "[{\"addresses\":[\"192.0.2.1\"]}]", -1, NULL},
    {"trailing garbage", "{\"addresses\":[\"192.0.2.1\"]} x", -1, NULL},
    {"cut", "{\"addresses\":[\"192.0.2.1\"]", -1, NULL},
    {"empty", "", -1, NULL},
    {"too deep",
     "{\"addresses\":[\"192.0.2.1\"],\"a\":[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["
     "]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}",
     -3, NULL},
};

static void
test_json(void **state)
{
	static struct cs_runzero_asset a;

	(void)state;
	for (size_t i = 0; i < sizeof(json_cases) / sizeof(json_cases[0]);
	     i++) {
		char err[200] = "", got[1024];
		int rc = cs_runzero_json((const uint8_t *)json_cases[i].line,
					 strlen(json_cases[i].line), &a, err,
					 sizeof(err));

		if (rc != json_cases[i].rc)
			fail_msg("%s: rc %d, want %d (%s)", json_cases[i].name,
				 rc, json_cases[i].rc, err);
		if (rc != 0) {
			assert_true(err[0] != '\0');
			continue;
		}
		render(&a, got, sizeof(got));
		if (strcmp(got, json_cases[i].want) != 0)
			fail_msg("%s:\n got  %s\n want %s", json_cases[i].name,
				 got, json_cases[i].want);
	}
}

/* A CSV export: header and records through core's reader. */
static const struct {
	const char *name, *csv;
	int header_rc;
	const char *want[4]; /* per record; "!" for a refused one */
} csv_cases[] = {
    {"export columns in runZero's order, lists in several forms",
     "id,addresses,addresses_extra,type,os,hw,macs,names,"
     "service_ports_tcp,first_seen,last_seen\r\n"
     "a1,\"192.0.2.21\t2001:db8::21\",,IP Camera,Linux,x,"
     "\"c0:56:e3:11:22:34, 44:19:b6:00:00:01\",NVR-1,\"80 554;8000\","
     "1700000000,1700003600\r\n"
     "a2,,,,,,,,80,,\r\n"
     "a3,192.0.2.22,,,,,,,,,\r\n",
     0,
     {"192.0.2.21|80,554,8000,|c0:56:e3:11:22:34,44:19:b6:00:00:01,|NVR-1|"
      "1700000000|1700003600",
      "!", "192.0.2.22||||0|0", NULL}},
    {"short rows and a minimal header",
     "addresses\n192.0.2.23\n",
     0,
     {"192.0.2.23||||0|0", NULL}},
    {"no addresses column", "id,macs\na,c0:56:e3:11:22:33\n", -1, {NULL}},
};

static void
test_csv(void **state)
{
	static struct cs_csv c;
	static struct cs_runzero_asset a;

	(void)state;
	for (size_t i = 0; i < sizeof(csv_cases) / sizeof(csv_cases[0]); i++) {
		const char *f[CS_CSV_MAX_FIELDS];
		struct cs_runzero_cols cols;
		char err[200] = "", got[1024];
		size_t rec = 0;
		int rc;

		cs_csv_init(&c, cs_span_make(csv_cases[i].csv,
					     strlen(csv_cases[i].csv)));
		assert_int_equal(cs_csv_next(&c, err, sizeof(err)), 1);
		for (size_t k = 0; k < c.nfield; k++)
			f[k] = c.field[k];
		rc =
		    cs_runzero_csv_header(&cols, f, c.nfield, err, sizeof(err));
		if (rc != csv_cases[i].header_rc)
			fail_msg("%s: header rc %d", csv_cases[i].name, rc);
		if (rc != 0) {
			assert_true(err[0] != '\0');
			continue;
		}
		while (cs_csv_next(&c, err, sizeof(err)) == 1) {
			const char *want = csv_cases[i].want[rec++];

			assert_non_null(want);
			for (size_t k = 0; k < c.nfield; k++)
				f[k] = c.field[k];
			rc = cs_runzero_csv_row(&cols, f, c.nfield, &a, err,
						sizeof(err));
			if (strcmp(want, "!") == 0) {
				if (rc != -1 || err[0] == '\0')
					fail_msg("%s: record %zu: rc %d, want "
						 "a refusal",
						 csv_cases[i].name, rec, rc);
				continue;
			}
			assert_int_equal(rc, 0);
			render(&a, got, sizeof(got));
			if (strcmp(got, want) != 0)
				fail_msg("%s: record %zu:\n got  %s\n want %s",
					 csv_cases[i].name, rec, got, want);
		}
		assert_null(csv_cases[i].want[rec]);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_json),
	    cmocka_unit_test(test_csv),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
