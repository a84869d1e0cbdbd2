/* SPDX-License-Identifier: ISC */
/* Zeek ASCII and JSON logs, a line at a time; see parse_zeek.h. */
#include "parse/parse_zeek.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "core/alloc.h"
#include "core/str.h"
#include "parse/parse_json.h"
#include "core/poison.h"

#define BUF_SZ (2 * CS_ZEEK_LINE_MAX + 4096)

void
cs_zeek_init(struct cs_zeek *z)
{
	memset(z, 0, sizeof(*z));
	z->sep = '\t';
	z->set_sep = ',';
	cs_strlcpy(z->empty, "(empty)", sizeof(z->empty));
	cs_strlcpy(z->unset, "-", sizeof(z->unset));
	z->bufsz = BUF_SZ;
	z->buf = cs_xmalloc(z->bufsz);
}

void
cs_zeek_free(struct cs_zeek *z)
{
	free(z->buf);
	z->buf = NULL;
}

const char *
cs_zeek_get(const struct cs_zeek_row *row, const char *name)
{
	for (size_t i = 0; i < row->n; i++)
		if (strcmp(row->name[i], name) == 0)
			return row->val[i];
	return NULL;
}

/* Copies s (n bytes) into dst (sz > 0), undoing Zeek's \xHH escapes. */
static void
unescape(char *dst, size_t sz, const char *s, size_t n)
{
	size_t k = 0;

	for (size_t i = 0; i < n && k + 1 < sz; i++) {
		if (s[i] == '\\' && i + 3 < n + 0 && s[i + 1] == 'x' &&
		    cs_hexval((unsigned char)s[i + 2]) >= 0 &&
		    cs_hexval((unsigned char)s[i + 3]) >= 0) {
			int v = cs_hexval((unsigned char)s[i + 2]) * 16 +
				cs_hexval((unsigned char)s[i + 3]);
			dst[k++] = v == 0 ? '?' : (char)v;
			i += 3;
		} else {
			dst[k++] = s[i];
		}
	}
	dst[k] = '\0';
}

/* A header line ("#name<sep>value..."); returns 0 or an error. */
static int
header(struct cs_zeek *z, const char *p, size_t n, char *err, size_t errsz)
{
	char line[4096];
	const char *v;
	size_t kl;

	if (n >= 11 && strncmp(p, "#separator ", 11) == 0) {
		unescape(line, sizeof(line), p + 11, n - 11);
		if (strlen(line) != 1) {
			snprintf(err, errsz, "a separator of one byte needed");
			return CS_EPROTO;
		}
		z->sep = line[0];
		return 0;
	}
	kl = 0;
	while (kl < n && p[kl] != z->sep)
		kl++;
	v = kl < n ? p + kl + 1 : p + n;
	n -= (size_t)(v - p);
#define KEY(s) (kl == strlen(s) && strncmp(p, s, kl) == 0)
	if (KEY("#set_separator")) {
		unescape(line, sizeof(line), v, n);
		z->set_sep = line[0] ? line[0] : ',';
	} else if (KEY("#empty_field")) {
		unescape(z->empty, sizeof(z->empty), v, n);
	} else if (KEY("#unset_field")) {
		unescape(z->unset, sizeof(z->unset), v, n);
	} else if (KEY("#path")) {
		unescape(z->path, sizeof(z->path), v, n);
	} else if (KEY("#fields")) {
		z->nnames = 0;
		while (kl < n + (size_t)(v - p)) { /* a value follows */
			size_t l = 0;
			while (l < n && v[l] != z->sep)
				l++;
			if (z->nnames >= CS_ZEEK_FIELDS_MAX) {
				snprintf(err, errsz, "more than %d fields",
					 CS_ZEEK_FIELDS_MAX);
				z->nnames = 0;
				return CS_ELIMIT;
			}
			unescape(z->names[z->nnames++], CS_ZEEK_NAME_MAX, v, l);
			if (l == n)
				break;
			v += l + 1;
			n -= l + 1;
		}
	}
#undef KEY
	return 0;
}

static int
tsv_row(struct cs_zeek *z, const char *p, size_t n, struct cs_zeek_row *row,
	char *err, size_t errsz)
{
	size_t off = 0, i = 0;

	if (z->nnames == 0) {
		snprintf(err, errsz, "a row before the #fields line");
		return CS_EPROTO;
	}
	row->n = 0;
	for (;;) {
		size_t l = 0;
		char *dst = z->buf + off;

		while (l < n && p[l] != z->sep)
			l++;
		if (i >= z->nnames) {
			snprintf(err, errsz, "more fields than #fields names");
			return CS_EPROTO;
		}
		unescape(dst, z->bufsz - off, p, l);
		row->name[i] = z->names[i];
		if (strcmp(dst, z->unset) == 0)
			row->val[i] = NULL;
		else if (strcmp(dst, z->empty) == 0)
			row->val[i] = "";
		else
			row->val[i] = dst;
		/* sets and vectors: elements joined with ',' */
		for (char *c = dst; *c && z->set_sep != ','; c++)
			if (*c == z->set_sep)
				*c = ',';
		off += strlen(dst) + 1;
		i++;
		if (l == n)
			break;
		p += l + 1;
		n -= l + 1;
	}
	if (i != z->nnames) {
		snprintf(err, errsz, "%zu fields, #fields names %zu", i,
			 z->nnames);
		return CS_EPROTO;
	}
	row->n = i;
	return 1;
}

/* Appends s to the buffer; returns it there or NULL when full. */
static const char *
keep(struct cs_zeek *z, size_t *off, const char *s, size_t n)
{
	char *d;

	if (*off + n + 1 > z->bufsz)
		return NULL;
	d = z->buf + *off;
	memcpy(d, s, n);
	d[n] = '\0';
	for (size_t i = 0; i < n; i++)
		if (d[i] == '\0')
			d[i] = '?';
	*off += n + 1;
	return d;
}

static int
json_add(struct cs_zeek *z, struct cs_zeek_row *row, size_t *off,
	 const char *prefix, json_object *o)
{
	json_object_object_foreach(o, k, v)
	{
		char name[CS_ZEEK_NAME_MAX];
		const char *val = NULL;

		snprintf(name, sizeof(name), "%s%s%s", prefix,
			 *prefix ? "." : "", k);
		if (v != NULL && json_object_is_type(v, json_type_object)) {
			if (*prefix == '\0' && json_add(z, row, off, k, v) != 0)
				return CS_ELIMIT;
			continue;
		}
		if (row->n >= CS_ZEEK_FIELDS_MAX)
			return CS_ELIMIT;
		if (v == NULL) {
			val = NULL;
		} else if (json_object_is_type(v, json_type_array)) {
			size_t start = *off, len = json_object_array_length(v);
			for (size_t i = 0; i < len; i++) {
				json_object *e =
				    json_object_array_get_idx(v, i);
				const char *es =
				    e ? json_object_get_string(e) : "";
				if (i > 0 && *off > start)
					z->buf[*off - 1] = ',';
				if (keep(z, off, es, strlen(es)) == NULL)
					return CS_ELIMIT;
			}
			val = len == 0 ? "" : z->buf + start;
		} else if (json_object_is_type(v, json_type_boolean)) {
			val = json_object_get_boolean(v) ? "T" : "F";
		} else {
			const char *s = json_object_get_string(v);
			size_t l = json_object_is_type(v, json_type_string)
				       ? (size_t)json_object_get_string_len(v)
				       : strlen(s);
			if ((val = keep(z, off, s, l)) == NULL)
				return CS_ELIMIT;
		}
		if ((row->name[row->n] = keep(z, off, name, strlen(name))) ==
		    NULL)
			return CS_ELIMIT;
		row->val[row->n++] = val;
	}
	return 0;
}

static int
json_row(struct cs_zeek *z, const char *p, size_t n, struct cs_zeek_row *row,
	 char *err, size_t errsz)
{
	json_object *o;
	size_t off = 0;
	int rc;

	if ((rc = cs_json_line_object((const uint8_t *)p, n, CS_ZEEK_LINE_MAX,
				      CS_ZEEK_JSON_DEPTH, &o, err, errsz)) != 0)
		return rc;
	row->n = 0;
	rc = json_add(z, row, &off, "", o);
	json_object_put(o);
	if (rc != 0) {
		snprintf(err, errsz, "over the caps (fields or bytes)");
		return rc;
	}
	return 1;
}

int
cs_zeek_line(struct cs_zeek *z, const char *p, size_t n,
	     struct cs_zeek_row *row, char *err, size_t errsz)
{
	row->n = 0;
	if (n > CS_ZEEK_LINE_MAX) {
		snprintf(err, errsz, "line over %u bytes", CS_ZEEK_LINE_MAX);
		return CS_ELIMIT;
	}
	while (n > 0 && (p[n - 1] == '\r' || p[n - 1] == '\n'))
		n--;
	if (n == 0)
		return 0;
	if (p[0] == '#')
		return header(z, p, n, err, errsz);
	if (p[0] == '{')
		return json_row(z, p, n, row, err, errsz);
	return tsv_row(z, p, n, row, err, errsz);
}
