# SPDX-License-Identifier: ISC
"""Issue #19, `camsweep identify --db`: identities made from other tools'
evidence (identify's JSON Lines) whose device or id is an IP address
become the hosts of one scan record with source "identify", with the
ports their observations came from; they are shown (in the device schema)
and assessed like any scan; an identity named otherwise is printed but
not recorded.  stdout is unchanged by --db.
"""
import json
import os
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "lib"))
from estate import Checker, CAMSWEEP, SRC  # noqa: E402
from scratch import scratch  # noqa: E402

LINES = [
    {"device": "192.0.2.50", "kind": "http.server", "data": "App-webs/",
     "port": 80},
    {"device": "192.0.2.50", "kind": "tls.subject",
     "data": "CN=www.hikvision.com,OU=DVRNVR,O=HIKVISION,C=CN", "port": 443},
    {"id": "cam-x", "kind": "http.server", "data": "App-webs/"},
]


def run(args, stdin=""):
    return subprocess.run([CAMSWEEP] + args, capture_output=True, text=True,
                          input=stdin, timeout=300)


def jl(text):
    return [json.loads(l) for l in text.splitlines() if l.strip()]


def main():
    c = Checker()
    tmp = scratch("cs-identdb-")
    try:
        db = os.path.join(tmp, "i.db")
        text = "".join(json.dumps(l) + "\n" for l in LINES)
        plain = run(["identify"], text)
        r = run(["identify", "--db", db], text)
        c.ok(r.returncode == 0 and r.stdout == plain.stdout and
             len(jl(r.stdout)) == 2, "identify --db: stdout as without it")
        c.ok("1 identities recorded, 1 without an IP" in r.stderr,
             "one recorded, one not: %s" % r.stderr.strip())
        scans = jl(run(["scans", "--json", "--db", db]).stdout)
        c.ok(len(scans) == 1 and scans[0]["vantage"] == "identify" and
             scans[0]["status"] == "complete", "one scan, source identify")
        devs = jl(run(["show", "--json", "--all", "--db", db]).stdout)
        c.ok(len(devs) == 1 and devs[0]["ip"] == "192.0.2.50" and
             devs[0]["ports"] == [80, 443] and
             devs[0]["manufacturer"] == "Hikvision",
             "the device, its ports and maker: %s" %
             [(d["ip"], d["ports"], d["manufacturer"]) for d in devs])
        try:
            import jsonschema
            with open(os.path.join(SRC, "docs", "schema",
                                   "device.v1.json")) as f:
                v = jsonschema.Draft202012Validator(json.load(f))
            errs = [e.message for d in devs for e in v.iter_errors(d)]
            c.ok(not errs, "in the device schema %s" % errs[:2])
        except ImportError:
            c.ok(False, "python3-jsonschema installed")
        a = run(["assess", "--no-estate", "--db", db, "--regime", "uk-gsg-2022", "--json"])
        c.ok(a.returncode in (0, 4) and
             any(f.get("ip") == "192.0.2.50" for f in jl(a.stdout)),
             "assessed like any scan")

        # A Dahua device certificate alone (makers.tsv cctv=mostly):
        # surveillance presumed, still so after the store's round trip,
        # and assessed as a class to confirm, not as covered equipment.
        db2 = os.path.join(tmp, "p.db")
        r = run(["identify", "--db", db2], json.dumps(
            {"device": "192.0.2.60", "kind": "tls.subject",
             "data": "CN=192.168.1.108,OU=IPC,O=Dahua,L=HangZhou,"
                     "ST=ZheJiang,C=CN", "port": 443}) + "\n")
        devs = jl(run(["show", "--json", "--all", "--db", db2]).stdout)
        c.ok(r.returncode == 0 and len(devs) == 1 and
             devs[0]["surveillance"] is True and
             devs[0]["device_class"] is None and
             devs[0].get("surveillance_basis") == "presumed",
             "a Dahua certificate alone: presumed after the store %s" %
             [(d["manufacturer"], d["surveillance"],
               d.get("surveillance_basis")) for d in devs])
        a = jl(run(["assess", "--no-estate", "--db", db2, "--regime",
                    "uk-gsg-2022", "--json"]).stdout)
        fs = [f for f in a if f.get("ip") == "192.0.2.60"]
        c.ok(len(fs) == 1 and fs[0].get("obligation") == "confirm-class" and
             fs[0].get("action_text", "").startswith(
                 "presumed from maker; confirm class"),
             "presumed: one confirm-class finding that says so %s" %
             [(f.get("obligation"), f.get("action_text", "")[:40])
              for f in fs])
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    c.done()


if __name__ == "__main__":
    main()
