/* SPDX-License-Identifier: ISC */
/* Fuzz target: HTTP response head, body framing, auth and HTML helpers. */
#include "fuzz.h"

#include <stdlib.h>

#include "parse/parse_http.h"
#include "core/poison.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct cs_http_resp *r = malloc(sizeof(*r));
	struct cs_span www;
	uint8_t out[4096];
	size_t outlen;

	if (r == NULL)
		return 0;
	(void)cs_http_want_more(data, size);
	if (cs_http_parse_response(data, size, r) == 0) {
		www = cs_http_header(r, "WWW-Authenticate");
		(void)cs_http_auth_scheme(www);
		(void)cs_http_auth_realm(www);
		(void)cs_http_header(r, "Server");
		if (r->chunked)
			(void)cs_http_dechunk(r->body, out, sizeof(out),
					      &outlen);
		(void)cs_html_title(r->body);
		(void)cs_html_meta_refresh_or_location(r->body);
	}
	/* The helpers also take arbitrary bytes directly. */
	(void)cs_http_auth_realm(cs_span_make(data, size));
	(void)cs_http_dechunk(cs_span_make(data, size), NULL, 0, &outlen);
	(void)cs_html_meta_refresh_or_location(cs_span_make(data, size));
	free(r);
	return 0;
}
