/* SPDX-License-Identifier: ISC */
/*
 * Comparable firmware versions (issue #18, part 2).  Each maker writes its
 * firmware version, and the build date beside it, its own way; this module
 * reads those forms into a struct cs_fwver that says what is known (the
 * numbers, the build date, the platform or OEM code) and compares two of
 * them only when the makers' own ranges make the comparison meaningful.
 * Formats, sources and comparison rules: docs/vulns.md, "Firmware
 * versions".  Everything here is pure and bounded (device strings of at
 * most CS_FWVER_MAX_INPUT bytes are read; longer ones do not parse).
 */
#ifndef CS_VULN_FWVER_H
#define CS_VULN_FWVER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/cs.h"

#define CS_FWVER_MAX_INPUT 160
#define CS_FWVER_MAX_NUMS 6

enum cs_fw_scheme {
	CS_FW_NONE = 0,  /* did not parse: nothing may be claimed */
	CS_FW_HIKVISION, /* V5.5.800 build 210628, IPC_G3_EN_STD_5.5.160_210416
			  */
	CS_FW_DAHUA,    /* 2.800.0000016.0.R[.YYMMDD], Build Date: YYYY-MM-DD */
	CS_FW_AXIS,     /* AXIS OS 10.12.206, 9.80.3.12 (track = 2 parts) */
	CS_FW_UNIVIEW,  /* IPC_G6103-B0009P30D1803, DIPC-B1216.4.11.210315 */
	CS_FW_HANWHA,   /* 2.10.02_20220401_R441 */
	CS_FW_XIONGMAI, /* V5.00.R02.000059A8.10010.040400.0020000 */
	CS_FW_REOLINK,  /* v3.0.0.136_20121102 */
	CS_FW_AVTECH,   /* FullImg-1023-1007-1011-1009 */
	CS_FW_VIVOTEK,  /* IB9381-VVTK-0102a */
	CS_FW_TPLINK,   /* 3.1.0_Build_250820_Rel.57668n */
	CS_FW_DOTTED,   /* any other dotted number: 6.3.40, 1.06.01 Hotfix */
	CS_FW_SCHEME_COUNT
};

struct cs_fwver {
	enum cs_fw_scheme scheme;
	bool ordered; /* the scheme's versions have a documented order */
	uint32_t num[CS_FWVER_MAX_NUMS];
	unsigned nnum;
	uint32_t date;      /* build date as YYYYMMDD; 0 when none */
	bool date_inferred; /* the date's reading is an inference (Uniview
			       D field, Reolink suffix): a match on it is
			       marked inferred */
	char platform[24];  /* Hikvision package platform, Uniview platform,
			       Vivotek model; "" none */
	char oem[12];       /* Dahua customer-code field (00AC000); "" none */
	char suffix[16];    /* trailing word (Hotfix), Vivotek letter */
	char canon[64];     /* canonical text, compared by exact matches */
};

/* The static name of a scheme ("hikvision", "dahua", ..., "none"). */
const char *cs_fw_scheme_name(enum cs_fw_scheme s);

/*
 * The maker (makers.tsv name) whose firmware lineage a scheme shows, or
 * NULL when the scheme does not say (axis is read only when the caller
 * names Axis; dotted and none name nobody).
 */
const char *cs_fw_scheme_lineage(enum cs_fw_scheme s);

/*
 * The scheme of a maker's own firmware: CS_FW_DOTTED for a maker without
 * a distinctive form, CS_FW_NONE for a NULL or empty name.
 */
enum cs_fw_scheme cs_fw_maker_scheme(const char *maker);

/*
 * Parses n bytes at p (need not be NUL-terminated).  hint (may be NULL or
 * "") names the maker whose firmware the string is taken to be; its scheme
 * is tried first, then the schemes whose forms are distinctive, then a
 * plain dotted number.  Returns 0, or CS_EPROTO with out->scheme
 * CS_FW_NONE (empty, too long or no form matched).
 */
int cs_fwver_parse(const uint8_t *p, size_t n, const char *hint,
		   struct cs_fwver *out);

/*
 * Compares a with b: *out < 0, 0 or > 0.  Returns 0, or CS_EINVAL when
 * the two are not comparable: different schemes, a scheme without a
 * documented order (only identical canonical texts compare, as equal),
 * a Hikvision or Dahua version without the build date the other has,
 * different Axis tracks or Dahua lines, or equal numbers with different
 * suffixes ("1.06.01" against "1.06.01 Hotfix").
 */
int cs_fwver_cmp(const struct cs_fwver *a, const struct cs_fwver *b, int *out);

/*
 * True when v's leading numbers equal the dotted line (e.g. "2.800" for a
 * Dahua version line, "10.12" for an Axis track).
 */
bool cs_fwver_in_line(const struct cs_fwver *v, const char *line);

/*
 * The age in days on the date as_of (YYYYMMDD) of the firmware whose
 * build date the parser read (v->date; v->date_inferred says whether that
 * reading is an inference).  Returns 0 with *days >= 0; CS_ENOTFOUND when
 * v has no build date (the age is unknown); CS_EINVAL when as_of or the
 * build date is not a calendar date (the parser checks only 1-31), or
 * as_of falls before the build date.
 */
int cs_fwver_age(const struct cs_fwver *v, uint32_t as_of, int64_t *days);

/* True when ymd (YYYYMMDD) is a calendar date of the years 1900-9999. */
bool cs_ymd_ok(uint32_t ymd);

/* Days since 1970-01-01 of a YYYYMMDD date (cs_ymd_ok). */
int64_t cs_ymd_days(uint32_t ymd);

#endif /* CS_VULN_FWVER_H */
