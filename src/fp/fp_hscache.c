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
 *
 * Pruning (a new rule set names new files, about 2.8 MB a set): once per
 * process, after it wrote a file, the directory is swept.  Only regular
 * files of our own uid named as this file names them (32 lower-case hex
 * digits and ".hsdb", or a writer's "<that>.<pid>.tmp") are candidates;
 * anything else is never touched.  A file's last use is the later of its
 * mtime (written) and atime (set explicitly on each load, so noatime
 * mounts do not matter).  Kept: every file used in the last hour (a run
 * of any rule set may be using it now), and of the rest, the most
 * recently used up to HSC_KEEP_BYTES (64 MiB, some 20 rule sets) in
 * all, if used within HSC_KEEP_DAYS (30).  Removed: the others, and
 * temporaries older than an hour (a writer that died).  Removing a file
 * another run is reading is harmless: its open file stays readable, a
 * later open compiles again.  The file format is cs_hscache_encode's and
 * cs_hscache_decode's (fuzz/fuzz_hscache.c).
 */
#ifdef CS_HAVE_HYPERSCAN
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "core/cs.h"
#include "core/alloc.h"
#include "core/buf.h"
#include "core/str.h"
#include "core/text.h"
#include "fp/fp_hscache.h"

#define HSC_MAGIC "CSHSDB1"        /* 8 bytes with its NUL */
#define HSC_MAX ((size_t)64 << 20) /* larger files are not ours */
#define HSC_BUSY_SECS 3600         /* used this recently: never removed */
#define HSC_KEEP_DAYS 30           /* unused this long: removed */
#define HSC_KEEP_BYTES ((long long)64 << 20) /* most recent kept, in all */
#define HSC_SCAN_MAX 65536                   /* directory entries looked at */

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

hs_database_t *
cs_hscache_decode(const uint8_t *p, size_t n, const uint64_t key[2])
{
	struct hsc_head h;
	hs_database_t *db = NULL;

	if (n <= sizeof(h) || n > HSC_MAX)
		return NULL;
	memcpy(&h, p, sizeof(h));
	if (memcmp(h.magic, HSC_MAGIC, sizeof(h.magic)) != 0 ||
	    h.key[0] != key[0] || h.key[1] != key[1] ||
	    h.len != n - sizeof(h) ||
	    cs_hash64(key[0], p + sizeof(h), (size_t)h.len) != h.sum)
		return NULL;
	if (hs_deserialize_database((const char *)p + sizeof(h), (size_t)h.len,
				    &db) != HS_SUCCESS)
		return NULL;
	return db;
}

int
cs_hscache_encode(const void *payload, size_t len, const uint64_t key[2],
		  struct cs_buf *out)
{
	struct hsc_head h;

	if (len == 0 || len > HSC_MAX - sizeof(h))
		return CS_ELIMIT;
	memset(&h, 0, sizeof(h));
	memcpy(h.magic, HSC_MAGIC, sizeof(h.magic));
	h.key[0] = key[0];
	h.key[1] = key[1];
	h.len = len;
	h.sum = cs_hash64(key[0], payload, len);
	if (cs_buf_add(out, &h, sizeof(h)) != 0 ||
	    cs_buf_add(out, payload, len) != 0)
		return CS_ELIMIT;
	return 0;
}

/* The database kept at path under key, or NULL; a hit marks its use. */
static hs_database_t *
load(const char *path, const uint64_t key[2])
{
	static const struct timespec used[2] = {{0, UTIME_NOW},
						{0, UTIME_OMIT}};
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
	if (cs_stream_read(f, HSC_MAX, &b) == 0 &&
	    (db = cs_hscache_decode(b.p, b.len, key)) != NULL)
		(void)futimens(fd, used); /* atime: last used (see prune) */
	cs_buf_free(&b);
	fclose(f);
	return db;
}

/* A name of ours: 32 lower-case hex digits and ".hsdb" (*tmp false), or
 * that and ".<pid>.tmp" (*tmp true). */
static bool
our_name(const char *s, bool *tmp)
{
	size_t i;

	for (i = 0; i < 32; i++)
		if (!((s[i] >= '0' && s[i] <= '9') ||
		      (s[i] >= 'a' && s[i] <= 'f')))
			return false;
	if (strncmp(s + i, ".hsdb", 5) != 0)
		return false;
	i += 5;
	*tmp = s[i] != '\0';
	if (!*tmp)
		return true;
	if (s[i++] != '.' || s[i] < '0' || s[i] > '9')
		return false;
	while (s[i] >= '0' && s[i] <= '9')
		i++;
	return strcmp(s + i, ".tmp") == 0;
}

struct hsc_file {
	time_t used;
	long long size;
	char name[48];
};

static int
by_use(const void *a, const void *b)
{
	const struct hsc_file *x = a, *y = b;

	return (x->used < y->used) - (x->used > y->used); /* newest first */
}

/* Removes what the policy above does not keep from dir. */
static void
prune(const char *dir)
{
	struct hsc_file *f = NULL;
	size_t n = 0, cap = 0, seen = 0;
	time_t now = time(NULL);
	long long bytes = 0;
	struct dirent *de;
	DIR *d = opendir(dir);

	if (d == NULL)
		return;
	while ((de = readdir(d)) != NULL && seen++ < HSC_SCAN_MAX) {
		struct stat st;
		bool tmp;

		if (!our_name(de->d_name, &tmp) ||
		    fstatat(dirfd(d), de->d_name, &st, AT_SYMLINK_NOFOLLOW) !=
			0 ||
		    !S_ISREG(st.st_mode) || st.st_uid != geteuid())
			continue;
		if (tmp) {
			if (now - st.st_mtime > HSC_BUSY_SECS)
				(void)unlinkat(dirfd(d), de->d_name, 0);
			continue;
		}
		if (n == cap) {
			cap = cap ? cap * 2 : 256;
			f = cs_xrealloc(f, cap, sizeof(*f));
		}
		f[n].used =
		    st.st_atime > st.st_mtime ? st.st_atime : st.st_mtime;
		f[n].size = (long long)st.st_size;
		cs_strlcpy(f[n].name, de->d_name, sizeof(f[n].name));
		n++;
	}
	if (n > 0)
		qsort(f, n, sizeof(*f), by_use);
	for (size_t i = 0; i < n; i++) {
		time_t age = now - f[i].used;

		if (age <= HSC_BUSY_SECS)
			continue;
		bytes += f[i].size;
		if (bytes > HSC_KEEP_BYTES ||
		    age > (time_t)HSC_KEEP_DAYS * 86400)
			(void)unlinkat(dirfd(d), f[i].name, 0);
	}
	free(f);
	closedir(d);
}

/* Keeps db at path under key: a private temporary, then rename. */
static void
store(const char *path, const uint64_t key[2], const hs_database_t *db)
{
	char *bytes = NULL, tmp[PATH_MAX];
	size_t len = 0;
	struct cs_buf b;
	int fd, n;
	bool ok;

	if (hs_serialize_database(db, &bytes, &len) != HS_SUCCESS)
		return;
	cs_buf_init(&b, HSC_MAX);
	n = snprintf(tmp, sizeof(tmp), "%s.%ld.tmp", path, (long)getpid());
	if (n < 0 || (size_t)n >= sizeof(tmp) ||
	    cs_hscache_encode(bytes, len, key, &b) != 0)
		goto out;
	fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
		  0600);
	if (fd < 0)
		goto out;
	ok = cs_write_all(fd, b.p, b.len) == 0;
	ok = close(fd) == 0 && ok;
	if (!ok || rename(tmp, path) != 0)
		(void)unlink(tmp);
out:
	cs_buf_free(&b);
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
	if (cache) {
		static bool pruned; /* once a process, after a write */

		store(path, key, *out);
		if (!pruned) {
			pruned = true;
			prune(dir);
		}
	}
	return 0;
}
#endif /* CS_HAVE_HYPERSCAN */
