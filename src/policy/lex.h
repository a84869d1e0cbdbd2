/* SPDX-License-Identifier: ISC */
/*
 * Private to src/policy/: the line tokenizer shared by the estate and the
 * regime file formats.  Pure and bounded.
 *
 * A line is a keyword followed by words; a word is either bare (no
 * spaces, quotes, '=' or '#') or "quoted" (\" and \\ escape), and may be
 * key=value with the value bare or quoted.  '#' outside quotes starts a
 * comment.  Control bytes other than TAB are refused.  CSV files are read
 * with core/text.h.
 */
#ifndef CS_POLICY_LEX_H
#define CS_POLICY_LEX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/cs.h"
#include "core/text.h"

#define CS_LEX_MAX_TOK 32    /* words per line */
#define CS_LEX_MAX_KEY 32    /* bytes of a key, NUL included */
#define CS_LEX_MAX_VAL 512   /* bytes of a value, NUL included */
#define CS_LEX_MAX_LINE 4096 /* bytes per line */

struct cs_lex_tok {
	char key[CS_LEX_MAX_KEY]; /* "" for a positional word */
	char val[CS_LEX_MAX_VAL];
};

struct cs_lex_line {
	struct cs_lex_tok tok[CS_LEX_MAX_TOK];
	size_t n; /* 0 for a blank or comment line */
};

/*
 * Tokenizes one line (without its newline; a trailing CR is ignored) into
 * *out.  Returns 0, or CS_EINVAL with a message (no file:line prefix) in
 * err (errsz bytes).
 */
int cs_policy_lex_line(struct cs_span line, struct cs_lex_line *out, char *err,
		       size_t errsz);

/*
 * Returns the value of key in l (from word index 1 on), or NULL.  If
 * seen is not NULL, marks the word as used (seen[i] = true).
 */
const char *cs_policy_lex_get(const struct cs_lex_line *l, const char *key,
			      bool *seen);

/* A word of a closed set and its bit. */
struct cs_lex_word {
	const char *word;
	unsigned bit;
};

/* cs_policy_lex_words flags. */
enum {
	/* ';' separates too, spaces are skipped, A-Z are folded to a-z
	 * (the estate's sensitivity reasons). */
	CS_LEX_WORDS_LOOSE = 1u << 0,
};

/*
 * Reads a list of words of tab (ntab entries) joined by ',' ("covered,
 * core") into the OR of their bits in *bits.  Returns 0; CS_ENOTFOUND
 * with the first word not in tab (an empty one included) in bad (badsz
 * bytes); or CS_ELIMIT for a word of more than max bytes.
 */
int cs_policy_lex_words(const char *s, const struct cs_lex_word *tab,
			size_t ntab, unsigned flags, size_t max, unsigned *bits,
			char *bad, size_t badsz);

/* True for "YYYY-MM-DD" with month 1-12 and day 1-31. */
bool cs_policy_date_valid(const char *s);

/*
 * Normalises a date of the entity tables ("YYYY", "YYYY-MM" or
 * "YYYY-MM-DD") to "YYYY-MM-DD" (missing parts are 01) in out[11].
 * Returns false for "" or anything else (out is then "").
 */
bool cs_policy_date_norm(const char *s, char out[11]);

/*
 * Collects "name:line: message" errors into a caller's buffer (err,
 * errsz bytes; may be NULL), counting them all even when the buffer is
 * full.  Shared by the estate and regime parsers.
 */
struct cs_lex_errs {
	const char *name; /* file name used in messages */
	char *err;
	size_t errsz, used;
	unsigned count;
};

void cs_lex_error(struct cs_lex_errs *k, unsigned line, const char *fmt, ...)
    CS_PRINTF(3, 4);

#endif /* CS_POLICY_LEX_H */
