#!/usr/bin/env python3
# SPDX-License-Identifier: ISC
"""`camsweep identify` on the evidence families of issue #11's field
misses: what each family's public sources quote (cited per case) gives
the maker and class a person who knows the protocol would name, and a
maker's non-camera products and bare fragments stay non-surveillance or
unknown.  Usage: test_families.py path/to/camsweep"""
import json
import os
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
from checks import check, status  # noqa: E402

# Each case: id, lines (kind, data, port), expected fields.  A field
# expected None must come out null; "surveillance" may be True/False/None.
CASES = [
    # --- TVT: github.com/mcw0/PoC TVT advisory (2018) -------------------
    ("tvt-dologin", [("http",
      "HTTP/1.1 200 OK\r\nContent-type: text/xml\r\nContent-Length: 773\r\n"
      "Connection: close\r\nAuthInfo:\r\n\r\n<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<response version=\"1.0\">\t<status>success</status>\n\t<content>\t\t<userId>"
      "{9FC4C546-402B-9C48-9DCB-508290053027}</userId>", 80)],
     {"manufacturer": "TVT", "surveillance": True}),
    # The header alone (TVT's Windows NVMS-1000 sends it too, and its 408
    # reply carries nothing else) names nobody: no surveillance claim.
    ("tvt-408-head", [("http",
      "HTTP/1.1 408 Request Timeout\r\nContent-type: text/html\r\nContent-Length: 0\r\n"
      "Connection: close\r\nAuthInfo:", 80)],
     {"manufacturer": None, "surveillance": None}),
    ("tvt-4567", [("banner", "{D79E94C5-70F0-46BD-965B-E17497CCB598}", 4567)],
     {"manufacturer": "TVT", "surveillance": True}),
    ("tvt-errorcode-body", [("http",
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<response version=\"1.0\"><status>fail"
      "</status><errorCode>536870948</errorCode></response>", 80)],
     {"manufacturer": "TVT"}),
    # NVMS-1000 on Windows (HTB ServMon): TVT's VMS software, not a camera.
    ("tvt-nvms1000-pc", [("http",
      "HTTP/1.1 200 OK\r\nContent-type: text/html\r\nContent-Length: 340\r\nConnection: close\r\n"
      "AuthInfo: \r\n\r\n<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Transitional//EN\" "
      "\"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd\">\n<html xmlns=\""
      "http://www.w3.org/1999/xhtml\">\n<head>\n<title></title>\n<script type=\"text/javascript\">\n"
      "window.location.href = \"Pages/login.htm\";\n</script>\n</head>\n<body>\n</body>\n</html>\n", 80)],
     {"manufacturer": "TVT", "device_class": "vms-software", "surveillance": False}),
    # --- Reolink api.cgi (reolink_aio debug logs in home-assistant/core
    # #103241, JimStar/reolink_cctv #78; values made up where the logs
    # redact them) ----------------------------------------------------
    ("reolink-devinfo-cut", [("http",
      '            "firmVer" : "v3.0.0.2356_23062003",\n            "frameworkVer" : 1,\n'
      '            "hardVer" : "IPC_523128M5MP",\n            "model" : "E1 Zoom",\n'
      '            "name" : "Front",\n', 80)],
     {"manufacturer": "Reolink", "model": "E1 Zoom", "firmware": "v3.0.0.2356_23062003",
      "device_class": "camera", "surveillance": True}),
    ("reolink-nvr-cut", [("http",
      '"hardVer": "N2MB02", "model": "RLN36", "name": "NVR", "pakSuffix": "pak", '
      '"serial": "00000000000000", "type": "NVR", "wifi": 0}}}]', 80)],
     {"manufacturer": "Reolink", "device_class": "nvr", "surveillance": True}),
    ("reolink-ability", [("http",
      '{"Ability": {"abilityChn": [{"aiTrack": {"permit": 0, "ver": 0}, '
      '"aiTrackDogCat": {"permit": 0, "ver": 0}, "alarmAudio": {"permit": 6, "ver": 1}', 80)],
     {"manufacturer": "Reolink"}),
    ("reolink-login-log", [("http",
      'HTTP Response data:\n[\n   {\n      "cmd" : "Login",\n      "code" : 0,\n'
      '      "value" : {\n         "Token" : {\n            "leaseTime" : 3600,', 443)],
     {"manufacturer": "Reolink"}),
    # A JSON fragment of another kind with a firmVer member is no Reolink.
    ("not-reolink-firmver", [("http", '"firmVer": "1.2.3", "model": "X100"', 80)],
     {"manufacturer": None}),
    # --- TP-Link Tapo cameras' HTTPS login answer (pytapo #109, #135;
    # python-kasa #1356) and what must stay unclassed ----------------
    ("tapo-login-repr", [("http",
      "{'result': {'data': {'code': -40401, 'time': 9, 'max_time': 10, 'encrypt_type': ['3'], "
      "'key': 'REDACTED', 'nonce': 'REDACTED', 'device_confirm': 'REDACTED'}}, 'error_code': -40413}", 443)],
     {"manufacturer": "TP-Link", "device_class": "camera", "surveillance": True}),
    ("tapo-login-json", [("http",
      "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\r\n{\"error_code\":-40413,\"result\":"
      "{\"data\":{\"code\":-40401,\"encrypt_type\":[\"3\"],\"key\":\"MFwwDQYJKoZIhvcNAQEBBQAD\","
      "\"nonce\":\"91EF05CB287811E1\",\"device_confirm\":\"F27F39A9\"}}}", 443)],
     {"manufacturer": "TP-Link", "device_class": "camera"}),
    # A bare TP-Link error code names the maker, not a camera.
    ("tplink-error-only", [("http", "{\"error_code\": -40401}", 443)],
     {"manufacturer": "TP-Link", "device_class": None, "surveillance": None}),
    # --- Dahua fragments and certificates (rroller/dahua #9, #647;
    # D4-project/Plum-Island #204) -------------------------------------
    ("dahua-name-nvr", [("dahua-cgi", "name=NVR\r\n", 80)],
     {"device_class": "nvr"}),
    ("dahua-type-xvr-line", [("http", "type=XVR\r\n", 80)],
     {"device_class": "dvr", "surveillance": True}),
    ("dahua-issuer-nbsp", [("tls.issuer",
      "CN=Dahua\u00a0Device\u00a0NVR\u00a0CA, O=Zhejiang\u00a0Dahua\u00a0Technology\u00a0Co.,Ltd., "
      "ST=Zhejiang, L=Hangzhou, C=CN", 443)],
     {"manufacturer": "Dahua", "device_class": None, "surveillance": True}),
    # The certificate's "NVR" is no class (rroller/dahua #647: a camera
    # with that issuer); a door station's model gives the class.
    ("dahua-vto-with-nvr-issuer", [("tls.issuer", "CN=Dahua Device NVR CA, O=Zhejiang Dahua Technology "
      "Co.,Ltd., C=CN", 443), ("dahua-cgi", "deviceType=VTO2202F-P\r\n", 80)],
     {"manufacturer": "Dahua", "device_class": "intercom", "surveillance": False}),
    # --- product-type words (Axis VAPIX param.cgi, Vivotek getparam,
    # ISAPI deviceName) ------------------------------------------------
    ("axis-prodtype-only", [("http", "root.Brand.ProdType=PTZ Dome Network Camera\r\n", 80)],
     {"manufacturer": "Axis", "device_class": "camera", "surveillance": True}),
    ("axis-door-station", [("http", "root.Brand.ProdType=Network Door Station\r\n", 80)],
     {"manufacturer": "Axis", "device_class": "intercom", "surveillance": False}),
    ("axis-speaker", [("axis-param", "root.Brand.ProdType=Network Speaker\r\n", 80)],
     {"manufacturer": "Axis", "surveillance": False}),
    ("vivotek-hostname", [("http", "system_hostname='Mega-pixel Network Camera'\r\n", 80)],
     {"device_class": "camera"}),
    ("isapi-devicename-fragment", [("http", "<deviceName>IP CAMERA</deviceName>\n<deviceID>8ef8b2a0</deviceID>", 80)],
     {"device_class": "camera"}),
    # --- HiSilicon IPC SDK servers: a camera, no maker (angelcam
    # arrow-client; public RTSP captures) -------------------------------
    ("hiipcam-vodserver", [("rtsp",
      "RTSP/1.0 200 OK\r\nServer: HiIpcam/V100R003 VodServer/1.0.0\r\nPublic: OPTIONS, DESCRIBE, "
      "SETUP, TEARDOWN, PLAY\r\n\r\n", 554)],
     {"manufacturer": None, "device_class": "camera", "surveillance": True}),
    ("hisilicon-ipcam-400", [("rtsp",
      "RTSP/1.0 400 Bad Request\r\nCache-Control: no-cache\r\nServer: Hisilicon Ipcam\r\n\r\n", 554)],
     {"manufacturer": None, "device_class": "camera"}),
    # Python dict repr, as Home Assistant logs print reolink_aio's data.
    ("reolink-devinfo-repr", [("http",
      "'firmVer': 'v3.0.0.136_20121102', 'hardVer': 'IPC_51516M5M', 'model': 'RLC-410-5MP', "
      "'name': 'Driveway'", 80)],
     {"manufacturer": "Reolink", "model": "RLC-410-5MP", "device_class": "camera"}),
    # Dahua RPC2 answers as log lines (rroller/dahua rpc2.py debug logs).
    ("dahua-rpc2-class-as-http", [("http",
      '{"id":5,"params":{"type":"XVR"},"result":true,"session":"abc"}', 80)],
     {"manufacturer": "Dahua", "device_class": "dvr", "surveillance": True}),
    ("dahua-rpc2-realm-cut", [("http", '"realm":"Login to 4K01FD2PAJ6E3FF"', 80)],
     {"manufacturer": "Dahua"}),
    ("axis-prodshortname", [("http", "root.Brand.ProdShortName=AXIS M3106-L Mk II\r\n", 80)],
     {"manufacturer": "Axis", "device_class": "camera"}),
    ("axis-bdi-cut-before-brand", [("http", '{"ProdType": "Network Camera", "ProdNbr": "M3106-L"', 80)],
     {"manufacturer": "Axis", "model": "M3106-L", "device_class": "camera"}),
    ("isapi-devicetype-fragment", [("http", "<deviceType>IPDome</deviceType>", 80)],
     {"device_class": "camera"}),
    # Tapo's 443 certificate (HomeAssistant-Tapo-Control #1207, #1088)
    # names TP-Link only; with the camera API's challenge, a camera.
    ("tapo-cert-only", [("tls.subject", "CN=TPRI-DEVICE, O=TPRI, C=US", 443)],
     {"manufacturer": "TP-Link", "device_class": None, "surveillance": None}),
    ("tapo-cert-and-challenge", [("tls.subject", "CN=TPRI-DEVICE, O=TPRI, C=US", 443),
      ("http", "{'result': {'data': {'code': -40401, 'encrypt_type': ['3'], 'key': 'K', "
       "'nonce': 'N', 'device_confirm': 'C'}}, 'error_code': -40413}", 443)],
     {"manufacturer": "TP-Link", "device_class": "camera", "surveillance": True}),
    # --- GB/T 28181 (the PRC networked video-surveillance standard):
    # MANSCDP DeviceInfo answers laid out as GB28181 clients quote them
    # (a Tiandy TC-2808AN-HD, a HIKVISION DS-7916N-R4 NVR that answers
    # DeviceType DVR), codes of coding rule A (Annex D) ----------------
    ("gb28181-hik-nvr", [("sip",
      "MESSAGE sip:34020000002000000001@3402000000 SIP/2.0\r\n"
      "From: <sip:34020000001110000005@3402000000>;tag=1\r\n"
      "Content-Type: Application/MANSCDP+xml\r\n\r\n"
      "<?xml version=\"1.0\"?>\r\n<Response>\r\n<CmdType>DeviceInfo</CmdType>\r\n"
      "<SN>1676965736</SN>\r\n<DeviceID>34020000001110000005</DeviceID>\r\n"
      "<DeviceName>Network Video Recorder</DeviceName>\r\n<Result>OK</Result>\r\n"
      "<DeviceType>DVR</DeviceType>\r\n<Manufacturer>HIKVISION</Manufacturer>\r\n"
      "<Model>DS-7916N-R4</Model>\r\n<Firmware>V4.72.107</Firmware>\r\n</Response>\r\n",
      5060)],
     {"manufacturer": "Hikvision", "model": "DS-7916N-R4", "firmware": "V4.72.107",
      "device_class": "nvr", "surveillance": True}),
    ("gb28181-tiandy-body", [("sip",
      "<DeviceID>64010000001110000001</DeviceID> \n<Result>OK</Result> \n"
      "<DeviceType>DVR</DeviceType> \n<Manufacturer>Tiandy</Manufacturer> \n"
      "<Model>TC-2808AN-HD</Model> \n<Firmware>V2.1, build 091111</Firmware>", 5060)],
     {"manufacturer": "Tiandy", "model": "TC-2808AN-HD", "firmware": "V2.1, build 091111",
      "surveillance": True}),
    ("gb28181-tiandy-response", [("sip",
      "<Response>\n<CmdType>DeviceInfo</CmdType>\n<DeviceID>64010000001110000001</DeviceID>\n"
      "<DeviceType>DVR</DeviceType>\n<Manufacturer>Tiandy</Manufacturer>\n"
      "<Model>TC-2808AN-HD</Model>\n", 5060)],
     {"manufacturer": "Tiandy", "model": "TC-2808AN-HD", "surveillance": True}),
    # A camera registering with its default code, nothing else: a camera
    # of no named maker; the platform's own code (200) says nothing.
    ("gb28181-register-ipc", [("sip",
      "REGISTER sip:34020000002000000001@3402000000 SIP/2.0\r\n"
      "From: <sip:34020000001320000001@3402000000>;tag=1\r\n"
      "To: <sip:34020000001320000001@3402000000>\r\n\r\n", 5060)],
     {"manufacturer": None, "device_class": "camera", "surveillance": True}),
    # The camera code outweighs sip-door-station's reading of a SIP
    # agent that names a maker of door stations as well as cameras.
    ("gb28181-register-ipc-hik-agent", [("sip",
      "REGISTER sip:34020000002000000001@3402000000 SIP/2.0\r\n"
      "From: <sip:34020000001320000001@3402000000>;tag=1\r\n"
      "User-Agent: Hikvision\r\n\r\n", 5060)],
     {"manufacturer": "Hikvision", "device_class": "camera", "surveillance": True}),
    ("gb28181-platform-query", [("sip",
      "MESSAGE sip:34020000001320000001@3402000000 SIP/2.0\r\n"
      "From: <sip:34020000002000000001@3402000000>;tag=1\r\n\r\n", 5060)],
     {"manufacturer": None, "device_class": None, "surveillance": None}),
    # --- Model numbers followed by an underscore suffix, as device names
    # built from the model carry them (D-Link's web realm DCS-8000LH_00,
    # bmork/defogger #9; a model-plus-site name in a title): the family
    # still names maker, model and class ---------------------------------
    ("underscore-dlink-realm", [("http.www-authenticate", 'Basic realm="DCS-8000LH_00"', 80)],
     {"manufacturer": "D-Link", "model": "DCS-8000LH", "device_class": "camera"}),
    ("underscore-milesight", [("http.title", "MS-C2963-PB_01", 80)],
     {"manufacturer": "Milesight", "model": "MS-C2963-PB", "device_class": "camera"}),
    ("underscore-tiandy", [("http.title", "TC-C32XN_1", 80)],
     {"manufacturer": "Tiandy", "model": "TC-C32XN", "device_class": "camera"}),
    ("underscore-reolink-nvr", [("http.title", "RLN8-410_home", 80)],
     {"manufacturer": "Reolink", "device_class": "nvr"}),
    ("underscore-vstarcam", [("http.title", "C7824WIP_x", 80)],
     {"manufacturer": "Vstarcam", "model": "C7824WIP"}),
    # ... and a leading prefix joined by an underscore (a name the
    # installer gave: Cam_MS-C2963-PB) still reads the model after it;
    # the class companion of the same grammar reads it too ------------
    ("prefix-underscore-milesight", [("http.title", "Cam_MS-C2963-PB", 80)],
     {"manufacturer": "Milesight", "model": "MS-C2963-PB", "device_class": "camera"}),
    ("prefix-underscore-milesight-nvr", [("http.title", "NVR_MS-N5008-UPC", 80)],
     {"manufacturer": "Milesight", "model": "MS-N5008-UPC", "device_class": "nvr"}),
    ("prefix-underscore-tiandy", [("http.title", "Lobby_TC-C32XN", 80)],
     {"manufacturer": "Tiandy", "model": "TC-C32XN", "device_class": "camera"}),
    ("prefix-underscore-dahua", [("http.title", "Gate_IPC-HDW2431T-AS-S2", 80)],
     {"manufacturer": "Dahua", "model": "IPC-HDW2431T-AS-S2", "device_class": "camera"}),
    ("prefix-underscore-hiwatch-nvr", [("http.title", "Rec_HWN-4104MH", 80)],
     {"manufacturer": "Hikvision", "device_class": "nvr"}),
    # a letter or digit before the model still blocks it (XMS-C2963-PB is
    # no Milesight model)
    ("prefix-letter-milesight", [("http.title", "XMS-C2963-PB", 80)],
     {"manufacturer": None, "model": None}),
    # --- A web UI titled with nothing but its badge names the maker;
    # the same word inside a longer title stays weaker, and Ubuntu's
    # LTS is nobody ---------------------------------------------------
    ("title-brand-tvt", [("http.title", "TVT", 80)],
     {"manufacturer": "TVT", "surveillance": True}),
    ("title-brand-hipcam", [("http.title", "HIPCAM", 80)],
     {"manufacturer": "Hipcam"}),
    ("title-brand-night-owl", [("http.title", "Night Owl", 80)],
     {"manufacturer": "Night Owl"}),
    ("title-brand-ubuntu-lts", [("http.title", "Ubuntu LTS", 80)],
     {"manufacturer": None, "surveillance": None}),
    ("server-brand-tvt", [("http.server", "TVT", 80)],
     {"manufacturer": "TVT", "surveillance": True}),
    ("dhcp-vendor-brand-zmodo", [("dhcp-vendor-class", "Zmodo", None)],
     {"manufacturer": "Zmodo"}),
    ("server-lighttpd", [("http.server", "lighttpd/1.4.59", 80)],
     {"manufacturer": None, "surveillance": None}),
    # --- A manufacturer/ scope in a ProbeMatch names the maker
    # (Jazea/Onvif.Core #55: Hanwha Vision sends one; others do too) ---
    ("wsd-manufacturer-scope", [("wsd",
      "onvif://www.onvif.org/type/video_encoder onvif://www.onvif.org/manufacturer/Sunell "
      "onvif://www.onvif.org/hardware/IPC", 3702)],
     {"manufacturer": "Sunell", "surveillance": True}),
    ("wsd-manufacturer-scope-neutral", [("wsd",
      "onvif://www.onvif.org/manufacturer/IPC onvif://www.onvif.org/hardware/IPC", 3702)],
     {"manufacturer": None}),
    # --- SNMP sysObjectID: the IANA Private Enterprise Number names the
    # maker only (www.iana.org/assignments/enterprise-numbers; RFC 3418).
    # No class from it; a multi-product maker's number (Huawei 2011, a
    # switch's or router's too) raises no surveillance flag; near misses
    # and Net-SNMP's own number name nobody -----------------------------
    ("snmp-oid-hikvision", [("snmp-sysobjectid",
      "SNMPv2-MIB::sysObjectID.0 = OID: SNMPv2-SMI::enterprises.39165.1.1", 161)],
     {"manufacturer": "Hikvision", "device_class": None}),
    ("snmp-oid-dahua", [("snmp-sysobjectid", ".1.3.6.1.4.1.37496.1", 161)],
     {"manufacturer": "Dahua", "device_class": None}),
    ("snmp-oid-hanwha", [("snmp-sysobjectid", "iso.3.6.1.4.1.36849.1.2", 161)],
     {"manufacturer": "Hanwha Vision", "device_class": None}),
    ("snmp-oid-axis", [("snmp-sysobjectid", "1.3.6.1.4.1.368.4", 161)],
     {"manufacturer": "Axis", "device_class": None}),
    ("snmp-oid-huawei-switch", [("snmp-sysobjectid", "1.3.6.1.4.1.2011.2.23.447", 161)],
     {"manufacturer": "Huawei", "device_class": None, "surveillance": None}),
    ("snmp-oid-net-snmp", [("snmp-sysobjectid", "1.3.6.1.4.1.8072.3.2.10", 161)],
     {"manufacturer": None, "surveillance": None}),
    ("snmp-oid-avtech-software", [("snmp-sysobjectid", "1.3.6.1.4.1.20916.1.9", 161)],
     {"manufacturer": None, "surveillance": None}),
    ("snmp-oid-tvt-registrant", [("snmp-sysobjectid", "1.3.6.1.4.1.50671.1", 161)],
     {"manufacturer": None, "surveillance": None}),
    ("snmp-oid-near-pen", [("snmp-sysobjectid", "1.3.6.1.4.1.391650.1", 161)],
     {"manufacturer": None}),
    # the sysDescr's class evidence still gives the class beside it
    ("snmp-oid-axis-sysdescr", [
      ("snmp-sysobjectid", "1.3.6.1.4.1.368.4", 161),
      ("snmp-sysdescr", "; AXIS P3265-LVE; Dome Camera; 11.11.73; Oct 12 2024 09:12; 1D7; 1", 161)],
     {"manufacturer": "Axis", "device_class": "camera", "surveillance": True}),
    # --- class evidence of camera makers' non-video products and of
    # network gear (issue #11 item 1, class-security.fp, class-network.fp)
    # ISAPI SecurityCP: /ISAPI/SecurityCP/status/host answers AlarmHostStatus
    ("isapi-securitycp-host", [("http", "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\r\n"
      "{\"AlarmHostStatus\": {\"HostStatus\": {\"ACConnect\": true, \"batteryStatus\": \"normal\"}}}", 80)],
     {"device_class": "alarm-panel", "surveillance": False}),
    # Dahua magicBox getDeviceClass of an alarm hub (ARC family)
    ("dahua-class-arc", [("dahua-cgi", "class=ARC\r\n", 80)],
     {"device_class": "alarm-panel", "surveillance": False}),
    # DoorBird LAN API: every answer is {"BHA": {"RETURNCODE": ...}}
    ("doorbird-bha", [("http", "{\"BHA\": {\"RETURNCODE\": \"1\", \"VERSION\": [{\"FIRMWARE\": \"000109\", "
      "\"BUILD_NUMBER\": \"1234\"}]}}", 80)],
     {"device_class": "intercom", "surveillance": False}),
    # TR-064 (DSL Forum): the CPE's root device type
    ("tr064-igd", [("upnp", "<?xml version=\"1.0\"?><root xmlns=\"urn:dslforum-org:device-1-0\"><device>"
      "<deviceType>urn:dslforum-org:device:InternetGatewayDevice:1</deviceType>"
      "<friendlyName>gateway</friendlyName></device></root>", 49000)],
     {"device_class": "router", "surveillance": False}),
    # A camera's own M-SEARCH for a gateway (UPnP port mapping) is no
    # router: the ST of a search request names what it looks for
    ("camera-msearch-igd", [("ssdp", "M-SEARCH * HTTP/1.1\r\nHOST: 239.255.255.250:1900\r\n"
      "MAN: \"ssdp:discover\"\r\nMX: 2\r\nST: urn:schemas-upnp-org:device:InternetGatewayDevice:1\r\n\r\n", 1900),
      ("rtsp", "RTSP/1.0 401 Unauthorized\r\nCSeq: 1\r\nServer: Hikvision-Webs\r\n\r\n", 554)],
     {"manufacturer": "Hikvision", "device_class": None}),
    # sysDescr naming the kind of device (RFC 1213)
    ("sysdescr-print-server", [("snmp-sysdescr", "D-Link DP-301U Print Server", 161)],
     {"device_class": "printer", "surveillance": False}),
    ("sysdescr-routing-switch", [("snmp-sysdescr", "Ethernet Routing Switch 5520-48T-PWR  HW:00 FW:6.0.0.8", 161)],
     {"device_class": "switch", "surveillance": False}),
    # Kasa get_sysinfo "mic_type" of a smart plug (python-kasa docs)
    ("kasa-plug-mic-type", [("tplink", "{\"system\":{\"get_sysinfo\":{\"model\":\"HS105(US)\","
      "\"mic_type\":\"IOT.SMARTPLUGSWITCH\",\"next_action\":{\"type\":-1}}}}", 9999)],
     {"device_class": "other", "surveillance": False}),
    # (next family)
]


def main():
    exe = sys.argv[1]
    lines = []
    for cid, obs, _ in CASES:
        for kind, data, port in obs:
            o = {"device": cid, "kind": kind, "data": data}
            if port:
                o["port"] = port
            lines.append(json.dumps(o))
    p = subprocess.run([exe, "identify", "--no-oui"], input=("\n".join(lines) + "\n").encode(),
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=60)
    check(p.returncode == 0, "exit status %d: %s" % (p.returncode, p.stderr[-300:]))
    got = {}
    for l in p.stdout.decode().splitlines():
        o = json.loads(l)
        got[o.get("device", o.get("id"))] = o
    for cid, _, want in CASES:
        o = got.get(cid)
        if o is None:
            check(False, "%s: no identity" % cid)
            continue
        for k, v in want.items():
            check(o.get(k) == v, "%s: %s = %r, want %r" % (cid, k, o.get(k), v))
    return status("ok: %d cases" % len(CASES))


if __name__ == "__main__":
    sys.exit(main())
