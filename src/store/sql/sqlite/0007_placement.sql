-- SPDX-License-Identifier: ISC
-- Schema version 7 (issue #22): where each device is plugged in, as
-- `camsweep switches` read it from the switches' forwarding tables: one
-- row per MAC within its site (the device's identity key), with the
-- switch, port, VLAN, PoE state and LLDP neighbour of its edge port and
-- the address a router's ARP table gave it.  device_id links the
-- inventory's device with that MAC (made from the MAC's registrant when
-- the switch alone knew it).
CREATE TABLE placement (
  id          INTEGER PRIMARY KEY,
  site        TEXT NOT NULL DEFAULT '',
  mac         TEXT NOT NULL,
  device_id   INTEGER REFERENCES device (id) ON DELETE SET NULL,
  scan_id     INTEGER NOT NULL DEFAULT 0,
  switch      TEXT NOT NULL,
  switch_addr TEXT NOT NULL DEFAULT '',
  port        TEXT NOT NULL DEFAULT '',
  ifindex     INTEGER NOT NULL DEFAULT 0,
  vlan        INTEGER NOT NULL DEFAULT 0,
  poe         TEXT NOT NULL DEFAULT '',
  neighbour   TEXT NOT NULL DEFAULT '',
  ip          TEXT NOT NULL DEFAULT '',
  oui         TEXT NOT NULL DEFAULT '',
  seen_at     INTEGER NOT NULL,
  UNIQUE (site, mac));
CREATE INDEX placement_device ON placement (device_id);
