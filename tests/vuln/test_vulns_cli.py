#!/usr/bin/env python3
# SPDX-License-Identifier: ISC
"""`camsweep vulns` end to end: `list` prints every vulnerability of
data/vulns with the URLs of its sources; `match` exits 4 for a white
label on its OEM's firmware (inferred) and 0 for a rebadged unit on its
own firmware; strings from the command line are escaped for the terminal;
a table with a sourceless row is refused with file:line (exit 2); usage
errors exit 1."""
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
