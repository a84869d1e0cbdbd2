# SPDX-License-Identifier: ISC
"""Issue #19, `camsweep import shodan FILE`: Shodan banners (JSON Lines in
the fields of Shodan's Banner Specification), plain and gzip-compressed,
become one scan record whose source is Shodan, spanning the banners'
timestamps; banners of one address make one host (its TCP ports, not the
UDP one); the Hikvision certificate and Server header identify the
maker; the import is assessable.  A malformed line is reported, the rest
kept, and the scan marked incomplete with exit status 2.
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

FILE = os.path.join(SRC, "tests", "integration", "data", "shodan-hik.jsonl")


def run(args):
    return subprocess.run([CAMSWEEP] + args, capture_output=True, text=True,
                          timeout=300)


def jl(text):
    return [json.loads(l) for l in text.splitlines() if l.strip()]


def main():
    c = Checker()
    tmp = scratch("cs-shodan-")
    try:
        gz = os.path.join(tmp, "banners.json.gz")
        with open(FILE, "rb") as f, gzip.open(gz, "wb") as g:
            g.write(f.read())
        for name, path in (("plain", FILE), ("gzip", gz)):
            db = os.path.join(tmp, name + ".db")
            r = run(["import", "shodan", path, "--db", db])
            c.ok(r.returncode == 0, "%s: exit 0 (%s)" % (name, r.stderr))
            scans = jl(run(["scans", "--json", "--db", db]).stdout)
            c.ok(len(scans) == 1 and scans[0]["vantage"] == "shodan import"
                 and scans[0]["status"] == "complete" and
                 scans[0]["started"] == "2024-03-01T09:00:00Z" and
                 scans[0]["ended"] == "2024-03-01T10:05:00Z",
                 "%s: one scan, source shodan, the banners' times: %s" %
                 (name, scans))
            devs = {d["ip"]: d for d in
                    jl(run(["show", "--json", "--all", "--db", db]).stdout)}
            c.ok(set(devs) == {"198.51.100.7", "198.51.100.9"},
                 "%s: one host per address (%s)" % (name, sorted(devs)))
            hik = devs.get("198.51.100.7", {})
            c.ok(hik.get("manufacturer") == "Hikvision" and
                 hik.get("ports") == [80, 443],
                 "%s: Hikvision on 80 and 443" % name)
            c.ok(devs.get("198.51.100.9", {}).get("ports") == [23],
                 "%s: TCP ports only" % name)
        a = run(["assess", "--no-estate", "--db", os.path.join(tmp, "gzip.db"), "--regime",
                 "uk-gsg-2022", "--json"])
        c.ok(a.returncode in (0, 4) and
             any(f.get("ip") == "198.51.100.7" for f in jl(a.stdout)),
             "assess: a finding for the imported Hikvision")
        bad = os.path.join(tmp, "bad.jsonl")
        with open(FILE) as f, open(bad, "w") as g:
            lines = f.read().splitlines()
            g.write("\n".join(lines[:1] + ['{"ip_str": "198.51.100.7", '] +
                              lines[1:]) + "\n")
        db = os.path.join(tmp, "bad.db")
        r = run(["import", "shodan", bad, "--db", db])
        scans = jl(run(["scans", "--json", "--db", db]).stdout)
        c.ok(r.returncode == 2 and ":2:" in r.stderr and
             "1 malformed" in r.stderr and len(scans) == 1 and
             scans[0]["status"] == "incomplete",
             "a malformed line: reported, exit 2, scan incomplete (%d: %s)"
             % (r.returncode, r.stderr.strip()))
        devs = jl(run(["show", "--json", "--all", "--db", db]).stdout)
        c.ok(len(devs) == 2, "the other banners are kept")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    c.done()


if __name__ == "__main__":
    main()
