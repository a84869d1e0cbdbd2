/* SPDX-License-Identifier: ISC */
/*
 * The one decoder of DNS names in messages (RFC 1035 §3.1, §4.1.4), shared
 * by the mDNS parser, the passive listener's DNS and DHCP readers and
 * camsim's responder.  Pure and bounded: compression pointers must point
 * strictly backwards and at most hops_max are followed, label types 0x40
 * and 0x80 are refused, and a name longer than 255 octets (length octets
 * and the root included) is refused.  How the labels are then printed
 * (escaped, lower-cased, filtered) is the caller's business.
 */
#ifndef CS_CORE_DNSNAME_H
#define CS_CORE_DNSNAME_H

#include <stddef.h>
#include <stdint.h>

#include "core/cs.h"

#define CS_DNS_NAME_MAX 255 /* octets of a name in wire form */

/*
 * Reads the name at *off of the whole message msg (n bytes) into wire
 * (uncompressed: length-prefixed labels ending with the zero root octet,
 * at most CS_DNS_NAME_MAX bytes) and advances *off past the name's bytes
 * in place (a pointer counts as two).  Returns 0, CS_ETRUNC (the message
 * ends inside the name) or CS_EPROTO.
 */
int cs_dns_name_read(const uint8_t *msg, size_t n, size_t *off,
		     unsigned hops_max, uint8_t wire[CS_DNS_NAME_MAX]);

#endif /* CS_CORE_DNSNAME_H */
