/* SPDX-License-Identifier: ISC */
/* DNS names in messages (see dnsname.h). */
#include "core/dnsname.h"

#include <stdbool.h>
#include <string.h>

#include "core/poison.h"

int
cs_dns_name_read(const uint8_t *msg, size_t n, size_t *off, unsigned hops_max,
		 uint8_t wire[CS_DNS_NAME_MAX])
{
	size_t pos = *off, w = 0, after = 0;
	unsigned hops = 0;
	bool jumped = false;

	for (;;) {
		uint8_t len;

		if (pos >= n)
			return CS_ETRUNC;
		len = msg[pos];
		if ((len & 0xC0) == 0xC0) {
			size_t ptr;

			if (pos + 1 >= n)
				return CS_ETRUNC;
			ptr = ((size_t)(len & 0x3F) << 8) | msg[pos + 1];
			/* Strictly backwards: no loops, no self-reference. */
			if (ptr >= pos || ++hops > hops_max)
				return CS_EPROTO;
			if (!jumped) {
				after = pos + 2;
				jumped = true;
			}
			pos = ptr;
			continue;
		}
		if ((len & 0xC0) != 0)
			return CS_EPROTO; /* 0x40 and 0x80 label types */
		pos++;
		if (w + 1 + (size_t)len > CS_DNS_NAME_MAX)
			return CS_EPROTO;
		wire[w++] = len;
		if (len == 0)
			break;
		if (len > n - pos)
			return CS_ETRUNC;
		memcpy(wire + w, msg + pos, len);
		w += len;
		pos += len;
	}
	*off = jumped ? after : pos;
	return 0;
}
