-- SPDX-License-Identifier: ISC
-- camsweep: make the central PostgreSQL inventory multi-site and add one
-- sensor role.  Run as the inventory's owner (the admin role that created
-- the tables by opening the database once with camsweep), in the schema
-- that holds them (search_path), with the sensor's name in the setting
-- camsweep.sensor:
--
--   psql "$ADMIN_URI" -v ON_ERROR_STOP=1 \
--        -c "SET camsweep.sensor = 'site01'" -f data/sql/sensor.sql
--
-- Idempotent: running it again for the same or another name is safe.
-- A sensor role can insert its own scans and their sightings,
-- observations, evidence, ports, attachments and devices, and can read,
-- change or delete only those.  It sees nothing of other sensors' rows
-- and has no access to findings or reach records (estate-wide work runs
-- as the owner, whom row-level security does not restrict).
-- Give the role a password or a certificate mapping afterwards, e.g.
--   ALTER ROLE site01 PASSWORD '...';

BEGIN;

-- Which sensor wrote a scan or a device: the role that inserted it.
ALTER TABLE scan ADD COLUMN IF NOT EXISTS
  sensor TEXT NOT NULL DEFAULT current_user;
ALTER TABLE device ADD COLUMN IF NOT EXISTS
  sensor TEXT NOT NULL DEFAULT current_user;
CREATE INDEX IF NOT EXISTS scan_sensor ON scan (sensor);
CREATE INDEX IF NOT EXISTS device_sensor ON device (sensor);

DO $$
DECLARE
  t text;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'camsweep_sensor')
  THEN
    CREATE ROLE camsweep_sensor NOLOGIN;
  END IF;
  EXECUTE format('GRANT USAGE ON SCHEMA %I TO camsweep_sensor',
                 current_schema());
  EXECUTE format('GRANT USAGE ON ALL SEQUENCES IN SCHEMA %I '
                 'TO camsweep_sensor', current_schema());
  GRANT SELECT ON schema_version TO camsweep_sensor;
  FOREACH t IN ARRAY ARRAY['scan', 'device', 'sighting', 'sighting_port',
                           'observation', 'evidence', 'attachment'] LOOP
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I '
                   'TO camsweep_sensor', t);
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('DROP POLICY IF EXISTS cs_sensor_own ON %I', t);
  END LOOP;
END
$$;

-- A sensor's own rows.  Child tables refer to their parent, whose own
-- policy filters the subquery, so ownership follows the scan.
CREATE POLICY cs_sensor_own ON scan TO camsweep_sensor
  USING (sensor = current_user) WITH CHECK (sensor = current_user);
CREATE POLICY cs_sensor_own ON device TO camsweep_sensor
  USING (sensor = current_user) WITH CHECK (sensor = current_user);
CREATE POLICY cs_sensor_own ON sighting TO camsweep_sensor
  USING (EXISTS (SELECT 1 FROM scan WHERE scan.id = sighting.scan_id))
  WITH CHECK (EXISTS (SELECT 1 FROM scan WHERE scan.id = sighting.scan_id)
              AND EXISTS (SELECT 1 FROM device
                          WHERE device.id = sighting.device_id));
CREATE POLICY cs_sensor_own ON sighting_port TO camsweep_sensor
  USING (EXISTS (SELECT 1 FROM sighting
                 WHERE sighting.id = sighting_port.sighting_id));
CREATE POLICY cs_sensor_own ON observation TO camsweep_sensor
  USING (EXISTS (SELECT 1 FROM sighting
                 WHERE sighting.id = observation.sighting_id));
CREATE POLICY cs_sensor_own ON evidence TO camsweep_sensor
  USING (EXISTS (SELECT 1 FROM sighting
                 WHERE sighting.id = evidence.sighting_id));
CREATE POLICY cs_sensor_own ON attachment TO camsweep_sensor
  USING (EXISTS (SELECT 1 FROM sighting
                 WHERE sighting.id = attachment.sighting_id));

-- The sensor's login role.
DO $$
DECLARE
  name text := current_setting('camsweep.sensor', true);
BEGIN
  IF name IS NULL OR name !~ '^[a-z][a-z0-9_]{0,62}$' THEN
    RAISE EXCEPTION 'set camsweep.sensor to a lower-case name (a-z0-9_)';
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = name) THEN
    EXECUTE format('CREATE ROLE %I LOGIN', name);
  END IF;
  EXECUTE format('GRANT camsweep_sensor TO %I', name);
END
$$;

COMMIT;
