/* SPDX-License-Identifier: ISC */
/* Estate description: parser, lookup and CSV import (see estate.h). */
#include "policy/estate.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/addr.h"
#include "core/alloc.h"
#include "core/str.h"
#include "core/text.h"
#include "policy/lex.h"
#include "core/poison.h"

static const char *const zone_names[] = {"", "core", "cctv", "other"};

static const struct cs_lex_word reasons[] = {
    {"secret", CS_REASON_SECRET},
    {"dv", CS_REASON_DV},
    {"ministers", CS_REASON_MINISTERS},
    {"socpa", CS_REASON_SOCPA},
};

const char *
cs_estate_zone_name(enum cs_zone z)
{
	if ((unsigned)z >= CS_NELEM(zone_names))
		return "";
	return zone_names[z];
}

/* Error sink: appends "name:line: message\n" to err. */
/* Identifier: 1..63 bytes of [A-Za-z0-9._-]. */
static bool
id_valid(const char *s)
{
	size_t n = strlen(s);

	if (n == 0 || n > 63)
		return false;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		      (c >= '0' && c <= '9') || c == '.' || c == '_' ||
		      c == '-'))
			return false;
	}
	return true;
}

/* True when the first plen bits of a and net (16 bytes each) agree. */
static bool
in6(const uint8_t a[16], const uint8_t net[16], unsigned plen)
{
	unsigned full = plen / 8, rest = plen % 8;

	if (memcmp(a, net, full) != 0)
		return false;
	return rest == 0 ||
	       ((a[full] ^ net[full]) & (uint8_t)(0xFFu << (8 - rest))) == 0;
}

/*
 * Parses "a.b.c.d/len" or "IPV6/len" into nt (a bare address is a /32 or
 * a /128) with core/addr's cs_cidr4_parse and cs_cidr6_parse, so that
 * both families are read the same strict way: the whole token, a length
 * of digits only (1 or 2 for IPv4, 1 to 3 for IPv6: no sign, space or
 * trailing byte), an IPv4 address without leading zeros (as inet_pton),
 * and no host bits set.
 */
static int
cidr_parse(const char *s, struct cs_estate_net *nt, char *msg, size_t msz)
{
	struct cs_span sp = cs_span_make(s, strlen(s));
	long slash = cs_span_find(sp, "/", 1, false);
	bool v6 = memchr(s, ':', slash >= 0 ? (size_t)slash : sp.n) != NULL;
	unsigned plen;
	int rc;

	if (v6)
		rc = cs_cidr6_parse(sp, CS_CIDR_BARE, nt->addr6, &plen);
	else
		rc = cs_cidr4_parse(sp, CS_CIDR_BARE | CS_IPV4_NO_LEADING_ZERO,
				    &nt->addr, &plen);
	if (rc == CS_ELIMIT) {
		snprintf(msg, msz, "bad network '%.64s' (prefix 0 to %u)", s,
			 v6 ? 128u : 32u);
		return CS_EINVAL;
	}
	if (rc != 0) {
		snprintf(msg, msz, "bad network '%.64s' (%s CIDR expected)", s,
			 v6 ? "IPv6" : "IPv4 or IPv6");
		return CS_EINVAL;
	}
	if (v6)
		rc = cs_cidr6_parse(sp, CS_CIDR_BARE | CS_CIDR_EXACT, nt->addr6,
				    &plen);
	else
		rc = cs_cidr4_parse(
		    sp, CS_CIDR_BARE | CS_CIDR_EXACT | CS_IPV4_NO_LEADING_ZERO,
		    &nt->addr, &plen);
	if (rc != 0) {
		snprintf(msg, msz, "network '%.64s' has host bits set", s);
		return CS_EINVAL;
	}
	nt->v6 = v6;
	nt->prefix = plen;
	return 0;
}

/* Parses "secret,ministers" into bits and canonical text. */
static int
reasons_parse(const char *s, unsigned *bits, char *canon, size_t csz, char *msg,
	      size_t msz)
{
	char w[32];
	int rc = cs_policy_lex_words(s, reasons, CS_NELEM(reasons),
				     CS_LEX_WORDS_LOOSE, sizeof(w) - 1, bits, w,
				     sizeof(w));

	if (rc == CS_ENOTFOUND) {
		snprintf(msg, msz,
			 "unknown sensitivity reason '%s' "
			 "(secret, dv, ministers, socpa)",
			 w);
		return CS_EINVAL;
	}
	if (rc != 0) {
		snprintf(msg, msz, "sensitivity reason too long");
		return CS_EINVAL;
	}
	canon[0] = '\0';
	for (size_t i = 0; i < CS_NELEM(reasons); i++)
		if (*bits & reasons[i].bit) {
			size_t l = strlen(canon);
			snprintf(canon + l, csz - l, "%s%s", l ? "," : "",
				 reasons[i].word);
		}
	return 0;
}

/* Parses yes/no words. */
static int
yesno(const char *s, bool *out)
{
	static const char *const yes[] = {"yes", "y", "true", "1"};
	static const char *const no[] = {"no", "n", "false", "0"};
	struct cs_span sp = cs_span_make(s, strlen(s));

	for (size_t i = 0; i < CS_NELEM(yes); i++)
		if (cs_span_ieq(sp, yes[i])) {
			*out = true;
			return 0;
		}
	for (size_t i = 0; i < CS_NELEM(no); i++)
		if (cs_span_ieq(sp, no[i])) {
			*out = false;
			return 0;
		}
	return CS_EINVAL;
}

/* Checks that every key=value of l was used; reports the first other. */
static bool
all_used(const struct cs_lex_line *l, const bool *seen, struct cs_lex_errs *k,
	 unsigned line, size_t npos)
{
	for (size_t i = 1; i < l->n; i++) {
		if (i < npos && l->tok[i].key[0] == '\0')
			continue;
		if (!seen[i]) {
			if (l->tok[i].key[0] != '\0')
				cs_lex_error(k, line, "unknown key '%s' for %s",
					     l->tok[i].key, l->tok[0].val);
			else
				cs_lex_error(k, line, "unexpected word '%s'",
					     l->tok[i].val);
			return false;
		}
	}
	return true;
}

static void *
grow(void *v, size_t n, size_t *cap, size_t elem)
{
	if (n < *cap)
		return v;
	*cap = *cap ? *cap * 2 : 16;
	return cs_xrealloc(v, *cap, elem);
}

static void
do_department(struct cs_estate *e, size_t *cap, const struct cs_lex_line *l,
	      struct cs_lex_errs *k, unsigned line)
{
	bool seen[CS_LEX_MAX_TOK] = {false};
	const char *id = cs_policy_lex_get(l, "id", seen);
	struct cs_estate_dept *d;

	if (l->n < 2 || l->tok[1].key[0] != '\0') {
		cs_lex_error(k, line, "department needs a \"name\"");
		return;
	}
	if (id == NULL || !id_valid(id)) {
		cs_lex_error(k, line,
			     "department needs id=ID ([A-Za-z0-9._-], "
			     "at most 63 bytes)");
		return;
	}
	if (!all_used(l, seen, k, line, 2))
		return;
	for (size_t i = 0; i < e->ndept; i++)
		if (strcmp(e->dept[i].id, id) == 0) {
			cs_lex_error(
			    k, line,
			    "duplicate department id '%s' (first on line "
			    "%u)",
			    id, e->dept[i].line);
			return;
		}
	if (e->ndept >= CS_ESTATE_MAX_ITEMS) {
		cs_lex_error(k, line, "too many departments");
		return;
	}
	e->dept = grow(e->dept, e->ndept, cap, sizeof(*e->dept));
	d = &e->dept[e->ndept++];
	memset(d, 0, sizeof(*d));
	cs_strlcpy(d->id, id, sizeof(d->id));
	cs_strlcpy(d->name, l->tok[1].val, sizeof(d->name));
	d->line = line;
}

static void
do_site(struct cs_estate *e, size_t *cap, const struct cs_lex_line *l,
	struct cs_lex_errs *k, unsigned line)
{
	bool seen[CS_LEX_MAX_TOK] = {false};
	const char *id = cs_policy_lex_get(l, "id", seen);
	const char *dept = cs_policy_lex_get(l, "dept", seen);
	const char *sens = cs_policy_lex_get(l, "sensitive", seen);
	const char *why = cs_policy_lex_get(l, "reason", seen);
	struct cs_estate_site st;
	char msg[160];

	memset(&st, 0, sizeof(st));
	if (l->n < 2 || l->tok[1].key[0] != '\0') {
		cs_lex_error(k, line, "site needs a \"name\"");
		return;
	}
	if (id == NULL || !id_valid(id)) {
		cs_lex_error(k, line,
			     "site needs id=ID ([A-Za-z0-9._-], at most "
			     "63 bytes)");
		return;
	}
	if (dept == NULL) {
		cs_lex_error(k, line, "site '%s' needs dept=DEPARTMENT", id);
		return;
	}
	if (sens == NULL || yesno(sens, &st.sensitive) != 0) {
		cs_lex_error(k, line,
			     "site '%s' needs sensitive=yes or "
			     "sensitive=no",
			     id);
		return;
	}
	if (st.sensitive && why == NULL) {
		cs_lex_error(
		    k, line,
		    "sensitive site '%s' needs reason=... (secret, dv, "
		    "ministers, socpa)",
		    id);
		return;
	}
	if (!st.sensitive && why != NULL) {
		cs_lex_error(k, line,
			     "site '%s' is not sensitive but gives a reason",
			     id);
		return;
	}
	if (why != NULL &&
	    reasons_parse(why, &st.reasons, st.reason, sizeof(st.reason), msg,
			  sizeof(msg)) != 0) {
		cs_lex_error(k, line, "%s", msg);
		return;
	}
	if (!all_used(l, seen, k, line, 2))
		return;
	for (size_t i = 0; i < e->nsite; i++)
		if (strcmp(e->site[i].id, id) == 0) {
			cs_lex_error(
			    k, line,
			    "duplicate site id '%s' (first on line %u)", id,
			    e->site[i].line);
			return;
		}
	if (e->nsite >= CS_ESTATE_MAX_ITEMS) {
		cs_lex_error(k, line, "too many sites");
		return;
	}
	cs_strlcpy(st.id, id, sizeof(st.id));
	cs_strlcpy(st.name, l->tok[1].val, sizeof(st.name));
	cs_strlcpy(st.dept, dept, sizeof(st.dept));
	st.line = line;
	e->site = grow(e->site, e->nsite, cap, sizeof(*e->site));
	e->site[e->nsite++] = st;
}

static void
do_network(struct cs_estate *e, size_t *cap, const struct cs_lex_line *l,
	   struct cs_lex_errs *k, unsigned line)
{
	bool seen[CS_LEX_MAX_TOK] = {false};
	const char *site = cs_policy_lex_get(l, "site", seen);
	const char *zone = cs_policy_lex_get(l, "zone", seen);
	struct cs_estate_net nt;
	char msg[160];
	bool zok = false;

	memset(&nt, 0, sizeof(nt));
	if (l->n < 2 || l->tok[1].key[0] != '\0') {
		cs_lex_error(k, line,
			     "network needs a CIDR, e.g. 10.1.2.0/24 or "
			     "fd00:1::/64");
		return;
	}
	if (cidr_parse(l->tok[1].val, &nt, msg, sizeof(msg)) != 0) {
		cs_lex_error(k, line, "%s", msg);
		return;
	}
	if (site == NULL) {
		cs_lex_error(k, line, "network %s needs site=SITE",
			     l->tok[1].val);
		return;
	}
	if (zone == NULL) {
		cs_lex_error(k, line, "network %s needs zone=core|cctv|other",
			     l->tok[1].val);
		return;
	}
	for (size_t z = 1; z < CS_NELEM(zone_names); z++)
		if (strcmp(zone, zone_names[z]) == 0) {
			nt.zone = (enum cs_zone)z;
			zok = true;
		}
	if (!zok) {
		cs_lex_error(k, line, "unknown zone '%s' (core, cctv, other)",
			     zone);
		return;
	}
	if (!all_used(l, seen, k, line, 2))
		return;
	for (size_t i = 0; i < e->nnet; i++)
		if (e->net[i].v6 == nt.v6 && e->net[i].prefix == nt.prefix &&
		    (nt.v6 ? memcmp(e->net[i].addr6, nt.addr6, 16) == 0
			   : e->net[i].addr == nt.addr)) {
			cs_lex_error(k, line,
				     "network %s already given on line %u",
				     l->tok[1].val, e->net[i].line);
			return;
		}
	if (e->nnet >= CS_ESTATE_MAX_ITEMS) {
		cs_lex_error(k, line, "too many networks");
		return;
	}
	cs_strlcpy(nt.site, site, sizeof(nt.site));
	nt.line = line;
	e->net = grow(e->net, e->nnet, cap, sizeof(*e->net));
	e->net[e->nnet++] = nt;
}

/* Reads zone=; false after an error. */
static bool
zone_of(const char *zone, const char *what, enum cs_zone *out,
	struct cs_lex_errs *k, unsigned line)
{
	if (zone == NULL) {
		cs_lex_error(k, line, "%s needs zone=core|cctv|other", what);
		return false;
	}
	for (size_t z = 1; z < CS_NELEM(zone_names); z++)
		if (strcmp(zone, zone_names[z]) == 0) {
			*out = (enum cs_zone)z;
			return true;
		}
	cs_lex_error(k, line, "unknown zone '%s' (core, cctv, other)", zone);
	return false;
}

static void
do_vlan(struct cs_estate *e, size_t *cap, const struct cs_lex_line *l,
	struct cs_lex_errs *k, unsigned line)
{
	bool seen[CS_LEX_MAX_TOK] = {false};
	const char *site = cs_policy_lex_get(l, "site", seen);
	const char *zone = cs_policy_lex_get(l, "zone", seen);
	struct cs_estate_vlan v;
	long long id;

	memset(&v, 0, sizeof(v));
	if (l->n < 2 || l->tok[1].key[0] != '\0' ||
	    cs_str_tonum(l->tok[1].val, 1, 4094, &id) != 0) {
		cs_lex_error(k, line, "vlan needs an id, 1 to 4094");
		return;
	}
	v.id = (unsigned)id;
	if (!zone_of(zone, "vlan", &v.zone, k, line))
		return;
	if (site != NULL && !id_valid(site)) {
		cs_lex_error(k, line, "vlan %u: bad site id", v.id);
		return;
	}
	if (!all_used(l, seen, k, line, 2))
		return;
	if (site != NULL)
		cs_strlcpy(v.site, site, sizeof(v.site));
	for (size_t i = 0; i < e->nvlan; i++)
		if (e->vlan[i].id == v.id &&
		    strcmp(e->vlan[i].site, v.site) == 0) {
			cs_lex_error(k, line,
				     "vlan %u already given on line %u", v.id,
				     e->vlan[i].line);
			return;
		}
	if (e->nvlan >= CS_ESTATE_MAX_ITEMS) {
		cs_lex_error(k, line, "too many vlans");
		return;
	}
	v.line = line;
	e->vlan = grow(e->vlan, e->nvlan, cap, sizeof(*e->vlan));
	e->vlan[e->nvlan++] = v;
}

static void
do_switch(struct cs_estate *e, size_t *cap, const struct cs_lex_line *l,
	  struct cs_lex_errs *k, unsigned line)
{
	bool seen[CS_LEX_MAX_TOK] = {false};
	const char *site = cs_policy_lex_get(l, "site", seen);
	const char *zone = cs_policy_lex_get(l, "zone", seen);
	struct cs_estate_switch w;

	memset(&w, 0, sizeof(w));
	if (l->n < 2 || l->tok[1].key[0] != '\0' || !id_valid(l->tok[1].val)) {
		cs_lex_error(k, line,
			     "switch needs a name ([A-Za-z0-9._-], at most "
			     "63 bytes, as in the switches file)");
		return;
	}
	cs_strlcpy(w.name, l->tok[1].val, sizeof(w.name));
	if (!zone_of(zone, "switch", &w.zone, k, line))
		return;
	if (site != NULL && !id_valid(site)) {
		cs_lex_error(k, line, "switch %s: bad site id", w.name);
		return;
	}
	if (!all_used(l, seen, k, line, 2))
		return;
	if (site != NULL)
		cs_strlcpy(w.site, site, sizeof(w.site));
	for (size_t i = 0; i < e->nsw; i++)
		if (strcmp(e->sw[i].name, w.name) == 0 &&
		    strcmp(e->sw[i].site, w.site) == 0) {
			cs_lex_error(k, line,
				     "switch %s already given on line %u",
				     w.name, e->sw[i].line);
			return;
		}
	if (e->nsw >= CS_ESTATE_MAX_ITEMS) {
		cs_lex_error(k, line, "too many switches");
		return;
	}
	w.line = line;
	e->sw = grow(e->sw, e->nsw, cap, sizeof(*e->sw));
	e->sw[e->nsw++] = w;
}

struct cs_estate *
cs_estate_parse(const char *name, const uint8_t *p, size_t n, char *err,
		size_t errsz)
{
	struct cs_lex_errs k = {name != NULL ? name : "estate", err, errsz, 0,
				0};
	struct cs_lines lines;
	struct cs_span ln;
	struct cs_lex_line *l = cs_xmalloc(sizeof(*l));
	struct cs_estate *e = cs_xcalloc(1, sizeof(*e));
	size_t off = 0, capd = 0, caps = 0, capn = 0, capv = 0, capw = 0;
	unsigned line = 0;
	char msg[200];

	if (err != NULL && errsz > 0)
		err[0] = '\0';
	if (n > CS_ESTATE_MAX_BYTES)
		cs_lex_error(&k, 0, "file larger than %u bytes",
			     CS_ESTATE_MAX_BYTES);
	else if (n >= 3 && p[0] == 0xef && p[1] == 0xbb && p[2] == 0xbf)
		off = 3;
	cs_lines_init(&lines, p + off, n - off);
	while (n <= CS_ESTATE_MAX_BYTES && cs_lines_next(&lines, &ln)) {
		line = lines.line;
		if (cs_policy_lex_line(ln, l, msg, sizeof(msg)) != 0) {
			cs_lex_error(&k, line, "%s", msg);
			continue;
		}
		if (l->n == 0)
			continue;
		if (l->tok[0].key[0] != '\0')
			cs_lex_error(&k, line, "a line starts with a keyword");
		else if (strcmp(l->tok[0].val, "department") == 0)
			do_department(e, &capd, l, &k, line);
		else if (strcmp(l->tok[0].val, "site") == 0)
			do_site(e, &caps, l, &k, line);
		else if (strcmp(l->tok[0].val, "network") == 0)
			do_network(e, &capn, l, &k, line);
		else if (strcmp(l->tok[0].val, "vlan") == 0)
			do_vlan(e, &capv, l, &k, line);
		else if (strcmp(l->tok[0].val, "switch") == 0)
			do_switch(e, &capw, l, &k, line);
		else
			cs_lex_error(&k, line,
				     "unknown keyword '%s' (department, site, "
				     "network, vlan, switch)",
				     l->tok[0].val);
	}
	/* References, reported where they are made. */
	for (size_t i = 0; i < e->nsite; i++) {
		bool ok = false;
		for (size_t j = 0; j < e->ndept && !ok; j++)
			ok = strcmp(e->dept[j].id, e->site[i].dept) == 0;
		if (!ok)
			cs_lex_error(&k, e->site[i].line,
				     "site '%s': unknown department '%s'",
				     e->site[i].id, e->site[i].dept);
	}
	for (size_t i = 0; i < e->nnet; i++)
		if (cs_estate_site_find(e, e->net[i].site) == NULL)
			cs_lex_error(&k, e->net[i].line, "unknown site '%s'",
				     e->net[i].site);
	for (size_t i = 0; i < e->nvlan; i++)
		if (e->vlan[i].site[0] != '\0' &&
		    cs_estate_site_find(e, e->vlan[i].site) == NULL)
			cs_lex_error(&k, e->vlan[i].line, "unknown site '%s'",
				     e->vlan[i].site);
	for (size_t i = 0; i < e->nsw; i++)
		if (e->sw[i].site[0] != '\0' &&
		    cs_estate_site_find(e, e->sw[i].site) == NULL)
			cs_lex_error(&k, e->sw[i].line, "unknown site '%s'",
				     e->sw[i].site);
	free(l);
	if (k.count > 0) {
		cs_estate_free(e);
		return NULL;
	}
	return e;
}

uint8_t *
cs_policy_read_file(const char *path, size_t max, size_t *n, char *err,
		    size_t errsz)
{
	struct cs_buf b;
	int r;

	*n = 0;
	cs_buf_init(&b, max);
	r = cs_file_read(path, max, &b, NULL);
	if (r != 0) {
		if (r == CS_ELIMIT)
			snprintf(err, errsz, "%s: larger than %zu bytes", path,
				 max);
		else
			snprintf(err, errsz, "%s: %s", path, strerror(errno));
		cs_buf_free(&b);
		return NULL;
	}
	if (b.p == NULL) /* an empty file */
		return cs_xmalloc(1);
	*n = b.len;
	return b.p;
}

struct cs_estate *
cs_estate_load(const char *path, char *err, size_t errsz)
{
	size_t n;
	uint8_t *p =
	    cs_policy_read_file(path, CS_ESTATE_MAX_BYTES, &n, err, errsz);
	struct cs_estate *e;

	if (p == NULL)
		return NULL;
	e = cs_estate_parse(path, p, n, err, errsz);
	free(p);
	return e;
}

void
cs_estate_free(struct cs_estate *e)
{
	if (e == NULL)
		return;
	free(e->dept);
	free(e->site);
	free(e->net);
	free(e->vlan);
	free(e->sw);
	free(e);
}

/* Severity order of zones: core, cctv, other, unmapped. */
static int
zone_rank(enum cs_zone z)
{
	return z == CS_ZONE_CORE    ? 3
	       : z == CS_ZONE_CCTV  ? 2
	       : z == CS_ZONE_OTHER ? 1
				    : 0;
}

enum cs_zone
cs_estate_place_zone(const struct cs_estate *e, const char *site,
		     const char *sw, unsigned vlan, enum cs_zone *vz,
		     enum cs_zone *sz)
{
	bool vsite = false, ssite = false;

	if (site == NULL)
		site = "";
	*vz = *sz = CS_ZONE_UNMAPPED;
	if (e == NULL)
		return CS_ZONE_UNMAPPED;
	for (size_t i = 0; i < e->nvlan && vlan != 0; i++) {
		const struct cs_estate_vlan *v = &e->vlan[i];
		bool here = v->site[0] != '\0' && strcmp(v->site, site) == 0;
		if (v->id != vlan || (v->site[0] != '\0' && !here) ||
		    (vsite && !here))
			continue;
		*vz = v->zone;
		vsite = here;
	}
	for (size_t i = 0; i < e->nsw && sw != NULL; i++) {
		const struct cs_estate_switch *w = &e->sw[i];
		bool here = w->site[0] != '\0' && strcmp(w->site, site) == 0;
		if (strcmp(w->name, sw) != 0 || (w->site[0] != '\0' && !here) ||
		    (ssite && !here))
			continue;
		*sz = w->zone;
		ssite = here;
	}
	return zone_rank(*vz) >= zone_rank(*sz) ? *vz : *sz;
}

const struct cs_estate_site *
cs_estate_site_find(const struct cs_estate *e, const char *id)
{
	for (size_t i = 0; e != NULL && i < e->nsite; i++)
		if (strcmp(e->site[i].id, id) == 0)
			return &e->site[i];
	return NULL;
}

int
cs_estate_locate(const struct cs_estate *e, const char *ip,
		 struct cs_estate_where *out)
{
	const struct cs_estate_net *best = NULL;
	uint8_t a6[16];
	uint32_t a = 0;
	int fam;

	memset(out, 0, sizeof(*out));
	fam = cs_ip_family(ip, a6);
	if (fam == 0)
		return CS_EINVAL;
	if (fam == 4)
		a = (uint32_t)a6[0] << 24 | (uint32_t)a6[1] << 16 |
		    (uint32_t)a6[2] << 8 | a6[3];
	for (size_t i = 0; e != NULL && i < e->nnet; i++) {
		const struct cs_estate_net *nt = &e->net[i];
		bool hit = fam == 6
			       ? nt->v6 && in6(a6, nt->addr6, nt->prefix)
			       : !nt->v6 && (a & cs_cidr4_mask(nt->prefix)) ==
						nt->addr;
		if (hit && (best == NULL || nt->prefix > best->prefix))
			best = nt;
	}
	if (best == NULL)
		return CS_ENOTFOUND;
	out->net = best;
	out->zone = best->zone;
	out->site = cs_estate_site_find(e, best->site);
	for (size_t i = 0; out->site != NULL && i < e->ndept; i++)
		if (strcmp(e->dept[i].id, out->site->dept) == 0)
			out->dept = &e->dept[i];
	return 0;
}

/* ---------------------------------------------------------------------- */
/* CSV import. */

/* Writes v as a quoted estate value; returns 0 or the cs_buf error. */
static int
put_quoted(struct cs_buf *b, const char *v)
{
	int rc = cs_buf_adds(b, "\"");

	for (; *v != '\0'; v++) {
		if (*v == '"' || *v == '\\')
			rc |= cs_buf_adds(b, "\\");
		if ((unsigned char)*v < ' ' || *v == 0x7f)
			rc |= cs_buf_adds(b, " ");
		else
			rc |= cs_buf_add(b, v, 1);
	}
	return rc | cs_buf_adds(b, "\"");
}

/* The error of an import whose estate text would pass the cap. */
static void
too_big(char *err, size_t errsz, const char *file, unsigned line)
{
	snprintf(err, errsz,
		 "%s:%u: the imported estate would exceed %u MiB (the "
		 "estate file cap)",
		 file, line, CS_ESTATE_MAX_BYTES >> 20);
}

/* Column index of the first header matching one of names, or -1. */
static int
col_find(const struct cs_csv *c, const char *const *names)
{
	for (size_t i = 0; i < c->nfield; i++)
		for (size_t j = 0; names[j] != NULL; j++) {
			struct cs_span sp = cs_span_trim(
			    cs_span_make(c->field[i], strlen(c->field[i])));
			if (cs_span_ieq(sp, names[j]))
				return (int)i;
		}
	return -1;
}

static const char *
fld(const struct cs_csv *c, int col)
{
	if (col < 0 || (size_t)col >= c->nfield)
		return "";
	return c->field[col];
}

/* Trims spaces in place. */
static char *
trim_in(char *s)
{
	struct cs_span sp = cs_span_trim(cs_span_make(s, strlen(s)));
	memmove(s, sp.p, sp.n);
	s[sp.n] = '\0';
	return s;
}

int
cs_estate_import_csv(const uint8_t *sites, size_t nsites, const uint8_t *nets,
		     size_t nnets, struct cs_buf *out, char *err, size_t errsz)
{
	static const char *const h_id[] = {"id", "site_id", "site id", NULL};
	static const char *const h_name[] = {"name", "site_name", "site name",
					     "site", NULL};
	static const char *const h_dept[] = {"department", "dept",
					     "department_id", NULL};
	static const char *const h_dname[] = {"department_name",
					      "department name", NULL};
	static const char *const h_sens[] = {"sensitive", NULL};
	static const char *const h_reason[] = {"reason", "reasons",
					       "sensitivity_reason", NULL};
	static const char *const h_net[] = {"network", "cidr", "range", NULL};
	static const char *const h_site[] = {"site", "site_id", NULL};
	static const char *const h_zone[] = {"zone", NULL};
	struct cs_csv *c = cs_xmalloc(sizeof(*c));
	struct cs_buf depts, body;
	char seen_dept[256][64];
	size_t nseen = 0;
	int rc, ci, cn, cd, cdn, cs, cr, wr = 0, ret = CS_EINVAL;
	char e2[256];

	cs_buf_init(&depts, CS_ESTATE_MAX_BYTES);
	cs_buf_init(&body, CS_ESTATE_MAX_BYTES);
	cs_csv_init(c, cs_span_make(sites, nsites));
	rc = cs_csv_next(c, e2, sizeof(e2));
	if (rc != 1) {
		snprintf(err, errsz, "sites.csv: %s",
			 rc == 0 ? "empty (a header row is needed)" : e2);
		goto out;
	}
	ci = col_find(c, h_id);
	cn = col_find(c, h_name);
	cd = col_find(c, h_dept);
	cdn = col_find(c, h_dname);
	cs = col_find(c, h_sens);
	cr = col_find(c, h_reason);
	if (ci < 0 || cd < 0 || cs < 0) {
		snprintf(err, errsz,
			 "sites.csv:%u: header needs columns id, department "
			 "and sensitive (name and reason optional)",
			 c->line);
		goto out;
	}
	if (cn == ci)
		cn = -1;
	wr |= cs_buf_adds(&body, "\n");
	while ((rc = cs_csv_next(c, e2, sizeof(e2))) == 1) {
		char id[CS_CSV_MAX_FIELD], dept[CS_CSV_MAX_FIELD];
		const char *sens = fld(c, cs), *reason = fld(c, cr);
		bool yes = false, known = false;

		cs_strlcpy(id, fld(c, ci), sizeof(id));
		cs_strlcpy(dept, fld(c, cd), sizeof(dept));
		trim_in(id);
		trim_in(dept);
		if (!id_valid(id)) {
			snprintf(err, errsz,
				 "sites.csv:%u: bad site id '%.64s'", c->line,
				 id);
			goto out;
		}
		if (!id_valid(dept)) {
			snprintf(err, errsz,
				 "sites.csv:%u: bad department id '%.64s'",
				 c->line, dept);
			goto out;
		}
		{
			/* All of it: a cut field could read as "yes". */
			char tmp[CS_CSV_MAX_FIELD];
			cs_strlcpy(tmp, sens, sizeof(tmp));
			if (yesno(trim_in(tmp), &yes) != 0) {
				snprintf(err, errsz,
					 "sites.csv:%u: sensitive must be yes "
					 "or no, not '%.32s'",
					 c->line, sens);
				goto out;
			}
		}
		for (size_t i = 0; i < nseen && !known; i++)
			known = strcmp(seen_dept[i], dept) == 0;
		if (!known) {
			const char *dn = fld(c, cdn);
			if (nseen >= CS_NELEM(seen_dept)) {
				snprintf(err, errsz,
					 "sites.csv:%u: too many departments",
					 c->line);
				goto out;
			}
			cs_strlcpy(seen_dept[nseen++], dept, 64);
			wr |= cs_buf_adds(&depts, "department ");
			wr |= put_quoted(&depts, *dn != '\0' ? dn : dept);
			wr |= cs_buf_printf(&depts, " id=%s\n", dept);
		}
		wr |= cs_buf_adds(&body, "site ");
		wr |= put_quoted(
		    &body, cn >= 0 && *fld(c, cn) != '\0' ? fld(c, cn) : id);
		wr |= cs_buf_printf(&body, " id=%s dept=%s sensitive=%s", id,
				    dept, yes ? "yes" : "no");
		if (yes && *reason != '\0') {
			wr |= cs_buf_adds(&body, " reason=");
			wr |= put_quoted(&body, reason);
		}
		wr |= cs_buf_adds(&body, "\n");
		if (wr != 0) {
			too_big(err, errsz, "sites.csv", c->line);
			goto out;
		}
	}
	if (rc < 0) {
		snprintf(err, errsz, "sites.csv: %s", e2);
		goto out;
	}

	cs_csv_init(c, cs_span_make(nets, nnets));
	rc = cs_csv_next(c, e2, sizeof(e2));
	if (rc != 1) {
		snprintf(err, errsz, "networks.csv: %s",
			 rc == 0 ? "empty (a header row is needed)" : e2);
		goto out;
	}
	ci = col_find(c, h_net);
	cs = col_find(c, h_site);
	cr = col_find(c, h_zone);
	if (ci < 0 || cs < 0 || cr < 0) {
		snprintf(err, errsz,
			 "networks.csv:%u: header needs columns network (or "
			 "cidr), site and zone",
			 c->line);
		goto out;
	}
	wr |= cs_buf_adds(&body, "\n");
	while ((rc = cs_csv_next(c, e2, sizeof(e2))) == 1) {
		/* Whole fields: a cut one could trim to something valid. */
		char netw[CS_CSV_MAX_FIELD], site[CS_CSV_MAX_FIELD],
		    zone[CS_CSV_MAX_FIELD];
		cs_strlcpy(netw, fld(c, ci), sizeof(netw));
		cs_strlcpy(site, fld(c, cs), sizeof(site));
		cs_strlcpy(zone, fld(c, cr), sizeof(zone));
		trim_in(netw);
		trim_in(site);
		trim_in(zone);
		for (char *z = zone; *z; z++)
			if (*z >= 'A' && *z <= 'Z')
				*z = (char)(*z + 32);
		if (!id_valid(site) || !id_valid(zone) || netw[0] == '\0' ||
		    strchr(netw, '"') != NULL || strchr(netw, ' ') != NULL) {
			snprintf(err, errsz,
				 "networks.csv:%u: bad network, site or zone",
				 c->line);
			goto out;
		}
		wr |= cs_buf_printf(&body, "network %s site=%s zone=%s\n", netw,
				    site, zone);
		if (wr != 0) {
			too_big(err, errsz, "networks.csv", c->line);
			goto out;
		}
	}
	if (rc < 0) {
		snprintf(err, errsz, "networks.csv: %s", e2);
		goto out;
	}
	{
		struct cs_buf all;
		struct cs_estate *e;
		char perr[1024];
		cs_buf_init(&all, CS_ESTATE_MAX_BYTES);
		wr |= cs_buf_adds(&all,
				  "# estate description imported from CSV by "
				  "camsweep estate import-csv\n");
		wr |= cs_buf_add(&all, depts.p, depts.len);
		wr |= cs_buf_add(&all, body.p, body.len);
		if (wr != 0) {
			too_big(err, errsz, "networks.csv", c->line);
			cs_buf_free(&all);
			goto out;
		}
		e = cs_estate_parse("imported", all.p, all.len, perr,
				    sizeof(perr));
		if (e == NULL) {
			snprintf(err, errsz,
				 "the imported estate does not "
				 "check:\n%s",
				 perr);
			cs_buf_free(&all);
			goto out;
		}
		cs_estate_free(e);
		rc = cs_buf_add(out, all.p, all.len);
		if (rc != 0)
			snprintf(err, errsz,
				 "the imported estate (%zu bytes) does not fit "
				 "the output",
				 all.len);
		cs_buf_free(&all);
		if (rc != 0)
			goto out;
	}
	ret = 0;
out:
	cs_buf_free(&depts);
	cs_buf_free(&body);
	free(c);
	return ret;
}
