/* SPDX-License-Identifier: ISC */
/*
 * Vulnerabilities as cited data (issue #18, part 1) and the matching of a
 * device's identity against them (part 2).  The table is read from
 * the .vuln files of data/vulns/, whose format (every fact with the URL of its
 * source, inferred ranges marked, examples that run as tests) is documented in
 * docs/vulns.md.  The loader is a bounded line parser (its limits below);
 * matching is pure: one loaded table may be shared by any number of
 * threads.
 */
#ifndef CS_VULN_VULN_H
#define CS_VULN_VULN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/cs.h"
#include "vuln/fwver.h"

#define CS_VULN_MAX_FILE (1u << 20) /* bytes per file */
#define CS_VULN_MAX_LINE 4096       /* bytes per line */
#define CS_VULN_MAX_FILES 64
#define CS_VULN_MAX_VULNS 2048
#define CS_VULN_MAX_RULES 32    /* affects lines per vuln */
#define CS_VULN_MAX_EXAMPLES 32 /* per vuln */
#define CS_VULN_MAX_SOURCES 32  /* per file, and per vuln */
#define CS_VULN_MAX_EXACT 8     /* versions in one exact= list */
#define CS_VULN_MAX_EOS 1024    /* eos rows, all files together */

/* What decides a rule: see docs/vulns.md, "affects". */
enum cs_vuln_cond {
	CS_VULN_ALL = 1, /* versions=all: every version (the source says) */
	CS_VULN_NORANGE, /* versions=unknown: the source gives no range */
	CS_VULN_RANGE,   /* from= / to= / before= */
	CS_VULN_BUILT,   /* built-from= / built-before= */
	CS_VULN_EXACT,   /* exact=: only the versions named */
};

enum cs_vuln_verdict {
	CS_VULN_NONE = 0, /* not affected by this rule (no claim made) */
	CS_VULN_UNKNOWN,  /* the rule applies to the unit, but its firmware
			     does not parse, has no build date or does not
			     compare: no claim either way */
	CS_VULN_PRODUCT,  /* affected by product: the rule covers every
			     version, or its source gives none */
	CS_VULN_AFFECTED, /* the unit's version or build is in the range */
};

/* "none", "unknown", "product", "affected". */
const char *cs_vuln_verdict_name(enum cs_vuln_verdict v);

/* One `affects` line.  Strings NUL-terminated, "" when absent. */
struct cs_vuln_rule {
	char lineage[64];  /* maker whose firmware carries the flaw */
	char brands[256];  /* '|'-separated badges the source names; "" =
			      the lineage maker's own */
	char models[1024]; /* '|'-separated model patterns (oui/models.h
			      syntax; "*" any model) */
	char line[16];     /* version line the unit must be on ("2.800") */
	enum cs_vuln_cond cond;
	char from[64], to[64], before[64], fixed[64]; /* as written */
	struct cs_fwver vfrom, vto, vbefore;          /* parsed */
	uint32_t built_from, built_before;            /* YYYYMMDD, 0 none */
	char exact[512];                              /* as written */
	struct cs_fwver vexact[CS_VULN_MAX_EXACT];
	unsigned nexact;
	bool inferred;      /* the range itself is an inference */
	char conf[8];       /* high, medium or low */
	char note[256];     /* "" none */
	char sources[1024]; /* the URLs of its src= tags, space-separated */
	unsigned line_no;
};

struct cs_vuln_example {
	char maker[64], brand[64], model[64], firmware[160], lineage[64];
	enum cs_vuln_verdict want;
	bool want_inferred;
	unsigned line_no;
};

struct cs_vuln {
	char id[24]; /* CVE-YYYY-NNNN */
	char title[256];
	char product[128]; /* vendor / product as KEV or the CVE words it */
	double cvss;
	char cvss_version[4];
	char cvss_note[256];
	char cvss_sources[1024];
	bool kev; /* listed in the KEV catalogue (per its sources) */
	char kev_added[11], kev_due[11];
	char kev_action[16]; /* update, mitigate, eol, eol-possible,
				mitigate-eol, unknown */
	char kev_sources[1024];
	struct cs_vuln_rule *rules;
	size_t nrules;
	struct cs_vuln_example *examples;
	size_t nexamples;
	char file[64];
	unsigned line_no;
};

/*
 * One `eos` line: models past their end of support (docs/vulns.md, "End
 * of support").  Strings NUL-terminated, "" when absent.
 */
struct cs_eos {
	char maker[64];    /* the maker or badge the source names */
	char models[1024]; /* '|'-separated model patterns */
	char ended[11];    /* as written: YYYY, YYYY-MM, YYYY-MM-DD or
			      "unknown" */
	char stated[11];   /* YYYY-MM-DD a source said it is past support;
			      "" none */
	uint32_t since;    /* YYYYMMDD from which the unit is past support
			      (the day after an ended period, or the stated
			      date when earlier); 0: any date (no date
			      given) */
	char conf[8];      /* high, medium or low */
	char note[256];
	char sources[1024]; /* the URLs of its src= tags, space-separated */
	char file[64];
	unsigned line_no;
};

struct cs_vulndb;

/*
 * Loads every *.vuln file of dir, in name order.  On error returns NULL
 * with "file:line: message" in err.  Free with cs_vulndb_free.
 */
struct cs_vulndb *cs_vulndb_load(const char *dir, char *err, size_t errsz);
/*
 * Parses one file's text (n bytes at p, borrowed) named name.  As
 * cs_vulndb_load otherwise.
 */
struct cs_vulndb *cs_vulndb_load_mem(const char *name, const uint8_t *p,
				     size_t n, char *err, size_t errsz);
void cs_vulndb_free(struct cs_vulndb *db);
size_t cs_vulndb_count(const struct cs_vulndb *db);
const struct cs_vuln *cs_vulndb_get(const struct cs_vulndb *db, size_t i);

size_t cs_vulndb_eos_count(const struct cs_vulndb *db);
const struct cs_eos *cs_vulndb_eos_get(const struct cs_vulndb *db, size_t i);

/* A device as identification sees it; NULL or "" when unknown. */
struct cs_vuln_unit {
	const char *maker; /* true maker (through OEM lineage) */
	const char *brand; /* badge brand */
	const char *model;
	const char *firmware; /* as the device reports it */
	const char *lineage;  /* maker whose firmware the unit runs, when
				 known; else read from the firmware's form */
};

struct cs_vuln_hit {
	const struct cs_vuln *vuln;
	const struct cs_vuln_rule *rule;
	enum cs_vuln_verdict verdict;
	bool inferred;    /* the rule's range is an inference, the unit
			     inherits it from its OEM's firmware, or the
			     unit's build date is read by inference */
	char lineage[64]; /* the lineage the match went by */
	char why[512];    /* the matched range and rule, in words */
};

/*
 * Matches u against every vulnerability.  Writes at most max hits (one
 * per vulnerability, the strongest rule's: affected before product before
 * unknown, direct before inferred) in table order and returns how many
 * there were (which may exceed max).  Vulnerabilities the unit is not
 * affected by give no hit.
 */
size_t cs_vuln_match(const struct cs_vulndb *db, const struct cs_vuln_unit *u,
		     struct cs_vuln_hit *hits, size_t max);

/*
 * Runs every example of every vulnerability through cs_vuln_match.
 * Returns the number of failing examples, with the first failure as
 * "file:line: ..." in err.
 */
size_t cs_vulndb_check_examples(const struct cs_vulndb *db, char *err,
				size_t errsz);

/* End of support and firmware age of one unit on one date. */
struct cs_eos_verdict {
	const struct cs_eos *row; /* the row that matched the unit, NULL
				     none */
	bool past;                /* past end of support on the date:
				     "decommission", whatever the maker */
	bool dated;               /* the firmware's build date is known */
	bool age_inferred;        /* that date's reading is an inference */
	uint32_t build;           /* the build date, YYYYMMDD; 0 unknown */
	int64_t age_days;         /* the firmware's age; valid when dated */
	char why[512];            /* the row, its dates, the age, in words */
};

/*
 * The end-of-support verdict and the firmware age of u on the date as_of
 * (YYYYMMDD).  A row matches when its maker is the unit's maker or badge
 * (case ignored) and one of its model patterns matches the model; of
 * several, a row the unit is past wins, then the earliest.  The firmware
 * is parsed as its lineage's (else the maker's) and aged from its build
 * date (cs_fwver_age).  Returns 0, or CS_EINVAL when as_of is not a
 * calendar date.
 */
int cs_eos_assess(const struct cs_vulndb *db, const struct cs_vuln_unit *u,
		  uint32_t as_of, struct cs_eos_verdict *out);

#endif /* CS_VULN_VULN_H */
