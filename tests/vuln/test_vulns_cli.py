#!/usr/bin/env python3
# SPDX-License-Identifier: ISC
"""`camsweep vulns` end to end: `list` prints every vulnerability of
data/vulns with the URLs of its sources; `match` exits 4 for a white
label on its OEM's firmware (inferred) and 0 for a rebadged unit on its
own firmware; strings from the command line are escaped for the terminal;
a table with a sourceless row is refused with file:line (exit 2); usage
errors exit 1.  End of support: `list` prints every eos row with its
source URLs; `match --as-of` says decommission (exit 4) on and after a
row's date and not before, with the row and its source, and the
firmware's age from its build date."""
import os
import re
import subprocess
import sys
import tempfile

SRC = os.environ.get("CS_SRCDIR", ".")
BUILD = os.environ.get("CS_BUILDDIR", "build")
EXE = os.path.join(BUILD, "camsweep")


def run(args):
    env = dict(os.environ)
    env["CAMSWEEP_DATA"] = os.path.join(SRC, "data")
    return subprocess.run([EXE] + args, env=env, capture_output=True,
                          timeout=60)


def check(cond, what, p=None):
    if not cond:
        extra = "" if p is None else "\nstdout: %s\nstderr: %s" % (
            p.stdout, p.stderr)
        sys.exit("FAIL: %s%s" % (what, extra))


def eos(listing):
    rows = re.findall(r"^eos (\S+:\d+): ", listing, re.M)
    check(len(rows) >= 8 and "%d end-of-support rows" % len(rows) in listing,
          "list prints every end-of-support row and the count")
    check(listing.count("\neos ") ==
          len(re.findall(r"^eos .*\n  source http", listing, re.M)),
          "every eos row is followed by its source URLs")

    solo = ["vulns", "match", "--maker", "Nuuo", "--model", "NVRsolo"]
    p = run(solo + ["--as-of", "2024-12-17"])
    check(p.returncode == 0 and
          b"support on 2024-12-17  not yet past end of support" in p.stdout,
          "before the row's date: not past, exit 0", p)
    p = run(solo + ["--as-of", "2024-12-18"])
    check(p.returncode == 4 and
          b"decommission (past end of support)" in p.stdout and
          re.search(rb"\n  row eos\.vuln:\d+  source https://github.com/"
                    rb"cisagov/kev-data", p.stdout) is not None,
          "on the row's date: decommission with row and source, exit 4", p)

    p = run(["vulns", "match", "--maker", "Acme", "--brand", "Avtech",
             "--model", "AVM1203", "--as-of", "2026-12-07"])
    check(p.returncode == 4 and b"decommission" in p.stdout and
          b"heise.de" in p.stdout,
          "past support whatever the maker: the badge's row applies", p)

    p = run(["vulns", "match", "--maker", "Hikvision", "--model",
             "DS-2CD2142FWD-IS", "--firmware", "V5.5.800 build 210628",
             "--as-of", "2026-12-07"])
    check(b"no end-of-support row  firmware age 1988 days" in p.stdout,
          "the firmware's age from its build date", p)
    p = run(["vulns", "match", "--maker", "Axis", "--model", "P3245",
             "--firmware", "10.12.206", "--as-of", "2026-12-07"])
    check(p.returncode == 0 and b"firmware age unknown" in p.stdout and
          b"no build date" in p.stdout,
          "no build date: the age is unknown", p)
    p = run(solo + ["--as-of", "2023-02-29"])
    check(p.returncode == 1 and b"--as-of" in p.stderr,
          "a date off the calendar: usage", p)


def main():
    p = run(["vulns", "list"])
    check(p.returncode == 0, "list exits 0", p)
    out = p.stdout.decode()
    ids = re.findall(r"^(CVE-\d{4}-\d+)  cvss ", out, re.M)
    check(len(ids) >= 22 and "%d vulnerabilities" % len(ids) in out,
          "list prints every vulnerability and the count", p)
    for cve in ("CVE-2021-36260", "CVE-2017-7921", "CVE-2020-25079",
                "CVE-2024-7029"):
        check(cve in ids, cve + " listed", p)
    check(out.count("\n  affects ") == out.count("\n    source http"),
          "every rule is followed by its source URLs", p)
    check(len(re.findall(r"^  cvss source http", out, re.M)) == len(ids),
          "every cvss has a source", p)

    wl = ["vulns", "match", "--maker", "Hikvision", "--brand", "LTS",
          "--model", "CMIP3042W-28M", "--firmware", "V5.5.0 build 200101"]
    p = run(wl)
    check(p.returncode == 4, "a white label on Hikvision firmware: exit 4",
          p)
    check(b"CVE-2021-36260  affected (inferred)" in p.stdout,
          "CVE-2021-36260 inherited, inferred", p)
    check(b"inherited by a badge the source does not name: LTS" in p.stdout,
          "the why names the inheritance", p)

    p = run(["vulns", "match", "--maker", "Hikvision", "--brand",
             "Honeywell", "--model", "H4W4PER3", "--firmware", "1.2.3",
             "--lineage", "Honeywell"])
    check(p.returncode == 0 and b"no known vulnerability" in p.stdout,
          "a rebadged unit on its own firmware: nothing, exit 0", p)

    p = run(["vulns", "match", "--maker", "Hikvision", "--brand",
             "LTS\x1b[31m", "--model", "CMIP3042W",
             "--firmware", "V5.5.0 build 200101"])
    check(p.returncode == 4 and b"\x1b" not in p.stdout,
          "command-line strings escaped for the terminal", p)

    p = run(["vulns", "match", "--model", "X"])
    check(p.returncode == 1, "match without --maker: usage", p)
    p = run(["vulns", "frob"])
    check(p.returncode == 1, "unknown subcommand: usage", p)

    eos(out)

    with tempfile.TemporaryDirectory(prefix="camsweep-vulns-") as tmp:
        os.mkdir(os.path.join(tmp, "vulns"))
        with open(os.path.join(tmp, "vulns", "x.vuln"), "w") as f:
            f.write("source s https://example.org/a\n"
                    "vuln CVE-2099-0001\n  title T\n  cvss 9.8 src=s\n"
                    "  affects lineage=Acme models=* versions=all "
                    "conf=high\n"
                    "  example maker=Acme model=A => product\n")
        p = run(["vulns", "list", "--data", tmp])
        check(p.returncode == 2, "a sourceless row: the table is refused", p)
        check(b"x.vuln:5: affects: missing src=" in p.stderr,
              "the refusal names file and line", p)
    print("ok")


if __name__ == "__main__":
    main()
