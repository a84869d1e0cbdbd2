/* SPDX-License-Identifier: ISC */
/*
 * The lines of `camsweep export` (out_export.h): findings as RFC 5424
 * syslog or CEF:0, devices as CMDB configuration items (CSV or JSON).
 * Every device-supplied string passes the escaper of its output: JSON
 * through cs_out_json_value, CSV through cs_esc_csv, CEF through the
 * terminal escaper (no control byte, valid UTF-8) and then CEF's own
 * escaping of '\\', '|' (header) and '=' (extension).
 */
#include "cli/out_export.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <json-c/json.h>

#include "audit/placed.h"
#include "cli/cli.h"
#include "cli/output.h"
#include "core/alloc.h"
#include "core/buf.h"
#include "core/escape.h"
#include "core/str.h"
#include "core/text.h"
#include "fp/fp.h"
#include "core/poison.h"

#define EXPORT_VERSION "0.1.0"

/* RFC 5424 severity of a finding's severity. */
static int
syslog_sev(enum cs_severity s)
{
	static const int m[] = {6, 5, 4, 3, 2}; /* info .. critical */
	return (unsigned)s < CS_NELEM(m) ? m[s] : 6;
}

/* CEF severity (0-10) of a finding's severity. */
static int
cef_sev(enum cs_severity s)
{
	static const int m[] = {1, 3, 5, 8, 10};
	return (unsigned)s < CS_NELEM(m) ? m[s] : 1;
}

/* s made safe for CEF: terminal-escaped, then '\\', '|' or '=' escaped. */
static void
cef_add(struct cs_buf *b, const char *s, bool header)
{
	struct cs_buf t;

	cs_buf_init(&t, 1 << 16);
	cs_esc_term(&t, s, strlen(s));
	for (size_t i = 0; i < t.len; i++) {
		char c = (char)t.p[i];
		if (c == '\\' || (header && c == '|') || (!header && c == '='))
			cs_buf_add(b, "\\", 1);
		cs_buf_add(b, &c, 1);
	}
	cs_buf_free(&t);
}

static void
cef_ext(struct cs_buf *b, const char *key, const char *val)
{
	if (val == NULL || *val == '\0')
		return;
	cs_buf_printf(b, " %s=", key);
	cef_add(b, val, false);
}

int
cs_out_export_finding(void *arg, const struct cs_finding_row *f)
{
	struct cs_out_exp *x = arg;
	char t[32];

	cs_buf_reset(&x->b);
	if (strcmp(x->format, "syslog") == 0) {
		json_object *o = cs_cli_finding_json(f);
		/* facility local0 (16); no structured data; JSON message */
		cs_date_format(f->assessed_at ? f->assessed_at
					      : (int64_t)time(NULL),
			       CS_DATE_TIME, t, sizeof(t));
		cs_buf_printf(&x->b, "<%d>1 %s ",
			      16 * 8 + syslog_sev(f->severity), t);
		cs_esc_term(&x->b, x->host, strlen(x->host));
		cs_buf_adds(&x->b, " camsweep - finding - ");
		cs_out_json_value(&x->b, o);
		json_object_put(o);
	} else {
		char sig[128], name[256], rt[32];
		snprintf(sig, sizeof(sig), "%s:%s", f->regime, f->obligation);
		snprintf(name, sizeof(name), "%s %s subject to %s %s",
			 f->manufacturer[0] ? f->manufacturer : "unknown maker",
			 f->device_class[0] ? f->device_class : "device",
			 f->regime, f->obligation);
		cs_buf_adds(&x->b,
			    "CEF:0|camsweep|camsweep|" EXPORT_VERSION "|");
		cef_add(&x->b, sig, true);
		cs_buf_adds(&x->b, "|");
		cef_add(&x->b, name, true);
		cs_buf_printf(&x->b, "|%d|", cef_sev(f->severity));
		snprintf(rt, sizeof(rt), "%lld",
			 (long long)(f->assessed_at ? f->assessed_at
						    : (int64_t)time(NULL)) *
			     1000);
		cs_buf_printf(&x->b, "rt=%s", rt);
		cef_ext(&x->b, "src", f->ip);
		cef_ext(&x->b, "smac", f->mac);
		cef_ext(&x->b, "act", f->action);
		cef_ext(&x->b, "msg", f->action_text);
		cef_ext(&x->b, "cs1Label", "regime");
		cef_ext(&x->b, "cs1", f->regime);
		cef_ext(&x->b, "cs2Label", "obligation");
		cef_ext(&x->b, "cs2", f->obligation);
		cef_ext(&x->b, "cs3Label", "manufacturer");
		cef_ext(&x->b, "cs3", f->manufacturer);
		cef_ext(&x->b, "cs4Label", "model");
		cef_ext(&x->b, "cs4", f->model);
		cef_ext(&x->b, "cs5Label", "site");
		cef_ext(&x->b, "cs5", f->site);
		cef_ext(&x->b, "cs6Label", "status");
		cef_ext(&x->b, "cs6", f->status);
		snprintf(rt, sizeof(rt), "%lld", (long long)f->id);
		cef_ext(&x->b, "externalId", rt);
	}
	cs_buf_adds(&x->b, "\n");
	if (fwrite(x->b.p, 1, x->b.len, x->out) != x->b.len)
		x->failed = true;
	x->n++;
	return 0;
}

/* CMDB: the columns of a configuration item, in order. */
const char *const cs_out_ci_cols[CS_OUT_CI_NCOLS] = {
    "ci_id",        "name",         "ip",
    "mac",          "manufacturer", "manufacturer_country",
    "brand",        "model",        "firmware",
    "device_class", "surveillance", "serial",
    "site",         "location",     "owner",
    "first_seen",   "last_seen",    "source"};

int
cs_out_ci_owner(void *arg, const struct cs_finding_row *f)
{
	struct cs_out_ci *c = arg;

	/* a finding without an address (a device only the switches know)
	 * is its device's, by id */
	if (f->owner[0] == '\0' || (f->ip[0] == '\0' && f->device_id <= 0))
		return 0;
	for (size_t i = 0; i < c->nowners; i++)
		if (f->ip[0] ? strcmp(c->owners[i].ip, f->ip) == 0
			     : c->owners[i].ip[0] == '\0' &&
				   c->owners[i].device_id == f->device_id)
			return 0;
	c->owners = cs_xrealloc(c->owners, c->nowners + 1, sizeof(*c->owners));
	cs_strlcpy(c->owners[c->nowners].ip, f->ip, sizeof(c->owners[0].ip));
	c->owners[c->nowners].device_id = f->device_id;
	cs_strlcpy(c->owners[c->nowners].owner, f->owner,
		   sizeof(c->owners[0].owner));
	c->nowners++;
	return 0;
}

/* One item: r, with p where a switch alone knows the device. */
static int
ci_item(struct cs_out_ci *c, const struct cs_device_row *r,
	const struct cs_placement_row *p)
{
	struct cs_out_exp *x = c->x;
	char id[48], first[32], last[32], loc[384];
	const char *owner = "";
	int surv = cs_identity_surveillance(&r->id);
	const char *vals[CS_OUT_CI_NCOLS];

	for (size_t i = 0; i < c->nowners; i++)
		if (r->ip[0] ? strcmp(c->owners[i].ip, r->ip) == 0
			     : c->owners[i].ip[0] == '\0' &&
				   c->owners[i].device_id == r->device_id)
			owner = c->owners[i].owner;
	snprintf(id, sizeof(id), "camsweep-device-%lld",
		 (long long)r->device_id);
	cs_date_format(r->first_seen, CS_DATE_TIME, first, sizeof(first));
	cs_date_format(r->last_seen, CS_DATE_TIME, last, sizeof(last));
	vals[0] = id;
	vals[1] = r->ip[0] ? r->ip : r->mac; /* no address: its MAC */
	vals[2] = r->ip;
	vals[3] = r->mac;
	vals[4] = r->id.manufacturer;
	vals[5] = r->id.manufacturer_country;
	vals[6] = r->id.brand;
	vals[7] = r->id.model;
	vals[8] = r->id.firmware;
	vals[9] = r->id.device_class == CS_CLASS_UNKNOWN
		      ? ""
		      : cs_class_name(r->id.device_class);
	vals[10] = surv > 0 ? "true" : surv == 0 ? "false" : "";
	vals[11] = r->serial;
	vals[12] = r->site;
	vals[13] = r->site;
	if (p != NULL) {
		/* where the switch says it is plugged in */
		snprintf(loc, sizeof(loc), "%s%sswitch %s port %s", r->site,
			 r->site[0] ? " " : "", p->sw, p->port);
		vals[13] = loc;
	}
	vals[14] = owner;
	vals[15] = first;
	vals[16] = last;
	vals[17] = "camsweep";
	cs_buf_reset(&x->b);
	if (c->csv) {
		for (size_t i = 0; i < CS_OUT_CI_NCOLS; i++) {
			if (i)
				cs_buf_adds(&x->b, ",");
			cs_esc_csv(&x->b, vals[i], strlen(vals[i]));
		}
	} else {
		json_object *o = json_object_new_object();
		for (size_t i = 0; i < CS_OUT_CI_NCOLS; i++) {
			json_object *v = NULL;
			if (i == 10 && vals[i][0])
				v = json_object_new_boolean(surv > 0);
			else if (i != 10 && vals[i][0])
				v = json_object_new_string(vals[i]);
			json_object_object_add(o, cs_out_ci_cols[i], v);
		}
		cs_out_json_value(&x->b, o);
		json_object_put(o);
	}
	cs_buf_adds(&x->b, "\n");
	if (fwrite(x->b.p, 1, x->b.len, x->out) != x->b.len)
		x->failed = true;
	x->n++;
	return 0;
}

int
cs_out_ci_device(void *arg, const struct cs_device_row *r)
{
	return ci_item(arg, r, NULL);
}

int
cs_out_ci_placed(void *arg, const struct cs_placed_device *d)
{
	struct cs_device_row *r = cs_xcalloc(1, sizeof(*r));
	int rc;

	cs_audit_placed_row(d, NULL, r); /* the identity stored from its MAC */
	rc = ci_item(arg, r, &d->place);
	free(r);
	return rc;
}
