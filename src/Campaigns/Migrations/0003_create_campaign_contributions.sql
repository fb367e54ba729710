-- The money a campaign received, one row per counted pledge event. Consumers only insert here (no shared row is
-- touched, so one popular campaign does not serialise its donations); the totals applier adds unapplied rows to
-- campaigns.current_amount in batches. The key makes a repeated or late event a no-op.
CREATE TABLE campaigns.campaign_contributions (
    pledge_id   uuid          NOT NULL,
    kind        varchar(10)   NOT NULL CHECK (kind IN ('completed', 'refunded')),
    -- No foreign key: checking it would lock the campaign row on every donation.
    campaign_id uuid          NOT NULL,
    -- Signed: a completion adds, a refund subtracts.
    amount      numeric(15,2) NOT NULL
                CHECK ((kind = 'completed' AND amount > 0) OR (kind = 'refunded' AND amount < 0)),
    received_at timestamptz   NOT NULL DEFAULT now(),
    applied_at  timestamptz,
    PRIMARY KEY (pledge_id, kind)
);

CREATE INDEX idx_campaign_contributions_unapplied
    ON campaigns.campaign_contributions (received_at, pledge_id, kind) WHERE applied_at IS NULL;
CREATE INDEX idx_campaign_contributions_campaign ON campaigns.campaign_contributions (campaign_id);
