/* SPDX-License-Identifier: ISC */
/* Tests of the SOAP and generic XML parsers (expat, locked down). */
#include <setjmp.h>
#include <stdbool.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "parse/parse_soap.h"
#include "core/poison.h"

#define L(s) (const uint8_t *)(s), sizeof(s) - 1

#define ENV12 "http://www.w3.org/2003/05/soap-envelope"

static const char get_time[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<SOAP-ENV:Envelope xmlns:SOAP-ENV=\"" ENV12 "\" "
    "xmlns:tt=\"http://www.onvif.org/ver10/schema\" "
    "xmlns:tds=\"http://www.onvif.org/ver10/device/wsdl\" "
    "xmlns:aa=\"http://www.axis.com/vapix/ws/action1\">"
    "<SOAP-ENV:Header></SOAP-ENV:Header><SOAP-ENV:Body>"
    "<tds:GetSystemDateAndTimeResponse><tds:SystemDateAndTime>"
    "<tt:DateTimeType>NTP</tt:DateTimeType>"
    "<tt:DaylightSavings>false</tt:DaylightSavings>"
    "<tt:TimeZone><tt:TZ>CET-1</tt:TZ></tt:TimeZone>"
    "<tt:UTCDateTime><tt:Time><tt:Hour>13</tt:Hour><tt:Minute>5</tt:Minute>"
    "<tt:Second>\n 9 </tt:Second></tt:Time><tt:Date><tt:Year>2024</tt:Year>"
    "<tt:Month>2</tt:Month><tt:Day>29</tt:Day></tt:Date></tt:UTCDateTime>"
    "<tt:LocalDateTime><tt:Time><tt:Hour>14</tt:Hour><tt:Minute>5</tt:Minute>"
    "<tt:Second>9</tt:Second></tt:Time><tt:Date><tt:Year>2024</tt:Year>"
    "<tt:Month>2</tt:Month><tt:Day>29</tt:Day></tt:Date></tt:LocalDateTime>"
    "</tds:SystemDateAndTime></tds:GetSystemDateAndTimeResponse>"
    "</SOAP-ENV:Body></SOAP-ENV:Envelope>\n";

static const char dev_info[] =
    "<?xml version=\"1.0\" encoding=\"utf-8\" standalone=\"yes\" ?>"
    "<s:Envelope xmlns:sc=\"http://www.w3.org/2003/05/soap-encoding\" "
    "xmlns:s=\"" ENV12 "\" "
    "xmlns:tt=\"http://www.onvif.org/ver10/schema\" "
    "xmlns:tds=\"http://www.onvif.org/ver10/device/wsdl\">"
    "<s:Header/><s:Body><tds:GetDeviceInformationResponse>"
    "<tds:Manufacturer>Dahua</tds:Manufacturer>"
    "<tds:Model>IPC-HDW1431T1-S4</tds:Model>"
    "<tds:FirmwareVersion>2.800.0000000.13.R, Build Date 2021-03-23"
    "</tds:FirmwareVersion><tds:SerialNumber>7J0000000000000</tds:SerialNumber>"
    "<tds:HardwareId>1.00</tds:HardwareId>"
    "</tds:GetDeviceInformationResponse></s:Body></s:Envelope>";

static const char fault12[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
    "<env:Envelope xmlns:env=\"" ENV12 "\" "
    "xmlns:ter=\"http://www.onvif.org/ver10/error\">"
    "<env:Body><env:Fault><env:Code><env:Value>env:Sender</env:Value>"
    "<env:Subcode><env:Value>ter:NotAuthorized</env:Value></env:Subcode>"
    "</env:Code><env:Reason><env:Text xml:lang=\"en\">Sender not "
    "Authorized</env:Text></env:Reason></env:Fault></env:Body>"
    "</env:Envelope>";

static const char fault11[] =
    "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\">"
    "<soap:Body><soap:Fault><faultcode>soap:Client</faultcode>"
    "<faultstring>Not Authorized</faultstring></soap:Fault></soap:Body>"
    "</soap:Envelope>";

static const char probe_match[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
    "<env:Envelope xmlns:env=\"" ENV12 "\" "
    "xmlns:wsadis=\"http://schemas.xmlsoap.org/ws/2005/04/discovery\" "
    "xmlns:wsa=\"http://schemas.xmlsoap.org/ws/2004/08/addressing\" "
    "xmlns:dn=\"http://www.onvif.org/ver10/network/wsdl\">"
    "<env:Header><wsa:MessageID>urn:uuid:1</wsa:MessageID>"
    "<wsa:Action>http://schemas.xmlsoap.org/ws/2005/04/discovery/ProbeMatches"
    "</wsa:Action></env:Header><env:Body><wsadis:ProbeMatches>"
    "<wsadis:ProbeMatch><wsa:EndpointReference><wsa:Address>urn:uuid:2"
    "</wsa:Address></wsa:EndpointReference>"
    "<wsadis:Types xmlns:tds=\"http://www.onvif.org/ver10/device/wsdl\">"
    "dn:NetworkVideoTransmitter tds:Device</wsadis:Types>"
    "<wsadis:Scopes>onvif://www.onvif.org/type/video_encoder "
    "onvif://www.onvif.org/hardware/DS-2CD2385G1-I "
    "onvif://www.onvif.org/name/HIKVISION%20DS-2CD2385G1-I</wsadis:Scopes>"
    "<wsadis:Scopes>  onvif://www.onvif.org/location/city/hangzhou \n"
    "</wsadis:Scopes><wsadis:Scopes> </wsadis:Scopes>"
    "<wsadis:XAddrs>http://127.0.0.1/onvif/device_service</wsadis:XAddrs>"
    "<wsadis:MetadataVersion>10</wsadis:MetadataVersion>"
    "</wsadis:ProbeMatch></wsadis:ProbeMatches></env:Body></env:Envelope>";

static void
test_get_time(void **state)
{
	struct cs_soap s;

	(void)state;
	assert_int_equal(cs_soap_parse(L(get_time), &s), 0);
	assert_string_equal(s.body_op, "GetSystemDateAndTimeResponse");
	assert_false(s.fault);
	assert_int_equal(s.utc_year, 2024);
	assert_int_equal(s.utc_month, 2);
	assert_int_equal(s.utc_day, 29);
	assert_int_equal(s.utc_hour, 13);
	assert_int_equal(s.utc_minute, 5);
	assert_int_equal(s.utc_second, 9);
	assert_int_equal(s.nns, 4);
	assert_string_equal(s.ns[0], ENV12);
	assert_string_equal(s.ns[3], "http://www.axis.com/vapix/ws/action1");
	assert_string_equal(s.manufacturer, "");
}

static void
test_dev_info(void **state)
{
	struct cs_soap s;

	(void)state;
	assert_int_equal(cs_soap_parse(L(dev_info), &s), 0);
	assert_string_equal(s.body_op, "GetDeviceInformationResponse");
	assert_string_equal(s.manufacturer, "Dahua");
	assert_string_equal(s.model, "IPC-HDW1431T1-S4");
	assert_string_equal(s.firmware,
			    "2.800.0000000.13.R, Build Date 2021-03-23");
	assert_string_equal(s.serial, "7J0000000000000");
	assert_string_equal(s.hardware_id, "1.00");
	assert_int_equal(s.utc_year, -1);
	assert_int_equal(s.utc_second, -1);
	assert_string_equal(s.ns[0], "http://www.w3.org/2003/05/soap-encoding");
}

static void
test_faults(void **state)
{
	struct cs_soap s;

	(void)state;
	assert_int_equal(cs_soap_parse(L(fault12), &s), 0);
	assert_true(s.fault);
	assert_string_equal(s.body_op, "Fault");
	assert_string_equal(s.fault_code, "env:Sender");
	assert_string_equal(s.fault_subcode, "ter:NotAuthorized");
	assert_string_equal(s.fault_reason, "Sender not Authorized");
	assert_int_equal(cs_soap_parse(L(fault11), &s), 0);
	assert_true(s.fault);
	assert_string_equal(s.fault_code, "soap:Client");
	assert_string_equal(s.fault_reason, "Not Authorized");
	assert_string_equal(s.fault_subcode, "");
}

static void
test_probe_match(void **state)
{
	struct cs_soap s;

	(void)state;
	assert_int_equal(cs_soap_parse(L(probe_match), &s), 0);
	assert_string_equal(s.body_op, "ProbeMatches");
	assert_string_equal(s.types, "dn:NetworkVideoTransmitter tds:Device");
	assert_string_equal(
	    s.scopes, "onvif://www.onvif.org/type/video_encoder "
		      "onvif://www.onvif.org/hardware/DS-2CD2385G1-I "
		      "onvif://www.onvif.org/name/HIKVISION%20DS-2CD2385G1-I "
		      "onvif://www.onvif.org/location/city/hangzhou");
	assert_string_equal(s.xaddrs, "http://127.0.0.1/onvif/device_service");
	assert_int_equal(s.nns, 5);
	assert_string_equal(s.ns[4], "http://www.onvif.org/ver10/device/wsdl");
}

struct bad_case {
	const char *name;
	const uint8_t *p;
	size_t n;
	int rc;
};

static const struct bad_case bad_cases[] = {
    {"empty", (const uint8_t *)"", 0, CS_EPROTO},
    {"one byte", L("<"), CS_EPROTO},
    {"not xml", L("HTTP/1.1 200 OK\r\n"), CS_EPROTO},
    {"unclosed", L("<a><b></b>"), CS_EPROTO},
    {"mismatched", L("<a></b>"), CS_EPROTO},
    {"undeclared prefix", L("<x:a/>"), CS_EPROTO},
    {"plain doctype", L("<!DOCTYPE a><a/>"), CS_EPROTO},
    {"billion laughs",
     L("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">"
       "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
       "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">]>"
       "<lolz>&lol3;</lolz>"),
     CS_EPROTO},
    {"external entity",
     L("<!DOCTYPE a [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><a>&x;</a>"),
     CS_EPROTO},
    {"parameter entity",
     L("<!DOCTYPE a [<!ENTITY % p SYSTEM \"http://127.0.0.1/x\"> %p;]><a/>"),
     CS_EPROTO},
    {"undefined entity", L("<a>&x;</a>"), CS_EPROTO},
    {"embedded NUL", L("<a>x\0y</a>"), CS_EPROTO},
    {"overlong utf-8 slash", L("<a>\xc0\xaf</a>"), CS_EPROTO},
    {"overlong utf-8 3-byte", L("<a>\xe0\x80\xaf</a>"), CS_EPROTO},
    {"unknown encoding", L("<?xml version=\"1.0\" encoding=\"x-bogus\"?><a/>"),
     CS_EPROTO},
    {"two roots", L("<a/><b/>"), CS_EPROTO},
};

static void
test_bad(void **state)
{
	(void)state;
	for (size_t i = 0; i < CS_NELEM(bad_cases); i++) {
		struct cs_soap s;
		char out[1][128];
		const char *names[] = {"a"};

		print_message("# %s\n", bad_cases[i].name);
		assert_int_equal(
		    cs_soap_parse(bad_cases[i].p, bad_cases[i].n, &s),
		    bad_cases[i].rc);
		assert_int_equal(cs_xml_find_text(bad_cases[i].p,
						  bad_cases[i].n, names, 1, out,
						  NULL),
				 bad_cases[i].rc);
	}
}

static void
test_odd_but_fine(void **state)
{
	struct cs_soap s;

	(void)state;
	/* CR without LF is plain whitespace in XML. */
	assert_int_equal(cs_soap_parse(L("<a>\r<Model>\rM1\r</Model></a>"), &s),
			 0);
	assert_string_equal(s.model, "M1");
	/* Valid UTF-8 passes through; ISO-8859-1 is converted. */
	assert_int_equal(cs_soap_parse(L("<Model>caf\xc3\xa9</Model>"), &s), 0);
	assert_string_equal(s.model, "caf\xc3\xa9");
	assert_int_equal(
	    cs_soap_parse(L("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>"
			    "<Model>caf\xe9</Model>"),
			  &s),
	    0);
	assert_string_equal(s.model, "caf\xc3\xa9");
	/* Character references and CDATA. */
	assert_int_equal(
	    cs_soap_parse(L("<Model>A&amp;B&#x41;<![CDATA[<x>]]></Model>"), &s),
	    0);
	assert_string_equal(s.model, "A&BA<x>");
	/* Out-of-range date fields stay -1. */
	assert_int_equal(
	    cs_soap_parse(L("<UTCDateTime><Date><Year>99999</Year><Month>13"
			    "</Month><Day>x</Day></Date><Time><Hour>-1</Hour>"
			    "<Minute>60</Minute><Second>60</Second></Time>"
			    "</UTCDateTime>"),
			  &s),
	    0);
	assert_int_equal(s.utc_year, -1);
	assert_int_equal(s.utc_month, -1);
	assert_int_equal(s.utc_day, -1);
	assert_int_equal(s.utc_hour, -1);
	assert_int_equal(s.utc_minute, -1);
	assert_int_equal(s.utc_second, 60);
}

/*
 * Salvage (issue #11 §3): input the strict pass refuses still gives the
 * fields that were complete, flagged salvaged; text of an element cut
 * open is dropped; DOCTYPEs and inputs with nothing readable are not
 * salvaged.
 */
struct salvage_case {
	const char *name, *doc;
	int rc;
	const char *manufacturer, *model, *firmware, *scopes, *body_op;
	size_t nns;
};

static const struct salvage_case salvage_cases[] = {
    {"cut inside FirmwareVersion",
     "<?xml version=\"1.0\"?><s:Envelope xmlns:s=\"" ENV12 "\" "
     "xmlns:tds=\"http://www.onvif.org/ver10/device/wsdl\"><s:Body>"
     "<tds:GetDeviceInformationResponse><tds:Manufacturer>Dahua"
     "</tds:Manufacturer><tds:Model>IPC-HDW1431T1-S4</tds:Model>"
     "<tds:FirmwareVersion>2.800.00",
     0, "Dahua", "IPC-HDW1431T1-S4", "", "", "GetDeviceInformationResponse", 2},
    {"Body without Envelope, undeclared prefixes",
     "<s:Body><tds:GetDeviceInformationResponse><tds:Manufacturer>"
     "HIKVISION</tds:Manufacturer><tds:Model>DS-2CD2385G1-I</tds:Model>"
     "</tds:GetDeviceInformationResponse></s:Body>",
     0, "HIKVISION", "DS-2CD2385G1-I", "", "", "GetDeviceInformationResponse",
     0},
    {"bare sibling elements",
     "<tds:Manufacturer>Axis</tds:Manufacturer><tds:Model>M3045-V"
     "</tds:Model><tds:FirmwareVersion>10.12.114</tds:FirmwareVersion>",
     0, "Axis", "M3045-V", "10.12.114", "", "", 0},
    {"stray bytes around",
     "\x01\x02log: <Model>DS-7608NI-K2</Model> ]]> trailing", 0, "",
     "DS-7608NI-K2", "", "", "", 0},
    {"scopes cut inside the element",
     "<d:ProbeMatch xmlns:d=\"http://schemas.xmlsoap.org/ws/2005/04/"
     "discovery\"><d:Scopes>onvif://www.onvif.org/name/HIKVISION</d:Scopes>"
     "<d:Scopes>onvif://www.onvif.org/hardware/DS-2CD",
     0, "", "", "", "onvif://www.onvif.org/name/HIKVISION", "", 1},
    {"XML declaration then a cut",
     "<?xml version=\"1.0\"?><Model>X1</Model><Fi", 0, "", "X1", "", "", "", 0},
    {"nothing complete", "<Model>DS-2CD", CS_EPROTO, "", "", "", "", "", 0},
    {"no markup at all", "Model: DS-2CD2385G1-I", CS_EPROTO, "", "", "", "", "",
     0},
    {"doctype never salvaged",
     "<!DOCTYPE a [<!ENTITY e \"x\">]><Model>&e;</Model><Model>M</Model>",
     CS_EPROTO, "", "", "", "", "", 0},
    {"an HTML page: its XHTML namespace alone is nothing",
     "<!-- x --><html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title>"
     "Login</title><br></head></html>",
     CS_EPROTO, "", "", "", "", "", 0},
    {"a cut SOAP reply keeps its namespaces",
     "<s:Envelope xmlns:s=\"" ENV12 "\" xmlns:hik=\"http://www.hikvision.com/"
     "ver20/XMLSchema\"><s:Body><tds:GetSystemDateAndTimeResponse><tds:Sys",
     0, "", "", "", "", "GetSystemDateAndTimeResponse", 2},
    {"unterminated declaration", "<?xml version=\"1.0\" <Model>M</Model>",
     CS_EPROTO, "", "", "", "", "", 0},
    {"stray ampersands read as themselves, references kept",
     "<tds:GetDeviceInformationResponse><tds:HardwareId>VEN_01f2&DEV_0004"
     "</tds:HardwareId><tds:Manufacturer>A&amp;B &#38; &#x26; C&D"
     "</tds:Manufacturer><tds:Model>R&D-1 &</tds:Model>"
     "</tds:GetDeviceInformationResponse>",
     0, "A&B & & C&D", "R&D-1 &", "", "", "", 0},
    {"an undefined entity is still refused, not read as text",
     "<tds:Manufacturer>X&nbsp;Y</tds:Manufacturer>", CS_EPROTO, "", "", "", "",
     "", 0},
};

static void
test_salvage(void **state)
{
	(void)state;
	for (size_t i = 0; i < CS_NELEM(salvage_cases); i++) {
		const struct salvage_case *c = &salvage_cases[i];
		struct cs_soap s;
		int rc =
		    cs_soap_parse((const uint8_t *)c->doc, strlen(c->doc), &s);

		print_message("# %s\n", c->name);
		assert_int_equal(rc, c->rc);
		assert_int_equal(s.salvaged, rc == 0);
		assert_string_equal(s.manufacturer, c->manufacturer);
		assert_string_equal(s.model, c->model);
		assert_string_equal(s.firmware, c->firmware);
		assert_string_equal(s.scopes, c->scopes);
		assert_string_equal(s.body_op, c->body_op);
		assert_int_equal(s.nns, c->nns);
	}
}

static void
test_find_text_salvage(void **state)
{
	static const char *const names[] = {"model", "firmwareVersion",
					    "deviceType"};
	static const char cut[] =
	    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<DeviceInfo "
	    "version=\"2.0\" xmlns=\"http://www.hikvision.com/ver20/"
	    "XMLSchema\">\n<model>DS-7608NI-K2</model>\n<firmwareVersion>"
	    "V4.30.085</firmwareVersion>\n<deviceType>NV";
	char out[3][128];
	struct cs_xml_meta meta;

	(void)state;
	assert_int_equal(cs_xml_find_text(L(cut), names, 3, out, &meta), 0);
	assert_true(meta.salvaged);
	assert_string_equal(meta.root, "DeviceInfo");
	assert_string_equal(out[0], "DS-7608NI-K2");
	assert_string_equal(out[1], "V4.30.085");
	assert_string_equal(out[2], ""); /* cut open: dropped */
	/* A well-formed document is not marked. */
	assert_int_equal(cs_xml_find_text(L("<DeviceInfo><model>M</model>"
					    "</DeviceInfo>"),
					  names, 3, out, &meta),
			 0);
	assert_false(meta.salvaged);
	/* A UPnP description with an unescaped '&' before its fields
	 * (a router's pnpx:X_hardwareId) keeps the fields after it. */
	{
		static const char amp[] =
		    "<root xmlns=\"urn:schemas-upnp-org:device-1-0\"><device>"
		    "<pnpx:X_hardwareId>VEN_01f2&DEV_0004&REV_05"
		    "</pnpx:X_hardwareId><model>WNR2000v5</model>"
		    "<deviceType>urn:schemas-upnp-org:device:"
		    "InternetGatewayDevice:1</deviceType></device></root>";

		assert_int_equal(cs_xml_find_text(L(amp), names, 3, out, &meta),
				 0);
		assert_true(meta.salvaged);
		assert_string_equal(out[0], "WNR2000v5");
		assert_string_equal(
		    out[2],
		    "urn:schemas-upnp-org:device:InternetGatewayDevice:1");
	}
	/* Nothing found: not salvaged. */
	assert_int_equal(
	    cs_xml_find_text(L("<a><b>x</b><c"), names, 3, out, &meta),
	    CS_EPROTO);
}

/*
 * expat's memory comes from an arena per document (a block on the stack,
 * then chunks): a document that needs many chunks and regrown buffers
 * (two thousand elements with distinct names and namespace
 * declarations, long text) parses as before, strictly and salvaged, and
 * a second document after it starts from an empty arena.
 */
static void
test_arena(void **state)
{
	static const char *const names[] = {"model", "firmwareVersion"};
	static char doc[200000];
	char out[2][128];
	struct cs_xml_meta meta;
	size_t off = 0;

	(void)state;
	off +=
	    (size_t)snprintf(doc, sizeof(doc), "<DeviceInfo xmlns=\"urn:x\">");
	for (int i = 0; i < 2000 && off < sizeof(doc) - 30000; i++)
		off += (size_t)snprintf(
		    doc + off, sizeof(doc) - off,
		    "<p%d:e%d xmlns:p%d=\"urn:n%d\" a%d=\"%d\">"
		    "text %d</p%d:e%d>",
		    i, i, i, i, i, i, i, i, i);
	memset(doc + off, 't', 20000);
	off += 20000;
	off += (size_t)snprintf(doc + off, sizeof(doc) - off,
				"<model>DS-2CD2385G1-I</model>"
				"<firmwareVersion>V5.6.2</firmwareVersion>"
				"</DeviceInfo>");
	assert_true(off < sizeof(doc) - 1);
	assert_int_equal(
	    cs_xml_find_text((const uint8_t *)doc, off, names, 2, out, &meta),
	    0);
	assert_false(meta.salvaged);
	assert_string_equal(out[0], "DS-2CD2385G1-I");
	assert_string_equal(out[1], "V5.6.2");
	/* cut before its end, with a stray '&': the salvage pass (its own
	 * parser and arena) keeps what was complete */
	*strstr(doc, "text 7<") = '&'; /* in the text of an element */
	assert_int_equal(cs_xml_find_text((const uint8_t *)doc, off - 14, names,
					  2, out, &meta),
			 0);
	assert_true(meta.salvaged);
	assert_string_equal(out[0], "DS-2CD2385G1-I");
	/* a small document after them */
	assert_int_equal(cs_xml_find_text(L("<DeviceInfo><model>M</model>"
					    "</DeviceInfo>"),
					  names, 2, out, &meta),
			 0);
	assert_string_equal(out[0], "M");
	assert_string_equal(out[1], "");
}

static void
test_truncation(void **state)
{
	static char doc[16384];
	struct cs_soap s;
	int off;

	(void)state;
	off = snprintf(doc, sizeof(doc), "<r><Model>");
	memset(doc + off, 'm', 1000);
	off += 1000;
	off += snprintf(doc + off, sizeof(doc) - (size_t)off, "</Model><e ");
	/* 40 distinct namespaces: only 32 are kept, each cut to 127. */
	for (int i = 0; i < 40; i++)
		off += snprintf(doc + off, sizeof(doc) - (size_t)off,
				"xmlns:p%d=\"urn:%03d:%0150d\" ", i, i, 0);
	off += snprintf(doc + off, sizeof(doc) - (size_t)off, "/></r>");
	assert_true((size_t)off < sizeof(doc));
	/* 40 namespace declarations count as attributes: under 64. */
	assert_int_equal(cs_soap_parse((const uint8_t *)doc, (size_t)off, &s),
			 0);
	assert_int_equal(strlen(s.model), 127);
	assert_int_equal(s.nns, 32);
	assert_int_equal(strlen(s.ns[31]), 127);
	assert_memory_equal(s.ns[31], "urn:031:", 8);
}

/* Builds <a><a>...</a></a> nested depth times. */
static size_t
nest(char *buf, size_t cap, int depth)
{
	size_t off = 0;

	for (int i = 0; i < depth; i++)
		off += (size_t)snprintf(buf + off, cap - off, "<a>");
	for (int i = 0; i < depth; i++)
		off += (size_t)snprintf(buf + off, cap - off, "</a>");
	return off;
}

/* Builds <a x0="" ... /> with nattr attributes and nns namespaces. */
static size_t
attrs(char *buf, size_t cap, int nattr, int nns)
{
	size_t off = (size_t)snprintf(buf, cap, "<a");

	for (int i = 0; i < nattr; i++)
		off += (size_t)snprintf(buf + off, cap - off, " x%d=\"\"", i);
	for (int i = 0; i < nns; i++)
		off += (size_t)snprintf(buf + off, cap - off,
					" xmlns:n%d=\"urn:%d\"", i, i);
	off += (size_t)snprintf(buf + off, cap - off, "/>");
	return off;
}

/* GetCapabilities: the first service XAddr is kept (onvif.xaddr). */
static void
test_get_capabilities(void **state)
{
	static const char caps[] =
	    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
	    "<s:Envelope xmlns:s=\"" ENV12 "\" "
	    "xmlns:tds=\"http://www.onvif.org/ver10/device/wsdl\" "
	    "xmlns:tt=\"http://www.onvif.org/ver10/schema\"><s:Body>"
	    "<tds:GetCapabilitiesResponse><tds:Capabilities><tt:Device>"
	    "<tt:XAddr>http://192.0.2.7:2020/onvif/service</tt:XAddr>"
	    "</tt:Device><tt:Media><tt:XAddr>http://192.0.2.7:2020/onvif/media"
	    "</tt:XAddr></tt:Media></tds:Capabilities>"
	    "</tds:GetCapabilitiesResponse></s:Body></s:Envelope>";
	struct cs_soap s;

	(void)state;
	assert_int_equal(cs_soap_parse(L(caps), &s), 0);
	assert_string_equal(s.body_op, "GetCapabilitiesResponse");
	assert_string_equal(s.xaddrs, "http://192.0.2.7:2020/onvif/service");
}

static void
test_caps(void **state)
{
	static char buf[8192];
	struct cs_soap s;
	size_t n;
	uint8_t *big;

	(void)state;
	n = nest(buf, sizeof(buf), CS_XML_DEPTH_MAX);
	assert_int_equal(cs_soap_parse((const uint8_t *)buf, n, &s), 0);
	n = nest(buf, sizeof(buf), CS_XML_DEPTH_MAX + 1);
	assert_int_equal(cs_soap_parse((const uint8_t *)buf, n, &s), CS_ELIMIT);
	n = nest(buf, sizeof(buf), 1000);
	assert_int_equal(cs_soap_parse((const uint8_t *)buf, n, &s), CS_ELIMIT);

	n = attrs(buf, sizeof(buf), CS_XML_ATTR_MAX, 0);
	assert_int_equal(cs_soap_parse((const uint8_t *)buf, n, &s), 0);
	n = attrs(buf, sizeof(buf), CS_XML_ATTR_MAX + 1, 0);
	assert_int_equal(cs_soap_parse((const uint8_t *)buf, n, &s), CS_ELIMIT);
	n = attrs(buf, sizeof(buf), CS_XML_ATTR_MAX - 1, 2);
	assert_int_equal(cs_soap_parse((const uint8_t *)buf, n, &s), CS_ELIMIT);

	/* Exactly the byte cap (padded with a comment), then one more. */
	big = malloc(CS_XML_MAX + 1);
	assert_non_null(big);
	memcpy(big, "<a><!--", 7);
	memset(big + 7, 'x', CS_XML_MAX + 1 - 7);
	memcpy(big + CS_XML_MAX - 7, "--></a>", 7);
	assert_int_equal(cs_soap_parse(big, CS_XML_MAX, &s), 0);
	memcpy(big + CS_XML_MAX - 7, "x--></a>", 8);
	assert_int_equal(cs_soap_parse(big, CS_XML_MAX + 1, &s), CS_ELIMIT);
	free(big);
}

static void
test_find_text(void **state)
{
	static const char user_check[] =
	    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<userCheck>\n"
	    "<statusValue>401</statusValue>\n"
	    "<statusString>Unauthorized</statusString>\n</userCheck>\n";
	static const char device_info[] =
	    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	    "<DeviceInfo version=\"2.0\" "
	    "xmlns=\"http://www.hikvision.com/ver20/XMLSchema\">\n"
	    "<deviceName>IP CAMERA</deviceName>\n<deviceID>x</deviceID>\n"
	    "<model>DS-2CD2385G1-I</model>\n"
	    "<serialNumber>DS-2CD2385G1-I20200414AAWRE00000000</serialNumber>\n"
	    "<firmwareVersion>V5.6.2</firmwareVersion>\n"
	    "<firmwareReleasedDate>build 190701</firmwareReleasedDate>\n"
	    "<deviceType>IPCamera</deviceType>\n"
	    "<manufacturer>hikvision</manufacturer>\n</DeviceInfo>\n";
	static const char sadp[] =
	    "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ProbeMatch>"
	    "<Uuid>ABCD</Uuid><Types>inquiry</Types><DeviceType>141945"
	    "</DeviceType><DeviceDescription>DS-2CD2385G1-I</DeviceDescription>"
	    "<CommandPort>8000</CommandPort><HttpPort>80</HttpPort>"
	    "<MAC>58-50-ed-00-00-00</MAC><HCPlatformEnable>flase"
	    "</HCPlatformEnable></ProbeMatch>";
	const char *uc[] = {"statusValue", "statusString", "subStatusCode"};
	const char *di[] = {"model",        "firmwareVersion", "deviceType",
			    "manufacturer", "DeviceInfo",      "deviceName"};
	const char *sd[] = {"DeviceDescription", "MAC", "CommandPort",
			    "HCPlatformEnable"};
	char out[6][128];
	struct cs_xml_meta m;

	(void)state;
	assert_int_equal(
	    cs_xml_find_text(L(user_check), uc, CS_NELEM(uc), out, &m), 0);
	assert_string_equal(out[0], "401");
	assert_string_equal(out[1], "Unauthorized");
	assert_string_equal(out[2], "");
	assert_string_equal(m.root, "userCheck");
	assert_string_equal(m.root_ns, "");

	assert_int_equal(
	    cs_xml_find_text(L(device_info), di, CS_NELEM(di), out, &m), 0);
	assert_string_equal(out[0], "DS-2CD2385G1-I");
	assert_string_equal(out[1], "V5.6.2");
	assert_string_equal(out[2], "IPCamera");
	assert_string_equal(out[3], "hikvision");
	/* The root's text includes its children's. */
	assert_int_equal(strncmp(out[4], "IP CAMERA\nx\nDS-", 15), 0);
	assert_string_equal(out[4] + strlen(out[4]) - 10, "\nhikvision");
	assert_string_equal(out[5], "IP CAMERA");
	assert_string_equal(m.root, "DeviceInfo");
	assert_string_equal(m.root_ns,
			    "http://www.hikvision.com/ver20/XMLSchema");

	assert_int_equal(cs_xml_find_text(L(sadp), sd, CS_NELEM(sd), out, NULL),
			 0);
	assert_string_equal(out[0], "DS-2CD2385G1-I");
	assert_string_equal(out[1], "58-50-ed-00-00-00");
	assert_string_equal(out[2], "8000");
	assert_string_equal(out[3], "flase");

	/* Arguments. */
	{
		const char *many[CS_XML_NAMES_MAX + 1];
		char big[CS_XML_NAMES_MAX + 1][128];
		const char *hole[] = {"a", NULL};

		for (size_t i = 0; i < CS_NELEM(many); i++)
			many[i] = "x";
		assert_int_equal(cs_xml_find_text(L("<x>1</x>"), many,
						  CS_XML_NAMES_MAX, big, NULL),
				 0);
		assert_string_equal(big[0], "1");
		assert_string_equal(big[CS_XML_NAMES_MAX - 1], "1");
		assert_int_equal(cs_xml_find_text(L("<x/>"), many,
						  CS_XML_NAMES_MAX + 1, big,
						  NULL),
				 CS_EINVAL);
		assert_int_equal(
		    cs_xml_find_text(L("<x/>"), hole, 2, big, NULL), CS_EINVAL);
		assert_int_equal(cs_xml_find_text(L("<x/>"), NULL, 0, NULL, &m),
				 0);
		assert_string_equal(m.root, "x");
	}
}

/*
 * The fast path (parse_soap.c, issue #17) gives what expat gives, byte
 * for byte, and takes the plain documents a scan hears; anything outside
 * its subset, well-formed or not, goes to expat.  Each document is read
 * by both parses with the fast path on and off and the results compared;
 * fast says whether the fast path must have read it.
 */
static void
test_fast_same(void **state)
{
	static const struct {
		const char *doc;
		bool fast;
	} t[] = {
	    {get_time, true},
	    {"<?xml version=\"1.0\" encoding=\"UTF-8\"?><env:Envelope "
	     "xmlns:env=\"" ENV12 "\" xmlns:d=\"http://schemas.xmlsoap.org/ws/"
	     "2005/04/discovery\"><env:Body><d:ProbeMatches><d:ProbeMatch>"
	     "<d:Types>dn:NetworkVideoTransmitter</d:Types><d:Scopes>onvif://"
	     "www.onvif.org/type/video_encoder onvif://www.onvif.org/name/A"
	     "</d:Scopes><d:XAddrs>http://10.0.0.25/onvif</d:XAddrs>"
	     "</d:ProbeMatch></d:ProbeMatches></env:Body></env:Envelope>",
	     true},
	    {"<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n<ProbeMatch>\n"
	     "<Uuid>00-2E</Uuid>\n<DeviceDescription>DS-2CD2385G1-I"
	     "</DeviceDescription>\n<MAC>58-50-ed-00-00-4c</MAC>\n"
	     "<OEMInfo>N/A</OEMInfo>\n</ProbeMatch>\n",
	     true},
	    {"<root xmlns=\"urn:schemas-upnp-org:device-1-0\"><device>"
	     "<friendlyName>AXIS P3343 - 00408C00000D</friendlyName>"
	     "<manufacturer>AXIS</manufacturer></device></root>",
	     true},
	    /* the five entities, in text and attributes */
	    {"<a t='&lt;&amp;'><Model>x &amp; y &lt;z&gt; &quot;q&quot; "
	     "&apos;s</Model><model>&amp;</model></a>",
	     true},
	    {"<?xml version='1.0' encoding='utf-8' standalone='yes'?>\n"
	     "<Model\n>\tM\n</Model >\n",
	     true},
	    {"<?xml version=\"1.0\"?><Model>M</Model>", true},
	    /* a default namespace undeclared, a prefix rebound inside */
	    {"<e:Envelope xmlns:e=\"" ENV12 "\" xmlns=\"urn:x\"><e:Body>"
	     "<Model xmlns=\"\">M1</Model><p:Serial xmlns:p=\"urn:a\">"
	     "<p:SerialNumber xmlns:p=\"urn:b\">S</p:SerialNumber>"
	     "</p:Serial></e:Body></e:Envelope>",
	     true},
	    {"<s:Envelope xmlns:s=\"" ENV12 "\"><s:Body><s:Fault><s:Code>"
	     "<s:Value>s:Sender</s:Value><s:Subcode><s:Value>ter:NotAuth"
	     "</s:Value></s:Subcode></s:Code><s:Reason><s:Text xml:lang="
	     "\"en\">no</s:Text></s:Reason></s:Fault></s:Body></s:Envelope>",
	     true},
	    {"<Model> a]]b ]] c\t</Model>", true},
	    {"<Model a:x='1' b:y=\"2\" xmlns:a='urn:a' xmlns:b='urn:b'>M"
	     "</Model>",
	     true},
	    {"<Model/>", true},
	    {"  \n<Model>  </Model>  \n", true},
	    /* left to expat: well-formed but outside the subset */
	    {"<Model>x\r\ny</Model>", false},
	    {"<Model><!-- c -->M</Model>", false},
	    {"<Model><![CDATA[<M>]]></Model>", false},
	    {"<Model><?pi x?>M</Model>", false},
	    {"<Model>&#65;&#x42;</Model>", false},
	    {"<Model>Cam\xc3\xa9ra</Model>", false},
	    {"<Model a='\xc3\xa9'>M</Model>", false},
	    {"<Model a='x\ny'>M</Model>", true},
	    {"<Model xmlns:p='urn:\tx'>M</Model>", false},
	    {"<Model xmlns:p='urn:&amp;'>M</Model>", false},
	    {"<Model xml:lang='en' lang='de'>M</Model>", false},
	    {"<Model xmlns:p='http://www.w3.org/XML/1998/namespace'>M</Model>",
	     false},
	    {"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><Model>M</Model>",
	     true},
	    {"<?xml version=\"1.0\" encoding=\"UTF-16\"?><Model>M</Model>",
	     false},
	    {"<?xml version=\"1.1\"?><Model>M</Model>", false},
	    {"\xef\xbb\xbf<Model>M</Model>", false},
	    /* left to expat: malformed (its errors and the salvage pass) */
	    {"<p:Model>M</p:Model>", false},
	    {"<Model>M</model>", false},
	    {"<Model x='1' x='2'>M</Model>", false},
	    {"<Model x='1'y='2'>M</Model>", false},
	    {"<Model x=1>M</Model>", false},
	    {"<Model>a]]>b</Model>", false},
	    {"<Model>&nbsp;</Model>", false},
	    {"<Model>a & b</Model>", false},
	    {"<Model>M</Model>junk", false},
	    {"<Model>M</Model><Serial>S</Serial>", false},
	    {" <?xml version=\"1.0\"?><Model>M</Model>", false},
	    {"<Model xmlns:p=''>M</Model>", false},
	    {"<Model><Serial>S</Serial>", false},
	    {"<Model>M</Model\n", false},
	    {"<Model>M\x01</Model>", false},
	    {"<!DOCTYPE a [<!ENTITY e 'x'>]><Model>&e;</Model>", false},
	    {"<:Model>M</:Model>", false},
	    {"<a:b:Model>M</a:b:Model>", false},
	};
	static const char *const names[] = {
	    "Model",      "Serial",       "Envelope", "SerialNumber",
	    "ProbeMatch", "friendlyName", "a"};
	struct cs_soap *a = malloc(sizeof(*a)), *b = malloc(sizeof(*b));
	char oa[CS_NELEM(names)][128], ob[CS_NELEM(names)][128];
	struct cs_xml_meta ma, mb;

	(void)state;
	assert_non_null(a);
	assert_non_null(b);
	for (size_t i = 0; i < CS_NELEM(t); i++) {
		const uint8_t *p = (const uint8_t *)t[i].doc;
		size_t n = strlen(t[i].doc);
		unsigned long c0 = cs_xml_fast_count();
		int ra, rb, fa, fb;

		memset(oa, 0, sizeof(oa));
		memset(ob, 0, sizeof(ob));
		ra = cs_soap_parse(p, n, a);
		fa = cs_xml_find_text(p, n, names, CS_NELEM(names), oa, &ma);
		if ((cs_xml_fast_count() - c0 == 2) != t[i].fast)
			fail_msg("document %zu: fast path %s", i,
				 t[i].fast ? "not taken" : "taken");
		assert_true(cs_xml_fast_set(false));
		rb = cs_soap_parse(p, n, b);
		fb = cs_xml_find_text(p, n, names, CS_NELEM(names), ob, &mb);
		assert_false(cs_xml_fast_set(true));
		assert_int_equal(cs_xml_fast_count() - c0, t[i].fast ? 2 : 0);
		if (ra != rb || fa != fb || memcmp(a, b, sizeof(*a)) != 0 ||
		    memcmp(oa, ob, sizeof(oa)) != 0 ||
		    memcmp(&ma, &mb, sizeof(ma)) != 0)
			fail_msg("document %zu: the fast path differs from "
				 "expat (%d/%d, %d/%d)",
				 i, ra, rb, fa, fb);
	}
	/* and what it read is what the document says */
	memset(oa, 0, sizeof(oa));
	assert_int_equal(cs_xml_find_text(L("<a t='&lt;&amp;'><Model>x &amp; "
					    "y &lt;z&gt; &quot;q&quot; "
					    "&apos;s</Model></a>"),
					  names, CS_NELEM(names), oa, &ma),
			 0);
	assert_string_equal(oa[0], "x & y <z> \"q\" 's");
	assert_int_equal(cs_soap_parse(L("<e:Envelope xmlns:e=\"" ENV12
					 "\"><e:Body><p:Serial xmlns:p="
					 "\"urn:a\"><p:SerialNumber>S"
					 "</p:SerialNumber></p:Serial>"
					 "</e:Body></e:Envelope>"),
				       a),
			 0);
	assert_string_equal(a->serial, "S");
	assert_string_equal(a->body_op, "Serial");
	assert_int_equal(a->nns, 2);
	assert_string_equal(a->ns[1], "urn:a");
	free(a);
	free(b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_get_time),
	    cmocka_unit_test(test_salvage),
	    cmocka_unit_test(test_find_text_salvage),
	    cmocka_unit_test(test_dev_info),
	    cmocka_unit_test(test_faults),
	    cmocka_unit_test(test_probe_match),
	    cmocka_unit_test(test_bad),
	    cmocka_unit_test(test_odd_but_fine),
	    cmocka_unit_test(test_truncation),
	    cmocka_unit_test(test_arena),
	    cmocka_unit_test(test_caps),
	    cmocka_unit_test(test_get_capabilities),
	    cmocka_unit_test(test_find_text),
	    cmocka_unit_test(test_fast_same),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
