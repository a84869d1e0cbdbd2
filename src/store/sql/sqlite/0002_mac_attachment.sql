-- SPDX-License-Identifier: ISC
-- Schema version 2 (issue #4): MAC addresses, and cameras attached
-- behind recorders.  Released: never edit.

ALTER TABLE device ADD COLUMN mac TEXT NOT NULL DEFAULT '';
ALTER TABLE sighting ADD COLUMN mac TEXT NOT NULL DEFAULT '';
CREATE TABLE attachment (
  id           INTEGER PRIMARY KEY,
  sighting_id  INTEGER NOT NULL
    REFERENCES sighting (id) ON DELETE CASCADE,
  channel      INTEGER NOT NULL DEFAULT 0,
  ip           TEXT NOT NULL DEFAULT '',
  port         INTEGER NOT NULL DEFAULT 0
    CHECK (port BETWEEN 0 AND 65535),
  name         TEXT NOT NULL DEFAULT '',
  model        TEXT NOT NULL DEFAULT '',
  serial       TEXT NOT NULL DEFAULT '',
  firmware     TEXT NOT NULL DEFAULT '',
  vendor       TEXT NOT NULL DEFAULT '',
  mac          TEXT NOT NULL DEFAULT '',
  manufacturer TEXT NOT NULL DEFAULT '',
  brand        TEXT NOT NULL DEFAULT '',
  id_model     TEXT NOT NULL DEFAULT '',
  device_class TEXT NOT NULL DEFAULT 'unknown');
CREATE INDEX attachment_sighting ON attachment (sighting_id, channel);
