/* SPDX-License-Identifier: ISC */
/* A device's exposure: KEV flaws, end of support, posture; see exposure.h. */
#include "audit/exposure.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"
#include "core/str.h"
#include "core/text.h"
#include "parse/parse_http.h"
#include "core/poison.h"

/* Appends an item; returns it, or NULL when out is full. */
static struct cs_exposure_item *__attribute__((format(printf, 6, 7)))
item(struct cs_exposure *out, const char *signal, const char *id,
     const char *deadline, const char *url, const char *fmt, ...)
{
	struct cs_exposure_item *it;
	va_list ap;

	if (out->n >= CS_EXPOSURE_MAX)
		return NULL;
	it = &out->v[out->n++];
	memset(it, 0, sizeof(*it));
	cs_strlcpy(it->signal, signal, sizeof(it->signal));
	cs_strlcpy(it->id, id, sizeof(it->id));
	cs_strlcpy(it->deadline, deadline, sizeof(it->deadline));
	cs_strlcpy(it->url, url, sizeof(it->url));
	va_start(ap, fmt);
	vsnprintf(it->evidence, sizeof(it->evidence), fmt, ap);
	va_end(ap);
	return it;
}

/* The value of o as a NUL-terminated copy, cut to sz bytes. */
static const char *
val(const struct cs_obs *o, char *buf, size_t sz)
{
	size_t n = o->len < sz - 1 ? o->len : sz - 1;

	memcpy(buf, o->val, n);
	buf[n] = '\0';
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)buf[i] < 0x20)
			buf[i] = ' ';
	return buf;
}

static bool
key_is(const struct cs_obs *o, const char *k)
{
	return strcmp(o->key, k) == 0;
}

static bool
val_ieq(const struct cs_obs *o, const char *s)
{
	return cs_span_ieq(cs_span_make(o->val, o->len), s);
}

static bool
has_port(const uint16_t *ports, size_t n, uint16_t p)
{
	for (size_t i = 0; i < n; i++)
		if (ports[i] == p)
			return true;
	return false;
}

/* True if port p spoke TLS (a certificate or a TLS failure was seen). */
static bool
tls_port(const struct cs_obs *obs, size_t n, uint16_t p)
{
	for (size_t i = 0; i < n; i++)
		if (obs[i].port == p && strncmp(obs[i].key, "tls.", 4) == 0)
			return true;
	return false;
}

/* The first observation with key, or NULL. */
static const struct cs_obs *
find(const struct cs_obs *obs, size_t n, const char *k)
{
	for (size_t i = 0; i < n; i++)
		if (key_is(&obs[i], k))
			return &obs[i];
	return NULL;
}

/* The first observation with key on port p, or NULL. */
static const struct cs_obs *
find_on(const struct cs_obs *obs, size_t n, const char *k, uint16_t p)
{
	for (size_t i = 0; i < n; i++)
		if (obs[i].port == p && key_is(&obs[i], k))
			return &obs[i];
	return NULL;
}

static void
posture_cert(const struct cs_obs *obs, size_t n, const char *as_of,
	     struct cs_exposure *out)
{
	bool self = false, expired = false, weak = false;

	for (size_t i = 0; i < n; i++) {
		const struct cs_obs *o = &obs[i];
		char v[128], subj[160] = "";
		const struct cs_obs *s;

		s = find_on(obs, n, "tls.subject", o->port);
		if (s != NULL)
			val(s, subj, sizeof(subj));
		if (!self && key_is(o, "tls.self-issued") &&
		    val_ieq(o, "yes")) {
			self = true;
			item(
			    out, "cert-self-signed", "", "", "",
			    "the certificate on port %u names itself as its "
			    "issuer (subject \"%s\"): self-signed, so a client "
			    "cannot tell the device from an impostor",
			    o->port, subj);
		}
		if (!expired && key_is(o, "tls.not-after") && o->len == 10 &&
		    memcmp(o->val, as_of, 10) < 0) {
			expired = true;
			item(out, "cert-expired", "", "", "",
			     "the certificate on port %u expired on %s "
			     "(notAfter; assessed as of %s; subject \"%s\")",
			     o->port, val(o, v, sizeof(v)), as_of, subj);
		}
		if (!weak && key_is(o, "tls.key")) {
			long long bits = 0;
			char *sp;
			const char *alg = val(o, v, sizeof(v));
			sp = strchr(v, ' ');
			if (sp != NULL) {
				*sp = '\0';
				if (cs_str_tonum(sp + 1, 0, 1000000, &bits) !=
				    0)
					bits = -1;
			}
			if (sp != NULL && bits > 0 && bits < 2048 &&
			    (strcmp(alg, "rsa") == 0 ||
			     strcmp(alg, "dsa") == 0)) {
				weak = true;
				item(out, "cert-weak-key", "", "", "",
				     "the certificate on port %u has a %s key "
				     "of %lld bits (fewer than 2048; subject "
				     "\"%s\")",
				     o->port, alg, bits, subj);
			}
		}
	}
}

void
cs_exposure_posture(const struct cs_obs *obs, size_t n, const uint16_t *ports,
		    size_t nports, const char *as_of, struct cs_exposure *out)
{
	const struct cs_obs *o;
	char v[128];
	bool web = false, tls = false;

	if ((o = find(obs, n, "sadp.activated")) != NULL && val_ieq(o, "false"))
		item(out, "unactivated", "", "", "",
		     "its SADP reply says Activated=false: the admin password "
		     "was never set, and anyone on the segment can set it "
		     "(exposure.md 4.1)");
	if ((o = find(obs, n, "sadp.hc-platform")) != NULL &&
	    val_ieq(o, "true"))
		item(out, "cloud", "", "", "",
		     "its SADP reply says HCPlatformEnable=true: the maker's "
		     "cloud P2P service (Hik-Connect) is on (exposure.md 4.1)");
	else if ((o = find(obs, n, "phonehome.maker")) != NULL)
		item(out, "cloud", "", "", "",
		     "it was seen calling a maker's cloud, P2P or update "
		     "endpoint (%s)",
		     val(o, v, sizeof(v)));
	for (size_t i = 0; i < n; i++) {
		o = &obs[i];
		if (key_is(o, "rtsp.access") && o->len >= 8 &&
		    memcmp(o->val, "200 open", 8) == 0) {
			item(out, "rtsp-open", "", "", "",
			     "RTSP DESCRIBE of rtsp://<address>:%u/ without "
			     "credentials was answered 200 with a session "
			     "description: the stream is open to anyone",
			     o->port);
			break;
		}
	}
	for (size_t i = 0; i < n; i++) {
		o = &obs[i];
		if (key_is(o, "onvif.access") &&
		    val_ieq(o, "200 device information")) {
			item(out, "onvif-open", "", "", "",
			     "ONVIF GetDeviceInformation on port %u, sent "
			     "without credentials, was answered with the "
			     "unit's maker, model and firmware: a READ_SYSTEM "
			     "call that should need them (exposure.md 4.5)",
			     o->port);
			break;
		}
	}
	for (size_t i = 0; i < n; i++) {
		o = &obs[i];
		if (key_is(o, "http.www-authenticate") &&
		    cs_span_ieq(
			cs_http_auth_scheme(cs_span_make(o->val, o->len)),
			"basic") &&
		    !tls_port(obs, n, o->port)) {
			item(out, "basic-cleartext", "", "", "",
			     "port %u offers HTTP Basic authentication over "
			     "plain HTTP (WWW-Authenticate: %s): the password "
			     "would cross the network base64-encoded",
			     o->port, val(o, v, sizeof(v)));
			break;
		}
		if (key_is(o, "rtsp.access") && val_ieq(o, "401 auth basic")) {
			item(out, "basic-cleartext", "", "", "",
			     "RTSP port %u asks for Basic authentication: the "
			     "password would cross the network base64-encoded",
			     o->port);
			break;
		}
	}
	if (has_port(ports, nports, 23))
		item(out, "telnet", "", "", "", "telnet (tcp/23) is open");
	if (has_port(ports, nports, 21))
		item(out, "ftp", "", "", "", "FTP (tcp/21) is open");
	for (size_t i = 0; i < n; i++) {
		if (key_is(&obs[i], "http.status") &&
		    !tls_port(obs, n, obs[i].port))
			web = true;
		if (strncmp(obs[i].key, "tls.", 4) == 0)
			tls = true;
	}
	if (web && !tls && !has_port(ports, nports, 443) &&
	    !has_port(ports, nports, 8443))
		item(out, "no-https", "", "", "",
		     "its web interface answered over plain HTTP and neither "
		     "443 nor 8443 is open: there is no HTTPS");
	posture_cert(obs, n, as_of, out);
}

/* The first URL of a space-separated list into out. */
static void
first_url(const char *list, char *out, size_t osz)
{
	size_t k = strcspn(list, " ");

	if (k >= osz)
		k = osz - 1;
	memcpy(out, list, k);
	out[k] = '\0';
}

void
cs_exposure_vulns(const struct cs_vulndb *db, const struct cs_identity *id,
		  const char *as_of, struct cs_exposure *out)
{
	struct cs_vuln_hit hits[64];
	struct cs_vuln_unit u;
	struct cs_eos_verdict ev;
	size_t nh;
	struct cs_date cd;
	char url[256];

	if (db == NULL)
		return;
	memset(&u, 0, sizeof(u));
	u.maker = id->manufacturer;
	u.brand = id->brand;
	u.model = id->model;
	u.firmware = id->firmware;
	nh = cs_vuln_match(db, &u, hits, CS_NELEM(hits));
	if (nh > CS_NELEM(hits))
		nh = CS_NELEM(hits);
	for (size_t i = 0; i < nh; i++) {
		const struct cs_vuln_hit *h = &hits[i];
		if (!h->vuln->kev || (h->verdict != CS_VULN_AFFECTED &&
				      h->verdict != CS_VULN_PRODUCT))
			continue;
		first_url(h->rule->sources, url, sizeof(url));
		item(out, "kev", h->vuln->id, h->vuln->kev_due, url,
		     "%s (%s, CVSS %.1f): %s%s; %s; rule %s:%u; KEV added %s, "
		     "due %s (BOD 22-01); source %s",
		     h->vuln->id, h->vuln->title, h->vuln->cvss,
		     cs_vuln_verdict_name(h->verdict),
		     h->inferred ? " (inferred)" : "", h->why, h->vuln->file,
		     h->rule->line_no, h->vuln->kev_added, h->vuln->kev_due,
		     url);
	}
	if (cs_date_parse(cs_span_make(as_of, strlen(as_of)), 0, &cd) == 0 &&
	    cs_eos_assess(db, &u,
			  (uint32_t)(cd.year * 10000 + cd.month * 100 + cd.day),
			  &ev) == 0 &&
	    ev.past && ev.row != NULL) {
		first_url(ev.row->sources, url, sizeof(url));
		item(out, "eos", "", "", url, "%s; rule %s:%u; source %s",
		     ev.why, ev.row->file, ev.row->line_no, url);
	}
}

/* Copies s into the packed string, tabs and line ends as blanks. */
static void
put_field(char **p, size_t *len, const char *s, char end)
{
	size_t n = strlen(s);

	*p = cs_xrealloc(*p, *len + n + 2, 1);
	for (size_t i = 0; i < n; i++)
		(*p)[(*len)++] =
		    s[i] == '\t' || s[i] == '\n' || s[i] == '\r' ? ' ' : s[i];
	(*p)[(*len)++] = end;
	(*p)[*len] = '\0';
}

char *
cs_exposure_pack(const struct cs_exposure *e)
{
	char *p = NULL;
	size_t len = 0;

	for (size_t i = 0; i < e->n; i++) {
		const struct cs_exposure_item *it = &e->v[i];
		put_field(&p, &len, it->signal, '\t');
		put_field(&p, &len, it->id, '\t');
		put_field(&p, &len, it->deadline, '\t');
		put_field(&p, &len, it->url, '\t');
		put_field(&p, &len, it->evidence, '\n');
	}
	return p;
}

/* Copies the field at *s (up to end) into out; moves *s past it. */
static void
get_field(const char **s, char end, char *out, size_t osz)
{
	size_t k = strcspn(*s, end == '\t' ? "\t\n" : "\n");

	if (osz > 0) {
		size_t c = k < osz - 1 ? k : osz - 1;
		memcpy(out, *s, c);
		out[c] = '\0';
	}
	*s += k;
	if (**s != '\0')
		(*s)++;
}

void
cs_exposure_unpack(const char *s, struct cs_exposure *out)
{
	while (s != NULL && *s != '\0' && out->n < CS_EXPOSURE_MAX) {
		struct cs_exposure_item *it = &out->v[out->n++];
		memset(it, 0, sizeof(*it));
		get_field(&s, '\t', it->signal, sizeof(it->signal));
		get_field(&s, '\t', it->id, sizeof(it->id));
		get_field(&s, '\t', it->deadline, sizeof(it->deadline));
		get_field(&s, '\t', it->url, sizeof(it->url));
		get_field(&s, '\n', it->evidence, sizeof(it->evidence));
	}
}
