# SPDX-License-Identifier: ISC
"""Realistic raw messages for the identify tests and the benchmark.

Written from the facts of /work/shared/docs/protocols.md (the section is
named at each sample); MAC addresses and serial numbers are made up.
"""
import struct


def dns_name(name):
    out = b""
    for label in name.split("."):
        b = label.encode()
        out += bytes([len(b)]) + b
    return out + b"\0"


def dns_rr(name, rtype, rdata, ttl=120, cls=0x8001):
    return dns_name(name) + struct.pack(">HHIH", rtype, cls, ttl, len(rdata)) + rdata


def axis_mdns():
    """protocols.md §10: _axis-video._tcp.local, instance "<model> - <MAC>"."""
    inst = "AXIS M5014 - ACCC8E3C0419"
    svc = "_axis-video._tcp.local"
    # Instance labels may hold spaces; the name is built label by label.
    ptr = dns_rr(svc, 12, bytes([len(inst)]) + inst.encode() + dns_name(svc), cls=1)
    srv = dns_rr(inst + "." + svc if False else "x", 33, b"")  # placeholder
    full = bytes([len(inst)]) + inst.encode() + dns_name(svc)
    srv = full + struct.pack(">HHIH", 33, 0x8001, 120, 6 + len(dns_name("axis-accc8e3c0419.local"))) \
        + struct.pack(">HHH", 0, 0, 80) + dns_name("axis-accc8e3c0419.local")
    txt_strings = [b"macaddress=ACCC8E3C0419", b"path=/"]
    txt_rdata = b"".join(bytes([len(s)]) + s for s in txt_strings)
    txt = full + struct.pack(">HHIH", 16, 0x8001, 4500, len(txt_rdata)) + txt_rdata
    a = dns_rr("axis-accc8e3c0419.local", 1, bytes([192, 168, 1, 90]))
    hdr = struct.pack(">HHHHHH", 0, 0x8400, 0, 1, 0, 3)
    return hdr + ptr + srv + txt + a


SADP = (
    '<?xml version="1.0" encoding="UTF-8" ?>\n<ProbeMatch>\n'
    "<Uuid>5B7E0F5C-2B6A-4C5E-9D1F-0A1B2C3D4E5F</Uuid>\n<Types>inquiry</Types>\n"
    "<DeviceType>141945</DeviceType>\n<DeviceDescription>DS-2CD2385G1-I</DeviceDescription>\n"
    "<DeviceSN>DS-2CD2385G1-I20200414AAWRE00000001</DeviceSN>\n<CommandPort>8000</CommandPort>\n"
    "<HttpPort>80</HttpPort>\n<MAC>58-50-ed-00-00-01</MAC>\n<IPv4Address>192.168.1.64</IPv4Address>\n"
    "<IPv4SubnetMask>255.255.255.0</IPv4SubnetMask>\n<DHCP>false</DHCP>\n"
    "<SoftwareVersion>V5.6.2build 190701</SoftwareVersion>\n<DSPVersion>V7.3 build 190628</DSPVersion>\n"
    "<Activated>true</Activated>\n<OEMInfo>N/A</OEMInfo>\n<HCPlatformEnable>flase</HCPlatformEnable>\n"
    "</ProbeMatch>\n"
)

DHIP_JSON = (
    '{"mac":"3c:ef:8c:00:00:01","method":"client.notifyDevInfo","params":{"deviceInfo":'
    '{"AlarmInputChannels":2,"DeviceClass":"IPC","DeviceID":"","DeviceType":"IPC-HDW1431T1-S4",'
    '"HttpPort":80,"IPv4Address":{"DefaultGateway":"192.168.1.1","DhcpEnable":false,'
    '"IPAddress":"192.168.1.108","SubnetMask":"255.255.255.0"},"MachineName":"7J00000000000",'
    '"Manufacturer":"Private","Port":37777,"SerialNo":"7J00000000000","Vendor":"Private",'
    '"Version":"2.800.0000000.13.R","VideoInputChannels":1}}}\n'
)


def dhip_frame(body=DHIP_JSON):
    b = body.encode()
    return struct.pack("<I4sIIIIII", 0x20, b"DHIP", 0, 0, len(b), 0, len(b), 0) + b


WSD = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<env:Envelope xmlns:env="http://www.w3.org/2003/05/soap-envelope" '
    'xmlns:d="http://schemas.xmlsoap.org/ws/2005/04/discovery" '
    'xmlns:wsa="http://schemas.xmlsoap.org/ws/2004/08/addressing" '
    'xmlns:dn="http://www.onvif.org/ver10/network/wsdl">'
    "<env:Header><wsa:MessageID>urn:uuid:1</wsa:MessageID>"
    "<wsa:Action>http://schemas.xmlsoap.org/ws/2005/04/discovery/ProbeMatches</wsa:Action>"
    "</env:Header><env:Body><d:ProbeMatches><d:ProbeMatch><wsa:EndpointReference>"
    "<wsa:Address>urn:uuid:2</wsa:Address></wsa:EndpointReference>"
    "<d:Types>dn:NetworkVideoTransmitter</d:Types>"
    "<d:Scopes>onvif://www.onvif.org/type/video_encoder onvif://www.onvif.org/Profile/Streaming "
    "onvif://www.onvif.org/MAC/58:50:ed:00:00:01 onvif://www.onvif.org/hardware/DS-2CD2385G1-I "
    "onvif://www.onvif.org/name/HIKVISION%20DS-2CD2385G1-I onvif://www.onvif.org/location/city/hangzhou"
    "</d:Scopes><d:XAddrs>http://192.168.1.64/onvif/device_service</d:XAddrs>"
    "<d:MetadataVersion>10</d:MetadataVersion></d:ProbeMatch></d:ProbeMatches></env:Body></env:Envelope>"
)

UPNP = (
    '<?xml version="1.0"?>\n<root xmlns="urn:schemas-upnp-org:device-1-0">'
    "<specVersion><major>1</major><minor>0</minor></specVersion><device>"
    "<deviceType>urn:schemas-upnp-org:device:Basic:1</deviceType>"
    "<friendlyName>AXIS P3343 - 00408C000001</friendlyName>"
    "<manufacturer>AXIS</manufacturer><manufacturerURL>http://www.axis.com/</manufacturerURL>"
    "<modelDescription>AXIS P3343 Fixed Dome Network Camera</modelDescription>"
    "<modelName>AXIS P3343</modelName><modelNumber>P3343</modelNumber>"
    "<serialNumber>00408C000001</serialNumber><UDN>uuid:Upnp-BasicDevice-1_0-00408C000001</UDN>"
    "</device></root>"
)

SSDP = (
    "HTTP/1.1 200 OK\r\nCACHE-CONTROL: max-age=1800\r\nEXT:\r\n"
    "LOCATION: http://192.168.1.90:49152/rootdesc1.xml\r\n"
    "SERVER: Linux/4.9.94-axis5, UPnP/1.0, Portable SDK for UPnP devices/1.6.22\r\n"
    "ST: upnp:rootdevice\r\nUSN: uuid:Upnp-BasicDevice-1_0-00408C000001::upnp:rootdevice\r\n\r\n"
)

HIK_PEM = """-----BEGIN CERTIFICATE-----
MIICPDCCAeOgAwIBAgIUDf5+ibHwtDOYYpqjoz1kgsj9nvAwCgYIKoZIzj0EAwIw
dDELMAkGA1UEBhMCQ04xETAPBgNVBAgMCFpoZUppYW5nMREwDwYDVQQHDAhIYW5n
WmhvdTESMBAGA1UECgwJSElLVklTSU9OMQ8wDQYDVQQLDAZEVlJOVlIxGjAYBgNV
BAMMEXd3dy5oaWt2aXNpb24uY29tMB4XDTI2MTEyODE1MDQwNVoXDTM2MTEyNTE1
MDQwNVowdDELMAkGA1UEBhMCQ04xETAPBgNVBAgMCFpoZUppYW5nMREwDwYDVQQH
DAhIYW5nWmhvdTESMBAGA1UECgwJSElLVklTSU9OMQ8wDQYDVQQLDAZEVlJOVlIx
GjAYBgNVBAMMEXd3dy5oaWt2aXNpb24uY29tMFkwEwYHKoZIzj0CAQYIKoZIzj0D
AQcDQgAExPOhoWq6mBHEqmEhu41smq2cwidiNGo8UvBqR+9744gutVv+mjnE4UFr
JBfF9g5Fatiunj+OvBQlIZuFMtHSjKNTMFEwHQYDVR0OBBYEFB1SD26I2Ou7iVfq
4uq2gteHEfdNMB8GA1UdIwQYMBaAFB1SD26I2Ou7iVfq4uq2gteHEfdNMA8GA1Ud
EwEB/wQFMAMBAf8wCgYIKoZIzj0EAwIDRwAwRAIgf2UqUxiyWfsP7+eF3CWwxHc+
U7fsEb+iUdrcKBBJKiYCIFAUBuV4y/j9fCMsRwYjq3Jt53uOcSSkQFh6EyghLxMe
-----END CERTIFICATE-----
"""
HIK_SUBJECT = "CN=www.hikvision.com,OU=DVRNVR,O=HIKVISION,L=HangZhou,ST=ZheJiang,C=CN"

HTTP_HIK = (
    "HTTP/1.1 401 Unauthorized\r\nDate: Thu, 01 Jan 1970 00:00:00 GMT\r\n"
    "Server: App-webs/\r\nContent-Length: 0\r\n"
    'WWW-Authenticate: Digest qop="auth", realm="IP Camera(C2189)", nonce="4e5468", stale="FALSE"\r\n\r\n'
)

RTSP_DAHUA = "RTSP/1.0 200 OK\r\nCSeq: 1\r\nServer: Dahua Rtsp Server\r\nPublic: OPTIONS, DESCRIBE, SETUP, TEARDOWN, PLAY\r\n\r\n"

XM_JSON = ('{ "Name" : "SystemInfo", "Ret" : 100, "SessionID" : "0x00000002", "SystemInfo" : '
           '{ "BuildTime" : "2020-06-04 10:00:00", "HardWare" : "HI3516EV300_85H50AI", '
           '"SoftWareVersion" : "V5.00.R02.000529B2.10010.040600.0020000" } }\n\0')


def xm_frame(payload=XM_JSON):
    b = payload.encode()
    return struct.pack("<BB2xII2xHI", 0xFF, 1, 2, 0, 1021, len(b)) + b
