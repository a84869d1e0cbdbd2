/* SPDX-License-Identifier: ISC */
/*
 * Observations: the plain, serialisable facts that probes extract from a
 * device's replies and that identification and the inventory consume.  An
 * observation is {key, port, flags, value bytes}.  Keys form a fixed
 * vocabulary, declared in parse/obskeys.h and documented in
 * docs/fingerprints.md §1 (for example "http.server", "rtsp.server",
 * "onvif.manufacturer").
 *
 * A list owns copies of every value it holds (values are capped at
 * CS_OBS_MAX_VALUE bytes and flagged CS_OBS_TRUNCATED when cut), so the
 * bytes passed to cs_obs_add are only borrowed for the call.
 */
#ifndef CS_CORE_OBS_H
#define CS_CORE_OBS_H

#include <stddef.h>
#include <stdint.h>

#include "core/cs.h"

#define CS_OBS_MAX_VALUE 4096 /* bytes kept of one value */
#define CS_OBS_MAX_KEY 48     /* key length including NUL */
#define CS_OBS_MAX_COUNT 256  /* observations kept per device */

enum cs_obs_flag {
	CS_OBS_TRUNCATED = 1 << 0, /* value was cut at CS_OBS_MAX_VALUE */
	CS_OBS_MALFORMED = 1 << 1, /* the reply did not parse; value is raw */
	CS_OBS_BINARY = 1 << 2,    /* value is binary, not text */
	CS_OBS_SALVAGED = 1 << 3,  /* read from a cut, fragmentary or
				      slightly malformed reply (see
				      parse/decode.h) */
};

struct cs_obs {
	char key[CS_OBS_MAX_KEY]; /* vocabulary key, NUL-terminated */
	uint16_t port;            /* TCP/UDP port it came from; 0 if none */
	unsigned flags;           /* enum cs_obs_flag bits */
	uint8_t *val;             /* owned; NUL kept after len, not counted */
	size_t len;               /* bytes in val */
};

struct cs_obs_block;

struct cs_obs_list {
	struct cs_obs *v; /* owned array */
	size_t n;
	size_t cap;
	size_t dropped; /* observations refused because the list was full */
	/* false (as cs_obs_list_init leaves it): each value is an
	 * allocation of its own, which the list's owner may free and
	 * replace one by one.  true (cs_obs_list_pool): the values are
	 * carved from blocks the list owns, freed all at once by
	 * cs_obs_list_clear and cs_obs_list_free: a value of such a list
	 * is never freed by itself.  The blocks' state is kept here, in
	 * the list (a pointer to it elsewhere was a cache miss a device). */
	bool pooled;
	struct cs_obs_block *blk;   /* the newest block, or NULL */
	struct cs_obs_block *first; /* the oldest block */
	size_t bused, bcap;         /* bytes used and held in blk */
	size_t fcap;                /* bytes held in first */
};

void cs_obs_list_init(struct cs_obs_list *l);
/*
 * Makes the empty list l pooled (nothing if it is): the values added
 * from now on are kept in blocks it owns (one allocation for many values
 * instead of a malloc and a free each; identify's lists), which only
 * cs_obs_list_clear and cs_obs_list_free (which leaves l unpooled) free.
 */
void cs_obs_list_pool(struct cs_obs_list *l);
/* Frees every value and the array; leaves l empty and reusable. */
void cs_obs_list_free(struct cs_obs_list *l);
/* Empties l (values freed) but keeps its array for reuse: as a freed
 * and re-initialised list, without the allocation (a pooled list stays
 * pooled and keeps its first block if small). */
void cs_obs_list_clear(struct cs_obs_list *l);
/*
 * Appends a copy of val (len bytes, capped) under key.  Returns 0,
 * CS_ELIMIT when the list already holds CS_OBS_MAX_COUNT entries (counted
 * in l->dropped), or CS_EINVAL for an over-long key.
 */
int cs_obs_add(struct cs_obs_list *l, const char *key, uint16_t port,
	       unsigned flags, const void *val, size_t len);
/*
 * Appends a copy of o, an observation of another list, as it is (its
 * value was capped and redacted when it was first added).  Returns 0 or
 * CS_ELIMIT as cs_obs_add.
 */
int cs_obs_add_copy(struct cs_obs_list *l, const struct cs_obs *o);
/* As cs_obs_add for a NUL-terminated value. */
int cs_obs_adds(struct cs_obs_list *l, const char *key, uint16_t port,
		const char *val);
/*
 * Drops every observation at index from or later that repeats an earlier
 * one of the list (same key, port and value bytes; flags are not
 * compared), keeping the order of the rest.  A host's replies that pass
 * through the same decoder (the root page and each follow-up of one web
 * server) give the same header facts once each; one copy is the fact.
 * Returns how many were dropped.
 */
size_t cs_obs_dedup_from(struct cs_obs_list *l, size_t from);
/* Returns the first observation with key (and port, unless 0), or NULL. */
const struct cs_obs *cs_obs_find(const struct cs_obs_list *l, const char *key,
				 uint16_t port);

#endif /* CS_CORE_OBS_H */
