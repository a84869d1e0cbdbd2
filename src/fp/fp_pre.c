/* SPDX-License-Identifier: ISC */
/*
 * The multi-pattern prefilter of identification (issue #17): one
 * Hyperscan database of every rule's pattern, compiled in prefilter mode
 * (its matches are a superset of PCRE2's), and one of every brand alias
 * as a literal.  One scan of an observation's value names the rules and
 * brands that can match it; PCRE2 then runs only those (it still makes
 * every capture and every decision), and word_hit checks only the named
 * brands.  A pattern Hyperscan cannot take even as a prefilter is run by
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
	hs_database_t *rules;  /* id = rule index; NULL when none compiled */
	hs_database_t *brands; /* id = brand index; NULL when no aliases */
	hs_scratch_t *proto;   /* cloned per context */
	uint8_t *always;       /* per rule: run without asking Hyperscan */
};

/*
 * The rules' required literals (fp_lit.c) as one literal database, ASCII
 * case ignored (a superset of what the pattern's case allows); a rule
 * without literals is marked always.
 */
static hs_database_t *
build_rules(const struct cs_fpdb *db, uint8_t *always)
{
	struct fp_lits *l = cs_xmalloc(sizeof(*l));
	size_t cap = 64, n = 0;
	char **expr = cs_xcalloc(cap, sizeof(*expr));
	size_t *lens = cs_xcalloc(cap, sizeof(*lens));
	unsigned *flags = cs_xcalloc(cap, sizeof(*flags));
	unsigned *ids = cs_xcalloc(cap, sizeof(*ids));
	hs_database_t *d = NULL;
	hs_compile_error_t *ce = NULL;

	for (size_t i = 0; i < db->nrules; i++) {
		const struct fp_rule *r = &db->rules[i];

		always[i] = 1;
		if (r->re == NULL || r->pattern == NULL) /* lookup-only */
			continue;
		if (!cs_fp_literals(r->pattern, r->pflags, l))
			continue;
		always[i] = 0;
		for (size_t k = 0; k < l->n; k++) {
			if (n == cap) {
				cap *= 2;
				expr = cs_xrealloc(expr, cap, sizeof(*expr));
				lens = cs_xrealloc(lens, cap, sizeof(*lens));
				flags = cs_xrealloc(flags, cap, sizeof(*flags));
				ids = cs_xrealloc(ids, cap, sizeof(*ids));
			}
			expr[n] = cs_xstrndup(l->buf + l->off[k], l->len[k]);
			lens[n] = l->len[k];
			flags[n] = HS_FLAG_CASELESS | HS_FLAG_SINGLEMATCH;
			ids[n] = (unsigned)i;
			n++;
		}
	}
	if (n > 0 && hs_compile_lit_multi((const char *const *)expr, flags, ids,
					  lens, (unsigned)n, HS_MODE_BLOCK,
					  NULL, &d, &ce) != HS_SUCCESS) {
		/* PCRE2 for all */
		hs_free_compile_error(ce);
		memset(always, 1, db->nrules);
		d = NULL;
	}
	for (size_t k = 0; k < n; k++)
		free(expr[k]);
	free(expr);
	free(lens);
	free(flags);
	free(ids);
	free(l);
	return d;
}

static hs_database_t *
build_brands(const struct cs_fpdb *db)
{
	size_t cap = 0, n = 0;
	const char **expr = NULL;
	size_t *lens = NULL;
	unsigned *flags = NULL, *ids = NULL;
	hs_database_t *d = NULL;
	hs_compile_error_t *ce = NULL;

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
	    hs_compile_lit_multi(expr, flags, ids, lens, (unsigned)n,
				 HS_MODE_BLOCK, NULL, &d, &ce) != HS_SUCCESS) {
		hs_free_compile_error(ce);
		d = NULL;
	}
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
	hs_free_database(p->rules);
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
	p->rules = build_rules(db, p->always);
	p->brands = build_brands(db);
	if ((p->rules != NULL &&
	     hs_alloc_scratch(p->rules, &p->proto) != HS_SUCCESS) ||
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
	m->hits++;
	return 0;
}

static bool
scan(hs_database_t *d, void *scratch, const uint8_t *p, size_t n,
     uint32_t *stamp, uint32_t now, size_t *hits)
{
	struct mark m = {stamp, now, 0};

	if (hs_scan(d, (const char *)p, (unsigned)n, 0, scratch, on_match,
		    &m) != HS_SUCCESS)
		return false;
	*hits = m.hits;
	return true;
}

bool
cs_fp_pre_rules(const struct cs_fpdb *db, void *scratch, const uint8_t *p,
		size_t n, uint32_t *stamp, uint32_t now)
{
	size_t hits;

	if (db->pre == NULL || scratch == NULL)
		return false;
	if (db->pre->rules == NULL) {
		/* nothing compiled: every rule is marked always */
		return true;
	}
	return scan(db->pre->rules, scratch, p, n, stamp, now, &hits);
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
		 size_t n, uint32_t *stamp, uint32_t now)
{
	size_t hits = 0;

	if (db->pre == NULL || scratch == NULL || db->pre->brands == NULL)
		return -1;
	if (!scan(db->pre->brands, scratch, p, n, stamp, now, &hits))
		return -1;
	return hits > 0;
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
cs_fp_pre_rules(const struct cs_fpdb *db, void *scratch, const uint8_t *p,
		size_t n, uint32_t *stamp, uint32_t now)
{
	(void)db, (void)scratch, (void)p, (void)n, (void)stamp, (void)now;
	return false;
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
		 size_t n, uint32_t *stamp, uint32_t now)
{
	(void)db, (void)scratch, (void)p, (void)n, (void)stamp, (void)now;
	return -1;
}

#endif
