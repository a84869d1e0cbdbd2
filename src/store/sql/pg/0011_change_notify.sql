-- SPDX-License-Identifier: ISC
-- Schema version 11: a transaction that changes the inventory notifies
-- the channel camsweep_change when it commits (statement-level triggers;
-- PostgreSQL sends one notification per transaction and channel for the
-- same payload).  `camsweep serve` LISTENs on it to keep its answer
-- cache right (cs_store_changes; docs/serve.md): a notification arrives
-- only after the commit, so no answer computed before a change outlives
-- it.  Sessions and the audit log change no answer and are left out.
CREATE FUNCTION cs_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('camsweep_change', '');
  RETURN NULL;
END$$;
DO $$DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['scan', 'device', 'sighting', 'sighting_port',
      'observation', 'evidence', 'attachment', 'finding', 'finding_event',
      'reach', 'assessment', 'placement', 'app_user', 'user_scope'] LOOP
    EXECUTE format('CREATE TRIGGER cs_change AFTER INSERT OR UPDATE OR '
      'DELETE OR TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION '
      'cs_notify_change()', t);
  END LOOP;
END$$;
