/* SPDX-License-Identifier: ISC */
/* Fuzz target: RTSP replies (shared head parser) and their SDP bodies. */
#include "fuzz.h"

#include <stdlib.h>

#include "core/str.h"
#include "parse/parse_http.h"
#include "parse/parse_sdp.h"
#include "core/poison.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct cs_http_resp *r = malloc(sizeof(*r));
	struct cs_sdp sdp;

	if (r == NULL)
		return 0;
	struct cs_rtsp_reply rr;

	(void)cs_http_want_more(data, size);
	(void)cs_rtsp_reply(data, size, r, &rr);
	if (cs_http_parse_response(data, size, r) == 0) {
		(void)cs_http_header(r, "CSeq");
		(void)cs_http_header(r, "Public");
		(void)cs_http_auth_realm(cs_http_header(r, "WWW-Authenticate"));
		if (cs_span_istarts(cs_http_header(r, "Content-Type"),
				    "application/sdp"))
			(void)cs_sdp_parse(r->body.p, r->body.n, &sdp);
	}
	free(r);
	return 0;
}
