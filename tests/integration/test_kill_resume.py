# SPDX-License-Identifier: ISC
"""Acceptance: a scan killed with SIGKILL part-way leaves a database that
passes PRAGMA integrity_check, and the next run resumes and completes it
with the same result as an uninterrupted scan."""
import os
import signal
import sqlite3
import subprocess
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "lib"))
from estate import Estate, scan, Checker, shifted, CAMSWEEP  # noqa: E402
from scratch import scratch  # noqa: E402

CIDR = shifted("127.21.0.0/21")
OPTS = ["--rate", "1500", "--read-timeout", "1500"]


def main():
    c = Checker()
    tmp = scratch("cs-kill-")
    db = os.path.join(tmp, "inv.db")
    with Estate(CIDR, 120, seed=9) as est:
        truth = {d["ip"] for d in est.devices}
        p = subprocess.Popen([CAMSWEEP, "scan", "--db", db, "-q"] + OPTS +
                             [CIDR], stdout=subprocess.DEVNULL,
                             stderr=subprocess.PIPE)
        time.sleep(4)
        c.ok(p.poll() is None, "scan still running after 4 s")
        p.send_signal(signal.SIGKILL)
        p.wait()

        con = sqlite3.connect(db)
        c.ok(con.execute("PRAGMA integrity_check").fetchone()[0] == "ok",
             "integrity_check ok after SIGKILL")
        row = con.execute("SELECT id, status FROM scan").fetchall()
        c.ok(len(row) == 1 and row[0][1] == "running",
             "one scan left 'running': %r" % row)
        partial = con.execute(
            "SELECT COUNT(*) FROM sighting WHERE scan_id = ?",
            (row[0][0],)).fetchone()[0]
        c.ok(0 < partial < len(truth),
             "part of the estate recorded before the kill (%d of %d)" %
             (partial, len(truth)))
        con.close()

        devs, err = scan([CIDR], db, OPTS)
        c.ok("resuming scan" in err, "second run resumes: %r" % err[:200])
        found = {d["ip"] for d in devs}
        c.ok(found == truth, "resumed scan finds all %d devices (got %d)" %
             (len(truth), len(found)))
        con = sqlite3.connect(db)
        st = con.execute("SELECT status FROM scan").fetchall()
        c.ok(st == [("complete",)], "scan marked complete: %r" % st)
        c.ok(con.execute("PRAGMA integrity_check").fetchone()[0] == "ok",
             "integrity_check ok after resume")
        con.close()
    c.done()


if __name__ == "__main__":
    main()
