/* SPDX-License-Identifier: ISC */
/*
 * camsweep lookup --mac MAC: the IEEE registrant of a MAC address and the
 * camera maker it maps to (docs/oui.md).
 */
#include "cli/cli.h"
#include "cli/output.h"

#include <json-c/json.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "core/addr.h"
#include "core/exitcode.h"
#include "oui/oui.h"
#include "core/poison.h"

int
cs_cli_lookup_mac(const char *ieee_dir, const char *data, const char *mac_s,
		  bool json)
{
	uint8_t mac[6];
	char map_path[4096], err[512], macf[18];
	struct cs_oui *db;
	struct cs_oui_hit h;
	int r;

	if (cs_mac_parse(mac_s, mac) != 0) {
		fprintf(stderr, "camsweep lookup: not a MAC address\n");
		return EXIT_USAGE;
	}
	snprintf(map_path, sizeof(map_path), "%s/entities/oui-registrants.tsv",
		 cs_cli_data_dir(data));
	db = cs_oui_load(ieee_dir, map_path, err, sizeof(err));
	if (db == NULL) {
		fprintf(stderr, "camsweep lookup: %s\n", err);
		return EXIT_DATA;
	}
	r = cs_oui_lookup(db, mac, &h);
	cs_mac_format(mac, macf, sizeof(macf));
	if (json) {
		struct json_object *o = json_object_new_object();

		cs_cli_lookup_jstr(o, "mac", macf);
		json_object_object_add(
		    o, "locally_administered",
		    json_object_new_boolean((h.flags & CS_MAC_LOCAL) != 0));
		json_object_object_add(
		    o, "multicast",
		    json_object_new_boolean((h.flags & CS_MAC_MULTICAST) != 0));
		cs_cli_lookup_jstr(o, "registry", h.registry);
		cs_cli_lookup_jstr(o, "prefix", h.prefix);
		json_object_object_add(
		    o, "prefix_bits",
		    h.prefix_bits ? json_object_new_int((int)h.prefix_bits)
				  : NULL);
		cs_cli_lookup_jstr(o, "registrant", h.registrant);
		cs_cli_lookup_jstr(o, "manufacturer", h.maker);
		cs_cli_lookup_jstr(o, "brand", h.brand);
		cs_cli_lookup_jstr(o, "role", h.role);
		cs_cli_lookup_jstr(o, "manufacturer_country", h.country);
		json_object_object_add(
		    o, "confidence",
		    h.role[0] ? cs_cli_lookup_jdouble(h.confidence) : NULL);
		cs_cli_lookup_jstr(o, "source", h.source);
		if (r == 0) {
			const struct cs_oui_source *s =
			    cs_oui_source_at(db, h.source_index);
			char d[16];

			cs_cli_lookup_jstr(o, "registry_file", h.file);
			cs_cli_lookup_jstr(
			    o, "registry_date",
			    cs_oui_date_format(s->date, d, sizeof(d)));
			cs_cli_lookup_jstr(o, "registry_date_from",
					   s->date_kind);
		}
		cs_out_json_puts(stdout, o);
		json_object_put(o);
	} else {
		char pfx[40];

		cs_cli_lookup_tline("mac:", macf);
		if (h.flags & CS_MAC_LOCAL)
			puts("registrant:    none: locally administered "
			     "(random or assigned) address");
		else if (h.flags & CS_MAC_MULTICAST)
			puts("registrant:    none: multicast/group address");
		else if (r != 0)
			puts("registrant:    none: no assignment in the "
			     "registry");
		if (r == 0) {
			snprintf(pfx, sizeof(pfx), "%s/%u (%s)", h.prefix,
				 h.prefix_bits, h.registry);
			cs_cli_lookup_tline("assignment:", pfx);
			{
				const struct cs_oui_source *s =
				    cs_oui_source_at(db, h.source_index);
				char d[16], line[400];

				snprintf(
				    line, sizeof(line), "%s (%s, %s)", h.file,
				    cs_oui_date_format(s->date, d, sizeof(d)),
				    s->date_kind);
				cs_cli_lookup_tline("registry:", line);
			}
			cs_cli_lookup_tline("registrant:", h.registrant);
			if (h.role[0] == '\0')
				puts("maker:         not mapped (registrant "
				     "not in oui-registrants.tsv)");
			else if (strcmp(h.role, "unrelated") == 0)
				puts("maker:         none: registry trap, "
				     "unrelated to the camera maker its name "
				     "resembles");
			cs_cli_lookup_tline("maker:", h.maker);
			cs_cli_lookup_tline("brand:", h.brand);
			cs_cli_lookup_tline("role:", h.role);
			cs_cli_lookup_tline("country:", h.country);
			cs_cli_lookup_tline("source:", h.source);
		}
	}
	cs_oui_free(db);
	return r == 0 ? EXIT_FOUND : EXIT_NOTFOUND;
}
