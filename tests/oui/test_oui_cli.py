#!/usr/bin/env python3
# SPDX-License-Identifier: ISC
"""`camsweep oui update` end to end: import into a temporary
XDG_DATA_HOME, then `lookup --mac` answers from the import and names the
file; a malformed import is refused and leaves the installed file as it
was; --version lists the files with their dates.  The system registries
are replaced by the fixtures (CAMSWEEP_IEEE_DATA, CAMSWEEP_MANUF)."""
import json
import os
import subprocess
import sys
import tempfile

SRC = os.environ.get("CS_SRCDIR", ".")
BUILD = os.environ.get("CS_BUILDDIR", "build")
EXE = os.path.join(BUILD, "camsweep")
FIX = os.path.join(SRC, "tests", "oui", "fixtures")


def run(args, env):
    return subprocess.run([EXE] + args, env=env, capture_output=True,
                          text=True, timeout=60)


def check(cond, what, p=None):
    if not cond:
        extra = "" if p is None else "\nstdout: %s\nstderr: %s" % (
            p.stdout, p.stderr)
        sys.exit("FAIL: %s%s" % (what, extra))


def main():
    with tempfile.TemporaryDirectory(prefix="camsweep-oui-cli-") as tmp:
        env = dict(os.environ)
        env.update(XDG_DATA_HOME=os.path.join(tmp, "xdg"),
                   CAMSWEEP_IEEE_DATA=os.path.join(FIX, "sys"),
                   CAMSWEEP_MANUF=os.path.join(FIX, "manuf"))
        mac = "a0:b1:c9:00:00:01"
        p = run(["lookup", "--mac", mac, "--json"], env)
        check(p.returncode == 3, "before the import: not found", p)

        p = run(["oui", "update", os.path.join(FIX, "import", "oui.csv")],
                env)
        check(p.returncode == 0 and "installed" in p.stdout,
              "oui update", p)
        installed = os.path.join(tmp, "xdg", "camsweep", "oui", "oui.csv")
        check(os.path.exists(installed), "installed under XDG_DATA_HOME")

        p = run(["lookup", "--mac", mac, "--json"], env)
        check(p.returncode == 0, "after the import: found", p)
        o = json.loads(p.stdout)
        check(o["registrant"] == "Imported, Only Co.", "registrant", p)
        check(o["registry_file"] == installed, "registry_file", p)
        check(o["registry_date_from"] == "mtime", "date_from", p)
        # Net-SNMP's one-digit bytes, as identify and the scan read them
        p = run(["lookup", "--mac", "a0:b1:c9:0:0:1", "--json"], env)
        check(p.returncode == 0 and
              json.loads(p.stdout or "{}").get("registrant") ==
              "Imported, Only Co.", "lookup --mac a0:b1:c9:0:0:1", p)

        with open(installed, "rb") as f:
            before = f.read()
        mtime = os.stat(installed).st_mtime
        p = run(["oui", "update",
                 os.path.join(FIX, "import", "mam download (1).csv"),
                 os.path.join(FIX, "import", "bad-quote.csv")], env)
        check(p.returncode == 2, "malformed import refused", p)
        check("nothing was installed" in p.stderr, "says so", p)
        with open(installed, "rb") as f:
            check(f.read() == before, "installed file untouched")
        check(os.stat(installed).st_mtime == mtime, "mtime untouched")
        check(sorted(os.listdir(os.path.dirname(installed))) == ["oui.csv"],
              "no mam.csv, no temporary file")

        p = run(["--version"], env)
        check(p.returncode == 0 and installed in p.stdout and
              "2024-08-25 (in-file)" in p.stdout, "--version sources", p)
        p = run(["oui", "update"], env)
        check(p.returncode == 1, "usage", p)
    print("ok")


if __name__ == "__main__":
    main()
