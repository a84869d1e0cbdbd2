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

/*
 * True if hash h was seen lately (the table of hashes seen once), else
 * records it and returns false.
 */
static inline bool
kv_admit(uint32_t *seen, size_t nseen, uint64_t h)
{
	uint32_t *s = &seen[h & (nseen - 1)], v = (uint32_t)(h >> 32) | 1;

	if (*s == v)
		return true;
	*s = v;
	return false;
}

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

bool
cs_memo_admit(struct cs_memo *m, uint64_t h)
{
	return kv_admit(m->seen, CS_MEMO_SEEN, h);
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

/* ---- one hash table of keyed byte strings, for rows and identities ---- */

/*
 * A bounded table of values (byte strings) by key (byte strings given in
 * parts, stored whole): chains of entries by hash, the key and value of
 * each kept one after the other in one buffer; emptied when it holds
 * max entries or its text would pass its byte cap.  With a seen table
 * (nseen > 0, a power of two), kv_admit records a hash seen once.
 */
struct kv_ent {
	uint64_t h;
	uint32_t next;
	uint32_t off, klen, vlen; /* key at text[off], value after it */
};

struct kvtab {
	struct kv_ent *e; /* max slots, n used */
	size_t n, max;
	struct cs_buf text;
	uint32_t *head; /* 2 * max chains (a power of two) */
	uint32_t *seen; /* nseen hashes seen once: high half, low bit set */
	size_t nseen;
};

static void
kv_init(struct kvtab *t, size_t max, size_t bytes, size_t nseen)
{
	t->e = cs_xcalloc(max, sizeof(*t->e));
	t->n = 0;
	t->max = max;
	cs_buf_init(&t->text, bytes);
	t->head = cs_xmalloc(2 * max * sizeof(*t->head));
	memset(t->head, 0xff, 2 * max * sizeof(*t->head));
	t->seen = nseen ? cs_xcalloc(nseen, sizeof(*t->seen)) : NULL;
	t->nseen = nseen;
}

static void
kv_free(struct kvtab *t)
{
	cs_buf_free(&t->text);
	free(t->e);
	free(t->head);
	free(t->seen);
}

static void
kv_clear(struct kvtab *t)
{
	t->n = 0;
	cs_buf_reset(&t->text);
	memset(t->head, 0xff, 2 * t->max * sizeof(*t->head));
}

/* Whether key (its nk parts) equals the key stored at k (klen bytes). */
static inline bool
kv_same(const uint8_t *k, size_t klen, const struct cs_span *key, size_t nk)
{
	for (size_t i = 0; i < nk; i++) {
		if (key[i].n > klen || memcmp(k, key[i].p, key[i].n) != 0)
			return false;
		k += key[i].n;
		klen -= key[i].n;
	}
	return klen == 0;
}

/* The value kept for key (hash h), or NULL; *len gets its length. */
static const char *
kv_find(const struct kvtab *t, uint64_t h, const struct cs_span *key, size_t nk,
	size_t *len)
{
	for (uint32_t i = t->head[h & (2 * t->max - 1)]; i != NONE;
	     i = t->e[i].next) {
		const struct kv_ent *r = &t->e[i];

		if (r->h == h &&
		    kv_same(t->text.p + r->off, r->klen, key, nk)) {
			*len = r->vlen;
			return (const char *)t->text.p + r->off + r->klen;
		}
	}
	return NULL;
}

/*
 * Keeps value v (vlen bytes) for key (hash h, not in t), emptying t
 * first when it is full; nothing if key and value together pass
 * room_max bytes.
 */
static void
kv_put(struct kvtab *t, uint64_t h, const struct cs_span *key, size_t nk,
       const void *v, size_t vlen, size_t room_max)
{
	size_t klen = 0, off;
	struct kv_ent *r;
	uint32_t *b;

	for (size_t i = 0; i < nk; i++)
		klen += key[i].n;
	if (klen + vlen > room_max)
		return;
	if (t->n == t->max || t->text.len + klen + vlen > t->text.max)
		kv_clear(t);
	off = t->text.len;
	for (size_t i = 0; i < nk; i++)
		if (cs_buf_add(&t->text, key[i].p, key[i].n) != 0)
			goto fail;
	if (cs_buf_add(&t->text, v, vlen) != 0)
		goto fail;
	r = &t->e[t->n];
	r->h = h;
	r->off = (uint32_t)off;
	r->klen = (uint32_t)klen;
	r->vlen = (uint32_t)vlen;
	b = &t->head[h & (2 * t->max - 1)];
	r->next = *b;
	*b = (uint32_t)t->n++;
	return;
fail:
	t->text.len = off;
}

/* ---- evidence rows ---- */

struct cs_rowmemo {
	struct kvtab t;
};

/*
 * An item is compared as two byte ranges, its strings (NUL-padded:
 * identification clears the items it fills) with its port, and its
 * weight with its claim; the padding between is left out.
 */
#define EV_A_LEN (offsetof(struct cs_evidence, port) + sizeof(uint16_t))
#define EV_B_OFF offsetof(struct cs_evidence, weight)
#define EV_B_LEN (sizeof(struct cs_evidence) - EV_B_OFF)

struct cs_rowmemo *
cs_rowmemo_new(void)
{
	struct cs_rowmemo *m = cs_xcalloc(1, sizeof(*m));

	/* room for the rows' text and every entry's key */
	kv_init(&m->t, CS_ROWMEMO_ENTRIES,
		CS_ROWMEMO_BYTES + CS_ROWMEMO_ENTRIES * (EV_A_LEN + EV_B_LEN),
		0);
	return m;
}

void
cs_rowmemo_free(struct cs_rowmemo *m)
{
	if (m == NULL)
		return;
	kv_free(&m->t);
	free(m);
}

/* The key of item e: its two compared ranges. */
static inline void
ev_key(const struct cs_evidence *e, struct cs_span key[2])
{
	key[0] = cs_span_make(e, EV_A_LEN);
	key[1] = cs_span_make((const uint8_t *)e + EV_B_OFF, EV_B_LEN);
}

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

const char *
cs_rowmemo_find(const struct cs_rowmemo *m, const struct cs_evidence *e,
		uint64_t h, size_t *len)
{
	struct cs_span key[2];

	ev_key(e, key);
	return kv_find(&m->t, h, key, 2, len);
}

void
cs_rowmemo_put(struct cs_rowmemo *m, const struct cs_evidence *e, uint64_t h,
	       const char *s, size_t n)
{
	struct cs_span key[2];

	if (n > CS_ROWMEMO_BYTES / 64)
		return;
	ev_key(e, key);
	kv_put(&m->t, h, key, 2, s, n, SIZE_MAX);
}

/* ---- identities ---- */

struct cs_idmemo {
	struct kvtab t;
};

struct cs_idmemo *
cs_idmemo_new(void)
{
	struct cs_idmemo *m = cs_xcalloc(1, sizeof(*m));

	kv_init(&m->t, CS_IDMEMO_ENTRIES, CS_IDMEMO_BYTES, CS_IDMEMO_SEEN);
	return m;
}

void
cs_idmemo_free(struct cs_idmemo *m)
{
	if (m == NULL)
		return;
	kv_free(&m->t);
	free(m);
}

const char *
cs_idmemo_find(const struct cs_idmemo *m, const uint8_t *sig, size_t n,
	       uint64_t h, size_t *len)
{
	struct cs_span key = cs_span_make(sig, n);

	return kv_find(&m->t, h, &key, 1, len);
}

void
cs_idmemo_put(struct cs_idmemo *m, const uint8_t *sig, size_t n, uint64_t h,
	      const char *s, size_t slen)
{
	struct cs_span key = cs_span_make(sig, n);

	if (!kv_admit(m->t.seen, m->t.nseen, h))
		return;
	kv_put(&m->t, h, &key, 1, s, slen, CS_IDMEMO_BYTES / 64);
}
