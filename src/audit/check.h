/* SPDX-License-Identifier: ISC */
/*
 * The check use case: validates every data file camsweep and camsim read
 * (`camsweep check`, as `nginx -t` does) with the loaders the commands
 * use.  Checked, in order: the entity tables and the fingerprint rules
 * (every rule's inline examples run), models.tsv, the OUI registrant map,
 * the regimes (every regime's inline examples run), the phone-home
 * endpoints, the scope exclusions, the camsim profiles and mixes, the
 * estates in DATA/estate, then each estate file given.  Reads only: no
 * database is opened and nothing is written or printed: every result,
 * an example run's failures included, goes to the caller's function.
 */
#ifndef CS_AUDIT_CHECK_H
#define CS_AUDIT_CHECK_H

#include <stdbool.h>
#include <stddef.h>

/*
 * One result: what was checked (a file or directory), whether it is
 * valid, the loader's messages when not (one "file:line: message" a
 * line; may be empty; for an example run, each failing example's line
 * and last "regime examples: N failing"), a detail when it is
 * ("(412 rules)"; may be NULL).
 */
typedef void (*cs_audit_check_fn)(void *arg, bool ok, const char *what,
				  const char *err, const char *detail);

struct cs_audit_check {
	cs_audit_check_fn fn; /* may be NULL */
	void *arg;
	unsigned ok, bad; /* out: the counts */
};

/* Runs every check of data (a directory) and of the nest estate files. */
void cs_audit_check_run(struct cs_audit_check *c, const char *data,
			char *const *estates, size_t nest);

/* True if path is a directory. */
bool cs_audit_is_dir(const char *path);

#endif /* CS_AUDIT_CHECK_H */
