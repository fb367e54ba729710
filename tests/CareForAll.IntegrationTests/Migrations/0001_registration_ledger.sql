-- The test consumer's effect: one row per registered user, counting how often its handler ran for that user.
CREATE TABLE registration_ledger (
    user_id       uuid        PRIMARY KEY,
    email         text        NOT NULL,
    times_handled integer     NOT NULL,
    first_seen_at timestamptz NOT NULL DEFAULT now()
);
