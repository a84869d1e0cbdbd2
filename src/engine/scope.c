/* SPDX-License-Identifier: ISC */
/* Scope parsing, normalisation and lookup; see scope.h. */
#include "engine/scope.h"

#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/addr.h"
#include "core/alloc.h"
#include "core/buf.h"
#include "core/cs.h"
#include "core/str.h"
#include "core/text.h"
#include "core/poison.h"

#define SCOPE_MAX_SPECS 65536 /* intervals accepted from one @file */

/* The exclusions no data file and no option can remove (RFC 6890). */
static const struct cs_interval builtin_excl[] = {
    {.lo = 0x00000000u, .hi = 0x00FFFFFFu}, /* 0.0.0.0/8, "this network" */
    {.lo = 0xE0000000u, .hi = 0xEFFFFFFFu}, /* 224.0.0.0/4, multicast */
    {.lo = 0xF0000000u, .hi = 0xFFFFFFFEu}, /* 240.0.0.0/4, reserved */
    {.lo = 0xFFFFFFFFu, .hi = 0xFFFFFFFFu}, /* the limited broadcast address */
};

const struct cs_interval *
cs_scope_builtin_excl(size_t *n)
{
	*n = CS_NELEM(builtin_excl);
	return builtin_excl;
}

void
cs_scope_init(struct cs_scope *s)
{
	memset(s, 0, sizeof(*s));
}

void
cs_scope_free(struct cs_scope *s)
{
	free(s->inc);
	free(s->cum);
	free(s->text);
	free(s->excl_text);
	free(s->edges);
	free(s->inc6);
	free(s->cum6);
	memset(s, 0, sizeof(*s));
}

char *
cs_ip_str(uint32_t ip, char *buf, size_t sz)
{
	snprintf(buf, sz, "%u.%u.%u.%u", ip >> 24, (ip >> 16) & 255,
		 (ip >> 8) & 255, ip & 255);
	return buf;
}

/* A dotted quad as inet_pton(AF_INET) takes it (no leading zeros). */
static int
parse_ip(const char *s, uint32_t *out)
{
	return cs_ipv4_parse(cs_span_make(s, strlen(s)),
			     CS_IPV4_NO_LEADING_ZERO, out);
}

/*
 * Room for entry *n of a spec array: its capacity is implied by *n (the
 * next power of two), so it grows geometrically, not by one entry per
 * push (an octet range gives up to 2^18 entries).
 */
static void
grow(struct cs_interval **v, size_t n)
{
	if (n == 0 || (n & (n - 1)) == 0)
		*v = cs_xrealloc(*v, n ? 2 * n : 1, sizeof(**v));
}

static void
push(struct cs_interval **v, size_t *n, uint32_t lo, uint32_t hi)
{
	grow(v, *n);
	memset(&(*v)[*n], 0, sizeof(**v));
	(*v)[*n].lo = lo;
	(*v)[*n].hi = hi;
	(*n)++;
}

static int parse_spec6(const char *spec, struct cs_interval **v, size_t *n,
		       char *err, size_t errsz);

static int parse_file(const char *path, struct cs_interval **v, size_t *n,
		      char *err, size_t errsz);

#define OCTET_MAX_RANGES 256          /* comma-separated parts of one octet */
#define OCTET_MAX_INTERVALS (1 << 18) /* intervals from one octet spec */

struct octet_set {
	uint8_t lo[OCTET_MAX_RANGES], hi[OCTET_MAX_RANGES];
	size_t n;
};

/*
 * One octet of nmap's octet-range notation: "*", "N", "N-M", "-M", "N-"
 * or a comma-separated list of these ("1,3,10-12").  Returns 0 or
 * CS_EINVAL.
 */
static int
parse_octet(const char *s, struct octet_set *o)
{
	char part[16];

	o->n = 0;
	while (*s != '\0') {
		size_t len = strcspn(s, ",");
		long long a = 0, b = 255;
		char *dash;

		if (len == 0 || len >= sizeof(part) || o->n >= OCTET_MAX_RANGES)
			return CS_EINVAL;
		memcpy(part, s, len);
		part[len] = '\0';
		s += len;
		if (*s == ',' && *++s == '\0')
			return CS_EINVAL; /* trailing comma */
		if (strcmp(part, "*") == 0) {
			/* 0-255 */
		} else if ((dash = strchr(part, '-')) != NULL) {
			*dash = '\0';
			if ((part[0] != '\0' &&
			     cs_str_tonum(part, 0, 255, &a) != 0) ||
			    (dash[1] != '\0' &&
			     cs_str_tonum(dash + 1, 0, 255, &b) != 0) ||
			    b < a)
				return CS_EINVAL;
		} else if (cs_str_tonum(part, 0, 255, &a) == 0) {
			b = a;
		} else {
			return CS_EINVAL;
		}
		o->lo[o->n] = (uint8_t)a;
		o->hi[o->n] = (uint8_t)b;
		o->n++;
	}
	return o->n > 0 ? 0 : CS_EINVAL;
}

/* How many values an octet set holds (repeats counted). */
static unsigned
octet_values(const struct octet_set *o)
{
	unsigned nv = 0;

	for (size_t k = 0; k < o->n; k++)
		nv += (unsigned)(o->hi[k] - o->lo[k]) + 1;
	return nv;
}

/* The i-th value of an octet set, in the order written. */
static unsigned
octet_nth(const struct octet_set *o, unsigned i)
{
	for (size_t k = 0; k < o->n; k++) {
		unsigned w = (unsigned)(o->hi[k] - o->lo[k]) + 1;
		if (i < w)
			return o->lo[k] + i;
		i -= w;
	}
	return 0; /* not reached: i < octet_values(o) */
}

/*
 * nmap's octet ranges: "127.77.0-1.1-254", "10.1.*.1", "127.0.0.1,3,5".
 * Every combination of the first three octets' values, each with the
 * ranges of the last octet, is one interval; cs_scope_build merges them.
 * Returns 0, or CS_EINVAL with a message.
 */
static int
parse_octets(const char *spec, const char *buf, struct cs_interval **v,
	     size_t *n, char *err, size_t errsz)
{
	struct octet_set o[4];
	char tmp[128], *p = tmp, *dot;
	uint64_t count = 1;

	cs_strlcpy(tmp, buf, sizeof(tmp));
	for (int i = 0; i < 4; i++) {
		if ((dot = strchr(p, '.')) != NULL)
			*dot = '\0';
		if ((dot == NULL) != (i == 3) || parse_octet(p, &o[i]) != 0) {
			snprintf(err, errsz,
				 "%s: not an IPv4 address, CIDR, range, "
				 "octet range or @file",
				 spec);
			return CS_EINVAL;
		}
		p = dot != NULL ? dot + 1 : p;
	}
	for (int i = 0; i < 3; i++)
		count *= octet_values(&o[i]);
	if (count * o[3].n > OCTET_MAX_INTERVALS) {
		snprintf(err, errsz, "%s: more than %d ranges", spec,
			 OCTET_MAX_INTERVALS);
		return CS_EINVAL;
	}
	for (uint64_t k = 0; k < count; k++) {
		/* the k-th combination of the first three octets */
		uint32_t base = 0;
		uint64_t rest = k;

		for (int i = 2; i >= 0; i--) {
			unsigned nv = octet_values(&o[i]);
			base |=
			    (uint32_t)octet_nth(&o[i], (unsigned)(rest % nv))
			    << (8 * (3 - i));
			rest /= nv;
		}
		for (size_t d = 0; d < o[3].n; d++)
			push(v, n, base | o[3].lo[d], base | o[3].hi[d]);
	}
	return 0;
}

/* True if buf has exactly three dots (one IPv4 address's worth). */
static bool
three_dots(const char *buf)
{
	int dots = 0;

	for (; *buf; buf++)
		dots += *buf == '.';
	return dots == 3;
}

int
cs_scope_parse_spec(const char *spec, struct cs_interval **v, size_t *n,
		    char *err, size_t errsz)
{
	char buf[128], *sep;
	uint32_t lo, hi;
	long long last;

	if (spec[0] == '@')
		return parse_file(spec + 1, v, n, err, errsz);
	if (strchr(spec, ':') != NULL)
		return parse_spec6(spec, v, n, err, errsz);
	if (strlen(spec) >= sizeof(buf))
		goto bad;
	cs_strlcpy(buf, spec, sizeof(buf));
	if (strchr(buf, '/') != NULL) {
		struct cs_span sp = cs_span_make(buf, strlen(buf));
		unsigned plen, plen2;
		uint32_t net2;

		if (cs_cidr4_parse(sp, CS_IPV4_NO_LEADING_ZERO, &lo, &plen) !=
		    0)
			goto bad;
		if (cs_cidr4_parse(sp, CS_IPV4_NO_LEADING_ZERO | CS_CIDR_EXACT,
				   &net2, &plen2) != 0) {
			char net[16];

			snprintf(err, errsz,
				 "%s: host bits set (did you mean %s/%u?)",
				 spec, cs_ip_str(lo, net, sizeof(net)), plen);
			return CS_EINVAL;
		}
		push(v, n, lo, lo | ~cs_cidr4_mask(plen));
		return 0;
	}
	/* nmap's octet ranges, including the short "127.0.0.10-20". */
	if (three_dots(buf) && strpbrk(buf, "-*,") != NULL)
		return parse_octets(spec, buf, v, n, err, errsz);
	if ((sep = strchr(buf, '-')) != NULL) {
		*sep = '\0';
		if (parse_ip(buf, &lo) != 0)
			goto bad;
		if (strchr(sep + 1, '.') != NULL) {
			if (parse_ip(sep + 1, &hi) != 0)
				goto bad;
		} else {
			if (cs_str_tonum(sep + 1, 0, 255, &last) != 0)
				goto bad;
			hi = (lo & 0xFFFFFF00u) | (uint32_t)last;
		}
		if (hi < lo) {
			snprintf(err, errsz, "%s: range ends before it starts",
				 spec);
			return CS_EINVAL;
		}
		push(v, n, lo, hi);
		return 0;
	}
	if (parse_ip(buf, &lo) != 0)
		goto bad;
	push(v, n, lo, lo);
	return 0;
bad:
	snprintf(err, errsz,
		 "%s: not an IPv4 or IPv6 address, CIDR, range or @file", spec);
	return CS_EINVAL;
}

static int
parse_file(const char *path, struct cs_interval **v, size_t *n, char *err,
	   size_t errsz)
{
	char line[CS_SCOPE_LINE_MAX + 1];
	struct cs_buf b;
	struct cs_lines lines;
	struct cs_span ln;
	size_t start = *n;
	int rc = 0, r;

	cs_buf_init(&b, CS_SCOPE_FILE_MAX);
	r = cs_file_read(path, CS_SCOPE_FILE_MAX, &b, NULL);
	if (r != 0) {
		if (r == CS_ELIMIT)
			snprintf(err, errsz, "%s: larger than %zu bytes", path,
				 CS_SCOPE_FILE_MAX);
		else
			snprintf(err, errsz, "%s: cannot open", path);
		cs_buf_free(&b);
		return CS_EINVAL;
	}
	cs_lines_init(&lines, b.p, b.len);
	/* A line that does not fit is refused, never split: its tail would
	 * otherwise be read as a line of its own. */
	while (rc == 0 &&
	       (r = cs_lines_next_max(&lines, CS_SCOPE_LINE_MAX, &ln)) != 0) {
		char *p = line, *e;
		char sub[200];

		if (r == CS_ELIMIT) {
			rc = cs_errf(err, errsz, path, lines.line,
				     "line longer than %d bytes",
				     CS_SCOPE_LINE_MAX);
			break;
		}
		/* A NUL byte becomes '?' (so the spec is refused), never the
		 * end of the line. */
		cs_span_copy(line, sizeof(line), ln);
		if ((e = strchr(p, '#')) != NULL)
			*e = '\0';
		while (*p == ' ' || *p == '\t')
			p++;
		e = p + strlen(p);
		while (e > p &&
		       (e[-1] == '\r' || e[-1] == ' ' || e[-1] == '\t'))
			*--e = '\0';
		if (*p == '\0')
			continue;
		if (*p == '@' || *n - start >= SCOPE_MAX_SPECS)
			rc = cs_errf(err, errsz, path, lines.line, "%s",
				     *p == '@' ? "nested @file not allowed"
					       : "too many entries");
		else if (cs_scope_parse_spec(p, v, n, sub, sizeof(sub)) != 0)
			rc = cs_errf(err, errsz, path, lines.line, "%s", sub);
	}
	cs_buf_free(&b);
	return rc;
}

static int
cmp_iv(const void *a, const void *b)
{
	const struct cs_interval *x = a, *y = b;

	if (x->lo != y->lo)
		return x->lo < y->lo ? -1 : 1;
	return (x->hi > y->hi) - (x->hi < y->hi);
}

/* Sorts and merges v in place; returns the new count. */
static size_t
normalise(struct cs_interval *v, size_t n)
{
	size_t out = 0;

	if (n == 0)
		return 0;
	qsort(v, n, sizeof(*v), cmp_iv);
	for (size_t i = 1; i < n; i++) {
		if ((uint64_t)v[i].lo <= (uint64_t)v[out].hi + 1) {
			if (v[i].hi > v[out].hi)
				v[out].hi = v[i].hi;
		} else {
			v[++out] = v[i];
		}
	}
	return out + 1;
}

static char *
intervals_text(const struct cs_interval *v, size_t n)
{
	struct cs_buf b;
	char *s;

	cs_buf_init(&b, (size_t)1 << 24);
	for (size_t i = 0; i < n; i++) {
		char lo[16], hi[16];
		uint64_t size = (uint64_t)v[i].hi - v[i].lo + 1;
		int bits = 32;

		while (bits > 0 && (1ull << (32 - bits)) < size)
			bits--;
		cs_ip_str(v[i].lo, lo, sizeof(lo));
		cs_ip_str(v[i].hi, hi, sizeof(hi));
		if (i)
			cs_buf_adds(&b, ",");
		if (size == 1)
			cs_buf_adds(&b, lo);
		else if ((1ull << (32 - bits)) == size &&
			 (v[i].lo & (uint32_t)(size - 1)) == 0)
			cs_buf_printf(&b, "%s/%d", lo, bits);
		else
			cs_buf_printf(&b, "%s-%s", lo, hi);
	}
	s = cs_xstrdup(cs_buf_str(&b));
	cs_buf_free(&b);
	return s;
}

/* ---- IPv6 ranges: 16-byte big-endian numbers ---- */

/* The built-in IPv6 exclusions (RFC 6890, RFC 4291). */
static const struct cs_interval6 builtin_excl6[] = {
    /* ::, the unspecified address */
    {{0}, {0}},
    /* ::ffff:0:0/96, IPv4-mapped: a connect reaches IPv4 */
    {{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 0, 0, 0, 0},
     {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff}},
    /* fe80::/10, link-local: needs an interface zone */
    {{0xfe, 0x80},
     {0xfe, 0xbf, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
      0xff, 0xff, 0xff, 0xff}},
    /* ff00::/8, multicast */
    {{0xff},
     {0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
      0xff, 0xff, 0xff, 0xff}},
};

/* a += 1 (wraps at the top); returns true if it wrapped. */
static bool
v6_inc(uint8_t a[16])
{
	for (int i = 15; i >= 0; i--)
		if (++a[i] != 0)
			return false;
	return true;
}

/* a -= 1 (wraps at zero). */
static void
v6_dec(uint8_t a[16])
{
	for (int i = 15; i >= 0; i--)
		if (a[i]-- != 0)
			return;
}

/* Addresses in lo..hi, saturated at UINT64_MAX. */
static uint64_t
v6_count(const uint8_t lo[16], const uint8_t hi[16])
{
	uint8_t d[16];
	unsigned borrow = 0;
	uint64_t n = 0;

	for (int i = 15; i >= 0; i--) {
		int x = (int)hi[i] - (int)lo[i] - (int)borrow;

		borrow = x < 0;
		d[i] = (uint8_t)(x < 0 ? x + 256 : x);
	}
	for (int i = 0; i < 8; i++)
		if (d[i] != 0)
			return UINT64_MAX;
	for (int i = 8; i < 16; i++)
		n = n << 8 | d[i];
	return n == UINT64_MAX ? n : n + 1;
}

/* out = a + k. */
static void
v6_add(const uint8_t a[16], uint64_t k, uint8_t out[16])
{
	unsigned carry = 0;

	for (int i = 15; i >= 0; i--) {
		unsigned x = a[i] + (unsigned)(k & 0xff) + carry;

		out[i] = (uint8_t)x;
		carry = x >> 8;
		k >>= 8;
	}
}

static bool
v6_in(const uint8_t ip[16], const struct cs_interval6 *r)
{
	return memcmp(ip, r->lo, 16) >= 0 && memcmp(ip, r->hi, 16) <= 0;
}

/* The built-in IPv6 exclusion that holds ip, or NULL. */
static const struct cs_interval6 *
excluded6(const uint8_t ip[16])
{
	for (size_t i = 0; i < CS_NELEM(builtin_excl6); i++)
		if (v6_in(ip, &builtin_excl6[i]))
			return &builtin_excl6[i];
	return NULL;
}

static void
push6(struct cs_interval6 **v, size_t *n, const uint8_t lo[16],
      const uint8_t hi[16])
{
	if (*n == 0 || (*n & (*n - 1)) == 0) /* geometric, as grow() */
		*v = cs_xrealloc(*v, *n ? 2 * *n : 1, sizeof(**v));
	memcpy((*v)[*n].lo, lo, 16);
	memcpy((*v)[*n].hi, hi, 16);
	(*n)++;
}

static int
parse_spec6(const char *spec, struct cs_interval **v, size_t *n, char *err,
	    size_t errsz)
{
	struct cs_span sp = cs_span_make(spec, strlen(spec));
	struct cs_interval r;
	unsigned len;

	memset(&r, 0, sizeof(r));
	r.v6 = true;
	if (strchr(spec, '%') != NULL) {
		snprintf(err, errsz,
			 "%s: an IPv6 zone (%%interface) is not taken: "
			 "link-local addresses are not scanned; give the "
			 "device's global or unique-local (fd00::/8) address",
			 spec);
		return CS_EINVAL;
	}
	if (cs_cidr6_parse(sp, CS_CIDR_BARE, r.lo6, &len) != 0) {
		snprintf(err, errsz, "%s: not an IPv6 address or CIDR", spec);
		return CS_EINVAL;
	}
	if (cs_cidr6_parse(sp, CS_CIDR_BARE | CS_CIDR_EXACT, r.lo6, &len) !=
	    0) {
		snprintf(err, errsz, "%s: host bits set", spec);
		return CS_EINVAL;
	}
	memcpy(r.hi6, r.lo6, 16);
	for (unsigned bit = len; bit < 128; bit++)
		r.hi6[bit / 8] |= (uint8_t)(0x80u >> (bit % 8));
	grow(v, *n);
	(*v)[(*n)++] = r;
	return 0;
}

const char *
cs_scope_unscannable6(const struct cs_interval *iv)
{
	const struct cs_interval6 *x;

	if (!iv->v6 || (x = excluded6(iv->lo6)) == NULL ||
	    x != excluded6(iv->hi6))
		return NULL;
	if (x == &builtin_excl6[1])
		return "an IPv4-mapped IPv6 address (a connect reaches IPv4): "
		       "give the IPv4 address";
	if (x == &builtin_excl6[2])
		return "link-local IPv6 (fe80::/10) is not scanned: a connect "
		       "needs an interface zone; give the device's global or "
		       "unique-local (fd00::/8) address";
	if (x == &builtin_excl6[3])
		return "IPv6 multicast (ff00::/8) is never scanned";
	return "the unspecified address :: is never scanned";
}

static int
cmp_iv6(const void *a, const void *b)
{
	const struct cs_interval6 *x = a, *y = b;
	int c = memcmp(x->lo, y->lo, 16);

	return c != 0 ? c : memcmp(x->hi, y->hi, 16);
}

/* Sorts and merges v in place; returns the new count. */
static size_t
normalise6(struct cs_interval6 *v, size_t n)
{
	size_t out = 0;

	if (n == 0)
		return 0;
	qsort(v, n, sizeof(*v), cmp_iv6);
	for (size_t i = 1; i < n; i++) {
		uint8_t next[16];
		bool top;

		memcpy(next, v[out].hi, 16);
		top = v6_inc(next); /* v[out] reaches the last address */
		if (top || memcmp(v[i].lo, next, 16) <= 0) {
			if (memcmp(v[i].hi, v[out].hi, 16) > 0)
				memcpy(v[out].hi, v[i].hi, 16);
		} else {
			v[++out] = v[i];
		}
	}
	return out + 1;
}

/* Appends the IPv6 ranges to b as text: CIDRs where aligned, else lo-hi
 * (which cs_scope_parse_spec does not read back: only CIDRs and single
 * addresses, so a range is written as its covering CIDRs). */
static void
text6(struct cs_buf *b, const struct cs_interval6 *v, size_t n, bool comma)
{
	for (size_t i = 0; i < n; i++) {
		uint8_t cur[16];

		memcpy(cur, v[i].lo, 16);
		for (;;) {
			/* the largest aligned block at cur inside the range */
			unsigned len = 128;
			char t[CS_ADDR_STRLEN];

			while (len > 0) {
				unsigned bit = len - 1;
				uint8_t m = (uint8_t)(0x80u >> (bit % 8));
				uint8_t end[16];

				if (cur[bit / 8] & m)
					break;
				memcpy(end, cur, 16);
				for (unsigned k = bit; k < 128; k++)
					end[k / 8] |=
					    (uint8_t)(0x80u >> (k % 8));
				if (memcmp(end, v[i].hi, 16) > 0)
					break;
				len--;
			}
			inet_ntop(AF_INET6, cur, t, sizeof(t));
			if (comma)
				cs_buf_adds(b, ",");
			comma = true;
			if (len == 128)
				cs_buf_adds(b, t);
			else
				cs_buf_printf(b, "%s/%u", t, len);
			/* past the block */
			for (unsigned k = len; k < 128; k++)
				cur[k / 8] |= (uint8_t)(0x80u >> (k % 8));
			if (memcmp(cur, v[i].hi, 16) >= 0 || v6_inc(cur))
				break;
		}
	}
}

/* Appends the IPv6 text to the IPv4 text *t (owned, replaced). */
static void
append_text6(char **t, const struct cs_interval6 *v, size_t n)
{
	struct cs_buf b;

	if (n == 0)
		return;
	cs_buf_init(&b, (size_t)1 << 24);
	cs_buf_adds(&b, *t);
	text6(&b, v, n, **t != '\0');
	free(*t);
	*t = cs_xstrdup(cs_buf_str(&b));
	cs_buf_free(&b);
}

/*
 * The IPv6 part: inclusions less exclusions (both sorted and disjoint)
 * into s->inc6.  Returns CS_ELIMIT above max6 addresses (counts saturate
 * at UINT64_MAX).
 */
static int
build6(struct cs_scope *s, const struct cs_interval6 *in, size_t nin,
       const struct cs_interval6 *ex, size_t nex, uint64_t max6)
{
	struct cs_interval6 *res = NULL;
	size_t nres = 0, j = 0;
	uint64_t total = 0;

	for (size_t i = 0; i < nin; i++) {
		uint8_t lo[16], hi[16];
		bool done = false;

		memcpy(lo, in[i].lo, 16);
		memcpy(hi, in[i].hi, 16);
		while (j < nex && memcmp(ex[j].hi, lo, 16) < 0)
			j++;
		for (size_t k = j;
		     k < nex && !done && memcmp(ex[k].lo, hi, 16) <= 0; k++) {
			if (memcmp(ex[k].lo, lo, 16) > 0) {
				uint8_t e[16];

				memcpy(e, ex[k].lo, 16);
				v6_dec(e);
				push6(&res, &nres, lo, e);
			}
			if (memcmp(ex[k].hi, hi, 16) >= 0) {
				done = true;
			} else {
				memcpy(lo, ex[k].hi, 16);
				v6_inc(lo);
			}
		}
		if (!done)
			push6(&res, &nres, lo, hi);
	}
	for (size_t i = 0; i < nres; i++) {
		uint64_t c = v6_count(res[i].lo, res[i].hi);

		if (max6 != UINT64_MAX && (c > max6 || total > max6 - c)) {
			free(res);
			return CS_ELIMIT;
		}
		total = c > UINT64_MAX - total ? UINT64_MAX : total + c;
	}
	s->inc6 = res;
	s->ninc6 = nres;
	s->cum6 = cs_xcalloc(nres + 1, sizeof(*s->cum6));
	for (size_t i = 0; i < nres; i++) {
		uint64_t c = v6_count(res[i].lo, res[i].hi);

		s->cum6[i + 1] =
		    c > UINT64_MAX - s->cum6[i] ? UINT64_MAX : s->cum6[i] + c;
	}
	s->total6 = total;
	return 0;
}

static int build_cap(struct cs_scope *s, const struct cs_interval *inc,
		     size_t ninc, const struct cs_interval *exc, size_t nexc,
		     uint64_t max6);

int
cs_scope_build(struct cs_scope *s, const struct cs_interval *inc, size_t ninc,
	       const struct cs_interval *exc, size_t nexc)
{
	return build_cap(s, inc, ninc, exc, nexc, CS_SCOPE_MAX_ADDRS6);
}

int
cs_scope_build_filter(struct cs_scope *s, const struct cs_interval *inc,
		      size_t ninc, const struct cs_interval *exc, size_t nexc)
{
	int rc = build_cap(s, inc, ninc, exc, nexc, UINT64_MAX);

	s->filter_only = true;
	return rc;
}

static int
build_cap(struct cs_scope *s, const struct cs_interval *inc, size_t ninc,
	  const struct cs_interval *exc, size_t nexc, uint64_t max6)
{
	struct cs_interval *in = NULL, *ex = NULL, *res = NULL;
	struct cs_interval6 *in6 = NULL, *ex6 = NULL;
	size_t nin = 0, nex = 0, nres = 0, j = 0, nin6 = 0, nex6 = 0;
	int rc;

	cs_scope_free(s);
	in = cs_xcalloc(ninc ? ninc : 1, sizeof(*in));
	ex = cs_xcalloc(nexc + CS_NELEM(builtin_excl), sizeof(*ex));
	for (size_t i = 0; i < ninc; i++)
		if (inc[i].v6)
			push6(&in6, &nin6, inc[i].lo6, inc[i].hi6);
		else
			in[nin++] = inc[i];
	for (size_t i = 0; i < nexc; i++)
		if (exc[i].v6)
			push6(&ex6, &nex6, exc[i].lo6, exc[i].hi6);
		else
			ex[nex++] = exc[i];
	/* The built-in exclusions always apply, whatever else was given. */
	for (size_t i = 0; i < CS_NELEM(builtin_excl); i++)
		ex[nex++] = builtin_excl[i];
	for (size_t i = 0; i < CS_NELEM(builtin_excl6); i++)
		push6(&ex6, &nex6, builtin_excl6[i].lo, builtin_excl6[i].hi);
	/* A subnet given whole (an aligned block of 4 or more) has a network
	 * and a broadcast address: no unicast follow-up goes there. */
	for (size_t i = 0; i < nin; i++) {
		uint64_t size = (uint64_t)in[i].hi - in[i].lo + 1;

		if (size >= 4 && (size & (size - 1)) == 0 &&
		    (in[i].lo & (uint32_t)(size - 1)) == 0)
			cs_scope_add_subnet(s, in[i].lo, ~(uint32_t)(size - 1));
	}
	nin = normalise(in, nin);
	nex = normalise(ex, nex);
	nin6 = normalise6(in6, nin6);
	nex6 = normalise6(ex6, nex6);
	s->text = intervals_text(in, nin);
	s->excl_text = intervals_text(ex, nex);
	append_text6(&s->text, in6, nin6);
	append_text6(&s->excl_text, ex6, nex6);

	/* Subtract the exclusions: both lists are sorted and disjoint. */
	for (size_t i = 0; i < nin; i++) {
		uint64_t lo = in[i].lo, hi = in[i].hi;

		while (j < nex && ex[j].hi < lo)
			j++;
		for (size_t k = j; k < nex && ex[k].lo <= hi && lo <= hi; k++) {
			if (ex[k].lo > lo)
				push(&res, &nres, (uint32_t)lo, ex[k].lo - 1);
			lo = (uint64_t)ex[k].hi + 1;
		}
		if (lo <= hi)
			push(&res, &nres, (uint32_t)lo, (uint32_t)hi);
	}
	rc = build6(s, in6, nin6, ex6, nex6, max6);
	free(in);
	free(ex);
	free(in6);
	free(ex6);
	s->inc = res;
	s->ninc = nres;
	s->cum = cs_xcalloc(nres + 1, sizeof(*s->cum));
	for (size_t i = 0; i < nres; i++)
		s->cum[i + 1] = s->cum[i] + (uint64_t)res[i].hi - res[i].lo + 1;
	s->total4 = s->cum[nres];
	s->total = s->total6 > UINT64_MAX - s->total4 ? UINT64_MAX
						      : s->total4 + s->total6;
	if (rc != 0)
		return rc;
	return s->total ? 0 : CS_EINVAL;
}

bool
cs_scope_contains(const struct cs_scope *s, uint32_t ip)
{
	size_t lo = 0, hi = s->ninc;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (ip < s->inc[mid].lo)
			hi = mid;
		else if (ip > s->inc[mid].hi)
			lo = mid + 1;
		else
			return true;
	}
	return false;
}

void
cs_scope_set_ports(struct cs_scope *s, const uint16_t *ports, size_t n)
{
	s->nports = n < CS_SCOPE_MAX_PORTS ? n : CS_SCOPE_MAX_PORTS;
	memcpy(s->ports, ports, s->nports * sizeof(*ports));
}

static void
add_edge(struct cs_scope *s, uint32_t ip)
{
	for (size_t i = 0; i < s->nedges; i++)
		if (s->edges[i] == ip)
			return;
	s->edges = cs_xrealloc(s->edges, s->nedges + 1, sizeof(*s->edges));
	s->edges[s->nedges++] = ip;
}

void
cs_scope_add_subnet(struct cs_scope *s, uint32_t addr, uint32_t mask)
{
	if ((~mask) < 3) /* /31 and /32 have no network or broadcast */
		return;
	add_edge(s, addr & mask);
	add_edge(s, (addr & mask) | ~mask);
}

bool
cs_port_is_print(uint16_t port)
{
	return port == 515 || (port >= 9100 && port <= 9103);
}

static bool
is_edge(const struct cs_scope *s, uint32_t ip)
{
	for (size_t i = 0; i < s->nedges; i++)
		if (s->edges[i] == ip)
			return true;
	return false;
}

/* The port rules every destination meets, IPv4 or IPv6. */
static enum cs_scope_verdict
port_verdict(const struct cs_scope *s, uint16_t port, enum cs_dest kind,
	     bool edge)
{
	bool listed = false;

	if (kind != CS_DEST_CONNECT && cs_port_is_print(port))
		return CS_SCOPE_PRINT;
	if ((kind == CS_DEST_UNICAST || kind == CS_DEST_LEARNED) && edge)
		return CS_SCOPE_EDGE;
	if (kind == CS_DEST_LEARNED) {
		for (size_t i = 0; i < s->nports && !listed; i++)
			listed = s->ports[i] == port;
		if (!listed)
			return CS_SCOPE_PORT;
	}
	return CS_SCOPE_OK;
}

enum cs_scope_verdict
cs_scope_check(const struct cs_scope *s, uint32_t ip, uint16_t port,
	       enum cs_dest kind)
{
	/* Belt and braces: the built-in exclusions are subtracted when the
	 * scope is built; they are checked again here. */
	for (size_t i = 0; i < CS_NELEM(builtin_excl); i++)
		if (ip >= builtin_excl[i].lo && ip <= builtin_excl[i].hi)
			return CS_SCOPE_OUTSIDE;
	if (!cs_scope_contains(s, ip))
		return CS_SCOPE_OUTSIDE;
	return port_verdict(s, port, kind, is_edge(s, ip));
}

enum cs_scope_verdict
cs_scope_check6(const struct cs_scope *s, const uint8_t ip[16], uint16_t port,
		enum cs_dest kind)
{
	size_t lo = 0, hi = s->ninc6;
	bool in = false;

	/* Belt and braces, as for IPv4. */
	if (excluded6(ip) != NULL)
		return CS_SCOPE_OUTSIDE;
	while (lo < hi && !in) {
		size_t mid = lo + (hi - lo) / 2;

		if (memcmp(ip, s->inc6[mid].lo, 16) < 0)
			hi = mid;
		else if (memcmp(ip, s->inc6[mid].hi, 16) > 0)
			lo = mid + 1;
		else
			in = true;
	}
	if (!in)
		return CS_SCOPE_OUTSIDE;
	return port_verdict(s, port, kind, false);
}

enum cs_scope_verdict
cs_scope_check_addr(const struct cs_scope *s, const struct cs_addr *a,
		    uint16_t port, enum cs_dest kind)
{
	return a->v6 ? cs_scope_check6(s, a->a6, port, kind)
		     : cs_scope_check(s, a->v4, port, kind);
}

bool
cs_scope_contains_addr(const struct cs_scope *s, const struct cs_addr *a)
{
	return cs_scope_check_addr(s, a, 0, CS_DEST_CONNECT) == CS_SCOPE_OK;
}

void
cs_scope_nth_addr(const struct cs_scope *s, uint64_t idx, struct cs_addr *out)
{
	size_t lo = 0, hi = s->ninc6;

	memset(out, 0, sizeof(*out));
	if (idx < s->total4) {
		out->v4 = cs_scope_nth(s, idx);
		return;
	}
	idx -= s->total4;
	out->v6 = true;
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;

		if (s->cum6[mid] <= idx)
			lo = mid;
		else
			hi = mid;
	}
	if (s->ninc6 > 0)
		v6_add(s->inc6[lo].lo, idx - s->cum6[lo], out->a6);
}

int
cs_addr_parse(const char *text, struct cs_addr *out)
{
	memset(out, 0, sizeof(*out));
	if (parse_ip(text, &out->v4) == 0)
		return 0;
	if (strlen(text) < CS_ADDR_STRLEN &&
	    inet_pton(AF_INET6, text, out->a6) == 1) {
		out->v6 = true;
		return 0;
	}
	return CS_EINVAL;
}

char *
cs_addr_str(const struct cs_addr *a, char *buf, size_t sz)
{
	if (!a->v6)
		return cs_ip_str(a->v4, buf, sz);
	if (inet_ntop(AF_INET6, a->a6, buf, (socklen_t)sz) == NULL && sz > 0)
		buf[0] = '\0';
	return buf;
}

char *
cs_addr_host(const struct cs_addr *a, uint16_t port, char *buf, size_t sz)
{
	char t[CS_ADDR_STRLEN];

	cs_addr_str(a, t, sizeof(t));
	if (port != 0)
		snprintf(buf, sz, a->v6 ? "[%s]:%u" : "%s:%u", t, port);
	else
		snprintf(buf, sz, a->v6 ? "[%s]" : "%s", t);
	return buf;
}

const char *
cs_scope_verdict_str(enum cs_scope_verdict v)
{
	switch (v) {
	case CS_SCOPE_OK:
		return "in scope";
	case CS_SCOPE_OUTSIDE:
		return "outside the scope";
	case CS_SCOPE_EDGE:
		return "a network or broadcast address";
	case CS_SCOPE_PORT:
		return "a port the scan was not told to probe";
	case CS_SCOPE_PRINT:
		return "a print port";
	}
	return "refused";
}

uint32_t
cs_scope_nth(const struct cs_scope *s, uint64_t idx)
{
	size_t lo = 0, hi = s->ninc;

	/* Find the interval i with cum[i] <= idx < cum[i + 1]. */
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;

		if (s->cum[mid] <= idx)
			lo = mid;
		else
			hi = mid;
	}
	return s->inc[lo].lo + (uint32_t)(idx - s->cum[lo]);
}

static uint64_t
gcd(uint64_t a, uint64_t b)
{
	while (b) {
		uint64_t t = a % b;
		a = b;
		b = t;
	}
	return a;
}

void
cs_perm_init(struct cs_perm *p, uint64_t n)
{
	p->n = n ? n : 1;
	/* A multiplier near n times the golden ratio, coprime with n. */
	p->mult = (uint64_t)((double)p->n * 0.6180339887) | 1;
	while (p->mult > 1 && gcd(p->mult, p->n) != 1)
		p->mult++;
	if (p->mult == 0 || p->mult >= p->n)
		p->mult = 1;
	p->add = p->n / 3;
}

uint64_t
cs_perm_at(const struct cs_perm *p, uint64_t i)
{
	/* n < 2^32 (the IPv4 addresses outside the built-in exclusions,
	 * about 3.7e9, plus at most CS_SCOPE_MAX_ADDRS6 IPv6 ones), so the
	 * product fits in 64 bits. */
	return (i % p->n * p->mult + p->add) % p->n;
}
