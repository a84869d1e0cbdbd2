/* SPDX-License-Identifier: ISC */
/*
 * Issue #16: every datagram camsweep's discovery can send is its
 * protocol's inquiry, never a configuration, modification or reboot
 * message.  Every module of src/disc/modules.def builds its datagram for
 * several rounds and nonces (unicast follow-ups reuse the same builder);
 * each is then checked twice: by the protocol's parser (parse_vdisc.h:
 * it must say "inquiry") where there is one, and by the checks below,
 * written from the "never send" lists of
 * /work/shared/docs/discovery-protocols.md (§ per protocol) and
 * protocols.md for the original six.  A module without a check here
 * fails the test.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "core/str.h"
#include "engine/discover.h"
#include "parse/parse_vdisc.h"

static bool
has(const struct cs_buf *b, const char *s)
{
	return cs_memmem(b->p, b->len, (const uint8_t *)s, strlen(s)) != NULL;
}

static unsigned
count(const struct cs_buf *b, const char *s)
{
	unsigned k = 0;
	size_t n = strlen(s);

	for (size_t i = 0; i + n <= b->len; i++)
		if (memcmp(b->p + i, s, n) == 0)
			k++;
	return k;
}

static unsigned
be16(const uint8_t *p)
{
	return (unsigned)(p[0] << 8 | p[1]);
}

/* Returns NULL if b is an inquiry of module name, else why not. */
static const char *
check(const char *name, const struct cs_buf *b)
{
	const uint8_t *p = b->p;
	size_t n = b->len;

	if (strcmp(name, "wsd") == 0) /* only the Probe action */
		return count(b, "<a:Action") == 1 &&
			       has(b, "/discovery/Probe</a:Action>") &&
			       !has(b, "ProbeMatch") && !has(b, "Hello") &&
			       !has(b, "Bye")
			   ? NULL
			   : "not a bare WS-Discovery Probe";
	if (strcmp(name, "sadp") == 0) /* Types inquiry, nothing else */
		return has(b, "<Types>inquiry</Types>") &&
			       count(b, "<Types>") == 1 &&
			       !has(b, "Password") && !has(b, "IPv4Address")
			   ? NULL
			   : "not a SADP inquiry";
	if (strcmp(name, "dhip") == 0) /* the one search method */
		return count(b, "\"method\"") == 1 &&
			       has(b, "\"method\":\"DHDiscover.search\"") &&
			       !has(b, "setConfig") && !has(b, "reboot")
			   ? NULL
			   : "not DHDiscover.search";
	if (strcmp(name, "ssdp") == 0)
		return n > 9 && memcmp(p, "M-SEARCH ", 9) == 0 &&
			       has(b, "ssdp:discover")
			   ? NULL
			   : "not an M-SEARCH";
	if (strcmp(name, "mdns") == 0) /* a query, no records: never
					  announces or claims a name */
		return n >= 12 && (p[2] & 0xf8) == 0 &&
			       (p[6] | p[7] | p[8] | p[9] | p[10] | p[11]) == 0
			   ? NULL
			   : "not a plain mDNS query";
	if (strcmp(name, "xm") == 0) /* search id, empty payload */
		return n == 20 && p[0] == 0xff && (p[14] | p[15] << 8) == 1530
			   ? NULL
			   : "not the Xiongmai search";
	if (strcmp(name, "dh5050") == 0)
		return n == 32 && p[0] == 0xa3 ? NULL : "not the 0xA3 request";
	if (strcmp(name, "bosch") == 0) /* §1: only the 12-byte scan */
		return n == 12 && be16(p) == 0x9939 && be16(p + 8) == 0xff00 &&
			       be16(p + 10) == 0x06de
			   ? NULL
			   : "not the Bosch scan request";
	if (strcmp(name, "hanwha") == 0) { /* §2: only type 0x01 */
		for (size_t i = 1; i < n; i++)
			if (p[i])
				return "Hanwha request with non-zero bytes";
		return n == 262 && p[0] == 0x01 ? NULL : "not type 0x01";
	}
	if (strcmp(name, "panasonic") == 0) /* §3: never 0x0002, 0x0004 */
		return n >= 0x34 && be16(p) == 0x0001 &&
			       be16(p + 4) == 0x000d && be16(p + 0x30) == 0xffff
			   ? NULL
			   : "not the Easy IP search (command 0x000d)";
	if (strcmp(name, "sony") == 0 || strcmp(name, "sony-snc") == 0)
		/* §4: one unit, starting ENQ: (no network setting, no SET) */
		return n > 7 && p[0] == 0x02 && memcmp(p + 1, "ENQ:", 4) == 0 &&
			       count(b, "\xff") == 1 && p[n - 2] == 0xff &&
			       p[n - 1] == 0x03
			   ? NULL
			   : "not a single ENQ: unit";
	if (strcmp(name, "vivotek") == 0)
		return n == 5 ? NULL : "not the 5-byte header";
	if (strcmp(name, "foscam") == 0) /* §6: opcode 0, never Init_Req */
		return n == 27 && memcmp(p, "MO_I", 4) == 0 && p[4] == 0 &&
			       p[5] == 0
			   ? NULL
			   : "not Search_Req (opcode 0)";
	if (strcmp(name, "vstarcam") == 0)
		return n == 4 && memcmp(p, "DH\x01\x01", 4) == 0
			   ? NULL
			   : "not DH 01 01";
	if (strcmp(name, "ubnt") == 0) /* §8: the 4-byte probes only */
		return n == 4 && be16(p + 2) == 0 &&
			       ((p[0] == 1 && p[1] == 0) ||
				(p[0] == 2 && p[1] == 8))
			   ? NULL
			   : "not a v1/v2 probe";
	if (strcmp(name, "gvcp") == 0) /* §13: DISCOVERY_CMD only; never
					  FORCEIP, WRITEREG, WRITEMEM,
					  ACTION, PACKETRESEND */
		return n == 8 && p[0] == 0x42 && be16(p + 2) == 0x0002 &&
			       be16(p + 4) == 0 && be16(p + 6) != 0
			   ? NULL
			   : "not DISCOVERY_CMD";
	if (strcmp(name, "v360") == 0)
		return n == 9 && memcmp(p, "DISCOVER\n", 9) == 0
			   ? NULL
			   : "not DISCOVER";
	if (strcmp(name, "nice") == 0)
		return n == 14 && memcmp(p, "NICE", 4) == 0 &&
			       memcmp(p + 6, "\x01\x08\x00\x00\x00\x00", 6) == 0
			   ? NULL
			   : "not the NICE request";
	return "no inquiry check for this module: add one";
}

static void
test_only_inquiries(void **state)
{
	const struct cs_disc_module *const *mods;
	struct cs_buf b;
	size_t nm, checked = 0;

	(void)state;
	mods = cs_disc_modules(&nm);
	cs_buf_init(&b, 4096);
	for (size_t i = 0; i < nm; i++) {
		const struct cs_disc_module *m = mods[i];
		const struct cs_vd_proto *v = cs_vd_find(m->kind);

		for (unsigned seq = 0; seq < 6; seq++) {
			uint8_t nonce[16];
			const char *why;

			memset(nonce, (int)(seq * 37 + i), sizeof(nonce));
			assert_int_equal(m->build(&b, nonce, seq), 0);
			if ((why = check(m->name, &b)) != NULL)
				fail_msg("%s round %u: %s", m->name, seq, why);
			if (v != NULL) {
				struct cs_vdisc r;

				if (v->parse(b.p, b.len, &r) != 0 ||
				    r.msg != CS_VD_INQUIRY)
					fail_msg("%s round %u: its parser does "
						 "not read an inquiry",
						 m->name, seq);
				/* The module hears its own kind's replies
				 * only: its inquiry is not one. */
				assert_false(m->is_reply(b.p, b.len));
			}
			checked++;
		}
	}
	assert_int_equal(checked, nm * 6);
	cs_buf_free(&b);
}

/* The checks are not vacuous: each protocol's known modifying messages
 * (the never-send lists) fail them. */
static void
test_checks_refuse_commands(void **state)
{
	static const struct {
		const char *module;
		const char *bytes;
		size_t n;
	} cmds[] = {
	    /* §6 Init_Req, opcode 2 */
	    {"foscam",
	     "MO_I\x02\0\0\0\0\0\0\0\0\0\0\x04\0\0\0\0\0\0\0\0\0\0\x01", 27},
	    /* §13 FORCEIP_CMD */
	    {"gvcp", "\x42\x01\x00\x04\x00\x00\x00\x01", 8},
	    /* §4 network setting */
	    {"sony", "\x02MAC:08-00-46-12-34-56\xffIPADR:10.0.0.9\xff\x03", 39},
	    /* §8 a v2 message other than the probe */
	    {"ubnt", "\x02\x06\x00\x00", 4},
	    /* xm: not the search id */
	    {"xm", "\xff\x01\0\0\0\0\0\0\0\0\0\0\0\0\xe8\x03\0\0\0\0", 20},
	};

	(void)state;
	for (size_t i = 0; i < sizeof(cmds) / sizeof(cmds[0]); i++) {
		struct cs_buf b;

		cs_buf_init(&b, 256);
		assert_int_equal(cs_buf_add(&b, cmds[i].bytes, cmds[i].n), 0);
		if (check(cmds[i].module, &b) == NULL)
			fail_msg("%s: a command passed as an inquiry",
				 cmds[i].module);
		cs_buf_free(&b);
	}
}

/* Every module has its page, docs/modules/disc-NAME.md, and a unique
 * name. */
static void
test_pages(void **state)
{
	const struct cs_disc_module *const *mods;
	const char *src = getenv("CS_SRCDIR");
	char path[4096];
	size_t nm;

	(void)state;
	mods = cs_disc_modules(&nm);
	for (size_t i = 0; i < nm; i++) {
		for (size_t j = 0; j < i; j++)
			assert_string_not_equal(mods[j]->name, mods[i]->name);
		if (src == NULL)
			continue;
		snprintf(path, sizeof(path), "%s/docs/modules/disc-%s.md", src,
			 mods[i]->name);
		if (access(path, R_OK) != 0)
			fail_msg("missing %s", path);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_only_inquiries),
	    cmocka_unit_test(test_checks_refuse_commands),
	    cmocka_unit_test(test_pages),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
