/* SPDX-License-Identifier: ISC */
/*
 * Fuzz target: the .vuln loader and the firmware version forms
 * (vuln/vuln.c, vuln/fwver.c).  The input is loaded as a .vuln file; a
 * table that loads must have its caps kept and every fact's sources
 * resolved, and its examples and the matcher run over it (units made from
 * its own examples).  The input's first line is also parsed as a firmware
 * version under several hints: a parse must be self-consistent (a failure
 * leaves scheme none; a success compares equal to itself when ordered,
 * and its canonical text parses again), and its age on a few dates is
 * either unknown or not negative.  The end-of-support rows of a table
 * that loads must each have a source, and the verdict over a unit made of
 * each row's maker and first model pattern must say why, with a row when
 * it says past support.
 */
#include "fuzz.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "vuln/fwver.h"
#include "vuln/vuln.h"
#include "core/poison.h"

static void
check_str(const char *s, size_t n)
{
	if (memchr(s, '\0', n) == NULL)
		abort();
}

static void
versions(const uint8_t *data, size_t size)
{
	static const char *const hints[] = {NULL,     "Hikvision", "Dahua",
					    "Axis",   "Reolink",   "Uniview",
					    "Avtech", "Acme"};
	const uint8_t *nl = memchr(data, '\n', size);
	size_t n = nl != NULL ? (size_t)(nl - data) : size;

	for (size_t h = 0; h < sizeof(hints) / sizeof(hints[0]); h++) {
		struct cs_fwver v, w;
		int c = 1;

		if (cs_fwver_parse(data, n, hints[h], &v) != 0) {
			if (v.scheme != CS_FW_NONE)
				abort();
			continue;
		}
		check_str(v.canon, sizeof(v.canon));
		check_str(v.platform, sizeof(v.platform));
		check_str(v.oem, sizeof(v.oem));
		check_str(v.suffix, sizeof(v.suffix));
		if (v.scheme == CS_FW_NONE || v.nnum > CS_FWVER_MAX_NUMS)
			abort();
		if (cs_fwver_cmp(&v, &v, &c) == 0 && c != 0)
			abort();
		if (v.ordered && v.scheme != CS_FW_HIKVISION &&
		    v.scheme != CS_FW_DAHUA && cs_fwver_cmp(&v, &v, &c) != 0)
			abort();
		(void)cs_fwver_parse((const uint8_t *)v.canon, strlen(v.canon),
				     hints[h], &w);
		(void)cs_fwver_in_line(&v, "2.800");
		for (size_t k = 0; k < 3; k++) {
			static const uint32_t dates[] = {20000101, 20261207,
							 99991231};
			int64_t days = -1;
			int r = cs_fwver_age(&v, dates[k], &days);

			if ((r == 0 && days < 0) || (r != 0 && days != 0))
				abort();
		}
	}
}

/* Each eos row: sourced; the verdict on a unit made of its fields. */
static void
eos(const struct cs_vulndb *db)
{
	for (size_t i = 0; i < cs_vulndb_eos_count(db); i++) {
		const struct cs_eos *e = cs_vulndb_eos_get(db, i);
		char model[128];
		const char *bar = strchr(e->models, '|');
		size_t n =
		    bar != NULL ? (size_t)(bar - e->models) : strlen(e->models);
		struct cs_vuln_unit u = {e->maker, NULL, model, e->models,
					 NULL};
		struct cs_eos_verdict v;

		if (strncmp(e->sources, "http", 4) != 0 || e->maker[0] == '\0')
			abort();
		check_str(e->note, sizeof(e->note));
		if (n >= sizeof(model))
			n = sizeof(model) - 1;
		memcpy(model, e->models, n);
		model[n] = '\0';
		if (cs_eos_assess(db, &u, 20261207, &v) != 0)
			abort();
		check_str(v.why, sizeof(v.why));
		if (v.dated && v.age_days < 0)
			abort();
		if (v.past && v.row == NULL)
			abort();
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char err[1024];
	struct cs_vulndb *db;
	struct cs_vuln_hit hits[8];

	versions(data, size);
	db = cs_vulndb_load_mem("f.vuln", data, size, err, sizeof(err));
	check_str(err, sizeof(err));
	if (db == NULL)
		return 0;
	for (size_t i = 0; i < cs_vulndb_count(db); i++) {
		const struct cs_vuln *v = cs_vulndb_get(db, i);

		if (v->nrules == 0 || v->nrules > CS_VULN_MAX_RULES ||
		    v->nexamples == 0 || v->nexamples > CS_VULN_MAX_EXAMPLES ||
		    strncmp(v->cvss_sources, "http", 4) != 0)
			abort();
		check_str(v->title, sizeof(v->title));
		for (size_t k = 0; k < v->nrules; k++)
			if (strncmp(v->rules[k].sources, "http", 4) != 0)
				abort();
		for (size_t k = 0; k < v->nexamples; k++) {
			const struct cs_vuln_example *e = &v->examples[k];
			struct cs_vuln_unit u = {e->maker, e->brand, e->model,
						 e->firmware, e->lineage};
			size_t nh = cs_vuln_match(db, &u, hits, 8);

			for (size_t j = 0; j < nh && j < 8; j++) {
				if (hits[j].verdict == CS_VULN_NONE ||
				    hits[j].vuln == NULL ||
				    hits[j].rule == NULL)
					abort();
				check_str(hits[j].why, sizeof(hits[j].why));
			}
		}
	}
	eos(db);
	(void)cs_vulndb_check_examples(db, err, sizeof(err));
	check_str(err, sizeof(err));
	cs_vulndb_free(db);
	return 0;
}
