/* SPDX-License-Identifier: ISC */
/*
 * The observation vocabulary, declared once: every key something in
 * camsweep emits (a decoder of parse/decode.h, a probe, the engine,
 * discovery, passive listening), what its value holds, who emits it and
 * what a value looks like.  docs/fingerprints.md §1 lists the same keys
 * (tests/parse compares them), and the fingerprint loader refuses a rule
 * on a key that is not here or an example that does not look like a
 * value of any of the rule's keys.  Keys "<kind>.malformed" (a reply
 * that did not parse, raw) are known for every kind.
 */
#ifndef CS_PARSE_OBSKEYS_H
#define CS_PARSE_OBSKEYS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* What a value of a key looks like (checked on rule examples). */
enum cs_obs_shape {
	CS_SHAPE_TEXT,        /* anything */
	CS_SHAPE_STATUS_BODY, /* "<3-digit status> <body>" */
	CS_SHAPE_STATUS,      /* a 3-digit status code */
	CS_SHAPE_HEX,         /* lower- or upper-case hex digits */
	CS_SHAPE_SCOPES,      /* space-separated URIs (scheme://... or
				 scheme:...) */
	CS_SHAPE_DN,          /* RFC 4514-style name: has '=' */
	CS_SHAPE_MAC,         /* aa:bb:cc:dd:ee:ff */
	CS_SHAPE_JSON,        /* a JSON text or fragment: has '{', '['
				 or ':' (maybe behind framing bytes) */
	CS_SHAPE_HDRVAL,      /* a header's value, not "Name: value" */
	CS_SHAPE_REALM,       /* a realm alone, not realm="..." or a
				 whole challenge */
	CS_SHAPE_TITLE,       /* a title's text, not its <title> tag */
	CS_SHAPE_DNSSD,       /* a DNS-SD service type: "_..." */
};

struct cs_obs_keydef {
	const char *key;
	const char *desc;    /* what the value holds */
	const char *emitter; /* who emits it */
	enum cs_obs_shape shape;
};

/* The declared keys, in table order (count in *n). */
const struct cs_obs_keydef *cs_obs_keys(size_t *n);
/* The entry for key, or NULL if nothing emits it. */
const struct cs_obs_keydef *cs_obs_key_find(const char *key);
/* True if p (n bytes) looks like a value of the shape. */
bool cs_obs_shape_ok(enum cs_obs_shape shape, const uint8_t *p, size_t n);
/* A short name of the shape, for messages ("a hex string"). */
const char *cs_obs_shape_name(enum cs_obs_shape shape);

#endif /* CS_PARSE_OBSKEYS_H */
