/* SPDX-License-Identifier: ISC */
/*
 * Channel lists of network video recorders: the cameras a recorder says
 * are attached to it (cloud-and-nvr.md Part 2).
 *
 *   Hikvision  GET /ISAPI/ContentMgmt/InputProxy/channels
 *              -> XML InputProxyChannelList / InputProxyChannel
 *   Dahua      GET
 * /cgi-bin/configManager.cgi?action=getConfig&name=RemoteDevice
 *              -> "table.RemoteDevice.<key>.<Field>=<value>" lines
 *
 * Pure and bounded: no I/O, no globals; input need not be NUL-terminated.
 * Fields are copied (cut to their size, NUL-terminated; control bytes
 * replaced by '?').  Passwords and user names in the reply are never
 * copied anywhere.
 */
#ifndef CS_PARSE_PARSE_NVR_H
#define CS_PARSE_PARSE_NVR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/buf.h"
#include "core/cs.h"

#define CS_NVR_CHANNELS_MAX 128         /* channels kept per recorder */
#define CS_NVR_INPUT_MAX (256u * 1024u) /* bytes of one reply */
#define CS_NVR_LINE_MAX 2048            /* bytes of one Dahua line */

/* One camera as the recorder describes it; "" for what it omits. */
struct cs_nvr_channel {
	unsigned channel; /* recorder's channel number (Hikvision id,
			     Dahua index + 1) */
	char ip[64];      /* address as written by the recorder */
	uint16_t port;    /* management port; 0 if absent or invalid */
	char name[64];
	char model[64];
	char serial[64];
	char firmware[64];
	char vendor[32]; /* proxyProtocol (Hikvision) or Vendor (Dahua) */
	char mac[24];
	bool enabled; /* Dahua Enable=true; always true for Hikvision */
};

struct cs_nvr_channels {
	struct cs_nvr_channel ch[CS_NVR_CHANNELS_MAX];
	size_t n;
	size_t dropped; /* channels beyond CS_NVR_CHANNELS_MAX */
};

/*
 * Parses an InputProxyChannelList document (p, n bytes) into *out, one
 * entry per InputProxyChannel, in document order.  The root element
 * must be InputProxyChannelList (any namespace).  Uses the same locked-
 * down expat settings and caps as parse_soap.h (no DOCTYPE, depth and
 * attribute caps).  Returns 0 (an empty list is fine), CS_EPROTO for
 * malformed XML or another root element, CS_ELIMIT for an input over
 * CS_NVR_INPUT_MAX or a depth/attribute cap, CS_ENOMEM.  *out is zeroed
 * first; on error it may hold the channels read so far.
 */
int cs_nvr_parse_isapi_channels(const uint8_t *p, size_t n,
				struct cs_nvr_channels *out);

/*
 * Parses a Dahua getConfig&name=RemoteDevice reply (p, n bytes) into
 * *out, one entry per distinct device key, in order of first appearance.
 * The channel number is the key's trailing "_N" plus one, else its
 * position plus one.  UserName and Password lines are skipped.  Lines
 * other than "table.RemoteDevice..." are ignored.  Returns 0,
 * CS_ENOTFOUND if no RemoteDevice line was seen, CS_ELIMIT for an input
 * over CS_NVR_INPUT_MAX or a line over CS_NVR_LINE_MAX.  *out is zeroed
 * first.
 */
int cs_nvr_parse_dahua_remote(const uint8_t *p, size_t n,
			      struct cs_nvr_channels *out);

/*
 * Appends channel c as one compact JSON object {"channel":N,"ip":"...",
 * "port":N,"name":"...","model":"...","serial":"...","firmware":"...",
 * "vendor":"...","mac":"..."} to b (strings escaped with cs_esc_json).
 * Returns 0 or the cs_buf error (b may then hold part of the object).
 */
int cs_nvr_channel_json(struct cs_buf *b, const struct cs_nvr_channel *c);

/*
 * Parses one object written by cs_nvr_channel_json (p, n bytes, at most
 * 4096) back into *c (zeroed first; unknown members ignored, strings cut
 * to their fields).  Returns 0, CS_EPROTO if it is not a JSON object or
 * CS_ELIMIT if it is too long.
 */
int cs_nvr_channel_from_json(const uint8_t *p, size_t n,
			     struct cs_nvr_channel *c);

#endif /* CS_PARSE_PARSE_NVR_H */
