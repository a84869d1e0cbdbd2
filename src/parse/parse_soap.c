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
	if (st->xp != NULL)
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
		/* the first byte before the call: most names differ there */
		if (!st->found[i] && st->names[i][0] == l[0] &&
		    eq(l, st->names[i])) {
			st->found[i] = true;
			cap_begin(st, st->out[i], sizeof(st->out[i]), CAP_TEXT);
		}
	}
}

/* An element opened (st->depth counts it): local name l, namespace URI
 * uri (urilen bytes, 0: none). */
static void
elem_start(struct xst *st, const char *l, const char *uri, size_t urilen)
{
	cs_strlcpy(st->stack[st->depth - 1], l, NAME_MAX_KEPT);
	if (st->depth == st->base + 1 && st->meta != NULL &&
	    st->meta->root[0] == '\0') {
		cs_strlcpy(st->meta->root, l, sizeof(st->meta->root));
		cs_span_copy(st->meta->root_ns, sizeof(st->meta->root_ns),
			     cs_span_make(uri, urilen));
	}
	if (st->soap != NULL)
		soap_start(st, l);
	else
		find_start(st, l);
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
	elem_start(st, l, name, urilen);
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

/*
 * The fast path (issue #17): most documents a scan hears (SADP, WS-
 * Discovery, UPnP descriptions) are small, plain ASCII and well-formed,
 * and for them expat's setup and tokenizer cost fifteen times what
 * reading them does.  fx_scan reads a document only if it is in a
 * strict subset of XML it can check completely: ASCII text without CR,
 * NUL or other control bytes but tab and LF; an optional XML
 * declaration of version 1.0 (UTF-8, US-ASCII or ISO-8859-1) at its
 * first byte; one root element; names of ASCII letters, digits, '_',
 * '-', '.' with at most one ':' and every prefix bound; the five
 * predefined entities; attribute names unique by local part; namespace
 * URIs without references, tabs or LFs and none of XML's reserved ones;
 * within the depth, attribute and name caps; nothing else (no comment,
 * processing instruction, CDATA, DOCTYPE, character reference, text
 * outside the root).  It records what expat's handlers would be called
 * with (FEV_* events) and fx_replay then calls the same handlers in the
 * same order with the same text, so the result is byte for byte
 * expat's.  Anything outside the subset, well-formed or not, and
 * anything past FX_EVENTS events, is left to expat untouched: fx_scan
 * returns false before any handler ran.
 */
#define FX_EVENTS 256
#define FX_BINDINGS 64
#define FX_NAME_MAX 255

enum fev_type { FEV_NS, FEV_START, FEV_END, FEV_TEXT };

struct fev {
	const char *a, *b; /* START: local name, URI; NS: URI; TEXT: raw */
	uint32_t an, bn;
	uint8_t type;
	uint8_t natts; /* START: attributes other than xmlns ones */
};

struct fbind {
	const char *pfx, *uri; /* pfx NULL: the default namespace */
	uint32_t pn, un;
	unsigned depth;
};

struct fattr {
	const char *q; /* local part */
	uint32_t qn;
	const char *pfx; /* NULL: none */
	uint32_t pn;
};

struct fx {
	const uint8_t *p;
	size_t n, i;
	struct fev ev[FX_EVENTS];
	size_t nev;
	struct fbind b[FX_BINDINGS];
	size_t nb;
	struct cs_span open[CS_XML_DEPTH_MAX]; /* raw names of open elements */
	unsigned depth;
};

/*
 * Byte classes: 0 outside the subset; FX_PLAIN text as it is (tab, LF and
 * space are also FX_BLANK); FX_SPECIAL '<', '&' and ']'; FX_NAME a byte
 * of a name, FX_NAME1 one that may start it.
 */
enum {
	FX_PLAIN = 1,
	FX_SPECIAL = 2,
	FX_NAME = 4,
	FX_NAME1 = 8,
	FX_BLANK = 16,
};
static const uint8_t fx_cls[256] = {
    ['\t'] = FX_PLAIN | FX_BLANK,
    ['\n'] = FX_PLAIN | FX_BLANK,
    [' '] = FX_PLAIN | FX_BLANK,
    ['!'] = FX_PLAIN,
    ['"'] = FX_PLAIN,
    ['#'] = FX_PLAIN,
    ['$'] = FX_PLAIN,
    ['%'] = FX_PLAIN,
    ['&'] = FX_SPECIAL,
    ['\''] = FX_PLAIN,
    ['('] = FX_PLAIN,
    [')'] = FX_PLAIN,
    ['*'] = FX_PLAIN,
    ['+'] = FX_PLAIN,
    [','] = FX_PLAIN,
    ['-'] = FX_PLAIN | FX_NAME,
    ['.'] = FX_PLAIN | FX_NAME,
    ['/'] = FX_PLAIN,
    ['0'] = FX_PLAIN | FX_NAME,
    ['1'] = FX_PLAIN | FX_NAME,
    ['2'] = FX_PLAIN | FX_NAME,
    ['3'] = FX_PLAIN | FX_NAME,
    ['4'] = FX_PLAIN | FX_NAME,
    ['5'] = FX_PLAIN | FX_NAME,
    ['6'] = FX_PLAIN | FX_NAME,
    ['7'] = FX_PLAIN | FX_NAME,
    ['8'] = FX_PLAIN | FX_NAME,
    ['9'] = FX_PLAIN | FX_NAME,
    [':'] = FX_PLAIN,
    [';'] = FX_PLAIN,
    ['<'] = FX_SPECIAL,
    ['='] = FX_PLAIN,
    ['>'] = FX_PLAIN,
    ['?'] = FX_PLAIN,
    ['@'] = FX_PLAIN,
    ['A'] = FX_PLAIN | FX_NAME | FX_NAME1,
    ['B'] = FX_PLAIN | FX_NAME | FX_NAME1,
    ['C'] = FX_PLAIN | FX_NAME | FX_NAME1,
    ['D'] = FX_PLAIN | FX_NAME | FX_NAME1,
    ['E'] = FX_PLAIN | FX_NAME | FX_NAME1,
    ['F'] = FX_PLAIN | FX_NAME | FX_NAME1,
    ['G'] = FX_PLAIN | FX_NAME | FX_NAME1,
    ['H'] = FX_PLAIN | FX_NAME | FX_NAME1,
    ['I'] = FX_PLAIN | FX_NAME | FX_NAME1,
    ['J'] = FX_PLAIN | FX_NAME | FX_NAME1,
    ['K'] = FX_PLAIN | FX_NAME | FX_NAME1,
    ['L'] = FX_PLAIN | FX_NAME | FX_NAME1,
    ['M'] = FX_PLAIN | FX_NAME | FX_NAME1,
    ['N'] = FX_PLAIN | FX_NAME | FX_NAME1,
    ['O'] = FX_PLAIN | FX_NAME | FX_NAME1,
    ['P'] = FX_PLAIN | FX_NAME | FX_NAME1,
    ['Q'] = FX_PLAIN | FX_NAME | FX_NAME1,
    ['R'] = FX_PLAIN | FX_NAME | FX_NAME1,
    ['S'] = FX_PLAIN | FX_NAME | FX_NAME1,
    ['T'] = FX_PLAIN | FX_NAME | FX_NAME1,
    ['U'] = FX_PLAIN | FX_NAME | FX_NAME1,
    ['V'] = FX_PLAIN | FX_NAME | FX_NAME1,
    ['W'] = FX_PLAIN | FX_NAME | FX_NAME1,
    ['X'] = FX_PLAIN | FX_NAME | FX_NAME1,
    ['Y'] = FX_PLAIN | FX_NAME | FX_NAME1,
    ['Z'] = FX_PLAIN | FX_NAME | FX_NAME1,
    ['['] = FX_PLAIN,
    ['\\'] = FX_PLAIN,
    [']'] = FX_SPECIAL,
    ['^'] = FX_PLAIN,
    ['_'] = FX_PLAIN | FX_NAME | FX_NAME1,
    ['`'] = FX_PLAIN,
    ['a'] = FX_PLAIN | FX_NAME | FX_NAME1,
    ['b'] = FX_PLAIN | FX_NAME | FX_NAME1,
    ['c'] = FX_PLAIN | FX_NAME | FX_NAME1,
    ['d'] = FX_PLAIN | FX_NAME | FX_NAME1,
    ['e'] = FX_PLAIN | FX_NAME | FX_NAME1,
    ['f'] = FX_PLAIN | FX_NAME | FX_NAME1,
    ['g'] = FX_PLAIN | FX_NAME | FX_NAME1,
    ['h'] = FX_PLAIN | FX_NAME | FX_NAME1,
    ['i'] = FX_PLAIN | FX_NAME | FX_NAME1,
    ['j'] = FX_PLAIN | FX_NAME | FX_NAME1,
    ['k'] = FX_PLAIN | FX_NAME | FX_NAME1,
    ['l'] = FX_PLAIN | FX_NAME | FX_NAME1,
    ['m'] = FX_PLAIN | FX_NAME | FX_NAME1,
    ['n'] = FX_PLAIN | FX_NAME | FX_NAME1,
    ['o'] = FX_PLAIN | FX_NAME | FX_NAME1,
    ['p'] = FX_PLAIN | FX_NAME | FX_NAME1,
    ['q'] = FX_PLAIN | FX_NAME | FX_NAME1,
    ['r'] = FX_PLAIN | FX_NAME | FX_NAME1,
    ['s'] = FX_PLAIN | FX_NAME | FX_NAME1,
    ['t'] = FX_PLAIN | FX_NAME | FX_NAME1,
    ['u'] = FX_PLAIN | FX_NAME | FX_NAME1,
    ['v'] = FX_PLAIN | FX_NAME | FX_NAME1,
    ['w'] = FX_PLAIN | FX_NAME | FX_NAME1,
    ['x'] = FX_PLAIN | FX_NAME | FX_NAME1,
    ['y'] = FX_PLAIN | FX_NAME | FX_NAME1,
    ['z'] = FX_PLAIN | FX_NAME | FX_NAME1,
    ['{'] = FX_PLAIN,
    ['|'] = FX_PLAIN,
    ['}'] = FX_PLAIN,
    ['~'] = FX_PLAIN,
};

static bool
fx_blank(uint8_t c)
{
	return c == ' ' || c == '\t' || c == '\n';
}

static inline bool
fx_name_start(uint8_t c)
{
	return (fx_cls[c] & FX_NAME1) != 0;
}

static inline bool
fx_name_char(uint8_t c)
{
	return (fx_cls[c] & FX_NAME) != 0;
}

/* Skips blanks; true if there was one. */
static bool
fx_ws(struct fx *x)
{
	size_t i0 = x->i;

	while (x->i < x->n && fx_blank(x->p[x->i]))
		x->i++;
	return x->i > i0;
}

/* True and skips s if the input goes on with it. */
static bool
fx_lit(struct fx *x, const char *s)
{
	size_t k = strlen(s);

	if (x->n - x->i < k || memcmp(x->p + x->i, s, k) != 0)
		return false;
	x->i += k;
	return true;
}

/*
 * A name (NCName, or NCName ':' NCName) at x->i: its whole span in *q,
 * its prefix in *pfx (n 0: none) and local part in *loc.
 */
static bool
fx_qname(struct fx *x, struct cs_span *q, struct cs_span *pfx,
	 struct cs_span *loc)
{
	const uint8_t *p = x->p;
	size_t s = x->i, i = x->i, n = x->n, colon = 0;

	if (i >= n || !fx_name_start(p[i]))
		return false;
	i++;
	for (;;) {
		while (i < n && fx_name_char(p[i]))
			i++;
		if (i < n && p[i] == ':' && colon == 0) {
			colon = i++;
			if (i >= n || !fx_name_start(p[i]))
				return false;
			continue;
		}
		break;
	}
	x->i = i;
	if (i - s > FX_NAME_MAX || (i < n && p[i] == ':'))
		return false;
	*q = cs_span_make(p + s, i - s);
	if (colon) {
		*pfx = cs_span_make(p + s, colon - s);
		*loc = cs_span_make(p + colon + 1, i - colon - 1);
	} else {
		*pfx = cs_span_make(p + s, 0);
		*loc = *q;
	}
	return true;
}

/* The length of a predefined entity reference at p[0] == '&', or 0. */
static size_t
fx_ref(const uint8_t *p, size_t n)
{
	static const char *const ents[] = {"&lt;", "&gt;", "&amp;", "&quot;",
					   "&apos;"};

	for (size_t e = 0; e < CS_NELEM(ents); e++) {
		size_t k = strlen(ents[e]);

		if (n >= k && memcmp(p, ents[e], k) == 0)
			return k;
	}
	return 0;
}

static bool
fx_event(struct fx *x, enum fev_type t, const void *a, size_t an, const void *b,
	 size_t bn, unsigned natts)
{
	struct fev *e;

	if (x->nev >= FX_EVENTS)
		return false;
	e = &x->ev[x->nev++];
	e->type = (uint8_t)t;
	e->a = a;
	e->an = (uint32_t)an;
	e->b = b;
	e->bn = (uint32_t)bn;
	e->natts = (uint8_t)natts;
	return true;
}

static bool
fx_span_eq(struct cs_span a, const void *b, size_t bn)
{
	return a.n == bn && memcmp(a.p, b, bn) == 0;
}

/* The innermost binding of prefix pfx (n 0: the default namespace), or
 * NULL. */
static const struct fbind *
fx_lookup(const struct fx *x, struct cs_span pfx)
{
	for (size_t k = x->nb; k-- > 0;) {
		const struct fbind *b = &x->b[k];

		if (pfx.n == 0
			? b->pfx == NULL
			: b->pfx != NULL && fx_span_eq(pfx, b->pfx, b->pn))
			return b;
	}
	return NULL;
}

/* A quoted attribute value at x->i: its bytes in *v; *plain: without a
 * reference, tab or LF. */
static bool
fx_value(struct fx *x, struct cs_span *v, bool *plain)
{
	uint8_t q;
	size_t s;

	if (x->i >= x->n || (x->p[x->i] != '"' && x->p[x->i] != '\''))
		return false;
	q = x->p[x->i++];
	s = x->i;
	*plain = true;
	while (x->i < x->n && x->p[x->i] != q) {
		uint8_t c = x->p[x->i];

		if (c == '<' || fx_cls[c] == 0)
			return false;
		if (c == '&') {
			size_t k = fx_ref(x->p + x->i, x->n - x->i);

			if (k == 0)
				return false;
			*plain = false;
			x->i += k;
			continue;
		}
		if (c == '\t' || c == '\n')
			*plain = false;
		x->i++;
	}
	if (x->i >= x->n)
		return false;
	*v = cs_span_make(x->p + s, x->i - s);
	x->i++;
	return true;
}

/* Whether an xmlns value may be bound as it is (not a reserved URI). */
static bool
fx_uri_ok(struct cs_span v)
{
	return !cs_span_istarts(v, "http://www.w3.org/XML/1998/namespace") &&
	       !cs_span_istarts(v, "http://www.w3.org/2000/xmlns");
}

/* A start tag at x->i (just after its '<'). */
static bool
fx_start_tag(struct fx *x)
{
	struct fattr at[CS_XML_ATTR_MAX];
	size_t nat = 0, natts = 0, nb0 = x->nb;
	struct cs_span q, pfx, loc, uri = cs_span_make("", 0);
	const struct fbind *eb;
	bool empty = false;

	if (!fx_qname(x, &q, &pfx, &loc) || x->depth >= CS_XML_DEPTH_MAX)
		return false;
	for (;;) {
		bool ws = fx_ws(x), plain;
		struct cs_span aq, ap, al, v;

		if (x->i >= x->n)
			return false;
		if (x->p[x->i] == '>') {
			x->i++;
			break;
		}
		if (fx_lit(x, "/>")) {
			empty = true;
			break;
		}
		if (!ws || nat >= CS_XML_ATTR_MAX ||
		    !fx_qname(x, &aq, &ap, &al))
			return false;
		fx_ws(x);
		if (!fx_lit(x, "="))
			return false;
		fx_ws(x);
		if (!fx_value(x, &v, &plain))
			return false;
		if (fx_span_eq(aq, "xmlns", 5) ||
		    (ap.n > 0 && fx_span_eq(ap, "xmlns", 5))) {
			bool dflt = ap.n == 0;
			struct fbind *b;

			/* A declaration: its URI as expat reports it. */
			if (!plain || !fx_uri_ok(v) || (!dflt && v.n == 0) ||
			    (!dflt && (fx_span_eq(al, "xml", 3) ||
				       fx_span_eq(al, "xmlns", 5))) ||
			    x->nb >= FX_BINDINGS)
				return false;
			b = &x->b[x->nb++];
			b->pfx = dflt ? NULL : (const char *)al.p;
			b->pn = dflt ? 0 : (uint32_t)al.n;
			b->uri = (const char *)v.p;
			b->un = (uint32_t)v.n;
			b->depth = x->depth + 1;
			if (!fx_event(x, FEV_NS, NULL, 0, v.p, v.n, 0))
				return false;
			at[nat].q = dflt ? "xmlns" : (const char *)al.p;
			at[nat].qn = dflt ? 5 : (uint32_t)al.n;
			at[nat].pfx = NULL;
			at[nat].pn = 0;
		} else {
			at[nat].q = (const char *)al.p;
			at[nat].qn = (uint32_t)al.n;
			at[nat].pfx = ap.n ? (const char *)ap.p : NULL;
			at[nat].pn = (uint32_t)ap.n;
			natts++;
		}
		for (size_t k = 0; k < nat; k++)
			if (at[k].qn == at[nat].qn &&
			    memcmp(at[k].q, at[nat].q, at[k].qn) == 0)
				return false;
		nat++;
	}
	/* Every prefix bound (the declarations of this tag count). */
	for (size_t k = 0; k < nat; k++) {
		struct cs_span ap = cs_span_make(at[k].pfx, at[k].pn);

		if (at[k].pfx != NULL && !fx_span_eq(ap, "xml", 3) &&
		    ((eb = fx_lookup(x, ap)) == NULL || eb->un == 0))
			return false;
	}
	eb = fx_lookup(x, pfx);
	if (pfx.n > 0 && (eb == NULL || eb->un == 0))
		return false;
	if (eb != NULL)
		uri = cs_span_make(eb->uri, eb->un);
	if (!fx_event(x, FEV_START, loc.p, loc.n, uri.p, uri.n, natts))
		return false;
	x->open[x->depth++] = q;
	if (empty) {
		x->depth--;
		x->nb = nb0;
		return fx_event(x, FEV_END, NULL, 0, NULL, 0, 0);
	}
	return true;
}

/* An end tag at x->i (just after its "</"). */
static bool
fx_end_tag(struct fx *x)
{
	struct cs_span q, pfx, loc;

	if (x->depth == 0 || !fx_qname(x, &q, &pfx, &loc))
		return false;
	fx_ws(x);
	if (!fx_lit(x, ">") || !fx_span_eq(x->open[x->depth - 1], q.p, q.n))
		return false;
	x->depth--;
	while (x->nb > 0 && x->b[x->nb - 1].depth > x->depth)
		x->nb--;
	return fx_event(x, FEV_END, NULL, 0, NULL, 0, 0);
}

/* The XML declaration at the first byte, if any. */
static bool
fx_decl(struct fx *x)
{
	static const char *const encs[] = {"UTF-8", "US-ASCII", "ISO-8859-1"};
	struct cs_span v;
	bool plain, ok = false;

	if (x->n < 6 || memcmp(x->p, "<?xml", 5) != 0 || !fx_blank(x->p[5]))
		return true; /* none (a PI named xml... is refused later) */
	x->i = 5;
	fx_ws(x);
	if (!fx_lit(x, "version"))
		return false;
	fx_ws(x);
	if (!fx_lit(x, "="))
		return false;
	fx_ws(x);
	if (!fx_value(x, &v, &plain) || !fx_span_eq(v, "1.0", 3))
		return false;
	if (fx_ws(x) && fx_lit(x, "encoding")) {
		fx_ws(x);
		if (!fx_lit(x, "="))
			return false;
		fx_ws(x);
		if (!fx_value(x, &v, &plain))
			return false;
		for (size_t e = 0; e < CS_NELEM(encs); e++)
			ok = ok || (v.n == strlen(encs[e]) &&
				    cs_span_istarts(v, encs[e]));
		if (!ok)
			return false;
		fx_ws(x);
	}
	if (x->i > 0 && fx_blank(x->p[x->i - 1]) && fx_lit(x, "standalone")) {
		fx_ws(x);
		if (!fx_lit(x, "="))
			return false;
		fx_ws(x);
		if (!fx_value(x, &v, &plain) ||
		    !(fx_span_eq(v, "yes", 3) || fx_span_eq(v, "no", 2)))
			return false;
		fx_ws(x);
	}
	return fx_lit(x, "?>");
}

/* Reads p into x's events; false if p is not in the subset. */
static bool
fx_scan(struct fx *x, const uint8_t *p, size_t n)
{
	bool root = false;

	x->p = p;
	x->n = n;
	x->i = 0;
	x->nev = x->nb = 0;
	x->depth = 0;
	if (!fx_decl(x))
		return false;
	while (x->i < n) {
		size_t s = x->i;

		if (x->depth == 0) {
			/* outside the root: blanks, then the root once */
			if (fx_ws(x))
				continue;
			if (root || p[x->i] != '<')
				return false;
			x->i++;
			if (!fx_start_tag(x))
				return false;
			root = true;
			continue;
		}
		if (p[x->i] == '<') {
			x->i++;
			if (x->i < n && p[x->i] == '/') {
				x->i++;
				if (!fx_end_tag(x))
					return false;
			} else if (!fx_start_tag(x)) {
				return false;
			}
			continue;
		}
		for (size_t i = x->i;;) {
			uint8_t c;

			while (i < n && (fx_cls[p[i]] & FX_PLAIN))
				i++;
			x->i = i;
			if (i >= n || (c = p[i]) == '<')
				break;
			if (c == '&') {
				size_t k = fx_ref(p + i, n - i);

				if (k == 0)
					return false;
				i += k;
				continue;
			}
			if (c == ']' &&
			    !(n - i >= 3 && memcmp(p + i, "]]>", 3) == 0)) {
				i++;
				continue;
			}
			return false;
		}
		if (!fx_event(x, FEV_TEXT, p + s, x->i - s, NULL, 0, 0))
			return false;
	}
	return root && x->depth == 0;
}

/* Text with predefined entity references, to on_text as expat gives it. */
static void
fx_text(struct xst *st, const char *s, size_t n)
{
	size_t i = 0;

	while (i < n) {
		const char *amp = memchr(s + i, '&', n - i);
		size_t e = amp != NULL ? (size_t)(amp - s) : n, k;
		char ch;

		if (e > i)
			on_text(st, s + i, (int)(e - i));
		if (amp == NULL)
			break;
		k = fx_ref((const uint8_t *)amp, n - e);
		ch = amp[1] == 'l'   ? '<'
		     : amp[1] == 'g' ? '>'
		     : amp[2] == 'm' ? '&'
		     : amp[1] == 'q' ? '"'
				     : '\'';
		on_text(st, &ch, 1);
		i = e + k;
	}
}

/* Calls the handlers as expat would have, from x's events. */
static void
fx_replay(struct xst *st, const struct fx *x)
{
	char name[FX_NAME_MAX + 1];

	for (size_t k = 0; k < x->nev; k++) {
		const struct fev *e = &x->ev[k];

		switch (e->type) {
		case FEV_NS:
			st->pending_ns++;
			if (st->err == 0 && e->bn > 0) {
				char tmp[128];

				cs_span_copy(tmp, sizeof(tmp),
					     cs_span_make(e->b, e->bn));
				add_ns(st, tmp);
			}
			break;
		case FEV_START: {
			size_t nat = st->pending_ns + e->natts;

			st->pending_ns = 0;
			if (st->err != 0)
				break;
			if (nat > CS_XML_ATTR_MAX ||
			    st->depth >= CS_XML_DEPTH_MAX) {
				fail(st, CS_ELIMIT);
				break;
			}
			st->depth++;
			memcpy(name, e->a, e->an);
			name[e->an] = '\0';
			elem_start(st, name, e->b, e->bn);
			break;
		}
		case FEV_END:
			on_end(st, NULL);
			break;
		case FEV_TEXT:
			if (st->err == 0)
				fx_text(st, e->a, e->an);
			break;
		}
	}
}

/* Whether fx_scan may read documents (cs_xml_fast_set). */
static _Thread_local bool fx_off;
static _Thread_local unsigned long fx_reads;

unsigned long
cs_xml_fast_count(void)
{
	return fx_reads;
}

bool
cs_xml_fast_set(bool on)
{
	bool was = !fx_off;

	fx_off = !on;
	return was;
}

static int
xml_run(const uint8_t *p, size_t n, struct xst *st)
{
	if (n > CS_XML_MAX)
		return CS_ELIMIT;
	if (n == 0)
		return CS_EPROTO;
	if (!fx_off) {
		struct fx x;

		if (fx_scan(&x, p, n)) {
			fx_reads++;
			fx_replay(st, &x);
			return st->err;
		}
	}
	{
		/* in a scope of its own, apart from x's: one of the two
		 * large frames on the stack at a time */
		XML_Parser xp;
		enum XML_Status status;
		struct arena a;
		int rc = 0;

		if ((xp = xml_new(st, &a)) == NULL)
			return CS_ENOMEM;
		status = XML_Parse(xp, (const char *)p, (int)n, XML_TRUE);
		if (st->err != 0)
			rc = st->err;
		else if (status != XML_STATUS_OK)
			rc = XML_GetErrorCode(xp) == XML_ERROR_NO_MEMORY
				 ? CS_ENOMEM
				 : CS_EPROTO;
		xml_free(st, xp, &a);
		return rc;
	}
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
