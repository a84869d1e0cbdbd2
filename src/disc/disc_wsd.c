/* SPDX-License-Identifier: ISC */
/* Discovery module wsd: ONVIF WS-Discovery (docs/modules/disc-wsd.md). */
#include <string.h>

#include "disc/disc_util.h"
#include "core/poison.h"

/* ONVIF WS-Discovery Probe (protocols.md §1); the dn:/tds: prefixes are
 * declared on the Types element itself, as some cameras require. */
static int
build_wsd(struct cs_buf *out, const uint8_t nonce[16], unsigned seq)
{
	char id[37];

	cs_disc_uuid_text(nonce, seq, false, id);
	cs_buf_reset(out);
	return cs_buf_printf(
	    out,
	    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
	    "<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\" "
	    "xmlns:a=\"http://schemas.xmlsoap.org/ws/2004/08/addressing\" "
	    "xmlns:d=\"http://schemas.xmlsoap.org/ws/2005/04/discovery\">"
	    "<s:Header>"
	    "<a:Action s:mustUnderstand=\"1\">"
	    "http://schemas.xmlsoap.org/ws/2005/04/discovery/Probe</a:Action>"
	    "<a:MessageID>urn:uuid:%s</a:MessageID>"
	    "<a:ReplyTo><a:Address>"
	    "http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous"
	    "</a:Address></a:ReplyTo>"
	    "<a:To s:mustUnderstand=\"1\">"
	    "urn:schemas-xmlsoap-org:ws:2005:04:discovery</a:To>"
	    "</s:Header><s:Body><d:Probe>"
	    "<d:Types xmlns:dn=\"http://www.onvif.org/ver10/network/wsdl\" "
	    "xmlns:tds=\"http://www.onvif.org/ver10/device/wsdl\">"
	    "dn:NetworkVideoTransmitter tds:Device</d:Types>"
	    "</d:Probe></s:Body></s:Envelope>",
	    id);
}

static bool
wsd_reply(const uint8_t *p, size_t n)
{
	return cs_disc_has(p, n, "ProbeMatch") || cs_disc_has(p, n, "Hello") ||
	       cs_disc_has(p, n, "Bye");
}

const struct cs_disc_module cs_disc_mod_wsd = {
    .name = "wsd",
    .summary = "ONVIF WS-Discovery Probe for NetworkVideoTransmitter and "
	       "Device",
    .kind = "wsd",
    .group = CS_DISC_IP4(239, 255, 255, 250),
    .port = 3702,
    .flags = CS_DISC_MCAST | CS_DISC_LISTEN,
    .build = build_wsd,
    .is_reply = wsd_reply,
    .learn_key = "wsd.xaddrs",
    .mac_scope_key = "wsd.scopes",
};
