/* SPDX-License-Identifier: ISC */
/*
 * The data-driven fingerprint engine.  Rules (the .fp files of
 * data/fingerprints/) and entity tables (data/entities/: makers.tsv and
 * brands.tsv, and when present oem.tsv for OEM lineage, ownership.tsv for
 * dated ownership and models.tsv for model-number patterns) are loaded
 * once into a struct cs_fpdb; cs_fp_identify then turns one device's
 * observations into an identity: true manufacturer (through OEM lineage)
 * and its country, badge brand, model, firmware, device class, whether it
 * is visual-surveillance equipment (or that the evidence does not say), a
 * confidence in [0, 1] and the evidence behind each field.  The rule
 * format and the combination method are documented in
 * docs/fingerprints.md.
 *
 * Identification is pure: it reads the database and the observations only,
 * so one loaded database may be shared by any number of threads.
 */
#ifndef CS_FP_FP_H
#define CS_FP_FP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "core/cs.h"
#include "core/obs.h"

enum cs_class {
	CS_CLASS_UNKNOWN = 0,
	CS_CLASS_CAMERA,
	CS_CLASS_NVR,
	CS_CLASS_DVR,
	CS_CLASS_ENCODER,
	CS_CLASS_DECODER,
	CS_CLASS_INTERCOM,
	CS_CLASS_ACCESS_CONTROL,
	CS_CLASS_ALARM_PANEL,
	CS_CLASS_SWITCH,
	CS_CLASS_ROUTER,
	CS_CLASS_STORAGE,
	CS_CLASS_VMS_SOFTWARE,
	CS_CLASS_RADIO,
	CS_CLASS_PRINTER,
	CS_CLASS_OTHER,
	CS_CLASS_COUNT /* not a class: the number of them */
};

/*
 * Returns the static name of a class: "unknown", "camera", "nvr", "dvr",
 * "encoder", "decoder", "intercom", "access-control", "alarm-panel",
 * "switch", "router", "storage", "vms-software", "radio", "printer" or
 * "other" ("unknown" for an out-of-range value).
 */
const char *cs_class_name(enum cs_class c);

/*
 * Parses a class name (as cs_class_name prints it, ASCII case ignored)
 * from the NUL-terminated s.  Returns 0 and sets *out, or CS_EINVAL.
 */
int cs_class_parse(const char *s, enum cs_class *out);

/*
 * True for the classes that are video-surveillance equipment whatever the
 * regime: camera, nvr, dvr, encoder and decoder.  Whether a regime also
 * covers intercoms or access terminals is the regime's to say.
 */
bool cs_class_is_video(enum cs_class c);

#define CS_FP_MAX_EVIDENCE 48

/*
 * One piece of evidence: rule `rule` matched observation `obs_key` on
 * `port` and asserted `claim` for `field` with `weight`.  `value` is an
 * excerpt (at most 63 bytes, NUL bytes replaced by '?', otherwise raw and
 * NOT escaped) of the observed value.  Evidence derived from the entity
 * tables (a brand mapped to its true manufacturer) names the rule
 * "brand-table:<rule>"; defaults filled in by the engine name the rule
 * "default:<what>".  All strings are NUL-terminated.
 */
struct cs_evidence {
	char field[16];   /* "manufacturer", "brand", "model", "firmware",
			     "class" or "surveillance" */
	char value[64];   /* excerpt of the observed value (raw bytes) */
	char rule[64];    /* rule id */
	char obs_key[48]; /* observation key the rule matched */
	uint16_t port;    /* observation port; 0 if none */
	double weight;    /* weight of this assertion, in [0, 1] */
	char claim[64];   /* the value asserted for field */
};

/*
 * A device's identity.  String fields are "" when unknown.  ev[] holds at
 * most CS_FP_MAX_EVIDENCE items, ordered by field and then by weight; when
 * more evidence existed the lowest-weight items were dropped (nev_dropped
 * counts them).
 */
struct cs_identity {
	char manufacturer[64];        /* true maker (canonical name) */
	char manufacturer_country[4]; /* ISO 3166 alpha-2 of the maker */
	char brand[64];               /* badge brand it is sold under */
	char model[64];
	char firmware[64];
	enum cs_class device_class;
	bool surveillance;          /* visual-surveillance equipment */
	bool surveillance_known;    /* false: the evidence does not establish
				       whether it is (surveillance is then
				       false, and JSON shows null) */
	bool surveillance_presumed; /* surveillance is presumed from the
				       maker (makers.tsv cctv=mostly) with no
				       class evidence; the evidence carries a
				       "maker:mostly-video" line */
	double confidence;          /* in [0, 1]; see docs/fingerprints.md */
	struct cs_evidence ev[CS_FP_MAX_EVIDENCE];
	size_t nev;
	size_t nev_dropped;
};

/*
 * Whether id is video-surveillance equipment: 1 yes, 0 no, -1 not
 * established.  Also right for an identity read back from a store that
 * keeps only the boolean: there a device of unknown class that is not
 * marked as surveillance is taken as not established.
 */
static inline int
cs_identity_surveillance(const struct cs_identity *id)
{
	if (id->surveillance)
		return 1;
	if (id->surveillance_known || id->device_class != CS_CLASS_UNKNOWN)
		return 0;
	return -1;
}

/* The rule named by the evidence line of a surveillance presumption. */
#define CS_FP_PRESUMED_RULE "maker:mostly-video"

/*
 * True when id's surveillance is a presumption from its maker
 * (makers.tsv cctv=mostly), not observed: surveillance_presumed, or (an
 * identity read back from a store, which keeps the evidence but not the
 * flag) surveillance with no class and the presumption's evidence line.
 */
static inline bool
cs_identity_surveillance_presumed(const struct cs_identity *id)
{
	if (id->surveillance_presumed)
		return true;
	if (!id->surveillance || id->device_class != CS_CLASS_UNKNOWN)
		return false;
	for (size_t i = 0; i < id->nev && i < CS_FP_MAX_EVIDENCE; i++)
		if (strcmp(id->ev[i].rule, CS_FP_PRESUMED_RULE) == 0)
			return true;
	return false;
}

/*
 * What id's surveillance rests on: "presumed" (from the maker, see
 * cs_identity_surveillance_presumed), "observed" (established by
 * evidence, yes or no) or NULL (not established).  Static strings.
 */
static inline const char *
cs_identity_surveillance_basis(const struct cs_identity *id)
{
	if (cs_identity_surveillance(id) < 0)
		return NULL;
	return cs_identity_surveillance_presumed(id) ? "presumed" : "observed";
}

/* Compiled rules plus entity tables; opaque. */
struct cs_fpdb;

/*
 * Loads the entity tables (makers.tsv, brands.tsv; oem.tsv, ownership.tsv
 * and models.tsv if present) from dir_entities (may be NULL: no entity
 * tables) and then every .fp file of dir_fingerprints, in name order.  On error returns NULL and writes "file:line: message"
 * into err (errsz bytes, may be 0).  The caller frees the result with
 * cs_fpdb_free.
 */
struct cs_fpdb *cs_fpdb_load(const char *dir_fingerprints,
			     const char *dir_entities, char *err, size_t errsz);

/*
 * Loads rules from one in-memory buffer (n bytes at p, borrowed for the
 * call; need not be NUL-terminated), with no entity tables.  name is used
 * in error messages.  As cs_fpdb_load otherwise.
 */
struct cs_fpdb *cs_fpdb_load_mem(const char *name, const uint8_t *p, size_t n,
				 char *err, size_t errsz);

/*
 * Adds rules from an in-memory buffer to an existing database (for tests
 * that want entity tables and extra rules).  Returns 0, or CS_EINVAL with
 * "name:line: message" in err; on error db is unchanged.
 */
int cs_fpdb_add_mem(struct cs_fpdb *db, const char *name, const uint8_t *p,
		    size_t n, char *err, size_t errsz);

/* Frees db and everything it owns; NULL is a no-op. */
void cs_fpdb_free(struct cs_fpdb *db);

/*
 * Identifies one device from its observations (borrowed for the call) and
 * fills *out completely.  Pure with respect to db (safe to call
 * repeatedly and concurrently).
 */
void cs_fp_identify(const struct cs_fpdb *db, const struct cs_obs_list *obs,
		    struct cs_identity *out);

/*
 * Builds db's multi-pattern prefilter (Hyperscan, src/fp/fp_pre.c) so
 * that one scan of an observation names the only rules and brands that
 * can match it; identities are the same as without it.  Call after the
 * last load or add (which drop it) and before sharing db between threads.
 * Returns 0, or CS_ENOTFOUND when this build or CPU has no Hyperscan
 * (matching stays PCRE2-only).  The environment variable
 * CAMSWEEP_FP_ENGINE=pcre2 makes the commands that call it skip it.
 */
int cs_fpdb_prefilter(struct cs_fpdb *db);

/* cs_fpdb_prefilter unless CAMSWEEP_FP_ENGINE is "pcre2" (the benches
 * and tests compare both engines with it). */
int cs_fpdb_prefilter_auto(struct cs_fpdb *db);

/* True when db's prefilter is built. */
bool cs_fpdb_prefilter_on(const struct cs_fpdb *db);

/*
 * A matching context: the working memory of cs_fp_identify (assertion
 * and summary arrays, PCRE2 match data, Hyperscan scratch), allocated once
 * for many identifications.  One per thread; db must outlive it and not
 * change while it is used.  cs_fpctx_new returns NULL on OOM.
 */
struct cs_fpctx;
struct cs_fpctx *cs_fpctx_new(const struct cs_fpdb *db);
void cs_fpctx_free(struct cs_fpctx *ctx);

/*
 * Turns on (or off, freeing it) ctx's memo of observations: what the
 * rules assert of an observation depends on its key, port and value
 * alone, so a context that identifies many lists (identify, listen)
 * keeps it (bounded, some megabytes) and does not match a repeated
 * observation again.  The identities are the same with it or without.
 */
void cs_fpctx_memo(struct cs_fpctx *ctx, bool on);
/* Observations looked up in ctx's memo so far, and found (0 if off). */
void cs_fpctx_memo_stats(const struct cs_fpctx *ctx, uint64_t *lookups,
			 uint64_t *hits);

/* As cs_fp_identify, with ctx's memory (and db's prefilter, if built). */
void cs_fp_identify_ctx(struct cs_fpctx *ctx, const struct cs_obs_list *obs,
			struct cs_identity *out);

/*
 * cs_fp_identify_ctx in two steps: _collect applies the rules to obs (and
 * keeps what they assert in ctx; obs must stay unchanged until the
 * second step), _collected combines it into out.  In between,
 * cs_fpctx_signature appends to b bytes that determine what the second
 * step gives (what the combination reads of each assertion and of its
 * observation), so that a caller may keep the output of an identity by
 * them: two lists with the same signature (and the same count and
 * salvaged flags, which the caller adds) identify alike.  Returns 0 or
 * the cs_buf error.
 */
struct cs_buf;
void cs_fp_collect(struct cs_fpctx *ctx, const struct cs_obs_list *obs);
int cs_fpctx_signature(const struct cs_fpctx *ctx, struct cs_buf *b);
void cs_fp_identify_collected(struct cs_fpctx *ctx, struct cs_identity *out);

/*
 * One evidence item as cs_fp_identify_collected writes it into a row of
 * struct cs_evidence, without the row: each string as the row holds it
 * (cut where the row cuts it, a NUL of the observed value made '?'), n
 * bytes long, with no NUL inside.  Valid until the next call with ctx.
 */
struct cs_evref {
	const char *field, *claim, *value, *rule, *obs_key;
	size_t nfield, nclaim, nvalue, nrule, nobs_key;
	uint16_t port; /* 0 if none */
	double weight;
	/* field, rule and obs_key need no JSON escape: a field's name, a
	 * rule's id (the loader takes 1-63 letters, digits, '.', '_' and
	 * '-') or brand-table:<id>, and the key of the rule it was found
	 * under (a rule reads an observation through the index of its
	 * keys, the exact key; the loader takes only keys of the
	 * vocabulary, src/parse/obskeys.c) or none; not an engine
	 * default's name (a dated relation's note names makers) */
	bool plain;
	char vbuf[64], rbuf[64]; /* value and rule where they are built */
};

/*
 * As cs_fp_identify_collected, but out gets no evidence rows (out->nev
 * is 0, out->nev_dropped as there): *refs is set to the items the rows
 * would hold, in their order, and *nref to their count.  identify writes
 * its output from them (writing a row of 272 bytes to read it back cost
 * more than the output's text).
 */
void cs_fp_identify_refs(struct cs_fpctx *ctx, struct cs_identity *out,
			 const struct cs_evref **refs, size_t *nref);

/*
 * Runs every rule's examples; returns the number of failures and prints
 * each ("file:line: rule id: message") to stderr.
 */
int cs_fpdb_check_examples(const struct cs_fpdb *db);

/* As cs_fpdb_check_examples, printing to out (NULL: print nothing). */
int cs_fpdb_check_examples_to(const struct cs_fpdb *db, FILE *out);

/* Number of rules loaded. */
size_t cs_fpdb_rule_count(const struct cs_fpdb *db);

/* Number of brands and makers in the entity tables. */
size_t cs_fpdb_brand_count(const struct cs_fpdb *db);
size_t cs_fpdb_maker_count(const struct cs_fpdb *db);

/*
 * Looks up a brand or maker name (any listed alias, ASCII case ignored) in
 * the entity tables.  On success copies the canonical brand (may be "" when
 * s names a maker only) and its true maker's canonical name and country
 * into the given buffers (each may be NULL) and returns 0; returns
 * CS_ENOTFOUND otherwise.
 */
int cs_fpdb_lookup_brand(const struct cs_fpdb *db, const char *s, char *brand,
			 size_t brandsz, char *maker, size_t makersz,
			 char country[4]);


/* ---------------------------------------------------------------------- */
/* Entity knowledge base (data/entities/): makers, ownership, brands and
 * white-label (OEM) relations.  Every row carries a source and a
 * confidence; see docs/fingerprints.md §3. */

#define CS_FP_MAX_LEGAL 6      /* legal names reported per maker */
#define CS_FP_MAX_OWNERSHIP 12 /* ownership rows reported per maker */
#define CS_FP_MAX_RELATIONS 16 /* relations reported per brand */

/*
 * One dated ownership fact: `entity` is (or was) owned/controlled by
 * `owner`.  Dates are "YYYY", "YYYY-MM" or "YYYY-MM-DD"; from is "" when
 * not established, to is "" while it still holds.  depth is 0 for a fact
 * about the maker itself, 1 for one about its owner, and so on up the
 * chain.  All strings NUL-terminated.
 */
struct cs_ownership {
	char entity[64];   /* the owned company (maker canonical name or a
			      company named in ownership.tsv) */
	char owner[96];    /* the owner, parent or controlling shareholder */
	char owner_country[4]; /* ISO 3166 alpha-2 when the owner is a known
				  maker, else "" */
	char relation[32]; /* "parent", "subsidiary-of", "largest-shareholder",
			      "acquired-by", "sale-announced", ... */
	char from[11];
	char to[11];
	unsigned depth;
	double confidence; /* in [0, 1] */
	char confidence_name[12]; /* "high", "medium-high", "medium",
				     "medium-low", "low" */
	char source[192];
};

/*
 * Everything the knowledge base holds about one maker.  Strings are ""
 * when unknown; legal[0] is the primary legal name.
 */
struct cs_maker_info {
	char name[64];        /* canonical maker name */
	char legal[CS_FP_MAX_LEGAL][128];
	size_t nlegal;
	char country[4];      /* ISO 3166 alpha-2 of incorporation, or "" */
	bool cctv;            /* makes video-surveillance equipment */
	char parent[96];      /* current parent/controller (ownership row
				 with empty `to`, or the makers.tsv parent
				 column), "" if none */
	double confidence;    /* confidence of the maker row */
	char confidence_name[12];
	char source[192];     /* source of the maker row */
	struct cs_ownership own[CS_FP_MAX_OWNERSHIP]; /* the maker's own
				 rows first (depth 0, by date), then its
				 owners' rows (depth 1, 2, ...) */
	size_t nown;
};

/*
 * Looks up a maker by canonical name, alias or legal name (whole value,
 * ASCII case ignored; a brand name also resolves, to the brand's maker) and
 * fills *out completely.  name is NUL-terminated and borrowed.  Returns 0,
 * CS_ENOTFOUND, or CS_EINVAL on NULL arguments.
 */
int cs_fpdb_maker_info(const struct cs_fpdb *db, const char *name,
		       struct cs_maker_info *out);

/*
 * Lists the ownership facts about entity (a maker, brand or company name as
 * written in ownership.tsv, ASCII case ignored — e.g. "Lorex", "Imou",
 * "Dahua Technology USA"), then those about its current owners up the
 * chain, into out[0..max).  Returns the number written.
 */
size_t cs_fpdb_ownership(const struct cs_fpdb *db, const char *entity,
			 struct cs_ownership *out, size_t max);

/*
 * One brand -> true-maker relation.  line/prefixes are "" for the
 * relation that covers the whole brand; otherwise the relation holds only
 * for that product line (prefixes: '|'-separated model prefixes, matched
 * case-insensitively at the start of a model).  from/to as in struct
 * cs_ownership ("" = open).
 */
struct cs_brand_info {
	char brand[64];        /* canonical brand */
	char maker[64];        /* true maker of the hardware/firmware */
	char maker_country[4]; /* ISO 3166 alpha-2 of that maker, or "" */
	char relation[16];     /* "own" (the maker's own name), "sub-brand",
				  "subsidiary", "white-label", "former-name" */
	char line[64];         /* product line name, "" = whole brand */
	char prefixes[128];    /* model prefixes of the line, "" if none */
	char from[11];
	char to[11];
	double confidence;     /* of the brand -> maker mapping, in [0, 1] */
	char confidence_name[12];
	char source[192];
};

/*
 * Resolves brand (any alias, whole value, ASCII case ignored) and an
 * optional model (NULL or "" for none) to the relation that applies: the
 * product-line relation whose model prefix matches model if there is one,
 * else the brand's general relation.  Both strings are NUL-terminated and
 * borrowed.  Fills *out; returns 0, CS_ENOTFOUND, or CS_EINVAL.
 */
int cs_fpdb_brand_info(const struct cs_fpdb *db, const char *brand,
		       const char *model, struct cs_brand_info *out);

/*
 * Lists every relation of brand (the general one first, then each product
 * line) into out[0..max).  Returns the number of relations found (may be
 * more than max; only max are written); 0 when the brand is unknown.
 */
size_t cs_fpdb_brand_relations(const struct cs_fpdb *db, const char *brand,
			       struct cs_brand_info *out, size_t max);

/*
 * Finds brands named inside free text (whole words, exclusion phrases
 * honoured, as `lookup brands` does) — e.g. "Lorex LNB4163" or
 * "LTS CMIP7422W-28M".  Writes at most max canonical brand names (each
 * brandsz bytes) into brands and returns how many were found.
 * Case-sensitive aliases ("=LTS") stay case-sensitive.
 */
size_t cs_fpdb_find_brands(const struct cs_fpdb *db, const char *text,
			   char (*brands)[64], size_t max);

#endif /* CS_FP_FP_H */
