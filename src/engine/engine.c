/* SPDX-License-Identifier: ISC */
/* The libuv scan engine; see engine.h for the contract. */
#include "engine/engine.h"

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>
#include <uv.h>

#include "core/alloc.h"
#include "core/buf.h"
#include "core/str.h"
#include "engine/budget.h"
#include "engine/creds.h"
#include "engine/discover.h"
#include "probe/probe.h"
#include "core/poison.h"

#define WINDOW (1u << 20) /* indexes in flight past the watermark */
#define MAX_OPEN 64       /* open ports recorded per host */
#define MAX_JOBS 32       /* probe exchanges queued per host */
#define TICK_MS 250       /* checkpoint and progress period */
#define MAX_PROBES 32
#define MAX_RETRY 16      /* sweep ports waiting for a descriptor */
#define HOST_RES_TRIES 32 /* resource failures a host may suffer */
#define CALM_MS 1000      /* without failures before the cap grows */
#define STALL_TRIES 10    /* failures with nothing in flight to wait for */
#define BACKOFF_MIN_MS 20
#define BACKOFF_MAX_MS 1000
#define MAX_TLS_NOTED 8         /* TLS ports whose outcome a host keeps */
#define TLS_MAX_CERT_LIST 65536 /* bytes of a peer's certificate chain */
#define TLS_HS_MAX (96 * 1024)  /* handshake bytes accepted from a peer */
#define LIVE_MIN_MS 250         /* shortest timeout of a liveness probe */
#define LIVE_MAX 4              /* liveness probes of a silent address */

struct job {
	const struct cs_probe *probe;
	uint16_t port;
	char arg[128]; /* the probe's argument, "" if none */
};

struct host {
	struct cs_addr addr; /* IPv4 or IPv6 */
	uint32_t ip;         /* IPv4 (host order); 0 for IPv6 */
	uint32_t seg;        /* the packet budget's key (ip, or seg6()) */
	uint64_t index;
	size_t next_port; /* sweep position in opts->ports */
	uint16_t open[MAX_OPEN];
	size_t nopen;
	struct job jobs[MAX_JOBS];
	size_t njobs, jhead;
	bool once[MAX_PROBES]; /* ONCE probes already queued */
	unsigned active;       /* connections in flight */
	uint64_t deadline;     /* loop time (ms) of the budget's end */
	bool queued;           /* in the ready queue */
	struct host *next;     /* ready queue link */
	struct cs_obs_list obs;
	const struct cs_cred *cred; /* the user's credential, or NULL */
	unsigned timeouts;          /* sweep connects that got no answer */
	unsigned live_sent;         /* liveness probes started */
	uint16_t unheard[LIVE_MAX]; /* liveness probes timed out */
	size_t nunheard;
	bool answered;             /* any SYN-ACK or RST seen */
	bool cred_spent;           /* the credential was sent once */
	uint16_t retry[MAX_RETRY]; /* sweep ports to try again */
	size_t nretry;
	unsigned res_fails; /* connections refused for lack of resources */
	bool failed;        /* given up: could not be tried completely */
	/* TLS ports seen: tls_cert, the peer certificate is recorded;
	 * tls_dead, a failure is recorded (the handshake failed there: its
	 * TLS jobs are dropped). */
	uint16_t tls_noted[MAX_TLS_NOTED];
	bool tls_cert[MAX_TLS_NOTED];
	bool tls_dead[MAX_TLS_NOTED];
	size_t ntls_noted;
};

enum conn_state { C_CONNECTING, C_SENDING, C_READING, C_CLOSING };

struct conn {
	uv_tcp_t tcp;
	uv_connect_t creq;
	uv_write_t wreq;
	uv_timer_t timer;
	struct engine *e;
	struct host *h;
	uint16_t port;
	const struct cs_probe *probe; /* NULL for a bare sweep */
	char arg[128];                /* the probe's argument */
	bool secret; /* out may hold a credential: wiped when emptied */
	bool sweep;  /* this connection sweeps the port */
	bool live;   /* ... as a liveness probe (the host has not answered) */
	bool late;   /* its answer was in the kernel at the timeout */
	uint64_t t0; /* uv_hrtime() at the connect */
	enum conn_state state;
	int handles; /* handles still to close */
	struct cs_buf in, out;
	unsigned step;
	struct conn *prev, *next; /* all live connections */
	/* TLS (the probe's tls_ports): OpenSSL over memory BIOs on this
	 * connection; the loop never blocks on it. */
	SSL *ssl;
	BIO *rbio, *wbio;    /* peer -> SSL, SSL -> peer (owned by ssl) */
	bool hs_done;        /* the handshake finished */
	size_t hs_bytes;     /* bytes received during the handshake */
	unsigned tls_writes; /* TLS writes in flight */
};

/* One TLS write: the ciphertext OpenSSL produced, in flight. */
struct tls_wreq {
	uv_write_t req;
	struct conn *c;
	uv_buf_t buf;
	uint8_t data[];
};

struct engine {
	uv_loop_t loop;
	uv_timer_t pump_timer, tick;
	uv_signal_t sigint, sigterm;
	const struct cs_engine_opts *o;
	const struct cs_engine_cb *cb;
	struct cs_engine_stats *st;
	const struct cs_probe *const *probes;
	size_t nprobes;
	struct cs_perm perm;
	uint64_t total;      /* addresses to visit */
	uint64_t next_index; /* next permutation index to admit */
	uint64_t watermark;  /* all indexes below are finished */
	uint8_t *done;       /* WINDOW flags, by index % WINDOW */
	struct host *rq_head, *rq_tail;
	unsigned conns; /* live connections */
	unsigned hosts; /* hosts in flight */
	double tokens;
	uint64_t token_ms; /* loop time of the last refill */
	bool pump_armed;
	bool stopping;
	uv_timer_t disc_timer; /* the discovery phase before the sweep */
	bool disc_wait;        /* the sweep has not started yet */
	bool disc_done;        /* discovery stopped */
	uint64_t start_ms;
	struct conn *live;
	struct cs_budget *budget; /* per-segment RTT and loss (budget.h) */
	/* Resource exhaustion (EMFILE, ENFILE, ENOBUFS, ENOMEM): the
	 * concurrency cap shrinks, new connections wait until backoff_until,
	 * and the target is tried again later. */
	unsigned cap;           /* current concurrency cap */
	unsigned ok_since_fail; /* connections opened since the last one */
	unsigned backoff_ms;
	uint64_t backoff_until;
	uint64_t last_fail; /* loop time of the last resource failure */
	unsigned stall;     /* consecutive failures, nothing in flight */
	SSL_CTX *tls;       /* client context of every TLS exchange */
};

static void pump(struct engine *e);
static void out_clear(struct conn *c);
static bool is_resource(int rc);
static void resource_fail(struct engine *e, struct conn *c);
static void stop_all(struct engine *e);

void
cs_engine_opts_default(struct cs_engine_opts *o)
{
	memset(o, 0, sizeof(*o));
	o->rate = 1000;
	o->max_conns = 512;
	o->host_conns = 2;
	o->connect_timeout_ms = 1500;
	o->read_timeout_ms = 3000;
	o->host_timeout_ms = 30000;
	o->dead_after = 3;
	o->liveness = 1;
}

/* ---- hosts and the ready queue ---- */

/* True when the packet budget's liveness probes are on (docs/budget.md). */
static bool
live_on(const struct engine *e)
{
	return e->o->liveness > 0 && e->o->dead_after > 0;
}

/* Liveness probes a host that has not answered may have: more where its
 * segment drops packets, as many as its measured loss calls for
 * (cs_budget_probes), at most LIVE_MAX. */
static unsigned
live_quota(const struct engine *e, const struct host *h)
{
	cs_budget_mature(e->budget, uv_now(&e->loop));
	return e->o->liveness - 1 +
	       cs_budget_probes(e->budget, h->seg, LIVE_MAX);
}

static bool
has_work(struct engine *e, const struct host *h)
{
	if (uv_now(&e->loop) >= h->deadline || e->stopping || h->failed)
		return false;
	/* Until it answers, a host gets its liveness probes only. */
	if (h->next_port < e->o->nports &&
	    (!live_on(e) || h->answered || h->live_sent < live_quota(e, h)))
		return true;
	/* ports whose liveness probe went unanswered, once the host has */
	if (h->answered && h->nunheard > 0)
		return true;
	return h->nretry > 0 || h->jhead < h->njobs;
}

static void
enqueue(struct engine *e, struct host *h)
{
	if (h->queued || !has_work(e, h) || h->active >= e->o->host_conns)
		return;
	h->queued = true;
	h->next = NULL;
	if (e->rq_tail)
		e->rq_tail->next = h;
	else
		e->rq_head = h;
	e->rq_tail = h;
}

static struct host *
dequeue(struct engine *e)
{
	struct host *h = e->rq_head;

	if (h) {
		e->rq_head = h->next;
		if (e->rq_head == NULL)
			e->rq_tail = NULL;
		h->queued = false;
	}
	return h;
}

static void
mark_done(struct engine *e, uint64_t index)
{
	e->done[index % WINDOW] = 1;
	while (e->watermark < e->next_index && e->done[e->watermark % WINDOW]) {
		e->done[e->watermark % WINDOW] = 0;
		e->watermark++;
	}
}

static int
cmp_port(const void *a, const void *b)
{
	return (int)*(const uint16_t *)a - (int)*(const uint16_t *)b;
}

static void
host_finish(struct engine *e, struct host *h)
{
	bool heard = false;

	/* Discovery observations and the MAC join the host's own.  The
	 * discovery protocols are IPv4 (their groups are). */
	if (e->o->disc && !e->stopping && !h->addr.v6 &&
	    (h->nopen > 0 || cs_disc_known(e->o->disc, h->ip)))
		heard = cs_disc_merge(e->o->disc, h->ip, &h->obs);
	/* An IPv6 host: only its MAC, from the IPv6 neighbour table. */
	if (e->o->disc && !e->stopping && h->addr.v6 && h->nopen > 0)
		cs_disc_merge6(e->o->disc, h->addr.a6, &h->obs);
	if ((h->nopen > 0 || heard) && !e->stopping && !h->failed &&
	    h->nretry == 0) {
		struct cs_host_report r;

		qsort(h->open, h->nopen, sizeof(h->open[0]), cmp_port);
		r.addr = h->addr;
		r.ip = h->ip;
		r.index = h->index;
		r.ports = h->open;
		r.nports = h->nopen;
		r.obs = &h->obs;
		e->st->hosts_up++;
		if (e->cb->host_done)
			e->cb->host_done(e->cb->arg, &r);
	}
	/* An interrupted host is not finished: a resume rescans it.  Nor
	 * is one that could not be tried for lack of resources. */
	if (h->failed || (h->nretry > 0 && !e->stopping)) {
		e->st->targets_failed++;
	} else if (!e->stopping) {
		mark_done(e, h->index);
		e->st->addrs_done++;
	}
	cs_obs_list_free(&h->obs);
	free(h);
	e->hosts--;
}

/* ---- credentials (issue #4 part F) ---- */

/* The credential the user's file names for a, or NULL. */
static const struct cs_cred *
host_cred(const struct engine *e, const struct cs_addr *a)
{
	return e->o->creds ? cs_creds_lookup_addr(e->o->creds, a) : NULL;
}

/*
 * The packet budget's key of an IPv6 host (budget.h keys IPv4 by /24):
 * its /64 folded into 0.0.0.0/8, which no IPv4 target can be (a built-in
 * exclusion), so IPv6 segments never share an IPv4 segment's RTT.
 */
static uint32_t
seg6(const uint8_t a[16])
{
	uint32_t x = 2166136261u; /* FNV-1a over the /64 */

	for (int i = 0; i < 8; i++)
		x = (x ^ a[i]) * 16777619u;
	return (x & 0x00FFFF00u) | 1u;
}

/* True if probe p may run on host h: credentialed probes need a credential. */
static bool
cred_allows(const struct host *h, const struct cs_probe *p)
{
	return !(p->flags & CS_PROBE_CRED) || h->cred != NULL;
}

static void add_job(struct host *h, const struct cs_probe *p, uint16_t port,
		    const char *arg);

static struct host *
admit(struct engine *e)
{
	struct host *h;

	if (e->stopping || e->next_index >= e->total ||
	    e->next_index - e->watermark >= WINDOW ||
	    e->hosts >= e->o->max_conns)
		return NULL;
	h = cs_xcalloc(1, sizeof(*h));
	h->index = e->next_index++;
	cs_scope_nth_addr(e->o->scope, cs_perm_at(&e->perm, h->index),
			  &h->addr);
	h->ip = h->addr.v6 ? 0 : h->addr.v4;
	h->seg = h->addr.v6 ? seg6(h->addr.a6) : h->ip;
	h->deadline = uv_now(&e->loop) + e->o->host_timeout_ms;
	cs_obs_list_init(&h->obs);
	h->cred = host_cred(e, &h->addr);
	e->hosts++;
	if (e->o->disc && !e->o->connect_only && !h->addr.v6) {
		struct cs_disc_fetch f[CS_DISC_MAX_FETCH];
		size_t nf = cs_disc_fetches(e->o->disc, h->ip, f, CS_NELEM(f));

		/* UPnP descriptions an in-scope LOCATION named; the scope
		 * check in conn_start still has the last word. */
		for (size_t i = 0; i < nf; i++)
			add_job(h, &cs_disc_upnp_probe, f[i].port, f[i].path);
	}
	return h;
}

static void
add_job(struct host *h, const struct cs_probe *p, uint16_t port,
	const char *arg)
{
	struct job *j;

	if (h->njobs >= MAX_JOBS)
		return;
	j = &h->jobs[h->njobs++];
	j->probe = p;
	j->port = port;
	snprintf(j->arg, sizeof(j->arg), "%s", arg);
}

/* Stops sweeping a host that cannot answer; probes already queued stay. */
static void
host_give_up(struct engine *e, struct host *h)
{
	if (h->next_port < e->o->nports) {
		e->st->hosts_skipped++;
		h->next_port = e->o->nports;
	}
}

/*
 * Queues the probes that run on a newly opened port.  A port no probe
 * claims (one the user listed: a web interface moved to 8090, an RTSP
 * server on 8086) is not left at tcp.open: the banner probe reads what
 * it says first, and a silent one gets the web probe (banner.c: arg
 * CS_PROBE_ARG_ANY), whose RTSP answer in turn gets the RTSP probe.
 * Nothing but the sweep's connect goes to a raw print port.
 */
static void
plan_port(struct engine *e, struct host *h, uint16_t port)
{
	const struct cs_probe *greet = NULL;
	bool claimed = false;

	for (size_t i = 0; i < e->nprobes && i < MAX_PROBES; i++) {
		const struct cs_probe *p = e->probes[i];

		if (strcmp(p->name, "banner") == 0)
			greet = p;
		if (!cs_probe_on_port(p, port) || !cred_allows(h, p) ||
		    (p->flags & CS_PROBE_FOLLOWUP))
			continue;
		claimed = true;
		if (p->flags & CS_PROBE_ONCE) {
			if (h->once[i])
				continue;
			h->once[i] = true;
		}
		add_job(h, p, port, "");
	}
	if (!claimed && greet != NULL && !cs_port_is_print(port))
		add_job(h, greet, port, CS_PROBE_ARG_ANY);
}

/* ---- connections ---- */

static void
on_handle_closed(uv_handle_t *hd)
{
	struct conn *c = hd->data;
	struct engine *e = c->e;
	struct host *h = c->h;

	if (--c->handles > 0)
		return;
	if (c->prev)
		c->prev->next = c->next;
	else
		e->live = c->next;
	if (c->next)
		c->next->prev = c->prev;
	cs_buf_free(&c->in);
	out_clear(c);
	cs_buf_free(&c->out);
	if (c->ssl)
		SSL_free(c->ssl); /* frees its BIOs */
	free(c);
	e->conns--;
	h->active--;
	if (has_work(e, h))
		enqueue(e, h);
	else if (h->active == 0)
		host_finish(e, h);
	pump(e);
}

static void
conn_close(struct conn *c)
{
	if (c->state == C_CLOSING)
		return;
	c->state = C_CLOSING;
	uv_timer_stop(&c->timer);
	if (!uv_is_closing((uv_handle_t *)&c->tcp))
		uv_close((uv_handle_t *)&c->tcp, on_handle_closed);
	if (!uv_is_closing((uv_handle_t *)&c->timer))
		uv_close((uv_handle_t *)&c->timer, on_handle_closed);
}

static void
probe_ctx(struct conn *c, struct cs_probe_ctx *ctx)
{
	memset(ctx, 0, sizeof(*ctx));
	ctx->ip = c->h->ip;
	ctx->v6 = c->h->addr.v6;
	ctx->port = c->port;
	/* IPv6 in brackets, as a Host header and a URL write it. */
	cs_addr_host(&c->h->addr,
		     c->port == 80 || c->port == 554 ||
			     (c->ssl && c->port == 443)
			 ? 0
			 : c->port,
		     ctx->host, sizeof(ctx->host));
	ctx->out = &c->out;
	ctx->obs = &c->h->obs;
	ctx->step = c->step;
	ctx->arg = c->arg;
	ctx->probe = c->probe;
	ctx->tls = c->ssl != NULL;
	/* Only a credentialed probe ever sees the credential, and only
	 * until one request has carried it: each credential is tried at
	 * most once per host per run, across all probes. */
	if (c->probe && (c->probe->flags & CS_PROBE_CRED) && !c->h->cred_spent)
		ctx->cred = c->h->cred;
}

/*
 * Called when a credentialed probe's request is about to leave: if it
 * carries an Authorization header (http_auth.c writes it so), the host's
 * credential is spent for the rest of the run.
 */
static void
cred_note_sent(struct conn *c)
{
	static const char hdr[] = "\r\nAuthorization:";

	if (c->probe && (c->probe->flags & CS_PROBE_CRED) && c->out.len &&
	    cs_memmem(c->out.p, c->out.len, (const uint8_t *)hdr,
		      sizeof(hdr) - 1) != NULL)
		c->h->cred_spent = true;
}

/*
 * Nothing that answered a credentialed request is kept raw: observations
 * a CS_PROBE_CRED probe recorded from bytes it could not parse (flagged
 * malformed or truncated) keep their key and size, not their content.
 */
static void
withhold_raw(struct cs_obs_list *obs, size_t from)
{
	for (size_t i = from; i < obs->n; i++) {
		struct cs_obs *o = &obs->v[i];
		char note[96];
		int k;

		if (!(o->flags &
		      (CS_OBS_MALFORMED | CS_OBS_TRUNCATED | CS_OBS_BINARY)))
			continue;
		k = snprintf(note, sizeof(note),
			     "withheld: %zu bytes of a reply to a credentialed "
			     "request",
			     o->len);
		explicit_bzero(o->val, o->len);
		free(o->val);
		o->val = (uint8_t *)cs_xstrdup(note);
		o->len = k > 0 ? (size_t)k : 0;
		o->flags &= ~(unsigned)CS_OBS_BINARY;
	}
}

/*
 * A CS_PROBE_FOLLOWUP|CS_PROBE_ONCE probe is queued at most once per
 * host, whichever probe (on whichever port) asks for it first.
 */
static bool
followup_allowed(struct conn *c, const struct cs_probe *p)
{
	const unsigned both = CS_PROBE_FOLLOWUP | CS_PROBE_ONCE;

	if ((p->flags & both) != both)
		return true;
	for (size_t i = 0; i < c->e->nprobes && i < MAX_PROBES; i++)
		if (c->e->probes[i] == p) {
			if (c->h->once[i])
				return false;
			c->h->once[i] = true;
			return true;
		}
	return true;
}

static void
probe_end(struct conn *c, enum cs_probe_end why)
{
	struct cs_probe_ctx ctx;

	if (c->probe && c->state != C_CLOSING) {
		size_t n0 = c->h->obs.n;

		probe_ctx(c, &ctx);
		c->probe->finish(&ctx, c->in.p ? c->in.p : (const uint8_t *)"",
				 c->in.len, why);
		if (c->probe->flags & CS_PROBE_CRED)
			withhold_raw(&c->h->obs, n0);
		/* Each reply of one web server repeats its header facts:
		 * stored once, they are one piece of evidence, not several
		 * (issue #11). */
		cs_obs_dedup_from(&c->h->obs, n0);
		c->probe = NULL;
		/* A follow-up goes to the same host and port, never elsewhere.
		 */
		if (ctx.next_probe && followup_allowed(c, ctx.next_probe))
			add_job(c->h, ctx.next_probe, c->port, ctx.next_arg);
	}
	conn_close(c);
}

/* Milliseconds until this connection must give up waiting. */
static uint64_t
wait_ms(struct conn *c, unsigned ms)
{
	uint64_t now = uv_now(&c->e->loop);
	uint64_t left = c->h->deadline > now ? c->h->deadline - now : 1;

	return ms < left ? ms : left;
}

static void tls_fail(struct conn *c, const char *key, unsigned flags,
		     const char *what, bool dead);

static void
on_timeout(uv_timer_t *t)
{
	struct conn *c = t->data;

	if (c->ssl && !c->hs_done && c->state != C_CLOSING)
		tls_fail(c, "tls.timeout", 0, "handshake", true);
	probe_end(c, CS_END_TIMEOUT);
}

static void start_exchange(struct conn *c);
static void tls_send_out(struct conn *c);

static void
on_alloc(uv_handle_t *hd, size_t hint, uv_buf_t *buf)
{
	static char slab[64 * 1024];

	(void)hd;
	(void)hint;
	buf->base = slab;
	buf->len = sizeof(slab);
}

/*
 * Hands n received bytes (plaintext over TLS) to the probe.  Returns true
 * when the exchange ended or a new request was sent in the clear, so the
 * caller feeds nothing more.
 */
static bool
deliver(struct conn *c, const uint8_t *p, size_t n)
{
	struct cs_probe_ctx ctx;
	enum cs_step step;
	size_t room, take;

	room = c->probe->max_input - c->in.len;
	take = n < room ? n : room;
	if (cs_buf_add(&c->in, p, take) != 0 ||
	    c->in.len >= c->probe->max_input) {
		uv_read_stop((uv_stream_t *)&c->tcp);
		probe_end(c, CS_END_LIMIT);
		return true;
	}
	probe_ctx(c, &ctx);
	step = c->probe->on_data(&ctx, c->in.p, c->in.len);
	if (step == CS_STEP_DONE) {
		uv_read_stop((uv_stream_t *)&c->tcp);
		probe_end(c, CS_END_COMPLETE);
		return true;
	}
	if (step == CS_STEP_SEND) {
		c->step++;
		cs_buf_reset(&c->in);
		if (c->ssl == NULL) {
			uv_read_stop((uv_stream_t *)&c->tcp);
			start_exchange(c);
			return true;
		}
		tls_send_out(c); /* and keep reading */
		if (c->state == C_CLOSING)
			return true;
	}
	uv_timer_start(&c->timer, on_timeout,
		       wait_ms(c, c->e->o->read_timeout_ms), 0);
	return false;
}

static void tls_on_read(struct conn *c, ssize_t nread, const uv_buf_t *buf);

static void
on_read(uv_stream_t *s, ssize_t nread, const uv_buf_t *buf)
{
	struct conn *c = s->data;

	if (c->state == C_CLOSING)
		return;
	if (c->ssl) {
		tls_on_read(c, nread, buf);
		return;
	}
	if (nread < 0) {
		uv_read_stop(s);
		probe_end(c, nread == UV_EOF ? CS_END_EOF : CS_END_ERROR);
		return;
	}
	if (nread == 0)
		return;
	(void)deliver(c, (const uint8_t *)buf->base, (size_t)nread);
}

/*
 * Empties a connection's send buffer.  A request that may carry a
 * credential (a CS_PROBE_CRED probe's Authorization header) is wiped, so
 * no password outlives its write in freed memory.
 */
static void
out_clear(struct conn *c)
{
	if (c->out.p && c->secret)
		explicit_bzero(c->out.p, c->out.cap);
	cs_buf_reset(&c->out);
}

static void
on_written(uv_write_t *w, int status)
{
	struct conn *c = w->data;

	out_clear(c);
	if (c->state == C_CLOSING)
		return;
	if (status < 0) {
		probe_end(c, CS_END_ERROR);
		return;
	}
	c->state = C_READING;
	uv_timer_start(&c->timer, on_timeout,
		       wait_ms(c, c->e->o->read_timeout_ms), 0);
	if (uv_read_start((uv_stream_t *)&c->tcp, on_alloc, on_read) != 0)
		probe_end(c, CS_END_ERROR);
}

/* Sends whatever the probe put in c->out (maybe nothing), then reads. */
static void
start_exchange(struct conn *c)
{
	uv_buf_t b;

	c->state = C_SENDING;
	cred_note_sent(c);
	b.base = (char *)c->out.p;
	b.len = c->out.len;
	if (c->out.len == 0) {
		on_written(&c->wreq, 0);
		return;
	}
	if (uv_write(&c->wreq, (uv_stream_t *)&c->tcp, &b, 1, on_written) != 0)
		probe_end(c, CS_END_ERROR);
}

/* ---- TLS over the connection (memory BIOs; never blocks) ---- */

/*
 * The client context of every TLS exchange.  We identify devices, we do
 * not trust them: no verification, no client certificate (none is ever
 * loaded, so an empty Certificate answers a request for one), and old
 * cameras are let in: TLS 1.0 to 1.3, security level 0, servers without
 * RFC 5746 (safe because renegotiation is refused altogether).  The
 * peer's certificate chain is capped.
 */
static SSL_CTX *
tls_ctx_new(void)
{
	SSL_CTX *t = SSL_CTX_new(TLS_client_method());

	if (t == NULL)
		return NULL;
	SSL_CTX_set_security_level(t, 0);
	if (SSL_CTX_set_min_proto_version(t, TLS1_VERSION) != 1 ||
	    SSL_CTX_set_max_proto_version(t, TLS1_3_VERSION) != 1 ||
	    SSL_CTX_set_cipher_list(t, "ALL:@SECLEVEL=0") != 1) {
		SSL_CTX_free(t);
		return NULL;
	}
	SSL_CTX_set_options(t, SSL_OP_NO_RENEGOTIATION | SSL_OP_NO_COMPRESSION |
				   SSL_OP_NO_TICKET |
				   SSL_OP_LEGACY_SERVER_CONNECT);
	SSL_CTX_set_verify(t, SSL_VERIFY_NONE, NULL);
	SSL_CTX_set_max_cert_list(t, TLS_MAX_CERT_LIST);
	SSL_CTX_set_session_cache_mode(t, SSL_SESS_CACHE_OFF);
	return t;
}

/* The host's slot for a TLS port (added when add), or -1. */
static int
tls_slot(struct host *h, uint16_t port, bool add)
{
	for (size_t i = 0; i < h->ntls_noted; i++)
		if (h->tls_noted[i] == port)
			return (int)i;
	if (!add || h->ntls_noted >= MAX_TLS_NOTED)
		return -1;
	h->tls_noted[h->ntls_noted] = port;
	h->tls_cert[h->ntls_noted] = false;
	h->tls_dead[h->ntls_noted] = false;
	return (int)h->ntls_noted++;
}

/*
 * Records that TLS failed on c's port (once per host and port: key with
 * flags, value what and OpenSSL's reason when it has one).  When dead
 * (the handshake itself failed), the host's other TLS exchanges queued
 * for that port are dropped: they would fail the same way.  The caller
 * ends the exchange.
 */
static void
tls_fail(struct conn *c, const char *key, unsigned flags, const char *what,
	 bool dead)
{
	struct host *h = c->h;
	int k = tls_slot(h, c->port, true);
	unsigned long err = ERR_peek_last_error();
	const char *reason = err ? ERR_reason_error_string(err) : NULL;
	char v[160];
	int n;

	if (k < 0 || !h->tls_dead[k]) {
		n = snprintf(v, sizeof(v), "%s%s%s", what, reason ? ": " : "",
			     reason ? reason : "");
		cs_obs_add(&h->obs, key, c->port, flags, v,
			   n > 0 ? (size_t)n : 0);
	}
	ERR_clear_error();
	if (!dead || k < 0)
		return;
	h->tls_dead[k] = true;
	size_t w = h->jhead;
	for (size_t i = h->jhead; i < h->njobs; i++)
		if (h->jobs[i].port != c->port ||
		    !cs_probe_tls_on_port(h->jobs[i].probe, c->port))
			h->jobs[w++] = h->jobs[i];
	h->njobs = w;
}

static void
on_tls_written(uv_write_t *req, int status)
{
	struct tls_wreq *w = (struct tls_wreq *)req;
	struct conn *c = w->c;

	free(w);
	c->tls_writes--;
	if (status < 0 && c->state != C_CLOSING)
		probe_end(c, CS_END_ERROR);
}

/* Sends what OpenSSL wrote into the outgoing BIO.  Returns 0 or -1. */
static int
tls_flush(struct conn *c)
{
	size_t pend;

	while ((pend = BIO_ctrl_pending(c->wbio)) > 0) {
		struct tls_wreq *w = cs_xmalloc(sizeof(*w) + pend);
		int k = BIO_read(c->wbio, w->data, (int)pend);

		if (k <= 0) {
			free(w);
			return -1;
		}
		w->c = c;
		w->buf = uv_buf_init((char *)w->data, (unsigned)k);
		if (uv_write(&w->req, (uv_stream_t *)&c->tcp, &w->buf, 1,
			     on_tls_written) != 0) {
			free(w);
			return -1;
		}
		c->tls_writes++;
	}
	return 0;
}

/* Encrypts and sends the probe's request (c->out), then empties it. */
static void
tls_send_out(struct conn *c)
{
	int r = 1;

	cred_note_sent(c);
	if (c->out.len > 0) {
		ERR_clear_error();
		r = SSL_write(c->ssl, c->out.p,
			      c->out.len > INT32_MAX ? INT32_MAX
						     : (int)c->out.len);
	}
	out_clear(c);
	if (r <= 0) {
		tls_fail(c, "tls.malformed", CS_OBS_MALFORMED, "write", false);
		probe_end(c, CS_END_ERROR);
	} else if (tls_flush(c) != 0) {
		probe_end(c, CS_END_ERROR);
	}
}

/*
 * Records the peer's certificate once per host and port, decoded by the
 * tls-cert decoder `camsweep identify` runs on the same DER bytes.
 */
static void
tls_cert(struct conn *c)
{
	X509 *x = SSL_get1_peer_certificate(c->ssl);
	unsigned char *der = NULL;
	struct cs_probe_ctx ctx;
	int k, n;

	if (x == NULL)
		return;
	k = tls_slot(c->h, c->port, true);
	n = i2d_X509(x, &der);
	X509_free(x);
	if (n > 0 && k >= 0 && !c->h->tls_cert[k]) {
		probe_ctx(c, &ctx);
		(void)cs_probe_decode(&ctx, "tls-cert", der, (size_t)n);
		c->h->tls_cert[k] = true;
	}
	OPENSSL_free(der);
}

/* Moves the handshake on, or reads what plaintext there is. */
static void
tls_advance(struct conn *c)
{
	uint8_t buf[16384];
	int r;

	if (!c->hs_done) {
		ERR_clear_error();
		r = SSL_do_handshake(c->ssl);
		if (tls_flush(c) != 0) {
			probe_end(c, CS_END_ERROR);
			return;
		}
		if (r != 1) {
			if (SSL_get_error(c->ssl, r) == SSL_ERROR_WANT_READ)
				return;
			tls_fail(c, "tls.malformed", CS_OBS_MALFORMED,
				 "handshake", true);
			probe_end(c, CS_END_ERROR);
			return;
		}
		c->hs_done = true;
		tls_cert(c);
		tls_send_out(c);
		if (c->state == C_CLOSING)
			return;
		uv_timer_start(&c->timer, on_timeout,
			       wait_ms(c, c->e->o->read_timeout_ms), 0);
	}
	for (;;) {
		ERR_clear_error();
		r = SSL_read(c->ssl, buf, sizeof(buf));
		if (r > 0) {
			if (deliver(c, buf, (size_t)r))
				return;
			continue;
		}
		switch (SSL_get_error(c->ssl, r)) {
		case SSL_ERROR_WANT_READ:
			if (tls_flush(c) != 0)
				probe_end(c, CS_END_ERROR);
			return;
		case SSL_ERROR_ZERO_RETURN: /* close_notify */
			probe_end(c, CS_END_EOF);
			return;
		default:
			tls_fail(c, "tls.malformed", CS_OBS_MALFORMED, "record",
				 false);
			probe_end(c, CS_END_ERROR);
			return;
		}
	}
}

/* Ciphertext arrived (or the peer closed) on a TLS connection. */
static void
tls_on_read(struct conn *c, ssize_t nread, const uv_buf_t *buf)
{
	if (nread < 0) {
		uv_read_stop((uv_stream_t *)&c->tcp);
		if (!c->hs_done)
			tls_fail(c, "tls.malformed", CS_OBS_MALFORMED,
				 nread == UV_EOF
				     ? "handshake: the peer closed the "
				       "connection"
				     : "handshake: connection error",
				 true);
		probe_end(c, nread == UV_EOF ? CS_END_EOF : CS_END_ERROR);
		return;
	}
	if (nread == 0)
		return;
	c->hs_bytes += (size_t)nread;
	/* A handshake is bounded, and so is all a TLS peer may send. */
	if ((!c->hs_done && c->hs_bytes > TLS_HS_MAX) ||
	    c->hs_bytes > TLS_HS_MAX + 2 * c->probe->max_input) {
		ERR_clear_error();
		tls_fail(c, "tls.malformed", CS_OBS_MALFORMED,
			 c->hs_done ? "more TLS data than the byte cap"
				    : "handshake larger than the byte cap",
			 !c->hs_done);
		uv_read_stop((uv_stream_t *)&c->tcp);
		probe_end(c, CS_END_LIMIT);
		return;
	}
	if (BIO_write(c->rbio, buf->base, (int)nread) != (int)nread) {
		probe_end(c, CS_END_ERROR);
		return;
	}
	tls_advance(c);
}

/*
 * Begins TLS on a connected socket: no SNI (the peer is a bare IPv4
 * address, RFC 6066 section 3), the whole handshake within one read
 * timeout.  The probe's request waits in c->out until it is done.
 */
static void
tls_start(struct conn *c)
{
	c->state = C_READING;
	uv_timer_start(&c->timer, on_timeout,
		       wait_ms(c, c->e->o->read_timeout_ms), 0);
	if (uv_read_start((uv_stream_t *)&c->tcp, on_alloc, on_read) != 0) {
		probe_end(c, CS_END_ERROR);
		return;
	}
	tls_advance(c);
}

/* Makes the SSL object of a TLS exchange.  Returns 0 or -1. */
static int
tls_new(struct conn *c)
{
	if (c->e->tls == NULL || (c->ssl = SSL_new(c->e->tls)) == NULL)
		return -1;
	c->rbio = BIO_new(BIO_s_mem());
	c->wbio = BIO_new(BIO_s_mem());
	if (c->rbio == NULL || c->wbio == NULL) {
		BIO_free(c->rbio);
		BIO_free(c->wbio);
		SSL_free(c->ssl);
		c->ssl = NULL;
		return -1;
	}
	/* An empty incoming BIO means "wait", not end of file. */
	BIO_set_mem_eof_return(c->rbio, -1);
	SSL_set_bio(c->ssl, c->rbio, c->wbio);
	SSL_set_connect_state(c->ssl);
	return 0;
}

static void
run_probe(struct conn *c, const struct cs_probe *p)
{
	struct cs_probe_ctx ctx;

	c->probe = p;
	c->step = 0;
	c->secret |= (p->flags & CS_PROBE_CRED) != 0;
	cs_buf_init(&c->in, p->max_input);
	if (cs_probe_tls_on_port(p, c->port) && tls_new(c) != 0) {
		probe_end(c, CS_END_ERROR);
		return;
	}
	probe_ctx(c, &ctx);
	p->start(&ctx);
	if (c->ssl)
		tls_start(c);
	else
		start_exchange(c);
}

static bool
is_resource(int rc)
{
	return rc == UV_EMFILE || rc == UV_ENFILE || rc == UV_ENOBUFS ||
	       rc == UV_ENOMEM;
}

/*
 * A connection could not be made for lack of resources: that says
 * nothing about the port.  Its work goes back to the host, the engine
 * lowers its concurrency and waits before opening another; a host that
 * fails too often, or an engine that cannot open anything with nothing
 * in flight to wait for, gives up and the scan ends incomplete.
 */
static void
resource_fail(struct engine *e, struct conn *c)
{
	struct host *h = c->h;
	uint64_t now = uv_now(&e->loop);

	e->st->resource_errors++;
	if (c->sweep && h->nretry < MAX_RETRY)
		h->retry[h->nretry++] = c->port;
	else if (!c->sweep && c->probe)
		add_job(h, c->probe, c->port, c->arg);
	else
		h->failed = true;
	if (++h->res_fails > HOST_RES_TRIES)
		h->failed = true;
	/* This connection is still counted in e->conns. */
	e->cap = e->conns > 2 ? e->conns - 2 : 1;
	e->ok_since_fail = 0;
	e->backoff_ms = e->backoff_ms ? e->backoff_ms * 2 : BACKOFF_MIN_MS;
	if (e->backoff_ms > BACKOFF_MAX_MS)
		e->backoff_ms = BACKOFF_MAX_MS;
	e->backoff_until = now + e->backoff_ms;
	e->last_fail = now;
	if (e->conns <= 1 && ++e->stall > STALL_TRIES) {
		/* Nothing will free a descriptor: stop, honestly. */
		fprintf(stderr,
			"camsweep: out of resources (%s) with nothing in "
			"flight; giving up\n",
			"descriptors or memory");
		e->st->incomplete = true;
		stop_all(e);
	}
}

/* A connection was made: the pressure is off, the cap grows back. */
static void
resource_ok(struct engine *e)
{
	uint64_t calm = uv_now(&e->loop) - e->last_fail;

	e->stall = 0;
	if (e->cap < e->o->max_conns && ++e->ok_since_fail >= e->cap &&
	    calm >= CALM_MS) {
		e->cap++;
		e->ok_since_fail = 0;
	}
	if (calm >= 2 * CALM_MS)
		e->backoff_ms /= 2;
}

/*
 * A sweep connect was answered (SYN-ACK or RST): its time is a sample of
 * the segment's RTT unless the kernel had to send the SYN again, which
 * marks the segment as one that drops packets.
 */
static void
budget_sample(struct conn *c)
{
	struct tcp_info ti;
	socklen_t len = sizeof(ti);
	uv_os_fd_t fd;
	bool retrans = false;

	if (uv_fileno((uv_handle_t *)&c->tcp, &fd) == 0 &&
	    getsockopt(fd, IPPROTO_TCP, TCP_INFO, &ti, &len) == 0 &&
	    len >= offsetof(struct tcp_info, tcpi_total_retrans) +
		       sizeof(ti.tcpi_total_retrans))
		retrans = ti.tcpi_total_retrans > 0 || ti.tcpi_retransmits > 0;
	cs_budget_sample(c->e->budget, c->h->seg,
			 (double)(uv_hrtime() - c->t0) / 1e6, retrans,
			 uv_now(&c->e->loop));
}

static void
on_connect(uv_connect_t *req, int status)
{
	struct conn *c = req->data;
	struct host *h = c->h;
	struct engine *e = c->e;

	if (c->state == C_CLOSING)
		return;
	uv_timer_stop(&c->timer);
	if (status < 0 && is_resource(status)) {
		resource_fail(e, c);
		conn_close(c);
		return;
	}
	resource_ok(e);
	if (c->sweep && (status == 0 || status == UV_ECONNREFUSED))
		budget_sample(c);
	if (status < 0) {
		if (status == UV_ECONNREFUSED)
			h->answered = true;
		else if (c->sweep && (status == UV_EHOSTUNREACH ||
				      status == UV_ENETUNREACH))
			host_give_up(e, h); /* no port can answer */
		conn_close(c);
		return;
	}
	h->answered = true;
	if (c->sweep) {
		e->st->open_ports++;
		if (h->nopen < MAX_OPEN)
			h->open[h->nopen++] = c->port;
		cs_obs_add(&h->obs, "tcp.open", c->port, 0, "", 0);
		if (e->o->connect_only) {
			conn_close(c);
			return;
		}
		plan_port(e, h, c->port);
		/* Reuse this connection for the port's first probe if it
		 * allows, rather than opening another. */
		for (size_t i = h->jhead; i < h->njobs; i++) {
			struct job j = h->jobs[i];

			if (j.port != c->port ||
			    !(j.probe->flags & CS_PROBE_REUSE))
				continue;
			memmove(&h->jobs[i], &h->jobs[i + 1],
				(h->njobs - i - 1) * sizeof(j));
			h->njobs--;
			memcpy(c->arg, j.arg, sizeof(c->arg));
			run_probe(c, j.probe);
			return;
		}
		conn_close(c);
		return;
	}
	run_probe(c, c->probe);
}

/*
 * True when a liveness probe's connect has an answer in the kernel (the
 * socket left SYN-SENT: a SYN-ACK or a RST came) that the loop has not
 * delivered: a loaded loop must not take a live host for a silent one.
 */
static bool
answered_late(struct conn *c)
{
	struct tcp_info ti;
	socklen_t len = sizeof(ti);
	uv_os_fd_t fd;

	if (c->late || uv_fileno((uv_handle_t *)&c->tcp, &fd) != 0 ||
	    getsockopt(fd, IPPROTO_TCP, TCP_INFO, &ti, &len) != 0 ||
	    len < sizeof(ti.tcpi_state))
		return false;
	c->late = ti.tcpi_state != TCP_SYN_SENT;
	return c->late;
}

static void
on_connect_timeout(uv_timer_t *t)
{
	struct conn *c = t->data;
	struct host *h = c->h;
	struct engine *e = c->e;

	/* A host whose first sweep connects all go unanswered (no SYN-ACK,
	 * no RST) is taken to be absent, as a ping sweep would: see
	 * --dead-after; with the packet budget, after its liveness probes
	 * (docs/budget.md). */
	if (c->live && answered_late(c)) {
		/* The kernel has the answer; the loop has not delivered it
		 * yet (a busy loop runs its timers first): wait for it. */
		uv_timer_start(&c->timer, on_connect_timeout,
			       wait_ms(c, e->o->connect_timeout_ms), 0);
		return;
	}
	if (c->live) {
		/* Its port is swept again if the host proves alive (another
		 * liveness probe answered): a lost SYN or answer must not
		 * cost an open port of a live host. */
		if (h->nunheard < LIVE_MAX)
			h->unheard[h->nunheard++] = c->port;
		if (!h->answered && ++h->timeouts >= live_quota(e, h))
			host_give_up(e, h);
	} else if (!live_on(e) && c->sweep && !h->answered &&
		   ++h->timeouts >= e->o->dead_after && e->o->dead_after > 0) {
		host_give_up(e, h);
	}
	conn_close(c);
}

/*
 * The connection's socket.  With the packet budget it is created here, so
 * that it leaves TCP quick-ACK mode before its SYN (TCP_QUICKACK 0, the
 * kernel's "pingpong" mode): the ACK that completes the handshake waits
 * for the request and rides on it (or on the FIN of a sweep connect
 * closed at once), and the ACK of an answer on the next request or the
 * FIN; no packet carries an ACK alone unless the delayed-ACK timer fires
 * first (a peer that speaks first then hears the handshake's ACK up to
 * 200 ms later).  Saves two packets of five on a one-request connection
 * (docs/budget.md).  Without the budget, or if the socket cannot be made
 * here, the connect makes it as before.
 */
static void
tcp_init(struct engine *e, struct conn *c)
{
	int off = 0;
	uv_os_fd_t fd;

	if (!live_on(e) ||
	    uv_tcp_init_ex(&e->loop, &c->tcp,
			   c->h->addr.v6 ? AF_INET6 : AF_INET) != 0) {
		uv_tcp_init(&e->loop, &c->tcp);
		return;
	}
	if (uv_fileno((uv_handle_t *)&c->tcp, &fd) == 0)
		(void)setsockopt(fd, IPPROTO_TCP, TCP_QUICKACK, &off,
				 sizeof(off));
}

/* Opens a connection for the host's next sweep port or queued job. */
static void
conn_start(struct engine *e, struct host *h)
{
	struct conn *c;
	struct sockaddr_storage ss;
	unsigned ms;
	int rc;

	c = cs_xcalloc(1, sizeof(*c));
	c->e = e;
	c->h = h;
	if (h->nretry > 0) {
		c->sweep = true;
		c->port = h->retry[--h->nretry];
	} else if (h->answered && h->nunheard > 0) {
		c->sweep = true;
		c->port = h->unheard[--h->nunheard];
	} else if (h->next_port < e->o->nports) {
		c->sweep = true;
		c->port = e->o->ports[h->next_port++];
		if (live_on(e) && !h->answered) {
			c->live = true;
			h->live_sent++;
		}
	} else {
		c->probe = h->jobs[h->jhead].probe;
		c->port = h->jobs[h->jhead].port;
		memcpy(c->arg, h->jobs[h->jhead].arg, sizeof(c->arg));
		h->jhead++;
	}
	cs_buf_init(&c->in, 1);
	cs_buf_init(&c->out, 64 * 1024);
	c->tcp.data = c->creq.data = c->wreq.data = c->timer.data = c;
	h->active++;
	e->conns++;
	c->next = e->live;
	if (e->live)
		e->live->prev = c;
	e->live = c;
	e->st->connects++;
	tcp_init(e, c);
	uv_timer_init(&e->loop, &c->timer);
	c->handles = 2;
	c->state = C_CONNECTING;

	/* The last word on scope: nothing outside it is ever contacted, a
	 * learned URL only on a port the scan probes, and a print port is
	 * only ever connected to. */
	if (cs_scope_check_addr(e->o->scope, &h->addr, c->port,
				c->sweep ? CS_DEST_CONNECT
				: c->probe == &cs_disc_upnp_probe
				    ? CS_DEST_LEARNED
				    : CS_DEST_PROBE) != CS_SCOPE_OK) {
		e->st->out_of_scope++;
		conn_close(c);
		return;
	}
	memset(&ss, 0, sizeof(ss));
	if (h->addr.v6) {
		struct sockaddr_in6 *s6 = (struct sockaddr_in6 *)&ss;

		s6->sin6_family = AF_INET6;
		s6->sin6_port = htons(c->port);
		memcpy(&s6->sin6_addr, h->addr.a6, 16);
	} else {
		struct sockaddr_in *s4 = (struct sockaddr_in *)&ss;

		s4->sin_family = AF_INET;
		s4->sin_port = htons(c->port);
		s4->sin_addr.s_addr = htonl(h->ip);
	}
	c->t0 = uv_hrtime();
	rc = uv_tcp_connect(&c->creq, &c->tcp, (const struct sockaddr *)&ss,
			    on_connect);
	if (rc != 0) {
		if (is_resource(rc))
			resource_fail(e, c);
		conn_close(c);
		return;
	}
	ms = e->o->connect_timeout_ms;
	if (c->live)
		ms = cs_budget_timeout(e->budget, h->seg,
				       CS_MIN(LIVE_MIN_MS, ms), ms);
	uv_timer_start(&c->timer, on_connect_timeout, wait_ms(c, ms), 0);
}

/* ---- scheduling ---- */

static void
on_pump_timer(uv_timer_t *t)
{
	struct engine *e = t->data;

	e->pump_armed = false;
	pump(e);
}

/* Refills the token bucket; returns false (arming a timer) if empty. */
static bool
take_token(struct engine *e)
{
	uint64_t now;
	double burst;

	if (e->o->rate <= 0)
		return true;
	now = uv_now(&e->loop);
	burst = e->o->rate / 20 > 1 ? e->o->rate / 20 : 1;
	e->tokens += (double)(now - e->token_ms) * e->o->rate / 1000.0;
	e->token_ms = now;
	if (e->tokens > burst)
		e->tokens = burst;
	if (e->tokens >= 1) {
		e->tokens -= 1;
		return true;
	}
	if (!e->pump_armed) {
		uint64_t ms = (uint64_t)((1 - e->tokens) * 1000.0 / e->o->rate);

		e->pump_armed = true;
		uv_timer_start(&e->pump_timer, on_pump_timer, ms ? ms : 1, 0);
	}
	return false;
}

/*
 * Ends discovery when the sweep is over: reports the in-scope hosts it
 * heard from that the sweep did not finish (unless stopping), then
 * closes its handles.
 */
static void
disc_end(struct engine *e)
{
	struct cs_disc *d = e->o->disc;
	uint32_t ips[256];
	size_t n;

	if (d == NULL || e->disc_done)
		return;
	e->disc_done = true;
	uv_timer_stop(&e->disc_timer);
	while (!e->stopping &&
	       (n = cs_disc_pending(d, ips, CS_NELEM(ips))) > 0) {
		for (size_t i = 0; i < n; i++) {
			struct cs_host_report r;
			struct cs_obs_list obs;

			cs_obs_list_init(&obs);
			cs_disc_merge(d, ips[i], &obs);
			memset(&r, 0, sizeof(r));
			r.addr.v4 = ips[i];
			r.ip = ips[i];
			r.obs = &obs;
			e->st->hosts_up++;
			if (e->cb->host_done)
				e->cb->host_done(e->cb->arg, &r);
			cs_obs_list_free(&obs);
		}
	}
	cs_disc_uv_stop(d);
}

static void
pump(struct engine *e)
{
	while (!e->stopping && !e->disc_wait && e->conns < e->cap) {
		struct host *h;
		uint64_t now = uv_now(&e->loop);

		if (now < e->backoff_until) {
			if (!e->pump_armed) {
				e->pump_armed = true;
				uv_timer_start(&e->pump_timer, on_pump_timer,
					       e->backoff_until - now, 0);
			}
			break;
		}
		h = dequeue(e);

		if (h == NULL) {
			if ((h = admit(e)) == NULL)
				break;
		}
		if (!has_work(e, h)) {
			if (h->active == 0)
				host_finish(e, h);
			continue;
		}
		if (!take_token(e)) {
			/* Put it back at the head: it keeps its turn. */
			h->queued = true;
			h->next = e->rq_head;
			e->rq_head = h;
			if (e->rq_tail == NULL)
				e->rq_tail = h;
			break;
		}
		conn_start(e, h);
		enqueue(e, h);
	}
	if (e->conns == 0) {
		struct host *h;

		/* On a stop, hosts still queued are abandoned unfinished. */
		while (e->stopping && (h = dequeue(e)) != NULL)
			host_finish(e, h);
		if (e->hosts == 0 &&
		    (e->stopping || e->next_index >= e->total)) {
			disc_end(e);
			uv_timer_stop(&e->tick);
			uv_timer_stop(&e->pump_timer);
			uv_signal_stop(&e->sigint);
			uv_signal_stop(&e->sigterm);
		}
	}
}

static void
progress(struct engine *e, bool final)
{
	double secs = (double)(uv_now(&e->loop) - e->start_ms) / 1000.0;

	if (!e->o->progress)
		return;
	fprintf(stderr,
		"\r%llu/%llu addresses  %llu hosts up  %llu connections  "
		"%.0f addr/s   ",
		(unsigned long long)e->st->addrs_done,
		(unsigned long long)e->total,
		(unsigned long long)e->st->hosts_up,
		(unsigned long long)e->st->connects,
		secs > 0 ? (double)e->st->addrs_done / secs : 0.0);
	if (final)
		fputc('\n', stderr);
}

static void
on_tick(uv_timer_t *t)
{
	struct engine *e = t->data;

	if (e->cb->checkpoint)
		e->cb->checkpoint(e->cb->arg, e->watermark, e->st->addrs_done);
	progress(e, false);
}

static void
on_disc_timer(uv_timer_t *t)
{
	struct engine *e = t->data;

	e->disc_wait = false;
	pump(e);
}

/* Stops the run: live connections close, hosts stay unfinished. */
static void
stop_all(struct engine *e)
{
	if (e->stopping)
		return;
	e->stopping = true;
	for (struct conn *c = e->live; c; c = c->next)
		conn_close(c);
	if (!e->pump_armed) {
		/* pump() runs from the loop, not from inside a callback that
		 * still holds a connection. */
		e->pump_armed = true;
		uv_timer_start(&e->pump_timer, on_pump_timer, 0, 0);
	}
}

static void
on_signal(uv_signal_t *s, int signum)
{
	struct engine *e = s->data;

	(void)signum;
	if (e->stopping)
		return;
	e->st->interrupted = true;
	stop_all(e);
}

int
cs_engine_run(const struct cs_engine_opts *o, const struct cs_engine_cb *cb,
	      struct cs_engine_stats *st)
{
	struct engine e;
	int rc;

	memset(st, 0, sizeof(*st));
	/* A filter scope (cs_scope_build_filter) is never walked. */
	if (o->scope->filter_only || o->scope->total6 > CS_SCOPE_MAX_ADDRS6)
		return CS_EINVAL;
	memset(&e, 0, sizeof(e));
	e.o = o;
	e.cb = cb;
	e.st = st;
	e.probes = cs_probe_list(&e.nprobes);
	if (e.nprobes > MAX_PROBES)
		cs_fatal("too many probes (%zu)", e.nprobes);
	e.total = o->scope->total;
	if (o->max_addrs && o->start_index + o->max_addrs < e.total)
		e.total = o->start_index + o->max_addrs;
	cs_perm_init(&e.perm, o->scope->total);
	e.next_index = e.watermark = o->start_index;
	e.cap = o->max_conns;
	e.done = cs_xcalloc(WINDOW, 1);
	e.budget = cs_xmalloc(sizeof(*e.budget));
	cs_budget_init(e.budget);
	if ((e.tls = tls_ctx_new()) == NULL)
		fprintf(stderr, "camsweep: no TLS client context; "
				"TLS probes will record nothing\n");
	if ((rc = uv_loop_init(&e.loop)) != 0) {
		SSL_CTX_free(e.tls);
		free(e.done);
		free(e.budget);
		return CS_EIO;
	}
	e.start_ms = e.token_ms = uv_now(&e.loop);
	e.tokens = 1;
	uv_timer_init(&e.loop, &e.pump_timer);
	uv_timer_init(&e.loop, &e.tick);
	uv_signal_init(&e.loop, &e.sigint);
	uv_signal_init(&e.loop, &e.sigterm);
	e.pump_timer.data = e.tick.data = e.sigint.data = e.sigterm.data = &e;
	uv_signal_start(&e.sigint, on_signal, SIGINT);
	uv_signal_start(&e.sigterm, on_signal, SIGTERM);
	uv_timer_start(&e.tick, on_tick, TICK_MS, TICK_MS);
	uv_timer_init(&e.loop, &e.disc_timer);
	e.disc_timer.data = &e;
	if (o->disc) {
		char err[256];

		if (cs_disc_uv_start(o->disc, &e.loop, err, sizeof(err)) != 0)
			fprintf(stderr, "camsweep: discovery: %s\n", err);
		/* The sweep waits for the discovery phase. */
		e.disc_wait = true;
		uv_timer_start(&e.disc_timer, on_disc_timer,
			       cs_disc_time_ms(o->disc), 0);
	}

	if (cb->ready)
		cb->ready(cb->arg);
	pump(&e);
	uv_run(&e.loop, UV_RUN_DEFAULT);
	if (o->disc) {
		disc_end(&e);
		uv_run(&e.loop, UV_RUN_DEFAULT);
	}

	st->elapsed_s = (double)(uv_now(&e.loop) - e.start_ms) / 1000.0;
	st->targets = e.total;
	st->watermark = e.watermark;
	if (cb->checkpoint)
		cb->checkpoint(cb->arg, e.watermark, st->addrs_done);
	progress(&e, true);
	uv_close((uv_handle_t *)&e.pump_timer, NULL);
	uv_close((uv_handle_t *)&e.tick, NULL);
	uv_close((uv_handle_t *)&e.sigint, NULL);
	uv_close((uv_handle_t *)&e.sigterm, NULL);
	uv_close((uv_handle_t *)&e.disc_timer, NULL);
	uv_run(&e.loop, UV_RUN_DEFAULT);
	uv_loop_close(&e.loop);
	SSL_CTX_free(e.tls);
	free(e.done);
	free(e.budget);
	return 0;
}
