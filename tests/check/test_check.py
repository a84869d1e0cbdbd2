#!/usr/bin/env python3
# SPDX-License-Identifier: ISC
"""camsweep check: the shipped data passes; each kind of broken file fails
with its file:line: message and exit status 1; usage errors exit 1; the
command writes nothing (no file appears, none changes).  Prints TAP."""
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile

SRC = os.environ.get("CS_SRCDIR", os.path.join(os.path.dirname(__file__), "..", ".."))
BUILD = os.environ.get("CS_BUILDDIR", os.path.join(SRC, "build"))
CAMSWEEP = os.path.join(BUILD, "camsweep")
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
from checks import Checker  # noqa: E402

checker = Checker(tap=True)
check = checker.ok


def run(args, cwd):
    env = dict(os.environ)
    env.pop("CAMSWEEP_DATA", None)
    p = subprocess.run([CAMSWEEP, "check"] + args, cwd=cwd, env=env,
                       capture_output=True, text=True, timeout=60)
    return p.returncode, p.stdout + p.stderr


def tree_digest(root):
    h = hashlib.sha256()
    for d, dirs, files in sorted(os.walk(root)):
        dirs.sort()
        for f in sorted(files):
            p = os.path.join(d, f)
            st = os.stat(p)
            h.update(p.encode())
            h.update(str((st.st_size, st.st_mtime_ns)).encode())
            with open(p, "rb") as fh:
                h.update(fh.read())
    return h.hexdigest()


def main():
    with tempfile.TemporaryDirectory() as tmp:
        work = os.path.join(tmp, "cwd")
        os.mkdir(work)
        data = os.path.join(tmp, "data")
        shutil.copytree(os.path.join(SRC, "data"), data)

        # The shipped data is valid, and checking it changes nothing.
        before = tree_digest(data)
        rc, out = run(["--data", data], work)
        check(rc == 0 and "0 failed" in out, "shipped data valid (rc %d)" % rc)
        if rc != 0:
            print("# " + out.strip().replace("\n", "\n# "))
        for kind in ("fingerprint rule examples", "regimes", "regime examples",
                     "camsim/profiles",
                     "camsim/mixes", "phonehome", "oui-registrants.tsv",
                     "models.tsv", "exclude.conf", "example.estate",
                     "vulns (", "vulnerability examples"):
            check(kind in out, "checked: %s" % kind)
        check(tree_digest(data) == before, "data unchanged")
        check(os.listdir(work) == [], "nothing written in the working directory")

        # One broken file of each kind: exit 1 and file:line: message.
        cases = [
            ("fingerprints/axis.fp", "rule garbage\n", "axis.fp:"),
            ("policy/uk-gsg-2022.regime", "regime x bogus=1\n",
             "uk-gsg-2022.regime:"),
            # An example that the evaluator contradicts (obligation 2 is
            # for covered equipment only; Axis is not covered).
            ("policy/uk-gsg-2022.regime",
             "example maker=Axis class=camera site=sensitive zone=core "
             "expect=2:high\n", "uk-gsg-2022.regime:"),
            ("phonehome/endpoints.tsv", "cidr\tnot-a-cidr\tx\t-\t-\thigh\ts\n",
             "endpoints.tsv:"),
            ("entities/models.tsv", "only\ttwo\n", "models.tsv:"),
            ("entities/oui-registrants.tsv", "zz\n", "oui-registrants.tsv:"),
            ("scope/exclude.conf", "300.1.2.3\n", "exclude.conf:"),
            # A vulnerability rule and an end-of-support row without a
            # source are refused.
            ("vulns/others.vuln",
             "  affects lineage=Avtech models=X versions=all conf=high\n",
             "others.vuln:"),
            # An example the matcher contradicts (the named build is
            # affected).
            ("vulns/others.vuln",
             "  example maker=Avtech model=AVM1203 "
             "firmware=FullImg-1023-1007-1011-1009 => none\n",
             "others.vuln:"),
            ("vulns/eos.vuln",
             "eos maker=Acme models=X ended=2019 conf=high\n",
             "eos.vuln:"),
            ("estate/example.estate", "network 10.0.0.1/8 site=x\n",
             "example.estate:"),
        ]
        for rel, junk, want in cases:
            path = os.path.join(data, rel)
            with open(path) as f:
                orig = f.read()
            with open(path, "a") as f:
                f.write(junk)
            lines = orig.count("\n") + 1
            rc, out = run(["--data", data], work)
            hit = [l for l in out.splitlines() if want in l]
            check(rc == 1 and hit, "%s broken: rc %d, %s" % (rel, rc, hit[:1]))
            # The line number is the appended line's.
            check(any((want + str(lines) + ":") in l for l in hit),
                  "%s: error names line %d" % (rel, lines))
            with open(path, "w") as f:
                f.write(orig)

        # A camsim profile that is not valid JSON of a profile.
        prof = os.path.join(data, "camsim", "profiles", "zz-broken.json")
        with open(prof, "w") as f:
            f.write('{"extends": "no-such-parent"}')
        rc, out = run(["--data", data], work)
        check(rc == 1 and "zz-broken.json:" in out, "broken camsim profile")
        os.unlink(prof)

        # --estate: a good and a bad file.
        good = os.path.join(tmp, "good.estate")
        shutil.copy(os.path.join(SRC, "data", "estate", "example.estate"), good)
        badf = os.path.join(tmp, "bad.estate")
        with open(badf, "w") as f:
            f.write("# x\nsite a dept=zz\n")
        rc, out = run(["--data", data, "--estate", good], work)
        check(rc == 0 and "good.estate" in out, "--estate good")
        rc, out = run(["--data", data, "--estate", good, "--estate", badf],
                      work)
        check(rc == 1 and "bad.estate:2:" in out, "--estate bad")
        # IPv6 networks: a good one checks, a bad one is named at
        # file:line.
        with open(good, "a") as f:
            f.write("network fd00:112:1::/48 site=hq zone=core\n")
        rc, out = run(["--data", data, "--estate", good], work)
        check(rc == 0 and "7 networks" in out, "--estate IPv6 good")
        with open(good) as f:
            n = sum(1 for _ in f)
        with open(good, "a") as f:
            f.write("network fd00:112:1::1/48 site=hq zone=cctv\n")
        rc, out = run(["--data", data, "--estate", good], work)
        check(rc == 1 and "good.estate:%d: network 'fd00:112:1::1/48' "
              "has host bits set" % (n + 1) in out, "--estate IPv6 bad")
        rc, out = run(["--data", data, "--estate",
                       os.path.join(tmp, "missing.estate")], work)
        check(rc == 1 and "missing.estate" in out, "--estate missing file")

        # Usage errors.
        rc, _ = run(["--data", data, "extra"], work)
        check(rc == 1, "extra argument: usage error")
        rc, _ = run(["--data", os.path.join(tmp, "nope")], work)
        check(rc == 1, "--data not a directory")
        rc, out = run(["--help"], work)
        check(rc == 0 and "usage: camsweep check" in out, "--help")
        check(os.listdir(work) == [], "still nothing written")
    return checker.status()


if __name__ == "__main__":
    sys.exit(main())
