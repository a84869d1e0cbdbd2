/* SPDX-License-Identifier: ISC */
/*
 * Fuzz target for the required-literal analysis of rule patterns
 * (src/fp/fp_lit.c, the prefilter's input; rule files may come from third
 * parties).  The input is a pattern, a newline and a subject.  The
 * analysis must stay in bounds on any pattern; and when PCRE2 compiles
 * the pattern (as the rule loader does) and it matches the subject, the
 * subject must contain one of the literals, ASCII case ignored: else the
 * prefilter would skip a rule that matches, and the target aborts.
 */
#include "fuzz.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/str.h"
#include "fp/fp_int.h"
#include "core/poison.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct fp_lits lits;
	char pat[FP_MAX_PATTERN + 1];
	const uint8_t *nl = memchr(data, '\n', size);
	size_t pn = nl ? (size_t)(nl - data) : size;
	const uint8_t *subj = nl ? nl + 1 : data + size;
	size_t sn = size - pn - (nl ? 1 : 0);
	uint32_t flags = 0;
	pcre2_code *re;
	pcre2_match_data *md;
	int err;
	PCRE2_SIZE eo;
	bool any = false;

	if (pn > FP_MAX_PATTERN || memchr(data, '\0', pn) != NULL)
		return 0;
	memcpy(pat, data, pn);
	pat[pn] = '\0';
	if (sn > 0 && subj[0] == 'i') /* a leading 'i': flags i */
		flags = PCRE2_CASELESS;
	if (!cs_fp_literals(pat, flags, &lits))
		return 0;
	re = pcre2_compile((PCRE2_SPTR)pat, PCRE2_ZERO_TERMINATED,
			   flags | PCRE2_NEVER_UTF | PCRE2_NEVER_UCP |
			       PCRE2_NEVER_BACKSLASH_C,
			   &err, &eo, NULL);
	if (re == NULL)
		return 0;
	md = pcre2_match_data_create_from_pattern(re, NULL);
	if (md != NULL && pcre2_match(re, subj, sn, 0, 0, md, NULL) >= 0) {
		for (size_t k = 0; k < lits.n && !any; k++)
			any = cs_span_find(cs_span_make(subj, sn),
					   lits.buf + lits.off[k], lits.len[k],
					   true) >= 0;
		if (!any)
			abort(); /* a match without any required literal */
	}
	pcre2_match_data_free(md);
	pcre2_code_free(re);
	return 0;
}
