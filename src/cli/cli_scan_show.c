/* SPDX-License-Identifier: ISC */
/*
 * What `camsweep scan` shows as it goes: -oJ and -oX as each host
 * completes, -v lines, the progress line and --stats-every (the hooks of
 * the session, audit/scan.h).
 */
#include "cli/cli.h"
#include "cli/scan_cmd.h"

#include <errno.h>
#include <netdb.h>
#include <arpa/inet.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "audit/scan.h"
#include "oui/models.h"
#include "cli/cli_disc.h"
#include "cli/output.h"
#include "core/addr.h"
#include "core/exitcode.h"
#include "cli/scan_out.h"
#include "core/alloc.h"
#include "core/buf.h"
#include "core/escape.h"
#include "core/str.h"
#include "engine/creds.h"
#include "engine/engine.h"
#include "engine/privsep.h"
#include "engine/scope.h"
#include "fp/fp.h"
#include "policy/estate.h"
#include "probe/probe.h"
#include "store/store.h"
#include "store/upload.h"
#include "core/poison.h"

int64_t
cs_scan_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static const char *
target_name_of(const struct scan_output *out, const struct cs_host_report *h)
{
	for (size_t i = 0; i < out->nnames; i++) {
		const struct cs_addr *n = &out->names[i].addr;

		if (n->v6 == h->addr.v6 &&
		    (n->v6 ? memcmp(n->a6, h->addr.a6, 16) == 0
			   : n->v4 == h->ip))
			return out->names[i].name;
	}
	return NULL;
}

/* -oJ: the host as `show --json` prints it, as soon as it completes. */
static void
write_oj(struct scan_output *out, const struct cs_host_result *r)
{
	struct cs_device_row *row = cs_xcalloc(1, sizeof(*row));
	const struct cs_obs *mac = cs_obs_find(r->obs, "mac", 0);
	struct cs_buf b;

	cs_strlcpy(row->ip, r->ip, sizeof(row->ip));
	row->nports =
	    r->nports < CS_STORE_MAX_PORTS ? r->nports : CS_STORE_MAX_PORTS;
	memcpy(row->ports, r->ports, row->nports * sizeof(row->ports[0]));
	row->id = *r->id;
	row->first_seen = row->last_seen = r->seen_at;
	if (mac != NULL)
		cs_span_copy(row->mac, sizeof(row->mac),
			     (struct cs_span){mac->val, mac->len});
	row->natt = r->natt;
	memcpy(row->att, r->att, r->natt * sizeof(row->att[0]));
	if (r->site)
		cs_strlcpy(row->site, r->site, sizeof(row->site));
	cs_buf_init(&b, 1 << 22);
	if (cs_out_json_device(&b, row) != 0 || cs_buf_adds(&b, "\n") != 0 ||
	    fwrite(b.p, 1, b.len, out->oj) != b.len || fflush(out->oj) != 0)
		out->out_failed = true;
	cs_buf_free(&b);
	free(row);
}

/* -v: one line per host as it completes. */
static void
verbose_host(const struct cs_host_result *r, const struct cs_identity *id)
{
	char ports[512];
	struct cs_buf b;

	cs_cli_ports_text(r->ports, r->nports, ports, sizeof(ports));
	cs_buf_init(&b, 4096);
	cs_buf_printf(&b, "camsweep: %s up, ports %s: ", r->ip, ports);
	if (id->manufacturer[0])
		cs_esc_term(&b, id->manufacturer, strlen(id->manufacturer));
	else
		cs_buf_adds(&b, "maker unknown");
	if (id->model[0]) {
		cs_buf_adds(&b, " ");
		cs_esc_term(&b, id->model, strlen(id->model));
	}
	cs_buf_printf(&b, ", %s (%.3f)\n", cs_class_name(id->device_class),
		      id->confidence);
	fwrite(b.p, 1, b.len, stderr);
	cs_buf_free(&b);
}

/* The session's hooks: what is shown as the scan goes. */
void
cs_scan_show_host(void *arg, const struct cs_host_report *h,
		  const struct cs_host_result *r, const struct cs_identity *id)
{
	struct scan_output *out = arg;

	if (out->oj != NULL)
		write_oj(out, r);
	if (out->ox != NULL) {
		const struct cs_obs *mac = cs_obs_find(h->obs, "mac", 0);
		char macs[24] = "";
		struct cs_xml_host xh = {.ip = r->ip,
					 .hostname = target_name_of(out, h),
					 .ports = h->ports,
					 .nports = h->nports,
					 .id = id,
					 .start = out->start_wall,
					 .end = time(NULL)};
		if (mac != NULL)
			xh.mac =
			    cs_span_copy(macs, sizeof(macs),
					 (struct cs_span){mac->val, mac->len});
		cs_xml_host(out->ox, &xh);
	}
	if (out->verbose > 0) {
		if (out->progress_shown)
			fputs("\r\033[K", stderr);
		verbose_host(r, id);
	}
}

void
cs_scan_show_store_error(void *arg, const char *msg)
{
	(void)arg;
	fprintf(stderr, "camsweep: store: %s\n", msg);
}

/*
 * Progress: on a TTY a line redrawn every tick with the share done and
 * the time left at the rate so far; with --stats-every a plain line at
 * that interval, TTY or not (nmap's --stats-every).
 */
void
cs_scan_progress_line(struct scan_output *out, uint64_t done, bool final)
{
	int64_t now = cs_scan_now_ms(), el = now - out->start_ms;
	bool stats = out->stats_ms > 0 &&
		     (final || now - out->last_stats_ms >= out->stats_ms);
	double pct =
	    out->total ? 100.0 * (double)done / (double)out->total : 100.0;
	char eta[32] = "--:--:--";

	if (!out->progress && !stats)
		return;
	if (done > 0 && done < out->total && el > 0) {
		long long left =
		    (long long)((double)el / (double)done *
				(double)(out->total - done) / 1000.0);
		snprintf(eta, sizeof(eta), "%lld:%02lld:%02lld", left / 3600,
			 left / 60 % 60, left % 60);
	} else if (done >= out->total) {
		snprintf(eta, sizeof(eta), "0:00:00");
	}
	if (stats) {
		out->last_stats_ms = now;
		fprintf(stderr,
			"%sStats: %.1fs elapsed; %llu/%llu addresses (%.2f%%) "
			"done, %llu hosts up; ETC in %s\n",
			out->progress_shown ? "\r\033[K" : "",
			(double)el / 1000.0, (unsigned long long)done,
			(unsigned long long)out->total, pct,
			(unsigned long long)out->s->hosts_up, eta);
		out->progress_shown = false;
		if (final)
			return;
	}
	if (out->progress) {
		fprintf(stderr,
			"\r%llu/%llu addresses (%.1f%%)  %llu hosts up  "
			"%.0f addr/s  ETA %s \033[K",
			(unsigned long long)done,
			(unsigned long long)out->total, pct,
			(unsigned long long)out->s->hosts_up,
			el > 0 ? (double)done * 1000.0 / (double)el : 0.0, eta);
		out->progress_shown = true;
		if (final) {
			fputc('\n', stderr);
			out->progress_shown = false;
		}
	}
}

/* After a complete upload the spool is set aside (audit/scan.h). */
void
cs_cli_spool_retire(const char *spool)
{
	char to[4200];

	if (cs_audit_spool_retire(spool, to, sizeof(to)) == 0)
		fprintf(stderr, "camsweep: uploaded; spool kept as %s\n", to);
}

void
cs_scan_show_progress(void *arg, uint64_t done)
{
	cs_scan_progress_line(arg, done, false);
}
