/* SPDX-License-Identifier: ISC */
/*
 * Censys host records (parse_censys.h): a table of lines written after
 * the Search 2.0 host data definitions (ip, last_updated_at, services[]
 * with port, transport_protocol, service_name, banner,
 * http.response.html_title, tls.certificates.leaf_data.subject_dn and
 * issuer_dn) and the search answer ({"code","status","result":{"hits"}}),
 * the hosts and items each yields; refusals.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "parse/parse_censys.h"

struct out {
	char text[4096];
	size_t n;
};

/* ip|ts|ports,|kind/service@port=data;...  hosts joined by "#" */
static void
on_host(void *arg, const struct cs_censys_host *h)
{
	struct out *o = arg;
	size_t sz = sizeof(o->text);

	o->n += (size_t)snprintf(o->text + o->n, sz - o->n, "%s%s|%lld|",
				 o->n ? "#" : "", h->ip, (long long)h->ts);
	for (size_t i = 0; i < h->nports && o->n < sz; i++)
		o->n += (size_t)snprintf(o->text + o->n, sz - o->n, "%u,",
					 h->ports[i]);
	o->n += (size_t)snprintf(o->text + o->n, sz - o->n, "|");
	for (size_t i = 0; i < h->nitems && o->n < sz; i++)
		o->n += (size_t)snprintf(
		    o->text + o->n, sz - o->n, "%s/%s@%u=%s;", h->item[i].kind,
		    h->item[i].service, h->item[i].port, h->item[i].data);
}

static const struct {
	const char *name, *line;
	int rc;
	const char *want;
} cases[] = {
    {"host with HTTP, TLS, RTSP and a UDP service",
     "{\"ip\":\"192.0.2.30\",\"last_updated_at\":\"2023-11-14T22:13:20.123Z\","
     "\"location\":{\"country\":\"X\"},\"services\":["
     "{\"port\":80,\"service_name\":\"HTTP\",\"extended_service_name\":"
     "\"HTTP\",\"transport_protocol\":\"TCP\",\"banner\":\"HTTP/1.1 200 "
     "OK\\r\\nServer: App-webs/\\r\\n\",\"http\":{\"response\":"
     "{\"html_title\":\"Login\",\"status_code\":200}},\"software\":"
     "[{\"product\":\"ignored\"}]},"
     "{\"port\":443,\"service_name\":\"HTTP\",\"transport_protocol\":\"TCP\","
     "\"tls\":{\"certificates\":{\"leaf_data\":{\"subject_dn\":\"C=CN, "
     "O=Hikvision, CN=cam\",\"issuer_dn\":\"C=CN, CN=ca\"}}}},"
     "{\"port\":554,\"service_name\":\"RTSP\",\"transport_protocol\":\"TCP\","
     "\"banner\":\"RTSP/1.0 401 Unauthorized\\r\\n\"},"
     "{\"port\":23,\"service_name\":\"TELNET\",\"transport_protocol\":"
     "\"TCP\",\"banner\":\"login: \"},"
     "{\"port\":80,\"service_name\":\"HTTP\",\"transport_protocol\":\"TCP\"},"
     "{\"port\":161,\"service_name\":\"SNMP\",\"transport_protocol\":\"UDP\","
     "\"banner\":\"x\"}]}",
     1,
     "192.0.2.30|1700000000|80,443,554,23,|http/@80=HTTP/1.1 200 OK\r\n"
     "Server: App-webs/\r\n;http.title/@80=Login;tls.subject/@443=C=CN, "
     "O=Hikvision, CN=cam;tls.issuer/@443=C=CN, CN=ca;rtsp/@554=RTSP/1.0 "
     "401 Unauthorized\r\n;banner/telnet@23=login: ;banner/snmp@0=x;"},
    {"search answer page: two hosts, one without a valid ip",
     "{\"code\":200,\"status\":\"OK\",\"result\":{\"query\":\"q\",\"total\":3,"
     "\"hits\":[{\"ip\":\"192.0.2.31\",\"last_updated_at\":"
     "\"2023-11-14T22:13:20Z\"},{\"ip\":\"x\"},{\"ip\":\"2001:db8::32\","
     "\"services\":[{\"port\":8000}]}],\"links\":{\"next\":\"\"}}}",
     2, "192.0.2.31|1700000000||#2001:db8::32|0|8000,|"},
    {"host without a valid ip: none", "{\"ip\":\"300.1.1.1\"}", 0, ""},
    {"bad time",
     "{\"ip\":\"192.0.2.33\",\"last_updated_at\":\"2023-13-01T00:"
     "00:00Z\"}",
     1, "192.0.2.33|0||"},
    {"neither host nor answer", "{\"port\":80}", -1, NULL},
    {"not an object", "[{\"ip\":\"192.0.2.1\"}]", -1, NULL},
    {"trailing garbage", "{\"ip\":\"192.0.2.1\"} x", -1, NULL},
    {"cut", "{\"ip\":\"192.0.2.1\"", -1, NULL},
    {"empty", "", -1, NULL},
    {"too deep",
     "{\"ip\":\"192.0.2.1\",\"a\":[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["
     "[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}",
     -3, NULL},
};

static void
test_table(void **state)
{
	static struct cs_censys_host h;

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct out o = {.n = 0};
		char err[200] = "";
		int rc;

		o.text[0] = '\0';
		rc = cs_censys_parse((const uint8_t *)cases[i].line,
				     strlen(cases[i].line), &h, on_host, &o,
				     err, sizeof(err));
		if (rc != cases[i].rc)
			fail_msg("%s: rc %d, want %d (%s)", cases[i].name, rc,
				 cases[i].rc, err);
		if (rc < 0) {
			assert_true(err[0] != '\0');
			assert_int_equal(o.n, 0);
			continue;
		}
		if (strcmp(o.text, cases[i].want) != 0)
			fail_msg("%s:\n got  %s\n want %s", cases[i].name,
				 o.text, cases[i].want);
	}
}

/* More items than the cap: the first are kept, the rest counted. */
static void
test_caps(void **state)
{
	static struct cs_censys_host h;
	static char line[1 << 16];
	struct out o = {.n = 0};
	char err[200];
	size_t n = 0;

	(void)state;
	n += (size_t)snprintf(line + n, sizeof(line) - n,
			      "{\"ip\":\"192.0.2.40\",\"services\":[");
	for (int i = 0; i < 300; i++)
		n += (size_t)snprintf(line + n, sizeof(line) - n,
				      "%s{\"port\":%d,\"transport_protocol\":"
				      "\"TCP\",\"banner\":\"b\"}",
				      i ? "," : "", 1000 + i);
	n += (size_t)snprintf(line + n, sizeof(line) - n, "]}");
	assert_int_equal(cs_censys_parse((const uint8_t *)line, n, &h, on_host,
					 &o, err, sizeof(err)),
			 1);
	assert_int_equal(h.nports, CS_CENSYS_PORTS_MAX);
	assert_int_equal(h.nitems, CS_CENSYS_ITEMS_MAX);
	assert_int_equal(h.dropped, (300 - CS_CENSYS_PORTS_MAX) +
					(300 - CS_CENSYS_ITEMS_MAX));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_table),
	    cmocka_unit_test(test_caps),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
