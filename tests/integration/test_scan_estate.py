# SPDX-License-Identifier: ISC
"""Acceptance: camsim brings up >= 300 devices over a /20 of loopback;
camsweep scans the /20; every device is found, the true manufacturer is
right for every surveillance device (white-label units included), and no
decoy is called surveillance equipment."""
import os
import sqlite3
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "lib"))
from estate import Estate, scan, Checker, shifted  # noqa: E402
from scratch import scratch  # noqa: E402

CIDR = shifted("127.20.0.0/20")
COUNT = 320


def main():
    c = Checker()
    tmp = scratch("cs-scan-")
    db = os.path.join(tmp, "inv.db")
    with Estate(CIDR, COUNT, seed=2022) as est:
        truth = {d["ip"]: d for d in est.devices}
        c.ok(len(truth) == COUNT, "manifest holds %d devices" % COUNT)
        devs, err = scan([CIDR], db, ["--rate", "0", "--max-conns", "1024",
                                      "--read-timeout", "1500"])
    found = {d["ip"]: d for d in devs}
    con = sqlite3.connect(db)
    swept = {int(p) for p in con.execute("SELECT ports FROM scan").fetchone()[0].split(",")}
    con.close()
    makers = {}
    for ip, t in sorted(truth.items()):
        d = found.get(ip)
        if not c.ok(d is not None, "%s (%s) found" % (ip, t["profile"])):
            continue
        want = sorted(p for p in t["ports"] if p in swept)
        c.ok(sorted(d["ports"]) == want,
             "%s ports %s == %s" % (ip, d["ports"], want))
        if t["surveillance"]:
            c.ok(d["surveillance"] is True,
                 "%s (%s) is surveillance" % (ip, t["profile"]))
            c.ok(d["manufacturer"] == t["manufacturer"],
                 "%s (%s) manufacturer %r == %r" %
                 (ip, t["profile"], d["manufacturer"], t["manufacturer"]))
            if t["brand"] != t["manufacturer"]:
                c.ok((d["brand"] or "").lower() == t["brand"].lower(),
                     "%s (%s) brand %r == %r" %
                     (ip, t["profile"], d["brand"], t["brand"]))
            makers[t["manufacturer"]] = makers.get(t["manufacturer"], 0) + 1
        else:
            c.ok(d["surveillance"] is False,
                 "%s decoy (%s) not surveillance" % (ip, t["profile"]))
        c.ok(0.0 <= d["confidence"] <= 1.0, "%s confidence in [0,1]" % ip)
    extra = set(found) - set(truth)
    c.ok(not extra, "no phantom devices: %s" % sorted(extra)[:5])
    print("# makers in estate:", makers)
    c.done()


if __name__ == "__main__":
    main()
