/* SPDX-License-Identifier: ISC */
/*
 * The console's pages (issue #21, item 2): the pages helper replaces this
 * file.  Until then there are none, and every path outside /api/ answers
 * 404.
 */
#include "serve/serve.h"

#include "core/poison.h"

const struct cs_serve_route *
cs_serve_pages_routes(size_t *n)
{
	*n = 0;
	return NULL;
}
