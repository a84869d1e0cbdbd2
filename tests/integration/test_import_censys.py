# SPDX-License-Identifier: ISC
"""`camsweep import censys FILE`: Censys host records in the fields of the
Search 2.0 host data definitions (ip, last_updated_at, services[] with
port, transport_protocol, service_name, banner, http.response.html_title,
tls.certificates.leaf_data.subject_dn/issuer_dn), one host a line and one
search answer page a line (result.hits), plain and gzip-compressed,
become one scan record whose source is Censys, spanning the hosts'
last_updated_at; each host has its TCP ports (not the UDP one); the
Hikvision Server header and certificate, and the Dahua RTSP realm,
identify the makers; the import is assessable with `assess --no-estate`.
A malformed line is reported, the rest kept, the scan incomplete, exit 2.
"""
import gzip
import json
import os
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "lib"))
from estate import Checker, CAMSWEEP, SRC  # noqa: E402
from scratch import scratch  # noqa: E402

FILE = os.path.join(SRC, "tests", "integration", "data", "censys-hosts.jsonl")


def run(args):
    return subprocess.run([CAMSWEEP] + args, capture_output=True, text=True,
                          timeout=300)


def jl(text):
    return [json.loads(l) for l in text.splitlines() if l.strip()]


def main():
    c = Checker()
    tmp = scratch("cs-censys-")
    try:
        gz = os.path.join(tmp, "hosts.json.gz")
        with open(FILE, "rb") as f, gzip.open(gz, "wb") as g:
            g.write(f.read())
        for name, path in (("plain", FILE), ("gzip", gz)):
            db = os.path.join(tmp, name + ".db")
            r = run(["import", "censys", path, "--db", db])
            c.ok(r.returncode == 0, "%s: exit 0 (%s)" % (name, r.stderr))
            scans = jl(run(["scans", "--json", "--db", db]).stdout)
            c.ok(len(scans) == 1 and scans[0]["vantage"] == "censys import"
                 and scans[0]["status"] == "complete" and
                 scans[0]["started"] == "2024-03-01T09:00:00Z" and
                 scans[0]["ended"] == "2024-03-01T10:05:00Z",
                 "%s: one scan, source Censys, the hosts' times: %s" %
                 (name, scans))
            devs = {d["ip"]: d for d in
                    jl(run(["show", "--json", "--all", "--db", db]).stdout)}
            c.ok(set(devs) == {"203.0.113.41", "203.0.113.42",
                               "203.0.113.43"},
                 "%s: the host line and the page's two hits (%s)" %
                 (name, sorted(devs)))
            hik = devs.get("203.0.113.41", {})
            c.ok(hik.get("manufacturer") == "Hikvision" and
                 hik.get("ports") == [80, 443] and
                 {e.get("observation") for e in hik.get("evidence", [])} >=
                 {"http.server", "tls.subject"},
                 "%s: Hikvision from its Server header and certificate, "
                 "TCP ports only (%s)" % (name, hik.get("ports")))
            c.ok(devs.get("203.0.113.42", {}).get("manufacturer") == "Dahua",
                 "%s: Dahua from its RTSP answer" % name)
        a = run(["assess", "--no-estate", "--db", os.path.join(tmp, "gzip.db"),
                 "--regime", "uk-gsg-2022", "--json"])
        found = {f.get("ip") for f in jl(a.stdout)}
        c.ok(a.returncode in (0, 4) and "203.0.113.41" in found and
             "203.0.113.42" in found,
             "assess: findings for the imported Hikvision and Dahua (%s)" %
             sorted(x for x in found if x))
        bad = os.path.join(tmp, "bad.jsonl")
        with open(FILE) as f, open(bad, "w") as g:
            lines = f.read().splitlines()
            g.write("\n".join(lines[:1] + ['{"ip": "203.0.113.44", '] +
                              lines[1:] + ['{"port": 80}']) + "\n")
        db = os.path.join(tmp, "bad.db")
        r = run(["import", "censys", bad, "--db", db])
        scans = jl(run(["scans", "--json", "--db", db]).stdout)
        c.ok(r.returncode == 2 and ":2:" in r.stderr and ":4:" in r.stderr
             and "2 refused" in r.stderr and len(scans) == 1 and
             scans[0]["status"] == "incomplete",
             "malformed lines: reported, exit 2, scan incomplete (%d: %s)"
             % (r.returncode, r.stderr.strip()))
        c.ok(len(jl(run(["show", "--json", "--all", "--db", db]).stdout)) == 3,
             "the other hosts are kept")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    c.done()


if __name__ == "__main__":
    main()
