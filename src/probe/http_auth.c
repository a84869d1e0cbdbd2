/* SPDX-License-Identifier: ISC */
/* HTTP Digest and Basic authorization headers; see http_auth.h. */
#include "probe/http_auth.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <md5.h>
#include <sha2.h>

#include "core/poison.h"

#define HEX_MAX 65 /* SHA-256 hex digest and NUL */

/* An incremental hash over the parts "a:b:c..." of one algorithm. */
struct hctx {
	enum cs_digest_alg alg;
	MD5_CTX md5;
	SHA2_CTX sha;
};

static void
h_init(struct hctx *h, enum cs_digest_alg alg)
{
	h->alg = alg;
	if (alg == CS_DIGEST_SHA256)
		SHA256Init(&h->sha);
	else
		MD5Init(&h->md5);
}

static void
h_add(struct hctx *h, const char *s, bool colon)
{
	if (h->alg == CS_DIGEST_SHA256) {
		if (colon)
			SHA256Update(&h->sha, (const uint8_t *)":", 1);
		SHA256Update(&h->sha, (const uint8_t *)s, strlen(s));
	} else {
		if (colon)
			MD5Update(&h->md5, (const uint8_t *)":", 1);
		MD5Update(&h->md5, (const uint8_t *)s, strlen(s));
	}
}

/* Writes the lower-case hex digest into hex (HEX_MAX bytes). */
static void
h_end(struct hctx *h, char hex[HEX_MAX])
{
	if (h->alg == CS_DIGEST_SHA256)
		SHA256End(&h->sha, hex);
	else
		MD5End(&h->md5, hex);
	explicit_bzero(h, sizeof(*h));
}

int
cs_http_digest_response(const struct cs_digest_chal *chal,
			const struct cs_cred *cred, const char *method,
			const char *uri, uint32_t nc, const char *cnonce,
			char *resp, size_t respsz)
{
	struct hctx h;
	char ha1[HEX_MAX], ha2[HEX_MAX], ncs[9];
	bool qop = chal->qop_given;

	if (chal->alg != CS_DIGEST_MD5 && chal->alg != CS_DIGEST_SHA256)
		return CS_EINVAL;
	if (chal->userhash || (qop && !chal->qop_auth) || respsz < HEX_MAX)
		return CS_EINVAL;
	if (qop && (cnonce == NULL || strlen(cnonce) > 64))
		return CS_EINVAL;
	snprintf(ncs, sizeof(ncs), "%08x", (unsigned)nc);

	h_init(&h, chal->alg); /* A1 = user:realm:password */
	h_add(&h, cred->user, false);
	h_add(&h, chal->realm, true);
	h_add(&h, cred->pass, true);
	h_end(&h, ha1);

	h_init(&h, chal->alg); /* A2 = method:uri */
	h_add(&h, method, false);
	h_add(&h, uri, true);
	h_end(&h, ha2);

	h_init(&h, chal->alg);
	h_add(&h, ha1, false);
	h_add(&h, chal->nonce, true);
	if (qop) {
		h_add(&h, ncs, true);
		h_add(&h, cnonce, true);
		h_add(&h, "auth", true);
	}
	h_add(&h, ha2, true);
	h_end(&h, resp);
	explicit_bzero(ha1, sizeof(ha1));
	return 0;
}

/* Appends s as the inside of a quoted-string (escaping '"' and '\'). */
static int
add_quoted(struct cs_buf *out, const char *s)
{
	int rc = cs_buf_adds(out, "\"");

	for (; rc == 0 && *s; s++) {
		if (*s == '"' || *s == '\\')
			rc = cs_buf_add(out, "\\", 1);
		if (rc == 0)
			rc = cs_buf_add(out, s, 1);
	}
	return rc ? rc : cs_buf_adds(out, "\"");
}

int
cs_http_auth_digest(struct cs_buf *out, const struct cs_digest_chal *chal,
		    const struct cs_cred *cred, const char *method,
		    const char *uri, const char *cnonce)
{
	static const char hexd[] = "0123456789abcdef";
	char resp[HEX_MAX], cn[33];
	uint8_t rnd[16];
	size_t before = out->len;
	int rc;

	if (cred->scheme != CS_CRED_DIGEST && cred->scheme != CS_CRED_BASIC)
		return CS_EINVAL;
	if (cnonce == NULL) {
		arc4random_buf(rnd, sizeof(rnd));
		for (size_t i = 0; i < sizeof(rnd); i++) {
			cn[2 * i] = hexd[rnd[i] >> 4];
			cn[2 * i + 1] = hexd[rnd[i] & 15];
		}
		cn[32] = '\0';
		cnonce = cn;
	}
	rc = cs_http_digest_response(chal, cred, method, uri, 1, cnonce, resp,
				     sizeof(resp));
	if (rc != 0)
		return rc;
	rc = cs_buf_adds(out, "Authorization: Digest username=");
	if (rc == 0)
		rc = add_quoted(out, cred->user);
	if (rc == 0)
		rc = cs_buf_adds(out, ", realm=");
	if (rc == 0)
		rc = add_quoted(out, chal->realm);
	if (rc == 0)
		rc = cs_buf_adds(out, ", uri=");
	if (rc == 0)
		rc = add_quoted(out, uri);
	if (rc == 0)
		rc = cs_buf_printf(out, ", algorithm=%s",
				   chal->alg == CS_DIGEST_SHA256 ? "SHA-256"
								 : "MD5");
	if (rc == 0)
		rc = cs_buf_adds(out, ", nonce=");
	if (rc == 0)
		rc = add_quoted(out, chal->nonce);
	if (rc == 0 && chal->qop_given)
		rc = cs_buf_printf(
		    out, ", nc=00000001, cnonce=\"%s\", qop=auth", cnonce);
	if (rc == 0)
		rc = cs_buf_printf(out, ", response=\"%s\"", resp);
	if (rc == 0 && chal->has_opaque) {
		rc = cs_buf_adds(out, ", opaque=");
		if (rc == 0)
			rc = add_quoted(out, chal->opaque);
	}
	if (rc == 0)
		rc = cs_buf_adds(out, "\r\n");
	if (rc != 0)
		out->len = before; /* never leave half a header */
	explicit_bzero(resp, sizeof(resp));
	return rc;
}

int
cs_http_auth_basic(struct cs_buf *out, const struct cs_cred *cred)
{
	static const char b64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
				  "abcdefghijklmnopqrstuvwxyz0123456789+/";
	char plain[CS_CRED_USER_MAX + CS_CRED_PASS_MAX + 1];
	char enc[((sizeof(plain) + 2) / 3) * 4 + 1];
	size_t n, k = 0;
	int rc;

	if (cred->scheme != CS_CRED_BASIC)
		return CS_EINVAL;
	n = (size_t)snprintf(plain, sizeof(plain), "%s:%s", cred->user,
			     cred->pass);
	if (n >= sizeof(plain))
		n = sizeof(plain) - 1;
	for (size_t i = 0; i < n; i += 3) {
		uint32_t v = (uint32_t)(uint8_t)plain[i] << 16;

		if (i + 1 < n)
			v |= (uint32_t)(uint8_t)plain[i + 1] << 8;
		if (i + 2 < n)
			v |= (uint8_t)plain[i + 2];
		enc[k++] = b64[(v >> 18) & 63];
		enc[k++] = b64[(v >> 12) & 63];
		enc[k++] = i + 1 < n ? b64[(v >> 6) & 63] : '=';
		enc[k++] = i + 2 < n ? b64[v & 63] : '=';
	}
	enc[k] = '\0';
	rc = cs_buf_printf(out, "Authorization: Basic %s\r\n", enc);
	explicit_bzero(plain, sizeof(plain));
	explicit_bzero(enc, sizeof(enc));
	return rc;
}
