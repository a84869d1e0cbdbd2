-- SPDX-License-Identifier: ISC
-- Schema version 6 (issue #20): one row per recorded assessment, so a
-- report can name the scan and the assessment it shows, refuse to put a
-- newer scan beside older findings, and state the estate file (its text
-- and SHA-256), the regimes and the data it was judged with.

CREATE TABLE assessment (
  id            BIGSERIAL PRIMARY KEY,
  scan_id       BIGINT NOT NULL,
  assessed_at   BIGINT NOT NULL,
  as_of         TEXT NOT NULL DEFAULT '',
  regimes       TEXT NOT NULL DEFAULT '',
  estate_file   TEXT NOT NULL DEFAULT '',
  estate_sha256 TEXT NOT NULL DEFAULT '',
  estate_text   TEXT NOT NULL DEFAULT '',
  sites         TEXT NOT NULL DEFAULT '',
  departments   TEXT NOT NULL DEFAULT '',
  data_version  TEXT NOT NULL DEFAULT '',
  tool_version  TEXT NOT NULL DEFAULT '',
  command       TEXT NOT NULL DEFAULT '',
  findings      BIGINT NOT NULL DEFAULT 0);
CREATE INDEX assessment_time ON assessment (assessed_at, id);
