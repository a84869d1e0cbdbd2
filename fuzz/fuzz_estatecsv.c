/* SPDX-License-Identifier: ISC */
/*
 * Fuzz target: the estate CSV import (policy/estate.c
 * cs_estate_import_csv, operator input from spreadsheets).  The input is
 * the sites CSV, a form feed (0x0c) and the networks CSV (no form feed:
 * no networks file).  An import that fails says why ("sites.csv",
 * "networks.csv" or "the imported estate does not check") and appends
 * nothing; one that succeeds appends an estate description that parses,
 * with one site per sites record and one network per networks record, in
 * order, each holding exactly what its record says: the id, department
 * and sensitivity of the site, and the network (the whole field, read by
 * core/addr's CIDR parsers), site and zone of the network, so that no
 * field is cut short or dropped unseen.  The columns are found here as
 * docs/estate.md names them.
 */
#include "fuzz.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "core/addr.h"
#include "core/buf.h"
#include "core/str.h"
#include "core/text.h"
#include "policy/estate.h"
#include "core/poison.h"

#define PRE "# before\n"

/* The trimmed text of field col of the record in c ("" if none). */
static struct cs_span
field(const struct cs_csv *c, int col)
{
	if (col < 0 || (size_t)col >= c->nfield)
		return cs_span_make("", 0);
	return cs_span_trim(cs_span_make(c->field[col], strlen(c->field[col])));
}

static bool
span_is(struct cs_span s, const char *lit)
{
	return s.n == strlen(lit) && memcmp(s.p, lit, s.n) == 0;
}

/* The first column whose trimmed header is one of names (case ignored). */
static int
column(const struct cs_csv *c, const char *const *names)
{
	for (size_t i = 0; i < c->nfield; i++)
		for (size_t j = 0; names[j] != NULL; j++)
			if (cs_span_ieq(field(c, (int)i), names[j]))
				return (int)i;
	return -1;
}

/* A CSV reader past the header of in, whose three columns named by
 * names go to col (the import accepted it: all three are there). */
static struct cs_csv *
header(struct cs_span in, const char *const *const names[3], int col[3])
{
	struct cs_csv *c = malloc(sizeof(*c));
	char err[256];

	if (c == NULL)
		abort();
	cs_csv_init(c, in);
	if (cs_csv_next(c, err, sizeof(err)) != 1)
		abort();
	for (int i = 0; i < 3; i++)
		if ((col[i] = column(c, names[i])) < 0)
			abort();
	return c;
}

static void
check_sites(const struct cs_estate *e, struct cs_span in)
{
	static const char *const h_id[] = {"id", "site_id", "site id", NULL};
	static const char *const h_dept[] = {"department", "dept",
					     "department_id", NULL};
	static const char *const h_sens[] = {"sensitive", NULL};
	static const char *const yes[] = {"yes", "y", "true", "1", NULL};
	static const char *const no[] = {"no", "n", "false", "0", NULL};
	const char *const *const names[3] = {h_id, h_dept, h_sens};
	int col[3];
	struct cs_csv *c = header(in, names, col);
	char err[256];
	size_t k = 0;

	while (cs_csv_next(c, err, sizeof(err)) == 1) {
		const struct cs_estate_site *st;
		struct cs_span sens = field(c, col[2]);
		bool y = false, n = false;

		if (k >= e->nsite)
			abort(); /* a record with no site */
		st = &e->site[k++];
		for (size_t j = 0; yes[j] != NULL; j++)
			y |= cs_span_ieq(sens, yes[j]);
		for (size_t j = 0; no[j] != NULL; j++)
			n |= cs_span_ieq(sens, no[j]);
		if (!span_is(field(c, col[0]), st->id) ||
		    !span_is(field(c, col[1]), st->dept) || y == n ||
		    st->sensitive != y)
			abort();
	}
	if (k != e->nsite)
		abort();
	free(c);
}

static void
check_nets(const struct cs_estate *e, struct cs_span in)
{
	static const char *const h_net[] = {"network", "cidr", "range", NULL};
	static const char *const h_site[] = {"site", "site_id", NULL};
	static const char *const h_zone[] = {"zone", NULL};
	const char *const *const names[3] = {h_net, h_site, h_zone};
	int col[3];
	struct cs_csv *c = header(in, names, col);
	char err[256];
	size_t k = 0;

	while (cs_csv_next(c, err, sizeof(err)) == 1) {
		const struct cs_estate_net *nt;
		struct cs_span net = field(c, col[0]), zone = field(c, col[2]);
		uint8_t a6[16];
		uint32_t a4;
		unsigned plen;

		if (k >= e->nnet)
			abort(); /* a record with no network */
		nt = &e->net[k++];
		if (nt->v6 ? cs_cidr6_parse(net, CS_CIDR_BARE | CS_CIDR_EXACT,
					    a6, &plen) != 0 ||
				 memcmp(a6, nt->addr6, 16) != 0
			   : cs_cidr4_parse(net,
					    CS_CIDR_BARE | CS_CIDR_EXACT |
						CS_IPV4_NO_LEADING_ZERO,
					    &a4, &plen) != 0 ||
				 a4 != nt->addr)
			abort();
		if (plen != nt->prefix ||
		    !span_is(field(c, col[1]), nt->site) ||
		    !cs_span_ieq(zone, cs_estate_zone_name(nt->zone)))
			abort();
	}
	if (k != e->nnet)
		abort();
	free(c);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const uint8_t *ff = size > 0 ? memchr(data, '\f', size) : NULL;
	size_t nsites = ff != NULL ? (size_t)(ff - data) : size;
	const uint8_t *nets = ff != NULL ? ff + 1 : data + size;
	size_t nnets = size - nsites - (ff != NULL);
	struct cs_buf out;
	char err[1024];
	int rc;

	cs_buf_init(&out, (size_t)CS_ESTATE_MAX_BYTES + 64);
	if (cs_buf_adds(&out, PRE) != 0)
		abort();
	memset(err, 'x', sizeof(err));
	rc = cs_estate_import_csv(data, nsites, nets, nnets, &out, err,
				  sizeof(err));
	if (rc != 0) {
		if (rc != CS_EINVAL || memchr(err, '\0', sizeof(err)) == NULL ||
		    (strncmp(err, "sites.csv", 9) != 0 &&
		     strncmp(err, "networks.csv", 12) != 0 &&
		     strncmp(err, "the imported estate", 19) != 0) ||
		    !span_is(cs_span_make(out.p, out.len), PRE))
			abort();
	} else {
		struct cs_estate *e;
		char perr[1024];

		if (out.len <= strlen(PRE) ||
		    memcmp(out.p, PRE, strlen(PRE)) != 0)
			abort();
		e = cs_estate_parse("out", out.p + strlen(PRE),
				    out.len - strlen(PRE), perr, sizeof(perr));
		if (e == NULL)
			abort();
		check_sites(e, cs_span_make(data, nsites));
		check_nets(e, cs_span_make(nets, nnets));
		cs_estate_free(e);
	}
	cs_buf_free(&out);
	return 0;
}
