/* SPDX-License-Identifier: ISC */
/*
 * The procurement check behind `camsweep lookup`: model-number patterns
 * (data/entities/models.tsv) mapped to badge brand, true manufacturer and
 * product line, and a free-text query ("LTS CMIP3042W-28M") resolved
 * against them.  Brand names are resolved through a caller-supplied
 * callback (the CLI passes the fingerprint database's brand table), so this
 * module depends on core only.  Format and matching rules: docs/lookup.md.
 */
#ifndef CS_OUI_MODELS_H
#define CS_OUI_MODELS_H

#include <stddef.h>
#include <stdint.h>

#include "core/cs.h"

#define CS_MODELS_MAX_ROWS 20000
#define CS_MODELS_MAX_LINE 2048
#define CS_LOOKUP_MAX_INPUT 512

/* One row of models.tsv (strings borrowed from the table). */
struct cs_model_row {
	const char *pattern;  /* as written: "DS-2CD" or "brand:Costar" */
	const char *brand;    /* badge brand ("" none) */
	const char *maker;    /* true maker, makers.tsv name ("" unknown) */
	const char *line;     /* product line ("" none) */
	int needs_brand;      /* 1: matches only when the brand is given */
	const char *relation; /* own, sub-brand, subsidiary, oem,
				 former-owner, ambiguous */
	const char *until;    /* date the relation ended ("" open) */
	double confidence;
	const char *source;
	unsigned line_no;
};

struct cs_models;

/*
 * Loads models.tsv from path.  On error returns NULL with "file:line:
 * message" in err.  Free with cs_models_free.
 */
struct cs_models *cs_models_load(const char *path, char *err, size_t errsz);

/*
 * Parses a models table from a buffer (n bytes at p, borrowed, need not be
 * NUL-terminated).  As cs_models_load otherwise.
 */
struct cs_models *cs_models_load_mem(const char *name, const uint8_t *p,
				     size_t n, char *err, size_t errsz);

void cs_models_free(struct cs_models *m);
size_t cs_models_count(const struct cs_models *m);
const struct cs_model_row *cs_models_row(const struct cs_models *m, size_t i);

/*
 * Tests a pattern against a model string (NUL-terminated): the pattern is
 * anchored at the start and matches a prefix unless it ends in '$'; ASCII
 * case is ignored; '#' matches one digit, '@' one letter, '?' one letter
 * or digit, '*' any run of characters.  Returns the number of literal
 * (non-wildcard) characters matched (> 0) or 0 for no match.
 */
int cs_models_pattern_match(const char *pattern, const char *model);

/*
 * Resolves a brand name, e.g. the fingerprint database's brand table.
 * Copies the canonical brand and its true maker and returns 0, or returns
 * CS_ENOTFOUND.
 */
typedef int (*cs_brand_resolver)(void *ctx, const char *name, char *brand,
				 size_t brandsz, char *maker, size_t makersz);

enum cs_lookup_status {
	CS_LOOKUP_NONE = 0, /* nothing known */
	CS_LOOKUP_MODEL,    /* a model pattern matched */
	CS_LOOKUP_BRAND,    /* only the brand is known */
	CS_LOOKUP_AMBIGUOUS /* the name is ambiguous; see note */
};

/* The result of a query; all strings NUL-terminated, "" when unknown. */
struct cs_lookup_result {
	enum cs_lookup_status status;
	char input_brand[64]; /* brand as recognised in the input */
	char model[64];       /* model token as typed */
	char brand[64];       /* badge brand */
	char maker[64];       /* true maker (makers.tsv name) */
	char line[64];        /* product line */
	char relation[24];
	char until[16];
	char pattern[64]; /* the models.tsv pattern that matched */
	double confidence;
	char source[256];
	char note[256]; /* conflict, ambiguity or date explanation */
};

/*
 * Resolves free text as a buyer types it ("BRAND MODEL", a model alone,
 * or a brand alone; at most CS_LOOKUP_MAX_INPUT bytes are considered).
 * A brand is recognised only at the start of the text (so "Ubuntu LTS
 * server" has no brand); brands come from the table's brand: rows, its
 * brand column and the resolver (may be NULL).  Fills *out completely and
 * returns out->status.
 */
enum cs_lookup_status cs_lookup_query(const struct cs_models *m,
				      const char *text, cs_brand_resolver fn,
				      void *ctx, struct cs_lookup_result *out);

#endif /* CS_OUI_MODELS_H */
