# SPDX-License-Identifier: ISC
"""Issue #19, `camsweep import nmap FILE.xml`: a file in nmap's XML
format (nmap.dtd; script output as nmap's http-server-header, http-title,
http-headers, banner and ssl-cert write it) becomes one scan record whose
source is nmap, with nmap's start and end times; its up hosts are
identified from the evidence (the Hikvision certificate and Server
header), shown with their open ports only, and assessed like any scan; a
down host is left out.  The text table keeps its 15-column address
column for IPv4 and widens it to the longest IPv6 address.  camsweep's own -oX output validates as nmap XML
and is imported too.  A file with an entity declaration is refused and
records nothing.
"""
import json
import os
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "lib"))
from estate import Checker, CAMSWEEP, SRC  # noqa: E402
from scratch import scratch  # noqa: E402

DATA = os.path.join(SRC, "tests", "integration", "data")


def run(args):
    return subprocess.run([CAMSWEEP] + args, capture_output=True, text=True,
                          timeout=300)


def main():
    c = Checker()
    tmp = scratch("cs-import-")
    try:
        db = os.path.join(tmp, "i.db")
        r = run(["import", "nmap", os.path.join(DATA, "nmap-hik.xml"),
                 "--db", db])
        c.ok(r.returncode == 0, "import exits 0: %s" % r.stderr)
        c.ok("2 hosts imported, 1 down" in r.stderr, "summary: %s" %
             r.stderr.strip())
        s = run(["scans", "--json", "--db", db])
        scans = [json.loads(l) for l in s.stdout.splitlines() if l]
        c.ok(len(scans) == 1 and scans[0]["vantage"] == "nmap import" and
             scans[0]["status"] == "complete" and
             scans[0]["started"] == "2023-11-14T22:13:20Z" and
             scans[0]["ended"] == "2023-11-14T22:13:30Z",
             "one scan record, source nmap, nmap's times: %s" % scans)
        sh = run(["show", "--json", "--all", "--db", db])
        devs = {d["ip"]: d for d in map(json.loads, sh.stdout.splitlines())}
        c.ok(set(devs) == {"192.0.2.10", "192.0.2.12"},
             "show: the two up hosts (%s)" % sorted(devs))
        hik = devs.get("192.0.2.10", {})
        c.ok(hik.get("manufacturer") == "Hikvision" and
             hik.get("ports") == [80, 443],
             "the certificate and Server header identify Hikvision: %s" %
             {k: hik.get(k) for k in ("manufacturer", "ports")})
        obs = {e["observation"] for e in hik.get("evidence", [])}
        c.ok({"tls.subject", "http.server"} <= obs,
             "its evidence is the file's: %s" % sorted(obs))
        c.ok(devs.get("192.0.2.12", {}).get("ports") == [23, 8080],
             "open ports only (not filtered or closed)")
        a = run(["assess", "--no-estate", "--db", db, "--regime", "uk-gsg-2022", "--json"])
        fs = [json.loads(l) for l in a.stdout.splitlines() if l.strip()]
        c.ok(a.returncode in (0, 4) and
             any(f.get("ip") == "192.0.2.10" for f in fs),
             "assess: a finding for the imported Hikvision (%d, %d)" %
             (a.returncode, len(fs)))

        # The text table: IPv4 only, the address column is 15 wide as
        # ever; with an IPv6 host it is as wide as the longest address,
        # every column in line, no address cut.
        t = run(["show", "--all", "--db", db]).stdout.splitlines()
        c.ok(len(t) == 4 and t[0].startswith("IP" + " " * 14 + "PORTS ") and
             t[1].startswith("192.0.2.10      80,443 ") and
             t[2].startswith("192.0.2.12      23,8080 "),
             "IPv4 table: 15-column addresses as before: %s" % t[:3])
        long6 = "2001:db8:ffff:ffff:ffff:ffff:ffff:1234"  # 38 characters
        x6 = os.path.join(tmp, "v6.xml")
        with open(x6, "w") as f:
            f.write('<?xml version="1.0"?>\n<nmaprun scanner="nmap" '
                    'start="1700000000" version="7.93" '
                    'xmloutputversion="1.05">\n')
            for addr, typ, port in (("192.0.2.20", "ipv4", 8080),
                                    (long6, "ipv6", 80),
                                    ("2001:db8::7", "ipv6", 554)):
                f.write('<host><status state="up"/><address addr="%s" '
                        'addrtype="%s"/><ports><port protocol="tcp" '
                        'portid="%d"><state state="open"/></port></ports>'
                        '</host>\n' % (addr, typ, port))
            f.write('<runstats><finished time="1700000010"/></runstats>'
                    '</nmaprun>\n')
        db6 = os.path.join(tmp, "v6.db")
        r = run(["import", "nmap", x6, "--db", db6])
        t = run(["show", "--all", "--db", db6]).stdout.splitlines()
        col = t[0].find("PORTS") if t else -1
        rows = {l.split()[0]: l for l in t[1:-1]}
        c.ok(r.returncode == 0 and col == len(long6) + 1 and
             sorted(rows) == sorted(["192.0.2.20", long6, "2001:db8::7"]) and
             all(rows[a][col - 1] == " " and rows[a][col] in "0123456789"
                 for a in rows) and
             rows[long6][col:].startswith("80 ") and
             rows["192.0.2.20"][col:].startswith("8080 ") and
             all(len(l.split()) == len(t[0].split()) for l in rows.values())
             and "~" not in "".join(rows),
             "IPv6 table: address column %d wide, columns in line (%d: %s)"
             % (len(long6), r.returncode, t))

        # diff and plan list, the same: the Hikvision of nmap-hik.xml
        # moves to long6 (same MAC) and a second one comes up at
        # 192.0.2.40; every row's next column starts at one offset.
        with open(os.path.join(DATA, "nmap-hik.xml")) as f:
            hx = f.read()
        first = hx[hx.index("<host "):hx.index("</host>") + 7]
        extra = "\n".join(l for l in first.replace(
            "192.0.2.10", "192.0.2.40").splitlines() if "mac" not in l)
        h2 = hx.replace('addr="192.0.2.10" addrtype="ipv4"',
                        'addr="%s" addrtype="ipv6"' % long6)
        h2 = h2.replace("<runstats>", extra + "\n<runstats>")
        x2 = os.path.join(tmp, "h2.xml")
        with open(x2, "w") as f:
            f.write(h2)
        dbd = os.path.join(tmp, "d.db")
        r1 = run(["import", "nmap", os.path.join(DATA, "nmap-hik.xml"),
                  "--db", dbd])
        r2 = run(["import", "nmap", x2, "--db", dbd])
        d = run(["diff", "--db", dbd, "1", "2"]).stdout.splitlines()
        starts = {l[9 + len(long6):].startswith(" Hikvision")
                  for l in d}
        c.ok(r1.returncode == 0 and r2.returncode == 0 and len(d) == 2 and
             d[0].startswith("new      192.0.2.40 ") and
             d[1].startswith("moved    " + long6 + " ") and starts == {True},
             "diff: address column %d wide, in line: %s" % (len(long6), d))
        a = run(["assess", "--no-estate", "--db", dbd, "--regime",
                 "uk-gsg-2022"])
        # assess's text: "#1    low      " is 15 characters, then the
        # address, then the site ("-")
        fl = [l for l in a.stdout.splitlines() if l.startswith("#")]
        c.ok(sorted(l[15:15 + len(long6)].strip() for l in fl) ==
             ["192.0.2.40", long6] and
             all(l[15 + len(long6):].startswith(" - ") for l in fl),
             "assess text: address column %d wide, in line: %s" %
             (len(long6), fl))
        pl = run(["plan", "list", "--db", dbd]).stdout.splitlines()
        # "#1    low      open          " is 29 characters
        ips = sorted(l[29:29 + len(long6)].strip() for l in pl)
        c.ok(a.returncode in (0, 4) and ips == ["192.0.2.40", long6] and
             all(l[29 + len(long6)] == " " and l[30 + len(long6)] != " "
                 for l in pl),
             "plan list: address column %d wide, in line: %s" %
             (len(long6), pl))

        # camsweep's own -oX, imported back (a loopback target with
        # nothing listening on the port: an empty but valid run).
        ox = os.path.join(tmp, "own.xml")
        r = run(["scan", "127.0.0.1", "-p", "1", "-q", "-oX", ox, "--db",
                 os.path.join(tmp, "s.db")])
        r2 = run(["import", "nmap", ox, "--db", db])
        c.ok(r.returncode == 0 and r2.returncode == 0 and
             "0 hosts imported" in r2.stderr,
             "camsweep's -oX imports: %s" % r2.stderr.strip())

        # Refused: an entity declaration; nothing recorded.
        bad = os.path.join(tmp, "bad.xml")
        with open(bad, "w") as f:
            f.write('<?xml version="1.0"?><!DOCTYPE nmaprun [<!ENTITY x '
                    '"y">]><nmaprun scanner="nmap" version="7" '
                    'xmloutputversion="1.05"></nmaprun>')
        db2 = os.path.join(tmp, "j.db")
        r = run(["import", "nmap", bad, "--db", db2])
        s = run(["scans", "--json", "--db", db2])
        c.ok(r.returncode == 2 and s.stdout.strip() == "",
             "an entity declaration is refused, nothing recorded (%d: %s)" %
             (r.returncode, r.stderr.strip()))
        r = run(["import", "qualys", bad, "--db", db2])
        c.ok(r.returncode == 1, "an unknown source is a usage error")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    c.done()


if __name__ == "__main__":
    main()
