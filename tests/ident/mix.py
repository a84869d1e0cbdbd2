# SPDX-License-Identifier: ISC
"""The input mix of bench/bench_identify.sh, shared with the tests.

Every raw kind of samples.py and the commonest single fields, a third of
the draws a device of 2-6 adjacent lines (so two thirds of the lines are
grouped by device: 662,268 of 1,000,000), and about one line in a
thousand hostile or malformed.  Each line comes from a unit
(a simulated device): the lines of one "device" group are one unit, and
every ungrouped line is a unit of its own (a scan hears each unit answer
each probe once).  A unit of a model answers with its model's bytes,
except for what real devices put in per unit or per reply:

* per reply: the HTTP `Date:` header (the Hikvision 401 and the Apache
  page; a scan hears about a thousand answers a second) and the Digest
  `nonce` (the Hikvision 401 and the single www-authenticate field), the
  WS-Discovery MessageID, the DVRIP SessionID;
* per unit: the MAC address (`mac`, SADP, the ONVIF MAC scope, DHIP, the
  Axis mDNS instance, host name and TXT record, the Axis UPnP serial
  number, friendly name and UDN, the SSDP USN), serial numbers (SADP
  DeviceSN, DHIP SerialNo and MachineName), UUIDs (SADP Uuid, the
  WS-Discovery endpoint address), the unit's IPv4 address where the
  message carries it (SADP, WS-Discovery XAddrs, SSDP LOCATION, the mDNS
  A record, DHIP) and the serial number of the self-signed certificate.

The rest is the same for every unit of a model (server strings, titles,
realms, model names, firmware, banners, RTSP headers, the certificate's
names) and so repeats, as an estate of a few models does.  The binary
frames (mDNS, DHIP, DVRIP) are built anew with their own lengths.
"""
import base64
import json
import random
from email.utils import formatdate

import samples

MARK = "@@%s@@"  # a placeholder in a template (in no sample, JSON-safe)

HTTP_APACHE = (
    "HTTP/1.1 200 OK\r\nDate: Thu, 01 Jan 1970 00:00:00 GMT\r\n"
    "Server: Apache/2.4.57 (Debian)\r\n\r\n"
    "<title>Apache2 Debian Default Page: It works</title>"
)
HTTP_XM = ("HTTP/1.1 200 OK\r\nServer: uc-httpd 1.0.0\r\nContent-Length: 60\r\n\r\n"
           "<html><head><title>NETSurveillance WEB</title></head></html>")
DATE0 = "Thu, 01 Jan 1970 00:00:00 GMT"


def _sub(s, pairs):
    """s with each old replaced by new (which holds placeholders)."""
    for old, new in pairs:
        assert s.count(old) == 1, old
        s = s.replace(old, new)
    return s


def _templates():
    """(kind, port, service, hex?, template) with MARK placeholders."""
    t = []
    t.append(("http", 80, None, _sub(samples.HTTP_HIK, [
        (DATE0, "@@date@@"), ('nonce="4e5468"', 'nonce="@@nonce@@"')])))
    t.append(("http", 80, None, HTTP_XM))
    t.append(("http", 80, None, _sub(HTTP_APACHE, [(DATE0, "@@date@@")])))
    t.append(("rtsp", 554, None, samples.RTSP_DAHUA))
    t.append(("sadp", 37020, None, _sub(samples.SADP, [
        ("5B7E0F5C-2B6A-4C5E-9D1F-0A1B2C3D4E5F", "@@UUID@@"),
        ("AAWRE00000001", "AAWRE@@sn8@@"),
        ("58-50-ed-00-00-01", "58-50-ed-@@macd@@"),
        ("192.168.1.64", "@@ip@@")])))
    t.append(("wsd", 3702, None, _sub(samples.WSD, [
        ("urn:uuid:1<", "urn:uuid:@@msgid@@<"),
        ("urn:uuid:2<", "urn:uuid:@@uuid@@<"),
        ("58:50:ed:00:00:01", "58:50:ed:@@macc@@"),
        ("192.168.1.64", "@@ip@@")])))
    t.append(("upnp", 49152, None, samples.UPNP.replace("00408C000001", MARK % "axmac")))
    t.append(("ssdp", 1900, None, _sub(samples.SSDP, [
        ("192.168.1.90", "@@ip@@"), ("00408C000001", "@@axmac@@")])))
    t.append(("tls-cert", 443, None, None))  # built per unit: _cert
    t.append(("banner", 23, "telnet", "192.0.0.64 login: "))
    t.append(("banner", 22, "ssh", "SSH-2.0-dropbear_2019.78"))
    t.append(("snmp-sysdescr", 161, None, "Linux printer 4.14.0 HP LaserJet"))
    t.append(("mac", 0, None, "58:50:ed:" + MARK % "macc"))
    return t


FIELDS = [
    ("http.server", "App-webs/"), ("http.server", "Webs"), ("http.server", "nginx"),
    ("http.title", "LOREX"), ("http.title", "Login"),
    ("http.www-authenticate", 'Digest realm="IP Camera(C2189)", nonce="' + MARK % "nonce" + '"'),
    ("rtsp.server", "Dahua Rtsp Server"),
    ("tls.subject", samples.HIK_SUBJECT), ("http.favicon-md5", "89b932fcc47cf4ca3faadb0cfdef89cf"),
]

_DER = base64.b64decode("".join(samples.HIK_PEM.strip().splitlines()[1:-1]))
_SERIAL_AT = _DER.index(bytes([2, 20])) + 2  # the serial's INTEGER, 20 bytes
assert _DER[_SERIAL_AT:_SERIAL_AT + 3] == bytes.fromhex("0dfe7e")


def _cert(u):
    """The sample certificate with unit u's own serial number (a device
    makes its self-signed certificate at first boot)."""
    x = u * 0x9E3779B97F4A7C15F39CC0605CEDC834 & ((1 << 128) - 1)
    serial = bytes([0x10 | (u >> 24 & 0x0F)]) + (u & 0xFFFFFF).to_bytes(3, "big") + x.to_bytes(16, "big")
    der = _DER[:_SERIAL_AT] + serial + _DER[_SERIAL_AT + len(serial):]
    b = base64.b64encode(der).decode()
    return ("-----BEGIN CERTIFICATE-----\n" +
            "".join(b[i:i + 64] + "\n" for i in range(0, len(b), 64)) +
            "-----END CERTIFICATE-----\n")


def _mdns_frame(mac12, ip):
    inst = "AXIS M5014 - " + mac12
    host = "axis-" + mac12.lower() + ".local"
    svc = "_axis-video._tcp.local"
    ptr = samples.dns_rr(svc, 12, bytes([len(inst)]) + inst.encode() + samples.dns_name(svc), cls=1)
    full = bytes([len(inst)]) + inst.encode() + samples.dns_name(svc)
    import struct
    srv = full + struct.pack(">HHIH", 33, 0x8001, 120, 6 + len(samples.dns_name(host))) \
        + struct.pack(">HHH", 0, 0, 80) + samples.dns_name(host)
    txt_strings = [b"macaddress=" + mac12.encode(), b"path=/"]
    txt_rdata = b"".join(bytes([len(s)]) + s for s in txt_strings)
    txt = full + struct.pack(">HHIH", 16, 0x8001, 4500, len(txt_rdata)) + txt_rdata
    a = samples.dns_rr(host, 1, bytes(ip))
    hdr = struct.pack(">HHHHHH", 0, 0x8400, 0, 1, 0, 3)
    return hdr + ptr + srv + txt + a


# the samples' frames must be what _mdns_frame makes of the sample's values
assert _mdns_frame("ACCC8E3C0419", [192, 168, 1, 90]) == samples.axis_mdns()

_DHIP = _sub(samples.DHIP_JSON, [
    ("3c:ef:8c:00:00:01", "3c:ef:8c:@@macc@@"),
    ('"MachineName":"7J00000000000"', '"MachineName":"7J@@dsn@@"'),
    ('"SerialNo":"7J00000000000"', '"SerialNo":"7J@@dsn@@"'),
    ("192.168.1.108", "@@ip@@")])
_XM = samples.XM_JSON.replace('"SessionID" : "0x00000002"', '"SessionID" : "0x' + MARK % "sess" + '"')


def _split(s):
    """A template as [text, key, text, key, ..., text]."""
    out = []
    while True:
        a = s.find("@@")
        if a < 0:
            out.append(s)
            return out
        b = s.index("@@", a + 2)
        out.append(s[:a])
        out.append(s[a + 2:b])
        s = s[b + 2:]


class Unit:
    """The per-unit values of unit u (and per-reply ones, drawn anew)."""

    def __init__(self, u):
        self.u = u

    def val(self, key, clock):
        u = self.u
        if key == "date":
            return clock.date()
        if key == "nonce":
            return "%032x" % random.getrandbits(128)
        if key == "msgid":
            return self._uuid(random.getrandbits(128))
        if key == "sess":
            return "%08X" % random.getrandbits(32)
        if key == "UUID":
            return self._uuid(u * 0x9E3779B97F4A7C15 + 0x5B7E).upper()
        if key == "uuid":
            return self._uuid(u * 0x9E3779B97F4A7C15 + 0x2)
        if key == "sn8":
            return "%08d" % (u % 100000000)
        if key == "macd":
            return "%02x-%02x-%02x" % (u >> 16 & 255, u >> 8 & 255, u & 255)
        if key == "macc":
            return "%02x:%02x:%02x" % (u >> 16 & 255, u >> 8 & 255, u & 255)
        if key == "axmac":
            return "00408C%06X" % (u & 0xFFFFFF)
        if key == "dsn":
            return "%011X" % (u * 2654435761 & 0xFFFFFFFFFFF)
        if key == "ip":
            return "10.%d.%d.%d" % (u >> 16 & 255, u >> 8 & 255, u & 255)
        raise KeyError(key)

    @staticmethod
    def _uuid(x):
        h = "%032x" % (x & ((1 << 128) - 1))
        return "%s-%s-%s-%s-%s" % (h[:8], h[8:12], h[12:16], h[16:20], h[20:])

    def ip4(self):
        u = self.u
        return [10, u >> 16 & 255, u >> 8 & 255, u & 255]


class Clock:
    """The time a scan hears each line: a thousand lines a second."""

    def __init__(self):
        self.t0 = 1796000000  # Nov 2026
        self.i = 0
        self._s = None
        self._d = None

    def date(self):
        s = self.t0 + self.i // 1000
        if s != self._s:
            self._s = s
            self._d = formatdate(s, usegmt=True)
        return self._d


def _fill(parts, unit, clock):
    out = parts[0]
    for i in range(1, len(parts), 2):
        out += unit.val(parts[i], clock) + parts[i + 1]
    return out


def generate(n, out, seed=3):
    """Writes n lines of the mix to out (a text stream)."""
    random.seed(seed)
    entries = []  # functions (unit, clock) -> the JSON members of one message
    for kind, port, svc, data in _templates():
        extra = {"port": port}
        if svc:
            extra["service"] = svc
        tail = json.dumps(extra)[1:-1]
        if data is None:
            def f(unit, clock, kind=kind, tail=tail):
                return '"kind": "%s", "data": %s, %s' % (kind, json.dumps(_cert(unit.u)), tail)
        else:
            parts = _split(json.dumps(data))
            head = '"kind": "%s", "data": ' % kind
            if len(parts) == 1:
                const = head + parts[0] + ", " + tail

                def f(unit, clock, const=const):
                    return const
            else:
                def f(unit, clock, parts=parts, head=head, tail=tail):
                    return head + _fill(parts, unit, clock) + ", " + tail
        entries.append(f)

    def mdns(unit, clock):
        frame = _mdns_frame("ACCC8E%06X" % (unit.u & 0xFFFFFF), unit.ip4())
        return '"kind": "mdns", "data_hex": "%s", "port": 5353' % frame.hex()
    dhip_parts = _split(_DHIP)

    def dhip(unit, clock):
        return '"kind": "dhip", "data_hex": "%s", "port": 37810' % \
            samples.dhip_frame(_fill(dhip_parts, unit, clock)).hex()
    xm_parts = _split(_XM)

    def dvrip(unit, clock):
        return '"kind": "dvrip", "data_hex": "%s", "port": 34567' % \
            samples.xm_frame(_fill(xm_parts, unit, clock)).hex()
    entries += [mdns, dhip, dvrip]
    for kind, data in FIELDS:
        parts = _split(json.dumps(data))
        for _ in range(4):  # single fields are the commonest export
            if len(parts) == 1:
                const = '"kind": "%s", "data": %s' % (kind, parts[0])
                entries.append(lambda unit, clock, const=const: const)
            else:
                entries.append(lambda unit, clock, kind=kind, parts=parts:
                               '"kind": "%s", "data": %s' % (kind, _fill(parts, unit, clock)))
    bad = ['{"id":"bad","kind":"nope","data":"x"}', 'not json at all',
           '{"id":"h","kind":"banner","data":"\\u001b[2J\\u0000evil"}']
    w = out.write
    clock = Clock()
    i = 0
    dev = 0
    units = 0
    while i < n:
        r = random.random()
        clock.i = i
        if r < 0.001:
            w(bad[i % 3] + "\n")
            i += 1
        elif r < 0.33:
            dev += 1
            units += 1
            unit = Unit(units)
            for _ in range(min(random.randint(2, 6), n - i)):
                clock.i = i
                w('{"device":"dev%d",%s}\n' % (dev, random.choice(entries)(unit, clock)))
                i += 1
        else:
            units += 1
            w('{"id":%d,%s}\n' % (i, random.choice(entries)(Unit(units), clock)))
            i += 1


if __name__ == "__main__":
    import sys
    generate(int(sys.argv[1]), sys.stdout, int(sys.argv[2]) if len(sys.argv) > 2 else 3)
