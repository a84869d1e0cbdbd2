/* SPDX-License-Identifier: ISC */
/*
 * Tests of the identify library: the JSON Lines reader, MAC parsing,
 * the decoder of every kind, the output object (hostile strings
 * escaped) and the run loop's grouping and error handling.
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
#include "core/obs.h"
#include "fp/fp.h"
#include "ident/ident.h"
#include "parse/decode.h"
#include "parse/parse_vendor.h"
#include "core/poison.h"

#define L(s) (const uint8_t *)(s), sizeof(s) - 1

/* ---- JSON Lines reader ---- */

struct lcase {
	const char *line;
	int rc;
	const char *kind, *data; /* expected on success (data as C string) */
	size_t datalen;
};

static const struct lcase lcases[] = {
    {"{\"id\":1,\"kind\":\"http.server\",\"data\":\"App-webs/\"}", 0,
     "http.server", "App-webs/", 9},
    {" { \"kind\" : \"banner\" , \"data\" : "
     "\"a\\u0000b\\r\\n\\u00e9\\ud83d\\ude00\" ,"
     "\"port\":23,\"extra\":{\"x\":[1,2,{\"y\":null}],\"z\":true} } ",
     0, "banner", "a\0b\r\n\xc3\xa9\xf0\x9f\x98\x80", 11},
    {"{\"kind\":\"dvrip\",\"data\":\"\\u00ff\\u0001\"}", 0, "dvrip", "\xff\x01",
     2},
    {"{\"kind\":\"mdns\",\"data_hex\":\"00 01:ff\"}", 0, "mdns", "\x00\x01\xff",
     3},
    {"{\"kind\":\"banner\",\"data\":\"\\ud800\"}", 0, "banner", "\xef\xbf\xbd",
     3},
    {"{}", 0, "", "", 0},
    /* the string scan goes eight bytes at a time: what ends a run of
     * plain bytes at each place in a word, UTF-8 and DEL not among it */
    {"{\"kind\":\"banner\",\"data\":\"0123456789abcdef\\\"x\\\\y"
     "\\u0041\xc3\xa9\x7f"
     "0123456\\n01234567\"}",
     0, "banner",
     "0123456789abcdef\"x\\yA\xc3\xa9\x7f"
     "0123456\n01234567",
     40},
    {"{\"data\":\"0123456789abcd\x01"
     "ef\"}",
     CS_EPROTO, NULL, NULL, 0},
    {"{\"data\":\"0123456789abcdefghijklmnopq\x1f\"}", CS_EPROTO, NULL, NULL,
     0},
    {"{\"data\":\"0123456789abcdefghijklmnop", CS_EPROTO, NULL, NULL, 0},
    {"", CS_EPROTO, NULL, NULL, 0},
    {"[1]", CS_EPROTO, NULL, NULL, 0},
    {"{\"id\":1", CS_EPROTO, NULL, NULL, 0},
    {"{\"id\":1}x", CS_EPROTO, NULL, NULL, 0},
    {"{\"id\":true}", CS_EPROTO, NULL, NULL, 0},
    {"{\"id\":01}", CS_EPROTO, NULL, NULL, 0},
    {"{\"id\":1,\"id\":2}", CS_EPROTO, NULL, NULL, 0},
    {"{\"data\":\"a\",\"data_hex\":\"00\"}", CS_EPROTO, NULL, NULL, 0},
    {"{\"data_hex\":\"0\"}", CS_EPROTO, NULL, NULL, 0},
    {"{\"data_hex\":\"zz\"}", CS_EPROTO, NULL, NULL, 0},
    {"{\"data\":\"a\nb\"}", CS_EPROTO, NULL, NULL, 0},
    {"{\"data\":\"\\x41\"}", CS_EPROTO, NULL, NULL, 0},
    {"{\"data\":\"\\u12\"}", CS_EPROTO, NULL, NULL, 0},
    {"{\"port\":65536}", CS_EPROTO, NULL, NULL, 0},
    {"{\"port\":\"80\"}", 0, "", "", 0},
    {"{\"kind\":\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\"}", CS_ELIMIT,
     NULL, NULL, 0},
    {"{\"x\":[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]"
     "]]]]]]]]]]]]}",
     CS_ELIMIT, NULL, NULL, 0},
};

static void
test_line(void **state)
{
	struct cs_ident_line l;
	struct cs_buf data;
	char err[256];

	(void)state;
	cs_buf_init(&data, 1024);
	for (size_t i = 0; i < CS_NELEM(lcases); i++) {
		const struct lcase *c = &lcases[i];
		int rc = cs_ident_line_parse((const uint8_t *)c->line,
					     strlen(c->line), &data, &l, err,
					     sizeof(err));

		if (rc != c->rc)
			fail_msg("case %zu: got %d (%s), want %d", i, rc, err,
				 c->rc);
		if (rc != 0) {
			assert_true(err[0] != '\0');
			continue;
		}
		assert_string_equal(l.kind, c->kind);
		assert_int_equal(l.data.n, c->datalen);
		if (c->datalen)
			assert_memory_equal(l.data.p, c->data, c->datalen);
	}
	/* id and device values */
	assert_int_equal(
	    cs_ident_line_parse(L("{\"id\":-1.5e3,\"device\":\"cam"
				  "\\\"7\",\"port\":554,\"service\":"
				  "\"telnet\",\"kind\":\"rtsp\","
				  "\"data\":\"\"}"),
				&data, &l, err, sizeof(err)),
	    0);
	assert_int_equal(l.id.type, CS_IDENT_NUMBER);
	assert_string_equal(l.id.s, "-1.5e3");
	assert_int_equal(l.device.type, CS_IDENT_STRING);
	assert_string_equal(l.device.s, "cam\"7");
	assert_int_equal(l.port, 554);
	assert_string_equal(l.service, "telnet");
	assert_true(l.has_data);
	/* the id survives a later error, so the error can name it */
	assert_int_equal(cs_ident_line_parse(L("{\"id\":\"x1\",\"port\":-1}"),
					     &data, &l, err, sizeof(err)),
			 CS_EPROTO);
	assert_string_equal(l.id.s, "x1");
	/* the data string is read first without its check (identify's
	 * memo skips it for a string checked before): a fault in it is
	 * still the error, before a later one, and a member after it is
	 * not read, as when it was checked where it stands */
	assert_int_equal(cs_ident_line_parse(L("{\"data\":\"a\\qb\",\"id\":"
					       "\"late\",\"port\":-1}"),
					     &data, &l, err, sizeof(err)),
			 CS_EPROTO);
	assert_string_equal(err, "bad escape at byte 11");
	assert_int_equal(l.id.type, CS_IDENT_NONE);
	assert_int_equal(
	    cs_ident_line_parse(L("{\"id\":\"early\",\"data\":"
				  "\"a\\u12zz\",\"kind\":\"http\"}"),
				&data, &l, err, sizeof(err)),
	    CS_EPROTO);
	assert_string_equal(err, "bad \\u escape at byte 24");
	assert_string_equal(l.id.s, "early");
	assert_string_equal(l.kind, "");
	/* and scanned alone, then checked: the same */
	assert_int_equal(cs_ident_line_scan(L("{\"data\":\"a\\qb\",\"id\":"
					      "\"late\"}"),
					    &l, err, sizeof(err)),
			 0);
	assert_false(l.data_checked);
	assert_int_equal(l.id.type, CS_IDENT_STRING);
	assert_int_equal(cs_ident_line_check(&l, err, sizeof(err)), CS_EPROTO);
	assert_string_equal(err, "bad escape at byte 11");
	assert_int_equal(l.id.type, CS_IDENT_NONE);
	/* data larger than the buffer's cap */
	{
		char big[2100];
		int k = snprintf(big, sizeof(big), "{\"data\":\"");

		memset(big + k, 'a', 2000);
		k += 2000;
		k += snprintf(big + k, sizeof(big) - (size_t)k, "\"}");
		assert_int_equal(cs_ident_line_parse((const uint8_t *)big,
						     (size_t)k, &data, &l, err,
						     sizeof(err)),
				 CS_ELIMIT);
	}
	/* escapes whose text passes the buffer's cap (1024) but whose
	 * bytes fit: decoded all the same; one byte more: refused; and a
	 * service spelled in escapes longer than its field */
	for (size_t nb = 1000; nb <= 1025; nb++) {
		char big[8192];
		int k = snprintf(big, sizeof(big), "{\"data\":\"");

		for (size_t i = 0; i < nb; i++)
			k += snprintf(big + k, sizeof(big) - (size_t)k,
				      i % 2 ? "\\u0062" : "\\n");
		k += snprintf(big + k, sizeof(big) - (size_t)k, "\"}");
		assert_int_equal(cs_ident_line_parse((const uint8_t *)big,
						     (size_t)k, &data, &l, err,
						     sizeof(err)),
				 nb <= 1024 ? 0 : CS_ELIMIT);
		if (nb <= 1024) {
			assert_int_equal(l.data.n, nb);
			for (size_t i = 0; i < nb; i++)
				assert_int_equal(l.data.p[i],
						 i % 2 ? 'b' : '\n');
		}
	}
	assert_int_equal(cs_ident_line_parse(
			     L("{\"kind\":\"\\u0062anner\",\"service\":"
			       "\"\\u0074\\u0065\\u006c\\u006e\\u0065\\u0074\","
			       "\"data\":\"x\"}"),
			     &data, &l, err, sizeof(err)),
			 0);
	assert_string_equal(l.kind, "banner");
	assert_string_equal(l.service, "telnet");
	cs_buf_free(&data);
}

/*
 * The data string is decoded and checked in one pass (line.c): each
 * fault scan_string refuses (a control byte, a bad escape, a short or
 * bad \u escape), at each place in a word, after plain, escaped or
 * non-ASCII bytes, in a text kind and a binary one (decoded as latin-1
 * first), gives the rc and the message the record's check gives, and a
 * valid string decodes to its bytes; data_hex alike.
 */
static void
test_line_fused(void **state)
{
	static const char *const faults[] = {"\x01",    "\x1f",  "\t", "\\q",
					     "\\u12zz", "\\x41", "\\"};
	static const char *const before[] = {"", "\\n", "\xc3\xa9", "\\u00e9",
					     "\\\""};
	static const char *const kinds[] = {"http", "dvrip"};
	struct cs_ident_line l, ref;
	struct cs_buf data;
	char line[256], err[256], rerr[256];

	(void)state;
	cs_buf_init(&data, 1024);
	for (size_t k = 0; k < CS_NELEM(kinds); k++)
		for (size_t b = 0; b < CS_NELEM(before); b++)
			for (size_t f = 0; f <= CS_NELEM(faults); f++)
				for (int at = 0; at < 12; at++) {
					const char *fault = f < CS_NELEM(faults)
								? faults[f]
								: "ok";
					int n, rc, rrc;

					n = snprintf(
					    line, sizeof(line),
					    "{\"kind\":\"%s\",\"data\":\"%s"
					    "%.*s%s%s\",\"id\":1}",
					    kinds[k], before[b], at,
					    "abcdefghijklmnop", fault,
					    "tail-bytes-tail-bytes");
					rc = cs_ident_line_parse(
					    (const uint8_t *)line, (size_t)n,
					    &data, &l, err, sizeof(err));
					/* the reference: the record checked
					 * where it stands */
					assert_int_equal(
					    cs_ident_line_scan(
						(const uint8_t *)line,
						(size_t)n, &ref, rerr,
						sizeof(rerr)),
					    0);
					rrc = cs_ident_line_check(&ref, rerr,
								  sizeof(rerr));
					if (rc != rrc ||
					    (rc != 0 && strcmp(err, rerr) != 0))
						fail_msg(
						    "%s: got %d (%s), want "
						    "%d (%s)",
						    line, rc, err, rrc, rerr);
					if (rc == 0)
						assert_true(l.data.n > 20);
				}
	/* valid strings decode as before: escapes and plain runs at each
	 * place, latin-1 for a binary kind, UTF-8 when a code point is
	 * above 255 */
	for (int at = 0; at < 12; at++) {
		int n = snprintf(line, sizeof(line),
				 "{\"kind\":\"dvrip\",\"data\":\"%.*s\\u00ff"
				 "\\r\\nxyz\\/\"}",
				 at, "abcdefghijklmnop");

		assert_int_equal(cs_ident_line_parse((const uint8_t *)line,
						     (size_t)n, &data, &l, err,
						     sizeof(err)),
				 0);
		assert_int_equal(l.data.n, (size_t)at + 7);
		assert_memory_equal(l.data.p + at, "\xff\r\nxyz/", 7);
		n = snprintf(line, sizeof(line),
			     "{\"kind\":\"dvrip\",\"data\":\"%.*s\\u00ff"
			     "\\u0100\"}",
			     at, "abcdefghijklmnop");
		assert_int_equal(cs_ident_line_parse((const uint8_t *)line,
						     (size_t)n, &data, &l, err,
						     sizeof(err)),
				 0);
		assert_int_equal(l.data.n, (size_t)at + 4);
		assert_memory_equal(l.data.p + at, "\xc3\xbf\xc4\x80", 4);
	}
	/* data_hex: a string JSON refuses is refused as such, bad hex in a
	 * valid string as bad hex */
	assert_int_equal(cs_ident_line_parse(L("{\"kind\":\"mdns\",\"data_hex"
					       "\":\"0a0b\\q\"}"),
					     &data, &l, err, sizeof(err)),
			 CS_EPROTO);
	assert_string_equal(err, "bad escape at byte 32");
	assert_int_equal(cs_ident_line_parse(L("{\"kind\":\"mdns\",\"data_hex"
					       "\":\"0a0b\x01\"}"),
					     &data, &l, err, sizeof(err)),
			 CS_EPROTO);
	assert_non_null(strstr(err, "control byte"));
	assert_int_equal(cs_ident_line_parse(L("{\"kind\":\"mdns\",\"data_hex"
					       "\":\"0a0bzz\"}"),
					     &data, &l, err, sizeof(err)),
			 CS_EPROTO);
	assert_non_null(strstr(err, "bad hex"));
	assert_int_equal(cs_ident_line_parse(L("{\"kind\":\"mdns\",\"data_hex"
					       "\":\"0a:0b 0c\"}"),
					     &data, &l, err, sizeof(err)),
			 0);
	assert_int_equal(l.data.n, 3);
	/* hex digits two at a time: a bad one, a separator inside a byte
	 * and an odd count are found at each place */
	for (int at = 0; at < 20; at++) {
		char want[64];
		int n = snprintf(line, sizeof(line),
				 "{\"kind\":\"mdns\",\"data_hex\":\"%.*sg0A\"}",
				 at, "00112233445566778899aabbccddeeff");

		assert_int_equal(cs_ident_line_parse((const uint8_t *)line,
						     (size_t)n, &data, &l, err,
						     sizeof(err)),
				 CS_EPROTO);
		/* "g" as the first digit of a byte or (odd at) the second */
		snprintf(want, sizeof(want),
			 "bad hex in \"data_hex\" at offset %d", at);
		assert_string_equal(err, want);
		n = snprintf(line, sizeof(line),
			     "{\"kind\":\"mdns\",\"data_hex\":\"%.*s:Ff\"}", at,
			     "00112233445566778899aabbccddeeff");
		assert_int_equal(cs_ident_line_parse((const uint8_t *)line,
						     (size_t)n, &data, &l, err,
						     sizeof(err)),
				 at % 2 ? CS_EPROTO : 0);
		if (at % 2 == 0) {
			assert_int_equal(l.data.n, (size_t)at / 2 + 1);
			assert_int_equal(l.data.p[at / 2], 0xff);
			if (at >= 2)
				assert_int_equal(l.data.p[at / 2 - 1],
						 (at / 2 - 1) * 0x11);
		}
	}
	assert_int_equal(cs_ident_line_parse(L("{\"kind\":\"mdns\",\"data_hex"
					       "\":\"0a0b0\"}"),
					     &data, &l, err, sizeof(err)),
			 CS_EPROTO);
	assert_non_null(strstr(err, "odd number"));
	cs_buf_free(&data);
}

static void
test_mac(void **state)
{
	static const char *const good[] = {
	    "58:50:ed:1f:e3:85", "58-50-ED-1F-E3-85",    "5850.ed1f.e385",
	    "5850ED1FE385",      " 58:50:ed:1f:e3:85\n", "58:50:ED:1f:E3:85",
	    "5850.ED1F.E385",    "58 50 ED 1F E3 85 ",
	};
	/* The forms tools print, one table: input and the address read. */
	static const struct {
		const char *in, *want;
	} forms[] = {
	    /* Net-SNMP (snmpwalk STRING / ifPhysAddress): one-digit bytes. */
	    {"3c:ef:8c:8:4e:1e", "3c:ef:8c:08:4e:1e"},
	    {"0:1:2:3:4:5", "00:01:02:03:04:05"},
	    {"c0:56:e3:a:0:ff", "c0:56:e3:0a:00:ff"},
	    /* snmpwalk Hex-STRING. */
	    {"C0 56 E3 0A 00 FF", "c0:56:e3:0a:00:ff"},
	    /* Windows (getmac, ipconfig /all). */
	    {"C0-56-E3-0A-00-FF", "c0:56:e3:0a:00:ff"},
	    /* Cisco IOS (show mac address-table, show arp). */
	    {"c056.e30a.00ff", "c0:56:e3:0a:00:ff"},
	    {"C056.E30A.00FF", "c0:56:e3:0a:00:ff"},
	    /* Bare (Hikvision SADP, many web pages). */
	    {"C056E30A00FF", "c0:56:e3:0a:00:ff"},
	    {"c056e30a00ff", "c0:56:e3:0a:00:ff"},
	    /* Linux ip link, arp -n; macOS arp -a prints one-digit bytes. */
	    {"\tc0:56:e3:0a:00:ff \r\n", "c0:56:e3:0a:00:ff"},
	    {"0:c:29:a:b:c", "00:0c:29:0a:0b:0c"},
	};
	static const char *const bad[] = {
	    "",
	    "5",
	    "58:50:ed:1f:e3",
	    "58:50:ed:1f:e3:85:00",
	    "58:50-ed:1f:e3:85",
	    "585:0ed:1f:e3:85",
	    "58:50:ed:1f:e3:8g",
	    ":58:50:ed:1f:e3:85",
	    "58::50:ed:1f:e3:85",
	    "5850.ed1fe.385",
	    "58:50:ed:1f:e3:85:",
	    /* One-digit bytes only after ':' (no tool prints 3c-ef-8-..). */
	    "3c-ef-8c-8-4e-1e",
	    "3c ef 8c 8 4e 1e",
	    /* 13 and 11 hex digits. */
	    "c056e30a00ff1",
	    "c056e30a00f",
	    "c0:56:e3:0a:00:ff1",
	    "c0:56:e3:0a:00:fff",
	    /* Serial numbers and model strings. */
	    "DS-2CD2143G0-I20190101AACHD12345678",
	    "4J0123456789",
	    "E12345678",
	    "3C00A1B2C3D4E5",
	    "SN:C056E30A00FF",
	    /* IPv6 fragments. */
	    "fe80::3eef:8cff:fe08:4e1e",
	    "fe80::1",
	    "::1",
	    "2001:db8:0:0:1:2",
	    "2001:db8::8c08:4e1e",
	    "3eef:8cff:fe08",
	    "fe80:0:0:0:3eef:8cff",
	    /* Mixed separators, Cisco with the wrong groups, doubled ones. */
	    "c0:56:e3-0a:00:ff",
	    "c0.56.e3.0a.00.ff",
	    "c056.e30a.00ff.0000",
	    "c05.6e30.a00ff",
	    "c0  56 e3 0a 00 ff",
	    "c0:56:e3:0a:00:ff:",
	    "c0:56:e3:0a:00:ff:12",
	    "0x:c0:56:e3:0a:00",
	};
	uint8_t mac[6];
	char txt[18];

	(void)state;
	for (size_t i = 0; i < CS_NELEM(good); i++) {
		assert_int_equal(cs_ident_mac_parse((const uint8_t *)good[i],
						    strlen(good[i]), mac),
				 0);
		cs_ident_mac_format(mac, txt);
		assert_string_equal(txt, "58:50:ed:1f:e3:85");
	}
	for (size_t i = 0; i < CS_NELEM(forms); i++) {
		if (cs_ident_mac_parse((const uint8_t *)forms[i].in,
				       strlen(forms[i].in), mac) != 0)
			fail_msg("refused %s", forms[i].in);
		cs_ident_mac_format(mac, txt);
		if (strcmp(txt, forms[i].want) != 0)
			fail_msg("%s: read %s, want %s", forms[i].in, txt,
				 forms[i].want);
	}
	for (size_t i = 0; i < CS_NELEM(bad); i++)
		if (cs_ident_mac_parse((const uint8_t *)bad[i], strlen(bad[i]),
				       mac) == 0)
			fail_msg("accepted %s", bad[i]);
}

/* Registry prefixes given alone (cs_dec_mac_prefix_parse). */
static void
test_mac_prefix(void **state)
{
	static const struct {
		const char *in;
		unsigned bits;
		const char *hex; /* the 6 bytes, prefix then zeros */
	} good[] = {
	    {"90:02:A9", 24, "9002a9000000"},
	    {"90-02-a9", 24, "9002a9000000"},
	    {"9002A9", 24, "9002a9000000"},
	    {" 90:02:A9:1\n", 28, "9002a9100000"},
	    {"9002A91", 28, "9002a9100000"},
	    {"90:02:A9:1/28", 28, "9002a9100000"},
	    {"90-02-A9-10-00-00/28", 28, "9002a9100000"},
	    {"90:02:A9:1F:FF:FF/28", 28, "9002a9100000"},
	    {"9002A9/24", 24, "9002a9000000"},
	    {"70:B3:D5:12:3", 36, "70b3d5123000"},
	    {"70B3D5123/36", 36, "70b3d5123000"},
	    {"90:02:A9:12", 32, "9002a9120000"},
	};
	static const char *const bad[] = {
	    "",
	    "90:02",
	    "9002A",
	    "90:02:A9:",
	    "90:02:A9/28",
	    "90:02:A9:1/27",
	    "90:02:A9/20",
	    "90:02:A9/",
	    "90:02:A9/2x",
	    "90:02:A9/100",
	    "90:02-A9",
	    "900:2A9",
	    "90:02:A9:123",
	    "90:02:g9",
	    "9002A9123456789",
	    "90.02.A9",
	    "90:02:A9:1:",
	};
	uint8_t mac[6];
	unsigned bits;
	char hex[13];

	(void)state;
	for (size_t i = 0; i < CS_NELEM(good); i++) {
		if (cs_dec_mac_prefix_parse((const uint8_t *)good[i].in,
					    strlen(good[i].in), mac,
					    &bits) != 0)
			fail_msg("refused %s", good[i].in);
		for (size_t k = 0; k < 6; k++)
			snprintf(hex + 2 * k, 3, "%02x", mac[k]);
		assert_string_equal(hex, good[i].hex);
		assert_int_equal(bits, good[i].bits);
	}
	for (size_t i = 0; i < CS_NELEM(bad); i++)
		if (cs_dec_mac_prefix_parse((const uint8_t *)bad[i],
					    strlen(bad[i]), mac, &bits) == 0)
			fail_msg("accepted %s", bad[i]);
}

/* ---- decoders ---- */

static const char *
val(const struct cs_obs_list *l, const char *key)
{
	const struct cs_obs *o = cs_obs_find(l, key, 0);

	return o ? (const char *)o->val : NULL;
}

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

/*
 * Vendor answers read since the second round, and a MAC derived from a
 * realm or a vendor field: kind, input, the key looked for and its
 * first value (NULL: the key must be absent).
 */
/* A UDP 20002 discovery answer: 16-byte header, then the JSON. */
#define TAPO_DISC                                                              \
	"\x02\x00\x00\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00"     \
	"{\"error_code\":0,\"result\":{\"device_model\":\"C210\","             \
	"\"device_type\":\"SMART.IPCAMERA\",\"firmware_version\":\"1.4.3 "     \
	"Build 241010 Rel.33858n\",\"mac\":\"58-50-ED-00-00-01\"}}"

/* A GB/T 28181 DeviceInfo answer as an NVR sends it, and its MANSCDP
 * body alone. */
#define GB_MSG                                                                 \
	"MESSAGE sip:34020000002000000001@3402000000 SIP/2.0\r\n"              \
	"From: <sip:34020000001180000001@3402000000>;tag=5\r\n"                \
	"To: <sip:34020000002000000001@3402000000>\r\n"                        \
	"CSeq: 20 MESSAGE\r\nContent-Type: Application/MANSCDP+xml\r\n"        \
	"User-Agent: IP Camera\r\n\r\n"                                        \
	"<?xml version=\"1.0\" encoding=\"GB2312\"?>\r\n<Response>\r\n"        \
	"<CmdType>DeviceInfo</CmdType>\r\n<SN>7</SN>\r\n"                      \
	"<DeviceID>34020000001180000001</DeviceID>\r\n<Result>OK</Result>\r\n" \
	"<DeviceType>DVR</DeviceType>\r\n"                                     \
	"<Manufacturer>HIKVISION</Manufacturer>\r\n"                           \
	"<Model>DS-7608NI-K2</Model>\r\n<Firmware>V4.30.085</Firmware>\r\n"    \
	"</Response>\r\n"
#define GB_BODY                                                                \
	"<?xml version=\"1.0\"?>\n<Response>\n<CmdType>DeviceInfo</CmdType>\n" \
	"<DeviceID>64010000001110000001</DeviceID>\n"                          \
	"<Manufacturer>Tiandy</Manufacturer>\n<Model>TC-NR5020M7-P2</Model>\n"

#define GB_CATALOG                                                             \
	"<?xml version=\"1.0\"?>\n<Response>\n<CmdType>Catalog</CmdType>\n"    \
	"<SN>3</SN>\n<DeviceID>34020000001180000001</DeviceID>\n"              \
	"<SumNum>1</SumNum>\n<DeviceList Num=\"1\">\n<Item>\n"                 \
	"<DeviceID>34020000001320000001</DeviceID>\n<Name>Gate</Name>\n"       \
	"<Manufacturer>Hikvision</Manufacturer>\n<Model>IP Camera</Model>\n"   \
	"</Item>\n</DeviceList>\n</Response>\n"

/* A DHIP header without its JSON, and one with a wrong magic. */
#define DHIP_HDR                                                               \
	"\x20\x00\x00\x00"                                                     \
	"DHIP"                                                                 \
	"\x00\x00\x00\x00\x01\x00\x00\x00"                                     \
	"\xa0\x00\x00\x00\x00\x00\x00\x00\xa0\x00\x00\x00\x00\x00\x00\x00"
#define DHIQ_HDR                                                               \
	"\x20\x00\x00\x00"                                                     \
	"DHIQ"                                                                 \
	"\x00\x00\x00\x00"

static const struct {
	const char *kind, *in, *key, *want;
	size_t n; /* 0: strlen(in) */
} v2[] = {
    /* MAC-shaped realms (fake_oui knows 58:...). */
    {"http",
     "HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: Digest "
     "realm=\"5850ED1FE385\", nonce=\"1\"\r\n\r\n",
     "mac", "58:50:ed:1f:e3:85", 0},
    {"http",
     "HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: Digest "
     "realm=\"5850ED1FE385\", nonce=\"1\"\r\n\r\n",
     "mac.maker", "Hikvision", 0},
    {"http.www-authenticate", "Basic realm=\"AXIS_5850ED1FE385\"", "mac",
     "58:50:ed:1f:e3:85", 0},
    {"rtsp",
     "RTSP/1.0 401 Unauthorized\r\nCSeq: 1\r\nWWW-Authenticate: Digest "
     "realm=\"IPC 58-50-ED-1F-E3-85\", nonce=\"1\"\r\n\r\n",
     "mac", "58:50:ed:1f:e3:85", 0},
    /* Not MAC-shaped: a longer hex run, a run glued to letters, 11
     * digits, a serial. */
    {"http.www-authenticate", "Basic realm=\"5850ED1FE3851\"", "mac", NULL, 0},
    {"http.www-authenticate", "Basic realm=\"x5850ED1FE385\"", "mac", NULL, 0},
    {"http.www-authenticate", "Basic realm=\"5850ED1FE38\"", "mac", NULL, 0},
    {"http.www-authenticate", "Basic realm=\"Login to 4K01FD2PAJ6E3FF\"", "mac",
     NULL, 0},
    {"http.www-authenticate", "Basic realm=\"58:50:ed:1f:e3:85:00\"", "mac",
     NULL, 0},
    /* The mac kind: every form tools print, and what it must refuse. */
    {"mac", "58:50:ed:8:4e:1e", "mac", "58:50:ed:08:4e:1e", 0},
    {"mac", "58:50:ed:8:4e:1e", "mac.maker", "Hikvision", 0},
    {"mac", "58 50 ED 08 4E 1E", "mac", "58:50:ed:08:4e:1e", 0},
    {"mac", "58-50-ED-08-4E-1E", "mac", "58:50:ed:08:4e:1e", 0},
    {"mac", "5850.ed08.4e1e", "mac", "58:50:ed:08:4e:1e", 0},
    {"mac", "5850ED084E1E", "mac.maker", "Hikvision", 0},
    {"mac", "5850ED084E1E1", "mac", NULL, 0},
    {"mac", "fe80::5a50:edff:fe08:4e1e", "mac", NULL, 0},
    {"mac", "2001:db8::58:50", "mac", NULL, 0},
    {"mac", "5850:ed08:4e1e", "mac", NULL, 0},
    {"mac", "DS-2CD2143G0-I20190101AACHD12345678", "mac", NULL, 0},
    {"mac", "4K01FD2PAJ6E3FF", "mac", NULL, 0},
    {"mac", "58:50:ed:8:4e", "mac", NULL, 0},
    /* TP-Link Tapo discovery (16-byte header skipped) and local API. */
    {"tplink", TAPO_DISC, "tplink.device-type", "SMART.IPCAMERA",
     sizeof(TAPO_DISC) - 1},
    {"tplink",
     "{\"result\":{\"device_model\":\"C210\",\"device_type\":"
     "\"SMART.IPCAMERA\",\"mac\":\"58-50-ED-00-00-01\"}}",
     "mac", "58:50:ed:00:00:01", 0},
    {"vendor-api",
     "{\"device_info\":{\"basic_info\":{\"device_type\":\"SMART."
     "TAPOHUB\",\"device_model\":\"H200\",\"sw_version\":\"1.3.6 Build "
     "20240829 rel.71119\",\"manufacturer_name\":\"TP-LINK\"}}}",
     "tplink.manufacturer", "TP-LINK", 0},
    {"tplink", "{\"result\":{\"mac\":\"zz\"}}", "tplink.model", NULL, 0},
    /* The local API's get_device_info answer: "type", "model", "fw_ver"
     * (an http body is told by "fw_ver" with a SMART. type); a "type"
     * that is not TP-Link's is not a device type. */
    {"http",
     "{\"avatar\": \"plug\", \"fw_ver\": \"1.0.7 Build 221125\", "
     "\"mac\": \"58-50-ED-00-00-02\", \"model\": \"P100\", \"type\": "
     "\"SMART.TAPOPLUG\"}",
     "tplink.device-type", "SMART.TAPOPLUG", 0},
    {"tplink",
     "{\"avatar\": \"hub\", \"fw_ver\": \"1.2.5 Build 231110\", \"model\": "
     "\"H200\", \"type\": \"SMART.TAPOHUB\"}",
     "tplink.model", "H200", 0},
    {"tplink", "{\"fw_ver\": \"1.0\", \"model\": \"X1\", \"type\": \"light\"}",
     "tplink.model", NULL, 0},
    /* Reolink GetDevInfo. */
    {"http",
     "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\r\n"
     "[{\"cmd\":\"GetDevInfo\",\"code\":0,\"value\":{\"DevInfo\":{"
     "\"buildDay\":\"build 18081408\",\"firmVer\":\"v2.0.0.1389_"
     "18081408\",\"model\":\"RLC-411WS\",\"type\":\"IPC\"}}}]",
     "reolink.model", "RLC-411WS", 0},
    {"reolink",
     "[{\"cmd\":\"GetDevInfo\",\"value\":{\"DevInfo\":{\"exactType\":"
     "\"WIFI_NVR\",\"type\":\"NVR\",\"model\":\"RLN8-410\"}}}]",
     "reolink.device-type", "WIFI_NVR", 0},
    {"reolink", "[{\"cmd\":\"GetDevInfo\",\"value\":{\"DevInfo\":{\"firmV",
     "reolink.firmware", NULL, 0},
    /* A member list cut from its DevInfo document (a log excerpt), as
     * kind http and reolink; one Reolink member name alone is not
     * enough. */
    {"http",
     "  \"firmVer\" : \"v3.0.0.2356_23062003\",\n  \"hardVer\" : "
     "\"IPC_523128M5MP\",\n  \"model\" : \"E1 Zoom\",\n",
     "reolink.model", "E1 Zoom", 0},
    {"reolink",
     "\"hardVer\": \"N2MB02\", \"model\": \"RLN8-410\", \"pakSuffix\": "
     "\"pak\", \"type\": \"NVR\", \"wifi\": 0}}}]",
     "reolink.device-type", "NVR", 0},
    {"reolink",
     "\"hardVer\": \"N2MB02\", \"model\": \"RLN8-410\", \"value\": {\"x\": "
     "1}, \"firmVer\": \"v3\"",
     "reolink.model", "RLN8-410", 0},
    {"http", "\"firmVer\": \"1.2.3\", \"model\": \"X100\"", "reolink.model",
     NULL, 0},
    {"http",
     "'firmVer': 'v3.0.0.136_20121102', 'hardVer': 'IPC_51516M5M', "
     "'model': 'RLC-410-5MP'",
     "reolink.model", "RLC-410-5MP", 0},
    /* Dahua RPC2: the envelope given as an http body, and members cut
     * from their document (a log line without the opening brace). */
    {"http",
     "{\"id\":5,\"params\":{\"type\":\"XVR\"},\"result\":true,"
     "\"session\":\"abc\"}",
     "dahua.device-class", "XVR", 0},
    {"http", "\"realm\":\"Login to 4K01FD2PAJ6E3FF\",\"result\":false",
     "dahua.realm", "Login to 4K01FD2PAJ6E3FF", 0},
    {"dahua-rpc2",
     "\"params\" : { \"type\" : \"NVR5216-4KS2\" }, \"result\" "
     ": true, \"session\" : 123, \"id\" : 4 }",
     "dahua.model", "NVR5216-4KS2", 0},
    {"http", "<p>Please Login to continue</p><script>var realm=1;</script>",
     "dahua.realm", NULL, 0},
    {"http", "{\"id\":1,\"result\":true}", "dahua.rpc2", NULL, 0},
    /* Axis: ProdShortName; basicdeviceinfo cut before its Brand. */
    {"http", "root.Brand.ProdShortName=AXIS M3106-L Mk II\r\n", "axis.product",
     "AXIS M3106-L Mk II", 0},
    {"http", "{\"ProdType\": \"Network Camera\", \"ProdNbr\": \"M3106-L\"",
     "axis.model", "M3106-L", 0},
    {"http", "ProdNbr and ProdType, said in prose", "axis.model", NULL, 0},
    /* Axis param.cgi listing. */
    {"http",
     "HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n\r\n"
     "root.Brand.Brand=AXIS\r\nroot.Brand.ProdNbr=M3045-V\r\n"
     "root.Brand.ProdType=Network Camera\r\n",
     "axis.device-type", "Network Camera", 0},
    {"axis-param", "root.Properties.Firmware.Version=9.80.1\n", "axis.firmware",
     "9.80.1", 0},
    {"axis-param", "root.Brand.Brand\n", "axis.brand", NULL, 0},
    /* A saved parameter list in sections: [Brand], Name = "value". */
    {"http",
     "[Brand]\nBrand          = \"AXIS\"\nProdNbr        = \"M1065-L\"\n"
     "ProdType       = \"Network Camera\"\n[Properties.Firmware]\n"
     "Version        = \"9.80.3\"\n",
     "axis.device-type", "Network Camera", 0},
    {"axis-param",
     "[Brand]\r\nBrand = \"AXIS\"\r\nProdNbr = \"M1065-L\"\r\n"
     "[Properties.Firmware]\r\nVersion = \"9.80.3\"\r\n",
     "axis.firmware", "9.80.3", 0},
    {"axis-param", "[Brand]\nBrand = \"AXIS\"\n[Image]\nProdNbr = \"X\"\n",
     "axis.model", NULL, 0},
    {"http", "[Image]\nProdNbr = \"X\"\nBrand = \"Y\"\n", "axis.model", NULL,
     0},
    /* ... cut before ProdNbr: the group's first lines still read;
     * a [Brand] header over other text is not the layout. */
    {"http",
     "[Brand]\nBrand                    = \"AXIS\"\nProdFullName             "
     "= \"AXIS P5534 PTZ",
     "axis.brand", "AXIS", 0},
    {"http", "[Brand]\nfoo bar\nBrand = \"AXIS\"\n", "axis.brand", NULL, 0},
    /* A 200 listing of other groups keeps its body for the VAPIX
     * layout rule; a 401 page does not. */
    {"axis-param",
     "HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n\r\n"
     "root.Network.Bonjour.Enabled=yes\r\n",
     "http.body", "root.Network.Bonjour.Enabled=yes\r\n", 0},
    {"axis-param",
     "HTTP/1.0 401 Unauthorized\r\n\r\nroot.Network.Bonjour.Enabled=yes",
     "http.body", NULL, 0},
    /* Any ISAPI document; an event alert even without its namespace. */
    {"vendor-api",
     "<EventNotificationAlert version=\"1.0\"><macAddress>58:50:ed:1f:e3:85"
     "</macAddress><eventType>videoloss</eventType>"
     "</EventNotificationAlert>",
     "mac", "58:50:ed:1f:e3:85", 0},
    {"http",
     "HTTP/1.1 200 OK\r\n\r\n<ResponseStatus version=\"1.0\" xmlns=\"http:"
     "//www.hikvision.com/ver20/XMLSchema\"><statusCode>4</statusCode>"
     "</ResponseStatus>",
     "hik.isapi",
     "200 <ResponseStatus version=\"1.0\" xmlns=\"http://www."
     "hikvision.com/ver20/XMLSchema\"><statusCode>4</statusCode>"
     "</ResponseStatus>",
     0},
    /* RTSP stream URLs (Content-Base, else Content-Location). */
    {"rtsp",
     "RTSP/1.0 200 OK\r\nCSeq: 2\r\nContent-Base: rtsp://192.0.2.9/"
     "h264Preview_01_main/\r\n\r\n",
     "rtsp.content-base", "rtsp://192.0.2.9/h264Preview_01_main/", 0},
    {"rtsp",
     "RTSP/1.0 200 OK\r\nCSeq: 2\r\nContent-Location: rtsp://192.0.2.11/"
     "axis-media/media.amp\r\n\r\n",
     "rtsp.content-base", "rtsp://192.0.2.11/axis-media/media.amp", 0},
    {"rtsp", "RTSP/1.0 200 OK\r\nCSeq: 2\r\n\r\n", "rtsp.content-base", NULL,
     0},
    /* A reply without Server or realm keeps its header lines. */
    {"rtsp",
     "RTSP/1.0 200 OK\r\nDate: Sat, Aug 12 2023 14:29:34 GMT\r\nCSeq: 0\r\n"
     "Public: OPTIONS, DESCRIBE, SETUP, TEARDOWN, PLAY\r\n\r\n",
     "rtsp.header", "Date: Sat, Aug 12 2023 14:29:34 GMT", 0},
    {"rtsp", "RTSP/1.0 401 Unauthorized\r\n\r\n", "rtsp.header", NULL, 0},
    /* RTSP header lines without their status line; not other text. */
    {"rtsp",
     "CSeq: 2\r\nWWW-Authenticate: Digest realm=\"Login to 4L0123PAZ\", "
     "nonce=\"a1\"\r\nServer: Dahua Rtsp Server\r\n",
     "rtsp.realm", "Login to 4L0123PAZ", 0},
    {"rtsp", "Dahua Rtsp Server", "rtsp.server", NULL, 0},
    /* DHIP framing alone. */
    {"dhip", DHIP_HDR, "dhip.header",
     "20000000444849500000000001000000"
     "a000000000000000a000000000000000",
     sizeof(DHIP_HDR) - 1},
    {"dhip", DHIQ_HDR, "dhip.header", NULL, sizeof(DHIQ_HDR) - 1},
    /* A Dahua DVRIP reply header cut short; a request type is not one. */
    {"dvrip", "\xb0\x00\x00\x68\x00\x00\x00", "dahua.dvrip", "b0000068000000",
     7},
    {"dvrip", "\xa0\x01\x00\x60\x00\x00\x00", "dahua.dvrip", NULL, 7},
    {"dvrip", "\xb0\x00\x00", "dahua.dvrip", NULL, 3},
    /* An ISAPI DeviceInfo fragment without root or namespace. */
    {"http",
     "<model>DS-2CD2043G0-I</model>\n<firmwareVersion>V5.5.82"
     "</firmwareVersion>\n<firmwareReleasedDate>build 190725"
     "</firmwareReleasedDate>",
     "isapi.model", "DS-2CD2043G0-I", 0},
    {"http", "<Model>X</Model><FirmwareVersion>1</FirmwareVersion>",
     "isapi.model", NULL, 0},
    /* A MAC standing alone in a name or serial (Axis style). */
    {"upnp",
     "<root xmlns=\"urn:schemas-upnp-org:device-1-0\"><device><friendlyName>"
     "AXIS M3045-V - 5850ED1FE385</friendlyName></device></root>",
     "mac", "58:50:ed:1f:e3:85", 0},
    {"onvif",
     "<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\" "
     "xmlns:tds=\"http://www.onvif.org/ver10/device/wsdl\"><s:Body>"
     "<tds:GetDeviceInformationResponse><tds:Manufacturer>AXIS"
     "</tds:Manufacturer><tds:SerialNumber>5850ED1FE385</tds:SerialNumber>"
     "</tds:GetDeviceInformationResponse></s:Body></s:Envelope>",
     "mac", "58:50:ed:1f:e3:85", 0},
    {"onvif",
     "<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\" "
     "xmlns:tds=\"http://www.onvif.org/ver10/device/wsdl\"><s:Body>"
     "<tds:GetDeviceInformationResponse><tds:SerialNumber>"
     "DS-2CD2043G0-I20190101AAWRD12345678</tds:SerialNumber>"
     "</tds:GetDeviceInformationResponse></s:Body></s:Envelope>",
     "mac", NULL, 0},
    /* magicBox answers as plain bodies. */
    {"http", "type=IPC-HDW4631C-A\r\n", "dahua.model", "IPC-HDW4631C-A", 0},
    {"http", "type=text\r\n", "dahua.model", NULL, 0},
    {"http", "type=IPC-HDW4631C-A\r\nfoo bar\r\n", "dahua.model", NULL, 0},
    {"http", "appAutoStart=true\r\ndeviceType=IPC-HFW1230S\r\n", "dahua.model",
     "IPC-HFW1230S", 0},
    {"http", "deviceType=IP4M-1041B\nupdateSerial=IPC-AW46WN-S2\n",
     "dahua.update-serial", "IPC-AW46WN-S2", 0},
    {"http", "version=2.400.0000.0.R,build:2016-01-08\r\n", "dahua.firmware",
     "2.400.0000.0.R,build:2016-01-08", 0},
    {"http", "version=1.0\n", "dahua.firmware", NULL, 0},
    /* Readable text without head, markup or JSON is a body; control
     * bytes are not text. */
    {"http", "class=NVR", "http.body", "class=NVR", 0},
    {"http",
     "Firmware.Version=1011-1005-1008-1002\nProduct.Type=DVR\n"
     "Video.Input.Num=8\n",
     "http.body",
     "Firmware.Version=1011-1005-1008-1002\nProduct.Type=DVR\n"
     "Video.Input.Num=8\n",
     0},
    {"http", "a\x01b=c", "http.body", NULL, 0},
    {"http", " \r\n", "http.body", NULL, 0},
    /* A Scopes text alone (a tool's printout), single-spaced; not
     * without an ONVIF scope, nor with other text among the URIs. */
    {"wsd",
     "onvif://www.onvif.org/type/video_encoder\t onvif://www.onvif.org/"
     "hardware/CM-6204-11-I\r\n",
     "wsd.scopes",
     "onvif://www.onvif.org/type/video_encoder onvif://www.onvif.org/"
     "hardware/CM-6204-11-I",
     0},
    {"wsd", "onvif://www.onvif.org/name/X http://192.0.2.1/onvif",
     "onvif.scopes", "onvif://www.onvif.org/name/X http://192.0.2.1/onvif", 0},
    {"wsd", "http://192.0.2.1/onvif/device_service", "wsd.scopes", NULL, 0},
    {"wsd", "scopes: onvif://www.onvif.org/name/X", "wsd.scopes", NULL, 0},
    {"wsd", "onvif://www.onvif.org/name/<X>", "wsd.scopes", NULL, 0},
    /* A DHIP JSON-RPC message cut before any device field keeps its
     * text; JSON that is not one does not. */
    {"dhip",
     "{\"id\":8,\"params\":{\"service\":[\"system\",\"AccessCard\",\"Acc",
     "dhip.raw",
     "{\"id\":8,\"params\":{\"service\":[\"system\",\"AccessCard\",\"Acc", 0},
    {"dhip", "{ \"id\" : 3, \"result\" : true, \"session\" : 1", "dhip.raw",
     "{ \"id\" : 3, \"result\" : true, \"session\" : 1", 0},
    {"dhip", "{\"ids\":8,\"params\":{}", "dhip.raw", NULL, 0},
    {"dhip", "{\"name\":\"id\", \"x\":\"params\"", "dhip.raw", NULL, 0},
    /* SSDP header lines without their start line; not other text. */
    {"ssdp",
     "SERVER: Linux/2.6 UPnP/1.0 DahuaDevice/1.0\r\nST: upnp:rootdevice"
     "\r\nUSN: uuid:x::upnp:rootdevice\r\n",
     "ssdp.server", "Linux/2.6 UPnP/1.0 DahuaDevice/1.0", 0},
    {"ssdp", "Cache-Control: max-age=1800\r\nExt: \r\n", "ssdp.server", NULL,
     0},
    {"ssdp", "Linux/2.6 UPnP/1.0", "ssdp.server", NULL, 0},
    /* SIP header lines without their start line; not other text. */
    {"sip", "User-Agent: Grandstream GXV3240 1.0.3.30\r\n", "sip.server",
     "Grandstream GXV3240 1.0.3.30", 0},
    {"sip", "Allow: INVITE\r\nServer: Asterisk PBX 18.10.0\r\n", "sip.server",
     "Asterisk PBX 18.10.0", 0},
    {"sip", "Allow: INVITE, ACK\r\n", "sip.server", NULL, 0},
    {"sip", "Asterisk PBX 18.10.0", "sip.server", NULL, 0},
    /* GB/T 28181: a MANSCDP DeviceInfo answer in a SIP MESSAGE, alone,
     * and cut; the sender's 20-digit code from a request's From. */
    {"sip", GB_MSG, "gb.manufacturer", "HIKVISION", 0},
    {"sip", GB_MSG, "gb.model", "DS-7608NI-K2", 0},
    {"sip", GB_MSG, "gb.firmware", "V4.30.085", 0},
    {"sip", GB_MSG, "gb.device-type", "DVR", 0},
    {"sip", GB_MSG, "gb.device-id", "34020000001180000001", 0},
    {"sip", GB_MSG, "sip.server", "IP Camera", 0},
    {"sip", GB_BODY, "gb.model", "TC-NR5020M7-P2", 0},
    {"sip", GB_BODY, "gb.device-id", "64010000001110000001", 0},
    {"sip", GB_BODY "<Fir", "gb.manufacturer", "Tiandy", 0},
    /* A Catalog answer's Manufacturer and Model are its channels'. */
    {"sip", GB_CATALOG, "gb.device-id", "34020000001180000001", 0},
    {"sip", GB_CATALOG, "gb.model", NULL, 0},
    {"sip", GB_CATALOG, "gb.manufacturer", NULL, 0},
    {"sip", "<Response><CmdType>DeviceInfo</CmdType><DeviceID>34020000001",
     "gb.device-id", NULL, 0},
    {"sip", "<Response><Manufacturer>Tiandy</Manufacturer></Response>",
     "gb.manufacturer", NULL, 0},
    {"sip",
     "<DeviceID>64010000001110000001</DeviceID>\n<Manufacturer>Tiandy"
     "</Manufacturer>\n",
     "gb.manufacturer", "Tiandy", 0},
    {"sip",
     "<DeviceID>6401000000111</DeviceID>\n<Manufacturer>Tiandy"
     "</Manufacturer>\n",
     "gb.manufacturer", NULL, 0},
    {"sip",
     "REGISTER sip:34020000002000000001@3402000000 SIP/2.0\r\n"
     "From: <sip:34020000001320000001@3402000000>;tag=1\r\n\r\n",
     "gb.device-id", "34020000001320000001", 0},
    {"sip",
     "SIP/2.0 200 OK\r\nFrom: <sip:34020000002000000001@3402000000>;tag=1"
     "\r\n\r\n",
     "gb.device-id", NULL, 0},
    {"sip",
     "REGISTER sip:3402000000@3402000000 SIP/2.0\r\n"
     "From: <sip:3402000000132000000@3402000000>;tag=1\r\n\r\n",
     "gb.device-id", NULL, 0},
    /* An AXIS OS sysDescr: its product type and firmware fields. */
    {"snmp-sysdescr",
     "; AXIS P3265-LVE; Dome Camera; 11.11.73; Oct 12 2024 09:12; 1D7; 1",
     "axis.device-type", "Dome Camera", 0},
    {"snmp-sysdescr",
     "; AXIS P3265-LVE; Dome Camera; 11.11.73; Oct 12 2024 09:12; 1D7; 1",
     "axis.model", "P3265-LVE", 0},
    {"snmp-sysdescr", "; AXIS A1601; Network Door Controller; 1.65.2",
     "axis.firmware", "1.65.2", 0},
    {"snmp-sysdescr", "; AXIS M3045-V; Network Camera", "axis.device-type",
     NULL, 0},
    {"snmp-sysdescr", "Linux axis-accc8e012345 4.9.0 #1 PREEMPT armv7l",
     "axis.model", NULL, 0},
    {"snmp-sysdescr", "AXIS M3045-V; Network Camera; 9.80.1",
     "axis.device-type", NULL, 0},
    /* sysObjectID as tools print it and as its BER encoding: one dotted
       decimal form (RFC 3418; X.690 8.19). */
    {"snmp-sysobjectid", "1.3.6.1.4.1.39165.1.1", "snmp.sysobjectid",
     "1.3.6.1.4.1.39165.1.1", 0},
    {"snmp-sysobjectid", ".1.3.6.1.4.1.368.4\n", "snmp.sysobjectid",
     "1.3.6.1.4.1.368.4", 0},
    {"snmp-sysobjectid", "iso.3.6.1.4.1.37496.1", "snmp.sysobjectid",
     "1.3.6.1.4.1.37496.1", 0},
    {"snmp-sysobjectid", "SNMPv2-SMI::enterprises.39747.2", "snmp.sysobjectid",
     "1.3.6.1.4.1.39747.2", 0},
    {"snmp-sysobjectid", "enterprises.2011.2.23.1", "snmp.sysobjectid",
     "1.3.6.1.4.1.2011.2.23.1", 0},
    {"snmp-sysobjectid",
     "SNMPv2-MIB::sysObjectID.0 = OID: SNMPv2-SMI::enterprises.39165.1.1",
     "snmp.sysobjectid", "1.3.6.1.4.1.39165.1.1", 0},
    {"snmp-sysobjectid", ".1.3.6.1.2.1.1.2.0 = OID: .1.3.6.1.4.1.8072.3.2.10",
     "snmp.sysobjectid", "1.3.6.1.4.1.8072.3.2.10", 0},
    {"snmp-sysobjectid", "\"1.3.6.1.4.1.368\"", "snmp.sysobjectid",
     "1.3.6.1.4.1.368", 0},
    {"snmp-sysobjectid", "\x06\x0a\x2b\x06\x01\x04\x01\x82\xb1\x7d\x01\x01",
     "snmp.sysobjectid", "1.3.6.1.4.1.39165.1.1", 0},
    {"snmp-sysobjectid", "\x06\x81\x08\x2b\x06\x01\x04\x01\x82\xb1\x7d",
     "snmp.sysobjectid", "1.3.6.1.4.1.39165", 0},
    /* 2.999.1: a first subidentifier of 80 or more is arc 2 */
    {"snmp-sysobjectid", "\x06\x03\x88\x37\x01", "snmp.sysobjectid", "2.999.1",
     0},
    {"snmp-sysobjectid", "HIK-DEVICE-MIB::hikCamera", "snmp.sysobjectid", NULL,
     0},
    {"snmp-sysobjectid", "1.3.", "snmp.sysobjectid", NULL, 0},
    {"snmp-sysobjectid", "1", "snmp.sysobjectid", NULL, 0},
    {"snmp-sysobjectid", "1.3.6.1.4.1.4294967296", "snmp.sysobjectid", NULL, 0},
    {"snmp-sysobjectid", "1.3.6.1.4.1. 368", "snmp.sysobjectid", NULL, 0},
    {"snmp-sysobjectid", "\x06\x0a\x2b\x06\x01", "snmp.sysobjectid", NULL, 0},
    {"snmp-sysobjectid", "\x06\x03\x2b\x80\x01", "snmp.sysobjectid", NULL, 0},
    {"snmp-sysobjectid", "\x06\x03\x2b\x06\x81", "snmp.sysobjectid", NULL, 0},
    {"snmp-sysobjectid", "\x06\x07\x2b\x06\x8f\xff\xff\xff\x7f",
     "snmp.sysobjectid", "1.3.6.4294967295", 0},
    {"snmp-sysobjectid", "\x06\x07\x2b\x06\x90\x80\x80\x80\x00",
     "snmp.sysobjectid", NULL, 0},
};

static void
test_decode_vendor2(void **state)
{
	struct cs_ident_dec *d = cs_ident_dec_new();

	(void)state;
	cs_ident_dec_set_mac_lookup(d, fake_oui, NULL);
	for (size_t i = 0; i < CS_NELEM(v2); i++) {
		struct cs_obs_list l;
		const char *got;

		cs_obs_list_init(&l);
		(void)cs_ident_decode(d, v2[i].kind, (const uint8_t *)v2[i].in,
				      v2[i].n ? v2[i].n : strlen(v2[i].in), 0,
				      NULL, &l);
		got = val(&l, v2[i].key);
		if (v2[i].want == NULL && got != NULL)
			fail_msg("case %zu: %s=%s, want none", i, v2[i].key,
				 got);
		if (v2[i].want != NULL &&
		    (got == NULL || strcmp(got, v2[i].want) != 0))
			fail_msg("case %zu: %s=%s, want %s", i, v2[i].key,
				 got ? got : "(none)", v2[i].want);
		cs_obs_list_free(&l);
	}
	cs_ident_dec_free(d);
}

static const char wsd[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
    "<env:Envelope xmlns:env=\"http://www.w3.org/2003/05/soap-envelope\" "
    "xmlns:d=\"http://schemas.xmlsoap.org/ws/2005/04/discovery\" "
    "xmlns:wsa=\"http://schemas.xmlsoap.org/ws/2004/08/addressing\">"
    "<env:Body><d:ProbeMatches><d:ProbeMatch>"
    "<d:Types>dn:NetworkVideoTransmitter</d:Types>"
    "<d:Scopes>onvif://www.onvif.org/hardware/DS-2CD2385G1-I "
    "onvif://www.onvif.org/name/HIKVISION%20DS-2CD2385G1-I</d:Scopes>"
    "<d:XAddrs>http://192.168.1.64/onvif/device_service</d:XAddrs>"
    "</d:ProbeMatch></d:ProbeMatches></env:Body></env:Envelope>";

static const char onvif_info[] =
    "HTTP/1.1 200 OK\r\nServer: App-webs/\r\nContent-Type: "
    "application/soap+xml\r\n\r\n"
    "<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\" "
    "xmlns:tds=\"http://www.onvif.org/ver10/device/wsdl\"><s:Body>"
    "<tds:GetDeviceInformationResponse><tds:Manufacturer>Dahua"
    "</tds:Manufacturer><tds:Model>IPC-HDW1431T1-S4</tds:Model>"
    "<tds:FirmwareVersion>2.800.0000000.13.R</tds:FirmwareVersion>"
    "</tds:GetDeviceInformationResponse></s:Body></s:Envelope>";

static const char sadp[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" ?><ProbeMatch>"
    "<DeviceType>141945</DeviceType>"
    "<DeviceDescription>DS-2CD2385G1-I</DeviceDescription>"
    "<MAC>58-50-ed-00-00-01</MAC>"
    "<SoftwareVersion>V5.6.2build 190701</SoftwareVersion>"
    "<OEMInfo>N/A</OEMInfo></ProbeMatch>";

static const char http_chunked[] =
    "HTTP/1.1 200 OK\r\nServer: uc-httpd 1.0.0\r\nTransfer-Encoding: "
    "chunked\r\n\r\n1c\r\n<title>NETSurveillance WEB</\r\n7\r\ntitle>\n"
    "\r\n0\r\n\r\n";

static void
test_decode(void **state)
{
	struct cs_ident_dec *d = cs_ident_dec_new();
	struct cs_obs_list l;
	uint8_t xm[200], dh[40];
	size_t n;

	(void)state;
	cs_ident_dec_set_mac_lookup(d, fake_oui, NULL);
	cs_obs_list_init(&l);

	assert_int_equal(cs_ident_decode(d, "nope", L("x"), 0, NULL, &l),
			 CS_ENOTFOUND);
	assert_int_equal(l.n, 0);

	assert_int_equal(
	    cs_ident_decode(d, "http", L(http_chunked), 80, NULL, &l), 0);
	assert_string_equal(val(&l, "http.status"), "200");
	assert_string_equal(val(&l, "http.server"), "uc-httpd 1.0.0");
	assert_string_equal(val(&l, "http.title"), "NETSurveillance WEB");
	assert_string_equal(val(&l, "http.header"), "Server: uc-httpd 1.0.0");
	assert_int_equal(cs_obs_find(&l, "http.status", 0)->port, 80);
	cs_obs_list_free(&l);

	/* a head stored without its blank line, and a body alone */
	assert_int_equal(cs_ident_decode(d, "http",
					 L("HTTP/1.0 401 Unauthorized\r\n"
					   "WWW-Authenticate: Basic "
					   "realm=\"hikvision\""),
					 0, NULL, &l),
			 0);
	assert_string_equal(val(&l, "http.realm"), "hikvision");
	cs_obs_list_free(&l);
	assert_int_equal(cs_ident_decode(d, "http",
					 L("<html><title>DVR Components "
					   "Download</title>"),
					 0, NULL, &l),
			 0);
	assert_string_equal(val(&l, "http.title"), "DVR Components Download");
	cs_obs_list_free(&l);
	assert_int_equal(
	    cs_ident_decode(d, "http", L("HTTP/1.1 2"), 0, NULL, &l),
	    CS_EPROTO);
	assert_non_null(val(&l, "http.malformed"));
	assert_true(l.v[0].flags & CS_OBS_MALFORMED);
	cs_obs_list_free(&l);

	assert_int_equal(cs_ident_decode(d, "rtsp",
					 L("RTSP/1.0 200 OK\r\nCSeq: 2\r\n"
					   "Server: Dahua Rtsp Server\r\n\r\n"
					   "v=0\r\ns=Media Presentation\r\n"),
					 554, NULL, &l),
			 0);
	assert_string_equal(val(&l, "rtsp.server"), "Dahua Rtsp Server");
	assert_string_equal(val(&l, "rtsp.sdp.session"), "Media Presentation");
	cs_obs_list_free(&l);
	assert_int_equal(cs_ident_decode(d, "rtsp",
					 L("HTTP/1.1 200 OK\r\n\r\n"), 554,
					 NULL, &l),
			 CS_EPROTO);
	cs_obs_list_free(&l);

	assert_int_equal(cs_ident_decode(d, "sip",
					 L("SIP/2.0 200 OK\r\nUser-Agent: "
					   "Grandstream GXV3672\r\n\r\n"),
					 5060, NULL, &l),
			 0);
	assert_string_equal(val(&l, "sip.server"), "Grandstream GXV3672");
	cs_obs_list_free(&l);

	assert_int_equal(cs_ident_decode(d, "wsd", L(wsd), 3702, NULL, &l), 0);
	assert_non_null(
	    strstr(val(&l, "wsd.scopes"), "hardware/DS-2CD2385G1-I"));
	assert_string_equal(val(&l, "wsd.scopes"), val(&l, "onvif.scopes"));
	assert_string_equal(val(&l, "wsd.types"), "dn:NetworkVideoTransmitter");
	assert_non_null(val(&l, "wsd.xaddrs"));
	cs_obs_list_free(&l);

	assert_int_equal(
	    cs_ident_decode(d, "onvif", L(onvif_info), 80, NULL, &l), 0);
	assert_string_equal(val(&l, "onvif.manufacturer"), "Dahua");
	assert_string_equal(val(&l, "onvif.model"), "IPC-HDW1431T1-S4");
	assert_string_equal(val(&l, "onvif.firmware"), "2.800.0000000.13.R");
	assert_string_equal(val(&l, "http.server"), "App-webs/");
	cs_obs_list_free(&l);

	assert_int_equal(cs_ident_decode(d, "sadp", L(sadp), 37020, NULL, &l),
			 0);
	assert_string_equal(val(&l, "sadp.model"), "DS-2CD2385G1-I");
	assert_string_equal(val(&l, "sadp.firmware"), "V5.6.2build 190701");
	assert_string_equal(val(&l, "sadp.type"), "141945");
	assert_null(val(&l, "sadp.oem")); /* N/A */
	assert_string_equal(val(&l, "mac"), "58:50:ed:00:00:01");
	assert_string_equal(val(&l, "mac.maker"), "Hikvision");
	assert_non_null(val(&l, "mac.registrant"));
	assert_non_null(val(&l, "sadp.raw"));
	cs_obs_list_free(&l);

	n = cs_xm_build(xm, sizeof(xm), 1021, 2, 0,
			"{\"Name\":\"SystemInfo\",\"Ret\":100,\"SystemInfo\":"
			"{\"HardWare\":\"HI3516EV300_85H50AI\"}}");
	assert_true(n > 20);
	assert_int_equal(cs_ident_decode(d, "dvrip", xm, n, 34567, NULL, &l),
			 0);
	assert_non_null(strstr(val(&l, "xm.dvrip"), "HI3516EV300_85H50AI"));
	assert_string_equal(val(&l, "xm.dvrip"), val(&l, "dvrip.raw"));
	cs_obs_list_free(&l);
	memset(dh, 0, sizeof(dh));
	memcpy(dh, "\xb0\x00\x00\x68", 4);
	assert_int_equal(cs_ident_decode(d, "dvrip", dh, 32, 37777, NULL, &l),
			 0);
	assert_string_equal(val(&l, "dahua.dvrip"),
			    "b0000068000000000000000000000000"
			    "00000000000000000000000000000000");
	cs_obs_list_free(&l);
	assert_int_equal(cs_ident_decode(d, "dvrip", L("hello"), 0, NULL, &l),
			 CS_EPROTO);
	cs_obs_list_free(&l);

	assert_int_equal(cs_ident_decode(d, "ssdp",
					 L("NOTIFY * HTTP/1.1\r\nNT: upnp:"
					   "rootdevice\r\nSERVER: Linux/2.6."
					   "28.9-Mozart-8G, UPnP/1.0\r\n"
					   "LOCATION: http://10.0.0.1/d.xml"
					   "\r\n\r\n"),
					 1900, NULL, &l),
			 0);
	assert_string_equal(val(&l, "ssdp.st"), "upnp:rootdevice");
	assert_string_equal(val(&l, "ssdp.location"), "http://10.0.0.1/d.xml");
	cs_obs_list_free(&l);

	assert_int_equal(
	    cs_ident_decode(d, "upnp",
			    L("<root><device><manufacturer>Hikvision"
			      "</manufacturer><modelName>DS-7608NI"
			      "</modelName></device></root>"),
			    0, NULL, &l),
	    0);
	assert_string_equal(val(&l, "upnp.manufacturer"), "Hikvision");
	assert_string_equal(val(&l, "upnp.model"), "DS-7608NI");
	cs_obs_list_free(&l);

	assert_int_equal(cs_ident_decode(d, "banner", L("192.0.0.64 login: "),
					 23, "telnet", &l),
			 0);
	assert_string_equal(val(&l, "banner"), "192.0.0.64 login: ");
	assert_string_equal(val(&l, "banner.service"), "telnet");
	assert_int_equal(l.v[0].port, 23);
	cs_obs_list_free(&l);

	assert_int_equal(
	    cs_ident_decode(d, "snmp-sysdescr", L("Linux x"), 161, NULL, &l),
	    0);
	assert_string_equal(val(&l, "snmp.sysdescr"), "Linux x");
	cs_obs_list_free(&l);
	assert_int_equal(cs_ident_decode(d, "dhcp-vendor-class",
					 L("AXIS,Network Camera,P3343,5.20.3"),
					 0, NULL, &l),
			 0);
	assert_non_null(val(&l, "dhcp.vendor"));
	cs_obs_list_free(&l);

	assert_int_equal(
	    cs_ident_decode(d, "mac", L("00-40-8C-01-02-03"), 0, NULL, &l), 0);
	assert_string_equal(val(&l, "mac"), "00:40:8c:01:02:03");
	assert_null(val(&l, "mac.maker"));
	cs_obs_list_free(&l);
	assert_int_equal(cs_ident_decode(d, "mac", L("not a mac"), 0, NULL, &l),
			 CS_EPROTO);
	assert_non_null(val(&l, "mac.malformed"));
	cs_obs_list_free(&l);

	assert_int_equal(cs_ident_decode(d, "http.www-authenticate",
					 L("Digest realm=\"IP Camera(C2189)\", "
					   "nonce=\"1\""),
					 80, NULL, &l),
			 0);
	assert_string_equal(val(&l, "http.realm"), "IP Camera(C2189)");
	cs_obs_list_free(&l);
	assert_int_equal(cs_ident_decode(d, "tls.subject",
					 L("/C=CN/ST=ZheJiang/L=HangZhou/"
					   "O=HIKVISION/OU=DVRNVR/"
					   "CN=www.hikvision.com"),
					 443, NULL, &l),
			 0);
	assert_string_equal(val(&l, "tls.subject"),
			    "CN=www.hikvision.com,OU=DVRNVR,O=HIKVISION,"
			    "L=HangZhou,ST=ZheJiang,C=CN");
	cs_obs_list_free(&l);
	assert_int_equal(cs_ident_decode(d, "tls.issuer",
					 L("C = CN, O = HIKVISION, CN = x"),
					 443, NULL, &l),
			 0);
	assert_string_equal(val(&l, "tls.issuer"), "C=CN,O=HIKVISION,CN=x");
	cs_obs_list_free(&l);
	assert_int_equal(cs_ident_decode(d, "http.favicon-md5",
					 L("89b932fcc47cf4ca3faadb0cfdef89cf"),
					 80, NULL, &l),
			 0);
	assert_non_null(val(&l, "http.favicon-md5"));
	cs_obs_list_free(&l);

	/* every kind survives empty and one-byte input */
	{
		static const char *const kinds[] = {
		    "http",
		    "rtsp",
		    "sip",
		    "wsd",
		    "onvif",
		    "sadp",
		    "dhip",
		    "dvrip",
		    "ssdp",
		    "upnp",
		    "mdns",
		    "tls-cert",
		    "banner",
		    "snmp-sysdescr",
		    "dhcp-vendor-class",
		    "mac",
		    "http.server",
		    "http.www-authenticate",
		    "http.title",
		    "http.favicon-md5",
		    "rtsp.server",
		    "tls.subject",
		    "tls.issuer",
		};

		for (size_t i = 0; i < CS_NELEM(kinds); i++) {
			assert_true(cs_ident_kind_known(kinds[i]));
			(void)cs_ident_decode(d, kinds[i], NULL, 0, 0, NULL,
					      &l);
			(void)cs_ident_decode(d, kinds[i], L("\0"), 0, NULL,
					      &l);
			(void)cs_ident_decode(d, kinds[i], L("<"), 0, NULL, &l);
			cs_obs_list_free(&l);
		}
	}
	cs_ident_dec_free(d);
}

/* ---- output and the run loop ---- */

static const char rules[] =
    "rule t-hik\n  on http.server\n  match ^App-webs\n"
    "  set manufacturer=Hikvision class=camera\n  weight 0.8\n"
    "  source test\n  example \"App-webs/\"\n  example! \"Apache\"\n"
    "rule t-model\n  on sadp.model\n  match ^([A-Z0-9-]{3,40})$\n"
    "  set model=$1 manufacturer=Hikvision\n  weight 0.9\n  source test\n"
    "  example \"DS-2CD2385G1-I\"\n  example! \"x\"\n"
    "rule t-banner\n  on banner\n  match (evil.*)\n  set model=$1\n"
    "  weight 0.9\n  source test\n  example \"evil\"\n  example! \"good\"\n";

static char *
run(const char *input, struct cs_ident_opts *o, char **errout,
    struct cs_ident_stats *st)
{
	char err[256];
	struct cs_fpdb *db =
	    cs_fpdb_load_mem("t.fp", L(rules), err, sizeof(err));
	char *obuf = NULL, *ebuf = NULL;
	size_t olen = 0, elen = 0;
	FILE *in, *out, *ef;

	if (db == NULL)
		fail_msg("%s", err);
	in = fmemopen((void *)(uintptr_t)input, strlen(input), "r");
	out = open_memstream(&obuf, &olen);
	ef = open_memstream(&ebuf, &elen);
	assert_non_null(in);
	assert_int_equal(cs_ident_run(db, in, out, ef, o, st), 0);
	fclose(in);
	fclose(out);
	fclose(ef);
	cs_fpdb_free(db);
	if (errout)
		*errout = ebuf;
	else
		free(ebuf);
	return obuf;
}

static void
test_run(void **state)
{
	struct cs_ident_stats st;
	struct cs_ident_opts o;
	char *out, *err;

	(void)state;
	/* ungrouped, in input order; errors with and without an id */
	out = run(
	    "{\"id\":\"a\",\"kind\":\"http.server\",\"data\":\"App-webs/\"}\n"
	    "\n"
	    "{\"id\":2,\"kind\":\"bogus\",\"data\":\"x\"}\n"
	    "not json\r\n"
	    "{\"id\":3,\"kind\":\"banner\"}\n"
	    "{\"id\":4,\"kind\":\"banner\",\"data\":\"evil\\u001b[31m\\\"<x>"
	    "\\u0000\"}\n"
	    "{\"id\":5,\"kind\":\"sadp\",\"data\":\"<oops\"}",
	    NULL, &err, &st);
	assert_int_equal(st.lines, 6);
	assert_int_equal(st.errors, 3);
	assert_int_equal(st.malformed, 1);
	assert_int_equal(st.identities, 3);
	assert_non_null(strstr(out,
			       "{\"id\":\"a\",\"manufacturer\":\"Hikvision\","
			       "\"manufacturer_country\":null,"));
	assert_non_null(strstr(out, "{\"id\":2,\"line\":3,\"error\":"
				    "\"unknown kind \\\"bogus\\\"\"}"));
	assert_non_null(strstr(out, "{\"id\":3,\"line\":5,\"error\":"
				    "\"missing \\\"data\\\" or "
				    "\\\"data_hex\\\"\"}"));
	/* hostile bytes are escaped, never raw */
	assert_non_null(strstr(out, "\"model\":\"evil\\u001b[31m\\\"<x>\""));
	assert_null(strchr(out, '\x1b'));
	assert_non_null(strstr(out, "{\"id\":5,\"manufacturer\":null"));
	assert_non_null(strstr(err, "identify: line 4: not a JSON object"));
	assert_non_null(strstr(err, "identify: line 3: unknown kind"));
	free(out);
	free(err);

	/* grouped by device, flushed at EOF in order of first appearance */
	out = run("{\"device\":\"d1\",\"kind\":\"http.server\",\"data\":\"App-"
		  "webs/\"}\n"
		  "{\"device\":\"d2\",\"kind\":\"banner\",\"data\":\"evil2\"}\n"
		  "{\"id\":\"solo\",\"kind\":\"banner\",\"data\":\"x\"}\n"
		  "{\"device\":\"d1\",\"kind\":\"sadp\",\"data\":\"<ProbeMatch>"
		  "<DeviceDescription>DS-2CD2385G1-I</DeviceDescription>"
		  "</ProbeMatch>\"}\n",
		  NULL, NULL, &st);
	assert_int_equal(st.identities, 3);
	{
		const char *solo = strstr(out, "\"id\":\"solo\"");
		const char *d1 =
		    strstr(out, "{\"device\":\"d1\",\"manufacturer\":"
				"\"Hikvision\"");
		const char *d2 = strstr(out, "{\"device\":\"d2\"");

		assert_non_null(solo);
		assert_non_null(d1);
		assert_non_null(d2);
		assert_true(solo < d1 && d1 < d2);
		assert_non_null(strstr(d1, "\"model\":\"DS-2CD2385G1-I\""));
		assert_non_null(strstr(d1, "\"observations\":3"));
	}
	free(out);

	/* a table of two open devices: the oldest is flushed for a third */
	memset(&o, 0, sizeof(o));
	o.open_max = 2;
	out = run("{\"device\":1,\"kind\":\"banner\",\"data\":\"a\"}\n"
		  "{\"device\":2,\"kind\":\"banner\",\"data\":\"b\"}\n"
		  "{\"device\":3,\"kind\":\"banner\",\"data\":\"c\"}\n"
		  "{\"device\":1,\"kind\":\"banner\",\"data\":\"d\"}\n",
		  &o, NULL, &st);
	assert_int_equal(st.identities, 4);
	assert_int_equal(st.early_flush, 2);
	assert_true(strncmp(out, "{\"device\":1,", 12) == 0);
	free(out);

	/* an over-long line is an error; reading goes on */
	memset(&o, 0, sizeof(o));
	o.line_max = 64;
	out = run(
	    "{\"id\":1,\"kind\":\"banner\",\"data\":\"aaaaaaaaaaaaaaaaaaaaaaaaa"
	    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\"}\n"
	    "{\"id\":2,\"kind\":\"banner\",\"data\":\"b\"}\n",
	    &o, &err, &st);
	assert_int_equal(st.errors, 1);
	assert_int_equal(st.identities, 1);
	assert_non_null(strstr(err, "line 1: line longer than 64 bytes"));
	assert_non_null(strstr(out, "{\"id\":2,"));
	free(out);
	free(err);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_line),
	    cmocka_unit_test(test_line_fused),
	    cmocka_unit_test(test_mac),
	    cmocka_unit_test(test_mac_prefix),
	    cmocka_unit_test(test_decode),
	    cmocka_unit_test(test_decode_vendor2),
	    cmocka_unit_test(test_run),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
