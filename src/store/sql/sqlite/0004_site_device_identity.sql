-- SPDX-License-Identifier: ISC
-- Schema version 4 (issue #13): sites.  A scan and a device belong to a
-- site; a device is keyed within its site (dkey: MAC, else serial, else
-- address), not by its address over the whole inventory; surveillance
-- may be NULL (not established); a spool scan records its delivery.
-- device and sighting are rebuilt (SQLite cannot drop a UNIQUE or a NOT
-- NULL), so migrations run with foreign keys off.  A v3 device keeps its
-- MAC as key (the first device of each MAC; any other by address); a v3
-- surveillance of 0 on a device of unknown class becomes NULL.

ALTER TABLE scan ADD COLUMN site TEXT NOT NULL DEFAULT '';
ALTER TABLE scan ADD COLUMN delivered INTEGER NOT NULL DEFAULT 0;
CREATE INDEX scan_site ON scan (site, started);
CREATE TABLE device_v4 (
  id                   INTEGER PRIMARY KEY,
  site                 TEXT NOT NULL DEFAULT '',
  dkey                 TEXT NOT NULL,
  ip                   TEXT NOT NULL,
  ip_num               INTEGER,
  manufacturer         TEXT NOT NULL DEFAULT '',
  manufacturer_country TEXT NOT NULL DEFAULT '',
  brand                TEXT NOT NULL DEFAULT '',
  model                TEXT NOT NULL DEFAULT '',
  firmware             TEXT NOT NULL DEFAULT '',
  device_class         TEXT NOT NULL DEFAULT 'unknown',
  surveillance         INTEGER CHECK (surveillance IN (0, 1)),
  confidence           REAL NOT NULL DEFAULT 0,
  first_scan           INTEGER NOT NULL REFERENCES scan (id),
  last_scan            INTEGER NOT NULL REFERENCES scan (id),
  first_seen           INTEGER NOT NULL,
  last_seen            INTEGER NOT NULL,
  mac                  TEXT NOT NULL DEFAULT '',
  serial               TEXT NOT NULL DEFAULT '',
  UNIQUE (site, dkey));
INSERT INTO device_v4 (id, site, dkey, ip, ip_num, manufacturer,
  manufacturer_country, brand, model, firmware, device_class,
  surveillance, confidence, first_scan, last_scan, first_seen,
  last_seen, mac)
  SELECT id, '', CASE WHEN mac <> '' AND id = (SELECT min(d2.id)
    FROM device d2 WHERE d2.mac = device.mac)
    THEN 'mac:' || lower(mac) ELSE 'ip:' || ip END,
  ip, ip_num, manufacturer, manufacturer_country, brand, model,
  firmware, device_class, CASE WHEN surveillance <> 0 THEN 1
    WHEN device_class = 'unknown' THEN NULL ELSE 0 END,
  confidence, first_scan, last_scan, first_seen, last_seen, mac
  FROM device;
DROP TABLE device;
ALTER TABLE device_v4 RENAME TO device;
CREATE INDEX device_first_scan ON device (first_scan);
CREATE INDEX device_last_scan ON device (last_scan);
CREATE INDEX device_site_ip ON device (site, ip);
CREATE TABLE sighting_v4 (
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
  surveillance         INTEGER CHECK (surveillance IN (0, 1)),
  confidence           REAL NOT NULL DEFAULT 0,
  obs_dropped          INTEGER NOT NULL DEFAULT 0,
  ev_dropped           INTEGER NOT NULL DEFAULT 0,
  mac                  TEXT NOT NULL DEFAULT '',
  UNIQUE (scan_id, ip));
INSERT INTO sighting_v4 (id, scan_id, device_id, ip, ip_num,
  seen_at, manufacturer, manufacturer_country, brand, model,
  firmware, device_class, surveillance, confidence, obs_dropped,
  ev_dropped, mac)
  SELECT id, scan_id, device_id, ip, ip_num, seen_at, manufacturer,
  manufacturer_country, brand, model, firmware, device_class,
  CASE WHEN surveillance <> 0 THEN 1
    WHEN device_class = 'unknown' THEN NULL ELSE 0 END,
  confidence, obs_dropped, ev_dropped, mac FROM sighting;
DROP TABLE sighting;
ALTER TABLE sighting_v4 RENAME TO sighting;
CREATE INDEX sighting_order ON sighting (scan_id, ip_num);
CREATE INDEX sighting_device ON sighting (device_id);
