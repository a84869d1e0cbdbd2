# SPDX-License-Identifier: ISC
"""bench/delayq, the routed bench's delay line (issue #17 item 1), in
network namespaces of its own: a -- r -- b, r forwarding, an
iptables-legacy NFQUEUE rule on r's FORWARD chain and delayq on r.

Checked: a ping from a to b takes at least twice the fixed delay (a lower
bound only: delayq never releases a packet early; no upper bound on time
is asserted); 3,000 UDP datagrams of one flow with 1-5 ms of jitter
arrive in the order sent and are counted by delayq; with --limit 8 the
queue never holds more than 8 and what finds it full is dropped and
counted (accepted + dropped = packets); on SIGTERM delayq accepts what it
holds at once (a 3 s delay, stopped after 0.5 s: the datagrams arrive and
are counted as released early) and exits 0.  Every namespace is deleted.

Needs root, iptables-legacy and delayq (built when libnetfilter-queue-dev
is there): otherwise skip.skip() (exit 77, or a failure in CI).
"""
import os
import re
import shutil
import subprocess
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "lib"))
from estate import Checker  # noqa: E402
from skip import skip  # noqa: E402

TAG = "csq%d" % os.getpid()
A, R, B = TAG + "-a", TAG + "-r", TAG + "-b"
RULE = ["FORWARD", "-j", "NFQUEUE", "--queue-num", "0", "--queue-bypass"]

RECV_PY = r"""
import socket, sys
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4 << 20)
s.bind(("10.9.2.2", 9999))
print("ready", flush=True)
s.settimeout(float(sys.argv[1]))
got = []
try:
    while True:
        got.append(int(s.recv(100)))
except socket.timeout:
    pass
print(len(got), sum(1 for x, y in zip(got, got[1:]) if y < x), flush=True)
"""

SEND_PY = r"""
import socket, sys, time
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
for i in range(int(sys.argv[1])):
    s.sendto(str(i).encode(), ("10.9.2.2", 9999))
    if i % 10 == 9:
        time.sleep(0.001)
"""


def run(*args, **kw):
    return subprocess.run(list(args), capture_output=True, text=True, **kw)


def ns(name, *args, **kw):
    return run("ip", "netns", "exec", name, *args, **kw)


def setup():
    for n in (A, R, B):
        run("ip", "netns", "add", n).check_returncode()
        run("ip", "-n", n, "link", "set", "lo", "up").check_returncode()
    for end, net in ((A, 1), (B, 2)):
        here, there = TAG + end[-1], TAG + "r" + end[-1]
        cmds = [
            ["ip", "link", "add", here, "type", "veth", "peer", "name",
             there],
            ["ip", "link", "set", here, "netns", end],
            ["ip", "link", "set", there, "netns", R],
            ["ip", "-n", end, "addr", "add", "10.9.%d.2/24" % net, "dev",
             here],
            ["ip", "-n", R, "addr", "add", "10.9.%d.1/24" % net, "dev",
             there],
            ["ip", "-n", end, "link", "set", here, "up"],
            ["ip", "-n", R, "link", "set", there, "up"],
            ["ip", "-n", end, "route", "add", "default", "via",
             "10.9.%d.1" % net],
        ]
        for c in cmds:
            run(*c).check_returncode()
    ns(R, "sysctl", "-qw", "net.ipv4.ip_forward=1").check_returncode()


def start(delayq, *args):
    p = subprocess.Popen(["ip", "netns", "exec", R, delayq, "--queue", "0",
                          *args], stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, text=True)
    line = p.stdout.readline()
    if not line.startswith("delayq: queue"):
        p.kill()
        p.wait()
        raise RuntimeError("delayq did not start: %r %s" %
                           (line, p.stderr.read()))
    return p


def stop(p):
    p.terminate()
    out, _ = p.communicate(timeout=10)
    return p.returncode, out


def counters(out):
    m = re.search(r"exit: (\d+) packets, (\d+) accepted, (\d+) dropped "
                  r".*?, (\d+) released early at exit, max depth (\d+)", out)
    if m is None:
        return None
    return dict(zip(("packets", "accepted", "dropped", "early", "depth"),
                    map(int, m.groups())))


def udp(count, wait):
    rcv = subprocess.Popen(["ip", "netns", "exec", B, sys.executable, "-c",
                            RECV_PY, str(wait)], stdout=subprocess.PIPE,
                           text=True)
    assert rcv.stdout.readline().strip() == "ready"
    ns(A, sys.executable, "-c", SEND_PY, str(count)).check_returncode()
    n, inv = rcv.stdout.readline().split()
    rcv.wait()
    return int(n), int(inv)


def main():
    delayq = sys.argv[1] if len(sys.argv) > 1 else ""
    if os.geteuid() != 0:
        return skip("needs root (network namespaces)")
    if not os.access(delayq, os.X_OK):
        return skip("no delayq (libnetfilter-queue-dev, scripts/deps.sh)")
    for tool in ("ip", "iptables-legacy", "ping"):
        if shutil.which(tool) is None:
            return skip("needs %s (scripts/deps.sh)" % tool)
    if run("ip", "netns", "add", TAG + "-probe").returncode != 0:
        return skip("cannot create a network namespace")
    run("ip", "netns", "del", TAG + "-probe")
    c = Checker()
    procs = []
    try:
        setup()
        p = ns(R, "iptables-legacy", "-A", *RULE)
        if p.returncode != 0:
            return skip("no NFQUEUE target here: %s" % p.stderr.strip())

        # a fixed 2 ms each way: a round trip takes at least 4 ms
        q = start(delayq, "--delay", "2")
        procs.append(q)
        p = ns(A, "ping", "-n", "-q", "-c", "10", "-i", "0.05", "10.9.2.2")
        m = re.search(r"= ([\d.]+)/([\d.]+)/", p.stdout)
        c.ok(m is not None and float(m.group(1)) >= 4.0,
             "ping across the router: min RTT >= 2 x 2 ms: %s" %
             p.stdout.strip()[-120:])
        rc, out = stop(q)
        k = counters(out)
        c.ok(rc == 0 and k is not None and k["accepted"] == 20,
             "delayq exits 0 on SIGTERM and counted the 20 pings: %d %s" %
             (rc, out))
        m = re.search(r"delay achieved \(ms\): min ([\d.]+)", out)
        c.ok(m is not None and float(m.group(1)) >= 2.0,
             "no packet was released before its 2 ms: %s" % out)

        # 1-5 ms of jitter on one flow: no reordering
        q = start(delayq, "--delay", "1-5")
        procs.append(q)
        n, inv = udp(3000, 1.5)
        rc, out = stop(q)
        k = counters(out)
        c.ok(inv == 0, "one flow with jitter arrives in order: %d of %d "
             "datagrams out of order" % (inv, n))
        c.ok(k is not None and k["accepted"] == 3000 and n == 3000,
             "every datagram counted and delivered: %d received, %s" %
             (n, out))

        # a bounded queue: drops past --limit, counted
        q = start(delayq, "--delay", "5", "--limit", "8")
        procs.append(q)
        n, inv = udp(3000, 1.0)
        rc, out = stop(q)
        k = counters(out)
        c.ok(k is not None and k["depth"] <= 8 and k["dropped"] > 0 and
             k["accepted"] + k["dropped"] == k["packets"] == 3000 and
             n == k["accepted"],
             "--limit 8: at most 8 held, the rest dropped and counted "
             "(%d received): %s" % (n, out))

        # SIGTERM accepts what is held at once
        q = start(delayq, "--delay", "3000")
        procs.append(q)
        rcv = subprocess.Popen(["ip", "netns", "exec", B, sys.executable,
                                "-c", RECV_PY, "2"], stdout=subprocess.PIPE,
                               text=True)
        assert rcv.stdout.readline().strip() == "ready"
        ns(A, sys.executable, "-c", SEND_PY, "20").check_returncode()
        time.sleep(0.5)
        rc, out = stop(q)
        n = int(rcv.stdout.readline().split()[0])
        rcv.wait()
        k = counters(out)
        c.ok(rc == 0 and k is not None and k["early"] == 20 and n == 20,
             "on SIGTERM the 20 held datagrams are accepted at once "
             "(%d received): %s" % (n, out))
    finally:
        for q in procs:
            if q.poll() is None:
                q.kill()
                q.wait()
        for n in (A, R, B):
            run("ip", "netns", "del", n)
    c.done()


if __name__ == "__main__":
    sys.exit(main() or 0)
