-- SPDX-License-Identifier: ISC
-- Schema version 9: app_user.pg_role, a console user's PostgreSQL role
-- (see the PostgreSQL migration).  SQLite has no roles: the column stays
-- empty and keeps the two schemas alike.
ALTER TABLE app_user ADD COLUMN pg_role TEXT NOT NULL DEFAULT '';
