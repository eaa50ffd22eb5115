-- Finance ledger: every money movement and every settlement finance confirmed, kept by the Debezium
-- JDBC sink (upsert by movement id: a movement or settlement delivered twice is one row).
-- Idempotent: safe to run again.
CREATE TABLE IF NOT EXISTS movement (
  movement_id      text           PRIMARY KEY,
  application_id   text           NOT NULL,
  sequence         bigint         NOT NULL,
  credit_code      text           NOT NULL,
  zone             text           NOT NULL,
  programme        text           NOT NULL,
  year             integer        NOT NULL,
  money_kind       text           NOT NULL CHECK (money_kind IN ('CASH', 'TAX_DEDUCTION', 'CREDIT_LINE')),
  -- Signed: the change of the approved amount in this bucket.
  change           numeric(18, 2) NOT NULL,
  approved_amount  numeric(18, 2) NOT NULL,
  -- The part of a decrease already settled, to be recovered from the enterprise.
  to_recover       numeric(18, 2) NOT NULL CHECK (to_recover >= 0),
  reason           text           NOT NULL,
  occurred_at      timestamptz    NOT NULL,
  loaded_at        timestamptz    NOT NULL DEFAULT now()
);

CREATE INDEX IF NOT EXISTS movement_application ON movement (application_id);
CREATE INDEX IF NOT EXISTS movement_bucket_day ON movement (zone, programme, year, occurred_at);

CREATE TABLE IF NOT EXISTS settlement (
  movement_id      text           PRIMARY KEY,
  -- Signed: positive when paid, negative for a recovery received.
  amount           numeric(18, 2) NOT NULL,
  settled_at       timestamptz    NOT NULL,
  reference        text           NOT NULL,
  loaded_at        timestamptz    NOT NULL DEFAULT now()
);
