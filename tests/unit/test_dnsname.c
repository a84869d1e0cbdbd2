/* SPDX-License-Identifier: ISC */
/* Table-driven tests of core/dnsname.c: names, pointers and limits. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "core/dnsname.h"

static void
test_names(void **state)
{
	/* "\x03www\x07example\x00" at 0, then a pointer to 4 ("example"). */
	static const uint8_t msg[] = "\x03www\x07"
				     "example\x00"
				     "\x02"
				     "a1\xc0\x04" /* 13: a1.example */
				     "\xc0\x0d"   /* 18: -> 13 */
				     "\xc0\x14"   /* 20: self */
				     "\xc0\x30"   /* 22: forwards */
				     "\x40x\x00"  /* 24: label type */
				     "\x05"
				     "ab"; /* 27: truncated */
	static const struct {
		size_t off;
		int rc;
		size_t end;       /* *off after */
		const char *wire; /* expected wire form */
		size_t wlen;
	} t[] = {
	    {0, 0, 13,
	     "\x03www\x07"
	     "example\x00",
	     13},
	    {4, 0, 13,
	     "\x07"
	     "example\x00",
	     9},
	    {12, 0, 13, "\x00", 1},
	    {13, 0, 18,
	     "\x02"
	     "a1\x07"
	     "example\x00",
	     12},
	    {18, 0, 20,
	     "\x02"
	     "a1\x07"
	     "example\x00",
	     12},
	    {20, CS_EPROTO, 20, NULL, 0},
	    {22, CS_EPROTO, 22, NULL, 0},
	    {24, CS_EPROTO, 24, NULL, 0},
	    {27, CS_ETRUNC, 27, NULL, 0},
	    {30, CS_ETRUNC, 30, NULL, 0},
	};
	uint8_t wire[CS_DNS_NAME_MAX];

	(void)state;
	for (size_t i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		size_t off = t[i].off;
		int rc = cs_dns_name_read(msg, sizeof(msg) - 1, &off, 4, wire);

		if (rc != t[i].rc || off != t[i].end)
			fail_msg("offset %zu: rc %d off %zu", t[i].off, rc,
				 off);
		if (rc == 0 && memcmp(wire, t[i].wire, t[i].wlen) != 0)
			fail_msg("offset %zu: wrong wire form", t[i].off);
	}
}

/* Pointer chains past hops_max, and the 255-octet limit. */
static void
test_limits(void **state)
{
	uint8_t msg[600], wire[CS_DNS_NAME_MAX];
	size_t off, n = 0;

	(void)state;
	msg[n++] = 0;                 /* the root at 0 */
	for (int i = 0; i < 5; i++) { /* each points at the one before */
		size_t prev = n >= 3 ? n - 2 : 0;

		msg[n++] = 0xc0;
		msg[n++] = (uint8_t)prev;
	}
	off = n - 2; /* five pointers to the root */
	assert_int_equal(cs_dns_name_read(msg, n, &off, 5, wire), 0);
	off = n - 2;
	assert_int_equal(cs_dns_name_read(msg, n, &off, 4, wire), CS_EPROTO);
	/* 4 labels of 63: 257 octets with the root, too many. */
	n = 0;
	for (int i = 0; i < 4; i++) {
		msg[n++] = 63;
		memset(msg + n, 'a', 63);
		n += 63;
	}
	msg[n++] = 0;
	off = 0;
	assert_int_equal(cs_dns_name_read(msg, n, &off, 4, wire), CS_EPROTO);
	/* 3 of 63 and one of 62: 256, one too many. */
	msg[3 * 64] = 62;
	msg[3 * 64 + 1 + 62] = 0;
	off = 0;
	assert_int_equal(cs_dns_name_read(msg, 256, &off, 4, wire), CS_EPROTO);
	/* 3 of 63 and one of 61: exactly 255. */
	msg[3 * 64] = 61;
	msg[3 * 64 + 1 + 61] = 0; /* the root, at 254 */
	off = 0;
	assert_int_equal(cs_dns_name_read(msg, 255, &off, 4, wire), 0);
	assert_int_equal(off, 255);
	assert_int_equal(wire[254], 0);
	assert_int_equal(wire[192], 61);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_names),
	    cmocka_unit_test(test_limits),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
