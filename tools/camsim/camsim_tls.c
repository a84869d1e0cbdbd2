/* SPDX-License-Identifier: ISC */
/* camsim's TLS server context; see camsim_tls.h. */
#include "camsim_tls.h"

#include <stdio.h>

#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/x509.h>

#include "core/poison.h"

static void
ssl_err(char *err, size_t errsz, const char *what)
{
	unsigned long e = ERR_get_error();
	const char *r = e ? ERR_reason_error_string(e) : NULL;

	snprintf(err, errsz, "%s%s%s", what, r ? ": " : "", r ? r : "");
}

/* A self-signed certificate for key, O=org, valid [from, to) seconds
 * from now. */
static X509 *
self_signed(EVP_PKEY *key, const char *org, long from, long to)
{
	X509 *x = X509_new();
	X509_NAME *name;

	if (x == NULL)
		return NULL;
	name = X509_get_subject_name(x);
	if (X509_set_version(x, 2) != 1 ||
	    ASN1_INTEGER_set(X509_get_serialNumber(x), 1) != 1 ||
	    X509_gmtime_adj(X509_getm_notBefore(x), from) == NULL ||
	    X509_gmtime_adj(X509_getm_notAfter(x), to) == NULL ||
	    X509_set_pubkey(x, key) != 1 ||
	    X509_NAME_add_entry_by_txt(name, "O", MBSTRING_ASC,
				       (const unsigned char *)org, -1, -1,
				       0) != 1 ||
	    X509_set_issuer_name(x, name) != 1 ||
	    X509_sign(x, key, EVP_sha256()) <= 0) {
		X509_free(x);
		return NULL;
	}
	return x;
}

static SSL_CTX *
ctx_make(EVP_PKEY *key, const char *org, long from, long to, char *err,
	 size_t errsz)
{
	X509 *cert = key ? self_signed(key, org, from, to) : NULL;
	SSL_CTX *t = cert ? SSL_CTX_new(TLS_server_method()) : NULL;

	if (t == NULL) {
		ssl_err(err, errsz,
			key == NULL    ? "cannot make a key"
			: cert == NULL ? "cannot make a certificate"
				       : "cannot make a TLS context");
		goto out;
	}
	SSL_CTX_set_security_level(t, 0);
	if (SSL_CTX_set_min_proto_version(t, TLS1_VERSION) != 1 ||
	    SSL_CTX_set_cipher_list(t, "ALL:@SECLEVEL=0") != 1 ||
	    SSL_CTX_use_certificate(t, cert) != 1 ||
	    SSL_CTX_use_PrivateKey(t, key) != 1) {
		ssl_err(err, errsz, "cannot set up the TLS context");
		SSL_CTX_free(t);
		t = NULL;
		goto out;
	}
	SSL_CTX_set_options(t, SSL_OP_NO_RENEGOTIATION | SSL_OP_NO_TICKET);
	SSL_CTX_set_session_cache_mode(t, SSL_SESS_CACHE_OFF);
out:
	X509_free(cert);
	EVP_PKEY_free(key);
	return t;
}

SSL_CTX *
cs_camsim_tls_ctx(char *err, size_t errsz)
{
	return ctx_make(EVP_EC_gen("P-256"), CS_CAMSIM_TLS_ORG, -3600, 86400,
			err, errsz);
}

SSL_CTX *
cs_camsim_tls_ctx_opts(unsigned rsa_bits, bool expired, char *err, size_t errsz)
{
	EVP_PKEY *key = rsa_bits ? EVP_RSA_gen(rsa_bits) : EVP_EC_gen("P-256");

	return ctx_make(key, CS_CAMSIM_TLS_DEVICE_ORG,
			expired ? -400L * 86400 : -3600,
			expired ? -30L * 86400 : 86400, err, errsz);
}
