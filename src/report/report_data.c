/* SPDX-License-Identifier: ISC */
/*
 * The JSON and CSV writers (docs/report.md).  Both are stable formats:
 * fields are only ever added, at the end, with the format version bumped
 * when a meaning changes.
 */
#include "report/report.h"

#include <stdio.h>
#include <string.h>

#include "report/report_impl.h"
#include "core/poison.h"

/* Writes `"name":` and the JSON string of s (puts, not a format: a
 * million devices' worth of keys). */
static void
jkv(struct rp_w *w, const char *name, const char *s)
{
	cs_report_put(w, "\"");
	cs_report_put(w, name);
	cs_report_put(w, "\":");
	cs_report_put_json(w, s);
}

static void
jtime(struct rp_w *w, const char *name, int64_t t)
{
	char ts[32];

	if (t <= 0) {
		cs_report_putf(w, "\"%s\":null", name);
		return;
	}
	jkv(w, name, cs_report_time(t, ts, sizeof(ts)));
}

static void
json_scan(struct rp_w *w, const struct rp_scan *s)
{
	cs_report_putf(w, "{\"id\":%lld,", (long long)s->id);
	jkv(w, "status", s->st.status);
	cs_report_put(w, ",");
	jtime(w, "started", s->st.started);
	cs_report_put(w, ",");
	jtime(w, "ended", s->st.ended);
	cs_report_putf(w,
		       ",\"total_targets\":%llu,\"hosts_done\":%llu,"
		       "\"resume_count\":%u,\"hosts\":%zu,"
		       "\"surveillance\":%zu,\"prc_made\":%zu,",
		       (unsigned long long)s->st.total_targets,
		       (unsigned long long)s->st.hosts_done, s->st.resume_count,
		       s->hosts, s->surveillance, s->prc);
	jkv(w, "scope", s->st.scope);
	cs_report_put(w, ",");
	jkv(w, "exclusions", s->st.exclusions);
	cs_report_put(w, ",");
	jkv(w, "ports", s->st.ports);
	cs_report_put(w, ",");
	jkv(w, "vantage", s->st.vantage);
	cs_report_put(w, "}");
}

static void
json_counts(struct rp_w *w, const char *name, const struct rp_count *v,
	    size_t n, bool with_country)
{
	cs_report_putf(w, "  \"%s\": [", name);
	for (size_t i = 0; i < n; i++) {
		cs_report_put(w, i ? ",\n    {" : "\n    {");
		jkv(w, "name", v[i].name);
		if (with_country) {
			cs_report_put(w, ",");
			jkv(w, "country", v[i].country);
		}
		cs_report_putf(w, ",\"devices\":%zu,\"prc_made\":%s}", v[i].n,
			       v[i].prc ? "true" : "false");
	}
	cs_report_put(w, n ? "\n  ]" : "]");
}

static void json_device_body(struct rp_w *w, const struct rp_dev *d);

static void
json_device(struct rp_w *w, const struct rp_dev *d)
{
	json_device_body(w, d);
	cs_report_put(w, "}");
}

/* A device only the switches know: the device's keys, then
 * "known_from":"switch" and its placement. */
static void
json_placed(struct rp_w *w, const struct rp_dev *d)
{
	const struct cs_placement_row *p = d->place;

	json_device_body(w, d);
	cs_report_put(w, ",\"known_from\":\"switch\",\"placement\":{");
	jkv(w, "switch", p->sw);
	cs_report_put(w, ",");
	jkv(w, "switch_address", p->sw_addr);
	cs_report_put(w, ",");
	jkv(w, "port", p->port);
	if (p->vlan > 0)
		cs_report_putf(w, ",\"vlan\":%d,", p->vlan);
	else
		cs_report_put(w, ",\"vlan\":null,");
	jkv(w, "poe", p->poe);
	cs_report_put(w, ",");
	jkv(w, "neighbour", p->neighbour);
	cs_report_put(w, ",");
	jkv(w, "arp_ip", p->ip);
	cs_report_put(w, ",");
	jkv(w, "oui", p->oui);
	cs_report_put(w, ",");
	jtime(w, "seen_at", p->seen_at);
	cs_report_put(w, "}}");
}

static void
json_device_body(struct rp_w *w, const struct rp_dev *d)
{
	const struct rp_ident *id = &d->id;

	cs_report_put(w, "{");
	jkv(w, "ip", d->ip);
	cs_report_put(w, ",");
	jkv(w, "mac", d->mac);
	cs_report_put(w, ",\"ports\":[");
	for (size_t i = 0; i < d->nports; i++) {
		if (i)
			cs_report_put(w, ",");
		cs_report_put_u(w, d->ports[i]);
	}
	cs_report_put(w, "],");
	jkv(w, "manufacturer", id->manufacturer);
	cs_report_put(w, ",");
	jkv(w, "manufacturer_country", id->manufacturer_country);
	cs_report_putf(w, ",\"prc_made\":%s,", d->prc ? "true" : "false");
	jkv(w, "brand", id->brand);
	cs_report_put(w, ",");
	jkv(w, "model", id->model);
	cs_report_put(w, ",");
	jkv(w, "firmware", id->firmware);
	cs_report_put(w, ",");
	jkv(w, "device_class", cs_class_name(id->device_class));
	cs_report_putf(w,
		       ",\"surveillance\":%s,\"surveillance_basis\":%s,"
		       "\"confidence\":%.2f,",
		       rp_surveillance(id) > 0    ? "true"
		       : rp_surveillance(id) == 0 ? "false"
						  : "null",
		       rp_surveillance(id) < 0 ? "null"
		       : id->presumed          ? "\"presumed\""
					       : "\"observed\"",
		       id->confidence);
	jtime(w, "first_seen", d->first_seen);
	cs_report_put(w, ",");
	jtime(w, "last_seen", d->last_seen);
	cs_report_put(w, ",\"evidence\":[");
	for (size_t i = 0; i < id->nev; i++) {
		const struct cs_evidence *ev = &id->ev[i];

		cs_report_put(w, i ? ",{" : "{");
		jkv(w, "field", ev->field);
		cs_report_put(w, ",");
		jkv(w, "claim", ev->claim);
		cs_report_put(w, ",");
		jkv(w, "rule", ev->rule);
		cs_report_put(w, ",");
		jkv(w, "obs_key", ev->obs_key);
		cs_report_putf(w, ",\"port\":%u,\"weight\":%.2f,", ev->port,
			       ev->weight);
		jkv(w, "value", ev->value);
		cs_report_put(w, "}");
	}
	cs_report_putf(w, "],\"evidence_dropped\":%zu,\"attached\":[",
		       id->nev_dropped);
	for (size_t i = 0; i < d->natt; i++) {
		const struct cs_attachment *a = &d->att[i];

		cs_report_putf(w, "%s{\"channel\":%u,", i ? "," : "",
			       a->channel);
		jkv(w, "ip", a->ip);
		cs_report_putf(w, ",\"port\":%u,", a->port);
		jkv(w, "name", a->name);
		cs_report_put(w, ",");
		jkv(w, "model", a->model);
		cs_report_put(w, ",");
		jkv(w, "serial", a->serial);
		cs_report_put(w, ",");
		jkv(w, "firmware", a->firmware);
		cs_report_put(w, ",");
		jkv(w, "mac", a->mac);
		cs_report_put(w, ",");
		jkv(w, "manufacturer", a->manufacturer);
		cs_report_put(w, ",");
		jkv(w, "brand", a->brand);
		cs_report_put(w, ",");
		jkv(w, "device_class", cs_class_name(a->device_class));
		cs_report_put(w, "}");
	}
	cs_report_put(w, "]");
}

static void
jscan_id(struct rp_w *w, const char *name, int64_t id)
{
	if (id > 0)
		cs_report_putf(w, ",\"%s\":%lld", name, (long long)id);
	else
		cs_report_putf(w, ",\"%s\":null", name);
}

static void
json_finding(struct rp_w *w, const struct cs_finding_row *f)
{
	const struct {
		const char *name;
		const char *v;
	} t[] = {
	    {"ip", f->ip},
	    {"mac", f->mac},
	    {"manufacturer", f->manufacturer},
	    {"manufacturer_country", f->manufacturer_country},
	    {"brand", f->brand},
	    {"model", f->model},
	    {"firmware", f->firmware},
	    {"device_class", f->device_class},
	    {"department", f->department},
	    {"department_name", f->department_name},
	    {"site", f->site},
	    {"site_name", f->site_name},
	    {"zone", f->zone},
	    {"sensitivity_reason", f->sensitivity_reason},
	    {"regime", f->regime},
	    {"regime_version", f->regime_version},
	    {"obligation", f->obligation},
	    {"severity", cs_severity_name(f->severity)},
	    {"action", f->action},
	    {"action_text", f->action_text},
	    {"deadline", f->deadline},
	    {"citation", f->citation},
	    {"url", f->url},
	    {"evidence", f->evidence},
	    {"as_of", f->as_of},
	    {"status", f->status},
	    {"status_until", f->status_until},
	    {"owner", f->owner},
	    {"due", f->due},
	    {"note", f->note},
	};

	cs_report_putf(w, "{\"id\":%lld", (long long)f->id);
	for (size_t i = 0; i < CS_NELEM(t); i++) {
		cs_report_put(w, ",");
		jkv(w, t[i].name, t[i].v);
	}
	cs_report_putf(w,
		       ",\"sensitive\":%s,\"reach_core\":%s,"
		       "\"confidence\":%.2f",
		       f->sensitive ? "true" : "false",
		       f->reach_core ? "true" : "false", f->confidence);
	jscan_id(w, "first_scan", f->first_scan);
	jscan_id(w, "last_scan", f->last_scan);
	jscan_id(w, "verified_scan", f->verified_scan);
	cs_report_put(w, ",");
	jtime(w, "first_seen", f->first_seen);
	cs_report_put(w, ",");
	jtime(w, "assessed_at", f->assessed_at);
	cs_report_put(w, "}");
}

/*
 * ",\n  \"assessment\": {...}" naming the assessment the findings come
 * from (null without one), and "stale" (findings of another scan).
 */
static void
json_assessment(struct rp_w *w, const struct cs_report *r)
{
	const struct cs_assessment *a = &r->asmt;

	cs_report_put(w, ",\n  \"assessment\": ");
	if (!r->assessed) {
		cs_report_put(w, "null");
	} else {
		cs_report_putf(w, "{\"id\":");
		if (r->have_rec)
			cs_report_putf(w, "%lld", (long long)a->id);
		else
			cs_report_put(w, "null");
		cs_report_putf(w, ",\"scan\":%lld,", (long long)r->asmt_scan);
		jtime(w, "assessed_at", r->asmt_time);
		cs_report_put(w, ",\"as_of\":");
		cs_report_put_json(w, r->have_rec ? a->as_of : "");
		cs_report_put(w, ",\"regimes\":");
		cs_report_put_json(w, r->have_rec ? a->regimes : "");
		cs_report_put(w, ",\"estate_file\":");
		cs_report_put_json(w, r->have_rec ? a->estate_file : "");
		cs_report_put(w, ",\"estate_sha256\":");
		cs_report_put_json(w, r->have_rec ? a->estate_sha256 : "");
		cs_report_put(w, ",\"data_version\":");
		cs_report_put_json(w, r->have_rec ? a->data_version : "");
		cs_report_put(w, ",\"tool_version\":");
		cs_report_put_json(w, r->have_rec ? a->tool_version : "");
		cs_report_put(w, "}");
	}
	cs_report_putf(w, ",\n  \"stale\": %s", r->stale ? "true" : "false");
}

int
cs_report_write_json(const struct cs_report *r, struct cs_buf *b)
{
	struct rp_w w = {b, 0, r->sink};
	char ts[32];

	cs_report_putf(&w,
		       "{\n  \"format\": \"camsweep-report\",\n"
		       "  \"version\": %d,\n  \"generated\": ",
		       CS_REPORT_FORMAT_VERSION);
	if (r->o.now > 0)
		cs_report_put_json(&w,
				   cs_report_time(r->o.now, ts, sizeof(ts)));
	else
		cs_report_put(&w, "null");
	cs_report_put(&w, ",\n  \"marking\": ");
	cs_report_put_json(&w, r->marking);
	if (r->o.nregistry > 0) {
		cs_report_put(&w, ",\n  \"mac_registry\": [");
		for (size_t i = 0; i < r->o.nregistry; i++) {
			const struct cs_report_registry *g = &r->o.registry[i];

			cs_report_put(&w, i ? ",\n    {\"file\":"
					    : "\n    {\"file\":");
			cs_report_put_json(&w, g->file);
			cs_report_put(&w, ",\"date\":");
			cs_report_put_json(&w, g->date);
			cs_report_put(&w, ",\"date_from\":");
			cs_report_put_json(&w, g->date_from);
			cs_report_putf(&w, ",\"assignments\":%zu}",
				       g->assignments);
		}
		cs_report_put(&w, "\n  ]");
	}
	cs_report_put(&w, ",\n  \"filters\": {");
	jtime(&w, "as_of", r->o.as_of);
	cs_report_put(&w, ",\"department\":");
	if (r->o.department && *r->o.department)
		cs_report_put_json(&w, r->o.department);
	else
		cs_report_put(&w, "null");
	cs_report_put(&w, ",\"site\":");
	if (r->o.site && *r->o.site)
		cs_report_put_json(&w, r->o.site);
	else
		cs_report_put(&w, "null");
	cs_report_put(&w, "},\n  \"scan\": ");
	json_scan(&w, &r->scan);
	json_assessment(&w, r);
	cs_report_put(&w, ",\n  \"history\": [");
	for (size_t i = 0; i < r->nhist; i++) {
		cs_report_put(&w, i ? ",\n    " : "\n    ");
		json_scan(&w, &r->hist[i]);
	}
	cs_report_put(&w, r->nhist ? "\n  ],\n" : "],\n");
	cs_report_putf(&w,
		       "  \"summary\": {\"hosts\":%zu,\"surveillance\":%zu,"
		       "\"prc_made\":%zu,\"attached_cameras\":%zu,"
		       "\"surveillance_not_established\":%zu,"
		       "\"prc_made_not_established\":%zu},\n",
		       r->ndev, r->nsurv, r->nprc, r->natt, r->nunk,
		       r->nprc_unk);
	json_counts(&w, "by_maker", r->makers, r->nmakers, true);
	cs_report_put(&w, ",\n");
	json_counts(&w, "by_country", r->countries, r->ncountries, false);
	cs_report_put(&w, ",\n  \"by_class\": [");
	for (size_t c = 0, k = 0; c < CS_NELEM(r->classes); c++) {
		if (r->classes[c].n == 0)
			continue;
		cs_report_putf(&w, "%s{\"name\":\"%s\",\"devices\":%zu}",
			       k++ ? "," : "", r->classes[c].name,
			       r->classes[c].n);
	}
	cs_report_put(&w, "],\n  \"devices\": [");
	for (size_t i = 0; i < r->ndev; i++) {
		cs_report_put(&w, i ? ",\n    " : "\n    ");
		json_device(&w, &r->dev[i]);
	}
	cs_report_put(&w, r->ndev ? "\n  ],\n" : "],\n");
	cs_report_put(&w, "  \"placed_devices\": [");
	for (size_t i = 0; i < r->npdev; i++) {
		cs_report_put(&w, i ? ",\n    " : "\n    ");
		json_placed(&w, &r->pdev[i]);
	}
	cs_report_put(&w, r->npdev ? "\n  ],\n" : "],\n");
	if (!r->assessed) {
		cs_report_put(&w, "  \"findings\": null\n}\n");
		return w.rc;
	}
	cs_report_put(&w, "  \"findings\": [");
	for (size_t i = 0; i < r->nfnd; i++) {
		cs_report_put(&w, i ? ",\n    " : "\n    ");
		json_finding(&w, &r->fnd[i]);
	}
	cs_report_put(&w, r->nfnd ? "\n  ]\n}\n" : "]\n}\n");
	return w.rc;
}

/* ---- CSV ---- */

static void
csv_time(struct rp_w *w, int64_t t)
{
	char ts[32];

	cs_report_put(w, cs_report_time(t, ts, sizeof(ts)));
}

/* One devices-CSV line (a host, or a camera behind recorder d when a). */
static void
csv_line(struct rp_w *w, const struct cs_report *r, const struct rp_dev *d,
	 const struct cs_attachment *a)
{
	const struct rp_ident *id = &d->id;

	cs_report_putf(w, "%lld,", (long long)r->scan.id);
	if (a) {
		cs_report_put_csv(w, a->ip);
		cs_report_put(w, ",");
		cs_report_put_csv(w, a->mac);
		cs_report_putf(w, ",%u,", a->port ? a->port : 0);
		cs_report_put_csv(w, a->manufacturer);
		cs_report_put(w, ",,,");
		cs_report_put_csv(w, a->brand);
		cs_report_put(w, ",");
		cs_report_put_csv(w, a->model[0] ? a->model : a->id_model);
		cs_report_put(w, ",");
		cs_report_put_csv(w, a->firmware);
		cs_report_putf(w, ",%s,,,,,", cs_class_name(a->device_class));
		cs_report_put_csv(w, d->ip);
		cs_report_putf(w, ",%u,", a->channel);
		cs_report_put_csv(w, a->name);
		cs_report_put(w, ",,,,,,\r\n");
		return;
	}
	cs_report_put_csv(w, d->ip);
	cs_report_put(w, ",");
	cs_report_put_csv(w, d->mac);
	cs_report_put(w, ",");
	for (size_t i = 0; i < d->nports; i++)
		cs_report_putf(w, "%s%u", i ? " " : "", d->ports[i]);
	cs_report_put(w, ",");
	cs_report_put_csv(w, id->manufacturer);
	cs_report_put(w, ",");
	cs_report_put_csv(w, id->manufacturer_country);
	cs_report_putf(w, ",%s,", d->prc ? "yes" : "no");
	cs_report_put_csv(w, id->brand);
	cs_report_put(w, ",");
	cs_report_put_csv(w, id->model);
	cs_report_put(w, ",");
	cs_report_put_csv(w, id->firmware);
	cs_report_putf(
	    w, ",%s,%s,%.2f,", cs_class_name(id->device_class),
	    rp_surveillance(id) > 0
		? (id->presumed ? "yes (presumed from maker)" : "yes")
	    : rp_surveillance(id) == 0 ? "no"
				       : "not established",
	    id->confidence);
	csv_time(w, d->first_seen);
	cs_report_put(w, ",");
	csv_time(w, d->last_seen);
	cs_report_putf(w, ",%zu,,,", id->nev);
	if (d->place != NULL) {
		/* known_from, then where the switch placed it */
		cs_report_put(w, ",switch,");
		cs_report_put_csv(w, d->place->sw);
		cs_report_put(w, ",");
		cs_report_put_csv(w, d->place->port);
		if (d->place->vlan > 0)
			cs_report_putf(w, ",%d,", d->place->vlan);
		else
			cs_report_put(w, ",,");
		cs_report_put_csv(w, d->place->poe);
		cs_report_put(w, ",");
		cs_report_put_csv(w, d->place->neighbour);
		cs_report_put(w, "\r\n");
	} else {
		cs_report_put(w, ",scan,,,,,\r\n");
	}
}

int
cs_report_write_csv_devices(const struct cs_report *r, struct cs_buf *b)
{
	struct rp_w w = {b, 0, r->sink};

	cs_report_put(&w, "scan_id,ip,mac,ports,manufacturer,"
			  "manufacturer_country,prc_made,brand,model,"
			  "firmware,device_class,surveillance,confidence,"
			  "first_seen,last_seen,evidence_count,behind,"
			  "channel,channel_name,known_from,switch,"
			  "switch_port,vlan,poe,lldp_neighbour\r\n");
	for (size_t i = 0; i < r->ndev; i++) {
		csv_line(&w, r, &r->dev[i], NULL);
		for (size_t k = 0; k < r->dev[i].natt; k++)
			csv_line(&w, r, &r->dev[i], &r->dev[i].att[k]);
	}
	for (size_t i = 0; i < r->npdev; i++)
		csv_line(&w, r, &r->pdev[i], NULL);
	return w.rc;
}

int
cs_report_write_csv_findings(const struct cs_report *r, struct cs_buf *b)
{
	struct rp_w w = {b, 0, r->sink};

	cs_report_put(&w, "finding_id,ip,mac,manufacturer,"
			  "manufacturer_country,brand,model,device_class,"
			  "department,site,site_sensitive,sensitivity_reason,"
			  "zone,reach_core,regime,regime_version,obligation,"
			  "severity,action,deadline,status,status_until,owner,"
			  "due,first_scan,last_scan,verified_scan,as_of,"
			  "citation,url\r\n");
	for (size_t i = 0; i < r->nfnd; i++) {
		const struct cs_finding_row *f = &r->fnd[i];
		const char *a[] = {f->ip,           f->mac,
				   f->manufacturer, f->manufacturer_country,
				   f->brand,        f->model,
				   f->device_class, f->department,
				   f->site};
		const char *c[] = {f->regime,     f->regime_version,
				   f->obligation, cs_severity_name(f->severity),
				   f->action,     f->deadline,
				   f->status,     f->status_until,
				   f->owner,      f->due};

		cs_report_putf(&w, "%lld", (long long)f->id);
		for (size_t k = 0; k < CS_NELEM(a); k++) {
			cs_report_put(&w, ",");
			cs_report_put_csv(&w, a[k]);
		}
		cs_report_putf(&w, ",%s,", f->sensitive ? "yes" : "no");
		cs_report_put_csv(&w, f->sensitivity_reason);
		cs_report_put(&w, ",");
		cs_report_put_csv(&w, f->zone);
		cs_report_putf(&w, ",%s", f->reach_core ? "yes" : "no");
		for (size_t k = 0; k < CS_NELEM(c); k++) {
			cs_report_put(&w, ",");
			cs_report_put_csv(&w, c[k]);
		}
		cs_report_putf(&w, ",%lld,%lld,%lld,", (long long)f->first_scan,
			       (long long)f->last_scan,
			       (long long)f->verified_scan);
		cs_report_put_csv(&w, f->as_of);
		cs_report_put(&w, ",");
		cs_report_put_csv(&w, f->citation);
		cs_report_put(&w, ",");
		cs_report_put_csv(&w, f->url);
		cs_report_put(&w, "\r\n");
	}
	return w.rc;
}
