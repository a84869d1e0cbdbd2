/* SPDX-License-Identifier: ISC */
/*
 * Queries of the entity knowledge base: maker details with the ownership
 * chain (makers.tsv, ownership.tsv), brand relations including per
 * product-line white-label relations (brands.tsv, oem.tsv), and brand
 * search in free text.  All queries are read-only on the database.
 */
#include "fp/fp.h"

#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"
#include "core/str.h"
#include "fp/fp_int.h"
#include "core/poison.h"

#define OWN_MAX_DEPTH 4

/*
 * Equal ignoring ASCII case.  The first bytes are compared before any
 * length is taken: most names differ there, and assess looks a maker up
 * in every table for each of a million devices (OR 0x20 folds ASCII case
 * and keeps equal bytes equal, so a difference after it is a mismatch).
 */
static bool
ieq(const char *a, const char *b)
{
	if ((*a | 0x20) != (*b | 0x20))
		return false;
	return cs_span_ieq(cs_span_make(a, strlen(a)), b);
}

/* True when s equals one of the '|'-separated names in list (case ignored). */
static bool
in_bar_list(const char *list, const char *s)
{
	size_t n = strlen(s);

	if (n == 0)
		return false;
	while (*list) {
		const char *bar = strchr(list, '|');
		size_t len = bar ? (size_t)(bar - list) : strlen(list);

		if (len == n && (*list | 0x20) == (*s | 0x20) &&
		    cs_span_ieq(cs_span_make(list, len), s))
			return true;
		if (!bar)
			break;
		list = bar + 1;
	}
	return false;
}

/* Maker index by name, alias or legal name; -1 when none. */
static int
maker_find(const struct cs_fpdb *db, const char *s)
{
	for (size_t i = 0; i < db->nmakers; i++) {
		const struct fp_maker *m = &db->makers[i];

		if (ieq(s, m->name) || in_bar_list(m->legal, s))
			return (int)i;
		for (size_t j = 0; j < m->nalias; j++)
			if (ieq(s, m->alias[j].text))
				return (int)i;
	}
	return -1;
}

/* Brand index by name or alias (whole value, case ignored); -1 if none. */
static int
brand_find(const struct cs_fpdb *db, const char *s)
{
	for (size_t i = 0; i < db->nbrands; i++) {
		const struct fp_brand *b = &db->brands[i];

		if (ieq(s, b->name))
			return (int)i;
		for (size_t j = 0; j < b->nalias; j++)
			if (ieq(s, b->alias[j].text))
				return (int)i;
	}
	return -1;
}

static void
add_own_rows(const struct cs_fpdb *db, const char *entity, unsigned depth,
	     struct cs_maker_info *out)
{
	size_t first = out->nown;

	if (depth > OWN_MAX_DEPTH)
		return;
	for (size_t i = 0; i < db->nowns && out->nown < CS_FP_MAX_OWNERSHIP;
	     i++) {
		const struct fp_own *o = &db->owns[i];
		struct cs_ownership *w;
		int mk;

		if (!ieq(entity, o->entity))
			continue;
		w = &out->own[out->nown++];
		cs_strlcpy(w->entity, o->entity, sizeof(w->entity));
		cs_strlcpy(w->owner, o->owner, sizeof(w->owner));
		cs_strlcpy(w->relation, o->relation, sizeof(w->relation));
		cs_strlcpy(w->from, o->from, sizeof(w->from));
		cs_strlcpy(w->to, o->to, sizeof(w->to));
		w->depth = depth;
		w->confidence = o->conf;
		cs_strlcpy(w->confidence_name, cs_fp_conf_name(o->conf),
			   sizeof(w->confidence_name));
		cs_strlcpy(w->source, o->source, sizeof(w->source));
		if ((mk = maker_find(db, o->owner)) >= 0)
			cs_strlcpy(w->owner_country, db->makers[mk].country,
				   sizeof(w->owner_country));
	}
	/* Walk up from the rows that still hold (no end date). */
	for (size_t i = first, n = out->nown; i < n; i++)
		if (out->own[i].to[0] == 0 &&
		    !ieq(out->own[i].owner, entity)) {
			char owner[96];

			cs_strlcpy(owner, out->own[i].owner, sizeof(owner));
			add_own_rows(db, owner, depth + 1, out);
		}
}

int
cs_fpdb_maker_info(const struct cs_fpdb *db, const char *name,
		   struct cs_maker_info *out)
{
	const struct fp_maker *m;
	const char *l;
	int mi;

	if (db == NULL || name == NULL || out == NULL)
		return CS_EINVAL;
	memset(out, 0, sizeof(*out));
	if ((mi = maker_find(db, name)) < 0) {
		int bi = brand_find(db, name);

		if (bi < 0)
			return CS_ENOTFOUND;
		mi = (int)db->brands[bi].maker;
	}
	m = &db->makers[mi];
	cs_strlcpy(out->name, m->name, sizeof(out->name));
	cs_strlcpy(out->country, m->country, sizeof(out->country));
	out->cctv = m->cctv;
	out->confidence = m->conf;
	cs_strlcpy(out->confidence_name, cs_fp_conf_name(m->conf),
		   sizeof(out->confidence_name));
	cs_strlcpy(out->source, m->source, sizeof(out->source));
	l = m->legal;
	while (*l && out->nlegal < CS_FP_MAX_LEGAL) {
		const char *bar = strchr(l, '|');
		size_t len = bar ? (size_t)(bar - l) : strlen(l);

		if (len >= sizeof(out->legal[0]))
			len = sizeof(out->legal[0]) - 1;
		memcpy(out->legal[out->nlegal], l, len);
		out->legal[out->nlegal++][len] = 0;
		if (!bar)
			break;
		l = bar + 1;
	}
	add_own_rows(db, m->name, 0, out);
	cs_strlcpy(out->parent, m->parent, sizeof(out->parent));
	for (size_t i = 0; i < out->nown; i++)
		if (out->own[i].depth == 0 && out->own[i].to[0] == 0 &&
		    strcmp(out->own[i].relation, "hardware-odm") != 0) {
			cs_strlcpy(out->parent, out->own[i].owner,
				   sizeof(out->parent));
			break;
		}
	return 0;
}

static void
fill_general(const struct cs_fpdb *db, const struct fp_brand *b,
	     struct cs_brand_info *out)
{
	const struct fp_maker *m = &db->makers[b->maker];

	memset(out, 0, sizeof(*out));
	cs_strlcpy(out->brand, b->name, sizeof(out->brand));
	cs_strlcpy(out->maker, m->name, sizeof(out->maker));
	cs_strlcpy(out->maker_country, m->country, sizeof(out->maker_country));
	cs_strlcpy(out->relation, b->relation, sizeof(out->relation));
	out->confidence = b->conf;
	cs_strlcpy(out->confidence_name, cs_fp_conf_name(b->conf),
		   sizeof(out->confidence_name));
	cs_strlcpy(out->source, b->source, sizeof(out->source));
}

static void
fill_oem(const struct cs_fpdb *db, const struct fp_oem *o,
	 struct cs_brand_info *out)
{
	const struct fp_maker *m = &db->makers[o->maker];
	const struct fp_brand *b = &db->brands[o->brand];

	memset(out, 0, sizeof(*out));
	cs_strlcpy(out->brand, b->name, sizeof(out->brand));
	cs_strlcpy(out->maker, m->name, sizeof(out->maker));
	cs_strlcpy(out->maker_country, m->country, sizeof(out->maker_country));
	cs_strlcpy(out->relation,
		   o->maker == b->maker && strcmp(b->relation, "own") != 0
		       ? b->relation
		       : (ieq(m->name, b->name) ? "own" : "white-label"),
		   sizeof(out->relation));
	cs_strlcpy(out->line, o->line, sizeof(out->line));
	cs_strlcpy(out->prefixes, o->prefixes, sizeof(out->prefixes));
	cs_strlcpy(out->from, o->from, sizeof(out->from));
	cs_strlcpy(out->to, o->to, sizeof(out->to));
	out->confidence = o->conf;
	cs_strlcpy(out->confidence_name, cs_fp_conf_name(o->conf),
		   sizeof(out->confidence_name));
	cs_strlcpy(out->source, o->source, sizeof(out->source));
}

/* Length of the longest '|'-separated prefix of list that starts model. */
static size_t
prefix_hit(const char *list, const char *model)
{
	struct cs_span ms = cs_span_make(model, strlen(model));
	size_t best = 0;

	while (*list) {
		const char *bar = strchr(list, '|');
		size_t len = bar ? (size_t)(bar - list) : strlen(list);

		if (len > 0 && len <= ms.n && len > best) {
			char tmp[128];

			if (len < sizeof(tmp)) {
				memcpy(tmp, list, len);
				tmp[len] = 0;
				if (cs_span_istarts(ms, tmp))
					best = len;
			}
		}
		if (!bar)
			break;
		list = bar + 1;
	}
	return best;
}

int
cs_fpdb_brand_info(const struct cs_fpdb *db, const char *brand,
		   const char *model, struct cs_brand_info *out)
{
	int bi;
	size_t best = 0, bestlen = 0;
	bool found = false;

	if (db == NULL || brand == NULL || out == NULL)
		return CS_EINVAL;
	if ((bi = brand_find(db, brand)) < 0) {
		int mi = maker_find(db, brand);

		if (mi < 0)
			return CS_ENOTFOUND;
		bi = brand_find(db, db->makers[mi].name);
		if (bi < 0)
			return CS_ENOTFOUND;
	}
	if (model != NULL) {
		struct cs_span t = cs_span_trim(cs_span_make(model, strlen(model)));
		char mbuf[128];

		cs_span_copy(mbuf, sizeof(mbuf), t);
		for (size_t i = 0; i < db->noems && mbuf[0]; i++) {
			size_t len;

			if (db->oems[i].brand != (size_t)bi)
				continue;
			len = prefix_hit(db->oems[i].prefixes, mbuf);
			if (len > bestlen) {
				bestlen = len;
				best = i;
				found = true;
			}
		}
	}
	if (found)
		fill_oem(db, &db->oems[best], out);
	else
		fill_general(db, &db->brands[bi], out);
	return 0;
}

size_t
cs_fpdb_brand_relations(const struct cs_fpdb *db, const char *brand,
			struct cs_brand_info *out, size_t max)
{
	int bi;
	size_t n = 0;

	if (db == NULL || brand == NULL)
		return 0;
	if ((bi = brand_find(db, brand)) < 0) {
		int mi = maker_find(db, brand);

		if (mi < 0 || (bi = brand_find(db, db->makers[mi].name)) < 0)
			return 0;
	}
	if (n < max && out != NULL)
		fill_general(db, &db->brands[bi], &out[n]);
	n++;
	for (size_t i = 0; i < db->noems; i++) {
		if (db->oems[i].brand != (size_t)bi)
			continue;
		if (n < max && out != NULL)
			fill_oem(db, &db->oems[i], &out[n]);
		n++;
	}
	return n;
}

size_t
cs_fpdb_ownership(const struct cs_fpdb *db, const char *entity,
		  struct cs_ownership *out, size_t max)
{
	struct cs_maker_info *mi;
	size_t n;

	if (db == NULL || entity == NULL || out == NULL || max == 0)
		return 0;
	mi = cs_xcalloc(1, sizeof(*mi));
	add_own_rows(db, entity, 0, mi);
	n = mi->nown < max ? mi->nown : max;
	memcpy(out, mi->own, n * sizeof(*out));
	free(mi);
	return n;
}
