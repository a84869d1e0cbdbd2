/* SPDX-License-Identifier: ISC */
/*
 * Private to src/report/: the loaded report model shared by the writers.
 * Strings copied from the store are device-controlled unless noted; the
 * writers escape every one of them for their output.
 */
#ifndef CS_REPORT_REPORT_IMPL_H
#define CS_REPORT_REPORT_IMPL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "report/report.h"

#define RP_MAX_HISTORY 100 /* scans shown in the history */

/* One device of the reported scan. */
/*
 * A device's identity as the report keeps it: struct cs_identity's fields
 * with the evidence allocated to size (a million devices with 48
 * evidence slots each would need 13 GB).
 */
struct rp_ident {
	char manufacturer[64];
	char manufacturer_country[4];
	char brand[64];
	char model[64];
	char firmware[64];
	enum cs_class device_class;
	bool surveillance, surveillance_known;
	bool presumed; /* surveillance presumed from the maker (cctv=mostly;
			  cs_identity_surveillance_presumed) */
	double confidence;
	struct cs_evidence *ev; /* owned, nev entries */
	size_t nev, nev_dropped;
};

/* Where a finding's device is, for a table: its address, else its MAC
 * (a device only the switches know). */
static inline const char *
rp_where(const struct cs_finding_row *f)
{
	return f->ip[0] ? f->ip : f->mac;
}

/* As cs_identity_surveillance: 1 yes, 0 no, -1 not established. */
static inline int
rp_surveillance(const struct rp_ident *id)
{
	if (id->surveillance)
		return 1;
	if (id->surveillance_known || id->device_class != CS_CLASS_UNKNOWN)
		return 0;
	return -1;
}

struct rp_dev {
	int64_t device_id;
	int64_t sighting_id; /* the store's, for the observation read */
	char ip[46];
	uint16_t ports[CS_STORE_MAX_PORTS];
	size_t nports;
	struct rp_ident id;
	int64_t first_seen, last_seen;
	char mac[24];
	struct cs_attachment *att; /* owned, natt entries */
	size_t natt;
	bool prc; /* maker incorporated in the PRC (country "CN") */
	/* A device only the switches know (docs/switches.md): where it is
	 * plugged in; owned; NULL for a scanned device. */
	struct cs_placement_row *place;
};

/* One scan with its counts. */
struct rp_scan {
	int64_t id;
	struct cs_scan_state st;
	size_t hosts, surveillance, prc;
};

/* One line of a roll-up. */
struct rp_count {
	char name[512]; /* roll-up key: up to four names */
	char country[4];
	size_t n;
	bool prc;
};

struct cs_report {
	struct cs_store *store; /* borrowed */
	struct cs_report_opts o;
	char marking[128];
	struct rp_scan scan;
	struct rp_scan *hist; /* oldest first */
	size_t nhist;
	struct rp_dev *dev;
	size_t ndev, capdev;
	/* devices only the switches know (cs_store_each_placed_only): not
	 * hosts that answered, listed apart, each with its placement */
	struct rp_dev *pdev;
	size_t npdev;
	size_t nsurv, nprc, natt;
	size_t nunk, nprc_unk; /* surveillance not established (maker-only
				  evidence), and of those PRC-made */
	struct rp_count *makers; /* surveillance devices by maker */
	size_t nmakers;
	struct rp_count *countries; /* surveillance devices by country */
	size_t ncountries;
	struct rp_count classes[CS_CLASS_COUNT]; /* all hosts by class */
	bool assessed; /* any finding recorded at all */
	/* The assessment the findings come from: the recorded one (schema
	 * v6), else as far as the findings tell (have_rec false). */
	struct cs_assessment asmt;
	bool have_rec;
	int64_t asmt_scan; /* the scan it assessed */
	int64_t asmt_time; /* when */
	bool stale;        /* asmt_scan != scan.id, shown by allow_stale */
	bool site_seen, dept_seen;  /* a finding names the filter's site/dept */
	struct cs_finding_row *fnd; /* filtered findings, store order */
	size_t nfnd, capfnd;
	/* Set only while cs_report_stream runs: where the writers spill. */
	const struct cs_report_sink *sink;
};

/*
 * A writer: appends to b and remembers the first error, after which every
 * call does nothing.  The put functions return w->rc.  With a sink (a
 * streamed report: initialise as {b, 0, r->sink}), b is a staging buffer
 * that the put functions hand to the sink whenever it holds a chunk;
 * cs_report_stream writes the rest when the writer returns.
 */
struct rp_w {
	struct cs_buf *b; /* borrowed */
	int rc;
	const struct cs_report_sink *sink; /* borrowed; NULL: b keeps all */
};

/* Appends the NUL-terminated s verbatim (program text, never device's). */
int cs_report_put(struct rp_w *w, const char *s);
/* Appends formatted program text. */
int cs_report_putf(struct rp_w *w, const char *fmt, ...) CS_PRINTF(2, 3);
/* Appends v in decimal (what putf's %zu does, without the format). */
int cs_report_put_u(struct rp_w *w, unsigned long long v);
/* Appends the NUL-terminated s as a JSON string literal (cs_esc_json). */
int cs_report_put_json(struct rp_w *w, const char *s);
/* Appends the NUL-terminated s as one CSV field (cs_esc_csv). */
int cs_report_put_csv(struct rp_w *w, const char *s);
/* Appends n bytes at s as HTML text content (cs_esc_html). */
int cs_report_put_html_n(struct rp_w *w, const void *s, size_t n);
/* As cs_report_put_html_n for a NUL-terminated s. */
int cs_report_put_html(struct rp_w *w, const char *s);
/*
 * Appends n raw bytes at s for display inside HTML: first made safe for
 * a terminal (cs_esc_term: controls and invalid UTF-8 become \xNN), then
 * HTML-escaped, so every byte is visible and none is interpreted.
 */
int cs_report_put_raw_html(struct rp_w *w, const void *s, size_t n);

/* True for a maker country that makes the device PRC-made. */
bool cs_report_is_prc(const char *country);

/* Orders addresses numerically: IPv4, then IPv6, then other text. */
int cs_report_ip_cmp(const char *a, const char *b);

/* The report's day (its generation time) as YYYY-MM-DD. */
void cs_report_today(const struct cs_report *r, char out[11]);

/* A finding not closed or withdrawn. */
bool cs_report_f_active(const struct cs_finding_row *f);
/* Open or planned work past its deadline, as of today. */
bool cs_report_f_overdue(const struct cs_finding_row *f, const char *today);
/* The regime's test covers the device (its evidence says so). */
bool cs_report_f_covered(const struct cs_finding_row *f);
/* A short human name for a regime id ("UK WMS HCWS386"), or the id. */
const char *cs_report_regime_label(const char *id);

/* One device at one site, with its findings (report_board.c). */
struct rp_unit {
	const struct cs_finding_row *f0; /* its first finding */
	size_t first, nf;                /* its findings: ix[first..+nf) */
	int sev;                         /* worst active severity, -1 none */
	bool active, covered, overdue, sensitive, core;
};

struct rp_units {
	size_t *ix; /* finding indices, by site name, address, rule */
	struct rp_unit *v;
	size_t n;
};

/* Groups r's findings into units; free with cs_report_units_free. */
void cs_report_units(const struct cs_report *r, struct rp_units *u);
void cs_report_units_free(struct rp_units *u);

/* The board paper's sections (HTML). */
void cs_report_board(struct rp_w *w, const struct cs_report *r);
/* The annex: one row per device per site with its obligations. */
void cs_report_unit_tables(struct rp_w *w, const struct cs_report *r);

#endif /* CS_REPORT_REPORT_IMPL_H */
