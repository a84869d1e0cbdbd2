-- SPDX-License-Identifier: ISC
-- Schema version 5 (issue #12): a scan that could not try every target,
-- or store every result, is 'incomplete', never 'complete'.  SQLite
-- cannot alter a CHECK: the scan table is rebuilt (migrations run with
-- foreign keys off, so the tables that reference scan keep their rows).

CREATE TABLE scan_v5 (
  id            INTEGER PRIMARY KEY,
  scope         TEXT NOT NULL,
  exclusions    TEXT NOT NULL DEFAULT '',
  ports         TEXT NOT NULL DEFAULT '',
  options       TEXT NOT NULL DEFAULT '',
  vantage       TEXT NOT NULL DEFAULT '',
  version       TEXT NOT NULL DEFAULT '',
  status        TEXT NOT NULL DEFAULT 'running'
    CHECK (status IN ('running', 'interrupted', 'complete', 'incomplete')),
  started       INTEGER NOT NULL,
  ended         INTEGER,
  total_targets INTEGER NOT NULL DEFAULT 0,
  watermark     INTEGER NOT NULL DEFAULT 0,
  hosts_done    INTEGER NOT NULL DEFAULT 0,
  resume_count  INTEGER NOT NULL DEFAULT 0,
  resumed_at    INTEGER,
  site          TEXT NOT NULL DEFAULT '',
  delivered     INTEGER NOT NULL DEFAULT 0);
INSERT INTO scan_v5 (id, scope, exclusions, ports, options, vantage,
  version, status, started, ended, total_targets, watermark, hosts_done,
  resume_count, resumed_at, site, delivered)
  SELECT id, scope, exclusions, ports, options, vantage, version, status,
  started, ended, total_targets, watermark, hosts_done, resume_count,
  resumed_at, site, delivered FROM scan;
DROP TABLE scan;
ALTER TABLE scan_v5 RENAME TO scan;
CREATE INDEX scan_resumable ON scan (scope, status);
CREATE INDEX scan_site ON scan (site, started);
