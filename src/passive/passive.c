/* SPDX-License-Identifier: ISC */
/*
 * The passive listener: bounded device and flow tables, per-packet
 * dispatch to the decoders of pkt.h and src/ident, phone-home matching.
 * See passive.h.
 */
#include "passive/passive.h"

#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"
#include "core/rd.h"
#include "core/str.h"
#include "parse/parse_mdns.h"
#include "parse/parse_vdisc.h"
#include "parse/parse_vendor.h"
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
	K_DHCP6,
	K_DVRIP,
	K_BANNER,
	K_VDISC, /* + the index in parse_vdisc.h's table */
};

/* A device key: family 4 or 6 and the address, or 0 and a MAC. */
struct dkey {
	uint8_t fam;
	uint32_t h; /* hash of fam and a, set with them */
	uint8_t a[16];
};

struct dev {
	struct cs_passive_dev d;
	struct dev *hnext;
	struct lru lru;
	uint32_t done[CS_PASSIVE_DONE_MAX];
	size_t ndone;
	size_t held;     /* observation bytes */
	uint64_t gen;    /* distinguishes a re-created device at the same IP */
	uint32_t h;      /* its key's hash */
	uint8_t fmac[6]; /* source MAC of its frames (not yet trusted) */
	bool has_fmac;
};

/*
 * Source MACs of IP frames and the addresses they carried: a MAC seen
 * with more than GW_ADDRS distinct source addresses is a router's (it
 * forwards for hosts off the segment), and is never taken as the MAC of
 * the addresses it carries.  Direct-mapped and fixed in size; a router's
 * entry is not displaced by another MAC.
 */
#define MAC_SLOTS 16384
#define GW_ADDRS 8

struct macent {
	uint8_t mac[6];
	bool used, gw;
	uint8_t n;
	uint32_t h[GW_ADDRS]; /* hashes of the distinct addresses seen */
};

/*
 * A flow's key: the device's and the peer's endpoints, IPv4 (host order)
 * or IPv6, and the hash of all of it (IPv4 keeps its cheap integer hash
 * and is built without touching the IPv6 bytes).
 */
struct fkey {
	uint8_t fam, proto;
	uint16_t dport, pport; /* the device's port, the peer's */
	uint32_t h;
	union {
		struct {
			uint32_t dev, peer;
		} v4;
		struct {
			uint8_t dev[16], peer[16];
		} v6;
	} a;
};

struct flow {
	struct fkey k;
	int ph;       /* index into the device's ph[] */
	uint64_t gen; /* of that device */
	int64_t last;
	struct flow *hnext;
	struct lru lru;
};

/*
 * Bounded TCP reassembly of what a device sends on flows a decoder wants
 * (HTTP and RTSP response headers, a TLS server's handshake up to its
 * certificate): segments are placed by sequence number into a per-flow
 * buffer, the first copy of each byte wins (overlaps and retransmissions
 * do not overwrite, as Zeek does), and the flow is decoded once the
 * in-order prefix holds what the decoder needs.  A flow is followed only
 * while that can still be learnt: never for one whose first bytes are
 * not HTTP/RTSP/TLS, and never past RSM_BUF bytes, RSM_SEGS segments, a
 * FIN or RST.  RSM_SLOTS flows are followed at once (the oldest is given
 * up for a new one), so the whole costs at most RSM_SLOTS * RSM_BUF.
 *
 * Flow state (the initial sequence number from a SYN-ACK, "done") sits
 * in a direct-mapped table of TST_SLOTS entries keyed by a hash of the
 * flow; a collision only forgets a flow's state.
 */
#define RSM_SLOTS 64
#define RSM_BUF (16 * 1024) /* bytes buffered per flow */
#define RSM_SEGS 64         /* segments accepted per flow */
#define TST_SLOTS 8192

enum { TST_FREE = 0, TST_ISN, TST_RSM, TST_DONE };

struct tstate {
	uint32_t fh;  /* full flow hash (sender to receiver) */
	uint32_t isn; /* sender's SYN sequence number (TST_ISN) */
	uint8_t st;
	int16_t slot; /* TST_RSM: index into rsm[] */
};

struct rsm {
	bool used;
	uint32_t fh;
	struct fkey fk;  /* the flow (the device's side first) */
	struct dkey src; /* the sender: the device */
	uint16_t sport;
	uint32_t base; /* sequence number of buf[0] */
	size_t contig; /* bytes in order from buf[0] */
	unsigned segs;
	uint8_t have[RSM_BUF / 8]; /* bytes filled */
	uint8_t buf[RSM_BUF];
};

#define RESOLVED_SLOTS 2048

struct resolved {
	uint32_t addr; /* 0: empty */
	const struct cs_ph_rule *rule;
	char name[CS_DNS_QNAME_MAX];
};

/* The same for AAAA answers (allocated on the first one). */
struct resolved6 {
	uint8_t addr[16];
	const struct cs_ph_rule *rule; /* NULL: empty */
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
	struct resolved6 *res6; /* RESOLVED_SLOTS, NULL until an AAAA */
	struct macent *macs;    /* MAC_SLOTS */
	struct cs_mdns *mdns;   /* scratch for DNS answers */
	struct cs_passive_stats st;
	struct tstate *tst; /* TST_SLOTS */
	struct rsm *rsm;    /* RSM_SLOTS, allocated on first use */
	size_t rsm_next;    /* next slot to reuse when all are in use */
	int link;           /* enum cs_link of the frames */
	bool cut;           /* this frame was cut by the snap length */
	int64_t now;        /* this frame's time */
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
	p->link = CS_LINK_ETHER;
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
	p->macs = cs_xcalloc(MAC_SLOTS, sizeof(*p->macs));
	p->tst = cs_xcalloc(TST_SLOTS, sizeof(*p->tst));
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

char *
cs_passive_peerstr(const struct cs_passive_ph *e, char *buf, size_t bufsz)
{
	if (bufsz == 0)
		return buf;
	buf[0] = '\0';
	if (e->peer != 0)
		return cs_passive_ipstr(e->peer, buf, bufsz);
	if (e->peer6_set &&
	    inet_ntop(AF_INET6, e->peer6, buf, (socklen_t)bufsz) == NULL)
		buf[0] = '\0';
	return buf;
}

char *
cs_passive_addrstr(const struct cs_passive_dev *d, char *buf, size_t bufsz)
{
	if (bufsz == 0)
		return buf;
	buf[0] = '\0';
	if (d->family == 4)
		return cs_passive_ipstr(d->ip, buf, bufsz);
	if (d->family == 6 &&
	    inet_ntop(AF_INET6, d->addr, buf, (socklen_t)bufsz) == NULL)
		buf[0] = '\0';
	return buf;
}

/* ---- MACs ---- */

/* A hash of n bytes (n <= 16), eight at a time. */
static uint32_t
hash_bytes(const uint8_t *b, size_t n, uint32_t seed)
{
	uint64_t h = (uint64_t)seed * 0x9E3779B97F4A7C15u + n;

	for (size_t i = 0; i < n; i += 8) {
		uint64_t w = 0;

		memcpy(&w, b + i, n - i < 8 ? n - i : 8);
		h = (h ^ w) * 0x9E3779B97F4A7C15u;
		h ^= h >> 29;
	}
	return hash32((uint32_t)h ^ (uint32_t)(h >> 32));
}

static bool
mac_unicast(const uint8_t m[6])
{
	return !(m[0] & 1) && (m[0] | m[1] | m[2] | m[3] | m[4] | m[5]) != 0;
}

static struct macent *
mac_slot(struct cs_passive *p, const uint8_t m[6])
{
	return &p->macs[hash_bytes(m, 6, 0) & (MAC_SLOTS - 1)];
}

static bool
mac_is_gw(struct cs_passive *p, const uint8_t m[6])
{
	struct macent *e = mac_slot(p, m);

	return e->used && e->gw && memcmp(e->mac, m, 6) == 0;
}

static void
mac_mark_gw(struct cs_passive *p, const uint8_t m[6])
{
	struct macent *e = mac_slot(p, m);

	if (!mac_unicast(m))
		return;
	memcpy(e->mac, m, 6);
	e->used = e->gw = true;
}

/* Notes that m sent a frame from the address hashed to ah. */
static void
mac_note(struct cs_passive *p, const uint8_t m[6], uint32_t ah)
{
	struct macent *e = mac_slot(p, m);

	if (!e->used || memcmp(e->mac, m, 6) != 0) {
		if (e->used && e->gw)
			return; /* keep the router's entry */
		memcpy(e->mac, m, 6);
		e->used = true;
		e->gw = false;
		e->n = 0;
	}
	if (e->gw)
		return;
	for (size_t i = 0; i < e->n; i++)
		if (e->h[i] == ah)
			return;
	if (e->n == GW_ADDRS)
		e->gw = true;
	else
		e->h[e->n++] = ah;
}

/* ---- devices ---- */

static struct dkey
key4(uint32_t ip)
{
	struct dkey k;

	memset(&k, 0, sizeof(k));
	k.fam = 4;
	k.a[0] = (uint8_t)(ip >> 24);
	k.a[1] = (uint8_t)(ip >> 16);
	k.a[2] = (uint8_t)(ip >> 8);
	k.a[3] = (uint8_t)ip;
	k.h = hash32(ip);
	return k;
}

static struct dkey
key6(const uint8_t a[16])
{
	struct dkey k;

	k.fam = 6;
	memcpy(k.a, a, 16);
	k.h = hash_bytes(k.a, 16, 6);
	return k;
}

static struct dkey
keymac(const uint8_t m[6])
{
	struct dkey k;

	memset(&k, 0, sizeof(k));
	memcpy(k.a, m, 6);
	k.h = hash_bytes(k.a, 16, 0);
	return k;
}

static const uint8_t zero16[16];

/* The packet's source address as a key; false for none or unspecified. */
static bool
key_src(const struct cs_pkt *k, struct dkey *out)
{
	if (k->ipver == 4 && k->src_ip != 0) {
		*out = key4(k->src_ip);
		return true;
	}
	if (k->ipver == 6 && memcmp(k->src6, zero16, 16) != 0) {
		*out = key6(k->src6);
		return true;
	}
	memset(out, 0, sizeof(*out));
	return false;
}

static size_t
key_hash(const struct dkey *k)
{
	return k->h;
}

static bool
key_eq(const struct dev *d, const struct dkey *k)
{
	return d->h == k->h && d->d.family == k->fam &&
	       memcmp(d->d.addr, k->a, k->fam == 4 ? 4 : 16) == 0;
}

static struct dev *
dev_find(struct cs_passive *p, const struct dkey *k)
{
	for (struct dev *d = p->dbuckets[key_hash(k) & p->dmask]; d != NULL;
	     d = d->hnext)
		if (key_eq(d, k))
			return d;
	return NULL;
}

static void dev_decode(struct cs_passive *p, struct dev *d, const char *kind,
		       const void *data, size_t n, uint16_t port);
static bool dev_first(struct dev *d, enum dkind k, uint16_t port);

/* Unlinks d from its bucket and the LRU list. */
static void
dev_unlink(struct cs_passive *p, struct dev *d)
{
	struct dev **pp = &p->dbuckets[d->h & p->dmask];

	while (*pp != d)
		pp = &(*pp)->hnext;
	*pp = d->hnext;
	lru_unlink(&d->lru);
	p->st.devices_now--;
	p->st.held_now -= d->held;
}

/* Flushes and frees d. */
static void
dev_drop(struct cs_passive *p, struct dev *d, bool evicted)
{
	char txt[18];

	/* The source MAC of its frames, unless a router's. */
	if (!d->d.has_mac && d->has_fmac && !mac_is_gw(p, d->fmac)) {
		memcpy(d->d.mac, d->fmac, 6);
		d->d.has_mac = true;
		cs_strlcpy(d->d.mac_via, "frame", sizeof(d->d.mac_via));
		cs_ident_mac_format(d->fmac, txt);
		if (dev_first(d, K_MAC, 0))
			dev_decode(p, d, "mac", txt, strlen(txt), 0);
	}
	if (d->d.has_mac)
		d->d.gateway = mac_is_gw(p, d->d.mac);
	dev_unlink(p, d);
	d->d.evicted = evicted;
	if (p->fn != NULL)
		p->fn(p->arg, &d->d);
	cs_obs_list_free(&d->d.obs);
	free(d);
}

static struct dev *
dev_get(struct cs_passive *p, const struct dkey *k, int64_t ts)
{
	struct dev *d = dev_find(p, k);

	if (d == NULL) {
		size_t h = key_hash(k) & p->dmask;

		if (p->st.devices_now >= p->o.max_devices) {
			p->st.devices_evicted++;
			dev_drop(p, LRU_OWNER(p->dlru.prev, struct dev), true);
		}
		d = cs_xcalloc(1, sizeof(*d));
		d->d.family = k->fam;
		d->h = k->h;
		memcpy(d->d.addr, k->a, 16);
		if (k->fam == 4)
			d->d.ip = (uint32_t)k->a[0] << 24 |
				  (uint32_t)k->a[1] << 16 |
				  (uint32_t)k->a[2] << 8 | k->a[3];
		if (k->fam == 0) { /* known by its MAC */
			memcpy(d->d.mac, k->a, 6);
			d->d.has_mac = true;
		}
		d->d.first = ts;
		d->gen = ++p->gen;
		cs_obs_list_init(&d->d.obs);
		d->hnext = p->dbuckets[h];
		p->dbuckets[h] = d;
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

static struct dev *
dev_get4(struct cs_passive *p, uint32_t ip, int64_t ts)
{
	struct dkey k = key4(ip);

	return dev_get(p, &k, ts);
}

static struct dev *
dev_get_src(struct cs_passive *p, const struct cs_pkt *pk, int64_t ts)
{
	struct dkey k;

	if (!key_src(pk, &k))
		return NULL;
	return dev_get(p, &k, ts);
}

/* True if (kind, port) has not been decoded for d yet. */
static bool
dev_first_peek(const struct dev *d, enum dkind k, uint16_t port)
{
	uint32_t key = (uint32_t)k << 16 | port;

	for (size_t i = 0; i < d->ndone; i++)
		if (d->done[i] == key)
			return false;
	return d->ndone < CS_PASSIVE_DONE_MAX;
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

/*
 * Moves what the MAC-only device m learnt into d (the same device, now
 * with an address) and frees m without flushing it.
 */
static void
dev_absorb(struct cs_passive *p, struct dev *d, struct dev *m)
{
	for (size_t i = 0; i < m->d.obs.n; i++) {
		const struct cs_obs *o = &m->d.obs.v[i];

		if (d->d.obs.n >= CS_PASSIVE_OBS_MAX) {
			p->st.obs_dropped++;
			continue;
		}
		if (cs_obs_add(&d->d.obs, o->key, o->port, o->flags, o->val,
			       o->len) == 0) {
			d->held += o->len + sizeof(struct cs_obs);
			p->st.held_now += o->len + sizeof(struct cs_obs);
		}
	}
	for (size_t i = 0; i < m->ndone; i++) {
		bool have = false;

		for (size_t j = 0; j < d->ndone && !have; j++)
			have = d->done[j] == m->done[i];
		if (!have && d->ndone < CS_PASSIVE_DONE_MAX)
			d->done[d->ndone++] = m->done[i];
	}
	for (size_t i = 0; i < m->d.nph; i++) {
		if (d->d.nph == CS_PASSIVE_PH_MAX) {
			d->d.ph_dropped++;
			continue;
		}
		d->d.ph[d->d.nph++] = m->d.ph[i];
	}
	if (m->d.first < d->d.first)
		d->d.first = m->d.first;
	d->d.packets += m->d.packets;
	d->d.bytes += m->d.bytes;
	dev_unlink(p, m);
	cs_obs_list_free(&m->d.obs);
	free(m);
}

/* Binds d to mac as told by a protocol (via: "arp", "dhcp", ...). */
static void
dev_set_mac(struct cs_passive *p, struct dev *d, const uint8_t mac[6],
	    const char *via)
{
	char txt[18];
	struct dkey mk;
	struct dev *m;

	if (d->d.family == 0 || !mac_unicast(mac))
		return;
	if (d->d.has_mac && strcmp(d->d.mac_via, "frame") != 0)
		return;
	memcpy(d->d.mac, mac, 6);
	d->d.has_mac = true;
	cs_strlcpy(d->d.mac_via, via, sizeof(d->d.mac_via));
	cs_ident_mac_format(mac, txt);
	if (dev_first(d, K_MAC, 0))
		dev_decode(p, d, "mac", txt, strlen(txt), 0);
	mk = keymac(mac);
	if ((m = dev_find(p, &mk)) != NULL)
		dev_absorb(p, d, m);
}

/* ---- phone-home ---- */

static bool
obs_has(const struct cs_obs_list *l, const char *key, const char *val)
{
	size_t n = strlen(val);

	for (size_t i = 0; i < l->n; i++)
		if (l->v[i].len == n && strcmp(l->v[i].key, key) == 0 &&
		    memcmp(l->v[i].val, val, n) == 0)
			return true;
	return false;
}

/* Finds or adds d's record for (rule, via, match, peer); -1 if full. */
static int
ph_slot(struct cs_passive *p, struct dev *d, const struct cs_ph_rule *r,
	const char *via, const char *match, uint32_t peer, const uint8_t *peer6,
	int64_t ts)
{
	struct cs_passive_ph *e;

	for (size_t i = 0; i < d->d.nph; i++) {
		e = &d->d.ph[i];
		if (e->rule == r && e->peer == peer &&
		    (peer6 == NULL
			 ? e->peer6_set == false
			 : e->peer6_set && memcmp(e->peer6, peer6, 16) == 0) &&
		    strcmp(e->via, via) == 0 && strcmp(e->match, match) == 0)
			return (int)i;
	}
	if (d->d.nph == CS_PASSIVE_PH_MAX) {
		d->d.ph_dropped++;
		return -1;
	}
	/* The endpoint's maker, as evidence for the fingerprint engine
	 * (data/fingerprints/phonehome.fp weighs it by the row's
	 * confidence); once per maker and confidence. */
	{
		char v[96];

		snprintf(v, sizeof(v), "%s; confidence=%s", r->maker,
			 cs_ph_conf_name(r->conf));
		if (!obs_has(&d->d.obs, "phonehome.maker", v))
			dev_add_text(p, d, "phonehome.maker", v);
	}
	e = &d->d.ph[d->d.nph];
	memset(e, 0, sizeof(*e));
	e->rule = r;
	cs_strlcpy(e->via, via, sizeof(e->via));
	cs_strlcpy(e->match, match, sizeof(e->match));
	e->peer = peer;
	if (peer6 != NULL) {
		memcpy(e->peer6, peer6, 16);
		e->peer6_set = true;
	}
	e->first = e->last = ts;
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

/*
 * The key of the flow from the packet's source to its destination
 * (rev: the other way round, the destination as the device).
 */
static void
fkey_pkt(const struct cs_pkt *k, bool rev, struct fkey *out)
{
	out->fam = k->ipver;
	out->proto = k->proto;
	out->dport = rev ? k->dport : k->sport;
	out->pport = rev ? k->sport : k->dport;
	if (k->ipver == 4) {
		out->a.v4.dev = rev ? k->dst_ip : k->src_ip;
		out->a.v4.peer = rev ? k->src_ip : k->dst_ip;
		out->h =
		    (uint32_t)flow_hash(out->a.v4.dev, out->a.v4.peer,
					out->dport, out->pport, out->proto);
	} else {
		memcpy(out->a.v6.dev, rev ? k->dst6 : k->src6, 16);
		memcpy(out->a.v6.peer, rev ? k->src6 : k->dst6, 16);
		out->h = hash_bytes(
		    out->a.v6.dev, 16,
		    hash_bytes(out->a.v6.peer, 16,
			       ((uint32_t)out->dport << 16 | out->pport) ^
				   (uint32_t)out->proto << 8));
	}
}

static bool
fkey_eq(const struct fkey *a, const struct fkey *b)
{
	if (a->h != b->h || a->fam != b->fam || a->proto != b->proto ||
	    a->dport != b->dport || a->pport != b->pport)
		return false;
	if (a->fam == 4)
		return a->a.v4.dev == b->a.v4.dev &&
		       a->a.v4.peer == b->a.v4.peer;
	return memcmp(&a->a.v6, &b->a.v6, sizeof(a->a.v6)) == 0;
}

/* The device's key of a flow. */
static struct dkey
fkey_dev(const struct fkey *f)
{
	return f->fam == 6 ? key6(f->a.v6.dev) : key4(f->a.v4.dev);
}

static struct flow *
flow_find(struct cs_passive *p, const struct fkey *k)
{
	for (struct flow *f = p->fbuckets[k->h & p->fmask]; f != NULL;
	     f = f->hnext)
		if (fkey_eq(&f->k, k))
			return f;
	return NULL;
}

static void
flow_drop(struct cs_passive *p, struct flow *f)
{
	struct flow **pp = &p->fbuckets[f->k.h & p->fmask];

	while (*pp != f)
		pp = &(*pp)->hnext;
	*pp = f->hnext;
	lru_unlink(&f->lru);
	f->hnext = p->freelist;
	p->freelist = f;
	p->st.flows_now--;
}

static struct flow *
flow_new(struct cs_passive *p, const struct fkey *k, int slot, int64_t ts)
{
	struct flow *f;
	size_t h = k->h & p->fmask;

	if (p->freelist == NULL) {
		p->st.flows_evicted++;
		flow_drop(p, LRU_OWNER(p->flru.prev, struct flow));
	}
	f = p->freelist;
	p->freelist = f->hnext;
	f->k = *k;
	f->ph = slot;
	f->last = ts;
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
	d = dev_get4(p, k->arp_spa, ts);
	dev_set_mac(p, d, k->arp_sha, "arp");
}

/* Records a client's DHCP/DHCPv6 vendor class, host name and parameter
 * list once. */
static void
dhcp_obs(struct cs_passive *p, struct dev *d, struct cs_span vendor,
	 struct cs_span host, const char *plkey, const char *pl, uint16_t port)
{
	if (vendor.n)
		dev_decode(p, d, "dhcp-vendor-class", vendor.p, vendor.n, port);
	if (host.n && d->d.obs.n < CS_PASSIVE_OBS_MAX) {
		char h[256];

		cs_span_copy(h, sizeof(h), host);
		dev_add_text(p, d, "dhcp.hostname", h);
	}
	if (pl[0])
		dev_add_text(p, d, plkey, pl);
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
	if (m.op == 2) {
		/* A server's ACK binds the address it gives to the client's
		 * hardware address. */
		ip = m.yiaddr ? m.yiaddr : m.ciaddr;
		if (m.msg_type == 5 && ip != 0 && m.has_chaddr)
			dev_set_mac(p, dev_get4(p, ip, ts), m.chaddr, "dhcp");
		return;
	}
	if (m.op != 1)
		return;
	ip = m.ciaddr ? m.ciaddr : m.requested ? m.requested : k->src_ip;
	if (ip != 0) {
		d = dev_get4(p, ip, ts);
		if (m.has_chaddr)
			dev_set_mac(p, d, m.chaddr, "dhcp");
	} else if (m.has_chaddr && mac_unicast(m.chaddr)) {
		/* A DISCOVER: no address yet, the device is its MAC. */
		struct dkey mk = keymac(m.chaddr);

		d = dev_get(p, &mk, ts);
		cs_strlcpy(d->d.mac_via, "dhcp", sizeof(d->d.mac_via));
	} else {
		return;
	}
	if (!dev_first(d, K_DHCP, 0))
		return;
	{
		char l[CS_DHCP_PRL_MAX * 4 + 1];
		size_t off = 0;

		l[0] = '\0';
		for (size_t i = 0; i < m.nprl && off + 5 < sizeof(l); i++)
			off += (size_t)snprintf(l + off, sizeof(l) - off,
						"%s%u", i ? "," : "", m.prl[i]);
		dhcp_obs(p, d, m.vendor_class, m.hostname, "dhcp.prl", l, 67);
	}
}

static void
on_dhcp6(struct cs_passive *p, const struct cs_pkt *k, int64_t ts)
{
	struct cs_dhcp6 m;
	struct dev *d;
	struct dkey key;
	char l[CS_DHCP6_ORO_MAX * 6 + 1];
	size_t off = 0;

	if (cs_dhcp6_parse(k->payload.p, k->payload.n, &m) != 0)
		return;
	if (m.msg_type == 7) { /* Reply: the address given to the client */
		if (m.has_addr && m.has_mac) {
			key = key6(m.addr);
			dev_set_mac(p, dev_get(p, &key, ts), m.mac, "dhcp6");
		}
		return;
	}
	if (k->dport != 547)
		return;
	if (m.has_addr)
		key = key6(m.addr);
	else if (!key_src(k, &key))
		return;
	d = dev_get(p, &key, ts);
	if (m.has_mac)
		dev_set_mac(p, d, m.mac, "dhcp6");
	else if (k->has_mac)
		dev_set_mac(p, d, k->src_mac, "dhcp6");
	if (!dev_first(d, K_DHCP6, 0))
		return;
	l[0] = '\0';
	for (size_t i = 0; i < m.noro && off + 7 < sizeof(l); i++)
		off += (size_t)snprintf(l + off, sizeof(l) - off, "%s%u",
					i ? "," : "", m.oro[i]);
	dhcp_obs(p, d, m.vendor_class, cs_span_make(m.fqdn, strlen(m.fqdn)),
		 "dhcp6.oro", l, 547);
}

/* Neighbour discovery binds IPv6 addresses to MACs; an RA (or an NA
 * with the router flag) marks its sender's MAC as a router's. */
static void
on_ndp(struct cs_passive *p, const struct cs_pkt *k, int64_t ts)
{
	struct cs_ndp n;
	struct dkey key;
	const uint8_t *mac = NULL;

	if (cs_ndp_parse(k->icmp6_type, k->payload.p, k->payload.n, &n) != 0)
		return;
	if (n.has_lladdr)
		mac = n.lladdr;
	else if (k->has_mac)
		mac = k->src_mac;
	if (mac == NULL)
		return;
	if (n.router)
		mac_mark_gw(p, mac);
	if (n.type == 136 && n.has_target) {
		key = key6(n.target); /* NA: the target is the sender's */
	} else if (n.type == 135 && memcmp(k->src6, zero16, 16) == 0 &&
		   n.has_target && k->has_mac) {
		key = key6(n.target); /* duplicate address detection */
		mac = k->src_mac;
	} else if (!key_src(k, &key)) {
		return;
	}
	dev_set_mac(p, dev_get(p, &key, ts), mac, "ndp");
}

static void
on_dns(struct cs_passive *p, const struct cs_pkt *k, int64_t ts)
{
	struct cs_dns_q q;

	if (p->ph == NULL)
		return; /* no endpoint list: nothing to match */
	if (cs_dns_questions(k->payload.p, k->payload.n, &q) != 0) {
		p->st.decode_errors++;
		return;
	}
	for (size_t i = 0; i < q.nname; i++) {
		const struct cs_ph_rule *r = cs_ph_match_name(p->ph, q.name[i]);

		if (r == NULL)
			continue;
		if (!q.response && k->dport == 53) {
			struct dev *d = dev_get_src(p, k, ts);
			int slot;

			if (d == NULL)
				break;
			slot = ph_slot(p, d, r, "dns", q.name[i], 0, NULL, ts);
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

				if (rr->type == CS_DNS_AAAA &&
				    rr->addrlen == 16) {
					struct resolved6 *s6;

					if (p->res6 == NULL)
						p->res6 = cs_xcalloc(
						    RESOLVED_SLOTS,
						    sizeof(*p->res6));
					s6 = &p->res6[hash_bytes(rr->addr, 16,
								 6) &
						      (RESOLVED_SLOTS - 1)];
					memcpy(s6->addr, rr->addr, 16);
					s6->rule = r;
					cs_strlcpy(s6->name, q.name[i],
						   sizeof(s6->name));
					continue;
				}
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
	/* The vendor protocols (parse/parse_vdisc.h): a reply on the port
	 * its devices listen on or answer to. */
	{
		size_t nv;
		const struct cs_vd_proto *v = cs_vd_protos(&nv);

		for (size_t i = 0; i < nv; i++) {
			bool on =
			    k->sport == v[i].port || k->dport == v[i].port ||
			    (v[i].reply_port && k->dport == v[i].reply_port);

			if (on && cs_vd_is_reply(v[i].kind, s.p, s.n)) {
				*dk = (enum dkind)(K_VDISC + (int)i);
				*port = v[i].port;
				return v[i].kind;
			}
		}
	}
	return NULL;
}

/* ---- TCP reassembly ---- */

enum rkind { R_NONE = 0, R_HTTP, R_RTSP, R_TLS, R_XM, R_DH, R_FTP };

/* Vendor services are recognised on their well-known server ports only:
 * their first bytes alone are too common. */
#define PORT_XM_DVRIP 34567 /* Xiongmai DVRIP (0xFF header) */
#define PORT_DH_DVRIP 37777 /* Dahua DVRIP (32-byte header, >= 0x80) */
#define PORT_FTP 21         /* FTP greeting ("220 ...") */

/* What the device's stream from sport starting with b[0..n) is. */
static enum rkind
rsm_kind(const uint8_t *b, size_t n, uint16_t sport)
{
	if (n >= 5 && memcmp(b, "HTTP/", 5) == 0)
		return R_HTTP;
	if (n >= 5 && memcmp(b, "RTSP/", 5) == 0)
		return R_RTSP;
	if (n >= 2 && b[0] == 22 && b[1] == 3)
		return R_TLS;
	if (sport == PORT_XM_DVRIP && n >= 1 && b[0] == 0xFF)
		return R_XM;
	if (sport == PORT_DH_DVRIP && n >= 1 && b[0] >= 0x80)
		return R_DH;
	if (sport == PORT_FTP && n >= 4 && memcmp(b, "220", 3) == 0)
		return R_FTP;
	return R_NONE;
}

static enum dkind
rk_dkind(enum rkind rk)
{
	switch (rk) {
	case R_RTSP:
		return K_RTSP;
	case R_TLS:
		return K_TLS;
	case R_XM:
	case R_DH:
		return K_DVRIP;
	case R_FTP:
		return K_BANNER;
	default:
		return K_HTTP;
	}
}

/* Decodes a vendor service's first message once it is whole (or no more
 * will come); true when finished. */
static bool
vendor_decode(struct cs_passive *p, const struct dkey *src, uint16_t sport,
	      enum rkind rk, const uint8_t *b, size_t n, bool full, int64_t ts)
{
	size_t len = 0;
	struct dev *d;

	if (rk == R_XM) {
		struct cs_xm_msg m;
		int rc = cs_xm_parse(b, n, &m);

		if (rc == CS_ETRUNC && !full)
			return false;
		if (rc != 0)
			return true;
		len = 20 + (size_t)m.len;
	} else if (rk == R_DH) {
		if (n < 32 && !full)
			return false;
		if (n < 32)
			return true;
		len = 32; /* the header is what the rules read */
	} else {
		long end = cs_span_find(cs_span_make(b, n), "\r\n", 2, false);

		if (end < 0 && !full)
			return false;
		len = end < 0 ? n : (size_t)end;
	}
	d = dev_get(p, src, ts);
	if (dev_first(d, rk_dkind(rk), sport))
		dev_decode(p, d, rk == R_FTP ? "banner" : "dvrip", b,
			   CS_MIN(len, n), sport);
	return true;
}

/*
 * Tries the decoder on the in-order bytes b[0..n) of a device's stream
 * (full: no more bytes will come).  Returns true when the flow is
 * finished: decoded, or nothing more to learn.
 */
static bool
stream_decode(struct cs_passive *p, const struct dkey *src, uint16_t sport,
	      const uint8_t *b, size_t n, bool full, int64_t ts)
{
	enum rkind rk = rsm_kind(b, n, sport);
	struct dev *d;

	if (rk == R_XM || rk == R_DH || rk == R_FTP)
		return vendor_decode(p, src, sport, rk, b, n, full, ts);
	if (n < 5)
		return full;
	if (rk == R_NONE)
		return true;
	if (rk == R_HTTP || rk == R_RTSP) {
		long end =
		    cs_span_find(cs_span_make(b, n), "\r\n\r\n", 4, false);

		if (end < 0 && !full)
			return false;
		d = dev_get(p, src, ts);
		if (dev_first(d, rk == R_RTSP ? K_RTSP : K_HTTP, sport))
			dev_decode(p, d, rk == R_RTSP ? "rtsp" : "http", b,
				   end < 0 ? n : (size_t)end + 4, sport);
		return true;
	}
	{
		struct cs_tls t;
		struct cs_rd r;

		if (cs_tls_scan(b, n, &t) != 0 || t.client_hello)
			return true; /* not a server's handshake */
		if (t.cert.n > 0) {
			d = dev_get(p, src, ts);
			if (dev_first(d, K_TLS, sport))
				dev_decode(p, d, "tls-cert", t.cert.p, t.cert.n,
					   sport);
			return true;
		}
		/* A record other than a handshake before any certificate
		 * (TLS 1.3, a resumed session): none will come. */
		cs_rd_init(&r, b, n);
		while (cs_rd_left(&r) >= 5) {
			uint8_t type = cs_rd_u8(&r);

			cs_rd_skip(&r, 2);
			if (type != 22)
				return true;
			if (!cs_rd_skip(&r, cs_rd_be16(&r)))
				break;
		}
		return full;
	}
}

static void
rsm_free(struct cs_passive *p, struct rsm *r, bool learnt)
{
	struct tstate *t = &p->tst[r->fh & (TST_SLOTS - 1)];

	if (t->fh == r->fh && t->st == TST_RSM) {
		t->st = TST_DONE;
		t->slot = -1;
	}
	if (!learnt)
		p->st.tcp_uncut++;
	r->used = false;
}

/* Ends a followed flow before its time (slot needed, new connection,
 * end of capture): what arrived in order is decoded as it is. */
static void
rsm_give_up(struct cs_passive *p, struct rsm *r, int64_t ts)
{
	bool learnt =
	    r->contig > 0 &&
	    stream_decode(p, &r->src, r->sport, r->buf, r->contig, true, ts) &&
	    rsm_kind(r->buf, r->contig, r->sport) != R_NONE;

	rsm_free(p, r, learnt);
}

/* Starts following the flow of k with byte 0 at sequence base. */
static struct rsm *
rsm_start(struct cs_passive *p, const struct cs_pkt *k, struct tstate *t,
	  const struct fkey *fk, uint32_t base)
{
	uint32_t fh = fk->h;
	struct rsm *r = NULL;

	if (p->rsm == NULL)
		p->rsm = cs_xcalloc(RSM_SLOTS, sizeof(*p->rsm));
	for (size_t i = 0; i < RSM_SLOTS && r == NULL; i++)
		if (!p->rsm[i].used)
			r = &p->rsm[i];
	if (r == NULL) { /* all in use: give up the next in turn */
		r = &p->rsm[p->rsm_next];
		p->rsm_next = (p->rsm_next + 1) % RSM_SLOTS;
		rsm_give_up(p, r, p->now);
	}
	memset(r->have, 0, sizeof(r->have));
	r->used = true;
	r->fh = fh;
	r->fk = *fk;
	(void)key_src(k, &r->src);
	r->sport = k->sport;
	r->base = base;
	r->contig = 0;
	r->segs = 0;
	t->fh = fh;
	t->st = TST_RSM;
	t->slot = (int16_t)(r - p->rsm);
	p->st.tcp_streams++;
	return r;
}

/* Adds a segment (first copy of each byte wins); true when finished. */
static bool
rsm_add(struct cs_passive *p, struct rsm *r, const struct cs_pkt *k, int64_t ts)
{
	uint32_t off = k->seq - r->base;
	size_t n = k->payload.n, before = r->contig;
	bool fin = (k->tcp_flags & (CS_TCP_FIN | CS_TCP_RST)) != 0;

	if (off < RSM_BUF && n > 0) {
		n = CS_MIN(n, (size_t)RSM_BUF - off);
		for (size_t i = 0; i < n; i++) {
			size_t at = off + i;

			if (!(r->have[at >> 3] & (1u << (at & 7)))) {
				r->have[at >> 3] |= (uint8_t)(1u << (at & 7));
				r->buf[at] = k->payload.p[i];
			}
		}
		while (r->contig < RSM_BUF &&
		       (r->have[r->contig >> 3] & (1u << (r->contig & 7))))
			r->contig++;
	}
	r->segs++;
	/* A segment cut by the snap length leaves a gap nothing fills: what
	 * is in order is all there will be. */
	if (p->cut && off == before)
		fin = true;
	if (r->contig > before || fin || r->segs >= RSM_SEGS ||
	    r->contig == RSM_BUF) {
		bool full = fin || r->segs >= RSM_SEGS || r->contig == RSM_BUF;

		return stream_decode(p, &r->src, r->sport, r->buf, r->contig,
				     full, ts) ||
		       full;
	}
	return false;
}

/* Reassembly of the device's TCP stream: follows, decodes or ignores
 * the segment. */
static void
on_tcp_stream(struct cs_passive *p, const struct cs_pkt *k,
	      const struct fkey *fk, int64_t ts)
{
	uint32_t fh = fk->h;
	struct tstate *t = &p->tst[fh & (TST_SLOTS - 1)];
	struct cs_span pl = k->payload;
	struct rsm *r;

	if ((k->tcp_flags & (CS_TCP_SYN | CS_TCP_ACK)) ==
	    (CS_TCP_SYN | CS_TCP_ACK)) {
		if (t->st == TST_RSM &&
		    (t->fh != fh || !fkey_eq(&p->rsm[t->slot].fk, fk)))
			return; /* keep the followed flow's entry */
		if (t->st == TST_RSM && p->rsm[t->slot].base == k->seq + 1)
			return; /* a retransmitted SYN-ACK */
		if (t->st == TST_RSM)
			rsm_give_up(p, &p->rsm[t->slot], ts);
		t->fh = fh;
		t->isn = k->seq;
		t->st = TST_ISN;
		t->slot = -1;
		return;
	}
	if (t->fh == fh && t->st == TST_DONE)
		return;
	if (t->fh == fh && t->st == TST_RSM) {
		r = &p->rsm[t->slot];
		/* Another flow with the same hash: its bytes are not this
		 * one's, and it is not followed while this one is. */
		if (!fkey_eq(&r->fk, fk))
			return;
		if (rsm_add(p, r, k, ts))
			rsm_free(p, r, true);
		return;
	}
	if (pl.n == 0)
		return;
	if (t->fh == fh && t->st == TST_ISN) {
		struct dkey src;
		struct dev *d;

		/* The stream's first bytes are known to start at isn + 1:
		 * a segment at the start that holds everything is decoded
		 * directly; any other is followed until it can be read. */
		if (k->seq == t->isn + 1) {
			enum rkind rk = rsm_kind(pl.p, pl.n, k->sport);

			if (rk == R_NONE) {
				t->st = TST_DONE;
				return;
			}
			if (key_src(k, &src) &&
			    (d = dev_find(p, &src)) != NULL &&
			    !dev_first_peek(d, rk_dkind(rk), k->sport)) {
				t->st = TST_DONE;
				return;
			}
			if (key_src(k, &src) &&
			    stream_decode(p, &src, k->sport, pl.p, pl.n, false,
					  ts)) {
				t->st = TST_DONE;
				return;
			}
		}
		r = rsm_start(p, k, t, fk, t->isn + 1);
		if (rsm_add(p, r, k, ts))
			rsm_free(p, r, true);
		return;
	}
	/* No SYN-ACK seen: a flow is followed from a segment that starts a
	 * response the decoders read. */
	{
		enum rkind rk = rsm_kind(pl.p, pl.n, k->sport);
		struct dkey src;
		struct dev *d;

		if (rk == R_NONE || !key_src(k, &src))
			return;
		if ((d = dev_find(p, &src)) != NULL &&
		    !dev_first_peek(d, rk_dkind(rk), k->sport))
			return;
		if (stream_decode(p, &src, k->sport, pl.p, pl.n, false, ts)) {
			t->fh = fh;
			t->st = TST_DONE;
			return;
		}
		r = rsm_start(p, k, t, fk, k->seq);
		if (rsm_add(p, r, k, ts))
			rsm_free(p, r, true);
		return;
	}
}

static void
on_tls(struct cs_passive *p, const struct cs_pkt *k,
       const struct cs_ph_rule **rule, char *sni, size_t snisz)
{
	struct cs_tls t;

	if (cs_tls_scan(k->payload.p, k->payload.n, &t) != 0)
		return;
	if (t.client_hello && t.sni[0] && p->ph != NULL) {
		const struct cs_ph_rule *r = cs_ph_match_name(p->ph, t.sni);

		if (r != NULL) {
			*rule = r;
			cs_strlcpy(sni, t.sni, snisz);
		}
	}
}

static const struct resolved6 *
res6_find(const struct cs_passive *p, const uint8_t a[16])
{
	const struct resolved6 *s;

	if (p->res6 == NULL)
		return NULL;
	s = &p->res6[hash_bytes(a, 16, 6) & (RESOLVED_SLOTS - 1)];
	return s->rule != NULL && memcmp(s->addr, a, 16) == 0 ? s : NULL;
}

/*
 * A phone-home rule for a new flow from the packet's source: the SNI
 * rule (rule set), an address a listed name resolved to, or a range or
 * port of the list.  Sets via and match; NULL if none.
 */
static const struct cs_ph_rule *
ph_flow_rule(struct cs_passive *p, const struct cs_pkt *k,
	     const struct cs_ph_rule *rule, char *via, char *match,
	     size_t matchsz)
{
	const struct resolved6 *s6;
	struct resolved *s;

	if (rule != NULL) {
		cs_strlcpy(via, "sni", 8);
		return rule;
	}
	if (k->ipver == 4) {
		s = res_slot(p, k->dst_ip);
		if (s->addr == k->dst_ip && s->rule != NULL) {
			cs_strlcpy(via, "addr", 8);
			cs_strlcpy(match, s->name, matchsz);
			return s->rule;
		}
		rule = cs_ph_match_flow(p->ph, k->dst_ip, k->proto, k->dport,
					k->payload);
	} else {
		if ((s6 = res6_find(p, k->dst6)) != NULL) {
			cs_strlcpy(via, "addr", 8);
			cs_strlcpy(match, s6->name, matchsz);
			return s6->rule;
		}
		rule = cs_ph_match_flow6(p->ph, k->dst6, k->proto, k->dport,
					 k->payload);
	}
	if (rule != NULL) {
		cs_strlcpy(via, rule->kind == CS_PH_CIDR ? "addr" : "port", 8);
		snprintf(match, matchsz, "%s/%u", k->proto == 6 ? "tcp" : "udp",
			 k->dport);
	}
	return rule;
}

/* src: the packet's source as a key when has_src. */
static void
on_l4(struct cs_passive *p, const struct cs_pkt *k, int64_t ts, bool has_src,
      struct dkey src)
{
	const struct cs_ph_rule *rule = NULL;
	struct dev *d;
	struct flow *f;
	struct fkey fk, rk;
	char match[CS_DNS_QNAME_MAX], via[8];
	struct cs_span pl = k->payload;

	fkey_pkt(k, false, &fk);
	d = has_src ? dev_find(p, &src) : NULL;
	if (d != NULL)
		d = dev_get(p, &src, ts); /* newest: safe from eviction */
	match[0] = '\0';
	if (k->kind == CS_PKT_UDP) {
		enum dkind dk;
		uint16_t port;
		const char *kind;

		if (k->dport == 53 || k->sport == 53)
			on_dns(p, k, ts);
		else if (k->ipver == 4 && (k->dport == 67 || k->dport == 68) &&
			 (k->sport == 67 || k->sport == 68))
			on_dhcp(p, k, ts);
		else if (k->ipver == 6 &&
			 (k->dport == 546 || k->dport == 547) &&
			 (k->sport == 546 || k->sport == 547))
			on_dhcp6(p, k, ts);
		else if (has_src && pl.n > 0 &&
			 (kind = disc_kind(k, &dk, &port)) != NULL) {
			if (d == NULL)
				d = dev_get(p, &src, ts);
			if (dev_first(d, dk, port))
				dev_decode(p, d, kind, pl.p, pl.n, port);
		}
	} else {
		on_tcp_stream(p, k, &fk, ts);
		if (pl.n >= 5 && pl.p[0] == 22 && pl.p[1] == 3)
			on_tls(p, k, &rule, match, sizeof(match));
	}
	if (p->ph == NULL || p->ph->n == 0)
		return;
	d = has_src ? dev_find(p, &src) : NULL;
	/* Volume of flows already known to be phone-home, either way. */
	f = p->st.flows_now ? flow_find(p, &fk) : NULL;
	if (f == NULL && p->st.flows_now) {
		fkey_pkt(k, true, &rk);
		f = flow_find(p, &rk);
	}
	if (f != NULL) {
		struct dkey fdk;
		struct dev *fd = d;

		if (f->k.h != fk.h || !fkey_eq(&f->k, &fk)) {
			fdk = fkey_dev(&f->k);
			fd = dev_find(p, &fdk);
		}
		f->last = ts;
		lru_unlink(&f->lru);
		lru_push(&p->flru, &f->lru);
		if (fd != NULL && fd->gen == f->gen)
			ph_count(p, fd, f->ph, ts, k->ip_len);
		return;
	}
	if (!has_src || (rule = ph_flow_rule(p, k, rule, via, match,
					     sizeof(match))) == NULL)
		return;
	if (d == NULL)
		d = dev_get(p, &src, ts);
	{
		int slot =
		    k->ipver == 4
			? ph_slot(p, d, rule, via, match, k->dst_ip, NULL, ts)
			: ph_slot(p, d, rule, via, match, 0, k->dst6, ts);

		if (slot < 0)
			return;
		flow_new(p, &fk, slot, ts)->gen = d->gen;
		ph_count(p, d, slot, ts, k->ip_len);
	}
}

void
cs_passive_set_link(struct cs_passive *p, int link)
{
	p->link = link;
}

int
cs_passive_packet(struct cs_passive *p, int64_t ts, const uint8_t *frame,
		  size_t caplen, size_t wirelen)
{
	struct cs_pkt k;
	struct dkey src;
	bool has_src;
	int rc;

	p->cut = wirelen > caplen;
	p->now = ts;
	p->st.packets++;
	p->st.bytes += caplen;
	if ((++p->tick & 255) == 0)
		age(p, ts);
	rc = p->link == CS_LINK_ETHER
		 ? cs_pkt_decode(frame, caplen, &k)
		 : cs_pkt_decode_link(p->link, frame, caplen, &k);
	if (rc != 0) {
		p->st.decode_errors++;
		return rc;
	}
	has_src = key_src(&k, &src);
	if (k.kind == CS_PKT_ARP)
		on_arp(p, &k, ts);
	else if (k.kind == CS_PKT_UDP || k.kind == CS_PKT_TCP)
		on_l4(p, &k, ts, has_src, src);
	else if (k.kind == CS_PKT_ICMP6 && k.icmp6_type >= 133 &&
		 k.icmp6_type <= 136)
		on_ndp(p, &k, ts);
	if (has_src) {
		struct dev *d = dev_find(p, &src);
		bool mac = k.has_mac && mac_unicast(k.src_mac);
		/* A TTL one or two below a usual initial value (64, 128,
		 * 255) says a router forwarded the packet: its source MAC
		 * is the router's, not the sender's. */
		bool routed = k.ttl == 63 || k.ttl == 62 || k.ttl == 127 ||
			      k.ttl == 126 || k.ttl == 254 || k.ttl == 253;

		if (mac)
			mac_note(p, k.src_mac, (uint32_t)key_hash(&src));
		if (d != NULL) {
			d->d.packets++;
			d->d.bytes += k.ip_len;
			if (mac && !routed && !d->has_fmac) {
				memcpy(d->fmac, k.src_mac, 6);
				d->has_fmac = true;
			}
		}
	}
	if (p->st.held_now > p->o.held_max)
		held_check(p);
	return 0;
}

void
cs_passive_finish(struct cs_passive *p)
{
	/* Flows still followed: what arrived in order is decoded. */
	for (size_t i = 0; p->rsm != NULL && i < RSM_SLOTS; i++)
		if (p->rsm[i].used)
			rsm_give_up(p, &p->rsm[i], p->now);
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
	free(p->res6);
	free(p->macs);
	free(p->mdns);
	free(p->tst);
	free(p->rsm);
	free(p);
}
