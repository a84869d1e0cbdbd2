/* SPDX-License-Identifier: ISC */
/*
 * Required literals of a rule's pattern (issue #17): a set of literals
 * every match contains at least one of.  For a sequence that is the best
 * of its pieces: a run of plain characters, or a group that must match
 * (not optional), whose set is the union of its alternatives' sets; the
 * top-level alternatives likewise give the union of theirs.  "Best" is
 * the set whose shortest literal is longest.  The prefilter (fp_pre.c)
 * looks for these literals, ASCII case ignored, in one multi-literal
 * scan; a rule none of whose literals occurs cannot match and PCRE2 is
 * not asked.  The analysis only ever shortens or drops a literal when
 * unsure (a class, an escape with an argument, a quantified character, a
 * lookaround), so what it returns is always implied by a match; when an
 * alternative has no literal at all, or the pattern uses syntax it does
 * not follow (extended mode, \Q, comments, conditions, verbs), it
 * returns false and the rule is run on every value of its keys.  Pure,
 * bounded by the pattern's length and LIT_MAX_DEPTH nested groups.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fp/fp_int.h"

static bool
is_alnum(char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
	       (c >= 'A' && c <= 'Z');
}

/* Escapes of one letter with no argument (\d, \b, ...). */
static bool
plain_escape(char c)
{
	return c != '\0' && strchr("bBAzZGsSdDwWhHvVRXK", c) != NULL;
}

/* The byte a one-letter escape stands for (\n, \t ...), or -1. */
static int
char_escape(char c)
{
	switch (c) {
	case 'n':
		return '\n';
	case 'r':
		return '\r';
	case 't':
		return '\t';
	case 'f':
		return '\f';
	case 'e':
		return 0x1b;
	case 'a':
		return 0x07;
	default:
		return -1;
	}
}

/*
 * Inside a class, "[:" opens a POSIX class only when ":]" comes before
 * any "]" or "[:" (as PCRE2 decides it); returns the index after that
 * ":]", or 0 when the "[" is an ordinary member.  i is just past "[:".
 */
static size_t
posix_end(const char *p, size_t i)
{
	for (; p[i] != '\0'; i++) {
		if (p[i] == '\\' && (p[i + 1] == ']' || p[i + 1] == '\\'))
			i++;
		else if ((p[i] == '[' && p[i + 1] == ':') || p[i] == ']')
			return 0;
		else if (p[i] == ':' && p[i + 1] == ']')
			return i + 2;
	}
	return 0;
}

/* Index after the class opened at p[i] == '[', or 0 if unterminated. */
static size_t
skip_class(const char *p, size_t i)
{
	i++;
	if (p[i] == '^')
		i++;
	if (p[i] == ']')
		i++;
	while (p[i] != '\0') {
		if (p[i] == '\\') {
			if (p[i + 1] == '\0')
				return 0;
			i += 2;
		} else if (p[i] == '[' && p[i + 1] == ':') {
			size_t e = posix_end(p, i + 2);

			i = e != 0 ? e : i + 1; /* else '[' is a member */
		} else if (p[i] == ']') {
			return i + 1;
		} else {
			i++;
		}
	}
	return 0;
}

/* Index after the group opened at p[i] == '(', or 0 if unbalanced. */
static size_t
skip_group(const char *p, size_t i)
{
	unsigned depth = 0;

	while (p[i] != '\0') {
		if (p[i] == '\\') {
			if (p[i + 1] == '\0')
				return 0;
			i += 2;
		} else if (p[i] == '[') {
			if ((i = skip_class(p, i)) == 0)
				return 0;
		} else if (p[i] == '(') {
			depth++;
			i++;
		} else if (p[i] == ')') {
			i++;
			if (--depth == 0)
				return i;
		} else {
			i++;
		}
	}
	return 0;
}

/* True for syntax the analysis does not follow. */
static bool
unsupported(const char *p, uint32_t pflags)
{
	if (pflags & PCRE2_EXTENDED)
		return true;
	if (strstr(p, "\\Q") != NULL || strstr(p, "\\E") != NULL ||
	    strstr(p, "\\c") != NULL || strstr(p, "(?#") != NULL)
		return true;
	/* an inline x option: (?x), (?ix:...), (?^x) */
	for (const char *q = strstr(p, "(?"); q != NULL;
	     q = strstr(q + 2, "(?")) {
		for (const char *r = q + 2;
		     is_alnum(*r) || *r == '-' || *r == '^'; r++)
			if (*r == 'x')
				return true;
	}
	return false;
}

/*
 * A set of literals every match of a piece of pattern contains one of
 * (offsets into fp_lits.buf); n == 0: none known.
 */
struct lset {
	size_t n;
	uint16_t off[FP_MAX_LITS], len[FP_MAX_LITS];
};

#define LIT_MAX_DEPTH 16 /* group nesting followed */

struct lparse {
	const char *p;
	size_t i;
	struct fp_lits *out;
	unsigned depth;
	bool bad; /* syntax not followed: no literals at all */
};

static size_t
lset_min(const struct lset *s)
{
	size_t m = SIZE_MAX;

	for (size_t k = 0; k < s->n; k++)
		if (s->len[k] < m)
			m = s->len[k];
	return m;
}

/* True when a is a better filter than b: longer shortest member, then
 * fewer members. */
static bool
lset_better(const struct lset *a, const struct lset *b)
{
	size_t ma, mb;

	if (a->n == 0)
		return false;
	if (b->n == 0)
		return true;
	ma = lset_min(a);
	mb = lset_min(b);
	if (ma != mb)
		return ma > mb;
	return a->n < b->n;
}

static void parse_alts(struct lparse *ps, struct lset *res);

/*
 * The minimum count of the quantifier at p[i] (1 when there is none);
 * 0 also for a '{' this analysis does not read as a count.
 */
static unsigned
quant_min(const char *p, size_t i)
{
	unsigned m = 0;

	switch (p[i]) {
	case '?':
	case '*':
		return 0;
	case '{':
		if (p[i + 1] < '0' || p[i + 1] > '9')
			return 0;
		for (i++; p[i] >= '0' && p[i] <= '9'; i++)
			if (m < 1000)
				m = m * 10 + (unsigned)(p[i] - '0');
		return m;
	default:
		return 1; /* '+' or no quantifier */
	}
}

/*
 * The group opened at p[i] == '(': its literals into g (n == 0 when it
 * need not match or has none), i past its ')'.
 */
static void
parse_group(struct lparse *ps, struct lset *g)
{
	const char *p = ps->p;
	size_t j = ps->i + 1;
	bool look = false;

	g->n = 0;
	if (p[j] == '?') {
		char c = p[j + 1];

		if (c == '=' || c == '!' ||
		    (c == '<' && (p[j + 2] == '=' || p[j + 2] == '!'))) {
			look = true; /* a lookaround consumes nothing */
		} else if (c == ':' || c == '>' || c == '|') {
			j += 2;
		} else if (c == '<' || c == '\'' ||
			   (c == 'P' && p[j + 2] == '<')) {
			char close = c == '\'' ? '\'' : '>';

			/* a named group: (?<n>, (?'n', (?P<n> */
			j += c == 'P' ? 3 : 2;
			while (is_alnum(p[j]) || p[j] == '_')
				j++;
			if (p[j] != close) {
				ps->bad = true;
				return;
			}
			j++;
		} else {
			/* (?i) sets options; (?i:...) is a group; anything
			 * else (conditions, recursion, references) is not
			 * followed */
			j++;
			while (is_alnum(p[j]) || p[j] == '-' || p[j] == '^')
				j++;
			if (p[j] == ')' && j > ps->i + 2) {
				ps->i = j + 1;
				return;
			}
			if (p[j] != ':' || j == ps->i + 2) {
				ps->bad = true;
				return;
			}
			j++;
		}
	} else if (p[j] == '*') {
		ps->bad = true; /* (*VERB) */
		return;
	}
	if (look) {
		if ((ps->i = skip_group(p, ps->i)) == 0)
			ps->bad = true;
		return;
	}
	if (++ps->depth > LIT_MAX_DEPTH) {
		ps->bad = true;
		return;
	}
	ps->i = j;
	parse_alts(ps, g);
	ps->depth--;
	if (ps->bad)
		return;
	if (p[ps->i] != ')') {
		ps->bad = true; /* unbalanced */
		return;
	}
	ps->i++;
	if (quant_min(p, ps->i) == 0)
		g->n = 0; /* optional: not required */
}

/*
 * One alternative, up to '|', ')' or the end: the best of its runs of
 * plain characters and of its required groups into best.
 */
static void
parse_seq(struct lparse *ps, struct lset *best)
{
	const char *p = ps->p;
	struct fp_lits *out = ps->out;
	size_t run = out->used, run_len = 0;
	bool last_lit = false;
	struct lset g;

	best->n = 0;
#define END_RUN()                                                              \
	do {                                                                   \
		if (run_len > 0) {                                             \
			g.n = 1;                                               \
			g.off[0] = (uint16_t)run;                              \
			g.len[0] = (uint16_t)run_len;                          \
			if (lset_better(&g, best))                             \
				*best = g;                                     \
		}                                                              \
		run = out->used;                                               \
		run_len = 0;                                                   \
		last_lit = false;                                              \
	} while (0)
#define PUSH(ch)                                                               \
	do {                                                                   \
		out->buf[out->used++] = (char)(ch);                            \
		run_len++;                                                     \
		last_lit = true;                                               \
	} while (0)

	while (!ps->bad && p[ps->i] != '\0' && p[ps->i] != '|' &&
	       p[ps->i] != ')') {
		char c = p[ps->i];

		switch (c) {
		case '(':
			END_RUN();
			parse_group(ps, &g);
			if (!ps->bad && lset_better(&g, best))
				*best = g;
			run = out->used;
			break;
		case '[':
			END_RUN();
			if ((ps->i = skip_class(p, ps->i)) == 0)
				ps->bad = true;
			break;
		case '.':
		case '^':
		case '$':
			END_RUN();
			ps->i++;
			break;
		case '*':
		case '+':
		case '?':
		case '{':
			/* a character that may be absent leaves the run; one
			 * required at least once ends it */
			if (last_lit && run_len > 0 && quant_min(p, ps->i) == 0) {
				run_len--;
				out->used--;
			}
			END_RUN();
			ps->i++;
			if (c == '{')
				while ((p[ps->i] >= '0' && p[ps->i] <= '9') ||
				       p[ps->i] == ',' || p[ps->i] == '}')
					if (p[ps->i++] == '}')
						break;
			break;
		case '\\':
			c = p[ps->i + 1];
			if (c == '\0') {
				ps->bad = true;
			} else if (char_escape(c) >= 0) {
				PUSH(char_escape(c));
				ps->i += 2;
			} else if (plain_escape(c)) {
				END_RUN();
				ps->i += 2;
			} else if (is_alnum(c)) {
				/* \x41, \1, \p{..}, \g{-1}, \k<n>: an
				 * argument follows; skip it with the escape
				 * (a bracketed one whole, else its letters and
				 * digits, and any that follow them) */
				char close = 0;

				END_RUN();
				ps->i += 2;
				if (p[ps->i] == '{' && strchr("xopPgkN", c))
					close = '}';
				else if (p[ps->i] == '<' && (c == 'k' || c == 'g'))
					close = '>';
				else if (p[ps->i] == '\'' &&
					 (c == 'k' || c == 'g'))
					close = '\'';
				if (close != 0) {
					const char *e = strchr(p + ps->i + 1,
							       close);

					if (e == NULL) {
						ps->bad = true;
						break;
					}
					ps->i = (size_t)(e - p) + 1;
				}
				while (is_alnum(p[ps->i]))
					ps->i++;
			} else {
				PUSH(c);
				ps->i += 2;
			}
			break;
		default:
			PUSH(c);
			ps->i++;
			break;
		}
	}
	END_RUN();
#undef END_RUN
#undef PUSH
}

/* Alternatives up to ')' or the end: the union of each one's literals
 * into res (none when some alternative has none). */
static void
parse_alts(struct lparse *ps, struct lset *res)
{
	bool have = true;
	struct lset s;

	res->n = 0;
	for (;;) {
		parse_seq(ps, &s);
		if (ps->bad)
			return;
		if (s.n == 0 || res->n + s.n > FP_MAX_LITS)
			have = false;
		if (have) {
			memcpy(res->off + res->n, s.off, s.n * sizeof(s.off[0]));
			memcpy(res->len + res->n, s.len, s.n * sizeof(s.len[0]));
			res->n += s.n;
		}
		if (ps->p[ps->i] != '|')
			break;
		ps->i++;
	}
	if (!have)
		res->n = 0;
}

bool
cs_fp_literals(const char *p, uint32_t pflags, struct fp_lits *out)
{
	struct lparse ps;
	struct lset *res;
	bool ok;

	memset(out, 0, sizeof(*out));
	if (p == NULL || strlen(p) >= sizeof(out->buf) ||
	    unsupported(p, pflags))
		return false;
	memset(&ps, 0, sizeof(ps));
	ps.p = p;
	ps.out = out;
	if ((res = malloc(sizeof(*res))) == NULL)
		return false;
	parse_alts(&ps, res);
	ok = !ps.bad && p[ps.i] == '\0' && res->n > 0;
	if (ok) {
		for (size_t k = 0; k < res->n; k++) {
			out->off[k] = res->off[k];
			out->len[k] = res->len[k];
		}
		out->n = res->n;
	} else {
		out->n = 0;
	}
	free(res);
	return ok;
}
