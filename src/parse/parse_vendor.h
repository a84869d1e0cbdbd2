/* SPDX-License-Identifier: ISC */
/*
 * Binary framings of camera vendors' private services: the Hikvision
 * port-8000 "SDK" greeting, Dahua DVRIP (TCP 37777), Xiongmai DVRIP
 * (TCP 34567) and Dahua DHIP (UDP 37810 and TCP).  Parsers are pure and
 * read through core/rd.h; payload spans point into the caller's input.
 * Builders write into a caller buffer and never allocate.
 */
#ifndef CS_PARSE_PARSE_VENDOR_H
#define CS_PARSE_PARSE_VENDOR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/cs.h"

#define CS_HIK_SDK_LEN 16
#define CS_DH_DVRIP_HDR 32
#define CS_DH_DVRIP_MAX 16384 /* payload bytes */
#define CS_XM_HDR 20
#define CS_XM_MAX 65536 /* payload bytes */
#define CS_DHIP_HDR 32
#define CS_DHIP_MAX 65536 /* body bytes */

/* Hikvision port 8000 reply: four big-endian words. */
struct cs_hik_sdk {
	uint32_t length; /* always 16 */
	uint32_t code1, code2, code3;
};

/*
 * Recognises the 16-byte reply of Hikvision's port-8000 service, whose
 * first big-endian word is its total length 16 (e.g. 00000010 0000001e
 * 0000001e 00000000).  Bytes after the 16 are ignored.  Returns 0;
 * CS_ETRUNC if fewer than 16 bytes are present and they could still be
 * such a reply; CS_EPROTO otherwise.
 */
int cs_hik_sdk_parse(const uint8_t *p, size_t n, struct cs_hik_sdk *out);

/* A Dahua DVRIP message (32-byte header). */
struct cs_dh_dvrip {
	uint8_t type[4];       /* first four bytes, e.g. b0 00 00 68 */
	bool is_reply;         /* type[0] == 0xB0 (answer to a0 requests) */
	uint32_t len;          /* little-endian u32 at offset 4 */
	struct cs_span header; /* the 32 header bytes */
	/* The len bytes after the header when complete, else empty. */
	struct cs_span payload;
	/* len <= CS_DH_DVRIP_MAX and all its bytes are present. */
	bool complete;
};

/*
 * Parses a Dahua DVRIP message.  The first byte must have its high bit
 * set (a0, b0, b3, f6 ... message classes).  The meaning of the length
 * word is not documented for every message type, so a header alone
 * succeeds: the payload is exposed only when len is within
 * CS_DH_DVRIP_MAX and all its bytes are present (out->complete); a
 * streaming caller may wait for more while !complete && len <= cap.
 * Returns 0; CS_ETRUNC if fewer than 32 bytes are present; CS_EPROTO if
 * the first byte is < 0x80.
 */
int cs_dh_dvrip_parse(const uint8_t *p, size_t n, struct cs_dh_dvrip *out);

/*
 * Writes the 32-byte DVRIP "request realm" message (a0 01 00 60, then
 * zeros) into out.  It asks only for the login realm and sends no
 * credentials, so it cannot count as a failed login.  Returns 32.
 */
size_t cs_dh_dvrip_realm_request(uint8_t out[32]);

/* A Xiongmai (XMeye / NETSurveillance) DVRIP message. */
struct cs_xm_msg {
	uint8_t head; /* 0xFF */
	uint8_t version;
	uint32_t session, seq;
	uint16_t msgid; /* e.g. 1000 login, 1001 its reply */
	uint32_t len;   /* payload length from the header */
	/* The payload with trailing LF and NUL bytes removed (JSON). */
	struct cs_span payload;
};

/*
 * Parses one Xiongmai message: 20-byte little-endian header (0xFF,
 * version, 2 pad, session, sequence, 2 pad, message id u16, payload
 * length u32) then the payload.  Returns 0; CS_ETRUNC if the header or
 * payload is not all present; CS_ELIMIT if the length exceeds CS_XM_MAX;
 * CS_EPROTO if the first byte is not 0xFF.
 */
int cs_xm_parse(const uint8_t *p, size_t n, struct cs_xm_msg *out);

/*
 * Builds a Xiongmai message with payload json (NUL-terminated; may be
 * NULL for none) followed by "\n\0", into out (cap bytes).  Returns the
 * message length, or 0 if it does not fit or the payload would exceed
 * CS_XM_MAX.
 */
size_t cs_xm_build(uint8_t *out, size_t cap, uint16_t msgid, uint32_t session,
		   uint32_t seq, const char *json);

/* A Dahua DHIP message. */
struct cs_dhip {
	uint32_t session, id;
	uint32_t len;  /* body length, offset 0x10 */
	uint32_t len2; /* the repeat at 0x18 (total of a fragmented message) */
	struct cs_span body; /* len bytes after the header (JSON text) */
};

/*
 * Parses a DHIP message: 32-byte little-endian header starting
 * 20 00 00 00 "DHIP", session, request id, body length, 0, body length
 * again, 0; then the body.  Returns 0; CS_ETRUNC if the header or body
 * is not all present; CS_ELIMIT if the length exceeds CS_DHIP_MAX;
 * CS_EPROTO if the magic is wrong.
 */
int cs_dhip_parse(const uint8_t *p, size_t n, struct cs_dhip *out);

/*
 * Builds a DHIP message with body json (NUL-terminated, sent as is, so
 * include any "\n" the peer expects) into out (cap bytes).  Returns the
 * message length or 0 if it does not fit or exceeds CS_DHIP_MAX.
 */
size_t cs_dhip_build(uint8_t *out, size_t cap, uint32_t session, uint32_t id,
		     const char *json);

#endif /* CS_PARSE_PARSE_VENDOR_H */
