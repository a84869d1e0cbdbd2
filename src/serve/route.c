/* SPDX-License-Identifier: ISC */
/* The routing table's matcher (serve.h): pure, no allocation. */
#include "serve/serve.h"

#include <string.h>

#include "core/cs.h"
#include "core/poison.h"

#define CS_SERVE_MAX_SEG 128 /* bytes of one {capture} */

unsigned
cs_serve_method_bit(const char *m)
{
	static const struct {
		const char *name;
		unsigned bit;
	} t[] = {
	    {"GET", CS_SERVE_GET},       {"POST", CS_SERVE_POST},
	    {"PATCH", CS_SERVE_PATCH},   {"PUT", CS_SERVE_PUT},
	    {"DELETE", CS_SERVE_DELETE}, {"HEAD", CS_SERVE_HEAD},
	};

	if (m == NULL)
		return 0;
	for (size_t i = 0; i < CS_NELEM(t); i++)
		if (strcmp(m, t[i].name) == 0)
			return t[i].bit;
	return 0;
}

bool
cs_serve_route_match(const char *pat, const char *path, char *cap, size_t capsz,
		     const char **param, size_t *nparam)
{
	size_t used = 0;

	*nparam = 0;
	if (pat == NULL || path == NULL || path[0] != '/')
		return false;
	while (*pat != '\0' && *path != '\0') {
		if (pat[0] == '{') {
			const char *end = strchr(pat, '}');
			size_t n = strcspn(path, "/");

			if (end == NULL || n == 0 || n > CS_SERVE_MAX_SEG ||
			    *nparam >= CS_SERVE_MAX_PARAMS ||
			    used + n + 1 > capsz)
				return false;
			memcpy(cap + used, path, n);
			cap[used + n] = '\0';
			param[(*nparam)++] = cap + used;
			used += n + 1;
			pat = end + 1;
			path += n;
			continue;
		}
		if (*pat != *path)
			return false;
		pat++;
		path++;
	}
	return *pat == '\0' && *path == '\0';
}

enum cs_serve_match
cs_serve_route_find(const struct cs_serve_route *t, size_t n,
		    const char *method, const char *path, char *cap,
		    size_t capsz, const char **param, size_t *nparam,
		    const struct cs_serve_route **out, unsigned *allowed)
{
	unsigned bit = cs_serve_method_bit(method);
	bool seen = false;

	*allowed = 0;
	*out = NULL;
	if (bit == CS_SERVE_HEAD)
		bit = CS_SERVE_GET;
	for (size_t i = 0; i < n; i++) {
		if (!cs_serve_route_match(t[i].pattern, path, cap, capsz, param,
					  nparam))
			continue;
		if (bit != 0 && (t[i].methods & bit) != 0) {
			*out = &t[i];
			return CS_SERVE_MATCH;
		}
		seen = true;
		*allowed |= t[i].methods;
	}
	*nparam = 0;
	return seen ? CS_SERVE_BADMETHOD : CS_SERVE_NOROUTE;
}
