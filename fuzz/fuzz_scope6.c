/* SPDX-License-Identifier: ISC */
/*
 * Fuzz target: IPv6 target specs (engine/scope.c, issue #19): addresses
 * and CIDRs as cs_scope_parse_spec reads them, and cs_addr_parse.
 * Checks that a parsed IPv6 range is one aligned block (lo with no host
 * bits, hi = lo with every host bit set), that a one-range scope built
 * from it either is refused or yields only addresses its own check
 * accepts, and that an address's canonical text parses back to the same
 * bytes.  "@file" specs are not fed (they open files).
 */
#include "fuzz.h"

#include <stdlib.h>
#include <string.h>

#include "engine/scope.h"
#include "core/poison.h"

/* True if lo..hi is one aligned block of a power-of-two size. */
static bool
aligned(const uint8_t lo[16], const uint8_t hi[16])
{
	int bit = 0;

	/* the common prefix, then host bits: lo all 0, hi all 1 */
	while (bit < 128 &&
	       ((lo[bit / 8] ^ hi[bit / 8]) & (0x80u >> (bit % 8))) == 0)
		bit++;
	for (; bit < 128; bit++) {
		unsigned m = 0x80u >> (bit % 8);

		if ((lo[bit / 8] & m) || !(hi[bit / 8] & m))
			return false;
	}
	return true;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char spec[96], err[256], t[CS_ADDR_STRLEN];
	struct cs_interval *v = NULL;
	struct cs_addr a, b;
	size_t n = 0;

	if (size == 0 || size >= sizeof(spec) || memchr(data, 0, size) ||
	    data[0] == '@')
		return 0;
	memcpy(spec, data, size);
	spec[size] = '\0';
	if (cs_scope_parse_spec(spec, &v, &n, err, sizeof(err)) == 0 &&
	    n == 1 && v[0].v6) {
		struct cs_scope s;

		if (!aligned(v[0].lo6, v[0].hi6))
			abort();
		cs_scope_init(&s);
		if (cs_scope_build(&s, v, 1, NULL, 0) == 0) {
			if (s.total6 == 0 || s.total6 > CS_SCOPE_MAX_ADDRS6)
				abort();
			for (uint64_t i = 0; i < s.total && i < 4; i++) {
				cs_scope_nth_addr(&s, s.total - 1 - i, &a);
				if (cs_scope_check_addr(&s, &a, 80,
							CS_DEST_CONNECT) !=
				    CS_SCOPE_OK)
					abort();
			}
		}
		cs_scope_free(&s);
		(void)cs_scope_unscannable6(&v[0]);
	}
	free(v);
	if (cs_addr_parse(spec, &a) == 0) {
		cs_addr_str(&a, t, sizeof(t));
		if (cs_addr_parse(t, &b) != 0 || a.v6 != b.v6 ||
		    (a.v6 ? memcmp(a.a6, b.a6, 16) != 0 : a.v4 != b.v4))
			abort();
		cs_addr_host(&a, 8080, t, sizeof(t));
	}
	return 0;
}
