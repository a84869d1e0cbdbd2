/* SPDX-License-Identifier: ISC */
/* X.509 subject and issuer names; see parse_x509.h. */
#include "parse/parse_x509.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "core/rd.h"
#include "core/str.h"
#include "core/text.h"
#include "core/poison.h"

static const char pem_begin[] = "-----BEGIN CERTIFICATE-----";
static const char pem_end[] = "-----END CERTIFICATE-----";

/* One more than the value of each base64 character, 0 for others. */
static const uint8_t b64val1[256] = {
#define R(c0, v0, nc)                                                          \
	[c0] = v0 + 1, [c0 + 1] = v0 + 2, [c0 + 2] = v0 + 3,                   \
	[c0 + 3] = v0 + 4, [c0 + 4] = v0 + 5
    R('A', 0, 5),  R('F', 5, 5),  R('K', 10, 5), R('P', 15, 5),
    R('U', 20, 5), ['Z'] = 26,    R('a', 26, 5), R('f', 31, 5),
    R('k', 36, 5), R('p', 41, 5), R('u', 46, 5), ['z'] = 52,
    R('0', 52, 5), R('5', 57, 5), ['+'] = 63,    ['/'] = 64,
#undef R
};

static int
b64val(uint8_t c)
{
	return (int)b64val1[c] - 1;
}

int
cs_x509_pem_decode(const uint8_t *p, size_t n, uint8_t *der, size_t cap,
		   size_t *derlen)
{
	struct cs_span s = cs_span_make(p, n);
	long b, e;
	uint32_t acc = 0;
	unsigned bits = 0, pad = 0;
	size_t k = 0;

	*derlen = 0;
	if (n > CS_X509_PEM_MAX)
		return CS_ELIMIT;
	if (memchr(p, '\0', n) != NULL)
		return CS_EPROTO;
	b = cs_span_find(s, pem_begin, sizeof(pem_begin) - 1, false);
	if (b < 0)
		return CS_EPROTO;
	s.p += (size_t)b + sizeof(pem_begin) - 1;
	s.n -= (size_t)b + sizeof(pem_begin) - 1;
	e = cs_span_find(s, pem_end, sizeof(pem_end) - 1, false);
	if (e < 0)
		return CS_ETRUNC;
	for (size_t i = 0; i < (size_t)e; i++) {
		uint8_t c;
		int v;

		/* four characters at a time to three bytes, the most of a
		 * line; anything else (line ends, padding, junk, the end of
		 * the buffer) one character at a time below */
		while (bits == 0 && pad == 0 && (size_t)e - i >= 4 &&
		       cap - k >= 3) {
			unsigned a = b64val1[s.p[i]], b2 = b64val1[s.p[i + 1]],
				 c2 = b64val1[s.p[i + 2]],
				 d = b64val1[s.p[i + 3]];
			uint32_t g;

			if (a == 0 || b2 == 0 || c2 == 0 || d == 0)
				break;
			g = (a - 1) << 18 | (b2 - 1) << 12 | (c2 - 1) << 6 |
			    (d - 1);
			der[k++] = (uint8_t)(g >> 16);
			der[k++] = (uint8_t)(g >> 8);
			der[k++] = (uint8_t)g;
			i += 4;
		}
		if (i >= (size_t)e)
			break;
		c = s.p[i];

		if (c == ' ' || c == '\t' || c == '\r' || c == '\n')
			continue;
		if (c == '=') {
			pad++;
			continue;
		}
		if (pad || (v = b64val(c)) < 0)
			return CS_EPROTO; /* data after padding, or junk */
		acc = (acc << 6) | (uint32_t)v;
		bits += 6;
		if (bits >= 8) {
			bits -= 8;
			if (k >= cap)
				return CS_ELIMIT;
			der[k++] = (uint8_t)(acc >> bits);
			acc &= (1u << bits) - 1;
		}
	}
	/* 0, 2 or 3 leftover characters: 0, 12 or 18 bits; pad to 4. */
	if (pad > 2 || bits >= 6)
		return CS_EPROTO;
	*derlen = k;
	return 0;
}

/* One DER TLV: tag byte, content span. */
static int
tlv(struct cs_rd *r, uint8_t *tag, struct cs_span *v)
{
	uint8_t l;
	size_t len = 0;

	*tag = cs_rd_u8(r);
	l = cs_rd_u8(r);
	if (!cs_rd_ok(r))
		return CS_ETRUNC;
	if ((*tag & 0x1F) == 0x1F)
		return CS_EPROTO; /* high tag numbers never occur here */
	if (l & 0x80) {
		unsigned nb = l & 0x7F;

		if (nb == 0)
			return CS_EPROTO; /* indefinite: not DER */
		if (nb > 4)
			return CS_ELIMIT;
		for (unsigned i = 0; i < nb; i++)
			len = (len << 8) | cs_rd_u8(r);
		if (!cs_rd_ok(r))
			return CS_ETRUNC;
		/* Non-minimal: a short length in long form, or a leading
		 * zero byte (0x81 0xNN with NN >= 0x80 is minimal). */
		if (len < 0x80 || (nb > 1 && (len >> (8 * (nb - 1))) == 0))
			return CS_EPROTO;
	} else {
		len = l;
	}
	if (!cs_rd_bytes(r, len, v))
		return CS_ETRUNC;
	return 0;
}

static int
expect(struct cs_rd *r, uint8_t want, struct cs_span *v)
{
	uint8_t tag;
	int rc = tlv(r, &tag, v);

	if (rc == 0 && tag != want)
		rc = CS_EPROTO;
	return rc;
}

struct dn {
	char *s;
	size_t sz, k;
};

static void
dn_put(struct dn *d, char c)
{
	if (d->k + 1 < d->sz)
		d->s[d->k++] = c;
	d->s[d->k] = '\0';
}

static void
dn_puts(struct dn *d, const char *s)
{
	while (*s)
		dn_put(d, *s++);
}

static void
dn_hex(struct dn *d, uint8_t c)
{
	static const char hex[] = "0123456789ABCDEF";

	dn_put(d, hex[c >> 4]);
	dn_put(d, hex[c & 15]);
}

/*
 * Appends sep (if not NUL) and v in decimal to out (k bytes used, room
 * outsz), NUL-terminated; CS_ELIMIT where snprintf would have cut it.
 * (snprintf per arc was most of the time of reading a certificate.)
 */
static int
put_arc(char *out, size_t outsz, size_t *k, char sep, uint64_t v)
{
	char d[24];
	size_t n = 0, w;

	do
		d[n++] = (char)('0' + v % 10);
	while ((v /= 10) != 0);
	w = n + (sep != '\0');
	if (w >= outsz - *k)
		return CS_ELIMIT;
	if (sep != '\0')
		out[(*k)++] = sep;
	while (n > 0)
		out[(*k)++] = d[--n];
	out[*k] = '\0';
	return 0;
}

static int
oid_text(struct cs_span o, char *out, size_t outsz)
{
	uint64_t arc = 0;
	size_t k = 0, bytes = 0;
	bool first = true;

	if (o.n == 0 || (o.p[o.n - 1] & 0x80))
		return CS_EPROTO;
	out[0] = '\0';
	for (size_t i = 0; i < o.n; i++) {
		if (bytes == 0 && o.p[i] == 0x80)
			return CS_EPROTO; /* non-minimal arc */
		if (++bytes > 9)
			return CS_EPROTO;
		arc = (arc << 7) | (o.p[i] & 0x7F);
		if (o.p[i] & 0x80)
			continue;
		if (first) {
			unsigned a = arc < 40 ? 0 : arc < 80 ? 1 : 2;

			if (put_arc(out, outsz, &k, '\0', a) != 0 ||
			    put_arc(out, outsz, &k, '.', arc - 40u * a) != 0)
				return CS_ELIMIT;
			first = false;
		} else if (put_arc(out, outsz, &k, '.', arc) != 0) {
			return CS_ELIMIT;
		}
		arc = 0;
		bytes = 0;
	}
	return 0;
}

static const struct {
	const char *oid, *name;
} attr_names[] = {
    {"2.5.4.3", "CN"},
    {"2.5.4.6", "C"},
    {"2.5.4.7", "L"},
    {"2.5.4.8", "ST"},
    {"2.5.4.10", "O"},
    {"2.5.4.11", "OU"},
    {"2.5.4.9", "STREET"},
    {"2.5.4.5", "serialNumber"},
    {"0.9.2342.19200300.100.1.25", "DC"},
    {"0.9.2342.19200300.100.1.1", "UID"},
    {"1.2.840.113549.1.9.1", "emailAddress"},
};

/* Appends code point cp as UTF-8 with RFC 4514 escaping. */
static void
dn_cp(struct dn *d, unsigned long cp, bool first, bool last)
{
	if (cp == 0 || cp < 0x20 || cp == 0x7F) {
		dn_put(d, '\\');
		dn_hex(d, (uint8_t)cp);
		return;
	}
	if (cp < 0x80) {
		char c = (char)cp;

		if (strchr(",+\"\\<>;=", c) != NULL ||
		    (first && (c == '#' || c == ' ')) || (last && c == ' '))
			dn_put(d, '\\');
		dn_put(d, c);
		return;
	}
	if (cp < 0x800) {
		dn_put(d, (char)(0xC0 | (cp >> 6)));
	} else if (cp < 0x10000) {
		dn_put(d, (char)(0xE0 | (cp >> 12)));
		dn_put(d, (char)(0x80 | ((cp >> 6) & 0x3F)));
	} else {
		dn_put(d, (char)(0xF0 | (cp >> 18)));
		dn_put(d, (char)(0x80 | ((cp >> 12) & 0x3F)));
		dn_put(d, (char)(0x80 | ((cp >> 6) & 0x3F)));
	}
	dn_put(d, (char)(0x80 | (cp & 0x3F)));
}

/* Appends a string value of ASN.1 type tag; returns false if not a string. */
static bool
dn_value(struct dn *d, uint8_t tag, struct cs_span v)
{
	size_t step, i, count;

	switch (tag) {
	case 0x0C: /* UTF8String: bytes as they are, escaped */
	case 0x13: /* PrintableString */
	case 0x16: /* IA5String */
	case 0x1A: /* VisibleString */
	case 0x14: /* TeletexString: treated as Latin-1 below if not ASCII */
		step = 1;
		break;
	case 0x1E: /* BMPString */
		step = 2;
		break;
	case 0x1C: /* UniversalString */
		step = 4;
		break;
	default:
		return false;
	}
	if (v.n % step != 0)
		return false;
	count = v.n / step;
	for (i = 0; i < count; i++) {
		const uint8_t *q = v.p + i * step;
		unsigned long cp;
		bool first = i == 0, last = i + 1 == count;

		if (step == 2) {
			cp = ((unsigned long)q[0] << 8) | q[1];
		} else if (step == 4) {
			cp = ((unsigned long)q[0] << 24) |
			     ((unsigned long)q[1] << 16) |
			     ((unsigned long)q[2] << 8) | q[3];
		} else if (tag == 0x0C && q[0] >= 0x80) {
			/* Copy a valid UTF-8 sequence; escape bad bytes. */
			size_t len = 1;

			while (len < 4 && i + len < count &&
			       (v.p[i + len] & 0xC0) == 0x80)
				len++;
			if ((q[0] & 0xE0) == 0xC0 && len >= 2 && q[0] >= 0xC2)
				len = 2;
			else if ((q[0] & 0xF0) == 0xE0 && len >= 3)
				len = 3;
			else if ((q[0] & 0xF8) == 0xF0 && len >= 4 &&
				 q[0] <= 0xF4)
				len = 4;
			else
				len = 0;
			if (len == 0) {
				dn_put(d, '\\');
				dn_hex(d, q[0]);
				continue;
			}
			for (size_t j = 0; j < len; j++)
				dn_put(d, (char)q[j]);
			i += len - 1;
			continue;
		} else {
			cp = q[0]; /* ASCII, or Latin-1 for Teletex */
		}
		if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
			cp = 0xFFFD;
		dn_cp(d, cp, first, last);
	}
	return true;
}

/* Parses a Name and writes its RFC 4514 text. */
static int
parse_name(struct cs_span name, char *out, size_t outsz)
{
	struct cs_span rdn[CS_X509_RDN_MAX];
	size_t nrdn = 0;
	struct cs_rd r;
	struct dn d = {out, outsz, 0};
	int rc;

	out[0] = '\0';
	cs_rd_init(&r, name.p, name.n);
	while (cs_rd_left(&r) > 0) {
		if (nrdn >= CS_X509_RDN_MAX)
			return CS_ELIMIT;
		if ((rc = expect(&r, 0x31, &rdn[nrdn])) != 0)
			return rc;
		nrdn++;
	}
	/* RFC 4514 §2.1: the last RDN of the sequence comes first. */
	for (size_t i = nrdn; i-- > 0;) {
		struct cs_rd s;
		bool firstav = true;

		if (i + 1 < nrdn)
			dn_put(&d, ',');
		cs_rd_init(&s, rdn[i].p, rdn[i].n);
		while (cs_rd_left(&s) > 0) {
			struct cs_span atv, oid, val;
			struct cs_rd a;
			char oidtxt[96];
			const char *nm = NULL;
			uint8_t tag;

			if ((rc = expect(&s, 0x30, &atv)) != 0)
				return rc;
			cs_rd_init(&a, atv.p, atv.n);
			if ((rc = expect(&a, 0x06, &oid)) != 0)
				return rc;
			if ((rc = tlv(&a, &tag, &val)) != 0)
				return rc;
			if ((rc = oid_text(oid, oidtxt, sizeof(oidtxt))) != 0)
				return rc;
			for (size_t j = 0; j < CS_NELEM(attr_names); j++)
				if (strcmp(attr_names[j].oid, oidtxt) == 0)
					nm = attr_names[j].name;
			if (!firstav)
				dn_put(&d, '+');
			firstav = false;
			dn_puts(&d, nm ? nm : oidtxt);
			dn_put(&d, '=');
			if (!dn_value(&d, tag, val)) {
				/* Not a string: #hex of the whole TLV value. */
				dn_put(&d, '#');
				dn_hex(&d, tag);
				dn_hex(&d, (uint8_t)CS_MIN(val.n, 0x7F));
				for (size_t j = 0; j < val.n && j < 0x7F; j++)
					dn_hex(&d, val.p[j]);
			}
		}
	}
	return 0;
}

const char *
cs_x509_key_name(enum cs_x509_key k)
{
	switch (k) {
	case CS_X509_KEY_RSA:
		return "rsa";
	case CS_X509_KEY_EC:
		return "ec";
	case CS_X509_KEY_DSA:
		return "dsa";
	case CS_X509_KEY_ED25519:
		return "ed25519";
	case CS_X509_KEY_ED448:
		return "ed448";
	case CS_X509_KEY_OTHER:
		return "other";
	case CS_X509_KEY_NONE:
		break;
	}
	return "";
}

/* n decimal digits at p, or -1. */
static int
digits(const uint8_t *p, size_t n)
{
	int v = 0;

	for (size_t i = 0; i < n; i++) {
		if (p[i] < '0' || p[i] > '9')
			return -1;
		v = v * 10 + (p[i] - '0');
	}
	return v;
}

/*
 * A validity time (UTCTime 0x17 or GeneralizedTime 0x18) as "YYYY-MM-DD"
 * into out[11]; only the date is read, and it must be a calendar date.
 */
static int
vtime(uint8_t tag, struct cs_span v, char out[11])
{
	size_t yl = tag == 0x17 ? 2 : 4;
	int y, m, d;
	char tmp[40];
	struct cs_date cd;

	if ((tag != 0x17 && tag != 0x18) || v.n < yl + 4 || v.n > 32)
		return CS_EPROTO;
	y = digits(v.p, yl);
	m = digits(v.p + yl, 2);
	d = digits(v.p + yl + 2, 2);
	if (y < 0 || m < 0 || d < 0)
		return CS_EPROTO;
	if (tag == 0x17) /* RFC 5280 4.1.2.5.1 */
		y += y >= 50 ? 1900 : 2000;
	if (snprintf(tmp, sizeof(tmp), "%04d-%02d-%02d", y, m, d) != 10 ||
	    cs_date_parse(cs_span_make(tmp, 10), CS_DATE_CALENDAR, &cd) != 0)
		return CS_EPROTO;
	memcpy(out, tmp, 11);
	return 0;
}

static int
parse_validity(struct cs_span val, struct cs_x509 *out)
{
	struct cs_rd r;
	struct cs_span v;
	uint8_t tag;
	int rc;

	cs_rd_init(&r, val.p, val.n);
	if ((rc = tlv(&r, &tag, &v)) != 0 ||
	    (rc = vtime(tag, v, out->not_before)) != 0)
		return rc;
	if ((rc = tlv(&r, &tag, &v)) != 0 ||
	    (rc = vtime(tag, v, out->not_after)) != 0)
		return rc;
	return 0;
}

/* Bits of a positive big-endian integer (leading zero bytes skipped). */
static unsigned
int_bits(struct cs_span v)
{
	size_t i = 0;
	unsigned b;

	while (i < v.n && v.p[i] == 0)
		i++;
	if (i == v.n)
		return 0;
	b = (unsigned)(v.n - i - 1) * 8;
	for (uint8_t x = v.p[i]; x != 0; x >>= 1)
		b++;
	return b;
}

static bool
oid_is(struct cs_span v, const char *der, size_t n)
{
	return v.n == n && memcmp(v.p, der, n) == 0;
}

#define OID(s) s, sizeof(s) - 1

/* SubjectPublicKeyInfo: the algorithm and the key's size. */
static int
parse_spki(struct cs_span spki, struct cs_x509 *out)
{
	struct cs_rd r, a;
	struct cs_span alg, oid, param, bits, v;
	uint8_t tag;
	int rc;

	cs_rd_init(&r, spki.p, spki.n);
	if ((rc = expect(&r, 0x30, &alg)) != 0)
		return rc;
	cs_rd_init(&a, alg.p, alg.n);
	if ((rc = expect(&a, 0x06, &oid)) != 0)
		return rc;
	param.p = NULL;
	param.n = 0;
	tag = 0;
	if (cs_rd_left(&a) > 0 && (rc = tlv(&a, &tag, &param)) != 0)
		return rc;
	if ((rc = expect(&r, 0x03, &bits)) != 0)
		return rc;
	out->key = CS_X509_KEY_OTHER;
	out->key_bits = 0;
	if (oid_is(oid, OID("\x2a\x86\x48\x86\xf7\x0d\x01\x01\x01"))) {
		struct cs_rd k;
		struct cs_span seq;
		/* BIT STRING: unused-bits byte 0, then RSAPublicKey */
		out->key = CS_X509_KEY_RSA;
		if (bits.n < 1 || bits.p[0] != 0)
			return CS_EPROTO;
		cs_rd_init(&k, bits.p + 1, bits.n - 1);
		if ((rc = expect(&k, 0x30, &seq)) != 0)
			return rc;
		cs_rd_init(&k, seq.p, seq.n);
		if ((rc = expect(&k, 0x02, &v)) != 0)
			return rc;
		out->key_bits = int_bits(v);
	} else if (oid_is(oid, OID("\x2a\x86\x48\xce\x3d\x02\x01"))) {
		out->key = CS_X509_KEY_EC;
		if (tag == 0x06) {
			if (oid_is(param,
				   OID("\x2a\x86\x48\xce\x3d\x03\x01\x07")))
				out->key_bits = 256;
			else if (oid_is(param, OID("\x2b\x81\x04\x00\x22")))
				out->key_bits = 384;
			else if (oid_is(param, OID("\x2b\x81\x04\x00\x23")))
				out->key_bits = 521;
		}
	} else if (oid_is(oid, OID("\x2a\x86\x48\xce\x38\x04\x01"))) {
		struct cs_rd k;
		out->key = CS_X509_KEY_DSA;
		if (tag == 0x30) { /* Dss-Parms: p, q, g */
			cs_rd_init(&k, param.p, param.n);
			if ((rc = expect(&k, 0x02, &v)) != 0)
				return rc;
			out->key_bits = int_bits(v);
		}
	} else if (oid_is(oid, OID("\x2b\x65\x70"))) {
		out->key = CS_X509_KEY_ED25519;
		out->key_bits = 256;
	} else if (oid_is(oid, OID("\x2b\x65\x71"))) {
		out->key = CS_X509_KEY_ED448;
		out->key_bits = 456;
	}
	return 0;
}

int
cs_x509_parse_der(const uint8_t *p, size_t n, struct cs_x509 *out)
{
	struct cs_span cert, tbs, v, issuer, subject, validity, spki;
	struct cs_rd r, t;
	uint8_t tag;
	int rc;

	memset(out, 0, sizeof(*out));
	if (n > CS_X509_DER_MAX)
		return CS_ELIMIT;
	cs_rd_init(&r, p, n);
	if ((rc = expect(&r, 0x30, &cert)) != 0)
		return rc;
	cs_rd_init(&r, cert.p, cert.n);
	if ((rc = expect(&r, 0x30, &tbs)) != 0)
		return rc;
	cs_rd_init(&t, tbs.p, tbs.n);
	if ((rc = tlv(&t, &tag, &v)) != 0)
		return rc;
	if (tag == 0xA0) { /* [0] EXPLICIT version */
		if ((rc = tlv(&t, &tag, &v)) != 0)
			return rc;
	}
	if (tag != 0x02) /* serialNumber */
		return CS_EPROTO;
	if ((rc = expect(&t, 0x30, &v)) != 0) /* signature algorithm */
		return rc;
	if ((rc = expect(&t, 0x30, &issuer)) != 0)
		return rc;
	if ((rc = expect(&t, 0x30, &validity)) != 0)
		return rc;
	if ((rc = expect(&t, 0x30, &subject)) != 0)
		return rc;
	if ((rc = parse_name(issuer, out->issuer, sizeof(out->issuer))) != 0)
		return rc;
	if ((rc = parse_name(subject, out->subject, sizeof(out->subject))) != 0)
		return rc;
	out->self_issued =
	    issuer.n == subject.n && memcmp(issuer.p, subject.p, issuer.n) == 0;
	/* The names are what identification needs: a validity or key that
	 * does not read leaves those fields empty, not the names. */
	if (parse_validity(validity, out) != 0)
		out->not_before[0] = out->not_after[0] = '\0';
	if (expect(&t, 0x30, &spki) != 0 || parse_spki(spki, out) != 0) {
		out->key = CS_X509_KEY_NONE;
		out->key_bits = 0;
	}
	return 0;
}

int
cs_x509_parse(const uint8_t *p, size_t n, struct cs_x509 *out)
{
	uint8_t der[CS_X509_DER_MAX];
	size_t len;
	int rc;

	memset(out, 0, sizeof(*out));
	if (cs_span_find(cs_span_make(p, n), pem_begin, sizeof(pem_begin) - 1,
			 false) < 0)
		return cs_x509_parse_der(p, n, out);
	if ((rc = cs_x509_pem_decode(p, n, der, sizeof(der), &len)) != 0)
		return rc;
	return cs_x509_parse_der(der, len, out);
}
