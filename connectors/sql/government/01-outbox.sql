-- Government database: the outbox the subsidy intake captures (Debezium PostgreSQL connector, outbox EventRouter).
-- The government system inserts one row per application event in the same transaction as its own change.
-- Needs wal_level = logical on the server. Idempotent: safe to run again.
CREATE TABLE IF NOT EXISTS outbox (
  id            uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  -- The record kind; routes the row to the intake topic subsidy.intake.<aggregatetype>.v1.
  -- Which kinds: the constraint below.
  aggregatetype text        NOT NULL,
  -- The contract key: application id, credit code, or ZONE:PROGRAMME:YEAR for a budget.
  aggregateid   text        NOT NULL,
  type          text        NOT NULL DEFAULT 'submitted',
  -- The record as the contract's plain JSON (money as strings, dates YYYY-MM-DD, instants ISO-8601).
  payload       jsonb       NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now()
);

-- The record kinds of the programme catalogue (Catalogue.recordKinds(); CatalogueEverywhereTest
-- holds this list to it). Replaced on every run, so that an outbox created before a programme was
-- added accepts its rows.
ALTER TABLE outbox DROP CONSTRAINT IF EXISTS outbox_aggregatetype_check;
ALTER TABLE outbox ADD CONSTRAINT outbox_aggregatetype_check CHECK (aggregatetype IN
  ('enterprise', 'budget', 'rent-relief', 'rd-deduction', 'innovation-loan', 'tech-sme'));

-- Captured rows may be deleted afterwards (the router ignores deletes); this index helps that cleanup.
CREATE INDEX IF NOT EXISTS outbox_created_at ON outbox (created_at);

-- The connector uses this publication (publication.autocreate.mode=disabled), so it needs no ownership rights.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_publication WHERE pubname = 'subsidy_outbox') THEN
    CREATE PUBLICATION subsidy_outbox FOR TABLE outbox;
  END IF;
END
$$;
