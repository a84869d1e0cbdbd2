-- SPDX-License-Identifier: ISC
-- Schema version 1: scans, devices keyed by address, sightings with
-- their ports, raw observations and evidence.  Released: never edit.

CREATE TABLE migration_log (
  version    INTEGER PRIMARY KEY,
  name       TEXT NOT NULL,
  applied_at INTEGER NOT NULL);
CREATE TABLE scan (
  id            INTEGER PRIMARY KEY,
  scope         TEXT NOT NULL,
  exclusions    TEXT NOT NULL DEFAULT '',
  ports         TEXT NOT NULL DEFAULT '',
  options       TEXT NOT NULL DEFAULT '',
  vantage       TEXT NOT NULL DEFAULT '',
  version       TEXT NOT NULL DEFAULT '',
  status        TEXT NOT NULL DEFAULT 'running'
    CHECK (status IN ('running', 'interrupted', 'complete')),
  started       INTEGER NOT NULL,
  ended         INTEGER,
  total_targets INTEGER NOT NULL DEFAULT 0,
  watermark     INTEGER NOT NULL DEFAULT 0,
  hosts_done    INTEGER NOT NULL DEFAULT 0,
  resume_count  INTEGER NOT NULL DEFAULT 0,
  resumed_at    INTEGER);
CREATE INDEX scan_resumable ON scan (scope, status);
CREATE TABLE device (
  id                   INTEGER PRIMARY KEY,
  ip                   TEXT NOT NULL UNIQUE,
  ip_num               INTEGER,
  manufacturer         TEXT NOT NULL DEFAULT '',
  manufacturer_country TEXT NOT NULL DEFAULT '',
  brand                TEXT NOT NULL DEFAULT '',
  model                TEXT NOT NULL DEFAULT '',
  firmware             TEXT NOT NULL DEFAULT '',
  device_class         TEXT NOT NULL DEFAULT 'unknown',
  surveillance         INTEGER NOT NULL DEFAULT 0,
  confidence           REAL NOT NULL DEFAULT 0,
  first_scan           INTEGER NOT NULL REFERENCES scan (id),
  last_scan            INTEGER NOT NULL REFERENCES scan (id),
  first_seen           INTEGER NOT NULL,
  last_seen            INTEGER NOT NULL);
CREATE INDEX device_first_scan ON device (first_scan);
CREATE INDEX device_last_scan ON device (last_scan);
CREATE TABLE sighting (
  id                   INTEGER PRIMARY KEY,
  scan_id              INTEGER NOT NULL
    REFERENCES scan (id) ON DELETE CASCADE,
  device_id            INTEGER NOT NULL
    REFERENCES device (id) ON DELETE CASCADE,
  ip                   TEXT NOT NULL,
  ip_num               INTEGER,
  seen_at              INTEGER NOT NULL,
  manufacturer         TEXT NOT NULL DEFAULT '',
  manufacturer_country TEXT NOT NULL DEFAULT '',
  brand                TEXT NOT NULL DEFAULT '',
  model                TEXT NOT NULL DEFAULT '',
  firmware             TEXT NOT NULL DEFAULT '',
  device_class         TEXT NOT NULL DEFAULT 'unknown',
  surveillance         INTEGER NOT NULL DEFAULT 0,
  confidence           REAL NOT NULL DEFAULT 0,
  obs_dropped          INTEGER NOT NULL DEFAULT 0,
  ev_dropped           INTEGER NOT NULL DEFAULT 0,
  UNIQUE (scan_id, ip));
CREATE INDEX sighting_order ON sighting (scan_id, ip_num);
CREATE INDEX sighting_device ON sighting (device_id);
CREATE TABLE sighting_port (
  sighting_id INTEGER NOT NULL
    REFERENCES sighting (id) ON DELETE CASCADE,
  port        INTEGER NOT NULL CHECK (port BETWEEN 0 AND 65535),
  PRIMARY KEY (sighting_id, port)) WITHOUT ROWID;
CREATE TABLE observation (
  id          INTEGER PRIMARY KEY,
  sighting_id INTEGER NOT NULL
    REFERENCES sighting (id) ON DELETE CASCADE,
  seq         INTEGER NOT NULL,
  key         TEXT NOT NULL,
  port        INTEGER NOT NULL DEFAULT 0,
  flags       INTEGER NOT NULL DEFAULT 0,
  value       BLOB NOT NULL CHECK (length(value) <= 4096));
CREATE INDEX observation_sighting ON observation (sighting_id, seq);
CREATE TABLE evidence (
  id             INTEGER PRIMARY KEY,
  sighting_id    INTEGER NOT NULL
    REFERENCES sighting (id) ON DELETE CASCADE,
  seq            INTEGER NOT NULL,
  field          TEXT NOT NULL,
  claim          TEXT NOT NULL,
  value          TEXT NOT NULL,
  rule           TEXT NOT NULL,
  obs_key        TEXT NOT NULL,
  port           INTEGER NOT NULL DEFAULT 0,
  weight         REAL NOT NULL DEFAULT 0,
  observation_id INTEGER
    REFERENCES observation (id) ON DELETE SET NULL);
CREATE INDEX evidence_sighting ON evidence (sighting_id, seq);
CREATE INDEX evidence_observation ON evidence (observation_id);
