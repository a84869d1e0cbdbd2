# SPDX-License-Identifier: ISC
"""`camsweep import runzero FILE`: a runZero asset export, JSON Lines
(/export/org/assets.jsonl) and CSV (/export/org/assets.csv) in the fields
of runZero's Export API Asset schema (runZeroInc/runzero-api,
openapi.yaml), plain and gzip-compressed, becomes one scan record whose
source is runZero, spanning the assets' first_seen..last_seen; each asset
is a host with its TCP ports (not the UDP one), identified from its MAC
address (Hikvision, Dahua, Brother), not from runZero's own type/hw
guesses; the import is assessable with `assess --no-estate`.  A malformed
line is reported, the rest kept, the scan incomplete, exit 2.
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

DATA = os.path.join(SRC, "tests", "integration", "data")
JSONL = os.path.join(DATA, "runzero-assets.jsonl")
CSV = os.path.join(DATA, "runzero-assets.csv")


def run(args):
    return subprocess.run([CAMSWEEP] + args, capture_output=True, text=True,
                          timeout=300)


def jl(text):
    return [json.loads(l) for l in text.splitlines() if l.strip()]


def main():
    c = Checker()
    tmp = scratch("cs-runzero-")
    try:
        gz = os.path.join(tmp, "assets.jsonl.gz")
        with open(JSONL, "rb") as f, gzip.open(gz, "wb") as g:
            g.write(f.read())
        for name, path in (("jsonl", JSONL), ("csv", CSV), ("gzip", gz)):
            db = os.path.join(tmp, name + ".db")
            r = run(["import", "runzero", path, "--db", db])
            c.ok(r.returncode == 0, "%s: exit 0 (%s)" % (name, r.stderr))
            scans = jl(run(["scans", "--json", "--db", db]).stdout)
            c.ok(len(scans) == 1 and scans[0]["vantage"] == "runzero import"
                 and scans[0]["status"] == "complete" and
                 scans[0]["started"] == "2024-03-01T09:00:00Z" and
                 scans[0]["ended"] == "2024-03-01T10:05:00Z",
                 "%s: one scan, source runZero, the assets' times: %s" %
                 (name, scans))
            devs = {d["ip"]: d for d in
                    jl(run(["show", "--json", "--all", "--db", db]).stdout)}
            c.ok(set(devs) == {"198.51.100.21", "198.51.100.22",
                               "198.51.100.23"},
                 "%s: one host per asset (%s)" % (name, sorted(devs)))
            hik = devs.get("198.51.100.21", {})
            c.ok(hik.get("manufacturer") == "Hikvision" and
                 hik.get("ports") == [80, 554] and
                 hik.get("mac") == "c0:56:e3:11:22:33",
                 "%s: Hikvision by its MAC, TCP ports 80 and 554 (%s)" %
                 (name, {k: hik.get(k) for k in ("manufacturer", "ports",
                                                  "mac")}))
            c.ok(devs.get("198.51.100.22", {}).get("manufacturer") == "Dahua"
                 and devs.get("198.51.100.23", {}).get("manufacturer") ==
                 "Brother", "%s: Dahua and Brother by their MACs" % name)
            c.ok(all(e.get("value") != "not evidence"
                     for d in devs.values() for e in d.get("evidence", [])),
                 "%s: runZero's hw guess is not evidence" % name)
        a = run(["assess", "--no-estate", "--db", os.path.join(tmp, "csv.db"),
                 "--regime", "uk-gsg-2022", "--json"])
        found = {f.get("ip") for f in jl(a.stdout)}
        c.ok(a.returncode in (0, 4) and "198.51.100.21" in found and
             "198.51.100.22" in found and "198.51.100.23" not in found,
             "assess: findings for the Hikvision and Dahua assets, none for "
             "the printer (%s)" % sorted(x for x in found if x))
        bad = os.path.join(tmp, "bad.jsonl")
        with open(JSONL) as f, open(bad, "w") as g:
            lines = f.read().splitlines()
            g.write("\n".join(lines[:1] + ['{"addresses": ["198.51.'] +
                              lines[1:]) + "\n")
        db = os.path.join(tmp, "bad.db")
        r = run(["import", "runzero", bad, "--db", db])
        scans = jl(run(["scans", "--json", "--db", db]).stdout)
        c.ok(r.returncode == 2 and ":2:" in r.stderr and
             "1 refused" in r.stderr and len(scans) == 1 and
             scans[0]["status"] == "incomplete",
             "a malformed line: reported, exit 2, scan incomplete (%d: %s)"
             % (r.returncode, r.stderr.strip()))
        c.ok(len(jl(run(["show", "--json", "--all", "--db", db]).stdout)) == 3,
             "the other assets are kept")
        nohead = os.path.join(tmp, "nohead.csv")
        with open(nohead, "w") as g:
            g.write("id,macs\r\nx,c0:56:e3:11:22:33\r\n")
        r = run(["import", "runzero", nohead, "--db",
                 os.path.join(tmp, "nohead.db")])
        c.ok(r.returncode == 2 and "addresses" in r.stderr,
             "a CSV without an addresses column is refused (%d: %s)" %
             (r.returncode, r.stderr.strip()))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    c.done()


if __name__ == "__main__":
    main()
