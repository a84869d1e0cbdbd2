/* SPDX-License-Identifier: ISC */
/* A finding as text or JSON, and terminal-escaped text; see output.h. */
#include "cli/output.h"
#include "cli/cli.h"

#include <json-c/json.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "core/buf.h"
#include "core/escape.h"
#include "policy/lex.h"
#include "core/poison.h"

/* Prints device-supplied text with terminal escaping. */
void
cs_out_term(FILE *f, const char *s)
{
	struct cs_buf b;

	cs_buf_init(&b, 1 << 16);
	cs_esc_term(&b, s, strlen(s));
	fputs(cs_buf_str(&b), f);
	cs_buf_free(&b);
}

const char *
cs_out_finding_where(const struct cs_finding_row *f)
{
	/* a device only the switches know may have no address */
	return f->ip[0] ? f->ip : f->mac[0] ? f->mac : "-";
}

json_object *
cs_cli_finding_json(const struct cs_finding_row *f)
{
	json_object *o = json_object_new_object();

#define S(k, v) json_object_object_add(o, k, json_object_new_string(v))
#define I(k, v) json_object_object_add(o, k, json_object_new_int64(v))
	I("id", f->id);
	S("ip", f->ip);
	S("mac", f->mac);
	S("manufacturer", f->manufacturer);
	S("manufacturer_country", f->manufacturer_country);
	S("brand", f->brand);
	S("model", f->model);
	S("firmware", f->firmware);
	S("device_class", f->device_class);
	/* as the table shows it: four decimals */
	json_object_object_add(
	    o, "confidence",
	    json_object_new_double(round(f->confidence * 10000.0) / 10000.0));
	S("site", f->site);
	S("site_name", f->site_name);
	S("department", f->department);
	S("zone", f->zone);
	json_object_object_add(o, "sensitive",
			       json_object_new_boolean(f->sensitive));
	S("sensitivity_reason", f->sensitivity_reason);
	json_object_object_add(o, "reach_core",
			       json_object_new_boolean(f->reach_core));
	S("regime", f->regime);
	S("regime_version", f->regime_version);
	S("obligation", f->obligation);
	S("severity", cs_severity_name(f->severity));
	S("action", f->action);
	S("action_text", f->action_text);
	S("deadline", f->deadline);
	S("citation", f->citation);
	S("url", f->url);
	S("evidence", f->evidence);
	S("as_of", f->as_of);
	S("status", f->status);
	S("status_until", f->status_until);
	S("owner", f->owner);
	S("due", f->due);
	S("note", f->note);
	I("first_seen", f->first_seen);
	I("first_scan", f->first_scan);
	I("last_scan", f->last_scan);
	I("verified_scan", f->verified_scan);
#undef S
#undef I
	return o;
}

void
cs_out_finding(const struct cs_finding_row *f, bool json, int ipw)
{
	if (json) {
		json_object *o = cs_cli_finding_json(f);
		cs_out_json_puts(stdout, o);
		json_object_put(o);
		return;
	}
	printf("#%-4lld %-8s %-*s %-10s %-5s ", (long long)f->id,
	       cs_severity_name(f->severity), ipw, cs_out_finding_where(f),
	       f->site[0] ? f->site : "-", f->zone[0] ? f->zone : "-");
	cs_out_term(stdout, f->manufacturer[0] ? f->manufacturer : "unknown");
	if (f->brand[0] && strcmp(f->brand, f->manufacturer) != 0) {
		fputs("/", stdout);
		cs_out_term(stdout, f->brand);
	}
	printf("  %s/%s %s%s%s [%s%s%s]\n", f->regime, f->obligation, f->action,
	       f->deadline[0] ? " by " : "", f->deadline, f->status,
	       f->owner[0] ? " " : "", f->owner);
	fputs("      why: ", stdout);
	cs_out_term(stdout, f->evidence);
	printf("\n      cite: %s%s%s\n", f->citation, f->url[0] ? " <" : "",
	       f->url);
	if (f->url[0])
		fputs("", stdout);
}

void
cs_out_reopened(void *arg, const struct cs_finding_row *f)
{
	if (!*(const bool *)arg)
		printf("reopened #%lld: %s is seen again\n", (long long)f->id,
		       cs_out_finding_where(f));
}

void
cs_out_closed(void *arg, const struct cs_finding_row *f, const char *how,
	      bool present)
{
	if (!*(const bool *)arg)
		printf("%s #%lld: %s %s\n", how, (long long)f->id,
		       cs_out_finding_where(f),
		       present ? "(rule no longer applies)"
			       : "no longer seen by this scan");
}
