/* SPDX-License-Identifier: ISC */
/* SHA-256 of files and of the data directory; see digest.h. */
#include "evidence/digest.h"

#include <dirent.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"
#include "core/str.h"
#include "policy/estate.h"
#include "core/poison.h"

int
cs_ev_init(void)
{
	return sodium_init() < 0 ? -1 : 0;
}

void
cs_ev_sha256_hex(const void *p, size_t n, char out[CS_SHA256_HEX])
{
	unsigned char h[crypto_hash_sha256_BYTES];

	crypto_hash_sha256(h, p, n);
	sodium_bin2hex(out, CS_SHA256_HEX, h, sizeof(h));
}

static int
name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int
cs_ev_list_dir(const char *dir, const char *sub, char ***names, size_t *n)
{
	char path[4096];
	size_t cap = 0;
	struct dirent *de;
	DIR *d;

	*names = NULL;
	*n = 0;
	snprintf(path, sizeof(path), "%s/%s", dir, sub);
	if ((d = opendir(path)) == NULL)
		return -1;
	while ((de = readdir(d)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		if (*n == cap) {
			cap = cap ? cap * 2 : 32;
			*names = cs_xrealloc(*names, cap, sizeof(**names));
		}
		(*names)[(*n)++] = cs_xstrdup(de->d_name);
	}
	closedir(d);
	if (*n > 1)
		qsort(*names, *n, sizeof(**names), name_cmp);
	return 0;
}

void
cs_ev_names_free(char **names, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
}

/* Adds "sub/name" NUL sha256(file) of each regular file of dir/sub. */
static int
hash_dir(crypto_hash_sha256_state *st, const char *dir, const char *sub)
{
	char path[4096], err[256], hex[CS_SHA256_HEX];
	char **names;
	size_t n;

	if (cs_ev_list_dir(dir, sub, &names, &n) != 0)
		return -1;
	for (size_t i = 0; i < n; i++) {
		uint8_t *p;
		size_t len;
		char rel[600];

		snprintf(path, sizeof(path), "%s/%s/%s", dir, sub, names[i]);
		if ((p = cs_policy_read_file(path, (size_t)64 << 20, &len, err,
					     sizeof(err))) != NULL) {
			cs_ev_sha256_hex(p, len, hex);
			free(p);
			snprintf(rel, sizeof(rel), "%s/%s", sub, names[i]);
			crypto_hash_sha256_update(st, (const uint8_t *)rel,
						  strlen(rel) + 1);
			crypto_hash_sha256_update(st, (const uint8_t *)hex, 64);
		}
	}
	cs_ev_names_free(names, n);
	return 0;
}

void
cs_ev_data_digest(const char *dir, char *out, size_t outsz)
{
	crypto_hash_sha256_state st;
	unsigned char h[crypto_hash_sha256_BYTES];
	char hex[CS_SHA256_HEX];
	int ok = 0;

	crypto_hash_sha256_init(&st);
	ok += hash_dir(&st, dir, "policy") == 0;
	ok += hash_dir(&st, dir, "entities") == 0;
	if (!ok) {
		cs_strlcpy(out, "", outsz);
		return;
	}
	crypto_hash_sha256_final(&st, h);
	sodium_bin2hex(hex, sizeof(hex), h, sizeof(h));
	snprintf(out, outsz, "sha256:%.16s", hex);
}
