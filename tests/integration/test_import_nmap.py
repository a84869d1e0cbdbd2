# SPDX-License-Identifier: ISC
"""Issue #19, `camsweep import nmap FILE.xml`: a file in nmap's XML
format (nmap.dtd; script output as nmap's http-server-header, http-title,
http-headers, banner and ssl-cert write it) becomes one scan record whose
source is nmap, with nmap's start and end times; its up hosts are
identified from the evidence (the Hikvision certificate and Server
header), shown with their open ports only, and assessed like any scan; a
down host is left out.  camsweep's own -oX output validates as nmap XML
and is imported too.  A file with an entity declaration is refused and
records nothing.
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "lib"))
from estate import Checker, CAMSWEEP, SRC  # noqa: E402

DATA = os.path.join(SRC, "tests", "integration", "data")


def run(args):
    return subprocess.run([CAMSWEEP] + args, capture_output=True, text=True,
                          timeout=300)


def main():
    c = Checker()
    tmp = tempfile.mkdtemp(prefix="cs-import-")
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
