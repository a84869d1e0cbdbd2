/* SPDX-License-Identifier: ISC */
/*
 * Compiled Hyperscan literal databases kept on disk between runs.
 *
 * Compiling the prefilter's databases (fp_pre.c) takes about 0.15 s,
 * nine tenths of a one-line `camsweep identify` and of every short scan;
 * the rules change only with the data files.  So each database is kept,
 * serialized, under a name that hashes everything its compile reads: the
 * library's version, the platform it tunes for, and every literal with
 * its flags and id.  Different rules, another libhs or another CPU name
 * another file; nothing is ever looked up by rule file name or date.
 *
 * A file is trusted only as far as it checks: our header (magic, the
 * name's two hashes, the payload's length and a hash of it), then
 * hs_deserialize_database's own checks.  Anything else (absent, short,
 * corrupt, unreadable, another platform) compiles as before and writes
 * the file again, atomically (a private temporary, then rename).  A cache
 * that cannot be written is not an error.  CAMSWEEP_HS_CACHE=off turns
 * it off; CAMSWEEP_HS_CACHE=DIR puts it in DIR; else
 * $XDG_CACHE_HOME/camsweep/hs or ~/.cache/camsweep/hs (mode 0700).  The
 * files hold only compiled rule literals, no device data.
 */
#ifdef CS_HAVE_HYPERSCAN
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/cs.h"
#include "core/buf.h"
#include "core/str.h"
#include "core/text.h"
#include "fp/fp_hscache.h"

#define HSC_MAGIC "CSHSDB1"        /* 8 bytes with its NUL */
#define HSC_MAX ((size_t)64 << 20) /* larger files are not ours */

struct hsc_head {
	char magic[8];
	uint64_t key[2]; /* the name's hashes */
	uint64_t len;    /* payload bytes */
	uint64_t sum;    /* cs_hash64 of the payload */
};

/* The cache directory into dir (cap bytes), created; false: no cache. */
static bool
cache_dir(char *dir, size_t cap)
{
	const char *e = getenv("CAMSWEEP_HS_CACHE"), *base;
	int n;

	if (e != NULL && strcmp(e, "off") == 0)
		return false;
	if (e != NULL && *e != '\0') {
		n = snprintf(dir, cap, "%s", e);
	} else if ((base = getenv("XDG_CACHE_HOME")) != NULL &&
		   base[0] == '/') {
		n = snprintf(dir, cap, "%s/camsweep/hs", base);
	} else if ((base = getenv("HOME")) != NULL && base[0] == '/') {
		n = snprintf(dir, cap, "%s/.cache/camsweep/hs", base);
	} else {
		return false;
	}
	if (n < 0 || (size_t)n >= cap)
		return false;
	/* mkdir -p, each level private */
	for (char *p = dir + 1; *p != '\0'; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(dir, 0700) != 0 && errno != EEXIST) {
			*p = '/';
			return false;
		}
		*p = '/';
	}
	return mkdir(dir, 0700) == 0 || errno == EEXIST;
}

/* The two hashes that name a database: of everything its compile reads. */
static void
db_key(const char *const *expr, const unsigned *flags, const unsigned *ids,
       const size_t *lens, unsigned n, uint64_t key[2])
{
	hs_platform_info_t plat;
	const char *ver = hs_version();

	memset(&plat, 0, sizeof(plat));
	(void)hs_populate_platform(&plat);
	for (int k = 0; k < 2; k++) {
		uint64_t h = 0x9e3779b97f4a7c15ULL * (uint64_t)(k + 1);

		h = cs_hash64(h, ver, strlen(ver) + 1);
		h = cs_hash64(h, &plat, sizeof(plat));
		h = cs_hash64(h, &n, sizeof(n));
		for (unsigned i = 0; i < n; i++) {
			uint64_t meta[3] = {lens[i], flags[i], ids[i]};

			h = cs_hash64(h, meta, sizeof(meta));
			h = cs_hash64(h, expr[i], lens[i]);
		}
		key[k] = h;
	}
}

/* The database kept at path under key, or NULL. */
static hs_database_t *
load(const char *path, const uint64_t key[2])
{
	struct hsc_head h;
	struct stat st;
	struct cs_buf b;
	hs_database_t *db = NULL;
	FILE *f = NULL;
	int fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);

	if (fd < 0)
		return NULL;
	cs_buf_init(&b, HSC_MAX);
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) ||
	    (f = fdopen(fd, "rb")) == NULL) {
		close(fd);
		return NULL;
	}
	if (cs_stream_read(f, HSC_MAX, &b) != 0 || b.len <= sizeof(h))
		goto out;
	memcpy(&h, b.p, sizeof(h));
	if (memcmp(h.magic, HSC_MAGIC, sizeof(h.magic)) != 0 ||
	    h.key[0] != key[0] || h.key[1] != key[1] ||
	    h.len != b.len - sizeof(h) ||
	    cs_hash64(key[0], b.p + sizeof(h), (size_t)h.len) != h.sum)
		goto out;
	if (hs_deserialize_database((const char *)b.p + sizeof(h),
				    (size_t)h.len, &db) != HS_SUCCESS)
		db = NULL;
out:
	cs_buf_free(&b);
	fclose(f);
	return db;
}

/* Keeps db at path under key: a private temporary, then rename. */
static void
store(const char *path, const uint64_t key[2], const hs_database_t *db)
{
	char *bytes = NULL, tmp[PATH_MAX];
	size_t len = 0;
	struct hsc_head h;
	int fd, n;
	bool ok;

	if (hs_serialize_database(db, &bytes, &len) != HS_SUCCESS)
		return;
	n = snprintf(tmp, sizeof(tmp), "%s.%ld.tmp", path, (long)getpid());
	if (n < 0 || (size_t)n >= sizeof(tmp) || len == 0 || len > HSC_MAX) {
		free(bytes);
		return;
	}
	memset(&h, 0, sizeof(h));
	memcpy(h.magic, HSC_MAGIC, sizeof(h.magic));
	h.key[0] = key[0];
	h.key[1] = key[1];
	h.len = len;
	h.sum = cs_hash64(key[0], bytes, len);
	fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
		  0600);
	if (fd < 0) {
		free(bytes);
		return;
	}
	ok = cs_write_all(fd, &h, sizeof(h)) == 0 &&
	     cs_write_all(fd, bytes, len) == 0;
	ok = close(fd) == 0 && ok;
	if (!ok || rename(tmp, path) != 0)
		(void)unlink(tmp);
	free(bytes); /* hs_serialize_database allocates with malloc */
}

int
cs_hs_compile_lits(const char *const *expr, const unsigned *flags,
		   const unsigned *ids, const size_t *lens, unsigned n,
		   hs_database_t **out)
{
	char dir[PATH_MAX - 64], path[PATH_MAX];
	uint64_t key[2];
	hs_compile_error_t *ce = NULL;
	bool cache = cache_dir(dir, sizeof(dir));

	*out = NULL;
	if (cache) {
		db_key(expr, flags, ids, lens, n, key);
		snprintf(path, sizeof(path), "%s/%016llx%016llx.hsdb", dir,
			 (unsigned long long)key[0],
			 (unsigned long long)key[1]);
		if ((*out = load(path, key)) != NULL)
			return 0;
	}
	if (hs_compile_lit_multi(expr, flags, ids, lens, n, HS_MODE_BLOCK, NULL,
				 out, &ce) != HS_SUCCESS) {
		hs_free_compile_error(ce);
		*out = NULL;
		return -1;
	}
	if (cache)
		store(path, key, *out);
	return 0;
}
#endif /* CS_HAVE_HYPERSCAN */
