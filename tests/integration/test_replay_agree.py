# SPDX-License-Identifier: ISC
"""The scan path and `camsweep identify` agree on the same bytes: a
handful of hand-written replies of every kind camsim --replay serves
(tests/integration/replay_units.jsonl: written from protocols.md
sections 2, 4, 6, 7, 8 and 10, not from bench/field; some on ports no
probe expects them on) are served as
loopback hosts and scanned; for every unit, the scan's maker, class and
surveillance must equal identify's on the lines camsim served, every
served unit must be found, and the kinds that cannot be a live host
(here a MAC address) must be listed as skipped."""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "lib"))
sys.path.insert(0, os.path.join(HERE, "..", "..", "bench"))
from estate import CAMSIM, CAMSWEEP, SRC, Checker, shifted  # noqa: E402
import bench_field  # noqa: E402
import replay_scan  # noqa: E402

CIDR = shifted("127.42.8.0/24")


def main():
    c = Checker()
    data = os.path.join(SRC, "data")
    units, problems = bench_field.load_units(os.path.join(HERE, "replay_units.jsonl"))
    c.ok(not problems, "units read: %s" % problems)
    with replay_scan.Replay(CAMSIM, units, CIDR) as rp:
        # The default ports and two no probe claims (a web interface on
        # 8090, an RTSP server on 8086): those are asked by what they
        # turn out to be, as is a web interface on the SDK port 8000.
        ports = ("80,554,8000,37777,34567,8080,443,8443,81,8081,8554,21,22,"
                 "23,5000,631,9100,8086,8090")
        scanned, err = rp.scan(CAMSWEEP, data, ["--read-timeout", "1500",
                                                "--ports", ports])
        manifest = rp.manifest
    served = replay_scan.served_units(units, manifest)
    c.ok(len(served) == len(units), "every unit served (%d of %d)" % (len(served), len(units)))
    skipped = [s for m in manifest.values() for s in m["skipped"]]
    c.ok([(s["id"], s["kind"]) for s in skipped] == [("rp-multi-mac", "mac")],
         "only the MAC line skipped: %s" % skipped)
    kinds = {s["kind"] for m in manifest.values() for s in m["served"]}
    for k in ("http", "isapi", "dahua-cgi", "axis-bdi", "onvif", "rtsp",
              "banner", "hik-sdk", "dvrip"):
        c.ok(k in kinds, "kind %s served" % k)
    ident = bench_field.identify(CAMSWEEP, data, served)
    named = 0
    for u in served:
        s, i = scanned.get(u["key"]), ident.get(u["key"])
        if not c.ok(s is not None, "%s found by the scan" % u["key"]):
            continue
        c.ok(i is not None, "%s identified" % u["key"])
        i = i or {}
        named += i.get("manufacturer") is not None
        for f, norm in (("manufacturer", replay_scan.norm_maker),
                        ("device_class", replay_scan.norm_class),
                        ("surveillance", lambda v: v)):
            c.ok(norm(s.get(f)) == norm(i.get(f)),
                 "%s %s: scan %r == identify %r" % (u["key"], f, s.get(f), i.get(f)))
    # The comparison means something only if identify names makers.
    c.ok(named >= len(served) // 2, "identify names a maker for %d of %d units" % (named, len(served)))
    c.done()


if __name__ == "__main__":
    main()
