/* SPDX-License-Identifier: ISC */
/*
 * Fuzz target: identify's memos change no byte (src/ident/memo.h).  The
 * input is JSON Lines for `camsweep identify`; it is run twice, and
 * twice more with every line doubled (so that each message is met again),
 * each time with the memos and without, through a few rules that name
 * makers and capture models from what devices send: stdout and stderr
 * must be the same, else it aborts.  The memo skips the check of a data
 * string it holds and replays a decoder's observations, so this also
 * tests cs_ident_line_scan's lazy reading against the full one.
 */
#include "fuzz.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fp/fp.h"
#include "ident/ident.h"
#include "core/poison.h"

static const char rules[] =
    "rule f-hik\n  on http.server\n  match ^App-webs\n"
    "  set manufacturer=Hikvision class=camera\n  weight 0.8\n"
    "  source test\n  example \"App-webs/\"\n  example! \"Apache\"\n"
    "rule f-model\n  on sadp.model onvif.model\n"
    "  match ^([A-Z0-9-]{3,40})$\n"
    "  set model=$1 manufacturer=Hikvision\n  weight 0.9\n  source test\n"
    "  example \"DS-2CD2385G1-I\"\n  example! \"x\"\n"
    "rule f-banner\n  on banner http.title mdns.instance\n  match (cam.*)\n"
    "  set model=$1\n  weight 0.5\n  source test\n  example \"cam1\"\n"
    "  example! \"good\"\n";

static char *
run(const struct cs_fpdb *db, const char *in, size_t n, bool memo, size_t *len)
{
	struct cs_ident_opts o;
	char *buf = NULL, *ebuf = NULL;
	size_t elen = 0;
	FILE *fi = fmemopen((void *)(uintptr_t)in, n, "r");
	FILE *fo = open_memstream(&buf, len);
	FILE *fe = open_memstream(&ebuf, &elen);

	if (fi == NULL || fo == NULL || fe == NULL)
		abort();
	memset(&o, 0, sizeof(o));
	o.no_memo = !memo;
	o.open_max = 8; /* devices flushed early too */
	(void)cs_ident_run(db, fi, fo, fe, &o, NULL);
	fclose(fi);
	fclose(fe);
	fclose(fo);
	/* stderr after stdout, in one buffer */
	buf = realloc(buf, *len + elen + 1);
	if (buf == NULL)
		abort();
	memcpy(buf + *len, ebuf, elen);
	*len += elen;
	free(ebuf);
	return buf;
}

static void
same(const struct cs_fpdb *db, const char *in, size_t n)
{
	size_t l1, l2;
	char *a = run(db, in, n, true, &l1), *b = run(db, in, n, false, &l2);

	if (l1 != l2 || memcmp(a, b, l1) != 0)
		abort(); /* the memos changed the output */
	free(a);
	free(b);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct cs_fpdb *db;
	char err[256];
	char *twice;
	size_t n = 0;

	if (size == 0 || size > 65536)
		return 0;
	if (db == NULL && (db = cs_fpdb_load_mem("f.fp", (const uint8_t *)rules,
						 sizeof(rules) - 1, err,
						 sizeof(err))) == NULL)
		abort();
	same(db, (const char *)data, size);
	/* every line twice */
	twice = malloc(2 * size + 2);
	if (twice == NULL)
		abort();
	for (size_t i = 0; i < size;) {
		const uint8_t *nl = memchr(data + i, '\n', size - i);
		size_t k = nl ? (size_t)(nl - (data + i)) : size - i;

		for (int t = 0; t < 2; t++) {
			memcpy(twice + n, data + i, k);
			n += k;
			twice[n++] = '\n';
		}
		i += k + 1;
	}
	same(db, twice, n);
	free(twice);
	return 0;
}
