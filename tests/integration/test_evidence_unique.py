# SPDX-License-Identifier: ISC
"""Issue #11 (bug): a scan stored the same evidence several times.  Every
HTTP reply of a host (the root page and each vendor follow-up) went
through the one HTTP decoder, so the same `http.server` (and header,
status ...) observation was recorded once per reply, and each copy gave
the rules' evidence again.  After a scan of a camsim fleet, no sighting
holds two identical observations (key, port, value) and no two evidence
rows of a sighting are the same claim from the same source (field,
claim, value, rule, observation key, port).  Loopback only."""
import os
import sqlite3
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "lib"))
from estate import Estate, scan, Checker, shifted  # noqa: E402
from scratch import scratch  # noqa: E402

CIDR = shifted("127.81.0.0/26")


def main():
    c = Checker()
    tmp = scratch("cs-evuniq-")
    db = os.path.join(tmp, "inv.sqlite")
    with Estate(CIDR, 24, seed=7) as est:
        devs, err = scan([CIDR], db, [], check=False)
        c.ok(len(devs) > 0, "the scan found devices: %s" % err[:300])
    con = sqlite3.connect(db)
    nev = con.execute("SELECT COUNT(*) FROM evidence").fetchone()[0]
    c.ok(nev > 0, "evidence stored (%d rows)" % nev)
    dup = con.execute(
        "SELECT sighting_id, field, claim, rule, obs_key, port, COUNT(*)"
        " FROM evidence GROUP BY sighting_id, field, claim, value, rule,"
        " obs_key, port HAVING COUNT(*) > 1").fetchall()
    c.ok(not dup, "evidence rows unique per sighting/claim/source: %d "
         "repeated, e.g. %r" % (len(dup), dup[:3]))
    dobs = con.execute(
        "SELECT sighting_id, key, port, COUNT(*) FROM observation"
        " GROUP BY sighting_id, key, port, value HAVING COUNT(*) > 1"
    ).fetchall()
    c.ok(not dobs, "observations unique per sighting: %d repeated, e.g. %r"
         % (len(dobs), dobs[:3]))
    con.close()
    c.done()


if __name__ == "__main__":
    main()
