/* SPDX-License-Identifier: ISC */
/*
 * identify's memo of decoded messages (private to src/ident).  The
 * decoders are pure functions of a message (kind, port, service, the
 * data string as written), and an estate's devices of one model answer
 * with the same bytes, so identify keeps what each message decoded to:
 * the observations it appended, the decoder's return code and, for a
 * line identified alone, the output object after its id value (the
 * identity of one message's observations).  A repeated message is then
 * neither decoded nor identified again, and the output is byte for byte
 * what decoding it again would give.
 *
 * Bounded: at most CS_MEMO_ENTRIES messages of at most CS_MEMO_RAW_MAX
 * bytes each and CS_MEMO_BYTES bytes in all; when full it is emptied.
 * A message is kept the second time it is seen (cs_memo_admit).
 */
#ifndef CS_IDENT_MEMO_H
#define CS_IDENT_MEMO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/obs.h"
#include "ident/ident.h"

#define CS_MEMO_RAW_MAX 16384               /* bytes of a data string kept */
#define CS_MEMO_ENTRIES 4096                /* messages kept */
#define CS_MEMO_BYTES (16u * 1024u * 1024u) /* bytes kept in all */
#define CS_MEMO_SEEN 16384 /* hashes of messages seen once (a power of 2) */

struct cs_memo_ent {
	uint64_t h;
	uint32_t next; /* next in hash chain, or UINT32_MAX */
	uint16_t port;
	bool hex;
	bool read_list; /* the decoder read the list: replay only onto an
			   empty one */
	int rc;         /* cs_ident_decode's return code */
	char kind[32], service[32];
	uint8_t *raw; /* the data string as written */
	size_t rawlen;
	struct cs_obs_list obs; /* what it appended */
	char *tail;             /* the output object after the id value */
	size_t taillen;
	bool has_tail;
};

struct cs_memo;

struct cs_memo *cs_memo_new(void);
void cs_memo_free(struct cs_memo *m);

/* The hash of a scanned line's message (kind, port, service, data). */
uint64_t cs_memo_hash(const struct cs_ident_line *l);

/* The entry for l's message (hash h), or NULL. */
struct cs_memo_ent *cs_memo_find(struct cs_memo *m,
				 const struct cs_ident_line *l, uint64_t h);

/*
 * Records that l's message (hash h, not in m) decoded with return code
 * rc to the observations src->v[from..src->n).  Returns the new entry,
 * or NULL if it is too large to keep.  Entries returned earlier may be
 * gone after the call.
 */
struct cs_memo_ent *cs_memo_put(struct cs_memo *m,
				const struct cs_ident_line *l, uint64_t h,
				int rc, bool read_list,
				const struct cs_obs_list *src, size_t from);

/*
 * Whether to keep a message not in m (hash h): true if its hash was seen
 * lately (a small table of the hashes of messages seen once), else
 * records it and returns false.  Messages that carry per-unit or
 * per-reply bytes (a Date header, a nonce, a serial number) never
 * repeat, and copying each into the memo, to be freed unread when it is
 * emptied, cost more than decoding them; a message is kept the second
 * time it is seen.
 */
bool cs_memo_admit(struct cs_memo *m, uint64_t h);

/* Keeps the output tail s (n bytes) with e, if there is room. */
void cs_memo_set_tail(struct cs_memo *m, struct cs_memo_ent *e, const char *s,
		      size_t n);

/*
 * The memo of evidence rows: the output of one evidence item
 * ({"field":...,"weight":...}) depends on the item alone, and devices of
 * one model give the same items, so the text is kept by item (bounded:
 * CS_ROWMEMO_ENTRIES items, CS_ROWMEMO_BYTES of text; emptied when
 * full).
 */
#define CS_ROWMEMO_ENTRIES 8192
#define CS_ROWMEMO_BYTES (2u * 1024u * 1024u)

struct cs_evidence;
struct cs_rowmemo;

struct cs_rowmemo *cs_rowmemo_new(void);
void cs_rowmemo_free(struct cs_rowmemo *m);
/* The hash of an item (what its row shows: strings, port, weight). */
uint64_t cs_rowmemo_hash(const struct cs_evidence *e);
/* The row kept for e (hash h), or NULL; *len gets its length. */
const char *cs_rowmemo_find(const struct cs_rowmemo *m,
			    const struct cs_evidence *e, uint64_t h,
			    size_t *len);
/* Keeps row s (n bytes) for e (hash h, not in m). */
void cs_rowmemo_put(struct cs_rowmemo *m, const struct cs_evidence *e,
		    uint64_t h, const char *s, size_t n);

/*
 * The memo of identities: the output of a line identified alone is a
 * function of the signature of its assertions (cs_fpctx_signature, with
 * the observation count and salvaged flag), and messages that differ
 * only in bytes no rule reads or shows (a Date header, a nonce, a
 * certificate's serial number) give the same signature, so the output
 * after the id value is kept by it.  Bounded: CS_IDMEMO_ENTRIES
 * identities, CS_IDMEMO_BYTES of signatures and text; emptied when
 * full; an identity is kept the second time its signature is seen.
 */
#define CS_IDMEMO_ENTRIES 4096
#define CS_IDMEMO_BYTES (8u * 1024u * 1024u)
#define CS_IDMEMO_SEEN 16384 /* a power of two */

struct cs_idmemo;

struct cs_idmemo *cs_idmemo_new(void);
void cs_idmemo_free(struct cs_idmemo *m);
/* The output kept for signature sig (n bytes, hash h), or NULL; *len
 * gets its length. */
const char *cs_idmemo_find(const struct cs_idmemo *m, const uint8_t *sig,
			   size_t n, uint64_t h, size_t *len);
/* Keeps output s (slen bytes) for sig (not in m), if its hash was seen
 * before (else records the hash). */
void cs_idmemo_put(struct cs_idmemo *m, const uint8_t *sig, size_t n,
		   uint64_t h, const char *s, size_t slen);

#endif /* CS_IDENT_MEMO_H */
