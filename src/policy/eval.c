/* SPDX-License-Identifier: ISC */
/* Findings of a regime for one device (see eval.h, docs/policy.md). */
#include "policy/eval.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/str.h"
#include "core/text.h"
#include "policy/lex.h"
#include "core/poison.h"

#define CHAIN_MAX 16
#define CHAIN_DEPTH 5

/* One company in the control chain of a device, as of the date. */
struct link {
	char name[96];
	char country[4];
	char how[240];  /* who it is and how it got into the chain, as a
			   noun phrase: "the manufacturer, Dahua (CN)" */
	unsigned depth; /* 0: the maker or the brand; n: n owners up */
};

void
cs_policy_finding_identity(struct cs_finding_row *f,
			   const struct cs_identity *id)
{
	cs_strlcpy(f->manufacturer, id->manufacturer, sizeof(f->manufacturer));
	cs_strlcpy(f->manufacturer_country, id->manufacturer_country,
		   sizeof(f->manufacturer_country));
	cs_strlcpy(f->brand, id->brand, sizeof(f->brand));
	cs_strlcpy(f->model, id->model, sizeof(f->model));
	cs_strlcpy(f->firmware, id->firmware, sizeof(f->firmware));
	cs_strlcpy(f->device_class, cs_class_name(id->device_class),
		   sizeof(f->device_class));
	f->confidence = id->confidence;
}

void
cs_policy_today(char out[11])
{
	cs_date_format((int64_t)time(NULL), 0, out, 11);
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
		snprintf(c[n].how, sizeof(c[n].how),
			 "the manufacturer, %s%s%s%s", id->manufacturer,
			 c[n].country[0] ? " (" : "", c[n].country,
			 c[n].country[0] ? ")" : "");
		c[n].depth = 0;
		depth[n++] = 0;
	}
	if (id->brand[0] != '\0' && !in_chain(c, n, id->brand)) {
		cs_strlcpy(c[n].name, id->brand, sizeof(c[n].name));
		c[n].country[0] = '\0';
		snprintf(c[n].how, sizeof(c[n].how), "the brand, %s",
			 id->brand);
		c[n].depth = 0;
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
				 "%s%s%s%s, owner of %s (%s, from %s%s%s)",
				 o->owner, c[n].country[0] ? " (" : "",
				 c[n].country, c[n].country[0] ? ")" : "",
				 o->entity, o->relation,
				 o->from[0] ? o->from : "a date not recorded",
				 o->to[0] ? " to " : "", o->to);
			c[n].depth = d + 1;
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

/*
 * The maker test of regime r: true when the maker, brand or (with
 * affiliates) an owner in the chain meets it; *ent is the listed entity
 * that matched (NULL for test=prc).
 */
static bool
maker_test(const struct cs_eval_ctx *ctx, const struct cs_regime *r,
	   const struct cs_identity *id, char *why, size_t whysz,
	   const struct cs_regime_entity **ent)
{
	struct link c[CHAIN_MAX];
	size_t n = build_chain(ctx, id, c);
	size_t lim;

	why[0] = '\0';
	if (r->test == CS_TEST_NONE) {
		snprintf(why, whysz,
			 "this rule is not about makers; it applies to "
			 "surveillance equipment of any make");
		return false;
	}
	if (n == 0) {
		snprintf(why, whysz, "maker not identified");
		return false;
	}
	lim = r->affiliates ? n : 1;
	if (r->test == CS_TEST_PRC) {
		for (size_t i = 0; i < lim; i++)
			if (strcmp(c[i].country, "CN") == 0) {
				snprintf(why, whysz,
					 "%s, is incorporated in the PRC and "
					 "so subject to its National "
					 "Intelligence Law (pending the "
					 "department's review)",
					 c[i].how);
				return true;
			}
		snprintf(why, whysz,
			 "neither %s, nor any owner is incorporated in the "
			 "PRC as of %s",
			 c[0].how, ctx->as_of);
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
			*ent = e;
			if (c[i].depth == 0)
				snprintf(why, whysz,
					 "%s, is the listed entity %s (listed "
					 "from %s)",
					 c[i].how, e->name, since);
			else
				snprintf(why, whysz,
					 "%s, is the listed entity %s, so the "
					 "maker is its subsidiary or affiliate "
					 "(listed from %s)",
					 c[i].how, e->name, since);
			if (e->legal[0]) {
				size_t l = strlen(why);
				snprintf(why + l, whysz - l,
					 "; the instrument names \"%s\"",
					 e->legal);
			}
			return true;
		}
	}
	snprintf(why, whysz,
		 "neither %s, nor any owner is a listed entity as of %s",
		 c[0].how, ctx->as_of);
	return false;
}

enum cs_cover
cs_policy_coverage(const struct cs_eval_ctx *ctx, const struct cs_regime *r,
		   const struct cs_identity *id, char *why, size_t whysz)
{
	const struct cs_regime_entity *ent = NULL;
	uint32_t mask, video = cs_regime_video_classes();
	enum cs_class c = id->device_class;
	char list[256];

	if (!maker_test(ctx, r, id, why, whysz, &ent))
		return CS_COVER_NO;
	mask = ent != NULL && ent->classes != 0 ? ent->classes : r->classes;
	cs_regime_classes_str(mask, list, sizeof(list));
	/* "camera,nvr" reads as "camera, nvr" in a sentence. */
	{
		char tmp[sizeof(list)];
		size_t k = 0;
		for (const char *p = list; *p && k + 2 < sizeof(tmp); p++) {
			tmp[k++] = *p;
			if (*p == ',')
				tmp[k++] = ' ';
		}
		tmp[k] = '\0';
		cs_strlcpy(list, tmp, sizeof(list));
	}
	if (mask == CS_CLASSES_ANY)
		return CS_COVER_YES;
	if (c != CS_CLASS_UNKNOWN && (unsigned)c < CS_CLASS_COUNT) {
		if (mask & (1u << c)) {
			cs_strcatf(why, whysz,
				   "; the class %s is among those the regime "
				   "covers (%s)",
				   cs_class_name(c), list);
			return CS_COVER_YES;
		}
		cs_strcatf(why, whysz,
			   "; but the class %s is not among those the regime "
			   "covers (%s)",
			   cs_class_name(c), list);
		return CS_COVER_NO;
	}
	/* Class not established.  Surveillance presumed from the maker
	 * alone (cctv=mostly) is not established: the class is to confirm. */
	if (cs_identity_surveillance_presumed(id)) {
		cs_strcatf(why, whysz,
			   "; its class is not established: video-surveillance "
			   "equipment is presumed from the maker (it makes "
			   "mostly that), and the regime covers %s: presumed "
			   "from maker; confirm class",
			   list);
		return CS_COVER_CLASS;
	}
	/* Surveillance established without a class (a maker of nothing
	 * else, or a video role) is covered when every video class is. */
	if (id->surveillance && (mask & video) == video) {
		cs_strcatf(why, whysz,
			   "; its class is not established, but it is "
			   "video-surveillance equipment, which the regime "
			   "covers (%s)",
			   list);
		return CS_COVER_YES;
	}
	cs_strcatf(why, whysz,
		   "; its class is not established, and the regime covers "
		   "only %s: confirm what it is",
		   list);
	return CS_COVER_CLASS;
}

bool
cs_policy_covered(const struct cs_eval_ctx *ctx, const struct cs_regime *r,
		  const struct cs_identity *id, char *why, size_t whysz)
{
	return cs_policy_coverage(ctx, r, id, why, whysz) == CS_COVER_YES;
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
	if (strcmp(action, "confirm-class") == 0)
		return "confirm what this device is: its maker is covered, but "
		       "whether it is equipment this regime covers (its class) "
		       "is not established; no action until confirmed";
	return action;
}

/* The confirm-class action when surveillance is presumed from the maker. */
#define CONFIRM_PRESUMED_TEXT                                                  \
	"presumed from maker; confirm class: its maker makes mostly "          \
	"video-surveillance equipment, but this device's class is not "        \
	"established; no action until confirmed"
_Static_assert(sizeof(CONFIRM_PRESUMED_TEXT) <=
		   sizeof(((struct cs_obligation *)0)->text),
	       "the presumed confirm-class text fits an obligation's text");

/* What one device's evaluation under one regime shares. */
struct evalst {
	const struct cs_eval_ctx *ctx;
	const struct cs_regime *r;
	const struct cs_eval_device *dev;
	struct cs_estate_where w;
	const char *why;
	bool covered, sensitive, core, unknown;
	bool confirm;                 /* maker covered, class not established */
	enum cs_zone pzone, pvz, psz; /* of the placement, if any */
};

/*
 * The finding's evidence as sentences, each fact once: the identity (a
 * brand only when it differs from the maker, model and firmware only when
 * known), why the regime covers it or not, and where it is.
 */
static void
evidence_text(const struct evalst *st, bool isnew, const char *t, char *out,
	      size_t outsz)
{
	const struct cs_identity *id = st->dev->id;
	const struct cs_estate_where *w = &st->w;

	out[0] = '\0';
	if (id->manufacturer[0]) {
		cs_strcatf(out, outsz, "Identity: %s", id->manufacturer);
		if (id->manufacturer_country[0])
			cs_strcatf(out, outsz, " (%s)",
				   id->manufacturer_country);
		if (id->device_class != CS_CLASS_UNKNOWN)
			cs_strcatf(out, outsz, " %s",
				   cs_class_name(id->device_class));
		else
			cs_strcatf(out, outsz, ", class not established");
	} else {
		cs_strcatf(out, outsz, "Identity: %s, maker not identified",
			   id->device_class != CS_CLASS_UNKNOWN
			       ? cs_class_name(id->device_class)
			       : "class not established");
	}
	if (id->brand[0] && strcmp(id->brand, id->manufacturer) != 0)
		cs_strcatf(out, outsz, ", brand %s", id->brand);
	if (id->model[0])
		cs_strcatf(out, outsz, ", model %s", id->model);
	if (id->firmware[0])
		cs_strcatf(out, outsz, ", firmware %s", id->firmware);
	cs_strcatf(out, outsz, ", confidence %.2f. ", id->confidence);
	if (st->r->test == CS_TEST_EXPOSURE)
		cs_strcatf(out, outsz, "Exposure: %s.", st->why);
	else if (!id->manufacturer[0] && st->r->test != CS_TEST_NONE)
		cs_strcatf(out, outsz,
			   "Coverage cannot be judged until the "
			   "maker is identified.");
	else
		cs_strcatf(out, outsz, "%s: %s.",
			   st->covered   ? "Covered"
			   : st->confirm ? "Maker covered, class to confirm"
					 : "Not covered",
			   st->why);
	if (w->site != NULL)
		cs_strcatf(out, outsz, " Location: site %s%s, zone %s",
			   w->site->id, st->sensitive ? " (sensitive)" : "",
			   w->zone ? cs_estate_zone_name(w->zone)
				   : "not mapped");
	else if (st->dev->ip[0] == '\0')
		cs_strcatf(out, outsz,
			   " Location: no address, known only from its switch "
			   "port");
	else
		cs_strcatf(out, outsz,
			   " Location: not in the estate (unmapped)");
	if (st->dev->reach_core)
		cs_strcatf(out, outsz, "; answered from core vantage %s",
			   st->dev->reach_vantage);
	if (st->dev->place != NULL) {
		const struct cs_placement_row *p = st->dev->place;
		cs_strcatf(out, outsz, "; plugged into switch %s port %s",
			   p->sw, p->port);
		if (p->vlan > 0)
			cs_strcatf(out, outsz, " VLAN %d", p->vlan);
		if (p->poe[0] != '\0')
			cs_strcatf(out, outsz, " (PoE %s)", p->poe);
		if (st->pzone != CS_ZONE_UNMAPPED)
			cs_strcatf(out, outsz, ", zone %s by %s",
				   cs_estate_zone_name(st->pzone),
				   st->pzone == st->pvz ? "VLAN" : "switch");
	}
	if (isnew)
		cs_strcatf(out, outsz, "; first seen %s", t);
	cs_strcatf(out, outsz, ".");
}

/* Fills f with the finding of obligation o (isnew, t: first seen after
 * the obligation took effect, on date t). */
static void
fill(const struct evalst *st, const struct cs_obligation *o, bool isnew,
     const char *t, struct cs_finding_row *f)
{
	const struct cs_eval_ctx *ctx = st->ctx;
	const struct cs_regime *r = st->r;
	const struct cs_eval_device *dev = st->dev;
	const struct cs_identity *id = dev->id;
	const struct cs_estate_where w = st->w;
	bool covered = st->covered, sensitive = st->sensitive;
	/* A class to confirm weighs as an unknown make does. */
	bool core = st->core,
	     unknown = st->unknown || strcmp(o->action, "confirm-class") == 0;
	enum cs_severity sev;

	memset(f, 0, sizeof(*f));
	/* The same address at two sites is two findings. */
	if (dev->site != NULL && dev->site[0] != '\0')
		snprintf(f->key, sizeof(f->key), "%s@%s|%s|%s", dev->site,
			 dev->key != NULL ? dev->key : dev->ip, r->id, o->id);
	else
		snprintf(f->key, sizeof(f->key), "%s|%s|%s",
			 dev->key != NULL ? dev->key : dev->ip, r->id, o->id);
	cs_strlcpy(f->ip, dev->ip, sizeof(f->ip));
	f->device_id = dev->device_id;
	cs_strlcpy(f->mac, dev->mac ? dev->mac : "", sizeof(f->mac));
	cs_policy_finding_identity(f, id);
	if (w.site != NULL) {
		cs_strlcpy(f->site, w.site->id, sizeof(f->site));
		cs_strlcpy(f->site_name, w.site->name, sizeof(f->site_name));
		cs_strlcpy(f->sensitivity_reason, w.site->reason,
			   sizeof(f->sensitivity_reason));
	}
	if (w.dept != NULL) {
		cs_strlcpy(f->department, w.dept->id, sizeof(f->department));
		cs_strlcpy(f->department_name, w.dept->name,
			   sizeof(f->department_name));
	}
	/* Where the switch says it is plugged in wins for core; a device
	 * with no address is where its port is. */
	cs_strlcpy(f->zone,
		   cs_estate_zone_name(st->pzone == CS_ZONE_CORE ? CS_ZONE_CORE
				       : dev->ip[0] == '\0' &&
					       w.zone == CS_ZONE_UNMAPPED
					   ? st->pzone
					   : w.zone),
		   sizeof(f->zone));
	f->sensitive = sensitive;
	f->reach_core = dev->reach_core;
	cs_strlcpy(f->regime, r->id, sizeof(f->regime));
	cs_strlcpy(f->regime_version, r->version, sizeof(f->regime_version));
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
	cs_strlcpy(f->citation, o->citation[0] ? o->citation : r->citation,
		   sizeof(f->citation));
	cs_strlcpy(f->url, o->url[0] ? o->url : r->url, sizeof(f->url));
	evidence_text(st, isnew, t, f->evidence, sizeof(f->evidence));
	cs_strlcpy(f->as_of, ctx->as_of, sizeof(f->as_of));
	cs_strlcpy(f->status, "open", sizeof(f->status));
	f->first_seen = dev->first_seen;
	f->last_scan = dev->scan_id;
	f->assessed_at = ctx->now;
}

/*
 * A test=exposure regime: each obligation in force raises one finding per
 * item of the device's exposure with its signal (one per flaw for kev),
 * where its when= conditions hold.  Severity as for covered equipment:
 * critical on a sensitive site's core network, high on either, medium
 * elsewhere (the obligation's max-severity caps it), so exploitable
 * units on sensitive sites and core networks come first.
 */
static int
eval_exposure(struct evalst *st, cs_eval_cb cb, void *arg)
{
	const struct cs_eval_ctx *ctx = st->ctx;
	const struct cs_regime *r = st->r;
	const struct cs_eval_device *dev = st->dev;
	const struct cs_exposure *e = dev->exposure;
	struct cs_finding_row *f;
	int count = 0;

	if (e == NULL || e->n == 0)
		return 0;
	/* The regime's classes: a device of another class is out; one of no
	 * established class is in when it is surveillance equipment. */
	if (r->classes != CS_CLASSES_ANY) {
		enum cs_class c = dev->id->device_class;
		bool in = c != CS_CLASS_UNKNOWN && (unsigned)c < CS_CLASS_COUNT
			      ? (r->classes & (1u << c)) != 0
			      : dev->id->surveillance;
		if (!in)
			return 0;
	}
	st->sensitive = st->w.site != NULL && st->w.site->sensitive;
	st->core = st->w.zone == CS_ZONE_CORE || dev->reach_core;
	st->unknown = dev->id->manufacturer[0] == '\0';
	st->covered = true;
	f = calloc(1, sizeof(*f));
	if (f == NULL)
		return CS_ENOMEM;
	for (size_t i = 0; i < r->nobl; i++) {
		const struct cs_obligation *o = &r->obl[i];
		const char *eff = o->effective[0] ? o->effective : r->effective;
		unsigned wn = o->when;

		if (strcmp(ctx->as_of, eff) < 0 ||
		    ((wn & CS_WHEN_SENSITIVE) && !st->sensitive) ||
		    ((wn & CS_WHEN_NONSENSITIVE) && st->sensitive) ||
		    ((wn & CS_WHEN_CORE) && !st->core) ||
		    ((wn & CS_WHEN_SURVEILLANCE) && !dev->id->surveillance) ||
		    ((wn & CS_WHEN_UNKNOWN_MAKE) && !st->unknown))
			continue;
		for (size_t j = 0; j < e->n && j < CS_EXPOSURE_MAX; j++) {
			const struct cs_exposure_item *it = &e->v[j];
			struct cs_obligation oc;
			int rc;

			if (strcmp(it->signal, o->signal) != 0)
				continue;
			oc = *o;
			if (it->id[0] != '\0')
				cs_strlcpy(oc.id, it->id, sizeof(oc.id));
			if (it->deadline[0] != '\0')
				cs_strlcpy(oc.deadline, it->deadline,
					   sizeof(oc.deadline));
			if (it->url[0] != '\0')
				cs_strlcpy(oc.url, it->url, sizeof(oc.url));
			st->why = it->evidence;
			fill(st, &oc, false, "", f);
			rc = cb(arg, f);
			if (rc != 0) {
				free(f);
				return rc > 0 ? -rc : rc;
			}
			count++;
		}
	}
	free(f);
	return count;
}

int
cs_policy_eval_device(const struct cs_eval_ctx *ctx, const struct cs_regime *r,
		      const struct cs_eval_device *dev, cs_eval_cb cb,
		      void *arg)
{
	const struct cs_identity *id = dev->id;
	struct evalst st;
	struct cs_finding_row *f;
	char why[600];
	enum cs_cover cov;
	bool surv, isnew, confirm, confirm_due = false;
	int count = 0;

	if (strcmp(ctx->as_of, r->effective) < 0)
		return 0;
	memset(&st, 0, sizeof(st));
	st.ctx = ctx;
	st.r = r;
	st.dev = dev;
	st.why = why;
	cs_estate_locate(ctx->estate, dev->ip, &st.w);
	/* Two sites may use the same private range: the site the device
	 * was seen at (its sensor) decides when the estate knows it. */
	if (dev->site != NULL && dev->site[0] != '\0' && ctx->estate != NULL) {
		const struct cs_estate_site *ds =
		    cs_estate_site_find(ctx->estate, dev->site);
		if (ds != NULL && ds != st.w.site) {
			memset(&st.w, 0, sizeof(st.w));
			st.w.site = ds;
			for (size_t i = 0; i < ctx->estate->ndept; i++)
				if (strcmp(ctx->estate->dept[i].id, ds->dept) ==
				    0)
					st.w.dept = &ctx->estate->dept[i];
		}
	}
	if (r->test == CS_TEST_EXPOSURE)
		return eval_exposure(&st, cb, arg);
	cov = cs_policy_coverage(ctx, r, id, why, sizeof(why));
	st.covered = cov == CS_COVER_YES;
	confirm = cov == CS_COVER_CLASS;
	st.confirm = confirm;
	st.sensitive = st.w.site != NULL && st.w.site->sensitive;
	if (dev->place != NULL)
		st.pzone = cs_estate_place_zone(
		    ctx->estate, st.w.site != NULL ? st.w.site->id : dev->site,
		    dev->place->sw, (unsigned)dev->place->vlan, &st.pvz,
		    &st.psz);
	st.core = st.w.zone == CS_ZONE_CORE || dev->reach_core ||
		  st.pzone == CS_ZONE_CORE;
	st.unknown = id->manufacturer[0] == '\0';
	/* Surveillance not established counts as possible while the class
	 * is to be confirmed. */
	surv = id->surveillance || (confirm && !id->surveillance_known);
	f = calloc(1, sizeof(*f));
	if (f == NULL)
		return CS_ENOMEM;
	for (size_t i = 0; i <= r->nobl; i++) {
		struct cs_obligation oc;
		const struct cs_obligation *o = &r->obl[i < r->nobl ? i : 0];
		const char *eff = o->effective[0] ? o->effective : r->effective;
		unsigned wn = o->when;
		char t[11] = "";
		bool cov_c = st.covered || confirm;
		int rc;

		if (i == r->nobl) {
			/* The maker is covered but not what the device is:
			 * one finding asks to confirm it, instead of acting
			 * on any obligation. */
			if (!confirm_due)
				break;
			memset(&oc, 0, sizeof(oc));
			cs_strlcpy(oc.id, "confirm-class", sizeof(oc.id));
			cs_strlcpy(oc.action, "confirm-class",
				   sizeof(oc.action));
			if (cs_identity_surveillance_presumed(id))
				cs_strlcpy(oc.text, CONFIRM_PRESUMED_TEXT,
					   sizeof(oc.text));
			oc.max_severity = -1;
			memset(f, 0, sizeof(*f));
			fill(&st, &oc, false, "", f);
		} else {
			if (strcmp(ctx->as_of, eff) < 0)
				continue;
			isnew = false;
			if (wn & CS_WHEN_NEW) {
				cs_date_format(dev->first_seen, 0, t,
					       sizeof(t));
				isnew = dev->new_since_baseline &&
					strcmp(t, eff) >= 0;
			}
			if (((wn & CS_WHEN_COVERED) && !cov_c) ||
			    ((wn & CS_WHEN_SENSITIVE) && !st.sensitive) ||
			    ((wn & CS_WHEN_NONSENSITIVE) && st.sensitive) ||
			    ((wn & CS_WHEN_CORE) && !st.core) ||
			    ((wn & CS_WHEN_SURVEILLANCE) && !surv) ||
			    ((wn & CS_WHEN_UNKNOWN_MAKE) && !st.unknown) ||
			    ((wn & CS_WHEN_NEW) && !isnew))
				continue;
			/* Equipment neither covered nor surveillance is
			 * out. */
			if (!cov_c && !surv)
				continue;
			if (confirm) {
				confirm_due = true;
				continue;
			}
			memset(f, 0, sizeof(*f));
			fill(&st, o, isnew, t, f);
		}
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
