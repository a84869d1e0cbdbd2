-- SPDX-License-Identifier: ISC
-- Schema version 10: the console's scoped users read the placements of
-- their sites (docs/serve.md, docs/switches.md).  A device only the
-- switches know is listed with its placement on the device pages and in
-- /api/v1/devices; under v9 the reader group camsweep_reader had no grant
-- on placement, so a scoped user's request could not read it.  `camsweep
-- user add` now grants it with a row-level policy by site (reader_sql in
-- src/serve/users.c); this does the same for an inventory whose users
-- were made before, where the group exists.  And the placements of one
-- scan, which the devices only the switches know are read by, indexed.
CREATE INDEX placement_scan ON placement (scan_id);
DO $$BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'camsweep_reader') THEN
    GRANT SELECT ON placement TO camsweep_reader;
    ALTER TABLE placement ENABLE ROW LEVEL SECURITY;
    DROP POLICY IF EXISTS cs_reader ON placement;
    CREATE POLICY cs_reader ON placement FOR SELECT TO camsweep_reader
      USING (site IN (SELECT unnest(cs_reader_sites(current_user::text))));
  END IF;
END$$;
