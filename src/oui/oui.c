/* SPDX-License-Identifier: ISC */
/*
 * IEEE registry loading (a bounded, hand-written CSV reader), the
 * registrant map (a TSV) and longest-prefix lookup.  See oui.h and
 * docs/oui.md.
 */
#include "oui/oui.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"
#include "core/buf.h"
#include "core/str.h"
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
	uint8_t reg;   /* index into reg_names */
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

int
cs_mac_parse_span(struct cs_span s, uint8_t out[6])
{
	uint8_t d[12];
	size_t nd = 0, i;
	uint8_t sep = 0;
	size_t group = 0; /* digits in the current group */
	size_t glen = 0;  /* required digits per group, 0 until known */

	s = cs_span_trim(s);
	if (s.n < 12 || s.n > 17)
		return CS_EINVAL;
	for (i = 0; i < s.n; i++) {
		uint8_t c = s.p[i];
		int v = cs_hexval(c);

		if (v >= 0) {
			if (nd == 12)
				return CS_EINVAL;
			d[nd++] = (uint8_t)v;
			group++;
			continue;
		}
		if (c != ':' && c != '-' && c != '.')
			return CS_EINVAL;
		if (sep == 0) {
			sep = c;
			glen = group;
			if (!((c == '.' && glen == 4) ||
			      (c != '.' && glen == 2)))
				return CS_EINVAL;
		} else if (c != sep || group != glen) {
			return CS_EINVAL;
		}
		group = 0;
	}
	if (nd != 12 || (sep != 0 && group != glen))
		return CS_EINVAL;
	for (i = 0; i < 6; i++)
		out[i] = (uint8_t)(d[2 * i] << 4 | d[2 * i + 1]);
	return 0;
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
	snprintf(buf, bufsz, "%02x:%02x:%02x:%02x:%02x:%02x", mac[0], mac[1],
		 mac[2], mac[3], mac[4], mac[5]);
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

static int
ent_cmp(const void *a, const void *b)
{
	const struct ent *x = a, *y = b;

	if (x->key != y->key)
		return x->key < y->key ? -1 : 1;
	/* Keep the first registration of a duplicated prefix first. */
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

/* ---- CSV reader -----------------------------------------------------------
 */

struct csv {
	const uint8_t *p;
	size_t n, off;
	unsigned line; /* line where the current record starts */
	unsigned nextline;
	char rec[CS_OUI_MAX_LINE + 1]; /* decoded fields, NUL-separated */
	const char *f[OUI_MAX_FIELDS];
	size_t flen[OUI_MAX_FIELDS];
	size_t nf;
};

/*
 * Reads the next record.  Returns 1 with the fields in c->f, 0 at the end
 * of input, or CS_EPROTO / CS_ETRUNC / CS_ELIMIT with a message in err.
 */
static int
csv_next(struct csv *c, const char **why)
{
	size_t o = 0, start;
	bool quoted = false, inq = false, after = false;

	c->nf = 0;
	c->line = c->nextline;
	if (c->off >= c->n)
		return 0;
	start = c->off;
	c->f[0] = c->rec;
	c->flen[0] = 0;
	c->nf = 1;
	while (c->off < c->n) {
		uint8_t ch = c->p[c->off++];

		if (c->off - start > CS_OUI_MAX_LINE) {
			*why = "record too long";
			return CS_ELIMIT;
		}
		if (inq) {
			if (ch == '"') {
				if (c->off < c->n && c->p[c->off] == '"') {
					c->off++;
				} else {
					inq = false;
					after = true;
					continue;
				}
			} else if (ch == '\n') {
				c->nextline++;
			}
			c->rec[o++] = ch == 0 ? '?' : (char)ch;
			c->flen[c->nf - 1]++;
			continue;
		}
		if (ch == ',') {
			if (c->nf == OUI_MAX_FIELDS) {
				*why = "too many fields";
				return CS_ELIMIT;
			}
			c->rec[o++] = '\0';
			c->f[c->nf] = c->rec + o;
			c->flen[c->nf] = 0;
			c->nf++;
			quoted = after = false;
			continue;
		}
		if (ch == '\r' || ch == '\n') {
			if (ch == '\r' && c->off < c->n && c->p[c->off] == '\n')
				c->off++;
			c->nextline++;
			break;
		}
		if (after) {
			*why = "text after a closing quote";
			return CS_EPROTO;
		}
		if (ch == '"' && c->flen[c->nf - 1] == 0 && !quoted) {
			quoted = inq = true;
			continue;
		}
		c->rec[o++] = ch == 0 ? '?' : (char)ch;
		c->flen[c->nf - 1]++;
	}
	if (inq) {
		*why = "unterminated quoted field";
		return CS_ETRUNC;
	}
	c->rec[o] = '\0';
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

int
cs_oui_add_csv(struct cs_oui *db, const char *name, const uint8_t *p, size_t n,
	       char *err, size_t errsz)
{
	struct csv *c;
	size_t old[NTAB], old_pool = db->pool_len, t;
	const char *why = NULL;
	int added = 0, r;

	for (t = 0; t < NTAB; t++)
		old[t] = db->tab[t].n;
	c = cs_xcalloc(1, sizeof(*c));
	c->p = p;
	c->n = p == NULL ? 0 : n;
	c->nextline = 1;
	if (c->n >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
		c->off = 3;

	/* Header. */
	do {
		r = csv_next(c, &why);
	} while (r == 1 && c->nf == 1 && c->flen[0] == 0);
	if (r < 0)
		goto fail;
	if (r == 0 || c->nf < 3 || !fieq(c, 0, "Registry") ||
	    !fieq(c, 1, "Assignment") || !fieq(c, 2, "Organization Name")) {
		why = "missing header \"Registry,Assignment,Organization "
		      "Name,...\"";
		r = CS_EPROTO;
		goto fail;
	}
	for (;;) {
		struct ent e;
		size_t want, tab;
		struct cs_span org;

		r = csv_next(c, &why);
		if (r < 0)
			goto fail;
		if (r == 0)
			break;
		if (c->nf == 1 && c->flen[0] == 0)
			continue; /* blank line */
		if (c->nf < 3) {
			why = "fewer than 3 fields";
			r = CS_EPROTO;
			goto fail;
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
			continue; /* company IDs are not MAC assignments */
		} else {
			why = "unknown registry";
			r = CS_EPROTO;
			goto fail;
		}
		if (parse_assign(c->f[1], c->flen[1], want, &e.key) != 0) {
			why = "bad assignment";
			r = CS_EPROTO;
			goto fail;
		}
		if (cs_oui_count(db) >= CS_OUI_MAX_ENTRIES) {
			why = "too many assignments";
			r = CS_ELIMIT;
			goto fail;
		}
		org = cs_span_trim(cs_span_make(c->f[2], c->flen[2]));
		e.map = -1;
		if ((r = pool_add(db, (const char *)org.p, org.n, &e.name)) !=
			0 ||
		    (r = tab_push(&db->tab[tab], &e)) != 0) {
			why = r == CS_ENOMEM ? "out of memory" : "too large";
			goto fail;
		}
		added++;
	}
	free(c);
	for (t = 0; t < NTAB; t++)
		if (db->tab[t].n > 0)
			qsort(db->tab[t].v, db->tab[t].n, sizeof(struct ent),
			      ent_cmp);
	relink(db);
	return added;
fail:
	seterr(err, errsz, name, "%u: %s", c->line, why ? why : "error");
	free(c);
	for (t = 0; t < NTAB; t++)
		db->tab[t].n = old[t];
	db->pool_len = old_pool;
	return r;
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

/* Splits a line into TAB-separated fields; returns the count. */
static size_t
split_tabs(struct cs_span line, struct cs_span *f, size_t max)
{
	size_t nf = 0, i, st = 0;

	for (i = 0; i <= line.n; i++) {
		if (i == line.n || line.p[i] == '\t') {
			if (nf == max)
				return max + 1;
			f[nf++] = cs_span_make(line.p + st, i - st);
			st = i + 1;
		}
	}
	return nf;
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
	size_t off = 0, old = db->nrows, i;
	unsigned line = 0;
	const char *why = NULL;
	int r = 0;

	if (p == NULL)
		n = 0;
	while (off < n) {
		struct cs_span ln, f[8];
		size_t e = off, nf, slen;
		struct maprow row;
		char key[OUI_NAME_MAX + 1];
		const char *lims = NULL;
		char *q;

		line++;
		while (e < n && p[e] != '\n')
			e++;
		ln = cs_span_make(p + off, e - off);
		off = e < n ? e + 1 : e;
		if (ln.n > CS_OUI_MAX_LINE) {
			why = "line too long";
			r = CS_ELIMIT;
			goto fail;
		}
		if (ln.n > 0 && ln.p[ln.n - 1] == '\r')
			ln.n--;
		if (cs_span_trim(ln).n == 0 || ln.p[0] == '#')
			continue;
		if (memchr(ln.p, '\0', ln.n) != NULL) {
			why = "NUL byte";
			r = CS_EPROTO;
			goto fail;
		}
		nf = split_tabs(ln, f, CS_NELEM(f));
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

/* Reads path into b (capped); returns 0, CS_EIO (errno kept) or CS_ELIMIT. */
static int
slurp(const char *path, struct cs_buf *b)
{
	FILE *f = fopen(path, "rb");
	uint8_t chunk[65536];
	size_t k;
	int r = 0;

	if (f == NULL)
		return CS_EIO;
	while ((k = fread(chunk, 1, sizeof(chunk), f)) > 0) {
		if ((r = cs_buf_add(b, chunk, k)) != 0)
			break;
	}
	if (r == 0 && ferror(f))
		r = CS_EIO;
	fclose(f);
	return r;
}

int
cs_oui_load_map(struct cs_oui *db, const char *path, char *err, size_t errsz)
{
	struct cs_buf b;
	int r;

	cs_buf_init(&b, OUI_MAX_FILE);
	r = slurp(path, &b);
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

struct cs_oui *
cs_oui_load(const char *dir, const char *map_path, char *err, size_t errsz)
{
	static const char *const files[] = {"oui.csv", "mam.csv", "oui36.csv",
					    "iab.csv"};
	struct cs_oui *db = cs_oui_new();
	size_t i, loaded = 0;

	if (dir == NULL)
		dir = getenv("CAMSWEEP_IEEE_DATA");
	if (dir == NULL || *dir == '\0')
		dir = CS_OUI_DEFAULT_DIR;
	for (i = 0; i < CS_NELEM(files); i++) {
		char path[4096];
		struct cs_buf b;
		int r;

		if ((size_t)snprintf(path, sizeof(path), "%s/%s", dir,
				     files[i]) >= sizeof(path)) {
			seterr(err, errsz, dir, " path too long");
			cs_oui_free(db);
			return NULL;
		}
		cs_buf_init(&b, OUI_MAX_FILE);
		r = slurp(path, &b);
		if (r == CS_EIO && errno == ENOENT) {
			cs_buf_free(&b);
			continue;
		}
		if (r == 0)
			r = cs_oui_add_csv(db, path, b.p, b.len, err, errsz);
		else
			seterr(err, errsz, path, " cannot read (%s)",
			       r == CS_ELIMIT ? "too large" : strerror(errno));
		cs_buf_free(&b);
		if (r < 0) {
			cs_oui_free(db);
			return NULL;
		}
		loaded++;
	}
	if (loaded == 0) {
		seterr(err, errsz, dir,
		       " no registry file (oui.csv, mam.csv, oui36.csv, "
		       "iab.csv); install Debian's ieee-data");
		cs_oui_free(db);
		return NULL;
	}
	if (map_path != NULL && cs_oui_load_map(db, map_path, err, errsz) < 0) {
		cs_oui_free(db);
		return NULL;
	}
	return db;
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
	uint64_t v = 0;
	int t, i;

	memset(out, 0, sizeof(*out));
	out->flags = cs_mac_flags(mac);
	if (out->flags != 0)
		return CS_ENOTFOUND;
	for (i = 0; i < 6; i++)
		v = v << 8 | mac[i];
	for (t = NTAB - 1; t >= 0; t--) {
		unsigned bits = tab_bits[t];
		const struct ent *e = tab_find(&db->tab[t], v >> (48 - bits));

		if (e == NULL)
			continue;
		out->prefix_bits = bits;
		snprintf(out->prefix, sizeof(out->prefix), "%0*llX",
			 (int)(bits / 4), (unsigned long long)e->key);
		cs_strlcpy(out->registry, reg_names[e->reg],
			   sizeof(out->registry));
		cs_strlcpy(out->registrant, db->pool + e->name,
			   sizeof(out->registrant));
		if (e->map >= 0)
			fill_map(&db->rows[e->map], out);
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
