/* SPDX-License-Identifier: ISC */
/* Context-specific escaping of device-controlled bytes; see escape.h. */
#include "core/escape.h"

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "core/poison.h"

#define REPLACEMENT "\xEF\xBF\xBD" /* U+FFFD in UTF-8 */

size_t
cs_utf8_seq(const unsigned char *p, size_t n, unsigned long *cp)
{
	unsigned long c;
	size_t len;

	if (n == 0)
		return 0;
	if (p[0] < 0x80) {
		*cp = p[0];
		return 1;
	}
	if ((p[0] & 0xE0) == 0xC0) {
		len = 2;
		c = p[0] & 0x1F;
	} else if ((p[0] & 0xF0) == 0xE0) {
		len = 3;
		c = p[0] & 0x0F;
	} else if ((p[0] & 0xF8) == 0xF0) {
		len = 4;
		c = p[0] & 0x07;
	} else {
		return 0;
	}
	if (len > n)
		return 0;
	for (size_t i = 1; i < len; i++) {
		if ((p[i] & 0xC0) != 0x80)
			return 0;
		c = c << 6 | (p[i] & 0x3F);
	}
	if ((len == 2 && c < 0x80) || (len == 3 && c < 0x800) ||
	    (len == 4 && c < 0x10000) || c > 0x10FFFF ||
	    (c >= 0xD800 && c <= 0xDFFF))
		return 0;
	*cp = c;
	return len;
}

/* True for C0, DEL and C1 control code points. */
static bool
is_control(unsigned long cp)
{
	return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F);
}

/*
 * True for code points that are invisible or reorder text: bidi embedding,
 * override and isolate controls (U+202A-202E, U+2066-2069, U+061C, U+200E,
 * U+200F), zero-width characters (U+200B-200D, U+2060-2064, U+FEFF), the
 * line and paragraph separators, the soft hyphen, the Mongolian vowel
 * separator and the interlinear annotation controls.  Shown, they let a
 * device's string pretend to be something else.
 */
static bool
is_invisible(unsigned long cp)
{
	return cp == 0xAD || cp == 0x61C || cp == 0x180E ||
	       (cp >= 0x200B && cp <= 0x200F) ||
	       (cp >= 0x2028 && cp <= 0x202E) ||
	       (cp >= 0x2060 && cp <= 0x2064) ||
	       (cp >= 0x2066 && cp <= 0x2069) || cp == 0xFEFF ||
	       (cp >= 0xFFF9 && cp <= 0xFFFB);
}

/*
 * plain_run's table: bit 1 set for the bytes JSON copies as they are
 * (printable ASCII 0x20-0x7E but '"' and '\\'), bit 2 for those HTML
 * does (the same but & < > " ').
 */
/* one row of 16 bytes per line */
/* clang-format off */
static const uint8_t plain_tab[256] = {
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    3, 3, 0, 3, 3, 3, 1, 1, 3, 3, 3, 3, 3, 3, 3, 3,
    3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 1, 3, 1, 3,
    3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
    3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 2, 3, 3, 3,
    3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
    3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
};
/* clang-format on */

/*
 * The length of the leading run of s[0..n) that an escaper copies as it
 * is: printable ASCII (0x20-0x7E) other than '"' and '\\' (JSON) or
 * other than & < > " ' (HTML).  Copied in one append (a report of a
 * million devices escapes a few gigabytes).
 */
/*
 * The high bit of each byte of w that JSON does not copy as it is ('"',
 * '\\', below 0x20, 0x7F and above), and maybe of later bytes: (x - ones *
 * k) & ~x & high marks a byte of x below k, and a borrow that marks a
 * byte wrongly comes from a marked byte below it, so a word with no true
 * mark has none.
 */
static inline uint64_t
json_stops(uint64_t w)
{
	const uint64_t ones = 0x0101010101010101ull, high = ones * 0x80;
	uint64_t q = w ^ (ones * '"'), b = w ^ (ones * '\\'),
		 d = w ^ (ones * 0x7F);

	return (((q - ones) & ~q) | ((b - ones) & ~b) | ((d - ones) & ~d) |
		((w - ones * 0x20) & ~w) | w) &
	       high;
}

static size_t
plain_run(const unsigned char *s, size_t n, bool html)
{
	uint8_t bit = html ? 2 : 1;
	size_t i = 0;

	while (i < n && (plain_tab[s[i]] & bit))
		i++;
	return i;
}

/*
 * As plain_run for JSON, eight bytes at a time up to the word holding
 * the first byte to escape (the table finds it there): for whole values,
 * most of which need no escape.
 */
static size_t
plain_run_json(const unsigned char *s, size_t n)
{
	size_t i = 0;

	while (n - i >= 8) {
		uint64_t w;

		memcpy(&w, s + i, 8);
		if (json_stops(w) != 0)
			break;
		i += 8;
	}
	return i + plain_run(s + i, n - i, false);
}

/* JSON's two-character escapes: the letter after the backslash. */
static const char short_esc[128] = {
    ['"'] = '"', ['\\'] = '\\', ['\n'] = 'n', ['\r'] = 'r', ['\t'] = 't',
};

/*
 * The escape of the byte or sequence at s[0..n) that JSON does not copy
 * as it is, into w (room for 6 bytes); returns the bytes written and
 * sets *used to the input bytes read.
 */
static size_t
json_escape_one(const unsigned char *s, size_t n, uint8_t *w, size_t *used)
{
	static const char hex[] = "0123456789abcdef";
	unsigned long cp;
	size_t len = cs_utf8_seq(s, n, &cp);

	*used = len ? len : 1;
	if (len == 0) {
		memcpy(w, "\\ufffd", 6);
		return 6;
	}
	if (cp < 128 && short_esc[cp] != 0) {
		w[0] = '\\';
		w[1] = (uint8_t)short_esc[cp];
		return 2;
	}
	if (is_control(cp) || is_invisible(cp)) {
		/* 2028/2029 break JavaScript string literals; bidi and
		 * zero-width characters are shown as escapes (all below
		 * U+10000: four hex digits, as %04lx wrote them) */
		w[0] = '\\';
		w[1] = 'u';
		w[2] = (uint8_t)hex[(cp >> 12) & 15];
		w[3] = (uint8_t)hex[(cp >> 8) & 15];
		w[4] = (uint8_t)hex[(cp >> 4) & 15];
		w[5] = (uint8_t)hex[cp & 15];
		return 6;
	}
	memcpy(w, s, len);
	return len;
}

size_t
cs_esc_json_to(uint8_t *w, const void *vs, size_t n)
{
	const unsigned char *s = vs;
	size_t i = plain_run_json(s, n), k = 0;

	w[k++] = '"';
	if (i)
		memcpy(w + 1, s, i);
	k += i;
	for (size_t used; i < n; i += used) {
		unsigned char c = s[i];

		used = 1;
		if (plain_tab[c] & 1) {
			w[k++] = c;
		} else if (c < 128 && short_esc[c] != 0) {
			/* '"', '\\', \n, \r, \t: as json_escape_one writes
			 * them, without its UTF-8 decoding (a device's JSON
			 * or XML has a quote every few bytes) */
			w[k++] = '\\';
			w[k++] = (uint8_t)short_esc[c];
		} else {
			k += json_escape_one(s + i, n - i, w + k, &used);
		}
	}
	w[k++] = '"';
	return k;
}

int
cs_esc_json(struct cs_buf *b, const void *vs, size_t n)
{
	const unsigned char *s = vs;
	size_t start = b->len;
	uint8_t *w;
	int rc;

	if (plain_run_json(s, n) == n) {
		/* nothing to escape (the common case): one append */
		if ((w = cs_buf_space(b, n + 2)) == NULL)
			return CS_ELIMIT;
		w[0] = '"';
		if (n)
			memcpy(w + 1, s, n);
		w[n + 1] = '"';
		return 0;
	}
	/* Written in place into room for the longest escape (each byte
	 * gives at most six) and cut to what it took; where that room is
	 * past the buffer's cap, appended piece by piece, so that the
	 * result or the failure is the same. */
	if (n <= (SIZE_MAX - 2) / 6 &&
	    (w = cs_buf_space(b, 6 * n + 2)) != NULL) {
		b->len = start + cs_esc_json_to(w, s, n);
		b->p[b->len] = '\0';
		return 0;
	}
	if ((rc = cs_buf_add(b, "\"", 1)) != 0)
		return rc;
	for (size_t i = 0, used; i < n; i += used) {
		uint8_t e[6];
		size_t len = plain_run(s + i, n - i, false);

		if (len > 0) {
			if ((rc = cs_buf_add(b, s + i, len)) != 0)
				return rc;
			used = len;
			continue;
		}
		len = json_escape_one(s + i, n - i, e, &used);
		if ((rc = cs_buf_add(b, e, len)) != 0)
			return rc;
	}
	return cs_buf_add(b, "\"", 1);
}

/*
 * Appends s with invalid UTF-8 and control characters replaced by U+FFFD;
 * when esc is set, also HTML-escapes.
 */
static int
add_clean(struct cs_buf *b, const unsigned char *s, size_t n, bool html,
	  bool keep_nl)
{
	int rc = 0;

	for (size_t i = 0; i < n && rc == 0;) {
		unsigned long cp;
		size_t len = plain_run(s + i, n - i, html);

		if (len > 0) {
			rc = cs_buf_add(b, s + i, len);
			i += len;
			continue;
		}
		len = cs_utf8_seq(s + i, n - i, &cp);
		if (len == 0) {
			rc = cs_buf_adds(b, REPLACEMENT);
			i++;
			continue;
		}
		if (html && cp == '&')
			rc = cs_buf_adds(b, "&amp;");
		else if (html && cp == '<')
			rc = cs_buf_adds(b, "&lt;");
		else if (html && cp == '>')
			rc = cs_buf_adds(b, "&gt;");
		else if (html && cp == '"')
			rc = cs_buf_adds(b, "&quot;");
		else if (html && cp == '\'')
			rc = cs_buf_adds(b, "&#39;");
		else if (keep_nl && (cp == '\n' || cp == '\t'))
			rc = cs_buf_add(b, s + i, 1);
		else if (is_control(cp) || is_invisible(cp))
			rc = cs_buf_adds(b, REPLACEMENT);
		else
			rc = cs_buf_add(b, s + i, len);
		i += len;
	}
	return rc;
}

int
cs_esc_html(struct cs_buf *b, const void *s, size_t n)
{
	return add_clean(b, s, n, true, true);
}

int
cs_esc_csv(struct cs_buf *b, const void *vs, size_t n)
{
	const unsigned char *s = vs;
	bool formula = n > 0 && (s[0] == '=' || s[0] == '+' || s[0] == '-' ||
				 s[0] == '@' || s[0] == '\t' || s[0] == '\r');
	int rc;

	if ((rc = cs_buf_add(b, "\"", 1)) != 0)
		return rc;
	if (formula && (rc = cs_buf_add(b, "'", 1)) != 0)
		return rc;
	for (size_t i = 0; i < n && rc == 0;) {
		size_t j = i;

		while (j < n && s[j] != '"')
			j++;
		rc = add_clean(b, s + i, j - i, false, false);
		if (rc == 0 && j < n)
			rc = cs_buf_add(b, "\"\"", 2);
		i = j + 1;
	}
	if (rc)
		return rc;
	return cs_buf_add(b, "\"", 1);
}

int
cs_esc_term(struct cs_buf *b, const void *vs, size_t n)
{
	const unsigned char *s = vs;
	int rc = 0;

	for (size_t i = 0; i < n && rc == 0;) {
		unsigned long cp;
		size_t len, j = i;

		/* a run of printable ASCII other than the backslash at once */
		while (j < n && s[j] >= 0x20 && s[j] < 0x7f && s[j] != '\\')
			j++;
		if (j > i) {
			rc = cs_buf_add(b, s + i, j - i);
			i = j;
			continue;
		}
		len = cs_utf8_seq(s + i, n - i, &cp);
		if (len > 1 && is_invisible(cp)) {
			/* A bidi override or an invisible character is shown
			 * as its code point, never obeyed. */
			rc = cs_buf_printf(b, "\\u%04lx", cp);
		} else if (len == 0 || is_control(cp) || cp == '\\') {
			if (len == 0)
				len = 1;
			for (size_t k = 0; k < len && rc == 0; k++)
				rc =
				    s[i + k] == '\\'
					? cs_buf_adds(b, "\\\\")
					: cs_buf_printf(b, "\\x%02x", s[i + k]);
		} else {
			rc = cs_buf_add(b, s + i, len);
		}
		i += len;
	}
	return rc;
}
