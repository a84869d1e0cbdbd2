/* SPDX-License-Identifier: ISC */
/*
 * A minimal POSIX ustar writer and a pure, bounded reader, for evidence
 * packs: regular files only, names of at most 99 bytes, relative, without
 * "." or ".." components.  The reader accounts for every byte of the
 * archive (headers, their checksums, the zero padding after each file and
 * the zero blocks at the end), so any change to a pack is either inside a
 * file (which its hash catches) or reported here.
 */
#ifndef CS_EVIDENCE_TAR_H
#define CS_EVIDENCE_TAR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/buf.h"

#define CS_TAR_NAME_MAX 99
#define CS_TAR_MAX_ENTRIES 4096

/*
 * Appends one regular file (name, n bytes at p, mode 0600, mtime) to the
 * archive in b.  Returns 0, CS_EINVAL (bad name) or the cs_buf error.
 */
int cs_tar_add(struct cs_buf *b, const char *name, const void *p, size_t n,
	       int64_t mtime);

/* Appends the two zero blocks that end an archive. */
int cs_tar_finish(struct cs_buf *b);

struct cs_tar_entry {
	char name[CS_TAR_NAME_MAX + 1];
	size_t off; /* of its data in the archive */
	size_t len;
};

struct cs_tar {
	struct cs_tar_entry *v; /* owned */
	size_t n;
};

/*
 * Reads the archive of n bytes at p (borrowed): its entries, in order,
 * into t (free with cs_tar_free).  Returns 0, or CS_EINVAL with a message
 * in err naming the entry or offset that is wrong (bad header checksum,
 * a name that is not a plain relative path, a type other than a regular
 * file, a size past the end, non-zero padding, bytes after the end
 * blocks).  t holds the entries read before the error.
 */
int cs_tar_read(const uint8_t *p, size_t n, struct cs_tar *t, char *err,
		size_t errsz);

void cs_tar_free(struct cs_tar *t);

/* The entry named name, or NULL. */
const struct cs_tar_entry *cs_tar_find(const struct cs_tar *t,
				       const char *name);

/* True for a name the writer accepts. */
bool cs_tar_name_ok(const char *name);

#endif /* CS_EVIDENCE_TAR_H */
