/* SPDX-License-Identifier: ISC */
/* The pure discovery core and its libuv layer; see discover.h.  The
 * modules themselves are in src/disc, listed in disc/modules.def. */
#include "engine/discover.h"

#include <net/if.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <uv.h>

#include "core/addr.h"
#include "core/alloc.h"
#include "core/str.h"
#include "engine/neigh.h"
#include "parse/parse_http.h"
#include "probe/probe.h"
#include "core/poison.h"

#define NSLOTS (2 * CS_DISC_MAX_HOSTS) /* power of two */
#define SLAB_SIZE (64 * 1024)

#define CS_DISC(n) extern const struct cs_disc_module cs_disc_mod_##n;
#include "disc/modules.def"
#undef CS_DISC

/* The modules (src/disc), in modules.def order. */
static const struct cs_disc_module *const modules[] = {
#define CS_DISC(n) &cs_disc_mod_##n,
#include "disc/modules.def"
#undef CS_DISC
};

#define NMOD CS_NELEM(modules)

const struct cs_disc_module *const *
cs_disc_modules(size_t *n)
{
	*n = NMOD;
	return modules;
}

const struct cs_disc_module *
cs_disc_module_find(const char *name)
{
	for (size_t i = 0; i < NMOD; i++)
		if (strcmp(modules[i]->name, name) == 0)
			return modules[i];
	return NULL;
}

/* ---- learned addresses ---- */

/* A dotted quad filling p (n bytes); 0 or CS_EPROTO. */
static int
parse_quad(const uint8_t *p, size_t n, uint32_t *out)
{
	return cs_ipv4_parse(cs_span_make(p, n), 0, out) == 0 ? 0 : CS_EPROTO;
}

int
cs_disc_url_parse(const uint8_t *p, size_t n, uint32_t *ip, uint16_t *port,
		  char *path, size_t pathsz)
{
	struct cs_span s = {p, n}, host;
	size_t i, skip;
	uint64_t v;

	if (cs_span_istarts(s, "http://")) {
		skip = 7;
		*port = 80;
	} else if (cs_span_istarts(s, "https://")) {
		skip = 8;
		*port = 443;
	} else {
		return CS_EPROTO;
	}
	s.p += skip;
	s.n -= skip;
	for (i = 0; i < s.n && s.p[i] != '/' && s.p[i] != '?'; i++)
		;
	host.p = s.p;
	host.n = i;
	if (host.n > 0 && host.p[0] == '[')
		return CS_ENOTFOUND; /* an IPv6 literal */
	for (size_t k = 0; k < host.n; k++) {
		if (host.p[k] == '@')
			return CS_EPROTO; /* userinfo: refuse */
		if (host.p[k] == ':') {
			struct cs_span ps = {host.p + k + 1, host.n - k - 1};

			if (cs_span_u64(ps, 65535, &v) != 0 || v == 0)
				return CS_EPROTO;
			*port = (uint16_t)v;
			host.n = k;
			break;
		}
	}
	if (parse_quad(host.p, host.n, ip) != 0) {
		for (size_t k = 0; k < host.n; k++)
			if (host.p[k] <= ' ' || host.p[k] >= 0x7f)
				return CS_EPROTO;
		return host.n ? CS_ENOTFOUND : CS_EPROTO;
	}
	s.p += i;
	s.n -= i;
	if (s.n == 0) {
		if (pathsz < 2)
			return CS_ELIMIT;
		cs_strlcpy(path, "/", pathsz);
		return 0;
	}
	if (s.n >= pathsz)
		return CS_ELIMIT;
	for (size_t k = 0; k < s.n; k++)
		if (s.p[k] <= ' ' || s.p[k] >= 0x7f)
			return CS_EPROTO;
	if (s.p[0] != '/')
		return CS_EPROTO;
	cs_span_copy(path, pathsz, s);
	return 0;
}

typedef void (*learn_fn)(void *arg, uint32_t ip, uint16_t port,
			 const char *path, const char *source);

/* Each space-separated URL of the values of key in obs. */
static void
learn_urls(const struct cs_obs_list *obs, const char *key, bool want_path,
	   learn_fn fn, void *arg)
{
	for (size_t i = 0; i < obs->n; i++) {
		const struct cs_obs *o = &obs->v[i];
		size_t k = 0;

		if (strcmp(o->key, key) != 0 || (o->flags & CS_OBS_MALFORMED))
			continue;
		while (k < o->len) {
			size_t start;
			char path[CS_DISC_PATH_MAX];
			uint32_t ip;
			uint16_t port;

			while (k < o->len && (o->val[k] == ' ' ||
					      o->val[k] == '\t' ||
					      o->val[k] == '\r' ||
					      o->val[k] == '\n'))
				k++;
			start = k;
			while (k < o->len && o->val[k] != ' ' &&
			       o->val[k] != '\t' && o->val[k] != '\r' &&
			       o->val[k] != '\n')
				k++;
			if (k > start &&
			    cs_disc_url_parse(o->val + start, k - start, &ip,
					      &port, path, sizeof(path)) == 0)
				fn(arg, ip, port, want_path ? path : NULL, key);
		}
	}
}

/* The dotted quad after the first occurrence of open in p, ending at
 * any byte of stop. */
static void
learn_after(const uint8_t *p, size_t n, const char *open, bool json,
	    const char *source, learn_fn fn, void *arg)
{
	const uint8_t *q = cs_memmem(p, n, (const uint8_t *)open, strlen(open));
	size_t i, start;
	uint32_t ip;

	if (q == NULL)
		return;
	i = (size_t)(q - p) + strlen(open);
	if (json) {
		while (i < n && (p[i] == ' ' || p[i] == '\t'))
			i++;
		if (i >= n || p[i++] != ':')
			return;
		while (i < n && (p[i] == ' ' || p[i] == '\t'))
			i++;
		if (i >= n || p[i++] != '"')
			return;
	} else {
		while (i < n && (p[i] == ' ' || p[i] == '\t'))
			i++;
	}
	start = i;
	while (i < n && i - start < 16 &&
	       ((p[i] >= '0' && p[i] <= '9') || p[i] == '.'))
		i++;
	if (parse_quad(p + start, i - start, &ip) == 0)
		fn(arg, ip, 0, NULL, source);
}

/* Each value of key in obs that is a dotted quad. */
static void
learn_ips(const struct cs_obs_list *obs, const char *key, learn_fn fn,
	  void *arg)
{
	for (size_t i = 0; i < obs->n; i++) {
		const struct cs_obs *o = &obs->v[i];
		uint32_t ip;

		if (strcmp(o->key, key) == 0 &&
		    !(o->flags & CS_OBS_MALFORMED) &&
		    parse_quad(o->val, o->len, &ip) == 0)
			fn(arg, ip, 0, NULL, key);
	}
}

void
cs_disc_learn(const struct cs_disc_module *m, const uint8_t *p, size_t n,
	      const struct cs_obs_list *obs, learn_fn fn, void *arg)
{
	if (n > CS_DISC_DGRAM_MAX)
		n = CS_DISC_DGRAM_MAX;
	if (m->learn_key)
		learn_urls(obs, m->learn_key, m->learn_path, fn, arg);
	if (m->learn_after)
		learn_after(p, n, m->learn_after, m->learn_json,
			    m->learn_source, fn, arg);
	if (m->learn_ip_key)
		learn_ips(obs, m->learn_ip_key, fn, arg);
}

/* ---- the state ---- */

struct rec {
	uint32_t ip;
	bool used;
	bool heard;    /* a reply came from this address */
	bool merged;   /* handed to the engine */
	bool followed; /* a unicast follow-up was sent */
	const struct cs_disc_module *learned_by;
	unsigned nlearned; /* addresses this sender made the table track */
	struct cs_obs_list obs;
	struct cs_disc_fetch fetch[CS_DISC_MAX_FETCH];
	size_t nfetch;
};

struct uvsock {
	uv_udp_t h;
	struct cs_disc *d;
	const struct cs_disc_module *m;
	bool open;
};

struct uvstate {
	uv_loop_t *loop;
	/* tx: inquiries to groups and unicast follow-ups; bc: broadcast
	 * inquiries only (the one place SO_BROADCAST is set); rx: the
	 * groups' ports, for unsolicited announcements. */
	struct uvsock tx[NMOD], rx[NMOD], bc[NMOD];
	uv_timer_t timer;
	bool timer_open;
	unsigned round;
	uint8_t nonce[16];
	bool stopped;
	char slab[SLAB_SIZE];
};

struct cs_disc {
	struct cs_disc_opts o;
	char ifname[IF_NAMESIZE + 1];
	char neigh_path[256];
	int ifindex; /* of ifname (0: unknown), for the IPv6 neighbours */
	struct rec *slots;
	size_t nrec;
	unsigned nfollow;
	uint32_t if_net; /* the interface subnet's network address */
	struct cs_disc_stats st;
	struct cs_buf out;
	struct cs_obs_list tmp;
	struct uvstate *uv;
};

static struct rec *
find(struct cs_disc *d, uint32_t ip, bool create)
{
	size_t i = (size_t)((ip * 2654435761u) & (NSLOTS - 1));

	for (size_t probe = 0; probe < NSLOTS; probe++) {
		struct rec *r = &d->slots[(i + probe) & (NSLOTS - 1)];

		if (r->used && r->ip == ip)
			return r;
		if (!r->used) {
			if (!create || d->nrec >= CS_DISC_MAX_HOSTS)
				return NULL;
			r->used = true;
			r->ip = ip;
			cs_obs_list_init(&r->obs);
			d->nrec++;
			return r;
		}
	}
	return NULL;
}

static const struct rec *
cfind(const struct cs_disc *d, uint32_t ip)
{
	return find((struct cs_disc *)(uintptr_t)d, ip, false);
}

/* The network address of the subnet whose broadcast address is bcast. */
static uint32_t
net_of(uint32_t addr, uint32_t bcast)
{
	for (int bits = 0; bits <= 30; bits++) {
		uint32_t mask = bits ? ~0u << (32 - bits) : 0;

		if ((addr | ~mask) == bcast)
			return addr & mask;
	}
	return addr; /* /31, /32 or unknown: no network address */
}

static int
iface_lookup(const char *name, uint32_t *addr, uint32_t *bcast)
{
	uv_interface_address_t *ifs;
	int n, rc = CS_ENOTFOUND;

	if (uv_interface_addresses(&ifs, &n) != 0)
		return CS_EIO;
	for (int i = 0; i < n; i++) {
		if (strcmp(ifs[i].name, name) != 0 ||
		    ifs[i].address.address4.sin_family != AF_INET)
			continue;
		*addr = ntohl(ifs[i].address.address4.sin_addr.s_addr);
		*bcast = *addr |
			 ~ntohl(ifs[i].netmask.netmask4.sin_addr.s_addr);
		rc = 0;
		break;
	}
	uv_free_interface_addresses(ifs, n);
	return rc;
}

struct cs_disc *
cs_disc_new(const struct cs_disc_opts *o, char *err, size_t errsz)
{
	struct cs_disc *d;

	d = cs_xcalloc(1, sizeof(*d));
	d->o = *o;
	cs_strlcpy(d->ifname, o->ifname ? o->ifname : "", sizeof(d->ifname));
	d->o.ifname = d->ifname;
	cs_strlcpy(d->neigh_path, o->neigh_path ? o->neigh_path : "/proc/net/arp",
		   sizeof(d->neigh_path));
	d->o.neigh_path = d->neigh_path;
	if (d->o.if_addr == 0 && d->ifname[0]) {
		if (strlen(o->ifname) > IF_NAMESIZE ||
		    iface_lookup(d->ifname, &d->o.if_addr, &d->o.if_bcast) !=
			0) {
			snprintf(err, errsz,
				 "interface %s not found or has no IPv4 "
				 "address",
				 o->ifname);
			free(d);
			return NULL;
		}
	}
	/* Now, before the sandbox: the IPv6 neighbour lookups match it. */
	if (d->ifname[0])
		d->ifindex = (int)if_nametoindex(d->ifname);
	if (d->o.if_bcast)
		d->if_net = net_of(d->o.if_addr, d->o.if_bcast);
	d->slots = cs_xcalloc(NSLOTS, sizeof(*d->slots));
	cs_buf_init(&d->out, 4096);
	cs_obs_list_init(&d->tmp);
	return d;
}

void
cs_disc_free(struct cs_disc *d)
{
	if (d == NULL)
		return;
	for (size_t i = 0; i < NSLOTS; i++)
		if (d->slots[i].used)
			cs_obs_list_free(&d->slots[i].obs);
	free(d->slots);
	cs_buf_free(&d->out);
	cs_obs_list_free(&d->tmp);
	free(d->uv);
	free(d);
}

unsigned
cs_disc_time_ms(const struct cs_disc *d)
{
	return d->o.time_ms;
}

const struct cs_disc_stats *
cs_disc_stats(const struct cs_disc *d)
{
	return &d->st;
}

static bool
same_obs(const struct cs_obs *a, const struct cs_obs *b)
{
	return a->port == b->port && a->len == b->len &&
	       strcmp(a->key, b->key) == 0 && memcmp(a->val, b->val, a->len) == 0;
}

/* Appends the observations of src to dst, skipping exact duplicates. */
static void
merge_unique(struct cs_obs_list *dst, const struct cs_obs_list *src)
{
	for (size_t i = 0; i < src->n; i++) {
		bool dup = false;

		for (size_t k = 0; k < dst->n && !dup; k++)
			dup = same_obs(&dst->v[k], &src->v[i]);
		if (!dup)
			cs_obs_add(dst, src->v[i].key, src->v[i].port,
				   src->v[i].flags, src->v[i].val,
				   src->v[i].len);
	}
}

static void
tmp_reset(struct cs_disc *d)
{
	cs_obs_list_free(&d->tmp);
	cs_obs_list_init(&d->tmp);
}

static int uv_send(void *arg, const struct cs_disc_module *m, uint32_t ip,
		   uint16_t port, const uint8_t *p, size_t n);

/* The one way out: groups and broadcast, or a unicast address that the
 * scope contains. */
static int
send_checked(struct cs_disc *d, const struct cs_disc_module *m, uint32_t ip,
	     bool inquiry)
{
	bool group = inquiry && (m->flags & CS_DISC_MCAST) && ip == m->group;
	bool bcast = inquiry && (m->flags & CS_DISC_BCAST) && d->o.if_bcast &&
		     ip == d->o.if_bcast;
	int rc;

	/* Only a module's own inquiry goes to its group or the broadcast
	 * address; anything else is a unicast follow-up and passes the one
	 * scope check, which refuses network and broadcast addresses (the
	 * interface's own included). */
	if (!group && !bcast &&
	    (ip == d->o.if_bcast || ip == d->if_net ||
	     cs_scope_check(d->o.scope, ip, m->port, CS_DEST_UNICAST) !=
		 CS_SCOPE_OK)) {
		d->st.refused++;
		return CS_ESCOPE;
	}
	if (d->o.send)
		rc = d->o.send(d->o.arg, m, ip, m->port, d->out.p, d->out.len);
	else
		rc = uv_send(d, m, ip, m->port, d->out.p, d->out.len);
	if (rc == 0)
		d->st.sent++;
	return rc;
}

void
cs_disc_round(struct cs_disc *d, const uint8_t nonce[16], unsigned seq)
{
	for (size_t i = 0; i < NMOD; i++) {
		const struct cs_disc_module *m = modules[i];
		uint32_t dst = (m->flags & CS_DISC_MCAST) ? m->group
							  : d->o.if_bcast;

		if (m->build(&d->out, nonce, seq) == 0)
			send_checked(d, m, dst, true);
	}
	for (size_t i = 0; i < NSLOTS && d->nfollow < CS_DISC_MAX_FOLLOW;
	     i++) {
		struct rec *r = &d->slots[i];

		if (!r->used || r->heard || r->followed || !r->learned_by)
			continue;
		r->followed = true;
		d->nfollow++;
		if (r->learned_by->build(&d->out, nonce, seq) == 0)
			send_checked(d, r->learned_by, r->ip, false);
	}
}

struct learn_ctx {
	struct cs_disc *d;
	struct rec *sender;
	const struct cs_disc_module *m;
};

static void
on_learned(void *arg, uint32_t ip, uint16_t port, const char *path,
	   const char *source)
{
	struct learn_ctx *c = arg;
	struct cs_disc *d = c->d;
	bool in = cs_scope_contains(d->o.scope, ip);
	/* What may be done with the address: a unicast follow-up on the
	 * module's port, and a fetch of the URL on the port it names. */
	enum cs_scope_verdict uni =
	    ip == d->o.if_bcast || ip == d->if_net
		? CS_SCOPE_EDGE
		: cs_scope_check(d->o.scope, ip, c->m->port, CS_DEST_UNICAST);
	enum cs_scope_verdict url =
	    path && port ? (uni == CS_SCOPE_EDGE
				? CS_SCOPE_EDGE
				: cs_scope_check(d->o.scope, ip, port,
						 CS_DEST_LEARNED))
			 : uni;
	char ipt[16], text[96];
	struct rec *t;

	d->st.learned++;
	if (!in)
		d->st.learned_out++;
	else if (url != CS_SCOPE_OK)
		d->st.learned_refused++;
	cs_ip_str(ip, ipt, sizeof(ipt));
	if (in && url != CS_SCOPE_OK)
		snprintf(text, sizeof(text), "%s:%u %s refused (%s)", ipt,
			 path && port ? port : c->m->port, source,
			 cs_scope_verdict_str(url));
	else
		snprintf(text, sizeof(text), "%s %s %s", ipt, source,
			 in ? "in-scope" : "out-of-scope");
	tmp_reset(d);
	cs_obs_adds(&d->tmp, "learned.addr", c->m->port, text);
	merge_unique(&c->sender->obs, &d->tmp);
	if (!in || url != CS_SCOPE_OK)
		return; /* recorded, never contacted */
	/* One source can make the table track only so many addresses, so a
	 * flood of replies cannot crowd out the devices that answer. */
	if (ip != c->sender->ip && cfind(d, ip) == NULL &&
	    (c->sender->nlearned >= CS_DISC_MAX_LEARN_PER_SRC ||
	     d->nrec >= CS_DISC_MAX_HOSTS - CS_DISC_RESERVE_HEARD)) {
		d->st.learned_refused++;
		return;
	}
	t = ip == c->sender->ip ? c->sender : find(d, ip, true);
	if (t == NULL)
		return;
	if (t != c->sender && !t->heard && t->learned_by == NULL)
		c->sender->nlearned++;
	if (t->learned_by == NULL && t != c->sender)
		t->learned_by = c->m;
	if (path && port) {
		for (size_t i = 0; i < t->nfetch; i++)
			if (t->fetch[i].port == port &&
			    strcmp(t->fetch[i].path, path) == 0)
				return;
		if (t->nfetch < CS_DISC_MAX_FETCH) {
			t->fetch[t->nfetch].port = port;
			cs_strlcpy(t->fetch[t->nfetch].path, path,
				   sizeof(t->fetch[0].path));
			t->nfetch++;
		}
	}
}

/* An ONVIF MAC scope (onvif://www.onvif.org/MAC/...) as a `mac`. */
static void
scope_mac(struct cs_disc *d, const char *key, struct cs_obs_list *obs)
{
	static const char tag[] = "onvif://www.onvif.org/MAC/";
	const struct cs_obs *o = cs_obs_find(obs, key, 0);
	const uint8_t *q;
	size_t i, start;

	if (o == NULL || cs_obs_find(obs, "mac", 0))
		return;
	q = cs_memmem(o->val, o->len, (const uint8_t *)tag, sizeof(tag) - 1);
	if (q == NULL)
		return;
	start = i = (size_t)(q - o->val) + sizeof(tag) - 1;
	while (i < o->len && i - start < 17 && o->val[i] > ' ')
		i++;
	if (i > start) {
		uint8_t v[18];

		memcpy(v, o->val + start, i - start);
		d->o.decode(d->o.arg, "mac", v, i - start, 0, obs);
	}
}

int
cs_disc_input(struct cs_disc *d, const struct cs_disc_module *m,
	      uint32_t src_ip, uint16_t src_port, const uint8_t *p, size_t n)
{
	struct learn_ctx lc;
	struct rec *r;
	size_t look = n < CS_DISC_DGRAM_MAX ? n : CS_DISC_DGRAM_MAX;

	(void)src_port;
	if (n == 0 || (d->o.if_addr && src_ip == d->o.if_addr)) {
		d->st.ignored++;
		return CS_ENOTFOUND;
	}
	if (!cs_scope_contains(d->o.scope, src_ip)) {
		d->st.foreign++;
		return CS_ESCOPE;
	}
	if (!m->is_reply(p, look)) {
		d->st.ignored++;
		return CS_ENOTFOUND;
	}
	if ((r = find(d, src_ip, true)) == NULL) {
		d->st.table_full++;
		return CS_ENOTFOUND;
	}
	if (r->obs.n >= CS_DISC_MAX_SRC_OBS) {
		r->heard = true;
		d->st.flooded++;
		return CS_ELIMIT;
	}
	if (!r->heard)
		d->st.hosts++;
	r->heard = true;
	tmp_reset(d);
	if (n > CS_DISC_DGRAM_MAX) {
		d->st.oversize++;
		cs_obs_add(&d->tmp, "disc.oversize", m->port, CS_OBS_TRUNCATED,
			   m->name, strlen(m->name));
		merge_unique(&r->obs, &d->tmp);
		return CS_ELIMIT;
	}
	d->st.received++;
	cs_obs_adds(&d->tmp, "disc.module", m->port, m->name);
	if (d->o.decode(d->o.arg, m->kind, p, n, m->port, &d->tmp) != 0)
		d->st.malformed++;
	if (m->mac_scope_key)
		scope_mac(d, m->mac_scope_key, &d->tmp);
	merge_unique(&r->obs, &d->tmp);
	lc.d = d;
	lc.sender = r;
	lc.m = m;
	/* The decoded list is reused by on_learned: learn from a copy. */
	{
		struct cs_obs_list got;

		cs_obs_list_init(&got);
		merge_unique(&got, &d->tmp);
		cs_disc_learn(m, p, n, &got, on_learned, &lc);
		cs_obs_list_free(&got);
	}
	return 0;
}

size_t
cs_disc_fetches(const struct cs_disc *d, uint32_t ip,
		struct cs_disc_fetch *out, size_t cap)
{
	const struct rec *r = cfind(d, ip);
	size_t k = 0;

	if (r == NULL || !cs_scope_contains(d->o.scope, ip))
		return 0;
	for (size_t i = 0; i < r->nfetch && k < cap; i++)
		out[k++] = r->fetch[i];
	return k;
}

bool
cs_disc_known(const struct cs_disc *d, uint32_t ip)
{
	return cfind(d, ip) != NULL;
}

void
cs_disc_merge6(struct cs_disc *d, const uint8_t ip[16],
	       struct cs_obs_list *obs)
{
	uint8_t mac[6];

	if (d->neigh_path[0] && d->ifindex > 0 &&
	    cs_obs_find(obs, "mac", 0) == NULL &&
	    cs_neigh6_lookup(d->ifindex, ip, mac) == 0) {
		char text[18];

		snprintf(text, sizeof(text), "%02x:%02x:%02x:%02x:%02x:%02x",
			 mac[0], mac[1], mac[2], mac[3], mac[4], mac[5]);
		d->o.decode(d->o.arg, "mac", (const uint8_t *)text, 17, 0, obs);
		d->st.macs++;
	}
}

bool
cs_disc_merge(struct cs_disc *d, uint32_t ip, struct cs_obs_list *obs)
{
	struct rec *r = find(d, ip, false);
	uint8_t mac[6];
	size_t n0 = obs->n;

	if (d->neigh_path[0] && cs_obs_find(obs, "mac", 0) == NULL &&
	    cs_neigh_lookup(d->neigh_path, d->ifname, ip, mac) == 0) {
		char text[18];

		snprintf(text, sizeof(text), "%02x:%02x:%02x:%02x:%02x:%02x",
			 mac[0], mac[1], mac[2], mac[3], mac[4], mac[5]);
		d->o.decode(d->o.arg, "mac", (const uint8_t *)text, 17, 0, obs);
		d->st.macs++;
	}
	if (r)
		merge_unique(obs, &r->obs);
	/* UPnP descriptions the fetch probe brought back. */
	tmp_reset(d);
	for (size_t i = 0; i < n0; i++)
		if (strcmp(obs->v[i].key, "upnp.raw") == 0)
			d->o.decode(d->o.arg, "upnp", obs->v[i].val,
				    obs->v[i].len, obs->v[i].port, &d->tmp);
	merge_unique(obs, &d->tmp);
	if (r == NULL)
		return false;
	r->merged = true;
	return r->heard;
}

size_t
cs_disc_pending(const struct cs_disc *d, uint32_t *ips, size_t cap)
{
	size_t k = 0;

	for (size_t i = 0; i < NSLOTS && k < cap; i++) {
		const struct rec *r = &d->slots[i];

		if (r->used && r->heard && !r->merged &&
		    cs_scope_contains(d->o.scope, r->ip))
			ips[k++] = r->ip;
	}
	return k;
}

/* ---- the UPnP description fetch (a TCP probe the engine runs) ---- */

static const uint16_t no_ports[] = {0};

static void
upnp_start(struct cs_probe_ctx *ctx)
{
	cs_buf_printf(ctx->out,
		      "GET %s HTTP/1.1\r\nHost: %s\r\n"
		      "User-Agent: camsweep\r\nAccept: */*\r\n"
		      "Connection: close\r\n\r\n",
		      ctx->arg[0] == '/' ? ctx->arg : "/", ctx->host);
}

static enum cs_step
upnp_data(struct cs_probe_ctx *ctx, const uint8_t *p, size_t n)
{
	(void)ctx;
	return cs_http_want_more(p, n) == 1 ? CS_STEP_MORE : CS_STEP_DONE;
}

static void
upnp_finish(struct cs_probe_ctx *ctx, const uint8_t *p, size_t n,
	    enum cs_probe_end why)
{
	(void)why;
	if (n == 0)
		return;
	if (n > CS_OBS_MAX_VALUE) {
		/* Keep the body, which is what the decoder needs. */
		const uint8_t *b =
		    cs_memmem(p, n, (const uint8_t *)"\r\n\r\n", 4);

		if (b) {
			n -= (size_t)(b + 4 - p);
			p = b + 4;
		}
	}
	cs_obs_add(ctx->obs, "upnp.raw", ctx->port, 0, p, n);
}

const struct cs_probe cs_disc_upnp_probe = {
    "disc-upnp-desc",
    "GET the UPnP device description an in-scope SSDP LOCATION names",
    CS_PROBE_SAFE,
    no_ports,
    64 * 1024,
    NULL,
    upnp_start,
    upnp_data,
    upnp_finish,
    NULL, /* never over TLS */
};

/* ---- the libuv layer ---- */

static int
uv_send(void *arg, const struct cs_disc_module *m, uint32_t ip, uint16_t port,
	const uint8_t *p, size_t n)
{
	struct cs_disc *d = arg;
	struct sockaddr_in sa;
	uv_buf_t b;

	if (d->uv == NULL)
		return CS_EINVAL;
	for (size_t i = 0; i < NMOD; i++) {
		struct uvsock *s = &d->uv->tx[i];

		if (modules[i] != m)
			continue;
		if ((m->flags & CS_DISC_BCAST) && d->o.if_bcast &&
		    ip == d->o.if_bcast)
			s = &d->uv->bc[i];
		else if (!s->open)
			s = &d->uv->rx[i];
		if (!s->open)
			return CS_EIO;
		memset(&sa, 0, sizeof(sa));
		sa.sin_family = AF_INET;
		sa.sin_port = htons(port);
		sa.sin_addr.s_addr = htonl(ip);
		b.base = (char *)(uintptr_t)p;
		b.len = n;
		return uv_udp_try_send(&s->h, &b, 1,
				       (const struct sockaddr *)&sa) < 0
			   ? CS_EIO
			   : 0;
	}
	return CS_EINVAL;
}

static void
on_alloc(uv_handle_t *h, size_t hint, uv_buf_t *buf)
{
	struct uvsock *s = h->data;

	(void)hint;
	buf->base = s->d->uv->slab;
	buf->len = sizeof(s->d->uv->slab);
}

static void
on_recv(uv_udp_t *h, ssize_t nread, const uv_buf_t *buf,
	const struct sockaddr *addr, unsigned flags)
{
	struct uvsock *s = h->data;
	const struct sockaddr_in *sin = (const struct sockaddr_in *)addr;
	size_t n;

	if (nread <= 0 || addr == NULL || addr->sa_family != AF_INET ||
	    s->d->uv->stopped)
		return;
	n = (size_t)nread;
	if (flags & UV_UDP_PARTIAL)
		n = CS_DISC_DGRAM_MAX + 1;
	cs_disc_input(s->d, s->m, ntohl(sin->sin_addr.s_addr),
		      ntohs(sin->sin_port), (const uint8_t *)buf->base, n);
}

/* Restricts a socket to the interface; false if not permitted. */
static bool
bind_device(uv_udp_t *h, const char *ifname)
{
	uv_os_fd_t fd;

	if (uv_fileno((uv_handle_t *)h, &fd) != 0)
		return false;
	return setsockopt(fd, SOL_SOCKET, SO_BINDTODEVICE, ifname,
			  (socklen_t)strlen(ifname)) == 0;
}

static int
open_sock(struct cs_disc *d, struct uvsock *s, const struct cs_disc_module *m,
	  bool listen, bool bcast)
{
	struct sockaddr_in sa;
	char ifa[16], grp[16];
	bool dev;

	s->d = d;
	s->m = m;
	s->h.data = s;
	if (uv_udp_init_ex(d->uv->loop, &s->h, AF_INET) != 0)
		return CS_EIO;
	s->open = true;
	dev = bind_device(&s->h, d->ifname);
	memset(&sa, 0, sizeof(sa));
	sa.sin_family = AF_INET;
	cs_ip_str(d->o.if_addr, ifa, sizeof(ifa));
	cs_ip_str(m->group, grp, sizeof(grp));
	if (listen) {
		sa.sin_port = htons(m->reply_port ? m->reply_port : m->port);
		if (uv_udp_bind(&s->h, (const struct sockaddr *)&sa,
				UV_UDP_REUSEADDR) != 0 ||
		    (m->group &&
		     uv_udp_set_membership(&s->h, grp, ifa, UV_JOIN_GROUP) != 0))
			return CS_EIO;
	} else {
		/* Without SO_BINDTODEVICE, the interface's address. */
		unsigned fl = 0;

		if (!dev)
			sa.sin_addr.s_addr = htonl(d->o.if_addr);
		/* A protocol whose finder sends from the fixed reply port
		 * (and whose devices may answer there): the broadcast
		 * socket shares that port with the listener. */
		if (bcast && (m->flags & CS_DISC_FROM_REPLY_PORT) &&
		    m->reply_port) {
			sa.sin_port = htons(m->reply_port);
			fl = UV_UDP_REUSEADDR;
		}
		if (uv_udp_bind(&s->h, (const struct sockaddr *)&sa, fl) != 0) {
			/* The fixed port is taken (another tool without
			 * SO_REUSEADDR): any port, replies then come to the
			 * listener or to this socket all the same. */
			if (sa.sin_port == 0)
				return CS_EIO;
			sa.sin_port = 0;
			if (uv_udp_bind(&s->h, (const struct sockaddr *)&sa,
					0) != 0)
				return CS_EIO;
		}
	}
	uv_udp_set_multicast_interface(&s->h, ifa);
	uv_udp_set_multicast_ttl(&s->h, 1);
	uv_udp_set_multicast_loop(&s->h, 0);
	/* SO_BROADCAST only on the socket of a broadcast inquiry: a unicast
	 * follow-up can then never reach a broadcast address. */
	if (bcast)
		uv_udp_set_broadcast(&s->h, 1);
	uv_udp_set_ttl(&s->h, 1);
	return uv_udp_recv_start(&s->h, on_alloc, on_recv) == 0 ? 0 : CS_EIO;
}

static void
on_round(uv_timer_t *t)
{
	struct cs_disc *d = t->data;
	struct uvstate *u = d->uv;

	if (u->stopped)
		return;
	u->round++;
	cs_disc_round(d, u->nonce, u->round);
	if (u->round < 3)
		uv_timer_start(&u->timer, on_round,
			       d->o.time_ms / 3 ? d->o.time_ms / 3 : 1, 0);
}

int
cs_disc_uv_start(struct cs_disc *d, void *loop, char *err, size_t errsz)
{
	struct uvstate *u;
	size_t ok = 0;

	u = cs_xcalloc(1, sizeof(*u));
	d->uv = u;
	u->loop = loop;
	if (uv_random(NULL, NULL, u->nonce, sizeof(u->nonce), 0, NULL) != 0) {
		uint64_t t = uv_hrtime();

		memcpy(u->nonce, &t, sizeof(t));
	}
	for (size_t i = 0; i < NMOD; i++) {
		if (open_sock(d, &u->tx[i], modules[i], false, false) == 0)
			ok++;
		if ((modules[i]->flags & CS_DISC_BCAST) &&
		    open_sock(d, &u->bc[i], modules[i], false, true) != 0)
			fprintf(stderr,
				"camsweep: discovery: cannot open the %s "
				"broadcast socket\n",
				modules[i]->name);
		if ((modules[i]->flags & CS_DISC_LISTEN) &&
		    open_sock(d, &u->rx[i], modules[i], true, false) != 0)
			fprintf(stderr,
				"camsweep: discovery: cannot listen on "
				"%s port %u; unicast replies only\n",
				modules[i]->name,
				modules[i]->reply_port ? modules[i]->reply_port
						       : modules[i]->port);
	}
	uv_timer_init(u->loop, &u->timer);
	u->timer.data = d;
	u->timer_open = true;
	if (ok == 0) {
		snprintf(err, errsz, "no discovery socket on %s", d->ifname);
		cs_disc_uv_stop(d);
		return CS_EIO;
	}
	cs_disc_round(d, u->nonce, 0);
	uv_timer_start(&u->timer, on_round,
		       d->o.time_ms / 3 ? d->o.time_ms / 3 : 1, 0);
	return 0;
}

void
cs_disc_uv_stop(struct cs_disc *d)
{
	struct uvstate *u = d->uv;

	if (u == NULL || u->stopped)
		return;
	u->stopped = true;
	for (size_t i = 0; i < NMOD; i++) {
		if (u->tx[i].open)
			uv_close((uv_handle_t *)&u->tx[i].h, NULL);
		if (u->rx[i].open)
			uv_close((uv_handle_t *)&u->rx[i].h, NULL);
		if (u->bc[i].open)
			uv_close((uv_handle_t *)&u->bc[i].h, NULL);
		u->tx[i].open = u->rx[i].open = u->bc[i].open = false;
	}
	if (u->timer_open)
		uv_close((uv_handle_t *)&u->timer, NULL);
	u->timer_open = false;
}
