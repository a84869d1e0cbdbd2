/* SPDX-License-Identifier: ISC */
/*
 * Internals of the fingerprint engine shared by its files: fp_load.c
 * (rule and entity loaders), fp_match.c (matching, combination,
 * examples), fp_entity.c (entity queries), fp_index.c (rules by
 * observation key), fp_lit.c (required literals) and fp_pre.c (the
 * Hyperscan prefilter).  Not for use outside src/fp/.
 */
#ifndef CS_FP_FP_INT_H
#define CS_FP_FP_INT_H

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/cs.h"
#include "core/obs.h"
#include "fp/fp.h"

/* Caps of the rule-file loader (rule files may come from third parties). */
#define FP_MAX_FILE (1u << 20) /* bytes in one rule or entity file */
#define FP_MAX_LINE 4096       /* bytes in one line */
#define FP_MAX_FILES 256       /* rule files in a directory */
#define FP_MAX_RULES 4096      /* rules in a database */
#define FP_MAX_KEYS 32         /* `on` keys per rule */
#define FP_MAX_PORTS 8         /* `port` values per rule */
#define FP_MAX_SETS 8          /* assignments per rule (and per example) */
#define FP_MAX_EXAMPLES 32     /* examples per rule */
#define FP_MAX_PATTERN 1024    /* bytes in a pattern */
#define FP_MAX_VALUE 63        /* bytes in an assigned value */
#define FP_MAX_TEXT 256        /* bytes in a source line */
#define FP_MAX_BRANDS 1024     /* entity-table rows */
#define FP_MAX_ALIASES 16      /* aliases (or exclusions) per row */

/* Caps of matching. */
#define FP_MAX_SUBJECT 4096    /* bytes of a value any pattern sees */
#define FP_MATCH_LIMIT 100000u /* pcre2_set_match_limit */
#define FP_DEPTH_LIMIT 2000u   /* pcre2_set_depth_limit */
#define FP_HEAP_LIMIT 4096u    /* pcre2_set_heap_limit, KiB */
#define FP_MAX_LOOKUP_HITS 4   /* brands one lookup may report */
#define FP_MAX_ASSIGN 32       /* assignments one rule match may make */

enum fp_field {
	FP_F_MANUFACTURER,
	FP_F_BRAND,
	FP_F_MODEL,
	FP_F_FIRMWARE,
	FP_F_CLASS,
	FP_F_SURVEILLANCE,
	FP_F_COUNT
};

/*
 * What kind of class evidence a rule's `class=` claims are (directive
 * `tier`, docs/fingerprints.md §5): a claim of a higher tier always
 * outranks one of a lower tier, whatever the weights, and generic claims
 * count once however many rules or observations repeat them.
 */
enum fp_tier {
	FP_TIER_DEFAULT = 0, /* no `tier` directive: role */
	FP_TIER_GENERIC,     /* generic protocol evidence (ONVIF types,
				scopes, profiles): shared by many kinds */
	FP_TIER_ROLE,        /* a device-type field or protocol role
				specific to one kind of device */
	FP_TIER_MODEL,       /* a model family or product-line string */
	FP_TIER_COUNT
};

/* One `set field=template[@weight]`; weight < 0 means the rule's. */
struct fp_set {
	enum fp_field field;
	char *tmpl; /* owned; may hold $1..$9 and $$ */
	double weight;
	unsigned line;
};

/* One expected `field=value` of an example. */
struct fp_expect {
	enum fp_field field;
	char *value; /* owned */
};

struct fp_example {
	uint8_t *p; /* owned, decoded bytes */
	size_t n;
	bool neg; /* example!: must not match */
	unsigned line;
	struct fp_expect exp[FP_MAX_SETS];
	size_t nexp;
};

struct fp_rule {
	char id[64];
	size_t idlen; /* strlen(id) */
	char file[64];
	unsigned line;
	char keys[FP_MAX_KEYS][CS_OBS_MAX_KEY];
	size_t nkeys;
	uint16_t ports[FP_MAX_PORTS];
	size_t nports;
	char *pattern; /* owned; NULL when the rule is lookup-only */
	unsigned match_line;
	uint32_t pflags; /* PCRE2 compile options from `flags` */
	pcre2_code *re;  /* owned */
	bool jit;        /* re was JIT-compiled: pcre2_jit_match runs it */
	uint32_t ncap;   /* capture groups in re */
	bool lookup;     /* `lookup brands` */
	struct fp_set sets[FP_MAX_SETS];
	size_t nsets;
	double weight;
	bool has_weight;
	enum fp_tier tier; /* of the rule's class claims */
	char *source;          /* owned */
	struct fp_example *ex; /* owned array */
	size_t nex;
};

/* A brand alias searched as a whole word. */
struct fp_alias {
	char *text; /* owned */
	size_t len;
	bool exact_case; /* written "=Text" in the table */
};

/* The evidence line of a surveillance presumption from a cctv=mostly maker
 * (docs/fingerprints.md §5, step 8) and its weight. */
#define FP_PRESUMED_RULE CS_FP_PRESUMED_RULE
#define FP_PRESUMED_WEIGHT 0.5

struct fp_maker {
	char *name;   /* canonical, owned */
	char *legal;  /* owned; '|'-separated legal names, primary first */
	char *parent; /* owned; "" when none */
	char *source; /* owned */
	char country[4];
	bool cctv;        /* makes video-surveillance equipment */
	bool cctv_only;   /* makes nothing else (cctv column "only") */
	bool cctv_mostly; /* mostly makes it (cctv column "mostly"): maker-only
			     evidence presumes surveillance */
	double conf;
	struct fp_alias alias[FP_MAX_ALIASES];
	size_t nalias;
};

struct fp_brand {
	char *name;   /* canonical, owned */
	size_t maker; /* index into makers */
	double conf;  /* confidence of the brand -> maker mapping */
	char relation[16];
	char *source;                          /* owned */
	struct fp_alias alias[FP_MAX_ALIASES]; /* includes the name itself */
	size_t nalias;
	struct fp_alias excl[FP_MAX_ALIASES]; /* phrases that veto a hit */
	size_t nexcl;
};

/* One product-line white-label relation (oem.tsv). */
struct fp_oem {
	size_t brand; /* index into brands */
	size_t maker; /* index into makers */
	char *line;     /* owned */
	char *prefixes; /* owned; '|'-separated, "" none */
	char from[11], to[11];
	double conf;
	char *source; /* owned */
};

/* One dated ownership fact (ownership.tsv). */
struct fp_own {
	char *entity, *owner; /* owned */
	char relation[32];
	char from[11], to[11];
	double conf;
	char *source; /* owned */
};

/*
 * A product line of a brand made after its relation with a maker ended
 * (models.tsv rows with relation former-owner and an until date, e.g.
 * Lorex N4K3 after the 24 Nov 2022 sale by Dahua): a model matching it
 * dates the unit after the relation.
 */
struct fp_postline {
	size_t brand, maker; /* indices into brands, makers */
	char pattern[64];    /* models.tsv pattern (see docs/lookup.md) */
	char until[11];
};

struct cs_fpdb {
	struct fp_rule *rules;
	size_t nrules, caprules;
	struct fp_maker *makers;
	size_t nmakers;
	struct fp_brand *brands;
	size_t nbrands;
	struct fp_oem *oems;
	size_t noems;
	struct fp_own *owns;
	size_t nowns;
	struct fp_keyidx *kidx; /* rules by observation key (fp_index.c) */
	size_t nkidx;
	int *khash; /* kidx positions by key hash, -1 empty (fp_index.c) */
	size_t khcap; /* a power of two */
	struct fp_postline *posts;
	size_t nposts;
	struct fp_pre *pre; /* multi-pattern prefilter (fp_pre.c), or NULL */
	struct fp_names *maker_names, *brand_names; /* fp_index.c */
};

/*
 * Names and aliases (ASCII case ignored) to the first maker or brand that
 * carries them, a hash table built with the rule index (fp_index.c).
 * cs_fp_name_find returns the index, -1 when absent, or -2 when s is too
 * long for the table (the caller then searches linearly).
 */
struct fp_names;
int cs_fp_name_find(const struct fp_names *t, const char *s);

/* The rules that read one observation key, in file order. */
struct fp_keyidx {
	char key[CS_OBS_MAX_KEY];
	size_t *rule; /* owned; indices into rules */
	size_t n;
};

/* (Re)builds db->kidx from db->rules; the loaders call it last. */
void cs_fp_index_build(struct cs_fpdb *db);

/* Frees db->kidx. */
void cs_fp_index_free(struct cs_fpdb *db);

/* The index entry for key (NUL-terminated), or NULL if no rule reads it. */
const struct fp_keyidx *cs_fp_index_find(const struct cs_fpdb *db,
					 const char *key);

/*
 * Required literals of a pattern (fp_lit.c): runs of bytes (buf + off[i],
 * len[i]) of which every match contains at least one, ASCII case aside.
 * cs_fp_literals returns false when there is no such set (of at most
 * FP_MAX_LITS) or the syntax is not followed.
 */
#define FP_MAX_LITS 128
struct fp_lits {
	char buf[FP_MAX_PATTERN + 1];
	size_t off[FP_MAX_LITS], len[FP_MAX_LITS];
	size_t n, used;
};
bool cs_fp_literals(const char *pattern, uint32_t pflags, struct fp_lits *out);

/*
 * The prefilter (fp_pre.c).  cs_fp_pre_rules scans n bytes at p, a value
 * of the key ki (an entry of db->kidx), and sets stamp[rule] = now for
 * every rule of that key whose pattern may match, and lists them in
 * hits (at most max; *nhits is the count, which may exceed max); false
 * when it could not (the caller then runs every rule).  Rules for which
 * cs_fp_pre_always is true are never named and must always run.
 * cs_fp_pre_brands does the same for brand aliases (stamp per brand, and
 * the list of brands named) and
 * returns 1 when some brand may occur, 0 when none can, -1 when it could
 * not tell.  Scratch comes from cs_fp_pre_scratch (NULL: no prefilter).
 */
void cs_fp_pre_free(struct cs_fpdb *db);
void *cs_fp_pre_scratch(const struct cs_fpdb *db);
void cs_fp_pre_scratch_free(void *scratch);
bool cs_fp_pre_rules(const struct cs_fpdb *db, void *scratch,
		     const struct fp_keyidx *ki, const uint8_t *p, size_t n,
		     uint32_t *stamp, uint32_t now, size_t *hits, size_t max,
		     size_t *nhits);
/* The rules of key ki the prefilter never names (no literals), in rule
 * order; n receives their count. */
const size_t *cs_fp_pre_key_always(const struct cs_fpdb *db,
				   const struct fp_keyidx *ki, size_t *n);
bool cs_fp_pre_always(const struct cs_fpdb *db, size_t rule);
/* The same for every rule at once: nonzero bytes, one per rule (NULL
 * without a prefilter). */
const uint8_t *cs_fp_pre_always_map(const struct cs_fpdb *db);
int cs_fp_pre_brands(const struct cs_fpdb *db, void *scratch,
		     const uint8_t *p, size_t n, uint32_t *stamp, uint32_t now,
		     size_t *hits, size_t max, size_t *nhits);

/* Name of a confidence value parse_conf produced ("high", ...). */
const char *cs_fp_conf_name(double conf);

/* One value a rule match assigns. */
struct fp_assign {
	enum fp_field field;
	char value[FP_MAX_VALUE + 1];
	double weight;
	bool from_table; /* derived through the brand table */
	int brand;       /* manufacturer named through this brand (index
			    into brands: a brand name or table hit), or -1 */
};

/* Returns the field's name ("manufacturer", ...). */
const char *cs_fp_field_name(enum fp_field f);
/* strlen(cs_fp_field_name(f)), without the scan. */
size_t cs_fp_field_name_len(enum fp_field f);

/* Parses a field name; returns 0 or CS_EINVAL. */
int cs_fp_field_parse(const char *s, size_t n, enum fp_field *out);

/* Frees one rule's owned members (not the struct). */
void cs_fp_rule_clear(struct fp_rule *r);

/*
 * Applies rule r to n bytes at p (capped at FP_MAX_SUBJECT), writing at
 * most max assignments to out.  md/mc are the caller's PCRE2 match data
 * (at least 10 pairs) and match context.  Returns the number of
 * assignments; *matched is set when the pattern (or lookup) hit, *limit
 * when PCRE2 stopped at a resource limit.
 */
size_t cs_fp_rule_apply(const struct cs_fpdb *db, const struct fp_rule *r,
			const uint8_t *p, size_t n, pcre2_match_data *md,
			pcre2_match_context *mc, struct fp_assign *out,
			size_t max, bool *matched, bool *limit);

/*
 * True when model matches a models.tsv pattern: anchored at the start,
 * ASCII case ignored, a prefix unless the pattern ends in '$'; '#' a
 * digit, '@' a letter, '?' a letter or digit, '*' any run.
 */
bool cs_fp_model_pattern(const char *pattern, const char *model);

/* Creates a match context with the engine's limits; NULL on OOM. */
pcre2_match_context *cs_fp_mcontext_new(void);

#endif /* CS_FP_FP_INT_H */
