# SPDX-License-Identifier: ISC
"""Issue #19, conventions every command keeps: --help and -h answer at
every level (estate check --help failed; help TOPIC ignored its topic),
-V prints the version and the data directory in use, and output that
cannot be written is an error (show > /dev/full exited 0).
"""
import os
import re
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "lib"))
from estate import Checker, CAMSWEEP, SRC  # noqa: E402
from scratch import scratch  # noqa: E402

LEVELS = ["scan", "scans", "show", "import", "export", "notify", "identify", "lookup", "estate",
          "estate check", "estate import-csv", "assess", "plan",
          "plan list", "plan set", "diff", "reach", "report", "listen",
          "upload", "oui", "oui update", "oui sources", "db", "db init",
          "db add-sensor", "serve", "user", "user add", "user list",
          "user del", "help"]


def run(args, **kw):
    return subprocess.run([CAMSWEEP] + args, capture_output=True, text=True,
                          timeout=120, **kw)


def main():
    c = Checker()
    for lvl in LEVELS:
        for h in ("--help", "-h"):
            r = run(lvl.split() + [h])
            c.ok(r.returncode == 0 and "usage" in r.stdout.lower(),
                 "%s %s: exit 0 with a usage on stdout (%d)" %
                 (lvl, h, r.returncode))
    r = run(["help", "scan"])
    c.ok(r.returncode == 0 and "camsweep scan" in r.stdout and
         "-oX" in r.stdout, "help scan shows scan's own help")
    for v in ("-V", "--version", "version"):
        r = run([v])
        c.ok(r.returncode == 0 and r.stdout.startswith("camsweep ") and
             "data directory: " in r.stdout, "%s: version and data "
             "directory" % v)
    # Shell completion: valid bash, and it offers every command the
    # top-level help lists.
    bash = os.path.join(SRC, "dist", "completion", "camsweep.bash")
    r = subprocess.run(["bash", "-n", bash], capture_output=True, text=True)
    c.ok(r.returncode == 0, "bash completion parses: %s" % r.stderr)
    with open(bash) as f:
        comp = f.read()
    with open(os.path.join(SRC, "dist", "completion", "_camsweep")) as f:
        zcomp = f.read()
    cmds = [l.split()[0] for l in run(["--help"]).stdout.splitlines()
            if l.startswith("  ") and l[2:3] != " "]
    c.ok(cmds and all(re.search(r"\b%s\b" % re.escape(x), comp) and
                      "'%s:" % x in zcomp for x in cmds),
         "bash and zsh completion know every command (%s)" %
         [x for x in cmds if "'%s:" % x not in zcomp or x not in comp])
    tmp = scratch("cs-cliconv-")
    try:
        db = os.path.join(tmp, "i.db")
        r = run(["import", "nmap", os.path.join(SRC, "tests", "integration",
                                                "data", "nmap-hik.xml"),
                 "--db", db])
        c.ok(r.returncode == 0, "an inventory to show")
        for args in (["show", "--all", "--db", db],
                     ["show", "--json", "--all", "--db", db],
                     ["scans", "--db", db], ["--help"]):
            with open("/dev/full", "w") as full:
                r = subprocess.run([CAMSWEEP] + args, stdout=full,
                                   stderr=subprocess.PIPE, text=True,
                                   timeout=60)
            c.ok(r.returncode != 0 and "write error" in r.stderr,
                 "%s > /dev/full: an error (%d)" % (" ".join(args[:2]),
                                                    r.returncode))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    c.done()


if __name__ == "__main__":
    main()
