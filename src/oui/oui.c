/* SPDX-License-Identifier: ISC */
/*
 * IEEE registry loading (a bounded, hand-written CSV reader), the
 * registrant map (a TSV) and longest-prefix lookup.  See oui.h and
 * docs/oui.md.
 */
#include "oui/oui.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "core/addr.h"
#include "core/alloc.h"
#include "core/buf.h"
#include "core/str.h"
#include "core/text.h"
#include "core/poison.h"

#define OUI_MAX_FIELDS 8
#define OUI_MAX_FILE (64u * 1024u * 1024u)
#define OUI_MAX_MAP_ROWS 20000u
#define OUI_NAME_MAX 255 /* longest normalised registrant compared */

enum { TAB24, TAB28, TAB36, NTAB };
static const unsigned tab_bits[NTAB] = {24, 28, 36};

static const char *const reg_names[] = {"MA-L", "MA-M", "MA-S", "IAB"};

struct ent {
	uint64_t key;  /* the assignment's value (bits wide) */
	uint32_t name; /* offset of the registrant in pool */
	int32_t map;   /* index into rows, or -1 */
	uint32_t day;  /* date of its source file, days since 1970 */
	uint8_t reg;   /* index into reg_names */
	uint8_t src;   /* index into db->src */
};

struct tab {
	struct ent *v;
	size_t n, cap;
};

struct maprow {
	struct cs_oui_maprow pub;
	char *norm; /* normalised registrant; owned */
	char *strs; /* backing store of pub's strings; owned */
};

struct cs_oui {
	struct tab tab[NTAB];
	struct cs_oui_source src[CS_OUI_MAX_SOURCES];
	size_t nsrc;
	char *pool; /* NUL-separated registrant names */
	size_t pool_len, pool_cap;
	struct maprow *rows; /* in file order */
	size_t nrows, rows_cap;
	size_t *sorted; /* row indexes sorted by norm */
	size_t nsorted; /* entries of sorted */
};

static void CS_PRINTF(4, 5)
    seterr(char *err, size_t errsz, const char *name, const char *fmt, ...)
{
	va_list ap;
	int k;

	if (err == NULL || errsz == 0)
		return;
	k = snprintf(err, errsz, "%s:", name);
	if (k < 0 || (size_t)k >= errsz)
		return;
	va_start(ap, fmt);
	vsnprintf(err + k, errsz - (size_t)k, fmt, ap);
	va_end(ap);
}

/* ---- MAC addresses ---------------------------------------------------- */

/* The decoders' parser (parse/decode.h): `lookup --mac` accepts what
 * `identify` and the scan read, Net-SNMP's one-digit bytes included. */
int
cs_mac_parse_span(struct cs_span s, uint8_t out[6])
{
	return cs_hwaddr_parse(s, CS_HWADDR_LOOSE, out);
}

int
cs_mac_parse(const char *s, uint8_t out[6])
{
	if (s == NULL)
		return CS_EINVAL;
	return cs_mac_parse_span(cs_span_make(s, strlen(s)), out);
}

unsigned
cs_mac_flags(const uint8_t mac[6])
{
	unsigned f = 0;

	if (mac[0] & 0x01)
		f |= CS_MAC_MULTICAST;
	if (mac[0] & 0x02)
		f |= CS_MAC_LOCAL;
	return f;
}

char *
cs_mac_format(const uint8_t mac[6], char *buf, size_t bufsz)
{
	char t[18];

	cs_hwaddr_format(mac, t);
	cs_strlcpy(buf, t, bufsz);
	return buf;
}

/* ---- registrant normalisation ------------------------------------------ */

/*
 * Folds ASCII case, collapses runs of white space to one space and trims:
 * the only normalisation applied before comparing registrant names.
 * Writes at most dsz - 1 bytes and a NUL; returns the length written, or
 * (size_t)-1 when the result did not fit.
 */
static size_t
norm_name(const uint8_t *p, size_t n, char *dst, size_t dsz)
{
	size_t o = 0, i;
	bool space = false;

	for (i = 0; i < n; i++) {
		uint8_t c = p[i];

		if (c == ' ' || c == '\t' || c == '\r' || c == '\n' ||
		    c == '\v' || c == '\f') {
			space = o > 0;
			continue;
		}
		if (space) {
			if (o + 1 >= dsz)
				return (size_t)-1;
			dst[o++] = ' ';
			space = false;
		}
		if (o + 1 >= dsz)
			return (size_t)-1;
		if (c >= 'A' && c <= 'Z')
			c = (uint8_t)(c - 'A' + 'a');
		dst[o++] = c == 0 ? '?' : (char)c;
	}
	dst[o] = '\0';
	return o;
}

/* ---- database ------------------------------------------------------------ */

struct cs_oui *
cs_oui_new(void)
{
	return cs_xcalloc(1, sizeof(struct cs_oui));
}

void
cs_oui_free(struct cs_oui *db)
{
	size_t i;

	if (db == NULL)
		return;
	for (i = 0; i < NTAB; i++)
		free(db->tab[i].v);
	for (i = 0; i < db->nrows; i++) {
		free(db->rows[i].norm);
		free(db->rows[i].strs);
	}
	free(db->rows);
	free(db->sorted);
	free(db->pool);
	free(db);
}

size_t
cs_oui_count(const struct cs_oui *db)
{
	return db->tab[0].n + db->tab[1].n + db->tab[2].n;
}

size_t
cs_oui_map_count(const struct cs_oui *db)
{
	return db->nrows;
}

const struct cs_oui_maprow *
cs_oui_map_row(const struct cs_oui *db, size_t i)
{
	if (i >= db->nrows)
		return NULL;
	return &db->rows[i].pub;
}

size_t
cs_oui_source_count(const struct cs_oui *db)
{
	return db->nsrc;
}

const struct cs_oui_source *
cs_oui_source_at(const struct cs_oui *db, size_t i)
{
	return i < db->nsrc ? &db->src[i] : NULL;
}

/*
 * Order of a table: by assignment, and among records of one assignment
 * the one that answers first: the most recent file, then the later-loaded
 * file (a user's import after the system files), then the first record.
 */
static int
ent_cmp(const void *a, const void *b)
{
	const struct ent *x = a, *y = b;

	if (x->key != y->key)
		return x->key < y->key ? -1 : 1;
	if (x->day != y->day)
		return x->day > y->day ? -1 : 1;
	if (x->src != y->src)
		return x->src > y->src ? -1 : 1;
	return x->name < y->name ? -1 : x->name > y->name;
}

/* Index of the map row whose normalised registrant is key, or -1. */
static long
map_find(const struct cs_oui *db, const char *key)
{
	size_t lo = 0, hi = db->nsorted;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(key, db->rows[db->sorted[mid]].norm);

		if (c == 0)
			return (long)db->sorted[mid];
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return -1;
}

/* Recomputes every registry entry's map row. */
static void
relink(struct cs_oui *db)
{
	char key[OUI_NAME_MAX + 1];
	size_t t, i;

	for (t = 0; t < NTAB; t++) {
		for (i = 0; i < db->tab[t].n; i++) {
			struct ent *e = &db->tab[t].v[i];
			const char *nm = db->pool + e->name;
			long r = -1;

			if (norm_name((const uint8_t *)nm, strlen(nm), key,
				      sizeof(key)) != (size_t)-1)
				r = map_find(db, key);
			e->map = (int32_t)r;
		}
	}
}

/* ---- CSV records ---------------------------------------------------------
 */

/* The core CSV reader (core/text.h) and its last message. */
struct csv {
	struct cs_csv c;
	unsigned line; /* line where the current record starts */
	char msg[160];
	const char *f[CS_CSV_MAX_FIELDS];
	size_t flen[CS_CSV_MAX_FIELDS];
	size_t nf;
};

/*
 * Reads the next record.  Returns 1 with the fields in c->f, 0 at the end
 * of input, or CS_EPROTO / CS_ETRUNC / CS_ELIMIT with a message in *why.
 */
static int
csv_next(struct csv *c, const char **why)
{
	int r = cs_csv_next(&c->c, c->msg, sizeof(c->msg));
	const char *colon;

	c->line = c->c.line;
	c->nf = 0;
	if (r < 0) {
		/* "line N: text": the caller prefixes its own name:line. */
		colon = strstr(c->msg, ": ");
		*why = colon != NULL ? colon + 2 : c->msg;
		return r;
	}
	if (r == 0)
		return 0;
	if (c->c.nfield > OUI_MAX_FIELDS) {
		*why = "too many fields";
		return CS_ELIMIT;
	}
	for (size_t i = 0; i < c->c.nfield; i++) {
		c->f[i] = c->c.field[i];
		c->flen[i] = strlen(c->c.field[i]);
	}
	c->nf = c->c.nfield;
	return 1;
}

static bool
fieq(const struct csv *c, size_t i, const char *lit)
{
	return cs_span_ieq(cs_span_make(c->f[i], c->flen[i]), lit);
}

static int
tab_push(struct tab *t, const struct ent *e)
{
	if (t->n == t->cap) {
		size_t nc = t->cap ? t->cap * 2 : 1024;
		struct ent *v = realloc(t->v, nc * sizeof(*v));

		if (v == NULL)
			return CS_ENOMEM;
		t->v = v;
		t->cap = nc;
	}
	t->v[t->n++] = *e;
	return 0;
}

static int
pool_add(struct cs_oui *db, const char *s, size_t n, uint32_t *off)
{
	if (db->pool_len + n + 1 > UINT32_MAX)
		return CS_ELIMIT;
	if (db->pool_len + n + 1 > db->pool_cap) {
		size_t nc = db->pool_cap ? db->pool_cap : 65536;
		char *p;

		while (nc < db->pool_len + n + 1)
			nc *= 2;
		p = realloc(db->pool, nc);
		if (p == NULL)
			return CS_ENOMEM;
		db->pool = p;
		db->pool_cap = nc;
	}
	memcpy(db->pool + db->pool_len, s, n);
	db->pool[db->pool_len + n] = '\0';
	*off = (uint32_t)db->pool_len;
	db->pool_len += n + 1;
	return 0;
}

/* Parses an assignment of exactly want hex digits. */
static int
parse_assign(const char *s, size_t n, size_t want, uint64_t *out)
{
	uint64_t v = 0;
	size_t i;

	if (n != want)
		return CS_EPROTO;
	for (i = 0; i < n; i++) {
		int h = cs_hexval((uint8_t)s[i]);

		if (h < 0)
			return CS_EPROTO;
		v = v << 4 | (uint64_t)h;
	}
	*out = v;
	return 0;
}

/* Counts of what one file held, by kind. */
struct addstat {
	size_t kind[5]; /* MA-L, MA-M, MA-S, IAB, CID records */
	size_t added;   /* assignments added */
	size_t skipped; /* records that are no MAC assignment */
};

enum { KIND_CID = 4 };

/* Appends one assignment; sets *why on failure. */
static int
push_ent(struct cs_oui *db, size_t tab, struct ent *e, struct cs_span org,
	 const char **why)
{
	int r;

	if (cs_oui_count(db) >= CS_OUI_MAX_ENTRIES) {
		*why = "too many assignments";
		return CS_ELIMIT;
	}
	org = cs_span_trim(org);
	e->map = -1;
	if ((r = pool_add(db, (const char *)org.p, org.n, &e->name)) != 0 ||
	    (r = tab_push(&db->tab[tab], e)) != 0) {
		*why = r == CS_ENOMEM ? "out of memory" : "too large";
		return r;
	}
	return 0;
}

/* The IEEE CSV format (oui.csv, mam.csv, oui36.csv, iab.csv, cid.csv). */
static int
parse_csv(struct cs_oui *db, struct csv *c, struct ent *proto,
	  struct addstat *st, const char **why)
{
	int r;

	/* Header. */
	do {
		r = csv_next(c, why);
	} while (r == 1 && c->nf == 1 && c->flen[0] == 0);
	if (r < 0)
		return r;
	if (r == 0 || c->nf < 3 || !fieq(c, 0, "Registry") ||
	    !fieq(c, 1, "Assignment") || !fieq(c, 2, "Organization Name")) {
		*why = "missing header \"Registry,Assignment,Organization "
		       "Name,...\"";
		return CS_EPROTO;
	}
	for (;;) {
		struct ent e = *proto;
		size_t want, tab;

		r = csv_next(c, why);
		if (r <= 0)
			return r;
		if (c->nf == 1 && c->flen[0] == 0)
			continue; /* blank line */
		if (c->nf < 3) {
			*why = "fewer than 3 fields";
			return CS_EPROTO;
		}
		if (fieq(c, 0, "MA-L")) {
			e.reg = 0, want = 6, tab = TAB24;
		} else if (fieq(c, 0, "MA-M")) {
			e.reg = 1, want = 7, tab = TAB28;
		} else if (fieq(c, 0, "MA-S")) {
			e.reg = 2, want = 9, tab = TAB36;
		} else if (fieq(c, 0, "IAB")) {
			e.reg = 3, want = 9, tab = TAB36;
		} else if (fieq(c, 0, "CID")) {
			e.reg = KIND_CID, want = 6, tab = NTAB;
		} else {
			*why = "unknown registry";
			return CS_EPROTO;
		}
		if (parse_assign(c->f[1], c->flen[1], want, &e.key) != 0) {
			*why = "bad assignment";
			return CS_EPROTO;
		}
		st->kind[e.reg]++;
		if (tab == NTAB) {
			st->skipped++; /* company IDs are not MAC assignments */
			continue;
		}
		if ((r = push_ent(db, tab, &e,
				  cs_span_make(c->f[2], c->flen[2]), why)) != 0)
			return r;
		st->added++;
	}
}

/* ---- Wireshark's manuf -------------------------------------------------- */

/* Reads a run of decimal digits (at most 4) at *i; -1 if none. */
static long
read_num(struct cs_span s, size_t *i)
{
	long v = 0;
	size_t k = 0;

	while (*i < s.n && k < 4 && s.p[*i] >= '0' && s.p[*i] <= '9') {
		v = v * 10 + (s.p[*i] - '0');
		(*i)++, k++;
	}
	return k == 0 ? -1 : v;
}

/*
 * Parses an HTTP date "[Sun, ]25 Aug 2024 08:01:19 GMT" (RFC 9110
 * IMF-fixdate; the time may be absent) into unix seconds; 0 if it is not
 * one.
 */
static int64_t
parse_http_date(struct cs_span s)
{
	static const char months[] = "JanFebMarAprMayJunJulAugSepOctNovDec";
	size_t i = 0, m;
	long d, y, hh = 0, mm = 0, ss = 0;

	s = cs_span_trim(s);
	while (i < s.n && s.p[i] != ',' && !(s.p[i] >= '0' && s.p[i] <= '9'))
		i++;
	if (i < s.n && s.p[i] == ',')
		i++;
	while (i < s.n && s.p[i] == ' ')
		i++;
	if ((d = read_num(s, &i)) < 1 || d > 31 || i + 5 > s.n || s.p[i] != ' ')
		return 0;
	for (m = 0; m < 12; m++)
		if (cs_span_ieq(cs_span_make(s.p + i + 1, 3),
				(const char[4]){months[3 * m],
						months[3 * m + 1],
						months[3 * m + 2], 0}))
			break;
	if (m == 12)
		return 0;
	i += 4;
	if (i >= s.n || s.p[i] != ' ')
		return 0;
	i++;
	if ((y = read_num(s, &i)) < 1970 || y > 9999)
		return 0;
	if (i + 9 <= s.n && s.p[i] == ' ' && s.p[i + 3] == ':' &&
	    s.p[i + 6] == ':') {
		size_t j = i + 1;

		hh = read_num(s, &j), j++;
		mm = read_num(s, &j), j++;
		ss = read_num(s, &j);
		if (hh < 0 || hh > 23 || mm < 0 || mm > 59 || ss < 0 || ss > 60)
			hh = mm = ss = 0;
	}
	return cs_date_days(y, (int64_t)m + 1, (int64_t)d) * 86400 + hh * 3600 +
	       mm * 60 + ss;
}

/*
 * Parses a manuf address: 1 to 6 octets of one or two hex digits joined
 * by ':', '-' or '.', and an optional "/bits" mask (1..48).  Without a
 * mask the address is as wide as its octets.  Returns 0 with the value
 * left-aligned in 48 bits, or CS_EPROTO.  Not cs_dec_mac_prefix_parse
 * (parse/decode.h): the same text means another prefix there
 * ("90:02:A9:1" is a 28-bit block there, four octets here), and each
 * accepts forms the other refuses (test_oui.c test_manuf_addr_forms).
 */
static int
parse_manuf_addr(struct cs_span a, uint64_t *val, unsigned *bits)
{
	uint64_t v = 0;
	unsigned oct = 0, digits = 0, cur = 0;
	size_t i;

	*bits = 0;
	for (i = 0; i < a.n; i++) {
		int h = cs_hexval(a.p[i]);

		if (h >= 0) {
			if (++digits > 2)
				return CS_EPROTO;
			cur = cur << 4 | (unsigned)h;
			continue;
		}
		if (a.p[i] != ':' && a.p[i] != '-' && a.p[i] != '.' &&
		    a.p[i] != '/')
			return CS_EPROTO;
		if (digits == 0 || oct == 6)
			return CS_EPROTO;
		v = v << 8 | cur;
		oct++, digits = 0, cur = 0;
		if (a.p[i] == '/')
			break;
	}
	if (i == a.n) {
		if (digits == 0 || oct == 6)
			return CS_EPROTO;
		v = v << 8 | cur;
		oct++;
		*bits = oct * 8;
	} else {
		uint64_t b;

		if (cs_span_u64(cs_span_make(a.p + i + 1, a.n - i - 1), 48,
				&b) != 0 ||
		    b == 0)
			return CS_EPROTO;
		*bits = (unsigned)b;
	}
	*val = v << (8 * (6 - oct));
	return 0;
}

/*
 * Wireshark's manuf: "ADDR<TAB>SHORT[<TAB>LONG][<TAB># comment]" lines
 * and '#' comment lines; see docs/oui.md.  Empty fields (two TABs) are
 * skipped; without a long name the short name is the registrant.  /24,
 * /28 and /36 entries are assignments; others (well-known addresses,
 * other masks) are counted as skipped.  The newest "Last-Modified:" date
 * in the comments is returned in *date (0 if none).
 */
static int
parse_manuf(struct cs_oui *db, const uint8_t *p, size_t n, struct ent *proto,
	    struct addstat *st, int64_t *date, unsigned *line, const char **why)
{
	size_t off = 0;

	*date = 0;
	*line = 0;
	if (n >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
		off = 3;
	while (off < n) {
		struct cs_span ln, addr, f[2];
		size_t e = off, i, nf = 0;
		uint64_t v;
		unsigned bits;
		struct ent ent = *proto;
		int r;

		(*line)++;
		while (e < n && p[e] != '\n')
			e++;
		ln = cs_span_make(p + off, e - off);
		off = e < n ? e + 1 : e;
		if (ln.n > CS_OUI_MAX_LINE) {
			*why = "line too long";
			return CS_ELIMIT;
		}
		if (ln.n > 0 && ln.p[ln.n - 1] == '\r')
			ln.n--;
		ln = cs_span_trim(ln);
		if (ln.n == 0)
			continue;
		if (ln.p[0] == '#') {
			long k = cs_span_find(ln, "Last-Modified:", 14, true);

			if (k >= 0) {
				int64_t d = parse_http_date(cs_span_make(
				    ln.p + k + 14, ln.n - (size_t)k - 14));

				if (d > *date)
					*date = d;
			}
			continue;
		}
		if (memchr(ln.p, '\0', ln.n) != NULL) {
			*why = "NUL byte";
			return CS_EPROTO;
		}
		for (i = 0; i < ln.n && ln.p[i] != '\t' && ln.p[i] != ' '; i++)
			;
		addr = cs_span_make(ln.p, i);
		if (parse_manuf_addr(addr, &v, &bits) != 0) {
			*why = "bad address";
			return CS_EPROTO;
		}
		/* Name fields: TAB-separated, empty ones skipped, a field
		 * starting with '#' ends the record. */
		while (i < ln.n && nf < 2) {
			size_t st0;

			while (i < ln.n && (ln.p[i] == '\t' || ln.p[i] == ' '))
				i++;
			if (i == ln.n || ln.p[i] == '#')
				break;
			st0 = i;
			while (i < ln.n && ln.p[i] != '\t')
				i++;
			f[nf++] =
			    cs_span_trim(cs_span_make(ln.p + st0, i - st0));
		}
		if (nf == 0) {
			*why = "no name";
			return CS_EPROTO;
		}
		if (bits == 24) {
			ent.reg = 0;
			r = TAB24;
		} else if (bits == 28) {
			ent.reg = 1;
			r = TAB28;
		} else if (bits == 36) {
			uint64_t parent = v >> 24;

			/* IAB blocks were all issued from these two. */
			ent.reg =
			    parent == 0x0050C2 || parent == 0x40D855 ? 3 : 2;
			r = TAB36;
		} else {
			st->skipped++;
			continue;
		}
		ent.key = v >> (48 - bits);
		st->kind[ent.reg]++;
		if ((r = push_ent(db, (size_t)r, &ent, f[nf - 1], why)) != 0)
			return r;
		st->added++;
	}
	return 0;
}

static void
finish(struct cs_oui *db)
{
	size_t t, i, o;

	for (t = 0; t < NTAB; t++) {
		struct tab *tb = &db->tab[t];

		if (tb->n == 0)
			continue;
		qsort(tb->v, tb->n, sizeof(struct ent), ent_cmp);
		/* Only the first record of an assignment ever answers. */
		for (i = 1, o = 1; i < tb->n; i++)
			if (tb->v[i].key != tb->v[o - 1].key)
				tb->v[o++] = tb->v[i];
		tb->n = o;
	}
	relink(db);
}

/* Does the work of cs_oui_add; finish is false while loading a set. */
static int
add_buf(struct cs_oui *db, enum cs_oui_format fmt, const char *name,
	int64_t date, const uint8_t *p, size_t n, bool fin, struct addstat *st,
	char *err, size_t errsz)
{
	struct cs_oui_source *src;
	struct ent proto;
	size_t old[NTAB], old_pool = db->pool_len, t;
	const char *why = NULL;
	struct csv *c = NULL;
	unsigned line = 0;
	int64_t indate = 0;
	int r;

	if (p == NULL)
		n = 0;
	memset(st, 0, sizeof(*st));
	if (db->nsrc == CS_OUI_MAX_SOURCES) {
		seterr(err, errsz, name, " too many registry files");
		return CS_ELIMIT;
	}
	if (fmt == CS_OUI_FMT_AUTO) {
		struct cs_span h = cs_span_make(p, n < 64 ? n : 64);

		if (h.n >= 3 && memcmp(h.p, "\xEF\xBB\xBF", 3) == 0)
			h = cs_span_make(h.p + 3, h.n - 3);
		fmt = cs_span_istarts(cs_span_trim(h), "Registry,")
			  ? CS_OUI_FMT_CSV
			  : CS_OUI_FMT_MANUF;
	}
	for (t = 0; t < NTAB; t++)
		old[t] = db->tab[t].n;
	memset(&proto, 0, sizeof(proto));
	proto.src = (uint8_t)db->nsrc;
	proto.day = date > 0 ? (uint32_t)(date / 86400) : 0;
	if (fmt == CS_OUI_FMT_CSV) {
		/* Freed once the message, which may live in it, is used. */
		c = cs_xcalloc(1, sizeof(*c));
		cs_csv_init(&c->c, cs_span_make(p, n));
		r = parse_csv(db, c, &proto, st, &why);
		line = c->line;
	} else {
		/* The in-file date is known only at the end: entries are
		 * stamped afterwards. */
		r = parse_manuf(db, p, n, &proto, st, &indate, &line, &why);
		if (r == 0 && indate > 0) {
			for (t = 0; t < NTAB; t++)
				for (size_t i = old[t]; i < db->tab[t].n; i++)
					db->tab[t].v[i].day =
					    (uint32_t)(indate / 86400);
		}
	}
	if (r < 0) {
		seterr(err, errsz, name, "%u: %s", line, why ? why : "error");
		free(c);
		for (t = 0; t < NTAB; t++)
			db->tab[t].n = old[t];
		db->pool_len = old_pool;
		return r;
	}
	free(c);
	src = &db->src[db->nsrc++];
	memset(src, 0, sizeof(*src));
	cs_strlcpy(src->path, name, sizeof(src->path));
	src->format = fmt == CS_OUI_FMT_CSV ? "ieee-csv" : "manuf";
	if (indate > 0) {
		src->date = indate;
		src->date_kind = CS_OUI_DATE_INFILE;
	} else {
		src->date = date > 0 ? date : 0;
		src->date_kind =
		    date > 0 ? CS_OUI_DATE_MTIME : CS_OUI_DATE_UNKNOWN;
	}
	src->entries = st->added;
	src->skipped = st->skipped;
	if (fin)
		finish(db);
	return st->added > (size_t)INT32_MAX ? INT32_MAX : (int)st->added;
}

int
cs_oui_add(struct cs_oui *db, enum cs_oui_format fmt, const char *name,
	   int64_t date, const uint8_t *p, size_t n, char *err, size_t errsz)
{
	struct addstat st;

	return add_buf(db, fmt, name, date, p, n, true, &st, err, errsz);
}

int
cs_oui_add_csv(struct cs_oui *db, const char *name, const uint8_t *p, size_t n,
	       char *err, size_t errsz)
{
	return cs_oui_add(db, CS_OUI_FMT_CSV, name, 0, p, n, err, errsz);
}

/* ---- registrant map ----------------------------------------------------- */

static const struct {
	const char *word;
	double v;
} conf_words[] = {
    {"high", 0.95},      {"medium-high", 0.8}, {"medium", 0.65},
    {"medium-low", 0.5}, {"low", 0.3},
};

static const char *const roles[] = {"maker",  "brand", "subsidiary",
				    "module", "other", "unrelated"};

static int
parse_conf(struct cs_span s, double *out)
{
	size_t i;

	for (i = 0; i < CS_NELEM(conf_words); i++) {
		if (cs_span_ieq(s, conf_words[i].word)) {
			*out = conf_words[i].v;
			return 0;
		}
	}
	return CS_EPROTO;
}

static void
rebuild_sorted(struct cs_oui *db)
{
	size_t i;

	free(db->sorted);
	db->sorted = cs_xmalloc((db->nrows ? db->nrows : 1) * sizeof(size_t));
	for (i = 0; i < db->nrows; i++)
		db->sorted[i] = i;
	/* Insertion sort: the map is small and this avoids a global. */
	for (i = 1; i < db->nrows; i++) {
		size_t k = db->sorted[i], j = i;

		while (j > 0 && strcmp(db->rows[db->sorted[j - 1]].norm,
				       db->rows[k].norm) > 0) {
			db->sorted[j] = db->sorted[j - 1];
			j--;
		}
		db->sorted[j] = k;
	}
	db->nsorted = db->nrows;
}

static bool
is_dash(struct cs_span s)
{
	return s.n == 1 && s.p[0] == '-';
}

int
cs_oui_add_map(struct cs_oui *db, const char *name, const uint8_t *p, size_t n,
	       char *err, size_t errsz)
{
	size_t old = db->nrows, i;
	struct cs_lines lines;
	struct cs_span ln;
	unsigned line = 0;
	const char *why = NULL;
	int r = 0;

	if (p == NULL)
		n = 0;
	cs_lines_init(&lines, p, n);
	while (cs_lines_next(&lines, &ln)) {
		struct cs_span f[8];
		size_t nf, slen;
		struct maprow row;
		char key[OUI_NAME_MAX + 1];
		const char *lims = NULL;
		char *q;

		line = lines.line;
		if (ln.n > CS_OUI_MAX_LINE) {
			why = "line too long";
			r = CS_ELIMIT;
			goto fail;
		}
		if (cs_span_trim(ln).n == 0 || ln.p[0] == '#')
			continue;
		if (memchr(ln.p, '\0', ln.n) != NULL) {
			why = "NUL byte";
			r = CS_EPROTO;
			goto fail;
		}
		nf = cs_tsv_split(ln, f, CS_NELEM(f), false);
		if (nf != 7) {
			why = "expected 7 TAB-separated columns";
			r = CS_EPROTO;
			goto fail;
		}
		for (i = 0; i < 7; i++)
			f[i] = cs_span_trim(f[i]);
		memset(&row, 0, sizeof(row));
		row.pub.line = line;
		if (f[0].n == 0 || f[0].n > 127)
			lims = "registrant empty or longer than 127 bytes";
		else if (f[1].n == 0 || f[1].n > 63 || f[2].n == 0 ||
			 f[2].n > 63)
			lims = "maker/brand empty (use '-') or too long";
		else if (!(is_dash(f[4]) ||
			   (f[4].n == 2 && f[4].p[0] >= 'A' &&
			    f[4].p[0] <= 'Z' && f[4].p[1] >= 'A' &&
			    f[4].p[1] <= 'Z')))
			lims = "country must be ISO 3166 alpha-2 or '-'";
		else if (parse_conf(f[5], &row.pub.confidence) != 0)
			lims = "confidence must be high, medium-high, medium, "
			       "medium-low or low";
		else if (f[6].n == 0 || is_dash(f[6]) || f[6].n > 191)
			lims = "source missing or longer than 191 bytes";
		if (lims == NULL) {
			for (i = 0; i < CS_NELEM(roles); i++)
				if (cs_span_ieq(f[3], roles[i]))
					break;
			if (i == CS_NELEM(roles))
				lims = "unknown role";
			else
				row.pub.role = roles[i];
		}
		if (lims == NULL && strcmp(row.pub.role, "unrelated") != 0 &&
		    is_dash(f[1]) && is_dash(f[2]))
			lims = "maker and brand both '-' (role unrelated?)";
		if (lims == NULL &&
		    norm_name(f[0].p, f[0].n, key, sizeof(key)) == (size_t)-1)
			lims = "registrant too long";
		if (lims == NULL && map_find(db, key) >= 0)
			lims = "duplicate registrant";
		if (lims == NULL) {
			for (i = old; i < db->nrows; i++)
				if (strcmp(db->rows[i].norm, key) == 0)
					lims = "duplicate registrant";
		}
		if (lims != NULL) {
			why = lims;
			r = CS_EPROTO;
			goto fail;
		}
		if (db->nrows >= OUI_MAX_MAP_ROWS) {
			why = "too many rows";
			r = CS_ELIMIT;
			goto fail;
		}
		slen = f[0].n + f[1].n + f[2].n + f[4].n + f[6].n + 5;
		row.strs = q = cs_xmalloc(slen);
		row.norm = cs_xstrdup(key);
#define PUT(dst, sp, dash)                                                     \
	do {                                                                   \
		(dst) = q;                                                     \
		if (!((dash) && is_dash(sp))) {                                \
			memcpy(q, (sp).p, (sp).n);                             \
			q += (sp).n;                                           \
		}                                                              \
		*q++ = '\0';                                                   \
	} while (0)
		PUT(row.pub.registrant, f[0], false);
		PUT(row.pub.maker, f[1], true);
		PUT(row.pub.brand, f[2], true);
		PUT(row.pub.country, f[4], true);
		PUT(row.pub.source, f[6], false);
#undef PUT
		if (strcmp(row.pub.role, "unrelated") == 0) {
			row.pub.maker =
			    row.pub.registrant + strlen(row.pub.registrant);
			row.pub.brand = row.pub.maker;
		}
		if (db->nrows == db->rows_cap) {
			size_t nc = db->rows_cap ? db->rows_cap * 2 : 64;

			db->rows = cs_xrealloc(db->rows, nc, sizeof(*db->rows));
			db->rows_cap = nc;
		}
		db->rows[db->nrows++] = row;
	}
	rebuild_sorted(db);
	relink(db);
	return (int)(db->nrows - old);
fail:
	seterr(err, errsz, name, "%u: %s", line, why);
	for (i = old; i < db->nrows; i++) {
		free(db->rows[i].norm);
		free(db->rows[i].strs);
	}
	db->nrows = old;
	return r;
}

/* ---- files -----------------------------------------------------------------
 */

/* Reads path into b (capped); returns 0, CS_EIO (errno kept) or CS_ELIMIT.
 * *mtime (may be NULL) gets the file's modification time. */
static int
slurp(const char *path, struct cs_buf *b, int64_t *mtime)
{
	return cs_file_read(path, b->max, b, mtime);
}

int
cs_oui_load_map(struct cs_oui *db, const char *path, char *err, size_t errsz)
{
	struct cs_buf b;
	int r;

	cs_buf_init(&b, OUI_MAX_FILE);
	r = slurp(path, &b, NULL);
	if (r != 0) {
		seterr(err, errsz, path, " cannot read (%s)",
		       r == CS_ELIMIT ? "too large" : strerror(errno));
		cs_buf_free(&b);
		return r;
	}
	r = cs_oui_add_map(db, path, b.p, b.len, err, errsz);
	cs_buf_free(&b);
	return r;
}

/*
 * Reads and adds one registry file.  Returns the count added, 1 + INT_MAX
 * never; CS_ENOTFOUND when it does not exist (nothing in err).
 */
static int
add_path(struct cs_oui *db, const char *path, enum cs_oui_format fmt, bool fin,
	 struct addstat *st, char *err, size_t errsz)
{
	struct cs_buf b;
	int64_t mtime = 0;
	int r;

	cs_buf_init(&b, OUI_MAX_FILE);
	r = slurp(path, &b, &mtime);
	if (r == CS_EIO && errno == ENOENT) {
		cs_buf_free(&b);
		return CS_ENOTFOUND;
	}
	if (r == 0)
		r = add_buf(db, fmt, path, mtime, b.p, b.len, fin, st, err,
			    errsz);
	else
		seterr(err, errsz, path, " cannot read (%s)",
		       r == CS_ELIMIT ? "too large" : strerror(errno));
	cs_buf_free(&b);
	return r;
}

int
cs_oui_add_file(struct cs_oui *db, const char *path, char *err, size_t errsz)
{
	struct addstat st;
	int r = add_path(db, path, CS_OUI_FMT_AUTO, true, &st, err, errsz);

	if (r == CS_ENOTFOUND) {
		errno = ENOENT;
		seterr(err, errsz, path, " cannot read (%s)", strerror(errno));
		return CS_EIO;
	}
	return r;
}

int
cs_oui_user_dir(char *buf, size_t bufsz)
{
	const char *x = getenv("XDG_DATA_HOME"), *h = getenv("HOME");
	int k;

	if (x != NULL && x[0] == '/')
		k = snprintf(buf, bufsz, "%s/camsweep/oui", x);
	else if (h != NULL && h[0] == '/')
		k = snprintf(buf, bufsz, "%s/.local/share/camsweep/oui", h);
	else
		return CS_ENOTFOUND;
	return k < 0 || (size_t)k >= bufsz ? CS_ELIMIT : 0;
}

static const char *const csv_names[] = {"oui.csv", "mam.csv", "oui36.csv",
					"iab.csv", "cid.csv"};

/* Adds dir's CSV files (and "manuf" when with_manuf); counts loads. */
static int
add_dir(struct cs_oui *db, const char *dir, bool with_manuf, size_t *loaded,
	char *err, size_t errsz)
{
	size_t i;

	for (i = 0; i < CS_NELEM(csv_names) + (with_manuf ? 1 : 0); i++) {
		char path[4096];
		struct addstat st;
		int r;

		if ((size_t)snprintf(path, sizeof(path), "%s/%s", dir,
				     i < CS_NELEM(csv_names)
					 ? csv_names[i]
					 : "manuf") >= sizeof(path)) {
			seterr(err, errsz, dir, " path too long");
			return CS_ELIMIT;
		}
		r = add_path(db, path,
			     i < CS_NELEM(csv_names) ? CS_OUI_FMT_CSV
						     : CS_OUI_FMT_MANUF,
			     false, &st, err, errsz);
		if (r == CS_ENOTFOUND)
			continue;
		if (r < 0)
			return r;
		(*loaded)++;
	}
	return 0;
}

struct cs_oui *
cs_oui_load(const char *dir, const char *map_path, char *err, size_t errsz)
{
	struct cs_oui *db = cs_oui_new();
	size_t loaded = 0;
	int r;

	if (dir != NULL) {
		r = add_dir(db, dir, true, &loaded, err, errsz);
	} else {
		const char *ieee = getenv("CAMSWEEP_IEEE_DATA");
		const char *manuf = getenv("CAMSWEEP_MANUF");
		char user[4096];
		struct addstat st;

		if (ieee == NULL || *ieee == '\0')
			ieee = CS_OUI_DEFAULT_DIR;
		if (manuf == NULL)
			manuf = CS_OUI_DEFAULT_MANUF;
		dir = ieee;
		r = add_dir(db, ieee, false, &loaded, err, errsz);
		if (r == 0 && *manuf != '\0') {
			r = add_path(db, manuf, CS_OUI_FMT_MANUF, false, &st,
				     err, errsz);
			if (r >= 0)
				loaded++;
			else if (r == CS_ENOTFOUND)
				r = 0;
		}
		if (r >= 0 && cs_oui_user_dir(user, sizeof(user)) == 0)
			r = add_dir(db, user, false, &loaded, err, errsz);
	}
	if (r < 0) {
		cs_oui_free(db);
		return NULL;
	}
	if (loaded == 0) {
		seterr(err, errsz, dir,
		       " no registry file (oui.csv, mam.csv, oui36.csv, "
		       "iab.csv, manuf); install Debian's ieee-data and "
		       "libwireshark-data");
		cs_oui_free(db);
		return NULL;
	}
	finish(db);
	if (map_path != NULL && cs_oui_load_map(db, map_path, err, errsz) < 0) {
		cs_oui_free(db);
		return NULL;
	}
	return db;
}

char *
cs_oui_date_format(int64_t date, char *buf, size_t bufsz)
{
	if (cs_date_format(date, 0, buf, bufsz) != 0)
		cs_strlcpy(buf, "unknown", bufsz);
	return buf;
}

/* ---- import (`camsweep oui update`) -------------------------------------- */

struct import {
	const char *from;
	struct cs_buf b;
	int64_t mtime;
	int kind; /* index into csv_names */
	size_t records;
};

/* Records of the CSV file at path, or -1 if it is absent or unreadable. */
static long
installed_records(const char *path)
{
	struct cs_oui *db = cs_oui_new();
	struct addstat st;
	long k = -1;

	if (add_path(db, path, CS_OUI_FMT_CSV, false, &st, NULL, 0) >= 0) {
		size_t i;

		k = 0;
		for (i = 0; i < CS_NELEM(st.kind); i++)
			k += (long)st.kind[i];
	}
	cs_oui_free(db);
	return k;
}

/* mkdir -p for an absolute or relative path. */
static int
mkdirs(const char *dir)
{
	char tmp[4096];
	size_t i, n = cs_strlcpy(tmp, dir, sizeof(tmp));

	if (n >= sizeof(tmp))
		return CS_ELIMIT;
	for (i = 1; i <= n; i++) {
		if (tmp[i] != '/' && tmp[i] != '\0')
			continue;
		tmp[i] = '\0';
		if (mkdir(tmp, 0755) != 0 && errno != EEXIST)
			return CS_EIO;
		tmp[i] = i < n ? '/' : '\0';
	}
	return 0;
}

/* Writes im to dest/NAME atomically (temporary file, fsync, rename). */
static int
install(const struct import *im, const char *dest, char *err, size_t errsz)
{
	char tmp[4096], to[4096];
	struct timespec ts[2];
	size_t off = 0;
	int fd;

	if ((size_t)snprintf(to, sizeof(to), "%s/%s", dest,
			     csv_names[im->kind]) >= sizeof(to) ||
	    (size_t)snprintf(tmp, sizeof(tmp), "%s/.%s.XXXXXX", dest,
			     csv_names[im->kind]) >= sizeof(tmp)) {
		seterr(err, errsz, dest, " path too long");
		return CS_ELIMIT;
	}
	fd = mkstemp(tmp);
	if (fd < 0) {
		seterr(err, errsz, dest, " cannot create a file (%s)",
		       strerror(errno));
		return CS_EIO;
	}
	if (cs_write_all(fd, im->b.p, im->b.len) == 0)
		off = im->b.len;
	ts[0].tv_sec = ts[1].tv_sec = (time_t)im->mtime;
	ts[0].tv_nsec = ts[1].tv_nsec = 0;
	if (off != im->b.len || fchmod(fd, 0644) != 0 ||
	    (im->mtime > 0 && futimens(fd, ts) != 0) || fsync(fd) != 0) {
		seterr(err, errsz, tmp, " cannot write (%s)", strerror(errno));
		close(fd);
		unlink(tmp);
		return CS_EIO;
	}
	if (close(fd) != 0 || rename(tmp, to) != 0) {
		seterr(err, errsz, to, " cannot install (%s)", strerror(errno));
		unlink(tmp);
		return CS_EIO;
	}
	return 0;
}

int
cs_oui_import(const char *const *files, size_t nfiles, const char *dest_dir,
	      bool force, struct cs_buf *log, char *err, size_t errsz)
{
	static const char *const kinds[] = {"MA-L", "MA-M", "MA-S", "IAB",
					    "CID"};
	struct import *im;
	size_t i, j;
	int r = 0;

	if (nfiles == 0 || nfiles > CS_NELEM(csv_names) || dest_dir == NULL ||
	    *dest_dir == '\0') {
		seterr(err, errsz, "oui update",
		       " give 1 to %zu IEEE CSV files", CS_NELEM(csv_names));
		return CS_EINVAL;
	}
	im = cs_xcalloc(nfiles, sizeof(*im));
	for (i = 0; i < nfiles; i++)
		cs_buf_init(&im[i].b, OUI_MAX_FILE);
	/* 1. Read and validate every file; nothing is written yet. */
	for (i = 0; i < nfiles && r == 0; i++) {
		struct cs_oui *db;
		struct addstat st;
		size_t k, nk = 0;
		char to[4096];
		long old;

		im[i].from = files[i];
		r = slurp(files[i], &im[i].b, &im[i].mtime);
		if (r != 0) {
			seterr(err, errsz, files[i], " cannot read (%s)",
			       r == CS_ELIMIT ? "too large" : strerror(errno));
			break;
		}
		db = cs_oui_new();
		r = add_buf(db, CS_OUI_FMT_CSV, files[i], im[i].mtime,
			    im[i].b.p, im[i].b.len, false, &st, err, errsz);
		cs_oui_free(db);
		if (r < 0)
			break;
		r = 0;
		for (k = 0; k < CS_NELEM(st.kind); k++) {
			if (st.kind[k] > 0) {
				nk++;
				im[i].kind = (int)k;
				im[i].records = st.kind[k];
			}
		}
		if (nk != 1) {
			seterr(err, errsz, files[i], " %s",
			       nk == 0 ? "holds no record"
				       : "mixes registries (MA-L, MA-M, "
					 "MA-S, IAB, CID): one kind per file");
			r = CS_EPROTO;
			break;
		}
		for (j = 0; j < i; j++) {
			if (im[j].kind == im[i].kind) {
				seterr(err, errsz, files[i],
				       " is a second %s file (after %s)",
				       kinds[im[i].kind], files[j]);
				r = CS_EINVAL;
			}
		}
		if (r != 0)
			break;
		snprintf(to, sizeof(to), "%s/%s", dest_dir,
			 csv_names[im[i].kind]);
		old = installed_records(to);
		if (!force && old > 0 && im[i].records < (size_t)old / 2) {
			seterr(err, errsz, files[i],
			       " has %zu %s records, fewer than half of the "
			       "%ld installed in %s (truncated download?); "
			       "--force installs it anyway",
			       im[i].records, kinds[im[i].kind], old, to);
			r = CS_EPROTO;
			break;
		}
	}
	/* 2. Install. */
	if (r == 0 && mkdirs(dest_dir) != 0) {
		seterr(err, errsz, dest_dir, " cannot create (%s)",
		       strerror(errno));
		r = CS_EIO;
	}
	for (i = 0; i < nfiles && r == 0; i++) {
		r = install(&im[i], dest_dir, err, errsz);
		if (r == 0 && log != NULL)
			cs_buf_printf(log,
				      "installed %s/%s: %zu records (%s) "
				      "from %s\n",
				      dest_dir, csv_names[im[i].kind],
				      im[i].records, kinds[im[i].kind],
				      im[i].from);
	}
	if (r == 0) {
		/* Make the renames themselves durable. */
		int dfd = open(dest_dir, O_RDONLY | O_DIRECTORY);

		if (dfd >= 0) {
			(void)fsync(dfd);
			close(dfd);
		}
	}
	for (i = 0; i < nfiles; i++)
		cs_buf_free(&im[i].b);
	free(im);
	return r < 0 ? r : (int)nfiles;
}

/* ---- lookup ------------------------------------------------------------- */

static void
fill_map(const struct maprow *row, struct cs_oui_hit *out)
{
	cs_strlcpy(out->maker, row->pub.maker, sizeof(out->maker));
	cs_strlcpy(out->brand, row->pub.brand, sizeof(out->brand));
	cs_strlcpy(out->role, row->pub.role, sizeof(out->role));
	cs_strlcpy(out->country, row->pub.country, sizeof(out->country));
	cs_strlcpy(out->source, row->pub.source, sizeof(out->source));
	out->confidence = row->pub.confidence;
}

int
cs_oui_map_registrant(const struct cs_oui *db, const char *registrant,
		      struct cs_oui_hit *out)
{
	char key[OUI_NAME_MAX + 1];
	long r;

	if (registrant == NULL ||
	    norm_name((const uint8_t *)registrant, strlen(registrant), key,
		      sizeof(key)) == (size_t)-1)
		return CS_ENOTFOUND;
	r = map_find(db, key);
	if (r < 0)
		return CS_ENOTFOUND;
	fill_map(&db->rows[r], out);
	return 0;
}

static void
fill_hit(const struct cs_oui *db, const struct ent *e, unsigned bits,
	 struct cs_oui_hit *out)
{
	out->prefix_bits = bits;
	snprintf(out->prefix, sizeof(out->prefix), "%0*llX", (int)(bits / 4),
		 (unsigned long long)e->key);
	cs_strlcpy(out->registry, reg_names[e->reg], sizeof(out->registry));
	cs_strlcpy(out->registrant, db->pool + e->name,
		   sizeof(out->registrant));
	out->file = db->src[e->src].path;
	out->source_index = e->src;
	if (e->map >= 0)
		fill_map(&db->rows[e->map], out);
}

int
cs_oui_entry_at(const struct cs_oui *db, size_t i, struct cs_oui_hit *out)
{
	size_t t;

	memset(out, 0, sizeof(*out));
	for (t = 0; t < NTAB; t++) {
		if (i < db->tab[t].n) {
			fill_hit(db, &db->tab[t].v[i], tab_bits[t], out);
			return 0;
		}
		i -= db->tab[t].n;
	}
	return CS_ENOTFOUND;
}

static const struct ent *
tab_find(const struct tab *t, uint64_t key)
{
	size_t lo = 0, hi = t->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (t->v[mid].key < key)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < t->n && t->v[lo].key == key)
		return &t->v[lo];
	return NULL;
}

int
cs_oui_lookup(const struct cs_oui *db, const uint8_t mac[6],
	      struct cs_oui_hit *out)
{
	return cs_oui_lookup_prefix(db, mac, 48, out);
}

int
cs_oui_lookup_prefix(const struct cs_oui *db, const uint8_t mac[6],
		     unsigned bits, struct cs_oui_hit *out)
{
	uint64_t v = 0;
	int t, i;

	memset(out, 0, sizeof(*out));
	out->flags = cs_mac_flags(mac);
	if (out->flags != 0)
		return CS_ENOTFOUND;
	for (i = 0; i < 6; i++)
		v = v << 8 | mac[i];
	for (t = NTAB - 1; t >= 0; t--) {
		unsigned tb = tab_bits[t];
		const struct ent *e;

		if (tb > bits)
			continue;
		e = tab_find(&db->tab[t], v >> (48 - tb));
		if (e == NULL)
			continue;
		fill_hit(db, e, tb, out);
		return 0;
	}
	return CS_ENOTFOUND;
}

size_t
cs_oui_registrant_count(const struct cs_oui *db, const char *registrant)
{
	char key[OUI_NAME_MAX + 1], k2[OUI_NAME_MAX + 1];
	size_t t, i, cnt = 0;

	if (norm_name((const uint8_t *)registrant, strlen(registrant), key,
		      sizeof(key)) == (size_t)-1)
		return 0;
	for (t = 0; t < NTAB; t++) {
		for (i = 0; i < db->tab[t].n; i++) {
			const char *nm = db->pool + db->tab[t].v[i].name;

			if (norm_name((const uint8_t *)nm, strlen(nm), k2,
				      sizeof(k2)) != (size_t)-1 &&
			    strcmp(k2, key) == 0)
				cnt++;
		}
	}
	return cnt;
}
