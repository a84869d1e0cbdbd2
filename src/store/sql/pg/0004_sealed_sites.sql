-- SPDX-License-Identifier: ISC
-- Schema version 4 (issue #13): sealed sites.  Every row of the scan
-- side carries its site; every unique key leads with the site or with the
-- id (which no sensor may write) and every reference is within the site,
-- so one site's rows can neither collide with nor point at another's
-- (the (id, site) keys serve the references without an index led by the
-- site, which the planner would scan whole).  Ids come from cs_random_id
-- (scans: cs_time_id, time-ordered) instead of estate-wide sequences:
-- 63 random bits, which need not be unguessable (no sensor may write an
-- id), only unique (50 million rows collide with odds of about 1 in
-- 7000).  A device is keyed within its site by dkey (MAC, else serial,
-- else address); surveillance may be NULL (not established); a spool
-- scan records its delivery.  A v3 inventory made multi-site by the old
-- data/sql/sensor.sql has a sensor column on scan and device: it becomes
-- the site.
--
-- The rows under a sighting (ports, observations, evidence, attachments)
-- refer to it within their site through statement-level triggers instead
-- of foreign keys, whose lookup and lock per row cost more than the
-- inserts themselves; the check runs with the writer's row policies, so
-- a sensor can only refer to its own site's sightings, and a reference to
-- another site's sighting fails exactly as one to no sighting.  Deleting
-- a sighting deletes its rows.  Evidence's link to its observation is a
-- plain id (both go with their sighting).

CREATE FUNCTION cs_random_id() RETURNS bigint LANGUAGE sql VOLATILE
  AS $$SELECT greatest(1, ((random() * 2147483647)::bigint << 32)
    | (random() * 4294967295)::bigint)$$;
CREATE FUNCTION cs_time_id() RETURNS bigint LANGUAGE sql VOLATILE
  AS $$SELECT (floor(extract(epoch FROM clock_timestamp())
    * 1000000)::bigint << 10) | (cs_random_id() & 1023)$$;
ALTER TABLE scan ADD COLUMN site TEXT NOT NULL DEFAULT '',
  ADD COLUMN delivered BIGINT NOT NULL DEFAULT 0;
ALTER TABLE device ADD COLUMN site TEXT NOT NULL DEFAULT '',
  ADD COLUMN dkey TEXT, ADD COLUMN serial TEXT NOT NULL DEFAULT '';
DO $$BEGIN
  IF EXISTS (SELECT 1 FROM information_schema.columns
    WHERE table_schema = current_schema() AND table_name = 'scan'
    AND column_name = 'sensor') THEN
    UPDATE scan SET site = sensor;
  END IF;
  IF EXISTS (SELECT 1 FROM information_schema.columns
    WHERE table_schema = current_schema() AND table_name = 'device'
    AND column_name = 'sensor') THEN
    UPDATE device SET site = sensor;
  END IF;
END$$;
ALTER TABLE scan ALTER COLUMN id SET DEFAULT cs_time_id();
DROP SEQUENCE scan_id_seq;
ALTER TABLE scan ADD CONSTRAINT scan_site_id UNIQUE (id, site);
CREATE INDEX scan_site ON scan (site, started);
UPDATE device d SET dkey = CASE WHEN mac <> '' AND id = (SELECT
  min(d2.id) FROM device d2 WHERE d2.site = d.site AND
  d2.mac = d.mac) THEN 'mac:' || lower(mac) ELSE 'ip:' || ip END;
ALTER TABLE device ALTER COLUMN dkey SET NOT NULL,
  DROP CONSTRAINT device_ip_key,
  DROP CONSTRAINT device_first_scan_fkey,
  DROP CONSTRAINT device_last_scan_fkey,
  ADD CONSTRAINT device_site_dkey UNIQUE (site, dkey),
  ADD CONSTRAINT device_site_id UNIQUE (id, site),
  ALTER COLUMN surveillance DROP NOT NULL,
  ALTER COLUMN surveillance DROP DEFAULT,
  ALTER COLUMN id SET DEFAULT cs_random_id();
DROP SEQUENCE device_id_seq;
UPDATE device SET surveillance = NULL
  WHERE surveillance = 0 AND device_class = 'unknown';
CREATE INDEX device_site_ip ON device (site, ip);
ALTER TABLE sighting ADD COLUMN site TEXT NOT NULL DEFAULT '',
  ADD COLUMN device_site TEXT NOT NULL DEFAULT '';
UPDATE sighting g SET site = s.site FROM scan s WHERE s.id = g.scan_id;
UPDATE sighting g SET device_site = d.site FROM device d
  WHERE d.id = g.device_id;
ALTER TABLE sighting DROP CONSTRAINT sighting_scan_id_fkey,
  DROP CONSTRAINT sighting_device_id_fkey,
  DROP CONSTRAINT sighting_scan_id_ip_key,
  ADD CONSTRAINT sighting_site_id UNIQUE (id, site),
  ADD CONSTRAINT sighting_scan_ip UNIQUE (site, scan_id, ip),
  ADD CONSTRAINT sighting_scan FOREIGN KEY (site, scan_id)
    REFERENCES scan (site, id) ON DELETE CASCADE,
  ADD CONSTRAINT sighting_device FOREIGN KEY (device_site, device_id)
    REFERENCES device (site, id) ON DELETE CASCADE,
  ALTER COLUMN surveillance DROP NOT NULL,
  ALTER COLUMN surveillance DROP DEFAULT,
  ALTER COLUMN id SET DEFAULT cs_random_id();
DROP SEQUENCE sighting_id_seq;
UPDATE sighting SET surveillance = NULL
  WHERE surveillance = 0 AND device_class = 'unknown';
ALTER TABLE sighting_port ADD COLUMN site TEXT NOT NULL DEFAULT '';
ALTER TABLE observation ADD COLUMN site TEXT NOT NULL DEFAULT '';
ALTER TABLE evidence ADD COLUMN site TEXT NOT NULL DEFAULT '';
ALTER TABLE attachment ADD COLUMN site TEXT NOT NULL DEFAULT '';
UPDATE sighting_port c SET site = g.site FROM sighting g
  WHERE g.id = c.sighting_id;
UPDATE observation c SET site = g.site FROM sighting g
  WHERE g.id = c.sighting_id;
UPDATE evidence c SET site = g.site FROM sighting g
  WHERE g.id = c.sighting_id;
UPDATE attachment c SET site = g.site FROM sighting g
  WHERE g.id = c.sighting_id;
ALTER TABLE sighting_port DROP CONSTRAINT sighting_port_pkey,
  DROP CONSTRAINT sighting_port_sighting_id_fkey,
  ADD PRIMARY KEY (site, sighting_id, port);
ALTER TABLE observation DROP CONSTRAINT observation_sighting_id_fkey,
  ALTER COLUMN id SET DEFAULT cs_random_id();
DROP SEQUENCE observation_id_seq;
ALTER TABLE evidence DROP CONSTRAINT evidence_sighting_id_fkey,
  DROP CONSTRAINT evidence_observation_id_fkey,
  ALTER COLUMN id SET DEFAULT cs_random_id();
DROP INDEX evidence_observation;
DROP SEQUENCE evidence_id_seq;
ALTER TABLE attachment DROP CONSTRAINT attachment_sighting_id_fkey,
  ALTER COLUMN id SET DEFAULT cs_random_id();
DROP SEQUENCE attachment_id_seq;
CREATE FUNCTION cs_under_sighting() RETURNS trigger LANGUAGE plpgsql
  AS $$DECLARE r record; BEGIN
  FOR r IN SELECT DISTINCT site, sighting_id FROM cs_new LOOP
    PERFORM 1 FROM sighting WHERE id = r.sighting_id
      AND site = r.site;
    IF NOT FOUND THEN
      RAISE EXCEPTION USING ERRCODE = 'foreign_key_violation',
        MESSAGE = TG_TABLE_NAME || ': a row refers to no sighting of its site';
    END IF;
  END LOOP; RETURN NULL; END$$;
CREATE FUNCTION cs_sighting_gone() RETURNS trigger LANGUAGE plpgsql
  AS $$DECLARE r record; BEGIN
  FOR r IN SELECT site, id FROM cs_old LOOP
    DELETE FROM sighting_port WHERE sighting_id = r.id
      AND site = r.site;
    DELETE FROM observation WHERE sighting_id = r.id
      AND site = r.site;
    DELETE FROM evidence WHERE sighting_id = r.id AND site = r.site;
    DELETE FROM attachment WHERE sighting_id = r.id
      AND site = r.site;
  END LOOP; RETURN NULL; END$$;
CREATE TRIGGER cs_sighting_gone AFTER DELETE ON sighting
  REFERENCING OLD TABLE AS cs_old FOR EACH STATEMENT
  EXECUTE FUNCTION cs_sighting_gone();
CREATE TRIGGER cs_under_sighting AFTER INSERT ON sighting_port
  REFERENCING NEW TABLE AS cs_new FOR EACH STATEMENT
  EXECUTE FUNCTION cs_under_sighting();
CREATE TRIGGER cs_under_sighting AFTER INSERT ON observation
  REFERENCING NEW TABLE AS cs_new FOR EACH STATEMENT
  EXECUTE FUNCTION cs_under_sighting();
CREATE TRIGGER cs_under_sighting AFTER INSERT ON evidence
  REFERENCING NEW TABLE AS cs_new FOR EACH STATEMENT
  EXECUTE FUNCTION cs_under_sighting();
CREATE TRIGGER cs_under_sighting AFTER INSERT ON attachment
  REFERENCING NEW TABLE AS cs_new FOR EACH STATEMENT
  EXECUTE FUNCTION cs_under_sighting();
