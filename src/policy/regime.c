/* SPDX-License-Identifier: ISC */
/* Regime files: parser and loader (see regime.h, docs/policy.md). */
#include "policy/regime.h"

#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"
#include "core/str.h"
#include "policy/estate.h"
#include "policy/lex.h"
#include "store/store.h"
#include "core/poison.h"

static const struct {
	const char *word;
	unsigned bit;
} whens[] = {
    {"covered", CS_WHEN_COVERED},
    {"sensitive", CS_WHEN_SENSITIVE},
    {"nonsensitive", CS_WHEN_NONSENSITIVE},
    {"core", CS_WHEN_CORE},
    {"surveillance", CS_WHEN_SURVEILLANCE},
    {"unknown-make", CS_WHEN_UNKNOWN_MAKE},
    {"new", CS_WHEN_NEW},
};

static const char *const actions[] = {
    "cease-deployment", "remove-replace",     "disconnect",
    "review",           "deployed-in-breach", "identify",
};

uint32_t
cs_regime_video_classes(void)
{
	uint32_t m = 0;

	for (int c = 0; c < CS_CLASS_COUNT; c++)
		if (cs_class_is_video((enum cs_class)c))
			m |= 1u << c;
	return m;
}

int
cs_regime_classes_parse(const char *s, uint32_t *out, char *bad, size_t badsz)
{
	char w[32];
	size_t n = 0;

	*out = 0;
	for (const char *p = s;; p++) {
		if (*p == ',' || *p == '\0') {
			enum cs_class c;

			w[n] = '\0';
			if (strcmp(w, "any") == 0)
				*out |= CS_CLASSES_ANY;
			else if (strcmp(w, "video") == 0)
				*out |= cs_regime_video_classes();
			else if (cs_class_parse(w, &c) == 0 &&
				 c != CS_CLASS_UNKNOWN)
				*out |= 1u << c;
			else {
				cs_strlcpy(bad, w, badsz);
				return CS_EINVAL;
			}
			n = 0;
			if (*p == '\0')
				break;
			continue;
		}
		if (n + 1 >= sizeof(w)) {
			cs_strlcpy(bad, s, badsz);
			return CS_EINVAL;
		}
		w[n++] = *p;
	}
	return 0;
}

void
cs_regime_classes_str(uint32_t mask, char *out, size_t osz)
{
	size_t l = 0;

	if (osz == 0)
		return;
	out[0] = '\0';
	if (mask == CS_CLASSES_ANY) {
		cs_strlcpy(out, "any", osz);
		return;
	}
	for (int c = 1; c < CS_CLASS_COUNT; c++) {
		if (!(mask & (1u << c)))
			continue;
		l += (size_t)snprintf(out + l, l < osz ? osz - l : 0, "%s%s",
				      l ? "," : "",
				      cs_class_name((enum cs_class)c));
		if (l >= osz)
			return;
	}
}

/* Reads classes= of a regime or entity line into *mask. */
static bool
classes_ok(struct cs_lex_errs *k, unsigned line, const char *v, uint32_t *mask)
{
	char bad[32];

	if (cs_regime_classes_parse(v, mask, bad, sizeof(bad)) != 0) {
		cs_lex_error(k, line,
			     "unknown class '%s' in classes= (any, video, "
			     "camera, nvr, dvr, encoder, decoder, intercom, "
			     "access-control, alarm-panel, switch, router, "
			     "storage, vms-software, radio, printer, other)",
			     bad);
		return false;
	}
	return true;
}

void
cs_regime_set_init(struct cs_regime_set *set)
{
	set->r = NULL;
	set->n = 0;
}

void
cs_regime_set_free(struct cs_regime_set *set)
{
	free(set->r);
	set->r = NULL;
	set->n = 0;
}

const struct cs_regime *
cs_regime_find(const struct cs_regime_set *set, const char *id)
{
	for (size_t i = 0; i < set->n; i++)
		if (strcmp(set->r[i].id, id) == 0)
			return &set->r[i];
	return NULL;
}

static bool
rid_valid(const char *s)
{
	size_t n = strlen(s);

	if (n == 0 || n >= 48)
		return false;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
		      c == '-' || c == '_' || c == '.'))
			return false;
	}
	return true;
}

/* Copies val into dst[dsz]; reports it when too long. */
static bool
put(struct cs_lex_errs *k, unsigned line, const char *what, char *dst,
    size_t dsz, const char *val)
{
	if (cs_strlcpy(dst, val, dsz) >= dsz) {
		cs_lex_error(k, line, "%s longer than %zu bytes", what,
			     dsz - 1);
		return false;
	}
	return true;
}

static bool
date_ok(struct cs_lex_errs *k, unsigned line, const char *what, const char *v)
{
	if (!cs_policy_date_valid(v)) {
		cs_lex_error(k, line, "%s '%s' is not a YYYY-MM-DD date", what,
			     v);
		return false;
	}
	return true;
}

static bool
unused(struct cs_lex_errs *k, unsigned line, const struct cs_lex_line *l,
       const bool *seen, size_t npos)
{
	for (size_t i = 1; i < l->n; i++)
		if (!seen[i] && !(i < npos && l->tok[i].key[0] == '\0')) {
			cs_lex_error(k, line, "unexpected '%s%s%s' on %s line",
				     l->tok[i].key, l->tok[i].key[0] ? "=" : "",
				     l->tok[i].val, l->tok[0].val);
			return false;
		}
	return true;
}

static void
do_obligation(struct cs_regime *r, const struct cs_lex_line *l,
	      struct cs_lex_errs *k, unsigned line)
{
	bool seen[CS_LEX_MAX_TOK] = {false};
	const char *action = cs_policy_lex_get(l, "action", seen);
	const char *when = cs_policy_lex_get(l, "when", seen);
	const char *text = cs_policy_lex_get(l, "text", seen);
	const char *eff = cs_policy_lex_get(l, "effective", seen);
	const char *dl = cs_policy_lex_get(l, "deadline", seen);
	const char *cit = cs_policy_lex_get(l, "citation", seen);
	const char *url = cs_policy_lex_get(l, "url", seen);
	const char *maxs = cs_policy_lex_get(l, "max-severity", seen);
	struct cs_obligation o;
	bool ok = false;

	memset(&o, 0, sizeof(o));
	o.max_severity = -1;
	o.line = line;
	if (l->n < 2 || l->tok[1].key[0] != '\0' || !rid_valid(l->tok[1].val)) {
		cs_lex_error(k, line, "obligation needs an id ([a-z0-9._-])");
		return;
	}
	cs_strlcpy(o.id, l->tok[1].val, sizeof(o.id));
	for (size_t i = 0; i < r->nobl; i++)
		if (strcmp(r->obl[i].id, o.id) == 0) {
			cs_lex_error(k, line, "duplicate obligation '%s'",
				     o.id);
			return;
		}
	if (action == NULL) {
		cs_lex_error(k, line, "obligation %s needs action=", o.id);
		return;
	}
	for (size_t i = 0; i < CS_NELEM(actions); i++)
		ok |= strcmp(action, actions[i]) == 0;
	if (!ok) {
		cs_lex_error(k, line, "unknown action '%s'", action);
		return;
	}
	cs_strlcpy(o.action, action, sizeof(o.action));
	if (when == NULL) {
		cs_lex_error(k, line, "obligation %s needs when=", o.id);
		return;
	}
	{
		char w[64];
		size_t n = 0;
		for (const char *p = when;; p++) {
			if (*p == ',' || *p == '\0') {
				bool hit = false;
				w[n] = '\0';
				for (size_t i = 0; i < CS_NELEM(whens); i++)
					if (strcmp(w, whens[i].word) == 0) {
						o.when |= whens[i].bit;
						hit = true;
					}
				if (!hit) {
					cs_lex_error(
					    k, line,
					    "unknown condition '%s' in when=",
					    w);
					return;
				}
				n = 0;
				if (*p == '\0')
					break;
				continue;
			}
			if (n + 1 >= sizeof(w)) {
				cs_lex_error(k, line, "condition too long");
				return;
			}
			w[n++] = *p;
		}
	}
	if ((o.when & CS_WHEN_SENSITIVE) && (o.when & CS_WHEN_NONSENSITIVE)) {
		cs_lex_error(k, line,
			     "sensitive and nonsensitive exclude each other");
		return;
	}
	if (maxs != NULL) {
		enum cs_severity sv;
		if (cs_severity_parse(maxs, &sv) != 0) {
			cs_lex_error(k, line, "unknown severity '%s'", maxs);
			return;
		}
		o.max_severity = (int)sv;
	}
	if ((text && !put(k, line, "text", o.text, sizeof(o.text), text)) ||
	    (eff && (!date_ok(k, line, "effective", eff) ||
		     !put(k, line, "effective", o.effective,
			  sizeof(o.effective), eff))) ||
	    (dl &&
	     (!date_ok(k, line, "deadline", dl) ||
	      !put(k, line, "deadline", o.deadline, sizeof(o.deadline), dl))) ||
	    (cit &&
	     !put(k, line, "citation", o.citation, sizeof(o.citation), cit)) ||
	    (url && !put(k, line, "url", o.url, sizeof(o.url), url)))
		return;
	if (!unused(k, line, l, seen, 2))
		return;
	if (r->nobl >= CS_REGIME_MAX_OBLIGATIONS) {
		cs_lex_error(k, line, "more than %d obligations",
			     CS_REGIME_MAX_OBLIGATIONS);
		return;
	}
	r->obl[r->nobl++] = o;
}

static void
do_entity(struct cs_regime *r, const struct cs_lex_line *l,
	  struct cs_lex_errs *k, unsigned line)
{
	bool seen[CS_LEX_MAX_TOK] = {false};
	const char *since = cs_policy_lex_get(l, "since", seen);
	const char *legal = cs_policy_lex_get(l, "legal", seen);
	const char *cls = cs_policy_lex_get(l, "classes", seen);
	struct cs_regime_entity e;

	memset(&e, 0, sizeof(e));
	e.line = line;
	if (l->n < 2 || l->tok[1].key[0] != '\0' || l->tok[1].val[0] == '\0') {
		cs_lex_error(k, line, "entity needs a \"name\"");
		return;
	}
	if (!put(k, line, "entity name", e.name, sizeof(e.name),
		 l->tok[1].val) ||
	    (legal &&
	     !put(k, line, "legal", e.legal, sizeof(e.legal), legal)) ||
	    (since &&
	     (!date_ok(k, line, "since", since) ||
	      !put(k, line, "since", e.since, sizeof(e.since), since))) ||
	    (cls && !classes_ok(k, line, cls, &e.classes)))
		return;
	if (!unused(k, line, l, seen, 2))
		return;
	if (r->nent >= CS_REGIME_MAX_ENTITIES) {
		cs_lex_error(k, line, "more than %d entities",
			     CS_REGIME_MAX_ENTITIES);
		return;
	}
	r->ent[r->nent++] = e;
}

static void
do_header(struct cs_regime *r, const struct cs_lex_line *l,
	  struct cs_lex_errs *k, unsigned line, const char *file)
{
	bool seen[CS_LEX_MAX_TOK] = {false};
	const char *ver = cs_policy_lex_get(l, "version", seen);
	const char *title = cs_policy_lex_get(l, "title", seen);
	const char *jur = cs_policy_lex_get(l, "jurisdiction", seen);
	const char *eff = cs_policy_lex_get(l, "effective", seen);
	const char *cit = cs_policy_lex_get(l, "citation", seen);
	const char *url = cs_policy_lex_get(l, "url", seen);
	const char *test = cs_policy_lex_get(l, "test", seen);
	const char *aff = cs_policy_lex_get(l, "affiliates", seen);
	const char *cls = cs_policy_lex_get(l, "classes", seen);

	memset(r, 0, sizeof(*r));
	cs_strlcpy(r->file, file, sizeof(r->file));
	if (l->n < 2 || l->tok[1].key[0] != '\0' || !rid_valid(l->tok[1].val)) {
		cs_lex_error(k, line,
			     "regime needs an id ([a-z0-9._-], < 48 bytes)");
		return;
	}
	cs_strlcpy(r->id, l->tok[1].val, sizeof(r->id));
	if (ver == NULL || eff == NULL || cit == NULL || test == NULL) {
		cs_lex_error(
		    k, line,
		    "regime %s needs version=, effective=, citation= and "
		    "test=",
		    r->id);
		return;
	}
	if (strcmp(test, "prc") == 0)
		r->test = CS_TEST_PRC;
	else if (strcmp(test, "entities") == 0)
		r->test = CS_TEST_ENTITIES;
	else if (strcmp(test, "none") == 0)
		r->test = CS_TEST_NONE;
	else {
		cs_lex_error(k, line, "unknown test '%s' (prc, entities, none)",
			     test);
		return;
	}
	if (aff != NULL) {
		if (strcmp(aff, "yes") == 0)
			r->affiliates = true;
		else if (strcmp(aff, "no") != 0) {
			cs_lex_error(k, line, "affiliates must be yes or no");
			return;
		}
	} else {
		r->affiliates = true;
	}
	r->classes = cs_regime_video_classes();
	if (cls != NULL && !classes_ok(k, line, cls, &r->classes))
		return;
	if (!put(k, line, "version", r->version, sizeof(r->version), ver) ||
	    !date_ok(k, line, "effective", eff) ||
	    !put(k, line, "effective", r->effective, sizeof(r->effective),
		 eff) ||
	    !put(k, line, "citation", r->citation, sizeof(r->citation), cit) ||
	    (title &&
	     !put(k, line, "title", r->title, sizeof(r->title), title)) ||
	    (jur && !put(k, line, "jurisdiction", r->jurisdiction,
			 sizeof(r->jurisdiction), jur)) ||
	    (url && !put(k, line, "url", r->url, sizeof(r->url), url)))
		return;
	unused(k, line, l, seen, 2);
}

int
cs_regime_parse(struct cs_regime_set *set, const char *name, const uint8_t *p,
		size_t n, char *err, size_t errsz)
{
	struct cs_lex_errs k = {name != NULL ? name : "regime", err, errsz, 0,
				0};
	struct cs_lex_line *l;
	struct cs_regime *cur = NULL, *tmp = NULL;
	size_t ntmp = 0;
	struct cs_lines lines;
	struct cs_span ln;
	unsigned line = 0;
	char msg[200];

	if (err != NULL && errsz > 0)
		err[0] = '\0';
	if (n > CS_REGIME_MAX_BYTES) {
		cs_lex_error(&k, 0, "file larger than %u bytes",
			     CS_REGIME_MAX_BYTES);
		return CS_EINVAL;
	}
	l = cs_xmalloc(sizeof(*l));
	cs_lines_init(&lines, p, n);
	while (cs_lines_next(&lines, &ln)) {
		line = lines.line;
		if (cs_policy_lex_line(ln, l, msg, sizeof(msg)) != 0) {
			cs_lex_error(&k, line, "%s", msg);
			continue;
		}
		if (l->n == 0)
			continue;
		if (strcmp(l->tok[0].val, "regime") == 0) {
			if (set->n + ntmp >= CS_REGIME_MAX) {
				cs_lex_error(&k, line, "more than %d regimes",
					     CS_REGIME_MAX);
				break;
			}
			tmp = cs_xrealloc(tmp, ntmp + 1, sizeof(*tmp));
			cur = &tmp[ntmp++];
			do_header(cur, l, &k, line, name != NULL ? name : "");
			if (cur->id[0] != '\0') {
				bool dup = cs_regime_find(set, cur->id) != NULL;
				for (size_t i = 0; i + 1 < ntmp; i++)
					dup |= strcmp(tmp[i].id, cur->id) == 0;
				if (dup)
					cs_lex_error(&k, line,
						     "regime '%s' is already "
						     "loaded",
						     cur->id);
			}
		} else if (cur == NULL) {
			cs_lex_error(&k, line, "'%s' before any regime line",
				     l->tok[0].val);
		} else if (strcmp(l->tok[0].val, "entity") == 0) {
			do_entity(cur, l, &k, line);
		} else if (strcmp(l->tok[0].val, "obligation") == 0) {
			do_obligation(cur, l, &k, line);
		} else {
			cs_lex_error(
			    &k, line,
			    "unknown keyword '%s' (regime, entity, obligation)",
			    l->tok[0].val);
		}
	}
	free(l);
	for (size_t i = 0; i < ntmp && k.count == 0; i++) {
		if (tmp[i].nobl == 0)
			cs_lex_error(&k, line, "regime '%s' has no obligation",
				     tmp[i].id);
		if (tmp[i].test == CS_TEST_ENTITIES && tmp[i].nent == 0)
			cs_lex_error(&k, line,
				     "regime '%s' (test=entities) lists no "
				     "entity",
				     tmp[i].id);
	}
	if (ntmp == 0 && k.count == 0)
		cs_lex_error(&k, line, "no regime line");
	if (k.count > 0) {
		free(tmp);
		return CS_EINVAL;
	}
	set->r = cs_xrealloc(set->r, set->n + ntmp, sizeof(*set->r));
	memcpy(set->r + set->n, tmp, ntmp * sizeof(*tmp));
	set->n += ntmp;
	free(tmp);
	return 0;
}

int
cs_regime_load_file(struct cs_regime_set *set, const char *path, char *err,
		    size_t errsz)
{
	size_t n;
	uint8_t *p =
	    cs_policy_read_file(path, CS_REGIME_MAX_BYTES, &n, err, errsz);
	int rc;

	if (p == NULL)
		return CS_EIO;
	rc = cs_regime_parse(set, path, p, n, err, errsz);
	free(p);
	return rc;
}

static int
name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int
cs_regime_load_dir(struct cs_regime_set *set, const char *dir, char *err,
		   size_t errsz)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	char **names = NULL;
	size_t n = 0;
	int rc = 0;

	if (d == NULL) {
		snprintf(err, errsz, "%s: %s", dir, strerror(errno));
		return CS_EIO;
	}
	while ((de = readdir(d)) != NULL && n < 256) {
		size_t l = strlen(de->d_name);
		if (l > 7 && strcmp(de->d_name + l - 7, ".regime") == 0) {
			names = cs_xrealloc(names, n + 1, sizeof(*names));
			names[n++] = cs_xstrdup(de->d_name);
		}
	}
	closedir(d);
	if (n > 0)
		qsort(names, n, sizeof(*names), name_cmp);
	for (size_t i = 0; i < n; i++) {
		char path[4096];
		if (rc == 0) {
			snprintf(path, sizeof(path), "%s/%s", dir, names[i]);
			rc = cs_regime_load_file(set, path, err, errsz);
		}
		free(names[i]);
	}
	free(names);
	return rc;
}
