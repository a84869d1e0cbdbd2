/* SPDX-License-Identifier: ISC */
/*
 * X.509 certificates: PEM armour is removed and the DER structure is
 * walked with a small bounded reader, far enough to find the issuer and
 * subject names, which are returned as RFC 4514 strings (last RDN first,
 * e.g.
 * "CN=www.hikvision.com,OU=DVRNVR,O=HIKVISION,L=HangZhou,ST=ZheJiang,C=CN").
 * The validity dates, the public key's algorithm and size and whether the
 * certificate names itself as its issuer are read too, for the posture
 * checks (docs/exposure.md).  Nothing is verified: this is for
 * identification and posture, not trust.  Pure and bounded, no
 * allocation.
 */
#ifndef CS_PARSE_PARSE_X509_H
#define CS_PARSE_PARSE_X509_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/cs.h"

#define CS_X509_PEM_MAX 65536 /* bytes of PEM text */
#define CS_X509_DER_MAX 16384 /* bytes of one DER certificate */
#define CS_X509_DN_MAX 1024   /* bytes of one DN string, with NUL */
#define CS_X509_RDN_MAX 32    /* attributes per name */

/* The public key's algorithm (SubjectPublicKeyInfo). */
enum cs_x509_key {
	CS_X509_KEY_NONE = 0, /* not read (an error before it) */
	CS_X509_KEY_RSA,      /* rsaEncryption; bits = modulus size */
	CS_X509_KEY_EC,       /* id-ecPublicKey; bits = the named curve's
				 size, 0 when the curve is not one of
				 P-256, P-384, P-521 */
	CS_X509_KEY_DSA,      /* id-dsa; bits = size of p */
	CS_X509_KEY_ED25519,  /* bits 256 */
	CS_X509_KEY_ED448,    /* bits 456 */
	CS_X509_KEY_OTHER,    /* any other algorithm; bits 0 */
};

struct cs_x509 {
	char subject[CS_X509_DN_MAX]; /* RFC 4514; cut to fit */
	char issuer[CS_X509_DN_MAX];
	/* validity, as calendar dates YYYY-MM-DD (UTC); "" when not read */
	char not_before[11], not_after[11];
	bool self_issued; /* the issuer Name is byte for byte the subject
			     Name (a self-signed certificate; its signature is
			     not checked) */
	enum cs_x509_key key;
	unsigned key_bits; /* see enum cs_x509_key */
};

/* "rsa", "ec", "dsa", "ed25519", "ed448", "other" ("" for NONE). */
const char *cs_x509_key_name(enum cs_x509_key k);

/*
 * Decodes the first "-----BEGIN CERTIFICATE-----" block of the PEM text
 * at p (n bytes; text before the block is ignored) into der (cap bytes).
 * Whitespace inside the base64 is skipped.  Returns 0 and sets *derlen;
 * CS_EPROTO if there is no BEGIN line, a byte outside base64, bad
 * padding or a NUL; CS_ETRUNC if the END line is missing; CS_ELIMIT if
 * n exceeds CS_X509_PEM_MAX or the result exceeds cap.
 */
int cs_x509_pem_decode(const uint8_t *p, size_t n, uint8_t *der, size_t cap,
		       size_t *derlen);

/*
 * Parses the DER certificate at p (n bytes) into out.  Attribute types
 * print as CN, C, L, ST, O, OU, STREET, DC, UID, serialNumber and
 * emailAddress, others as a dotted OID; string values (UTF8, Printable,
 * IA5, Teletex, Visible, BMP, Universal) are printed as UTF-8 with
 * RFC 4514 escapes (control bytes and NUL become \XX hex escapes), other
 * values as #hex.  Multi-valued RDNs are joined with '+'.
 *
 * The validity's UTCTime (YYMMDDHHMMSSZ, years 50-99 are 19xx) and
 * GeneralizedTime (YYYYMMDDHHMMSSZ) become dates; a time that is not a
 * calendar date is not read.  An RSA modulus counts its bits without
 * leading zeros; a DSA key's size is that of its p parameter.  A
 * validity or public key that does not read leaves its fields empty
 * (not_after "", key CS_X509_KEY_NONE): the names are still returned.
 *
 * Returns 0; CS_ETRUNC if a length runs past the end of the input;
 * CS_EPROTO for a wrong tag, an indefinite or non-minimal length, or a
 * malformed OID or string; CS_ELIMIT if n exceeds CS_X509_DER_MAX, a
 * name has more than CS_X509_RDN_MAX attributes or a length field needs
 * more than 4 bytes.  Fields may be partly filled on error.
 */
int cs_x509_parse_der(const uint8_t *p, size_t n, struct cs_x509 *out);

/*
 * Parses a certificate given as PEM (if it contains a BEGIN CERTIFICATE
 * line) or as DER otherwise.  Returns as the two functions above.
 */
int cs_x509_parse(const uint8_t *p, size_t n, struct cs_x509 *out);

#endif /* CS_PARSE_PARSE_X509_H */
