/* SPDX-License-Identifier: ISC */
/*
 * The writers' append helpers with a sticky error, and the streaming of a
 * document through a sink in chunks; see report_impl.h.
 */
#include "report/report_impl.h"

#include <stdarg.h>
#include <stdbool.h>
#include <string.h>

#include "core/escape.h"
#include "core/poison.h"

#define RP_CHUNK ((size_t)1 << 20) /* a sink's default chunk */
/* The staging buffer's cap: a chunk plus the largest single piece (an
 * escaped observation is at most a few tens of KiB). */
#define RP_STAGE_SLACK ((size_t)16 << 20)

static size_t
chunk_of(const struct cs_report_sink *k)
{
	return k->chunk ? k->chunk : RP_CHUNK;
}

/* Hands the staged bytes to the sink; w->rc becomes CS_EIO on refusal. */
static int
spill(struct rp_w *w)
{
	if (w->rc == 0 && w->b->len > 0) {
		if (w->sink->write(w->sink->arg, w->b->p, w->b->len) != 0)
			w->rc = CS_EIO;
		else
			cs_buf_reset(w->b);
	}
	return w->rc;
}

/* After an append: streams once a chunk is staged.  Returns w->rc. */
static int
staged(struct rp_w *w)
{
	if (w->rc == 0 && w->sink && w->b->len >= chunk_of(w->sink))
		spill(w);
	return w->rc;
}

int
cs_report_stream(struct cs_report *r, enum cs_report_part part,
		 const struct cs_report_sink *k)
{
	struct cs_buf b;
	struct rp_w w;
	int rc;

	if (r == NULL || k == NULL || k->write == NULL)
		return CS_EINVAL;
	cs_buf_init(&b, chunk_of(k) + RP_STAGE_SLACK);
	r->sink = k;
	switch (part) {
	case CS_REPORT_PART_HTML:
		rc = cs_report_write_html(r, &b);
		break;
	case CS_REPORT_PART_JSON:
		rc = cs_report_write_json(r, &b);
		break;
	case CS_REPORT_PART_CSV_DEVICES:
		rc = cs_report_write_csv_devices(r, &b);
		break;
	case CS_REPORT_PART_CSV_FINDINGS:
		rc = cs_report_write_csv_findings(r, &b);
		break;
	default:
		rc = CS_EINVAL;
		break;
	}
	r->sink = NULL;
	w.b = &b;
	w.rc = rc;
	w.sink = k;
	rc = spill(&w);
	cs_buf_free(&b);
	return rc;
}

int
cs_report_put(struct rp_w *w, const char *s)
{
	if (w->rc == 0)
		w->rc = cs_buf_adds(w->b, s);
	return staged(w);
}

int
cs_report_putf(struct rp_w *w, const char *fmt, ...)
{
	va_list ap;

	if (w->rc != 0)
		return w->rc;
	va_start(ap, fmt);
	w->rc = cs_buf_vprintf(w->b, fmt, ap);
	va_end(ap);
	return staged(w);
}

int
cs_report_put_u(struct rp_w *w, unsigned long long v)
{
	char d[24];
	size_t i = sizeof(d);

	do
		d[--i] = (char)('0' + v % 10);
	while ((v /= 10) != 0);
	if (w->rc == 0)
		w->rc = cs_buf_add(w->b, d + i, sizeof(d) - i);
	return staged(w);
}

/* True when cs_esc_term shows each line of the n bytes at s as it is:
 * printable ASCII other than the backslash, and line feeds. */
static bool
term_plain_lines(const unsigned char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if ((s[i] < 0x20 && s[i] != '\n') || s[i] >= 0x7f ||
		    s[i] == '\\')
			return false;
	return true;
}

int
cs_report_put_json(struct rp_w *w, const char *s)
{
	if (w->rc == 0)
		w->rc = cs_esc_json(w->b, s, strlen(s));
	return staged(w);
}

int
cs_report_put_csv(struct rp_w *w, const char *s)
{
	if (w->rc == 0)
		w->rc = cs_esc_csv(w->b, s, strlen(s));
	return staged(w);
}

int
cs_report_put_html_n(struct rp_w *w, const void *s, size_t n)
{
	if (w->rc == 0)
		w->rc = cs_esc_html(w->b, s, n);
	return staged(w);
}

int
cs_report_put_html(struct rp_w *w, const char *s)
{
	return cs_report_put_html_n(w, s, strlen(s));
}

int
cs_report_put_raw_html(struct rp_w *w, const void *vs, size_t n)
{
	const unsigned char *s = vs;
	struct cs_buf t;

	if (w->rc != 0)
		return w->rc;
	/* the usual case: nothing the terminal escaper would change */
	if (term_plain_lines(s, n)) {
		w->rc = cs_esc_html(w->b, s, n);
		return staged(w);
	}
	cs_buf_init(&t, 4 * n + 16);
	/* Line by line, so a multi-line reply keeps its shape. */
	for (size_t i = 0; i < n && w->rc == 0;) {
		const unsigned char *nl = memchr(s + i, '\n', n - i);
		size_t j = nl ? (size_t)(nl - s) : n;

		cs_buf_reset(&t);
		w->rc = cs_esc_term(&t, s + i, j - i);
		if (w->rc == 0 && t.len)
			w->rc = cs_esc_html(w->b, t.p, t.len);
		if (w->rc == 0 && nl)
			w->rc = cs_buf_add(w->b, "\n", 1);
		i = j + 1;
	}
	cs_buf_free(&t);
	return staged(w);
}
