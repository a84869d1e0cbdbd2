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

struct cs_span
cs_policy_next_line(struct cs_span buf, size_t *off)
{
	struct cs_span r = {NULL, 0};
	size_t i = *off;

	if (i >= buf.n)
		return r;
	r.p = buf.p + i;
	while (i < buf.n && buf.p[i] != '\n')
		i++;
	r.n = (size_t)(buf.p + i - r.p);
	*off = i < buf.n ? i + 1 : i;
	return r;
}

bool
cs_policy_date_valid(const char *d)
{
	int m, day;

	if (d == NULL || strlen(d) != 10 || d[4] != '-' || d[7] != '-')
		return false;
	for (size_t i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (d[i] < '0' || d[i] > '9'))
			return false;
	m = (d[5] - '0') * 10 + (d[6] - '0');
	day = (d[8] - '0') * 10 + (d[9] - '0');
	return m >= 1 && m <= 12 && day >= 1 && day <= 31;
}

bool
cs_policy_date_norm(const char *s, char out[11])
{
	char tmp[11];
	size_t n = s != NULL ? strlen(s) : 0;

	out[0] = '\0';
	if (n == 4)
		snprintf(tmp, sizeof(tmp), "%.4s-01-01", s);
	else if (n == 7)
		snprintf(tmp, sizeof(tmp), "%.7s-01", s);
	else if (n == 10)
		snprintf(tmp, sizeof(tmp), "%.10s", s);
	else
		return false;
	if (!cs_policy_date_valid(tmp))
		return false;
	memcpy(out, tmp, 11);
	return true;
}

void
cs_policy_csv_init(struct cs_csv *c, struct cs_span buf)
{
	memset(c, 0, sizeof(*c));
	c->buf = buf;
	if (buf.n >= 3 && buf.p[0] == 0xef && buf.p[1] == 0xbb &&
	    buf.p[2] == 0xbf)
		c->off = 3;
	c->next_line = 1;
}

int
cs_policy_csv_next(struct cs_csv *c, char *err, size_t errsz)
{
	const uint8_t *p = c->buf.p;
	size_t n = c->buf.n;

	for (;;) {
		size_t len = 0;
		bool quoted = false, any = false;

		c->nfield = 0;
		c->line = c->next_line;
		if (c->off >= n)
			return 0;
		/* Skip blank lines. */
		if (p[c->off] == '\n' || (p[c->off] == '\r' && c->off + 1 < n &&
					  p[c->off + 1] == '\n')) {
			c->off += p[c->off] == '\r' ? 2 : 1;
			c->next_line++;
			continue;
		}
		for (;;) {
			uint8_t ch;
			bool end_rec = false, end_field = false;

			if (c->off >= n) {
				if (quoted) {
					snprintf(err, errsz,
						 "line %u: unterminated quote",
						 c->line);
					return CS_EINVAL;
				}
				end_rec = true;
			} else {
				ch = p[c->off++];
				if (quoted) {
					if (ch == '"') {
						if (c->off < n &&
						    p[c->off] == '"') {
							c->off++;
						} else {
							quoted = false;
							if (c->off < n &&
							    p[c->off] != ',' &&
							    p[c->off] != '\r' &&
							    p[c->off] != '\n') {
								snprintf(
								    err, errsz,
								    "line %u: "
								    "text "
								    "after "
								    "a closing "
								    "quote",
								    c->next_line);
								return CS_EINVAL;
							}
							continue;
						}
					} else if (ch == '\n') {
						c->next_line++;
					}
				} else if (ch == '"' && len == 0 && !any) {
					quoted = true;
					any = true;
					continue;
				} else if (ch == '"') {
					snprintf(err, errsz,
						 "line %u: stray quote inside "
						 "an unquoted field",
						 c->next_line);
					return CS_EINVAL;
				} else if (ch == ',') {
					end_field = true;
				} else if (ch == '\r' && c->off < n &&
					   p[c->off] == '\n') {
					continue;
				} else if (ch == '\n') {
					c->next_line++;
					end_rec = true;
				}
				if (!end_field && !end_rec) {
					if (len + 1 >= CS_CSV_MAX_FIELD) {
						snprintf(
						    err, errsz,
						    "line %u: field longer "
						    "than %d bytes",
						    c->line,
						    CS_CSV_MAX_FIELD - 1);
						return CS_EINVAL;
					}
					if (c->nfield >= CS_CSV_MAX_FIELDS) {
						snprintf(
						    err, errsz,
						    "line %u: more than %d "
						    "fields",
						    c->line, CS_CSV_MAX_FIELDS);
						return CS_EINVAL;
					}
					c->field[c->nfield][len++] = (char)ch;
					continue;
				}
			}
			if (c->nfield >= CS_CSV_MAX_FIELDS) {
				snprintf(err, errsz,
					 "line %u: more than %d fields",
					 c->line, CS_CSV_MAX_FIELDS);
				return CS_EINVAL;
			}
			c->field[c->nfield][len] = '\0';
			c->nfield++;
			len = 0;
			any = false;
			if (end_rec)
				return 1;
		}
	}
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
