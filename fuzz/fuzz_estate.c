/* SPDX-License-Identifier: ISC */
/*
 * Fuzz target: the estate file reader (policy/estate.c, operator input).
 * A file that parses must leave no error text and an estate within its
 * caps whose ids are valid and unique, whose references resolve, whose
 * networks have no host bits and are not repeated, and in which each
 * network's own address is placed by it or by a more specific network of
 * the same family; whose VLANs (1 to 4094) and switches are unique per
 * site, name a known site or none, and are found by cs_estate_place_zone
 * with their own zone; a file that does not must say why as
 * "name:line:".
 */
#include "fuzz.h"

#include <arpa/inet.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/addr.h"
#include "policy/estate.h"
#include "core/poison.h"

#define NAME "f.estate"

/* A NUL-terminated id of 1 to 63 bytes of [A-Za-z0-9._-]. */
static void
check_id(const char *s, size_t sz)
{
	size_t n;

	if (memchr(s, '\0', sz) == NULL)
		abort();
	n = strlen(s);
	if (n == 0 || n > 63)
		abort();
	for (size_t i = 0; i < n; i++) {
		char c = s[i];

		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		      (c >= '0' && c <= '9') || c == '.' || c == '_' ||
		      c == '-'))
			abort();
	}
}

static void
check_str(const char *s, size_t sz)
{
	if (memchr(s, '\0', sz) == NULL)
		abort();
}

static bool
host_bits6(const uint8_t a[16], unsigned plen)
{
	for (unsigned bit = plen; bit < 128; bit++)
		if (a[bit / 8] & (0x80u >> (bit % 8)))
			return true;
	return false;
}

static void
check_net(const struct cs_estate *e, const struct cs_estate_net *nt)
{
	struct cs_estate_where w;
	char ip[64];

	check_str(nt->site, sizeof(nt->site));
	if (cs_estate_site_find(e, nt->site) == NULL || nt->line == 0)
		abort();
	if (nt->zone != CS_ZONE_CORE && nt->zone != CS_ZONE_CCTV &&
	    nt->zone != CS_ZONE_OTHER)
		abort();
	if (nt->v6) {
		if (nt->prefix > 128 || host_bits6(nt->addr6, nt->prefix) ||
		    inet_ntop(AF_INET6, nt->addr6, ip, sizeof(ip)) == NULL)
			abort();
	} else {
		if (nt->prefix > 32 ||
		    (nt->addr & ~cs_cidr4_mask(nt->prefix)) != 0)
			abort();
		snprintf(ip, sizeof(ip), "%u.%u.%u.%u", nt->addr >> 24,
			 (nt->addr >> 16) & 255, (nt->addr >> 8) & 255,
			 nt->addr & 255);
	}
	/* The network's first address: placed by it or a longer prefix. */
	if (cs_estate_locate(e, ip, &w) != 0 || w.net == NULL ||
	    w.net->v6 != nt->v6 || w.net->prefix < nt->prefix ||
	    w.site == NULL || w.dept == NULL || w.zone != w.net->zone ||
	    strcmp(w.site->id, w.net->site) != 0 ||
	    strcmp(w.dept->id, w.site->dept) != 0)
		abort();
	if (w.net->prefix == nt->prefix && w.net != nt)
		abort(); /* the same network twice */
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char err[2048];
	struct cs_estate *e;

	memset(err, 'x', sizeof(err));
	e = cs_estate_parse(NAME, data, size, err, sizeof(err));
	check_str(err, sizeof(err));
	if (e == NULL) {
		if (strncmp(err, NAME ":", strlen(NAME ":")) != 0)
			abort();
		return 0;
	}
	if (err[0] != '\0' || e->ndept > CS_ESTATE_MAX_ITEMS ||
	    e->nsite > CS_ESTATE_MAX_ITEMS || e->nnet > CS_ESTATE_MAX_ITEMS)
		abort();
	for (size_t i = 0; i < e->ndept; i++) {
		check_id(e->dept[i].id, sizeof(e->dept[i].id));
		check_str(e->dept[i].name, sizeof(e->dept[i].name));
		for (size_t j = 0; j < i; j++)
			if (strcmp(e->dept[i].id, e->dept[j].id) == 0)
				abort();
	}
	for (size_t i = 0; i < e->nsite; i++) {
		const struct cs_estate_site *st = &e->site[i];
		bool dept = false;

		check_id(st->id, sizeof(st->id));
		check_str(st->name, sizeof(st->name));
		check_str(st->reason, sizeof(st->reason));
		if (cs_estate_site_find(e, st->id) != st ||
		    st->sensitive != (st->reasons != 0) ||
		    (st->reasons & ~0xFu) != 0 ||
		    (st->reason[0] != '\0') != st->sensitive)
			abort();
		for (size_t j = 0; j < e->ndept && !dept; j++)
			dept = strcmp(e->dept[j].id, st->dept) == 0;
		if (!dept)
			abort();
	}
	for (size_t i = 0; i < e->nnet; i++)
		check_net(e, &e->net[i]);
	if (e->nvlan > CS_ESTATE_MAX_ITEMS || e->nsw > CS_ESTATE_MAX_ITEMS)
		abort();
	for (size_t i = 0; i < e->nvlan; i++) {
		const struct cs_estate_vlan *v = &e->vlan[i];
		enum cs_zone vz, sz;

		check_str(v->site, sizeof(v->site));
		if (v->id < 1 || v->id > 4094 || v->line == 0 ||
		    v->zone < CS_ZONE_CORE || v->zone > CS_ZONE_OTHER ||
		    (v->site[0] && cs_estate_site_find(e, v->site) == NULL))
			abort();
		for (size_t j = 0; j < i; j++)
			if (e->vlan[j].id == v->id &&
			    strcmp(e->vlan[j].site, v->site) == 0)
				abort();
		/* its own site (or, for every site, one no site-bound line
		 * of the same id overrides) places it in its zone */
		(void)cs_estate_place_zone(e, v->site, NULL, v->id, &vz, &sz);
		if (vz != v->zone || sz != CS_ZONE_UNMAPPED)
			abort();
	}
	for (size_t i = 0; i < e->nsw; i++) {
		const struct cs_estate_switch *w = &e->sw[i];
		enum cs_zone vz, sz;

		check_id(w->name, sizeof(w->name));
		check_str(w->site, sizeof(w->site));
		if (w->line == 0 || w->zone < CS_ZONE_CORE ||
		    w->zone > CS_ZONE_OTHER ||
		    (w->site[0] && cs_estate_site_find(e, w->site) == NULL))
			abort();
		for (size_t j = 0; j < i; j++)
			if (strcmp(e->sw[j].name, w->name) == 0 &&
			    strcmp(e->sw[j].site, w->site) == 0)
				abort();
		(void)cs_estate_place_zone(e, w->site, w->name, 0, &vz, &sz);
		if (sz != w->zone || vz != CS_ZONE_UNMAPPED)
			abort();
	}
	cs_estate_free(e);
	return 0;
}
