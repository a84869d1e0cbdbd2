/* SPDX-License-Identifier: ISC */
/*
 * Where each device is plugged in (issue #22): the switches a user names
 * (read over SNMP, src/switch/snmp.c), their tables decoded from the
 * variable bindings they return (pure, bounded: cs_sw_ingest), and the
 * placement of every MAC on its edge port (pure: cs_sw_place).  The
 * switches file is documented in docs/switches.md.
 */
#ifndef CS_SWITCH_SWITCH_H
#define CS_SWITCH_SWITCH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Caps of the switches file and of what one device may return. */
#define CS_SW_FILE_MAX (1u << 20) /* bytes of the switches file */
#define CS_SW_LINE_MAX 1024       /* bytes of one of its lines */
#define CS_SW_MAX_DEVICES 1024    /* switches and routers in a file */
#define CS_SW_MAX_PORTS 4096      /* bridge ports of one switch */
#define CS_SW_MAX_IFS 8192        /* interfaces of one device */
#define CS_SW_MAX_FDB 131072      /* forwarding entries of one switch */
#define CS_SW_MAX_ARP 131072      /* ARP entries of one router */
#define CS_SW_MAX_VLANS 4096      /* VLANs of one switch */
#define CS_SW_MAX_OID 64          /* sub-identifiers of an OID */
#define CS_SW_MAX_VAL 512         /* bytes of an OCTET STRING kept */
#define CS_SW_NAME 64             /* bytes of a name, NUL included */
#define CS_SW_SECRET 128          /* bytes of a community/passphrase */

/* ---------------------------------------------------------------------- */
/* The switches file: one device a line, with its SNMP credentials. */

enum cs_sw_role { CS_SW_SWITCH = 0, CS_SW_ROUTER };

enum cs_sw_auth {
	CS_SW_AUTH_NONE = 0,
	CS_SW_AUTH_MD5,
	CS_SW_AUTH_SHA,
	CS_SW_AUTH_SHA256,
	CS_SW_AUTH_SHA512
};
enum cs_sw_priv { CS_SW_PRIV_NONE = 0, CS_SW_PRIV_DES, CS_SW_PRIV_AES };

struct cs_sw_conf {
	enum cs_sw_role role;
	char name[CS_SW_NAME]; /* the user's name of the device */
	char addr[46];         /* its address, canonical text */
	uint16_t port;         /* UDP port (161) */
	int version;           /* 2 (v2c) or 3 */
	/* secrets: wiped by cs_sw_file_free, never printed or stored */
	char community[CS_SW_SECRET];
	char user[CS_SW_NAME];
	enum cs_sw_auth auth;
	enum cs_sw_priv priv;
	char auth_pass[CS_SW_SECRET], priv_pass[CS_SW_SECRET];
	char context[CS_SW_NAME]; /* SNMPv3 context, "" for the default */
	unsigned line;
};

struct cs_sw_file {
	struct cs_sw_conf *v; /* owned */
	size_t n;
};

/*
 * Parses a switches file from memory (p, n bytes; no permission checks,
 * for tests and for cs_sw_file_load).  name is used in messages, which
 * never quote a secret.  Returns 0, or CS_EINVAL with "name:line: reason"
 * lines in err; f is then empty.
 */
int cs_sw_file_parse(struct cs_sw_file *f, const char *name, const uint8_t *p,
		     size_t n, char *err, size_t errsz);

/*
 * Loads the file at path, refused unless it is a regular file (not a
 * symbolic link) owned by the effective user with no access for group or
 * others (0600), as the credentials of `scan --credentials`.
 */
int cs_sw_file_load(struct cs_sw_file *f, const char *path, char *err,
		    size_t errsz);

/* Wipes the secrets and frees f; f is empty afterwards. */
void cs_sw_file_free(struct cs_sw_file *f);

/* ---------------------------------------------------------------------- */
/* Variable bindings and the tables decoded from them. */

enum cs_sw_vtype {
	CS_SW_V_INT = 0,
	CS_SW_V_OCTETS,
	CS_SW_V_OID,
	CS_SW_V_OTHER
};

/* One variable binding as the agent returned it (borrowed for a call). */
struct cs_sw_vb {
	const uint32_t *oid;
	size_t oidlen;
	enum cs_sw_vtype type;
	int64_t ival;         /* INTEGER, Gauge, Counter, TimeTicks */
	const uint8_t *bytes; /* OCTET STRING (also an IpAddress) */
	size_t len;
};

/* PoE state of a port (POWER-ETHERNET-MIB pethPsePortDetectionStatus). */
enum cs_sw_poe {
	CS_POE_NONE = 0,
	CS_POE_DISABLED,
	CS_POE_SEARCHING,
	CS_POE_DELIVERING,
	CS_POE_FAULT,
	CS_POE_TEST,
	CS_POE_OTHER_FAULT
};

/* "", "disabled", "searching", "delivering", "fault", "test", ... */
const char *cs_sw_poe_name(enum cs_sw_poe p);

struct cs_sw_if {
	int32_t ifindex;
	char name[CS_SW_NAME]; /* ifName, else ifDescr */
	int oper;              /* ifOperStatus, 0 unknown */
	bool xname;            /* name is the ifName */
};

struct cs_sw_bport {
	int32_t port;    /* dot1dBasePort */
	int32_t ifindex; /* dot1dBasePortIfIndex, 0 unknown */
	uint16_t pvid;   /* dot1qPvid, 0 unknown */
	enum cs_sw_poe poe;
	/* LLDP: the neighbour on this port (the first one) */
	char neigh[CS_SW_NAME];      /* lldpRemSysName, else chassis id */
	char neigh_port[CS_SW_NAME]; /* lldpRemPortId/PortDesc */
	bool neigh_bridge; /* it advertises bridge or router enabled */
	unsigned nneigh;   /* LLDP neighbours on this port */
};

struct cs_sw_fdb {
	uint8_t mac[6];
	int32_t port; /* bridge port; 0 for a self entry */
	uint32_t fid; /* Q-BRIDGE filtering database id (q set) */
	bool q;       /* from dot1qTpFdbTable (else dot1dTpFdbTable) */
	bool self;    /* status self or mgmt: the switch's own address */
};

struct cs_sw_vlan {
	uint16_t id;
	char name[CS_SW_NAME];
	uint8_t egress[CS_SW_MAX_PORTS / 8]; /* bit p-1: port p */
	uint8_t untagged[CS_SW_MAX_PORTS / 8];
	bool have_egress, have_untagged;
	bool current; /* the lists come from the current table */
};

struct cs_sw_arp {
	uint8_t mac[6];
	char ip[46];
};

/* What one device returned, decoded. */
struct cs_sw_dev {
	char sysname[CS_SW_NAME];
	char sysdescr[128];
	struct cs_sw_if *ifs;
	size_t nifs;
	struct cs_sw_bport *ports;
	size_t nports;
	struct cs_sw_fdb *fdb;
	size_t nfdb;
	struct cs_sw_vlan *vlans;
	size_t nvlans;
	struct cs_sw_arp *arp;
	size_t narp;
	/* Q-BRIDGE dot1qVlanFdbId: fdb id -> VLAN (fid[i], fvlan[i]) */
	uint32_t *fid;
	uint16_t *fvlan;
	size_t nfid;
	size_t dropped; /* bindings ignored over a cap or malformed */
};

void cs_sw_dev_init(struct cs_sw_dev *d);
void cs_sw_dev_free(struct cs_sw_dev *d);

/*
 * Decodes one binding into d: system group, IF-MIB ifDescr/ifName/
 * ifOperStatus, BRIDGE-MIB dot1dBasePortIfIndex and dot1dTpFdbTable,
 * Q-BRIDGE-MIB dot1qTpFdbTable, dot1qVlanFdbId, dot1qVlanCurrent/Static
 * Egress/Untagged ports, dot1qVlanStaticName, dot1qPvid, LLDP-MIB
 * lldpRemTable, POWER-ETHERNET-MIB pethPsePortDetectionStatus and IP-MIB
 * ipNetToMediaPhysAddress / ipNetToPhysicalPhysAddress.  Anything else,
 * of the wrong type or over a cap is counted in d->dropped.  Pure and
 * bounded: device input.
 */
void cs_sw_ingest(struct cs_sw_dev *d, const struct cs_sw_vb *vb);

/*
 * The OID subtrees cs_sw_ingest reads, for the collector to walk:
 * *n of them, each oids[i] of lens[i] sub-identifiers.  for_router:
 * the ARP tables; otherwise the switch tables.
 */
size_t cs_sw_walk_roots(bool for_router, const uint32_t *const **oids,
			const size_t **lens);

/* ---------------------------------------------------------------------- */
/* Placement. */

/* When a port counts as an uplink or trunk, not an edge port. */
struct cs_sw_rules {
	unsigned max_edge_macs;  /* more MACs than this: uplink [8] */
	unsigned max_edge_vlans; /* tagged in more VLANs than this [1] */
};
#define CS_SW_RULES_DEFAULT ((struct cs_sw_rules){8, 1})

/* Why a port is an uplink (0: an edge port). */
enum {
	CS_UPLINK_LLDP = 1u << 0,  /* an LLDP neighbour that is a bridge */
	CS_UPLINK_MACS = 1u << 1,  /* carries many MACs */
	CS_UPLINK_VLANS = 1u << 2, /* tagged in many VLANs */
};

/* One switch's decoded tables with its name and address (borrowed). */
struct cs_sw_input {
	const char *name, *addr;
	const struct cs_sw_dev *dev;
	bool router; /* ARP only */
};

/* A MAC placed on its edge port. */
struct cs_sw_place {
	uint8_t mac[6];
	char mac_text[18];
	char sw[CS_SW_NAME]; /* the switch's name in the file */
	char sw_addr[46];
	char port[CS_SW_NAME]; /* ifName (or "port N") */
	int32_t ifindex;
	uint16_t vlan; /* 0 unknown */
	enum cs_sw_poe poe;
	char neigh[CS_SW_NAME]; /* the LLDP neighbour on that port, "" */
	char ip[46];            /* from the routers' ARP tables, "" */
	unsigned port_macs;     /* MACs learned on that port */
};

/* A port judged an uplink (for the report). */
struct cs_sw_uplink {
	char sw[CS_SW_NAME];
	char port[CS_SW_NAME];
	unsigned why; /* CS_UPLINK_* */
	unsigned macs, vlans;
};

struct cs_sw_result {
	struct cs_sw_place *v; /* sorted by MAC */
	size_t n;
	struct cs_sw_uplink *up;
	size_t nup;
	size_t only_uplink; /* MACs seen only on uplinks: not placed */
};

/*
 * Places every MAC the switches learned (their own excluded) on its edge
 * port: a port is an uplink when an LLDP neighbour on it is a bridge or
 * router, when it carries more than rules->max_edge_macs MACs, or when it
 * is tagged in more than rules->max_edge_vlans VLANs; a MAC seen only on
 * uplinks is not placed.  Its VLAN is the forwarding entry's (else the
 * port's PVID), its address the first router's ARP entry for it.  A MAC
 * on edge ports of two switches is placed on the first switch given.
 * Pure.  Free with cs_sw_result_free.
 */
void cs_sw_place(const struct cs_sw_input *in, size_t n,
		 const struct cs_sw_rules *rules, struct cs_sw_result *out);

void cs_sw_result_free(struct cs_sw_result *r);

/* The uplink reasons as "lldp,macs,vlans" into buf. */
char *cs_sw_uplink_why(unsigned why, char *buf, size_t sz);

#endif /* CS_SWITCH_SWITCH_H */
