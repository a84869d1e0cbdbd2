/* SPDX-License-Identifier: ISC */
/* Bounded json-c wrapper; see parse_json.h. */
#include "parse/parse_json.h"

#include <stdio.h>
#include <string.h>

#include <json-c/json.h>

#include "core/str.h"
#include "core/poison.h"

#define SEG_MAX 128 /* bytes of one path component */

int
cs_json_parse(const uint8_t *p, size_t n, struct json_object **out)
{
	return cs_json_parse_ex(p, n, CS_JSON_MAX, CS_JSON_DEPTH, out);
}

int
cs_json_parse_ex(const uint8_t *p, size_t n, size_t max, int depth,
		 struct json_object **out)
{
	struct json_tokener *tok;
	struct json_object *o;
	enum json_tokener_error jerr;
	size_t end;

	*out = NULL;
	if (n > max)
		return CS_ELIMIT;
	if (n == 0)
		return CS_ETRUNC;
	tok = json_tokener_new_ex(depth);
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
cs_json_line_object(const uint8_t *p, size_t n, size_t max, int depth,
		    struct json_object **out, char *err, size_t errsz)
{
	int rc = cs_json_parse_ex(p, n, max, depth, out);

	if (rc == 0 && json_object_is_type(*out, json_type_object))
		return 0;
	snprintf(err, errsz, "%s",
		 rc == CS_ELIMIT ? "over the size or nesting caps"
				 : "not a JSON object on one line");
	json_object_put(*out);
	*out = NULL;
	return rc == CS_ELIMIT || rc == CS_ENOMEM ? rc : CS_EPROTO;
}

struct json_object *
cs_json_member(struct json_object *o, const char *k)
{
	struct json_object *v = NULL;

	if (o == NULL || !json_object_is_type(o, json_type_object) ||
	    !json_object_object_get_ex(o, k, &v))
		return NULL;
	return v;
}

const char *
cs_json_member_str(struct json_object *o, const char *k, size_t *len)
{
	struct json_object *v = cs_json_member(o, k);

	if (v == NULL || !json_object_is_type(v, json_type_string))
		return NULL;
	if (len)
		*len = (size_t)json_object_get_string_len(v);
	return json_object_get_string(v);
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

bool
cs_json_valid(const uint8_t *p, size_t n)
{
	struct json_object *o = NULL;
	int rc = cs_json_parse(p, n, &o);

	json_object_put(o);
	return rc == 0;
}

static bool
js_space(uint8_t c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static bool
js_word(uint8_t c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
	       (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.' ||
	       c == '+';
}

/*
 * Reads the quoted string at p[*i] (quote q) into out (may be NULL);
 * leaves *i after the closing quote.  Returns false if the input ends
 * first.
 */
static bool
js_string(const uint8_t *p, size_t n, size_t *i, char *out, size_t outsz)
{
	uint8_t q = p[*i];
	size_t k = 0;

	for (size_t j = *i + 1; j < n; j++) {
		uint8_t c = p[j];

		if (c == q) {
			if (out != NULL)
				out[k] = '\0';
			*i = j + 1;
			return true;
		}
		if (c == '\\') {
			if (++j >= n)
				break;
			switch (p[j]) {
			case 'n':
				c = '\n';
				break;
			case 't':
				c = '\t';
				break;
			case 'r':
				c = '\r';
				break;
			case 'u': {
				unsigned v = 0;
				bool ok = j + 4 < n;

				for (size_t h = 1; ok && h <= 4; h++) {
					int d = cs_hexval(p[j + h]);

					ok = d >= 0;
					v = v << 4 | (unsigned)(d < 0 ? 0 : d);
				}
				if (!ok)
					return false;
				j += 4;
				c = v > 0 && v < 0x80 ? (uint8_t)v : '?';
				break;
			}
			default:
				c = p[j] == '"' || p[j] == '\\' ||
					    p[j] == '/' || p[j] == '\''
					? p[j]
					: '?';
				break;
			}
		}
		if (c == 0)
			c = '?';
		if (out != NULL && k + 1 < outsz)
			out[k++] = (char)c;
	}
	return false;
}

int
cs_json_scan(const uint8_t *p, size_t n, const char *key, char *out,
	     size_t outsz)
{
	size_t klen = strlen(key), i = 0;
	char name[SEG_MAX + 1];

	if (outsz == 0)
		return CS_ENOTFOUND;
	out[0] = '\0';
	while (i < n) {
		uint8_t c = p[i];
		size_t nlen = 0;
		bool quoted = c == '"' || c == '\'';

		if (quoted) {
			size_t j = i;

			if (!js_string(p, n, &j, name, sizeof(name)))
				return CS_ENOTFOUND;
			nlen = strlen(name);
			i = j;
		} else if (js_word(c) && (i == 0 || !js_word(p[i - 1]))) {
			while (i < n && js_word(p[i])) {
				if (nlen < SEG_MAX)
					name[nlen++] = (char)p[i];
				i++;
			}
			name[nlen] = '\0';
		} else {
			i++;
			continue;
		}
		while (i < n && js_space(p[i]))
			i++;
		if (i >= n || p[i] != ':')
			continue; /* a value, not a member name */
		i++;
		if (nlen != klen || memcmp(name, key, klen) != 0)
			continue;
		while (i < n && js_space(p[i]))
			i++;
		if (i >= n)
			return CS_ENOTFOUND;
		/* A Python repr's string prefix (u'IPC', b'x': an
		 * integration's log of a decoded answer) is not part of the
		 * value. */
		if ((p[i] == 'u' || p[i] == 'b') && i + 1 < n &&
		    (p[i + 1] == '\'' || p[i + 1] == '"'))
			i++;
		if (p[i] == '"' || p[i] == '\'') {
			size_t j = i;

			if (!js_string(p, n, &j, out, outsz)) {
				out[0] = '\0';
				return CS_ENOTFOUND;
			}
			return 0;
		}
		if (p[i] == '{' || p[i] == '[')
			continue; /* not a scalar: look further */
		{
			size_t s = i, k = 0;

			while (i < n && js_word(p[i]))
				i++;
			/* A bare value cut off by the end may be partial. */
			if (i == s || i >= n)
				return CS_ENOTFOUND;
			if (i - s == 4 && memcmp(p + s, "null", 4) == 0)
				continue;
			for (size_t j = s; j < i && k + 1 < outsz; j++)
				out[k++] = (char)p[j];
			out[k] = '\0';
			return 0;
		}
	}
	return CS_ENOTFOUND;
}
