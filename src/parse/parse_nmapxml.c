/* SPDX-License-Identifier: ISC */
/* nmap XML as evidence, streamed; see parse_nmapxml.h. */
#include "parse/parse_nmapxml.h"

#include <expat.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"
#include "core/str.h"
#include "core/poison.h"

#define TEXT_MAX CS_NMAP_ITEM_MAX
#define DN_MAX 512

/* What the character data being collected belongs to. */
enum collect {
	COL_NONE = 0,
	COL_ELEM, /* <elem> inside a <script> */
};

struct cs_nmapxml {
	XML_Parser xp;
	cs_nmap_host_fn fn;
	void *arg;
	int err;
	char errmsg[160];
	unsigned depth;
	bool root_seen;
	struct cs_nmap_run run;
	struct cs_nmap_host *h; /* the host being read */
	bool in_host;
	/* the port being read */
	bool in_port, port_tcp, port_open;
	uint16_t port;
	char service[32];
	/* the script being read */
	bool in_script;
	char script_id[64];
	char *script_out; /* TEXT_MAX */
	unsigned table_depth;
	char table_key[2][32]; /* keys of the enclosing tables (2 levels) */
	char elem_key[32];
	enum collect col;
	char *text; /* TEXT_MAX: an <elem>'s text */
	size_t ntext;
	char title[TEXT_MAX];
	char subject[DN_MAX], issuer[DN_MAX];
};

static void
fail(struct cs_nmapxml *p, int rc, const char *msg)
{
	if (p->err == 0) {
		p->err = rc;
		snprintf(p->errmsg, sizeof(p->errmsg), "line %lu: %s",
			 (unsigned long)XML_GetCurrentLineNumber(p->xp), msg);
	}
	XML_StopParser(p->xp, XML_FALSE);
}

static const char *
att(const XML_Char **a, const char *name)
{
	for (size_t i = 0; a[i] != NULL; i += 2)
		if (strcmp(a[i], name) == 0)
			return a[i + 1];
	return NULL;
}

static void
add_item(struct cs_nmapxml *p, const char *kind, uint16_t port,
	 const char *data, size_t len)
{
	struct cs_nmap_host *h = p->h;
	struct cs_nmap_item *it;

	if (len == 0)
		return;
	if (h->nitems >= CS_NMAP_ITEMS_MAX) {
		h->dropped++;
		return;
	}
	it = &h->item[h->nitems++];
	cs_strlcpy(it->kind, kind, sizeof(it->kind));
	cs_strlcpy(it->service, port ? p->service : "", sizeof(it->service));
	it->port = port;
	it->len = len < sizeof(it->data) - 1 ? len : sizeof(it->data) - 1;
	memcpy(it->data, data, it->len);
	it->data[it->len] = '\0';
}

/* Appends "K=v" to a DN being built (RFC 4514 escaping of , + " \ < > ;). */
static void
dn_add(char *dn, size_t sz, const char *k, const char *v)
{
	size_t n = strlen(dn);

	if (n > 0 && n + 1 < sz)
		dn[n++] = ',';
	for (const char *s = k; *s && n + 1 < sz; s++)
		dn[n++] = *s;
	if (n + 1 < sz)
		dn[n++] = '=';
	for (const char *s = v; *s && n + 2 < sz; s++) {
		if (strchr(",+\"\\<>;", *s) != NULL)
			dn[n++] = '\\';
		dn[n++] = *s;
	}
	dn[n < sz ? n : sz - 1] = '\0';
}

/* nmap's ssl-cert name keys and their RFC 4514 short names. */
static const char *
dn_short(const char *key)
{
	static const char *const m[][2] = {
	    {"commonName", "CN"},
	    {"organizationName", "O"},
	    {"organizationalUnitName", "OU"},
	    {"localityName", "L"},
	    {"stateOrProvinceName", "ST"},
	    {"countryName", "C"},
	};
	for (size_t i = 0; i < CS_NELEM(m); i++)
		if (strcmp(m[i][0], key) == 0)
			return m[i][1];
	return NULL;
}

/*
 * The header lines of http-headers' output ("  Server: x" lines up to the
 * first blank one) as a header block, CRLF-terminated.
 */
static void
headers_item(struct cs_nmapxml *p, const char *out)
{
	char *blk = cs_xmalloc(TEXT_MAX);
	size_t n = 0;
	const char *s = out;

	while (*s == '\n' || *s == '\r')
		s++;
	while (*s) {
		const char *e = s + strcspn(s, "\r\n"), *b = s;
		while (b < e && (*b == ' ' || *b == '\t'))
			b++;
		if (b == e)
			break; /* the blank line ends the headers */
		if (n + (size_t)(e - b) + 2 < TEXT_MAX) {
			memcpy(blk + n, b, (size_t)(e - b));
			n += (size_t)(e - b);
			blk[n++] = '\r';
			blk[n++] = '\n';
		}
		s = e;
		if (*s == '\r')
			s++;
		if (*s == '\n')
			s++;
	}
	if (n > 0 && n + 2 < TEXT_MAX) {
		blk[n++] = '\r';
		blk[n++] = '\n';
		add_item(p, "http", p->port, blk, n);
	}
	free(blk);
}

/* Each non-empty line of s (trimmed) as an item of kind. */
static void
lines_items(struct cs_nmapxml *p, const char *kind, const char *s)
{
	while (*s) {
		const char *e = s + strcspn(s, "\r\n");
		struct cs_span sp = cs_span_trim(
		    (struct cs_span){(const uint8_t *)s, (size_t)(e - s)});

		add_item(p, kind, p->port, (const char *)sp.p, sp.n);
		s = e + strspn(e, "\r\n");
	}
}

static void
script_end(struct cs_nmapxml *p)
{
	const char *id = p->script_id, *out = p->script_out;
	uint16_t port = p->in_port ? p->port : 0;

	if (strcmp(id, "http-title") == 0) {
		if (p->title[0])
			add_item(p, "http.title", port, p->title,
				 strlen(p->title));
		else if (strncmp(out, "Site doesn't have a title", 25) != 0 &&
			 strncmp(out, "Did not follow redirect", 23) != 0)
			add_item(p, "http.title", port, out, strlen(out));
	} else if (strcmp(id, "http-server-header") == 0) {
		lines_items(p, "http.server", out);
	} else if (strcmp(id, "http-headers") == 0) {
		headers_item(p, out);
	} else if (strcmp(id, "banner") == 0) {
		add_item(p, "banner", port, out, strlen(out));
	} else if (strcmp(id, "snmp-sysdescr") == 0) {
		struct cs_span sp = cs_span_trim(
		    (struct cs_span){(const uint8_t *)out, strlen(out)});
		add_item(p, "snmp-sysdescr", port, (const char *)sp.p, sp.n);
	} else if (strcmp(id, "ssl-cert") == 0) {
		add_item(p, "tls.subject", port, p->subject,
			 strlen(p->subject));
		add_item(p, "tls.issuer", port, p->issuer, strlen(p->issuer));
	}
}

static void
host_begin(struct cs_nmapxml *p)
{
	memset(p->h, 0, sizeof(*p->h));
	p->h->up = true;
	p->in_host = true;
}

static void XMLCALL
on_start(void *ud, const XML_Char *name, const XML_Char **a)
{
	struct cs_nmapxml *p = ud;
	size_t nat = 0;
	const char *v;

	if (p->err)
		return;
	while (a[nat] != NULL)
		nat += 2;
	if (++p->depth > CS_NMAP_DEPTH_MAX || nat / 2 > CS_NMAP_ATTR_MAX) {
		fail(p, CS_ELIMIT, "nesting or attributes over the cap");
		return;
	}
	if (!p->root_seen) {
		p->root_seen = true;
		if (strcmp(name, "nmaprun") != 0) {
			fail(p, CS_EPROTO, "the root is not <nmaprun>");
			return;
		}
		p->run.seen = true;
		if ((v = att(a, "scanner")) != NULL)
			cs_strlcpy(p->run.scanner, v, sizeof(p->run.scanner));
		if ((v = att(a, "version")) != NULL)
			cs_strlcpy(p->run.version, v, sizeof(p->run.version));
		if ((v = att(a, "args")) != NULL)
			cs_strlcpy(p->run.args, v, sizeof(p->run.args));
		if ((v = att(a, "start")) != NULL) {
			long long t;
			if (cs_str_tonum(v, 0, INT64_MAX, &t) == 0)
				p->run.start = t;
		}
		return;
	}
	if (strcmp(name, "host") == 0 && p->depth == 2) {
		host_begin(p);
		return;
	}
	if (strcmp(name, "finished") == 0 && !p->in_host) {
		long long t;
		if ((v = att(a, "time")) != NULL &&
		    cs_str_tonum(v, 0, INT64_MAX, &t) == 0)
			p->run.finished = t;
		return;
	}
	if (!p->in_host)
		return;
	if (strcmp(name, "status") == 0 && !p->in_port) {
		v = att(a, "state");
		p->h->up = v == NULL || strcmp(v, "up") == 0;
	} else if (strcmp(name, "address") == 0) {
		const char *addr = att(a, "addr"), *type = att(a, "addrtype");
		if (addr == NULL)
			return;
		if (type == NULL || strcmp(type, "ipv4") == 0 ||
		    (strcmp(type, "ipv6") == 0 && p->h->ip[0] == '\0')) {
			cs_strlcpy(p->h->ip, addr, sizeof(p->h->ip));
		} else if (strcmp(type, "mac") == 0 && p->h->mac[0] == '\0') {
			cs_strlcpy(p->h->mac, addr, sizeof(p->h->mac));
			add_item(p, "mac", 0, addr, strlen(addr));
		}
	} else if (strcmp(name, "hostname") == 0) {
		if (p->h->hostname[0] == '\0' && (v = att(a, "name")) != NULL)
			cs_strlcpy(p->h->hostname, v, sizeof(p->h->hostname));
	} else if (strcmp(name, "port") == 0) {
		long long port;
		p->in_port = true;
		p->port_open = false;
		p->service[0] = '\0';
		v = att(a, "protocol");
		p->port_tcp = v != NULL && strcmp(v, "tcp") == 0;
		p->port = 0;
		if ((v = att(a, "portid")) != NULL &&
		    cs_str_tonum(v, 1, 65535, &port) == 0)
			p->port = (uint16_t)port;
	} else if (strcmp(name, "state") == 0 && p->in_port) {
		v = att(a, "state");
		p->port_open = v != NULL && strcmp(v, "open") == 0;
	} else if (strcmp(name, "service") == 0 && p->in_port) {
		if ((v = att(a, "name")) != NULL)
			cs_strlcpy(p->service, v, sizeof(p->service));
	} else if (strcmp(name, "script") == 0) {
		p->in_script = true;
		p->table_depth = 0;
		p->title[0] = p->subject[0] = p->issuer[0] = '\0';
		cs_strlcpy(p->script_id, (v = att(a, "id")) ? v : "",
			   sizeof(p->script_id));
		cs_strlcpy(p->script_out, (v = att(a, "output")) ? v : "",
			   TEXT_MAX);
	} else if (strcmp(name, "table") == 0 && p->in_script) {
		if (p->table_depth < 2)
			cs_strlcpy(p->table_key[p->table_depth],
				   (v = att(a, "key")) ? v : "",
				   sizeof(p->table_key[0]));
		p->table_depth++;
	} else if (strcmp(name, "elem") == 0 && p->in_script) {
		cs_strlcpy(p->elem_key, (v = att(a, "key")) ? v : "",
			   sizeof(p->elem_key));
		p->col = COL_ELEM;
		p->ntext = 0;
	}
}

static void
elem_end(struct cs_nmapxml *p)
{
	const char *k = p->elem_key, *sn;

	p->text[p->ntext] = '\0';
	p->col = COL_NONE;
	if (strcmp(p->script_id, "http-title") == 0 && p->table_depth == 0 &&
	    strcmp(k, "title") == 0) {
		cs_strlcpy(p->title, p->text, sizeof(p->title));
	} else if (strcmp(p->script_id, "ssl-cert") == 0 &&
		   p->table_depth == 1 && (sn = dn_short(k)) != NULL) {
		if (strcmp(p->table_key[0], "subject") == 0)
			dn_add(p->subject, sizeof(p->subject), sn, p->text);
		else if (strcmp(p->table_key[0], "issuer") == 0)
			dn_add(p->issuer, sizeof(p->issuer), sn, p->text);
	}
}

static void XMLCALL
on_end(void *ud, const XML_Char *name)
{
	struct cs_nmapxml *p = ud;
	int rc;

	if (p->err)
		return;
	p->depth--;
	if (!p->in_host)
		return;
	if (strcmp(name, "elem") == 0 && p->col == COL_ELEM) {
		elem_end(p);
	} else if (strcmp(name, "table") == 0 && p->in_script) {
		if (p->table_depth > 0)
			p->table_depth--;
	} else if (strcmp(name, "script") == 0 && p->in_script) {
		script_end(p);
		p->in_script = false;
	} else if (strcmp(name, "port") == 0 && p->in_port) {
		if (p->port_tcp && p->port_open && p->port != 0) {
			if (p->h->nports < CS_NMAP_PORTS_MAX)
				p->h->ports[p->h->nports++] = p->port;
			else
				p->h->dropped++;
		}
		p->in_port = false;
		p->service[0] = '\0';
	} else if (strcmp(name, "host") == 0 && p->depth == 1) {
		p->in_host = false;
		if ((rc = p->fn(p->arg, p->h)) != 0) {
			p->err = rc;
			snprintf(p->errmsg, sizeof(p->errmsg), "stopped");
			XML_StopParser(p->xp, XML_FALSE);
		}
	}
}

static void XMLCALL
on_text(void *ud, const XML_Char *s, int len)
{
	struct cs_nmapxml *p = ud;
	size_t n = len > 0 ? (size_t)len : 0;

	if (p->err || p->col == COL_NONE)
		return;
	if (n > TEXT_MAX - 1 - p->ntext)
		n = TEXT_MAX - 1 - p->ntext;
	memcpy(p->text + p->ntext, s, n);
	p->ntext += n;
}

static void XMLCALL
on_doctype(void *ud, const XML_Char *name, const XML_Char *sysid,
	   const XML_Char *pubid, int has_internal_subset)
{
	(void)name;
	(void)pubid;
	if (has_internal_subset || sysid != NULL)
		fail(ud, CS_EPROTO,
		     "a DOCTYPE with a subset or an external "
		     "DTD is not accepted");
}

static void XMLCALL
on_entity(void *ud, const XML_Char *name, int is_param, const XML_Char *value,
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
	fail(ud, CS_EPROTO, "entity declarations are not accepted");
}

struct cs_nmapxml *
cs_nmapxml_new(cs_nmap_host_fn fn, void *arg)
{
	struct cs_nmapxml *p = cs_xcalloc(1, sizeof(*p));

	if ((p->xp = XML_ParserCreate("UTF-8")) == NULL) {
		free(p);
		return NULL;
	}
	p->fn = fn;
	p->arg = arg;
	p->h = cs_xcalloc(1, sizeof(*p->h));
	p->text = cs_xmalloc(TEXT_MAX);
	p->script_out = cs_xcalloc(1, TEXT_MAX);
	XML_SetUserData(p->xp, p);
	XML_SetParamEntityParsing(p->xp, XML_PARAM_ENTITY_PARSING_NEVER);
	XML_SetStartDoctypeDeclHandler(p->xp, on_doctype);
	XML_SetEntityDeclHandler(p->xp, on_entity);
	XML_SetElementHandler(p->xp, on_start, on_end);
	XML_SetCharacterDataHandler(p->xp, on_text);
	return p;
}

int
cs_nmapxml_feed(struct cs_nmapxml *p, const uint8_t *buf, size_t n, bool final,
		char *err, size_t errsz)
{
	while (p->err == 0) {
		int chunk = n > (1u << 20) ? 1 << 20 : (int)n;
		bool last = final && (size_t)chunk == n;

		if (XML_Parse(p->xp, (const char *)buf, chunk,
			      last ? XML_TRUE : XML_FALSE) != XML_STATUS_OK &&
		    p->err == 0) {
			enum XML_Error e = XML_GetErrorCode(p->xp);
			p->err =
			    e == XML_ERROR_NO_MEMORY ? CS_ENOMEM : CS_EPROTO;
			snprintf(p->errmsg, sizeof(p->errmsg), "line %lu: %s",
				 (unsigned long)XML_GetCurrentLineNumber(p->xp),
				 XML_ErrorString(e));
		}
		buf += chunk;
		n -= (size_t)chunk;
		if (n == 0)
			break;
	}
	if (p->err == 0 && final && !p->root_seen) {
		p->err = CS_EPROTO;
		snprintf(p->errmsg, sizeof(p->errmsg), "empty document");
	}
	if (p->err != 0 && err != NULL && errsz > 0)
		snprintf(err, errsz, "%s", p->errmsg);
	return p->err;
}

const struct cs_nmap_run *
cs_nmapxml_run(const struct cs_nmapxml *p)
{
	return &p->run;
}

void
cs_nmapxml_free(struct cs_nmapxml *p)
{
	if (p == NULL)
		return;
	XML_ParserFree(p->xp);
	free(p->h);
	free(p->text);
	free(p->script_out);
	free(p);
}
