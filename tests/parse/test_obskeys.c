/* SPDX-License-Identifier: ISC */
/*
 * One vocabulary (issue #11 §4): the keys declared in parse/obskeys.c
 * are exactly the keys docs/fingerprints.md §1 lists; the fingerprint
 * loader refuses a rule on a key nothing emits and an example that does
 * not look like a value of the rule's keys.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "fp/fp.h"
#include "parse/obskeys.h"

static bool
in_list(char (*list)[64], size_t n, const char *k)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(list[i], k) == 0)
			return true;
	return false;
}

/* Every `key` in the first column of §1's tables. */
static void
test_docs_agree(void **state)
{
	static char doc[512][64];
	const char *src = getenv("CS_SRCDIR");
	char path[4096], line[4096];
	size_t nd = 0, nk;
	const struct cs_obs_keydef *keys = cs_obs_keys(&nk);
	bool in1 = false;
	FILE *f;

	(void)state;
	if (src == NULL)
		fail_msg("CS_SRCDIR unset");
	snprintf(path, sizeof(path), "%s/docs/fingerprints.md", src);
	assert_non_null(f = fopen(path, "r"));
	while (fgets(line, sizeof(line), f) != NULL) {
		char *p, *bar;

		if (strncmp(line, "## ", 3) == 0)
			in1 = strncmp(line, "## 1.", 5) == 0;
		if (!in1 || line[0] != '|' || strncmp(line, "|---", 4) == 0)
			continue;
		bar = strchr(line + 1, '|');
		if (bar == NULL)
			continue;
		*bar = '\0';
		for (p = strchr(line, '`'); p != NULL;) {
			char *e = strchr(p + 1, '`');

			if (e == NULL)
				break;
			*e = '\0';
			if (p[1] && nd < 512 && strlen(p + 1) < 64 &&
			    strcmp(p + 1, "key") != 0)
				snprintf(doc[nd++], 64, "%s", p + 1);
			p = strchr(e + 1, '`');
		}
	}
	fclose(f);
	assert_true(nd > 50);
	for (size_t i = 0; i < nd; i++)
		if (cs_obs_key_find(doc[i]) == NULL)
			fail_msg("docs list %s; nothing declares it", doc[i]);
	for (size_t i = 0; i < nk; i++)
		if (!in_list(doc, nd, keys[i].key))
			fail_msg("%s is declared but not in docs §1",
				 keys[i].key);
}

struct load_case {
	const char *rules;
	const char *want; /* in the error; NULL: loads */
};

#define RULE(on, ex)                                                           \
	"rule t\n  on " on "\n  match (.+)\n  set model=$1\n  weight 0.5\n"    \
	"  source test\n  example " ex "\n  example! \"\"\n"

static void
test_loader_vocabulary(void **state)
{
	static const struct load_case cases[] = {
	    {RULE("onvif.model", "\"DS-2CD2385G1-I\""), NULL},
	    {RULE("onvif.modle", "\"DS-2CD2385G1-I\""),
	     "t.fp:2: unknown observation key \"onvif.modle\""},
	    {RULE("hik.sdk", "\"000000100000001e\""), NULL},
	    {RULE("hik.sdk", "\"Hikvision\""),
	     "t.fp:7: example does not look like a hik.sdk value"},
	    {RULE("onvif.scopes", "\"onvif://www.onvif.org/name/X\""), NULL},
	    {RULE("onvif.scopes", "\"IPC-HDW1431T1-S4\""),
	     "example does not look like a onvif.scopes value"},
	    /* one fitting key of several is enough */
	    {RULE("onvif.scopes onvif.model", "\"IPC-HDW1431T1-S4\""), NULL},
	    {RULE("hik.isapi", "\"<DeviceInfo/>\""),
	     "example does not look like a hik.isapi value"},
	    {RULE("hik.isapi", "\"200 <DeviceInfo/>\""), NULL},
	    {RULE("tls.subject", "\"Hikvision\""),
	     "example does not look like a tls.subject value"},
	    {RULE("rtsp.malformed", "\"x\""), NULL},
	    {RULE("http.server", "\"Server: App-webs/\""),
	     "example does not look like a http.server value"},
	    {RULE("http.server", "\"App-webs/\""), NULL},
	    {RULE("http.realm", "\"Digest realm=\\\"x\\\"\""),
	     "example does not look like a http.realm value"},
	    {RULE("http.title", "\"<title>NVR</title>\""),
	     "example does not look like a http.title value"},
	    {RULE("http.title http.body", "\"<title>NVR</title>\""), NULL},
	    {RULE("mdns.service", "\"axis-video\""),
	     "example does not look like a mdns.service value"},
	};

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char err[512] = "";
		struct cs_fpdb *db =
		    cs_fpdb_load_mem("t.fp", (const uint8_t *)cases[i].rules,
				     strlen(cases[i].rules), err, sizeof(err));

		if (cases[i].want == NULL) {
			if (db == NULL)
				fail_msg("case %zu: %s", i, err);
		} else {
			if (db != NULL)
				fail_msg("case %zu loaded", i);
			if (strstr(err, cases[i].want) == NULL)
				fail_msg("case %zu: %s", i, err);
		}
		cs_fpdb_free(db);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_docs_agree),
	    cmocka_unit_test(test_loader_vocabulary),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
