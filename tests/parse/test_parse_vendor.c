/* SPDX-License-Identifier: ISC */
/* Tests of the binary vendor framings. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "parse/parse_vendor.h"
#include "core/poison.h"

#define L(s) (const uint8_t *)(s), sizeof(s) - 1

/* ---- Hikvision port 8000 --------------------------------------------- */

struct hik_case {
	const char *name;
	const uint8_t *p;
	size_t n;
	int rc;
	uint32_t c1, c2;
};

static const struct hik_case hik_cases[] = {
    {"null probe reply", L("\0\0\0\x10\0\0\0\x1e\0\0\0\x1e\0\0\0\0"), 0, 0x1e,
     0x1e},
    {"smb probe reply", L("\0\0\0\x10\0\0\0\r\0\0\0\r\0\0\0\0"), 0, 0x0d, 0x0d},
    {"trailing bytes ignored", L("\0\0\0\x10\0\0\0\x1e\0\0\0\x1e\0\0\0\0XYZ"),
     0, 0x1e, 0x1e},
    {"empty", (const uint8_t *)"", 0, CS_ETRUNC, 0, 0},
    {"one byte", L("\0"), CS_ETRUNC, 0, 0},
    {"fifteen bytes", L("\0\0\0\x10\0\0\0\x1e\0\0\0\x1e\0\0\0"), CS_ETRUNC, 0,
     0},
    {"wrong length word", L("\0\0\0\x11\0\0\0\x1e\0\0\0\x1e\0\0\0\0"),
     CS_EPROTO, 0, 0},
    {"zero length word", L("\0\0\0\0\0\0\0\x1e\0\0\0\x1e\0\0\0\0"), CS_EPROTO,
     0, 0},
    {"http banner", L("HTTP/1.1 400 Bad Request\r\n"), CS_EPROTO, 0, 0},
    {"one wrong byte", L("H"), CS_EPROTO, 0, 0},
};

static void
test_hik(void **state)
{
	(void)state;
	for (size_t i = 0; i < CS_NELEM(hik_cases); i++) {
		const struct hik_case *c = &hik_cases[i];
		struct cs_hik_sdk h;

		print_message("# %s\n", c->name);
		assert_int_equal(cs_hik_sdk_parse(c->p, c->n, &h), c->rc);
		if (c->rc != 0)
			continue;
		assert_int_equal(h.length, 16);
		assert_int_equal(h.code1, c->c1);
		assert_int_equal(h.code2, c->c2);
		assert_int_equal(h.code3, 0);
	}
}

/* ---- Dahua DVRIP ------------------------------------------------------- */

static void
test_dvrip(void **state)
{
	uint8_t req[32], msg[32 + 16 + 1];
	struct cs_dh_dvrip d;

	(void)state;
	assert_int_equal(cs_dh_dvrip_realm_request(req), 32);
	assert_memory_equal(req, "\xa0\x01\x00\x60", 4);
	for (int i = 4; i < 32; i++)
		assert_int_equal(req[i], 0);
	/* A request parses too, and is not a reply. */
	assert_int_equal(cs_dh_dvrip_parse(req, 32, &d), 0);
	assert_false(d.is_reply);
	assert_true(d.complete);
	assert_int_equal(d.payload.n, 0);

	/* A reply carrying 16 payload bytes. */
	memset(msg, 0, sizeof(msg));
	memcpy(msg, "\xb0\x00\x00\x68\x10\x00\x00\x00", 8);
	memcpy(msg + 32, "Realm:Login to x", 16);
	assert_int_equal(cs_dh_dvrip_parse(msg, 48, &d), 0);
	assert_true(d.is_reply);
	assert_memory_equal(d.type, "\xb0\x00\x00\x68", 4);
	assert_int_equal(d.len, 16);
	assert_true(d.complete);
	assert_int_equal(d.payload.n, 16);
	assert_ptr_equal(d.payload.p, msg + 32);
	assert_int_equal(d.header.n, 32);
	/* A byte more is ignored. */
	assert_int_equal(cs_dh_dvrip_parse(msg, 49, &d), 0);
	assert_int_equal(d.payload.n, 16);
	/* Length field larger than the bytes present. */
	assert_int_equal(cs_dh_dvrip_parse(msg, 47, &d), 0);
	assert_true(d.is_reply);
	assert_false(d.complete);
	assert_int_equal(d.payload.n, 0);
	/* Length beyond the cap: header only. */
	memcpy(msg + 4, "\x01\x40\x00\x00", 4); /* 0x4001 */
	assert_int_equal(cs_dh_dvrip_parse(msg, 48, &d), 0);
	assert_int_equal(d.len, CS_DH_DVRIP_MAX + 1);
	assert_false(d.complete);
	memcpy(msg + 4, "\xff\xff\xff\xff", 4);
	assert_int_equal(cs_dh_dvrip_parse(msg, 48, &d), 0);
	assert_false(d.complete);
	/* Short and wrong inputs. */
	assert_int_equal(cs_dh_dvrip_parse(msg, 0, &d), CS_ETRUNC);
	assert_int_equal(cs_dh_dvrip_parse(msg, 1, &d), CS_ETRUNC);
	assert_int_equal(cs_dh_dvrip_parse(msg, 31, &d), CS_ETRUNC);
	assert_int_equal(cs_dh_dvrip_parse(L("HTTP/1.1 400 Bad Request\r\n\r\n"
					     "xxxxxxxx"),
					   &d),
			 CS_EPROTO);
}

static void
test_dvrip_cap(void **state)
{
	uint8_t *b = calloc(1, 32 + CS_DH_DVRIP_MAX);
	struct cs_dh_dvrip d;

	(void)state;
	assert_non_null(b);
	b[0] = 0xb0;
	b[5] = 0x40; /* 0x4000 = the cap exactly */
	assert_int_equal(cs_dh_dvrip_parse(b, 32 + CS_DH_DVRIP_MAX, &d), 0);
	assert_true(d.complete);
	assert_int_equal(d.payload.n, CS_DH_DVRIP_MAX);
	free(b);
}

/* ---- Xiongmai ------------------------------------------------------- */

static void
test_xm(void **state)
{
	static const char login_reply[] =
	    "{ \"AliveInterval\" : 30, \"ChannelNum\" : 4, \"DeviceType \" : "
	    "\"DVR\", \"ExtraChannel\" : 0, \"Ret\" : 100, \"SessionID\" : "
	    "\"0x0000000B\" }";
	uint8_t buf[512];
	struct cs_xm_msg m;
	size_t n;

	(void)state;
	n = cs_xm_build(buf, sizeof(buf), 1001, 0x0b, 7, login_reply);
	assert_int_equal(n, 20 + sizeof(login_reply) - 1 + 2);
	assert_int_equal(buf[0], 0xff);
	assert_memory_equal(buf + 14, "\xe9\x03", 2); /* 1001 LE */
	assert_int_equal(cs_xm_parse(buf, n, &m), 0);
	assert_int_equal(m.head, 0xff);
	assert_int_equal(m.session, 0x0b);
	assert_int_equal(m.seq, 7);
	assert_int_equal(m.msgid, 1001);
	assert_int_equal(m.len, sizeof(login_reply) - 1 + 2);
	assert_int_equal(m.payload.n, sizeof(login_reply) - 1);
	assert_memory_equal(m.payload.p, login_reply, m.payload.n);
	/* Length field larger than the bytes present. */
	assert_int_equal(cs_xm_parse(buf, n - 1, &m), CS_ETRUNC);
	assert_int_equal(cs_xm_parse(buf, 19, &m), CS_ETRUNC);
	assert_int_equal(cs_xm_parse(buf, 1, &m), CS_ETRUNC);
	assert_int_equal(cs_xm_parse(buf, 0, &m), CS_ETRUNC);
	/* Zero length, and a header built with no payload. */
	n = cs_xm_build(buf, sizeof(buf), 1000, 0, 0, NULL);
	assert_int_equal(n, 22);
	assert_int_equal(cs_xm_parse(buf, n, &m), 0);
	assert_int_equal(m.payload.n, 0);
	buf[16] = 0;
	assert_int_equal(cs_xm_parse(buf, 20, &m), 0);
	assert_int_equal(m.len, 0);
	/* Over the cap. */
	memcpy(buf + 16, "\x01\x00\x01\x00", 4); /* 65537 */
	assert_int_equal(cs_xm_parse(buf, 20, &m), CS_ELIMIT);
	/* Wrong head. */
	assert_int_equal(cs_xm_parse(L("\xfe"), &m), CS_EPROTO);
	/* Builder refuses a buffer that is too small. */
	assert_int_equal(cs_xm_build(buf, 21, 1000, 0, 0, NULL), 0);
	assert_int_equal(cs_xm_build(buf, 22, 1000, 0, 0, NULL), 22);
	assert_int_equal(cs_xm_build(buf, 10, 1000, 0, 0, NULL), 0);
}

static void
test_xm_cap(void **state)
{
	size_t cap = 20 + CS_XM_MAX + 1;
	uint8_t *b = malloc(cap);
	char *json = malloc(CS_XM_MAX);
	struct cs_xm_msg m;

	(void)state;
	assert_non_null(b);
	assert_non_null(json);
	/* JSON plus "\n\0" one byte over the cap, then exactly at it. */
	memset(json, 'x', CS_XM_MAX - 1);
	json[CS_XM_MAX - 1] = '\0';
	assert_int_equal(cs_xm_build(b, cap, 1, 2, 3, json), 0);
	json[CS_XM_MAX - 2] = '\0';
	assert_int_equal(cs_xm_build(b, cap, 1, 2, 3, json), 20 + CS_XM_MAX);
	assert_int_equal(cs_xm_parse(b, 20 + CS_XM_MAX, &m), 0);
	assert_int_equal(m.payload.n, CS_XM_MAX - 2);
	free(json);
	free(b);
}

/* ---- DHIP ----------------------------------------------------------- */

static void
test_dhip(void **state)
{
	static const char search[] =
	    "{\"method\":\"DHDiscover.search\",\"params\":{\"mac\":\"\","
	    "\"uni\":1}}\n";
	uint8_t buf[256];
	struct cs_dhip d;
	size_t n;

	(void)state;
	n = cs_dhip_build(buf, sizeof(buf), 0, 1, search);
	assert_int_equal(n, 32 + sizeof(search) - 1);
	assert_memory_equal(buf, "\x20\0\0\0DHIP", 8);
	assert_int_equal(cs_dhip_parse(buf, n, &d), 0);
	assert_int_equal(d.session, 0);
	assert_int_equal(d.id, 1);
	assert_int_equal(d.len, sizeof(search) - 1);
	assert_int_equal(d.len2, d.len);
	assert_memory_equal(d.body.p, search, d.body.n);
	/* Length larger than bytes present, short header, bad magic. */
	assert_int_equal(cs_dhip_parse(buf, n - 1, &d), CS_ETRUNC);
	assert_int_equal(cs_dhip_parse(buf, 31, &d), CS_ETRUNC);
	assert_int_equal(cs_dhip_parse(buf, 1, &d), CS_ETRUNC);
	assert_int_equal(cs_dhip_parse(buf, 0, &d), CS_ETRUNC);
	assert_int_equal(cs_dhip_parse(L("\x20\0\0\0DHIX"), &d), CS_EPROTO);
	assert_int_equal(cs_dhip_parse(L("{"), &d), CS_EPROTO);
	/* Zero length body. */
	n = cs_dhip_build(buf, sizeof(buf), 5, 6, "");
	assert_int_equal(n, 32);
	assert_int_equal(cs_dhip_parse(buf, n, &d), 0);
	assert_int_equal(d.body.n, 0);
	/* Over the cap. */
	memcpy(buf + 16, "\x01\x00\x01\x00", 4);
	assert_int_equal(cs_dhip_parse(buf, 32, &d), CS_ELIMIT);
	/* Builder limits. */
	assert_int_equal(cs_dhip_build(buf, 31, 0, 0, NULL), 0);
	assert_int_equal(cs_dhip_build(buf, 32, 0, 0, NULL), 32);
	assert_int_equal(cs_dhip_build(buf, 33, 0, 0, "ab"), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_hik),       cmocka_unit_test(test_dvrip),
	    cmocka_unit_test(test_dvrip_cap), cmocka_unit_test(test_xm),
	    cmocka_unit_test(test_xm_cap),    cmocka_unit_test(test_dhip),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
