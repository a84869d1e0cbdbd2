-- SPDX-License-Identifier: ISC
-- Schema version 10: on PostgreSQL the console's scoped users' role is
-- granted the placements of their sites (see the PostgreSQL migration);
-- SQLite has no roles (the console adds the scope condition itself).
-- Here as there: the placements of one scan, which the devices only the
-- switches know are read by, indexed.
CREATE INDEX placement_scan ON placement (scan_id);
