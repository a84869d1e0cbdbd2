/* SPDX-License-Identifier: ISC */
/* Helpers shared by the discovery modules (src/disc/disc_*.c). */
#ifndef CS_DISC_DISC_UTIL_H
#define CS_DISC_DISC_UTIL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "engine/discover.h"

#define CS_DISC_IP4(a, b, c, d)                                                \
	((uint32_t)(a) << 24 | (uint32_t)(b) << 16 | (uint32_t)(c) << 8 |      \
	 (uint32_t)(d))

/* An RFC 4122 version-4 UUID from nonce and seq, lower or upper case. */
void cs_disc_uuid_text(const uint8_t nonce[16], unsigned seq, bool upper,
		       char out[37]);
/* True if the text lit occurs in p (n bytes). */
bool cs_disc_has(const uint8_t *p, size_t n, const char *lit);
/* Stores v at b, least / most significant byte first. */
void cs_disc_put_le32(uint8_t *b, uint32_t v);
void cs_disc_put_be16(uint8_t *b, uint16_t v);
void cs_disc_put_be32(uint8_t *b, uint32_t v);

#endif /* CS_DISC_DISC_UTIL_H */
