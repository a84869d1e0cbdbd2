/* SPDX-License-Identifier: ISC */
/*
 * Regimes as versioned data with citations (data/policy/NAME.regime; the
 * format is documented in docs/policy.md).  A regime has an id, a
 * version, an effective date, a citation, a test of whose equipment it
 * covers (the PRC National Intelligence Law test, a list of named
 * entities with the dates they were listed, or none: a local rule on the
 * device alone), the device classes it covers, and its obligations, each
 * with the conditions under which it applies to a device, an action, an
 * optional deadline and its own citation, and inline examples (a device,
 * where it is, and the findings it must get) that cs_regime_check_examples
 * runs.  Parsing is pure and bounded.
 */
#ifndef CS_POLICY_REGIME_H
#define CS_POLICY_REGIME_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "core/cs.h"
#include "fp/fp.h"

#define CS_REGIME_MAX_ENTITIES 128
#define CS_REGIME_MAX_OBLIGATIONS 16
#define CS_REGIME_MAX 64 /* regimes per set */
#define CS_REGIME_MAX_BYTES (1u << 20)
#define CS_REGIME_MAX_EXAMPLES 32 /* per regime */
#define CS_REGIME_MAX_EXPECT 8    /* findings one example expects */

/* Conditions an obligation needs (all must hold): bit set. */
enum {
	CS_WHEN_COVERED = 1u << 0,      /* equipment covered by the test */
	CS_WHEN_SENSITIVE = 1u << 1,    /* on a sensitive site */
	CS_WHEN_NONSENSITIVE = 1u << 2, /* on a site that is not */
	CS_WHEN_CORE = 1u << 3,         /* core zone, or reachable from core */
	CS_WHEN_SURVEILLANCE = 1u << 4, /* visual-surveillance equipment */
	CS_WHEN_UNKNOWN_MAKE = 1u << 5, /* true maker not identified */
	CS_WHEN_NEW = 1u << 6 /* first seen after the effective date, later
				 than the inventory's baseline scan */
};

enum cs_regime_test {
	CS_TEST_PRC = 1,  /* maker or a parent incorporated in CN */
	CS_TEST_ENTITIES, /* maker, brand or a parent is a listed entity */
	CS_TEST_NONE,     /* no maker is covered: a local rule whose
			     obligations turn on the device alone (e.g.
			     surveillance equipment on a core network) */
	CS_TEST_EXPOSURE  /* whatever its maker, a device is covered by an
			     obligation when it shows the obligation's
			     signal (a known-exploited flaw its firmware
			     carries, end of support, a posture fact:
			     docs/posture.md) */
};

/* The exposure signals an obligation of a test=exposure regime names
 * (signal=); NULL-terminated. */
extern const char *const cs_exposure_signals[];
/* True if s is one of cs_exposure_signals. */
bool cs_exposure_signal_valid(const char *s);

/*
 * Device classes a regime (or one of its entities) covers: bit (1u << c)
 * for each enum cs_class c; CS_CLASSES_ANY (every bit, CS_CLASS_UNKNOWN
 * included) when the instrument covers a maker's equipment whatever it is.
 */
#define CS_CLASSES_ANY ((1u << CS_CLASS_COUNT) - 1u)

/* Default when a regime says nothing: the video classes (camera, nvr, dvr,
 * encoder, decoder; cs_class_is_video). */
uint32_t cs_regime_video_classes(void);

/*
 * Parses a comma-separated class list ("camera,nvr,intercom", or "any",
 * or "video" for the video classes, which may be combined with others)
 * into *out.  Returns 0, or CS_EINVAL with the offending word copied
 * into bad (badsz bytes).
 */
int cs_regime_classes_parse(const char *s, uint32_t *out, char *bad,
			    size_t badsz);

/* Writes the class list of mask (as the file would) into out. */
void cs_regime_classes_str(uint32_t mask, char *out, size_t osz);

struct cs_regime_entity {
	char name[96];    /* maker/company name as the entity tables know it */
	uint32_t classes; /* classes covered for this entity; 0 = the
			     regime's */
	char legal[160];  /* the name as the instrument writes it */
	char since[11];   /* listed from (YYYY-MM-DD); "" = regime effective */
	unsigned line;
};

struct cs_obligation {
	char id[32];
	char action[32];    /* see struct cs_finding_row.action */
	char text[160];     /* what to do, for humans */
	unsigned when;      /* CS_WHEN_* */
	char effective[11]; /* "" = the regime's */
	char deadline[11];  /* "" = none */
	char citation[256]; /* "" = the regime's */
	char url[256];
	int max_severity; /* enum cs_severity cap, -1 = none */
	char signal[24];  /* test=exposure: the signal that raises it */
	unsigned line;
};

/* One finding an example expects: the obligation and its severity. */
struct cs_regime_expect {
	char obl[32]; /* an obligation id, or "confirm-class" */
	int severity; /* enum cs_severity */
};

/*
 * An inline example (docs/policy.md, "Examples"): a device with these
 * facts, at a site of this sensitivity and zone, as of a date, gets
 * exactly these findings from its regime.
 */
struct cs_regime_example {
	char maker[64];  /* manufacturer; "" = not identified */
	char country[4]; /* maker's country if the tables lack it */
	char brand[64];
	int device_class;  /* enum cs_class */
	int surveillance;  /* 1 yes, 0 no, -1 not established */
	int site;          /* 0 none (unmapped), 1 sensitive, 2 not */
	int zone;          /* enum cs_zone (policy/estate.h) */
	bool reach_core;   /* answered from a core vantage point */
	bool isnew;        /* first seen on as_of, after the baseline */
	char as_of[11];    /* "" = the regime's effective date */
	char signals[256]; /* test=exposure: comma-separated signals the
			      device shows ("" none) */
	struct cs_regime_expect exp[CS_REGIME_MAX_EXPECT];
	size_t nexp; /* 0: no finding at all */
	unsigned line;
};

struct cs_regime {
	char id[48];
	char version[16];
	char title[160];
	char jurisdiction[16];
	char effective[11];
	char citation[256];
	char url[256];
	enum cs_regime_test test;
	bool affiliates;  /* owners up the chain count as the entity */
	uint32_t classes; /* device classes covered (bit per enum cs_class) */
	struct cs_regime_entity ent[CS_REGIME_MAX_ENTITIES];
	size_t nent;
	struct cs_obligation obl[CS_REGIME_MAX_OBLIGATIONS];
	size_t nobl;
	struct cs_regime_example ex[CS_REGIME_MAX_EXAMPLES];
	size_t nex;
	char file[256]; /* where it was loaded from */
};

struct cs_regime_set {
	struct cs_regime *r; /* owned */
	size_t n;
};

/* Initialises an empty set; free with cs_regime_set_free. */
void cs_regime_set_init(struct cs_regime_set *set);
void cs_regime_set_free(struct cs_regime_set *set);

/*
 * Parses regimes from n bytes at p (borrowed) and adds them to set.  A
 * regime whose id is already in set is an error.  Errors are written as
 * "name:line: message\n" lines into err (errsz bytes).  Returns 0 or
 * CS_EINVAL (set unchanged).
 */
int cs_regime_parse(struct cs_regime_set *set, const char *name,
		    const uint8_t *p, size_t n, char *err, size_t errsz);

/* Reads path and parses it into set, as cs_regime_parse. */
int cs_regime_load_file(struct cs_regime_set *set, const char *path, char *err,
			size_t errsz);

/*
 * Loads every "*.regime" file of dir, in name order.  Returns 0 or
 * CS_EINVAL / CS_EIO with a message in err.
 */
int cs_regime_load_dir(struct cs_regime_set *set, const char *dir, char *err,
		       size_t errsz);

/*
 * Runs every inline example of every regime of set through the evaluator
 * (cs_policy_eval_device) with the entity tables of db, and checks that
 * each regime has examples and each obligation at least one example that
 * expects it and one that does not.  Every failure is printed to out (NULL:
 * nothing printed) as "file:line: regime ID: message".  Returns the number
 * of failures.
 */
int cs_regime_check_examples(const struct cs_regime_set *set,
			     const struct cs_fpdb *db, FILE *out);

/* Finds a regime by id; NULL if none. */
const struct cs_regime *cs_regime_find(const struct cs_regime_set *set,
				       const char *id);

#endif /* CS_POLICY_REGIME_H */
