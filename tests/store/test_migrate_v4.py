#!/usr/bin/env python3
# SPDX-License-Identifier: ISC
"""Store schema v3 -> v4 (issue #13) on both backends.

SQLite: a database made with the released v1..v3 SQL (read from
src/store/sql/sqlite/) opens with camsweep and migrates: devices get a
site and an identity key (the first device of a MAC keeps it, another with
the same MAC falls back to its address), surveillance 0 of an unknown
class becomes NULL, no row is lost and foreign keys still hold.

PostgreSQL ($CS_PG_URI; otherwise that half is skipped, and in CI --
$CI set -- a skip is a failure): a v3 inventory made multi-site the v3 way
(tests/store/v3_sensor.sql, the released data/sql/sensor.sql).  First the
attacks of issue #13 are shown to work there (a duplicate-key probe of
another site's address, claiming it first, a reference that stops the
other site deleting its scan, nextval on an estate-wide sequence).  Then
`camsweep db init` migrates it to v4: sites come from the sensor column,
the data is kept, and the same attacks fail."""
import os
import sqlite3
import subprocess
import sys
import tempfile

SRC = os.environ.get("CS_SRCDIR", os.path.join(os.path.dirname(__file__), "../.."))
BUILD = os.environ.get("CS_BUILDDIR", os.path.join(SRC, "build"))
CAMSWEEP = os.path.join(BUILD, "camsweep")
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
from checks import Checker  # noqa: E402

checker = Checker(verbose=True)
ok = checker.ok


def released_sql(dialect, upto):
    """The SQL of migrations 0001..upto of a dialect (src/store/sql/)."""
    d = os.path.join(SRC, "src/store/sql", dialect)
    files = sorted(f for f in os.listdir(d) if f.endswith(".sql"))[:upto]
    assert [f[:4] for f in files] == ["%04d" % (i + 1) for i in range(upto)], files
    return [open(os.path.join(d, f)).read() for f in files]


def sqlite_part():
    with tempfile.TemporaryDirectory() as d:
        db = os.path.join(d, "v3.db")
        con = sqlite3.connect(db)
        for sql in released_sql("sqlite", 3):
            con.executescript(sql)
        con.executescript(
            "PRAGMA application_id = %d; PRAGMA user_version = 3;" % 0x43535750 +
            "INSERT INTO migration_log VALUES (1, '0001_initial', 1),"
            " (2, '0002_mac_attachment', 1), (3, '0003_finding_plan_reach', 1);"
            "INSERT INTO scan (id, scope, status, started, ended) "
            "VALUES (1, '127.0.0.0/24', 'complete', 10, 11);"
            "INSERT INTO device (id, ip, ip_num, manufacturer, device_class,"
            " surveillance, first_scan, last_scan, first_seen, last_seen, mac)"
            " VALUES (1, '127.0.0.1', 2130706433, 'Hikvision', 'camera', 1,"
            " 1, 1, 10, 10, 'AA:BB:CC:00:00:01'),"
            " (2, '127.0.0.2', 2130706434, '', 'unknown', 0, 1, 1, 10, 10,"
            " 'AA:BB:CC:00:00:01'),"
            " (3, '127.0.0.3', 2130706435, 'Cisco', 'switch', 0, 1, 1, 10, 10, '');"
            "INSERT INTO sighting (id, scan_id, device_id, ip, ip_num, seen_at,"
            " manufacturer, device_class, surveillance) VALUES"
            " (1, 1, 1, '127.0.0.1', 2130706433, 10, 'Hikvision', 'camera', 1),"
            " (2, 1, 2, '127.0.0.2', 2130706434, 10, '', 'unknown', 0),"
            " (3, 1, 3, '127.0.0.3', 2130706435, 10, 'Cisco', 'switch', 0);"
            "INSERT INTO sighting_port VALUES (1, 80);"
            "INSERT INTO observation (sighting_id, seq, key, port, value) "
            "VALUES (1, 0, 'http.server', 80, 'App-webs/');"
            "INSERT INTO finding (fkey, ip, device_id, regime, obligation) "
            "VALUES ('127.0.0.1|uk-gsg-2022|1', '127.0.0.1', 1, 'uk-gsg-2022', '1');")
        con.commit()
        con.close()
        out = subprocess.run([CAMSWEEP, "show", "--db", db, "--json"],
                             capture_output=True, text=True, timeout=60)
        ok(out.returncode == 0, "sqlite: camsweep opens the v3 inventory (%s)"
           % out.stderr[-200:])
        con = sqlite3.connect(db)
        ok(con.execute("PRAGMA user_version").fetchone()[0] == 11, "sqlite: v11 (v4 sites, v5 incomplete scans, v6 assessments, v7 placements, v8 console users, v9 their roles, v10 their placements, v11 change notifications)")
        rows = con.execute("SELECT id, site, dkey, surveillance FROM device "
                           "ORDER BY id").fetchall()
        ok(rows == [(1, "", "mac:aa:bb:cc:00:00:01", 1),
                    (2, "", "ip:127.0.0.2", None),
                    (3, "", "ip:127.0.0.3", 0)], "sqlite: devices %r" % rows)
        rows = con.execute("SELECT id, device_id, surveillance FROM sighting "
                           "ORDER BY id").fetchall()
        ok(rows == [(1, 1, 1), (2, 2, None), (3, 3, 0)],
           "sqlite: sightings %r" % rows)
        ok(con.execute("SELECT count(*) FROM observation").fetchone()[0] == 1 and
           con.execute("SELECT count(*) FROM sighting_port").fetchone()[0] == 1 and
           con.execute("SELECT device_id FROM finding").fetchone()[0] == 1,
           "sqlite: observations, ports and findings kept")
        ok(con.execute("PRAGMA foreign_key_check").fetchall() == [],
           "sqlite: foreign keys hold")
        ok(con.execute("SELECT site FROM scan").fetchone()[0] == "",
           "sqlite: scan site ''")
        logs = [r[0] for r in con.execute(
            "SELECT name FROM migration_log ORDER BY version")]
        ok(logs[-8:] == ["0004_site_device_identity", "0005_scan_incomplete", "0006_assessment", "0007_placement", "0008_users", "0009_user_role", "0010_placement_reader", "0011_change_notify"], "sqlite: logged %r" % logs)
        con.close()


def psql(uri, sql, user=None):
    if user:
        uri += "&user=" + user
    p = subprocess.run(["psql", uri, "-Atq", "-v", "ON_ERROR_STOP=1", "-c", sql],
                       capture_output=True, text=True, timeout=60)
    return p.returncode, p.stdout.strip(), p.stderr.strip()


def pg_part(admin):
    tag = os.getpid()
    schema = "cs_mig_%d" % tag
    a, b = "mig_a_%d" % tag, "mig_b_%d" % tag
    sep = "&" if "?" in admin else "?"
    uri = "%s%soptions=-csearch_path%%3D%s" % (admin, sep, schema)
    psql(admin + sep + "x=1" if False else admin,
         "SET client_min_messages = warning; DROP SCHEMA IF EXISTS %s CASCADE;"
         " CREATE SCHEMA %s" % (schema, schema))
    try:
        sql = released_sql("pg", 3)
        rc, _, err = psql(uri, "".join(sql) +
                          "CREATE TABLE schema_version (version INTEGER PRIMARY KEY,"
                          " name TEXT NOT NULL, applied_at BIGINT NOT NULL);"
                          "INSERT INTO schema_version VALUES (1, '0001_initial', 1),"
                          " (2, '0002_mac_attachment', 1),"
                          " (3, '0003_finding_plan_reach', 1)")
        if not ok(rc == 0, "pg: v3 schema made (%s)" % err[-200:]):
            return
        script = open(os.path.join(SRC, "tests/store/v3_sensor.sql")).read()
        for n in (a, b):
            rc, _, err = psql(uri, "SET client_min_messages = warning; "
                              "SET camsweep.sensor = '%s';\n%s" % (n, script))
            ok(rc == 0, "pg: v3 sensor %s (%s)" % (n, err[-200:]))
        # B's site: a scan and a camera at 127.115.9.5.
        rc, bscan, err = psql(uri, "INSERT INTO scan (scope, started, status) "
                              "VALUES ('127.115.9.0/24', 10, 'complete') RETURNING id", b)
        ok(rc == 0, "pg: B's v3 scan (%s)" % err)
        rc, _, err = psql(uri, "INSERT INTO device (ip, first_scan,"
                          " last_scan, first_seen, last_seen, device_class,"
                          " surveillance) VALUES ('127.115.9.5', %s, %s, 10, 10,"
                          " 'camera', 1); INSERT INTO sighting"
                          " (scan_id, device_id, ip, seen_at, surveillance)"
                          " SELECT %s, id, '127.115.9.5', 10, 1 FROM device"
                          " WHERE ip = '127.115.9.5'"
                          % (bscan, bscan, bscan), b)
        ok(rc == 0, "pg: B's v3 device (%s)" % err)
        # The attacks work on v3.
        rc, _, err = psql(uri, "INSERT INTO scan (scope, started) VALUES ('x', 1)"
                          " RETURNING id", a)
        ascan = _
        rc, _, err = psql(uri, "INSERT INTO device (ip, first_scan, last_scan,"
                          " first_seen, last_seen) VALUES ('127.115.9.5', %s, %s,"
                          " 0, 0)" % (ascan, ascan), a)
        ok(rc != 0 and "duplicate key" in err,
           "v3: A learns B holds 127.115.9.5 from a duplicate key (%s)" % err[-120:])
        rc, _, err = psql(uri, "INSERT INTO device (ip, first_scan, last_scan,"
                          " first_seen, last_seen) VALUES ('127.115.9.6', %s, %s,"
                          " 0, 0)" % (ascan, ascan), a)
        ok(rc == 0, "v3: A claims B's free 127.115.9.6")
        rc, _, err = psql(uri, "INSERT INTO device (ip, first_scan, last_scan,"
                          " first_seen, last_seen) VALUES ('127.115.9.6', %s, %s,"
                          " 0, 0)" % (bscan, bscan), b)
        ok(rc != 0, "v3: B can no longer record 127.115.9.6 (%s)" % err[-120:])
        rc, _, err = psql(uri, "INSERT INTO device (ip, first_scan, last_scan,"
                          " first_seen, last_seen) VALUES ('127.115.9.7', %s, %s,"
                          " 0, 0)" % (bscan, bscan), a)
        ok(rc == 0, "v3: A's device refers to B's scan")
        rc, _, err = psql(uri, "BEGIN; DELETE FROM scan WHERE id = %s; ROLLBACK"
                          % bscan, b)
        ok(rc != 0 and "foreign key" in err,
           "v3: B cannot delete its own scan (%s)" % err[-120:])
        rc, out, err = psql(uri, "SELECT nextval('scan_id_seq')", a)
        ok(rc == 0 and out.isdigit(), "v3: A reads the estate-wide scan count %r" % out)

        # Migrate with camsweep db init (as the owner).
        p = subprocess.run([CAMSWEEP, "db", "init", "--db", uri],
                           capture_output=True, text=True, timeout=120)
        if not ok(p.returncode == 0, "pg: db init migrates v3 (%s)" % p.stderr[-300:]):
            return
        rc, out, _ = psql(uri, "SELECT max(version) FROM schema_version")
        ok(out == "11", "pg: schema version %s" % out)
        rc, out, _ = psql(uri, "SELECT site, dkey, surveillance FROM device "
                          "WHERE ip = '127.115.9.5'")
        ok(out == "%s|ip:127.115.9.5|1" % b, "pg: B's device kept in B's site: %r" % out)
        rc, out, _ = psql(uri, "SELECT count(*) FROM device WHERE site = '%s'" % a)
        ok(out == "2", "pg: A's devices in A's site (%s)" % out)
        rc, out, _ = psql(uri, "SELECT site, device_site FROM sighting")
        ok(out == "%s|%s" % (b, b), "pg: sighting sites %r" % out)
        # The same attacks on v4.
        rc, _, err = psql(uri, "INSERT INTO device (site, dkey, ip, first_scan,"
                          " last_scan, first_seen, last_seen) VALUES (session_user,"
                          " 'ip:127.115.9.5', '127.115.9.5', 0, 0, 0, 0)", a)
        ok(rc == 0, "v4: A's own device at B's address, no collision (%s)" % err)
        rc, _, err = psql(uri, "INSERT INTO device (site, dkey, ip, first_scan,"
                          " last_scan, first_seen, last_seen) VALUES (session_user,"
                          " 'ip:127.115.9.6', '127.115.9.6', 0, 0, 0, 0)", b)
        ok(rc == 0, "v4: B records 127.115.9.6 although A has it (%s)" % err)
        rc, _, err = psql(uri, "DELETE FROM scan WHERE id = %s" % bscan, b)
        ok(rc == 0, "v4: B deletes its own scan (%s)" % err[-120:])
        rc, out, err = psql(uri, "SELECT nextval('scan_id_seq')", a)
        ok(rc != 0, "v4: no estate-wide scan sequence (%s)" % err[-80:])
        rc, out, _ = psql(uri, "SELECT count(*) FROM pg_class WHERE relkind = 'S'"
                          " AND relnamespace = current_schema()::regnamespace"
                          " AND CASE WHEN relkind = 'S' THEN has_sequence_privilege('%s', oid,"
                          " 'USAGE') END" % a)
        ok(out == "0", "v4: A may use no sequence (%s)" % out)
    finally:
        psql(admin, "SET client_min_messages = warning; DROP SCHEMA IF EXISTS %s "
             "CASCADE" % schema)
        for n in (a, b):
            psql(admin, "DROP OWNED BY %s; DROP ROLE IF EXISTS %s" % (n, n))


def main():
    sqlite_part()
    admin = os.environ.get("CS_PG_URI")
    skipped = False
    if admin and subprocess.run(["psql", admin, "-Atqc", "SELECT 1"],
                                capture_output=True).returncode == 0:
        pg_part(admin)
    else:
        skipped = True
        print("# PostgreSQL half skipped: no server at CS_PG_URI")
    if skipped and os.environ.get("CI"):
        ok(False, "CI: the PostgreSQL half must run, not skip")
    return checker.status("migrate_v4: ok")


if __name__ == "__main__":
    sys.exit(main())
