/* SPDX-License-Identifier: ISC */
/*
 * Report writers (issue #6): HTML, CSV and JSON reports built from the
 * inventory without scanning again.  A report is loaded once from the
 * store (cs_report_load: one scan's devices, the scan history and, when an
 * assessment exists, its findings) and then rendered by one writer into a
 * cs_buf.  Every device-controlled byte passes through core/escape.h
 * before it is written; the formats are documented in docs/report.md.
 *
 * Output is deterministic: devices are ordered by numeric IP, roll-ups by
 * count and then name, and the generation time is an option, never the
 * clock, so golden-file tests can compare bytes.
 */
#ifndef CS_REPORT_REPORT_H
#define CS_REPORT_REPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/buf.h"
#include "store/store.h"

enum cs_report_format {
	CS_REPORT_HTML,
	CS_REPORT_CSV,
	CS_REPORT_JSON,
};

/* Version of the JSON document and of the CSV column sets. */
#define CS_REPORT_FORMAT_VERSION 1

/* cs_report_load: the assessment is of another scan (see there). */
#define CS_REPORT_ESTALE (-1000)

/*
 * Upper bound on a report rendered into memory (cs_report_write_*), in
 * bytes.  A streamed report (cs_report_stream) has no such bound: it holds
 * only about one chunk at a time.
 */
#define CS_REPORT_MAX_OUTPUT ((size_t)1 << 30)

/*
 * Where a streamed report goes.  write is called with the next n > 0
 * bytes of the document, in order, and returns 0, or non-zero to stop the
 * writer (cs_report_stream then returns CS_EIO).  chunk is the number of
 * bytes staged before each call (0: 1 MiB); a call can carry a little more
 * than chunk (the piece that crossed it), the last call less.
 */
struct cs_report_sink {
	int (*write)(void *arg, const void *p, size_t n);
	void *arg;
	size_t chunk;
};

/* A document cs_report_stream can write. */
enum cs_report_part {
	CS_REPORT_PART_HTML,         /* as cs_report_write_html */
	CS_REPORT_PART_JSON,         /* as cs_report_write_json */
	CS_REPORT_PART_CSV_DEVICES,  /* as cs_report_write_csv_devices */
	CS_REPORT_PART_CSV_FINDINGS, /* as cs_report_write_csv_findings */
};

/*
 * A MAC registry file the program reads (docs/oui.md), as the report states
 * it: MAC registrants in a report come from these files.
 */
struct cs_report_registry {
	const char *file;      /* path */
	const char *date;      /* "YYYY-MM-DD" or "unknown" */
	const char *date_from; /* "mtime", "in-file" or "unknown" */
	size_t assignments;    /* assignments it holds */
};

/* What to report.  Strings are NUL-terminated and borrowed until free. */
struct cs_report_opts {
	int64_t scan_id;        /* <= 0: the newest scan (see as_of) */
	int64_t as_of;          /* > 0: newest scan started at or before it,
				   and the history ends there */
	const char *department; /* only this department (needs findings) */
	const char *site;       /* only this site (needs findings) */
	int64_t now;            /* generation time written in the report */
	const char *marking;    /* protective marking; NULL: the default */
	size_t max_obs_bytes;   /* raw bytes shown per observation in HTML;
				   0: 1024 */
	/* The MAC registry files, stated in the JSON and HTML reports;
	 * nregistry 0: not stated (the key is left out).  Borrowed. */
	const struct cs_report_registry *registry;
	size_t nregistry;
	/* Show findings assessed on another scan than the one reported
	 * (marked stale on every page); otherwise that is an error. */
	bool allow_stale;
	bool summary;             /* HTML: the two-page board paper only */
	const char *tool_version; /* the program's, stated when no
				     assessment records one; may be NULL */
	/* Do not read the assessment's record (the estate, regimes and
	 * provenance): for a reader whose database role may not see it (the
	 * console's limited users on PostgreSQL); the findings alone tell
	 * what was assessed, as before schema 6. */
	bool no_record;
	/* Only the devices whose site (the store's: a sensor's, or the
	 * estate's through `scan --estate`) is this one, in the counts and
	 * the history too, rather than the devices the site filter's
	 * findings name; NULL: every device. */
	const char *device_site;
	/* Optional: a second connection to the same inventory.  The
	 * findings are read on it, on a thread, while the devices load on
	 * the first (at a million devices both reads take seconds of the
	 * database's sorting and the client's parsing, and overlap).
	 * Borrowed; NULL reads them one after the other. */
	struct cs_store *findings_store;
	/* Optional: identifies a device only the switches know from its MAC
	 * (the command line: audit/placed.h with the rules it loads), so
	 * that its identity, evidence and presumption are those `show` and
	 * `assess` give it; called only when there is one.  NULL: the
	 * identity `camsweep switches` stored with the device (no evidence;
	 * a presumption from the maker reads as not established). */
	void (*placed_identity)(void *arg, const struct cs_placed_device *d,
				struct cs_identity *out);
	void *placed_arg;
};

struct cs_report; /* loaded report data; opaque */

/*
 * Parses "html", "csv" or "json".  Returns 0 and sets *out, or CS_EINVAL.
 */
int cs_report_format_parse(const char *s, enum cs_report_format *out);

/*
 * Parses an --as-of date, "YYYY-MM-DD" (the end of that day, UTC) or
 * "YYYY-MM-DDTHH:MM:SSZ", into unix seconds.  Returns 0 or CS_EINVAL.
 */
int cs_report_parse_date(const char *s, int64_t *out);

/*
 * Parses a --now time (or SOURCE_DATE_EPOCH): seconds since the epoch (1
 * to 253402300799, the end of 9999) or a date as cs_report_parse_date
 * reads it.  Returns 0 or CS_EINVAL.
 */
int cs_report_parse_time(const char *s, int64_t *out);

/* Formats t as "YYYY-MM-DDTHH:MM:SSZ" (UTC) into out (>= 21 bytes); ""
 * for t <= 0.  Returns out, for use inside a call (core/text.h's
 * cs_date_format does the work). */
const char *cs_report_time(int64_t t, char *out, size_t outsz);

/*
 * Reads everything the writers need from s according to o (both borrowed;
 * s must stay open until cs_report_free, since the HTML writer reads each
 * device's raw observations from it).  On success sets *out to a new
 * report that the caller frees with cs_report_free and returns 0; on
 * failure returns CS_ENOTFOUND (no such scan), CS_EINVAL (a filter that
 * cannot apply: no assessment, a site or department the assessment's
 * estate does not have) or CS_EIO, with a NUL-terminated message in err
 * (errsz bytes, may be 0).  CS_REPORT_ESTALE: the findings were assessed on
 * another scan than the one reported, and o->allow_stale is not set.
 */
int cs_report_load(struct cs_store *s, const struct cs_report_opts *o,
		   struct cs_report **out, char *err, size_t errsz);

/* Frees r and everything it owns; NULL is a no-op. */
void cs_report_free(struct cs_report *r);

/* Number of devices (hosts) in the loaded report. */
size_t cs_report_device_count(const struct cs_report *r);

/*
 * Appends the JSON document (docs/report.md, "JSON") to b.  Returns 0 or
 * the cs_buf error.
 */
int cs_report_write_json(const struct cs_report *r, struct cs_buf *b);

/*
 * Appends the devices CSV (header line first, CRLF line ends) to b.
 * Returns 0 or the cs_buf error.
 */
int cs_report_write_csv_devices(const struct cs_report *r, struct cs_buf *b);

/*
 * Appends the findings CSV (header line, then one line per finding; only
 * the header when no assessment is recorded) to b.  Returns 0 or the
 * cs_buf error.
 */
int cs_report_write_csv_findings(const struct cs_report *r, struct cs_buf *b);

/*
 * Appends the self-contained HTML document to b, reading each device's
 * observations from the store r was loaded from.  Returns 0, the cs_buf
 * error, or CS_EIO.
 */
int cs_report_write_html(const struct cs_report *r, struct cs_buf *b);

/*
 * Appends the inventory's counts (cards) and the report's charts (inline
 * SVG figures, no script, no external reference) as an HTML fragment: the
 * same bytes as those parts of cs_report_write_html, for a page that
 * embeds them (the console's overview, src/serve/pages.c).  Its classes
 * (cards, card, n, l, prc) are styled by the embedding page.  Returns 0
 * or the cs_buf error.
 */
int cs_report_write_overview(const struct cs_report *r, struct cs_buf *b);

/* The report's style sheet (program text), for a page that embeds the
 * fragment above and serves its styles as a file. */
const char *cs_report_css(void);

/* The id of the scan r reports. */
int64_t cs_report_scan_id(const struct cs_report *r);

/*
 * Writes one document of r (the same bytes as the cs_report_write_*
 * function of that part) to k in chunks instead of into memory, so a
 * report of any size needs only about k->chunk bytes for its output.
 * Returns 0, CS_EIO (the sink refused, or the store failed), CS_EINVAL or
 * a cs_buf error.  r is not changed when it returns.
 */
int cs_report_stream(struct cs_report *r, enum cs_report_part part,
		     const struct cs_report_sink *k);

#endif /* CS_REPORT_REPORT_H */
