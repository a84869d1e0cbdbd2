/* SPDX-License-Identifier: ISC */
/* The credentials file; see creds.h. */
#include "engine/creds.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/alloc.h"
#include "core/str.h"
#include "core/poison.h"

void
cs_creds_init(struct cs_creds *c)
{
	memset(c, 0, sizeof(*c));
}

void
cs_creds_free(struct cs_creds *c)
{
	for (size_t i = 0; i < c->n; i++) {
		explicit_bzero(&c->v[i].cred, sizeof(c->v[i].cred));
		free(c->v[i].iv);
	}
	free(c->v);
	memset(c, 0, sizeof(*c));
}

/* True if the range r (either family) holds a. */
static bool
iv_holds(const struct cs_interval *r, const struct cs_addr *a)
{
	if (r->v6 != a->v6)
		return false;
	if (!a->v6)
		return a->v4 >= r->lo && a->v4 <= r->hi;
	return memcmp(a->a6, r->lo6, 16) >= 0 && memcmp(a->a6, r->hi6, 16) <= 0;
}

const struct cs_cred *
cs_creds_lookup_addr(const struct cs_creds *c, const struct cs_addr *a)
{
	if (c == NULL)
		return NULL;
	for (size_t i = 0; i < c->n; i++)
		for (size_t j = 0; j < c->v[i].niv; j++)
			if (iv_holds(&c->v[i].iv[j], a))
				return &c->v[i].cred;
	return NULL;
}

const struct cs_cred *
cs_creds_lookup(const struct cs_creds *c, uint32_t ip)
{
	struct cs_addr a = {.v4 = ip};

	return cs_creds_lookup_addr(c, &a);
}

static bool
is_ws(uint8_t ch)
{
	return ch == ' ' || ch == '\t';
}

/* Splits off the next blank-separated field of *s. */
static struct cs_span
next_field(struct cs_span *s)
{
	struct cs_span f;
	size_t i = 0;

	while (i < s->n && is_ws(s->p[i]))
		i++;
	f.p = s->p + i;
	while (i < s->n && !is_ws(s->p[i]))
		i++;
	f.n = (size_t)(s->p + i - f.p);
	s->p += i;
	s->n -= i;
	return f;
}

static bool
has_ctl(struct cs_span s)
{
	for (size_t i = 0; i < s.n; i++)
		if (s.p[i] < 0x20 || s.p[i] == 0x7f)
			return true;
	return false;
}

/* Parses one non-comment line into e.  Returns 0 or CS_EINVAL with why. */
static int
parse_line(struct cs_span line, struct cs_cred_entry *e, const char **why)
{
	struct cs_span spec, scheme, user, pass;
	char specs[128], serr[160];

	spec = next_field(&line);
	scheme = next_field(&line);
	user = next_field(&line);
	pass = cs_span_trim(line);
	if (spec.n == 0 || scheme.n == 0 || user.n == 0 || pass.n == 0) {
		*why = "expected <scope> <digest|basic> <user> <password>";
		return CS_EINVAL;
	}
	if (spec.p[0] == '@') {
		*why = "@file is not allowed here";
		return CS_EINVAL;
	}
	if (spec.n >= sizeof(specs)) {
		*why = "scope too long";
		return CS_EINVAL;
	}
	cs_span_copy(specs, sizeof(specs), spec);
	if (cs_scope_parse_spec(specs, &e->iv, &e->niv, serr, sizeof(serr)) !=
	    0) {
		*why = "bad scope (expected an address, CIDR or range)";
		return CS_EINVAL;
	}
	if (cs_span_ieq(scheme, "digest")) {
		e->cred.scheme = CS_CRED_DIGEST;
	} else if (cs_span_ieq(scheme, "basic")) {
		e->cred.scheme = CS_CRED_BASIC;
	} else {
		*why = "scheme must be digest or basic";
		return CS_EINVAL;
	}
	if (user.n >= sizeof(e->cred.user) ||
	    memchr(user.p, ':', user.n) != NULL || has_ctl(user)) {
		*why = "bad user name (too long, ':' or control bytes)";
		return CS_EINVAL;
	}
	if (pass.n >= sizeof(e->cred.pass) || has_ctl(pass)) {
		*why = "bad password (too long or control bytes)";
		return CS_EINVAL;
	}
	memcpy(e->cred.user, user.p, user.n);
	e->cred.user[user.n] = '\0';
	memcpy(e->cred.pass, pass.p, pass.n);
	e->cred.pass[pass.n] = '\0';
	return 0;
}

int
cs_creds_parse(struct cs_creds *c, const char *name, const uint8_t *p, size_t n,
	       char *err, size_t errsz)
{
	size_t i = 0;
	unsigned lineno = 0;

	if (n > CS_CREDS_FILE_MAX) {
		snprintf(err, errsz, "%s: larger than %u bytes", name,
			 CS_CREDS_FILE_MAX);
		return CS_EINVAL;
	}
	while (i < n) {
		size_t s = i;
		struct cs_span line;
		struct cs_cred_entry e;
		const char *why = NULL;

		while (i < n && p[i] != '\n')
			i++;
		line = cs_span_trim(cs_span_make(p + s, i - s));
		if (i < n)
			i++;
		lineno++;
		if (line.n == 0 || line.p[0] == '#')
			continue;
		if (c->n >= CS_CREDS_MAX) {
			snprintf(err, errsz, "%s:%u: more than %d credentials",
				 name, lineno, CS_CREDS_MAX);
			cs_creds_free(c);
			return CS_EINVAL;
		}
		memset(&e, 0, sizeof(e));
		if (memchr(line.p, '\0', line.n) != NULL) {
			why = "NUL byte";
		} else if (parse_line(line, &e, &why) == 0) {
			/* grow by copying, so no freed block keeps a
			 * password */
			struct cs_cred_entry *nv =
			    cs_xcalloc(c->n + 1, sizeof(*nv));

			if (c->n) {
				memcpy(nv, c->v, c->n * sizeof(*nv));
				explicit_bzero(c->v, c->n * sizeof(*nv));
			}
			free(c->v);
			c->v = nv;
			c->v[c->n++] = e;
			explicit_bzero(&e, sizeof(e));
			continue;
		}
		explicit_bzero(&e.cred, sizeof(e.cred));
		free(e.iv);
		snprintf(err, errsz, "%s:%u: %s", name, lineno, why);
		cs_creds_free(c);
		return CS_EINVAL;
	}
	return 0;
}

int
cs_creds_read_private(const char *path, size_t max, uint8_t **out,
		      size_t *outlen, char *err, size_t errsz)
{
	struct stat st;
	uint8_t *buf;
	size_t len = 0;
	int fd;

	*out = NULL;
	*outlen = 0;
	fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0) {
		snprintf(err, errsz, "%s: %s", path,
			 errno == ELOOP ? "is a symbolic link; refused"
					: strerror(errno));
		return CS_EINVAL;
	}
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		snprintf(err, errsz, "%s: not a regular file; refused", path);
		close(fd);
		return CS_EINVAL;
	}
	if (st.st_uid != geteuid()) {
		snprintf(err, errsz,
			 "%s: owned by uid %lu, not by you; refused", path,
			 (unsigned long)st.st_uid);
		close(fd);
		return CS_EINVAL;
	}
	if ((st.st_mode & 077) != 0) {
		snprintf(err, errsz,
			 "%s: mode %04o gives group or others access; "
			 "chmod 600 it",
			 path, (unsigned)(st.st_mode & 07777));
		close(fd);
		return CS_EINVAL;
	}
	if (st.st_size > (off_t)max) {
		snprintf(err, errsz, "%s: larger than %zu bytes", path, max);
		close(fd);
		return CS_EINVAL;
	}
	buf = cs_xmalloc(max + 1);
	for (;;) {
		ssize_t r = read(fd, buf + len, max + 1 - len);

		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			snprintf(err, errsz, "%s: read error", path);
			close(fd);
			explicit_bzero(buf, len);
			free(buf);
			return CS_EINVAL;
		}
		if (r == 0 || len + (size_t)r > max) {
			len += (size_t)r;
			break;
		}
		len += (size_t)r;
	}
	close(fd);
	*out = buf;
	*outlen = len;
	return 0;
}

int
cs_creds_load(struct cs_creds *c, const char *path, char *err, size_t errsz)
{
	uint8_t *buf;
	size_t len = 0;
	int rc;

	rc = cs_creds_read_private(path, CS_CREDS_FILE_MAX, &buf, &len, err,
				   errsz);
	if (rc != 0)
		return rc;
	rc = cs_creds_parse(c, path, buf, len, err, errsz);
	explicit_bzero(buf, CS_CREDS_FILE_MAX + 1);
	free(buf);
	return rc;
}
