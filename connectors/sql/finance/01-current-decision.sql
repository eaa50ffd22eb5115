-- Finance ledger: the current decision of every application, kept by the Debezium JDBC sink (upsert by application id).
-- Idempotent: safe to run again.
CREATE TABLE IF NOT EXISTS current_decision (
  application_id   text          PRIMARY KEY,
  revision         integer       NOT NULL,
  -- 1, 2, … per application; the highest is the truth (contract).
  sequence         bigint        NOT NULL,
  programme        text          NOT NULL,
  credit_code      text          NOT NULL,
  enterprise_name  text,
  zone             text,
  year             integer       NOT NULL,
  status           text          NOT NULL CHECK (status IN ('APPROVED', 'REJECTED', 'WAITLISTED', 'WITHDRAWN')),
  requested_amount numeric(18, 2),
  approved_amount  numeric(18, 2) NOT NULL,
  -- [{"code": …, "message": …}] and {"reliefMonths": …}: the contract's plain JSON.
  reasons          jsonb         NOT NULL,
  details          jsonb         NOT NULL,
  policy_version   text          NOT NULL,
  submitted_at     timestamptz   NOT NULL,
  decided_at       timestamptz   NOT NULL,
  loaded_at        timestamptz   NOT NULL DEFAULT now()
);

-- Upsert lets the last record win; a replayed or late older decision must never replace a newer one.
CREATE OR REPLACE FUNCTION keep_newest_decision() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.sequence < OLD.sequence THEN
    RETURN NULL; -- skip this row's update, keep the newer decision
  END IF;
  NEW.loaded_at := now();
  RETURN NEW;
END
$$;

CREATE OR REPLACE TRIGGER current_decision_keep_newest
  BEFORE UPDATE ON current_decision
  FOR EACH ROW EXECUTE FUNCTION keep_newest_decision();

CREATE INDEX IF NOT EXISTS current_decision_status ON current_decision (programme, year, status);
