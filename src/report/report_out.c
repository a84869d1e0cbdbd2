/* SPDX-License-Identifier: ISC */
/* The writers' append helpers with a sticky error; see report_impl.h. */
#include "report/report_impl.h"

#include <stdarg.h>
#include <string.h>

#include "core/escape.h"
#include "core/poison.h"

int
cs_report_put(struct rp_w *w, const char *s)
{
	if (w->rc == 0)
		w->rc = cs_buf_adds(w->b, s);
	return w->rc;
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
	return w->rc;
}

int
cs_report_put_json(struct rp_w *w, const char *s)
{
	if (w->rc == 0)
		w->rc = cs_esc_json(w->b, s, strlen(s));
	return w->rc;
}

int
cs_report_put_csv(struct rp_w *w, const char *s)
{
	if (w->rc == 0)
		w->rc = cs_esc_csv(w->b, s, strlen(s));
	return w->rc;
}

int
cs_report_put_html_n(struct rp_w *w, const void *s, size_t n)
{
	if (w->rc == 0)
		w->rc = cs_esc_html(w->b, s, n);
	return w->rc;
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
	return w->rc;
}
