/* SPDX-License-Identifier: ISC */
/* Recorder channel lists (Hikvision ISAPI, Dahua CGI); see parse_nvr.h. */
#include "parse/parse_nvr.h"

#include <stdlib.h>
#include <string.h>

#include <expat.h>
#include <json-c/json.h>

#include "core/escape.h"
#include "core/str.h"
#include "parse/parse_json.h"
#include "parse/parse_soap.h"
#include "core/poison.h"

#define NS_SEP '\n'

/* Copies n bytes into dst (dsz), control bytes replaced, NUL-terminated. */
static void
copy_clean(char *dst, size_t dsz, const uint8_t *p, size_t n)
{
	size_t k = 0;

	for (size_t i = 0; i < n && k + 1 < dsz; i++)
		dst[k++] = (p[i] < 0x20 || p[i] == 0x7f) ? '?' : (char)p[i];
	dst[k] = '\0';
}

static uint16_t
port_of(struct cs_span s)
{
	uint64_t v;

	if (cs_span_u64(cs_span_trim(s), 65535, &v) != 0)
		return 0;
	return (uint16_t)v;
}

/* ---- Hikvision InputProxyChannelList ---- */

enum hf {
	HF_ID,
	HF_NAME,
	HF_IP,
	HF_PORT,
	HF_MODEL,
	HF_SERIAL,
	HF_FIRMWARE,
	HF_PROTO,
	HF_COUNT
};

static const char *const hik_fields[HF_COUNT] = {
    "id",    "name",         "ipAddress",       "managePortNo",
    "model", "serialNumber", "firmwareVersion", "proxyProtocol"};

struct hst {
	XML_Parser xp;
	struct cs_nvr_channels *out;
	int rc;
	unsigned depth;
	unsigned chan_depth; /* depth of the open InputProxyChannel, 0 none */
	bool root_seen;
	bool in_chan;
	int field; /* HF_* being captured, -1 none */
	unsigned field_depth;
	bool seen[HF_COUNT];
	char text[HF_COUNT][128];
	size_t tlen;
};

static void
h_fail(struct hst *st, int rc)
{
	if (st->rc == 0)
		st->rc = rc;
	XML_StopParser(st->xp, XML_FALSE);
}

static const char *
h_local(const XML_Char *name)
{
	const char *sep = strrchr(name, NS_SEP);

	return sep ? sep + 1 : name;
}

static void
h_chan_end(struct hst *st)
{
	struct cs_nvr_channel *c;
	uint64_t id;

	if (st->out->n >= CS_NVR_CHANNELS_MAX) {
		st->out->dropped++;
		return;
	}
	c = &st->out->ch[st->out->n++];
	memset(c, 0, sizeof(*c));
	if (cs_span_u64(cs_span_make(st->text[HF_ID], strlen(st->text[HF_ID])),
			1000000, &id) == 0)
		c->channel = (unsigned)id;
	else
		c->channel = (unsigned)st->out->n;
	cs_strlcpy(c->name, st->text[HF_NAME], sizeof(c->name));
	cs_strlcpy(c->ip, st->text[HF_IP], sizeof(c->ip));
	c->port =
	    port_of(cs_span_make(st->text[HF_PORT], strlen(st->text[HF_PORT])));
	cs_strlcpy(c->model, st->text[HF_MODEL], sizeof(c->model));
	cs_strlcpy(c->serial, st->text[HF_SERIAL], sizeof(c->serial));
	cs_strlcpy(c->firmware, st->text[HF_FIRMWARE], sizeof(c->firmware));
	cs_strlcpy(c->vendor, st->text[HF_PROTO], sizeof(c->vendor));
	c->enabled = true;
}

static void XMLCALL
h_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
	struct hst *st = ud;
	const char *l = h_local(name);
	size_t nat = 0;

	while (atts[nat])
		nat++;
	if (nat / 2 > CS_XML_ATTR_MAX || st->depth >= CS_XML_DEPTH_MAX) {
		h_fail(st, CS_ELIMIT);
		return;
	}
	st->depth++;
	if (!st->root_seen) {
		st->root_seen = true;
		if (strcmp(l, "InputProxyChannelList") != 0)
			h_fail(st, CS_EPROTO);
		return;
	}
	if (!st->in_chan) {
		if (st->depth == 2 && strcmp(l, "InputProxyChannel") == 0) {
			st->in_chan = true;
			st->chan_depth = st->depth;
			memset(st->seen, 0, sizeof(st->seen));
			memset(st->text, 0, sizeof(st->text));
			st->field = -1;
		}
		return;
	}
	if (st->field >= 0)
		return; /* inside a captured field: children's text counts */
	for (int i = 0; i < HF_COUNT; i++) {
		if (st->seen[i] || strcmp(l, hik_fields[i]) != 0)
			continue;
		/* the channel id is the direct child only */
		if (i == HF_ID && st->depth != st->chan_depth + 1)
			continue;
		st->field = i;
		st->field_depth = st->depth;
		st->seen[i] = true;
		st->tlen = 0;
		break;
	}
}

static void XMLCALL
h_end(void *ud, const XML_Char *name)
{
	struct hst *st = ud;

	(void)name;
	if (st->field >= 0 && st->depth == st->field_depth) {
		struct cs_span t = cs_span_trim(cs_span_make(
		    st->text[st->field], strlen(st->text[st->field])));

		memmove(st->text[st->field], t.p, t.n);
		st->text[st->field][t.n] = '\0';
		st->field = -1;
	}
	if (st->in_chan && st->depth == st->chan_depth) {
		h_chan_end(st);
		st->in_chan = false;
	}
	st->depth--;
}

static void XMLCALL
h_text(void *ud, const XML_Char *s, int len)
{
	struct hst *st = ud;
	char *dst;

	if (st->field < 0 || len <= 0)
		return;
	dst = st->text[st->field];
	for (int i = 0; i < len && st->tlen + 1 < sizeof(st->text[0]); i++) {
		uint8_t c = (uint8_t)s[i];

		dst[st->tlen++] =
		    (c < 0x20 && c != '\t' && c != '\n' && c != '\r') ? '?'
								      : (char)c;
	}
	dst[st->tlen] = '\0';
}

static void XMLCALL
h_doctype(void *ud, const XML_Char *name, const XML_Char *sysid,
	  const XML_Char *pubid, int has_internal_subset)
{
	(void)name;
	(void)sysid;
	(void)pubid;
	(void)has_internal_subset;
	h_fail(ud, CS_EPROTO);
}

static void XMLCALL
h_entity(void *ud, const XML_Char *name, int is_param, const XML_Char *value,
	 int value_len, const XML_Char *base, const XML_Char *sysid,
	 const XML_Char *pubid, const XML_Char *notation)
{
	(void)name;
	(void)is_param;
	(void)value;
	(void)value_len;
	(void)base;
	(void)sysid;
	(void)pubid;
	(void)notation;
	h_fail(ud, CS_EPROTO);
}

int
cs_nvr_parse_isapi_channels(const uint8_t *p, size_t n,
			    struct cs_nvr_channels *out)
{
	struct hst st;
	enum XML_Status status;

	memset(out, 0, sizeof(*out));
	if (n > CS_NVR_INPUT_MAX)
		return CS_ELIMIT;
	if (n == 0 || p == NULL)
		return CS_EPROTO;
	memset(&st, 0, sizeof(st));
	st.out = out;
	st.field = -1;
	st.xp = XML_ParserCreateNS(NULL, NS_SEP);
	if (st.xp == NULL)
		return CS_ENOMEM;
	XML_SetUserData(st.xp, &st);
	XML_SetParamEntityParsing(st.xp, XML_PARAM_ENTITY_PARSING_NEVER);
	XML_SetStartDoctypeDeclHandler(st.xp, h_doctype);
	XML_SetEntityDeclHandler(st.xp, h_entity);
	XML_SetElementHandler(st.xp, h_start, h_end);
	XML_SetCharacterDataHandler(st.xp, h_text);
	status = XML_Parse(st.xp, (const char *)p, (int)n, XML_TRUE);
	if (st.rc == 0 && status != XML_STATUS_OK)
		st.rc = XML_GetErrorCode(st.xp) == XML_ERROR_NO_MEMORY
			    ? CS_ENOMEM
			    : CS_EPROTO;
	if (st.rc == 0 && !st.root_seen)
		st.rc = CS_EPROTO;
	XML_ParserFree(st.xp);
	return st.rc;
}

/* ---- Dahua RemoteDevice ---- */

#define DH_PREFIX "table.RemoteDevice."
#define DH_KEY_MAX 96

struct dh_keys {
	char key[CS_NVR_CHANNELS_MAX][DH_KEY_MAX];
};

/* Finds or adds the channel for key; NULL when full. */
static struct cs_nvr_channel *
dh_channel(struct cs_nvr_channels *out, struct dh_keys *keys, struct cs_span k)
{
	char key[DH_KEY_MAX];
	const uint8_t *us;
	struct cs_nvr_channel *c;
	uint64_t idx;

	cs_span_copy(key, sizeof(key), k);
	for (size_t i = 0; i < out->n; i++)
		if (strcmp(keys->key[i], key) == 0)
			return &out->ch[i];
	if (out->n >= CS_NVR_CHANNELS_MAX) {
		out->dropped++;
		return NULL;
	}
	cs_strlcpy(keys->key[out->n], key, DH_KEY_MAX);
	c = &out->ch[out->n++];
	memset(c, 0, sizeof(*c));
	c->channel = (unsigned)out->n;
	/* "..._N": channel N+1 */
	us = NULL;
	for (size_t i = 0; i < k.n; i++)
		if (k.p[i] == '_')
			us = k.p + i;
	if (us &&
	    cs_span_u64(cs_span_make(us + 1, (size_t)(k.p + k.n - us - 1)),
			65534, &idx) == 0)
		c->channel = (unsigned)idx + 1;
	return c;
}

static void
dh_field(struct cs_nvr_channel *c, struct cs_span f, struct cs_span v)
{
	if (cs_span_ieq(f, "Address"))
		copy_clean(c->ip, sizeof(c->ip), v.p, v.n);
	else if (cs_span_ieq(f, "Port"))
		c->port = port_of(v);
	else if (cs_span_ieq(f, "Name"))
		copy_clean(c->name, sizeof(c->name), v.p, v.n);
	else if (cs_span_ieq(f, "Mac"))
		copy_clean(c->mac, sizeof(c->mac), v.p, v.n);
	else if (cs_span_ieq(f, "SerialNo"))
		copy_clean(c->serial, sizeof(c->serial), v.p, v.n);
	else if (cs_span_ieq(f, "DeviceType"))
		copy_clean(c->model, sizeof(c->model), v.p, v.n);
	else if (cs_span_ieq(f, "Vendor"))
		copy_clean(c->vendor, sizeof(c->vendor), v.p, v.n);
	else if (cs_span_ieq(f, "Version") || cs_span_ieq(f, "SoftwareVersion"))
		copy_clean(c->firmware, sizeof(c->firmware), v.p, v.n);
	else if (cs_span_ieq(f, "Enable"))
		c->enabled = cs_span_ieq(v, "true");
	/* UserName, Password and everything else: ignored, never copied */
}

int
cs_nvr_parse_dahua_remote(const uint8_t *p, size_t n,
			  struct cs_nvr_channels *out)
{
	struct dh_keys *keys;
	size_t i = 0;
	bool seen = false;
	int rc = 0;

	memset(out, 0, sizeof(*out));
	if (n > CS_NVR_INPUT_MAX)
		return CS_ELIMIT;
	if (n > 0 && p == NULL)
		return CS_EINVAL;
	keys = calloc(1, sizeof(*keys));
	if (keys == NULL)
		return CS_ENOMEM;
	while (i < n) {
		size_t s = i, e;
		struct cs_span line, rest, key, field, val;
		const uint8_t *eq, *dot;
		struct cs_nvr_channel *c;

		while (i < n && p[i] != '\n')
			i++;
		e = i;
		if (i < n)
			i++;
		if (e - s > CS_NVR_LINE_MAX) {
			rc = CS_ELIMIT;
			break;
		}
		line = cs_span_trim(cs_span_make(p + s, e - s));
		if (!cs_span_istarts(line, DH_PREFIX))
			continue;
		rest = cs_span_make(line.p + strlen(DH_PREFIX),
				    line.n - strlen(DH_PREFIX));
		eq = memchr(rest.p, '=', rest.n);
		if (eq == NULL)
			continue;
		dot = memchr(rest.p, '.', (size_t)(eq - rest.p));
		if (dot == NULL || dot == rest.p)
			continue;
		key = cs_span_make(rest.p, (size_t)(dot - rest.p));
		field = cs_span_make(dot + 1, (size_t)(eq - dot - 1));
		val = cs_span_trim(
		    cs_span_make(eq + 1, (size_t)(rest.p + rest.n - eq - 1)));
		seen = true;
		if (cs_span_ieq(field, "UserName") ||
		    cs_span_ieq(field, "Password"))
			continue; /* secrets are never copied */
		if ((c = dh_channel(out, keys, key)) != NULL)
			dh_field(c, field, val);
	}
	explicit_bzero(keys, sizeof(*keys));
	free(keys);
	if (rc == 0 && !seen)
		rc = CS_ENOTFOUND;
	return rc;
}

/* ---- JSON form of one channel ---- */

int
cs_nvr_channel_json(struct cs_buf *b, const struct cs_nvr_channel *c)
{
	const struct {
		const char *k;
		const char *v;
	} s[] = {{"name", c->name},     {"model", c->model},
		 {"serial", c->serial}, {"firmware", c->firmware},
		 {"vendor", c->vendor}, {"mac", c->mac}};
	int rc;

	rc = cs_buf_printf(b, "{\"channel\":%u,\"ip\":", c->channel);
	if (rc == 0)
		rc = cs_esc_json(b, c->ip, strlen(c->ip));
	if (rc == 0)
		rc = cs_buf_printf(b, ",\"port\":%u", (unsigned)c->port);
	for (size_t i = 0; rc == 0 && i < CS_NELEM(s); i++) {
		rc = cs_buf_printf(b, ",\"%s\":", s[i].k);
		if (rc == 0)
			rc = cs_esc_json(b, s[i].v, strlen(s[i].v));
	}
	if (rc == 0)
		rc = cs_buf_adds(b, "}");
	return rc;
}

int
cs_nvr_channel_from_json(const uint8_t *p, size_t n, struct cs_nvr_channel *c)
{
	struct json_object *o = NULL;
	char num[16];
	long long v;
	int rc;

	memset(c, 0, sizeof(*c));
	if (n > 4096)
		return CS_ELIMIT;
	rc = cs_json_parse(p, n, &o);
	if (rc != 0 || o == NULL || !json_object_is_type(o, json_type_object)) {
		if (o)
			json_object_put(o);
		return rc == CS_ELIMIT ? CS_ELIMIT : CS_EPROTO;
	}
	if (cs_json_get_str(o, "channel", num, sizeof(num)) == 0 &&
	    cs_str_tonum(num, 0, 1000000, &v) == 0)
		c->channel = (unsigned)v;
	if (cs_json_get_str(o, "port", num, sizeof(num)) == 0 &&
	    cs_str_tonum(num, 0, 65535, &v) == 0)
		c->port = (uint16_t)v;
	cs_json_get_str(o, "ip", c->ip, sizeof(c->ip));
	cs_json_get_str(o, "name", c->name, sizeof(c->name));
	cs_json_get_str(o, "model", c->model, sizeof(c->model));
	cs_json_get_str(o, "serial", c->serial, sizeof(c->serial));
	cs_json_get_str(o, "firmware", c->firmware, sizeof(c->firmware));
	cs_json_get_str(o, "vendor", c->vendor, sizeof(c->vendor));
	cs_json_get_str(o, "mac", c->mac, sizeof(c->mac));
	c->enabled = true;
	json_object_put(o);
	return 0;
}
