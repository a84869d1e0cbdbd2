/* SPDX-License-Identifier: ISC */
/*
 * Fuzz target: what camsweep serve parses of a client's request before
 * any handler runs (serve/util.c, serve/route.c): the page size, the page
 * cursor, the Bearer token, the session cookie, If-None-Match and the
 * path against the routing table's patterns.  The input is split at its
 * first NUL into two strings.  Checks that a cursor it accepts is the one
 * it would make, that a token it accepts is 16 to 128 token characters,
 * and that captures are non-empty, slash-free and within the buffer.
 */
#include "fuzz.h"

#include <stdlib.h>
#include <string.h>

#include "serve/serve.h"
#include "core/poison.h"

static const char *const patterns[] = {"/api/v1/devices",
				       "/api/v1/devices/{id}", "/a/{x}/b/{y}",
				       "/{a}/{b}/{c}/{d}", "/"};

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char a[1024], b[1024], tok[129], val[80], cur[65], cap[600];
	const char *param[CS_SERVE_MAX_PARAMS];
	size_t na, np;
	unsigned limit;
	int64_t id;

	if (size >= sizeof(a) + sizeof(b))
		return 0;
	na = strnlen((const char *)data, size);
	if (na >= sizeof(a))
		return 0;
	memcpy(a, data, na);
	a[na] = '\0';
	if (na + 1 < size) {
		size_t nb = size - na - 1;
		if (nb >= sizeof(b))
			return 0;
		memcpy(b, data + na + 1, nb);
		b[nb] = '\0';
		b[strnlen(b, nb)] = '\0';
	} else {
		b[0] = '\0';
	}
	if (cs_serve_parse_limit(a, &limit) == 0 &&
	    (limit < 1 || limit > CS_SERVE_LIMIT_MAX))
		abort();
	if (cs_serve_cursor_parse("dev", a, &id) == 0) {
		cs_serve_cursor_make("dev", id, cur);
		if (strcmp(cur, a) != 0)
			abort();
	}
	if (cs_serve_bearer(a, tok) == 0) {
		size_t n = strlen(tok);
		if (n < 16 || n > 128 ||
		    strspn(tok, "abcdefghijklmnopqrstuvwxyz"
				"ABCDEFGHIJKLMNOPQRSTUVWXYZ"
				"0123456789-_") != n)
			abort();
	}
	if (cs_serve_cookie_get(a, "cs_session", val, sizeof(val)) == 0 &&
	    strlen(val) >= sizeof(val))
		abort();
	(void)cs_serve_etag_match(a, b);
	for (size_t i = 0; i < sizeof(patterns) / sizeof(patterns[0]); i++) {
		if (!cs_serve_route_match(patterns[i], a, cap, sizeof(cap),
					  param, &np))
			continue;
		if (np > CS_SERVE_MAX_PARAMS)
			abort();
		for (size_t k = 0; k < np; k++)
			if (param[k] < cap || param[k] >= cap + sizeof(cap) ||
			    param[k][0] == '\0' || strchr(param[k], '/'))
				abort();
	}
	return 0;
}
