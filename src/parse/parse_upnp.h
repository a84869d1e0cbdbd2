/* SPDX-License-Identifier: ISC */
/*
 * UPnP device descriptions (the XML document a LOCATION URL serves,
 * UPnP Device Architecture §2.3), parsed with the locked-down expat
 * settings of parse_soap.h.  The fields of the first <device> (the root
 * device; embedded devices come later in document order) are copied,
 * trimmed and cut to 127 bytes.
 */
#ifndef CS_PARSE_PARSE_UPNP_H
#define CS_PARSE_PARSE_UPNP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/cs.h"

#define CS_UPNP_FIELD 128 /* bytes of one field, with NUL */

struct cs_upnp {
	char device_type[CS_UPNP_FIELD];
	char friendly_name[CS_UPNP_FIELD];
	char manufacturer[CS_UPNP_FIELD];
	char manufacturer_url[CS_UPNP_FIELD];
	char model_description[CS_UPNP_FIELD];
	char model_name[CS_UPNP_FIELD];
	char model_number[CS_UPNP_FIELD];
	char model_url[CS_UPNP_FIELD];
	char serial[CS_UPNP_FIELD];
	char udn[CS_UPNP_FIELD];
	char presentation_url[CS_UPNP_FIELD];
	bool salvaged; /* read from a cut or malformed document (any root
			 accepted then; see cs_xml_find_text) */
};

/*
 * Parses the description at p (n bytes).  Returns 0 for a well-formed
 * document whose root element is "root" (any namespace); CS_EPROTO for
 * another root, malformed XML, a DOCTYPE or empty input; CS_ELIMIT and
 * CS_ENOMEM as cs_soap_parse.  Missing fields are "".
 */
int cs_upnp_parse(const uint8_t *p, size_t n, struct cs_upnp *out);

#endif /* CS_PARSE_PARSE_UPNP_H */
