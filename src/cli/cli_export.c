/* SPDX-License-Identifier: ISC */
/*
 * Results in the forms other systems take:
 *   camsweep export syslog     findings as RFC 5424 lines, JSON payload
 *   camsweep export cef        findings as ArcSight CEF:0 lines
 *   camsweep export cmdb-csv   one configuration item per device (CSV)
 *   camsweep export cmdb-json  the same as JSON Lines
 *   camsweep notify --url URL  new and changed findings POSTed as JSON
 * Every device-supplied string passes the escaper of its output: JSON
 * through cs_out_json_value, CSV through cs_esc_csv, CEF through the
 * terminal escaper (no control byte, valid UTF-8) and then CEF's own
 * escaping of '\', '|' (header) and '=' (extension).
 */
#include "cli/cli.h"

#include <errno.h>
#include <getopt.h>
#include <netdb.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#include <json-c/json.h>

#include "cli/output.h"
#include "cli/scan_out.h"
#include "core/alloc.h"
#include "core/exitcode.h"
#include "core/buf.h"
#include "core/escape.h"
#include "core/str.h"
#include "fp/fp.h"
#include "store/store.h"
#include "core/poison.h"

#define EXPORT_VERSION "0.1.0"

static void
iso_utc(int64_t t, char *buf, size_t sz)
{
	time_t tt = (time_t)t;
	struct tm tm;

	if (t <= 0 || gmtime_r(&tt, &tm) == NULL) {
		buf[0] = '\0';
		return;
	}
	strftime(buf, sz, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

/* RFC 5424 severity of a finding's severity. */
static int
syslog_sev(enum cs_severity s)
{
	static const int m[] = {6, 5, 4, 3, 2}; /* info .. critical */
	return (unsigned)s < CS_NELEM(m) ? m[s] : 6;
}

/* CEF severity (0-10) of a finding's severity. */
static int
cef_sev(enum cs_severity s)
{
	static const int m[] = {1, 3, 5, 8, 10};
	return (unsigned)s < CS_NELEM(m) ? m[s] : 1;
}

/* s made safe for CEF: terminal-escaped, then '\\', '|' or '=' escaped. */
static void
cef_add(struct cs_buf *b, const char *s, bool header)
{
	struct cs_buf t;

	cs_buf_init(&t, 1 << 16);
	cs_esc_term(&t, s, strlen(s));
	for (size_t i = 0; i < t.len; i++) {
		char c = (char)t.p[i];
		if (c == '\\' || (header && c == '|') || (!header && c == '='))
			cs_buf_add(b, "\\", 1);
		cs_buf_add(b, &c, 1);
	}
	cs_buf_free(&t);
}

static void
cef_ext(struct cs_buf *b, const char *key, const char *val)
{
	if (val == NULL || *val == '\0')
		return;
	cs_buf_printf(b, " %s=", key);
	cef_add(b, val, false);
}

struct exp_ctx {
	FILE *out;
	const char *format;
	const char *host;
	struct cs_buf b;
	size_t n;
	bool failed;
};

static int
on_finding(void *arg, const struct cs_finding_row *f)
{
	struct exp_ctx *x = arg;
	char t[32];

	cs_buf_reset(&x->b);
	if (strcmp(x->format, "syslog") == 0) {
		json_object *o = cs_cli_finding_json(f);
		/* facility local0 (16); no structured data; JSON message */
		iso_utc(f->assessed_at ? f->assessed_at : (int64_t)time(NULL),
			t, sizeof(t));
		cs_buf_printf(&x->b, "<%d>1 %s ",
			      16 * 8 + syslog_sev(f->severity), t);
		cs_esc_term(&x->b, x->host, strlen(x->host));
		cs_buf_adds(&x->b, " camsweep - finding - ");
		cs_out_json_value(&x->b, o);
		json_object_put(o);
	} else {
		char sig[128], name[256], rt[32];
		snprintf(sig, sizeof(sig), "%s:%s", f->regime, f->obligation);
		snprintf(name, sizeof(name), "%s %s subject to %s %s",
			 f->manufacturer[0] ? f->manufacturer : "unknown maker",
			 f->device_class[0] ? f->device_class : "device",
			 f->regime, f->obligation);
		cs_buf_adds(&x->b,
			    "CEF:0|camsweep|camsweep|" EXPORT_VERSION "|");
		cef_add(&x->b, sig, true);
		cs_buf_adds(&x->b, "|");
		cef_add(&x->b, name, true);
		cs_buf_printf(&x->b, "|%d|", cef_sev(f->severity));
		snprintf(rt, sizeof(rt), "%lld",
			 (long long)(f->assessed_at ? f->assessed_at
						    : (int64_t)time(NULL)) *
			     1000);
		cs_buf_printf(&x->b, "rt=%s", rt);
		cef_ext(&x->b, "src", f->ip);
		cef_ext(&x->b, "smac", f->mac);
		cef_ext(&x->b, "act", f->action);
		cef_ext(&x->b, "msg", f->action_text);
		cef_ext(&x->b, "cs1Label", "regime");
		cef_ext(&x->b, "cs1", f->regime);
		cef_ext(&x->b, "cs2Label", "obligation");
		cef_ext(&x->b, "cs2", f->obligation);
		cef_ext(&x->b, "cs3Label", "manufacturer");
		cef_ext(&x->b, "cs3", f->manufacturer);
		cef_ext(&x->b, "cs4Label", "model");
		cef_ext(&x->b, "cs4", f->model);
		cef_ext(&x->b, "cs5Label", "site");
		cef_ext(&x->b, "cs5", f->site);
		cef_ext(&x->b, "cs6Label", "status");
		cef_ext(&x->b, "cs6", f->status);
		snprintf(rt, sizeof(rt), "%lld", (long long)f->id);
		cef_ext(&x->b, "externalId", rt);
	}
	cs_buf_adds(&x->b, "\n");
	if (fwrite(x->b.p, 1, x->b.len, x->out) != x->b.len)
		x->failed = true;
	x->n++;
	return 0;
}

/* CMDB: the columns of a configuration item, in order. */
static const char *const ci_cols[] = {
    "ci_id",        "name",         "ip",
    "mac",          "manufacturer", "manufacturer_country",
    "brand",        "model",        "firmware",
    "device_class", "surveillance", "serial",
    "site",         "location",     "owner",
    "first_seen",   "last_seen",    "source"};

struct ci_ctx {
	struct exp_ctx *x;
	bool csv;
	struct {
		char ip[46];
		char owner[64];
	} * owners;
	size_t nowners;
};

static int
collect_owner(void *arg, const struct cs_finding_row *f)
{
	struct ci_ctx *c = arg;

	if (f->owner[0] == '\0')
		return 0;
	for (size_t i = 0; i < c->nowners; i++)
		if (strcmp(c->owners[i].ip, f->ip) == 0)
			return 0;
	c->owners = cs_xrealloc(c->owners, c->nowners + 1, sizeof(*c->owners));
	cs_strlcpy(c->owners[c->nowners].ip, f->ip, sizeof(c->owners[0].ip));
	cs_strlcpy(c->owners[c->nowners].owner, f->owner,
		   sizeof(c->owners[0].owner));
	c->nowners++;
	return 0;
}

static int
on_device(void *arg, const struct cs_device_row *r)
{
	struct ci_ctx *c = arg;
	struct exp_ctx *x = c->x;
	char id[48], first[32], last[32];
	const char *owner = "";
	int surv = cs_identity_surveillance(&r->id);
	const char *vals[CS_NELEM(ci_cols)];

	for (size_t i = 0; i < c->nowners; i++)
		if (strcmp(c->owners[i].ip, r->ip) == 0)
			owner = c->owners[i].owner;
	snprintf(id, sizeof(id), "camsweep-device-%lld",
		 (long long)r->device_id);
	iso_utc(r->first_seen, first, sizeof(first));
	iso_utc(r->last_seen, last, sizeof(last));
	vals[0] = id;
	vals[1] = r->ip;
	vals[2] = r->ip;
	vals[3] = r->mac;
	vals[4] = r->id.manufacturer;
	vals[5] = r->id.manufacturer_country;
	vals[6] = r->id.brand;
	vals[7] = r->id.model;
	vals[8] = r->id.firmware;
	vals[9] = r->id.device_class == CS_CLASS_UNKNOWN
		      ? ""
		      : cs_class_name(r->id.device_class);
	vals[10] = surv > 0 ? "true" : surv == 0 ? "false" : "";
	vals[11] = r->serial;
	vals[12] = r->site;
	vals[13] = r->site;
	vals[14] = owner;
	vals[15] = first;
	vals[16] = last;
	vals[17] = "camsweep";
	cs_buf_reset(&x->b);
	if (c->csv) {
		for (size_t i = 0; i < CS_NELEM(ci_cols); i++) {
			if (i)
				cs_buf_adds(&x->b, ",");
			cs_esc_csv(&x->b, vals[i], strlen(vals[i]));
		}
	} else {
		json_object *o = json_object_new_object();
		for (size_t i = 0; i < CS_NELEM(ci_cols); i++) {
			json_object *v = NULL;
			if (i == 10 && vals[i][0])
				v = json_object_new_boolean(surv > 0);
			else if (i != 10 && vals[i][0])
				v = json_object_new_string(vals[i]);
			json_object_object_add(o, ci_cols[i], v);
		}
		cs_out_json_value(&x->b, o);
		json_object_put(o);
	}
	cs_buf_adds(&x->b, "\n");
	if (fwrite(x->b.p, 1, x->b.len, x->out) != x->b.len)
		x->failed = true;
	x->n++;
	return 0;
}

static void
export_usage(FILE *f)
{
	fputs("usage: camsweep export FORMAT [--db PATH|URI] [--scan ID] "
	      "[--all] [-o FILE]\n"
	      "formats:\n"
	      "  syslog     findings as RFC 5424 messages (facility local0, "
	      "severity from\n"
	      "             the finding's), the finding as a JSON payload\n"
	      "  cef        findings as CEF:0 events (signature "
	      "regime:obligation)\n"
	      "  cmdb-csv   one configuration item per device of a scan "
	      "(default the\n"
	      "             latest): maker, model, firmware, class, site "
	      "(location), owner\n"
	      "  cmdb-json  the same, one JSON object per line (null for "
	      "unknown)\n"
	      "options:\n"
	      "  --all      findings in every status (default: open, "
	      "planned, done and\n"
	      "             risk-accepted)\n",
	      f);
}

static struct cs_store *
open_db(const char *db_path)
{
	char err[512];
	struct cs_store *st;

	if (!cs_store_path_is_uri(db_path) && access(db_path, R_OK) != 0) {
		fprintf(stderr, "camsweep: %s: %s\n", CS_STORE_SHOW(db_path),
			strerror(errno));
		return NULL;
	}
	if ((st = cs_store_open(db_path, err, sizeof(err))) == NULL)
		fprintf(stderr, "camsweep: %s: %s\n", CS_STORE_SHOW(db_path),
			err);
	return st;
}

int
cs_cli_export(int argc, char **argv)
{
	static const struct option opts[] = {
	    {"db", required_argument, NULL, 'D'},
	    {"scan", required_argument, NULL, 's'},
	    {"all", no_argument, NULL, 'a'},
	    {"output", required_argument, NULL, 'o'},
	    {"help", no_argument, NULL, 'h'},
	    {NULL, 0, NULL, 0},
	};
	const char *db_path = NULL, *out_path = NULL, *fmt;
	struct exp_ctx x = {0};
	struct cs_finding_filter flt = {.active_only = true};
	struct cs_store *st;
	int64_t scan_id = -1;
	long long v;
	char host[256] = "";
	int c, rc;

	optind = 1;
	while ((c = getopt_long(argc, argv, "ho:", opts, NULL)) != -1) {
		switch (c) {
		case 'D':
			db_path = optarg;
			break;
		case 's':
			if (cs_str_tonum(optarg, 1, INT64_MAX, &v) != 0) {
				fputs("camsweep export: --scan: a scan id\n",
				      stderr);
				return EXIT_USAGE;
			}
			scan_id = v;
			break;
		case 'a':
			flt.active_only = false;
			break;
		case 'o':
			out_path = optarg;
			break;
		case 'h':
			export_usage(stdout);
			return EXIT_OK;
		default:
			export_usage(stderr);
			return EXIT_USAGE;
		}
	}
	if (argc - optind != 1) {
		export_usage(stderr);
		return EXIT_USAGE;
	}
	fmt = argv[optind];
	if (strcmp(fmt, "syslog") && strcmp(fmt, "cef") &&
	    strcmp(fmt, "cmdb-csv") && strcmp(fmt, "cmdb-json")) {
		fprintf(stderr, "camsweep export: unknown format '%s'\n", fmt);
		export_usage(stderr);
		return EXIT_USAGE;
	}
	if (db_path == NULL)
		db_path = cs_cli_default_db();
	if ((st = open_db(db_path)) == NULL)
		return EXIT_RUNTIME;
	x.out = stdout;
	if (out_path != NULL && (x.out = fopen(out_path, "we")) == NULL) {
		fprintf(stderr, "camsweep export: %s: %s\n", out_path,
			strerror(errno));
		cs_store_close(st);
		return EXIT_RUNTIME;
	}
	gethostname(host, sizeof(host) - 1);
	x.host = host[0] ? host : "-";
	x.format = fmt;
	cs_buf_init(&x.b, 1 << 22);
	if (strncmp(fmt, "cmdb", 4) == 0) {
		struct ci_ctx cc = {.x = &x,
				    .csv = strcmp(fmt, "cmdb-csv") == 0};
		if (scan_id < 0 && cs_store_latest_scan(st, &scan_id) != 0) {
			fprintf(stderr, "camsweep export: %s: no scans\n",
				CS_STORE_SHOW(db_path));
			rc = EXIT_RUNTIME;
			goto done;
		}
		cs_store_each_finding(st, NULL, collect_owner, &cc);
		if (cc.csv) {
			for (size_t i = 0; i < CS_NELEM(ci_cols); i++)
				fprintf(x.out, "%s%s", i ? "," : "",
					ci_cols[i]);
			fputc('\n', x.out);
		}
		rc = cs_store_each_device(st, scan_id, on_device, &cc) == 0
			 ? EXIT_OK
			 : EXIT_RUNTIME;
		free(cc.owners);
	} else {
		rc = cs_store_each_finding(st, &flt, on_finding, &x) == 0
			 ? EXIT_OK
			 : EXIT_RUNTIME;
	}
done:
	if (x.out != stdout) {
		if (ferror(x.out) || fclose(x.out) != 0)
			x.failed = true;
	} else if (fflush(stdout) != 0) {
		x.failed = true;
	}
	if (x.failed) {
		fprintf(stderr, "camsweep export: write error\n");
		rc = EXIT_RUNTIME;
	}
	cs_buf_free(&x.b);
	cs_store_close(st);
	return rc;
}

/* ---- notify: new and changed findings to a webhook ---- */

struct seen {
	int64_t id;
	char status[16];
};

struct notify_ctx {
	struct seen *old;
	size_t nold;
	struct seen *now;
	size_t nnow;
	json_object *added, *changed;
};

static const struct seen *
seen_find(const struct seen *v, size_t n, int64_t id)
{
	for (size_t i = 0; i < n; i++)
		if (v[i].id == id)
			return &v[i];
	return NULL;
}

static int
notify_finding(void *arg, const struct cs_finding_row *f)
{
	struct notify_ctx *c = arg;
	const struct seen *o = seen_find(c->old, c->nold, f->id);

	c->now = cs_xrealloc(c->now, c->nnow + 1, sizeof(*c->now));
	c->now[c->nnow].id = f->id;
	cs_strlcpy(c->now[c->nnow].status, f->status, sizeof(c->now[0].status));
	c->nnow++;
	if (o == NULL) {
		json_object_array_add(c->added, cs_cli_finding_json(f));
	} else if (strcmp(o->status, f->status) != 0) {
		json_object *e = json_object_new_object();
		json_object_object_add(e, "previous_status",
				       json_object_new_string(o->status));
		json_object_object_add(e, "finding", cs_cli_finding_json(f));
		json_object_array_add(c->changed, e);
	}
	return 0;
}

/* The state file: one "id status" line per finding already sent. */
static int
state_read(const char *path, struct notify_ctx *c)
{
	FILE *f = fopen(path, "re");
	char line[128];

	if (f == NULL)
		return errno == ENOENT ? 0 : -1;
	while (fgets(line, sizeof(line), f) != NULL) {
		char *sp = strchr(line, ' ');
		long long id;

		if (sp == NULL)
			continue;
		*sp++ = '\0';
		sp[strcspn(sp, "\r\n")] = '\0';
		if (cs_str_tonum(line, 1, INT64_MAX, &id) != 0)
			continue;
		c->old = cs_xrealloc(c->old, c->nold + 1, sizeof(*c->old));
		c->old[c->nold].id = id;
		cs_strlcpy(c->old[c->nold].status, sp,
			   sizeof(c->old[0].status));
		c->nold++;
	}
	fclose(f);
	return 0;
}

static int
state_write(const char *path, const struct notify_ctx *c)
{
	char tmp[4400];
	FILE *f;
	int bad = 0;

	snprintf(tmp, sizeof(tmp), "%s.tmp", path);
	if ((f = fopen(tmp, "we")) == NULL)
		return -1;
	for (size_t i = 0; i < c->nnow; i++)
		fprintf(f, "%lld %s\n", (long long)c->now[i].id,
			c->now[i].status);
	bad = ferror(f);
	if (fclose(f) != 0 || bad || rename(tmp, path) != 0) {
		unlink(tmp);
		return -1;
	}
	return 0;
}

/*
 * POSTs body to an http:// URL; returns the HTTP status, or -1 with a
 * message in err.
 */
static int
http_post(const char *url, const char *body, size_t n, unsigned timeout_ms,
	  char *err, size_t errsz)
{
	char host[256], port[8] = "80", path[1024] = "/", req[1600];
	const char *p = url + 7, *slash, *colon;
	struct addrinfo hints = {.ai_socktype = SOCK_STREAM}, *res = NULL, *ai;
	struct timeval tv = {.tv_sec = timeout_ms / 1000,
			     .tv_usec = (timeout_ms % 1000) * 1000};
	char reply[512];
	ssize_t got;
	size_t hl;
	int fd = -1, status = -1, rc;

	if (strncmp(url, "http://", 7) != 0) {
		snprintf(err, errsz, "only http:// URLs");
		return -1;
	}
	slash = strchr(p, '/');
	hl = slash ? (size_t)(slash - p) : strlen(p);
	if (hl == 0 || hl >= sizeof(host)) {
		snprintf(err, errsz, "no host in the URL");
		return -1;
	}
	memcpy(host, p, hl);
	host[hl] = '\0';
	if (slash)
		cs_strlcpy(path, slash, sizeof(path));
	if (host[0] == '[') { /* [v6]:port */
		char *e = strchr(host, ']');
		if (e == NULL) {
			snprintf(err, errsz, "bad host in the URL");
			return -1;
		}
		*e = '\0';
		if (e[1] == ':')
			cs_strlcpy(port, e + 2, sizeof(port));
		memmove(host, host + 1, strlen(host));
	} else if ((colon = strrchr(host, ':')) != NULL) {
		cs_strlcpy(port, colon + 1, sizeof(port));
		host[colon - host] = '\0';
	}
	if ((rc = getaddrinfo(host, port, &hints, &res)) != 0) {
		snprintf(err, errsz, "%s: %s", host, gai_strerror(rc));
		return -1;
	}
	for (ai = res; ai != NULL; ai = ai->ai_next) {
		fd = socket(ai->ai_family, ai->ai_socktype | SOCK_CLOEXEC,
			    ai->ai_protocol);
		if (fd < 0)
			continue;
		setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof(tv));
		setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
		if (connect(fd, ai->ai_addr, ai->ai_addrlen) == 0)
			break;
		close(fd);
		fd = -1;
	}
	freeaddrinfo(res);
	if (fd < 0) {
		snprintf(err, errsz, "%s port %s: cannot connect: %s", host,
			 port, strerror(errno));
		return -1;
	}
	snprintf(req, sizeof(req),
		 "POST %s HTTP/1.1\r\nHost: %s\r\nUser-Agent: "
		 "camsweep/" EXPORT_VERSION
		 "\r\nContent-Type: application/json\r\n"
		 "Content-Length: %zu\r\nConnection: close\r\n\r\n",
		 path, host, n);
	if (send(fd, req, strlen(req), MSG_NOSIGNAL) != (ssize_t)strlen(req) ||
	    send(fd, body, n, MSG_NOSIGNAL) != (ssize_t)n) {
		snprintf(err, errsz, "send: %s", strerror(errno));
		close(fd);
		return -1;
	}
	got = recv(fd, reply, sizeof(reply) - 1, 0);
	close(fd);
	if (got < 12) {
		snprintf(err, errsz, "no HTTP answer");
		return -1;
	}
	reply[got] = '\0';
	if (strncmp(reply, "HTTP/1.", 7) != 0 || reply[8] != ' ') {
		snprintf(err, errsz, "not an HTTP answer");
		return -1;
	}
	{
		char code[4] = {reply[9], reply[10], reply[11], '\0'};
		long long v;
		if (cs_str_tonum(code, 100, 599, &v) == 0)
			status = (int)v;
	}
	if (status < 0)
		snprintf(err, errsz, "bad HTTP status line");
	return status;
}

static void
notify_usage(FILE *f)
{
	fputs("usage: camsweep notify --url http://HOST[:PORT]/PATH [--db "
	      "PATH|URI]\n"
	      "         [--state FILE] [--timeout TIME]\n"
	      "POSTs the findings that are new, or whose status changed, "
	      "since the last\n"
	      "successful notify as one JSON document {\"version\", "
	      "\"generated\", \"new\",\n"
	      "\"changed\"}; nothing is sent when nothing changed.  What was "
	      "sent is kept in\n"
	      "the state file (default: the inventory's path + .notify, "
	      "0600).\n"
	      "Exit status: 0 sent (or nothing to send), 1 usage, 2 not "
	      "delivered.\n",
	      f);
}

int
cs_cli_notify(int argc, char **argv)
{
	static const struct option opts[] = {
	    {"url", required_argument, NULL, 'u'},
	    {"db", required_argument, NULL, 'D'},
	    {"state", required_argument, NULL, 'S'},
	    {"timeout", required_argument, NULL, 't'},
	    {"help", no_argument, NULL, 'h'},
	    {NULL, 0, NULL, 0},
	};
	const char *url = NULL, *db_path = NULL, *state = NULL;
	char state_buf[4200], err[512], when[32];
	struct notify_ctx c = {0};
	struct cs_store *st;
	struct cs_buf b;
	long long timeout_ms = 10000;
	json_object *doc;
	int ch, rc = EXIT_RUNTIME, status;

	optind = 1;
	while ((ch = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (ch) {
		case 'u':
			url = optarg;
			break;
		case 'D':
			db_path = optarg;
			break;
		case 'S':
			state = optarg;
			break;
		case 't':
			if (cs_cli_parse_ms(optarg, 100, 600000, &timeout_ms) !=
			    0) {
				fputs("camsweep notify: --timeout: a time "
				      "(500ms, 10s; a bare number is ms)\n",
				      stderr);
				return EXIT_USAGE;
			}
			break;
		case 'h':
			notify_usage(stdout);
			return EXIT_OK;
		default:
			notify_usage(stderr);
			return EXIT_USAGE;
		}
	}
	if (url == NULL || optind != argc) {
		notify_usage(stderr);
		return EXIT_USAGE;
	}
	if (db_path == NULL)
		db_path = cs_cli_default_db();
	if (state == NULL) {
		if (cs_store_path_is_uri(db_path)) {
			fputs("camsweep notify: --state FILE is needed with a "
			      "database URI\n",
			      stderr);
			return EXIT_USAGE;
		}
		snprintf(state_buf, sizeof(state_buf), "%s.notify", db_path);
		state = state_buf;
	}
	if (state_read(state, &c) != 0) {
		fprintf(stderr, "camsweep notify: %s: %s\n", state,
			strerror(errno));
		return EXIT_RUNTIME;
	}
	if ((st = open_db(db_path)) == NULL) {
		free(c.old);
		return EXIT_RUNTIME;
	}
	c.added = json_object_new_array();
	c.changed = json_object_new_array();
	if (cs_store_each_finding(st, NULL, notify_finding, &c) != 0) {
		fprintf(stderr, "camsweep notify: cannot read the findings\n");
		goto out;
	}
	if (json_object_array_length(c.added) == 0 &&
	    json_object_array_length(c.changed) == 0) {
		fprintf(stderr, "camsweep notify: nothing new or changed\n");
		rc = EXIT_OK;
		goto out;
	}
	doc = json_object_new_object();
	iso_utc((int64_t)time(NULL), when, sizeof(when));
	json_object_object_add(doc, "version", json_object_new_int(1));
	json_object_object_add(doc, "source",
			       json_object_new_string("camsweep"));
	json_object_object_add(doc, "generated", json_object_new_string(when));
	json_object_object_add(doc, "new", json_object_get(c.added));
	json_object_object_add(doc, "changed", json_object_get(c.changed));
	cs_buf_init(&b, 64u << 20);
	cs_out_json_value(&b, doc);
	json_object_put(doc);
	status = http_post(url, (const char *)b.p, b.len, (unsigned)timeout_ms,
			   err, sizeof(err));
	cs_buf_free(&b);
	if (status < 200 || status > 299) {
		if (status < 0)
			fprintf(stderr, "camsweep notify: %s\n", err);
		else
			fprintf(stderr,
				"camsweep notify: the receiver answered %d; "
				"not delivered\n",
				status);
		goto out;
	}
	if (state_write(state, &c) != 0) {
		fprintf(stderr,
			"camsweep notify: delivered, but %s could not be "
			"written: the next run sends these again\n",
			state);
		goto out;
	}
	fprintf(stderr, "camsweep notify: %zu new, %zu changed, sent (%d)\n",
		json_object_array_length(c.added),
		json_object_array_length(c.changed), status);
	rc = EXIT_OK;
out:
	json_object_put(c.added);
	json_object_put(c.changed);
	free(c.old);
	free(c.now);
	cs_store_close(st);
	return rc;
}
