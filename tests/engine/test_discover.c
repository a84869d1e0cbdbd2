/* SPDX-License-Identifier: ISC */
/*
 * Discovery without sockets: the probe datagrams, replies decoded and
 * attributed to their senders, and scope discipline — hostile replies
 * naming addresses outside the scope cause no send and no fetch there.
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

#include "core/buf.h"
#include "core/cs.h"
#include "core/obs.h"
#include "core/str.h"
#include "engine/discover.h"
#include "engine/scope.h"
#include "ident/ident.h"
#include "probe/probe.h"
#include "core/poison.h"

#define IP(a, b, c, d)                                                         \
	((uint32_t)(a) << 24 | (uint32_t)(b) << 16 | (uint32_t)(c) << 8 |      \
	 (uint32_t)(d))
#define NET IP(198, 18, 0, 0)

struct sent {
	uint32_t ip;
	uint16_t port;
	const struct cs_disc_module *m;
};

struct fix {
	struct cs_scope scope;
	struct cs_ident_dec *dec;
	struct cs_disc *d;
	struct sent sent[256];
	size_t nsent;
	char neigh[64];
};

static int
fake_oui(void *arg, const uint8_t mac[6], unsigned bits, char *maker,
	 size_t makersz, char *reg, size_t regsz)
{
	(void)arg;
	(void)bits;
	if (mac[0] != 0x58)
		return CS_ENOTFOUND;
	snprintf(maker, makersz, "Hikvision");
	snprintf(reg, regsz, "Hangzhou Hikvision Digital Technology Co.,Ltd.");
	return 0;
}

static int
decode(void *arg, const char *kind, const uint8_t *p, size_t n, uint16_t port,
       struct cs_obs_list *obs)
{
	struct fix *f = arg;

	return cs_ident_decode(f->dec, kind, p, n, port, NULL, obs);
}

static int
fake_send(void *arg, const struct cs_disc_module *m, uint32_t ip,
	  uint16_t port, const uint8_t *p, size_t n)
{
	struct fix *f = arg;

	assert_true(n > 0 && p != NULL);
	if (f->nsent < CS_NELEM(f->sent)) {
		f->sent[f->nsent].ip = ip;
		f->sent[f->nsent].port = port;
		f->sent[f->nsent].m = m;
		f->nsent++;
	}
	return 0;
}

static const char neigh_table[] =
    "IP address       HW type     Flags       HW address            Mask  "
    "   Device\n"
    "198.18.0.10      0x1         0x2         58:50:ed:00:00:0a     *     "
    "   veth9\n"
    "198.18.0.30      0x1         0x2         3c:ef:8c:00:00:1e     *     "
    "   veth9\n";

/* The ports the fixture's scan was told to probe (9100 among them, as
 * in the default list: connect only). */
static const uint16_t scan_ports[] = {80, 8080, 49152, 9100};

static int
setup_scope(void **state, const char *target, const char *excl)
{
	struct fix *f = calloc(1, sizeof(*f));
	struct cs_interval *inc = NULL, *exc = NULL;
	size_t ninc = 0, nexc = 0;
	struct cs_disc_opts o;
	char err[256];
	FILE *fp;
	int fd;

	assert_non_null(f);
	cs_scope_init(&f->scope);
	assert_int_equal(
	    cs_scope_parse_spec(target, &inc, &ninc, err, sizeof(err)), 0);
	if (excl)
		assert_int_equal(cs_scope_parse_spec(excl, &exc, &nexc, err,
						     sizeof(err)),
				 0);
	assert_int_equal(cs_scope_build(&f->scope, inc, ninc, exc, nexc), 0);
	cs_scope_set_ports(&f->scope, scan_ports, CS_NELEM(scan_ports));
	free(inc);
	free(exc);
	f->dec = cs_ident_dec_new();
	cs_ident_dec_set_mac_lookup(f->dec, fake_oui, NULL);
	snprintf(f->neigh, sizeof(f->neigh), "/tmp/cs-neigh-XXXXXX");
	fd = mkstemp(f->neigh);
	assert_true(fd >= 0);
	fp = fdopen(fd, "w");
	fputs(neigh_table, fp);
	fclose(fp);
	memset(&o, 0, sizeof(o));
	o.scope = &f->scope;
	o.ifname = "veth9";
	o.if_addr = IP(198, 18, 0, 1);
	o.if_bcast = IP(198, 18, 0, 255);
	o.time_ms = 1000;
	o.neigh_path = f->neigh;
	o.decode = decode;
	o.send = fake_send;
	o.arg = f;
	f->d = cs_disc_new(&o, err, sizeof(err));
	assert_non_null(f->d);
	*state = f;
	return 0;
}

static int
setup(void **state)
{
	return setup_scope(state, "198.18.0.0/24", NULL);
}

/* The same subnet with 198.18.0.50 excluded by the user. */
static int
setup_excl(void **state)
{
	return setup_scope(state, "198.18.0.0/24", "198.18.0.50");
}

/* A wider scope, so that spoofed senders could fill the table. */
static int
setup_wide(void **state)
{
	return setup_scope(state, "198.18.0.0/20", NULL);
}

static int
teardown(void **state)
{
	struct fix *f = *state;

	unlink(f->neigh);
	cs_disc_free(f->d);
	cs_ident_dec_free(f->dec);
	cs_scope_free(&f->scope);
	free(f);
	return 0;
}

static bool
has_obs(const struct cs_obs_list *l, const char *key, const char *val)
{
	for (size_t i = 0; i < l->n; i++)
		if (strcmp(l->v[i].key, key) == 0 &&
		    (val == NULL || (l->v[i].len == strlen(val) &&
				     memcmp(l->v[i].val, val, l->v[i].len) ==
					 0)))
			return true;
	return false;
}

static void
test_modules(void **state)
{
	static const char *const names[] = {
	    "wsd",  "sadp",     "dhip",    "ssdp",   "mdns",
	    "xm",   "dh5050",   "bosch",   "hanwha", "panasonic",
	    "sony", "sony-snc", "vivotek", "foscam", "vstarcam",
	    "ubnt", "gvcp",     "v360",    "nice"};
	uint8_t nonce[16] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15};
	const struct cs_disc_module *const *mods;
	struct cs_buf b;
	const char *s;
	size_t n;

	(void)state;
	mods = cs_disc_modules(&n);
	assert_int_equal(n, CS_NELEM(names));
	cs_buf_init(&b, 4096);
	for (size_t i = 0; i < n; i++) {
		assert_string_equal(mods[i]->name, names[i]);
		assert_ptr_equal(cs_disc_module_find(names[i]), mods[i]);
		assert_true(mods[i]->port > 0);
		assert_true((mods[i]->group != 0) ==
			    !!(mods[i]->flags & CS_DISC_MCAST));
		assert_true(mods[i]->summary[0] != '\0');
		assert_int_equal(mods[i]->build(&b, nonce, 0), 0);
		assert_true(b.len > 0 && b.len < 1400);
	}
	assert_null(cs_disc_module_find("nope"));

	/* WS-Discovery: both types, prefixes declared on Types itself */
	cs_disc_module_find("wsd")->build(&b, nonce, 0);
	s = cs_buf_str(&b);
	assert_non_null(strstr(s, "<d:Types xmlns:dn=\"http://www.onvif.org/"
				  "ver10/network/wsdl\" xmlns:tds=\"http://"
				  "www.onvif.org/ver10/device/wsdl\">"
				  "dn:NetworkVideoTransmitter tds:Device"
				  "</d:Types>"));
	assert_non_null(strstr(s, "discovery/Probe</a:Action>"));
	assert_non_null(strstr(s, "urn:schemas-xmlsoap-org:ws:2005:04:"
				  "discovery</a:To>"));
	assert_non_null(strstr(s, "<a:MessageID>urn:uuid:01020304-0506-4708-"
				  "890a-0b0c0d0e0f00</a:MessageID>"));
	/* a repeat has a new message id */
	cs_disc_module_find("wsd")->build(&b, nonce, 1);
	assert_null(strstr(cs_buf_str(&b), "0b0c0d0e0f00<"));

	cs_disc_module_find("sadp")->build(&b, nonce, 0);
	assert_string_equal(cs_buf_str(&b),
			    "<?xml version=\"1.0\" encoding=\"utf-8\"?><Probe>"
			    "<Uuid>01020304-0506-4708-890A-0B0C0D0E0F00</Uuid>"
			    "<Types>inquiry</Types></Probe>");

	cs_disc_module_find("dhip")->build(&b, nonce, 0);
	assert_memory_equal(b.p, "\x20\0\0\0DHIP\0\0\0\0\x01\0\0\0", 16);
	assert_int_equal(b.p[16] | b.p[17] << 8, b.len - 32);
	assert_int_equal(b.p[24] | b.p[25] << 8, b.len - 32);
	assert_non_null(cs_memmem(b.p, b.len,
				  (const uint8_t *)"\"DHDiscover.search\"", 19));
	assert_int_equal(cs_disc_module_find("dhip")->group,
			 IP(239, 255, 255, 251));

	cs_disc_module_find("ssdp")->build(&b, nonce, 0);
	assert_string_equal(cs_buf_str(&b),
			    "M-SEARCH * HTTP/1.1\r\nHost: 239.255.255.250:1900"
			    "\r\nMan: \"ssdp:discover\"\r\nMX: 2\r\n"
			    "ST: ssdp:all\r\n\r\n");

	cs_disc_module_find("mdns")->build(&b, nonce, 0);
	assert_int_equal(b.p[2], 0);   /* a query */
	assert_int_equal(b.p[5], 4);   /* four questions */
	assert_memory_equal(b.p + 12, "\x0b_axis-video\x04_tcp\x05local\0", 24);
	assert_memory_equal(b.p + 36, "\0\x0c\x80\x01", 4); /* PTR, QU */
	cs_disc_module_find("xm")->build(&b, nonce, 0);
	assert_int_equal(b.len, 20);
	assert_int_equal(b.p[0], 0xff);
	assert_int_equal(b.p[14] | b.p[15] << 8, 1530);
	assert_true(cs_disc_module_find("xm")->flags & CS_DISC_BCAST);
	cs_buf_free(&b);
}

static void
test_url(void **state)
{
	static const struct {
		const char *url;
		int rc;
		uint32_t ip;
		uint16_t port;
		const char *path;
	} c[] = {
	    {"http://198.18.0.5/onvif/device_service", 0, IP(198, 18, 0, 5),
	     80, "/onvif/device_service"},
	    {"HTTP://198.18.0.5:49152/rootDesc.xml", 0, IP(198, 18, 0, 5),
	     49152, "/rootDesc.xml"},
	    {"https://10.0.0.1", 0, IP(10, 0, 0, 1), 443, "/"},
	    {"http://cam.local/x", CS_ENOTFOUND, 0, 0, ""},
	    {"http://[fe80::1]/onvif", CS_ENOTFOUND, 0, 0, ""},
	    {"http://user@198.18.0.5/", CS_EPROTO, 0, 0, ""},
	    {"http://198.18.0.5:0/", CS_EPROTO, 0, 0, ""},
	    {"http://198.18.0.5:65536/", CS_EPROTO, 0, 0, ""},
	    {"http://198.18.0.5:80x/", CS_EPROTO, 0, 0, ""},
	    {"http://198.18.0.256/", CS_ENOTFOUND, 0, 0, ""},
	    {"ftp://198.18.0.5/", CS_EPROTO, 0, 0, ""},
	    {"http://", CS_EPROTO, 0, 0, ""},
	    {"http://198.18.0.5?x", CS_EPROTO, 0, 0, ""},
	};
	char path[CS_DISC_PATH_MAX], longurl[300];
	uint32_t ip;
	uint16_t port;

	(void)state;
	for (size_t i = 0; i < CS_NELEM(c); i++) {
		int rc = cs_disc_url_parse((const uint8_t *)c[i].url,
					   strlen(c[i].url), &ip, &port, path,
					   sizeof(path));

		if (rc != c[i].rc)
			fail_msg("%s: rc %d, want %d", c[i].url, rc, c[i].rc);
		if (rc == 0) {
			assert_int_equal(ip, c[i].ip);
			assert_int_equal(port, c[i].port);
			assert_string_equal(path, c[i].path);
		}
	}
	snprintf(longurl, sizeof(longurl), "http://198.18.0.5/%0200d", 0);
	assert_int_equal(cs_disc_url_parse((const uint8_t *)longurl,
					   strlen(longurl), &ip, &port, path,
					   sizeof(path)),
			 CS_ELIMIT);
}

/* A hostile ProbeMatch: XAddrs name one address outside the scope, one
 * inside it (another host), and an IPv6 literal. */
static const char wsd_reply[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
    "<env:Envelope xmlns:env=\"http://www.w3.org/2003/05/soap-envelope\" "
    "xmlns:d=\"http://schemas.xmlsoap.org/ws/2005/04/discovery\" "
    "xmlns:wsa=\"http://schemas.xmlsoap.org/ws/2004/08/addressing\">"
    "<env:Body><d:ProbeMatches><d:ProbeMatch>"
    "<d:Types>dn:NetworkVideoTransmitter</d:Types>"
    "<d:Scopes>onvif://www.onvif.org/hardware/DS-2CD2385G1-I "
    "onvif://www.onvif.org/MAC/58:50:ed:00:00:0a "
    "onvif://www.onvif.org/name/HIKVISION%20DS-2CD2385G1-I</d:Scopes>"
    "<d:XAddrs>http://10.1.2.3/onvif/device_service "
    "http://198.18.0.20:8080/onvif/device_service "
    "http://[fe80::1]/onvif/device_service</d:XAddrs>"
    "</d:ProbeMatch></d:ProbeMatches></env:Body></env:Envelope>";

static const char ssdp_out[] =
    "HTTP/1.1 200 OK\r\nCACHE-CONTROL: max-age=1800\r\n"
    "LOCATION: http://8.8.8.8:80/desc.xml\r\n"
    "SERVER: Linux/4.9.94-axis5, UPnP/1.0, Portable SDK for UPnP "
    "devices/1.6.22\r\nST: upnp:rootdevice\r\n"
    "USN: uuid:aaaa::upnp:rootdevice\r\n\r\n";

static const char ssdp_in[] =
    "NOTIFY * HTTP/1.1\r\nHOST: 239.255.255.250:1900\r\n"
    "LOCATION: http://198.18.0.11:49152/rootDesc.xml\r\n"
    "NT: upnp:rootdevice\r\nNTS: ssdp:alive\r\n"
    "USN: uuid:bbbb::upnp:rootdevice\r\n\r\n";

static const char sadp_reply[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" ?><ProbeMatch>"
    "<Uuid>X</Uuid><Types>inquiry</Types>"
    "<DeviceType>141945</DeviceType>"
    "<DeviceDescription>DS-7608NI-K2</DeviceDescription>"
    "<MAC>58-50-ed-00-00-0c</MAC>"
    "<IPv4Address>1.2.3.4</IPv4Address>"
    "<SoftwareVersion>V4.30.085build 200916</SoftwareVersion>"
    "</ProbeMatch>";

static const char dhip_body[] =
    "{\"mac\":\"3c:ef:8c:00:00:0d\",\"method\":\"client.notifyDevInfo\","
    "\"params\":{\"deviceInfo\":{\"DeviceClass\":\"IPC\","
    "\"DeviceType\":\"IPC-HDW1431T1-S4\",\"IPv4Address\":{"
    "\"IPAddress\" : \"9.9.9.9\",\"SubnetMask\":\"255.255.255.0\"},"
    "\"Vendor\":\"Private\",\"Version\":\"2.800.0000000.13.R\"}}}";

#define IN(f, mod, ip, s)                                                      \
	cs_disc_input((f)->d, cs_disc_module_find(mod), (ip), 1234,          \
		      (const uint8_t *)(s), sizeof(s) - 1)

static void
test_scope_discipline(void **state)
{
	struct fix *f = *state;
	const struct cs_disc_stats *st = cs_disc_stats(f->d);
	uint8_t nonce[16] = {0};
	struct cs_disc_fetch fe[CS_DISC_MAX_FETCH];
	struct cs_obs_list l;
	bool followed20 = false;

	assert_int_equal(IN(f, "wsd", NET + 10, wsd_reply), 0);
	assert_int_equal(IN(f, "ssdp", NET + 11, ssdp_out), 0);
	assert_int_equal(IN(f, "ssdp", NET + 11, ssdp_in), 0);
	assert_int_equal(IN(f, "sadp", NET + 12, sadp_reply), 0);
	assert_int_equal(IN(f, "dhip", NET + 13, dhip_body), 0);
	/* a reply from outside the scope is not even decoded */
	assert_int_equal(IN(f, "wsd", IP(10, 0, 0, 5), wsd_reply), CS_ESCOPE);
	assert_int_equal(st->foreign, 1);
	assert_false(cs_disc_known(f->d, IP(10, 0, 0, 5)));

	/* Every send, now and in later rounds, is to a group or in scope. */
	cs_disc_round(f->d, nonce, 0);
	cs_disc_round(f->d, nonce, 1);
	assert_true(f->nsent >= 5);
	for (size_t i = 0; i < f->nsent; i++) {
		uint32_t ip = f->sent[i].ip;

		assert_true(ip == f->sent[i].m->group ||
			    cs_scope_contains(&f->scope, ip));
		if (strcmp(f->sent[i].m->name, "xm") == 0 && ip != NET + 20)
			assert_int_equal(ip, IP(198, 18, 0, 255));
		assert_true(ip != IP(10, 1, 2, 3) && ip != IP(8, 8, 8, 8) &&
			    ip != IP(1, 2, 3, 4) && ip != IP(9, 9, 9, 9) &&
			    ip != IP(10, 0, 0, 5));
		if (ip == NET + 20) {
			assert_false(followed20); /* only once */
			followed20 = true;
			assert_string_equal(f->sent[i].m->name, "wsd");
			assert_int_equal(f->sent[i].port, 3702);
		}
	}
	assert_true(followed20);
	assert_int_equal(st->learned_out, 4);

	/* Fetches: the in-scope LOCATION only. */
	assert_int_equal(cs_disc_fetches(f->d, IP(8, 8, 8, 8), fe, 4), 0);
	assert_int_equal(cs_disc_fetches(f->d, NET + 11, fe, 4), 1);
	assert_int_equal(fe[0].port, 49152);
	assert_string_equal(fe[0].path, "/rootDesc.xml");
	assert_int_equal(cs_disc_fetches(f->d, NET + 10, fe, 4), 0);

	/* The learned addresses are recorded on the sender. */
	cs_obs_list_init(&l);
	assert_true(cs_disc_merge(f->d, NET + 10, &l));
	assert_true(has_obs(&l, "learned.addr",
			    "10.1.2.3 wsd.xaddrs out-of-scope"));
	assert_true(has_obs(&l, "learned.addr",
			    "198.18.0.20 wsd.xaddrs in-scope"));
	assert_true(has_obs(&l, "wsd.xaddrs", NULL));
	assert_true(has_obs(&l, "disc.module", "wsd"));
	/* MAC from the neighbour table, with its maker */
	assert_true(has_obs(&l, "mac", "58:50:ed:00:00:0a"));
	assert_true(has_obs(&l, "mac.maker", "Hikvision"));
	cs_obs_list_free(&l);

	cs_obs_list_init(&l);
	assert_true(cs_disc_merge(f->d, NET + 12, &l));
	assert_true(has_obs(&l, "learned.addr",
			    "1.2.3.4 sadp.ipv4 out-of-scope"));
	assert_true(has_obs(&l, "sadp.model", "DS-7608NI-K2"));
	assert_true(has_obs(&l, "mac", "58:50:ed:00:00:0c"));
	cs_obs_list_free(&l);

	cs_obs_list_init(&l);
	assert_true(cs_disc_merge(f->d, NET + 13, &l));
	assert_true(has_obs(&l, "learned.addr",
			    "9.9.9.9 dhip.ipaddress out-of-scope"));
	assert_true(has_obs(&l, "dhip.model", "IPC-HDW1431T1-S4"));
	cs_obs_list_free(&l);

	cs_obs_list_init(&l);
	assert_true(cs_disc_merge(f->d, NET + 11, &l));
	assert_true(has_obs(&l, "learned.addr",
			    "8.8.8.8 ssdp.location out-of-scope"));
	assert_true(has_obs(&l, "learned.addr",
			    "198.18.0.11 ssdp.location in-scope"));
	cs_obs_list_free(&l);
	assert_false(cs_disc_known(f->d, IP(8, 8, 8, 8)));
	assert_false(cs_disc_known(f->d, IP(10, 1, 2, 3)));
}

static void
test_pending_and_merge(void **state)
{
	struct fix *f = *state;
	static const char upnp_resp[] =
	    "HTTP/1.1 200 OK\r\nContent-Type: text/xml\r\n\r\n"
	    "<?xml version=\"1.0\"?><root xmlns=\"urn:schemas-upnp-org:"
	    "device-1-0\"><device><deviceType>urn:schemas-upnp-org:device:"
	    "Basic:1</deviceType><friendlyName>cam</friendlyName>"
	    "<manufacturer>AXIS</manufacturer><modelName>M3045-V</modelName>"
	    "</device></root>";
	struct cs_obs_list l;
	uint32_t ips[8];

	assert_int_equal(IN(f, "wsd", NET + 10, wsd_reply), 0);
	assert_int_equal(IN(f, "sadp", NET + 12, sadp_reply), 0);
	assert_int_equal(cs_disc_pending(f->d, ips, 8), 2);
	/* a host with an open port and no discovery: MAC only */
	cs_obs_list_init(&l);
	assert_false(cs_disc_merge(f->d, NET + 30, &l));
	assert_true(has_obs(&l, "mac", "3c:ef:8c:00:00:1e"));
	cs_obs_list_free(&l);
	/* the fetched description is decoded when the host is merged */
	cs_obs_list_init(&l);
	cs_obs_add(&l, "upnp.raw", 49152, 0, upnp_resp, sizeof(upnp_resp) - 1);
	assert_true(cs_disc_merge(f->d, NET + 10, &l));
	assert_true(has_obs(&l, "upnp.manufacturer", "AXIS"));
	assert_true(has_obs(&l, "upnp.model", "M3045-V"));
	/* merging twice adds nothing twice */
	{
		size_t n = l.n;

		cs_disc_merge(f->d, NET + 10, &l);
		assert_int_equal(l.n, n);
	}
	cs_obs_list_free(&l);
	assert_int_equal(cs_disc_pending(f->d, ips, 8), 1);
	assert_int_equal(ips[0], NET + 12);
}

static void
test_ignored(void **state)
{
	struct fix *f = *state;
	const struct cs_disc_stats *st = cs_disc_stats(f->d);
	static const char msearch[] =
	    "M-SEARCH * HTTP/1.1\r\nHOST: 239.255.255.250:1900\r\n\r\n";
	static const char sadp_probe[] =
	    "<?xml version=\"1.0\"?><Probe><Uuid>1</Uuid><Types>inquiry"
	    "</Types></Probe>";
	static const char garbage[] = "<ProbeMatch><<<\x01";
	uint8_t *big;

	/* other clients' requests, our own datagrams */
	assert_int_equal(IN(f, "ssdp", NET + 40, msearch), CS_ENOTFOUND);
	assert_int_equal(IN(f, "sadp", NET + 40, sadp_probe), CS_ENOTFOUND);
	assert_int_equal(IN(f, "wsd", NET + 1, wsd_reply), CS_ENOTFOUND);
	assert_false(cs_disc_known(f->d, NET + 40));
	/* malformed: recorded, flagged */
	assert_int_equal(IN(f, "sadp", NET + 41, garbage), 0);
	assert_int_equal(st->malformed, 1);
	/* oversize: flagged, not decoded */
	big = malloc(CS_DISC_DGRAM_MAX + 100);
	memset(big, 'a', CS_DISC_DGRAM_MAX + 100);
	memcpy(big, "<ProbeMatch>", 12);
	assert_int_equal(cs_disc_input(f->d, cs_disc_module_find("sadp"),
				       NET + 42, 1, big,
				       CS_DISC_DGRAM_MAX + 100),
			 CS_ELIMIT);
	free(big);
	assert_int_equal(st->oversize, 1);
	{
		struct cs_obs_list l;

		cs_obs_list_init(&l);
		assert_true(cs_disc_merge(f->d, NET + 41, &l));
		assert_true(has_obs(&l, "sadp.malformed", NULL));
		cs_obs_list_free(&l);
		cs_obs_list_init(&l);
		assert_true(cs_disc_merge(f->d, NET + 42, &l));
		assert_true(has_obs(&l, "disc.oversize", "sadp"));
		cs_obs_list_free(&l);
	}
}

/* Many learned addresses: follow-ups are capped, the table is bounded. */
static void
test_bounds(void **state)
{
	struct fix *f = *state;
	uint8_t nonce[16] = {0};
	char msg[512];

	for (unsigned i = 0; i < 5000; i++) {
		int n = snprintf(msg, sizeof(msg),
				 "HTTP/1.1 200 OK\r\nLOCATION: http://198.18.0."
				 "%u:%u/d.xml\r\nST: upnp:rootdevice\r\n\r\n",
				 i % 254 + 1, i + 1);

		cs_disc_input(f->d, cs_disc_module_find("ssdp"),
			      NET + 1 + i % 200, 1900, (const uint8_t *)msg,
			      (size_t)n);
	}
	for (unsigned r = 0; r < 5; r++)
		cs_disc_round(f->d, nonce, r);
	assert_true(f->nsent <= 5 * 6 + CS_DISC_MAX_FOLLOW);
	for (size_t i = 0; i < f->nsent; i++)
		assert_true(f->sent[i].ip == f->sent[i].m->group ||
			    cs_scope_contains(&f->scope, f->sent[i].ip));
}

/* Issue #12: hostile LOCATIONs naming a print port, a port the scan does
 * not probe, the subnet's broadcast and network addresses and an
 * excluded host: recorded as refused, never fetched, never followed. */
static void
test_hostile_locations(void **state)
{
	struct fix *f = *state;
	static const char *const locs[] = {
	    "http://198.18.0.11:9100/PRINT-ME",
	    "http://198.18.0.11:7777/desc.xml",
	    "http://198.18.0.255:80/desc.xml",
	    "http://198.18.0.0:80/desc.xml",
	    "http://198.18.0.50:80/desc.xml",
	    "http://198.18.0.11:80/ok.xml",
	};
	struct cs_disc_fetch fe[CS_DISC_MAX_FETCH];
	uint8_t nonce[16] = {0};
	char msg[512];

	for (size_t i = 0; i < CS_NELEM(locs); i++) {
		snprintf(msg, sizeof(msg),
			 "HTTP/1.1 200 OK\r\nLOCATION: %s\r\nST: "
			 "upnp:rootdevice\r\nUSN: uuid:x%zu\r\n\r\n",
			 locs[i], i);
		assert_int_equal(cs_disc_input(f->d, cs_disc_module_find("ssdp"),
					       NET + 11, 1900,
					       (const uint8_t *)msg,
					       strlen(msg)),
				 0);
	}
	/* A SADP reply naming the broadcast address as its IPv4 address. */
	{
		static const char sadp_bcast[] =
		    "<?xml version=\"1.0\"?><ProbeMatch><Uuid>X</Uuid>"
		    "<IPv4Address>198.18.0.255</IPv4Address></ProbeMatch>";

		assert_int_equal(
		    IN(f, "sadp", NET + 12, sadp_bcast), 0);
	}
	/* The only fetch is the allowed one. */
	assert_int_equal(cs_disc_fetches(f->d, NET + 11, fe, 4), 1);
	assert_int_equal(fe[0].port, 80);
	assert_string_equal(fe[0].path, "/ok.xml");
	assert_int_equal(cs_disc_fetches(f->d, NET + 255, fe, 4), 0);
	assert_int_equal(cs_disc_fetches(f->d, NET, fe, 4), 0);
	assert_int_equal(cs_disc_fetches(f->d, NET + 50, fe, 4), 0);
	assert_false(cs_disc_known(f->d, NET + 255));
	assert_false(cs_disc_known(f->d, NET + 50));
	/* Rounds send inquiries to groups and the broadcast address, and no
	 * unicast datagram to an edge or an excluded host. */
	cs_disc_round(f->d, nonce, 0);
	cs_disc_round(f->d, nonce, 1);
	for (size_t i = 0; i < f->nsent; i++) {
		uint32_t ip = f->sent[i].ip;

		if (ip == NET + 255)
			assert_true(f->sent[i].m->flags & CS_DISC_BCAST);
		assert_true(ip != NET && ip != NET + 50);
	}
}

/* Issue #12: one sender cannot make the table track more than a few
 * addresses, and learned addresses cannot crowd out hosts that answer. */
static void
test_learn_bounds(void **state)
{
	struct fix *f = *state;
	size_t known = 0;
	char msg[256];

	/* One sender names 100 in-scope addresses, one per reply. */
	for (unsigned i = 0; i < 100; i++) {
		snprintf(msg, sizeof(msg),
			 "{\"method\":\"client.notifyDevInfo\",\"params\":{"
			 "\"deviceInfo\":{\"IPv4Address\":{\"IPAddress\":"
			 "\"198.18.1.%u\"}}}}",
			 i + 1);
		cs_disc_input(f->d, cs_disc_module_find("dhip"), NET + 10,
			      37810, (const uint8_t *)msg, strlen(msg));
	}
	for (unsigned i = 0; i < 100; i++)
		known += cs_disc_known(f->d, NET + 256 + i + 1);
	assert_true(known <= CS_DISC_MAX_LEARN_PER_SRC);
	assert_true(known > 0);

	/* 600 spoofed senders, each naming 8 more addresses: then 100 real
	 * devices answer, and every one of them is recorded. */
	for (unsigned s = 0; s < 600; s++) {
		for (unsigned k = 0; k < 8; k++) {
			uint32_t named = NET + 2048 + s * 3 + k * 600;

			snprintf(msg, sizeof(msg),
				 "{\"method\":\"client.notifyDevInfo\","
				 "\"params\":{\"deviceInfo\":{\"IPv4Address\":"
				 "{\"IPAddress\":\"198.18.%u.%u\"}}}}",
				 (named >> 8) & 255, named & 255);
			cs_disc_input(f->d, cs_disc_module_find("dhip"),
				      NET + 512 + s, 37810,
				      (const uint8_t *)msg, strlen(msg));
		}
	}
	for (unsigned i = 0; i < 100; i++) {
		uint32_t real = NET + 1200 + i;

		assert_int_equal(IN(f, "wsd", real, wsd_reply), 0);
		assert_true(cs_disc_known(f->d, real));
	}
	/* A sender's own record is bounded too. */
	for (unsigned i = 0; i < 300; i++) {
		snprintf(msg, sizeof(msg),
			 "HTTP/1.1 200 OK\r\nSERVER: junk-%u\r\nST: x\r\n"
			 "USN: uuid:%u\r\n\r\n",
			 i, i);
		cs_disc_input(f->d, cs_disc_module_find("ssdp"), NET + 1300,
			      1900, (const uint8_t *)msg, strlen(msg));
	}
	{
		struct cs_obs_list l;

		cs_obs_list_init(&l);
		assert_true(cs_disc_merge(f->d, NET + 1300, &l));
		assert_true(l.n <= CS_DISC_MAX_SRC_OBS + 8);
		cs_obs_list_free(&l);
	}
}

/* Issue #16: a vendor reply's address (binary or text) is learned like
 * an XAddrs; out of scope it is recorded and never contacted, in scope
 * it gets the module's own inquiry, unicast, once. */
static void
test_vendor_learn(void **state)
{
	struct fix *f = *state;
	const struct cs_disc_stats *st = cs_disc_stats(f->d);
	uint8_t nonce[16] = {0};
	struct cs_obs_list l;
	bool followed = false;
	/* Bosch binary reply (discovery-protocols.md §1) naming 10.1.2.3. */
	static const uint8_t bosch[32] = {
	    0x99, 0x39, 0xa4, 0x27, 0, 0, 0,  1, 0x00, 0x04,
	    0x63, 0x11, 0x22, 0x33, 0, 0, 10, 1, 2,    3};
	/* Ubiquiti v1 reply (§8): MAC + IPv4 198.18.0.40 (another host). */
	static const uint8_t ubnt[] = {1,    0, 0, 13, 0x02, 0,  10, 0x24, 0xa4,
				       0x3c, 1, 2, 3,  198,  18, 0,  40};

	assert_int_equal(cs_disc_input(f->d, cs_disc_module_find("bosch"),
				       NET + 30, 1757, bosch, sizeof(bosch)),
			 0);
	assert_int_equal(cs_disc_input(f->d, cs_disc_module_find("ubnt"),
				       NET + 31, 10001, ubnt, sizeof(ubnt)),
			 0);
	/* our own inquiry heard back is not a reply */
	assert_int_equal(cs_disc_input(f->d, cs_disc_module_find("ubnt"),
				       NET + 32, 10001,
				       (const uint8_t *)"\x01\0\0\0", 4),
			 CS_ENOTFOUND);
	cs_disc_round(f->d, nonce, 0);
	for (size_t i = 0; i < f->nsent; i++) {
		assert_true(f->sent[i].ip != IP(10, 1, 2, 3));
		if (f->sent[i].ip == NET + 40) {
			assert_false(followed);
			followed = true;
			assert_string_equal(f->sent[i].m->name, "ubnt");
			assert_int_equal(f->sent[i].port, 10001);
		}
	}
	assert_true(followed);
	assert_int_equal(st->learned_out, 1);
	cs_obs_list_init(&l);
	assert_true(cs_disc_merge(f->d, NET + 30, &l));
	assert_true(
	    has_obs(&l, "learned.addr", "10.1.2.3 bosch.addr out-of-scope"));
	assert_true(has_obs(&l, "bosch.reply", NULL));
	assert_true(has_obs(&l, "disc.module", "bosch"));
	cs_obs_list_free(&l);
	cs_obs_list_init(&l);
	assert_true(cs_disc_merge(f->d, NET + 31, &l));
	assert_true(
	    has_obs(&l, "learned.addr", "198.18.0.40 ubnt.addr in-scope"));
	cs_obs_list_free(&l);
	assert_false(cs_disc_known(f->d, IP(10, 1, 2, 3)));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_modules),
	    cmocka_unit_test(test_url),
	    cmocka_unit_test_setup_teardown(test_scope_discipline, setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(test_pending_and_merge, setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(test_ignored, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_vendor_learn, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_bounds, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_hostile_locations, setup_excl,
					    teardown),
	    cmocka_unit_test_setup_teardown(test_learn_bounds, setup_wide,
					    teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
