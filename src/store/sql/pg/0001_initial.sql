-- SPDX-License-Identifier: ISC
-- Schema version 1: scans, devices keyed by address, sightings with
-- their ports, raw observations and evidence.  Released: never edit.

CREATE TABLE scan (
  id            BIGSERIAL PRIMARY KEY,
  scope         TEXT NOT NULL,
  exclusions    TEXT NOT NULL DEFAULT '',
  ports         TEXT NOT NULL DEFAULT '',
  options       TEXT NOT NULL DEFAULT '',
  vantage       TEXT NOT NULL DEFAULT '',
  version       TEXT NOT NULL DEFAULT '',
  status        TEXT NOT NULL DEFAULT 'running'
    CHECK (status IN ('running', 'interrupted', 'complete')),
  started       BIGINT NOT NULL,
  ended         BIGINT,
  total_targets BIGINT NOT NULL DEFAULT 0,
  watermark     BIGINT NOT NULL DEFAULT 0,
  hosts_done    BIGINT NOT NULL DEFAULT 0,
  resume_count  BIGINT NOT NULL DEFAULT 0,
  resumed_at    BIGINT);
CREATE INDEX scan_resumable ON scan (scope, status);
CREATE TABLE device (
  id                   BIGSERIAL PRIMARY KEY,
  ip                   TEXT NOT NULL UNIQUE,
  ip_num               BIGINT,
  manufacturer         TEXT NOT NULL DEFAULT '',
  manufacturer_country TEXT NOT NULL DEFAULT '',
  brand                TEXT NOT NULL DEFAULT '',
  model                TEXT NOT NULL DEFAULT '',
  firmware             TEXT NOT NULL DEFAULT '',
  device_class         TEXT NOT NULL DEFAULT 'unknown',
  surveillance         INTEGER NOT NULL DEFAULT 0,
  confidence           DOUBLE PRECISION NOT NULL DEFAULT 0,
  first_scan           BIGINT NOT NULL REFERENCES scan (id),
  last_scan            BIGINT NOT NULL REFERENCES scan (id),
  first_seen           BIGINT NOT NULL,
  last_seen            BIGINT NOT NULL);
CREATE INDEX device_first_scan ON device (first_scan);
CREATE INDEX device_last_scan ON device (last_scan);
CREATE TABLE sighting (
  id                   BIGSERIAL PRIMARY KEY,
  scan_id              BIGINT NOT NULL
    REFERENCES scan (id) ON DELETE CASCADE,
  device_id            BIGINT NOT NULL
    REFERENCES device (id) ON DELETE CASCADE,
  ip                   TEXT NOT NULL,
  ip_num               BIGINT,
  seen_at              BIGINT NOT NULL,
  manufacturer         TEXT NOT NULL DEFAULT '',
  manufacturer_country TEXT NOT NULL DEFAULT '',
  brand                TEXT NOT NULL DEFAULT '',
  model                TEXT NOT NULL DEFAULT '',
  firmware             TEXT NOT NULL DEFAULT '',
  device_class         TEXT NOT NULL DEFAULT 'unknown',
  surveillance         INTEGER NOT NULL DEFAULT 0,
  confidence           DOUBLE PRECISION NOT NULL DEFAULT 0,
  obs_dropped          BIGINT NOT NULL DEFAULT 0,
  ev_dropped           BIGINT NOT NULL DEFAULT 0,
  UNIQUE (scan_id, ip));
CREATE INDEX sighting_order ON sighting (scan_id, ip_num);
CREATE INDEX sighting_device ON sighting (device_id);
CREATE TABLE sighting_port (
  sighting_id BIGINT NOT NULL
    REFERENCES sighting (id) ON DELETE CASCADE,
  port        INTEGER NOT NULL CHECK (port BETWEEN 0 AND 65535),
  PRIMARY KEY (sighting_id, port));
CREATE TABLE observation (
  id          BIGSERIAL PRIMARY KEY,
  sighting_id BIGINT NOT NULL
    REFERENCES sighting (id) ON DELETE CASCADE,
  seq         INTEGER NOT NULL,
  key         TEXT NOT NULL,
  port        INTEGER NOT NULL DEFAULT 0,
  flags       BIGINT NOT NULL DEFAULT 0,
  value       BYTEA NOT NULL CHECK (length(value) <= 4096));
CREATE INDEX observation_sighting ON observation (sighting_id, seq);
CREATE TABLE evidence (
  id             BIGSERIAL PRIMARY KEY,
  sighting_id    BIGINT NOT NULL
    REFERENCES sighting (id) ON DELETE CASCADE,
  seq            INTEGER NOT NULL,
  field          TEXT NOT NULL,
  claim          TEXT NOT NULL,
  value          TEXT NOT NULL,
  rule           TEXT NOT NULL,
  obs_key        TEXT NOT NULL,
  port           INTEGER NOT NULL DEFAULT 0,
  weight         DOUBLE PRECISION NOT NULL DEFAULT 0,
  observation_id BIGINT
    REFERENCES observation (id) ON DELETE SET NULL);
CREATE INDEX evidence_sighting ON evidence (sighting_id, seq);
CREATE INDEX evidence_observation ON evidence (observation_id);
