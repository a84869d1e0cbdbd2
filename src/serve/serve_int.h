/* SPDX-License-Identifier: ISC */
/*
 * What the server's own files share (the .c files of src/serve): logging,
 * sessions, scope lists and accounts.  Pages need only serve.h.
 */
#ifndef CS_SERVE_SERVE_INT_H
#define CS_SERVE_SERVE_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/cs.h"
#include "serve/serve.h"

struct cs_store;

/* One line on stderr, "camsweep serve: ..." (terminal-escaped). */
void cs_serve_log(const char *fmt, ...) CS_PRINTF(1, 2);

/* The session of token of kind ("api", "page") that has not expired,
 * into u: 0, CS_ENOTFOUND or CS_EIO. */
int cs_serve_session_find(struct cs_store *st, const char *token,
			  const char *kind, struct cs_serve_user *u);

/* The sites user may see (its sites and its departments' sites): a new
 * array of new strings in *v (free each and the array), count in *n. */
int cs_serve_user_sites(struct cs_store *st, const char *user, char ***v,
			size_t *n);

/* Empties every thread's answer cache (a change through the server). */
void cs_serve_cache_bump(void);

/* ---------------------------------------------------------------------- */
/* Accounts (auth.c). */

#define CS_SERVE_PW_MAX 1024 /* bytes of a password */

/*
 * Reads a password from path ("-": standard input): the first line,
 * without its line ending; the file must hold nothing else but that one
 * line (and one final newline).  0 with the password in pw (pwsz bytes),
 * or CS_EINVAL (empty, a NUL, a second line, too long: err says which),
 * CS_EIO (cannot read).
 */
int cs_serve_password_read(const char *path, char *pw, size_t pwsz, char *err,
			   size_t errsz);

/* Argon2id encoding of pw with a fresh salt from getrandom: 0 or CS_EIO. */
int cs_serve_password_hash(const char *pw, char *out, size_t outsz);

/* True if pw matches the Argon2id encoding enc. */
bool cs_serve_password_ok(const char *enc, const char *pw);

/* A user name: 1..32 of [a-z0-9_.-], beginning with a letter or digit. */
bool cs_serve_user_name_ok(const char *name);

/* A site or department id for a scope: 1..63 bytes, no control or space. */
bool cs_serve_scope_id_ok(const char *s);

/* n random bytes as 2n hex digits into out (2n+1 bytes): 0 or CS_EIO. */
int cs_serve_random_hex(char *out, size_t n);

/*
 * The login rate limit (in memory): whether a login for user from client
 * may be tried now (false: too many failures lately), and recording one
 * attempt's outcome.
 */
bool cs_serve_rate_ok(const char *user, const char *client, int64_t now);
void cs_serve_rate_note(const char *user, const char *client, bool ok,
			int64_t now);
#define CS_SERVE_RATE_WINDOW 300 /* s */
#define CS_SERVE_RATE_USER 5     /* failures per user per window */
#define CS_SERVE_RATE_CLIENT 20  /* failures per client per window */

/* Audit log insert with an explicit actor (the CLI's "cli:USER"). */
int cs_serve_audit_as(struct cs_store *st, const char *who, const char *client,
		      const char *action, const char *target,
		      const char *before, const char *after);

#endif /* CS_SERVE_SERVE_INT_H */
