/* SPDX-License-Identifier: ISC */
/*
 * Assess: evaluate the stored devices of one scan against the selected
 * regimes, record the findings and the assessment, and reconcile the
 * findings of earlier runs.  The reconciliation rule: a finding of this
 * run's regimes that this run did not raise again is closed ("closed":
 * the device is no longer seen; "withdrawn": it is seen but the rule no
 * longer applies) only where the assessed scan looked, that is only when
 * the scan is complete, its scope can be read back and the finding's
 * address lies inside it, and never when a later scan saw it.  The
 * devices only the switches know (audit/placed.h) are evaluated too, their
 * findings keyed by MAC; such a finding not raised again is closed only
 * when switches were read for the assessed scan ("withdrawn" while its
 * device is still placed there, "closed" when it is not).
 */
#ifndef CS_AUDIT_ASSESS_H
#define CS_AUDIT_ASSESS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "policy/estate.h"
#include "policy/eval.h"
#include "policy/regime.h"
#include "store/store.h"
#include "vuln/vuln.h"

/*
 * Loads the regimes of dir (data/policy) and then the extra files into
 * *all, and selects the comma-separated ids of list plus every regime of
 * the extra files (they always apply) into *sel (owned, free()) of *nsel.
 * Returns 0, or CS_EINVAL with a message ending in a newline in err.
 * *all is initialised in any case (free with cs_regime_set_free).
 */
int cs_audit_load_regimes(const char *dir, const char *list, char *const *files,
			  size_t nfiles, struct cs_regime_set *all,
			  const struct cs_regime ***sel, size_t *nsel,
			  char *err, size_t errsz);

/*
 * Reads the estate file path once and parses it: the same bytes are
 * parsed, hashed and recorded with the assessment, so *text (owned,
 * free()) and *len are set whenever the file could be read.  Returns the
 * estate, or NULL with the error, ending in a newline, in err.
 */
struct cs_estate *cs_audit_estate_read(const char *path, uint8_t **text,
				       size_t *len, char *err, size_t errsz);

/* True if finding f should fail a run at fail_on as of as_of (YYYY-MM-DD):
 * at or above it and active (a risk acceptance counts once it expired). */
bool cs_audit_finding_fails(const struct cs_finding_row *f,
			    enum cs_severity fail_on, const char *as_of);

/* One assessment run.  Fill the inputs, call cs_audit_assess_run, read the
 * outputs, then cs_audit_assess_free. */
struct cs_audit_assess {
	/* inputs, borrowed */
	struct cs_store *st;
	int64_t scan_id;               /* the scan assessed (must exist) */
	const struct cs_eval_ctx *ctx; /* entity tables, estate, as_of, now */
	const struct cs_regime *const *sel;
	size_t nsel;
	bool dry; /* evaluate only: record nothing */
	/* the vulnerability table (data/vulns) for test=exposure regimes;
	 * NULL: no KEV or end-of-support item (posture still read) */
	const struct cs_vulndb *vulns;
	/* what the assessment record keeps (not read when dry) */
	const char *estate_path;    /* NULL: --no-estate */
	const uint8_t *estate_text; /* the estate file's bytes as parsed */
	size_t estate_len;
	const char *data_dir; /* digested as the data version */
	const char *tool_version;
	int argc; /* the command line, recorded */
	char **argv;
	/* what the reconciliation did, for the caller to show (may be NULL) */
	void (*on_reopened)(void *arg, const struct cs_finding_row *f);
	void (*on_closed)(void *arg, const struct cs_finding_row *f,
			  const char *how, bool present);
	void *arg;
	/* outputs */
	struct cs_finding_row *rows; /* findings raised (owned) */
	size_t nrows;
	size_t ndevices;       /* devices of the scan evaluated */
	size_t nplaced;        /* of them, devices only the switches know
				  (audit/placed.h; keyed by MAC) */
	int64_t assessment_id; /* 0 when dry */
	char err[512];         /* why it failed; "" if unknown */
};

/*
 * Runs a: evaluates, then unless a->dry records the findings (each keeps
 * its stable id and plan; a closed one seen again is reopened), the
 * assessment, and closes what this scan no longer shows where it looked.
 * Returns 0, CS_ENOTFOUND (no such scan) or CS_EIO (a->err says why, or
 * is "" when the store gave no message).
 */
int cs_audit_assess_run(struct cs_audit_assess *a);

/* Frees the outputs of a. */
void cs_audit_assess_free(struct cs_audit_assess *a);

#endif /* CS_AUDIT_ASSESS_H */
