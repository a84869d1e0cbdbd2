-- SPDX-License-Identifier: ISC
-- Schema version 9: each console user's PostgreSQL role is named for the
-- inventory (database and schema) as well as the user, and recorded in
-- app_user.pg_role.  PostgreSQL roles belong to the whole cluster: under
-- v8 two inventories in one cluster with a console user of the same name
-- shared the role cs_u_NAME, and `user del` in one dropped it for both.
-- `camsweep user add` now names the role cs_u_TAG_NAME, TAG the first 8
-- hex digits of md5(database || '/' || schema) (docs/serve.md).  Users
-- made under v8 keep their role cs_u_NAME, recorded here, until they are
-- made again.
ALTER TABLE app_user ADD COLUMN pg_role TEXT NOT NULL DEFAULT '';
UPDATE app_user SET pg_role = 'cs_u_' || name WHERE admin = 0;
CREATE UNIQUE INDEX app_user_pg_role ON app_user (pg_role)
  WHERE pg_role <> '';
-- The sites a console user's role may read: as in v8, the role found
-- through app_user.pg_role instead of by its name.
CREATE OR REPLACE FUNCTION cs_reader_sites(r text) RETURNS text[]
  LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $$
BEGIN
  RETURN (SELECT coalesce(array_agg(DISTINCT s), '{}') FROM (
    SELECT value AS s FROM user_scope
      WHERE kind = 'site' AND user_name IN
        (SELECT name FROM app_user WHERE pg_role = r)
    UNION SELECT f.site FROM finding f WHERE f.department IN
      (SELECT value FROM user_scope WHERE kind = 'department'
        AND user_name IN (SELECT name FROM app_user WHERE pg_role = r))) x);
END$$;
REVOKE ALL ON FUNCTION cs_reader_sites(text) FROM PUBLIC;
