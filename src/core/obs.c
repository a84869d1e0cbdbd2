/* SPDX-License-Identifier: ISC */
/* Owned, capped observation lists; see obs.h. */
#include "core/obs.h"

#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"
#include "core/buf.h"
#include "core/redact.h"
#include "core/poison.h"

/* A block of a pooled list's values (cs_obs_list_pool). */
struct cs_obs_block {
	struct cs_obs_block *next; /* the older blocks */
	uint8_t data[];
};

/* The first block's bytes; a block's bytes at most (unless one value
 * needs more); a cleared list keeps a first block this small. */
#define POOL_BLOCK_MIN 512
#define POOL_BLOCK_GROW (64 * 1024)
#define POOL_KEEP 2048

/* n bytes of pooled l, never moved or freed until l is emptied. */
static uint8_t *
pool_take(struct cs_obs_list *l, size_t n)
{
	struct cs_obs_block *b;
	size_t cap;

	n = (n + 7) & ~(size_t)7;
	if (l->blk != NULL && l->bcap - l->bused >= n) {
		l->bused += n;
		return l->blk->data + l->bused - n;
	}
	cap = l->blk != NULL ? CS_MIN(2 * l->bcap, (size_t)POOL_BLOCK_GROW)
			     : POOL_BLOCK_MIN;
	if (cap < n)
		cap = n;
	b = cs_xmalloc(sizeof(*b) + cap);
	b->next = l->blk;
	l->blk = b;
	l->bcap = cap;
	l->bused = n;
	if (l->first == NULL) {
		l->first = b;
		l->fcap = cap;
	}
	return b->data;
}

/* Frees the blocks of l, but its first one when keep and it is small. */
static void
pool_empty(struct cs_obs_list *l, bool keep)
{
	struct cs_obs_block *b = l->blk, *next;

	keep = keep && l->first != NULL && l->fcap <= POOL_KEEP;
	if (keep && b == l->first) {
		l->bused = 0; /* one block, kept: nothing to free */
		return;
	}
	for (; b != NULL; b = next) {
		next = b->next;
		if (!(keep && b == l->first))
			free(b);
	}
	if (keep) {
		l->blk = l->first;
		l->blk->next = NULL;
		l->bcap = l->fcap;
	} else {
		l->blk = l->first = NULL;
		l->bcap = l->fcap = 0;
	}
	l->bused = 0;
}

/* Storage for a value of n bytes and its NUL in l. */
static uint8_t *
val_alloc(struct cs_obs_list *l, size_t n)
{
	return l->pooled ? pool_take(l, n + 1) : cs_xmalloc(n + 1);
}

void
cs_obs_list_init(struct cs_obs_list *l)
{
	memset(l, 0, sizeof(*l));
}

void
cs_obs_list_pool(struct cs_obs_list *l)
{
	if (l->n == 0)
		l->pooled = true;
}

void
cs_obs_list_free(struct cs_obs_list *l)
{
	if (l->pooled) {
		pool_empty(l, false);
	} else {
		for (size_t i = 0; i < l->n; i++)
			free(l->v[i].val);
	}
	free(l->v);
	memset(l, 0, sizeof(*l));
}

void
cs_obs_list_clear(struct cs_obs_list *l)
{
	if (l->pooled)
		pool_empty(l, true);
	else
		for (size_t i = 0; i < l->n; i++)
			free(l->v[i].val);
	l->n = 0;
	l->dropped = 0;
}

/* Room for one more entry (the array grown as needed); false, counted in
 * l->dropped, when l already holds CS_OBS_MAX_COUNT. */
static bool
obs_room(struct cs_obs_list *l)
{
	if (l->n >= CS_OBS_MAX_COUNT) {
		l->dropped++;
		return false;
	}
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 16;
		l->v = cs_xrealloc(l->v, l->cap, sizeof(*l->v));
	}
	return true;
}

int
cs_obs_add(struct cs_obs_list *l, const char *key, uint16_t port,
	   unsigned flags, const void *val, size_t len)
{
	struct cs_obs *o;
	struct cs_buf red;
	size_t klen = strlen(key);

	if (klen == 0 || klen >= CS_OBS_MAX_KEY)
		return CS_EINVAL;
	if (!obs_room(l))
		return CS_ELIMIT;
	/* No secret reaches a list, whatever decoder produced the value. */
	cs_buf_init(&red, 2 * CS_OBS_MAX_VALUE + 64);
	if (len > 0 && cs_redact_needed(val, len)) {
		if (len > CS_OBS_MAX_VALUE)
			len = CS_OBS_MAX_VALUE, flags |= CS_OBS_TRUNCATED;
		if (cs_redact(&red, val, len) < 0)
			cs_buf_reset(&red);
		val = red.p ? (const void *)red.p : "";
		len = red.len;
	}
	o = &l->v[l->n++];
	memcpy(o->key, key, klen + 1);
	o->port = port;
	o->flags = flags;
	if (len > CS_OBS_MAX_VALUE) {
		len = CS_OBS_MAX_VALUE;
		o->flags |= CS_OBS_TRUNCATED;
	}
	o->val = val_alloc(l, len);
	if (len)
		memcpy(o->val, val, len);
	o->val[len] = 0;
	o->len = len;
	cs_buf_free(&red);
	return 0;
}

int
cs_obs_add_copy(struct cs_obs_list *l, const struct cs_obs *o)
{
	struct cs_obs *c;

	if (!obs_room(l))
		return CS_ELIMIT;
	c = &l->v[l->n++];
	memcpy(c->key, o->key, strlen(o->key) + 1);
	c->port = o->port;
	c->flags = o->flags;
	c->val = val_alloc(l, o->len);
	if (o->len)
		memcpy(c->val, o->val, o->len);
	c->val[o->len] = 0;
	c->len = o->len;
	return 0;
}

int
cs_obs_adds(struct cs_obs_list *l, const char *key, uint16_t port,
	    const char *val)
{
	return cs_obs_add(l, key, port, 0, val, strlen(val));
}

const struct cs_obs *
cs_obs_find(const struct cs_obs_list *l, const char *key, uint16_t port)
{
	for (size_t i = 0; i < l->n; i++)
		if (strcmp(l->v[i].key, key) == 0 &&
		    (port == 0 || l->v[i].port == port))
			return &l->v[i];
	return NULL;
}

static bool
obs_same(const struct cs_obs *a, const struct cs_obs *b)
{
	return a->port == b->port && a->len == b->len &&
	       strcmp(a->key, b->key) == 0 &&
	       (a->len == 0 || memcmp(a->val, b->val, a->len) == 0);
}

size_t
cs_obs_dedup_from(struct cs_obs_list *l, size_t from)
{
	size_t w = from;

	for (size_t i = from; i < l->n; i++) {
		bool dup = false;

		for (size_t j = 0; j < w && !dup; j++)
			dup = obs_same(&l->v[j], &l->v[i]);
		if (dup) {
			if (!l->pooled)
				free(l->v[i].val);
			continue;
		}
		if (w != i)
			l->v[w] = l->v[i];
		w++;
	}
	size_t dropped = l->n - w;
	l->n = w;
	return dropped;
}
