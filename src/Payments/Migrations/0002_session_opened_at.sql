-- A session's life starts when the gateway opened it, not when the payment row was written: a first attempt
-- whose gateway call failed may be retried much later with the same tran_id, and reconciliation must not expire
-- (or stop watching) a session the donor is still paying on.
ALTER TABLE payments.payments ADD COLUMN session_opened_at timestamptz NULL;
UPDATE payments.payments SET session_opened_at = created_at WHERE session_key IS NOT NULL;
