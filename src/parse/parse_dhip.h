/* SPDX-License-Identifier: ISC */
/*
 * The JSON of a Dahua DHIP discovery reply (protocols.md §5),
 * {"mac":"…","method":"client.notifyDevInfo","params":{"deviceInfo":
 * {…}}}, given either framed (the 32-byte DHIP header of parse_vendor.h,
 * then the body) or as the bare JSON body.  Pure and bounded (json-c
 * through parse_json.h); fields are copied, cut to fit, into the
 * caller's struct.
 */
#ifndef CS_PARSE_PARSE_DHIP_H
#define CS_PARSE_PARSE_DHIP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/cs.h"

#define CS_DHIP_FIELD 128 /* bytes of one field, with NUL */

struct cs_dhip_info {
	bool framed;                /* a DHIP header preceded the JSON */
	struct cs_span json;        /* the JSON text, pointing into the input */
	char method[CS_DHIP_FIELD]; /* "client.notifyDevInfo" */
	char mac[CS_DHIP_FIELD];    /* top-level mac, else deviceInfo.MAC */
	char device_type[CS_DHIP_FIELD];  /* the model, IPC-HDW1431T1-S4 */
	char device_class[CS_DHIP_FIELD]; /* IPC, NVR, DVR, ... */
	char vendor[CS_DHIP_FIELD];       /* may read "Private"/"General" */
	char manufacturer[CS_DHIP_FIELD];
	char version[CS_DHIP_FIELD]; /* firmware "2.800.0000000.13.R" */
	char serial[CS_DHIP_FIELD];
	char machine_name[CS_DHIP_FIELD];
};

/*
 * Parses a DHIP message or a bare DHIP JSON body at p (n bytes).  The
 * device fields are read from params.deviceInfo (or a top-level
 * deviceInfo).  Returns 0 when the JSON is an object (fields it lacks
 * are ""); CS_EPROTO if it is not a DHIP frame and not a JSON object,
 * or the frame's magic is wrong; otherwise the error of cs_dhip_parse
 * (CS_ETRUNC, CS_ELIMIT) or cs_json_parse (CS_ETRUNC, CS_ELIMIT,
 * CS_EPROTO, CS_ENOMEM).
 */
int cs_dhip_info_parse(const uint8_t *p, size_t n, struct cs_dhip_info *out);

/*
 * Turns the fast path of cs_dhip_info_parse on (the default) or off for
 * the calling thread and returns whether it was on; cs_dhip_fast_count
 * says how many documents it read.  The fast path reads plain JSON
 * without json-c and gives what json-c does (the tests and the fuzz
 * target compare the two).
 */
bool cs_dhip_fast_set(bool on);
unsigned long cs_dhip_fast_count(void);

#endif /* CS_PARSE_PARSE_DHIP_H */
