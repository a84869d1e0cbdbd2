/* SPDX-License-Identifier: ISC */
/*
 * Accounts, sessions and the audit log (serve.h, serve_int.h).  A
 * password is kept only as its Argon2id encoding (libargon2: 64 MiB, 3
 * passes, a 16-byte salt from getrandom); a session or API token only as
 * the SHA-256 of the 32 random bytes the client holds.  No password or
 * token is ever logged.
 */
#include "serve/serve_int.h"

#include <argon2.h>

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <time.h>

#include "core/buf.h"
#include "core/str.h"
#include "core/text.h"
#include "evidence/digest.h"
#include "store/store.h"
#include "core/poison.h"

#define PW_T_COST 3
#define PW_M_COST (64u * 1024) /* KiB */
#define PW_PAR 1
#define PW_SALT 16
#define PW_HASH 32

int
cs_serve_password_read(const char *path, char *pw, size_t pwsz, char *err,
		       size_t errsz)
{
	struct cs_buf b;
	size_t n;
	int rc;

	cs_buf_init(&b, CS_SERVE_PW_MAX + 2);
	if (strcmp(path, "-") == 0)
		rc = cs_stream_read(stdin, CS_SERVE_PW_MAX + 2, &b);
	else
		rc = cs_file_read(path, CS_SERVE_PW_MAX + 2, &b, NULL);
	if (rc == CS_ELIMIT) {
		snprintf(err, errsz,
			 "the password is too long (at most %d "
			 "bytes)",
			 CS_SERVE_PW_MAX);
		goto bad;
	}
	if (rc != 0) {
		snprintf(err, errsz, "cannot read it: %s", strerror(errno));
		cs_buf_free(&b);
		return CS_EIO;
	}
	n = b.len;
	if (n > 0 && b.p[n - 1] == '\n')
		n--;
	if (n > 0 && b.p[n - 1] == '\r')
		n--;
	if (n == 0) {
		snprintf(err, errsz, "the password is empty");
		goto bad;
	}
	if (n > CS_SERVE_PW_MAX || n >= pwsz) {
		snprintf(err, errsz,
			 "the password is too long (at most %d "
			 "bytes)",
			 CS_SERVE_PW_MAX);
		goto bad;
	}
	for (size_t i = 0; i < n; i++) {
		if (b.p[i] == '\0') {
			snprintf(err, errsz, "the password holds a NUL byte");
			goto bad;
		}
		if (b.p[i] == '\n' || b.p[i] == '\r') {
			snprintf(err, errsz,
				 "the file holds more than one line");
			goto bad;
		}
	}
	memcpy(pw, b.p, n);
	pw[n] = '\0';
	explicit_bzero(b.p, b.len);
	cs_buf_free(&b);
	return 0;
bad:
	if (b.p != NULL)
		explicit_bzero(b.p, b.len);
	cs_buf_free(&b);
	return CS_EINVAL;
}

static int
random_bytes(void *p, size_t n)
{
	size_t got = 0;

	while (got < n) {
		ssize_t r = getrandom((char *)p + got, n - got, 0);
		if (r < 0) {
			if (errno == EINTR)
				continue;
			return CS_EIO;
		}
		got += (size_t)r;
	}
	return 0;
}

int
cs_serve_random_hex(char *out, size_t n)
{
	static const char hexd[] = "0123456789abcdef";
	unsigned char raw[64];

	if (n > sizeof(raw) || random_bytes(raw, n) != 0)
		return CS_EIO;
	for (size_t i = 0; i < n; i++) {
		out[2 * i] = hexd[raw[i] >> 4];
		out[2 * i + 1] = hexd[raw[i] & 15];
	}
	out[2 * n] = '\0';
	explicit_bzero(raw, sizeof(raw));
	return 0;
}

int
cs_serve_password_hash(const char *pw, char *out, size_t outsz)
{
	unsigned char salt[PW_SALT];

	if (random_bytes(salt, sizeof(salt)) != 0)
		return CS_EIO;
	if (argon2id_hash_encoded(PW_T_COST, PW_M_COST, PW_PAR, pw, strlen(pw),
				  salt, sizeof(salt), PW_HASH, out,
				  outsz) != ARGON2_OK)
		return CS_EIO;
	return 0;
}

bool
cs_serve_password_ok(const char *enc, const char *pw)
{
	if (enc == NULL || strncmp(enc, "$argon2id$", 10) != 0)
		return false;
	return argon2id_verify(enc, pw, strlen(pw)) == ARGON2_OK;
}

bool
cs_serve_user_name_ok(const char *s)
{
	size_t n = s != NULL ? strlen(s) : 0;

	if (n == 0 || n > 32)
		return false;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
		if (!alnum && (i == 0 || (c != '_' && c != '.' && c != '-')))
			return false;
	}
	return true;
}

bool
cs_serve_scope_id_ok(const char *s)
{
	size_t n = s != NULL ? strlen(s) : 0;

	if (n == 0 || n > 63)
		return false;
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)s[i] <= ' ' || s[i] == 0x7f)
			return false;
	return true;
}

/* ---------------------------------------------------------------------- */
/* The login rate limit: failures per user and per client address within
 * a window, in a small table (the oldest entry makes room). */

#define RL_SLOTS 1024

struct rl {
	char key[80]; /* "u:NAME" or "a:ADDRESS" */
	int64_t start;
	unsigned fails;
};

static struct rl rl_tab[RL_SLOTS];
static pthread_mutex_t rl_lock = PTHREAD_MUTEX_INITIALIZER;

static struct rl *
rl_get(const char *key, int64_t now, bool make)
{
	struct rl *old = &rl_tab[0];

	for (size_t i = 0; i < RL_SLOTS; i++) {
		if (rl_tab[i].key[0] != '\0' &&
		    strcmp(rl_tab[i].key, key) == 0) {
			if (now - rl_tab[i].start >= CS_SERVE_RATE_WINDOW) {
				rl_tab[i].start = now;
				rl_tab[i].fails = 0;
			}
			return &rl_tab[i];
		}
		if (rl_tab[i].start < old->start)
			old = &rl_tab[i];
	}
	if (!make)
		return NULL;
	cs_strlcpy(old->key, key, sizeof(old->key));
	old->start = now;
	old->fails = 0;
	return old;
}

bool
cs_serve_rate_ok(const char *user, const char *client, int64_t now)
{
	char ku[80], ka[80];
	struct rl *u, *a;
	bool ok;

	snprintf(ku, sizeof(ku), "u:%s", user);
	snprintf(ka, sizeof(ka), "a:%s", client);
	pthread_mutex_lock(&rl_lock);
	u = rl_get(ku, now, false);
	ok = u == NULL || u->fails < CS_SERVE_RATE_USER;
	a = rl_get(ka, now, false);
	ok = ok && (a == NULL || a->fails < CS_SERVE_RATE_CLIENT);
	pthread_mutex_unlock(&rl_lock);
	return ok;
}

void
cs_serve_rate_note(const char *user, const char *client, bool ok, int64_t now)
{
	char ku[80], ka[80];
	struct rl *e;

	snprintf(ku, sizeof(ku), "u:%s", user);
	snprintf(ka, sizeof(ka), "a:%s", client);
	pthread_mutex_lock(&rl_lock);
	if (ok) {
		if ((e = rl_get(ku, now, false)) != NULL)
			e->fails = 0;
	} else {
		rl_get(ku, now, true)->fails++;
		rl_get(ka, now, true)->fails++;
	}
	pthread_mutex_unlock(&rl_lock);
}

/* ---------------------------------------------------------------------- */
/* Sessions. */

static int
first_text(void *arg, int ncol, const char *const *val)
{
	char *out = arg;

	if (ncol < 1)
		return CS_EIO;
	cs_strlcpy(out, val[0] ? val[0] : "", 256);
	return 1;
}

/* A valid encoding nobody's password matches, so that an unknown name
 * costs as much time as a known one. */
static char dummy_enc[256];
static pthread_once_t dummy_once = PTHREAD_ONCE_INIT;

static void
dummy_init(void)
{
	char pw[33];

	if (cs_serve_random_hex(pw, 16) == 0)
		cs_serve_password_hash(pw, dummy_enc, sizeof(dummy_enc));
}

static const char *
dummy_hash(void)
{
	pthread_once(&dummy_once, dummy_init);
	return dummy_enc;
}

int
cs_serve_login(struct cs_serve_req *rq, const char *user, const char *password,
	       const char *kind, char token[65], char csrf[65])
{
	char enc[256] = "", hash[CS_SHA256_HEX], now_s[24], exp_s[24],
	     target[96];
	const char *p[6];
	int64_t now = (int64_t)time(NULL);
	bool ok;
	int rc;

	if (strcmp(kind, "api") != 0 && strcmp(kind, "page") != 0)
		return CS_EINVAL;
	if (!cs_serve_rate_ok(user, rq->client, now))
		return CS_ELIMIT;
	p[0] = user;
	rc = cs_serve_user_name_ok(user)
		 ? cs_store_query(rq->store,
				  "SELECT pwhash FROM app_user WHERE name = $1",
				  p, 1, first_text, enc)
		 : 0;
	if (rc < 0)
		return CS_EIO;
	ok = cs_serve_password_ok(rc == 1 ? enc : dummy_hash(), password) &&
	     rc == 1;
	explicit_bzero(enc, sizeof(enc));
	cs_serve_rate_note(user, rq->client, ok, now);
	snprintf(target, sizeof(target), "user:%s",
		 cs_serve_user_name_ok(user) ? user : "?");
	if (!ok) {
		cs_serve_audit_as(rq->store, "-", rq->client, "login.fail",
				  target, "", "");
		return CS_ENOTFOUND;
	}
	if (cs_serve_random_hex(token, 32) != 0)
		return CS_EIO;
	csrf[0] = '\0';
	if (strcmp(kind, "page") == 0 && cs_serve_random_hex(csrf, 32) != 0)
		return CS_EIO;
	cs_ev_sha256_hex(token, strlen(token), hash);
	snprintf(now_s, sizeof(now_s), "%lld", (long long)now);
	snprintf(exp_s, sizeof(exp_s), "%lld",
		 (long long)(now + (strcmp(kind, "api") == 0
					? CS_SERVE_TOKEN_TTL
					: CS_SERVE_SESSION_TTL)));
	p[0] = now_s;
	cs_store_query(rq->store, "DELETE FROM session WHERE expires <= $1", p,
		       1, NULL, NULL);
	p[0] = hash;
	p[1] = user;
	p[2] = kind;
	p[3] = now_s;
	p[4] = exp_s;
	p[5] = csrf;
	rc = cs_store_query(rq->store,
			    "INSERT INTO session (token_hash, user_name, kind, "
			    "created, expires, csrf) VALUES ($1, $2, $3, $4, "
			    "$5, $6)",
			    p, 6, NULL, NULL);
	if (rc != 0) {
		explicit_bzero(token, 65);
		return CS_EIO;
	}
	cs_serve_audit_as(rq->store, user, rq->client,
			  strcmp(kind, "api") == 0 ? "login.api" : "login.page",
			  target, "", "");
	return 0;
}

static int
count_row(void *arg, int ncol, const char *const *val)
{
	(void)ncol;
	(void)val;
	(*(int *)arg)++;
	return 0;
}

int
cs_serve_logout(struct cs_serve_req *rq, const char *token)
{
	char hash[CS_SHA256_HEX];
	const char *p[1] = {hash};
	int n = 0, rc;

	cs_ev_sha256_hex(token, strlen(token), hash);
	if ((rc = cs_serve_elevate(rq)) != 0)
		return rc;
	rc = cs_store_query(rq->store,
			    "DELETE FROM session WHERE token_hash = $1 "
			    "RETURNING user_name",
			    p, 1, count_row, &n);
	if (rc != 0)
		return CS_EIO;
	if (n == 0)
		return CS_ENOTFOUND;
	return cs_serve_audit(rq, "logout", "session", "", "");
}

bool
cs_serve_csrf_ok(const struct cs_serve_req *rq, const char *token)
{
	const char *want;
	size_t n;
	unsigned char d = 0;

	if (rq->user == NULL || token == NULL)
		return false;
	want = rq->user->csrf;
	n = strlen(want);
	if (n != 64 || strlen(token) != n)
		return false;
	for (size_t i = 0; i < n; i++)
		d |= (unsigned char)(want[i] ^ token[i]);
	return d == 0;
}

int
cs_serve_audit_as(struct cs_store *st, const char *who, const char *client,
		  const char *action, const char *target, const char *before,
		  const char *after)
{
	char now[24];
	const char *p[7];

	snprintf(now, sizeof(now), "%lld", (long long)time(NULL));
	p[0] = now;
	p[1] = who;
	p[2] = client != NULL ? client : "";
	p[3] = action;
	p[4] = target != NULL ? target : "";
	p[5] = before != NULL ? before : "";
	p[6] = after != NULL ? after : "";
	return cs_store_query(st,
			      "INSERT INTO audit_log (at, who, client, action, "
			      "target, before_json, after_json) VALUES ($1, "
			      "$2, $3, $4, $5, $6, $7)",
			      p, 7, NULL, NULL) == 0
		   ? 0
		   : CS_EIO;
}

int
cs_serve_audit(struct cs_serve_req *rq, const char *action, const char *target,
	       const char *before, const char *after)
{
	int rc;

	if ((rc = cs_serve_elevate(rq)) != 0)
		return rc;
	cs_serve_cache_bump();
	return cs_serve_audit_as(rq->store,
				 rq->user != NULL ? rq->user->name : "-",
				 rq->client, action, target, before, after);
}
