#!/usr/bin/env python3
# SPDX-License-Identifier: ISC
"""A site sensor end to end through the command line: `camsweep scan
--sensor` with the central PostgreSQL database unreachable buffers into
its spool and says so; `camsweep upload` later sends everything; a second
sensor scan with the database up uploads directly; the central inventory
then holds both scans, and the spools are renamed aside so they cannot be
uploaded twice.  Needs CS_PG_URI (scripts/test.sh starts a server) and
psql; otherwise exits 77 (skipped)."""
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "lib"))
from estate import Estate, Checker, shifted, CAMSWEEP, SRC  # noqa: E402

CIDR = shifted("127.116.0.0/24")


def run(args, **kw):
    return subprocess.run(args, capture_output=True, text=True, timeout=300, **kw)


def main():
    admin = os.environ.get("CS_PG_URI")
    if not admin or not shutil.which("psql"):
        print("skip: no PostgreSQL server (CS_PG_URI) or no psql")
        return 77
    c = Checker()
    tmp = tempfile.mkdtemp(prefix="cs-sensor-")
    name = "cli_sensor_%d" % os.getpid()
    r = run([CAMSWEEP, "show", "--db", admin])  # creates the schema
    r = run(["psql", admin, "-q", "-v", "ON_ERROR_STOP=1", "-c",
             "SET camsweep.sensor = '%s'" % name, "-f",
             os.path.join(SRC, "data", "sql", "sensor.sql")])
    if not c.ok(r.returncode == 0, "sensor role created: %s" % r.stderr[-300:]):
        c.done()
    run(["psql", admin, "-q", "-c", "ALTER ROLE %s PASSWORD 'test-only'" % name])
    rest = admin.split("://", 1)[1].split("@", 1)[1]
    good = "postgresql://%s:test-only@%s" % (name, rest)
    host = rest.split("/", 1)[0]
    bad = good.replace(host, "127.0.0.1:1")  # nothing listens on port 1
    spool1 = os.path.join(tmp, "spool1.db")
    spool2 = os.path.join(tmp, "spool2.db")
    with Estate(CIDR, 12, seed=11) as est:
        n = len(est.devices)
        base = [CAMSWEEP, "scan", "--sensor", name, "--rate", "0",
                "--read-timeout", "1000", "-q", "--all", "--json"]
        r = run(base + ["--db", bad, "--spool", spool1, CIDR])
        c.ok(r.returncode == 0, "scan with the database down still succeeds")
        c.ok("buffering in" in r.stderr, "it says it is buffering: %r" % r.stderr[-200:])
        c.ok(os.path.exists(spool1), "spool kept while the database is down")
        r = run([CAMSWEEP, "upload", "--db", good, "--spool", spool1])
        c.ok(r.returncode == 0 and ("%d host(s)" % n) in r.stdout,
             "upload sends all %d hosts: %r %r" % (n, r.stdout, r.stderr[-200:]))
        c.ok(not os.path.exists(spool1), "uploaded spool renamed aside")
        r = run([CAMSWEEP, "upload", "--db", good, "--spool", spool1])
        c.ok(r.returncode != 0, "a renamed spool cannot be uploaded twice")
        r = run(base + ["--db", good, "--spool", spool2, CIDR])
        c.ok(r.returncode == 0 and "uploaded; spool kept" in r.stderr,
             "scan with the database up uploads directly: %r" % r.stderr[-200:])
    q = run(["psql", good, "-Atc",
             "SELECT count(DISTINCT s.id), count(g.id) FROM scan s "
             "JOIN sighting g ON g.scan_id = s.id"])
    c.ok(q.stdout.strip() == "2|%d" % (2 * n),
         "central holds both scans of the sensor, %d sightings: %r" % (2 * n, q.stdout))
    run(["psql", admin, "-q", "-c", "DROP OWNED BY %s; DROP ROLE %s" % (name, name)])
    c.done()


if __name__ == "__main__":
    sys.exit(main() or 0)
