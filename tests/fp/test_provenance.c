/* SPDX-License-Identifier: ISC */
/*
 * Provenance of the identification rules (issue #11, docs/fingerprints.md
 * "Provenance"): rules are written from vendor documentation, protocol facts
 * and captures we cite, never from other projects' fingerprint databases.
 * This test fails when
 *  (a) a rule's `source` names Recog, Nmap (nmap-service-probes lines), p0f
 *      or Wireshark dissectors (a Wireshark *capture* or Wireshark's `manuf`
 *      OUI registry is a primary source and stays allowed), or another
 *      scanner's fingerprint data (Tenable/Nessus plugins, OpenVAS/Greenbone
 *      scripts, WhatWeb plugins);
 *  (b) a rule's pattern is written in Nmap's match syntax (m|...|, m%...%).
 * The checker itself is table-tested first, so a checker that can never
 * fire fails too.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/str.h"
#include "fp/fp.h"
#include "fp/fp_int.h"
#include "core/poison.h"

#include "fpdb_fixture.h"

static bool
is_word(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c == '_';
}

/* True if word occurs in s as a whole word, ignoring ASCII case. */
static bool
has_word(const char *s, const char *word)
{
	struct cs_span hay = {(const uint8_t *)s, strlen(s)};
	size_t wn = strlen(word);
	size_t off = 0;

	while (off < hay.n) {
		struct cs_span rest = {hay.p + off, hay.n - off};
		long at = cs_span_find(rest, word, wn, true);
		size_t a, e;

		if (at < 0)
			return false;
		a = off + (size_t)at;
		e = a + wn;
		if ((a == 0 || !is_word(hay.p[a - 1])) &&
		    (e == hay.n || !is_word(hay.p[e])))
			return true;
		off = a + 1;
	}
	return false;
}

static bool
has_text(const char *s, const char *text)
{
	struct cs_span hay = {(const uint8_t *)s, strlen(s)};

	return cs_span_find(hay, text, strlen(text), true) >= 0;
}

/*
 * Returns the forbidden database a source cites, or NULL.  Wireshark is
 * forbidden as a dissector/fingerprint source; a source that cites a
 * Wireshark capture (pcap) or the `manuf` OUI registry is allowed.
 */
static const char *
forbidden_source(const char *s)
{
	if (has_word(s, "recog"))
		return "Recog";
	if (has_word(s, "nmap") || has_text(s, "service-probes"))
		return "Nmap";
	if (has_word(s, "p0f"))
		return "p0f";
	if (has_text(s, "dissector"))
		return "Wireshark dissector";
	if (has_word(s, "wireshark") && !has_text(s, "capture") &&
	    !has_text(s, "pcap") && !has_word(s, "manuf"))
		return "Wireshark";
	if (has_word(s, "tenable") || has_word(s, "nessus"))
		return "Tenable/Nessus";
	if (has_word(s, "openvas") || has_word(s, "greenbone"))
		return "OpenVAS";
	if (has_word(s, "whatweb"))
		return "WhatWeb";
	return NULL;
}

/* True if a pattern is written in Nmap's `m<delim>...<delim>[si]` form. */
static bool
nmap_style_pattern(const char *p)
{
	size_t n = strlen(p);
	char d;

	if (n < 3 || p[0] != 'm')
		return false;
	d = p[1];
	if (d != '|' && d != '%' && d != '=' && d != '@')
		return false;
	while (n > 2 && (p[n - 1] == 's' || p[n - 1] == 'i'))
		n--;
	return p[n - 1] == d;
}

static void
test_checker_cases(void **state)
{
	static const struct {
		const char *src;
		bool bad;
	} cases[] = {
	    {"protocols.md §4 (Recog http_servers.xml)", true},
	    {"RECOG ftp_banners.xml", true},
	    {"protocols.md §6 (Nmap lines 11572, 12373)", true},
	    {"nmap-service-probes line 9762", true},
	    {"see service-probes", true},
	    {"p0f signature", true},
	    {"Wireshark's dissector strings", true},
	    {"Wireshark packet-foo.c", true},
	    {"Wireshark capture attached to issue #12 (frame 7)", false},
	    {"Debian libwireshark-data /usr/share/wireshark/manuf", false},
	    {"recognised by the vendor's own SADP tool", false},
	    {"protocols.md §3 (SADP); github.com/x/y/issues/2", false},
	    {"the unmapped field", false},
	    {"Tenable netcam: Server \"Vivotek Network Camera\"", true},
	    {"OpenVAS Panasonic IP camera detection", true},
	    {"also in WhatWeb/fingerprint lists", true},
	    {"Nessus plugin 33523", true},
	};

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		bool bad = forbidden_source(cases[i].src) != NULL;

		if (bad != cases[i].bad)
			fail_msg("checker wrong on \"%s\"", cases[i].src);
	}
	assert_true(nmap_style_pattern("m|^App-webs/|"));
	assert_true(nmap_style_pattern("m%^uc-httpd%si"));
	assert_false(nmap_style_pattern("^App-webs/?"));
	assert_false(nmap_style_pattern("m3045"));
}

static void
test_rule_sources(void **state)
{
	size_t bad = 0;

	(void)state;
	assert_true(db->nrules > 0);
	for (size_t i = 0; i < db->nrules; i++) {
		const struct fp_rule *r = &db->rules[i];
		const char *why;

		assert_non_null(r->source);
		why = forbidden_source(r->source);
		if (why != NULL) {
			fprintf(stderr, "# %s:%u: rule %s cites %s: %s\n",
				r->file, r->line, r->id, why, r->source);
			bad++;
		}
		if (r->pattern != NULL && nmap_style_pattern(r->pattern)) {
			fprintf(stderr,
				"# %s:%u: rule %s: pattern in Nmap syntax\n",
				r->file, r->line, r->id);
			bad++;
		}
	}
	assert_int_equal(bad, 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_checker_cases),
	    cmocka_unit_test(test_rule_sources),
	};

	cmocka_set_message_output(CM_OUTPUT_TAP);
	return cmocka_run_group_tests(tests, setup, teardown);
}
