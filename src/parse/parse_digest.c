/* SPDX-License-Identifier: ISC */
/* WWW-Authenticate Digest challenges; see parse_digest.h. */
#include "parse/parse_digest.h"

#include <string.h>

#include "core/str.h"
#include "core/poison.h"

enum cur { CUR_NONE, CUR_DIGEST, CUR_OTHER };

struct lex {
	const uint8_t *p;
	size_t n, i;
};

/* One value as read: copied (unescaped) if it fits, else too_long. */
struct val {
	char s[CS_DIGEST_VALUE_MAX];
	size_t len;
	bool too_long;
};

static bool
is_tchar(uint8_t c)
{
	if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9'))
		return true;
	return c != 0 && strchr("!#$%&'*+-.^_`|~", c) != NULL;
}

static void
skip_ws(struct lex *l)
{
	while (l->i < l->n && (l->p[l->i] == ' ' || l->p[l->i] == '\t'))
		l->i++;
}

static void
skip_to_comma(struct lex *l)
{
	bool q = false;

	for (; l->i < l->n; l->i++) {
		uint8_t c = l->p[l->i];

		if (q && c == '\\')
			l->i++;
		else if (c == '"')
			q = !q;
		else if (!q && c == ',')
			return;
	}
}

static void
val_put(struct val *v, uint8_t c)
{
	if (v->len + 1 >= sizeof(v->s)) {
		v->too_long = true;
		return;
	}
	v->s[v->len++] = (char)c;
	v->s[v->len] = '\0';
}

/* Reads a token or quoted-string at l->i.  Returns 0 or CS_EPROTO. */
static int
read_value(struct lex *l, struct val *v)
{
	memset(v, 0, sizeof(*v));
	if (l->i < l->n && l->p[l->i] == '"') {
		l->i++;
		while (l->i < l->n) {
			uint8_t c = l->p[l->i++];

			if (c == '"')
				return 0;
			if (c == '\\') {
				if (l->i >= l->n)
					return CS_EPROTO;
				c = l->p[l->i++];
			}
			/* qdtext: HTAB, SP, visible and obs-text; no CTLs */
			if ((c < 0x20 && c != '\t') || c == 0x7f)
				return CS_EPROTO;
			val_put(v, c);
		}
		return CS_EPROTO; /* unterminated */
	}
	while (l->i < l->n && is_tchar(l->p[l->i]))
		val_put(v, l->p[l->i++]);
	return v->len > 0 || v->too_long ? 0 : CS_EPROTO;
}

static bool
val_ieq(const struct val *v, const char *lit)
{
	return cs_span_ieq(cs_span_make(v->s, v->len), lit);
}

/* True if the comma/space separated list in v contains "auth". */
static bool
qop_has_auth(const struct val *v)
{
	size_t i = 0;

	while (i < v->len) {
		size_t s;

		while (i < v->len &&
		       (v->s[i] == ',' || v->s[i] == ' ' || v->s[i] == '\t'))
			i++;
		s = i;
		while (i < v->len && v->s[i] != ',' && v->s[i] != ' ' &&
		       v->s[i] != '\t')
			i++;
		if (cs_span_ieq(cs_span_make(v->s + s, i - s), "auth"))
			return true;
	}
	return false;
}

struct digest_state {
	struct cs_digest_chal c;
	bool has_realm, has_nonce;
	size_t nparams;
};

/* Applies one parameter to a Digest challenge. */
static int
digest_param(struct digest_state *d, struct cs_span name, const struct val *v)
{
	struct cs_digest_chal *c = &d->c;
	char *dst = NULL;

	if (++d->nparams > CS_DIGEST_PARAMS_MAX)
		return CS_ELIMIT;
	if (cs_span_ieq(name, "realm")) {
		dst = c->realm;
		d->has_realm = true;
	} else if (cs_span_ieq(name, "nonce")) {
		dst = c->nonce;
		d->has_nonce = true;
	} else if (cs_span_ieq(name, "opaque")) {
		dst = c->opaque;
		c->has_opaque = true;
	} else if (cs_span_ieq(name, "algorithm")) {
		if (val_ieq(v, "MD5"))
			c->alg = CS_DIGEST_MD5;
		else if (val_ieq(v, "SHA-256"))
			c->alg = CS_DIGEST_SHA256;
		else
			c->alg = CS_DIGEST_UNKNOWN;
	} else if (cs_span_ieq(name, "qop")) {
		c->qop_given = true;
		c->qop_auth = qop_has_auth(v);
	} else if (cs_span_ieq(name, "stale")) {
		c->stale = val_ieq(v, "true");
	} else if (cs_span_ieq(name, "userhash")) {
		c->userhash = val_ieq(v, "true");
	}
	if (dst) {
		if (v->too_long)
			return CS_ELIMIT;
		memcpy(dst, v->s, v->len + 1);
	}
	return 0;
}

/*
 * Ends the Digest challenge in d.  Returns 1 if it is complete and uses
 * a known algorithm (the caller is done), 0 if it was kept as a fallback
 * or dropped, or CS_EPROTO if it lacks realm or nonce.
 */
static int
digest_end(struct digest_state *d, struct cs_digest_chal *fallback,
	   bool *have_fallback)
{
	if (!d->has_realm || !d->has_nonce)
		return CS_EPROTO;
	if (d->c.alg != CS_DIGEST_UNKNOWN)
		return 1;
	if (!*have_fallback) {
		*fallback = d->c;
		*have_fallback = true;
	}
	return 0;
}

int
cs_digest_parse_challenge(const uint8_t *v, size_t n,
			  struct cs_digest_chal *out)
{
	struct lex l = {v, n, 0};
	struct digest_state d;
	struct cs_digest_chal fallback;
	bool have_fallback = false;
	enum cur cur = CUR_NONE;
	int rc;

	memset(out, 0, sizeof(*out));
	memset(&d, 0, sizeof(d));
	if (n > CS_DIGEST_INPUT_MAX)
		return CS_ELIMIT;
	if (n > 0 && v == NULL)
		return CS_EINVAL;
	for (;;) {
		struct cs_span name;
		struct val val;
		size_t j;

		while (l.i < l.n &&
		       (l.p[l.i] == ' ' || l.p[l.i] == '\t' || l.p[l.i] == ','))
			l.i++;
		if (l.i >= l.n)
			break;
		name.p = l.p + l.i;
		while (l.i < l.n && is_tchar(l.p[l.i]))
			l.i++;
		name.n = (size_t)(l.p + l.i - name.p);
		if (name.n == 0) {
			if (cur == CUR_DIGEST || cur == CUR_NONE)
				return CS_EPROTO;
			skip_to_comma(&l);
			continue;
		}
		j = l.i;
		skip_ws(&l);
		if (l.i < l.n && l.p[l.i] == '=') { /* auth-param */
			if (cur == CUR_NONE)
				return CS_EPROTO;
			l.i++;
			skip_ws(&l);
			rc = read_value(&l, &val);
			if (rc == 0) {
				skip_ws(&l);
				if (l.i < l.n && l.p[l.i] != ',')
					rc = CS_EPROTO;
			}
			if (cur == CUR_OTHER) {
				skip_to_comma(&l);
				continue;
			}
			if (rc != 0)
				return rc;
			if ((rc = digest_param(&d, name, &val)) != 0)
				return rc;
			continue;
		}
		/* A new challenge begins with this scheme token. */
		l.i = j;
		if (cur == CUR_DIGEST) {
			rc = digest_end(&d, &fallback, &have_fallback);
			if (rc < 0)
				return rc;
			if (rc == 1) {
				*out = d.c;
				return 0;
			}
		}
		memset(&d, 0, sizeof(d));
		cur = cs_span_ieq(name, "Digest") ? CUR_DIGEST : CUR_OTHER;
	}
	if (cur == CUR_DIGEST) {
		rc = digest_end(&d, &fallback, &have_fallback);
		if (rc < 0)
			return rc;
		if (rc == 1) {
			*out = d.c;
			return 0;
		}
	}
	if (have_fallback) {
		*out = fallback;
		return 0;
	}
	return CS_ENOTFOUND;
}

bool
cs_digest_offers_basic(const uint8_t *v, size_t n)
{
	size_t i = 0;

	if (v == NULL || n > CS_DIGEST_INPUT_MAX)
		return false;
	/* A scheme is a token at the start or after a comma, followed by
	 * a space or the end, and not by '='. */
	while (i < n) {
		size_t s, e;

		while (i < n && (v[i] == ' ' || v[i] == '\t' || v[i] == ','))
			i++;
		s = i;
		while (i < n && is_tchar(v[i]))
			i++;
		e = i;
		while (i < n && (v[i] == ' ' || v[i] == '\t'))
			i++;
		if (e > s && (i >= n || v[i] != '=') &&
		    cs_span_ieq(cs_span_make(v + s, e - s), "Basic"))
			return true;
		/* skip the rest of this element up to the next comma */
		{
			struct lex l = {v, n, i};

			if (e == s && i < n && v[i] != ',')
				l.i++;
			skip_to_comma(&l);
			i = l.i;
		}
	}
	return false;
}
