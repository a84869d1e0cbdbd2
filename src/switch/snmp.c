/* SPDX-License-Identifier: ISC */
/* SNMP reads through Net-SNMP; see snmp.h. */
#include "switch/snmp.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <net-snmp/net-snmp-config.h>
#include <net-snmp/net-snmp-includes.h>

#include "core/cs.h"
#include "core/str.h"

/* Net-SNMP is initialised once, without reading any configuration file
 * (snmp.conf could name other credentials or a persistent directory) and
 * without loading MIBs (camsweep reads numeric OIDs only). */
static void
snmp_once(void)
{
	static bool done;

	if (done)
		return;
	done = true;
	netsnmp_ds_set_boolean(NETSNMP_DS_LIBRARY_ID,
			       NETSNMP_DS_LIB_DONT_READ_CONFIGS, 1);
	netsnmp_ds_set_boolean(NETSNMP_DS_LIBRARY_ID,
			       NETSNMP_DS_LIB_DISABLE_PERSISTENT_LOAD, 1);
	netsnmp_ds_set_boolean(NETSNMP_DS_LIBRARY_ID,
			       NETSNMP_DS_LIB_DISABLE_PERSISTENT_SAVE, 1);
	netsnmp_ds_set_boolean(NETSNMP_DS_LIBRARY_ID,
			       NETSNMP_DS_LIB_DONT_PERSIST_STATE, 1);
	netsnmp_set_mib_directory("");
	setenv("MIBS", "", 1);
	snmp_disable_log();
	init_snmp("camsweep");
}

static double
now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Waits until at least 1/rate seconds have passed since *last. */
static void
pace(double rate, double *last)
{
	double gap = 1.0 / rate, t = now_s();

	if (*last > 0 && t - *last < gap) {
		double w = gap - (t - *last);
		struct timespec ts = {(time_t)w,
				      (long)((w - (double)(time_t)w) * 1e9)};
		while (nanosleep(&ts, &ts) != 0 && errno == EINTR)
			;
	}
	*last = now_s();
}

static int
setup_v3(netsnmp_session *s, struct cs_sw_conf *c, char *err, size_t errsz)
{
	const oid *ap = NULL;
	size_t aplen = 0;

	s->version = SNMP_VERSION_3;
	s->securityName = c->user;
	s->securityNameLen = strlen(c->user);
	if (c->context[0] != '\0') {
		s->contextName = c->context;
		s->contextNameLen = strlen(c->context);
	}
	switch (c->auth) {
	case CS_SW_AUTH_MD5:
		ap = usmHMACMD5AuthProtocol;
		aplen = OID_LENGTH(usmHMACMD5AuthProtocol);
		break;
	case CS_SW_AUTH_SHA:
		ap = usmHMACSHA1AuthProtocol;
		aplen = OID_LENGTH(usmHMACSHA1AuthProtocol);
		break;
	case CS_SW_AUTH_SHA256:
		ap = usmHMAC192SHA256AuthProtocol;
		aplen = OID_LENGTH(usmHMAC192SHA256AuthProtocol);
		break;
	case CS_SW_AUTH_SHA512:
		ap = usmHMAC384SHA512AuthProtocol;
		aplen = OID_LENGTH(usmHMAC384SHA512AuthProtocol);
		break;
	case CS_SW_AUTH_NONE:
		break;
	}
	if (ap == NULL) {
		s->securityLevel = SNMP_SEC_LEVEL_NOAUTH;
		return 0;
	}
	s->securityLevel = c->priv != CS_SW_PRIV_NONE
			       ? SNMP_SEC_LEVEL_AUTHPRIV
			       : SNMP_SEC_LEVEL_AUTHNOPRIV;
	s->securityAuthProto = snmp_duplicate_objid(ap, aplen);
	s->securityAuthProtoLen = aplen;
	s->securityAuthKeyLen = USM_AUTH_KU_LEN;
	if (generate_Ku(ap, (u_int)aplen, (const u_char *)c->auth_pass,
			strlen(c->auth_pass), s->securityAuthKey,
			&s->securityAuthKeyLen) != SNMPERR_SUCCESS) {
		snprintf(err, errsz, "%s: cannot derive the authentication key",
			 c->name);
		return CS_EINVAL;
	}
	if (c->priv != CS_SW_PRIV_NONE) {
		const oid *pp = c->priv == CS_SW_PRIV_AES ? usmAESPrivProtocol
							  : usmDESPrivProtocol;
		size_t pplen = c->priv == CS_SW_PRIV_AES
				   ? OID_LENGTH(usmAESPrivProtocol)
				   : OID_LENGTH(usmDESPrivProtocol);
		s->securityPrivProto = snmp_duplicate_objid(pp, pplen);
		s->securityPrivProtoLen = pplen;
		s->securityPrivKeyLen = USM_PRIV_KU_LEN;
		if (generate_Ku(ap, (u_int)aplen, (const u_char *)c->priv_pass,
				strlen(c->priv_pass), s->securityPrivKey,
				&s->securityPrivKeyLen) != SNMPERR_SUCCESS) {
			snprintf(err, errsz,
				 "%s: cannot derive the privacy key", c->name);
			return CS_EINVAL;
		}
	}
	return 0;
}

/* Converts one binding and hands it to cs_sw_ingest. */
static void
feed(struct cs_sw_dev *d, const netsnmp_variable_list *v)
{
	uint32_t o[CS_SW_MAX_OID];
	struct cs_sw_vb vb;

	memset(&vb, 0, sizeof(vb));
	if (v->name_length == 0 || v->name_length > CS_SW_MAX_OID) {
		d->dropped++;
		return;
	}
	for (size_t i = 0; i < v->name_length; i++)
		o[i] = (uint32_t)v->name[i];
	vb.oid = o;
	vb.oidlen = v->name_length;
	switch (v->type) {
	case ASN_INTEGER:
	case ASN_COUNTER:
	case ASN_GAUGE:
	case ASN_TIMETICKS:
	case ASN_UINTEGER:
		vb.type = CS_SW_V_INT;
		vb.ival = v->val.integer != NULL ? (int64_t)*v->val.integer : 0;
		break;
	case ASN_OCTET_STR:
	case ASN_IPADDRESS:
	case ASN_OPAQUE:
		vb.type = CS_SW_V_OCTETS;
		vb.bytes = v->val.string;
		vb.len = v->val.string != NULL ? v->val_len : 0;
		if (vb.len > CS_SW_MAX_VAL)
			vb.len = CS_SW_MAX_VAL;
		break;
	case ASN_OBJECT_ID:
		vb.type = CS_SW_V_OID;
		break;
	default:
		vb.type = CS_SW_V_OTHER;
		break;
	}
	cs_sw_ingest(d, &vb);
}

/* One subtree by GETBULK.  Returns 0, or CS_EIO with err set. */
static int
walk(void *sess, const struct cs_sw_conf *c, const struct cs_sw_snmp_opts *o,
     const uint32_t *root, size_t rootlen, struct cs_sw_dev *d,
     struct cs_sw_snmp_stats *st, double *last, char *err, size_t errsz)
{
	oid cur[MAX_OID_LEN], r[MAX_OID_LEN];
	size_t curlen = rootlen;

	for (size_t i = 0; i < rootlen; i++)
		r[i] = cur[i] = root[i];
	for (;;) {
		netsnmp_pdu *pdu, *resp = NULL;
		netsnmp_variable_list *v;
		bool more = true;
		int status;

		if (st->requests >= o->max_requests) {
			snprintf(err, errsz,
				 "%s: more than %zu requests; stopped", c->name,
				 o->max_requests);
			return CS_EIO;
		}
		/* The only request built: GETBULK (read-only). */
		pdu = snmp_pdu_create(SNMP_MSG_GETBULK);
		pdu->non_repeaters = 0;
		pdu->max_repetitions = (long)o->max_reps;
		snmp_add_null_var(pdu, cur, curlen);
		pace(o->rate, last);
		st->requests++;
		status = snmp_sess_synch_response(sess, pdu, &resp);
		if (status != STAT_SUCCESS || resp == NULL) {
			snprintf(err, errsz, "%s (%s): %s", c->name, c->addr,
				 status == STAT_TIMEOUT
				     ? "no answer (timeout)"
				     : "request failed (wrong credentials "
				       "or protocol error)");
			if (resp != NULL)
				snmp_free_pdu(resp);
			return CS_EIO;
		}
		if (resp->errstat != SNMP_ERR_NOERROR) {
			snprintf(err, errsz, "%s (%s): error status %ld",
				 c->name, c->addr, resp->errstat);
			snmp_free_pdu(resp);
			return CS_EIO;
		}
		if (resp->variables == NULL)
			more = false;
		for (v = resp->variables; v != NULL && more;
		     v = v->next_variable) {
			if (v->type == SNMP_ENDOFMIBVIEW ||
			    v->type == SNMP_NOSUCHOBJECT ||
			    v->type == SNMP_NOSUCHINSTANCE ||
			    v->name_length < rootlen ||
			    snmp_oid_compare(v->name, rootlen, r, rootlen) !=
				0 ||
			    /* an agent that does not advance would loop */
			    snmp_oid_compare(v->name, v->name_length, cur,
					     curlen) <= 0 ||
			    v->name_length > MAX_OID_LEN) {
				more = false;
				break;
			}
			st->bindings++;
			feed(d, v);
			memcpy(cur, v->name, v->name_length * sizeof(oid));
			curlen = v->name_length;
		}
		snmp_free_pdu(resp);
		if (!more)
			return 0;
	}
}

int
cs_sw_snmp_collect(const struct cs_scope *scope, const struct cs_sw_conf *c,
		   const struct cs_sw_snmp_opts *o, struct cs_sw_dev *d,
		   struct cs_sw_snmp_stats *st, char *err, size_t errsz)
{
	const uint32_t *const *roots;
	const size_t *lens;
	struct cs_addr a;
	enum cs_scope_verdict vd;
	netsnmp_session s;
	struct cs_sw_conf cc; /* a copy Net-SNMP may point into; wiped */
	void *sess;
	char peer[80];
	double last = 0, t0 = now_s();
	size_t nroots;
	int rc = 0;

	memset(st, 0, sizeof(*st));
	if (cs_addr_parse(c->addr, &a) != 0) {
		snprintf(err, errsz, "%s: bad address", c->name);
		return CS_EINVAL;
	}
	/* The one check, before anything is sent. */
	vd = cs_scope_check_addr(scope, &a, c->port, CS_DEST_PROBE);
	if (vd != CS_SCOPE_OK) {
		snprintf(err, errsz, "%s (%s): %s; refused", c->name, c->addr,
			 cs_scope_verdict_str(vd));
		return CS_ESCOPE;
	}
	if (o->rate <= 0 || o->max_reps == 0) {
		snprintf(err, errsz, "%s: bad rate or repetitions", c->name);
		return CS_EINVAL;
	}
	snmp_once();
	cc = *c;
	snmp_sess_init(&s);
	snprintf(peer, sizeof(peer), a.v6 ? "udp6:[%s]:%u" : "udp:%s:%u",
		 c->addr, (unsigned)c->port);
	s.peername = peer;
	s.timeout = (long)o->timeout_ms * 1000L;
	s.retries = (int)o->retries;
	if (c->version == 2) {
		s.version = SNMP_VERSION_2c;
		s.community = (u_char *)cc.community;
		s.community_len = strlen(cc.community);
	} else if ((rc = setup_v3(&s, &cc, err, errsz)) != 0) {
		explicit_bzero(&cc, sizeof(cc));
		explicit_bzero(s.securityAuthKey, sizeof(s.securityAuthKey));
		explicit_bzero(s.securityPrivKey, sizeof(s.securityPrivKey));
		free(s.securityAuthProto);
		free(s.securityPrivProto);
		return rc;
	}
	sess = snmp_sess_open(&s);
	/* snmp_sess_open copied what it needs (keys included) */
	explicit_bzero(&cc, sizeof(cc));
	explicit_bzero(s.securityAuthKey, sizeof(s.securityAuthKey));
	explicit_bzero(s.securityPrivKey, sizeof(s.securityPrivKey));
	free(s.securityAuthProto);
	free(s.securityPrivProto);
	if (sess == NULL) {
		snprintf(err, errsz, "%s (%s): cannot open an SNMP session",
			 c->name, c->addr);
		return CS_EIO;
	}
	nroots = cs_sw_walk_roots(c->role == CS_SW_ROUTER, &roots, &lens);
	for (size_t i = 0; i < nroots && rc == 0; i++)
		rc = walk(sess, c, o, roots[i], lens[i], d, st, &last, err,
			  errsz);
	snmp_sess_close(sess);
	st->seconds = now_s() - t0;
	return rc;
}
