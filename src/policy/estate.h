/* SPDX-License-Identifier: ISC */
/*
 * The estate description: departments, sites with their sensitivity (and
 * the Cabinet Office criterion that makes them sensitive), and the
 * networks of each site, each in a zone.  The file format (line based,
 * "file:line: message" errors) and the CSV import are documented in
 * docs/estate.md.  Parsing is pure and bounded.
 */
#ifndef CS_POLICY_ESTATE_H
#define CS_POLICY_ESTATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/buf.h"
#include "core/cs.h"

#define CS_ESTATE_MAX_ITEMS 65536 /* departments, sites, networks each */
#define CS_ESTATE_MAX_BYTES (16u << 20)

enum cs_zone {
	CS_ZONE_UNMAPPED = 0,
	CS_ZONE_CORE,
	CS_ZONE_CCTV,
	CS_ZONE_OTHER
};

/* Sensitivity reasons (bit set), after the Cabinet Office definition. */
enum {
	CS_REASON_SECRET = 1u << 0,    /* routinely holds SECRET or above */
	CS_REASON_DV = 1u << 1,        /* many staff with developed vetting */
	CS_REASON_MINISTERS = 1u << 2, /* routinely used by Ministers */
	CS_REASON_SOCPA = 1u << 3      /* SOCPA 2005 protected site */
};

struct cs_estate_dept {
	char id[64];
	char name[128];
	unsigned line;
};

struct cs_estate_site {
	char id[64];
	char name[128];
	char dept[64]; /* department id */
	bool sensitive;
	unsigned reasons; /* CS_REASON_* bits; 0 when not sensitive */
	char reason[64];  /* the reasons as written, canonical order */
	unsigned line;
};

struct cs_estate_net {
	bool v6;           /* an IPv6 network: addr6, prefix 0..128 */
	uint32_t addr;     /* IPv4: host order, host bits zero */
	uint8_t addr6[16]; /* IPv6: network order, host bits zero */
	unsigned prefix;
	char site[64];
	enum cs_zone zone;
	unsigned line;
};

/*
 * A VLAN or a switch named as a zone (issue #22): where `camsweep
 * switches` placed a device says which network it is on, whatever its
 * address says.  site "" applies to every site.
 */
struct cs_estate_vlan {
	unsigned id; /* 1..4094 */
	char site[64];
	enum cs_zone zone;
	unsigned line;
};

struct cs_estate_switch {
	char name[64]; /* the switch's name in the switches file */
	char site[64];
	enum cs_zone zone;
	unsigned line;
};

struct cs_estate {
	struct cs_estate_dept *dept;
	size_t ndept;
	struct cs_estate_site *site;
	size_t nsite;
	struct cs_estate_net *net;
	size_t nnet;
	struct cs_estate_vlan *vlan;
	size_t nvlan;
	struct cs_estate_switch *sw;
	size_t nsw;
};

/* Where an address lies in the estate; pointers borrow from the estate. */
struct cs_estate_where {
	const struct cs_estate_site *site; /* NULL: no network holds it */
	const struct cs_estate_dept *dept; /* NULL if none */
	const struct cs_estate_net *net;
	enum cs_zone zone;
};

/* Returns "core", "cctv", "other" or "" (unmapped). */
const char *cs_estate_zone_name(enum cs_zone z);

/*
 * Parses an estate description from n bytes at p (borrowed, need not be
 * NUL-terminated).  name prefixes error messages.  Every error found is
 * written to err as "name:line: message\n" lines (errsz bytes; truncated
 * if needed).  Returns a new estate (cs_estate_free) or NULL on any
 * error.
 */
struct cs_estate *cs_estate_parse(const char *name, const uint8_t *p, size_t n,
				  char *err, size_t errsz);

/* Reads and parses the file at path; as cs_estate_parse. */
struct cs_estate *cs_estate_load(const char *path, char *err, size_t errsz);

/* Frees e; NULL is a no-op. */
void cs_estate_free(struct cs_estate *e);

/*
 * Finds the most specific network of ip's family holding ip (a dotted
 * quad or an IPv6 literal, NUL-terminated) and fills *out.  Returns 0, or
 * CS_ENOTFOUND (out then says unmapped), or CS_EINVAL for a bad address.
 */
int cs_estate_locate(const struct cs_estate *e, const char *ip,
		     struct cs_estate_where *out);

/*
 * The zone of a placement: VLAN vlan (0: unknown) on switch sw of site
 * (NULL or "": any).  A VLAN or switch named for the site wins over one
 * named for every site.  Sets *vz and *sz (CS_ZONE_UNMAPPED when not
 * named); returns the more severe of the two (core, then cctv, then
 * other).
 */
enum cs_zone cs_estate_place_zone(const struct cs_estate *e, const char *site,
				  const char *sw, unsigned vlan,
				  enum cs_zone *vz, enum cs_zone *sz);

/* Looks a site up by id; NULL if none. */
const struct cs_estate_site *cs_estate_site_find(const struct cs_estate *e,
						 const char *id);

/*
 * Converts spreadsheet exports to an estate description appended to out:
 * sites (columns id, name, department, department_name (optional),
 * sensitive, reason) and networks (columns network or cidr, site, zone),
 * in any column order, matched by header name (case ignored).  RFC 4180
 * CSV: header row, quoted fields, a UTF-8 BOM and CRLF are accepted.
 * The output is checked by parsing it back.  Returns 0, or CS_EINVAL with
 * "sites.csv:line: message" in err.
 */
int cs_estate_import_csv(const uint8_t *sites, size_t nsites,
			 const uint8_t *nets, size_t nnets, struct cs_buf *out,
			 char *err, size_t errsz);

/*
 * Reads a whole file (at most max bytes) into a new buffer (free with
 * free()); sets *n.  Returns NULL with a message in err on failure.
 */
uint8_t *cs_policy_read_file(const char *path, size_t max, size_t *n, char *err,
			     size_t errsz);

#endif /* CS_POLICY_ESTATE_H */
