-- SPDX-License-Identifier: ISC
-- Schema version 11: nothing on SQLite, whose PRAGMA data_version already
-- tells a connection that another one committed (cs_store_changes).  The
-- PostgreSQL migration adds the change notifications; the two schemas
-- keep one version number.
SELECT 1;
