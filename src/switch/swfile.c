/* SPDX-License-Identifier: ISC */
/*
 * The switches file (docs/switches.md): one switch or router a line, its
 * address and its SNMP v2c or v3 credentials.  Messages name the file,
 * the line and the key, never a secret's value.
 */
#include "switch/switch.h"

#include <arpa/inet.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/addr.h"
#include "core/alloc.h"
#include "core/cs.h"
#include "core/str.h"
#include "core/text.h"
#include "engine/creds.h"
#include "core/poison.h"

#define MAX_WORDS 16

static bool
name_ok(struct cs_span s)
{
	if (s.n == 0 || s.n >= CS_SW_NAME)
		return false;
	for (size_t i = 0; i < s.n; i++) {
		uint8_t c = s.p[i];
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		      (c >= '0' && c <= '9') || c == '.' || c == '_' ||
		      c == '-'))
			return false;
	}
	return true;
}

/* A secret: printable ASCII but space, 1 to max-1 bytes. */
static bool
secret_ok(struct cs_span s, size_t max)
{
	if (s.n == 0 || s.n >= max)
		return false;
	for (size_t i = 0; i < s.n; i++)
		if (s.p[i] <= ' ' || s.p[i] >= 0x7f)
			return false;
	return true;
}

static bool
is_ws(uint8_t c)
{
	return c == ' ' || c == '\t';
}

/* Splits line into words separated by blanks; returns the count, or
 * MAX_WORDS + 1 when there are more. */
static size_t
split(struct cs_span line, struct cs_span *w)
{
	size_t n = 0, i = 0;

	while (i < line.n) {
		size_t j;

		while (i < line.n && is_ws(line.p[i]))
			i++;
		if (i >= line.n)
			break;
		j = i;
		while (j < line.n && !is_ws(line.p[j]))
			j++;
		if (n == MAX_WORDS)
			return MAX_WORDS + 1;
		w[n++] = (struct cs_span){line.p + i, j - i};
		i = j;
	}
	return n;
}

static bool
key_is(struct cs_span k, const char *lit)
{
	return k.n == strlen(lit) && memcmp(k.p, lit, k.n) == 0;
}

struct errs {
	const char *name;
	char *err;
	size_t errsz, used;
	unsigned count;
};

static void CS_PRINTF(3, 4)
    fail(struct errs *e, unsigned line, const char *fmt, ...)
{
	char msg[256];
	va_list ap;
	int w;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	e->count++;
	if (e->err == NULL || e->used + 1 >= e->errsz)
		return;
	w = snprintf(e->err + e->used, e->errsz - e->used, "%s:%u: %s\n",
		     e->name, line, msg);
	if (w > 0)
		e->used = CS_MIN(e->errsz - 1, e->used + (size_t)w);
}

/* Parses one non-blank line into *c; returns false after fail(). */
static bool
parse_line(struct cs_span line, struct cs_sw_conf *c, struct errs *e,
	   unsigned ln)
{
	struct cs_span w[MAX_WORDS + 1];
	size_t n = split(line, w);
	char buf[64];
	uint8_t a[16];
	int fam;
	bool have_ver = false;

	memset(c, 0, sizeof(*c));
	c->line = ln;
	c->port = 161;
	if (n > MAX_WORDS) {
		fail(e, ln, "more than %d words", MAX_WORDS);
		return false;
	}
	if (key_is(w[0], "switch"))
		c->role = CS_SW_SWITCH;
	else if (key_is(w[0], "router"))
		c->role = CS_SW_ROUTER;
	else {
		fail(e, ln, "unknown keyword (switch, router)");
		return false;
	}
	if (n < 3 || !name_ok(w[1])) {
		fail(e, ln,
		     "expected %s NAME ADDRESS key=value... (NAME: 1-63 "
		     "bytes of [A-Za-z0-9._-])",
		     c->role == CS_SW_ROUTER ? "router" : "switch");
		return false;
	}
	cs_span_copy(c->name, sizeof(c->name), w[1]);
	cs_span_copy(buf, sizeof(buf), w[2]);
	fam = w[2].n < sizeof(buf) ? cs_ip_family(buf, a) : 0;
	if (fam == 0) {
		fail(e, ln, "'%s': the address must be an IPv4 or IPv6 literal",
		     c->name);
		return false;
	}
	inet_ntop(fam == 4 ? AF_INET : AF_INET6, a, c->addr, sizeof(c->addr));
	for (size_t i = 3; i < n; i++) {
		const uint8_t *eq = memchr(w[i].p, '=', w[i].n);
		struct cs_span k, v;
		uint64_t num;

		if (eq == NULL) {
			fail(e, ln, "word %zu is not key=value", i + 1);
			return false;
		}
		k = (struct cs_span){w[i].p, (size_t)(eq - w[i].p)};
		v = (struct cs_span){eq + 1, w[i].n - k.n - 1};
		if (key_is(k, "port")) {
			if (cs_span_u64(v, 65535, &num) != 0 || num == 0) {
				fail(e, ln, "port: 1 to 65535");
				return false;
			}
			c->port = (uint16_t)num;
		} else if (key_is(k, "version")) {
			if (cs_span_ieq(v, "2c"))
				c->version = 2;
			else if (cs_span_ieq(v, "3"))
				c->version = 3;
			else {
				fail(e, ln,
				     "version: 2c or 3 (SNMPv1 is not used)");
				return false;
			}
			have_ver = true;
		} else if (key_is(k, "community")) {
			if (!secret_ok(v, sizeof(c->community))) {
				fail(e, ln,
				     "community: 1 to %zu printable bytes, "
				     "no blanks",
				     sizeof(c->community) - 1);
				return false;
			}
			cs_span_copy(c->community, sizeof(c->community), v);
		} else if (key_is(k, "user")) {
			if (!secret_ok(v, sizeof(c->user))) {
				fail(e, ln, "user: 1 to 63 printable bytes");
				return false;
			}
			cs_span_copy(c->user, sizeof(c->user), v);
		} else if (key_is(k, "context")) {
			if (!secret_ok(v, sizeof(c->context))) {
				fail(e, ln, "context: 1 to 63 printable bytes");
				return false;
			}
			cs_span_copy(c->context, sizeof(c->context), v);
		} else if (key_is(k, "auth")) {
			if (cs_span_ieq(v, "md5"))
				c->auth = CS_SW_AUTH_MD5;
			else if (cs_span_ieq(v, "sha"))
				c->auth = CS_SW_AUTH_SHA;
			else if (cs_span_ieq(v, "sha256"))
				c->auth = CS_SW_AUTH_SHA256;
			else if (cs_span_ieq(v, "sha512"))
				c->auth = CS_SW_AUTH_SHA512;
			else {
				fail(e, ln, "auth: md5, sha, sha256 or sha512");
				return false;
			}
		} else if (key_is(k, "priv")) {
			if (cs_span_ieq(v, "des"))
				c->priv = CS_SW_PRIV_DES;
			else if (cs_span_ieq(v, "aes"))
				c->priv = CS_SW_PRIV_AES;
			else {
				fail(e, ln, "priv: des or aes");
				return false;
			}
		} else if (key_is(k, "auth-pass") || key_is(k, "priv-pass")) {
			bool au = key_is(k, "auth-pass");
			char *dst = au ? c->auth_pass : c->priv_pass;

			/* RFC 3414 §11.2: at least 8 characters. */
			if (v.n < 8 || !secret_ok(v, CS_SW_SECRET)) {
				fail(e, ln,
				     "%s: 8 to %d printable bytes, no blanks",
				     au ? "auth-pass" : "priv-pass",
				     CS_SW_SECRET - 1);
				return false;
			}
			cs_span_copy(dst, CS_SW_SECRET, v);
		} else {
			char kb[32];
			cs_span_copy(kb, sizeof(kb), k);
			fail(e, ln, "unknown key '%s'", kb);
			return false;
		}
	}
	if (!have_ver) {
		fail(e, ln, "'%s' needs version=2c or version=3", c->name);
		return false;
	}
	if (c->version == 2 &&
	    (c->community[0] == '\0' || c->user[0] || c->auth || c->priv)) {
		fail(e, ln, "'%s': version 2c takes community= only", c->name);
		return false;
	}
	if (c->version == 3) {
		if (c->community[0] || c->user[0] == '\0') {
			fail(e, ln,
			     "'%s': version 3 takes user=, not community=",
			     c->name);
			return false;
		}
		if ((c->auth != CS_SW_AUTH_NONE) != (c->auth_pass[0] != '\0') ||
		    (c->priv != CS_SW_PRIV_NONE) != (c->priv_pass[0] != '\0')) {
			fail(e, ln,
			     "'%s': auth= goes with auth-pass=, priv= with "
			     "priv-pass=",
			     c->name);
			return false;
		}
		if (c->priv != CS_SW_PRIV_NONE && c->auth == CS_SW_AUTH_NONE) {
			fail(e, ln, "'%s': priv= needs auth=", c->name);
			return false;
		}
	}
	return true;
}

void
cs_sw_file_free(struct cs_sw_file *f)
{
	if (f->v != NULL) {
		explicit_bzero(f->v, f->n * sizeof(*f->v));
		free(f->v);
	}
	f->v = NULL;
	f->n = 0;
}

int
cs_sw_file_parse(struct cs_sw_file *f, const char *name, const uint8_t *p,
		 size_t n, char *err, size_t errsz)
{
	struct errs e = {name != NULL ? name : "switches", err, errsz, 0, 0};
	struct cs_lines ls;
	struct cs_span line;
	size_t cap = 0;
	int r;

	f->v = NULL;
	f->n = 0;
	if (err != NULL && errsz > 0)
		err[0] = '\0';
	if (n > CS_SW_FILE_MAX) {
		fail(&e, 0, "larger than %u bytes", CS_SW_FILE_MAX);
		return CS_EINVAL;
	}
	cs_lines_init(&ls, p, n);
	while ((r = cs_lines_next_max(&ls, CS_SW_LINE_MAX, &line)) != 0) {
		struct cs_sw_conf c;

		if (r < 0) {
			fail(&e, ls.line, "line longer than %d bytes",
			     CS_SW_LINE_MAX);
			continue;
		}
		line = cs_span_trim(line);
		if (line.n == 0 || line.p[0] == '#')
			continue;
		if (memchr(line.p, '\0', line.n) != NULL) {
			fail(&e, ls.line, "NUL byte");
			continue;
		}
		if (!parse_line(line, &c, &e, ls.line)) {
			explicit_bzero(&c, sizeof(c));
			continue;
		}
		for (size_t i = 0; i < f->n; i++)
			if (strcmp(f->v[i].name, c.name) == 0) {
				fail(&e, ls.line,
				     "'%s' already named on line %u", c.name,
				     f->v[i].line);
				c.name[0] = '\0';
				break;
			}
		if (c.name[0] == '\0') {
			explicit_bzero(&c, sizeof(c));
			continue;
		}
		if (f->n >= CS_SW_MAX_DEVICES) {
			fail(&e, ls.line, "more than %d devices",
			     CS_SW_MAX_DEVICES);
			explicit_bzero(&c, sizeof(c));
			break;
		}
		if (f->n == cap) {
			/* Grow by copying, so that no secret is left behind
			 * in freed memory. */
			size_t nc = cap ? cap * 2 : 8;
			struct cs_sw_conf *nv = cs_xcalloc(nc, sizeof(*nv));
			if (f->n)
				memcpy(nv, f->v, f->n * sizeof(*nv));
			cs_sw_file_free(&(struct cs_sw_file){f->v, f->n});
			f->v = nv;
			cap = nc;
		}
		f->v[f->n++] = c;
		explicit_bzero(&c, sizeof(c));
	}
	if (e.count == 0 && f->n == 0)
		fail(&e, 0, "names no switch or router");
	if (e.count > 0) {
		cs_sw_file_free(f);
		return CS_EINVAL;
	}
	return 0;
}

int
cs_sw_file_load(struct cs_sw_file *f, const char *path, char *err, size_t errsz)
{
	uint8_t *buf = NULL;
	size_t len = 0;
	int rc;

	f->v = NULL;
	f->n = 0;
	rc =
	    cs_creds_read_private(path, CS_SW_FILE_MAX, &buf, &len, err, errsz);
	if (rc != 0)
		return rc;
	rc = cs_sw_file_parse(f, path, buf, len, err, errsz);
	explicit_bzero(buf, len);
	free(buf);
	return rc;
}
