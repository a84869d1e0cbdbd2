-- SPDX-License-Identifier: ISC
-- Schema version 5 (issue #12): a scan that could not try every target,
-- or store every result, is 'incomplete', never 'complete'.

ALTER TABLE scan DROP CONSTRAINT IF EXISTS scan_status_check;
ALTER TABLE scan ADD CONSTRAINT scan_status_check CHECK (status IN
  ('running', 'interrupted', 'complete', 'incomplete'));
