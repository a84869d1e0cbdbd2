/* SPDX-License-Identifier: ISC */
/*
 * camsim's protocol responders: pure functions (no I/O, no globals) that
 * turn the bytes a client sent to a simulated port into the canned reply
 * of the device's profile.  The event loop in camsim.c feeds them.
 *
 * Reply templates may contain {name} placeholders, replaced by:
 *   ip model firmware serial brand manufacturer uuid
 *   mac (aa:bb:..) MAC (AA:BB:..) mac_dash (aa-bb-..) mac_hex MAC_HEX
 *   any "vars" of the profile or model
 *   date (RFC 1123, GMT), iso_time (YYYY-MM-DDTHH:MM:SSZ), year month day
 *   hour minute second (UTC, no padding), nonce (32 lower-case hex digits,
 *   new for every reply), session and random (decimals, new for every
 *   reply), cseq
 *   (the RTSP request's CSeq), digest_nonce (a nonce the Digest check
 *   of camsim_auth.h accepts for this device), channel and channel0
 *   (an attached camera's channel, from 1 and from 0).
 * Anything else in braces is copied unchanged, so JSON bodies need no
 * escaping.
 */
#ifndef CS_CAMSIM_PROTO_H
#define CS_CAMSIM_PROTO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "core/buf.h"
#include "core/cs.h"
#include "camsim_estate.h"
#include "camsim_profile.h"

/* Most bytes a request (head plus body) may have. */
#define CS_CAMSIM_MAX_REQ 65536

/* Values that change per reply, supplied by the caller. */
struct cs_camsim_dyn {
	time_t now;          /* wall-clock time for {date} and friends */
	uint64_t nonce;      /* fresh random bits for {nonce}, {session} */
	struct cs_span cseq; /* RTSP CSeq value; set by the responder */
	uint64_t secret;     /* per-run key of Digest nonces */
};

/*
 * Appends template tmpl expanded for device d to out.  d and dyn are
 * borrowed for the call.  Returns 0 or a cs_buf error (CS_ELIMIT).
 */
int cs_camsim_expand(struct cs_buf *out, const char *tmpl,
		     const struct cs_camsim_device *d,
		     const struct cs_camsim_dyn *dyn);

/*
 * Appends to out what port p of device d sends as soon as a client
 * connects (nothing for most services).  Returns 0 or a cs_buf error.
 */
int cs_camsim_proto_greet(const struct cs_camsim_device *d,
			  const struct cs_camsim_port *p,
			  const struct cs_camsim_dyn *dyn, struct cs_buf *out);

/*
 * Answers the client bytes in (all not yet consumed; hostile, not NUL
 * terminated, borrowed for the call).  On return 0, *consumed is the
 * number of bytes used (0 when a complete request has not arrived yet),
 * the reply (possibly empty) has been appended to out, and *close says
 * whether the connection should be closed once the reply is sent.
 * Returns CS_ELIMIT if the request exceeds CS_CAMSIM_MAX_REQ, CS_EPROTO if
 * it can never become valid for this service; the caller then closes.
 */
int cs_camsim_proto_feed(const struct cs_camsim_device *d,
			 const struct cs_camsim_port *p, struct cs_span in,
			 struct cs_camsim_dyn *dyn, struct cs_buf *out,
			 size_t *consumed, bool *close);

#endif /* CS_CAMSIM_PROTO_H */
