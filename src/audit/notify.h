/* SPDX-License-Identifier: ISC */
/*
 * The notify use case: which findings are new, or changed status, since
 * the last delivery, and the delivery state that records them.  The state
 * file holds one "id status" line per finding already delivered; it is
 * rewritten (through a temporary file and a rename) only after the
 * receiver answered 2xx, so a refused or failed delivery is sent again by
 * the next run.  The document itself is the caller's (cli/cli_notify.c
 * writes JSON); the sender is a function, cs_audit_http_post by default.
 */
#ifndef CS_AUDIT_NOTIFY_H
#define CS_AUDIT_NOTIFY_H

#include <stddef.h>

#include "store/store.h"

struct cs_audit_notify;

/*
 * Reads the state file at path (absent: nothing delivered yet).  Returns
 * NULL with errno set when it exists but cannot be read.  path is copied.
 */
struct cs_audit_notify *cs_audit_notify_new(const char *path);
void cs_audit_notify_free(struct cs_audit_notify *n);

/* Called for each finding to send: prev is NULL for a new one, else the
 * status last delivered for it.  row is valid during the call only. */
typedef void (*cs_audit_notify_fn)(void *arg, const struct cs_finding_row *f,
				   const char *prev);

/*
 * Walks every finding of st, calling fn for the new and changed ones and
 * noting every finding's status as the state to write on delivery.  Sets
 * *added and *changed.  Returns 0, or -1 when the findings cannot be read.
 */
int cs_audit_notify_select(struct cs_audit_notify *n, struct cs_store *st,
			   cs_audit_notify_fn fn, void *arg, size_t *added,
			   size_t *changed);

/* Delivers the caller's document: returns the receiver's HTTP status, or
 * -1 with a message in err. */
typedef int (*cs_audit_send_fn)(void *arg, char *err, size_t errsz);

enum cs_audit_delivery {
	CS_DELIVERED = 0,   /* 2xx; the state file now records it */
	CS_NOT_DELIVERED,   /* no answer (err) or a status not 2xx */
	CS_STATE_UNWRITTEN, /* 2xx, but the state file could not be
			       written: the next run sends it again */
};

/*
 * Calls send once; on a 2xx answer writes the state noted by the last
 * cs_audit_notify_select.  Sets *status to what send returned.
 */
enum cs_audit_delivery cs_audit_notify_deliver(struct cs_audit_notify *n,
					       cs_audit_send_fn send, void *arg,
					       int *status, char *err,
					       size_t errsz);

/*
 * POSTs body (n bytes, JSON) to an http:// URL (host, IPv4, [IPv6], an
 * optional port) with a timeout on each step; returns the HTTP status, or
 * -1 with a message in err.
 */
int cs_audit_http_post(const char *url, const char *body, size_t n,
		       unsigned timeout_ms, char *err, size_t errsz);

#endif /* CS_AUDIT_NOTIFY_H */
