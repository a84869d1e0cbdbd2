/* SPDX-License-Identifier: ISC */
/*
 * camsim device profiles and mixes: loading the JSON data files in
 * data/camsim/ into immutable structures.  A profile describes one kind
 * of device (its true maker, models, firmware, MAC prefixes, ports and the
 * replies of each service); a mix gives the weight of each profile in a
 * simulated estate.  The schema is documented in docs/camsim.md.
 */
#ifndef CS_CAMSIM_PROFILE_H
#define CS_CAMSIM_PROFILE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Kinds of TCP service a simulated port can speak. */
enum cs_camsim_svc {
	CS_CAMSIM_SVC_HTTP,    /* the profile's "http" block (incl. ONVIF) */
	CS_CAMSIM_SVC_RTSP,    /* the profile's "rtsp" block */
	CS_CAMSIM_SVC_HIK_SDK, /* 16-byte greeting on connect (port 8000) */
	CS_CAMSIM_SVC_DAHUA_DVRIP, /* answers a0 01 00 60 with b0 00 00 68 */
	CS_CAMSIM_SVC_XM_DVRIP,    /* Xiongmai 20-byte-header JSON messages */
	CS_CAMSIM_SVC_BANNER,      /* sends a text banner on connect */
	CS_CAMSIM_SVC_SILENT,      /* accepts and says nothing */
};

/* One canned reply.  All strings are templates (see camsim_proto.h). */
struct cs_camsim_resp {
	int status;     /* HTTP/RTSP status code */
	char *reason;   /* owned; reason phrase */
	char **headers; /* owned; "Name: value" templates */
	size_t nheaders;
	char *body; /* owned template; NULL for no body */
	/* owned template; NULL for none.  Expanded once per attached
	 * camera (with that camera's values) where the body says
	 * {attached}. */
	char *each;
};

/* A reply with a name: an RTSP method, a SOAP operation. */
struct cs_camsim_named {
	char *name; /* owned */
	struct cs_camsim_resp resp;
};

/* One HTTP route: method + path (exact, or prefix) to a reply. */
struct cs_camsim_route {
	char *method; /* owned; "GET", "POST", ... or "*" for any */
	char *path;   /* owned; compared with the request target */
	bool prefix;  /* path is a prefix rather than an exact path */
	bool onvif;   /* reply chosen by the SOAP operation in the body */
	/* HTTP Digest (RFC 7616, MD5, qop=auth) with the profile's
	 * credentials is required; without it "challenge" is sent. */
	bool digest;
	char *realm; /* owned template; the Digest realm */
	struct cs_camsim_resp challenge;
	struct cs_camsim_resp resp;
};

struct cs_camsim_http {
	char **headers; /* owned; added to every HTTP reply */
	size_t nheaders;
	struct cs_camsim_route *routes;
	size_t nroutes;
	struct cs_camsim_resp notfound;    /* reply to unknown paths */
	struct cs_camsim_named *onvif_ops; /* PRE_AUTH operations answered */
	size_t nonvif_ops;
	struct cs_camsim_resp
	    onvif_fault; /* reply to operations needing auth */
	/* GetDeviceInformation is in onvif_ops and answered without auth. */
	bool devinfo_unauth;
};

struct cs_camsim_rtsp {
	char **headers; /* owned; added to every RTSP reply after CSeq */
	size_t nheaders;
	struct cs_camsim_named *methods;
	size_t nmethods;
	struct cs_camsim_resp other; /* reply to methods not listed */
};

struct cs_camsim_port {
	uint16_t port;
	enum cs_camsim_svc svc;
	uint8_t *greeting; /* owned; sent on connect; NULL for none */
	size_t greeting_len;
	bool greeting_tmpl; /* greeting is a text template ("banner") */
	char *xm_login;     /* owned; xm-dvrip JSON reply to a login */
	char *xm_other;     /* owned; xm-dvrip JSON reply to other messages */
	bool tls;           /* "tls": the service is spoken over TLS with a
			       certificate generated at start-up */
	unsigned tls_rsa_bits; /* "tls_key" "rsa-1024"/"rsa-2048"; 0 P-256 */
	bool tls_expired;      /* "tls_expired": its notAfter has passed */
};

/* UDP discovery protocols a profile may answer (camsim_disc.h). */
enum cs_camsim_disc {
	CS_CAMSIM_DISC_WSD,    /* ONVIF WS-Discovery, 239.255.255.250:3702 */
	CS_CAMSIM_DISC_SADP,   /* Hikvision SADP, 239.255.255.250:37020 */
	CS_CAMSIM_DISC_DHIP,   /* Dahua DHIP, 239.255.255.251:37810 */
	CS_CAMSIM_DISC_SSDP,   /* SSDP M-SEARCH, 239.255.255.250:1900 */
	CS_CAMSIM_DISC_MDNS,   /* mDNS / DNS-SD, 224.0.0.251:5353 */
	CS_CAMSIM_DISC_XM,     /* Xiongmai search, broadcast UDP 34569 */
	CS_CAMSIM_DISC_DH5050, /* Dahua legacy DVRIP discover, UDP 5050 */
	/* The vendor protocols of camsim_vdisc.h, broadcast. */
	CS_CAMSIM_DISC_BOSCH,     /* UDP 1757, replies to 1758 */
	CS_CAMSIM_DISC_HANWHA,    /* UDP 7701, replies to 7711 */
	CS_CAMSIM_DISC_PANASONIC, /* UDP 10670, replies to 10669 */
	CS_CAMSIM_DISC_SONY,      /* UDP 52380 (ENQ:network) */
	CS_CAMSIM_DISC_SONY_SNC,  /* UDP 2380 (ENQ:allinfo) */
	CS_CAMSIM_DISC_VIVOTEK,   /* UDP 10000, magic 0x4a5d8f1c */
	CS_CAMSIM_DISC_FOSCAM,    /* UDP 10000, "MO_I" */
	CS_CAMSIM_DISC_VSTARCAM,  /* UDP 8600 */
	CS_CAMSIM_DISC_UBNT,      /* UDP 10001 */
	CS_CAMSIM_DISC_GVCP,      /* UDP 3956 */
	CS_CAMSIM_DISC_V360,      /* UDP 3600 */
	CS_CAMSIM_DISC_NICE,      /* UDP 2007 */
	CS_CAMSIM_DISC_COUNT
};

/* Cameras simulated behind a recorder (NVR channel list). */
struct cs_camsim_attached {
	size_t count;        /* cameras, on channels 1..count; 0: none */
	uint32_t first_addr; /* address of channel 1's camera, host order */
	char **names;        /* owned; profile names, cycled over channels */
	size_t nnames;
	/* Resolved names, borrowed from the set (filled by the loader). */
	const struct cs_camsim_profile **profs;
};

/* A template variable: its name and the pattern generating its value. */
struct cs_camsim_var {
	char *name;    /* owned */
	char *pattern; /* owned; see cs_camsim_gen_pattern() */
};

struct cs_camsim_model {
	char *name;      /* owned */
	char **firmware; /* owned; overrides the profile's list */
	size_t nfirmware;
	struct cs_camsim_var *vars; /* owned; override the profile's vars */
	size_t nvars;
};

struct cs_camsim_profile {
	char *name;         /* owned; file name without .json */
	char *brand;        /* owned */
	char *manufacturer; /* owned; the true maker */
	char *device_class; /* owned; camera|nvr|dvr|encoder|other */
	bool surveillance;
	struct cs_camsim_model *models;
	size_t nmodels;
	char **firmware;
	size_t nfirmware;
	uint8_t (*oui)[3];
	size_t noui;
	char *serial_fmt; /* owned pattern */
	struct cs_camsim_var *vars;
	size_t nvars;
	struct cs_camsim_port *ports; /* sorted by port number */
	size_t nports;
	bool has_http, has_rtsp;
	uint32_t discovery; /* bit (1u << enum cs_camsim_disc) per protocol */
	char *user, *password; /* owned; "credentials", NULL if none */
	struct cs_camsim_attached attached;
	struct cs_camsim_http http;
	struct cs_camsim_rtsp rtsp;
};

struct cs_camsim_mix_entry {
	const struct cs_camsim_profile *prof; /* borrowed from the set */
	uint32_t weight;
};

/* Everything loaded for one run. */
struct cs_camsim_set {
	struct cs_camsim_profile **profiles; /* owned */
	size_t nprofiles;
	struct cs_camsim_mix_entry *mix; /* owned */
	size_t nmix;
	uint64_t total_weight;
};

/*
 * Loads the mix DIR/mixes/<mix>.json and every profile it names (with
 * their "extends" parents) from DIR/profiles/.  On failure writes a
 * message of at most errsz bytes to err and returns NULL.  The returned
 * set is owned by the caller and freed with cs_camsim_set_free().
 */
struct cs_camsim_set *cs_camsim_set_load(const char *dir, const char *mix,
					 char *err, size_t errsz);

/*
 * Loads the profile DIR/profiles/<name>.json as a set whose mix holds
 * only it (weight 1), plus the profiles of its attached cameras.  Same
 * ownership and errors as cs_camsim_set_load().
 */
struct cs_camsim_set *cs_camsim_set_load_one(const char *dir, const char *name,
					     char *err, size_t errsz);

/* Returns the discovery protocol named s ("wsd", "sadp" ...) or -1. */
int cs_camsim_disc_parse(const char *s);

/* Returns the name of discovery protocol k ("wsd" ...). */
const char *cs_camsim_disc_name(enum cs_camsim_disc k);

/*
 * Loads one profile by name from DIR/profiles/.  Returns it (caller frees
 * with cs_camsim_profile_free()) or NULL with a message in err.
 */
struct cs_camsim_profile *cs_camsim_profile_load(const char *dir,
						 const char *name, char *err,
						 size_t errsz);

/* Frees a profile; NULL is ignored. */
void cs_camsim_profile_free(struct cs_camsim_profile *p);

/* Frees a set and all its profiles; NULL is ignored. */
void cs_camsim_set_free(struct cs_camsim_set *s);

/* Returns the service kind named s, or -1 if unknown. */
int cs_camsim_svc_parse(const char *s);

#endif /* CS_CAMSIM_PROFILE_H */
