#!/usr/bin/env python3
# SPDX-License-Identifier: ISC
"""Store schema v1 -> v2: a database made with the v1 SQL of the migration
list (read from src/store/sql/sqlite/0001_initial.sql, the released text) opens
with camsweep, migrates to v2 (device.mac, sighting.mac, attachment) and
keeps its data."""
import os
import sqlite3
import subprocess
import sys
import tempfile

SRC = os.environ.get("CS_SRCDIR", os.path.join(os.path.dirname(__file__), "../.."))
BUILD = os.environ.get("CS_BUILDDIR", os.path.join(SRC, "build"))


def v1_sql():
    return open(os.path.join(SRC, "src/store/sql/sqlite/0001_initial.sql")).read()


def main():
    with tempfile.TemporaryDirectory() as d:
        db = os.path.join(d, "v1.db")
        con = sqlite3.connect(db)
        con.executescript(v1_sql())
        con.executescript(
            "PRAGMA application_id = %d; PRAGMA user_version = 1;" % 0x43535750 +
            "INSERT INTO migration_log VALUES (1, '0001_initial', 1);"
            "INSERT INTO scan (id, scope, status, started, ended) "
            "VALUES (1, '127.0.0.1', 'complete', 10, 11);"
            "INSERT INTO device (id, ip, ip_num, manufacturer, model, "
            "device_class, first_scan, last_scan, first_seen, last_seen) "
            "VALUES (1, '127.0.0.1', 2130706433, 'Hikvision', "
            "'DS-7608NI-K2', 'nvr', 1, 1, 10, 10);"
            "INSERT INTO sighting (id, scan_id, device_id, ip, ip_num, "
            "seen_at, manufacturer, device_class, surveillance) VALUES "
            "(1, 1, 1, '127.0.0.1', 2130706433, 10, 'Hikvision', 'nvr', 1);"
            "INSERT INTO sighting_port VALUES (1, 80);"
            "INSERT INTO observation (sighting_id, seq, key, port, value) "
            "VALUES (1, 0, 'http.server', 80, 'App-webs/');")
        con.commit()
        con.close()
        out = subprocess.run(
            [os.path.join(BUILD, "camsweep"), "show", "--db", db, "--json"],
            capture_output=True, text=True, timeout=60)
        if out.returncode != 0:
            print("camsweep show failed:", out.returncode, out.stderr)
            return 1
        con = sqlite3.connect(db)
        ver = con.execute("PRAGMA user_version").fetchone()[0]
        assert ver >= 2, "user_version %d" % ver
        cols = [r[1] for r in con.execute("PRAGMA table_info(device)")]
        assert "mac" in cols, cols
        cols = [r[1] for r in con.execute("PRAGMA table_info(attachment)")]
        assert "sighting_id" in cols and "manufacturer" in cols, cols
        row = con.execute("SELECT ip, manufacturer, model, mac FROM device"
                          ).fetchone()
        assert row == ("127.0.0.1", "Hikvision", "DS-7608NI-K2", ""), row
        n = con.execute("SELECT count(*) FROM observation").fetchone()[0]
        assert n == 1
        logs = [r[1] for r in con.execute(
            "SELECT version, name FROM migration_log ORDER BY version")]
        assert logs[:2] == ["0001_initial", "0002_mac_attachment"], logs
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
        assert '"127.0.0.1"' in out.stdout, out.stdout
        assert '"attached":[]' in out.stdout, out.stdout
        print("ok: v1 database migrated to v2 with its data")
    return 0


if __name__ == "__main__":
    sys.exit(main())
