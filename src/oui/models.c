/* SPDX-License-Identifier: ISC */
/* Model-number table and the free-text procurement query; see models.h. */
#include "oui/models.h"

#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"
#include "core/buf.h"
#include "core/str.h"
#include "core/text.h"
#include "core/poison.h"

#define MODELS_MAX_FILE (16u * 1024u * 1024u)
#define MAX_TOKENS 16

struct row {
	struct cs_model_row pub;
	char *strs; /* owned backing store */
};

struct cs_models {
	struct row *rows;
	size_t n, cap;
};

static int
lc(int c)
{
	return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

static bool
isdig(int c)
{
	return c >= '0' && c <= '9';
}

static bool
isalp(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool
str_ieq(const char *a, const char *b)
{
	while (*a && *b && lc((unsigned char)*a) == lc((unsigned char)*b))
		a++, b++;
	return *a == '\0' && *b == '\0';
}

/* Recursive matcher; returns literal count + 1 on match, 0 otherwise. */
static int
pmatch(const char *p, const char *s, int lit, int depth)
{
	if (depth > 8)
		return 0;
	for (;; p++, s++) {
		int c = (unsigned char)*p;

		if (c == '\0')
			return lit + 1; /* prefix match */
		if (c == '$' && p[1] == '\0')
			return *s == '\0' ? lit + 1 : 0;
		if (c == '*') {
			const char *t;

			for (t = s;; t++) {
				int r = pmatch(p + 1, t, lit, depth + 1);

				if (r > 0)
					return r;
				if (*t == '\0')
					return 0;
			}
		}
		if (*s == '\0')
			return 0;
		if (c == '#') {
			if (!isdig((unsigned char)*s))
				return 0;
		} else if (c == '@') {
			if (!isalp((unsigned char)*s))
				return 0;
		} else if (c == '?') {
			if (!isdig((unsigned char)*s) &&
			    !isalp((unsigned char)*s))
				return 0;
		} else {
			if (lc(c) != lc((unsigned char)*s))
				return 0;
			lit++;
		}
	}
}

int
cs_models_pattern_match(const char *pattern, const char *model)
{
	int r = pmatch(pattern, model, 0, 0);

	return r > 0 ? (r - 1 > 0 ? r - 1 : 1) : 0;
}

void
cs_models_free(struct cs_models *m)
{
	size_t i;

	if (m == NULL)
		return;
	for (i = 0; i < m->n; i++)
		free(m->rows[i].strs);
	free(m->rows);
	free(m);
}

size_t
cs_models_count(const struct cs_models *m)
{
	return m->n;
}

const struct cs_model_row *
cs_models_row(const struct cs_models *m, size_t i)
{
	return i < m->n ? &m->rows[i].pub : NULL;
}

static const struct {
	const char *w;
	double v;
} confw[] = {{"high", 0.95},
	     {"medium-high", 0.8},
	     {"medium", 0.65},
	     {"medium-low", 0.5},
	     {"low", 0.3}};

static const char *const relations[] = {"own", "sub-brand",    "subsidiary",
					"oem", "former-owner", "ambiguous"};

struct cs_models *
cs_models_load_mem(const char *name, const uint8_t *p, size_t n, char *err,
		   size_t errsz)
{
	struct cs_models *m = cs_xcalloc(1, sizeof(*m));
	struct cs_lines lines;
	struct cs_span ln;
	unsigned line = 0;

	if (p == NULL)
		n = 0;
	cs_lines_init(&lines, p, n);
	while (cs_lines_next(&lines, &ln)) {
		struct cs_span f[10];
		size_t nf, i;
		struct row r;
		const char *why = NULL;
		char *q;

		line = lines.line;
		if (ln.n > CS_MODELS_MAX_LINE) {
			cs_errf(err, errsz, name, line, "line too long");
			goto fail;
		}
		if (cs_span_trim(ln).n == 0 || ln.p[0] == '#')
			continue;
		nf = cs_tsv_split(ln, f, CS_NELEM(f), true);
		memset(&r, 0, sizeof(r));
		r.pub.line_no = line;
		if (nf != 9)
			why = "expected 9 TAB-separated columns";
		else if (memchr(ln.p, '\0', ln.n) != NULL)
			why = "NUL byte";
		else if (f[0].n == 0 || f[0].n > 63)
			why = "pattern empty or longer than 63 bytes";
		else if (f[1].n == 0 || f[1].n > 63 || f[2].n == 0 ||
			 f[2].n > 63 || f[3].n == 0 || f[3].n > 63)
			why = "brand/maker/line empty (use '-') or too long";
		else if (!cs_span_ieq(f[4], "yes") && !cs_span_ieq(f[4], "no"))
			why = "needs-brand must be yes or no";
		else if (f[6].n == 0 || f[6].n > 15)
			why = "until must be a date or '-'";
		else if (f[8].n == 0 || (f[8].n == 1 && f[8].p[0] == '-') ||
			 f[8].n > 255)
			why = "source missing or too long";
		if (why == NULL) {
			for (i = 0; i < CS_NELEM(confw); i++)
				if (cs_span_ieq(f[7], confw[i].w))
					break;
			if (i == CS_NELEM(confw))
				why = "unknown confidence";
			else
				r.pub.confidence = confw[i].v;
		}
		if (why == NULL) {
			for (i = 0; i < CS_NELEM(relations); i++)
				if (cs_span_ieq(f[5], relations[i]))
					break;
			if (i == CS_NELEM(relations))
				why = "unknown relation";
			else
				r.pub.relation = relations[i];
		}
		if (why != NULL) {
			cs_errf(err, errsz, name, line, "%s", why);
			goto fail;
		}
		if (m->n >= CS_MODELS_MAX_ROWS) {
			cs_errf(err, errsz, name, line, "too many rows");
			goto fail;
		}
		r.pub.needs_brand = cs_span_ieq(f[4], "yes");
		r.strs = q = cs_xmalloc(f[0].n + f[1].n + f[2].n + f[3].n +
					f[6].n + f[8].n + 6);
#define PUT(dst, sp)                                                           \
	do {                                                                   \
		(dst) = q;                                                     \
		if (!((sp).n == 1 && (sp).p[0] == '-')) {                      \
			memcpy(q, (sp).p, (sp).n);                             \
			q += (sp).n;                                           \
		}                                                              \
		*q++ = '\0';                                                   \
	} while (0)
		PUT(r.pub.pattern, f[0]);
		PUT(r.pub.brand, f[1]);
		PUT(r.pub.maker, f[2]);
		PUT(r.pub.line, f[3]);
		PUT(r.pub.until, f[6]);
		PUT(r.pub.source, f[8]);
#undef PUT
		if (m->n == m->cap) {
			m->cap = m->cap ? m->cap * 2 : 128;
			m->rows =
			    cs_xrealloc(m->rows, m->cap, sizeof(*m->rows));
		}
		m->rows[m->n++] = r;
	}
	return m;
fail:
	cs_models_free(m);
	return NULL;
}

struct cs_models *
cs_models_load(const char *path, char *err, size_t errsz)
{
	struct cs_buf b;
	struct cs_models *m = NULL;
	int r;

	cs_buf_init(&b, MODELS_MAX_FILE);
	r = cs_file_read(path, MODELS_MAX_FILE, &b, NULL);
	if (r == CS_EIO && errno != EIO) /* fopen failed */
		cs_errf(err, errsz, path, 0, "cannot open (%s)",
			strerror(errno));
	else if (r != 0)
		cs_errf(err, errsz, path, 0, "cannot read (%s)",
			r == CS_ELIMIT ? "too large" : "I/O error");
	else
		m = cs_models_load_mem(path, b.p, b.len, err, errsz);
	cs_buf_free(&b);
	return m;
}

/* ---- query ----------------------------------------------------------------
 */

static bool
is_sep(int c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == ',' ||
	       c == ';' || c == '(' || c == ')' || c == '"' || c == '\'';
}

static void
fill_row(struct cs_lookup_result *out, const struct cs_model_row *r)
{
	cs_strlcpy(out->brand, r->brand, sizeof(out->brand));
	cs_strlcpy(out->maker, r->maker, sizeof(out->maker));
	cs_strlcpy(out->line, r->line, sizeof(out->line));
	cs_strlcpy(out->relation, r->relation, sizeof(out->relation));
	cs_strlcpy(out->until, r->until, sizeof(out->until));
	cs_strlcpy(out->pattern, r->pattern, sizeof(out->pattern));
	cs_strlcpy(out->source, r->source, sizeof(out->source));
	out->confidence = r->confidence;
}

/* Finds a brand: row or brand column entry named name. */
static const struct cs_model_row *
table_brand(const struct cs_models *m, const char *name, bool *is_brandrow)
{
	size_t i;

	for (i = 0; i < m->n; i++) {
		const struct cs_model_row *r = &m->rows[i].pub;

		if (strncmp(r->pattern, "brand:", 6) == 0 &&
		    str_ieq(r->pattern + 6, name)) {
			*is_brandrow = true;
			return r;
		}
	}
	for (i = 0; i < m->n; i++) {
		const struct cs_model_row *r = &m->rows[i].pub;

		if (r->brand[0] != '\0' && str_ieq(r->brand, name)) {
			*is_brandrow = false;
			return r;
		}
	}
	return NULL;
}

enum cs_lookup_status
cs_lookup_query(const struct cs_models *m, const char *text,
		cs_brand_resolver fn, void *ctx, struct cs_lookup_result *out)
{
	char buf[CS_LOOKUP_MAX_INPUT + 1];
	char *tok[MAX_TOKENS];
	size_t ntok = 0, i, k, first = 0;
	char maker_of_brand[64] = "";
	const struct cs_model_row *brandrow = NULL, *best = NULL;
	int best_score = 0;
	size_t best_tok = 0;

	memset(out, 0, sizeof(*out));
	if (text == NULL)
		return CS_LOOKUP_NONE;
	cs_strlcpy(buf, text, sizeof(buf));
	for (i = 0; buf[i] != '\0' && ntok < MAX_TOKENS;) {
		size_t e;

		while (buf[i] != '\0' && is_sep((unsigned char)buf[i]))
			i++;
		if (buf[i] == '\0')
			break;
		e = i;
		while (buf[e] != '\0' && !is_sep((unsigned char)buf[e]))
			e++;
		tok[ntok++] = buf + i;
		i = e;
		if (buf[e] != '\0') {
			buf[e] = '\0';
			i = e + 1;
		}
	}
	/* Strip trailing ':' and '.' ("model:"). */
	for (i = 0; i < ntok; i++) {
		size_t l = strlen(tok[i]);

		while (l > 0 && (tok[i][l - 1] == ':' || tok[i][l - 1] == '.'))
			tok[i][--l] = '\0';
	}

	/* A brand, only at the start: the longest of 3, 2, 1 tokens. */
	for (k = ntok < 3 ? ntok : 3; k > 0 && first == 0; k--) {
		char name[128] = "";
		bool isrow = false;

		for (i = 0; i < k; i++) {
			if (i > 0)
				cs_strlcpy(name + strlen(name), " ",
					   sizeof(name) - strlen(name));
			cs_strlcpy(name + strlen(name), tok[i],
				   sizeof(name) - strlen(name));
		}
		if (name[0] == '\0')
			continue;
		brandrow = table_brand(m, name, &isrow);
		if (brandrow != NULL && isrow) {
			cs_strlcpy(out->input_brand, brandrow->pattern + 6,
				   sizeof(out->input_brand));
			cs_strlcpy(maker_of_brand, brandrow->maker,
				   sizeof(maker_of_brand));
			first = k;
			break;
		}
		if (fn != NULL &&
		    fn(ctx, name, out->input_brand, sizeof(out->input_brand),
		       maker_of_brand, sizeof(maker_of_brand)) == 0) {
			brandrow = NULL;
			first = k;
			break;
		}
		if (brandrow != NULL) {
			cs_strlcpy(out->input_brand, brandrow->brand,
				   sizeof(out->input_brand));
			cs_strlcpy(maker_of_brand, brandrow->maker,
				   sizeof(maker_of_brand));
			brandrow = NULL;
			first = k;
			break;
		}
		brandrow = NULL;
	}

	/* The best model pattern over the remaining tokens. */
	for (i = first; i < ntok; i++) {
		bool digit = false;
		const char *t = tok[i];

		for (k = 0; t[k] != '\0'; k++)
			digit |= isdig((unsigned char)t[k]);
		if (!digit)
			continue;
		for (k = 0; k < m->n; k++) {
			const struct cs_model_row *r = &m->rows[k].pub;
			bool same =
			    out->input_brand[0] != '\0' &&
			    (str_ieq(r->brand, out->input_brand) ||
			     (r->brand[0] == '\0' && maker_of_brand[0] &&
			      str_ieq(r->maker, maker_of_brand)));
			int s;

			if (strncmp(r->pattern, "brand:", 6) == 0)
				continue;
			if (r->needs_brand && !same)
				continue;
			s = pmatch(r->pattern, t, 0, 0);
			if (s == 0)
				continue;
			s = (s - 1) * 2; /* literal characters matched */
			if (same)
				s += 1001;
			else if (out->input_brand[0] != '\0' &&
				 maker_of_brand[0] != '\0' &&
				 str_ieq(r->maker, maker_of_brand))
				s += 1000;
			s++;
			if (s > best_score) {
				best_score = s;
				best = r;
				best_tok = i;
			}
		}
	}

	if (best != NULL) {
		out->status = CS_LOOKUP_MODEL;
		cs_strlcpy(out->model, tok[best_tok], sizeof(out->model));
		fill_row(out, best);
		if (out->input_brand[0] != '\0' &&
		    !str_ieq(out->input_brand, best->brand)) {
			if (maker_of_brand[0] != '\0' &&
			    str_ieq(maker_of_brand, best->maker)) {
				snprintf(out->note, sizeof(out->note),
					 "%s model-number scheme; sold as %s",
					 best->brand[0] ? best->brand
							: best->maker,
					 out->input_brand);
				cs_strlcpy(out->brand, out->input_brand,
					   sizeof(out->brand));
				if (strcmp(out->relation, "own") == 0)
					cs_strlcpy(out->relation, "oem",
						   sizeof(out->relation));
			} else {
				snprintf(out->note, sizeof(out->note),
					 "conflict: the model number follows "
					 "the %s scheme (%s) but the brand "
					 "given is %s%s%s%s",
					 best->brand[0] ? best->brand : "?",
					 best->maker[0] ? best->maker : "?",
					 out->input_brand,
					 maker_of_brand[0] ? " (" : "",
					 maker_of_brand,
					 maker_of_brand[0] ? ")" : "");
				out->confidence *= 0.5;
			}
		}
		if (strcmp(best->relation, "former-owner") == 0 &&
		    best->maker[0] != '\0' && out->note[0] == '\0')
			snprintf(out->note, sizeof(out->note),
				 "relation with %s ended %s; current maker not "
				 "established",
				 best->maker,
				 best->until[0] ? best->until : "?");
		return out->status;
	}
	if (brandrow != NULL || out->input_brand[0] != '\0') {
		out->status = brandrow != NULL && strcmp(brandrow->relation,
							 "ambiguous") == 0
				  ? CS_LOOKUP_AMBIGUOUS
				  : CS_LOOKUP_BRAND;
		if (brandrow != NULL) {
			fill_row(out, brandrow);
			if (out->brand[0] == '\0')
				cs_strlcpy(out->brand, out->input_brand,
					   sizeof(out->brand));
			if (out->status == CS_LOOKUP_AMBIGUOUS)
				cs_strlcpy(out->note, brandrow->source,
					   sizeof(out->note));
		} else {
			cs_strlcpy(out->brand, out->input_brand,
				   sizeof(out->brand));
			cs_strlcpy(out->maker, maker_of_brand,
				   sizeof(out->maker));
		}
		for (i = first; i < ntok; i++) {
			if (out->model[0] != '\0')
				cs_strlcpy(out->model + strlen(out->model), " ",
					   sizeof(out->model) -
					       strlen(out->model));
			cs_strlcpy(out->model + strlen(out->model), tok[i],
				   sizeof(out->model) - strlen(out->model));
		}
		return out->status;
	}
	out->status = CS_LOOKUP_NONE;
	return out->status;
}
