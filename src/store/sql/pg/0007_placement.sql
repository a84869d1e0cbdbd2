-- SPDX-License-Identifier: ISC
-- Schema version 7 (issue #22): where each device is plugged in, as
-- `camsweep switches` read it from the switches' forwarding tables: one
-- row per MAC within its site (the device's identity key), with the
-- switch, port, VLAN, PoE state and LLDP neighbour of its edge port and
-- the address a router's ARP table gave it.  device_id links the
-- inventory's device with that MAC (made from the MAC's registrant when
-- the switch alone knew it).  As the other tables of the sealed sites
-- (0004): a random id (no sequence whose values leak across sites), and
-- the device referenced with its site, so that a sensor's row can only
-- name a device of its own site; `camsweep db init` grants sensors their
-- own site's rows.
CREATE TABLE placement (
  id          BIGINT PRIMARY KEY DEFAULT cs_random_id(),
  site        TEXT NOT NULL DEFAULT '',
  mac         TEXT NOT NULL,
  device_id   BIGINT,
  scan_id     BIGINT NOT NULL DEFAULT 0,
  switch      TEXT NOT NULL,
  switch_addr TEXT NOT NULL DEFAULT '',
  port        TEXT NOT NULL DEFAULT '',
  ifindex     INTEGER NOT NULL DEFAULT 0,
  vlan        INTEGER NOT NULL DEFAULT 0,
  poe         TEXT NOT NULL DEFAULT '',
  neighbour   TEXT NOT NULL DEFAULT '',
  ip          TEXT NOT NULL DEFAULT '',
  oui         TEXT NOT NULL DEFAULT '',
  seen_at     BIGINT NOT NULL,
  UNIQUE (site, mac),
  FOREIGN KEY (device_id, site) REFERENCES device (id, site)
    ON DELETE SET NULL (device_id));
CREATE INDEX placement_device ON placement (device_id);
