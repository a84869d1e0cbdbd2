/* SPDX-License-Identifier: ISC */
/*
 * The notify use case (audit/notify.h): the findings new or changed since
 * the last delivery, the state file, and the plain HTTP/1.1 POST that
 * delivers by default.
 */
#include "audit/notify.h"

#include <errno.h>
#include <netdb.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include "core/alloc.h"
#include "core/buf.h"
#include "core/str.h"
#include "core/text.h"
#include "core/poison.h"

#define NOTIFY_VERSION "0.1.0"

struct seen {
	int64_t id;
	char status[16];
};

struct cs_audit_notify {
	char *path;
	struct seen *old;
	size_t nold;
	struct seen *now;
	size_t nnow, added, changed;
	cs_audit_notify_fn fn;
	void *arg;
};

static const struct seen *
seen_find(const struct seen *v, size_t n, int64_t id)
{
	for (size_t i = 0; i < n; i++)
		if (v[i].id == id)
			return &v[i];
	return NULL;
}

static int
notify_finding(void *arg, const struct cs_finding_row *f)
{
	struct cs_audit_notify *c = arg;
	const struct seen *o = seen_find(c->old, c->nold, f->id);

	c->now = cs_xrealloc(c->now, c->nnow + 1, sizeof(*c->now));
	c->now[c->nnow].id = f->id;
	cs_strlcpy(c->now[c->nnow].status, f->status, sizeof(c->now[0].status));
	c->nnow++;
	if (o == NULL) {
		c->added++;
		c->fn(c->arg, f, NULL);
	} else if (strcmp(o->status, f->status) != 0) {
		c->changed++;
		c->fn(c->arg, f, o->status);
	}
	return 0;
}

/* The state file: one "id status" line per finding already sent. */
#define STATE_MAX ((size_t)64 << 20) /* bytes of a notify state file */

static int
state_read(const char *path, struct cs_audit_notify *c)
{
	struct cs_buf b;
	struct cs_lines l;
	struct cs_span line;
	int rc;

	cs_buf_init(&b, STATE_MAX);
	if ((rc = cs_file_read(path, STATE_MAX, &b, NULL)) != 0) {
		bool none = rc == CS_EIO && errno == ENOENT;
		cs_buf_free(&b);
		return none ? 0 : -1;
	}
	cs_lines_init(&l, b.p, b.len);
	while (cs_lines_next(&l, &line)) {
		const uint8_t *sp = memchr(line.p, ' ', line.n);
		struct cs_span st;
		uint64_t id;

		if (sp == NULL ||
		    cs_span_u64(cs_span_make(line.p, (size_t)(sp - line.p)),
				INT64_MAX, &id) != 0 ||
		    id == 0)
			continue;
		st = cs_span_make(sp + 1, line.n - (size_t)(sp + 1 - line.p));
		c->old = cs_xrealloc(c->old, c->nold + 1, sizeof(*c->old));
		c->old[c->nold].id = (int64_t)id;
		cs_span_copy(c->old[c->nold].status, sizeof(c->old[0].status),
			     st);
		c->nold++;
	}
	cs_buf_free(&b);
	return 0;
}

static int
state_write(const char *path, const struct cs_audit_notify *c)
{
	char tmp[4400];
	FILE *f;
	int bad = 0;

	snprintf(tmp, sizeof(tmp), "%s.tmp", path);
	if ((f = fopen(tmp, "we")) == NULL)
		return -1;
	for (size_t i = 0; i < c->nnow; i++)
		fprintf(f, "%lld %s\n", (long long)c->now[i].id,
			c->now[i].status);
	bad = ferror(f);
	if (fclose(f) != 0 || bad || rename(tmp, path) != 0) {
		unlink(tmp);
		return -1;
	}
	return 0;
}

struct cs_audit_notify *
cs_audit_notify_new(const char *path)
{
	struct cs_audit_notify *n = cs_xcalloc(1, sizeof(*n));
	int e;

	n->path = cs_xstrdup(path);
	if (state_read(path, n) != 0) {
		e = errno;
		cs_audit_notify_free(n);
		errno = e;
		return NULL;
	}
	return n;
}

void
cs_audit_notify_free(struct cs_audit_notify *n)
{
	if (n == NULL)
		return;
	free(n->path);
	free(n->old);
	free(n->now);
	free(n);
}

int
cs_audit_notify_select(struct cs_audit_notify *n, struct cs_store *st,
		       cs_audit_notify_fn fn, void *arg, size_t *added,
		       size_t *changed)
{
	int rc;

	n->nnow = 0;
	n->added = n->changed = 0;
	n->fn = fn;
	n->arg = arg;
	rc = cs_store_each_finding(st, NULL, notify_finding, n);
	*added = n->added;
	*changed = n->changed;
	return rc == 0 ? 0 : -1;
}

enum cs_audit_delivery
cs_audit_notify_deliver(struct cs_audit_notify *n, cs_audit_send_fn send,
			void *arg, int *status, char *err, size_t errsz)
{
	err[0] = '\0';
	*status = send(arg, err, errsz);
	if (*status < 200 || *status > 299)
		return CS_NOT_DELIVERED;
	if (state_write(n->path, n) != 0)
		return CS_STATE_UNWRITTEN;
	return CS_DELIVERED;
}

int
cs_audit_http_post(const char *url, const char *body, size_t n,
		   unsigned timeout_ms, char *err, size_t errsz)
{
	char host[256], port[8] = "80", path[1024] = "/", req[1600];
	const char *p = url + 7, *slash, *colon;
	struct addrinfo hints = {.ai_socktype = SOCK_STREAM}, *res = NULL, *ai;
	struct timeval tv = {.tv_sec = timeout_ms / 1000,
			     .tv_usec = (timeout_ms % 1000) * 1000};
	char reply[512];
	ssize_t got;
	size_t hl;
	int fd = -1, status = -1, rc;

	if (strncmp(url, "http://", 7) != 0) {
		snprintf(err, errsz, "only http:// URLs");
		return -1;
	}
	slash = strchr(p, '/');
	hl = slash ? (size_t)(slash - p) : strlen(p);
	if (hl == 0 || hl >= sizeof(host)) {
		snprintf(err, errsz, "no host in the URL");
		return -1;
	}
	memcpy(host, p, hl);
	host[hl] = '\0';
	if (slash)
		cs_strlcpy(path, slash, sizeof(path));
	if (host[0] == '[') { /* [v6]:port */
		char *e = strchr(host, ']');
		if (e == NULL) {
			snprintf(err, errsz, "bad host in the URL");
			return -1;
		}
		*e = '\0';
		if (e[1] == ':')
			cs_strlcpy(port, e + 2, sizeof(port));
		memmove(host, host + 1, strlen(host));
	} else if ((colon = strrchr(host, ':')) != NULL) {
		cs_strlcpy(port, colon + 1, sizeof(port));
		host[colon - host] = '\0';
	}
	if ((rc = getaddrinfo(host, port, &hints, &res)) != 0) {
		snprintf(err, errsz, "%s: %s", host, gai_strerror(rc));
		return -1;
	}
	for (ai = res; ai != NULL; ai = ai->ai_next) {
		fd = socket(ai->ai_family, ai->ai_socktype | SOCK_CLOEXEC,
			    ai->ai_protocol);
		if (fd < 0)
			continue;
		setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof(tv));
		setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
		if (connect(fd, ai->ai_addr, ai->ai_addrlen) == 0)
			break;
		close(fd);
		fd = -1;
	}
	freeaddrinfo(res);
	if (fd < 0) {
		snprintf(err, errsz, "%s port %s: cannot connect: %s", host,
			 port, strerror(errno));
		return -1;
	}
	snprintf(req, sizeof(req),
		 "POST %s HTTP/1.1\r\nHost: %s\r\nUser-Agent: "
		 "camsweep/" NOTIFY_VERSION
		 "\r\nContent-Type: application/json\r\n"
		 "Content-Length: %zu\r\nConnection: close\r\n\r\n",
		 path, host, n);
	if (send(fd, req, strlen(req), MSG_NOSIGNAL) != (ssize_t)strlen(req) ||
	    send(fd, body, n, MSG_NOSIGNAL) != (ssize_t)n) {
		snprintf(err, errsz, "send: %s", strerror(errno));
		close(fd);
		return -1;
	}
	got = recv(fd, reply, sizeof(reply) - 1, 0);
	close(fd);
	if (got < 12) {
		snprintf(err, errsz, "no HTTP answer");
		return -1;
	}
	reply[got] = '\0';
	if (strncmp(reply, "HTTP/1.", 7) != 0 || reply[8] != ' ') {
		snprintf(err, errsz, "not an HTTP answer");
		return -1;
	}
	{
		char code[4] = {reply[9], reply[10], reply[11], '\0'};
		long long v;
		if (cs_str_tonum(code, 100, 599, &v) == 0)
			status = (int)v;
	}
	if (status < 0)
		snprintf(err, errsz, "bad HTTP status line");
	return status;
}
