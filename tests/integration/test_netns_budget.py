# SPDX-License-Identifier: ISC
"""The packet budget (issue #17, docs/budget.md): a liveness probe lost on
a host that another liveness probe proves alive costs no open port.

In a network namespace of its own (loopback only, deleted at the end), one
listener on 127.0.0.2:80 and nothing else (every other port resets).  An
nftables rule drops the first two SYNs to port 80 (the liveness probe's
SYN and the kernel's retransmission of it), so that probe times out while
the second liveness probe (554) is reset and proves the host alive.
Checked, at the default budget: the rule did drop both SYNs, and the host
is found with port 80 open (its port swept again after the reset; without
that it has no open port and is not reported).  Control: --budget off
finds it too.

Root and network namespaces are needed: otherwise skip.skip() (exit 77,
or a failure in CI).
"""
import json
import os
import subprocess
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "lib"))
from estate import Checker, CAMSWEEP  # noqa: E402
from scratch import scratch  # noqa: E402
from skip import skip  # noqa: E402

NS = "csb-%d" % os.getpid()
HOST = "127.0.0.2"

LISTEN_PY = r"""
import socket, sys
s = socket.socket()
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind((sys.argv[1], 80))
s.listen(16)
print("ready", flush=True)
while True:
    c, _ = s.accept()
    c.close()
"""

# the first two SYNs to port 80 (60 bytes each) are dropped, then none
NFT = """table ip csb {
 counter syn80 { }
 chain out { type filter hook output priority 0; policy accept;
  ip daddr %s tcp dport 80 tcp flags & (syn | ack) == syn counter name "syn80"
  ip daddr %s tcp dport 80 tcp flags & (syn | ack) == syn quota until 120 bytes drop
 }
}
""" % (HOST, HOST)


def ns(*args, **kw):
    return subprocess.run(["ip", "netns", "exec", NS] + list(args),
                          capture_output=True, text=True, **kw)


def syn80():
    out = ns("nft", "list", "counter", "ip", "csb", "syn80").stdout
    for line in out.splitlines():
        if "packets" in line:
            return int(line.split("packets")[1].split()[0])
    return -1


def scan(db, extra):
    p = ns(CAMSWEEP, "scan", "--db", db, "--json", "-q", *extra, HOST,
           timeout=120)
    found = {}
    for line in p.stdout.splitlines():
        try:
            d = json.loads(line)
        except ValueError:
            continue
        if d.get("ports"):
            found[d["ip"]] = d["ports"]
    return p.returncode, found, p.stderr


def ports_of(found):
    return [p if isinstance(p, int) else p.get("port")
            for p in found.get(HOST, [])]


def main():
    if os.geteuid() != 0:
        return skip("needs root (network namespaces)")
    for tool in ("ip", "nft"):
        if subprocess.run(["which", tool], capture_output=True).returncode:
            return skip("needs %s (scripts/deps.sh)" % tool)
    if subprocess.run(["ip", "netns", "add", NS],
                      capture_output=True).returncode != 0:
        return skip("cannot create a network namespace")
    c = Checker()
    lis = None
    try:
        ns("ip", "link", "set", "lo", "up", check=True)
        p = subprocess.run(["ip", "netns", "exec", NS, "nft", "-f", "-"],
                           input=NFT, capture_output=True, text=True)
        if p.returncode != 0:
            return skip("nftables not usable here: %s" % p.stderr.strip())
        lis = subprocess.Popen(["ip", "netns", "exec", NS, sys.executable,
                                "-c", LISTEN_PY, HOST],
                               stdout=subprocess.PIPE, text=True)
        c.ok(lis.stdout.readline().strip() == "ready", "listener ready")
        work = scratch("cs-nsbudget-")

        t0 = time.time()
        rc, found, err = scan(os.path.join(work, "a.db"), [])
        n = syn80()
        c.ok(rc == 0, "scan at the default budget exits 0: %d %s" %
             (rc, err[-300:]))
        c.ok(n >= 2, "the liveness probe's SYN to port 80 and its "
             "retransmission were dropped (%d SYNs seen)" % n)
        c.ok(80 in ports_of(found),
             "the host is found with port 80 open although its liveness "
             "probe there was lost: %r (%.1f s)" % (found, time.time() - t0))

        rc, found, err = scan(os.path.join(work, "b.db"), ["--budget", "off"])
        c.ok(rc == 0 and 80 in ports_of(found),
             "control: --budget off finds it: %d %r %s" % (rc, found,
                                                           err[-300:]))
    finally:
        if lis is not None:
            lis.kill()
            lis.wait()
        subprocess.run(["ip", "netns", "pids", NS], capture_output=True)
        subprocess.run(["ip", "netns", "del", NS], capture_output=True)
    c.done()


if __name__ == "__main__":
    sys.exit(main() or 0)
