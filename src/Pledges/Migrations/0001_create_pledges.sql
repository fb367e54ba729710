-- Pledges' tables live in the "pledges" schema, as in the seed design. The seed's pledges.outbox is not created:
-- events go through the building blocks' outbox_messages table (public schema), written in the same transaction
-- as the change and published by the outbox relay.
CREATE SCHEMA IF NOT EXISTS pledges;

CREATE TABLE pledges.pledges (
    id              uuid          PRIMARY KEY,
    campaign_id     uuid          NOT NULL,
    -- Null for a guest's pledge.
    user_id         uuid,
    donor_email     varchar(255)  NOT NULL,
    donor_name      varchar(255),
    amount          numeric(15,2) NOT NULL CHECK (amount > 0),
    -- Only BDT is accepted today; the currency always travels with the amount.
    currency        varchar(3)    NOT NULL DEFAULT 'BDT' CHECK (currency = 'BDT'),
    status          varchar(20)   NOT NULL DEFAULT 'pending' CHECK (
        status IN ('pending', 'payment_initiated', 'completed', 'failed', 'refunded')
    ),
    is_anonymous    boolean       NOT NULL DEFAULT false,
    message         text,
    metadata        jsonb,
    -- Version of the pledge aggregate, carried by its events so consumers can order them.
    version         bigint        NOT NULL DEFAULT 1,
    -- The payment driving this pledge and the newest of its events applied; older ones arriving late are ignored.
    payment_id      uuid,
    tran_id         varchar(100),
    payment_version bigint        NOT NULL DEFAULT 0,
    completed_at    timestamptz,
    created_at      timestamptz   NOT NULL DEFAULT now(),
    updated_at      timestamptz   NOT NULL DEFAULT now()
);

-- The seed's indexes. The user index also carries created_at, so a donor's history pages without sorting.
CREATE INDEX idx_pledges_campaign ON pledges.pledges (campaign_id);
CREATE INDEX idx_pledges_user ON pledges.pledges (user_id, created_at DESC);
CREATE INDEX idx_pledges_status ON pledges.pledges (status);
CREATE INDEX idx_pledges_email ON pledges.pledges (donor_email);
CREATE INDEX idx_pledges_created ON pledges.pledges (created_at DESC);

-- The donor wall reads only completed pledges, newest first; a pending insert never touches this index.
CREATE INDEX idx_pledges_campaign_wall ON pledges.pledges (campaign_id, completed_at DESC, id DESC)
    WHERE status = 'completed';

-- Every move a payment event asked for, applied or refused, with the reason.
CREATE TABLE pledges.pledge_state_history (
    id                 bigint       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    pledge_id          uuid         NOT NULL REFERENCES pledges.pledges (id) ON DELETE CASCADE,
    from_status        varchar(20)  NOT NULL,
    to_status          varchar(20)  NOT NULL CHECK (
        to_status IN ('pending', 'payment_initiated', 'completed', 'failed', 'refunded')
    ),
    accepted           boolean      NOT NULL,
    reason             text,
    payment_id         uuid,
    payment_event_id   uuid         NOT NULL,
    payment_event_type varchar(50)  NOT NULL,
    payment_version    bigint       NOT NULL,
    created_at         timestamptz  NOT NULL DEFAULT now()
);

CREATE INDEX idx_pledge_state_history_pledge ON pledges.pledge_state_history (pledge_id, id);
