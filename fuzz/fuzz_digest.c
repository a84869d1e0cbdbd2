/* SPDX-License-Identifier: ISC */
/* Fuzz target: WWW-Authenticate Digest challenges. */
#include "fuzz.h"

#include "parse/parse_digest.h"
#include "core/poison.h"

static volatile size_t sink; /* keeps the reads from being optimised out */

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct cs_digest_chal c;
	size_t sum = 0;

	if (cs_digest_parse_challenge(data, size, &c) == 0)
		sum += (size_t)c.realm[0] + (size_t)c.nonce[0] +
		       (size_t)c.opaque[0] + (size_t)c.alg;
	sum += cs_digest_offers_basic(data, size);
	sink = sum;
	return 0;
}
