/* SPDX-License-Identifier: ISC */
/* Text-file toolkit: files, lines, TAB fields, CSV, dates (see text.h). */
#include "core/text.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/str.h"
#include "core/poison.h"

int
cs_stream_read(FILE *f, size_t max, struct cs_buf *b)
{
	uint8_t chunk[65536];
	size_t left = max;
	int r = 0;

	for (;;) {
		size_t want = left < sizeof(chunk) ? left : sizeof(chunk);
		size_t k;

		if (want == 0) {
			/* Full: one more byte tells a file of exactly max. */
			if (fread(chunk, 1, 1, f) == 1)
				r = CS_ELIMIT;
			break;
		}
		k = fread(chunk, 1, want, f);
		if (k == 0)
			break;
		if ((r = cs_buf_add(b, chunk, k)) != 0)
			break;
		left -= k;
	}
	if (r == 0 && ferror(f)) {
		r = CS_EIO;
		errno = EIO;
	}
	return r;
}

int
cs_write_all(int fd, const void *p, size_t n)
{
	const uint8_t *q = p;

	while (n > 0) {
		ssize_t w = write(fd, q, n);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			if (w == 0)
				errno = EIO;
			return CS_EIO;
		}
		q += w;
		n -= (size_t)w;
	}
	return 0;
}

int
cs_file_read(const char *path, size_t max, struct cs_buf *b, int64_t *mtime)
{
	FILE *f = fopen(path, "rb");
	struct stat sb;
	int r;

	if (f == NULL)
		return CS_EIO;
	if (mtime != NULL)
		*mtime = fstat(fileno(f), &sb) == 0 ? (int64_t)sb.st_mtime : 0;
	r = cs_stream_read(f, max, b);
	fclose(f);
	return r;
}

int
cs_verrf(char *err, size_t errsz, const char *name, unsigned line,
	 const char *fmt, va_list ap)
{
	int k;

	if (err == NULL || errsz == 0)
		return CS_EINVAL;
	if (line > 0)
		k = snprintf(err, errsz, "%s:%u: ", name, line);
	else
		k = snprintf(err, errsz, "%s: ", name);
	if (k < 0 || (size_t)k >= errsz)
		return CS_EINVAL;
	vsnprintf(err + k, errsz - (size_t)k, fmt, ap);
	return CS_EINVAL;
}

int
cs_errf(char *err, size_t errsz, const char *name, unsigned line,
	const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	cs_verrf(err, errsz, name, line, fmt, ap);
	va_end(ap);
	return CS_EINVAL;
}

void
cs_lines_init(struct cs_lines *l, const void *p, size_t n)
{
	l->buf = cs_span_make(p, n);
	l->off = 0;
	l->line = 0;
}

bool
cs_lines_next(struct cs_lines *l, struct cs_span *line)
{
	const uint8_t *p = l->buf.p;
	size_t i = l->off, n = l->buf.n;

	if (i >= n)
		return false;
	while (i < n && p[i] != '\n')
		i++;
	*line = cs_span_make(p + l->off, i - l->off);
	if (line->n > 0 && line->p[line->n - 1] == '\r')
		line->n--;
	l->off = i < n ? i + 1 : i;
	l->line++;
	return true;
}

int
cs_lines_next_max(struct cs_lines *l, size_t max, struct cs_span *line)
{
	size_t start = l->off, raw;

	if (!cs_lines_next(l, line))
		return 0;
	raw = l->off - start; /* with its CR and LF */
	if (l->buf.p[l->off - 1] != '\n')
		raw++; /* a last line without LF, counted as if it had one */
	return raw > max ? CS_ELIMIT : 1;
}

size_t
cs_tsv_split(struct cs_span line, struct cs_span *f, size_t max, bool trim)
{
	size_t nf = 0, st = 0;

	for (size_t i = 0; i <= line.n; i++) {
		if (i == line.n || line.p[i] == '\t') {
			struct cs_span v = cs_span_make(line.p + st, i - st);

			if (nf == max)
				return max + 1;
			f[nf++] = trim ? cs_span_trim(v) : v;
			st = i + 1;
		}
	}
	return nf;
}

/* The n decimal digits at p into *v; false if one is not a digit. */
static bool
digits(const uint8_t *p, size_t n, int *v)
{
	*v = 0;
	for (size_t i = 0; i < n; i++) {
		if (p[i] < '0' || p[i] > '9')
			return false;
		*v = *v * 10 + (p[i] - '0');
	}
	return true;
}

int
cs_date_parse(struct cs_span s, unsigned flags, struct cs_date *out)
{
	static const int mdays[] = {31, 29, 31, 30, 31, 30,
				    31, 31, 30, 31, 30, 31};
	const uint8_t *p = s.p;
	struct cs_date d = {0, 0, 0, -1, -1, -1};

	if (!(s.n == 10 || (s.n == 4 && (flags & CS_DATE_YEAR)) ||
	      (s.n == 7 && (flags & CS_DATE_MONTH)) ||
	      (s.n == 20 && (flags & CS_DATE_TIME))))
		return CS_EINVAL;
	if (!digits(p, 4, &d.year))
		return CS_EINVAL;
	if (s.n >= 7 && (p[4] != '-' || !digits(p + 5, 2, &d.month) ||
			 d.month < 1 || d.month > 12))
		return CS_EINVAL;
	if (s.n >= 10 && (p[7] != '-' || !digits(p + 8, 2, &d.day) ||
			  d.day < 1 || d.day > 31))
		return CS_EINVAL;
	if (s.n == 20 &&
	    (p[10] != 'T' || p[13] != ':' || p[16] != ':' || p[19] != 'Z' ||
	     !digits(p + 11, 2, &d.hour) || !digits(p + 14, 2, &d.minute) ||
	     !digits(p + 17, 2, &d.second) || d.hour > 23 || d.minute > 59 ||
	     d.second > 59))
		return CS_EINVAL;
	if ((flags & CS_DATE_CALENDAR) && d.day > 0) {
		bool leap =
		    d.year % 4 == 0 && (d.year % 100 != 0 || d.year % 400 == 0);

		if (d.day > mdays[d.month - 1] ||
		    (d.month == 2 && d.day == 29 && !leap))
			return CS_EINVAL;
	}
	*out = d;
	return 0;
}

void
cs_csv_init(struct cs_csv *c, struct cs_span buf)
{
	memset(c, 0, sizeof(*c));
	c->buf = buf;
	if (buf.n >= 3 && buf.p[0] == 0xef && buf.p[1] == 0xbb &&
	    buf.p[2] == 0xbf)
		c->off = 3;
	c->next_line = 1;
}

int
cs_csv_next(struct cs_csv *c, char *err, size_t errsz)
{
	const uint8_t *p = c->buf.p;
	size_t n = c->buf.n;

	for (;;) {
		size_t len = 0;
		bool quoted = false, any = false;

		c->nfield = 0;
		c->line = c->next_line;
		if (c->off >= n)
			return 0;
		/* Skip blank lines. */
		if (p[c->off] == '\n' || (p[c->off] == '\r' && c->off + 1 < n &&
					  p[c->off + 1] == '\n')) {
			c->off += p[c->off] == '\r' ? 2 : 1;
			c->next_line++;
			continue;
		}
		for (;;) {
			uint8_t ch;
			bool end_rec = false, end_field = false;

			if (c->off >= n) {
				if (quoted) {
					snprintf(err, errsz,
						 "line %u: unterminated quote",
						 c->line);
					return CS_ETRUNC;
				}
				end_rec = true;
			} else {
				ch = p[c->off++];
				if (quoted) {
					if (ch == '"') {
						if (c->off < n &&
						    p[c->off] == '"') {
							c->off++;
						} else {
							quoted = false;
							if (c->off < n &&
							    p[c->off] != ',' &&
							    p[c->off] != '\r' &&
							    p[c->off] != '\n') {
								snprintf(
								    err, errsz,
								    "line %u: "
								    "text "
								    "after "
								    "a closing "
								    "quote",
								    c->next_line);
								return CS_EPROTO;
							}
							continue;
						}
					} else if (ch == '\n') {
						c->next_line++;
					}
				} else if (ch == '"' && len == 0 && !any) {
					quoted = true;
					any = true;
					continue;
				} else if (ch == '"') {
					snprintf(err, errsz,
						 "line %u: stray quote inside "
						 "an unquoted field",
						 c->next_line);
					return CS_EPROTO;
				} else if (ch == ',') {
					end_field = true;
				} else if (ch == '\r' && c->off < n &&
					   p[c->off] == '\n') {
					continue;
				} else if (ch == '\n') {
					c->next_line++;
					end_rec = true;
				}
				if (!end_field && !end_rec) {
					if (len + 1 >= CS_CSV_MAX_FIELD) {
						snprintf(
						    err, errsz,
						    "line %u: field longer "
						    "than %d bytes",
						    c->line,
						    CS_CSV_MAX_FIELD - 1);
						return CS_ELIMIT;
					}
					if (c->nfield >= CS_CSV_MAX_FIELDS) {
						snprintf(
						    err, errsz,
						    "line %u: more than %d "
						    "fields",
						    c->line, CS_CSV_MAX_FIELDS);
						return CS_ELIMIT;
					}
					/* A NUL would cut the C string. */
					c->field[c->nfield][len++] =
					    ch == 0 ? '?' : (char)ch;
					continue;
				}
			}
			if (c->nfield >= CS_CSV_MAX_FIELDS) {
				snprintf(err, errsz,
					 "line %u: more than %d fields",
					 c->line, CS_CSV_MAX_FIELDS);
				return CS_ELIMIT;
			}
			c->field[c->nfield][len] = '\0';
			c->nfield++;
			len = 0;
			any = false;
			if (end_rec)
				return 1;
		}
	}
}

int64_t
cs_date_days(int64_t year, int64_t month, int64_t day)
{
	int64_t era, yoe, doy, doe;

	/* Hinnant's days_from_civil */
	year -= month <= 2;
	era = (year >= 0 ? year : year - 399) / 400;
	yoe = year - era * 400;
	doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

int
cs_date_format(int64_t t, unsigned flags, char *buf, size_t sz)
{
	bool with_time = (flags & CS_DATE_TIME) != 0;
	size_t want = with_time ? 20 : 10; /* characters, without the NUL */
	time_t tt = (time_t)t;
	struct tm tm;

	if (sz > 0)
		buf[0] = '\0';
	if (t <= 0 || (int64_t)tt != t || sz <= want ||
	    gmtime_r(&tt, &tm) == NULL ||
	    strftime(buf, sz, with_time ? "%Y-%m-%dT%H:%M:%SZ" : "%Y-%m-%d",
		     &tm) != want) {
		if (sz > 0)
			buf[0] = '\0';
		return CS_EINVAL;
	}
	return 0;
}
