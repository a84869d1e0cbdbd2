/* SPDX-License-Identifier: ISC */
/*
 * HTTP Digest: challenge parsing (table-driven) and responses checked
 * against the worked example of RFC 7616 section 3.9.1 (MD5 and SHA-256).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "core/buf.h"
#include "core/str.h"
#include "parse/parse_digest.h"
#include "probe/http_auth.h"
#include "core/poison.h"

/* RFC 7616 section 3.9.1 */
static const char rfc_chal_sha[] =
    "Digest realm=\"http-auth@example.org\", qop=\"auth, auth-int\", "
    "algorithm=SHA-256, "
    "nonce=\"7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v\", "
    "opaque=\"FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS\"";
static const char rfc_chal_md5[] =
    "Digest realm=\"http-auth@example.org\", qop=\"auth, auth-int\", "
    "algorithm=MD5, "
    "nonce=\"7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v\", "
    "opaque=\"FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS\"";
static const char rfc_cnonce[] = "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ";

static struct cs_cred
mufasa(void)
{
	struct cs_cred c;

	memset(&c, 0, sizeof(c));
	c.scheme = CS_CRED_DIGEST;
	cs_strlcpy(c.user, "Mufasa", sizeof(c.user));
	cs_strlcpy(c.pass, "Circle of Life", sizeof(c.pass));
	return c;
}

static void
test_rfc7616_md5(void **state)
{
	struct cs_digest_chal ch;
	struct cs_cred c = mufasa();
	char resp[65];

	(void)state;
	assert_int_equal(
	    cs_digest_parse_challenge((const uint8_t *)rfc_chal_md5,
				      strlen(rfc_chal_md5), &ch),
	    0);
	assert_int_equal(ch.alg, CS_DIGEST_MD5);
	assert_true(ch.qop_auth);
	assert_string_equal(ch.realm, "http-auth@example.org");
	assert_int_equal(
	    cs_http_digest_response(&ch, &c, "GET", "/dir/index.html", 1,
				    rfc_cnonce, resp, sizeof(resp)),
	    0);
	assert_string_equal(resp, "8ca523f5e9506fed4657c9700eebdbec");
}

static void
test_rfc7616_sha256(void **state)
{
	struct cs_digest_chal ch;
	struct cs_cred c = mufasa();
	char resp[65];
	struct cs_buf b;
	const char *h;

	(void)state;
	assert_int_equal(
	    cs_digest_parse_challenge((const uint8_t *)rfc_chal_sha,
				      strlen(rfc_chal_sha), &ch),
	    0);
	assert_int_equal(ch.alg, CS_DIGEST_SHA256);
	assert_true(ch.has_opaque);
	assert_string_equal(ch.opaque,
			    "FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS");
	assert_int_equal(
	    cs_http_digest_response(&ch, &c, "GET", "/dir/index.html", 1,
				    rfc_cnonce, resp, sizeof(resp)),
	    0);
	assert_string_equal(
	    resp,
	    "753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1");

	cs_buf_init(&b, 4096);
	assert_int_equal(cs_http_auth_digest(&b, &ch, &c, "GET",
					     "/dir/index.html", rfc_cnonce),
			 0);
	h = cs_buf_str(&b);
	assert_non_null(strstr(h, "Authorization: Digest username=\"Mufasa\""));
	assert_non_null(strstr(h, "nc=00000001"));
	assert_non_null(strstr(h, "qop=auth"));
	assert_non_null(strstr(h, "algorithm=SHA-256"));
	assert_non_null(strstr(
	    h, "response=\"753927fa0e85d155564e2e272a28d1802ca10daf449679469"
	       "7cf8db5856cb6c1\""));
	assert_non_null(strstr(h, "opaque=\"FQhe/"));
	assert_null(strstr(h, "Circle")); /* never the password itself */
	assert_true(h[strlen(h) - 1] == '\n');
	cs_buf_free(&b);

	/* A random cnonce differs between calls. */
	{
		struct cs_buf b1, b2;

		cs_buf_init(&b1, 4096);
		cs_buf_init(&b2, 4096);
		assert_int_equal(
		    cs_http_auth_digest(&b1, &ch, &c, "GET", "/", NULL), 0);
		assert_int_equal(
		    cs_http_auth_digest(&b2, &ch, &c, "GET", "/", NULL), 0);
		assert_string_not_equal(cs_buf_str(&b1), cs_buf_str(&b2));
		cs_buf_free(&b1);
		cs_buf_free(&b2);
	}
}

static void
test_basic(void **state)
{
	struct cs_cred c = mufasa();
	struct cs_buf b;

	(void)state;
	cs_buf_init(&b, 1024);
	/* a digest credential never produces Basic */
	assert_int_equal(cs_http_auth_basic(&b, &c), CS_EINVAL);
	assert_int_equal(b.len, 0);
	c.scheme = CS_CRED_BASIC;
	cs_strlcpy(c.user, "Aladdin", sizeof(c.user));
	cs_strlcpy(c.pass, "open sesame",
		   sizeof(c.pass)); /* RFC 7617 section 2 */
	assert_int_equal(cs_http_auth_basic(&b, &c), 0);
	assert_string_equal(
	    cs_buf_str(&b),
	    "Authorization: Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==\r\n");
	cs_buf_free(&b);
}

struct chal_case {
	const char *in;
	int rc;
	enum cs_digest_alg alg;
	const char *realm, *nonce;
	bool qop_auth;
};

static const struct chal_case chal_cases[] = {
    {"Digest realm=\"r\", nonce=\"n\"", 0, CS_DIGEST_MD5, "r", "n", false},
    {"digest REALM=r,NONCE=n,qop=auth", 0, CS_DIGEST_MD5, "r", "n", true},
    {"Basic realm=\"x\", Digest realm=\"IP Camera(C2189)\", "
     "nonce=\"abc\", qop=\"auth\"",
     0, CS_DIGEST_MD5, "IP Camera(C2189)", "abc", true},
    /* SHA-256 preferred over an unknown algorithm listed first */
    {"Digest realm=\"a\", nonce=\"1\", algorithm=SHA-512-256, "
     "Digest realm=\"b\", nonce=\"2\", algorithm=SHA-256",
     0, CS_DIGEST_SHA256, "b", "2", false},
    {"Digest realm=\"a\", nonce=\"1\", algorithm=MD5-sess", 0,
     CS_DIGEST_UNKNOWN, "a", "1", false},
    {"Digest realm=\"a\\\"q\", nonce=\"1\"", 0, CS_DIGEST_MD5, "a\"q", "1",
     false},
    {"Basic realm=\"hikvision\"", CS_ENOTFOUND, 0, NULL, NULL, false},
    {"Negotiate abc==, NTLM", CS_ENOTFOUND, 0, NULL, NULL, false},
    {"", CS_ENOTFOUND, 0, NULL, NULL, false},
    {"Digest realm=\"r\"", CS_EPROTO, 0, NULL, NULL, false},
    {"Digest nonce=\"n\"", CS_EPROTO, 0, NULL, NULL, false},
    {"Digest realm=\"r, nonce=\"n\"", CS_EPROTO, 0, NULL, NULL, false},
    {"Digest realm=\"r\" x, nonce=n", CS_EPROTO, 0, NULL, NULL, false},
    {"realm=\"r\", nonce=n", CS_EPROTO, 0, NULL, NULL, false},
    {"Digest realm=\"r\", nonce=\"a\001b\"", CS_EPROTO, 0, NULL, NULL, false},
};

static void
test_challenges(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(chal_cases) / sizeof(chal_cases[0]);
	     i++) {
		const struct chal_case *t = &chal_cases[i];
		struct cs_digest_chal ch;
		int rc = cs_digest_parse_challenge((const uint8_t *)t->in,
						   strlen(t->in), &ch);

		if (rc != t->rc)
			fail_msg("case %zu (%s): rc %d, want %d", i, t->in, rc,
				 t->rc);
		if (rc != 0)
			continue;
		assert_int_equal(ch.alg, t->alg);
		assert_string_equal(ch.realm, t->realm);
		assert_string_equal(ch.nonce, t->nonce);
		assert_int_equal(ch.qop_auth, t->qop_auth);
	}
}

static void
test_limits(void **state)
{
	static char big[CS_DIGEST_INPUT_MAX + 2];
	char nonce[600];
	struct cs_digest_chal ch;
	int k;

	(void)state;
	memset(big, 'a', sizeof(big));
	assert_int_equal(
	    cs_digest_parse_challenge((const uint8_t *)big, sizeof(big), &ch),
	    CS_ELIMIT);
	memset(nonce, 'n', 400);
	nonce[400] = '\0';
	k = snprintf(big, sizeof(big), "Digest realm=\"r\", nonce=\"%s\"",
		     nonce);
	assert_int_equal(
	    cs_digest_parse_challenge((const uint8_t *)big, (size_t)k, &ch),
	    CS_ELIMIT);
	/* not NUL-terminated: the parser stops at n */
	assert_int_equal(
	    cs_digest_parse_challenge((const uint8_t *)"Digest realm=r, "
						       "nonce=nXXXX",
				      23, &ch),
	    0);
	assert_string_equal(ch.nonce, "n");
	/* unsupported variants are refused, not answered wrongly */
	assert_int_equal(cs_digest_parse_challenge(
			     (const uint8_t *)"Digest realm=r, nonce=n, "
					      "qop=auth-int",
			     37, &ch),
			 0);
	{
		struct cs_cred c = mufasa();
		char resp[65];

		assert_int_equal(cs_http_digest_response(&ch, &c, "GET", "/", 1,
							 "x", resp,
							 sizeof(resp)),
				 CS_EINVAL);
	}
	assert_true(cs_digest_offers_basic(
	    (const uint8_t *)"Digest realm=\"a\", Basic realm=\"b\"", 33));
	assert_false(cs_digest_offers_basic(
	    (const uint8_t *)"Digest realm=\"Basic x\", nonce=1", 31));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_rfc7616_md5),
	    cmocka_unit_test(test_rfc7616_sha256),
	    cmocka_unit_test(test_basic),
	    cmocka_unit_test(test_challenges),
	    cmocka_unit_test(test_limits),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
