/* SPDX-License-Identifier: ISC */
/*
 * The check use case (audit/check.h): every data file camsweep and camsim
 * read, validated with the loaders the commands themselves use, so a
 * file that passes here loads there.  Reads only.
 */
#include "audit/check.h"

#include <dirent.h>
#include <json-c/json.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "camsim_profile.h"
#include "core/alloc.h"
#include "core/buf.h"
#include "core/str.h"
#include "engine/scope.h"
#include "fp/fp.h"
#include "oui/models.h"
#include "oui/oui.h"
#include "passive/phonehome.h"
#include "policy/estate.h"
#include "policy/regime.h"
#include "vuln/vuln.h"
#include "core/poison.h"

#define ERR_MAX 8192 /* bytes of messages kept from one loader */

static void
result(struct cs_audit_check *c, bool ok, const char *what, const char *err,
       const char *detail)
{
	if (ok)
		c->ok++;
	else
		c->bad++;
	if (c->fn != NULL)
		c->fn(c->arg, ok, what, err, detail);
}

/*
 * The result of an example run: fails failures whose lines the run wrote
 * to the memory stream m (NULL when none could be opened: then only the
 * count), given as the result's messages followed by "what: N failing".
 */
static void
examples_result(struct cs_audit_check *c, const char *what, int fails, FILE *m,
		char **text)
{
	struct cs_buf b;
	char last[96];

	if (m != NULL)
		fclose(m);
	snprintf(last, sizeof(last), "%s: %d failing", what, fails);
	cs_buf_init(&b, (size_t)1 << 24);
	if (*text != NULL)
		cs_buf_adds(&b, *text);
	cs_buf_adds(&b, last);
	cs_buf_add(&b, "", 1);
	result(c, fails == 0, what, b.p ? (const char *)b.p : last, NULL);
	cs_buf_free(&b);
	free(*text);
	*text = NULL;
}

bool
cs_audit_is_dir(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* The names in dir ending with ext, sorted; *n gets the count. */
static char **
list_dir(const char *dir, const char *ext, size_t *n)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char **v = NULL;
	size_t cap = 0, el = strlen(ext);

	*n = 0;
	if (d == NULL)
		return NULL;
	while ((e = readdir(d)) != NULL) {
		size_t len = strlen(e->d_name);

		if (e->d_name[0] == '.' || len <= el ||
		    strcmp(e->d_name + len - el, ext) != 0)
			continue;
		if (*n == cap) {
			cap = cap ? cap * 2 : 16;
			v = cs_xrealloc(v, cap, sizeof(*v));
		}
		v[(*n)++] = cs_xstrdup(e->d_name);
	}
	closedir(d);
	for (size_t i = 1; i < *n; i++) /* insertion sort: short lists */
		for (size_t j = i; j > 0 && strcmp(v[j - 1], v[j]) > 0; j--) {
			char *t = v[j];
			v[j] = v[j - 1];
			v[j - 1] = t;
		}
	return v;
}

static void
free_list(char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

/* Returns the loaded tables (the caller frees them) or NULL. */
static struct cs_fpdb *
check_fp(struct cs_audit_check *c, const char *data, char *err)
{
	char fpd[4096], ent[4096], detail[64], *text = NULL;
	struct cs_fpdb *db;
	size_t len = 0;
	FILE *m;
	int fails;

	snprintf(fpd, sizeof(fpd), "%s/fingerprints", data);
	snprintf(ent, sizeof(ent), "%s/entities", data);
	err[0] = '\0';
	db = cs_fpdb_load(fpd, ent, err, ERR_MAX);
	if (db == NULL) {
		result(c, false, fpd, err, NULL);
		return NULL;
	}
	snprintf(detail, sizeof(detail), "(%zu rules)", cs_fpdb_rule_count(db));
	result(c, true, "entities and fingerprint rules", NULL, detail);
	/* The rules' own examples, each failure "file:line: rule: message". */
	m = open_memstream(&text, &len);
	fails = cs_fpdb_check_examples_to(db, m);
	examples_result(c, "fingerprint rule examples", fails, m, &text);
	return db;
}

static void
check_models(struct cs_audit_check *c, const char *data, char *err)
{
	char path[4096];
	struct cs_models *m;

	snprintf(path, sizeof(path), "%s/entities/models.tsv", data);
	err[0] = '\0';
	m = cs_models_load(path, err, ERR_MAX);
	result(c, m != NULL, path, err, NULL);
	cs_models_free(m);
}

static void
check_oui_map(struct cs_audit_check *c, const char *data, char *err)
{
	struct cs_oui *db = cs_oui_new();
	char path[4096];

	char detail[32];
	int n;

	snprintf(path, sizeof(path), "%s/entities/oui-registrants.tsv", data);
	err[0] = '\0';
	n = cs_oui_load_map(db, path, err, ERR_MAX); /* rows, or an error */
	snprintf(detail, sizeof(detail), "(%d rows)", n);
	result(c, n >= 0, path, err, detail);
	cs_oui_free(db);
}

/* The regimes, then their inline examples against the entity tables of
 * db (NULL when those did not load: the examples cannot run). */
static void
check_regimes(struct cs_audit_check *c, const char *data,
	      const struct cs_fpdb *db, char *err)
{
	char dir[4096], detail[64], *text = NULL;
	struct cs_regime_set set;
	size_t len = 0;
	FILE *m;
	int rc, fails;

	snprintf(dir, sizeof(dir), "%s/policy", data);
	cs_regime_set_init(&set);
	err[0] = '\0';
	rc = cs_regime_load_dir(&set, dir, err, ERR_MAX);
	snprintf(detail, sizeof(detail), "(%zu regimes)", set.n);
	result(c, rc == 0, dir, err, detail);
	if (rc == 0 && db == NULL)
		result(c, false, "regime examples",
		       "regime examples: not run (the entity tables did not "
		       "load)",
		       NULL);
	else if (rc == 0) {
		m = open_memstream(&text, &len);
		fails = cs_regime_check_examples(&set, db, m);
		examples_result(c, "regime examples", fails, m, &text);
	}
	cs_regime_set_free(&set);
}

/*
 * The vulnerability and end-of-support tables, then the vulns' examples
 * (the first failure's "file:line: ..." and the count).
 */
static void
check_vulns(struct cs_audit_check *c, const char *data, char *err)
{
	char dir[4096], detail[96], *text = NULL;
	struct cs_vulndb *db;
	size_t fails, len = 0;
	FILE *m;

	snprintf(dir, sizeof(dir), "%s/vulns", data);
	err[0] = '\0';
	db = cs_vulndb_load(dir, err, ERR_MAX);
	if (db == NULL) {
		result(c, false, dir, err, NULL);
		return;
	}
	snprintf(detail, sizeof(detail),
		 "(%zu vulnerabilities, %zu end-of-support rows)",
		 cs_vulndb_count(db), cs_vulndb_eos_count(db));
	result(c, true, dir, NULL, detail);
	err[0] = '\0';
	fails = cs_vulndb_check_examples(db, err, ERR_MAX);
	m = open_memstream(&text, &len);
	if (m != NULL && fails > 0)
		fprintf(m, "%s\n", err);
	examples_result(c, "vulnerability examples", (int)fails, m, &text);
	cs_vulndb_free(db);
}

static void
check_phonehome(struct cs_audit_check *c, const char *data, char *err)
{
	char dir[4096];
	struct cs_ph ph;

	snprintf(dir, sizeof(dir), "%s/phonehome", data);
	memset(&ph, 0, sizeof(ph));
	err[0] = '\0';
	result(c, cs_ph_load(&ph, dir, err, ERR_MAX) == 0, dir, err, NULL);
	cs_ph_free(&ph);
}

static void
check_scope(struct cs_audit_check *c, const char *data, char *err)
{
	char spec[4096];
	struct cs_interval *v = NULL;
	size_t n = 0;

	snprintf(spec, sizeof(spec), "@%s/scope/exclude.conf", data);
	err[0] = '\0';
	result(c, cs_scope_parse_spec(spec, &v, &n, err, ERR_MAX) == 0,
	       spec + 1, err, NULL);
	free(v);
}

/*
 * True if some profile of dir/profiles (names v, n of them) "extends"
 * name: an abstract parent such as base-onvif is not a device and is
 * validated through the profiles that extend it.
 */
static bool
is_parent(const char *dir, char **v, size_t n, const char *name)
{
	for (size_t i = 0; i < n; i++) {
		char path[4400];
		json_object *o, *x;
		bool hit;

		snprintf(path, sizeof(path), "%s/profiles/%s", dir, v[i]);
		if ((o = json_object_from_file(path)) == NULL)
			continue;
		hit = json_object_object_get_ex(o, "extends", &x) &&
		      json_object_is_type(x, json_type_string) &&
		      strcmp(json_object_get_string(x), name) == 0;
		json_object_put(o);
		if (hit)
			return true;
	}
	return false;
}

static void
check_camsim(struct cs_audit_check *c, const char *data, char *err)
{
	char dir[4096], sub[4200], what[ERR_MAX + 4400];
	const char *kinds[] = {"profiles", "mixes"};

	snprintf(dir, sizeof(dir), "%s/camsim", data);
	for (size_t k = 0; k < CS_NELEM(kinds); k++) {
		size_t n;
		char **v;
		unsigned bad = 0;

		snprintf(sub, sizeof(sub), "%s/%s", dir, kinds[k]);
		v = list_dir(sub, ".json", &n);
		if (n == 0) {
			result(c, false, sub, "no .json files", NULL);
			free_list(v, n);
			continue;
		}
		for (size_t i = 0; i < n; i++) {
			char name[256];
			void *o;

			cs_strlcpy(name, v[i], sizeof(name));
			name[strlen(name) - 5] = '\0'; /* ".json" */
			err[0] = '\0';
			if (k == 0) {
				o = cs_camsim_profile_load(dir, name, err,
							   ERR_MAX);
				cs_camsim_profile_free(o);
				if (o == NULL && is_parent(dir, v, n, name))
					continue; /* checked via its children */
			} else {
				o = cs_camsim_set_load(dir, name, err, ERR_MAX);
				cs_camsim_set_free(o);
			}
			if (o == NULL) {
				/* JSON has no line numbers: file: message. */
				snprintf(what, sizeof(what), "%s/%s: %s", sub,
					 v[i], err);
				result(c, false, what, what, NULL);
				bad++;
			}
		}
		if (bad == 0) {
			snprintf(what, sizeof(what), "(%zu files)", n);
			result(c, true, sub, NULL, what);
		}
		free_list(v, n);
	}
}

static void
check_estate(struct cs_audit_check *c, const char *path, char *err)
{
	struct cs_estate *e;
	char detail[80];

	err[0] = '\0';
	e = cs_estate_load(path, err, ERR_MAX);
	if (e != NULL)
		snprintf(detail, sizeof(detail), "(%zu sites, %zu networks)",
			 e->nsite, e->nnet);
	result(c, e != NULL, path, err, e != NULL ? detail : NULL);
	cs_estate_free(e);
}

void
cs_audit_check_run(struct cs_audit_check *c, const char *data,
		   char *const *estates, size_t nest)
{
	struct cs_fpdb *db;
	char *err = cs_xmalloc(ERR_MAX);

	db = check_fp(c, data, err);
	check_models(c, data, err);
	check_oui_map(c, data, err);
	check_regimes(c, data, db, err);
	cs_fpdb_free(db);
	check_vulns(c, data, err);
	check_phonehome(c, data, err);
	check_scope(c, data, err);
	check_camsim(c, data, err);
	{
		char dir[4096], path[4400];
		size_t n;
		char **v;

		snprintf(dir, sizeof(dir), "%s/estate", data);
		v = list_dir(dir, ".estate", &n);
		for (size_t i = 0; i < n; i++) {
			snprintf(path, sizeof(path), "%s/%s", dir, v[i]);
			check_estate(c, path, err);
		}
		free_list(v, n);
	}
	for (size_t i = 0; i < nest; i++)
		check_estate(c, estates[i], err);
	free(err);
}
