/* SPDX-License-Identifier: ISC */
/*
 * Matching and combination: applies the compiled rules to a device's
 * observations, maps brands to their true makers through the entity
 * tables, combines the assertions per field (noisy-OR per value) and
 * chooses the identity.  Also runs the rules' examples.  See
 * docs/fingerprints.md for the method.
 */
#include "fp/fp.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"
#include "core/buf.h"
#include "core/str.h"
#include "fp/fp_int.h"
#include "core/poison.h"

#define FP_MAX_CONTRIB 1024 /* assertions kept per identification */
#define FP_MIN_MAKER 0.4    /* support needed to name a manufacturer */
#define FP_MIN_BRAND 0.3    /* ... a brand */
#define FP_MIN_DETAIL 0.3   /* ... a model or firmware */
#define FP_MIN_CLASS 0.25   /* ... a device class */

/* The working memory of identification (fp.h). */
struct cs_fpctx {
	const struct cs_fpdb *db;
	struct contrib *cv;   /* FP_MAX_CONTRIB */
	struct field_sum *fs; /* FP_F_COUNT */
	int *cand;            /* FP_MAX_CONTRIB: summarise's scratch */
	uint16_t *of;         /* FP_MAX_CONTRIB: the assertions by field */
	struct contrib **pv;  /* 2 * FP_MAX_CONTRIB: fill_evidence's */
	pcre2_match_data *md;
	pcre2_match_context *mc;
	void *scratch;         /* Hyperscan's, or NULL: PCRE2 only */
	uint32_t *rstamp;      /* per rule: the prefilter named it (fp_pre.c) */
	uint32_t *bstamp;      /* per brand */
	const uint8_t *always; /* per rule: not named by the prefilter */
	uint32_t rnow, bnow;
	/* The identity written last and how many evidence items it got:
	 * clearing only those (not all CS_FP_MAX_EVIDENCE, 13 KB) leaves the
	 * same all-zero tail when the caller passes the same one again. */
	const struct cs_identity *last;
	size_t last_nev;
	/* the rules the prefilter named for the current observation, in the
	 * order it named them (nhits may exceed the array: then use rstamp) */
	size_t hits[64];
	size_t nhits;
	struct om *om; /* memo of observations (cs_fpctx_memo), or NULL */
	struct cs_evref *refs; /* cs_fp_identify_refs' items, or NULL */
	size_t ncv;            /* assertions cs_fp_collect gathered in cv */
	bool collected; /* ... and cs_fp_identify_collected not yet run */
};

/* Zeroes *out, as memset would, knowing what ctx wrote into it last. */
static void
identity_clear(struct cs_fpctx *ctx, struct cs_identity *out)
{
	if (out != ctx->last || ctx->last_nev > CS_FP_MAX_EVIDENCE) {
		memset(out, 0, sizeof(*out));
		return;
	}
	memset(out, 0, offsetof(struct cs_identity, ev));
	memset(out->ev, 0, ctx->last_nev * sizeof(out->ev[0]));
	out->nev = out->nev_dropped = 0;
}

pcre2_match_context *
cs_fp_mcontext_new(void)
{
	pcre2_match_context *mc = pcre2_match_context_create(NULL);

	if (mc == NULL)
		return NULL;
	pcre2_set_match_limit(mc, FP_MATCH_LIMIT);
	pcre2_set_depth_limit(mc, FP_DEPTH_LIMIT);
	pcre2_set_heap_limit(mc, FP_HEAP_LIMIT);
	return mc;
}

static inline uint8_t
lower_ascii(uint8_t c)
{
	return (c >= 'A' && c <= 'Z') ? (uint8_t)(c + 32) : c;
}

#define FP_LOOKUP_SPAN 4096 /* bytes of a value searched for brand names */

static bool
isalnum_ascii(uint8_t c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
	       (c >= 'A' && c <= 'Z');
}

/* As cs_span_ieq on two strings, in one pass. */
static bool
str_ieq(const char *a, const char *b)
{
	for (;; a++, b++) {
		uint8_t x = (uint8_t)*a, y = (uint8_t)*b;

		if (x != y && lower_ascii(x) != lower_ascii(y))
			return false;
		if (x == 0)
			return true;
	}
}

/* Index of the maker named s (name or alias, case ignored), or -1. */
static int
maker_index(const struct cs_fpdb *db, const char *s)
{
	int k = cs_fp_name_find(db->maker_names, s);

	if (k != -2)
		return k;
	for (size_t i = 0; i < db->nmakers; i++) {
		const struct fp_maker *m = &db->makers[i];

		if (str_ieq(s, m->name))
			return (int)i;
		for (size_t j = 0; j < m->nalias; j++)
			if (str_ieq(s, m->alias[j].text))
				return (int)i;
	}
	return -1;
}

/* Index of the brand named s (name or alias, case ignored), or -1. */
static int
brand_index(const struct cs_fpdb *db, const char *s)
{
	int k = cs_fp_name_find(db->brand_names, s);

	if (k != -2)
		return k;
	for (size_t i = 0; i < db->nbrands; i++) {
		const struct fp_brand *b = &db->brands[i];

		if (str_ieq(s, b->name))
			return (int)i;
		for (size_t j = 0; j < b->nalias; j++)
			if (str_ieq(s, b->alias[j].text))
				return (int)i;
	}
	return -1;
}

int
cs_fpdb_lookup_brand(const struct cs_fpdb *db, const char *s, char *brand,
		     size_t brandsz, char *maker, size_t makersz,
		     char country[4])
{
	int b = brand_index(db, s), m;

	if (b >= 0) {
		m = (int)db->brands[b].maker;
		if (brand)
			cs_strlcpy(brand, db->brands[b].name, brandsz);
	} else {
		if ((m = maker_index(db, s)) < 0)
			return CS_ENOTFOUND;
		if (brand && brandsz)
			brand[0] = 0;
	}
	if (maker)
		cs_strlcpy(maker, db->makers[m].name, makersz);
	if (country)
		cs_strlcpy(country, db->makers[m].country, 4);
	return 0;
}

/* True when alias a occurs in hay as a whole word (ASCII alnum bounds). */
static bool
word_hit(struct cs_span hay, struct cs_span lhay, const struct fp_alias *a)
{
	uint8_t lalias[256];
	const uint8_t *needle = (const uint8_t *)a->text;
	struct cs_span h = a->exact_case ? hay : lhay;
	size_t off = 0;

	if (a->len == 0 || a->len > h.n)
		return false;
	if (!a->exact_case) {
		if (a->len > sizeof(lalias))
			return false;
		for (size_t i = 0; i < a->len; i++)
			lalias[i] = lower_ascii((uint8_t)a->text[i]);
		needle = lalias;
	}
	while (off + a->len <= h.n) {
		const uint8_t *at =
		    cs_memmem(h.p + off, h.n - off, needle, a->len);
		size_t s, e;

		if (at == NULL)
			return false;
		s = (size_t)(at - h.p);
		e = s + a->len;
		if ((s == 0 || !isalnum_ascii(h.p[s - 1])) &&
		    (e >= h.n || !isalnum_ascii(h.p[e])))
			return true;
		off = s + 1;
	}
	return false;
}

static size_t
add_assign(struct fp_assign *out, size_t k, size_t max, enum fp_field f,
	   const char *v, double w, bool table)
{
	if (k >= max)
		return k;
	out[k].field = f;
	cs_strlcpy(out[k].value, v, sizeof(out[k].value));
	out[k].weight = w;
	out[k].from_table = table;
	out[k].brand = -1;
	return k + 1;
}

/*
 * Sorts the prefilter's hits (a few rule or brand indices) in ascending
 * order, each once (literals of one rule or aliases of one brand share
 * its index); returns how many remain.
 */
static size_t
sort_hits(size_t *v, size_t n)
{
	size_t m = 0;

	for (size_t i = 1; i < n; i++) {
		size_t x = v[i], j = i;

		for (; j > 0 && v[j - 1] > x; j--)
			v[j] = v[j - 1];
		v[j] = x;
	}
	for (size_t i = 0; i < n; i++)
		if (m == 0 || v[m - 1] != v[i])
			v[m++] = v[i];
	return m;
}

/* Searches hay for known brand names; one brand -> up to 3 assignments. */
static size_t
lookup_brands(const struct cs_fpdb *db, const struct fp_rule *r,
	      struct cs_span hay, struct fp_assign *out, size_t max,
	      struct cs_fpctx *ctx)
{
	size_t k = 0, hits = 0;
	uint8_t low[FP_LOOKUP_SPAN];
	struct cs_span lhay;
	const uint32_t *stamp = NULL;
	uint32_t now = 0;
	/* named is read only when by_list (after it is filled); zeroed so
	 * that a reader (and cppcheck) need not follow that */
	size_t named[64] = {0}, nnamed = 0, end = db->nbrands;
	bool by_list = false;

	/* Brands are looked for in the first FP_LOOKUP_SPAN bytes, lowered
	 * once here rather than once per alias. */
	if (hay.n > sizeof(low))
		hay.n = sizeof(low);
	if (ctx != NULL && ctx->scratch != NULL) {
		/* The prefilter names the brands with an alias somewhere in
		 * hay; word_hit still decides, on those alone. */
		int pre;

		now = ++ctx->bnow;
		pre = cs_fp_pre_brands(db, ctx->scratch, hay.p, hay.n,
				       ctx->bstamp, now, named, CS_NELEM(named),
				       &nnamed);
		if (pre == 0)
			return 0;
		if (pre > 0)
			stamp = ctx->bstamp;
		if (pre > 0 && nnamed <= CS_NELEM(named)) {
			/* only the brands named, in table order */
			end = sort_hits(named, nnamed);
			by_list = true;
		}
	}
	for (size_t i = 0; i < hay.n; i++)
		low[i] = lower_ascii(hay.p[i]);
	lhay = cs_span_make(low, hay.n);

	for (size_t x = 0; x < end && hits < FP_MAX_LOOKUP_HITS; x++) {
		size_t i = by_list ? named[x] : x;
		const struct fp_brand *b = &db->brands[i];
		const struct fp_maker *m = &db->makers[b->maker];
		bool hit = false;

		if (stamp != NULL && stamp[i] != now)
			continue;

		for (size_t j = 0; j < b->nalias && !hit; j++)
			hit = word_hit(hay, lhay, &b->alias[j]);
		if (!hit)
			continue;
		for (size_t j = 0; j < b->nexcl && hit; j++)
			if (cs_span_find(hay, b->excl[j].text, b->excl[j].len,
					 !b->excl[j].exact_case) >= 0)
				hit = false;
		if (!hit)
			continue;
		hits++;
		k = add_assign(out, k, max, FP_F_BRAND, b->name, r->weight,
			       false);
		/* A brand names a maker, never a kind of device: no class
		 * claim (docs/fingerprints.md §5). */
		k = add_assign(out, k, max, FP_F_MANUFACTURER, m->name,
			       r->weight * b->conf, true);
		if (k > 0 && out[k - 1].field == FP_F_MANUFACTURER)
			out[k - 1].brand = (int)i;
	}
	return k;
}

size_t
cs_fpdb_find_brands(const struct cs_fpdb *db, const char *text,
		    char (*brands)[64], size_t max)
{
	struct cs_span hay;
	size_t hits = 0, len = 0;

	if (db == NULL || text == NULL)
		return 0;
	while (len < FP_MAX_SUBJECT && text[len] != 0)
		len++;
	hay = cs_span_make(text, len);
	if (hay.n > FP_LOOKUP_SPAN)
		hay.n = FP_LOOKUP_SPAN;
	uint8_t low[FP_LOOKUP_SPAN];
	for (size_t i = 0; i < hay.n; i++)
		low[i] = lower_ascii(hay.p[i]);
	struct cs_span lhay = cs_span_make(low, hay.n);
	for (size_t i = 0; i < db->nbrands && hits < max; i++) {
		const struct fp_brand *b = &db->brands[i];
		bool hit = false;

		for (size_t j = 0; j < b->nalias && !hit; j++)
			hit = word_hit(hay, lhay, &b->alias[j]);
		for (size_t j = 0; j < b->nexcl && hit; j++)
			if (cs_span_find(hay, b->excl[j].text, b->excl[j].len,
					 !b->excl[j].exact_case) >= 0)
				hit = false;
		if (hit && brands != NULL)
			cs_strlcpy(brands[hits], b->name, sizeof(brands[0]));
		hits += hit;
	}
	return hits;
}

/*
 * Expands tmpl with the captures of the last match into dst (dsz > 0):
 * NUL bytes become '?', the result is truncated to fit and trimmed.
 */
static void
subst(const char *tmpl, const uint8_t *p, const PCRE2_SIZE *ov, uint32_t npairs,
      char *dst, size_t dsz)
{
	size_t j = 0;
	struct cs_span t;

	for (size_t i = 0; tmpl[i] != 0 && j + 1 < dsz; i++) {
		if (tmpl[i] != '$') {
			dst[j++] = tmpl[i];
			continue;
		}
		if (tmpl[i + 1] == '$') {
			dst[j++] = '$';
			i++;
			continue;
		}
		if (tmpl[i + 1] < '1' || tmpl[i + 1] > '9') {
			dst[j++] = '$'; /* unreachable: checked at load */
			continue;
		}
		uint32_t g = (uint32_t)(tmpl[i + 1] - '0');

		i++;
		if (ov == NULL || g >= npairs || ov[2 * g] == PCRE2_UNSET ||
		    ov[2 * g + 1] < ov[2 * g])
			continue;
		for (PCRE2_SIZE b = ov[2 * g], e = ov[2 * g + 1];
		     b < e && j + 1 < dsz; b++) {
			int hi, lo;

			/* Scope URIs percent-encode (ONVIF
			 * "hardware/M3106-L%20Mk%20II"): a captured value is
			 * decoded once, printable bytes only. */
			if (p[b] == '%' && b + 2 < e &&
			    (hi = cs_hexval(p[b + 1])) >= 0 &&
			    (lo = cs_hexval(p[b + 2])) >= 0 &&
			    hi * 16 + lo >= 0x20 && hi * 16 + lo < 0x7F) {
				dst[j++] = (char)(hi * 16 + lo);
				b += 2;
				continue;
			}
			dst[j++] = p[b] ? (char)p[b] : '?';
		}
	}
	dst[j] = 0;
	t = cs_span_trim(cs_span_make(dst, j));
	if (t.n && t.p != (const uint8_t *)dst)
		memmove(dst, t.p, t.n);
	dst[t.n] = 0;
}

/*
 * Canonicalises an assigned value; returns false to drop it.  *via is set
 * to the brand a manufacturer value named (mapped to its maker), else -1.
 */
static bool
normalise(const struct cs_fpdb *db, enum fp_field f, char *v, size_t vsz,
	  int *via)
{
	int i;

	*via = -1;
	if (v[0] == 0)
		return false;
	switch (f) {
	case FP_F_MANUFACTURER:
		if ((i = maker_index(db, v)) >= 0) {
			cs_strlcpy(v, db->makers[i].name, vsz);
		} else if ((i = brand_index(db, v)) >= 0) {
			cs_strlcpy(v, db->makers[db->brands[i].maker].name,
				   vsz);
			*via = i;
		}
		return true;
	case FP_F_BRAND:
		if ((i = brand_index(db, v)) >= 0)
			cs_strlcpy(v, db->brands[i].name, vsz);
		return true;
	case FP_F_CLASS: {
		enum cs_class c;

		if (cs_class_parse(v, &c) != 0 || c == CS_CLASS_UNKNOWN)
			return false;
		cs_strlcpy(v, cs_class_name(c), vsz);
		return true;
	}
	case FP_F_SURVEILLANCE:
		if (str_ieq(v, "yes"))
			cs_strlcpy(v, "yes", vsz);
		else if (str_ieq(v, "no"))
			cs_strlcpy(v, "no", vsz);
		else
			return false;
		return true;
	default:
		return true;
	}
}

static size_t rule_apply(const struct cs_fpdb *db, const struct fp_rule *r,
			 const uint8_t *p, size_t n, pcre2_match_data *md,
			 pcre2_match_context *mc, struct fp_assign *out,
			 size_t max, bool *matched, bool *limit,
			 struct cs_fpctx *ctx);

size_t
cs_fp_rule_apply(const struct cs_fpdb *db, const struct fp_rule *r,
		 const uint8_t *p, size_t n, pcre2_match_data *md,
		 pcre2_match_context *mc, struct fp_assign *out, size_t max,
		 bool *matched, bool *limit)
{
	return rule_apply(db, r, p, n, md, mc, out, max, matched, limit, NULL);
}

static size_t
rule_apply(const struct cs_fpdb *db, const struct fp_rule *r, const uint8_t *p,
	   size_t n, pcre2_match_data *md, pcre2_match_context *mc,
	   struct fp_assign *out, size_t max, bool *matched, bool *limit,
	   struct cs_fpctx *ctx)
{
	static const uint8_t empty[1] = {0};
	const PCRE2_SIZE *ov = NULL;
	uint32_t npairs = 0;
	struct cs_span hay;
	size_t k = 0;

	*matched = false;
	*limit = false;
	if (p == NULL) {
		p = empty;
		n = 0;
	}
	if (n > FP_MAX_SUBJECT)
		n = FP_MAX_SUBJECT;
	hay = cs_span_make(p, n);
	if (r->re != NULL) {
		/* the JIT entry point skips pcre2_match's checks of the
		 * arguments (no options, no UTF here): the same result */
		int rc = r->jit ? pcre2_jit_match(r->re, p, n, 0, 0, md, mc)
				: pcre2_match(r->re, p, n, 0, 0, md, mc);

		if (rc < 0) {
			if (rc != PCRE2_ERROR_NOMATCH)
				*limit = true;
			return 0;
		}
		ov = pcre2_get_ovector_pointer(md);
		npairs = rc == 0 ? pcre2_get_ovector_count(md) : (uint32_t)rc;
		if (r->lookup && npairs >= 2 && ov[2] != PCRE2_UNSET &&
		    ov[3] >= ov[2] && ov[3] <= n)
			hay = cs_span_make(p + ov[2], ov[3] - ov[2]);
	}
	if (r->lookup) {
		k = lookup_brands(db, r, hay, out, max, ctx);
		if (k == 0)
			return 0;
	}
	*matched = true;
	for (size_t i = 0; i < r->nsets && k < max; i++) {
		const struct fp_set *s = &r->sets[i];
		char v[FP_MAX_VALUE + 1];
		int via;

		subst(s->tmpl, p, ov, npairs, v, sizeof(v));
		if (!normalise(db, s->field, v, sizeof(v), &via))
			continue;
		k = add_assign(out, k, max, s->field, v,
			       s->weight >= 0 ? s->weight : r->weight, false);
		if (k > 0)
			out[k - 1].brand = via;
	}
	return k;
}

/* ---------------------------------------------------------------------- */
/* Identification. */

struct contrib {
	enum fp_field field;
	char value[FP_MAX_VALUE + 1];
	size_t vlen; /* strlen(value), set where value is */
	double w;
	const struct fp_rule *rule; /* NULL for engine defaults */
	const char *dflt;           /* engine default's rule name */
	bool table;
	enum fp_tier tier; /* of a class claim */
	int brand;         /* manufacturer named through this brand, or -1 */
	const struct cs_obs *obs;
};

/*
 * The memo of observations (cs_fpctx_memo): what the rules asserted of an
 * observation is a function of its key, port and value alone, and an
 * estate repeats those, so it is kept and copied the next time.  Bounded
 * (OM_ENTRIES observations, OM_CONTRIBS assertions, OM_BYTES value
 * bytes); emptied when full.  An observation is kept the second time it
 * is seen (its hash is found in seen[], a table of the hashes of
 * observations seen once): a unit's own values (a MAC address, a serial
 * number, a message with a Date header) never repeat, and copying each,
 * to be freed unread when the memo is emptied, cost more than matching.
 */
#define OM_ENTRIES 4096
#define OM_CONTRIBS 32768
#define OM_BYTES (4u * 1024u * 1024u)
#define OM_SEEN 16384 /* hashes of observations seen once (a power of 2) */
#define OM_NONE UINT32_MAX
#define COLLECT_AHEAD 32 /* observations whose memo lookups are prefetched */

struct om_ent {
	uint64_t h;
	uint32_t next;   /* in the hash chain */
	uint32_t c0, nc; /* its assertions: om->cv[c0 .. c0 + nc) */
	uint16_t port;
	char key[CS_OBS_MAX_KEY];
	uint8_t *val;
	size_t len;
};

struct om {
	struct om_ent *e; /* OM_ENTRIES */
	size_t n;
	uint64_t lookups, hits;
	uint32_t seen[OM_SEEN]; /* a hash's high half (low bit set), or 0 */
	struct contrib *cv;     /* OM_CONTRIBS */
	size_t ncv;
	size_t bytes;
	uint32_t head[2 * OM_ENTRIES];
};

static void
om_clear(struct om *m)
{
	for (size_t i = 0; i < m->n; i++)
		free(m->e[i].val);
	m->n = m->ncv = m->bytes = 0;
	memset(m->head, 0xff, sizeof(m->head));
}

static uint64_t
om_hash(const struct cs_obs *o)
{
	uint64_t h =
	    cs_hash64(0x13198A2E03707344ull ^ o->port, o->key, strlen(o->key));

	return cs_hash64(h, o->val, o->val != NULL ? o->len : 0);
}

static const struct om_ent *
om_find(const struct om *m, const struct cs_obs *o, uint64_t h)
{
	size_t len = o->val != NULL ? o->len : 0;

	for (uint32_t i = m->head[h & (CS_NELEM(m->head) - 1)]; i != OM_NONE;
	     i = m->e[i].next) {
		const struct om_ent *e = &m->e[i];

		if (e->h == h && e->port == o->port && e->len == len &&
		    strcmp(e->key, o->key) == 0 &&
		    (len == 0 || memcmp(e->val, o->val, len) == 0))
			return e;
	}
	return NULL;
}

/*
 * Asks for what om_find and om_admit will read of hash h: its bucket and
 * seen slot, or (entry) the first entry its bucket names.  A hint: no
 * result depends on it.
 */
static inline void
om_prefetch(const struct om *m, uint64_t h, bool entry)
{
#if defined(__GNUC__)
	const uint32_t *b = &m->head[h & (CS_NELEM(m->head) - 1)];

	if (!entry) {
		__builtin_prefetch(b);
		__builtin_prefetch(&m->seen[h & (OM_SEEN - 1)]);
	} else if (*b != OM_NONE) {
		__builtin_prefetch(&m->e[*b]);
	}
#else
	(void)m;
	(void)h;
	(void)entry;
#endif
}

/* True if h was seen lately (then keep it), else records it. */
static bool
om_admit(struct om *m, uint64_t h)
{
	uint32_t *s = &m->seen[h & (OM_SEEN - 1)], v = (uint32_t)(h >> 32) | 1;

	if (*s == v)
		return true;
	*s = v;
	return false;
}

static void
om_put(struct om *m, const struct cs_obs *o, uint64_t h,
       const struct contrib *cv, size_t n)
{
	size_t len = o->val != NULL ? o->len : 0;
	struct om_ent *e;
	uint32_t *b;

	if (n > OM_CONTRIBS / 16 || len > OM_BYTES / 16 ||
	    strlen(o->key) >= sizeof(e->key))
		return;
	if (m->n == OM_ENTRIES || m->ncv + n > OM_CONTRIBS ||
	    m->bytes + len > OM_BYTES)
		om_clear(m);
	e = &m->e[m->n];
	e->h = h;
	e->port = o->port;
	cs_strlcpy(e->key, o->key, sizeof(e->key));
	e->len = len;
	e->val = cs_xmalloc(len + 1);
	if (len)
		memcpy(e->val, o->val, len);
	e->c0 = (uint32_t)m->ncv;
	e->nc = (uint32_t)n;
	for (size_t i = 0; i < n; i++) {
		m->cv[m->ncv] = cv[i];
		m->cv[m->ncv++].obs = NULL;
	}
	b = &m->head[h & (CS_NELEM(m->head) - 1)];
	e->next = *b;
	*b = (uint32_t)m->n++;
	m->bytes += len;
}

static void
om_free(struct om *m)
{
	if (m == NULL)
		return;
	om_clear(m);
	free(m->e);
	free(m->cv);
	free(m);
}

void
cs_fpctx_memo(struct cs_fpctx *ctx, bool on)
{
	if (!on) {
		om_free(ctx->om);
		ctx->om = NULL;
		return;
	}
	if (ctx->om != NULL)
		return;
	ctx->om = cs_xcalloc(1, sizeof(*ctx->om));
	ctx->om->e = cs_xcalloc(OM_ENTRIES, sizeof(*ctx->om->e));
	ctx->om->cv = cs_xmalloc(OM_CONTRIBS * sizeof(*ctx->om->cv));
	memset(ctx->om->head, 0xff, sizeof(ctx->om->head));
}

void
cs_fpctx_memo_stats(const struct cs_fpctx *ctx, uint64_t *lookups,
		    uint64_t *hits)
{
	*lookups = ctx->om != NULL ? ctx->om->lookups : 0;
	*hits = ctx->om != NULL ? ctx->om->hits : 0;
}

struct cand {
	const char *value; /* points into a contrib */
	double support;
};

/* Support per distinct value of one field. */
struct field_sum {
	struct cand c[64];
	size_t n;
	double total;
};

/*
 * Noisy-OR of the strongest assertion of each rule for one candidate
 * value: the assertions i = at[0 .. n) (those of the field, in order)
 * with cand[i] == c (those of its value, case ignored); with tier !=
 * FP_TIER_DEFAULT only the class claims of that tier count (summarise marked
 * only those), and generic claims count once (the strongest of them).  The
 * rules are taken in the order of their first assertion and multiplied in that
 * order.
 */
static double
support_of(const struct contrib *cv, const int *cand, const uint16_t *at,
	   size_t n, int c, enum fp_tier tier)
{
	struct {
		const struct fp_rule *r;
		bool table;
		double w;
	} seen[64];
	size_t ns = 0;
	double miss = 1.0;

	for (size_t k = 0; k < n; k++) {
		size_t i = at[k], j;

		if (cand[i] != c)
			continue;
		for (j = 0; j < ns; j++)
			if ((seen[j].r == cv[i].rule &&
			     seen[j].table == cv[i].table) ||
			    tier == FP_TIER_GENERIC)
				break;
		if (j < ns) {
			if (cv[i].w > seen[j].w)
				seen[j].w = cv[i].w;
			continue;
		}
		if (ns >= CS_NELEM(seen))
			continue;
		seen[ns].r = cv[i].rule;
		seen[ns].table = cv[i].table;
		seen[ns].w = cv[i].w;
		ns++;
	}
	for (size_t j = 0; j < ns; j++) {
		double w = seen[j].w;

		if (w < 0)
			w = 0;
		if (w > 1)
			w = 1;
		miss *= 1.0 - w;
	}
	return 1.0 - miss;
}

/* As cs_span_ieq on two strings both len bytes long. */
static inline bool
ieq_len(const char *a, const char *b, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (a[i] != b[i] &&
		    lower_ascii((uint8_t)a[i]) != lower_ascii((uint8_t)b[i]))
			return false;
	return true;
}

/*
 * The candidates of one field (first spelling of each value, case
 * ignored, in order of first assertion; at most 64) with their support,
 * from its assertions cv[of[0]], ..., cv[of[n - 1]] in order (by_field).
 * One pass names each assertion's candidate (cand, scratch indexed like
 * cv; -1 for one past the 64th), then each candidate's support reads
 * only its own assertions: linear in the assertions for a handful of
 * candidates.
 */

static void
summarise(const struct contrib *cv, const uint16_t *of, size_t n,
	  enum fp_tier tier, struct field_sum *fs, int *cand)
{
	size_t lens[CS_NELEM(fs->c)];
	uint16_t at[FP_MAX_CONTRIB]; /* the assertions counted, in order */
	size_t nat = 0;

	fs->n = 0; /* (entries past n are never read) */
	fs->total = 0;
	for (size_t k = 0; k < n; k++) {
		size_t i = of[k], j, len;

		if (tier != FP_TIER_DEFAULT && cv[i].tier != tier)
			continue;
		at[nat++] = (uint16_t)i;
		len = cv[i].vlen;
		for (j = 0; j < fs->n; j++)
			if (lens[j] == len &&
			    ieq_len(fs->c[j].value, cv[i].value, len))
				break;
		if (j == fs->n) {
			if (fs->n >= CS_NELEM(fs->c)) {
				cand[i] = -1; /* as before: not counted */
				continue;
			}
			fs->c[fs->n].value = cv[i].value;
			lens[fs->n] = len;
			fs->n++;
		}
		cand[i] = (int)j;
	}
	for (size_t j = 0; j < fs->n; j++) {
		fs->c[j].support = support_of(cv, cand, at, nat, (int)j, tier);
		fs->total += fs->c[j].support;
	}
}

/*
 * The assertions cv[0 .. n) by field: of[at[f] .. at[f + 1]) are those
 * of field f, in order (one pass, instead of one per summarise call).
 */
static void
by_field(const struct contrib *cv, size_t n, uint16_t *of,
	 size_t at[FP_F_COUNT + 1])
{
	size_t cnt[FP_F_COUNT] = {0};

	for (size_t i = 0; i < n; i++)
		if ((unsigned)cv[i].field < FP_F_COUNT)
			cnt[cv[i].field]++;
	at[0] = 0;
	for (size_t f = 0; f < FP_F_COUNT; f++)
		at[f + 1] = at[f] + cnt[f];
	for (size_t f = 0; f < FP_F_COUNT; f++)
		cnt[f] = at[f];
	for (size_t i = 0; i < n; i++)
		if ((unsigned)cv[i].field < FP_F_COUNT)
			of[cnt[cv[i].field]++] = (uint16_t)i;
}

/* Index of the best-supported candidate (first wins ties), or -1. */
static int
best(const struct field_sum *fs, double min)
{
	int bi = -1;

	for (size_t i = 0; i < fs->n; i++)
		if (fs->c[i].support >= min &&
		    (bi < 0 || fs->c[i].support > fs->c[bi].support))
			bi = (int)i;
	return bi;
}

static double
support_for(const struct field_sum *fs, const char *v)
{
	for (size_t i = 0; i < fs->n; i++)
		if (str_ieq(fs->c[i].value, v))
			return fs->c[i].support;
	return 0;
}

/*
 * True when rule r applies to observation o, a rule of o's key as the key
 * index (fp_index.c) lists it: only the rule's ports are left to check
 * (a rule may read up to FP_MAX_KEYS keys, and comparing o's key with each
 * of them again for every candidate rule cost more than the matching).
 */
static bool
rule_wants_port(const struct fp_rule *r, const struct cs_obs *o)
{
	if (r->nports == 0)
		return true;
	for (size_t i = 0; i < r->nports; i++)
		if (r->ports[i] == o->port)
			return true;
	return false;
}

/* True when oem.tsv has a product-line relation brand b -> maker. */
static bool
oem_maps(const struct cs_fpdb *db, int b, const char *maker)
{
	for (size_t i = 0; i < db->noems; i++)
		if (db->oems[i].brand == (size_t)b &&
		    str_ieq(db->makers[db->oems[i].maker].name, maker))
			return true;
	return false;
}

/* Chooses the brand for maker mk (index, or -1 if none named). */
static int
choose_brand(const struct cs_fpdb *db, const struct field_sum *fs,
	     const char *maker)
{
	int own = -1, oem = -1;

	if (maker == NULL)
		return best(fs, FP_MIN_BRAND);
	for (size_t i = 0; i < fs->n; i++) {
		const struct cand *c = &fs->c[i];
		int b = brand_index(db, c->value);
		bool consistent, self;

		if (c->support < FP_MIN_BRAND)
			continue;
		self = str_ieq(c->value, maker);
		consistent =
		    self ||
		    (b >= 0 &&
		     (str_ieq(db->makers[db->brands[b].maker].name, maker) ||
		      oem_maps(db, b, maker)));
		if (!consistent)
			continue;
		if (self) {
			if (own < 0 || c->support > fs->c[own].support)
				own = (int)i;
		} else if (oem < 0 || c->support > fs->c[oem].support) {
			oem = (int)i;
		}
	}
	return oem >= 0 ? oem : own;
}

/* The orders of evidence: weight, highest first, then address; field
 * first, then that. */
static inline bool
before_weight(const struct contrib *x, const struct contrib *y)
{
	if (x->w != y->w)
		return x->w > y->w;
	return x < y;
}

static inline bool
before_field(const struct contrib *x, const struct contrib *y)
{
	if (x->field != y->field)
		return x->field < y->field;
	return before_weight(x, y);
}

/*
 * Sorts v[0..n) by weight (by_field: by field, then weight): what any
 * sort gives, as both orders are total (ties go by address; qsort did
 * it before).  Bottom-up merge sort with the comparison
 * inline, through tmp (n slots): the assertions of one identification
 * are a few dozen, and qsort's call per comparison cost more than the
 * comparisons.
 */
static void
sort_contribs(struct contrib **v, struct contrib **tmp, size_t n, bool by_field)
{
	struct contrib **src = v, **dst = tmp, **t;

	/* runs of 4 by insertion first */
	for (size_t s = 0; s < n; s += 4) {
		size_t e = CS_MIN(s + 4, n);

		for (size_t i = s + 1; i < e; i++) {
			struct contrib *x = v[i];
			size_t j = i;

			while (j > s &&
			       (by_field ? before_field(x, v[j - 1])
					 : before_weight(x, v[j - 1]))) {
				v[j] = v[j - 1];
				j--;
			}
			v[j] = x;
		}
	}
	for (size_t w = 4; w < n; w *= 2) {
		for (size_t lo = 0; lo < n; lo += 2 * w) {
			size_t mid = CS_MIN(lo + w, n),
			       hi = CS_MIN(lo + 2 * w, n);
			size_t a = lo, b = mid, k = lo;

			while (a < mid && b < hi)
				dst[k++] =
				    (by_field ? before_field(src[b], src[a])
					      : before_weight(src[b], src[a]))
					? src[b++]
					: src[a++];
			while (a < mid)
				dst[k++] = src[a++];
			while (b < hi)
				dst[k++] = src[b++];
		}
		t = src;
		src = dst;
		dst = t;
	}
	if (src != v)
		memcpy(v, src, n * sizeof(*v));
}

/*
 * As sort_contribs(v, tmp, n, true), the same order (before_field is
 * total): into a bucket per field, in place, then each bucket by weight,
 * by insertion when it is small.  A device's assertions are a few dozen
 * of a few fields, and the merge sort's comparisons, a mispredicted
 * branch each, were 3% of identify's time.
 */
static void
sort_by_field(struct contrib **v, struct contrib **tmp, size_t n)
{
	size_t at[FP_F_COUNT + 1] = {0}, pos[FP_F_COUNT];

	for (size_t i = 0; i < n; i++) {
		if ((unsigned)v[i]->field >= FP_F_COUNT) {
			sort_contribs(v, tmp, n, true);
			return;
		}
		at[v[i]->field + 1]++;
	}
	for (size_t f = 0; f < FP_F_COUNT; f++) {
		at[f + 1] += at[f];
		pos[f] = at[f];
	}
	for (size_t i = 0; i < n; i++)
		tmp[pos[v[i]->field]++] = v[i];
	memcpy(v, tmp, n * sizeof(*v));
	for (size_t f = 0; f < FP_F_COUNT; f++) {
		size_t lo = at[f], hi = at[f + 1];

		if (hi - lo > 16) {
			sort_contribs(v + lo, tmp, hi - lo, false);
			continue;
		}
		for (size_t i = lo + 1; i < hi; i++) {
			struct contrib *x = v[i];
			size_t j = i;

			while (j > lo && before_weight(x, v[j - 1])) {
				v[j] = v[j - 1];
				j--;
			}
			v[j] = x;
		}
	}
}

/* True when a and b would give the same evidence row. */
static bool
contrib_same_row(const struct contrib *a, const struct contrib *b)
{
	size_t na, nb, cap = sizeof(((struct cs_evidence *)0)->value) - 1;

	if (a->field != b->field || a->rule != b->rule ||
	    a->table != b->table || (a->obs == NULL) != (b->obs == NULL) ||
	    strcmp(a->value, b->value) != 0)
		return false;
	if (a->rule == NULL &&
	    strcmp(a->dflt ? a->dflt : "", b->dflt ? b->dflt : "") != 0)
		return false;
	if (a->obs == NULL)
		return true;
	na = CS_MIN(a->obs->len, cap);
	nb = CS_MIN(b->obs->len, cap);
	return a->obs->port == b->obs->port && na == nb &&
	       strcmp(a->obs->key, b->obs->key) == 0 &&
	       memcmp(a->obs->val, b->obs->val, na) == 0;
}

/* As cs_strlcpy of s, whose length n is known (dsz > 0). */
static inline void
put_str(char *dst, size_t dsz, const char *s, size_t n)
{
	if (n > dsz - 1)
		n = dsz - 1;
	memcpy(dst, s, n);
	dst[n] = '\0';
}

/*
 * The assertions of cv (n) that get an evidence row, in the rows' order,
 * into pv[0..k) (pv: 2 n slots of scratch); returns k and sets
 * out->nev_dropped.
 */
static size_t
pick_evidence(struct contrib *cv, size_t n, struct contrib **pv,
	      struct cs_identity *out)
{
	size_t k;

	size_t m = 0;

	/* One row per claim and source: the same rule's claim from two
	 * observations that read the same (two replies of one server) is
	 * shown once, at its highest weight (issue #11).  Rows alike are of
	 * one field, so in field order (weight order within a field) each
	 * is compared with its field's kept rows alone; when they all fit,
	 * that is the result. */
	for (size_t i = 0; i < n; i++)
		pv[i] = &cv[i];
	sort_by_field(pv, pv + n, n);
	for (size_t i = 0, f0 = 0; i < n; i++) {
		bool dup = false;

		if (i == 0 || pv[i]->field != pv[m - 1]->field)
			f0 = m; /* the first kept row of this field */
		for (size_t j = f0; j < m && !dup; j++)
			dup = contrib_same_row(pv[j], pv[i]);
		if (!dup)
			pv[m++] = pv[i];
	}
	if (m > CS_FP_MAX_EVIDENCE) {
		/* too many: the heaviest ones are kept, then put in field
		 * order */
		m = 0;
		for (size_t i = 0; i < n; i++)
			pv[i] = &cv[i];
		sort_contribs(pv, pv + n, n, false);
		for (size_t i = 0; i < n; i++) {
			bool dup = false;

			for (size_t j = 0; j < m && !dup; j++)
				dup = contrib_same_row(pv[j], pv[i]);
			if (!dup)
				pv[m++] = pv[i];
		}
	}
	k = CS_MIN(m, (size_t)CS_FP_MAX_EVIDENCE);
	out->nev_dropped = m - k;
	if (m > k)
		sort_by_field(pv, pv + n, k);
	return k;
}

/* The evidence rows of the n assertions cv; pv: 2 n slots of scratch. */
static void
fill_evidence(struct contrib *cv, size_t n, struct contrib **pv,
	      struct cs_identity *out)
{
	size_t k = pick_evidence(cv, n, pv, out);

	for (size_t i = 0; i < k; i++) {
		const struct contrib *c = pv[i];
		struct cs_evidence *e = &out->ev[i];

		const char *fname = cs_fp_field_name(c->field);

		put_str(e->field, sizeof(e->field), fname, strlen(fname));
		put_str(e->claim, sizeof(e->claim), c->value, c->vlen);
		e->weight = c->w;
		if (c->rule == NULL) {
			const char *d = c->dflt ? c->dflt : "default";

			put_str(e->rule, sizeof(e->rule), d, strlen(d));
		} else if (c->table) {
			/* "brand-table:<id>", cut to fit as snprintf would */
			static const char pre[] = "brand-table:";

			memcpy(e->rule, pre, sizeof(pre));
			put_str(e->rule + sizeof(pre) - 1,
				sizeof(e->rule) - (sizeof(pre) - 1),
				c->rule->id, strlen(c->rule->id));
		} else {
			put_str(e->rule, sizeof(e->rule), c->rule->id,
				strlen(c->rule->id));
		}
		if (c->obs != NULL) {
			size_t vn = CS_MIN(c->obs->len, sizeof(e->value) - 1);

			put_str(e->obs_key, sizeof(e->obs_key), c->obs->key,
				strlen(c->obs->key));
			e->port = c->obs->port;
			cs_span_copy(e->value, sizeof(e->value),
				     cs_span_make(c->obs->val, vn));
		}
	}
	out->nev = k;
}

/* strnlen of s (no NUL in its first n bytes: n). */
static inline size_t
len_upto(const char *s, size_t n)
{
	const char *z = memchr(s, '\0', n);

	return z != NULL ? (size_t)(z - s) : n;
}

/*
 * The items fill_evidence would write as rows, each string as the row
 * would hold it (struct cs_evidence's sizes; see fill_evidence and
 * cs_span_copy), into ref[0..k) (CS_FP_MAX_EVIDENCE slots); returns k.
 */
static size_t
refs_evidence(struct contrib *cv, size_t n, struct contrib **pv,
	      struct cs_identity *out, struct cs_evref *ref)
{
	size_t k = pick_evidence(cv, n, pv, out);
	struct cs_evidence *row = NULL; /* for sizeof alone */

	for (size_t i = 0; i < k; i++) {
		const struct contrib *c = pv[i];
		struct cs_evref *e = &ref[i];
		const char *fname = cs_fp_field_name(c->field);

		/* (a field's name is shorter than the row's field, and vlen
		 * is strlen(value), 63 at most: no cut, no scan) */
		e->field = fname;
		e->nfield = cs_fp_field_name_len(c->field);
		e->claim = c->value;
		e->nclaim = CS_MIN(c->vlen, sizeof(row->claim) - 1);
		e->weight = c->w;
		e->plain = c->rule != NULL;
		if (c->rule == NULL) {
			/* copied: a dated relation's note is on the
			 * caller's stack */
			const char *d = c->dflt ? c->dflt : "default";

			e->nrule = len_upto(d, sizeof(row->rule) - 1);
			memcpy(e->rbuf, d, e->nrule);
			e->rule = e->rbuf;
		} else if (c->table) {
			static const char pre[] = "brand-table:";
			size_t pn = sizeof(pre) - 1,
			       idn = CS_MIN(c->rule->idlen,
					    sizeof(row->rule) - 1 - pn);

			memcpy(e->rbuf, pre, pn);
			memcpy(e->rbuf + pn, c->rule->id, idn);
			e->rule = e->rbuf;
			e->nrule = pn + idn;
		} else {
			e->rule = c->rule->id;
			e->nrule =
			    CS_MIN(c->rule->idlen, sizeof(row->rule) - 1);
		}
		e->value = e->obs_key = "";
		e->nvalue = e->nobs_key = 0;
		e->port = 0;
		if (c->obs != NULL) {
			size_t vn = CS_MIN(c->obs->len, sizeof(row->value) - 1);

			e->obs_key = c->obs->key;
			e->nobs_key =
			    len_upto(c->obs->key, sizeof(row->obs_key) - 1);
			e->port = c->obs->port;
			e->value = (const char *)c->obs->val;
			e->nvalue = vn;
			if (vn > 0 && memchr(c->obs->val, '\0', vn) != NULL) {
				cs_span_copy(e->vbuf, sizeof(e->vbuf),
					     cs_span_make(c->obs->val, vn));
				e->value = e->vbuf;
			}
		}
	}
	return k;
}

/* ---------------------------------------------------------------------- */
/* Dated brand -> maker relations (docs/fingerprints.md §5, step 3b). */

/*
 * Normalises a table date ("YYYY", "YYYY-MM", "YYYY-MM-DD") to the first
 * (end = false) or last (end = true) day it may mean, into out[11].
 * Returns false for "" or a malformed date.
 */
static bool
date_bound(const char *d, bool end, char out[11])
{
	size_t n = strlen(d);

	if (n != 4 && n != 7 && n != 10)
		return false;
	for (size_t i = 0; i < n; i++)
		if (i == 4 || i == 7 ? d[i] != '-' : (d[i] < '0' || d[i] > '9'))
			return false;
	memcpy(out, "0000-12-31", 11);
	if (!end)
		memcpy(out + 4, "-01-01", 7);
	memcpy(out, d, n);
	if (n == 7)
		memcpy(out + 7, end ? "-31" : "-01", 4);
	return true;
}

/*
 * When the relation brand b -> maker has ended (an ownership.tsv row for
 * the brand and the maker, or oem.tsv rows, all with an end date), copies
 * the latest end into to[11] and returns true; false when it is undated
 * or still holds.
 */
static bool
relation_end(const struct cs_fpdb *db, int b, const char *maker, char to[11])
{
	const char *name = db->brands[b].name;
	bool found = false, open = false;

	to[0] = '\0';
	for (size_t i = 0; i < db->nowns; i++) {
		const struct fp_own *o = &db->owns[i];

		if (!str_ieq(o->entity, name) || !str_ieq(o->owner, maker))
			continue;
		found = true;
		if (o->to[0] == '\0')
			open = true;
		else if (strcmp(o->to, to) > 0)
			cs_strlcpy(to, o->to, 11);
	}
	for (size_t i = 0; i < db->noems; i++) {
		const struct fp_oem *o = &db->oems[i];

		if (o->brand != (size_t)b ||
		    !str_ieq(db->makers[o->maker].name, maker))
			continue;
		found = true;
		if (o->to[0] == '\0')
			open = true;
		else if (strcmp(o->to, to) > 0)
			cs_strlcpy(to, o->to, 11);
	}
	return found && !open && to[0] != '\0';
}

/* True when model starts with a prefix of a dated oem.tsv line b -> maker
 * (a product line made while the relation held). */
static bool
model_in_dated_line(const struct cs_fpdb *db, int b, const char *maker,
		    const char *model)
{
	struct cs_span m = cs_span_make(model, strlen(model));

	for (size_t i = 0; i < db->noems && m.n > 0; i++) {
		const struct fp_oem *o = &db->oems[i];
		const char *p = o->prefixes;

		if (o->brand != (size_t)b || o->to[0] == '\0' ||
		    !str_ieq(db->makers[o->maker].name, maker))
			continue;
		while (p != NULL && *p != '\0') {
			const char *e = strchr(p, '|');
			size_t n = e ? (size_t)(e - p) : strlen(p);
			char pre[64];

			if (n > 0 && n < sizeof(pre) && strcmp(p, "-") != 0) {
				memcpy(pre, p, n);
				pre[n] = '\0';
				if (cs_span_istarts(m, pre))
					return true;
			}
			p = e ? e + 1 : NULL;
		}
	}
	return false;
}

static bool
pat_char(char p, char c)
{
	uint8_t u = lower_ascii((uint8_t)c);

	switch (p) {
	case '#':
		return u >= '0' && u <= '9';
	case '@':
		return u >= 'a' && u <= 'z';
	case '?':
		return isalnum_ascii(u);
	default:
		return lower_ascii((uint8_t)p) == u;
	}
}

/* Matches pattern p against s from the start (bounded backtracking on
 * '*': patterns are at most 63 bytes and models at most 63). */
static bool
pat_match(const char *p, const char *s, unsigned depth)
{
	for (; *p != '\0'; p++, s++) {
		if (*p == '*') {
			if (depth > 4)
				return false;
			for (const char *t = s;; t++) {
				if (pat_match(p + 1, t, depth + 1))
					return true;
				if (*t == '\0')
					return false;
			}
		}
		if (*p == '$' && p[1] == '\0')
			return *s == '\0';
		if (*s == '\0' || !pat_char(*p, *s))
			return false;
	}
	return true; /* a prefix */
}

bool
cs_fp_model_pattern(const char *pattern, const char *model)
{
	return pattern != NULL && model != NULL && pattern[0] != '\0' &&
	       pat_match(pattern, model, 0);
}

/* The end date of the post-relation line (models.tsv) model belongs to
 * for brand b and maker, into until[11]; false if none. */
static bool
model_in_post_line(const struct cs_fpdb *db, int b, const char *maker,
		   const char *model, char until[11])
{
	for (size_t i = 0; i < db->nposts; i++) {
		const struct fp_postline *pl = &db->posts[i];

		if (pl->brand == (size_t)b &&
		    str_ieq(db->makers[pl->maker].name, maker) &&
		    cs_fp_model_pattern(pl->pattern, model)) {
			cs_strlcpy(until, pl->until, 11);
			return true;
		}
	}
	return false;
}

/*
 * The latest build date (YYYY-MM-DD into out[11]) in a firmware string:
 * "Build Date: 2023-03-15" / "2020-06-04 10:00:00", Hikvision's
 * "build 200916" (YYMMDD) or Dahua's ".R.20170307".  False if none.
 */
static bool
firmware_date(const uint8_t *p, size_t n, char out[11])
{
	bool got = false;

	if (n > FP_MAX_SUBJECT)
		n = FP_MAX_SUBJECT;
	for (size_t i = 0; i < n; i++) {
		char d[11];
		bool ok = false;

#define DG(k) (i + (k) < n && p[i + (k)] >= '0' && p[i + (k)] <= '9')
		if (i + 10 <= n && p[i] == '2' && p[i + 1] == '0' && DG(2) &&
		    DG(3) && p[i + 4] == '-' && DG(5) && DG(6) &&
		    p[i + 7] == '-' && DG(8) && DG(9) && (i == 0 || !DG(-1))) {
			snprintf(d, sizeof(d), "%.10s", (const char *)p + i);
			ok = true;
		} else if (i + 9 <= n && p[i] == '.' && p[i + 1] == '2' &&
			   p[i + 2] == '0' && DG(3) && DG(4) && DG(5) &&
			   DG(6) && DG(7) && DG(8) && !DG(9)) {
			snprintf(d, sizeof(d), "%.4s-%.2s-%.2s",
				 (const char *)p + i + 1,
				 (const char *)p + i + 5,
				 (const char *)p + i + 7);
			ok = true;
		} else if (i + 5 <= n && (p[i] == 'b' || p[i] == 'B') &&
			   cs_span_ieq(cs_span_make(p + i, 5), "build")) {
			size_t j = i + 5;

			while (j < n && (p[j] == ' ' || p[j] == ':'))
				j++;
			i = j - 1;
			if (j + 6 <= n) {
				size_t k;

				for (k = 0; k < 6 && p[j + k] >= '0' &&
					    p[j + k] <= '9';
				     k++)
					;
				if (k == 6 && (j + 6 == n || p[j + 6] < '0' ||
					       p[j + 6] > '9')) {
					snprintf(d, sizeof(d),
						 "20%.2s-%.2s-%.2s",
						 (const char *)p + j,
						 (const char *)p + j + 2,
						 (const char *)p + j + 4);
					ok = true;
				}
			}
		}
#undef DG
		if (ok && d[5] <= '1' && d[8] <= '3' &&
		    (!got || strcmp(d, out) > 0)) {
			cs_strlcpy(out, d, 11);
			got = true;
		}
	}
	return got;
}

/* Names the best-supported maker (support >= FP_MIN_MAKER) into out, with
 * its country and the confidence; returns it, or NULL. */
static const char *
pick_maker(const struct cs_fpdb *db, const struct field_sum *m,
	   struct cs_identity *out)
{
	int bi = best(m, FP_MIN_MAKER), mi;
	double s1;

	if (bi < 0)
		return NULL;
	s1 = m->c[bi].support;
	cs_strlcpy(out->manufacturer, m->c[bi].value,
		   sizeof(out->manufacturer));
	if ((mi = maker_index(db, m->c[bi].value)) >= 0)
		cs_strlcpy(out->manufacturer_country, db->makers[mi].country,
			   sizeof(out->manufacturer_country));
	out->confidence = m->total > 0 ? s1 * s1 / m->total : 0;
	return m->c[bi].value;
}

/*
 * The maker was named through a brand whose relation with it has ended
 * (Lorex -> Dahua, 2018 to 2022-11-24): unless other evidence names the
 * maker by itself, the unit must be dated.  A model of a dated product
 * line, or a firmware build before the end, dates it within (nothing
 * changes); a firmware build after the end dates it after, and the
 * brand's mapping no longer counts (returns true: pick the maker again);
 * nothing dating it lowers the confidence.  note/claim (64 bytes each)
 * receive the evidence item that says which.
 */
static bool
dated_relation(const struct cs_fpdb *db, struct contrib *cv, size_t ncv,
	       const char *maker, struct cs_identity *out, char *note,
	       char *claim)
{
	char to[11], lo[11], hi[11], fw[11] = "", d[11];
	double miss = 1.0;
	int b = -1;
	bool after;

	for (size_t i = 0; i < ncv && b < 0; i++)
		if (cv[i].field == FP_F_MANUFACTURER && cv[i].brand >= 0 &&
		    str_ieq(cv[i].value, maker))
			b = cv[i].brand;
	if (b < 0 || !relation_end(db, b, maker, to) ||
	    !date_bound(to, false, lo) || !date_bound(to, true, hi))
		return false;
	/* Support for the maker that does not come through the brand. */
	for (size_t i = 0; i < ncv; i++)
		if (cv[i].field == FP_F_MANUFACTURER && cv[i].brand != b &&
		    str_ieq(cv[i].value, maker))
			miss *= 1.0 - CS_MIN(CS_MAX(cv[i].w, 0.0), 1.0);
	if (1.0 - miss >= FP_MIN_MAKER)
		return false;
	cs_strlcpy(claim, maker, 64);
	if (out->model[0] != '\0' &&
	    model_in_dated_line(db, b, maker, out->model)) {
		snprintf(note, 64, "dated:model line of %s-%s to %s",
			 db->brands[b].name, maker, to);
		return false;
	}
	if (out->model[0] != '\0' &&
	    model_in_post_line(db, b, maker, out->model, d)) {
		/* A product line made after the relation ended. */
		snprintf(note, 64, "dated:model line after %s-%s %s",
			 db->brands[b].name, maker, d);
		goto dated_after;
	}
	for (size_t i = 0; i < ncv; i++)
		if (cv[i].field == FP_F_FIRMWARE && cv[i].obs != NULL &&
		    firmware_date(cv[i].obs->val, cv[i].obs->len, d) &&
		    strcmp(d, fw) > 0)
			cs_strlcpy(fw, d, sizeof(fw));
	if (firmware_date((const uint8_t *)out->firmware, strlen(out->firmware),
			  d) &&
	    strcmp(d, fw) > 0)
		cs_strlcpy(fw, d, sizeof(fw));
	if (fw[0] != '\0' && strcmp(fw, lo) < 0) {
		snprintf(note, 64, "dated:firmware %s before %s", fw, to);
		return false;
	}
	after = fw[0] != '\0' && strcmp(fw, hi) > 0;
	if (!after) {
		/* Nothing dates the unit: both stand, less surely. */
		snprintf(note, 64, "dated:undated, %s-%s ended %s",
			 db->brands[b].name, maker, to);
		out->confidence *= 0.6;
		return false;
	}
	snprintf(note, 64, "dated:firmware %s after %s-%s %s", fw,
		 db->brands[b].name, maker, to);
dated_after:
	snprintf(claim, 64, "not %s", maker);
	for (size_t i = 0; i < ncv; i++)
		if (cv[i].field == FP_F_MANUFACTURER && cv[i].brand == b &&
		    str_ieq(cv[i].value, maker))
			cv[i].w = 0;
	return true;
}

struct cs_fpctx *
cs_fpctx_new(const struct cs_fpdb *db)
{
	struct cs_fpctx *ctx = cs_xcalloc(1, sizeof(*ctx));

	ctx->db = db;
	ctx->cv = cs_xmalloc(FP_MAX_CONTRIB * sizeof(*ctx->cv));
	ctx->fs = cs_xcalloc(FP_F_COUNT, sizeof(*ctx->fs));
	ctx->cand = cs_xcalloc(FP_MAX_CONTRIB, sizeof(*ctx->cand));
	ctx->of = cs_xcalloc(FP_MAX_CONTRIB, sizeof(*ctx->of));
	ctx->pv = cs_xcalloc(2 * FP_MAX_CONTRIB, sizeof(*ctx->pv));
	ctx->md = pcre2_match_data_create(10, NULL);
	ctx->mc = cs_fp_mcontext_new();
	if (ctx->md == NULL || ctx->mc == NULL) {
		cs_fpctx_free(ctx);
		return NULL;
	}
	if (db != NULL && cs_fpdb_prefilter_on(db) &&
	    (ctx->scratch = cs_fp_pre_scratch(db)) != NULL) {
		ctx->rstamp = cs_xcalloc(db->nrules + 1, sizeof(uint32_t));
		ctx->always = cs_fp_pre_always_map(db);
		ctx->bstamp = cs_xcalloc(db->nbrands + 1, sizeof(uint32_t));
	}
	return ctx;
}

void
cs_fpctx_free(struct cs_fpctx *ctx)
{
	if (ctx == NULL)
		return;
	cs_fp_pre_scratch_free(ctx->scratch);
	om_free(ctx->om);
	free(ctx->rstamp);
	free(ctx->bstamp);
	pcre2_match_data_free(ctx->md);
	pcre2_match_context_free(ctx->mc);
	free(ctx->fs);
	free(ctx->cand);
	free(ctx->of);
	free(ctx->pv);
	free(ctx->cv);
	free(ctx->refs);
	free(ctx);
}

void
cs_fp_identify(const struct cs_fpdb *db, const struct cs_obs_list *obs,
	       struct cs_identity *out)
{
	struct cs_fpctx *ctx;

	memset(out, 0, sizeof(*out));
	if (db == NULL || obs == NULL)
		return;
	if ((ctx = cs_fpctx_new(db)) == NULL)
		return;
	cs_fp_identify_ctx(ctx, obs, out);
	cs_fpctx_free(ctx);
}

/*
 * The value of the presumption's evidence line: the maker and what its
 * makers.tsv source says ("mostly: ..." part, else the whole source).
 */
static void
presumed_value(const struct cs_fpdb *db, const char *maker,
	       struct cs_identity *out)
{
	int mi = maker != NULL ? maker_index(db, maker) : -1;
	const char *src = mi >= 0 ? db->makers[mi].source : "";
	const char *m = strstr(src, "mostly: ");
	size_t n;

	if (m != NULL)
		src = m + strlen("mostly: ");
	n = strcspn(src, ";");
	for (size_t i = 0; i < out->nev; i++) {
		struct cs_evidence *e = &out->ev[i];

		if (strcmp(e->rule, FP_PRESUMED_RULE) != 0)
			continue;
		snprintf(e->value, sizeof(e->value), "%s mostly video: %.*s",
			 maker != NULL ? maker : "?", (int)n, src);
	}
}

/* presumed_value for items without rows (refs_evidence's). */
static void
presumed_refs(const struct cs_fpdb *db, const char *maker, struct cs_evref *ref,
	      size_t k)
{
	static const char pr[] = FP_PRESUMED_RULE;

	for (size_t i = 0; i < k; i++) {
		struct cs_evref *e = &ref[i];

		int mi;
		const char *src, *m;
		size_t n;

		if (e->nrule != sizeof(pr) - 1 ||
		    memcmp(e->rule, pr, sizeof(pr) - 1) != 0)
			continue;
		mi = maker != NULL ? maker_index(db, maker) : -1;
		src = mi >= 0 ? db->makers[mi].source : "";
		if ((m = strstr(src, "mostly: ")) != NULL)
			src = m + strlen("mostly: ");
		n = strcspn(src, ";");
		snprintf(e->vbuf, sizeof(e->vbuf), "%s mostly video: %.*s",
			 maker != NULL ? maker : "?", (int)n, src);
		e->value = e->vbuf;
		e->nvalue = strlen(e->vbuf);
	}
}

/* The next assertion slot, zeroed; the caller checked ncv < max. */
static struct contrib *
contrib_new(struct contrib *cv, size_t *ncv)
{
	struct contrib *c = &cv[(*ncv)++];

	memset(c, 0, sizeof(*c));
	return c;
}

/* Applies rule ri to observation o if o's port suits it, adding what it
 * asserts to the context's assertions. */
static void
apply_rule(struct cs_fpctx *ctx, size_t ri, const struct cs_obs *o, size_t *ncv)
{
	const struct fp_rule *rule = &ctx->db->rules[ri];
	struct fp_assign as[FP_MAX_ASSIGN];
	bool matched, limit;
	size_t k;

	if (!rule_wants_port(rule, o))
		return;
	k = rule_apply(ctx->db, rule, o->val, o->len, ctx->md, ctx->mc, as,
		       CS_NELEM(as), &matched, &limit, ctx);
	for (size_t a = 0; a < k && *ncv < FP_MAX_CONTRIB; a++) {
		struct contrib *c = contrib_new(ctx->cv, ncv);

		c->field = as[a].field;
		cs_strlcpy(c->value, as[a].value, sizeof(c->value));
		c->vlen = strlen(c->value);
		c->w = as[a].weight;
		c->rule = rule;
		c->table = as[a].from_table;
		c->tier = rule->tier;
		c->brand = as[a].brand;
		c->obs = o;
	}
}

/* Applies the rules of o's key that can match it (the prefilter names
 * them, if built), adding what they assert to ctx->cv. */
static void
apply_rules(struct cs_fpctx *ctx, const struct cs_obs *o, size_t *ncv)
{
	const struct cs_fpdb *db = ctx->db;
	const struct fp_keyidx *ki = cs_fp_index_find(db, o->key);
	bool pre = false;

	if (ki != NULL && ctx->scratch != NULL) {
		/* one scan names the rules that can match (fp_pre.c);
		 * the subject is the one PCRE2 sees */
		ctx->rnow++;
		pre = cs_fp_pre_rules(
		    db, ctx->scratch, ki,
		    o->val != NULL ? o->val : (const uint8_t *)"",
		    o->val != NULL ? CS_MIN(o->len, (size_t)FP_MAX_SUBJECT) : 0,
		    ctx->rstamp, ctx->rnow, ctx->hits, CS_NELEM(ctx->hits),
		    &ctx->nhits);
	}
	if (pre && ctx->nhits <= CS_NELEM(ctx->hits)) {
		/* the rules it named and the key's rules without
		 * literals, merged in rule (file) order: the order
		 * the loop below would take them in */
		size_t nal, a = 0, h = 0;
		const size_t *al = cs_fp_pre_key_always(db, ki, &nal);
		size_t nh = sort_hits(ctx->hits, ctx->nhits);

		while (a < nal || h < nh) {
			size_t ri = h == nh || (a < nal && al[a] < ctx->hits[h])
					? al[a++]
					: ctx->hits[h++];

			apply_rule(ctx, ri, o, ncv);
		}
		return;
	}
	/* only the rules that read this key (fp_index.c) */
	for (size_t j = 0; ki != NULL && j < ki->n; j++) {
		size_t ri = ki->rule[j];

		/* the prefilter's verdict first: two small arrays,
		 * where the rule itself is some kilobytes away */
		if (pre && ctx->rstamp[ri] != ctx->rnow && !ctx->always[ri])
			continue; /* its pattern cannot match */
		apply_rule(ctx, ri, o, ncv);
	}
}

void
cs_fp_collect(struct cs_fpctx *ctx, const struct cs_obs_list *obs)
{
	struct contrib *cv = ctx->cv;
	size_t ncv = 0, nh = 0;
	uint64_t hs[COLLECT_AHEAD];

	ctx->ncv = 0;
	ctx->collected = obs != NULL && ctx->db != NULL;
	if (!ctx->collected)
		return;
#if defined(__GNUC__)
	/* A device's values were stored as its lines came in, and identify
	 * flushes it when thousands of devices later came in (the oldest
	 * open one goes): they are out of the caches by then, and hashing
	 * them one by one waited for each miss in turn.  Asked for all at
	 * once, the misses overlap.  (Changes no result.) */
	for (size_t i = 0; i < obs->n && i < CS_OBS_MAX_COUNT; i++)
		for (size_t b = 0; b < obs->v[i].len && b < 1024; b += 64)
			__builtin_prefetch(obs->v[i].val + b);
#endif
	/* The memo's hashes of the first COLLECT_AHEAD observations, and
	 * their buckets, then the entries the buckets name, asked for at
	 * once for the same reason (the memo's tables are some 300 KB, and
	 * each lookup missed the caches in turn). */
	if (ctx->om != NULL) {
		nh = CS_MIN(obs->n, (size_t)COLLECT_AHEAD);
		for (size_t i = 0; i < nh; i++) {
			hs[i] = om_hash(&obs->v[i]);
			om_prefetch(ctx->om, hs[i], false);
		}
		for (size_t i = 0; i < nh; i++)
			om_prefetch(ctx->om, hs[i], true);
	}
	for (size_t i = 0; i < obs->n && i < CS_OBS_MAX_COUNT; i++) {
		const struct cs_obs *o = &obs->v[i];
		const struct om_ent *me = NULL;
		size_t mark = ncv;
		uint64_t h = 0;

		if (ctx->om != NULL) {
			h = i < nh ? hs[i] : om_hash(o);
			me = om_find(ctx->om, o, h);
			ctx->om->lookups++;
			ctx->om->hits += me != NULL;
		}
		if (me != NULL) {
			/* what the rules asserted of the same observation
			 * before, cut where the loop below would cut it */
			for (size_t c = 0; c < me->nc && ncv < FP_MAX_CONTRIB;
			     c++) {
				cv[ncv] = ctx->om->cv[me->c0 + c];
				cv[ncv++].obs = o;
			}
			continue;
		}
		apply_rules(ctx, o, &ncv);
		if (ctx->om != NULL && ncv < FP_MAX_CONTRIB &&
		    om_admit(ctx->om, h))
			om_put(ctx->om, o, h, cv + mark, ncv - mark);
	}
	ctx->ncv = ncv;
}

/* Writes n bytes of p at w after their length; returns the end. */
static inline uint8_t *
sig_put(uint8_t *w, const void *p, size_t n)
{
	uint32_t len = (uint32_t)n;

	memcpy(w, &len, sizeof(len));
	w += sizeof(len);
	if (n != 0) {
		memcpy(w, p, n);
		w += n;
	}
	return w;
}

int
cs_fpctx_signature(const struct cs_fpctx *ctx, struct cs_buf *b)
{
	/* what the combination below reads of each assertion, in order:
	 * its own fields, the rule (by address: one database), and of its
	 * observation the key, port and the value as far as an evidence
	 * row shows it (the whole value, as firmware_date reads it, for a
	 * firmware claim); each length before its bytes.  One append per
	 * assertion. */
	for (size_t i = 0; i < ctx->ncv; i++) {
		const struct contrib *c = &ctx->cv[i];
		struct {
			int32_t field, tier, brand;
			uint8_t table, has_obs;
			uint16_t port;
			double w;
			const void *rule;
		} h;
		size_t cap = sizeof(((struct cs_evidence *)0)->value) - 1;
		const char *dflt =
		    c->rule == NULL && c->dflt != NULL ? c->dflt : NULL;
		size_t dn = dflt != NULL ? strlen(dflt) : 0, kn = 0, vn = 0,
		       need;
		uint8_t *w;

		if (c->obs != NULL) {
			kn = strlen(c->obs->key);
			if (c->field == FP_F_FIRMWARE)
				cap = FP_MAX_SUBJECT;
			vn = CS_MIN(c->obs->len, cap);
		}
		need = sizeof(h) + sizeof(uint32_t) + c->vlen +
		       (dflt != NULL ? sizeof(uint32_t) + dn : 0) +
		       (c->obs != NULL ? 2 * sizeof(uint32_t) + kn + vn : 0);
		if ((w = cs_buf_space(b, need)) == NULL)
			return CS_ELIMIT;
		memset(&h, 0, sizeof(h));
		h.field = (int32_t)c->field;
		h.tier = (int32_t)c->tier;
		h.brand = c->brand;
		h.table = c->table;
		h.has_obs = c->obs != NULL;
		h.port = c->obs != NULL ? c->obs->port : 0;
		h.w = c->w;
		h.rule = c->rule;
		memcpy(w, &h, sizeof(h));
		w = sig_put(w + sizeof(h), c->value, c->vlen);
		if (dflt != NULL)
			w = sig_put(w, dflt, dn);
		if (c->obs != NULL) {
			w = sig_put(w, c->obs->key, kn);
			(void)sig_put(w, c->obs->val, vn);
		}
	}
	return 0;
}

void
cs_fp_identify_ctx(struct cs_fpctx *ctx, const struct cs_obs_list *obs,
		   struct cs_identity *out)
{
	cs_fp_collect(ctx, obs);
	cs_fp_identify_collected(ctx, out);
}

/*
 * cs_fp_identify_collected (ref NULL), or cs_fp_identify_refs: the items
 * into ref (CS_FP_MAX_EVIDENCE slots) and their count into *nref, no
 * rows.
 */
static void
identify_core(struct cs_fpctx *ctx, struct cs_identity *out,
	      struct cs_evref *ref, size_t *nref)
{
	const struct cs_fpdb *db = ctx->db;
	struct contrib *cv = ctx->cv;
	size_t ncv = ctx->ncv;
	struct field_sum *fs = ctx->fs;
	const char *maker = NULL;
	char note[64] = "", note_claim[64] = "";
	size_t fat[FP_F_COUNT + 1];
	int bi;

	identity_clear(ctx, out);
	ctx->last = out;
	ctx->last_nev = 0;
	if (nref != NULL)
		*nref = 0;
	if (!ctx->collected)
		return;
	ctx->collected = false;

	/* (the assertions added below are of no field summarised after
	 * them, and dated_relation changes weights only) */
	by_field(cv, ncv, ctx->of, fat);
	for (int f = 0; f < FP_F_COUNT; f++)
		if (f != FP_F_CLASS)
			summarise(cv, ctx->of + fat[f], fat[f + 1] - fat[f],
				  FP_TIER_DEFAULT, &fs[f], ctx->cand);

	if ((bi = best(&fs[FP_F_MODEL], FP_MIN_DETAIL)) >= 0)
		cs_strlcpy(out->model, fs[FP_F_MODEL].c[bi].value,
			   sizeof(out->model));
	if ((bi = best(&fs[FP_F_FIRMWARE], FP_MIN_DETAIL)) >= 0)
		cs_strlcpy(out->firmware, fs[FP_F_FIRMWARE].c[bi].value,
			   sizeof(out->firmware));

	/* Manufacturer and confidence, then the dated relation check. */
	maker = pick_maker(db, &fs[FP_F_MANUFACTURER], out);
	if (maker != NULL &&
	    dated_relation(db, cv, ncv, maker, out, note, note_claim)) {
		summarise(cv, ctx->of + fat[FP_F_MANUFACTURER],
			  fat[FP_F_MANUFACTURER + 1] - fat[FP_F_MANUFACTURER],
			  FP_TIER_DEFAULT, &fs[FP_F_MANUFACTURER], ctx->cand);
		memset(out->manufacturer, 0, sizeof(out->manufacturer));
		memset(out->manufacturer_country, 0,
		       sizeof(out->manufacturer_country));
		out->confidence = 0;
		maker = pick_maker(db, &fs[FP_F_MANUFACTURER], out);
	}
	if (note[0] != '\0' && ncv < FP_MAX_CONTRIB) {
		struct contrib *c = contrib_new(cv, &ncv);

		c->field = FP_F_MANUFACTURER;
		c->brand = -1;
		c->dflt = note;
		cs_strlcpy(c->value, note_claim, sizeof(c->value));
		c->vlen = strlen(c->value);
	}

	/* Brand: an OEM label of the maker beats the maker's own name. */
	bi = choose_brand(db, &fs[FP_F_BRAND], maker);
	if (bi >= 0) {
		cs_strlcpy(out->brand, fs[FP_F_BRAND].c[bi].value,
			   sizeof(out->brand));
	} else if (maker != NULL) {
		cs_strlcpy(out->brand, maker, sizeof(out->brand));
		if (ncv < FP_MAX_CONTRIB) {
			struct contrib *c = contrib_new(cv, &ncv);

			c->field = FP_F_BRAND;
			c->brand = -1;
			c->dflt = "default:brand=manufacturer";
			cs_strlcpy(c->value, maker, sizeof(c->value));
			c->vlen = strlen(c->value);
		}
	}

	/* Class and surveillance (docs/fingerprints.md §5, steps 7-8). */
	{
		double cls = 0, yes, no;
		enum cs_class c = CS_CLASS_UNKNOWN;
		int mi = maker != NULL ? maker_index(db, maker) : -1;

		/* The highest tier with a class claim strong enough decides;
		 * lower tiers never outvote it. */
		for (int t = FP_TIER_COUNT - 1; t > FP_TIER_DEFAULT; t--) {
			summarise(cv, ctx->of + fat[FP_F_CLASS],
				  fat[FP_F_CLASS + 1] - fat[FP_F_CLASS],
				  (enum fp_tier)t, &fs[FP_F_CLASS], ctx->cand);
			if ((bi = best(&fs[FP_F_CLASS], FP_MIN_CLASS)) < 0)
				continue;
			cls = fs[FP_F_CLASS].c[bi].support;
			if (cs_class_parse(fs[FP_F_CLASS].c[bi].value, &c) != 0)
				c = CS_CLASS_UNKNOWN;
			break;
		}
		out->device_class = c;
		yes = support_for(&fs[FP_F_SURVEILLANCE], "yes");
		no = support_for(&fs[FP_F_SURVEILLANCE], "no");
		out->surveillance_known = true;
		if (cs_class_is_video(c)) {
			out->surveillance = !(no > yes && no > cls);
		} else if (c != CS_CLASS_UNKNOWN) {
			/* Intercoms, access control and the rest are not
			 * video-surveillance equipment as such; whether a
			 * regime covers them is the regime's to say. */
			out->surveillance = false;
		} else if (yes >= 0.5 && yes > no) {
			out->surveillance = true;
		} else if (no >= 0.5 && no > yes) {
			out->surveillance = false;
		} else if (mi >= 0 && db->makers[mi].cctv_only) {
			/* A maker of nothing but video-surveillance
			 * equipment: surveillance, class still unknown. */
			out->surveillance = true;
			if (ncv < FP_MAX_CONTRIB) {
				struct contrib *d = contrib_new(cv, &ncv);

				d->field = FP_F_SURVEILLANCE;
				d->brand = -1;
				d->dflt = "default:cctv-only-maker";
				cs_strlcpy(d->value, "yes", sizeof(d->value));
				d->vlen = strlen(d->value);
			}
		} else if (mi >= 0 && db->makers[mi].cctv_mostly) {
			/* A maker whose products are mostly video-
			 * surveillance equipment: surveillance presumed, class
			 * still unknown, one evidence line saying so. */
			out->surveillance = true;
			out->surveillance_presumed = true;
			if (ncv < FP_MAX_CONTRIB) {
				struct contrib *d = contrib_new(cv, &ncv);

				d->field = FP_F_SURVEILLANCE;
				d->brand = -1;
				d->w = FP_PRESUMED_WEIGHT;
				d->dflt = FP_PRESUMED_RULE;
				cs_strlcpy(d->value, "yes (presumed)",
					   sizeof(d->value));
				d->vlen = strlen(d->value);
			}
		} else {
			/* Maker-only (or no) evidence: not established. */
			out->surveillance = false;
			out->surveillance_known = false;
		}
		if (maker == NULL) {
			int mb = best(&fs[FP_F_MANUFACTURER], 0);
			double ms =
			    mb >= 0 ? fs[FP_F_MANUFACTURER].c[mb].support : 0;

			out->confidence = 0.5 * CS_MAX(cls, ms);
		}
	}
	if (out->confidence < 0)
		out->confidence = 0;
	if (out->confidence > 1)
		out->confidence = 1;
	if (ref != NULL) {
		*nref = refs_evidence(cv, ncv, ctx->pv, out, ref);
		if (out->surveillance_presumed)
			presumed_refs(db, maker, ref, *nref);
		return;
	}
	fill_evidence(cv, ncv, ctx->pv, out);
	if (out->surveillance_presumed)
		presumed_value(db, maker, out);
	ctx->last_nev = out->nev;
}

void
cs_fp_identify_collected(struct cs_fpctx *ctx, struct cs_identity *out)
{
	identify_core(ctx, out, NULL, NULL);
}

void
cs_fp_identify_refs(struct cs_fpctx *ctx, struct cs_identity *out,
		    const struct cs_evref **refs, size_t *nref)
{
	if (ctx->refs == NULL)
		ctx->refs = cs_xcalloc(CS_FP_MAX_EVIDENCE, sizeof(*ctx->refs));
	identify_core(ctx, out, ctx->refs, nref);
	*refs = ctx->refs;
}

/* ---------------------------------------------------------------------- */
/* Examples. */

static void
print_example(FILE *f, const struct fp_example *ex)
{
	fputc('"', f);
	for (size_t i = 0; i < ex->n && i < 48; i++) {
		uint8_t c = ex->p[i];

		if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\')
			fputc(c, f);
		else
			fprintf(f, "\\x%02x", c);
	}
	fputs(ex->n > 48 ? "\"..." : "\"", f);
}

int
cs_fpdb_check_examples_to(const struct cs_fpdb *db, FILE *f)
{
	pcre2_match_data *md;
	pcre2_match_context *mc;
	int fails = 0;

	if (db == NULL)
		return 0;
	md = pcre2_match_data_create(10, NULL);
	mc = cs_fp_mcontext_new();
	if (md == NULL || mc == NULL) {
		pcre2_match_data_free(md);
		pcre2_match_context_free(mc);
		return 1;
	}
	for (size_t r = 0; r < db->nrules; r++) {
		const struct fp_rule *rule = &db->rules[r];

		for (size_t e = 0; e < rule->nex; e++) {
			const struct fp_example *ex = &rule->ex[e];
			struct fp_assign as[FP_MAX_ASSIGN];
			bool matched, limit;
			const char *why = NULL;
			char buf[160];
			size_t k =
			    cs_fp_rule_apply(db, rule, ex->p, ex->n, md, mc, as,
					     CS_NELEM(as), &matched, &limit);

			if (limit)
				why = "PCRE2 resource limit reached";
			else if (ex->neg && matched)
				why = "example! matched";
			else if (!ex->neg && !matched)
				why = "example did not match";
			for (size_t x = 0; why == NULL && x < ex->nexp; x++) {
				const struct fp_expect *xp = &ex->exp[x];
				size_t a;

				for (a = 0; a < k; a++)
					if (as[a].field == xp->field &&
					    strcmp(as[a].value, xp->value) == 0)
						break;
				if (a == k) {
					const char *got = "(nothing)";

					for (a = 0; a < k; a++)
						if (as[a].field == xp->field) {
							got = as[a].value;
							break;
						}
					snprintf(buf, sizeof(buf),
						 "expected %s=%s, got %s",
						 cs_fp_field_name(xp->field),
						 xp->value, got);
					why = buf;
				}
			}
			if (why == NULL)
				continue;
			fails++;
			if (f != NULL) {
				fprintf(f, "%s:%u: rule %s: %s: ", rule->file,
					ex->line, rule->id, why);
				print_example(f, ex);
				fputc('\n', f);
			}
		}
	}
	pcre2_match_data_free(md);
	pcre2_match_context_free(mc);
	return fails;
}

int
cs_fpdb_check_examples(const struct cs_fpdb *db)
{
	return cs_fpdb_check_examples_to(db, stderr);
}
