/* SPDX-License-Identifier: ISC */
/*
 * The JSON Lines record of identify: one flat object.  A small, bounded,
 * single-pass JSON reader (no allocation but the caller's data buffer):
 * json-c would cap documents at CS_JSON_MAX, far below a stored HTTP
 * response, and would build a tree we do not need.
 */
#include "ident/ident.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "core/escape.h"
#include "core/str.h"
#include "core/poison.h"

#define DEPTH_MAX 32

struct jr {
	const uint8_t *p;
	size_t n, off;
	char *err;
	size_t errsz;
};

static int CS_PRINTF(3, 4) fail(struct jr *j, int rc, const char *fmt, ...)
{
	va_list ap;

	if (j->errsz) {
		va_start(ap, fmt);
		vsnprintf(j->err, j->errsz, fmt, ap);
		va_end(ap);
	}
	return rc;
}

static void
ws(struct jr *j)
{
	while (j->off < j->n && (j->p[j->off] == ' ' || j->p[j->off] == '\t' ||
				 j->p[j->off] == '\r' || j->p[j->off] == '\n'))
		j->off++;
}

/*
 * The high bit of each byte of w that is a '"', a '\\' or below 0x20,
 * and maybe of later bytes: (x - ones * k) & ~x & high marks a byte of x
 * below k (k <= 0x80), and a borrow that marks a byte wrongly comes from
 * a marked byte below it, so the lowest mark is exact.
 */
static inline uint64_t
word_stops(uint64_t w)
{
	const uint64_t ones = 0x0101010101010101ull;
	uint64_t q = w ^ (ones * '"'), b = w ^ (ones * '\\');

	return (((q - ones) & ~q) | ((b - ones) & ~b) |
		((w - ones * 0x20) & ~w)) &
	       (ones * 0x80);
}

/* The index of the first marked byte of a word read from memory. */
static inline size_t
first_mark(uint64_t m)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	return (size_t)__builtin_ctzll(m) / 8;
#else
	(void)m;
	return 0; /* the byte loop after finds it */
#endif
}

/*
 * Scans a string starting at the opening quote; sets *raw to the bytes
 * between the quotes (escapes not decoded) and checks its syntax.
 */
static int
scan_string(struct jr *j, struct cs_span *raw)
{
	size_t s;

	if (j->off >= j->n || j->p[j->off] != '"')
		return fail(j, CS_EPROTO, "expected a string at byte %zu",
			    j->off + 1);
	s = ++j->off;
	while (j->off < j->n) {
		const uint8_t *p = j->p;
		size_t o = j->off, n = j->n;
		uint8_t c;

		/* the plain bytes, the most of every line: eight at a time
		 * up to the word holding the byte that ends them */
		while (n - o >= 8) {
			uint64_t w, m;

			memcpy(&w, p + o, 8);
			if ((m = word_stops(w)) != 0) {
				o += first_mark(m);
				break;
			}
			o += 8;
		}
		while (o < n && p[o] >= 0x20 && p[o] != '"' && p[o] != '\\')
			o++;
		j->off = o;
		if (o >= n)
			break;
		c = p[o];
		if (c == '"') {
			*raw = cs_span_make(j->p + s, j->off - s);
			j->off++;
			return 0;
		}
		if (c < 0x20)
			return fail(j, CS_EPROTO,
				    "control byte in a string at byte %zu",
				    j->off + 1);
		if (c == '\\') {
			uint8_t e;

			if (j->off + 1 >= j->n)
				break;
			e = j->p[j->off + 1];
			if (e == 'u') {
				if (j->n - j->off < 6)
					break;
				for (size_t i = 2; i < 6; i++) {
					uint8_t h = j->p[j->off + i] | 0x20;

					if (!((h >= '0' && h <= '9') ||
					      (h >= 'a' && h <= 'f')))
						return fail(j, CS_EPROTO,
							    "bad \\u escape at "
							    "byte %zu",
							    j->off + 1);
				}
				j->off += 6;
				continue;
			}
			if (strchr("\"\\/bfnrt", e) == NULL || e == 0)
				return fail(j, CS_EPROTO,
					    "bad escape at byte %zu",
					    j->off + 1);
			j->off += 2;
			continue;
		}
		j->off++;
	}
	return fail(j, CS_EPROTO, "unterminated string");
}

static unsigned
hex4(const uint8_t *p)
{
	unsigned v = 0;

	for (size_t i = 0; i < 4; i++) {
		uint8_t h = p[i];

		v <<= 4;
		v |= (h >= '0' && h <= '9') ? (unsigned)(h - '0')
					    : (unsigned)((h | 0x20) - 'a' + 10);
	}
	return v;
}

/* True if the escape at p[0] == '\\' (n bytes left) is one JSON has. */
static bool
escape_ok(const uint8_t *p, size_t n)
{
	if (n < 2)
		return false;
	if (p[1] == 'u') {
		if (n < 6)
			return false;
		for (size_t i = 2; i < 6; i++) {
			uint8_t h = p[i] | 0x20;

			if (!((h >= '0' && h <= '9') || (h >= 'a' && h <= 'f')))
				return false;
		}
		return true;
	}
	return p[1] != 0 && strchr("\"\\/bfnrt", p[1]) != NULL;
}

/*
 * Decodes a string (its bytes between the quotes, as skip_string or
 * scan_string delimited it) into b, checking it on the way as
 * scan_string would: CS_EPROTO (no message) for a control byte, a quote
 * or an escape JSON has not; the caller then checks the record to say
 * what.  latin1: code points below 256 become one byte each; returns
 * CS_EINVAL if a larger one occurs (the caller then decodes as UTF-8).
 * The plain bytes are skipped eight at a time, as scan_string does.
 */
/*
 * Where decode_into writes: into room reserved at w (k bytes written),
 * or appended to b piece by piece when w is NULL.
 */
struct sink {
	struct cs_buf *b;
	uint8_t *w;
	size_t k;
};

static inline int
sink_add(struct sink *o, const void *p, size_t n)
{
	if (o->w == NULL)
		return cs_buf_add(o->b, p, n);
	memcpy(o->w + o->k, p, n);
	o->k += n;
	return 0;
}

static int
decode_into(struct cs_span raw, struct sink *o, bool latin1)
{
	const uint64_t high = latin1 ? 0x8080808080808080ull : 0;
	size_t i = 0;

	while (i < raw.n) {
		size_t s = i;
		unsigned long cp;
		uint8_t u[4];
		size_t un;
		int rc;

		while (raw.n - i >= 8) {
			uint64_t w, m;

			memcpy(&w, raw.p + i, 8);
			if ((m = word_stops(w) | (w & high)) != 0) {
				i += first_mark(m);
				break;
			}
			i += 8;
		}
		while (i < raw.n && raw.p[i] >= 0x20 && raw.p[i] != '"' &&
		       raw.p[i] != '\\' && (!latin1 || raw.p[i] < 0x80))
			i++;
		if (i > s && (rc = sink_add(o, raw.p + s, i - s)) != 0)
			return rc;
		if (i >= raw.n)
			break;
		if (raw.p[i] < 0x20 || raw.p[i] == '"' ||
		    (raw.p[i] == '\\' && !escape_ok(raw.p + i, raw.n - i)))
			return CS_EPROTO;
		if (raw.p[i] != '\\')
			return CS_EINVAL; /* latin1 and a non-ASCII byte */
		switch (raw.p[i + 1]) {
		case 'b':
			cp = '\b';
			break;
		case 'f':
			cp = '\f';
			break;
		case 'n':
			cp = '\n';
			break;
		case 'r':
			cp = '\r';
			break;
		case 't':
			cp = '\t';
			break;
		case 'u':
			cp = hex4(raw.p + i + 2);
			if (cp >= 0xD800 && cp <= 0xDBFF && i + 12 <= raw.n &&
			    raw.p[i + 6] == '\\' && raw.p[i + 7] == 'u') {
				unsigned lo = hex4(raw.p + i + 8);

				if (lo >= 0xDC00 && lo <= 0xDFFF) {
					cp = 0x10000 + ((cp - 0xD800) << 10) +
					     (lo - 0xDC00);
					i += 6;
				}
			}
			if (cp >= 0xD800 && cp <= 0xDFFF)
				cp = 0xFFFD; /* a lone surrogate */
			i += 4;
			break;
		default:
			cp = raw.p[i + 1];
			break; /* " \ / */
		}
		i += 2;
		if (latin1) {
			if (cp > 0xFF)
				return CS_EINVAL;
			u[0] = (uint8_t)cp;
			un = 1;
		} else if (cp < 0x80) {
			u[0] = (uint8_t)cp;
			un = 1;
		} else if (cp < 0x800) {
			u[0] = (uint8_t)(0xC0 | (cp >> 6));
			u[1] = (uint8_t)(0x80 | (cp & 0x3F));
			un = 2;
		} else if (cp < 0x10000) {
			u[0] = (uint8_t)(0xE0 | (cp >> 12));
			u[1] = (uint8_t)(0x80 | ((cp >> 6) & 0x3F));
			u[2] = (uint8_t)(0x80 | (cp & 0x3F));
			un = 3;
		} else {
			u[0] = (uint8_t)(0xF0 | (cp >> 18));
			u[1] = (uint8_t)(0x80 | ((cp >> 12) & 0x3F));
			u[2] = (uint8_t)(0x80 | ((cp >> 6) & 0x3F));
			u[3] = (uint8_t)(0x80 | (cp & 0x3F));
			un = 4;
		}
		if ((rc = sink_add(o, u, un)) != 0)
			return rc;
	}
	return 0;
}

/*
 * decode_into, into room for raw.n bytes reserved at once (a decoded
 * string is never longer than its JSON text: an escape gives fewer
 * bytes than it takes), cut to what it wrote, also when it fails; where
 * that room passes b's cap, appended piece by piece, so that the result
 * or the failure is the same.
 */
static int
decode_string(struct cs_span raw, struct cs_buf *b, bool latin1)
{
	struct sink o = {b, NULL, 0};
	size_t start = b->len;
	int rc;

	if (raw.n == 0 || (o.w = cs_buf_space(b, raw.n)) == NULL)
		return decode_into(raw, &o, latin1);
	rc = decode_into(raw, &o, latin1);
	b->len = start + o.k;
	b->p[b->len] = '\0';
	return rc;
}

/* Scans a JSON number; sets *raw to its text. */
static int
scan_number(struct jr *j, struct cs_span *raw)
{
	size_t s = j->off, d;

	if (j->off < j->n && j->p[j->off] == '-')
		j->off++;
	d = j->off;
	while (j->off < j->n && j->p[j->off] >= '0' && j->p[j->off] <= '9')
		j->off++;
	if (j->off == d || (j->p[d] == '0' && j->off - d > 1))
		return fail(j, CS_EPROTO, "bad number at byte %zu", s + 1);
	if (j->off < j->n && j->p[j->off] == '.') {
		d = ++j->off;
		while (j->off < j->n && j->p[j->off] >= '0' &&
		       j->p[j->off] <= '9')
			j->off++;
		if (j->off == d)
			return fail(j, CS_EPROTO, "bad number at byte %zu",
				    s + 1);
	}
	if (j->off < j->n && (j->p[j->off] | 0x20) == 'e') {
		j->off++;
		if (j->off < j->n &&
		    (j->p[j->off] == '+' || j->p[j->off] == '-'))
			j->off++;
		d = j->off;
		while (j->off < j->n && j->p[j->off] >= '0' &&
		       j->p[j->off] <= '9')
			j->off++;
		if (j->off == d)
			return fail(j, CS_EPROTO, "bad number at byte %zu",
				    s + 1);
	}
	*raw = cs_span_make(j->p + s, j->off - s);
	return 0;
}

static bool
literal(struct jr *j, const char *lit)
{
	size_t n = strlen(lit);

	if (j->n - j->off < n || memcmp(j->p + j->off, lit, n) != 0)
		return false;
	j->off += n;
	return true;
}

/* Skips any value (bounded nesting). */
static int
skip_value(struct jr *j, unsigned depth)
{
	struct cs_span raw;
	int rc;

	if (depth > DEPTH_MAX)
		return fail(j, CS_ELIMIT, "nesting deeper than %d", DEPTH_MAX);
	ws(j);
	if (j->off >= j->n)
		return fail(j, CS_EPROTO, "value expected at end of line");
	switch (j->p[j->off]) {
	case '"':
		return scan_string(j, &raw);
	case '{':
	case '[': {
		uint8_t close = j->p[j->off] == '{' ? '}' : ']';
		bool obj = close == '}', first = true;

		j->off++;
		for (;;) {
			ws(j);
			if (j->off < j->n && j->p[j->off] == close && first) {
				j->off++;
				return 0;
			}
			if (obj) {
				if ((rc = scan_string(j, &raw)) != 0)
					return rc;
				ws(j);
				if (j->off >= j->n || j->p[j->off] != ':')
					return fail(j, CS_EPROTO,
						    "':' expected at byte %zu",
						    j->off + 1);
				j->off++;
			}
			if ((rc = skip_value(j, depth + 1)) != 0)
				return rc;
			ws(j);
			first = false;
			if (j->off < j->n && j->p[j->off] == ',') {
				j->off++;
				continue;
			}
			if (j->off < j->n && j->p[j->off] == close) {
				j->off++;
				return 0;
			}
			return fail(j, CS_EPROTO,
				    "',' or '%c' expected at "
				    "byte %zu",
				    close, j->off + 1);
		}
	}
	default:
		if (literal(j, "true") || literal(j, "false") ||
		    literal(j, "null"))
			return 0;
		return scan_number(j, &raw);
	}
}

/* Decodes a short string member into a NUL-terminated buffer. */
static int
short_string(struct jr *j, struct cs_span raw, const char *what, char *out,
	     size_t outsz, size_t *len)
{
	struct cs_buf b;
	int rc;

	if (raw.n <= outsz - 1 && memchr(raw.p, '\\', raw.n) == NULL) {
		/* no escape: the bytes are the string (the common case,
		 * without a buffer to allocate) */
		if (raw.n)
			memcpy(out, raw.p, raw.n);
		out[raw.n] = '\0';
		if (len)
			*len = raw.n;
		return 0;
	}
	cs_buf_init(&b, outsz - 1);
	rc = decode_string(raw, &b, false);
	if (rc == CS_ELIMIT) {
		cs_buf_free(&b);
		return fail(j, CS_ELIMIT, "%s longer than %zu bytes", what,
			    outsz - 1);
	}
	if (rc != 0) {
		cs_buf_free(&b);
		return fail(j, rc, "%s: %s", what, cs_strerror(rc));
	}
	if (b.len)
		memcpy(out, b.p, b.len);
	out[b.len] = '\0';
	if (len)
		*len = b.len;
	cs_buf_free(&b);
	return 0;
}

static int
id_value(struct jr *j, const char *what, struct cs_ident_val *v)
{
	struct cs_span raw;
	int rc;

	ws(j);
	if (j->off < j->n && j->p[j->off] == '"') {
		if ((rc = scan_string(j, &raw)) != 0)
			return rc;
		if ((rc = short_string(j, raw, what, v->s, sizeof(v->s),
				       &v->len)) != 0)
			return rc;
		v->type = CS_IDENT_STRING;
		return 0;
	}
	if (literal(j, "null")) {
		v->type = CS_IDENT_NONE;
		return 0;
	}
	if (j->off < j->n && (j->p[j->off] == '-' ||
			      (j->p[j->off] >= '0' && j->p[j->off] <= '9'))) {
		if ((rc = scan_number(j, &raw)) != 0)
			return rc;
		if (raw.n >= sizeof(v->s))
			return fail(j, CS_ELIMIT, "%s too long", what);
		memcpy(v->s, raw.p, raw.n);
		v->s[raw.n] = '\0';
		v->len = raw.n;
		v->type = CS_IDENT_NUMBER;
		return 0;
	}
	return fail(j, CS_EPROTO, "\"%s\" must be a string or a number", what);
}

/* One more than the value of each hex digit, 0 for other bytes. */
static const uint8_t hexval1[256] = {
#define H(c, v) [c] = (v) + 1
    H('0', 0),  H('1', 1),  H('2', 2),  H('3', 3),  H('4', 4),  H('5', 5),
    H('6', 6),  H('7', 7),  H('8', 8),  H('9', 9),  H('a', 10), H('b', 11),
    H('c', 12), H('d', 13), H('e', 14), H('f', 15), H('A', 10), H('B', 11),
    H('C', 12), H('D', 13), H('E', 14), H('F', 15),
#undef H
};

/* Decodes data_hex (whitespace and ':' between bytes allowed). */
static int
decode_hex(struct jr *j, struct cs_span raw, struct cs_buf *b)
{
	uint8_t chunk[256];
	size_t k = 0;
	int hi = -1, rc;

	for (size_t i = 0; i < raw.n; i++) {
		int v;

		/* pairs of digits, the most of every string, two at a time
		 * by a table; anything else one byte at a time below */
		while (hi < 0 && raw.n - i >= 2) {
			int a = hexval1[raw.p[i]] - 1;
			int c = hexval1[raw.p[i + 1]] - 1;

			if ((a | c) < 0)
				break;
			chunk[k++] = (uint8_t)(a << 4 | c);
			i += 2;
			if (k == sizeof(chunk)) {
				if ((rc = cs_buf_add(b, chunk, k)) != 0)
					return fail(j, rc,
						    "\"data_hex\" too large");
				k = 0;
			}
		}
		if (i >= raw.n)
			break;
		v = hexval1[raw.p[i]] - 1;
		if (v < 0) {
			if (hi < 0 && (raw.p[i] == ' ' || raw.p[i] == ':'))
				continue;
			return fail(j, CS_EPROTO,
				    "bad hex in \"data_hex\" at "
				    "offset %zu",
				    i);
		}
		if (hi < 0) {
			hi = v;
			continue;
		}
		chunk[k++] = (uint8_t)(hi << 4 | v);
		hi = -1;
		if (k == sizeof(chunk)) {
			if ((rc = cs_buf_add(b, chunk, k)) != 0)
				return fail(j, rc, "\"data_hex\" too large");
			k = 0;
		}
	}
	if (hi >= 0)
		return fail(j, CS_EPROTO,
			    "odd number of hex digits in "
			    "\"data_hex\"");
	if (k && (rc = cs_buf_add(b, chunk, k)) != 0)
		return fail(j, rc, "\"data_hex\" too large");
	return 0;
}

/*
 * Finds the end of the string starting at the opening quote, as
 * scan_string does for a valid one, without checking it: a backslash
 * takes the byte after it along.  Returns 0, or CS_EPROTO (no message)
 * when no quote ends it.
 */
static int
skip_string(struct jr *j, struct cs_span *raw)
{
	const uint64_t ones = 0x0101010101010101ull;
	const uint8_t *p = j->p;
	size_t o = j->off + 1, n = j->n, s = o;

	while (o < n) {
		/* eight bytes at a time to the word with a '"' or '\\' */
		while (n - o >= 8) {
			uint64_t w, q, b, m;

			memcpy(&w, p + o, 8);
			q = w ^ (ones * '"');
			b = w ^ (ones * '\\');
			m = (((q - ones) & ~q) | ((b - ones) & ~b)) &
			    (ones * 0x80);
			if (m != 0) {
				o += first_mark(m);
				break;
			}
			o += 8;
		}
		while (o < n && p[o] != '"' && p[o] != '\\')
			o++;
		if (o >= n)
			break;
		if (p[o] == '"') {
			*raw = cs_span_make(p + s, o - s);
			j->off = o + 1;
			return 0;
		}
		o += 2; /* the backslash and the byte it escapes */
	}
	return CS_EPROTO;
}

/*
 * The record's members; lazy: the data string is only delimited
 * (skip_string), out->data_checked false, and checked by
 * cs_ident_line_data.
 */
static int
scan_record(const uint8_t *p, size_t n, struct cs_ident_line *out, char *err,
	    size_t errsz, bool lazy)
{
	struct jr j = {p, n, 0, err, errsz};
	struct cs_span raw, draw = CS_SPAN_NULL;
	bool seen_id = false, seen_dev = false, seen_kind = false,
	     seen_port = false, seen_svc = false, is_hex = false;
	bool first = true;
	int rc;

	out->id.type = CS_IDENT_NONE;
	out->id.s[0] = '\0';
	out->id.len = 0;
	out->device.type = CS_IDENT_NONE;
	out->device.s[0] = '\0';
	out->device.len = 0;
	out->kind[0] = out->service[0] = '\0';
	out->port = 0;
	out->has_data = false;
	out->data_hex = false;
	out->data_checked = true;
	out->line = p;
	out->line_n = n;
	out->data_off = 0;
	out->data = out->data_raw = CS_SPAN_NULL;
	if (errsz)
		err[0] = '\0';
	ws(&j);
	if (j.off >= n || p[j.off] != '{')
		return fail(&j, CS_EPROTO, "not a JSON object");
	j.off++;
	for (;;) {
		struct cs_span key;

		ws(&j);
		if (first && j.off < n && p[j.off] == '}') {
			j.off++;
			break;
		}
		first = false;
		if ((rc = scan_string(&j, &key)) != 0)
			return rc;
		ws(&j);
		if (j.off >= n || p[j.off] != ':')
			return fail(&j, CS_EPROTO, "':' expected at byte %zu",
				    j.off + 1);
		j.off++;
		ws(&j);
#define DUP(flag, name)                                                        \
	do {                                                                   \
		if (flag)                                                      \
			return fail(&j, CS_EPROTO, "duplicate \"" name "\"");  \
		flag = true;                                                   \
	} while (0)
		if (key.n == 2 && memcmp(key.p, "id", 2) == 0) {
			DUP(seen_id, "id");
			if ((rc = id_value(&j, "id", &out->id)) != 0)
				return rc;
		} else if (key.n == 6 && memcmp(key.p, "device", 6) == 0) {
			DUP(seen_dev, "device");
			if ((rc = id_value(&j, "device", &out->device)) != 0)
				return rc;
		} else if (key.n == 4 && memcmp(key.p, "kind", 4) == 0) {
			DUP(seen_kind, "kind");
			if ((rc = scan_string(&j, &raw)) != 0)
				return rc;
			if ((rc = short_string(&j, raw, "kind", out->kind,
					       sizeof(out->kind), NULL)) != 0)
				return rc;
		} else if (key.n == 7 && memcmp(key.p, "service", 7) == 0) {
			DUP(seen_svc, "service");
			if (!literal(&j, "null")) {
				if ((rc = scan_string(&j, &raw)) != 0)
					return rc;
				if ((rc = short_string(
					 &j, raw, "service", out->service,
					 sizeof(out->service), NULL)) != 0)
					return rc;
			}
		} else if (key.n == 4 && memcmp(key.p, "port", 4) == 0) {
			uint64_t v;

			DUP(seen_port, "port");
			if (literal(&j, "null")) {
				v = 0;
			} else {
				if (j.off < n && p[j.off] == '"')
					rc = scan_string(&j, &raw);
				else
					rc = scan_number(&j, &raw);
				if (rc != 0)
					return rc;
				if (cs_span_u64(raw, 65535, &v) != 0)
					return fail(
					    &j, CS_EPROTO,
					    "\"port\" must be 0..65535");
			}
			out->port = (uint16_t)v;
		} else if ((key.n == 4 && memcmp(key.p, "data", 4) == 0) ||
			   (key.n == 8 && memcmp(key.p, "data_hex", 8) == 0)) {
			if (out->has_data)
				return fail(&j, CS_EPROTO,
					    "more than one of \"data\" and "
					    "\"data_hex\"");
			out->data_off = j.off;
			if (lazy && j.off < n && p[j.off] == '"' &&
			    skip_string(&j, &draw) == 0)
				out->data_checked = false;
			else if ((rc = scan_string(&j, &draw)) != 0)
				return rc;
			out->has_data = true;
			is_hex = key.n == 8;
		} else {
			if ((rc = skip_value(&j, 1)) != 0)
				return rc;
		}
#undef DUP
		ws(&j);
		if (j.off < n && p[j.off] == ',') {
			j.off++;
			continue;
		}
		if (j.off < n && p[j.off] == '}') {
			j.off++;
			break;
		}
		return fail(&j, CS_EPROTO, "',' or '}' expected at byte %zu",
			    j.off + 1);
	}
	ws(&j);
	if (j.off != n)
		return fail(&j, CS_EPROTO, "bytes after the object at byte %zu",
			    j.off + 1);
	out->data_raw = draw;
	out->data_hex = is_hex;
	return 0;
}

/*
 * Reads the record, delimiting the data string only; when the record
 * does not read, reads it again checking everything in order, so that
 * the error (and what out holds) is the one of the first fault.
 */
int
cs_ident_line_scan(const uint8_t *p, size_t n, struct cs_ident_line *out,
		   char *err, size_t errsz)
{
	if (scan_record(p, n, out, err, errsz, true) == 0)
		return 0;
	return scan_record(p, n, out, err, errsz, false);
}

int
cs_ident_line_check(struct cs_ident_line *l, char *err, size_t errsz)
{
	struct jr j = {l->line, l->line_n, l->data_off, err, errsz};
	struct cs_span raw;

	if (l->data_checked)
		return 0;
	if (scan_string(&j, &raw) == 0) {
		l->data_checked = true;
		return 0;
	}
	/* the whole record again, checked in order: its first fault */
	return scan_record(l->line, l->line_n, l, err, errsz, false);
}

int
cs_ident_line_data(struct cs_ident_line *l, struct cs_buf *data, char *err,
		   size_t errsz)
{
	struct jr j = {NULL, 0, 0, err, errsz};
	int rc;

	cs_buf_reset(data);
	if (!l->has_data)
		return cs_ident_line_check(l, err, errsz);
	/* decoded and checked in one pass; on a fault the string (and the
	 * record, if it is the string) is checked first, as before, so
	 * that the error is the one of the first fault */
	if (l->data_hex) {
		/* hex digits, spaces and colons are valid in a string */
		if ((rc = decode_hex(&j, l->data_raw, data)) != 0) {
			cs_buf_reset(data);
			if ((rc = cs_ident_line_check(l, err, errsz)) != 0)
				return rc;
			if ((rc = decode_hex(&j, l->data_raw, data)) != 0)
				return rc;
		}
	} else {
		rc = CS_EINVAL;
		if (cs_ident_kind_binary(l->kind))
			rc = decode_string(l->data_raw, data, true);
		if (rc == CS_EINVAL) {
			cs_buf_reset(data);
			rc = decode_string(l->data_raw, data, false);
		}
		if (rc == CS_EPROTO) {
			cs_buf_reset(data);
			if ((rc = cs_ident_line_check(l, err, errsz)) != 0)
				return rc;
			/* not reached: decode_string checks as scan_string */
			return fail(&j, CS_EPROTO, "\"data\": %s",
				    cs_strerror(CS_EPROTO));
		}
		if (rc != 0)
			return fail(&j, rc, "\"data\": %s",
				    rc == CS_ELIMIT ? "too large"
						    : cs_strerror(rc));
	}
	l->data_checked = true;
	l->data =
	    cs_span_make(data->p ? data->p : (const uint8_t *)"", data->len);
	return 0;
}

int
cs_ident_line_parse(const uint8_t *p, size_t n, struct cs_buf *data,
		    struct cs_ident_line *out, char *err, size_t errsz)
{
	int rc = cs_ident_line_scan(p, n, out, err, errsz);

	if (rc != 0) {
		cs_buf_reset(data);
		return rc;
	}
	return cs_ident_line_data(out, data, err, errsz);
}
