#!/usr/bin/env python3
# SPDX-License-Identifier: ISC
"""Memory flat in the input (issue #17 item 4): `camsweep identify` on N
and on 10 N JSON lines, and `camsweep listen --read` on a capture of N and
of 10 N packets from distinct devices, each peak RSS (wait4's ru_maxrss of
that child alone) within 10% of the small run's.

usage: test_flat.py CAMSWEEP"""
import json
import os
import struct
import subprocess
import sys
import tempfile

EXE = sys.argv[1]
fails = 0
# Under AddressSanitizer freed memory waits in a quarantine (256 MB by
# default) before reuse, so peak RSS grows with the number of frees, not
# with what the program holds.  With the quarantine off the sanitizer
# build measures the program's own footprint; the gcc build ignores this.
ENV = dict(os.environ)
ENV["ASAN_OPTIONS"] = ":".join(filter(None, [
    os.environ.get("ASAN_OPTIONS", ""),
    "quarantine_size_mb=0", "thread_local_quarantine_size_kb=0"]))


def peak_kb(args, stdin_path):
    """Runs args with stdin from stdin_path, output discarded; returns
    (exit status, peak RSS in KiB) of that process."""
    with open(stdin_path, "rb") as fin, open(os.devnull, "wb") as null:
        p = subprocess.Popen(args, stdin=fin, stdout=null, stderr=null,
                             env=ENV)
        _, status, ru = os.wait4(p.pid, 0)
        p.returncode = os.waitstatus_to_exitcode(status)
    return p.returncode, ru.ru_maxrss


def check(what, small, large):
    global fails
    ok = large <= small * 1.10
    print("%s %s: peak RSS %d KiB at N, %d KiB at 10 N (%+.1f%%)" %
          ("ok" if ok else "FAIL", what, small, large,
           100.0 * (large - small) / small))
    fails += not ok


def write_identify(path, n):
    """A mix of single fields, raw HTTP and device groups; every value
    distinct so no cache could hide growth."""
    with open(path, "w") as f:
        for i in range(n):
            if i % 3 == 0:
                f.write(json.dumps({"device": "dev%d" % (i // 3), "kind": "http.server",
                                    "data": "App-webs/%d" % i}) + "\n")
            elif i % 3 == 1:
                f.write(json.dumps({"device": "dev%d" % (i // 3), "kind": "http",
                                    "data": "HTTP/1.1 200 OK\r\nServer: uc-httpd 1.0.%d\r\n\r\n"
                                            "<title>NETSurveillance WEB %d</title>" % (i, i),
                                    "port": 80}) + "\n")
            else:
                f.write(json.dumps({"id": i, "kind": "rtsp.server",
                                    "data": "Dahua Rtsp Server %d" % i}) + "\n")


def csum(b):
    if len(b) % 2:
        b += b"\0"
    s = sum(struct.unpack("!%dH" % (len(b) // 2), b))
    s = (s >> 16) + (s & 0xFFFF)
    s += s >> 16
    return ~s & 0xFFFF


def write_pcap(path, n):
    """n SSDP NOTIFY datagrams, each from its own address in 10.64.0.0/10
    (a capture file: nothing is sent anywhere)."""
    with open(path, "wb") as f:
        f.write(struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 65535, 1))
        for i in range(n):
            ip = (10 << 24) | (64 << 16) | (i + 1)
            body = ("NOTIFY * HTTP/1.1\r\nHOST: 239.255.255.250:1900\r\n"
                    "NT: upnp:rootdevice\r\nNTS: ssdp:alive\r\n"
                    "SERVER: Linux/3.10 UPnP/1.0 IPC/%d\r\n"
                    "LOCATION: http://%d.%d.%d.%d/desc%d.xml\r\n\r\n" %
                    (i, ip >> 24, (ip >> 16) & 255, (ip >> 8) & 255, ip & 255, i)).encode()
            udp = struct.pack("!HHHH", 1900, 1900, 8 + len(body), 0) + body
            iph = struct.pack("!BBHHHBBH4s4s", 0x45, 0, 20 + len(udp), i & 0xFFFF, 0,
                              4, 17, 0, struct.pack("!I", ip),
                              bytes([239, 255, 255, 250]))
            iph = iph[:10] + struct.pack("!H", csum(iph)) + iph[12:]
            mac = struct.pack("!HI", 0x0240, i)
            eth = bytes([1, 0, 0x5E, 0x7F, 0xFF, 0xFA]) + mac + b"\x08\x00"
            frame = eth + iph + udp
            t = 1700000000 + i // 100
            f.write(struct.pack("<IIII", t, (i % 100) * 10000, len(frame), len(frame)))
            f.write(frame)


with tempfile.TemporaryDirectory() as tmp:
    n = 20000
    small, large = os.path.join(tmp, "s.jsonl"), os.path.join(tmp, "l.jsonl")
    write_identify(small, n)
    write_identify(large, 10 * n)
    rc1, a = peak_kb([EXE, "identify", "--no-oui"], small)
    rc2, b = peak_kb([EXE, "identify", "--no-oui"], large)
    if rc1 != 0 or rc2 != 0:
        print("FAIL identify exit %d, %d" % (rc1, rc2))
        fails += 1
    check("identify (%d and %d lines)" % (n, 10 * n), a, b)

    n = 10000
    ps, pl = os.path.join(tmp, "s.pcap"), os.path.join(tmp, "l.pcap")
    write_pcap(ps, n)
    write_pcap(pl, 10 * n)
    res = []
    for cap in (ps, pl):
        rc, kb = peak_kb([EXE, "listen", "--read", cap, "--no-db", "--json"], os.devnull)
        if rc != 0:
            print("FAIL listen exit %d on %s" % (rc, cap))
            fails += 1
        res.append(kb)
    check("listen (%d and %d packets, one device each)" % (n, 10 * n), res[0], res[1])

sys.exit(1 if fails else 0)
