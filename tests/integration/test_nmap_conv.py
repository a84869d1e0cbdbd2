# SPDX-License-Identifier: ISC
"""Issue #19, nmap's conventions in `camsweep scan`, end to end against a
camsim fleet on loopback: the acceptance line
  camsweep scan 127.B.0-1.1-254 -p 80,554,8000-8001 -oX out.xml
with -oJ (JSON Lines streamed while the scan runs), -v, --stats-every;
the XML read by nmap's own consumers (xmllint against nmap.dtd, xsltproc
with nmap.xsl) and by a Python reader, host for host equal to the JSON;
-iL, --excludefile, a host name resolved once (and refused when
excluded), time units, port ranges, `camsweep scans`, and the default
inventory in XDG_DATA_HOME created 0600.
"""
import json
import os
import re
import shutil
import stat
import subprocess
import sys
import time
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "lib"))
from estate import Estate, Checker, shifted, CAMSWEEP  # noqa: E402
from scratch import scratch  # noqa: E402

NET = shifted("127.77.0.0/23")
B = NET.split(".")[1]
TARGET = "127.%s.0-1.1-254" % B
PORTS = {80, 554, 8000, 8001}
NMAP_DTD = "/usr/share/nmap/nmap.dtd"
NMAP_XSL = "/usr/share/nmap/nmap.xsl"


def run(args, env=None, **kw):
    e = dict(os.environ)
    e.update(env or {})
    return subprocess.run([CAMSWEEP] + args, capture_output=True, text=True,
                          timeout=600, env=e, **kw)


def main():
    c = Checker()
    for tool in ("xmllint", "xsltproc"):
        c.ok(shutil.which(tool), "%s installed (scripts/deps.sh)" % tool)
    c.ok(os.path.exists(NMAP_DTD) and os.path.exists(NMAP_XSL),
         "nmap.dtd and nmap.xsl installed (Debian nmap, scripts/deps.sh)")
    tmp = scratch("cs-nmapconv-")
    env = {"XDG_DATA_HOME": os.path.join(tmp, "xdg")}
    try:
        with Estate(NET, 40, seed=19) as est:
            want = {d["ip"] for d in est.devices
                    if PORTS & set(d["ports"])}
            c.ok(len(want) > 10, "the fleet has %d devices on the ports"
                 % len(want))
            ox = os.path.join(tmp, "out.xml")
            fifo = os.path.join(tmp, "oj.fifo")
            os.mkfifo(fifo)
            # The acceptance line, plus -oJ into a FIFO read while the
            # scan runs, -v and --stats-every.
            p = subprocess.Popen(
                [CAMSWEEP, "scan", TARGET, "-p", "80,554,8000-8001",
                 "-oX", ox, "-oJ", fifo, "--all", "-v", "--stats-every",
                 "500ms", "--rate", "150", "--db",
                 os.path.join(tmp, "a.db")],
                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            with open(fifo) as f:
                first = f.readline()
                running = p.poll() is None
                rest = f.read()
            out, err = p.communicate(timeout=600)
            c.ok(p.returncode == 0, "acceptance scan exits 0 (%d: %s)" %
                 (p.returncode, err[-300:]))
            c.ok(running, "-oJ: the first host arrived while the scan ran")
            lines = [l for l in (first + rest).splitlines() if l.strip()]
            oj = {}
            for l in lines:
                d = json.loads(l)
                oj[d["ip"]] = d
            c.ok(set(oj) == want, "-oJ: every device on the ports, once "
                 "(%d of %d; extra %s, missing %s)" % (
                     len(oj), len(want), sorted(set(oj) - want)[:3],
                     sorted(want - set(oj))[:3]))
            c.ok(len(lines) == len(oj), "-oJ: no host twice")
            c.ok(all(set(d["ports"]) <= PORTS for d in oj.values()),
                 "-oJ: only the ports asked for")
            vlines = [l for l in err.splitlines() if " up, ports " in l]
            c.ok(len(vlines) == len(want), "-v: a line per host (%d)" %
                 len(vlines))
            stats = [l for l in err.splitlines() if l.startswith("Stats:")]
            c.ok(stats and all(re.search(r"\(\d+\.\d\d%\)", s)
                               for s in stats),
                 "--stats-every: status lines with a percentage (%d)" %
                 len(stats))
            c.ok(stats and "508/508 addresses (100.00%)" in stats[-1],
                 "--stats-every: the last line says 508/508, 100%%: %r" %
                 (stats[-1] if stats else None))

            # The XML by nmap's DTD (scanner="camsweep" is its one
            # departure: the DTD's enumeration names only nmap, so the
            # copy used here admits camsweep too, nothing else changed).
            dtd = os.path.join(tmp, "nmap.dtd")
            with open(NMAP_DTD) as f:
                text = f.read()
            c.ok("scanner\t\t(nmap)" in text, "nmap.dtd has the scanner enum")
            with open(dtd, "w") as f:
                f.write(text.replace("scanner\t\t(nmap)",
                                     "scanner\t\t(nmap|camsweep)"))
            v = subprocess.run(["xmllint", "--noout", "--dtdvalid", dtd, ox],
                               capture_output=True, text=True)
            c.ok(v.returncode == 0, "-oX valid against nmap.dtd: %s" %
                 v.stderr[:500])
            h = subprocess.run(["xsltproc", NMAP_XSL, ox],
                               capture_output=True, text=True)
            c.ok(h.returncode == 0 and all(ip in h.stdout for ip in want),
                 "xsltproc nmap.xsl renders every host (%d) %s" %
                 (h.returncode, h.stderr[:200]))
            root = ET.parse(ox).getroot()
            c.ok(root.tag == "nmaprun" and
                 root.get("xmloutputversion") == "1.05", "nmaprun 1.05")
            si = root.find("scaninfo")
            c.ok(si is not None and si.get("services") ==
                 "80,554,8000-8001" and si.get("numservices") == "4",
                 "scaninfo: services 80,554,8000-8001, 4 of them")
            xh = {}
            for host in root.findall("host"):
                addr = host.find("address[@addrtype='ipv4']").get("addr")
                ports = {int(p.get("portid")) for p in
                         host.findall("ports/port")
                         if p.find("state").get("state") == "open"}
                xh[addr] = (ports, host)
            c.ok(set(xh) == set(oj), "-oX: the same hosts as -oJ")
            c.ok(all(xh[ip][0] == set(oj[ip]["ports"]) for ip in xh
                     if ip in oj), "-oX: the same open ports as -oJ")
            made = 0
            for ip, (ports, host) in xh.items():
                elems = {e.get("key"): e.text for e in
                         host.findall("hostscript/script/elem")}
                if oj.get(ip, {}).get("manufacturer"):
                    made += elems.get("manufacturer") == \
                        oj[ip]["manufacturer"]
            c.ok(made == sum(1 for d in oj.values() if d["manufacturer"]),
                 "-oX: the identity script names the same makers (%d)" %
                 made)
            hs = root.find("runstats/hosts")
            c.ok(hs is not None and hs.get("total") == "508" and
                 hs.get("up") == str(len(want)),
                 "runstats: 508 addresses, %d up" % len(want))

            # -iL, --excludefile, port ranges, time units.
            some = sorted(want)[:4]
            il = os.path.join(tmp, "targets.txt")
            with open(il, "w") as f:
                f.write("# targets\n%s %s\n%s\n%s  # last\n" % tuple(some))
            ex = os.path.join(tmp, "exclude.txt")
            with open(ex, "w") as f:
                f.write(some[0] + "\n")
            r = run(["scan", "-iL", il, "--excludefile", ex, "-p",
                     "80,554,8000-8001", "--connect-timeout", "2s",
                     "--read-timeout", "1500ms", "--json", "--all", "-q",
                     "--db", os.path.join(tmp, "b.db")])
            got = {json.loads(l)["ip"] for l in r.stdout.splitlines() if l}
            c.ok(r.returncode == 0 and got == set(some[1:]),
                 "-iL and --excludefile: %s (%s)" % (sorted(got),
                                                      r.stderr[-200:]))
            for bad in (["--read-timeout", "5x"], ["-p", "10-5"],
                        ["-p", "1-2000"], ["-p", "80,"],
                        ["--connect-timeout", "2h"]):
                r = run(["scan", "-q", "--db", os.path.join(tmp, "c.db")] +
                        bad + [some[0]])
                c.ok(r.returncode == 1, "refused: %s (%d)" %
                     (" ".join(bad), r.returncode))

        # A host name: resolved once, shown, recorded as its address; an
        # excluded one refused.  Nothing answers on port 1 of 127.0.0.1.
        r = run(["scan", "localhost", "-p", "1", "--db",
                 os.path.join(tmp, "d.db")])
        c.ok(r.returncode == 0 and
             "localhost resolved to 127.0.0.1" in r.stderr,
             "host name resolved and shown: %s" % r.stderr[-300:])
        s = run(["scans", "--json", "--db", os.path.join(tmp, "d.db")])
        scans = [json.loads(l) for l in s.stdout.splitlines() if l]
        c.ok(len(scans) == 1 and scans[0]["targets"] == "127.0.0.1",
             "the scan's targets are the resolved address: %s" % scans)
        r = run(["scan", "localhost", "127.0.0.2", "-p", "1", "--exclude",
                 "127.0.0.1", "--db", os.path.join(tmp, "d.db")])
        c.ok("localhost (127.0.0.1) is outside the scope" in r.stderr,
             "an excluded resolved address is refused: %s" % r.stderr[-300:])
        r = run(["scan", "localhost", "-p", "1", "-oX", "-", "--db",
                 os.path.join(tmp, "d.db")])
        try:
            root = ET.fromstring(r.stdout)
            ok = root.tag == "nmaprun" and root.find("runstats") is not None
        except ET.ParseError:
            ok = False
        c.ok(r.returncode == 0 and ok,
             "-oX -: the XML alone on standard output")
        r = run(["scan", "-p", "1", "--db", os.path.join(tmp, "d.db"), "--",
                 "localhost"])
        c.ok(r.returncode == 0 and "resolved to 127.0.0.1" in r.stderr,
             "a target after --")
        # IPv6 (issue #19): scanned where the probes apply; a scope too
        # large to enumerate, a zone, link-local and IPv4-mapped targets
        # are refused before any packet leaves.
        r = run(["scan", "::1", "-p", "1", "--db", os.path.join(tmp, "d.db")])
        c.ok(r.returncode == 0 and "not scanned" not in r.stderr and
             "1 addresses" in r.stderr,
             "an IPv6 target alone is scanned (%d: %s)" %
             (r.returncode, r.stderr.strip()[-300:]))
        r = run(["scan", "::1", "127.0.0.1", "-p", "1", "--db",
                 os.path.join(tmp, "d6.db")])
        c.ok(r.returncode == 0 and "2 addresses" in r.stderr,
             "IPv6 and IPv4 targets together (%d: %s)" %
             (r.returncode, r.stderr.strip()[-300:]))
        for spec, why in (("2001:db8::/64", "too many to enumerate"),
                          ("fe80::1%lo", "zone"),
                          ("fe80::1", "link-local"),
                          ("::ffff:127.0.0.1", "IPv4-mapped")):
            r = run(["scan", "::1", spec, "-p", "1", "--db",
                     os.path.join(tmp, "d6.db")])
            c.ok(r.returncode == 1 and why in r.stderr,
                 "IPv6 target %s refused (%s): %d %s" %
                 (spec, why, r.returncode, r.stderr.strip()[-200:]))
        r = run(["scan", "2001:db8::1/64", "-p", "1", "--db",
                 os.path.join(tmp, "d6.db")])
        c.ok(r.returncode == 1 and "host bits" in r.stderr,
             "an IPv6 CIDR with host bits set is a usage error")

        # camsweep scans: ISO 8601 UTC times; the default inventory.
        s = run(["scans", "--json", "--db", os.path.join(tmp, "a.db")])
        scans = [json.loads(l) for l in s.stdout.splitlines() if l]
        iso = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$")
        c.ok(s.returncode == 0 and len(scans) == 1 and
             iso.match(scans[0]["started"] or "") and
             iso.match(scans[0]["ended"] or "") and
             scans[0]["status"] == "complete" and
             scans[0]["addresses"] == 508, "scans --json: %s" % scans)
        t = run(["scans", "--db", os.path.join(tmp, "a.db")])
        c.ok(t.returncode == 0 and len(t.stdout.splitlines()) == 2,
             "scans: a heading and one row")
        r = run(["scan", "localhost", "-p", "1", "-q"], env=env)
        db = os.path.join(tmp, "xdg", "camsweep", "camsweep.db")
        c.ok(r.returncode == 0 and os.path.exists(db),
             "the default inventory is XDG_DATA_HOME/camsweep/camsweep.db")
        if os.path.exists(db):
            c.ok(stat.S_IMODE(os.stat(db).st_mode) == 0o600, "created 0600")
            c.ok(stat.S_IMODE(os.stat(os.path.dirname(db)).st_mode) ==
                 0o700, "its directory 0700")
        s = run(["scans", "--json"], env=env)
        c.ok(len([l for l in s.stdout.splitlines() if l]) == 1,
             "scans reads the default inventory")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    c.done()


if __name__ == "__main__":
    main()
