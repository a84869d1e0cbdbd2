/* SPDX-License-Identifier: ISC */
/* Regime files: parser and loader (see regime.h, docs/policy.md). */
#include "policy/regime.h"

#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/alloc.h"
#include "core/str.h"
#include "core/text.h"
#include "policy/estate.h"
#include "policy/eval.h"
#include "policy/lex.h"
#include "store/store.h"
#include "core/poison.h"

static const struct cs_lex_word whens[] = {
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
    "patch-or-remove",  "decommission",       "harden",
};

const char *const cs_exposure_signals[] = {
    "kev",
    "eos",
    "unactivated",
    "cloud",
    "rtsp-open",
    "basic-cleartext",
    "telnet",
    "ftp",
    "onvif-open",
    "no-https",
    "cert-self-signed",
    "cert-expired",
    "cert-weak-key",
    NULL,
};

bool
cs_exposure_signal_valid(const char *s)
{
	for (size_t i = 0; cs_exposure_signals[i] != NULL; i++)
		if (strcmp(s, cs_exposure_signals[i]) == 0)
			return true;
	return false;
}

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
	const char *sig = cs_policy_lex_get(l, "signal", seen);
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
	if ((sig != NULL) != (r->test == CS_TEST_EXPOSURE)) {
		cs_lex_error(k, line,
			     sig != NULL
				 ? "signal= is for test=exposure regimes"
				 : "obligation %s of a test=exposure "
				   "regime needs signal=",
			     o.id);
		return;
	}
	if (sig != NULL) {
		if (!cs_exposure_signal_valid(sig)) {
			cs_lex_error(k, line, "unknown signal '%s'", sig);
			return;
		}
		cs_strlcpy(o.signal, sig, sizeof(o.signal));
	}
	if (when == NULL && sig == NULL) {
		cs_lex_error(k, line, "obligation %s needs when=", o.id);
		return;
	}
	if (when != NULL) {
		char w[64];
		unsigned bits = 0;
		int rc =
		    cs_policy_lex_words(when, whens, CS_NELEM(whens), 0,
					sizeof(w) - 1, &bits, w, sizeof(w));
		if (rc == CS_ENOTFOUND) {
			cs_lex_error(k, line,
				     "unknown condition '%s' in when=", w);
			return;
		}
		if (rc != 0) {
			cs_lex_error(k, line, "condition too long");
			return;
		}
		o.when |= bits;
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

/* Reads expect= ("none", or "ID:SEVERITY,...") into x. */
static bool
expect_ok(struct cs_lex_errs *k, unsigned line, const char *v,
	  struct cs_regime_example *x)
{
	const char *p = v;

	if (strcmp(v, "none") == 0)
		return true;
	while (*p != '\0') {
		size_t n = strcspn(p, ",");
		const char *colon = memchr(p, ':', n);
		char sev[16];
		enum cs_severity sv;
		struct cs_regime_expect *e;

		if (x->nexp >= CS_REGIME_MAX_EXPECT) {
			cs_lex_error(k, line,
				     "more than %d findings in expect=",
				     CS_REGIME_MAX_EXPECT);
			return false;
		}
		e = &x->exp[x->nexp];
		if (colon == NULL || colon == p ||
		    (size_t)(colon - p) >= sizeof(e->obl) ||
		    n - (size_t)(colon - p) - 1 >= sizeof(sev)) {
			cs_lex_error(k, line,
				     "expect= needs OBLIGATION:SEVERITY,... or "
				     "none, not '%.*s'",
				     (int)n, p);
			return false;
		}
		memcpy(e->obl, p, (size_t)(colon - p));
		e->obl[colon - p] = '\0';
		memcpy(sev, colon + 1, n - (size_t)(colon - p) - 1);
		sev[n - (size_t)(colon - p) - 1] = '\0';
		if (cs_severity_parse(sev, &sv) != 0) {
			cs_lex_error(k, line,
				     "unknown severity '%s' in expect=", sev);
			return false;
		}
		e->severity = (int)sv;
		for (size_t i = 0; i < x->nexp; i++)
			if (strcmp(x->exp[i].obl, e->obl) == 0) {
				cs_lex_error(
				    k, line,
				    "obligation '%s' twice in expect=", e->obl);
				return false;
			}
		x->nexp++;
		p += n;
		if (*p == ',') {
			p++;
			if (*p == '\0') {
				cs_lex_error(k, line, "expect= ends with ','");
				return false;
			}
		}
	}
	return true;
}

/*
 * example maker="M" [brand="B"] [country=CC] [class=C] [surveillance=yes|no|
 * unknown] [site=sensitive|nonsensitive [zone=core|cctv|other]]
 * [reach=core] [new=yes] [as-of=DATE] expect=ID:SEV,...|none
 */
static void
do_example(struct cs_regime *r, const struct cs_lex_line *l,
	   struct cs_lex_errs *k, unsigned line)
{
	bool seen[CS_LEX_MAX_TOK] = {false};
	const char *maker = cs_policy_lex_get(l, "maker", seen);
	const char *brand = cs_policy_lex_get(l, "brand", seen);
	const char *country = cs_policy_lex_get(l, "country", seen);
	const char *cls = cs_policy_lex_get(l, "class", seen);
	const char *surv = cs_policy_lex_get(l, "surveillance", seen);
	const char *site = cs_policy_lex_get(l, "site", seen);
	const char *zone = cs_policy_lex_get(l, "zone", seen);
	const char *reach = cs_policy_lex_get(l, "reach", seen);
	const char *isnew = cs_policy_lex_get(l, "new", seen);
	const char *asof = cs_policy_lex_get(l, "as-of", seen);
	const char *expect = cs_policy_lex_get(l, "expect", seen);
	const char *sigs = cs_policy_lex_get(l, "signals", seen);
	struct cs_regime_example *x;

	if (r->nex >= CS_REGIME_MAX_EXAMPLES) {
		cs_lex_error(k, line, "more than %d examples",
			     CS_REGIME_MAX_EXAMPLES);
		return;
	}
	x = &r->ex[r->nex];
	memset(x, 0, sizeof(*x));
	x->line = line;
	x->device_class = CS_CLASS_UNKNOWN;
	if (expect == NULL) {
		cs_lex_error(k, line,
			     "example needs expect= (findings or none)");
		return;
	}
	if ((maker &&
	     !put(k, line, "maker", x->maker, sizeof(x->maker), maker)) ||
	    (brand &&
	     !put(k, line, "brand", x->brand, sizeof(x->brand), brand)) ||
	    (country && !put(k, line, "country", x->country, sizeof(x->country),
			     country)) ||
	    (asof &&
	     (!date_ok(k, line, "as-of", asof) ||
	      !put(k, line, "as-of", x->as_of, sizeof(x->as_of), asof))))
		return;
	if (sigs != NULL) {
		char w[256], *save = NULL;
		if (r->test != CS_TEST_EXPOSURE) {
			cs_lex_error(k, line,
				     "signals= is for test=exposure regimes");
			return;
		}
		if (!put(k, line, "signals", x->signals, sizeof(x->signals),
			 sigs))
			return;
		cs_strlcpy(w, sigs, sizeof(w));
		for (char *t = strtok_r(w, ",", &save); t != NULL;
		     t = strtok_r(NULL, ",", &save))
			if (!cs_exposure_signal_valid(t)) {
				cs_lex_error(k, line, "unknown signal '%s'", t);
				return;
			}
	}
	if (cls != NULL) {
		enum cs_class c;
		if (cs_class_parse(cls, &c) != 0) {
			cs_lex_error(k, line, "unknown class '%s'", cls);
			return;
		}
		x->device_class = (int)c;
	}
	/* By default a device of a video class is surveillance equipment,
	 * one of another class is not, and one of no class is not known. */
	if (surv == NULL)
		x->surveillance =
		    x->device_class == CS_CLASS_UNKNOWN
			? -1
			: cs_class_is_video((enum cs_class)x->device_class);
	else if (strcmp(surv, "yes") == 0)
		x->surveillance = 1;
	else if (strcmp(surv, "no") == 0)
		x->surveillance = 0;
	else if (strcmp(surv, "unknown") == 0)
		x->surveillance = -1;
	else {
		cs_lex_error(k, line,
			     "surveillance must be yes, no or unknown");
		return;
	}
	if (site == NULL)
		x->site = 0;
	else if (strcmp(site, "sensitive") == 0)
		x->site = 1;
	else if (strcmp(site, "nonsensitive") == 0)
		x->site = 2;
	else {
		cs_lex_error(k, line, "site must be sensitive or nonsensitive");
		return;
	}
	x->zone = x->site ? CS_ZONE_OTHER : CS_ZONE_UNMAPPED;
	if (zone != NULL) {
		if (x->site == 0) {
			cs_lex_error(k, line, "zone= needs site=");
			return;
		}
		/* The estate's zone words (cs_estate_zone_name). */
		x->zone = CS_ZONE_UNMAPPED;
		for (int z = CS_ZONE_CORE; z <= CS_ZONE_OTHER; z++)
			if (strcmp(zone,
				   cs_estate_zone_name((enum cs_zone)z)) == 0)
				x->zone = z;
		if (x->zone == CS_ZONE_UNMAPPED) {
			cs_lex_error(k, line,
				     "zone must be core, cctv or other");
			return;
		}
	}
	if (reach != NULL && strcmp(reach, "core") != 0) {
		cs_lex_error(k, line, "reach must be core");
		return;
	}
	x->reach_core = reach != NULL;
	if (isnew != NULL && strcmp(isnew, "yes") != 0 &&
	    strcmp(isnew, "no") != 0) {
		cs_lex_error(k, line, "new must be yes or no");
		return;
	}
	x->isnew = isnew != NULL && strcmp(isnew, "yes") == 0;
	if (!expect_ok(k, line, expect, x) || !unused(k, line, l, seen, 1))
		return;
	r->nex++;
}

/* True if r has an obligation id (or id is the evaluator's own). */
static bool
has_obligation(const struct cs_regime *r, const char *id)
{
	if (strcmp(id, "confirm-class") == 0)
		return true;
	for (size_t i = 0; i < r->nobl; i++)
		if (strcmp(r->obl[i].id, id) == 0)
			return true;
	return false;
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
	else if (strcmp(test, "exposure") == 0)
		r->test = CS_TEST_EXPOSURE;
	else {
		cs_lex_error(k, line,
			     "unknown test '%s' (prc, entities, none, "
			     "exposure)",
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
		} else if (strcmp(l->tok[0].val, "example") == 0) {
			do_example(cur, l, &k, line);
		} else {
			cs_lex_error(&k, line,
				     "unknown keyword '%s' (regime, entity, "
				     "obligation, example)",
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
		for (size_t j = 0; j < tmp[i].nex; j++)
			for (size_t e = 0; e < tmp[i].ex[j].nexp; e++)
				if (!has_obligation(&tmp[i],
						    tmp[i].ex[j].exp[e].obl))
					cs_lex_error(
					    &k, tmp[i].ex[j].line,
					    "example expects '%s', which is "
					    "no obligation of regime '%s'",
					    tmp[i].ex[j].exp[e].obl, tmp[i].id);
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

/* ---------------------------------------------------------------------- */
/* Inline examples. */

struct ex_got {
	struct cs_regime_expect f[CS_REGIME_MAX_EXPECT];
	size_t n, over; /* over: findings beyond f */
};

static int
ex_cb(void *arg, const struct cs_finding_row *f)
{
	struct ex_got *g = arg;

	if (g->n >= CS_REGIME_MAX_EXPECT) {
		g->over++;
		return 0;
	}
	cs_strlcpy(g->f[g->n].obl, f->obligation, sizeof(g->f[0].obl));
	g->f[g->n].severity = (int)f->severity;
	g->n++;
	return 0;
}

/* Writes findings as "ID:SEV,..." ("none" for none) into out. */
static void
ex_list(const struct cs_regime_expect *f, size_t n, size_t over, char *out,
	size_t osz)
{
	size_t l = 0;

	cs_strlcpy(out, n == 0 ? "none" : "", osz);
	for (size_t i = 0; i < n && l < osz; i++)
		l += (size_t)snprintf(
		    out + l, osz - l, "%s%s:%s", i ? "," : "", f[i].obl,
		    cs_severity_name((enum cs_severity)f[i].severity));
	if (over > 0 && l < osz)
		snprintf(out + l, osz - l, " and %zu more", over);
}

/* True if both lists hold the same findings, in any order. */
static bool
ex_same(const struct cs_regime_example *x, const struct ex_got *g)
{
	if (g->over > 0 || g->n != x->nexp)
		return false;
	for (size_t i = 0; i < x->nexp; i++) {
		bool hit = false;
		for (size_t j = 0; j < g->n && !hit; j++)
			hit = strcmp(x->exp[i].obl, g->f[j].obl) == 0 &&
			      x->exp[i].severity == g->f[j].severity;
		if (!hit)
			return false;
	}
	return true;
}

/* Evaluates example x of r; returns true when it gets what it expects. */
static bool
ex_run(const struct cs_regime *r, const struct cs_regime_example *x,
       const struct cs_fpdb *db, FILE *out)
{
	struct cs_estate_dept dept;
	struct cs_estate_site site;
	struct cs_estate_net net;
	struct cs_estate est;
	struct cs_identity id;
	struct cs_eval_ctx ctx;
	struct cs_eval_device dev;
	struct ex_got got;
	struct cs_exposure *xe = NULL;
	char want[512], have[512];
	int rc;

	/* One department, one site of the example's sensitivity, its
	 * network 10.0.0.0/8 in the example's zone; the device at 10.0.0.1. */
	memset(&dept, 0, sizeof(dept));
	memset(&site, 0, sizeof(site));
	memset(&net, 0, sizeof(net));
	memset(&est, 0, sizeof(est));
	cs_strlcpy(dept.id, "example", sizeof(dept.id));
	cs_strlcpy(site.id, "example", sizeof(site.id));
	cs_strlcpy(site.dept, "example", sizeof(site.dept));
	site.sensitive = x->site == 1;
	net.addr = 0x0a000000u;
	net.prefix = 8;
	cs_strlcpy(net.site, "example", sizeof(net.site));
	net.zone = (enum cs_zone)x->zone;
	est.dept = &dept;
	est.ndept = 1;
	est.site = &site;
	est.nsite = 1;
	est.net = &net;
	est.nnet = x->site != 0;

	memset(&id, 0, sizeof(id));
	cs_strlcpy(id.manufacturer, x->maker, sizeof(id.manufacturer));
	cs_strlcpy(id.manufacturer_country, x->country,
		   sizeof(id.manufacturer_country));
	cs_strlcpy(id.brand, x->brand, sizeof(id.brand));
	id.device_class = (enum cs_class)x->device_class;
	id.surveillance = x->surveillance == 1;
	id.surveillance_known = x->surveillance >= 0;
	id.confidence = 1.0;

	memset(&ctx, 0, sizeof(ctx));
	ctx.db = db;
	ctx.estate = &est;
	cs_strlcpy(ctx.as_of, x->as_of[0] ? x->as_of : r->effective,
		   sizeof(ctx.as_of));

	memset(&dev, 0, sizeof(dev));
	dev.ip = "10.0.0.1";
	dev.mac = "";
	dev.id = &id;
	dev.reach_core = x->reach_core;
	dev.reach_vantage = x->reach_core ? "example" : "";
	dev.new_since_baseline = x->isnew;
	if (x->isnew) { /* first seen at noon on the date assessed */
		struct cs_date d;
		struct tm tm;
		memset(&tm, 0, sizeof(tm));
		if (cs_date_parse(cs_span_make(ctx.as_of, strlen(ctx.as_of)), 0,
				  &d) == 0) {
			tm.tm_year = d.year - 1900;
			tm.tm_mon = d.month - 1;
			tm.tm_mday = d.day;
			tm.tm_hour = 12;
			dev.first_seen = (int64_t)timegm(&tm);
		}
	}

	if (r->test == CS_TEST_EXPOSURE) {
		char w[256], *save = NULL;
		struct cs_exposure *e = xe = calloc(1, sizeof(*e));
		if (e == NULL)
			return false;
		cs_strlcpy(w, x->signals, sizeof(w));
		for (char *t = strtok_r(w, ",", &save);
		     t != NULL && e->n < CS_EXPOSURE_MAX;
		     t = strtok_r(NULL, ",", &save)) {
			cs_strlcpy(e->v[e->n].signal, t,
				   sizeof(e->v[0].signal));
			snprintf(e->v[e->n].evidence, sizeof(e->v[0].evidence),
				 "the example shows %s", t);
			e->n++;
		}
		dev.exposure = e;
	}
	memset(&got, 0, sizeof(got));
	rc = cs_policy_eval_device(&ctx, r, &dev, ex_cb, &got);
	free(xe);
	if (rc >= 0 && ex_same(x, &got))
		return true;
	if (out != NULL) {
		ex_list(x->exp, x->nexp, 0, want, sizeof(want));
		if (rc < 0)
			snprintf(have, sizeof(have), "an error (%d)", rc);
		else
			ex_list(got.f, got.n, got.over, have, sizeof(have));
		fprintf(out, "%s:%u: regime %s: example expects %s, got %s\n",
			r->file, x->line, r->id, want, have);
	}
	return false;
}

/* True if example x expects obligation id. */
static bool
ex_expects(const struct cs_regime_example *x, const char *id)
{
	for (size_t i = 0; i < x->nexp; i++)
		if (strcmp(x->exp[i].obl, id) == 0)
			return true;
	return false;
}

int
cs_regime_check_examples(const struct cs_regime_set *set,
			 const struct cs_fpdb *db, FILE *out)
{
	int fails = 0;

	for (size_t i = 0; i < set->n; i++) {
		const struct cs_regime *r = &set->r[i];

		if (r->nex == 0) {
			if (out != NULL)
				fprintf(out, "%s: regime %s: no example\n",
					r->file, r->id);
			fails++;
			continue;
		}
		for (size_t j = 0; j < r->nex; j++)
			fails += !ex_run(r, &r->ex[j], db, out);
		/* Each obligation: one example that gets it, one that
		 * does not. */
		for (size_t o = 0; o < r->nobl; o++) {
			bool pos = false, neg = false;

			for (size_t j = 0; j < r->nex; j++) {
				if (ex_expects(&r->ex[j], r->obl[o].id))
					pos = true;
				else
					neg = true;
			}
			if (pos && neg)
				continue;
			if (out != NULL)
				fprintf(out,
					"%s:%u: regime %s: obligation %s has "
					"no %s example\n",
					r->file, r->obl[o].line, r->id,
					r->obl[o].id,
					pos ? "negative (one that does not get "
					      "it)"
					    : "positive (one that gets it)");
			fails++;
		}
	}
	return fails;
}
