#!/usr/bin/env python3
# SPDX-License-Identifier: ISC
"""A site sensor as a deployed service, through the command line only (no
psql for the setup): `camsweep db init` and `camsweep db add-sensor`
create the schema and the sensor's role (password in a 0600 libpq password
file, handed to the sensor as PGPASSFILE); the sensor runs from its
configuration file as a systemd timer would (`camsweep scan --config
FILE`).  With the central database unreachable for the sensor (its role
loses LOGIN) the run exits with the documented "buffered" status 4; the
next run, database back, exits 0 and delivers both scans, exactly once.
A password inside a URI is refused and never echoed.  Needs CS_PG_URI
(scripts/test.sh starts a server); otherwise exits 77 (skipped), and in CI
(CI set) a skip is a failure."""
import os
import re
import shutil
import socket
import stat
import subprocess
import sys
import threading
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "lib"))
from estate import Estate, Checker, shifted, CAMSWEEP  # noqa: E402
from scratch import scratch  # noqa: E402
from skip import skip  # noqa: E402

CIDR = shifted("127.116.0.0/24")
BUFFERED = 4


def run(args, **kw):
    return subprocess.run(args, capture_output=True, text=True, timeout=300, **kw)


def main():
    admin = os.environ.get("CS_PG_URI")
    if not admin or not shutil.which("psql"):
        return skip("no PostgreSQL server (CS_PG_URI) or no psql")
    c = Checker()
    tmp = scratch("cs-sensor-")
    name = "cli_sensor_%d" % os.getpid()
    r = run([CAMSWEEP, "db", "init", "--db", admin])
    c.ok(r.returncode == 0, "db init: %s" % r.stderr[-300:])
    pwfile = os.path.join(tmp, "site.pgpass")
    r = run([CAMSWEEP, "db", "add-sensor", name, "--db", admin,
             "--password-file", pwfile])
    if not c.ok(r.returncode == 0, "db add-sensor: %s" % r.stderr[-300:]):
        c.done()
    st = os.stat(pwfile)
    c.ok(stat.S_IMODE(st.st_mode) == 0o600, "password file is 0600")
    line = open(pwfile).read().strip().split(":")
    c.ok(len(line) == 5 and line[3] == name and len(line[4]) == 32,
         "password file is one libpq line for %s" % name)
    c.ok(line[4] not in r.stdout + r.stderr, "the password is not printed")
    # the role's limits: the defaults, then the ones given
    def limits(role):
        q = run(["psql", admin, "-qAtX", "-c",
                 "SELECT rolconnlimit, array_to_string(array(SELECT unnest("
                 "rolconfig) ORDER BY 1), ' ') FROM pg_roles WHERE rolname = '%s'"
                 % role])
        return q.stdout.strip()
    c.ok(limits(name) == "4|idle_in_transaction_session_timeout=900000 "
         "lock_timeout=10000 statement_timeout=300000",
         "add-sensor sets the default limits: %r" % limits(name))
    other = name + "_b"
    r = run([CAMSWEEP, "db", "add-sensor", other, "--db", admin,
             "--password-file", os.path.join(tmp, "b.pgpass"),
             "--connection-limit", "2", "--lock-timeout", "500",
             "--statement-timeout", "60000", "--idle-timeout", "30000"])
    c.ok(r.returncode == 0 and limits(other) ==
         "2|idle_in_transaction_session_timeout=30000 lock_timeout=500 "
         "statement_timeout=60000", "add-sensor sets the limits given: %r"
         % limits(other))
    r = run([CAMSWEEP, "db", "add-sensor", other + "_c", "--db", admin,
             "--connection-limit", "0"])
    c.ok(r.returncode == 1, "a limit of 0 is refused")
    run(["psql", admin, "-qc", "DROP ROLE IF EXISTS %s" % other])
    r = run([CAMSWEEP, "db", "add-sensor", name, "--db", admin,
             "--password-file", pwfile])
    c.ok(r.returncode != 0, "an existing password file is not overwritten")
    rest = admin.split("://", 1)[1].split("@", 1)[1]
    uri = "postgresql://%s@%s" % (name, rest)
    r = run([CAMSWEEP, "show", "--db", "postgresql://%s:hunter2pw@%s" % (name, rest)])
    c.ok(r.returncode != 0 and "hunter2pw" not in r.stderr + r.stdout and
         "password" in r.stderr, "a password in the URI is refused, not echoed: %r"
         % r.stderr[-200:])
    spool = os.path.join(tmp, "spool.db")
    conf = os.path.join(tmp, "site.conf")
    with open(conf, "w") as f:
        f.write("# a site sensor, run by a timer\n"
                "sensor = %s\n"
                "db = %s\n"
                "spool = %s\n"
                "targets = %s\n"
                "rate = 0\nread-timeout = 1000\nquiet\njson\nall\n"
                % (name, uri, spool, CIDR))
    os.chmod(conf, 0o644)
    env = dict(os.environ, PGPASSFILE=pwfile)
    os.chmod(conf, 0o666)
    r = run([CAMSWEEP, "scan", "--config", conf], env=env)
    c.ok(r.returncode == 1, "a configuration others may write is refused")
    os.chmod(conf, 0o640)

    def cut(off):
        run(["psql", admin, "-qc", "ALTER ROLE %s %s" % (name, "NOLOGIN" if off else "LOGIN")])

    with Estate(CIDR, 12, seed=11) as est:
        n = len(est.devices)
        cut(True)  # the central database is out of the sensor's reach
        r = run([CAMSWEEP, "scan", "--config", conf], env=env)
        c.ok(r.returncode == BUFFERED, "run 1, database down: exit %d (want %d): %r"
             % (r.returncode, BUFFERED, r.stderr[-300:]))
        c.ok("buffering in" in r.stderr and "hunter2" not in r.stderr,
             "it says it is buffering")
        c.ok(os.path.exists(spool), "spool kept while the database is down")
        # upload reads the sensor's db and spool from the same file: with
        # the database still down it fails and keeps the spool (without
        # the file it would stop at "--db ... is required")
        r = run([CAMSWEEP, "upload", "--config", conf], env=env)
        c.ok(r.returncode == 2 and "not permitted to log in" in r.stderr and
             os.path.exists(spool), "upload --config, database down: exit 2, "
             "spool kept: %d %r" % (r.returncode, r.stderr[-200:]))
        r = run([CAMSWEEP, "upload", "--config", conf, "--spool",
                 os.path.join(tmp, "none.db")], env=env)
        c.ok(r.returncode == 2 and "none.db" in r.stderr,
             "upload: --spool on the command line wins over the file's: %r"
             % r.stderr[-200:])
        cut(False)
        r = run([CAMSWEEP, "scan", "--config", conf], env=env)
        c.ok(r.returncode == 0, "run 2, database back: exit 0: %r" % r.stderr[-300:])
        c.ok(not os.path.exists(spool), "delivered spool renamed aside")
        # A database that accepts and never answers: the uploads wait for
        # it on their own thread (up to the 10 s connect timeout each);
        # the sweep does not.
        hang = socket.socket()
        hang.bind(("127.0.0.1", 0))
        hang.listen(8)
        held = []

        def accept():
            while True:
                try:
                    held.append(hang.accept()[0])
                except OSError:
                    return
        threading.Thread(target=accept, daemon=True).start()
        slow = "postgresql://%s@127.0.0.1:%d/camsweep" % (name, hang.getsockname()[1])
        t0 = time.time()
        r = run([CAMSWEEP, "scan", "--sensor", name, "--db", slow, "--spool",
                 os.path.join(tmp, "slow.db"), "--rate", "0", "--read-timeout",
                 "1000", CIDR], env=env)
        wall = time.time() - t0
        m = re.search(r"addresses in ([0-9.]+) s", r.stderr)
        sweep = float(m.group(1)) if m else 1e9
        c.ok(r.returncode == BUFFERED, "hanging database: buffered (exit %d)"
             % r.returncode)
        c.ok(sweep < 8 and wall > sweep + 5,
             "the sweep took %.1f s while the uploads waited (run %.1f s)"
             % (sweep, wall))
        hang.close()
        for s in held:
            s.close()
    q = run(["psql", admin, "-Atc",
             "SELECT count(DISTINCT s.id), count(g.id), count(DISTINCT s.options) "
             "FROM scan s JOIN sighting g ON g.scan_id = s.id AND g.site = s.site "
             "WHERE s.site = '%s' AND s.status = 'complete'" % name])
    c.ok(q.stdout.strip() == "2|%d|2" % (2 * n),
         "central holds both scans once, %d sightings: %r" % (2 * n, q.stdout))
    q = run(["psql", uri, "-Atc", "SELECT count(*) FROM scan"], env=env)
    c.ok(q.stdout.strip() == "2", "the sensor sees its 2 scans: %r" % q.stdout)
    run(["psql", admin, "-q", "-c", "DROP OWNED BY %s; DROP ROLE %s" % (name, name)])
    c.done()


if __name__ == "__main__":
    sys.exit(main() or 0)
