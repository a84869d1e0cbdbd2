/* SPDX-License-Identifier: ISC */
/*
 * SHA-256 digests (libsodium) of files and of the data a run used: what
 * an assessment records (the estate file's hash, a digest of the rule and
 * entity data) and what an evidence pack's manifest lists.
 */
#ifndef CS_EVIDENCE_DIGEST_H
#define CS_EVIDENCE_DIGEST_H

#include <stddef.h>
#include <stdint.h>

#define CS_SHA256_HEX 65 /* 64 hex digits and a NUL */

/* Initialises libsodium once; 0 or -1. */
int cs_ev_init(void);

/* Writes the lower-case hex SHA-256 of n bytes at p into out. */
void cs_ev_sha256_hex(const void *p, size_t n, char out[CS_SHA256_HEX]);

/*
 * The names of the entries of dir/sub that do not start with '.', sorted
 * bytewise, in a new array of new strings (*names, *n; free with
 * cs_ev_names_free).  Returns 0, or -1 when the directory cannot be read.
 */
int cs_ev_list_dir(const char *dir, const char *sub, char ***names, size_t *n);
void cs_ev_names_free(char **names, size_t n);

/*
 * A digest of the data files under dir that decide findings: every
 * regular file of dir/policy and dir/entities, by name, as
 * "sha256:" and the first 16 hex digits of SHA-256 over each file's
 * "subdir/name", a NUL and its own SHA-256.  Writes "" when neither
 * directory can be read.
 */
void cs_ev_data_digest(const char *dir, char *out, size_t outsz);

#endif /* CS_EVIDENCE_DIGEST_H */
