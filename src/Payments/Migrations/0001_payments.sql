-- Payments' tables live in the "payments" schema, as in the seed design. The seed's payments.idempotency_keys is
-- served by the building blocks' public.idempotency_keys (same purpose: key, request fingerprint, stored response,
-- expiry), which the same migration runner creates before these scripts.
CREATE SCHEMA IF NOT EXISTS payments;

CREATE TABLE payments.payments (
    id               uuid          PRIMARY KEY,
    -- One payment per pledge: a second initiation finds this row instead of opening a second charge.
    pledge_id        uuid          NOT NULL UNIQUE,
    campaign_id      uuid          NOT NULL,
    user_id          uuid,
    donor_email      varchar(255),
    -- Our SSLCommerz tran_id (at most 30 characters at the gateway); transaction_id keeps the seed's name for it.
    tran_id          varchar(30)   NOT NULL UNIQUE,
    transaction_id   varchar(255),
    payment_method   varchar(50)   CHECK (payment_method IN ('bkash', 'nagad', 'rocket', 'card', 'other')),
    amount           numeric(15,2) NOT NULL CHECK (amount > 0),
    currency         varchar(3)    NOT NULL DEFAULT 'BDT' CHECK (currency ~ '^[A-Z]{3}$'),
    status           varchar(20)   NOT NULL DEFAULT 'pending' CHECK (
        status IN ('pending', 'authorized', 'captured', 'completed', 'failed', 'refunded')),
    session_key      varchar(64),
    gateway_url      text,
    -- Set while one request opens the gateway session, so a concurrent initiation waits for that session
    -- instead of opening a second one a donor could pay twice.
    session_requested_at timestamptz,
    val_id           varchar(64),
    bank_tran_id     varchar(64),
    card_type        varchar(100),
    card_brand       varchar(50),
    risk_level       integer       CHECK (risk_level IN (0, 1)),
    risk_title       varchar(50),
    -- Amount less the gateway's fee; the gateway sends 1 to 5 decimals.
    store_amount     numeric(18,5),
    -- The last Order Validation API answer (never a secret: it holds no credentials).
    gateway_response jsonb,
    error_message    text,
    refund_reason    text,
    refunded_at      timestamptz,
    completed_at     timestamptz,
    released_by      uuid,
    released_at      timestamptz,
    -- W3C traceparent of the initiation, so a notification's processing (a fresh request) links to that trace.
    traceparent      varchar(64),
    -- Version of the payment aggregate, carried by its events so consumers can order them.
    version          bigint        NOT NULL DEFAULT 1,
    -- Reconciliation leaves a payment alone until then, so two replicas never ask about it at the same time.
    reconcile_after  timestamptz,
    created_at       timestamptz   NOT NULL DEFAULT now(),
    updated_at       timestamptz   NOT NULL DEFAULT now()
);

CREATE INDEX idx_payments_transaction ON payments.payments (transaction_id);
CREATE INDEX idx_payments_status ON payments.payments (status);
CREATE INDEX idx_payments_created ON payments.payments (created_at DESC);
CREATE INDEX idx_payments_user ON payments.payments (user_id) WHERE user_id IS NOT NULL;
-- What reconciliation scans: open payments, and failed ones whose session might still turn into a late success.
CREATE INDEX idx_payments_reconcile ON payments.payments (created_at)
    WHERE status IN ('pending', 'authorized', 'failed');

-- Every move and every refused move, with its reason and who or what asked for it.
CREATE TABLE payments.payment_state_history (
    id             uuid        PRIMARY KEY,
    -- Insertion order: the moves of one transaction share their timestamp.
    seq            bigint      GENERATED ALWAYS AS IDENTITY,
    payment_id     uuid        NOT NULL REFERENCES payments.payments (id),
    from_status    varchar(20),
    to_status      varchar(20) NOT NULL,
    accepted       boolean     NOT NULL,
    reason         text,
    source         varchar(20) NOT NULL CHECK (source IN ('initiation', 'ipn', 'browser', 'reconciliation', 'admin')),
    actor          jsonb,
    webhook_log_id uuid,
    created_at     timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX idx_payment_history ON payments.payment_state_history (payment_id, seq);

-- Every notification (IPN or browser return) exactly as it arrived, stored before anything else happens.
CREATE TABLE payments.webhook_logs (
    id              uuid         PRIMARY KEY,
    -- Hash of (tran_id, status, val_id, signature): IPN retries and the browser's copy of the same signed
    -- notification share it, so the second one is recognised and changes nothing.
    webhook_id      varchar(255) NOT NULL UNIQUE,
    event_type      varchar(100) NOT NULL,
    tran_id         varchar(64),
    payment_id      uuid,
    source          varchar(20)  NOT NULL CHECK (source IN ('ipn', 'browser')),
    remote_address  varchar(64),
    -- Every posted field, unmodified.
    payload         jsonb        NOT NULL,
    signature_valid boolean,
    processed       boolean      NOT NULL DEFAULT false,
    duplicate_count integer      NOT NULL DEFAULT 0,
    error_message   text,
    processed_at    timestamptz,
    created_at      timestamptz  NOT NULL DEFAULT now()
);

CREATE INDEX idx_webhook_processed ON payments.webhook_logs (processed, created_at);
CREATE INDEX idx_webhook_tran ON payments.webhook_logs (tran_id);

-- A refund in progress is a row here, not a payment state (ARCHITECTURE section 6). "reject" refunds a
-- risk-held captured payment; "refund" a completed one.
CREATE TABLE payments.refunds (
    id               uuid          PRIMARY KEY,
    payment_id       uuid          NOT NULL REFERENCES payments.payments (id),
    kind             varchar(10)   NOT NULL CHECK (kind IN ('refund', 'reject')),
    -- Ours, unique per refund attempt (the gateway requires it since 2025-02-24; at most 30 characters).
    refund_trans_id  varchar(30)   NOT NULL UNIQUE,
    refund_ref_id    varchar(64),
    amount           numeric(15,2) NOT NULL CHECK (amount > 0),
    currency         varchar(3)    NOT NULL,
    status           varchar(20)   NOT NULL CHECK (status IN ('requested', 'processing', 'refunded', 'failed')),
    reason           text          NOT NULL,
    admin_id         uuid,
    actor            jsonb,
    error_message    text,
    gateway_response jsonb,
    -- The tracker leaves a processing refund alone until then, so two replicas never poll it at the same time.
    next_check_at    timestamptz,
    created_at       timestamptz   NOT NULL DEFAULT now(),
    updated_at       timestamptz   NOT NULL DEFAULT now(),
    refunded_at      timestamptz
);

-- At most one live refund per payment: a second admin (or a second click) cannot start another one.
CREATE UNIQUE INDEX ux_refunds_active ON payments.refunds (payment_id)
    WHERE status IN ('requested', 'processing', 'refunded');
CREATE INDEX idx_refunds_processing ON payments.refunds (next_check_at) WHERE status = 'processing';
