/* SPDX-License-Identifier: ISC */
/* Table-driven tests of core/addr.c: IPv4, CIDR (both families), MAC and
 * port lists. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <arpa/inet.h>

#include <cmocka.h>

#include "core/addr.h"

static struct cs_span
S(const char *s) {
	return cs_span_make(s, strlen(s));
}

static void
test_ipv4(void **state)
{
	static const struct {
		const char *in;
		unsigned flags;
		int rc;
		uint32_t want;
	} t[] = {
	    {"0.0.0.0", 0, 0, 0},
	    {"127.0.0.1", 0, 0, 0x7f000001},
	    {"255.255.255.255", 0, 0, 0xffffffff},
	    {"198.18.0.10", 0, 0, 0xc612000a},
	    {"010.1.1.001", 0, 0, 0x0a010101}, /* decimal, not octal */
	    {"010.1.1.1", CS_IPV4_NO_LEADING_ZERO, CS_EINVAL, 0},
	    {"10.0.0.0", CS_IPV4_NO_LEADING_ZERO, 0, 0x0a000000},
	    {"256.0.0.1", 0, CS_EINVAL, 0},
	    {"1.2.3", 0, CS_EINVAL, 0},
	    {"1.2.3.4.5", 0, CS_EINVAL, 0},
	    {"1.2.3.", 0, CS_EINVAL, 0},
	    {".1.2.3", 0, CS_EINVAL, 0},
	    {"1..2.3", 0, CS_EINVAL, 0},
	    {"1.2.3.0004", 0, CS_EINVAL, 0},
	    {"1.2.3.4 ", 0, CS_EINVAL, 0},
	    {" 1.2.3.4", 0, CS_EINVAL, 0},
	    {"+1.2.3.4", 0, CS_EINVAL, 0},
	    {"1.2.3.-4", 0, CS_EINVAL, 0},
	    {"0x7f.0.0.1", 0, CS_EINVAL, 0},
	    {"", 0, CS_EINVAL, 0},
	    {"1.2.3.4/8", 0, CS_EINVAL, 0},
	};
	uint32_t v;

	(void)state;
	for (size_t i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		v = 0xdeadbeef;
		if (cs_ipv4_parse(S(t[i].in), t[i].flags, &v) != t[i].rc)
			fail_msg("%s: want rc %d", t[i].in, t[i].rc);
		if (t[i].rc == 0 && v != t[i].want)
			fail_msg("%s: got %08x", t[i].in, v);
	}
	/* Only the span's bytes are read. */
	assert_int_equal(cs_ipv4_parse(cs_span_make("1.2.3.45", 7), 0, &v), 0);
	assert_int_equal(v, 0x01020304);
}

/*
 * With CS_IPV4_NO_LEADING_ZERO the parser accepts exactly what
 * inet_pton(AF_INET) accepts, with the same value: the store
 * canonicalises addresses with it (store.c ip_parse).  Every string over
 * a small alphabet up to 8 bytes long with three dots, and hand-picked
 * cases.
 */
static void
test_ipv4_as_inet_pton(void **state)
{
	static const char *const cases[] = {
	    "0.0.0.0",   "255.255.255.255", "1.2.3.4",    "01.2.3.4",
	    "1.2.3.04",  "1.2.3.256",       "1.2.3",      "1.2.3.4.5",
	    "1..2.3",    " 1.2.3.4",        "1.2.3.4 ",   "1.2.3.4\n",
	    "0x1.2.3.4", "1.2.3.-4",        "+1.2.3.4",   "1234.2.3.4",
	    "00.0.0.0",  "192.168.001.1",   "10.0.0.0/8", "",
	    "::1",       "1.2.3.4a",        "999.1.1.1",  "127.1",
	};
	static const char alpha[] = "0125.9a";
	char buf[16];
	unsigned long tried = 0;

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		uint32_t mine = 0;
		unsigned char a[4];
		int p = inet_pton(AF_INET, cases[i], a) == 1;
		int m = cs_ipv4_parse(cs_span_make(cases[i], strlen(cases[i])),
				      CS_IPV4_NO_LEADING_ZERO, &mine) == 0;
		if (p != m)
			fail_msg("'%s': inet_pton %d, cs_ipv4_parse %d",
				 cases[i], p, m);
		if (p)
			assert_int_equal(mine, ((uint32_t)a[0] << 24) |
						   ((uint32_t)a[1] << 16) |
						   ((uint32_t)a[2] << 8) |
						   a[3]);
	}
	/* Exhaustive over alpha^len for len 7 and 8 (three dots needed). */
	for (size_t len = 7; len <= 8; len++) {
		size_t total = 1, k = sizeof(alpha) - 1;
		for (size_t i = 0; i < len; i++)
			total *= k;
		for (size_t v = 0; v < total; v++) {
			size_t x = v, dots = 0;
			uint32_t mine = 0;
			unsigned char a[4];
			int p, m;

			for (size_t i = 0; i < len; i++, x /= k) {
				buf[i] = alpha[x % k];
				dots += buf[i] == '.';
			}
			buf[len] = '\0';
			if (dots != 3)
				continue;
			tried++;
			p = inet_pton(AF_INET, buf, a) == 1;
			m = cs_ipv4_parse(cs_span_make(buf, len),
					  CS_IPV4_NO_LEADING_ZERO, &mine) == 0;
			if (p != m)
				fail_msg("'%s': inet_pton %d, cs_ipv4_parse %d",
					 buf, p, m);
			if (p)
				assert_int_equal(
				    mine, ((uint32_t)a[0] << 24) |
					      ((uint32_t)a[1] << 16) |
					      ((uint32_t)a[2] << 8) | a[3]);
		}
	}
	assert_true(tried > 100000);
}

/* cs_ip_family: which family an address literal is, and its bytes. */
static void
test_ip_family(void **state)
{
	static const struct {
		const char *in;
		int fam;
		uint8_t first, last; /* first and last byte when fam != 0 */
	} t[] = {
	    {"192.0.2.1", 4, 192, 1},
	    {"0.0.0.0", 4, 0, 0},
	    {"255.255.255.255", 4, 255, 255},
	    {"192.0.2.01", 0, 0, 0}, /* a leading zero */
	    {"192.0.2", 0, 0, 0},
	    {"192.0.2.256", 0, 0, 0},
	    {" 192.0.2.1", 0, 0, 0},
	    {"192.0.2.1 ", 0, 0, 0},
	    {"2001:db8::1", 6, 0x20, 1},
	    {"::", 6, 0, 0},
	    {"::ffff:192.0.2.1", 6, 0, 1},
	    {"fe80::1%eth0", 0, 0, 0}, /* a zone is not part of a literal */
	    {"2001:db8::g", 0, 0, 0},
	    {"[2001:db8::1]", 0, 0, 0},
	    {"", 0, 0, 0},
	    {"camera.example", 0, 0, 0},
	};
	uint8_t b[16];

	(void)state;
	for (size_t i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		int fam = cs_ip_family(t[i].in, b);

		if (fam != t[i].fam)
			fail_msg("'%s': family %d", t[i].in, fam);
		if (fam != 0 &&
		    (b[0] != t[i].first || b[fam == 4 ? 3 : 15] != t[i].last))
			fail_msg("'%s': bytes %u..%u", t[i].in, b[0],
				 b[fam == 4 ? 3 : 15]);
		if (cs_ip_family(t[i].in, NULL) != fam)
			fail_msg("'%s': out NULL", t[i].in);
	}
	assert_int_equal(cs_ip_family(NULL, b), 0);
}

static void
test_cidr4(void **state)
{
	static const struct {
		const char *in;
		unsigned flags;
		int rc;
		uint32_t net;
		unsigned plen;
	} t[] = {
	    {"10.0.0.0/8", 0, 0, 0x0a000000, 8},
	    {"10.1.2.3/8", 0, 0, 0x0a000000, 8}, /* host bits cleared */
	    {"10.1.2.3/8", CS_CIDR_EXACT, CS_EINVAL, 0, 0},
	    {"0.0.0.0/0", 0, 0, 0, 0},
	    {"1.2.3.4/32", 0, 0, 0x01020304, 32},
	    /* the prefix (CS_ELIMIT, checked before the address) */
	    {"1.2.3.4/33", 0, CS_ELIMIT, 0, 0},
	    {"1.2.3.4/", 0, CS_ELIMIT, 0, 0},
	    {"1.2.3.4/x", 0, CS_ELIMIT, 0, 0},
	    {"1.2.3.4/-1", 0, CS_ELIMIT, 0, 0},
	    {"1.2.3.4/ 8", 0, CS_ELIMIT, 0, 0},
	    {"1.2.3.4/8 ", 0, CS_ELIMIT, 0, 0},
	    {"1.2.3.4/8x", 0, CS_ELIMIT, 0, 0},
	    {"1.2.3.4/8/8", 0, CS_ELIMIT, 0, 0},
	    {"1.2.3/33", 0, CS_ELIMIT, 0, 0},
	    {"1.2.3.4", 0, CS_EINVAL, 0, 0},
	    {"1.2.3.4", CS_CIDR_BARE, 0, 0x01020304, 32},
	    {"01.2.3.4/8", CS_IPV4_NO_LEADING_ZERO, CS_EINVAL, 0, 0},
	    {"192.168.1.0/24", CS_CIDR_EXACT, 0, 0xc0a80100, 24},
	    {"/24", 0, CS_EINVAL, 0, 0},
	    {"10.0.0.0/08", 0, 0, 0x0a000000, 8},
	    {"10.0.0.0/008", 0, CS_ELIMIT, 0, 0}, /* 1 or 2 digits */
	    {"10.0.0.0/+8", 0, CS_ELIMIT, 0, 0},
	    {"1.2.3/8", 0, CS_EINVAL, 0, 0},
	    {" 1.2.3.4/8", 0, CS_EINVAL, 0, 0},
	};

	(void)state;
	for (size_t i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		uint32_t net = 7;
		unsigned plen = 99;

		if (cs_cidr4_parse(S(t[i].in), t[i].flags, &net, &plen) !=
		    t[i].rc)
			fail_msg("%s: want rc %d", t[i].in, t[i].rc);
		if (t[i].rc == 0 && (net != t[i].net || plen != t[i].plen))
			fail_msg("%s: got %08x/%u", t[i].in, net, plen);
	}
	assert_int_equal(cs_cidr4_mask(0), 0);
	assert_int_equal(cs_cidr4_mask(8), 0xff000000);
	assert_int_equal(cs_cidr4_mask(32), 0xffffffff);
}

static void
test_cidr6(void **state)
{
	/* 45 bytes: the longest text inet_pton reads (6 groups + IPv4). */
	static const char longest[] =
	    "0000:0000:0000:0000:0000:ffff:192.168.100.200";
	static const struct {
		const char *in;
		size_t n; /* bytes of in; 0: strlen */
		unsigned flags;
		int rc;
		const char *net; /* as text, for inet_pton */
		unsigned plen;
	} t[] = {
	    {"2001:db8::/32", 0, 0, 0, "2001:db8::", 32},
	    {"2001:db8::1/32", 0, 0, 0, "2001:db8::", 32}, /* cleared */
	    {"2001:db8::1/32", 0, CS_CIDR_EXACT, CS_EINVAL, NULL, 0},
	    {"2001:db8:43:8000::/49", 0, CS_CIDR_EXACT, 0,
	     "2001:db8:43:8000::", 49},
	    {"2001:db8:43:c000::/49", 0, CS_CIDR_EXACT, CS_EINVAL, NULL, 0},
	    {"fd00::1/128", 0, CS_CIDR_EXACT, 0, "fd00::1", 128},
	    {"::/0", 0, CS_CIDR_EXACT, 0, "::", 0},
	    {"ffff::/0", 0, 0, 0, "::", 0},
	    {"fd00::/064", 0, 0, 0, "fd00::", 64}, /* 1 to 3 digits */
	    {"::ffff:192.0.2.1/128", 0, 0, 0, "::ffff:192.0.2.1", 128},
	    {"FD00::1/127", 0, 0, 0, "fd00::", 127},
	    /* missing prefix where required; a bare address is a /128 */
	    {"fd00::1", 0, 0, CS_EINVAL, NULL, 0},
	    {"fd00::1", 0, CS_CIDR_BARE, 0, "fd00::1", 128},
	    {"fd00::1", 0, CS_CIDR_BARE | CS_CIDR_EXACT, 0, "fd00::1", 128},
	    /* the prefix: empty, over 128, signs, spaces, too many digits */
	    {"fd00::/", 0, CS_CIDR_BARE, CS_ELIMIT, NULL, 0},
	    {"fd00::/129", 0, 0, CS_ELIMIT, NULL, 0},
	    {"fd00::/999", 0, 0, CS_ELIMIT, NULL, 0},
	    {"fd00::/0064", 0, 0, CS_ELIMIT, NULL, 0},
	    {"fd00::/+64", 0, 0, CS_ELIMIT, NULL, 0},
	    {"fd00::/-0", 0, 0, CS_ELIMIT, NULL, 0},
	    {"fd00::/ 64", 0, 0, CS_ELIMIT, NULL, 0},
	    {"fd00::/6x", 0, 0, CS_ELIMIT, NULL, 0},
	    {"fd00::/64/64", 0, 0, CS_ELIMIT, NULL, 0},
	    {"fd00:::1/129", 0, 0, CS_ELIMIT, NULL, 0}, /* prefix first */
	    /* the address */
	    {"/64", 0, 0, CS_EINVAL, NULL, 0},
	    {"", 0, CS_CIDR_BARE, CS_EINVAL, NULL, 0},
	    {"fd00:::1/64", 0, 0, CS_EINVAL, NULL, 0},
	    {"2001:db8::g/64", 0, 0, CS_EINVAL, NULL, 0},
	    {"1:2:3:4:5:6:7:8:9/64", 0, 0, CS_EINVAL, NULL, 0},
	    {"10.0.0.0/8", 0, 0, CS_EINVAL, NULL, 0}, /* IPv4 */
	    {"[fd00::1]/64", 0, 0, CS_EINVAL, NULL, 0},
	    {" fd00::/64", 0, 0, CS_EINVAL, NULL, 0},
	    /* zone ids */
	    {"fe80::1%eth0/64", 0, 0, CS_EINVAL, NULL, 0},
	    {"fe80::1%eth0", 0, CS_CIDR_BARE, CS_EINVAL, NULL, 0},
	    {"fe80::1%25eth0/64", 0, 0, CS_EINVAL, NULL, 0},
	    /* trailing garbage */
	    {"fd00::/64 ", 0, 0, CS_ELIMIT, NULL, 0},
	    {"fd00::/64\n", 0, 0, CS_ELIMIT, NULL, 0},
	    {"fd00:: ", 0, CS_CIDR_BARE, CS_EINVAL, NULL, 0},
	    {"fd00::x", 0, CS_CIDR_BARE, CS_EINVAL, NULL, 0},
	    /* an embedded NUL (inet_pton alone would stop there) */
	    {"fd00::\0x/64", 10, 0, CS_EINVAL, NULL, 0},
	    {"fd00::/64\0", 10, 0, CS_ELIMIT, NULL, 0},
	    {"fd00::\0", 7, CS_CIDR_BARE, CS_EINVAL, NULL, 0},
	    /* overlong: one byte past the longest address */
	    {"0:0000:0000:0000:0000:0000:ffff:192.168.100.200/96", 0, 0,
	     CS_EINVAL, NULL, 0},
	    {"fd00::/128", 6, 0, CS_EINVAL, NULL, 0}, /* only n bytes read */
	};
	char buf[64];

	(void)state;
	for (size_t i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		struct cs_span s =
		    t[i].n ? cs_span_make(t[i].in, t[i].n) : S(t[i].in);
		uint8_t net[16], want[16];
		unsigned plen = 999;
		int rc;

		memset(net, 0xa5, sizeof(net));
		rc = cs_cidr6_parse(s, t[i].flags, net, &plen);
		if (rc != t[i].rc)
			fail_msg("row %zu '%s': rc %d, want %d", i, t[i].in, rc,
				 t[i].rc);
		if (rc != 0)
			continue;
		assert_int_equal(inet_pton(AF_INET6, t[i].net, want), 1);
		if (memcmp(net, want, 16) != 0 || plen != t[i].plen)
			fail_msg("row %zu '%s': got %s/%u", i, t[i].in,
				 inet_ntop(AF_INET6, net, buf, sizeof(buf)),
				 plen);
	}
	/* The longest address is read; one byte more is refused. */
	{
		uint8_t net[16];
		unsigned plen;

		snprintf(buf, sizeof(buf), "%s/96", longest);
		assert_int_equal(strlen(longest), CS_CIDR6_ADDR_MAX);
		assert_int_equal(cs_cidr6_parse(S(buf), 0, net, &plen), 0);
		assert_int_equal(plen, 96);
		assert_int_equal(net[11], 0xff);
		assert_int_equal(net[12], 0);
		snprintf(buf, sizeof(buf), "0%s/96", longest);
		assert_int_equal(cs_cidr6_parse(S(buf), 0, net, &plen),
				 CS_EINVAL);
	}
}

static void
test_hwaddr(void **state)
{
	static const uint8_t want[6] = {0xc0, 0x56, 0xe3, 0x0a, 0x00, 0xff};
	static const struct {
		const char *in;
		unsigned flags;
		int rc; /* 0: want[] */
	} t[] = {
	    {"c0:56:e3:0a:00:ff", 0, 0},
	    {"C0-56-E3-0A-00-FF", 0, 0},
	    {"c056.e30a.00ff", 0, 0},
	    {"c056e30a00ff", 0, 0},
	    {" c0:56:e3:0a:00:ff\r\n", 0, 0},
	    {"c0:56:e3:a:0:ff", 0, CS_EINVAL},
	    {"c0:56:e3:a:0:ff", CS_HWADDR_LOOSE, 0},
	    {"c0-56-e3-a-0-ff", CS_HWADDR_LOOSE, CS_EINVAL},
	    {"c0 56 e3 0a 00 ff", 0, CS_EINVAL},
	    {"c0 56 e3 0a 00 ff", CS_HWADDR_LOOSE, 0},
	    {"c0:56:e3:0a:00:ff", CS_HWADDR_COLON, 0},
	    {"c0-56-e3-0a-00-ff", CS_HWADDR_COLON, CS_EINVAL},
	    {"c056e30a00ff", CS_HWADDR_COLON, CS_EINVAL},
	    {"c0:56:e3:a:0:ff", CS_HWADDR_COLON | CS_HWADDR_LOOSE, CS_EINVAL},
	    {"", 0, CS_EINVAL},
	    {"c0:56:e3:0a:00", 0, CS_EINVAL},
	    {"c0:56:e3:0a:00:ff:", 0, CS_EINVAL},
	    {"c0:56:e3:0a:00:ff:12", 0, CS_EINVAL},
	    {"c0::56:e3:0a:00:ff", 0, CS_EINVAL},
	    {"c0:56-e3:0a:00:ff", 0, CS_EINVAL},
	    {"c0:56:e3:0a:00:fg", 0, CS_EINVAL},
	    {"c056.e30a.00.ff", 0, CS_EINVAL},
	    {"c05.6e30a.00ff", 0, CS_EINVAL},
	    {"c056e30a00", 0, CS_EINVAL},
	    {"c056e30a00ff00", 0, CS_EINVAL},
	    {"c0.56.e3.0a.00.ff", 0, CS_EINVAL},
	    {"0x:c0:56:e3:0a:00", CS_HWADDR_LOOSE, CS_EINVAL},
	};

	(void)state;
	for (size_t i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		uint8_t m[6] = {0};
		int rc = cs_hwaddr_parse(S(t[i].in), t[i].flags, m);

		if (rc != t[i].rc)
			fail_msg("'%s' flags %u: rc %d, want %d", t[i].in,
				 t[i].flags, rc, t[i].rc);
		if (rc == 0 && memcmp(m, want, 6) != 0)
			fail_msg("'%s': wrong bytes", t[i].in);
	}
}

/* cs_hwaddr_format: lower case, colons, and read back by the strict
 * parser. */
static void
test_hwaddr_format(void **state)
{
	static const struct {
		uint8_t mac[6];
		const char *want;
	} t[] = {
	    {{0, 0, 0, 0, 0, 0}, "00:00:00:00:00:00"},
	    {{0xc0, 0x56, 0xe3, 0x01, 0x02, 0x03}, "c0:56:e3:01:02:03"},
	    {{0xff, 0xff, 0xff, 0xff, 0xff, 0xff}, "ff:ff:ff:ff:ff:ff"},
	    {{0x0a, 0xb0, 0x0c, 0xd0, 0x0e, 0xf0}, "0a:b0:0c:d0:0e:f0"},
	};

	(void)state;
	for (size_t i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		char out[18];
		uint8_t back[6];

		memset(out, 'x', sizeof(out));
		cs_hwaddr_format(t[i].mac, out);
		if (strcmp(out, t[i].want) != 0)
			fail_msg("%zu: '%.18s'", i, out);
		if (cs_hwaddr_parse(cs_span_make(out, 17), CS_HWADDR_COLON,
				    back) != 0 ||
		    memcmp(back, t[i].mac, 6) != 0)
			fail_msg("'%s' does not read back", out);
	}
}

static void
test_ports(void **state)
{
	static const struct {
		const char *in;
		unsigned flags;
		int rc; /* count, or an error */
		uint16_t first, last;
	} t[] = {
	    {"80", 0, 1, 80, 80},
	    {"80,443,554", 0, 3, 80, 554},
	    {"8000-8003", 0, 4, 8000, 8003},
	    {"1-3,65535", 0, 4, 1, 65535},
	    {"554,80-81", 0, 3, 554, 81},
	    {"5-5", 0, 1, 5, 5},
	    {"", 0, CS_EINVAL, 0, 0},
	    {"0", 0, CS_EINVAL, 0, 0},
	    {"65536", 0, CS_EINVAL, 0, 0},
	    {"80,", 0, CS_EINVAL, 0, 0},
	    {",80", 0, CS_EINVAL, 0, 0},
	    {"80,,443", 0, CS_EINVAL, 0, 0},
	    {"80 ,443", 0, CS_EINVAL, 0, 0},
	    {"9-8", 0, CS_EINVAL, 0, 0},
	    {"8-", 0, CS_EINVAL, 0, 0},
	    {"-8", 0, CS_EINVAL, 0, 0},
	    {"1-2-3", 0, CS_EINVAL, 0, 0},
	    {"80,80", 0, CS_EINVAL, 0, 0},
	    {"79-81,80", 0, CS_EINVAL, 0, 0},
	    {"+80", 0, CS_EINVAL, 0, 0},
	    {"000080", 0, CS_EINVAL, 0, 0},
	    {"1-20", 0, CS_ELIMIT, 0, 0}, /* more than the 16 of out[] */
	    /* nmap's forms, by flag: repeats kept once, a "T:" qualifier. */
	    {"80,80", CS_PORTS_REPEAT_OK, 1, 80, 80},
	    {"79-81,80,82", CS_PORTS_REPEAT_OK, 4, 79, 82},
	    {"554,1-3,2-4", CS_PORTS_REPEAT_OK, 5, 554, 4},
	    {"T:80,443", CS_PORTS_TCP_PREFIX, 2, 80, 443},
	    {"T:80,443", 0, CS_EINVAL, 0, 0},
	    {"T:", CS_PORTS_TCP_PREFIX, CS_EINVAL, 0, 0},
	    {"80,T:443", CS_PORTS_TCP_PREFIX, CS_EINVAL, 0, 0},
	    {"U:53", CS_PORTS_TCP_PREFIX, CS_EINVAL, 0, 0},
	    {"80,,443", CS_PORTS_REPEAT_OK, CS_EINVAL, 0, 0},
	    {"1-20,5", CS_PORTS_REPEAT_OK, CS_ELIMIT, 0, 0},
	    {"1-16,5", CS_PORTS_REPEAT_OK, 16, 1, 16},
	};
	uint16_t out[16];

	(void)state;
	for (size_t i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		int rc = cs_ports_parse(S(t[i].in), t[i].flags, out, 16);

		if (rc != t[i].rc)
			fail_msg("'%s' flags %u: rc %d, want %d", t[i].in,
				 t[i].flags, rc, t[i].rc);
		if (rc > 0 &&
		    (out[0] != t[i].first || out[rc - 1] != t[i].last))
			fail_msg("'%s': got %u..%u", t[i].in, out[0],
				 out[rc - 1]);
	}
}

/* Every port once, as the widest list: bounded and exact. */
static void
test_ports_all(void **state)
{
	static uint16_t out[65535];

	(void)state;
	assert_int_equal(cs_ports_parse(S("1-65535"), 0, out, 65535), 65535);
	assert_int_equal(out[0], 1);
	assert_int_equal(out[65534], 65535);
	assert_int_equal(cs_ports_parse(S("1-65535"), 0, out, 65534),
			 CS_ELIMIT);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_ipv4),
	    cmocka_unit_test(test_ipv4_as_inet_pton),
	    cmocka_unit_test(test_ip_family),
	    cmocka_unit_test(test_cidr4),
	    cmocka_unit_test(test_cidr6),
	    cmocka_unit_test(test_hwaddr),
	    cmocka_unit_test(test_hwaddr_format),
	    cmocka_unit_test(test_ports),
	    cmocka_unit_test(test_ports_all),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
