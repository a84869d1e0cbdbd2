/* SPDX-License-Identifier: ISC */
/*
 * Bounded JSON parsing over json-c, for device replies (Dahua RPC2,
 * DHIP bodies, Axis VAPIX, Xiongmai payloads) and for other tools'
 * JSON Lines records (Shodan, runZero, Censys), with the member getters
 * their parsers share.
 */
#ifndef CS_PARSE_PARSE_JSON_H
#define CS_PARSE_PARSE_JSON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/cs.h"

struct json_object;

#define CS_JSON_MAX 65536 /* bytes of one document */
#define CS_JSON_DEPTH 16  /* nesting of arrays and objects */

/*
 * Parses exactly one JSON value from p (n bytes, not NUL-terminated);
 * only whitespace and NUL bytes may follow it.  On success *out is a new
 * object the caller releases with json_object_put() (a literal null
 * gives *out == NULL).  String contents are not checked to be UTF-8.
 *
 * Returns 0; CS_ETRUNC if the value is incomplete (empty input
 * included); CS_ELIMIT if n exceeds CS_JSON_MAX or nesting exceeds
 * CS_JSON_DEPTH; CS_EPROTO for a syntax error or trailing garbage;
 * CS_ENOMEM.  *out is NULL on error.
 */
int cs_json_parse(const uint8_t *p, size_t n, struct json_object **out);

/*
 * As cs_json_parse, with its own caps: at most max bytes and depth
 * levels of nesting (for other tools' records, one a line, which are
 * larger and deeper than a device's reply).
 */
int cs_json_parse_ex(const uint8_t *p, size_t n, size_t max, int depth,
		     struct json_object **out);

/*
 * One record of a JSON Lines file (other tools' exports): as
 * cs_json_parse_ex, and the value must be an object.  Returns 0 with *out
 * (released with json_object_put), or, with *out NULL and a message in
 * err ("over the size or nesting caps", "not a JSON object on one
 * line"): CS_ELIMIT, CS_ENOMEM or CS_EPROTO (anything else).
 */
int cs_json_line_object(const uint8_t *p, size_t n, size_t max, int depth,
			struct json_object **out, char *err, size_t errsz);

/* o's member k; NULL when o is NULL, not an object or has no k. */
struct json_object *cs_json_member(struct json_object *o, const char *k);

/* o's member k when it is a string (its length in *len when len is not
 * NULL), else NULL. */
const char *cs_json_member_str(struct json_object *o, const char *k,
			       size_t *len);

/*
 * Follows dotted_path ("params.deviceInfo.DeviceType"; a component of
 * digits indexes an array) from o and copies the scalar found there to
 * out (outsz > 0 bytes, NUL-terminated, truncated, NUL bytes replaced by
 * '?').  Strings are copied as they are; numbers and booleans as their
 * JSON text.  Returns 0, or CS_ENOTFOUND if a component is missing or
 * the value is null, an object or an array (out is then "").
 */
int cs_json_get_str(struct json_object *o, const char *dotted_path, char *out,
		    size_t outsz);

/*
 * Salvage for JSON that json-c refuses (sloppy firmware, a capture cut
 * short, a payload without its binary framing): scans p (n bytes) for
 * the first member named key (exact, case-sensitive; at any depth) and
 * copies its scalar value to out (outsz > 0 bytes, NUL-terminated, cut
 * to fit; NUL bytes and escapes other than \" \\ \/ \t \n \r \uXXXX
 * below 0x80 become '?').  Tolerated: single-quoted strings, a Python
 * repr's u or b prefix on a value (u'IPC'), unquoted keys and bare words,
 * trailing commas, missing closing brackets, bytes before the first '{'
 * and after the last '}'.  A string value cut off
 * by the end of the input does not count (a cut model is worse than
 * none).  Reads nothing outside [p, p + n).  Returns 0, or CS_ENOTFOUND
 * (out is then "").
 */
int cs_json_scan(const uint8_t *p, size_t n, const char *key, char *out,
		 size_t outsz);

/*
 * True if p (n bytes) holds exactly one well-formed JSON value (as
 * cs_json_parse accepts), i.e. no salvage is needed to read it.
 */
bool cs_json_valid(const uint8_t *p, size_t n);

#endif /* CS_PARSE_PARSE_JSON_H */
