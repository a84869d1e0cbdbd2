/* SPDX-License-Identifier: ISC */
/*
 * The listen session's use case: each device the passive listener flushes
 * is identified from its observations (merged with what this run already
 * stored for its address), recorded in the inventory under the run's scan
 * record, and, when it contacted a maker's cloud, P2P or update service
 * (data/phonehome), given one finding of the built-in phone-home regime:
 * regime "phone-home" version 1, obligation "data-egress", action
 * "review"; severity high for a service of a maker based in China, else
 * medium, one lower for a low-confidence endpoint, the highest over the
 * device's destinations.  It also holds the session's MAC registry (read
 * once; the scan's too, through cli/cli_disc.h) and the privilege drop
 * once the capture is open; opening the capture and all output stay in
 * the CLI.
 */
#ifndef CS_AUDIT_LISTEN_H
#define CS_AUDIT_LISTEN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "fp/fp.h"
#include "oui/oui.h"
#include "passive/passive.h"
#include "store/store.h"

struct cs_audit_listen {
	/* inputs, borrowed */
	struct cs_fpctx *fpctx; /* identification's memory, reused */
	struct cs_store *store; /* NULL: nothing is recorded */
	/* called on the first store error only (msg: the store's message) */
	void (*on_store_error)(void *arg, const char *msg);
	/* called for each device after it is handled; nobs counts the
	 * observations it was identified from */
	void (*on_device)(void *arg, const struct cs_passive_dev *d,
			  const char *ip, const char *mac,
			  const struct cs_identity *id, size_t nobs);
	void *arg;
	/* state and counters */
	int64_t scan_id;
	uint64_t flushed, findings, mac_only;
	int store_errors;
};

/*
 * Records the run as a scan of scope "listen:file:PATH" or
 * "listen:interface:IF" (what = "file" or "interface", src the path or
 * interface) with the passive options as its options text.  Returns 0 or
 * the store's error (cs_store_errmsg says why).
 */
int cs_audit_listen_begin(struct cs_audit_listen *l, const char *what,
			  const char *src, const struct cs_passive_opts *po,
			  const char *vantage, int64_t now);

/* Ends the run's scan record: "interrupted" or "complete". */
void cs_audit_listen_end(struct cs_audit_listen *l, bool interrupted,
			 int64_t now);

/* Handles one flushed device (see above); the passive flush callback. */
void cs_audit_listen_device(void *arg, const struct cs_passive_dev *d);

/*
 * The MAC registry of a session (the passive listener's MAC lookup, and
 * the scan's through cli/cli_disc.h): read once, before a privilege drop
 * or at the first MAC, from the IEEE files' default place and the
 * registrant map map_path.
 */
struct cs_audit_oui {
	char map_path[4096];
	struct cs_oui *db;
	bool tried;
	/* Called once when the registry cannot be read (err says why); may
	 * be NULL.  MAC addresses are then recorded without registrant. */
	void (*warn)(void *arg, const char *err);
	void *warn_arg;
};

void cs_audit_oui_preload(struct cs_audit_oui *s);
/* cs_ident_mac_fn over a struct cs_audit_oui. */
int cs_audit_mac_lookup(void *arg, const uint8_t mac[6], unsigned bits,
			char *maker, size_t makersz, char *registrant,
			size_t regsz);
void cs_audit_oui_free(struct cs_audit_oui *s);

/*
 * The capture is open (a cs_capture_opts ready hook, arg a struct
 * cs_audit_listen_priv): a live capture drops root to user (NULL: the
 * default), since it needed root only to open the interface, and every
 * run enters the sandbox, before the first frame is parsed.  Returns 0,
 * or -1 with the reason in err.
 */
struct cs_audit_listen_priv {
	bool drop; /* live capture */
	const char *user;
	char err[256];
};
int cs_audit_listen_ready(void *arg);

/* The severity of one phone-home destination under the regime above. */
enum cs_severity cs_audit_ph_severity(const struct cs_passive_ph *e);

/*
 * Builds the phone-home finding of device d (d->nph > 0) at address ip
 * with MAC mac and identity id, for scan_id, as of now (unix seconds).
 */
void cs_audit_ph_finding(const struct cs_passive_dev *d, const char *ip,
			 const char *mac, const struct cs_identity *id,
			 int64_t scan_id, int64_t now,
			 struct cs_finding_row *f);

#endif /* CS_AUDIT_LISTEN_H */
