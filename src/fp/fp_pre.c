/* SPDX-License-Identifier: ISC */
/*
 * The multi-pattern prefilter of identification (issue #17): per
 * observation key, one Hyperscan literal database of the required
 * literals (fp_lit.c) of the rules that read that key (every match of a
 * rule's pattern contains one of its literals), and one of every brand
 * alias.  One scan of an observation's value names the rules of its key
 * and the brands that can match it; PCRE2 then runs only those (it still
 * makes every capture and every decision), and word_hit checks only the
 * named brands.  A rule whose pattern has no required literal is run by
 * PCRE2 on every observation of its keys, as before.
 *
 * Built on request (cs_fpdb_prefilter), not at load time: compiling costs
 * some tenths of a second, which the bulk paths (identify, listen) repay
 * at once and tests and one-off lookups need not pay.  Without Hyperscan
 * (meson -Dhyperscan=disabled, or a platform Debian does not ship it on)
 * cs_fpdb_prefilter returns CS_ENOTFOUND and matching is PCRE2-only.
 */
#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"
#include "core/cs.h"
#include "fp/fp_hscache.h"
#include "fp/fp_int.h"

int
cs_fpdb_prefilter_auto(struct cs_fpdb *db)
{
	const char *e = getenv("CAMSWEEP_FP_ENGINE");

	if (e != NULL && strcmp(e, "pcre2") == 0)
		return CS_ENOTFOUND;
	return cs_fpdb_prefilter(db);
}

#ifdef CS_HAVE_HYPERSCAN
#include <hs/hs.h>

struct fp_pre {
	hs_database_t **rules; /* per key index entry (db->kidx): id = rule
				  index; NULL when none compiled */
	bool *key_failed;      /* per key: its literals did not compile */
	bool *key_shared;      /* per key: rules[k] is an earlier key's */
	size_t **key_always;   /* per key: its rules without literals */
	size_t *nkey_always;
	size_t nkeys;
	hs_database_t *brands; /* id = brand index; NULL when no aliases */
	hs_scratch_t *proto;   /* cloned per context */
	uint8_t *always;       /* per rule: run without asking Hyperscan */
};

/* One rule's literals, copied out of fp_lits. */
struct rule_lits {
	char **lit; /* owned */
	size_t *len;
	size_t n;
};

/*
 * A literal database of the required literals (fp_lit.c) of the rules
 * listed (n indices, those marked always skipped), ASCII case ignored (a
 * superset of what each pattern's case allows).  Returns 0 (*out NULL
 * when no rule has literals) or -1 when it did not compile.
 */
static int
build_lits(const size_t *rules, size_t nr, const struct rule_lits *rl,
	   const uint8_t *always, hs_database_t **out)
{
	size_t n = 0, cap = 0;
	const char **expr;
	size_t *lens;
	unsigned *flags, *ids;
	int rc = 0;

	*out = NULL;
	for (size_t j = 0; j < nr; j++)
		if (!always[rules[j]])
			cap += rl[rules[j]].n;
	if (cap == 0)
		return 0;
	expr = cs_xcalloc(cap, sizeof(*expr));
	lens = cs_xcalloc(cap, sizeof(*lens));
	flags = cs_xcalloc(cap, sizeof(*flags));
	ids = cs_xcalloc(cap, sizeof(*ids));
	for (size_t j = 0; j < nr; j++) {
		size_t r = rules[j];

		if (always[r])
			continue;
		for (size_t k = 0; k < rl[r].n; k++) {
			expr[n] = rl[r].lit[k];
			lens[n] = rl[r].len[k];
			flags[n] = HS_FLAG_CASELESS | HS_FLAG_SINGLEMATCH;
			ids[n] = (unsigned)r;
			n++;
		}
	}
	if (cs_hs_compile_lits(expr, flags, ids, lens, (unsigned)n, out) != 0)
		rc = -1;
	free(expr);
	free(lens);
	free(flags);
	free(ids);
	return rc;
}

/* True when keys a and b have the same rules with literals. */
static bool
same_rules(const struct fp_keyidx *a, const struct fp_keyidx *b,
	   const uint8_t *always)
{
	size_t i = 0, j = 0;

	for (;;) {
		while (i < a->n && always[a->rule[i]])
			i++;
		while (j < b->n && always[b->rule[j]])
			j++;
		if (i == a->n || j == b->n)
			return i == a->n && j == b->n;
		if (a->rule[i++] != b->rule[j++])
			return false;
	}
}

/*
 * The rules' literal databases, one per observation key (keys with the
 * same rules, such as onvif.scopes and wsd.scopes, share one); a rule
 * without literals is marked always.  Returns false when scratch could
 * not be had for them.
 */
static bool
build_rules(const struct cs_fpdb *db, struct fp_pre *p)
{
	struct fp_lits *l = cs_xmalloc(sizeof(*l));
	struct rule_lits *rl = cs_xcalloc(db->nrules + 1, sizeof(*rl));
	bool ok = true;

	for (size_t i = 0; i < db->nrules; i++) {
		const struct fp_rule *r = &db->rules[i];

		p->always[i] = 1;
		if (r->re == NULL || r->pattern == NULL) /* lookup-only */
			continue;
		if (!cs_fp_literals(r->pattern, r->pflags, l))
			continue;
		p->always[i] = 0;
		rl[i].lit = cs_xcalloc(l->n, sizeof(*rl[i].lit));
		rl[i].len = cs_xcalloc(l->n, sizeof(*rl[i].len));
		for (size_t k = 0; k < l->n; k++) {
			rl[i].lit[k] = cs_xstrndup(l->buf + l->off[k], l->len[k]);
			rl[i].len[k] = l->len[k];
		}
		rl[i].n = l->n;
	}
	p->nkeys = db->nkidx;
	p->rules = cs_xcalloc(p->nkeys + 1, sizeof(*p->rules));
	p->key_failed = cs_xcalloc(p->nkeys + 1, sizeof(*p->key_failed));
	p->key_shared = cs_xcalloc(p->nkeys + 1, sizeof(*p->key_shared));
	p->key_always = cs_xcalloc(p->nkeys + 1, sizeof(*p->key_always));
	p->nkey_always = cs_xcalloc(p->nkeys + 1, sizeof(*p->nkey_always));
	for (size_t k = 0; k < p->nkeys; k++) {
		const struct fp_keyidx *ki = &db->kidx[k];

		p->key_always[k] = cs_xcalloc(ki->n + 1, sizeof(size_t));
		for (size_t j = 0; j < ki->n; j++)
			if (p->always[ki->rule[j]])
				p->key_always[k][p->nkey_always[k]++] =
				    ki->rule[j];
	}
	for (size_t k = 0; k < p->nkeys && ok; k++) {
		const struct fp_keyidx *ki = &db->kidx[k];
		size_t e;

		for (e = 0; e < k; e++)
			if (same_rules(&db->kidx[e], ki, p->always))
				break;
		if (e < k) {
			p->rules[k] = p->rules[e];
			p->key_failed[k] = p->key_failed[e];
			p->key_shared[k] = true;
		} else if (build_lits(ki->rule, ki->n, rl, p->always,
				      &p->rules[k]) != 0) {
			p->key_failed[k] = true; /* PCRE2 for all its rules */
		} else if (p->rules[k] != NULL &&
			   hs_alloc_scratch(p->rules[k], &p->proto) !=
			       HS_SUCCESS) {
			ok = false;
		}
	}
	for (size_t i = 0; i < db->nrules; i++) {
		for (size_t k = 0; k < rl[i].n; k++)
			free(rl[i].lit[k]);
		free(rl[i].lit);
		free(rl[i].len);
	}
	free(rl);
	free(l);
	return ok;
}

static hs_database_t *
build_brands(const struct cs_fpdb *db)
{
	size_t cap = 0, n = 0;
	const char **expr = NULL;
	size_t *lens = NULL;
	unsigned *flags = NULL, *ids = NULL;
	hs_database_t *d = NULL;

	for (size_t b = 0; b < db->nbrands; b++)
		cap += db->brands[b].nalias;
	if (cap == 0)
		return NULL;
	expr = cs_xcalloc(cap, sizeof(*expr));
	lens = cs_xcalloc(cap, sizeof(*lens));
	flags = cs_xcalloc(cap, sizeof(*flags));
	ids = cs_xcalloc(cap, sizeof(*ids));
	for (size_t b = 0; b < db->nbrands; b++) {
		const struct fp_brand *br = &db->brands[b];

		for (size_t j = 0; j < br->nalias; j++) {
			const struct fp_alias *a = &br->alias[j];

			/* word_hit never matches these */
			if (a->len == 0 || (!a->exact_case && a->len > 256))
				continue;
			expr[n] = a->text;
			lens[n] = a->len;
			flags[n] = HS_FLAG_SINGLEMATCH |
				   (a->exact_case ? 0u : HS_FLAG_CASELESS);
			ids[n] = (unsigned)b;
			n++;
		}
	}
	if (n > 0 &&
	    cs_hs_compile_lits(expr, flags, ids, lens, (unsigned)n, &d) != 0)
		d = NULL;
	free(expr);
	free(lens);
	free(flags);
	free(ids);
	return d;
}

void
cs_fp_pre_free(struct cs_fpdb *db)
{
	struct fp_pre *p = db->pre;

	if (p == NULL)
		return;
	for (size_t k = 0; p->rules != NULL && k < p->nkeys; k++)
		if (!p->key_shared[k])
			hs_free_database(p->rules[k]);
	for (size_t k = 0; p->key_always != NULL && k < p->nkeys; k++)
		free(p->key_always[k]);
	free(p->key_always);
	free(p->nkey_always);
	free(p->rules);
	free(p->key_failed);
	free(p->key_shared);
	hs_free_database(p->brands);
	hs_free_scratch(p->proto);
	free(p->always);
	free(p);
	db->pre = NULL;
}

int
cs_fpdb_prefilter(struct cs_fpdb *db)
{
	struct fp_pre *p;

	if (db == NULL)
		return CS_EINVAL;
	cs_fp_pre_free(db);
	if (hs_valid_platform() != HS_SUCCESS)
		return CS_ENOTFOUND;
	p = cs_xcalloc(1, sizeof(*p));
	p->always = cs_xcalloc(db->nrules + 1, 1);
	p->brands = build_brands(db);
	if (!build_rules(db, p) ||
	    (p->brands != NULL &&
	     hs_alloc_scratch(p->brands, &p->proto) != HS_SUCCESS)) {
		db->pre = p;
		cs_fp_pre_free(db);
		return CS_ENOMEM;
	}
	db->pre = p;
	return 0;
}

bool
cs_fpdb_prefilter_on(const struct cs_fpdb *db)
{
	return db != NULL && db->pre != NULL;
}

void *
cs_fp_pre_scratch(const struct cs_fpdb *db)
{
	hs_scratch_t *s = NULL;

	if (db->pre == NULL || db->pre->proto == NULL)
		return NULL;
	if (hs_clone_scratch(db->pre->proto, &s) != HS_SUCCESS)
		return NULL;
	return s;
}

void
cs_fp_pre_scratch_free(void *scratch)
{
	hs_free_scratch(scratch);
}

struct mark {
	uint32_t *stamp;
	uint32_t now;
	size_t hits;
	size_t *list; /* NULL: stamps only */
	size_t max;
};

static int
on_match(unsigned id, unsigned long long from, unsigned long long to,
	 unsigned flags, void *ctx)
{
	struct mark *m = ctx;

	(void)from;
	(void)to;
	(void)flags;
	m->stamp[id] = m->now;
	if (m->list != NULL && m->hits < m->max)
		m->list[m->hits] = id;
	m->hits++;
	return 0;
}

static bool
scan(hs_database_t *d, void *scratch, const uint8_t *p, size_t n,
     uint32_t *stamp, uint32_t now, size_t *list, size_t max, size_t *hits)
{
	struct mark m = {stamp, now, 0, list, max};

	if (hs_scan(d, (const char *)p, (unsigned)n, 0, scratch, on_match,
		    &m) != HS_SUCCESS)
		return false;
	*hits = m.hits;
	return true;
}

bool
cs_fp_pre_rules(const struct cs_fpdb *db, void *scratch,
		const struct fp_keyidx *ki, const uint8_t *p, size_t n,
		uint32_t *stamp, uint32_t now, size_t *hits, size_t max,
		size_t *nhits)
{
	size_t k;

	*nhits = 0;
	if (db->pre == NULL || scratch == NULL || ki < db->kidx ||
	    (k = (size_t)(ki - db->kidx)) >= db->pre->nkeys ||
	    db->pre->key_failed[k])
		return false;
	if (db->pre->rules[k] == NULL) {
		/* nothing compiled: every rule of the key is marked always */
		return true;
	}
	return scan(db->pre->rules[k], scratch, p, n, stamp, now, hits, max,
		    nhits);
}

const size_t *
cs_fp_pre_key_always(const struct cs_fpdb *db, const struct fp_keyidx *ki,
		     size_t *n)
{
	size_t k = (size_t)(ki - db->kidx);

	*n = db->pre->nkey_always[k];
	return db->pre->key_always[k];
}

bool
cs_fp_pre_always(const struct cs_fpdb *db, size_t rule)
{
	return db->pre->always[rule] != 0;
}

const uint8_t *
cs_fp_pre_always_map(const struct cs_fpdb *db)
{
	return db->pre != NULL ? db->pre->always : NULL;
}

int
cs_fp_pre_brands(const struct cs_fpdb *db, void *scratch, const uint8_t *p,
		 size_t n, uint32_t *stamp, uint32_t now, size_t *hits,
		 size_t max, size_t *nhits)
{
	*nhits = 0;
	if (db->pre == NULL || scratch == NULL || db->pre->brands == NULL)
		return -1;
	if (!scan(db->pre->brands, scratch, p, n, stamp, now, hits, max,
		  nhits))
		return -1;
	return *nhits > 0;
}

#else /* !CS_HAVE_HYPERSCAN */

void
cs_fp_pre_free(struct cs_fpdb *db)
{
	(void)db;
}

int
cs_fpdb_prefilter(struct cs_fpdb *db)
{
	return db == NULL ? CS_EINVAL : CS_ENOTFOUND;
}

bool
cs_fpdb_prefilter_on(const struct cs_fpdb *db)
{
	(void)db;
	return false;
}

void *
cs_fp_pre_scratch(const struct cs_fpdb *db)
{
	(void)db;
	return NULL;
}

void
cs_fp_pre_scratch_free(void *scratch)
{
	(void)scratch;
}

bool
cs_fp_pre_rules(const struct cs_fpdb *db, void *scratch,
		const struct fp_keyidx *ki, const uint8_t *p, size_t n,
		uint32_t *stamp, uint32_t now, size_t *hits, size_t max,
		size_t *nhits)
{
	(void)db, (void)scratch, (void)ki, (void)p, (void)n, (void)stamp;
	(void)now, (void)hits, (void)max;
	*nhits = 0;
	return false;
}

const size_t *
cs_fp_pre_key_always(const struct cs_fpdb *db, const struct fp_keyidx *ki,
		     size_t *n)
{
	(void)db, (void)ki;
	*n = 0;
	return NULL;
}

bool
cs_fp_pre_always(const struct cs_fpdb *db, size_t rule)
{
	(void)db, (void)rule;
	return true;
}

const uint8_t *
cs_fp_pre_always_map(const struct cs_fpdb *db)
{
	(void)db;
	return NULL;
}

int
cs_fp_pre_brands(const struct cs_fpdb *db, void *scratch, const uint8_t *p,
		 size_t n, uint32_t *stamp, uint32_t now, size_t *hits,
		 size_t max, size_t *nhits)
{
	(void)db, (void)scratch, (void)p, (void)n, (void)stamp, (void)now;
	(void)hits, (void)max;
	*nhits = 0;
	return -1;
}

#endif
