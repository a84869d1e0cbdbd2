#!/usr/bin/env python3
# SPDX-License-Identifier: ISC
"""Cameras behind a recorder, end to end on loopback (127.111.0.0/24): a
camsim fleet with Hikvision and Dahua recorders that each list 8 cameras
behind HTTP Digest.  camsweep with a 0600 credentials file naming only the
recorders must report each with its 8 cameras and their makers; a file
readable by others is refused; without a file the recorders are reported
with no cameras and the channel endpoints never see an Authorization
header (camsim logs nothing, so this is checked on the observations: no
nvr.* observation exists without credentials)."""
import json
import os
import sqlite3
import stat
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "lib"))
from estate import Estate, scan, Checker, shifted, CAMSWEEP  # noqa: E402
from scratch import scratch  # noqa: E402

CIDR = shifted("127.111.0.0/24")
OPTS = ["--rate", "0", "--read-timeout", "1500"]


def main():
    c = Checker()
    tmp = scratch("cs-nvr-")
    with Estate(CIDR, 12, seed=8, mix="recorders") as est:
        nvrs = [d for d in est.devices if d.get("attached")]
        c.ok(len(nvrs) >= 2, "estate has recorders with cameras (%d)" % len(nvrs))
        cred = os.path.join(tmp, "creds")
        with open(cred, "w") as f:
            f.write("# test-only credentials of the simulated recorders\n")
            for d in nvrs:
                cr = d["credentials"]
                f.write("%s digest %s %s\n" % (d["ip"], cr["user"], cr["password"]))

        # A credentials file others can read is refused outright.
        os.chmod(cred, 0o644)
        p = subprocess.run([CAMSWEEP, "scan", "--db", os.path.join(tmp, "x.db"),
                            "--credentials", cred, "-q", CIDR],
                           capture_output=True, text=True, timeout=120)
        c.ok(p.returncode == 1 and "credentials" in p.stderr,
             "0644 credentials file refused (%d: %s)" % (p.returncode, p.stderr.strip()[:120]))
        os.chmod(cred, stat.S_IRUSR | stat.S_IWUSR)

        db = os.path.join(tmp, "with.db")
        devs, _ = scan([CIDR], db, OPTS + ["--credentials", cred])
        found = {d["ip"]: d for d in devs}
        for n in nvrs:
            d = found.get(n["ip"])
            if not c.ok(d is not None, "recorder %s found" % n["ip"]):
                continue
            att = d.get("attached") or []
            c.ok(len(att) == len(n["attached"]) == 8,
                 "%s (%s) lists %d cameras, want 8" % (n["ip"], n["profile"], len(att)))
            want = {a["serial"]: a for a in n["attached"]}
            for a in att:
                t = want.get(str(a.get("serial")))
                if not c.ok(t is not None, "%s camera serial %s expected" % (n["ip"], a.get("serial"))):
                    continue
                c.ok(a.get("ip") == t["ip"], "%s ch%s ip %s == %s" % (n["ip"], a.get("channel"), a.get("ip"), t["ip"]))
                c.ok((a.get("manufacturer") or "").lower() == t["manufacturer"].lower(),
                     "%s ch%s maker %r == %r" % (n["ip"], a.get("channel"), a.get("manufacturer"), t["manufacturer"]))
            blob = json.dumps(d)
            for n2 in nvrs:
                c.ok(n2["credentials"]["password"] not in blob,
                     "no password in the output of %s" % n["ip"])
        con = sqlite3.connect(db)
        dump = "\n".join(con.iterdump())
        con.close()
        c.ok(all(n["credentials"]["password"] not in dump for n in nvrs),
             "no password anywhere in the inventory")
        c.ok("Authorization" not in dump, "no Authorization header stored")

        db2 = os.path.join(tmp, "without.db")
        devs2, _ = scan([CIDR], db2, OPTS)
        for n in nvrs:
            d = {x["ip"]: x for x in devs2}.get(n["ip"]) or {}
            c.ok(not d.get("attached"), "%s: no cameras listed without credentials" % n["ip"])
        con = sqlite3.connect(db2)
        k = con.execute("SELECT COUNT(*) FROM observation WHERE key LIKE 'nvr.%'").fetchone()[0]
        con.close()
        c.ok(k == 0, "no channel listing attempted without credentials (%d nvr.* observations)" % k)
    c.done()


if __name__ == "__main__":
    main()
