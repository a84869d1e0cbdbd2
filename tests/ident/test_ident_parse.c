/* SPDX-License-Identifier: ISC */
/*
 * Table-driven tests of the parsers added for identify: mDNS, X.509,
 * SADP, SSDP, UPnP and DHIP JSON.  Each table covers the empty input,
 * one byte, the cap, cap + 1, length fields past the end, CR without
 * LF, NUL, overlong UTF-8 and every error return.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "parse/parse_dhip.h"
#include "parse/parse_mdns.h"
#include "parse/parse_sadp.h"
#include "parse/parse_soap.h"
#include "parse/parse_ssdp.h"
#include "parse/parse_upnp.h"
#include "parse/parse_vendor.h"
#include "parse/parse_x509.h"
#include "core/poison.h"

#define L(s) (const uint8_t *)(s), sizeof(s) - 1

/* ---- mDNS ---- */

/* An Axis camera's answer (protocols.md §10), with name compression:
 * PTR _axis-video._tcp.local -> "AXIS M5014 - ACCC8E3C0419", SRV, TXT, A. */
static const char axis_mdns[] =
    "\x00\x00\x84\x00\x00\x00\x00\x01\x00\x00\x00\x03\x0b\x5f\x61\x78"
    "\x69\x73\x2d\x76\x69\x64\x65\x6f\x04\x5f\x74\x63\x70\x05\x6c\x6f"
    "\x63\x61\x6c\x00\x00\x0c\x00\x01\x00\x00\x00\x78\x00\x1c\x19\x41"
    "\x58\x49\x53\x20\x4d\x35\x30\x31\x34\x20\x2d\x20\x41\x43\x43\x43"
    "\x38\x45\x33\x43\x30\x34\x31\x39\xc0\x0c\xc0\x2e\x00\x21\x80\x01"
    "\x00\x00\x00\x78\x00\x1a\x00\x00\x00\x00\x00\x50\x11\x61\x78\x69"
    "\x73\x2d\x61\x63\x63\x63\x38\x65\x33\x63\x30\x34\x31\x39\xc0\x1d"
    "\xc0\x2e\x00\x10\x80\x01\x00\x00\x11\x94\x00\x1f\x17\x6d\x61\x63"
    "\x61\x64\x64\x72\x65\x73\x73\x3d\x41\x43\x43\x43\x38\x45\x33\x43"
    "\x30\x34\x31\x39\x06\x70\x61\x74\x68\x3d\x2f\xc0\x5c\x00\x01\x80"
    "\x01\x00\x00\x00\x78\x00\x04\xc0\xa8\x01\x5a";

#define HDR1 "\x00\x00\x84\x00\x00\x00\x00\x01\x00\x00\x00\x00"

static void
test_mdns_axis(void **state)
{
	struct cs_mdns *m = malloc(sizeof(*m));

	(void)state;
	assert_non_null(m);
	assert_int_equal(cs_mdns_parse(L(axis_mdns), m), 0);
	assert_true(m->response);
	assert_int_equal(m->nrr, 4);
	assert_int_equal(m->rr[0].type, CS_DNS_PTR);
	assert_string_equal(m->rr[0].name, "_axis-video._tcp.local");
	assert_string_equal(m->rr[0].target,
			    "AXIS M5014 - ACCC8E3C0419._axis-video._tcp.local");
	assert_int_equal(m->rr[1].type, CS_DNS_SRV);
	assert_int_equal(m->rr[1].port, 80);
	assert_int_equal(m->rr[1].rclass, 1);
	assert_string_equal(m->rr[1].target, "axis-accc8e3c0419.local");
	assert_int_equal(m->rr[2].type, CS_DNS_TXT);
	assert_string_equal(m->rr[2].txt, "macaddress=ACCC8E3C0419 path=/");
	assert_int_equal(m->rr[3].type, CS_DNS_A);
	assert_string_equal(m->rr[3].name, "axis-accc8e3c0419.local");
	assert_int_equal(m->rr[3].addrlen, 4);
	free(m);
}

struct mcase {
	const char *name;
	const char *p;
	size_t n;
	int rc;
};

#define MC(name, s, rc)                                                        \
	{                                                                      \
		name, s, sizeof(s) - 1, rc                                     \
	}

static const struct mcase mdns_cases[] = {
    {"empty", "", 0, CS_ETRUNC},
    MC("one byte", "\x00", CS_ETRUNC),
    MC("header only", "\x00\x00\x84\x00\x00\x00\x00\x00\x00\x00\x00\x00",
       CS_OK),
    MC("record missing", "\x00\x00\x84\x00\x00\x00\x00\x01\x00\x00\x00\x01",
       CS_ETRUNC),
    /* A pointer to itself, and one pointing forwards. */
    MC("self pointer",
       HDR1 "\xc0\x0c\x00\x01\x00\x01\x00\x00\x00\x00\x00\x04"
	    "\x01\x02\x03\x04",
       CS_EPROTO),
    MC("forward pointer",
       HDR1 "\xc0\x20\x00\x01\x00\x01\x00\x00\x00\x00\x00"
	    "\x04\x01\x02\x03\x04",
       CS_EPROTO),
    MC("reserved label type",
       HDR1 "\x40\x00\x01\x00\x01\x00\x00\x00\x00\x00"
	    "\x04\x01\x02\x03\x04",
       CS_EPROTO),
    MC("label past end",
       HDR1 "\x3f"
	    "abc",
       CS_ETRUNC),
    MC("rdlength too large",
       HDR1 "\x00\x00\x01\x00\x01\x00\x00\x00\x00\xff"
	    "\xff\x01\x02",
       CS_ETRUNC),
    MC("zero rdlength A", HDR1 "\x00\x00\x01\x00\x01\x00\x00\x00\x00\x00\x00",
       CS_EPROTO),
    MC("bad A length",
       HDR1 "\x00\x00\x01\x00\x01\x00\x00\x00\x00\x00\x03"
	    "\x01\x02\x03",
       CS_EPROTO),
    MC("short SRV", HDR1 "\x00\x00\x21\x00\x01\x00\x00\x00\x00\x00\x02\x00\x00",
       CS_EPROTO),
    MC("PTR name leaves rdata",
       HDR1 "\x00\x00\x0c\x00\x01\x00\x00\x00\x00\x00"
	    "\x02\x03"
	    "abc\x00",
       CS_EPROTO),
    MC("NUL and CR in label",
       HDR1 "\x03\x00\r.\x00\x00\x10\x00\x01\x00\x00"
	    "\x00\x00\x00\x00",
       CS_OK),
    MC("unknown type skipped",
       HDR1 "\x00\x00\x2f\x00\x01\x00\x00\x00\x00\x00"
	    "\x01\xff",
       CS_OK),
};

static void
test_mdns_table(void **state)
{
	struct cs_mdns *m = malloc(sizeof(*m));

	(void)state;
	assert_non_null(m);
	for (size_t i = 0; i < CS_NELEM(mdns_cases); i++) {
		int rc = cs_mdns_parse((const uint8_t *)mdns_cases[i].p,
				       mdns_cases[i].n, m);

		if (rc != mdns_cases[i].rc)
			fail_msg("%s: got %d, want %d", mdns_cases[i].name, rc,
				 mdns_cases[i].rc);
	}
	/* Control bytes and the dot inside a label are made safe. */
	assert_int_equal(cs_mdns_parse(L(HDR1 "\x03\x00\r.\x00\x00\x10\x00\x01"
					      "\x00\x00\x00\x00\x00\x00"),
				       m),
			 0);
	assert_string_equal(m->rr[0].name, "??\\.");
	free(m);
}

static void
test_mdns_caps(void **state)
{
	struct cs_mdns *m = malloc(sizeof(*m));
	uint8_t *buf = calloc(1, CS_MDNS_MAX + 1);
	size_t k;

	(void)state;
	assert_non_null(m);
	assert_non_null(buf);
	/* cap + 1 bytes */
	assert_int_equal(cs_mdns_parse(buf, CS_MDNS_MAX + 1, m), CS_ELIMIT);
	/* exactly the cap: header + 0 records + padding is fine */
	assert_int_equal(cs_mdns_parse(buf, CS_MDNS_MAX, m), 0);
	/* more A records than kept: the first CS_MDNS_RR_MAX are returned */
	memcpy(buf, "\x00\x00\x84\x00\x00\x00\x00\x64\x00\x00\x00\x00", 12);
	k = 12;
	for (int i = 0; i < 100; i++) {
		memcpy(buf + k,
		       "\x00\x00\x01\x00\x01\x00\x00\x00\x00\x00\x04"
		       "\x0a\x00\x00\x01",
		       15);
		k += 15;
	}
	assert_int_equal(cs_mdns_parse(buf, k, m), CS_ELIMIT);
	assert_int_equal(m->nrr, CS_MDNS_RR_MAX);
	/* A pointer chain longer than the hop cap: a TXT record whose data
	 * holds a root label and 40 pointers, each to the one before, then
	 * an A record named by the last pointer. */
	memset(buf, 0, CS_MDNS_MAX);
	memcpy(buf, "\x00\x00\x84\x00\x00\x00\x00\x02\x00\x00\x00\x00", 12);
	k = 12;
	memcpy(buf + k, "\x00\x00\x10\x00\x01\x00\x00\x00\x00\x00\x51", 11);
	k += 11;
	{
		size_t root = k, prev = root;

		buf[k++] = 0;
		for (int i = 0; i < 40; i++) {
			buf[k] = (uint8_t)(0xC0 | (prev >> 8));
			buf[k + 1] = (uint8_t)prev;
			prev = k;
			k += 2;
		}
		buf[k] = (uint8_t)(0xC0 | (prev >> 8));
		buf[k + 1] = (uint8_t)prev;
		k += 2;
	}
	memcpy(buf + k,
	       "\x00\x01\x00\x01\x00\x00\x00\x00\x00\x04\x01\x02\x03\x04", 14);
	k += 14;
	assert_int_equal(cs_mdns_parse(buf, k, m), CS_EPROTO);
	free(buf);
	free(m);
}

/* ---- X.509 ---- */

/* Generated with: openssl req -x509 -newkey ec -pkeyopt
 * ec_paramgen_curve:prime256v1 -nodes -subj
 * "/C=CN/ST=ZheJiang/L=HangZhou/O=HIKVISION/OU=DVRNVR/CN=www.hikvision.com" */
static const char hik_pem[] =
    "-----BEGIN CERTIFICATE-----\n"
    "MIICPDCCAeOgAwIBAgIUDf5+ibHwtDOYYpqjoz1kgsj9nvAwCgYIKoZIzj0EAwIw\n"
    "dDELMAkGA1UEBhMCQ04xETAPBgNVBAgMCFpoZUppYW5nMREwDwYDVQQHDAhIYW5n\n"
    "WmhvdTESMBAGA1UECgwJSElLVklTSU9OMQ8wDQYDVQQLDAZEVlJOVlIxGjAYBgNV\n"
    "BAMMEXd3dy5oaWt2aXNpb24uY29tMB4XDTI2MTEyODE1MDQwNVoXDTM2MTEyNTE1\n"
    "MDQwNVowdDELMAkGA1UEBhMCQ04xETAPBgNVBAgMCFpoZUppYW5nMREwDwYDVQQH\n"
    "DAhIYW5nWmhvdTESMBAGA1UECgwJSElLVklTSU9OMQ8wDQYDVQQLDAZEVlJOVlIx\n"
    "GjAYBgNVBAMMEXd3dy5oaWt2aXNpb24uY29tMFkwEwYHKoZIzj0CAQYIKoZIzj0D\n"
    "AQcDQgAExPOhoWq6mBHEqmEhu41smq2cwidiNGo8UvBqR+9744gutVv+mjnE4UFr\n"
    "JBfF9g5Fatiunj+OvBQlIZuFMtHSjKNTMFEwHQYDVR0OBBYEFB1SD26I2Ou7iVfq\n"
    "4uq2gteHEfdNMB8GA1UdIwQYMBaAFB1SD26I2Ou7iVfq4uq2gteHEfdNMA8GA1Ud\n"
    "EwEB/wQFMAMBAf8wCgYIKoZIzj0EAwIDRwAwRAIgf2UqUxiyWfsP7+eF3CWwxHc+\n"
    "U7fsEb+iUdrcKBBJKiYCIFAUBuV4y/j9fCMsRwYjq3Jt53uOcSSkQFh6EyghLxMe\n"
    "-----END CERTIFICATE-----\n";

#define HIK_DN                                                                 \
	"CN=www.hikvision.com,OU=DVRNVR,O=HIKVISION,L=HangZhou,ST=ZheJiang,C=" \
	"CN"

/* A minimal certificate skeleton around a subject Name (DER), with
 * two-byte long-form lengths. */
static size_t
put_len(uint8_t *out, size_t len)
{
	if (len < 0x80) {
		out[0] = (uint8_t)len;
		return 1;
	}
	if (len < 0x100) {
		out[0] = 0x81;
		out[1] = (uint8_t)len;
		return 2;
	}
	out[0] = 0x82;
	out[1] = (uint8_t)(len >> 8);
	out[2] = (uint8_t)len;
	return 3;
}

static size_t
make_cert(uint8_t *out, const uint8_t *name, size_t nlen)
{
	uint8_t tbs[1024];
	size_t k = 0, t = 0;

	/* serial, alg, issuer (empty), validity (empty), subject */
	memcpy(tbs + t, "\x02\x01\x01\x30\x00\x30\x00\x30\x00", 9);
	t += 9;
	tbs[t++] = 0x30;
	t += put_len(tbs + t, nlen);
	memcpy(tbs + t, name, nlen);
	t += nlen;
	{
		uint8_t l[3];
		size_t ll = put_len(l, t);

		out[k++] = 0x30;
		k += put_len(out + k, 1 + ll + t);
		out[k++] = 0x30;
		k += put_len(out + k, t);
	}
	memcpy(out + k, tbs, t);
	return k + t;
}

/*
 * A subject of 128..255 bytes: its length is the one-byte long form
 * (0x81 0x99), which a device's certificate with a full name has.
 * Generated with: openssl req -x509 -newkey ec -pkeyopt
 * ec_paramgen_curve:prime256v1 -nodes -subj "/C=CN/ST=Zhejiang/L=Hangzhou/
 * O=Zhejiang Dahua Technology Co., Ltd./OU=Network Video Products/
 * CN=IPC-HFW2431S" (one line) */
static const char long_dn_pem[] =
    "-----BEGIN CERTIFICATE-----\n"
    "MIICiTCCAi+gAwIBAgIUT09jaR+Nacz3BL0xhfGfliM2vM0wCgYIKoZIzj0EAwIw\n"
    "gZkxCzAJBgNVBAYTAkNOMREwDwYDVQQIDAhaaGVqaWFuZzERMA8GA1UEBwwISGFu\n"
    "Z3pob3UxLDAqBgNVBAoMI1poZWppYW5nIERhaHVhIFRlY2hub2xvZ3kgQ28uLCBM\n"
    "dGQuMR8wHQYDVQQLDBZOZXR3b3JrIFZpZGVvIFByb2R1Y3RzMRUwEwYDVQQDDAxJ\n"
    "UEMtSEZXMjQzMVMwHhcNMjYxMjA3MDQxMDU3WhcNMzYxMjA0MDQxMDU3WjCBmTEL\n"
    "MAkGA1UEBhMCQ04xETAPBgNVBAgMCFpoZWppYW5nMREwDwYDVQQHDAhIYW5nemhv\n"
    "dTEsMCoGA1UECgwjWmhlamlhbmcgRGFodWEgVGVjaG5vbG9neSBDby4sIEx0ZC4x\n"
    "HzAdBgNVBAsMFk5ldHdvcmsgVmlkZW8gUHJvZHVjdHMxFTATBgNVBAMMDElQQy1I\n"
    "RlcyNDMxUzBZMBMGByqGSM49AgEGCCqGSM49AwEHA0IABHNLjyN3Bewb+sp1coYU\n"
    "hT3QUssoWbTsRDCqR+s7MXrNDb1VDES6fi7oViYPhVVAGlTAjico6lESOMKexWNz\n"
    "eIajUzBRMB0GA1UdDgQWBBS5oVBSgDmPHVq4KbN4jPPYCUoWMDAfBgNVHSMEGDAW\n"
    "gBS5oVBSgDmPHVq4KbN4jPPYCUoWMDAPBgNVHRMBAf8EBTADAQH/MAoGCCqGSM49\n"
    "BAMCA0gAMEUCIHMqGjyDoo+8tO01pPB3iUEbVUqHQT9wu4VUh7MBDw5/AiEAredW\n"
    "C05Mvy3Vr5bFNDEMUHj30Wd4z/yYUiBPZIt/lic=\n"
    "-----END CERTIFICATE-----\n";
#define LONG_DN                                                                \
	"CN=IPC-HFW2431S,OU=Network Video Products,O=Zhejiang Dahua "          \
	"Technology Co.\\, Ltd.,L=Hangzhou,ST=Zhejiang,C=CN"

static void
test_x509(void **state)
{
	struct cs_x509 x;
	uint8_t der[600], cert[700];
	size_t n;

	(void)state;
	assert_int_equal(cs_x509_parse(L(hik_pem), &x), 0);
	assert_string_equal(x.subject, HIK_DN);
	assert_string_equal(x.issuer, HIK_DN);
	/* a one-byte long-form length (128..255) is minimal DER */
	assert_int_equal(cs_x509_parse(L(long_dn_pem), &x), 0);
	assert_string_equal(x.subject, LONG_DN);
	assert_string_equal(x.issuer, LONG_DN);
	assert_int_equal(cs_x509_pem_decode(L(hik_pem), der, sizeof(der), &n),
			 0);
	assert_int_equal(cs_x509_parse(der, n, &x), 0);
	assert_string_equal(x.subject, HIK_DN);
	/* every truncation of the DER fails cleanly */
	for (size_t i = 0; i < n; i++)
		assert_true(cs_x509_parse_der(der, i, &x) < 0);
	/* PEM errors */
	assert_int_equal(
	    cs_x509_parse(L("-----BEGIN CERTIFICATE-----\nMIIC"), &x),
	    CS_ETRUNC);
	assert_int_equal(cs_x509_parse(L("-----BEGIN CERTIFICATE-----\nMI*C\n"
					 "-----END CERTIFICATE-----"),
				       &x),
			 CS_EPROTO);
	assert_int_equal(cs_x509_parse(L("-----BEGIN CERTIFICATE-----\nMA=A\n"
					 "-----END CERTIFICATE-----"),
				       &x),
			 CS_EPROTO);
	assert_int_equal(cs_x509_pem_decode(L("-----BEGIN CERTIFICATE-----\0"),
					    der, sizeof(der), &n),
			 CS_EPROTO);
	assert_int_equal(
	    cs_x509_pem_decode(L("no pem here"), der, sizeof(der), &n),
	    CS_EPROTO);
	assert_int_equal(cs_x509_pem_decode(L(hik_pem), der, 10, &n),
			 CS_ELIMIT);
	/* base64 four characters at a time: every cap fails exactly where
	 * the DER stops fitting; a space, a line end or junk at each place
	 * of the first lines, and padding, read as one at a time would */
	{
		uint8_t want[2048], got[2048];
		size_t wn = 0, gn = 0, hn = strlen(hik_pem);
		char *t = malloc(hn + 2);

		assert_non_null(t);
		assert_int_equal(
		    cs_x509_pem_decode(L(hik_pem), want, sizeof(want), &wn), 0);
		for (size_t cap = 0; cap <= wn; cap++)
			assert_int_equal(
			    cs_x509_pem_decode(L(hik_pem), got, cap, &gn),
			    cap < wn ? CS_ELIMIT : 0);
		for (size_t at = 28; at < 160; at++) {
			static const char ins[] = {' ', '\n', '*', '='};

			for (size_t k = 0; k < sizeof(ins); k++) {
				int rc;

				memcpy(t, hik_pem, at);
				t[at] = ins[k];
				memcpy(t + at + 1, hik_pem + at, hn - at + 1);
				rc = cs_x509_pem_decode((const uint8_t *)t,
							hn + 1, got,
							sizeof(got), &gn);
				if (ins[k] == ' ' || ins[k] == '\n') {
					assert_int_equal(rc, 0);
					assert_int_equal(gn, wn);
					assert_memory_equal(got, want, wn);
				} else {
					assert_int_equal(rc, CS_EPROTO);
				}
			}
		}
		free(t);
	}
	/* DER errors */
	assert_int_equal(cs_x509_parse(L(""), &x), CS_ETRUNC);
	assert_int_equal(cs_x509_parse(L("\x30"), &x), CS_ETRUNC);
	assert_int_equal(cs_x509_parse(L("\x31\x00"), &x), CS_EPROTO);
	assert_int_equal(cs_x509_parse(L("\x30\x80\x00\x00"), &x), CS_EPROTO);
	assert_int_equal(cs_x509_parse(L("\x30\x85\x01\x00\x00\x00\x00"), &x),
			 CS_ELIMIT);
	assert_int_equal(cs_x509_parse(L("\x30\x81\x05\x00"), &x), CS_EPROTO);
	assert_int_equal(cs_x509_parse(L("\x30\x82\xff\xff\x00"), &x),
			 CS_ETRUNC);
	assert_int_equal(cs_x509_parse(L("\x1f\x00"), &x), CS_EPROTO);
	{
		uint8_t *big = calloc(1, CS_X509_DER_MAX + 1);

		assert_non_null(big);
		assert_int_equal(
		    cs_x509_parse_der(big, CS_X509_DER_MAX + 1, &x), CS_ELIMIT);
		free(big);
		big = calloc(1, CS_X509_PEM_MAX + 1);
		assert_non_null(big);
		assert_int_equal(cs_x509_pem_decode(big, CS_X509_PEM_MAX + 1,
						    der, sizeof(der), &n),
				 CS_ELIMIT);
		free(big);
	}
	/* Escapes: a comma, a leading '#', NUL and CR, overlong UTF-8,
	 * a BMPString and a non-string value. */
	{
		static const uint8_t name[] =
		    "\x31\x0d\x30\x0b\x06\x03\x55\x04\x0a\x0c\x04"
		    "a,#b"
		    "\x31\x0b\x30\x09\x06\x03\x55\x04\x03\x13\x02"
		    "\x00\r"
		    "\x31\x0b\x30\x09\x06\x03\x55\x04\x0b\x0c\x02"
		    "\xc0\xaf"
		    "\x31\x0d\x30\x0b\x06\x03\x55\x04\x07\x1e\x04"
		    "\x00\x48\x00\xe9"
		    "\x31\x0b\x30\x09\x06\x03\x2a\x03\x04\x02\x02"
		    "\x01\x02";
		n = make_cert(cert, name, sizeof(name) - 1);
		assert_int_equal(cs_x509_parse_der(cert, n, &x), 0);
		assert_string_equal(x.subject,
				    "1.2.3.4=#02020102,L=H\xc3\xa9,OU=\\C0\\AF,"
				    "CN=\\00\\0D,O=a\\,#b");
	}
	/* OIDs not named: each arc in decimal (first byte 0.x, 1.x, 2.x,
	 * the largest nine-byte arc), and a text of 95 characters fits the
	 * 96-byte buffer while one of 96 is refused. */
	{
		static const struct {
			const char *oid; /* DER contents */
			size_t n;
			const char *want; /* NULL: CS_ELIMIT */
		} t[] = {
		    {"\x00", 1, "0.0=x"},
		    {"\x27\x05", 2, "0.39.5=x"},
		    {"\x28", 1, "1.0=x"},
		    {"\x4f\x7f", 2, "1.39.127=x"},
		    {"\x50", 1, "2.0=x"},
		    {"\x81\x00\x81\x80\x00", 5, "2.48.16384=x"},
		    {"\x2a\xff\xff\xff\xff\xff\xff\xff\xff\x7f", 10,
		     "1.2.9223372036854775807=x"},
		};
		/* 1.2, then eleven arcs of ".1234567" and ".123": 95
		 * characters; then ".1234" instead: 96 */
		uint8_t oid[64];
		size_t on = 0;
		char want[128];

		for (size_t i = 0; i < CS_NELEM(t); i++) {
			uint8_t name[64];
			size_t k = 0;

			name[k++] = 0x31;
			name[k++] = (uint8_t)(t[i].n + 7);
			name[k++] = 0x30;
			name[k++] = (uint8_t)(t[i].n + 5);
			name[k++] = 0x06;
			name[k++] = (uint8_t)t[i].n;
			memcpy(name + k, t[i].oid, t[i].n);
			k += t[i].n;
			memcpy(name + k, "\x0c\x01x", 3);
			k += 3;
			n = make_cert(cert, name, k);
			assert_int_equal(cs_x509_parse_der(cert, n, &x), 0);
			assert_string_equal(x.subject, t[i].want);
		}
		for (int last = 123; last <= 1234; last += 1111) {
			uint8_t name[96];
			size_t k = 0;

			on = 0;
			oid[on++] = 0x2a;
			for (int a = 0; a < 11; a++) {
				/* 1234567 = 0x4b 0x2d 0x07 in base 128 */
				memcpy(oid + on, "\xcb\xad\x07", 3);
				on += 3;
			}
			if (last == 123) {
				oid[on++] = 123;
			} else {
				oid[on++] = 0x89; /* 1234 = 9 * 128 + 82 */
				oid[on++] = 82;
			}
			name[k++] = 0x31;
			name[k++] = (uint8_t)(on + 7);
			name[k++] = 0x30;
			name[k++] = (uint8_t)(on + 5);
			name[k++] = 0x06;
			name[k++] = (uint8_t)on;
			memcpy(name + k, oid, on);
			k += on;
			memcpy(name + k, "\x0c\x01x", 3);
			k += 3;
			n = make_cert(cert, name, k);
			if (last == 123) {
				size_t w = 0;

				memcpy(want, "1.2", 3);
				w = 3;
				for (int a = 0; a < 11; a++, w += 8)
					memcpy(want + w, ".1234567", 8);
				memcpy(want + w, ".123", 4);
				w += 4;
				assert_int_equal(w, 95);
				memcpy(want + w, "=x", 3);
				assert_int_equal(cs_x509_parse_der(cert, n, &x),
						 0);
				assert_string_equal(x.subject, want);
			} else {
				assert_int_equal(cs_x509_parse_der(cert, n, &x),
						 CS_ELIMIT);
			}
		}
	}
	/* Too many attributes in one name. */
	{
		uint8_t name[300];
		size_t k = 0;

		for (int i = 0; i < CS_X509_RDN_MAX + 1; i++) {
			memcpy(name + k, "\x31\x06\x30\x04\x06\x00\x05\x00", 8);
			k += 8;
		}
		n = make_cert(cert, name, k);
		assert_int_equal(cs_x509_parse_der(cert, n, &x), CS_ELIMIT);
	}
}

/*
 * As make_cert, with a validity and a SubjectPublicKeyInfo (both DER,
 * tag and length included) after the subject, and the issuer the same
 * Name when self_issued (else empty).
 */
static size_t
make_cert2(uint8_t *out, const uint8_t *name, size_t nlen, bool self_issued,
	   const uint8_t *val, size_t vlen, const uint8_t *spki, size_t slen)
{
	uint8_t tbs[1024];
	size_t k = 0, t = 0;

	memcpy(tbs + t, "\x02\x01\x01\x30\x00", 5);
	t += 5;
	tbs[t++] = 0x30;
	if (self_issued) {
		t += put_len(tbs + t, nlen);
		memcpy(tbs + t, name, nlen);
		t += nlen;
	} else {
		tbs[t++] = 0;
	}
	memcpy(tbs + t, val, vlen);
	t += vlen;
	tbs[t++] = 0x30;
	t += put_len(tbs + t, nlen);
	memcpy(tbs + t, name, nlen);
	t += nlen;
	memcpy(tbs + t, spki, slen);
	t += slen;
	{
		uint8_t l[3];
		size_t ll = put_len(l, t);

		out[k++] = 0x30;
		k += put_len(out + k, 1 + ll + t);
		out[k++] = 0x30;
		k += put_len(out + k, t);
	}
	memcpy(out + k, tbs, t);
	return k + t;
}

#define S(x) (const uint8_t *)(x), sizeof(x) - 1
/* validity: UTCTime pairs and GeneralizedTime */
#define V_UTC(a, b) "\x30\x1e\x17\x0d" a "\x17\x0d" b
#define V_GEN(a, b) "\x30\x22\x18\x0f" a "\x18\x0f" b
/* rsaEncryption with a modulus of the given DER INTEGER */
#define RSA_ALG "\x30\x0d\x06\x09\x2a\x86\x48\x86\xf7\x0d\x01\x01\x01\x05\x00"

/* The validity and the public key, table-driven. */
static void
test_x509_posture(void **state)
{
	/* a 1024-bit modulus: INTEGER of 129 bytes, 00 then 0x80.. */
	static uint8_t rsa1024[300], rsa2047[300], rsa2048[300];
	static const struct {
		const char *what;
		const uint8_t *val;
		size_t vlen;
		const uint8_t *spki; /* NULL: one of the RSA keys below */
		size_t slen;
		int rsa; /* 1024, 2047 or 2048 with spki NULL */
		bool self;
		const char *nb, *na, *key;
		unsigned bits;
	} t[] = {
	    {"UTCTime 2009..2049, EC P-256",
	     S(V_UTC("090101000000Z", "491231235959Z")),
	     S("\x30\x13\x30\x09\x06\x07\x2a\x86\x48\xce\x3d\x02\x01"
	       "\x03\x06\x00\x04\x01\x02\x03\x04"),
	     0, true, "2009-01-01", "2049-12-31", "ec", 0},
	    {"UTCTime 50 is 1950, P-384",
	     S(V_UTC("500101000000Z", "991231000000Z")),
	     S("\x30\x15\x30\x10\x06\x07\x2a\x86\x48\xce\x3d\x02\x01"
	       "\x06\x05\x2b\x81\x04\x00\x22\x03\x01\x00"),
	     0, false, "1950-01-01", "1999-12-31", "ec", 384},
	    {"GeneralizedTime, Ed25519",
	     S(V_GEN("20240229000000Z", "20510101000000Z")),
	     S("\x30\x0a\x30\x05\x06\x03\x2b\x65\x70\x03\x01\x00"), 0, true,
	     "2024-02-29", "2051-01-01", "ed25519", 256},
	    {"not a calendar date: dates not read",
	     S(V_UTC("230230000000Z", "991231000000Z")),
	     S("\x30\x0a\x30\x05\x06\x03\x2b\x65\x71\x03\x01\x00"), 0, true, "",
	     "", "ed448", 456},
	    {"digits wrong: dates not read",
	     S(V_UTC("2x0101000000Z", "991231000000Z")),
	     S("\x30\x0a\x30\x05\x06\x03\x2a\x03\x04\x03\x01\x00"), 0, true, "",
	     "", "other", 0},
	    {"RSA 1024, self-issued",
	     S(V_UTC("200101000000Z", "210101000000Z")), NULL, 0, 1024, true,
	     "2020-01-01", "2021-01-01", "rsa", 1024},
	    {"RSA 2047 (top bit clear)",
	     S(V_UTC("200101000000Z", "210101000000Z")), NULL, 0, 2047, false,
	     "2020-01-01", "2021-01-01", "rsa", 2047},
	    {"RSA 2048", S(V_GEN("20200101000000Z", "20300101000000Z")), NULL,
	     0, 2048, false, "2020-01-01", "2030-01-01", "rsa", 2048},
	    {"no key at all", S(V_UTC("200101000000Z", "210101000000Z")), S(""),
	     0, false, "2020-01-01", "2021-01-01", "", 0},
	};
	static const uint8_t name[] =
	    "\x31\x0d\x30\x0b\x06\x03\x55\x04\x03\x0c\x04test";
	uint8_t cert[800];
	struct cs_x509 x;

	(void)state;
	/* SEQUENCE { RSA_ALG, BIT STRING { 00, SEQUENCE { INTEGER n,
	 * INTEGER 65537 } } } for n of 1024, 2047 and 2048 bits */
	{
		struct {
			uint8_t *out;
			unsigned bits;
		} k[] = {{rsa1024, 1024}, {rsa2047, 2047}, {rsa2048, 2048}};
		for (size_t i = 0; i < 3; i++) {
			uint8_t in[270], seq[280], bs[290];
			size_t nb = k[i].bits / 8 + (k[i].bits % 8 != 0),
			       il = 0, sl = 0, bl = 0, o = 0;
			in[il++] = 0x02;
			il += put_len(in + il, nb + 1);
			in[il++] = 0; /* sign byte */
			memset(in + il, 0x5a, nb);
			in[il] = k[i].bits % 8 ? 0x7f : 0xff;
			il += nb;
			memcpy(in + il, "\x02\x03\x01\x00\x01", 5);
			il += 5;
			seq[sl++] = 0x30;
			sl += put_len(seq + sl, il);
			memcpy(seq + sl, in, il);
			sl += il;
			bs[bl++] = 0x03;
			bl += put_len(bs + bl, sl + 1);
			bs[bl++] = 0;
			memcpy(bs + bl, seq, sl);
			bl += sl;
			k[i].out[o++] = 0x30;
			o += put_len(k[i].out + o, 15 + bl);
			memcpy(k[i].out + o, RSA_ALG, 15);
			memcpy(k[i].out + o + 15, bs, bl);
			assert_true(o + 15 + bl <= sizeof(rsa1024));
		}
	}
	for (size_t i = 0; i < CS_NELEM(t); i++) {
		const uint8_t *spki = t[i].spki;
		size_t slen = t[i].slen, n;
		uint8_t *rk = t[i].rsa == 1024   ? rsa1024
			      : t[i].rsa == 2047 ? rsa2047
						 : rsa2048;
		if (spki == NULL) {
			spki = rk;
			slen = (rk[1] == 0x81   ? 3
				: rk[1] == 0x82 ? 4
						: 2) +
			       (rk[1] == 0x81   ? rk[2]
				: rk[1] == 0x82 ? (size_t)(rk[2] << 8 | rk[3])
						: rk[1]);
		}
		n = make_cert2(cert, name, sizeof(name) - 1, t[i].self,
			       t[i].val, t[i].vlen, spki, slen);
		assert_int_equal(cs_x509_parse_der(cert, n, &x), 0);
		assert_string_equal(x.subject, "CN=test");
		if (strcmp(x.not_before, t[i].nb) != 0 ||
		    strcmp(x.not_after, t[i].na) != 0 ||
		    strcmp(cs_x509_key_name(x.key), t[i].key) != 0 ||
		    x.key_bits != t[i].bits || x.self_issued != t[i].self)
			fail_msg("%s: got %s..%s %s %u self %d", t[i].what,
				 x.not_before, x.not_after,
				 cs_x509_key_name(x.key), x.key_bits,
				 x.self_issued);
	}
	/* the generated Hikvision-subject certificate: P-256, self-issued */
	assert_int_equal(cs_x509_parse(L(hik_pem), &x), 0);
	assert_string_equal(x.not_before, "2026-11-28");
	assert_string_equal(x.not_after, "2036-11-25");
	assert_int_equal(x.key, CS_X509_KEY_EC);
	assert_int_equal(x.key_bits, 256);
	assert_true(x.self_issued);
}

/* ---- SADP ---- */

static const char sadp_match[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n<ProbeMatch>\n"
    "<Uuid>5B7E0F5C-2B6A-4C5E-9D1F-0A1B2C3D4E5F</Uuid>\n"
    "<Types>inquiry</Types>\n<DeviceType>141945</DeviceType>\n"
    "<DeviceDescription>DS-2CD2385G1-I</DeviceDescription>\n"
    "<DeviceSN>DS-2CD2385G1-I20200414AAWRE00000001</DeviceSN>\n"
    "<CommandPort>8000</CommandPort>\n<HttpPort>80</HttpPort>\n"
    "<MAC>58-50-ed-00-00-01</MAC>\n<IPv4Address>192.168.1.64</IPv4Address>\n"
    "<SoftwareVersion>V5.6.2build 190701</SoftwareVersion>\n"
    "<DSPVersion>V7.3 build 190628</DSPVersion>\n<OEMInfo>N/A</OEMInfo>\n"
    "<HCPlatformEnable>flase</HCPlatformEnable>\n</ProbeMatch>\n";

static void
test_sadp(void **state)
{
	struct cs_sadp s;

	(void)state;
	assert_int_equal(cs_sadp_parse(L(sadp_match), &s), 0);
	assert_true(s.probe_match);
	assert_string_equal(s.description, "DS-2CD2385G1-I");
	assert_string_equal(s.software_version, "V5.6.2build 190701");
	assert_string_equal(s.mac, "58-50-ed-00-00-01");
	assert_string_equal(s.device_type, "141945");
	assert_string_equal(s.command_port, "8000");
	assert_string_equal(s.oem_info, "N/A");
	assert_string_equal(s.hc_platform_enable, "flase");
	assert_string_equal(s.activated, "");
	assert_int_equal(
	    cs_sadp_parse(L("<ProbeMatch><Activated>false</Activated>"
			    "<HCPlatformEnable>true</HCPlatformEnable>"
			    "</ProbeMatch>"),
			  &s),
	    0);
	assert_string_equal(s.activated, "false");
	assert_string_equal(s.hc_platform_enable, "true");
	assert_int_equal(
	    cs_sadp_parse(L("<?xml version=\"1.0\"?><Probe><Uuid>x"
			    "</Uuid><Types>inquiry</Types></Probe>"),
			  &s),
	    0);
	assert_false(s.probe_match);
	assert_int_equal(cs_sadp_parse(L(""), &s), CS_EPROTO);
	assert_int_equal(cs_sadp_parse(L("<"), &s), CS_EPROTO);
	assert_int_equal(cs_sadp_parse(L("<DeviceInfo/>"), &s), CS_EPROTO);
	assert_int_equal(cs_sadp_parse(L("<ProbeMatch><MAC>a\0</MAC>"
					 "</ProbeMatch>"),
				       &s),
			 CS_EPROTO);
	assert_int_equal(cs_sadp_parse(L("<!DOCTYPE x [<!ENTITY a \"b\">]>"
					 "<ProbeMatch/>"),
				       &s),
			 CS_EPROTO);
	/* overlong UTF-8 is malformed XML for expat */
	assert_int_equal(cs_sadp_parse(L("<ProbeMatch><Uuid>\xc0\xaf</Uuid>"
					 "</ProbeMatch>"),
				       &s),
			 CS_EPROTO);
	/* a long field is cut, not overflowed */
	{
		char doc[600];
		int k = snprintf(doc, sizeof(doc),
				 "<ProbeMatch><DeviceDescription>");

		memset(doc + k, 'A', 300);
		k += 300;
		k += snprintf(doc + k, sizeof(doc) - (size_t)k,
			      "</DeviceDescription></ProbeMatch>");
		assert_int_equal(
		    cs_sadp_parse((const uint8_t *)doc, (size_t)k, &s), 0);
		assert_int_equal(strlen(s.description), CS_SADP_FIELD - 1);
	}
	{
		uint8_t *big = malloc(CS_XML_MAX + 1);

		assert_non_null(big);
		memset(big, ' ', CS_XML_MAX + 1);
		assert_int_equal(cs_sadp_parse(big, CS_XML_MAX + 1, &s),
				 CS_ELIMIT);
		free(big);
	}
}

/* ---- UPnP ---- */

static const char upnp_desc[] =
    "<?xml version=\"1.0\"?>\n<root xmlns=\"urn:schemas-upnp-org:device-1-0\">"
    "<specVersion><major>1</major><minor>0</minor></specVersion><device>"
    "<deviceType>urn:schemas-upnp-org:device:Basic:1</deviceType>"
    "<friendlyName>AXIS P3343 - 00408C000001</friendlyName>"
    "<manufacturer>AXIS</manufacturer>"
    "<manufacturerURL>http://www.axis.com/</manufacturerURL>"
    "<modelDescription>AXIS P3343 Fixed Dome Network Camera</modelDescription>"
    "<modelName>AXIS P3343</modelName><modelNumber>P3343</modelNumber>"
    "<serialNumber>00408C000001</serialNumber>"
    "<UDN>uuid:Upnp-BasicDevice-1_0-00408C000001</UDN>"
    "<deviceList><device><manufacturer>Other</manufacturer></device>"
    "</deviceList></device></root>";

static void
test_upnp(void **state)
{
	struct cs_upnp u;

	(void)state;
	assert_int_equal(cs_upnp_parse(L(upnp_desc), &u), 0);
	assert_string_equal(u.manufacturer, "AXIS");
	assert_string_equal(u.model_name, "AXIS P3343");
	assert_string_equal(u.model_number, "P3343");
	assert_string_equal(u.friendly_name, "AXIS P3343 - 00408C000001");
	assert_string_equal(u.manufacturer_url, "http://www.axis.com/");
	assert_string_equal(u.serial, "00408C000001");
	assert_int_equal(cs_upnp_parse(L(""), &u), CS_EPROTO);
	assert_int_equal(cs_upnp_parse(L("<"), &u), CS_EPROTO);
	assert_int_equal(cs_upnp_parse(L("<scpd/>"), &u), CS_EPROTO);
	assert_int_equal(cs_upnp_parse(L("<root><a>\r\0</a></root>"), &u),
			 CS_EPROTO);
	assert_int_equal(cs_upnp_parse(L("<!DOCTYPE root><root/>"), &u),
			 CS_EPROTO);
}

/* ---- SSDP ---- */

struct scase {
	const char *name;
	const char *p;
	size_t n;
	int rc;
};

#define SC(name, s, rc)                                                        \
	{                                                                      \
		name, s, sizeof(s) - 1, rc                                     \
	}

static const struct scase ssdp_cases[] = {
    {"empty", "", 0, CS_EPROTO},
    SC("one byte", "H", CS_EPROTO),
    SC("response", "HTTP/1.1 200 OK\r\nST: upnp:rootdevice\r\n\r\n", CS_OK),
    SC("response no reason", "HTTP/1.1 200\r\n\r\n", CS_OK),
    SC("notify", "NOTIFY * HTTP/1.1\r\nNT: upnp:rootdevice\r\n\r\n", CS_OK),
    SC("msearch", "M-SEARCH * HTTP/1.1\r\nST: ssdp:all\r\n", CS_OK),
    SC("bare LF", "NOTIFY * HTTP/1.1\nNT: x\n\n", CS_OK),
    SC("other method", "GET / HTTP/1.1\r\n\r\n", CS_EPROTO),
    SC("bad status", "HTTP/1.1 2x0 OK\r\n\r\n", CS_EPROTO),
    SC("no colon", "HTTP/1.1 200 OK\r\nServer x\r\n\r\n", CS_EPROTO),
    SC("empty name", "HTTP/1.1 200 OK\r\n: x\r\n\r\n", CS_EPROTO),
    SC("CR without LF", "HTTP/1.1 200 OK\r\nServer: a\rb\r\n\r\n", CS_EPROTO),
    SC("NUL", "HTTP/1.1 200 OK\r\nServer: a\0b\r\n\r\n", CS_EPROTO),
    SC("overlong UTF-8 kept", "HTTP/1.1 200 OK\r\nServer: \xc0\xaf\r\n\r\n",
       CS_OK),
    SC("body ignored", "HTTP/1.1 200 OK\r\n\r\n\0\r garbage", CS_OK),
};

static void
test_ssdp(void **state)
{
	static const char axis[] =
	    "HTTP/1.1 200 OK\r\nCACHE-CONTROL: max-age=1800\r\nEXT:\r\n"
	    "LOCATION: http://192.168.1.90:49152/rootdesc1.xml\r\n"
	    "SERVER: Linux/4.9.94-axis5, UPnP/1.0, Portable SDK for UPnP "
	    "devices/1.6.22\r\nST: upnp:rootdevice\r\n"
	    "USN: uuid:Upnp-BasicDevice-1_0-00408C000001::upnp:rootdevice\r\n"
	    "\r\n";
	struct cs_ssdp s;
	char buf[CS_SSDP_MAX + 1];
	int k;

	(void)state;
	assert_int_equal(cs_ssdp_parse(L(axis), &s), 0);
	assert_int_equal(s.kind, CS_SSDP_RESPONSE);
	assert_int_equal(s.status, 200);
	assert_int_equal(s.nhdr, 6);
	assert_memory_equal(s.server.p, "Linux/4.9.94-axis5", 18);
	assert_int_equal(s.st.n, 15);
	assert_memory_equal(s.location.p, "http://192.168.1.90", 19);
	assert_true(s.usn.n > 0);
	assert_true(s.nt.p == NULL);
	for (size_t i = 0; i < CS_NELEM(ssdp_cases); i++) {
		int rc = cs_ssdp_parse((const uint8_t *)ssdp_cases[i].p,
				       ssdp_cases[i].n, &s);

		if (rc != ssdp_cases[i].rc)
			fail_msg("%s: got %d, want %d", ssdp_cases[i].name, rc,
				 ssdp_cases[i].rc);
	}
	/* exactly the cap, and one more */
	k = snprintf(buf, sizeof(buf), "NOTIFY * HTTP/1.1\r\nX: ");
	memset(buf + k, 'a', sizeof(buf) - (size_t)k);
	assert_int_equal(cs_ssdp_parse((const uint8_t *)buf, CS_SSDP_MAX, &s),
			 0);
	assert_int_equal(
	    cs_ssdp_parse((const uint8_t *)buf, CS_SSDP_MAX + 1, &s),
	    CS_ELIMIT);
	/* too many header lines */
	k = snprintf(buf, sizeof(buf), "NOTIFY * HTTP/1.1\r\n");
	for (int i = 0; i <= CS_SSDP_HDR_MAX; i++)
		k +=
		    snprintf(buf + k, sizeof(buf) - (size_t)k, "H%d: v\r\n", i);
	assert_int_equal(cs_ssdp_parse((const uint8_t *)buf, (size_t)k, &s),
			 CS_ELIMIT);
}

/* ---- DHIP JSON ---- */

#define DHIP_BODY                                                              \
	"{\"mac\":\"3c:ef:8c:00:00:01\",\"method\":\"client.notifyDevInfo\","  \
	"\"params\":{\"deviceInfo\":{\"DeviceClass\":\"IPC\",\"DeviceType\":"  \
	"\"IPC-HDW1431T1-S4\",\"HttpPort\":80,\"Manufacturer\":\"Private\","   \
	"\"Port\":37777,\"SerialNo\":\"7J00000000000\",\"Vendor\":"            \
	"\"Private\",\"Version\":\"2.800.0000000.13.R\"}}}\n"

static void
test_dhip(void **state)
{
	struct cs_dhip_info h;
	uint8_t frame[1024];
	size_t n;

	(void)state;
	assert_int_equal(cs_dhip_info_parse(L(DHIP_BODY), &h), 0);
	assert_false(h.framed);
	assert_string_equal(h.device_type, "IPC-HDW1431T1-S4");
	assert_string_equal(h.device_class, "IPC");
	assert_string_equal(h.vendor, "Private");
	assert_string_equal(h.version, "2.800.0000000.13.R");
	assert_string_equal(h.mac, "3c:ef:8c:00:00:01");
	assert_string_equal(h.method, "client.notifyDevInfo");
	n = cs_dhip_build(frame, sizeof(frame), 0, 0, DHIP_BODY);
	assert_true(n > 32);
	assert_int_equal(cs_dhip_info_parse(frame, n, &h), 0);
	assert_true(h.framed);
	assert_string_equal(h.device_type, "IPC-HDW1431T1-S4");
	/* body length past the end */
	assert_int_equal(cs_dhip_info_parse(frame, n - 1, &h), CS_ETRUNC);
	/* header alone cut short, wrong magic */
	assert_int_equal(cs_dhip_info_parse(frame, 10, &h), CS_ETRUNC);
	frame[4] = 'X';
	assert_int_equal(cs_dhip_info_parse(frame, n, &h), CS_EPROTO);
	assert_int_equal(cs_dhip_info_parse(L(""), &h), CS_ETRUNC);
	assert_int_equal(cs_dhip_info_parse(L("{"), &h), CS_ETRUNC);
	assert_int_equal(cs_dhip_info_parse(L("[1]"), &h), CS_EPROTO);
	assert_int_equal(cs_dhip_info_parse(L("null"), &h), CS_EPROTO);
	assert_int_equal(cs_dhip_info_parse(L("{}x"), &h), CS_EPROTO);
	assert_int_equal(cs_dhip_info_parse(L("{\"mac\":\"\xc0\xaf\"}"), &h),
			 0);
	assert_int_equal(cs_dhip_info_parse(L("{\"mac\":\"a\0b\"}"), &h),
			 CS_EPROTO);
	/* a top-level deviceInfo and the MAC inside it */
	assert_int_equal(cs_dhip_info_parse(L("{\"deviceInfo\":{\"MAC\":\"x\","
					      "\"DeviceType\":\"NVR4108\"}}"),
					    &h),
			 0);
	assert_string_equal(h.device_type, "NVR4108");
	assert_string_equal(h.mac, "x");
	/* a length over the DHIP cap */
	memcpy(frame,
	       "\x20\x00\x00\x00"
	       "DHIP",
	       8);
	memset(frame + 8, 0, 24);
	frame[0x12] = 0x10; /* 1 MiB */
	frame[0x1a] = 0x10;
	assert_int_equal(cs_dhip_info_parse(frame, 32, &h), CS_ELIMIT);
}

/*
 * The fast path of cs_dhip_info_parse (issue #17) gives what json-c
 * gives, byte for byte, and takes the plain replies; anything outside
 * its subset goes to json-c.  Each body is parsed with the fast path on
 * and off and the results compared; fast says whether it must be taken.
 */
static void
test_dhip_fast(void **state)
{
	static const struct {
		const char *doc;
		bool fast;
	} t[] = {
	    {DHIP_BODY, true},
	    {" {\"mac\":\"\",\"params\":{\"deviceInfo\":{\"MAC\":\"m\","
	     "\"DeviceType\":\"\",\"Version\":12,\"Vendor\":true,"
	     "\"SerialNo\":-7,\"MachineName\":null,\"DeviceClass\":{}}},"
	     "\"deviceInfo\":{\"DeviceType\":\"top\",\"MachineName\":\"mn\","
	     "\"DeviceClass\":\"NVR\",\"Manufacturer\":false}}\r\n",
	     true},
	    {"{\"deviceInfo\":{\"MAC\":\"x\",\"DeviceType\":\"T\"},\"mac\":5}",
	     true},
	    {"{\"params\":{\"deviceInfo\":[1,2]},\"deviceInfo\":{\"Version\":"
	     "\"v\",\"x\":[{\"a\":[]},0.5,-1.25,0,\"s\"]}}",
	     true},
	    {"{\"params\":5,\"deviceInfo\":{\"Vendor\":\"V\"}}", true},
	    {"{}", true},
	    /* left to json-c */
	    {"{\"mac\":\"a\\\"b\"}", false},
	    {"{\"mac\":\"\xc3\xa9\"}", false},
	    {"{\"params\":{\"deviceInfo\":{\"Version\":1.5}}}", false},
	    {"{\"params\":{\"deviceInfo\":{\"Version\":-0}}}", false},
	    {"{\"params\":{\"deviceInfo\":{\"Version\":1e3}}}", false},
	    {"{\"x\":1e3}", false},
	    {"{\"params\":{\"deviceInfo\":{\"Version\":"
	     "12345678901234567890}}}",
	     false},
	    {"{\"mac\":\"a\",\"mac\":\"b\"}", false},
	    {"{\"params\":{},\"params\":{\"deviceInfo\":{\"Vendor\":\"V\"}}}",
	     false},
	    {"{\"deviceInfo\":{\"Vendor\":\"V\",\"Vendor\":\"W\"}}", false},
	    {"{\"mac\":'a'}", false},
	    {"{\"mac\":\"a\",}", false},
	    {"{\"mac\":\"a\"} /* c */", false},
	    {"{\"mac\":NaN}", false},
	    {"{\"mac\":\"a\"", false},
	    {"{\"a\":[[[[[[[[[[1]]]]]]]]]]}", false},
	    {"[1]", false},
	    {"{\"mac\":\"a\"}x", false},
	    {"{\"mac\":\"a\tb\"}", false},
	};
	struct cs_dhip_info a, b;

	(void)state;
	for (size_t i = 0; i < CS_NELEM(t); i++) {
		const uint8_t *p = (const uint8_t *)t[i].doc;
		size_t n = strlen(t[i].doc);
		unsigned long c0 = cs_dhip_fast_count();
		int ra, rb;

		ra = cs_dhip_info_parse(p, n, &a);
		if ((cs_dhip_fast_count() - c0 == 1) != t[i].fast)
			fail_msg("body %zu: fast path %s", i,
				 t[i].fast ? "not taken" : "taken");
		assert_true(cs_dhip_fast_set(false));
		rb = cs_dhip_info_parse(p, n, &b);
		assert_false(cs_dhip_fast_set(true));
		if (ra != rb || memcmp(&a, &b, sizeof(a)) != 0)
			fail_msg("body %zu: the fast path differs from json-c "
				 "(%d/%d)",
				 i, ra, rb);
	}
	/* a NUL after the object: json-c's (cs_json_parse allows it) */
	{
		unsigned long c0 = cs_dhip_fast_count();

		assert_int_equal(cs_dhip_info_parse(L("{\"mac\":\"a\"}\0"), &a),
				 0);
		assert_int_equal(cs_dhip_fast_count(), c0);
		assert_string_equal(a.mac, "a");
	}
	/* what it read is what the body says */
	assert_int_equal(cs_dhip_info_parse(L(" {\"mac\":\"\",\"params\":{"
					      "\"deviceInfo\":{\"MAC\":\"m\","
					      "\"DeviceType\":\"\",\"Version\":"
					      "12,\"Vendor\":true,\"SerialNo\":"
					      "-7,\"MachineName\":null}},"
					      "\"deviceInfo\":{\"DeviceType\":"
					      "\"top\",\"MachineName\":\"mn\","
					      "\"DeviceClass\":\"NVR\"}}"),
					    &a),
			 0);
	assert_string_equal(a.mac, "m");
	assert_string_equal(a.device_type, "");
	assert_string_equal(a.version, "12");
	assert_string_equal(a.vendor, "true");
	assert_string_equal(a.serial, "-7");
	assert_string_equal(a.machine_name, "mn");
	assert_string_equal(a.device_class, "NVR");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_mdns_axis),
	    cmocka_unit_test(test_mdns_table),
	    cmocka_unit_test(test_mdns_caps),
	    cmocka_unit_test(test_x509),
	    cmocka_unit_test(test_x509_posture),
	    cmocka_unit_test(test_sadp),
	    cmocka_unit_test(test_upnp),
	    cmocka_unit_test(test_ssdp),
	    cmocka_unit_test(test_dhip),
	    cmocka_unit_test(test_dhip_fast),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
