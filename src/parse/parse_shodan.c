/* SPDX-License-Identifier: ISC */
/* Shodan banners as evidence; see parse_shodan.h. */
#include "parse/parse_shodan.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include <json-c/json.h>

#include "core/addr.h"
#include "core/str.h"
#include "parse/parse_json.h"
#include "core/poison.h"

static void
add_item(struct cs_shodan_rec *r, const char *kind, const char *service,
	 const char *data, size_t len)
{
	struct cs_shodan_item *it;

	if (data == NULL || len == 0 || r->nitems >= CS_SHODAN_ITEMS_MAX)
		return;
	it = &r->item[r->nitems++];
	cs_strlcpy(it->kind, kind, sizeof(it->kind));
	cs_strlcpy(it->service, service, sizeof(it->service));
	it->len = len < sizeof(it->data) - 1 ? len : sizeof(it->data) - 1;
	memcpy(it->data, data, it->len);
	it->data[it->len] = '\0';
}

/* A Shodan name object ({"CN": ..., "O": ..., "C": ...}) as RFC 4514. */
static void
dn(json_object *o, char *out, size_t sz)
{
	static const char *const order[] = {"CN", "OU", "O", "L", "ST", "C"};
	size_t n = 0;

	out[0] = '\0';
	for (size_t i = 0; i < CS_NELEM(order) && o != NULL; i++) {
		const char *v = cs_json_member_str(o, order[i], NULL);
		int w;

		if (v == NULL || *v == '\0')
			continue;
		w = snprintf(out + n, sz - n, "%s%s=", n ? "," : "", order[i]);
		if (w < 0 || (size_t)w >= sz - n) { /* cut at a whole one */
			out[n] = '\0';
			break;
		}
		n += (size_t)w;
		for (; *v && n + 2 < sz; v++) {
			if (strchr(",+\"\\<>;", *v) != NULL)
				out[n++] = '\\';
			out[n++] = *v;
		}
		out[n] = '\0';
		if (n + 2 >= sz)
			break;
	}
}

/* The n decimal digits at s, or -1. */
static int
digits(const char *s, int n)
{
	int v = 0;

	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

/* "2023-11-14T22:13:20.123456" (UTC) as unix seconds; 0 if malformed. */
static int64_t
parse_ts(const char *s)
{
	struct tm tm;
	int y, mo, d, h, mi, se;

	if (s == NULL || strlen(s) < 19 || s[4] != '-' || s[7] != '-' ||
	    s[10] != 'T' || s[13] != ':' || s[16] != ':')
		return 0;
	y = digits(s, 4);
	mo = digits(s + 5, 2);
	d = digits(s + 8, 2);
	h = digits(s + 11, 2);
	mi = digits(s + 14, 2);
	se = digits(s + 17, 2);
	if (y < 1970 || mo < 1 || mo > 12 || d < 1 || d > 31 || h < 0 ||
	    h > 23 || mi < 0 || mi > 59 || se < 0 || se > 60)
		return 0;
	memset(&tm, 0, sizeof(tm));
	tm.tm_year = y - 1900;
	tm.tm_mon = mo - 1;
	tm.tm_mday = d;
	tm.tm_hour = h;
	tm.tm_min = mi;
	tm.tm_sec = se;
	return (int64_t)timegm(&tm);
}

int
cs_shodan_parse(const uint8_t *p, size_t n, struct cs_shodan_rec *out,
		char *err, size_t errsz)
{
	json_object *o = NULL, *v, *http, *cert;
	const char *s, *module;
	size_t len;
	char name[512];
	int rc = 0;

	memset(out, 0, sizeof(*out));
	if ((rc = cs_json_line_object(p, n, CS_SHODAN_LINE_MAX, CS_SHODAN_DEPTH,
				      &o, err, errsz)) != 0)
		return rc;
	if ((s = cs_json_member_str(o, "ip_str", NULL)) != NULL) {
		if (cs_ip_family(s, NULL) != 0)
			cs_strlcpy(out->ip, s, sizeof(out->ip));
	} else if ((v = cs_json_member(o, "ip")) != NULL &&
		   json_object_is_type(v, json_type_int)) {
		int64_t ip = json_object_get_int64(v);
		if (ip >= 0 && ip <= 0xFFFFFFFFll)
			snprintf(out->ip, sizeof(out->ip), "%u.%u.%u.%u",
				 (unsigned)(ip >> 24) & 255,
				 (unsigned)(ip >> 16) & 255,
				 (unsigned)(ip >> 8) & 255, (unsigned)ip & 255);
	}
	if (out->ip[0] == '\0') {
		snprintf(err, errsz, "no ip_str or ip");
		rc = CS_EPROTO;
		goto out;
	}
	if ((v = cs_json_member(o, "port")) != NULL &&
	    json_object_is_type(v, json_type_int) &&
	    json_object_get_int64(v) > 0 && json_object_get_int64(v) < 65536)
		out->port = (uint16_t)json_object_get_int64(v);
	s = cs_json_member_str(o, "transport", NULL);
	out->tcp = s == NULL || strcmp(s, "tcp") == 0;
	module =
	    cs_json_member_str(cs_json_member(o, "_shodan"), "module", NULL);
	cs_strlcpy(out->module, module ? module : "", sizeof(out->module));
	out->ts = parse_ts(cs_json_member_str(o, "timestamp", NULL));
	if ((v = cs_json_member(o, "hostnames")) != NULL &&
	    json_object_is_type(v, json_type_array) &&
	    json_object_array_length(v) > 0 &&
	    json_object_is_type(json_object_array_get_idx(v, 0),
				json_type_string))
		cs_strlcpy(
		    out->hostname,
		    json_object_get_string(json_object_array_get_idx(v, 0)),
		    sizeof(out->hostname));
	s = cs_json_member_str(o, "data", &len);
	http = cs_json_member(o, "http");
	bool http_head = s != NULL && strncmp(s, "HTTP/", 5) == 0;
	if (http_head)
		add_item(out, "http", "", s, len);
	else if (s != NULL && strncmp(s, "RTSP/", 5) == 0)
		add_item(out, "rtsp", "", s, len);
	else if (s != NULL)
		add_item(out, "banner", out->module, s, len);
	if ((s = cs_json_member_str(http, "title", &len)) != NULL)
		add_item(out, "http.title", "", s, len);
	if (!http_head &&
	    (s = cs_json_member_str(http, "server", &len)) != NULL)
		add_item(out, "http.server", "", s, len);
	cert = cs_json_member(cs_json_member(o, "ssl"), "cert");
	dn(cs_json_member(cert, "subject"), name, sizeof(name));
	add_item(out, "tls.subject", "", name, strlen(name));
	dn(cs_json_member(cert, "issuer"), name, sizeof(name));
	add_item(out, "tls.issuer", "", name, strlen(name));
out:
	json_object_put(o);
	return rc;
}
