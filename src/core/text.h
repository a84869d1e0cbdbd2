/* SPDX-License-Identifier: ISC */
/*
 * The one toolkit for reading camsweep's text files: a bounded whole-file
 * reader, a line iterator that counts lines, a TAB splitter, an RFC 4180
 * CSV reader, ISO 8601 dates (read and written), and "file:line: message"
 * errors.  Every data file (fingerprint tables, entities, regimes,
 * estates, phone-home lists, model tables, registries) is read with
 * these.
 *
 * All but cs_file_read and cs_stream_read are pure and bounded: they read
 * only the bytes of
 * their spans (no NUL needed) and allocate nothing; cs_date_format writes
 * only its sz bytes.
 */
#ifndef CS_CORE_TEXT_H
#define CS_CORE_TEXT_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "core/buf.h"
#include "core/cs.h"

/*
 * Appends the whole file at path to b, reading at most max bytes.
 * Returns 0; CS_EIO if it cannot be opened or read (errno kept); or
 * CS_ELIMIT if it holds more than max bytes (b then holds its first max
 * bytes, so a caller that wants a prefix may use them).  *mtime (may be
 * NULL) gets the modification time in seconds since the epoch.
 */
int cs_file_read(const char *path, size_t max, struct cs_buf *b,
		 int64_t *mtime);
/*
 * As cs_file_read, from the open stream f (left open), for a file the
 * caller opened itself (to fstat it first, or standard input).
 */
int cs_stream_read(FILE *f, size_t max, struct cs_buf *b);

/*
 * Writes all n bytes at p to fd, retrying short writes and EINTR.
 * Returns 0, or CS_EIO (errno set by write, or EIO for a write of 0).
 */
int cs_write_all(int fd, const void *p, size_t n);

/*
 * Writes "name:line: message" into err (errsz bytes; either may be 0 /
 * NULL), or "name: message" when line is 0.  Returns CS_EINVAL so a
 * parser can `return cs_errf(...)`.
 */
int cs_errf(char *err, size_t errsz, const char *name, unsigned line,
	    const char *fmt, ...) CS_PRINTF(5, 6);
/* As cs_errf, with the arguments in ap. */
int cs_verrf(char *err, size_t errsz, const char *name, unsigned line,
	     const char *fmt, va_list ap) CS_PRINTF(5, 0);

/* Lines of a buffer (borrowed), numbered from 1. */
struct cs_lines {
	struct cs_span buf;
	size_t off;    /* start of the next line */
	unsigned line; /* number of the line last returned, 0 before */
};

void cs_lines_init(struct cs_lines *l, const void *p, size_t n);
/*
 * Returns the next line in *line without its LF and without one CR
 * before it, and counts it in l->line; false at the end of the buffer
 * (a final line without LF is still a line; an empty buffer has none).
 */
bool cs_lines_next(struct cs_lines *l, struct cs_span *line);
/*
 * As cs_lines_next for a format whose lines are bounded: returns 1 with
 * the line, 0 at the end, or CS_ELIMIT (the line counted in l->line, so
 * the caller can say "file:line: line longer than max bytes") when the
 * line takes more than max bytes with its CR and LF (a last line without
 * LF counted with one), as fgets into max + 1 bytes would cut it.
 */
int cs_lines_next_max(struct cs_lines *l, size_t max, struct cs_span *line);

/*
 * Splits line at TABs into f (at most max fields), trimming each with
 * cs_span_trim when trim is set.  Returns the number of fields, or
 * max + 1 when there are more (the first max are filled).  An empty line
 * is one empty field.
 */
size_t cs_tsv_split(struct cs_span line, struct cs_span *f, size_t max,
		    bool trim);

/* An RFC 4180 reader over one buffer (borrowed). */
#define CS_CSV_MAX_FIELDS 64
#define CS_CSV_MAX_FIELD 1024
struct cs_csv {
	struct cs_span buf;
	size_t off;
	unsigned line; /* line where the current record started */
	unsigned next_line;
	char field[CS_CSV_MAX_FIELDS][CS_CSV_MAX_FIELD];
	size_t nfield;
};

/* Starts reading buf (a UTF-8 BOM at its start is skipped). */
void cs_csv_init(struct cs_csv *c, struct cs_span buf);

/*
 * Reads the next record into c->field[0..nfield) (NUL-terminated; a NUL
 * byte of the input becomes '?', so no field is cut short unseen).
 * Returns 1 for a record, 0 at the end, or, with "line N: message" in
 * err: CS_ETRUNC (a quote left open at the end), CS_EPROTO (a stray
 * quote, text after a closing quote) or CS_ELIMIT (more than
 * CS_CSV_MAX_FIELDS fields, a field of CS_CSV_MAX_FIELD bytes or more).
 * Blank lines are skipped; a quoted field may hold line breaks.
 */
int cs_csv_next(struct cs_csv *c, char *err, size_t errsz);

/* cs_date_parse flags: which forms beyond YYYY-MM-DD are accepted. */
enum {
	CS_DATE_YEAR = 1u << 0,     /* "YYYY" */
	CS_DATE_MONTH = 1u << 1,    /* "YYYY-MM" */
	CS_DATE_TIME = 1u << 2,     /* "YYYY-MM-DDTHH:MM:SSZ" */
	CS_DATE_CALENDAR = 1u << 3, /* days per month and leap years checked
				       (otherwise any day 1-31 passes) */
};

struct cs_date {
	int year, month, day;     /* month and day 0 when not given */
	int hour, minute, second; /* -1 when no time was given */
};

/*
 * Parses an ISO 8601 calendar date filling all of s: "YYYY-MM-DD" with
 * month 1-12 and day 1-31, and the forms flags allow.  Returns 0 or
 * CS_EINVAL.
 */
int cs_date_parse(struct cs_span s, unsigned flags, struct cs_date *out);

/*
 * The one ISO 8601 writer: t (seconds since the epoch) in UTC as
 * "YYYY-MM-DD", or with CS_DATE_TIME in flags "YYYY-MM-DDTHH:MM:SSZ" (the
 * forms cs_date_parse reads back).  Returns 0, or CS_EINVAL with buf ""
 * (when sz > 0) for t <= 0 (no date), a time gmtime_r cannot convert or
 * a buf of fewer than 11 (21 with the time) bytes.
 */
int cs_date_format(int64_t t, unsigned flags, char *buf, size_t sz);

/*
 * Days since 1970-01-01 of the proleptic Gregorian date year-month-day
 * (month 1-12, day 1-31; not checked).  Negative before 1970.
 */
int64_t cs_date_days(int64_t year, int64_t month, int64_t day);

#endif /* CS_CORE_TEXT_H */
