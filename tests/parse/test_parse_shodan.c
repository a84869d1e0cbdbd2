/* SPDX-License-Identifier: ISC */
/*
 * Shodan banners (parse_shodan.h): a table of banners written after
 * Shodan's Banner Specification (ip_str/ip, port, transport, data,
 * _shodan.module, timestamp, hostnames, http.title/server, ssl.cert
 * subject/issuer) and the items each yields; refusals.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "parse/parse_shodan.h"

struct tcase {
	const char *name, *line;
	int rc;
	const char *want; /* ip|port|tcp|module|host|ts|kind/service=data;... */
};

static const struct tcase cases[] = {
    {"http banner with title and certificate",
     "{\"ip_str\":\"192.0.2.10\",\"ip\":3221225994,\"port\":443,"
     "\"transport\":\"tcp\",\"timestamp\":\"2023-11-14T22:13:20.123456\","
     "\"hostnames\":[\"cam.example\"],\"_shodan\":{\"module\":\"https\"},"
     "\"data\":\"HTTP/1.1 200 OK\\r\\nServer: App-webs/\\r\\n\\r\\n\","
     "\"http\":{\"title\":\"Login\",\"server\":\"App-webs/\"},"
     "\"ssl\":{\"cert\":{\"subject\":{\"CN\":\"www.example, cam\","
     "\"O\":\"Example\",\"C\":\"CN\"},\"issuer\":{\"CN\":\"CA\"}}},"
     "\"product\":\"ignored\"}",
     0,
     "192.0.2.10|443|1|https|cam.example|1700000000|http/=HTTP/1.1 200 "
     "OK\r\nServer: App-webs/\r\n\r\n;http.title/=Login;tls.subject/="
     "CN=www.example\\, cam,O=Example,C=CN;tls.issuer/=CN=CA;"},
    {"rtsp, integer ip only",
     "{\"ip\":3221225995,\"port\":554,\"data\":\"RTSP/1.0 401 "
     "Unauthorized\\r\\nServer: Rtsp Server/3.0\\r\\n\\r\\n\","
     "\"_shodan\":{\"module\":\"rtsp-tcp\"}}",
     0,
     "192.0.2.11|554|1|rtsp-tcp||0|rtsp/=RTSP/1.0 401 Unauthorized\r\n"
     "Server: Rtsp Server/3.0\r\n\r\n;"},
    {"telnet banner; http.server kept without an HTTP head; udp",
     "{\"ip_str\":\"2001:db8::5\",\"port\":23,\"transport\":\"udp\","
     "\"data\":\"login:\",\"_shodan\":{\"module\":\"telnet\"},"
     "\"http\":{\"server\":\"Boa/0.94\"}}  ",
     0,
     "2001:db8::5|23|0|telnet||0|banner/telnet=login:;http.server/=Boa/0.94;"},
    {"no address", "{\"port\":80,\"data\":\"x\"}", -1, NULL},
    {"bad ip_str", "{\"ip_str\":\"999.1.1.1\"}", -1, NULL},
    {"not an object", "[1,2]", -1, NULL},
    {"trailing garbage", "{\"ip_str\":\"192.0.2.1\"} x", -1, NULL},
    {"cut", "{\"ip_str\":\"192.0.2.1\"", -1, NULL},
    {"empty", "", -1, NULL},
    {"too deep",
     "{\"ip_str\":\"192.0.2.1\",\"a\":[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["
     "]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}",
     -3, NULL},
};

static void
render(const struct cs_shodan_rec *r, char *out, size_t sz)
{
	size_t n =
	    (size_t)snprintf(out, sz, "%s|%u|%d|%s|%s|%lld|", r->ip, r->port,
			     r->tcp, r->module, r->hostname, (long long)r->ts);
	for (size_t i = 0; i < r->nitems && n < sz; i++)
		n += (size_t)snprintf(out + n, sz - n, "%s/%s=%s;",
				      r->item[i].kind, r->item[i].service,
				      r->item[i].data);
}

static void
test_table(void **state)
{
	static struct cs_shodan_rec r;

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char err[200] = "", got[2048];
		int rc = cs_shodan_parse((const uint8_t *)cases[i].line,
					 strlen(cases[i].line), &r, err,
					 sizeof(err));

		if (rc != cases[i].rc)
			fail_msg("%s: rc %d, want %d (%s)", cases[i].name, rc,
				 cases[i].rc, err);
		if (rc != 0) {
			assert_true(err[0] != '\0');
			continue;
		}
		render(&r, got, sizeof(got));
		if (strcmp(got, cases[i].want) != 0)
			fail_msg("%s:\n got  %s\n want %s", cases[i].name, got,
				 cases[i].want);
	}
}

/*
 * A certificate name longer than the parser's 512-byte name buffer is cut
 * at a whole attribute: a CN of 506 bytes fills "CN=..." to 509 bytes,
 * and the C that follows no longer fits.  It was written as far as ",C"
 * with the terminating NUL one byte past the buffer (found by fuzz_shodan
 * under ASan).
 */
static void
test_long_name(void **state)
{
	static struct cs_shodan_rec r;
	char line[1024], cn[507], err[128];
	const struct cs_shodan_item *subj;
	size_t k = 0;
	int n;

	(void)state;
	memset(cn, 'a', sizeof(cn) - 1);
	cn[sizeof(cn) - 1] = '\0';
	n = snprintf(
	    line, sizeof(line),
	    "{\"ip_str\":\"192.0.2.10\",\"port\":443,\"ssl\":{\"cert\":"
	    "{\"subject\":{\"CN\":\"%s\",\"C\":\"HN\"}}}}",
	    cn);
	assert_true(n > 0 && (size_t)n < sizeof(line));
	assert_int_equal(cs_shodan_parse((const uint8_t *)line, (size_t)n, &r,
					 err, sizeof(err)),
			 0);
	while (k < r.nitems && strcmp(r.item[k].kind, "tls.subject") != 0)
		k++;
	assert_true(k < r.nitems);
	subj = &r.item[k];
	assert_int_equal(subj->len, 3 + sizeof(cn) - 1);
	assert_memory_equal(subj->data, "CN=aaa", 6);
	assert_int_equal(subj->data[subj->len - 1], 'a');
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_table),
	    cmocka_unit_test(test_long_name),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
