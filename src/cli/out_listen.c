/* SPDX-License-Identifier: ISC */
/* listen's output: a device as JSON, the counters; see output.h. */
#include "cli/output.h"

#include <stdio.h>
#include <string.h>

#include "audit/listen.h"
#include "core/buf.h"
#include "core/escape.h"
#include "passive/capture.h"
#include "passive/passive.h"
#include "core/poison.h"

static void
json_str(struct cs_buf *b, const char *name, const char *v)
{
	cs_buf_printf(b, ",\"%s\":", name);
	cs_esc_json(b, v, strlen(v));
}

void
cs_out_listen_device(struct cs_buf *b, FILE *f, const struct cs_passive_dev *d,
		     const char *ip, const char *mac,
		     const struct cs_identity *id, size_t nobs)
{
	cs_buf_reset(b);
	cs_buf_printf(b, "{\"ip\":\"%s\"", ip);
	json_str(b, "mac", mac);
	json_str(b, "mac_via", d->has_mac ? d->mac_via : "");
	cs_buf_printf(b, ",\"gateway\":%s", d->gateway ? "true" : "false");
	cs_buf_printf(b,
		      ",\"passive\":true,\"first_seen\":%lld,\"last_seen\":%lld"
		      ",\"packets\":%llu,\"bytes\":%llu",
		      (long long)d->first, (long long)d->last,
		      (unsigned long long)d->packets,
		      (unsigned long long)d->bytes);
	json_str(b, "manufacturer", id->manufacturer);
	json_str(b, "manufacturer_country", id->manufacturer_country);
	json_str(b, "brand", id->brand);
	json_str(b, "model", id->model);
	json_str(b, "firmware", id->firmware);
	json_str(b, "device_class", cs_class_name(id->device_class));
	cs_buf_printf(b,
		      ",\"surveillance\":%s,\"confidence\":%.2f,"
		      "\"observations\":%zu,\"phone_home\":[",
		      cs_identity_surveillance(id) > 0    ? "true"
		      : cs_identity_surveillance(id) == 0 ? "false"
							  : "null",
		      id->confidence, nobs);
	for (size_t i = 0; i < d->nph; i++) {
		const struct cs_passive_ph *e = &d->ph[i];
		char peer[48];

		cs_buf_adds(b, i ? ",{" : "{");
		cs_buf_adds(b, "\"maker\":");
		cs_esc_json(b, e->rule->maker, strlen(e->rule->maker));
		json_str(b, "country", e->rule->country);
		json_str(b, "service", e->rule->service);
		json_str(b, "via", e->via);
		json_str(b, "match", e->match);
		json_str(b, "peer", cs_passive_peerstr(e, peer, sizeof(peer)));
		cs_buf_printf(b,
			      ",\"first_seen\":%lld,\"last_seen\":%lld,"
			      "\"packets\":%llu,\"bytes\":%llu",
			      (long long)e->first, (long long)e->last,
			      (unsigned long long)e->packets,
			      (unsigned long long)e->bytes);
		json_str(b, "severity",
			 cs_severity_name(cs_audit_ph_severity(e)));
		json_str(b, "confidence", cs_ph_conf_name(e->rule->conf));
		json_str(b, "source", e->rule->source);
		cs_buf_adds(b, "}");
	}
	cs_buf_printf(b, "],\"phone_home_dropped\":%zu}\n", d->ph_dropped);
	fwrite(b->p, 1, b->len, f);
}

void
cs_out_listen_stats(FILE *f, const struct cs_passive_stats *ps,
		    const struct cs_capture_stats *cst, uint64_t findings,
		    uint64_t mac_only)
{
	fprintf(
	    f,
	    "listen: %llu frames, %llu bytes, %llu undecoded, "
	    "%llu messages decoded, %llu devices (%llu aged, "
	    "%llu evicted, peak %zu), %llu phone-home packets, "
	    "%llu flows (%llu aged, %llu evicted, peak %zu), "
	    "%llu observations dropped, %llu findings, "
	    "%llu TCP streams reassembled (%llu given up), "
	    "%llu devices known only by MAC, %llu kernel drops\n",
	    (unsigned long long)ps->packets, (unsigned long long)ps->bytes,
	    (unsigned long long)ps->decode_errors,
	    (unsigned long long)ps->observations,
	    (unsigned long long)ps->devices,
	    (unsigned long long)ps->devices_aged,
	    (unsigned long long)ps->devices_evicted, ps->devices_peak,
	    (unsigned long long)ps->phonehome, (unsigned long long)ps->flows,
	    (unsigned long long)ps->flows_aged,
	    (unsigned long long)ps->flows_evicted, ps->flows_peak,
	    (unsigned long long)ps->obs_dropped, (unsigned long long)findings,
	    (unsigned long long)ps->tcp_streams,
	    (unsigned long long)ps->tcp_uncut, (unsigned long long)mac_only,
	    (unsigned long long)cst->os_dropped);
}
