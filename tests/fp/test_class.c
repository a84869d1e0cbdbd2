/* SPDX-License-Identifier: ISC */
/*
 * Class from evidence, not from the maker (issue #11, failure classes 1
 * and 2).  Each case is the evidence a real device of that kind gives, as
 * the probes and decoders emit it, with where the strings come from; the
 * expected class and surveillance state are what the device IS:
 *
 *   - maker-only evidence (a MAC registration, a sysDescr or web server
 *     that every product of the maker shares) leaves the class unknown and
 *     surveillance not established, unless the maker makes nothing else;
 *   - non-camera products of camera makers come out as what they are;
 *   - recorders stay recorders however many generic ONVIF answers
 *     (NetworkVideoTransmitter, video_encoder scopes, profiles) they give.
 *
 * Loads data/fingerprints and data/entities from the source tree.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/obs.h"
#include "fp/fp.h"
#include "fp/fp_int.h"
#include "core/poison.h"

static struct cs_fpdb *db;

static int
setup(void **state)
{
	char fpd[4096], end[4096], err[512];
	const char *s = getenv("CS_SRCDIR");

	(void)state;
	if (s == NULL || *s == '\0')
		s = CS_SRCDIR;
	snprintf(fpd, sizeof(fpd), "%s/data/fingerprints", s);
	snprintf(end, sizeof(end), "%s/data/entities", s);
	db = cs_fpdb_load(fpd, end, err, sizeof(err));
	if (db == NULL)
		fprintf(stderr, "# load failed: %s\n", err);
	return db == NULL ? -1 : 0;
}

static int
teardown(void **state)
{
	(void)state;
	cs_fpdb_free(db);
	db = NULL;
	return 0;
}

#define MAX_OBS 12
#define UNSET 2 /* surveillance: -1 not established, 0 no, 1 yes */

struct kv {
	const char *key;
	uint16_t port;
	const char *val;
};

struct ccase {
	const char *name;
	struct kv obs[MAX_OBS];
	const char *maker; /* expected manufacturer ("" none, NULL any) */
	enum cs_class cls; /* expected class */
	int surv;          /* expected cs_identity_surveillance() */
	const char *model; /* expected model, NULL any */
};

/* The ONVIF answers of a Hikvision NVR (GetDeviceInformation and a
 * WS-Discovery ProbeMatch): the generic parts are those of a camera. */
#define HIK_NVR_ONVIF(model)                                                   \
	{"onvif.ns", 80,                                                       \
	 "http://www.w3.org/2003/05/soap-envelope "                            \
	 "http://www.onvif.org/ver10/device/wsdl "                             \
	 "http://www.onvif.org/ver10/schema"},                                 \
	    {"onvif.manufacturer", 80, "HIKVISION"},                           \
	    {"onvif.model", 80, model},                                        \
	    {"onvif.firmware", 80, "V4.30.085 build 200916"},                  \
	    {"wsd.types", 3702, "dn:NetworkVideoTransmitter tds:Device"},      \
	    {"wsd.scopes", 3702,                                               \
	     "onvif://www.onvif.org/type/video_encoder "                       \
	     "onvif://www.onvif.org/Profile/Streaming "                        \
	     "onvif://www.onvif.org/Profile/G "                                \
	     "onvif://www.onvif.org/Profile/T "                                \
	     "onvif://www.onvif.org/hardware/" model " "                       \
	     "onvif://www.onvif.org/name/HIKVISION%20" model " "               \
	     "onvif://www.onvif.org/location/city/hangzhou"},                  \
	    {"onvif.scopes", 80,                                               \
	     "onvif://www.onvif.org/type/video_encoder "                       \
	     "onvif://www.onvif.org/type/NetworkVideoTransmitter "             \
	     "onvif://www.onvif.org/Profile/Streaming "                        \
	     "onvif://www.onvif.org/hardware/" model},                         \
	{                                                                      \
		"onvif.fault", 80, "ter:NotAuthorized"                         \
	}

static const struct ccase cases[] = {
    /* --- Failure class 1: the maker alone says nothing about the class. */
    {"huawei-router-sysdescr",
     /* Huawei AR router, SNMP sysDescr as VRP prints it (display version
      * of AR2200 V200R010). */
     {{"snmp.sysdescr", 161,
       "Huawei Versatile Routing Platform Software\r\nVRP (R) software, "
       "Version 5.170 (AR2200 V200R010C10SPC500)\r\nCopyright (C) "
       "2011-2019 HUAWEI TECH CO., LTD\r\nHuawei AR2220E Router"},
      {"mac.maker", 0, "Huawei"},
      {"mac.registrant", 0, "HUAWEI TECHNOLOGIES CO.,LTD"}},
     "Huawei",
     CS_CLASS_ROUTER,
     0,
     NULL},
    {"huawei-switch-sysdescr",
     /* Huawei S5720 switch sysDescr (model line first, then VRP). */
     {{"snmp.sysdescr", 161,
       "S5720-28X-SI-AC\r\nHuawei Versatile Routing Platform Software\r\n "
       "VRP (R) software,Version 5.170 (S5720 V200R011C10SPC600)\r\n "
       "Copyright (C) 2000-2018 HUAWEI TECH Co., Ltd."}},
     "Huawei",
     CS_CLASS_SWITCH,
     0,
     NULL},
    {"huawei-sip-user-agent",
     /* A SIP User-Agent naming Huawei (an eSpace IP phone registering). */
     {{"sip.server", 5060, "Huawei eSpace 7910 V200R003C00"}},
     "Huawei",
     CS_CLASS_UNKNOWN,
     -1,
     NULL},
    {"huawei-mac-only",
     /* OUI 00:E0:FC, IEEE registrant HUAWEI TECHNOLOGIES CO.,LTD. */
     {{"mac", 0, "00:e0:fc:12:34:56"},
      {"mac.maker", 0, "Huawei"},
      {"mac.registrant", 0, "HUAWEI TECHNOLOGIES CO.,LTD"}},
     "Huawei",
     CS_CLASS_UNKNOWN,
     -1,
     NULL},
    {"tplink-mac-only",
     /* A TP-Link OUI (IEEE registrant TP-LINK TECHNOLOGIES CO.,LTD.). */
     {{"mac", 0, "50:c7:bf:00:00:01"},
      {"mac.maker", 0, "TP-Link"},
      {"mac.registrant", 0, "TP-LINK TECHNOLOGIES CO.,LTD."}},
     "TP-Link",
     CS_CLASS_UNKNOWN,
     -1,
     NULL},
    {"hikvision-web-server-only",
     /* "Server: App-webs/" is sent by Hikvision cameras, recorders and
      * access terminals alike (protocols.md §4). */
     {{"http.server", 80, "App-webs/"}, {"tcp.open", 80, ""}},
     "Hikvision",
     CS_CLASS_UNKNOWN,
     -1,
     NULL},
    {"dahua-rtsp-server-only",
     /* "Dahua Rtsp Server" is sent by cameras, XVRs and VTO door stations
      * (protocols.md §6): which one stays open, but a device answering
      * RTSP on its stream port serves live video (rule role-rtsp-service),
      * so it is video equipment of a class not established. */
     {{"rtsp.server", 554, "Dahua Rtsp Server"}},
     "Dahua",
     CS_CLASS_UNKNOWN,
     1,
     NULL},
    {"hikvision-access-terminal",
     /* ISAPI deviceInfo of a DS-K1T341AMF face terminal (Hikvision
      * access control datasheet model), served by App-webs. */
     {{"http.server", 80, "App-webs/"},
      {"hik.isapi", 80,
       "200 <?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<DeviceInfo "
       "version=\"2.0\" xmlns=\"http://www.isapi.org/ver20/XMLSchema\">"
       "<deviceName>Access Controller</deviceName><model>DS-K1T341AMF"
       "</model><firmwareVersion>V3.2.30</firmwareVersion>"
       "<deviceType>ACS</deviceType></DeviceInfo>"},
      {"hik.sdk", 8000, "000000100000001e0000001e00000000"}},
     "Hikvision",
     CS_CLASS_ACCESS_CONTROL,
     0,
     "DS-K1T341AMF"},
    {"hikvision-ax-pro-hub",
     /* AX PRO wireless control panel DS-PWA96-M-WE (Hikvision AX PRO
      * datasheet), found by SADP. */
     {{"sadp.raw", 37020,
       "<ProbeMatch><Types>inquiry</Types><DeviceType>"
       "</DeviceType><DeviceDescription>DS-PWA96-M-WE</DeviceDescription>"
       "<CommandPort>8000</CommandPort></ProbeMatch>"},
      {"sadp.model", 37020, "DS-PWA96-M-WE"},
      {"http.server", 80, "App-webs/"}},
     "Hikvision",
     CS_CLASS_ALARM_PANEL,
     0,
     "DS-PWA96-M-WE"},
    {"hikvision-indoor-station",
     /* DS-KH6320-WTE1 indoor station (Hikvision video intercom
      * datasheet), SADP and SIP registration. */
     {{"sadp.raw", 37020,
       "<ProbeMatch><DeviceDescription>DS-KH6320-WTE1</DeviceDescription>"
       "<SoftwareVersion>V2.2.8build 220318</SoftwareVersion>"
       "</ProbeMatch>"},
      {"sadp.model", 37020, "DS-KH6320-WTE1"},
      {"sip.server", 5060, "DS-KH6320-WTE1"}},
     "Hikvision",
     CS_CLASS_INTERCOM,
     0,
     "DS-KH6320-WTE1"},
    {"hikvision-poe-switch",
     /* DS-3E0510P-E PoE switch (Hikvision switch datasheet). */
     {{"sadp.model", 37020, "DS-3E0510P-E"},
      {"http.title", 80, "DS-3E0510P-E"}},
     "Hikvision",
     CS_CLASS_SWITCH,
     0,
     "DS-3E0510P-E"},
    {"hikvision-ivms-software",
     /* HikCentral Professional web client on a Windows server; iVMS-4200
      * is the PC client (cloud-and-nvr.md). */
     {{"http.title", 443, "HikCentral Professional"},
      {"http.server", 443, "nginx"},
      {"http.body", 443,
       "<html><head><title>HikCentral Professional</title></head>"
       "<body>Download iVMS-4200 client</body></html>"}},
     "Hikvision",
     CS_CLASS_VMS_SOFTWARE,
     0,
     NULL},
    {"dahua-door-station",
     /* VTO2202F door station over DHIP (exposure.md §1.3: VTO are
      * Dahua intercoms). */
     {{"dhip.raw", 37810,
       "{\"method\":\"client.notifyDevInfo\",\"params\":{\"deviceInfo\":"
       "{\"DeviceClass\":\"VTO\",\"DeviceType\":\"VTO2202F-P\"}}}"},
      {"dhip.class", 37810, "VTO"},
      {"dhip.model", 37810, "VTO2202F-P"},
      {"rtsp.server", 554, "Dahua Rtsp Server"}},
     "Dahua",
     CS_CLASS_INTERCOM,
     0,
     "VTO2202F-P"},

    {"onvif-access-controller",
     /* An ONVIF Profile A/C door controller: profile scopes, no video
      * profile (ONVIF profile scopes, protocols.md §1). */
     {{"wsd.types", 3702, "tds:Device"},
      {"wsd.scopes", 3702,
       "onvif://www.onvif.org/Profile/A onvif://www.onvif.org/Profile/C "
       "onvif://www.onvif.org/hardware/AC-2000 "
       "onvif://www.onvif.org/name/Door%20Controller"}},
     "",
     CS_CLASS_ACCESS_CONTROL,
     0,
     NULL},
    {"dlink-router",
     /* A D-Link DIR-842 router's digest realm and UPnP model. */
     {{"http.realm", 80, "DIR-842"},
      {"upnp.model", 49152, "DIR-842"},
      {"mac.maker", 0, "D-Link"}},
     "D-Link",
     CS_CLASS_ROUTER,
     0,
     "DIR-842"},

    /* --- Failure class 2: recorders stay recorders. */
    {"hikvision-nvr-onvif-wsd",
     /* DS-7608NI-K2 answering GetDeviceInformation and WS-Discovery with
      * the camera-like generic parts (protocols.md §1-§3). */
     {HIK_NVR_ONVIF("DS-7608NI-K2"), {"http.server", 80, "App-webs/"}},
     "Hikvision",
     CS_CLASS_NVR,
     1,
     "DS-7608NI-K2"},
    {"hikvision-ds71-nvr",
     /* DS-71xxNI-Q1 is an NVR (exposure.md §1.1). */
     {HIK_NVR_ONVIF("DS-7104NI-Q1/4P")},
     "Hikvision",
     CS_CLASS_NVR,
     1,
     "DS-7104NI-Q1/4P"},
    {"hikvision-turbo-dvr",
     /* DS-7204HQHI-K1 Turbo HD DVR over ONVIF and SADP. */
     {HIK_NVR_ONVIF("DS-7204HQHI-K1"), {"sadp.model", 37020, "DS-7204HQHI-K1"}},
     "Hikvision",
     CS_CLASS_DVR,
     1,
     "DS-7204HQHI-K1"},
    {"hikvision-huhi-dvr",
     {{"sadp.model", 37020, "DS-7208HUHI-K2"},
      {"onvif.model", 80, "DS-7208HUHI-K2"},
      {"onvif.scopes", 80,
       "onvif://www.onvif.org/type/video_encoder "
       "onvif://www.onvif.org/Profile/Streaming "
       "onvif://www.onvif.org/hardware/DS-7208HUHI-K2"}},
     "Hikvision",
     CS_CLASS_DVR,
     1,
     "DS-7208HUHI-K2"},
    {"dahua-xvr",
     /* XVR5108HS-I3 over DHIP (exposure.md §1.4: XVR5xxx recorders,
      * tested as DVRs) and ONVIF. */
     {{"dhip.raw", 37810,
       "{\"method\":\"client.notifyDevInfo\",\"params\":{\"deviceInfo\":"
       "{\"DeviceClass\":\"XVR\",\"DeviceType\":\"XVR5108HS-I3\"}}}"},
      {"dhip.class", 37810, "XVR"},
      {"dhip.model", 37810, "XVR5108HS-I3"},
      {"onvif.model", 80, "XVR5108HS-I3"},
      {"wsd.types", 3702, "dn:NetworkVideoTransmitter tds:Device"},
      {"wsd.scopes", 3702,
       "onvif://www.onvif.org/type/Network_Video_Transmitter "
       "onvif://www.onvif.org/Profile/Streaming "
       "onvif://www.onvif.org/hardware/XVR5108HS-I3 "
       "onvif://www.onvif.org/name/Dahua"}},
     "Dahua",
     CS_CLASS_DVR,
     1,
     "XVR5108HS-I3"},
    {"dahua-hcvr",
     {{"dahua.cgi", 80, "200 type=HCVR5104HS-S3\r\n"},
      {"rtsp.server", 554, "Dahua Rtsp Server"}},
     "Dahua",
     CS_CLASS_DVR,
     1,
     "HCVR5104HS-S3"},
    {"dahua-nvr",
     {{"dahua.cgi", 80, "200 type=NVR4104HS-P-4KS2\r\n"},
      {"wsd.types", 3702, "dn:NetworkVideoTransmitter tds:Device"},
      {"wsd.scopes", 3702,
       "onvif://www.onvif.org/type/Network_Video_Transmitter "
       "onvif://www.onvif.org/hardware/NVR4104HS-P-4KS2"}},
     "Dahua",
     CS_CLASS_NVR,
     1,
     "NVR4104HS-P-4KS2"},

    /* --- Model families in every key where a model string appears
     * (issue #11, class evidence mined from the whole reply). */
    {"hikvision-dvr-in-sysdescr",
     /* A Turbo HD DVR naming its model in SNMP sysDescr. */
     {{"snmp.sysdescr", 161, "Hikvision DS-7216HQHI-K2 V4.0.1 build 200519"}},
     "Hikvision",
     CS_CLASS_DVR,
     1,
     "DS-7216HQHI-K2"},
    {"dahua-dh-nvr-in-sysdescr",
     /* The DH- prefixed catalogue form of a Dahua NVR in sysDescr. */
     {{"snmp.sysdescr", 161, "DH-NVR4108HS-8P-4KS2"},
      {"mac.maker", 0, "Dahua"}},
     "Dahua",
     CS_CLASS_NVR,
     1,
     "NVR4108HS-8P-4KS2"},
    {"dahua-ptz-over-dhip-no-class",
     /* A Dahua PTZ dome over DHIP without DeviceClass (Dahua datasheet
      * model SD49225XA-HNR). */
     {{"dhip.raw", 37810,
       "{\"method\":\"client.notifyDevInfo\",\"params\":{\"deviceInfo\":"
       "{\"DeviceType\":\"DH-SD49225XA-HNR\",\"Vendor\":\"Dahua\"}}}"},
      {"dhip.model", 37810, "DH-SD49225XA-HNR"}},
     "Dahua",
     CS_CLASS_CAMERA,
     1,
     "DH-SD49225XA-HNR"},
    {"hikvision-encoder-upnp",
     {{"upnp.friendly-name", 49152, "DS-6704HUHI-K - 1234567"},
      {"upnp.manufacturer", 49152, "Hikvision"}},
     "Hikvision",
     CS_CLASS_ENCODER,
     1,
     NULL},
    {"uniview-camera-realm",
     /* Uniview camera model (three-digit series) as the digest realm. */
     {{"http.realm", 80, "IPC322LR3-VSPF28-D"}},
     "Uniview",
     CS_CLASS_CAMERA,
     1,
     "IPC322LR3-VSPF28-D"},
    {"tvt-dvr-title",
     {{"http.title", 80, "TD-2108TS-HC"}},
     "TVT",
     CS_CLASS_DVR,
     1,
     "TD-2108TS-HC"},
    {"brother-label-printer-not-tvt",
     /* A Brother TD-2130N label printer's page title: not TVT. */
     {{"http.title", 80, "Brother TD-2130N"}},
     NULL,
     CS_CLASS_UNKNOWN,
     -1,
     NULL},
    {"reolink-nvr-over-onvif",
     /* RLN8-410 answering ONVIF like a camera (generic parts). */
     {{"onvif.manufacturer", 8000, "Reolink"},
      {"onvif.model", 8000, "RLN8-410"},
      {"onvif.scopes", 8000,
       "onvif://www.onvif.org/type/video_encoder "
       "onvif://www.onvif.org/Profile/Streaming"}},
     "Reolink",
     CS_CLASS_NVR,
     1,
     "RLN8-410"},
    {"tapo-camera-upnp",
     {{"upnp.friendly-name", 1900, "Tapo C200"}, {"mac.maker", 0, "TP-Link"}},
     "TP-Link",
     CS_CLASS_CAMERA,
     1,
     "Tapo C200"},

    {"hikvision-nvr-onvif-serial-only",
     /* GetDeviceInformation with the model field empty: Hikvision's
      * serial number starts with the model. */
     {{"onvif.manufacturer", 80, "HIKVISION"},
      {"onvif.serial", 80, "DS-7608NI-K20820190316CCRRC77720384WCVU"}},
     "Hikvision",
     CS_CLASS_NVR,
     1,
     NULL},

    /* --- Roles that say "video device" without saying which. */
    {"hikvision-rtsp-describe",
     /* A Hikvision DESCRIBE answer (protocols.md §4): a video stream, no
      * model: surveillance, class not established. */
     {{"rtsp.sdp", 554,
       "v=0\r\no=- 1109162014219182 1 IN IP4 0.0.0.0\r\n"
       "s=Media Presentation\r\ne=NONE\r\nt=0 0\r\n"
       "a=control:rtsp://10.0.0.64:554/Streaming/Channels/101/"
       "?transportmode=unicast\r\nm=video 0 RTP/AVP 96\r\n"
       "a=rtpmap:96 H264/90000\r\n"
       "a=Media_header:MEDIAINFO=494D4B48010100000400010000000000;\r\n"},
      {"rtsp.sdp.session", 554, "Media Presentation"}},
     "Hikvision",
     CS_CLASS_UNKNOWN,
     1,
     NULL},
    {"dahua-rtsp-describe",
     {{"rtsp.server", 554, "Dahua Rtsp Server"},
      {"rtsp.sdp", 554,
       "v=0\r\ns=Media Server\r\nt=0 0\r\na=control:*\r\n"
       "m=video 0 RTP/AVP 96\r\na=control:trackID=0\r\n"
       "a=rtpmap:96 H264/90000\r\n"}},
     "Dahua",
     CS_CLASS_UNKNOWN,
     1,
     NULL},
    {"live555-camera-stream",
     /* Camera firmware built on LIVE555 (its Server header) serving a
      * video stream, on an Amcrest (Dahua OEM) MAC: the library names no
      * class, the stream says video. */
     {{"rtsp.server", 554, "LIVE555 Streaming Media v2018.08.28"},
      {"rtsp.sdp", 554,
       "v=0\r\ns=H.264 Video, streamed by the LIVE555 Media Server\r\n"
       "m=video 0 RTP/AVP 96\r\na=rtpmap:96 H264/90000\r\n"},
      {"mac.maker", 0, "Dahua"}},
     "Dahua",
     CS_CLASS_UNKNOWN,
     1,
     NULL},
    {"pc-media-server-stream",
     /* A media server on a PC streams video too: class other, not
      * surveillance. */
     {{"rtsp.server", 8554, "mediamtx"},
      {"rtsp.sdp", 8554, "v=0\r\ns=Stream\r\nm=video 0 RTP/AVP 96\r\n"}},
     "",
     CS_CLASS_OTHER,
     0,
     NULL},
    {"hikvision-nvr-proxy-channels",
     /* ISAPI InputProxy channel list of an NVR served on the web port. */
     {{"http.body", 80,
       "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<InputProxyChannelList "
       "version=\"2.0\" xmlns=\"http://www.hikvision.com/ver20/XMLSchema\">"
       "<InputProxyChannel><id>1</id><name>Camera 01</name>"
       "</InputProxyChannel></InputProxyChannelList>"}},
     "Hikvision",
     CS_CLASS_NVR,
     1,
     NULL},
    {"hikvision-isapi-recorder-name",
     /* deviceInfo without deviceType, model of no known family: the
      * default device name says recorder. */
     {{"hik.isapi", 80,
       "200 <DeviceInfo xmlns=\"http://www.hikvision.com/ver20/XMLSchema\">"
       "<deviceName>Network Video Recorder</deviceName><model>NVR-X9</model>"
       "</DeviceInfo>"}},
     "Hikvision",
     CS_CLASS_NVR,
     1,
     NULL},
    {"dahua-dhip-remote-inputs",
     {{"dhip.raw", 37810,
       "{\"method\":\"client.notifyDevInfo\",\"params\":{\"deviceInfo\":"
       "{\"DeviceClass\":\"\",\"RemoteVideoInputChannels\":16,"
       "\"VideoInputChannels\":0,\"Vendor\":\"Dahua\"}}}"}},
     "Dahua",
     CS_CLASS_NVR,
     1,
     NULL},
    {"title-words-recorder",
     {{"http.title", 80, "Hikvision NVR"}},
     "Hikvision",
     CS_CLASS_NVR,
     1,
     NULL},
    {"home-tv-dvr-not-surveillance",
     {{"http.title", 8089, "Channels DVR"}},
     NULL,
     CS_CLASS_UNKNOWN,
     -1,
     NULL},
    /* Streaming video does not make a door station or face terminal a
     * camera: their model family decides. */
    {"hikvision-door-station-streaming",
     {{"snmp.sysdescr", 161, "DS-KV6113-WPE1"},
      {"rtsp.sdp", 554,
       "v=0\r\ns=Media Presentation\r\nm=video 0 RTP/AVP 96\r\n"
       "a=control:rtsp://10.0.0.2:554/Streaming/Channels/101\r\n"}},
     "Hikvision",
     CS_CLASS_INTERCOM,
     0,
     "DS-KV6113-WPE1"},
    {"hikvision-face-terminal-streaming",
     {{"http.body", 80,
       "<DeviceInfo xmlns=\"http://www.isapi.org/ver20/XMLSchema\">"
       "<model>DS-K1T671MF</model></DeviceInfo>"},
      {"rtsp.sdp", 554,
       "v=0\r\ns=Media Presentation\r\nm=video 0 RTP/AVP 96\r\n"}},
     "Hikvision",
     CS_CLASS_ACCESS_CONTROL,
     0,
     "DS-K1T671MF"},
    {"huawei-router-no-video",
     /* A Huawei router's web title alone: no video role, no class. */
     {{"http.title", 80, "HUAWEI AR161"}, {"mac.maker", 0, "Huawei"}},
     "Huawei",
     CS_CLASS_UNKNOWN,
     -1,
     NULL},

    /* --- A maker of nothing but surveillance equipment. */
    {"cctv-only-maker",
     /* Xiongmai's uc-httpd (protocols.md §7): a camera or a recorder,
      * surveillance either way, class not established. */
     {{"http.server", 80, "uc-httpd 1.0.0"}},
     "Xiongmai",
     CS_CLASS_UNKNOWN,
     1,
     NULL},
    /* A camera is still a camera. */
    {"hikvision-camera",
     {{"http.server", 80, "App-webs/"},
      {"onvif.model", 80, "DS-2CD2385G1-I"},
      {"wsd.scopes", 3702,
       "onvif://www.onvif.org/type/video_encoder "
       "onvif://www.onvif.org/hardware/DS-2CD2385G1-I"}},
     "Hikvision",
     CS_CLASS_CAMERA,
     1,
     "DS-2CD2385G1-I"},

    /* Round 3 (products2.fp, decoys3.fp, vms-software.fp,
     * longtail-prc3.fp): each of these failed before those rules. */
    {"dahua-nvr608-not-uniview",
     /* Dahua's NVR6 series with its DHI- prefix; Uniview's NVR3xx/6xx
      * scheme used to claim it. */
     {{"onvif.manufacturer", 80, "Dahua"},
      {"onvif.model", 80, "DHI-NVR608-64-4KS2"}},
     "Dahua",
     CS_CLASS_NVR,
     1,
     "NVR608-64-4KS2"},
    {"vivotek-nvr-not-camera",
     {{"http.title", 80, "ND9541P"}},
     "Vivotek",
     CS_CLASS_NVR,
     1,
     "ND9541P"},
    {"hikvision-value-nvr",
     {{"isapi.model", 80, "ERI-K104-P4"}},
     "Hikvision",
     CS_CLASS_NVR,
     1,
     "ERI-K104-P4"},
    {"dahua-card-reader",
     {{"http.title", 80, "DHI-ASR2200A-D"}},
     "Dahua",
     CS_CLASS_ACCESS_CONTROL,
     0,
     "ASR2200A-D"},
    {"zkteco-face-terminal",
     {{"upnp.manufacturer", 1900, "ZKTeco"},
      {"upnp.model", 1900, "SpeedFace-V5L"}},
     "ZKTeco",
     CS_CLASS_ACCESS_CONTROL,
     0,
     "SpeedFace-V5L"},
    {"cisco-catalyst-switch-sysdescr",
     {{"snmp.sysdescr", 161,
       "Cisco IOS Software, C2960 Software (C2960-LANBASEK9-M), "
       "Version 12.2(55)SE, RELEASE SOFTWARE (fc2)"}},
     "Cisco",
     CS_CLASS_SWITCH,
     0,
     NULL},
    {"jetdirect-printer-sysdescr",
     {{"snmp.sysdescr", 161,
       "HP ETHERNET MULTI-ENVIRONMENT,ROM none,JETDIRECT,JD153"}},
     "HP",
     CS_CLASS_PRINTER,
     0,
     NULL},
    {"genetec-vms-title",
     {{"http.title", 443, "Genetec Security Center"}},
     "Genetec",
     CS_CLASS_VMS_SOFTWARE,
     0,
     NULL},
    {"kedacom-camera-digit-suffix",
     {{"onvif.model", 80, "IPC123-EI7N"}},
     "Kedacom",
     CS_CLASS_CAMERA,
     1,
     "IPC123-EI7N"},
    /* --- Issue #11, third round: class evidence in replies that named a
     * maker only. */
    {"dahua-magicbox-numeric-devicetype",
     /* getSystemInfo of an older Dahua unit: deviceType is a number no
      * Dahua document maps to a model (the decoder gives dahua.model), so
      * no class; the reply itself is video-platform role evidence. */
     {{"dahua.cgi", 80,
       "200 deviceType=31\r\nprocessor=ST7108\r\nserialNumber=PZA123\r\n"},
      {"dahua.model", 80, "31"}},
     "Dahua",
     CS_CLASS_UNKNOWN,
     1, /* getSystemInfo is the API of Dahua's video firmware: a role
	 * (data/fingerprints/platform-roles.fp), not a class */
     ""},
    {"tapo-h200-hub-model",
     /* Tapo discovery / getDeviceInfo of an H200 hub (python-kasa
      * fixtures): SMART.TAPOHUB says hub, the model says it records. */
     {{"tplink.device-type", 20002, "SMART.TAPOHUB"},
      {"tplink.model", 20002, "H200"}},
     "TP-Link",
     CS_CLASS_NVR,
     1,
     "H200"},
    {"tapo-h100-sensor-hub",
     {{"tplink.device-type", 20002, "SMART.TAPOHUB"},
      {"tplink.model", 20002, "H100"}},
     "TP-Link",
     CS_CLASS_OTHER,
     0,
     "H100"},
    {"tapo-c210-model-only",
     {{"tplink.model", 443, "C210"}},
     "TP-Link",
     CS_CLASS_CAMERA,
     1,
     "C210"},
    {"axis-param-image-groups",
     /* param.cgi?action=list&group=Properties,Image of an Axis camera:
      * no root.Brand group in the answer. */
     {{"http.body", 80,
       "root.Properties.Image.Format=jpeg,mjpeg,h264\n"
       "root.Properties.Image.Resolution=1920x1080,1280x720\n"
       "root.Properties.PTZ.PTZ=no\n"
       "root.Properties.System.Architecture=armv7hf\n"}},
     "Axis",
     CS_CLASS_CAMERA,
     1,
     NULL},
    {"axis-param-system-only",
     /* The same listing without image groups: every AXIS OS product. */
     {{"http.body", 80,
       "root.Properties.System.Architecture=armv7hf\n"
       "root.Properties.PTZ.PTZ=no\n"}},
     "Axis",
     CS_CLASS_UNKNOWN,
     -1,
     NULL},
    {"vivotek-getparam-system-info",
     {{"http.body", 80,
       "system_info_modelname='IB9381-HT'\r\n"
       "system_info_extendedmodelname='IB9381-HT'\r\n"
       "system_info_firmwareversion='IB9381-VVTK-0102a'\r\n"}},
     "Vivotek",
     CS_CLASS_CAMERA,
     1,
     "IB9381-HT"},
    {"avtech-capability-nvr",
     {{"http.body", 80,
       "0\nOK\nFirmware.Version=1011-1005-1008-1002\n"
       "MACAddress=00:0E:53:00:00:01\nProduct.Type=NVR\n"}},
     "Avtech",
     CS_CLASS_NVR,
     1,
     NULL},
    {"2n-api-system-info",
     /* 2N HTTP API /api/system/info of an IP Verso door station. */
     {{"http.body", 80,
       "{\"success\":true,\"result\":{\"variant\":\"2N IP Verso\","
       "\"serialNumber\":\"54-0880-2424\",\"hwVersion\":\"535v1\","
       "\"swVersion\":\"2.30.0.43.2\",\"buildType\":\"beta\","
       "\"deviceName\":\"2N IP Verso\"}}"}},
     "2N",
     CS_CLASS_INTERCOM,
     0,
     "2N IP Verso"},
    {"h3c-comware-switch",
     /* H3C is its own maker, not HP. */
     {{"snmp.sysdescr", 161,
       "H3C Comware Platform Software, Software Version 7.1.064, Release "
       "1311P01\r\nH3C S5130S-28S-EI\r\nCopyright (c) 2004-2020 New H3C "
       "Technologies Co., Ltd. All rights reserved."}},
     "H3C",
     CS_CLASS_SWITCH,
     0,
     NULL},
    {"hikvision-ehome-register",
     /* An EHome/ISUP REGISTER request a camera sent to its platform
      * (TCP 7660), cut from a capture's payload: the serial carries the
      * model, then the date and the unit's number. */
     {{"banner", 7660,
       "<?xml version=\"1.0\" encoding=\"UTF-8\"?><PPVSPMessage><Version>"
       "4.0</Version><Sequence>1</Sequence><CommandType>REQUEST"
       "</CommandType><Method>REGISTER</Method><Command>REGISTER</Command>"
       "<Params><SerialNumber>DS-2CD2043G2-I20210101AAWRG12345678"
       "</SerialNumber><NetUnitType>PU</NetUnitType><DeviceID>cam01"
       "</DeviceID><FirmwareVersion>V5.7.3 build 220112</FirmwareVersion>"
       "<LocalPort>7660</LocalPort><DevType>1</DevType></Params>"
       "</PPVSPMessage>"}},
     "Hikvision",
     CS_CLASS_CAMERA,
     1,
     "DS-2CD2043G2-I"},
    {"reolink-login-refused",
     /* api.cgi Login with a wrong password: the envelope alone. */
     {{"http.body", 80,
       "[{\"cmd\":\"Login\",\"code\":1,\"error\":{\"detail\":"
       "\"invalid user\",\"rspCode\":-6}}]"}},
     "Reolink",
     CS_CLASS_UNKNOWN,
     1,
     ""},
    {"reolink-devinfo-model-only",
     /* GetDevInfo whose type field is missing: the model is a camera's. */
     {{"reolink.model", 80, "E1 Zoom"}},
     "Reolink",
     CS_CLASS_CAMERA,
     1,
     "E1 Zoom"},
    {"zyxel-usg-flex-not-ubiquiti",
     /* Zyxel's USG FLEX firewall is not Ubiquiti's USG gateway. */
     {{"snmp.sysdescr", 161, "USG FLEX 100"}},
     "Zyxel",
     CS_CLASS_ROUTER,
     0,
     "USG FLEX 100"},
    {"ubiquiti-edgeswitch",
     {{"snmp.sysdescr", 161,
       "EdgeSwitch 24-Port 250W, 1.9.0.5168504, Linux 3.6.5-f4a26ed5"}},
     "Ubiquiti",
     CS_CLASS_SWITCH,
     0,
     NULL},
    {"zte-zxr10-switch",
     {{"snmp.sysdescr", 161, "ZXR10 ROS Version V4.8.23 ZXR10 2928E Software"}},
     "ZTE",
     CS_CLASS_SWITCH,
     0,
     NULL},
    {"aruba-switch-sysdescr",
     {{"snmp.sysdescr", 161,
       "Aruba JL258A 2930F-8G-PoE+-2SFP+ Switch, revision WC.16.10.0009, "
       "ROM WC.16.01.0008"}},
     "HP",
     CS_CLASS_SWITCH,
     0,
     NULL},
    {"hikvision-isapi-smart-event",
     /* An alertStream region-entrance event without the namespace. */
     {{"hik.isapi", 80,
       "<EventNotificationAlert version=\"2.0\"><ipAddress>10.0.0.5"
       "</ipAddress><portNo>80</portNo><protocol>HTTP</protocol>"
       "<channelID>1</channelID><dateTime>2024-05-01T10:00:00+08:00"
       "</dateTime><activePostCount>1</activePostCount><eventType>"
       "regionEntrance</eventType><eventState>active</eventState>"
       "<eventDescription>Region Entrance</eventDescription>"
       "</EventNotificationAlert>"}},
     "Hikvision",
     CS_CLASS_UNKNOWN,
     1,
     NULL},
    {"hikvision-isapi-dvs-encoder",
     /* ISAPI deviceInfo of a video encoder: deviceType DVS. */
     {{"isapi.device-type", 80, "DVS"},
      {"hik.isapi", 80,
       "200 <DeviceInfo xmlns=\"http://www.isapi.org/ver20/XMLSchema\">"
       "<deviceName>Encoder</deviceName><deviceType>DVS</deviceType>"
       "</DeviceInfo>"}},
     "Hikvision",
     CS_CLASS_ENCODER,
     1,
     NULL},
    {"h3c-comware-router",
     {{"snmp.sysdescr", 161,
       "H3C Comware Platform Software, Software Version 7.1.064, Release "
       "0821P16\r\nH3C MSR3620\r\nCopyright (c) 2004-2019 New H3C "
       "Technologies Co., Ltd."}},
     "H3C",
     CS_CLASS_ROUTER,
     0,
     "MSR3620"},
    /* --- Round 4: recorder and decoder families of Honeywell and Axis,
     * which gave only the maker (and so a camera from the generic ONVIF
     * answers) before data/fingerprints/class-evidence2.fp. */
    {"honeywell-35-series-nvr-onvif",
     /* Honeywell 35 Series NVR HN35080200 (35 Series NVR datasheet)
      * answering ONVIF GetDeviceInformation and WS-Discovery as every
      * ONVIF device does: NetworkVideoTransmitter, video_encoder. */
     {{"onvif.manufacturer", 80, "Honeywell"},
      {"onvif.model", 80, "HN35080200"},
      {"onvif.firmware", 80, "V4.1.60 build 200612"},
      {"wsd.types", 3702, "dn:NetworkVideoTransmitter tds:Device"},
      {"wsd.scopes", 3702,
       "onvif://www.onvif.org/type/video_encoder "
       "onvif://www.onvif.org/Profile/Streaming "
       "onvif://www.onvif.org/hardware/HN35080200 "
       "onvif://www.onvif.org/name/Honeywell"}},
     "Honeywell",
     CS_CLASS_NVR,
     1,
     "HN35080200"},
    {"honeywell-performance-nvr-onvif",
     /* Performance Series embedded NVR HEN08142 (datasheet). */
     {{"onvif.manufacturer", 80, "Honeywell"},
      {"onvif.model", 80, "HEN08142"},
      {"wsd.types", 3702, "dn:NetworkVideoTransmitter tds:Device"},
      {"onvif.scopes", 80,
       "onvif://www.onvif.org/type/video_encoder "
       "onvif://www.onvif.org/type/NetworkVideoTransmitter"}},
     "Honeywell",
     CS_CLASS_NVR,
     1,
     "HEN08142"},
    {"honeywell-hqa-dvr-onvif",
     /* Performance Series HQA DVR HRGX81 (datasheet): a DVR, not an
      * NVR and not a camera. */
     {{"onvif.manufacturer", 80, "Honeywell"},
      {"onvif.model", 80, "HRGX81"},
      {"wsd.types", 3702, "dn:NetworkVideoTransmitter tds:Device"}},
     "Honeywell",
     CS_CLASS_DVR,
     1,
     "HRGX81"},
    {"honeywell-35-series-camera-stays-camera",
     /* The 35 Series camera HC35W45R3 next to the recorder rules. */
     {{"onvif.manufacturer", 80, "Honeywell"},
      {"onvif.model", 80, "HC35W45R3"},
      {"wsd.types", 3702, "dn:NetworkVideoTransmitter tds:Device"}},
     "Honeywell",
     CS_CLASS_CAMERA,
     1,
     "HC35W45R3"},
    {"axis-t8705-decoder-onvif",
     /* AXIS T8705 Video Decoder (Axis datasheet) over ONVIF. */
     {{"onvif.manufacturer", 80, "AXIS"},
      {"onvif.model", 80, "T8705"},
      {"wsd.types", 3702, "dn:NetworkVideoTransmitter tds:Device"}},
     "Axis",
     CS_CLASS_DECODER,
     1,
     NULL},
    {"axis-d1110-decoder-title",
     /* AXIS D1110 Video Decoder 4K web page title. */
     {{"http.title", 80, "AXIS D1110 Video Decoder 4K"},
      {"http.server", 80, "Apache"}},
     "Axis",
     CS_CLASS_DECODER,
     1,
     NULL},
    {"panasonic-wj-gxe500-encoder",
     /* WJ-GXE500 Network Video Encoder (Panasonic spec sheet) over ONVIF. */
     {{"onvif.manufacturer", 80, "Panasonic"},
      {"onvif.model", 80, "WJ-GXE500"},
      {"wsd.types", 3702, "dn:NetworkVideoTransmitter tds:Device"},
      {"onvif.scopes", 80,
       "onvif://www.onvif.org/type/video_encoder "
       "onvif://www.onvif.org/Profile/Streaming"}},
     "Panasonic",
     CS_CLASS_ENCODER,
     1,
     "WJ-GXE500"},
    {"panasonic-wj-gxd400-decoder",
     /* WJ-GXD400 Network Decoder (Panasonic spec sheet) over ONVIF. */
     {{"onvif.manufacturer", 80, "Panasonic"},
      {"onvif.model", 80, "WJ-GXD400"},
      {"wsd.types", 3702, "dn:NetworkVideoTransmitter tds:Device"},
      {"onvif.scopes", 80,
       "onvif://www.onvif.org/type/video_encoder "
       "onvif://www.onvif.org/Profile/Streaming"}},
     "Panasonic",
     CS_CLASS_DECODER,
     1,
     "WJ-GXD400"},
    {"sony-snt-ex154-encoder",
     /* Sony SNT-EX154 network video encoder (Sony datasheet) over ONVIF. */
     {{"onvif.manufacturer", 80, "Sony"},
      {"onvif.model", 80, "SNT-EX154"},
      {"wsd.types", 3702, "dn:NetworkVideoTransmitter tds:Device"},
      {"onvif.scopes", 80,
       "onvif://www.onvif.org/type/video_encoder "
       "onvif://www.onvif.org/Profile/Streaming"}},
     "Sony",
     CS_CLASS_ENCODER,
     1,
     "SNT-EX154"},
    {"bosch-vip-x1600-encoder",
     /* Bosch VIP X1600 XFM4 encoder module (Bosch datasheet) over ONVIF. */
     {{"onvif.manufacturer", 80, "Bosch"},
      {"onvif.model", 80, "VIP X1600 XFM4"},
      {"wsd.types", 3702, "dn:NetworkVideoTransmitter tds:Device"},
      {"onvif.scopes", 80,
       "onvif://www.onvif.org/type/video_encoder "
       "onvif://www.onvif.org/Profile/Streaming"}},
     "Bosch",
     CS_CLASS_ENCODER,
     1,
     "VIP X1600 XFM4"},
    {"hanwha-hrx-dvr",
     /* Wisenet HRX-1621 analogue-HD DVR (Hanwha datasheet) over ONVIF. */
     {{"onvif.manufacturer", 80, "Hanwha Techwin"},
      {"onvif.model", 80, "HRX-1621"},
      {"wsd.types", 3702, "dn:NetworkVideoTransmitter tds:Device"},
      {"onvif.scopes", 80,
       "onvif://www.onvif.org/type/video_encoder "
       "onvif://www.onvif.org/Profile/Streaming"}},
     "Hanwha Vision",
     CS_CLASS_DVR,
     1,
     "HRX-1621"},
    {"huawei-ivs1800-recorder",
     /* Huawei HoloSens IVS1800 intelligent video storage over ONVIF:
      * a recorder, not a camera. */
     {{"onvif.manufacturer", 80, "HUAWEI"},
      {"onvif.model", 80, "IVS1800"},
      {"wsd.types", 3702, "dn:NetworkVideoTransmitter tds:Device"},
      {"onvif.scopes", 80,
       "onvif://www.onvif.org/type/video_encoder "
       "onvif://www.onvif.org/Profile/Streaming"}},
     "Huawei",
     CS_CLASS_NVR,
     1,
     "IVS1800"},
    {"dahua-nkb1000-keyboard",
     /* Dahua NKB1000 network keyboard (Dahua datasheet): controls
      * video, captures none. */
     {{"onvif.manufacturer", 80, "Dahua"},
      {"onvif.model", 80, "DH-NKB1000"},
      {"wsd.types", 3702, "dn:NetworkVideoTransmitter tds:Device"},
      {"onvif.scopes", 80,
       "onvif://www.onvif.org/type/video_encoder "
       "onvif://www.onvif.org/Profile/Streaming"}},
     "Dahua",
     CS_CLASS_OTHER,
     0,
     "DH-NKB1000"},
    {"hikvision-ds1100ki-keyboard",
     /* Hikvision DS-1100KI network keyboard (Hikvision datasheet). */
     {{"onvif.manufacturer", 80, "HIKVISION"},
      {"onvif.model", 80, "DS-1100KI"},
      {"wsd.types", 3702, "dn:NetworkVideoTransmitter tds:Device"},
      {"onvif.scopes", 80,
       "onvif://www.onvif.org/type/video_encoder "
       "onvif://www.onvif.org/Profile/Streaming"}},
     "Hikvision",
     CS_CLASS_OTHER,
     0,
     "DS-1100KI"},
    {"dahua-dhip-nvs-encoder",
     /* DHIP DeviceClass NVS: Dahua's network video server, an encoder. */
     {{"dhip.raw", 37810,
       "{\"method\":\"client.notifyDevInfo\",\"params\":{"
       "\"deviceInfo\":{\"DeviceClass\":\"NVS\",\"DeviceType\":"
       "\"\",\"Vendor\":\"Dahua\"}}}"},
      {"dhip.class", 37810, "NVS"},
      {"dhip.vendor", 37810, "Dahua"}},
     "Dahua",
     CS_CLASS_ENCODER,
     1,
     NULL},
    {"dahua-dhip-nvd-decoder",
     /* DHIP DeviceClass NVD: a network video decoder. */
     {{"dhip.raw", 37810,
       "{\"method\":\"client.notifyDevInfo\",\"params\":{"
       "\"deviceInfo\":{\"DeviceClass\":\"NVD\",\"DeviceType\":"
       "\"\",\"Vendor\":\"Dahua\"}}}"},
      {"dhip.class", 37810, "NVD"},
      {"dhip.vendor", 37810, "Dahua"}},
     "Dahua",
     CS_CLASS_DECODER,
     1,
     NULL},
    {"dahua-dhip-hvr-dvr",
     /* DHIP DeviceClass HVR: a hybrid DVR. */
     {{"dhip.raw", 37810,
       "{\"method\":\"client.notifyDevInfo\",\"params\":{"
       "\"deviceInfo\":{\"DeviceClass\":\"HVR\",\"DeviceType\":"
       "\"\",\"Vendor\":\"Dahua\"}}}"},
      {"dhip.class", 37810, "HVR"},
      {"dhip.vendor", 37810, "Dahua"}},
     "Dahua",
     CS_CLASS_DVR,
     1,
     NULL},
    {"dahua-dhip-arc-alarm",
     /* DHIP DeviceClass ARC: an alarm hub (ARC3000H-W2). */
     {{"dhip.raw", 37810,
       "{\"method\":\"client.notifyDevInfo\",\"params\":{"
       "\"deviceInfo\":{\"DeviceClass\":\"ARC\",\"DeviceType\":"
       "\"\",\"Vendor\":\"Dahua\"}}}"},
      {"dhip.class", 37810, "ARC"},
      {"dhip.vendor", 37810, "Dahua"}},
     "Dahua",
     CS_CLASS_ALARM_PANEL,
     0,
     NULL},
    {"dahua-dhip-asi-access",
     /* DHIP DeviceClass ASI: an access terminal (ASI7213Y). */
     {{"dhip.raw", 37810,
       "{\"method\":\"client.notifyDevInfo\",\"params\":{"
       "\"deviceInfo\":{\"DeviceClass\":\"ASI\",\"DeviceType\":"
       "\"\",\"Vendor\":\"Dahua\"}}}"},
      {"dhip.class", 37810, "ASI"},
      {"dhip.vendor", 37810, "Dahua"}},
     "Dahua",
     CS_CLASS_ACCESS_CONTROL,
     0,
     NULL},
    {"onvif-network-video-display",
     /* A decoder answering WS-Discovery with the ONVIF device type
      * NetworkVideoDisplay (NVD; the ONVIF device types are NVT, NVD,
      * NVS, NVA): it shows streams, it is neither a camera nor a
      * recorder. */
     {{"wsd.types", 3702, "dn:NetworkVideoDisplay tds:Device"},
      {"wsd.scopes", 3702,
       "onvif://www.onvif.org/Profile/Streaming "
       "onvif://www.onvif.org/name/Decoder"},
      {"onvif.ns", 80,
       "http://www.w3.org/2003/05/soap-envelope "
       "http://www.onvif.org/ver10/device/wsdl"}},
     NULL,
     CS_CLASS_DECODER,
     1,
     NULL},
    /* --- Issue #11, fourth round: a reply in a video-first maker's
     * video-platform protocol is role evidence (surveillance, no class);
     * model evidence of a non-video product of the same maker still
     * decides, and a MAC block stays maker-only. */
    {"isapi-response-status-role",
     /* ResponseStatus of a Hikvision camera (evercam-server#63 shape). */
     {{"hik.isapi", 80,
       "200 <?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ResponseStatus "
       "version=\"2.0\" xmlns=\"http://www.hikvision.com/ver20/"
       "XMLSchema\">\n<requestURL>/ISAPI/System/deviceInfo"
       "</requestURL>\n<statusCode>4</statusCode>\n<statusString>Invalid "
       "Operation</statusString>\n</ResponseStatus>"}},
     "Hikvision",
     CS_CLASS_UNKNOWN,
     1,
     NULL},
    {"isapi-event-io-role",
     {{"hik.isapi", 80,
       "200 <EventNotificationAlert version=\"2.0\" xmlns=\"http://"
       "www.hikvision.com/ver20/XMLSchema\">\n<ipAddress>10.0.0.5"
       "</ipAddress>\n<portNo>80</portNo>\n<protocol>HTTP</protocol>\n"
       "<channelID>1</channelID>\n<eventType>IO</eventType>\n<eventState>"
       "active</eventState>\n</EventNotificationAlert>"}},
     "Hikvision",
     CS_CLASS_UNKNOWN,
     1,
     NULL},
    {"isapi-access-event-json",
     /* A DS-K1T terminal's event (pergolafabio/Hikvision-Addons#177). */
     {{"http.body", 80,
       "{\"ipAddress\": \"10.0.0.9\", \"portNo\": 80, \"protocol\": "
       "\"HTTP\", \"activePostCount\": 1, \"eventType\": "
       "\"AccessControllerEvent\", \"eventState\": \"active\", "
       "\"eventDescription\": \"Access Controller Event\"}"}},
     NULL,
     CS_CLASS_ACCESS_CONTROL,
     0,
     NULL},
    {"isapi-document-of-access-terminal",
     /* The same ISAPI role evidence plus the model of an access terminal:
      * the model tier decides, not surveillance. */
     {{"hik.isapi", 80,
       "200 <ResponseStatus version=\"2.0\" xmlns=\"http://www.isapi.org/"
       "ver20/XMLSchema\"><requestURL>/ISAPI/System/time</requestURL>"
       "<statusCode>1</statusCode></ResponseStatus>"},
      {"isapi.model", 80, "DS-K1T341AMF"}},
     "Hikvision",
     CS_CLASS_ACCESS_CONTROL,
     0,
     "DS-K1T341AMF"},
    {"isapi-document-of-ax-pro",
     {{"hik.isapi", 80,
       "200 <DeviceInfo version=\"2.0\" xmlns=\"http://www.isapi.org/"
       "ver20/XMLSchema\"><deviceName>AX PRO</deviceName><model>"
       "DS-PWA96-M-WE</model></DeviceInfo>"},
      {"isapi.model", 80, "DS-PWA96-M-WE"}},
     "Hikvision",
     CS_CLASS_ALARM_PANEL,
     0,
     NULL},
    {"ppvsp-register-pu-role",
     {{"banner", 7660,
       "<?xml version=\"1.0\" encoding=\"GB2312\"?>\n<PPVSPMessage>\n"
       "<Version>2.5</Version>\n<Sequence>1</Sequence>\n<CommandType>"
       "REQUEST</CommandType>\n<Command>REGISTER</Command>\n<Params>\n"
       "<DeviceID>dev01</DeviceID>\n<NetUnitType>PU</NetUnitType>\n"
       "</Params>\n</PPVSPMessage>"}},
     "Hikvision",
     CS_CLASS_UNKNOWN,
     1,
     NULL},
    {"sadp-reply-without-model",
     {{"sadp.raw", 37020,
       "<?xml version=\"1.0\" encoding=\"UTF-8\" ?><ProbeMatch><Uuid>x"
       "</Uuid><Types>inquiry</Types><DeviceType>1</DeviceType><DeviceSN>"
       "0820201001CCRRE12345678</DeviceSN><CommandPort>8000</CommandPort>"
       "<SoftwareVersion>V5.6.2build 190701</SoftwareVersion></ProbeMatch>"},
      {"sadp.firmware", 37020, "V5.6.2build 190701"}},
     "Hikvision",
     CS_CLASS_UNKNOWN,
     1,
     NULL},
    {"sadp-reply-of-switch",
     {{"sadp.raw", 37020,
       "<?xml version=\"1.0\" encoding=\"UTF-8\" ?><ProbeMatch><Uuid>x"
       "</Uuid><Types>inquiry</Types><DeviceDescription>DS-3E1318P-EI"
       "</DeviceDescription><DeviceSN>DS-3E1318P-EI20200101CCWRE1234"
       "</DeviceSN><CommandPort>8000</CommandPort></ProbeMatch>"},
      {"sadp.model", 37020, "DS-3E1318P-EI"}},
     "Hikvision",
     CS_CLASS_SWITCH,
     0,
     NULL},
    {"dahua-dvrip-header-role",
     {{"dahua.dvrip", 37777, "b00000680000000000000000"}},
     "Dahua",
     CS_CLASS_UNKNOWN,
     1,
     NULL},
    {"dahua-dvrip-of-door-station",
     /* DVRIP on 37777 plus a magicBox type of a VTO door station. */
     {{"dahua.dvrip", 37777, "b00000680000000000000000"},
      {"dahua.cgi", 80, "200 type=VTO2202F-P\r\n"},
      {"dahua.model", 80, "VTO2202F-P"}},
     "Dahua",
     CS_CLASS_INTERCOM,
     0,
     NULL},
    {"dahua-login-realm-role",
     /* retina#62: a Dahua camera's RTSP 401 realm is its serial. */
     {{"rtsp.realm", 8554, "Login to 4K01FD2PAJ6E3FF"}},
     "Dahua",
     CS_CLASS_UNKNOWN,
     1,
     NULL},
    {"dahua-rpc2-challenge-role",
     {{"dahua.rpc2", 80,
       "{\"result\":false,\"params\":{\"realm\":\"Login to "
       "907F3C6C73FEDA77\",\"random\":\"1f1e4fbc\",\"encryption\":"
       "\"Default\"},\"error\":{\"code\":268632079,\"message\":"
       "\"Component error: login challenge!\"},\"id\":0,\"session\":1}"}},
     "Dahua",
     CS_CLASS_UNKNOWN,
     1,
     NULL},
    {"dhip-header-role",
     {{"dhip.header", 37810,
       "2000000044484950000000000000000000000000000000000000000000000000"}},
     "Dahua",
     CS_CLASS_UNKNOWN,
     1,
     NULL},
    {"uniview-lapi-401-role",
     {{"lapi.deviceinfo", 80,
       "401 {\"Response\":{\"ResponseURL\":\"/LAPI/V1.0/System/"
       "DeviceInfo\",\"ResponseCode\":3,\"ResponseString\":\"Not "
       "Authorized\"}}"}},
     "Uniview",
     CS_CLASS_UNKNOWN,
     1,
     NULL},
    {"hikvision-mac-only",
     /* A Hikvision MAC block alone: maker, nothing more. */
     {{"mac", 0, "58:50:ed:00:00:01"},
      {"mac.maker", 0, "Hikvision"},
      {"mac.registrant", 0, "Hangzhou Hikvision Digital Technology Co.,Ltd."}},
     "Hikvision",
     CS_CLASS_UNKNOWN,
     -1,
     NULL},
    {"dahua-mac-only",
     /* Dahua is cctv=mostly: surveillance presumed, class unknown
      * (tests/fp/test_mostly.c checks the presumption's evidence). */
     {{"mac", 0, "3c:ef:8c:00:00:01"},
      {"mac.maker", 0, "Dahua"},
      {"mac.registrant", 0, "Zhejiang Dahua Technology Co., Ltd."}},
     "Dahua",
     CS_CLASS_UNKNOWN,
     1,
     NULL},
    {"dahua-update-serial-series-nvr",
     /* getSystemInfo of a Dahua NVR (rroller/dahua#9 shape): the
      * numeric deviceType says nothing, the series name says NVR. */
     {{"dahua.cgi", 80,
       "200 deviceType=31\r\nprocessor=ST7108\r\nserialNumber=5J01234PAZ"
       "00000\r\nupdateSerial=NVR4X-4KS2\r\n"},
      {"dahua.model", 80, "31"},
      {"dahua.update-serial", 80, "NVR4X-4KS2"}},
     "Dahua",
     CS_CLASS_NVR,
     1,
     NULL},
    {"imou-dhip-camera",
     {{"dhip.raw", 37810,
       "{\"method\":\"client.notifyDevInfo\",\"params\":{\"deviceInfo\":"
       "{\"DeviceType\":\"IPC-A22EP\",\"Vendor\":\"Imou\"}}}"},
      {"dhip.model", 37810, "IPC-A22EP"}},
     "Dahua",
     CS_CLASS_CAMERA,
     1,
     "IPC-A22EP"},
    {"onvif-general-xiongmai-nvr",
     /* A white-label NVR: ONVIF manufacturer "NVR", model "NVR", the
      * Xiongmai firmware scheme. */
     {{"onvif.manufacturer", 80, "NVR"},
      {"onvif.model", 80, "NVR"},
      {"onvif.firmware", 80, "V4.02.R11.34500140.12001.131600.00000"}},
     "Xiongmai",
     CS_CLASS_NVR,
     1,
     NULL},
    {"onvif-general-dahua-firmware",
     {{"onvif.manufacturer", 80, "General"},
      {"onvif.model", 80, "IPC"},
      {"onvif.firmware", 80, "2.800.0000000.13.R"}},
     "Dahua",
     CS_CLASS_CAMERA,
     1,
     NULL},
    {"hikvision-serial-in-model-key",
     {{"onvif.model", 80, "DS-7608NI-I2/8P0820210719CCRRG12345678"}},
     "Hikvision",
     CS_CLASS_NVR,
     1,
     "DS-7608NI-I2/8P"},
    {"sadp-reply-of-card-reader",
     /* Platform replies of the other DS-K and AX PRO products: still
      * not surveillance (data/fingerprints/products3.fp). */
     {{"sadp.raw", 37020,
       "<?xml version=\"1.0\" encoding=\"UTF-8\" ?><ProbeMatch><Uuid>x"
       "</Uuid><Types>inquiry</Types><DeviceDescription>DS-K1107AE"
       "</DeviceDescription><CommandPort>8000</CommandPort></ProbeMatch>"},
      {"sadp.model", 37020, "DS-K1107AE"}},
     "Hikvision",
     CS_CLASS_ACCESS_CONTROL,
     0,
     NULL},
    {"isapi-document-of-ax-pro-output-module",
     {{"hik.isapi", 80,
       "200 <DeviceInfo version=\"2.0\" xmlns=\"http://www.isapi.org/"
       "ver20/XMLSchema\"><model>DS-PM1-O1H-WE</model></DeviceInfo>"},
      {"isapi.model", 80, "DS-PM1-O1H-WE"}},
     "Hikvision",
     CS_CLASS_ALARM_PANEL,
     0,
     NULL},
    {"dhip-of-airshield-detector",
     {{"dhip.raw", 37810,
       "{\"method\":\"client.notifyDevInfo\",\"params\":{\"deviceInfo\":"
       "{\"DeviceType\":\"DHI-ARD1233-W2\",\"Vendor\":\"Dahua\"}}}"},
      {"dhip.model", 37810, "DHI-ARD1233-W2"}},
     "Dahua",
     CS_CLASS_ALARM_PANEL,
     0,
     NULL},
    {"miio-chuangmi-camera",
     /* A Mi Home camera's DHCP host name: the MiIO model id names the
      * maker behind the Xiaomi badge (xiaomi-miloco#236). */
     {{"dhcp.hostname", 67, "chuangmi-camera-ipc009_miio123456789"}},
     "Chuangmi",
     CS_CLASS_CAMERA,
     1,
     NULL},
    {"foscam-getdevinfo-camera",
     {{"http.body", 88,
       "<CGI_Result>\n    <result>0</result>\n    <productName>FI9900P"
       "</productName>\n    <serialNo>0000000000000000</serialNo>\n"
       "</CGI_Result>"}},
     "Foscam",
     CS_CLASS_CAMERA,
     1,
     NULL},
};

static void
test_cases(void **state)
{
	int fails = 0;

	(void)state;
	for (size_t c = 0; c < sizeof(cases) / sizeof(cases[0]); c++) {
		const struct ccase *k = &cases[c];
		struct cs_obs_list l;
		struct cs_identity id;
		int surv;
		bool ok;

		cs_obs_list_init(&l);
		for (size_t i = 0; i < MAX_OBS && k->obs[i].key != NULL; i++)
			assert_int_equal(cs_obs_adds(&l, k->obs[i].key,
						     k->obs[i].port,
						     k->obs[i].val),
					 0);
		cs_fp_identify(db, &l, &id);
		cs_obs_list_free(&l);
		surv = cs_identity_surveillance(&id);
		ok = id.device_class == k->cls && surv == k->surv &&
		     (k->maker == NULL ||
		      strcmp(id.manufacturer, k->maker) == 0) &&
		     (k->model == NULL || strcmp(id.model, k->model) == 0);
		/* Never a camera without camera evidence. */
		if (k->cls != CS_CLASS_CAMERA &&
		    id.device_class == CS_CLASS_CAMERA)
			ok = false;
		if (!ok) {
			fails++;
			fprintf(stderr,
				"# %s: got maker=%s model=%s class=%s surv=%d; "
				"want maker=%s model=%s class=%s surv=%d\n",
				k->name, id.manufacturer, id.model,
				cs_class_name(id.device_class), surv,
				k->maker ? k->maker : "*",
				k->model ? k->model : "*",
				cs_class_name(k->cls), k->surv);
			for (size_t i = 0; i < id.nev; i++)
				fprintf(stderr, "#   %s=%s %s w=%.2f\n",
					id.ev[i].field, id.ev[i].claim,
					id.ev[i].rule, id.ev[i].weight);
		}
	}
	assert_int_equal(fails, 0);
}

/* Generic evidence counts once: adding more generic ONVIF observations to
 * a recorder never turns it into a camera. */
static void
test_generic_counts_once(void **state)
{
	struct cs_obs_list l;
	struct cs_identity id;

	(void)state;
	cs_obs_list_init(&l);
	assert_int_equal(cs_obs_adds(&l, "sadp.model", 37020, "DS-7616NI-K2"),
			 0);
	for (uint16_t p = 80; p < 90; p++) {
		assert_int_equal(
		    cs_obs_adds(&l, "onvif.scopes", p,
				"onvif://www.onvif.org/type/video_encoder "
				"onvif://www.onvif.org/type/"
				"NetworkVideoTransmitter "
				"onvif://www.onvif.org/Profile/Streaming"),
		    0);
		assert_int_equal(cs_obs_adds(&l, "wsd.types", p,
					     "dn:NetworkVideoTransmitter"),
				 0);
		assert_int_equal(
		    cs_obs_adds(&l, "onvif.fault", p, "ter:NotAuthorized"), 0);
	}
	cs_fp_identify(db, &l, &id);
	assert_int_equal(id.device_class, CS_CLASS_NVR);
	assert_true(id.surveillance);
	cs_obs_list_free(&l);
}

static bool
has_note(const struct cs_identity *id, const char *prefix, const char *claim)
{
	for (size_t i = 0; i < id->nev; i++)
		if (strncmp(id->ev[i].rule, prefix, strlen(prefix)) == 0 &&
		    (claim == NULL || strcmp(id->ev[i].claim, claim) == 0))
			return true;
	return false;
}

static void
ident3(const char *fw, const char *model, struct cs_identity *id)
{
	struct cs_obs_list l;

	cs_obs_list_init(&l);
	/* A Lorex unit answering ONVIF GetDeviceInformation with its badge
	 * (the brand table maps Lorex to Dahua: white label, Dahua-owned
	 * 2018 to 24 Nov 2022, policy.md §2.1; ownership.tsv, oem.tsv). */
	assert_int_equal(cs_obs_adds(&l, "onvif.manufacturer", 80, "LOREX"), 0);
	if (model != NULL)
		assert_int_equal(cs_obs_adds(&l, "onvif.model", 80, model), 0);
	if (fw != NULL)
		assert_int_equal(cs_obs_adds(&l, "onvif.firmware", 80, fw), 0);
	cs_fp_identify(db, &l, id);
	cs_obs_list_free(&l);
}

/*
 * Dated relations apply in identify as in lookup (issue #11 §6): a Lorex
 * unit whose evidence dates it after the 24 Nov 2022 sale is not a
 * Dahua; one of the Dahua-era line is; one nothing dates is reported with
 * both and a lower confidence.
 */
static void
test_dated_relation(void **state)
{
	struct cs_identity era, after, postline, before, undated, direct;
	struct cs_obs_list l;

	(void)state;
	/* Dahua-era line (oem.tsv: LNB... 2018 to 2022-11-24). */
	ident3(NULL, "LNB4163B", &era);
	assert_string_equal(era.brand, "Lorex");
	assert_string_equal(era.manufacturer, "Dahua");
	assert_true(has_note(&era, "dated:model line", "Dahua"));
	/* Firmware built in May 2023: after the sale, so not Dahua. */
	ident3("V2.1.0.8 build 230515", NULL, &after);
	assert_string_equal(after.brand, "Lorex");
	assert_string_not_equal(after.manufacturer, "Dahua");
	assert_true(
	    has_note(&after, "dated:firmware 2023-05-15 after", "not Dahua"));
	/* A post-sale product line (models.tsv: N4K3 ..., former-owner
	 * until 2022-11-24): not Dahua, whatever the firmware says. */
	ident3(NULL, "N4K3-82WB", &postline);
	assert_string_equal(postline.brand, "Lorex");
	assert_string_not_equal(postline.manufacturer, "Dahua");
	assert_true(has_note(&postline, "dated:model line after", "not Dahua"));
	/* Dahua firmware naming with a build date before the sale. */
	ident3("V4.001.0000000.1.R.20200916", "W452ASD", &before);
	assert_string_equal(before.manufacturer, "Dahua");
	assert_true(
	    has_note(&before, "dated:firmware 2020-09-16 before", NULL));
	/* Nothing dates it: Dahua stays, with a lower confidence. */
	ident3(NULL, "W452ASD", &undated);
	assert_string_equal(undated.manufacturer, "Dahua");
	assert_true(has_note(&undated, "dated:undated", "Dahua"));
	assert_true(undated.confidence < era.confidence);
	/* The Dahua firmware itself (its RTSP server) names Dahua whatever
	 * the sale: the dates concern the brand mapping only. */
	cs_obs_list_init(&l);
	assert_int_equal(cs_obs_adds(&l, "onvif.manufacturer", 80, "LOREX"), 0);
	assert_int_equal(
	    cs_obs_adds(&l, "onvif.firmware", 80, "V2.1.0.8 build 230515"), 0);
	assert_int_equal(
	    cs_obs_adds(&l, "rtsp.server", 554, "Dahua Rtsp Server"), 0);
	cs_fp_identify(db, &l, &direct);
	cs_obs_list_free(&l);
	assert_string_equal(direct.manufacturer, "Dahua");
	assert_false(has_note(&direct, "dated:", NULL));
}

/* models.tsv patterns as the engine reads them (docs/lookup.md). */
static void
test_model_pattern(void **state)
{
	static const struct {
		const char *pat, *model;
		bool want;
	} t[] = {
	    {"N4K3", "N4K3-82WB", true},
	    {"n4k3", "N4K3", true},
	    {"N4K3", "N4K", false},
	    {"LNB#", "LNB4163", true},
	    {"LNB#", "LNBX163", false},
	    {"LN@#", "LNE8950", true},
	    {"E89#$", "E893", true},
	    {"E89#$", "E8931", false},
	    {"D*#", "DAB5", true},
	    {"D*#", "DABC", false},
	    {"?-1", "a-1x", true},
	    {"?-1", "--1", false},
	    {"", "X", false},
	};

	(void)state;
	for (size_t i = 0; i < sizeof(t) / sizeof(t[0]); i++)
		if (cs_fp_model_pattern(t[i].pat, t[i].model) != t[i].want) {
			fprintf(stderr, "# %s ~ %s: want %d\n", t[i].pat,
				t[i].model, t[i].want);
			fail();
		}
}

/* A rule file: `tier` is parsed, checked and needs a class claim. */
static void
test_tier_directive(void **state)
{
	static const char good[] =
	    "rule a\n on banner\n match ^x\n set class=nvr\n tier model\n"
	    " weight 0.5\n source s\n example \"x\"\n example! \"y\"\n";
	static const char bad1[] =
	    "rule a\n on banner\n match ^x\n set class=nvr\n tier best\n"
	    " weight 0.5\n source s\n example \"x\"\n example! \"y\"\n";
	static const char bad2[] =
	    "rule a\n on banner\n match ^x\n set model=x\n tier model\n"
	    " weight 0.5\n source s\n example \"x\"\n example! \"y\"\n";
	char err[256];
	struct cs_fpdb *d;

	(void)state;
	d = cs_fpdb_load_mem("t.fp", (const uint8_t *)good, strlen(good), err,
			     sizeof(err));
	assert_non_null(d);
	cs_fpdb_free(d);
	assert_null(cs_fpdb_load_mem("t.fp", (const uint8_t *)bad1,
				     strlen(bad1), err, sizeof(err)));
	assert_string_equal(err, "t.fp:5: tier: want model, role or generic");
	assert_null(cs_fpdb_load_mem("t.fp", (const uint8_t *)bad2,
				     strlen(bad2), err, sizeof(err)));
	assert_string_equal(err, "t.fp:1: rule a: 'tier' but no class= claim");
}

/* A family rule reads every key where a model string appears: up to 32
 * keys per rule are accepted, a 33rd is refused. */
static void
test_key_limit(void **state)
{
	static const char *const keys[] = {
	    "onvif.model",
	    "onvif.scopes",
	    "onvif.hardware",
	    "onvif.serial",
	    "hik.isapi",
	    "isapi.model",
	    "sadp.model",
	    "sadp.raw",
	    "dhip.model",
	    "dhip.raw",
	    "dahua.model",
	    "dahua.cgi",
	    "lapi.model",
	    "sunapi.model",
	    "xm.model",
	    "upnp.model",
	    "upnp.model-number",
	    "upnp.friendly-name",
	    "upnp.model-description",
	    "http.title",
	    "http.body",
	    "http.realm",
	    "rtsp.realm",
	    "snmp.sysdescr",
	    "banner",
	    "tls.subject",
	    "sip.server",
	    "mdns.instance",
	    "mdns.txt",
	    "ssdp.server",
	    "rtsp.sdp.session",
	    "http.server",
	    "rtsp.server",
	};
	char rule[2048], err[256];
	struct cs_fpdb *d;
	size_t n;

	(void)state;
	for (size_t want = 32; want <= 33; want++) {
		n = (size_t)snprintf(rule, sizeof(rule), "rule a\n on");
		for (size_t i = 0; i < want; i++)
			n += (size_t)snprintf(rule + n, sizeof(rule) - n, " %s",
					      keys[i]);
		snprintf(rule + n, sizeof(rule) - n,
			 "\n match DS-2CD\n set class=camera\n tier model\n"
			 " weight 0.5\n source s\n example \"DS-2CD\"\n"
			 " example! \"DS-7\"\n");
		d = cs_fpdb_load_mem("t.fp", (const uint8_t *)rule,
				     strlen(rule), err, sizeof(err));
		if (want == 32) {
			assert_non_null(d);
			cs_fpdb_free(d);
		} else {
			assert_null(d);
			assert_string_equal(
			    err, "t.fp:2: on: too many keys (max 32)");
		}
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_cases),
	    cmocka_unit_test(test_generic_counts_once),
	    cmocka_unit_test(test_tier_directive),
	    cmocka_unit_test(test_dated_relation),
	    cmocka_unit_test(test_model_pattern),
	    cmocka_unit_test(test_key_limit),
	};

	return cmocka_run_group_tests_name("class", tests, setup, teardown);
}
