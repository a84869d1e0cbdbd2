/* SPDX-License-Identifier: ISC */
/*
 * Rules indexed by observation key.  Identification used to try every
 * rule's `on` list against every observation, so its cost grew with the
 * whole rule base; with the index it grows only with the rules that read
 * the observation's key (issue #11: many more long-tail rules, same
 * speed).  Built once at load time; read-only afterwards, so a loaded
 * database stays shareable between threads.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"
#include "core/cs.h"
#include "core/str.h"
#include "fp/fp_int.h"

/* FNV-1a of a key's bytes up to its NUL (at most CS_OBS_MAX_KEY). */
static size_t
key_hash(const char *k)
{
	size_t h = 2166136261u;

	for (size_t i = 0; i < CS_OBS_MAX_KEY && k[i] != 0; i++)
		h = (h ^ (uint8_t)k[i]) * 16777619u;
	return h;
}

static int
kidx_cmp(const void *a, const void *b)
{
	const struct fp_keyidx *x = a, *y = b;

	return strncmp(x->key, y->key, CS_OBS_MAX_KEY);
}

#define NAME_MAX_LEN 127 /* longer names are searched linearly */

struct fp_names {
	char (*key)[NAME_MAX_LEN + 1]; /* lowered; "" empty slot */
	int *idx;
	size_t cap; /* a power of two */
};

static size_t
lower_key(const char *s, char out[NAME_MAX_LEN + 1])
{
	size_t n = 0;

	for (; s[n] != 0; n++) {
		char c = s[n];

		if (n >= NAME_MAX_LEN)
			return SIZE_MAX;
		out[n] = c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;
	}
	out[n] = 0;
	return n;
}

static size_t
name_hash(const char *k)
{
	size_t h = 2166136261u;

	for (; *k; k++)
		h = (h ^ (uint8_t)*k) * 16777619u;
	return h;
}

/* Adds s -> i unless s is there already (the first carrier wins). */
static void
names_add(struct fp_names *t, const char *s, int i)
{
	char k[NAME_MAX_LEN + 1];
	size_t h;

	if (lower_key(s, k) == SIZE_MAX || k[0] == 0)
		return;
	for (h = name_hash(k) & (t->cap - 1); t->key[h][0] != 0;
	     h = (h + 1) & (t->cap - 1))
		if (strcmp(t->key[h], k) == 0)
			return;
	memcpy(t->key[h], k, sizeof(k));
	t->idx[h] = i;
}

static struct fp_names *
names_new(size_t n)
{
	struct fp_names *t = cs_xcalloc(1, sizeof(*t));

	for (t->cap = 64; t->cap < 2 * n + 1; t->cap *= 2)
		;
	t->key = cs_xcalloc(t->cap, sizeof(*t->key));
	t->idx = cs_xcalloc(t->cap, sizeof(*t->idx));
	return t;
}

static void
names_free(struct fp_names *t)
{
	if (t == NULL)
		return;
	free(t->key);
	free(t->idx);
	free(t);
}

int
cs_fp_name_find(const struct fp_names *t, const char *s)
{
	char k[NAME_MAX_LEN + 1];
	size_t h;

	if (t == NULL)
		return -2;
	if (lower_key(s, k) == SIZE_MAX)
		return -2;
	if (k[0] == 0)
		return -2; /* "" is compared linearly, as before */
	for (h = name_hash(k) & (t->cap - 1); t->key[h][0] != 0;
	     h = (h + 1) & (t->cap - 1))
		if (strcmp(t->key[h], k) == 0)
			return t->idx[h];
	return -1;
}

static void
names_build(struct cs_fpdb *db)
{
	size_t n = 0;

	for (size_t i = 0; i < db->nmakers; i++)
		n += 1 + db->makers[i].nalias;
	db->maker_names = names_new(n);
	for (size_t i = 0; i < db->nmakers; i++) {
		names_add(db->maker_names, db->makers[i].name, (int)i);
		for (size_t j = 0; j < db->makers[i].nalias; j++)
			names_add(db->maker_names, db->makers[i].alias[j].text,
				  (int)i);
	}
	n = 0;
	for (size_t i = 0; i < db->nbrands; i++)
		n += 1 + db->brands[i].nalias;
	db->brand_names = names_new(n);
	for (size_t i = 0; i < db->nbrands; i++) {
		names_add(db->brand_names, db->brands[i].name, (int)i);
		for (size_t j = 0; j < db->brands[i].nalias; j++)
			names_add(db->brand_names, db->brands[i].alias[j].text,
				  (int)i);
	}
}

void
cs_fp_index_free(struct cs_fpdb *db)
{
	names_free(db->maker_names);
	names_free(db->brand_names);
	db->maker_names = db->brand_names = NULL;
	/* the prefilter was compiled from the rules being re-indexed */
	cs_fp_pre_free(db);
	for (size_t i = 0; i < db->nkidx; i++)
		free(db->kidx[i].rule);
	free(db->kidx);
	db->kidx = NULL;
	db->nkidx = 0;
	free(db->khash);
	db->khash = NULL;
	db->khcap = 0;
}

/* The entry for key, appending a new one when absent (unsorted phase). */
static struct fp_keyidx *
entry(struct cs_fpdb *db, const char *key, size_t *cap)
{
	struct fp_keyidx *e;

	for (size_t i = 0; i < db->nkidx; i++)
		if (strncmp(db->kidx[i].key, key, CS_OBS_MAX_KEY) == 0)
			return &db->kidx[i];
	if (db->nkidx == *cap) {
		*cap = *cap ? *cap * 2 : 32;
		db->kidx = cs_xrealloc(db->kidx, *cap, sizeof(*db->kidx));
	}
	e = &db->kidx[db->nkidx++];
	memset(e, 0, sizeof(*e));
	cs_strlcpy(e->key, key, sizeof(e->key));
	return e;
}

void
cs_fp_index_build(struct cs_fpdb *db)
{
	size_t cap = 0;

	cs_fp_index_free(db);
	for (size_t r = 0; r < db->nrules; r++) {
		const struct fp_rule *rule = &db->rules[r];

		for (size_t k = 0; k < rule->nkeys; k++) {
			struct fp_keyidx *e = entry(db, rule->keys[k], &cap);

			/* a key listed twice in one rule counts once */
			if (e->n > 0 && e->rule[e->n - 1] == r)
				continue;
			e->rule =
			    cs_xrealloc(e->rule, e->n + 1, sizeof(*e->rule));
			e->rule[e->n++] = r;
		}
	}
	if (db->nkidx > 1)
		qsort(db->kidx, db->nkidx, sizeof(*db->kidx), kidx_cmp);
	/* every observation looks its key up: a hash, not a search */
	for (db->khcap = 16; db->khcap < 2 * db->nkidx + 1; db->khcap *= 2)
		;
	db->khash = cs_xmalloc(db->khcap * sizeof(*db->khash));
	for (size_t h = 0; h < db->khcap; h++)
		db->khash[h] = -1;
	for (size_t i = 0; i < db->nkidx; i++) {
		size_t h = key_hash(db->kidx[i].key) & (db->khcap - 1);

		while (db->khash[h] >= 0)
			h = (h + 1) & (db->khcap - 1);
		db->khash[h] = (int)i;
	}
	names_build(db);
}

const struct fp_keyidx *
cs_fp_index_find(const struct cs_fpdb *db, const char *key)
{
	size_t lo = 0, hi = db->nkidx;

	if (db->khash != NULL) {
		for (size_t h = key_hash(key) & (db->khcap - 1);
		     db->khash[h] >= 0; h = (h + 1) & (db->khcap - 1))
			if (strncmp(db->kidx[db->khash[h]].key, key,
				    CS_OBS_MAX_KEY) == 0)
				return &db->kidx[db->khash[h]];
		return NULL;
	}

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strncmp(db->kidx[mid].key, key, CS_OBS_MAX_KEY);

		if (c == 0)
			return &db->kidx[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}
