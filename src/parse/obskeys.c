/* SPDX-License-Identifier: ISC */
/* The observation vocabulary; see obskeys.h and docs/fingerprints.md §1. */
#include "parse/obskeys.h"

#include <string.h>

#include "core/cs.h"
#include "core/str.h"
#include "core/poison.h"

#define T CS_SHAPE_TEXT
#define SB CS_SHAPE_STATUS_BODY
#define J CS_SHAPE_JSON
#define HV CS_SHAPE_HDRVAL

static const struct cs_obs_keydef keys[] = {
    {"tcp.open", "empty; one per open port", "engine", T},
    {"http.status", "status code", "decode http (http-root, http-page)",
     CS_SHAPE_STATUS},
    {"http.server", "Server header", "decode http and vendor API kinds", HV},
    {"http.www-authenticate", "whole WWW-Authenticate value", "decode http", T},
    {"http.realm", "realm parameter", "decode http and vendor API kinds",
     CS_SHAPE_REALM},
    {"http.title", "HTML title", "decode http", CS_SHAPE_TITLE},
    {"http.body", "first 4 KiB of a body",
     "decode http, axis-param (a listing of other groups)", T},
    {"http.location", "redirect target", "decode http", T},
    {"http.header", "one 'Name: value' header line", "decode http", T},
    {"rtsp.header", "one 'Name: value' RTSP header line", "decode rtsp", T},
    {"http.favicon-md5", "hex MD5 of /favicon.ico", "identify field kind",
     CS_SHAPE_HEX},
    {"hik.isapi", "status + body of /ISAPI/System/deviceInfo",
     "decode isapi (hik-isapi)", SB},
    {"isapi.model", "DeviceInfo model", "decode isapi", T},
    {"isapi.firmware", "DeviceInfo firmwareVersion", "decode isapi", T},
    {"isapi.device-type", "DeviceInfo deviceType", "decode isapi", T},
    {"isapi.manufacturer", "DeviceInfo manufacturer", "decode isapi", T},
    {"hik.sdk", "hex of the port-8000 greeting", "decode hik-sdk (hik-sdk)",
     CS_SHAPE_HEX},
    {"dahua.rpc2", "JSON body of /RPC2_Login", "decode dahua-rpc2", J},
    {"dahua.realm", "RPC2 login challenge realm", "decode dahua-rpc2", T},
    {"dahua.cgi", "status + body of magicBox.cgi",
     "decode dahua-cgi (dahua-magicbox)", SB},
    {"dahua.model", "magicBox/RPC2 device type (model)",
     "decode dahua-cgi, dahua-rpc2", T},
    {"dahua.firmware", "magicBox/RPC2 software version",
     "decode dahua-cgi, dahua-rpc2", T},
    {"dahua.device-class", "magicBox/RPC2 device class (IPC, NVR, VTO ...)",
     "decode dahua-cgi, dahua-rpc2", T},
    {"dahua.update-serial", "magicBox getSystemInfo updateSerial",
     "decode dahua-cgi", T},
    {"tplink.device-type", "Tapo/Kasa device_type (SMART.IPCAMERA ...)",
     "decode tplink", T},
    {"tplink.model", "Tapo/Kasa device_model", "decode tplink", T},
    {"tplink.firmware", "Tapo/Kasa firmware_version or sw_version",
     "decode tplink", T},
    {"tplink.manufacturer", "Tapo/Kasa manufacturer_name", "decode tplink", T},
    {"reolink.model", "Reolink GetDevInfo model", "decode reolink", T},
    {"reolink.firmware", "Reolink GetDevInfo firmVer", "decode reolink", T},
    {"reolink.build", "Reolink GetDevInfo buildDay", "decode reolink", T},
    {"reolink.device-type", "Reolink GetDevInfo exactType or type",
     "decode reolink", T},
    {"dahua.dvrip", "hex of the 37777 realm reply",
     "decode dvrip (dahua-dvrip)", CS_SHAPE_HEX},
    {"axis.basicdeviceinfo", "basicdeviceinfo JSON", "decode axis-bdi", J},
    {"axis.model", "basicdeviceinfo ProdNbr, param root.Brand.ProdNbr",
     "decode axis-bdi, axis-param, snmp-sysdescr", T},
    {"axis.device-type", "basicdeviceinfo ProdType, root.Brand.ProdType",
     "decode axis-bdi, axis-param, snmp-sysdescr", T},
    {"axis.firmware", "basicdeviceinfo Version, Properties.Firmware.Version",
     "decode axis-bdi, axis-param, snmp-sysdescr", T},
    {"axis.brand", "basicdeviceinfo Brand, root.Brand.Brand",
     "decode axis-bdi, axis-param, snmp-sysdescr", T},
    {"axis.product", "basicdeviceinfo ProdFullName, root.Brand.ProdFullName",
     "decode axis-bdi, axis-param", T},
    {"sunapi.deviceinfo", "status + body of SUNAPI deviceinfo view",
     "decode sunapi (hanwha-sunapi)", SB},
    {"sunapi.model", "SUNAPI Model", "decode sunapi", T},
    {"sunapi.device-type", "SUNAPI DeviceType", "decode sunapi", T},
    {"sunapi.firmware", "SUNAPI FirmwareVersion", "decode sunapi", T},
    {"lapi.deviceinfo", "status + body of LAPI System/DeviceInfo",
     "decode lapi (uniview-lapi)", SB},
    {"lapi.model", "LAPI DeviceModel", "decode lapi", T},
    {"lapi.device-type", "LAPI DeviceType", "decode lapi", T},
    {"lapi.firmware", "LAPI FirmwareVersion", "decode lapi", T},
    {"lapi.manufacturer", "LAPI Manufacturer", "decode lapi", T},
    {"xm.dvrip", "JSON payload on 34567", "decode dvrip (xm-dvrip)", J},
    {"dvrip.raw", "Xiongmai DVRIP JSON payload", "decode dvrip", J},
    {"xm.model", "DVRIP SystemInfo DeviceModel or HardWare", "decode dvrip", T},
    {"xm.firmware", "DVRIP SystemInfo SoftWareVersion", "decode dvrip", T},
    {"rtsp.server", "RTSP Server header", "decode rtsp (rtsp)", HV},
    {"rtsp.www-authenticate", "RTSP WWW-Authenticate", "decode rtsp", T},
    {"rtsp.realm", "RTSP realm parameter", "decode rtsp", CS_SHAPE_REALM},
    {"rtsp.public", "RTSP Public header", "decode rtsp", T},
    {"rtsp.content-base", "RTSP Content-Base (or Content-Location) URL",
     "decode rtsp", T},
    {"rtsp.sdp", "whole SDP body", "decode rtsp", T},
    {"rtsp.access",
     "stream access of an RTSP reply to a request without credentials: "
     "'200 open' (SDP answered), '401 auth <scheme>'",
     "decode rtsp", CS_SHAPE_STATUS_BODY},
    {"rtsp.sdp.session", "SDP s= value", "decode rtsp", T},
    {"onvif.ns", "namespace URIs of a SOAP reply", "decode onvif, wsd",
     CS_SHAPE_SCOPES},
    {"onvif.manufacturer", "GetDeviceInformation Manufacturer",
     "decode onvif (onvif-info)", T},
    {"onvif.model", "GetDeviceInformation Model", "decode onvif", T},
    {"onvif.firmware", "GetDeviceInformation FirmwareVersion", "decode onvif",
     T},
    {"onvif.serial", "GetDeviceInformation SerialNumber", "decode onvif", T},
    {"onvif.hardware", "GetDeviceInformation HardwareId", "decode onvif", T},
    {"onvif.scopes", "scope URIs", "decode onvif, wsd", CS_SHAPE_SCOPES},
    {"onvif.fault", "SOAP fault subcode", "decode onvif (onvif-time)", T},
    {"onvif.access",
     "'200 device information': the scan's GetDeviceInformation, sent "
     "without WS-Security credentials, was answered with the device's "
     "identity",
     "probe onvif-info", T},
    {"onvif.xaddr", "first XAddr of a GetCapabilities/GetServices reply",
     "decode onvif", T},
    {"wsd.scopes", "ProbeMatch/Hello scopes", "decode wsd", CS_SHAPE_SCOPES},
    {"wsd.types", "ProbeMatch/Hello types", "decode wsd", T},
    {"wsd.xaddrs", "ProbeMatch/Hello XAddrs", "decode wsd", CS_SHAPE_SCOPES},
    {"sadp.model", "SADP DeviceDescription", "decode sadp", T},
    {"sadp.firmware", "SADP SoftwareVersion", "decode sadp", T},
    {"sadp.type", "SADP DeviceType", "decode sadp", T},
    {"sadp.oem", "SADP OEMInfo / DetailOEMCode", "decode sadp", T},
    {"sadp.raw", "whole SADP XML", "decode sadp", T},
    {"sadp.activated", "SADP Activated ('true' or 'false', as sent)",
     "decode sadp", T},
    {"sadp.hc-platform", "SADP HCPlatformEnable (Hik-Connect on), as sent",
     "decode sadp", T},
    {"dhip.model", "DHIP DeviceType", "decode dhip", T},
    {"dhip.class", "DHIP DeviceClass", "decode dhip", T},
    {"dhip.vendor", "DHIP Vendor / Manufacturer", "decode dhip", T},
    {"dhip.firmware", "DHIP Version", "decode dhip", T},
    {"dhip.raw", "whole DHIP JSON", "decode dhip", J},
    {"dhip.header", "hex of a DHIP header that came without its JSON",
     "decode dhip", CS_SHAPE_HEX},
    {"dh5050.reply",
     "Dahua legacy search: one-line summary of a reply (kind, mac, addr, model "
     "...)",
     "decode dh5050", T},
    {"dh5050.message",
     "Dahua legacy search: an inquiry or other non-reply message (\"inquiry "
     "op=0x...\")",
     "decode dh5050", T},
    {"dh5050.model", "Dahua legacy search: model / device type",
     "decode dh5050", T},
    {"dh5050.name", "Dahua legacy search: device or host name", "decode dh5050",
     T},
    {"dh5050.serial", "Dahua legacy search: serial number or device identifier",
     "decode dh5050", T},
    {"dh5050.addr", "Dahua legacy search: the IPv4 address the reply names",
     "decode dh5050", T},
    {"bosch.reply",
     "Bosch discovery: one-line summary of a reply (kind, mac, addr, model "
     "...)",
     "decode bosch-disc", T},
    {"bosch.message",
     "Bosch discovery: an inquiry or other non-reply message (\"inquiry "
     "op=0x...\")",
     "decode bosch-disc", T},
    {"bosch.model", "Bosch discovery: model / device type", "decode bosch-disc",
     T},
    {"bosch.serial", "Bosch discovery: serial number or device identifier",
     "decode bosch-disc", T},
    {"bosch.addr", "Bosch discovery: the IPv4 address the reply names",
     "decode bosch-disc", T},
    {"hanwha.reply",
     "Hanwha/Samsung discovery: one-line summary of a reply (kind, mac, addr, "
     "model ...)",
     "decode hanwha-disc", T},
    {"hanwha.message",
     "Hanwha/Samsung discovery: an inquiry or other non-reply message "
     "(\"inquiry op=0x...\")",
     "decode hanwha-disc", T},
    {"hanwha.model", "Hanwha/Samsung discovery: model / device type",
     "decode hanwha-disc", T},
    {"hanwha.addr",
     "Hanwha/Samsung discovery: the IPv4 address the reply names",
     "decode hanwha-disc", T},
    {"panasonic.reply",
     "Panasonic/i-PRO Easy IP Setup: one-line summary of a reply (kind, mac, "
     "addr, model ...)",
     "decode panasonic-disc", T},
    {"panasonic.message",
     "Panasonic/i-PRO Easy IP Setup: an inquiry or other non-reply message "
     "(\"inquiry op=0x...\")",
     "decode panasonic-disc", T},
    {"panasonic.model", "Panasonic/i-PRO Easy IP Setup: model / device type",
     "decode panasonic-disc", T},
    {"panasonic.firmware", "Panasonic/i-PRO Easy IP Setup: firmware version",
     "decode panasonic-disc", T},
    {"panasonic.name", "Panasonic/i-PRO Easy IP Setup: device or host name",
     "decode panasonic-disc", T},
    {"panasonic.serial",
     "Panasonic/i-PRO Easy IP Setup: serial number or device identifier",
     "decode panasonic-disc", T},
    {"panasonic.class",
     "Panasonic/i-PRO Easy IP Setup: device class or product code",
     "decode panasonic-disc", T},
    {"panasonic.addr",
     "Panasonic/i-PRO Easy IP Setup: the IPv4 address the reply names",
     "decode panasonic-disc", T},
    {"sony.reply",
     "Sony network setup: one-line summary of a reply (kind, mac, addr, model "
     "...)",
     "decode sony-disc, sony-snc-disc", T},
    {"sony.message",
     "Sony network setup: an inquiry or other non-reply message (\"inquiry "
     "op=0x...\")",
     "decode sony-disc, sony-snc-disc", T},
    {"sony.model", "Sony network setup: model / device type",
     "decode sony-disc, sony-snc-disc", T},
    {"sony.firmware", "Sony network setup: firmware version",
     "decode sony-disc, sony-snc-disc", T},
    {"sony.name", "Sony network setup: device or host name",
     "decode sony-disc, sony-snc-disc", T},
    {"sony.serial", "Sony network setup: serial number or device identifier",
     "decode sony-disc, sony-snc-disc", T},
    {"sony.addr", "Sony network setup: the IPv4 address the reply names",
     "decode sony-disc, sony-snc-disc", T},
    {"vivotek.reply",
     "Vivotek discovery: one-line summary of a reply (kind, mac, addr, model "
     "...)",
     "decode vivotek-disc", T},
    {"vivotek.message",
     "Vivotek discovery: an inquiry or other non-reply message (\"inquiry "
     "op=0x...\")",
     "decode vivotek-disc", T},
    {"vivotek.model", "Vivotek discovery: model / device type",
     "decode vivotek-disc", T},
    {"vivotek.name", "Vivotek discovery: device or host name",
     "decode vivotek-disc", T},
    {"vivotek.addr", "Vivotek discovery: the IPv4 address the reply names",
     "decode vivotek-disc", T},
    {"foscam.reply",
     "Foscam MO_I search: one-line summary of a reply (kind, mac, addr, model "
     "...)",
     "decode foscam-disc", T},
    {"foscam.message",
     "Foscam MO_I search: an inquiry or other non-reply message (\"inquiry "
     "op=0x...\")",
     "decode foscam-disc", T},
    {"foscam.firmware", "Foscam MO_I search: firmware version",
     "decode foscam-disc", T},
    {"foscam.name", "Foscam MO_I search: device or host name",
     "decode foscam-disc", T},
    {"foscam.serial", "Foscam MO_I search: serial number or device identifier",
     "decode foscam-disc", T},
    {"foscam.addr", "Foscam MO_I search: the IPv4 address the reply names",
     "decode foscam-disc", T},
    {"vstarcam.reply",
     "Vstarcam search: one-line summary of a reply (kind, mac, addr, model "
     "...)",
     "decode vstarcam-disc", T},
    {"vstarcam.message",
     "Vstarcam search: an inquiry or other non-reply message (\"inquiry "
     "op=0x...\")",
     "decode vstarcam-disc", T},
    {"vstarcam.model", "Vstarcam search: model / device type",
     "decode vstarcam-disc", T},
    {"vstarcam.firmware", "Vstarcam search: firmware version",
     "decode vstarcam-disc", T},
    {"vstarcam.serial", "Vstarcam search: serial number or device identifier",
     "decode vstarcam-disc", T},
    {"vstarcam.addr", "Vstarcam search: the IPv4 address the reply names",
     "decode vstarcam-disc", T},
    {"ubnt.reply",
     "Ubiquiti discovery: one-line summary of a reply (kind, mac, addr, model "
     "...)",
     "decode ubnt-disc", T},
    {"ubnt.message",
     "Ubiquiti discovery: an inquiry or other non-reply message (\"inquiry "
     "op=0x...\")",
     "decode ubnt-disc", T},
    {"ubnt.model", "Ubiquiti discovery: model / device type",
     "decode ubnt-disc", T},
    {"ubnt.firmware", "Ubiquiti discovery: firmware version",
     "decode ubnt-disc", T},
    {"ubnt.name", "Ubiquiti discovery: device or host name", "decode ubnt-disc",
     T},
    {"ubnt.class", "Ubiquiti discovery: device class or product code",
     "decode ubnt-disc", T},
    {"ubnt.addr", "Ubiquiti discovery: the IPv4 address the reply names",
     "decode ubnt-disc", T},
    {"gvcp.reply",
     "GigE Vision DISCOVERY_ACK: one-line summary of a reply (kind, mac, addr, "
     "model ...)",
     "decode gvcp", T},
    {"gvcp.message",
     "GigE Vision DISCOVERY_ACK: an inquiry or other non-reply message "
     "(\"inquiry op=0x...\")",
     "decode gvcp", T},
    {"gvcp.manufacturer", "GigE Vision DISCOVERY_ACK: manufacturer name",
     "decode gvcp", T},
    {"gvcp.model", "GigE Vision DISCOVERY_ACK: model / device type",
     "decode gvcp", T},
    {"gvcp.firmware", "GigE Vision DISCOVERY_ACK: firmware version",
     "decode gvcp", T},
    {"gvcp.name", "GigE Vision DISCOVERY_ACK: device or host name",
     "decode gvcp", T},
    {"gvcp.serial",
     "GigE Vision DISCOVERY_ACK: serial number or device identifier",
     "decode gvcp", T},
    {"gvcp.class", "GigE Vision DISCOVERY_ACK: device class or product code",
     "decode gvcp", T},
    {"gvcp.addr", "GigE Vision DISCOVERY_ACK: the IPv4 address the reply names",
     "decode gvcp", T},
    {"v360.reply",
     "360 Vision discovery: one-line summary of a reply (kind, mac, addr, "
     "model ...)",
     "decode v360-disc", T},
    {"v360.message",
     "360 Vision discovery: an inquiry or other non-reply message (\"inquiry "
     "op=0x...\")",
     "decode v360-disc", T},
    {"v360.model", "360 Vision discovery: model / device type",
     "decode v360-disc", T},
    {"v360.serial", "360 Vision discovery: serial number or device identifier",
     "decode v360-disc", T},
    {"nice.reply",
     "NICE Vision discovery: one-line summary of a reply (kind, mac, addr, "
     "model ...)",
     "decode nice-disc", T},
    {"nice.message",
     "NICE Vision discovery: an inquiry or other non-reply message (\"inquiry "
     "op=0x...\")",
     "decode nice-disc", T},
    {"nice.model", "NICE Vision discovery: model / device type",
     "decode nice-disc", T},
    {"nice.firmware", "NICE Vision discovery: firmware version",
     "decode nice-disc", T},
    {"nice.addr", "NICE Vision discovery: the IPv4 address the reply names",
     "decode nice-disc", T},
    {"ssdp.server", "SSDP SERVER", "decode ssdp", HV},
    {"ssdp.st", "SSDP ST or NT", "decode ssdp", T},
    {"ssdp.usn", "SSDP USN", "decode ssdp", T},
    {"ssdp.location", "SSDP LOCATION", "decode ssdp", T},
    {"upnp.manufacturer", "UPnP manufacturer", "decode upnp", T},
    {"upnp.model", "UPnP modelName", "decode upnp", T},
    {"upnp.model-number", "UPnP modelNumber", "decode upnp", T},
    {"upnp.friendly-name", "UPnP friendlyName", "decode upnp", T},
    {"upnp.manufacturer-url", "UPnP manufacturerURL", "decode upnp", T},
    {"upnp.model-description", "UPnP modelDescription", "decode upnp", T},
    {"upnp.serial", "UPnP serialNumber", "decode upnp", T},
    {"upnp.device-type", "UPnP deviceType", "decode upnp", T},
    {"upnp.raw", "UPnP description XML as fetched", "engine discovery", T},
    {"mdns.service", "DNS-SD service type", "decode mdns", CS_SHAPE_DNSSD},
    {"mdns.instance", "DNS-SD instance name", "decode mdns", T},
    {"mdns.txt", "one TXT key=value", "decode mdns", T},
    {"mdns.hostname", "host name", "decode mdns", T},
    {"arecont.model", "model part of an Arecont _arec._tcp instance",
     "decode mdns", T},
    {"tls.subject", "certificate subject", "decode tls-cert", CS_SHAPE_DN},
    {"tls.issuer", "certificate issuer", "decode tls-cert", CS_SHAPE_DN},
    {"tls.not-before", "certificate validity start, YYYY-MM-DD",
     "decode tls-cert", T},
    {"tls.not-after", "certificate validity end, YYYY-MM-DD", "decode tls-cert",
     T},
    {"tls.key", "certificate public key: algorithm and bits ('rsa 1024')",
     "decode tls-cert", T},
    {"tls.self-issued", "'yes': the certificate's issuer is its subject",
     "decode tls-cert", T},
    {"tls.timeout", "TLS handshake that did not finish in the read timeout",
     "engine", T},
    {"sip.server", "SIP Server or User-Agent", "decode sip", HV},
    {"gb.manufacturer", "GB/T 28181 MANSCDP Manufacturer", "decode sip", T},
    {"gb.model", "GB/T 28181 MANSCDP Model", "decode sip", T},
    {"gb.firmware", "GB/T 28181 MANSCDP Firmware", "decode sip", T},
    {"gb.device-type", "GB/T 28181 MANSCDP DeviceType", "decode sip", T},
    {"gb.device-id", "GB/T 28181 20-digit device code (From user, DeviceID)",
     "decode sip", T},
    {"snmp.sysdescr", "SNMP sysDescr", "decode snmp-sysdescr", T},
    {"snmp.sysobjectid",
     "SNMP sysObjectID in dotted decimal (1.3.6.1.4.1.<PEN>...)",
     "decode snmp-sysobjectid", T},
    {"dhcp.vendor", "DHCP option 60", "decode dhcp-vendor-class, passive", T},
    {"dhcp.hostname", "DHCP option 12", "passive", T},
    {"dhcp.prl", "DHCP parameter request list", "passive", T},
    {"dhcp6.oro", "DHCPv6 option request list (option codes)", "passive", T},
    {"phonehome.maker",
     "maker whose cloud, P2P or update endpoint the device called, with the "
     "endpoint list's confidence (\"MAKER; confidence=high\")",
     "passive", T},
    {"banner", "first line(s) a service sent unprompted",
     "decode banner (banner)", T},
    {"banner.service", "the service name given with a banner", "decode banner",
     T},
    {"mac", "aa:bb:cc:dd:ee:ff, or a registry prefix (90:02:a9:1)",
     "decode mac, sadp, dhip, realms, vendor API mac fields", CS_SHAPE_MAC},
    {"mac.maker", "maker of the MAC's registry block", "decode (OUI)", T},
    {"mac.registrant", "registrant of the MAC's block", "decode (OUI)", T},
    {"learned.addr", "an address a discovery reply named", "engine discovery",
     T},
    {"disc.module", "discovery module that heard the host", "engine discovery",
     T},
    {"disc.oversize", "a discovery datagram over the cap", "engine discovery",
     T},
    {"nvr.auth", "credentialed NVR login outcome",
     "hik-channels, dahua-channels", T},
    {"nvr.channel", "one NVR channel (JSON)", "hik-channels, dahua-channels",
     J},
    {"nvr.channels", "NVR channel summary", "hik-channels, dahua-channels", T},
    {"nvr.listing", "NVR channel listing outcome",
     "hik-channels, dahua-channels", T},
    {"seen.passive", "host seen by passive listening", "passive", T},
    {"phonehome", "a phone-home destination seen", "passive", T},
};

const struct cs_obs_keydef *
cs_obs_keys(size_t *n)
{
	*n = CS_NELEM(keys);
	return keys;
}

const struct cs_obs_keydef *
cs_obs_key_find(const char *key)
{
	static const struct cs_obs_keydef malformed = {
	    "*.malformed", "a reply that did not parse, raw",
	    "every decoder and probe", CS_SHAPE_TEXT};
	size_t n = strlen(key);

	for (size_t i = 0; i < CS_NELEM(keys); i++)
		if (strcmp(keys[i].key, key) == 0)
			return &keys[i];
	if (n > 10 && strcmp(key + n - 10, ".malformed") == 0)
		return &malformed;
	return NULL;
}

static bool
is_hex(uint8_t c)
{
	return cs_hexval(c) >= 0;
}

bool
cs_obs_shape_ok(enum cs_obs_shape shape, const uint8_t *p, size_t n)
{
	struct cs_span s = cs_span_trim(cs_span_make(p, n));
	size_t i = 0;

	switch (shape) {
	case CS_SHAPE_TEXT:
		return true;
	case CS_SHAPE_STATUS:
		return s.n == 3 && s.p[0] >= '1' && s.p[0] <= '5' &&
		       s.p[1] >= '0' && s.p[1] <= '9' && s.p[2] >= '0' &&
		       s.p[2] <= '9';
	case CS_SHAPE_STATUS_BODY:
		return s.n >= 4 && cs_obs_shape_ok(CS_SHAPE_STATUS, s.p, 3) &&
		       (s.p[3] == ' ');
	case CS_SHAPE_HEX:
		for (i = 0; i < s.n; i++)
			if (!is_hex(s.p[i]))
				return false;
		return s.n > 0;
	case CS_SHAPE_MAC: {
		uint8_t sep = 0;
		size_t k = 0;

		for (i = 0; i < s.n; i++) {
			if (is_hex(s.p[i]))
				k++;
			else if (sep == 0 || s.p[i] == sep)
				sep = s.p[i];
			else
				return false;
		}
		return k == 12 || (k > 0 && k < 12 && s.n == i); /* prefix */
	}
	case CS_SHAPE_DN:
		return memchr(s.p, '=', s.n) != NULL;
	case CS_SHAPE_JSON:
		/* Framing or stray bytes may precede it (decoders salvage
		 * from the first '{'), and a fragment ("Key":"v") is a
		 * JSON text as the salvage scanner reads it. */
		return memchr(s.p, '{', s.n) != NULL ||
		       memchr(s.p, '[', s.n) != NULL ||
		       memchr(s.p, ':', s.n) != NULL;
	case CS_SHAPE_HDRVAL:
		/* Not the whole header line ("Server: x"). */
		return !cs_span_istarts(s, "server:") &&
		       !cs_span_istarts(s, "user-agent:");
	case CS_SHAPE_REALM:
		return cs_span_find(s, "realm=", 6, true) < 0 &&
		       !cs_span_istarts(s, "digest ") &&
		       !cs_span_istarts(s, "basic ");
	case CS_SHAPE_TITLE:
		return cs_span_find(s, "<title", 6, true) < 0;
	case CS_SHAPE_DNSSD:
		return s.n > 1 && s.p[0] == '_';
	case CS_SHAPE_SCOPES:
		/* Every space-separated token is a URI ("scheme:..."). */
		while (i < s.n) {
			size_t b = i, colon = 0;

			while (i < s.n && s.p[i] != ' ' && s.p[i] != '\t' &&
			       s.p[i] != '\n' && s.p[i] != '\r') {
				if (s.p[i] == ':' && colon == 0)
					colon = i;
				i++;
			}
			if (i > b && (colon == 0 || colon == b))
				return false;
			while (i < s.n && (s.p[i] == ' ' || s.p[i] == '\t' ||
					   s.p[i] == '\n' || s.p[i] == '\r'))
				i++;
		}
		return s.n > 0;
	}
	return false;
}

const char *
cs_obs_shape_name(enum cs_obs_shape shape)
{
	switch (shape) {
	case CS_SHAPE_TEXT:
		return "text";
	case CS_SHAPE_STATUS_BODY:
		return "a \"<status> <body>\" value";
	case CS_SHAPE_STATUS:
		return "a status code";
	case CS_SHAPE_HEX:
		return "a hex string";
	case CS_SHAPE_SCOPES:
		return "space-separated URIs";
	case CS_SHAPE_DN:
		return "a distinguished name (CN=...)";
	case CS_SHAPE_MAC:
		return "a MAC address";
	case CS_SHAPE_JSON:
		return "a JSON text or fragment";
	case CS_SHAPE_HDRVAL:
		return "a header value without its name";
	case CS_SHAPE_REALM:
		return "a bare realm";
	case CS_SHAPE_TITLE:
		return "a title without its tag";
	case CS_SHAPE_DNSSD:
		return "a DNS-SD service type (_name._tcp...)";
	}
	return "?";
}
