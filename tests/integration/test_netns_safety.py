#!/usr/bin/env python3
# SPDX-License-Identifier: ISC
"""Issue #12 in network namespaces (root only; exit 77 = skipped, in CI
a failure: tests/lib/skip.py).

A hostile responder (its own namespace, 198.18.0.200) answers every SSDP
search with LOCATIONs naming an address outside the scope (198.18.1.77),
the subnet's broadcast and network addresses, an excluded camera, a port
the scan does not probe, and its own print port 9100; it also listens on
TCP 9100 and records every byte.  camsweep scans 198.18.0.0/24 from the
scanner namespace with --interface eth0 and --exclude, while the bridge
is captured.  Checks:

  * nothing leaves for an address outside the scope or excluded (no IPv4
    packet, no ARP request), no TCP to a broadcast or network address,
    no datagram to the broadcast address but a broadcast discovery
    module's inquiry (Xiongmai, the vendor protocols), no
    connection to the unprobed port, not a byte to the print port;
  * the uid of the running `scan --interface` and `listen --interface`
    is not 0 once capture has started (the drop of privileges).
"""
import ipaddress
import json
import os
import signal
import subprocess
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "lib"))
import netns  # noqa: E402
from scratch import scratch  # noqa: E402
from skip import skip  # noqa: E402
sys.path.insert(0, os.path.dirname(__file__))
from test_netns_vdisc import inquiry  # noqa: E402

CAMSWEEP = os.path.join(netns.BUILD, "camsweep")
SCOPE = ipaddress.ip_network("198.18.0.0/24")
HOSTILE = "198.18.0.200"
OUTSIDE = "198.18.1.77"
PORTS = "80,554,8000,9100"

RESPONDER = r'''
import socket, struct, sys, threading, time
me, excl, log = sys.argv[1], sys.argv[2], sys.argv[3]
locs = ["http://198.18.1.77:80/out.xml", "http://198.18.0.255:80/bcast.xml",
        "http://198.18.0.0:80/net.xml", "http://%s:80/excluded.xml" % excl,
        "http://%s:7777/unprobed.xml" % me, "http://%s:9100/PRINT-ME" % me]
got = []
def printer():
    s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind((me, 9100)); s.listen(16)
    while True:
        c, _ = s.accept(); c.settimeout(1.0)
        try:
            while True:
                b = c.recv(4096)
                if not b: break
                with open(log, "ab") as f: f.write(b)
        except OSError:
            pass
        c.close()
threading.Thread(target=printer, daemon=True).start()
u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
u.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
u.bind(("0.0.0.0", 1900))
mreq = struct.pack("4s4s", socket.inet_aton("239.255.255.250"), socket.inet_aton(me))
u.setsockopt(socket.IPPROTO_IP, socket.IP_ADD_MEMBERSHIP, mreq)
print("ready", flush=True)
while True:
    data, addr = u.recvfrom(65535)
    if not data.startswith(b"M-SEARCH"):
        continue
    for i, l in enumerate(locs):
        msg = ("HTTP/1.1 200 OK\r\nCACHE-CONTROL: max-age=1800\r\nEXT:\r\n"
               "LOCATION: %s\r\nSERVER: Linux/3.10 UPnP/1.0\r\n"
               "ST: upnp:rootdevice\r\nUSN: uuid:hostile-%d::upnp:rootdevice"
               "\r\n\r\n" % (l, i)).encode()
        u.sendto(msg, addr)
'''


def uid_of(pid):
    try:
        with open("/proc/%d/status" % pid) as f:
            for line in f:
                if line.startswith("Uid:"):
                    return [int(x) for x in line.split()[1:]]
    except OSError:
        return None
    return None


def classify(pkts, excluded, failures):
    for p in pkts:
        proto, dst, src = p.get("proto"), p.get("dst"), p.get("src")
        if proto == "ipv6" or dst is None:
            continue
        if src != netns.SCANNER_IP:
            continue  # only what camsweep sends
        a = ipaddress.ip_address(dst)
        what = "%s %s/%s" % (dst, proto, p.get("dport", "-"))
        if proto == "arp":
            if a not in SCOPE or dst == excluded:
                failures.append("ARP request for %s" % dst)
            continue
        if a.is_multicast:
            continue
        if a not in SCOPE:
            failures.append("packet outside the scope: " + what)
        elif dst == excluded:
            failures.append("packet to the excluded host: " + what)
        elif dst in (str(SCOPE.broadcast_address), str(SCOPE.network_address)):
            # Only a broadcast discovery module's inquiry (the Xiongmai
            # search and the vendor protocols of issue #16), its payload
            # checked as test_netns_vdisc checks it.
            if not (proto == "udp" and dst == str(SCOPE.broadcast_address)
                    and p.get("dport") not in (3702, 37020, 37810, 1900, 5353)
                    and inquiry(p["dport"], bytes.fromhex(p.get("payload", ""))) is None):
                failures.append("packet to a network/broadcast address: " +
                                what)
        elif p.get("dport") == 7777:
            failures.append("connection to a port not probed: " + what)


def main():
    try:
        netns.check_available()
    except netns.Skip as e:
        return skip(str(e))
    failures = []
    work = scratch("cs-netns-safety-")
    specs = [("hikvision-camera", 7001), ("axis-camera", 7002),
             ("dahua-camera", 7003), ("hikvision-camera-closed", 7004)]
    est = netns.NetnsEstate(specs, workdir=work)
    responder = None
    try:
        devices = est.start()
        excluded = devices[1]["ip"]
        hns = est.prefix + "-hx"
        est._add_ns(hns)
        est._attach(hns, "hx", HOSTILE)
        log = os.path.join(work, "printed.bin")
        responder = subprocess.Popen(
            ["ip", "netns", "exec", hns, sys.executable, "-c", RESPONDER,
             HOSTILE, excluded, log], stdout=subprocess.PIPE,
            stderr=subprocess.PIPE, text=True)
        if "ready" not in responder.stdout.readline():
            raise RuntimeError("responder: %s" % responder.stderr.read())

        cap = est.capture(seconds=300)
        args = ["ip", "netns", "exec", est.scanner, CAMSWEEP, "scan",
                "--interface", "eth0", "--discover-time", "3000",
                "--exclude", excluded, "--ports", PORTS, "--db",
                os.path.join(work, "inv.db"), "--json", "--all", "-q",
                str(SCOPE)]
        p = subprocess.Popen(args, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True)
        time.sleep(1.5)
        uid = uid_of(p.pid)
        if uid is None or 0 in uid:
            failures.append("scan --interface runs as uid %r once capture "
                            "has started" % uid)
        out, err = p.communicate(timeout=300)
        time.sleep(1)
        pkts = cap.stop()
        if p.returncode != 0:
            failures.append("scan exit %d: %s" % (p.returncode, err[-500:]))
        # The MAC registry is read before root is dropped: afterwards the
        # invoking user's import directory (under /root) cannot be opened.
        if "MAC registry not loaded" in err:
            failures.append("scan --interface lost its MAC registry to the "
                            "privilege drop: %s" % err[-300:])
        found = {json.loads(l)["ip"] for l in out.splitlines() if l.strip()}
        if excluded in found:
            failures.append("excluded host reported")
        if devices[0]["ip"] not in found:
            failures.append("an in-scope camera was not found: %r" % found)
        classify(pkts, excluded, failures)
        printed = os.path.exists(log) and os.path.getsize(log) or 0
        if printed:
            failures.append("%d bytes sent to the print port" % printed)
        print("capture: %d packets; found %d hosts" % (len(pkts), len(found)))

        # listen --interface: the uid once capture has started.
        lp = subprocess.Popen(["ip", "netns", "exec", est.scanner, CAMSWEEP,
                               "listen", "--interface", "eth0", "--no-db"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True)
        time.sleep(1.5)
        uid = uid_of(lp.pid)
        if uid is None or 0 in uid:
            failures.append("listen --interface runs as uid %r once capture "
                            "has started" % uid)
        lp.send_signal(signal.SIGINT)
        try:
            _, lerr = lp.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            lp.kill()
            _, lerr = lp.communicate()
        if lp.returncode not in (0, 3, 130):
            failures.append("listen exit %d: %s" % (lp.returncode, lerr[-300:]))
    except netns.Skip as e:
        return skip(str(e))
    finally:
        if responder and responder.poll() is None:
            responder.kill()
            responder.wait()
        est.stop()
    for f in failures:
        print("FAIL: " + f)
    print("%d failures" % len(failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
