/* SPDX-License-Identifier: ISC */
/*
 * camsim's TLS server side (--replay, ports 443 and 8443): one context
 * with a certificate generated at start-up, self-signed, for loopback
 * tests only.  Any TLS version 1.0 to 1.3 is accepted, renegotiation is
 * refused.
 */
#ifndef CS_CAMSIM_TLS_H
#define CS_CAMSIM_TLS_H

#include <stdbool.h>
#include <stddef.h>

#include <openssl/ssl.h>

/* Subject and issuer of the generated certificate (one RDN, O=...). */
#define CS_CAMSIM_TLS_ORG "camsim replay test"

/*
 * Makes the server context: a fresh P-256 key and a self-signed
 * certificate (O=CS_CAMSIM_TLS_ORG, valid from an hour ago for a day).
 * Returns NULL with err filled on failure.
 */
SSL_CTX *cs_camsim_tls_ctx(char *err, size_t errsz);

/* Subject and issuer of the profile ports' certificates (O=...). */
#define CS_CAMSIM_TLS_DEVICE_ORG "camsim test device"

/*
 * A server context for a profile's TLS port: a fresh key (P-256, or RSA
 * of rsa_bits when not 0) and a self-signed certificate O=
 * CS_CAMSIM_TLS_DEVICE_ORG, valid from an hour ago for a day, or, when
 * expired, from 400 days ago to 30 days ago.  Test-only: the key lives
 * in memory for the run and is never written.  NULL with err on failure.
 */
SSL_CTX *cs_camsim_tls_ctx_opts(unsigned rsa_bits, bool expired, char *err,
				size_t errsz);

#endif /* CS_CAMSIM_TLS_H */
