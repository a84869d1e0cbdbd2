/* SPDX-License-Identifier: ISC */
/* Fuzz target: the DNS question-name decoder of passive listening. */
#include "fuzz.h"

#include "passive/pkt.h"
#include "core/poison.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct cs_dns_q q;

	(void)cs_dns_questions(data, size, &q);
	return 0;
}
