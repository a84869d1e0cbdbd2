/* SPDX-License-Identifier: ISC */
/* Censys host records as evidence; see parse_censys.h. */
#include "parse/parse_censys.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include <json-c/json.h>

#include "core/addr.h"
#include "core/str.h"
#include "parse/parse_json.h"
#include "core/text.h"
#include "core/poison.h"

static void
add_item(struct cs_censys_host *h, const char *kind, const char *service,
	 uint16_t port, const char *data, size_t len)
{
	struct cs_censys_item *it;

	if (data == NULL || len == 0)
		return;
	if (h->nitems >= CS_CENSYS_ITEMS_MAX) {
		h->dropped++;
		return;
	}
	it = &h->item[h->nitems++];
	cs_strlcpy(it->kind, kind, sizeof(it->kind));
	cs_strlcpy(it->service, service, sizeof(it->service));
	it->port = port;
	it->len = len < sizeof(it->data) - 1 ? len : sizeof(it->data) - 1;
	memcpy(it->data, data, it->len);
	it->data[it->len] = '\0';
}

/* "2023-11-14T22:13:20[.fff]Z" as unix seconds (core's date reader); 0
 * if malformed. */
static int64_t
parse_ts(const char *s)
{
	char buf[21];
	struct cs_date d;
	struct tm tm;

	if (s == NULL || strlen(s) < 20 || (s[19] != 'Z' && s[19] != '.'))
		return 0;
	memcpy(buf, s, 19);
	buf[19] = 'Z';
	buf[20] = '\0';
	if (cs_date_parse(cs_span_make(buf, 20),
			  CS_DATE_TIME | CS_DATE_CALENDAR, &d) != 0 ||
	    d.hour < 0)
		return 0;
	memset(&tm, 0, sizeof(tm));
	tm.tm_year = d.year - 1900;
	tm.tm_mon = d.month - 1;
	tm.tm_mday = d.day;
	tm.tm_hour = d.hour;
	tm.tm_min = d.minute;
	tm.tm_sec = d.second;
	return (int64_t)timegm(&tm);
}

static void
service(struct cs_censys_host *h, json_object *s)
{
	json_object *v = cs_json_member(s, "port");
	const char *t, *name, *b;
	char svc[32];
	uint16_t port = 0;
	size_t len, k;

	if (v != NULL && json_object_is_type(v, json_type_int) &&
	    json_object_get_int64(v) > 0 && json_object_get_int64(v) < 65536)
		port = (uint16_t)json_object_get_int64(v);
	t = cs_json_member_str(s, "transport_protocol", NULL);
	if (t != NULL && strcasecmp(t, "TCP") != 0)
		port = 0; /* UDP and QUIC ports are not swept ports */
	if (port != 0) {
		bool dup = false;
		for (size_t i = 0; i < h->nports; i++)
			dup |= h->ports[i] == port;
		if (!dup && h->nports < CS_CENSYS_PORTS_MAX)
			h->ports[h->nports++] = port;
		else if (!dup)
			h->dropped++;
	}
	name = cs_json_member_str(s, "service_name", NULL);
	for (k = 0; name != NULL && name[k] && k + 1 < sizeof(svc); k++)
		svc[k] = (char)tolower((unsigned char)name[k]);
	svc[k] = '\0';
	if ((b = cs_json_member_str(s, "banner", &len)) != NULL) {
		if (strncmp(b, "HTTP/", 5) == 0)
			add_item(h, "http", "", port, b, len);
		else if (strncmp(b, "RTSP/", 5) == 0)
			add_item(h, "rtsp", "", port, b, len);
		else
			add_item(h, "banner", svc, port, b, len);
	}
	b = cs_json_member_str(
	    cs_json_member(cs_json_member(s, "http"), "response"), "html_title",
	    &len);
	add_item(h, "http.title", "", port, b, len);
	v = cs_json_member(
	    cs_json_member(cs_json_member(s, "tls"), "certificates"),
	    "leaf_data");
	b = cs_json_member_str(v, "subject_dn", &len);
	add_item(h, "tls.subject", "", port, b, len);
	b = cs_json_member_str(v, "issuer_dn", &len);
	add_item(h, "tls.issuer", "", port, b, len);
}

/* One host object; false if it has no usable ip. */
static bool
host(struct cs_censys_host *h, json_object *o)
{
	const char *ip = cs_json_member_str(o, "ip", NULL);
	json_object *sv;

	memset(h, 0, sizeof(*h));
	if (ip == NULL || strlen(ip) >= sizeof(h->ip) ||
	    cs_ip_family(ip, NULL) == 0)
		return false;
	cs_strlcpy(h->ip, ip, sizeof(h->ip));
	h->ts = parse_ts(cs_json_member_str(o, "last_updated_at", NULL));
	sv = cs_json_member(o, "services");
	if (sv != NULL && json_object_is_type(sv, json_type_array))
		for (size_t i = 0; i < json_object_array_length(sv); i++)
			service(h, json_object_array_get_idx(sv, i));
	return true;
}

int
cs_censys_parse(const uint8_t *p, size_t n, struct cs_censys_host *h,
		cs_censys_cb cb, void *arg, char *err, size_t errsz)
{
	json_object *o = NULL, *hits;
	int count = 0, rc;

	if ((rc = cs_json_line_object(p, n, CS_CENSYS_LINE_MAX, CS_CENSYS_DEPTH,
				      &o, err, errsz)) != 0)
		return rc;
	hits = cs_json_member(cs_json_member(o, "result"), "hits");
	if (hits != NULL && json_object_is_type(hits, json_type_array)) {
		for (size_t i = 0; i < json_object_array_length(hits); i++)
			if (host(h, json_object_array_get_idx(hits, i))) {
				cb(arg, h);
				count++;
			}
	} else if (cs_json_member(o, "ip") != NULL) {
		if (host(h, o)) {
			cb(arg, h);
			count++;
		}
	} else {
		snprintf(err, errsz,
			 "neither a host (ip) nor a search answer "
			 "(result.hits)");
		count = CS_EPROTO;
	}
	json_object_put(o);
	return count;
}
