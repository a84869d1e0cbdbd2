/* SPDX-License-Identifier: ISC */
/* Where a recorded scan looked; see scope.h. */
#include "audit/scope.h"

#include <stdlib.h>
#include <string.h>

#include "core/str.h"
#include "core/poison.h"

/* Appends the comma-separated specs of text as intervals. */
static bool
add_scope_specs(const char *text, struct cs_interval **v, size_t *n)
{
	char buf[4096], *save = NULL, err[256];

	if (strlen(text) >= sizeof(buf))
		return false;
	cs_strlcpy(buf, text, sizeof(buf));
	for (char *p = strtok_r(buf, ",", &save); p;
	     p = strtok_r(NULL, ",", &save))
		if (cs_scope_parse_spec(p, v, n, err, sizeof(err)) != 0)
			return false;
	return true;
}

bool
cs_audit_recorded_scope(struct cs_store *st, int64_t scan_id, bool complete,
			struct cs_scope *out)
{
	struct cs_scan_state ss;
	struct cs_interval *inc = NULL, *exc = NULL;
	size_t ninc = 0, nexc = 0;
	bool ok;

	cs_scope_init(out);
	ok = cs_store_scan_get(st, scan_id, &ss) == 0 && ss.scope[0] &&
	     (!complete || strcmp(ss.status, "complete") == 0) &&
	     add_scope_specs(ss.scope, &inc, &ninc) &&
	     add_scope_specs(ss.exclusions, &exc, &nexc) &&
	     cs_scope_build(out, inc, ninc, exc, nexc) == 0;
	free(inc);
	free(exc);
	if (!ok)
		cs_scope_free(out);
	return ok;
}

bool
cs_audit_scope_has(const struct cs_scope *sc, const char *ip)
{
	struct cs_addr a;

	if (cs_addr_parse(ip, &a) != 0)
		return true; /* not an address: leave it to the caller */
	return cs_scope_contains_addr(sc, &a);
}
