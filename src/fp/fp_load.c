/* SPDX-License-Identifier: ISC */
/*
 * Loaders of the fingerprint engine: the bounded, hand-written line parser
 * for rule files (*.fp) and the parser of the entity tables (makers.tsv,
 * brands.tsv, oem.tsv, ownership.tsv).  Rule files may come from third parties,
 * so every line, token and count is capped, and every error is reported as
 * "file:line: message" with the offending text made printable.
 */
#include "fp/fp.h"

#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/alloc.h"
#include "core/str.h"
#include "core/text.h"
#include "fp/fp_int.h"
#include "parse/obskeys.h"
#include "core/poison.h"

/* State of one rule-file parse. */
struct lp {
	struct cs_fpdb *db;
	const char *name; /* file name for messages */
	char *err;
	size_t errsz;
	struct fp_rule cur;
	bool in_rule;
	size_t first_new; /* index of the first rule added by this file */
};

static const char *const field_names[FP_F_COUNT] = {
    "manufacturer", "brand", "model", "firmware", "class", "surveillance"};

const char *
cs_fp_field_name(enum fp_field f)
{
	if ((unsigned)f >= FP_F_COUNT)
		return "?";
	return field_names[f];
}

size_t
cs_fp_field_name_len(enum fp_field f)
{
	static const size_t len[FP_F_COUNT] = {
	    sizeof("manufacturer") - 1, sizeof("brand") - 1,
	    sizeof("model") - 1,        sizeof("firmware") - 1,
	    sizeof("class") - 1,        sizeof("surveillance") - 1};

	if ((unsigned)f >= FP_F_COUNT)
		return 1;
	return len[f];
}

int
cs_fp_field_parse(const char *s, size_t n, enum fp_field *out)
{
	for (size_t i = 0; i < FP_F_COUNT; i++) {
		if (strlen(field_names[i]) == n &&
		    memcmp(field_names[i], s, n) == 0) {
			*out = (enum fp_field)i;
			return 0;
		}
	}
	return CS_EINVAL;
}

static const char *const class_names[CS_CLASS_COUNT] = {
    [CS_CLASS_UNKNOWN] = "unknown",
    [CS_CLASS_CAMERA] = "camera",
    [CS_CLASS_NVR] = "nvr",
    [CS_CLASS_DVR] = "dvr",
    [CS_CLASS_ENCODER] = "encoder",
    [CS_CLASS_DECODER] = "decoder",
    [CS_CLASS_INTERCOM] = "intercom",
    [CS_CLASS_ACCESS_CONTROL] = "access-control",
    [CS_CLASS_ALARM_PANEL] = "alarm-panel",
    [CS_CLASS_SWITCH] = "switch",
    [CS_CLASS_ROUTER] = "router",
    [CS_CLASS_STORAGE] = "storage",
    [CS_CLASS_VMS_SOFTWARE] = "vms-software",
    [CS_CLASS_RADIO] = "radio",
    [CS_CLASS_PRINTER] = "printer",
    [CS_CLASS_OTHER] = "other",
};

bool
cs_class_is_video(enum cs_class c)
{
	switch (c) {
	case CS_CLASS_CAMERA:
	case CS_CLASS_NVR:
	case CS_CLASS_DVR:
	case CS_CLASS_ENCODER:
	case CS_CLASS_DECODER:
		return true;
	default:
		return false;
	}
}

const char *
cs_class_name(enum cs_class c)
{
	if ((unsigned)c >= CS_NELEM(class_names))
		return "unknown";
	return class_names[c];
}

int
cs_class_parse(const char *s, enum cs_class *out)
{
	for (size_t i = 0; i < CS_NELEM(class_names); i++) {
		if (cs_span_ieq(cs_span_make(s, strlen(s)), class_names[i])) {
			*out = (enum cs_class)i;
			return 0;
		}
	}
	return CS_EINVAL;
}

/* Copies at most 40 bytes of s into dst, making them printable. */
static const char *
printable(char *dst, size_t dsz, const char *s, size_t n)
{
	size_t j = 0;

	if (n > 40)
		n = 40;
	for (size_t i = 0; i < n && j + 1 < dsz; i++) {
		unsigned char c = (unsigned char)s[i];

		dst[j++] = (c >= 0x20 && c < 0x7f) ? (char)c : '?';
	}
	if (dsz)
		dst[j] = 0;
	return dst;
}

/* "name:line: message" (core/text.h; "name: message" for line 0). */
static int CS_PRINTF(5, 6) seterr(char *err, size_t errsz, const char *name,
				  unsigned line, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	cs_verrf(err, errsz, name, line, fmt, ap);
	va_end(ap);
	return CS_EINVAL;
}

#define LPERR(lp, line, ...)                                                   \
	seterr((lp)->err, (lp)->errsz, (lp)->name, (line), __VA_ARGS__)

/* ---------------------------------------------------------------------- */
/* Small lexical helpers on NUL-terminated copies of lines. */

static bool
isws(char c)
{
	return c == ' ' || c == '\t';
}

static const char *
skipws(const char *s)
{
	while (isws(*s))
		s++;
	return s;
}

static bool
isidch(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
}

/*
 * Parses a weight: 0, 1, or a decimal fraction with at most 6 digits
 * ("0.7", "1.0", ".25").  *end is set past it.  Returns 0 or CS_EINVAL.
 */
static int
parse_weight(const char *s, const char **end, double *out)
{
	double v = 0, scale = 0.1;
	int digits = 0;

	if (*s >= '0' && *s <= '9') {
		if (s[1] >= '0' && s[1] <= '9')
			return CS_EINVAL;
		v = *s - '0';
		s++;
		digits++;
	}
	if (*s == '.') {
		s++;
		int frac = 0;

		while (*s >= '0' && *s <= '9') {
			if (++frac > 6)
				return CS_EINVAL;
			v += (*s - '0') * scale;
			scale /= 10;
			s++;
		}
		digits += frac;
	}
	if (digits == 0 || v > 1.0)
		return CS_EINVAL;
	*end = s;
	*out = v;
	return 0;
}

/*
 * Decodes a C-style quoted string starting at s (which points at the
 * opening quote) into out (cap bytes).  Returns the decoded length and
 * sets *end past the closing quote, or returns -1 with *why set.
 */
static long
parse_quoted(const char *s, uint8_t *out, size_t cap, const char **end,
	     const char **why)
{
	size_t n = 0;

	if (*s != '"') {
		*why = "expected a quoted string";
		return -1;
	}
	s++;
	for (;;) {
		int c = (unsigned char)*s;

		if (c == 0) {
			*why = "unterminated string";
			return -1;
		}
		if (c == '"')
			break;
		if (c == '\\') {
			s++;
			switch (*s) {
			case 'n':
				c = '\n';
				break;
			case 'r':
				c = '\r';
				break;
			case 't':
				c = '\t';
				break;
			case '0':
				c = 0;
				break;
			case '\\':
				c = '\\';
				break;
			case '"':
				c = '"';
				break;
			case 'x': {
				int h = cs_hexval(s[1]), l;

				if (h < 0 || (l = cs_hexval(s[2])) < 0) {
					*why = "bad \\x escape (need two hex "
					       "digits)";
					return -1;
				}
				c = h * 16 + l;
				s += 2;
				break;
			}
			default:
				*why = "unknown escape in string";
				return -1;
			}
		}
		if (n >= cap) {
			*why = "string too long";
			return -1;
		}
		out[n++] = (uint8_t)c;
		s++;
	}
	*end = s + 1;
	return (long)n;
}

/* ---------------------------------------------------------------------- */
/* Rules. */

void
cs_fp_rule_clear(struct fp_rule *r)
{
	free(r->pattern);
	if (r->re != NULL)
		pcre2_code_free(r->re);
	for (size_t i = 0; i < r->nsets; i++)
		free(r->sets[i].tmpl);
	free(r->source);
	for (size_t i = 0; i < r->nex; i++) {
		free(r->ex[i].p);
		for (size_t j = 0; j < r->ex[i].nexp; j++)
			free(r->ex[i].exp[j].value);
	}
	free(r->ex);
	memset(r, 0, sizeof(*r));
}

/* One parsed `field=value[@weight]`. */
struct kv {
	enum fp_field field;
	char value[FP_MAX_VALUE + 1];
	double weight; /* -1 when absent */
};

/*
 * Parses a whitespace-separated list of field=value items (values may be
 * "quoted"; with allow_w a value may be followed by @weight).  Returns
 * the count (>= 1) or -1 with *why set.
 */
static long
parse_kvs(const char *s, bool allow_w, struct kv *out, size_t max,
	  const char **why)
{
	size_t n = 0;

	for (s = skipws(s); *s != 0 && *s != '#'; s = skipws(s)) {
		const char *k = s;
		size_t vn = 0;
		struct kv *kv;

		if (n >= max) {
			*why = "too many assignments";
			return -1;
		}
		kv = &out[n];
		while (*s >= 'a' && *s <= 'z')
			s++;
		if (cs_fp_field_parse(k, (size_t)(s - k), &kv->field) != 0) {
			*why = "unknown field (want manufacturer, brand, "
			       "model, firmware, class or surveillance)";
			return -1;
		}
		if (*s++ != '=') {
			*why = "expected field=value";
			return -1;
		}
		if (*s == '"') {
			s++;
			while (*s != '"') {
				if (*s == 0) {
					*why = "unterminated quoted value";
					return -1;
				}
				if (vn >= FP_MAX_VALUE) {
					*why = "value too long";
					return -1;
				}
				kv->value[vn++] = *s++;
			}
			s++;
		} else {
			while (*s != 0 && !isws(*s) &&
			       !(allow_w && *s == '@')) {
				if (vn >= FP_MAX_VALUE) {
					*why = "value too long";
					return -1;
				}
				kv->value[vn++] = *s++;
			}
		}
		kv->value[vn] = 0;
		if (vn == 0) {
			*why = "empty value";
			return -1;
		}
		kv->weight = -1;
		if (allow_w && *s == '@') {
			if (parse_weight(s + 1, &s, &kv->weight) != 0) {
				*why = "bad @weight (want a number in [0,1])";
				return -1;
			}
		}
		if (*s != 0 && !isws(*s)) {
			*why = "junk after value";
			return -1;
		}
		n++;
	}
	if (n == 0) {
		*why = "expected field=value";
		return -1;
	}
	return (long)n;
}

/* Checks a set template: $1..$9 and $$ only; literal class/surveillance. */
static const char *
check_template(const struct kv *kv)
{
	const char *v = kv->value;
	bool dollar = false;

	for (size_t i = 0; v[i] != 0; i++) {
		if (v[i] != '$')
			continue;
		if (v[i + 1] == '$') {
			i++;
			continue;
		}
		if (v[i + 1] < '1' || v[i + 1] > '9')
			return "'$' must be followed by 1-9 or '$'";
		dollar = true;
		i++;
	}
	if (dollar)
		return NULL;
	if (kv->field == FP_F_CLASS) {
		enum cs_class c;

		if (cs_class_parse(v, &c) != 0 || c == CS_CLASS_UNKNOWN)
			return "class must be a known class (camera, nvr, "
			       "dvr, encoder, decoder, intercom, ...)";
	}
	if (kv->field == FP_F_SURVEILLANCE && strcmp(v, "yes") != 0 &&
	    strcmp(v, "no") != 0)
		return "surveillance must be yes or no";
	return NULL;
}

static int
do_set(struct lp *lp, unsigned line, const char *arg)
{
	struct kv kv[FP_MAX_SETS];
	const char *why = NULL;
	long n = parse_kvs(arg, true, kv, CS_NELEM(kv), &why);

	if (n < 0)
		return LPERR(lp, line, "set: %s", why);
	for (long i = 0; i < n; i++) {
		struct fp_set *st;

		if ((why = check_template(&kv[i])) != NULL)
			return LPERR(lp, line, "set %s: %s",
				     cs_fp_field_name(kv[i].field), why);
		if (lp->cur.nsets >= FP_MAX_SETS)
			return LPERR(lp, line, "too many set fields (max %d)",
				     FP_MAX_SETS);
		st = &lp->cur.sets[lp->cur.nsets++];
		st->field = kv[i].field;
		st->tmpl = cs_xstrdup(kv[i].value);
		st->weight = kv[i].weight;
		st->line = line;
	}
	return 0;
}

static int
do_example(struct lp *lp, unsigned line, const char *arg, bool neg)
{
	uint8_t buf[FP_MAX_LINE];
	struct fp_example *ex;
	const char *why = NULL, *end = NULL;
	long n = parse_quoted(arg, buf, sizeof(buf), &end, &why);
	struct kv kv[FP_MAX_SETS];
	long nkv = 0;

	if (n < 0)
		return LPERR(lp, line, "example: %s", why);
	end = skipws(end);
	if (end[0] == '=' && end[1] == '>') {
		if (neg)
			return LPERR(
			    lp, line,
			    "example!: a non-matching example cannot expect "
			    "values");
		nkv = parse_kvs(end + 2, false, kv, CS_NELEM(kv), &why);
		if (nkv < 0)
			return LPERR(lp, line, "example: %s", why);
	} else if (*end != 0 && *end != '#') {
		return LPERR(
		    lp, line,
		    "example: junk after the string (want => field=value)");
	}
	if (lp->cur.nex >= FP_MAX_EXAMPLES)
		return LPERR(lp, line, "too many examples (max %d)",
			     FP_MAX_EXAMPLES);
	lp->cur.ex =
	    cs_xrealloc(lp->cur.ex, lp->cur.nex + 1, sizeof(*lp->cur.ex));
	ex = &lp->cur.ex[lp->cur.nex++];
	memset(ex, 0, sizeof(*ex));
	ex->p = cs_xmalloc(n ? (size_t)n : 1);
	if (n)
		memcpy(ex->p, buf, (size_t)n);
	ex->n = (size_t)n;
	ex->neg = neg;
	ex->line = line;
	for (long i = 0; i < nkv; i++) {
		ex->exp[i].field = kv[i].field;
		ex->exp[i].value = cs_xstrdup(kv[i].value);
	}
	ex->nexp = (size_t)nkv;
	return 0;
}

static int
do_on(struct lp *lp, unsigned line, const char *arg)
{
	const char *s = skipws(arg);

	if (*s == 0)
		return LPERR(lp, line, "on: expected an observation key");
	while (*s != 0 && *s != '#') {
		const char *k = s;
		size_t n;

		while (isidch(*s))
			s++;
		n = (size_t)(s - k);
		if (n == 0 || (*s != 0 && !isws(*s)))
			return LPERR(
			    lp, line,
			    "on: bad observation key (letters, digits, "
			    "'.', '_', '-')");
		if (n >= CS_OBS_MAX_KEY)
			return LPERR(lp, line, "on: key too long");
		if (lp->cur.nkeys >= FP_MAX_KEYS)
			return LPERR(lp, line, "on: too many keys (max %d)",
				     FP_MAX_KEYS);
		memcpy(lp->cur.keys[lp->cur.nkeys], k, n);
		lp->cur.keys[lp->cur.nkeys][n] = 0;
		/* One vocabulary (parse/obskeys.h): nothing emits it. */
		if (cs_obs_key_find(lp->cur.keys[lp->cur.nkeys]) == NULL)
			return LPERR(lp, line, "unknown observation key \"%s\"",
				     lp->cur.keys[lp->cur.nkeys]);
		lp->cur.nkeys++;
		s = skipws(s);
	}
	return 0;
}

static int
do_port(struct lp *lp, unsigned line, const char *arg)
{
	const char *s = skipws(arg);

	if (*s == 0)
		return LPERR(lp, line, "port: expected a port number");
	while (*s != 0 && *s != '#') {
		const char *k = s;
		uint64_t v;

		while (*s != 0 && !isws(*s))
			s++;
		if (cs_span_u64(cs_span_make(k, (size_t)(s - k)), 65535, &v) !=
			0 ||
		    v == 0)
			return LPERR(lp, line, "port: bad port number");
		if (lp->cur.nports >= FP_MAX_PORTS)
			return LPERR(lp, line, "port: too many ports (max %d)",
				     FP_MAX_PORTS);
		lp->cur.ports[lp->cur.nports++] = (uint16_t)v;
		s = skipws(s);
	}
	return 0;
}

static int
do_flags(struct lp *lp, unsigned line, const char *arg)
{
	const char *s = skipws(arg);

	if (*s == 0)
		return LPERR(lp, line, "flags: expected letters i, s, m, x");
	for (; *s != 0 && !isws(*s); s++) {
		switch (*s) {
		case 'i':
			lp->cur.pflags |= PCRE2_CASELESS;
			break;
		case 's':
			lp->cur.pflags |= PCRE2_DOTALL;
			break;
		case 'm':
			lp->cur.pflags |= PCRE2_MULTILINE;
			break;
		case 'x':
			lp->cur.pflags |= PCRE2_EXTENDED;
			break;
		default:
			return LPERR(lp, line,
				     "flags: unknown flag (want i, s, m, x)");
		}
	}
	s = skipws(s);
	if (*s != 0 && *s != '#')
		return LPERR(lp, line, "flags: junk after the flags");
	return 0;
}

/* `tier model|role|generic`: the kind of the rule's class evidence. */
static int
do_tier(struct lp *lp, unsigned line, const char *arg)
{
	static const char *const names[] = {"", "generic", "role", "model"};
	const char *s = skipws(arg), *k = s;
	size_t n;

	if (lp->cur.tier != FP_TIER_DEFAULT)
		return LPERR(lp, line, "duplicate 'tier'");
	while (*s != 0 && !isws(*s) && *s != '#')
		s++;
	n = (size_t)(s - k);
	s = skipws(s);
	if (*s != 0 && *s != '#')
		return LPERR(lp, line, "tier: junk after the tier");
	for (int t = FP_TIER_GENERIC; t < FP_TIER_COUNT; t++)
		if (n == strlen(names[t]) && memcmp(k, names[t], n) == 0) {
			lp->cur.tier = (enum fp_tier)t;
			return 0;
		}
	return LPERR(lp, line, "tier: want model, role or generic");
}

/* Compiles the pattern and checks the finished rule. */
static int
finish_rule(struct lp *lp)
{
	struct fp_rule *r = &lp->cur;
	size_t npos = 0, nneg = 0;
	pcre2_compile_context *cc;
	int ec = 0;
	PCRE2_SIZE eo = 0;

	lp->in_rule = false;
	if (r->nkeys == 0)
		return LPERR(lp, r->line, "rule %s: missing 'on'", r->id);
	if (r->pattern == NULL && !r->lookup)
		return LPERR(lp, r->line,
			     "rule %s: missing 'match' or 'lookup'", r->id);
	if (r->nsets == 0 && !r->lookup)
		return LPERR(lp, r->line, "rule %s: missing 'set'", r->id);
	if (!r->has_weight)
		return LPERR(lp, r->line, "rule %s: missing 'weight'", r->id);
	if (r->source == NULL)
		return LPERR(lp, r->line, "rule %s: missing 'source'", r->id);
	if (r->tier != FP_TIER_DEFAULT) {
		size_t i;

		for (i = 0; i < r->nsets && r->sets[i].field != FP_F_CLASS; i++)
			;
		if (i == r->nsets)
			return LPERR(lp, r->line,
				     "rule %s: 'tier' but no class= claim",
				     r->id);
	} else {
		r->tier = FP_TIER_ROLE;
	}
	for (size_t i = 0; i < r->nex; i++) {
		if (r->ex[i].neg)
			nneg++;
		else
			npos++;
	}
	if (npos == 0 || nneg == 0)
		return LPERR(lp, r->line,
			     "rule %s: needs at least one 'example' and one "
			     "'example!'",
			     r->id);
	/* A matching example must look like a value of one of the keys. */
	for (size_t i = 0; i < r->nex; i++) {
		const struct cs_obs_keydef *kd = NULL;
		bool ok = false;

		for (size_t k = 0; k < r->nkeys && !ok && !r->ex[i].neg; k++) {
			kd = cs_obs_key_find(r->keys[k]);
			ok = kd == NULL ||
			     cs_obs_shape_ok(kd->shape, r->ex[i].p, r->ex[i].n);
		}
		if (!ok && !r->ex[i].neg)
			return LPERR(lp, r->ex[i].line,
				     "example does not look like a %s value "
				     "(%s)",
				     r->keys[0], cs_obs_shape_name(kd->shape));
	}
	if (r->pattern != NULL) {
		cc = pcre2_compile_context_create(NULL);
		if (cc == NULL)
			return LPERR(lp, r->match_line, "out of memory");
		pcre2_set_max_pattern_length(cc, FP_MAX_PATTERN);
		pcre2_set_parens_nest_limit(cc, 64);
		r->re =
		    pcre2_compile((PCRE2_SPTR)r->pattern, PCRE2_ZERO_TERMINATED,
				  r->pflags | PCRE2_NEVER_UTF |
				      PCRE2_NEVER_UCP | PCRE2_NEVER_BACKSLASH_C,
				  &ec, &eo, cc);
		pcre2_compile_context_free(cc);
		if (r->re == NULL) {
			PCRE2_UCHAR msg[128];

			if (pcre2_get_error_message(ec, msg, sizeof(msg)) < 0)
				snprintf((char *)msg, sizeof(msg), "error %d",
					 ec);
			return LPERR(lp, r->match_line,
				     "rule %s: bad pattern at offset %zu: %s",
				     r->id, (size_t)eo, (const char *)msg);
		}
		/* JIT where PCRE2 has it (identify's speed, issue #11: a
		 * model family is tried on some 30 keys); without it the
		 * interpreter runs the same pattern.  The match limit holds
		 * for both (docs/fingerprints.md §2). */
		r->jit = pcre2_jit_compile(r->re, PCRE2_JIT_COMPLETE) == 0;
		if (pcre2_pattern_info(r->re, PCRE2_INFO_CAPTURECOUNT,
				       &r->ncap) != 0)
			r->ncap = 0;
	}
	for (size_t i = 0; i < r->nsets; i++) {
		const char *t = r->sets[i].tmpl;

		for (size_t j = 0; t[j] != 0; j++) {
			if (t[j] != '$')
				continue;
			if (t[j + 1] == '$') {
				j++;
				continue;
			}
			if ((uint32_t)(t[j + 1] - '0') > r->ncap)
				return LPERR(
				    lp, r->sets[i].line,
				    "rule %s: $%c but the pattern has %u "
				    "capture group(s)",
				    r->id, t[j + 1], (unsigned)r->ncap);
			j++;
		}
	}
	for (size_t i = 0; i < lp->db->nrules; i++)
		if (strcmp(lp->db->rules[i].id, r->id) == 0)
			return LPERR(lp, r->line,
				     "duplicate rule id %s (first "
				     "in %s:%u)",
				     r->id, lp->db->rules[i].file,
				     lp->db->rules[i].line);
	if (lp->db->nrules >= FP_MAX_RULES)
		return LPERR(lp, r->line, "too many rules (max %d)",
			     FP_MAX_RULES);
	if (lp->db->nrules == lp->db->caprules) {
		lp->db->caprules = lp->db->caprules ? lp->db->caprules * 2 : 64;
		lp->db->rules = cs_xrealloc(lp->db->rules, lp->db->caprules,
					    sizeof(*lp->db->rules));
	}
	lp->db->rules[lp->db->nrules++] = *r;
	memset(r, 0, sizeof(*r));
	return 0;
}

static int
start_rule(struct lp *lp, unsigned line, const char *arg)
{
	const char *s = skipws(arg), *k = s;
	size_t n;

	while (isidch(*s))
		s++;
	n = (size_t)(s - k);
	if (n == 0 || n >= sizeof(lp->cur.id))
		return LPERR(
		    lp, line,
		    "rule: bad id (1-63 letters, digits, '.', '_', '-')");
	s = skipws(s);
	if (*s != 0 && *s != '#')
		return LPERR(lp, line, "rule: junk after the id");
	memset(&lp->cur, 0, sizeof(lp->cur));
	memcpy(lp->cur.id, k, n);
	lp->cur.idlen = n;
	cs_strlcpy(lp->cur.file, lp->name, sizeof(lp->cur.file));
	lp->cur.line = line;
	lp->in_rule = true;
	return 0;
}

/* Parses one line (NUL-terminated, no NUL inside, no newline). */
static int
parse_line(struct lp *lp, unsigned line, char *s)
{
	char word[16], pr[48];
	const char *d, *arg;
	size_t dn;

	while (isws(*s))
		s++;
	if (*s == 0 || *s == '#')
		return 0;
	d = s;
	while (*s != 0 && !isws(*s))
		s++;
	dn = (size_t)(s - d);
	arg = skipws(s);
	if (dn >= sizeof(word))
		return LPERR(lp, line, "unknown directive '%s'",
			     printable(pr, sizeof(pr), d, dn));
	memcpy(word, d, dn);
	word[dn] = 0;
	if (strcmp(word, "rule") == 0) {
		if (lp->in_rule && finish_rule(lp) != 0)
			return CS_EINVAL;
		return start_rule(lp, line, arg);
	}
	if (!lp->in_rule)
		return LPERR(lp, line, "'%s' outside a rule", word);
	if (strcmp(word, "on") == 0)
		return do_on(lp, line, arg);
	if (strcmp(word, "port") == 0)
		return do_port(lp, line, arg);
	if (strcmp(word, "flags") == 0)
		return do_flags(lp, line, arg);
	if (strcmp(word, "set") == 0)
		return do_set(lp, line, arg);
	if (strcmp(word, "example") == 0)
		return do_example(lp, line, arg, false);
	if (strcmp(word, "example!") == 0)
		return do_example(lp, line, arg, true);
	if (strcmp(word, "match") == 0) {
		size_t n = strlen(arg);

		if (lp->cur.pattern != NULL)
			return LPERR(lp, line, "duplicate 'match'");
		while (n && isws(arg[n - 1]))
			n--;
		if (n == 0)
			return LPERR(lp, line, "match: empty pattern");
		if (n > FP_MAX_PATTERN)
			return LPERR(lp, line,
				     "match: pattern too long "
				     "(max %d bytes)",
				     FP_MAX_PATTERN);
		lp->cur.pattern = cs_xstrndup(arg, n);
		lp->cur.match_line = line;
		return 0;
	}
	if (strcmp(word, "lookup") == 0) {
		size_t n = strlen(arg);

		while (n && isws(arg[n - 1]))
			n--;
		if (n != 6 || memcmp(arg, "brands", 6) != 0)
			return LPERR(lp, line,
				     "lookup: only 'lookup brands' "
				     "is supported");
		lp->cur.lookup = true;
		return 0;
	}
	if (strcmp(word, "weight") == 0) {
		const char *end = arg;

		if (lp->cur.has_weight)
			return LPERR(lp, line, "duplicate 'weight'");
		if (parse_weight(arg, &end, &lp->cur.weight) != 0 ||
		    (*skipws(end) != 0 && *skipws(end) != '#'))
			return LPERR(lp, line,
				     "weight: want a number in [0,1]");
		lp->cur.has_weight = true;
		return 0;
	}
	if (strcmp(word, "tier") == 0)
		return do_tier(lp, line, arg);
	if (strcmp(word, "source") == 0) {
		size_t n = strlen(arg);

		while (n && isws(arg[n - 1]))
			n--;
		if (n == 0)
			return LPERR(lp, line, "source: empty");
		if (n > FP_MAX_TEXT)
			return LPERR(lp, line, "source: too long (max %d)",
				     FP_MAX_TEXT);
		free(lp->cur.source);
		lp->cur.source = cs_xstrndup(arg, n);
		return 0;
	}
	return LPERR(lp, line, "unknown directive '%s'",
		     printable(pr, sizeof(pr), word, dn));
}

/*
 * Calls fn for each line of the n bytes at p with a NUL-terminated copy,
 * enforcing the line cap and rejecting NUL bytes.
 */
static int
each_line(const char *name, const uint8_t *p, size_t n, char *err, size_t errsz,
	  int (*fn)(void *, unsigned, char *), void *arg)
{
	char *buf = cs_xmalloc(FP_MAX_LINE + 1);
	struct cs_lines lines;
	struct cs_span ln;
	unsigned line;
	int rc = 0;

	if (n > FP_MAX_FILE) {
		rc = seterr(err, errsz, name, 0,
			    "file too large (max %u "
			    "bytes)",
			    FP_MAX_FILE);
		goto out;
	}
	cs_lines_init(&lines, p, n);
	while (cs_lines_next(&lines, &ln)) {
		line = lines.line;
		if (ln.n > FP_MAX_LINE) {
			rc =
			    seterr(err, errsz, name, line,
				   "line too long (max %d bytes)", FP_MAX_LINE);
			goto out;
		}
		if (memchr(ln.p, 0, ln.n) != NULL) {
			rc = seterr(err, errsz, name, line, "NUL byte in line");
			goto out;
		}
		memcpy(buf, ln.p, ln.n);
		buf[ln.n] = 0;
		if ((rc = fn(arg, line, buf)) != 0)
			goto out;
	}
out:
	free(buf);
	return rc;
}

static int
rule_line_cb(void *arg, unsigned line, char *s)
{
	return parse_line(arg, line, s);
}

/* Parses one rule file into db; on error db keeps its earlier rules. */
static int
parse_rules(struct cs_fpdb *db, const char *name, const uint8_t *p, size_t n,
	    char *err, size_t errsz)
{
	struct lp lp;
	int rc;

	memset(&lp, 0, sizeof(lp));
	lp.db = db;
	lp.name = name;
	lp.err = err;
	lp.errsz = errsz;
	lp.first_new = db->nrules;
	rc = each_line(name, p, n, err, errsz, rule_line_cb, &lp);
	if (rc == 0 && lp.in_rule)
		rc = finish_rule(&lp);
	cs_fp_rule_clear(&lp.cur);
	if (rc != 0) {
		while (db->nrules > lp.first_new)
			cs_fp_rule_clear(&db->rules[--db->nrules]);
		return CS_EINVAL;
	}
	return 0;
}

/* ---------------------------------------------------------------------- */
/* Entity tables. */

#define TSV_MAXCOLS 9

enum tsv_kind { TSV_MAKERS, TSV_BRANDS, TSV_OEM, TSV_OWN, TSV_MODELS };

static const size_t tsv_ncols[] = {8, 7, 8, 7, 9};

struct tp {
	struct cs_fpdb *db;
	const char *name;
	char *err;
	size_t errsz;
	enum tsv_kind kind;
};

#define TPERR(tp, line, ...)                                                   \
	seterr((tp)->err, (tp)->errsz, (tp)->name, (line), __VA_ARGS__)

/* Splits s at tabs into exactly ncols trimmed fields (NUL-terminated in
 * place). */
static int
split_tsv(char *s, char *col[TSV_MAXCOLS], size_t ncols)
{
	struct cs_span f[TSV_MAXCOLS];
	size_t n = cs_tsv_split(cs_span_make(s, strlen(s)), f, ncols, true);

	if (n != ncols)
		return CS_EINVAL;
	for (size_t i = 0; i < n; i++) {
		col[i] = s + (f[i].p - (const uint8_t *)s);
		col[i][f[i].n] = '\0';
	}
	return 0;
}

/* Parses a '|'-separated alias list ("-" = none) into a[]. */
static int
parse_aliases(char *s, struct fp_alias *a, size_t *na)
{
	if (strcmp(s, "-") == 0 || *s == 0)
		return 0;
	for (;;) {
		char *bar = strchr(s, '|');
		bool exact = false;
		size_t n;

		if (bar)
			*bar = 0;
		if (*s == '=') {
			exact = true;
			s++;
		}
		n = strlen(s);
		if (n == 0 || n > FP_MAX_VALUE || *na >= FP_MAX_ALIASES)
			return CS_EINVAL;
		a[*na].text = cs_xstrdup(s);
		a[*na].len = n;
		a[*na].exact_case = exact;
		(*na)++;
		if (!bar)
			break;
		s = bar + 1;
	}
	return 0;
}

static const struct {
	const char *name;
	double v;
} conf_table[] = {{"high", 0.9},
		  {"medium-high", 0.8},
		  {"medium", 0.7},
		  {"medium-low", 0.55},
		  {"low", 0.4}};

static double
parse_conf(const char *s)
{
	for (size_t i = 0; i < CS_NELEM(conf_table); i++)
		if (strcmp(s, conf_table[i].name) == 0)
			return conf_table[i].v;
	return -1;
}

const char *
cs_fp_conf_name(double conf)
{
	for (size_t i = 0; i < CS_NELEM(conf_table); i++)
		if (conf >= conf_table[i].v - 1e-9)
			return conf_table[i].name;
	return "low";
}

static int
find_maker(const struct cs_fpdb *db, const char *name)
{
	for (size_t i = 0; i < db->nmakers; i++)
		if (cs_span_ieq(cs_span_make(name, strlen(name)),
				db->makers[i].name))
			return (int)i;
	return -1;
}

static int
find_brand(const struct cs_fpdb *db, const char *name)
{
	for (size_t i = 0; i < db->nbrands; i++)
		if (cs_span_ieq(cs_span_make(name, strlen(name)),
				db->brands[i].name))
			return (int)i;
	return -1;
}

/* Checks a date column: '-' (stored as ""), YYYY, YYYY-MM or YYYY-MM-DD. */
static int
parse_date(const char *s, char out[11])
{
	struct cs_date d;

	out[0] = 0;
	if (strcmp(s, "-") == 0)
		return 0;
	if (cs_date_parse(cs_span_make(s, strlen(s)),
			  CS_DATE_YEAR | CS_DATE_MONTH, &d) != 0)
		return CS_EINVAL;
	cs_strlcpy(out, s, 11);
	return 0;
}

/* The source column: non-empty, not '-', at most FP_MAX_TEXT bytes. */
static bool
source_ok(const char *s)
{
	size_t n = strlen(s);

	return n > 0 && n <= FP_MAX_TEXT && strcmp(s, "-") != 0;
}

static char *
dash_empty_dup(const char *s)
{
	return cs_xstrdup(strcmp(s, "-") == 0 ? "" : s);
}

static int
makers_row(struct tp *tp, unsigned line, char **col)
{
	struct cs_fpdb *db = tp->db;
	struct fp_maker *m;
	size_t cl = strlen(col[2]);
	double conf = parse_conf(col[6]);

	if (find_maker(db, col[0]) >= 0)
		return TPERR(tp, line, "duplicate maker");
	if (*col[1] == 0 || strlen(col[1]) > FP_MAX_TEXT)
		return TPERR(tp, line, "bad legal name");
	if (!(cl == 2 || (cl == 1 && col[2][0] == '-')))
		return TPERR(tp, line, "bad country (ISO 3166 alpha-2 or '-')");
	if (strcmp(col[3], "yes") != 0 && strcmp(col[3], "no") != 0 &&
	    strcmp(col[3], "only") != 0 && strcmp(col[3], "mostly") != 0)
		return TPERR(tp, line,
			     "cctv column must be yes, no, mostly or only");
	if (strlen(col[4]) > 95)
		return TPERR(tp, line, "parent too long");
	if (conf < 0)
		return TPERR(tp, line,
			     "bad confidence (high, medium-high, medium, "
			     "medium-low, low)");
	if (!source_ok(col[7]))
		return TPERR(tp, line, "missing source");
	if (db->nmakers >= FP_MAX_BRANDS)
		return TPERR(tp, line, "too many rows");
	db->makers =
	    cs_xrealloc(db->makers, db->nmakers + 1, sizeof(*db->makers));
	m = &db->makers[db->nmakers++];
	memset(m, 0, sizeof(*m));
	m->name = cs_xstrdup(col[0]);
	m->legal = cs_xstrdup(col[1]);
	m->parent = dash_empty_dup(col[4]);
	m->source = cs_xstrdup(col[7]);
	m->conf = conf;
	if (cl == 2)
		cs_strlcpy(m->country, col[2], sizeof(m->country));
	m->cctv_only = strcmp(col[3], "only") == 0;
	m->cctv_mostly = strcmp(col[3], "mostly") == 0;
	m->cctv = m->cctv_only || m->cctv_mostly || strcmp(col[3], "yes") == 0;
	if (parse_aliases(col[5], m->alias, &m->nalias) != 0)
		return TPERR(tp, line, "bad alias list");
	return 0;
}

static int
brands_row(struct tp *tp, unsigned line, char **col)
{
	static const char *const rel[] = {"own", "sub-brand", "subsidiary",
					  "white-label", "former-name"};
	struct cs_fpdb *db = tp->db;
	struct fp_brand *b;
	int mk = find_maker(db, col[1]);
	double conf = parse_conf(col[5]);
	bool relok = false;

	if (mk < 0)
		return TPERR(tp, line, "unknown maker '%s' (not in makers.tsv)",
			     col[1]);
	for (size_t i = 0; i < CS_NELEM(rel); i++)
		relok |= strcmp(col[2], rel[i]) == 0;
	if (!relok)
		return TPERR(tp, line,
			     "bad relation (own, sub-brand, subsidiary, "
			     "white-label, former-name)");
	if (conf < 0)
		return TPERR(tp, line,
			     "bad confidence (high, medium-high, medium, "
			     "medium-low, low)");
	if (!source_ok(col[6]))
		return TPERR(tp, line, "missing source");
	if (find_brand(db, col[0]) >= 0)
		return TPERR(tp, line, "duplicate brand");
	if (db->nbrands >= FP_MAX_BRANDS)
		return TPERR(tp, line, "too many rows");
	db->brands =
	    cs_xrealloc(db->brands, db->nbrands + 1, sizeof(*db->brands));
	b = &db->brands[db->nbrands++];
	memset(b, 0, sizeof(*b));
	b->name = cs_xstrdup(col[0]);
	b->maker = (size_t)mk;
	b->conf = conf;
	cs_strlcpy(b->relation, col[2], sizeof(b->relation));
	b->source = cs_xstrdup(col[6]);
	if (parse_aliases(col[3], b->alias, &b->nalias) != 0)
		return TPERR(tp, line, "bad alias list");
	if (parse_aliases(col[4], b->excl, &b->nexcl) != 0)
		return TPERR(tp, line, "bad exclusion list");
	if (b->nalias == 0)
		return TPERR(tp, line,
			     "a brand needs at least one alias to "
			     "search for");
	return 0;
}

static int
oem_row(struct tp *tp, unsigned line, char **col)
{
	struct cs_fpdb *db = tp->db;
	struct fp_oem *o;
	int br = find_brand(db, col[0]), mk = find_maker(db, col[3]);
	double conf = parse_conf(col[6]);
	char from[11], to[11];

	if (br < 0)
		return TPERR(tp, line, "unknown brand '%s' (not in brands.tsv)",
			     col[0]);
	if (mk < 0)
		return TPERR(tp, line, "unknown maker '%s' (not in makers.tsv)",
			     col[3]);
	if (*col[1] == 0 || strlen(col[1]) > FP_MAX_VALUE)
		return TPERR(tp, line, "bad product line");
	if (strlen(col[2]) > 127)
		return TPERR(tp, line, "prefix list too long");
	if (parse_date(col[4], from) != 0 || parse_date(col[5], to) != 0)
		return TPERR(tp, line,
			     "bad date (YYYY, YYYY-MM, YYYY-MM-DD "
			     "or -)");
	if (conf < 0)
		return TPERR(tp, line, "bad confidence");
	if (!source_ok(col[7]))
		return TPERR(tp, line, "missing source");
	if (db->noems >= FP_MAX_BRANDS)
		return TPERR(tp, line, "too many rows");
	db->oems = cs_xrealloc(db->oems, db->noems + 1, sizeof(*db->oems));
	o = &db->oems[db->noems++];
	memset(o, 0, sizeof(*o));
	o->brand = (size_t)br;
	o->maker = (size_t)mk;
	o->line = cs_xstrdup(col[1]);
	o->prefixes = dash_empty_dup(col[2]);
	cs_strlcpy(o->from, from, sizeof(o->from));
	cs_strlcpy(o->to, to, sizeof(o->to));
	o->conf = conf;
	o->source = cs_xstrdup(col[7]);
	return 0;
}

static int
own_row(struct tp *tp, unsigned line, char **col)
{
	struct cs_fpdb *db = tp->db;
	struct fp_own *o;
	double conf = parse_conf(col[5]);
	char from[11], to[11];

	if (strlen(col[1]) == 0 || strlen(col[1]) > 95 || strlen(col[0]) > 95)
		return TPERR(tp, line, "bad owner");
	if (*col[2] == 0 || strlen(col[2]) > 31)
		return TPERR(tp, line, "bad relation");
	if (parse_date(col[3], from) != 0 || parse_date(col[4], to) != 0)
		return TPERR(tp, line,
			     "bad date (YYYY, YYYY-MM, YYYY-MM-DD "
			     "or -)");
	if (conf < 0)
		return TPERR(tp, line, "bad confidence");
	if (!source_ok(col[6]))
		return TPERR(tp, line, "missing source");
	if (db->nowns >= FP_MAX_BRANDS)
		return TPERR(tp, line, "too many rows");
	db->owns = cs_xrealloc(db->owns, db->nowns + 1, sizeof(*db->owns));
	o = &db->owns[db->nowns++];
	memset(o, 0, sizeof(*o));
	o->entity = cs_xstrdup(col[0]);
	o->owner = cs_xstrdup(col[1]);
	cs_strlcpy(o->relation, col[2], sizeof(o->relation));
	cs_strlcpy(o->from, from, sizeof(o->from));
	cs_strlcpy(o->to, to, sizeof(o->to));
	o->conf = conf;
	o->source = cs_xstrdup(col[6]);
	return 0;
}

/*
 * models.tsv is validated by its own loader (src/oui/models.c); the
 * engine takes only the post-relation product lines from it (rows
 * "former-owner" with an until date, a known brand and maker, a pattern
 * other than '*'), and skips every other row.
 */
static int
models_row(struct tp *tp, char **col)
{
	struct cs_fpdb *db = tp->db;
	struct fp_postline *p;
	int br, mk;
	char until[11];

	if (strcmp(col[5], "former-owner") != 0 || col[0][0] == '*' ||
	    strncmp(col[0], "brand:", 6) == 0 || strlen(col[0]) >= 64 ||
	    parse_date(col[6], until) != 0 || until[0] == 0)
		return 0;
	br = find_brand(db, col[1]);
	mk = find_maker(db, col[2]);
	if (br < 0 || mk < 0 || db->nposts >= FP_MAX_BRANDS)
		return 0;
	db->posts = cs_xrealloc(db->posts, db->nposts + 1, sizeof(*db->posts));
	p = &db->posts[db->nposts++];
	memset(p, 0, sizeof(*p));
	p->brand = (size_t)br;
	p->maker = (size_t)mk;
	cs_strlcpy(p->pattern, col[0], sizeof(p->pattern));
	cs_strlcpy(p->until, until, sizeof(p->until));
	return 0;
}

static int
tsv_line_cb(void *arg, unsigned line, char *s)
{
	struct tp *tp = arg;
	char *col[TSV_MAXCOLS];
	const char *t = skipws(s);
	size_t nc = tsv_ncols[tp->kind];

	if (*t == 0 || *t == '#')
		return 0;
	if (tp->kind == TSV_MODELS)
		return split_tsv(s, col, nc) == 0 ? models_row(tp, col) : 0;
	if (split_tsv(s, col, nc) != 0)
		return TPERR(tp, line,
			     "want %zu tab-separated columns (the last is "
			     "the source)",
			     nc);
	if (*col[0] == 0 || strlen(col[0]) > FP_MAX_VALUE)
		return TPERR(tp, line, "bad name");
	switch (tp->kind) {
	case TSV_MAKERS:
		return makers_row(tp, line, col);
	case TSV_BRANDS:
		return brands_row(tp, line, col);
	case TSV_OEM:
		return oem_row(tp, line, col);
	default:
		return own_row(tp, line, col);
	}
}

/* Reads a whole file (at most FP_MAX_FILE bytes); caller frees *out. */
static int
read_file(const char *path, const char *name, uint8_t **out, size_t *n,
	  char *err, size_t errsz)
{
	struct cs_buf b;
	int r;

	cs_buf_init(&b, FP_MAX_FILE);
	r = cs_file_read(path, FP_MAX_FILE, &b, NULL);
	if (r != 0) {
		if (r == CS_ELIMIT)
			r = seterr(err, errsz, name, 0,
				   "file too large (max %u bytes)",
				   FP_MAX_FILE);
		else if (errno != EIO) /* fopen failed */
			r = seterr(err, errsz, name, 0, "cannot open: %s",
				   strerror(errno));
		else
			r = seterr(err, errsz, name, 0, "read error");
		cs_buf_free(&b);
		return r;
	}
	*out = b.p != NULL ? b.p : cs_xmalloc(1);
	*n = b.len;
	return 0;
}

static int
load_tsv(struct cs_fpdb *db, const char *dir, const char *file,
	 enum tsv_kind kind, bool optional, char *err, size_t errsz)
{
	char path[4096];
	uint8_t *buf = NULL;
	size_t n = 0;
	struct tp tp = {db, file, err, errsz, kind};
	int rc;

	if ((size_t)snprintf(path, sizeof(path), "%s/%s", dir, file) >=
	    sizeof(path))
		return seterr(err, errsz, file, 0, "path too long");
	if (optional && access(path, F_OK) != 0)
		return 0;
	if ((rc = read_file(path, file, &buf, &n, err, errsz)) != 0)
		return rc;
	rc = each_line(file, buf, n, err, errsz, tsv_line_cb, &tp);
	free(buf);
	return rc;
}

static int
cmpstr(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int
load_dir(struct cs_fpdb *db, const char *dir, char *err, size_t errsz)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char *names[FP_MAX_FILES];
	size_t nn = 0;
	int rc = 0;

	if (d == NULL)
		return seterr(err, errsz, dir, 0, "cannot open directory: %s",
			      strerror(errno));
	while ((e = readdir(d)) != NULL) {
		size_t l = strlen(e->d_name);

		if (e->d_name[0] == '.' || l < 4 ||
		    strcmp(e->d_name + l - 3, ".fp") != 0)
			continue;
		if (nn >= FP_MAX_FILES) {
			rc = seterr(err, errsz, dir, 0,
				    "too many rule files "
				    "(max %d)",
				    FP_MAX_FILES);
			break;
		}
		names[nn++] = cs_xstrdup(e->d_name);
	}
	closedir(d);
	if (rc == 0)
		qsort(names, nn, sizeof(names[0]), cmpstr);
	for (size_t i = 0; i < nn && rc == 0; i++) {
		char path[4096];
		uint8_t *buf = NULL;
		size_t n = 0;

		if ((size_t)snprintf(path, sizeof(path), "%s/%s", dir,
				     names[i]) >= sizeof(path)) {
			rc = seterr(err, errsz, names[i], 0, "path too long");
			break;
		}
		rc = read_file(path, names[i], &buf, &n, err, errsz);
		if (rc == 0)
			rc = parse_rules(db, names[i], buf, n, err, errsz);
		free(buf);
	}
	for (size_t i = 0; i < nn; i++)
		free(names[i]);
	return rc;
}

/* ---------------------------------------------------------------------- */
/* Public API. */

struct cs_fpdb *
cs_fpdb_load(const char *dir_fingerprints, const char *dir_entities, char *err,
	     size_t errsz)
{
	struct cs_fpdb *db = cs_xcalloc(1, sizeof(*db));

	if (errsz)
		err[0] = 0;
	if (dir_entities != NULL &&
	    (load_tsv(db, dir_entities, "makers.tsv", TSV_MAKERS, false, err,
		      errsz) != 0 ||
	     load_tsv(db, dir_entities, "brands.tsv", TSV_BRANDS, false, err,
		      errsz) != 0 ||
	     load_tsv(db, dir_entities, "oem.tsv", TSV_OEM, true, err, errsz) !=
		 0 ||
	     load_tsv(db, dir_entities, "ownership.tsv", TSV_OWN, true, err,
		      errsz) != 0 ||
	     load_tsv(db, dir_entities, "models.tsv", TSV_MODELS, true, err,
		      errsz) != 0))
		goto fail;
	if (dir_fingerprints != NULL &&
	    load_dir(db, dir_fingerprints, err, errsz) != 0)
		goto fail;
	cs_fp_index_build(db);
	return db;
fail:
	cs_fpdb_free(db);
	return NULL;
}

struct cs_fpdb *
cs_fpdb_load_mem(const char *name, const uint8_t *p, size_t n, char *err,
		 size_t errsz)
{
	struct cs_fpdb *db = cs_xcalloc(1, sizeof(*db));

	if (errsz)
		err[0] = 0;
	if (parse_rules(db, name, p, n, err, errsz) != 0) {
		cs_fpdb_free(db);
		return NULL;
	}
	cs_fp_index_build(db);
	return db;
}

int
cs_fpdb_add_mem(struct cs_fpdb *db, const char *name, const uint8_t *p,
		size_t n, char *err, size_t errsz)
{
	int rc;

	if (errsz)
		err[0] = 0;
	rc = parse_rules(db, name, p, n, err, errsz);
	cs_fp_index_build(db);
	return rc;
}

static void
free_aliases(struct fp_alias *a, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(a[i].text);
}

void
cs_fpdb_free(struct cs_fpdb *db)
{
	if (db == NULL)
		return;
	for (size_t i = 0; i < db->nrules; i++)
		cs_fp_rule_clear(&db->rules[i]);
	free(db->rules);
	cs_fp_index_free(db);
	for (size_t i = 0; i < db->nmakers; i++) {
		free(db->makers[i].name);
		free(db->makers[i].legal);
		free(db->makers[i].parent);
		free(db->makers[i].source);
		free_aliases(db->makers[i].alias, db->makers[i].nalias);
	}
	free(db->makers);
	for (size_t i = 0; i < db->nbrands; i++) {
		free(db->brands[i].name);
		free(db->brands[i].source);
		free_aliases(db->brands[i].alias, db->brands[i].nalias);
		free_aliases(db->brands[i].excl, db->brands[i].nexcl);
	}
	free(db->brands);
	for (size_t i = 0; i < db->noems; i++) {
		free(db->oems[i].line);
		free(db->oems[i].prefixes);
		free(db->oems[i].source);
	}
	free(db->oems);
	for (size_t i = 0; i < db->nowns; i++) {
		free(db->owns[i].entity);
		free(db->owns[i].owner);
		free(db->owns[i].source);
	}
	free(db->owns);
	free(db->posts);
	free(db);
}

size_t
cs_fpdb_rule_count(const struct cs_fpdb *db)
{
	return db ? db->nrules : 0;
}

size_t
cs_fpdb_brand_count(const struct cs_fpdb *db)
{
	return db ? db->nbrands : 0;
}

size_t
cs_fpdb_maker_count(const struct cs_fpdb *db)
{
	return db ? db->nmakers : 0;
}
