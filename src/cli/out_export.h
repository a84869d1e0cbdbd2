/* SPDX-License-Identifier: ISC */
/*
 * The lines `camsweep export` writes (out_export.c): findings as syslog
 * or CEF lines, devices as configuration items for a CMDB.
 */
#ifndef CS_CLI_OUT_EXPORT_H
#define CS_CLI_OUT_EXPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "core/buf.h"
#include "store/store.h"

/* One export: where the lines go and how it went. */
struct cs_out_exp {
	FILE *out;
	const char *format; /* "syslog" or "cef" for findings */
	const char *host;   /* this host's name for syslog */
	struct cs_buf b;
	size_t n;
	bool failed; /* a write failed */
};

/* A cs_store_finding_cb (arg: struct cs_out_exp): writes f as one syslog
 * or CEF line. */
int cs_out_export_finding(void *arg, const struct cs_finding_row *f);

/* CMDB: the columns of a configuration item, in order. */
#define CS_OUT_CI_NCOLS 18
extern const char *const cs_out_ci_cols[CS_OUT_CI_NCOLS];

/* One CMDB export: the lines, the form, each address's owner. */
struct cs_out_ci {
	struct cs_out_exp *x;
	bool csv;
	struct {
		char ip[46];
		int64_t device_id; /* for a finding with no address */
		char owner[64];
	} * owners;
	size_t nowners;
};

/* A cs_store_finding_cb (arg: struct cs_out_ci): notes f's owner for its
 * address (the first one seen). */
int cs_out_ci_owner(void *arg, const struct cs_finding_row *f);
/* A cs_store_device_cb (arg: struct cs_out_ci): writes one item. */
int cs_out_ci_device(void *arg, const struct cs_device_row *r);
/* A cs_store_placed_cb (arg: struct cs_out_ci): writes one item for a
 * device only the switches know: named by its MAC when it has no
 * address, located by its switch and port. */
int cs_out_ci_placed(void *arg, const struct cs_placed_device *d);

#endif /* CS_CLI_OUT_EXPORT_H */
