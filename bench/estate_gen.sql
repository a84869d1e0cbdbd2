-- SPDX-License-Identifier: ISC
-- A synthetic estate straight into a camsweep PostgreSQL inventory (schema
-- v5, created by `camsweep db init`): :sites sites, :devices devices, one
-- complete scan that saw every device, :obs observations, 3 evidence rows
-- and 2 ports per sighting.  Site k owns 10.0.0.0/11 + k*4096 (a /20).
-- Makers: a realistic mix of PRC makers (Hikvision, Dahua, Uniview,
-- Tiandy), others (Axis, Hanwha, Bosch, Avigilon, Milestone-fed NVRs) and
-- unidentified hosts.  Run by bench/bench_estate.sh with psql -v.
\set ON_ERROR_STOP on
SET session_replication_role = replica; -- bulk load: no row triggers
SET synchronous_commit = off;
SET maintenance_work_mem = '512MB';
BEGIN;
CREATE TEMP TABLE mk (n int PRIMARY KEY, maker text, country text,
  model text, cls text, surv int, server text);
INSERT INTO mk VALUES
 (0, 'Hikvision', 'CN', 'DS-2CD2043G2-I', 'camera', 1, 'Hikvision-Webs'),
 (1, 'Hikvision', 'CN', 'DS-7608NI-K2', 'nvr', 1, 'Hikvision-Webs'),
 (2, 'Dahua', 'CN', 'IPC-HDW2431T', 'camera', 1, 'DH-IPC'),
 (3, 'Dahua', 'CN', 'DHI-NVR4108HS', 'nvr', 1, 'DNVRS-Webs'),
 (4, 'Uniview', 'CN', 'IPC322LB', 'camera', 1, 'uniview'),
 (5, 'Axis Communications', 'SE', 'P3245-LV', 'camera', 1, 'axis'),
 (6, 'Axis Communications', 'SE', 'M3106-L', 'camera', 1, 'axis'),
 (7, 'Hanwha Vision', 'KR', 'XNV-6080', 'camera', 1, 'Hanwha'),
 (8, 'Bosch Security Systems', 'DE', 'FLEXIDOME IP 5000i', 'camera', 1, 'Bosch'),
 (9, 'Avigilon', 'CA', 'H5A-DO', 'camera', 1, 'Avigilon'),
 (10, 'Hikvision', 'CN', 'DS-KV8113-WME1', 'intercom', 1, 'Hikvision-Webs'),
 (11, 'Dahua', 'CN', '', 'unknown', NULL, 'Webs'),
 (12, '', '', '', 'unknown', NULL, 'lighttpd'),
 (13, '', '', '', 'unknown', NULL, 'nginx'),
 (14, 'Axis Communications', 'SE', 'Q6135-LE', 'camera', 1, 'axis'),
 (15, '', '', '', 'unknown', NULL, 'Apache');
INSERT INTO scan (id, scope, exclusions, ports, options, vantage, version,
  status, started, ended, total_targets, watermark, hosts_done, site)
  VALUES (1000, '10.0.0.0/11', '', '80,443,554,8000', '{}', 'bench', 'bench',
  'complete', 1790000000, 1790003600, 2097152, 2097152, :devices, '');
INSERT INTO device (id, ip, ip_num, manufacturer, manufacturer_country,
  brand, model, firmware, device_class, surveillance, confidence,
  first_scan, last_scan, first_seen, last_seen, mac, site, dkey, serial)
SELECT i, host(x.a), x.a - '0.0.0.0'::inet, m.maker, m.country, m.maker,
  m.model, 'V5.7.' || (i % 20), m.cls, m.surv,
  CASE WHEN m.maker = '' THEN 0 ELSE 0.9 END, 1000, 1000, 1790000000,
  1790003600, x.mac, 's' || (i % :sites), 'mac:' || x.mac, ''
FROM generate_series(1, :devices) i
CROSS JOIN LATERAL (SELECT '10.0.0.0'::inet + ((i % :sites) * 4096
  + i / :sites) AS a, lpad(to_hex(i), 12, '0') AS h) y
CROSS JOIN LATERAL (SELECT y.a, substr(y.h, 1, 2) || ':' || substr(y.h, 3, 2)
  || ':' || substr(y.h, 5, 2) || ':' || substr(y.h, 7, 2) || ':' ||
  substr(y.h, 9, 2) || ':' || substr(y.h, 11, 2) AS mac) x
JOIN mk m ON m.n = (hashint4(i) & 15);
INSERT INTO sighting (id, scan_id, device_id, ip, ip_num, seen_at,
  manufacturer, manufacturer_country, brand, model, firmware, device_class,
  surveillance, confidence, mac, site, device_site)
SELECT id, 1000, id, ip, ip_num, 1790000000 + id % 3600, manufacturer,
  manufacturer_country, brand, model, firmware, device_class, surveillance,
  confidence, mac, '', site FROM device;
INSERT INTO sighting_port (sighting_id, port, site)
SELECT id, p, '' FROM device, unnest(ARRAY[80, 554]) p;
INSERT INTO observation (id, sighting_id, seq, key, port, flags, value, site)
SELECT d.id * 1024 + k, d.id, k,
  (ARRAY['http.server', 'http.title', 'rtsp.server', 'onvif.manufacturer',
   'onvif.model', 'mac', 'http.header', 'tls.subject'])[1 + k % 8],
  (ARRAY[80, 80, 554, 80, 80, 0, 80, 443])[1 + k % 8], 0,
  convert_to(m.server || ' ' || m.model || ' #' || k, 'UTF8'), ''
FROM device d JOIN mk m ON m.n = (hashint4(d.id::int) & 15),
  generate_series(1, :obs / :devices) k;
INSERT INTO evidence (id, sighting_id, seq, field, claim, value, rule,
  obs_key, port, weight, site)
SELECT d.id * 4 + k, d.id, k,
  (ARRAY['manufacturer', 'model', 'class'])[k],
  (ARRAY[m.maker, m.model, m.cls])[k], m.server, 'bench-rule-' || k,
  'http.server', 80, 0.8, ''
FROM device d JOIN mk m ON m.n = (hashint4(d.id::int) & 15),
  generate_series(1, 3) k WHERE m.maker <> '';
-- reach: one device in 97 answered from the core network
INSERT INTO reach (vantage, ip, ports, reachable, checked_at)
SELECT 'core1', ip, '80,554', 1, 1790007200 FROM device WHERE id % 97 = 0;
COMMIT;
-- VACUUM as well as ANALYZE: an inventory in use has been vacuumed, and
-- without it autovacuum's first pass over the 50M new rows (and the hint
-- bits every first read sets) would run during the timed commands
VACUUM (ANALYZE);
SELECT (SELECT count(*) FROM device) AS devices,
  (SELECT count(*) FROM observation) AS observations,
  (SELECT count(*) FROM evidence) AS evidence;
