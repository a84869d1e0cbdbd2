/* SPDX-License-Identifier: ISC */
/*
 * The evaluator: one device (its stored identity), where it is in the
 * estate, and one regime, as of a date, give the findings of that regime
 * for the device.  Pure: reads the entity tables (fp) and its arguments
 * only.  Verdicts are computed at assess time, so changed entity data or
 * rules re-evaluate stored devices without a rescan.
 */
#ifndef CS_POLICY_EVAL_H
#define CS_POLICY_EVAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "fp/fp.h"
#include "policy/estate.h"
#include "policy/regime.h"
#include "store/store.h"

/*
 * What a device shows that a test=exposure regime turns into findings
 * (docs/posture.md): each item one signal (a known-exploited flaw, end of
 * support, a posture fact), with its evidence.  Computed at assess time
 * from the stored identity and observations (audit/exposure.h).
 */
#define CS_EXPOSURE_MAX 48
struct cs_exposure_item {
	char signal[24];    /* one of cs_exposure_signals */
	char id[24];        /* the flaw (CVE id) for kev; "" otherwise: the
			       finding's obligation is then the
			       obligation's id */
	char deadline[11];  /* KEV due date (BOD 22-01); "" none */
	char url[256];      /* the source of the fact; "" the regime's */
	char evidence[640]; /* matched version, rule, source; the facts
			       observed */
};

struct cs_exposure {
	struct cs_exposure_item v[CS_EXPOSURE_MAX];
	size_t n;
};

/* One device to evaluate; everything borrowed for the call. */
struct cs_eval_device {
	const char *ip;
	const char *mac;              /* "" if unknown */
	const struct cs_identity *id; /* stored identity */
	int64_t first_seen;           /* unix seconds */
	bool new_since_baseline;      /* not in the inventory's first scan */
	bool reach_core;              /* answered from a core vantage */
	const char *reach_vantage;    /* its name, "" if none */
	int64_t scan_id;              /* scan assessed */
	int64_t device_id; /* the inventory's device id; 0 if unknown */
	const char *site;  /* the device's site in the inventory (its
			      sensor's name); NULL or "" when none.  A site
			      the estate knows wins over the address's. */
	const struct cs_exposure *exposure; /* test=exposure regimes: what
					       it shows; NULL: nothing */
	/* Where `camsweep switches` placed it (issue #22); NULL when not
	 * placed.  A VLAN or switch the estate names as core makes it a
	 * core-network device whatever its address says. */
	const struct cs_placement_row *place;
	/* The device part of its findings' keys; NULL: ip.  A device only
	 * the switches know (no address, or one no scan confirmed) is keyed
	 * by its MAC, "mac:aa:bb:cc:dd:ee:ff" (audit/placed.h). */
	const char *key;
};

/* Evaluation context; everything borrowed. */
struct cs_eval_ctx {
	const struct cs_fpdb *db;       /* entity tables */
	const struct cs_estate *estate; /* NULL: every device unmapped */
	char as_of[11];                 /* YYYY-MM-DD */
	int64_t now;                    /* assessed_at */
};

/* Whether a regime covers a device. */
enum cs_cover {
	CS_COVER_NO = 0, /* not covered (maker or class outside the regime) */
	CS_COVER_YES,    /* the maker test holds and the class is covered */
	CS_COVER_CLASS   /* the maker test holds but the device's class (or
			    whether it is surveillance equipment) is not
			    established: someone must confirm what it is */
};

/*
 * Decides whether regime r covers a device with identity id as of
 * ctx->as_of: the maker test (test=prc or the listed entities), then the
 * classes the regime (or the matching entity) covers.  Writes the reason
 * (or why not) into why (whysz bytes).
 */
enum cs_cover cs_policy_coverage(const struct cs_eval_ctx *ctx,
				 const struct cs_regime *r,
				 const struct cs_identity *id, char *why,
				 size_t whysz);

/*
 * As cs_policy_coverage; true only for CS_COVER_YES.
 * Decides whether a device with identity id is covered by regime r as of
 * ctx->as_of, writing the reason (or why not) into why (whysz bytes).
 * Returns true when covered.
 */
bool cs_policy_covered(const struct cs_eval_ctx *ctx, const struct cs_regime *r,
		       const struct cs_identity *id, char *why, size_t whysz);

/* Callback for each finding; f valid during the call.  0 = continue. */
typedef int (*cs_eval_cb)(void *arg, const struct cs_finding_row *f);

/*
 * Evaluates every obligation of r (in force as of ctx->as_of) for dev and
 * calls cb with each finding (plan fields empty, status "open").  Returns
 * the number of findings, or cb's non-zero value (negated if positive).
 */
int cs_policy_eval_device(const struct cs_eval_ctx *ctx,
			  const struct cs_regime *r,
			  const struct cs_eval_device *dev, cs_eval_cb cb,
			  void *arg);

/* Today's date (UTC) as YYYY-MM-DD into out[11]. */
void cs_policy_today(char out[11]);

/*
 * Copies the device's identity into finding f: manufacturer and its
 * country, brand, model, firmware, class name and confidence (every
 * finding states what the device was judged to be).
 */
void cs_policy_finding_identity(struct cs_finding_row *f,
				const struct cs_identity *id);

#endif /* CS_POLICY_EVAL_H */
