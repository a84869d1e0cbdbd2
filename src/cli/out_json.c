/* SPDX-License-Identifier: ISC */
/* JSON rendering of inventory rows and values; see output.h. */
#include "cli/output.h"

#include <stdio.h>
#include <inttypes.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <json-c/json.h>

#include "core/buf.h"
#include "core/escape.h"
#include "core/text.h"
#include "core/poison.h"

static void
json_str_or_null(struct cs_buf *b, const char *key, const char *v)
{
	cs_buf_printf(b, ",\"%s\":", key);
	if (v[0])
		cs_esc_json(b, v, strlen(v));
	else
		cs_buf_adds(b, "null");
}

/* Appends ,"attached":[...]: the cameras a recorder reported. */
/* ,"key":"2026-01-31T12:00:00Z" (ISO 8601 UTC), or null when t <= 0. */
static void
json_time_or_null(struct cs_buf *b, const char *key, int64_t t)
{
	char iso[32];

	if (cs_date_format(t, CS_DATE_TIME, iso, sizeof(iso)) != 0) {
		cs_buf_printf(b, ",\"%s\":null", key);
		return;
	}
	cs_buf_printf(b, ",\"%s\":\"%s\"", key, iso);
}

static void
json_attached(struct cs_buf *b, const struct cs_device_row *r)
{
	cs_buf_adds(b, ",\"attached\":[");
	for (size_t i = 0; i < r->natt; i++) {
		const struct cs_attachment *a = &r->att[i];

		cs_buf_printf(b, "%s{\"channel\":%u", i ? "," : "", a->channel);
		json_str_or_null(b, "ip", a->ip);
		cs_buf_printf(b, ",\"port\":%u", a->port);
		json_str_or_null(b, "name", a->name);
		json_str_or_null(b, "reported_model", a->model);
		json_str_or_null(b, "serial", a->serial);
		json_str_or_null(b, "firmware", a->firmware);
		json_str_or_null(b, "vendor", a->vendor);
		json_str_or_null(b, "mac", a->mac);
		json_str_or_null(b, "manufacturer", a->manufacturer);
		json_str_or_null(b, "brand", a->brand);
		json_str_or_null(b, "model", a->id_model);
		cs_buf_printf(b, ",\"device_class\":\"%s\"}",
			      cs_class_name(a->device_class));
	}
	cs_buf_adds(b, "]");
}

int
cs_out_json_device(struct cs_buf *b, const struct cs_device_row *r)
{
	const struct cs_identity *id = &r->id;

	cs_buf_adds(b, "{\"ip\":");
	cs_esc_json(b, r->ip, strlen(r->ip));
	cs_buf_adds(b, ",\"ports\":[");
	for (size_t i = 0; i < r->nports; i++)
		cs_buf_printf(b, "%s%u", i ? "," : "", r->ports[i]);
	cs_buf_adds(b, "]");
	json_str_or_null(b, "manufacturer", id->manufacturer);
	json_str_or_null(b, "manufacturer_country", id->manufacturer_country);
	json_str_or_null(b, "brand", id->brand);
	json_str_or_null(b, "model", id->model);
	json_str_or_null(b, "firmware", id->firmware);
	/* null for unknown, as identify writes it */
	if (id->device_class == CS_CLASS_UNKNOWN)
		cs_buf_adds(b, ",\"device_class\":null");
	else
		cs_buf_printf(b, ",\"device_class\":\"%s\"",
			      cs_class_name(id->device_class));
	cs_buf_printf(b, ",\"surveillance\":%s",
		      cs_out_surv_word(id, "true", "false", "null"));
	json_str_or_null(b, "surveillance_basis",
			 cs_identity_surveillance_basis(id)
			     ? cs_identity_surveillance_basis(id)
			     : "");
	cs_buf_printf(b, ",\"confidence\":%.3f", id->confidence);
	cs_buf_adds(b, ",\"evidence\":[");
	for (size_t i = 0; i < id->nev; i++) {
		const struct cs_evidence *ev = &id->ev[i];

		cs_buf_adds(b, i ? ",{\"field\":" : "{\"field\":");
		cs_esc_json(b, ev->field, strlen(ev->field));
		cs_buf_adds(b, ",\"claim\":");
		cs_esc_json(b, ev->claim, strlen(ev->claim));
		cs_buf_adds(b, ",\"value\":");
		cs_esc_json(b, ev->value, strlen(ev->value));
		cs_buf_adds(b, ",\"rule\":");
		cs_esc_json(b, ev->rule, strlen(ev->rule));
		cs_buf_adds(b, ",\"observation\":");
		cs_esc_json(b, ev->obs_key, strlen(ev->obs_key));
		if (ev->port != 0)
			cs_buf_printf(b, ",\"port\":%u", ev->port);
		else
			cs_buf_adds(b, ",\"port\":null");
		cs_buf_printf(b, ",\"weight\":%.3f}", ev->weight);
	}
	cs_buf_adds(b, "]");
	json_str_or_null(b, "mac", r->mac);
	json_str_or_null(b, "serial", r->serial);
	json_str_or_null(b, "site", r->site);
	json_time_or_null(b, "first_seen", r->first_seen);
	json_time_or_null(b, "last_seen", r->last_seen);
	if (r->natt > 0 || id->device_class == CS_CLASS_NVR ||
	    id->device_class == CS_CLASS_DVR)
		json_attached(b, r);
	return cs_buf_adds(b, "}");
}

int
cs_out_json_placed(struct cs_buf *b, const struct cs_device_row *r,
		   const struct cs_placement_row *p)
{
	size_t at = b->len;

	cs_out_json_device(b, r);
	/* the device's object, reopened: the switch's word on it */
	if (b->len > at && b->p[b->len - 1] == '}')
		b->len--;
	cs_buf_adds(b, ",\"known_from\":\"switch\",\"placement\":{\"switch\":");
	cs_esc_json(b, p->sw, strlen(p->sw));
	json_str_or_null(b, "switch_address", p->sw_addr);
	cs_buf_adds(b, ",\"port\":");
	cs_esc_json(b, p->port, strlen(p->port));
	if (p->vlan > 0)
		cs_buf_printf(b, ",\"vlan\":%d", p->vlan);
	else
		cs_buf_adds(b, ",\"vlan\":null");
	json_str_or_null(b, "poe", p->poe);
	json_str_or_null(b, "neighbour", p->neighbour);
	json_str_or_null(b, "arp_ip", p->ip);
	json_str_or_null(b, "oui", p->oui);
	json_time_or_null(b, "seen_at", p->seen_at);
	return cs_buf_adds(b, "}}");
}

void
cs_out_placed_line(FILE *f, const struct cs_placement_row *p, int ipw)
{
	struct cs_buf b;

	cs_buf_init(&b, 4096);
	cs_buf_printf(&b, "  %-*s placed: switch ", ipw > 2 ? ipw - 2 : 0, "");
	cs_esc_term(&b, p->sw, strlen(p->sw));
	cs_buf_adds(&b, " port ");
	cs_esc_term(&b, p->port, strlen(p->port));
	if (p->vlan > 0)
		cs_buf_printf(&b, " VLAN %d", p->vlan);
	if (p->poe[0]) {
		cs_buf_adds(&b, " PoE ");
		cs_esc_term(&b, p->poe, strlen(p->poe));
	}
	if (p->neighbour[0]) {
		cs_buf_adds(&b, " LLDP ");
		cs_esc_term(&b, p->neighbour, strlen(p->neighbour));
	}
	cs_buf_adds(&b, " MAC ");
	cs_esc_term(&b, p->mac, strlen(p->mac));
	cs_buf_adds(&b, " (known only from the switch)\n");
	fwrite(b.p, 1, b.len, f);
	cs_buf_free(&b);
}

int
cs_out_json_value(struct cs_buf *b, struct json_object *o)
{
	int rc = 0;

	switch (json_object_get_type(o)) {
	case json_type_null:
		return cs_buf_adds(b, "null");
	case json_type_boolean:
		return cs_buf_adds(b, json_object_get_boolean(o) ? "true"
								 : "false");
	case json_type_int:
		return cs_buf_printf(b, "%" PRId64, json_object_get_int64(o));
	case json_type_double: {
		double d = json_object_get_double(o);

		char num[32];

		/* JSON has no NaN or infinity. */
		if (d != d || d > 1e308 || d < -1e308)
			return cs_buf_adds(b, "null");
		/* The shortest text that reads back as the same double: 0.45,
		 * not 0.45000000000000001. */
		for (int prec = 1; prec <= 17; prec++) {
			snprintf(num, sizeof(num), "%.*g", prec, d);
			if (strtod(num, NULL) == d)
				break;
		}
		return cs_buf_adds(b, num);
	}
	case json_type_string:
		return cs_esc_json(b, json_object_get_string(o),
				   (size_t)json_object_get_string_len(o));
	case json_type_array: {
		size_t n = json_object_array_length(o);

		rc = cs_buf_adds(b, "[");
		for (size_t i = 0; rc == 0 && i < n; i++) {
			if (i)
				rc = cs_buf_adds(b, ",");
			if (rc == 0)
				rc = cs_out_json_value(
				    b, json_object_array_get_idx(o, i));
		}
		return rc ? rc : cs_buf_adds(b, "]");
	}
	case json_type_object: {
		bool first = true;

		rc = cs_buf_adds(b, "{");
		json_object_object_foreach(o, key, val)
		{
			if (rc != 0)
				break;
			if (!first)
				rc = cs_buf_adds(b, ",");
			first = false;
			if (rc == 0)
				rc = cs_esc_json(b, key, strlen(key));
			if (rc == 0)
				rc = cs_buf_adds(b, ":");
			if (rc == 0)
				rc = cs_out_json_value(b, val);
		}
		return rc ? rc : cs_buf_adds(b, "}");
	}
	}
	return cs_buf_adds(b, "null");
}

void
cs_out_json_puts(FILE *f, struct json_object *o)
{
	struct cs_buf b;

	cs_buf_init(&b, (size_t)1 << 26);
	if (cs_out_json_value(&b, o) == 0 && cs_buf_adds(&b, "\n") == 0)
		fwrite(b.p, 1, b.len, f);
	else
		fputs("{\"error\":\"output too large\"}\n", f);
	cs_buf_free(&b);
}
