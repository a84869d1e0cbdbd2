-- SPDX-License-Identifier: ISC
-- Schema version 3 (issue #5): findings with their remediation plan,
-- their history, and what `camsweep reach` saw from core-network
-- vantage points.  Released: never edit.

CREATE TABLE finding (
  id                   BIGSERIAL PRIMARY KEY,
  fkey                 TEXT NOT NULL UNIQUE,
  ip                   TEXT NOT NULL,
  device_id            BIGINT
    REFERENCES device (id) ON DELETE SET NULL,
  mac                  TEXT NOT NULL DEFAULT '',
  manufacturer         TEXT NOT NULL DEFAULT '',
  manufacturer_country TEXT NOT NULL DEFAULT '',
  brand                TEXT NOT NULL DEFAULT '',
  model                TEXT NOT NULL DEFAULT '',
  firmware             TEXT NOT NULL DEFAULT '',
  device_class         TEXT NOT NULL DEFAULT 'unknown',
  confidence           DOUBLE PRECISION NOT NULL DEFAULT 0,
  site                 TEXT NOT NULL DEFAULT '',
  site_name            TEXT NOT NULL DEFAULT '',
  department           TEXT NOT NULL DEFAULT '',
  department_name      TEXT NOT NULL DEFAULT '',
  zone                 TEXT NOT NULL DEFAULT '',
  sensitive            INTEGER NOT NULL DEFAULT 0,
  sensitivity_reason   TEXT NOT NULL DEFAULT '',
  reach_core           INTEGER NOT NULL DEFAULT 0,
  regime               TEXT NOT NULL,
  regime_version       TEXT NOT NULL DEFAULT '',
  obligation           TEXT NOT NULL,
  severity             INTEGER NOT NULL DEFAULT 0
    CHECK (severity BETWEEN 0 AND 4),
  action               TEXT NOT NULL DEFAULT '',
  action_text          TEXT NOT NULL DEFAULT '',
  deadline             TEXT NOT NULL DEFAULT '',
  citation             TEXT NOT NULL DEFAULT '',
  url                  TEXT NOT NULL DEFAULT '',
  evidence             TEXT NOT NULL DEFAULT '',
  as_of                TEXT NOT NULL DEFAULT '',
  status               TEXT NOT NULL DEFAULT 'open'
    CHECK (status IN ('open', 'planned', 'done', 'risk-accepted',
                      'closed', 'withdrawn')),
  status_until         TEXT NOT NULL DEFAULT '',
  owner                TEXT NOT NULL DEFAULT '',
  due                  TEXT NOT NULL DEFAULT '',
  note                 TEXT NOT NULL DEFAULT '',
  first_seen           BIGINT NOT NULL DEFAULT 0,
  first_scan           BIGINT NOT NULL DEFAULT 0,
  last_scan            BIGINT NOT NULL DEFAULT 0,
  verified_scan        BIGINT NOT NULL DEFAULT 0,
  assessed_at          BIGINT NOT NULL DEFAULT 0);
CREATE INDEX finding_order ON finding (severity, site, ip);
CREATE INDEX finding_device ON finding (device_id);
CREATE TABLE finding_event (
  id         BIGSERIAL PRIMARY KEY,
  finding_id BIGINT NOT NULL
    REFERENCES finding (id) ON DELETE CASCADE,
  at         BIGINT NOT NULL,
  scan_id    BIGINT NOT NULL DEFAULT 0,
  what       TEXT NOT NULL,
  detail     TEXT NOT NULL DEFAULT '');
CREATE INDEX finding_event_finding ON finding_event (finding_id, id);
CREATE TABLE reach (
  vantage    TEXT NOT NULL,
  ip         TEXT NOT NULL,
  ports      TEXT NOT NULL DEFAULT '',
  reachable  INTEGER NOT NULL DEFAULT 0,
  checked_at BIGINT NOT NULL,
  PRIMARY KEY (vantage, ip));
CREATE INDEX reach_ip ON reach (ip);
