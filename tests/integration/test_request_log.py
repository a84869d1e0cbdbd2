#!/usr/bin/env python3
# SPDX-License-Identifier: ISC
"""Every byte camsweep sends is a documented request (issue #18, part 4).

camsim records what each connection received (--request-log: the
plaintext of TLS ports too).  Two loopback fleets are scanned with the
default probes: the exposure mix (vulnerable and fixed firmware, a
white-labelled unit, an open RTSP stream, an HTTPS port with a weak,
expired certificate, telnet) and the default mix.  Every request in the
log must be one that a probe module's "**Sends:**" line in docs/modules
names (method, path and, for a POST, its body), or, for http-page, a GET
of a same-host path that a camsim root page redirects to; a binary
message must be the documented DVRIP realm request.  No request carries
credentials (no Authorization header: the scan is given none), and none
uses a method the modules do not name.
"""
import glob
import json
import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "lib"))
from estate import Estate, CAMSWEEP, SRC, shifted  # noqa: E402
from scratch import scratch  # noqa: E402

FLEETS = [(shifted("127.121.0.0/27"), 20, "exposure"),
          (shifted("127.121.1.0/26"), 50, "default")]


def documented():
    """(method, path) -> set of bodies (None: no body documented), from
    the '**Sends:**' lines of docs/modules/*.md."""
    allow = {}
    for md in sorted(glob.glob(os.path.join(SRC, "docs", "modules", "*.md"))):
        text = open(md, encoding="utf-8").read()
        m = re.search(r"\*\*Sends:\*\*(.*?)(?:\n\n|\*\*[A-Z])", text, re.S)
        if not m:
            continue
        sends = " ".join(m.group(1).split())
        ticks = re.findall(r"`([^`]*)`", sends)
        for i, t in enumerate(ticks):
            rm = re.match(r"^(GET|POST|OPTIONS|DESCRIBE) (\S+)", t)
            if not rm:
                continue
            body = None
            if i + 1 < len(ticks) and ticks[i + 1].startswith("{"):
                body = ticks[i + 1]
            allow.setdefault((rm.group(1), rm.group(2)), set()).add(body)
    return allow


def redirect_targets():
    """Same-host paths camsim root pages redirect to (template prefixes)."""
    out = set()
    pat = re.compile(r"""(?:Location:\s*|url=|location(?:\.href)?\s*=\s*\\?["'])(/[^"'\\\s<>;]*)""")
    for f in glob.glob(os.path.join(SRC, "data", "camsim", "profiles", "*.json")):
        for m in pat.finditer(open(f, encoding="latin-1").read()):
            out.add(m.group(1).split("{", 1)[0])
    return out


def split_requests(b):
    """HTTP or RTSP requests in b: (head lines, body bytes)."""
    out = []
    while b:
        head, sep, rest = b.partition(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        n = 0
        for line in lines[1:]:
            k, _, v = line.partition(":")
            if k.strip().lower() == "content-length":
                n = int(v.strip())
        out.append((lines, rest[:n]))
        b = rest[n:]
        if not sep:
            break
    return out


def check_http(lines, body, allow, redirects, ip, bad):
    parts = lines[0].split(" ")
    if len(parts) != 3 or parts[2] not in ("HTTP/1.1", "HTTP/1.0", "RTSP/1.0"):
        bad.append("%s: not a request line: %r" % (ip, lines[0][:120]))
        return
    method, target, _ = parts
    for h in lines[1:]:
        if h.lower().startswith(("authorization:", "proxy-authorization:")):
            bad.append("%s: credentials sent: %r" % (ip, lines[0]))
    if parts[2] == "RTSP/1.0":
        if method not in ("OPTIONS", "DESCRIBE") or not re.match(
                r"^rtsp://%s(:\d+)?/$" % re.escape(ip), target):
            bad.append("%s: undocumented RTSP request %r" % (ip, lines[0]))
        return
    bodies = allow.get((method, target))
    if bodies is None:
        if method == "GET" and any(target.startswith(r) and (target == r or r.endswith(("?", "_", "=")))
                                   for r in redirects):
            return  # http-page: the root page's same-host redirect
        bad.append("%s: undocumented request %r" % (ip, lines[0]))
        return
    text = body.decode("utf-8", "replace")
    if target == "/onvif/device_service":
        ops = re.findall(r"<(?:\w+:)?(GetSystemDateAndTime|GetDeviceInformation)\b", text)
        if len(ops) != 1 or "Security" in text:
            bad.append("%s: ONVIF body not a documented operation: %r" % (ip, text[:200]))
        return
    if None in bodies:
        if body:
            bad.append("%s: %s %s with a body" % (ip, method, target))
        return
    if text not in bodies:
        bad.append("%s: %s %s body %r not the documented one" % (ip, method, target, text[:200]))


def main():
    allow = documented()
    redirects = redirect_targets()
    for need in [("GET", "/"), ("POST", "/RPC2_Login"), ("OPTIONS", "rtsp://IP/")]:
        if need not in allow:
            print("FAIL: docs/modules names no %s %s" % need)
            return 1
    # The checker itself flags what it must (so a pass means something).
    forged = [
        (["GET /etc/passwd HTTP/1.1", "Host: x"], b""),
        (["GET / HTTP/1.1", "Authorization: Basic YWRtaW46YWRtaW4="], b""),
        (["DESCRIBE rtsp://10.0.0.1/Streaming/Channels/101 RTSP/1.0"], b""),
        (["POST /RPC2_Login HTTP/1.1"],
         b'{"method":"global.login","params":{"userName":"admin",'
         b'"password":"admin","clientType":"Web3.0"},"id":1}'),
        (["PUT /ISAPI/System/deviceInfo HTTP/1.1"], b""),
    ]
    for lines, body in forged:
        got = []
        check_http(lines, body, allow, redirects, "10.0.0.1", got)
        if not got:
            print("FAIL: the checker let %r through" % lines[0])
            return 1
    work = scratch("cs-reqlog-")
    bad, counts = [], {}
    for i, (cidr, count, mix) in enumerate(FLEETS):
        log = os.path.join(work, "req%d.jsonl" % i)
        db = os.path.join(work, "inv%d.db" % i)
        est = Estate(cidr, count, seed=11 + i, mix=mix, workdir=work,
                     extra=["--request-log", log])
        try:
            r = subprocess.run([CAMSWEEP, "scan", "--db", db, "-q", cidr],
                               capture_output=True, text=True, timeout=600)
            if r.returncode not in (0, 4):
                bad.append("scan %s exit %d: %s" % (cidr, r.returncode, r.stderr[-500:]))
        finally:
            est.stop()
        for line in open(log):
            o = json.loads(line)
            b = bytes.fromhex(o["hex"])
            key = (mix, o["port"], o["tls"])
            counts[key] = counts.get(key, 0) + 1
            if b[:1].isalpha():
                for lines, body in split_requests(b):
                    if lines[0]:
                        check_http(lines, body, allow, redirects, o["ip"], bad)
            elif (o["port"] in (443, 8443) and not o["tls"] and len(b) > 5
                  and b[0] == 0x16 and b[1] == 3 and b[5] == 1):
                pass  # a TLS ClientHello to a port that did not answer TLS
            elif len(b) == 32 and b[:4] == bytes.fromhex("a0010060") and not any(b[4:]):
                pass  # dahua-dvrip: the realm request
            elif b[:1] == b"\xff" and len(b) >= 20:
                # xm-dvrip: one message, id 1020 (docs/modules/xm-dvrip.md)
                msg = int.from_bytes(b[14:16], "little")
                if msg != 1020 or len(b) != 20 + int.from_bytes(b[16:20], "little"):
                    bad.append("%s:%u: xm-dvrip message %d, %d bytes" % (o["ip"], o["port"], msg, len(b)))
            else:
                bad.append("%s:%u: undocumented bytes %s" % (o["ip"], o["port"], b[:32].hex()))
    print("connections with bytes received: %d (%s)" % (
        sum(counts.values()), ", ".join("%s %u%s: %d" % (m, p, "/tls" if t else "", n)
                                       for (m, p, t), n in sorted(counts.items()))))
    if not any(t for (_, _, t) in counts):
        bad.append("no TLS connection carried a request: the HTTPS port was not probed")
    for f in bad[:40]:
        print("FAIL: " + f)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
