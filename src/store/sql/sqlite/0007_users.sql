-- SPDX-License-Identifier: ISC
-- Schema version 7 (issue #21): the console's users, their scope, their
-- sessions and API tokens, and the audit log of every change made
-- through it (docs/serve.md).  A password is kept only as its Argon2id
-- encoding (salt and parameters inside); a session or token only as the
-- SHA-256 of the random token the client holds.
CREATE TABLE app_user (
  name    TEXT PRIMARY KEY,
  pwhash  TEXT NOT NULL,
  admin   INTEGER NOT NULL DEFAULT 0 CHECK (admin IN (0, 1)),
  created INTEGER NOT NULL);
CREATE TABLE user_scope (
  user_name TEXT NOT NULL REFERENCES app_user (name) ON DELETE CASCADE,
  kind      TEXT NOT NULL CHECK (kind IN ('site', 'department')),
  value     TEXT NOT NULL,
  PRIMARY KEY (user_name, kind, value));
CREATE TABLE session (
  token_hash TEXT PRIMARY KEY,
  user_name  TEXT NOT NULL REFERENCES app_user (name) ON DELETE CASCADE,
  kind       TEXT NOT NULL CHECK (kind IN ('api', 'page')),
  created    INTEGER NOT NULL,
  expires    INTEGER NOT NULL,
  csrf       TEXT NOT NULL DEFAULT '');
CREATE INDEX session_expires ON session (expires);
CREATE TABLE audit_log (
  id          INTEGER PRIMARY KEY,
  at          INTEGER NOT NULL,
  who         TEXT NOT NULL,
  client      TEXT NOT NULL DEFAULT '',
  action      TEXT NOT NULL,
  target      TEXT NOT NULL DEFAULT '',
  before_json TEXT NOT NULL DEFAULT '',
  after_json  TEXT NOT NULL DEFAULT '');
CREATE INDEX audit_log_at ON audit_log (at);
-- A department's sites, for a user scoped to departments.
CREATE INDEX finding_department ON finding (department, site);
