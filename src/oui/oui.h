/* SPDX-License-Identifier: ISC */
/*
 * MAC address parsing and IEEE registry (OUI) resolution.
 *
 * The registry is read at run time from every registry file on the machine:
 * Debian's ieee-data CSV files (oui.csv = MA-L 24-bit, mam.csv = MA-M
 * 28-bit, oui36.csv = MA-S 36-bit, iab.csv = IAB 36-bit), Wireshark's
 * manuf file (/24, /28 and /36 entries) and the IEEE CSV files the user
 * imported with `camsweep oui update`.  A MAC is resolved by the most
 * specific assignment (36, then 28, then 24 bits) and, among files that
 * disagree on that assignment, by the most recent file.  A registrant is mapped
 * to a canonical maker (a name of data/entities/makers.tsv) only through
 * data/entities/oui-registrants.tsv, which lists EXACT registrant strings
 * (compared after folding ASCII case and collapsing white space), never by
 * substring: "Shanghai Dahua Scale Factory" is not Dahua.  See docs/oui.md.
 *
 * A loaded struct cs_oui is read-only after loading: lookups are pure and
 * may run concurrently.
 */
#ifndef CS_OUI_OUI_H
#define CS_OUI_OUI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/cs.h"

/* Flags of a MAC address, from the two low bits of its first octet. */
#define CS_MAC_MULTICAST 0x1u /* I/G bit: group (multicast/broadcast) */
#define CS_MAC_LOCAL 0x2u     /* U/L bit: locally administered (random) */

/* Caps of the loader: longer lines / fields are rejected (CS_ELIMIT). */
#define CS_OUI_MAX_LINE 2048
#define CS_OUI_MAX_ENTRIES 1000000

/*
 * Parses a MAC address from the NUL-terminated s as the decoders do
 * (cs_dec_mac_parse; both are core's cs_hwaddr_parse with
 * CS_HWADDR_LOOSE): aa:bb:cc:dd:ee:ff,
 * aa-bb-cc-dd-ee-ff, aabb.ccdd.eeff, aabbccddeeff, "aa bb cc dd ee ff",
 * or Net-SNMP's one-digit bytes after ':' (3c:ef:8c:8:4e:1e); hex digits
 * in either case, surrounding white space ignored.  Returns 0 and fills
 * out, or CS_EINVAL (out unspecified).
 */
int cs_mac_parse(const char *s, uint8_t out[6]);

/* As cs_mac_parse, for a span (need not be NUL-terminated). */
int cs_mac_parse_span(struct cs_span s, uint8_t out[6]);

/* Returns the CS_MAC_* flags of mac. */
unsigned cs_mac_flags(const uint8_t mac[6]);

/*
 * Formats mac as "aa:bb:cc:dd:ee:ff" into buf (at least 18 bytes);
 * returns buf.
 */
char *cs_mac_format(const uint8_t mac[6], char *buf, size_t bufsz);

/* The result of a registry lookup.  All strings are NUL-terminated. */
struct cs_oui_hit {
	unsigned flags;       /* CS_MAC_* flags of the address */
	unsigned prefix_bits; /* 24, 28 or 36; 0 when no assignment */
	char prefix[16];      /* the assignment, hex, e.g. "C056E3" */
	char registry[8];     /* "MA-L", "MA-M", "MA-S", "IAB" or "" */
	/* The registry file that answered (borrowed from db: valid until
	 * cs_oui_free), or NULL when no assignment; source_index indexes
	 * cs_oui_source_at. */
	const char *file;
	unsigned source_index;
	char registrant[128]; /* organisation name as registered, or "" */
	/* From oui-registrants.tsv; all "" / 0 when the registrant is not
	 * mapped (most are not: the map covers makers of interest only). */
	char maker[64];    /* true maker (makers.tsv name), or "" */
	char brand[64];    /* badge brand the registrant trades as */
	char role[16];     /* "maker", "brand", "subsidiary", "module",
			      "other" or "unrelated" (see docs/oui.md) */
	char country[4];   /* ISO 3166 alpha-2 of the registrant, or "" */
	double confidence; /* in [0, 1] */
	char source[192];  /* where the mapping comes from */
};

/* Registry plus registrant map; opaque. */
struct cs_oui;

/* Formats of a registry file. */
enum cs_oui_format {
	CS_OUI_FMT_AUTO,  /* CSV if the first line is the IEEE header, else
			     manuf */
	CS_OUI_FMT_CSV,   /* IEEE CSV: oui.csv, mam.csv, oui36.csv, iab.csv,
			     cid.csv */
	CS_OUI_FMT_MANUF, /* Wireshark's manuf */
};

/* How the date of a registry file was established. */
#define CS_OUI_DATE_MTIME "mtime"     /* the file's modification time */
#define CS_OUI_DATE_INFILE "in-file"  /* the newest Last-Modified in it */
#define CS_OUI_DATE_UNKNOWN "unknown" /* neither (a buffer, date 0) */

/* A registry file that was loaded. */
struct cs_oui_source {
	char path[256];        /* as given (truncated if longer) */
	const char *format;    /* "ieee-csv" or "manuf" */
	const char *date_kind; /* one of CS_OUI_DATE_* */
	int64_t date;          /* unix seconds; 0 when unknown */
	size_t entries;        /* assignments it contributed (before
				  resolution) */
	size_t skipped;        /* records it holds that are no MAC
				  assignment: CID, well-known addresses,
				  other mask widths */
};

#define CS_OUI_MAX_SOURCES 32

/*
 * Returns a new, empty registry; never NULL (aborts on exhaustion).  Fill
 * it with cs_oui_add_csv / cs_oui_load_map; free it with cs_oui_free.
 */
struct cs_oui *cs_oui_new(void);

/*
 * Loads the registry files and, when map_path is not NULL, the registrant
 * map TSV at map_path.  With dir == NULL, every registry on the machine,
 * in this order (see docs/oui.md):
 *   1. oui.csv, mam.csv, oui36.csv, iab.csv in $CAMSWEEP_IEEE_DATA or
 *      CS_OUI_DEFAULT_DIR (Debian's ieee-data);
 *   2. $CAMSWEEP_MANUF or CS_OUI_DEFAULT_MANUF (Wireshark; "" = none);
 *   3. the user's imported files in cs_oui_user_dir().
 * With dir != NULL, only dir: its CSV files and a file named "manuf".
 * Missing files are skipped, but at least one must load.  On error returns
 * NULL with "file:line: message" in err (errsz bytes, may be 0).  The
 * caller frees the result with cs_oui_free.
 */
struct cs_oui *cs_oui_load(const char *dir, const char *map_path, char *err,
			   size_t errsz);

#define CS_OUI_DEFAULT_DIR "/usr/share/ieee-data"
#define CS_OUI_DEFAULT_MANUF "/usr/share/wireshark/manuf"

/*
 * Writes the user's registry directory into buf: $XDG_DATA_HOME/camsweep/oui
 * (when XDG_DATA_HOME is set and absolute), else
 * $HOME/.local/share/camsweep/oui.  Returns 0, or CS_ENOTFOUND when neither
 * variable is usable, CS_ELIMIT when it does not fit.
 */
int cs_oui_user_dir(char *buf, size_t bufsz);

/*
 * Adds one registry file's contents (n bytes at p, borrowed for the call)
 * in format fmt.  name is the file's path (kept for cs_oui_source_at and
 * hits, used in messages); date its modification time (unix seconds, 0 if
 * unknown).  A manuf file's date is the newest "Last-Modified:" date in
 * its comments when it has one ("in-file"); otherwise date is used
 * ("mtime").  Returns the number of assignments added (>= 0), or
 * CS_EPROTO / CS_ETRUNC / CS_ELIMIT / CS_ENOMEM with "name:line: message"
 * in err; on error db is unchanged.
 */
int cs_oui_add(struct cs_oui *db, enum cs_oui_format fmt, const char *name,
	       int64_t date, const uint8_t *p, size_t n, char *err,
	       size_t errsz);

/*
 * Reads the file at path (capped at 64 MiB) and adds it with
 * CS_OUI_FMT_AUTO and its mtime.  CS_EIO if it cannot be read (errno
 * kept), else as cs_oui_add.
 */
int cs_oui_add_file(struct cs_oui *db, const char *path, char *err,
		    size_t errsz);

/* Number of registry files loaded, and file i (or NULL). */
size_t cs_oui_source_count(const struct cs_oui *db);
const struct cs_oui_source *cs_oui_source_at(const struct cs_oui *db, size_t i);

/*
 * Formats a source's date as "YYYY-MM-DD" (UTC) into buf (at least 11
 * bytes), or "unknown"; returns buf.
 */
char *cs_oui_date_format(int64_t date, char *buf, size_t bufsz);

/*
 * `camsweep oui update`: validates the IEEE CSV files (oui.csv, mam.csv,
 * oui36.csv, iab.csv or cid.csv format; the kind is read from the
 * Registry column, all records must be of one kind, at least one record)
 * and installs each into dest_dir under its canonical name (oui.csv,
 * mam.csv, oui36.csv, iab.csv, cid.csv), creating dest_dir if needed.
 * Every file is read and validated before any is installed; each is
 * written to a temporary file in dest_dir, flushed and renamed over the
 * old one, with the source file's mtime kept (it dates the registry).
 * Unless force, a file with fewer than half the records of the file it
 * would replace is refused (a truncated download).  On success returns
 * the number of files installed and, for each, appends a line
 * "installed NAME: N records (KIND) from SRC" to log (may be NULL); on
 * failure returns CS_EPROTO / CS_ETRUNC / CS_ELIMIT / CS_EIO / CS_EINVAL
 * with a message in err, and dest_dir is untouched.
 */
struct cs_buf;
int cs_oui_import(const char *const *files, size_t nfiles, const char *dest_dir,
		  bool force, struct cs_buf *log, char *err, size_t errsz);

/*
 * As cs_oui_add(db, CS_OUI_FMT_CSV, name, 0, p, n, err, errsz): adds the
 * registry records of one CSV buffer (n bytes at p, borrowed for
 * the call, need not be NUL-terminated; the header line
 * "Registry,Assignment,Organization Name,Organization Address" is
 * required).  name is used in messages.  The registry of each record comes
 * from its first column (MA-L, MA-M, MA-S, IAB); the assignment must have
 * 6, 7 or 9 hex digits to match.  Returns the number of records added
 * (>= 0), or CS_EPROTO / CS_ELIMIT / CS_ENOMEM with "name:line: message"
 * in err; on error db is unchanged.
 */
int cs_oui_add_csv(struct cs_oui *db, const char *name, const uint8_t *p,
		   size_t n, char *err, size_t errsz);

/*
 * Adds the rows of a registrant map (the format of
 * data/entities/oui-registrants.tsv, documented in docs/oui.md) from a
 * buffer.  Returns the number of rows added, or CS_EPROTO / CS_ELIMIT
 * with "name:line: message" in err; on error db is unchanged.
 */
int cs_oui_add_map(struct cs_oui *db, const char *name, const uint8_t *p,
		   size_t n, char *err, size_t errsz);

/* Reads a file into cs_oui_add_map; CS_EIO if it cannot be read. */
int cs_oui_load_map(struct cs_oui *db, const char *path, char *err,
		    size_t errsz);

/* Frees db and everything it owns; NULL is a no-op. */
void cs_oui_free(struct cs_oui *db);

/*
 * Looks mac up by the most specific assignment and, among files that list
 * it, the most recent file (the later-loaded on equal dates), and fills
 * *out completely.  Returns 0
 * when an assignment covers mac, CS_ENOTFOUND otherwise (including every
 * locally administered or multicast address: those have no registrant,
 * and out->flags says why).
 */
int cs_oui_lookup(const struct cs_oui *db, const uint8_t mac[6],
		  struct cs_oui_hit *out);

/*
 * As cs_oui_lookup for a registry prefix of bits bits (24 to 48; the
 * rest of mac is ignored): only assignments of at most bits bits answer,
 * so 90:02:A9 (24 bits) is never resolved by an MA-M block carved out of
 * it.  bits 48 is cs_oui_lookup.
 */
int cs_oui_lookup_prefix(const struct cs_oui *db, const uint8_t mac[6],
			 unsigned bits, struct cs_oui_hit *out);

/*
 * Looks up the registrant map alone for the NUL-terminated registrant
 * name (folded for ASCII case and white space only).  On success fills
 * maker, brand, role, country, confidence and source of *out (other fields
 * untouched) and returns 0; CS_ENOTFOUND otherwise.  A row of role
 * "unrelated" (a registry trap) is found, with maker "" and brand "".
 */
int cs_oui_map_registrant(const struct cs_oui *db, const char *registrant,
			  struct cs_oui_hit *out);

/* Number of registry assignments loaded (after resolution: one per
 * assignment, the record that answers). */
size_t cs_oui_count(const struct cs_oui *db);

/*
 * Fills *out (as cs_oui_lookup would for an address under it) with
 * assignment i (< cs_oui_count: the 24-bit ones in order, then 28, then
 * 36) and returns 0; CS_ENOTFOUND when i is out of range.
 */
int cs_oui_entry_at(const struct cs_oui *db, size_t i, struct cs_oui_hit *out);

/* One row of the registrant map, as loaded (borrowed from db). */
struct cs_oui_maprow {
	const char *registrant; /* as written in the TSV */
	const char *maker;      /* "" for none */
	const char *brand;      /* "" for none */
	const char *role;
	const char *country;
	double confidence;
	const char *source;
	unsigned line; /* line in the map file */
};

/* Number of rows of the registrant map. */
size_t cs_oui_map_count(const struct cs_oui *db);

/* Returns row i (< cs_oui_map_count) of the registrant map, or NULL. */
const struct cs_oui_maprow *cs_oui_map_row(const struct cs_oui *db, size_t i);

/*
 * Returns how many resolved registry assignments carry exactly the registrant
 * (folded for ASCII case and white space only).  Linear in the registry.
 */
size_t cs_oui_registrant_count(const struct cs_oui *db, const char *registrant);

#endif /* CS_OUI_OUI_H */
