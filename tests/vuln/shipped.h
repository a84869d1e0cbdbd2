/* SPDX-License-Identifier: ISC */
/*
 * The shipped data/vulns table for the vuln tests: loaded from
 * $CS_SRCDIR (the source tree; "." if unset), failing the test on error.
 */
#ifndef CS_TEST_VULN_SHIPPED_H
#define CS_TEST_VULN_SHIPPED_H

#include <stdio.h>
#include <stdlib.h>

#include "vuln/vuln.h"

static inline const char *
srcdir(void)
{
	const char *s = getenv("CS_SRCDIR");

	return s ? s : ".";
}

static inline struct cs_vulndb *
shipped(void)
{
	char dir[1024], err[512] = "";
	struct cs_vulndb *db;

	snprintf(dir, sizeof(dir), "%s/data/vulns", srcdir());
	db = cs_vulndb_load(dir, err, sizeof(err));
	if (db == NULL)
		fail_msg("%s", err);
	return db;
}

#endif
