/* SPDX-License-Identifier: ISC */
/*
 * Required literals of a rule's pattern (issue #17): for each top-level
 * alternative, the longest run of plain characters that every match must
 * contain.  The prefilter (fp_pre.c) looks for these literals, ASCII case
 * ignored, in one multi-literal scan; a rule whose literal does not occur
 * cannot match and PCRE2 is not asked.  The analysis only ever shortens or
 * drops a literal when unsure (a group, a class, an escape with an
 * argument, a quantified character), so what it returns is always
 * implied by a match; when an alternative has no literal at all, or the
 * pattern uses syntax it does not follow (extended mode, \Q, comments),
 * it returns false and the rule is run on every value of its keys.
 * Pure and bounded by the pattern's length.
 */
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
			const char *e = strstr(p + i + 2, ":]");

			if (e == NULL)
				return 0;
			i = (size_t)(e - p) + 2;
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

bool
cs_fp_literals(const char *p, uint32_t pflags, struct fp_lits *out)
{
	size_t i = 0, run = 0, run_len = 0, best = 0, best_len = 0;
	bool last_lit = false;

	memset(out, 0, sizeof(*out));
	if (p == NULL || strlen(p) >= sizeof(out->buf) ||
	    unsupported(p, pflags))
		return false;
#define END_RUN()                                                              \
	do {                                                                   \
		if (run_len > best_len) {                                      \
			best = run;                                            \
			best_len = run_len;                                    \
		}                                                              \
		run = out->used;                                               \
		run_len = 0;                                                   \
		last_lit = false;                                              \
	} while (0)
#define END_ALT()                                                              \
	do {                                                                   \
		END_RUN();                                                     \
		if (best_len == 0 || out->n >= FP_MAX_LITS)                    \
			return false;                                          \
		out->off[out->n] = best;                                       \
		out->len[out->n] = best_len;                                   \
		out->n++;                                                      \
		best_len = 0;                                                  \
	} while (0)

	run = out->used;
	while (p[i] != '\0') {
		char c = p[i];

		switch (c) {
		case '|':
			END_ALT();
			i++;
			break;
		case '(':
			END_RUN();
			if ((i = skip_group(p, i)) == 0)
				return false;
			break;
		case ')':
			return false; /* unbalanced */
		case '[':
			END_RUN();
			if ((i = skip_class(p, i)) == 0)
				return false;
			break;
		case '.':
		case '^':
		case '$':
			END_RUN();
			i++;
			break;
		case '*':
		case '+':
		case '?':
		case '{':
			/* the quantified character is not required as a run
			 * member (it may be absent or repeated) */
			if (last_lit && run_len > 0) {
				run_len--;
				out->used--;
			}
			END_RUN();
			i++;
			if (c == '{')
				while ((p[i] >= '0' && p[i] <= '9') ||
				       p[i] == ',' || p[i] == '}')
					if (p[i++] == '}')
						break;
			break;
		case '\\':
			if (p[i + 1] == '\0')
				return false;
			if (char_escape(p[i + 1]) >= 0) {
				out->buf[out->used++] =
				    (char)char_escape(p[i + 1]);
				run_len++;
				last_lit = true;
				i += 2;
			} else if (plain_escape(p[i + 1])) {
				END_RUN();
				i += 2;
			} else if (is_alnum(p[i + 1])) {
				/* \x41, \1, \p{..}, \g{..}, \c?: an argument
				 * follows; skip it with the escape */
				END_RUN();
				i += 2;
				while (is_alnum(p[i]) || p[i] == '{' ||
				       p[i] == '}' || p[i] == '<' ||
				       p[i] == '>')
					i++;
			} else {
				out->buf[out->used++] = p[i + 1];
				run_len++;
				last_lit = true;
				i += 2;
			}
			break;
		default:
			out->buf[out->used++] = c;
			run_len++;
			last_lit = true;
			i++;
			break;
		}
	}
	END_ALT();
#undef END_RUN
#undef END_ALT
	return true;
}
