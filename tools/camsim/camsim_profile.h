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
