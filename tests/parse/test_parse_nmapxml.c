/* SPDX-License-Identifier: ISC */
/*
 * nmap XML as evidence (parse_nmapxml.h): a table of documents written
 * after nmap.dtd and the output formats of nmap's scripts (http-title,
 * http-server-header, http-headers, banner, ssl-cert, snmp-sysdescr), and
 * what each yields; refusals (another root, an internal DTD subset,
 * entities, nesting); and a document fed a byte at a time.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "parse/parse_nmapxml.h"

#define HEAD                                                                   \
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE nmaprun>\n"     \
	"<nmaprun scanner=\"nmap\" args=\"nmap -sV 192.0.2.0/24\" "            \
	"start=\"1700000000\" version=\"7.93\" xmloutputversion=\"1.05\">\n"
#define TAIL                                                                   \
	"<runstats><finished time=\"1\"/><hosts total=\"1\"/></runstats>"      \
	"</nmaprun>\n"

struct got {
	size_t hosts;
	char text[4096]; /* "ip|mac|name|ports|kind@port=data;..." per host */
};

static int
on_host(void *arg, const struct cs_nmap_host *h)
{
	struct got *g = arg;
	size_t n = strlen(g->text);

	g->hosts++;
	n += (size_t)snprintf(g->text + n, sizeof(g->text) - n, "%s%s|%s|%s|",
			      g->hosts > 1 ? "\n" : "", h->ip, h->mac,
			      h->hostname);
	for (size_t i = 0; i < h->nports && n < sizeof(g->text); i++)
		n += (size_t)snprintf(g->text + n, sizeof(g->text) - n, "%s%u",
				      i ? "," : "", h->ports[i]);
	for (size_t i = 0; i < h->nitems && n < sizeof(g->text); i++)
		n += (size_t)snprintf(g->text + n, sizeof(g->text) - n,
				      "|%s@%u%s%s=%s", h->item[i].kind,
				      h->item[i].port,
				      h->item[i].service[0] ? "/" : "",
				      h->item[i].service, h->item[i].data);
	if (!h->up && n < sizeof(g->text))
		snprintf(g->text + n, sizeof(g->text) - n, "|down");
	return 0;
}

struct tcase {
	const char *name, *doc;
	int rc;
	const char *want; /* on_host's text; NULL: not checked */
};

static const struct tcase cases[] = {
    {"host with mac, name, ports, title, server header",
     HEAD "<host starttime=\"1\" endtime=\"2\"><status state=\"up\" "
	  "reason=\"arp-response\" reason_ttl=\"0\"/>\n"
	  "<address addr=\"192.0.2.10\" addrtype=\"ipv4\"/>\n"
	  "<address addr=\"C0:56:E3:12:34:56\" addrtype=\"mac\" "
	  "vendor=\"X\"/>\n"
	  "<hostnames><hostname name=\"cam10.example\" type=\"PTR\"/>"
	  "</hostnames>\n<ports><extraports state=\"closed\" count=\"997\"/>\n"
	  "<port protocol=\"tcp\" portid=\"80\"><state state=\"open\" "
	  "reason=\"syn-ack\" reason_ttl=\"64\"/><service name=\"http\" "
	  "method=\"probed\" conf=\"10\"/>"
	  "<script id=\"http-title\" output=\"Login\"><elem key=\"title\">"
	  "Login</elem></script>"
	  "<script id=\"http-server-header\" output=\"App-webs/\">"
	  "<elem>App-webs/</elem></script></port>\n"
	  "<port protocol=\"tcp\" portid=\"22\"><state state=\"closed\" "
	  "reason=\"reset\" reason_ttl=\"64\"/></port>\n"
	  "<port protocol=\"udp\" portid=\"161\"><state state=\"open\" "
	  "reason=\"udp-response\" reason_ttl=\"64\"/></port>\n"
	  "</ports></host>\n" TAIL,
     0,
     "192.0.2.10|C0:56:E3:12:34:56|cam10.example|80|mac@0=C0:56:E3:12:34:"
     "56|http.title@80/http=Login|http.server@80/http=App-webs/"},
    {"http-headers as a header block; title without a title",
     HEAD "<host><address addr=\"192.0.2.11\" addrtype=\"ipv4\"/><ports>"
	  "<port protocol=\"tcp\" portid=\"8080\"><state state=\"open\" "
	  "reason=\"syn-ack\" reason_ttl=\"64\"/><service name=\"http-proxy\""
	  " method=\"table\" conf=\"3\"/>"
	  "<script id=\"http-headers\" output=\"&#xa;  Server: Boa/0.94.14rc21"
	  "&#xa;  Connection: close&#xa;  &#xa;  (Request type: HEAD)&#xa;\"/>"
	  "<script id=\"http-title\" output=\"Site doesn&apos;t have a title "
	  "(text/html).\"/></port></ports></host>" TAIL,
     0,
     "192.0.2.11|||8080|http@8080/http-proxy=Server: Boa/0.94.14rc21\r\n"
     "Connection: close\r\n\r\n"},
    {"ssl-cert subject and issuer, banner, snmp-sysdescr",
     HEAD "<host><address addr=\"192.0.2.12\" addrtype=\"ipv4\"/><ports>"
	  "<port protocol=\"tcp\" portid=\"443\"><state state=\"open\" "
	  "reason=\"syn-ack\" reason_ttl=\"64\"/><service name=\"https\" "
	  "method=\"table\" conf=\"3\"/><script id=\"ssl-cert\" "
	  "output=\"Subject: commonName=cam\"><table key=\"subject\">"
	  "<elem key=\"commonName\">www.example, cam</elem>"
	  "<elem key=\"organizationName\">Example</elem>"
	  "<elem key=\"countryName\">CN</elem></table>"
	  "<table key=\"issuer\"><elem key=\"commonName\">Example CA</elem>"
	  "</table><table key=\"pubkey\"><elem key=\"bits\">2048</elem>"
	  "</table></script></port>"
	  "<port protocol=\"tcp\" portid=\"23\"><state state=\"open\" "
	  "reason=\"syn-ack\" reason_ttl=\"64\"/><service name=\"telnet\" "
	  "method=\"table\" conf=\"3\"/><script id=\"banner\" "
	  "output=\"(none) login:\"/></port>"
	  "</ports><hostscript><script id=\"snmp-sysdescr\" "
	  "output=\"  Linux cam 3.10\"/></hostscript></host>" TAIL,
     0,
     "192.0.2.12|||443,23|tls.subject@443/https=CN=www.example\\, cam,"
     "O=Example,C=CN|tls.issuer@443/https=CN=Example CA|banner@23/telnet="
     "(none) login:|snmp-sysdescr@0=Linux cam 3.10"},
    {"a down host and two hosts",
     HEAD "<host><status state=\"down\" reason=\"no-response\" "
	  "reason_ttl=\"0\"/><address addr=\"192.0.2.13\"/></host>"
	  "<host><address addr=\"2001:db8::1\" addrtype=\"ipv6\"/></host>" TAIL,
     0, "192.0.2.13||||down\n2001:db8::1|||"},
    {"no hosts", HEAD TAIL, 0, ""},
    {"another root", "<?xml version=\"1.0\"?><root><host/></root>", -1, NULL},
    {"internal DTD subset",
     "<?xml version=\"1.0\"?><!DOCTYPE nmaprun [<!ENTITY a \"b\">]>"
     "<nmaprun/>",
     -1, NULL},
    {"external DTD",
     "<?xml version=\"1.0\"?><!DOCTYPE nmaprun SYSTEM \"nmap.dtd\">"
     "<nmaprun/>",
     -1, NULL},
    {"malformed", HEAD "<host><address addr=\"1\"></host>", -1, NULL},
    {"empty", "", -1, NULL},
    {"nesting over the cap",
     HEAD "<a><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a>"
	  "<a><a><a><a><a><a><a><a><a><a><a><a><a>",
     -3, NULL},
};

static int
parse_all(const char *doc, size_t step, struct got *g, char *err, size_t errsz)
{
	struct cs_nmapxml *p = cs_nmapxml_new(on_host, g);
	size_t n = strlen(doc), off = 0;
	int rc = 0;

	assert_non_null(p);
	do {
		size_t k = n - off < step ? n - off : step;
		rc = cs_nmapxml_feed(p, (const uint8_t *)doc + off, k,
				     off + k == n, err, errsz);
		off += k;
	} while (rc == 0 && off < n);
	cs_nmapxml_free(p);
	return rc;
}

static void
test_table(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct got g;
		char err[200] = "";
		int rc;

		memset(&g, 0, sizeof(g));
		rc = parse_all(cases[i].doc, 1 << 20, &g, err, sizeof(err));
		if (rc != cases[i].rc)
			fail_msg("%s: rc %d, want %d (%s)", cases[i].name, rc,
				 cases[i].rc, err);
		if (rc != 0)
			assert_true(err[0] != '\0');
		if (cases[i].want != NULL && strcmp(g.text, cases[i].want) != 0)
			fail_msg("%s:\n got  %s\n want %s", cases[i].name,
				 g.text, cases[i].want);
	}
}

/* Fed a byte at a time, the first document reads the same. */
static void
test_bytewise(void **state)
{
	struct got a, b;
	char err[200];

	(void)state;
	memset(&a, 0, sizeof(a));
	memset(&b, 0, sizeof(b));
	assert_int_equal(parse_all(cases[0].doc, 1 << 20, &a, err, 200), 0);
	assert_int_equal(parse_all(cases[0].doc, 1, &b, err, 200), 0);
	assert_string_equal(a.text, b.text);
	assert_int_equal(b.hosts, 1);
}

/* The run's attributes. */
static void
test_run(void **state)
{
	struct got g;
	struct cs_nmapxml *p;

	(void)state;
	memset(&g, 0, sizeof(g));
	p = cs_nmapxml_new(on_host, &g);
	assert_int_equal(cs_nmapxml_feed(p, (const uint8_t *)HEAD TAIL,
					 strlen(HEAD TAIL), true, NULL, 0),
			 0);
	assert_string_equal(cs_nmapxml_run(p)->scanner, "nmap");
	assert_string_equal(cs_nmapxml_run(p)->version, "7.93");
	assert_string_equal(cs_nmapxml_run(p)->args, "nmap -sV 192.0.2.0/24");
	assert_int_equal(cs_nmapxml_run(p)->start, 1700000000);
	assert_int_equal(cs_nmapxml_run(p)->finished, 1);
	cs_nmapxml_free(p);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_table),
	    cmocka_unit_test(test_bytewise),
	    cmocka_unit_test(test_run),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
