/* SPDX-License-Identifier: ISC */
/*
 * camsim: a simulated video-surveillance estate on loopback.  Brings up N
 * devices, each on its own 127.x.y.z address, each serving the ports of
 * its profile (data/camsim/profiles/), writes the ground truth as JSON
 * Lines, prints "camsim: ready N devices" and serves until SIGINT or
 * SIGTERM.  One libuv loop serves every listener and connection.
 * Usage and the profile schema are in docs/camsim.md.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include <arpa/inet.h>

#include <openssl/err.h>
#include <openssl/ssl.h>
#include <uv.h>

#include "camsim_disc.h"
#include "camsim_estate.h"
#include "camsim_profile.h"
#include "camsim_proto.h"
#include "camsim_replay.h"
#include "camsim_tls.h"
#include "core/addr.h"
#include "core/alloc.h"
#include "core/buf.h"
#include "core/cs.h"
#include "core/str.h"
#include "core/poison.h"

#ifndef CS_SRCDIR
#define CS_SRCDIR "."
#endif

#define READ_CAP 65536 /* bytes one connection may send in total */
#define IDLE_MS 10000  /* idle timeout of a connection */
#define OUT_CAP 262144 /* bytes of one batch of replies */
#define BACKLOG 256    /* listen(2) backlog of each port */
#define FD_MARGIN 64   /* descriptors kept for files, signals ... */

struct sim;

struct listener {
	uv_tcp_t tcp;
	struct sim *sim;
	const struct cs_camsim_device *dev;
	const struct cs_camsim_port *port;
	const struct cs_rp_port *rp; /* --replay: the replayed port */
};

struct conn {
	uv_tcp_t tcp;
	uv_timer_t timer;
	struct sim *sim;
	const struct listener *l;
	struct cs_buf in;   /* unconsumed client bytes */
	struct cs_buf seen; /* every plaintext byte received (--request-log) */
	size_t received;    /* total bytes read, for READ_CAP */
	int open_handles;   /* handles not yet closed */
	bool closing;
	bool close_after_write;
	unsigned pending_writes;
	struct conn *prev, *next; /* in sim->conns */
	SSL *ssl;         /* a TLS port (--replay 443, 8443), else NULL */
	BIO *rbio, *wbio; /* client -> SSL, SSL -> client (owned by ssl) */
};

/* A UDP discovery socket of the device served in --device-ip mode. */
struct udp_l {
	uv_udp_t udp;
	struct sim *sim;
	const struct cs_camsim_device *dev;
	enum cs_camsim_disc kind;
};

struct wreq {
	uv_write_t req;
	struct conn *c;
	uv_buf_t buf;
	uint8_t data[]; /* buf.base points here */
};

struct sim {
	uv_loop_t *loop;
	struct listener *ls; /* owned */
	size_t nls;
	uv_signal_t sigint, sigterm;
	struct conn *conns; /* open connections */
	uint64_t nonce;     /* advances per reply */
	uint64_t secret;    /* key of Digest nonces, per run */
	struct udp_l *us;   /* owned; discovery sockets (--device-ip) */
	size_t nus;
	SSL_CTX *tls; /* --replay: the context of TLS ports */
	/* profile TLS ports: one context per kind of certificate, made at
	 * bind time ([P-256, RSA 1024, RSA 2048][valid, expired]) */
	SSL_CTX *ptls[3][2];
	bool stopping;
	char rbuf[READ_CAP]; /* read buffer shared by all connections */
};

static void conn_close(struct conn *c);

/*
 * --request-log FILE: every connection's received bytes (the plaintext
 * on a TLS port, up to READ_CAP), one JSON line per connection when it
 * closes, so a test can check that nothing outside the documented probes
 * was sent.  NULL: no log.
 */
static FILE *reqlog;

/* Writes c's received bytes to the request log, if any. */
static void
reqlog_write(const struct conn *c)
{
	static const char hx[] = "0123456789abcdef";

	if (reqlog == NULL || c->seen.len == 0 || c->l == NULL ||
	    c->l->dev == NULL || c->l->port == NULL)
		return;
	fprintf(reqlog,
		"{\"ip\": \"%s\", \"port\": %u, \"tls\": %s, "
		"\"hex\": \"",
		c->l->dev->ip, c->l->port->port,
		c->ssl != NULL ? "true" : "false");
	for (size_t i = 0; i < c->seen.len; i++) {
		fputc(hx[c->seen.p[i] >> 4], reqlog);
		fputc(hx[c->seen.p[i] & 15], reqlog);
	}
	fputs("\"}\n", reqlog);
}

/* Keeps n plaintext bytes received on c for the request log. */
static void
reqlog_add(struct conn *c, const void *p, size_t n)
{
	if (reqlog != NULL && c->seen.len + n <= READ_CAP)
		(void)cs_buf_add(&c->seen, p, n);
}

static void
usage(FILE *f)
{
	fprintf(f, "usage: camsim --cidr CIDR --count N --seed S "
		   "--manifest FILE [--mix NAME] [--data DIR]\n"
		   "              [--request-log FILE]\n"
		   "       camsim --device-ip IP --profile NAME --seed S "
		   "--manifest FILE\n"
		   "              [--credentials FILE] [--dry-run] "
		   "[--data DIR]\n"
		   "       camsim --replay FILE.jsonl --cidr CIDR "
		   "--manifest FILE\n"
		   "  CIDR must lie inside 127.0.0.0/8; IP inside 127.0.0.0/8 "
		   "or 198.18.0.0/15,\n  or IPv6 ::1 or inside fd00::/8 (TCP "
		   "only: discovery stays IPv4); see docs/camsim.md\n");
}

static void
conn_handle_closed(uv_handle_t *h)
{
	struct conn *c = h->data;

	if (--c->open_handles > 0)
		return;
	reqlog_write(c);
	cs_buf_free(&c->seen);
	cs_buf_free(&c->in);
	if (c->ssl != NULL)
		SSL_free(c->ssl);
	free(c);
}

static void
conn_close(struct conn *c)
{
	if (c->closing)
		return;
	c->closing = true;
	if (c->prev != NULL)
		c->prev->next = c->next;
	else
		c->sim->conns = c->next;
	if (c->next != NULL)
		c->next->prev = c->prev;
	uv_close((uv_handle_t *)&c->timer, conn_handle_closed);
	uv_close((uv_handle_t *)&c->tcp, conn_handle_closed);
}

static void
on_write(uv_write_t *req, int status)
{
	struct wreq *w = (struct wreq *)req;
	struct conn *c = w->c;

	free(w);
	c->pending_writes--;
	if (status < 0 || (c->close_after_write && c->pending_writes == 0))
		conn_close(c);
}

static void
send_raw(struct conn *c, const uint8_t *p, size_t n)
{
	struct wreq *w;

	if (n == 0 || c->closing)
		return;
	w = cs_xmalloc(sizeof(*w) + n);
	memcpy(w->data, p, n);
	w->c = c;
	w->buf = uv_buf_init((char *)w->data, (unsigned)n);
	if (uv_write(&w->req, (uv_stream_t *)&c->tcp, &w->buf, 1, on_write) !=
	    0) {
		free(w);
		conn_close(c);
		return;
	}
	c->pending_writes++;
}

/* Sends the ciphertext OpenSSL produced. */
static void
tls_flush(struct conn *c)
{
	uint8_t buf[16384];
	int k;

	while (!c->closing && (k = BIO_read(c->wbio, buf, sizeof(buf))) > 0)
		send_raw(c, buf, (size_t)k);
}

/* Sends bytes to the client, encrypted on a TLS port. */
static void
send_bytes(struct conn *c, const uint8_t *p, size_t n)
{
	if (c->ssl == NULL) {
		send_raw(c, p, n);
		return;
	}
	if (n == 0 || c->closing)
		return;
	if (SSL_write(c->ssl, p, (int)n) <= 0) {
		ERR_clear_error();
		conn_close(c);
		return;
	}
	tls_flush(c);
}

/* A TLS reply is followed by close_notify before the close. */
static void
tls_goodbye(struct conn *c)
{
	if (c->ssl == NULL || c->closing)
		return;
	(void)SSL_shutdown(c->ssl);
	ERR_clear_error();
	tls_flush(c);
}

static struct cs_camsim_dyn
dyn_now(struct sim *s)
{
	struct cs_camsim_dyn dyn = {time(NULL), ++s->nonce, CS_SPAN_NULL,
				    s->secret};

	return dyn;
}

static void
on_idle(uv_timer_t *t)
{
	conn_close(t->data);
}

static void
on_alloc(uv_handle_t *h, size_t suggested, uv_buf_t *buf)
{
	struct conn *c = h->data;

	buf->base = c->sim->rbuf;
	buf->len = sizeof(c->sim->rbuf);
}

/* Runs the responder over everything buffered; sends what it produced. */
static void
serve(struct conn *c)
{
	struct cs_buf out;
	bool close = false;

	cs_buf_init(&out, OUT_CAP);
	while (!close && c->in.len > 0) {
		struct cs_camsim_dyn dyn = dyn_now(c->sim);
		size_t used = 0;
		int rc =
		    c->l->rp != NULL
			? cs_rp_feed(c->l->rp, cs_span_make(c->in.p, c->in.len),
				     &out, &used, &close)
			: cs_camsim_proto_feed(c->l->dev, c->l->port,
					       cs_span_make(c->in.p, c->in.len),
					       &dyn, &out, &used, &close);

		if (rc != 0) {
			close = true;
			break;
		}
		if (used == 0)
			break;
		cs_buf_consume(&c->in, used);
	}
	send_bytes(c, out.p, out.len);
	cs_buf_free(&out);
	if (close) {
		tls_goodbye(c);
		c->close_after_write = true;
		if (c->pending_writes == 0)
			conn_close(c);
	}
}

/*
 * Ciphertext from a TLS client: the handshake moves on, and the
 * plaintext it carries is served like a clear connection's bytes.
 */
static void
tls_read(struct conn *c, const uint8_t *p, size_t n)
{
	uint8_t buf[16384];
	int r;

	if (BIO_write(c->rbio, p, (int)n) != (int)n) {
		conn_close(c);
		return;
	}
	while ((r = SSL_read(c->ssl, buf, sizeof(buf))) > 0) {
		reqlog_add(c, buf, (size_t)r);
		if (cs_buf_add(&c->in, buf, (size_t)r) != 0) {
			conn_close(c);
			return;
		}
	}
	tls_flush(c); /* the handshake's own messages */
	if (c->closing)
		return;
	r = SSL_get_error(c->ssl, r);
	ERR_clear_error();
	if (r != SSL_ERROR_WANT_READ) {
		conn_close(c); /* a failed handshake, an alert, a close */
		return;
	}
	serve(c);
}

static void
on_read(uv_stream_t *st, ssize_t nread, const uv_buf_t *buf)
{
	struct conn *c = st->data;

	if (nread < 0) {
		conn_close(c); /* EOF, reset: a port sweep does this a lot */
		return;
	}
	if (nread == 0 || c->closing || c->close_after_write)
		return;
	c->received += (size_t)nread;
	if (c->received > READ_CAP) {
		conn_close(c);
		return;
	}
	uv_timer_again(&c->timer);
	if (c->ssl != NULL) {
		tls_read(c, (const uint8_t *)buf->base, (size_t)nread);
		return;
	}
	reqlog_add(c, buf->base, (size_t)nread);
	if (cs_buf_add(&c->in, buf->base, (size_t)nread) != 0) {
		conn_close(c);
		return;
	}
	serve(c);
}

/* The certificate kind of a profile's TLS port (struct sim.ptls). */
static size_t
tls_kind(const struct cs_camsim_port *p)
{
	return p->tls_rsa_bits == 1024 ? 1 : p->tls_rsa_bits == 2048 ? 2 : 0;
}

/* Frees the profile ports' TLS contexts. */
static void
ptls_free(struct sim *s)
{
	for (size_t i = 0; i < 3; i++)
		for (size_t j = 0; j < 2; j++) {
			SSL_CTX_free(s->ptls[i][j]);
			s->ptls[i][j] = NULL;
		}
}

static void
on_connection(uv_stream_t *server, int status)
{
	struct listener *l = server->data;
	struct sim *s = l->sim;
	struct cs_camsim_dyn dyn;
	struct cs_buf out;
	struct conn *c;

	if (status < 0 || s->stopping)
		return;
	c = cs_xcalloc(1, sizeof(*c));
	c->sim = s;
	c->l = l;
	cs_buf_init(&c->in, READ_CAP);
	cs_buf_init(&c->seen, READ_CAP);
	uv_tcp_init(s->loop, &c->tcp);
	uv_timer_init(s->loop, &c->timer);
	c->tcp.data = c->timer.data = c;
	c->open_handles = 2;
	c->next = s->conns;
	if (s->conns != NULL)
		s->conns->prev = c;
	s->conns = c;
	if (l->rp != NULL && l->rp->tls &&
	    (s->tls == NULL || (c->ssl = SSL_new(s->tls)) == NULL)) {
		conn_close(c);
		return;
	}
	if (l->rp == NULL && l->port != NULL && l->port->tls) {
		SSL_CTX *t = s->ptls[tls_kind(l->port)][l->port->tls_expired];
		if (t == NULL || (c->ssl = SSL_new(t)) == NULL) {
			conn_close(c);
			return;
		}
	}
	if (c->ssl != NULL) {
		c->rbio = BIO_new(BIO_s_mem());
		c->wbio = BIO_new(BIO_s_mem());
		if (c->rbio == NULL || c->wbio == NULL) {
			BIO_free(c->rbio);
			BIO_free(c->wbio);
			conn_close(c);
			return;
		}
		BIO_set_mem_eof_return(c->rbio, -1);
		SSL_set_bio(c->ssl, c->rbio, c->wbio);
		SSL_set_accept_state(c->ssl);
	}
	if (uv_accept(server, (uv_stream_t *)&c->tcp) != 0 ||
	    uv_read_start((uv_stream_t *)&c->tcp, on_alloc, on_read) != 0) {
		conn_close(c);
		return;
	}
	uv_timer_start(&c->timer, on_idle, IDLE_MS, IDLE_MS);
	dyn = dyn_now(s);
	cs_buf_init(&out, OUT_CAP);
	if (l->rp != NULL) {
		bool close = false;

		cs_rp_greet(l->rp, &out, &close);
		send_bytes(c, out.p, out.len);
		if (close) {
			c->close_after_write = true;
			if (c->pending_writes == 0)
				conn_close(c);
		}
	} else if (cs_camsim_proto_greet(l->dev, l->port, &dyn, &out) == 0) {
		send_bytes(c, out.p, out.len);
	}
	cs_buf_free(&out);
}

/* Multicasts the device's WS-Discovery Hello or Bye (§1). */
static void
send_hello(struct sim *s, bool bye)
{
	for (size_t i = 0; i < s->nus; i++) {
		struct udp_l *u = &s->us[i];
		struct cs_camsim_dyn dyn = dyn_now(s);
		struct sockaddr_in to;
		struct cs_buf out;
		uv_buf_t b;

		if (u->kind != CS_CAMSIM_DISC_WSD)
			continue;
		cs_buf_init(&out, CS_CAMSIM_DISC_MAX);
		uv_ip4_addr(cs_camsim_disc_info(u->kind)->group,
			    cs_camsim_disc_info(u->kind)->port, &to);
		if (cs_camsim_disc_hello(u->dev, bye, &dyn, &out) == 0) {
			b = uv_buf_init((char *)out.p, (unsigned)out.len);
			uv_udp_try_send(&u->udp, &b, 1,
					(const struct sockaddr *)&to);
		}
		cs_buf_free(&out);
	}
}

static void
on_udp_alloc(uv_handle_t *h, size_t suggested, uv_buf_t *buf)
{
	struct udp_l *u = h->data;

	buf->base = u->sim->rbuf;
	buf->len = sizeof(u->sim->rbuf);
}

/* Answers one discovery datagram, unicast to its sender. */
static void
on_udp(uv_udp_t *h, ssize_t nread, const uv_buf_t *buf,
       const struct sockaddr *addr, unsigned flags)
{
	struct udp_l *u = h->data;
	struct cs_camsim_dyn dyn;
	struct cs_buf out;
	uv_buf_t b;

	if (nread <= 0 || addr == NULL || (flags & UV_UDP_PARTIAL) ||
	    u->sim->stopping)
		return;
	dyn = dyn_now(u->sim);
	cs_buf_init(&out, CS_CAMSIM_DISC_MAX);
	if (cs_camsim_disc_answer(u->dev, u->kind,
				  cs_span_make(buf->base, (size_t)nread), &dyn,
				  &out) == 0 &&
	    out.len > 0) {
		struct sockaddr_in to;
		uint16_t rp = cs_camsim_disc_info(u->kind)->reply_port;

		/* A protocol with a fixed reply port: the sender's address,
		 * that port. */
		memcpy(&to, addr, sizeof(to));
		if (rp)
			to.sin_port = htons(rp);
		b = uv_buf_init((char *)out.p, (unsigned)out.len);
		uv_udp_try_send(&u->udp, &b, 1, (const struct sockaddr *)&to);
	}
	cs_buf_free(&out);
}

/*
 * Opens the discovery sockets of d: 0.0.0.0:port of each protocol its
 * profile speaks, joined to the protocol's group on d's interface, with
 * broadcast allowed.  Used inside a network namespace, where the device
 * owns its stack.  Returns 0 or -1.
 */
static int
bind_udp(struct sim *s, const struct cs_camsim_device *d)
{
	s->us = cs_xcalloc(CS_CAMSIM_DISC_COUNT, sizeof(*s->us));
	/* The discovery protocols simulated here are IPv4 (their groups are
	 * IPv4 multicast): an IPv6 device answers over TCP only. */
	if (strchr(d->ip, ':') != NULL)
		return 0;
	for (int k = 0; k < CS_CAMSIM_DISC_COUNT; k++) {
		const struct cs_camsim_disc_info *in =
		    cs_camsim_disc_info((enum cs_camsim_disc)k);
		struct udp_l *u = &s->us[s->nus];
		struct sockaddr_in sa;
		int rc;

		if (!(d->prof->discovery & (1u << k)))
			continue;
		u->sim = s;
		u->dev = d;
		u->kind = (enum cs_camsim_disc)k;
		uv_udp_init(s->loop, &u->udp);
		u->udp.data = u;
		s->nus++;
		uv_ip4_addr("0.0.0.0", in->port, &sa);
		rc = uv_udp_bind(&u->udp, (const struct sockaddr *)&sa,
				 UV_UDP_REUSEADDR);
		if (rc == 0)
			rc = uv_udp_set_broadcast(&u->udp, 1);
		if (rc == 0 && in->group != NULL) {
			rc = uv_udp_set_membership(&u->udp, in->group, d->ip,
						   UV_JOIN_GROUP);
			if (rc == 0)
				rc = uv_udp_set_multicast_interface(&u->udp,
								    d->ip);
			if (rc == 0)
				rc = uv_udp_set_multicast_loop(&u->udp, 0);
		}
		if (rc == 0)
			rc = uv_udp_recv_start(&u->udp, on_udp_alloc, on_udp);
		if (rc != 0) {
			fprintf(stderr,
				"camsim: cannot open udp/%u (%s) on %s: %s\n",
				in->port, cs_camsim_disc_name(u->kind), d->ip,
				uv_strerror(rc));
			return -1;
		}
	}
	return 0;
}

static void
on_signal(uv_signal_t *h, int signum)
{
	struct sim *s = h->data;

	if (s->stopping)
		return;
	send_hello(s, true);
	s->stopping = true;
	fprintf(stderr, "camsim: signal %d, stopping\n", signum);
	for (size_t i = 0; i < s->nus; i++)
		uv_close((uv_handle_t *)&s->us[i].udp, NULL);
	for (size_t i = 0; i < s->nls; i++)
		uv_close((uv_handle_t *)&s->ls[i].tcp, NULL);
	while (s->conns != NULL)
		conn_close(s->conns);
	uv_close((uv_handle_t *)&s->sigint, NULL);
	uv_close((uv_handle_t *)&s->sigterm, NULL);
}

/* Raises RLIMIT_NOFILE to the hard limit; returns the new soft limit. */
static rlim_t
raise_nofile(void)
{
	struct rlimit rl;

	if (getrlimit(RLIMIT_NOFILE, &rl) != 0)
		return 0;
	rl.rlim_cur = rl.rlim_max;
	if (setrlimit(RLIMIT_NOFILE, &rl) != 0)
		getrlimit(RLIMIT_NOFILE, &rl);
	return rl.rlim_cur;
}

/* Binds and listens on every port of every device; 0 or -1. */
static int
bind_all(struct sim *s, const struct cs_camsim_device *devs, size_t n)
{
	size_t total = 0, k = 0;

	for (size_t i = 0; i < n; i++)
		total += devs[i].prof->nports;
	s->ls = cs_xcalloc(total, sizeof(*s->ls));
	for (size_t i = 0; i < n; i++) {
		for (size_t j = 0; j < devs[i].prof->nports; j++) {
			struct listener *l = &s->ls[k];
			struct sockaddr_storage sa;
			int rc;

			l->sim = s;
			l->dev = &devs[i];
			l->port = &devs[i].prof->ports[j];
			if (l->port->tls) {
				SSL_CTX **t = &s->ptls[tls_kind(l->port)]
						      [l->port->tls_expired];
				char err[256];
				if (*t == NULL)
					*t = cs_camsim_tls_ctx_opts(
					    l->port->tls_rsa_bits,
					    l->port->tls_expired, err,
					    sizeof(err));
				if (*t == NULL) {
					fprintf(stderr, "camsim: TLS: %s\n",
						err);
					return -1;
				}
			}
			uv_tcp_init(s->loop, &l->tcp);
			l->tcp.data = l;
			s->nls = ++k;
			if (strchr(devs[i].ip, ':') != NULL)
				rc = uv_ip6_addr(devs[i].ip, l->port->port,
						 (struct sockaddr_in6 *)&sa);
			else
				rc = uv_ip4_addr(devs[i].ip, l->port->port,
						 (struct sockaddr_in *)&sa);
			/* libuv sets SO_REUSEADDR on TCP binds. */
			if (rc == 0)
				rc = uv_tcp_bind(
				    &l->tcp, (const struct sockaddr *)&sa,
				    sa.ss_family == AF_INET6 ? UV_TCP_IPV6ONLY
							     : 0);
			if (rc == 0)
				rc = uv_listen((uv_stream_t *)&l->tcp, BACKLOG,
					       on_connection);
			if (rc != 0) {
				fprintf(
				    stderr,
				    "camsim: cannot bind %s:%u (%s, profile "
				    "%s): %s\n",
				    devs[i].ip, l->port->port,
				    devs[i].prof->name, devs[i].model->name,
				    uv_strerror(rc));
				return -1;
			}
		}
	}
	return 0;
}

static void
close_walk(uv_handle_t *h, void *arg)
{
	if (!uv_is_closing(h))
		uv_close(h, NULL);
}

static int
write_manifest(const char *path, const struct cs_camsim_device *devs, size_t n)
{
	FILE *f = fopen(path, "w");
	int rc;

	if (f == NULL) {
		fprintf(stderr, "camsim: %s: %s\n", path, strerror(errno));
		return -1;
	}
	rc = cs_camsim_manifest_write(f, devs, n);
	if (fclose(f) != 0 || rc != 0) {
		fprintf(stderr, "camsim: %s: write error\n", path);
		return -1;
	}
	return 0;
}

/* Reads "user:password" from the first line of path into the profile. */
static int
load_credentials(const char *path, struct cs_camsim_profile *p)
{
	char line[512], *colon, *nl;
	FILE *f = fopen(path, "r");

	if (f == NULL || fgets(line, sizeof(line), f) == NULL) {
		fprintf(stderr, "camsim: %s: cannot read credentials\n", path);
		if (f != NULL)
			fclose(f);
		return -1;
	}
	fclose(f);
	if ((nl = strpbrk(line, "\r\n")) != NULL)
		*nl = '\0';
	if ((colon = strchr(line, ':')) == NULL || colon == line) {
		fprintf(stderr, "camsim: %s: want user:password\n", path);
		return -1;
	}
	*colon = '\0';
	free(p->user);
	free(p->password);
	p->user = cs_xstrdup(line);
	p->password = cs_xstrdup(colon + 1);
	return 0;
}

/*
 * --device-ip mode: one device with its own network stack (a network
 * namespace), TCP on its address and UDP discovery on 0.0.0.0.
 */
static int
device_main(const char *ip, const char *profile, const char *seed_s,
	    const char *manifest, const char *data, const char *cred,
	    bool dry_run)
{
	struct cs_camsim_set *set = NULL;
	struct cs_camsim_device *dev = NULL;
	struct sim *s = NULL;
	struct sigaction sa;
	long long seed;
	uint32_t addr;
	uint8_t a6[16];
	bool v6 = false;
	char err[512];
	int ret = 1;

	if (ip == NULL || profile == NULL || seed_s == NULL ||
	    manifest == NULL) {
		usage(stderr);
		return 1;
	}
	if (cs_str_tonum(seed_s, 0, INT64_MAX, &seed) != 0) {
		fprintf(stderr, "camsim: --seed must be a non-negative "
				"integer\n");
		return 1;
	}
	if (strlen(ip) < 46 && inet_pton(AF_INET6, ip, a6) == 1) {
		static const uint8_t loop6[16] = {[15] = 1};

		/* ::1, or a unique-local address (fd00::/8) of a network
		 * namespace the test created; never anything routed. */
		if (memcmp(a6, loop6, 16) != 0 && a6[0] != 0xfd) {
			fprintf(stderr,
				"camsim: refusing %s: an IPv6 --device-ip "
				"must be ::1 or inside fd00::/8\n",
				ip);
			return 1;
		}
		v6 = true;
		/* The identity is drawn as for 127.0.0.1 with this seed,
		 * plus the last address bytes. */
		addr = 0x7f000000u | (uint32_t)a6[13] << 16 |
		       (uint32_t)a6[14] << 8 | a6[15];
	} else if (cs_ipv4_parse(cs_span_make(ip, strlen(ip)),
				 CS_IPV4_NO_LEADING_ZERO, &addr) != 0) {
		fprintf(stderr, "camsim: bad --device-ip %s\n", ip);
		return 1;
	}
	/* 127/8, or the RFC 2544 benchmarking range 198.18.0.0/15. */
	if (!v6 && (addr >> 24) != 127 && (addr >> 17) != (0xc6120000u >> 17)) {
		fprintf(stderr,
			"camsim: refusing %s: --device-ip must lie in "
			"127.0.0.0/8 or 198.18.0.0/15\n",
			ip);
		return 1;
	}
	if ((set = cs_camsim_set_load_one(data, profile, err, sizeof(err))) ==
	    NULL) {
		fprintf(stderr, "camsim: %s\n", err);
		return 1;
	}
	if (cred != NULL && load_credentials(cred, set->profiles[0]) != 0)
		goto out;
	cs_camsim_device_build(set, addr, (uint64_t)seed, &dev);
	if (v6)
		inet_ntop(AF_INET6, a6, dev->ip, sizeof(dev->ip));
	if (dry_run) {
		ret = write_manifest(manifest, dev, 1) == 0 ? 0 : 1;
		goto out;
	}
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = SIG_IGN;
	sigaction(SIGPIPE, &sa, NULL);
	s = cs_xcalloc(1, sizeof(*s));
	s->loop = uv_default_loop();
	s->nonce = (uint64_t)seed ^ ((uint64_t)time(NULL) << 20) ^ addr;
	s->secret = cs_camsim_rand(&s->nonce);
	uv_signal_init(s->loop, &s->sigint);
	uv_signal_init(s->loop, &s->sigterm);
	s->sigint.data = s->sigterm.data = s;
	uv_signal_start(&s->sigint, on_signal, SIGINT);
	uv_signal_start(&s->sigterm, on_signal, SIGTERM);
	if (bind_all(s, dev, 1) != 0 || bind_udp(s, dev) != 0 ||
	    write_manifest(manifest, dev, 1) != 0)
		goto out;
	printf("camsim: ready 1 devices\n");
	fflush(stdout);
	send_hello(s, false);
	uv_run(s->loop, UV_RUN_DEFAULT);
	ret = 0;
out:
	if (s != NULL) {
		uv_walk(s->loop, close_walk, NULL);
		uv_run(s->loop, UV_RUN_DEFAULT);
		uv_loop_close(s->loop);
		ptls_free(s);
		free(s->ls);
		free(s->us);
		free(s);
	}
	cs_camsim_estate_free(dev, 1);
	cs_camsim_set_free(set);
	return ret;
}

/*
 * --replay mode: every unit of a JSON Lines file of identify input on its
 * own address of cidr, answering with the recorded bytes.
 */
static int
replay_main(const char *file, const char *cidr_s, const char *manifest)
{
	struct cs_rp_set set;
	struct cs_camsim_cidr cidr;
	struct sim *s = NULL;
	struct sigaction sa;
	uint64_t usable;
	uint32_t next, last;
	size_t nports = 0, hosts = 0, k = 0;
	rlim_t nofile;
	FILE *f;
	int rc, ret = 1;

	if (cidr_s == NULL || manifest == NULL) {
		usage(stderr);
		return 1;
	}
	rc = cs_camsim_cidr_parse(cidr_s, &cidr);
	if (rc != 0) {
		fprintf(stderr,
			"camsim: refusing --cidr %s (want 127.a.b.c/8..30 "
			"with host bits zero, inside 127.0.0.0/8)\n",
			cidr_s);
		return 1;
	}
	usable = cs_camsim_cidr_usable(&cidr);
	if ((f = fopen(file, "r")) == NULL) {
		fprintf(stderr, "camsim: %s: %s\n", file, strerror(errno));
		return 1;
	}
	rc = cs_rp_load(f, CS_CAMSIM_MAX_DEVICES, &set);
	fclose(f);
	if (rc != 0) {
		fprintf(stderr, "camsim: %s: more than %d units\n", file,
			CS_CAMSIM_MAX_DEVICES);
		goto out;
	}
	/* Addresses in order, skipping the network address, 127.0.0.1 and
	 * the broadcast address. */
	next = cidr.net + 1;
	last = cidr.net + (uint32_t)((1ull << (32 - cidr.len)) - 2);
	for (size_t i = 0; i < set.nunits; i++) {
		struct cs_rp_unit *u = &set.units[i];
		struct in_addr ia;

		if (u->nports == 0)
			continue;
		if (next == 0x7f000001u)
			next++;
		if (hosts >= usable || next > last) {
			fprintf(stderr,
				"camsim: %s: more served units than the %llu "
				"usable addresses of %s\n",
				file, (unsigned long long)usable, cidr_s);
			goto out;
		}
		u->addr = next++;
		ia.s_addr = htonl(u->addr);
		inet_ntop(AF_INET, &ia, u->ip, sizeof(u->ip));
		nports += u->nports;
		hosts++;
	}
	nofile = raise_nofile();
	if (nofile != RLIM_INFINITY && nports + FD_MARGIN > nofile) {
		fprintf(stderr,
			"camsim: %zu listening ports need more than "
			"the descriptors allowed (ulimit -n)\n",
			nports);
		goto out;
	}
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = SIG_IGN;
	sigaction(SIGPIPE, &sa, NULL);
	s = cs_xcalloc(1, sizeof(*s));
	s->loop = uv_default_loop();
	uv_signal_init(s->loop, &s->sigint);
	uv_signal_init(s->loop, &s->sigterm);
	s->sigint.data = s->sigterm.data = s;
	uv_signal_start(&s->sigint, on_signal, SIGINT);
	uv_signal_start(&s->sigterm, on_signal, SIGTERM);
	for (size_t i = 0; i < set.nunits && s->tls == NULL; i++)
		for (size_t j = 0; j < set.units[i].nports; j++)
			if (set.units[i].ports[j].tls) {
				char err[160];

				s->tls = cs_camsim_tls_ctx(err, sizeof(err));
				if (s->tls == NULL) {
					fprintf(stderr, "camsim: TLS: %s\n",
						err);
					goto out;
				}
				break;
			}
	s->ls = cs_xcalloc(nports ? nports : 1, sizeof(*s->ls));
	for (size_t i = 0; i < set.nunits; i++) {
		const struct cs_rp_unit *u = &set.units[i];

		for (size_t j = 0; j < u->nports; j++) {
			struct listener *l = &s->ls[k];
			struct sockaddr_in sin;

			l->sim = s;
			l->rp = &u->ports[j];
			uv_tcp_init(s->loop, &l->tcp);
			l->tcp.data = l;
			s->nls = ++k;
			rc = uv_ip4_addr(u->ip, l->rp->port, &sin);
			if (rc == 0)
				rc = uv_tcp_bind(
				    &l->tcp, (const struct sockaddr *)&sin, 0);
			if (rc == 0)
				rc = uv_listen((uv_stream_t *)&l->tcp, BACKLOG,
					       on_connection);
			if (rc != 0) {
				fprintf(stderr,
					"camsim: cannot bind %s:%u (unit %s): "
					"%s\n",
					u->ip, l->rp->port, u->key,
					uv_strerror(rc));
				goto out;
			}
		}
	}
	f = fopen(manifest, "w");
	rc = f == NULL ? -1 : cs_rp_manifest_write(f, &set);
	if (f != NULL && fclose(f) != 0)
		rc = -1;
	if (rc != 0) {
		fprintf(stderr, "camsim: %s: cannot write the manifest\n",
			manifest);
		goto out;
	}
	cs_rp_summary(stderr, &set);
	printf("camsim: ready %zu devices\n", hosts);
	fflush(stdout);
	uv_run(s->loop, UV_RUN_DEFAULT);
	ret = 0;
out:
	if (s != NULL) {
		uv_walk(s->loop, close_walk, NULL);
		uv_run(s->loop, UV_RUN_DEFAULT);
		uv_loop_close(s->loop);
		SSL_CTX_free(s->tls);
		ptls_free(s);
		free(s->ls);
		free(s);
	}
	cs_rp_set_free(&set);
	return ret;
}

int
main(int argc, char **argv)
{
	const char *cidr_s = NULL, *manifest = NULL, *mix = "default";
	const char *data = CS_SRCDIR "/data/camsim", *count_s = NULL,
		   *reqlog_path = NULL;
	const char *seed_s = NULL, *dev_ip = NULL, *profile = NULL;
	const char *cred = NULL, *replay = NULL;
	bool dry_run = false;
	struct cs_camsim_set *set = NULL;
	struct cs_camsim_device *devs = NULL;
	struct cs_camsim_cidr cidr;
	struct sim *s = NULL;
	struct sigaction sa;
	long long count = 0, seed = 0;
	uint64_t usable;
	char err[512];
	size_t nports = 0;
	rlim_t nofile;
	int rc, ret = 1;

	for (int i = 1; i < argc; i++) {
		const char **dst = NULL;

		if (strcmp(argv[i], "--help") == 0 ||
		    strcmp(argv[i], "-h") == 0) {
			usage(stdout);
			return 0;
		}
		if (strcmp(argv[i], "--dry-run") == 0) {
			dry_run = true;
			continue;
		}
		if (strcmp(argv[i], "--cidr") == 0)
			dst = &cidr_s;
		else if (strcmp(argv[i], "--count") == 0)
			dst = &count_s;
		else if (strcmp(argv[i], "--seed") == 0)
			dst = &seed_s;
		else if (strcmp(argv[i], "--manifest") == 0)
			dst = &manifest;
		else if (strcmp(argv[i], "--mix") == 0)
			dst = &mix;
		else if (strcmp(argv[i], "--data") == 0)
			dst = &data;
		else if (strcmp(argv[i], "--device-ip") == 0)
			dst = &dev_ip;
		else if (strcmp(argv[i], "--profile") == 0)
			dst = &profile;
		else if (strcmp(argv[i], "--credentials") == 0)
			dst = &cred;
		else if (strcmp(argv[i], "--request-log") == 0)
			dst = &reqlog_path;
		else if (strcmp(argv[i], "--replay") == 0)
			dst = &replay;
		if (dst == NULL || i + 1 >= argc) {
			fprintf(stderr, "camsim: bad argument: %s\n", argv[i]);
			usage(stderr);
			return 1;
		}
		*dst = argv[++i];
	}
	if (reqlog_path != NULL) {
		reqlog = fopen(reqlog_path, "w");
		if (reqlog == NULL) {
			fprintf(stderr, "camsim: %s: %s\n", reqlog_path,
				strerror(errno));
			return 1;
		}
		setvbuf(reqlog, NULL, _IOLBF, 0);
	}
	if (replay != NULL)
		return replay_main(replay, cidr_s, manifest);
	if (dev_ip != NULL || profile != NULL)
		return device_main(dev_ip, profile, seed_s, manifest, data,
				   cred, dry_run);
	if (cidr_s == NULL || count_s == NULL || seed_s == NULL ||
	    manifest == NULL) {
		usage(stderr);
		return 1;
	}
	if (cs_str_tonum(count_s, 1, CS_CAMSIM_MAX_DEVICES, &count) != 0) {
		fprintf(stderr, "camsim: --count must be 1..%d\n",
			CS_CAMSIM_MAX_DEVICES);
		return 1;
	}
	if (cs_str_tonum(seed_s, 0, INT64_MAX, &seed) != 0) {
		fprintf(stderr, "camsim: --seed must be a non-negative "
				"integer\n");
		return 1;
	}
	rc = cs_camsim_cidr_parse(cidr_s, &cidr);
	if (rc == CS_ESCOPE) {
		fprintf(stderr,
			"camsim: refusing %s: only addresses inside "
			"127.0.0.0/8 may be used\n",
			cidr_s);
		return 1;
	}
	if (rc != 0) {
		fprintf(stderr,
			"camsim: bad --cidr %s (want 127.a.b.c/8..30 "
			"with host bits zero)\n",
			cidr_s);
		return 1;
	}
	usable = cs_camsim_cidr_usable(&cidr);
	if ((uint64_t)count > usable) {
		fprintf(stderr,
			"camsim: %lld devices do not fit in %s (%llu "
			"usable addresses)\n",
			count, cidr_s, (unsigned long long)usable);
		return 1;
	}
	if ((set = cs_camsim_set_load(data, mix, err, sizeof(err))) == NULL) {
		fprintf(stderr, "camsim: %s\n", err);
		return 1;
	}
	if (cs_camsim_estate_build(set, &cidr, (size_t)count, (uint64_t)seed,
				   &devs) != 0) {
		fprintf(stderr, "camsim: cannot build the estate\n");
		goto out;
	}
	for (long long i = 0; i < count; i++)
		nports += devs[i].prof->nports;
	nofile = raise_nofile();
	if (nofile != RLIM_INFINITY && nports + FD_MARGIN > nofile) {
		fprintf(stderr,
			"camsim: %zu listening ports need more than the "
			"%llu descriptors allowed (ulimit -n)\n",
			nports, (unsigned long long)nofile);
		goto out;
	}
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = SIG_IGN;
	sigaction(SIGPIPE, &sa, NULL);

	s = cs_xcalloc(1, sizeof(*s));
	s->loop = uv_default_loop();
	s->nonce = (uint64_t)seed ^ ((uint64_t)time(NULL) << 20);
	s->secret = cs_camsim_rand(&s->nonce);
	uv_signal_init(s->loop, &s->sigint);
	uv_signal_init(s->loop, &s->sigterm);
	s->sigint.data = s->sigterm.data = s;
	uv_signal_start(&s->sigint, on_signal, SIGINT);
	uv_signal_start(&s->sigterm, on_signal, SIGTERM);
	if (bind_all(s, devs, (size_t)count) != 0)
		goto out;
	if (write_manifest(manifest, devs, (size_t)count) != 0)
		goto out;
	printf("camsim: ready %lld devices\n", count);
	fflush(stdout);
	fprintf(stderr, "camsim: %zu ports on %lld devices in %s (mix %s)\n",
		nports, count, cidr_s, mix);
	uv_run(s->loop, UV_RUN_DEFAULT);
	ret = 0;
out:
	if (s != NULL) {
		uv_walk(s->loop, close_walk, NULL);
		uv_run(s->loop, UV_RUN_DEFAULT);
		uv_loop_close(s->loop);
		ptls_free(s);
		free(s->ls);
		free(s->us);
		free(s);
	}
	cs_camsim_estate_free(devs, (size_t)count);
	cs_camsim_set_free(set);
	return ret;
}
