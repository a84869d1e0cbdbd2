/* SPDX-License-Identifier: ISC */
/* The listen session and the phone-home regime; see listen.h. */
#include "audit/listen.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "core/cs.h"
#include "core/str.h"
#include "core/text.h"
#include "engine/privsep.h"
#include "ident/ident.h"
#include "policy/eval.h"
#include "core/poison.h"

static void
store_error(struct cs_audit_listen *l)
{
	if (l->store_errors++ == 0 && l->on_store_error != NULL)
		l->on_store_error(l->arg, cs_store_errmsg(l->store));
}

int
cs_audit_listen_begin(struct cs_audit_listen *l, const char *what,
		      const char *src, const struct cs_passive_opts *po,
		      const char *vantage, int64_t now)
{
	struct cs_scan_info info;
	char scope[4200], opts[256];

	snprintf(scope, sizeof(scope), "listen:%s:%s", what, src);
	snprintf(opts, sizeof(opts),
		 "{\"mode\":\"passive\",\"max_flows\":%zu,"
		 "\"max_devices\":%zu,\"idle_timeout\":%u}",
		 po->max_flows, po->max_devices, po->idle_timeout);
	memset(&info, 0, sizeof(info));
	info.scope = scope;
	info.exclusions = "";
	info.ports = "";
	info.options = opts;
	info.vantage = vantage;
	info.version = "0.1.0";
	info.started = now;
	return cs_store_scan_begin(l->store, &info, &l->scan_id);
}

void
cs_audit_listen_end(struct cs_audit_listen *l, bool interrupted, int64_t now)
{
	if (l->store != NULL)
		cs_store_scan_end(l->store, l->scan_id,
				  interrupted ? "interrupted" : "complete",
				  now);
}

/* Earlier observations of the same address in this run (a device that
 * was aged out and came back), so a rewrite keeps them. */
struct merge {
	struct cs_obs_list *obs;
};

static int
merge_obs(void *arg, const struct cs_obs *o)
{
	struct merge *m = arg;

	if (strcmp(o->key, "seen.passive") == 0)
		return 0;
	for (size_t i = 0; i < m->obs->n; i++) {
		const struct cs_obs *e = &m->obs->v[i];

		if (e->port == o->port && e->len == o->len &&
		    strcmp(e->key, o->key) == 0 &&
		    memcmp(e->val, o->val, o->len) == 0)
			return 0;
	}
	(void)cs_obs_add(m->obs, o->key, o->port, o->flags, o->val, o->len);
	return 0;
}

void
cs_audit_oui_preload(struct cs_audit_oui *s)
{
	char err[512];

	if (s->tried)
		return;
	s->tried = true;
	s->db = cs_oui_load(NULL, s->map_path, err, sizeof(err));
	if (s->db == NULL && s->warn != NULL)
		s->warn(s->warn_arg, err);
}

int
cs_audit_mac_lookup(void *arg, const uint8_t mac[6], unsigned bits, char *maker,
		    size_t makersz, char *registrant, size_t regsz)
{
	struct cs_audit_oui *s = arg;
	struct cs_oui_hit hit;

	cs_audit_oui_preload(s);
	if (s->db == NULL || cs_oui_lookup_prefix(s->db, mac, bits, &hit) != 0)
		return CS_ENOTFOUND;
	cs_strlcpy(maker, hit.maker, makersz);
	cs_strlcpy(registrant, hit.registrant, regsz);
	return 0;
}

void
cs_audit_oui_free(struct cs_audit_oui *s)
{
	cs_oui_free(s->db);
	s->db = NULL;
}

int
cs_audit_listen_ready(void *arg)
{
	struct cs_audit_listen_priv *lp = arg;

	if ((lp->drop &&
	     cs_priv_drop(lp->user, lp->err, sizeof(lp->err)) != 0) ||
	    cs_priv_sandbox(lp->err, sizeof(lp->err)) != 0)
		return -1;
	lp->err[0] = '\0';
	return 0;
}

enum cs_severity
cs_audit_ph_severity(const struct cs_passive_ph *e)
{
	enum cs_severity v =
	    strcmp(e->rule->country, "CN") == 0 ? CS_SEV_HIGH : CS_SEV_MEDIUM;

	if (e->rule->conf == CS_PH_LOW)
		v = (enum cs_severity)(v - 1);
	return v;
}

static void
ph_text(const struct cs_passive_ph *e, char *buf, size_t sz)
{
	char peer[48];

	snprintf(buf, sz,
		 "maker=%s; country=%s; service=%s; via=%s; match=%s; "
		 "peer=%s; first=%lld; last=%lld; packets=%llu; bytes=%llu; "
		 "confidence=%s; source=%s",
		 e->rule->maker, e->rule->country[0] ? e->rule->country : "-",
		 e->rule->service, e->via, e->match,
		 cs_passive_peerstr(e, peer, sizeof(peer))[0] ? peer : "-",
		 (long long)e->first, (long long)e->last,
		 (unsigned long long)e->packets, (unsigned long long)e->bytes,
		 cs_ph_conf_name(e->rule->conf), e->rule->source);
}

void
cs_audit_ph_finding(const struct cs_passive_dev *d, const char *ip,
		    const char *mac, const struct cs_identity *id,
		    int64_t scan_id, int64_t now, struct cs_finding_row *f)
{
	enum cs_severity sev = CS_SEV_INFO;
	size_t off = 0;

	memset(f, 0, sizeof(*f));
	snprintf(f->key, sizeof(f->key), "%s|phone-home|data-egress", ip);
	cs_strlcpy(f->ip, ip, sizeof(f->ip));
	cs_strlcpy(f->mac, mac, sizeof(f->mac));
	cs_policy_finding_identity(f, id);
	cs_strlcpy(f->regime, "phone-home", sizeof(f->regime));
	cs_strlcpy(f->regime_version, "1", sizeof(f->regime_version));
	cs_strlcpy(f->obligation, "data-egress", sizeof(f->obligation));
	cs_strlcpy(f->action, "review", sizeof(f->action));
	snprintf(f->action_text, sizeof(f->action_text),
		 "contacts %s cloud/P2P/update services: block its egress "
		 "or disable the feature",
		 d->ph[0].rule->maker);
	off = cs_strlcpy(f->citation, "data/phonehome: ", sizeof(f->citation));
	cs_strlcpy(f->citation + off, d->ph[0].rule->source,
		   sizeof(f->citation) - off);
	off = 0;
	for (size_t i = 0; i < d->nph; i++) {
		char txt[1400];
		int w;

		if (cs_audit_ph_severity(&d->ph[i]) > sev)
			sev = cs_audit_ph_severity(&d->ph[i]);
		ph_text(&d->ph[i], txt, sizeof(txt));
		w = snprintf(f->evidence + off, sizeof(f->evidence) - off,
			     "%s%s", i ? " | " : "", txt);
		if (w < 0 || (size_t)w >= sizeof(f->evidence) - off)
			break;
		off += (size_t)w;
	}
	f->severity = sev;
	cs_date_format(now, 0, f->as_of, sizeof(f->as_of));
	cs_strlcpy(f->status, "open", sizeof(f->status));
	f->first_seen = d->first;
	f->first_scan = f->last_scan = scan_id;
	f->assessed_at = now;
}

/* Collects the TCP ports the device answered from (HTTP, RTSP, TLS). */
static size_t
seen_ports(const struct cs_obs_list *obs, uint16_t *ports, size_t cap)
{
	size_t n = 0;

	for (size_t i = 0; i < obs->n; i++) {
		const struct cs_obs *o = &obs->v[i];
		size_t j;

		if (o->port == 0 || !(strncmp(o->key, "http.", 5) == 0 ||
				      strncmp(o->key, "rtsp.", 5) == 0 ||
				      strncmp(o->key, "tls.", 4) == 0))
			continue;
		for (j = 0; j < n && ports[j] < o->port; j++)
			;
		if ((j < n && ports[j] == o->port) || n == cap)
			continue;
		memmove(ports + j + 1, ports + j, (n - j) * sizeof(*ports));
		ports[j] = o->port;
		n++;
	}
	return n;
}

static void
record(struct cs_audit_listen *l, const struct cs_passive_dev *d,
       const char *ip, const char *mac, struct cs_obs_list *obs,
       const struct cs_identity *id)
{
	struct cs_host_result r;
	uint16_t ports[CS_STORE_MAX_PORTS];

	memset(&r, 0, sizeof(r));
	r.ip = ip;
	r.ports = ports;
	r.nports = seen_ports(obs, ports, CS_NELEM(ports));
	r.obs = obs;
	r.id = id;
	r.seen_at = d->last;
	r.mac = mac[0] ? mac : NULL;
	if (cs_store_put_host(l->store, l->scan_id, &r) != 0)
		store_error(l);
	if (d->nph > 0) {
		struct cs_finding_row f;

		cs_audit_ph_finding(d, ip, mac, id, l->scan_id,
				    (int64_t)time(NULL), &f);
		if (cs_store_finding_put(l->store, &f, NULL, NULL) != 0)
			store_error(l);
		else
			l->findings++;
	}
	if (++l->flushed % 256 == 0 &&
	    cs_store_checkpoint(l->store, l->scan_id, 0, l->flushed) != 0)
		store_error(l);
}

void
cs_audit_listen_device(void *arg, const struct cs_passive_dev *d)
{
	struct cs_audit_listen *l = arg;
	struct cs_obs_list obs;
	struct cs_identity id;
	char ip[48], mac[18] = "", seen[96];

	cs_passive_addrstr(d, ip, sizeof(ip));
	if (d->has_mac)
		cs_ident_mac_format(d->mac, mac);
	cs_obs_list_init(&obs);
	for (size_t i = 0; i < d->obs.n; i++)
		(void)cs_obs_add(&obs, d->obs.v[i].key, d->obs.v[i].port,
				 d->obs.v[i].flags, d->obs.v[i].val,
				 d->obs.v[i].len);
	for (size_t i = 0; i < d->nph; i++) {
		char t[1400];

		ph_text(&d->ph[i], t, sizeof(t));
		(void)cs_obs_adds(&obs, "phonehome", 0, t);
	}
	if (l->store != NULL && ip[0]) {
		struct merge m = {&obs};

		(void)cs_store_each_observation(l->store, l->scan_id, ip,
						merge_obs, &m);
	}
	snprintf(seen, sizeof(seen), "first=%lld; last=%lld",
		 (long long)d->first, (long long)d->last);
	(void)cs_obs_adds(&obs, "seen.passive", 0, seen);
	cs_fp_identify_ctx(l->fpctx, &obs, &id);
	if (l->store != NULL && ip[0] == '\0') {
		/* Known only by its MAC: the inventory is keyed by address,
		 * so such a device is reported (JSON, counters) only. */
		l->mac_only++;
	} else if (l->store != NULL) {
		record(l, d, ip, mac, &obs, &id);
	} else {
		l->flushed++;
	}
	if (l->on_device != NULL)
		l->on_device(l->arg, d, ip, mac, &id, obs.n);
	cs_obs_list_free(&obs);
}
