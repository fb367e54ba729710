-- The read side: denormalised tables fed only by pledge and campaign events, never summed on request. Money only
-- comes from the pledge events (pledge.completed adds, pledge.refunded of a completed pledge takes it back).

-- Every change a reader can see gets a number from this sequence, so a cached copy, a pub/sub message and a live
-- subscriber can tell newer from older. A sequence is never reset by a rebuild, so numbers only grow.
CREATE SEQUENCE query.totals_version;

-- The money counted, one row per counted pledge event. The consumer only inserts here (plus NOTIFY): no shared row
-- is touched, so one viral campaign does not serialise its donations. The read model applier claims unapplied rows
-- in batches and moves every table below in one transaction. The key makes a repeated or late event a no-op.
CREATE TABLE query.pledge_ledger (
    pledge_id    uuid          NOT NULL,
    kind         varchar(10)   NOT NULL CHECK (kind IN ('completed', 'refunded')),
    campaign_id  uuid          NOT NULL,
    -- Null for a guest.
    user_id      uuid,
    -- Who counts as one donor: the user id, or a guest's lower-case email.
    donor_key    varchar(255)  NOT NULL,
    donor_email  varchar(255)  NOT NULL,
    -- Null for an anonymous donor.
    donor_name   varchar(255),
    is_anonymous boolean       NOT NULL,
    -- Always positive: the kind says whether it adds or takes back.
    amount       numeric(15,2) NOT NULL CHECK (amount > 0),
    currency     char(3)       NOT NULL,
    message      text,
    -- A completion: when the donation was made. A refund: when it was refunded.
    occurred_at  timestamptz   NOT NULL,
    -- Database time of the recording transaction; a rebuild keeps what arrived after it started.
    received_at  timestamptz   NOT NULL DEFAULT now(),
    applied_at   timestamptz,
    PRIMARY KEY (pledge_id, kind)
);

CREATE INDEX idx_pledge_ledger_unapplied
    ON query.pledge_ledger (received_at, pledge_id, kind) WHERE applied_at IS NULL;

-- The seed's campaign totals, plus what the totals route and the top lists show. A row may be created by the
-- applier before the campaign's first event arrives: it then has campaign_version 0 and no title until that event.
CREATE TABLE query.campaign_totals (
    campaign_id         uuid          PRIMARY KEY,
    title               varchar(255),
    campaign_type       varchar(50),
    goal_amount         numeric(15,2) CHECK (goal_amount >= 0),
    raised_amount       numeric(15,2) NOT NULL DEFAULT 0 CHECK (raised_amount >= 0),
    currency            char(3)       NOT NULL DEFAULT 'BDT',
    -- Distinct donors whose donations to this campaign still stand.
    donor_count         integer       NOT NULL DEFAULT 0 CHECK (donor_count >= 0),
    -- Donations that still stand (completed and not refunded).
    donation_count      integer       NOT NULL DEFAULT 0 CHECK (donation_count >= 0),
    last_donation_at    timestamptz,
    status              varchar(20)   CHECK (status IN ('draft', 'active', 'completed', 'cancelled', 'expired')),
    organizer_id        uuid,
    start_date          timestamptz,
    end_date            timestamptz,
    goal_reached_at     timestamptz,
    -- The campaign aggregate's version of the info above; a campaign event applies only when it is newer.
    campaign_version    bigint        NOT NULL DEFAULT 0,
    -- This row's read-model version (from query.totals_version), bumped by every visible change.
    version             bigint        NOT NULL,
    -- Capped so a campaign raising far beyond a tiny goal still fits; 100 means the goal is reached.
    progress_percentage numeric(9,2)  GENERATED ALWAYS AS (
        CASE WHEN goal_amount > 0 THEN LEAST(round(raised_amount / goal_amount * 100, 2), 9999999.99) ELSE 0 END
    ) STORED,
    created_at          timestamptz,
    updated_at          timestamptz   NOT NULL DEFAULT now()
);

CREATE INDEX idx_campaign_totals_status ON query.campaign_totals (status);
CREATE INDEX idx_campaign_totals_type ON query.campaign_totals (campaign_type);
CREATE INDEX idx_campaign_totals_progress ON query.campaign_totals (progress_percentage DESC);
CREATE INDEX idx_campaign_totals_raised ON query.campaign_totals (raised_amount DESC);

-- Each donor's standing donations per campaign: donor_count is the number of rows here above zero.
CREATE TABLE query.campaign_donors (
    campaign_id uuid         NOT NULL,
    donor_key   varchar(255) NOT NULL,
    donations   integer      NOT NULL CHECK (donations >= 0),
    PRIMARY KEY (campaign_id, donor_key)
);

-- The same across the platform: total_donors is the number of rows here above zero.
CREATE TABLE query.platform_donors (
    donor_key varchar(255) PRIMARY KEY,
    donations integer      NOT NULL CHECK (donations >= 0)
);

-- The seed's donation history: the donor wall (completed only), a user's history and a guest's emailed history.
CREATE TABLE query.donation_history (
    id             uuid          PRIMARY KEY DEFAULT gen_random_uuid(),
    pledge_id      uuid          NOT NULL UNIQUE,
    campaign_id    uuid          NOT NULL,
    campaign_title varchar(255),
    -- Null for a guest.
    donor_id       uuid,
    -- Null for an anonymous donor; never shown for one either way.
    donor_name     varchar(255),
    -- Lower-case; only ever compared (a guest's emailed history), never shown.
    donor_email    varchar(255)  NOT NULL,
    amount         numeric(15,2) NOT NULL CHECK (amount > 0),
    currency       char(3)       NOT NULL,
    is_anonymous   boolean       NOT NULL DEFAULT false,
    message        text,
    status         varchar(10)   NOT NULL CHECK (status IN ('completed', 'refunded')),
    donated_at     timestamptz   NOT NULL,
    refunded_at    timestamptz,
    created_at     timestamptz   NOT NULL DEFAULT now(),
    CHECK ((status = 'refunded') = (refunded_at IS NOT NULL))
);

CREATE INDEX idx_donation_history_wall
    ON query.donation_history (campaign_id, donated_at DESC, pledge_id DESC) WHERE status = 'completed';
CREATE INDEX idx_donation_history_donor ON query.donation_history (donor_id, donated_at DESC);
CREATE INDEX idx_donation_history_email ON query.donation_history (donor_email, donated_at DESC);
CREATE INDEX idx_donation_history_date ON query.donation_history (donated_at DESC);

-- The seed's user statistics, for registered donors (guests have no user id).
CREATE TABLE query.user_statistics (
    user_id             uuid          PRIMARY KEY,
    total_donated       numeric(15,2) NOT NULL DEFAULT 0 CHECK (total_donated >= 0),
    donation_count      integer       NOT NULL DEFAULT 0 CHECK (donation_count >= 0),
    campaigns_supported integer       NOT NULL DEFAULT 0 CHECK (campaigns_supported >= 0),
    first_donation_at   timestamptz,
    last_donation_at    timestamptz,
    updated_at          timestamptz   NOT NULL DEFAULT now()
);

CREATE INDEX idx_user_stats_total ON query.user_statistics (total_donated DESC);

-- The seed's platform statistics, one row. Campaign counts are not kept here: they are counted from
-- campaign_totals by status when the (cached) statistics are read.
CREATE TABLE query.platform_statistics (
    id              integer       PRIMARY KEY DEFAULT 1 CHECK (id = 1),
    total_raised    numeric(15,2) NOT NULL DEFAULT 0 CHECK (total_raised >= 0),
    total_donations integer       NOT NULL DEFAULT 0 CHECK (total_donations >= 0),
    total_donors    integer       NOT NULL DEFAULT 0 CHECK (total_donors >= 0),
    currency        char(3)       NOT NULL DEFAULT 'BDT',
    updated_at      timestamptz   NOT NULL DEFAULT now()
);

INSERT INTO query.platform_statistics (id) VALUES (1);

-- Standing donations per UTC hour in which they were made (a refund takes its donation out of that hour), for the
-- admin dashboard's donations per hour and money raised today.
CREATE TABLE query.donation_hours (
    hour      timestamptz   PRIMARY KEY CHECK (hour = date_trunc('hour', hour, 'UTC')),
    donations integer       NOT NULL CHECK (donations >= 0),
    amount    numeric(15,2) NOT NULL CHECK (amount >= 0)
);

-- Campaigns whose totals changed and are still to be announced on Redis pub/sub to every replica. Written in the
-- transaction of the change, deleted by the transaction that published them: a crash between the two announces
-- again (receivers ignore versions they already have), never loses one.
CREATE TABLE query.totals_announcements (
    campaign_id uuid   PRIMARY KEY,
    version     bigint NOT NULL
);
