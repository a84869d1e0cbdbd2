/* SPDX-License-Identifier: ISC */
/* Fuzz target: nmap XML (camsweep import nmap), fed in two pieces. */
#include "fuzz.h"

#include "parse/parse_nmapxml.h"
#include "core/poison.h"

static int
on_host(void *arg, const struct cs_nmap_host *h)
{
	size_t *n = arg;

	*n += h->nitems + h->nports;
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	size_t seen = 0, half = size / 2;
	struct cs_nmapxml *p = cs_nmapxml_new(on_host, &seen);

	if (p == NULL)
		return 0;
	if (cs_nmapxml_feed(p, data, half, false, NULL, 0) == 0)
		(void)cs_nmapxml_feed(p, data + half, size - half, true, NULL,
				      0);
	cs_nmapxml_free(p);
	return 0;
}
