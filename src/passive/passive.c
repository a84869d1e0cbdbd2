/* SPDX-License-Identifier: ISC */
/*
 * The passive listener: bounded device and flow tables, per-packet
 * dispatch to the decoders of pkt.h and src/ident, phone-home matching.
 * See passive.h.
 */
#include "passive/passive.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"
#include "core/str.h"
#include "parse/parse_mdns.h"
#include "core/poison.h"

/* Intrusive doubly-linked LRU list; the head's next is the newest. */
struct lru {
	struct lru *prev, *next;
};

static void
lru_init(struct lru *h)
{
	h->prev = h->next = h;
}

static void
lru_unlink(struct lru *e)
{
	e->prev->next = e->next;
	e->next->prev = e->prev;
	e->prev = e->next = e;
}

static void
lru_push(struct lru *h, struct lru *e)
{
	e->next = h->next;
	e->prev = h;
	h->next->prev = e;
	h->next = e;
}

#define LRU_OWNER(ptr, type)                                                   \
	((type *)(void *)((char *)(ptr)-offsetof(type, lru)))

enum dkind {
	K_HTTP = 1,
	K_RTSP,
	K_TLS,
	K_WSD,
	K_SADP,
	K_DHIP,
	K_SSDP,
	K_MDNS,
	K_DHCP,
	K_MAC,
};

struct dev {
	struct cs_passive_dev d;
	struct dev *hnext;
	struct lru lru;
	uint32_t done[CS_PASSIVE_DONE_MAX];
	size_t ndone;
	size_t held;  /* observation bytes */
	uint64_t gen; /* distinguishes a re-created device at the same IP */
};

struct flow {
	uint32_t dev_ip, peer_ip;
	uint16_t dev_port, peer_port;
	uint8_t proto;
	int ph;       /* index into the device's ph[] */
	uint64_t gen; /* of that device */
	int64_t last;
	struct flow *hnext;
	struct lru lru;
};

/*
 * A server's Certificate message usually spans several TCP segments.
 * Without full stream reassembly, a TLS flow whose certificate is cut is
 * followed for a few more segments in capture order, which is the order
 * a capture on the path sees them: bounded in slots, bytes and segments.
 */
#define TLS_PEND_SLOTS 64
#define TLS_PEND_MAX (16 * 1024) /* bytes buffered per flow */
#define TLS_PEND_SEGS 16         /* segments followed per flow */

struct tls_pend {
	uint32_t sip, dip;
	uint16_t sport, dport;
	bool used;
	unsigned segs;
	size_t n;
	uint8_t buf[TLS_PEND_MAX];
};

#define RESOLVED_SLOTS 2048

struct resolved {
	uint32_t addr; /* 0: empty */
	const struct cs_ph_rule *rule;
	char name[CS_DNS_QNAME_MAX];
};

struct cs_passive {
	struct cs_passive_opts o;
	const struct cs_ph *ph;
	cs_passive_flush_fn fn;
	void *arg;
	struct cs_ident_dec *dec;
	/* devices */
	struct dev **dbuckets;
	size_t dmask;
	struct lru dlru;
	/* flows: a fixed pool with a free list */
	struct flow *pool, *freelist;
	struct flow **fbuckets;
	size_t fmask;
	struct lru flru;
	struct resolved *res;
	struct cs_mdns *mdns; /* scratch for DNS answers */
	struct cs_passive_stats st;
	struct tls_pend *tls; /* TLS_PEND_SLOTS, allocated on first use */
	size_t ntls;          /* slots in use */
	size_t tls_next;      /* next slot to reuse when all are in use */
	uint64_t tick, gen;
};

static size_t
pow2_at_least(size_t n)
{
	size_t v = 64;

	while (v < n)
		v <<= 1;
	return v;
}

static uint32_t
hash32(uint32_t x)
{
	x ^= x >> 16;
	x *= 0x7feb352dU;
	x ^= x >> 15;
	x *= 0x846ca68bU;
	x ^= x >> 16;
	return x;
}

struct cs_passive *
cs_passive_new(const struct cs_passive_opts *o, const struct cs_ph *ph,
	       cs_passive_flush_fn fn, void *arg)
{
	struct cs_passive *p = cs_xcalloc(1, sizeof(*p));
	size_t nb;

	if (o != NULL)
		p->o = *o;
	if (p->o.max_flows == 0)
		p->o.max_flows = 65536;
	if (p->o.max_devices == 0)
		p->o.max_devices = 4096;
	/* A packet touches at most a few devices at once; the ones it holds
	 * are the newest, so a handful of slots keeps them safe. */
	if (p->o.max_devices < 4)
		p->o.max_devices = 4;
	if (p->o.max_flows < 4)
		p->o.max_flows = 4;
	if (p->o.idle_timeout == 0)
		p->o.idle_timeout = 900;
	if (p->o.held_max == 0)
		p->o.held_max = 64u << 20;
	p->ph = ph;
	p->fn = fn;
	p->arg = arg;
	p->dec = cs_ident_dec_new();
	nb = pow2_at_least(p->o.max_devices * 2);
	p->dbuckets = cs_xcalloc(nb, sizeof(*p->dbuckets));
	p->dmask = nb - 1;
	lru_init(&p->dlru);
	nb = pow2_at_least(p->o.max_flows * 2);
	p->fbuckets = cs_xcalloc(nb, sizeof(*p->fbuckets));
	p->fmask = nb - 1;
	lru_init(&p->flru);
	p->pool = cs_xcalloc(p->o.max_flows, sizeof(*p->pool));
	for (size_t i = p->o.max_flows; i-- > 0;) {
		p->pool[i].hnext = p->freelist;
		p->freelist = &p->pool[i];
	}
	p->res = cs_xcalloc(RESOLVED_SLOTS, sizeof(*p->res));
	p->mdns = cs_xmalloc(sizeof(*p->mdns));
	return p;
}

void
cs_passive_set_mac_lookup(struct cs_passive *p, cs_ident_mac_fn fn, void *arg)
{
	cs_ident_dec_set_mac_lookup(p->dec, fn, arg);
}

char *
cs_passive_ipstr(uint32_t a, char *buf, size_t bufsz)
{
	snprintf(buf, bufsz, "%u.%u.%u.%u", a >> 24, (a >> 16) & 255,
		 (a >> 8) & 255, a & 255);
	return buf;
}

/* ---- devices ---- */

static struct dev *
dev_find(struct cs_passive *p, uint32_t ip)
{
	for (struct dev *d = p->dbuckets[hash32(ip) & p->dmask]; d != NULL;
	     d = d->hnext)
		if (d->d.ip == ip)
			return d;
	return NULL;
}

/* Flushes and frees d. */
static void
dev_drop(struct cs_passive *p, struct dev *d, bool evicted)
{
	struct dev **pp = &p->dbuckets[hash32(d->d.ip) & p->dmask];

	while (*pp != d)
		pp = &(*pp)->hnext;
	*pp = d->hnext;
	lru_unlink(&d->lru);
	d->d.evicted = evicted;
	if (p->fn != NULL)
		p->fn(p->arg, &d->d);
	p->st.devices_now--;
	p->st.held_now -= d->held;
	cs_obs_list_free(&d->d.obs);
	free(d);
}

static struct dev *
dev_get(struct cs_passive *p, uint32_t ip, int64_t ts)
{
	struct dev *d = dev_find(p, ip);

	if (d == NULL) {
		if (p->st.devices_now >= p->o.max_devices) {
			p->st.devices_evicted++;
			dev_drop(p, LRU_OWNER(p->dlru.prev, struct dev), true);
		}
		d = cs_xcalloc(1, sizeof(*d));
		d->d.ip = ip;
		d->d.first = ts;
		d->gen = ++p->gen;
		cs_obs_list_init(&d->d.obs);
		d->hnext = p->dbuckets[hash32(ip) & p->dmask];
		p->dbuckets[hash32(ip) & p->dmask] = d;
		lru_init(&d->lru);
		lru_push(&p->dlru, &d->lru);
		p->st.devices++;
		if (++p->st.devices_now > p->st.devices_peak)
			p->st.devices_peak = p->st.devices_now;
	} else if (p->dlru.next != &d->lru) {
		lru_unlink(&d->lru);
		lru_push(&p->dlru, &d->lru);
	}
	if (ts > d->d.last)
		d->d.last = ts;
	return d;
}

/* True the first time (kind, port) is seen for d (and remembers it). */
static bool
dev_first(struct dev *d, enum dkind k, uint16_t port)
{
	uint32_t key = (uint32_t)k << 16 | port;

	for (size_t i = 0; i < d->ndone; i++)
		if (d->done[i] == key)
			return false;
	if (d->ndone == CS_PASSIVE_DONE_MAX)
		return false;
	d->done[d->ndone++] = key;
	return true;
}

/*
 * Keeps held bytes under the cap by evicting the oldest devices but the
 * newest one.  Called between packets, when no device pointer is held.
 */
static void
held_check(struct cs_passive *p)
{
	while (p->st.held_now > p->o.held_max && p->dlru.prev != p->dlru.next) {
		struct dev *old = LRU_OWNER(p->dlru.prev, struct dev);

		p->st.devices_evicted++;
		dev_drop(p, old, true);
	}
}

static void
dev_decode(struct cs_passive *p, struct dev *d, const char *kind,
	   const void *data, size_t n, uint16_t port)
{
	size_t before = d->d.obs.n;

	if (d->d.obs.n >= CS_PASSIVE_OBS_MAX) {
		p->st.obs_dropped++;
		return;
	}
	(void)cs_ident_decode(p->dec, kind, data, n, port, NULL, &d->d.obs);
	p->st.observations++;
	/* Keep the per-device cap: drop what went past it. */
	while (d->d.obs.n > CS_PASSIVE_OBS_MAX) {
		struct cs_obs *o = &d->d.obs.v[--d->d.obs.n];

		free(o->val);
		p->st.obs_dropped++;
	}
	for (size_t i = before; i < d->d.obs.n; i++) {
		size_t add = d->d.obs.v[i].len + sizeof(struct cs_obs);

		d->held += add;
		p->st.held_now += add;
	}
	if (p->st.held_now > p->st.held_peak)
		p->st.held_peak = p->st.held_now;
}

static void
dev_add_text(struct cs_passive *p, struct dev *d, const char *key,
	     const char *val)
{
	size_t n = strlen(val);

	if (d->d.obs.n >= CS_PASSIVE_OBS_MAX) {
		p->st.obs_dropped++;
		return;
	}
	if (cs_obs_adds(&d->d.obs, key, 0, val) == 0) {
		d->held += n + sizeof(struct cs_obs);
		p->st.held_now += n + sizeof(struct cs_obs);
	}
}

static void
dev_set_mac(struct cs_passive *p, struct dev *d, const uint8_t mac[6])
{
	char txt[18];

	if (d->d.has_mac || (mac[0] & 1) ||
	    (mac[0] | mac[1] | mac[2] | mac[3] | mac[4] | mac[5]) == 0)
		return;
	memcpy(d->d.mac, mac, 6);
	d->d.has_mac = true;
	cs_ident_mac_format(mac, txt);
	if (dev_first(d, K_MAC, 0))
		dev_decode(p, d, "mac", txt, strlen(txt), 0);
}

/* ---- phone-home ---- */

/* Finds or adds d's record for (rule, via, match, peer); -1 if full. */
static int
ph_slot(struct cs_passive *p, struct dev *d, const struct cs_ph_rule *r,
	const char *via, const char *match, uint32_t peer, int64_t ts)
{
	struct cs_passive_ph *e;

	for (size_t i = 0; i < d->d.nph; i++) {
		e = &d->d.ph[i];
		if (e->rule == r && e->peer == peer &&
		    strcmp(e->via, via) == 0 && strcmp(e->match, match) == 0)
			return (int)i;
	}
	if (d->d.nph == CS_PASSIVE_PH_MAX) {
		d->d.ph_dropped++;
		return -1;
	}
	e = &d->d.ph[d->d.nph];
	memset(e, 0, sizeof(*e));
	e->rule = r;
	cs_strlcpy(e->via, via, sizeof(e->via));
	cs_strlcpy(e->match, match, sizeof(e->match));
	e->peer = peer;
	e->first = e->last = ts;
	(void)p;
	return (int)d->d.nph++;
}

static void
ph_count(struct cs_passive *p, struct dev *d, int slot, int64_t ts,
	 size_t bytes)
{
	struct cs_passive_ph *e;

	if (slot < 0 || (size_t)slot >= d->d.nph)
		return;
	e = &d->d.ph[slot];
	if (ts > e->last)
		e->last = ts;
	if (ts < e->first)
		e->first = ts;
	e->packets++;
	e->bytes += bytes;
	p->st.phonehome++;
}

static struct resolved *
res_slot(struct cs_passive *p, uint32_t addr)
{
	return &p->res[hash32(addr) & (RESOLVED_SLOTS - 1)];
}

/* ---- flows ---- */

static size_t
flow_hash(uint32_t a, uint32_t b, uint16_t pa, uint16_t pb, uint8_t proto)
{
	return hash32(a ^ hash32(b ^ ((uint32_t)pa << 16 | pb)) ^ proto);
}

static struct flow *
flow_find(struct cs_passive *p, uint32_t dip, uint32_t pip, uint16_t dport,
	  uint16_t pport, uint8_t proto)
{
	size_t h = flow_hash(dip, pip, dport, pport, proto) & p->fmask;

	for (struct flow *f = p->fbuckets[h]; f != NULL; f = f->hnext)
		if (f->dev_ip == dip && f->peer_ip == pip &&
		    f->dev_port == dport && f->peer_port == pport &&
		    f->proto == proto)
			return f;
	return NULL;
}

static void
flow_drop(struct cs_passive *p, struct flow *f)
{
	size_t h = flow_hash(f->dev_ip, f->peer_ip, f->dev_port, f->peer_port,
			     f->proto) &
		   p->fmask;
	struct flow **pp = &p->fbuckets[h];

	while (*pp != f)
		pp = &(*pp)->hnext;
	*pp = f->hnext;
	lru_unlink(&f->lru);
	f->hnext = p->freelist;
	p->freelist = f;
	p->st.flows_now--;
}

static struct flow *
flow_new(struct cs_passive *p, uint32_t dip, uint32_t pip, uint16_t dport,
	 uint16_t pport, uint8_t proto, int slot, int64_t ts)
{
	struct flow *f;
	size_t h;

	if (p->freelist == NULL) {
		p->st.flows_evicted++;
		flow_drop(p, LRU_OWNER(p->flru.prev, struct flow));
	}
	f = p->freelist;
	p->freelist = f->hnext;
	f->dev_ip = dip;
	f->peer_ip = pip;
	f->dev_port = dport;
	f->peer_port = pport;
	f->proto = proto;
	f->ph = slot;
	f->last = ts;
	h = flow_hash(dip, pip, dport, pport, proto) & p->fmask;
	f->hnext = p->fbuckets[h];
	p->fbuckets[h] = f;
	lru_init(&f->lru);
	lru_push(&p->flru, &f->lru);
	p->st.flows++;
	if (++p->st.flows_now > p->st.flows_peak)
		p->st.flows_peak = p->st.flows_now;
	return f;
}

/* Ages out devices and flows idle for longer than the timeout. */
static void
age(struct cs_passive *p, int64_t ts)
{
	int64_t cut = ts - (int64_t)p->o.idle_timeout;

	while (p->flru.prev != &p->flru) {
		struct flow *f = LRU_OWNER(p->flru.prev, struct flow);

		if (f->last >= cut)
			break;
		p->st.flows_aged++;
		flow_drop(p, f);
	}
	while (p->dlru.prev != &p->dlru) {
		struct dev *d = LRU_OWNER(p->dlru.prev, struct dev);

		if (d->d.last >= cut)
			break;
		p->st.devices_aged++;
		dev_drop(p, d, false);
	}
}

/* ---- per-protocol handlers ---- */

static void
on_arp(struct cs_passive *p, const struct cs_pkt *k, int64_t ts)
{
	struct dev *d;

	if (k->arp_spa == 0 || (k->arp_op != 1 && k->arp_op != 2))
		return;
	d = dev_get(p, k->arp_spa, ts);
	dev_set_mac(p, d, k->arp_sha);
}

static void
on_dhcp(struct cs_passive *p, const struct cs_pkt *k, int64_t ts)
{
	struct cs_dhcp m;
	struct dev *d;
	uint32_t ip;

	if (cs_dhcp_parse(k->payload.p, k->payload.n, &m) != 0) {
		p->st.decode_errors++;
		return;
	}
	if (m.op != 1)
		return;
	ip = m.ciaddr ? m.ciaddr : m.requested ? m.requested : k->src_ip;
	if (ip == 0)
		return; /* a DISCOVER: no address yet */
	d = dev_get(p, ip, ts);
	if (m.has_chaddr)
		dev_set_mac(p, d, m.chaddr);
	if (!dev_first(d, K_DHCP, 0))
		return;
	if (m.vendor_class.n)
		dev_decode(p, d, "dhcp-vendor-class", m.vendor_class.p,
			   m.vendor_class.n, 67);
	if (m.hostname.n && d->d.obs.n < CS_PASSIVE_OBS_MAX) {
		char h[256];

		cs_span_copy(h, sizeof(h), m.hostname);
		dev_add_text(p, d, "dhcp.hostname", h);
	}
	if (m.nprl) {
		char l[CS_DHCP_PRL_MAX * 4 + 1];
		size_t off = 0;

		l[0] = '\0';
		for (size_t i = 0; i < m.nprl && off + 5 < sizeof(l); i++)
			off += (size_t)snprintf(l + off, sizeof(l) - off,
						"%s%u", i ? "," : "", m.prl[i]);
		dev_add_text(p, d, "dhcp.prl", l);
	}
}

static void
on_dns(struct cs_passive *p, const struct cs_pkt *k, int64_t ts)
{
	struct cs_dns_q q;

	if (cs_dns_questions(k->payload.p, k->payload.n, &q) != 0) {
		p->st.decode_errors++;
		return;
	}
	for (size_t i = 0; i < q.nname; i++) {
		const struct cs_ph_rule *r = cs_ph_match_name(p->ph, q.name[i]);

		if (r == NULL)
			continue;
		if (!q.response && k->dport == 53) {
			struct dev *d = dev_get(p, k->src_ip, ts);
			int slot = ph_slot(p, d, r, "dns", q.name[i], 0, ts);

			ph_count(p, d, slot, ts, k->ip_len);
		} else if (q.response && k->sport == 53 &&
			   cs_mdns_parse(k->payload.p, k->payload.n, p->mdns) ==
			       0) {
			/* Remember the answers: later flows to them are
			 * this rule's. */
			for (size_t j = 0; j < p->mdns->nrr; j++) {
				const struct cs_mdns_rr *rr = &p->mdns->rr[j];
				uint32_t a;
				struct resolved *s;

				if (rr->type != CS_DNS_A || rr->addrlen != 4)
					continue;
				a = (uint32_t)rr->addr[0] << 24 |
				    (uint32_t)rr->addr[1] << 16 |
				    (uint32_t)rr->addr[2] << 8 | rr->addr[3];
				s = res_slot(p, a);
				s->addr = a;
				s->rule = r;
				cs_strlcpy(s->name, q.name[i], sizeof(s->name));
			}
		}
		break;
	}
}

/* Discovery kinds by UDP port, and a cheap test that a payload is an
 * announcement or an answer rather than a query. */
static const char *
disc_kind(const struct cs_pkt *k, enum dkind *dk, uint16_t *port)
{
	static const struct {
		uint16_t port;
		const char *kind;
		enum dkind dk;
	} t[] = {
	    {3702, "wsd", K_WSD},    {37020, "sadp", K_SADP},
	    {37810, "dhip", K_DHIP}, {1900, "ssdp", K_SSDP},
	    {5353, "mdns", K_MDNS},
	};
	struct cs_span s = k->payload;

	for (size_t i = 0; i < CS_NELEM(t); i++) {
		if (k->sport != t[i].port && k->dport != t[i].port)
			continue;
		*dk = t[i].dk;
		*port = t[i].port;
		switch (t[i].dk) {
		case K_WSD:
			if (cs_memmem(s.p, s.n, (const uint8_t *)"Hello", 5) ||
			    cs_memmem(s.p, s.n, (const uint8_t *)"ProbeMatch",
				      10))
				return t[i].kind;
			return NULL;
		case K_SADP:
			return cs_memmem(s.p, s.n,
					 (const uint8_t *)"ProbeMatch", 10)
				   ? t[i].kind
				   : NULL;
		case K_DHIP:
			return cs_memmem(s.p, s.n,
					 (const uint8_t *)"DeviceType", 10)
				   ? t[i].kind
				   : NULL;
		case K_SSDP:
			return cs_span_istarts(s, "NOTIFY ") ||
				       cs_span_istarts(s, "HTTP/1.")
				   ? t[i].kind
				   : NULL;
		case K_MDNS:
			return s.n >= 12 && (s.p[2] & 0x80) ? t[i].kind : NULL;
		default:
			return NULL;
		}
	}
	return NULL;
}

static struct tls_pend *
tls_pend_find(struct cs_passive *p, const struct cs_pkt *k)
{
	if (p->ntls == 0)
		return NULL;
	for (size_t i = 0; i < TLS_PEND_SLOTS; i++) {
		struct tls_pend *t = &p->tls[i];

		if (t->used && t->sip == k->src_ip && t->dip == k->dst_ip &&
		    t->sport == k->sport && t->dport == k->dport)
			return t;
	}
	return NULL;
}

static void
tls_pend_drop(struct cs_passive *p, struct tls_pend *t)
{
	t->used = false;
	p->ntls--;
}

/* Starts following a flow whose first segment holds a cut certificate. */
static void
tls_pend_start(struct cs_passive *p, const struct cs_pkt *k)
{
	struct tls_pend *t;

	if (p->tls == NULL &&
	    (p->tls = calloc(TLS_PEND_SLOTS, sizeof(*p->tls))) == NULL)
		return;
	if ((t = tls_pend_find(p, k)) == NULL) {
		for (size_t i = 0; i < TLS_PEND_SLOTS && t == NULL; i++)
			if (!p->tls[i].used)
				t = &p->tls[i];
		if (t == NULL) { /* all in use: reuse the oldest-started */
			t = &p->tls[p->tls_next];
			p->tls_next = (p->tls_next + 1) % TLS_PEND_SLOTS;
			p->st.tcp_uncut++;
		} else {
			p->ntls++;
		}
	}
	t->used = true;
	t->sip = k->src_ip;
	t->dip = k->dst_ip;
	t->sport = k->sport;
	t->dport = k->dport;
	t->segs = 0;
	t->n = CS_MIN(k->payload.n, sizeof(t->buf));
	memcpy(t->buf, k->payload.p, t->n);
}

/*
 * Feeds the next segment of a followed flow; returns true when it was one
 * (the segment is then consumed here).
 */
static bool
tls_pend_feed(struct cs_passive *p, const struct cs_pkt *k, struct dev **dp,
	      int64_t ts)
{
	struct tls_pend *t = tls_pend_find(p, k);
	struct cs_tls tl;
	size_t add;

	if (t == NULL || k->payload.n == 0)
		return false;
	add = CS_MIN(k->payload.n, sizeof(t->buf) - t->n);
	memcpy(t->buf + t->n, k->payload.p, add);
	t->n += add;
	t->segs++;
	if (cs_tls_scan(t->buf, t->n, &tl) == 0 && tl.cert.n > 0) {
		if (*dp == NULL)
			*dp = dev_get(p, k->src_ip, ts);
		if (dev_first(*dp, K_TLS, k->sport))
			dev_decode(p, *dp, "tls-cert", tl.cert.p, tl.cert.n,
				   k->sport);
		tls_pend_drop(p, t);
	} else if (!tl.cert_cut || t->segs >= TLS_PEND_SEGS ||
		   t->n == sizeof(t->buf)) {
		p->st.tcp_uncut++;
		tls_pend_drop(p, t);
	}
	return true;
}

static void
on_tls(struct cs_passive *p, const struct cs_pkt *k, struct dev **dp,
       int64_t ts, const struct cs_ph_rule **rule, char *sni, size_t snisz)
{
	struct cs_tls t;

	if (cs_tls_scan(k->payload.p, k->payload.n, &t) != 0)
		return;
	if (t.client_hello && t.sni[0]) {
		const struct cs_ph_rule *r = cs_ph_match_name(p->ph, t.sni);

		if (r != NULL) {
			*rule = r;
			cs_strlcpy(sni, t.sni, snisz);
		}
	}
	if (t.cert_cut && t.cert.n == 0)
		tls_pend_start(p, k);
	if (t.cert.n > 0) {
		if (*dp == NULL)
			*dp = dev_get(p, k->src_ip, ts);
		if (dev_first(*dp, K_TLS, k->sport))
			dev_decode(p, *dp, "tls-cert", t.cert.p, t.cert.n,
				   k->sport);
	}
}

static void
on_l4(struct cs_passive *p, const struct cs_pkt *k, int64_t ts)
{
	const struct cs_ph_rule *rule = NULL;
	struct dev *d = dev_find(p, k->src_ip);
	struct flow *f;
	char match[CS_DNS_QNAME_MAX], via[8];
	struct cs_span pl = k->payload;
	uint32_t peer = k->dst_ip;

	if (d != NULL)
		d = dev_get(p, k->src_ip, ts); /* newest: safe from eviction */
	match[0] = '\0';
	if (k->kind == CS_PKT_UDP) {
		enum dkind dk;
		uint16_t port;
		const char *kind;

		if (k->dport == 53 || k->sport == 53)
			on_dns(p, k, ts);
		else if ((k->dport == 67 || k->dport == 68) &&
			 (k->sport == 67 || k->sport == 68))
			on_dhcp(p, k, ts);
		else if (pl.n > 0 &&
			 (kind = disc_kind(k, &dk, &port)) != NULL) {
			if (d == NULL)
				d = dev_get(p, k->src_ip, ts);
			if (dev_first(d, dk, port))
				dev_decode(p, d, kind, pl.p, pl.n, port);
		}
	} else if (tls_pend_feed(p, k, &d, ts)) {
		/* A followed TLS flow's next segment. */
	} else if (pl.n >= 5) {
		if (memcmp(pl.p, "HTTP/", 5) == 0 ||
		    memcmp(pl.p, "RTSP/", 5) == 0) {
			bool rtsp = pl.p[0] == 'R';

			if (d == NULL)
				d = dev_get(p, k->src_ip, ts);
			if (dev_first(d, rtsp ? K_RTSP : K_HTTP, k->sport))
				dev_decode(p, d, rtsp ? "rtsp" : "http", pl.p,
					   pl.n, k->sport);
		} else if (pl.p[0] == 22 && pl.p[1] == 3) {
			on_tls(p, k, &d, ts, &rule, match, sizeof(match));
		}
	}
	if (p->ph == NULL || p->ph->n == 0)
		return;
	/* Volume of flows already known to be phone-home. */
	f = flow_find(p, k->src_ip, k->dst_ip, k->sport, k->dport, k->proto);
	if (f == NULL)
		f = flow_find(p, k->dst_ip, k->src_ip, k->dport, k->sport,
			      k->proto);
	if (f != NULL) {
		struct dev *fd =
		    f->dev_ip == k->src_ip ? d : dev_find(p, f->dev_ip);

		f->last = ts;
		lru_unlink(&f->lru);
		lru_push(&p->flru, &f->lru);
		if (fd != NULL && fd->gen == f->gen)
			ph_count(p, fd, f->ph, ts, k->ip_len);
		return;
	}
	if (rule != NULL) {
		cs_strlcpy(via, "sni", sizeof(via));
	} else {
		struct resolved *s = res_slot(p, peer);

		if (s->addr == peer && s->rule != NULL) {
			rule = s->rule;
			cs_strlcpy(via, "addr", sizeof(via));
			cs_strlcpy(match, s->name, sizeof(match));
		} else if ((rule = cs_ph_match_flow(p->ph, peer, k->proto,
						    k->dport, pl)) != NULL) {
			cs_strlcpy(via,
				   rule->kind == CS_PH_CIDR ? "addr" : "port",
				   sizeof(via));
			snprintf(match, sizeof(match), "%s/%u",
				 k->proto == 6 ? "tcp" : "udp", k->dport);
		}
	}
	if (rule == NULL)
		return;
	if (d == NULL)
		d = dev_get(p, k->src_ip, ts);
	{
		int slot = ph_slot(p, d, rule, via, match, peer, ts);

		if (slot < 0)
			return;
		flow_new(p, k->src_ip, peer, k->sport, k->dport, k->proto, slot,
			 ts)
		    ->gen = d->gen;
		ph_count(p, d, slot, ts, k->ip_len);
	}
}

int
cs_passive_packet(struct cs_passive *p, int64_t ts, const uint8_t *frame,
		  size_t caplen, size_t wirelen)
{
	struct cs_pkt k;
	int rc;

	(void)wirelen;
	p->st.packets++;
	p->st.bytes += caplen;
	if ((++p->tick & 255) == 0)
		age(p, ts);
	rc = cs_pkt_decode(frame, caplen, &k);
	if (rc != 0) {
		p->st.decode_errors++;
		return rc;
	}
	if (k.kind == CS_PKT_ARP)
		on_arp(p, &k, ts);
	else if (k.kind == CS_PKT_UDP || k.kind == CS_PKT_TCP)
		on_l4(p, &k, ts);
	if (k.kind != CS_PKT_ARP && k.kind != CS_PKT_OTHER) {
		struct dev *d = dev_find(p, k.src_ip);

		if (d != NULL) {
			d->d.packets++;
			d->d.bytes += k.ip_len;
		}
	}
	if (p->st.held_now > p->o.held_max)
		held_check(p);
	return 0;
}

void
cs_passive_finish(struct cs_passive *p)
{
	while (p->dlru.prev != &p->dlru)
		dev_drop(p, LRU_OWNER(p->dlru.prev, struct dev), false);
	while (p->flru.prev != &p->flru)
		flow_drop(p, LRU_OWNER(p->flru.prev, struct flow));
}

void
cs_passive_get_stats(const struct cs_passive *p, struct cs_passive_stats *st)
{
	*st = p->st;
}

void
cs_passive_free(struct cs_passive *p)
{
	if (p == NULL)
		return;
	while (p->dlru.prev != &p->dlru) {
		struct dev *d = LRU_OWNER(p->dlru.prev, struct dev);

		lru_unlink(&d->lru);
		cs_obs_list_free(&d->d.obs);
		free(d);
	}
	cs_ident_dec_free(p->dec);
	free(p->dbuckets);
	free(p->fbuckets);
	free(p->pool);
	free(p->res);
	free(p->mdns);
	free(p->tls);
	free(p);
}
