/* SPDX-License-Identifier: ISC */
/* Owned, capped observation lists; see obs.h. */
#include "core/obs.h"

#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"
#include "core/buf.h"
#include "core/redact.h"
#include "core/poison.h"

void
cs_obs_list_init(struct cs_obs_list *l)
{
	memset(l, 0, sizeof(*l));
}

void
cs_obs_list_free(struct cs_obs_list *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->v[i].val);
	free(l->v);
	memset(l, 0, sizeof(*l));
}

void
cs_obs_list_clear(struct cs_obs_list *l)
{
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
	o->val = cs_xmalloc(len + 1);
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
	c->val = cs_xmalloc(o->len + 1);
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
