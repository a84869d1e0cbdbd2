/* SPDX-License-Identifier: ISC */
/* The vulnerability table: loader, matcher and examples; see vuln.h. */
#include "vuln/vuln.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/alloc.h"
#include "core/buf.h"
#include "core/str.h"
#include "core/text.h"
#include "oui/models.h"
#include "core/poison.h"

struct src {
	char tag[32];
	char url[512];
};

struct cs_vulndb {
	struct cs_vuln *v;
	size_t n;
	struct cs_eos *eos;
	size_t neos;
};

/* The state of one file being parsed. */
struct ps {
	const char *name;
	unsigned line;
	char *err;
	size_t errsz;
	struct src fsrc[CS_VULN_MAX_SOURCES]; /* file scope */
	size_t nfsrc;
	struct src vsrc[CS_VULN_MAX_SOURCES]; /* current vuln's scope */
	size_t nvsrc;
	struct cs_vuln *cur; /* NULL outside a vuln block */
	bool have_cvss;
};

static const char *const verdict_names[] = {"none", "unknown", "product",
					    "affected"};

const char *
cs_vuln_verdict_name(enum cs_vuln_verdict v)
{
	return (unsigned)v < 4 ? verdict_names[v] : "none";
}

/* Printable excerpt of a span for error messages. */
static void
printable(char *dst, size_t dsz, struct cs_span s)
{
	size_t o = 0;

	for (size_t i = 0; i < s.n && o + 1 < dsz && i < 40; i++) {
		unsigned char c = s.p[i];

		dst[o++] = (c >= 0x20 && c < 0x7f) ? (char)c : '?';
	}
	dst[o] = '\0';
}

/* "file:line: message" for the line being parsed; returns CS_EINVAL. */
#define perr(ps, ...)                                                          \
	cs_errf((ps)->err, (ps)->errsz, (ps)->name, (ps)->line, __VA_ARGS__)

/* ---- tokens -------------------------------------------------------- */

/* A key=value token; the value unquoted ("..." with \" and \\). */
struct kv {
	char key[16];
	char val[1024];
};

static bool
isspace_(int c)
{
	return c == ' ' || c == '\t';
}

/*
 * Reads the next key=value at *off of line.  Returns 1, 0 at the end (or
 * at "=>", left unread), or CS_EINVAL with the error written.
 */
static int
next_kv(struct ps *ps, struct cs_span line, size_t *off, struct kv *kv)
{
	size_t i = *off, k = 0, o = 0;
	char ex[48];

	while (i < line.n && isspace_(line.p[i]))
		i++;
	*off = i;
	if (i == line.n)
		return 0;
	if (i + 1 < line.n && line.p[i] == '=' && line.p[i + 1] == '>')
		return 0;
	while (i < line.n && k + 1 < sizeof(kv->key) &&
	       ((line.p[i] >= 'a' && line.p[i] <= 'z') || line.p[i] == '-'))
		kv->key[k++] = (char)line.p[i++];
	kv->key[k] = '\0';
	if (k == 0 || i == line.n || line.p[i] != '=') {
		printable(ex, sizeof(ex),
			  (struct cs_span){line.p + *off, line.n - *off});
		return perr(ps, "want key=value at \"%s\"", ex);
	}
	i++;
	if (i < line.n && line.p[i] == '"') {
		i++;
		for (;;) {
			unsigned char c;

			if (i == line.n)
				return perr(ps, "%s: unterminated quote",
					    kv->key);
			c = line.p[i++];
			if (c == '"')
				break;
			if (c == '\\') {
				if (i == line.n ||
				    (line.p[i] != '"' && line.p[i] != '\\'))
					return perr(ps,
						    "%s: only \\\" and \\\\ "
						    "escapes are allowed",
						    kv->key);
				c = line.p[i++];
			}
			if (o + 1 >= sizeof(kv->val))
				return perr(ps, "%s: value too long", kv->key);
			kv->val[o++] = (char)c;
		}
		if (i < line.n && !isspace_(line.p[i]))
			return perr(ps, "%s: text after the closing quote",
				    kv->key);
	} else {
		while (i < line.n && !isspace_(line.p[i])) {
			if (o + 1 >= sizeof(kv->val))
				return perr(ps, "%s: value too long", kv->key);
			kv->val[o++] = (char)line.p[i++];
		}
	}
	kv->val[o] = '\0';
	*off = i;
	return 1;
}

static int
copy_val(struct ps *ps, char *dst, size_t dsz, const struct kv *kv)
{
	if (strlen(kv->val) >= dsz)
		return perr(ps, "%s: value too long", kv->key);
	if (kv->val[0] == '\0')
		return perr(ps, "%s: empty value", kv->key);
	cs_strlcpy(dst, kv->val, dsz);
	return 0;
}

static const struct src *
find_src(const struct ps *ps, const char *tag, size_t n)
{
	for (size_t i = 0; i < ps->nvsrc; i++)
		if (strlen(ps->vsrc[i].tag) == n &&
		    memcmp(ps->vsrc[i].tag, tag, n) == 0)
			return &ps->vsrc[i];
	for (size_t i = 0; i < ps->nfsrc; i++)
		if (strlen(ps->fsrc[i].tag) == n &&
		    memcmp(ps->fsrc[i].tag, tag, n) == 0)
			return &ps->fsrc[i];
	return NULL;
}

/* Resolves "tag,tag" into space-separated URLs in dst. */
static int
resolve_src(struct ps *ps, const char *tags, char *dst, size_t dsz)
{
	const char *p = tags;
	size_t o = 0;

	dst[0] = '\0';
	for (;;) {
		const char *e = strchr(p, ',');
		size_t n = e != NULL ? (size_t)(e - p) : strlen(p);
		const struct src *s;
		char t[32];

		if (n == 0)
			return perr(ps, "src: empty tag in \"%s\"", tags);
		s = find_src(ps, p, n);
		if (s == NULL) {
			cs_span_copy(t, n < sizeof(t) ? n + 1 : sizeof(t),
				     (struct cs_span){(const uint8_t *)p, n});
			return perr(ps, "src: unknown source tag \"%s\"", t);
		}
		if (o + strlen(s->url) + 2 > dsz)
			return perr(ps, "src: %s", "too many sources");
		if (o > 0)
			dst[o++] = ' ';
		o += cs_strlcpy(dst + o, s->url, dsz - o);
		if (e == NULL)
			return 0;
		p = e + 1;
	}
}

/* ---- directives ---------------------------------------------------- */

static bool
valid_tag(const char *t)
{
	size_t n = strlen(t);

	if (n == 0 || n >= 32)
		return false;
	for (size_t i = 0; i < n; i++)
		if (!((t[i] >= 'a' && t[i] <= 'z') ||
		      (t[i] >= '0' && t[i] <= '9') || t[i] == '-'))
			return false;
	return true;
}

static int
d_source(struct ps *ps, struct cs_span rest)
{
	char tag[40], url[600];
	struct src *tab = ps->cur != NULL ? ps->vsrc : ps->fsrc;
	size_t *nt = ps->cur != NULL ? &ps->nvsrc : &ps->nfsrc;
	size_t sp;

	/* "TAG URL", separated by blanks */
	rest = cs_span_trim(rest);
	for (sp = 0; sp < rest.n && !isspace_(rest.p[sp]); sp++)
		;
	if (sp == 0 || sp >= sizeof(tag))
		return perr(ps, "source: want TAG URL%s", "");
	cs_span_copy(tag, sp + 1, rest);
	rest = cs_span_trim((struct cs_span){rest.p + sp, rest.n - sp});
	if (!valid_tag(tag))
		return perr(ps, "source: bad tag \"%s\" (want [a-z0-9-]{1,31})",
			    tag);
	if (rest.n == 0 || rest.n >= sizeof(((struct src *)0)->url))
		return perr(ps, "source %s: want one URL of at most 511 bytes",
			    tag);
	cs_span_copy(url, rest.n + 1, rest);
	if ((strncmp(url, "https://", 8) != 0 &&
	     strncmp(url, "http://", 7) != 0) ||
	    strpbrk(url, " \t\"") != NULL)
		return perr(ps, "source %s: want an http(s) URL without blanks",
			    tag);
	for (size_t i = 0; i < *nt; i++)
		if (strcmp(tab[i].tag, tag) == 0)
			return perr(ps, "source: tag \"%s\" defined twice",
				    tag);
	if (*nt == CS_VULN_MAX_SOURCES)
		return perr(ps, "source: more than %s sources in one scope",
			    "32");
	cs_strlcpy(tab[*nt].tag, tag, sizeof(tab[*nt].tag));
	cs_strlcpy(tab[*nt].url, url, sizeof(tab[*nt].url));
	(*nt)++;
	return 0;
}

static bool
valid_cve(const char *s)
{
	size_t n = strlen(s), i;

	if (n < 13 || n > 16 || strncmp(s, "CVE-", 4) != 0 || s[8] != '-')
		return false;
	for (i = 4; i < n; i++)
		if (i != 8 && (s[i] < '0' || s[i] > '9'))
			return false;
	return true;
}

static int
parse_date(struct ps *ps, const char *what, const char *s, char *dst,
	   uint32_t *ymd)
{
	struct cs_date d;

	if (cs_date_parse((struct cs_span){(const uint8_t *)s, strlen(s)},
			  CS_DATE_CALENDAR, &d) != 0)
		return perr(ps, "%s: want a date YYYY-MM-DD", what);
	if (dst != NULL)
		cs_strlcpy(dst, s, 11);
	if (ymd != NULL)
		*ymd = (uint32_t)(d.year * 10000 + d.month * 100 + d.day);
	return 0;
}

static int
d_cvss(struct ps *ps, struct cs_span rest)
{
	struct cs_vuln *v = ps->cur;
	size_t off = 0, k = 0;
	char score[8];
	struct kv kv;
	char src[256] = "";
	long long whole, frac = 0;
	int r;

	if (ps->have_cvss)
		return perr(ps, "cvss: given twice%s", "");
	while (off < rest.n && isspace_(rest.p[off]))
		off++;
	while (off < rest.n && !isspace_(rest.p[off]) && k + 1 < sizeof(score))
		score[k++] = (char)rest.p[off++];
	score[k] = '\0';
	{
		char *dot = strchr(score, '.');

		if (dot != NULL) {
			*dot = '\0';
			if (strlen(dot + 1) != 1 ||
			    cs_str_tonum(dot + 1, 0, 9, &frac) != 0)
				return perr(ps,
					    "cvss: want a score 0.0-10.0 "
					    "with one decimal%s",
					    "");
		}
		if (cs_str_tonum(score, 0, 10, &whole) != 0 ||
		    (whole == 10 && frac > 0))
			return perr(ps,
				    "cvss: want a score 0.0-10.0 with one "
				    "decimal%s",
				    "");
	}
	v->cvss = (double)whole + (double)frac / 10.0;
	while ((r = next_kv(ps, rest, &off, &kv)) == 1) {
		if (strcmp(kv.key, "version") == 0) {
			if (strcmp(kv.val, "2.0") != 0 &&
			    strcmp(kv.val, "3.0") != 0 &&
			    strcmp(kv.val, "3.1") != 0 &&
			    strcmp(kv.val, "4.0") != 0)
				return perr(ps,
					    "cvss: version: want 2.0, 3.0, "
					    "3.1 or 4.0%s",
					    "");
			cs_strlcpy(v->cvss_version, kv.val,
				   sizeof(v->cvss_version));
		} else if (strcmp(kv.key, "note") == 0) {
			if ((r = copy_val(ps, v->cvss_note,
					  sizeof(v->cvss_note), &kv)) != 0)
				return r;
		} else if (strcmp(kv.key, "src") == 0) {
			if ((r = copy_val(ps, src, sizeof(src), &kv)) != 0)
				return r;
		} else {
			return perr(ps, "cvss: unknown key \"%s\"", kv.key);
		}
	}
	if (r < 0)
		return r;
	if (off < rest.n)
		return perr(ps, "cvss: unexpected \"=>\"%s", "");
	if (src[0] == '\0')
		return perr(ps,
			    "cvss: missing src= (every fact names its "
			    "source)%s",
			    "");
	ps->have_cvss = true;
	return resolve_src(ps, src, v->cvss_sources, sizeof(v->cvss_sources));
}

static int
d_kev(struct ps *ps, struct cs_span rest)
{
	static const char *const actions[] = {"update",       "mitigate",
					      "eol",          "eol-possible",
					      "mitigate-eol", "unknown"};
	struct cs_vuln *v = ps->cur;
	size_t off = 0;
	struct kv kv;
	char src[256] = "";
	uint32_t added = 0, due = 0;
	int r;

	if (v->kev)
		return perr(ps, "kev: given twice%s", "");
	while ((r = next_kv(ps, rest, &off, &kv)) == 1) {
		if (strcmp(kv.key, "added") == 0) {
			if ((r = parse_date(ps, "kev added", kv.val,
					    v->kev_added, &added)) != 0)
				return r;
		} else if (strcmp(kv.key, "due") == 0) {
			if ((r = parse_date(ps, "kev due", kv.val, v->kev_due,
					    &due)) != 0)
				return r;
		} else if (strcmp(kv.key, "action") == 0) {
			size_t i;

			for (i = 0; i < sizeof(actions) / sizeof(actions[0]);
			     i++)
				if (strcmp(kv.val, actions[i]) == 0)
					break;
			if (i == sizeof(actions) / sizeof(actions[0]))
				return perr(ps,
					    "kev: action: want update, "
					    "mitigate, eol, eol-possible, "
					    "mitigate-eol or unknown, not "
					    "\"%s\"",
					    kv.val);
			cs_strlcpy(v->kev_action, kv.val,
				   sizeof(v->kev_action));
		} else if (strcmp(kv.key, "src") == 0) {
			if ((r = copy_val(ps, src, sizeof(src), &kv)) != 0)
				return r;
		} else {
			return perr(ps, "kev: unknown key \"%s\"", kv.key);
		}
	}
	if (r < 0)
		return r;
	if (off < rest.n)
		return perr(ps, "kev: unexpected \"=>\"%s", "");
	if (added == 0 || due == 0 || v->kev_action[0] == '\0')
		return perr(ps, "kev: want added=, due= and action=%s", "");
	if (due < added)
		return perr(ps, "kev: due date before the date added%s", "");
	if (src[0] == '\0')
		return perr(ps,
			    "kev: missing src= (every fact names its "
			    "source)%s",
			    "");
	v->kev = true;
	return resolve_src(ps, src, v->kev_sources, sizeof(v->kev_sources));
}

/* Parses a version bound with the rule's lineage as the hint. */
static int
bound(struct ps *ps, const char *key, const char *s, const char *lineage,
      struct cs_fwver *out)
{
	if (cs_fwver_parse((const uint8_t *)s, strlen(s), lineage, out) != 0)
		return perr(ps,
			    "%s: the version does not parse (docs/vulns.md, "
			    "\"Firmware versions\")",
			    key);
	return 0;
}

static int
d_affects(struct ps *ps, struct cs_span rest)
{
	struct cs_vuln *v = ps->cur;
	struct cs_vuln_rule *ru;
	size_t off = 0;
	struct kv kv;
	char src[256] = "", versions[16] = "";
	char bfrom[11] = "", bbefore[11] = "";
	int r;

	if (v->nrules == CS_VULN_MAX_RULES)
		return perr(ps, "affects: more than %s rules in one vuln",
			    "32");
	ru = &v->rules[v->nrules];
	memset(ru, 0, sizeof(*ru));
	ru->line_no = ps->line;
	while ((r = next_kv(ps, rest, &off, &kv)) == 1) {
		const char *k = kv.key;

		if (strcmp(k, "lineage") == 0)
			r = copy_val(ps, ru->lineage, sizeof(ru->lineage), &kv);
		else if (strcmp(k, "brands") == 0)
			r = copy_val(ps, ru->brands, sizeof(ru->brands), &kv);
		else if (strcmp(k, "models") == 0)
			r = copy_val(ps, ru->models, sizeof(ru->models), &kv);
		else if (strcmp(k, "line") == 0)
			r = copy_val(ps, ru->line, sizeof(ru->line), &kv);
		else if (strcmp(k, "versions") == 0)
			r = copy_val(ps, versions, sizeof(versions), &kv);
		else if (strcmp(k, "from") == 0)
			r = copy_val(ps, ru->from, sizeof(ru->from), &kv);
		else if (strcmp(k, "to") == 0)
			r = copy_val(ps, ru->to, sizeof(ru->to), &kv);
		else if (strcmp(k, "before") == 0)
			r = copy_val(ps, ru->before, sizeof(ru->before), &kv);
		else if (strcmp(k, "fixed") == 0)
			r = copy_val(ps, ru->fixed, sizeof(ru->fixed), &kv);
		else if (strcmp(k, "built-from") == 0)
			r = copy_val(ps, bfrom, sizeof(bfrom), &kv);
		else if (strcmp(k, "built-before") == 0)
			r = copy_val(ps, bbefore, sizeof(bbefore), &kv);
		else if (strcmp(k, "exact") == 0)
			r = copy_val(ps, ru->exact, sizeof(ru->exact), &kv);
		else if (strcmp(k, "conf") == 0)
			r = copy_val(ps, ru->conf, sizeof(ru->conf), &kv);
		else if (strcmp(k, "note") == 0)
			r = copy_val(ps, ru->note, sizeof(ru->note), &kv);
		else if (strcmp(k, "src") == 0)
			r = copy_val(ps, src, sizeof(src), &kv);
		else if (strcmp(k, "inferred") == 0) {
			if (strcmp(kv.val, "yes") != 0 &&
			    strcmp(kv.val, "no") != 0)
				return perr(ps, "inferred: want yes or no%s",
					    "");
			ru->inferred = kv.val[0] == 'y';
			r = 0;
		} else
			return perr(ps, "affects: unknown key \"%s\"", k);
		if (r != 0)
			return r;
	}
	if (r < 0)
		return r;
	if (off < rest.n)
		return perr(ps, "affects: unexpected \"=>\"%s", "");
	if (ru->lineage[0] == '\0')
		return perr(ps, "affects: missing lineage=%s", "");
	if (ru->models[0] == '\0')
		return perr(ps, "affects: missing models= (\"*\" for any)%s",
			    "");
	if (strcmp(ru->conf, "high") != 0 && strcmp(ru->conf, "medium") != 0 &&
	    strcmp(ru->conf, "low") != 0)
		return perr(ps, "affects: conf: want high, medium or low%s",
			    "");
	if (src[0] == '\0')
		return perr(ps,
			    "affects: missing src= (every fact names its "
			    "source)%s",
			    "");
	{
		int kinds = (versions[0] != '\0') +
			    (ru->from[0] || ru->to[0] || ru->before[0]) +
			    (bfrom[0] || bbefore[0]) + (ru->exact[0] != '\0');

		if (kinds != 1)
			return perr(ps,
				    "affects: want exactly one of "
				    "versions=, from/to/before, "
				    "built-from/built-before, exact=%s",
				    "");
	}
	if (versions[0] != '\0') {
		if (strcmp(versions, "all") == 0)
			ru->cond = CS_VULN_ALL;
		else if (strcmp(versions, "unknown") == 0)
			ru->cond = CS_VULN_NORANGE;
		else
			return perr(ps,
				    "versions: want all or unknown, not "
				    "\"%s\"",
				    versions);
	} else if (bfrom[0] || bbefore[0]) {
		ru->cond = CS_VULN_BUILT;
		if (bfrom[0] && (r = parse_date(ps, "built-from", bfrom, NULL,
						&ru->built_from)) != 0)
			return r;
		if (bbefore[0] &&
		    (r = parse_date(ps, "built-before", bbefore, NULL,
				    &ru->built_before)) != 0)
			return r;
		if (ru->built_before != 0 && ru->built_from >= ru->built_before)
			return perr(ps,
				    "built-from is not before "
				    "built-before%s",
				    "");
	} else if (ru->exact[0] != '\0') {
		const char *p = ru->exact;

		ru->cond = CS_VULN_EXACT;
		for (;;) {
			const char *e = strchr(p, '|');
			size_t n = e != NULL ? (size_t)(e - p) : strlen(p);

			if (ru->nexact == CS_VULN_MAX_EXACT)
				return perr(ps, "exact: more than %s versions",
					    "8");
			if (cs_fwver_parse((const uint8_t *)p, n, ru->lineage,
					   &ru->vexact[ru->nexact]) != 0)
				return perr(ps,
					    "exact: a version does not "
					    "parse%s",
					    "");
			ru->nexact++;
			if (e == NULL)
				break;
			p = e + 1;
		}
	} else {
		int c;

		ru->cond = CS_VULN_RANGE;
		if (ru->to[0] && ru->before[0])
			return perr(ps, "affects: to= and before= together%s",
				    "");
		if (ru->from[0] && (r = bound(ps, "from", ru->from, ru->lineage,
					      &ru->vfrom)) != 0)
			return r;
		if (ru->to[0] &&
		    (r = bound(ps, "to", ru->to, ru->lineage, &ru->vto)) != 0)
			return r;
		if (ru->before[0] &&
		    (r = bound(ps, "before", ru->before, ru->lineage,
			       &ru->vbefore)) != 0)
			return r;
		if (ru->from[0] && (ru->to[0] || ru->before[0])) {
			const struct cs_fwver *hi =
			    ru->to[0] ? &ru->vto : &ru->vbefore;

			if (cs_fwver_cmp(&ru->vfrom, hi, &c) != 0)
				return perr(ps,
					    "affects: the bounds do not "
					    "compare with each other%s",
					    "");
			if (c > 0 || (c == 0 && ru->before[0]))
				return perr(ps, "affects: an empty range%s",
					    "");
		}
		if (!(ru->from[0] ? ru->vfrom
		      : ru->to[0] ? ru->vto
				  : ru->vbefore)
			 .ordered)
			return perr(ps,
				    "affects: a range over versions "
				    "without a documented order (use "
				    "exact=)%s",
				    "");
	}
	if (ru->line[0] != '\0') {
		struct cs_fwver t;

		if (cs_fwver_parse((const uint8_t *)ru->line, strlen(ru->line),
				   NULL, &t) != 0 ||
		    t.scheme != CS_FW_DOTTED)
			return perr(ps,
				    "line: want dotted numbers, e.g. "
				    "2.800%s",
				    "");
	}
	if ((r = resolve_src(ps, src, ru->sources, sizeof(ru->sources))) != 0)
		return r;
	v->nrules++;
	return 0;
}

/*
 * The first day a unit is past support when support ended in the period
 * written (YYYY, YYYY-MM or YYYY-MM-DD): the day itself, else the first
 * day after the month or year.
 */
static int
eos_ended(struct ps *ps, const char *s, uint32_t *since)
{
	struct cs_date d;

	if (cs_date_parse((struct cs_span){(const uint8_t *)s, strlen(s)},
			  CS_DATE_YEAR | CS_DATE_MONTH | CS_DATE_CALENDAR,
			  &d) != 0 ||
	    d.year < 1900)
		return perr(ps,
			    "eos: ended: want YYYY, YYYY-MM, YYYY-MM-DD or "
			    "unknown%s",
			    "");
	if (d.day != 0)
		*since = (uint32_t)(d.year * 10000 + d.month * 100 + d.day);
	else if (d.month == 12 || d.month == 0)
		*since = (uint32_t)((d.year + 1) * 10000 + 101);
	else
		*since = (uint32_t)(d.year * 10000 + (d.month + 1) * 100 + 1);
	return 0;
}

static int
d_eos(struct ps *ps, struct cs_vulndb *db, struct cs_span rest)
{
	struct cs_eos e;
	size_t off = 0;
	struct kv kv;
	char src[256] = "";
	uint32_t st = 0;
	int r;

	if (ps->cur != NULL)
		return perr(ps,
			    "eos: inside a vuln block (eos lines go before "
			    "the first vuln)%s",
			    "");
	if (db->neos == CS_VULN_MAX_EOS)
		return perr(ps, "eos: more than %s rows", "1024");
	memset(&e, 0, sizeof(e));
	e.line_no = ps->line;
	cs_strlcpy(e.file, ps->name, sizeof(e.file));
	while ((r = next_kv(ps, rest, &off, &kv)) == 1) {
		const char *k = kv.key;

		if (strcmp(k, "maker") == 0)
			r = copy_val(ps, e.maker, sizeof(e.maker), &kv);
		else if (strcmp(k, "models") == 0)
			r = copy_val(ps, e.models, sizeof(e.models), &kv);
		else if (strcmp(k, "ended") == 0)
			r = copy_val(ps, e.ended, sizeof(e.ended), &kv);
		else if (strcmp(k, "stated") == 0)
			r = copy_val(ps, e.stated, sizeof(e.stated), &kv);
		else if (strcmp(k, "conf") == 0)
			r = copy_val(ps, e.conf, sizeof(e.conf), &kv);
		else if (strcmp(k, "note") == 0)
			r = copy_val(ps, e.note, sizeof(e.note), &kv);
		else if (strcmp(k, "src") == 0)
			r = copy_val(ps, src, sizeof(src), &kv);
		else
			return perr(ps, "eos: unknown key \"%s\"", k);
		if (r != 0)
			return r;
	}
	if (r < 0)
		return r;
	if (off < rest.n)
		return perr(ps, "eos: unexpected \"=>\"%s", "");
	if (e.maker[0] == '\0')
		return perr(ps, "eos: missing maker=%s", "");
	if (e.models[0] == '\0')
		return perr(ps, "eos: missing models=%s", "");
	if (e.ended[0] == '\0')
		return perr(ps,
			    "eos: missing ended= (a date, or unknown when "
			    "the source gives none)%s",
			    "");
	if (strcmp(e.conf, "high") != 0 && strcmp(e.conf, "medium") != 0 &&
	    strcmp(e.conf, "low") != 0)
		return perr(ps, "eos: conf: want high, medium or low%s", "");
	if (src[0] == '\0')
		return perr(ps,
			    "eos: missing src= (every fact names its "
			    "source)%s",
			    "");
	if (strcmp(e.ended, "unknown") != 0 &&
	    (r = eos_ended(ps, e.ended, &e.since)) != 0)
		return r;
	if (e.stated[0] != '\0') {
		if ((r = parse_date(ps, "eos: stated", e.stated, NULL, &st)) !=
		    0)
			return r;
		if (e.since == 0 || st < e.since)
			e.since = st;
	}
	if ((r = resolve_src(ps, src, e.sources, sizeof(e.sources))) != 0)
		return r;
	db->eos = cs_xrealloc(db->eos, db->neos + 1, sizeof(*db->eos));
	db->eos[db->neos++] = e;
	return 0;
}

static int
d_example(struct ps *ps, struct cs_span rest)
{
	struct cs_vuln *v = ps->cur;
	struct cs_vuln_example *ex;
	size_t off = 0;
	struct kv kv;
	struct cs_span tail;
	int r;

	if (v->nexamples == CS_VULN_MAX_EXAMPLES)
		return perr(ps, "example: more than %s examples in one vuln",
			    "32");
	ex = &v->examples[v->nexamples];
	memset(ex, 0, sizeof(*ex));
	ex->line_no = ps->line;
	while ((r = next_kv(ps, rest, &off, &kv)) == 1) {
		const char *k = kv.key;
		char *dst;
		size_t dsz;

		if (strcmp(k, "maker") == 0)
			dst = ex->maker, dsz = sizeof(ex->maker);
		else if (strcmp(k, "brand") == 0)
			dst = ex->brand, dsz = sizeof(ex->brand);
		else if (strcmp(k, "model") == 0)
			dst = ex->model, dsz = sizeof(ex->model);
		else if (strcmp(k, "firmware") == 0)
			dst = ex->firmware, dsz = sizeof(ex->firmware);
		else if (strcmp(k, "lineage") == 0)
			dst = ex->lineage, dsz = sizeof(ex->lineage);
		else
			return perr(ps, "example: unknown key \"%s\"", k);
		if ((r = copy_val(ps, dst, dsz, &kv)) != 0)
			return r;
	}
	if (r < 0)
		return r;
	if (off + 2 > rest.n)
		return perr(ps,
			    "example: want \"=> affected|product|unknown|"
			    "none [inferred]\"%s",
			    "");
	tail =
	    cs_span_trim((struct cs_span){rest.p + off + 2, rest.n - off - 2});
	{
		char w[32];
		char *sp;
		size_t i;

		if (tail.n == 0 || tail.n >= sizeof(w))
			return perr(ps,
				    "example: want a verdict after "
				    "\"=>\"%s",
				    "");
		cs_span_copy(w, tail.n + 1, tail);
		sp = strpbrk(w, " \t");
		if (sp != NULL) {
			char *q = sp;

			*q++ = '\0';
			while (isspace_(*q))
				q++;
			if (strcmp(q, "inferred") != 0)
				return perr(ps,
					    "example: after the verdict "
					    "only \"inferred\", not "
					    "\"%s\"",
					    q);
			ex->want_inferred = true;
		}
		for (i = 0; i < 4; i++)
			if (strcmp(w, verdict_names[i]) == 0)
				break;
		if (i == 4)
			return perr(ps,
				    "example: verdict: want affected, "
				    "product, unknown or none, not \"%s\"",
				    w);
		ex->want = (enum cs_vuln_verdict)i;
		if (i == CS_VULN_NONE && ex->want_inferred)
			return perr(ps, "example: none cannot be inferred%s",
				    "");
	}
	v->nexamples++;
	return 0;
}

/* Checks the finished block; the error names its vuln line. */
static int
end_vuln(struct ps *ps)
{
	struct cs_vuln *v = ps->cur;
	unsigned line = ps->line;
	int r = 0;

	if (v == NULL)
		return 0;
	ps->line = v->line_no;
	if (v->title[0] == '\0')
		r = perr(ps, "%s: missing title", v->id);
	else if (!ps->have_cvss)
		r = perr(ps, "%s: missing cvss", v->id);
	else if (v->nrules == 0)
		r = perr(ps, "%s: no affects rule", v->id);
	else if (v->nexamples == 0)
		r = perr(ps, "%s: no example", v->id);
	ps->line = line;
	ps->cur = NULL;
	ps->nvsrc = 0;
	ps->have_cvss = false;
	return r;
}

static int
text_field(struct ps *ps, const char *what, struct cs_span rest, char *dst,
	   size_t dsz)
{
	rest = cs_span_trim(rest);
	if (dst[0] != '\0')
		return perr(ps, "%s: given twice", what);
	if (rest.n == 0 || rest.n >= dsz)
		return perr(ps, "%s: want text of 1 to 255 bytes", what);
	cs_span_copy(dst, rest.n + 1, rest);
	return 0;
}

static int
new_vuln(struct ps *ps, struct cs_vulndb *db, struct cs_span rest)
{
	struct cs_vuln *v;
	char id[24];

	rest = cs_span_trim(rest);
	if (rest.n == 0 || rest.n >= sizeof(id))
		return perr(ps, "vuln: want a CVE id%s", "");
	cs_span_copy(id, rest.n + 1, rest);
	if (!valid_cve(id))
		return perr(ps, "vuln: \"%s\" is not a CVE id (CVE-YYYY-NNNN)",
			    id);
	for (size_t i = 0; i < db->n; i++)
		if (strcmp(db->v[i].id, id) == 0)
			return perr(ps, "vuln: %s given twice", id);
	if (db->n == CS_VULN_MAX_VULNS)
		return perr(ps, "vuln: more than %s vulnerabilities", "2048");
	db->v = cs_xrealloc(db->v, db->n + 1, sizeof(*db->v));
	v = &db->v[db->n++];
	memset(v, 0, sizeof(*v));
	cs_strlcpy(v->id, id, sizeof(v->id));
	cs_strlcpy(v->file, ps->name, sizeof(v->file));
	v->line_no = ps->line;
	v->rules = cs_xcalloc(CS_VULN_MAX_RULES, sizeof(*v->rules));
	v->examples = cs_xcalloc(CS_VULN_MAX_EXAMPLES, sizeof(*v->examples));
	ps->cur = v;
	return 0;
}

static bool
known_directive(const char *w)
{
	static const char *const dirs[] = {"source",  "vuln",    "title",
					   "product", "cvss",    "kev",
					   "affects", "example", "eos"};

	for (size_t i = 0; i < sizeof(dirs) / sizeof(dirs[0]); i++)
		if (strcmp(w, dirs[i]) == 0)
			return true;
	return false;
}

static int
parse_file(struct cs_vulndb *db, const char *name, const uint8_t *p, size_t n,
	   char *err, size_t errsz)
{
	struct ps ps;
	struct cs_lines ls;
	struct cs_span line;
	int r;

	memset(&ps, 0, sizeof(ps));
	ps.name = name;
	ps.err = err;
	ps.errsz = errsz;
	if (n > CS_VULN_MAX_FILE)
		return cs_errf(err, errsz, name, 0, "larger than 1 MiB");
	if (memchr(p, 0, n) != NULL)
		return cs_errf(err, errsz, name, 0, "holds a NUL byte");
	cs_lines_init(&ls, p, n);
	while ((r = cs_lines_next_max(&ls, CS_VULN_MAX_LINE, &line)) != 0) {
		struct cs_span t, rest;
		size_t w = 0;
		char word[16], ex[48];

		ps.line = ls.line;
		if (r < 0)
			return perr(&ps, "line longer than %s bytes", "4096");
		t = cs_span_trim(line);
		if (t.n == 0 || t.p[0] == '#')
			continue;
		while (w < t.n && !isspace_(t.p[w]))
			w++;
		if (w >= sizeof(word)) {
			printable(ex, sizeof(ex), t);
			return perr(&ps, "unknown directive at \"%s\"", ex);
		}
		cs_span_copy(word, w + 1, t);
		rest = (struct cs_span){t.p + w, t.n - w};
		if (!known_directive(word)) {
			printable(ex, sizeof(ex), t);
			return perr(&ps, "unknown directive at \"%s\"", ex);
		}
		if (strcmp(word, "source") == 0)
			r = d_source(&ps, rest);
		else if (strcmp(word, "eos") == 0)
			r = d_eos(&ps, db, rest);
		else if (strcmp(word, "vuln") == 0) {
			if ((r = end_vuln(&ps)) == 0)
				r = new_vuln(&ps, db, rest);
		} else if (ps.cur == NULL) {
			return perr(&ps,
				    "%s: outside a vuln block (only "
				    "source may be)",
				    word);
		} else if (strcmp(word, "title") == 0)
			r = text_field(&ps, "title", rest, ps.cur->title,
				       sizeof(ps.cur->title));
		else if (strcmp(word, "product") == 0)
			r = text_field(&ps, "product", rest, ps.cur->product,
				       sizeof(ps.cur->product));
		else if (strcmp(word, "cvss") == 0)
			r = d_cvss(&ps, rest);
		else if (strcmp(word, "kev") == 0)
			r = d_kev(&ps, rest);
		else if (strcmp(word, "affects") == 0)
			r = d_affects(&ps, rest);
		else
			r = d_example(&ps, rest);
		if (r != 0)
			return r;
	}
	ps.line = ls.line;
	return end_vuln(&ps);
}

void
cs_vulndb_free(struct cs_vulndb *db)
{
	if (db == NULL)
		return;
	for (size_t i = 0; i < db->n; i++) {
		free(db->v[i].rules);
		free(db->v[i].examples);
	}
	free(db->v);
	free(db->eos);
	free(db);
}

struct cs_vulndb *
cs_vulndb_load_mem(const char *name, const uint8_t *p, size_t n, char *err,
		   size_t errsz)
{
	struct cs_vulndb *db = cs_xcalloc(1, sizeof(*db));

	if (parse_file(db, name, p, n, err, errsz) != 0) {
		cs_vulndb_free(db);
		return NULL;
	}
	return db;
}

static int
cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

struct cs_vulndb *
cs_vulndb_load(const char *dir, char *err, size_t errsz)
{
	struct cs_vulndb *db;
	DIR *d = opendir(dir);
	struct dirent *de;
	char *names[CS_VULN_MAX_FILES];
	size_t nn = 0;
	int rc = 0;

	if (d == NULL) {
		cs_errf(err, errsz, dir, 0, "cannot open the directory");
		return NULL;
	}
	while ((de = readdir(d)) != NULL) {
		size_t l = strlen(de->d_name);

		if (l < 6 || strcmp(de->d_name + l - 5, ".vuln") != 0 ||
		    de->d_name[0] == '.')
			continue;
		if (nn == CS_VULN_MAX_FILES) {
			rc = cs_errf(err, errsz, dir, 0,
				     "more than 64 .vuln files");
			break;
		}
		names[nn++] = cs_xstrdup(de->d_name);
	}
	closedir(d);
	qsort(names, nn, sizeof(names[0]), cmp_names);
	db = cs_xcalloc(1, sizeof(*db));
	for (size_t i = 0; i < nn && rc == 0; i++) {
		struct cs_buf b;
		char path[4096];
		int w = snprintf(path, sizeof(path), "%s/%s", dir, names[i]);

		if (w < 0 || (size_t)w >= sizeof(path)) {
			rc = cs_errf(err, errsz, names[i], 0, "path too long");
			break;
		}
		cs_buf_init(&b, CS_VULN_MAX_FILE);
		rc = cs_file_read(path, CS_VULN_MAX_FILE, &b, NULL);
		if (rc == CS_ELIMIT)
			cs_errf(err, errsz, names[i], 0, "larger than 1 MiB");
		else if (rc != 0)
			cs_errf(err, errsz, path, 0, "cannot read the file");
		else
			rc = parse_file(db, names[i], b.p, b.len, err, errsz);
		cs_buf_free(&b);
	}
	for (size_t i = 0; i < nn; i++)
		free(names[i]);
	if (rc == 0 && db->n == 0 && db->neos == 0)
		rc = cs_errf(err, errsz, dir, 0, "no .vuln file");
	if (rc != 0) {
		cs_vulndb_free(db);
		return NULL;
	}
	return db;
}

size_t
cs_vulndb_count(const struct cs_vulndb *db)
{
	return db->n;
}

const struct cs_vuln *
cs_vulndb_get(const struct cs_vulndb *db, size_t i)
{
	return i < db->n ? &db->v[i] : NULL;
}

size_t
cs_vulndb_eos_count(const struct cs_vulndb *db)
{
	return db->neos;
}

const struct cs_eos *
cs_vulndb_eos_get(const struct cs_vulndb *db, size_t i)
{
	return i < db->neos ? &db->eos[i] : NULL;
}

/* ---- matching ------------------------------------------------------ */

static const char *
nz(const char *s)
{
	return s != NULL ? s : "";
}

/* True when name is one of the '|'-separated items of list (case
 * ignored). */
static bool
in_list(const char *list, const char *name)
{
	size_t n = strlen(name);
	const char *p = list;

	if (n == 0)
		return false;
	for (;;) {
		const char *e = strchr(p, '|');
		size_t l = e != NULL ? (size_t)(e - p) : strlen(p);

		if (l == n && strncasecmp(p, name, n) == 0)
			return true;
		if (e == NULL)
			return false;
		p = e + 1;
	}
}

/* The first pattern of the '|'-list that matches model, copied to pat. */
static bool
model_match(const char *list, const char *model, char *pat, size_t patsz)
{
	const char *p = list;

	if (model[0] == '\0')
		return false;
	for (;;) {
		const char *e = strchr(p, '|');
		size_t l = e != NULL ? (size_t)(e - p) : strlen(p);
		char one[128];

		if (l > 0 && l < sizeof(one)) {
			memcpy(one, p, l);
			one[l] = '\0';
			if (cs_models_pattern_match(one, model) > 0) {
				cs_strlcpy(pat, one, patsz);
				return true;
			}
		}
		if (e == NULL)
			return false;
		p = e + 1;
	}
}

struct why {
	char *s;
	size_t sz, o;
};

static void
say(struct why *w, const char *a, const char *b)
{
	int n;

	if (w->o >= w->sz)
		return;
	n = snprintf(w->s + w->o, w->sz - w->o, "%s%s%s", w->o > 0 ? "; " : "",
		     a, b);
	if (n > 0)
		w->o += (size_t)n < w->sz - w->o ? (size_t)n : w->sz - w->o;
}

/* The verdict of one version condition. */
static enum cs_vuln_verdict
eval_cond(const struct cs_vuln_rule *ru, const struct cs_fwver *fw, bool fw_ok,
	  bool *inferred, struct why *w)
{
	int c;

	switch (ru->cond) {
	case CS_VULN_ALL:
		say(w, "all versions (per the source)", "");
		return CS_VULN_PRODUCT;
	case CS_VULN_NORANGE:
		say(w,
		    "the source gives no version range: affected by "
		    "product",
		    "");
		return CS_VULN_PRODUCT;
	case CS_VULN_EXACT:
		if (!fw_ok) {
			say(w,
			    "firmware unknown or unparsed; the source names ",
			    ru->exact);
			return CS_VULN_UNKNOWN;
		}
		for (unsigned i = 0; i < ru->nexact; i++)
			if (cs_fwver_cmp(fw, &ru->vexact[i], &c) == 0 &&
			    c == 0) {
				say(w, "exact version ", ru->exact);
				return CS_VULN_AFFECTED;
			}
		say(w, "version not among those the source names: ", ru->exact);
		return CS_VULN_UNKNOWN;
	case CS_VULN_BUILT: {
		char d[16];

		if (!fw_ok || fw->date == 0) {
			say(w,
			    fw_ok ? "no build date in the firmware version"
				  : "firmware unknown or unparsed",
			    "");
			return CS_VULN_UNKNOWN;
		}
		if ((ru->built_from != 0 && fw->date < ru->built_from) ||
		    (ru->built_before != 0 && fw->date >= ru->built_before))
			return CS_VULN_NONE;
		snprintf(d, sizeof(d), "%04u-%02u-%02u",
			 (unsigned)ru->built_before / 10000,
			 (unsigned)ru->built_before / 100 % 100,
			 (unsigned)ru->built_before % 100);
		say(w, "build date before ", d);
		if (fw->date_inferred) {
			*inferred = true;
			say(w, "the build date's reading is an inference", "");
		}
		return CS_VULN_AFFECTED;
	}
	case CS_VULN_RANGE:
		if (!fw_ok) {
			say(w, "firmware unknown or unparsed", "");
			return CS_VULN_UNKNOWN;
		}
		if (ru->from[0]) {
			if (cs_fwver_cmp(fw, &ru->vfrom, &c) != 0) {
				say(w, "does not compare with ", ru->from);
				return CS_VULN_UNKNOWN;
			}
			if (c < 0)
				return CS_VULN_NONE;
		}
		if (ru->to[0]) {
			if (cs_fwver_cmp(fw, &ru->vto, &c) != 0) {
				say(w, "does not compare with ", ru->to);
				return CS_VULN_UNKNOWN;
			}
			if (c > 0)
				return CS_VULN_NONE;
		}
		if (ru->before[0]) {
			if (cs_fwver_cmp(fw, &ru->vbefore, &c) != 0) {
				say(w, "does not compare with ", ru->before);
				return CS_VULN_UNKNOWN;
			}
			if (c >= 0)
				return CS_VULN_NONE;
		}
		{
			char r[200];

			snprintf(r, sizeof(r), "from %s %s %s",
				 ru->from[0] ? ru->from : "(any)",
				 ru->to[0] ? "to" : "before",
				 ru->to[0]       ? ru->to
				 : ru->before[0] ? ru->before
						 : "(any)");
			say(w, "version in range ", r);
		}
		return CS_VULN_AFFECTED;
	}
	return CS_VULN_NONE;
}

/* One rule against the unit; fills hit when it applies. */
static enum cs_vuln_verdict
match_rule(const struct cs_vuln_rule *ru, const struct cs_vuln_unit *u,
	   const char *lineage, bool lineage_seen, struct cs_vuln_hit *hit,
	   bool *applies, bool *unmapped)
{
	const char *maker = nz(u->maker), *brand = nz(u->brand);
	const char *model = nz(u->model), *fwtext = nz(u->firmware);
	const char *badge = brand[0] ? brand : maker;
	struct why w = {hit->why, sizeof(hit->why), 0};
	struct cs_fwver fw;
	bool fw_ok, direct, inferred = ru->inferred, model_ok;
	char pat[128] = "";
	enum cs_vuln_verdict vd;

	hit->why[0] = '\0';
	if (lineage[0] != '\0') {
		if (strcasecmp(lineage, ru->lineage) != 0)
			return CS_VULN_NONE;
	} else if (strcasecmp(maker, ru->lineage) != 0) {
		return CS_VULN_NONE;
	}
	direct = ru->brands[0] ? in_list(ru->brands, badge)
			       : strcasecmp(badge, ru->lineage) == 0;
	model_ok = strcmp(ru->models, "*") == 0 ||
		   model_match(ru->models, model, pat, sizeof(pat));
	if (!model_ok && direct && model[0] != '\0')
		return CS_VULN_NONE;
	fw_ok = cs_fwver_parse((const uint8_t *)fwtext, strlen(fwtext),
			       ru->lineage, &fw) == 0;
	if (!lineage_seen && fw_ok) {
		/* the firmware's form is not the lineage maker's own: the
		 * unit runs someone else's firmware */
		enum cs_fw_scheme ms = cs_fw_maker_scheme(ru->lineage);

		if (ms != CS_FW_DOTTED && ms != fw.scheme)
			return CS_VULN_NONE;
	}
	if (ru->line[0] != '\0') {
		if (!fw_ok) {
			say(&w, "firmware unknown or unparsed; rule for line ",
			    ru->line);
			vd = CS_VULN_UNKNOWN;
			goto done;
		}
		if (!cs_fwver_in_line(&fw, ru->line))
			return CS_VULN_NONE;
		say(&w, "version line ", ru->line);
	}
	vd = eval_cond(ru, &fw, fw_ok, &inferred, &w);
done:
	*applies = true;
	*unmapped = !model_ok && model[0] != '\0';
	if (vd == CS_VULN_NONE)
		return vd;
	if (model_ok && pat[0])
		say(&w, "model pattern ", pat);
	else if (!model_ok && model[0] == '\0') {
		say(&w, "model unknown", "");
		if (vd > CS_VULN_UNKNOWN && strcmp(ru->models, "*") != 0)
			vd = CS_VULN_UNKNOWN;
	} else if (!model_ok) {
		say(&w,
		    "badge model not in the maker's model list: the "
		    "family is not established",
		    "");
		inferred = true;
	}
	if (lineage_seen)
		say(&w, "firmware lineage ", ru->lineage);
	else {
		say(&w, "firmware lineage not shown; maker ", maker);
		if (!direct)
			inferred = true;
	}
	if (!direct) {
		say(&w, "inherited by a badge the source does not name: ",
		    badge[0] ? badge : "(none)");
		inferred = true;
	}
	if (ru->fixed[0] != '\0')
		say(&w, "first fixed: ", ru->fixed);
	if (ru->inferred)
		say(&w, "the rule's range is an inference: ",
		    ru->note[0] ? ru->note : "see the data file");
	hit->rule = ru;
	hit->verdict = vd;
	hit->inferred = inferred;
	cs_strlcpy(hit->lineage, ru->lineage, sizeof(hit->lineage));
	return vd;
}

static bool
better(const struct cs_vuln_hit *a, const struct cs_vuln_hit *b)
{
	if (a->verdict != b->verdict)
		return a->verdict > b->verdict;
	return !a->inferred && b->inferred;
}

size_t
cs_vuln_match(const struct cs_vulndb *db, const struct cs_vuln_unit *u,
	      struct cs_vuln_hit *hits, size_t max)
{
	char lineage[64] = "";
	bool seen = false;
	size_t nh = 0;

	if (u->lineage != NULL && u->lineage[0] != '\0') {
		cs_strlcpy(lineage, u->lineage, sizeof(lineage));
		seen = true;
	} else if (u->firmware != NULL) {
		struct cs_fwver fw;
		const char *l;

		if (cs_fwver_parse((const uint8_t *)u->firmware,
				   strlen(u->firmware), NULL, &fw) == 0 &&
		    (l = cs_fw_scheme_lineage(fw.scheme)) != NULL) {
			cs_strlcpy(lineage, l, sizeof(lineage));
			seen = true;
		}
	}
	for (size_t i = 0; i < db->n; i++) {
		struct cs_vuln_hit best, h;
		bool any_mapped = false, any_none = false, any_yes = false;

		memset(&best, 0, sizeof(best));
		for (size_t j = 0; j < db->v[i].nrules; j++) {
			bool applies = false, unmapped = false;
			enum cs_vuln_verdict vd;

			memset(&h, 0, sizeof(h));
			vd = match_rule(&db->v[i].rules[j], u, lineage, seen,
					&h, &applies, &unmapped);
			if (!applies)
				continue;
			if (!unmapped && !any_mapped) {
				/* a rule of the unit's own model family
				 * outranks every family-less one */
				any_mapped = true;
				memset(&best, 0, sizeof(best));
			} else if (unmapped && any_mapped) {
				continue;
			}
			if (unmapped) {
				any_none |= vd == CS_VULN_NONE;
				any_yes |= vd >= CS_VULN_PRODUCT;
			}
			if (vd != CS_VULN_NONE && better(&h, &best))
				best = h;
		}
		if (!any_mapped && any_none && any_yes) {
			/* the model family is not established and the
			 * families' ranges disagree: no claim either way */
			best.verdict = CS_VULN_UNKNOWN;
			best.inferred = true;
			cs_strlcpy(best.why,
				   "the model family is not established (a "
				   "badge model number) and the maker's "
				   "families' ranges disagree on this build",
				   sizeof(best.why));
		}
		if (best.verdict == CS_VULN_NONE)
			continue;
		best.vuln = &db->v[i];
		if (nh < max)
			hits[nh] = best;
		nh++;
	}
	return nh;
}

size_t
cs_vulndb_check_examples(const struct cs_vulndb *db, char *err, size_t errsz)
{
	size_t bad = 0;
	struct cs_vuln_hit *hits =
	    cs_xcalloc(db->n > 0 ? db->n : 1, sizeof(*hits));

	for (size_t i = 0; i < db->n; i++) {
		const struct cs_vuln *v = &db->v[i];

		for (size_t k = 0; k < v->nexamples; k++) {
			const struct cs_vuln_example *ex = &v->examples[k];
			struct cs_vuln_unit u = {ex->maker, ex->brand,
						 ex->model, ex->firmware,
						 ex->lineage};
			size_t nh = cs_vuln_match(db, &u, hits, db->n);
			enum cs_vuln_verdict got = CS_VULN_NONE;
			bool inf = false;
			const char *why = "";

			for (size_t j = 0; j < nh && j < db->n; j++)
				if (hits[j].vuln == v) {
					got = hits[j].verdict;
					inf = hits[j].inferred;
					why = hits[j].why;
				}
			if (got == ex->want &&
			    (got == CS_VULN_NONE || inf == ex->want_inferred))
				continue;
			if (bad++ == 0) {
				char m[768];

				snprintf(m, sizeof(m),
					 "%s example: want %s%s, got %s%s (%s)",
					 v->id, cs_vuln_verdict_name(ex->want),
					 ex->want_inferred ? " inferred" : "",
					 cs_vuln_verdict_name(got),
					 inf ? " inferred" : "", why);
				cs_errf(err, errsz, v->file, ex->line_no, "%s",
					m);
			}
		}
	}
	free(hits);
	return bad;
}

/* ---- end of support and firmware age ------------------------------- */

static void
ymd_text(char *dst, size_t dsz, uint32_t ymd)
{
	snprintf(dst, dsz, "%04u-%02u-%02u", (unsigned)(ymd / 10000),
		 (unsigned)(ymd / 100 % 100), (unsigned)(ymd % 100));
}

/* True when row r matches the unit (maker or badge, and model). */
static bool
eos_matches(const struct cs_eos *r, const struct cs_vuln_unit *u, char *pat,
	    size_t patsz)
{
	if (!in_list(r->maker, nz(u->maker)) &&
	    !in_list(r->maker, nz(u->brand)))
		return false;
	return model_match(r->models, nz(u->model), pat, patsz);
}

static void
eos_why(struct why *w, const struct cs_eos_verdict *v, const char *pat)
{
	const struct cs_eos *r = v->row;
	char t[160], d[16];

	if (r == NULL) {
		say(w, "no end-of-support row for this maker and model", "");
		return;
	}
	snprintf(t, sizeof(t), "%s:%u (%s, model pattern %s)", r->file,
		 r->line_no, r->maker, pat);
	say(w, "end of support: ", t);
	if (strcmp(r->ended, "unknown") == 0)
		say(w, "ended on a date the sources do not give", "");
	else
		say(w, "ended ", r->ended);
	if (r->stated[0] != '\0')
		say(w, "stated past support on ", r->stated);
	if (r->since == 0)
		cs_strlcpy(t, "past support at any date (no date given)",
			   sizeof(t));
	else {
		ymd_text(d, sizeof(d), r->since);
		snprintf(t, sizeof(t), "%s support from %s",
			 v->past ? "past" : "not yet past on the date: past",
			 d);
	}
	say(w, t, "");
	say(w, "conf ", r->conf);
	if (r->note[0] != '\0')
		say(w, "note: ", r->note);
}

int
cs_eos_assess(const struct cs_vulndb *db, const struct cs_vuln_unit *u,
	      uint32_t as_of, struct cs_eos_verdict *out)
{
	struct why w = {out->why, sizeof(out->why), 0};
	char pat[128] = "", best_pat[128] = "", t[160], d[16];
	struct cs_fwver fw;
	const char *fwstr = nz(u->firmware), *hint;
	int r;

	memset(out, 0, sizeof(*out));
	if (!cs_ymd_ok(as_of))
		return CS_EINVAL;
	for (size_t i = 0; i < db->neos; i++) {
		const struct cs_eos *e = &db->eos[i];
		bool past = e->since <= as_of;

		if (!eos_matches(e, u, pat, sizeof(pat)))
			continue;
		/* a row the unit is past wins, then the earliest */
		if (out->row == NULL || (past && !out->past) ||
		    (past == out->past && e->since < out->row->since)) {
			out->row = e;
			out->past = past;
			cs_strlcpy(best_pat, pat, sizeof(best_pat));
		}
	}
	eos_why(&w, out, best_pat);
	hint = nz(u->lineage)[0] != '\0' ? u->lineage : nz(u->maker);
	if (fwstr[0] == '\0') {
		say(&w, "firmware not known: age unknown", "");
		return 0;
	}
	(void)cs_fwver_parse((const uint8_t *)fwstr, strlen(fwstr), hint, &fw);
	r = cs_fwver_age(&fw, as_of, &out->age_days);
	if (fw.scheme == CS_FW_NONE)
		say(&w, "firmware does not parse: age unknown", "");
	else if (r == CS_ENOTFOUND)
		say(&w, "no build date in the firmware: age unknown", "");
	else if (r != 0) {
		ymd_text(d, sizeof(d), fw.date);
		snprintf(t, sizeof(t), "firmware build date %s %s: age unknown",
			 d,
			 cs_ymd_ok(fw.date) ? "is after the date"
					    : "is not a calendar date");
		say(&w, t, "");
	} else {
		out->dated = true;
		out->build = fw.date;
		out->age_inferred = fw.date_inferred;
		ymd_text(d, sizeof(d), fw.date);
		snprintf(t, sizeof(t),
			 "firmware built %s (%s form%s): %lld days old", d,
			 cs_fw_scheme_name(fw.scheme),
			 fw.date_inferred ? ", date read by inference" : "",
			 (long long)out->age_days);
		say(&w, t, "");
	}
	return 0;
}
