/* SPDX-License-Identifier: ISC */
/*
 * The data-driven fingerprint engine.  Rules (the .fp files of
 * data/fingerprints/) and entity tables (data/entities/makers.tsv and
 * brands.tsv) are loaded once into a struct
 * cs_fpdb; cs_fp_identify then turns one device's observations into an
 * identity: true manufacturer, badge brand, model, firmware, device class,
 * whether it is visual-surveillance equipment, a confidence in [0, 1] and
 * the evidence behind each field.  The rule format and the combination
 * method are documented in docs/fingerprints.md.
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

#include "core/cs.h"
#include "core/obs.h"

enum cs_class {
	CS_CLASS_UNKNOWN = 0,
	CS_CLASS_CAMERA,
	CS_CLASS_NVR,
	CS_CLASS_DVR,
	CS_CLASS_ENCODER,
	CS_CLASS_OTHER
};

/*
 * Returns the static name of a class: "unknown", "camera", "nvr", "dvr",
 * "encoder" or "other" ("unknown" for an out-of-range value).
 */
const char *cs_class_name(enum cs_class c);

/*
 * Parses a class name (as cs_class_name prints it, ASCII case ignored)
 * from the NUL-terminated s.  Returns 0 and sets *out, or CS_EINVAL.
 */
int cs_class_parse(const char *s, enum cs_class *out);

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
	bool surveillance; /* visual-surveillance equipment */
	double confidence; /* in [0, 1]; see docs/fingerprints.md */
	struct cs_evidence ev[CS_FP_MAX_EVIDENCE];
	size_t nev;
	size_t nev_dropped;
};

/* Compiled rules plus entity tables; opaque. */
struct cs_fpdb;

/*
 * Loads the entity tables (brands.tsv, makers.tsv) from dir_entities (may
 * be NULL: no entity tables) and then every .fp file of dir_fingerprints,
 * in name order.  On error returns NULL and writes "file:line: message"
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

#endif /* CS_FP_FP_H */
