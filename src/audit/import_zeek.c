/* SPDX-License-Identifier: ISC */
/*
 * A directory of Zeek logs (conn, http, ssl, x509, dhcp, dns, software,
 * known_services; TSV or JSON, gzip or not; parse/parse_zeek.h) into one
 * scan (audit/import.h): each log's rows gathered by address, ssl.log's
 * certificates joined from x509.log, then stored.
 */
#include "audit/import.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <zlib.h>

#include "audit/import_core.h"
#include "core/addr.h"
#include "core/alloc.h"
#include "core/exitcode.h"
#include "core/str.h"
#include "parse/parse_zeek.h"
#include "core/poison.h"

/* A certificate of x509.log, by fingerprint (Zeek 6) or file id. */
struct zk_cert {
	char key[80];
	char subject[512], issuer[512];
};

/* A reference from ssl.log to the first certificate of its chain. */
struct zk_ref {
	char ip[46];
	uint16_t port;
	char key[80];
};

struct zk_run {
	struct cs_imp_run r;
	struct cs_imp_hosts map;
	struct zk_cert *cert;
	size_t ncert;
	struct zk_ref *ref;
	size_t nref;
	int64_t first, last;
	unsigned long long rows[8], bad;
};

static const char *const zk_logs[] = {
    "conn", "http", "ssl", "x509", "dhcp", "dns", "software", "known_services"};

static uint16_t
port_of(const char *s)
{
	long long v;

	return s != NULL && cs_str_tonum(s, 1, 65535, &v) == 0 ? (uint16_t)v
							       : 0;
}

static void
zk_port(struct zk_run *z, const char *ip, uint16_t port)
{
	if (cs_ip_family(ip, NULL) && port != 0)
		cs_imp_host_port(cs_imp_host_get(&z->map, ip), port);
}

static void
zk_item(struct zk_run *z, const char *ip, uint16_t port, const char *kind,
	const char *val)
{
	if (!cs_ip_family(ip, NULL) || val == NULL || *val == '\0')
		return;
	cs_imp_item(&z->r, &cs_imp_host_get(&z->map, ip)->obs, kind, val,
		    strlen(val), port, "");
}

/* Zeek's ts: epoch seconds ("1700000000.123") or ISO 8601. */
static int64_t
zk_ts(const char *s)
{
	long long v;
	char sec[24];
	size_t n;

	if (s == NULL)
		return 0;
	n = strspn(s, "0123456789");
	if (n > 0 && n < sizeof(sec) && (s[n] == '.' || s[n] == '\0')) {
		memcpy(sec, s, n);
		sec[n] = '\0';
		return cs_str_tonum(sec, 0, INT64_MAX, &v) == 0 ? v : 0;
	}
	return 0;
}

static void
zk_row(struct zk_run *z, size_t log, const struct cs_zeek_row *row)
{
	const char *rh = cs_zeek_get(row, "id.resp_h"), *v;
	uint16_t rp = port_of(cs_zeek_get(row, "id.resp_p"));
	int64_t ts = zk_ts(cs_zeek_get(row, "ts"));

	z->rows[log]++;
	cs_imp_span_time(ts, &z->first, &z->last);
	switch (log) {
	case 0: /* conn: an established TCP connection to a local host */
		if ((v = cs_zeek_get(row, "proto")) == NULL ||
		    strcmp(v, "tcp") != 0)
			return;
		v = cs_zeek_get(row, "conn_state");
		if (v == NULL ||
		    (strcmp(v, "SF") && strcmp(v, "S1") && strcmp(v, "S2") &&
		     strcmp(v, "S3") && strcmp(v, "RSTO") && strcmp(v, "RSTR")))
			return;
		if ((v = cs_zeek_get(row, "local_resp")) != NULL &&
		    strcmp(v, "F") == 0)
			return;
		zk_port(z, rh, rp);
		return;
	case 1: /* http: an answer; a logged Server header */
		if (cs_zeek_get(row, "status_code") != NULL)
			zk_port(z, rh, rp);
		zk_item(z, rh, rp, "http.server", cs_zeek_get(row, "server"));
		return;
	case 2: /* ssl */
		if ((v = cs_zeek_get(row, "established")) != NULL &&
		    strcmp(v, "T") == 0)
			zk_port(z, rh, rp);
		zk_item(z, rh, rp, "tls.subject", cs_zeek_get(row, "subject"));
		zk_item(z, rh, rp, "tls.issuer", cs_zeek_get(row, "issuer"));
		if ((v = cs_zeek_get(row, "cert_chain_fps")) == NULL)
			v = cs_zeek_get(row, "cert_chain_fuids");
		if (v != NULL && *v && cs_ip_family(rh, NULL)) {
			z->ref =
			    cs_xrealloc(z->ref, z->nref + 1, sizeof(*z->ref));
			cs_strlcpy(z->ref[z->nref].ip, rh,
				   sizeof(z->ref[0].ip));
			z->ref[z->nref].port = rp;
			cs_strlcpy(z->ref[z->nref].key, v,
				   strcspn(v, ",") + 1 < sizeof(z->ref[0].key)
				       ? strcspn(v, ",") + 1
				       : sizeof(z->ref[0].key));
			z->nref++;
		}
		return;
	case 3: /* x509 */
		if ((v = cs_zeek_get(row, "fingerprint")) == NULL)
			v = cs_zeek_get(row, "id");
		if (v == NULL)
			return;
		z->cert = cs_xrealloc(z->cert, z->ncert + 1, sizeof(*z->cert));
		cs_strlcpy(z->cert[z->ncert].key, v, sizeof(z->cert[0].key));
		cs_strlcpy(z->cert[z->ncert].subject,
			   (v = cs_zeek_get(row, "certificate.subject")) ? v
									 : "",
			   sizeof(z->cert[0].subject));
		cs_strlcpy(z->cert[z->ncert].issuer,
			   (v = cs_zeek_get(row, "certificate.issuer")) ? v
									: "",
			   sizeof(z->cert[0].issuer));
		z->ncert++;
		return;
	case 4: /* dhcp: the MAC of the address it was given */
		if ((v = cs_zeek_get(row, "assigned_addr")) == NULL)
			v = cs_zeek_get(row, "client_addr");
		zk_item(z, v, 0, "mac", cs_zeek_get(row, "mac"));
		return;
	case 6: /* software: a server's banner as Zeek recorded it */
		if ((v = cs_zeek_get(row, "software_type")) != NULL &&
		    strcmp(v, "HTTP::SERVER") == 0)
			zk_item(z, cs_zeek_get(row, "host"),
				port_of(cs_zeek_get(row, "host_p")),
				"http.server",
				cs_zeek_get(row, "unparsed_version"));
		return;
	case 7: /* known_services */
		if ((v = cs_zeek_get(row, "port_proto")) != NULL &&
		    strcmp(v, "tcp") == 0)
			zk_port(z, cs_zeek_get(row, "host"),
				port_of(cs_zeek_get(row, "port_num")));
		return;
	default: /* dns: counted; phone-home is `listen`'s */
		return;
	}
}

/* Reads DIR/NAME.log, .log.gz, .json or .json.gz if present. */
static int
zk_read(struct zk_run *z, const char *dir, size_t log, char *line)
{
	static const char *const suf[] = {".log", ".log.gz", ".json",
					  ".json.gz"};
	char path[4096], err[256];
	int found = 0;

	for (size_t s = 0; s < CS_NELEM(suf); s++) {
		struct cs_zeek zr;
		static struct cs_zeek_row row;
		unsigned long long lineno = 0;
		size_t n;
		gzFile gz;
		int rc;

		snprintf(path, sizeof(path), "%s/%s%s", dir, zk_logs[log],
			 suf[s]);
		if (access(path, R_OK) != 0 ||
		    (gz = gzopen(path, "rb")) == NULL)
			continue;
		found++;
		cs_zeek_init(&zr);
		while ((rc = cs_imp_gz_line(gz, line, CS_ZEEK_LINE_MAX, &n)) !=
		       0) {
			lineno++;
			if (rc < 0)
				snprintf(err, sizeof(err), "line over %u bytes",
					 CS_ZEEK_LINE_MAX);
			else
				rc = cs_zeek_line(&zr, line, n, &row, err,
						  sizeof(err));
			if (rc == 1)
				zk_row(z, log, &row);
			else if (rc < 0 && z->bad++ < 10)
				cs_imp_say(z->r.imp, "%s:%llu: %s", path,
					   lineno, err);
		}
		if (!gzeof(gz)) {
			cs_imp_say(z->r.imp, "%s: read error", path);
			z->bad++;
		}
		gzclose(gz);
		cs_zeek_free(&zr);
	}
	return found;
}

int
cs_audit_import_zeek(struct cs_audit_import *imp, const char *dir)
{
	struct zk_run z = {0};
	char *line = cs_xmalloc(CS_ZEEK_LINE_MAX + 2);
	int files = 0, rc = EXIT_RUNTIME;

	if (cs_imp_init(&z.r, imp) != 0)
		goto out;
	for (size_t i = 0; i < CS_NELEM(zk_logs); i++)
		files += zk_read(&z, dir, i, line);
	if (files == 0) {
		cs_imp_say(imp,
			   "%s: no Zeek logs (conn, http, ssl, x509, dhcp, "
			   "dns, software, known_services; .log or .json, gzip "
			   "or not)",
			   dir);
		goto out;
	}
	/* ssl.log's certificates, from x509.log */
	for (size_t i = 0; i < z.nref; i++)
		for (size_t k = 0; k < z.ncert; k++)
			if (strcmp(z.ref[i].key, z.cert[k].key) == 0) {
				zk_item(&z, z.ref[i].ip, z.ref[i].port,
					"tls.subject", z.cert[k].subject);
				zk_item(&z, z.ref[i].ip, z.ref[i].port,
					"tls.issuer", z.cert[k].issuer);
				break;
			}
	cs_imp_say(imp,
		   "%s (zeek): rows conn %llu, http %llu, ssl %llu, x509 "
		   "%llu, dhcp %llu, dns %llu, software %llu, known_services "
		   "%llu; %llu malformed",
		   dir, z.rows[0], z.rows[1], z.rows[2], z.rows[3], z.rows[4],
		   z.rows[5], z.rows[6], z.rows[7], z.bad);
	rc = cs_imp_store_hosts(&z.r, &z.map, "zeek", dir, z.first, z.last,
				z.bad);
out:
	free(line);
	free(z.cert);
	free(z.ref);
	cs_imp_hosts_free(&z.map);
	cs_imp_done(&z.r);
	return rc;
}
