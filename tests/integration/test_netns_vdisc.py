#!/usr/bin/env python3
# SPDX-License-Identifier: ISC
"""Vendor discovery protocols on a namespace estate (issue #16).

One camsim device per protocol (tests/lib/netns.py: its own namespace,
its maker's MAC, every TCP port closed, answering only that protocol),
plus a hostile device whose replies name 198.18.1.77 (outside the scope
198.18.0.0/24), one whose replies are cut short and one whose replies are
garbled.  camsweep scans from the scanner namespace with --interface eth0.
Checks: every protocol's device is found with its MAC and named with its
maker; the hostile address is neither reported nor contacted; a capture
on the bridge shows no packet for an address outside the scope, and every
UDP datagram camsweep sent is the inquiry of the protocol of its port
(the same checks as tests/engine/test_disc_inquiry.c, written again here
from /work/shared/docs/discovery-protocols.md).  Exit 77 (skipped) when
namespaces cannot be created; in CI a failure (tests/lib/skip.py).
"""
import ipaddress
import json
import os
import struct
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "lib"))
import netns  # noqa: E402
from scratch import scratch  # noqa: E402
from skip import skip  # noqa: E402

CAMSWEEP = os.path.join(netns.BUILD, "camsweep")
SCOPE = ipaddress.ip_network("198.18.0.0/24")
HOSTILE_ADDR = "198.18.1.77"

# (profile, protocol it answers)
PLAN = [
    ("disc-dahua-5050", "dh5050"), ("disc-bosch", "bosch"),
    ("disc-hanwha", "hanwha"), ("disc-panasonic", "panasonic"),
    ("disc-sony", "sony"), ("disc-sony-snc", "sony-snc"),
    ("disc-vivotek", "vivotek"), ("disc-foscam", "foscam"),
    ("disc-vstarcam", "vstarcam"), ("disc-ubiquiti", "ubnt"),
    ("disc-gige", "gvcp"), ("disc-360vision", "v360"), ("disc-nice", "nice"),
    ("disc-arecont", "mdns"),
]
ODD = ["disc-hostile", "disc-truncated", "disc-malformed"]


def inquiry(dport, p):
    """None if p (bytes) is the inquiry of the protocol on UDP dport,
    else the reason it is not."""
    def be16(o):
        return struct.unpack("!H", p[o:o + 2])[0]
    n = len(p)
    if dport == 3702:
        return None if p.count(b"<a:Action") == 1 and b"/discovery/Probe</a:Action>" in p else "not a WS-Discovery Probe"
    if dport == 37020:
        return None if b"<Types>inquiry</Types>" in p and p.count(b"<Types>") == 1 else "not a SADP inquiry"
    if dport == 37810:
        return None if p.count(b'"method"') == 1 and b'"method":"DHDiscover.search"' in p else "not DHDiscover.search"
    if dport == 1900:
        return None if p.startswith(b"M-SEARCH ") else "not M-SEARCH"
    if dport == 5353:
        return None if n >= 12 and p[2] & 0xf8 == 0 and not any(p[6:12]) else "not a plain mDNS query"
    if dport == 34569:
        return None if n == 20 and p[0] == 0xff and p[14] | p[15] << 8 == 1530 else "not the Xiongmai search"
    if dport == 5050:
        return None if n == 32 and p[0] == 0xa3 else "not the Dahua 0xA3 request"
    if dport == 1757:  # §1
        return None if n == 12 and p[:4] == bytes.fromhex("9939a427") and p[8:] == bytes.fromhex("ff0006de") else "not the Bosch scan"
    if dport == 7701:  # §2: type 0x01 only
        return None if n == 262 and p[0] == 1 and not any(p[1:]) else "not the Hanwha type-1 request"
    if dport == 10670:  # §3: command 0x000d, never 0x0002/0x0004
        return None if n >= 0x34 and be16(0) == 1 and be16(4) == 0x0d else "not the Easy IP search"
    if dport in (52380, 2380):  # §4: one ENQ: unit
        return None if n > 7 and p[0] == 2 and p[1:5] == b"ENQ:" and p.count(b"\xff") == 1 and p.endswith(b"\xff\x03") else "not one ENQ: unit"
    if dport == 10000:  # §5 Vivotek or §6 Foscam opcode 0
        if n == 5 and p[1:5] == bytes.fromhex("4a5d8f1c"):
            return None
        return None if n == 27 and p[:4] == b"MO_I" and p[4:6] == b"\0\0" else "not a Vivotek/Foscam search"
    if dport == 8600:
        return None if p == b"DH\x01\x01" else "not DH 01 01"
    if dport == 10001:  # §8
        return None if p in (b"\x01\x00\x00\x00", b"\x02\x08\x00\x00") else "not a Ubiquiti probe"
    if dport == 3956:  # §13: DISCOVERY_CMD only
        return None if n == 8 and p[0] == 0x42 and be16(2) == 2 and be16(4) == 0 else "not GVCP DISCOVERY_CMD"
    if dport == 3600:
        return None if p == b"DISCOVER\n" else "not DISCOVER"
    if dport == 2007:
        return None if n == 14 and p[:4] == b"NICE" and p[6:12] == bytes.fromhex("010800000000") else "not the NICE request"
    return "UDP to port %d: no discovery protocol there" % dport


def main():
    try:
        netns.check_available()
    except netns.Skip as e:
        return skip(str(e))
    specs = [(prof, 7000 + i) for i, (prof, _) in enumerate(PLAN)]
    specs += [(prof, 7100 + i) for i, prof in enumerate(ODD)]
    failures = []
    work = scratch("cs-netns-vdisc-")
    est = netns.NetnsEstate(specs, workdir=work)
    try:
        devices = est.start()
        if any(d["ports"] for d in devices):
            failures.append("a device has an open TCP port")
        cap = est.capture(seconds=600)
        args = [CAMSWEEP, "scan", "--interface", "eth0", "--db",
                os.path.join(work, "inv.db"), "--json", "--all", "-q",
                str(SCOPE)]
        r = est.run_in_scanner(args, timeout=600)
        pkts = cap.stop()
        if r.returncode != 0:
            failures.append("camsweep exit %d: %s" % (r.returncode, r.stderr[-2000:]))
        found = {}
        for line in r.stdout.splitlines():
            if line.strip().startswith("{"):
                o = json.loads(line)
                found[o.get("ip")] = o
        for d, (prof, proto) in zip(devices, PLAN):
            o = found.get(d["ip"])
            if o is None:
                failures.append("%s (%s): not found" % (prof, proto))
                continue
            mods = json.dumps(o)
            if (o.get("mac") or "").lower() != d["mac"]:
                failures.append("%s: mac %r, want %s" % (prof, o.get("mac"), d["mac"]))
            if (o.get("manufacturer") or "").lower() != d["manufacturer"].lower():
                failures.append("%s: manufacturer %r, want %s" % (prof, o.get("manufacturer"), d["manufacturer"]))
            print("%-18s %-10s %-15s %-17s %-14s %s" % (prof, proto, d["ip"], o.get("mac"), o.get("manufacturer"), o.get("model")))
            del mods
        # The odd ones: heard (every reply still starts as its protocol's
        # does), named by a protocol they answer, nothing worse.
        named = {"disc-hostile": ("ubiquiti", "basler", "bosch", "panasonic", "nice"),
                 "disc-truncated": ("vivotek", "foscam", "basler", ""),
                 "disc-malformed": ("vstarcam", "nice", "hanwha vision")}
        for d, prof in zip(devices[len(PLAN):], ODD):
            o = found.get(d["ip"])
            if o is None:
                failures.append("%s: not found" % prof)
                continue
            print("%-18s %-10s %-15s %-17s %-14s %s" % (prof, "-", d["ip"], o.get("mac"), o.get("manufacturer"), o.get("model")))
            if (o.get("manufacturer") or "").lower() not in named[prof]:
                failures.append("%s: manufacturer %r" % (prof, o.get("manufacturer")))
            if (o.get("mac") or "").lower() != d["mac"]:
                failures.append("%s: mac %r, want %s" % (prof, o.get("mac"), d["mac"]))
        if HOSTILE_ADDR in found:
            failures.append("out-of-scope %s reported as a device" % HOSTILE_ADDR)
        bad_udp, inquiries = [], {}
        for p in pkts:
            dst = p.get("dst")
            if p.get("proto") in ("ipv6", None):
                continue
            if p.get("proto") != "arp" and dst and not (
                    ipaddress.ip_address(dst) in SCOPE or
                    ipaddress.ip_address(dst).is_multicast or
                    dst == "255.255.255.255"):
                failures.append("packet outside scope: %s" % json.dumps(p)[:300])
            if p.get("proto") == "arp" and ipaddress.ip_address(dst) not in SCOPE:
                failures.append("ARP outside scope: %s" % json.dumps(p)[:300])
            if p.get("proto") == "udp" and p.get("src") == netns.SCANNER_IP:
                why = inquiry(p["dport"], bytes.fromhex(p.get("payload", "")))
                if why:
                    bad_udp.append("%s:%d %s (%s)" % (dst, p["dport"], why, p.get("payload", "")[:80]))
                else:
                    inquiries[p["dport"]] = inquiries.get(p["dport"], 0) + 1
        print("capture: %d packets; inquiries sent by port: %s" % (len(pkts), json.dumps(inquiries, sort_keys=True)))
        for b in bad_udp[:20]:
            failures.append("scanner sent a non-inquiry: " + b)
        for port in (5050, 1757, 7701, 10670, 52380, 2380, 10000, 8600, 10001, 3956, 3600, 2007):
            if port not in inquiries:
                failures.append("no inquiry seen on UDP %d" % port)
    except netns.Skip as e:
        return skip(str(e))
    finally:
        est.stop()
    n_ok = len(PLAN) - len({f.split(":")[0].split(" ")[0] for f in failures if "not found" in f})
    print("found %d of %d protocol devices" % (n_ok, len(PLAN)))
    for f in failures:
        print("FAIL: " + f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
