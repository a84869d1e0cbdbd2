/* SPDX-License-Identifier: ISC */
/* Helpers shared by the discovery modules; see disc_util.h. */
#include "disc/disc_util.h"

#include <string.h>

#include "core/str.h"
#include "core/poison.h"

void
cs_disc_uuid_text(const uint8_t nonce[16], unsigned seq, bool upper,
		  char out[37])
{
	static const char lo[] = "0123456789abcdef", up[] = "0123456789ABCDEF";
	const char *hex = upper ? up : lo;
	uint8_t b[16];
	size_t k = 0;

	memcpy(b, nonce, 16);
	b[15] ^= (uint8_t)seq;
	b[6] = (uint8_t)((b[6] & 0x0f) | 0x40); /* version 4 */
	b[8] = (uint8_t)((b[8] & 0x3f) | 0x80); /* RFC 4122 variant */
	for (size_t i = 0; i < 16; i++) {
		if (i == 4 || i == 6 || i == 8 || i == 10)
			out[k++] = '-';
		out[k++] = hex[b[i] >> 4];
		out[k++] = hex[b[i] & 15];
	}
	out[k] = '\0';
}

bool
cs_disc_has(const uint8_t *p, size_t n, const char *lit)
{
	return cs_memmem(p, n, (const uint8_t *)lit, strlen(lit)) != NULL;
}

void
cs_disc_put_le32(uint8_t *b, uint32_t v)
{
	b[0] = (uint8_t)v;
	b[1] = (uint8_t)(v >> 8);
	b[2] = (uint8_t)(v >> 16);
	b[3] = (uint8_t)(v >> 24);
}

void
cs_disc_put_be16(uint8_t *b, uint16_t v)
{
	b[0] = (uint8_t)(v >> 8);
	b[1] = (uint8_t)v;
}

void
cs_disc_put_be32(uint8_t *b, uint32_t v)
{
	b[0] = (uint8_t)(v >> 24);
	b[1] = (uint8_t)(v >> 16);
	b[2] = (uint8_t)(v >> 8);
	b[3] = (uint8_t)v;
}
