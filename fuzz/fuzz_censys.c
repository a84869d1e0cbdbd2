/* SPDX-License-Identifier: ISC */
/*
 * Fuzz target: one line of Censys host records (camsweep import censys):
 * a host object or a search answer page.  Checks the caps of each host
 * and that the count returned is the number of hosts called back.
 */
#include "fuzz.h"

#include <stdlib.h>
#include <string.h>

#include "parse/parse_censys.h"
#include "core/poison.h"

static void
on_host(void *arg, const struct cs_censys_host *h)
{
	int *n = arg;

	if (h->ip[0] == '\0' || h->nports > CS_CENSYS_PORTS_MAX ||
	    h->nitems > CS_CENSYS_ITEMS_MAX)
		abort();
	for (size_t i = 0; i < h->nitems; i++)
		if (h->item[i].len >= CS_CENSYS_ITEM_MAX ||
		    h->item[i].data[h->item[i].len] != '\0')
			abort();
	(*n)++;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct cs_censys_host h;
	char err[128];
	int n = 0, rc;

	rc = cs_censys_parse(data, size, &h, on_host, &n, err, sizeof(err));
	if ((rc >= 0 && rc != n) || (rc < 0 && n != 0))
		abort();
	return 0;
}
