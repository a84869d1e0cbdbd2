#!/usr/bin/env python3
# SPDX-License-Identifier: ISC
"""Demo, part 2: what local discovery finds that a port sweep misses.

Builds a small estate in network namespaces (a bridge, one namespace per
device with its maker's MAC, no route off the machine; 198.18.0.0/24),
including cameras with every TCP port closed and a recorder with 8 cameras
behind it, then runs `camsweep scan --interface eth0` from a scanner
namespace and prints what it found.  Needs root; says so and exits 0
otherwise.  Everything it creates is deleted at the end."""
import json
import os
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
sys.path.insert(0, os.path.join(ROOT, "tests", "lib"))
os.environ.setdefault("CS_SRCDIR", ROOT)
os.environ.setdefault("CS_BUILDDIR", os.path.join(ROOT, "build"))
import netns  # noqa: E402
from scratch import scratch  # noqa: E402

PLAN = [("hikvision-camera", 2), ("hikvision-camera-closed", 2),
        ("dahua-camera", 2), ("dahua-camera-closed", 2),
        ("axis-camera-closed", 2), ("lts-camera", 1), ("amcrest-camera", 1),
        ("hikvision-nvr-8ch", 1), ("printer", 1)]
CRED = "admin:camsim-8ch-test"  # the simulated recorder's test-only login


def main():
    try:
        netns.check_available()
    except netns.Skip as e:
        print("   (skipped: %s; run as root to see discovery)" % e)
        return 0
    specs, seed = [], 7100
    for prof, n in PLAN:
        specs += [(prof, seed + i) for i in range(n)]
        seed += n
    work = scratch("cs-demo-netns-")
    est = netns.NetnsEstate(specs, workdir=work,
                            credentials={"hikvision-nvr-8ch": CRED})
    try:
        devices = est.start()
        closed = sum(1 for d in devices if not d["ports"])
        print("   %d devices in namespaces on 198.18.0.0/24, %d with every TCP "
              "port closed" % (len(devices), closed))
        cred = os.path.join(work, "creds")
        fd = os.open(cred, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w") as f:
            for d in devices:
                if d["profile"] == "hikvision-nvr-8ch":
                    f.write("%s digest %s\n" % (d["ip"], CRED.replace(":", " ", 1)))
        db = os.path.join(work, "demo.db")
        r = est.run_in_scanner([os.path.join(ROOT, "build", "camsweep"), "scan",
                                "--interface", "eth0", "--db", db,
                                "--credentials", cred, "--all", "198.18.0.0/24"])
        sys.stdout.write(r.stdout)
        sys.stderr.write(r.stderr)
        r = est.run_in_scanner([os.path.join(ROOT, "build", "camsweep"), "show",
                                "--db", db, "--json", "--all"])
        out = [json.loads(l) for l in r.stdout.splitlines() if l.startswith("{")]
        byip = {d["ip"]: d for d in out}
        print("   found %d of %d; without any open TCP port: %d of %d" % (
            sum(1 for d in devices if d["ip"] in byip), len(devices),
            sum(1 for d in devices if not d["ports"] and d["ip"] in byip), closed))
        for d in out:
            if d.get("attached"):
                print("   %s (%s) lists %d cameras behind it" % (
                    d["ip"], d.get("model") or d.get("manufacturer"), len(d["attached"])))
    finally:
        est.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
