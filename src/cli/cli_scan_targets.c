/* SPDX-License-Identifier: ISC */
/*
 * The targets of `camsweep scan`: addresses, ranges, CIDRs, host names
 * (resolved once), -iL files, and the options text that identifies a
 * resumable scan.  cli_scan_scope.c makes the scope of them.
 */
#include "cli/cli.h"
#include "cli/scan_cmd.h"

#include <errno.h>
#include <netdb.h>
#include <arpa/inet.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/addr.h"
#include "core/alloc.h"
#include "core/buf.h"
#include "core/str.h"
#include "core/text.h"
#include "engine/scope.h"
#include "core/poison.h"

/* Parses a numeric option or reports it; returns false on error. */
bool
cs_scan_num_opt(const char *name, const char *v, long long min, long long max,
		long long *out)
{
	if (cs_str_tonum(v, min, max, out) == 0)
		return true;
	fprintf(stderr, "camsweep: --%s: expected a number in [%lld, %lld]\n",
		name, min, max);
	return false;
}

int
cs_scan_add_specs(const char *arg, struct cs_interval **v, size_t *n)
{
	char err[512];

	if (cs_scope_parse_spec(arg, v, n, err, sizeof(err)) != 0) {
		fprintf(stderr, "camsweep: %s\n", err);
		return -1;
	}
	return 0;
}

/* True if s could be a DNS host name (letters, digits, '-', '.'). */
static bool
hostname_like(const char *s)
{
	size_t n = strlen(s);

	if (n == 0 || n > 253 ||
	    strspn(s, "abcdefghijklmnopqrstuvwxyz"
		      "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
		      "0123456789-.") != n)
		return false;
	for (const char *p = s; *p; p++)
		if ((*p < '0' || *p > '9') && *p != '.')
			return true; /* not all digits and dots */
	return false;
}

/*
 * One target: an address, CIDR, range, octet range or @file of either
 * family (scope.c), or a host name, resolved here, once, to its first
 * IPv4 address (as nmap does), or its first IPv6 address when it has no
 * IPv4 one, and remembered so that outputs can show it.  Returns 0, or
 * -1 after a message.
 */
int
cs_scan_add_target(const char *arg, struct cs_interval **v, size_t *n,
		   struct scan_output *out, bool quiet)
{
	char err[512];
	struct addrinfo hints = {.ai_family = AF_UNSPEC,
				 .ai_socktype = SOCK_STREAM};
	struct addrinfo *res = NULL;
	const struct addrinfo *pick = NULL;
	struct target_name *tn;
	char ip[CS_ADDR_STRLEN];
	size_t before = *n;
	int rc;

	/* A range wholly link-local, IPv4-mapped, multicast or :: cannot be
	 * scanned: said, rather than left out in silence. */
	if (cs_scope_parse_spec(arg, v, n, err, sizeof(err)) == 0) {
		for (size_t i = before; i < *n; i++) {
			const char *why = cs_scope_unscannable6(&(*v)[i]);

			if (why != NULL) {
				fprintf(stderr, "camsweep: %s: %s\n", arg, why);
				return -1;
			}
		}
		return 0;
	}
	if (!hostname_like(arg)) {
		fprintf(stderr, "camsweep: %s\n", err);
		return -1;
	}
	if ((rc = getaddrinfo(arg, NULL, &hints, &res)) != 0 || res == NULL) {
		fprintf(stderr, "camsweep: %s: cannot resolve: %s\n", arg,
			gai_strerror(rc));
		return -1;
	}
	for (const struct addrinfo *ai = res; ai != NULL; ai = ai->ai_next) {
		if (ai->ai_family == AF_INET) {
			pick = ai; /* the first IPv4 address wins */
			break;
		}
		if (ai->ai_family == AF_INET6 && pick == NULL)
			pick = ai;
	}
	if (pick == NULL) {
		freeaddrinfo(res);
		fprintf(stderr, "camsweep: %s: no IPv4 or IPv6 address\n", arg);
		return -1;
	}
	out->names =
	    cs_xrealloc(out->names, out->nnames + 1, sizeof(*out->names));
	tn = &out->names[out->nnames++];
	memset(tn, 0, sizeof(*tn));
	if (pick->ai_family == AF_INET) {
		tn->addr.v4 = ntohl(
		    ((const struct sockaddr_in *)(const void *)pick->ai_addr)
			->sin_addr.s_addr);
	} else {
		tn->addr.v6 = true;
		memcpy(
		    tn->addr.a6,
		    &((const struct sockaddr_in6 *)(const void *)pick->ai_addr)
			 ->sin6_addr,
		    16);
	}
	freeaddrinfo(res);
	cs_strlcpy(tn->name, arg, sizeof(tn->name));
	cs_addr_str(&tn->addr, ip, sizeof(ip));
	if (!quiet)
		fprintf(stderr, "camsweep: %s resolved to %s\n", arg, ip);
	return cs_scan_add_specs(ip, v, n);
}

/*
 * -iL FILE ("-" is standard input): targets separated by blanks or
 * newlines, '#' to the end of a line a comment, as nmap reads them; a
 * line longer than CS_SCOPE_LINE_MAX bytes is refused, never split.
 */
#define IL_FILE_MAX CS_SCOPE_FILE_MAX

int
cs_scan_add_target_file(const char *path, struct cs_interval **v, size_t *n,
			struct scan_output *out, bool quiet)
{
	FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "re");
	char line[CS_SCOPE_LINE_MAX + 1];
	struct cs_buf b;
	struct cs_lines lines;
	struct cs_span ln;
	int rc = 0, r;

	if (f == NULL) {
		fprintf(stderr, "camsweep: -iL %s: %s\n", path,
			strerror(errno));
		return -1;
	}
	cs_buf_init(&b, IL_FILE_MAX);
	r = cs_stream_read(f, IL_FILE_MAX, &b);
	if (f != stdin)
		fclose(f);
	if (r != 0) {
		if (r == CS_ELIMIT)
			fprintf(stderr,
				"camsweep: -iL %s: larger than %zu bytes\n",
				path, IL_FILE_MAX);
		else
			fprintf(stderr, "camsweep: -iL %s: %s\n", path,
				strerror(errno));
		cs_buf_free(&b);
		return -1;
	}
	cs_lines_init(&lines, b.p, b.len);
	while (rc == 0 &&
	       (r = cs_lines_next_max(&lines, CS_SCOPE_LINE_MAX, &ln)) != 0) {
		char *save = NULL, *hash;

		if (r == CS_ELIMIT) {
			cs_errf(line, sizeof(line), path, lines.line,
				"line longer than %d bytes", CS_SCOPE_LINE_MAX);
			fprintf(stderr, "camsweep: -iL %s\n", line);
			rc = -1;
			break;
		}
		cs_span_copy(line, sizeof(line), ln);
		if ((hash = strchr(line, '#')) != NULL)
			*hash = '\0';
		for (char *w = strtok_r(line, " \t\r\n", &save);
		     w != NULL && rc == 0; w = strtok_r(NULL, " \t\r\n", &save))
			if (w[0] == '@' ||
			    cs_scan_add_target(w, v, n, out, quiet) != 0) {
				if (w[0] == '@')
					fprintf(stderr,
						"camsweep: -iL %s:%u: @file "
						"not allowed here\n",
						path, lines.line);
				rc = -1;
			}
	}
	cs_buf_free(&b);
	return rc;
}

/*
 * Builds the scan's options text, which identifies a resumable scan: a
 * rerun resumes an unfinished scan only with the same options.  The
 * packet budget appears only when off (--budget off), so the text of a
 * scan at the default budget is what it was before the flag existed and
 * such a scan interrupted by an older camsweep still resumes.
 */
char *
cs_scan_options_text(const struct cs_engine_opts *o)
{
	char buf[512];

	snprintf(buf, sizeof(buf),
		 "{\"rate\":%.0f,\"max_conns\":%u,\"host_conns\":%u,"
		 "\"connect_timeout_ms\":%u,\"read_timeout_ms\":%u,"
		 "\"host_timeout_ms\":%u,\"dead_after\":%u%s}",
		 o->rate, o->max_conns, o->host_conns, o->connect_timeout_ms,
		 o->read_timeout_ms, o->host_timeout_ms, o->dead_after,
		 o->liveness == 0 ? ",\"budget\":\"off\"" : "");
	return cs_xstrdup(buf);
}
