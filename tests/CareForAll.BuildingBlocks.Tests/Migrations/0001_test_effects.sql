-- A service-like table the tests' handlers and endpoints write their effects to. No IF NOT EXISTS on purpose:
-- two migrators running it at once would fail without the advisory lock.
CREATE TABLE test_effects (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    source     text        NOT NULL,
    reference  text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
