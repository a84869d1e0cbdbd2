/* SPDX-License-Identifier: ISC */
/* identify's memo of decoded messages; see memo.h. */
#include "ident/memo.h"

#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"
#include "core/buf.h"
#include "core/str.h"
#include "fp/fp.h"
#include "core/poison.h"

#define NBUCKETS (2 * CS_MEMO_ENTRIES) /* a power of two */
#define NONE UINT32_MAX

struct cs_memo {
	struct cs_memo_ent *e; /* CS_MEMO_ENTRIES slots, n used */
	size_t n;
	size_t bytes; /* held by the used slots */
	uint32_t head[NBUCKETS];
	uint32_t seen[CS_MEMO_SEEN]; /* cs_memo_admit: a hash's high half
					(low bit set), 0 for none */
};

struct cs_memo *
cs_memo_new(void)
{
	struct cs_memo *m = cs_xcalloc(1, sizeof(*m));

	m->e = cs_xcalloc(CS_MEMO_ENTRIES, sizeof(*m->e));
	memset(m->head, 0xff, sizeof(m->head));
	return m;
}

static void
clear(struct cs_memo *m)
{
	for (size_t i = 0; i < m->n; i++) {
		struct cs_memo_ent *e = &m->e[i];

		free(e->raw);
		free(e->tail);
		cs_obs_list_free(&e->obs);
		memset(e, 0, sizeof(*e));
	}
	m->n = 0;
	m->bytes = 0;
	memset(m->head, 0xff, sizeof(m->head));
}

void
cs_memo_free(struct cs_memo *m)
{
	if (m == NULL)
		return;
	clear(m);
	free(m->e);
	free(m);
}

uint64_t
cs_memo_hash(const struct cs_ident_line *l)
{
	uint64_t h = 0x243F6A8885A308D3ull ^
		     ((uint64_t)l->port << 1 | (l->data_hex ? 1u : 0u));

	h = cs_hash64(h, l->kind, strlen(l->kind));
	if (l->service[0] != '\0')
		h = cs_hash64(h, l->service, strlen(l->service));
	return cs_hash64(h, l->data_raw.p, l->data_raw.n);
}

static bool
same(const struct cs_memo_ent *e, const struct cs_ident_line *l, uint64_t h)
{
	return e->h == h && e->port == l->port && e->hex == l->data_hex &&
	       e->rawlen == l->data_raw.n && strcmp(e->kind, l->kind) == 0 &&
	       strcmp(e->service, l->service) == 0 &&
	       (e->rawlen == 0 ||
		memcmp(e->raw, l->data_raw.p, e->rawlen) == 0);
}

struct cs_memo_ent *
cs_memo_find(struct cs_memo *m, const struct cs_ident_line *l, uint64_t h)
{
	for (uint32_t i = m->head[h & (NBUCKETS - 1)]; i != NONE;
	     i = m->e[i].next)
		if (same(&m->e[i], l, h))
			return &m->e[i];
	return NULL;
}

bool
cs_memo_admit(struct cs_memo *m, uint64_t h)
{
	uint32_t *s = &m->seen[h & (CS_MEMO_SEEN - 1)],
		 v = (uint32_t)(h >> 32) | 1;

	if (*s == v)
		return true;
	*s = v;
	return false;
}

struct cs_memo_ent *
cs_memo_put(struct cs_memo *m, const struct cs_ident_line *l, uint64_t h,
	    int rc, bool read_list, const struct cs_obs_list *src, size_t from)
{
	struct cs_memo_ent *e;
	size_t bytes = sizeof(*e) + l->data_raw.n;
	uint32_t *b;

	if (l->data_raw.n > CS_MEMO_RAW_MAX ||
	    strlen(l->kind) >= sizeof(e->kind) ||
	    strlen(l->service) >= sizeof(e->service))
		return NULL;
	for (size_t i = from; i < src->n; i++)
		bytes += sizeof(struct cs_obs) + src->v[i].len + 1;
	if (bytes > CS_MEMO_BYTES / 16)
		return NULL;
	if (m->n == CS_MEMO_ENTRIES || m->bytes + bytes > CS_MEMO_BYTES)
		clear(m);
	e = &m->e[m->n];
	e->h = h;
	e->port = l->port;
	e->hex = l->data_hex;
	e->read_list = read_list;
	e->rc = rc;
	memcpy(e->kind, l->kind, strlen(l->kind) + 1);
	memcpy(e->service, l->service, strlen(l->service) + 1);
	e->rawlen = l->data_raw.n;
	e->raw = cs_xmalloc(e->rawlen + 1);
	if (e->rawlen)
		memcpy(e->raw, l->data_raw.p, e->rawlen);
	cs_obs_list_init(&e->obs);
	for (size_t i = from; i < src->n; i++)
		cs_obs_add_copy(&e->obs, &src->v[i]);
	e->tail = NULL;
	e->taillen = 0;
	e->has_tail = false;
	b = &m->head[h & (NBUCKETS - 1)];
	e->next = *b;
	*b = (uint32_t)m->n;
	m->n++;
	m->bytes += bytes;
	return e;
}

void
cs_memo_set_tail(struct cs_memo *m, struct cs_memo_ent *e, const char *s,
		 size_t n)
{
	if (e->has_tail || m->bytes + n > CS_MEMO_BYTES)
		return;
	e->tail = cs_xmalloc(n + 1);
	memcpy(e->tail, s, n);
	e->tail[n] = '\0';
	e->taillen = n;
	e->has_tail = true;
	m->bytes += n;
}

/* ---- evidence rows ---- */

struct row_ent {
	uint64_t h;
	uint32_t next;
	uint32_t off, len; /* its row in text */
	struct cs_evidence ev;
};

struct cs_rowmemo {
	struct row_ent *e; /* CS_ROWMEMO_ENTRIES */
	size_t n;
	struct cs_buf text;
	uint32_t head[2 * CS_ROWMEMO_ENTRIES];
};

struct cs_rowmemo *
cs_rowmemo_new(void)
{
	struct cs_rowmemo *m = cs_xcalloc(1, sizeof(*m));

	m->e = cs_xcalloc(CS_ROWMEMO_ENTRIES, sizeof(*m->e));
	cs_buf_init(&m->text, CS_ROWMEMO_BYTES);
	memset(m->head, 0xff, sizeof(m->head));
	return m;
}

void
cs_rowmemo_free(struct cs_rowmemo *m)
{
	if (m == NULL)
		return;
	cs_buf_free(&m->text);
	free(m->e);
	free(m);
}

/*
 * An item is compared as two byte ranges, its strings (NUL-padded:
 * identification clears the items it fills) with its port, and its
 * weight with its claim; the padding between is left out.
 */
#define EV_A_LEN (offsetof(struct cs_evidence, port) + sizeof(uint16_t))
#define EV_B_OFF offsetof(struct cs_evidence, weight)
#define EV_B_LEN (sizeof(struct cs_evidence) - EV_B_OFF)

/* The word of e at byte off (within the item). */
static inline uint64_t
ev_word(const struct cs_evidence *e, size_t off)
{
	uint64_t w;

	memcpy(&w, (const uint8_t *)e + off, sizeof(w));
	return w;
}

/* Non-zero if a byte of w is 0. */
static inline uint64_t
has_zero(uint64_t w)
{
	return (w - 0x0101010101010101ull) & ~w & 0x8080808080808080ull;
}

/*
 * The words of each string of the item up to the one holding its NUL
 * (the strings are NUL-padded: identification clears the items it
 * fills, so the words after are zero in every row), its port and
 * weight: two rows whose values differ anywhere, as the raw messages of
 * two units of one model do after their first bytes, differ in a word
 * hashed (the old hash read a few words at the starts, so all the rows
 * of one rule on such messages fell in one chain).  A hash for the
 * chain: ev_same decides.
 */
uint64_t
cs_rowmemo_hash(const struct cs_evidence *e)
{
	static const struct {
		size_t off, len;
	} str[] = {
	    {offsetof(struct cs_evidence, field), sizeof(e->field)},
	    {offsetof(struct cs_evidence, value), sizeof(e->value)},
	    {offsetof(struct cs_evidence, rule), sizeof(e->rule)},
	    {offsetof(struct cs_evidence, obs_key), sizeof(e->obs_key)},
	    {offsetof(struct cs_evidence, claim), sizeof(e->claim)},
	};
	uint64_t h = 0xBE5466CF34E90C6Cull ^ e->port, w;

	memcpy(&w, &e->weight, sizeof(w));
	h = (h ^ w) * 0x9E3779B97F4A7C15ull;
	for (size_t s = 0; s < CS_NELEM(str); s++)
		for (size_t o = 0; o < str[s].len; o += 8) {
			w = ev_word(e, str[s].off + o);
			h = (h ^ w) * 0x9E3779B97F4A7C15ull;
			h ^= h >> 29;
			if (has_zero(w))
				break;
		}
	return h ^ h >> 32;
}

static bool
ev_same(const struct cs_evidence *a, const struct cs_evidence *b)
{
	return memcmp(a, b, EV_A_LEN) == 0 &&
	       memcmp((const uint8_t *)a + EV_B_OFF,
		      (const uint8_t *)b + EV_B_OFF, EV_B_LEN) == 0;
}

const char *
cs_rowmemo_find(const struct cs_rowmemo *m, const struct cs_evidence *e,
		uint64_t h, size_t *len)
{
	for (uint32_t i = m->head[h & (CS_NELEM(m->head) - 1)]; i != NONE;
	     i = m->e[i].next) {
		const struct row_ent *r = &m->e[i];

		if (r->h == h && ev_same(&r->ev, e)) {
			*len = r->len;
			return (const char *)m->text.p + r->off;
		}
	}
	return NULL;
}

void
cs_rowmemo_put(struct cs_rowmemo *m, const struct cs_evidence *e, uint64_t h,
	       const char *s, size_t n)
{
	struct row_ent *r;
	uint32_t *b;

	if (n > CS_ROWMEMO_BYTES / 64)
		return;
	if (m->n == CS_ROWMEMO_ENTRIES || m->text.len + n > CS_ROWMEMO_BYTES) {
		m->n = 0;
		cs_buf_reset(&m->text);
		memset(m->head, 0xff, sizeof(m->head));
	}
	r = &m->e[m->n];
	r->h = h;
	r->off = (uint32_t)m->text.len;
	r->len = (uint32_t)n;
	if (cs_buf_add(&m->text, s, n) != 0)
		return;
	memcpy(&r->ev, e, sizeof(*e));
	b = &m->head[h & (CS_NELEM(m->head) - 1)];
	r->next = *b;
	*b = (uint32_t)m->n++;
}

/* ---- identities ---- */

struct id_ent {
	uint64_t h;
	uint32_t next;
	uint32_t off, n, slen; /* signature at text[off], output after it */
};

struct cs_idmemo {
	struct id_ent *e; /* CS_IDMEMO_ENTRIES */
	size_t n;
	struct cs_buf text;
	uint32_t head[2 * CS_IDMEMO_ENTRIES];
	uint32_t seen[CS_IDMEMO_SEEN];
};

struct cs_idmemo *
cs_idmemo_new(void)
{
	struct cs_idmemo *m = cs_xcalloc(1, sizeof(*m));

	m->e = cs_xcalloc(CS_IDMEMO_ENTRIES, sizeof(*m->e));
	cs_buf_init(&m->text, CS_IDMEMO_BYTES);
	memset(m->head, 0xff, sizeof(m->head));
	return m;
}

void
cs_idmemo_free(struct cs_idmemo *m)
{
	if (m == NULL)
		return;
	cs_buf_free(&m->text);
	free(m->e);
	free(m);
}

const char *
cs_idmemo_find(const struct cs_idmemo *m, const uint8_t *sig, size_t n,
	       uint64_t h, size_t *len)
{
	for (uint32_t i = m->head[h & (CS_NELEM(m->head) - 1)]; i != NONE;
	     i = m->e[i].next) {
		const struct id_ent *r = &m->e[i];

		if (r->h == h && r->n == n &&
		    memcmp(m->text.p + r->off, sig, n) == 0) {
			*len = r->slen;
			return (const char *)m->text.p + r->off + n;
		}
	}
	return NULL;
}

void
cs_idmemo_put(struct cs_idmemo *m, const uint8_t *sig, size_t n, uint64_t h,
	      const char *s, size_t slen)
{
	uint32_t *sl = &m->seen[h & (CS_IDMEMO_SEEN - 1)];
	uint32_t v = (uint32_t)(h >> 32) | 1;
	struct id_ent *r;
	uint32_t *b;

	if (*sl != v) {
		*sl = v;
		return;
	}
	if (n + slen > CS_IDMEMO_BYTES / 64)
		return;
	if (m->n == CS_IDMEMO_ENTRIES ||
	    m->text.len + n + slen > CS_IDMEMO_BYTES) {
		m->n = 0;
		cs_buf_reset(&m->text);
		memset(m->head, 0xff, sizeof(m->head));
	}
	r = &m->e[m->n];
	r->h = h;
	r->off = (uint32_t)m->text.len;
	r->n = (uint32_t)n;
	r->slen = (uint32_t)slen;
	if (cs_buf_add(&m->text, sig, n) != 0 ||
	    cs_buf_add(&m->text, s, slen) != 0) {
		m->text.len = r->off;
		return;
	}
	b = &m->head[h & (CS_NELEM(m->head) - 1)];
	r->next = *b;
	*b = (uint32_t)m->n++;
}
