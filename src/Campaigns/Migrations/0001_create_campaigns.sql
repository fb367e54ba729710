-- Campaigns live in the "campaigns" schema, as in the seed design: every seed column, plus the currency beside
-- the money, the aggregate version carried by events, when the goal was reached, when and why it closed, and a
-- stored full-text vector for search.
CREATE SCHEMA IF NOT EXISTS campaigns;

CREATE TABLE campaigns.campaigns (
    id                  uuid          PRIMARY KEY,
    title               varchar(255)  NOT NULL,
    description         text          NOT NULL,
    campaign_type       varchar(50)   NOT NULL CHECK (campaign_type IN ('medical', 'education', 'emergency', 'long_term')),
    goal_amount         numeric(15,2) NOT NULL CHECK (goal_amount > 0),
    -- Moved only by the totals applier, from recorded pledge events; never by a request.
    current_amount      numeric(15,2) NOT NULL DEFAULT 0 CHECK (current_amount >= 0),
    currency            char(3)       NOT NULL DEFAULT 'BDT' CHECK (currency = 'BDT'),
    start_date          timestamptz   NOT NULL DEFAULT now(),
    end_date            timestamptz,
    status              varchar(20)   NOT NULL DEFAULT 'draft'
                        CHECK (status IN ('draft', 'active', 'completed', 'cancelled', 'expired')),
    organizer_id        uuid          NOT NULL,
    beneficiary_name    varchar(255),
    beneficiary_details text,
    image_url           text,
    documents           jsonb         NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(documents) = 'array'),
    -- Version of the campaign aggregate, carried by its events so consumers can order them.
    version             bigint        NOT NULL DEFAULT 1,
    -- Set once, by the first totals batch that reaches the goal: campaign.goal_reached is emitted exactly then.
    goal_reached_at     timestamptz,
    closed_at           timestamptz,
    cancel_reason       text,
    created_at          timestamptz   NOT NULL DEFAULT now(),
    updated_at          timestamptz   NOT NULL DEFAULT now(),
    -- Title words weigh more than description words when ranking search results.
    search              tsvector      GENERATED ALWAYS AS (
                            setweight(to_tsvector('english'::regconfig, title), 'A')
                            || setweight(to_tsvector('english'::regconfig, description), 'B')) STORED,

    CONSTRAINT valid_dates CHECK (end_date IS NULL OR end_date > start_date),
    CONSTRAINT closed_campaigns_have_closed_at CHECK (status NOT IN ('completed', 'cancelled', 'expired') OR closed_at IS NOT NULL)
);

CREATE INDEX idx_campaigns_status ON campaigns.campaigns (status);
CREATE INDEX idx_campaigns_organizer ON campaigns.campaigns (organizer_id);
CREATE INDEX idx_campaigns_type ON campaigns.campaigns (campaign_type);
CREATE INDEX idx_campaigns_dates ON campaigns.campaigns (start_date, end_date);
CREATE INDEX idx_campaigns_created ON campaigns.campaigns (created_at DESC);
CREATE INDEX idx_campaigns_search ON campaigns.campaigns USING gin (search);
-- The closing job looks only at active campaigns whose end date has passed.
CREATE INDEX idx_campaigns_active_end ON campaigns.campaigns (end_date) WHERE status = 'active';
