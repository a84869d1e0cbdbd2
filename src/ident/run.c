/* SPDX-License-Identifier: ISC */
/*
 * The identify loop: bounded line reader, per-line decoding, the table
 * of open devices and the output objects.  See docs/identify.md.
 */
#include "ident/ident.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"
#include "core/escape.h"
#include "core/str.h"
#include "fp/fp.h"
#include "ident/memo.h"
#include "core/poison.h"

#define READ_CHUNK 65536
#define WRITE_CHUNK (256 * 1024) /* output bytes gathered per write */
#define NIL ((size_t)-1)
#define SLOT_KEEP 16 /* observations a free device slot keeps room for */

/* ---- output ---- */

/*
 * Appends n bytes: in place while they fit what b holds already (an
 * identity is some twenty appends per evidence item), else cs_buf_add.
 */
static inline int
put(struct cs_buf *b, const char *s, size_t n)
{
	if (b->len + n < b->cap) {
		memcpy(b->p + b->len, s, n);
		b->len += n;
		b->p[b->len] = 0;
		return 0;
	}
	return cs_buf_add(b, s, n);
}

static int
str_or_null(struct cs_buf *b, const char *s)
{
	if (s[0] == '\0')
		return put(b, "null", 4);
	return cs_esc_json(b, s, strlen(s));
}

static int
put_val(struct cs_buf *b, const struct cs_ident_val *v)
{
	switch (v->type) {
	case CS_IDENT_STRING:
		return cs_esc_json(b, v->s, v->len);
	case CS_IDENT_NUMBER:
		return put(b, v->s, v->len);
	default:
		return cs_buf_adds(b, "null");
	}
}

/*
 * Appends x as printf's "%.3f" would (identify writes a weight or a
 * confidence per evidence item, and printf was a tenth of its time):
 * digits by integer arithmetic, printf itself for values it could round
 * differently (a third decimal within 1e-6 of a tie) or out of range.
 */
#define FIXED3_MAX 32 /* fixed3's room */

/*
 * x as "%.3f" into the end of s[FIXED3_MAX], its first byte at *at;
 * false where printf itself must write it.
 */
static bool
fixed3(double x, char *s, size_t *at)
{
	double t = x * 1000.0, frac;
	uint64_t r;
	size_t n = FIXED3_MAX;

	if (!(x >= 0 && x < 1e9))
		return false;
	r = (uint64_t)t;
	frac = t - (double)r;
	if (frac > 0.5 - 1e-6 && frac < 0.5 + 1e-6)
		return false;
	if (frac > 0.5)
		r++;
	for (int d = 0; d < 3; d++) {
		s[--n] = (char)('0' + r % 10);
		r /= 10;
	}
	s[--n] = '.';
	do {
		s[--n] = (char)('0' + r % 10);
		r /= 10;
	} while (r > 0);
	*at = n;
	return true;
}

static int
put_fixed3(struct cs_buf *b, double x)
{
	char s[FIXED3_MAX];
	size_t n;

	if (!fixed3(x, s, &n))
		return cs_buf_printf(b, "%.3f", x);
	return put(b, s + n, FIXED3_MAX - n);
}

/* Appends an unsigned decimal. */
static int
put_uint(struct cs_buf *b, uint64_t v)
{
	char s[24];
	size_t n = sizeof(s);

	do {
		s[--n] = (char)('0' + v % 10);
		v /= 10;
	} while (v > 0);
	return put(b, s + n, sizeof(s) - n);
}

/* Appends a string literal (its length known at compile time). */
#define ADDL(b, lit) put((b), (lit), sizeof(lit) - 1)

/* Appends one evidence item's object. */
static int
put_row(struct cs_buf *b, const struct cs_evidence *e)
{
	int rc = 0;

	rc |= ADDL(b, "{\"field\":");
	rc |= cs_esc_json(b, e->field, strlen(e->field));
	rc |= ADDL(b, ",\"claim\":");
	rc |= cs_esc_json(b, e->claim, strlen(e->claim));
	rc |= ADDL(b, ",\"value\":");
	rc |= cs_esc_json(b, e->value, strlen(e->value));
	rc |= ADDL(b, ",\"rule\":");
	rc |= cs_esc_json(b, e->rule, strlen(e->rule));
	rc |= ADDL(b, ",\"observation\":");
	rc |= cs_esc_json(b, e->obs_key, strlen(e->obs_key));
	if (e->port) {
		rc |= ADDL(b, ",\"port\":");
		rc |= put_uint(b, e->port);
	} else {
		rc |= ADDL(b, ",\"port\":null");
	}
	rc |= ADDL(b, ",\"weight\":");
	rc |= put_fixed3(b, e->weight);
	rc |= ADDL(b, "}");
	return rc;
}

/*
 * As put_row, of an item without its row (cs_fp_identify_refs): the same
 * text.
 */
static int
put_ref(struct cs_buf *b, const struct cs_evref *e)
{
	int rc = 0;

	rc |= ADDL(b, "{\"field\":");
	rc |= cs_esc_json(b, e->field, e->nfield);
	rc |= ADDL(b, ",\"claim\":");
	rc |= cs_esc_json(b, e->claim, e->nclaim);
	rc |= ADDL(b, ",\"value\":");
	rc |= cs_esc_json(b, e->value, e->nvalue);
	rc |= ADDL(b, ",\"rule\":");
	rc |= cs_esc_json(b, e->rule, e->nrule);
	rc |= ADDL(b, ",\"observation\":");
	rc |= cs_esc_json(b, e->obs_key, e->nobs_key);
	if (e->port) {
		rc |= ADDL(b, ",\"port\":");
		rc |= put_uint(b, e->port);
	} else {
		rc |= ADDL(b, ",\"port\":null");
	}
	rc |= ADDL(b, ",\"weight\":");
	rc |= put_fixed3(b, e->weight);
	rc |= ADDL(b, "}");
	return rc;
}

/* Copies a string literal to w, advancing it. */
#define CPYL(w, lit)                                                           \
	(memcpy((w), (lit), sizeof(lit) - 1), (w) += sizeof(lit) - 1)

/* s (n bytes that need no JSON escape) quoted at w; returns the end. */
static inline uint8_t *
put_plain(uint8_t *w, const char *s, size_t n)
{
	*w++ = '"';
	memcpy(w, s, n);
	w += n;
	*w++ = '"';
	return w;
}

/*
 * The text fixed3 gives of the weights met lately: a few rules' weights
 * make most evidence items', and their arithmetic was a tenth of an
 * item's writing.  Direct-mapped by the double's bits; all zero: empty.
 */
#define WCACHE 32 /* a power of two */
struct wcache {
	uint64_t bits[WCACHE];
	bool ok[WCACHE];
	uint8_t at[WCACHE];
	char s[WCACHE][FIXED3_MAX];
};

/* As fixed3, through wc. */
static bool
fixed3_cached(struct wcache *wc, double x, const char **s, size_t *n)
{
	uint64_t bits;
	size_t slot, at;

	memcpy(&bits, &x, sizeof(bits));
	slot = (size_t)(((bits ^ (bits >> 29)) * 0x9E3779B97F4A7C15ull) >> 59) &
	       (WCACHE - 1);
	if (!wc->ok[slot] || wc->bits[slot] != bits) {
		if (!fixed3(x, wc->s[slot], &at)) {
			wc->ok[slot] = false;
			return false;
		}
		wc->bits[slot] = bits;
		wc->ok[slot] = true;
		wc->at[slot] = (uint8_t)at;
	}
	*s = wc->s[slot] + wc->at[slot];
	*n = FIXED3_MAX - wc->at[slot];
	return true;
}

/*
 * put_ref in one piece: room for the longest text the item can give is
 * taken once and each string escaped into it (cs_esc_json_to); where
 * that room is past b's cap, or printf must write the weight, put_ref
 * appends it piece by piece, so that the result or the failure is the
 * same.
 */
static int
put_ref_fast(struct cs_buf *b, const struct cs_evref *e, struct wcache *wc)
{
	char ps[8];
	const char *ws;
	size_t wn, pat = sizeof(ps), start = b->len, need;
	uint8_t *w, *w0;

	if (!fixed3_cached(wc, e->weight, &ws, &wn))
		return put_ref(b, e);
	need =
	    6 * (e->nfield + e->nclaim + e->nvalue + e->nrule + e->nobs_key) +
	    10 + 128 + sizeof(ps) + FIXED3_MAX;
	if ((w0 = cs_buf_space(b, need)) == NULL) {
		b->len = start;
		b->p[b->len] = '\0';
		return put_ref(b, e);
	}
	w = w0;
	CPYL(w, "{\"field\":");
	w = e->plain ? put_plain(w, e->field, e->nfield)
		     : w + cs_esc_json_to(w, e->field, e->nfield);
	CPYL(w, ",\"claim\":");
	w += cs_esc_json_to(w, e->claim, e->nclaim);
	CPYL(w, ",\"value\":");
	w += cs_esc_json_to(w, e->value, e->nvalue);
	CPYL(w, ",\"rule\":");
	w = e->plain ? put_plain(w, e->rule, e->nrule)
		     : w + cs_esc_json_to(w, e->rule, e->nrule);
	CPYL(w, ",\"observation\":");
	w = e->plain ? put_plain(w, e->obs_key, e->nobs_key)
		     : w + cs_esc_json_to(w, e->obs_key, e->nobs_key);
	if (e->port) {
		uint16_t v = e->port;

		CPYL(w, ",\"port\":");
		do {
			ps[--pat] = (char)('0' + v % 10);
			v /= 10;
		} while (v > 0);
		memcpy(w, ps + pat, sizeof(ps) - pat);
		w += sizeof(ps) - pat;
	} else {
		CPYL(w, ",\"port\":null");
	}
	CPYL(w, ",\"weight\":");
	memcpy(w, ws, wn);
	w += wn;
	*w++ = '}';
	b->len = start + (size_t)(w - w0);
	b->p[b->len] = '\0';
	return 0;
}

/*
 * cs_ident_format, with rm (may be NULL): the memo of evidence rows; or,
 * with ref non-NULL, the evidence from the nref items ref instead of
 * id's rows (and rm unused), their weights' text through wc.
 */
static int
format(struct cs_buf *b, const char *idname, const struct cs_ident_val *idv,
       const struct cs_identity *id, size_t nobs, struct cs_rowmemo *rm,
       const struct cs_evref *ref, size_t nref, struct wcache *wc)
{
	int rc = 0;

	rc |= ADDL(b, "{\"");
	rc |= cs_buf_adds(b, idname);
	rc |= ADDL(b, "\":");
	rc |= put_val(b, idv);
	rc |= ADDL(b, ",\"manufacturer\":");
	rc |= str_or_null(b, id->manufacturer);
	rc |= ADDL(b, ",\"manufacturer_country\":");
	rc |=
	    str_or_null(b, id->manufacturer[0] ? id->manufacturer_country : "");
	rc |= ADDL(b, ",\"brand\":");
	rc |= str_or_null(b, id->brand);
	rc |= ADDL(b, ",\"model\":");
	rc |= str_or_null(b, id->model);
	rc |= ADDL(b, ",\"firmware\":");
	rc |= str_or_null(b, id->firmware);
	rc |= ADDL(b, ",\"device_class\":");
	rc |= str_or_null(b, id->device_class == CS_CLASS_UNKNOWN
				 ? ""
				 : cs_class_name(id->device_class));
	rc |= ADDL(b, ",\"surveillance\":");
	/* null: the evidence does not establish it (issue #11). */
	switch (cs_identity_surveillance(id)) {
	case 1:
		rc |= ADDL(b, "true");
		break;
	case 0:
		rc |= ADDL(b, "false");
		break;
	default:
		rc |= ADDL(b, "null");
		break;
	}
	/* "presumed": from a cctv=mostly maker, no class evidence. */
	rc |= ADDL(b, ",\"surveillance_basis\":");
	rc |= str_or_null(b, cs_identity_surveillance_basis(id)
				 ? cs_identity_surveillance_basis(id)
				 : "");
	rc |= ADDL(b, ",\"confidence\":");
	rc |= put_fixed3(b, id->confidence);
	rc |= ADDL(b, ",\"observations\":");
	rc |= put_uint(b, nobs);
	rc |= ADDL(b, ",\"evidence\":[");
	for (size_t i = 0; ref != NULL && i < nref; i++) {
		if (i)
			rc |= ADDL(b, ",");
		rc |= put_ref_fast(b, &ref[i], wc);
	}
	for (size_t i = 0; ref == NULL && i < id->nev; i++) {
		const struct cs_evidence *e = &id->ev[i];
		const char *row;
		size_t start, len;
		uint64_t h = 0;

		if (i)
			rc |= ADDL(b, ",");
		if (rm != NULL) {
			h = cs_rowmemo_hash(e);
			if ((row = cs_rowmemo_find(rm, e, h, &len)) != NULL) {
				rc |= put(b, row, len);
				continue;
			}
		}
		start = b->len;
		rc |= put_row(b, e);
		if (rm != NULL && rc == 0)
			cs_rowmemo_put(rm, e, h, (const char *)b->p + start,
				       b->len - start);
	}
	rc |= ADDL(b, "]");
	if (id->nev_dropped)
		rc |= cs_buf_printf(b, ",\"evidence_dropped\":%zu",
				    id->nev_dropped);
	rc |= ADDL(b, "}");
	return rc ? CS_ELIMIT : 0;
}

int
cs_ident_format(struct cs_buf *b, const char *idname,
		const struct cs_ident_val *idv, const struct cs_identity *id,
		size_t nobs)
{
	return format(b, idname, idv, id, nobs, NULL, NULL, 0, NULL);
}

/* ---- open devices ---- */

struct dev {
	struct cs_ident_val key;
	uint32_t hash;
	size_t hnext;      /* next in hash chain */
	size_t prev, next; /* FIFO of open devices, oldest first */
	struct cs_obs_list obs;
	size_t bytes; /* value bytes held */
	bool used;
};

struct run {
	const struct cs_fpdb *db;
	FILE *in, *out, *err;
	struct cs_ident_opts o;
	struct cs_ident_stats st;
	struct cs_ident_dec *dec;
	struct cs_identity *ident;
	struct cs_fpctx *fpctx;  /* identification's memory, reused */
	struct cs_memo *memo;    /* decoded messages (memo.h); NULL: off */
	struct cs_rowmemo *rows; /* evidence rows (memo.h); NULL: off */
	struct cs_idmemo *ids;   /* identities (memo.h); NULL: off */
	struct cs_buf sig;       /* an identity's signature */
	struct cs_obs_list one;  /* reused for ungrouped lines */
	struct cs_buf outb;
	struct cs_buf pend; /* output not yet written (WRITE_CHUNK) */
	struct cs_buf data;
	struct cs_buf line; /* a line spanning reads */
	struct cs_buf msg;  /* stderr messages */
	struct cs_buf tmp;  /* an id value's JSON */
	struct wcache wc;   /* weights' text */
	struct dev *dev;    /* open_max slots */
	size_t *heads;      /* hash buckets */
	size_t nbuckets;
	size_t freelist; /* free slots chained through hnext */
	size_t oldest, newest, nopen;
	size_t held;
	bool ioerr;
	/* reader */
	uint8_t *rbuf;
	size_t rpos, rlen;
	bool reof;
};

static uint32_t
hash_val(const struct cs_ident_val *v)
{
	uint32_t h = 2166136261u ^ (uint32_t)v->type;

	for (size_t i = 0; i < v->len; i++) {
		h ^= (uint8_t)v->s[i];
		h *= 16777619u;
	}
	return h;
}

/* Writes the output gathered so far. */
static void
flush_out(struct run *r)
{
	if (r->pend.len > 0 &&
	    fwrite(r->pend.p, 1, r->pend.len, r->out) != r->pend.len)
		r->ioerr = true;
	cs_buf_reset(&r->pend);
}

/*
 * Outputs the object in outb and a newline: gathered, and written a
 * WRITE_CHUNK at a time (a write per object cost more than the rest of
 * a memoised line) and whenever identify waits for input.
 */
static void
emit(struct run *r)
{
	if (cs_buf_add(&r->outb, "\n", 1) != 0) {
		r->ioerr = true;
		cs_buf_reset(&r->outb);
		return;
	}
	if (r->pend.len + r->outb.len > WRITE_CHUNK)
		flush_out(r);
	if (r->outb.len > WRITE_CHUNK) {
		if (fwrite(r->outb.p, 1, r->outb.len, r->out) != r->outb.len)
			r->ioerr = true;
	} else if (cs_buf_add(&r->pend, r->outb.p, r->outb.len) != 0) {
		r->ioerr = true;
	}
	cs_buf_reset(&r->outb);
}

/*
 * Identifies obs and prints the object.  e (may be NULL): the memo entry
 * whose observations obs is, exactly; its output tail is used or kept.
 * A line identified alone is looked up in the memo of identities by the
 * signature of its assertions (memo.h) before they are combined.
 */
static void
identify(struct run *r, const char *idname, const struct cs_ident_val *v,
	 const struct cs_obs_list *obs, struct cs_memo_ent *e)
{
	bool salvaged = false, by_sig = false;
	const struct cs_evref *ref = NULL;
	size_t nref = 0;
	const char *tail;
	size_t plen, tlen;
	uint64_t h = 0;
	int rc;

	if (r->o.on_identity != NULL)
		e = NULL; /* the callback needs the identity itself */
	if (e != NULL && e->has_tail) {
		cs_buf_reset(&r->outb);
		rc = ADDL(&r->outb, "{\"");
		rc |= cs_buf_adds(&r->outb, idname);
		rc |= ADDL(&r->outb, "\":");
		rc |= put_val(&r->outb, v);
		rc |= put(&r->outb, e->tail, e->taillen);
		if (rc == 0) {
			emit(r);
			r->st.identities++;
			return;
		}
	}
	for (size_t i = 0; i < obs->n && !salvaged; i++)
		salvaged = (obs->v[i].flags & CS_OBS_SALVAGED) != 0;
	cs_fp_collect(r->fpctx, obs);
	if (r->ids != NULL && r->o.on_identity == NULL &&
	    strcmp(idname, "id") == 0) {
		uint8_t tailer[sizeof(size_t) + 1];

		cs_buf_reset(&r->sig);
		memcpy(tailer, &obs->n, sizeof(size_t));
		tailer[sizeof(size_t)] = salvaged;
		by_sig = cs_fpctx_signature(r->fpctx, &r->sig) == 0 &&
			 cs_buf_add(&r->sig, tailer, sizeof(tailer)) == 0;
		if (by_sig) {
			h = cs_hash64(0x452821E638D01377ull, r->sig.p,
				      r->sig.len);
			tail = cs_idmemo_find(r->ids, r->sig.p, r->sig.len, h,
					      &tlen);
			r->st.id_lookups++;
			if (tail != NULL) {
				r->st.id_hits++;
				cs_buf_reset(&r->outb);
				rc = ADDL(&r->outb, "{\"");
				rc |= cs_buf_adds(&r->outb, idname);
				rc |= ADDL(&r->outb, "\":");
				rc |= put_val(&r->outb, v);
				rc |= put(&r->outb, tail, tlen);
				if (rc == 0) {
					if (e != NULL)
						cs_memo_set_tail(r->memo, e,
								 tail, tlen);
					emit(r);
					r->st.identities++;
					return;
				}
			}
		}
	}
	if (r->o.on_identity != NULL) {
		/* the callback reads the rows */
		cs_fp_identify_collected(r->fpctx, r->ident);
		r->o.on_identity(r->o.on_identity_arg, v, obs, r->ident);
	} else {
		cs_fp_identify_refs(r->fpctx, r->ident, &ref, &nref);
	}
	cs_buf_reset(&r->outb);
	rc = format(&r->outb, idname, v, r->ident, obs->n, r->rows, ref, nref,
		    &r->wc);
	if (rc == 0 && salvaged && r->outb.len > 0) {
		/* Read from cut or malformed replies: say so. */
		r->outb.len--; /* the closing brace */
		rc = cs_buf_adds(&r->outb, ",\"salvaged\":true}");
	}
	if (rc != 0) {
		cs_buf_reset(&r->outb);
		cs_buf_adds(&r->outb, "{\"");
		cs_buf_adds(&r->outb, idname);
		cs_buf_adds(&r->outb, "\":");
		put_val(&r->outb, v);
		cs_buf_adds(&r->outb, ",\"error\":\"output too large\"}");
	} else if (e != NULL || by_sig) {
		cs_buf_reset(&r->tmp);
		if (put_val(&r->tmp, v) == 0) {
			plen = 4 + strlen(idname) + r->tmp.len;
			tail = (const char *)r->outb.p + plen;
			tlen = r->outb.len - plen;
			if (plen <= r->outb.len && e != NULL)
				cs_memo_set_tail(r->memo, e, tail, tlen);
			if (plen <= r->outb.len && by_sig)
				cs_idmemo_put(r->ids, r->sig.p, r->sig.len, h,
					      tail, tlen);
		}
	}
	emit(r);
	r->st.identities++;
}

static void
dev_unlink(struct run *r, size_t i)
{
	struct dev *d = &r->dev[i];
	size_t *pp = &r->heads[d->hash & (r->nbuckets - 1)];

	while (*pp != i)
		pp = &r->dev[*pp].hnext;
	*pp = d->hnext;
	if (d->prev != NIL)
		r->dev[d->prev].next = d->next;
	else
		r->oldest = d->next;
	if (d->next != NIL)
		r->dev[d->next].prev = d->prev;
	else
		r->newest = d->prev;
	r->nopen--;
	r->held -= d->bytes;
}

static void
dev_flush(struct run *r, size_t i)
{
	struct dev *d = &r->dev[i];

	dev_unlink(r, i);
	identify(r, "device", &d->key, &d->obs, NULL);
	/* a slot keeps a small array for the next device (an allocation
	 * of its size per device cost more than its identification) */
	if (d->obs.cap <= SLOT_KEEP)
		cs_obs_list_clear(&d->obs);
	else
		cs_obs_list_free(&d->obs);
	d->used = false;
	d->hnext = r->freelist;
	r->freelist = i;
}

static size_t
dev_get(struct run *r, const struct cs_ident_val *key)
{
	uint32_t h = hash_val(key);
	size_t b = h & (r->nbuckets - 1), i;
	struct dev *d;

	for (i = r->heads[b]; i != NIL; i = r->dev[i].hnext) {
		d = &r->dev[i];
		if (d->hash == h && d->key.type == key->type &&
		    d->key.len == key->len &&
		    memcmp(d->key.s, key->s, key->len) == 0)
			return i;
	}
	if (r->freelist == NIL) {
		dev_flush(r, r->oldest);
		r->st.early_flush++;
	}
	i = r->freelist;
	d = &r->dev[i];
	r->freelist = d->hnext;
	memcpy(&d->key, key, sizeof(*key));
	d->hash = h;
	d->hnext = r->heads[b];
	r->heads[b] = i;
	d->prev = r->newest;
	d->next = NIL;
	if (r->newest != NIL)
		r->dev[r->newest].next = i;
	else
		r->oldest = i;
	r->newest = i;
	d->bytes = 0; /* d->obs is empty: zeroed, or cleared by dev_flush */
	cs_obs_list_pool(&d->obs); /* its values: freed all at once */
	d->used = true;
	r->nopen++;
	return i;
}

/* ---- input ---- */

static void CS_PRINTF(4, 5)
    line_error(struct run *r, uint64_t lineno, const struct cs_ident_line *l,
	       const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	r->st.errors++;
	cs_buf_reset(&r->msg);
	cs_buf_printf(&r->msg,
		      "identify: line %llu: ", (unsigned long long)lineno);
	cs_esc_term(&r->msg, msg, strlen(msg));
	if (l != NULL && l->id.type != CS_IDENT_NONE) {
		cs_buf_adds(&r->msg, " (id ");
		cs_esc_term(&r->msg, l->id.s, l->id.len);
		cs_buf_adds(&r->msg, ")");
	}
	cs_buf_adds(&r->msg, "\n");
	fwrite(r->msg.p, 1, r->msg.len, r->err);
	if (l == NULL ||
	    (l->id.type == CS_IDENT_NONE && l->device.type == CS_IDENT_NONE))
		return;
	cs_buf_reset(&r->outb);
	if (l->id.type != CS_IDENT_NONE) {
		cs_buf_adds(&r->outb, "{\"id\":");
		put_val(&r->outb, &l->id);
	} else {
		cs_buf_adds(&r->outb, "{\"device\":");
		put_val(&r->outb, &l->device);
	}
	cs_buf_printf(&r->outb,
		      ",\"line\":%llu,\"error\":", (unsigned long long)lineno);
	cs_esc_json(&r->outb, msg, strlen(msg));
	cs_buf_adds(&r->outb, "}");
	emit(r);
}

/*
 * Decodes l's message into obs (before: the entries obs held), or
 * replays what the memo kept of it; returns the decoder's code and sets
 * *ep to the memo entry whose observations were appended (NULL if none).
 * e: the memo entry found for l (hash h), NULL if none; if NULL, l->data
 * is decoded already.
 */
static int
decode(struct run *r, struct cs_ident_line *l, uint64_t h,
       struct cs_memo_ent *e, struct cs_obs_list *obs, size_t before,
       struct cs_memo_ent **ep)
{
	char err[256];
	size_t dropped = obs->dropped;
	bool rl;
	int rc;

	*ep = NULL;
	if (e != NULL) {
		/* the same appends, as long as the list has room for them
		 * and the decoder did not read what it held */
		if ((before == 0 || !e->read_list) &&
		    before + e->obs.n < CS_OBS_MAX_COUNT) {
			for (size_t i = 0; i < e->obs.n; i++)
				cs_obs_add_copy(obs, &e->obs.v[i]);
			*ep = e;
			return e->rc;
		}
		/* it decoded before: it decodes again */
		if (cs_ident_line_data(l, &r->data, err, sizeof(err)) != 0)
			return CS_EPROTO;
	}
	rc = cs_ident_decode(r->dec, l->kind, l->data.p, l->data.n, l->port,
			     l->service, obs);
	if (e == NULL && r->memo != NULL && obs->dropped == dropped &&
	    obs->n < CS_OBS_MAX_COUNT && l->data_raw.n <= CS_MEMO_RAW_MAX) {
		rl = cs_ident_dec_read_list(r->dec);
		if ((!rl || before == 0) && cs_memo_admit(r->memo, h))
			*ep = cs_memo_put(r->memo, l, h, rc, rl, obs, before);
	}
	return rc;
}

static void
handle_line(struct run *r, uint64_t lineno, const uint8_t *p, size_t n)
{
	struct cs_ident_line l;
	struct cs_obs_list *obs;
	struct cs_memo_ent *e = NULL;
	uint64_t h = 0;
	char err[256];
	size_t di = NIL, before = 0;
	int rc;

	if (cs_ident_line_scan(p, n, &l, err, sizeof(err)) != 0) {
		line_error(r, lineno, &l, "%s", err);
		return;
	}
	if (r->memo != NULL && l.has_data && l.data_raw.n <= CS_MEMO_RAW_MAX) {
		h = cs_memo_hash(&l);
		e = cs_memo_find(r->memo, &l, h);
		r->st.memo_lookups++;
		r->st.memo_hits += e != NULL;
	}
	/* a message the memo holds decoded (and was a known kind) */
	if (e == NULL) {
		if (cs_ident_line_data(&l, &r->data, err, sizeof(err)) != 0) {
			line_error(r, lineno, &l, "%s", err);
			return;
		}
		if (l.kind[0] == '\0') {
			line_error(r, lineno, &l, "missing \"kind\"");
			return;
		}
		if (!cs_ident_kind_known(l.kind)) {
			line_error(r, lineno, &l, "unknown kind \"%s\"",
				   l.kind);
			return;
		}
		if (!l.has_data) {
			line_error(r, lineno, &l,
				   "missing \"data\" or \"data_hex\"");
			return;
		}
	}
	if (l.device.type != CS_IDENT_NONE) {
		di = dev_get(r, &l.device);
		obs = &r->dev[di].obs;
		before = obs->n;
	} else {
		obs = &r->one;
		if (e != NULL && e->has_tail && r->o.on_identity == NULL) {
			/* identified alone before: its output, without
			 * replaying its observations */
			if (e->rc == CS_EPROTO)
				r->st.malformed++;
			identify(r, "id", &l.id, obs, e);
			return;
		}
	}
	rc = decode(r, &l, h, e, obs, before, &e);
	if (rc == CS_EPROTO)
		r->st.malformed++;
	if (di == NIL) {
		identify(r, "id", &l.id, obs, e);
		cs_obs_list_clear(obs);
		return;
	}
	for (size_t i = before; i < obs->n; i++) {
		size_t b = obs->v[i].len + sizeof(struct cs_obs);

		r->dev[di].bytes += b;
		r->held += b;
	}
	/* Keep the bytes held bounded: flush the oldest devices. */
	while (r->held > r->o.held_max && r->nopen > 1 && r->oldest != di) {
		dev_flush(r, r->oldest);
		r->st.early_flush++;
	}
}

/*
 * Reads the next line into *line (without its end); returns 1, 0 at
 * EOF, or CS_ELIMIT for an over-long line (skipped).
 */
static int
next_line(struct run *r, struct cs_span *line)
{
	bool toolong = false, partial = false;

	cs_buf_reset(&r->line);
	for (;;) {
		if (r->rpos < r->rlen) {
			const uint8_t *s = r->rbuf + r->rpos;
			size_t avail = r->rlen - r->rpos;
			const uint8_t *nl = memchr(s, '\n', avail);
			size_t take = nl ? (size_t)(nl - s) : avail;

			r->rpos += nl ? take + 1 : take;
			if (nl && !partial && !toolong &&
			    take <= r->o.line_max) {
				*line = cs_span_make(s, take);
				return 1;
			}
			if (!toolong && (take > r->o.line_max ||
					 cs_buf_add(&r->line, s, take) != 0))
				toolong = true;
			partial = true;
			if (nl)
				break;
			continue;
		}
		if (r->reof)
			break;
		flush_out(r); /* what the input so far gave, before waiting */
		r->rlen = fread(r->rbuf, 1, READ_CHUNK, r->in);
		r->rpos = 0;
		if (r->rlen == 0) {
			if (ferror(r->in))
				r->ioerr = true;
			r->reof = true;
		}
	}
	if (!partial)
		return 0;
	if (toolong)
		return CS_ELIMIT;
	*line = cs_span_make(r->line.p ? r->line.p : (const uint8_t *)"",
			     r->line.len);
	return 1;
}

static bool
blank(struct cs_span s)
{
	for (size_t i = 0; i < s.n; i++)
		if (s.p[i] != ' ' && s.p[i] != '\t' && s.p[i] != '\r')
			return false;
	return true;
}

int
cs_ident_run(const struct cs_fpdb *db, FILE *in, FILE *out, FILE *err,
	     const struct cs_ident_opts *o, struct cs_ident_stats *st)
{
	struct run r;
	uint64_t lineno = 0;
	struct cs_span line;
	int rc;

	memset(&r, 0, sizeof(r));
	r.db = db;
	r.in = in;
	r.out = out;
	r.err = err;
	if (o != NULL)
		r.o = *o;
	if (r.o.line_max == 0)
		r.o.line_max = CS_IDENT_LINE_MAX;
	if (r.o.open_max == 0)
		r.o.open_max = CS_IDENT_OPEN_MAX;
	if (r.o.held_max == 0)
		r.o.held_max = CS_IDENT_HELD_MAX;
	r.dec = cs_ident_dec_new();
	cs_ident_dec_set_mac_lookup(r.dec, r.o.mac_fn, r.o.mac_arg);
	r.ident = cs_xmalloc(sizeof(*r.ident));
	r.fpctx = cs_fpctx_new(db);
	if (r.fpctx == NULL)
		cs_fatal("identify: out of memory");
	cs_obs_list_init(&r.one);
	cs_obs_list_pool(&r.one);
	cs_buf_init(&r.outb, 1024 * 1024);
	cs_buf_init(&r.pend, WRITE_CHUNK);
	cs_buf_init(&r.data, r.o.line_max);
	cs_buf_init(&r.line, r.o.line_max);
	cs_buf_init(&r.msg, 4096);
	cs_buf_init(&r.tmp, 8 * CS_IDENT_KEY_MAX + 64);
	cs_buf_init(&r.sig, CS_IDMEMO_BYTES / 64);
	if (!r.o.no_memo) {
		r.memo = cs_memo_new();
		r.rows = cs_rowmemo_new();
		r.ids = cs_idmemo_new();
		cs_fpctx_memo(r.fpctx, true);
	}
	r.rbuf = cs_xmalloc(READ_CHUNK);
	r.dev = cs_xcalloc(r.o.open_max, sizeof(*r.dev));
	for (r.nbuckets = 16; r.nbuckets < 2 * r.o.open_max; r.nbuckets *= 2)
		;
	r.heads = cs_xmalloc(r.nbuckets * sizeof(*r.heads));
	for (size_t i = 0; i < r.nbuckets; i++)
		r.heads[i] = NIL;
	for (size_t i = 0; i < r.o.open_max; i++)
		r.dev[i].hnext = i + 1 < r.o.open_max ? i + 1 : NIL;
	r.freelist = 0;
	r.oldest = r.newest = NIL;

	while ((rc = next_line(&r, &line)) != 0) {
		lineno++;
		if (rc == CS_ELIMIT) {
			r.st.lines++;
			line_error(&r, lineno, NULL,
				   "line longer than %zu bytes, skipped",
				   r.o.line_max);
			continue;
		}
		if (blank(line))
			continue;
		r.st.lines++;
		handle_line(&r, lineno, line.p, line.n);
	}
	while (r.oldest != NIL)
		dev_flush(&r, r.oldest);
	flush_out(&r);
	cs_fpctx_memo_stats(r.fpctx, &r.st.obs_lookups, &r.st.obs_hits);
	if (fflush(out) != 0)
		r.ioerr = true;

	cs_ident_dec_free(r.dec);
	free(r.ident);
	cs_fpctx_free(r.fpctx);
	cs_obs_list_free(&r.one);
	cs_buf_free(&r.outb);
	cs_buf_free(&r.pend);
	cs_buf_free(&r.data);
	cs_buf_free(&r.line);
	cs_buf_free(&r.msg);
	cs_buf_free(&r.tmp);
	cs_memo_free(r.memo);
	cs_rowmemo_free(r.rows);
	cs_idmemo_free(r.ids);
	cs_buf_free(&r.sig);
	free(r.rbuf);
	for (size_t i = 0; i < r.o.open_max; i++)
		cs_obs_list_free(&r.dev[i].obs);
	free(r.dev);
	free(r.heads);
	if (st != NULL)
		*st = r.st;
	return r.ioerr ? CS_EIO : 0;
}
