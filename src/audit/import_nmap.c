/* SPDX-License-Identifier: ISC */
/*
 * nmap's XML output (-oX) into one scan (audit/import.h): read in chunks
 * (parse/parse_nmapxml.h), each host recorded as it closes.  The scan
 * record is begun at the first host, once <nmaprun>'s attributes (the
 * scanner, its version and arguments, the start) are known.
 */
#include "audit/import.h"

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "audit/import_core.h"
#include "core/alloc.h"
#include "core/exitcode.h"
#include "parse/parse_nmapxml.h"
#include "store/store.h"
#include "core/poison.h"

struct nmap_run {
	struct cs_imp_run r;
	struct cs_nmapxml *px; /* for the run's attributes */
	const char *file;
	int64_t seen_at;
	uint64_t skipped; /* hosts down or without an address */
	bool begun, begin_failed;
};

/* Begins the scan record once: at the first host or at the end of a
 * file with none.  Its start is the tool's own. */
static int
begin_scan(struct nmap_run *n)
{
	const struct cs_nmap_run *run = cs_nmapxml_run(n->px);
	bool seen = run->seen;

	if (n->begun)
		return n->begin_failed ? -1 : 0;
	n->begun = true;
	n->seen_at = run->start > 0 ? run->start : (int64_t)time(NULL);
	if (cs_imp_scan_begin(&n->r, "nmap", n->file,
			      seen ? run->scanner : NULL, run->version,
			      run->args, n->seen_at) != 0) {
		n->begin_failed = true;
		return -1;
	}
	return 0;
}

static int
on_host(void *arg, const struct cs_nmap_host *h)
{
	struct nmap_run *n = arg;
	struct cs_obs_list obs;
	uint16_t ports[CS_NMAP_PORTS_MAX];
	size_t np = 0;

	if (begin_scan(n) != 0)
		return CS_EIO;
	if (!h->up || h->ip[0] == '\0') {
		n->skipped++;
		return 0;
	}
	cs_obs_list_init(&obs);
	for (size_t i = 0; i < h->nports; i++) {
		bool dup = false;
		for (size_t k = 0; k < np; k++)
			dup |= ports[k] == h->ports[i];
		if (!dup)
			ports[np++] = h->ports[i];
	}
	qsort(ports, np, sizeof(ports[0]), cs_imp_cmp_port);
	for (size_t i = 0; i < np; i++)
		cs_obs_add(&obs, "tcp.open", ports[i], 0, "", 0);
	for (size_t i = 0; i < h->nitems; i++) {
		const struct cs_nmap_item *it = &h->item[i];
		cs_imp_item(&n->r, &obs, it->kind, it->data, it->len, it->port,
			    it->service);
	}
	if (cs_imp_put(&n->r, h->ip, ports, np, &obs, n->seen_at) == 0)
		n->r.hosts++;
	cs_obs_list_free(&obs);
	return 0;
}

int
cs_audit_import_nmap(struct cs_audit_import *imp, const char *file)
{
	struct nmap_run n = {.file = file};
	const struct cs_nmap_run *run;
	char err[512] = "";
	char *buf = NULL;
	FILE *f;
	int rc = EXIT_RUNTIME, prc = 0;
	const size_t chunk = 1 << 16;

	f = strcmp(file, "-") == 0 ? stdin : fopen(file, "re");
	if (f == NULL) {
		cs_imp_say(imp, "%s: %s", file, strerror(errno));
		return EXIT_RUNTIME;
	}
	if (cs_imp_init(&n.r, imp) != 0 || cs_imp_open_store(&n.r) != 0)
		goto out;
	if ((n.px = cs_nmapxml_new(on_host, &n)) == NULL) {
		cs_imp_say(imp, "out of memory");
		goto out;
	}
	buf = cs_xmalloc(chunk);
	for (;;) {
		size_t got = fread(buf, 1, chunk, f);
		bool last = got < chunk;

		prc = cs_nmapxml_feed(n.px, (const uint8_t *)buf, got, last,
				      err, sizeof(err));
		if (prc != 0 || last)
			break;
	}
	if (prc == 0 && begin_scan(&n) != 0)
		prc = CS_EIO;
	if (n.begin_failed)
		goto out;
	if (ferror(f)) {
		cs_imp_say(imp, "%s: read error", file);
		prc = CS_EIO;
	}
	if (prc != 0)
		cs_imp_say(imp, "%s: %s", file, err);
	if (!n.begun) /* no scan record: nothing was read */
		goto out;
	run = cs_nmapxml_run(n.px);
	cs_store_scan_end(
	    n.r.store, n.r.scan_id,
	    prc == 0 && n.r.store_err == 0 ? "complete" : "incomplete",
	    run->finished > 0 ? run->finished : (int64_t)time(NULL));
	cs_imp_say(imp,
		   "scan %lld from %s (nmap%s%s): %llu hosts imported, %llu "
		   "down or without an address skipped, %llu evidence items "
		   "(%llu not decodable)",
		   (long long)n.r.scan_id, file, run->version[0] ? " " : "",
		   run->version, (unsigned long long)n.r.hosts,
		   (unsigned long long)n.skipped, (unsigned long long)n.r.items,
		   (unsigned long long)n.r.undecoded);
	rc = prc == 0 && n.r.store_err == 0 ? EXIT_OK : EXIT_RUNTIME;
out:
	if (f != stdin)
		fclose(f);
	free(buf);
	cs_nmapxml_free(n.px);
	cs_imp_done(&n.r);
	return rc;
}
