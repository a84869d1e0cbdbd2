/* SPDX-License-Identifier: ISC */
/*
 * Signed evidence packs (issue #20): one tar archive holding what an
 * assessment decided and what it was decided from - the reports (full
 * HTML, the board paper, JSON, CSV), the inventory export, the rule and
 * entity data files, the versions (program, data digest, MAC registry
 * files), the estate file as the assessment read it, the command lines,
 * and attestation templates filled from the figures - with a manifest of
 * SHA-256 hashes (sha256sum format) signed with an Ed25519 key the user
 * holds (libsodium).  Verification checks every byte: each file against
 * the manifest, the manifest against its signature, and the archive's
 * own structure, and names each file that differs.
 */
#ifndef CS_EVIDENCE_EVIDENCE_H
#define CS_EVIDENCE_EVIDENCE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/buf.h"
#include "report/report.h"
#include "store/store.h"

#define CS_EV_PK_BYTES 32
#define CS_EV_SK_BYTES 64
#define CS_EV_MANIFEST "MANIFEST.sha256"
#define CS_EV_SIGNATURE "MANIFEST.sig"

/*
 * Writes a new key pair: the secret key to path (created 0600, never
 * overwritten) and the public key to path.pub.  Returns 0, or -1 with a
 * message in err.
 */
int cs_ev_keygen(const char *path, char *err, size_t errsz);

/* Reads a secret key file (must be 0600 or stricter).  0 or -1. */
int cs_ev_load_secret(const char *path, uint8_t sk[CS_EV_SK_BYTES], char *err,
		      size_t errsz);

/* Reads a public key file (or a secret key file's public half). */
int cs_ev_load_public(const char *path, uint8_t pk[CS_EV_PK_BYTES], char *err,
		      size_t errsz);

/* What a pack is made from, besides the inventory. */
struct cs_ev_pack_opts {
	const char *data_dir;     /* holds policy/ and entities/ */
	const char *tool_version; /* the program's */
	const struct cs_report_registry *registry; /* MAC registry files */
	size_t nregistry;
	const char *marking;
	int64_t now;         /* the pack's time (reports, tar mtimes) */
	const char *command; /* this command line */
	const uint8_t *sk;   /* the signing key, CS_EV_SK_BYTES */
};

/*
 * Builds the pack of the newest recorded assessment of s into tar (an
 * initialised cs_buf).  Returns 0, or a cs error with a message in err
 * (no assessment recorded; the recorded estate text does not match its
 * hash; a report or data file that cannot be written).
 */
int cs_ev_pack(struct cs_store *s, const struct cs_ev_pack_opts *o,
	       struct cs_buf *tar, char *err, size_t errsz);

/* One thing verification found wrong: the file it concerns and how. */
typedef void (*cs_ev_problem_cb)(void *arg, const char *file, const char *what);

/*
 * Verifies the pack of n bytes at p.  pk: the trusted public key, or NULL
 * to check against the key the pack names (whose hex is then written to
 * key_hex, 65 bytes, for the caller to compare).  Calls cb for each
 * problem and returns their number (0: every file matches the signed
 * manifest and the archive is intact).
 */
int cs_ev_verify(const uint8_t *p, size_t n, const uint8_t *pk,
		 cs_ev_problem_cb cb, void *arg, char key_hex[65],
		 size_t *nfiles);

/*
 * The attestation templates filled from the inventory's active findings
 * of scan scan_id (internal to the pack; exposed for tests).  Appends to
 * b the template named which: "uk-gsg-return", "far-52.204-24-25-26" or
 * "2cfr-200.216".  Returns 0 or a cs error.
 */
int cs_ev_attestation(struct cs_store *s, const struct cs_assessment *a,
		      const char *which, int64_t now, struct cs_buf *b);

#endif /* CS_EVIDENCE_EVIDENCE_H */
