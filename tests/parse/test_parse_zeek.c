/* SPDX-License-Identifier: ISC */
/*
 * Zeek logs (parse_zeek.h): the ASCII writer's header lines and rows
 * (separator given as \x09, set separator, "(empty)", "-", \xHH
 * escapes) and the JSON writer's objects (dotted keys, a nested record,
 * arrays, booleans), as a table of line sequences and the rows they give;
 * and the refusals.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "parse/parse_zeek.h"

struct tcase {
	const char *name;
	const char *lines[8];
	int rc_last;      /* of the last line */
	const char *want; /* rows, "name=value;" (unset: name=-), '|' apart */
};

#define TSV_HEAD                                                               \
	"#separator \\x09", "#set_separator\t,", "#empty_field\t(empty)",      \
	    "#unset_field\t-", "#path\tsoftware"

static const struct tcase cases[] = {
    {"TSV software row",
     {TSV_HEAD,
      "#fields\tts\thost\thost_p\tsoftware_type\tname\tunparsed_version",
      "#types\ttime\taddr\tport\tenum\tstring\tstring",
      "1700000000.5\t192.0.2.10\t80\tHTTP::SERVER\tApp-webs\tApp-webs/"},
     1,
     "ts=1700000000.5;host=192.0.2.10;host_p=80;software_type=HTTP::SERVER;"
     "name=App-webs;unparsed_version=App-webs/;"},
    {"TSV unset, empty, escapes, sets",
     {TSV_HEAD, "#fields\ta\tb\tc\td", "-\t(empty)\tx\\x09y\\x5c\tp,q"},
     1,
     "a=-;b=;c=x\ty\\;d=p,q;"},
    {"JSON row with a nested record, array, boolean, number",
     {"{\"ts\":1700000000.25,\"id\":{\"resp_h\":\"192.0.2.11\","
      "\"resp_p\":443},\"established\":true,\"cert_chain_fps\":[\"aa\","
      "\"bb\"],\"server_name\":null}"},
     1,
     "ts=1700000000.25;id.resp_h=192.0.2.11;id.resp_p=443;established=T;"
     "cert_chain_fps=aa,bb;server_name=-;"},
    {"JSON dotted keys",
     {"{\"id.orig_h\":\"192.0.2.1\",\"mac\":\"aa\"}"},
     1,
     "id.orig_h=192.0.2.1;mac=aa;"},
    {"comment and blank", {TSV_HEAD, "#close\t2023-11-14-22-13-20", ""}, 0, ""},
    {"row before #fields", {"192.0.2.1\tx"}, -1, ""},
    {"too few fields", {TSV_HEAD, "#fields\ta\tb", "1"}, -1, ""},
    {"too many fields", {TSV_HEAD, "#fields\ta", "1\t2"}, -1, ""},
    {"bad JSON", {"{\"a\":"}, -1, ""},
    {"JSON not an object", {"[1,2]"}, -1, ""},
    {"JSON with text after it", {"{\"a\":1} x"}, -1, ""},
    {"JSON 7 deep (records below the first level are not kept)",
     {"{\"z\":1,\"a\":{\"b\":{\"c\":{\"d\":{\"e\":{\"f\":{\"g\":1}}}}"
      "}}}"},
     1, "z=1;"},
    {"JSON 8 deep: past the nesting cap",
     {"{\"z\":1,\"a\":{\"b\":{\"c\":{\"d\":{\"e\":{\"f\":{\"g\":{"
      "\"h\":1}}}}}}}}"},
     -3, ""},
    {"separator of two bytes", {"#separator ab"}, -1, ""},
};

static void
render(const struct cs_zeek_row *r, char *out, size_t sz, size_t *n)
{
	for (size_t i = 0; i < r->n && *n < sz; i++)
		*n += (size_t)snprintf(out + *n, sz - *n, "%s=%s;", r->name[i],
				       r->val[i] ? r->val[i] : "-");
}

static void
test_table(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct cs_zeek z;
		static struct cs_zeek_row row;
		char got[2048] = "", err[200] = "";
		size_t n = 0;
		int rc = 0;

		cs_zeek_init(&z);
		for (size_t k = 0; k < 8 && cases[i].lines[k] != NULL; k++) {
			rc = cs_zeek_line(&z, cases[i].lines[k],
					  strlen(cases[i].lines[k]), &row, err,
					  sizeof(err));
			if (rc == 1)
				render(&row, got, sizeof(got), &n);
		}
		if (rc != cases[i].rc_last)
			fail_msg("%s: rc %d, want %d (%s)", cases[i].name, rc,
				 cases[i].rc_last, err);
		if (rc < 0)
			assert_true(err[0] != '\0');
		if (strcmp(got, cases[i].want) != 0)
			fail_msg("%s:\n got  %s\n want %s", cases[i].name, got,
				 cases[i].want);
		if (strcmp(cases[i].name, "TSV software row") == 0) {
			assert_string_equal(z.path, "software");
			assert_string_equal(cs_zeek_get(&row, "host_p"), "80");
			assert_null(cs_zeek_get(&row, "nosuch"));
		}
		cs_zeek_free(&z);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_table),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
