/* SPDX-License-Identifier: ISC */
/*
 * HTTP Digest authentication (RFC 7616 with MD5 and qop=auth, and the
 * RFC 2069 form without qop) as a simulated recorder checks it.  Nonces
 * are stateless: 8 hex digits of the issue time followed by 24 hex digits
 * of MD5 over the device address, that time and a per-run secret, so a
 * nonce is accepted only if this camsim issued it in the last 10 minutes.
 * Test-only: camsim never holds real credentials.
 */
#ifndef CS_CAMSIM_AUTH_H
#define CS_CAMSIM_AUTH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "core/cs.h"

/*
 * Writes to out (33 bytes) a nonce for the device at ip (NUL-terminated,
 * borrowed) issued at now, keyed with secret.
 */
void cs_camsim_nonce(char out[33], const char *ip, time_t now,
		     uint64_t secret);

/*
 * Checks an Authorization header value (hostile, not NUL-terminated,
 * borrowed) of a request with method and uri (the request target), for
 * user, password and realm (NUL-terminated, borrowed).  The nonce must
 * have been made by cs_camsim_nonce() for ip and secret at most 600 s
 * before now, and the uri parameter must equal the request target.
 * Returns true only if every check passes.
 */
bool cs_camsim_digest_ok(struct cs_span auth, struct cs_span method,
			 struct cs_span uri, const char *user,
			 const char *password, const char *realm,
			 const char *ip, time_t now, uint64_t secret);

#endif /* CS_CAMSIM_AUTH_H */
