# SPDX-License-Identifier: ISC
"""Issue #19, IPv6 scanning end to end, in network namespaces of its own.

The main namespace's loopback, up, holds ::1, 127.0.0.1 and the
unique-local addresses fd00:77::10, ::11, ::12 and ::20 (/128 each): no
route off the namespace; deleted at the end (with /etc/netns/<name>,
whose hosts file names cam6.test).  camsim devices listen on ::1
(Hikvision), fd00:77::10 (Dahua), fd00:77::12 (Axis) and 127.0.0.1
(Hanwha); traps on fd00:77::11 and fd00:77::20 record every connection
made to them (and the request's first line and Host header).  Checked:

  - camsweep scan ::1 127.0.0.1: both found, identified as the manifests
    say, stored, listed IPv4 first; -oX addrtype ipv6/ipv4; -oJ;
  - diff, reach (an IPv6 target of any size), assess, plan and the
    csv/html/json reports with the IPv6 device; assess --estate placing
    ::1 by an IPv6 network (a sensitive site's findings, or a review on
    a site that is not sensitive); estate check's file:line for IPv6;
    reach's address column as wide as a 37-character address;
  - -iL fd00:77::/123 with --excludefile naming fd00:77::11: the two
    devices found, neither trap contacted (::11 excluded, ::20 past the
    CIDR); a /64 refused before any packet;
  - cam6.test, a name with only an AAAA record, resolved and scanned;
  - over a veth pair to a second namespace (fd00:79::/64, no route
    elsewhere): the device's MAC from the IPv6 neighbour table with
    --interface;
  - control: a scan aimed at the trap reaches it, with Host: [addr],
    Host: [addr]:8080 and rtsp://[addr]/ on the wire (so the checks
    above can fail).

Root and network namespaces are needed: otherwise skip.skip() (exit 77,
or a failure in CI).
"""
import json
import os
import shutil
import signal
import subprocess
import sys
import time
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "lib"))
from estate import Checker, CAMSIM, CAMSWEEP, SRC  # noqa: E402
from scratch import scratch  # noqa: E402
from skip import skip  # noqa: E402

PREFIX = "cs6-"
NS = "%s%d" % (PREFIX, os.getpid())
DEV_NS = NS + "-d"  # a device behind a veth pair (NDP), section 6
ULA = ["fd00:77::10", "fd00:77::11", "fd00:77::12", "fd00:77::20"]
TRAP = "fd00:77::11"   # inside the CIDR scanned, excluded
TRAP2 = "fd00:77::20"  # just past the CIDR scanned (fd00:77::/123)
PORTS = "80,554,8000"
DEVICES = [("::1", "hikvision-camera"), ("fd00:77::10", "dahua-camera"),
           ("fd00:77::12", "axis-camera"), ("127.0.0.1", "hanwha-camera")]

TRAP_PY = r"""
import socket, select, sys
out = open(sys.argv[1], "a", buffering=1)
socks = []
for port in (80, 554, 8000, 8080):
    s = socket.socket(socket.AF_INET6, socket.SOCK_STREAM)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind((sys.argv[2], port))
    s.listen(64)
    socks.append(s)
print("ready", flush=True)
while True:
    r, _, _ = select.select(socks, [], [])
    for s in r:
        c, peer = s.accept()
        c.settimeout(0.3)
        try:
            req = c.recv(2048).decode("latin-1")
        except OSError:
            req = ""
        host = [l for l in req.split("\r\n") if l.lower().startswith("host:")]
        out.write("%s %d %s | %s\n" % (peer[0], s.getsockname()[1],
                                       req.split("\r\n")[0],
                                       host[0] if host else "-"))
        c.close()
"""


def ip(*args, check=True):
    p = subprocess.run(["ip"] + list(args), capture_output=True, text=True)
    if check and p.returncode != 0:
        raise RuntimeError("ip %s: %s" % (" ".join(args), p.stderr.strip()))
    return p


def in_ns(args):
    return ["ip", "netns", "exec", NS] + args


def cleanup_stale():
    """Namespaces of earlier runs whose process is gone."""
    for line in ip("netns", "list", check=False).stdout.splitlines():
        name = line.split()[0] if line.strip() else ""
        if not name.startswith(PREFIX):
            continue
        try:
            os.kill(int(name[len(PREFIX):].split("-")[0]), 0)
            continue
        except (ValueError, ProcessLookupError):
            pass
        except PermissionError:
            continue
        delete_ns(name)


def delete_ns(name):
    for tok in ip("netns", "pids", name, check=False).stdout.split():
        try:
            os.kill(int(tok), signal.SIGKILL)
        except (ValueError, ProcessLookupError):
            pass
    ip("netns", "del", name, check=False)
    shutil.rmtree("/etc/netns/" + name, ignore_errors=True)


def scan(args, tmp):
    t0 = time.monotonic()
    p = subprocess.run(in_ns([CAMSWEEP, "scan"] + args), capture_output=True,
                       text=True, timeout=300,
                       env=dict(os.environ,
                                XDG_DATA_HOME=os.path.join(tmp, "xdg")))
    return p, time.monotonic() - t0


def cs(args):
    return subprocess.run([CAMSWEEP] + args, capture_output=True, text=True,
                          timeout=120)


def show(db):
    p = subprocess.run([CAMSWEEP, "show", "--json", "--db", db],
                       capture_output=True, text=True, timeout=60)
    return [json.loads(l) for l in p.stdout.splitlines() if l.strip()]


def trap_hits(path):
    with open(path) as f:
        return [l for l in f.read().splitlines() if l.strip()]


def main():
    if os.geteuid() != 0:
        return skip("IPv6 namespace test needs root")
    if shutil.which("ip") is None:
        return skip("iproute2 not installed")
    cleanup_stale()
    try:
        ip("netns", "add", NS)
    except RuntimeError as e:
        return skip("cannot create a network namespace: %s" % e)
    c = Checker()
    tmp = scratch("cs-ipv6-")
    procs = []
    try:
        ip("-n", NS, "link", "set", "lo", "up")
        for a in ULA:
            ip("-n", NS, "addr", "add", a + "/128", "dev", "lo", "nodad")
        # ip netns exec mounts /etc/netns/NS/hosts over /etc/hosts
        os.makedirs("/etc/netns/" + NS, exist_ok=True)
        with open("/etc/netns/%s/hosts" % NS, "w") as f:
            f.write("127.0.0.1 localhost\nfd00:77::12 cam6.test\n")
        routes = ip("-n", NS, "-6", "route", "show", "table", "all").stdout
        c.ok("default" not in routes and "via" not in routes,
             "no route off the namespace: %s" % routes.strip())

        want = {}
        for addr, prof in DEVICES:
            man = os.path.join(tmp, "m-%s.json" % prof)
            p = subprocess.Popen(
                in_ns([CAMSIM, "--device-ip", addr, "--profile", prof,
                       "--seed", "19", "--manifest", man]),
                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            procs.append(p)
            line = p.stdout.readline()
            c.ok("ready" in line, "camsim %s on %s: %s" % (prof, addr,
                                                          line.strip()))
            with open(man) as f:
                want[addr] = json.load(f)
        hits = os.path.join(tmp, "trap.log")
        open(hits, "w").close()
        trap = subprocess.Popen(in_ns(["python3", "-c", TRAP_PY, hits, TRAP]),
                                stdout=subprocess.PIPE, text=True)
        procs.append(trap)
        c.ok("ready" in trap.stdout.readline(), "trap on %s" % TRAP)
        hits2 = os.path.join(tmp, "trap2.log")
        open(hits2, "w").close()
        trap2 = subprocess.Popen(
            in_ns(["python3", "-c", TRAP_PY, hits2, TRAP2]),
            stdout=subprocess.PIPE, text=True)
        procs.append(trap2)
        c.ok("ready" in trap2.stdout.readline(), "trap on %s" % TRAP2)

        # 1. ::1 and 127.0.0.1 together: found, identified, stored.
        db = os.path.join(tmp, "a.db")
        ox, oj = os.path.join(tmp, "a.xml"), os.path.join(tmp, "a.jsonl")
        r, secs = scan(["::1", "127.0.0.1", "-p", PORTS, "--db", db,
                        "-oX", ox, "-oJ", oj], tmp)
        print("# scan ::1 127.0.0.1 -p %s: %.2f s; %s" %
              (PORTS, secs, r.stderr.strip().splitlines()[0:1]))
        c.ok(r.returncode == 0, "mixed scan exits 0 (%d: %s)" %
             (r.returncode, r.stderr[-300:]))
        rows = show(db)
        c.ok([d["ip"] for d in rows] == ["127.0.0.1", "::1"],
             "stored, IPv4 first: %s" % [d["ip"] for d in rows])
        for d in rows:
            m = want.get(d["ip"], {})
            c.ok(d["manufacturer"] == m.get("manufacturer") and
                 set(d["ports"]) == set(m.get("ports", [])),
                 "%s identified as %s on %s (got %s on %s)" % (
                     d["ip"], m.get("manufacturer"), m.get("ports"),
                     d["manufacturer"], d["ports"]))
        try:
            root = ET.parse(ox).getroot()
            types = {a.get("addr"): a.get("addrtype")
                     for a in root.iter("address")}
        except (ET.ParseError, OSError):
            types = {}
        c.ok(types.get("::1") == "ipv6" and
             types.get("127.0.0.1") == "ipv4",
             "-oX addrtype ipv6 and ipv4: %s" % types)
        with open(oj) as f:
            ojs = sorted(json.loads(l)["ip"] for l in f if l.strip())
        c.ok(ojs == ["127.0.0.1", "::1"], "-oJ: both hosts: %s" % ojs)

        # 1b. The inventory's other commands with IPv6 device keys: a
        # second scan diffs as unchanged, reach records ::1 answering,
        # assess raises the Hikvision at ::1, plan and the reports show it.
        r2, _ = scan(["::1", "127.0.0.1", "-p", PORTS, "--db", db,
                      "--no-resume"], tmp)
        d = cs(["diff", "--db", db, "--json", "1", "2"])
        c.ok(r2.returncode == 0 and d.returncode == 0 and
             d.stdout.strip() == "",
             "diff of two scans of ::1 and 127.0.0.1: no change (%d: %s %s)"
             % (d.returncode, d.stdout[:200], d.stderr[:200]))
        # reach's TARGET only filters the stored devices: a /0 is fine
        rr = subprocess.run(in_ns([CAMSWEEP, "reach", "--vantage", "core",
                                   "--db", db, "::/0"]),
                            capture_output=True, text=True, timeout=120)
        c.ok(rr.returncode == 0 and "::1" in rr.stdout and
             "answers" in rr.stdout and "127.0.0.1" not in rr.stdout,
             "reach ::/0 from the namespace: ::1 answers (%d: %s %s)" %
             (rr.returncode, rr.stdout.strip(), rr.stderr.strip()[:200]))
        # reach's lines: the address column as wide as the longest
        # address.  Two Hikvision rows imported (nmap XML): one at
        # 127.0.0.1 (camsim's Hanwha answers), one at a 37-character
        # ULA held by nothing (no route in the namespace: no answer).
        long6 = "fd00:77:ffff:ffff:ffff:ffff:ffff:1234"
        with open(os.path.join(SRC, "tests", "integration", "data",
                               "nmap-hik.xml")) as f:
            hx = f.read()
        host = hx[hx.index("<host "):hx.index("</host>") + 7]
        host = "\n".join(l for l in host.splitlines() if "mac" not in l)
        hosts = [host.replace('addr="192.0.2.10" addrtype="ipv4"',
                              'addr="%s" addrtype="%s"' % a)
                 for a in (("127.0.0.1", "ipv4"), (long6, "ipv6"))]
        xr = os.path.join(tmp, "reach.xml")
        with open(xr, "w") as f:
            f.write(hx[:hx.index("<host ")] + "\n".join(hosts) +
                    "\n<runstats>" + hx.split("<runstats>")[1])
        db3 = os.path.join(tmp, "r.db")
        ri = cs(["import", "nmap", xr, "--db", db3])
        rr = subprocess.run(in_ns([CAMSWEEP, "reach", "--vantage", "core",
                                   "--db", db3, "::/0", "127.0.0.1"]),
                            capture_output=True, text=True, timeout=120)
        lines = rr.stdout.splitlines()
        c.ok(ri.returncode == 0 and rr.returncode == 0 and
             sorted(l.split()[0] for l in lines) == ["127.0.0.1", long6] and
             all(l[len(long6):].startswith(" answers from core") or
                 l[len(long6):].startswith(" does not answer from core")
                 for l in lines) and
             any(l.startswith("127.0.0.1 ") and " answers" in l
                 for l in lines),
             "reach: address column %d wide (%d/%d: %s %s)" %
             (len(long6), ri.returncode, rr.returncode, lines,
              (ri.stderr + rr.stderr)[-300:]))
        a = cs(["assess", "--db", db, "--no-estate", "--json"])
        c.ok(a.returncode in (0, 4) and '"ip":"::1"' in a.stdout,
             "assess raises a finding for ::1 (%d: %s)" %
             (a.returncode, (a.stdout + a.stderr)[:300]))
        # assess --estate places the IPv6 device by an IPv6 network: on
        # a sensitive site's core the Hikvision at ::1 gets that site's
        # findings (obligations 1-3, critical); the same device on a
        # site that is not sensitive gets the review (4), and 2 for the
        # core reach recorded above, not 1 or 3.  An IPv4 0.0.0.0/0
        # never holds ::1.
        for name, nets, want_obl, want_site in (
                ("sensitive", "network ::1 site=hq zone=core\n"
                 "network 0.0.0.0/0 site=depot zone=cctv\n",
                 ["1", "2", "3"], "hq"),
                ("not sensitive", "network fd00:77::/32 site=hq "
                 "zone=core\nnetwork ::/0 site=depot zone=cctv\n",
                 ["2", "4"], "depot")):
            est = os.path.join(tmp, "e6.estate")
            with open(est, "w") as f:
                f.write('department "D" id=d\n'
                        'site "HQ" id=hq dept=d sensitive=yes '
                        'reason=secret\n'
                        'site "Depot" id=depot dept=d sensitive=no\n' +
                        nets)
            ck = cs(["estate", "check", est])
            a = cs(["assess", "--db", db, "--estate", est, "--regime",
                    "uk-gsg-2022", "--json", "--dry-run"])
            found = [json.loads(l) for l in a.stdout.splitlines()
                     if l.strip()]
            mine = [f for f in found if f.get("ip") == "::1"]
            c.ok(ck.returncode == 0 and a.returncode in (0, 4) and
                 sorted(f["obligation"] for f in mine) == want_obl and
                 all(f.get("site") == want_site for f in mine) and
                 (want_site != "hq" or
                  all(f["severity"] == "critical" for f in mine)),
                 "assess --estate, ::1 on a %s site: obligations %s at %s "
                 "(%d/%d: %s %s)" % (
                     name, want_obl, want_site, ck.returncode, a.returncode,
                     [(f.get("obligation"), f.get("severity"),
                       f.get("site")) for f in mine],
                     (ck.stderr + a.stderr)[:300]))
        # An error in an IPv6 network is reported at file:line.
        with open(est, "a") as f:
            f.write("network fd00:77::1/64 site=hq zone=core\n")
        ck = cs(["estate", "check", est])
        c.ok(ck.returncode == 1 and
             "e6.estate:6: network 'fd00:77::1/64' has host bits" in
             ck.stdout + ck.stderr,
             "estate check: IPv6 host bits at file:line (%d: %s)" %
             (ck.returncode, (ck.stdout + ck.stderr)[:300]))
        p = cs(["plan", "list", "--db", db])
        c.ok(p.returncode == 0 and "::1" in p.stdout,
             "plan list shows ::1 (%s)" % p.stdout[:300])
        for fmt in ("csv", "html", "json"):
            out = os.path.join(tmp, "rep." + fmt)
            rp = cs(["report", "--db", db, "--format", fmt, "-o", out])
            txt = ""
            for fn in (out, out[:-4] + "-devices.csv"):
                if os.path.exists(fn):
                    with open(fn) as f:
                        txt += f.read()
            # html and json lead with the findings (only ::1 has one);
            # the csv's devices file is in address order
            c.ok(rp.returncode == 0 and "::1" in txt and
                 "127.0.0.1" in txt and
                 (fmt != "csv" or
                  txt.find("127.0.0.1") < txt.find("::1")),
                 "report --format %s shows ::1 (after 127.0.0.1 in the "
                 "csv) (%d: %s)" % (fmt, rp.returncode, rp.stderr[:200]))

        # 2. -iL with an IPv6 CIDR, --excludefile with an IPv6 address:
        # the excluded address is never contacted.
        il, ex = os.path.join(tmp, "t.txt"), os.path.join(tmp, "x.txt")
        with open(il, "w") as f:
            f.write("# IPv6 targets\nfd00:77::/123\n")
        with open(ex, "w") as f:
            f.write("%s  # the trap\n" % TRAP)
        db2 = os.path.join(tmp, "b.db")
        r, secs = scan(["-iL", il, "--excludefile", ex, "-p", PORTS,
                        "--db", db2], tmp)
        print("# scan -iL fd00:77::/123 less %s: %.2f s; %s" %
              (TRAP, secs, r.stderr.strip().splitlines()[0:1]))
        rows = {d["ip"]: d for d in show(db2)}
        c.ok(r.returncode == 0 and sorted(rows) ==
             ["fd00:77::10", "fd00:77::12"],
             "-iL fd00:77::/123: the two devices (%d: %s; %s)" %
             (r.returncode, sorted(rows), r.stderr[-200:]))
        for a in ("fd00:77::10", "fd00:77::12"):
            c.ok(a in rows and rows[a]["manufacturer"] ==
                 want[a]["manufacturer"],
                 "%s identified as %s" % (a, want[a]["manufacturer"]))
        c.ok("31 addresses" in r.stderr,
             "the /123 less one address walked: %s" % r.stderr[-200:])

        # 3. A /64 cannot be enumerated: refused before any packet.
        r, _ = scan(["fd00:77::/64", "-p", PORTS, "--db",
                     os.path.join(tmp, "c.db")], tmp)
        c.ok(r.returncode == 1 and "too many to enumerate" in r.stderr,
             "a /64 refused (%d: %s)" % (r.returncode, r.stderr.strip()))
        time.sleep(0.3)
        c.ok(trap_hits(hits) == [],
             "the excluded address was never contacted: %s" %
             trap_hits(hits))
        c.ok(trap_hits(hits2) == [],
             "the address past the CIDR was never contacted: %s" %
             trap_hits(hits2))

        # 4. A name with only an AAAA record.
        r, _ = scan(["cam6.test", "-p", PORTS, "--db",
                     os.path.join(tmp, "d.db")], tmp)
        rows = show(os.path.join(tmp, "d.db"))
        c.ok(r.returncode == 0 and "resolved to fd00:77::12" in r.stderr and
             [d["ip"] for d in rows] == ["fd00:77::12"],
             "cam6.test resolved to its IPv6 address and scanned (%s; %s)" %
             (r.stderr.strip()[:200], [d["ip"] for d in rows]))

        # 6. Over a link: a device namespace behind a veth pair, its MAC
        # from the IPv6 neighbour table (NDP) with --interface.
        ip("netns", "add", DEV_NS)
        ip("-n", NS, "link", "add", "eth0", "type", "veth", "peer", "name",
           "eth0", "netns", DEV_NS)
        man = os.path.join(tmp, "m-link.json")
        subprocess.run([CAMSIM, "--device-ip", "fd00:79::10", "--profile",
                        "hikvision-camera", "--seed", "19", "--manifest",
                        man, "--dry-run"], check=True, capture_output=True)
        with open(man) as f:
            mlink = json.load(f)
        ip("-n", DEV_NS, "link", "set", "eth0", "address", mlink["mac"])
        for ns, v4, v6 in ((NS, "198.18.9.2/24", "fd00:79::2/64"),
                           (DEV_NS, "198.18.9.10/24", "fd00:79::10/64")):
            ip("-n", ns, "link", "set", "lo", "up")
            ip("-n", ns, "link", "set", "eth0", "up")
            ip("-n", ns, "addr", "add", v4, "dev", "eth0")
            ip("-n", ns, "addr", "add", v6, "dev", "eth0", "nodad")
            ip("-n", ns, "route", "add", "224.0.0.0/4", "dev", "eth0")
        p = subprocess.Popen(
            ["ip", "netns", "exec", DEV_NS, CAMSIM, "--device-ip",
             "fd00:79::10", "--profile", "hikvision-camera", "--seed", "19",
             "--manifest", man],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        procs.append(p)
        c.ok("ready" in p.stdout.readline(), "camsim on fd00:79::10 (veth)")
        db6 = os.path.join(tmp, "f.db")
        r, secs = scan(["fd00:79::10", "-p", PORTS, "--interface", "eth0",
                        "--discover-time", "300ms", "--db", db6], tmp)
        rows = show(db6)
        print("# scan fd00:79::10 --interface eth0: %.2f s" % secs)
        c.ok(r.returncode == 0 and len(rows) == 1 and
             rows[0]["ip"] == "fd00:79::10" and
             rows[0]["mac"] == mlink["mac"],
             "over the veth: fd00:79::10 with its MAC %s from the IPv6 "
             "neighbour table (%d: %s; %s)" % (
                 mlink["mac"], r.returncode,
                 [(d["ip"], d["mac"]) for d in rows], r.stderr[-300:]))

        # 5. The trap works: a scan aimed at it is recorded.
        r, _ = scan([TRAP, "-p", PORTS + ",8080", "--db",
                     os.path.join(tmp, "e.db")], tmp)
        time.sleep(0.3)
        got = trap_hits(hits)
        c.ok(len(got) >= 3,
             "control: a scan of %s reaches the trap (%d connections)" %
             (TRAP, len(got)))
        # the probes' requests name it in brackets, with the port when
        # it is not the scheme's
        c.ok(any(" 80 GET " in l and l.endswith("| Host: [%s]" % TRAP)
                 for l in got) and
             any(" 8080 GET " in l and
                 l.endswith("| Host: [%s]:8080" % TRAP) for l in got),
             "HTTP Host headers [%s] and [%s]:8080: %s" % (TRAP, TRAP, got))
        c.ok(any(" 554 OPTIONS rtsp://[%s]/ RTSP/1.0 " % TRAP in l
                 for l in got),
             "RTSP URL rtsp://[%s]/: %s" % (TRAP, got))
    finally:
        for p in procs:
            if p.poll() is None:
                p.send_signal(signal.SIGTERM)
        for p in procs:
            try:
                p.wait(timeout=10)
            except subprocess.TimeoutExpired:
                p.kill()
        delete_ns(DEV_NS)
        delete_ns(NS)
        shutil.rmtree(tmp, ignore_errors=True)
    left = ip("netns", "list", check=False).stdout
    c.ok(NS not in left and DEV_NS not in left,
         "namespaces %s and %s removed" % (NS, DEV_NS))
    c.done()


if __name__ == "__main__":
    sys.exit(main())
