/* SPDX-License-Identifier: ISC */
/*
 * Vendor discovery protocols beyond WS-Discovery, SADP, DHIP, SSDP and
 * mDNS: one pure, bounded parser per protocol (parse_vd_NAME.c) that
 * tells a message of the protocol apart from anything else, says whether
 * it is the inquiry, a reply or some other message of the protocol (a
 * configuration, modification or reboot command), and reads the identity
 * fields of a reply.  Wire layouts and their confidence are in
 * /work/shared/docs/discovery-protocols.md (§ numbers below) and in
 * docs/modules/disc-NAME.md; a layout resting on one reverse-engineered
 * implementation is marked ASSUMED where it is read.
 *
 * The same table serves the discovery modules (src/disc: their reply
 * filters), the decoder (parse/decode.c: one `identify` kind per
 * protocol), passive listening (by UDP port) and the test that every
 * datagram camsweep sends is an inquiry (tests/parse/test_vdisc.c).
 */
#ifndef CS_PARSE_PARSE_VDISC_H
#define CS_PARSE_PARSE_VDISC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/cs.h"

#define CS_VD_TEXT 96 /* bytes of a text field, with its NUL */

enum cs_vd_msg {
	CS_VD_REPLY = 1, /* a device's answer or announcement */
	CS_VD_INQUIRY,   /* the search request (what camsweep sends) */
	CS_VD_OTHER,     /* any other message of the protocol: a set,
			    commit, reboot or unknown command */
};

struct cs_vdisc {
	enum cs_vd_msg msg;
	unsigned op;    /* the message's command, opcode or type */
	bool truncated; /* a reply cut short: fields read may be
			   fewer than it carried */
	bool has_mac;   /* mac holds the device's MAC address */
	uint8_t mac[6];
	char ipv4[16];          /* the address the reply names, dotted */
	char model[CS_VD_TEXT]; /* model / device type */
	char firmware[CS_VD_TEXT];
	char name[CS_VD_TEXT];     /* user-assigned or host name */
	char serial[CS_VD_TEXT];   /* serial number or device identifier */
	char vendor[CS_VD_TEXT];   /* manufacturer a reply names (GVCP) */
	char devclass[CS_VD_TEXT]; /* a device class or product code */
};

struct cs_vd_proto {
	const char *kind;    /* `identify` kind, e.g. "bosch-disc" */
	const char *prefix;  /* observation key prefix, e.g. "bosch" */
	const char *alias;   /* the discovery module's name, also accepted
				as a kind ("bosch") */
	uint16_t port;       /* UDP port devices receive inquiries on */
	uint16_t reply_port; /* fixed UDP port replies go to (0: the
				sender's) */
	/*
	 * Parses p (n bytes).  Returns 0 for a message of the protocol
	 * (out->msg says which; out is filled for replies), CS_EPROTO for
	 * anything else.  Never reads outside [p, p + n).
	 */
	int (*parse)(const uint8_t *p, size_t n, struct cs_vdisc *out);
};

/* The protocols, in table order (count in *n). */
const struct cs_vd_proto *cs_vd_protos(size_t *n);
/* The protocol whose kind or alias is kind, or NULL. */
const struct cs_vd_proto *cs_vd_find(const char *kind);
/*
 * For a datagram of unknown protocol (kind "vdisc"): the protocol that
 * reads p (n bytes) as a reply, those whose port or reply port is port
 * tried first (port 0: none), or NULL.
 */
const struct cs_vd_proto *cs_vd_guess(const uint8_t *p, size_t n,
				      uint16_t port);
/* True if p (n bytes) is a reply of the protocol of kind. */
bool cs_vd_is_reply(const char *kind, const uint8_t *p, size_t n);

/* The parsers (see each file for its layout and sources). */
int cs_vd_dh5050_parse(const uint8_t *p, size_t n, struct cs_vdisc *out);
int cs_vd_bosch_parse(const uint8_t *p, size_t n, struct cs_vdisc *out);
int cs_vd_hanwha_parse(const uint8_t *p, size_t n, struct cs_vdisc *out);
int cs_vd_panasonic_parse(const uint8_t *p, size_t n, struct cs_vdisc *out);
int cs_vd_sony_parse(const uint8_t *p, size_t n, struct cs_vdisc *out);
int cs_vd_vivotek_parse(const uint8_t *p, size_t n, struct cs_vdisc *out);
int cs_vd_foscam_parse(const uint8_t *p, size_t n, struct cs_vdisc *out);
int cs_vd_vstarcam_parse(const uint8_t *p, size_t n, struct cs_vdisc *out);
int cs_vd_ubnt_parse(const uint8_t *p, size_t n, struct cs_vdisc *out);
int cs_vd_gvcp_parse(const uint8_t *p, size_t n, struct cs_vdisc *out);
int cs_vd_v360_parse(const uint8_t *p, size_t n, struct cs_vdisc *out);
int cs_vd_nice_parse(const uint8_t *p, size_t n, struct cs_vdisc *out);

/* ---- helpers shared by the parsers (parse_vdisc.c) ---- */

/* Copies the text of field (p, n): up to the first NUL, trimmed, each
 * byte outside printable ASCII replaced by '?'. */
void cs_vd_text(char *dst, size_t dsz, const uint8_t *p, size_t n);
/* Writes 4 bytes (network order) as a dotted quad; "" for 0.0.0.0. */
void cs_vd_ipv4(char dst[16], const uint8_t *p);
/* Sets the MAC from 6 bytes unless they are all 0 or all 0xff. */
void cs_vd_mac(struct cs_vdisc *out, const uint8_t *p);
/* Sets the MAC from its text (aa:bb:..., aa-bb-..., aabbcc...). */
void cs_vd_mac_text(struct cs_vdisc *out, const uint8_t *p, size_t n);
uint16_t cs_vd_be16(const uint8_t *p);
uint32_t cs_vd_be32(const uint8_t *p);

#endif /* CS_PARSE_PARSE_VDISC_H */
