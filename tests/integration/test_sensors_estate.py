#!/usr/bin/env python3
# SPDX-License-Identifier: ISC
"""Eight sites, eight sensors, one central database: a camsim fleet over
eight /24s (one per site) and eight `camsweep scan --sensor` processes
running at once, each with its own PostgreSQL role and scanning its own
site.  The central inventory must hold exactly the union of the sites,
nothing lost or duplicated, and no sensor may read or change another
site's rows.  Needs CS_PG_URI (scripts/test.sh starts a server) and psql;
otherwise exits 77 (skipped), in CI a failure (tests/lib/skip.py)."""
import ipaddress
import json
import os
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "lib"))
from estate import Estate, Checker, shifted, CAMSWEEP  # noqa: E402
from scratch import scratch  # noqa: E402
from skip import skip  # noqa: E402

CIDR = shifted("127.117.0.0/21")
SITES = 8


def psql(uri, sql):
    return subprocess.run(["psql", uri, "-Atq", "-c", sql], capture_output=True,
                          text=True, timeout=60)


def main():
    admin = os.environ.get("CS_PG_URI")
    if not admin or not shutil.which("psql"):
        return skip("no PostgreSQL server (CS_PG_URI) or no psql")
    c = Checker()
    tmp = scratch("cs-sensors-")
    tag = os.getpid()
    names = ["site%d_%d" % (i, tag) for i in range(SITES)]
    r = subprocess.run([CAMSWEEP, "db", "init", "--db", admin],
                       capture_output=True, text=True)
    c.ok(r.returncode == 0, "db init %s" % r.stderr[-200:])
    rest = admin.split("://", 1)[1].split("@", 1)[1]
    uris = {}
    for n in names:
        r = subprocess.run([CAMSWEEP, "db", "add-sensor", n, "--db", admin,
                            "--password-file", os.path.join(tmp, n + ".pgpass")],
                           capture_output=True, text=True, timeout=60)
        c.ok(r.returncode == 0, "role %s created %s" % (n, r.stderr[-200:]))
        # (the test server trusts loopback; a real sensor gets PGPASSFILE)
        uris[n] = "postgresql://%s@%s" % (n, rest)
    nets = list(ipaddress.ip_network(CIDR).subnets(new_prefix=24))
    with Estate(CIDR, 96, seed=88) as est:
        want = {str(n): set() for n in nets}
        for d in est.devices:
            for n in nets:
                if ipaddress.ip_address(d["ip"]) in n:
                    want[str(n)].add(d["ip"])
        procs = []
        for i, n in enumerate(names):
            args = [CAMSWEEP, "scan", "--sensor", n, "--db", uris[n],
                    "--spool", os.path.join(tmp, "spool-%d.db" % i),
                    "--rate", "0", "--read-timeout", "1000", "-q", str(nets[i])]
            procs.append(subprocess.Popen(args, stdout=subprocess.DEVNULL,
                                          stderr=subprocess.PIPE, text=True))
        for i, p in enumerate(procs):
            err = p.communicate(timeout=600)[1]
            c.ok(p.returncode == 0 and "uploaded" in err,
                 "sensor %d finished and uploaded: %r" % (i, err[-200:]))
    # The union, exactly: every device once, at its own site's sensor.
    rows = psql(admin, "SELECT s.vantage, d.ip FROM sighting g JOIN scan s ON "
                       "s.id = g.scan_id JOIN device d ON d.id = g.device_id "
                       "WHERE s.vantage LIKE 'site%%_%d'" % tag).stdout.split()
    got = {}
    for line in rows:
        v, ip = line.split("|")
        got.setdefault(v, []).append(ip)
    total = sum(len(v) for v in got.values())
    c.ok(total == sum(len(v) for v in want.values()),
         "central holds %d sightings, want %d" % (total, sum(len(v) for v in want.values())))
    for i, n in enumerate(names):
        ips = got.get(n, [])
        c.ok(len(ips) == len(set(ips)), "%s: no duplicates" % n)
        c.ok(set(ips) == want[str(nets[i])],
             "%s holds exactly its site (%d of %d)" % (n, len(set(ips)), len(want[str(nets[i])])))
    # Isolation: sensor 0 sees only its own rows and cannot touch site 1's.
    a, b = names[0], names[1]
    seen = psql(uris[a], "SELECT DISTINCT vantage FROM scan").stdout.split()
    c.ok(seen == [a], "%s sees only its own scans: %r" % (a, seen))
    n_b = psql(uris[a], "SELECT count(*) FROM sighting g JOIN scan s ON "
                        "s.id = g.scan_id WHERE s.vantage = '%s'" % b).stdout.strip()
    c.ok(n_b == "0", "%s reads none of %s's sightings (%s)" % (a, b, n_b))
    up = psql(uris[a], "UPDATE scan SET status = 'interrupted' WHERE vantage = '%s'" % b)
    c.ok("UPDATE 0" in up.stdout or up.stdout.strip() == "" or up.returncode != 0,
         "%s cannot change %s's scans (%r)" % (a, b, up.stdout + up.stderr))
    still = psql(admin, "SELECT status FROM scan WHERE vantage = '%s'" % b).stdout.split()
    c.ok(still == ["complete"], "%s's scan untouched: %r" % (b, still))
    for n in names:
        psql(admin, "DROP OWNED BY %s; DROP ROLE %s" % (n, n))
    c.done()


if __name__ == "__main__":
    sys.exit(main() or 0)
