/* SPDX-License-Identifier: ISC */
/* SOAP and small XML documents through a locked-down expat; see .h. */
#include "parse/parse_soap.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>

#include <expat.h>

#include "core/alloc.h"
#include "core/str.h"
#include "core/poison.h"

#define NS_SEP '\n' /* expat's URI/local-name separator */
#define NAME_MAX_KEPT 64
#define CAP_MAX (CS_XML_NAMES_MAX + 8)

enum cap_kind {
	CAP_TEXT,   /* copy, trim */
	CAP_APPEND, /* append to existing text with a space */
	CAP_NUM,    /* small integer into *num */
};

/* One element whose text is being collected. */
struct cap {
	char *buf;
	size_t sz, len, start;
	unsigned depth;
	enum cap_kind kind;
	int *num;
	int lo, hi;
};

struct xst {
	XML_Parser xp;
	int err;
	unsigned depth;
	unsigned base;       /* depth of the synthetic root when salvaging */
	bool salvage;        /* second pass: no namespaces, wrapped input */
	bool denied;         /* a DOCTYPE or entity declaration was seen */
	unsigned pending_ns; /* namespace declarations for the next element */
	char stack[CS_XML_DEPTH_MAX][NAME_MAX_KEPT];
	struct cap cap[CAP_MAX];
	size_t ncap;
	char numbuf[6][16];
	/* cs_soap_parse mode */
	struct cs_soap *soap;
	/* cs_xml_find_text mode */
	const char *const *names;
	size_t nnames;
	char (*out)[128];
	bool found[CS_XML_NAMES_MAX];
	struct cs_xml_meta *meta;
};

static void
fail(struct xst *st, int rc)
{
	if (st->err == 0)
		st->err = rc;
	XML_StopParser(st->xp, XML_FALSE);
}

static void
cap_begin(struct xst *st, char *buf, size_t sz, enum cap_kind kind)
{
	struct cap *c;

	if (st->ncap >= CAP_MAX)
		return;
	c = &st->cap[st->ncap++];
	memset(c, 0, sizeof(*c));
	c->buf = buf;
	c->sz = sz;
	c->kind = kind;
	c->depth = st->depth;
	c->len = kind == CAP_APPEND ? strnlen(buf, sz - 1) : 0;
	if (kind == CAP_APPEND && c->len > 0 && c->len + 1 < sz)
		buf[c->len++] = ' ';
	c->start = c->len;
	buf[c->len] = '\0';
}

static bool
is_space(char ch)
{
	return ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n';
}

static void
cap_end(struct cap *c)
{
	size_t s = c->start, e = c->len;
	long long v;

	while (s < e && is_space(c->buf[s]))
		s++;
	while (e > s && is_space(c->buf[e - 1]))
		e--;
	memmove(c->buf + c->start, c->buf + s, e - s);
	c->len = c->start + (e - s);
	if (c->kind == CAP_APPEND && c->len == c->start && c->start > 0)
		c->len--; /* drop the separator added for empty text */
	c->buf[c->len] = '\0';
	if (c->kind == CAP_NUM && c->num != NULL &&
	    cs_str_tonum(c->buf, c->lo, c->hi, &v) == 0)
		*c->num = (int)v;
}

static const char *
local_name(const XML_Char *name, size_t *urilen)
{
	const char *sep = strrchr(name, NS_SEP);

	*urilen = sep ? (size_t)(sep - name) : 0;
	return sep ? sep + 1 : name;
}

/* Without namespace processing: "tds:Model" -> "Model". */
static const char *
local_name_plain(const XML_Char *name)
{
	const char *c = strrchr(name, ':');

	return c ? c + 1 : name;
}

static void add_ns(struct xst *st, const char *uri);

static bool
eq(const char *a, const char *b)
{
	return strcmp(a, b) == 0;
}

static void
soap_num(struct xst *st, int slot, int *num, int lo, int hi)
{
	struct cap *c;
	size_t before = st->ncap;

	cap_begin(st, st->numbuf[slot], sizeof(st->numbuf[slot]), CAP_NUM);
	if (st->ncap == before)
		return;
	c = &st->cap[st->ncap - 1];
	c->num = num;
	c->lo = lo;
	c->hi = hi;
}

static void
soap_start(struct xst *st, const char *l)
{
	struct cs_soap *s = st->soap;
	const char *par = st->depth >= 2 ? st->stack[st->depth - 2] : "";
	const char *gp = st->depth >= 3 ? st->stack[st->depth - 3] : "";
	static const struct {
		const char *name;
		size_t off, sz;
	} simple[] = {
	    {"Manufacturer", offsetof(struct cs_soap, manufacturer), 128},
	    {"Model", offsetof(struct cs_soap, model), 128},
	    {"FirmwareVersion", offsetof(struct cs_soap, firmware), 128},
	    {"SerialNumber", offsetof(struct cs_soap, serial), 128},
	    {"HardwareId", offsetof(struct cs_soap, hardware_id), 128},
	    {"XAddrs", offsetof(struct cs_soap, xaddrs), 1024},
	    /* GetCapabilities / GetServices: a service's address. */
	    {"XAddr", offsetof(struct cs_soap, xaddrs), 1024},
	    {"Types", offsetof(struct cs_soap, types), 512},
	};

	if (eq(par, "Body") && s->body_op[0] == '\0')
		cs_strlcpy(s->body_op, l, sizeof(s->body_op));
	if (eq(par, "Body") && eq(l, "Fault"))
		s->fault = true;
	for (size_t i = 0; i < CS_NELEM(simple); i++) {
		char *f = (char *)s + simple[i].off;

		if (eq(l, simple[i].name) && f[0] == '\0')
			cap_begin(st, f, simple[i].sz, CAP_TEXT);
	}
	if (eq(l, "Scopes"))
		cap_begin(st, s->scopes, sizeof(s->scopes), CAP_APPEND);
	else if (eq(l, "Value") && eq(par, "Code") && eq(gp, "Fault") &&
		 s->fault_code[0] == '\0')
		cap_begin(st, s->fault_code, sizeof(s->fault_code), CAP_TEXT);
	else if (eq(l, "Value") && eq(par, "Subcode") &&
		 s->fault_subcode[0] == '\0')
		cap_begin(st, s->fault_subcode, sizeof(s->fault_subcode),
			  CAP_TEXT);
	else if (eq(l, "Text") && eq(par, "Reason") &&
		 s->fault_reason[0] == '\0')
		cap_begin(st, s->fault_reason, sizeof(s->fault_reason),
			  CAP_TEXT);
	else if (eq(l, "faultcode") && eq(par, "Fault") &&
		 s->fault_code[0] == '\0')
		cap_begin(st, s->fault_code, sizeof(s->fault_code), CAP_TEXT);
	else if (eq(l, "faultstring") && eq(par, "Fault") &&
		 s->fault_reason[0] == '\0')
		cap_begin(st, s->fault_reason, sizeof(s->fault_reason),
			  CAP_TEXT);
	else if (eq(gp, "UTCDateTime") && eq(par, "Date")) {
		if (eq(l, "Year"))
			soap_num(st, 0, &s->utc_year, 1970, 9999);
		else if (eq(l, "Month"))
			soap_num(st, 1, &s->utc_month, 1, 12);
		else if (eq(l, "Day"))
			soap_num(st, 2, &s->utc_day, 1, 31);
	} else if (eq(gp, "UTCDateTime") && eq(par, "Time")) {
		if (eq(l, "Hour"))
			soap_num(st, 3, &s->utc_hour, 0, 23);
		else if (eq(l, "Minute"))
			soap_num(st, 4, &s->utc_minute, 0, 59);
		else if (eq(l, "Second"))
			soap_num(st, 5, &s->utc_second, 0, 60);
	}
}

static void
find_start(struct xst *st, const char *l)
{
	for (size_t i = 0; i < st->nnames; i++) {
		if (!st->found[i] && eq(l, st->names[i])) {
			st->found[i] = true;
			cap_begin(st, st->out[i], sizeof(st->out[i]), CAP_TEXT);
		}
	}
}

static void XMLCALL
on_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
	struct xst *st = ud;
	size_t nat = st->pending_ns, urilen;
	const char *l;

	st->pending_ns = 0;
	if (st->err != 0)
		return;
	for (size_t i = 0; atts[i] != NULL; i += 2) {
		nat++;
		/* Salvage parses without namespaces: declarations are
		 * ordinary attributes then. */
		if (st->salvage && strncmp(atts[i], "xmlns", 5) == 0 &&
		    (atts[i][5] == '\0' || atts[i][5] == ':'))
			add_ns(st, atts[i + 1]);
	}
	if (nat > CS_XML_ATTR_MAX) {
		fail(st, CS_ELIMIT);
		return;
	}
	if (st->depth >= CS_XML_DEPTH_MAX) {
		fail(st, CS_ELIMIT);
		return;
	}
	st->depth++;
	if (st->salvage) {
		l = local_name_plain(name);
		urilen = 0;
		if (st->depth <= st->base)
			return; /* the synthetic root */
	} else {
		l = local_name(name, &urilen);
	}
	cs_strlcpy(st->stack[st->depth - 1], l, NAME_MAX_KEPT);
	if (st->depth == st->base + 1 && st->meta != NULL &&
	    st->meta->root[0] == '\0') {
		cs_strlcpy(st->meta->root, l, sizeof(st->meta->root));
		cs_span_copy(st->meta->root_ns, sizeof(st->meta->root_ns),
			     cs_span_make(name, urilen));
	}
	if (st->soap != NULL)
		soap_start(st, l);
	else
		find_start(st, l);
}

static void XMLCALL
on_end(void *ud, const XML_Char *name)
{
	struct xst *st = ud;

	(void)name;
	if (st->err != 0 || st->depth == 0)
		return;
	while (st->ncap > 0 && st->cap[st->ncap - 1].depth == st->depth)
		cap_end(&st->cap[--st->ncap]);
	st->depth--;
}

static void XMLCALL
on_text(void *ud, const XML_Char *s, int len)
{
	struct xst *st = ud;

	if (st->err != 0 || len <= 0)
		return;
	for (size_t i = 0; i < st->ncap; i++) {
		struct cap *c = &st->cap[i];
		size_t k = CS_MIN((size_t)len, c->sz - 1 - c->len);

		memcpy(c->buf + c->len, s, k);
		c->len += k;
		c->buf[c->len] = '\0';
	}
}

static void XMLCALL
on_ns(void *ud, const XML_Char *prefix, const XML_Char *uri)
{
	struct xst *st = ud;

	(void)prefix;
	st->pending_ns++;
	if (st->err == 0)
		add_ns(st, uri);
}

static void
add_ns(struct xst *st, const char *uri)
{
	struct cs_soap *s = st->soap;
	char tmp[128];

	if (s == NULL || uri == NULL || uri[0] == '\0')
		return;
	cs_strlcpy(tmp, uri, sizeof(tmp));
	for (size_t i = 0; i < s->nns; i++)
		if (eq(s->ns[i], tmp))
			return;
	if (s->nns < CS_NELEM(s->ns))
		cs_strlcpy(s->ns[s->nns++], tmp, sizeof(s->ns[0]));
}

static void XMLCALL
on_doctype(void *ud, const XML_Char *name, const XML_Char *sysid,
	   const XML_Char *pubid, int has_internal_subset)
{
	(void)name;
	(void)sysid;
	(void)pubid;
	(void)has_internal_subset;
	((struct xst *)ud)->denied = true;
	fail(ud, CS_EPROTO);
}

static void XMLCALL
on_entity(void *ud, const XML_Char *name, int is_param, const XML_Char *value,
	  int value_len, const XML_Char *base, const XML_Char *sysid,
	  const XML_Char *pubid, const XML_Char *notation)
{
	(void)name;
	(void)is_param;
	(void)value;
	(void)value_len;
	(void)base;
	(void)sysid;
	(void)pubid;
	(void)notation;
	((struct xst *)ud)->denied = true;
	fail(ud, CS_EPROTO);
}

/*
 * expat's memory for one document (issue #17): a parser makes some
 * hundred small allocations for a discovery reply and frees them all at
 * its end, and malloc and free were a third of decoding one.  So a
 * parser allocates from an arena of its document, a block on the
 * caller's stack and then malloc'd chunks, all dropped at once when the
 * parser is freed (expat's free is a no-op, its realloc a copy).  The
 * memory functions of expat take no context, so the arena of the
 * document being parsed is named by a thread-local pointer (one
 * document at a time per thread: xml_new and xml_free bracket it).
 * Bounded: past ARENA_MAX bytes for one document an allocation fails
 * and expat reports no memory (CS_ENOMEM), as a failed malloc would.
 */
#define ARENA_INLINE 16384
#define ARENA_CHUNK 65536
#define ARENA_MAX (32u * 1024u * 1024u)
#define ARENA_ALIGN (_Alignof(max_align_t))

struct achunk {
	struct achunk *next;
	size_t cap, used;
	max_align_t data[];
};

struct arena {
	struct achunk *chunks; /* malloc'd, newest first */
	size_t used, total;    /* bytes of inl used; bytes given out */
	struct arena *prev;    /* the thread's arena before this one */
	max_align_t inl[ARENA_INLINE / sizeof(max_align_t)];
};

static _Thread_local struct arena *cur_arena;

/* Each block is preceded by ARENA_ALIGN bytes holding its size. */
static void *
a_malloc(size_t n)
{
	struct arena *a = cur_arena;
	size_t need;
	unsigned char *p;

	if (a == NULL || n > ARENA_MAX)
		return NULL;
	need = ARENA_ALIGN + ((n + ARENA_ALIGN - 1) & ~(ARENA_ALIGN - 1));
	if (a->total + need > ARENA_MAX)
		return NULL;
	if (a->used + need <= sizeof(a->inl)) {
		p = (unsigned char *)a->inl + a->used;
		a->used += need;
	} else {
		struct achunk *c = a->chunks;

		if (c == NULL || c->cap - c->used < need) {
			size_t cap = need > ARENA_CHUNK ? need : ARENA_CHUNK;

			if ((c = malloc(sizeof(*c) + cap)) == NULL)
				return NULL;
			c->cap = cap;
			c->used = 0;
			c->next = a->chunks;
			a->chunks = c;
		}
		p = (unsigned char *)c->data + c->used;
		c->used += need;
	}
	a->total += need;
	memcpy(p, &n, sizeof(n));
	return p + ARENA_ALIGN;
}

static void *
a_realloc(void *q, size_t n)
{
	size_t old;
	void *p;

	if (q == NULL)
		return a_malloc(n);
	memcpy(&old, (unsigned char *)q - ARENA_ALIGN, sizeof(old));
	if (n <= old)
		return q;
	if ((p = a_malloc(n)) == NULL)
		return NULL;
	memcpy(p, q, old);
	return p;
}

static void
a_free(void *q)
{
	(void)q;
}

static const XML_Memory_Handling_Suite arena_mm = {a_malloc, a_realloc, a_free};

/*
 * The salt of expat's hash tables: random, drawn once per thread.  Left
 * to itself expat draws one per parser, a getrandom call per document
 * (a reply to decode); one secret per process still keeps a peer from
 * choosing names that collide.  0 if none could be drawn: expat draws.
 */
static unsigned long
xml_salt(void)
{
	static _Thread_local unsigned long salt;
	static _Thread_local bool tried;

	if (!tried) {
		tried = true;
		if (getrandom(&salt, sizeof(salt), 0) != (ssize_t)sizeof(salt))
			salt = 0;
	}
	return salt;
}

/* A parser for st, its memory from a (the caller's, until xml_free). */
static XML_Parser
xml_new(struct xst *st, struct arena *a)
{
	unsigned long salt = xml_salt();

	XML_Parser xp;

	a->chunks = NULL;
	a->used = a->total = 0;
	a->prev = cur_arena;
	cur_arena = a;
	xp = XML_ParserCreate_MM(NULL, &arena_mm,
				 st->salvage ? NULL
					     : (const XML_Char[]){NS_SEP, 0});
	if (xp == NULL) {
		cur_arena = a->prev;
		return NULL;
	}
	st->xp = xp;
	if (salt != 0)
		XML_SetHashSalt(xp, salt);
	XML_SetUserData(xp, st);
	XML_SetParamEntityParsing(xp, XML_PARAM_ENTITY_PARSING_NEVER);
	XML_SetStartDoctypeDeclHandler(xp, on_doctype);
	XML_SetEntityDeclHandler(xp, on_entity);
	XML_SetElementHandler(xp, on_start, on_end);
	XML_SetCharacterDataHandler(xp, on_text);
	if (!st->salvage)
		XML_SetStartNamespaceDeclHandler(xp, on_ns);
	return xp;
}

/* Frees the parser and its arena. */
static void
xml_free(struct xst *st, XML_Parser xp, struct arena *a)
{
	XML_ParserFree(xp);
	while (a->chunks != NULL) {
		struct achunk *c = a->chunks;

		a->chunks = c->next;
		free(c);
	}
	cur_arena = a->prev;
	st->xp = NULL;
}

static int
xml_run(const uint8_t *p, size_t n, struct xst *st)
{
	XML_Parser xp;
	enum XML_Status status;
	struct arena a;
	int rc = 0;

	if (n > CS_XML_MAX)
		return CS_ELIMIT;
	if (n == 0)
		return CS_EPROTO;
	if ((xp = xml_new(st, &a)) == NULL)
		return CS_ENOMEM;
	status = XML_Parse(xp, (const char *)p, (int)n, XML_TRUE);
	if (st->err != 0)
		rc = st->err;
	else if (status != XML_STATUS_OK)
		rc = XML_GetErrorCode(xp) == XML_ERROR_NO_MEMORY ? CS_ENOMEM
								 : CS_EPROTO;
	xml_free(st, xp, &a);
	return rc;
}

static bool
name_char(uint8_t ch, bool first)
{
	return (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') ||
	       ch == '_' ||
	       (!first && ((ch >= '0' && ch <= '9') || ch == '.' || ch == '-'));
}

/*
 * Length of the reference at p[0] == '&': a character reference (&#NN;
 * &#xHH;) or anything shaped as an entity reference (&name;, which
 * expat expands if predefined and refuses otherwise: an undefined
 * entity stays an error), or 0 if it is a stray '&' (an unescaped
 * ampersand, as in "VEN_01f2&DEV_0004").
 */
static size_t
ref_len(const uint8_t *p, size_t n)
{
	size_t i = 2;

	if (n >= 3 && name_char(p[1], true)) {
		i = 2;
		while (i < n && i < 34 && name_char(p[i], false))
			i++;
		return i < n && p[i] == ';' ? i + 1 : 0;
	}
	if (n < 4 || p[1] != '#')
		return 0;
	if (p[2] == 'x') {
		i = 3;
		while (i < n && i < 12 && cs_hexval(p[i]) >= 0)
			i++;
		return i > 3 && i < n && p[i] == ';' ? i + 1 : 0;
	}
	while (i < n && i < 12 && p[i] >= '0' && p[i] <= '9')
		i++;
	return i > 2 && i < n && p[i] == ';' ? i + 1 : 0;
}

/*
 * A copy of p with every stray '&' written as "&amp;" (cut at CS_XML_MAX
 * bytes), into *out (free it); NULL, and *out untouched, if p has none.
 */
static uint8_t *
escape_stray_amp(const uint8_t *p, size_t n, size_t *out)
{
	size_t stray = 0, k = 0;
	uint8_t *q;

	for (size_t i = 0; i < n; i++)
		if (p[i] == '&' && ref_len(p + i, n - i) == 0)
			stray++;
	if (stray == 0)
		return NULL;
	q = cs_xmalloc(CS_MIN(n + 4 * stray, (size_t)CS_XML_MAX));
	for (size_t i = 0; i < n; i++) {
		bool esc = p[i] == '&' && ref_len(p + i, n - i) == 0;
		size_t m = esc ? 5 : 1;

		if (k + m > CS_XML_MAX)
			break;
		memcpy(q + k, esc ? (const uint8_t *)"&amp;" : p + i, m);
		k += m;
	}
	*out = k;
	return q;
}

/*
 * The salvage pass, for input the strict pass refused (never for a
 * DOCTYPE or entity declaration, a cap or memory): from the first '<'
 * on, less any XML declaration, inside a synthetic root element and
 * without namespace processing, so a bare fragment, a Body without its
 * Envelope, undeclared prefixes and several top-level elements parse;
 * a stray '&' (an unescaped ampersand in a sloppy firmware's text) is
 * read as itself; whatever was complete before the first error (a cut,
 * junk) is kept, and text of elements still open at the error is
 * dropped.  Returns
 * CS_EPROTO if the input has no '<' or nothing could be read, else 0
 * (the caller decides whether what was read is enough).
 */
static int
xml_salvage(const uint8_t *p, size_t n, struct xst *st)
{
	static const char open[] = "<cs-salvage>", close[] = "</cs-salvage>";
	const uint8_t *lt = memchr(p, '<', n);
	uint8_t *esc;
	size_t en = 0;
	XML_Parser xp;
	struct arena a;

	if (lt == NULL)
		return CS_EPROTO;
	n -= (size_t)(lt - p);
	p = lt;
	if (n >= 5 && memcmp(p, "<?xml", 5) == 0) {
		long e = cs_span_find(cs_span_make(p, n), "?>", 2, false);

		if (e < 0)
			return CS_EPROTO;
		p += e + 2;
		n -= (size_t)e + 2;
	}
	esc = escape_stray_amp(p, n, &en);
	if (esc != NULL) {
		p = esc;
		n = en;
	}
	st->salvage = true;
	st->base = 1;
	if ((xp = xml_new(st, &a)) == NULL) {
		free(esc);
		return CS_ENOMEM;
	}
	if (XML_Parse(xp, open, (int)sizeof(open) - 1, XML_FALSE) ==
		XML_STATUS_OK &&
	    st->err == 0 &&
	    XML_Parse(xp, (const char *)p, (int)n, XML_FALSE) ==
		XML_STATUS_OK &&
	    st->err == 0)
		(void)XML_Parse(xp, close, (int)sizeof(close) - 1, XML_TRUE);
	xml_free(st, xp, &a);
	free(esc);
	/* Text of elements left open by the error may be cut: drop it. */
	while (st->ncap > 0) {
		struct cap *c = &st->cap[--st->ncap];

		if (c->kind == CAP_NUM)
			continue;
		c->len = c->start > 0 && c->kind == CAP_APPEND ? c->start - 1
							       : c->start;
		c->buf[c->len] = '\0';
	}
	if (st->err == CS_ENOMEM)
		return CS_ENOMEM;
	return 0;
}

static void
soap_reset(struct cs_soap *out)
{
	memset(out, 0, sizeof(*out));
	out->utc_year = out->utc_month = out->utc_day = -1;
	out->utc_hour = out->utc_minute = out->utc_second = -1;
}

/*
 * True if a salvage pass read anything worth reporting: a field, or the
 * namespaces of a SOAP document (an HTML page's XHTML namespace alone
 * is not).
 */
static bool
soap_any(const struct cs_soap *s)
{
	for (size_t i = 0; i < s->nns; i++)
		if (strstr(s->ns[i], "soap-envelope") ||
		    strstr(s->ns[i], "schemas.xmlsoap.org") ||
		    strstr(s->ns[i], "onvif.org"))
			return true;
	return s->fault || s->manufacturer[0] || s->model[0] ||
	       s->firmware[0] || s->serial[0] || s->hardware_id[0] ||
	       s->scopes[0] || s->xaddrs[0] || s->types[0];
}

int
cs_soap_parse(const uint8_t *p, size_t n, struct cs_soap *out)
{
	struct xst st;
	int rc;

	soap_reset(out);
	memset(&st, 0, sizeof(st));
	st.soap = out;
	rc = xml_run(p, n, &st);
	if (rc != CS_EPROTO || st.denied)
		return rc;
	soap_reset(out);
	memset(&st, 0, sizeof(st));
	st.soap = out;
	if (xml_salvage(p, n, &st) != 0 || st.denied || !soap_any(out)) {
		soap_reset(out);
		return CS_EPROTO;
	}
	out->salvaged = true;
	return 0;
}

int
cs_xml_find_text(const uint8_t *p, size_t n, const char *const *names,
		 size_t nnames, char out[][128], struct cs_xml_meta *meta)
{
	struct cs_xml_meta m;
	struct xst st;
	bool any = false;
	int rc;

	if (nnames > CS_XML_NAMES_MAX ||
	    (nnames > 0 && (names == NULL || out == NULL)))
		return CS_EINVAL;
	for (size_t i = 0; i < nnames; i++) {
		if (names[i] == NULL)
			return CS_EINVAL;
		out[i][0] = '\0';
	}
	if (meta == NULL)
		meta = &m;
	memset(meta, 0, sizeof(*meta));
	memset(&st, 0, sizeof(st));
	st.names = names;
	st.nnames = nnames;
	st.out = out;
	st.meta = meta;
	rc = xml_run(p, n, &st);
	if (rc != CS_EPROTO || st.denied)
		return rc;
	for (size_t i = 0; i < nnames; i++)
		out[i][0] = '\0';
	memset(meta, 0, sizeof(*meta));
	memset(&st, 0, sizeof(st));
	st.names = names;
	st.nnames = nnames;
	st.out = out;
	st.meta = meta;
	if (xml_salvage(p, n, &st) == 0 && !st.denied)
		for (size_t i = 0; i < nnames; i++)
			any = any || out[i][0] != '\0';
	if (!any) {
		for (size_t i = 0; i < nnames; i++)
			out[i][0] = '\0';
		memset(meta, 0, sizeof(*meta));
		return CS_EPROTO;
	}
	meta->salvaged = true;
	return 0;
}
