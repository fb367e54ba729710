-- Tables every service gets from the building blocks: the outbox the relay publishes from, the inbox that
-- makes consumers idempotent, and the Idempotency-Key store of HTTP endpoints.

CREATE TABLE IF NOT EXISTS outbox_messages (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id          uuid        NOT NULL UNIQUE,
    event_type        text        NOT NULL,
    occurred_at       timestamptz NOT NULL,
    aggregate_id      uuid        NOT NULL,
    aggregate_version bigint      NOT NULL,
    data              jsonb       NOT NULL,
    traceparent       text        NULL,
    tracestate        text        NULL,
    created_at        timestamptz NOT NULL DEFAULT now(),
    locked_until      timestamptz NULL,
    attempts          integer     NOT NULL DEFAULT 0,
    last_error        text        NULL,
    sent_at           timestamptz NULL
);

-- The relay only ever looks at unsent rows; keeping them in a small partial index keeps claims cheap
-- however many sent rows are still waiting for cleanup.
CREATE INDEX IF NOT EXISTS ix_outbox_messages_pending ON outbox_messages (id) WHERE sent_at IS NULL;
CREATE INDEX IF NOT EXISTS ix_outbox_messages_sent_at ON outbox_messages (sent_at) WHERE sent_at IS NOT NULL;

CREATE TABLE IF NOT EXISTS inbox_messages (
    consumer    text        NOT NULL,
    event_id    uuid        NOT NULL,
    event_type  text        NOT NULL,
    received_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);

CREATE TABLE IF NOT EXISTS idempotency_keys (
    scope           text        NOT NULL,
    idempotency_key text        NOT NULL,
    fingerprint     text        NOT NULL,
    status_code     integer     NOT NULL,
    content_type    text        NULL,
    response_body   bytea       NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    expires_at      timestamptz NOT NULL,
    PRIMARY KEY (scope, idempotency_key)
);

CREATE INDEX IF NOT EXISTS ix_idempotency_keys_expires_at ON idempotency_keys (expires_at);
