/* SPDX-License-Identifier: ISC */
/*
 * The credentials file (`camsweep scan --credentials FILE`), documented
 * in docs/credentials.md.  One credential per line:
 *
 *     <scope-spec> <digest|basic> <user> <password>
 *
 * scope-spec is an address, CIDR or range as scope.h parses them ("@file"
 * is refused); fields are separated by spaces or tabs; the password is
 * the rest of the line (inner spaces kept, outer ones trimmed); '#'
 * starts a comment line; blank lines are ignored.  For a host, the first
 * line whose scope-spec contains it applies; a host no line names gets no
 * credential at all (no defaults, no guessing).
 *
 * The file is refused unless it is a regular file (not a symbolic link)
 * owned by the effective user, with no permission bits for group or
 * others (mode 0600 or stricter), as ssh does for private keys.
 * Passwords are never printed: error messages name the file and line
 * only.  cs_creds_free wipes every password with explicit_bzero.
 */
#ifndef CS_ENGINE_CREDS_H
#define CS_ENGINE_CREDS_H

#include <stddef.h>
#include <stdint.h>

#include "engine/scope.h"
#include "probe/http_auth.h"

#define CS_CREDS_FILE_MAX (64u * 1024u) /* bytes of a credentials file */
#define CS_CREDS_MAX 1024               /* lines with a credential */

struct cs_cred_entry {
	struct cs_interval *iv; /* owned; the hosts this credential is for */
	size_t niv;
	struct cs_cred cred;
};

struct cs_creds {
	struct cs_cred_entry *v; /* owned array */
	size_t n;
};

/* Initialises an empty set (which names no host). */
void cs_creds_init(struct cs_creds *c);

/*
 * Loads the credentials file at path into c (initialised, empty).
 * Returns 0, or CS_EINVAL with "path: reason" or "path:line: reason" in
 * err (errsz bytes) when the file is missing, not a regular file, a
 * symbolic link, not owned by the effective user, readable or writable
 * by group or others, larger than CS_CREDS_FILE_MAX, or has a bad line;
 * c is then empty (and wiped).
 */
int cs_creds_load(struct cs_creds *c, const char *path, char *err,
		  size_t errsz);

/*
 * Reads the private file at path (at most max bytes; a larger file is
 * refused) into *out (max + 1 bytes allocated, wipe and free() them) of
 * *outlen bytes, with the checks of cs_creds_load: a regular file, not a
 * symbolic link, owned by the effective user, no access for group or
 * others.  Returns 0 or CS_EINVAL with "path: reason" in err.  Also the
 * switches file's reader (`camsweep switches`).
 */
int cs_creds_read_private(const char *path, size_t max, uint8_t **out,
			  size_t *outlen, char *err, size_t errsz);

/*
 * Parses credentials from memory (p, n bytes; no permission checks: for
 * tests and for cs_creds_load).  name is used in messages.  Returns as
 * cs_creds_load.
 */
int cs_creds_parse(struct cs_creds *c, const char *name, const uint8_t *p,
		   size_t n, char *err, size_t errsz);

/*
 * Returns the credential for ip (host order), or NULL if no line names
 * it.  The pointer is owned by c and valid until cs_creds_free.
 */
const struct cs_cred *cs_creds_lookup(const struct cs_creds *c, uint32_t ip);
/* The same for an address of either family. */
const struct cs_cred *cs_creds_lookup_addr(const struct cs_creds *c,
					   const struct cs_addr *a);

/* Wipes every password, frees everything and leaves c empty. */
void cs_creds_free(struct cs_creds *c);

#endif /* CS_ENGINE_CREDS_H */
