/* SPDX-License-Identifier: ISC */
/*
 * camsim replay mode (docs/camsim.md, "Replay"): serves recorded device
 * replies -- `camsweep identify` input lines -- as live loopback hosts.
 * Each unit (a line, or the lines sharing a "device" value) gets one
 * address; each line of a TCP kind is answered on its recorded port (or
 * its protocol's usual one) to the request the scanner's probe for that
 * kind sends.  Kinds that cannot be served as a live host on loopback are
 * listed as skipped, with the reason.
 *
 * Loading is done once at start; the responders are pure and bounded
 * (they read the client's bytes, never copy them into a reply except a
 * numeric RTSP CSeq).
 */
#ifndef CS_CAMSIM_REPLAY_H
#define CS_CAMSIM_REPLAY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "core/buf.h"
#include "core/cs.h"

/* How a port of a replayed unit talks. */
enum cs_rp_proto {
	CS_RP_HTTP,  /* one request, one routed reply, close */
	CS_RP_RTSP,  /* requests answered by method, CSeq echoed */
	CS_RP_GREET, /* the reply is sent on connect (banners, hik-sdk) */
	CS_RP_DHIP,  /* Dahua DVRIP: answered after a 32-byte request */
	CS_RP_XM,    /* Xiongmai DVRIP: answered after one framed message */
};

/* One recorded reply and the request it answers. */
struct cs_rp_reply {
	char *id;       /* the line's id (owned) */
	char *kind;     /* identify kind (owned) */
	char *route;    /* HTTP path prefix, RTSP method, or NULL (owned) */
	char *onvif_op; /* ONVIF operation answered, or NULL (owned) */
	uint8_t *data;  /* bytes sent, framing added if any (owned) */
	size_t n;
	const char *framing;    /* "recorded" or what was added (static) */
	uint16_t recorded_port; /* 0 when the line named none */
	bool close_after;       /* RTSP: close after this reply */
};

struct cs_rp_port {
	uint16_t port;
	enum cs_rp_proto proto;
	bool tls; /* served over TLS: an HTTP port 443 or 8443 */
	struct cs_rp_reply *replies; /* owned */
	size_t nreplies;
};

/* A line that is not served, and why. */
struct cs_rp_skip {
	char *id, *kind;    /* owned */
	const char *reason; /* static */
};

struct cs_rp_unit {
	char *key;   /* "dev:<device>" or "id:<id>" (owned) */
	char ip[16]; /* "" when nothing of the unit is served */
	uint32_t addr;
	struct cs_rp_port *ports; /* owned */
	size_t nports;
	struct cs_rp_skip *skips; /* owned */
	size_t nskips;
	size_t nlines;
};

struct cs_rp_set {
	struct cs_rp_unit *units; /* owned, in input order */
	size_t nunits;
	size_t lines, bad_lines;
};

/*
 * Reads the JSON Lines of f (at most max_units units) into set.  Lines
 * that are not JSON objects with a kind and data are counted in
 * bad_lines.  Returns 0, or CS_ELIMIT when there are more units than
 * max_units.  The set is filled either way; free it with
 * cs_rp_set_free.
 */
int cs_rp_load(FILE *f, size_t max_units, struct cs_rp_set *set);

void cs_rp_set_free(struct cs_rp_set *set);

/*
 * Writes the manifest: one JSON object per unit (unit, ip or null, ids,
 * served [{id, kind, port, recorded_port, route, framing, tls}], skipped
 * [{id, kind, reason}]).  Returns 0 or -1 on a write error.
 */
int cs_rp_manifest_write(FILE *f, const struct cs_rp_set *set);

/* Writes to f the served/skipped counts by kind and reason. */
void cs_rp_summary(FILE *f, const struct cs_rp_set *set);

/*
 * What a port sends when a client connects (CS_RP_GREET): appends to
 * out; sets *close when the connection should close once it is sent.
 */
void cs_rp_greet(const struct cs_rp_port *pt, struct cs_buf *out, bool *close);

/*
 * Answers the client bytes in (everything received and not yet
 * consumed).  Sets *used to the bytes of one whole request consumed (0:
 * wait for more) and *close when the connection should close after the
 * reply.  Returns 0, or CS_EPROTO for input that can never be answered
 * (the caller closes).
 */
int cs_rp_feed(const struct cs_rp_port *pt, struct cs_span in,
	       struct cs_buf *out, size_t *used, bool *close);

#endif /* CS_CAMSIM_REPLAY_H */
