/* SPDX-License-Identifier: ISC */
/*
 * SOAP / ONVIF / WS-Discovery replies and other small XML documents
 * (Hikvision ISAPI, SADP), parsed with expat in a locked-down mode:
 * namespace-aware, any DOCTYPE rejected (so no entity declarations and
 * no external entities), parameter entities never parsed, and caps on
 * bytes, element depth and attributes per element counted by our own
 * handlers.  Elements are matched by local name whatever their prefix.
 * Results are copied, truncated and NUL-terminated, into the caller's
 * struct; nothing is kept after return.
 */
#ifndef CS_PARSE_PARSE_SOAP_H
#define CS_PARSE_PARSE_SOAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/cs.h"

#define CS_XML_MAX (256u * 1024u) /* bytes of one document */
#define CS_XML_DEPTH_MAX 32       /* element nesting */
#define CS_XML_ATTR_MAX 64        /* attributes per element */
#define CS_XML_NAMES_MAX 32       /* names per cs_xml_find_text call */

struct cs_soap {
	/* Distinct namespace URIs declared, in order of first appearance. */
	char ns[32][128];
	size_t nns;
	bool fault;              /* Body holds a Fault */
	char fault_code[128];    /* Fault/Code/Value (SOAP 1.1: faultcode) */
	char fault_subcode[128]; /* Fault/Code/Subcode/Value */
	char fault_reason[256];  /* Fault/Reason/Text (1.1: faultstring) */
	char manufacturer[128], model[128], firmware[128], serial[128],
	    hardware_id[128];
	char scopes[2048]; /* text of Scopes element(s), space-joined */
	char xaddrs[1024]; /* text of the first XAddrs (or XAddr) */
	char types[512];   /* text of the first Types */
	char body_op[128]; /* local name of the first child of Body */
	/* Read by the salvage pass (see cs_soap_parse). */
	bool salvaged;
	/* From UTCDateTime of a GetSystemDateAndTimeResponse; -1 if absent. */
	int utc_year, utc_month, utc_day, utc_hour, utc_minute, utc_second;
};

/*
 * Parses the SOAP envelope at p (n bytes, not NUL-terminated) into out.
 * Text fields are whitespace-trimmed; the first occurrence of each
 * element wins (Scopes: all are joined with a space).  Out-of-range date
 * fields are left at -1.
 *
 * Input that is not well-formed gets a second, salvage pass: bytes
 * before the first '<' and an XML declaration are skipped, the rest is
 * read inside a synthetic root without namespace processing (so a SOAP
 * Body without its Envelope, a bare element fragment, undeclared
 * prefixes and several top-level elements are read), and whatever was
 * complete before the first error is kept (the text of elements still
 * open there is dropped, as it may be cut).  If that yields any field
 * or namespace, out->salvaged is set and 0 returned.  A DOCTYPE or
 * entity declaration is never salvaged.
 *
 * Returns 0 for a well-formed document (even one that is not SOAP: then
 * the fields are just empty) or a salvaged one; CS_EPROTO for malformed
 * XML nothing could be salvaged from, any DOCTYPE, an empty input or an
 * unsupported encoding; CS_ELIMIT if n exceeds
 * CS_XML_MAX, nesting exceeds CS_XML_DEPTH_MAX or an element has more
 * than CS_XML_ATTR_MAX attributes; CS_ENOMEM if expat cannot allocate.
 * Fields may be partly filled on error.
 */
int cs_soap_parse(const uint8_t *p, size_t n, struct cs_soap *out);

/* The root element of a document, for cs_xml_find_text. */
struct cs_xml_meta {
	char root[64];     /* local name */
	char root_ns[128]; /* namespace URI, "" if none (always when
			      salvaged) */
	bool salvaged;     /* read by the salvage pass of cs_soap_parse */
};

/*
 * Parses the XML document at p (n bytes) with the same settings and
 * caps as cs_soap_parse and sets out[i] to the trimmed text of the first
 * element whose local name equals names[i] (case-sensitive), or "" if
 * there is none; the text of child elements is included.  meta (may be
 * NULL) receives the root element.  nnames is at most CS_XML_NAMES_MAX.
 * Malformed input is salvaged as by cs_soap_parse when at least one of
 * the names is found with text (meta->salvaged is then set).
 * Returns 0, CS_EINVAL for bad arguments, or as cs_soap_parse.
 */
int cs_xml_find_text(const uint8_t *p, size_t n, const char *const *names,
		     size_t nnames, char out[][128], struct cs_xml_meta *meta);

/*
 * Turns the fast path of the parses above on (the default) or off for
 * the calling thread, and returns whether it was on.  The fast path reads
 * plain well-formed documents without expat and gives byte for byte what
 * expat does; off, every document goes through expat (the tests and the
 * fuzz targets compare the two).
 */
bool cs_xml_fast_set(bool on);
/* How many documents the fast path read in the calling thread. */
unsigned long cs_xml_fast_count(void);

#endif /* CS_PARSE_PARSE_SOAP_H */
