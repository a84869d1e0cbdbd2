/* SPDX-License-Identifier: ISC */
/*
 * Fuzz target: an evidence pack from anywhere (src/evidence: the ustar
 * reader and verification).  Checks its invariants: every entry the
 * reader returns lies inside the input with a plain relative name, and
 * verifying arbitrary bytes reports at least one problem (no input that
 * was not signed passes) without reading out of bounds.
 */
#include "fuzz.h"

#include <stdlib.h>
#include <string.h>

#include "evidence/evidence.h"
#include "evidence/tar.h"
#include "core/poison.h"

static void
ignore(void *arg, const char *file, const char *what)
{
	(void)arg;
	if (file == NULL || what == NULL)
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct cs_tar t;
	char err[512], key[65];
	uint8_t pk[CS_EV_PK_BYTES];

	cs_tar_read(data, size, &t, err, sizeof(err));
	for (size_t i = 0; i < t.n; i++)
		if (t.v[i].off > size || t.v[i].len > size - t.v[i].off ||
		    !cs_tar_name_ok(t.v[i].name))
			abort();
	cs_tar_free(&t);
	/* No key signs this: a zero key cannot verify anything. */
	memset(pk, 0, sizeof(pk));
	if (cs_ev_verify(data, size, pk, ignore, NULL, key, NULL) == 0)
		abort();
	return 0;
}
