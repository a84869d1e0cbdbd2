/* SPDX-License-Identifier: ISC */
/*
 * Hikvision SADP (UDP 37020) messages: the plain XML <Probe> and
 * <ProbeMatch> documents of protocols.md §3, parsed with the locked-down
 * expat settings of parse_soap.h (no DOCTYPE, caps on size and depth).
 * Text is copied, trimmed and cut to 127 bytes, into the caller's
 * struct.
 */
#ifndef CS_PARSE_PARSE_SADP_H
#define CS_PARSE_PARSE_SADP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/cs.h"

#define CS_SADP_FIELD 128 /* bytes of one field, with NUL */

struct cs_sadp {
	bool probe_match; /* root is ProbeMatch (else a Probe) */
	bool salvaged;    /* read from a cut or malformed document (any
			     root accepted then; see cs_xml_find_text) */
	char uuid[CS_SADP_FIELD];
	char types[CS_SADP_FIELD];
	char device_type[CS_SADP_FIELD]; /* numeric type code */
	char description[CS_SADP_FIELD]; /* the model */
	char serial[CS_SADP_FIELD];      /* DeviceSN */
	char mac[CS_SADP_FIELD];         /* as sent: 58-50-ed-1f-e3-85 */
	char ipv4[CS_SADP_FIELD];
	char software_version[CS_SADP_FIELD]; /* "V5.6.2build 190701" */
	char dsp_version[CS_SADP_FIELD];
	char oem_info[CS_SADP_FIELD];
	char detail_oem_code[CS_SADP_FIELD];
	char http_port[CS_SADP_FIELD];
	char command_port[CS_SADP_FIELD];
	char activated[CS_SADP_FIELD];
	char hc_platform_enable[CS_SADP_FIELD]; /* Hik-Connect on: "true",
						   "false" ("flase") */
};

/*
 * Parses the SADP document at p (n bytes).  Returns 0 for a well-formed
 * document whose root element is ProbeMatch or Probe; CS_EPROTO for any
 * other root, malformed XML, a DOCTYPE or empty input; CS_ELIMIT and
 * CS_ENOMEM as cs_soap_parse.  Fields missing from the document are "".
 */
int cs_sadp_parse(const uint8_t *p, size_t n, struct cs_sadp *out);

#endif /* CS_PARSE_PARSE_SADP_H */
