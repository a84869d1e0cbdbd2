/* SPDX-License-Identifier: ISC */
/* Fuzz target: recorder channel lists (Hikvision ISAPI XML, Dahua CGI). */
#include "fuzz.h"

#include <stdlib.h>

#include "core/buf.h"
#include "parse/parse_nvr.h"
#include "core/poison.h"

static volatile size_t sink; /* keeps the reads from being optimised out */

static size_t
walk(const struct cs_nvr_channels *ch)
{
	struct cs_buf b;
	struct cs_nvr_channel back;
	size_t sum = 0;

	cs_buf_init(&b, 4096);
	for (size_t i = 0; i < ch->n; i++) {
		cs_buf_reset(&b);
		if (cs_nvr_channel_json(&b, &ch->ch[i]) == 0 &&
		    cs_nvr_channel_from_json(b.p, b.len, &back) == 0)
			sum += back.channel + back.port + (size_t)back.ip[0];
	}
	cs_buf_free(&b);
	return sum;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct cs_nvr_channels *ch = malloc(sizeof(*ch));
	struct cs_nvr_channel one;
	size_t sum = 0;

	if (ch == NULL)
		return 0;
	cs_nvr_parse_isapi_channels(data, size, ch);
	sum += walk(ch);
	cs_nvr_parse_dahua_remote(data, size, ch);
	sum += walk(ch);
	if (cs_nvr_channel_from_json(data, size, &one) == 0)
		sum += one.channel;
	free(ch);
	sink = sum;
	return 0;
}
