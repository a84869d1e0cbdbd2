/* SPDX-License-Identifier: ISC */
/*
 * UDP discovery responders of camsim; see camsim_disc.h.  Sections (§n)
 * refer to /work/shared/docs/protocols.md.
 */
#include "camsim_disc.h"

#include "camsim_vdisc.h"

#include <stdio.h>
#include <string.h>

#include "core/addr.h"
#include "core/dnsname.h"
#include "core/escape.h"
#include "core/str.h"
#include "core/poison.h"

#define WSD_ID_MAX 128   /* bytes of a MessageID we echo */
#define SADP_UUID_MAX 64 /* bytes of a SADP Uuid we echo */
#define DNS_HDR 12
#define DNS_QD_MAX 16 /* questions looked at */
#define DNS_NAME_MAX 255
#define DNS_HOPS_MAX 16
#define DNS_TTL 120
#define DHIP_HDR 32    /* §5 */
#define XM_HDR 20      /* §7 */
#define XM_SEARCH 1530 /* Xiongmai search request ID (assumed) */

static const struct cs_camsim_disc_info infos[CS_CAMSIM_DISC_COUNT] = {
    [CS_CAMSIM_DISC_WSD] = {3702, "239.255.255.250", 0},
    [CS_CAMSIM_DISC_SADP] = {37020, "239.255.255.250", 0},
    [CS_CAMSIM_DISC_DHIP] = {37810, "239.255.255.251", 0},
    [CS_CAMSIM_DISC_SSDP] = {1900, "239.255.255.250", 0},
    [CS_CAMSIM_DISC_MDNS] = {5353, "224.0.0.251", 0},
    [CS_CAMSIM_DISC_XM] = {34569, NULL, 0},
    [CS_CAMSIM_DISC_DH5050] = {5050, NULL, 0},
    [CS_CAMSIM_DISC_BOSCH] = {1757, NULL, 1758},
    [CS_CAMSIM_DISC_HANWHA] = {7701, NULL, 7711},
    [CS_CAMSIM_DISC_PANASONIC] = {10670, NULL, 10669},
    [CS_CAMSIM_DISC_SONY] = {52380, NULL, 52380},
    [CS_CAMSIM_DISC_SONY_SNC] = {2380, NULL, 0},
    [CS_CAMSIM_DISC_VIVOTEK] = {10000, NULL, 0},
    [CS_CAMSIM_DISC_FOSCAM] = {10000, NULL, 0},
    [CS_CAMSIM_DISC_VSTARCAM] = {8600, NULL, 0},
    [CS_CAMSIM_DISC_UBNT] = {10001, NULL, 0},
    [CS_CAMSIM_DISC_GVCP] = {3956, NULL, 0},
    [CS_CAMSIM_DISC_V360] = {3600, NULL, 0},
    [CS_CAMSIM_DISC_NICE] = {2007, NULL, 0},
};

const struct cs_camsim_disc_info *
cs_camsim_disc_info(enum cs_camsim_disc k)
{
	return (size_t)k < CS_CAMSIM_DISC_COUNT ? &infos[k] : NULL;
}

/* A profile var of d, or def when the profile does not set it. */
static const char *
var(const struct cs_camsim_device *d, const char *name, const char *def)
{
	const char *v = cs_camsim_device_var(d, name, strlen(name));

	return v != NULL ? v : def;
}

static const char *
adv_ip(const struct cs_camsim_device *d)
{
	return var(d, "adv_ip", d->ip);
}

static unsigned
http_port(const struct cs_camsim_device *d)
{
	const char *v = var(d, "http_port", NULL);
	long long n;

	if (v != NULL && cs_str_tonum(v, 1, 65535, &n) == 0)
		return (unsigned)n;
	for (size_t i = 0; i < d->prof->nports; i++)
		if (d->prof->ports[i].svc == CS_CAMSIM_SVC_HTTP)
			return d->prof->ports[i].port;
	return 80;
}

static int
xml(struct cs_buf *b, const char *s)
{
	return cs_esc_html(b, s, strlen(s));
}

/* Appends s percent-encoded for a URI path segment (RFC 3986). */
static int
pct(struct cs_buf *b, const char *s)
{
	int rc = 0;

	for (; *s && rc == 0; s++) {
		unsigned char c = (unsigned char)*s;
		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || c == '-' || c == '.' ||
		    c == '_' || c == '~')
			rc = cs_buf_add(b, s, 1);
		else
			rc = cs_buf_printf(b, "%%%02X", c);
	}
	return rc;
}

/* True if s is non-empty and made only of bytes in the set ok. */
static bool
safe(struct cs_span s, const char *ok, size_t max)
{
	if (s.n == 0 || s.n > max)
		return false;
	for (size_t i = 0; i < s.n; i++) {
		unsigned char c = s.p[i];
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		      (c >= '0' && c <= '9') || (c != 0 && strchr(ok, c))))
			return false;
	}
	return true;
}

/*
 * Returns the text of the first element whose local name is name (any
 * prefix), or an empty span.  Lenient and bounded; no nesting inside.
 */
static struct cs_span
elem_text(struct cs_span b, const char *name)
{
	size_t nl = strlen(name);

	for (size_t i = 0; i + 1 < b.n; i++) {
		size_t s, e, k;

		if (b.p[i] != '<' || b.p[i + 1] == '/')
			continue;
		s = e = i + 1;
		while (e < b.n && b.p[e] != '>' && b.p[e] != ' ' &&
		       b.p[e] != '/' && b.p[e] != '\t' && b.p[e] != '\r' &&
		       b.p[e] != '\n')
			e++;
		for (k = s; k < e; k++)
			if (b.p[k] == ':')
				s = k + 1;
		if (e - s != nl || memcmp(b.p + s, name, nl) != 0)
			continue;
		while (e < b.n && b.p[e] != '>')
			e++;
		if (e >= b.n || b.p[e - 1] == '/')
			return cs_span_make(b.p + e, 0); /* <x/> */
		for (k = e + 1; k < b.n && b.p[k] != '<'; k++)
			;
		return cs_span_trim(cs_span_make(b.p + e + 1, k - e - 1));
	}
	return CS_SPAN_NULL;
}

/* True if the local element name occurs at all. */
static bool
has_elem(struct cs_span b, const char *name)
{
	return elem_text(b, name).p != NULL;
}

/* --- ONVIF WS-Discovery (§1) ------------------------------------------ */

static const char wsd_ns[] =
    "xmlns:env=\"http://www.w3.org/2003/05/soap-envelope\" "
    "xmlns:wsa=\"http://schemas.xmlsoap.org/ws/2004/08/addressing\" "
    "xmlns:d=\"http://schemas.xmlsoap.org/ws/2005/04/discovery\" "
    "xmlns:dn=\"http://www.onvif.org/ver10/network/wsdl\" "
    "xmlns:tds=\"http://www.onvif.org/ver10/device/wsdl\"";
#define WSD_ACTION "http://schemas.xmlsoap.org/ws/2005/04/discovery/"

/* EndpointReference, Types, Scopes, XAddrs, MetadataVersion of d. */
static int
wsd_match_body(struct cs_buf *o, const struct cs_camsim_device *d)
{
	char name[160];
	int rc;

	snprintf(name, sizeof(name), "%s %s", d->prof->brand, d->model->name);
	rc = cs_buf_printf(o,
			   "<wsa:EndpointReference><wsa:Address>urn:uuid:%s"
			   "</wsa:Address></wsa:EndpointReference>"
			   "<d:Types>dn:NetworkVideoTransmitter tds:Device"
			   "</d:Types><d:Scopes>"
			   "onvif://www.onvif.org/type/video_encoder "
			   "onvif://www.onvif.org/Profile/Streaming "
			   "onvif://www.onvif.org/hardware/",
			   d->uuid);
	if (rc == 0)
		rc = pct(o, d->model->name);
	if (rc == 0)
		rc = cs_buf_adds(o, " onvif://www.onvif.org/name/");
	if (rc == 0)
		rc = pct(o, var(d, "wsd_name", name));
	if (rc == 0)
		rc = cs_buf_adds(o, " onvif://www.onvif.org/location/");
	if (rc == 0)
		rc = pct(o, var(d, "wsd_location", "unknown"));
	if (rc == 0)
		rc = cs_buf_printf(o,
				   " onvif://www.onvif.org/MAC/%s</d:Scopes>"
				   "<d:XAddrs>http://",
				   d->mac);
	if (rc == 0)
		rc = xml(o, adv_ip(d));
	if (rc == 0 && http_port(d) != 80)
		rc = cs_buf_printf(o, ":%u", http_port(d));
	if (rc == 0)
		rc = cs_buf_adds(o, "/onvif/device_service</d:XAddrs>"
				    "<d:MetadataVersion>1</d:MetadataVersion>");
	return rc;
}

static int
wsd_header(struct cs_buf *o, const char *action, struct cs_span relates,
	   const char *to, const struct cs_camsim_dyn *dyn)
{
	int rc = cs_buf_printf(
	    o,
	    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
	    "<env:Envelope %s><env:Header><wsa:MessageID>urn:uuid:"
	    "%08llx-0000-4000-8000-%012llx</wsa:MessageID>",
	    wsd_ns, (unsigned long long)(dyn->nonce & 0xffffffffu),
	    (unsigned long long)((dyn->nonce * 0x9e3779b97f4a7c15ull) &
				 0xffffffffffffull));

	if (rc == 0 && relates.n > 0)
		rc = cs_buf_printf(o, "<wsa:RelatesTo>%.*s</wsa:RelatesTo>",
				   (int)relates.n, (const char *)relates.p);
	if (rc == 0)
		rc = cs_buf_printf(o,
				   "<wsa:To>%s</wsa:To><wsa:Action>" WSD_ACTION
				   "%s</wsa:Action>",
				   to, action);
	if (rc == 0 && relates.n == 0)
		rc = cs_buf_printf(o,
				   "<d:AppSequence InstanceId=\"1\" "
				   "MessageNumber=\"%llu\"/>",
				   (unsigned long long)(dyn->nonce & 0xffff));
	if (rc == 0)
		rc = cs_buf_adds(o, "</env:Header><env:Body>");
	return rc;
}

/* True if the Probe's Types (if any) ask for something d is. */
static bool
wsd_types_match(struct cs_span types)
{
	if (types.n == 0)
		return true; /* no Types: every target service matches */
	return cs_span_find(types, "NetworkVideoTransmitter", 23, false) >= 0 ||
	       cs_span_find(types, ":Device", 7, false) >= 0 ||
	       cs_span_ieq(types, "Device");
}

static int
wsd_answer(const struct cs_camsim_device *d, struct cs_span in,
	   const struct cs_camsim_dyn *dyn, struct cs_buf *o)
{
	struct cs_span id;
	int rc;

	if (!has_elem(in, "Probe") || !wsd_types_match(elem_text(in, "Types")))
		return 0;
	id = elem_text(in, "MessageID");
	if (!safe(id, ":-._{}", WSD_ID_MAX))
		id = CS_SPAN_NULL;
	rc = wsd_header(o, "ProbeMatches", id,
			"http://schemas.xmlsoap.org/ws/2004/08/addressing/"
			"role/anonymous",
			dyn);
	if (rc == 0)
		rc = cs_buf_adds(o, "<d:ProbeMatches><d:ProbeMatch>");
	if (rc == 0)
		rc = wsd_match_body(o, d);
	if (rc == 0)
		rc = cs_buf_adds(o, "</d:ProbeMatch></d:ProbeMatches>"
				    "</env:Body></env:Envelope>");
	return rc;
}

int
cs_camsim_disc_hello(const struct cs_camsim_device *d, bool bye,
		     const struct cs_camsim_dyn *dyn, struct cs_buf *out)
{
	const char *what = bye ? "Bye" : "Hello";
	int rc =
	    wsd_header(out, what, CS_SPAN_NULL,
		       "urn:schemas-xmlsoap-org:ws:2005:04:discovery", dyn);

	if (rc == 0)
		rc = cs_buf_printf(out, "<d:%s>", what);
	if (rc == 0)
		rc = wsd_match_body(out, d);
	if (rc == 0)
		rc = cs_buf_printf(out, "</d:%s></env:Body></env:Envelope>",
				   what);
	return rc;
}

/* --- Hikvision SADP (§3) ---------------------------------------------- */

static int
sadp_answer(const struct cs_camsim_device *d, struct cs_span in,
	    const struct cs_camsim_dyn *dyn, struct cs_buf *o)
{
	struct cs_span uuid = elem_text(in, "Uuid");
	struct cs_span types = elem_text(in, "Types");
	int rc;

	if (!has_elem(in, "Probe") || !cs_span_ieq(types, "inquiry"))
		return 0;
	if (!safe(uuid, "-{}", SADP_UUID_MAX))
		uuid = CS_SPAN_NULL;
	rc = cs_buf_printf(o,
			   "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
			   "<ProbeMatch><Uuid>%.*s</Uuid><Types>inquiry</Types>"
			   "<DeviceType>",
			   (int)uuid.n, (const char *)uuid.p);
	if (rc == 0)
		rc = xml(o, var(d, "sadp_type", "141945"));
	if (rc == 0)
		rc = cs_buf_adds(o, "</DeviceType><DeviceDescription>");
	if (rc == 0)
		rc = xml(o, d->model->name);
	if (rc == 0)
		rc = cs_buf_adds(o, "</DeviceDescription><DeviceSN>");
	if (rc == 0)
		rc = xml(o, d->serial);
	if (rc == 0)
		rc = cs_buf_printf(o,
				   "</DeviceSN><CommandPort>8000</CommandPort>"
				   "<HttpPort>%u</HttpPort><MAC>%s</MAC>"
				   "<IPv4Address>",
				   http_port(d), d->mac_dash);
	if (rc == 0)
		rc = xml(o, adv_ip(d));
	if (rc == 0)
		rc = cs_buf_printf(
		    o,
		    "</IPv4Address><IPv4SubnetMask>255.255.255.0"
		    "</IPv4SubnetMask><IPv4Gateway>0.0.0.0</IPv4Gateway>"
		    "<IPv6Address>::</IPv6Address><IPv6Gateway>::"
		    "</IPv6Gateway><IPv6MaskLen>64</IPv6MaskLen>"
		    "<DHCP>false</DHCP><AnalogChannelNum>0</AnalogChannelNum>"
		    "<DigitalChannelNum>%zu</DigitalChannelNum>"
		    "<SoftwareVersion>",
		    d->nattached);
	if (rc == 0)
		rc = xml(o, d->firmware);
	if (rc == 0)
		rc = cs_buf_adds(
		    o, "</SoftwareVersion><DSPVersion>V7.3 build 200602"
		       "</DSPVersion><BootTime>2024-01-01 00:00:00</BootTime>"
		       "<Encrypt>true</Encrypt><ResetAbility>false"
		       "</ResetAbility><DiskNumber>0</DiskNumber>"
		       "<Activated>");
	/* Activated and HCPlatformEnable (exposure.md §4.1): vars
	 * sadp_activated and sadp_hc_platform, "true" and "false" unless
	 * a profile says otherwise. */
	if (rc == 0)
		rc = xml(o, var(d, "sadp_activated", "true"));
	if (rc == 0)
		rc = cs_buf_adds(o, "</Activated><HCPlatformEnable>");
	if (rc == 0)
		rc = xml(o, var(d, "sadp_hc_platform", "false"));
	if (rc == 0)
		rc = cs_buf_adds(
		    o, "</HCPlatformEnable><PasswordResetAbility>true"
		       "</PasswordResetAbility><SDKOverTLSPort>8443"
		       "</SDKOverTLSPort><OEMInfo>N/A</OEMInfo></ProbeMatch>");
	return rc;
}

/* --- Dahua DHIP (§5) and legacy 5050 discovery (§6) ---------------------- */

static void
put_le32(uint8_t *p, uint32_t v)
{
	for (int i = 0; i < 4; i++)
		p[i] = (uint8_t)(v >> (8 * i));
}

static const char *
dh_class(const struct cs_camsim_device *d)
{
	const char *c = d->prof->device_class;

	return var(d, "dhip_class",
		   strcmp(c, "nvr") == 0   ? "NVR"
		   : strcmp(c, "dvr") == 0 ? "DVR"
					   : "IPC");
}

/* Appends "key":<json string>, */
static int
jkv(struct cs_buf *o, const char *k, const char *v, bool comma)
{
	int rc = cs_buf_printf(o, "\"%s\":", k);

	if (rc == 0)
		rc = cs_esc_json(o, v, strlen(v));
	if (rc == 0 && comma)
		rc = cs_buf_add(o, ",", 1);
	return rc;
}

static int
dhip_answer(const struct cs_camsim_device *d, struct cs_span in,
	    const struct cs_camsim_dyn *dyn, struct cs_buf *o)
{
	static const uint8_t magic[8] = {0x20, 0, 0, 0, 'D', 'H', 'I', 'P'};
	uint8_t hdr[DHIP_HDR] = {0};
	struct cs_buf j;
	int rc;

	if (in.n < DHIP_HDR || memcmp(in.p, magic, 8) != 0 ||
	    cs_span_find(cs_span_make(in.p + DHIP_HDR, in.n - DHIP_HDR),
			 "DHDiscover.search", 17, false) < 0)
		return 0;
	cs_buf_init(&j, CS_CAMSIM_DISC_MAX);
	rc = cs_buf_adds(&j, "{");
	if (rc == 0)
		rc = jkv(&j, "mac", d->mac, true);
	if (rc == 0)
		rc = cs_buf_adds(&j, "\"method\":\"client.notifyDevInfo\","
				     "\"params\":{\"deviceInfo\":{"
				     "\"AlarmInputChannels\":2,"
				     "\"AlarmOutputChannels\":1,");
	if (rc == 0)
		rc = jkv(&j, "DeviceClass", dh_class(d), true);
	if (rc == 0)
		rc = jkv(&j, "DeviceID", "", true);
	if (rc == 0)
		rc = jkv(&j, "DeviceType", d->model->name, true);
	if (rc == 0)
		rc = cs_buf_printf(&j,
				   "\"Find\":\"Find\",\"FindVersion\":1,"
				   "\"HttpPort\":%u,\"IPv4Address\":{"
				   "\"DefaultGateway\":\"0.0.0.0\","
				   "\"DhcpEnable\":false,",
				   http_port(d));
	if (rc == 0)
		rc = jkv(&j, "IPAddress", adv_ip(d), true);
	if (rc == 0)
		rc = cs_buf_adds(&j, "\"SubnetMask\":\"255.255.255.0\"},"
				     "\"Init\":1,");
	if (rc == 0)
		rc = jkv(&j, "MachineName", d->serial, true);
	if (rc == 0)
		rc = jkv(&j, "Manufacturer",
			 var(d, "dhip_vendor", d->prof->manufacturer), true);
	if (rc == 0)
		rc = cs_buf_printf(&j,
				   "\"Port\":37777,"
				   "\"RemoteVideoInputChannels\":%zu,",
				   d->nattached);
	if (rc == 0)
		rc = jkv(&j, "SerialNo", d->serial, true);
	if (rc == 0)
		rc = jkv(&j, "Vendor",
			 var(d, "dhip_vendor", d->prof->manufacturer), true);
	if (rc == 0)
		rc = jkv(&j, "Version", d->firmware, true);
	if (rc == 0)
		rc = cs_buf_adds(&j, "\"VideoInputChannels\":1,"
				     "\"VideoOutputChannels\":0}}}\n");
	if (rc == 0) {
		memcpy(hdr, magic, 8);
		put_le32(hdr + 0x0c, (uint32_t)(dyn->nonce & 0xffff));
		put_le32(hdr + 0x10, (uint32_t)j.len);
		put_le32(hdr + 0x18, (uint32_t)j.len);
		rc = cs_buf_add(o, hdr, sizeof(hdr));
	}
	if (rc == 0)
		rc = cs_buf_add(o, j.p, j.len);
	cs_buf_free(&j);
	return rc;
}

/* --- SSDP (§9) --------------------------------------------------------- */

/* The value of header name in an HTTP-like datagram, or empty. */
static struct cs_span
hdr_val(struct cs_span in, const char *name)
{
	size_t nl = strlen(name), i = 0;

	while (i < in.n) {
		size_t e = i;
		while (e < in.n && in.p[e] != '\n')
			e++;
		if (e - i > nl && in.p[i + nl] == ':' &&
		    cs_span_istarts(cs_span_make(in.p + i, e - i), name))
			return cs_span_trim(
			    cs_span_make(in.p + i + nl + 1, e - i - nl - 1));
		i = e + 1;
	}
	return CS_SPAN_NULL;
}

static int
ssdp_answer(const struct cs_camsim_device *d, struct cs_span in,
	    const struct cs_camsim_dyn *dyn, struct cs_buf *o)
{
	static const char dev_type[] = "urn:schemas-upnp-org:device:Basic:1";
	struct cs_span st = hdr_val(in, "ST");
	const char *ans;
	char usn[128];
	int rc;

	if (!cs_span_istarts(in, "M-SEARCH * HTTP/1.1") ||
	    cs_span_find(hdr_val(in, "MAN"), "ssdp:discover", 13, true) < 0)
		return 0;
	if (cs_span_ieq(st, "ssdp:all") || cs_span_ieq(st, "upnp:rootdevice"))
		ans = "upnp:rootdevice";
	else if (cs_span_ieq(st, dev_type))
		ans = dev_type;
	else if (st.n == 41 + 0 && cs_span_istarts(st, "uuid:") &&
		 memcmp(st.p + 5, d->uuid, 36) == 0)
		ans = "uuid";
	else
		return 0;
	if (strcmp(ans, "uuid") == 0)
		snprintf(usn, sizeof(usn), "uuid:%s", d->uuid);
	else
		snprintf(usn, sizeof(usn), "uuid:%s::%s", d->uuid, ans);
	rc = cs_buf_printf(o,
			   "HTTP/1.1 200 OK\r\n"
			   "CACHE-CONTROL: max-age=1800\r\n"
			   "EXT:\r\n"
			   "LOCATION: http://%s:%u" CS_CAMSIM_UPNP_PATH "\r\n"
			   "SERVER: %s\r\n"
			   "ST: %s\r\n"
			   "USN: %s\r\n\r\n",
			   adv_ip(d), http_port(d),
			   var(d, "ssdp_server",
			       "Linux/3.10, UPnP/1.0, Portable SDK for UPnP "
			       "devices/1.6.22"),
			   strcmp(ans, "uuid") == 0 ? usn : ans, usn);
	(void)dyn;
	return rc;
}

int
cs_camsim_disc_upnp_desc(const struct cs_camsim_device *d,
			 const struct cs_camsim_dyn *dyn, struct cs_buf *out)
{
	char friendly[160];
	int rc;

	(void)dyn;
	snprintf(friendly, sizeof(friendly), "%s %s", d->prof->brand,
		 d->model->name);
	rc = cs_buf_adds(out,
			 "<?xml version=\"1.0\"?>\n"
			 "<root xmlns=\"urn:schemas-upnp-org:device-1-0\">\n"
			 "<specVersion><major>1</major><minor>0</minor>"
			 "</specVersion>\n<device>\n<deviceType>"
			 "urn:schemas-upnp-org:device:Basic:1</deviceType>\n"
			 "<friendlyName>");
	if (rc == 0)
		rc = xml(out, var(d, "upnp_friendly", friendly));
	if (rc == 0)
		rc = cs_buf_adds(out, "</friendlyName>\n<manufacturer>");
	if (rc == 0)
		rc = xml(out, var(d, "upnp_manufacturer", d->prof->brand));
	if (rc == 0)
		rc = cs_buf_adds(out, "</manufacturer>\n<modelName>");
	if (rc == 0)
		rc = xml(out, d->model->name);
	if (rc == 0)
		rc = cs_buf_adds(out, "</modelName>\n<modelNumber>");
	if (rc == 0)
		rc = xml(out, d->model->name);
	if (rc == 0)
		rc = cs_buf_adds(out, "</modelNumber>\n<serialNumber>");
	if (rc == 0)
		rc = xml(out, d->serial);
	if (rc == 0)
		rc = cs_buf_printf(out,
				   "</serialNumber>\n<UDN>uuid:%s</UDN>\n"
				   "<presentationURL>http://",
				   d->uuid);
	if (rc == 0)
		rc = xml(out, adv_ip(d));
	if (rc == 0)
		rc = cs_buf_adds(out,
				 "/</presentationURL>\n</device>\n</root>\n");
	return rc;
}

/* --- mDNS / DNS-SD (§10; RFC 6762, RFC 6763) ---------------------------- */

/*
 * Reads the name at off of the message m into text (lower-case, dotted,
 * no final dot, NUL-terminated).  Follows at most DNS_HOPS_MAX pointers,
 * each strictly backwards.  Returns the offset after the name at its
 * original place, or 0 on error.
 */
static size_t
dns_name(struct cs_span m, size_t off, char *text, size_t tsz)
{
	uint8_t wire[CS_DNS_NAME_MAX];
	size_t t = 0;

	if (cs_dns_name_read(m.p, m.n, &off, DNS_HOPS_MAX, wire) != 0)
		return 0;
	for (size_t w = 0; wire[w] != 0; w += 1 + (size_t)wire[w]) {
		size_t len = wire[w];

		if (t + len + 2 > tsz)
			return 0;
		if (t > 0)
			text[t++] = '.';
		for (size_t i = 0; i < len; i++) {
			char c = (char)wire[w + 1 + i];
			text[t++] = (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c;
		}
	}
	text[t] = '\0';
	return off;
}

/* Appends the dotted name s (labels at most 63 bytes) in wire form. */
static int
put_name(struct cs_buf *o, const char *s)
{
	int rc = 0;

	while (*s && rc == 0) {
		const char *dot = strchr(s, '.');
		size_t n = dot ? (size_t)(dot - s) : strlen(s);
		uint8_t l = (uint8_t)CS_MIN(n, 63);

		rc = cs_buf_add(o, &l, 1);
		if (rc == 0)
			rc = cs_buf_add(o, s, l);
		s += n + (dot != NULL);
	}
	return rc == 0 ? cs_buf_add(o, "", 1) : rc;
}

/* Appends a record header: name, type, class IN (cache flush), TTL. */
static int
put_rr(struct cs_buf *o, const char *name, uint16_t type, bool flush,
       uint16_t rdlen)
{
	uint8_t f[10] = {(uint8_t)(type >> 8),
			 (uint8_t)type,
			 flush ? 0x80 : 0x00,
			 1,
			 0,
			 0,
			 0,
			 DNS_TTL,
			 (uint8_t)(rdlen >> 8),
			 (uint8_t)rdlen};
	int rc = put_name(o, name);

	return rc == 0 ? cs_buf_add(o, f, sizeof(f)) : rc;
}

/* Appends a record whose data is the name target. */
static int
put_name_rr(struct cs_buf *o, const char *name, uint16_t type, bool flush,
	    const char *target)
{
	struct cs_buf t;
	int rc;

	cs_buf_init(&t, 512);
	rc = put_name(&t, target);
	if (rc == 0)
		rc = put_rr(o, name, type, flush, (uint16_t)t.len);
	if (rc == 0)
		rc = cs_buf_add(o, t.p, t.len);
	cs_buf_free(&t);
	return rc;
}

struct mdns_ids {
	char inst[96];  /* "AXIS M3106-L Mk II - ACCC8E3C0419" */
	char host[96];  /* "axis-accc8e3c0419.local" */
	char svcs[256]; /* space-separated service types */
};

static void
mdns_ids(const struct cs_camsim_device *d, struct mdns_ids *ids)
{
	char def[96];
	size_t n;

	if (strcmp(var(d, "mdns_arecont", "0"), "1") == 0)
		/* Arecont: "<model>-AV<last 6 hex digits of the MAC>"
		 * (discovery-protocols.md §12). */
		snprintf(def, sizeof(def), "%s-AV%s", d->model->name,
			 d->mac_hexup + 6);
	else
		snprintf(def, sizeof(def), "%s %s - %s", d->prof->brand,
			 d->model->name, d->mac_hexup);
	cs_strlcpy(ids->inst, var(d, "mdns_instance", def), sizeof(ids->inst));
	for (char *p = ids->inst; *p; p++)
		if (*p == '.')
			*p = ' '; /* keep the instance one label */
	snprintf(ids->host, sizeof(ids->host), "%s-%s", d->prof->brand,
		 d->mac_hex);
	for (char *p = ids->host; *p; p++) {
		if (*p >= 'A' && *p <= 'Z')
			*p = (char)(*p + 32);
		else if (!((*p >= 'a' && *p <= 'z') ||
			   (*p >= '0' && *p <= '9') || *p == '-'))
			*p = '-';
	}
	n = strlen(ids->host);
	cs_strlcpy(ids->host + n, ".local", sizeof(ids->host) - n);
	cs_strlcpy(ids->svcs, var(d, "mdns_services", "_http._tcp"),
		   sizeof(ids->svcs));
}

/* Returns the offered service type (without .local) equal to q, or "". */
static bool
mdns_offers(const struct mdns_ids *ids, const char *q, char *svc, size_t sz)
{
	const char *s = ids->svcs;

	while (*s) {
		const char *e = strchr(s, ' ');
		size_t n = e ? (size_t)(e - s) : strlen(s);

		if (n > 0 && n + 6 == strlen(q) && strncmp(q, s, n) == 0 &&
		    strcmp(q + n, ".local") == 0) {
			snprintf(svc, sz, "%.*s.local", (int)n, s);
			return true;
		}
		s += n + (e != NULL);
	}
	return false;
}

/* Parses a dotted quad into 4 bytes; false if it is not one. */
static bool
ipv4_bytes(const char *s, uint8_t a[4])
{
	uint32_t v;

	if (cs_ipv4_parse(cs_span_make(s, strlen(s)), 0, &v) != 0)
		return false;
	for (int i = 0; i < 4; i++)
		a[i] = (uint8_t)(v >> (24 - 8 * i));
	return true;
}

/* Appends the SRV, TXT and A records of instance full (additional). */
static int
mdns_instance_rrs(struct cs_buf *o, const struct cs_camsim_device *d,
		  const struct mdns_ids *ids, const char *full, unsigned port,
		  int *count)
{
	struct cs_buf t;
	uint8_t srv[6] = {0, 0, 0, 0, (uint8_t)(port >> 8), (uint8_t)port};
	uint8_t a[4];
	char txt[3][80];
	int rc;

	cs_buf_init(&t, 512);
	rc = cs_buf_add(&t, srv, sizeof(srv));
	if (rc == 0)
		rc = put_name(&t, ids->host);
	if (rc == 0)
		rc = put_rr(o, full, 33, true, (uint16_t)t.len);
	if (rc == 0)
		rc = cs_buf_add(o, t.p, t.len);
	cs_buf_reset(&t);
	snprintf(txt[0], sizeof(txt[0]), "macaddress=%s", d->mac_hexup);
	snprintf(txt[1], sizeof(txt[1]), "model=%s", d->model->name);
	snprintf(txt[2], sizeof(txt[2]), "path=/");
	for (int i = 0; rc == 0 && i < 3; i++) {
		uint8_t l = (uint8_t)strlen(txt[i]);
		rc = cs_buf_add(&t, &l, 1);
		if (rc == 0)
			rc = cs_buf_add(&t, txt[i], l);
	}
	if (rc == 0)
		rc = put_rr(o, full, 16, true, (uint16_t)t.len);
	if (rc == 0)
		rc = cs_buf_add(o, t.p, t.len);
	cs_buf_free(&t);
	*count += 2;
	if (rc != 0 || !ipv4_bytes(adv_ip(d), a))
		return rc;
	rc = put_rr(o, ids->host, 1, true, 4);
	if (rc == 0)
		rc = cs_buf_add(o, a, 4);
	*count += 1;
	return rc;
}

static uint16_t
be16(const uint8_t *p)
{
	return (uint16_t)(p[0] << 8 | p[1]);
}

/*
 * Answers PTR (or ANY) questions for the offered service types, for
 * _services._dns-sd._udp.local, and A questions for the host name.  The
 * reply goes to the sender (unicast; RFC 6762 §6.7 for queriers that do
 * not use port 5353), echoing the query ID, without the questions.
 */
static int
mdns_answer(const struct cs_camsim_device *d, struct cs_span in,
	    struct cs_buf *o)
{
	static const char meta[] = "_services._dns-sd._udp.local";
	struct mdns_ids ids;
	struct cs_buf an, ad;
	uint16_t qd;
	size_t off = DNS_HDR;
	int nan = 0, nad = 0, rc = 0;
	bool did_inst = false, did_a = false, did_meta = false;
	uint8_t hdr[DNS_HDR] = {0};

	if (in.n < DNS_HDR || (in.p[2] & 0x80) || (in.p[2] & 0x78) != 0)
		return 0; /* a response, or not a standard query */
	qd = be16(in.p + 4);
	mdns_ids(d, &ids);
	cs_buf_init(&an, CS_CAMSIM_DISC_MAX);
	cs_buf_init(&ad, CS_CAMSIM_DISC_MAX);
	for (uint16_t i = 0; i < qd && i < DNS_QD_MAX && rc == 0; i++) {
		char q[DNS_NAME_MAX + 2], svc[300], full[400];
		uint16_t type, cls;

		if ((off = dns_name(in, off, q, sizeof(q))) == 0 ||
		    off + 4 > in.n)
			break;
		type = be16(in.p + off);
		cls = be16(in.p + off + 2) & 0x7fff;
		off += 4;
		if (cls != 1 && cls != 255)
			continue;
		if ((type == 12 || type == 255) && strcmp(q, meta) == 0 &&
		    !did_meta) {
			const char *s = ids.svcs;
			did_meta = true;
			while (*s && rc == 0) {
				const char *e = strchr(s, ' ');
				size_t n = e ? (size_t)(e - s) : strlen(s);
				snprintf(svc, sizeof(svc), "%.*s.local", (int)n,
					 s);
				if (n > 0) {
					rc = put_name_rr(&an, meta, 12, false,
							 svc);
					nan++;
				}
				s += n + (e != NULL);
			}
			continue;
		}
		if ((type == 12 || type == 255) &&
		    mdns_offers(&ids, q, svc, sizeof(svc))) {
			snprintf(full, sizeof(full), "%s.%s", ids.inst, svc);
			rc = put_name_rr(&an, svc, 12, false, full);
			nan++;
			if (rc == 0 && !did_inst) {
				did_inst = did_a = true;
				rc = mdns_instance_rrs(
				    &ad, d, &ids, full,
				    strstr(svc, "_rtsp.") ? 554 : http_port(d),
				    &nad);
			}
			continue;
		}
		if ((type == 1 || type == 255) && strcmp(q, ids.host) == 0 &&
		    !did_a) {
			uint8_t a[4];
			did_a = true;
			if (ipv4_bytes(adv_ip(d), a)) {
				rc = put_rr(&an, ids.host, 1, true, 4);
				if (rc == 0)
					rc = cs_buf_add(&an, a, 4);
				nan++;
			}
		}
	}
	if (rc == 0 && nan > 0) {
		memcpy(hdr, in.p, 2);
		hdr[2] = 0x84; /* QR, AA */
		hdr[7] = (uint8_t)nan;
		hdr[11] = (uint8_t)nad;
		rc = cs_buf_add(o, hdr, sizeof(hdr));
		if (rc == 0)
			rc = cs_buf_add(o, an.p, an.len);
		if (rc == 0)
			rc = cs_buf_add(o, ad.p, ad.len);
	}
	cs_buf_free(&an);
	cs_buf_free(&ad);
	return rc;
}

/* --- Xiongmai search (UDP 34569) ---------------------------------------- */

/*
 * Xiongmai search.  protocols.md §7 gives only the 20-byte 0xFF header and
 * the JSON payload ending "\n\0" of TCP 34567; the UDP port 34569, the
 * request ID 1530, the reply ID 1531 and the NetWork.NetCommon key set
 * with addresses as little-endian hex are ASSUMED (not in the facts sheet).
 */
static int
xm_answer(const struct cs_camsim_device *d, struct cs_span in, struct cs_buf *o)
{
	uint8_t hdr[XM_HDR] = {0xff, 0x01};
	uint8_t a[4] = {0};
	struct cs_buf j;
	uint16_t id;
	int rc;

	if (in.n < XM_HDR || in.p[0] != 0xff)
		return 0;
	id = (uint16_t)(in.p[14] | in.p[15] << 8);
	if (id != XM_SEARCH)
		return 0;
	ipv4_bytes(adv_ip(d), a);
	cs_buf_init(&j, CS_CAMSIM_DISC_MAX);
	rc = cs_buf_printf(
	    &j,
	    "{ \"NetWork.NetCommon\" : { \"GateWay\" : \"0x00000000\", "
	    "\"HostIP\" : \"0x%02X%02X%02X%02X\", ",
	    a[3], a[2], a[1], a[0]);
	if (rc == 0)
		rc = cs_buf_adds(&j, "\"HostName\" : ");
	if (rc == 0)
		rc = cs_esc_json(&j, d->model->name, strlen(d->model->name));
	if (rc == 0)
		rc = cs_buf_printf(&j,
				   ", \"HttpPort\" : %u, \"MAC\" : \"%s\", "
				   "\"MonMode\" : \"TCP\", \"SN\" : ",
				   http_port(d), d->mac);
	if (rc == 0)
		rc = cs_esc_json(&j, d->serial, strlen(d->serial));
	if (rc == 0)
		rc = cs_buf_adds(&j, ", \"SoftWareVersion\" : ");
	if (rc == 0)
		rc = cs_esc_json(&j, d->firmware, strlen(d->firmware));
	if (rc == 0)
		rc =
		    cs_buf_adds(&j, ", \"Submask\" : \"0x00FFFFFF\", "
				    "\"TCPMaxConn\" : 10, \"TCPPort\" : 34567, "
				    "\"UDPPort\" : 34568 }, \"Ret\" : 100, "
				    "\"SessionID\" : \"0x00000000\" }\n");
	if (rc == 0)
		rc = cs_buf_add(&j, "", 1); /* the trailing NUL */
	if (rc == 0) {
		hdr[14] = (uint8_t)((XM_SEARCH + 1) & 0xff);
		hdr[15] = (uint8_t)((XM_SEARCH + 1) >> 8);
		put_le32(hdr + 16, (uint32_t)j.len);
		rc = cs_buf_add(o, hdr, sizeof(hdr));
	}
	if (rc == 0)
		rc = cs_buf_add(o, j.p, j.len);
	cs_buf_free(&j);
	return rc;
}

static int
answer(const struct cs_camsim_device *d, enum cs_camsim_disc k,
       struct cs_span in, const struct cs_camsim_dyn *dyn, struct cs_buf *out)
{
	switch (k) {
	case CS_CAMSIM_DISC_WSD:
		return wsd_answer(d, in, dyn, out);
	case CS_CAMSIM_DISC_SADP:
		return sadp_answer(d, in, dyn, out);
	case CS_CAMSIM_DISC_DHIP:
		return dhip_answer(d, in, dyn, out);
	case CS_CAMSIM_DISC_SSDP:
		return ssdp_answer(d, in, dyn, out);
	case CS_CAMSIM_DISC_MDNS:
		return mdns_answer(d, in, out);
	case CS_CAMSIM_DISC_XM:
		return xm_answer(d, in, out);
	case CS_CAMSIM_DISC_COUNT:
		break;
	default:
		return cs_camsim_vdisc_answer(d, k, in, out);
	}
	return 0;
}

int
cs_camsim_disc_answer(const struct cs_camsim_device *d, enum cs_camsim_disc k,
		      struct cs_span in, const struct cs_camsim_dyn *dyn,
		      struct cs_buf *out)
{
	size_t start = out->len;
	long long cut;
	int rc;

	if (in.n > CS_CAMSIM_DISC_MAX || !(d->prof->discovery & (1u << k)))
		return 0;
	rc = answer(d, k, in, dyn, out);
	if (rc != 0 || out->len == start)
		return rc;
	/* A malformed or truncated device, as its profile asks. */
	if (strcmp(var(d, "disc_garble", "0"), "1") == 0)
		for (size_t i = start + 8; i < out->len; i++)
			out->p[i] ^= 0x5a;
	if (cs_str_tonum(var(d, "disc_cut", "0"), 1, CS_CAMSIM_DISC_MAX,
			 &cut) == 0 &&
	    (size_t)cut < out->len - start)
		out->len = start + (size_t)cut;
	return 0;
}
