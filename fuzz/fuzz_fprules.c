/* SPDX-License-Identifier: ISC */
/*
 * Fuzz target for the fingerprint rule loader: loads the input as a rule
 * file from memory; when it loads, runs its examples (silently) and
 * identifies a fixed device with it, so captures, substitution and the
 * PCRE2 limits are exercised too.
 */
#include "fuzz.h"

#include <stddef.h>
#include <stdint.h>

#include "core/obs.h"
#include "fp/fp.h"
#include "core/poison.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char err[256];
	struct cs_fpdb *db =
	    cs_fpdb_load_mem("fuzz.fp", data, size, err, sizeof(err));
	struct cs_obs_list l;
	struct cs_identity id;

	if (db == NULL)
		return 0;
	(void)cs_fpdb_check_examples_to(db, NULL);
	cs_obs_list_init(&l);
	(void)cs_obs_adds(&l, "http.server", 80, "App-webs/");
	(void)cs_obs_adds(&l, "http.title", 80, "LTS Web Client");
	(void)cs_obs_adds(&l, "rtsp.server", 554, "Dahua Rtsp Server");
	(void)cs_obs_add(&l, "banner", 23, 0, "192.0.0.64 login:\0x", 19);
	(void)cs_obs_adds(&l, "tcp.open", 37777, "");
	cs_fp_identify(db, &l, &id);
	cs_obs_list_free(&l);
	cs_fpdb_free(db);
	return 0;
}
