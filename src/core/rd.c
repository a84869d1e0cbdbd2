/* SPDX-License-Identifier: ISC */
/* Checked, sticky-error byte reader; see rd.h. */
#include "core/rd.h"

#include "core/poison.h"

static const uint8_t *
take(struct cs_rd *r, size_t n)
{
	const uint8_t *p;

	if (r->err || n > r->n - r->off) {
		r->err = true;
		return NULL;
	}
	p = r->p + r->off;
	r->off += n;
	return p;
}

uint8_t
cs_rd_u8(struct cs_rd *r)
{
	const uint8_t *p = take(r, 1);
	return p ? p[0] : 0;
}

uint16_t
cs_rd_be16(struct cs_rd *r)
{
	const uint8_t *p = take(r, 2);
	return p ? (uint16_t)(p[0] << 8 | p[1]) : 0;
}

uint32_t
cs_rd_be32(struct cs_rd *r)
{
	const uint8_t *p = take(r, 4);
	return p ? (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
		       (uint32_t)p[2] << 8 | p[3]
		 : 0;
}

uint16_t
cs_rd_le16(struct cs_rd *r)
{
	const uint8_t *p = take(r, 2);
	return p ? (uint16_t)(p[1] << 8 | p[0]) : 0;
}

uint32_t
cs_rd_le32(struct cs_rd *r)
{
	const uint8_t *p = take(r, 4);
	return p ? (uint32_t)p[3] << 24 | (uint32_t)p[2] << 16 |
		       (uint32_t)p[1] << 8 | p[0]
		 : 0;
}

bool
cs_rd_bytes(struct cs_rd *r, size_t n, struct cs_span *out)
{
	const uint8_t *p = take(r, n);

	if (p == NULL) {
		*out = CS_SPAN_NULL;
		return false;
	}
	out->p = p;
	out->n = n;
	return true;
}

bool
cs_rd_skip(struct cs_rd *r, size_t n)
{
	return take(r, n) != NULL;
}
