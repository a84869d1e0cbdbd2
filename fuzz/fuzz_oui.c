/* SPDX-License-Identifier: ISC */
/*
 * Fuzz target for the MAC registry loaders: the input is split at the
 * first NUL byte (if any) into a registry file and a registrant map TSV.
 * The registry part is read as an IEEE CSV, as Wireshark's manuf (with
 * its Last-Modified dates) and with format detection, into one registry,
 * so that records of several files are resolved against each other; the
 * map is loaded from memory and a few fixed addresses are looked up.  The
 * map part is also parsed as a models.tsv table and queried.
 */
#include "fuzz.h"

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "oui/models.h"
#include "oui/oui.h"
#include "core/poison.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const uint8_t macs[][6] = {{0xc0, 0x56, 0xe3, 0x01, 0x02, 0x03},
					  {0x40, 0x2c, 0x76, 0x10, 0x00, 0x01},
					  {0x70, 0xb3, 0xd5, 0xf2, 0xf0, 0x01},
					  {0x02, 0x00, 0x00, 0x00, 0x00, 0x01}};
	const uint8_t *nul = memchr(data, 0, size);
	size_t ncsv = nul ? (size_t)(nul - data) : size;
	struct cs_oui *db = cs_oui_new();
	struct cs_oui_hit h;
	struct cs_models *m;
	char err[256];
	uint8_t mac[6];
	size_t i;

	(void)cs_oui_add_csv(db, "fuzz.csv", data, ncsv, err, sizeof(err));
	(void)cs_oui_add(db, CS_OUI_FMT_MANUF, "fuzz.manuf", 1661558400, data,
			 ncsv, err, sizeof(err));
	(void)cs_oui_add(db, CS_OUI_FMT_AUTO, "fuzz.auto", 0, data, ncsv, err,
			 sizeof(err));
	if (nul != NULL) {
		const uint8_t *map = nul + 1;
		size_t nmap = size - ncsv - 1;

		(void)cs_oui_add_map(db, "fuzz.tsv", map, nmap, err,
				     sizeof(err));
		m = cs_models_load_mem("fuzz.models", map, nmap, err,
				       sizeof(err));
		if (m != NULL) {
			struct cs_lookup_result r;

			cs_lookup_query(m, "LTS CMIP3042W-28M", NULL, NULL, &r);
			cs_lookup_query(m, "x1 DS-2CD2385G1-I ab", NULL, NULL,
					&r);
			cs_models_free(m);
		}
	}
	for (i = 0; i < sizeof(macs) / sizeof(macs[0]); i++)
		(void)cs_oui_lookup(db, macs[i], &h);
	for (i = 0; i < 4 && cs_oui_entry_at(db, i, &h) == 0; i++)
		;
	for (i = 0; i < cs_oui_source_count(db); i++) {
		char d[16];

		(void)cs_oui_date_format(cs_oui_source_at(db, i)->date, d,
					 sizeof(d));
	}
	(void)cs_oui_map_registrant(db,
				    "Hangzhou Hikvision Digital "
				    "Technology Co.,Ltd.",
				    &h);
	(void)cs_mac_parse_span(cs_span_make(data, size < 40 ? size : 40), mac);
	cs_oui_free(db);
	return 0;
}
