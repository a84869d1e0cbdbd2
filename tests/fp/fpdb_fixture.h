/* SPDX-License-Identifier: ISC */
/*
 * The fixture the fp test programs share: the fingerprint database loaded
 * from the source tree's data/ (CS_SRCDIR, or the build-time path) once per
 * group, as `db`.  Include after cmocka.h and fp/fp.h.
 */
#ifndef CS_TESTS_FP_FPDB_FIXTURE_H
#define CS_TESTS_FP_FPDB_FIXTURE_H

#include <stdio.h>
#include <stdlib.h>

static struct cs_fpdb *db;

static const char *
srcdir(void)
{
	const char *s = getenv("CS_SRCDIR");

	return s && *s ? s : CS_SRCDIR;
}

static int
setup(void **state)
{
	char fpd[4096], end[4096], err[512];

	(void)state;
	snprintf(fpd, sizeof(fpd), "%s/data/fingerprints", srcdir());
	snprintf(end, sizeof(end), "%s/data/entities", srcdir());
	db = cs_fpdb_load(fpd, end, err, sizeof(err));
	if (db == NULL)
		fprintf(stderr, "# load failed: %s\n", err);
	return db == NULL ? -1 : 0;
}

static int
teardown(void **state)
{
	(void)state;
	cs_fpdb_free(db);
	db = NULL;
	return 0;
}

#endif /* CS_TESTS_FP_FPDB_FIXTURE_H */
