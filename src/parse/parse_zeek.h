/* SPDX-License-Identifier: ISC */
/*
 * Zeek logs, read a line at a time for `camsweep import zeek`: the ASCII
 * (TSV) writer's format (the "#separator", "#set_separator",
 * "#empty_field", "#unset_field", "#path", "#fields" header lines, then
 * tab-separated rows, '\x' escapes) and the JSON writer's (one object per
 * line, dotted names such as "id.resp_h" as keys, arrays for sets).
 * Each row becomes field name/value pairs; an unset field is NULL, a set
 * or vector is its elements joined with ','.  Bounded: at most
 * CS_ZEEK_FIELDS_MAX fields, CS_ZEEK_LINE_MAX bytes a line.  Pure: the
 * reader holds only the header state of the file being read.
 */
#ifndef CS_PARSE_PARSE_ZEEK_H
#define CS_PARSE_PARSE_ZEEK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/cs.h"

#define CS_ZEEK_FIELDS_MAX 128
#define CS_ZEEK_LINE_MAX (1u << 20)
#define CS_ZEEK_NAME_MAX 64
#define CS_ZEEK_JSON_DEPTH 8 /* json-c depth: objects at most 7 deep */

struct cs_zeek_row {
	size_t n;
	const char *name[CS_ZEEK_FIELDS_MAX];
	const char *val[CS_ZEEK_FIELDS_MAX]; /* NULL: unset */
};

struct cs_zeek {
	char sep;       /* field separator (TSV), default '\t' */
	char set_sep;   /* default ',' */
	char empty[32]; /* "(empty)" */
	char unset[32]; /* "-" */
	char path[64];  /* "#path", "" if none */
	char names[CS_ZEEK_FIELDS_MAX][CS_ZEEK_NAME_MAX];
	size_t nnames; /* 0 until "#fields" */
	char *buf;     /* owned: the values of the last row */
	size_t bufsz;
};

void cs_zeek_init(struct cs_zeek *z);
void cs_zeek_free(struct cs_zeek *z);

/*
 * Reads one line (p, n bytes, no newline).  Returns 1 with *row filled
 * (valid until the next call), 0 for a header, comment or blank line, or
 * CS_EPROTO (a TSV row before "#fields", a row with another number of
 * fields, bad JSON or JSON that is not an object), CS_ELIMIT (over the
 * caps, JSON nesting included) with a message in err.
 */
int cs_zeek_line(struct cs_zeek *z, const char *p, size_t n,
		 struct cs_zeek_row *row, char *err, size_t errsz);

/* The value of field name in row, or NULL (absent or unset). */
const char *cs_zeek_get(const struct cs_zeek_row *row, const char *name);

#endif /* CS_PARSE_PARSE_ZEEK_H */
