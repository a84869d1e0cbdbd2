/* SPDX-License-Identifier: ISC */
/*
 * The identification prefilter (issue #17, src/fp/fp_pre.c, fp_lit.c):
 * the required-literal analysis on a table of patterns, the literals of
 * every shipped rule against its own examples, and identities with and
 * without the prefilter on every rule example and on the field corpus
 * (the .jsonl files of bench/field), the latter also with and without
 * identify's memo of decoded messages: identical.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/escape.h"
#include "core/obs.h"
#include "fp/fp.h"
#include "core/str.h"
#include "fp/fp_int.h"
#include "ident/ident.h"

#include "fpdb_fixture.h"

/* ---- the literal analysis ---- */

struct lit_case {
	const char *pattern;
	uint32_t flags;
	bool ok;
	const char *lits; /* '|'-joined expected literals, in order */
};

static const struct lit_case lit_cases[] = {
    {"App-webs/", 0, true, "App-webs/"},
    {"^Server: (uc-httpd) ([0-9.]+)", 0, true, "Server: "},
    {"Hikvision|HIKVISION", 0, true, "Hikvision|HIKVISION"},
    {"a|", 0, false, ""},              /* an empty alternative */
    {"(abc)|def", 0, true, "abc|def"}, /* a required group */
    {"(abc)?|def", 0, false, ""},      /* an optional one */
    {"x(?:ab|cd)+y", 0, true, "ab|cd"},
    {"(?:ab|c)", 0, true, "ab|c"},
    {"(?:ab|)cd", 0, true, "cd"},
    {"(?:ab|(?:cd)*)", 0, false, ""},
    {"(?<![A-Z])(i?DS-2(?:CD|DE)[0-9])", 0, true, "DS-2"},
    {"\\b(?:DH-)?(IPC-(?:H|T)[A-Z]{1,4})", 0, true, "IPC-"},
    {"(?:^\\s*|\\bUPnP/)(Tiandy|Kedacom)", 0, true, "Tiandy|Kedacom"},
    {"(?<name>Hik)vision", 0, true, "vision"},
    {"(?P<m>Uniview)", 0, true, "Uniview"},
    {"(?i:axis) cam", 0, true, "axis"},
    {"(?:ab){0,2}c", 0, true, "c"},
    {"(?:ab){2}c", 0, true, "ab"},
    {"ab+c", 0, true, "ab"},
    {"(?(1)a|b)", 0, false, ""},
    {"(*UTF)abc", 0, false, ""},
    {"(?P=n)x", 0, false, ""},
    {"(a)\\g{-1}-xy", 0, true, "-xy"}, /* the reference's braces whole */
    {"\\k<nm>-ab", 0, true, "-ab"},
    {"\\x{41}zz-cd", 0, true, "-cd"},
    {"\\o{101", 0, false, ""},
    {"X\\0<0u]||aa>", 0, false, ""}, /* \0 takes no <...>: an empty
					  alternative (fuzz finding) */
    {"DS-\\d+", 0, true, "DS-"},
    {"DS-2CD\\d{4}", 0, true, "DS-2CD"},
    {"colou?r", 0, true, "colo"}, /* u optional: not in the run */
    {"ab*cdef", 0, true, "cdef"},
    {"ab{0,3}c", 0, true, "a"},
    {"x\\.y\\/z", 0, true, "x.y/z"}, /* escaped punctuation is literal */
    {"\\x41BCD", 0, false, ""},      /* \x41 and what may be its digits */
    {"\\x41-CD", 0, true, "-CD"},
    {"\\bAxis\\b", 0, true, "Axis"},
    {"[A-Z]{2}-[0-9]+ cam", 0, true, " cam"},
    {"[]a]xyz", 0, true, "xyz"},
    {"[[:alpha:]]+qq", 0, true, "qq"},
    {"(?i)realm=\"ipc\"", 0, true, "realm=\"ipc\""},
    {"a\\r\\nb", 0, true, "a\r\nb"},
    {"foo(?=bar)", 0, true, "foo"},
    {"abc", PCRE2_EXTENDED, false, ""},
    {"(?x) a b", 0, false, ""},
    {"\\Qa.b\\E", 0, false, ""},
    {"(?#c)abc", 0, false, ""},
    {"abc)", 0, false, ""},
    {"(abc", 0, false, ""},
    {".*", 0, false, ""},
    {"\\1abc", 0, true, ""}, /* skipped as the reference's */
};

static void
test_literal_table(void **state)
{
	struct fp_lits *l = malloc(sizeof(*l));

	(void)state;
	assert_non_null(l);
	for (size_t i = 0; i < sizeof(lit_cases) / sizeof(lit_cases[0]); i++) {
		const struct lit_case *c = &lit_cases[i];
		char got[512] = "";
		bool ok = cs_fp_literals(c->pattern, c->flags, l);

		if (ok)
			for (size_t k = 0; k < l->n; k++) {
				if (k)
					strcat(got, "|");
				strncat(got, l->buf + l->off[k], l->len[k]);
			}
		if (c->ok && c->lits[0] == '\0') {
			/* "\1abc": the analysis may not find a literal */
			assert_false(ok);
			continue;
		}
		if (ok != c->ok || (ok && strcmp(got, c->lits) != 0))
			fail_msg("pattern %s: got %s \"%s\", want %s \"%s\"",
				 c->pattern, ok ? "ok" : "none", got,
				 c->ok ? "ok" : "none", c->lits);
	}
	free(l);
}

/*
 * Every example a rule's pattern matches contains one of the literals the
 * analysis derived from it: the prefilter would have let it through.
 */
static void
test_literals_in_examples(void **state)
{
	struct fp_lits *l = malloc(sizeof(*l));
	pcre2_match_data *md = pcre2_match_data_create(10, NULL);
	size_t rules_lit = 0, checked = 0;

	(void)state;
	assert_non_null(l);
	assert_non_null(md);
	for (size_t i = 0; i < db->nrules; i++) {
		const struct fp_rule *r = &db->rules[i];

		if (r->re == NULL || !cs_fp_literals(r->pattern, r->pflags, l))
			continue;
		rules_lit++;
		for (size_t e = 0; e < r->nex; e++) {
			const struct fp_example *ex = &r->ex[e];
			size_t n =
			    ex->n < FP_MAX_SUBJECT ? ex->n : FP_MAX_SUBJECT;
			bool any = false;

			if (pcre2_match(r->re, ex->p, n, 0, 0, md, NULL) < 0)
				continue;
			for (size_t k = 0; k < l->n && !any; k++)
				any = cs_span_find(cs_span_make(ex->p, n),
						   l->buf + l->off[k],
						   l->len[k], true) >= 0;
			if (!any)
				fail_msg("%s:%u: rule %s matches an example "
					 "without its literals",
					 r->file, ex->line, r->id);
			checked++;
		}
	}
	print_message("# %zu of %zu rules have literals; %zu examples "
		      "checked\n",
		      rules_lit, db->nrules, checked);
	/* the analysis is worth having only if most rules get literals */
	assert_true(rules_lit * 2 > db->nrules);
	pcre2_match_data_free(md);
	free(l);
}

/* ---- both engines ---- */

static struct cs_fpdb *pre; /* the same rules, prefilter built */

static int
setup_both(void **state)
{
	char fpd[4096], end[4096], err[512];
	int rc;

	if (setup(state) != 0)
		return -1;
	snprintf(fpd, sizeof(fpd), "%s/data/fingerprints", srcdir());
	snprintf(end, sizeof(end), "%s/data/entities", srcdir());
	pre = cs_fpdb_load(fpd, end, err, sizeof(err));
	if (pre == NULL)
		return -1;
	rc = cs_fpdb_prefilter(pre);
#ifdef CS_HAVE_HYPERSCAN
	if (rc != 0) {
		fprintf(stderr, "# prefilter not built: %d\n", rc);
		return -1;
	}
#else
	(void)rc;
#endif
	return 0;
}

static int
teardown_both(void **state)
{
	cs_fpdb_free(pre);
	pre = NULL;
	return teardown(state);
}

static void
test_prefilter_built(void **state)
{
	(void)state;
#ifdef CS_HAVE_HYPERSCAN
	assert_true(cs_fpdb_prefilter_on(pre));
	assert_false(cs_fpdb_prefilter_on(db));
#else
	assert_int_equal(cs_fpdb_prefilter(pre), CS_ENOTFOUND);
	skip();
#endif
}

static void
same_identity(const struct cs_identity *a, const struct cs_identity *b,
	      const char *what)
{
	if (memcmp(a, b, sizeof(*a)) == 0)
		return;
	fail_msg("%s: PCRE2 says %s/%s/%s (%zu evidence), prefilter says "
		 "%s/%s/%s (%zu evidence)",
		 what, a->manufacturer, a->brand, a->model, a->nev,
		 b->manufacturer, b->brand, b->model, b->nev);
}

/*
 * Each example of each rule, as an observation of each of the rule's
 * keys (on its first port, if it names ports), identified by both, and
 * twice by the prefilter with the memo of observations (cs_fpctx_memo):
 * once to keep what the rules assert, once from the memo.
 */
static void
test_examples_same(void **state)
{
	struct cs_fpctx *c1 = cs_fpctx_new(db), *c2 = cs_fpctx_new(pre);
	struct cs_fpctx *c3 = cs_fpctx_new(pre);
	struct cs_identity *a = malloc(sizeof(*a)), *b = malloc(sizeof(*b));
	size_t n = 0, named = 0;

	(void)state;
	assert_non_null(c1);
	assert_non_null(c2);
	assert_non_null(c3);
	assert_non_null(a);
	assert_non_null(b);
	cs_fpctx_memo(c3, true);
	for (size_t i = 0; i < db->nrules; i++) {
		const struct fp_rule *r = &db->rules[i];

		for (size_t e = 0; e < r->nex; e++)
			for (size_t k = 0; k < r->nkeys; k++) {
				struct cs_obs_list obs;
				char what[256];

				cs_obs_list_init(&obs);
				(void)cs_obs_add(&obs, r->keys[k],
						 r->nports ? r->ports[0] : 0, 0,
						 r->ex[e].p, r->ex[e].n);
				cs_fp_identify_ctx(c1, &obs, a);
				cs_fp_identify_ctx(c2, &obs, b);
				snprintf(what, sizeof(what), "%s:%u: %s on %s",
					 r->file, r->ex[e].line, r->id,
					 r->keys[k]);
				same_identity(a, b, what);
				for (int t = 0; t < 2; t++) {
					cs_fp_identify_ctx(c3, &obs, b);
					same_identity(a, b, what);
				}
				named += a->manufacturer[0] != '\0';
				n++;
				cs_obs_list_free(&obs);
			}
	}
	print_message("# %zu example observations, %zu with a maker: "
		      "identical\n",
		      n, named);
	assert_true(n > 500);
	assert_true(named > 100);
	free(a);
	free(b);
	cs_fpctx_free(c1);
	cs_fpctx_free(c2);
	cs_fpctx_free(c3);
}

/* Whether the items refs (n) are the rows of id, string by string. */
static bool
refs_are_rows(const struct cs_identity *id, const struct cs_evref *ref,
	      size_t n)
{
	if (n != id->nev)
		return false;
	for (size_t i = 0; i < n; i++) {
		const struct cs_evidence *e = &id->ev[i];
		const struct cs_evref *r = &ref[i];
		const struct {
			const char *row, *s;
			size_t n;
		} str[] = {{e->field, r->field, r->nfield},
			   {e->claim, r->claim, r->nclaim},
			   {e->value, r->value, r->nvalue},
			   {e->rule, r->rule, r->nrule},
			   {e->obs_key, r->obs_key, r->nobs_key}};

		for (size_t k = 0; k < sizeof(str) / sizeof(str[0]); k++)
			if (strlen(str[k].row) != str[k].n ||
			    memcmp(str[k].row, str[k].s, str[k].n) != 0)
				return false;
		if (e->port != r->port || e->weight != r->weight)
			return false;
	}
	return true;
}

/*
 * obs identified by c1 (rows) and c2 (items): the items must be the rows,
 * the rest of the identity the same; returns the items' count.
 */
static size_t
refs_check(struct cs_fpctx *c1, struct cs_fpctx *c2,
	   const struct cs_obs_list *obs, struct cs_identity *a,
	   struct cs_identity *b, const char *what)
{
	const struct cs_evref *ref;
	size_t nref;

	cs_fp_identify_ctx(c1, obs, a);
	cs_fp_collect(c2, obs);
	cs_fp_identify_refs(c2, b, &ref, &nref);
	if (!refs_are_rows(a, ref, nref))
		fail_msg("%s (%zu observations): the items are not the rows",
			 what, obs->n);
	assert_int_equal(b->nev, 0);
	b->nev = a->nev; /* the rest: as the rows' identity */
	memcpy(b->ev, a->ev, a->nev * sizeof(a->ev[0]));
	if (memcmp(a, b, sizeof(*a)) != 0)
		fail_msg("%s (%zu observations): not the same identity", what,
			 obs->n);
	memset(b->ev, 0, a->nev * sizeof(a->ev[0]));
	return nref;
}

/*
 * cs_fp_identify_refs (identify's output is written from its items) gives
 * the identity cs_fp_identify_collected gives, its items the rows, on
 * every example of every rule, alone and in groups of 2-6 (one context
 * throughout, so that an item kept from the identity before would
 * show), with both engines.
 */
static void
test_refs_are_rows(void **state)
{
	struct cs_fpdb *dbs[2] = {db, pre};
	struct cs_identity *a = malloc(sizeof(*a)), *b = malloc(sizeof(*b));
	size_t n = 0, items = 0;

	(void)state;
	assert_non_null(a);
	assert_non_null(b);
	for (size_t d = 0; d < 2; d++) {
		struct cs_fpctx *c1 = cs_fpctx_new(dbs[d]);
		struct cs_fpctx *c2 = cs_fpctx_new(dbs[d]);
		struct cs_obs_list g;
		size_t gsz = 2;

		cs_obs_list_init(&g);
		assert_non_null(c1);
		assert_non_null(c2);
		for (size_t i = 0; i < dbs[d]->nrules; i++) {
			const struct fp_rule *r = &dbs[d]->rules[i];

			for (size_t e = 0; e < r->nex; e++)
				for (size_t k = 0; k < r->nkeys; k++) {
					struct cs_obs_list obs;
					uint16_t port =
					    r->nports ? r->ports[0] : 0;

					cs_obs_list_init(&obs);
					(void)cs_obs_add(&obs, r->keys[k], port,
							 0, r->ex[e].p,
							 r->ex[e].n);
					items += refs_check(c1, c2, &obs, a, b,
							    r->id);
					n++;
					/* and in groups of 2-6 */
					(void)cs_obs_add(&g, r->keys[k], port,
							 0, r->ex[e].p,
							 r->ex[e].n);
					if (g.n == gsz) {
						items += refs_check(
						    c1, c2, &g, a, b, r->id);
						n++;
						cs_obs_list_free(&g);
						gsz = gsz == 6 ? 2 : gsz + 1;
					}
					cs_obs_list_free(&obs);
				}
		}
		cs_obs_list_free(&g);
		cs_fpctx_free(c1);
		cs_fpctx_free(c2);
	}
	/* identify writes a rule's id and the key it read without the JSON
	 * escaper (struct cs_evref's plain): the loader takes none that
	 * needs it */
	for (size_t i = 0; i < db->nrules; i++) {
		struct cs_buf j;
		size_t idn = strlen(db->rules[i].id);

		cs_buf_init(&j, 1024);
		assert_int_equal(cs_esc_json(&j, db->rules[i].id, idn), 0);
		assert_int_equal(j.len, idn + 2);
		assert_memory_equal(j.p + 1, db->rules[i].id, idn);
		/* ... nor the key of an observation a rule read */
		for (size_t k = 0; k < db->rules[i].nkeys; k++) {
			const char *key = db->rules[i].keys[k];
			size_t kn = strlen(key);

			cs_buf_reset(&j);
			assert_int_equal(cs_esc_json(&j, key, kn), 0);
			assert_int_equal(j.len, kn + 2);
			assert_memory_equal(j.p + 1, key, kn);
		}
		cs_buf_free(&j);
	}
	print_message("# %zu example observations, %zu items: the rows\n", n,
		      items);
	assert_true(n > 1000);
	assert_true(items > n);
	free(a);
	free(b);
}

static void
no_op_identity(void *arg, const struct cs_ident_val *v,
	       const struct cs_obs_list *obs, const struct cs_identity *id)
{
	(void)arg;
	(void)v;
	(void)obs;
	(void)id;
}

/* memo: with identify's memo of decoded messages (src/ident/memo.h) */
static char *run_identify_cb(struct cs_fpdb *d, const char *path, bool memo,
			     size_t *len, bool rows);

static char *
run_identify(struct cs_fpdb *d, const char *path, bool memo, size_t *len)
{
	return run_identify_cb(d, path, memo, len, false);
}

/*
 * rows: with a callback (on_identity), which makes identify build the
 * evidence rows and write its output from them (and from their memo).
 */
static char *
run_identify_cb(struct cs_fpdb *d, const char *path, bool memo, size_t *len,
		bool rows)
{
	FILE *in = fopen(path, "rb"), *out, *err = fopen("/dev/null", "w");
	struct cs_ident_opts o;
	char *buf = NULL;

	assert_non_null(in);
	assert_non_null(err);
	out = open_memstream(&buf, len);
	assert_non_null(out);
	memset(&o, 0, sizeof(o));
	o.no_memo = !memo;
	if (rows)
		o.on_identity = no_op_identity;
	assert_int_equal(cs_ident_run(d, in, out, err, &o, NULL), 0);
	fclose(out);
	fclose(in);
	fclose(err);
	return buf;
}

static void
test_field_corpus_same(void **state)
{
	static const char *files[] = {"corpus-a.jsonl", "corpus-b.jsonl"};

	(void)state;
	for (size_t i = 0; i < 2; i++) {
		char path[4096];
		size_t n1, n2, n3, lines = 0;
		char *o1, *o2, *o3;

		snprintf(path, sizeof(path), "%s/bench/field/%s", srcdir(),
			 files[i]);
		/* the old path (PCRE2, every message decoded) against the
		 * prefilter with and without the memo */
		o1 = run_identify(db, path, false, &n1);
		o2 = run_identify(pre, path, true, &n2);
		o3 = run_identify(pre, path, false, &n3);
		for (size_t j = 0; j < n1; j++)
			lines += o1[j] == '\n';
		print_message("# %s: %zu identities, %zu bytes\n", files[i],
			      lines, n1);
		assert_true(lines >= 250);
		assert_true(n1 == n2 && memcmp(o1, o2, n1) == 0);
		assert_true(n1 == n3 && memcmp(o1, o3, n1) == 0);
		free(o1);
		free(o2);
		free(o3);
	}
}

/*
 * identify's output written from the items (cs_fp_identify_refs) is the
 * output written from the rows, on the whole field corpus.
 */
static void
test_field_corpus_rows(void **state)
{
	static const char *files[] = {"corpus-a.jsonl", "corpus-b.jsonl",
				      "corpus-c.jsonl", "corpus-d.jsonl"};

	(void)state;
	for (size_t i = 0; i < 4; i++) {
		char path[4096];
		size_t n1, n2;
		char *o1, *o2;

		snprintf(path, sizeof(path), "%s/bench/field/%s", srcdir(),
			 files[i]);
		o1 = run_identify_cb(pre, path, true, &n1, true);
		o2 = run_identify_cb(pre, path, true, &n2, false);
		assert_true(n1 > 1000);
		assert_true(n1 == n2 && memcmp(o1, o2, n1) == 0);
		free(o1);
		free(o2);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_literal_table),
	    cmocka_unit_test(test_literals_in_examples),
	    cmocka_unit_test(test_prefilter_built),
	    cmocka_unit_test(test_examples_same),
	    cmocka_unit_test(test_field_corpus_same),
	    cmocka_unit_test(test_refs_are_rows),
	    cmocka_unit_test(test_field_corpus_rows),
	};

	return cmocka_run_group_tests(tests, setup_both, teardown_both);
}
