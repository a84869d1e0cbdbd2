#!/usr/bin/env python3
# SPDX-License-Identifier: ISC
"""Partial evidence (issue #11 §3, §5): truncated, fragmentary and sloppy
replies, shaped as captures and logs hold them, still name maker, model
(and class where the reply says it) through `camsweep identify`, and the
output says the reply was salvaged.  A DOCTYPE is never salvaged.
Usage: test_salvage.py path/to/camsweep"""
import json
import subprocess
import sys

SOAP_HEAD = ('<?xml version="1.0" encoding="UTF-8"?>\n<env:Envelope '
             'xmlns:env="http://www.w3.org/2003/05/soap-envelope" '
             'xmlns:tds="http://www.onvif.org/ver10/device/wsdl"><env:Body>')

# (id, kind, data, want fields, want salvaged)
CASES = [
    # SOAP cut at a capture's snap length inside FirmwareVersion
    ("onvif-cut", "onvif",
     "HTTP/1.1 200 OK\r\nContent-Type: application/soap+xml\r\nContent-Length: 1200\r\n\r\n"
     + SOAP_HEAD + "<tds:GetDeviceInformationResponse><tds:Manufacturer>Dahua"
     "</tds:Manufacturer><tds:Model>IPC-HDW1431T1-S4</tds:Model><tds:FirmwareVersion>2.800.00",
     {"manufacturer": "Dahua", "model": "IPC-HDW1431T1-S4"}, True),
    # a Body without its Envelope (undeclared prefixes), from a log line
    ("onvif-body", "onvif",
     "<tds:GetDeviceInformationResponse><tds:Manufacturer>HIKVISION</tds:Manufacturer>"
     "<tds:Model>DS-2CD2385G1-I</tds:Model><tds:FirmwareVersion>V5.6.2 build 190701"
     "</tds:FirmwareVersion></tds:GetDeviceInformationResponse>",
     {"manufacturer": "Hikvision", "model": "DS-2CD2385G1-I"}, True),
    # stray bytes before and after a bare element fragment
    ("onvif-stray", "onvif",
     "\x00\x17>> <tds:Manufacturer>HIKVISION</tds:Manufacturer><tds:Model>DS-7608NI-K2"
     "</tds:Model> <<\x01",
     {"manufacturer": "Hikvision", "model": "DS-7608NI-K2"}, True),
    # WS-Discovery ProbeMatch cut inside XAddrs
    ("wsd-cut", "wsd",
     "<d:ProbeMatches><d:ProbeMatch><d:Types>dn:NetworkVideoTransmitter</d:Types><d:Scopes>"
     "onvif://www.onvif.org/type/video_encoder onvif://www.onvif.org/name/HIKVISION "
     "onvif://www.onvif.org/hardware/DS-2CD2143G2-I</d:Scopes><d:XAddrs>http://10.0",
     {"manufacturer": "Hikvision", "model": "DS-2CD2143G2-I"}, True),
    # ISAPI deviceInfo cut after deviceType (an NVR)
    ("isapi-cut", "isapi",
     "HTTP/1.1 200 OK\r\nContent-Type: application/xml\r\nContent-Length: 1024\r\n\r\n"
     '<?xml version="1.0" encoding="UTF-8"?>\n<DeviceInfo version="2.0" '
     'xmlns="http://www.hikvision.com/ver20/XMLSchema">\n<deviceName>Embedded Net DVR</deviceName>\n'
     "<model>DS-7608NI-K2</model>\n<firmwareVersion>V4.30.085</firmwareVersion>\n"
     "<deviceType>NVR</deviceType>\n<telecontrolID>8",
     {"manufacturer": "Hikvision", "model": "DS-7608NI-K2", "firmware": "V4.30.085",
      "device_class": "nvr"}, True),
    # the DeviceInfo as an integration logs the parsed XML (a Python dict
    # repr), and as ISAPI's ?format=json answer
    ("isapi-dict-repr", "isapi",
     "{'@version': '2.0', '@xmlns': 'http://www.isapi.org/ver20/XMLSchema', "
     "'deviceName': 'Network Video Recorder', 'deviceID': '48473336-0000', "
     "'model': 'DS-7616NXI-K2', 'firmwareVersion': 'V4.62.210', 'deviceType': 'NVR'}",
     {"manufacturer": "Hikvision", "model": "DS-7616NXI-K2", "device_class": "nvr"}, True),
    ("isapi-json", "isapi",
     '{"DeviceInfo": {"deviceName": "IP CAMERA", "deviceID": "ab12", '
     '"model": "DS-2CD2347G2-LU", "firmwareVersion": "V5.7.15", "deviceType": "IPCamera"}}',
     {"manufacturer": "Hikvision", "model": "DS-2CD2347G2-LU", "device_class": "camera"}, True),
    # the 401 userCheck answer names the maker and nothing else (its
    # statusValue is not a model)
    ("isapi-401", "isapi",
     "HTTP/1.1 401 Unauthorized\r\nContent-Type: application/xml\r\nContent-Length: 240\r\n\r\n"
     '<?xml version="1.0" encoding="UTF-8" ?>\n<userCheck version="2.0" '
     'xmlns="http://www.hikvision.com/ver20/XMLSchema">\n<statusValue>401</statusValue>\n'
     "<statusString>Unauthorized</statusString>\n</userCheck>\n",
     {"manufacturer": "Hikvision", "model": None, "firmware": None}, False),
    # the same ISAPI answer given as an ordinary http capture
    ("isapi-as-http", "http",
     "HTTP/1.1 200 OK\r\nContent-Type: application/xml\r\n\r\n"
     '<DeviceInfo xmlns="http://www.isapi.org/ver20/XMLSchema"><model>DS-7204HQHI-K1</model>'
     "<firmwareVersion>V4.0.1</firmwareVersion><deviceType>DVR</deviceType></DeviceInfo>",
     {"manufacturer": "Hikvision", "model": "DS-7204HQHI-K1", "device_class": "dvr"}, False),
    # DHIP JSON without its 32-byte header, sloppy (single quotes, bare keys,
    # trailing commas), pretty-printed
    ("dhip-sloppy", "dhip",
     "{\n  'mac' : '3c:ef:8c:00:00:01',\n  method: 'client.notifyDevInfo',\n  params: {\n"
     "    deviceInfo: {\n      DeviceClass: 'NVR',\n      DeviceType: 'NVR4104HS-P-4KS2',\n"
     "      Version: '4.001.0000000.3.R',\n    },\n  },\n}",
     {"manufacturer": "Dahua", "model": "NVR4104HS-P-4KS2", "device_class": "nvr"}, True),
    # DHIP JSON cut inside the deviceInfo object
    ("dhip-cut", "dhip",
     '{"mac":"3c:ef:8c:00:00:01","method":"client.notifyDevInfo","params":{"deviceInfo":'
     '{"DeviceClass":"IPC","DeviceType":"IPC-HFW2431S-S-S2","SerialNo":"6J0",',
     {"manufacturer": "Dahua", "model": "IPC-HFW2431S-S-S2"}, True),
    # Xiongmai DVRIP JSON without its binary framing
    ("dvrip-bare", "dvrip",
     '{ "Name" : "SystemInfo", "Ret" : 100, "SessionID" : "0x00000001", "SystemInfo" : '
     '{ "HardWare" : "HI3516EV300_85H50AI", "SoftWareVersion" : '
     '"V5.00.R02.000529B2.10010.040600.0020000" } }',
     {"manufacturer": "Xiongmai", "model": "HI3516EV300_85H50AI"}, True),
    # an ONVIF exchange captured as plain http, cut
    ("soap-as-http", "http",
     "HTTP/1.1 200 OK\r\nContent-Type: application/soap+xml\r\nContent-Length: 2000\r\n\r\n"
     + SOAP_HEAD + "<tds:GetDeviceInformationResponse><tds:Manufacturer>Dahua"
     "</tds:Manufacturer><tds:Model>IPC-HFW2431S-S-S2</tds:Model><tds:FirmwareVer",
     {"manufacturer": "Dahua", "model": "IPC-HFW2431S-S-S2"}, True),
    # a UPnP description captured as http, cut inside serialNumber
    ("upnp-as-http", "http",
     "HTTP/1.1 200 OK\r\nContent-Type: text/xml\r\n\r\n<?xml version=\"1.0\"?><root "
     'xmlns="urn:schemas-upnp-org:device-1-0"><device><deviceType>'
     "urn:schemas-upnp-org:device:Basic:1</deviceType><manufacturer>Hikvision</manufacturer>"
     "<modelName>DS-2CD2143G2-I</modelName><serialNum",
     {"manufacturer": "Hikvision", "model": "DS-2CD2143G2-I"}, True),
    # SADP fields without their ProbeMatch root, cut
    ("sadp-fragment", "sadp",
     "<DeviceType>207017</DeviceType><DeviceDescription>DS-2CD2385G1-I</DeviceDescription>"
     "<SoftwareVersion>V5.6.2build 190701</SoftwareVersion><DSPVersion>V7",
     {"manufacturer": "Hikvision", "model": "DS-2CD2385G1-I"}, True),
    # a JSON-RPC answer over Dahua DVRIP (f6 00 00 68 header, protocols.md §6)
    ("dvrip-json", "dvrip",
     "\xf6\x00\x00\x68\x3c" + "\x00" * 27 +
     '{ "id" : 4, "params" : { "type" : "IPC-HDW2431T-AS-S2" }, "result" : true, "session" : 7 }',
     {"manufacturer": "Dahua", "model": "IPC-HDW2431T-AS-S2"}, False),
    # a DESCRIBE reply's SDP without its RTSP head (Hikvision IMKH header)
    ("sdp-only", "rtsp",
     "v=0\r\no=- 1109162014219182 0 IN IP4 0.0.0.0\r\ns=Media Presentation\r\n"
     "e=NONE\r\nb=AS:5050\r\nt=0 0\r\na=control:*\r\nm=video 0 RTP/AVP 96\r\n"
     "a=rtpmap:96 H264/90000\r\na=Media_header:MEDIAINFO=494D4B48010100000400000100000000;\r\n",
     {"manufacturer": "Hikvision"}, True),
    # headers without their status line, as a log holds them
    ("headers-only", "http",
     "Server: App-webs/\r\nWWW-Authenticate: Digest qop=\"auth\", realm=\"IP Camera(C2189)\", "
     "nonce=\"4e6a\"\r\n",
     {"manufacturer": "Hikvision"}, True),
    # stray bytes of a stream dump before the status line
    ("stray-before-rtsp", "rtsp",
     "...RTSP/1.0 401 Unauthorized\r\nCSeq: 2\r\nWWW-Authenticate: Digest realm=\"Login to "
     "4L0123PAZ\", nonce=\"a1\"\r\nServer: Dahua Rtsp Server\r\n\r\n",
     {"manufacturer": "Dahua"}, True),
    # an Axis basicdeviceinfo body given as http without its head
    ("axis-body-as-http", "http",
     '{"apiVersion":"1.3","data":{"propertyList":{"Brand":"AXIS","ProdNbr":"Q6135-LE",'
     '"ProdType":"PTZ Network Camera","Version":"10.12.153"}},"method":'
     '"getAllUnrestrictedProperties"}',
     {"manufacturer": "Axis", "model": "Q6135-LE", "device_class": "camera"}, False),
    # a sloppy DVRIP payload (single quotes, trailing comma) without framing
    ("dvrip-sloppy", "dvrip",
     "{ 'Name' : 'SystemInfo', 'Ret' : 100, 'SystemInfo' : { 'HardWare' : 'HI3516EV300_85H50AI', "
     "'SoftWareVersion' : 'V5.00.R02.000529B2.10010.040600.0020000', }, }",
     {"manufacturer": "Xiongmai", "model": "HI3516EV300_85H50AI",
      "firmware": "V5.00.R02.000529B2.10010.040600.0020000"}, True),
    # Dahua magicBox, RPC2 class answer, Axis with single quotes, SUNAPI, LAPI cut
    ("magicbox", "dahua-cgi", "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\n"
     "type=XVR5104HS-I3\r\n",
     {"manufacturer": "Dahua", "model": "XVR5104HS-I3", "device_class": "dvr"}, False),
    ("rpc2-vto", "dahua-rpc2",
     '{ "id" : 3, "params" : { "type" : "VTO" }, "result" : true, "session" : 12 }',
     {"device_class": "intercom"}, False),
    ("axis-bare-keys", "axis-bdi",
     "{apiVersion:'1.3',data:{propertyList:{Brand:'AXIS',ProdNbr:'M3045-V',"
     "ProdType:'Network Camera',Version:'10.12.114',}}}",
     {"manufacturer": "Axis", "model": "M3045-V", "device_class": "camera"}, True),
    ("sunapi-kv", "sunapi",
     "Model=XNV-6080R\r\nSerialNumber=ZNB70000000000X\r\nFirmwareVersion=2.10.01_20210906\r\n"
     "DeviceType=NWC\r\n",
     {"manufacturer": "Hanwha Vision", "model": "XNV-6080R", "device_class": "camera"}, False),
    ("lapi-cut", "lapi",
     '{"Response":{"ResponseURL":"/LAPI/V1.0/System/DeviceInfo","ResponseCode":0,"Data":'
     '{"DeviceType":"NVR","DeviceModel":"NVR302-16S","FirmwareVersion":"NVR-B3118P26',
     {"manufacturer": "Uniview", "model": "NVR302-16S", "device_class": "nvr"}, True),
    # magicBox getDeviceClass answers logged without their HTTP head: plain
    # key=value text, no markup or JSON, is still a body
    ("magicbox-class-bare", "http", "class=NVR\r\n",
     {"manufacturer": "Dahua", "device_class": "nvr", "surveillance": True}, True),
    # a ProbeMatch's Scopes text printed alone by a discovery tool
    ("wsd-scopes-bare", "wsd",
     "onvif://www.onvif.org/type/video_encoder onvif://www.onvif.org/Profile/Streaming "
     "onvif://www.onvif.org/hardware/DS-2CD2043G2-I onvif://www.onvif.org/name/HIKVISION%20"
     "DS-2CD2043G2-I onvif://www.onvif.org/location/city/hangzhou\n",
     {"manufacturer": "Hikvision", "model": "DS-2CD2043G2-I", "device_class": "camera"}, True),
    # the same printed one URI a line, a location with a blank in it
    ("wsd-scopes-lines-blank", "wsd",
     "onvif://www.onvif.org/name/VIGI-C440\nonvif://www.onvif.org/hardware/VIGI-C440\n"
     "onvif://www.onvif.org/Profile/Streaming\nonvif://www.onvif.org/location/New York\n"
     "onvif://www.onvif.org/type/NetworkVideoTransmitter\n",
     {"manufacturer": "TP-Link", "model": "VIGI-C440", "device_class": "camera"}, True),
    # an AXIS OS sysDescr names the product type (class) as well as the model
    ("axis-sysdescr-intercom", "snmp-sysdescr",
     "; AXIS I8016-LVE; Network Video Intercom; 11.9.71; Apr 04 2024 08:10; 1F2; 1",
     {"manufacturer": "Axis", "model": "I8016-LVE", "device_class": "intercom",
      "surveillance": False}, False),
    ("axis-sysdescr-camera", "snmp-sysdescr",
     "; AXIS P1465-LE; Bullet Camera; 10.12.199; Jan 11 2024 16:20; 21A; 1",
     {"manufacturer": "Axis", "model": "P1465-LE", "device_class": "camera",
      "surveillance": True}, False),
    # SIP headers logged without their start line: a desk phone, not
    # surveillance equipment
    ("sip-headers-only", "sip",
     "Via: SIP/2.0/UDP 192.0.2.44:5060;branch=z9hG4bK1a2b\r\n"
     "User-Agent: Yealink SIP-T46S 66.86.0.15\r\nAllow: INVITE, ACK\r\n",
     {"manufacturer": "Yealink", "surveillance": False}, False),
    ("sip-ua-only", "sip", "User-Agent: Yealink SIP-T46S 66.86.0.15\r\n",
     {"manufacturer": "Yealink", "surveillance": False}, True),
    # a Tapo get_device_info answer (type/model/fw_ver) of a smart plug: a
    # TP-Link product that is not surveillance equipment
    ("tapo-device-info", "http",
     '{"avatar": "plug", "fw_ver": "1.0.7 Build 221125 Rel.175007", "hw_ver": "1.0", '
     '"model": "P100", "type": "SMART.TAPOPLUG"}',
     {"manufacturer": "TP-Link", "model": "P100", "device_class": "other",
      "surveillance": False}, False),
    # an Axis parameter list saved in its sectioned layout
    ("axis-param-sections", "http",
     '[Brand]\nBrand                    = "AXIS"\n'
     'ProdFullName             = "AXIS Q6055-E PTZ Dome Network Camera"\n'
     'ProdNbr                  = "Q6055-E"\nProdType                 = "PTZ Dome Network Camera"\n',
     {"manufacturer": "Axis", "model": "Q6055-E", "device_class": "camera"}, False),
    # RTSP headers logged without their status line
    ("rtsp-headers-only", "rtsp",
     "CSeq: 2\r\nWWW-Authenticate: Digest realm=\"Login to 4L0123PAZ\", nonce=\"a1\"\r\n"
     "Server: Dahua Rtsp Server\r\n",
     {"manufacturer": "Dahua"}, True),
    ("magicbox-vto-bare", "http", "class=VTO\n",
     {"manufacturer": "Dahua", "device_class": "intercom", "surveillance": False}, True),
]


def main():
    exe = sys.argv[1]
    data = "".join(json.dumps({"id": i, "kind": k, "data": d}) + "\n"
                   for i, k, d, _, _ in CASES)
    # A DOCTYPE with an internal entity is refused, never salvaged.
    data += json.dumps({"id": "doctype", "kind": "onvif", "data":
                        '<!DOCTYPE x [<!ENTITY a "HIKVISION">]>'
                        "<tds:Manufacturer>&a;</tds:Manufacturer>"}) + "\n"
    p = subprocess.run([exe, "identify", "--no-oui"], input=data.encode(),
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=60)
    fails = []
    if p.returncode != 0:
        fails.append("exit status %d: %s" % (p.returncode, p.stderr[-300:]))
    out = {o["id"]: o for o in map(json.loads, p.stdout.decode().splitlines())}
    for i, _, _, want, salv in CASES:
        o = out.get(i)
        if o is None:
            fails.append("%s: no output" % i)
            continue
        for f, v in want.items():
            if o.get(f) != v:
                fails.append("%s: %s is %r, want %r" % (i, f, o.get(f), v))
        if bool(o.get("salvaged")) != salv:
            fails.append("%s: salvaged is %r, want %r" % (i, o.get("salvaged"), salv))
    d = out.get("doctype", {})
    if d.get("manufacturer") is not None or d.get("salvaged"):
        fails.append("doctype: salvaged or identified: %r" % d)
    for f in fails:
        print("FAIL:", f)
    if fails:
        return 1
    print("ok: %d cases" % len(CASES))
    return 0


if __name__ == "__main__":
    sys.exit(main())
