/* SPDX-License-Identifier: ISC */
/*
 * The scan session (audit/scan.h): the engine's callbacks over the
 * inventory, resume, the sensor's periodic upload, the privilege drop and
 * the status a run ends with.  `camsweep scan` (cli/cli_scan.c) parses
 * its options, builds the scope and shows what the hooks report.
 */
#include "audit/scan.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "audit/attach.h"
#include "core/addr.h"
#include "core/alloc.h"
#include "core/exitcode.h"
#include "engine/privsep.h"
#include "fp/fp.h"
#include "policy/estate.h"
#include "store/upload.h"
#include "core/poison.h"

static void
store_failed(struct cs_audit_scan *s)
{
	if (s->store_err++ == 0 && s->hooks.store_error != NULL)
		s->hooks.store_error(s->hooks.arg, cs_store_errmsg(s->store));
}

int
cs_audit_scan_open(struct cs_audit_scan *s, const struct cs_scan_info *info,
		   bool resume, uint64_t *watermark, bool *resumed)
{
	*watermark = 0;
	*resumed = false;
	if (resume && cs_store_scan_find_resumable(s->store, info, &s->scan_id,
						   watermark) == 0) {
		cs_store_scan_resume(s->store, s->scan_id, info->started);
		*resumed = true;
		return 0;
	}
	*watermark = 0;
	return cs_store_scan_begin(s->store, info, &s->scan_id) == 0 ? 0 : -1;
}

void
cs_audit_scan_host(struct cs_audit_scan *s, const struct cs_host_report *h)
{
	struct cs_identity id;
	struct cs_host_result r;
	struct cs_attachment *att;
	char ip[CS_ADDR_STRLEN];

	cs_fp_identify(s->fp, h->obs, &id);
	memset(&r, 0, sizeof(r));
	r.ip = h->addr.v6 ? cs_addr_str(&h->addr, ip, sizeof(ip))
			  : cs_ip_str(h->ip, ip, sizeof(ip));
	if (s->estate != NULL) {
		struct cs_estate_where w;
		if (cs_estate_locate(s->estate, r.ip, &w) == 0 &&
		    w.site != NULL)
			r.site = w.site->id;
	}
	r.ports = h->ports;
	r.nports = h->nports;
	r.obs = h->obs;
	r.id = &id;
	r.seen_at = (int64_t)time(NULL);
	/* Cameras a recorder listed (issue #4 part F; schema v2). */
	r.mac = NULL;
	r.att = att = cs_xcalloc(CS_STORE_MAX_ATTACH, sizeof(*att));
	r.natt = cs_audit_attachments(s->fp, s->models, h->obs, att,
				      CS_STORE_MAX_ATTACH);
	if (cs_store_put_host(s->store, s->scan_id, &r) != 0)
		store_failed(s);
	s->hosts_up++;
	if (s->hooks.host != NULL)
		s->hooks.host(s->hooks.arg, h, &r, &id);
	free(att);
}

void
cs_audit_scan_checkpoint(struct cs_audit_scan *s, uint64_t watermark,
			 uint64_t done)
{
	if (cs_store_checkpoint(s->store, s->scan_id, watermark, done) != 0)
		store_failed(s);
	if (s->hooks.progress != NULL)
		s->hooks.progress(s->hooks.arg, done);
	/* Sensor mode: the uploader thread sends what was just committed;
	 * the sweep goes on at once. */
	if (s->up != NULL &&
	    (int64_t)time(NULL) - s->last_upload >= CS_AUDIT_UPLOAD_EVERY_S) {
		s->last_upload = (int64_t)time(NULL);
		cs_uploader_kick(s->up);
	}
}

static void
on_host(void *arg, const struct cs_host_report *h)
{
	cs_audit_scan_host(arg, h);
}

static void
on_checkpoint(void *arg, uint64_t watermark, uint64_t done)
{
	cs_audit_scan_checkpoint(arg, watermark, done);
}

/*
 * Everything privileged is open: a scan on an interface becomes the
 * unprivileged user (when root), and every scan enters the sandbox,
 * before the first byte is read from the network.  Failing either is
 * fatal: the scan must not go on with rights it does not need.
 */
static void
on_ready(void *arg)
{
	struct cs_audit_scan *s = arg;
	char err[256], msg[300];

	if ((s->privileged && cs_priv_drop(s->user, err, sizeof(err)) != 0) ||
	    cs_priv_sandbox(err, sizeof(err)) != 0) {
		if (s->hooks.fatal != NULL) {
			snprintf(msg, sizeof(msg), "privileges: %s", err);
			s->hooks.fatal(s->hooks.arg, msg);
		}
		cs_store_scan_end(s->store, s->scan_id, "incomplete",
				  (int64_t)time(NULL));
		cs_store_close(s->store);
		_exit(EXIT_RUNTIME);
	}
}

int
cs_audit_scan_run(struct cs_audit_scan *s, const struct cs_engine_opts *eo,
		  struct cs_engine_stats *es)
{
	struct cs_engine_cb cb = {.arg = s,
				  .host_done = on_host,
				  .checkpoint = on_checkpoint,
				  .ready = on_ready};

	return cs_engine_run(eo, &cb, es) == 0 ? 0 : -1;
}

const char *
cs_audit_scan_status(const struct cs_audit_scan *s,
		     const struct cs_engine_stats *es)
{
	if (es->interrupted)
		return "interrupted";
	return !es->incomplete && es->targets_failed == 0 &&
		       es->watermark >= es->targets && s->store_err == 0
		   ? "complete"
		   : "incomplete";
}

int
cs_audit_scan_end(struct cs_audit_scan *s, const char *status)
{
	if (cs_store_scan_end(s->store, s->scan_id, status,
			      (int64_t)time(NULL)) != 0) {
		store_failed(s);
		return -1;
	}
	return 0;
}

int
cs_audit_spool_retire(const char *spool, char *to, size_t tosz)
{
	snprintf(to, tosz, "%s.uploaded-%lld", spool, (long long)time(NULL));
	return rename(spool, to) == 0 ? 0 : -1;
}
