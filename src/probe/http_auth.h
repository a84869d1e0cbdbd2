/* SPDX-License-Identifier: ISC */
/*
 * HTTP authentication for the credentialed probes: the credential a user
 * supplied for a host, and the Authorization header built from it for a
 * Digest challenge (RFC 7616: MD5 and SHA-256, qop=auth, nc and a random
 * cnonce) or, only when the user asked for it, Basic (RFC 7617).
 *
 * Secrets: the password lives only in struct cs_cred (owned by the
 * credentials set, see engine/creds.h, which wipes it) and in the
 * engine's output buffer while a request is sent.  Nothing here logs,
 * and no header built here may be put in an observation.
 */
#ifndef CS_PROBE_HTTP_AUTH_H
#define CS_PROBE_HTTP_AUTH_H

#include <stddef.h>
#include <stdint.h>

#include "core/buf.h"
#include "parse/parse_digest.h"

#define CS_CRED_USER_MAX 64  /* bytes of a user name, incl. NUL */
#define CS_CRED_PASS_MAX 128 /* bytes of a password, incl. NUL */

enum cs_cred_scheme {
	CS_CRED_DIGEST = 0, /* answer Digest challenges only */
	CS_CRED_BASIC = 1,  /* send Basic (only when the file says so) */
};

/* One credential; see engine/creds.h for where they come from. */
struct cs_cred {
	enum cs_cred_scheme scheme;
	char user[CS_CRED_USER_MAX]; /* no ':' and no control bytes */
	char pass[CS_CRED_PASS_MAX]; /* no control bytes */
};

/*
 * Computes the RFC 7616 response for chal, cred, method and uri (all
 * NUL-terminated), with qop=auth when the challenge offers it (else the
 * RFC 2069 form, without qop, nc and cnonce), nc as given and cnonce as
 * given (NUL-terminated; at most 64 bytes).  Writes the lower-case hex
 * digest into resp (size respsz, at least 65).  Returns 0, or CS_EINVAL
 * for an unknown algorithm, a challenge requiring userhash, or a qop list
 * without "auth" (auth-int is not supported).
 */
int cs_http_digest_response(const struct cs_digest_chal *chal,
			    const struct cs_cred *cred, const char *method,
			    const char *uri, uint32_t nc, const char *cnonce,
			    char *resp, size_t respsz);

/*
 * Appends "Authorization: Digest ...\r\n" for chal to out, with nc=1 and
 * a fresh random cnonce (cnonce == NULL) or the given one (tests).
 * Returns 0, CS_EINVAL as cs_http_digest_response, or the cs_buf error.
 */
int cs_http_auth_digest(struct cs_buf *out, const struct cs_digest_chal *chal,
			const struct cs_cred *cred, const char *method,
			const char *uri, const char *cnonce);

/*
 * Appends "Authorization: Basic <base64(user:pass)>\r\n" to out.  Only
 * for credentials whose scheme is CS_CRED_BASIC.  Returns 0, CS_EINVAL
 * (other scheme) or the cs_buf error.
 */
int cs_http_auth_basic(struct cs_buf *out, const struct cs_cred *cred);

#endif /* CS_PROBE_HTTP_AUTH_H */
