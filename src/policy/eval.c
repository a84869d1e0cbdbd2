/* SPDX-License-Identifier: ISC */
/* Findings of a regime for one device (see eval.h, docs/policy.md). */
#include "policy/eval.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/str.h"
#include "policy/lex.h"
#include "core/poison.h"

#define CHAIN_MAX 16
#define CHAIN_DEPTH 5

/* One company in the control chain of a device, as of the date. */
struct link {
	char name[96];
	char country[4];
	char how[200]; /* how it got into the chain */
};

void
cs_policy_today(char out[11])
{
	time_t t = time(NULL);
	struct tm tm;

	out[0] = '\0';
	if (gmtime_r(&t, &tm) == NULL ||
	    strftime(out, 11, "%Y-%m-%d", &tm) != 10)
		out[0] = '\0';
}

/* True if the dated fact [from, to) holds on as_of ("" = open). */
static bool
holds(const char *from, const char *to, const char *as_of)
{
	char f[11], t[11];

	if (cs_policy_date_norm(from, f) && strcmp(as_of, f) < 0)
		return false;
	if (cs_policy_date_norm(to, t) && strcmp(as_of, t) >= 0)
		return false;
	return true;
}

static bool
in_chain(const struct link *c, size_t n, const char *name)
{
	for (size_t i = 0; i < n; i++)
		if (cs_span_ieq(cs_span_make(c[i].name, strlen(c[i].name)),
				name))
			return true;
	return false;
}

/* Relations that do not (yet) give control. */
static bool
controls(const char *rel)
{
	return strcmp(rel, "sale-announced") != 0 &&
	       strncmp(rel, "former", 6) != 0;
}

/*
 * Builds the chain: the maker, the brand, then the owners of each as of
 * the date, up to CHAIN_DEPTH levels.  Returns the number of links.
 */
static size_t
build_chain(const struct cs_eval_ctx *ctx, const struct cs_identity *id,
	    struct link *c)
{
	struct cs_ownership own[CS_FP_MAX_OWNERSHIP];
	struct cs_maker_info *mi = malloc(sizeof(*mi));
	size_t n = 0, done = 0;
	unsigned depth[CHAIN_MAX];

	if (mi == NULL)
		return 0;
	if (id->manufacturer[0] != '\0') {
		cs_strlcpy(c[n].name, id->manufacturer, sizeof(c[n].name));
		cs_strlcpy(c[n].country, id->manufacturer_country,
			   sizeof(c[n].country));
		if (cs_fpdb_maker_info(ctx->db, id->manufacturer, mi) == 0 &&
		    mi->country[0] != '\0')
			cs_strlcpy(c[n].country, mi->country,
				   sizeof(c[n].country));
		snprintf(c[n].how, sizeof(c[n].how), "manufacturer %s%s%s%s",
			 id->manufacturer, c[n].country[0] ? " (" : "",
			 c[n].country, c[n].country[0] ? ")" : "");
		depth[n++] = 0;
	}
	if (id->brand[0] != '\0' && !in_chain(c, n, id->brand)) {
		cs_strlcpy(c[n].name, id->brand, sizeof(c[n].name));
		c[n].country[0] = '\0';
		snprintf(c[n].how, sizeof(c[n].how), "brand %s", id->brand);
		depth[n++] = 0;
	}
	while (done < n) {
		struct link *cur = &c[done];
		unsigned d = depth[done++];
		size_t k;

		if (d >= CHAIN_DEPTH)
			continue;
		k = cs_fpdb_ownership(ctx->db, cur->name, own, CS_NELEM(own));
		if (k > CS_NELEM(own))
			k = CS_NELEM(own);
		for (size_t i = 0; i < k && n < CHAIN_MAX; i++) {
			const struct cs_ownership *o = &own[i];
			if (o->depth != 0 || !controls(o->relation) ||
			    !holds(o->from, o->to, ctx->as_of) ||
			    in_chain(c, n, o->owner))
				continue;
			cs_strlcpy(c[n].name, o->owner, sizeof(c[n].name));
			cs_strlcpy(c[n].country, o->owner_country,
				   sizeof(c[n].country));
			if (cs_fpdb_maker_info(ctx->db, o->owner, mi) == 0 &&
			    mi->country[0] != '\0')
				cs_strlcpy(c[n].country, mi->country,
					   sizeof(c[n].country));
			snprintf(c[n].how, sizeof(c[n].how),
				 "%s %s %s%s%s%s (from %s%s%s)", o->entity,
				 o->relation, o->owner,
				 c[n].country[0] ? " (" : "", c[n].country,
				 c[n].country[0] ? ")" : "",
				 o->from[0] ? o->from : "?",
				 o->to[0] ? " to " : "", o->to);
			depth[n++] = d + 1;
		}
	}
	free(mi);
	return n;
}

/* Canonical maker name of s, or s itself. */
static void
canon(const struct cs_eval_ctx *ctx, const char *s, char *out, size_t osz)
{
	char maker[64], brand[64];

	if (cs_fpdb_lookup_brand(ctx->db, s, brand, sizeof(brand), maker,
				 sizeof(maker), NULL) == 0 &&
	    brand[0] == '\0' && maker[0] != '\0')
		cs_strlcpy(out, maker, osz);
	else
		cs_strlcpy(out, s, osz);
}

bool
cs_policy_covered(const struct cs_eval_ctx *ctx, const struct cs_regime *r,
		  const struct cs_identity *id, char *why, size_t whysz)
{
	struct link c[CHAIN_MAX];
	size_t n = build_chain(ctx, id, c);
	size_t lim;

	why[0] = '\0';
	if (n == 0) {
		snprintf(why, whysz, "maker not identified");
		return false;
	}
	lim = r->affiliates ? n : 1;
	if (r->test == CS_TEST_PRC) {
		for (size_t i = 0; i < lim; i++)
			if (strcmp(c[i].country, "CN") == 0) {
				snprintf(why, whysz,
					 "%s: incorporated in the PRC, subject "
					 "to the National Intelligence Law "
					 "(pending the department's review)",
					 c[i].how);
				return true;
			}
		snprintf(why, whysz,
			 "no maker or parent incorporated in the "
			 "PRC as of %s (%s)",
			 ctx->as_of, c[0].how);
		return false;
	}
	for (size_t i = 0; i < lim; i++) {
		char a[96];
		canon(ctx, c[i].name, a, sizeof(a));
		for (size_t j = 0; j < r->nent; j++) {
			const struct cs_regime_entity *e = &r->ent[j];
			const char *since =
			    e->since[0] ? e->since : r->effective;
			char b[96];
			canon(ctx, e->name, b, sizeof(b));
			if (!cs_span_ieq(cs_span_make(a, strlen(a)), b) &&
			    !cs_span_ieq(
				cs_span_make(c[i].name, strlen(c[i].name)),
				e->name))
				continue;
			if (strcmp(ctx->as_of, since) < 0)
				continue;
			snprintf(why, whysz, "%s: %s%s %s listed from %s%s",
				 c[i].how,
				 i > 0 ? "subsidiary/affiliate of " : "",
				 e->name, e->legal[0] ? "(" : "", since,
				 e->legal[0] ? "" : "");
			if (e->legal[0]) {
				size_t l = strlen(why);
				snprintf(why + l, whysz - l,
					 "; named as \"%s\"", e->legal);
			}
			return true;
		}
	}
	snprintf(why, whysz, "no listed entity in the chain as of %s (%s)",
		 ctx->as_of, c[0].how);
	return false;
}

/* Severity from coverage, sensitivity and zone (docs/policy.md §5). */
static enum cs_severity
severity(bool covered, bool sensitive, bool core, bool unknown)
{
	if (covered && sensitive && core)
		return CS_SEV_CRITICAL;
	if (covered && (sensitive || core))
		return CS_SEV_HIGH;
	if (covered)
		return CS_SEV_MEDIUM;
	if (core)
		return sensitive ? CS_SEV_HIGH : CS_SEV_MEDIUM;
	if (unknown)
		return sensitive ? CS_SEV_MEDIUM : CS_SEV_LOW;
	return CS_SEV_INFO;
}

static const char *
action_text(const char *action)
{
	if (strcmp(action, "cease-deployment") == 0)
		return "cease deployment: install no more such equipment on "
		       "this site";
	if (strcmp(action, "remove-replace") == 0)
		return "remove and replace this device";
	if (strcmp(action, "disconnect") == 0)
		return "disconnect from the core network";
	if (strcmp(action, "review") == 0)
		return "review: decide whether to extend the mitigation to "
		       "this site";
	if (strcmp(action, "deployed-in-breach") == 0)
		return "deployed after the rule took effect: remove, and "
		       "record how it was installed";
	if (strcmp(action, "identify") == 0)
		return "identify the maker of this surveillance device";
	return action;
}

int
cs_policy_eval_device(const struct cs_eval_ctx *ctx, const struct cs_regime *r,
		      const struct cs_eval_device *dev, cs_eval_cb cb,
		      void *arg)
{
	const struct cs_identity *id = dev->id;
	struct cs_estate_where w;
	struct cs_finding_row *f;
	char why[600];
	bool covered, sensitive, core, unknown, surv, isnew;
	int count = 0;

	if (strcmp(ctx->as_of, r->effective) < 0)
		return 0;
	cs_estate_locate(ctx->estate, dev->ip, &w);
	/* Two sites may use the same private range: the site the device
	 * was seen at (its sensor) decides when the estate knows it. */
	if (dev->site != NULL && dev->site[0] != '\0' && ctx->estate != NULL) {
		const struct cs_estate_site *ds =
		    cs_estate_site_find(ctx->estate, dev->site);
		if (ds != NULL && ds != w.site) {
			memset(&w, 0, sizeof(w));
			w.site = ds;
			for (size_t i = 0; i < ctx->estate->ndept; i++)
				if (strcmp(ctx->estate->dept[i].id, ds->dept) ==
				    0)
					w.dept = &ctx->estate->dept[i];
		}
	}
	covered = cs_policy_covered(ctx, r, id, why, sizeof(why));
	sensitive = w.site != NULL && w.site->sensitive;
	core = w.zone == CS_ZONE_CORE || dev->reach_core;
	unknown = id->manufacturer[0] == '\0';
	surv = id->surveillance;
	f = calloc(1, sizeof(*f));
	if (f == NULL)
		return CS_ENOMEM;
	for (size_t i = 0; i < r->nobl; i++) {
		const struct cs_obligation *o = &r->obl[i];
		const char *eff = o->effective[0] ? o->effective : r->effective;
		unsigned wn = o->when;
		enum cs_severity sev;
		char t[11] = "";
		int rc;

		if (strcmp(ctx->as_of, eff) < 0)
			continue;
		isnew = false;
		if (wn & CS_WHEN_NEW) {
			time_t fs = (time_t)dev->first_seen;
			struct tm tm;
			if (gmtime_r(&fs, &tm) == NULL ||
			    strftime(t, sizeof(t), "%Y-%m-%d", &tm) != 10)
				t[0] = '\0';
			isnew = dev->new_since_baseline && strcmp(t, eff) >= 0;
		}
		if (((wn & CS_WHEN_COVERED) && !covered) ||
		    ((wn & CS_WHEN_SENSITIVE) && !sensitive) ||
		    ((wn & CS_WHEN_NONSENSITIVE) && sensitive) ||
		    ((wn & CS_WHEN_CORE) && !core) ||
		    ((wn & CS_WHEN_SURVEILLANCE) && !surv) ||
		    ((wn & CS_WHEN_UNKNOWN_MAKE) && !unknown) ||
		    ((wn & CS_WHEN_NEW) && !isnew))
			continue;
		/* Equipment that is neither covered nor surveillance is out. */
		if (!covered && !surv)
			continue;
		memset(f, 0, sizeof(*f));
		/* The same address at two sites is two findings. */
		if (dev->site != NULL && dev->site[0] != '\0')
			snprintf(f->key, sizeof(f->key), "%s@%s|%s|%s",
				 dev->site, dev->ip, r->id, o->id);
		else
			snprintf(f->key, sizeof(f->key), "%s|%s|%s", dev->ip,
				 r->id, o->id);
		cs_strlcpy(f->ip, dev->ip, sizeof(f->ip));
		f->device_id = dev->device_id;
		cs_strlcpy(f->mac, dev->mac ? dev->mac : "", sizeof(f->mac));
		cs_strlcpy(f->manufacturer, id->manufacturer,
			   sizeof(f->manufacturer));
		cs_strlcpy(f->manufacturer_country, id->manufacturer_country,
			   sizeof(f->manufacturer_country));
		cs_strlcpy(f->brand, id->brand, sizeof(f->brand));
		cs_strlcpy(f->model, id->model, sizeof(f->model));
		cs_strlcpy(f->firmware, id->firmware, sizeof(f->firmware));
		cs_strlcpy(f->device_class, cs_class_name(id->device_class),
			   sizeof(f->device_class));
		f->confidence = id->confidence;
		if (w.site != NULL) {
			cs_strlcpy(f->site, w.site->id, sizeof(f->site));
			cs_strlcpy(f->site_name, w.site->name,
				   sizeof(f->site_name));
			cs_strlcpy(f->sensitivity_reason, w.site->reason,
				   sizeof(f->sensitivity_reason));
		}
		if (w.dept != NULL) {
			cs_strlcpy(f->department, w.dept->id,
				   sizeof(f->department));
			cs_strlcpy(f->department_name, w.dept->name,
				   sizeof(f->department_name));
		}
		cs_strlcpy(f->zone, cs_estate_zone_name(w.zone),
			   sizeof(f->zone));
		f->sensitive = sensitive;
		f->reach_core = dev->reach_core;
		cs_strlcpy(f->regime, r->id, sizeof(f->regime));
		cs_strlcpy(f->regime_version, r->version,
			   sizeof(f->regime_version));
		cs_strlcpy(f->obligation, o->id, sizeof(f->obligation));
		sev = severity(covered, sensitive, core, unknown);
		if (o->max_severity >= 0 && (int)sev > o->max_severity)
			sev = (enum cs_severity)o->max_severity;
		f->severity = sev;
		cs_strlcpy(f->action, o->action, sizeof(f->action));
		cs_strlcpy(f->action_text,
			   o->text[0] ? o->text : action_text(o->action),
			   sizeof(f->action_text));
		cs_strlcpy(f->deadline, o->deadline, sizeof(f->deadline));
		cs_strlcpy(f->citation,
			   o->citation[0] ? o->citation : r->citation,
			   sizeof(f->citation));
		cs_strlcpy(f->url, o->url[0] ? o->url : r->url, sizeof(f->url));
		snprintf(f->evidence, sizeof(f->evidence),
			 "identity: %s%s%s%s%s, model %s, firmware %s, class "
			 "%s, confidence %.2f; %s: %s; location: %s%s zone "
			 "%s%s%s%s%s",
			 id->manufacturer[0] ? id->manufacturer
					     : "unknown maker",
			 id->manufacturer_country[0] ? " (" : "",
			 id->manufacturer_country,
			 id->manufacturer_country[0] ? ")" : "",
			 id->brand[0] && strcmp(id->brand, id->manufacturer)
			     ? (const char *)", brand "
			     : "",
			 id->model[0] ? id->model : "?",
			 id->firmware[0] ? id->firmware : "?",
			 cs_class_name(id->device_class), id->confidence,
			 covered ? "covered" : "not covered", why,
			 w.site ? w.site->id : "unmapped",
			 sensitive ? " (sensitive)" : "",
			 w.zone ? cs_estate_zone_name(w.zone) : "-",
			 dev->reach_core ? "; answered from core vantage " : "",
			 dev->reach_core ? dev->reach_vantage : "",
			 isnew ? "; first seen " : "", isnew ? t : "");
		if (id->brand[0] && strcmp(id->brand, id->manufacturer)) {
			/* Insert the brand name after ", brand ". */
			char tmp[sizeof(f->evidence)];
			const char *pos = strstr(f->evidence, ", brand ");
			if (pos != NULL) {
				size_t pre = (size_t)(pos - f->evidence) + 8;
				snprintf(tmp, sizeof(tmp), "%.*s%s%s", (int)pre,
					 f->evidence, id->brand,
					 f->evidence + pre);
				cs_strlcpy(f->evidence, tmp,
					   sizeof(f->evidence));
			}
		}
		cs_strlcpy(f->as_of, ctx->as_of, sizeof(f->as_of));
		cs_strlcpy(f->status, "open", sizeof(f->status));
		f->first_seen = dev->first_seen;
		f->last_scan = dev->scan_id;
		f->assessed_at = ctx->now;
		rc = cb(arg, f);
		if (rc != 0) {
			free(f);
			return rc > 0 ? -rc : rc;
		}
		count++;
	}
	free(f);
	return count;
}
