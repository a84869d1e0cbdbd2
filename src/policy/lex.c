/* SPDX-License-Identifier: ISC */
/* Line tokenizer and CSV reader of the policy files (see lex.h). */
#include "policy/lex.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "core/str.h"
#include "core/poison.h"

static bool
bare_byte(uint8_t c)
{
	return c > ' ' && c != '"' && c != '=' && c != '#' && c != 0x7f;
}

/* Reads a bare or quoted value at line[*i] into dst. */
static int
read_value(struct cs_span line, size_t *i, char *dst, size_t dsz, char *err,
	   size_t errsz)
{
	size_t n = 0;

	if (*i < line.n && line.p[*i] == '"') {
		(*i)++;
		for (;;) {
			uint8_t c;
			if (*i >= line.n) {
				snprintf(err, errsz, "unterminated quote");
				return CS_EINVAL;
			}
			c = line.p[(*i)++];
			if (c == '"')
				break;
			if (c == '\\') {
				if (*i >= line.n) {
					snprintf(err, errsz,
						 "unterminated quote");
					return CS_EINVAL;
				}
				c = line.p[(*i)++];
				if (c != '"' && c != '\\') {
					snprintf(
					    err, errsz,
					    "unknown escape \\%c in quotes",
					    c >= ' ' && c < 0x7f ? c : '?');
					return CS_EINVAL;
				}
			}
			if (n + 1 >= dsz) {
				snprintf(err, errsz,
					 "value longer than %zu bytes",
					 dsz - 1);
				return CS_EINVAL;
			}
			dst[n++] = (char)c;
		}
		if (*i < line.n && line.p[*i] != ' ' && line.p[*i] != '\t' &&
		    line.p[*i] != '#') {
			snprintf(err, errsz,
				 "text right after a closing quote");
			return CS_EINVAL;
		}
	} else {
		while (*i < line.n &&
		       (bare_byte(line.p[*i]) || line.p[*i] == '=')) {
			if (n + 1 >= dsz) {
				snprintf(err, errsz,
					 "value longer than %zu bytes",
					 dsz - 1);
				return CS_EINVAL;
			}
			dst[n++] = (char)line.p[(*i)++];
		}
		if (*i < line.n && line.p[*i] == '"') {
			snprintf(err, errsz, "unexpected '%c'", line.p[*i]);
			return CS_EINVAL;
		}
	}
	dst[n] = '\0';
	return 0;
}

int
cs_policy_lex_line(struct cs_span line, struct cs_lex_line *out, char *err,
		   size_t errsz)
{
	size_t i = 0;

	out->n = 0;
	if (line.n > 0 && line.p[line.n - 1] == '\r')
		line.n--;
	if (line.n >= CS_LEX_MAX_LINE) {
		snprintf(err, errsz, "line longer than %d bytes",
			 CS_LEX_MAX_LINE - 1);
		return CS_EINVAL;
	}
	for (size_t k = 0; k < line.n; k++)
		if ((line.p[k] < ' ' && line.p[k] != '\t') ||
		    line.p[k] == 0x7f) {
			snprintf(err, errsz, "control byte 0x%02x", line.p[k]);
			return CS_EINVAL;
		}
	for (;;) {
		struct cs_lex_tok *t;
		size_t start;

		while (i < line.n && (line.p[i] == ' ' || line.p[i] == '\t'))
			i++;
		if (i >= line.n || line.p[i] == '#')
			return 0;
		if (out->n >= CS_LEX_MAX_TOK) {
			snprintf(err, errsz, "more than %d words",
				 CS_LEX_MAX_TOK);
			return CS_EINVAL;
		}
		t = &out->tok[out->n];
		t->key[0] = '\0';
		start = i;
		if (line.p[i] != '"') {
			/* A bare word; key=value if an '=' follows it. */
			size_t j = i;
			while (j < line.n && bare_byte(line.p[j]))
				j++;
			if (j < line.n && line.p[j] == '=') {
				if (j == start) {
					snprintf(err, errsz,
						 "'=' without a key");
					return CS_EINVAL;
				}
				if (j - start >= CS_LEX_MAX_KEY) {
					snprintf(err, errsz, "key too long");
					return CS_EINVAL;
				}
				memcpy(t->key, line.p + start, j - start);
				t->key[j - start] = '\0';
				i = j + 1;
				if (i >= line.n || line.p[i] == ' ' ||
				    line.p[i] == '\t' || line.p[i] == '#') {
					snprintf(err, errsz, "%s= has no value",
						 t->key);
					return CS_EINVAL;
				}
			}
		}
		if (read_value(line, &i, t->val, sizeof(t->val), err, errsz) !=
		    0)
			return CS_EINVAL;
		out->n++;
	}
}

const char *
cs_policy_lex_get(const struct cs_lex_line *l, const char *key, bool *seen)
{
	for (size_t i = 1; i < l->n; i++)
		if (strcmp(l->tok[i].key, key) == 0) {
			if (seen != NULL)
				seen[i] = true;
			return l->tok[i].val;
		}
	return NULL;
}

int
cs_policy_lex_words(const char *s, const struct cs_lex_word *tab, size_t ntab,
		    unsigned flags, size_t max, unsigned *bits, char *bad,
		    size_t badsz)
{
	bool loose = (flags & CS_LEX_WORDS_LOOSE) != 0;
	char w[CS_LEX_MAX_VAL];
	size_t n = 0;

	*bits = 0;
	if (max >= sizeof(w))
		max = sizeof(w) - 1;
	for (const char *p = s;; p++) {
		if (*p == ',' || *p == '\0' || (loose && *p == ';')) {
			bool hit = false;
			w[n] = '\0';
			for (size_t i = 0; i < ntab; i++)
				if (strcmp(w, tab[i].word) == 0) {
					*bits |= tab[i].bit;
					hit = true;
				}
			if (!hit) {
				cs_strlcpy(bad, w, badsz);
				return CS_ENOTFOUND;
			}
			if (*p == '\0')
				return 0;
			n = 0;
			continue;
		}
		if (loose && *p == ' ')
			continue;
		if (n >= max)
			return CS_ELIMIT;
		w[n++] = loose && *p >= 'A' && *p <= 'Z' ? (char)(*p + 32) : *p;
	}
}

bool
cs_policy_date_valid(const char *d)
{
	struct cs_date t;

	return d != NULL &&
	       cs_date_parse(cs_span_make(d, strlen(d)), 0, &t) == 0;
}

bool
cs_policy_date_norm(const char *s, char out[11])
{
	struct cs_date t;

	out[0] = '\0';
	if (s == NULL || cs_date_parse(cs_span_make(s, strlen(s)),
				       CS_DATE_YEAR | CS_DATE_MONTH, &t) != 0)
		return false;
	snprintf(out, 11, "%04d-%02d-%02d", t.year, t.month ? t.month : 1,
		 t.day ? t.day : 1);
	return true;
}

void
cs_lex_error(struct cs_lex_errs *k, unsigned line, const char *fmt, ...)
{
	char msg[600];
	va_list ap;
	int n;

	k->count++;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	if (k->err == NULL || k->errsz == 0 || k->used + 1 >= k->errsz)
		return;
	n = snprintf(k->err + k->used, k->errsz - k->used, "%s:%u: %s\n",
		     k->name, line, msg);
	if (n < 0)
		return;
	k->used +=
	    (size_t)n < k->errsz - k->used ? (size_t)n : k->errsz - k->used - 1;
}
