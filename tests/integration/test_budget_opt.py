# SPDX-License-Identifier: ISC
"""The packet budget's flag (issue #17, docs/budget.md): `scan --budget
auto|off` is parsed, a bad value is a usage error, "off" is recorded in
the scan's options, and a rerun resumes an interrupted scan only with the
same --budget (the options identify a resumable scan).  Nothing listens
on the addresses scanned (loopback: every connect is reset)."""
import os
import sqlite3
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "lib"))
from estate import Checker, shifted, loopback_only, CAMSWEEP  # noqa: E402
from scratch import scratch  # noqa: E402

CIDR = shifted("127.29.7.0/30")
loopback_only(CIDR)
OPTS = ["-p", "80,554", "--rate", "200", "--read-timeout", "500"]


def run(db, extra):
    p = subprocess.run([CAMSWEEP, "scan", "--db", db, "-q"] + OPTS + extra +
                       [CIDR], capture_output=True, text=True, timeout=120)
    return p.returncode, p.stderr


def scans(db):
    """The scan rows (id, options, status); [] before any scan."""
    if not os.path.exists(db):
        return []
    con = sqlite3.connect(db)
    try:
        rows = con.execute("SELECT id, options, status FROM scan "
                           "ORDER BY id").fetchall()
    except sqlite3.OperationalError:
        rows = []
    con.close()
    return rows


def interrupt(db, scan_id):
    """Marks a finished scan interrupted, as SIGINT would have left it."""
    con = sqlite3.connect(db)
    con.execute("UPDATE scan SET status = 'interrupted' WHERE id = ?",
                (scan_id,))
    con.commit()
    con.close()


def main():
    c = Checker()
    db = os.path.join(scratch("cs-budget-"), "inv.db")

    rc, err = run(db, ["--budget", "sometimes"])
    c.ok(rc == 1 and "--budget: expected auto or off" in err,
         "a bad --budget is a usage error: %d %r" % (rc, err[:200]))
    c.ok(scans(db) == [], "no scan recorded for a bad --budget")

    rc, err = run(db, ["--budget", "off"])
    rows = scans(db)
    if not c.ok(rc == 0 and len(rows) == 1, "--budget off scans: %d %r %r"
                % (rc, err[:200], rows)):
        c.done()
    c.ok('"budget":"off"' in rows[0][1],
         "--budget off is in the scan's options: %r" % rows[0][1])

    interrupt(db, rows[0][0])
    rc, err = run(db, [])
    rows = scans(db)
    c.ok(rc == 0 and "resuming scan" not in err and len(rows) == 2,
         "the default budget does not resume a --budget off scan: %r %r" %
         (err[:200], rows))
    c.ok('"budget"' not in rows[1][1],
         "the default budget's options are as before: %r" % rows[1][1])
    c.ok(rows[0][2] == "interrupted", "the off scan is still interrupted")

    rc, err = run(db, ["--budget", "off"])
    rows = scans(db)
    c.ok(rc == 0 and "resuming scan %d" % rows[0][0] in err and
         len(rows) == 2 and rows[0][2] == "complete",
         "--budget off resumes the interrupted --budget off scan: %r %r" %
         (err[:200], rows))

    interrupt(db, rows[1][0])
    rc, err = run(db, ["--budget", "auto"])
    rows = scans(db)
    c.ok(rc == 0 and "resuming scan %d" % rows[1][0] in err and
         len(rows) == 2, "--budget auto resumes the default-budget scan: "
         "%r %r" % (err[:200], rows))
    c.done()


main()
