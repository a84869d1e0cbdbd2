/* SPDX-License-Identifier: ISC */
/* Bounded json-c wrapper; see parse_json.h. */
#include "parse/parse_json.h"

#include <string.h>

#include <json-c/json.h>

#include "core/str.h"
#include "core/poison.h"

#define SEG_MAX 128 /* bytes of one path component */

int
cs_json_parse(const uint8_t *p, size_t n, struct json_object **out)
{
	struct json_tokener *tok;
	struct json_object *o;
	enum json_tokener_error jerr;
	size_t end;

	*out = NULL;
	if (n > CS_JSON_MAX)
		return CS_ELIMIT;
	if (n == 0)
		return CS_ETRUNC;
	tok = json_tokener_new_ex(CS_JSON_DEPTH);
	if (tok == NULL)
		return CS_ENOMEM;
	o = json_tokener_parse_ex(tok, (const char *)p, (int)n);
	jerr = json_tokener_get_error(tok);
	end = json_tokener_get_parse_end(tok);
	if (jerr == json_tokener_continue) {
		/* A NUL marks the end, so a bare number at the end parses. */
		o = json_tokener_parse_ex(tok, "", 1);
		jerr = json_tokener_get_error(tok);
		end = n;
		if (jerr != json_tokener_success &&
		    jerr != json_tokener_error_depth)
			jerr = json_tokener_continue; /* a valid prefix */
	}
	json_tokener_free(tok);
	if (jerr != json_tokener_success) {
		json_object_put(o);
		if (jerr == json_tokener_continue)
			return CS_ETRUNC;
		if (jerr == json_tokener_error_depth)
			return CS_ELIMIT;
		if (jerr == json_tokener_error_size)
			return CS_ELIMIT;
		return CS_EPROTO;
	}
	for (size_t i = end; i < n; i++) {
		if (p[i] != ' ' && p[i] != '\t' && p[i] != '\r' &&
		    p[i] != '\n' && p[i] != '\0') {
			json_object_put(o);
			return CS_EPROTO;
		}
	}
	*out = o;
	return 0;
}

static struct json_object *
step(struct json_object *o, const char *seg, size_t len)
{
	char key[SEG_MAX + 1];
	struct json_object *v = NULL;

	if (len > SEG_MAX)
		return NULL;
	memcpy(key, seg, len);
	key[len] = '\0';
	if (json_object_is_type(o, json_type_object)) {
		if (!json_object_object_get_ex(o, key, &v))
			return NULL;
		return v;
	}
	if (json_object_is_type(o, json_type_array)) {
		long long idx;

		if (len == 0 || key[0] < '0' || key[0] > '9' ||
		    cs_str_tonum(key, 0, INT32_MAX, &idx) != 0 ||
		    (size_t)idx >= json_object_array_length(o))
			return NULL;
		return json_object_array_get_idx(o, (size_t)idx);
	}
	return NULL;
}

int
cs_json_get_str(struct json_object *o, const char *dotted_path, char *out,
		size_t outsz)
{
	const char *s = dotted_path;

	if (outsz > 0)
		out[0] = '\0';
	if (o == NULL || dotted_path == NULL || outsz == 0)
		return CS_ENOTFOUND;
	for (;;) {
		const char *dot = strchr(s, '.');
		size_t len = dot ? (size_t)(dot - s) : strlen(s);

		o = step(o, s, len);
		if (o == NULL)
			return CS_ENOTFOUND;
		if (dot == NULL)
			break;
		s = dot + 1;
	}
	switch (json_object_get_type(o)) {
	case json_type_string:
		cs_span_copy(
		    out, outsz,
		    cs_span_make(json_object_get_string(o),
				 (size_t)json_object_get_string_len(o)));
		return 0;
	case json_type_boolean:
	case json_type_int:
	case json_type_double:
		cs_strlcpy(out, json_object_get_string(o), outsz);
		return 0;
	default:
		return CS_ENOTFOUND;
	}
}
