/* SPDX-License-Identifier: ISC */
/*
 * Fuzz target: the Hyperscan database cache file reader (fp/fp_hscache.c
 * cs_hscache_decode; the files live in a user's cache directory, so a
 * corrupt or hostile one must be refused, and then compiled again).  On
 * each input:
 *   1. the input as a whole file, under the key its own header names
 *      (the 16 bytes after the 8-byte magic): decoded only when it is
 *      byte for byte what cs_hscache_encode writes for its payload;
 *      under any other key, never;
 *   2. the input as a payload, wrapped by cs_hscache_encode: whatever
 *      hs_deserialize_database makes of hostile bytes; and the same file
 *      cut short by one byte, or with one header byte changed, is
 *      refused.
 * Without Hyperscan (-Dhyperscan=disabled) there is no cache and nothing
 * to read: the target returns at once.
 */
#include "fuzz.h"

#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "fp/fp_hscache.h"
#include "core/poison.h"

#ifdef CS_HAVE_HYPERSCAN
#define HEAD 40 /* magic 8, key 16, length 8, sum 8 (struct hsc_head) */

static void
whole(const uint8_t *data, size_t size)
{
	uint64_t key[2] = {0x0123456789abcdefULL, 0xfedcba9876543210ULL};
	hs_database_t *db;
	struct cs_buf b;

	if (size >= HEAD)
		memcpy(key, data + 8, sizeof(key));
	db = cs_hscache_decode(data, size, key);
	if (db == NULL)
		return;
	hs_free_database(db);
	cs_buf_init(&b, size);
	if (cs_hscache_encode(data + HEAD, size - HEAD, key, &b) != 0 ||
	    b.len != size || memcmp(b.p, data, size) != 0)
		abort(); /* decoded a file our writer would not write */
	cs_buf_free(&b);
	key[1] ^= 1;
	if ((db = cs_hscache_decode(data, size, key)) != NULL)
		abort(); /* decoded under another key */
}

static void
wrapped(const uint8_t *data, size_t size)
{
	static const uint64_t key[2] = {0x5eed5eed5eed5eedULL, 42};
	hs_database_t *db;
	struct cs_buf b;
	uint8_t *p;

	cs_buf_init(&b, size + HEAD);
	if (cs_hscache_encode(data, size, key, &b) != 0) {
		if (size != 0)
			abort();
		cs_buf_free(&b);
		return;
	}
	if (b.len != size + HEAD)
		abort();
	db = cs_hscache_decode(b.p, b.len, key);
	if (db != NULL)
		hs_free_database(db);
	if (cs_hscache_decode(b.p, b.len - 1, key) != NULL)
		abort();
	p = b.p + data[0] % HEAD;
	*p ^= (uint8_t)(1u << (data[size - 1] % 8));
	if (cs_hscache_decode(b.p, b.len, key) != NULL)
		abort();
	cs_buf_free(&b);
}
#endif

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
#ifdef CS_HAVE_HYPERSCAN
	whole(data, size);
	wrapped(data, size);
#else
	(void)data;
	(void)size;
#endif
	return 0;
}
