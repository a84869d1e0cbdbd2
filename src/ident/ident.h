/* SPDX-License-Identifier: ISC */
/*
 * `camsweep identify`: identification from evidence other tools hold.
 * Input is JSON Lines, one observation per line:
 *
 *   {"id": ..., "kind": "http", "data": "HTTP/1.1 200 OK\r\n..."}
 *   {"device": "cam7", "kind": "mdns", "data_hex": "0000840000..."}
 *
 * Each raw message is decoded into observations of the vocabulary of
 * docs/fingerprints.md (the decoders reuse src/parse/), and each device
 * is identified with cs_fp_identify and printed as one JSON object per
 * line.  Lines without "device" are identified one by one; lines that
 * share a "device" value are combined.  docs/identify.md describes the
 * input, the output, the error handling and the grouping rules.
 *
 * The decoders are pure functions of their input; a decoder context
 * only holds scratch space, so use one per thread.
 */
#ifndef CS_IDENT_IDENT_H
#define CS_IDENT_IDENT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "core/buf.h"
#include "core/cs.h"
#include "core/obs.h"
#include "parse/decode.h"

struct cs_fpdb;

#define CS_IDENT_LINE_MAX (1024u * 1024u) /* bytes of one input line */
#define CS_IDENT_KEY_MAX 256              /* bytes of an id or device value */
#define CS_IDENT_OPEN_MAX 4096            /* devices held open at once */
#define CS_IDENT_HELD_MAX (64u * 1024u * 1024u) /* value bytes held open */

/*
 * The decoders live in parse/decode.h, shared with the scanner's probes;
 * these are identify's names for them (see there for the contracts).
 */
typedef cs_dec_mac_fn cs_ident_mac_fn;

/* Scratch space of the decoders; opaque. */
struct cs_ident_dec;

/* Returns a new decoder context (aborts on OOM); free with _free. */
struct cs_ident_dec *cs_ident_dec_new(void);
/* Frees d; NULL is a no-op. */
void cs_ident_dec_free(struct cs_ident_dec *d);
/* Sets (fn may be NULL to unset) the MAC resolver d uses. */
void cs_ident_dec_set_mac_lookup(struct cs_ident_dec *d, cs_ident_mac_fn fn,
				 void *arg);

/* True if kind (NUL-terminated) is an observation kind identify knows. */
bool cs_ident_kind_known(const char *kind);
/*
 * True for kinds whose messages are binary (dhip, dvrip, mdns,
 * tls-cert): a JSON "data" string of code points below 256 is then
 * taken as one byte per code point.
 */
bool cs_ident_kind_binary(const char *kind);

/* As cs_decode (parse/decode.h). */
int cs_ident_decode(struct cs_ident_dec *d, const char *kind, const uint8_t *p,
		    size_t n, uint16_t port, const char *service,
		    struct cs_obs_list *obs);

/* As cs_dec_read_list (parse/decode.h). */
bool cs_ident_dec_read_list(const struct cs_ident_dec *d);

/* As cs_dec_mac_parse (parse/decode.h) and cs_hwaddr_format
 * (core/addr.h). */
int cs_ident_mac_parse(const uint8_t *p, size_t n, uint8_t mac[6]);
void cs_ident_mac_format(const uint8_t mac[6], char out[18]);

enum cs_ident_vtype {
	CS_IDENT_NONE = 0, /* absent or null */
	CS_IDENT_STRING,
	CS_IDENT_NUMBER,
};

/* An id or device value: decoded string, or a JSON number's text. */
struct cs_ident_val {
	enum cs_ident_vtype type;
	char s[CS_IDENT_KEY_MAX]; /* NUL-terminated; may hold NUL bytes */
	size_t len;
};

/* One parsed input line. */
struct cs_ident_line {
	struct cs_ident_val id, device;
	char kind[32];           /* "" if absent */
	char service[32];        /* "" if absent */
	uint16_t port;           /* 0 if absent */
	bool has_data;           /* "data" or "data_hex" given */
	bool data_hex;           /* it was "data_hex" */
	bool data_checked;       /* data_raw's escapes and bytes were checked */
	struct cs_span data_raw; /* its string as written (in the line) */
	const uint8_t *line;     /* the record read (borrowed) and where its */
	size_t line_n;           /* data string starts */
	size_t data_off;
	struct cs_span data; /* decoded bytes, in the caller's buffer */
};

/*
 * Parses one JSON Lines record (p, n bytes; no newline) into out.  The
 * "data" or "data_hex" value is decoded into the buffer data (reset
 * first; its cap bounds the size) and out->data points into it: "data"
 * as UTF-8, or, for a binary kind whose string has only code points
 * below 256, one byte per code point.  Unknown members are skipped
 * (nesting at most 32 deep).
 *
 * Returns 0, or CS_EPROTO / CS_ELIMIT / CS_ENOMEM with a short message
 * in err (errsz bytes): not a JSON object, bad syntax, trailing bytes,
 * a duplicate or mistyped member, bad hex, both data and data_hex,
 * an over-long id, kind, service or data.  out->id is filled as far as
 * it was parsed, so an error can name the line's id.
 */
int cs_ident_line_parse(const uint8_t *p, size_t n, struct cs_buf *data,
			struct cs_ident_line *out, char *err, size_t errsz);

/*
 * cs_ident_line_parse in steps: _scan reads the record (out->data_raw
 * is the data string as written, escapes not decoded, out->data stays
 * empty) but may leave the data string unchecked (out->data_checked
 * false); _check checks it; _data checks and decodes it into data
 * (reset first) and points l->data at it.  The record's bytes (p, n)
 * must stay in place until then.  Errors, and what out holds after one,
 * as cs_ident_line_parse.  A caller that has seen the same data string
 * checked before (the memo of src/ident/memo.h) need not check it again:
 * whether it is valid depends on its bytes alone.
 */
int cs_ident_line_scan(const uint8_t *p, size_t n, struct cs_ident_line *out,
		       char *err, size_t errsz);
int cs_ident_line_check(struct cs_ident_line *l, char *err, size_t errsz);
int cs_ident_line_data(struct cs_ident_line *l, struct cs_buf *data, char *err,
		       size_t errsz);

struct cs_identity;

/*
 * Appends one output object for an identity (see docs/identify.md) to b,
 * without the newline: idname is "id" or "device", idv its value, nobs
 * the number of observations it was made from.  Returns 0 or the
 * cs_buf error.
 */
int cs_ident_format(struct cs_buf *b, const char *idname,
		    const struct cs_ident_val *idv,
		    const struct cs_identity *id, size_t nobs);

struct cs_ident_opts {
	size_t line_max;        /* 0: CS_IDENT_LINE_MAX */
	size_t open_max;        /* 0: CS_IDENT_OPEN_MAX */
	size_t held_max;        /* 0: CS_IDENT_HELD_MAX */
	bool no_memo;           /* decode and identify every message anew,
				   not what the memo kept (src/ident/memo.h) */
	cs_ident_mac_fn mac_fn; /* may be NULL */
	void *mac_arg;
	/*
	 * Called for each identity before it is printed (may be NULL): the
	 * id or device value, the observations it was made from and the
	 * identity (identify --db records it in the inventory).
	 */
	void (*on_identity)(void *arg, const struct cs_ident_val *v,
			    const struct cs_obs_list *obs,
			    const struct cs_identity *id);
	void *on_identity_arg;
};

struct cs_ident_stats {
	uint64_t lines;       /* non-blank input lines */
	uint64_t errors;      /* lines rejected */
	uint64_t malformed;   /* messages recorded as malformed */
	uint64_t identities;  /* objects printed */
	uint64_t early_flush; /* devices flushed before EOF for room */
	/* the memos (src/ident/memo.h), 0 with no_memo: messages looked up
	 * and found; observations looked up and found (cs_fpctx_memo) */
	uint64_t memo_lookups, memo_hits;
	uint64_t obs_lookups, obs_hits;
	/* lines identified alone looked up by the signature of their
	 * assertions, and found (memo.h) */
	uint64_t id_lookups, id_hits;
};

/*
 * Runs identify: reads JSON Lines from in until EOF, writes identities
 * to out and per-line errors ("identify: line N: ...") to err.  db and
 * the streams are borrowed; o may be NULL for defaults; st (may be
 * NULL) receives counts.  Returns 0, or CS_EIO if reading or writing
 * failed.  Malformed lines never stop the run.
 */
int cs_ident_run(const struct cs_fpdb *db, FILE *in, FILE *out, FILE *err,
		 const struct cs_ident_opts *o, struct cs_ident_stats *st);

#endif /* CS_IDENT_IDENT_H */
