/* SPDX-License-Identifier: ISC */
/* Binary vendor framings; see parse_vendor.h. */
#include "parse/parse_vendor.h"

#include <string.h>

#include "core/rd.h"
#include "core/poison.h"

static const uint8_t hik_len[4] = {0, 0, 0, 0x10};
static const uint8_t dhip_magic[8] = {0x20, 0, 0, 0, 'D', 'H', 'I', 'P'};

static void
put_le16(uint8_t *p, uint16_t v)
{
	p[0] = (uint8_t)v;
	p[1] = (uint8_t)(v >> 8);
}

static void
put_le32(uint8_t *p, uint32_t v)
{
	p[0] = (uint8_t)v;
	p[1] = (uint8_t)(v >> 8);
	p[2] = (uint8_t)(v >> 16);
	p[3] = (uint8_t)(v >> 24);
}

int
cs_hik_sdk_parse(const uint8_t *p, size_t n, struct cs_hik_sdk *out)
{
	struct cs_rd r;

	memset(out, 0, sizeof(*out));
	if (n == 0)
		return CS_ETRUNC;
	if (memcmp(p, hik_len, CS_MIN(n, sizeof(hik_len))) != 0)
		return CS_EPROTO;
	if (n < CS_HIK_SDK_LEN)
		return CS_ETRUNC;
	cs_rd_init(&r, p, n);
	out->length = cs_rd_be32(&r);
	out->code1 = cs_rd_be32(&r);
	out->code2 = cs_rd_be32(&r);
	out->code3 = cs_rd_be32(&r);
	return cs_rd_ok(&r) ? 0 : CS_ETRUNC;
}

int
cs_dh_dvrip_parse(const uint8_t *p, size_t n, struct cs_dh_dvrip *out)
{
	struct cs_rd r;
	struct cs_span t;

	memset(out, 0, sizeof(*out));
	if (n == 0)
		return CS_ETRUNC;
	if (p[0] < 0x80)
		return CS_EPROTO;
	if (n < CS_DH_DVRIP_HDR)
		return CS_ETRUNC;
	cs_rd_init(&r, p, n);
	cs_rd_bytes(&r, 4, &t);
	out->len = cs_rd_le32(&r);
	if (!cs_rd_ok(&r))
		return CS_ETRUNC;
	memcpy(out->type, t.p, 4);
	out->is_reply = out->type[0] == 0xB0;
	out->header = cs_span_make(p, CS_DH_DVRIP_HDR);
	out->payload = cs_span_make(p + CS_DH_DVRIP_HDR, 0);
	if (out->len > CS_DH_DVRIP_MAX)
		return 0;
	cs_rd_init(&r, p, n);
	cs_rd_skip(&r, CS_DH_DVRIP_HDR);
	out->complete = cs_rd_bytes(&r, out->len, &t);
	if (out->complete)
		out->payload = t;
	return 0;
}

size_t
cs_dh_dvrip_realm_request(uint8_t out[32])
{
	memset(out, 0, 32);
	out[0] = 0xa0;
	out[1] = 0x01;
	out[2] = 0x00;
	out[3] = 0x60;
	return 32;
}

int
cs_xm_parse(const uint8_t *p, size_t n, struct cs_xm_msg *out)
{
	struct cs_rd r;
	struct cs_span pl;

	memset(out, 0, sizeof(*out));
	if (n == 0)
		return CS_ETRUNC;
	if (p[0] != 0xFF)
		return CS_EPROTO;
	cs_rd_init(&r, p, n);
	out->head = cs_rd_u8(&r);
	out->version = cs_rd_u8(&r);
	cs_rd_skip(&r, 2);
	out->session = cs_rd_le32(&r);
	out->seq = cs_rd_le32(&r);
	cs_rd_skip(&r, 2);
	out->msgid = cs_rd_le16(&r);
	out->len = cs_rd_le32(&r);
	if (!cs_rd_ok(&r))
		return CS_ETRUNC;
	if (out->len > CS_XM_MAX)
		return CS_ELIMIT;
	if (!cs_rd_bytes(&r, out->len, &pl))
		return CS_ETRUNC;
	while (pl.n > 0 && (pl.p[pl.n - 1] == '\0' || pl.p[pl.n - 1] == '\n'))
		pl.n--;
	out->payload = pl;
	return 0;
}

size_t
cs_xm_build(uint8_t *out, size_t cap, uint16_t msgid, uint32_t session,
	    uint32_t seq, const char *json)
{
	size_t jl = json ? strlen(json) : 0, pl = jl + 2;

	if (pl > CS_XM_MAX || cap < CS_XM_HDR || cap - CS_XM_HDR < pl)
		return 0;
	memset(out, 0, CS_XM_HDR);
	out[0] = 0xFF;
	put_le32(out + 4, session);
	put_le32(out + 8, seq);
	put_le16(out + 14, msgid);
	put_le32(out + 16, (uint32_t)pl);
	if (jl > 0)
		memcpy(out + CS_XM_HDR, json, jl);
	out[CS_XM_HDR + jl] = '\n';
	out[CS_XM_HDR + jl + 1] = '\0';
	return CS_XM_HDR + pl;
}

int
cs_dhip_parse(const uint8_t *p, size_t n, struct cs_dhip *out)
{
	struct cs_rd r;

	memset(out, 0, sizeof(*out));
	if (n == 0)
		return CS_ETRUNC;
	if (memcmp(p, dhip_magic, CS_MIN(n, sizeof(dhip_magic))) != 0)
		return CS_EPROTO;
	if (n < CS_DHIP_HDR)
		return CS_ETRUNC;
	cs_rd_init(&r, p, n);
	cs_rd_skip(&r, 8);
	out->session = cs_rd_le32(&r);
	out->id = cs_rd_le32(&r);
	out->len = cs_rd_le32(&r);
	cs_rd_skip(&r, 4);
	out->len2 = cs_rd_le32(&r);
	cs_rd_skip(&r, 4);
	if (!cs_rd_ok(&r))
		return CS_ETRUNC;
	if (out->len > CS_DHIP_MAX)
		return CS_ELIMIT;
	if (!cs_rd_bytes(&r, out->len, &out->body))
		return CS_ETRUNC;
	return 0;
}

size_t
cs_dhip_build(uint8_t *out, size_t cap, uint32_t session, uint32_t id,
	      const char *json)
{
	size_t jl = json ? strlen(json) : 0;

	if (jl > CS_DHIP_MAX || cap < CS_DHIP_HDR || cap - CS_DHIP_HDR < jl)
		return 0;
	memset(out, 0, CS_DHIP_HDR);
	memcpy(out, dhip_magic, sizeof(dhip_magic));
	put_le32(out + 8, session);
	put_le32(out + 12, id);
	put_le32(out + 16, (uint32_t)jl);
	put_le32(out + 24, (uint32_t)jl);
	if (jl > 0)
		memcpy(out + CS_DHIP_HDR, json, jl);
	return CS_DHIP_HDR + jl;
}
