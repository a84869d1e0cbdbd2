/* SPDX-License-Identifier: ISC */
/*
 * One decoder per protocol (issue #11 §4): every probe's captured reply
 * gives the same observations on the scan path (the probe's finish, as
 * the engine drives it) and on the identify path (cs_ident_decode of
 * the same bytes under the probe's kind).  Every probe that runs
 * without credentials must have a case here.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/buf.h"
#include "core/cs.h"
#include "core/obs.h"
#include "ident/ident.h"
#include "parse/obskeys.h"
#include "probe/probe.h"

#define MAXR 2

struct same_case {
	const char *probe; /* probe name */
	const char *kind;  /* identify kind of its replies */
	uint16_t port;
	const char *reply[MAXR]; /* one per exchange step */
	size_t len[MAXR];        /* 0: strlen */
	const char *want_key;    /* an observation the reply must give */
};

static const char soap_info[] =
    "HTTP/1.1 200 OK\r\nContent-Type: application/soap+xml; "
    "charset=utf-8\r\nContent-Length: 610\r\n\r\n"
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<env:Envelope "
    "xmlns:env=\"http://www.w3.org/2003/05/soap-envelope\" "
    "xmlns:tds=\"http://www.onvif.org/ver10/device/wsdl\"><env:Body>"
    "<tds:GetDeviceInformationResponse><tds:Manufacturer>HIKVISION"
    "</tds:Manufacturer><tds:Model>DS-7608NI-K2</tds:Model>"
    "<tds:FirmwareVersion>V4.30.085 build 200916</tds:FirmwareVersion>"
    "<tds:SerialNumber>DS-7608NI-K20820200101CCRRE12345678WCVU"
    "</tds:SerialNumber><tds:HardwareId>88</tds:HardwareId>"
    "</tds:GetDeviceInformationResponse></env:Body></env:Envelope>\n";

static const char soap_time_fault[] =
    "HTTP/1.1 400 Bad Request\r\nContent-Type: application/soap+xml\r\n"
    "Content-Length: 420\r\n\r\n"
    "<?xml version=\"1.0\" ?><s:Envelope "
    "xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\" "
    "xmlns:ter=\"http://www.onvif.org/ver10/error\"><s:Body><s:Fault>"
    "<s:Code><s:Value>s:Sender</s:Value><s:Subcode><s:Value>"
    "ter:NotAuthorized</s:Value></s:Subcode></s:Code><s:Reason><s:Text "
    "xml:lang=\"en\">Sender not Authorized</s:Text></s:Reason></s:Fault>"
    "</s:Body></s:Envelope>";

static const struct same_case cases[] = {
    {"http-root",
     "http",
     80,
     {"HTTP/1.1 200 OK\r\nServer: App-webs/\r\nContent-Type: text/html\r\n"
      "Content-Length: 111\r\n\r\n<html><head><title>Login</title>"
      "<script>window.location.href = \"/doc/page/login.asp\";</script>"
      "</head></html>\n"},
     {0},
     "http.location"},
    /* A web interface on the SDK port and on a port no probe claims
     * (the engine asks them with http-root): the same observations. */
    {"http-root",
     "http",
     8000,
     {"HTTP/1.1 401 Unauthorized\r\nServer: App-webs/\r\n"
      "WWW-Authenticate: Digest qop=\"auth\", realm=\"IP Camera(C6310)\", "
      "nonce=\"4e54\"\r\nContent-Length: 0\r\n\r\n"},
     {0},
     "http.realm"},
    {"http-root",
     "http",
     8090,
     {"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\n"
      "deviceType=IPC-HFW1230S\r\nupdateSerial=IPC-HFW1230S\r\n"},
     {0},
     "dahua.update-serial"},
    {"http-page",
     "http",
     80,
     {"HTTP/1.1 200 OK\r\nServer: webserver\r\nTransfer-Encoding: "
      "chunked\r\n\r\n1b\r\n<title>WEB SERVICE</title>\r\n0\r\n\r\n"},
     {0},
     "http.title"},
    {"rtsp",
     "rtsp",
     554,
     {"RTSP/1.0 200 OK\r\nCSeq: 1\r\nPublic: OPTIONS, DESCRIBE, SETUP, "
      "TEARDOWN, PLAY, PAUSE, GET_PARAMETER, SET_PARAMETER\r\nServer: "
      "Dahua Rtsp Server\r\n\r\n",
      "RTSP/1.0 401 Unauthorized\r\nCSeq: 2\r\nWWW-Authenticate: Digest "
      "realm=\"Login to 4L0123PAZ\", nonce=\"a1\"\r\n\r\n"},
     {0, 0},
     "rtsp.realm"},
    /* A realm that is a MAC address: the registry names its maker on
     * both paths (the scan's probes had no registry before). */
    {"rtsp",
     "rtsp",
     554,
     {"RTSP/1.0 200 OK\r\nCSeq: 1\r\nPublic: OPTIONS, DESCRIBE\r\n\r\n",
      "RTSP/1.0 401 Unauthorized\r\nCSeq: 2\r\nWWW-Authenticate: Digest "
      "realm=\"4cbd8f123456\", nonce=\"a1\"\r\n\r\n"},
     {0, 0},
     "mac.maker"},
    {"hik-sdk",
     "hik-sdk",
     8000,
     {"\0\0\0\x10\0\0\0\x1e\0\0\0\x1e\0\0\0\0"},
     {16},
     "hik.sdk"},
    {"dahua-dvrip",
     "dvrip",
     37777,
     {"\xb0\0\0\x68\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0"
      "\0"},
     {32},
     "dahua.dvrip"},
    {"xm-dvrip",
     "dvrip",
     34567,
     {"\xff\x01\0\0\0\0\0\0\0\0\0\0\0\0\xfd\x03\x1c\0\0\0"
      "{ \"Name\" : \"\", \"Ret\" : 205 }\n\0"},
     {20 + 28},
     "xm.dvrip"},
    {"banner",
     "banner",
     23,
     {"\xff\xfd\x18\xff\xfb\x01"
      "192.0.0.64 login: "},
     {0},
     "banner"},
    {"onvif-time", "onvif", 80, {soap_time_fault}, {0}, "onvif.fault"},
    {"onvif-info", "onvif", 80, {soap_info}, {0}, "onvif.model"},
    {"hik-isapi",
     "isapi",
     80,
     {"HTTP/1.1 401 Unauthorized\r\nContent-Type: application/xml\r\n"
      "WWW-Authenticate: Digest qop=\"auth\", realm=\"IP Camera(C2189)\", "
      "nonce=\"4e6a\"\r\nContent-Length: 233\r\n\r\n<?xml version=\"1.0\" "
      "encoding=\"UTF-8\"?>\n<userCheck version=\"2.0\" "
      "xmlns=\"http://www.hikvision.com/ver20/XMLSchema\">\n<statusValue>"
      "401</statusValue>\n<statusString>Unauthorized</statusString>\n"
      "</userCheck>\n"},
     {0},
     "hik.isapi"},
    {"dahua-rpc2",
     "dahua-rpc2",
     80,
     {"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
      "Content-Length: 186\r\n\r\n{ \"error\" : { \"code\" : 268632079, "
      "\"message\" : \"Component error: login challenge!\" }, \"id\" : 1, "
      "\"params\" : { \"encryption\" : \"Default\", \"random\" : \"8341\", "
      "\"realm\" : \"Login to 4L0123PAZ\" }, \"result\" : false, "
      "\"session\" : 12 }"},
     {0},
     "dahua.realm"},
    {"axis-bdi",
     "axis-bdi",
     80,
     {"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\r\n"
      "{\"apiVersion\":\"1.3\",\"data\":{\"propertyList\":{\"Brand\":"
      "\"AXIS\",\"ProdFullName\":\"AXIS M3106-L Mk II Network Camera\","
      "\"ProdNbr\":\"M3106-L Mk II\",\"ProdType\":\"Network Camera\","
      "\"Version\":\"10.12.114\"}},\"method\":"
      "\"getAllUnrestrictedProperties\"}"},
     {0},
     "axis.model"},
    /* axis-param's reply is identified as kind http (the listing is read
     * as VAPIX parameters inside the http decoder). */
    {"axis-param",
     "http",
     80,
     {"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\n"
      "root.Brand.Brand=AXIS\r\nroot.Brand.ProdNbr=P3245-LVE\r\n"
      "root.Brand.ProdShortName=AXIS P3245-LVE\r\n"
      "root.Brand.ProdType=Network Camera\r\n"
      "root.Properties.Firmware.Version=9.80.3.8\r\n"},
     {0},
     "axis.model"},
    {"dahua-magicbox",
     "dahua-cgi",
     80,
     {"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 20"
      "\r\n\r\ntype=XVR5104HS-I3\r\n"},
     {0},
     "dahua.model"},
    {"hanwha-sunapi",
     "sunapi",
     80,
     {"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\nModel=XNV-6080R"
      "\r\nSerialNumber=ZNB70000000000X\r\nFirmwareVersion=2.10.01_"
      "20210906\r\nDeviceType=NWC\r\nLanguage=English\r\n"},
     {0},
     "sunapi.model"},
    {"uniview-lapi",
     "lapi",
     80,
     {"HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: Digest "
      "realm=\"f8a87c0e1b8e\", nonce=\"1\", qop=\"auth\"\r\n"
      "Content-Length: 0\r\n\r\n"},
     {0},
     "lapi.deviceinfo"},
};

/* A registry that knows one prefix, 4c:bd:8f (test value). */
static int
fake_oui(void *arg, const uint8_t mac[6], unsigned bits, char *maker,
	 size_t makersz, char *registrant, size_t regsz)
{
	(void)arg;
	(void)bits;
	if (mac[0] != 0x4c || mac[1] != 0xbd || mac[2] != 0x8f)
		return -7; /* CS_ENOTFOUND */
	snprintf(maker, makersz, "Hikvision");
	snprintf(registrant, regsz, "Hangzhou Hikvision Digital Technology");
	return 0;
}

static size_t
len_of(const struct same_case *c, size_t r)
{
	return c->len[r] ? c->len[r] : strlen(c->reply[r]);
}

/* Drives probe p through the case's replies as the engine would. */
static void
scan_path(const struct cs_probe *p, const struct same_case *c,
	  struct cs_obs_list *obs)
{
	struct cs_buf out;
	struct cs_probe_ctx ctx;
	size_t nr = c->reply[1] ? 2 : 1;

	memset(&ctx, 0, sizeof(ctx));
	cs_buf_init(&out, 1 << 16);
	ctx.ip = 0x7F000102;
	ctx.port = c->port;
	snprintf(ctx.host, sizeof(ctx.host), "127.0.1.2");
	ctx.out = &out;
	ctx.obs = obs;
	ctx.arg = "";
	ctx.probe = p;
	p->start(&ctx);
	for (size_t r = 0; r < nr; r++) {
		const uint8_t *b = (const uint8_t *)c->reply[r];
		size_t n = len_of(c, r);
		enum cs_step st = p->on_data(&ctx, b, n);

		cs_buf_reset(&out);
		if (st == CS_STEP_SEND && r + 1 < nr) {
			ctx.step++;
			continue;
		}
		p->finish(&ctx, b, n,
			  st == CS_STEP_MORE ? CS_END_EOF : CS_END_COMPLETE);
		break;
	}
	cs_buf_free(&out);
}

/* Observations only the scan path adds, by probe. */
static const struct {
	const char *probe, *key;
} probe_keys[] = {
    {"onvif-info", "onvif.access"},
};

/* Removes observation k of l. */
static void
obs_drop(struct cs_obs_list *l, size_t k)
{
	free(l->v[k].val);
	memmove(&l->v[k], &l->v[k + 1], (l->n - k - 1) * sizeof(l->v[0]));
	l->n--;
}

static void
test_same_observations(void **state)
{
	struct cs_ident_dec *dec = cs_ident_dec_new();

	(void)state;
	cs_ident_dec_set_mac_lookup(dec, fake_oui, NULL);
	cs_probe_set_mac_lookup(fake_oui, NULL);
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const struct same_case *c = &cases[i];
		const struct cs_probe *p = cs_probe_find(c->probe);
		struct cs_obs_list a, b;

		if (p == NULL)
			fail_msg("no probe %s", c->probe);
		cs_obs_list_init(&a);
		cs_obs_list_init(&b);
		scan_path(p, c, &a);
		/* what the scan knows of its own request (obskeys emitter
		 * "probe ...", e.g. onvif.access: it sent no credentials) is
		 * not in the bytes: checked, then set aside */
		for (size_t k = 0; k < CS_NELEM(probe_keys); k++)
			if (strcmp(c->probe, probe_keys[k].probe) == 0 &&
			    cs_obs_find(&a, probe_keys[k].key, 0) == NULL)
				fail_msg("%s: no %s", c->probe,
					 probe_keys[k].key);
		for (size_t k = a.n; k-- > 0;) {
			const struct cs_obs_keydef *d =
			    cs_obs_key_find(a.v[k].key);
			if (d != NULL && strncmp(d->emitter, "probe ", 6) == 0)
				obs_drop(&a, k);
		}
		for (size_t r = 0; r < MAXR && c->reply[r]; r++)
			(void)cs_ident_decode(dec, c->kind,
					      (const uint8_t *)c->reply[r],
					      len_of(c, r), c->port, NULL, &b);
		if (cs_obs_find(&a, c->want_key, 0) == NULL)
			fail_msg("%s: no %s", c->probe, c->want_key);
		if (a.n != b.n)
			fail_msg("%s: %zu observations scanned, %zu identified",
				 c->probe, a.n, b.n);
		for (size_t k = 0; k < a.n; k++) {
			const struct cs_obs *x = &a.v[k], *y = &b.v[k];

			if (strcmp(x->key, y->key) != 0 || x->port != y->port ||
			    x->flags != y->flags || x->len != y->len ||
			    memcmp(x->val, y->val, x->len) != 0)
				fail_msg("%s: observation %zu differs: %s / %s",
					 c->probe, k, x->key, y->key);
		}
		cs_obs_list_free(&a);
		cs_obs_list_free(&b);
	}
	cs_probe_set_mac_lookup(NULL, NULL);
	cs_ident_dec_free(dec);
}

/*
 * A reply recorded without its head (an API answer pasted from a bug
 * report) keeps its body when given to identify, as the scan keeps it
 * when a host sends it with a head: the body text reaches http.body on
 * both paths, JSON as well as markup.
 */
static void
test_bare_body(void **state)
{
	static const char *const bodies[] = {
	    ("{\n  \"success\" : true,\n  \"result\" : {\n    \"deviceName\" "
	     ": \"Example Door Station\"\n  }\n}"),
	    "  [{\"name\": \"Example Door Station\"}]",
	    "<html><title>Example</title></html>",
	    /* plain key=value answers: a magicBox class, an AVTECH
	     * capability listing */
	    "class=NVR\r\n",
	    "Product.Type=DVR\nVideo.Input.Num=8\nVideo.Format=H264\n",
	};
	struct cs_ident_dec *dec = cs_ident_dec_new();
	const struct cs_probe *p = cs_probe_find("http-root");

	(void)state;
	assert_non_null(p);
	for (size_t i = 0; i < sizeof(bodies) / sizeof(bodies[0]); i++) {
		char served[512];
		struct same_case c = {"http-root", "http", 80,
				      {served},    {0},    "http.body"};
		struct cs_obs_list a, b;
		const struct cs_obs *x, *y;

		snprintf(served, sizeof(served),
			 "HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n%s",
			 bodies[i]);
		cs_obs_list_init(&a);
		cs_obs_list_init(&b);
		scan_path(p, &c, &a);
		(void)cs_ident_decode(dec, "http", (const uint8_t *)bodies[i],
				      strlen(bodies[i]), 80, NULL, &b);
		x = cs_obs_find(&a, "http.body", 0);
		y = cs_obs_find(&b, "http.body", 0);
		if (x == NULL || y == NULL)
			fail_msg(
			    "body %zu: http.body scanned %s, identified %s", i,
			    x ? "yes" : "no", y ? "yes" : "no");
		assert_int_equal(x->len, y->len);
		assert_memory_equal(x->val, y->val, x->len);
		cs_obs_list_free(&a);
		cs_obs_list_free(&b);
	}
	cs_ident_dec_free(dec);
}

/* Every probe that runs without credentials has a case above. */
static void
test_every_probe_covered(void **state)
{
	size_t n;
	const struct cs_probe *const *list = cs_probe_list(&n);

	(void)state;
	for (size_t i = 0; i < n; i++) {
		bool found = false;

		if (list[i]->flags & CS_PROBE_CRED)
			continue;
		for (size_t k = 0; k < sizeof(cases) / sizeof(cases[0]); k++)
			found =
			    found || strcmp(cases[k].probe, list[i]->name) == 0;
		if (!found)
			fail_msg("probe %s has no same-bytes case",
				 list[i]->name);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_same_observations),
	    cmocka_unit_test(test_every_probe_covered),
	    cmocka_unit_test(test_bare_body),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
